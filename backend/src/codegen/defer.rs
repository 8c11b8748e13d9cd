//! `defer`: what a defer statement registers with the runtime, and the
//! thunks that run a deferred call made with operands.
//!
//! The runtime runs a deferred call as `code(record)` with the record's
//! first word as `code`. A call of a func value with no parameters and no
//! results is registered as that func value itself. Any other call (a
//! method call, whose receiver is its first argument, or a callee with
//! results, which takes result slots and returns values the runtime cannot
//! receive) is registered as a record `[thunk, callee, arguments...]`, the
//! callee and arguments evaluated at the defer statement, as Go requires
//! (gc 1.19 wraps such calls in a closure the same way). The thunk, one per
//! callee signature, loads them, makes the call and drops the results.

use cranelift_codegen::ir::{types, Function, InstBuilder, UserFuncName};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_module::{Linkage, Module};
use ir::{NodeId, Op, Signature, TypeId};

use super::call::stack_object;
use super::func::{flags, FuncCtx};
use super::layout::{mem_size_align, repr, Repr};
use super::runtime::Rt;
use super::Codegen;

impl Codegen<'_> {
    /// Offsets of the callee and of each argument in a deferred call's
    /// record, and the record's size.
    fn defer_record_layout(&self, sig: &Signature) -> (i32, Vec<i32>, u64) {
        let callee_offset = 8;
        let mut offset = 16u64;
        let mut offsets = Vec::with_capacity(sig.params.len());
        for param in &sig.params {
            let (size, align) = mem_size_align(&self.package.types, *param);
            offset = offset.div_ceil(align) * align;
            offsets.push(offset as i32);
            offset += size;
        }
        (callee_offset, offsets, offset)
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
        let Op::Call { callee, args, .. } = &self.func.node(call).op else { panic!("backend: defer of a non-call in {}", self.func.name) };
        let frame = self.defer_frame.expect("a function with defer has a defer frame");
        let sig_ty = self.func.node(*callee).ty;
        let sig = self.types.signature(sig_ty).expect("deferred call of a function").clone();
        let callee_value = self.eval_root(*callee).part(0);
        if sig.params.is_empty() && sig.results.is_empty() {
            self.call_rt(Rt::DeferPush, &[frame, callee_value]);
            return;
        }
        let values: Vec<_> = args.iter().map(|a| self.eval_owned(*a)).collect();
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
        self.call_rt(Rt::DeferPush, &[frame, record]);
    }
}
