//! The pipeline of one build, as `go build` runs it for a single file:
//! read the source, parse, type-check, lower to the IR, run the middle-end,
//! then generate code and link into the scratch directory. Diagnostics are
//! printed the way the go command prints a failing package: a
//! `# command-line-arguments` header, then gc's `path:line:col: message`
//! lines, exit status 2.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use frontend::ast::{format_position, SourceMap};
use frontend::diag::{render_all, Diagnostic, Kind};
use passes::logopt::{BackendRecord, SsaPass};

use crate::cli::Options;
use crate::{error_text, Failure};

/// The header `go build` prints above a package's compiler output.
const HEADER: &str = "# command-line-arguments\n";

/// What to compile and where the results go.
pub struct Job<'a> {
    /// The file as named on the command line.
    pub file: &'a str,
    /// The working directory, as Go's `os.Getwd` reports it.
    pub cwd: &'a str,
    pub options: &'a Options,
    pub target: backend::Target,
    pub goal: Goal,
}

/// What the build is for.
#[derive(Clone, Copy, PartialEq)]
pub enum Goal {
    Executable,
    /// `minigo explain`: print the decisions about a line (every line when
    /// None) on standard output, and stop before code generation.
    Explain(Option<u32>),
}

/// A compiled program: the executable in the scratch directory, or nothing
/// for a package other than `main` (which `go build` checks and discards).
pub enum Compiled {
    Executable(PathBuf),
    NotMain,
    /// The decisions were explained; nothing was built.
    Explained,
}

/// Compiles the job's file and links it at `scratch/<name>`.
pub fn compile(job: &Job, scratch: &Path) -> Result<Compiled, Failure> {
    let display = crate::paths::display_path(job.cwd, job.file);
    let bytes = std::fs::read(job.file).map_err(|e| Failure::new(format!("open {}: {}\n", job.file, error_text(&e)), 1))?;
    let source = match String::from_utf8(bytes) {
        Ok(source) => source,
        Err(e) => {
            // gc's scanner reports the first byte that is not UTF-8.
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
            let map = SourceMap::new(&prefix);
            let diag = Diagnostic::of_kind(Kind::Parse, valid as u32, "invalid UTF-8 encoding");
            return Err(compile_errors(&[diag], &display, &map));
        }
    };
    let map = Arc::new(SourceMap::new(&source));
    report_panics_as_compiler_errors(display.clone(), Arc::clone(&map));

    let options = frontend::Options { complete: job.options.complete != 0 };
    let mut analyzed = frontend::analyze(&source, options).map_err(|diagnostics| compile_errors(&diagnostics, &display, &map))?;
    let late_errors = std::mem::take(&mut analyzed.checked.late_errors);
    let mut package = ir::lower::lower(&analyzed.file, analyzed.checked, &display);
    verify(&package, "lowering", &display)?;
    let pgo = load_profile(job, &package, &map)?;
    let config = passes::Config {
        no_inline: job.options.l_count != 0,
        full_costs: job.options.m_count >= 2
            || job.options.json_dir.is_some()
            || job.options.report.is_some()
            || job.goal != Goal::Executable,
        small_frames: job.options.small_frames != 0,
        no_stack_alloc: job.options.no_stack_alloc,
        pgo,
    };
    let decisions = passes::optimize(&mut package, &config);
    verify(&package, "the middle-end", &display)?;
    let mut printed_decisions = false;
    if job.options.m_count > 0 || job.options.pgo_debug > 0 {
        let level = u32::try_from(job.options.m_count).unwrap_or(u32::MAX);
        let text = passes::render::render_with_pgo_notes(&decisions, level, job.options.pgo_debug > 0, &display, &map);
        if !text.is_empty() {
            eprint!("{}{}", HEADER, text);
            printed_decisions = true;
        }
    }
    if job.options.dump_ir {
        print!("{}", ir::dump::dump(&package));
    }
    let reaches_backend = late_errors.is_empty() && job.goal == Goal::Executable && package.name == "main" && package.main.is_some();
    if !reaches_backend {
        write_log(job, &package, &decisions, &map, None)?;
    }
    if let Goal::Explain(line) = job.goal {
        print!("{}", passes::explain::explain(&decisions, line, &display, &map));
    }
    if !late_errors.is_empty() {
        let header = if printed_decisions { "" } else { HEADER };
        return Err(Failure::new(format!("{}{}", header, render_all(&late_errors, &display, &map)), 2));
    }
    if job.goal != Goal::Executable {
        return Ok(Compiled::Explained);
    }
    if package.name != "main" {
        write_report(job, &package, &decisions, &display, &source, &map, &[])?;
        return Ok(Compiled::NotMain);
    }
    if package.main.is_none() {
        // The linker's complaint, in go build's words.
        return Err(Failure::new(format!("{}runtime.main_main·f: function main is undeclared in the main package\n", HEADER), 2));
    }

    let executable = scratch.join(crate::paths::executable_name(job.file));
    let source_path = std::path::absolute(Path::new(job.cwd).join(job.file)).unwrap_or_else(|_| PathBuf::from(job.file));
    let config = backend::Config {
        target: job.target,
        output: executable.clone(),
        poison_stack: job.options.poison_stack,
        source: Some(backend::SourceLines::new(source_path.display().to_string(), &source)),
    };
    let code_records = match backend::build_executable(&package, &config) {
        Ok(records) => records,
        Err(message) => {
            write_log(job, &package, &decisions, &map, None)?;
            return Err(Failure::new(format!("{}{}\n", HEADER, message.trim_end()), 2));
        }
    };
    write_log(job, &package, &decisions, &map, Some(&code_records))?;
    let checks_left: Vec<(ir::Pos, &str)> = code_records.iter().map(|record| (record.pos, record.kind.ssa_op())).collect();
    write_report(job, &package, &decisions, &display, &source, &map, &checks_left)?;
    let bounds_checks: Vec<(ir::Pos, &str)> =
        code_records.iter().filter(|record| record.kind.is_bounds_check()).map(|record| (record.pos, record.kind.ssa_op())).collect();
    if job.options.check_bce && !bounds_checks.is_empty() {
        let header = if printed_decisions { "" } else { HEADER };
        eprint!("{}{}", header, render_bounds_checks(&bounds_checks, &display, &map));
    }
    Ok(Compiled::Executable(executable))
}

