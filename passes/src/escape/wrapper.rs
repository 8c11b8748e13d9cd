//! gc's go/defer wrappers (escape/call.go: `goDeferStmt`, `rewriteArgument`,
//! `wrapExpr`): a deferred method call, or a deferred call whose function
//! takes or returns values, is analysed as a closure made at the defer
//! statement, `func() { f(t1, t2) }`, capturing temporaries (`.autotmp_N`)
//! that hold the operands evaluated there. Only escape analysis sees this
//! closure: the backend keeps its own defer records. Like gc, `-m` reports
//! neither its final line nor its function's tags.

use ::ir::*;

use super::graph::{Hole, LocId, LocKind, NoteAt};
use super::Batch;

/// A temporary escape analysis makes for a wrapped operand.
pub struct AutoTmp {
    /// The function that declares it (the one with the `defer`).
    pub func: FuncId,
    pub name: String,
    pub ty: TypeId,
    /// Its declaration: the operand's position, or the call's for a name.
    pub pos: Pos,
    /// Where the wrapper uses it: the call's position.
    pub use_pos: Pos,
}

/// A closure whose captured variables flow into its record once the batch is walked.
pub enum Captor {
    Literal(FuncId),
    /// A defer wrapper and the locations of the temporaries it captures.
    DeferWrapper(Vec<LocId>),
}

impl Batch<'_> {
    /// Whether gc wraps deferred call `call`: a method call, or a function
    /// with parameters or results.
    pub(super) fn needs_wrapper(&self, call: NodeId) -> bool {
        let func = self.pkg.func(self.curfn);
        let Op::Call { callee, .. } = &func.node(call).op else { return true };
        if let Op::Func(f) = func.node(*callee).op {
            if self.pkg.func(f).method_of.is_some() {
                return true;
            }
        }
        match self.pkg.types.kind(func.node(*callee).ty) {
            TypeKind::Func(sig) => !sig.params.is_empty() || !sig.results.is_empty(),
            _ => true,
        }
    }

    /// `defer call` through a wrapper whose record flows into `k`.
    pub(super) fn defer_wrapper(&mut self, k: &Hole, defer: NodeId, call: NodeId) {
        let func = self.pkg.func(self.curfn);
        let Op::Call { callee, args, .. } = func.node(call).op.clone() else { panic!("escape: a deferred non-call in {}", func.name) };
        let call_pos = func.node(call).pos;
        let callee_fn = crate::inline::static_callee(self.pkg, self.curfn, call);
        let operands: Vec<NodeId> = std::iter::once(callee).chain(args.iter().copied()).collect();
        let wrapped: Vec<bool> = operands.iter().map(|&x| !matches!(func.node(x).op, Op::Const { .. } | Op::Nil | Op::Func(_))).collect();

        // Name the temporaries first: the call's text shows them all.
        let mut next = func.locals.len() - func.captures.len() + self.autotmps.iter().filter(|t| t.func == self.curfn).count();
        let mut names = Vec::new();
        for (&x, &wrap) in operands.iter().zip(&wrapped) {
            names.push(if wrap {
                next += 1;
                format!(".autotmp_{}", next - 1)
            } else {
                self.node_text(self.curfn, x)
            });
        }
        let call_text = format!("{}({})", names[0], names[1..].join(", "));

        let mut captured = Vec::new();
        for (i, &x) in operands.iter().enumerate() {
            let k = match i {
                0 => Hole::to(super::graph::BLANK),
                _ => self.argument_hole(None, callee_fn, i - 1),
            };
            let k = self.note_at(&k, NoteAt::Generated(call_text.clone(), call_pos), "call parameter");
            if !wrapped[i] {
                self.expr(&k, x);
                continue;
            }
            let tmp = self.wrap_operand(x, names[i].clone(), call_pos);
            captured.push(tmp);
            self.flow(&k, tmp);
        }

        let defer_pos = self.pkg.func(self.curfn).node(defer).pos;
        let record = self.new_loc(LocKind::DeferWrapper(self.curfn, defer), true);
        let spill = self.note_at(&k.shift(-1), NoteAt::Generated("func literal".to_string(), defer_pos), "spill");
        self.flow(&spill, record);
        self.closures.push((Hole::to(record), Captor::DeferWrapper(captured)));
    }

    /// gc's `wrapExpr`: a temporary declared at the defer statement and
    /// assigned operand `x`, which the wrapper captures.
    fn wrap_operand(&mut self, x: NodeId, name: String, call_pos: Pos) -> LocId {
        let node = self.pkg.func(self.curfn).node(x);
        let named = matches!(node.op, Op::Local(_) | Op::Global(_) | Op::Func(_));
        let pos = if named { call_pos } else { node.pos };
        let ty = node.ty;
        let assign = format!("{} = {}", name, self.node_text(self.curfn, x));
        self.autotmps.push(AutoTmp { func: self.curfn, name, ty, pos, use_pos: call_pos });
        let tmp = self.new_loc(LocKind::AutoTmp(self.autotmps.len() - 1), false);
        let k = self.note_at(&Hole::to(tmp), NoteAt::Generated(assign, pos), "assign");
        self.expr(&k, x);
        self.locs[tmp].captured = true;
        tmp
    }

    /// gc's `flowClosure` for a defer wrapper's temporaries.
    pub(super) fn flow_wrapper_captures(&mut self, k: &Hole, temps: &[LocId]) {
        for &loc in temps {
            let LocKind::AutoTmp(index) = self.locs[loc].kind else { unreachable!("a wrapper captures temporaries") };
            let use_pos = self.autotmps[index].use_pos;
            self.flow_capture(k, loc, use_pos);
        }
    }
}
