//! Bounds checks that facts known where they run make needless: the
//! fact-based part of gc's SSA `prove` pass (cmd/compile/internal/ssa/prove.go)
//! and the generic rewrite rules that fold checks, done on the IR as a
//! forward flow over each function's statements.
//!
//! A fact is a difference constraint `a - b <= k` between two atoms: zero,
//! an `int` (a private local, or a field of a private local struct), or the
//! length or capacity of a slice or string (a private local, a field of a
//! private local struct or of what a private local pointer points to, or a
//! row `s[i]` of a private local slice of slices). They come from
//!   - checks that passed in an earlier statement, or earlier in the same
//!     expression as gc checks it (calls and their arguments first, then
//!     the rest left to right): `s[i]` gives `0 <= i` and
//!     `i <= len(s) - 1`; `s[lo:hi]` gives `0 <= lo <= hi <= cap(s)`;
//!     `(*[N]T)(s)` gives `N <= len(s)`; a tuple assignment's targets are
//!     checked after its right side, as the back end assigns them;
//!   - branch conditions: `i < len(s)` holds in the then branch, and after
//!     an `if` whose then branch never falls through, its negation holds;
//!     `&&` and `||` pass theirs to their right operand; `x != c` with
//!     `x >= c` known gives `x > c`;
//!   - assignments: `j := i + 1`, `n := len(s)`, `s := make([]T, n)`,
//!     `s := []T{...}`, `s := "text"`, `t := s`, `t := s[:n]` and
//!     `s = append(s, x)` when it does not grow (slices);
//!   - loops: a counter a loop only steps by a constant towards the bound
//!     its condition tests keeps its bounds on the other side (`i >= 1` in
//!     `for i := 1; i < len(s); i++`) when gc's prove knows its start not
//!     negative; a step above one (`i += 2`, or `i++` in the body and the
//!     post statement) counts only towards a constant bound; and
//!     `for i := range s` keeps `i` within `s` when the body changes
//!     neither; `L: if cond { ...; goto L }` is the loop `for cond { ... }`;
//!   - steps: `i += c` moves `i`'s bounds by constants by `c`;
//!   - stores behind a private pointer to a new struct literal (`p :=
//!     &T{...}`, then `p.f = v`, `p.f++`), as gc's rules forward them to
//!     loads (`Stores`).
//!
//! A bound that is no term but a pure expression of integers (`u %
//! uint(len(s)+1)`, say) is an atom of its own (`Atom::Pure`) within its
//! statement: gc's CSE makes one value of its reads while no store or call
//! comes between, so its second check is proven by the first.
//!
//! An index `x & c` (or `u % c`, `c` a power of two) into an array longer
//! than `c` needs no facts, nor does `u % uint(len(s))` into `s` when gc's
//! SSA sees one length (gc's rule (IsInBounds (Mod64u _ y) y)): `s` is not
//! read on either side of a call, and its length is no constant gc knows.
//! A check is needless when the facts prove
//! `0 <= i <= len(s) - 1` (an index) or every bound of a slice expression
//! or conversion in range; it is then marked `bounded`, and the back end
//! emits no check.
//!
//! A write of a local drops the facts about it; a store to memory, a call or
//! a channel operation drops those about fields and rows, and inside a
//! statement that makes one (gc's order pass may run it first) they are not
//! used. At a label (a goto may reach it) or a loop's head only the facts
//! that hold all along the list or the loop are kept. Arithmetic is exact:
//! a term `x + c` is used only where no overflow can make its value differ
//! from the sum, as a check that passed proves. gc's SSA sees `x + c` as a
//! value of its own, not negative only by constant bounds of `x`: an index
//! `x + c` needs those.

use std::collections::{HashMap, HashSet};

use ::ir::*;
use frontend::types::{Basic, TypeKind, TypeTable};

/// Marks the index and slice expressions of each of `funcs` whose bounds the facts prove.
/// Notes those that always fail in `Func::failing_checks`.
pub fn eliminate_proved_bounds_checks(pkg: &mut Package, funcs: &[FuncId]) {
    let types = &pkg.types;
    for f in funcs {
        let func = &mut pkg.funcs[f.0 as usize];
        if !func.has_body {
            continue;
        }
        let mut flow = Flow {
            func,
            types,
            proved: Vec::new(),
            failing: Vec::new(),
            proved_slice_checks: Vec::new(),
            assigned_after_call: None,
            stale_lengths: HashSet::new(),
            gotos: gotos_by_label(func),
            pointer_copies: pointer_copies(func, types),
            pure_values: pure_values(func, types),
        };
        flow.list(&func.body, Facts::default());
        let (proved, failing, proved_slice_checks) = (flow.proved, flow.failing, flow.proved_slice_checks);
        for id in proved {
            func.node_mut(id).bounded = true;
        }
        func.failing_checks.extend(failing);
        func.proved_slice_checks.extend(proved_slice_checks);
    }
}

/// What a fact relates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Atom {
    Zero,
    Int(Scalar),
    Len(Seq),
    Cap(Seq),
    /// The value of a pure integer expression (`Flow::pure_values`: its
    /// first node among those of the same shape), which reads memory when
    /// the flag says so. gc's CSE makes one value of them; a fact about it
    /// holds to the end of its statement.
    Pure(NodeId, bool),
}

/// An `int` variable a fact may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Scalar {
    /// A private local.
    Local(LocalId),
    /// A field of a private local struct, or of what a private local
    /// pointer points to: `p.r`, `l.pos`.
    Field(LocalId, u32),
}

impl Scalar {
    fn mentions(self, local: LocalId) -> bool {
        match self {
            Scalar::Local(l) | Scalar::Field(l, _) => l == local,
        }
    }
}

/// A slice or string whose length a fact may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Seq {
    /// A private local.
    Local(LocalId),
    /// Field `.1` of a private local struct, or (`.2`) of what a private
    /// local pointer points to: `vm.stack`. Either is changed by a store
    /// to the field, which does not assign the local.
    Field(LocalId, u32, bool),
    /// `s[i]` of a private local slice of slices.
    Elem(LocalId, Scalar),
    /// A package variable: gc's SSA loads its length again after any
    /// store or call, and until then it is the same value.
    Global(GlobalId),
    /// What a private local pointer points to: `*p`.
    Deref(LocalId),
}

impl Atom {
    fn mentions(self, local: LocalId) -> bool {
        match self {
            Atom::Zero => false,
            Atom::Int(scalar) => scalar.mentions(local),
            Atom::Len(seq) | Atom::Cap(seq) => match seq {
                Seq::Local(l) | Seq::Field(l, ..) | Seq::Deref(l) => l == local,
                Seq::Elem(s, i) => s == local || i.mentions(local),
                Seq::Global(_) => false,
            },
            // Whatever it reads: a write of any local drops it.
            Atom::Pure(..) => true,
        }
    }

    fn is_pure(self) -> bool {
        matches!(self, Atom::Pure(..))
    }

    /// Whether the atom is a value in memory (or in a field), which any
    /// store or call may change.
    fn in_memory(self) -> bool {
        match self {
            Atom::Zero | Atom::Int(Scalar::Local(_)) | Atom::Len(Seq::Local(_)) | Atom::Cap(Seq::Local(_)) => false,
            Atom::Int(Scalar::Field(..)) | Atom::Len(_) | Atom::Cap(_) => true,
            Atom::Pure(_, reads_memory) => reads_memory,
        }
    }

    /// Whether the atom keeps its value across code that writes `written` (and memory, if `memory`).
    fn unchanged_by(self, written: &HashSet<LocalId>, memory: bool) -> bool {
        !(written.iter().any(|l| self.mentions(*l)) || memory && self.in_memory())
    }
}

/// `atom + offset`, the value of an expression.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Term {
    atom: Atom,
    offset: i64,
}

impl Term {
    fn constant(value: i64) -> Term {
        Term { atom: Atom::Zero, offset: value }
    }
}

/// No length or capacity exceeds this (the address space is smaller).
const MAX_LEN: i64 = 1 << 48;
/// The largest offset a term may carry, so that sums of a few stay exact.
const MAX_OFFSET: i64 = 1 << 50;
/// At most this many facts are kept at a point, and proofs follow paths of
/// at most this many steps: a long function costs linear time.
const MAX_FACTS: usize = 128;
const MAX_STEPS: usize = 8;

/// The constraints `a - b <= k` known at a point, by `(a, b)`; and what
/// gc's store forwarding sees behind private pointer locals to new struct
/// literals, by pointer.
#[derive(Clone, Default)]
struct Facts(HashMap<(Atom, Atom), i64>, HashMap<LocalId, Stores>);

/// gc's SSA memory behind a pointer to a new struct literal, as its rules
/// forward it to a load: the literal's zeroing, unless a call came after
/// it, and the stores to the struct's fields since, oldest first. A load
/// sees a store with at most 3 other stores after it, and the zeroing with
/// at most 4 (generic.rules' Load of Store and Load of Zero).
#[derive(Clone)]
struct Stores {
    zeroed: bool,
    stored: Vec<Stored>,
}

/// One store of a field: of `words` stores in gc's SSA (a slice or string
/// stored part by part: length first), of a value known as `value`.
#[derive(Clone, Copy)]
struct Stored {
    field: u32,
    words: u8,
    value: Option<StoredValue>,
}

/// A stored `int`, or the length and capacity of a stored slice or string.
#[derive(Clone, Copy)]
enum StoredValue {
    Int(Term),
    Seq(Term, Option<Term>),
}

/// How many stores a load may look through to a store (`Stores`).
const FORWARDED_STORES: u32 = 3;

impl Stores {
    /// What a load of field `field` (an `int`, when `int`) reads, as far as
    /// forwarding tells: the `int`, or the length and the capacity.
    fn known(&self, field: u32, int: bool) -> (Option<Term>, Option<Term>) {
        let mut after = 0u32;
        for store in self.stored.iter().rev() {
            if store.field != field {
                after += u32::from(store.words);
                continue;
            }
            // The parts after the length (and after the capacity).
            let (past_len, past_cap) = match store.words {
                1 => (0, 0),
                words => (u32::from(words) - 1, u32::from(words).saturating_sub(2)),
            };
            let seen = |past: u32| after + past <= FORWARDED_STORES;
            return match store.value {
                Some(StoredValue::Int(t)) if seen(0) => (Some(t), None),
                Some(StoredValue::Seq(len, cap)) => (Some(len).filter(|_| seen(past_len)), cap.filter(|_| seen(past_cap))),
                _ => (None, None),
            };
        }
        if !self.zeroed || after > FORWARDED_STORES + 1 {
            return (None, None);
        }
        let zero = Term::constant(0);
        (Some(zero), (!int).then_some(zero))
    }
}

