//! The `minigo-fuzz` command (scripts/fuzz runs it):
//!
//!     minigo-fuzz gen SEED                 print the program of SEED
//!     minigo-fuzz check [options] N [SEED] check N programs from SEED (default 1)
//!     minigo-fuzz reduce [options] FILE KIND
//!                                          shrink FILE while a KIND difference persists
//!
//! Options: `--self` (never compare with Go), `--go PATH` (Go 1.19's go
//! command; default /usr/lib/go-1.19/bin/go when it exists), `--arm64-every K`
//! (build and run every K-th program for arm64 under qemu; 0: never;
//! default 10), `--jobs J`, `--out DIR` (where failing programs are saved,
//! default target/fuzz), `--minigo PATH` (default: beside this command).

use minigo_fuzz::oracle::{self, Config, Report};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const USAGE: &str = "usage: minigo-fuzz gen SEED
       minigo-fuzz check [--self] [--go PATH] [--arm64-every K] [--jobs J] [--out DIR] [--minigo PATH] N [SEED]
       minigo-fuzz reduce [--go PATH] [--minigo PATH] FILE KIND";

struct Options {
    use_go: bool,
    go: PathBuf,
    arm64_every: u64,
    jobs: usize,
    out: PathBuf,
    minigo: PathBuf,
    positional: Vec<String>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let beside = std::env::current_exe().ok().and_then(|p| p.parent().map(|d| d.join("minigo")));
    let mut options = Options {
        use_go: true,
        go: PathBuf::from("/usr/lib/go-1.19/bin/go"),
        arm64_every: 10,
        jobs: std::thread::available_parallelism().map_or(2, |n| n.get()),
        out: PathBuf::from("target/fuzz"),
        minigo: beside.unwrap_or_else(|| PathBuf::from("minigo")),
        positional: Vec::new(),
    };
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        let mut value = || {
            i += 1;
            args.get(i).cloned().ok_or_else(|| format!("flag needs an argument: {}", arg))
        };
        match arg {
            "--self" => options.use_go = false,
            "--go" => options.go = PathBuf::from(value()?),
            "--arm64-every" => options.arm64_every = value()?.parse().map_err(|_| "bad --arm64-every".to_string())?,
            "--jobs" => options.jobs = value()?.parse().map_err(|_| "bad --jobs".to_string())?,
            "--out" => options.out = PathBuf::from(value()?),
            // Absolute: builds run in the program's own directory.
            "--minigo" => options.minigo = std::path::absolute(value()?).map_err(|e| e.to_string())?,
            _ if arg.starts_with("--") => return Err(format!("unknown flag {}", arg)),
            _ => options.positional.push(arg.to_string()),
        }
        i += 1;
    }
    options.use_go &= options.go.exists();
    Ok(options)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        eprintln!("{}", USAGE);
        return ExitCode::from(2);
    };
    let options = match parse(&args[1..]) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("minigo-fuzz: {}\n{}", message, USAGE);
            return ExitCode::from(2);
        }
    };
    let number = |i: usize, default: Option<u64>| -> Option<u64> { options.positional.get(i).map_or(default, |s| s.parse().ok()) };
    match command.as_str() {
        "gen" => match number(0, None) {
            Some(seed) => {
                print!("{}", minigo_fuzz::gen::generate(seed));
                ExitCode::SUCCESS
            }
            None => usage(),
        },
        "check" => match (number(0, None), number(1, Some(1))) {
            (Some(n), Some(first)) => check(&options, n, first),
            _ => usage(),
        },
        "reduce" => match options.positional.as_slice() {
            [file, kind] => reduce(&options, Path::new(file), kind),
            _ => usage(),
        },
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!("{}", USAGE);
    ExitCode::from(2)
}

fn config(options: &Options, arm64: bool, focus: Option<&str>) -> Config {
    Config {
        minigo: options.minigo.clone(),
        go: options.use_go.then(|| options.go.clone()),
        arm64,
        run_limit: Duration::from_secs(20),
        focus: focus.map(str::to_string),
    }
}

/// A scratch directory for one program.
fn scratch(label: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("minigo-fuzz-{}-{}", std::process::id(), label));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// Totals over all programs checked.
#[derive(Default)]
struct Totals {
    programs: u64,
    invalid: Vec<u64>,
    failing: Vec<(u64, Vec<&'static str>)>,
    by_kind: std::collections::BTreeMap<&'static str, u64>,
    arm64_programs: u64,
    m2_identical: u64,
    m2_lines: usize,
    m2_diff_lines: usize,
}

fn check(options: &Options, n: u64, first: u64) -> ExitCode {
    if !options.minigo.exists() {
        eprintln!("minigo-fuzz: no minigo at {} (cargo build --release first)", options.minigo.display());
        return ExitCode::from(2);
    }
    let qemu = oracle::arm64_available();
    let mode = if options.use_go { format!("against {}", options.go.display()) } else { "self-consistency".into() };
    eprintln!("minigo-fuzz: {} programs from seed {}, {}, {} jobs", n, first, mode, options.jobs);
    let _ = std::fs::create_dir_all(&options.out);
    let next = AtomicU64::new(first);
    let totals = Mutex::new(Totals::default());
    let start = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..options.jobs.max(1) {
            scope.spawn(|| loop {
                let seed = next.fetch_add(1, Ordering::Relaxed);
                if seed >= first + n {
                    break;
                }
                let arm64 = qemu && options.arm64_every > 0 && seed.is_multiple_of(options.arm64_every);
                let source = minigo_fuzz::gen::generate(seed);
                let dir = scratch(&seed.to_string());
                let path = dir.join("prog.go");
                let report = match std::fs::write(&path, &source) {
                    Ok(()) => oracle::check(&config(options, arm64, None), &path),
                    Err(e) => panic!("writing {}: {}", path.display(), e),
                };
                let _ = std::fs::remove_dir_all(&dir);
                record(options, &totals, seed, arm64, &source, report);
            });
        }
    });
    let totals = totals.into_inner().unwrap_or_default();
    summarize(&totals, options.use_go, start.elapsed())
}

