//! The `-m` goldens of the suites (`P.m2.txt`, `P.m1.txt`, `P.ml.txt`,
//! recorded from `go build -gcflags=-m=2`, `-m` and `-m -l`): minigo's whole
//! `-m` output — inlining decisions, escape analysis and its `-m=2`
//! explanations — must be Go 1.19's, the same lines in the same order.
//!
//! `KNOWN_BAD` lists the cases that are known to differ, each with the
//! reason; such a case must still differ (so the list cannot go stale).

mod support;

use std::path::Path;
use std::time::Duration;

use support::{diff, minigo, normalize_compiler_output, root, run, TempDir};

const BUILD_LIMIT: Duration = Duration::from_secs(120);

/// BAD: cases whose `-m` output is known to differ from Go's, and why.
const KNOWN_BAD: &[(&str, &str)] = &[];

const MODES: &[(&str, &[&str])] = &[("m2", &["-m=2"]), ("m1", &["-m"]), ("ml", &["-m", "-l"])];

fn check_case(dir: &Path, file: &str, flags: &[&str], golden: &str) -> Result<(), String> {
    let want = std::fs::read_to_string(dir.join(golden)).map_err(|e| format!("no golden {}: {}", golden, e))?;
    let scratch = TempDir::new("decisions");
    let mut command = minigo();
    command.current_dir(dir).arg("build").args(flags).arg("-o").arg(scratch.path().join("a.out")).arg(file);
    let outcome = run(&mut command, BUILD_LIMIT);
    let got = normalize_compiler_output(&outcome.stderr, file);
    if got == want {
        Ok(())
    } else {
        Err(diff(&want, &got, 30))
    }
}

fn check_folder(name: &str) {
    let dir = root().join("tests").join(name);
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {}", dir.display(), e))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".go"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no programs in {}", dir.display());
    let mut failures = Vec::new();
    for file in &files {
        let case = format!("{}/{}", name, file);
        let known_bad = KNOWN_BAD.iter().find(|(c, _)| *c == case);
        let stem = file.trim_end_matches(".go");
        let mut differs = false;
        for (mode, flags) in MODES {
            if let Err(report) = check_case(&dir, file, flags, &format!("{}.{}.txt", stem, mode)) {
                differs = true;
                if known_bad.is_none() {
                    eprintln!("--- FAIL {} ({}):\n{}", case, mode, report);
                    failures.push(format!("{} {}", case, mode));
                }
            }
        }
        if let Some((_, reason)) = known_bad {
            if differs {
                eprintln!("--- BAD {}: {}", case, reason);
            } else {
                failures.push(format!("{} matches Go now: remove it from KNOWN_BAD", case));
            }
        }
    }
    assert!(failures.is_empty(), "-m output differs from Go 1.19:\n  {}", failures.join("\n  "));
}

#[test]
fn inline_suite_m_output() {
    check_folder("inline");
}

#[test]
fn programs_suite_m_output() {
    check_folder("programs");
}

#[test]
fn escape_suite_m_output() {
    check_folder("escape");
}

/// A program gc rejects prints no decisions, unless its error is one gc
/// reports once the package compiled; a package other than main builds.
#[test]
fn errors_suite_m_output() {
    check_folder("errors");
}
