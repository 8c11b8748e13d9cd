//! Nil checks in the generated code, made as gc's SSA back end leaves them.
//! A dereference is checked either by a faulting access — a load or store
//! within the first page past the pointer, whose fault the runtime reports
//! as Go's nil-dereference panic — or by an explicit check that panics.
//! Once a function is built, an explicit check followed in its block by a
//! faulting access through the same pointer, with no call or store to other
//! memory before it, is dropped and the access made faulting (gc's late
//! nil-check elimination, `nilcheckelim2`); so is one followed so by
//! another explicit check of the pointer. The explicit checks left are
//! recorded: gc logs each one it emits (`nilcheck` in `-json`).
//!
//! What gc's SSA passes know before that is modelled on the function's
//! Cranelift form: loads that repeat an earlier one or read what a store
//! wrote are one value (CSE, store-to-load forwarding); code nothing reads
//! is dead, so its loads fault on nothing; and the scheduler may place the
//! load of a pointer before the check of the pointer it is loaded through,
//! which then stays. A faulting access that is a check gc keeps explicit
//! (dead, or scheduled after its load) is recorded as one.

use std::collections::{HashMap, HashSet};

use cranelift_codegen::ir::{
    condcodes::IntCC, Block, BlockArg, DataFlowGraph, Function, GlobalValue, Inst, InstBuilder, InstructionData, MemFlagsData, Opcode,
    StackSlot, Type, Value, ValueDef,
};
use ir::{NodeId, TypeId, TypeKind, TypeTable};

use super::func::FuncCtx;
use super::runtime::Rt;
use crate::CodeRecordKind;

/// What makes an explicit nil check needless (`first_access_through`).
enum Cover {
    /// A later load or store that faults on the pointer.
    Access(Inst),
    /// A later explicit check of the pointer.
    LaterCheck,
}

/// What a place holds (`repeated_loads`): a value, how many stores to
/// memory came before it, and whether a store put it there (or a load
/// read it).
struct Held {
    value: Value,
    stores_before: u32,
    stored: bool,
}

/// How many other stores gc's rules forward a store to a load past.
const FORWARDED_STORES: u32 = 3;

/// gc's minZeroPage: no memory is mapped below this address, so an access
/// at a smaller offset from a nil pointer faults.
pub(super) const NIL_FAULT_LIMIT: u64 = 4096;

/// An explicit nil check of `ptr`, for node `id`'s dereference: `branch`
/// goes to the panic when `ptr` is nil, else on to `next`.
pub(crate) struct ExplicitNilCheck {
    branch: Inst,
    next: Block,
    ptr: Value,
    id: NodeId,
    /// Which of node `id`'s checks this is (gc logs each).
    nth: u8,
}

/// Flags of an access that may fault (a nil dereference): Cranelift keeps
/// it where it is, in order with the other side effects, even if its value
/// is unused.
fn faulting_flags() -> MemFlagsData {
    let mut flags = MemFlagsData::new();
    flags.set_aligned();
    flags
}

impl<'a, 'p> FuncCtx<'a, 'p> {
    /// A load that is also the nil check of `ptr`, for node `id`'s
    /// dereference (None: one gc does not check): it faults on nil.
    pub fn faulting_load(&mut self, id: Option<NodeId>, ty: Type, ptr: Value, offset: i32) -> Value {
        let value = self.b.ins().load(ty, faulting_flags(), ptr, offset);
        let load = self.b.func.dfg.value_def(value).unwrap_inst();
        self.faulting_accesses.push((load, id));
        value
    }

    /// A store that is also the nil check of `ptr`, for node `id`'s
    /// dereference: it faults on nil.
    pub fn faulting_store(&mut self, id: NodeId, value: Value, ptr: Value, offset: i32) {
        let store = self.b.ins().store(faulting_flags(), value, ptr, offset);
        self.faulting_accesses.push((store, Some(id)));
    }

    /// Panics unless `ptr`, the pointer node `id` dereferences, is not nil.
    pub fn nil_check(&mut self, id: NodeId, ptr: Value) {
        self.nth_nil_check(id, 0, ptr);
    }

    /// `nil_check`, the `nth` of node `id`'s checks.
    pub fn nth_nil_check(&mut self, id: NodeId, nth: u8, ptr: Value) {
        let is_nil = self.b.ins().icmp_imm_s(IntCC::Equal, ptr, 0);
        let block = self.b.current_block().expect("code is emitted into a block");
        self.panic_if(is_nil, Rt::PanicNil, &[]);
        let branch = self.b.func.layout.last_inst(block).expect("panic_if ends the block with its branch");
        let next = self.b.current_block().expect("panic_if continues in a block");
        self.explicit_nil_checks.push(ExplicitNilCheck { branch, next, ptr, id, nth });
    }

    /// gc's wrapper `(*T).M` of a value method `T.M` starts by testing its
    /// receiver: a nil one panics as runtime's panicwrap does, and the
    /// receiver is known not to be nil after it.
    pub fn panic_wrap_test(&mut self) {
        let Some(method) = self.func.wrapper_of else { return };
        let (Some((rcvr, true)), Some((method_rcvr, false))) = (self.func.method_of, self.cg.package.func(method).method_of) else {
            return;
        };
        if rcvr != method_rcvr {
            return;
        }
        let this_local = self.func.params[0];
        let this_ty = self.func.local(this_local).ty;
        let place = self.local_place(this_local);
        let this = self.read_place(&place, this_ty).scalar();
        let type_name = self.types.display(rcvr);
        let method_name = self.func.name.rsplit_once('.').map_or(self.func.name.as_str(), |(_, name)| name);
        let message =
            format!("value method {}.{}.{} called using nil *{} pointer", self.cg.package.name, type_name, method_name, type_name);
        let text = self.string_const(message.as_bytes());
        let is_nil = self.b.ins().icmp_imm_s(IntCC::Equal, this, 0);
        self.panic_if(is_nil, Rt::PanicWrap, &[text.part(0), text.part(1)]);
        self.not_nil.insert(this);
    }

