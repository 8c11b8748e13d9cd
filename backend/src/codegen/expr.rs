//! Expressions: the dispatch over `Op`, places (assignable locations),
//! constants, field access, indexing and slicing with Go's bounds checks and
//! panics (gc's `ssagen` order: slice bounds are checked from the last index
//! to the first), composite literals and `new`. Arithmetic lives in
//! `arith.rs`, builtins in `builtin.rs`, calls and closures in `call.rs`,
//! interfaces in `iface.rs`.

use cranelift_codegen::ir::{condcodes::IntCC, types, InstBuilder, Value};
use ir::{ConstValue, ConvKind, LitKey, NodeId, Op, TypeId, TypeKind};

use super::func::{flags, FuncCtx, PendingBounds, PendingNil, Place, Val};
use super::layout::{array_len, elem_type, int_mask, is_string, repr, Repr};
use super::nilcheck::NIL_FAULT_LIMIT;
use super::runtime::{Rt, SliceBound};
use crate::CodeRecordKind;

impl FuncCtx<'_, '_> {
    /// Evaluates an expression to its value.
    pub fn eval(&mut self, id: NodeId) -> Val {
        let outer = self.at_node(id);
        self.run_init(id);
        let value = self.eval_op(id);
        self.set_srcloc(outer);
        value
    }

    /// `eval` without running the node's init list.
    fn eval_op(&mut self, id: NodeId) -> Val {
        if let Some(results) = self.take_hoisted(id) {
            return single_value(results);
        }
        let node = self.func.node(id);
        let ty = node.ty;
        match &node.op {
            Op::Local(local) => {
                let place = self.local_place(*local);
                self.read_place(&place, ty)
            }
            Op::Global(global) => {
                let addr = self.data_addr(self.cg.global_id(*global));
                self.load_val(ty, addr, 0)
            }
            Op::Func(func) => {
                let record = self.cg.func_record(*func);
                Val::Parts(vec![self.data_addr(record)])
            }
            Op::Const { value, .. } => self.const_val(value, ty),
            Op::Nil => self.zero_val(ty),
            Op::Binary(op, l, r) => self.binary(id, *op, *l, *r, ty),
            Op::Unary(op, x) => self.unary(*op, *x),
            Op::AddStr(operands) => self.concat(id, operands),
            Op::Addr(x) => Val::Parts(vec![self.addr_of(id, *x)]),
            Op::Index(x, i) if is_string(self.types, self.func.node(*x).ty) => Val::Parts(vec![self.string_index(id, *x, *i)]),
            Op::Deref(_) | Op::FieldPtr(..) | Op::Index(..) => match self.accessed_place_op(id, ty) {
                Place::Addr(addr) => self.load_val(ty, addr, 0),
                place => self.read_place(&place, ty),
            },
            Op::Field(x, index) => {
                let base = self.eval(*x);
                let offset = self.types.field_offset(self.func.node(*x).ty, *index as usize);
                self.load_val(ty, base.addr(), offset as i32)
            }
            Op::Slice { x, lo, hi, max } => self.slice_expr(id, *x, *lo, *hi, *max),
            Op::Call { .. } => {
                let results = self.call(id);
                single_value(results)
            }
            Op::MethodValue { recv, method } => self.method_value(id, *recv, *method),
            Op::IfaceMethodValue { x, method } => self.iface_method_value(id, *x, *method),
            Op::Conv(kind, x) => self.conv(id, *kind, *x),
            Op::TypeAssert { x, comma_ok: false } => self.type_assert(*x, ty, false).remove(0),
            Op::TypeAssert { comma_ok: true, .. } => {
                self.unsupported("a comma-ok type assertion outside an assignment");
                self.zero_val(ty)
            }
            Op::Len(x) => self.len_cap(*x, false),
            Op::Complex(re, im) => {
                let (re, im) = (self.eval(*re).scalar(), self.eval(*im).scalar());
                Val::Parts(vec![re, im])
            }
            Op::Real(x) => Val::Parts(vec![self.eval(*x).part(0)]),
            Op::Imag(x) => Val::Parts(vec![self.eval(*x).part(1)]),
            Op::Cap(x) => self.len_cap(*x, true),
            Op::Append { args, ddd } => self.append(ty, args, *ddd),
            Op::Copy(dst, src) => self.copy(*dst, *src),
            Op::New => {
                let elem = self.types.pointer_elem(ty).expect("new of a non-pointer type");
                Val::Parts(vec![self.new_object(elem, node.escapes)])
            }
            Op::MakeSlice { len, cap } => self.make_slice(id, *len, *cap),
            Op::MakeMap { hint } => {
                let hint = self.eval(*hint).scalar();
                self.make_map(id, ty, hint)
            }
            Op::MapLit(entries) => self.map_lit(id, entries),
            Op::MakeChan { size } => self.make_chan(ty, *size),
            Op::Recv { ch, comma_ok: false } => self.chan_recv(*ch, false).remove(0),
            Op::IndexMap { m, key, comma_ok: false } => self.index_map(id, *m, *key, false).remove(0),
            Op::CompositeLit(elems) => self.composite_lit(id, elems, node.escapes),
            Op::Closure(func) => self.closure(id, *func),
            Op::Recover => {
                let out = self.new_stack_object(16, 8);
                // The runtime recovers only for the deferred call itself,
                // which it recognises by its closure context.
                let context = self.closure_ctx;
                self.call_rt(Rt::Recover, &[out, context]);
                let type_word = self.b.ins().load(types::I64, flags(), out, 0);
                let data = self.b.ins().load(types::I64, flags(), out, 8);
                Val::Parts(vec![type_word, data])
            }
            Op::InlinedCall { .. } => {
                let results = self.inlined_call(id);
                single_value(results)
            }
            other => panic!("backend: statement {:?} in expression position in {}", other, self.func.name),
        }
    }

