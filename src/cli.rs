//! The command line: subcommands as the go command has them (`build`, `run`,
//! `version`, `help`), minigo's `explain`, and flags parsed with the rules of Go's `flag` package
//! (src/flag/flag.go): `-f` or `--f`, `-f=v` or `-f v` for valued flags,
//! `-f` or `-f=v` only for boolean ones, `--` ends the flags, the first
//! non-flag argument ends them too. `-m` and `-l` are gc's count flags
//! (cmd/compile/internal/base/flag.go): `-m -m` counts 2, `-m=2` sets 2.
//! Error texts are those of Go 1.19, with `go` replaced by `minigo`.
//!
//! Parsing is pure: the environment (`GOARCH`, `GOOS`) and the file system
//! are consulted by the driver, not here.

use backend::Target;

/// A parsed command line.
#[derive(Debug, PartialEq)]
pub enum Command {
    Build(BuildRequest),
    Run(RunRequest),
    Explain(ExplainRequest),
    Version,
    /// `minigo help [topic]`; the text to print on standard output.
    Help(&'static str),
}

#[derive(Debug, PartialEq)]
pub struct BuildRequest {
    pub options: Options,
    pub file: String,
}

/// `minigo explain [build flags] file.go[:line]`.
#[derive(Debug, PartialEq)]
pub struct ExplainRequest {
    pub options: Options,
    pub file: String,
    /// The line to explain; every line when None.
    pub line: Option<u32>,
}

#[derive(Debug, PartialEq)]
pub struct RunRequest {
    pub options: Options,
    pub file: String,
    /// The arguments after the file, passed to the program.
    pub program_args: Vec<String>,
}

/// The build flags shared by `build` and `run`.
#[derive(Debug, Default, PartialEq)]
pub struct Options {
    /// `-m`: gc's count; 0 prints nothing, 1 the decisions, 2 and more the explanations.
    pub m_count: i64,
    /// `-l`: gc's count; any non-zero value disables inlining.
    pub l_count: i64,
    /// `-o path` (build only).
    pub output: Option<String>,
    /// `-json=dir` (or gc's `-json=0,dir`, `-json=0,file:///dir`): write gc's optimization log there.
    pub json_dir: Option<String>,
    /// `-pgo=file` (or `auto`: default.pgo beside the file, `off`): the CPU
    /// profile that guides inlining.
    pub pgo: Option<String>,
    /// `-d=pgodebug=N`: print Go 1.21's account of profile-guided inlining.
    pub pgo_debug: i64,
    /// `-d=pgoinlinebudget=N`: what a hot callee may cost (Go's default 2000).
    pub pgo_budget: Option<i32>,
    /// `-d=pgoinlinecdfthreshold=P`: the percentage of the profile's call
    /// edge weight the hot edges make up (Go's default 99).
    pub pgo_cdf_threshold: Option<f64>,
    /// `-report=file.html`: write the decision report there.
    pub report: Option<String>,
    /// `-report-base=old.html`: an earlier report the new one is compared with.
    pub report_base: Option<String>,
    /// `-d=ir`: print the IR on standard output.
    pub dump_ir: bool,
    /// `-d=poisonstack`: the backend overwrites dead stack objects at function exit.
    pub poison_stack: bool,
    /// `-d=ssa/check_bce` (gc's spelling `-d=ssa/check_bce/debug=1` too):
    /// print the bounds checks left in the generated code.
    pub check_bce: bool,
    /// `-d=nostackalloc`: escape analysis decides and explains, but every
    /// allocation and every address-taken variable goes to the heap.
    pub no_stack_alloc: bool,
    /// `-smallframes`: gc's smaller stack limits (128 KiB variables, 16 KiB implicit objects).
    pub small_frames: i64,
    /// gc's `-complete` (on by default, as go build passes it): a function
    /// without a body is an error. `-complete=false` compiles as `go tool compile`.
    pub complete: i64,
    /// `--target x86_64|aarch64`.
    pub target: Option<Target>,
}

/// A command line that cannot be obeyed: the text for standard error and the exit status.
#[derive(Debug, PartialEq)]
pub struct CliError {
    pub message: String,
    pub exit_code: i32,
}

impl CliError {
    fn new(message: impl Into<String>, exit_code: i32) -> CliError {
        CliError { message: message.into(), exit_code }
    }
}

pub const HELP: &str = "\
minigo is a compiler for a subset of Go 1.19 whose inlining and escape-analysis
decisions are those of the gc compiler.

Usage:

\tminigo <command> [arguments]

The commands are:

\tbuild       compile a Go file into an executable
\trun         compile and run a Go file
\texplain     explain the inlining and escape decisions about a line
\tversion     print minigo version

Use \"minigo help <command>\" for more information about a command.
";

const HELP_BUILD: &str = "\
usage: minigo build [-o output] [build flags] file.go

Build compiles the named Go file (package main, no imports) into an
executable named after the file: 'minigo build ed.go' writes 'ed'.

The -o flag forces build to write the executable to the named output
file or directory. If the named output is an existing directory or ends
with a slash, the executable is written into that directory.

The build flags are shared by the build and run commands:

\t-m
\t\tprint the optimization decisions (inlining, escape analysis) as
\t\t'go build -gcflags=-m' does. -m=2, or -m -m, explains them.
\t-l
\t\tdisable inlining.
\t-json=0,dir
\t\talso write gc's optimization log, as -gcflags=-json=0,dir does:
\t\tdir/main/file.json, one LSP diagnostic per inlining or escape
\t\tdecision with its explanation (not gc's SSA bounds, nil-check and
\t\tcopy records).
\t-pgo=file
\t\tguide inlining by a CPU profile (MINIGO_CPUPROFILE=file ./prog
\t\twrites one), as Go 1.21's -pgo: call sites that make up 99% of
\t\tthe profile's call edges may inline callees costing up to 2000.
\t\t-pgo=auto reads default.pgo beside the file when it is there.
\t\t-d=pgodebug=1 prints why; -d=pgoinlinebudget=N and
\t\t-d=pgoinlinecdfthreshold=P change the budget and the percentage.
\t-report=file.html
\t\talso write a self-contained HTML page of every decision over the
\t\tsource: marks in the margin, cost breakdowns, escape paths.
\t-report-base=old.html
\t\twith -report: mark and list the decisions that differ from those
\t\tof an earlier report.
\t-d=ir
\t\tprint the IR of the program on standard output, then build.
\t-d=poisonstack
\t\toverwrite dead stack objects when a function returns.
\t--target x86_64|aarch64
\t\tthe target architecture. The default is GOARCH (amd64 or arm64)
\t\tif it is set, the host otherwise.
";

const HELP_RUN: &str = "\
usage: minigo run [build flags] file.go [arguments...]

Run compiles the named Go file into a temporary directory and runs it
with the arguments. Its exit status is the program's; a program killed
by a signal makes run print the signal and exit with status 1. Programs
built for aarch64 on another host run under qemu-aarch64.

For the build flags, see 'minigo help build'.
";

const HELP_EXPLAIN: &str = "\
usage: minigo explain [build flags] file.go[:line]

Explain prints the optimization decisions about the named line of the
file, or about every line: whether each function declared there can be
inlined, with its inline cost broken down by source line and construct
(the budget is 80; a call that is not inlined costs 57); the calls
inlined there; and for each value that escapes or parameter that leaks,
the path that makes it, step by step with the line:column of each step.
Nothing is built.

For the build flags, see 'minigo help build'.
";

const HELP_VERSION: &str = "\
usage: minigo version

Version prints the minigo version and the host's GOOS/GOARCH.
";

/// Usage lines printed after a flag error, as `go build` prints them.
fn usage_build() -> String {
    "usage: minigo build [-o output] [build flags] file.go\nRun 'minigo help build' for details.\n".to_string()
}

fn usage_run() -> String {
    "usage: minigo run [build flags] file.go [arguments...]\nRun 'minigo help run' for details.\n".to_string()
}

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, CliError> {
    let Some((command, rest)) = args.split_first() else {
        return Err(CliError::new(HELP, 2));
    };
    match command.as_str() {
        "build" => {
            let (options, rest) = parse_flags(rest, Subcommand::Build)?;
            Ok(Command::Build(BuildRequest { options, file: single_file(rest)? }))
        }
        "run" => {
            let (options, rest) = parse_flags(rest, Subcommand::Run)?;
            // As `go run`: the leading arguments ending in .go are the files,
            // the ones after them belong to the program.
            let n_files = rest.iter().take_while(|a| a.ends_with(".go")).count();
            let (files, program_args) = rest.split_at(n_files);
            let file = if files.is_empty() {
                match program_args.first() {
                    None => return Err(CliError::new("minigo: no go files listed\n", 1)),
                    Some(arg) => return Err(CliError::new(format!("named files must be .go files: {}\n", arg), 1)),
                }
            } else {
                single_file(files)?
            };
            Ok(Command::Run(RunRequest { options, file, program_args: program_args.to_vec() }))
        }
        "explain" => {
            let (options, rest) = parse_flags(rest, Subcommand::Build)?;
            let (file, line) = match rest {
                [arg] => match arg.rsplit_once(':') {
                    Some((file, line)) if file.ends_with(".go") => match line.parse::<u32>() {
                        Ok(line) if line > 0 => (file.to_string(), Some(line)),
                        _ => return Err(CliError::new(format!("minigo explain: malformed line number in {}\n", arg), 2)),
                    },
                    _ => (single_file(rest)?, None),
                },
                _ => (single_file(rest)?, None),
            };
            Ok(Command::Explain(ExplainRequest { options, file, line }))
        }
        "version" => {
            if rest.is_empty() {
                Ok(Command::Version)
            } else {
                Err(CliError::new("usage: minigo version\n", 2))
            }
        }
        "help" => match rest {
            [] => Ok(Command::Help(HELP)),
            [topic] => match topic.as_str() {
                "build" => Ok(Command::Help(HELP_BUILD)),
                "run" => Ok(Command::Help(HELP_RUN)),
                "explain" => Ok(Command::Help(HELP_EXPLAIN)),
                "version" => Ok(Command::Help(HELP_VERSION)),
                _ => Err(CliError::new(format!("minigo help {}: unknown help topic. Run 'minigo help'.\n", topic), 2)),
            },
            _ => Err(CliError::new("usage: minigo help command\n\nToo many arguments given.\n", 2)),
        },
        "-h" | "-help" | "--help" => Err(CliError::new(HELP, 2)),
        other => Err(CliError::new(format!("minigo {}: unknown command\nRun 'minigo help' for usage.\n", other), 2)),
    }
}

/// The one file a build names (`go build` takes several; minigo compiles one).
fn single_file(args: &[String]) -> Result<String, CliError> {
    if let Some(not_go) = args.iter().find(|a| !a.ends_with(".go")) {
        return Err(CliError::new(format!("named files must be .go files: {}\n", not_go), 1));
    }
    match args {
        [] => Err(CliError::new("minigo: no go files listed\n", 1)),
        [file] => Ok(file.clone()),
        _ => Err(CliError::new(format!("minigo: one .go file per program, have {}: {}\n", args.len(), args.join(" ")), 1)),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Subcommand {
    Build,
    Run,
}

impl Subcommand {
    fn usage(self) -> String {
        match self {
            Subcommand::Build => usage_build(),
            Subcommand::Run => usage_run(),
        }
    }
}

/// How a flag takes its value, which decides how `flag` parses it.
#[derive(Clone, Copy, PartialEq)]
enum FlagKind {
    /// gc's count: boolean syntax (`-m`, `-m=2`), each bare use adds one.
    Count,
    /// Takes a value: `-o path` or `-o=path`.
    Value,
}

fn flag_kind(name: &str, subcommand: Subcommand) -> Option<FlagKind> {
    match name {
        "m" | "l" | "smallframes" | "complete" => Some(FlagKind::Count),
        "json" | "d" | "target" | "report" | "report-base" | "pgo" => Some(FlagKind::Value),
        // `go run` has no -o.
        "o" if subcommand == Subcommand::Build => Some(FlagKind::Value),
        _ => None,
    }
}

/// Parses flags up to the first non-flag argument, as `flag.FlagSet.Parse` does.
fn parse_flags(args: &[String], subcommand: Subcommand) -> Result<(Options, &[String]), CliError> {
    let mut options = Options { complete: 1, ..Options::default() };
    let mut rest = args;
    let fail = |message: String| CliError::new(format!("{}\n{}", message, subcommand.usage()), 2);
    while let Some((arg, after)) = rest.split_first() {
        if arg.len() < 2 || !arg.starts_with('-') {
            break;
        }
        let mut name = &arg[1..];
        if let Some(stripped) = name.strip_prefix('-') {
            if stripped.is_empty() {
                rest = after;
                break;
            }
            name = stripped;
        }
        if name.is_empty() || name.starts_with('-') || name.starts_with('=') {
            return Err(fail(format!("bad flag syntax: {}", arg)));
        }
        rest = after;
        let (name, value) = match name.find('=') {
            Some(i) => (&name[..i], Some(&name[i + 1..])),
            None => (name, None),
        };
        let Some(kind) = flag_kind(name, subcommand) else {
            if name == "help" || name == "h" {
                return Err(CliError::new(subcommand.usage(), 2));
            }
            return Err(fail(format!("flag provided but not defined: -{}", name)));
        };
        match kind {
            FlagKind::Count => {
                let counter = match name {
                    "m" => &mut options.m_count,
                    "l" => &mut options.l_count,
                    "complete" => &mut options.complete,
                    _ => &mut options.small_frames,
                };
                match value {
                    None => *counter += 1,
                    Some(value) => {
                        *counter = set_count(*counter, value)
                            .map_err(|e| fail(format!("invalid boolean value \"{}\" for -{}: {}", value, name, e)))?
                    }
                }
            }
            FlagKind::Value => {
                let value = match value {
                    Some(value) => value,
                    None => match rest.split_first() {
                        Some((value, after)) => {
                            rest = after;
                            value.as_str()
                        }
                        None => return Err(fail(format!("flag needs an argument: -{}", name))),
                    },
                };
                set_value(&mut options, name, value).map_err(|e| fail(format!("invalid value \"{}\" for flag -{}: {}", value, name, e)))?;
            }
        }
    }
    if options.report_base.is_some() && options.report.is_none() {
        return Err(fail("flag -report-base needs -report".to_string()));
    }
    Ok((options, rest))
}

/// gc's `count.Set`: `true` adds one, `false` resets, a number sets.
fn set_count(current: i64, value: &str) -> Result<i64, String> {
    match value {
        "true" => Ok(current + 1),
        "false" => Ok(0),
        _ => value.parse::<i64>().map_err(|_| format!("invalid count \"{}\"", value)),
    }
}

fn set_value(options: &mut Options, name: &str, value: &str) -> Result<(), String> {
    match name {
        "o" => options.output = Some(value.to_string()),
        "json" => options.json_dir = Some(json_destination(value)?),
        "report" => options.report = Some(value.to_string()),
        "pgo" => options.pgo = Some(value.to_string()),
        "report-base" => options.report_base = Some(value.to_string()),
        "target" => options.target = Some(Target::from_name(value)?),
        "d" => {
            for key in value.split(',').filter(|k| !k.is_empty()) {
                match key {
                    "ir" => options.dump_ir = true,
                    "poisonstack" => options.poison_stack = true,
                    "nostackalloc" => options.no_stack_alloc = true,
                    "ssa/check_bce" | "ssa/check_bce/debug=1" => options.check_bce = true,
                    _ => match key.split_once('=') {
                        Some(("pgodebug", n)) => options.pgo_debug = n.parse().map_err(|_| format!("invalid debug value {}", key))?,
                        Some(("pgoinlinebudget", n)) => {
                            options.pgo_budget = Some(n.parse().map_err(|_| format!("invalid debug value {}", key))?)
                        }
                        Some(("pgoinlinecdfthreshold", p)) => match p.parse::<f64>() {
                            Ok(p) if (0.0..=100.0).contains(&p) => options.pgo_cdf_threshold = Some(p),
                            _ => return Err("invalid PGOInlineCDFThreshold, must be between 0 and 100".to_string()),
                        },
                        _ => return Err(format!("unknown debug key {}", key)),
                    },
                }
            }
        }
        _ => unreachable!("flag_kind admitted -{name} without a setter"),
    }
    Ok(())
}

/// `-json=dir`, or gc's `-json=<version>,<destination>` with version 0 and a
/// directory or `file://` URI as destination.
fn json_destination(value: &str) -> Result<String, String> {
    let destination = match value.split_once(',') {
        Some((version, destination)) if !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit()) => {
            if version != "0" {
                return Err(format!("version must be 0, got {}", version));
            }
            destination
        }
        _ => value,
    };
    let destination = destination.strip_prefix("file://").unwrap_or(destination);
    if destination.is_empty() {
        return Err("empty destination directory".to_string());
    }
    Ok(destination.to_string())
}

/// The target: `--target` if given, else the one `GOOS` and `GOARCH` name
/// (unset means the host). An unsupported pair is reported as the go command
/// reports it (`go: unsupported GOOS/GOARCH pair linux/mips`, exit 2).
pub fn resolve_target(flag: Option<Target>, goos: Option<&str>, goarch: Option<&str>) -> Result<Target, CliError> {
    match flag {
        Some(target) => Ok(target),
        None => Target::from_go_env(goos, goarch).map_err(|e| CliError::new(format!("minigo: {}\n", e), 2)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    fn build(list: &[&str]) -> Result<BuildRequest, CliError> {
        match parse(&args(list))? {
            Command::Build(request) => Ok(request),
            other => panic!("not a build: {:?}", other),
        }
    }

    #[test]
    fn explain_takes_a_file_and_an_optional_line() {
        let explain = |list: &[&str]| match parse(&args(list)) {
            Ok(Command::Explain(request)) => Ok((request.file, request.line, request.options.l_count)),
            Ok(other) => panic!("not an explain: {:?}", other),
            Err(e) => Err(e.message),
        };
        assert_eq!(explain(&["explain", "x.go:12"]), Ok(("x.go".to_string(), Some(12), 0)));
        assert_eq!(explain(&["explain", "-l", "x.go"]), Ok(("x.go".to_string(), None, 1)));
        assert_eq!(explain(&["explain", "x.go:0"]), Err("minigo explain: malformed line number in x.go:0\n".to_string()));
        assert_eq!(explain(&["explain", "x.txt:3"]), Err("named files must be .go files: x.txt:3\n".to_string()));
    }

    #[test]
    fn count_flags_follow_gc() {
        assert_eq!(build(&["build", "-m", "x.go"]).map(|r| r.options.m_count), Ok(1));
        assert_eq!(build(&["build", "-m", "-m", "x.go"]).map(|r| r.options.m_count), Ok(2));
        assert_eq!(build(&["build", "-m=2", "x.go"]).map(|r| r.options.m_count), Ok(2));
        assert_eq!(build(&["build", "--m=7", "x.go"]).map(|r| r.options.m_count), Ok(7));
        assert_eq!(build(&["build", "-m", "-m=false", "x.go"]).map(|r| r.options.m_count), Ok(0));
        assert_eq!(build(&["build", "-m", "-l", "x.go"]).map(|r| (r.options.m_count, r.options.l_count)), Ok((1, 1)));
        let err = build(&["build", "-m=x", "x.go"]).unwrap_err();
        assert!(err.message.starts_with("invalid boolean value \"x\" for -m: invalid count \"x\"\nusage: minigo build"));
        assert_eq!(err.exit_code, 2);
    }

    #[test]
    fn value_flags_take_the_next_argument_or_an_equals_value() {
        assert_eq!(build(&["build", "-o", "out", "x.go"]).map(|r| r.options.output), Ok(Some("out".to_string())));
        assert_eq!(build(&["build", "-o=out", "x.go"]).map(|r| r.options.output), Ok(Some("out".to_string())));
        assert_eq!(build(&["build", "--target", "aarch64", "x.go"]).map(|r| r.options.target), Ok(Some(Target::Aarch64)));
        assert_eq!(build(&["build", "-d=ir", "x.go"]).map(|r| r.options.dump_ir), Ok(true));
        assert_eq!(build(&["build", "-json=0,file:///tmp/j", "x.go"]).map(|r| r.options.json_dir), Ok(Some("/tmp/j".to_string())));
        assert_eq!(build(&["build", "-json=out", "x.go"]).map(|r| r.options.json_dir), Ok(Some("out".to_string())));
        assert_eq!(
            build(&["build", "-report=r.html", "-report-base", "old.html", "x.go"]).map(|r| (r.options.report, r.options.report_base)),
            Ok((Some("r.html".to_string()), Some("old.html".to_string())))
        );
        assert!(build(&["build", "-report-base=old.html", "x.go"])
            .is_err_and(|e| e.message.starts_with("flag -report-base needs -report\n") && e.exit_code == 2));
        let err = build(&["build", "-o"]).unwrap_err();
        assert!(err.message.starts_with("flag needs an argument: -o\nusage: minigo build"));
        let err = build(&["build", "-d=foo", "x.go"]).unwrap_err();
        assert!(err.message.starts_with("invalid value \"foo\" for flag -d: unknown debug key foo\n"));
    }

    #[test]
    fn flag_errors_match_the_flag_package() {
        let err = build(&["build", "-x", "x.go"]).unwrap_err();
        assert_eq!(
            err.message,
            "flag provided but not defined: -x\nusage: minigo build [-o output] [build flags] file.go\nRun 'minigo help build' for details.\n"
        );
        assert_eq!(err.exit_code, 2);
        assert!(build(&["build", "---x", "x.go"]).unwrap_err().message.starts_with("bad flag syntax: ---x\n"));
        assert_eq!(build(&["build", "-h"]).unwrap_err().message, usage_build());
        assert!(parse(&args(&["run", "-o", "y", "x.go"])).unwrap_err().message.starts_with("flag provided but not defined: -o\n"));
    }

    #[test]
    fn flags_stop_at_the_first_file_or_double_dash() {
        let err = build(&["build", "x.go", "-m"]).unwrap_err();
        assert_eq!(err.message, "named files must be .go files: -m\n");
        assert_eq!(build(&["build", "--", "-m.go"]).map(|r| r.file), Ok("-m.go".to_string()));
    }

    #[test]
    fn run_splits_files_from_program_arguments() {
        match parse(&args(&["run", "-m", "x.go", "a", "b.go"])) {
            Ok(Command::Run(run)) => {
                assert_eq!(run.file, "x.go");
                assert_eq!(run.program_args, args(&["a", "b.go"]));
                assert_eq!(run.options.m_count, 1);
            }
            other => panic!("{:?}", other),
        }
        assert_eq!(parse(&args(&["run"])).unwrap_err(), CliError::new("minigo: no go files listed\n", 1));
    }

    #[test]
    fn targets_follow_goarch_unless_given() {
        assert_eq!(resolve_target(None, None, Some("arm64")), Ok(Target::Aarch64));
        assert_eq!(resolve_target(None, None, Some("amd64")), Ok(Target::X86_64));
        assert_eq!(resolve_target(None, None, None), Ok(Target::host()));
        assert_eq!(resolve_target(Some(Target::X86_64), None, Some("arm64")), Ok(Target::X86_64));
        assert_eq!(resolve_target(None, None, Some("mips")), Err(CliError::new("minigo: unsupported GOOS/GOARCH pair linux/mips\n", 2)));
        assert_eq!(
            resolve_target(None, Some("darwin"), None).map_err(|e| e.message),
            Err(format!("minigo: unsupported GOOS/GOARCH pair darwin/{}\n", Target::host().goarch()))
        );
    }
}
