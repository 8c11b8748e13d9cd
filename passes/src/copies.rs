//! Large copies: the moves of 128 bytes or more that gc's SSA back end
//! lowers and logs (`-json`'s `copy` records, "N bytes"). gc makes a Move
//! for each value too big for registers that goes from memory to memory:
//! an assignment from a variable, a field, an element, a pointer, a map
//! or a call's result; an argument or a result passed on the stack; the
//! copy a `range` over an array makes of it, and each large key or value
//! a range assigns; a literal copied from its read-only static image (an
//! array or struct of more than 4 entries, a slice too big for stores, a
//! literal of constants used as a value) or built in a temporary; the
//! temporaries order.go and walk make (a call's result in an expression,
//! a type assertion, `v, ok :=` forms, a multi-value call's results, a
//! map key or an interface's value it must take the address of, an
//! argument that may panic); an interface's stack copy of a value; a
//! deferred call's argument, copied at the defer and again at the call.
//! gc's rewrite rules turn a Move from memory just zeroed and given at
//! most 4 stores at constant offsets into those stores on the destination
//! (`Fresh`), and that Move is not logged. An assignment that may overlap
//! an array it reads calls memmove instead, unless the two are told apart
//! (`copy_into`); SSA construction logs that with the whole size, where
//! the lowering of a Move logs what its wide moves cover.

use ::ir::*;

/// gc logs copies of this many bytes or more (ssa's logLargeCopy).
const LARGE: u64 = 128;

/// The most stores after a zeroing that gc's rules move to a Move's destination.
const MAX_FORWARDED_STORES: u32 = 4;

/// gc puts a non-escaping value converted to an interface in a stack
/// temporary up to this size (walk's dataWord).
const MAX_STACK_CONVERSION: u64 = 1024;

/// gc builds a slice literal of up to this many bytes with stores
/// (ir.MaxSmallArraySize), without a static image.
const MAX_SMALL_ARRAY: u64 = 256;

/// A copy gc's back end logs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LargeCopy {
    pub pos: Pos,
    /// Positions inside inlined callees, outermost first.
    pub inlined: Vec<Pos>,
    pub bytes: u64,
    /// Made by calling memmove, which SSA construction logs; lowering logs
    /// the others.
    pub memmove: bool,
}

/// The large copies of every function with a body gc compiles, function
/// by function, as gc logs them for `goarch` (`amd64` or `arm64`).
pub fn large_copies(pkg: &Package, goarch: &str) -> Vec<LargeCopy> {
    let mut out = Vec::new();
    let arm64 = goarch == "arm64";
    for (i, func) in pkg.funcs.iter().enumerate().filter(|(_, f)| f.has_body && f.gc_compiles()) {
        let in_package_init = pkg.init == Some(FuncId(i as u32));
        let mut walk = Walk { func, types: &pkg.types, arm64, in_package_init, fresh: None, assigned: None, out: &mut out };
        walk.stmts(&func.body);
    }
    out
}

/// The bytes gc logs for a Move of `size` bytes: amd64 lowers the tail
/// that 16-byte moves leave (arm64: 8-byte moves) on its own, and logs
/// the rest.
fn lowered_move(size: u64, arm64: bool) -> u64 {
    let wide = if arm64 { 8 } else { 16 };
    size - size % wide
}

/// Memory that, since it was zeroed, holds only the stores counted, the
/// last thing written: what a Move from it reads is known to gc's rules.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Fresh {
    built: Built,
    stores: u32,
}

/// What fresh memory is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Built {
    Local(LocalId),
    /// The temporary gc builds a literal in.
    Literal(NodeId),
}

struct Walk<'a> {
    func: &'a Func,
    types: &'a TypeTable,
    arm64: bool,
    /// Walking the package initializer.
    in_package_init: bool,
    /// The right side being assigned, and the assignment: gc builds a
    /// literal at the assignment's position, and stores a call's result
    /// in a variable without a temporary.
    assigned: Option<(NodeId, NodeId)>,
    /// The variable the memory state last written holds, as gc's rules see it.
    fresh: Option<Fresh>,
    out: &'a mut Vec<LargeCopy>,
}

