//! Expressions (gc's escape/expr.go): how each kind of expression passes its
//! value on — through an address, a dereference or a copy — and which ones
//! allocate (`spill`): `new`, `&T{}`, slice literals, `make`, closures, method
//! values, interface boxing, string concatenation and conversions.

use ::ir::*;

use super::graph::{Hole, BLANK, HEAP};
use super::Batch;

impl Batch<'_> {
    pub(super) fn expr(&mut self, k: &Hole, id: NodeId) {
        if !self.inits_walked.contains(&(self.curfn, id)) {
            for s in self.pkg.func(self.curfn).node(id).init.clone() {
                self.stmt(s);
            }
        }
        self.expr_skip_init(k, id);
    }

    pub(super) fn discard(&mut self, id: NodeId) {
        self.expr(&Hole::to(BLANK), id);
    }

    fn expr_skip_init(&mut self, k: &Hole, id: NodeId) {
        let func = self.pkg.func(self.curfn);
        let node = func.node(id).clone();
        let types = &self.pkg.types;
        let mut k = k.clone();
        let untyped = types.basic_of(node.ty).is_some_and(|b| b.is_untyped());
        if k.derefs >= 0 && !untyped && !types.has_pointers(node.ty) {
            k.dst = BLANK;
        }
        match node.op {
            Op::Const { .. } | Op::Nil | Op::Func(_) | Op::Global(_) | Op::Type => {}
            Op::Local(l) => {
                let loc = self.var_loc(self.curfn, l);
                self.flow(&k, loc);
            }
            Op::Unary(_, x) => self.discard(x),
            Op::Binary(BinOp::Eq | BinOp::Ne, a, b) => {
                self.compared(a);
                self.compared(b);
            }
            Op::Binary(_, a, b) => {
                self.discard(a);
                self.discard(b);
            }
            Op::Addr(x) => {
                if func.node(x).op.is_composite_lit() {
                    // `&T{...}` (gc's OPTRLIT) allocates the literal.
                    let k = self.spill(&k, id);
                    self.expr(&k, x);
                } else {
                    let k = self.addr(&k, id, "address-of");
                    self.expr(&k, x);
                }
            }
            Op::Deref(x) => {
                let k = self.deref(&k, id, "indirection");
                self.expr(&k, x);
            }
            Op::Field(x, _) => {
                let k = self.note(&k, id, "dot");
                self.expr(&k, x);
            }
            Op::FieldPtr(x, _) => {
                let k = self.deref(&k, id, "dot of pointer");
                self.expr(&k, x);
            }
            Op::IndexMap { m, key, .. } => {
                self.discard(m);
                self.discard(key);
            }
            Op::Recv { ch, .. } => self.discard(ch),
            // A channel is always on the heap: no decision to report.
            Op::MakeChan { size } => self.discard(size),
            Op::MakeMap { hint } => {
                self.spill(&k, id);
                self.discard(hint);
            }
            Op::MapLit(entries) => {
                self.spill(&k, id);
                // Map keys and values are always stored in the heap.
                for (key, value) in entries {
                    self.assign_heap(key, "map literal key", id);
                    self.assign_heap(value, "map literal value", id);
                }
            }
            Op::TypeAssert { x, .. } => {
                let target = match types.kind(node.ty) {
                    TypeKind::Tuple(ts) => ts[0],
                    _ => node.ty,
                };
                let k = self.dot_type(&k, target, id, "dot");
                self.expr(&k, x);
            }
            Op::Index(x, i) => {
                let k = if matches!(types.under(func.node(x).ty), TypeKind::Array(..)) {
                    self.note(&k, id, "fixed-array-index-of")
                } else {
                    self.deref(&k, id, "dot of pointer")
                };
                self.expr(&k, x);
                self.discard(i);
            }
            Op::Slice { x, lo, hi, max } => {
                let k = self.note(&k, id, "slice");
                self.expr(&k, x);
                for part in [lo, hi, max].into_iter().flatten() {
                    self.discard(part);
                }
            }
            // OSLICE2ARRPTR: the slice's pointer flows to the result.
            Op::Conv(ConvKind::Numeric | ConvKind::Nop | ConvKind::SliceToArrayPtr, x) => self.expr(&k, x),
            Op::Conv(ConvKind::Iface, x) => {
                let operand = func.node(x).ty;
                let mut k = k;
                if !types.is_interface(operand) && !self.pkg.types.is_direct_iface(operand) {
                    k = self.spill(&k, id);
                }
                let k = self.note(&k, id, "interface-converted");
                self.expr(&k, x);
            }
            Op::Conv(_, x) => {
                self.spill(&k, id);
                self.discard(x);
            }
            Op::Call { .. }
            | Op::InlinedCall { .. }
            | Op::Len(_)
            | Op::Cap(_)
            | Op::Complex(..)
            | Op::Real(_)
            | Op::Imag(_)
            | Op::Append { .. }
            | Op::Copy(..)
            | Op::Recover => {
                self.call(Some(&[k]), id);
            }
            Op::New => {
                self.spill(&k, id);
            }
            Op::MakeSlice { len, cap } => {
                self.spill(&k, id);
                self.discard(len);
                if let Some(c) = cap {
                    self.discard(c);
                }
            }
            Op::MethodValue { recv, method } => {
                let closure_k = self.spill(&k, id);
                let n_results = types.signature(self.pkg.func(method).sig).map(|s| s.results.len()).unwrap_or(0);
                let ks: Vec<Hole> = (0..n_results).map(|_| Hole::to(HEAP)).collect();
                let param_k = self.tag_hole(Some(&ks), Some(method), 0);
                let k = self.tee_hole(vec![param_k, closure_k]);
                self.expr(&k, recv);
            }
            // An unknown method: the receiver flows to the heap too.
            Op::IfaceMethodValue { x, .. } => {
                let closure_k = self.spill(&k, id);
                let k = self.tee_hole(vec![Hole::to(HEAP), closure_k]);
                self.expr(&k, x);
            }
            Op::CompositeLit(elems) => match types.under(node.ty) {
                TypeKind::Slice(_) => {
                    let k = self.spill(&k, id);
                    for (_, e) in elems {
                        let ke = self.note(&k, id, "slice-literal-element");
                        self.expr(&ke, e);
                    }
                }
                TypeKind::Array(..) => {
                    for (_, e) in elems {
                        let ke = self.note(&k, id, "array literal element");
                        self.expr(&ke, e);
                    }
                }
                _ => {
                    for (_, e) in elems {
                        let ke = self.note(&k, id, "struct literal element");
                        self.expr(&ke, e);
                    }
                }
            },
            Op::Closure(f) => {
                let k = self.spill(&k, id);
                self.closures.push((k, super::wrapper::Captor::Literal(f)));
                self.init_untagged(f);
                self.walk_closure(f);
            }
            Op::AddStr(parts) => {
                self.spill(&k, id);
                for p in parts {
                    self.discard(p);
                }
            }
            _ => panic!("escape: unexpected expression {:?} in {}", node.op, func.name),
        }
    }

    /// An operand of `==`, `!=` or a switch case: a value compared with an
    /// interface is compared in place (gc's walk compares type and data), so
    /// the implicit conversion allocates nothing and is not a location.
    pub(super) fn compared(&mut self, id: NodeId) {
        let node = self.pkg.func(self.curfn).node(id);
        match node.op {
            Op::Conv(ConvKind::Iface, x) if node.implicit => {
                self.in_place_boxes.push((self.curfn, id));
                self.discard(x);
            }
            _ => self.discard(id),
        }
    }

    /// A function literal's body is walked where the literal appears; a
    /// variable first captured at its own loop depth is not reassigned by
    /// being declared before the loop that captures it.
    fn walk_closure(&mut self, closure: FuncId) {
        let func = self.pkg.func(closure);
        if !self.funcs.contains(&closure) {
            return;
        }
        for capture in &func.captures {
            let loc = self.var_loc(closure, capture.inner);
            if !self.locs[loc].captured {
                self.locs[loc].captured = true;
                if self.locs[loc].loop_depth == self.loop_depth {
                    self.locs[loc].reassigned = false;
                }
            }
        }
        self.walk_func(closure);
    }
}
