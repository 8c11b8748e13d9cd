//! IR to executable: Cranelift code generation for x86-64 and aarch64
//! (`codegen.rs`), object emission (cranelift-object) and linking against the
//! C runtime in `runtime/` with the system C compiler driver (`link.rs`).

mod codegen;
mod link;

use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    X86_64,
    Aarch64,
}

pub struct Config {
    pub target: Target,
    /// The executable to write.
    pub output: PathBuf,
    /// Overwrite dead stack objects at function exit (escape-analysis soundness mode).
    pub poison_stack: bool,
}

/// Compiles the package's functions and links an executable at `config.output`.
/// Errors are one-line, user-facing messages (a failing link includes the linker's stderr).
pub fn build_executable(package: &ir::Package, config: &Config) -> Result<(), String> {
    let object = codegen::compile(package, config.target, config.poison_stack)?;
    link::link(&object, config.target, &config.output)
}
