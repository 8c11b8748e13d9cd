//! Dead code removal before inlining, as gc 1.19's `deadcode.Func`
//! (cmd/compile/internal/deadcode): `if` statements with a constant condition
//! lose the branch that never runs, and when the branch that runs ends in
//! `return` or `panic`, the statements after the `if` go too (unless a label
//! follows, which a `goto` may target). `&&` and `||` with a constant left
//! operand are folded first, so that `if false && x` counts as constant.
//! A switch on a constant keeps only the clause that runs. A body left with
//! nothing but such empty statements becomes empty. This
//! changes inline costs and what escape analysis sees, as it does in gc;
//! whether a variable is reassigned is decided again on what is left.

use ::ir::*;

/// Removes the dead code of every function of the package.
pub fn remove_dead_code(pkg: &mut Package) {
    let mut dead = Vec::new();
    for func in &mut pkg.funcs {
        if func.has_body {
            let removed = remove_in_func(func);
            dead.extend(func.literals_under(&removed));
        }
    }
    // gc's markHiddenClosureDead: the literals in removed code, and theirs.
    while let Some(f) = dead.pop() {
        pkg.funcs[f.0 as usize].dead = true;
        let func = pkg.func(f);
        dead.extend(func.literals_under(&func.body));
    }
    recompute_reassigned(pkg);
}

/// Removes the dead code of `func`; returns the statements (and switch
/// case values) removed.
fn remove_in_func(func: &mut Func) -> Vec<NodeId> {
    let mut body = std::mem::take(&mut func.body);
    let mut removed = Vec::new();
    stmts(func, &mut body, &mut removed, Some(func.end_pos));
    let all_empty = !body.is_empty()
        && body.iter().all(|s| {
            let node = func.node(*s);
            node.init.is_empty()
                && match &node.op {
                    Op::If { cond, then, els } => bool_const(func, *cond).is_some() && then.is_empty() && els.is_empty(),
                    Op::For { cond: Some(cond), .. } => bool_const(func, *cond) == Some(false),
                    _ => false,
                }
        });
    if all_empty {
        let pos = func.node(body[0]).pos;
        body = vec![func.add_node(Node::new(Op::Block(Vec::new()), pos, INVALID))];
    }
    func.body = body;
    removed
}

/// gc's `ir.reassigned`, asked after dead code is gone: a variable is
/// reassigned when a statement left, in its function or in a closure using
/// it, assigns it (`=`, not `op=` or `range`) other than where it is
/// defined, or takes its address. Lowering's marks are made again from
/// what is left.
fn recompute_reassigned(pkg: &mut Package) {
    let mut written = std::collections::HashSet::new();
    for (i, func) in pkg.funcs.iter().enumerate() {
        if !func.has_body || func.dead {
            continue;
        }
        for id in func.source_order(&func.body) {
            let node = func.node(id);
            // `x := v` (and a compiler temporary's assignment) always declares x;
            // `a, b := ...` declares the names it lists a declaration for.
            let declares = |l: LocalId| {
                matches!(node.op, Op::Assign { define: true, .. })
                    || node.init.iter().any(|s| matches!(func.node(*s).op, Op::Decl(d) if d == l))
            };
            let (targets, even_where_defined): (Vec<NodeId>, bool) = match &node.op {
                Op::Assign { lhs, .. } => (vec![*lhs], false),
                Op::Assign2 { lhs, .. } => (lhs.iter().flatten().copied().collect(), false),
                Op::Addr(x) => (vec![outer_value(&pkg.types, func, *x)], true),
                _ => (Vec::new(), false),
            };
            for target in targets {
                if let Op::Local(l) = func.node(target).op {
                    if even_where_defined || !declares(l) {
                        written.insert(pkg.canonical_local(FuncId(i as u32), l));
                    }
                }
            }
        }
    }
    for (i, func) in pkg.funcs.iter_mut().enumerate() {
        for (l, local) in func.locals.iter_mut().enumerate() {
            local.reassigned = written.contains(&(FuncId(i as u32), LocalId(l as u32)));
        }
    }
}

/// gc's `OuterValue`: the variable a field of a struct value, an element of
/// an array or a no-op conversion belongs to.
fn outer_value(types: &TypeTable, func: &Func, mut id: NodeId) -> NodeId {
    loop {
        id = match &func.node(id).op {
            Op::Field(x, _) | Op::Conv(ConvKind::Nop, x) => *x,
            Op::Index(x, _) if matches!(types.under(func.node(*x).ty), TypeKind::Array(..)) => *x,
            _ => return id,
        };
    }
}

fn bool_const(func: &Func, id: NodeId) -> Option<bool> {
    match &func.node(id).op {
        Op::Const { value: ConstValue::Bool(b), .. } => Some(*b),
        _ => None,
    }
}

