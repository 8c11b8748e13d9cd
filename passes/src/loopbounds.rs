//! Bounds checks that a loop makes needless: the induction-variable part of
//! gc's SSA `prove` pass (cmd/compile/internal/ssa/prove.go, loopbce.go),
//! done on the IR. Inside
//!
//!   for i := range s { ... s[i] ... }
//!   for i := a; i < len(s); i++ { ... s[i] ... }
//!   s := make([]T, n); for i := a; i < n; i++ { ... s[i] ... }
//!
//! with `a` known not to be negative, the index `s[i]` is in range as long as
//! the body assigns neither `i` nor `s` (and nothing else can: both are locals
//! whose address is never taken); so is `t[i]` when `s` and `t` are both
//! made with the same length `n`, which gc's prove sees as one length value.
//! Such indexes are marked `bounded`; gc removes the same checks
//! (`-d=ssa/check_bce` lists the ones it keeps) but, unlike the walk-time
//! rule in `bounds.rs`, prints nothing about them.

use std::collections::HashMap;

use ::ir::*;

/// Marks the indexes of every function that its loops keep in range.
pub fn eliminate_loop_bounds_checks(pkg: &mut Package) {
    crate::mark_bounded(pkg, |func, _| {
        let mut prover = Prover { func, made_with_length: made_with_length(func), in_range: Vec::new(), proved: Vec::new() };
        for stmt in &func.body {
            prover.visit(*stmt);
        }
        prover.proved
    });
}

/// `0 <= index < len(seq)` wherever the fact is in force.
#[derive(Clone, Copy, PartialEq)]
struct InRange {
    index: LocalId,
    seq: LocalId,
}

struct Prover<'a> {
    func: &'a Func,
    /// Slices defined once as `s := make([]T, n)`, with `n` a constant or a
    /// local never assigned after its definition: `len(s) == n` wherever
    /// `s` is used.
    made_with_length: HashMap<LocalId, Length>,
    /// The facts of the loops around the node being visited.
    in_range: Vec<InRange>,
    proved: Vec<NodeId>,
}

impl Prover<'_> {
    fn visit(&mut self, id: NodeId) {
        let node = self.func.node(id);
        if let Op::Index(x, index) = node.op {
            if let (Some(seq), Some(index)) = (self.func.private_local(x), self.func.private_local(index)) {
                if self.in_range.iter().any(|f| f.index == index && self.same_length(f.seq, seq)) {
                    self.proved.push(id);
                }
            }
        }
        let (facts, body) = match &node.op {
            Op::For { body, .. } => (self.counting_loop(id), body),
            Op::Range { body, .. } => (self.range_loop(id), body),
            _ => (Vec::new(), &Vec::new()),
        };
        let outer = self.in_range.len();
        for child in node.children() {
            if body.first() == Some(&child) {
                self.in_range.extend(&facts);
            }
            self.visit(child);
        }
        self.in_range.truncate(outer);
    }

    /// Whether `len(a) == len(b)` wherever both are used: the same slice, or
    /// two slices made with the same length `n`.
    fn same_length(&self, a: LocalId, b: LocalId) -> bool {
        a == b || matches!((self.made_with_length.get(&a), self.made_with_length.get(&b)), (Some(m), Some(n)) if m == n)
    }

    /// `for i := range s` whose body assigns neither `i` nor `s` (nor does the
    /// range statement itself: `for i, s = range s`).
    fn range_loop(&self, id: NodeId) -> Vec<InRange> {
        let Op::Range { key: Some(key), value, x, body, .. } = &self.func.node(id).op else { return Vec::new() };
        let (Some(index), Some(seq)) = (self.func.private_local(*key), self.func.private_local(*x)) else { return Vec::new() };
        let written = self.func.written_locals(body);
        // `for i, x = range x` (type T []T) assigns x in each iteration.
        let value_is_seq = value.is_some_and(|v| self.func.private_local(v) == Some(seq));
        if written.contains(&index) || written.contains(&seq) || value_is_seq {
            return Vec::new();
        }
        vec![InRange { index, seq }]
    }

    /// `for i := a; i < len(s); i++` (or `i < n` with `s := make([]T, n)`), `a`
    /// not negative, whose body and condition assign neither `i` nor `s`.
    fn counting_loop(&self, id: NodeId) -> Vec<InRange> {
        let node = self.func.node(id);
        let Op::For { cond: Some(cond), post: Some(post), body, .. } = &node.op else { return Vec::new() };
        let Op::Binary(BinOp::Lt, lhs, limit) = self.func.node(*cond).op else { return Vec::new() };
        let Some(index) = self.func.private_local(lhs) else { return Vec::new() };
        let increments = matches!(&self.func.node(*post).op,
            Op::AssignOp { op: BinOp::Add, lhs, rhs, .. } if self.func.private_local(*lhs) == Some(index) && self.int_const(*rhs) == Some(1));
        let starts_at_or_above_zero = node.init.iter().any(|s| {
            matches!(&self.func.node(*s).op,
                Op::Assign { lhs, rhs: Some(start), .. } if self.func.private_local(*lhs) == Some(index) && self.not_negative(*start))
        });
        if !increments || !starts_at_or_above_zero {
            return Vec::new();
        }
        let seqs: Vec<LocalId> = match self.func.node(limit).op {
            Op::Len(x) => self.func.private_local(x).into_iter().collect(),
            Op::Local(n) => self.made_with_length.iter().filter(|(_, len)| **len == Length::Local(n)).map(|(s, _)| *s).collect(),
            _ => Vec::new(),
        };
        let mut written = self.func.written_locals(body);
        written.extend(self.func.written_locals(&[*cond]));
        if written.contains(&index) {
            return Vec::new();
        }
        written.extend(self.func.written_locals(&[*post]));
        seqs.into_iter().filter(|s| !written.contains(s)).map(|seq| InRange { index, seq }).collect()
    }

    /// A constant that is not negative, a length, or an enclosing loop's
    /// index (plus a small constant: it stays below a length, so cannot wrap).
    fn not_negative(&self, id: NodeId) -> bool {
        let is_outer_index = |id: NodeId| self.func.private_local(id).is_some_and(|l| self.in_range.iter().any(|f| f.index == l));
        match self.func.node(id).op {
            Op::Const { .. } => self.int_const(id).is_some_and(|v| v >= 0),
            Op::Len(_) => true,
            Op::Local(_) => is_outer_index(id),
            Op::Binary(BinOp::Add, x, c) => is_outer_index(x) && self.int_const(c).is_some_and(|v| (0..1 << 31).contains(&v)),
            _ => false,
        }
    }

    fn int_const(&self, id: NodeId) -> Option<i128> {
        match &self.func.node(id).op {
            Op::Const { value, .. } => value.integer(),
            _ => None,
        }
    }
}

