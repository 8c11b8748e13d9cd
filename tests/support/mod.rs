//! What the integration tests share: running the `minigo` binary (and the
//! programs it builds) with a time limit, scratch directories, the
//! normalisations of the conformance corpus README, and a line diff for
//! failure reports.

#![allow(dead_code)] // each test crate uses its own part of this module

use std::io::Read;

use backend::Target;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// The compiler under test.
pub fn minigo() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_minigo"));
    // Builds target the host unless a test says otherwise.
    command.env_remove("GOARCH").env_remove("GOOS").env_remove("MINIGO_MEMSTATS");
    command
}

/// The repository root (where Cargo.toml is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// How a process ended.
#[derive(Debug, PartialEq)]
pub enum Status {
    Exited(i32),
    Signaled(i32),
    TimedOut,
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Status::Exited(code) => write!(f, "exit status {}", code),
            Status::Signaled(signal) => write!(f, "killed by signal {}", signal),
            Status::TimedOut => write!(f, "timed out"),
        }
    }
}

pub struct Outcome {
    pub status: Status,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `command` with no input, collecting its output; kills it after `limit`.
pub fn run(command: &mut Command, limit: Duration) -> Outcome {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {:?}: {}", command, e));
    let reader = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = reader(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let stderr = reader(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                use std::os::unix::process::ExitStatusExt;
                break match status.code() {
                    Some(code) => Status::Exited(code),
                    None => Status::Signaled(status.signal().unwrap_or(0)),
                };
            }
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                break Status::TimedOut;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => panic!("waiting for {:?}: {}", command, e),
        }
    };
    Outcome { status, stdout: stdout.join().unwrap_or_default(), stderr: stderr.join().unwrap_or_default() }
}

/// The targets every run-mode case runs on: the host, and aarch64 under
/// qemu when its toolchain is here (CI installs it; without it the arm64
/// runs are skipped with a note, except under CI=true, where they fail).
pub fn run_targets() -> Vec<Target> {
    let mut targets = vec![Target::host()];
    let other = Target::ALL.into_iter().find(|t| *t != Target::host()).expect("two targets");
    match backend::check_target(other).and_then(|()| other.run_command(Path::new("probe")).map(|_| ())) {
        Ok(()) => targets.push(other),
        Err(e) => {
            assert!(std::env::var_os("CI").is_none(), "{} runs are required in CI: {}", other.name(), e);
            eprintln!("note: {} runs skipped: {}", other.name(), e);
        }
    }
    targets
}

/// The `.go` files of a folder, in name order; there must be some.
pub fn go_files(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {}", dir.display(), e))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".go"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no programs in {}", dir.display());
    files
}

/// A scratch directory removed when dropped.
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    pub fn new(label: &str) -> TempDir {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("minigo-test-{}-{}-{}", label, std::process::id(), n));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap_or_else(|e| panic!("creating {}: {}", path.display(), e));
        TempDir { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Compiler output as the corpus stores it: `# ` header lines dropped, and
/// every `./P.go` or `/dir/P.go` written `P.go`, also mid-line.
pub fn normalize_compiler_output(text: &str, file_name: &str) -> String {
    let mut out = String::new();
    for line in text.lines().filter(|l| !l.starts_with("# ")) {
        out.push_str(&strip_directories(line, file_name));
        out.push('\n');
    }
    out
}

/// Removes the directory part of every path ending in `/file_name` in `line`.
fn strip_directories(line: &str, file_name: &str) -> String {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let is_path = |c: char| !c.is_whitespace() && !matches!(c, ':' | '(' | ')' | '"' | '\'');
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find(file_name) {
        let after = &rest[i + file_name.len()..];
        let at_boundary = !after.chars().next().is_some_and(is_word);
        let (before, _) = rest.split_at(i);
        if at_boundary && before.ends_with('/') {
            let start = before.char_indices().rev().find(|&(_, c)| !is_path(c)).map_or(0, |(j, c)| j + c.len_utf8());
            out.push_str(&before[..start]);
        } else {
            out.push_str(before);
        }
        out.push_str(file_name);
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Program output as the corpus stores it: the pc of a `[signal ...]` line masked.
pub fn normalize_program_output(text: &str) -> String {
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

/// A line diff of `want` against `got` (`-` lines only in want, `+` only in
/// got) with 2 lines of context, cut after `max_lines` lines.
pub fn diff(want: &str, got: &str, max_lines: usize) -> String {
    let a: Vec<&str> = want.lines().collect();
    let b: Vec<&str> = got.lines().collect();
    let mut ops: Vec<(char, &str)> = Vec::new();
    if a.len().saturating_mul(b.len()) > 4_000_000 {
        // Too long for the quadratic LCS: show both sides whole.
        ops.extend(a.iter().map(|l| ('-', *l)));
        ops.extend(b.iter().map(|l| ('+', *l)));
    } else {
        // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
        let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            if i < a.len() && j < b.len() && a[i] == b[j] {
                ops.push((' ', a[i]));
                i += 1;
                j += 1;
            } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
                ops.push(('-', a[i]));
                i += 1;
            } else {
                ops.push(('+', b[j]));
                j += 1;
            }
        }
    }
    let changed: Vec<bool> = ops.iter().map(|(op, _)| *op != ' ').collect();
    let near_change = |k: usize| (k.saturating_sub(2)..(k + 3).min(ops.len())).any(|m| changed[m]);
    let mut out = String::new();
    let mut shown = 0;
    let mut skipped = false;
    for (k, (op, line)) in ops.iter().enumerate() {
        if !near_change(k) {
            skipped = true;
            continue;
        }
        if shown == max_lines {
            out.push_str("  ...\n");
            break;
        }
        if skipped {
            out.push_str("  @@\n");
            skipped = false;
        }
        out.push_str(&format!("  {}{}\n", op, line));
        shown += 1;
    }
    if want.ends_with('\n') != got.ends_with('\n') && out.is_empty() {
        out.push_str("  (only the final newline differs)\n");
    }
    out
}
