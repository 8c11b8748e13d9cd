//! End-to-end code generation tests: every `programs/P.go` goes through the
//! whole pipeline (parse, check, lower, `build_executable`) for each target,
//! runs with `GOTRACEBACK=none` (an aarch64 executable under qemu-aarch64 on
//! an x86-64 host), and its output (all on stderr: print/println) and exit
//! status must equal `P.out.txt` and `P.exit.txt`, recorded from Go 1.19 with
//! `record.sh` (or `P.arm64.out.txt` and `P.arm64.exit.txt` for aarch64 where
//! gc's arm64 code behaves differently). Adding a case is adding a file.
//!
//! A target that cannot be built or run here (no cross toolchain, no qemu)
//! is skipped with a note, except under `CI=true`, where it fails: CI
//! installs what every target needs.
//!
//! `PROGRAM=name` runs only the programs whose path contains it, `KEEP=1`
//! keeps the executables, `DUMP_IR=1` prints the IR, and `PROGRAMS_DIR=dir`
//! runs another folder laid out the same way (the shared conformance corpus's
//! `inline/`, `escape/` and `programs/`).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use backend::{build_executable, Config, Target};

/// How to compile a test program.
#[derive(Clone, Copy)]
struct Mode {
    target: Target,
    /// Pretend escape analysis proved that nothing escapes: every allocation
    /// on the stack, every variable off the heap.
    all_on_stack: bool,
    poison_stack: bool,
}

impl Mode {
    fn normal(target: Target) -> Mode {
        Mode { target, all_on_stack: false, poison_stack: false }
    }

    /// Every allocation on the stack and dead frames overwritten.
    fn stack(target: Target) -> Mode {
        Mode { target, all_on_stack: true, poison_stack: true }
    }
}

/// Compiles `source` to an executable at `output`.
fn compile(source: &str, name: &str, output: &Path, mode: Mode) -> Result<(), String> {
    let parsed = frontend::parse(source);
    if !parsed.diagnostics.is_empty() {
        return Err(format!("syntax errors: {:?}", parsed.diagnostics));
    }
    let (checked, diagnostics) = frontend::check(&parsed.file, parsed.expr_count);
    if !diagnostics.is_empty() {
        return Err(format!("type errors: {:?}", diagnostics));
    }
    let mut package = ir::lower::lower(&parsed.file, checked, &format!("./{}", name));
    if mode.all_on_stack {
        for func in &mut package.funcs {
            func.nodes.iter_mut().for_each(|n| n.escapes = false);
            func.locals.iter_mut().for_each(|l| l.on_heap = false);
        }
    }
    if std::env::var_os("DUMP_IR").is_some() {
        eprintln!("{}", ir::dump::dump(&package));
    }
    let config = Config { target: mode.target, output: output.to_path_buf(), poison_stack: mode.poison_stack, source: None };
    build_executable(&package, &config).map(|_| ())
}

/// How long one program may run (under qemu, the slowest take a few seconds).
const RUN_LIMIT: Duration = Duration::from_secs(120);

/// Runs an executable as the goldens were recorded; returns its output
/// (stdout then stderr) and exit status. A run past `RUN_LIMIT` is killed.
fn run(exe: &Path, target: Target) -> Result<(String, i32), String> {
    let stdout_path = exe.with_extension("stdout");
    let stderr_path = exe.with_extension("stderr");
    let create = |path: &Path| File::create(path).map_err(|e| format!("creating {}: {}", path.display(), e));
    let mut child = target
        .run_command(exe)?
        .env("GOTRACEBACK", "none")
        .stdout(create(&stdout_path)?)
        .stderr(create(&stderr_path)?)
        .spawn()
        .map_err(|e| format!("running {}: {}", exe.display(), e))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait().map_err(|e| format!("waiting for {}: {}", exe.display(), e))? {
            Some(status) => break status,
            None if started.elapsed() > RUN_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("still running after {:?}; killed", RUN_LIMIT));
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    };
    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("reading {}: {}", path.display(), e));
    let mut text = String::from_utf8_lossy(&read(&stdout_path)?).into_owned();
    text.push_str(&String::from_utf8_lossy(&read(&stderr_path)?));
    Ok((normalize_pc(&text), status.code().unwrap_or(-1)))
}

