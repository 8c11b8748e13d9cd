//! The `-m` goldens of the suites (`P.m2.txt`, `P.m1.txt`, `P.ml.txt`,
//! recorded from `go build -gcflags=-m=2`, `-m` and `-m -l`): minigo's whole
//! `-m` output — inlining decisions, escape analysis and its `-m=2`
//! explanations — must be Go 1.19's, the same lines in the same order.
//!
//! The `-m=2` build also writes gc's `-json=0,DIR` optimization log, which
//! must be the log Go 1.19 wrote (`P.json.txt`, in tests/inline, tests/escape
//! and tests/programs), record for record, except the records of gc's SSA
//! back end (`SSA_CODES`), which minigo does not write.
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

/// The logopt codes of gc's SSA back end: the bounds checks (`isInBounds`,
/// `isSliceInBounds`) and nil checks (`nilcheck`) it keeps after its prove
/// and nil-check passes, and the copies it lowers to memmove (`copy`).
/// minigo's back end is not gc's and does not write them.
const SSA_CODES: &[&str] = &["isInBounds", "isSliceInBounds", "nilcheck", "copy"];

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
        let want_json = without_ssa_records(&want_json);
        let got_json = without_ssa_records(&json_log(&log_dir, dir));
        if got_json != want_json {
            return Err(format!("-json log:\n{}", diff(&want_json, &got_json, 10)));
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

/// A log without the records of `SSA_CODES`, and without the files left with a header only.
fn without_ssa_records(log: &str) -> String {
    let mut files: Vec<Vec<&str>> = Vec::new();
    for line in log.lines() {
        if line.starts_with("== ") {
            files.push(vec![line]);
        } else if !SSA_CODES.iter().any(|code| line.contains(&format!("\"code\":\"{}\"", code))) {
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
