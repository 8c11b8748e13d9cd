//! Call-site inlining, as gc 1.19's `InlineCalls`/`mkinlcall`: calls are
//! edited bottom-up (arguments before the call), an inlinable callee's saved
//! body is copied into the caller with fresh locals (parameters keep their
//! names, unnamed results become `~R0`...), arguments are bound in one
//! `p1, p2 := a1, a2`, each `return` becomes an assignment to the result
//! variables and a `goto` to the end of the copy, and the copy is searched
//! again for calls to inline (mid-stack inlining), reported at the outermost
//! call site. A function already being inlined on the current path is not
//! inlined again (`repeated recursive cycle`).

use std::collections::{HashMap, HashSet};

use ::ir::*;

use super::cost::{node_count, BIG_FUNCTION_MAX_COST, BIG_FUNCTION_NODES, MAX_BUDGET};
use super::{can_inline, Options};
use crate::decision::{Decision, DecisionKind, PgoNote, Site};

/// The function a call statically calls (gc's `inlCallee` with `ir.StaticValue`):
/// a declared function or method, a function literal, or a local variable
/// that is assigned exactly once (at its definition) from one of those.
pub fn static_callee(pkg: &Package, fid: FuncId, call: NodeId) -> Option<FuncId> {
    let func = pkg.func(fid);
    let Op::Call { callee, .. } = &func.node(call).op else { return None };
    match func.node(static_value(func, *callee)).op {
        // A method expression of an interface's method has no callee gc
        // knows (its MethodExprName has no function).
        Op::Func(f) if pkg.func(f).is_wrapper && pkg.func(f).wrapper_of.is_none() => None,
        Op::Func(f) | Op::Closure(f) => Some(f),
        _ => None,
    }
}

/// gc's `ir.StaticValue`: the expression `id` stands for, through no-op
/// conversions, inlined calls with a single result, and local variables
/// of the function itself (not a closure's captured ones) defined once and
/// never reassigned (gc's staticValue1).
pub fn static_value(func: &Func, mut id: NodeId) -> NodeId {
    for _ in 0..16 {
        while let Op::Conv(ConvKind::Nop, x) = &func.node(id).op {
            id = *x;
        }
        id = match &func.node(id).op {
            Op::InlinedCall { results, .. } if results.len() == 1 => results[0],
            Op::Local(l) => {
                let local = func.local(*l);
                if local.class != LocalClass::Auto || !local.has_defn || local.reassigned {
                    return id;
                }
                let Some(rhs) = defining_value(func, *l) else { return id };
                rhs
            }
            _ => return id,
        };
    }
    id
}

/// The right side of the one definition of local `l` (`l := v` or `var l = v`,
/// or its slot in `a, l := x, v`).
fn defining_value(func: &Func, l: LocalId) -> Option<NodeId> {
    let is_l = |n: NodeId| matches!(func.node(n).op, Op::Local(x) if x == l);
    func.nodes.iter().find_map(|node| match &node.op {
        Op::Assign { lhs, rhs: Some(rhs), .. } if is_l(*lhs) => Some(*rhs),
        Op::Assign2 { lhs, rhs, .. } if lhs.len() == rhs.len() => lhs.iter().position(|x| x.is_some_and(is_l)).map(|i| rhs[i]),
        _ => None,
    })
}

/// Takes out of the callee expression `id` of a call about to be inlined
/// its side effects, in order: the statements of its init, and the body of
/// an inlined call whose single result is the function called (gc's
/// `CalleeEffects`); the emptied nodes stay behind, out of the tree.
fn callee_effects(func: &mut Func, mut id: NodeId) -> Vec<NodeId> {
    let mut effects = Vec::new();
    loop {
        effects.append(&mut func.node_mut(id).init);
        match &mut func.node_mut(id).op {
            Op::Conv(ConvKind::Nop, x) => id = *x,
            Op::InlinedCall { body, results, .. } if results.len() == 1 => {
                effects.append(body);
                id = results[0];
            }
            _ => return effects,
        }
    }
}

