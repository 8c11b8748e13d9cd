//! `defer` and `go`: what a defer statement registers with the runtime
//! (and a go statement starts as a goroutine), and the thunks that run a
//! deferred call made with operands.
//!
//! The runtime runs a deferred call (or a goroutine's) as `code(record)`
//! with the record's first word as `code`. A call of a func value with no parameters and no
//! results is registered as that func value itself. Any other call (a
//! method call, whose receiver is its first argument, or a callee with
//! results, which takes result slots and returns values the runtime cannot
//! receive) is registered as a record `[thunk, callee, arguments...]`, the
//! callee and arguments evaluated at the defer statement, as Go requires
//! (gc 1.19 wraps such calls in a closure the same way). The thunk, one per
//! callee signature, loads them, makes the call and drops the results.

use cranelift_codegen::ir::Value;
use cranelift_codegen::ir::{types, Function, InstBuilder, UserFuncName};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{Linkage, Module};
use ir::{Func, NodeId, Op, Signature, TypeId, TypeKind};

use super::call::stack_object;
use super::func::{flags, FuncCtx, Val};
use super::layout::{mem_size_align, repr, Repr};
use super::runtime::Rt;
use super::Codegen;

impl Codegen<'_> {
    /// Offsets of the callee and of each argument in a deferred call's
    /// record, and the record's size.
    fn defer_record_layout(&self, sig: &Signature) -> (i32, Vec<i32>, u64) {
        let (offsets, size) = self.record_fields(16, &sig.params);
        (8, offsets, size)
    }

    /// Offsets of values of `types` laid out from `start` at their natural
    /// alignment, and the end of the last.
    fn record_fields(&self, start: u64, types: &[TypeId]) -> (Vec<i32>, u64) {
        let mut offset = start;
        let mut offsets = Vec::with_capacity(types.len());
        for ty in types {
            let (size, align) = mem_size_align(&self.package.types, *ty);
            offset = offset.div_ceil(align) * align;
            offsets.push(offset as i32);
            offset += size;
        }
        (offsets, offset)
    }

    /// The thunk for deferred calls of signature `sig_ty` (declared now,
    /// defined at the end).
    fn defer_thunk(&mut self, sig_ty: TypeId) -> cranelift_module::FuncId {
        if let Some(id) = self.defer_thunks.get(&sig_ty) {
            return *id;
        }
        let name = format!("minigo_defer_thunk_{}", sig_ty.0);
        let id = self
            .module
            .declare_function(&name, Linkage::Local, &self.signature_of(&[], &[]))
            .unwrap_or_else(|e| panic!("backend: declaring {}: {}", name, e));
        self.defer_thunks.insert(sig_ty, id);
        id
    }

    pub(super) fn define_defer_thunks(&mut self) -> Result<(), String> {
        let mut thunks: Vec<(TypeId, cranelift_module::FuncId)> = self.defer_thunks.iter().map(|(t, id)| (*t, *id)).collect();
        thunks.sort_by_key(|(t, _)| t.0);
        for (sig_ty, id) in thunks {
            self.define_defer_thunk(sig_ty, id)?;
        }
        Ok(())
    }

    fn define_defer_thunk(&mut self, sig_ty: TypeId, id: cranelift_module::FuncId) -> Result<(), String> {
        let sig = self.package.types.signature(sig_ty).expect("deferred call of a function").clone();
        let (callee_offset, offsets, _) = self.defer_record_layout(&sig);
        let mut ctx = self.module.make_context();
        ctx.func = Function::with_name_signature(UserFuncName::user(3, sig_ty.0), self.signature_of(&[], &[]));
        let mut builder_ctx = FunctionBuilderContext::new();
        let mut b = FunctionBuilder::new(&mut ctx.func, &mut builder_ctx);
        let entry = b.create_block();
        b.append_block_params_for_function_params(entry);
        b.switch_to_block(entry);
        let record = b.block_params(entry)[0];
        let callee = b.ins().load(types::I64, flags(), record, callee_offset);
        let mut args = vec![callee];
        for result in &sig.results {
            if let Repr::Mem { size, align } = repr(&self.package.types, *result) {
                args.push(stack_object(&mut b, size, align));
            }
        }
        for (param, offset) in sig.params.iter().zip(offsets) {
            args.extend(self.argument_from_record(&mut b, *param, record, offset));
        }
        // recover() in the callee is the deferred call's own.
        let enter = self.runtime_func(Rt::DeferThunkEnter);
        let enter = self.module.declare_func_in_func(enter, b.func);
        b.ins().call(enter, &[callee]);
        let code = b.ins().load(types::I64, flags(), callee, 0);
        let sig_ref = b.import_signature(self.go_signature(sig_ty));
        b.ins().call_indirect(sig_ref, code, &args);
        b.ins().return_(&[]);
        b.seal_all_blocks();
        b.finalize(self.module.target_config());
        let name = format!("defer thunk for {}", self.package.types.display(sig_ty));
        self.finish_function(id, &mut ctx, &name)
    }
}