    /// Emits code that no explicit nil check before it is dropped for (an
    /// access from there on does not make it): a store of pointers to
    /// memory not known to be on the stack, which gc makes with a write
    /// barrier, in a block of its own, or a copy into a memory temporary
    /// with pointers, which gc defines first (VarDef).
    pub fn with_check_barrier(&mut self, emit: impl FnOnce(&mut Self)) {
        let first = self.first_emitted(emit);
        self.check_barriers.extend(first);
    }

    /// `with_check_barrier` for a copy from `src` to `dst`, unless the two
    /// cannot overlap (`disjoint`), decided once the function is built.
    pub fn with_check_barrier_unless_disjoint(&mut self, dst: Value, src: Value, emit: impl FnOnce(&mut Self)) {
        if let Some(first) = self.first_emitted(emit) {
            self.barriers_unless_disjoint.push((first, dst, src));
        }
    }

    /// The first instruction `emit` adds to the current block.
    fn first_emitted(&mut self, emit: impl FnOnce(&mut Self)) -> Option<Inst> {
        let block = self.b.current_block();
        let before = block.and_then(|block| self.b.func.layout.last_inst(block));
        emit(self);
        match before {
            Some(inst) => self.b.func.layout.next_inst(inst),
            None => block.and_then(|block| self.b.func.layout.first_inst(block)),
        }
    }

    /// ssa's `disjoint` for two addresses at their origins: a stack slot
    /// and another stack slot, a package symbol or a pointer parameter; a
    /// package symbol and another one.
    fn disjoint(&self, origins: &Origins, a: Value, b: Value) -> bool {
        #[derive(PartialEq, Eq)]
        enum Base {
            Stack,
            Symbol,
            Param,
        }
        let base = |v: Value| {
            let dfg = &self.b.func.dfg;
            match dfg.value_def(base_and_offset(dfg, origins, v).0) {
                ValueDef::Result(def, _) => match dfg.insts[def].opcode() {
                    Opcode::StackAddr => Some(Base::Stack),
                    Opcode::SymbolValue => Some(Base::Symbol),
                    _ => None,
                },
                ValueDef::Param(block, _) if Some(block) == self.b.func.layout.entry_block() => Some(Base::Param),
                _ => None,
            }
        };
        matches!((base(a), base(b)), (Some(Base::Stack), Some(_)) | (Some(_), Some(Base::Stack)) | (Some(Base::Symbol), Some(Base::Symbol)))
    }

    /// Whether `addr` is the address of a stack slot, plus a constant.
    pub fn is_stack_addr(&self, addr: Value) -> bool {
        let dfg = &self.b.func.dfg;
        let (base, _) = base_and_offset(dfg, &Origins::default(), addr);
        matches!(dfg.value_def(base), ValueDef::Result(def, _) if dfg.insts[def].opcode() == Opcode::StackAddr)
    }

    /// `ptr` as a pointer whose origin gc's early nil-check pass does not
    /// see: its SSA form (ITab, IData, SlicePtrUnchecked) is simplified
    /// only later. A copy (`ptr | ptr`, which Cranelift simplifies away), so
    /// that `finish_nil_checks` tells it apart; a constant stays one.
    pub fn opaque_pointer(&mut self, ptr: Value) -> Value {
        if self.const_value(ptr).is_some() {
            return ptr;
        }
        let copy = self.b.ins().bor(ptr, ptr);
        self.opaque_pointers.insert(copy);
        copy
    }

    /// Once the function's SSA form is complete: drops the explicit nil
    /// checks of pointers known not to be nil (`not_nil`), of the address
    /// of a stack slot or global (gc's early pass knows it), and those a
    /// faulting access makes anyway; records the others, and points
    /// faulting accesses through a constant nil at address 0. Then keeps
    /// the function's records of checks (`pending_records`) but those in
    /// dead code (after a check that always fails, too) and the bounds
    /// checks between constants.
    pub fn finish_nil_checks(&mut self) {
        let checks = std::mem::take(&mut self.explicit_nil_checks);
        let by_branch: HashMap<Inst, &ExplicitNilCheck> = checks.iter().map(|c| (c.branch, c)).collect();
        let probes: HashSet<Inst> = self.faulting_accesses.iter().filter(|(_, id)| id.is_none()).map(|(access, _)| *access).collect();
        let mut origins = Origins::new(self.b.func, &probes, (&by_branch, &self.object_slots));
        origins.note_checks(self.b.func, &checks, &self.faulting_accesses);
        for (first, dst, src) in std::mem::take(&mut self.barriers_unless_disjoint) {
            if !self.disjoint(&origins, dst, src) {
                self.check_barriers.insert(first);
            }
        }
        let not_nil: HashSet<Value> = self.not_nil.iter().map(|v| origins.origin(&self.b.func.dfg, *v)).collect();
        for check in &checks {
            let ptr = origins.origin(&self.b.func.dfg, check.ptr);
            let relative = self.frame_or_symbol_relative(&origins, ptr);
            if not_nil.contains(&ptr) || relative == Some(Seen::Early) {
                self.b.func.replace(check.branch).jump(check.next, &[]);
                continue;
            }
            // An access through the constant nil or a late-seen address
            // makes no check: the explicit one stays, unless a later one
            // of the same pointer makes it.
            let cover = if self.const_value(self.without_copies(&origins, ptr)).is_some() {
                None
            } else {
                // gc's block move takes a symbol's address in a register
                // (one value, CSE'd with the checked one); other accesses
                // fold a frame or symbol address in.
                let no_access = HashSet::new();
                let only = match relative {
                    Some(Seen::Late(Base::Symbol)) => Some(&probes),
                    Some(_) => Some(&no_access),
                    None => None,
                };
                self.first_access_through((check.id, check.branch), (ptr, only), (check.next, None), &by_branch, &origins)
            };
            match cover {
                Some(Cover::LaterCheck) => {
                    self.b.func.replace(check.branch).jump(check.next, &[]);
                }
                Some(Cover::Access(access)) => {
                    let func = &mut self.b.func;
                    let faulting = func.dfg.mem_flags.insert_unchecked(faulting_flags());
                    match &mut func.dfg.insts[access] {
                        InstructionData::Load { flags, .. } | InstructionData::Store { flags, .. } => *flags = faulting,
                        _ => unreachable!("an access is a load or a store"),
                    }
                    func.replace(check.branch).jump(check.next, &[]);
                    self.faulting_accesses.push((access, Some(check.id)));
                }
                None => {
                    let block = self.b.func.layout.inst_block(check.branch).expect("a check is in a block");
                    self.record_check(block, check.id, CodeRecordKind::NilCheck, check.nth);
                }
            }
        }
        self.finish_faulting_accesses(&origins, &by_branch, (&not_nil, &probes));
        // Checks in dead code, and bounds checks between constants (which
        // gc's rules fold), are not left. Dropping a check's branch above
        // only cut the edge to its panic block, so what `origins` found
        // reachable still is.
        let live = reached_folding_constants(self.b.func, &origins);
        for pending in std::mem::take(&mut self.pending_records) {
            let dfg = &self.b.func.dfg;
            let folded =
                pending.operands.is_some_and(|(a, b)| constant(dfg, &origins, a).is_some() && constant(dfg, &origins, b).is_some());
            if live.contains(&pending.block) && !folded {
                self.cg.records.push(pending.record);
            }
        }
    }

