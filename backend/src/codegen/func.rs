//! The per-function code generation state (`FuncCtx`): where each local
//! lives, the prologue that binds parameters and captured variables, and the
//! small emitters everything else is built from — loads and stores of whole
//! Go values, zeroing and copying memory, run-time calls, panics on failed
//! checks, and the return sequence.
//!
//! Storage follows the escape-analysis annotations (gc's `PAUTOHEAP`): a
//! local with `on_heap` lives in a `minigo_alloc`'d cell whose pointer is an
//! SSA variable (a fresh cell each time its `Decl` runs); an address-taken
//! local or a struct/array lives in a stack slot; every other local is a set
//! of Cranelift `Variable`s, one per part.

use std::collections::{HashMap, HashSet};

use cranelift_codegen::ir::{
    condcodes::IntCC, types, Block, FuncRef, GlobalValue, Inst, InstBuilder, InstructionData, MemFlagsData, Opcode, SourceLoc, StackSlot,
    StackSlotData, StackSlotKind, TrapCode, Value, ValueDef,
};
use cranelift_frontend::{FunctionBuilder, Variable};
use cranelift_module::{DataId, Module};
use ir::{Basic, Func, LocalId, NodeId, TypeId, TypeKind, TypeTable};

use super::layout::{int_mask, mem_size_align, repr, Part, Repr};
use super::nilcheck::{compare_in_width, first_store_has_write_barrier, ExplicitNilCheck};
use super::runtime::Rt;
use super::Codegen;
use crate::{CodeRecord, CodeRecordKind, Target};

/// The largest temporary kept in the frame: escape analysis puts variables
/// over 10 MiB on the heap, so bigger values only reach temporaries when
/// copied, and those go to the heap too rather than overflow the stack.
const MAX_STACK_TEMP: u64 = 10 * 1024 * 1024;

/// A Go value in generated code: its parts in registers, or the address of
/// its bytes for structs and arrays. A `Mem` value read from a variable is
/// that variable's address (not a copy): consumers that keep it copy it.
#[derive(Clone, Debug)]
pub(crate) enum Val {
    Parts(Vec<Value>),
    Mem(Value),
}

impl Val {
    pub fn scalar(&self) -> Value {
        match self {
            Val::Parts(parts) if parts.len() == 1 => parts[0],
            other => panic!("backend: expected a scalar value, got {:?}", other),
        }
    }

    pub fn part(&self, index: usize) -> Value {
        match self {
            Val::Parts(parts) => parts[index],
            Val::Mem(_) => panic!("backend: part {} of a memory value", index),
        }
    }

    pub fn addr(&self) -> Value {
        match self {
            Val::Mem(addr) => *addr,
            Val::Parts(_) => panic!("backend: address of a register value"),
        }
    }
}

/// Where a local variable lives.
#[derive(Clone, Debug)]
pub(crate) enum Storage {
    Vars(Vec<Variable>),
    Slot(StackSlot),
    /// Memory at an address fixed for the whole function (a struct parameter's
    /// caller-made copy, a by-value capture in the closure record).
    Addr(Value),
    /// A heap cell; the variable holds its pointer.
    Heap(Variable),
}

/// An assignable location.
#[derive(Clone, Debug)]
pub(crate) enum Place {
    Vars(LocalId),
    Addr(Value),
    /// `*p` or `p.f` (node `id`, at `offset` from `ptr`) whose load or
    /// store is also the nil check of `p` (`accessed_place`): a faulting
    /// access.
    Faulting {
        id: NodeId,
        ptr: Value,
        offset: i32,
    },
    Blank,
    /// `m[k]` (node `id`): the map and the key's address; written through
    /// mapassign, read through mapaccess1.
    MapEntry {
        id: NodeId,
        map: Value,
        key: Value,
    },
    /// A tuple assignment's target (`target_place`): its address, and the
    /// nil check of a pointer and the bounds check made when it is written.
    Checked {
        addr: Value,
        nil: Option<PendingNil>,
        bounds: Option<PendingBounds>,
    },
}

/// A nil check left for later: of `ptr`, for node `id`'s dereference.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PendingNil {
    pub id: NodeId,
    pub ptr: Value,
}

/// A bounds check left for later: node `id`'s `index < len`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PendingBounds {
    pub id: NodeId,
    pub index: Value,
    pub len: Value,
    pub index_ty: TypeId,
}

/// A `break`/`continue` target.
pub(crate) struct Breakable {
    pub label: Option<String>,
    pub break_block: Block,
    /// None for a switch.
    pub continue_block: Option<Block>,
}

