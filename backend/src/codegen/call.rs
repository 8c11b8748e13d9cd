//! Calls, closures and method values (see the calling convention in
//! `codegen.rs`).
//!
//! A closure record is `[code, capture...]`: the address of a by-reference
//! capture's variable, or a copy of a by-value capture's value, each at its
//! natural alignment after the code word (gc's closure struct). A method
//! value's record is `[wrapper code, receiver]`; the wrapper (`<sym>_mv`)
//! loads the receiver from the record and calls the method.

use cranelift_codegen::ir::{types, AbiParam, Function, InstBuilder, StackSlotData, StackSlotKind, UserFuncName, Value};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{Linkage, Module};
use ir::{Func, FuncId, NodeId, Op, Signature, TypeId, TypeKind};

use super::func::{flags, value_parts, FuncCtx, Place, Val};
use super::itab::ITAB_FUN_OFFSET;
use super::layout::{elem_type, mem_size_align, repr, Repr};
use super::Codegen;

impl Codegen<'_> {
    /// Offsets of a closure's captures in its record, and the record's size.
    pub fn closure_layout(&self, func: &Func) -> (Vec<i32>, u64) {
        let mut offset = 8u64;
        let mut offsets = Vec::with_capacity(func.captures.len());
        for capture in &func.captures {
            let (size, align) = if capture.by_ref { (8, 8) } else { mem_size_align(&self.package.types, func.local(capture.inner).ty) };
            offset = offset.div_ceil(align) * align;
            offsets.push(offset as i32);
            offset += size;
        }
        (offsets, offset)
    }

    /// The receiver's offset in a method value record, and the record's size.
    fn method_value_layout(&self, recv_ty: TypeId) -> (i32, u64) {
        let (size, align) = mem_size_align(&self.package.types, recv_ty);
        let offset = 8u64.div_ceil(align) * align;
        (offset as i32, offset + size)
    }

    fn method_signature(&self, method: FuncId) -> Signature {
        let func = self.package.func(method);
        self.package.types.signature(func.sig).expect("method signature").clone()
    }

    /// The wrapper that calls `method` from a method value record (declared now, defined at the end).
    fn method_value_wrapper(&mut self, method: FuncId) -> cranelift_module::FuncId {
        if let Some(id) = self.method_value_wrappers.get(&method) {
            return *id;
        }
        let sig = self.method_signature(method);
        let clif_sig = self.signature_of(&sig.params[1..], &sig.results);
        let name = format!("{}_mv", self.symbol(method));
        let id =
            self.module.declare_function(&name, Linkage::Local, &clif_sig).unwrap_or_else(|e| panic!("backend: declaring {}: {}", name, e));
        self.method_value_wrappers.insert(method, id);
        id
    }

    /// The wrapper that calls the `index`th method of an interface value
    /// bound in a method value record `[wrapper, itab, data]`, for methods
    /// of signature `sig` (declared now, defined at the end).
    fn iface_method_value_wrapper(&mut self, sig: TypeId, index: u32) -> cranelift_module::FuncId {
        if let Some(id) = self.iface_method_value_wrappers.get(&(sig, index)) {
            return *id;
        }
        let name = format!("minigo_iface_mv_{}_{}", sig.0, index);
        let id = self
            .module
            .declare_function(&name, Linkage::Local, &self.go_signature(sig))
            .unwrap_or_else(|e| panic!("backend: declaring {}: {}", name, e));
        self.iface_method_value_wrappers.insert((sig, index), id);
        id
    }

    pub(super) fn define_method_value_wrappers(&mut self) -> Result<(), String> {
        let mut iface_wrappers: Vec<((TypeId, u32), cranelift_module::FuncId)> =
            self.iface_method_value_wrappers.iter().map(|(k, id)| (*k, *id)).collect();
        iface_wrappers.sort_by_key(|((sig, index), _)| (sig.0, *index));
        for ((sig, index), id) in iface_wrappers {
            self.define_iface_method_value_wrapper(sig, index, id)?;
        }
        let mut wrappers: Vec<(FuncId, cranelift_module::FuncId)> = self.method_value_wrappers.iter().map(|(m, id)| (*m, *id)).collect();
        wrappers.sort_by_key(|(m, _)| *m);
        for (method, id) in wrappers {
            self.define_method_value_wrapper(method, id)?;
        }
        Ok(())
    }

    fn define_method_value_wrapper(&mut self, method: FuncId, id: cranelift_module::FuncId) -> Result<(), String> {
        let sig = self.method_signature(method);
        let recv_ty = sig.params[0];
        let (recv_offset, _) = self.method_value_layout(recv_ty);
        let n_mem_results = sig.results.iter().filter(|r| matches!(repr(&self.package.types, **r), Repr::Mem { .. })).count();
        let clif_sig = self.signature_of(&sig.params[1..], &sig.results);
        let name = format!("method value wrapper of {}", self.package.func(method).name);
        self.define_record_wrapper(id, UserFuncName::user(2, method.0), clif_sig, &name, |cg, b, params| {
            let record = params[0];
            let receiver = cg.argument_from_record(b, recv_ty, record, recv_offset);
            let mut args = vec![b.ins().iconst(types::I64, 0)];
            args.extend_from_slice(&params[1..1 + n_mem_results]);
            args.extend(receiver);
            args.extend_from_slice(&params[1 + n_mem_results..]);
            let callee = cg.module.declare_func_in_func(cg.function_id(method), b.func);
            b.ins().call(callee, &args)
        })
    }

    fn define_iface_method_value_wrapper(&mut self, sig_ty: TypeId, index: u32, id: cranelift_module::FuncId) -> Result<(), String> {
        let sig = self.package.types.signature(sig_ty).expect("a method's signature").clone();
        let n_mem_results = sig.results.iter().filter(|r| matches!(repr(&self.package.types, **r), Repr::Mem { .. })).count();
        let mut method_sig = self.go_signature(sig_ty);
        method_sig.params.insert(1 + n_mem_results, AbiParam::new(types::I64));
        let clif_sig = self.go_signature(sig_ty);
        let name = UserFuncName::user(3, sig_ty.0 * 64 + index);
        self.define_record_wrapper(id, name, clif_sig, "interface method value wrapper", |_, b, params| {
            let record = params[0];
            let tab = b.ins().load(types::I64, flags(), record, 8);
            let data = b.ins().load(types::I64, flags(), record, 16);
            let code = b.ins().load(types::I64, flags(), tab, ITAB_FUN_OFFSET + 8 * index as i32);
            let mut args = vec![b.ins().iconst(types::I64, 0)];
            args.extend_from_slice(&params[1..1 + n_mem_results]);
            args.push(data);
            args.extend_from_slice(&params[1 + n_mem_results..]);
            let sig_ref = b.import_signature(method_sig);
            b.ins().call_indirect(sig_ref, code, &args)
        })
    }

    /// Defines a method value's wrapper: a function of signature `sig`
    /// whose body is the call `call` makes from the parameters (the record
    /// first), returning its results.
    fn define_record_wrapper(
        &mut self,
        id: cranelift_module::FuncId,
        user_name: UserFuncName,
        sig: cranelift_codegen::ir::Signature,
        name: &str,
        call: impl FnOnce(&mut Self, &mut FunctionBuilder, &[Value]) -> cranelift_codegen::ir::Inst,
    ) -> Result<(), String> {
        let mut ctx = self.module.make_context();
        ctx.func = Function::with_name_signature(user_name, sig);
        let mut builder_ctx = FunctionBuilderContext::new();
        let mut b = FunctionBuilder::new(&mut ctx.func, &mut builder_ctx);
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let params = b.block_params(entry).to_vec();
        let inst = call(self, &mut b, &params);
        let results = b.inst_results(inst).to_vec();
        b.ins().return_(&results);
        b.seal_all_blocks();
        b.finalize(self.module.target_config());
        self.finish_function(id, &mut ctx, name)
    }

    /// The parts of an argument of type `ty` stored at `offset` in a
    /// record, as a wrapper passes them on: loaded, or a struct or array
    /// copied to the wrapper's frame (the callee owns its copy and may
    /// modify it) and passed by address.
    pub(super) fn argument_from_record(&self, b: &mut FunctionBuilder, ty: TypeId, record: Value, offset: i32) -> Vec<Value> {
        match repr(&self.package.types, ty) {
            Repr::Parts(parts) => parts.iter().map(|p| b.ins().load(p.ty, flags(), record, offset + p.offset)).collect(),
            Repr::Mem { size, align } => {
                let copy = stack_object(b, size, align);
                let src = b.ins().iadd_imm_s(record, offset as i64);
                let bytes = b.ins().iconst(types::I64, size as i64);
                b.call_memcpy(self.module.target_config(), copy, src, bytes);
                vec![copy]
            }
        }
    }
}

