//! Calls (gc's escape/call.go): each argument flows where the callee's
//! parameter tag says — the heap, or the call's results — or, for a callee in
//! the same batch, straight into its parameter; builtins (`append`, `copy`,
//! `panic`, `print`...) by their own rules; `defer`.

use ::ir::*;

use super::graph::{Hole, NoteAt, BLANK, HEAP};
use super::leaks::{self, NUM_ESC_RESULTS};
use super::Batch;

impl Batch<'_> {
    /// A call whose init statements have already run; `ks` receives its results (None: discarded).
    pub(super) fn call(&mut self, ks: Option<&[Hole]>, id: NodeId) {
        let func = self.pkg.func(self.curfn);
        let node = func.node(id).clone();
        self.desugared.insert((self.curfn, id));
        match node.op {
            Op::Call { callee, args, .. } => {
                let callee_node = func.node(callee);
                if let Op::Closure(f) = callee_node.op {
                    self.closure_called.insert(f);
                }
                let callee_fn = crate::inline::static_callee(self.pkg, self.curfn, id);
                let fn_id = self.tagged_callee(callee_fn);
                if let (Some(ks), Some(f)) = (ks, fn_id) {
                    if self.funcs.contains(&f) {
                        for (i, r) in self.pkg.func(f).results.clone().iter().enumerate() {
                            if let Some(k) = ks.get(i) {
                                let loc = self.var_loc(f, *r);
                                self.flow(k, loc);
                            }
                        }
                    }
                }
                match func.node(callee).op {
                    // OCALLINTER: the receiver is an argument to an unknown method.
                    Op::DotInter { x, .. } => self.argument(&Hole::to(HEAP), x, id),
                    _ => self.argument(&Hole::to(BLANK), callee, id),
                }
                for (i, arg) in args.iter().enumerate() {
                    let k = self.argument_hole(ks, callee_fn, i);
                    self.argument(&k, *arg, id);
                }
            }
            Op::InlinedCall { body, results, .. } => {
                self.stmts(&body);
                for (i, r) in results.iter().enumerate() {
                    let k = ks.and_then(|ks| ks.get(i).cloned()).unwrap_or(Hole::to(BLANK));
                    self.expr(&k, *r);
                }
            }
            _ => {
                for (k, arg) in self.builtin_operands(ks, id, NoteAt::Node(self.curfn, id)) {
                    self.argument(&k, arg, id);
                }
            }
        }
    }

    /// Where each operand of builtin call `id` flows, in order (gc's
    /// `callCommon` cases; recover's frame-pointer operand is not an IR
    /// node); `at` is the call the notes of dereferences name.
    pub(super) fn builtin_operands(&mut self, ks: Option<&[Hole]>, id: NodeId, at: NoteAt) -> Vec<(Hole, NodeId)> {
        let func = self.pkg.func(self.curfn);
        let types = &self.pkg.types;
        let slice_elem_has_pointers = |t: TypeId| matches!(types.under(t), TypeKind::Slice(e) if types.has_pointers(*e));
        let discard = || Hole::to(BLANK);
        match func.node(id).op.clone() {
            Op::Append { args, ddd } => {
                let mut appendee_k = ks.and_then(|ks| ks.first().cloned()).unwrap_or(discard());
                if slice_elem_has_pointers(func.node(args[0]).ty) {
                    let heap = self.note_at(&Hole::to(HEAP).shift(1), at.clone(), "appendee slice");
                    appendee_k = self.tee_hole(vec![appendee_k, heap]);
                }
                let mut operands = vec![(appendee_k, args[0])];
                if ddd {
                    let appended_k = if slice_elem_has_pointers(func.node(args[1]).ty) {
                        self.note_at(&Hole::to(HEAP).shift(1), at, "appended slice...")
                    } else {
                        discard()
                    };
                    operands.push((appended_k, args[1]));
                } else {
                    operands.extend(args[1..].iter().map(|a| (Hole::to(HEAP), *a)));
                }
                operands
            }
            Op::Copy(dst, src) => {
                let copied_k = if slice_elem_has_pointers(func.node(src).ty) {
                    self.note_at(&Hole::to(HEAP).shift(1), at, "copied slice")
                } else {
                    discard()
                };
                vec![(discard(), dst), (copied_k, src)]
            }
            Op::Panic(x) => vec![(Hole::to(HEAP), x)],
            Op::Print { args, .. } => args.iter().map(|a| (discard(), *a)).collect(),
            Op::Delete(m, key) | Op::Complex(m, key) => vec![(discard(), m), (discard(), key)],
            Op::Len(x) | Op::Cap(x) | Op::Real(x) | Op::Imag(x) | Op::Close(x) => vec![(discard(), x)],
            Op::Recover => Vec::new(),
            other => panic!("escape: unexpected call {:?}", other),
        }
    }

    /// A call that is a statement of its own (or the sole right side of an
    /// assignment): its init statements, then the call.
    pub(super) fn call_stmt(&mut self, ks: Option<&[Hole]>, id: NodeId) {
        for s in self.pkg.func(self.curfn).node(id).init.clone() {
            self.stmt(s);
        }
        self.call(ks, id);
    }

    fn argument(&mut self, k: &Hole, arg: NodeId, call: NodeId) {
        let k = self.note(k, call, "call parameter");
        self.expr(&k, arg);
    }

    /// The function whose parameter tags a call to static callee `callee`
    /// uses: the callee or, for a `(*T).M` wrapper, the method `T.M` itself
    /// (gc's OMETHEXPR).
    fn tagged_callee(&self, callee: Option<FuncId>) -> Option<FuncId> {
        callee.map(|f| self.pkg.func(f).wrapper_of.unwrap_or(f))
    }

    /// Where argument `i` of a call to static callee `callee` flows: its
    /// parameter's tag; through a `(*T).M` wrapper the pointer goes where the
    /// receiver goes, to the heap when the receiver holds no pointers (its
    /// tag is empty).
    pub(super) fn argument_hole(&mut self, ks: Option<&[Hole]>, callee: Option<FuncId>, i: usize) -> Hole {
        let method = callee.and_then(|f| self.pkg.func(f).wrapper_of);
        if let (Some(m), 0) = (method, i) {
            let func = self.pkg.func(m);
            if !self.funcs.contains(&m) && !self.pkg.types.has_pointers(func.local(func.params[0]).ty) {
                return Hole::to(HEAP);
            }
        }
        self.tag_hole(ks, self.tagged_callee(callee), i)
    }

    /// gc's `tagHole`: where argument `param` of a call to `callee` flows.
    pub(super) fn tag_hole(&mut self, ks: Option<&[Hole]>, callee: Option<FuncId>, param: usize) -> Hole {
        let Some(f) = callee else { return Hole::to(HEAP) };
        let func = self.pkg.func(f);
        if self.funcs.contains(&f) {
            return match func.params.get(param) {
                Some(p) if func.local(*p).name != "_" && !func.local(*p).name.is_empty() => Hole::to(self.var_loc(f, *p)),
                _ => Hole::to(BLANK),
            };
        }
        let mut esc = ParamLeaks::default();
        match func.param_leaks.as_ref().and_then(|tags| tags.get(param)) {
            Some(tag) => esc = *tag,
            None => leaks::add_heap(&mut esc, 0),
        }
        let mut tag_ks = Vec::new();
        let x = leaks::heap(&esc);
        if x >= 0 {
            tag_ks.push(Hole::to(HEAP).shift(x));
        }
        if let Some(ks) = ks {
            for i in 0..NUM_ESC_RESULTS {
                let x = leaks::result(&esc, i);
                if x >= 0 {
                    if let Some(k) = ks.get(i) {
                        tag_ks.push(k.shift(x));
                    }
                }
            }
        }
        self.tee_hole(tag_ks)
    }

    /// gc's `goDeferStmt`: the function value of `defer f()`, or the wrapper
    /// of another deferred call, lives until the function returns (a defer
    /// outside loops) or on the heap.
    /// gc's goDeferStmt: what a `go` (`is_go`) or `defer` statement starts
    /// flows to the heap, but for a defer outside loops, which lasts until
    /// the function returns.
    pub(super) fn go_defer_stmt(&mut self, stmt: NodeId, call: NodeId, is_go: bool) {
        let k = if self.loop_depth == 1 && !is_go { self.later(&Hole::to(BLANK)) } else { Hole::to(HEAP) };
        let func = self.pkg.func(self.curfn);
        for s in func.node(call).init.clone() {
            self.stmt(s);
        }
        match func.node(call).op.clone() {
            Op::Call { callee, .. } if !super::wrapper::needs_wrapper(self.pkg, func, call) => self.expr(&k, callee),
            _ => {
                for temp in super::wrapper::rewritten_callee_temps(func, call) {
                    for s in func.node(temp).init.clone() {
                        self.stmt(s);
                    }
                    self.inits_walked.insert((self.curfn, temp));
                }
                self.defer_wrapper(&k, stmt, call)
            }
        }
    }
}