pub(crate) struct FuncCtx<'a, 'p> {
    pub cg: &'a mut Codegen<'p>,
    pub b: FunctionBuilder<'a>,
    pub func: &'p Func,
    pub types: &'p TypeTable,
    pub storage: Vec<Option<Storage>>,
    /// The hidden closure-context argument.
    pub closure_ctx: Value,
    /// Per result: the caller-provided address for struct/array results.
    pub result_ptrs: Vec<Option<Value>>,
    pub labels: HashMap<String, Block>,
    pub breakables: Vec<Breakable>,
    /// The next case body while emitting a switch case (for `fallthrough`).
    pub fallthrough_target: Option<Block>,
    /// Stack objects overwritten before returning when `Config::poison_stack` is set.
    pub poison_slots: Vec<(StackSlot, u64)>,
    /// The slots of new objects (`new_stack_object`): gc's address-taken
    /// temporaries, never held in registers.
    pub(super) object_slots: HashSet<StackSlot>,
    func_refs: HashMap<cranelift_module::FuncId, FuncRef>,
    data_refs: HashMap<DataId, GlobalValue>,
    /// The first construct the backend cannot compile, reported after the function is built.
    pub unsupported: Option<String>,
    /// Results of calls run ahead of their statement (see `order.rs`).
    pub hoisted: HashMap<NodeId, Vec<Val>>,
    /// Nodes whose init statements have run already.
    pub inits_done: HashSet<NodeId>,
    /// The runtime's defer frame, in a function with defer statements.
    pub defer_frame: Option<Value>,
    /// The source position the instructions emitted now are for.
    srcloc: SourceLoc,
    /// The loads and stores that are nil checks too (`faulting_load`), and
    /// the node whose dereference each checks, if gc would check it; and
    /// the loads standing for a block move's first accesses (`copy_value`),
    /// which check nothing themselves.
    pub(super) faulting_accesses: Vec<(Inst, Option<NodeId>)>,
    /// The explicit nil checks made (`nil_check`).
    pub(super) explicit_nil_checks: Vec<ExplicitNilCheck>,
    /// Values tested not to be nil where the function starts (`panic_wrap_test`).
    pub(super) not_nil: HashSet<Value>,
    /// Pointers taken from an interface (its itab or data word) or
    /// converted from a slice (`opaque_pointer`): gc's early nil-check pass does not see
    /// what they point at.
    pub(super) opaque_pointers: HashSet<Value>,
    /// The first instructions of the code no nil check before it is
    /// dropped for (`with_check_barrier`).
    pub(super) check_barriers: HashSet<Inst>,
    /// The first instructions of array copies that are such barriers
    /// unless their destination and source cannot overlap.
    pub(super) barriers_unless_disjoint: Vec<(Inst, Value, Value)>,
    /// Whether the copies emitted now cannot overlap what they overwrite
    /// (gc's mayOverlap is false): an array is then moved, not memmoved.
    pub(super) copies_cannot_overlap: bool,
    /// The (inlined call, position in its callee) pairs of inlined code
    /// (`at_node`), for the function table.
    pub inline_locs: Vec<(u32, ir::Pos)>,
    inline_loc_index: HashMap<(u32, ir::Pos), u32>,
    /// The checks recorded in `Codegen::records`, by node, kind and bound
    /// (for a nil check: which of the node's checks it is):
    /// code compiled twice (a loop's condition) records them once.
    recorded_checks: HashSet<(NodeId, CodeRecordKind, u8)>,
    /// The checks recorded, each with its block and, for a bounds check,
    /// the two values it compares: those in a block the function never
    /// reaches, or between values that turn out constant, are dropped at
    /// its end (`finish_nil_checks`), as gc's dead code elimination and
    /// constant folding drop their checks.
    pub(super) pending_records: Vec<PendingRecord>,
}

/// A source location with this bit set is an index into `inline_locs`;
/// without it, a source position.
pub(crate) const INLINED_LOC: u32 = 1 << 31;

pub(crate) fn flags() -> MemFlagsData {
    MemFlagsData::trusted()
}

impl<'a, 'p> FuncCtx<'a, 'p> {
    /// Starts a function: the entry block, its parameters bound to their
    /// locals, captured variables bound from the closure record, results zeroed.
    pub fn new(cg: &'a mut Codegen<'p>, b: FunctionBuilder<'a>, func: &'p Func) -> FuncCtx<'a, 'p> {
        let (mut ctx, params) = FuncCtx::start(cg, b, func);
        // The prologue belongs to the declaration's line (a goroutine not
        // started yet is shown there).
        ctx.at(func.pos);
        ctx.prologue(&params[1..]);
        if func.nodes.iter().any(|n| matches!(n.op, ir::Op::Defer(_))) {
            ctx.defer_prologue();
        }
        ctx
    }

