//! Can-inline analysis: gc 1.19's `CanInline` and its `hairyVisitor`
//! (inline/inl.go). A function is inlinable when its node count, with the
//! special costs below, stays within the budget of 80. The costs are counted
//! on minigo's IR the way gc counts them on its own: nodes minigo merges or
//! splits differently are weighted here so the totals agree (see
//! ../shared/go119-facts.md, A4).

use ::ir::*;

use super::expand::static_callee;
use super::{can_inline, Options};
use crate::decision::{CostItem, Decision, DecisionKind, PgoNote};

pub const MAX_BUDGET: i32 = 80;
/// A call that will not be inlined.
pub const EXTRA_CALL_COST: i32 = 57;
pub const EXTRA_PANIC_COST: i32 = 1;
pub const CLOSURE_COST: i32 = 15;
/// A caller with at least this many nodes is "big"...
pub const BIG_FUNCTION_NODES: usize = 5000;
/// ...and inlines only callees that cost at most this much.
pub const BIG_FUNCTION_MAX_COST: u32 = 20;

/// The outcome of the visitor: a cost, or the reason the function is not
/// inlinable; with `full_costs`, what makes up the cost.
pub struct Verdict {
    pub outcome: Outcome,
    /// Empty without `full_costs`, or when a node disqualified the function.
    pub breakdown: Vec<CostItem>,
}

pub enum Outcome {
    Inlinable(u32),
    NotInlinable(String),
}

/// Runs the hairy visitor over `fid`'s body. A call costs what inlining its
/// static callee costs, or the extra call cost; a function literal called
/// directly is decided on the spot (its decision comes first, as in gc).
/// Without `full_costs` the walk stops once over `budget`, as gc's does below `-m=2`.
pub fn hairy_cost(pkg: &mut Package, fid: FuncId, budget: i32, opts: Options, decisions: &mut Vec<Decision>) -> Verdict {
    let full_costs = opts.full_costs;
    let max_budget = budget;
    let mut v = Hairy { pkg, decisions, root: fid, budget, reason: None, opts, breakdown: Vec::new() };
    for id in v.pkg.func(fid).body.clone() {
        if v.visit(fid, id) {
            break;
        }
    }
    let outcome = if let Some(reason) = v.reason {
        v.breakdown.clear();
        Outcome::NotInlinable(reason)
    } else if v.budget < 0 && !full_costs {
        Outcome::NotInlinable("too expensive".to_string())
    } else if v.budget < 0 {
        Outcome::NotInlinable(format!("function too complex: cost {} exceeds budget {}", max_budget - v.budget, max_budget))
    } else {
        Outcome::Inlinable((max_budget - v.budget) as u32)
    };
    Verdict { outcome, breakdown: v.breakdown }
}

struct Hairy<'a> {
    pkg: &'a mut Package,
    decisions: &'a mut Vec<Decision>,
    /// The function whose cost this is (the literals in it are visited with it).
    root: FuncId,
    budget: i32,
    reason: Option<String>,
    opts: Options<'a>,
    breakdown: Vec<CostItem>,
}

