//! The location graph (gc's escape/graph.go): a location per variable and
//! per allocating expression, edges stored on their destination with a
//! dereference count (-1 for an address, 0 for a copy, +1 per indirection),
//! and holes, the contexts an expression's value flows into.

use std::cell::RefCell;
use std::rc::Rc;

use ir::{FuncId, LocalId, NodeId};

use super::leaks::Leaks;
use super::Batch;

/// Index of a location in `Batch::locs`.
pub type LocId = usize;
/// The heap: everything that outlives every function.
pub const HEAP: LocId = 0;
/// The discard sink: values that flow nowhere.
pub const BLANK: LocId = 1;

/// What a location stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocKind {
    Heap,
    Blank,
    /// A variable, in the function that declares it.
    Var(FuncId, LocalId),
    /// The object an expression allocates (`new(T)`, `&T{}`, a closure...).
    Alloc(FuncId, NodeId),
    /// A compiler temporary with no node (gc's `n == nil`).
    Temp,
    /// The record of the closure gc wraps a deferred call in, at the `defer` statement.
    DeferWrapper(FuncId, NodeId),
    /// A temporary such a wrapper captures, by index in `Batch::autotmps`.
    AutoTmp(usize),
}

pub struct Location {
    pub kind: LocKind,
    /// The function the location belongs to (None for the heap and the sink).
    pub func: Option<FuncId>,
    /// Incoming edges.
    pub edges: Vec<Edge>,
    /// Loop depth at the declaration.
    pub loop_depth: i32,
    /// 1 + the result's index for a result parameter; 0 otherwise.
    pub result_index: usize,
    // The walk's state.
    pub derefs: i32,
    pub walkgen: u32,
    pub dst: Option<LocId>,
    pub dst_edge: usize,
    pub queued: bool,
    /// Must live on the heap.
    pub escapes: bool,
    /// Its address never outlives the statement that takes it.
    pub transient: bool,
    /// Where a parameter's value leaks.
    pub param_esc: Leaks,
    pub captured: bool,
    pub reassigned: bool,
    pub addr_taken: bool,
}

pub struct Edge {
    pub src: LocId,
    pub derefs: i32,
    pub notes: Option<Rc<Note>>,
}

/// Why a value flows along an edge: where it happens and gc's word for it.
pub struct Note {
    pub next: Option<Rc<Note>>,
    pub at: NoteAt,
    pub why: &'static str,
}

/// What a note points at: a node, or a variable (printed as its name, at
/// its declaration), or a statement gc generates that minigo's IR does not
/// hold (the run-time part of a static initialization), already printed.
#[derive(Clone)]
pub enum NoteAt {
    Node(FuncId, NodeId),
    Var(FuncId, LocalId),
    Generated(String, ir::Pos),
    /// A text escape analysis rewrites as it goes, and gc prints as it is
    /// when the explanation is printed: the call a go/defer wrapper makes,
    /// whose operands become temporaries one at a time, and the assignment
    /// of an operand to its temporary, whose calls it desugars.
    Rewritten(Rc<RefCell<String>>, ir::Pos),
}

/// An evaluation context: where an expression's value goes, through how many dereferences.
#[derive(Clone)]
pub struct Hole {
    pub dst: LocId,
    pub derefs: i32,
    pub notes: Option<Rc<Note>>,
    pub addr_taken: bool,
}

impl Hole {
    pub fn to(dst: LocId) -> Hole {
        Hole { dst, derefs: 0, notes: None, addr_taken: false }
    }

    pub fn shift(&self, delta: i32) -> Hole {
        let mut k = self.clone();
        k.derefs += delta;
        assert!(k.derefs >= -1, "escape: derefs underflow");
        k.addr_taken = delta < 0;
        k
    }
}

