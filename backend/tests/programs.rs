//! End-to-end code generation tests: every `programs/P.go` goes through the
//! whole pipeline (parse, check, lower, `build_executable`), runs with
//! `GOTRACEBACK=none`, and its output (all on stderr: print/println) and exit
//! status must equal `P.out.txt` and `P.exit.txt`, recorded from Go 1.19 with
//! `record.sh`. Adding a case is adding a file.

use std::path::{Path, PathBuf};
use std::process::Command;

use backend::{build_executable, Config, Target};

/// How to compile a test program.
#[derive(Clone, Copy)]
struct Mode {
    /// Pretend escape analysis proved that nothing escapes: every allocation
    /// on the stack, every variable off the heap.
    all_on_stack: bool,
    poison_stack: bool,
}

const NORMAL: Mode = Mode { all_on_stack: false, poison_stack: false };

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
    let config = Config { target: Target::X86_64, output: output.to_path_buf(), poison_stack: mode.poison_stack };
    build_executable(&package, &config)
}

/// Runs an executable as the goldens were recorded; returns its output and exit status.
fn run(exe: &Path) -> (String, i32) {
    let out = Command::new(exe).env("GOTRACEBACK", "none").output().expect("running the test program");
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    (normalize_pc(&text), out.status.code().unwrap_or(-1))
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

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs")
}

/// Compiles and runs one program; returns a description of the first difference.
fn check_program(path: &Path, scratch: &Path, mode: Mode) -> Result<(), String> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("prog.go").to_string();
    let source = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let exe = scratch.join(name.trim_end_matches(".go"));
    compile(&source, &name, &exe, mode)?;
    let (output, status) = run(&exe);
    let want_output = std::fs::read_to_string(path.with_extension("out.txt")).unwrap_or_default();
    let want_status: i32 = std::fs::read_to_string(path.with_extension("exit.txt"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    if output != want_output || status != want_status {
        return Err(format!(
            "exit {} (want {})\n--- got\n{}--- want\n{}",
            status, want_status, output, want_output
        ));
    }
    Ok(())
}

/// Runs every program whose name contains `filter` (and `$PROGRAM`) in `mode`.
fn check_programs(filter: &str, mode: Mode) {
    let scratch = std::env::temp_dir().join(format!("minigo-backend-tests-{}-{}", std::process::id(), filter));
    std::fs::create_dir_all(&scratch).expect("scratch directory");
    let only = std::env::var("PROGRAM").unwrap_or_default();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(programs_dir())
        .expect("tests/programs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .filter(|p| p.to_string_lossy().contains(&only) && p.to_string_lossy().contains(filter))
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    for path in &paths {
        if let Err(why) = check_program(path, &scratch, mode) {
            failures.push(format!("{}: {}", path.display(), why));
        }
    }
    if std::env::var_os("KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&scratch);
    }
    assert!(failures.is_empty(), "{} of {} programs differ:\n{}", failures.len(), paths.len(), failures.join("\n\n"));
}

#[test]
fn programs_match_go() {
    check_programs("", NORMAL);
}

/// The `noescape` programs keep every allocation in the stack frame when
/// escape analysis allows it, and overwriting dead frames changes nothing.
#[test]
fn stack_allocation_matches_go() {
    check_programs("noescape", Mode { all_on_stack: true, poison_stack: true });
}
