//! Builds and runs one program in every configuration and reports the
//! differences. Self-consistency: minigo's default build against `-l`,
//! `-d=poisonstack` and (for a subset) the arm64 build under qemu, and
//! `-m=2` must not crash. Against Go 1.19 (when installed): output and exit
//! status of the program built by `go build`, on x86-64 and on the arm64
//! subset, and the `-m=2`, `-m` and `-m -l` texts line for line.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;
use wait_timeout::ChildExt;

/// Where the tools are and what to compare.
#[derive(Clone, Debug)]
pub struct Config {
    pub minigo: PathBuf,
    /// Go 1.19's `go` command: compare against it when set.
    pub go: Option<PathBuf>,
    /// Also build and run for arm64 under qemu.
    pub arm64: bool,
    /// How long a built program may run.
    pub run_limit: Duration,
    /// Only look for differences of this kind (the reducer's test).
    pub focus: Option<String>,
}

impl Config {
    fn wants(&self, kind: &str) -> bool {
        self.focus.as_deref().is_none_or(|focus| focus == kind)
    }
}

/// One difference found.
#[derive(Clone, Debug)]
pub struct Finding {
    /// What differs: `crash`, `build`, `runaway` (a timeout or stack
    /// overflow), `-l`, `poisonstack`, `arm64`, `go-output`, `go-arm64`,
    /// `m2`, `m1`, `ml`.
    pub kind: &'static str,
    pub detail: String,
}

/// What checking one program measured, for the summary.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// Lines of gc's `-m=2` text, and how many of them differ (lines only
    /// in gc's text plus lines only in minigo's).
    pub m2_lines: usize,
    pub m2_diff_lines: usize,
    /// Whether the program was skipped because Go rejects it (a generator bug).
    pub invalid: bool,
}

/// Whether arm64 executables can be built and run here: qemu-aarch64 on
/// the PATH and the aarch64 cross toolchain's libraries.
pub fn arm64_available() -> bool {
    let qemu = std::env::var_os("PATH").is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("qemu-aarch64").is_file()));
    qemu && Path::new("/usr/aarch64-linux-gnu/lib").is_dir()
}

/// A process's end: its exit status (or 128 + signal, or -1 on timeout)
/// with its standard output and error.
struct Ran {
    status: i32,
    stdout: String,
    stderr: String,
}

