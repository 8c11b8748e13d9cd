//! Profile-guided inlining, as Go 1.21's PGO: the weighted call graph of a
//! CPU profile (`pprof.rs` reads it), its hot call sites, and the budgets
//! the inliner gives them.

pub mod pprof;
