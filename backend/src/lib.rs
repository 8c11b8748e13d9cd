//! IR to executable: Cranelift code generation for x86-64 and aarch64
//! (`codegen.rs`), object emission (cranelift-object) and linking against the
//! C runtime in `runtime/` with the system C compiler driver (`link.rs`);
//! the targets, their names and how to run their executables (`target.rs`).

mod codegen;
mod link;
mod target;

use std::path::PathBuf;

pub use target::Target;

pub struct Config {
    pub target: Target,
    /// The executable to write.
    pub output: PathBuf,
    /// Overwrite dead stack objects at function exit (escape-analysis soundness mode).
    pub poison_stack: bool,
    /// The source file, for the line numbers of tracebacks (None: `?:0`).
    pub source: Option<SourceLines>,
}

/// The path tracebacks name the source file by, and where its lines start.
pub struct SourceLines {
    pub path: String,
    /// The byte offset each line starts at, in order.
    pub line_starts: Vec<u32>,
}

impl SourceLines {
    pub fn new(path: String, text: &str) -> SourceLines {
        let mut line_starts = vec![0];
        line_starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i as u32 + 1));
        SourceLines { path, line_starts }
    }

    /// The 1-based line of byte offset `pos`.
    pub fn line(&self, pos: ir::Pos) -> u32 {
        self.line_starts.partition_point(|start| *start <= pos) as u32
    }
}

/// A bounds check the generated code makes, where gc's `-d=ssa/check_bce`
/// would report it: at the index or slice expression (for inlined code, the
/// outermost call it was inlined at, and in `inlined` the positions inside
/// the inlined callees, outermost first, as `-json`'s `inlineLoc`s).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct BoundsCheck {
    pub pos: ir::Pos,
    pub inlined: Vec<ir::Pos>,
    pub kind: BoundsCheckKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum BoundsCheckKind {
    /// `i < len`, for an index.
    Index,
    /// `i <= j`, for a bound of a slice expression.
    Slice,
}

impl BoundsCheckKind {
    /// The name of gc's SSA operation for the check.
    pub fn ssa_op(self) -> &'static str {
        match self {
            BoundsCheckKind::Index => "IsInBounds",
            BoundsCheckKind::Slice => "IsSliceInBounds",
        }
    }

    /// The code of gc's `-json` record of the check.
    pub fn logopt_code(self) -> &'static str {
        match self {
            BoundsCheckKind::Index => "isInBounds",
            BoundsCheckKind::Slice => "isSliceInBounds",
        }
    }
}

/// Compiles the package's functions and links an executable at
/// `config.output`; returns the bounds checks left in the code, in the
/// order they were generated. Errors are one-line, user-facing messages (a
/// failing link includes the linker's stderr).
pub fn build_executable(package: &ir::Package, config: &Config) -> Result<Vec<BoundsCheck>, String> {
    link::check_toolchain(config.target)?;
    let compiled = codegen::compile(package, config.target, config.poison_stack, config.source.as_ref())?;
    link::link(&compiled.object, config.target, &config.output)?;
    Ok(compiled.bounds_checks)
}

/// Whether this minigo can link executables for `target`: `Err` is the
/// one-line message [`build_executable`] would give (which packages to
/// install when the cross toolchain was absent while minigo was built, or is now).
pub fn check_target(target: Target) -> Result<(), String> {
    link::check_toolchain(target)
}