    /// Evaluates an expression that may have several results (a call, a
    /// comma-ok type assertion) into one value per result.
    pub fn eval_multi(&mut self, id: NodeId) -> Vec<Val> {
        let node = self.func.node(id);
        match &node.op {
            Op::Call { .. } => {
                self.run_init(id);
                match self.take_hoisted(id) {
                    Some(results) => results,
                    None => self.call(id),
                }
            }
            Op::InlinedCall { .. } => {
                self.run_init(id);
                match self.take_hoisted(id) {
                    Some(results) => results,
                    None => self.inlined_call(id),
                }
            }
            Op::IndexMap { m, key, comma_ok: true } => {
                self.run_init(id);
                self.index_map(id, *m, *key, true)
            }
            Op::Recv { ch, comma_ok: true } => {
                self.run_init(id);
                self.chan_recv(*ch, true)
            }
            Op::TypeAssert { x, comma_ok: true } => {
                self.run_init(id);
                let value_ty = match self.types.kind(node.ty) {
                    TypeKind::Tuple(ts) => ts[0],
                    _ => node.ty,
                };
                self.type_assert(*x, value_ty, true)
            }
            _ => vec![self.eval(id)],
        }
    }

    /// Evaluates an expression into a value the caller owns (structs and
    /// arrays read from variables are copied).
    pub fn eval_owned(&mut self, id: NodeId) -> Val {
        let value = self.eval(id);
        match self.func.node(id).op {
            Op::Call { .. } | Op::CompositeLit(_) | Op::Nil => value,
            _ => self.own(self.func.node(id).ty, value),
        }
    }

    /// Runs a node's init statements (once: `hoist_calls` may have run them).
    pub fn run_init(&mut self, id: NodeId) {
        if self.func.node(id).init.is_empty() || !self.inits_done.insert(id) {
            return;
        }
        for stmt in &self.func.node(id).init {
            self.emit_stmt(*stmt);
        }
    }

    /// The location an addressable expression denotes (bounds and nil checks included).
    pub fn place(&mut self, id: NodeId) -> Place {
        self.run_init(id);
        self.place_op(id)
    }

