//! The hub of minigo: the IR every later stage reads (`ir.rs`), lowering from
//! the typed AST (`lower.rs`), a verifier (`verify.rs`) and a text dump
//! (`dump.rs`) used by snapshots and `-d=ir`.

pub mod ir;
pub mod lower;

pub use ir::*;
