//! gc's front-end bounds-check rule (cmd/compile/internal/walk/expr.go,
//! `walkIndex` and `bounded`): an index into an array, a pointer to an array
//! or a constant string needs no check when the index's type and shape keep it
//! below the length — an unsigned 8-bit index into `[256]T`, `i&3` into
//! `[4]T`, `u%16`, `u>>4`, `u/16` of an unsigned `u`. Such an index is marked
//! `bounded` (the backend emits no check) and, unless the index is a
//! constant, reported as `index bounds check elided`.
//!
//! gc reports these while walking each function, after all escape analysis,
//! in `Target.Decls` order: declared functions and package-variable literals
//! in source order, each function preceded by the function literals in it
//! that capture nothing (inner ones first, in use or not) and followed by
//! those that capture, last met first; then the copies inlining made of
//! literals that capture nothing; the package initializer comes last. Within
//! a function, gc's order pass lifts calls (and what else it copies to
//! temporaries: `len`, `append`, `&&`...) out of the statements that contain
//! them, so their operands are walked before the rest of their statement.

use std::collections::{HashMap, HashSet};

use ::ir::*;

use crate::callgraph;
use crate::decision::{Decision, DecisionKind};

/// The functions in gc's walk order.
pub type WalkSegments = Vec<WalkSegment>;

/// A function's walk: the range of `decisions` it reported and, for each
/// interface conversion and type assertion it walked (where gc writes an
/// itab, making wrappers), how many of those decisions came before it.
pub struct WalkSegment {
    pub func: FuncId,
    pub decisions: std::ops::Range<usize>,
    pub conversions: HashMap<NodeId, usize>,
}

/// What walk meets that matters here, in its order.
enum Step {
    /// An index the rule proves in range, and whether gc reports it.
    Index(NodeId, bool),
    /// An interface conversion or a type assertion.
    Conversion(NodeId),
}

/// Marks every index the rule proves in range, recording gc's messages;
/// returns where each function's walk put them.
pub fn bound_package(pkg: &mut Package, decisions: &mut Vec<Decision>) -> WalkSegments {
    let mut segments = Vec::new();
    let order = walk_order(pkg);
    let walked: HashSet<FuncId> = order.iter().copied().collect();
    for (f, func) in pkg.funcs.iter_mut().enumerate() {
        func.unwalked = func.outer.is_some() && !func.captures.is_empty() && !walked.contains(&FuncId(f as u32));
    }
    for f in order {
        let start = decisions.len();
        let conversions = walk_function(pkg, f, decisions);
        segments.push(WalkSegment { func: f, decisions: start..decisions.len(), conversions });
    }
    segments
}

/// gc's walk of function `f`: marks every index the rule proves in range,
/// recording gc's messages; returns how many of them come before each of
/// its interface conversions and type assertions.
pub fn walk_function(pkg: &mut Package, f: FuncId, decisions: &mut Vec<Decision>) -> HashMap<NodeId, usize> {
    let start = decisions.len();
    let func = pkg.func(f);
    let walker = Walker { types: &pkg.types, func, temporary_indexes: temporary_indexes(func) };
    let mut steps = Vec::new();
    for stmt in &walker.func.body {
        walker.stmt(*stmt, &mut steps);
    }
    let mut conversions = HashMap::new();
    for step in steps {
        match step {
            Step::Index(id, report) => {
                let node = pkg.funcs[f.0 as usize].node_mut(id);
                node.bounded = true;
                if report {
                    decisions.push(Decision::at(node.pos, DecisionKind::BoundsCheckElided));
                }
            }
            Step::Conversion(id) => {
                conversions.insert(id, decisions.len() - start);
            }
        }
    }
    conversions
}

/// The functions in the order gc walks them.
fn walk_order(pkg: &Package) -> Vec<FuncId> {
    let mut order = Vec::new();
    let mut walked = vec![false; pkg.funcs.len()];
    // The literals written directly in each function, in the order they were written.
    let mut written_in: Vec<Vec<FuncId>> = vec![Vec::new(); pkg.funcs.len()];
    for literal in (0..pkg.funcs.len() as u32).map(FuncId) {
        let func = pkg.func(literal);
        if let Some(outer) = func.outer.filter(|_| func.copy_of.is_none() && !func.dead && !func.package_literal) {
            written_in[outer.0 as usize].push(literal);
        }
    }
    for root in callgraph::roots(pkg).into_iter().filter(|f| Some(*f) != pkg.init) {
        if !pkg.func(root).has_body {
            continue;
        }
        for literal in literals_capturing_nothing(pkg, &written_in, root) {
            walk_with_closures(pkg, literal, &mut walked, &mut order);
        }
        walk_with_closures(pkg, root, &mut walked, &mut order);
    }
    // Copies of literals that capture nothing, as inlining made them, then
    // the package initializer.
    let copies = (0..pkg.funcs.len() as u32).map(FuncId).filter(|f| {
        let func = pkg.func(*f);
        func.copy_of.is_some() && func.captures.is_empty() && !func.dead
    });
    for f in copies.chain(pkg.init) {
        walk_with_closures(pkg, f, &mut walked, &mut order);
    }
    order
}