    /// `place` without running the node's init list.
    fn place_op(&mut self, id: NodeId) -> Place {
        let node = self.func.node(id);
        match &node.op {
            Op::Local(local) => self.local_place(*local),
            Op::Global(global) => Place::Addr(self.data_addr(self.cg.global_id(*global))),
            Op::Blank => Place::Blank,
            Op::Deref(_) | Op::FieldPtr(..) => {
                let check = !node.bounded;
                Place::Addr(self.deref_addr(id, check))
            }
            Op::Field(x, index) => {
                let base = self.place_addr(*x);
                let offset = self.types.field_offset(self.func.node(*x).ty, *index as usize);
                Place::Addr(self.b.ins().iadd_imm_s(base, offset as i64))
            }
            Op::Index(x, i) => Place::Addr(self.index_addr(id, *x, *i)),
            Op::IndexMap { m, key, .. } => self.map_entry_place(id, *m, *key),
            _ => {
                let value = self.eval_op(id);
                Place::Addr(self.spill(node.ty, value))
            }
        }
    }

    /// The address `*p` or `p.f` (node `id`) reads or writes, after a nil
    /// check of `p` when `check`.
    fn deref_addr(&mut self, id: NodeId, check: bool) -> Value {
        let (ptr, offset) = self.deref_ptr_offset(id);
        if check {
            self.nil_check(id, ptr);
        }
        if offset == 0 {
            ptr
        } else {
            self.b.ins().iadd_imm_s(ptr, offset)
        }
    }

    /// The pointer of `*p` or `p.f` (node `id`) and the offset accessed.
    fn deref_ptr_offset(&mut self, id: NodeId) -> (Value, i64) {
        let (p, offset) = self.dereference(id).unwrap_or_else(|| panic!("backend: {:?} is not a dereference", self.func.node(id).op));
        (self.eval(p).scalar(), offset as i64)
    }

    /// For `*p` or `p.f` (node `id`): the pointer's node and the offset
    /// accessed from it.
    fn dereference(&self, id: NodeId) -> Option<(NodeId, u64)> {
        match self.func.node(id).op {
            Op::Deref(p) => Some((p, 0)),
            Op::FieldPtr(p, index) => {
                let pointee = self.types.pointer_elem(self.func.node(p).ty).expect("field through a non-pointer");
                Some((p, self.types.field_offset(pointee, index as usize)))
            }
            _ => None,
        }
    }

    /// The place of node `id` (of type `ty`) that is about to be stored.
    /// For `*p` and `p.f`, when that access is of scalars within the first
    /// 4096 bytes, it is the nil check (gc's implicit nil checks: a nil `p`
    /// faults there, and the runtime reports a fault below address 0x1000
    /// as Go's nil dereference panic, with the faulting address, as gc's
    /// code does). Other places get an explicit check (`place`).
    pub fn accessed_place(&mut self, id: NodeId, ty: TypeId) -> Place {
        self.run_init(id);
        self.accessed_place_op(id, ty)
    }

    /// `accessed_place` without running the node's init list.
    fn accessed_place_op(&mut self, id: NodeId, ty: TypeId) -> Place {
        let faults_on_nil = !self.func.node(id).bounded
            && self.dereference(id).is_some_and(|(_, offset)| offset + self.types.size(ty) <= NIL_FAULT_LIMIT)
            && matches!(repr(self.types, ty), Repr::Parts(ref parts) if !parts.is_empty());
        if !faults_on_nil {
            return self.place_op(id);
        }
        let (ptr, offset) = self.deref_ptr_offset(id);
        Place::Faulting { id, ptr, offset: offset as i32 }
    }

    /// The address of an addressable expression (or of a temporary holding its value).
    pub fn place_addr(&mut self, id: NodeId) -> Value {
        match self.place(id) {
            Place::Addr(addr) => addr,
            Place::Vars(local) => panic!(
                "backend: address of register variable {} in {} (not marked addr_taken)",
                self.func.local(local).name,
                self.func.name
            ),
            Place::Blank => panic!("backend: address of the blank identifier"),
            Place::Faulting { .. } | Place::Checked { .. } => panic!("backend: `place` made a place for one access"),
            // An element or field of a map's value (`m[k][i]`, `m[k].f`):
            // a copy of the value.
            place @ Place::MapEntry { .. } => {
                let ty = self.func.node(id).ty;
                let value = self.read_place(&place, ty);
                self.spill(ty, value)
            }
        }
    }