    /// The entry block of a Cranelift function that emits code of `func`,
    /// its parameters bound to nothing yet (the first is the context).
    pub fn start(cg: &'a mut Codegen<'p>, mut b: FunctionBuilder<'a>, func: &'p Func) -> (FuncCtx<'a, 'p>, Vec<Value>) {
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let params: Vec<Value> = b.block_params(entry).to_vec();
        let package = cg.package;
        let ctx = FuncCtx {
            cg,
            b,
            func,
            types: &package.types,
            storage: vec![None; func.locals.len()],
            closure_ctx: params[0],
            result_ptrs: Vec::new(),
            labels: HashMap::new(),
            breakables: Vec::new(),
            fallthrough_target: None,
            poison_slots: Vec::new(),
            object_slots: HashSet::new(),
            func_refs: HashMap::new(),
            data_refs: HashMap::new(),
            unsupported: None,
            hoisted: HashMap::new(),
            inits_done: HashSet::new(),
            defer_frame: None,
            srcloc: SourceLoc::default(),
            faulting_accesses: Vec::new(),
            explicit_nil_checks: Vec::new(),
            not_nil: HashSet::new(),
            opaque_pointers: HashSet::new(),
            check_barriers: HashSet::new(),
            barriers_unless_disjoint: Vec::new(),
            copies_cannot_overlap: false,
            inline_locs: Vec::new(),
            inline_loc_index: HashMap::new(),
            recorded_checks: HashSet::new(),
            pending_records: Vec::new(),
        };
        (ctx, params)
    }

    /// A function with defer statements registers a frame with the runtime
    /// and calls setjmp on it: a panic unwinding through the function comes
    /// back here with a nonzero result, runs the deferred calls and, if one
    /// of them recovered, returns the results as they are.
    ///
    /// Cranelift sees setjmp as an ordinary call, so the unwinding path
    /// must not read a value the register allocator may have kept in a
    /// spill slot that the body reused since (ARCHITECTURE.md, "setjmp"):
    /// everything it needs from before the call (the frame, the results'
    /// heap cells, the callers' result pointers) is stored in an explicit
    /// stack slot first and reloaded from there; the results themselves are
    /// in memory (a function with defer takes their addresses).
    fn defer_prologue(&mut self) {
        let frame = self.call_rt(Rt::DeferFrame, &[])[0];
        self.defer_frame = Some(frame);
        let heap_results: Vec<Variable> = self
            .func
            .results
            .clone()
            .into_iter()
            .filter_map(|r| match self.storage_of(r) {
                Storage::Heap(var) => Some(var),
                Storage::Slot(_) => None,
                Storage::Vars(_) | Storage::Addr(_) => panic!("backend: a result of a function with defer is not in memory"),
            })
            .collect();
        let mut kept = vec![frame];
        kept.extend(heap_results.iter().map(|var| self.b.use_var(*var)));
        kept.extend(self.result_ptrs.iter().flatten());
        let keep = self.stack_slot(8 * kept.len() as u64, 8);
        let keep_addr = self.b.ins().stack_addr(types::I64, keep, 0);
        for (i, value) in kept.iter().enumerate() {
            self.b.ins().store(flags(), *value, keep_addr, 8 * i as i32);
        }

        let jumped = self.call_rt(Rt::SetJmp, &[frame])[0];
        let unwinding = self.b.create_block();
        let body = self.b.create_block();
        self.b.ins().brif(jumped, unwinding, &[], body, &[]);
        self.b.switch_to_block(unwinding);
        // The slot's address computed again: the one above is a value too.
        let keep_addr = self.b.ins().stack_addr(types::I64, keep, 0);
        let reloaded: Vec<Value> = (0..kept.len()).map(|i| self.b.ins().load(types::I64, flags(), keep_addr, 8 * i as i32)).collect();
        let mut reloaded = reloaded.into_iter();
        let frame_again = reloaded.next().expect("the frame");
        for var in &heap_results {
            // Defined again in this block only: the body still sees the entry's.
            self.b.def_var(*var, reloaded.next().expect("a result cell"));
        }
        let result_ptrs = self.result_ptrs.clone();
        self.result_ptrs = result_ptrs.iter().map(|p| p.map(|_| reloaded.next().expect("a result pointer"))).collect();
        self.call_rt(Rt::DeferUnwind, &[frame_again]);
        let results = self.current_results();
        self.return_values(results);
        self.result_ptrs = result_ptrs;
        self.b.switch_to_block(body);
    }

    /// Makes the instructions emitted from now on belong to source position
    /// `pos` (the line tables of tracebacks); returns the previous one.
    pub fn at(&mut self, pos: ir::Pos) -> SourceLoc {
        let previous = self.srcloc;
        self.set_srcloc(SourceLoc::new(pos));
        previous
    }

    /// `at` node `id`'s position; for a node of inlined code, its position in
    /// the innermost inlined callee, with the inlined call (an entry of
    /// `inline_locs`, marked by INLINED_LOC in the source location).
    pub fn at_node(&mut self, id: NodeId) -> SourceLoc {
        let node = self.func.node(id);
        let Some(origin) = node.inlined_from else { return self.at(node.pos) };
        let next = self.inline_locs.len() as u32;
        let index = *self.inline_loc_index.entry((origin.call, origin.pos)).or_insert(next);
        if index == next {
            self.inline_locs.push((origin.call, origin.pos));
        }
        let previous = self.srcloc;
        self.set_srcloc(SourceLoc::new(INLINED_LOC | index));
        previous
    }

    pub fn set_srcloc(&mut self, loc: SourceLoc) {
        self.srcloc = loc;
        self.b.set_srcloc(loc);
    }

    /// Records a construct this backend does not compile; code after it traps.
    pub fn unsupported(&mut self, what: &str) {
        if self.unsupported.is_none() {
            self.unsupported = Some(format!("{}: {} is not supported by the backend yet", self.func.name, what));
        }
    }

