//! Source to typed AST: the lexer (`lexer.rs`, logos), the grammar
//! (`grammar.lalrpop`, lalrpop), the syntax tree (`ast.rs`), types
//! (`types.rs`), constants (`constant.rs`) and the type checker (`check.rs`).
//! Diagnostics are values (`diag.rs`); the frontend never aborts on user error.

pub mod ast;
pub mod check;
pub mod constant;
pub mod diag;
pub mod lexer;
pub mod types;

use ast::File;
use diag::Diagnostic;

/// Parses one source file. On syntax errors the tree is partial and the
/// diagnostics say why (gc stops type checking when there are syntax errors).
pub fn parse(src: &str) -> (File, Vec<Diagnostic>) {
    let _ = src;
    unimplemented!("parser: frontend/src/parser.rs")
}

pub use check::check;
