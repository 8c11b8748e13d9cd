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

/// A fact about the generated code that gc's SSA back end reports: a check
/// left in the code, where gc's `-d=ssa/check_bce` (bounds) or `-d=nil`
/// (nil checks) would report it, or a large copy. It is at the expression
/// (for inlined code, the outermost call it was inlined at, and in
/// `inlined` the positions inside the inlined callees, outermost first, as
/// `-json`'s `inlineLoc`s).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct CodeRecord {
    pub pos: ir::Pos,
    pub inlined: Vec<ir::Pos>,
    pub kind: CodeRecordKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CodeRecordKind {
    /// `i < len`, for an index.
    IndexCheck,
    /// `i <= j`, for a bound of a slice expression.
    SliceCheck,
    /// An explicit nil check: one no load or store faulting on nil makes.
    NilCheck,
}

impl CodeRecordKind {
    /// The name of gc's SSA operation for the check.
    pub fn ssa_op(self) -> &'static str {
        match self {
            CodeRecordKind::IndexCheck => "IsInBounds",
            CodeRecordKind::SliceCheck => "IsSliceInBounds",
            CodeRecordKind::NilCheck => "NilCheck",
        }
    }

    pub fn is_bounds_check(self) -> bool {
        matches!(self, CodeRecordKind::IndexCheck | CodeRecordKind::SliceCheck)
    }

    /// The code of gc's `-json` record.
    pub fn logopt_code(self) -> &'static str {
        match self {
            CodeRecordKind::IndexCheck => "isInBounds",
            CodeRecordKind::SliceCheck => "isSliceInBounds",
            CodeRecordKind::NilCheck => "nilcheck",
        }
    }
}

/// Compiles the package's functions and links an executable at
/// `config.output`; returns the records of its code (checks left), in the
/// order they were generated. Errors are one-line, user-facing messages (a
/// failing link includes the linker's stderr).
pub fn build_executable(package: &ir::Package, config: &Config) -> Result<Vec<CodeRecord>, String> {
    link::check_toolchain(config.target)?;
    let compiled = codegen::compile(package, config.target, config.poison_stack, config.source.as_ref())?;
    link::link(&compiled.object, config.target, &config.output)?;
    Ok(compiled.records)
}

/// Whether this minigo can link executables for `target`: `Err` is the
/// one-line message [`build_executable`] would give (which packages to
/// install when the cross toolchain was absent while minigo was built, or is now).
pub fn check_target(target: Target) -> Result<(), String> {
    link::check_toolchain(target)
}
