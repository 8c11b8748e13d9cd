//! Escape analysis, as gc 1.19's `cmd/compile/internal/escape`: after
//! inlining, each strongly connected component of the call graph (closures
//! with their enclosing function) is analysed as one batch, callees first.
//!
//! A batch builds a graph of locations — every variable and every allocating
//! expression — whose edges say "the value of src, dereferenced n times
//! (n = -1: its address), flows into dst" (`graph.rs`), from the function
//! bodies (`stmt.rs`, `expr.rs`, `call.rs`). The solver (`solve.rs`) walks
//! back from every location to find which addresses outlive what they point
//! to: such objects escape to the heap, and parameters that reach the heap or
//! a result get leak tags (`leaks.rs`), the summary later callers use.
//! Finally the batch prints gc's diagnostics and annotates the IR: variables
//! moved to the heap (`Local::on_heap`), allocations that escape
//! (`Node::escapes`), and how closures capture (`Capture::by_ref`).

mod call;
mod expr;
mod graph;
mod leaks;
mod solve;
mod stmt;
pub(crate) mod wrapper;

use std::collections::{HashMap, HashSet};

use ::ir::*;

use crate::callgraph;
use crate::decision::{Decision, DecisionKind, FlowLine, Site};
use crate::Config;
use graph::{Hole, LocId, LocKind, Location, NoteAt, HEAP};
use wrapper::{AutoTmp, Captor};

/// Runs escape analysis over the package, bottom-up, and annotates the IR.
pub fn escape_package(pkg: &mut Package, config: &Config, decisions: &mut Vec<Decision>) {
    for scc in callgraph::bottom_up(pkg) {
        escape_batch(pkg, &scc.funcs, config, decisions);
    }
}

/// Analyses `funcs` (a component, closures after their function) as one batch and annotates them.
pub fn escape_batch(pkg: &mut Package, funcs: &[FuncId], config: &Config, decisions: &mut Vec<Decision>) {
    run_batch(pkg, funcs, &[], config, decisions);
}

/// Analyses a method wrapper as gc's methodWrapper does: a batch of the
/// wrapper alone, whose walk goes into the function literals inlining
/// copied into it (`closures`), but without their parameter tags.
pub fn escape_wrapper(pkg: &mut Package, wrapper: FuncId, closures: &[FuncId], config: &Config, decisions: &mut Vec<Decision>) {
    let funcs: Vec<FuncId> = std::iter::once(wrapper).chain(closures.iter().copied()).collect();
    run_batch(pkg, &funcs, closures, config, decisions);
}

/// Analyses `funcs` as one batch, tags the parameters of those not
/// `untagged`, and annotates them.
fn run_batch(pkg: &mut Package, funcs: &[FuncId], untagged: &[FuncId], config: &Config, decisions: &mut Vec<Decision>) {
    if let Some(first) = funcs.first() {
        ::ir::compiling::at(pkg.func(*first).pos);
    }
    let outcome = {
        let mut batch = Batch::new(pkg, funcs, config, decisions);
        batch.untagged = untagged.to_vec();
        batch.run();
        batch.outcome()
    };
    outcome.apply(pkg, config.no_stack_alloc);
}

/// What a batch decided, applied to the IR once the batch is done with it.
struct Outcome {
    funcs: Vec<FuncId>,
    on_heap: Vec<(FuncId, LocalId, bool)>,
    escapes: Vec<(FuncId, NodeId, bool)>,
    by_ref: Vec<(FuncId, usize, bool)>,
    tags: Vec<(FuncId, Vec<ParamLeaks>)>,
}

