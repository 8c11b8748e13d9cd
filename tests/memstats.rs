//! Heap allocations counted by the runtime (`MINIGO_MEMSTATS=1` prints
//! `memstats: mallocs=N bytes=M` at exit), against hand-checked counts:
//! what escape analysis keeps on the stack must not reach the allocator, and
//! `-d=nostackalloc` (everything on the heap) shows what that saves.

mod support;

use std::time::Duration;

use support::{minigo, root, run, Status, TempDir};

const LIMIT: Duration = Duration::from_secs(120);

/// Builds `tests/memstats/<file>` with `flags`, runs it with MINIGO_MEMSTATS=1
/// and returns its output and the (mallocs, bytes) it reports.
fn memstats(file: &str, flags: &[&str]) -> (String, u64, u64) {
    let scratch = TempDir::new("memstats");
    let executable = scratch.path().join("a.out");
    let mut build = minigo();
    build.current_dir(root().join("tests/memstats")).arg("build").args(flags).arg("-o").arg(&executable).arg(file);
    let built = run(&mut build, LIMIT);
    assert_eq!(built.status, Status::Exited(0), "minigo build {}: {}", file, built.stderr);
    let mut program = std::process::Command::new(&executable);
    program.env("MINIGO_MEMSTATS", "1");
    let ran = run(&mut program, LIMIT);
    assert_eq!(ran.status, Status::Exited(0), "{}: {}", file, ran.stderr);
    let line = ran.stderr.lines().find(|l| l.starts_with("memstats: ")).unwrap_or_else(|| panic!("no memstats line in {:?}", ran.stderr));
    let field = |name: &str| -> u64 {
        let value = line.split_whitespace().find_map(|w| w.strip_prefix(name)).unwrap_or_else(|| panic!("no {} in {:?}", name, line));
        value.parse().unwrap_or_else(|e| panic!("{:?}: {}", line, e))
    };
    (ran.stderr.clone(), field("mallocs="), field("bytes="))
}

#[test]
fn non_escaping_allocations_in_a_loop_stay_on_the_stack() {
    let (output, mallocs, bytes) = memstats("allocloop.go", &[]);
    assert!(output.starts_with("999999000000\n"), "wrong output: {:?}", output);
    assert_eq!((mallocs, bytes), (0, 0));
}

#[test]
fn without_stack_allocation_every_object_is_a_heap_allocation() {
    let (output, mallocs, bytes) = memstats("allocloop.go", &["-d=nostackalloc"]);
    assert!(output.starts_with("999999000000\n"), "wrong output: {:?}", output);
    assert_eq!((mallocs, bytes), (1_000_000, 16_000_000));
}

#[test]
fn a_variable_moved_to_the_heap_costs_one_cell_per_declaration() {
    let (output, mallocs, bytes) = memstats("heapvar.go", &[]);
    assert!(output.starts_with("499500\n"), "wrong output: {:?}", output);
    assert_eq!((mallocs, bytes), (1000, 8000));
}

#[test]
fn goroutines_and_channels_are_counted_once_each() {
    let (output, mallocs, bytes) = memstats("goroutines.go", &[]);
    assert!(output.starts_with("499500\n"), "wrong output: {:?}", output);
    // 1,000 go records of 32 bytes, and the channel: 96 bytes and 1,000 ints.
    assert_eq!((mallocs, bytes), (1001, 1000 * 32 + 96 + 8000));
}