impl Walk<'_> {
    fn stmts(&mut self, stmts: &[NodeId]) {
        for &id in stmts {
            self.stmt(id);
        }
    }

    fn stmt(&mut self, id: NodeId) {
        let node = self.func.node(id);
        self.stmts(&node.init);
        match &node.op {
            Op::Decl(_) | Op::DeclType | Op::DeclConst | Op::Blank => {}
            Op::Assign { lhs, rhs, define } => self.assign(id, *lhs, *rhs, *define),
            Op::Assign2 { lhs, rhs, .. } => {
                for &r in rhs {
                    self.expr(r);
                }
                for l in lhs.iter().flatten() {
                    self.target(*l);
                }
                if rhs.len() == lhs.len() {
                    // walk's ascompatee makes an assignment of each pair.
                    for (l, r) in lhs.iter().zip(rhs) {
                        if let Some(l) = l {
                            self.store(id, *l, Some(*r), false);
                        }
                    }
                } else if let [tuple] = rhs.as_slice() {
                    if matches!(self.func.node(*tuple).op, Op::Call { .. }) {
                        // order.go's as2func: each result to a temporary,
                        // then to its variable.
                        let assigned: Vec<TypeId> =
                            lhs.iter().flatten().filter(|l| !self.is_blank(**l)).map(|l| self.func.node(*l).ty).collect();
                        for ty in assigned {
                            self.record_move(id, ty);
                            self.record_move(id, ty);
                        }
                    } else if let Some(Some(value)) = lhs.first() {
                        self.comma_ok_copies(id, *value, *tuple);
                    }
                }
                if !lhs.iter().flatten().all(|l| self.is_register_local(*l)) {
                    self.fresh = None;
                }
            }
            Op::AssignOp { lhs, rhs, .. } => {
                self.expr(*rhs);
                self.target(*lhs);
                if !self.is_register_local(*lhs) {
                    self.fresh = None;
                }
            }
            Op::ExprStmt(x) if matches!(self.func.node(*x).op, Op::Call { .. }) => self.call(*x, false),
            Op::ExprStmt(x) => self.expr(*x),
            Op::Block(stmts) => self.stmts(stmts),
            Op::If { cond, then, els } => {
                self.expr(*cond);
                for branch in [then, els] {
                    self.fresh = None;
                    self.stmts(branch);
                }
                self.fresh = None;
            }
            Op::For { cond, post, body, .. } => {
                self.fresh = None;
                if let Some(cond) = cond {
                    self.expr(*cond);
                }
                self.stmts(body);
                if let Some(post) = post {
                    self.stmt(*post);
                }
                self.fresh = None;
            }
            Op::Range { key, value, x, body, .. } => {
                self.expr(*x);
                self.range_copies(id, *key, *value, *x);
                self.fresh = None;
                self.stmts(body);
                self.fresh = None;
            }
            Op::Delete(m, key) => {
                self.expr(*m);
                self.expr(*key);
                self.map_key(id, *key);
                self.fresh = None;
            }
            Op::Defer(call) | Op::Go(call) => {
                // The operands are copied to temporaries now, and from
                // those to the call made later.
                if let Op::Call { callee, args, .. } = &self.func.node(*call).op {
                    self.expr(*callee);
                    for &a in args {
                        self.expr(a);
                    }
                    self.arguments(*call, args, false);
                    for &a in args {
                        self.record_move(*call, self.func.node(a).ty);
                    }
                } else {
                    self.expr(*call);
                }
                self.fresh = None;
            }
            Op::Return(values) => {
                for &v in values {
                    self.expr(v);
                }
                for &v in values {
                    // walk assigns the results, building a literal in place.
                    if self.is_fixed_literal(v) {
                        self.literal_in_place(id, v);
                    } else {
                        self.copy_from(id, v);
                    }
                }
                self.fresh = None;
            }
            _ => {
                for child in node.children() {
                    // A statement has no type; the values of a switch's
                    // cases or a send have one.
                    if self.func.node(child).ty == INVALID {
                        self.fresh = None;
                        self.stmt(child);
                    } else {
                        self.expr(child);
                    }
                }
                self.fresh = None;
            }
        }
    }

    /// The copies `for key, value := range x` makes: of an array ranged
    /// over with its values (order.go's copy), and of each large key and
    /// value it assigns.
    fn range_copies(&mut self, id: NodeId, key: Option<NodeId>, value: Option<NodeId>, x: NodeId) {
        let used = |v: Option<NodeId>| v.filter(|v| !self.is_blank(*v));
        let (key, value) = (used(key), used(value));
        let (elem_key, elem) = match self.types.under(self.func.node(x).ty) {
            TypeKind::Array(_, elem) => {
                if value.is_some() {
                    self.copy_from(id, x);
                }
                (None, value.map(|_| *elem))
            }
            TypeKind::Pointer(p) => match self.types.under(*p) {
                TypeKind::Array(_, elem) => (None, value.map(|_| *elem)),
                _ => (None, None),
            },
            TypeKind::Slice(elem) => (None, value.map(|_| *elem)),
            TypeKind::Map(k, v) => (key.map(|_| *k), value.map(|_| *v)),
            TypeKind::Chan(_, elem) => (key.map(|_| *elem), None),
            _ => (None, None),
        };
        for ty in [elem_key, elem].into_iter().flatten() {
            self.record_move(id, ty);
        }
    }

    /// `value, ok := m[k]`, `v, ok := x.(T)` or `v, ok := <-c`: the value
    /// comes through a temporary, from the map and the interface by two
    /// Moves, from the channel by one.
    fn comma_ok_copies(&mut self, id: NodeId, value: NodeId, tuple: NodeId) {
        if self.is_blank(value) {
            return;
        }
        let ty = self.func.node(value).ty;
        let moves = match self.func.node(tuple).op {
            Op::IndexMap { comma_ok: true, .. } | Op::TypeAssert { comma_ok: true, .. } => 2,
            Op::Recv { comma_ok: true, .. } => 1,
            _ => 0,
        };
        for _ in 0..moves {
            self.record_move(id, ty);
        }
    }

    fn is_blank(&self, id: NodeId) -> bool {
        matches!(self.func.node(id).op, Op::Blank)
    }

    /// `lhs = rhs`, or `lhs` zeroed when `rhs` is None.
    fn assign(&mut self, id: NodeId, lhs: NodeId, rhs: Option<NodeId>, define: bool) {
        if let Some(rhs) = rhs {
            self.assigned = Some((rhs, id));
            self.expr(rhs);
            self.assigned = None;
        }
        self.target(lhs);
        self.store(id, lhs, rhs, define);
    }

    /// The copy statement `id` makes storing `rhs` (zeros when None) in
    /// `lhs`, and what memory it leaves fresh.
    fn store(&mut self, id: NodeId, lhs: NodeId, rhs: Option<NodeId>, define: bool) {
        let target = self.func.node(lhs);
        if matches!(target.op, Op::Blank) {
            return;
        }
        let zeroed = match (rhs, &target.op) {
            (None, Op::Local(l)) => Some(Fresh { built: Built::Local(*l), stores: 0 }),
            (Some(rhs), Op::Local(l)) if self.is_literal_target(*l, rhs) => {
                self.literal_in_place(id, rhs).map(|stores| Fresh { built: Built::Local(*l), stores })
            }
            // Static initialization lays out a package variable's literal.
            (Some(rhs), Op::Global(_)) if self.in_package_init && self.is_fixed_literal(rhs) => None,
            (Some(rhs), Op::IndexMap { .. }) => {
                // mapassign's call comes between the value and its Move.
                self.fresh = None;
                self.copy_into(id, lhs, rhs, define);
                None
            }
            (Some(rhs), _) => {
                self.copy_into(id, lhs, rhs, define);
                None
            }
            (None, _) => None,
        };
        self.fresh = match (zeroed, self.stored_into(lhs, rhs)) {
            (Some(fresh), _) => Some(fresh),
            (None, Some(local)) => match self.fresh {
                Some(fresh) if fresh.built == Built::Local(local) => Some(Fresh { stores: fresh.stores + 1, ..fresh }),
                _ => None,
            },
            (None, None) if self.is_register_local(lhs) => self.fresh,
            (None, None) => None,
        };
    }

    /// The variable `lhs` is a register-sized part of at a constant offset,
    /// when `rhs` has no effect on memory.
    fn stored_into(&self, lhs: NodeId, rhs: Option<NodeId>) -> Option<LocalId> {
        let rhs = rhs?;
        if !self.registerizable(self.func.node(lhs).ty) || self.has_call(rhs) {
            return None;
        }
        let root = self.address_root(lhs, true).filter(|root| *root != lhs)?;
        match self.func.node(root).op {
            Op::Local(l) => Some(l),
            _ => None,
        }
    }

    /// The variable (or literal) `id` is part of, through fields and array
    /// elements, at constant indexes only when `constant_offsets`: what
    /// SSA addresses `id` from, plus offsets.
    fn address_root(&self, id: NodeId, constant_offsets: bool) -> Option<NodeId> {
        match &self.func.node(id).op {
            Op::Local(_) | Op::Global(_) | Op::CompositeLit(_) => Some(id),
            Op::Field(x, _) => self.address_root(*x, constant_offsets),
            Op::Index(x, i)
                if matches!(self.types.under(self.func.node(*x).ty), TypeKind::Array(..))
                    && (!constant_offsets || matches!(self.func.node(*i).op, Op::Const { .. })) =>
            {
                self.address_root(*x, constant_offsets)
            }
            _ => None,
        }
    }

    /// Whether `root` is a variable on the stack.
    fn is_stack_variable(&self, root: NodeId) -> bool {
        matches!(self.func.node(root).op, Op::Local(l) if !self.func.local(l).on_heap)
    }

    /// The register-sized stores gc makes for literal `lit` after zeroing
    /// its variable: one per entry, nested literals by their entries, and
    /// a string, interface, slice or complex number by its words.
    fn literal_stores(&self, lit: NodeId) -> u32 {
        let node = self.func.node(lit);
        match &node.op {
            Op::CompositeLit(entries) if self.is_fixed_literal(lit) => entries.iter().map(|(_, v)| self.literal_stores(*v)).sum(),
            _ => match self.types.under(node.ty) {
                TypeKind::Basic(Basic::String) | TypeKind::Interface(_) => 2,
                TypeKind::Basic(b) if b.is_complex() => 2,
                TypeKind::Slice(_) => 3,
                _ => 1,
            },
        }
    }

    /// Literal `lit` built right in the variable statement `at` assigns:
    /// with more than 4 entries, gc's anylit copies a static image of it
    /// in (a Zero when the image is all zeros); otherwise it zeroes the
    /// variable and stores each entry, and this gives how many stores.
    fn literal_in_place(&mut self, at: NodeId, lit: NodeId) -> Option<u32> {
        let Op::CompositeLit(entries) = &self.func.node(lit).op else { return None };
        if entries.len() <= 4 {
            return Some(self.literal_stores(lit));
        }
        if self.has_nonzero_constant(lit) {
            let pos = self.literal_pos(lit, self.func.node(at).pos);
            self.record_at(pos, self.func.node(at), lowered_move(self.types.size(self.func.node(lit).ty), self.arm64));
        }
        None
    }

    /// Whether gc's oaslit builds array or struct literal `lit` right in
    /// `local` (`literal_in_place`): a variable on the stack whose address
    /// is not taken.
    fn is_literal_target(&self, local: LocalId, lit: NodeId) -> bool {
        self.is_fixed_literal(lit) && self.func.local(local).is_private()
    }

    /// Whether `id` is an array or struct literal.
    fn is_fixed_literal(&self, id: NodeId) -> bool {
        let node = self.func.node(id);
        matches!(node.op, Op::CompositeLit(_)) && matches!(self.types.under(node.ty), TypeKind::Array(..) | TypeKind::Struct(_))
    }

    fn is_static_literal(&self, id: NodeId) -> bool {
        self.func.is_static_literal(self.types, id)
    }

    fn has_nonzero_constant(&self, id: NodeId) -> bool {
        match &self.func.node(id).op {
            Op::Const { value, .. } => !is_zero(value),
            Op::CompositeLit(entries) => entries.iter().any(|(_, v)| self.has_nonzero_constant(*v)),
            _ => false,
        }
    }

    /// Whether gc's getdyn finds a constant in literal `id`: one of its
    /// entries, or of a nested array or struct literal's.
    fn has_constant(&self, id: NodeId) -> bool {
        let Op::CompositeLit(entries) = &self.func.node(id).op else { return false };
        entries.iter().any(|(_, v)| match &self.func.node(*v).op {
            Op::Const { .. } => true,
            Op::CompositeLit(_) => !matches!(self.types.under(self.func.node(*v).ty), TypeKind::Slice(_)) && self.has_constant(*v),
            _ => false,
        })
    }

    /// Where gc is when it copies the static image of literal `lit`, laid
    /// out from `base`: at the last struct field it laid out.
    fn literal_pos(&self, lit: NodeId, base: Pos) -> Pos {
        let node = self.func.node(lit);
        let Op::CompositeLit(entries) = &node.op else { return base };
        let is_struct = matches!(self.types.under(node.ty), TypeKind::Struct(_));
        entries.iter().fold(base, |at, (key, v)| {
            let value = self.func.node(*v);
            // gc is at a struct field's element: its `:`, or its value.
            let field = match key {
                LitKey::Field { colon: Some(colon), .. } => *colon,
                _ => value.pos,
            };
            match value.op {
                Op::CompositeLit(_) if !matches!(self.types.under(value.ty), TypeKind::Slice(_)) => {
                    self.literal_pos(*v, if is_struct { field } else { at })
                }
                _ if is_struct => field,
                _ => at,
            }
        })
    }

    /// A slice literal gc copies from a static image: too big to build
    /// with stores, not mostly implicit zeros, with a constant in it. The
    /// copy goes to the stack, or through memmove to the heap.
    fn slice_literal(&mut self, id: NodeId) {
        let node = self.func.node(id);
        let (Op::CompositeLit(entries), TypeKind::Slice(elem)) = (&node.op, self.types.under(node.ty)) else { return };
        let elem_size = self.types.size(*elem);
        let len = LitKey::slice_len(entries);
        let small = elem_size == 0 || len <= MAX_SMALL_ARRAY / elem_size;
        if small || len / 4 > entries.len() as u64 || !self.has_constant(id) {
            return;
        }
        let base = match self.assigned {
            Some((lit, assign)) if lit == id => self.func.node(assign).pos,
            _ => node.pos,
        };
        let size = len * elem_size;
        let at = self.literal_pos(id, base);
        if node.escapes {
            self.record_memmove(at, node, size);
        } else {
            self.record_at(at, node, lowered_move(size, self.arm64));
        }
    }

    /// Records the Move statement or call `at` makes of `value` (from
    /// memory, or a literal) when it is large, unless gc's rules turn it
    /// into stores.
    fn copy_from(&mut self, at: NodeId, value: NodeId) {
        let ty = self.func.node(value).ty;
        if self.types.size(ty) < LARGE {
            return;
        }
        let built = match self.func.node(value).op {
            // A literal of constants is read from its read-only image (a
            // Zero when that is all zeros); another is built in a temporary.
            Op::CompositeLit(_) if self.is_static_literal(value) => {
                if self.has_nonzero_constant(value) {
                    self.record_move(at, ty);
                }
                return;
            }
            Op::CompositeLit(_) if self.is_fixed_literal(value) => Built::Literal(value),
            Op::Local(l) if self.in_memory(value) => Built::Local(l),
            _ if self.in_memory(value) => {
                self.record_move(at, ty);
                return;
            }
            _ => return,
        };
        let forwarded = self.fresh.is_some_and(|fresh| fresh.built == built && fresh.stores <= MAX_FORWARDED_STORES);
        if !forwarded {
            self.record_move(at, ty);
        }
    }

    /// The copy assignment `at` makes of `rhs` into `lhs`. ssagen lets an
    /// array assignment that may overlap (not a definition, not between
    /// two variables, not of a call's result) call memmove unless amd64
    /// tells the two places apart and the array is under 1024 bytes.
    fn copy_into(&mut self, at: NodeId, lhs: NodeId, rhs: NodeId, define: bool) {
        let ty = self.func.node(lhs).ty;
        let size = self.types.size(ty);
        let names = |id: NodeId| matches!(self.func.node(id).op, Op::Local(_) | Op::Global(_));
        let may_overlap = !(define || names(lhs) && names(rhs) || matches!(self.func.node(rhs).op, Op::Call { .. }));
        let array = matches!(self.types.under(ty), TypeKind::Array(n, _) if *n > 1);
        let apart = !self.arm64 && size < 1024 && self.is_direct(lhs) && self.is_direct(rhs);
        let from_memory = self.in_memory(rhs) || self.is_fixed_literal(rhs);
        if may_overlap && array && !apart && from_memory {
            self.record_memmove(self.func.node(at).pos, self.func.node(at), size);
        } else if !self.is_self_copy(lhs, rhs) {
            self.copy_from(at, rhs);
        }
    }

    /// Whether `lhs = rhs` copies a variable onto itself (`v = v`, or
    /// `*p = v` where p is only ever `&v`, an inlined call's parameter):
    /// gc's rules drop a Move to its own source.
    fn is_self_copy(&self, lhs: NodeId, rhs: NodeId) -> bool {
        let target = match self.func.node(lhs).op {
            Op::Deref(p) => {
                let p = crate::constbranch::defining_value(self.func, p, |op| matches!(op, Op::Addr(_) | Op::Local(_)));
                let Op::Addr(v) = self.func.node(p).op else { return false };
                v
            }
            _ => lhs,
        };
        match (&self.func.node(target).op, &self.func.node(rhs).op) {
            (Op::Local(a), Op::Local(b)) => a == b,
            (Op::Global(a), Op::Global(b)) => a == b,
            _ => false,
        }
    }

    /// Whether SSA addresses `id` from a variable's or the stack's base,
    /// where gc's disjoint tells two apart (a literal's temporary or
    /// read-only image too).
    fn is_direct(&self, id: NodeId) -> bool {
        self.address_root(id, true).is_some_and(|root| !matches!(self.func.node(root).op, Op::Local(_)) || self.is_stack_variable(root))
    }

    /// Records a Move of a value of type `ty` that statement or call `at` makes.
    fn record_move(&mut self, at: NodeId, ty: TypeId) {
        let node = self.func.node(at);
        self.record_at(node.pos, node, lowered_move(self.types.size(ty), self.arm64));
    }

    /// Records a Move of `bytes` at `pos`, in the inlined code `at` is in.
    fn record_at(&mut self, pos: Pos, at: &Node, bytes: u64) {
        self.push(pos, at, bytes, false);
    }

    /// Records a memmove of `bytes` at `pos`, in the inlined code `at` is in.
    fn record_memmove(&mut self, pos: Pos, at: &Node, bytes: u64) {
        self.push(pos, at, bytes, true);
    }

    fn push(&mut self, pos: Pos, at: &Node, bytes: u64, memmove: bool) {
        if bytes >= LARGE {
            self.out.push(LargeCopy { pos, inlined: self.func.inlined_positions(at.inlined_from), bytes, memmove });
        }
    }

    /// An interface conversion of large value `x`: order.go copies `x` to
    /// take its address (`address_copies`), and walk puts a value that
    /// does not escape in a stack temporary.
    fn conversion(&mut self, id: NodeId, x: NodeId) {
        let node = self.func.node(id);
        let value = self.func.node(x);
        let size = self.types.size(value.ty);
        if size < LARGE || matches!(self.types.under(value.ty), TypeKind::Interface(_)) {
            return;
        }
        if self.is_static_literal(x) {
            // order.go makes it a read-only global, the data word's target.
            return;
        }
        if self.address_copies(x) {
            self.record_move(id, value.ty);
        }
        if !node.escapes && size <= MAX_STACK_CONVERSION {
            self.copy_from(id, x);
        }
    }

    /// The key of map operation `at`: the run time takes a large key by
    /// address, so order.go copies one it may not take the address of as
    /// it is (`address_copies`), and walk builds a literal in a temporary
    /// of its own, the copy's address being taken.
    fn map_key(&mut self, at: NodeId, key: NodeId) {
        let node = self.func.node(key);
        if self.types.size(node.ty) < LARGE {
            return;
        }
        if self.is_fixed_literal(key) {
            // delete builds the key in its temporary; a map index moves it
            // there from the literal's.
            if self.is_static_literal(key) || !matches!(self.func.node(at).op, Op::Delete(..)) {
                self.copy_from(at, key);
            }
            return;
        }
        if self.address_copies(key) {
            self.record_move(at, node.ty);
        }
    }

    /// Whether order.go's addrTemp copies `x` to take its address: unless
    /// it may take it as it is (isaddrokay: addressable, but not a named
    /// variable), or `x` is a temporary already (a call's result, a type
    /// assertion, a literal built in one).
    fn address_copies(&self, x: NodeId) -> bool {
        let node = self.func.node(x);
        let in_temporary = matches!(node.op, Op::Call { .. } | Op::TypeAssert { comma_ok: false, .. } | Op::CompositeLit(_));
        let addressable = self.is_addressable(x) && !matches!(node.op, Op::Local(_));
        !in_temporary && !addressable
    }

    fn is_addressable(&self, id: NodeId) -> bool {
        match &self.func.node(id).op {
            Op::Local(_) | Op::Global(_) | Op::Deref(_) | Op::FieldPtr(..) => true,
            Op::Field(x, _) => self.is_addressable(*x),
            Op::Index(x, _) => !matches!(self.types.under(self.func.node(*x).ty), TypeKind::Array(..)) || self.is_addressable(*x),
            _ => false,
        }
    }

    /// Whether the value of `id` is read from memory: a variable, a part of
    /// one, what a pointer points to, or a call's result.
    fn in_memory(&self, id: NodeId) -> bool {
        match &self.func.node(id).op {
            Op::Local(_) | Op::Global(_) | Op::Deref(_) | Op::FieldPtr(..) | Op::Index(..) => true,
            Op::Call { .. } | Op::InlinedCall { .. } | Op::TypeAssert { .. } | Op::IndexMap { .. } | Op::Recv { .. } => true,
            Op::Field(x, _) | Op::Conv(ConvKind::Nop, x) => self.in_memory(*x),
            _ => false,
        }
    }

    /// The expressions inside an assignment's target (indexes, pointers).
    fn target(&mut self, lhs: NodeId) {
        match &self.func.node(lhs).op {
            Op::Local(_) | Op::Global(_) | Op::Blank => {}
            Op::IndexMap { m, key, .. } => {
                self.expr(*m);
                self.expr(*key);
                self.map_key(lhs, *key);
            }
            _ => {
                for child in self.func.node(lhs).children() {
                    self.target_part(child);
                }
            }
        }
    }

    fn target_part(&mut self, id: NodeId) {
        match &self.func.node(id).op {
            Op::Field(..) | Op::Index(..) => self.target(id),
            _ => self.expr(id),
        }
    }

    fn expr(&mut self, id: NodeId) {
        let node = self.func.node(id);
        self.stmts(&node.init);
        match &node.op {
            Op::Closure(_) => {}
            Op::InlinedCall { body, .. } => self.stmts(body),
            Op::Conv(ConvKind::Iface, x) => {
                self.expr(*x);
                self.conversion(id, *x);
                self.fresh = None;
            }
            Op::CompositeLit(entries) => {
                for (_, v) in entries {
                    self.expr(*v);
                }
                self.slice_literal(id);
                if self.is_fixed_literal(id) && !self.is_static_literal(id) {
                    self.fresh = Some(Fresh { built: Built::Literal(id), stores: self.literal_stores(id) });
                }
            }
            Op::Call { .. } => self.call(id, !self.is_assigned_to_variable(id)),
            Op::TypeAssert { x, comma_ok: false } => {
                self.expr(*x);
                self.order_temporary(id);
            }
            Op::MapLit(entries) => {
                for (k, v) in entries {
                    self.expr(*k);
                    self.expr(*v);
                }
                // walk's maplit: each value goes to a temporary, then to
                // its slot, and one block move of the two is left.
                for (_, v) in entries {
                    let ty = self.func.node(*v).ty;
                    if self.types.size(ty) >= LARGE {
                        self.record_move(self.func.map_entry_site(self.types, id, *v), ty);
                    }
                }
                self.fresh = None;
            }
            Op::IndexMap { m, key, comma_ok } => {
                self.expr(*m);
                self.expr(*key);
                self.map_key(id, *key);
                // order.go reads the map right after converting a []byte
                // key (mapKeyReplaceStrConv), into a temporary.
                if !comma_ok && matches!(self.func.node(*key).op, Op::Conv(ConvKind::BytesToString, _)) {
                    self.order_temporary(id);
                }
                self.fresh = None;
            }
            _ => {
                for child in node.children() {
                    self.expr(child);
                }
                if writes_memory(&node.op) {
                    self.fresh = None;
                }
            }
        }
    }

    /// Call `id`: its large arguments go to the stack; `temporary`: order.go
    /// copies its result to a temporary (a result used in an expression).
    fn call(&mut self, id: NodeId, temporary: bool) {
        let Op::Call { callee, args, .. } = &self.func.node(id).op else { unreachable!("a call") };
        self.expr(*callee);
        for &a in args {
            self.expr(a);
        }
        self.arguments(id, args, true);
        self.fresh = None;
        if temporary {
            self.order_temporary(id);
        }
    }

    /// The Moves of call `id`'s large arguments; `marshaled`: walk puts
    /// them on the stack, first evaluating one that may panic into a
    /// temporary. A deferred call's go to temporaries instead, made where
    /// each is written, but a variable's at the call.
    fn arguments(&mut self, id: NodeId, args: &[NodeId], marshaled: bool) {
        for &a in args {
            if marshaled && self.may_panic(a) && !self.is_on_stack(a) {
                self.record_move(id, self.func.node(a).ty);
            }
            let named = matches!(self.func.node(a).op, Op::Local(_) | Op::Global(_));
            self.copy_from(if marshaled || named { id } else { a }, a);
            if self.types.size(self.func.node(a).ty) >= LARGE {
                // The next Move follows this one.
                self.fresh = None;
            }
        }
    }

    /// gc's mayCall, after order.go: whether evaluating `id` may panic (an
    /// index, a slice, a dereference, a type assertion, a division) or
    /// call; calls, and what else order.go evaluates into temporaries,
    /// are temporaries by then.
    fn may_panic(&self, id: NodeId) -> bool {
        let node = self.func.node(id);
        if self.func.is_order_temporary(self.types, id) {
            return false;
        }
        match node.op {
            Op::Index(..) | Op::Slice { .. } | Op::Deref(_) | Op::FieldPtr(..) | Op::TypeAssert { .. } => true,
            Op::Binary(BinOp::Div | BinOp::Mod, ..) | Op::Conv(ConvKind::SliceToArrayPtr, _) => true,
            _ => node.children().into_iter().any(|c| self.may_panic(c)),
        }
    }

    /// Whether `id` is in a variable on the stack: gc's rules copy it to
    /// its destination straight, and drop the temporary in between.
    fn is_on_stack(&self, id: NodeId) -> bool {
        self.address_root(id, false).is_some_and(|root| self.is_stack_variable(root))
    }

    /// Whether `id` is the right side of an assignment to a variable.
    fn is_assigned_to_variable(&self, id: NodeId) -> bool {
        let Some((rhs, assign)) = self.assigned else { return false };
        let Op::Assign { lhs, .. } = self.func.node(assign).op else { return false };
        rhs == id && matches!(self.func.node(lhs).op, Op::Local(_) | Op::Global(_))
    }

    /// order.go copies a call's result (but into a variable) and what a
    /// type assertion gives into a temporary: a Move when large.
    fn order_temporary(&mut self, id: NodeId) {
        let ty = self.func.node(id).ty;
        if !matches!(self.types.under(ty), TypeKind::Tuple(_)) {
            self.record_move(id, ty);
        }
    }

    fn has_call(&self, id: NodeId) -> bool {
        let node = self.func.node(id);
        !node.init.is_empty()
            || matches!(node.op, Op::Call { .. } | Op::InlinedCall { .. })
            || node.children().into_iter().any(|c| self.has_call(c))
    }

    /// A local gc keeps in registers: private and register-sized.
    fn is_register_local(&self, id: NodeId) -> bool {
        let node = self.func.node(id);
        match node.op {
            Op::Local(l) => self.func.local(l).is_private() && self.types.size(node.ty) <= 4 * 8,
            Op::Blank => true,
            _ => false,
        }
    }

    /// gc's registerizable: a pointer, a float, or an integer of at most a word.
    fn registerizable(&self, ty: TypeId) -> bool {
        match self.types.under(ty) {
            TypeKind::Basic(b) => *b != Basic::String && !b.is_complex(),
            TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) => true,
            _ => false,
        }
    }
}

/// Whether an expression calls the run time or writes memory, past
/// which gc's rules do not see what was stored before.
fn writes_memory(op: &Op) -> bool {
    matches!(
        op,
        Op::Conv(..)
            | Op::AddStr(_)
            | Op::New
            | Op::MakeSlice { .. }
            | Op::MakeMap { .. }
            | Op::MakeChan { .. }
            | Op::Append { .. }
            | Op::Copy(..)
            | Op::IndexMap { .. }
            | Op::Recv { .. }
            | Op::TypeAssert { .. }
            | Op::Closure(_)
            | Op::MethodValue { .. }
            | Op::IfaceMethodValue { .. }
            | Op::Recover
    )
}

/// Whether a constant is its type's zero value (static data of zeros).
fn is_zero(value: &ConstValue) -> bool {
    match value {
        ConstValue::Bool(b) => !b,
        ConstValue::Int(_) => value.as_int() == Some(0),
        ConstValue::Float(f) => f.is_zero(),
        ConstValue::Complex(re, im) => re.is_zero() && im.is_zero(),
        ConstValue::Str(s) => s.is_empty(),
    }
}
