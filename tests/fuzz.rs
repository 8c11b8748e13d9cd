//! minigo-fuzz's self-consistency mode over a fixed range of seeds: each
//! generated program built by default, with `-l`, with `-d=poisonstack`
//! and (every fourth) for arm64 under qemu must print the same output and
//! exit with the same status, and `-m=2` must not crash. Go is not needed;
//! `scripts/fuzz` runs the same check against Go 1.19 when it is installed.

use minigo_fuzz::oracle::{self, Config};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

mod support;

/// The seeds checked; sized to about two minutes on CI's two cores.
const SEEDS: std::ops::RangeInclusive<u64> = 1..=140;
const ARM64_EVERY: u64 = 4;

#[test]
fn generated_programs_agree_with_themselves() {
    let arm64 = oracle::arm64_available();
    if !arm64 {
        assert!(std::env::var_os("CI").is_none(), "CI must run the arm64 subset: qemu-user and the cross toolchain are missing");
        eprintln!("fuzz: qemu-aarch64 or the aarch64 toolchain is missing: the arm64 subset is NOT checked");
    }
    let next = AtomicU64::new(*SEEDS.start());
    let failures = Mutex::new(Vec::new());
    let checked = AtomicU64::new(0);
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| loop {
                let seed = next.fetch_add(1, Ordering::Relaxed);
                if seed > *SEEDS.end() {
                    break;
                }
                let dir = support::TempDir::new(&format!("fuzz{}", seed));
                let path = dir.path().join("prog.go");
                let source = minigo_fuzz::gen::generate(seed);
                std::fs::write(&path, &source).unwrap_or_else(|e| panic!("writing {}: {}", path.display(), e));
                let config = Config {
                    minigo: PathBuf::from(env!("CARGO_BIN_EXE_minigo")),
                    go: None,
                    arm64: arm64 && seed.is_multiple_of(ARM64_EVERY),
                    run_limit: Duration::from_secs(30),
                    focus: None,
                };
                let report = oracle::check(&config, &path);
                checked.fetch_add(1, Ordering::Relaxed);
                for finding in report.findings {
                    let text = format!("seed {} ({}):\n{}", seed, finding.kind, finding.detail);
                    failures.lock().unwrap_or_else(|e| e.into_inner()).push(text);
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    let checked = checked.load(Ordering::Relaxed);
    assert_eq!(checked, SEEDS.count() as u64, "every seed must be checked");
    assert!(
        failures.is_empty(),
        "{} differences (reproduce with `target/release/minigo-fuzz gen SEED > prog.go`):\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
