//! The children of a node, in gc's evaluation order: one place that knows the
//! shape of every `Op`, used by the verifier, the dump and the passes; and
//! the locals a piece of code assigns.

use std::collections::HashSet;

use crate::ir::*;

impl Func {
    /// Whether a statement list never falls through its end (an inlined
    /// `return` is a block ending in a goto).
    pub fn leaves(&self, stmts: &[NodeId]) -> bool {
        stmts.last().is_some_and(|last| match &self.node(*last).op {
            Op::Return(_) | Op::Branch { .. } | Op::Panic(_) => true,
            Op::Block(stmts) => self.leaves(stmts),
            _ => false,
        })
    }

    /// Whether a loop's body can leave the loop other than through its
    /// condition (a `break` or `goto` anywhere in it, or a label a goto
    /// may reach).
    pub fn may_leave_loop(&self, body: &[NodeId]) -> bool {
        let mut todo = body.to_vec();
        while let Some(id) = todo.pop() {
            let node = self.node(id);
            if matches!(node.op, Op::Branch { op: BranchOp::Break | BranchOp::Goto, .. } | Op::Label(_)) {
                return true;
            }
            todo.extend(node.children());
        }
        false
    }

    /// The locals the statements (or expressions) assign or declare, at any
    /// depth: `x = ...`, `x op= ...`, range variables, declarations.
    pub fn written_locals(&self, stmts: &[NodeId]) -> HashSet<LocalId> {
        let mut out = HashSet::new();
        let mut todo = stmts.to_vec();
        while let Some(id) = todo.pop() {
            let node = self.node(id);
            let targets: Vec<NodeId> = match &node.op {
                Op::Decl(l) => {
                    out.insert(*l);
                    Vec::new()
                }
                Op::Assign { lhs, .. } | Op::AssignOp { lhs, .. } => vec![*lhs],
                Op::Assign2 { lhs, .. } => lhs.iter().flatten().copied().collect(),
                Op::Range { key, value, .. } => key.iter().chain(value).copied().collect(),
                _ => Vec::new(),
            };
            for target in targets {
                if let Op::Local(l) = self.node(target).op {
                    out.insert(l);
                }
            }
            todo.extend(node.children());
        }
        out
    }

    /// Every node of `stmts`, in pre-order, in the order gc's noder meets
    /// them: an assignment's right side before its left side, a range
    /// statement's variables before its operand, otherwise as `children`.
    pub fn source_order(&self, stmts: &[NodeId]) -> Vec<NodeId> {
        self.preorder(stmts, Node::source_children)
    }

    /// The nodes of `stmts` in `source_order`'s order of children, but
    /// each after its init statements and operands, as gc's walk finishes
    /// them (it walks a conversion's operand before it writes the itab).
    pub fn walk_order(&self, stmts: &[NodeId]) -> Vec<NodeId> {
        let mut out = Vec::new();
        for stmt in stmts {
            self.walk_into(*stmt, &mut out);
        }
        out
    }

    fn walk_into(&self, id: NodeId, out: &mut Vec<NodeId>) {
        for child in self.node(id).source_children() {
            self.walk_into(child, out);
        }
        out.push(id);
    }

    /// Every node of `stmts`, in pre-order, each node's children as
    /// `children` (gc's ir.VisitList: an assignment's target before its value).
    pub fn field_order(&self, stmts: &[NodeId]) -> Vec<NodeId> {
        self.preorder(stmts, Node::children)
    }