    /// Binds the parameters after the closure context: result pointers, then Go parameters.
    fn prologue(&mut self, params: &[Value]) {
        let mut next = params.iter().copied();
        let result_types: Vec<TypeId> = self.func.results.iter().map(|r| self.func.local(*r).ty).collect();
        for ty in &result_types {
            let ptr = match repr(self.types, *ty) {
                Repr::Mem { .. } => Some(next.next().expect("result pointer parameter")),
                Repr::Parts(_) => None,
            };
            self.result_ptrs.push(ptr);
        }
        for param in &self.func.params {
            let ty = self.func.local(*param).ty;
            let incoming = match repr(self.types, ty) {
                Repr::Parts(parts) => Val::Parts(parts.iter().map(|_| next.next().expect("parameter")).collect()),
                Repr::Mem { .. } => Val::Mem(next.next().expect("parameter pointer")),
            };
            self.bind_incoming(*param, incoming);
        }
        self.bind_captures();
        for result in &self.func.results {
            self.declare_local(*result);
        }
    }

    /// Binds the closure's captured variables from its record (`ctx`).
    fn bind_captures(&mut self) {
        let offsets = self.cg.closure_layout(self.func).0;
        for (capture, offset) in self.func.captures.iter().zip(offsets) {
            let slot = self.b.ins().iadd_imm_s(self.closure_ctx, offset as i64);
            if capture.by_ref {
                let cell = self.b.ins().load(types::I64, flags(), slot, 0);
                let var = self.b.declare_var(types::I64);
                self.b.def_var(var, cell);
                self.storage[capture.inner.0 as usize] = Some(Storage::Heap(var));
            } else {
                let ty = self.func.local(capture.inner).ty;
                let value = self.load_val(ty, slot, 0);
                self.bind_incoming(capture.inner, value);
            }
        }
    }

    /// Gives a parameter-like local its storage, initialised with `value`.
    pub(super) fn bind_incoming(&mut self, local: LocalId, value: Val) {
        let info = self.func.local(local);
        let ty = info.ty;
        if info.on_heap {
            let cell = self.alloc(ty);
            self.store_val(ty, cell, 0, &value);
            let var = self.b.declare_var(types::I64);
            self.b.def_var(var, cell);
            self.storage[local.0 as usize] = Some(Storage::Heap(var));
            return;
        }
        match (repr(self.types, ty), value) {
            (Repr::Mem { .. }, Val::Mem(addr)) => self.storage[local.0 as usize] = Some(Storage::Addr(addr)),
            (_, value) => {
                let storage = self.local_storage(local);
                self.storage[local.0 as usize] = Some(storage);
                self.write_place(&Place::Vars(local), ty, &value);
            }
        }
    }

    /// The storage of a local that is not a parameter (created on first use).
    fn local_storage(&mut self, local: LocalId) -> Storage {
        let info = self.func.local(local);
        if info.on_heap {
            return Storage::Heap(self.b.declare_var(types::I64));
        }
        match repr(self.types, info.ty) {
            Repr::Parts(parts) if !info.addr_taken && !info.captured_by_ref => {
                Storage::Vars(parts.iter().map(|p| self.b.declare_var(p.ty)).collect())
            }
            _ => {
                let (size, align) = mem_size_align(self.types, info.ty);
                let slot = self.stack_slot(size, align);
                if self.cg.poison_stack && (info.addr_taken || info.captured_by_ref) {
                    self.poison_slots.push((slot, size));
                }
                Storage::Slot(slot)
            }
        }
    }

    fn storage_of(&mut self, local: LocalId) -> Storage {
        if let Some(storage) = &self.storage[local.0 as usize] {
            return storage.clone();
        }
        let storage = self.local_storage(local);
        if let Storage::Heap(var) = &storage {
            // A heap local used before its declaration ran (only in code the
            // lowering made unreachable): give it a cell so the access is valid.
            let ty = self.func.local(local).ty;
            let cell = self.alloc(ty);
            self.b.def_var(*var, cell);
        }
        self.storage[local.0 as usize] = Some(storage.clone());
        storage
    }

    /// `Decl`: a fresh, zeroed variable (a new heap cell for a moved-to-heap local).
    pub fn declare_local(&mut self, local: LocalId) {
        let ty = self.func.local(local).ty;
        // Not storage_of: that would give a heap local a cell of its own first.
        let storage = match &self.storage[local.0 as usize] {
            Some(storage) => storage.clone(),
            None => {
                let storage = self.local_storage(local);
                self.storage[local.0 as usize] = Some(storage.clone());
                storage
            }
        };
        match storage {
            Storage::Heap(var) => {
                let cell = self.alloc(ty);
                self.b.def_var(var, cell);
            }
            _ => {
                let zero = self.zero_val(ty);
                self.write_place(&Place::Vars(local), ty, &zero);
            }
        }
    }

    // ----- places -----