/// The length a slice was made with: a local that keeps its value, or a constant.
#[derive(Clone, Copy, PartialEq)]
enum Length {
    Local(LocalId),
    Const(i128),
}

/// The slices `s := make([]T, n)` assigned nowhere else, with their `n` when
/// it is a constant, a parameter never assigned or a local assigned only
/// where defined.
fn made_with_length(func: &Func) -> HashMap<LocalId, Length> {
    let mut assignments: HashMap<LocalId, usize> = HashMap::new();
    let mut made = Vec::new();
    let mut todo = func.body.clone();
    while let Some(id) = todo.pop() {
        let node = func.node(id);
        let targets: Vec<NodeId> = match &node.op {
            Op::Assign { lhs, rhs, .. } => {
                if let Some(Op::MakeSlice { len, .. }) = rhs.map(|r| &func.node(r).op) {
                    made.push((*lhs, *len));
                }
                vec![*lhs]
            }
            Op::AssignOp { lhs, .. } => vec![*lhs],
            Op::Assign2 { lhs, .. } => lhs.iter().flatten().copied().collect(),
            Op::Range { key, value, .. } => key.iter().chain(value).copied().collect(),
            _ => Vec::new(),
        };
        for target in targets {
            if let Op::Local(l) = func.node(target).op {
                *assignments.entry(l).or_default() += 1;
            }
        }
        todo.extend(node.children());
    }
    let count = |l: LocalId| assignments.get(&l).copied().unwrap_or(0);
    let mut out = HashMap::new();
    for (lhs, len) in made {
        let Some(s) = func.private_local(lhs) else { continue };
        let length = match (&func.node(len).op, func.private_local(len)) {
            (Op::Const { value: ConstValue::Int(v), .. }, _) => Length::Const(v.try_into().unwrap_or(i128::MAX)),
            (_, Some(n)) => {
                let n_fixed = match func.local(n).class {
                    LocalClass::Param => count(n) == 0,
                    _ => count(n) == 1,
                };
                if !n_fixed {
                    continue;
                }
                Length::Local(n)
            }
            _ => continue,
        };
        if count(s) == 1 {
            out.insert(s, length);
        }
    }
    out
}