impl Location {
    pub fn new(kind: LocKind, func: Option<FuncId>, loop_depth: i32, transient: bool) -> Location {
        Location {
            kind,
            func,
            edges: Vec::new(),
            loop_depth,
            result_index: 0,
            derefs: 0,
            walkgen: 0,
            dst: None,
            dst_edge: 0,
            queued: false,
            escapes: false,
            transient,
            param_esc: Leaks::default(),
            captured: false,
            reassigned: false,
            addr_taken: false,
        }
    }
}

impl Batch<'_> {
    /// Adds a note to a hole, when notes are kept (`-m=2`).
    pub fn note(&self, k: &Hole, at: NodeId, why: &'static str) -> Hole {
        self.note_at(k, NoteAt::Node(self.curfn, at), why)
    }

    pub fn note_at(&self, k: &Hole, at: NoteAt, why: &'static str) -> Hole {
        let mut k = k.clone();
        if self.explain {
            k.notes = Some(Rc::new(Note { next: k.notes.take(), at, why }));
        }
        k
    }

    pub fn deref(&self, k: &Hole, at: NodeId, why: &'static str) -> Hole {
        self.note(&k.shift(1), at, why)
    }

    pub fn addr(&self, k: &Hole, at: NodeId, why: &'static str) -> Hole {
        self.note(&k.shift(-1), at, why)
    }

    /// A type assertion to `ty` dereferences unless the value is stored in the interface word itself.
    pub fn dot_type(&self, k: &Hole, ty: ir::TypeId, at: NodeId, why: &'static str) -> Hole {
        let k = if self.pkg.types.is_interface(ty) || self.pkg.types.is_direct_iface(ty) { k.clone() } else { k.shift(1) };
        self.note(&k, at, why)
    }

    /// Records that `src`'s value flows into `k`.
    pub fn flow(&mut self, k: &Hole, src: LocId) {
        if k.addr_taken {
            self.locs[src].addr_taken = true;
        }
        let dst = k.dst;
        if dst == BLANK || (dst == src && k.derefs >= 0) {
            return;
        }
        if self.locs[dst].escapes && k.derefs < 0 {
            // An address stored straight into the heap: the object escapes now.
            if self.explain {
                let header = format!("{} escapes to heap:", self.loc_node_text(src));
                let mut lines = Vec::new();
                self.explain_flow(dst, src, k.derefs, &k.notes, &mut lines);
                self.explanation("escapes", src, header, lines);
            }
            self.locs[src].escapes = true;
            return;
        }
        self.locs[dst].edges.push(Edge { src, derefs: k.derefs, notes: k.notes.clone() });
    }

    pub fn new_loc(&mut self, kind: LocKind, transient: bool) -> LocId {
        let loc = Location::new(kind, Some(self.curfn), self.loop_depth, transient);
        self.locs.push(loc);
        let id = self.locs.len() - 1;
        if let LocKind::Var(f, l) = kind {
            self.var_locs.insert((f, l), id);
        }
        id
    }

    /// A hole that feeds every hole of `ks` (through a temporary when there are several).
    pub fn tee_hole(&mut self, ks: Vec<Hole>) -> Hole {
        match ks.len() {
            0 => Hole::to(BLANK),
            1 => ks.into_iter().next().expect("one hole"),
            _ => {
                let loc = self.new_loc(LocKind::Temp, true);
                for k in &ks {
                    assert!(k.derefs >= 0, "escape: teeHole with an address");
                    self.flow(k, loc);
                }
                Hole::to(loc)
            }
        }
    }

    /// A hole for a value kept until the function returns (a deferred call's function).
    pub fn later(&mut self, k: &Hole) -> Hole {
        let loc = self.new_loc(LocKind::Temp, false);
        self.flow(k, loc);
        Hole::to(loc)
    }

    /// The allocation of node `n`: a new location whose address flows into `k`.
    pub fn spill(&mut self, k: &Hole, n: NodeId) -> Hole {
        let loc = self.new_loc(LocKind::Alloc(self.curfn, n), true);
        let k = self.addr(k, n, "spill");
        self.flow(&k, loc);
        Hole::to(loc)
    }
}
