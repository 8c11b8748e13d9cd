//! Nil-check elimination, after gc's SSA pass of that name
//! (cmd/compile/internal/ssa/nilcheck.go) but on the IR: a dereference of a
//! local pointer needs no check when the pointer is known not to be nil on
//! every path to it — because it was assigned the address of something (`&x`,
//! `&T{}`, `new(T)`) or a pointer already known not to be nil, or because an
//! earlier statement that always runs first dereferenced it and it has not
//! been assigned since. Such a `*p`, `p.f` (and the implicit `*p` of `p[i]` on
//! a pointer to an array) is marked `bounded`, and so is `i.M` of a call
//! through an interface `i` known to hold a value (its itab is loaded).
//!
//! The facts flow forward through each statement list; a loop starts from what
//! holds before it minus what it assigns, a branch from what holds before it,
//! and a label (which a goto may reach) from what held at the start of its
//! list minus what the list assigns; what follows an inlined call, from what
//! held at each of its returns. Only locals whose address is never taken and
//! that no closure captures by reference take part: nothing else writes them.

use std::collections::{HashMap, HashSet};

use ::ir::*;

/// Marks the dereferences of each of `funcs` whose pointer is known not to be nil.
pub fn eliminate_nil_checks(pkg: &mut Package, funcs: &[FuncId]) {
    crate::mark_bounded(pkg, funcs, |func, types| {
        let mut flow = Flow { func, types, proved: Vec::new(), gotos: HashMap::new() };
        flow.list(&func.body, Facts::new());
        flow.proved
    });
}

/// What is known of the locals at a point.
type Facts = HashSet<Fact>;

/// A local known not to be nil: a pointer, or an interface's itab as
/// walk's OITAB reads it (`i != nil`, a method value `i.M`); or an
/// interface whose itab a call through it checked. gc's SSA reads the
/// itab for a call with another type (uintptr, not *uintptr), and CSE
/// does not merge the two, so neither check makes the other needless.
/// Or an interface whose data word, asserted to a pointer (`i.(*T)`), was
/// dereferenced: gc's SSA reads one data word for every assertion of `i`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Fact {
    NotNil(LocalId),
    CalledThrough(LocalId),
    DataNotNil(LocalId),
}

impl Fact {
    fn local(self) -> LocalId {
        match self {
            Fact::NotNil(local) | Fact::CalledThrough(local) | Fact::DataNotNil(local) => local,
        }
    }
}

struct Flow<'a> {
    func: &'a Func,
    types: &'a TypeTable,
    proved: Vec<NodeId>,
    /// What holds at every `goto` to each label met so far.
    gotos: HashMap<String, Facts>,
}

