//! `-pgo=FILE`: profile-guided inlining with Go 1.21's rules, checked
//! against Go 1.21's own output (tests/pgo/*.CASE.txt, recorded by
//! scripts/regen-pgo-goldens; Go 1.19, whose goldens the other tests use,
//! has no PGO). tests/pgo/calls.pprof is a profile with exact weights: hot
//! calls big (cost 106) at a hot site (line 341, weight 600) and at a cold
//! one (line 344, weight 5), and huge (cost 2102) at a hot site (line 342,
//! weight 395). calls_edited.go is calls.go with three lines added above.
//! quirks.go and quirks.pprof: a hot call site in a function of more than
//! 5,000 nodes, and Go 1.21's "hot-callsite identified" line.

mod support;

use std::path::Path;
use std::time::Duration;

use passes::pgo::pprof::{Function, Line, Location, Profile, Sample, ValueType};
use prost::Message;
use support::{minigo, root, run, Outcome, Status, TempDir};

const LIMIT: Duration = Duration::from_secs(120);

/// A CPU profile with two frames per sample: (callee's function id, line
/// in it, caller's function id, line of the call, count); `functions` are
/// (id, name's string index, first line), every file the table's last string.
fn profile_of(strings: &[&str], functions: &[(u64, i64, i64)], samples: &[(u64, i64, u64, i64, i64)]) -> Profile {
    let file = strings.len() as i64 - 1;
    let mut profile = Profile {
        sample_type: vec![ValueType { r#type: 1, unit: 2 }, ValueType { r#type: 3, unit: 4 }],
        function: functions
            .iter()
            .map(|&(id, name, start_line)| Function { id, name, system_name: name, filename: file, start_line })
            .collect(),
        string_table: strings.iter().map(|s| s.to_string()).collect(),
        period: 10_000_000,
        ..Profile::default()
    };
    for (i, &(callee, callee_line, caller, call_line, count)) in samples.iter().enumerate() {
        let id = 2 * i as u64 + 1;
        profile.location.push(Location { id, address: 0x1000 * id, line: vec![Line { function_id: callee, line: callee_line }] });
        profile.location.push(Location {
            id: id + 1,
            address: 0x1000 * (id + 1),
            line: vec![Line { function_id: caller, line: call_line }],
        });
        profile.sample.push(Sample { location_id: vec![id, id + 1], value: vec![count, count * 10_000_000] });
    }
    profile
}

const SAMPLE_TYPES: [&str; 5] = ["", "samples", "count", "cpu", "nanoseconds"];

/// The profile of the module comment (tests/pgo/calls.pprof).
fn hot_and_cold() -> Vec<u8> {
    std::fs::read(root().join("tests/pgo/calls.pprof")).expect("tests/pgo/calls.pprof")
}

#[test]
fn the_profiles_are_the_ones_described() {
    let strings = [&SAMPLE_TYPES[..], &["main.hot", "main.big", "main.huge", "calls.go"]].concat();
    let calls =
        profile_of(&strings, &[(1, 5, 338), (2, 6, 6), (3, 7, 34)], &[(2, 7, 1, 341, 600), (3, 35, 1, 342, 395), (2, 7, 1, 344, 5)]);
    assert_eq!(Profile::decode(&hot_and_cold()[..]).unwrap(), calls);
    // small at f's line 40 (4 after its first), and at big's line 1047; f.func1 at f's line 42.
    let strings = [&SAMPLE_TYPES[..], &["main.f", "main.small", "main.big", "main.f.func1", "quirks.go"]].concat();
    let quirks = profile_of(
        &strings,
        &[(1, 5, 36), (2, 6, 8), (3, 7, 45), (4, 8, 38)],
        &[(2, 9, 1, 40, 600), (2, 9, 3, 1047, 395), (4, 38, 1, 42, 5)],
    );
    let fixture = std::fs::read(root().join("tests/pgo/quirks.pprof")).unwrap();
    assert_eq!(Profile::decode(&fixture[..]).unwrap(), quirks);
}

/// `minigo build` of `source` as `name`.go in a scratch directory with `profile` as prof.pprof.
fn build_as(name: &str, source: &str, profile: &[u8], flags: &[&str]) -> Outcome {
    let dir = TempDir::new("pgo");
    std::fs::write(dir.path().join(format!("{}.go", name)), source).unwrap();
    std::fs::write(dir.path().join("prof.pprof"), profile).unwrap();
    let mut command = minigo();
    command.current_dir(dir.path()).args(["build", "-o", "prog"]).args(flags).arg(format!("{}.go", name));
    let mut out = run(&mut command, LIMIT);
    // Go 1.21 writes one position with the absolute path: the goldens say $DIR.
    out.stderr = out.stderr.replace(&dir.path().display().to_string(), "$DIR");
    out
}

fn build(source: &str, profile: &[u8], flags: &[&str]) -> Outcome {
    build_as("calls", source, profile, flags)
}

fn calls_go() -> String {
    std::fs::read_to_string(root().join("tests/pgo/calls.go")).unwrap()
}

/// A build's output without the lines minigo adds to Go's (`hot call site of ...` at `-m=2`).
fn as_go_prints(stderr: &str) -> String {
    stderr.lines().filter(|l| !l.contains(": hot call site of ")).map(|l| format!("{}\n", l)).collect()
}

/// Each case of scripts/regen-pgo-goldens: minigo prints what Go 1.21 prints.
#[test]
fn decisions_and_pgodebug_lines_are_go_1_21s() {
    let cases: [(&str, &str, &[&str]); 5] = [
        ("calls", "pgodebug-m2", &["-d=pgodebug=1", "-m=2"]),
        ("calls", "cdf50", &["-d=pgodebug=1,pgoinlinecdfthreshold=50", "-m=2"]),
        ("calls", "budget100", &["-d=pgodebug=1,pgoinlinebudget=100", "-m=2"]),
        ("calls", "m1", &["-m"]),
        ("calls_edited", "pgodebug-m1", &["-d=pgodebug=1", "-m"]),
    ];
    let mut failures = Vec::new();
    for (name, case, flags) in cases {
        let source = std::fs::read_to_string(root().join(format!("tests/pgo/{}.go", name))).unwrap();
        let golden = std::fs::read_to_string(root().join(format!("tests/pgo/{}.{}.txt", name, case))).expect("a golden");
        let out = build_as(name, &source, &hot_and_cold(), &[&["-pgo=prof.pprof"], flags].concat());
        assert_eq!(out.status, Status::Exited(0), "{}", out.stderr);
        let got = as_go_prints(&out.stderr);
        if got != golden {
            failures.push(format!("{}.{}:\n{}", name, case, support::diff(&golden, &got, 20)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Go 1.21's big-caller rule and its "hot-callsite identified" quirk. Only
/// the lines PGO adds and the inlined calls are compared: Go 1.21 also
/// costs closures 6 less than Go 1.19 (whose costs minigo keeps) and says
/// which functions are big.
#[test]
fn big_callers_and_go_1_21s_identified_call_sites() {
    let source = std::fs::read_to_string(root().join("tests/pgo/quirks.go")).unwrap();
    let profile = std::fs::read(root().join("tests/pgo/quirks.pprof")).unwrap();
    let golden = std::fs::read_to_string(root().join("tests/pgo/quirks.pgodebug-m2.txt")).unwrap();
    let out = build_as("quirks", &source, &profile, &["-pgo=prof.pprof", "-d=pgodebug=1", "-m=2"]);
    assert_eq!(out.status, Status::Exited(0), "{}", out.stderr);
    let pgo_lines = |text: &str| -> String {
        text.lines().filter(|l| l.starts_with("hot-") || l.contains(": inlining call to ")).map(|l| format!("{}\n", l)).collect()
    };
    let want = pgo_lines(&golden);
    assert!(want.contains("hot-big check disallows") && want.contains("hot-callsite identified at line=$DIR/quirks.go:42:14"), "{}", want);
    assert_eq!(pgo_lines(&out.stderr), want);
}

/// Beyond Go: -m=2 says at each hot call site what the profile weighed
/// there; the cold site says nothing and stays a call.
#[test]
fn hot_call_sites_say_their_weight() {
    let out = build(&calls_go(), &hot_and_cold(), &["-pgo=prof.pprof", "-m=2"]);
    assert_eq!(out.status, Status::Exited(0), "{}", out.stderr);
    let hot: Vec<&str> = out.stderr.lines().filter(|l| l.contains(": hot call site of ")).collect();
    assert_eq!(
        hot,
        [
            "./calls.go:341:11: hot call site of main.big: profile weight 600 of 1000 (60.0% of the call edges)",
            "./calls.go:342:12: hot call site of main.huge: profile weight 395 of 1000 (39.5% of the call edges)",
        ]
    );
    assert!(!out.stderr.contains("./calls.go:344:16: inlining call to big"), "{}", out.stderr);
}

#[test]
fn a_cdf_threshold_out_of_range_is_refused() {
    let out = build(&calls_go(), &hot_and_cold(), &["-pgo=prof.pprof", "-d=pgoinlinecdfthreshold=101"]);
    assert_eq!(out.status, Status::Exited(2));
    assert!(
        out.stderr.starts_with(
            "invalid value \"pgoinlinecdfthreshold=101\" for flag -d: invalid PGOInlineCDFThreshold, must be between 0 and 100\n"
        ),
        "{}",
        out.stderr
    );
}

/// The cold site's call is logged as Go 1.21's -json logs it (checked by hand against Go 1.21.13).
#[test]
fn a_cold_call_site_is_logged_as_left_a_call() {
    let dir = TempDir::new("pgo-json");
    let json = format!("-json=0,{}", dir.path().display());
    let out = build(&calls_go(), &hot_and_cold(), &["-pgo=prof.pprof", &json]);
    assert_eq!(out.status, Status::Exited(0), "{}", out.stderr);
    let log = std::fs::read_to_string(dir.path().join("main/calls.json")).unwrap();
    let cold = log.lines().find(|l| l.contains(r#""code":"cannotInlineCall""#)).expect("a cannotInlineCall record");
    assert!(cold.starts_with(r#"{"range":{"start":{"line":344,"character":16}"#), "{}", cold);
    assert!(cold.contains(r#""message":"cost 106 of main.big exceeds max caller cost 80""#), "{}", cold);
}

/// `-pgo=auto` reads default.pgo beside the file; without -pgo there is no profile.
#[test]
fn auto_reads_default_pgo() {
    let dir = TempDir::new("pgo-auto");
    std::fs::write(dir.path().join("calls.go"), calls_go()).unwrap();
    std::fs::write(dir.path().join("default.pgo"), hot_and_cold()).unwrap();
    let auto = run(minigo().current_dir(dir.path()).args(["build", "-pgo=auto", "-m", "calls.go"]), LIMIT);
    assert_eq!(auto.status, Status::Exited(0), "{}", auto.stderr);
    assert!(auto.stderr.contains("./calls.go:341:11: inlining call to big\n"), "{}", auto.stderr);
    let off = run(minigo().current_dir(dir.path()).args(["build", "-m", "calls.go"]), LIMIT);
    assert_eq!(off.status, Status::Exited(0), "{}", off.stderr);
    assert!(!off.stderr.contains("inlining call to big"), "without -pgo, no profile: {}", off.stderr);
}

#[test]
fn files_that_are_not_cpu_profiles_are_refused() {
    let go = calls_go();
    let refused = |profile: &[u8], why: &str| {
        let out = build(&go, profile, &["-pgo=prof.pprof"]);
        assert_eq!(out.status, Status::Exited(2), "{}", out.stderr);
        let (header, message) = out.stderr.split_once('\n').unwrap();
        assert_eq!(header, "# command-line-arguments");
        assert_eq!(message, format!("compile: $DIR/prof.pprof: PGO error: {}\n", why));
    };
    refused(b"not a profile\n", "error parsing profile: parsing profile: unrecognized profile format");
    let mut heap = Profile::decode(&hot_and_cold()[..]).unwrap();
    heap.string_table[1] = "alloc_space".to_string();
    heap.string_table[3] = "inuse_space".to_string();
    refused(&heap.encode_to_vec(), "profile does not contain a sample index with value/type \"samples/count\" or cpu/nanoseconds\"");
    // An empty file is an empty profile: nothing is hot.
    let out = build(&go, b"", &["-pgo=prof.pprof", "-m"]);
    assert_eq!(out.status, Status::Exited(0), "{}", out.stderr);
    assert!(!out.stderr.contains("inlining call to big"));

    let dir = TempDir::new("pgo-missing");
    std::fs::write(dir.path().join("calls.go"), &go).unwrap();
    let out = run(minigo().current_dir(dir.path()).args(["build", "-pgo=none.pprof", "calls.go"]), LIMIT);
    assert_eq!(out.status, Status::Exited(2));
    assert!(out.stderr.contains("none.pprof: PGO error: error opening profile: open "), "{}", out.stderr);
    assert!(!Path::new(&dir.path().join("calls")).exists());
}