/// `end` is where the list's block ends, when known (a function's body, an
/// `if`'s branch): the statements cut after a `return` span up to it.
fn stmts(func: &mut Func, list: &mut Vec<NodeId>, removed: &mut Vec<NodeId>, end: Option<Pos>) {
    let last_label = list.iter().rposition(|s| matches!(func.node(*s).op, Op::Label(_)));
    let mut i = 0;
    while i < list.len() {
        let id = list[i];
        let mut cut = false;
        if let Op::If { cond, .. } = func.node(id).op {
            let cond = expr(func, cond);
            let taken = bool_const(func, cond);
            let [then_span, else_span] = func.if_branch_spans.get(&id).copied().unwrap_or_default();
            if let Some(span) = taken.and_then(|taken| if taken { else_span } else { then_span }) {
                func.dead_spans.push(span);
            }
            if let Op::If { cond: c, then, els } = &mut func.node_mut(id).op {
                *c = cond;
                if let Some(taken) = taken {
                    let body = if taken {
                        removed.append(els);
                        &*then
                    } else {
                        removed.append(then);
                        &*els
                    };
                    let ends_function = body.last().copied();
                    let after_last_label = last_label.is_none_or(|l| i > l);
                    if let Some(last) = ends_function {
                        cut = after_last_label && matches!(func.node(last).op, Op::Return(_) | Op::Panic(_));
                    }
                }
            }
        }
        if matches!(func.node(id).op, Op::Switch { .. }) {
            constant_switch(func, id, removed);
        }
        let mut init = std::mem::take(&mut func.node_mut(id).init);
        stmts(func, &mut init, removed, None);
        func.node_mut(id).init = init;
        let mut op = func.node(id).op.clone();
        match &mut op {
            Op::Block(body) | Op::For { body, .. } | Op::Range { body, .. } => stmts(func, body, removed, None),
            Op::If { then, els, .. } => {
                let [then_span, else_span] = func.if_branch_spans.get(&id).copied().unwrap_or_default();
                stmts(func, then, removed, then_span.map(|(_, end)| end));
                stmts(func, els, removed, else_span.map(|(_, end)| end));
            }
            Op::Switch { cases, .. } => cases.iter_mut().for_each(|c| stmts(func, &mut c.body, removed, None)),
            Op::Select { cases, .. } => cases.iter_mut().for_each(|c| stmts(func, &mut c.body, removed, None)),
            _ => {}
        }
        func.node_mut(id).op = op;
        if cut {
            if let (Some(&first), Some(end)) = (list.get(i + 1), end) {
                func.dead_spans.push((first_pos(func, first), end));
            }
            removed.extend(list.drain(i + 1..));
            break;
        }
        i += 1;
    }
}

/// The first position in statement `id`, its init included (`children`).
fn first_pos(func: &Func, id: NodeId) -> Pos {
    let node = func.node(id);
    node.children().into_iter().map(|c| first_pos(func, c)).fold(node.pos, Pos::min)
}

/// A switch on a constant (or a tagless switch) with constant cases keeps
/// only the clause that runs: the matching case with just the matching
/// value, else the default, else none; unless a clause it would keep falls through.
fn constant_switch(func: &mut Func, id: NodeId, removed: &mut Vec<NodeId>) {
    let Op::Switch { tag, cases, label } = func.node(id).op.clone() else { return };
    let x = match tag {
        Some(t) => match &func.node(t).op {
            Op::Const { value, .. } => value.clone(),
            _ => return,
        },
        None => ConstValue::Bool(true),
    };
    let mut default = None;
    let mut kept = None;
    'cases: for (i, case) in cases.iter().enumerate() {
        if case.values.is_empty() {
            default = Some(i);
            continue;
        }
        for v in &case.values {
            let Op::Const { value, .. } = &func.node(*v).op else { return };
            if *value == x {
                if case.fallthrough {
                    return;
                }
                let mut only = case.clone();
                only.values = vec![*v];
                kept = Some(vec![only]);
                break 'cases;
            }
        }
    }
    let new_cases = match (kept, default) {
        (Some(kept), _) => kept,
        (None, Some(d)) if cases[d].fallthrough => return,
        (None, Some(d)) => vec![cases[d].clone()],
        (None, None) => Vec::new(),
    };
    let kept_nodes: Vec<NodeId> = new_cases.iter().flat_map(|c| c.values.iter().chain(&c.body)).copied().collect();
    removed.extend(cases.iter().flat_map(|c| c.values.iter().chain(&c.body)).filter(|n| !kept_nodes.contains(n)));
    func.node_mut(id).op = Op::Switch { tag, cases: new_cases, label };
}

/// Folds `&&` and `||` whose left operand is constant.
fn expr(func: &mut Func, id: NodeId) -> NodeId {
    let Op::Binary(op @ (BinOp::AndAnd | BinOp::OrOr), x, y) = func.node(id).op else { return id };
    let (x, y) = (expr(func, x), expr(func, y));
    let kept = match (op, bool_const(func, x)) {
        (BinOp::AndAnd, Some(true)) | (BinOp::OrOr, Some(false)) => y,
        (BinOp::AndAnd, Some(false)) | (BinOp::OrOr, Some(true)) => x,
        _ => id,
    };
    // A folded node is dropped from the tree: emptied, so that the operand
    // it kept has one parent only (the verifier's tree invariant).
    func.node_mut(id).op = if kept == id { Op::Binary(op, x, y) } else { Op::Block(Vec::new()) };
    kept
}
