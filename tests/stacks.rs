//! Goroutine stacks on the host: 100,000 goroutines blocked at once, as
//! Go runs them. Each stack is 64 MiB of address space with a guard
//! region below it; on Linux 6.13 and later (guard regions) a stack and
//! its guard are one memory mapping, so vm.max_map_count (65530 by
//! default) does not limit them. On older kernels two mappings each allow
//! about 32,000, and the program must end with the runtime's clear error.
//! (aarch64 runs under qemu-user, which has no guard regions: host only.)

mod support;

use std::time::Duration;

use support::{minigo, run, Status, TempDir};

const PROGRAM: &str = "package main\n\n\
func main() {\n\
\tconst n = 100000\n\
\tstart := make(chan bool)\n\
\tready := make(chan bool, n)\n\
\tdone := make(chan int, n)\n\
\tfor i := 0; i < n; i++ {\n\
\t\tgo func(i int) {\n\
\t\t\tready <- true\n\
\t\t\t<-start\n\
\t\t\tdone <- i % 7\n\
\t\t}(i)\n\
\t}\n\
\tfor i := 0; i < n; i++ {\n\
\t\t<-ready\n\
\t}\n\
\tclose(start)\n\
\tsum := 0\n\
\tfor i := 0; i < n; i++ {\n\
\t\tsum += <-done\n\
\t}\n\
\tprintln(sum)\n\
}\n";

/// Whether the running kernel has guard regions (MADV_GUARD_INSTALL, 6.13).
fn kernel_has_guard_regions() -> bool {
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let mut parts = release.trim().split(|c: char| !c.is_ascii_digit()).map(|p| p.parse::<u32>().unwrap_or(0));
    let (major, minor) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    (major, minor) >= (6, 13)
}

#[test]
fn a_hundred_thousand_goroutines_block_at_once() {
    let dir = TempDir::new("stacks");
    std::fs::write(dir.path().join("blocked.go"), PROGRAM).expect("writing the program");
    let mut command = minigo();
    command.current_dir(dir.path()).args(["run", "blocked.go"]).env("GOTRACEBACK", "none");
    let outcome = run(&mut command, Duration::from_secs(300));
    if kernel_has_guard_regions() {
        // Go 1.19 prints the same: the sum of i % 7 for i < 100,000.
        assert_eq!((&outcome.status, outcome.stderr.as_str()), (&Status::Exited(0), "299995\n"));
    } else {
        assert_eq!(outcome.status, Status::Exited(2));
        assert!(outcome.stderr.contains("sysctl vm.max_map_count"), "{}", outcome.stderr);
        assert!(outcome.stderr.contains("fatal error: out of memory"), "{}", outcome.stderr);
    }
}
