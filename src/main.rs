//! The `minigo` driver, the only part of minigo that does IO: it reads the
//! command line and the environment (`cli.rs`), runs the pipeline
//! (`compile.rs`) in a scratch directory (`tempdir.rs`), installs the
//! executable where `go build` would (`paths.rs`), or runs it as `go run`
//! does. Messages and exit statuses are the go command's (cmd/go 1.19),
//! with `go` replaced by `minigo`.

mod cli;
mod compile;
mod paths;
mod tempdir;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cli::{BuildRequest, Command, ExplainRequest, Options, RunRequest};
use compile::{Compiled, Goal, Job};
use tempdir::TempDir;

/// A command that failed: the text for standard error and the exit status.
pub struct Failure {
    pub message: String,
    pub exit_code: i32,
}

impl Failure {
    pub fn new(message: impl Into<String>, exit_code: i32) -> Failure {
        Failure { message: message.into(), exit_code }
    }
}

/// The compiler's thread stack: parsing, checking, lowering and the passes
/// recurse on the program's nesting, and Go compiles 100,000-term
/// expressions and deeply nested parentheses. Pages are only used as deep
/// programs need them.
const COMPILER_STACK: usize = 1 << 30;

fn main() -> ExitCode {
    let compiler = std::thread::Builder::new().name("minigo".to_string()).stack_size(COMPILER_STACK).spawn(compile_command);
    match compiler.map(|thread| thread.join()) {
        Ok(Ok(code)) => code,
        // A panic has printed gc's internal compiler error form already.
        Ok(Err(_)) => ExitCode::from(2),
        Err(e) => fail(Failure::new(format!("minigo: cannot start the compiler thread: {}\n", e), 2)),
    }
}

fn compile_command() -> ExitCode {
    let args: Vec<String> = match std::env::args_os().skip(1).map(|a| a.into_string()).collect() {
        Ok(args) => args,
        Err(arg) => return fail(Failure::new(format!("minigo: argument is not UTF-8: {:?}\n", arg), 2)),
    };
    let result = match cli::parse(&args) {
        Ok(Command::Build(request)) => build(&request).map(|()| 0),
        Ok(Command::Run(request)) => run(&request),
        Ok(Command::Explain(request)) => explain(&request).map(|()| 0),
        Ok(Command::Version) => {
            println!("minigo version {} linux/{}", env!("CARGO_PKG_VERSION"), backend::Target::host().goarch());
            let names: Vec<&str> = backend::Target::ALL.iter().map(|t| t.name()).collect();
            println!("targets: {}", names.join(" "));
            Ok(0)
        }
        Ok(Command::Help(text)) => {
            print!("{}", text);
            Ok(0)
        }
        Err(e) => Err(Failure::new(e.message, e.exit_code)),
    };
    match result {
        Ok(code) => exit_code(code),
        Err(failure) => fail(failure),
    }
}

fn fail(failure: Failure) -> ExitCode {
    let _ = std::io::stdout().flush();
    eprint!("{}", failure.message);
    exit_code(failure.exit_code)
}