    /// The value `ptr` copies (`opaque_pointer`), at its origin.
    fn without_copies(&self, origins: &Origins, ptr: Value) -> Value {
        let dfg = &self.b.func.dfg;
        let mut value = origins.origin(dfg, ptr);
        while self.opaque_pointers.contains(&value) {
            let ValueDef::Result(copy, _) = dfg.value_def(value) else { break };
            value = origins.origin(dfg, dfg.inst_args(copy)[0]);
        }
        value
    }

    /// When `addr` is the address of a stack slot or global plus a
    /// constant (gc accesses it relative to the frame or the symbol): when
    /// gc's early nil-check pass sees that, or only later, through an
    /// `opaque_pointer`.
    fn frame_or_symbol_relative(&self, origins: &Origins, addr: Value) -> Option<Seen> {
        let dfg = &self.b.func.dfg;
        let mut late = false;
        let mut base = base_and_offset(dfg, origins, addr).0;
        while self.opaque_pointers.contains(&base) {
            late = true;
            let ValueDef::Result(copy, _) = dfg.value_def(base) else { return None };
            base = base_and_offset(dfg, origins, dfg.inst_args(copy)[0]).0;
        }
        let ValueDef::Result(def, _) = dfg.value_def(base) else { return None };
        let base = match dfg.insts[def].opcode() {
            Opcode::StackAddr => Base::Frame,
            Opcode::SymbolValue => Base::Symbol,
            _ => return None,
        };
        Some(if late { Seen::Late(base) } else { Seen::Early })
    }

    /// The first load or store from `block` on (after `after`, when in it;
    /// going on past explicit nil checks, `by_branch`) that faults if
    /// `ptr`, the pointer node `checked` dereferences, is nil (one of
    /// `only`, when given), or the first explicit check of `ptr` (gc's late
    /// nil-check pass drops a check another one follows), unless a call, a
    /// store elsewhere, an instruction that may trap, or an access at an
    /// address computed from `ptr` otherwise comes first. A load gc's
    /// scheduler places before the check does not count.
    fn first_access_through(
        &self,
        checked: (NodeId, Inst),
        (ptr, only): (Value, Option<&HashSet<Inst>>),
        (mut block, mut after): (Block, Option<Inst>),
        by_branch: &HashMap<Inst, &ExplicitNilCheck>,
        origins: &Origins,
    ) -> Option<Cover> {
        let func = &self.b.func;
        loop {
            let mut cursor = match after.take() {
                Some(inst) => func.layout.next_inst(inst),
                None => func.layout.first_inst(block),
            };
            while let Some(inst) = cursor {
                cursor = func.layout.next_inst(inst);
                if self.check_barriers.contains(&inst) {
                    return None;
                }
                let (addr, offset) = match func.dfg.insts[inst] {
                    InstructionData::Load { arg, offset, .. } => (arg, i64::from(offset)),
                    InstructionData::Store { args, offset, .. } => (args[1], i64::from(offset)),
                    ref data => {
                        let opcode = data.opcode();
                        if opcode.is_terminator() {
                            let next = by_branch.get(&inst)?;
                            // Copies of one pointer are one value once lowered.
                            if self.without_copies(origins, next.ptr) == self.without_copies(origins, ptr) {
                                return Some(Cover::LaterCheck);
                            }
                            block = next.next;
                            break;
                        }
                        if opcode.is_call() || opcode.can_store() || opcode.can_trap() {
                            return None;
                        }
                        continue;
                    }
                };
                // A load whose value nothing reads is dead code to gc, as is
                // one its CSE or store forwarding replaces.
                if let Some(&value) = func.dfg.inst_results(inst).first() {
                    if !origins.read.contains(&value) || origins.repeated.contains_key(&value) {
                        continue;
                    }
                }
                let (base, base_offset) = base_and_offset(&func.dfg, origins, addr);
                let offset = base_offset + offset;
                if base == ptr && (0..NIL_FAULT_LIMIT as i64).contains(&offset) {
                    if only.is_some_and(|only| !only.contains(&inst)) || self.scheduled_before(inst, checked, by_branch, origins) {
                        continue;
                    }
                    return Some(Cover::Access(inst));
                }
                if self.computed_from(base, ptr, 4) || func.dfg.insts[inst].opcode().can_store() {
                    return None;
                }
            }
        }
    }