    /// Every node of `stmts`, in pre-order, each node's children in the
    /// order `children_of` lists them.
    fn preorder(&self, stmts: &[NodeId], children_of: impl Fn(&Node) -> Vec<NodeId>) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut todo: Vec<NodeId> = stmts.iter().rev().copied().collect();
        while let Some(id) = todo.pop() {
            out.push(id);
            todo.extend(children_of(self.node(id)).into_iter().rev());
        }
        out
    }

    /// The function literals written under `roots`, in pre-order, each once.
    pub fn literals_under(&self, roots: &[NodeId]) -> Vec<FuncId> {
        let mut out = Vec::new();
        let mut todo: Vec<NodeId> = roots.iter().rev().copied().collect();
        while let Some(id) = todo.pop() {
            let node = self.node(id);
            if let Op::Closure(f) = node.op {
                if !out.contains(&f) {
                    out.push(f);
                }
            }
            todo.extend(node.children().into_iter().rev());
        }
        out
    }

    /// Whether gc's order pass evaluates expression `id` into a temporary
    /// ahead of the rest of its statement, as it does a call: calls, and the
    /// builtins and conversions `walk/order.go` copies (`make` of slices and maps, `new`, `len`,
    /// `cap`, `copy`, `append`, `[]byte(s)`, `[]rune(s)`, `recover()`, and
    /// type assertions to types not stored in the interface word itself),
    /// and `&&` and `||`.
    pub fn is_order_temporary(&self, types: &TypeTable, id: NodeId) -> bool {
        let node = self.node(id);
        match &node.op {
            Op::Call { .. } | Op::InlinedCall { .. } => true,
            // `t = x; if t { t = y }` for `x && y`.
            Op::Binary(BinOp::AndAnd | BinOp::OrOr, ..) => true,
            Op::MakeSlice { .. }
            | Op::MakeMap { .. }
            | Op::New
            | Op::Len(_)
            | Op::Cap(_)
            | Op::Complex(..)
            | Op::Real(_)
            | Op::Imag(_)
            | Op::Copy(..)
            | Op::Append { .. }
            | Op::Recover
            | Op::Recv { comma_ok: false, .. } => true,
            Op::Conv(ConvKind::StringToBytes | ConvKind::StringToRunes, _) => true,
            Op::TypeAssert { comma_ok: false, .. } => !types.is_direct_iface(node.ty),
            _ => false,
        }
    }

    /// gc's isStaticCompositeLiteral: an array or struct literal of
    /// constants (at any depth), which walk reads from read-only data.
    pub fn is_static_literal(&self, types: &TypeTable, id: NodeId) -> bool {
        let node = self.node(id);
        match &node.op {
            Op::Const { .. } | Op::Nil => true,
            Op::CompositeLit(entries) if matches!(types.under(node.ty), TypeKind::Array(..) | TypeKind::Struct(_)) => {
                entries.iter().all(|(_, v)| self.is_static_literal(types, *v))
            }
            _ => false,
        }
    }

    /// Where walk's maplit stores `value`, an entry of map literal `lit`,
    /// into its slot: at the value when it is a static literal, else at
    /// the literal's brace.
    pub fn map_entry_site(&self, types: &TypeTable, lit: NodeId, value: NodeId) -> NodeId {
        let static_literal = matches!(self.node(value).op, Op::CompositeLit(_)) && self.is_static_literal(types, value);
        if static_literal {
            value
        } else {
            lit
        }
    }

    /// Whether `a` and `b` are the same chain of fields and dereferences
    /// from one variable.
    pub fn same_place(&self, a: NodeId, b: NodeId) -> bool {
        match (&self.node(a).op, &self.node(b).op) {
            (Op::Local(x), Op::Local(y)) => x == y,
            (Op::Global(x), Op::Global(y)) => x == y,
            (Op::Field(x, i), Op::Field(y, j)) | (Op::FieldPtr(x, i), Op::FieldPtr(y, j)) => i == j && self.same_place(*x, *y),
            (Op::Deref(x), Op::Deref(y)) => self.same_place(*x, *y),
            _ => false,
        }
    }

    /// gc's `ascompatee` for `lhs = rhs`, pair by pair: the pairs are
    /// assigned in order, each right side evaluated just before its target,
    /// except a right side an earlier pair's assignment may change, which is
    /// copied to a temporary before any assignment. Which right sides are
    /// copied early.
    pub fn copied_early(&self, types: &TypeTable, lhs: &[Option<NodeId>], rhs: &[NodeId]) -> Vec<bool> {
        let has_defer = || self.body.iter().any(|s| self.any_node(*s, &|n| matches!(n.op, Op::Defer(_))));
        let mut assigned = HashSet::new();
        let mut memory_written = false;
        let mut result_written = false;
        let mut early = Vec::new();
        for (target, value) in lhs.iter().zip(rhs) {
            early.push(
                result_written
                    || self.any_node(*value, &|n| {
                        matches!(n.op, Op::Local(l) if assigned.contains(&l)) || (memory_written && self.reads_memory(n))
                    }),
            );
            let Some(mut target) = *target else { continue };
            // Field selections and array elements assign their variable.
            loop {
                match self.node(target).op {
                    Op::Field(x, _) => target = x,
                    Op::Index(x, _) if matches!(types.under(self.node(x).ty), TypeKind::Array(..)) => target = x,
                    _ => break,
                }
            }
            match self.node(target).op {
                Op::Blank => {}
                Op::Local(l) if self.local(l).class == LocalClass::Result && has_defer() => result_written = true,
                Op::Local(l) if !self.reads_memory(self.node(target)) => {
                    assigned.insert(l);
                }
                _ => memory_written = true,
            }
        }
        early
    }

    /// gc's `readsMemory`: whether evaluating node `n` itself (not its
    /// operands) may read memory an assignment can change.
    pub fn reads_memory(&self, n: &Node) -> bool {
        use BinOp::*;
        match n.op {
            // A variable captured by reference is address-taken to gc.
            Op::Local(local) => !self.local(local).is_private(),
            Op::Binary(Add | And | AndAnd | AndNot | Div | Mod | Mul | Or | OrOr | Shl | Shr | Sub | Xor, ..) => false,
            Op::Unary(UnOp::Neg | UnOp::Plus | UnOp::BitNot, _) => false,
            Op::Func(_) | Op::Const { .. } | Op::Nil | Op::Field(..) | Op::TypeAssert { .. } => false,
            Op::Conv(ConvKind::Numeric | ConvKind::Nop | ConvKind::Iface, _) => false,
            _ => true,
        }
    }

    /// Whether `pred` holds for node `id` or any node under it.
    pub fn any_node(&self, id: NodeId, pred: &dyn Fn(&Node) -> bool) -> bool {
        let node = self.node(id);
        pred(node) || node.children().into_iter().any(|c| self.any_node(c, pred))
    }

    /// The local `id` names, when only assignments that name it can change it
    /// (see `Local::is_private`).
    pub fn private_local(&self, id: NodeId) -> Option<LocalId> {
        match self.node(id).op {
            Op::Local(l) if self.local(l).is_private() => Some(l),
            _ => None,
        }
    }
}

