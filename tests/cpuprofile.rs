//! `MINIGO_CPUPROFILE=FILE`: the runtime's CPU profile, decoded with the
//! compiler's own pprof reader (passes::pgo::pprof) and checked against the
//! program: pprof's CPU sample types and period, functions named as Go
//! names them with the file and first line PGO measures call sites from,
//! inlined calls as extra lines of one location, every stack rooted in
//! main.main. On x86-64 and, under qemu, arm64. Go 1.19's `go tool pprof
//! -top` reads the profile too (.ci/run installs golang-1.19-go; elsewhere
//! its absence skips that test with a note).

mod support;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use passes::pgo::pprof::Profile;
use support::{minigo, root, run, run_targets, Status, TempDir};

const LIMIT: Duration = Duration::from_secs(300);
const GO: &str = "/usr/lib/go-1.19/bin/go";

/// Builds tests/pgo/hot.go for `target` and runs it with the profiler on.
fn profile_of_hot(target: backend::Target, dir: &Path) -> (Vec<u8>, std::path::PathBuf) {
    let source = root().join("tests/pgo/hot.go");
    let executable = dir.join(format!("hot-{}", target.name()));
    let built = run(minigo().arg("build").arg("--target").arg(target.name()).arg("-o").arg(&executable).arg(&source), LIMIT);
    assert_eq!(built.status, Status::Exited(0), "{}", built.stderr);
    let profile = dir.join(format!("cpu-{}.pprof", target.name()));
    let mut command = target.run_command(&executable).expect("a way to run the target's executables");
    let ran = run(command.env("MINIGO_CPUPROFILE", &profile), LIMIT);
    assert_eq!(ran.status, Status::Exited(0), "{}", ran.stderr);
    (std::fs::read(&profile).expect("the profile was written"), executable)
}

#[test]
fn cpu_profiles_name_go_functions_with_their_lines() {
    let dir = TempDir::new("cpuprofile");
    let source = std::fs::read_to_string(root().join("tests/pgo/hot.go")).unwrap();
    // Where each function of hot.go is declared.
    let declared = |name: &str| {
        let needle = format!("func {}", name);
        source.lines().position(|line| line.starts_with(&needle)).map(|i| i as i64 + 1).expect(name)
    };
    for target in run_targets() {
        let (bytes, _) = profile_of_hot(target, dir.path());
        assert_eq!(&bytes[..2], &[0x1f, 0x8b], "gzipped");
        let profile = Profile::decode_file(&bytes).expect("a pprof profile");
        let types: Vec<(&str, &str)> = profile.sample_type.iter().map(|t| (profile.string(t.r#type), profile.string(t.unit))).collect();
        assert_eq!(types, [("samples", "count"), ("cpu", "nanoseconds")]);
        assert_eq!(profile.period, 10_000_000);
        let period = profile.period_type.as_ref().map(|t| (profile.string(t.r#type), profile.string(t.unit)));
        assert_eq!(period, Some(("cpu", "nanoseconds")));
        assert!(profile.sample.len() >= 10, "{}: {} samples", target.name(), profile.sample.len());

        let functions: HashMap<u64, (&str, i64, &str)> =
            profile.function.iter().map(|f| (f.id, (profile.string(f.name), f.start_line, profile.string(f.filename)))).collect();
        for name in ["main.main", "main.work"] {
            let (_, start, file) = functions.values().find(|f| f.0 == name).unwrap_or_else(|| panic!("{} in {:?}", name, functions));
            assert_eq!(*start, declared(name.trim_start_matches("main.")), "{}'s first line", name);
            assert!(file.ends_with("tests/pgo/hot.go"), "{}", file);
        }
        let locations: HashMap<u64, Vec<(&str, i64)>> = profile
            .location
            .iter()
            .map(|l| (l.id, l.line.iter().map(|line| (functions[&line.function_id].0, line.line)).collect()))
            .collect();
        // Inlined calls: step's and small's code in work, a line each, innermost first.
        let inlined: Vec<&Vec<(&str, i64)>> = locations.values().filter(|lines| lines.len() > 1).collect();
        assert!(!inlined.is_empty(), "no inlined frames in {:?}", locations);
        for lines in &inlined {
            assert_eq!(lines.last().unwrap().0, "main.work", "{:?}", lines);
            assert!(["main.(*T).step", "main.small", "main.work.func1"].contains(&lines[0].0), "{:?}", lines);
        }
        // A stack with Go code ends in main.main, most at its call of work;
        // the rest is the runtime's own (startup, the collector, exit).
        let call_line = source.lines().position(|line| line.contains("total += work(")).unwrap() as i64 + 1;
        let mut through_work = 0;
        for sample in &profile.sample {
            let root = sample.location_id.last().and_then(|id| locations[id].last().copied());
            match root {
                Some(("runtime._ExternalCode", _)) => assert_eq!(sample.location_id.len(), 1, "{:?}", sample),
                _ => assert_eq!(root.map(|(name, _)| name), Some("main.main"), "{:?}", sample),
            }
            through_work += usize::from(root == Some(("main.main", call_line)));
            assert_eq!(sample.value, [1, 10_000_000]);
        }
        assert!(through_work * 10 >= profile.sample.len() * 8, "{} of {} samples in work", through_work, profile.sample.len());
    }
}

/// Go's own pprof reads the profile and lists hot.go's functions, hottest first.
#[test]
fn go_tool_pprof_reads_cpu_profiles() {
    if !Path::new(GO).exists() {
        assert!(std::env::var_os("CI").is_none(), "{} is missing: .ci/run installs golang-1.19-go", GO);
        eprintln!("skipped: {} is not installed (apt-get install golang-1.19-go)", GO);
        return;
    }
    let dir = TempDir::new("pprof-top");
    let (bytes, executable) = profile_of_hot(backend::Target::host(), dir.path());
    let profile = dir.path().join("cpu.pprof");
    std::fs::write(&profile, bytes).unwrap();
    let top = run(Command::new(GO).arg("tool").arg("pprof").arg("-top").arg(&executable).arg(&profile), LIMIT);
    assert_eq!(top.status, Status::Exited(0), "{}", top.stderr);
    let rows: Vec<&str> = top.stdout.lines().skip_while(|line| !line.trim_start().starts_with("flat")).skip(1).collect();
    let named = |row: &str| row.split_whitespace().skip(5).collect::<Vec<_>>().join(" ");
    assert!(rows.first().is_some_and(|row| named(row).starts_with("main.")), "{}", top.stdout);
    for name in ["main.work", "main.main", "main.work.func1 (inline)"] {
        assert!(rows.iter().any(|row| named(row) == name), "{} missing:\n{}", name, top.stdout);
    }
}
