//! The benchmark programs (`bench/*.go`) must keep printing what Go 1.19
//! prints, so that `bench/run` never times a broken program: each is built
//! with minigo at its small test size (the `// test: N` on its size
//! constant) and run, and its output compared with `bench/expected/P.txt`,
//! recorded from Go 1.19 at that size by `bench/record-expected`. Timing is
//! `bench/run`'s business, never this test's.
//!
//! The bounds checks minigo leaves in them (`-d=ssa/check_bce`) are compared
//! with the ones Go 1.19 leaves (`bench/expected/P.bce.txt`): the checks
//! only minigo makes must be exactly the known ones listed below, so a
//! change that adds a check fails, and one that removes a listed check says
//! so. Checks Go keeps and minigo removes are minigo's own proofs
//! (`passes/src/prove.rs`) and tested by the programs that panic.

mod support;

use std::path::Path;
use std::time::Duration;

use regex::Regex;
use support::{diff, minigo, root, run, Status, TempDir};

const LIMIT: Duration = Duration::from_secs(120);

/// The program with its size constant set to the test size.
fn at_test_size(source: &str) -> Option<String> {
    let size = Regex::new(r"=\s*\S+\s*// test: (\d+)").expect("static regex");
    size.is_match(source).then(|| size.replace(source, "= $1").into_owned())
}

fn check(program: &Path) -> Result<(), String> {
    let name = program.file_stem().and_then(|s| s.to_str()).expect("file name");
    let source = std::fs::read_to_string(program).map_err(|e| format!("{}: {}", program.display(), e))?;
    let small = at_test_size(&source).ok_or_else(|| format!("{}: no `// test: N` size", program.display()))?;
    let expected_path = root().join("bench/expected").join(format!("{}.txt", name));
    let expected = std::fs::read_to_string(&expected_path)
        .map_err(|e| format!("{}: {} (record it with bench/record-expected)", expected_path.display(), e))?;
    let scratch = TempDir::new("bench");
    let file = scratch.path().join(format!("{}.go", name));
    std::fs::write(&file, small).expect("writing the test-size program");
    let executable = scratch.path().join(name);
    let mut build = minigo();
    build.current_dir(scratch.path()).arg("build").arg("-o").arg(&executable).arg(&file);
    let built = run(&mut build, LIMIT);
    if built.status != Status::Exited(0) {
        return Err(format!("minigo build: {}\n{}", built.status, built.stderr));
    }
    let ran = run(&mut std::process::Command::new(&executable), LIMIT);
    let got = ran.stdout + &ran.stderr;
    if ran.status != Status::Exited(0) || got != expected {
        return Err(format!("{}: exit {}\n{}", name, ran.status, diff(&expected, &got, 20)));
    }
    Ok(())
}

/// `bench/*.go`, sorted.
fn bench_programs() -> Vec<std::path::PathBuf> {
    let dir = root().join("bench");
    let mut programs: Vec<_> = std::fs::read_dir(&dir)
        .expect("bench/")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    programs.sort();
    programs
}

#[test]
fn benchmark_programs_print_what_go_prints() {
    let programs = bench_programs();
    assert!(programs.len() >= 8, "bench/ should hold at least 8 programs");
    let failures: Vec<String> = programs.iter().filter_map(|p| check(p).err()).collect();
    assert!(failures.is_empty(), "benchmark programs differ from Go 1.19:\n{}", failures.join("\n"));
}

/// The bounds checks minigo makes and Go 1.19 removes, by program, each
/// with the gc rule minigo lacks.
const CHECKS_ONLY_MINIGO_MAKES: &[(&str, &[&str])] = &[];

/// `line:col` of every `Found` line of a check_bce report.
fn check_positions(report: &str, name: &str) -> Vec<String> {
    let prefix = format!("./{}.go:", name);
    report.lines().filter_map(|l| l.strip_prefix(&prefix)).filter_map(|l| l.split_once(": Found ")).map(|(at, _)| at.to_string()).collect()
}

fn check_bounds_checks(program: &Path) -> Result<(), String> {
    let name = program.file_stem().and_then(|s| s.to_str()).expect("file name");
    let expected_path = root().join("bench/expected").join(format!("{}.bce.txt", name));
    let go = std::fs::read_to_string(&expected_path)
        .map_err(|e| format!("{}: {} (record it with bench/record-expected)", expected_path.display(), e))?;
    let go = check_positions(&go, name);
    let scratch = TempDir::new("bench-bce");
    std::fs::copy(program, scratch.path().join(format!("{}.go", name))).expect("copying the program");
    let mut build = minigo();
    build.current_dir(scratch.path()).args(["build", "-d=ssa/check_bce", "-o", name]).arg(format!("{}.go", name));
    let built = run(&mut build, LIMIT);
    if built.status != Status::Exited(0) {
        return Err(format!("minigo build -d=ssa/check_bce: {}\n{}", built.status, built.stderr));
    }
    let only_minigo: Vec<String> = check_positions(&built.stderr, name).into_iter().filter(|at| !go.contains(at)).collect();
    let known: Vec<String> =
        CHECKS_ONLY_MINIGO_MAKES.iter().filter(|(p, _)| *p == name).flat_map(|(_, ats)| ats.iter().map(|a| a.to_string())).collect();
    if only_minigo != known {
        return Err(format!("{}: checks Go 1.19 removes and minigo keeps: {:?}, known: {:?}", name, only_minigo, known));
    }
    Ok(())
}

#[test]
fn benchmark_bounds_checks_are_gos_but_for_the_known_ones() {
    let programs = bench_programs();
    let failures: Vec<String> = programs.iter().filter_map(|p| check_bounds_checks(p).err()).collect();
    assert!(failures.is_empty(), "bounds checks differ from Go 1.19's:\n{}", failures.join("\n"));
}

#[test]
fn the_test_size_replaces_the_size_constant() {
    assert_eq!(at_test_size("const n = 1000000 // test: 10\n").as_deref(), Some("const n = 10\n"));
    assert_eq!(at_test_size("const n = 5\n"), None);
}
