//! Statements and assignments (gc's escape/stmt.go and assign.go): loop
//! depth, where each assignment's destination lives, self-assignments that
//! are ignored, and which variables count as reassigned.

use ::ir::*;

use super::graph::{Hole, NoteAt, BLANK, HEAP};
use super::{Batch, LabelState};
use crate::decision::DecisionKind;

impl Batch<'_> {
    pub(super) fn stmt(&mut self, id: NodeId) {
        let func = self.pkg.func(self.curfn);
        let node = func.node(id);
        for s in node.init.clone() {
            self.stmt(s);
        }
        match node.op.clone() {
            Op::DeclType | Op::DeclConst | Op::Branch { .. } => {}
            Op::Block(list) => self.stmts(&list),
            Op::Decl(l) => {
                if self.pkg.func(self.curfn).local(l).name != "_" {
                    let loc = self.var_loc(self.curfn, l);
                    self.locs[loc].loop_depth = self.loop_depth;
                }
            }
            Op::Label(name) if name == "_" => {}
            Op::Label(name) => match self.labels.remove(&name) {
                Some(LabelState::Looping) => self.loop_depth += 1,
                Some(LabelState::NonLooping) => {}
                None => panic!("escape: label {} missing its state", name),
            },
            Op::If { cond, then, els } => {
                self.discard(cond);
                self.block(&then);
                self.block(&els);
            }
            Op::For { cond, post, body, .. } => {
                self.loop_depth += 1;
                if let Some(c) = cond {
                    self.discard(c);
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.block(&body);
                self.loop_depth -= 1;
            }
            Op::Range { key, value, x, body, .. } => {
                let tmp = self.new_loc(super::graph::LocKind::Temp, false);
                self.expr(&Hole::to(tmp), x);
                self.loop_depth += 1;
                let ks = vec![self.addr_of(key), self.addr_of(value)];
                let x_is_array = matches!(self.pkg.types.under(self.pkg.func(self.curfn).node(x).ty), TypeKind::Array(..));
                let k = if x_is_array { self.note(&ks[1], id, "range") } else { self.deref(&ks[1], id, "range-deref") };
                self.flow(&k, tmp);
                self.reassigned(&ks, id);
                self.block(&body);
                self.loop_depth -= 1;
            }
            Op::Switch { tag: Some(tag), cases, .. } if matches!(self.pkg.func(self.curfn).node(tag).op, Op::TypeSwitchGuard { .. }) => {
                self.type_switch(tag, &cases);
            }
            Op::Switch { tag, cases, .. } => {
                if let Some(t) = tag {
                    self.discard(t);
                }
                for case in cases {
                    for v in &case.values {
                        self.compared(*v);
                    }
                    self.block(&case.body);
                }
            }
            // gc's staticinit drops `var _ = v` when v has no side effects.
            Op::Assign { lhs, rhs: Some(rhs), .. }
                if self.is_package_init_of(lhs, true) && !self.pkg.func(self.curfn).any_side_effects(rhs) => {}
            Op::Assign { lhs, rhs: Some(rhs), .. } if self.is_package_init_of(lhs, false) && self.is_static_shape(rhs) => {
                let symbol = match self.pkg.func(self.curfn).node(lhs).op {
                    Op::Global(g) => Some(format!("{}.{}", self.pkg.path(), self.pkg.globals[g.0 as usize].name)),
                    _ => None,
                };
                let at = self.pkg.func(self.curfn).node(id).pos;
                self.static_parts(rhs, symbol.as_deref(), 0, at);
            }
            Op::Assign { lhs, rhs, .. } => self.assign_list(&[Some(lhs)], &[rhs], "assign", id),
            Op::AssignOp { lhs, rhs, .. } => self.assign_list(&[Some(lhs)], &[Some(rhs)], "assign", id),
            Op::Assign2 { lhs, rhs, .. } => {
                let rhs_node = self.pkg.func(self.curfn).node(rhs[0]);
                let tuple = rhs.len() == 1 && lhs.len() > 1;
                if tuple && matches!(rhs_node.op, Op::TypeAssert { .. }) {
                    self.assign_list(&lhs, &[Some(rhs[0])], "assign-pair-dot-type", id);
                } else if tuple && matches!(rhs_node.op, Op::IndexMap { .. }) {
                    self.assign_list(&lhs, &[Some(rhs[0])], "assign-pair-mapr", id);
                } else if tuple && matches!(rhs_node.op, Op::Recv { .. }) {
                    self.assign_list(&lhs, &[Some(rhs[0])], "assign-pair-receive", id);
                } else if tuple {
                    // `a, b = f()`: the call's results flow into the destinations.
                    let call = rhs[0];
                    for s in rhs_node.init.clone() {
                        self.stmt(s);
                    }
                    let ks: Vec<Hole> = lhs.iter().map(|l| self.addr_of(*l)).collect();
                    self.call(Some(&ks), call);
                    self.reassigned(&ks, id);
                } else {
                    let srcs: Vec<Option<NodeId>> = rhs.iter().map(|r| Some(*r)).collect();
                    self.assign_list(&lhs, &srcs, "assign-pair", id);
                }
            }
            Op::Return(values) => {
                let func = self.pkg.func(self.curfn);
                let results = func.results.clone();
                let single_tuple = values.len() == 1 && results.len() > 1;
                if single_tuple {
                    let ks: Vec<Hole> = results.iter().map(|r| Hole::to(self.var_loc(self.curfn, *r))).collect();
                    self.call_stmt(Some(&ks), values[0]);
                    self.reassigned(&ks, id);
                } else {
                    let ks: Vec<Hole> = results.iter().map(|r| Hole::to(self.var_loc(self.curfn, *r))).collect();
                    for (i, k) in ks.iter().enumerate() {
                        let k = self.note(k, id, "return");
                        if let Some(v) = values.get(i) {
                            self.expr(&k, *v);
                        }
                    }
                    self.reassigned(&ks, id);
                }
            }
            Op::ExprStmt(x) => match self.pkg.func(self.curfn).node(x).op {
                Op::Call { .. } | Op::InlinedCall { .. } | Op::Copy(..) | Op::Recover | Op::Append { .. } => self.call_stmt(None, x),
                _ => self.discard(x),
            },
            Op::Panic(_) | Op::Print { .. } | Op::Delete(..) | Op::Close(_) => self.call(None, id),
            Op::Defer(call) => self.go_defer_stmt(id, call, false),
            Op::Go(call) => self.go_defer_stmt(id, call, true),
            Op::Send { ch, value } => {
                self.discard(ch);
                self.assign_heap(value, "send", id);
            }
            Op::Select { cases, .. } => {
                for case in cases {
                    if let Some(comm) = case.comm {
                        self.stmt(comm);
                    }
                    self.block(&case.body);
                }
            }
            _ => self.discard(id),
        }
    }

    pub(super) fn stmts(&mut self, list: &[NodeId]) {
        for s in list {
            self.stmt(*s);
        }
    }

    /// A nested block: the loop depth a looping label raised ends with it.
    pub(super) fn block(&mut self, list: &[NodeId]) {
        let old = self.loop_depth;
        self.stmts(list);
        self.loop_depth = old;
    }

    /// Whether this is the package initialization assigning `lhs`, a package
    /// variable or (`blank_only`, or not) `_`.
    fn is_package_init_of(&self, lhs: NodeId, blank_only: bool) -> bool {
        if Some(self.curfn) != self.pkg.init {
            return false;
        }
        match self.pkg.func(self.curfn).node(lhs).op {
            Op::Blank => true,
            Op::Global(_) => !blank_only,
            _ => false,
        }
    }

    /// Whether gc's static initialization (staticinit) lays `value` out as
    /// data when it initializes a package variable: constants, functions,
    /// other package variables and their addresses, literals (whose dynamic
    /// elements are assigned separately), function literals without
    /// captures, interface boxes (of which only the value is assigned), and
    /// conversions of constant strings to byte slices.
    fn is_static_shape(&self, id: NodeId) -> bool {
        let func = self.pkg.func(self.curfn);
        match &func.node(id).op {
            Op::Const { .. } | Op::Nil | Op::Func(_) | Op::Global(_) | Op::CompositeLit(_) | Op::Conv(ConvKind::Iface, _) => true,
            Op::Addr(x) => func.node(*x).op.is_composite_lit() || matches!(func.node(*x).op, Op::Global(_)),
            Op::Closure(f) => self.pkg.func(*f).captures.is_empty(),
            // []byte("...") of a constant: the bytes are data (InitSliceBytes).
            Op::Conv(ConvKind::StringToBytes, x) => matches!(func.node(*x).op, Op::Const { .. }),
            _ => false,
        }
    }

    /// The code a statically initialized value still needs: each part that
    /// is not data itself is assigned at run time into its place in the
    /// static data, `(T)(symbol@offset) = part` as gc prints it, or dropped
    /// for `_` (symbol None). Literals behind a pointer or a slice, and boxes
    /// of non-pointer values, get static temporaries of their own
    /// (`main..stmp_N`, numbered package-wide). A map literal behind a
    /// pointer is assigned to its temporary where the variable is declared
    /// (`at`).
    fn static_parts(&mut self, id: NodeId, symbol: Option<&str>, offset: u64, at: Pos) {
        let types = &self.pkg.types;
        let func = self.pkg.func(self.curfn);
        let node = func.node(id);
        let mut parts: Vec<(NodeId, Option<String>, u64)> = Vec::new();
        let mut whole_at = None;
        match &node.op {
            Op::CompositeLit(elems) => {
                let (symbol, offset) = match types.under(node.ty) {
                    TypeKind::Slice(_) => (Some(self.static_temp()), 0),
                    _ => (symbol.map(str::to_string), offset),
                };
                for (key, e) in elems {
                    let at = match (key, types.under(node.ty)) {
                        (LitKey::Field { index: i, .. }, _) => types.field_offset(node.ty, *i as usize),
                        (LitKey::Index { index: i, .. }, TypeKind::Slice(elem) | TypeKind::Array(_, elem)) => i * types.size(*elem),
                        _ => 0,
                    };
                    parts.push((*e, symbol.clone(), offset + at));
                }
            }
            Op::Addr(x) if func.node(*x).op.is_composite_lit() => {
                if matches!(func.node(*x).op, Op::MapLit(_)) {
                    whole_at = Some(at);
                }
                parts.push((*x, Some(self.static_temp()), 0))
            }
            Op::Conv(ConvKind::Iface, x) if self.pkg.types.is_direct_iface(func.node(*x).ty) => {
                parts.push((*x, symbol.map(str::to_string), offset + 8))
            }
            Op::Conv(ConvKind::Iface, x) => parts.push((*x, Some(self.static_temp()), 0)),
            _ => {}
        }
        for (part, symbol, offset) in parts {
            if self.is_static_shape(part) {
                self.static_parts(part, symbol.as_deref(), offset, at);
                continue;
            }
            let Some(symbol) = symbol else {
                self.discard(part);
                continue;
            };
            let func = self.pkg.func(self.curfn);
            let part_node = func.node(part);
            let ty = self.pkg.types.display(part_node.ty);
            let text = format!("({})({}@{}) = {}", ty, symbol, offset, self.node_text(self.curfn, part));
            let k = self.note_at(&Hole::to(HEAP), NoteAt::Generated(text, whole_at.unwrap_or(part_node.pos)), "assign");
            self.expr(&k, part);
        }
    }

    /// A new static temporary's symbol (gc's `staticinit.StaticName`).
    fn static_temp(&mut self) -> String {
        self.static_temps += 1;
        format!("{}..stmp_{}", self.pkg.path(), self.static_temps - 1)
    }

    /// gc's `addr`: the hole for storing into `dst` — its own location for a
    /// local (or a field or array element of one), the heap for anything reached
    /// through a pointer, a slice or a global.
    pub(super) fn addr_of(&mut self, dst: Option<NodeId>) -> Hole {
        let Some(dst) = dst else { return Hole::to(BLANK) };
        let node = self.pkg.func(self.curfn).node(dst).clone();
        match node.op {
            Op::Blank => Hole::to(BLANK),
            Op::Local(l) if self.pkg.func(self.curfn).local(l).name == "_" => Hole::to(BLANK),
            Op::Local(l) => Hole::to(self.var_loc(self.curfn, l)),
            Op::Field(x, _) => self.addr_of(Some(x)),
            Op::Index(x, i) => {
                self.discard(i);
                if matches!(self.pkg.types.under(self.pkg.func(self.curfn).node(x).ty), TypeKind::Array(..)) {
                    self.addr_of(Some(x))
                } else {
                    self.discard(x);
                    Hole::to(HEAP)
                }
            }
            Op::Deref(_) | Op::FieldPtr(..) => {
                self.discard(dst);
                Hole::to(HEAP)
            }
            Op::IndexMap { m, key, .. } => {
                self.discard(m);
                self.assign_heap(key, "key of map put", dst);
                Hole::to(HEAP)
            }
            _ => Hole::to(HEAP),
        }
    }

    /// gc's `assignHeap`: `x` flows to the heap, noted `why` at `at`.
    pub(super) fn assign_heap(&mut self, x: NodeId, why: &'static str, at: NodeId) {
        let k = self.note(&Hole::to(HEAP), at, why);
        self.expr(&k, x);
    }

    /// gc's `assignList`: each source flows into its destination, noted `why` at `stmt`.
    fn assign_list(&mut self, dsts: &[Option<NodeId>], srcs: &[Option<NodeId>], why: &'static str, stmt: NodeId) {
        let ks: Vec<Hole> = dsts.iter().map(|d| self.addr_of(*d)).collect();
        for (i, k) in ks.iter().enumerate() {
            let src = srcs.get(i).copied().flatten();
            let mut k = k.clone();
            if let (Some(dst), Some(src)) = (dsts[i], src) {
                if self.is_self_assign(dst, src) {
                    let func = self.pkg.func(self.curfn);
                    let kind = DecisionKind::IgnoringSelfAssignment { func: func.name.clone(), stmt: self.node_text(self.curfn, stmt) };
                    let pos = func.node(stmt).pos;
                    self.decide(pos, kind);
                    k = Hole::to(BLANK);
                }
            }
            let k = self.note(&k, stmt, why);
            if let Some(src) = src {
                self.expr(&k, src);
            }
        }
        self.reassigned(&ks, stmt);
    }

    /// Marks every destination as reassigned, except a variable in its own
    /// defining statement and a declaration without a value.
    pub(super) fn reassigned(&mut self, ks: &[Hole], stmt: NodeId) {
        let func = self.pkg.func(self.curfn);
        let node = func.node(stmt);
        if let Op::Assign { lhs, rhs: None, .. } = node.op {
            if matches!(func.node(lhs).op, Op::Local(_)) {
                return;
            }
        }
        let is_range = matches!(node.op, Op::Range { .. });
        for k in ks {
            if let super::graph::LocKind::Var(f, l) = self.locs[k.dst].kind {
                let defines = f == self.curfn
                    && func.local(l).has_defn
                    && node.init.iter().any(|s| matches!(func.node(*s).op, Op::Decl(d) if d == l));
                if defines && !is_range {
                    continue;
                }
            }
            self.locs[k.dst].reassigned = true;
        }
    }

    /// gc's `isSelfAssign`: `s.f = s.g`, `a[i] = a[j]` and `b.buf = b.buf[i:j]`
    /// move nothing to a new place, so they are left out of the graph.
    fn is_self_assign(&self, dst: NodeId, src: NodeId) -> bool {
        let func = self.pkg.func(self.curfn);
        let (d, s) = (&func.node(dst).op, &func.node(src).op);
        if self.is_slice_self_assign(dst, src) {
            return true;
        }
        match (d, s) {
            (Op::Field(dx, _), Op::Field(sx, _)) | (Op::FieldPtr(dx, _), Op::FieldPtr(sx, _)) => self.same_safe_expr(*dx, *sx),
            (Op::Index(dx, di), Op::Index(sx, si)) => {
                !self.may_affect_memory(*di) && !self.may_affect_memory(*si) && self.same_safe_expr(*dx, *sx)
            }
            _ => false,
        }
    }

    fn is_slice_self_assign(&self, dst: NodeId, src: NodeId) -> bool {
        let func = self.pkg.func(self.curfn);
        let base_name = |id: NodeId| match &func.node(id).op {
            Op::Deref(x) | Op::FieldPtr(x, _) => match func.node(*x).op {
                Op::Local(l) => Some(l),
                _ => None,
            },
            _ => None,
        };
        let Some(dst_name) = base_name(dst) else { return false };
        let Op::Slice { x, .. } = &func.node(src).op else { return false };
        if matches!(func.node(*x).op, Op::Addr(_)) {
            return false;
        }
        base_name(*x) == Some(dst_name)
    }

    /// gc's `ir.SameSafeExpr`: the two expressions denote the same place and evaluating them has no effects.
    fn same_safe_expr(&self, l: NodeId, r: NodeId) -> bool {
        let func = self.pkg.func(self.curfn);
        let strip = |mut id: NodeId| {
            while let Op::Conv(ConvKind::Nop, x) = &func.node(id).op {
                id = *x;
            }
            id
        };
        let (l, r) = (strip(l), strip(r));
        let (ln, rn) = (func.node(l), func.node(r));
        if !self.pkg.types.identical(ln.ty, rn.ty) {
            return false;
        }
        match (&ln.op, &rn.op) {
            (Op::Local(a), Op::Local(b)) => a == b,
            (Op::Global(a), Op::Global(b)) => a == b,
            (Op::Field(a, i), Op::Field(b, j)) | (Op::FieldPtr(a, i), Op::FieldPtr(b, j)) => i == j && self.same_safe_expr(*a, *b),
            (Op::Deref(a), Op::Deref(b)) => self.same_safe_expr(*a, *b),
            (Op::Unary(o1, a), Op::Unary(o2, b)) => o1 == o2 && self.same_safe_expr(*a, *b),
            (Op::Conv(ConvKind::Numeric, a), Op::Conv(ConvKind::Numeric, b)) => self.same_safe_expr(*a, *b),
            (Op::Index(a, i), Op::Index(b, j)) => self.same_safe_expr(*a, *b) && self.same_safe_expr(*i, *j),
            (Op::Binary(o1, a, b), Op::Binary(o2, c, d)) => {
                o1 == o2
                    && !matches!(o1, BinOp::AndAnd | BinOp::OrOr | BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge)
                    && self.same_safe_expr(*a, *c)
                    && self.same_safe_expr(*b, *d)
            }
            (Op::Const { value: a, .. }, Op::Const { value: b, .. }) => a == b,
            (Op::Nil, Op::Nil) => true,
            _ => false,
        }
    }

    /// gc's `mayAffectMemory`: whether evaluating the index could write memory.
    fn may_affect_memory(&self, id: NodeId) -> bool {
        let func = self.pkg.func(self.curfn);
        match &func.node(id).op {
            Op::Local(_) | Op::Global(_) | Op::Const { .. } | Op::Nil => false,
            Op::Binary(op, a, b)
                if !matches!(op, BinOp::AndAnd | BinOp::OrOr | BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge) =>
            {
                self.may_affect_memory(*a) || self.may_affect_memory(*b)
            }
            Op::Index(a, b) => self.may_affect_memory(*a) || self.may_affect_memory(*b),
            Op::Conv(ConvKind::Nop | ConvKind::Numeric, x)
            | Op::Len(x)
            | Op::Cap(x)
            | Op::Unary(_, x)
            | Op::Field(x, _)
            | Op::FieldPtr(x, _)
            | Op::Deref(x) => self.may_affect_memory(*x),
            _ => true,
        }
    }
}