impl Outcome {
    /// `all_on_heap`: ignore the stack decisions (`-d=nostackalloc`).
    fn apply(self, pkg: &mut Package, all_on_heap: bool) {
        for (f, n, escapes) in self.escapes {
            pkg.funcs[f.0 as usize].nodes[n.0 as usize].escapes = escapes || all_on_heap;
        }
        // Only the literals the walk met, which are built, capture: gc's
        // inliner puts the enclosing function's variables in place of those
        // of a literal it inlines where it is written, and the literal left
        // dead captures nothing.
        for f in &self.funcs {
            for local in &mut pkg.funcs[f.0 as usize].locals {
                local.captured_by_ref = false;
            }
        }
        for (f, i, by_ref) in self.by_ref {
            let capture = pkg.funcs[f.0 as usize].captures[i].clone();
            pkg.funcs[f.0 as usize].captures[i].by_ref = by_ref;
            // The enclosing function's variable: its address is held by the closure.
            if let Some(outer) = pkg.funcs[f.0 as usize].outer {
                let local = &mut pkg.funcs[outer.0 as usize].locals[capture.outer.0 as usize];
                local.captured_by_ref |= by_ref;
                local.addr_taken |= by_ref;
            }
        }
        for (f, l, heap) in self.on_heap {
            let local = &mut pkg.funcs[f.0 as usize].locals[l.0 as usize];
            local.on_heap = heap || (all_on_heap && (local.addr_taken || local.captured_by_ref));
        }
        for (f, tags) in self.tags {
            pkg.funcs[f.0 as usize].param_leaks = Some(tags);
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LabelState {
    Looping,
    NonLooping,
}

/// One batch: the functions of a component and their location graph.
pub(crate) struct Batch<'a> {
    pkg: &'a Package,
    funcs: Vec<FuncId>,
    /// Keep the notes `-m=2` explanations need.
    explain: bool,
    /// gc's `-smallframes` limits.
    small_frames: bool,
    decisions: &'a mut Vec<Decision>,
    /// The heap, the sink, then every location in creation order (gc's allLocs).
    locs: Vec<Location>,
    var_locs: HashMap<(FuncId, LocalId), LocId>,
    /// Closure expressions and defer wrappers met, in walk order, with the
    /// hole their record flows into.
    closures: Vec<(Hole, Captor)>,
    /// The temporaries of defer wrappers.
    autotmps: Vec<AutoTmp>,
    /// The calls and `recover()`s walked so far, which gc's escape analysis
    /// rewrites as it goes (FixVariadicCall, FixMethodCall, fixRecoverCall).
    desugared: HashSet<(FuncId, NodeId)>,
    /// Closures called where they are written (gc's ClosureCalled).
    closure_called: HashSet<FuncId>,
    /// Nodes whose init statements were walked ahead of them: the callee
    /// temporaries of wrapped go and defer calls.
    inits_walked: HashSet<(FuncId, NodeId)>,
    /// How each captured variable (by its location) is captured, once decided.
    by_value: HashMap<LocId, bool>,
    /// Each function's parameter tags, once the batch is solved.
    tags: Vec<(FuncId, Vec<ParamLeaks>)>,
    /// The functions of the batch whose parameters get no tags (and no
    /// `-m` lines): literals a wrapper's walk goes into.
    untagged: Vec<FuncId>,
    /// Interface conversions only compared, never stored: their boxes stay in the frame.
    in_place_boxes: Vec<(FuncId, NodeId)>,
    /// Static temporaries of package variable initializers named so far.
    static_temps: u32,
    // The function being walked.
    curfn: FuncId,
    loop_depth: i32,
    labels: HashMap<String, LabelState>,
}

impl<'a> Batch<'a> {
    fn new(pkg: &'a Package, funcs: &[FuncId], config: &Config, decisions: &'a mut Vec<Decision>) -> Batch<'a> {
        let mut heap = Location::new(LocKind::Heap, None, 0, false);
        heap.escapes = true;
        let blank = Location::new(LocKind::Blank, None, 0, false);
        Batch {
            pkg,
            funcs: funcs.to_vec(),
            explain: config.full_costs,
            small_frames: config.small_frames,
            decisions,
            locs: vec![heap, blank],
            var_locs: HashMap::new(),
            closures: Vec::new(),
            autotmps: Vec::new(),
            closure_called: HashSet::new(),
            inits_walked: HashSet::new(),
            desugared: HashSet::new(),
            by_value: HashMap::new(),
            tags: Vec::new(),
            untagged: Vec::new(),
            in_place_boxes: Vec::new(),
            static_temps: 0,
            curfn: funcs[0],
            loop_depth: 1,
            labels: HashMap::new(),
        }
    }

    fn run(&mut self) {
        for f in self.funcs.clone() {
            if !self.untagged.contains(&f) {
                self.init_func(f);
            }
        }
        for f in self.funcs.clone() {
            if !self.pkg.is_hidden_closure(f) {
                self.walk_func(f);
            }
        }
        for (k, captor) in std::mem::take(&mut self.closures) {
            match captor {
                Captor::Literal(closure) => self.flow_closure(&k, closure),
                Captor::DeferWrapper(temps) => self.flow_wrapper_captures(&k, &temps),
            }
        }
        for loc in 2..self.locs.len() {
            if let Some(why) = self.heap_alloc_reason(loc) {
                let at = match self.locs[loc].kind {
                    LocKind::Var(f, v) => NoteAt::Var(f, v),
                    LocKind::Alloc(f, n) => NoteAt::Node(f, n),
                    _ => unreachable!("only variables and allocations have a reason"),
                };
                let k = self.note_at(&Hole::to(HEAP).shift(-1), at, why);
                self.flow(&k, loc);
            }
        }
        self.walk_all();
        self.finish();
    }

    /// gc's `initFunc`: a location for each parameter, result and local (not
    /// for a closure's captured variables, which are the enclosing function's).
    fn init_func(&mut self, fid: FuncId) {
        self.curfn = fid;
        self.loop_depth = 1;
        let func = self.pkg.func(fid);
        let captured: HashSet<LocalId> = func.captures.iter().map(|c| c.inner).collect();
        let mut order: Vec<LocalId> = func.params.iter().chain(&func.results).copied().collect();
        order.extend(
            (0..func.locals.len() as u32)
                .map(LocalId)
                .filter(|l| !func.params.contains(l) && !func.results.contains(l) && !captured.contains(l)),
        );
        for l in order {
            self.new_loc(LocKind::Var(fid, l), false);
        }
        for (i, r) in func.results.iter().enumerate() {
            let loc = self.var_locs[&(fid, *r)];
            self.locs[loc].result_index = 1 + i;
        }
    }

    /// The locations of an untagged literal's variables, made where the
    /// walk meets the literal, after its own (gc makes them for a literal
    /// a wrapper's batch does not hold).
    pub(super) fn init_untagged(&mut self, fid: FuncId) {
        let made = self.locs.iter().any(|l| matches!(l.kind, LocKind::Var(f, _) if f == fid));
        if !self.untagged.contains(&fid) || made {
            return;
        }
        let saved = (self.curfn, self.loop_depth);
        self.init_func(fid);
        (self.curfn, self.loop_depth) = saved;
    }

    /// Walks a function body, with fresh loop depth and labels; labels that a
    /// later `goto` jumps back to count as loops.
    fn walk_func(&mut self, fid: FuncId) {
        let saved = (self.curfn, self.loop_depth, std::mem::take(&mut self.labels));
        self.curfn = fid;
        self.loop_depth = 1;
        let func = self.pkg.func(fid);
        for n in func.source_order(&func.body) {
            match &func.node(n).op {
                Op::Label(name) if name != "_" => {
                    self.labels.insert(name.clone(), LabelState::NonLooping);
                }
                Op::Branch { op: BranchOp::Goto, label: Some(name) } if self.labels.get(name) == Some(&LabelState::NonLooping) => {
                    self.labels.insert(name.clone(), LabelState::Looping);
                }
                _ => {}
            }
        }
        let body = func.body.clone();
        self.block(&body);
        (self.curfn, self.loop_depth, self.labels) = saved;
    }

    /// gc's `flowClosure`: decides how each captured variable is captured and
    /// flows it into the closure's record.
    fn flow_closure(&mut self, k: &Hole, closure: FuncId) {
        for capture in self.pkg.func(closure).captures.clone() {
            let loc = self.var_loc(closure, capture.inner);
            let by_value = self.flow_capture(k, loc, capture.pos);
            self.by_value.insert(loc, by_value);
        }
    }

    /// One captured variable (a variable's location or a defer wrapper's
    /// temporary), captured where gc's closure variable is (`use_pos`): by
    /// value when never reassigned nor address-taken and at most 128 bytes,
    /// reported at `-m=2`, and flowed into the record `k` (its address when
    /// by reference). Returns whether by value.
    fn flow_capture(&mut self, k: &Hole, loc: LocId, use_pos: Pos) -> bool {
        let (owner, name, width, pos) = match self.locs[loc].kind {
            LocKind::Var(f, v) => {
                let local = self.pkg.func(f).local(v);
                (f, local.name.clone(), self.pkg.types.size(local.ty), local.pos)
            }
            LocKind::AutoTmp(t) => {
                let tmp = &self.autotmps[t];
                (tmp.func, tmp.name.clone(), tmp.width, tmp.pos)
            }
            _ => unreachable!("a closure captures variables"),
        };
        let l = &self.locs[loc];
        let by_value = !l.addr_taken && !l.reassigned && width <= 128;
        if self.explain {
            let kind = DecisionKind::Capturing {
                func: self.pkg.func(owner).name.clone(),
                by_ref: !by_value,
                name: name.clone(),
                addr: l.addr_taken,
                assign: l.reassigned,
                width,
            };
            self.decide(pos, kind);
        }
        let at = NoteAt::Generated(name, use_pos);
        let mut k = k.clone();
        if !by_value {
            k = self.note_at(&k.shift(-1), at.clone(), "reference");
        }
        let k = self.note_at(&k, at, "captured by a closure");
        self.flow(&k, loc);
        by_value
    }

    /// gc's `finish`: parameter tags and their lines, then a line per location.
    fn finish(&mut self) {
        let tagged: Vec<FuncId> = self.funcs.iter().filter(|f| !self.untagged.contains(f)).copied().collect();
        for f in tagged {
            let tags = self.param_tags(f);
            self.tags.push((f, tags));
        }
        for loc in 2..self.locs.len() {
            let l = &self.locs[loc];
            match l.kind {
                LocKind::Var(f, v) if l.escapes => {
                    let local = self.pkg.func(f).local(v);
                    self.decide(local.pos, DecisionKind::MovedToHeap { name: local.name.clone() });
                }
                LocKind::AutoTmp(t) if l.escapes => {
                    let tmp = &self.autotmps[t];
                    self.decide(tmp.pos, DecisionKind::MovedToHeap { name: tmp.name.clone() });
                }
                LocKind::Alloc(f, n) => {
                    let what = self.loc_node_text(loc);
                    let site = Site::of_node(self.pkg.func(f), n);
                    let kind = if l.escapes { DecisionKind::EscapesToHeap { what } } else { DecisionKind::DoesNotEscape { what } };
                    self.decide_at(site, kind);
                }
                LocKind::DeferWrapper(f, n) if l.escapes => {
                    let site = Site::of_node(self.pkg.func(f), n);
                    self.decide_at(site, DecisionKind::WrapperEscapes);
                }
                _ => {}
            }
        }
    }

    fn outcome(&self) -> Outcome {
        let mut outcome =
            Outcome { funcs: self.funcs.clone(), on_heap: Vec::new(), escapes: Vec::new(), by_ref: Vec::new(), tags: self.tags.clone() };
        outcome.escapes.extend(self.in_place_boxes.iter().map(|&(f, n)| (f, n, false)));
        for l in &self.locs {
            match l.kind {
                LocKind::Var(f, v) => outcome.on_heap.push((f, v, l.escapes)),
                LocKind::Alloc(f, n) => outcome.escapes.push((f, n, l.escapes)),
                _ => {}
            }
        }
        for &f in &self.funcs {
            for (i, capture) in self.pkg.func(f).captures.iter().enumerate() {
                let loc = self.var_loc(f, capture.inner);
                if let Some(by_value) = self.by_value.get(&loc) {
                    outcome.by_ref.push((f, i, !by_value));
                }
            }
        }
        outcome
    }

    fn decide(&mut self, pos: Pos, kind: DecisionKind) {
        self.decisions.push(Decision::at(pos, kind));
    }

    /// `decide` at a site that may be in inlined code (what `-json` reports in full).
    fn decide_at(&mut self, site: Site, kind: DecisionKind) {
        self.decisions.push(Decision::at_site(site, kind));
    }

    /// The location of a variable as seen from function `fid`: a closure's
    /// captured variable is the enclosing function's (gc's `Canonical`).
    fn var_loc(&self, fid: FuncId, l: LocalId) -> LocId {
        let (f, l) = self.pkg.canonical_local(fid, l);
        *self
            .var_locs
            .get(&(f, l))
            .unwrap_or_else(|| panic!("escape: {} in {} has no location", self.pkg.func(f).local(l).name, self.pkg.func(f).name))
    }

    /// Where a location's variable or expression is, inlined positions
    /// included; None for the heap and temporaries, which have neither.
    fn loc_site(&self, loc: LocId) -> Option<Site> {
        match self.locs[loc].kind {
            LocKind::Var(f, v) => Some(Site::of_local(self.pkg.func(f), v)),
            LocKind::Alloc(f, n) | LocKind::DeferWrapper(f, n) => Some(Site::of_node(self.pkg.func(f), n)),
            LocKind::AutoTmp(t) => Some(Site::own(self.autotmps[t].pos)),
            LocKind::Heap | LocKind::Blank | LocKind::Temp => None,
        }
    }

    /// How gc prints a location's node: a variable's name, or the expression.
    fn loc_node_text(&self, loc: LocId) -> String {
        match self.locs[loc].kind {
            LocKind::Var(f, v) => self.pkg.func(f).local(v).name.clone(),
            LocKind::Alloc(f, n) => self.node_text(f, n),
            LocKind::DeferWrapper(..) => "func literal".to_string(),
            LocKind::AutoTmp(t) => self.autotmps[t].name.clone(),
            LocKind::Heap => "{heap}".to_string(),
            LocKind::Blank | LocKind::Temp => "{temp}".to_string(),
        }
    }

    /// A node as gc's `%v` prints it: the calls analysed so far as escape
    /// analysis rewrote them (a variadic call's `...` slice made, a
    /// devirtualized method call made a function call), the others as they
    /// were: gc explains a flow into the heap as it meets it, the rest once
    /// the whole graph is built.
    fn node_text(&self, f: FuncId, n: NodeId) -> String {
        let func = self.pkg.func(f);
        printer::node_text(self.pkg, func, n, &|id| self.desugared.contains(&(f, id)))
    }

    /// Prints a `-m=2` explanation: a header and its flow lines, at the
    /// location's position; `code` is its `-json` code.
    fn explanation(&mut self, code: &'static str, loc: LocId, header: String, lines: Vec<FlowLine>) {
        let site = self.loc_site(loc).unwrap_or_default();
        self.decide_at(site, DecisionKind::Explanation { code, header, lines });
    }
}
