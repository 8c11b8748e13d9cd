//! The machines minigo compiles for, and how they are named and chosen: the
//! host, Go's `GOOS`/`GOARCH` environment (as cmd/go reads it, see
//! `cmd/go/internal/work/action.go` and `internal/platform`), the `--target`
//! names, and how to run an executable of a target on this machine (directly,
//! or under qemu-user when the target is not the host).

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A Linux target: an x86-64 or aarch64 PIE executable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    X86_64,
    Aarch64,
}

impl Target {
    /// Every target, in the order `minigo version` lists them.
    pub const ALL: [Target; 2] = [Target::X86_64, Target::Aarch64];

    /// The machine this minigo runs on (the default target, as for `go build`).
    pub fn host() -> Target {
        if cfg!(target_arch = "aarch64") {
            Target::Aarch64
        } else {
            Target::X86_64
        }
    }

    /// The `--target` name: `x86_64` or `aarch64`.
    pub fn name(self) -> &'static str {
        match self {
            Target::X86_64 => "x86_64",
            Target::Aarch64 => "aarch64",
        }
    }

    /// Go's name for the architecture (`GOARCH`): `amd64` or `arm64`.
    pub fn goarch(self) -> &'static str {
        match self {
            Target::X86_64 => "amd64",
            Target::Aarch64 => "arm64",
        }
    }

    /// Parses a `--target` value (`x86_64` or `aarch64`).
    /// The error is one line: `unknown target "mips" (want x86_64 or aarch64)`.
    pub fn from_name(name: &str) -> Result<Target, String> {
        Target::ALL.into_iter().find(|t| t.name() == name).ok_or_else(|| format!("unknown target {:?} (want x86_64 or aarch64)", name))
    }

    /// The target the go command would build for with these `GOOS` and
    /// `GOARCH` values; unset or empty means the host's (`linux`, [`Target::host`]).
    /// Only linux/amd64 and linux/arm64 are supported; anything else is the
    /// go command's error text, `unsupported GOOS/GOARCH pair linux/mips`,
    /// which `go build` prints after `go: ` and then exits with status 2.
    pub fn from_go_env(goos: Option<&str>, goarch: Option<&str>) -> Result<Target, String> {
        let goos = goos.filter(|s| !s.is_empty()).unwrap_or("linux");
        let goarch = goarch.filter(|s| !s.is_empty()).unwrap_or(Target::host().goarch());
        match Target::ALL.into_iter().find(|t| t.goarch() == goarch) {
            Some(target) if goos == "linux" => Ok(target),
            _ => Err(format!("unsupported GOOS/GOARCH pair {}/{}", goos, goarch)),
        }
    }

    /// A command that runs `executable` (built for this target) on this
    /// machine: the executable itself on its own architecture, otherwise
    /// `qemu-aarch64 -L /usr/aarch64-linux-gnu executable` (or
    /// `qemu-x86_64 -L /usr/x86_64-linux-gnu` on an aarch64 host). Add the
    /// program's arguments and environment to it. The error, when the qemu
    /// user-mode emulator is missing, is one line naming the package to install.
    pub fn run_command(self, executable: &Path) -> Result<Command, String> {
        // A bare name would be looked up in PATH; `prog` means `./prog`.
        let executable = if executable.parent().is_some_and(|p| p.as_os_str().is_empty()) {
            Path::new(".").join(executable)
        } else {
            executable.to_path_buf()
        };
        if self == Target::host() {
            return Ok(Command::new(executable));
        }
        let emulator = format!("qemu-{}", self.name());
        let Some(emulator_path) = find_in_path(&emulator) else {
            return Err(format!(
                "cannot run an {} executable on this {} machine: {} is not installed (apt-get install qemu-user)",
                self.name(),
                Target::host().name(),
                emulator
            ));
        };
        let mut command = Command::new(emulator_path);
        command.arg("-L").arg(format!("/usr/{}-linux-gnu", self.name())).arg(&executable);
        Ok(command)
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The first executable file called `program` in the directories of `PATH`.
pub(crate) fn find_in_path(program: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| std::fs::metadata(candidate).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_env_names_the_targets_and_rejects_others_as_go_does() {
        assert_eq!(Target::from_go_env(None, Some("arm64")), Ok(Target::Aarch64));
        assert_eq!(Target::from_go_env(Some("linux"), Some("amd64")), Ok(Target::X86_64));
        assert_eq!(Target::from_go_env(Some(""), Some("")), Ok(Target::host()));
        assert_eq!(Target::from_go_env(None, None), Ok(Target::host()));
        assert_eq!(Target::from_go_env(None, Some("mips")), Err("unsupported GOOS/GOARCH pair linux/mips".to_string()));
        assert_eq!(Target::from_go_env(Some("darwin"), Some("arm64")), Err("unsupported GOOS/GOARCH pair darwin/arm64".to_string()));
    }

    #[test]
    fn target_names_round_trip() {
        for target in Target::ALL {
            assert_eq!(Target::from_name(target.name()), Ok(target));
            assert_eq!(target.to_string(), target.name());
        }
        assert_eq!(Target::from_name("arm64"), Err("unknown target \"arm64\" (want x86_64 or aarch64)".to_string()));
    }

    #[test]
    fn the_host_runs_its_own_executables_directly() {
        let command = Target::host().run_command(Path::new("/tmp/prog")).expect("host command");
        assert_eq!(command.get_program(), "/tmp/prog");
        assert_eq!(command.get_args().count(), 0);
        let command = Target::host().run_command(Path::new("prog")).expect("host command");
        assert_eq!(command.get_program(), "./prog");
    }
}