    /// Whether gc's scheduler places `load`, an access through the pointer
    /// node `checked`'s check checks, before that check: when the load's
    /// value is checked right after it (by the explicit check ending its
    /// block, or a faulting access later in the block), at a position not
    /// after `checked`'s. The scheduler builds a block from its end, each
    /// time placing last the ready value of the highest score, and of two
    /// nil checks the later position; the load is ready only once the
    /// check of its value is placed.
    fn scheduled_before(
        &self,
        load: Inst,
        (checked, checked_at): (NodeId, Inst),
        by_branch: &HashMap<Inst, &ExplicitNilCheck>,
        origins: &Origins,
    ) -> bool {
        let func = &self.b.func;
        let dfg = &func.dfg;
        let Some(&loaded) = dfg.inst_results(load).first() else { return false };
        let loaded = origins.origin(dfg, loaded);
        if !origins.checked.contains(&loaded) {
            return false;
        }
        let mut next_check = None;
        let mut cursor = func.layout.next_inst(load);
        while let Some(inst) = cursor {
            if let Some(check) = by_branch.get(&inst) {
                next_check = (origins.origin(dfg, check.ptr) == loaded).then_some(check.id);
                break;
            }
            if let InstructionData::Load { arg: addr, .. } | InstructionData::Store { args: [_, addr], .. } = dfg.insts[inst] {
                if base_and_offset(dfg, origins, addr).0 == loaded {
                    next_check = origins.faulting.get(&inst).copied().flatten();
                    break;
                }
            }
            cursor = func.layout.next_inst(inst);
        }
        let Some(next_check) = next_check else { return false };
        // Positions compare within one inlined body (or none).
        let position = |id: NodeId| {
            let node = self.func.node(id);
            (node.inlined_from.map(|origin| origin.call), node.inlined_from.map_or(node.pos, |origin| origin.pos))
        };
        let ((body, at), (next_body, next_at)) = (position(checked), position(next_check));
        // At one position (a wrapper's), the check that starts its
        // statement sorts after the others.
        body == next_body && (next_at < at || next_at == at && !self.call_before(checked_at))
    }

    /// Whether a call comes before `inst` in the function's layout.
    fn call_before(&self, inst: Inst) -> bool {
        let layout = &self.b.func.layout;
        for block in layout.blocks() {
            for earlier in layout.block_insts(block) {
                if earlier == inst {
                    return false;
                }
                if self.b.func.dfg.insts[earlier].opcode().is_call() {
                    return true;
                }
            }
        }
        false
    }

    /// Whether `value` is `ptr` or computed from it by arithmetic, looking
    /// `depth` instructions deep.
    fn computed_from(&self, value: Value, ptr: Value, depth: u32) -> bool {
        let dfg = &self.b.func.dfg;
        let value = dfg.resolve_aliases(value);
        if value == ptr {
            return true;
        }
        let ValueDef::Result(inst, _) = dfg.value_def(value) else { return false };
        let data = &dfg.insts[inst];
        depth > 0 && !data.opcode().can_load() && dfg.inst_args(inst).iter().any(|arg| self.computed_from(*arg, ptr, depth - 1))
    }

    /// Settles the faulting accesses that are not what gc's would be:
    /// - one through the constant nil pointer accesses address 0 instead.
    ///   gc keeps an explicit nil check there (recorded), which faults at
    ///   address 0 (Go's `addr=0x0`), unless the access is at offset 0 and
    ///   so faults there itself;
    /// - one through the address of a stack slot or global, which the IR's
    ///   nil-check pass did not know was one (it came through an interface
    ///   or a variable): gc's access is relative to the frame or the symbol
    ///   and faults on nothing, so gc keeps its explicit check. That check
    ///   cannot fail, so only its record is made here. A block move (one
    ///   of `block_moves`) takes the address in a register and faults;
    /// - a load gc makes dead, or schedules before the check it stands for,
    ///   which gc then keeps explicit: only its record is made here.
    fn finish_faulting_accesses(
        &mut self,
        origins: &Origins,
        by_branch: &HashMap<Inst, &ExplicitNilCheck>,
        (not_nil, block_moves): (&HashSet<Value>, &HashSet<Inst>),
    ) {
        // A dereference's access is dead when nothing reads any of its
        // loads (of a string's parts, say).
        let mut read_ids: HashSet<NodeId> = HashSet::new();
        for &(access, id) in &self.faulting_accesses {
            let results = self.b.func.dfg.inst_results(access);
            if results.is_empty() || results.iter().any(|value| origins.read.contains(value)) {
                read_ids.extend(id);
            }
        }
        // A check gc keeps as its load goes first or is dead, unless its
        // early pass knows the pointer, or a later access through it makes it.
        let kept_before_load: Vec<bool> = self
            .faulting_accesses
            .iter()
            .map(|&(access, id)| {
                let (Some(id), InstructionData::Load { arg, .. }) = (id, self.b.func.dfg.insts[access]) else { return false };
                let Some(block) = self.b.func.layout.inst_block(access) else { return false };
                let ptr = base_and_offset(&self.b.func.dfg, origins, arg).0;
                let known = not_nil.contains(&ptr) || self.frame_or_symbol_relative(origins, ptr).is_some();
                let dead = !read_ids.contains(&id);
                !known
                    && (dead || self.scheduled_before(access, (id, access), by_branch, origins))
                    && self.first_access_through((id, access), (ptr, None), (block, Some(access)), by_branch, origins).is_none()
            })
            .collect();
        for ((access, id), kept_before_load) in std::mem::take(&mut self.faulting_accesses).into_iter().zip(kept_before_load) {
            let (ptr, offset) = match self.b.func.dfg.insts[access] {
                InstructionData::Load { arg, offset, .. } => (arg, offset),
                InstructionData::Store { args, offset, .. } => (args[1], offset),
                _ => continue,
            };
            let block = self.b.func.layout.inst_block(access).expect("an access is in a block");
            if let (Some(id), true) = (id, kept_before_load) {
                self.record_check(block, id, CodeRecordKind::NilCheck, 0);
            }
            if let Some(Seen::Late(base)) = self.frame_or_symbol_relative(origins, ptr) {
                if let (Some(id), false) = (id, base == Base::Symbol && block_moves.contains(&access)) {
                    self.record_check(block, id, CodeRecordKind::NilCheck, 0);
                }
                continue;
            }
            let dfg = &mut self.b.func.dfg;
            if i32::from(offset) == 0 || constant(dfg, origins, ptr) != Some(0) {
                continue;
            }
            if let InstructionData::Load { offset, .. } | InstructionData::Store { offset, .. } = &mut dfg.insts[access] {
                *offset = 0.into();
            }
            if let Some(id) = id {
                self.record_check(block, id, CodeRecordKind::NilCheck, 0);
            }
        }
    }
}

