//! The data-driven suites: folders of Go programs, each with goldens recorded
//! from Go 1.19 by `scripts/regen-goldens` (named as in the conformance
//! corpus: `P.out.txt` and `P.exit.txt`). Adding a case is adding a file.
//!
//! - run suites (`tests/programs`, `tests/inline`, `tests/escape`, and
//!   `examples/` with its goldens in `tests/examples`): `minigo build` the
//!   program, run it with `GOTRACEBACK=none`, compare stdout+stderr (the pc of
//!   a `[signal ...]` line masked) and the exit status;
//! - `tests/errors`: compare what a plain `minigo build` prints (header
//!   dropped, paths reduced to the file name) and its exit status.
//!
//! The run suites run a second time built with `-d=poisonstack` (on the
//! host), which overwrites every stack-allocated object when its function
//! returns: an object escape analysis wrongly kept on the stack shows up as
//! wrong output or a crash.
//!
//! Each suite checks every case, prints a report with a diff for each
//! failing one, and fails at the end naming them all. The `-m` goldens
//! (`.m2.txt`, `.m1.txt`, `.ml.txt`) are kept for the inliner and escape
//! analysis and are not compared here.

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use backend::Target;

use support::{diff, go_files, minigo, normalize_compiler_output, normalize_program_output, root, run, run_targets, Status, TempDir};

/// A debug-built compiler on a busy 2-core machine: generous.
const BUILD_LIMIT: Duration = Duration::from_secs(120);
/// Go runs every program of the suites in well under a second.
const RUN_LIMIT: Duration = Duration::from_secs(30);
/// Diff lines shown per failing case.
const DIFF_LINES: usize = 40;

/// BAD: cases known to differ from Go 1.19, each with the reason. Such a
/// case must still differ, so the list cannot go stale.
const KNOWN_BAD: &[(&str, &str)] = &[];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Build, run, compare the program's output and exit status.
    Run,
    /// Build, compare the compile errors and the exit status.
    Errors,
}

struct Suite {
    name: &'static str,
    /// Where the `.go` files are.
    sources: PathBuf,
    /// Where their goldens are.
    goldens: PathBuf,
    kind: Kind,
    /// Extra `minigo build` flags; with any, only the host runs the cases.
    flags: &'static [&'static str],
}

impl Suite {
    /// A folder of `tests/` holding programs and goldens side by side.
    fn folder(name: &'static str, kind: Kind) -> Suite {
        let dir = root().join("tests").join(name);
        Suite { name, sources: dir.clone(), goldens: dir, kind, flags: &[] }
    }

    /// The same suite built with `-d=poisonstack`.
    fn poisoned(self) -> Suite {
        Suite { flags: &["-d=poisonstack"], ..self }
    }
}

#[test]
fn programs() {
    check_suite(&Suite::folder("programs", Kind::Run));
}

#[test]
fn inline_run() {
    check_suite(&Suite::folder("inline", Kind::Run));
}

#[test]
fn escape_run() {
    check_suite(&Suite::folder("escape", Kind::Run));
}

#[test]
fn programs_poisoned() {
    check_suite(&Suite::folder("programs", Kind::Run).poisoned());
}

#[test]
fn inline_run_poisoned() {
    check_suite(&Suite::folder("inline", Kind::Run).poisoned());
}

#[test]
fn escape_run_poisoned() {
    check_suite(&Suite::folder("escape", Kind::Run).poisoned());
}

#[test]
fn errors() {
    check_suite(&Suite::folder("errors", Kind::Errors));
}

#[test]
fn examples() {
    check_suite(&Suite {
        name: "examples",
        sources: root().join("examples"),
        goldens: root().join("tests").join("examples"),
        kind: Kind::Run,
        flags: &[],
    });
}

fn check_suite(suite: &Suite) {
    let files = go_files(&suite.sources);
    assert!(!files.is_empty(), "suite {}: no .go files in {}", suite.name, suite.sources.display());
    let mut failures = Vec::new();
    for file in &files {
        let case = format!("{}/{}", suite.name, file);
        let result = match suite.kind {
            Kind::Run => check_run(suite, file),
            Kind::Errors => check_errors(suite, file),
        };
        let known_bad = KNOWN_BAD.iter().find(|(c, _)| *c == case);
        match (result, known_bad) {
            (Err(report), None) => {
                eprintln!("--- FAIL {}: {}", case, report);
                failures.push(case);
            }
            (Err(_), Some((_, reason))) => eprintln!("--- BAD {}: {}", case, reason),
            (Ok(()), Some(_)) => failures.push(format!("{} matches Go now: remove it from KNOWN_BAD", case)),
            (Ok(()), None) => {}
        }
    }
    if !failures.is_empty() {
        panic!("{} of {} cases of suite {} failed (reports above):\n  {}", failures.len(), files.len(), suite.name, failures.join("\n  "));
    }
}

