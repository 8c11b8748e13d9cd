//! Linking: writes the object file and the target's embedded runtime archive
//! (built by build.rs) to a temporary directory and runs the target's C
//! compiler driver: `cc -pie -o OUT prog.o libminigo_rt_x86_64.a -lgc
//! -lpthread` on an x86-64 host, `aarch64-linux-gnu-gcc` (Boehm GC from
//! Debian's libgc-dev:arm64) for arm64. A failing link is an error carrying
//! the linker's stderr.
//!
//! A cross-linked executable names Debian's multiarch loader
//! (`/lib/aarch64-linux-gnu/ld-linux-aarch64.so.1`) as its interpreter. Under
//! `qemu-aarch64 -L /usr/aarch64-linux-gnu` the default `/lib/ld-linux-aarch64.so.1`
//! would be the cross toolchain's loader (libc6-arm64-cross) while libgc's
//! libc.so.6 comes from libc6:arm64, a different glibc build; the two disagree
//! on ld.so's private data and the first `pthread_create` loops forever. The
//! multiarch loader is the one that matches that libc, and it is also where a
//! Debian arm64 machine keeps it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::target::find_in_path;
use crate::Target;

/// A runtime archive built by build.rs and the driver that links with it.
#[derive(Clone, Copy)]
struct Runtime {
    linker: &'static str,
    archive: &'static [u8],
}

#[cfg(minigo_runtime_x86_64)]
const RUNTIME_X86_64: Option<Runtime> =
    Some(Runtime { linker: env!("MINIGO_LINKER_X86_64"), archive: include_bytes!(env!("MINIGO_RUNTIME_X86_64")) });
#[cfg(not(minigo_runtime_x86_64))]
const RUNTIME_X86_64: Option<Runtime> = None;

#[cfg(minigo_runtime_aarch64)]
const RUNTIME_AARCH64: Option<Runtime> =
    Some(Runtime { linker: env!("MINIGO_LINKER_AARCH64"), archive: include_bytes!(env!("MINIGO_RUNTIME_AARCH64")) });
#[cfg(not(minigo_runtime_aarch64))]
const RUNTIME_AARCH64: Option<Runtime> = None;

/// The Debian packages that link executables for `target` on this host.
fn packages(target: Target) -> &'static str {
    match (target, target == Target::host()) {
        (_, true) => "apt-get install gcc libgc-dev",
        (Target::Aarch64, false) => {
            "dpkg --add-architecture arm64 && apt-get update && apt-get install gcc-aarch64-linux-gnu libgc-dev:arm64"
        }
        (Target::X86_64, false) => {
            "dpkg --add-architecture amd64 && apt-get update && apt-get install gcc-x86-64-linux-gnu libgc-dev:amd64"
        }
    }
}

/// The runtime for `target`, once its C compiler driver is known to be installed.
fn toolchain(target: Target) -> Result<Runtime, String> {
    let runtime = match target {
        Target::X86_64 => RUNTIME_X86_64,
        Target::Aarch64 => RUNTIME_AARCH64,
    };
    let Some(runtime) = runtime else {
        return Err(format!(
            "this minigo was built without the {} runtime: install its toolchain ({}), then rebuild minigo (cargo clean -p backend && cargo build)",
            target,
            packages(target)
        ));
    };
    if find_in_path(runtime.linker).is_none() {
        return Err(format!("cannot link {} executables: {} is not installed ({})", target, runtime.linker, packages(target)));
    }
    Ok(runtime)
}

pub(crate) fn check_toolchain(target: Target) -> Result<(), String> {
    toolchain(target).map(|_| ())
}

/// The dynamic loader a cross-linked executable names (see the module comment).
fn multiarch_loader(target: Target) -> &'static str {
    match target {
        Target::X86_64 => "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
        Target::Aarch64 => "/lib/aarch64-linux-gnu/ld-linux-aarch64.so.1",
    }
}

pub(crate) fn link(object: &[u8], target: Target, output: &Path) -> Result<(), String> {
    let runtime = toolchain(target)?;
    let dir = TempDir::new()?;
    let object_path = dir.path.join("prog.o");
    let runtime_path = dir.path.join("libminigo_rt.a");
    std::fs::write(&object_path, object).map_err(|e| format!("writing {}: {}", object_path.display(), e))?;
    std::fs::write(&runtime_path, runtime.archive).map_err(|e| format!("writing {}: {}", runtime_path.display(), e))?;
    let mut command = Command::new(runtime.linker);
    command.arg("-pie").arg("-o").arg(output).arg(&object_path).arg(&runtime_path).args(["-lgc", "-lpthread"]);
    if target != Target::host() {
        command.arg(format!("-Wl,--dynamic-linker={}", multiarch_loader(target)));
    }
    let result = command.output().map_err(|e| format!("running {}: {}", runtime.linker, e))?;
    if !result.status.success() {
        let stderr = String::from_utf8_lossy(&result.stderr);
        let hint = if stderr.contains("-lgc") { format!(" (Boehm GC for {}: {})", target, packages(target)) } else { String::new() };
        return Err(format!("link failed: {}{}", stderr.trim_end(), hint));
    }
    Ok(())
}

/// A directory removed when dropped.
struct TempDir {
    path: PathBuf,
}

impl TempDir {
    fn new() -> Result<TempDir, String> {
        let base = std::env::temp_dir();
        for attempt in 0..100u32 {
            let path = base.join(format!("minigo-link-{}-{}", std::process::id(), attempt));
            if std::fs::create_dir(&path).is_ok() {
                return Ok(TempDir { path });
            }
        }
        Err(format!("cannot create a temporary directory in {}", base.display()))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