/// When gc's nil-check passes learn that a pointer is an address.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seen {
    /// Its early pass: it drops the checks of the pointer.
    Early,
    /// Only once its SSA form is simplified, too late to drop them: the
    /// frame- or symbol-relative accesses do not check it either.
    Late(Base),
}

/// What an address is relative to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Base {
    /// The frame: a stack slot's (gc's LocalAddr, one value per memory
    /// state).
    Frame,
    /// A global's symbol (gc's Addr, one value).
    Symbol,
}

/// The value of `value` when it is computed from constants alone (an
/// element's offset, `index * size`, for a constant index; a slice's
/// offset when its bounds are constants).
fn constant(dfg: &DataFlowGraph, origins: &Origins, value: Value) -> Option<i64> {
    let ValueDef::Result(inst, _) = dfg.value_def(origins.origin(dfg, value)) else { return None };
    match dfg.insts[inst] {
        InstructionData::UnaryImm { opcode: Opcode::Iconst, imm } => Some(imm.bits()),
        InstructionData::Binary { opcode: Opcode::Iadd, args } => {
            Some(constant(dfg, origins, args[0])?.wrapping_add(constant(dfg, origins, args[1])?))
        }
        InstructionData::Binary { opcode: Opcode::Isub, args } => {
            Some(constant(dfg, origins, args[0])?.wrapping_sub(constant(dfg, origins, args[1])?))
        }
        InstructionData::Binary { opcode: Opcode::Imul, args } => {
            Some(constant(dfg, origins, args[0])?.wrapping_mul(constant(dfg, origins, args[1])?))
        }
        // A slice's pointer moved only when its capacity is not zero.
        InstructionData::Ternary { opcode: Opcode::Select, args } => {
            constant(dfg, origins, if constant(dfg, origins, args[0])? != 0 { args[1] } else { args[2] })
        }
        _ => None,
    }
}

/// Whether gc's first store of a value of type `ty` to memory is of a
/// pointer, which gets a write barrier. gc stores a string's or slice's
/// length, and an interface's itab, before the pointer; a struct or array
/// its SSA form holds (`TypeTable::is_ssa_able`) field by field, and
/// another one with pointers at once.
pub(super) fn first_store_has_write_barrier(types: &TypeTable, ty: TypeId) -> bool {
    match types.under(ty) {
        TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) => true,
        TypeKind::Array(0, _) => false,
        TypeKind::Struct(_) | TypeKind::Array(..) if types.is_ssa_able(ty) => {
            let first = match types.under(ty) {
                TypeKind::Array(_, elem) => Some(*elem),
                _ => types.struct_fields(ty).and_then(|fields| fields.first()).map(|f| f.ty),
            };
            first.is_some_and(|first| first_store_has_write_barrier(types, first))
        }
        TypeKind::Struct(_) | TypeKind::Array(..) => types.has_pointers(ty),
        _ => false,
    }
}

/// `addr` as a base value (its `origin`) plus a constant offset (`iadd`s of
/// constants).
fn base_and_offset(dfg: &DataFlowGraph, origins: &Origins, addr: Value) -> (Value, i64) {
    let mut base = origins.origin(dfg, addr);
    let mut offset = 0i64;
    while let ValueDef::Result(inst, _) = dfg.value_def(base) {
        let InstructionData::Binary { opcode: Opcode::Iadd, args } = dfg.insts[inst] else { break };
        match (constant(dfg, origins, args[0]), constant(dfg, origins, args[1])) {
            (_, Some(c)) => (base, offset) = (origins.origin(dfg, args[0]), offset.wrapping_add(c)),
            (Some(c), _) => (base, offset) = (origins.origin(dfg, args[1]), offset.wrapping_add(c)),
            _ => break,
        }
    }
    (base, offset)
}