impl FuncCtx<'_, '_> {
    /// `defer f(...)`: the callee and its arguments are evaluated now and
    /// registered with the function's defer frame.
    pub fn defer_stmt(&mut self, call: NodeId) {
        let frame = self.defer_frame.expect("a function with defer has a defer frame");
        let record = self.suspended_call(call);
        self.call_rt(Rt::DeferPush, &[frame, record]);
    }

    /// `go f(...)`: the callee and its arguments are evaluated now; a new
    /// goroutine makes the call.
    pub fn go_stmt(&mut self, call: NodeId) {
        let record = self.suspended_call(call);
        self.call_rt(Rt::Go, &[record]);
    }

    /// The record of a deferred or goroutine call (see the module comment).
    fn suspended_call(&mut self, call: NodeId) -> Value {
        let Op::Call { callee, args, .. } = &self.func.node(call).op else {
            return self.builtin_record(call);
        };
        let sig_ty = self.func.node(*callee).ty;
        let sig = self.types.signature(sig_ty).expect("deferred call of a function").clone();
        let callee_value = match self.func.node(*callee).op {
            // gc copies the interface at the defer statement (nil-checked
            // there) and calls its method when the deferred call runs, as
            // the method value does; the value's record outlives the
            // statement (a loop runs it again), so it is on the heap. gc
            // makes that nil check at the call.
            Op::DotInter { x, method } => self.iface_method_value_on(*callee, x, method, true, call),
            _ => self.eval_root(*callee),
        }
        .part(0);
        if sig.params.is_empty() && sig.results.is_empty() {
            return callee_value;
        }
        let values: Vec<_> = args.iter().map(|a| self.deferred_operand(*a)).collect();
        let (callee_offset, offsets, size) = self.cg.defer_record_layout(&sig);
        let bytes = self.iconst(size as i64);
        let record = self.alloc_bytes(bytes, true);
        let thunk = self.cg.defer_thunk(sig_ty);
        let thunk_ref = self.func_ref(thunk);
        let code = self.b.ins().func_addr(types::I64, thunk_ref);
        self.b.ins().store(flags(), code, record, 0);
        self.b.ins().store(flags(), callee_value, record, callee_offset);
        for ((param, offset), value) in sig.params.iter().zip(offsets).zip(&values) {
            self.store_val(*param, record, offset, value);
        }
        record
    }
}

impl<'p> Codegen<'p> {
    /// The types of the values a deferred builtin call's record holds: its
    /// operands', a multi-value operand's results each.
    fn builtin_operand_types(&self, func: &Func, call: NodeId) -> Vec<TypeId> {
        let types = &self.package.types;
        func.node(call)
            .operands()
            .iter()
            .flat_map(|&x| match types.kind(func.node(x).ty) {
                TypeKind::Tuple(results) => results.clone(),
                _ => vec![func.node(x).ty],
            })
            .collect()
    }

    pub(super) fn define_builtin_defer_thunks(&mut self) -> Result<(), String> {
        for (func, call, id) in std::mem::take(&mut self.builtin_defer_thunks) {
            let mut ctx = self.module.make_context();
            ctx.func = Function::with_name_signature(UserFuncName::user(4, id.as_u32()), self.signature_of(&[], &[]));
            let mut builder_ctx = FunctionBuilderContext::new();
            let builder = FunctionBuilder::new(&mut ctx.func, &mut builder_ctx);
            let (mut fx, params) = FuncCtx::start(self, builder, func);
            fx.run_deferred_builtin(call, params[0]);
            if let Some(message) = fx.unsupported.take() {
                return Err(message);
            }
            fx.b.ins().return_(&[]);
            fx.b.seal_all_blocks();
            fx.finish_nil_checks();
            let config = fx.cg.module.target_config();
            fx.b.finalize(config);
            self.finish_function(id, &mut ctx, &format!("deferred builtin in {}", func.name))?;
        }
        Ok(())
    }
}