/// `-pgo`: the hot call sites of the CPU profile named (`auto`: default.pgo
/// beside the file, if it is there), or None; a file that is not a CPU
/// profile fails the build as it fails Go's.
fn load_profile(job: &Job, package: &ir::Package, map: &Arc<SourceMap>) -> Result<Option<Arc<passes::pgo::HotSites>>, Failure> {
    let options = job.options;
    let path = match options.pgo.as_deref() {
        None | Some("off") => return Ok(None),
        Some("auto") => {
            let beside = Path::new(job.cwd).join(job.file).with_file_name("default.pgo");
            if !beside.is_file() {
                return Ok(None);
            }
            beside
        }
        Some(file) => Path::new(job.cwd).join(file),
    };
    let path = std::path::absolute(&path).unwrap_or(path);
    let fail = |why: String| Failure::new(format!("{}compile: {}: PGO error: {}\n", HEADER, path.display(), why), 2);
    let bytes = std::fs::read(&path).map_err(|e| fail(format!("error opening profile: open {}: {}", path.display(), error_text(&e))))?;
    let profile = passes::pgo::pprof::Profile::decode_file(&bytes).map_err(fail)?;
    let Some(edges) = passes::pgo::WeightedEdges::from_profile(&profile).map_err(fail)? else { return Ok(None) };
    let threshold = options.pgo_cdf_threshold.unwrap_or(passes::pgo::CDF_THRESHOLD);
    let budget = options.pgo_budget.filter(|b| *b != 0).unwrap_or(passes::pgo::HOT_BUDGET);
    let file = crate::paths::absolute(job.cwd, job.file);
    Ok(Some(Arc::new(passes::pgo::HotSites::new(package, &edges, threshold, budget, Arc::clone(map), file))))
}