/// The values that code with an effect (a store, call, branch or trap)
/// reads, directly or through the instructions, block parameters and stack
/// slots that carry them, and those of the `probes`: what gc's dead-code
/// pass keeps. A store into a stack slot only loads read counts once one
/// of those loads is read (a struct variable gc's SSA form holds in
/// registers). (A faulting load nothing reads is a nil check alone to gc.)
/// `slots` and `slot_stores`: `slot_addresses` and `private_slot_stores`.
fn read_values(
    func: &Function,
    reached: &HashSet<Block>,
    incoming: &HashMap<Value, Vec<Value>>,
    probes: &HashSet<Inst>,
    (slots, slot_stores): (&HashMap<Value, StackSlot>, &HashMap<StackSlot, Vec<Inst>>),
) -> HashSet<Value> {
    let dfg = &func.dfg;
    let private_slot = |addr: Value| slots.get(&dfg.resolve_aliases(addr)).filter(|slot| slot_stores.contains_key(slot)).copied();
    let mut pending: Vec<Value> = Vec::new();
    for &block in reached {
        for inst in func.layout.block_insts(block) {
            let data = &dfg.insts[inst];
            let opcode = data.opcode();
            let load = matches!(data, InstructionData::Load { .. });
            let private_store = matches!(*data, InstructionData::Store { args: [_, addr], .. } if private_slot(addr).is_some());
            let effect =
                opcode.is_call() || opcode.can_store() || opcode.is_terminator() || opcode.other_side_effects() || opcode.can_trap();
            if probes.contains(&inst) {
                pending.extend(dfg.inst_results(inst));
            } else if effect && !load && !private_store {
                pending.extend(dfg.inst_args(inst));
            }
        }
    }
    let mut read = HashSet::new();
    let mut live_slots: HashSet<StackSlot> = HashSet::new();
    while let Some(value) = pending.pop() {
        let value = dfg.resolve_aliases(value);
        if !read.insert(value) {
            continue;
        }
        match dfg.value_def(value) {
            ValueDef::Result(inst, _) => {
                pending.extend(dfg.inst_args(inst));
                if let InstructionData::Load { arg, .. } = dfg.insts[inst] {
                    if let Some(slot) = private_slot(arg).filter(|slot| live_slots.insert(*slot)) {
                        pending.extend(slot_stores[&slot].iter().flat_map(|store| dfg.inst_args(*store)));
                    }
                }
            }
            ValueDef::Param(..) => pending.extend(incoming.get(&value).into_iter().flatten()),
            ValueDef::Union(..) => {}
        }
    }
    read
}

/// The stack slot whose address (plus a constant) each value is, in one
/// pass over the function's instructions.
fn slot_addresses(func: &Function) -> HashMap<Value, StackSlot> {
    let dfg = &func.dfg;
    let mut slots: HashMap<Value, StackSlot> = HashMap::new();
    for block in func.layout.blocks() {
        for inst in func.layout.block_insts(block) {
            let slot = match dfg.insts[inst] {
                InstructionData::StackAddr { stack_slot, .. } => Some(stack_slot),
                InstructionData::Binary { opcode: Opcode::Iadd, args } => {
                    let is_const = |v: Value| matches!(dfg.value_def(dfg.resolve_aliases(v)), ValueDef::Result(def, _) if dfg.insts[def].opcode() == Opcode::Iconst);
                    let slot_of = |v: Value| slots.get(&dfg.resolve_aliases(v)).copied();
                    match (slot_of(args[0]), slot_of(args[1])) {
                        (Some(slot), None) if is_const(args[1]) => Some(slot),
                        (None, Some(slot)) if is_const(args[0]) => Some(slot),
                        _ => None,
                    }
                }
                _ => None,
            };
            if let Some(slot) = slot {
                slots.insert(dfg.first_result(inst), slot);
            }
        }
    }
    slots
}

/// The stack slots only loads and stores address (`slots`: the slot
/// addresses), each with its stores.
fn private_slot_stores(func: &Function, reached: &HashSet<Block>, slots: &HashMap<Value, StackSlot>) -> HashMap<StackSlot, Vec<Inst>> {
    let dfg = &func.dfg;
    let slot_of = |v: Value| slots.get(&dfg.resolve_aliases(v)).copied();
    let mut escaping: HashSet<StackSlot> = HashSet::new();
    let mut stores: HashMap<StackSlot, Vec<Inst>> = HashMap::new();
    for &block in reached {
        for inst in func.layout.block_insts(block) {
            let (addressed, stored_into) = match dfg.insts[inst] {
                InstructionData::StackAddr { stack_slot, .. } => {
                    stores.entry(stack_slot).or_default();
                    continue;
                }
                // An address plus a constant is read where it is used.
                _ if dfg.inst_results(inst).first().is_some_and(|r| slots.contains_key(r)) => continue,
                InstructionData::Load { arg, .. } => (Some(arg), None),
                InstructionData::Store { args: [_, addr], .. } => (Some(addr), slot_of(addr)),
                _ => (None, None),
            };
            if let Some(slot) = stored_into {
                stores.entry(slot).or_default().push(inst);
            }
            for value in dfg.inst_values(inst) {
                if Some(value) != addressed {
                    escaping.extend(slot_of(value));
                }
            }
        }
    }
    stores.retain(|slot, _| !escaping.contains(slot));
    stores
}

/// The blocks control reaches from the function's entry.
fn reachable_blocks(func: &Function) -> HashSet<Block> {
    reached_from_entry(func, |_| None)
}

/// The blocks control reaches from the function's entry once a branch on
/// a comparison of constants goes one way, as gc's rules fold it: the code
/// after a bounds check that always fails is dead.
fn reached_folding_constants(func: &Function, origins: &Origins) -> HashSet<Block> {
    let dfg = &func.dfg;
    reached_from_entry(func, |block| {
        let branch = func.layout.last_inst(block)?;
        let InstructionData::Brif { arg, .. } = dfg.insts[branch] else { return None };
        let ValueDef::Result(compare, _) = dfg.value_def(arg) else { return None };
        let InstructionData::IntCompare { cond, args, .. } = dfg.insts[compare] else { return None };
        let width = dfg.value_type(args[0]).bits();
        let (a, b) = (constant(dfg, origins, args[0])?, constant(dfg, origins, args[1])?);
        Some(usize::from(!compare_in_width(cond, a, b, width)))
    })
}