    pub fn local_place(&mut self, local: LocalId) -> Place {
        match self.storage_of(local) {
            Storage::Vars(_) => Place::Vars(local),
            Storage::Slot(slot) => Place::Addr(self.b.ins().stack_addr(types::I64, slot, 0)),
            Storage::Addr(addr) => Place::Addr(addr),
            Storage::Heap(var) => Place::Addr(self.b.use_var(var)),
        }
    }

    pub fn read_place(&mut self, place: &Place, ty: TypeId) -> Val {
        match place {
            Place::Vars(local) => match self.storage_of(*local) {
                Storage::Vars(vars) => Val::Parts(vars.iter().map(|v| self.b.use_var(*v)).collect()),
                _ => {
                    let place = self.local_place(*local);
                    self.read_place(&place, ty)
                }
            },
            Place::Addr(addr) => self.load_val(ty, *addr, 0),
            Place::Faulting { id, ptr, offset } => match repr(self.types, ty) {
                Repr::Parts(parts) => {
                    Val::Parts(parts.iter().map(|p| self.faulting_load(Some(*id), p.ty, *ptr, offset + p.offset)).collect())
                }
                Repr::Mem { .. } => panic!("backend: a faulting access to memory of type {:?}", ty),
            },
            Place::MapEntry { map, key, .. } => {
                let slot = self.call_rt(Rt::MapAccess1, &[*map, *key])[0];
                let value = self.load_val(ty, slot, 0);
                self.own(ty, value)
            }
            Place::Blank => panic!("backend: read of the blank identifier"),
            Place::Checked { .. } => panic!("backend: read of a tuple assignment's target"),
        }
    }

    pub fn write_place(&mut self, place: &Place, ty: TypeId, value: &Val) {
        match place {
            Place::Vars(local) => match self.storage_of(*local) {
                Storage::Vars(vars) => {
                    for (var, v) in vars.iter().zip(value_parts(value)) {
                        self.b.def_var(*var, v);
                    }
                }
                _ => {
                    let place = self.local_place(*local);
                    self.write_place(&place, ty, value);
                }
            },
            Place::Addr(addr) => self.store_val(ty, *addr, 0, value),
            Place::Faulting { id, ptr, offset } => match repr(self.types, ty) {
                Repr::Parts(parts) => {
                    for (p, v) in parts.iter().zip(value_parts(value)) {
                        self.faulting_store(*id, v, *ptr, offset + p.offset);
                    }
                }
                Repr::Mem { .. } => panic!("backend: a faulting access to memory of type {:?}", ty),
            },
            Place::MapEntry { id, map, key } => {
                let slot = self.map_assign(*id, 0, *map, *key);
                self.store_val(ty, slot, 0, value);
            }
            Place::Blank => {}
            Place::Checked { addr, nil, bounds } => {
                if let Some(PendingNil { id, ptr }) = nil {
                    self.nil_check(*id, *ptr);
                }
                if let Some(b) = bounds {
                    self.bounds_check(b.id, b.index, b.len, b.index_ty);
                }
                self.store_val(ty, *addr, 0, value);
            }
        }
    }

    // ----- memory -----