/// `-report=file.html`: the decision report, compared with `-report-base`'s when given.
fn write_report(
    job: &Job,
    package: &ir::Package,
    decisions: &[passes::Decision],
    display: &str,
    text: &str,
    map: &SourceMap,
    checks_left: &[(ir::Pos, &'static str)],
) -> Result<(), Failure> {
    let Some(path) = &job.options.report else { return Ok(()) };
    let base = match &job.options.report_base {
        Some(base) => {
            Some(std::fs::read_to_string(base).map_err(|e| Failure::new(format!("minigo build: open {}: {}\n", base, error_text(&e)), 1))?)
        }
        None => None,
    };
    let options = job.options;
    let mut flags: Vec<String> =
        [(options.l_count != 0, "-l"), (options.small_frames != 0, "-smallframes"), (options.no_stack_alloc, "-d=nostackalloc")]
            .into_iter()
            .filter(|(set, _)| *set)
            .map(|(_, flag)| flag.to_string())
            .collect();
    flags.extend(options.pgo.as_ref().map(|pgo| format!("-pgo={}", pgo)));
    let source = passes::report::ReportSource { file: display, text, map, flags: &flags.join(" "), checks_left, base: base.as_deref() };
    let page = passes::report::render_report(package, decisions, &source).map_err(|message| {
        Failure::new(format!("minigo build: -report-base={}: {}\n", job.options.report_base.as_deref().unwrap_or(""), message), 1)
    })?;
    std::fs::write(path, page).map_err(|e| Failure::new(format!("minigo build: open {}: {}\n", path, error_text(&e)), 1))
}

/// gc's `-d=ssa/check_bce` report: `file:line:col: Found IsInBounds` per
/// check, sorted by position, a line repeated at one position printed once
/// (as gc's diagnostics are flushed).
fn render_bounds_checks(checks: &[(ir::Pos, &str)], display: &str, map: &SourceMap) -> String {
    let mut lines: Vec<(u32, u32, &str)> = checks
        .iter()
        .map(|&(pos, op)| {
            let (line, col) = if pos == ir::AUTOGENERATED { (0, 0) } else { map.line_col(pos) };
            (line, col, op)
        })
        .collect();
    lines.sort_unstable();
    lines.dedup();
    let mut out = String::new();
    for (line, col, op) in lines {
        if line == 0 {
            out.push_str(&format!("<autogenerated>:1: Found {}\n", op));
        } else {
            out.push_str(&format!("{}: Found {}\n", format_position(display, line, col), op));
        }
    }
    out
}

fn compile_errors(diagnostics: &[Diagnostic], display: &str, map: &SourceMap) -> Failure {
    Failure::new(format!("{}{}", HEADER, render_all(diagnostics, display, map)), 2)
}

/// A panic in the compiler is a bug; it is reported as gc reports its own
/// (`file:line:col: internal compiler error: message` at the function being
/// compiled, exit status 2), with where minigo panicked, instead of a Rust
/// backtrace.
fn report_panics_as_compiler_errors(display: String, map: Arc<SourceMap>) {
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        let location = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
        eprint!("{}", internal_error(&display, &map, ir::compiling::current(), &message, location.as_deref()));
        std::process::exit(2);
    }));
}

/// gc's form of an internal compiler error, at the position being compiled
/// when one is known, with where in minigo it happened.
fn internal_error(display: &str, map: &SourceMap, at: Option<ir::Pos>, message: &str, location: Option<&str>) -> String {
    let at = match at {
        Some(pos) if pos != ir::AUTOGENERATED => map.position(display, pos),
        _ => display.to_string(),
    };
    let location = location.map(|l| format!("\t(at {l})\n")).unwrap_or_default();
    format!("{HEADER}{at}: internal compiler error: {message}\n{location}")
}