/// Inlines the calls in `fid`'s body.
pub fn inline_calls(pkg: &mut Package, fid: FuncId, opts: Options, decisions: &mut Vec<Decision>) {
    let max_cost = if node_count(pkg, fid) >= BIG_FUNCTION_NODES { BIG_FUNCTION_MAX_COST } else { MAX_BUDGET as u32 };
    let mut editor = Editor { fid, max_cost, opts, stack: Vec::new(), n_inlined: 0 };
    let body = pkg.func(fid).body.clone();
    for stmt in body {
        editor.edit(pkg, stmt, None, decisions);
    }
}

struct Editor<'a> {
    fid: FuncId,
    max_cost: u32,
    opts: Options<'a>,
    /// Functions whose bodies are being inlined on the current path.
    stack: Vec<FuncId>,
    /// Inlined calls so far in this function (for unique `.iN` labels).
    n_inlined: u32,
}

impl Editor<'_> {
    /// Post-order: children first, then the node itself if it is a call.
    /// `report` is the outermost call site when editing inside an inlined copy.
    fn edit(&mut self, pkg: &mut Package, id: NodeId, report: Option<Pos>, decisions: &mut Vec<Decision>) {
        let node = pkg.func(self.fid).node(id);
        if matches!(node.op, Op::Closure(_)) {
            return;
        }
        if let Op::Defer(call) | Op::Go(call) = node.op {
            // gc never inlines the call a go or defer makes; its operands still are edited.
            for child in pkg.func(self.fid).node(call).children() {
                self.edit(pkg, child, report, decisions);
            }
            return;
        }
        for child in node.children() {
            self.edit(pkg, child, report, decisions);
        }
        if matches!(pkg.func(self.fid).node(id).op, Op::Call { .. }) {
            self.try_inline(pkg, id, report, decisions);
        }
    }

    fn try_inline(&mut self, pkg: &mut Package, call: NodeId, report: Option<Pos>, decisions: &mut Vec<Decision>) {
        let Some(callee) = static_callee(pkg, self.fid, call) else { return };
        let callee_func = pkg.func(callee);
        if callee_func.outer.is_some() && !callee_func.inline_checked {
            can_inline(pkg, callee, self.opts, decisions);
        }
        let callee_func = pkg.func(callee);
        let caller = pkg.func(self.fid);
        // Where a decision about the call is reported (made only for one).
        let site = || Site::of_node(caller, call);
        let hot = self.opts.hot.and_then(|hot| Some((hot, hot.site(self.fid, caller.pos, caller.node(call).pos)?)));
        if let Some((hot, weight)) = hot {
            let callee = pkg.link_name(callee_func);
            decisions.push(Decision::at_site(site(), DecisionKind::HotCallSite { callee, weight, total: hot.total }));
        }
        let Some(inl) = callee_func.inl.clone() else { return };
        if callee == self.fid {
            decisions.push(Decision::at_site(site(), DecisionKind::CannotInlineCall { message: String::new() }));
            return;
        }
        if inl.cost > self.max_cost {
            // Go 1.21's inlineCostOK: past the budget only at a hot call
            // site, up to the hot budget, and never into a big caller. A big
            // caller's refusal keeps Go 1.19's words, which its -json logs.
            let (callee_name, caller_name) = (pkg.link_name(callee_func), pkg.link_name(caller));
            let big = self.max_cost == BIG_FUNCTION_MAX_COST;
            let exceeds = |max: u32| {
                let caller = if big { "large caller" } else { "caller" };
                format!("cost {} of {} exceeds max {} cost {}", inl.cost, callee_name, caller, max)
            };
            let refusal = match hot {
                Some(_) if big => {
                    let note = PgoNote::HotBigDisallows { callee: callee_name.clone(), cost: inl.cost, caller: caller_name };
                    decisions.push(Decision::at_site(site(), DecisionKind::Pgo(note)));
                    Some(exceeds(self.max_cost))
                }
                Some((hot, _)) if inl.cost > hot.budget as u32 => Some(exceeds(hot.budget as u32)),
                Some(_) => {
                    let note = PgoNote::HotBudgetAllows { callee: callee_name.clone(), cost: inl.cost, caller: caller_name };
                    decisions.push(Decision::at_site(site(), DecisionKind::Pgo(note)));
                    None
                }
                None => Some(exceeds(self.max_cost)),
            };
            if let Some(message) = refusal {
                decisions.push(Decision::at_site(site(), DecisionKind::CannotInlineCall { message }));
                return;
            }
        }
        // A closure's captured variables must be the caller's own.
        let captures = callee_func.captures.clone();
        if !captures.is_empty() && callee_func.outer != Some(self.fid) {
            return;
        }
        let pos = report.unwrap_or(pkg.func(self.fid).node(call).pos);
        let callee_name = callee_func.name.clone();
        if self.stack.contains(&callee) {
            let caller = pkg.func(self.fid).name.clone();
            decisions.push(Decision::at(
                pos,
                DecisionKind::CannotInlineInto { callee: callee_name, caller, reason: "repeated recursive cycle".to_string() },
            ));
            return;
        }
        decisions.push(Decision::at(pos, DecisionKind::InliningCall { callee: callee_name }));
        let callee_params = callee_func.params.clone();
        let callee_results = callee_func.results.clone();
        let delay_results = can_delay_results(&inl, &callee_results);
        self.n_inlined += 1;
        let label = format!(".i{}", self.n_inlined - 1);
        let call_pos = pkg.func(self.fid).node(call).pos;
        // The inlining tree tracebacks print: this call, inside the inlined
        // call the call node itself came from, if any.
        let call_origin = pkg.func(self.fid).node(call).inlined_from;
        let site = {
            let caller = &mut pkg.funcs[self.fid.0 as usize];
            caller.inlined_calls.push(InlinedCall {
                callee,
                pos: call_origin.map_or(call_pos, |o| o.pos),
                parent: call_origin.map(|o| o.call),
            });
            caller.inlined_calls.len() as u32 - 1
        };
        let first_new_node = pkg.func(self.fid).nodes.len();
        let mut copier = Copier {
            locals: HashMap::new(),
            results: Vec::new(),
            delay_results,
            label: label.clone(),
            label_suffix: format!("·{}", self.n_inlined),
            pos: call_pos,
            site,
            closures: Vec::new(),
        };
        for c in &captures {
            copier.locals.insert(c.inner, c.outer);
        }
        let caller = &mut pkg.funcs[self.fid.0 as usize];
        // Parameters, locals and results become locals of the caller, the
        // results last (gc's mkinlcall makes its result variables after
        // the others, and escape analysis walks the newest first).
        let results_last = (0..inl.locals.len())
            .filter(|i| inl.locals[*i].class != LocalClass::Result)
            .chain((0..inl.locals.len()).filter(|i| inl.locals[*i].class == LocalClass::Result));
        let used = used_locals(&inl);
        for i in results_last {
            let local = &inl.locals[i];
            let id = LocalId(i as u32);
            // gc's pruneUnusedAutos: a local of code dead code removed is gone.
            if copier.locals.contains_key(&id) || local.class == LocalClass::Auto && !used.contains(&id) {
                continue;
            }
            let mut copy = local.clone();
            copy.class = LocalClass::Auto;
            copy.pos = call_pos;
            // Only the parameters keep a known definition (the argument
            // binding), and results declared at the one `return`.
            copy.has_defn = local.class == LocalClass::Param || (local.class == LocalClass::Result && delay_results);
            if local.class == LocalClass::Result && local.name.starts_with("~r") {
                copy.name = local.name.replacen("~r", "~R", 1);
            } else if call_pos != AUTOGENERATED {
                // gc places the callee's own variables where they are
                // declared in it (its result temporaries at the call), except
                // in the wrappers it generates.
                copy.inlined_from = Some(InlineOrigin { call: site, pos: local.pos });
            }
            let new_id = caller.add_local(copy);
            copier.locals.insert(id, new_id);
        }
        let (callee_expr, args) = match &caller.node(call).op {
            Op::Call { callee, args, .. } => (*callee, args.clone()),
            _ => unreachable!("try_inline on a call"),
        };
        // gc's CalleeEffects (golang/go#42703): what evaluating the callee
        // expression does, such as the body of the inlined call that
        // returned the closure, runs before the arguments are bound.
        let mut body = callee_effects(caller, callee_expr);
        if !callee_params.is_empty() {
            let mut decls = Vec::new();
            let mut lhs = Vec::new();
            for p in &callee_params {
                // gc's inlParam: an unnamed or blank parameter binds its
                // argument to `_`.
                let l = copier.locals[p];
                if caller.local(l).name.starts_with("~p") {
                    lhs.push(None);
                    continue;
                }
                let ty = caller.local(l).ty;
                decls.push(caller.add_node(stmt(Op::Decl(l), call_pos)));
                lhs.push(Some(caller.add_node(Node::new(Op::Local(l), call_pos, ty))));
            }
            let mut bind = stmt(Op::Assign2 { lhs, rhs: args, define: true }, call_pos);
            bind.init = decls;
            body.push(caller.add_node(bind));
        }
        for r in &callee_results {
            let l = copier.locals[r];
            copier.results.push(l);
            if !delay_results {
                let ty = caller.local(l).ty;
                body.push(caller.add_node(stmt(Op::Decl(l), call_pos)));
                let lhs = caller.add_node(Node::new(Op::Local(l), call_pos, ty));
                body.push(caller.add_node(stmt(Op::Assign { lhs, rhs: None, define: false }, call_pos)));
            }
        }
        for s in &inl.body {
            body.push(copier.copy(&inl, caller, *s));
        }
        body.push(caller.add_node(stmt(Op::Label(label), call_pos)));
        let results = copier
            .results
            .iter()
            .map(|l| {
                let ty = caller.local(*l).ty;
                caller.add_node(Node::new(Op::Local(*l), call_pos, ty))
            })
            .collect();
        let old = caller.node(call).clone();
        let orig = ::ir::printer::node_text(pkg, pkg.func(self.fid), call, &|_| false);
        let caller = &mut pkg.funcs[self.fid.0 as usize];
        *caller.node_mut(call) =
            Node { init: old.init, inlined_from: old.inlined_from, ..Node::new(Op::InlinedCall { body, results, orig }, old.pos, old.ty) };
        // What binds the arguments and results belongs to the call.
        for node in &mut caller.nodes[first_new_node..] {
            if node.inlined_from.is_none() {
                node.inlined_from = call_origin;
            }
        }
        self.clone_closures(pkg, &copier, &inl);
        // Mid-stack: the copy's own calls, reported at the outermost call site.
        self.stack.push(callee);
        let Op::InlinedCall { body, .. } = pkg.func(self.fid).node(call).op.clone() else { unreachable!() };
        for s in body {
            self.edit(pkg, s, Some(pos), decisions);
        }
        self.stack.pop();
    }
}