impl Hairy<'_> {
    /// Takes `cost` off the budget for node `id` of `fid`, noting what for
    /// when whole costs are counted.
    fn charge(&mut self, fid: FuncId, id: NodeId, cost: i32) {
        self.budget -= cost;
        if self.opts.full_costs && cost != 0 {
            let (what, extra_call) = self.construct(fid, id, cost);
            self.breakdown.push(CostItem { pos: self.pkg.func(fid).node(id).pos, what, cost, extra_call });
        }
    }

    /// `charge` for a switch clause, which is not a node of minigo's IR.
    fn charge_case(&mut self, pos: Pos, cost: i32) {
        self.budget -= cost;
        if self.opts.full_costs && cost != 0 {
            self.breakdown.push(CostItem { pos, what: "case".to_string(), cost, extra_call: false });
        }
    }

    /// The construct a node is, as the breakdown names it, and whether it
    /// is a call charged EXTRA_CALL_COST.
    fn construct(&self, fid: FuncId, id: NodeId, cost: i32) -> (String, bool) {
        let func = self.pkg.func(fid);
        let label = match &func.node(id).op {
            Op::Call { .. } => {
                return match static_callee(self.pkg, fid, id).map(|c| self.pkg.func(c)) {
                    Some(callee) => match &callee.inl {
                        Some(inl) => (format!("call to {} (inlinable, cost {})", callee.name, inl.cost), false),
                        None => (format!("call to {} (not inlinable, {})", callee.name, EXTRA_CALL_COST), true),
                    },
                    None => (format!("call through a func value or interface ({})", EXTRA_CALL_COST), true),
                }
            }
            Op::Closure(_) if cost == CLOSURE_COST => format!("function literal ({})", CLOSURE_COST),
            Op::Local(l) => format!("variable {}", func.local(*l).name),
            Op::Global(g) => format!("variable {}", self.pkg.globals[g.0 as usize].name),
            Op::Const { .. } => "constant".to_string(),
            Op::Func(f) => format!("function {}", self.pkg.func(*f).name),
            Op::Decl(_) => "declaration".to_string(),
            Op::Assign { .. } | Op::Assign2 { .. } | Op::AssignOp { .. } => "assignment".to_string(),
            Op::Addr(_) => "&x".to_string(),
            Op::Deref(_) => "*p".to_string(),
            Op::Field(..) => "x.f".to_string(),
            Op::FieldPtr(..) => "p.f".to_string(),
            Op::Index(..) => "x[i]".to_string(),
            Op::Binary(..) | Op::Unary(..) => "operator".to_string(),
            op => {
                let text = format!("{:?}", op);
                text.split(['(', ' ', '{']).next().unwrap_or("").to_lowercase()
            }
        };
        (label, false)
    }

    /// The inline cost of the call's static callee, deciding a function literal first.
    fn callee_cost(&mut self, fid: FuncId, call: NodeId) -> Option<u32> {
        let callee = static_callee(self.pkg, fid, call)?;
        if self.pkg.func(callee).outer.is_some() && !self.pkg.func(callee).inline_checked {
            can_inline(self.pkg, callee, self.opts, self.decisions);
        }
        let cost = self.pkg.func(callee).inl.as_ref().map(|i| i.cost)?;
        // Go 1.21's hairyVisitor notes a hot call site of the function
        // being costed here, measuring the call's line from the callee's
        // first line rather than the caller's.
        if let Some(hot) = self.opts.hot {
            let at = self.pkg.func(fid).node(call).pos;
            if hot.site(self.root, self.pkg.func(callee).pos, at).is_some() {
                let func = self.pkg.link_name(self.pkg.func(self.root));
                let note = PgoNote::HotCallsiteIdentified { at: hot.absolute_position(at), func };
                self.decisions.push(Decision::at(at, DecisionKind::Pgo(note)));
            }
        }
        Some(cost)
    }

    /// Visits a node and its children; true stops the walk (a disqualifying node).
    fn is_implicit_box(&self, fid: FuncId, id: NodeId) -> bool {
        let node = self.pkg.func(fid).node(id);
        node.implicit && matches!(node.op, Op::Conv(ConvKind::Iface, _))
    }

    /// A literal costing `own`, then its entries: each the cost of the key
    /// nodes gc has for it (an OSTRUCTKEY, an index's OKEY and constant, a
    /// map entry's OKEY) and its operands. Below -m=2 gc's walk charges each
    /// key as it reaches it and may stop in between; a full breakdown lists
    /// the keys with the literal.
    fn visit_literal(&mut self, fid: FuncId, id: NodeId, mut own: i32, entries: Vec<(i32, Vec<NodeId>)>) -> bool {
        if self.opts.full_costs {
            own += entries.iter().map(|(cost, _)| cost).sum::<i32>();
        }
        self.charge(fid, id, own);
        if self.budget < 0 && !self.opts.full_costs {
            return true;
        }
        for init in self.pkg.func(fid).node(id).init.clone() {
            if self.visit(fid, init) {
                return true;
            }
        }
        for (key_cost, operands) in entries {
            if !self.opts.full_costs {
                self.charge(fid, id, key_cost);
                if self.budget < 0 {
                    return true;
                }
            }
            for operand in operands {
                if self.visit(fid, operand) {
                    return true;
                }
            }
        }
        false
    }

    fn visit(&mut self, fid: FuncId, id: NodeId) -> bool {
        let node = self.pkg.func(fid).node(id).clone();
        let node = &node;
        // gc's per-node cost is 1; `own` is the adjustment for this node.
        let mut own: i32 = 1;
        match &node.op {
            Op::Recover => {
                self.reason = Some("call to recover".to_string());
                return true;
            }
            Op::DeclType => {
                self.reason = Some("unhandled op DCLTYPE".to_string());
                return true;
            }
            Op::Defer(_) => {
                self.reason = Some("unhandled op DEFER".to_string());
                return true;
            }
            Op::Go(_) => {
                self.reason = Some("unhandled op GO".to_string());
                return true;
            }
            // One OCASE per clause.
            Op::Select { cases, .. } => own += cases.len() as i32,
            Op::Call { .. } => {
                own += match self.callee_cost(fid, id) {
                    Some(cost) => cost as i32,
                    None => EXTRA_CALL_COST,
                };
            }
            Op::Panic(x) => {
                own += EXTRA_PANIC_COST;
                let arg = self.pkg.func(fid).node(*x);
                if arg.implicit && matches!(arg.op, Op::Conv(ConvKind::Iface, _)) {
                    own -= 1;
                }
            }
            Op::Closure(closure) => {
                // Charged before the body is walked: below -m=2 the walk
                // stops inside the body as soon as it is over budget.
                self.charge(fid, id, CLOSURE_COST);
                let body = self.pkg.func(*closure).body.clone();
                for stmt in body {
                    if self.visit(*closure, stmt) {
                        return true;
                    }
                }
            }
            Op::MethodValue { .. } | Op::IfaceMethodValue { .. } => own += 1,
            // One OKEY per entry.
            Op::MapLit(entries) => {
                let keys = entries.iter().map(|(key, value)| (1, vec![*key, *value])).collect();
                return self.visit_literal(fid, id, own, keys);
            }
            // OTYPESW and the identifier it declares.
            Op::TypeSwitchGuard { bind, .. } => own += *bind as i32,
            // The slice of a variadic call's extra arguments is built after inlining in gc.
            Op::CompositeLit(_) | Op::Nil if node.implicit => own = 0,
            Op::CompositeLit(elems) => {
                let is_slice = matches!(self.pkg.types.under(node.ty), TypeKind::Slice(_));
                let is_struct = matches!(self.pkg.types.under(node.ty), TypeKind::Struct(_));
                if is_slice {
                    own += 1;
                }
                // An explicit index is an OKEY node and its constant; each
                // struct element is an OSTRUCTKEY node of its own.
                let keys = elems
                    .iter()
                    .map(|(key, value)| {
                        let cost = if is_struct { 1 } else { 2 * matches!(key, LitKey::Index { keyed: true, .. }) as i32 };
                        (cost, vec![*value])
                    })
                    .collect();
                return self.visit_literal(fid, id, own, keys);
            }
            Op::Deref(x) => {
                let func = self.pkg.func(fid);
                let mut inner = func.node(*x);
                while let Op::Conv(ConvKind::Nop, y) = &inner.op {
                    inner = func.node(*y);
                }
                // `*&x` is one node less; `*&T{...}` is not: &T{...} is gc's
                // OPTRLIT, not an OADDR.
                if matches!(inner.op, Op::Addr(y) if !func.node(y).op.is_composite_lit()) {
                    own -= 1;
                }
            }
            // OFALL produces no code (a clause's last `fallthrough` is a flag
            // of the case; one after a label stays a statement).
            Op::Conv(ConvKind::Nop, _) | Op::Block(_) | Op::ExprStmt(_) | Op::DeclConst | Op::Branch { op: BranchOp::Fallthrough, .. } => {
                own = 0
            }
            // ODCL and its ONAME.
            Op::Decl(_) => own = 2,
            // ONEW and its OTYPE operand.
            Op::New => own = 2,
            // A blank target of an OAS2 is an ONAME of its own.
            Op::Assign2 { lhs, .. } => own += lhs.iter().filter(|l| l.is_none()).count() as i32,
            // One OCASE per clause, charged as the walk reaches it (below
            // -m=2 the walk may stop in between); a value compared with an
            // interface tag is not converted in gc.
            Op::Switch { tag, cases, .. } => {
                self.charge(fid, id, own);
                if self.budget < 0 && !self.opts.full_costs {
                    return true;
                }
                for child in node.init.iter().chain(tag) {
                    if self.visit(fid, *child) {
                        return true;
                    }
                }
                for case in cases {
                    // OCASE, and the ONAME of a type switch clause's variable.
                    let cost = 1 + case.var.is_some() as i32 - case.values.iter().filter(|v| self.is_implicit_box(fid, **v)).count() as i32;
                    self.charge_case(case.pos, cost);
                    if self.budget < 0 && !self.opts.full_costs {
                        return true;
                    }
                    for child in case.values.iter().chain(&case.body) {
                        if self.visit(fid, *child) {
                            return true;
                        }
                    }
                }
                return false;
            }
            // gc compares a value with an interface in place, without converting it.
            Op::Binary(BinOp::Eq | BinOp::Ne, a, b) => own -= [a, b].iter().filter(|x| self.is_implicit_box(fid, ***x)).count() as i32,
            Op::If { cond, then, els } => {
                if let Op::Const { value: ConstValue::Bool(taken), .. } = &self.pkg.func(fid).node(*cond).op {
                    // A constant condition: the if and its condition are free,
                    // only the branch that runs counts.
                    let branch = if *taken { then.clone() } else { els.clone() };
                    for s in node.init.iter().copied().chain(branch) {
                        if self.visit(fid, s) {
                            return true;
                        }
                    }
                    return false;
                }
            }
            _ => {}
        }
        self.charge(fid, id, own);
        if self.budget < 0 && !self.opts.full_costs {
            // gc's "too expensive": never printed, the walk just stops.
            return true;
        }
        for child in node.children() {
            if self.visit(fid, child) {
                return true;
            }
        }
        false
    }
}

/// gc's `ir.Any` node count of a function, including the function node itself.
pub fn node_count(pkg: &Package, fid: FuncId) -> usize {
    fn count(func: &Func, id: NodeId) -> usize {
        1 + func.node(id).children().into_iter().map(|c| count(func, c)).sum::<usize>()
    }
    let func = pkg.func(fid);
    1 + func.body.iter().map(|id| count(func, *id)).sum::<usize>()
}