/// The blocks control reaches from the function's entry, where a block
/// for which `taken` says which of its successors goes only there.
fn reached_from_entry(func: &Function, taken: impl Fn(Block) -> Option<usize>) -> HashSet<Block> {
    let mut reached: HashSet<Block> = func.layout.entry_block().into_iter().collect();
    let mut pending: Vec<Block> = reached.iter().copied().collect();
    while let Some(block) = pending.pop() {
        let targets = successors(func, block);
        let targets = match taken(block) {
            Some(k) => targets.get(k).cloned().into_iter().collect(),
            None => targets,
        };
        for (target, _) in targets {
            if reached.insert(target) {
                pending.push(target);
            }
        }
    }
    reached
}

/// Whether `a cond b` holds of two integers of `width` bits.
pub(super) fn compare_in_width(cond: IntCC, a: i64, b: i64, width: u32) -> bool {
    let shift = 64 - width.min(64);
    let (sa, sb) = ((a << shift) >> shift, (b << shift) >> shift);
    let (ua, ub) = ((a as u64) << shift >> shift, (b as u64) << shift >> shift);
    match cond {
        IntCC::Equal => ua == ub,
        IntCC::NotEqual => ua != ub,
        IntCC::SignedLessThan => sa < sb,
        IntCC::SignedLessThanOrEqual => sa <= sb,
        IntCC::SignedGreaterThan => sa > sb,
        IntCC::SignedGreaterThanOrEqual => sa >= sb,
        IntCC::UnsignedLessThan => ua < ub,
        IntCC::UnsignedLessThanOrEqual => ua <= ub,
        IntCC::UnsignedGreaterThan => ua > ub,
        IntCC::UnsignedGreaterThanOrEqual => ua >= ub,
    }
}

/// The blocks `block` branches to, each with the arguments it passes.
fn successors(func: &Function, block: Block) -> Vec<(Block, Vec<BlockArg>)> {
    let Some(branch) = func.layout.last_inst(block) else { return Vec::new() };
    func.dfg.insts[branch]
        .branch_destination(&func.dfg.jump_tables, &func.dfg.exception_tables)
        .iter()
        .map(|call| (call.block(&func.dfg.value_lists), call.args(&func.dfg.value_lists).collect()))
        .collect()
}

/// The values passed to each block parameter, to see through the
/// parameters Cranelift's SSA construction leaves for a variable that a
/// loop does not change; and the values code with an effect reads (in the
/// blocks reached from the entry).
#[derive(Default)]
struct Origins {
    incoming: HashMap<Value, Vec<Value>>,
    read: HashSet<Value>,
    repeated: HashMap<Value, Value>,
    /// The pointers (at their origins) a check or faulting access checks.
    checked: HashSet<Value>,
    /// The faulting accesses, each with the node whose dereference it checks.
    faulting: HashMap<Inst, Option<NodeId>>,
}

impl Origins {
    /// Only reachable blocks count: the SSA builder passes zeros from a
    /// block nothing jumps to (code after a panic) for the variables it
    /// reads. `probes`: the loads that stand for accesses gc makes, whose
    /// values count as read.
    fn new(
        func: &Function,
        probes: &HashSet<Inst>,
        (by_branch, object_slots): (&HashMap<Inst, &ExplicitNilCheck>, &HashSet<StackSlot>),
    ) -> Origins {
        let mut incoming: HashMap<Value, Vec<Value>> = HashMap::new();
        let reached = reachable_blocks(func);
        for &block in &reached {
            for (target, args) in successors(func, block) {
                for (param, arg) in func.dfg.block_params(target).iter().zip(args) {
                    if let BlockArg::Value(arg) = arg {
                        incoming.entry(*param).or_default().push(arg);
                    }
                }
            }
        }
        let slots = slot_addresses(func);
        let slot_stores = private_slot_stores(func, &reached, &slots);
        let read = read_values(func, &reached, &incoming, probes, (&slots, &slot_stores));
        let repeated = repeated_loads(func, &slot_stores, (by_branch, object_slots));
        Origins { incoming, read, repeated, checked: HashSet::new(), faulting: HashMap::new() }
    }

    /// Notes the pointers the explicit `checks` and the faulting accesses check.
    fn note_checks(&mut self, func: &Function, checks: &[ExplicitNilCheck], faulting: &[(Inst, Option<NodeId>)]) {
        let dfg = &func.dfg;
        let mut checked: HashSet<Value> = checks.iter().map(|check| self.origin(dfg, check.ptr)).collect();
        for &(access, _) in faulting {
            if let InstructionData::Load { arg: addr, .. } | InstructionData::Store { args: [_, addr], .. } = dfg.insts[access] {
                checked.insert(base_and_offset(dfg, self, addr).0);
            }
        }
        self.checked = checked;
        self.faulting = faulting.iter().copied().collect();
    }

    /// `value`, or when it is a block parameter, the one value it always
    /// holds: the only value passed to it, directly or through other
    /// parameters.
    fn origin(&self, dfg: &DataFlowGraph, value: Value) -> Value {
        let value = self.resolve(dfg, value);
        if !self.incoming.contains_key(&value) {
            return value;
        }
        let mut seen = HashSet::from([value]);
        let mut pending = vec![value];
        let mut source = None;
        while let Some(v) = pending.pop() {
            match self.incoming.get(&v) {
                Some(args) => {
                    for arg in args {
                        let arg = self.resolve(dfg, *arg);
                        if seen.insert(arg) {
                            pending.push(arg);
                        }
                    }
                }
                None if source.is_none_or(|s| s == v) => source = Some(v),
                None => return value,
            }
        }
        source.unwrap_or(value)
    }

    /// `value`, or the earlier load it repeats.
    fn resolve(&self, dfg: &DataFlowGraph, value: Value) -> Value {
        let value = dfg.resolve_aliases(value);
        self.repeated.get(&value).copied().unwrap_or(value)
    }
}