impl Editor<'_> {
    /// Function literals in an inlined body become closures of the caller,
    /// capturing the caller's copies of the variables.
    fn clone_closures(&self, pkg: &mut Package, copier: &Copier, inl: &InlineBody) {
        for (node, original) in &copier.closures {
            let new_id = clone_literal(pkg, inl, *original, self.fid, self.fid, &copier.locals);
            pkg.funcs[self.fid.0 as usize].node_mut(*node).op = Op::Closure(new_id);
        }
    }
}

/// A copy of function literal `original` (as `inl` saved it) as a closure of
/// `outer`, its captures renamed by `outer_locals`. The literals nested in
/// it are copied first, as closures of the copy capturing the copy's
/// variables (which keep their numbers); every copy is named as gc's
/// inliner names it, as the next closure of `caller`, the function the
/// call was inlined into, inner copies first.
fn clone_literal(
    pkg: &mut Package,
    inl: &InlineBody,
    original: FuncId,
    outer: FuncId,
    caller: FuncId,
    outer_locals: &HashMap<LocalId, LocalId>,
) -> FuncId {
    let saved = inl.closures.iter().find(|(f, _)| *f == original).map(|(_, func)| func.clone());
    let mut clone = saved.unwrap_or_else(|| pkg.func(original).clone());
    for capture in &mut clone.captures {
        capture.outer = *outer_locals.get(&capture.outer).unwrap_or(&capture.outer);
    }
    clone.name = String::new();
    clone.outer = Some(outer);
    clone.package_literal = false;
    clone.copy_of = Some(original);
    clone.inline_checked = false;
    clone.inl = None;
    pkg.funcs.push(clone);
    let new_id = FuncId(pkg.funcs.len() as u32 - 1);
    let copy = pkg.func(new_id);
    let nested: Vec<(NodeId, FuncId)> = copy
        .source_order(&copy.body)
        .into_iter()
        .filter_map(|n| if let Op::Closure(f) = copy.node(n).op { Some((n, f)) } else { None })
        .collect();
    for (node, literal) in nested {
        let nested_id = clone_literal(pkg, inl, literal, new_id, caller, &HashMap::new());
        pkg.funcs[new_id.0 as usize].node_mut(node).op = Op::Closure(nested_id);
    }
    pkg.funcs[new_id.0 as usize].name = next_closure_name(pkg, caller);
    new_id
}

