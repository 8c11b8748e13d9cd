//! Source to typed AST: the lexer (`lexer.rs`, logos), the grammar
//! (`grammar.lalrpop`, lalrpop), the syntax tree (`ast.rs`), types
//! (`types.rs`), constants (`constant.rs`) and the type checker (`check.rs`).
//! Diagnostics are values (`diag.rs`); the frontend never aborts on user error.

pub mod ast;
pub mod bigfloat;
pub mod check;
pub mod constant;
pub mod diag;
pub mod lexer;
pub mod parser;
pub mod types;

pub use parser::Parsed;

/// Parses one source file (`parser.rs`). On a syntax error the file holds no
/// declarations and the diagnostics say why (gc does not type-check then).
pub fn parse(src: &str) -> Parsed {
    parser::parse(src)
}

pub use check::check;

/// What gc is asked beyond the language.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// gc's -complete, which go build passes for a package without assembly
    /// files: every function needs a body.
    pub complete: bool,
}

/// A file that parsed and type-checked without an error.
pub struct Analyzed {
    pub file: ast::File,
    pub checked: check::Checked,
}

/// Parses and type-checks one file as gc's frontend does: a file with a
/// syntax error is not type-checked; under `complete`, a function without
/// a body is an error once the file checks. On any error, every diagnostic.
pub fn analyze(src: &str, options: Options) -> Result<Analyzed, Vec<diag::Diagnostic>> {
    let parsed = parse(src);
    let mut diagnostics = parsed.diagnostics;
    if diagnostics.iter().any(|d| d.kind == diag::Kind::Syntax) {
        return Err(diagnostics);
    }
    let (checked, check_diagnostics) = check(&parsed.file, parsed.expr_count);
    diagnostics.extend(check_diagnostics);
    if diagnostics.is_empty() && options.complete {
        diagnostics.extend(missing_bodies(&parsed.file));
    }
    if diagnostics.is_empty() {
        Ok(Analyzed { file: parsed.file, checked })
    } else {
        Err(diagnostics)
    }
}

/// gc's -complete rule: `missing function body` at each function declared
/// without one.
fn missing_bodies(file: &ast::File) -> Vec<diag::Diagnostic> {
    file.decls
        .iter()
        .filter_map(|d| match d {
            ast::Decl::Func(f) if f.body.is_none() => {
                Some(diag::Diagnostic::of_kind(diag::Kind::Declaration, f.recv_pos.unwrap_or(f.name.pos), "missing function body"))
            }
            _ => None,
        })
        .collect()
}
