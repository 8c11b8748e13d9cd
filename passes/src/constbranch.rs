//! Branches on constants, as gc's SSA has them before its nil-check and
//! prove passes: SSA construction makes constants of the variables that
//! hold one (an inlined call's parameters, `x := 3`), and opt folds a
//! comparison of constants and rewrites `If (ConstBool)` into a jump, so
//! the branch not taken, and its checks, are gone. Here an `if` whose
//! condition is such a constant, through locals defined by a constant and
//! never written again (`constant_operand`), gets that constant as its
//! condition; the nil-check and prove passes follow the branch taken only,
//! and the back end emits only that branch.

use std::cmp::Ordering;

use ::ir::*;

/// Gives each `if` on a constant of every function that constant as its condition.
pub fn fold_constant_branches(pkg: &mut Package) {
    for func in pkg.funcs.iter_mut().filter(|f| f.has_body) {
        let folded: Vec<(NodeId, bool)> = (0..func.nodes.len() as u32)
            .map(NodeId)
            .filter_map(|id| match func.node(id).op {
                Op::If { cond, .. } if !matches!(func.node(cond).op, Op::Const { .. }) => Some((id, truth(func, cond)?)),
                _ => None,
            })
            .collect();
        for (id, truth) in folded {
            let Op::If { cond, .. } = func.node(id).op else { unreachable!("folded an if") };
            let (pos, ty) = (func.node(cond).pos, func.node(cond).ty);
            let constant = Node::new(Op::Const { value: ConstValue::Bool(truth), text: truth.to_string(), prec: 0 }, pos, ty);
            let constant = func.add_node(constant);
            if let Op::If { cond, .. } = &mut func.node_mut(id).op {
                *cond = constant;
            }
        }
    }
}

/// The value of condition `id` when it is a constant: a boolean constant,
/// `!`, `&&`, `||` of such, or a comparison of two integer, string or
/// boolean constants. None when evaluating it could have an effect.
fn truth(func: &Func, id: NodeId) -> Option<bool> {
    let node = func.node(constant_operand(func, id));
    if !node.init.is_empty() {
        return None;
    }
    match &node.op {
        Op::Const { value: ConstValue::Bool(b), .. } => Some(*b),
        Op::Unary(UnOp::Not, x) => truth(func, *x).map(|b| !b),
        Op::Binary(BinOp::AndAnd, x, y) => Some(truth(func, *x)? && truth(func, *y)?),
        Op::Binary(BinOp::OrOr, x, y) => Some(truth(func, *x)? || truth(func, *y)?),
        Op::Binary(op, x, y) => {
            let order = match (constant(func, *x)?, constant(func, *y)?) {
                (ConstValue::Int(a), ConstValue::Int(b)) => a.cmp(b),
                (ConstValue::Str(a), ConstValue::Str(b)) if matches!(op, BinOp::Eq | BinOp::Ne) => a.cmp(b),
                (ConstValue::Bool(a), ConstValue::Bool(b)) if matches!(op, BinOp::Eq | BinOp::Ne) => a.cmp(b),
                _ => return None,
            };
            match op {
                BinOp::Eq => Some(order == Ordering::Equal),
                BinOp::Ne => Some(order != Ordering::Equal),
                BinOp::Lt => Some(order == Ordering::Less),
                BinOp::Le => Some(order != Ordering::Greater),
                BinOp::Gt => Some(order == Ordering::Greater),
                BinOp::Ge => Some(order != Ordering::Less),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The constant operand `id` stands for.
fn constant(func: &Func, id: NodeId) -> Option<&ConstValue> {
    let node = func.node(constant_operand(func, id));
    match &node.op {
        Op::Const { value, .. } if node.init.is_empty() => Some(value),
        _ => None,
    }
}

/// What `id` stands for through no-op conversions and locals whose only
/// write is their definition by a constant (`x := 3`, an inlined call's
/// parameter): no pointer or closure can change them, and the definition
/// runs before any use. gc's `StaticValue` is not enough: it takes `x++`
/// for no reassignment.
fn constant_operand(func: &Func, id: NodeId) -> NodeId {
    defining_value(func, id, |op| matches!(op, Op::Const { .. } | Op::Local(_) | Op::Conv(..)))
}

/// What `id` stands for through no-op conversions and locals whose only
/// write is their definition by a value `follows` accepts, as
/// `constant_operand` finds constants.
pub(crate) fn defining_value(func: &Func, mut id: NodeId, follows: impl Fn(&Op) -> bool) -> NodeId {
    loop {
        while let Op::Conv(ConvKind::Nop, x) = func.node(id).op {
            id = x;
        }
        let Op::Local(l) = func.node(id).op else { return id };
        let local = func.local(l);
        if local.class != LocalClass::Auto || !local.has_defn || !local.is_private() {
            return id;
        }
        let mut writes = func.nodes.iter().filter_map(|node| write_of(func, node, l));
        match (writes.next(), writes.next()) {
            (Some(Some(value)), None) if follows(&func.node(value).op) => id = value,
            _ => return id,
        }
    }
}

/// For a node that writes local `l`: the value it defines `l` with, when
/// it is a definition (`l := v`, `var l = v`), else None.
fn write_of(func: &Func, node: &Node, l: LocalId) -> Option<Option<NodeId>> {
    let is_l = |n: NodeId| matches!(func.node(n).op, Op::Local(x) if x == l);
    match &node.op {
        Op::Assign { lhs, rhs, define } if is_l(*lhs) => Some(rhs.filter(|_| *define)),
        Op::AssignOp { lhs, .. } if is_l(*lhs) => Some(None),
        Op::Assign2 { lhs, rhs, define } if lhs.iter().flatten().any(|x| is_l(*x)) => {
            let at = lhs.iter().position(|x| x.is_some_and(is_l));
            Some(at.filter(|_| *define && lhs.len() == rhs.len()).map(|i| rhs[i]))
        }
        Op::Range { key, value, .. } if key.iter().chain(value).any(|x| is_l(*x)) => Some(None),
        _ => None,
    }
}