impl FuncCtx<'_, '_> {
    /// `defer panic(x)`, `go print(...)`, `defer delete(m, k)`, `defer
    /// copy(d, s)`, `defer close(c)`, `defer recover()`: the operands are
    /// evaluated now into a record `[thunk, operands...]`; the thunk, made
    /// for this statement, runs the builtin on them (gc's wrapper closure
    /// does the same).
    fn builtin_record(&mut self, call: NodeId) -> Value {
        self.run_init(call);
        let operands = self.func.node(call).operands();
        // gc's escape analysis copies each operand to a temporary in a
        // statement of its own: an operand's calls run once those before
        // it are evaluated, and not when one of them panics.
        let mut values = Vec::new();
        for &x in &operands {
            self.hoist_calls(x);
            match self.types.kind(self.func.node(x).ty) {
                TypeKind::Tuple(_) => values.extend(self.eval_multi(x)),
                _ => values.push(self.deferred_operand(x)),
            }
        }
        let types = self.cg.builtin_operand_types(self.func, call);
        let (offsets, size) = self.cg.record_fields(8, &types);
        let bytes = self.iconst(size as i64);
        let record = self.alloc_bytes(bytes, true);
        let name = format!("minigo_defer_builtin_{}", self.cg.builtin_defer_thunks.len());
        let thunk = self
            .cg
            .module
            .declare_function(&name, Linkage::Local, &self.cg.signature_of(&[], &[]))
            .unwrap_or_else(|e| panic!("backend: declaring {}: {}", name, e));
        self.cg.builtin_defer_thunks.push((self.func, call, thunk));
        let thunk_ref = self.func_ref(thunk);
        let code = self.b.ins().func_addr(types::I64, thunk_ref);
        self.b.ins().store(flags(), code, record, 0);
        for ((ty, offset), value) in types.iter().zip(offsets).zip(&values) {
            self.store_val(*ty, record, offset, value);
        }
        record
    }

    /// An operand of a deferred call, evaluated at the defer statement. gc
    /// makes a slice literal operand (a variadic call's packed arguments)
    /// in its wrapper when the call runs, and escape analysis decides for
    /// that; made here, the slice must outlive the statement (a loop runs
    /// it again), so it is on the heap.
    fn deferred_operand(&mut self, x: NodeId) -> Val {
        let node = self.func.node(x);
        match &node.op {
            Op::CompositeLit(elems) if matches!(self.types.under(node.ty), TypeKind::Slice(_)) => {
                self.run_init(x);
                self.composite_lit(x, elems, true)
            }
            _ => self.eval_owned(x),
        }
    }

    /// The body of a deferred builtin's thunk: the operands come from the
    /// record, the builtin runs as its statement would.
    fn run_deferred_builtin(&mut self, call: NodeId, record: Value) {
        let operands = self.func.node(call).operands();
        let types = self.cg.builtin_operand_types(self.func, call);
        let (offsets, _) = self.cg.record_fields(8, &types);
        let mut loaded = types.iter().zip(offsets).map(|(ty, offset)| self.load_val(*ty, record, offset)).collect::<Vec<_>>().into_iter();
        self.inits_done.insert(call);
        for &x in &operands {
            self.inits_done.insert(x);
            let values = match self.types.kind(self.func.node(x).ty) {
                TypeKind::Tuple(results) => results.iter().map(|_| loaded.next().expect("a loaded result")).collect(),
                _ => vec![loaded.next().expect("a loaded operand")],
            };
            self.hoisted.insert(x, values);
        }
        match self.func.node(call).op.clone() {
            Op::Panic(x) => {
                let value = self.eval(x);
                self.panic_now(Rt::GoPanic, &[value.part(0), value.part(1)]);
            }
            Op::Print { args, newline } => self.print(&args, newline),
            Op::Delete(m, key) => self.map_delete(m, key),
            Op::Close(ch) => self.chan_close(ch),
            Op::Copy(dst, src) => {
                self.copy(dst, src);
            }
            // The deferred function is recover itself, not a function that
            // calls it: it recovers nothing (gc marks its wrapper so).
            Op::Recover => {}
            other => panic!("backend: deferred builtin {:?}", other),
        }
    }
}
