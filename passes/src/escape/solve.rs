//! The solver (gc's escape/solve.go): from every location, a shortest-path
//! walk back over incoming edges finds what flows into it and through how
//! many dereferences. An address reaching a location that outlives its
//! object makes the object escape; a parameter reaching the heap or a result
//! leaks. At `-m=2` each finding is explained by the path that proved it.

use super::graph::{LocId, LocKind, NoteAt, HEAP};
use super::Batch;
use crate::decision::{FlowLine, Site};
use ir::{FuncId, LocalClass};

impl Batch<'_> {
    /// Walks from every location until nothing changes: a LIFO queue that
    /// starts with every location and pops the heap first.
    pub(super) fn walk_all(&mut self) {
        let mut todo: Vec<LocId> = Vec::with_capacity(self.locs.len());
        for loc in (2..self.locs.len()).chain([HEAP]) {
            self.locs[loc].queued = true;
            todo.push(loc);
        }
        let mut walkgen = 0;
        while let Some(root) = todo.pop() {
            self.locs[root].queued = false;
            walkgen += 1;
            self.walk_one(root, walkgen, &mut todo);
        }
    }

    fn enqueue(&mut self, loc: LocId, todo: &mut Vec<LocId>) {
        if !self.locs[loc].queued {
            self.locs[loc].queued = true;
            todo.push(loc);
        }
    }

    fn walk_one(&mut self, root: LocId, walkgen: u32, queue: &mut Vec<LocId>) {
        self.locs[root].walkgen = walkgen;
        self.locs[root].derefs = 0;
        self.locs[root].dst = None;
        let mut todo = vec![root];
        while let Some(l) = todo.pop() {
            let mut derefs = self.locs[l].derefs;
            let address_of = derefs < 0;
            if address_of {
                // An address flows into root: the object lives as long as root needs it.
                derefs = 0;
                if !self.locs[root].transient && self.locs[l].transient {
                    self.locs[l].transient = false;
                    self.enqueue(l, queue);
                }
            }
            if self.outlives(root, l) {
                if self.is_name(l, LocalClass::Param) {
                    if self.explain && !self.locs[l].escapes {
                        let header =
                            format!("parameter {} leaks to {} with derefs={}:", self.loc_node_text(l), self.explain_loc(root), derefs);
                        let lines = self.explain_path(root, l);
                        self.explanation("leak", l, header, lines);
                    }
                    self.leak_to(l, root, derefs);
                }
                if address_of && !self.locs[l].escapes {
                    if self.explain {
                        let header = format!("{} escapes to heap:", self.loc_node_text(l));
                        let lines = self.explain_path(root, l);
                        self.explanation("escape", l, header, lines);
                    }
                    self.locs[l].escapes = true;
                    self.enqueue(l, queue);
                    continue;
                }
            }
            for i in 0..self.locs[l].edges.len() {
                let (src, edge_derefs) = (self.locs[l].edges[i].src, self.locs[l].edges[i].derefs);
                if self.locs[src].escapes {
                    continue;
                }
                let d = derefs + edge_derefs;
                let s = &mut self.locs[src];
                if s.walkgen != walkgen || s.derefs > d {
                    s.walkgen = walkgen;
                    s.derefs = d;
                    s.dst = Some(l);
                    s.dst_edge = i;
                    todo.push(src);
                }
            }
        }
    }

    /// The path the walk took from `src` back to `root`, as gc's flow lines.
    fn explain_path(&self, root: LocId, mut src: LocId) -> Vec<FlowLine> {
        let mut lines = Vec::new();
        let mut visited = std::collections::HashSet::new();
        loop {
            if !visited.insert(src) {
                lines.push(FlowLine::Truncated);
                break;
            }
            let Some(dst) = self.locs[src].dst else { break };
            let edge = &self.locs[dst].edges[self.locs[src].dst_edge];
            self.explain_flow(dst, src, edge.derefs, &edge.notes, &mut lines);
            if dst == root {
                break;
            }
            src = dst;
        }
        lines
    }

    /// One step: `flow: dst = <ops>src:` and its notes, newest first.
    pub(super) fn explain_flow(
        &self,
        dst: LocId,
        src: LocId,
        derefs: i32,
        notes: &Option<std::rc::Rc<super::graph::Note>>,
        lines: &mut Vec<FlowLine>,
    ) {
        let ops = if derefs >= 0 { "*".repeat(derefs as usize) } else { "&".to_string() };
        let text = format!("{} = {}{}", self.explain_loc(dst), ops, self.explain_loc(src));
        // gc files the flow line at its first note, or else at the source.
        let at = notes.as_ref().map_or_else(|| self.loc_site(src), |n| Some(self.note_text_and_site(&n.at).1));
        lines.push(FlowLine::Flow { text, at });
        let mut note = notes.as_ref();
        while let Some(n) = note {
            let (what, at) = self.note_text_and_site(&n.at);
            lines.push(FlowLine::From { what, why: n.why, at });
            note = n.next.as_ref();
        }
    }

    /// What a note shows, and where.
    fn note_text_and_site(&self, at: &NoteAt) -> (String, Site) {
        match at {
            NoteAt::Node(f, id) => (self.node_text(*f, *id), Site::of_node(self.pkg.func(*f), *id)),
            NoteAt::Var(f, l) => (self.pkg.func(*f).local(*l).name.clone(), Site::of_local(self.pkg.func(*f), *l)),
            NoteAt::Generated(text, pos) => (text.clone(), Site::own(*pos)),
            NoteAt::Rewritten(text, pos) => (text.borrow().clone(), Site::own(*pos)),
        }
    }

    fn explain_loc(&self, loc: LocId) -> String {
        match self.locs[loc].kind {
            LocKind::Heap => "{heap}".to_string(),
            LocKind::Blank | LocKind::Temp => "{temp}".to_string(),
            LocKind::Var(f, v) => self.pkg.func(f).local(v).name.clone(),
            LocKind::Alloc(..) | LocKind::DeferWrapper(..) => format!("{{storage for {}}}", self.loc_node_text(loc)),
            LocKind::AutoTmp(t) => self.autotmps[t].name.clone(),
        }
    }

    fn is_name(&self, loc: LocId, class: LocalClass) -> bool {
        matches!(self.locs[loc].kind, LocKind::Var(f, v) if self.pkg.func(f).local(v).class == class)
    }

    /// Whether location `l` lives longer than `other`, so that `other` cannot
    /// be on the stack if its address reaches `l`.
    fn outlives(&self, l: LocId, other: LocId) -> bool {
        let (lf, of) = (self.locs[l].func, self.locs[other].func);
        if self.locs[l].escapes {
            return true;
        }
        if self.is_name(l, LocalClass::Result) {
            // A directly called closure's result stays in its caller's frame.
            if let (Some(lf), Some(of)) = (lf, of) {
                if self.contains_closure(of, lf) && self.closure_called.contains(&lf) {
                    return false;
                }
            }
            return true;
        }
        if lf == of && self.locs[l].loop_depth < self.locs[other].loop_depth {
            return true;
        }
        if let (Some(lf), Some(of)) = (lf, of) {
            if self.contains_closure(lf, of) {
                return true;
            }
        }
        false
    }

    /// Whether closure `c` is (transitively) inside function `f`.
    fn contains_closure(&self, f: FuncId, c: FuncId) -> bool {
        let mut cur = self.pkg.func(c).outer;
        while let Some(o) = cur {
            if o == f {
                return true;
            }
            cur = self.pkg.func(o).outer;
        }
        false
    }
}
