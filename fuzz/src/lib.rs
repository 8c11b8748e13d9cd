//! minigo-fuzz: differential testing of minigo. `gen` makes random valid Go
//! programs from a seed; `oracle` builds and runs one program in several
//! configurations (minigo against itself, and against Go 1.19 when it is
//! installed) and reports every difference; `reduce` shrinks a program
//! while a difference persists.

pub mod gen;
pub mod oracle;
pub mod reduce;