/// gc's enqueueFunc: `f`, then the capturing literals it meets, the last first.
fn walk_with_closures(pkg: &Package, f: FuncId, walked: &mut [bool], order: &mut Vec<FuncId>) {
    let mut todo = vec![f];
    while let Some(next) = todo.pop() {
        if std::mem::replace(&mut walked[next.0 as usize], true) {
            continue;
        }
        order.push(next);
        let func = pkg.func(next);
        todo.extend(func.literals_under(&func.body).into_iter().filter(|l| !pkg.func(*l).captures.is_empty()));
    }
}

/// The literals written in `f` (at any depth) that capture nothing, inner
/// ones before the literal that contains them, in the order they were
/// written otherwise: gc walks them whether or not inlining left them in
/// use, unless dead code removal dropped them.
fn literals_capturing_nothing(pkg: &Package, written_in: &[Vec<FuncId>], f: FuncId) -> Vec<FuncId> {
    let mut out = Vec::new();
    for &literal in &written_in[f.0 as usize] {
        out.extend(literals_capturing_nothing(pkg, written_in, literal));
        if pkg.func(literal).captures.is_empty() {
            out.push(literal);
        }
    }
    out
}

struct Walker<'a> {
    types: &'a TypeTable,
    func: &'a Func,
    /// Indexes whose index walk replaces by a temporary (see temporary_indexes).
    temporary_indexes: HashSet<NodeId>,
}

/// The index expressions of `func` whose index gc's walk copies to a
/// temporary before it decides `bounded`, so they keep their check (SSA's
/// prove does not remove it either) and get no message: walkAppend passes
/// each value appended, and walkCompareString a string compared (== or
/// !=) with a short constant one, through `safeExpr`,
/// which keeps names and constants, follows field selections,
/// dereferences, indexes, len and cap, and copies anything else — an
/// index like `i%20` included — to a temporary.
fn temporary_indexes(func: &Func) -> HashSet<NodeId> {
    fn safe_expr(func: &Func, id: NodeId, out: &mut HashSet<NodeId>) {
        match &func.node(id).op {
            Op::Len(x) | Op::Cap(x) | Op::Field(x, _) | Op::FieldPtr(x, _) | Op::Deref(x) => safe_expr(func, *x, out),
            Op::Index(x, index) => {
                safe_expr(func, *x, out);
                match &func.node(*index).op {
                    Op::Local(_) | Op::Global(_) | Op::Const { .. } | Op::Nil => {}
                    Op::Len(_) | Op::Cap(_) | Op::Field(..) | Op::FieldPtr(..) | Op::Deref(_) | Op::Index(..) => {
                        safe_expr(func, *index, out)
                    }
                    _ => {
                        out.insert(id);
                    }
                }
            }
            _ => {}
        }
    }
    // walkCompareString compares with a short constant string byte by
    // byte (at most 16 bytes: two registers on both targets), the other
    // string through safeExpr.
    let short_string = |id: NodeId| matches!(&func.node(id).op, Op::Const { value: ConstValue::Str(s), .. } if (1..=16).contains(&s.len()));
    let mut out = HashSet::new();
    for id in func.source_order(&func.body) {
        match &func.node(id).op {
            Op::Append { args, ddd: false } => {
                for arg in args.iter().skip(1) {
                    safe_expr(func, *arg, &mut out);
                }
            }
            Op::Binary(BinOp::Eq | BinOp::Ne, x, y) if short_string(*y) && !short_string(*x) => safe_expr(func, *x, &mut out),
            Op::Binary(BinOp::Eq | BinOp::Ne, x, y) if short_string(*x) && !short_string(*y) => safe_expr(func, *y, &mut out),
            _ => {}
        }
    }
    out
}

