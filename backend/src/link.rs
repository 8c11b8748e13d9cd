//! Linking: writes the object file and the embedded runtime archive to a
//! temporary directory and runs the system C compiler driver
//! (`cc -o OUT prog.o libminigo_rt.a -lgc`). A failing link is an error
//! carrying the linker's stderr.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Target;

/// The runtime archive built by build.rs for the host (x86-64).
const RUNTIME_X86_64: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/libminigo_rt.a"));

/// The C compiler driver and runtime archive for a target.
fn toolchain(target: Target) -> Result<(&'static str, &'static [u8]), String> {
    match target {
        Target::X86_64 => Ok(("cc", RUNTIME_X86_64)),
        Target::Aarch64 => Err("the aarch64 runtime is not built into this minigo".to_string()),
    }
}

pub(crate) fn link(object: &[u8], target: Target, output: &Path) -> Result<(), String> {
    let (driver, runtime) = toolchain(target)?;
    let dir = TempDir::new()?;
    let object_path = dir.path.join("prog.o");
    let runtime_path = dir.path.join("libminigo_rt.a");
    std::fs::write(&object_path, object).map_err(|e| format!("writing {}: {}", object_path.display(), e))?;
    std::fs::write(&runtime_path, runtime).map_err(|e| format!("writing {}: {}", runtime_path.display(), e))?;
    let result = Command::new(driver)
        .arg("-o")
        .arg(output)
        .arg(&object_path)
        .arg(&runtime_path)
        .args(["-lgc", "-lpthread"])
        .output()
        .map_err(|e| format!("running {}: {}", driver, e))?;
    if !result.status.success() {
        return Err(format!("link failed: {}", String::from_utf8_lossy(&result.stderr).trim_end()));
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