    pub fn stack_slot(&mut self, size: u64, align: u64) -> StackSlot {
        let align_shift = align.max(1).trailing_zeros() as u8;
        let size = u32::try_from(size.max(1)).expect("backend: stack object larger than 4 GiB");
        self.b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size, align_shift))
    }

    /// A fresh stack temporary for a value of type `ty` (not zeroed).
    /// Scratch memory for a value of type `ty`: in the frame, or on the heap
    /// for a value too large for a thread's stack (a copy of a huge array).
    pub fn temp(&mut self, ty: TypeId) -> Value {
        let (size, align) = mem_size_align(self.types, ty);
        if size > MAX_STACK_TEMP {
            return self.alloc(ty);
        }
        let slot = self.stack_slot(size, align);
        self.b.ins().stack_addr(types::I64, slot, 0)
    }

    /// A zeroed object of type `ty`: on the heap, or in this frame when the
    /// allocating node does not escape.
    pub fn new_object(&mut self, ty: TypeId, escapes: bool) -> Value {
        if escapes {
            return self.alloc(ty);
        }
        let (size, align) = mem_size_align(self.types, ty);
        self.new_stack_object(size, align)
    }

    /// A zeroed non-escaping object of `size` bytes in this frame.
    pub fn new_stack_object(&mut self, size: u64, align: u64) -> Value {
        let slot = self.stack_slot(size, align);
        self.object_slots.insert(slot);
        if self.cg.poison_stack {
            self.poison_slots.push((slot, size));
        }
        let addr = self.b.ins().stack_addr(types::I64, slot, 0);
        self.zero_mem(addr, size, align);
        addr
    }

    /// A zeroed heap object of type `ty`.
    pub fn alloc(&mut self, ty: TypeId) -> Value {
        let size = self.types.size(ty);
        let has_pointers = self.types.has_pointers(ty);
        let size = self.b.ins().iconst(types::I64, size as i64);
        self.alloc_bytes(size, has_pointers)
    }

    pub fn alloc_bytes(&mut self, size: Value, has_pointers: bool) -> Value {
        let has_pointers = self.b.ins().iconst(types::I32, has_pointers as i64);
        self.call_rt(Rt::Alloc, &[size, has_pointers])[0]
    }

    pub fn load_val(&mut self, ty: TypeId, addr: Value, offset: i32) -> Val {
        match repr(self.types, ty) {
            Repr::Parts(parts) => Val::Parts(parts.iter().map(|p| self.b.ins().load(p.ty, flags(), addr, offset + p.offset)).collect()),
            Repr::Mem { .. } => Val::Mem(if offset == 0 { addr } else { self.b.ins().iadd_imm_s(addr, offset as i64) }),
        }
    }

    pub fn store_val(&mut self, ty: TypeId, addr: Value, offset: i32, value: &Val) {
        if first_store_has_write_barrier(self.types, ty) && !self.is_stack_addr(addr) {
            self.with_check_barrier(|fx| fx.store_val_op(ty, addr, offset, value));
        } else {
            self.store_val_op(ty, addr, offset, value);
        }
    }

    /// `store_val` of the representation.
    fn store_val_op(&mut self, ty: TypeId, addr: Value, offset: i32, value: &Val) {
        match repr(self.types, ty) {
            Repr::Parts(parts) => {
                // As gc stores a slice or string part by part: its length
                // (and capacity) before its pointer.
                let values = value_parts(value);
                let order: &[usize] = match self.types.under(ty) {
                    TypeKind::Slice(_) => &[1, 2, 0],
                    TypeKind::Basic(Basic::String) => &[1, 0],
                    _ => &[],
                };
                let order: Vec<usize> = if order.len() == parts.len() { order.to_vec() } else { (0..parts.len()).collect() };
                for k in order {
                    self.b.ins().store(flags(), values[k], addr, offset + parts[k].offset);
                }
            }
            Repr::Mem { size, align } => {
                let dst = if offset == 0 { addr } else { self.b.ins().iadd_imm_s(addr, offset as i64) };
                self.copy_value(ty, dst, value.addr(), size, align);
            }
        }
    }

    /// The zero value of `ty` (a fresh zeroed temporary for structs and arrays).
    pub fn zero_val(&mut self, ty: TypeId) -> Val {
        match repr(self.types, ty) {
            Repr::Parts(parts) => Val::Parts(parts.iter().map(|p| self.zero_of(p)).collect()),
            Repr::Mem { size, align } => {
                let addr = self.temp(ty);
                self.zero_mem(addr, size, align);
                Val::Mem(addr)
            }
        }
    }

    fn zero_of(&mut self, part: &Part) -> Value {
        match part.ty {
            types::F32 => self.b.ins().f32const(0.0),
            types::F64 => self.b.ins().f64const(0.0),
            ty => self.b.ins().iconst(ty, 0),
        }
    }

    /// A private copy of a value (structs and arrays are copied to a temporary).
    pub fn own(&mut self, ty: TypeId, value: Val) -> Val {
        match (repr(self.types, ty), value) {
            (Repr::Mem { size, align }, Val::Mem(src)) => {
                let dst = self.temp(ty);
                // gc defines such a temporary (VarDef) before the copy,
                // which keeps a nil check before it explicit.
                if self.types.has_pointers(ty) && !self.types.is_ssa_able(ty) {
                    self.with_check_barrier(|fx| fx.copy_mem(dst, src, size, align));
                } else {
                    self.copy_value(ty, dst, src, size, align);
                }
                Val::Mem(dst)
            }
            (_, value) => value,
        }
    }

    /// A copy of a value of type `ty`. gc moves a struct with a block move
    /// that faults on a nil source or destination (DUFFCOPY, REP MOVSQ),
    /// so a nil check just before it goes; minigo's memmove call does not
    /// fault, and a load of each one's first byte stands for the move's
    /// first accesses. gc copies an array of more than one element by
    /// calling memmove, which keeps the check, unless the assignment cannot
    /// overlap (`copies_cannot_overlap`) or ssa.IsInlinableMemmove holds:
    /// at most 16 bytes (64 on arm64), or less than 1024 (at most 1024 on
    /// arm64) between places that cannot overlap, which is known once the
    /// function is built (`with_check_barrier_unless_disjoint`).
    fn copy_value(&mut self, ty: TypeId, dst: Value, src: Value, size: u64, align: u64) {
        let emit = |fx: &mut Self| {
            if !copies_inline(size, align) {
                for side in [src, dst] {
                    let probe = fx.b.ins().load(types::I8, flags(), side, 0);
                    let probe = fx.b.func.dfg.value_def(probe).unwrap_inst();
                    fx.faulting_accesses.push((probe, None));
                }
            }
            fx.copy_mem(dst, src, size, align);
        };
        if self.copies_cannot_overlap || !matches!(self.types.under(ty), TypeKind::Array(n, _) if *n > 1) {
            return emit(self);
        }
        let (inlinable, disjoint_limit) = match self.cg.target {
            Target::X86_64 => (16, 1023),
            Target::Aarch64 => (64, 1024),
        };
        if size <= inlinable {
            emit(self);
        } else if size <= disjoint_limit {
            self.with_check_barrier_unless_disjoint(dst, src, emit);
        } else {
            self.with_check_barrier(|fx| fx.copy_mem(dst, src, size, align));
        }
    }

    /// `memmove(dst, src, size)`: small copies load everything before storing.
    pub fn copy_mem(&mut self, dst: Value, src: Value, size: u64, align: u64) {
        let chunk = align.clamp(1, 8);
        if copies_inline(size, align) {
            let mut chunks = Vec::new();
            let mut offset = 0u64;
            while offset < size {
                let width = chunk_width(size - offset, chunk);
                let ty = types::Type::int((width * 8) as u16).expect("integer type");
                chunks.push((offset as i32, self.b.ins().load(ty, flags(), src, offset as i32)));
                offset += width;
            }
            for (offset, value) in chunks {
                self.b.ins().store(flags(), value, dst, offset);
            }
            return;
        }
        let size = self.b.ins().iconst(types::I64, size as i64);
        self.memmove(dst, src, size);
    }

    pub fn zero_mem(&mut self, addr: Value, size: u64, align: u64) {
        self.fill_mem(addr, size, align, 0);
    }

    pub fn fill_mem(&mut self, addr: Value, size: u64, align: u64, byte: u8) {
        let chunk = align.clamp(1, 8);
        if size / chunk <= 16 {
            let mut offset = 0u64;
            while offset < size {
                let width = chunk_width(size - offset, chunk);
                let ty = types::Type::int((width * 8) as u16).expect("integer type");
                let pattern = i64::from_ne_bytes([byte; 8]);
                let value = self.b.ins().iconst(ty, pattern & int_mask(8 * width as u32));
                self.b.ins().store(flags(), value, addr, offset as i32);
                offset += width;
            }
            return;
        }
        let byte = self.b.ins().iconst(types::I32, byte as i64);
        let size = self.b.ins().iconst(types::I64, size as i64);
        self.call_rt(Rt::Memset, &[addr, byte, size]);
    }

    pub fn memmove(&mut self, dst: Value, src: Value, size: Value) {
        self.call_rt(Rt::Memmove, &[dst, src, size]);
    }

    // ----- references to module items -----

    /// A reference to a function of the module, called directly (`call
    /// rel32`, `bl`): every callee is in the executable, the generated
    /// functions and the runtime archive linked statically and libc's
    /// functions reached through the PLT, so no call needs to load its
    /// target from the GOT.
    pub fn func_ref(&mut self, id: cranelift_module::FuncId) -> FuncRef {
        if let Some(r) = self.func_refs.get(&id) {
            return *r;
        }
        let r = self.cg.module.declare_func_in_func(id, self.b.func);
        self.b.func.dfg.ext_funcs[r].colocated = true;
        self.func_refs.insert(id, r);
        r
    }

    pub fn data_addr(&mut self, id: DataId) -> Value {
        let gv = match self.data_refs.get(&id) {
            Some(gv) => *gv,
            None => {
                let gv = self.cg.module.declare_data_in_func(id, self.b.func);
                self.data_refs.insert(id, gv);
                gv
            }
        };
        self.b.ins().symbol_value(types::I64, gv)
    }

    pub fn call_rt(&mut self, rt: Rt, args: &[Value]) -> Vec<Value> {
        let id = self.cg.runtime_func(rt);
        let r = self.func_ref(id);
        let call = self.b.ins().call(r, args);
        self.b.inst_results(call).to_vec()
    }

    // ----- control flow helpers -----

    /// Continues emitting in a fresh block after a terminator (the code is
    /// unreachable unless a label makes it reachable).
    pub fn start_unreachable_block(&mut self) {
        let block = self.b.create_block();
        self.b.switch_to_block(block);
    }

    pub fn jump(&mut self, target: Block) {
        self.b.ins().jump(target, &[]);
        self.start_unreachable_block();
    }

    /// Calls a never-returning runtime panic function when `failed` is true.
    pub fn panic_if(&mut self, failed: Value, rt: Rt, args: &[Value]) {
        let fail = self.b.create_block();
        let ok = self.b.create_block();
        self.b.set_cold_block(fail);
        self.b.ins().brif(failed, fail, &[], ok, &[]);
        self.b.switch_to_block(fail);
        self.call_rt(rt, args);
        self.b.ins().trap(TrapCode::unwrap_user(1));
        self.b.switch_to_block(ok);
    }

    /// Calls a never-returning runtime function unconditionally.
    pub fn panic_now(&mut self, rt: Rt, args: &[Value]) {
        self.call_rt(rt, args);
        self.b.ins().trap(TrapCode::unwrap_user(1));
        self.start_unreachable_block();
    }

    /// Notes a check node `id` makes in `block` (`bound` tells a slice
    /// expression's apart), for `-d=ssa/check_bce`, `-json` and `-report`.
    pub(super) fn record_check(&mut self, block: Block, id: NodeId, kind: CodeRecordKind, bound: u8) {
        self.record_comparison(block, id, kind, bound, None);
    }

    /// `record_check` of a bounds check comparing `operands`, in the block
    /// code is emitted into now.
    pub(super) fn record_bounds_check(&mut self, id: NodeId, kind: CodeRecordKind, bound: u8, operands: (Value, Value)) {
        let block = self.b.current_block().expect("code is emitted into a block");
        self.record_comparison(block, id, kind, bound, Some(operands));
    }

    fn record_comparison(&mut self, block: Block, id: NodeId, kind: CodeRecordKind, bound: u8, operands: Option<(Value, Value)>) {
        // gc folds an index check that always fails into its panic.
        let folded = kind == CodeRecordKind::IndexCheck && self.func.failing_checks.contains(&id);
        if folded || !self.recorded_checks.insert((id, kind, bound)) {
            return;
        }
        let node = self.func.node(id);
        let record = CodeRecord { pos: node.pos, inlined: self.func.inlined_positions(node.inlined_from), kind };
        self.pending_records.push(PendingRecord { block, record, operands });
    }

    /// Returns `results` (one value per Go result) from the function; with
    /// deferred calls, they run after the results are set and may change them.
    pub fn emit_return(&mut self, results: Vec<Val>) {
        let Some(frame) = self.defer_frame else {
            self.return_values(results);
            return;
        };
        for (r, value) in self.func.results.clone().into_iter().zip(&results) {
            let ty = self.func.local(r).ty;
            let place = self.local_place(r);
            self.write_place(&place, ty, value);
        }
        self.call_rt(Rt::DeferReturn, &[frame]);
        let results = self.current_results();
        self.return_values(results);
    }

    fn return_values(&mut self, results: Vec<Val>) {
        let result_types: Vec<TypeId> = self.func.results.iter().map(|r| self.func.local(*r).ty).collect();
        let mut returned = Vec::new();
        for (i, value) in results.into_iter().enumerate() {
            match self.result_ptrs[i] {
                Some(ptr) => self.store_val(result_types[i], ptr, 0, &value),
                None => returned.extend(value_parts(&value)),
            }
        }
        for (slot, size) in self.poison_slots.clone() {
            let addr = self.b.ins().stack_addr(types::I64, slot, 0);
            self.fill_mem(addr, size, 1, 0xa5);
        }
        self.b.ins().return_(&returned);
        self.start_unreachable_block();
    }

    /// The current values of the result variables (a bare `return`).
    pub fn current_results(&mut self) -> Vec<Val> {
        let results = self.func.results.clone();
        results
            .iter()
            .map(|r| {
                let ty = self.func.local(*r).ty;
                let place = self.local_place(*r);
                self.read_place(&place, ty)
            })
            .collect()
    }

    pub fn iconst(&mut self, value: i64) -> Value {
        self.b.ins().iconst(types::I64, value)
    }

    /// The constant `value` was made by, if `iconst` made it.
    pub fn const_value(&self, value: Value) -> Option<i64> {
        let ValueDef::Result(inst, _) = self.b.func.dfg.value_def(value) else { return None };
        match self.b.func.dfg.insts[inst] {
            InstructionData::UnaryImm { opcode: Opcode::Iconst, imm } => Some(imm.bits()),
            _ => None,
        }
    }

    /// The truth of condition `value` when it is a constant, or an
    /// equality test between constants.
    pub fn constant_condition(&self, value: Value) -> Option<bool> {
        if let Some(c) = self.const_value(value) {
            return Some(c != 0);
        }
        let ValueDef::Result(inst, _) = self.b.func.dfg.value_def(value) else { return None };
        let InstructionData::IntCompare { cond, args, .. } = self.b.func.dfg.insts[inst] else { return None };
        // Compared in the operands' width, whatever their immediates' upper bits.
        let width = self.b.func.dfg.value_type(args[0]).bits();
        let (a, b) = (self.const_value(args[0])?, self.const_value(args[1])?);
        matches!(cond, IntCC::Equal | IntCC::NotEqual).then(|| compare_in_width(cond, a, b, width))
    }
}

/// A check recorded (`record_check`), kept once the function is complete
/// unless it turns out dead or between constants.
pub(super) struct PendingRecord {
    pub block: Block,
    pub record: CodeRecord,
    /// A bounds check's index and length (or slice bounds).
    pub operands: Option<(Value, Value)>,
}

pub(crate) fn value_parts(value: &Val) -> Vec<Value> {
    match value {
        Val::Parts(parts) => parts.clone(),
        Val::Mem(addr) => vec![*addr],
    }
}

/// Whether `copy_mem` copies `size` bytes with loads and stores, 16 or
/// fewer, rather than calling memmove.
fn copies_inline(size: u64, align: u64) -> bool {
    size / align.clamp(1, 8) <= 16
}

/// The widest power-of-two access of at most `chunk` bytes that fits in `remaining`.
fn chunk_width(remaining: u64, chunk: u64) -> u64 {
    let mut width = chunk;
    while width > remaining {
        width /= 2;
    }
    width
}
