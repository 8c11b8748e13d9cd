//! The `-m` goldens of the suites (`P.m2.txt`, `P.m1.txt`, `P.ml.txt`,
//! recorded from `go build -gcflags=-m=2`, `-m` and `-m -l`): minigo's whole
//! `-m` output — inlining decisions, escape analysis and its `-m=2`
//! explanations — must be Go 1.19's, the same lines in the same order.
//!
//! The `-m=2` build also writes gc's `-json=0,DIR` optimization log, which
//! must be the log Go 1.19 wrote (`P.json.txt`, in tests/inline, tests/escape
//! and tests/programs), record for record, bounds and nil checks left and
//! large copies included. The programs whose
//! bounds checks or nil checks differ from gc's are listed, with the
//! reason, in `KNOWN_BOUNDS_DIFFERENCES` and `KNOWN_NIL_CHECK_DIFFERENCES`;
//! all their other records must match, and those must still differ.
//!
//! `KNOWN_BAD` lists the cases that are known to differ, each with the
//! reason; such a case must still differ (so the list cannot go stale).

mod support;

use std::path::Path;
use std::time::Duration;

use support::{diff, go_files, minigo, normalize_compiler_output, root, run, TempDir};

const BUILD_LIMIT: Duration = Duration::from_secs(120);

/// BAD: cases whose `-m` output is known to differ from Go's, and why.
const KNOWN_BAD: &[(&str, &str)] = &[];

const MODES: &[(&str, &[&str])] = &[("m2", &["-m=2"]), ("m1", &["-m"]), ("ml", &["-m", "-l"])];

/// The logopt codes of the bounds checks a back end leaves in the code.
const BOUNDS_CODES: &[&str] = &["isInBounds", "isSliceInBounds"];

/// The logopt code of the explicit nil checks a back end leaves in the code.
const NIL_CHECK_CODES: &[&str] = &["nilcheck"];

/// Programs (`dir/file.go`) and why their records of some codes differ from gc's.
type Differences = &'static [(&'static str, &'static str)];

/// The lists of programs whose records of some codes differ from gc's.
const KNOWN_DIFFERENCES: &[(&[&str], &str, Differences)] = &[
    (BOUNDS_CODES, "KNOWN_BOUNDS_DIFFERENCES", KNOWN_BOUNDS_DIFFERENCES),
    (NIL_CHECK_CODES, "KNOWN_NIL_CHECK_DIFFERENCES", KNOWN_NIL_CHECK_DIFFERENCES),
];

/// The programs whose bounds checks left differ from gc's, and why: each
/// is a fact gc's SSA knows and prove.rs does not, unless it says otherwise.
const KNOWN_BOUNDS_DIFFERENCES: &[(&str, &str)] = &[];

/// The programs whose explicit nil checks differ from gc's, and why. gc
/// decides them on its SSA form: its nil-check pass knows what an earlier
/// check or an address proves, its scheduler orders the checks and loads of
/// a block, and a check stays unless an access after it in its block
/// faults on the same pointer.
const KNOWN_NIL_CHECK_DIFFERENCES: &[(&str, &str)] = &[];

fn check_case(dir: &Path, file: &str, flags: &[&str], golden: &str) -> Result<(), String> {
    let want = std::fs::read_to_string(dir.join(golden)).map_err(|e| format!("no golden {}: {}", golden, e))?;
    let stem = file.trim_end_matches(".go");
    let json_golden = dir.join(format!("{}.json.txt", stem));
    let want_json = (flags == ["-m=2"] && json_golden.exists())
        .then(|| std::fs::read_to_string(&json_golden).map_err(|e| format!("{}: {}", json_golden.display(), e)))
        .transpose()?;
    let scratch = TempDir::new("decisions");
    let log_dir = scratch.path().join("json");
    let mut command = minigo();
    command.current_dir(dir).arg("build").args(flags);
    if want_json.is_some() {
        command.arg(format!("-json=0,{}", log_dir.display()));
    }
    command.arg("-o").arg(scratch.path().join("a.out")).arg(file);
    let outcome = run(&mut command, BUILD_LIMIT);
    let got = normalize_compiler_output(&outcome.stderr, file);
    if got != want {
        return Err(diff(&want, &got, 30));
    }
    if let Some(want_json) = want_json {
        let got_json = json_log(&log_dir, dir);
        let case = format!("{}/{}", dir.file_name().and_then(|n| n.to_str()).unwrap_or_default(), file);
        let known: Vec<(&[&str], &str)> = KNOWN_DIFFERENCES
            .iter()
            .filter(|(_, _, cases)| cases.iter().any(|(c, _)| *c == case))
            .map(|(codes, list, _)| (*codes, *list))
            .collect();
        let ignored: Vec<&str> = known.iter().flat_map(|(codes, _)| codes.iter()).copied().collect();
        let (want_records, got_records) = (without_records(&want_json, &ignored), without_records(&got_json, &ignored));
        if got_records != want_records {
            return Err(format!("-json log:\n{}", diff(&want_records, &got_records, 10)));
        }
        for (codes, list) in known {
            let others: Vec<&str> = ignored.iter().copied().filter(|c| !codes.contains(c)).collect();
            if without_records(&want_json, &others) == without_records(&got_json, &others) {
                return Err(format!("{}: its {} records match Go's now: remove it from {}", case, codes.join("/"), list));
            }
        }
    }
    Ok(())
}