impl Walker<'_> {
    /// Appends the statement's bounded indexes (each with whether gc reports
    /// it) and interface conversions, in walk order.
    fn stmt(&self, stmt: NodeId, out: &mut Vec<Step>) {
        let mut rest = Vec::new();
        self.expr(stmt, true, out, &mut rest);
        out.extend(rest);
    }

    /// Walks `id`; what is under a call (or an inlined body) that gc's order
    /// pass lifts out of its statement goes to `lifted`, the rest to `rest`.
    /// `kept`: a call order leaves in place (a call statement, the right side
    /// of an assignment to a variable).
    fn expr(&self, id: NodeId, kept: bool, lifted: &mut Vec<Step>, rest: &mut Vec<Step>) {
        let node = self.func.node(id);
        if let Op::Binary(BinOp::AndAnd | BinOp::OrOr, x, y) = node.op {
            // Order's `t = x; if t { t = y }`, ahead of the statement: each
            // side with what it lifts.
            for side in [x, y] {
                let mut side_rest = Vec::new();
                self.expr(side, false, lifted, &mut side_rest);
                lifted.extend(side_rest);
            }
            return;
        }
        if !kept && self.is_call(id) {
            let mut inner = Vec::new();
            for child in node.children() {
                self.expr(child, false, lifted, &mut inner);
            }
            lifted.extend(inner);
            if matches!(node.op, Op::TypeAssert { .. }) {
                lifted.push(Step::Conversion(id));
            }
            return;
        }
        if let Op::Assign2 { lhs, rhs, define: false } = &node.op {
            if lhs.len() == rhs.len() {
                return self.parallel_assign(lhs, rhs, lifted, rest);
            }
        }
        if let Some(value) = self.copied_map_value(node) {
            // order's safeMapRHS: the value to a temporary ahead of the
            // statement, after what the target lifts.
            for child in node.children().into_iter().filter(|c| *c != value) {
                if self.func.node(child).ty == INVALID {
                    self.stmt(child, rest);
                } else {
                    self.expr(child, false, lifted, rest);
                }
            }
            let mut value_rest = Vec::new();
            self.expr(value, false, lifted, &mut value_rest);
            lifted.extend(value_rest);
            return;
        }
        let is_statement = node.ty == INVALID;
        // gc's order copies an assigned call to a temporary unless it is
        // assigned to a variable.
        let keeps_calls = match node.op {
            Op::ExprStmt(_) | Op::Assign2 { .. } | Op::Defer(_) | Op::Go(_) => true,
            Op::Assign { lhs, .. } => matches!(self.func.node(lhs).op, Op::Local(_) | Op::Global(_) | Op::Blank),
            _ => false,
        };
        let unevaluated = self.unevaluated_range_operand(node);
        for child in node.children() {
            if Some(child) == unevaluated {
                continue;
            }
            if is_statement && self.func.node(child).ty == INVALID {
                self.stmt(child, rest);
            } else {
                self.expr(child, keeps_calls && self.is_call(child), lifted, rest);
            }
        }
        match node.op {
            Op::Index(x, index)
                if !self.temporary_indexes.contains(&id) && self.constant_len(x).is_some_and(|len| self.bounded(index, len)) =>
            {
                let constant = matches!(self.func.node(index).op, Op::Const { value: ConstValue::Int(_), .. });
                rest.push(Step::Index(id, !constant));
            }
            Op::Conv(ConvKind::Iface, _) | Op::TypeAssert { .. } => rest.push(Step::Conversion(id)),
            _ => {}
        }
    }

    /// The value `m[k] = v` (or `m[k] op= v`, but for `/` and `%`, which
    /// order rewrites first) assigns that gc's order copies to a temporary
    /// ahead of the statement: one not a name or a constant, into a map
    /// with a fast access routine (otherwise the key goes to a temporary
    /// before it, in the order walked here already).
    fn copied_map_value(&self, node: &Node) -> Option<NodeId> {
        let (lhs, value) = match node.op {
            Op::Assign { lhs, rhs: Some(rhs), .. } => (lhs, rhs),
            Op::AssignOp { op, lhs, rhs, .. } if !matches!(op, BinOp::Div | BinOp::Mod) => (lhs, rhs),
            _ => return None,
        };
        let Op::IndexMap { m, .. } = self.func.node(lhs).op else { return None };
        let cheap = |id: NodeId| matches!(self.func.node(id).op, Op::Local(_) | Op::Global(_) | Op::Const { .. } | Op::Nil);
        let cheap_value = match self.func.node(value).op {
            Op::Len(x) | Op::Cap(x) => cheap(x),
            _ => cheap(value),
        };
        (self.types.has_fast_map_access(self.func.node(m).ty) && !cheap_value).then_some(value)
    }

    /// The array of `for i := range x` (no value variable) when x has no
    /// calls or receives: its length is a constant, which gc's typecheck
    /// folds, so x is never evaluated nor walked.
    fn unevaluated_range_operand(&self, node: &Node) -> Option<NodeId> {
        let Op::Range { value, x, .. } = node.op else { return None };
        let no_value = value.is_none_or(|v| matches!(self.func.node(v).op, Op::Blank));
        let array = matches!(self.types.under(self.func.node(x).ty), TypeKind::Array(..));
        let call_or_chan = |n: &Node| {
            matches!(
                n.op,
                Op::Call { .. }
                    | Op::InlinedCall { .. }
                    | Op::Len(_)
                    | Op::Cap(_)
                    | Op::Complex(..)
                    | Op::Real(_)
                    | Op::Imag(_)
                    | Op::Append { .. }
                    | Op::Copy(..)
                    | Op::New
                    | Op::MakeSlice { .. }
                    | Op::MakeMap { .. }
                    | Op::MakeChan { .. }
                    | Op::Recv { .. }
                    | Op::Recover
                    | Op::Close(_)
                    | Op::Delete(..)
                    | Op::Panic(_)
                    | Op::Print { .. }
            )
        };
        (no_value && array && !self.func.any_node(x, &call_or_chan)).then_some(x)
    }

    /// `a, b = x, y` as gc's `ascompatee` walks it: pair by pair, except that a
    /// right side an earlier assignment may change is copied (and walked)
    /// before its pair's left side.
    fn parallel_assign(&self, lhs: &[Option<NodeId>], rhs: &[NodeId], lifted: &mut Vec<Step>, rest: &mut Vec<Step>) {
        let early = self.func.copied_early(self.types, lhs, rhs);
        for ((l, r), early) in lhs.iter().zip(rhs).zip(early) {
            let kept = self.is_call(*r);
            if early {
                self.expr(*r, kept, lifted, rest);
            }
            if let Some(l) = l {
                self.expr(*l, false, lifted, rest);
            }
            if !early {
                self.expr(*r, kept, lifted, rest);
            }
        }
    }

    fn is_call(&self, id: NodeId) -> bool {
        self.func.is_order_temporary(self.types, id)
    }

    /// The length when `x` is an array (a pointer to one is indexed through an
    /// implicit dereference) or a constant string.
    fn constant_len(&self, x: NodeId) -> Option<u64> {
        let node = self.func.node(x);
        match (&node.op, self.types.under(node.ty)) {
            (Op::Const { value: ConstValue::Str(s), .. }, _) => Some(s.len() as u64),
            (_, TypeKind::Array(n, _)) => Some(*n),
            _ => None,
        }
    }

    /// Whether the integer expression `id` is always in `0..max` (gc's `bounded`).
    fn bounded(&self, id: NodeId, max: u64) -> bool {
        let node = self.func.node(id);
        let Some(basic) = self.types.basic_of(node.ty).filter(|b| b.is_integer()) else { return false };
        let max = max as i128;
        let signed = !basic.is_unsigned();
        let mut bits = 8 * self.types.size(node.ty) as i128;
        let small = |id: NodeId| small_int_const(self.func.node(id));
        if let Some(v) = small(id) {
            return 0 <= v && v < max;
        }
        match node.op {
            Op::Binary(op @ (BinOp::And | BinOp::AndNot), x, y) => {
                let v = match (small(x), small(y)) {
                    (Some(v), _) => v,
                    (None, Some(v)) if op == BinOp::AndNot && signed => !v,
                    (None, Some(v)) if op == BinOp::AndNot => !v & ((1 << bits) - 1),
                    (None, Some(v)) => v,
                    (None, None) => -1,
                };
                if 0 <= v && v < max {
                    return true;
                }
            }
            Op::Binary(BinOp::Mod, _, y) if !signed && small(y).is_some_and(|v| 0 <= v && v <= max) => {
                return true;
            }
            Op::Binary(BinOp::Div, _, y) if !signed => {
                if let Some(mut v) = small(y) {
                    while bits > 0 && v >= 2 {
                        bits -= 1;
                        v >>= 1;
                    }
                }
            }
            Op::Binary(BinOp::Shr, _, y) if !signed => {
                if let Some(v) = small(y) {
                    if v > bits {
                        return true;
                    }
                    bits -= v;
                }
            }
            _ => {}
        }
        !signed && bits <= 62 && (1 << bits) <= max
    }
}

/// gc's `IsSmallIntConst`: an integer constant that fits in 32 bits.
fn small_int_const(node: &Node) -> Option<i128> {
    match &node.op {
        Op::Const { value, .. } => value.integer().filter(|v| i32::try_from(*v).is_ok()),
        _ => None,
    }
}