impl Flow<'_> {
    fn list(&mut self, stmts: &[NodeId], facts: Facts) -> Facts {
        let at_start = facts.clone();
        let mut facts = facts;
        let mut written = None;
        for stmt in stmts {
            if matches!(self.func.node(*stmt).op, Op::Label(_)) {
                let written = written.get_or_insert_with(|| self.func.written_locals(stmts));
                facts = at_start.iter().filter(|fact| !written.contains(&fact.local())).copied().collect();
            }
            facts = self.stmt(*stmt, facts);
        }
        facts
    }

    /// The facts after `id` runs, given those before.
    fn stmt(&mut self, id: NodeId, facts: Facts) -> Facts {
        let node = self.func.node(id);
        let mut facts = self.list(&node.init, facts);
        match &node.op {
            Op::If { cond, then, els } => {
                facts.extend(self.expr(*cond, &facts));
                let after_then = self.list(then, facts.union(&self.condition(*cond, true)).copied().collect());
                let after_else = self.list(els, facts.union(&self.condition(*cond, false)).copied().collect());
                // Only one branch reaches what follows when the other
                // leaves, or is never taken (`constbranch`).
                match (self.func.leaves(then), self.func.leaves(els), &self.func.node(*cond).op) {
                    (_, _, Op::Const { value: ConstValue::Bool(true), .. }) => after_then,
                    (_, _, Op::Const { value: ConstValue::Bool(false), .. }) => after_else,
                    (true, false, _) => after_else,
                    (false, true, _) => after_then,
                    _ => self.without_written(facts, id),
                }
            }
            Op::For { cond, post, body, .. } => {
                let mut inside = self.without_written(facts, id);
                let mut after = inside.clone();
                if let Some(cond) = cond {
                    let dereferenced = self.expr(*cond, &inside);
                    // Leaving through the condition only, the loop leaves
                    // what its last evaluation proved.
                    if !self.func.may_leave_loop(body) {
                        after.extend(dereferenced.iter().copied());
                        after.extend(self.condition(*cond, false));
                    }
                    inside.extend(dereferenced);
                    inside.extend(self.condition(*cond, true));
                }
                self.list(body, inside);
                if let Some(post) = post {
                    self.stmt(*post, after.clone());
                }
                after
            }
            Op::Range { x, body, .. } => {
                facts.extend(self.expr(*x, &facts));
                let inside = self.without_written(facts.clone(), id);
                let mut after = inside.clone();
                if let Some(checked_before_loop) = self.array_pointer_range(id) {
                    if self.not_nil(*x, &inside) {
                        self.proved.push(id);
                    }
                    if checked_before_loop {
                        facts.extend(self.pointer_fact(*x));
                        after = self.without_written(facts, id);
                    }
                }
                self.list(body, inside);
                after
            }
            Op::Select { cases, .. } => {
                let inside = self.without_written(facts, id);
                for case in cases {
                    if let Some(comm) = case.comm {
                        self.stmt(comm, inside.clone());
                    }
                    self.list(&case.body, inside.clone());
                }
                inside
            }
            Op::Switch { tag, cases, .. } => {
                if let Some(tag) = tag {
                    facts.extend(self.expr(*tag, &facts));
                }
                let inside = self.without_written(facts, id);
                for case in cases {
                    for value in &case.values {
                        self.expr(*value, &inside);
                    }
                    self.list(&case.body, inside.clone());
                }
                inside
            }
            Op::Block(stmts) => self.list(stmts, facts),
            Op::Branch { op: BranchOp::Goto, label: Some(label) } => {
                let at_goto = match self.gotos.remove(label) {
                    Some(known) => known.intersection(&facts).copied().collect(),
                    None => facts.clone(),
                };
                self.gotos.insert(label.clone(), at_goto);
                facts
            }
            _ => {
                let dereferenced = self.expr_children(id, &facts);
                let before = facts.clone();
                facts.extend(dereferenced);
                let mut facts = self.without_written(facts, id);
                match &node.op {
                    Op::Assign { lhs, rhs: Some(rhs), .. } => self.assigned(*lhs, *rhs, &before, &mut facts),
                    Op::Assign2 { lhs, rhs, .. } if lhs.len() == rhs.len() => {
                        for (l, r) in lhs.iter().zip(rhs) {
                            if let Some(l) = l {
                                self.assigned(*l, *r, &before, &mut facts);
                            }
                        }
                    }
                    _ => {}
                }
                facts
            }
        }
    }

    /// The locals `cond` being `truth` proves not to be nil: `p != nil`
    /// (gc's IsNonNil branches), through `&&`, `||` and `!`.
    fn condition(&self, cond: NodeId, truth: bool) -> Facts {
        let mut facts = Facts::new();
        match &self.func.node(cond).op {
            Op::Binary(op @ (BinOp::Eq | BinOp::Ne), x, y) if (*op == BinOp::Ne) == truth => {
                let is_nil = |id: NodeId| matches!(self.func.node(id).op, Op::Nil);
                let tested = match (is_nil(*x), is_nil(*y)) {
                    (false, true) => *x,
                    (true, false) => *y,
                    _ => return facts,
                };
                facts.extend(self.func.private_local(tested).map(Fact::NotNil));
            }
            Op::Binary(BinOp::AndAnd, x, y) if truth => {
                facts.extend(self.condition(*x, true));
                facts.extend(self.condition(*y, true));
            }
            Op::Binary(BinOp::OrOr, x, y) if !truth => {
                facts.extend(self.condition(*x, false));
                facts.extend(self.condition(*y, false));
            }
            Op::Unary(UnOp::Not, x) => facts = self.condition(*x, !truth),
            _ => {}
        }
        facts
    }

    /// `lhs = rhs` made `lhs` a local known not to be nil when `rhs` is such a pointer.
    fn assigned(&self, lhs: NodeId, rhs: NodeId, before: &Facts, facts: &mut Facts) {
        if let Some(local) = self.func.private_local(lhs) {
            if self.not_nil(rhs, before) {
                facts.insert(Fact::NotNil(local));
            }
        }
    }

    /// Whether pointer `id` is known not to be nil: an address (gc's SSA
    /// takes every Addr and OffPtr for non-nil), `new`, or a local or an
    /// asserted interface's data word `facts` holds.
    fn not_nil(&self, id: NodeId, facts: &Facts) -> bool {
        match &self.func.node(id).op {
            Op::Addr(_) | Op::New => true,
            Op::Conv(ConvKind::Nop, x) => self.not_nil(*x, facts),
            _ => self.pointer_fact(id).is_some_and(|fact| facts.contains(&fact)),
        }
    }

    /// What a dereference of pointer `id` proves: a private local, or the
    /// data word of a private interface local it asserts, is not nil.
    fn pointer_fact(&self, id: NodeId) -> Option<Fact> {
        match self.func.node(id).op {
            Op::TypeAssert { x, comma_ok: false } => self.func.private_local(x).map(Fact::DataNotNil),
            _ => self.func.private_local(id).map(Fact::NotNil),
        }
    }

    /// Marks the checks `facts` make needless under `id` and returns the
    /// locals that evaluating `id` always dereferences.
    fn expr(&mut self, id: NodeId, facts: &Facts) -> Facts {
        let node = self.func.node(id);
        if !node.init.is_empty() {
            let after_init = self.list(&node.init, facts.clone());
            return self.expr_op(id, &after_init);
        }
        self.expr_op(id, facts)
    }

    /// `expr` without the node's init statements.
    fn expr_op(&mut self, id: NodeId, facts: &Facts) -> Facts {
        let node = self.func.node(id);
        match &node.op {
            Op::Binary(op @ (BinOp::AndAnd | BinOp::OrOr), left, right) => {
                let dereferenced = self.expr(*left, facts);
                let mut inner = facts.clone();
                inner.extend(dereferenced.iter().copied());
                inner.extend(self.condition(*left, *op == BinOp::AndAnd));
                self.expr(*right, &inner);
                dereferenced
            }
            // The inlined body ends at the label its returns go to, which
            // nothing jumps back to: what holds there held at each return.
            Op::InlinedCall { body, .. } => {
                let Some((end, stmts)) = body.split_last() else { return Facts::new() };
                let Op::Label(label) = &self.func.node(*end).op else {
                    self.list(body, facts.clone());
                    return Facts::new();
                };
                let after = self.list(stmts, facts.clone());
                let returned = self.gotos.remove(label);
                match (returned, self.func.leaves(stmts)) {
                    (Some(returned), false) => returned.intersection(&after).copied().collect(),
                    (Some(returned), true) => returned,
                    (None, _) => after,
                }
            }
            // A call through an interface loads from its itab; its
            // method value checks the itab.
            Op::Deref(p) | Op::FieldPtr(p, _) | Op::IfaceMethodValue { x: p, .. } => {
                let mut dereferenced = self.expr_children(id, facts);
                if self.not_nil(*p, facts) {
                    self.proved.push(id);
                }
                dereferenced.extend(self.pointer_fact(*p));
                dereferenced
            }
            Op::DotInter { x: p, .. } => {
                let mut dereferenced = self.expr_children(id, facts);
                let called_through = self.func.private_local(*p).map(Fact::CalledThrough);
                if called_through.is_some_and(|fact| facts.contains(&fact)) {
                    self.proved.push(id);
                }
                dereferenced.extend(called_through);
                dereferenced
            }
            _ => self.expr_children(id, facts),
        }
    }

    /// `expr` of the operands of `id` (not its init statements), in order:
    /// what one dereferences holds for the next, unless that one holds
    /// something gc's order pass evaluates ahead of the statement (a call,
    /// `&&`, `len`...).
    fn expr_children(&mut self, id: NodeId, facts: &Facts) -> Facts {
        let node = self.func.node(id);
        let mut out = Facts::new();
        for child in node.operands() {
            let known = if self.evaluated_early(child) { facts.clone() } else { facts.union(&out).copied().collect() };
            out.extend(self.expr(child, &known));
        }
        out
    }

    fn evaluated_early(&self, id: NodeId) -> bool {
        self.func.is_order_temporary(self.types, id) || self.func.node(id).children().into_iter().any(|c| self.evaluated_early(c))
    }

    /// Whether range statement `id` reads the elements of a non-empty array
    /// through a pointer, which gc's walkRange checks: Some(true) when it
    /// takes the first element's address before the loop (an element of a
    /// size other than 1, 2, 4 or 8 bytes: not cheapComputableIndex), whose
    /// check then holds after it; Some(false) when it indexes the array in
    /// the loop.
    fn array_pointer_range(&self, id: NodeId) -> Option<bool> {
        let Op::Range { x, value: Some(value), .. } = self.func.node(id).op else { return None };
        if matches!(self.func.node(value).op, Op::Blank) {
            return None;
        }
        let elem = self.types.pointer_elem(self.func.node(x).ty)?;
        let TypeKind::Array(len, elem) = self.types.under(elem) else { return None };
        (*len > 0).then(|| !matches!(self.types.size(*elem), 1 | 2 | 4 | 8))
    }

    fn without_written(&self, mut facts: Facts, id: NodeId) -> Facts {
        let written = self.func.written_locals(&[id]);
        facts.retain(|fact| !written.contains(&fact.local()));
        facts
    }
}