/// Where a load or store accesses: an offset from a value, a global's
/// symbol or a stack slot (each access may compute a symbol's or slot's
/// address again).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Address {
    Value(Value),
    Global(GlobalValue),
    Stack(StackSlot),
}

impl Address {
    /// `addr` as an address plus an offset.
    fn of(dfg: &DataFlowGraph, repeated: &HashMap<Value, Value>, addr: Value) -> (Address, i64) {
        let (mut base, mut offset) = base_and_offset(dfg, &Origins::default(), addr);
        // A copy of a pointer (`opaque_pointer`) is the pointer to gc's late
        // passes, which forward what it points to.
        while let ValueDef::Result(def, _) = dfg.value_def(base) {
            let InstructionData::Binary { opcode: Opcode::Bor, args: [a, b] } = dfg.insts[def] else { break };
            if a != b {
                break;
            }
            let (inner, inner_offset) = base_and_offset(dfg, &Origins::default(), a);
            (base, offset) = (inner, offset.wrapping_add(inner_offset));
        }
        let base = repeated.get(&base).copied().unwrap_or(base);
        match dfg.value_def(base) {
            ValueDef::Result(def, _) => match dfg.insts[def] {
                InstructionData::UnaryGlobalValue { global_value, .. } => (Address::Global(global_value), offset),
                InstructionData::StackAddr { stack_slot, offset: slot_offset, .. } => {
                    (Address::Stack(stack_slot), offset + i64::from(i32::from(slot_offset)))
                }
                _ => (Address::Value(base), offset),
            },
            _ => (Address::Value(base), offset),
        }
    }

    /// Whether an access here cannot touch memory an access at `other` does.
    fn apart(self, other: Address) -> bool {
        let named = |a: Address| !matches!(a, Address::Value(_));
        self != other && named(self) && named(other)
    }
}

/// The loads that read a value known before them, each with that value:
/// one an earlier load read from the same address or a store wrote there,
/// with nothing between them that may write it, in a run of blocks joined
/// by explicit nil checks (`by_branch`). gc's CSE and store-to-load
/// forwarding make them one value: a load with no store to memory since
/// the earlier one, a store with at most 3 since. A call writes memory,
/// but not a stack slot whose address goes nowhere else, of at most 32
/// bytes, not a new object's (`object_slots`): a variable gc's SSA form
/// holds in registers (ssagen.TypeOK). `slot_stores`: the private slots
/// (`private_slot_stores`).
fn repeated_loads(
    func: &Function,
    slot_stores: &HashMap<StackSlot, Vec<Inst>>,
    (by_branch, object_slots): (&HashMap<Inst, &ExplicitNilCheck>, &HashSet<StackSlot>),
) -> HashMap<Value, Value> {
    let dfg = &func.dfg;
    let registers: HashSet<StackSlot> =
        slot_stores.keys().copied().filter(|slot| func.sized_stack_slots[*slot].size <= 32 && !object_slots.contains(slot)).collect();
    let continuations: HashSet<Block> = by_branch.values().map(|check| check.next).collect();
    let mut repeated: HashMap<Value, Value> = HashMap::new();
    for start in func.layout.blocks().filter(|block| !continuations.contains(block)) {
        // What each (offset, type) of each address holds.
        let mut known: HashMap<Address, HashMap<(i64, Type), Held>> = HashMap::new();
        // gc's rules forward a store to a load past at most 3 other stores
        // (generic.rules' Load of Store); a load is one value with an
        // earlier one only when no store comes between (CSE of the same
        // memory). A private slot held in registers is no memory.
        let mut stores = 0u32;
        let in_memory = |addr: &Address| !matches!(addr, Address::Stack(slot) if registers.contains(slot));
        let mut run = Some(start);
        while let Some(block) = run.take() {
            for inst in func.layout.block_insts(block) {
                match dfg.insts[inst] {
                    InstructionData::Load { opcode: Opcode::Load, arg, offset, .. } => {
                        let (addr, base_offset) = Address::of(dfg, &repeated, arg);
                        let value = dfg.first_result(inst);
                        let key = (base_offset + i64::from(i32::from(offset)), dfg.value_type(value));
                        let memory = in_memory(&addr);
                        let held = known.entry(addr).or_default();
                        let seen = |h: &&Held| !memory || stores - h.stores_before <= if h.stored { FORWARDED_STORES } else { 0 };
                        match held.get(&key).filter(seen) {
                            Some(earlier) => {
                                repeated.insert(value, earlier.value);
                            }
                            None => {
                                held.insert(key, Held { value, stores_before: stores, stored: false });
                            }
                        }
                    }
                    InstructionData::Store { opcode: Opcode::Store, args: [value, arg], offset, .. } => {
                        let (addr, base_offset) = Address::of(dfg, &repeated, arg);
                        let ty = dfg.value_type(value);
                        let at = base_offset + i64::from(i32::from(offset));
                        let end = at + i64::from(ty.bytes());
                        known.retain(|&a, held| {
                            if a == addr {
                                held.retain(|&(o, t), _| o >= end || o + i64::from(t.bytes()) <= at);
                            }
                            a == addr || addr.apart(a)
                        });
                        if in_memory(&addr) {
                            stores += 1;
                        }
                        let value = dfg.resolve_aliases(value);
                        let value = repeated.get(&value).copied().unwrap_or(value);
                        known.entry(addr).or_default().insert((at, ty), Held { value, stores_before: stores, stored: true });
                    }
                    ref data if data.opcode().is_terminator() => run = by_branch.get(&inst).map(|check| check.next),
                    ref data if data.opcode().is_call() => known.retain(|addr, _| !in_memory(addr)),
                    ref data if data.opcode().can_store() => known.clear(),
                    _ => {}
                }
            }
        }
    }
    repeated
}