impl Node {
    /// The children in the order gc's noder meets them: an assignment's
    /// right side before its left side, a range statement's variables
    /// before its operand, otherwise as `children`.
    pub fn source_children(&self) -> Vec<NodeId> {
        match &self.op {
            Op::Assign { lhs, rhs, .. } => self.init.iter().chain(rhs).chain([lhs]).copied().collect(),
            Op::AssignOp { lhs, rhs, .. } => self.init.iter().chain([rhs, lhs]).copied().collect(),
            Op::Assign2 { lhs, rhs, .. } => self.init.iter().chain(rhs).chain(lhs.iter().flatten()).copied().collect(),
            Op::Range { key, value, x, body, .. } => self.init.iter().chain(key).chain(value).chain([x]).chain(body).copied().collect(),
            _ => self.children(),
        }
    }

    /// Every child node: init statements first, then operands and bodies in order.
    pub fn children(&self) -> Vec<NodeId> {
        let mut out = self.init.clone();
        self.op.for_each_child(|c| out.push(*c));
        out
    }

    /// The operands and bodies alone: the children after the init statements.
    pub fn operands(&self) -> Vec<NodeId> {
        let mut out = Vec::new();
        self.op.for_each_child(|c| out.push(*c));
        out
    }
}

/// The shape of every `Op`: which of its fields are child nodes, in order
/// (operands and bodies, in gc's evaluation order). `$iter` is `iter` or
/// `iter_mut`, so that one list of arms serves the read-only and the
/// mutable visitor; adding an op means adding its arm here.
macro_rules! each_child {
    ($op:expr, $f:ident, $iter:ident) => {
        match $op {
            Op::Local(_)
            | Op::Global(_)
            | Op::Func(_)
            | Op::Const { .. }
            | Op::Nil
            | Op::New
            | Op::Closure(_)
            | Op::Type
            | Op::Recover
            | Op::DeclType
            | Op::DeclConst
            | Op::Decl(_)
            | Op::Blank
            | Op::Label(_)
            | Op::Branch { .. } => {}
            Op::Binary(_, a, b)
            | Op::Index(a, b)
            | Op::Copy(a, b)
            | Op::Complex(a, b)
            | Op::AssignOp { lhs: a, rhs: b, .. }
            | Op::IndexMap { m: a, key: b, .. }
            | Op::Send { ch: a, value: b }
            | Op::Delete(a, b) => {
                $f(a);
                $f(b);
            }
            Op::Unary(_, a)
            | Op::Addr(a)
            | Op::Deref(a)
            | Op::Field(a, _)
            | Op::FieldPtr(a, _)
            | Op::Conv(_, a)
            | Op::Len(a)
            | Op::Cap(a)
            | Op::Real(a)
            | Op::Imag(a)
            | Op::ExprStmt(a)
            | Op::Panic(a)
            | Op::Defer(a)
            | Op::Go(a)
            | Op::Close(a)
            | Op::Recv { ch: a, .. }
            | Op::MakeChan { size: a }
            | Op::TypeAssert { x: a, .. }
            | Op::DotInter { x: a, .. }
            | Op::IfaceMethodValue { x: a, .. }
            | Op::TypeSwitchGuard { x: a, .. }
            | Op::MakeMap { hint: a }
            | Op::MethodValue { recv: a, .. } => $f(a),
            Op::AddStr(xs) | Op::Block(xs) | Op::Return(xs) | Op::Append { args: xs, .. } | Op::Print { args: xs, .. } => {
                xs.$iter().for_each(&mut $f)
            }
            Op::Slice { x, lo, hi, max } => {
                $f(x);
                lo.$iter().chain(hi.$iter()).chain(max.$iter()).for_each(&mut $f);
            }
            Op::Call { callee, args, .. } => {
                $f(callee);
                args.$iter().for_each(&mut $f);
            }
            Op::MapLit(entries) => {
                for (k, v) in entries.$iter() {
                    $f(k);
                    $f(v);
                }
            }
            Op::MakeSlice { len, cap } => {
                $f(len);
                cap.$iter().for_each(&mut $f);
            }
            Op::CompositeLit(elems) => elems.$iter().for_each(|(_, n)| $f(n)),
            Op::InlinedCall { body, results, .. } => body.$iter().chain(results.$iter()).for_each(&mut $f),
            Op::Assign { lhs, rhs, .. } => {
                $f(lhs);
                rhs.$iter().for_each(&mut $f);
            }
            Op::Assign2 { lhs, rhs, .. } => lhs.$iter().flatten().chain(rhs.$iter()).for_each(&mut $f),
            Op::If { cond, then, els } => {
                $f(cond);
                then.$iter().chain(els.$iter()).for_each(&mut $f);
            }
            Op::For { cond, post, body, .. } => cond.$iter().chain(post.$iter()).chain(body.$iter()).for_each(&mut $f),
            Op::Range { key, value, x, body, .. } => {
                $f(x);
                key.$iter().chain(value.$iter()).chain(body.$iter()).for_each(&mut $f);
            }
            Op::Switch { tag, cases, .. } => {
                tag.$iter().for_each(&mut $f);
                for case in cases.$iter() {
                    case.values.$iter().chain(case.body.$iter()).for_each(&mut $f);
                }
            }
            Op::Select { cases, .. } => {
                for case in cases.$iter() {
                    case.comm.$iter().chain(case.body.$iter()).for_each(&mut $f);
                }
            }
        }
    };
}

impl Op {
    /// Calls `f` on each child node id, in order.
    pub fn for_each_child(&self, mut f: impl FnMut(&NodeId)) {
        each_child!(self, f, iter)
    }

    /// Calls `f` on each child node id, in order, to replace it (the
    /// inliner's copying).
    pub fn for_each_child_mut(&mut self, mut f: impl FnMut(&mut NodeId)) {
        each_child!(self, f, iter_mut)
    }
}