/// A call through an interface: the method's code and the itab it was
/// read from, and the data word passed as the receiver.
#[derive(Clone, Copy)]
struct Dynamic {
    code: Value,
    tab: Value,
    receiver: Value,
}

/// The address of a new object of `size` bytes in the frame of the function
/// `b` builds.
pub(super) fn stack_object(b: &mut FunctionBuilder, size: u64, align: u64) -> Value {
    let slot =
        b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, size.max(1) as u32, align.max(1).trailing_zeros() as u8));
    b.ins().stack_addr(types::I64, slot, 0)
}

impl FuncCtx<'_, '_> {
    /// A call expression: one value per result of the callee.
    pub fn call(&mut self, id: NodeId) -> Vec<Val> {
        let node = self.func.node(id);
        let Op::Call { callee, args, .. } = &node.op else {
            panic!("backend: call() on {:?}", node.op);
        };
        let sig_ty = self.func.node(*callee).ty;
        let sig = self.types.signature(sig_ty).expect("call of a non-function").clone();
        let direct = match self.func.node(*callee).op {
            Op::Func(func) => Some(func),
            _ => None,
        };
        // A call through an interface: the method's code from the itab,
        // the data word as the receiver.
        let dynamic = match self.func.node(*callee).op {
            Op::DotInter { x, method } => {
                let iface = self.eval(x);
                let tab = self.opaque_pointer(iface.part(0));
                let offset = ITAB_FUN_OFFSET + 8 * method as i32;
                // gc checks the itab at the call; the load of the method's
                // code then makes that check (`finish_nil_checks`), unless
                // the itab is known, a constant.
                if !self.func.node(*callee).bounded {
                    self.nil_check(id, tab);
                }
                let code = self.b.ins().load(types::I64, flags(), tab, offset);
                Some(Dynamic { code, tab, receiver: iface.part(1) })
            }
            _ => None,
        };
        let func_value = match (direct, dynamic) {
            (Some(_), _) | (_, Some(_)) => None,
            _ => Some(self.eval(*callee).scalar()),
        };
        let values = self.eval_args(&sig, args, node.escapes);
        let result_slots: Vec<Option<Value>> = sig
            .results
            .iter()
            .map(|r| match repr(self.types, *r) {
                Repr::Mem { .. } => Some(self.temp(*r)),
                Repr::Parts(_) => None,
            })
            .collect();
        // The context word: a method in an itab never reads it, so a call
        // through an interface passes the itab, already in a register,
        // rather than a zero kept alive (and spilled) across calls. Not the
        // receiver: recover() compares its context with the deferred
        // call's record, which a receiver (a func value) can be; no itab is.
        let context = func_value.or(dynamic.map(|d| d.tab)).unwrap_or_else(|| self.iconst(0));
        let mut call_args = vec![context];
        call_args.extend(result_slots.iter().flatten().copied());
        call_args.extend(dynamic.map(|d| d.receiver));
        for value in &values {
            call_args.extend(value_parts(value));
        }
        let call = match (direct, func_value) {
            (Some(func), _) => {
                let callee = self.func_ref(self.cg.function_id(func));
                self.b.ins().call(callee, &call_args)
            }
            (None, None) if dynamic.is_some() => {
                let mut clif_sig = self.cg.go_signature(sig_ty);
                let receiver_at = 1 + result_slots.iter().flatten().count();
                clif_sig.params.insert(receiver_at, AbiParam::new(types::I64));
                let sig_ref = self.b.import_signature(clif_sig);
                let code = dynamic.map(|d| d.code).expect("a dynamic call's code");
                self.b.ins().call_indirect(sig_ref, code, &call_args)
            }
            (None, Some(record)) => {
                // A nil func value faults on this load: no nil check in gc.
                let code = self.faulting_load(None, types::I64, record, 0);
                let sig_ref = self.b.import_signature(self.cg.go_signature(sig_ty));
                self.b.ins().call_indirect(sig_ref, code, &call_args)
            }
            (None, None) => unreachable!("a call has a direct callee or a func value"),
        };
        let mut returned = self.b.inst_results(call).to_vec().into_iter();
        sig.results
            .iter()
            .zip(result_slots)
            .map(|(ty, slot)| match (slot, repr(self.types, *ty)) {
                (Some(addr), _) => Val::Mem(addr),
                (None, Repr::Parts(parts)) => Val::Parts(parts.iter().map(|_| returned.next().expect("call result")).collect()),
                (None, Repr::Mem { .. }) => unreachable!("memory results have slots"),
            })
            .collect()
    }

