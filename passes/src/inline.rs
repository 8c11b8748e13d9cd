//! The inliner, as gc 1.19's `InlinePackage` (inline/inl.go): for each
//! component of the call graph, bottom-up, each function is checked
//! (`cost.rs`: can it be inlined, at what cost) and then the calls in its body
//! are expanded (`expand.rs`) before the next function is looked at. Closures
//! called directly (or through a variable that is never reassigned) are
//! checked on the spot, as gc's `inlCallee` does. (The wrappers gc generates
//! for value-receiver methods are `wrapper.rs`'s.)

mod cost;
mod expand;

use ::ir::*;

use crate::callgraph;
use crate::decision::{Decision, DecisionKind};

pub use cost::{hairy_cost, node_count, Outcome, Verdict, MAX_BUDGET};
pub use expand::{inline_calls, static_callee, static_value};

/// Runs can-inline analysis and call-site inlining over the whole package.
/// `full_costs`: count whole functions (gc at `-m=2`) rather than stop at the budget.
pub fn inline_package(pkg: &mut Package, full_costs: bool, decisions: &mut Vec<Decision>) {
    let init = pkg.init;
    for scc in callgraph::bottom_up(pkg) {
        let non_closures = scc.funcs.iter().filter(|f| !pkg.is_hidden_closure(**f)).count();
        for fid in &scc.funcs {
            if Some(*fid) == init {
                continue;
            }
            ::ir::compiling::at(pkg.func(*fid).pos);
            if !scc.recursive || non_closures > 1 {
                can_inline(pkg, *fid, full_costs, decisions);
            } else {
                let func = pkg.func(*fid);
                decisions.push(Decision::at(func.pos, DecisionKind::Recursive { func: func.name.clone() }));
            }
            expand::inline_calls(pkg, *fid, full_costs, decisions);
        }
    }
    // The package initializer (variable initializations) comes after every declared function.
    if let Some(init) = init {
        expand::inline_calls(pkg, init, full_costs, decisions);
    }
}

/// gc's `CanInline`: decides once per function, records the decision and,
/// when inlinable, saves the body callers will copy.
pub fn can_inline(pkg: &mut Package, fid: FuncId, full_costs: bool, decisions: &mut Vec<Decision>) {
    let func = pkg.func(fid);
    let reason = if func.pragmas.noinline {
        Some("marked go:noinline".to_string())
    } else if !func.has_body {
        Some("no function body".to_string())
    } else {
        None
    };
    if func.inline_checked {
        return;
    }
    if let Some(reason) = reason {
        let name = func.name.clone();
        let pos = func.pos;
        pkg.funcs[fid.0 as usize].inline_checked = true;
        decisions.push(Decision::at(pos, DecisionKind::CannotInline { func: name, reason }));
        return;
    }
    pkg.funcs[fid.0 as usize].inline_checked = true;
    let verdict = hairy_cost(pkg, fid, full_costs, decisions);
    let func = pkg.func(fid);
    let (name, pos) = (func.name.clone(), func.pos);
    let breakdown = verdict.breakdown;
    match verdict.outcome {
        Outcome::Inlinable(cost) => {
            let body = printer::as_text(pkg, func);
            let mut closures = Vec::new();
            save_literals(pkg, func, &mut closures);
            let saved = InlineBody { cost, nodes: func.nodes.clone(), locals: func.locals.clone(), body: func.body.clone(), closures };
            pkg.funcs[fid.0 as usize].inl = Some(saved);
            decisions.push(Decision::at(pos, DecisionKind::CanInline { func: name.clone(), cost, body }));
        }
        Outcome::NotInlinable(reason) => {
            decisions.push(Decision::at(pos, DecisionKind::CannotInline { func: name.clone(), reason }));
        }
    }
    if !breakdown.is_empty() {
        decisions.push(Decision::at(pos, DecisionKind::CostBreakdown { func: name, items: breakdown }));
    }
}

/// Saves the function literals of `func`, and those nested in them, as they are now.
fn save_literals(pkg: &Package, func: &Func, saved: &mut Vec<(FuncId, Func)>) {
    for node in &func.nodes {
        if let Op::Closure(f) = node.op {
            let literal = pkg.func(f);
            saved.push((f, literal.clone()));
            save_literals(pkg, literal, saved);
        }
    }
}