impl Batch<'_> {
    /// A type switch: x's value flows to each clause's variable that holds
    /// pointers (as an assertion to the clause's type would), through one
    /// temporary when there are several; the case types are no values.
    fn type_switch(&mut self, guard: NodeId, cases: &[Case]) {
        let func = self.pkg.func(self.curfn);
        let Op::TypeSwitchGuard { x, .. } = func.node(guard).op else { unreachable!("a type switch guard") };
        let mut ks = Vec::new();
        for case in cases {
            let Some(var) = case.var else { continue };
            let ty = self.pkg.func(self.curfn).local(var).ty;
            let loc = self.var_loc(self.curfn, var);
            self.locs[loc].loop_depth = self.loop_depth;
            if self.pkg.types.has_pointers(ty) {
                let k = if self.pkg.types.is_interface(ty) || self.pkg.types.is_direct_iface(ty) {
                    Hole::to(loc)
                } else {
                    Hole::to(loc).shift(1)
                };
                let text = self.case_text(case);
                ks.push(self.note_at(&k, NoteAt::Generated(text, case.pos), "switch case"));
            }
        }
        let k = self.tee_hole(ks);
        self.expr(&k, x);
        for case in cases {
            self.block(&case.body);
        }
    }

    /// gc's text of a clause: `case T1, T2: stmt; stmt` or `default: ...`.
    fn case_text(&self, case: &Case) -> String {
        let func = self.pkg.func(self.curfn);
        let text = |id: &NodeId| ::ir::printer::node_text(self.pkg, func, *id, &|_| false);
        let body: Vec<String> = case.body.iter().map(text).collect();
        match case.values.as_slice() {
            [] => format!("default: {}", body.join("; ")),
            values => format!("case {}: {}", values.iter().map(text).collect::<Vec<_>>().join(", "), body.join("; ")),
        }
    }
}