/// Runs the IR verifier in debug builds (tests and development), between stages.
fn verify(package: &ir::Package, stage: &str, display: &str) -> Result<(), Failure> {
    if !cfg!(debug_assertions) {
        return Ok(());
    }
    let problems = ir::verify::verify(package);
    if problems.is_empty() {
        return Ok(());
    }
    let mut message = format!("{}{}: internal compiler error: invalid IR after {}\n", HEADER, display, stage);
    for problem in problems {
        message.push_str(&format!("\t{}\n", problem));
    }
    Err(Failure::new(message, 2))
}

/// `-json=0,DIR`: gc's optimization log of the decisions, and of the
/// bounds and nil checks the back end left and the large copies its code
/// makes (none when the build stops before the back end: `code_records`
/// None).
fn write_log(
    job: &Job,
    package: &ir::Package,
    decisions: &[passes::Decision],
    map: &SourceMap,
    code_records: Option<&[backend::CodeRecord]>,
) -> Result<(), Failure> {
    let Some(dir) = &job.options.json_dir else { return Ok(()) };
    let file = crate::paths::absolute(job.cwd, job.file);
    let source =
        passes::logopt::LogSource { package: &package.name, goarch: job.target.goarch(), gc_version: GC_VERSION, file: &file, map };
    let records = code_records.map(|code_records| backend_records(job, package, code_records)).unwrap_or_default();
    write_json(dir, &package.name, &passes::logopt::render_logopt(decisions, &records, &source))
}

/// The log records of the back end: the checks it left, and the large
/// copies its code makes.
fn backend_records(job: &Job, package: &ir::Package, code_records: &[backend::CodeRecord]) -> Vec<BackendRecord> {
    let checks = code_records.iter().map(|record| BackendRecord {
        pos: record.pos,
        inlined: record.inlined.clone(),
        code: record.kind.logopt_code(),
        message: String::new(),
        pass: if record.kind.is_bounds_check() { SsaPass::CheckBce } else { SsaPass::LateNilCheck },
    });
    let copies = passes::copies::large_copies(package, job.target.goarch()).into_iter().map(|copy| BackendRecord {
        pos: copy.pos,
        inlined: copy.inlined,
        code: "copy",
        message: format!("{} bytes", copy.bytes),
        pass: if copy.memmove { SsaPass::Build } else { SsaPass::Lower },
    });
    checks.chain(copies).collect()
}

/// The Go release whose decisions minigo reproduces, as gc's `-json` log names it.
const GC_VERSION: &str = "go1.19.8";

/// Writes gc's `-json` log: `<dir>/<package>/<file>.json` for the source
/// file, and one for `<autogenerated>` when wrappers have records.
fn write_json(dir: &str, package: &str, files: &[passes::logopt::LogFile]) -> Result<(), Failure> {
    let package_dir = Path::new(dir).join(package);
    std::fs::create_dir_all(&package_dir)
        .map_err(|e| Failure::new(format!("minigo build: mkdir {}: {}\n", package_dir.display(), error_text(&e)), 1))?;
    for file in files {
        let path = package_dir.join(&file.name);
        std::fs::write(&path, &file.text)
            .map_err(|e| Failure::new(format!("minigo build: open {}: {}\n", path.display(), error_text(&e)), 1))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_are_at_the_function_being_compiled() {
        let map = SourceMap::new("package main\n\nfunc f() {}\n");
        let text = internal_error("./x.go", &map, Some(19), "index out of bounds", Some("passes/src/x.rs:7"));
        assert_eq!(text, "# command-line-arguments\n./x.go:3:6: internal compiler error: index out of bounds\n\t(at passes/src/x.rs:7)\n");
        assert_eq!(internal_error("./x.go", &map, None, "boom", None), "# command-line-arguments\n./x.go: internal compiler error: boom\n");
        assert_eq!(
            internal_error("./x.go", &map, Some(ir::AUTOGENERATED), "boom", None),
            "# command-line-arguments\n./x.go: internal compiler error: boom\n"
        );
    }
}