    /// Evaluates the arguments in order. The lowering has packed explicit
    /// variadic arguments into a slice literal already; a sole multi-value
    /// call is spread here, its trailing values packed into a new slice for a
    /// variadic callee (on the stack when the call node does not escape).
    fn eval_args(&mut self, sig: &Signature, args: &[NodeId], escapes: bool) -> Vec<Val> {
        let spread = matches!(args, [only] if matches!(self.types.kind(self.func.node(*only).ty), TypeKind::Tuple(_)));
        if !spread {
            return args.iter().map(|a| self.eval_owned(*a)).collect();
        }
        let mut values = self.eval_multi(args[0]);
        if !sig.variadic {
            return values;
        }
        let fixed = sig.params.len() - 1;
        let rest = values.split_off(fixed.min(values.len()));
        let slice_ty = sig.params[fixed];
        let elem = elem_type(self.types, slice_ty).expect("variadic parameter slice");
        if rest.is_empty() {
            let nil = self.zero_val(slice_ty);
            values.push(nil);
            return values;
        }
        let elem_size = self.types.size(elem);
        let bytes = elem_size * rest.len() as u64;
        let ptr = if escapes {
            let size = self.iconst(bytes as i64);
            self.alloc_bytes(size, self.types.has_pointers(elem))
        } else {
            self.new_stack_object(bytes, self.types.align(elem))
        };
        for (i, value) in rest.iter().enumerate() {
            self.store_val(elem, ptr, (i as u64 * elem_size) as i32, value);
        }
        let n = self.iconst(rest.len() as i64);
        values.push(Val::Parts(vec![ptr, n, n]));
        values
    }