    /// The address of a value: a struct/array value already is one; others go to a temporary.
    pub fn spill(&mut self, ty: TypeId, value: Val) -> Value {
        match value {
            Val::Mem(addr) => addr,
            Val::Parts(_) => {
                let addr = self.temp(ty);
                self.store_val(ty, addr, 0, &value);
                addr
            }
        }
    }

    /// `&x`; `&T{...}` allocates (gc's OPTRLIT: the Addr node's `escapes` decides where).
    fn addr_of(&mut self, id: NodeId, x: NodeId) -> Value {
        let node = self.func.node(id);
        let operand = self.func.node(x);
        let (ty, escapes) = (operand.ty, node.escapes);
        let header_lit = match &operand.op {
            Op::MapLit(_) => true,
            Op::CompositeLit(_) => matches!(self.types.under(ty), TypeKind::Slice(_)),
            _ => false,
        };
        if header_lit {
            // `&[]T{...}`, `&map[K]V{...}`: a cell holding the slice or map,
            // whose backing array or table the literal's own node places.
            let value = self.eval(x);
            let obj = self.new_object(ty, escapes);
            self.store_val(ty, obj, 0, &value);
            return obj;
        }
        if let Op::CompositeLit(elems) = &operand.op {
            self.run_init(x);
            let obj = self.new_object(ty, escapes);
            self.fill_lit(obj, ty, elems);
            return obj;
        }
        self.place_addr(x)
    }

    pub fn const_val(&mut self, value: &ConstValue, ty: TypeId) -> Val {
        if is_string(self.types, ty) {
            let bytes = match value {
                ConstValue::Str(bytes) => bytes.as_slice(),
                other => panic!("backend: string constant with value {:?}", other),
            };
            return self.string_const(bytes);
        }
        if self.is_complex(ty) {
            return self.complex_const(value, ty);
        }
        let part = match repr(self.types, ty) {
            Repr::Parts(parts) if parts.len() == 1 => parts[0],
            _ => panic!("backend: constant of type {}", self.types.display(ty)),
        };
        let value = match (part.ty, value) {
            (types::F64, v) => self.b.ins().f64const(v.as_f64().unwrap_or(0.0)),
            (types::F32, v) => self.b.ins().f32const(v.as_f64().unwrap_or(0.0) as f32),
            (int, ConstValue::Bool(b)) => self.b.ins().iconst(int, *b as i64),
            (int, v) => {
                let bits = v.as_int().unwrap_or(0) as i64;
                self.b.ins().iconst(int, bits & int_mask(int.bits()))
            }
        };
        Val::Parts(vec![value])
    }

    pub fn string_const(&mut self, bytes: &[u8]) -> Val {
        if bytes.is_empty() {
            let zero = self.iconst(0);
            return Val::Parts(vec![zero, zero]);
        }
        let data = self.cg.string_data(bytes);
        let ptr = self.data_addr(data);
        let len = self.iconst(bytes.len() as i64);
        Val::Parts(vec![ptr, len])
    }

    /// An integer operand (index, length, shift count) as an `int64`.
    pub fn eval_int64(&mut self, id: NodeId) -> Value {
        let ty = self.func.node(id).ty;
        let value = self.eval(id).scalar();
        self.int64_of(value, ty)
    }

    pub fn int64_of(&mut self, value: Value, ty: TypeId) -> Value {
        let width = self.b.func.dfg.value_type(value).bits();
        if width == 64 {
            value
        } else if super::layout::is_signed_int(self.types, ty) {
            self.b.ins().sextend(types::I64, value)
        } else {
            self.b.ins().uextend(types::I64, value)
        }
    }

    pub(super) fn const_index(&self, id: NodeId) -> Option<i128> {
        match &self.func.node(id).op {
            Op::Const { value, .. } => value.as_int(),
            _ => None,
        }
    }

