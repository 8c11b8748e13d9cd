//! The middle-end: the bottom-up call-graph driver (`callgraph.rs`) that the
//! inliner and escape analysis run over, one strongly connected component at
//! a time, callees first, as gc 1.19 does.

pub mod callgraph;

use ir::Package;

/// What the middle-end is asked to do (`-m` level, `-l`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Config {
    /// 0 without -m, 1 for -m, 2 for -m=2.
    pub m_level: u32,
    /// `-l`: no inlining.
    pub no_inline: bool,
}

/// Runs the passes over the package, component by component, bottom-up.
/// Returns the components in the order they were visited.
pub fn optimize(pkg: &mut Package, config: &Config) -> Vec<callgraph::Scc> {
    let _ = config;
    callgraph::bottom_up(pkg)
}