fn exit_code(code: i32) -> ExitCode {
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

/// Where `build` puts the executable.
enum Destination {
    /// `-o /dev/null`: build, then discard, as `go build` does.
    Discard,
    File(PathBuf),
}

fn build(request: &BuildRequest) -> Result<(), Failure> {
    let target = target(&request.options)?;
    check_source(&request.file)?;
    let destination = destination(&request.file, request.options.output.as_deref())?;
    let scratch = scratch_dir()?;
    let cwd = working_dir()?;
    let job = Job { file: &request.file, cwd: &cwd, options: &request.options, target, goal: Goal::Executable };
    let executable = match compile::compile(&job, scratch.path())? {
        Compiled::Executable(path) => path,
        Compiled::NotMain | Compiled::Explained => return Ok(()),
    };
    match destination {
        Destination::Discard => Ok(()),
        Destination::File(path) => install(&executable, &path),
    }
}

/// Compiles as far as the decisions and explains those about the requested line.
fn explain(request: &ExplainRequest) -> Result<(), Failure> {
    let target = target(&request.options)?;
    check_source(&request.file)?;
    let scratch = scratch_dir()?;
    let cwd = working_dir()?;
    let job = Job { file: &request.file, cwd: &cwd, options: &request.options, target, goal: Goal::Explain(request.line) };
    compile::compile(&job, scratch.path()).map(|_| ())
}

/// Builds into the scratch directory, runs the program with the remaining
/// arguments and returns its exit status (`go run` prints `exit status N`
/// and exits 1; minigo passes the status through instead). A program killed
/// by a signal is reported as `go run` reports it: `signal: killed`, exit 1.
fn run(request: &RunRequest) -> Result<i32, Failure> {
    let target = target(&request.options)?;
    check_source(&request.file)?;
    let scratch = scratch_dir()?;
    let cwd = working_dir()?;
    let job = Job { file: &request.file, cwd: &cwd, options: &request.options, target, goal: Goal::Executable };
    let executable = match compile::compile(&job, scratch.path())? {
        Compiled::Executable(path) => path,
        Compiled::NotMain | Compiled::Explained => {
            return Err(Failure::new("package command-line-arguments is not a main package\n", 1));
        }
    };
    // Another target's executable runs under qemu-user (binfmt is not relied on).
    let mut command = target.run_command(&executable).map_err(|e| Failure::new(format!("minigo: {}\n", e), 1))?;
    let status = command
        .args(&request.program_args)
        .status()
        .map_err(|e| Failure::new(format!("fork/exec {}: {}\n", executable.display(), error_text(&e)), 1))?;
    if let Some(code) = status.code() {
        return Ok(code);
    }
    use std::os::unix::process::ExitStatusExt;
    let signal = status.signal().unwrap_or(0);
    let core = if status.core_dumped() { " (core dumped)" } else { "" };
    Err(Failure::new(format!("signal: {}{}\n", signal_name(signal), core), 1))
}

fn target(options: &Options) -> Result<backend::Target, Failure> {
    let goos = std::env::var("GOOS").ok();
    let goarch = std::env::var("GOARCH").ok();
    let target =
        cli::resolve_target(options.target, goos.as_deref(), goarch.as_deref()).map_err(|e| Failure::new(e.message, e.exit_code))?;
    // A missing cross toolchain is reported before anything is compiled.
    backend::check_target(target).map_err(|e| Failure::new(format!("minigo: {}\n", e), 2))?;
    Ok(target)
}

/// The checks cmd/go's `GoFilesPackage` makes on a named file.
fn check_source(file: &str) -> Result<(), Failure> {
    match std::fs::metadata(file) {
        Err(e) => Err(Failure::new(format!("stat {}: {}\n", file, error_text(&e)), 1)),
        Ok(meta) if meta.is_dir() => Err(Failure::new(format!("{} is a directory, should be a Go file\n", file), 1)),
        Ok(_) => Ok(()),
    }
}

/// The output path as `go build` chooses it: `-o` names a file, or a
/// directory if it exists as one or ends in a slash; without `-o`, the file's
/// base name without `.go`, in the working directory.
fn destination(file: &str, output: Option<&str>) -> Result<Destination, Failure> {
    let name = paths::executable_name(file);
    let path = match output {
        Some("/dev/null") => return Ok(Destination::Discard),
        Some(dir) if dir.ends_with('/') || Path::new(dir).is_dir() => Path::new(dir).join(name),
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(name),
    };
    if path.is_dir() {
        return Err(Failure::new(format!("minigo: build output \"{}\" already exists and is a directory\n", path.display()), 1));
    }
    Ok(Destination::File(path))
}

/// Moves the executable out of the scratch directory, as cmd/go's
/// `moveOrCopyFile`: a rename if it can, else a copy over a removed target
/// (so a running executable can be replaced). The parent directory is created.
fn install(executable: &Path, destination: &Path) -> Result<(), Failure> {
    let io_failure = |what: &str, path: &Path, e: &std::io::Error| {
        Failure::new(format!("minigo build: {} {}: {}\n", what, path.display(), error_text(e)), 1)
    };
    if let Some(parent) = destination.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| io_failure("mkdir", parent, &e))?;
    }
    if std::fs::rename(executable, destination).is_ok() {
        return Ok(());
    }
    let contents = std::fs::read(executable).map_err(|e| io_failure("open", executable, &e))?;
    if std::fs::symlink_metadata(destination).map(|m| m.is_file()).unwrap_or(false) {
        let _ = std::fs::remove_file(destination);
    }
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o777)
        .open(destination)
        .map_err(|e| io_failure("open", destination, &e))?;
    file.write_all(&contents).map_err(|e| io_failure("write", destination, &e))
}

fn scratch_dir() -> Result<TempDir, Failure> {
    TempDir::new().map_err(|e| Failure::new(format!("minigo: creating work dir: {}\n", error_text(&e)), 1))
}

/// The working directory as Go's `os.Getwd` gives it: `$PWD` when it names
/// the current directory (so symbolic links in it are kept), else getcwd.
fn working_dir() -> Result<String, Failure> {
    use std::os::unix::fs::MetadataExt;
    let dot = std::fs::metadata(".").map_err(|e| Failure::new(format!("minigo: getwd: {}\n", error_text(&e)), 1))?;
    if let Ok(pwd) = std::env::var("PWD") {
        if pwd.starts_with('/') {
            if let Ok(meta) = std::fs::metadata(&pwd) {
                if meta.dev() == dot.dev() && meta.ino() == dot.ino() {
                    return Ok(pwd);
                }
            }
        }
    }
    let cwd = std::env::current_dir().map_err(|e| Failure::new(format!("minigo: getwd: {}\n", error_text(&e)), 1))?;
    cwd.into_os_string().into_string().map_err(|p| Failure::new(format!("minigo: working directory is not UTF-8: {:?}\n", p), 1))
}

/// An OS error as Go prints a `syscall.Errno`: the C library's text with a
/// lower-case first letter and no `(os error N)` suffix.
pub fn error_text(e: &std::io::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" (os error ") {
        Some(i) if e.raw_os_error().is_some() => &text[..i],
        _ => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Go's names for signals (`syscall.Signal.String` on Linux).
fn signal_name(signal: i32) -> String {
    let name = match signal {
        1 => "hangup",
        2 => "interrupt",
        3 => "quit",
        4 => "illegal instruction",
        5 => "trace/breakpoint trap",
        6 => "aborted",
        7 => "bus error",
        8 => "floating point exception",
        9 => "killed",
        10 => "user defined signal 1",
        11 => "segmentation fault",
        12 => "user defined signal 2",
        13 => "broken pipe",
        14 => "alarm clock",
        15 => "terminated",
        _ => return format!("signal {}", signal),
    };
    name.to_string()
}
