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