/// The name gc gives the next closure of function `f`: `f.funcN`, or `f.N`
/// when `f` is itself a closure, N counting the closures named so far.
fn next_closure_name(pkg: &Package, f: FuncId) -> String {
    let func = pkg.func(f);
    let prefix = match func.outer {
        Some(_) => format!("{}.", func.name),
        None => format!("{}.func", func.name),
    };
    let named = pkg.funcs.iter().filter_map(|g| g.name.strip_prefix(&prefix)?.parse::<u32>().ok()).max().unwrap_or(0);
    format!("{}{}", prefix, named + 1)
}

/// gc's `canDelayResults`: exactly one `return`, with values, and unnamed results.
fn can_delay_results(inl: &InlineBody, results: &[LocalId]) -> bool {
    let mut returns = 0;
    let mut stack = inl.body.clone();
    while let Some(id) = stack.pop() {
        let node = &inl.nodes[id.0 as usize];
        if let Op::Return(values) = &node.op {
            returns += if values.is_empty() { 2 } else { 1 };
        }
        stack.extend(node.children());
    }
    returns == 1 && results.iter().all(|r| inl.locals[r.0 as usize].name.starts_with("~r"))
}

/// The locals the saved body refers to: by name, by declaration, as a type
/// switch clause's variable, or captured by one of its function literals.
fn used_locals(inl: &InlineBody) -> HashSet<LocalId> {
    let mut used = HashSet::new();
    let mut literals = HashSet::new();
    let mut todo = inl.body.clone();
    while let Some(id) = todo.pop() {
        let node = &inl.nodes[id.0 as usize];
        match &node.op {
            Op::Local(l) | Op::Decl(l) => {
                used.insert(*l);
            }
            Op::Switch { cases, .. } => used.extend(cases.iter().filter_map(|c| c.var)),
            Op::Closure(f) => {
                literals.insert(*f);
            }
            _ => {}
        }
        todo.extend(node.children());
    }
    // What the body's literals capture; not those of dead code.
    for (f, closure) in &inl.closures {
        if literals.contains(f) {
            used.extend(closure.captures.iter().map(|c| c.outer));
        }
    }
    used
}

