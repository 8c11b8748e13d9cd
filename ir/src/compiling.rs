//! What the compiler is working on, for its internal compiler errors: each
//! stage marks the function it starts on, and the driver's panic hook prints
//! the error at that position, as gc prints an internal error at the node
//! it was compiling. Per thread: the pipeline runs on one.

use std::cell::Cell;

use crate::Pos;

thread_local! {
    static CURRENT: Cell<Option<Pos>> = const { Cell::new(None) };
}

/// Marks `pos` (a function's) as what the compiler works on now.
pub fn at(pos: Pos) {
    CURRENT.with(|c| c.set(Some(pos)));
}

/// The position marked last on this thread, if any.
pub fn current() -> Option<Pos> {
    CURRENT.with(|c| c.get())
}