/// The files of a `-json` log as the goldens hold them: each after a line
/// `== <path under the log's directory>`, in name order, the source
/// directory written as `$DIR`.
fn json_log(log_dir: &Path, source_dir: &Path) -> String {
    let mut files = Vec::new();
    for package in std::fs::read_dir(log_dir).into_iter().flatten().flatten() {
        for file in std::fs::read_dir(package.path()).into_iter().flatten().flatten() {
            let name = format!("{}/{}", package.file_name().to_string_lossy(), file.file_name().to_string_lossy());
            files.push((name, std::fs::read_to_string(file.path()).unwrap_or_default()));
        }
    }
    files.sort();
    let dir = source_dir.display().to_string();
    files.iter().map(|(name, text)| format!("== {}\n{}", name, text.replace(&dir, "$DIR"))).collect()
}

/// A log without the records of the codes given, and without the files left with a header only.
fn without_records(log: &str, codes: &[&str]) -> String {
    let mut files: Vec<Vec<&str>> = Vec::new();
    for line in log.lines() {
        if line.starts_with("== ") {
            files.push(vec![line]);
        } else if !codes.iter().any(|code| line.contains(&format!("\"code\":\"{}\"", code))) {
            files.last_mut().expect("a log starts with a file's name").push(line);
        }
    }
    // A file's name and header, and then its records, if any are left.
    files.iter().filter(|lines| lines.len() > 2).map(|lines| lines.join("\n") + "\n").collect()
}

fn check_folder(name: &str) {
    let dir = root().join("tests").join(name);
    let files = go_files(&dir);
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

/// `minigo explain`'s cost breakdowns: for every function of the run suites
/// whose cost `-m=2` prints (`can inline f with cost N`, `function too
/// complex: cost N`), explain prints the same cost, and its lines and the
/// constructs of each line add up to it.
#[test]
fn cost_breakdowns_sum_to_the_costs_gc_prints() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for suite in ["inline", "escape", "programs"] {
        let dir = root().join("tests").join(suite);
        for file in go_files(&dir) {
            let golden = std::fs::read_to_string(dir.join(file.replace(".go", ".m2.txt"))).unwrap_or_default();
            let mut want: Vec<(String, u32)> = golden.lines().filter_map(gc_cost).collect();
            let outcome = run(minigo().current_dir(&dir).arg("explain").arg(&file), BUILD_LIMIT);
            let mut got = Vec::new();
            if let Err(problem) = breakdown_costs(&outcome.stdout, &mut got) {
                failures.push(format!("{}/{}: {}", suite, file, problem));
            }
            want.sort();
            got.sort();
            if want != got {
                failures.push(format!("{}/{}: costs {:?}, -m=2 prints {:?}", suite, file, got, want));
            }
            checked += want.len();
        }
    }
    assert!(failures.is_empty(), "cost breakdowns:\n  {}", failures.join("\n  "));
    assert!(checked > 500, "only {} costs checked", checked);
}

/// The function and cost of a `-m=2` line that states one.
fn gc_cost(line: &str) -> Option<(String, u32)> {
    let (_, message) = line.split_once(": ")?;
    let rest = message.strip_prefix("can inline ").or_else(|| message.strip_prefix("cannot inline "))?;
    let (func, rest) = rest.split_once(' ').map(|(f, r)| (f.trim_end_matches(':'), r))?;
    let cost = rest.strip_prefix("with cost ").or_else(|| rest.strip_prefix("function too complex: cost "))?;
    Some((func.to_string(), cost.split(' ').next()?.parse().ok()?))
}

/// Reads explain's functions and costs into `costs`, checking each breakdown adds up.
fn breakdown_costs(text: &str, costs: &mut Vec<(String, u32)>) -> Result<(), String> {
    let mut current: Option<(String, u32, u32)> = None;
    let mut finish = |current: &mut Option<(String, u32, u32)>| -> Result<(), String> {
        if let Some((func, cost, sum)) = current.take() {
            if sum != cost {
                return Err(format!("{}: breakdown sums to {}, cost {}", func, sum, cost));
            }
            costs.push((func, cost));
        }
        Ok(())
    };
    for line in text.lines() {
        if let Some(breakdown) = line.strip_prefix("    line ") {
            let (_, sum) = breakdown.split_once(": ").ok_or(format!("malformed: {}", line))?;
            let (total, terms) = sum.split_once(" = ").ok_or(format!("malformed: {}", line))?;
            let total: u32 = total.parse().map_err(|_| format!("malformed: {}", line))?;
            let mut terms_sum = 0;
            for term in terms.split(" + ") {
                let term = term.rsplit_once(" (").filter(|(_, n)| n.ends_with("x)")).map_or(term, |(t, _)| t);
                terms_sum += term.rsplit(' ').next().and_then(|n| n.parse::<u32>().ok()).ok_or(format!("malformed: {}", line))?;
            }
            if terms_sum != total {
                return Err(format!("line total {} but its terms add up to {}: {}", total, terms_sum, line));
            }
            current.as_mut().ok_or(format!("a breakdown line outside a function: {}", line))?.2 += total;
        } else if !line.starts_with("  ") {
            finish(&mut current)?;
            let Some((_, message)) = line.split_once(": ") else { continue };
            let Some((func, verdict)) = message.split_once(": ") else { continue };
            let cost = verdict
                .strip_prefix("can inline, cost ")
                .or_else(|| verdict.strip_prefix("cannot inline: function too complex: cost "))
                .and_then(|rest| rest.split(' ').next()?.parse().ok());
            if let Some(cost) = cost {
                current = Some((func.to_string(), cost, 0));
            }
        }
    }
    finish(&mut current)
}