fn stmt(op: Op, pos: Pos) -> Node {
    Node::new(op, pos, INVALID)
}

/// Copies a saved body into the caller's arena.
struct Copier {
    locals: HashMap<LocalId, LocalId>,
    results: Vec<LocalId>,
    /// The results are declared at the one `return` instead of zeroed up front.
    delay_results: bool,
    /// The label at the end of the copy that `return`s jump to.
    label: String,
    /// Appended to the callee's own labels so copies never clash.
    label_suffix: String,
    pos: Pos,
    /// The inlined call being copied (`Func::inlined_calls`).
    site: u32,
    /// Closure nodes in the copy, with the function literal they were made from.
    closures: Vec<(NodeId, FuncId)>,
}

impl Copier {
    fn copy(&mut self, inl: &InlineBody, caller: &mut Func, id: NodeId) -> NodeId {
        let src = &inl.nodes[id.0 as usize];
        let mut node = src.clone();
        // gc reports everything in an inlined body at the outermost call
        // site; tracebacks show where in the callee it is.
        node.pos = self.pos;
        node.inlined_from = Some(InlineOrigin { call: self.site, pos: src.pos });
        node.init = src.init.iter().map(|n| self.copy(inl, caller, *n)).collect();
        let l = |c: &Self, x: &LocalId| *c.locals.get(x).unwrap_or(x);
        node.op = match &src.op {
            Op::Return(values) => {
                let values: Vec<NodeId> = values.iter().map(|v| self.copy(inl, caller, *v)).collect();
                let mut stmts = Vec::new();
                if !values.is_empty() {
                    let lhs = self
                        .results
                        .iter()
                        .map(|r| {
                            let ty = caller.local(*r).ty;
                            Some(caller.add_node(Node::new(Op::Local(*r), self.pos, ty)))
                        })
                        .collect();
                    let mut assign = stmt(Op::Assign2 { lhs, rhs: values, define: false }, self.pos);
                    if self.delay_results {
                        assign.init = self.results.iter().map(|r| caller.add_node(stmt(Op::Decl(*r), self.pos))).collect();
                    }
                    stmts.push(caller.add_node(assign));
                }
                stmts.push(caller.add_node(stmt(Op::Branch { op: BranchOp::Goto, label: Some(self.label.clone()) }, self.pos)));
                Op::Block(stmts)
            }
            Op::Local(x) => Op::Local(l(self, x)),
            Op::Decl(x) => Op::Decl(l(self, x)),
            Op::Label(name) => Op::Label(format!("{}{}", name, self.label_suffix)),
            Op::Branch { op, label } => Op::Branch { op: *op, label: label.as_ref().map(|n| format!("{}{}", n, self.label_suffix)) },
            other => {
                let mut op = other.clone();
                self.copy_children(inl, caller, &mut op);
                op
            }
        };
        match &mut node.op {
            Op::For { label, .. } | Op::Range { label, .. } => {
                if let Some(name) = label {
                    name.push_str(&self.label_suffix);
                }
            }
            Op::Switch { label, cases, .. } => {
                if let Some(name) = label {
                    name.push_str(&self.label_suffix);
                }
                for case in cases {
                    case.pos = self.pos;
                    case.var = case.var.map(|v| *self.locals.get(&v).unwrap_or(&v));
                }
            }
            Op::Select { label, cases } => {
                if let Some(name) = label {
                    name.push_str(&self.label_suffix);
                }
                for case in cases {
                    case.pos = self.pos;
                }
            }
            _ => {}
        }
        let closure = match node.op {
            Op::Closure(f) => Some(f),
            _ => None,
        };
        let new = caller.add_node(node);
        if let Some(f) = closure {
            self.closures.push((new, f));
        }
        new
    }

    /// Replaces every child id of `op` by its copy.
    fn copy_children(&mut self, inl: &InlineBody, caller: &mut Func, op: &mut Op) {
        op.for_each_child_mut(|n| *n = self.copy(inl, caller, *n));
    }
}
