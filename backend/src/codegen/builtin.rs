//! The builtins that are not plain arithmetic: `len`, `cap`, `append` (in
//! place while the capacity suffices, else `minigo_growslice`), `copy`
//! (memmove semantics), `make([]T, len, cap)`, and
//! `print`/`println` per argument type as Go's `walkPrint` does.

use cranelift_codegen::ir::{condcodes::IntCC, types, InstBuilder};
use ir::{ConstValue, NodeId, Op, TypeId, TypeKind};

use super::func::{flags, FuncCtx, Val};
use super::layout::{array_len, basic, elem_type, is_string};
use super::runtime::Rt;
use crate::CodeRecordKind;

impl FuncCtx<'_, '_> {
    pub fn len_cap(&mut self, x: NodeId, cap: bool) -> Val {
        let ty = self.func.node(x).ty;
        if let Some(n) = array_len(self.types, ty) {
            // Not a constant: the operand calls or receives, and runs (an
            // array pointer's, without a dereference: gc's safeExpr).
            match self.func.node(x).op {
                Op::Deref(p) => self.eval(p),
                _ => self.eval(x),
            };
            return Val::Parts(vec![self.iconst(n as i64)]);
        }
        let value = self.eval(x);
        match self.types.under(ty) {
            TypeKind::Slice(_) => Val::Parts(vec![value.part(if cap { 2 } else { 1 })]),
            TypeKind::Map(..) => Val::Parts(vec![self.map_len(value.scalar())]),
            TypeKind::Chan(..) => Val::Parts(vec![self.chan_len_cap(value.scalar(), cap)]),
            _ if is_string(self.types, ty) => Val::Parts(vec![value.part(1)]),
            _ => {
                self.unsupported("len/cap of this type");
                Val::Parts(vec![self.iconst(0)])
            }
        }
    }

    /// `append(s, a, b)` or `append(s, t...)` (t a slice, or a string for `[]byte`).
    pub fn append(&mut self, slice_ty: TypeId, args: &[NodeId], ddd: bool) -> Val {
        let elem = elem_type(self.types, slice_ty).expect("append to a non-slice");
        let elem_size = self.types.size(elem) as i64;
        let s = self.eval(args[0]);
        let (ptr, len, cap) = (s.part(0), s.part(1), s.part(2));
        let (extra, source) = if ddd {
            let other = self.eval(args[1]);
            (other.part(1), Some(other.part(0)))
        } else {
            (self.iconst(args.len() as i64 - 1), None)
        };
        let values: Vec<Val> = if ddd { Vec::new() } else { args[1..].iter().map(|a| self.eval_owned(*a)).collect() };
        if !ddd && values.is_empty() {
            return s;
        }
        let new_len = self.b.ins().iadd(len, extra);
        let ptr_var = self.b.declare_var(types::I64);
        let cap_var = self.b.declare_var(types::I64);
        let len_var = self.b.declare_var(types::I64);
        self.b.def_var(ptr_var, ptr);
        self.b.def_var(cap_var, cap);
        self.b.def_var(len_var, new_len);
        let grow = self.b.create_block();
        let store = self.b.create_block();
        let needs_growth = self.b.ins().icmp(IntCC::UnsignedGreaterThan, new_len, cap);
        self.b.ins().brif(needs_growth, grow, &[], store, &[]);
        self.b.switch_to_block(grow);
        let slot = self.stack_slot(8, 8);
        let new_cap_addr = self.b.ins().stack_addr(types::I64, slot, 0);
        let size = self.iconst(elem_size);
        let has_pointers = self.b.ins().iconst(types::I32, self.types.has_pointers(elem) as i64);
        let grown = self.call_rt(Rt::GrowSlice, &[ptr, len, cap, new_len, size, has_pointers, new_cap_addr])[0];
        let grown_cap = self.b.ins().load(types::I64, flags(), new_cap_addr, 0);
        self.b.def_var(ptr_var, grown);
        self.b.def_var(cap_var, grown_cap);
        // gc's growslice returns the length too, so its SSA does not know
        // the length of a grown slice even when it is a constant: a copy
        // (`x | x`, which Cranelift folds) keeps the checks that length
        // takes part in from counting as between constants.
        let grown_len = self.b.ins().bor(new_len, new_len);
        self.b.def_var(len_var, grown_len);
        self.b.ins().jump(store, &[]);
        self.b.switch_to_block(store);
        let ptr = self.b.use_var(ptr_var);
        let cap = self.b.use_var(cap_var);
        let new_len = self.b.use_var(len_var);
        let offset = self.b.ins().imul_imm_s(len, elem_size);
        let dst = self.b.ins().iadd(ptr, offset);
        match source {
            Some(src) => {
                let bytes = self.b.ins().imul_imm_s(extra, elem_size);
                self.memmove(dst, src, bytes);
            }
            None => {
                for (i, value) in values.iter().enumerate() {
                    self.store_val(elem, dst, (i as i64 * elem_size) as i32, value);
                }
            }
        }
        Val::Parts(vec![ptr, new_len, cap])
    }