impl Facts {
    /// Records `x = y`.
    fn equal(&mut self, x: Term, y: Term) {
        self.add(x, y, 0);
        self.add(y, x, 0);
    }

    /// Records `x <= y + k`.
    fn add(&mut self, x: Term, y: Term, k: i64) {
        let bound = k as i128 - x.offset as i128 + y.offset as i128;
        if x.atom == y.atom || bound.abs() > 1 << 60 || (self.0.len() >= MAX_FACTS && !self.0.contains_key(&(x.atom, y.atom))) {
            return;
        }
        let entry = self.0.entry((x.atom, y.atom)).or_insert(i64::MAX);
        *entry = (*entry).min(bound as i64);
    }

    /// Adds the facts of `other` about pure values.
    fn add_pure(&mut self, other: &Facts) {
        for (&(a, b), &k) in other.0.iter().filter(|((a, b), _)| a.is_pure() || b.is_pure()) {
            self.add(Term { atom: a, offset: 0 }, Term { atom: b, offset: 0 }, k);
        }
    }

    /// Whether the facts prove a slice bound's check `0 <= x <= y`.
    fn proves_slice_bound(&self, x: Term, y: Term) -> bool {
        self.proves(Term::constant(0), x, 0) && self.proves(x, y, 0)
    }

    /// Whether the facts (and what holds of every length) prove `x <= y + k`.
    ///
    /// gc's prove orders values in a poset, which knows `a < b` but not
    /// that it makes `a + 1 <= b`: only a value's limits, from comparisons
    /// with constants, count in integers. So when `x` or `y` is a constant
    /// but zero, a strict order between two values that are not constants
    /// to gc counts as `<=`.
    fn proves(&self, x: Term, y: Term, k: i64) -> bool {
        let bound = k as i128 - x.offset as i128 + y.offset as i128;
        if x.atom == y.atom {
            return bound >= 0;
        }
        let nonzero_constant = |t: Term| t.atom == Atom::Zero && t.offset != 0;
        let constants = match nonzero_constant(x) || nonzero_constant(y) {
            true => Some(self.constant_atoms()),
            false => None,
        };
        let weight = |b: &Atom, a: &Atom, k: i64| match &constants {
            Some(constants) if k < 0 && !constants.contains(a) && !constants.contains(b) => 0,
            _ => k as i128,
        };
        // Shortest paths from y over the edges b -> a of weight k, one per `a - b <= k`.
        let mut edges: Vec<(Atom, Atom, i128)> = self.0.iter().map(|((a, b), k)| (*b, *a, weight(b, a, *k))).collect();
        let mut atoms: HashSet<Atom> = edges.iter().flat_map(|(b, a, _)| [*a, *b]).collect();
        atoms.extend([x.atom, y.atom, Atom::Zero]);
        for atom in atoms.iter().copied() {
            if let Atom::Len(l) | Atom::Cap(l) = atom {
                edges.push((atom, Atom::Zero, 0));
                edges.push((Atom::Zero, atom, MAX_LEN as i128));
                if atom == Atom::Len(l) && atoms.contains(&Atom::Cap(l)) {
                    edges.push((Atom::Cap(l), Atom::Len(l), 0));
                }
            }
        }
        let mut distance: HashMap<Atom, i128> = HashMap::from([(y.atom, 0)]);
        for _ in 0..atoms.len().min(MAX_STEPS) {
            let mut changed = false;
            for (from, to, weight) in &edges {
                if let Some(d) = distance.get(from).copied() {
                    let through = d + weight;
                    if distance.get(to).is_none_or(|old| through < *old) {
                        distance.insert(*to, through);
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        distance.get(&x.atom).is_some_and(|d| *d <= bound)
    }

    /// The value of `x` when the facts fix it (`x <= c` and `c <= x`).
    fn exact(&self, x: Term) -> Option<i64> {
        let most = self.0.get(&(x.atom, Atom::Zero))?.checked_sub(x.offset)?;
        let least = self.0.get(&(Atom::Zero, x.atom))?.checked_add(x.offset)?;
        (most == -least).then_some(most)
    }

    /// Whether gc's prove knows an upward counter's start non-negative, so
    /// that the counter's lower bounds serve its checks. Its SSA sees a
    /// start `x + c` (c != 0) as a value of its own: non-negative only from
    /// constant bounds of `x` (ft.isNonNegative), and then the counter's
    /// facts hold unsigned, as a check needs, only when its bound is
    /// non-negative too. A constant start, or `x` itself, keeps its facts
    /// (as does a counter the facts do not equal to anything).
    fn counter_start_known(&self, counter: LocalId, bound: Term) -> bool {
        let counter = Atom::Int(Scalar::Local(counter));
        let starts: Vec<Term> = self
            .0
            .iter()
            .filter(|((a, b), k)| *b == counter && self.0.get(&(counter, *a)) == Some(&k.wrapping_neg()))
            .map(|((a, _), k)| Term { atom: *a, offset: -k })
            .collect();
        let opaque = |t: &Term| t.atom != Atom::Zero && t.offset != 0;
        starts.is_empty()
            || !starts.iter().all(opaque)
            || starts.iter().any(|t| self.non_negative_to_gc(*t)) && self.non_negative_to_gc(bound)
    }

    /// Whether gc's ft.isNonNegative holds of `t`: its atom's bounds by
    /// constants (gc's limits), which for `x + c` must keep the sum from
    /// wrapping; for an atom alone, the facts' order.
    fn non_negative_to_gc(&self, t: Term) -> bool {
        let sized = matches!(t.atom, Atom::Len(_) | Atom::Cap(_));
        if t.offset == 0 {
            return sized || self.proves(Term::constant(0), t, 0);
        }
        let least = self.constant_bound(t.atom, false).map(|k| -k).or(sized.then_some(0));
        let most = self.constant_bound(t.atom, true);
        match t.atom {
            Atom::Zero => t.offset >= 0,
            _ if t.offset > 0 => least.is_some_and(|l| l >= -t.offset) && most.is_some_and(|m| m <= i64::MAX - t.offset),
            _ => least.is_some_and(|l| l >= -t.offset),
        }
    }

    /// The tightest `k` with `atom <= k` (`upper`) or `-atom <= k`, from
    /// one fact against a constant: zero, or an atom the facts fix (a
    /// length gc's SSA knows as a constant).
    fn constant_bound(&self, atom: Atom, upper: bool) -> Option<i64> {
        self.0
            .iter()
            .filter_map(|((a, b), k)| {
                let other = match upper {
                    true if *a == atom => *b,
                    false if *b == atom => *a,
                    _ => return None,
                };
                let value = self.constant_value(other)?;
                k.checked_add(if upper { value } else { -value })
            })
            .min()
    }

    /// Zero and the atoms equalities tie to it: constants in gc's SSA.
    fn constant_atoms(&self) -> HashSet<Atom> {
        let mut constants = HashSet::from([Atom::Zero]);
        let mut work = vec![Atom::Zero];
        while let Some(x) = work.pop() {
            for ((a, b), k) in &self.0 {
                if *a == x && self.0.get(&(*b, *a)) == Some(&k.wrapping_neg()) && constants.insert(*b) {
                    work.push(*b);
                }
            }
        }
        constants
    }

    /// The value of term `t` when equalities fix its atom.
    fn value(&self, t: Term) -> Option<i64> {
        self.constant_value(t.atom)?.checked_add(t.offset)
    }

    /// The value of `atom` when equalities fix it: `atom = x + c`, and so
    /// on to zero (what gc's SSA folds to a constant through copies).
    /// None when the equalities contradict each other (as in code that
    /// never runs), so that no path decides.
    fn constant_value(&self, atom: Atom) -> Option<i64> {
        if atom == Atom::Zero {
            return Some(0);
        }
        // a - b <= k and b - a <= -k: a = b + k.
        let equal = |a: &Atom, b: &Atom, k: &i64| self.0.get(&(*b, *a)) == Some(&k.wrapping_neg());
        let mut values = HashMap::from([(atom, 0i64)]);
        let mut work = vec![atom];
        while let Some(x) = work.pop() {
            for ((a, b), k) in &self.0 {
                if *a == x && !values.contains_key(b) && equal(a, b, k) {
                    values.insert(*b, values[&x].checked_add(*k)?);
                    work.push(*b);
                }
            }
        }
        let consistent = self.0.iter().all(|((a, b), k)| match (values.get(a), values.get(b)) {
            (Some(va), Some(vb)) if equal(a, b, k) => va.checked_add(*k) == Some(*vb),
            _ => true,
        });
        values.get(&Atom::Zero).copied().filter(|_| consistent)
    }

    /// Drops the facts code that writes `written` (and memory, if `memory`) may break.
    fn forget(&mut self, written: &HashSet<LocalId>, memory: bool) {
        self.0.retain(|(a, b), _| a.unchanged_by(written, memory) && b.unchanged_by(written, memory));
        if memory {
            self.1.clear();
        }
        self.1.retain(|pointer, _| !written.contains(pointer));
    }
}

/// How a loop changes its counter: only by its post statement's `i++`
/// (`Up`) or `i--` (`Down`), towards a bound its condition tests.
#[derive(Clone, Copy, PartialEq)]
enum Step {
    Up,
    Down,
}

struct Flow<'a> {
    func: &'a Func,
    types: &'a TypeTable,
    proved: Vec<NodeId>,
    /// The index expressions whose check always fails.
    failing: Vec<NodeId>,
    /// The checks of slice expressions not proven whole proven one by one.
    proved_slice_checks: Vec<(NodeId, SliceCheck)>,
    /// The target of the assignment being walked when its right side
    /// calls a function or the runtime: gc computes the target's index
    /// before, and reads what it indexes after.
    assigned_after_call: Option<NodeId>,
    /// `len(x)` and `cap(x)` of a slice in memory that the order pass
    /// reads into a temporary before a call that may store: not the value
    /// the rest of the statement reads.
    stale_lengths: HashSet<NodeId>,
    /// How many `goto` statements go to each label.
    gotos: HashMap<String, usize>,
    /// The pointer each pointer local defined as a copy of another holds
    /// (see `pointer_copies`).
    pointer_copies: HashMap<LocalId, LocalId>,
    /// The pure values of `pure_values`.
    pure_values: HashMap<NodeId, (NodeId, bool)>,
}

/// The private pointer locals defined as a copy of another (an inlined
/// method's receiver, `p := q`), neither assigned again: the same pointer
/// all along, one value in gc's SSA, so what is known behind one is
/// known behind the other.
fn pointer_copies(func: &Func, types: &TypeTable) -> HashMap<LocalId, LocalId> {
    // Assigned only where it is defined (a parameter, on entry).
    let single = |id: NodeId| {
        let local = func.private_local(id)?;
        let l = func.local(local);
        (!l.reassigned && matches!(types.under(l.ty), TypeKind::Pointer(_))).then_some(local)
    };
    let mut copies = HashMap::new();
    for node in &func.nodes {
        // The copy's definition: `p := q`, or an inlined call's parameters.
        if !matches!(node.op, Op::Assign { define: true, .. } | Op::Assign2 { define: true, .. }) {
            continue;
        }
        for (lhs, rhs) in assigned_pairs(&node.op) {
            if let (Some(copy), Some(of)) = (single(lhs), single(rhs)) {
                if copy != of {
                    copies.insert(copy, of);
                }
            }
        }
    }
    copies
}

/// The (target, value) pairs an assignment makes, but for blank targets
/// and a tuple spread from one call.
fn assigned_pairs(op: &Op) -> Vec<(NodeId, NodeId)> {
    match op {
        Op::Assign { lhs, rhs: Some(rhs), .. } => vec![(*lhs, *rhs)],
        Op::Assign2 { lhs, rhs, .. } if lhs.len() == rhs.len() => lhs.iter().zip(rhs).filter_map(|(l, r)| l.map(|l| (l, *r))).collect(),
        _ => Vec::new(),
    }
}

/// The pure integer expressions that occur more than once in `func`, each
/// with the first of its shape and whether it reads memory: the operators
/// of integers over constants, locals, package variables and numeric
/// conversions. gc's CSE makes one value of those of a shape, while what
/// they read is unchanged (see `Atom::Pure`).
fn pure_values(func: &Func, types: &TypeTable) -> HashMap<NodeId, (NodeId, bool)> {
    let integer = |ty: TypeId| matches!(types.under(ty), TypeKind::Basic(b) if b.is_integer());
    // The shape of `id` (written to `out`), when it is pure.
    fn shape(func: &Func, integer: &dyn Fn(TypeId) -> bool, id: NodeId, out: &mut String, memory: &mut bool) -> bool {
        let node = func.node(id);
        if !integer(node.ty) {
            return false;
        }
        out.push_str(&format!("{}:", node.ty.0));
        match &node.op {
            Op::Const { value: ConstValue::Int(v), .. } => out.push_str(&format!("{} ", v)),
            Op::Local(l) => {
                *memory |= !func.local(*l).is_private();
                out.push_str(&format!("l{} ", l.0));
            }
            Op::Global(g) => {
                *memory = true;
                out.push_str(&format!("g{} ", g.0));
            }
            Op::Binary(op, x, y) if !matches!(op, BinOp::AndAnd | BinOp::OrOr) => {
                out.push_str(&format!("({:?} ", op));
                if !shape(func, integer, *x, out, memory) || !shape(func, integer, *y, out, memory) {
                    return false;
                }
                out.push(')');
            }
            Op::Unary(op, x) => {
                out.push_str(&format!("({:?} ", op));
                if !shape(func, integer, *x, out, memory) {
                    return false;
                }
                out.push(')');
            }
            // The length of a variable, which its own check reads again.
            Op::Len(x) | Op::Cap(x) => {
                let which = if matches!(node.op, Op::Len(_)) { "len" } else { "cap" };
                match func.node(*x).op {
                    Op::Local(l) => {
                        *memory |= !func.local(l).is_private();
                        out.push_str(&format!("({} l{})", which, l.0));
                    }
                    Op::Global(g) => {
                        *memory = true;
                        out.push_str(&format!("({} g{})", which, g.0));
                    }
                    _ => return false,
                }
            }
            Op::Conv(ConvKind::Numeric | ConvKind::Nop, x) => {
                out.push_str("(conv ");
                if !shape(func, integer, *x, out, memory) {
                    return false;
                }
                out.push(')');
            }
            _ => return false,
        }
        true
    }
    let mut first: HashMap<String, NodeId> = HashMap::new();
    let mut count: HashMap<NodeId, usize> = HashMap::new();
    let mut values = HashMap::new();
    for k in 0..func.nodes.len() {
        let id = NodeId(k as u32);
        let (mut key, mut memory) = (String::new(), false);
        if !shape(func, &integer, id, &mut key, &mut memory) {
            continue;
        }
        let canonical = *first.entry(key).or_insert(id);
        *count.entry(canonical).or_default() += 1;
        values.insert(id, (canonical, memory));
    }
    values.retain(|_, (canonical, _)| count[canonical] > 1);
    values
}

/// Whether gc's SSA form of a binary operator branches, making a new
/// block: `&&` and `||`, and the checks of a division or a shift.
fn branches_in_ssa(op: BinOp) -> bool {
    matches!(op, BinOp::AndAnd | BinOp::OrOr | BinOp::Div | BinOp::Mod | BinOp::Shl | BinOp::Shr)
}

fn gotos_by_label(func: &Func) -> HashMap<String, usize> {
    let mut gotos = HashMap::new();
    for node in &func.nodes {
        if let Op::Branch { op: BranchOp::Goto, label: Some(label) } = &node.op {
            *gotos.entry(label.clone()).or_default() += 1;
        }
    }
    gotos
}

impl Flow<'_> {
    fn list(&mut self, stmts: &[NodeId], facts: Facts) -> Facts {
        let mut at_label = None;
        let mut facts_now = facts.clone();
        for (k, stmt) in stmts.iter().enumerate() {
            if let Op::Label(label) = &self.func.node(*stmt).op {
                let only_from_before = match self.gotos.get(label).copied().unwrap_or(0) {
                    0 => true,
                    1 => k > 0 && self.ends_in_goto(stmts[k - 1], label),
                    _ => false,
                };
                if let Some(head) = self.goto_loop_head(stmts, k, &facts_now) {
                    facts_now = head;
                } else if !only_from_before {
                    let start = at_label.get_or_insert_with(|| self.without_written(facts.clone(), stmts));
                    facts_now = start.clone();
                }
            }
            facts_now = self.stmt(*stmt, facts_now);
        }
        facts_now
    }

    /// Whether statement `id` ends in `goto label` (an inlined body's
    /// return).
    fn ends_in_goto(&self, id: NodeId, label: &str) -> bool {
        match &self.func.node(id).op {
            Op::Branch { op: BranchOp::Goto, label: Some(to) } => to == label,
            Op::Block(stmts) => stmts.last().is_some_and(|last| self.ends_in_goto(*last, label)),
            _ => false,
        }
    }

    /// The facts after `id` runs, given those before.
    fn stmt(&mut self, id: NodeId, facts: Facts) -> Facts {
        let mut after = self.stmt_facts(id, facts);
        after.0.retain(|(a, b), _| !a.is_pure() && !b.is_pure());
        after
    }

    /// `stmt`, with the facts of pure values the statement checked.
    fn stmt_facts(&mut self, id: NodeId, facts: Facts) -> Facts {
        let node = self.func.node(id);
        let facts = self.list(&node.init, facts);
        self.assigned_after_call = match node.op {
            Op::Assign { lhs, rhs: Some(rhs), .. } if matches!(self.func.node(rhs).op, Op::Call { .. }) || self.runtime_call_under(rhs) => {
                Some(lhs)
            }
            _ => None,
        };
        match &node.op {
            Op::If { cond, then, els } => {
                self.expr(*cond, &facts);
                let before = self.after_condition(&facts, *cond, None);
                let when_true = self.after_condition(&facts, *cond, Some(true));
                let when_false = self.after_condition(&facts, *cond, Some(false));
                let then_end = self.list(then, when_true);
                let els_end = self.list(els, when_false);
                if self.func.leaves(then) {
                    els_end
                } else if self.func.leaves(els) {
                    then_end
                } else {
                    self.without_written(before, &[id])
                }
            }
            Op::For { cond, post, body, .. } => {
                let head = self.loop_head(facts, id);
                let mut inside = head.clone();
                let mut after = head.clone();
                if let Some(cond) = cond {
                    self.expr(*cond, &head);
                    inside = self.after_condition(&head, *cond, Some(true));
                    if !self.func.may_leave_loop(body) {
                        after = self.after_condition(&head, *cond, Some(false));
                    }
                }
                self.list(body, inside);
                if let Some(post) = post {
                    self.stmt(*post, head);
                }
                after
            }
            Op::Range { key, value, x, body, .. } => {
                self.expr(*x, &facts);
                let head = self.without_written(self.after_condition(&facts, *x, None), &[id]);
                let mut inside = head.clone();
                // The body, and each iteration's assignment of the value (`type T []T` lets
                // `for i, x = range x` change x).
                let mut written = self.func.written_locals(body);
                written.extend(value.and_then(|v| self.func.private_local(v)));
                let memory = self.writes_memory(body);
                let index =
                    key.and_then(|k| self.func.private_local(k)).filter(|k| !written.contains(k) && self.is_int(self.func.local(*k).ty));
                if let (Some(index), Some(len)) = (index, self.len_of(*x).filter(|len| len.atom.unchanged_by(&written, memory))) {
                    let index = Term { atom: Atom::Int(Scalar::Local(index)), offset: 0 };
                    inside.add(Term::constant(0), index, 0);
                    inside.add(index, len, -1);
                }
                self.list(body, inside);
                head
            }
            Op::Switch { tag, cases, .. } => {
                if let Some(tag) = tag {
                    self.expr(*tag, &facts);
                }
                let inside = self.without_written(facts, &[id]);
                for case in cases {
                    for value in &case.values {
                        self.expr(*value, &inside);
                    }
                    self.list(&case.body, inside.clone());
                }
                inside
            }
            Op::Select { cases, .. } => {
                let inside = self.without_written(facts, &[id]);
                for case in cases {
                    if let Some(comm) = case.comm {
                        self.stmt(comm, inside.clone());
                    }
                    self.list(&case.body, inside.clone());
                }
                inside
            }
            Op::Block(stmts) => self.list(stmts, facts),
            _ => {
                // An assignment's own store comes after its operands.
                let during = self.during(&facts, &node.operands());
                let mut after = during.clone();
                let mut inlined_value = None;
                match &node.op {
                    Op::Assign2 { lhs, rhs, .. } if lhs.len() == rhs.len() => self.tuple_assignment(id, lhs, rhs, &during),
                    // println's arguments are checked as one expression's operands.
                    Op::Print { .. } if !self.runtime_call_under(id) => {
                        let facts = self.temporaries_first(id, during.clone());
                        self.operand_checks_in_order(id, facts);
                    }
                    _ => {
                        for child in node.operands() {
                            let end = self.expr(child, &during);
                            // An inlined call made or assigned: what its body leaves known holds after.
                            let assigned_call =
                                matches!(node.op, Op::Assign { rhs: Some(rhs), .. } if rhs == child) || matches!(node.op, Op::ExprStmt(_));
                            let assigned_call = assigned_call && matches!(self.func.node(child).op, Op::InlinedCall { .. });
                            if assigned_call {
                                after = end;
                                inlined_value = Some(child);
                            }
                        }
                    }
                }
                for child in node.operands().into_iter().filter(|c| Some(*c) != inlined_value) {
                    self.passed_checks(child, &mut after);
                }
                let mut written = self.func.written_locals(&[id]);
                if let Some(call) = inlined_value {
                    // The body's own assignments are in its facts already.
                    let target = match node.op {
                        Op::Assign { lhs, .. } => self.func.private_local(lhs),
                        _ => None,
                    };
                    let in_body = self.func.written_locals(&[call]);
                    written.retain(|l| Some(*l) == target || !in_body.contains(l));
                }
                let memory = match inlined_value {
                    // The body forgot what it stores as it ran.
                    Some(call) => {
                        let others: Vec<NodeId> = node.operands().into_iter().filter(|c| *c != call).collect();
                        self.writes_memory(&others) || matches!(node.op, Op::Assign { lhs, .. } if !self.is_local_target(lhs))
                    }
                    None => self.writes_memory(&[id]),
                };
                after.forget(&written, memory);
                self.assigned(id, &facts, (&written, memory), &mut after);
                after
            }
        }
    }

    /// Marks the checks of `lhs = rhs` (statement `id`). The targets'
    /// operands are evaluated first; then, as gc's ascompatee orders the
    /// pairs, the values an earlier pair may change, and each other value
    /// just before its target is checked (the back end's `target_place`),
    /// with the checks that passed before it: the right side's in
    /// a[i], a[j] = a[j], a[i], and the earlier targets'. A target is
    /// checked with the facts no assignment of the statement can break.
    fn tuple_assignment(&mut self, id: NodeId, lhs: &[Option<NodeId>], rhs: &[NodeId], during: &Facts) {
        let mut targets = Vec::new();
        for target in lhs {
            let checked = target.filter(|t| {
                let node = self.func.node(*t);
                matches!(node.op, Op::Index(..)) && node.init.is_empty()
            });
            match (target, checked) {
                (_, Some(target)) => {
                    for child in self.func.node(target).operands() {
                        self.expr(child, during);
                    }
                }
                (Some(target), None) => {
                    self.expr(*target, during);
                }
                (None, None) => {}
            }
            targets.push(checked);
        }
        let early = self.func.copied_early(self.types, lhs, rhs);
        let mut facts = during.clone();
        // An inlined call's value: what its body leaves known.
        let evaluate = |this: &mut Self, value: NodeId, facts: &mut Facts| {
            let end = this.expr(value, facts);
            if matches!(this.func.node(value).op, Op::InlinedCall { .. }) {
                *facts = end;
            } else {
                this.passed_checks(value, facts);
            }
        };
        for (value, _) in rhs.iter().zip(&early).filter(|(_, early)| **early) {
            evaluate(self, *value, &mut facts);
        }
        let written = self.func.written_locals(&[id]);
        for ((value, early), target) in rhs.iter().zip(&early).zip(targets) {
            if !early {
                evaluate(self, *value, &mut facts);
            }
            if let Some(target) = target {
                let mut at_target = self.during(&facts, rhs);
                at_target.forget(&written, true);
                self.decide(target, &at_target);
                self.passed_checks(target, &mut facts);
            }
        }
    }

    /// Adds what `lhs = rhs` makes known of the locals it assigns, given the
    /// facts before and what the statement writes (locals, and whether memory).
    fn assigned(&self, id: NodeId, before: &Facts, (written, memory): (&HashSet<LocalId>, bool), after: &mut Facts) {
        let independent = |t: &Term| t.atom.unchanged_by(written, memory);
        let add_shape = |after: &mut Facts, seq: Seq, (len, cap): (Term, Option<Term>)| {
            for (atom, value) in [(Atom::Len(seq), Some(len)), (Atom::Cap(seq), cap)] {
                if let Some(value) = value.filter(independent) {
                    after.equal(Term { atom, offset: 0 }, value);
                }
            }
        };
        if let Op::AssignOp { op, lhs, rhs, .. } = self.func.node(id).op {
            if let (Some(local), Some(by)) = (self.func.private_local(lhs), self.step(op, rhs)) {
                self.stepped(local, by, before, after);
            }
        }
        for (lhs, rhs) in assigned_pairs(&self.func.node(id).op) {
            // A store of a slice through a private local pointer, or to a
            // field: gc's SSA forwards it to the loads after it.
            let stored = match self.func.node(lhs).op {
                Op::Local(_) => None,
                _ => self.seq_of(lhs),
            };
            if let Some(seq) = stored {
                if let Some(shape) = self.slice_shape(rhs, before) {
                    add_shape(after, seq, shape);
                }
                continue;
            }
            let Some(local) = self.func.private_local(lhs) else { continue };
            let ty = self.func.local(local).ty;
            // An int's value as a term; in a smaller integer, only a constant.
            let term = self.term(rhs).filter(|t| self.is_int(ty) && independent(t) && self.exact(*t, before));
            if let Some(value) = term.or_else(|| self.folded_constant(rhs, before).map(Term::constant)) {
                after.equal(Term { atom: Atom::Int(Scalar::Local(local)), offset: 0 }, value);
            } else if let Some(shape) = self.slice_shape(rhs, before).filter(|_| self.is_sequence(ty)) {
                add_shape(after, Seq::Local(local), shape);
            } else if let Op::Addr(x) = self.func.node(rhs).op {
                // `&[]T{...}`: what the pointer points to. `&T{...}`: the
                // stores of the literal, which gc forwards to loads.
                if let Some(shape) = self.slice_shape(x, before) {
                    add_shape(after, Seq::Deref(local), shape);
                } else if let Some(stores) = self.literal_stores(rhs, x, before) {
                    after.1.insert(local, stores);
                    self.forwarded(local, after);
                }
            }
        }
        // A store of an int field through a pointer whose stores are known.
        let (lhs, value) = match self.func.node(id).op {
            Op::Assign { lhs, rhs: Some(rhs), .. } => (lhs, self.stored_int(rhs, before)),
            Op::AssignOp { op: op @ (BinOp::Add | BinOp::Sub), lhs, rhs, .. } => {
                let by = self.step(op, rhs);
                let old = self.stored_int(lhs, before);
                let new = old.zip(by).and_then(|(t, by)| Some(Term { atom: t.atom, offset: t.offset.checked_add(by)? }));
                (lhs, new.filter(|t| self.exact(*t, before)))
            }
            _ => return,
        };
        let Op::FieldPtr(base, field) = self.func.node(lhs).op else { return };
        let Some(pointer) = self.func.private_local(base).map(|b| self.pointer_root(b)) else { return };
        let others: Vec<NodeId> = self.func.node(id).operands().into_iter().filter(|o| *o != lhs).collect();
        if !self.is_int(self.func.node(lhs).ty) || self.writes_memory(&others) || self.runtime_call_under(id) {
            return;
        }
        if let Some(mut stores) = before.1.get(&pointer).cloned() {
            stores.stored.push(Stored { field, words: 1, value: value.filter(|t| !t.atom.in_memory()).map(StoredValue::Int) });
            after.1.insert(pointer, stores);
            self.forwarded(pointer, after);
        }
    }

    /// What `x op= rhs` adds to `x`: a constant `rhs`, for `+=` and `-=`.
    fn step(&self, op: BinOp, rhs: NodeId) -> Option<i64> {
        let by = self.int_const(rhs)?;
        match op {
            BinOp::Add => Some(by),
            BinOp::Sub => by.checked_neg(),
            _ => None,
        }
    }

    /// The value of `int` expression `id` as a term of no memory, given the
    /// facts: a constant they fix it to, or the term it is.
    fn stored_int(&self, id: NodeId, facts: &Facts) -> Option<Term> {
        let term = self.term(id)?;
        match facts.value(term) {
            Some(value) => Some(Term::constant(value)),
            None => Some(term).filter(|t| !t.atom.in_memory() && self.exact(*t, facts)),
        }
    }

    /// The stores that make struct literal `x`, in the literal's order,
    /// for `pointer`, its address: an `int` field's value, a slice's or string's
    /// length and capacity. A slice or string is stored part by part once a
    /// value before it (or its own) made a new block in gc's SSA, where the
    /// pointer is then a value of its own, not the stack slot's address.
    /// None when a field is of a type stored some other way.
    fn literal_stores(&self, pointer: NodeId, x: NodeId, facts: &Facts) -> Option<Stores> {
        let node = self.func.node(x);
        let Op::CompositeLit(elems) = &node.op else { return None };
        let fields = self.types.struct_fields(node.ty)?;
        // On the heap, the struct comes zeroed from a call.
        let mut stores = Stores { zeroed: !self.func.node(pointer).escapes, stored: Vec::new() };
        let mut split = false;
        for (key, value) in elems {
            let LitKey::Field { index, .. } = key else { return None };
            let ty = fields.get(*index as usize)?.ty;
            // A call, or a slice literal's new array (defined and zeroed
            // after the struct), comes between the stores before and the
            // loads after.
            let new_array = self.func.any_node(*value, &|n| matches!(n.op, Op::CompositeLit(_)) && self.is_sequence(n.ty));
            if new_array || self.writes_memory(&[*value]) || self.runtime_call_under(*value) {
                stores = Stores { zeroed: false, stored: Vec::new() };
            }
            split |= self.func.any_node(*value, &|n| match n.op {
                Op::Binary(op, ..) => branches_in_ssa(op),
                Op::Conv(kind, _) => kind == ConvKind::SliceToArrayPtr,
                Op::Local(_) | Op::Global(_) | Op::Const { .. } | Op::Nil | Op::Unary(..) | Op::Len(_) | Op::Cap(_) | Op::Field(..) => {
                    false
                }
                _ => true,
            });
            let (words, known) = match self.types.under(ty) {
                TypeKind::Slice(_) => {
                    (if split { 3 } else { 1 }, self.slice_shape(*value, facts).map(|(len, cap)| StoredValue::Seq(len, cap)))
                }
                TypeKind::Basic(Basic::String) => {
                    (if split { 2 } else { 1 }, self.slice_shape(*value, facts).map(|(len, _)| StoredValue::Seq(len, None)))
                }
                TypeKind::Basic(_) | TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) => {
                    (1, self.is_int(ty).then(|| self.stored_int(*value, facts)).flatten().map(StoredValue::Int))
                }
                _ => return None,
            };
            let known = known.filter(|v| match v {
                StoredValue::Int(t) | StoredValue::Seq(t, None) => !t.atom.in_memory(),
                StoredValue::Seq(len, Some(cap)) => !len.atom.in_memory() && !cap.atom.in_memory(),
            });
            stores.stored.push(Stored { field: *index, words, value: known });
        }
        Some(stores)
    }

    /// Adds to `facts` what loads of the fields behind `pointer` read, as
    /// its stores (`Facts::1`) forward them.
    fn forwarded(&self, pointer: LocalId, facts: &mut Facts) {
        let Some(stores) = facts.1.get(&pointer).cloned() else { return };
        let pointee = self.func.local(pointer).ty;
        let Some(fields) = (match self.types.under(pointee) {
            TypeKind::Pointer(elem) => self.types.struct_fields(*elem),
            _ => None,
        }) else {
            return;
        };
        for (index, field) in fields.iter().enumerate() {
            let index = index as u32;
            let int = self.is_int(field.ty);
            if !int && !self.is_sequence(field.ty) {
                continue;
            }
            let (first, cap) = stores.known(index, int);
            let seq = Seq::Field(pointer, index, true);
            let known = match int {
                true => vec![(Atom::Int(Scalar::Field(pointer, index)), first)],
                false if self.is_string(field.ty) => vec![(Atom::Len(seq), first)],
                false => vec![(Atom::Len(seq), first), (Atom::Cap(seq), cap)],
            };
            for (atom, value) in known {
                if let Some(value) = value {
                    facts.equal(Term { atom, offset: 0 }, value);
                }
            }
        }
    }

    /// Adds what `local += by` leaves known of `local`: its bounds by
    /// constants, moved by `by` when the sum is exact. gc's SSA sees
    /// `x + c` as a value of its own, which its prove relates only to
    /// constants (through `x`'s limits), not to other values.
    fn stepped(&self, local: LocalId, by: i64, before: &Facts, after: &mut Facts) {
        let x = Atom::Int(Scalar::Local(local));
        if by == 0 || !self.is_int(self.func.local(local).ty) || !self.exact(Term { atom: x, offset: by }, before) {
            return;
        }
        let constant = |atom: &Atom| *atom != x && (*atom == Atom::Zero || before.constant_value(*atom).is_some());
        for (&(a, b), &k) in &before.0 {
            // x - b <= k gives (x + by) - b <= k + by; a - x <= k gives a - (x + by) <= k - by.
            let moved = match () {
                _ if a == x && constant(&b) => k.checked_add(by),
                _ if b == x && constant(&a) => k.checked_sub(by),
                _ => None,
            };
            if let Some(moved) = moved {
                after.add(Term { atom: a, offset: 0 }, Term { atom: b, offset: 0 }, moved);
            }
        }
    }

    /// The length of a new slice or string value, when a term gives it,
    /// and its capacity, when one does.
    fn slice_shape(&self, id: NodeId, facts: &Facts) -> Option<(Term, Option<Term>)> {
        let node = self.func.node(id);
        match &node.op {
            Op::MakeSlice { len, cap } => {
                let len = self.term(*len).filter(|t| self.exact(*t, facts))?;
                let cap = match cap {
                    Some(cap) => self.term(*cap).filter(|t| self.exact(*t, facts))?,
                    None => len,
                };
                Some((len, Some(cap)))
            }
            Op::CompositeLit(elems) if matches!(self.types.under(node.ty), TypeKind::Slice(_)) => {
                let n = Term::constant(i64::try_from(LitKey::slice_len(elems)).ok()?);
                Some((n, Some(n)))
            }
            // append(x, a, b) is len(x) + 2 long (append(x, y...), len(x) +
            // len(y)): a constant in gc's SSA when the lengths and cap(x)
            // are constants that leave room, so that the branch to
            // growslice (whose result it cannot see) folds.
            Op::Append { args, ddd } => {
                let (x, rest) = args.split_first()?;
                let added = match (ddd, rest) {
                    (true, [y]) => facts.value(self.len_of(*y)?)?,
                    (false, _) => i64::try_from(rest.len()).ok()?,
                    _ => return None,
                };
                let len = facts.value(self.len_of(*x)?)?.checked_add(added)?;
                (len <= facts.value(self.cap_of(*x)?)?).then_some((Term::constant(len), None))
            }
            // `x[lo:hi:max]` is `hi - lo` long and `max - lo` wide; gc's SSA
            // knows the difference as a term only when `lo` is 0 (it is `hi`
            // itself) or both are constants (it folds).
            Op::Slice { x, lo, hi, max } => {
                let lo = lo.map_or(Some(0), |lo| self.int_const(lo))?;
                let less_lo = |t: Term| {
                    let offset = t.offset.checked_sub(lo).filter(|_| lo == 0 || t.atom == Atom::Zero)?;
                    Some(Term { atom: t.atom, offset })
                };
                let len = less_lo(hi.map_or_else(|| self.len_of(*x), |hi| self.term(hi))?)?;
                if self.is_string(node.ty) {
                    return Some((len, Some(len)));
                }
                Some((len, max.map_or_else(|| self.cap_of(*x), |max| self.term(max)).and_then(less_lo)))
            }
            Op::Const { value: ConstValue::Str(bytes), .. } => {
                let n = Term::constant(i64::try_from(bytes.len()).ok()?);
                Some((n, Some(n)))
            }
            // []byte("text"): gc's walk slices a new array of the text's length.
            Op::Conv(ConvKind::StringToBytes, x) if matches!(self.func.node(*x).op, Op::Const { .. }) => self.slice_shape(*x, facts),
            _ if self.seq_of(id).is_some() => Some((self.len_of(id)?, self.cap_of(id))),
            _ => None,
        }
    }

    /// The facts at the head of loop `id`: those before it that its
    /// assignments cannot break. A counter stepped by one towards its bound
    /// keeps its bounds on the other side.
    fn loop_head(&self, facts: Facts, id: NodeId) -> Facts {
        let counter = self.counter(id, &facts);
        self.facts_at_head(facts, self.loop_written(id), self.writes_memory(&[id]), counter)
    }

    /// The facts at label `stmts[k]` when it heads a loop made with goto,
    /// `L: ...; if cond { ...; goto L }` with no other goto to L and
    /// straight-line statements before the `if`: gc's SSA sees the loop
    /// `for cond { ... }` would make, its header one block, induction
    /// variable included (one the statements before the `if` do not step).
    fn goto_loop_head(&self, stmts: &[NodeId], k: usize, facts: &Facts) -> Option<Facts> {
        let Op::Label(label) = &self.func.node(stmts[k]).op else { return None };
        let rest = &stmts[k + 1..];
        let head = rest.get(..=rest.iter().take_while(|s| self.straight_line(**s)).count())?;
        let (test, before_test) = head.split_last()?;
        let Op::If { cond, then, .. } = &self.func.node(*test).op else { return None };
        let (last, body) = then.split_last()?;
        if self.gotos.get(label) != Some(&1)
            || !matches!(&self.func.node(*last).op, Op::Branch { op: BranchOp::Goto, label: Some(to) } if to == label)
        {
            return None;
        }
        let written = self.func.written_locals(head);
        let counter = self.counter_of(*cond, None, body, &written, facts);
        let counter = counter.filter(|(c, ..)| !self.func.written_locals(before_test).contains(c));
        Some(self.facts_at_head(facts.clone(), written, self.writes_memory(head), counter))
    }

    /// Whether statement `id` is straight-line code in gc's SSA: nothing
    /// in it branches (a check, `&&`, a division, a shift, an inlined body).
    fn straight_line(&self, id: NodeId) -> bool {
        !self.func.any_node(id, &|n| match n.op {
            Op::Binary(op, ..) => branches_in_ssa(op),
            Op::Local(_)
            | Op::Const { .. }
            | Op::Unary(..)
            | Op::Decl(_)
            | Op::Assign { .. }
            | Op::AssignOp { .. }
            | Op::Len(_)
            | Op::Cap(_) => false,
            _ => true,
        })
    }

    /// The facts at the head of a loop that writes `written` (and memory,
    /// if `memory`) and steps `counter`, given those before it.
    fn facts_at_head(
        &self,
        mut facts: Facts,
        mut written: HashSet<LocalId>,
        memory: bool,
        counter: Option<(LocalId, Step, Term)>,
    ) -> Facts {
        if let Some((counter, step, bound)) = counter {
            written.remove(&counter);
            let start_known = step == Step::Down || facts.counter_start_known(counter, bound);
            let kept = |a: Atom, b: Atom| match step {
                Step::Up => start_known && b == Atom::Int(Scalar::Local(counter)) && !a.mentions(counter),
                Step::Down => a == Atom::Int(Scalar::Local(counter)) && !b.mentions(counter),
            };
            facts.0.retain(|(a, b), _| (!a.mentions(counter) && !b.mentions(counter)) || kept(*a, *b));
        }
        facts.forget(&written, memory);
        facts
    }

    /// The counter of a `for` loop: a private int local that only its post
    /// statement and statements of the body's own list assign, by `i++` or
    /// `i += c` (`i--`, `i -= c`), and that its condition keeps
    /// below (above) a bound the loop does not change, so it cannot wrap;
    /// with that bound. As for gc's induction variables, `c` is a constant
    /// (in gc's SSA: a local the facts before the loop fix, an inlined
    /// parameter), and one above one steps towards a constant bound.
    fn counter(&self, id: NodeId, facts: &Facts) -> Option<(LocalId, Step, Term)> {
        let Op::For { cond: Some(cond), post, body, .. } = &self.func.node(id).op else { return None };
        self.counter_of(*cond, *post, body, &self.loop_written(id), facts)
    }

    /// The counter of a loop with condition `cond`, post statement `post`
    /// and body `body`, which assign `written` (see `counter`).
    fn counter_of(
        &self,
        cond: NodeId,
        post: Option<NodeId>,
        body: &[NodeId],
        written: &HashSet<LocalId>,
        facts: &Facts,
    ) -> Option<(LocalId, Step, Term)> {
        let steps_by_constant = |s: &NodeId| match self.func.node(*s).op {
            Op::AssignOp { incdec, rhs, .. } => incdec || self.int_const(rhs).is_some(),
            _ => false,
        };
        let first = post.or_else(|| body.iter().copied().find(steps_by_constant))?;
        let Op::AssignOp { op, lhs, .. } = &self.func.node(first).op else { return None };
        let local = self.func.private_local(*lhs).filter(|l| self.is_int(self.func.local(*l).ty))?;
        // What a statement stepping the counter as the first does adds.
        let amount_of = |s: NodeId| {
            let Op::AssignOp { op: by_op, lhs, rhs, .. } = &self.func.node(s).op else { return None };
            if by_op != op || self.func.private_local(*lhs) != Some(local) {
                return None;
            }
            self.int_const(*rhs).or_else(|| {
                let by = self.func.private_local(*rhs).filter(|l| !written.contains(l))?;
                facts.constant_value(Atom::Int(Scalar::Local(by)))
            })
        };
        // The steps: the post statement, and those of the body's own list
        // (each runs once per iteration unless something continues the
        // loop; gc's SSA folds them into one).
        let (steps, rest): (Vec<NodeId>, Vec<NodeId>) = body.iter().partition(|s| amount_of(**s).is_some());
        let steps: Vec<NodeId> = post.iter().copied().chain(steps).collect();
        let continues = || {
            body.iter().any(|s| {
                self.func.any_node(*s, &|n| matches!(n.op, Op::Branch { op: BranchOp::Continue | BranchOp::Goto, .. } | Op::Label(_)))
            })
        };
        if steps.len() > 1 && continues() {
            return None;
        }
        let amount = steps.iter().map(|s| amount_of(*s)).sum::<Option<i64>>()?;
        if amount < 1 || self.func.written_locals(&rest).contains(&local) {
            return None;
        }
        let step = match op {
            BinOp::Add => Step::Up,
            BinOp::Sub => Step::Down,
            _ => return None,
        };
        // A bound in memory is read again at each test of the condition,
        // which is all an induction variable needs.
        let invariant = |t: Term| t.atom.unchanged_by(written, false);
        self.conjuncts(cond).into_iter().find_map(|c| {
            let Op::Binary(cmp, x, y) = self.func.node(c).op else { return None };
            let (cmp, bound) = if self.func.private_local(x) == Some(local) {
                (cmp, y)
            } else if self.func.private_local(y) == Some(local) {
                (mirror(cmp), x)
            } else {
                return None;
            };
            // gc's induction variables need the loop's header to compare
            // the counter: a bound read through a bounds check (a row's
            // length) moves the comparison to a block of its own.
            let row = matches!(self.term(bound).map(|t| t.atom), Some(Atom::Len(Seq::Elem(..)) | Atom::Cap(Seq::Elem(..))));
            let bound = self.term(bound).filter(|t| invariant(*t) && !row && t.offset.unsigned_abs() < MAX_OFFSET as u64)?;
            let constant_bound = facts.value(bound).is_some();
            let cannot_wrap = match (step, cmp) {
                (Step::Up, BinOp::Lt | BinOp::Le) | (Step::Down, BinOp::Gt | BinOp::Ge) if amount > 1 => constant_bound,
                (Step::Up, BinOp::Lt) | (Step::Down, BinOp::Gt) => true,
                // gc takes `i <= n` (`i >= n`) when n is a constant, or
                // `i <= len(s) - k` with k at least the step: it cannot wrap.
                (Step::Up, BinOp::Le) => constant_bound || matches!(bound.atom, Atom::Len(_) | Atom::Cap(_)) && bound.offset <= -amount,
                (Step::Down, BinOp::Ge) => constant_bound,
                _ => false,
            };
            // Nor one whose constant start is past its constant bound.
            let last = facts.value(bound).map(|b| match cmp {
                BinOp::Lt => b.saturating_sub(1),
                BinOp::Gt => b.saturating_add(1),
                _ => b,
            });
            let start = facts.constant_value(Atom::Int(Scalar::Local(local)));
            let started_past = match (last, start) {
                (Some(last), Some(start)) => (step == Step::Up && start > last) || (step == Step::Down && start < last),
                _ => false,
            };
            (cannot_wrap && !started_past).then_some((local, step, bound))
        })
    }

    /// The locals a `for` loop's condition, body and post statement assign
    /// (not its init statements).
    fn loop_written(&self, id: NodeId) -> HashSet<LocalId> {
        let Op::For { cond, post, body, .. } = &self.func.node(id).op else { return HashSet::new() };
        let mut stmts = body.clone();
        // A condition assigns the locals of the calls inlined in it.
        stmts.extend(cond.iter().chain(post));
        self.func.written_locals(&stmts)
    }

    fn conjuncts(&self, id: NodeId) -> Vec<NodeId> {
        match self.func.node(id).op {
            Op::Binary(BinOp::AndAnd, l, r) => [self.conjuncts(l), self.conjuncts(r)].concat(),
            _ => vec![id],
        }
    }

    /// The facts after condition `cond` was evaluated (to `truth`, when
    /// given): its checks passed, and what its value proves. Facts of memory
    /// are dropped when the condition may write memory.
    fn after_condition(&self, facts: &Facts, cond: NodeId, truth: Option<bool>) -> Facts {
        let mut after = facts.clone();
        self.passed_checks(cond, &mut after);
        if let Some(truth) = truth {
            self.condition(cond, truth, &mut after);
        }
        self.during(&after, &[cond])
    }

    /// Adds what `cond` evaluating to `truth` proves.
    fn condition(&self, cond: NodeId, truth: bool, facts: &mut Facts) {
        match self.func.node(cond).op {
            Op::Binary(BinOp::AndAnd, l, r) if truth => {
                self.condition(l, true, facts);
                self.passed_checks(r, facts);
                self.condition(r, true, facts);
            }
            Op::Binary(BinOp::OrOr, l, r) if !truth => {
                self.condition(l, false, facts);
                self.passed_checks(r, facts);
                self.condition(r, false, facts);
            }
            Op::Unary(UnOp::Not, x) => self.condition(x, !truth, facts),
            Op::Binary(cmp @ (BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne), x, y) => {
                let (Some(x), Some(y)) = (self.term(x), self.term(y)) else { return };
                if !self.exact(x, facts) || !self.exact(y, facts) {
                    return;
                }
                let cmp = if truth { cmp } else { negate(cmp) };
                match cmp {
                    BinOp::Lt => facts.add(x, y, -1),
                    BinOp::Le => facts.add(x, y, 0),
                    BinOp::Gt => facts.add(y, x, -1),
                    BinOp::Ge => facts.add(y, x, 0),
                    BinOp::Eq => facts.equal(x, y),
                    // x != c where x >= c is known: x > c (len(s) != 0: len(s) >= 1);
                    // gc's limits do this for constants only (a length the
                    // facts fix is one in its SSA).
                    BinOp::Ne if [x, y].iter().any(|t| facts.value(*t).is_some()) => {
                        for (x, y) in [(x, y), (y, x)] {
                            if facts.proves(y, x, 0) {
                                facts.add(y, x, -1);
                            }
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// Marks the checks under `id` the facts prove, and goes into `&&`,
    /// `||` and inlined bodies with what holds there; the facts once its
    /// checks passed.
    fn expr(&mut self, id: NodeId, facts: &Facts) -> Facts {
        let sequential = !self.runtime_call_under(id);
        self.expr_checks(id, facts, sequential)
    }

    /// `expr` of a node under `id`, returning the facts once its checks
    /// passed. gc's order pass runs the calls under an expression (its
    /// order temporaries, with the checks in their arguments) first, and
    /// its SSA then checks the rest left to right, operands before the
    /// node: unless something under the expression calls the runtime in
    /// place (not `sequential`), a check that passed serves those after it.
    fn expr_checks(&mut self, id: NodeId, facts: &Facts, sequential: bool) -> Facts {
        let node = self.func.node(id);
        let after_init = self.list(&node.init, facts.clone());
        if let Op::InlinedCall { body, .. } = &node.op {
            // Its statements run in order, each forgetting what it may change.
            return self.list(body, after_init);
        }
        let mut facts = self.during(&after_init, &[id]);
        match &node.op {
            Op::Binary(op @ (BinOp::AndAnd | BinOp::OrOr), l, r) => {
                let after_left = self.expr_checks(*l, &facts, sequential);
                let right = self.after_condition(&facts, *l, Some(*op == BinOp::AndAnd));
                self.expr_checks(*r, &right, sequential);
                after_left
            }
            Op::Closure(_) => facts,
            _ if sequential => {
                facts = self.temporaries_first(id, facts);
                self.checks_in_order(id, facts)
            }
            _ => {
                // gc's CSE makes one value of a pure value's reads, calls
                // or not: once its check passed, the later ones of the
                // same shape are checked.
                for child in node.operands() {
                    let end = self.expr_checks(child, &facts, false);
                    facts.add_pure(&end);
                    // A call may change what one reads from memory.
                    if self.writes_memory(&[child]) {
                        facts.0.retain(|(a, b), _| !(a.is_pure() && a.in_memory() || b.is_pure() && b.in_memory()));
                    }
                }
                self.decide(id, &facts);
                let mut passed = Facts::default();
                self.own_checks(id, &mut passed);
                facts.add_pure(&passed);
                facts
            }
        }
    }

    /// The outermost order temporaries under `id`, in evaluation order.
    fn order_temporaries_under(&self, id: NodeId) -> Vec<NodeId> {
        let mut found = Vec::new();
        for child in self.func.node(id).operands() {
            if self.func.is_order_temporary(self.types, child) {
                found.push(child);
            } else {
                found.extend(self.order_temporaries_under(child));
            }
        }
        found
    }

    /// The checks of the order temporaries under `id`, which gc's order
    /// pass runs first, each with the facts of those before.
    fn temporaries_first(&mut self, id: NodeId, mut facts: Facts) -> Facts {
        let temporaries = self.order_temporaries_under(id);
        for (k, temporary) in temporaries.iter().enumerate() {
            let (Op::Len(x) | Op::Cap(x)) = self.func.node(*temporary).op else { continue };
            let in_memory = self.seq_of(x).is_some_and(|seq| Atom::Len(seq).in_memory());
            if in_memory && self.writes_memory(&temporaries[k + 1..]) {
                self.stale_lengths.insert(*temporary);
            }
        }
        for temporary in temporaries {
            facts = self.expr_checks(temporary, &facts, true);
        }
        facts
    }

    /// The checks of `id` and under it, but for the order temporaries,
    /// left to right, each with the facts of those before.
    fn checks_in_order(&mut self, id: NodeId, facts: Facts) -> Facts {
        let mut facts = self.operand_checks_in_order(id, facts);
        self.decide(id, &facts);
        self.own_checks(id, &mut facts);
        facts
    }

    /// `checks_in_order` of each operand of `id`.
    fn operand_checks_in_order(&mut self, id: NodeId, mut facts: Facts) -> Facts {
        for child in self.func.node(id).operands() {
            if !self.func.is_order_temporary(self.types, child) {
                facts = self.list(&self.func.node(child).init, facts);
                facts = self.checks_in_order(child, facts);
            }
        }
        facts
    }

    /// Notes whether the facts prove check `id` needless, or failing.
    fn decide(&mut self, id: NodeId, facts: &Facts) {
        if self.func.node(id).bounded {
            return;
        }
        if self.in_range(id, facts) {
            self.proved.push(id);
        } else if self.always_fails(id, facts) {
            self.failing.push(id);
        } else {
            for (check, pair) in self.slice_bounds(id) {
                if pair.is_some_and(|(x, y)| facts.proves_slice_bound(x, y)) {
                    self.proved_slice_checks.push((id, check));
                }
            }
        }
    }

    /// Whether the facts prove index `id` out of range: below zero, or
    /// not below the length.
    fn always_fails(&self, id: NodeId, facts: &Facts) -> bool {
        let Op::Index(x, i) = self.func.node(id).op else { return false };
        let (Some(len), Some(i)) = (self.len_of(x), self.index_term(i, facts)) else { return false };
        facts.proves(i, Term::constant(0), -1) || facts.proves(len, i, 0)
    }

    /// Whether the facts prove every bound of index or slice expression `id`.
    fn in_range(&self, id: NodeId, facts: &Facts) -> bool {
        match self.func.node(id).op {
            Op::Index(x, i) => {
                let len = self.len_of(x);
                // A length gc knows is a constant it divides by otherwise,
                // with a mask for a power of two, which folds too.
                let known = len.and_then(|len| facts.exact(len));
                if self.modulo_own_length(id, x, i) && known.is_none_or(|n| (n as u64).is_power_of_two()) {
                    return true;
                }
                let Some(len) = len else { return false };
                // A length the facts fix is a constant in gc's SSA.
                if let Some((most, len)) = self.masked_bound(i).zip(facts.value(len)) {
                    return most < len;
                }
                let Some(i) = self.index_term(i, facts) else { return false };
                let non_negative =
                    if i.atom != Atom::Zero && i.offset != 0 { facts.non_negative_to_gc(i) } else { facts.proves(Term::constant(0), i, 0) };
                non_negative && facts.proves(i, len, -1)
            }
            Op::Conv(ConvKind::SliceToArrayPtr, x) => {
                let (Some(n), Some(len)) = (self.array_len(self.func.node(id).ty), self.len_of(x)) else { return false };
                facts.proves(Term::constant(n), len, 0)
            }
            Op::Slice { .. } => self.slice_bounds(id).iter().all(|(_, pair)| pair.is_some_and(|(x, y)| facts.proves_slice_bound(x, y))),
            _ => false,
        }
    }

    /// The checks `x <= y` (both not negative) slice expression `id`
    /// makes, with the terms when terms give them.
    fn slice_bounds(&self, id: NodeId) -> Vec<(SliceCheck, Option<(Term, Term)>)> {
        let Op::Slice { x, lo, hi, max } = self.func.node(id).op else { return Vec::new() };
        let term = |b: NodeId| self.bound_term(b);
        let (len, cap) = (self.len_of(x), self.cap_of(x));
        let mut checks = Vec::new();
        if let Some(max) = max {
            checks.push((SliceCheck::Max, term(max).zip(cap)));
        }
        let limit = max.map_or(cap, term);
        if let Some(hi) = hi {
            checks.push((SliceCheck::High, term(hi).zip(limit)));
        }
        if let Some(lo) = lo {
            checks.push((SliceCheck::Low, term(lo).zip(hi.map_or(len, term))));
        }
        checks
    }

    /// The largest value of an index its operation keeps between 0 and a
    /// constant, as gc's rewrite rules fold its check into a constant
    /// length: `x & c`, and `u % c` of an unsigned `u` and a power of two
    /// `c`, which gc rewrites as `u & (c-1)`.
    fn masked_bound(&self, id: NodeId) -> Option<i64> {
        let unsigned = matches!(self.types.under(self.func.node(id).ty), TypeKind::Basic(b) if b.is_unsigned());
        let positive = |c: Option<i64>| c.filter(|c| (0..MAX_OFFSET).contains(c));
        match self.func.node(id).op {
            Op::Binary(BinOp::Mod, _, c) if unsigned => {
                positive(self.int_const(c)).filter(|c| (*c as u64).is_power_of_two()).map(|c| c - 1)
            }
            Op::Binary(BinOp::And, x, c) => positive(self.int_const(c)).or_else(|| positive(self.int_const(x))),
            _ => None,
        }
    }

    /// Whether index `i` into slice or string `x` is `u % uint(len(y))`
    /// of 64-bit unsigned integers, `y` read as `x` is: gc's SSA sees one
    /// length, and its rule (IsInBounds (Mod64u _ y) y) folds the check.
    fn modulo_own_length(&self, index: NodeId, x: NodeId, i: NodeId) -> bool {
        let wide_unsigned = |id: NodeId| {
            let ty = self.func.node(id).ty;
            matches!(self.types.under(ty), TypeKind::Basic(b) if b.is_unsigned()) && self.types.size(ty) == 8
        };
        let Op::Binary(BinOp::Mod, _, mut modulus) = self.func.node(i).op else { return false };
        if !wide_unsigned(i) {
            return false;
        }
        while let Op::Conv(ConvKind::Numeric, inner) = self.func.node(modulus).op {
            if self.types.size(self.func.node(inner).ty) != 8 {
                return false;
            }
            modulus = inner;
        }
        let Op::Len(y) = self.func.node(modulus).op else { return false };
        // A variable in memory is read on either side of a call the
        // order pass leaves in place: one in `i` (x is read first), or in
        // the right side of an assignment to the element.
        let in_register = self.func.private_local(x).is_some();
        let inlined = |node: &Node| matches!(node.op, Op::InlinedCall { .. });
        self.is_sequence(self.func.node(x).ty)
            && self.func.same_place(x, y)
            && !self.func.any_node(i, &inlined)
            && (in_register || !self.runtime_call_under(i) && self.assigned_after_call != Some(index))
    }

    /// Whether a call the order pass leaves in place is made under `id`.
    fn runtime_call_under(&self, id: NodeId) -> bool {
        let node = self.func.node(id);
        (self.calls(node) && !self.func.is_order_temporary(self.types, id))
            || node.children().into_iter().any(|c| self.runtime_call_under(c))
    }

    /// Whether `node` calls a function or the runtime: a call, or what gc
    /// compiles to one in place (allocations, map operations, string
    /// conversions and building).
    fn calls(&self, node: &Node) -> bool {
        match &node.op {
            // walk runs a conversion's call before the statement.
            Op::Conv(kind, _) => !matches!(kind, ConvKind::Numeric | ConvKind::Nop | ConvKind::SliceToArrayPtr | ConvKind::Iface),
            Op::CompositeLit(_) => matches!(self.types.under(node.ty), TypeKind::Slice(_)),
            op => matches!(
                op,
                Op::Call { .. }
                    | Op::InlinedCall { .. }
                    | Op::Append { .. }
                    | Op::Copy(..)
                    | Op::Recv { .. }
                    | Op::MakeSlice { .. }
                    | Op::MakeMap { .. }
                    | Op::New
                    | Op::AddStr(_)
                    | Op::IndexMap { .. }
                    | Op::MapLit(_)
                    | Op::Closure(_)
            ),
        }
    }

    /// Adds what the checks `id` always makes, when it completes, prove:
    /// not those under `&&`, `||`, inlined bodies or closures.
    fn passed_checks(&self, id: NodeId, facts: &mut Facts) {
        let node = self.func.node(id);
        match &node.op {
            Op::Binary(BinOp::AndAnd | BinOp::OrOr, l, _) => self.passed_checks(*l, facts),
            Op::Closure(_) => {}
            // The statements an inlined body starts with run whenever the
            // call does: its arguments' assignments to the parameters.
            Op::InlinedCall { body, .. } => {
                let straight =
                    body.iter().take_while(|s| matches!(self.func.node(**s).op, Op::Assign { .. } | Op::Assign2 { .. } | Op::Decl(_)));
                for stmt in straight {
                    for child in self.func.node(*stmt).operands() {
                        self.passed_checks(child, facts);
                    }
                }
                // What they proved of memory does not outlive a store or
                // call later in the body (a pop shrinking its stack).
                if self.writes_memory(body) {
                    facts.forget(&HashSet::new(), true);
                }
            }
            _ => {
                for child in node.operands() {
                    self.passed_checks(child, facts);
                }
                self.own_checks(id, facts);
            }
        }
    }

    /// Adds what node `id`'s own check, once passed, proves (not those of its operands).
    fn own_checks(&self, id: NodeId, facts: &mut Facts) {
        let node = self.func.node(id);
        match &node.op {
            Op::Conv(ConvKind::SliceToArrayPtr, x) => {
                if let (Some(n), Some(len)) = (self.array_len(node.ty), self.len_of(*x)) {
                    facts.add(Term::constant(n), len, 0);
                }
            }
            Op::Index(x, i) => {
                if let (Some(len), Some(i)) = (self.len_of(*x), self.bound_term(*i)) {
                    facts.add(Term::constant(0), i, 0);
                    facts.add(i, len, -1);
                }
            }
            _ => {
                for (x, y) in self.slice_bounds(id).into_iter().filter_map(|(_, pair)| pair) {
                    facts.add(Term::constant(0), x, 0);
                    facts.add(x, y, 0);
                }
            }
        }
    }

    /// `len(x)` as a term: a constant for arrays, an atom for private locals.
    fn len_of(&self, x: NodeId) -> Option<Term> {
        let ty = self.func.node(x).ty;
        if let Some(n) = self.array_len(ty) {
            return Some(Term::constant(n));
        }
        Some(Term { atom: Atom::Len(self.seq_of(x)?), offset: 0 })
    }

    /// `cap(x)` as a term (a string's is its length).
    fn cap_of(&self, x: NodeId) -> Option<Term> {
        let ty = self.func.node(x).ty;
        if self.is_string(ty) {
            return self.len_of(x);
        }
        if let Some(n) = self.array_len(ty) {
            return Some(Term::constant(n));
        }
        Some(Term { atom: Atom::Cap(self.seq_of(x)?), offset: 0 })
    }

    /// The slice or string `x` as facts name it, when they can.
    fn seq_of(&self, x: NodeId) -> Option<Seq> {
        if !self.is_sequence(self.func.node(x).ty) {
            return None;
        }
        let private = |id: NodeId| self.func.private_local(id);
        match self.func.node(x).op {
            Op::Local(_) => private(x).map(Seq::Local),
            Op::Field(base, field) => private(base).map(|b| Seq::Field(b, field, false)),
            Op::FieldPtr(base, field) => private(base).map(|b| Seq::Field(self.pointer_root(b), field, true)),
            Op::Global(g) => Some(Seq::Global(g)),
            Op::Deref(p) => private(p).map(|p| Seq::Deref(self.pointer_root(p))),
            Op::Index(s, i) if matches!(self.types.under(self.func.node(s).ty), TypeKind::Slice(_)) => {
                Some(Seq::Elem(private(s)?, self.scalar_of(i)?))
            }
            _ => None,
        }
    }

    /// The pointer `p` copies, as far as copies go.
    fn pointer_root(&self, mut p: LocalId) -> LocalId {
        for _ in 0..self.pointer_copies.len() {
            let Some(of) = self.pointer_copies.get(&p) else { break };
            p = *of;
        }
        p
    }

    /// The `int` variable `id` reads, as facts name it, when they can.
    fn scalar_of(&self, id: NodeId) -> Option<Scalar> {
        let node = self.func.node(id);
        if !self.is_int(node.ty) {
            return None;
        }
        self.integer_scalar(id)
    }

    /// `scalar_of` for an expression of any integer type.
    fn integer_scalar(&self, id: NodeId) -> Option<Scalar> {
        match self.func.node(id).op {
            Op::Local(_) => self.func.private_local(id).map(Scalar::Local),
            Op::Field(base, field) => self.func.private_local(base).map(|b| Scalar::Field(b, field)),
            Op::FieldPtr(base, field) => self.func.private_local(base).map(|b| Scalar::Field(self.pointer_root(b), field)),
            _ => None,
        }
    }

    /// The value of an `int` expression as a term, when it is one.
    fn term(&self, id: NodeId) -> Option<Term> {
        self.wrapping_term(id).filter(|t| t.offset.unsigned_abs() < MAX_OFFSET as u64)
    }

    /// `term` of an index, or the constant the facts make it.
    fn index_term(&self, id: NodeId, facts: &Facts) -> Option<Term> {
        self.term(id).or_else(|| self.folded_constant(id, facts).map(Term::constant)).or_else(|| self.pure_term(id))
    }

    /// A bound of a check as a term: a term, or a pure value.
    fn bound_term(&self, id: NodeId) -> Option<Term> {
        self.term(id).or_else(|| self.pure_term(id))
    }

    /// The pure value `id` computes, as a term (`Atom::Pure`).
    fn pure_term(&self, id: NodeId) -> Option<Term> {
        let &(first, reads_memory) = self.pure_values.get(&id)?;
        Some(Term { atom: Atom::Pure(first, reads_memory), offset: 0 })
    }

    /// The value of an integer expression when the facts fix its operands,
    /// if an `int` holds it.
    fn folded_constant(&self, id: NodeId, facts: &Facts) -> Option<i64> {
        i64::try_from(self.folded(id, facts)?).ok()
    }

    /// The value of an integer expression of any size when the facts fix
    /// its operands: gc's SSA folds arithmetic and conversions on constants
    /// (its generic rewrite rules), as inlining makes constants of
    /// parameters. Computed wide, then wrapped to the expression's type.
    fn folded(&self, id: NodeId, facts: &Facts) -> Option<i128> {
        let node = self.func.node(id);
        let TypeKind::Basic(ty) = *self.types.under(node.ty) else { return None };
        if !ty.is_integer() || ty.size() == 0 {
            return None;
        }
        if let Op::Const { value, .. } = &node.op {
            return value.as_int();
        }
        if let Some(t) = self.term(id) {
            return facts.value(t).map(i128::from);
        }
        let value = match node.op {
            Op::Local(_) | Op::Field(..) | Op::FieldPtr(..) => {
                facts.value(Term { atom: Atom::Int(self.integer_scalar(id)?), offset: 0 }).map(i128::from)?
            }
            Op::Conv(ConvKind::Numeric, x) => self.folded(x, facts)?,
            Op::Binary(op, x, y) => {
                let (x, y) = (self.folded(x, facts)?, self.folded(y, facts)?);
                let bits = 8 * ty.size() as i128;
                match op {
                    BinOp::Add => x + y,
                    BinOp::Sub => x - y,
                    BinOp::Mul => x.checked_mul(y)?,
                    BinOp::Div => x.checked_div(y)?,
                    BinOp::Mod => x.checked_rem(y)?,
                    BinOp::And => x & y,
                    BinOp::Or => x | y,
                    BinOp::Xor => x ^ y,
                    BinOp::AndNot => x & !y,
                    BinOp::Shl if y >= bits => 0,
                    BinOp::Shl if y >= 0 => ((x as u128) << y) as i128,
                    BinOp::Shr if y >= bits => x >> 127,
                    BinOp::Shr if y >= 0 => x >> y,
                    _ => return None,
                }
            }
            _ => return None,
        };
        let modulus = 1i128 << (8 * ty.size());
        let wrapped = value.rem_euclid(modulus);
        Some(if !ty.is_unsigned() && wrapped >= modulus / 2 { wrapped - modulus } else { wrapped })
    }

    /// `term` before its offset is bounded: constants fold as the machine's
    /// 64-bit arithmetic wraps (`i + c1 + c2` is `i + (c1+c2)` whatever the
    /// constants), as gc's rewrite rules fold them.
    fn wrapping_term(&self, id: NodeId) -> Option<Term> {
        let node = self.func.node(id);
        if let Some(value) = self.int_const(id) {
            return Some(Term::constant(value));
        }
        if !self.is_int(node.ty) {
            return None;
        }
        match node.op {
            Op::Local(_) | Op::Field(..) | Op::FieldPtr(..) => self.scalar_of(id).map(|s| Term { atom: Atom::Int(s), offset: 0 }),
            Op::Len(_) | Op::Cap(_) if self.stale_lengths.contains(&id) => None,
            Op::Len(x) => self.len_of(x),
            Op::Cap(x) => self.cap_of(x),
            Op::InlinedCall { ref results, .. } if results.len() == 1 => self.wrapping_term(results[0]),
            Op::Binary(op @ (BinOp::Add | BinOp::Sub), x, y) => {
                let (base, c) = match (self.int_const(x), self.int_const(y)) {
                    (_, Some(c)) => (self.wrapping_term(x)?, if op == BinOp::Sub { c.wrapping_neg() } else { c }),
                    (Some(c), None) if op == BinOp::Add => (self.wrapping_term(y)?, c),
                    _ => return None,
                };
                Some(Term { atom: base.atom, offset: base.offset.wrapping_add(c) })
            }
            _ => None,
        }
    }

    /// Whether the machine value of `t` is its value as a sum: no overflow.
    fn exact(&self, t: Term, facts: &Facts) -> bool {
        match t.atom {
            _ if t.offset == 0 => true,
            Atom::Zero | Atom::Len(_) | Atom::Cap(_) => true,
            Atom::Int(_) | Atom::Pure(..) => {
                let x = Term { atom: t.atom, offset: 0 };
                let far = 1 << 60;
                facts.proves(Term::constant(-far), x, 0) && facts.proves(x, Term::constant(far), 0)
            }
        }
    }

    fn int_const(&self, id: NodeId) -> Option<i64> {
        match &self.func.node(id).op {
            Op::Const { value, .. } => value.as_int().and_then(|v| i64::try_from(v).ok()),
            _ => None,
        }
    }

    /// Signed and 64 bits wide: where a term's sum is the machine's.
    fn is_int(&self, ty: TypeId) -> bool {
        matches!(self.types.under(ty), TypeKind::Basic(Basic::Int | Basic::Int64))
    }

    fn is_string(&self, ty: TypeId) -> bool {
        matches!(self.types.under(ty), TypeKind::Basic(b) if b.is_string())
    }

    /// A string or a slice whose length is at most `MAX_LEN`: not one of
    /// zero-size elements, which may be as long as an int goes.
    fn is_sequence(&self, ty: TypeId) -> bool {
        self.is_string(ty) || matches!(self.types.under(ty), TypeKind::Slice(elem) if self.types.size(*elem) > 0)
    }

    fn array_len(&self, ty: TypeId) -> Option<i64> {
        let n = match self.types.under(ty) {
            TypeKind::Array(n, _) => *n,
            TypeKind::Pointer(p) => match self.types.under(*p) {
                TypeKind::Array(n, _) => *n,
                _ => return None,
            },
            _ => return None,
        };
        i64::try_from(n).ok()
    }

    /// The facts that statements `stmts` cannot break.
    fn without_written(&self, mut facts: Facts, stmts: &[NodeId]) -> Facts {
        facts.forget(&self.func.written_locals(stmts), self.writes_memory(stmts));
        facts
    }

    /// The facts that hold in the middle of `stmts`: those of memory are
    /// dropped when something in them may write memory, which gc's order
    /// pass may run first.
    fn during(&self, facts: &Facts, stmts: &[NodeId]) -> Facts {
        let mut facts = facts.clone();
        if self.writes_memory(stmts) {
            facts.forget(&HashSet::new(), true);
        }
        facts
    }

    /// Whether running `stmts` (statements or expressions) may store to
    /// memory: a call, a channel operation, a builtin that writes, or an
    /// assignment to anything but a private local.
    fn writes_memory(&self, stmts: &[NodeId]) -> bool {
        let mut todo = stmts.to_vec();
        while let Some(id) = todo.pop() {
            let node = self.func.node(id);
            let stores = match &node.op {
                Op::Call { .. }
                | Op::Append { .. }
                | Op::Copy(..)
                | Op::Recv { .. }
                | Op::Send { .. }
                | Op::Select { .. }
                | Op::Close(_)
                | Op::Delete(..)
                | Op::Go(_)
                | Op::Defer(_)
                | Op::Recover
                | Op::Print { .. } => true,
                Op::Assign { lhs, .. } | Op::AssignOp { lhs, .. } => !self.is_local_target(*lhs),
                Op::Assign2 { lhs, .. } => lhs.iter().flatten().any(|l| !self.is_local_target(*l)),
                Op::Range { key, value, .. } => key.iter().chain(value).any(|l| !self.is_local_target(*l)),
                _ => false,
            };
            if stores {
                return true;
            }
            todo.extend(node.children());
        }
        false
    }

    /// Whether assigning to `lhs` writes a private local gc's SSA holds in
    /// registers (or nothing: `_`); a larger array or struct lives in memory.
    fn is_local_target(&self, lhs: NodeId) -> bool {
        let in_registers = self.func.private_local(lhs).is_some() && self.types.is_ssa_able(self.func.node(lhs).ty);
        in_registers || matches!(self.func.node(lhs).op, Op::Blank)
    }
}

/// `y cmp x` for `x cmp y`.
fn mirror(cmp: BinOp) -> BinOp {
    match cmp {
        BinOp::Lt => BinOp::Gt,
        BinOp::Le => BinOp::Ge,
        BinOp::Gt => BinOp::Lt,
        BinOp::Ge => BinOp::Le,
        other => other,
    }
}

/// `!(x cmp y)` as a comparison.
fn negate(cmp: BinOp) -> BinOp {
    match cmp {
        BinOp::Lt => BinOp::Ge,
        BinOp::Le => BinOp::Gt,
        BinOp::Gt => BinOp::Le,
        BinOp::Ge => BinOp::Lt,
        BinOp::Eq => BinOp::Ne,
        _ => BinOp::Eq,
    }
}
