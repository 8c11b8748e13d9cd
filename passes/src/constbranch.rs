//! Branches on constants, as gc's SSA has them before its nil-check and
//! prove passes: SSA construction makes constants of the variables that
//! hold one (an inlined call's parameters, `x := 3`), and opt folds a
//! comparison of constants and rewrites `If (ConstBool)` into a jump, so
//! the branch not taken, and its checks, are gone. Here an `if` whose
//! condition is such a constant, through locals defined once and never
//! reassigned (`static_value`), gets that constant as its condition; the
//! nil-check and prove passes follow the branch taken only, and the back
//! end emits only that branch.

use std::cmp::Ordering;

use ::ir::*;

use crate::inline::static_value;

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
    let id = static_value(func, id);
    let node = func.node(id);
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
    let node = func.node(static_value(func, id));
    match &node.op {
        Op::Const { value, .. } if node.init.is_empty() => Some(value),
        _ => None,
    }
}