/// `pc=0x4a2b3c]` becomes `pc=PC]`, as in the goldens.
fn normalize_pc(text: &str) -> String {
    text.lines()
        .map(|line| match line.find(" pc=0x") {
            Some(at) if line.ends_with(']') => format!("{} pc=PC]", &line[..at]),
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + if text.ends_with('\n') { "\n" } else { "" }
}

/// `tests/programs`, or `$PROGRAMS_DIR`: any folder laid out the same way,
/// such as the shared conformance corpus's `programs/`.
fn programs_dir() -> PathBuf {
    match std::env::var_os("PROGRAMS_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs"),
    }
}

/// A program's golden: `P.arm64.out.txt` where gc's arm64 code prints
/// something else than its amd64 code (record.sh writes it only then), else `P.out.txt`.
fn golden(program: &Path, target: Target, kind: &str) -> PathBuf {
    let specific = program.with_extension(format!("{}.{}", target.goarch(), kind));
    if specific.exists() {
        specific
    } else {
        program.with_extension(kind)
    }
}

/// Compiles and runs one program; returns a description of the first difference.
fn check_program(path: &Path, scratch: &Path, mode: Mode) -> Result<(), String> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("prog.go").to_string();
    let source = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let exe = scratch.join(name.trim_end_matches(".go"));
    compile(&source, &name, &exe, mode)?;
    let (output, status) = run(&exe, mode.target)?;
    let want_output = std::fs::read_to_string(golden(path, mode.target, "out.txt")).unwrap_or_default();
    let want_status: i32 =
        std::fs::read_to_string(golden(path, mode.target, "exit.txt")).ok().and_then(|s| s.trim().parse().ok()).unwrap_or(0);
    if output != want_output || status != want_status {
        return Err(format!("exit {} (want {})\n--- got\n{}--- want\n{}", status, want_status, output, want_output));
    }
    Ok(())
}

/// Whether programs for `target` can be built and run on this machine. When
/// they cannot, the test fails under `CI=true` and is skipped with a note otherwise.
fn target_available(target: Target) -> bool {
    let why = match backend::check_target(target).and_then(|()| target.run_command(Path::new("prog")).map(|_| ())) {
        Ok(()) => return true,
        Err(why) => why,
    };
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true and the {} programs cannot run: {}", target, why);
    }
    eprintln!("note: skipping the {} programs: {}", target, why);
    false
}

/// Runs every program whose name contains `filter` (and `$PROGRAM`) in `mode`.
fn check_programs(filter: &str, mode: Mode) {
    if !target_available(mode.target) {
        return;
    }
    let scratch = std::env::temp_dir().join(format!(
        "minigo-backend-tests-{}-{}-{}{}",
        std::process::id(),
        mode.target,
        filter,
        if mode.all_on_stack { "-stack" } else { "" }
    ));
    std::fs::create_dir_all(&scratch).expect("scratch directory");
    let only = std::env::var("PROGRAM").unwrap_or_default();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(programs_dir())
        .unwrap_or_else(|e| panic!("reading {}: {}", programs_dir().display(), e))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .filter(|p| p.to_string_lossy().contains(&only) && p.to_string_lossy().contains(filter))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no program in {} matches {:?} and $PROGRAM {:?}", programs_dir().display(), filter, only);
    let mut failures = Vec::new();
    for path in &paths {
        if let Err(why) = check_program(path, &scratch, mode) {
            failures.push(format!("{}: {}", path.display(), why));
        }
    }
    if std::env::var_os("KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&scratch);
    }
    assert!(failures.is_empty(), "{} of {} programs differ on {}:\n{}", failures.len(), paths.len(), mode.target, failures.join("\n\n"));
    eprintln!("{} programs match Go on {}", paths.len(), mode.target);
}

#[test]
fn programs_match_go_x86_64() {
    check_programs("", Mode::normal(Target::X86_64));
}

#[test]
fn programs_match_go_aarch64() {
    check_programs("", Mode::normal(Target::Aarch64));
}

/// The `noescape` programs keep every allocation in the stack frame when
/// escape analysis allows it, and overwriting dead frames changes nothing.
#[test]
fn stack_allocation_matches_go_x86_64() {
    check_programs("noescape", Mode::stack(Target::X86_64));
}

#[test]
fn stack_allocation_matches_go_aarch64() {
    check_programs("noescape", Mode::stack(Target::Aarch64));
}