    /// Panics with `index out of range [i] with length n` unless `i < len`
    /// (compared unsigned); `index_ty` decides how the index is printed.
    /// `id` is the index expression the check is reported at.
    pub(super) fn bounds_check(&mut self, id: NodeId, index: Value, len: Value, index_ty: TypeId) {
        match (self.const_value(index), self.const_value(len)) {
            (Some(i), Some(n)) if (i as u64) < (n as u64) => return,
            // Between constants gc's rewrite rules fold the check: one that
            // always fails is an unconditional panic, and no check is left.
            (Some(_), Some(_)) => {}
            _ => self.record_bounds_check(id, CodeRecordKind::IndexCheck, 0, (index, len)),
        }
        let bad = self.b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, index, len);
        let rt = if self.is_unsigned(index_ty) { Rt::PanicIndexU } else { Rt::PanicIndex };
        self.panic_if(bad, rt, &[index, len]);
    }

    fn is_unsigned(&self, ty: TypeId) -> bool {
        super::layout::basic(self.types, ty).is_some_and(|b| b.is_unsigned())
    }

    /// The address of `x[i]` (node `id`) for an array, pointer to array or
    /// slice `x`; no bounds check when the passes proved the index bounded.
    fn index_addr(&mut self, id: NodeId, x: NodeId, i: NodeId) -> Value {
        let Some((addr, _, bounds)) = self.element(id, x, i, true) else { return self.iconst(0) };
        if let Some(bounds) = bounds {
            self.bounds_check(bounds.id, bounds.index, bounds.len, bounds.index_ty);
        }
        addr
    }

    /// The address of `x[i]` (node `id`), its operands evaluated in order,
    /// and the checks it needs, made by the caller: `x`'s nil check for a
    /// pointer to array (made at once when `nil_check_now`) and the bounds
    /// check (none when proved). None when `x` cannot be indexed.
    fn element(
        &mut self,
        id: NodeId,
        x: NodeId,
        i: NodeId,
        nil_check_now: bool,
    ) -> Option<(Value, Option<PendingNil>, Option<PendingBounds>)> {
        let x_ty = self.func.node(x).ty;
        let Some(elem) = elem_type(self.types, x_ty) else {
            self.unsupported("indexing a map");
            return None;
        };
        let elem_size = self.types.size(elem) as i64;
        let mut nil = None;
        let (base, len, constant_len) = match self.types.under(x_ty) {
            TypeKind::Slice(_) => {
                let slice = self.eval(x);
                (slice.part(0), slice.part(1), None)
            }
            TypeKind::Pointer(_) => {
                let ptr = self.eval(x).scalar();
                if nil_check_now {
                    self.nil_check(x, ptr);
                } else {
                    nil = Some(PendingNil { id: x, ptr });
                }
                let n = array_len(self.types, x_ty).expect("pointer to array");
                (ptr, self.iconst(n as i64), Some(n))
            }
            _ => {
                let base = self.place_addr(x);
                let n = array_len(self.types, x_ty).expect("array");
                (base, self.iconst(n as i64), Some(n))
            }
        };
        let in_range =
            self.func.node(id).bounded || matches!((self.const_index(i), constant_len), (Some(c), Some(n)) if c >= 0 && (c as u64) < n);
        let index = self.eval_int64(i);
        let bounds = (!in_range).then(|| PendingBounds { id, index, len, index_ty: self.func.node(i).ty });
        let offset = self.b.ins().imul_imm_s(index, elem_size);
        Some((self.b.ins().iadd(base, offset), nil, bounds))
    }

    /// The place target `id` of a tuple assignment names: its operands
    /// evaluated now, its bounds or nil check made when it is assigned. gc
    /// evaluates the right side next and then assigns the targets in
    /// order, so one that panics leaves those before it assigned.
    pub fn target_place(&mut self, id: NodeId) -> Place {
        self.run_init(id);
        let node = self.func.node(id);
        match node.op {
            Op::Index(x, i) if elem_type(self.types, self.func.node(x).ty).is_some() => match self.element(id, x, i, false) {
                Some((addr, nil, bounds)) => Place::Checked { addr, nil, bounds },
                None => Place::Blank,
            },
            Op::Deref(_) | Op::FieldPtr(..) if !node.bounded => {
                let (ptr, offset) = self.deref_ptr_offset(id);
                let addr = if offset == 0 { ptr } else { self.b.ins().iadd_imm_s(ptr, offset) };
                Place::Checked { addr, nil: Some(PendingNil { id, ptr }), bounds: None }
            }
            _ => self.place_op(id),
        }
    }

    /// `s[i]` (node `id`) of a string: the byte, bounds checked unless proved bounded.
    pub fn string_index(&mut self, id: NodeId, x: NodeId, i: NodeId) -> Value {
        let s = self.eval(x);
        let index = self.eval_int64(i);
        if !self.func.node(id).bounded {
            self.bounds_check(id, index, s.part(1), self.func.node(i).ty);
        }
        let addr = self.b.ins().iadd(s.part(0), index);
        self.b.ins().load(types::I8, super::func::flags(), addr, 0)
    }

    /// `x[lo:hi:max]` (node `id`), its bounds checked as gc's SSA does: max
    /// against the capacity, then hi against max, then lo against hi; none
    /// when the passes proved them all (`bounded`).
    fn slice_expr(&mut self, id: NodeId, x: NodeId, lo: Option<NodeId>, hi: Option<NodeId>, max: Option<NodeId>) -> Val {
        let x_ty = self.func.node(x).ty;
        let string = is_string(self.types, x_ty);
        let is_slice = matches!(self.types.under(x_ty), TypeKind::Slice(_));
        let (ptr, len, cap, elem_size) = if string {
            let s = self.eval(x);
            (s.part(0), s.part(1), s.part(1), 1)
        } else if is_slice {
            let s = self.eval(x);
            let elem = elem_type(self.types, x_ty).expect("slice element");
            (s.part(0), s.part(1), s.part(2), self.types.size(elem))
        } else {
            let ptr = match self.types.under(x_ty) {
                TypeKind::Pointer(_) => {
                    let ptr = self.eval(x).scalar();
                    // An address (`&a` of `a[:]`) is never nil.
                    if !matches!(self.func.node(x).op, Op::Addr(_)) {
                        self.nil_check(id, ptr);
                    }
                    ptr
                }
                _ => self.place_addr(x),
            };
            let n = array_len(self.types, x_ty).expect("slice of a non-sliceable type");
            let elem = elem_type(self.types, x_ty).expect("array element");
            let n = self.iconst(n as i64);
            (ptr, n, n, self.types.size(elem))
        };
        let i = lo.map(|n| (self.eval_int64(n), self.is_unsigned(self.func.node(n).ty)));
        let j = hi.map(|n| (self.eval_int64(n), self.is_unsigned(self.func.node(n).ty)));
        let k = max.map(|n| (self.eval_int64(n), self.is_unsigned(self.func.node(n).ty)));
        let three_index = k.is_some();
        if let Some(k) = k {
            let kind = if is_slice { SliceBound::Slice3Acap } else { SliceBound::Slice3Alen };
            self.slice_check(id, k, cap, kind);
        }
        let k = k.map(|(k, _)| k);
        let k = k.unwrap_or(cap);
        if let Some(j) = j {
            let (limit, kind) = if three_index {
                (k, SliceBound::Slice3B)
            } else if is_slice {
                (cap, SliceBound::Acap)
            } else {
                (cap, SliceBound::Alen)
            };
            self.slice_check(id, j, limit, kind);
        }
        let j = j.map(|(j, _)| j);
        let j = j.unwrap_or(len);
        if let Some(i) = i {
            let kind = if three_index { SliceBound::Slice3C } else { SliceBound::B };
            self.slice_check(id, i, j, kind);
        }
        let i = i.map(|(i, _)| i).unwrap_or_else(|| self.iconst(0));
        let new_len = self.b.ins().isub(j, i);
        let new_cap = self.b.ins().isub(k, i);
        // Like gc, never point past the end of the original object: an empty
        // result keeps the old pointer.
        let delta = self.b.ins().imul_imm_s(i, elem_size as i64);
        let zero = self.iconst(0);
        let keeps = if string { new_len } else { new_cap };
        let delta = self.b.ins().select(keeps, delta, zero);
        let new_ptr = self.b.ins().iadd(ptr, delta);
        if string {
            Val::Parts(vec![new_ptr, new_len])
        } else {
            Val::Parts(vec![new_ptr, new_len, new_cap])
        }
    }

    /// Panics with a slice-bounds error unless `x <= y` (compared unsigned);
    /// `x` is an index value and whether its Go type is unsigned. No check
    /// when that holds for constants, as gc's rewrite rules fold it (a
    /// constant 0 lower bound, a constant high bound within an array), or
    /// of one value with itself (`s[i:cap(s)]`).
    fn slice_check(&mut self, id: NodeId, (x, unsigned): (Value, bool), y: Value, kind: SliceBound) {
        let check = match kind {
            SliceBound::Slice3Acap | SliceBound::Slice3Alen => Some(ir::SliceCheck::Max),
            SliceBound::Acap | SliceBound::Alen | SliceBound::Slice3B => Some(ir::SliceCheck::High),
            SliceBound::B | SliceBound::Slice3C => Some(ir::SliceCheck::Low),
            SliceBound::Convert => None,
        };
        let proved = check.is_some_and(|check| self.func.proved_slice_checks.contains(&(id, check)));
        if self.func.node(id).bounded || proved || x == y {
            return;
        }
        match (self.const_value(x), self.const_value(y)) {
            (Some(0), _) => return,
            (Some(x), Some(y)) if (x as u64) <= (y as u64) => return,
            // Always fails: an unconditional panic, as in gc.
            (Some(_), Some(_)) => {}
            _ => self.record_bounds_check(id, CodeRecordKind::SliceCheck, kind as u8, (x, y)),
        }
        let bad = self.b.ins().icmp(IntCC::UnsignedGreaterThan, x, y);
        let which = self.b.ins().iconst(types::I32, kind as i64);
        let rt = if unsigned { Rt::PanicSliceU } else { Rt::PanicSlice };
        self.panic_if(bad, rt, &[which, x, y]);
    }

    /// A composite literal; a slice literal's array is on the heap when `escapes`.
    pub fn composite_lit(&mut self, id: NodeId, elems: &[(LitKey, NodeId)], escapes: bool) -> Val {
        let node = self.func.node(id);
        let ty = node.ty;
        match self.types.under(ty) {
            TypeKind::Slice(elem) => {
                let elem = *elem;
                let n = LitKey::slice_len(elems);
                let array = self.types.size(elem).saturating_mul(n);
                let ptr = if escapes {
                    let size = self.iconst(array as i64);
                    self.alloc_bytes(size, self.types.has_pointers(elem))
                } else {
                    self.new_stack_object(array, self.types.align(elem))
                };
                self.fill_lit(ptr, ty, elems);
                let n = self.iconst(n as i64);
                Val::Parts(vec![ptr, n, n])
            }
            _ => {
                let (size, align) = super::layout::mem_size_align(self.types, ty);
                let addr = self.temp(ty);
                self.zero_mem(addr, size, align);
                self.fill_lit(addr, ty, elems);
                Val::Mem(addr)
            }
        }
    }

    /// Stores the elements of a composite literal of type `ty` into zeroed memory at `addr`.
    fn fill_lit(&mut self, addr: Value, ty: TypeId, elems: &[(LitKey, NodeId)]) {
        for (key, value) in elems {
            let (elem_ty, offset) = match (key, self.types.under(ty)) {
                (LitKey::Field { index: i, .. }, TypeKind::Struct(fields)) => {
                    (fields[*i as usize].ty, self.types.field_offset(ty, *i as usize))
                }
                (LitKey::Index { index: i, .. }, TypeKind::Slice(elem) | TypeKind::Array(_, elem)) => (*elem, i * self.types.size(*elem)),
                _ => panic!("backend: literal key {:?} for type {}", key, self.types.display(ty)),
            };
            let value = self.eval(*value);
            let elem_addr = self.b.ins().iadd_imm_s(addr, offset as i64);
            self.store_val(elem_ty, elem_addr, 0, &value);
        }
    }

    fn conv(&mut self, id: NodeId, kind: ConvKind, x: NodeId) -> Val {
        let to = self.func.node(id).ty;
        let from = self.func.node(x).ty;
        match kind {
            ConvKind::Nop => self.eval(x),
            ConvKind::Numeric if self.is_complex(to) => {
                let value = self.eval(x);
                self.convert_complex(&value, to)
            }
            ConvKind::Numeric => {
                let value = self.eval(x).scalar();
                Val::Parts(vec![self.convert_numeric(value, from, to)])
            }
            ConvKind::Iface => self.box_iface(id, x),
            ConvKind::RuneToString => {
                let rune = self.eval_int64(x);
                let buf = self.conversion_buffer(id, 4);
                self.call_with_out(Rt::IntString, &[buf, rune], 2)
            }
            ConvKind::StringToBytes => match &self.func.node(x).op {
                Op::Const { value: ConstValue::Str(bytes), .. } => self.constant_bytes(id, x, bytes.len() as u64),
                _ => self.convert_sequence(id, x, Rt::StringToSliceByte, 32, 3),
            },
            ConvKind::BytesToString => self.convert_sequence(id, x, Rt::SliceByteToString, 32, 2),
            ConvKind::StringToRunes => self.convert_sequence(id, x, Rt::StringToSliceRune, 4 * 32, 3),
            ConvKind::RunesToString => self.convert_sequence(id, x, Rt::SliceRuneToString, 32, 2),
            ConvKind::SliceToArrayPtr => {
                let slice = self.eval(x);
                let n = array_len(self.types, to).unwrap_or(0) as i64;
                let n = self.iconst(n);
                self.slice_check(id, (n, false), slice.part(1), SliceBound::Convert);
                Val::Parts(vec![self.opaque_pointer(slice.part(0))])
            }
        }
    }

    /// A string/slice conversion through the runtime's `_buf` entry points.
    /// `[]byte(s)` of a constant string (gc's walkStringToBytes): a byte
    /// array of exactly its length, in the frame when the slice does not
    /// escape and the array is at most 64 KiB, else on the heap.
    fn constant_bytes(&mut self, id: NodeId, s: NodeId, len: u64) -> Val {
        let string = self.eval(s);
        // Walk keeps the array in the frame only up to this size, whatever escape analysis said.
        let array = if !self.func.node(id).escapes && len <= ir::MAX_IMPLICIT_STACK_VAR_SIZE {
            self.new_stack_object(len.max(1), 1)
        } else {
            let size = self.iconst(len.max(1) as i64);
            self.alloc_bytes(size, false)
        };
        self.copy_mem(array, string.part(0), len, 1);
        let len = self.iconst(len as i64);
        Val::Parts(vec![array, len, len])
    }

    fn convert_sequence(&mut self, id: NodeId, x: NodeId, rt: Rt, buf_size: u64, words: usize) -> Val {
        let s = self.eval(x);
        let buf = self.conversion_buffer(id, buf_size);
        self.call_with_out(rt, &[buf, s.part(0), s.part(1)], words)
    }

    /// gc's `tmpBuf` for a string-building node that does not escape (small
    /// results live in it), else NULL.
    pub fn conversion_buffer(&mut self, id: NodeId, size: u64) -> Value {
        if self.func.node(id).escapes {
            return self.iconst(0);
        }
        let slot = self.stack_slot(size, 8);
        self.b.ins().stack_addr(types::I64, slot, 0)
    }

    /// Calls a runtime function that writes `words` result words through a
    /// final out pointer, and returns them.
    pub fn call_with_out(&mut self, rt: Rt, args: &[Value], words: usize) -> Val {
        let slot = self.stack_slot(8 * words as u64, 8);
        let out = self.b.ins().stack_addr(types::I64, slot, 0);
        let mut all = args.to_vec();
        all.push(out);
        self.call_rt(rt, &all);
        Val::Parts((0..words).map(|w| self.b.ins().load(types::I64, super::func::flags(), out, 8 * w as i32)).collect())
    }
}

/// The value of an expression from its results: the only one, or nothing
/// (a call without results).
fn single_value(mut results: Vec<Val>) -> Val {
    match results.len() {
        1 => results.remove(0),
        _ => Val::Parts(Vec::new()),
    }
}
