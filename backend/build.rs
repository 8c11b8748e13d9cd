//! Compiles the C runtime (`runtime/runtime.c`) with the host C compiler at
//! `-O2` into `libminigo_rt.a` in OUT_DIR; `link.rs` embeds the archive with
//! `include_bytes!`, so the `minigo` binary needs no source tree at run time.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=runtime/runtime.c");
    println!("cargo:rerun-if-changed=runtime/minigo.h");
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let object = out_dir.join("runtime.o");
    let archive = out_dir.join("libminigo_rt.a");
    run(Command::new("cc").args(["-O2", "-std=gnu11", "-fPIC", "-c"]).arg(Path::new("runtime/runtime.c")).arg("-o").arg(&object));
    let _ = std::fs::remove_file(&archive);
    run(Command::new("ar").arg("rcs").arg(&archive).arg(&object));
}

fn run(command: &mut Command) {
    let status = command.status().unwrap_or_else(|e| panic!("running {:?}: {}", command, e));
    if !status.success() {
        panic!("{:?} failed with {}", command, status);
    }
}