    /// A function literal's value: its static record when it captures
    /// nothing, else a new record holding the captures.
    pub fn closure(&mut self, id: NodeId, func: FuncId) -> Val {
        let closure = self.cg.package.func(func);
        if closure.captures.is_empty() {
            let record = self.cg.func_record(func);
            return Val::Parts(vec![self.data_addr(record)]);
        }
        let (offsets, size) = self.cg.closure_layout(closure);
        let record = self.new_record(size, self.func.node(id).escapes);
        let code_ref = self.func_ref(self.cg.function_id(func));
        let code = self.b.ins().func_addr(types::I64, code_ref);
        self.b.ins().store(flags(), code, record, 0);
        for (capture, offset) in closure.captures.iter().zip(offsets) {
            let ty = self.func.local(capture.outer).ty;
            let place = self.local_place(capture.outer);
            if capture.by_ref {
                let Place::Addr(addr) = place else {
                    panic!(
                        "backend: {} captured by reference but kept in registers (not on_heap or addr_taken)",
                        self.func.local(capture.outer).name
                    );
                };
                self.b.ins().store(flags(), addr, record, offset);
            } else {
                let value = self.read_place(&place, ty);
                self.store_val(ty, record, offset, &value);
            }
        }
        Val::Parts(vec![record])
    }

    /// `x.M` as a value: a record binding the receiver to the method's wrapper.
    pub fn method_value(&mut self, id: NodeId, recv: NodeId, method: FuncId) -> Val {
        let recv_ty = self.cg.method_signature(method).params[0];
        let (offset, size) = self.cg.method_value_layout(recv_ty);
        let receiver = self.eval(recv);
        let record = self.new_record(size, self.func.node(id).escapes);
        let wrapper = self.cg.method_value_wrapper(method);
        let code_ref = self.func_ref(wrapper);
        let code = self.b.ins().func_addr(types::I64, code_ref);
        self.b.ins().store(flags(), code, record, 0);
        self.store_val(recv_ty, record, offset, &receiver);
        Val::Parts(vec![record])
    }

    /// `i.M` as a value: a record `[wrapper, itab, data]`; a nil `i`
    /// panics here, as gc's itab load does.
    pub fn iface_method_value(&mut self, id: NodeId, x: NodeId, method: u32) -> Val {
        self.iface_method_value_on(id, x, method, self.func.node(id).escapes, id)
    }

    /// `iface_method_value` with the record on the heap if `heap`, and the
    /// nil check at node `checked_at`.
    pub fn iface_method_value_on(&mut self, id: NodeId, x: NodeId, method: u32, heap: bool, checked_at: NodeId) -> Val {
        let sig = self.func.node(id).ty;
        let iface = self.eval(x);
        if !self.func.node(id).bounded {
            let tab = self.opaque_pointer(iface.part(0));
            self.nil_check(checked_at, tab);
        }
        let record = self.new_record(24, heap);
        let wrapper = self.cg.iface_method_value_wrapper(sig, method);
        let code_ref = self.func_ref(wrapper);
        let code = self.b.ins().func_addr(types::I64, code_ref);
        self.b.ins().store(flags(), code, record, 0);
        self.b.ins().store(flags(), iface.part(0), record, 8);
        self.b.ins().store(flags(), iface.part(1), record, 16);
        Val::Parts(vec![record])
    }

    fn new_record(&mut self, size: u64, escapes: bool) -> Value {
        if escapes {
            let size = self.iconst(size as i64);
            self.alloc_bytes(size, true)
        } else {
            self.new_stack_object(size, 8)
        }
    }
}