fn record(options: &Options, totals: &Mutex<Totals>, seed: u64, arm64: bool, source: &str, report: Report) {
    let mut totals = totals.lock().unwrap_or_else(|e| e.into_inner());
    totals.programs += 1;
    if report.invalid {
        eprintln!("seed {}: Go rejects the program (a generator bug)", seed);
        totals.invalid.push(seed);
        return;
    }
    totals.arm64_programs += arm64 as u64;
    totals.m2_lines += report.m2_lines;
    totals.m2_diff_lines += report.m2_diff_lines;
    if !report.findings.iter().any(|f| f.kind == "m2") {
        totals.m2_identical += 1;
    }
    if report.findings.is_empty() {
        return;
    }
    let kinds: Vec<&'static str> = report.findings.iter().map(|f| f.kind).collect();
    for kind in &kinds {
        *totals.by_kind.entry(kind).or_default() += 1;
    }
    eprintln!("seed {}: {}", seed, kinds.join(", "));
    let mut text = String::new();
    for finding in &report.findings {
        text.push_str(&format!("== {}\n{}\n", finding.kind, finding.detail));
    }
    let _ = std::fs::write(options.out.join(format!("seed-{}.go", seed)), source);
    let _ = std::fs::write(options.out.join(format!("seed-{}.txt", seed)), text);
    totals.failing.push((seed, kinds));
}

/// Kinds that are wrong code or a broken compiler (as opposed to `-m`
/// text differences).
fn is_correctness(kind: &str) -> bool {
    !matches!(kind, "m2" | "m1" | "ml")
}

fn summarize(totals: &Totals, with_go: bool, elapsed: Duration) -> ExitCode {
    let valid = totals.programs - totals.invalid.len() as u64;
    println!("minigo-fuzz: {} programs in {:.0} s ({} rejected by Go)", totals.programs, elapsed.as_secs_f64(), totals.invalid.len());
    let kinds = ["crash", "build", "runaway", "-l", "poisonstack", "arm64", "go-output", "go-arm64", "m2", "m1", "ml"];
    for kind in kinds {
        if !with_go && matches!(kind, "go-output" | "go-arm64" | "m2" | "m1" | "ml") {
            continue;
        }
        println!("  {:<12} {}", kind, totals.by_kind.get(kind).copied().unwrap_or(0));
    }
    println!("  arm64 programs: {}", totals.arm64_programs);
    if with_go && valid > 0 {
        println!(
            "  -m=2 identical in {} of {} programs ({:.1}%); {} differing lines over {} lines of gc's -m=2 ({:.2}%)",
            totals.m2_identical,
            valid,
            100.0 * totals.m2_identical as f64 / valid as f64,
            totals.m2_diff_lines,
            totals.m2_lines,
            100.0 * totals.m2_diff_lines as f64 / totals.m2_lines.max(1) as f64
        );
    }
    let wrong: Vec<u64> = totals.failing.iter().filter(|(_, kinds)| kinds.iter().any(|k| is_correctness(k))).map(|(s, _)| *s).collect();
    println!("{} passed, {} failed", valid - wrong.len() as u64, wrong.len());
    if wrong.is_empty() && totals.invalid.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Shrinks a saved program while Go still accepts it and a difference of
/// `kind` remains.
fn reduce(options: &Options, file: &Path, kind: &str) -> ExitCode {
    let source = match std::fs::read_to_string(file) {
        Ok(source) => source,
        Err(e) => {
            eprintln!("minigo-fuzz: {}: {}", file.display(), e);
            return ExitCode::from(1);
        }
    };
    let config = config(options, matches!(kind, "arm64" | "go-arm64"), Some(kind));
    let dir = scratch("reduce");
    let mut tries = 0;
    let mut still_fails = |text: &str| {
        tries += 1;
        let path = dir.join("prog.go");
        if std::fs::write(&path, text).is_err() {
            return false;
        }
        let report = oracle::check(&config, &path);
        !report.invalid && report.findings.iter().any(|f| f.kind == kind)
    };
    if !still_fails(&source) {
        eprintln!("minigo-fuzz: {} shows no {} difference", file.display(), kind);
        return ExitCode::from(1);
    }
    let reduced = minigo_fuzz::reduce::reduce(&source, still_fails);
    let out = file.with_extension("reduced.go");
    let _ = std::fs::remove_dir_all(&dir);
    match std::fs::write(&out, &reduced) {
        Ok(()) => {
            eprintln!("minigo-fuzz: {} lines -> {} lines: {}", source.lines().count(), reduced.lines().count(), out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("minigo-fuzz: {}: {}", out.display(), e);
            ExitCode::from(1)
        }
    }
}
