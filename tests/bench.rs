//! The benchmark programs (`bench/*.go`) must keep printing what Go 1.19
//! prints, so that `bench/run` never times a broken program: each is built
//! with minigo at its small test size (the `// test: N` on its size
//! constant) and run, and its output compared with `bench/expected/P.txt`,
//! recorded from Go 1.19 at that size by `bench/record-expected`. Timing is
//! `bench/run`'s business, never this test's.

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
    let expected = std::fs::read_to_string(&expected_path).map_err(|e| format!("{}: {} (record it with bench/record-expected)", expected_path.display(), e))?;
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

#[test]
fn benchmark_programs_print_what_go_prints() {
    let dir = root().join("bench");
    let mut programs: Vec<_> = std::fs::read_dir(&dir).expect("bench/").filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "go")).collect();
    programs.sort();
    assert!(programs.len() >= 8, "bench/ should hold at least 8 programs");
    let failures: Vec<String> = programs.iter().filter_map(|p| check(p).err()).collect();
    assert!(failures.is_empty(), "benchmark programs differ from Go 1.19:\n{}", failures.join("\n"));
}

#[test]
fn the_test_size_replaces_the_size_constant() {
    assert_eq!(at_test_size("const n = 1000000 // test: 10\n").as_deref(), Some("const n = 10\n"));
    assert_eq!(at_test_size("const n = 5\n"), None);
}
