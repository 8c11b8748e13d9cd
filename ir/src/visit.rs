//! The children of a node, in gc's evaluation order: one place that knows the
//! shape of every `Op`, used by the verifier, the dump and the passes.

use crate::ir::*;

impl Node {
    /// Every child node: init statements first, then operands and bodies in order.
    pub fn children(&self) -> Vec<NodeId> {
        let mut out = self.init.clone();
        match &self.op {
            Op::Local(_) | Op::Global(_) | Op::Func(_) | Op::Const { .. } | Op::Nil | Op::New | Op::Closure(_) | Op::Recover | Op::DeclType | Op::DeclConst | Op::Decl(_) | Op::Blank | Op::Label(_) | Op::Branch { .. } => {}
            Op::Binary(_, a, b) | Op::Index(a, b) | Op::Copy(a, b) => out.extend([*a, *b]),
            Op::Unary(_, a) | Op::Addr(a) | Op::Deref(a) | Op::Field(a, _) | Op::FieldPtr(a, _) | Op::Conv(_, a) | Op::Len(a) | Op::Cap(a) | Op::ExprStmt(a) | Op::Panic(a) | Op::Defer(a) => out.push(*a),
            Op::TypeAssert { x, .. } => out.push(*x),
            Op::MethodValue { recv, .. } => out.push(*recv),
            Op::AddStr(xs) | Op::Block(xs) | Op::Return(xs) => out.extend(xs),
            Op::Append { args, .. } | Op::Print { args, .. } => out.extend(args),
            Op::Slice { x, lo, hi, max } => {
                out.push(*x);
                out.extend(lo.iter().chain(hi).chain(max));
            }
            Op::Call { callee, args, .. } => {
                out.push(*callee);
                out.extend(args);
            }
            Op::MakeSlice { len, cap } => {
                out.push(*len);
                out.extend(cap);
            }
            Op::CompositeLit(elems) => out.extend(elems.iter().map(|(_, n)| *n)),
            Op::InlinedCall { body, results } => {
                out.extend(body);
                out.extend(results);
            }
            Op::Assign { lhs, rhs, .. } => {
                out.push(*lhs);
                out.extend(rhs);
            }
            Op::Assign2 { lhs, rhs, .. } => {
                out.extend(lhs.iter().flatten());
                out.extend(rhs);
            }
            Op::AssignOp { lhs, rhs, .. } => out.extend([*lhs, *rhs]),
            Op::If { cond, then, els } => {
                out.push(*cond);
                out.extend(then);
                out.extend(els);
            }
            Op::For { cond, post, body, .. } => {
                out.extend(cond);
                out.extend(post);
                out.extend(body);
            }
            Op::Range { key, value, x, body, .. } => {
                out.push(*x);
                out.extend(key.iter().chain(value));
                out.extend(body);
            }
            Op::Switch { tag, cases, .. } => {
                out.extend(tag);
                for c in cases {
                    out.extend(&c.values);
                    out.extend(&c.body);
                }
            }
        }
        out
    }
}
