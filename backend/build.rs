//! Compiles the C runtime (`runtime/*.c`) at `-O2` once per target into
//! `libminigo_rt_<arch>.a` in OUT_DIR; `link.rs` embeds the archives with
//! `include_bytes!`, so the `minigo` binary needs no source tree at run time.
//!
//! The host's runtime is built with `cc` and must build. Another target's is
//! built with Debian's cross compiler (`aarch64-linux-gnu-gcc` on an x86-64
//! host, `x86_64-linux-gnu-gcc` on an aarch64 one) when it is installed; when
//! it is not, minigo builds for the host only. For each runtime built this
//! script sets `cfg(minigo_runtime_<arch>)` and the environment variables
//! `MINIGO_LINKER_<ARCH>` (the C compiler driver that links for that target)
//! and `MINIGO_RUNTIME_<ARCH>` (the archive's path).

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The architectures minigo targets, by their Rust/GNU names.
const ARCHES: [&str; 2] = ["x86_64", "aarch64"];

fn main() {
    println!("cargo::rerun-if-changed=runtime");
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let host = env::var("CARGO_CFG_TARGET_ARCH").expect("cargo sets CARGO_CFG_TARGET_ARCH");
    for arch in ARCHES {
        println!("cargo::rustc-check-cfg=cfg(minigo_runtime_{})", arch);
        let (driver, archiver) = if arch == host {
            ("cc".to_string(), "ar".to_string())
        } else {
            (format!("{}-linux-gnu-gcc", arch), format!("{}-linux-gnu-ar", arch))
        };
        let archive = out_dir.join(format!("libminigo_rt_{}.a", arch));
        match build_runtime(&driver, &archiver, &out_dir.join(format!("runtime_{}", arch)), &archive) {
            Ok(()) => {
                println!("cargo::rustc-cfg=minigo_runtime_{}", arch);
                println!("cargo::rustc-env=MINIGO_LINKER_{}={}", arch.to_uppercase(), driver);
                println!("cargo::rustc-env=MINIGO_RUNTIME_{}={}", arch.to_uppercase(), archive.display());
            }
            Err(why) if arch == host => panic!("building the runtime for the host ({}): {}", arch, why),
            Err(why) => println!("cargo::warning=minigo will not build {} executables: {}", arch, why),
        }
    }
}

/// The runtime's C files (the tests under runtime/test are not part of it).
fn runtime_sources() -> Vec<PathBuf> {
    let mut sources: Vec<PathBuf> = std::fs::read_dir("runtime")
        .expect("backend/runtime")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "c"))
        .collect();
    sources.sort();
    sources
}

/// Compiles the runtime's files with `driver` into `objects` and archives
/// them with `archiver`.
fn build_runtime(driver: &str, archiver: &str, objects: &Path, archive: &Path) -> Result<(), String> {
    std::fs::create_dir_all(objects).map_err(|e| format!("{}: {}", objects.display(), e))?;
    let mut built = Vec::new();
    for source in runtime_sources() {
        let object = objects.join(source.with_extension("o").file_name().expect("a file name"));
        run(Command::new(driver)
            .args(["-O2", "-std=gnu11", "-fPIC", "-fno-omit-frame-pointer", "-c"])
            .arg(&source)
            .arg("-o")
            .arg(&object))?;
        built.push(object);
    }
    let _ = std::fs::remove_file(archive);
    run(Command::new(archiver).arg("rcs").arg(archive).args(&built))
}

fn run(command: &mut Command) -> Result<(), String> {
    let program = command.get_program().to_string_lossy().into_owned();
    let output = command.output().map_err(|e| format!("running {}: {}", program, e))?;
    if !output.status.success() {
        return Err(format!("{} failed: {}", program, String::from_utf8_lossy(&output.stderr).trim_end()));
    }
    Ok(())
}