fn run(command: &mut Command, limit: Duration) -> Ran {
    let spawned = command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => return Ran { status: -2, stdout: String::new(), stderr: format!("cannot start {:?}: {}", command, e) },
    };
    let out = child.stdout.take();
    let err = child.stderr.take();
    let read = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = read(out.map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let stderr = read(err.map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let status = match child.wait_timeout(limit) {
        Ok(Some(status)) => {
            use std::os::unix::process::ExitStatusExt;
            status.code().unwrap_or_else(|| 128 + status.signal().unwrap_or(0))
        }
        _ => {
            let _ = child.kill();
            let _ = child.wait();
            -1
        }
    };
    Ran { status, stdout: stdout.join().unwrap_or_default(), stderr: stderr.join().unwrap_or_default() }
}

const BUILD_LIMIT: Duration = Duration::from_secs(120);

/// A build of `source` with `flags` by minigo, for `arch` (amd64 or arm64).
/// Builds `source` (an absolute path) in its directory, as `go build`
/// runs, so both compilers print the file as `./prog.go`.
fn minigo_build(config: &Config, source: &Path, out: &Path, flags: &[&str], arch: &str) -> Ran {
    let mut command = Command::new(&config.minigo);
    command
        .arg("build")
        .arg("-o")
        .arg(out)
        .args(flags)
        .arg(source.file_name().unwrap_or_default())
        .current_dir(source.parent().unwrap_or(Path::new(".")))
        .env("GOARCH", arch);
    run(&mut command, BUILD_LIMIT)
}

fn go_build(go: &Path, source: &Path, out: &Path, gcflags: Option<&str>, arch: &str) -> Ran {
    let mut command = Command::new(go);
    command.arg("build").arg("-o").arg(out);
    if let Some(flags) = gcflags {
        command.arg(format!("-gcflags={}", flags));
    }
    command
        .arg(source.file_name().unwrap_or_default())
        .current_dir(source.parent().unwrap_or(Path::new(".")))
        .env("GO111MODULE", "off")
        .env("GOARCH", arch)
        .env("GOFLAGS", "")
        .env("GOCACHE", std::env::temp_dir().join("minigo-fuzz-gocache"));
    run(&mut command, BUILD_LIMIT)
}

/// Runs a built program as the goldens are recorded: GOTRACEBACK=none,
/// standard output and error together, the pc of a signal line masked.
fn run_program(config: &Config, exe: &Path, arch: &str) -> (String, i32) {
    let mut command = if arch == "arm64" {
        let mut c = Command::new("qemu-aarch64");
        c.arg("-L").arg("/usr/aarch64-linux-gnu").arg(exe);
        c
    } else {
        Command::new(exe)
    };
    command.env("GOTRACEBACK", "none");
    let ran = run(&mut command, config.run_limit);
    (mask_pc(&format!("{}{}", ran.stdout, ran.stderr)), ran.status)
}

/// A run that timed out or overflowed its stack.
fn runs_away(output: &str, status: i32) -> bool {
    status == -1 || output.contains("stack exceeds") || output.contains("stack overflow")
}

fn mask_pc(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("pc=0x") {
        out.push_str(&rest[..i]);
        out.push_str("pc=PC");
        rest = rest[i + 5..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

/// Compiler output as the goldens keep it: `# ` lines dropped, the path of
/// the file reduced to its name.
fn normalize_compiler(text: &str, source: &Path) -> String {
    let name = source.file_name().unwrap_or_default().to_string_lossy().into_owned();
    let full = source.display().to_string();
    let relative = format!("./{}", name);
    text.lines().filter(|l| !l.starts_with("# ")).map(|l| l.replace(&full, &name).replace(&relative, &name)).collect::<Vec<_>>().join("\n")
}

/// A crash of the compiler itself, as opposed to a compile error.
fn crashed(ran: &Ran) -> bool {
    ran.status == 101 || ran.status > 128 || ran.status == -1 || ran.stderr.contains("internal compiler error")
}

/// Checks the program `source` (in a directory of its own, where the
/// executables are written).
pub fn check(config: &Config, source: &Path) -> Report {
    let mut report = Report::default();
    let dir = source.parent().unwrap_or(Path::new(".")).to_path_buf();
    let exe = |name: &str| dir.join(name);
    let mut find = |kind: &'static str, detail: String| report.findings.push(Finding { kind, detail });

    if let Some(go) = &config.go {
        let built = go_build(go, source, &exe("go.bin"), None, "amd64");
        if built.status != 0 {
            return Report { invalid: true, ..Report::default() };
        }
    }

    let built = minigo_build(config, source, &exe("minigo.bin"), &[], "amd64");
    if built.status != 0 {
        let kind = if crashed(&built) { "crash" } else { "build" };
        find(kind, first_lines(&built.stderr, 12));
        return report;
    }
    let runs = ["-l", "poisonstack", "arm64", "go-output", "go-arm64"].iter().any(|k| config.wants(k));
    let (output, status) = if runs { run_program(config, &exe("minigo.bin"), "amd64") } else { (String::new(), 0) };
    if runs && runs_away(&output, status) {
        // Generated programs terminate: this is a miscompile or a generator
        // bug, and its output (addresses of the stack) cannot be compared.
        find("runaway", first_lines(&output, 4));
        return report;
    }

    let mut variants: Vec<(&'static str, Vec<&str>, &str)> =
        vec![("-l", vec!["-l"], "amd64"), ("poisonstack", vec!["-d=poisonstack"], "amd64")];
    if config.arm64 {
        variants.push(("arm64", vec![], "arm64"));
    }
    for (kind, flags, arch) in variants {
        let needed = config.wants(kind) || (kind == "arm64" && config.wants("go-arm64"));
        if !needed {
            continue;
        }
        let name = format!("minigo-{}.bin", kind);
        let built = minigo_build(config, source, &exe(&name), &flags, arch);
        if built.status != 0 {
            let kind = if crashed(&built) { "crash" } else { kind };
            find(kind, first_lines(&built.stderr, 12));
            continue;
        }
        let (other, other_status) = run_program(config, &exe(&name), arch);
        if (&other, other_status) != (&output, status) {
            find(kind, describe_run_difference(&output, status, &other, other_status));
        }
    }

    let m2 = minigo_build(config, source, &exe("minigo-m2.bin"), &["-m=2"], "amd64");
    if crashed(&m2) && config.wants("crash") {
        find("crash", format!("-m=2: {}", first_lines(&m2.stderr, 12)));
    }

    let Some(go) = &config.go else { return report };
    let (go_output, go_status) =
        if config.wants("go-output") { run_program(config, &exe("go.bin"), "amd64") } else { (output.clone(), status) };
    if (&go_output, go_status) != (&output, status) {
        find("go-output", describe_run_difference(&go_output, go_status, &output, status));
    }
    if config.arm64 && config.wants("go-arm64") {
        let built = go_build(go, source, &exe("go-arm64.bin"), None, "arm64");
        let ours = exe("minigo-arm64.bin");
        if built.status == 0 && ours.exists() {
            let (go_output, go_status) = run_program(config, &exe("go-arm64.bin"), "arm64");
            let (output, status) = run_program(config, &ours, "arm64");
            if (&go_output, go_status) != (&output, status) {
                find("go-arm64", describe_run_difference(&go_output, go_status, &output, status));
            }
        }
    }
    for (kind, flags, ours) in [("m2", "-m=2", vec!["-m=2"]), ("m1", "-m", vec!["-m"]), ("ml", "-m -l", vec!["-m", "-l"])] {
        if !config.wants(kind) {
            continue;
        }
        let theirs = go_build(go, source, &exe("go-m.bin"), Some(flags), "amd64");
        let mine = if kind == "m2" { m2.stderr.clone() } else { minigo_build(config, source, &exe("minigo-m.bin"), &ours, "amd64").stderr };
        let want = normalize_compiler(&theirs.stderr, source);
        let got = normalize_compiler(&mine, source);
        let differing = diff_lines(&want, &got);
        if kind == "m2" {
            report.m2_lines = want.lines().count();
            report.m2_diff_lines = differing.len();
        }
        if !differing.is_empty() {
            report.findings.push(Finding { kind, detail: first_lines(&differing.join("\n"), 20) });
        }
    }
    report
}

fn describe_run_difference(want: &str, want_status: i32, got: &str, got_status: i32) -> String {
    let mut text = format!("want exit {}, got exit {}\n", want_status, got_status);
    for line in diff_lines(want, got).into_iter().take(12) {
        text.push_str(&line);
        text.push('\n');
    }
    text
}

fn first_lines(text: &str, n: usize) -> String {
    text.lines().take(n).collect::<Vec<_>>().join("\n")
}

/// The lines only in `want` (prefixed `-`) and only in `got` (`+`), by a
/// longest common subsequence.
pub fn diff_lines(want: &str, got: &str) -> Vec<String> {
    let a: Vec<&str> = want.lines().collect();
    let b: Vec<&str> = got.lines().collect();
    if a == b {
        return Vec::new();
    }
    // Common prefix and suffix first: most differences are a few lines.
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let a = &a[prefix..a.len() - suffix];
    let b = &b[prefix..b.len() - suffix];
    let mut out = Vec::new();
    if a.len().saturating_mul(b.len()) > 25_000_000 {
        out.extend(a.iter().map(|l| format!("-{}", l)));
        out.extend(b.iter().map(|l| format!("+{}", l)));
        return out;
    }
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(format!("-{}", a[i]));
            i += 1;
        } else {
            out.push(format!("+{}", b[j]));
            j += 1;
        }
    }
    out
}
