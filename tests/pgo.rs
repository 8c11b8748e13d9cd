//! `-pgo=FILE`: profile-guided inlining with Go 1.21's rules, on
//! tests/pgo/calls.go and profiles written here with exact weights
//! (hand-checked expectations: Go 1.19, whose goldens the other tests use,
//! has no PGO). hot calls big (cost 106) at a hot site (line 341, weight
//! 600) and at a cold one (line 344, weight 5), and huge (cost 2102) at a
//! hot site (line 342, weight 395).

mod support;

use std::path::Path;
use std::time::Duration;

use passes::pgo::pprof::{Function, Line, Location, Profile, Sample, ValueType};
use prost::Message;
use support::{minigo, root, run, Outcome, Status, TempDir};

const LIMIT: Duration = Duration::from_secs(120);

/// A CPU profile of calls.go: each sample is (callee's function, line in
/// it, line of the call in hot, count), two frames deep.
fn calls_profile(samples: &[(u64, i64, i64, i64)]) -> Vec<u8> {
    let strings = ["", "samples", "count", "cpu", "nanoseconds", "main.hot", "main.big", "main.huge", "calls.go"];
    let function = |id, name, start_line| Function { id, name, system_name: name, filename: 8, start_line };
    let mut profile = Profile {
        sample_type: vec![ValueType { r#type: 1, unit: 2 }, ValueType { r#type: 3, unit: 4 }],
        function: vec![function(1, 5, 338), function(2, 6, 6), function(3, 7, 34)],
        string_table: strings.iter().map(|s| s.to_string()).collect(),
        period: 10_000_000,
        ..Profile::default()
    };
    for (i, &(callee, callee_line, call_line, count)) in samples.iter().enumerate() {
        let id = 2 * i as u64 + 1;
        profile.location.push(Location { id, address: 0x1000 * id, line: vec![Line { function_id: callee, line: callee_line }] });
        profile.location.push(Location { id: id + 1, address: 0x1000 * (id + 1), line: vec![Line { function_id: 1, line: call_line }] });
        profile.sample.push(Sample { location_id: vec![id, id + 1], value: vec![count, count * 10_000_000] });
    }
    profile.encode_to_vec()
}

/// The profile of the module comment: big hot at 341, huge at 342, big cold at 344.
fn hot_and_cold() -> Vec<u8> {
    calls_profile(&[(2, 7, 341, 600), (3, 35, 342, 395), (2, 7, 344, 5)])
}

/// `minigo build` of `source` (as calls.go) in a scratch directory with `profile` as prof.pprof.
fn build(source: &str, profile: &[u8], flags: &[&str]) -> Outcome {
    let dir = TempDir::new("pgo");
    std::fs::write(dir.path().join("calls.go"), source).unwrap();
    std::fs::write(dir.path().join("prof.pprof"), profile).unwrap();
    let mut command = minigo();
    command.current_dir(dir.path()).args(["build", "-o", "calls"]).args(flags).arg("calls.go");
    run(&mut command, LIMIT)
}

fn calls_go() -> String {
    std::fs::read_to_string(root().join("tests/pgo/calls.go")).unwrap()
}

/// The `-d=pgodebug=1` lines of a build's output.
fn pgo_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("hot-")).collect()
}

#[test]
fn hot_call_sites_inline_callees_up_to_the_hot_budget() {
    let out = build(&calls_go(), &hot_and_cold(), &["-pgo=prof.pprof", "-d=pgodebug=1", "-m=2"]);
    assert_eq!(out.status, Status::Exited(0), "{}", out.stderr);
    assert_eq!(
        pgo_lines(&out.stderr),
        [
            "hot-callsite-thres-from-CDF=39.5",
            "hot-node enabled increased budget=2000 for func=main.big",
            "hot-node enabled increased budget=2000 for func=main.huge",
            "hot-budget check allows inlining for call main.big (cost 106) at ./calls.go:341:11 in function main.hot",
        ]
    );
    let m = &out.stderr;
    assert!(m.contains("./calls.go:6:6: can inline big with cost 106 as: "), "{}", m);
    // Over the hot budget: not inlinable at all.
    assert!(m.contains("./calls.go:34:6: cannot inline huge: function too complex: cost 2102 exceeds budget 2000\n"), "{}", m);
    assert!(m.contains("./calls.go:341:11: inlining call to big\n"), "{}", m);
    // The cold call site stays a call.
    assert!(!m.contains("./calls.go:344:16: inlining call to big"), "{}", m);
    // -m=2 says which sites the profile made hot, and how much.
    assert!(m.contains("./calls.go:341:11: hot call site of main.big: profile weight 600 of 1000 (60.0% of the call edges)\n"), "{}", m);
    assert!(m.contains("./calls.go:342:12: hot call site of main.huge: profile weight 395 of 1000 (39.5% of the call edges)\n"), "{}", m);
    assert!(!m.contains("./calls.go:344:16: hot call site"), "{}", m);
}

#[test]
fn the_cdf_threshold_and_the_budget_are_settable() {
    let out = build(&calls_go(), &hot_and_cold(), &["-pgo=prof.pprof", "-d=pgodebug=1,pgoinlinecdfthreshold=50", "-m=2"]);
    assert_eq!(out.status, Status::Exited(0), "{}", out.stderr);
    assert_eq!(pgo_lines(&out.stderr)[..2], ["hot-callsite-thres-from-CDF=60", "hot-node enabled increased budget=2000 for func=main.big"]);
    assert!(out.stderr.contains("./calls.go:34:6: cannot inline huge: function too complex: cost 2102 exceeds budget 80\n"));

    let out = build(&calls_go(), &hot_and_cold(), &["-pgo=prof.pprof", "-d=pgoinlinebudget=100", "-m=2"]);
    assert_eq!(out.status, Status::Exited(0), "{}", out.stderr);
    assert!(
        out.stderr.contains("./calls.go:6:6: cannot inline big: function too complex: cost 106 exceeds budget 100\n"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("inlining call to big"), "{}", out.stderr);

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

/// The cold site's call is logged as gc's -json logs a call it leaves.
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

/// Lines added above the functions leave their line offsets, and so the
/// profile's call sites, as they were; `-pgo=auto` reads default.pgo.
#[test]
fn a_profile_of_an_older_source_still_applies() {
    let older = format!("// Three lines\n// added above\n// everything.\n{}", calls_go());
    let out = build(&older, &hot_and_cold(), &["-pgo=prof.pprof", "-d=pgodebug=1", "-m"]);
    assert_eq!(out.status, Status::Exited(0), "{}", out.stderr);
    assert_eq!(
        pgo_lines(&out.stderr)[3],
        "hot-budget check allows inlining for call main.big (cost 106) at ./calls.go:344:11 in function main.hot"
    );
    assert!(out.stderr.contains("./calls.go:344:11: inlining call to big\n"));

    let dir = TempDir::new("pgo-auto");
    std::fs::write(dir.path().join("calls.go"), calls_go()).unwrap();
    std::fs::write(dir.path().join("default.pgo"), hot_and_cold()).unwrap();
    let auto = run(minigo().current_dir(dir.path()).args(["build", "-pgo=auto", "-m", "calls.go"]), LIMIT);
    assert!(auto.stderr.contains("./calls.go:341:11: inlining call to big\n"), "{}", auto.stderr);
    let off = run(minigo().current_dir(dir.path()).args(["build", "-m", "calls.go"]), LIMIT);
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
        assert!(message.starts_with("compile: /") && message.ends_with(&format!("/prof.pprof: PGO error: {}\n", why)), "{}", message);
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
