//! The middle-end: dead code removal (`deadcode.rs`), then the bottom-up
//! call-graph driver (`callgraph.rs`) that the
//! inliner (`inline.rs`) and then escape analysis (`escape.rs`) run over, one
//! strongly connected component at a time, callees first, as gc 1.19 does,
//! with interface calls devirtualized in between (`devirtualize.rs`);
//! then gc's walk-time bounds rule (`bounds.rs`), nil-check elimination
//! (`nilcheck.rs`) and the bounds checks that facts known where they run
//! prove, loops' included (`prove.rs`). Every decision is recorded as data
//! (`decision.rs`) and rendered for `-m`, `-m=2`, `-json` (`logopt.rs`),
//! `minigo explain` (`explain.rs`) and `-report` (`report.rs`).

pub mod bounds;
pub mod callgraph;
pub mod constbranch;
pub mod copies;
pub mod deadcode;
pub mod decision;
pub mod devirtualize;
pub mod escape;
pub mod explain;
pub mod inline;
pub mod logopt;
pub mod nilcheck;
pub mod pgo;
pub mod prove;
pub mod render;
pub mod report;
pub mod wrapper;

use frontend::types::TypeTable;
use ir::{Func, FuncId, NodeId, Package};

pub use decision::{Decision, DecisionKind, FlowLine, Position};

/// What the middle-end is asked to do (`-l`, whether `-m=2` or `-json` want
/// full costs, a profile's hot call sites).
#[derive(Clone, Default)]
pub struct Config {
    /// `-l`: no inlining at all (and no inlining decisions).
    pub no_inline: bool,
    /// `-m=2` or `-json`: the cost visitor counts whole functions instead of
    /// stopping at the budget, which changes when gc meets closures; escape
    /// analysis keeps the notes its explanations need.
    pub full_costs: bool,
    /// `-smallframes`: gc's smaller stack size limits.
    pub small_frames: bool,
    /// `-d=nostackalloc`: decide and explain, but leave every allocation and
    /// every address-taken variable on the heap.
    pub no_stack_alloc: bool,
    /// `-pgo`: the profile's hot callees and call sites.
    pub pgo: Option<std::sync::Arc<pgo::HotSites>>,
}

impl Config {
    fn inline_options(&self) -> inline::Options<'_> {
        inline::Options { full_costs: self.full_costs, hot: self.pgo.as_deref() }
    }
}

/// Runs the passes over the package and returns their decisions in gc's order.
pub fn optimize(pkg: &mut Package, config: &Config) -> Vec<Decision> {
    let mut decisions = Vec::new();
    deadcode::remove_dead_code(pkg);
    if !config.no_inline {
        inline::inline_package(pkg, config.inline_options(), &mut decisions);
    }
    devirtualize::devirtualize_package(pkg, &mut decisions);
    escape::escape_package(pkg, config, &mut decisions);
    let walks = bounds::bound_package(pkg, &mut decisions);
    constbranch::fold_constant_branches(pkg);
    let declared: Vec<FuncId> = (0..pkg.funcs.len() as u32).map(FuncId).collect();
    nilcheck::eliminate_nil_checks(pkg, &declared);
    prove::eliminate_proved_bounds_checks(pkg, &declared);
    // gc compiles the wrappers, and the closures inlining copied into them,
    // as any function: its SSA passes remove their checks too.
    let wrappers = wrapper::wrapper_decisions(pkg, config, &walks, &mut decisions);
    nilcheck::eliminate_nil_checks(pkg, &wrappers);
    prove::eliminate_proved_bounds_checks(pkg, &wrappers);
    decisions
}

/// Marks `bounded` the checks `prove` finds needless in each of `funcs`
/// with a body (the nil check pass).
fn mark_bounded(pkg: &mut Package, funcs: &[FuncId], prove: impl Fn(&Func, &TypeTable) -> Vec<NodeId>) {
    let types = &pkg.types;
    for f in funcs {
        let func = &mut pkg.funcs[f.0 as usize];
        if !func.has_body {
            continue;
        }
        for id in prove(func, types) {
            func.node_mut(id).bounded = true;
        }
    }
}