/// The goldens of `file`: its expected output and exit status.
fn goldens(suite: &Suite, file: &str) -> Result<(String, i32), String> {
    let stem = file.trim_end_matches(".go");
    let read = |suffix: &str| {
        let path = suite.goldens.join(format!("{}.{}", stem, suffix));
        std::fs::read_to_string(&path).map_err(|e| format!("no golden {} ({}); record it with scripts/regen-goldens", path.display(), e))
    };
    let out = read("out.txt")?;
    let exit = read("exit.txt")?;
    let exit = exit.trim().parse::<i32>().map_err(|e| format!("bad {}.exit.txt {:?}: {}", stem, exit, e))?;
    Ok((out, exit))
}

/// Builds `file` with `minigo build -o <scratch>/<stem> <file>` from its folder.
fn build(suite: &Suite, file: &str, scratch: &Path, target: Target) -> (support::Outcome, PathBuf) {
    let executable = scratch.join(format!("{}-{}", file.trim_end_matches(".go"), target.name()));
    let mut command = minigo();
    command
        .current_dir(&suite.sources)
        .arg("build")
        .args(suite.flags)
        .arg("--target")
        .arg(target.name())
        .arg("-o")
        .arg(&executable)
        .arg(file);
    (run(&mut command, BUILD_LIMIT), executable)
}

fn check_run(suite: &Suite, file: &str) -> Result<(), String> {
    let (want_out, want_exit) = goldens(suite, file)?;
    let scratch = TempDir::new(suite.name);
    let targets = if suite.flags.is_empty() { run_targets() } else { vec![Target::host()] };
    for target in targets {
        let (built, executable) = build(suite, file, scratch.path(), target);
        if built.status != Status::Exited(0) {
            return Err(format!(
                "minigo build --target {}: {}\n{}{}",
                target.name(),
                built.status,
                indent(&built.stdout),
                indent(&built.stderr)
            ));
        }
        let mut command = target.run_command(&executable).map_err(|e| format!("{}: {}", target.name(), e))?;
        command.current_dir(scratch.path()).env("GOTRACEBACK", "none").env_remove("MINIGO_MEMSTATS");
        let ran = run(&mut command, RUN_LIMIT);
        let got = normalize_program_output(&(ran.stdout + &ran.stderr));
        let want = normalize_program_output(&want_out);
        compare(&ran.status, want_exit, &want, &got).map_err(|e| format!("on {}: {}", target.name(), e))?;
    }
    Ok(())
}

fn check_errors(suite: &Suite, file: &str) -> Result<(), String> {
    let (want_out, want_exit) = goldens(suite, file)?;
    let scratch = TempDir::new(suite.name);
    let (built, _) = build(suite, file, scratch.path(), Target::host());
    let got = normalize_compiler_output(&(built.stdout + &built.stderr), file);
    let want = normalize_compiler_output(&want_out, file);
    compare(&built.status, want_exit, &want, &got)
}

fn compare(status: &Status, want_exit: i32, want: &str, got: &str) -> Result<(), String> {
    if *status == Status::Exited(want_exit) && want == got {
        return Ok(());
    }
    let mut report = if *status == Status::Exited(want_exit) {
        format!("output differs ({} as wanted)\n", status)
    } else {
        format!("{}, want exit status {}\n", status, want_exit)
    };
    if want != got {
        report.push_str("  output (-want +got):\n");
        report.push_str(&diff(want, got, DIFF_LINES));
    }
    Err(report)
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {}\n", l)).collect()
}

#[test]
fn compiler_output_is_normalized_like_the_corpus() {
    assert_eq!(
        normalize_compiler_output("# command-line-arguments\n./p.go:6:9: x escapes: from &x at /a/b/p.go:6:9\n", "p.go"),
        "p.go:6:9: x escapes: from &x at p.go:6:9\n"
    );
    assert_eq!(normalize_compiler_output("sub/p.go:1:1: x (see ./p.gox)\n", "p.go"), "p.go:1:1: x (see ./p.gox)\n");
    assert_eq!(normalize_program_output("[signal SIGSEGV addr=0x0 pc=0x4a2f]\n"), "[signal SIGSEGV addr=0x0 pc=PC]\n");
}

#[test]
fn diffs_mark_changed_lines() {
    assert_eq!(diff("a\nb\nc\n", "a\nx\nc\n", 10), "   a\n  -b\n  +x\n   c\n");
    assert_eq!(diff("a\n", "a\n", 10), "");
}