    /// `copy(dst, src)`: moves min(len(dst), len(src)) elements, returns the count.
    pub fn copy(&mut self, dst: NodeId, src: NodeId) -> Val {
        let elem = elem_type(self.types, self.func.node(dst).ty).expect("copy to a non-slice");
        let elem_size = self.types.size(elem) as i64;
        let d = self.eval(dst);
        let s = self.eval(src);
        let shorter = self.b.ins().icmp(IntCC::SignedLessThan, d.part(1), s.part(1));
        let n = self.b.ins().select(shorter, d.part(1), s.part(1));
        let bytes = self.b.ins().imul_imm_s(n, elem_size);
        self.memmove(d.part(0), s.part(0), bytes);
        Val::Parts(vec![n])
    }

    /// `make([]T, len[, cap])`: `minigo_makeslice` checks the sizes (Go's
    /// `makeslice: len out of range` panics) and allocates; a non-escaping
    /// make of constant capacity lives in this frame, a length that is not
    /// constant checked against it first (gc's walk does the same: without
    /// the check, a length over the capacity overran the stack array).
    pub fn make_slice(&mut self, id: NodeId, len: NodeId, cap: Option<NodeId>) -> Val {
        let node = self.func.node(id);
        let elem = elem_type(self.types, node.ty).expect("make of a non-slice");
        let elem_size = self.types.size(elem);
        let l = self.eval_int64(len);
        let c = match cap {
            Some(cap) => self.eval_int64(cap),
            None => l,
        };
        let ptr = match self.constant_int(cap.unwrap_or(len)) {
            Some(n) if !node.escapes => {
                if self.constant_int(len).is_none() {
                    // walk tests the length, then slices the frame's array
                    // to it, reading the length again: prove ties the two
                    // unless the second read is of memory the array's
                    // zeroing came between, and the slice's check stays.
                    if self.reads_memory(len) {
                        let cap_value = self.iconst(n);
                        self.record_bounds_check(id, CodeRecordKind::SliceCheck, 0, (l, cap_value));
                    }
                    let out_of_range = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThan, l, n);
                    let size = self.iconst(elem_size as i64);
                    let has_pointers = self.b.ins().iconst(types::I32, self.types.has_pointers(elem) as i64);
                    // minigo_makeslice panics with Go's message for these sizes.
                    self.panic_if(out_of_range, Rt::MakeSlice, &[size, l, c, has_pointers]);
                }
                self.new_stack_object(n as u64 * elem_size, self.types.align(elem))
            }
            _ => {
                let size = self.iconst(elem_size as i64);
                let has_pointers = self.b.ins().iconst(types::I32, self.types.has_pointers(elem) as i64);
                self.call_rt(Rt::MakeSlice, &[size, l, c, has_pointers])[0]
            }
        };
        Val::Parts(vec![ptr, l, c])
    }

    /// Whether evaluating `id` reads memory (a global, a variable in
    /// memory, what a pointer or slice holds), apart from what the order
    /// pass evaluates into temporaries ahead of the statement.
    fn reads_memory(&self, id: NodeId) -> bool {
        let node = self.func.node(id);
        if self.func.is_order_temporary(self.types, id) {
            return false;
        }
        let reads = match &node.op {
            Op::Global(_) | Op::Deref(_) | Op::FieldPtr(..) | Op::IndexMap { .. } => true,
            Op::Local(local) => !self.func.local(*local).is_private(),
            Op::Index(x, _) => !matches!(self.types.under(self.func.node(*x).ty), TypeKind::Array(..)),
            _ => false,
        };
        reads || node.children().into_iter().any(|child| self.reads_memory(child))
    }

    pub(super) fn constant_int(&self, id: NodeId) -> Option<i64> {
        match &self.func.node(id).op {
            Op::Const { value: value @ ConstValue::Int(_), .. } => value.as_int().and_then(|i| i64::try_from(i).ok()),
            _ => None,
        }
    }

    /// `print`/`println`: every argument is evaluated before anything is printed.
    pub fn print(&mut self, args: &[NodeId], newline: bool) {
        // println(f()) with a multi-value f prints each result.
        let (types_of, values): (Vec<TypeId>, Vec<Val>) = match args {
            [only] if matches!(self.types.kind(self.func.node(*only).ty), TypeKind::Tuple(_)) => {
                let TypeKind::Tuple(ts) = self.types.kind(self.func.node(*only).ty).clone() else { unreachable!() };
                (ts, self.eval_multi(*only))
            }
            _ => (args.iter().map(|a| self.func.node(*a).ty).collect(), args.iter().map(|a| self.eval(*a)).collect()),
        };
        for (i, (ty, value)) in types_of.iter().zip(&values).enumerate() {
            if newline && i > 0 {
                self.call_rt(Rt::PrintSp, &[]);
            }
            self.print_value(*ty, value);
        }
        if newline {
            self.call_rt(Rt::PrintNl, &[]);
        }
        self.call_rt(Rt::PrintEnd, &[]);
    }

    fn print_value(&mut self, ty: TypeId, value: &Val) {
        if let Some(b) = basic(self.types, ty) {
            match b {
                ir::Basic::UntypedNil => {
                    let nil = self.string_const(b"nil");
                    self.call_rt(Rt::PrintString, &[nil.part(0), nil.part(1)]);
                }
                ir::Basic::String => {
                    self.call_rt(Rt::PrintString, &[value.part(0), value.part(1)]);
                }
                ir::Basic::Bool => {
                    let v = self.b.ins().uextend(types::I32, value.scalar());
                    self.call_rt(Rt::PrintBool, &[v]);
                }
                ir::Basic::Float32 => {
                    let v = self.b.ins().fpromote(types::F64, value.scalar());
                    self.call_rt(Rt::PrintFloat, &[v]);
                }
                ir::Basic::Float64 => {
                    self.call_rt(Rt::PrintFloat, &[value.scalar()]);
                }
                ir::Basic::Complex64 | ir::Basic::Complex128 => {
                    let (re, im) = self.complex_parts_f64(value);
                    self.call_rt(Rt::PrintComplex, &[re, im]);
                }
                b if b.is_unsigned() => {
                    let v = self.int64_of(value.scalar(), ty);
                    self.call_rt(Rt::PrintUint, &[v]);
                }
                _ => {
                    let v = self.int64_of(value.scalar(), ty);
                    self.call_rt(Rt::PrintInt, &[v]);
                }
            }
            return;
        }
        match self.types.under(ty) {
            TypeKind::Slice(_) => {
                self.call_rt(Rt::PrintSlice, &[value.part(0), value.part(1), value.part(2)]);
            }
            TypeKind::Interface(_) => {
                self.call_rt(Rt::PrintEface, &[value.part(0), value.part(1)]);
            }
            TypeKind::Pointer(_) | TypeKind::Func(_) | TypeKind::Map(..) | TypeKind::Chan(..) => {
                self.call_rt(Rt::PrintPointer, &[value.scalar()]);
            }
            _ => self.unsupported("printing a struct or array"),
        }
    }
}
