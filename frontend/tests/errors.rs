//! The frontend's compile-error suite: every `tests/errors/P.go` (and the
//! conformance corpus's, in the workspace's `tests/errors`) is parsed
//! and type-checked, its diagnostics rendered as `go build` prints them (the
//! `# command-line-arguments` header and the `./` dropped) and compared with
//! `P.out.txt`, recorded from Go 1.19 by `tests/errors/record.sh`. The
//! programs under `tests/errors/minigo/` are ones Go accepts and minigo
//! rejects (standard-library imports, tier-2 features); their goldens are
//! written by hand. Like gc, the checker does not run after a syntax error.
//!
//! Also here: every valid program of the workspace's run suites
//! (`tests/programs`, `tests/inline`, `tests/escape`, which hold the shared
//! conformance corpus's programs) checks without a diagnostic, and the
//! checker survives (does not panic on) every error program and a few run
//! programs with one token deleted.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use frontend::ast::SourceMap;
use frontend::diag::{render_all, Diagnostic};
use frontend::lexer;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace's run suites, one folder each under `tests/`.
fn run_suites_dir() -> PathBuf {
    manifest_dir().join("../tests")
}

/// The `.go` files of a folder, sorted by name.
fn go_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {}", dir.display(), e))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "go"))
        .collect();
    files.sort();
    files
}

/// Parses and checks as the driver does (`frontend::analyze`, as go build
/// runs gc, with -complete): no type checking after a syntax error; the
/// errors gc reports once the package compiled come last.
fn diagnose(source: &str) -> Vec<Diagnostic> {
    match frontend::analyze(source, frontend::Options { complete: true }) {
        Ok(analyzed) => analyzed.checked.late_errors,
        Err(diagnostics) => diagnostics,
    }
}

/// What `go build` prints for the file, normalized like the goldens.
fn render(path: &Path) -> String {
    let source = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {}", path.display(), e));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("P.go");
    render_all(&diagnose(&source), name, &SourceMap::new(&source))
}

/// A line diff: `-` lines are the golden's, `+` lines are ours.
fn diff(want: &str, got: &str) -> String {
    let want: Vec<&str> = want.lines().collect();
    let got: Vec<&str> = got.lines().collect();
    let mut out = String::new();
    for line in &want {
        if !got.contains(line) {
            out.push_str(&format!("  - {}\n", line));
        }
    }
    for line in &got {
        if !want.contains(line) {
            out.push_str(&format!("  + {}\n", line));
        }
    }
    if out.is_empty() {
        out.push_str("  (same lines, different order)\n");
        for line in &got {
            out.push_str(&format!("  + {}\n", line));
        }
    }
    out
}

/// BAD: cases known to differ from Go 1.19, with the reason. Such a case
/// must still differ, so the list cannot go stale.
const KNOWN_BAD: &[(&str, &str)] = &[];

fn compare_folder(dir: &Path) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let files = go_files(dir);
    for path in &files {
        let golden_path = path.with_extension("out.txt");
        let got = render(path);
        let Ok(want) = std::fs::read_to_string(&golden_path) else {
            failures.push(format!("{}: no golden {}; minigo prints:\n{}", path.display(), golden_path.display(), got));
            continue;
        };
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let known_bad = KNOWN_BAD.iter().find(|(bad, _)| *bad == name);
        match (got.trim_end() == want.trim_end(), known_bad) {
            (true, Some((_, reason))) => {
                failures.push(format!("{}: listed as BAD ({}) but now matches: take it off KNOWN_BAD", path.display(), reason))
            }
            (false, None) => failures.push(format!("{}:\n{}", path.display(), diff(&want, &got))),
            _ => {}
        }
    }
    (files.len(), failures)
}

#[test]
fn errors_match_go() {
    let dir = manifest_dir().join("tests/errors");
    let (n_go, mut failures) = compare_folder(&dir);
    let (n_minigo, minigo_failures) = compare_folder(&dir.join("minigo"));
    failures.extend(minigo_failures);
    // The conformance corpus's error programs, which the CLI suite also builds.
    let (n_corpus, corpus_failures) = compare_folder(&run_suites_dir().join("errors"));
    failures.extend(corpus_failures);
    let total = n_go + n_minigo + n_corpus;
    assert!(failures.is_empty(), "{} of {} error cases differ:\n{}", failures.len(), total, failures.join("\n"));
}

/// The valid programs of the run suites.
fn valid_programs() -> Vec<PathBuf> {
    let root = run_suites_dir();
    ["programs", "inline", "escape"].iter().flat_map(|dir| go_files(&root.join(dir))).collect()
}

#[test]
fn valid_programs_check_cleanly() {
    let mut failures = Vec::new();
    let programs = valid_programs();
    assert!(!programs.is_empty(), "no programs found under {}", run_suites_dir().display());
    for path in &programs {
        // On a big stack, as minigo checks (tests/programs/deepnesting nests 10,000 deep).
        let file = path.clone();
        let thread = std::thread::Builder::new().stack_size(1 << 30).spawn(move || render(&file)).expect("a checker thread");
        let got = thread.join().expect("the checker does not panic");
        if !got.is_empty() {
            failures.push(format!("{}:\n{}", path.display(), got));
        }
    }
    assert!(failures.is_empty(), "{} of {} valid programs have diagnostics:\n{}", failures.len(), programs.len(), failures.join("\n"));
}

/// The byte ranges of the file's tokens (inserted semicolons excluded).
fn token_spans(source: &str) -> Vec<(usize, usize)> {
    lexer::lex(source).tokens.into_iter().filter(|(start, _, end)| end > start).map(|(start, _, end)| (start, end)).collect()
}

#[test]
fn checker_survives_token_deletion() {
    let mut sources: Vec<PathBuf> = go_files(&manifest_dir().join("tests/errors"));
    let root = run_suites_dir();
    for name in ["programs/bank.go", "programs/vm.go", "inline/methods.go", "escape/closure_capture.go"] {
        sources.push(root.join(name));
    }
    let mut panics = Vec::new();
    let mut variants = 0;
    for path in &sources {
        let Ok(source) = std::fs::read_to_string(path) else { continue };
        for (start, end) in token_spans(&source) {
            let mutated = format!("{}{}", &source[..start], &source[end..]);
            variants += 1;
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                let diagnostics = diagnose(&mutated);
                render_all(&diagnostics, "P.go", &SourceMap::new(&mutated))
            }));
            if outcome.is_err() {
                panics.push(format!("{} without bytes {}..{}", path.display(), start, end));
            }
        }
    }
    assert!(variants > 1000, "only {} mutated programs", variants);
    assert!(panics.is_empty(), "{} panics:\n{}", panics.len(), panics.join("\n"));
}
