//! The hub of minigo: the IR every later stage reads (`ir.rs`) and the shape
//! of its nodes (`visit.rs`), lowering from the typed AST (`lower.rs`), a
//! verifier (`verify.rs`) and a text dump (`dump.rs`) used by snapshots and
//! `minigo build -d=ir`; `compiling.rs` records where the compiler is, for
//! its internal errors.

pub mod compiling;
pub mod dump;
pub mod ir;
pub mod lower;
pub mod printer;
pub mod verify;
pub mod visit;
pub mod wrapper;

pub use ir::*;
