//! Interface values: `(type descriptor, data word)` for `interface{}`,
//! `(itab, data word)` for an interface with methods (see `itab.rs`).
//! Boxing (gc's OCONVIFACE) follows gc's choice of data word, allocation
//! for allocation (see `data_word`); type assertions to concrete types
//! compare descriptor addresses, since every type has exactly one
//! descriptor; assertions to interfaces with methods ask the runtime for
//! the itab.

use cranelift_codegen::ir::{condcodes::IntCC, types, InstBuilder, Type, Value};
use cranelift_module::DataId;
use ir::{Basic, ConstValue, NodeId, Op, TypeId, TypeKind};

use super::func::{flags, FuncCtx, Val};
use super::layout::{basic, is_direct_iface, is_string};
use super::runtime::Rt;

impl FuncCtx<'_, '_> {
    /// `I(x)` for an interface type I (gc's OCONVIFACE): a concrete value
    /// boxed with its type descriptor, or with the itab for I when I has
    /// methods; an interface value converted to another interface type.
    pub fn box_iface(&mut self, id: NodeId, x: NodeId) -> Val {
        let from = self.func.node(x).ty;
        let to = self.func.node(id).ty;
        if self.types.is_interface(from) {
            let value = self.eval(x);
            let (word, data) = (value.part(0), value.part(1));
            let dynamic = self.dynamic_type(from, word);
            if !self.types.is_nonempty_interface(to) {
                return Val::Parts(vec![dynamic, data]);
            }
            let tab = self.itab_for(to, dynamic);
            return Val::Parts(vec![tab, data]);
        }
        if basic(self.types, from) == Some(Basic::UntypedNil) {
            let zero = self.iconst(0);
            return Val::Parts(vec![zero, zero]);
        }
        let data = self.data_word(id, x, from);
        let type_word = if self.types.is_nonempty_interface(to) {
            let itab = self.cg.itab(to, from);
            self.data_addr(itab)
        } else {
            self.descriptor_addr(from)
        };
        Val::Parts(vec![type_word, data])
    }

    /// The address of type `ty`'s descriptor.
    pub fn descriptor_addr(&mut self, ty: TypeId) -> Value {
        let descriptor = self.cg.type_descriptor(ty);
        self.data_addr(descriptor)
    }

    /// The itab of dynamic type `dynamic` (a descriptor, or 0) for interface
    /// type `iface`: 0 when it is nil or lacks a method.
    pub fn itab_for(&mut self, iface: TypeId, dynamic: Value) -> Value {
        let inter = self.descriptor_addr(iface);
        self.call_rt(Rt::AssertItab2, &[inter, dynamic])[0]
    }

    /// The dynamic type (descriptor, or 0 for nil) of an interface value of
    /// type `iface` whose first word is `word`: the word itself, or the type
    /// in the itab it points to.
    pub fn dynamic_type(&mut self, iface: TypeId, word: Value) -> Value {
        if !self.types.is_nonempty_interface(iface) {
            return word;
        }
        let load = self.b.create_block();
        let done = self.b.create_block();
        self.b.append_block_param(done, types::I64);
        let zero = self.iconst(0);
        self.b.ins().brif(word, load, &[], done, &[zero.into()]);
        self.b.switch_to_block(load);
        let ty = self.b.ins().load(types::I64, flags(), word, 8);
        self.b.ins().jump(done, &[ty.into()]);
        self.b.switch_to_block(done);
        self.b.block_params(done)[0]
    }

    /// The data word for `x` boxed into an interface, as gc's `dataWord`
    /// (walk/convert.go) chooses it: pointer-shaped values directly, zero-size
    /// values at zerobase, bytes and bools in the runtime's static table,
    /// constants in read-only data, non-escaping values on the stack, else a
    /// heap copy through the matching `convT*`.
    fn data_word(&mut self, id: NodeId, x: NodeId, from: TypeId) -> Value {
        if is_direct_iface(self.types, from) {
            return self.eval(x).scalar();
        }
        let size = self.types.size(from);
        let value = match &self.func.node(x).op {
            Op::Const { value, .. } if size > 1 => {
                self.run_init(x);
                let data = self.constant_data(value, from);
                return self.data_addr(data);
            }
            _ => self.eval(x),
        };
        let one_byte = self.is_one_byte(from);
        if size != 0 && !one_byte && !self.func.node(id).escapes && size <= 1024 {
            let object = self.new_object(from, false);
            self.store_val(from, object, 0, &value);
            return object;
        }
        self.value_data_word(from, value)
    }

    /// `value` (of the non-interface type `from`) boxed: its type word and
    /// a data word off the stack.
    pub fn box_value(&mut self, from: TypeId, value: Val) -> Val {
        let type_word = self.descriptor_addr(from);
        let data = self.value_data_word(from, value);
        Val::Parts(vec![type_word, data])
    }

    /// Bools and one-byte integers, boxed from the runtime's static table.
    fn is_one_byte(&self, from: TypeId) -> bool {
        let size = self.types.size(from);
        basic(self.types, from).is_some_and(|b| b == Basic::Bool || (b.is_integer() && size == 1))
    }

    /// The data word of a boxed `value` that is not on the stack: the value
    /// itself when pointer-shaped, zerobase, the static table, or a copy
    /// through gc's convT*.
    fn value_data_word(&mut self, from: TypeId, value: Val) -> Value {
        if is_direct_iface(self.types, from) {
            return value.scalar();
        }
        let size = self.types.size(from);
        let align = self.types.align(from);
        if size == 0 {
            return self.call_rt(Rt::ZeroBase, &[])[0];
        }
        if self.is_one_byte(from) {
            return self.call_rt(Rt::ConvT8, &[value.scalar()])[0];
        }
        let pointers = self.types.has_pointers(from);
        let word = match (size, align, pointers) {
            (2, 2, _) => Some((Rt::ConvT16, types::I16)),
            (4, 4, false) => Some((Rt::ConvT32, types::I32)),
            (8, 8, false) => Some((Rt::ConvT64, types::I64)),
            _ => None,
        };
        if let Some((rt, ty)) = word {
            let bits = self.raw_bits(from, value, ty);
            return self.call_rt(rt, &[bits])[0];
        }
        match self.types.under(from) {
            TypeKind::Slice(_) => self.call_rt(Rt::ConvTSlice, &[value.part(0), value.part(1), value.part(2)])[0],
            _ if is_string(self.types, from) => self.call_rt(Rt::ConvTString, &[value.part(0), value.part(1)])[0],
            _ => {
                let addr = self.spill(from, value);
                let descriptor = self.descriptor_addr(from);
                self.call_rt(Rt::ConvT, &[descriptor, addr])[0]
            }
        }
    }

    /// The bytes of a value as one integer of type `ty` (its size).
    fn raw_bits(&mut self, from: TypeId, value: Val, ty: Type) -> Value {
        if let Val::Parts(parts) = &value {
            if parts.len() == 1 && self.b.func.dfg.value_type(parts[0]) == ty {
                return parts[0];
            }
        }
        let addr = self.spill(from, value);
        self.b.ins().load(ty, flags(), addr, 0)
    }

    /// A read-only copy of a constant of type `ty`.
    fn constant_data(&mut self, value: &ConstValue, ty: TypeId) -> DataId {
        if let ConstValue::Str(bytes) = value {
            let mut header = vec![0u8; 8];
            header.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
            if bytes.is_empty() {
                return self.cg.readonly_value(header, &[]);
            }
            let text = self.cg.string_data(bytes);
            return self.cg.readonly_value(header, &[(0, text)]);
        }
        let size = self.types.size(ty) as usize;
        let bytes = match (value, basic(self.types, ty)) {
            (v, Some(Basic::Float32)) => (v.as_f64().unwrap_or(0.0) as f32).to_le_bytes().to_vec(),
            (v, Some(Basic::Float64)) => v.as_f64().unwrap_or(0.0).to_le_bytes().to_vec(),
            (v, Some(Basic::Complex64 | Basic::Complex128)) => {
                let (re, im) = v.as_complex().map(|(re, im)| (re.to_f64(), im.to_f64())).unwrap_or((0.0, 0.0));
                if size == 8 {
                    [(re as f32).to_le_bytes(), (im as f32).to_le_bytes()].concat()
                } else {
                    [re.to_le_bytes(), im.to_le_bytes()].concat()
                }
            }
            (ConstValue::Bool(b), _) => vec![*b as u8],
            (v, _) => (v.as_int().unwrap_or(0) as i64).to_le_bytes()[..size.min(8)].to_vec(),
        };
        self.cg.readonly_value(bytes, &[])
    }

    /// `x.(T)`; with `comma_ok` the results are `(value, ok)`, else a
    /// mismatch panics with Go's interface-conversion message.
    pub fn type_assert(&mut self, x: NodeId, target: TypeId, comma_ok: bool) -> Vec<Val> {
        let source = self.func.node(x).ty;
        let iface = self.eval(x);
        let (word, data) = (iface.part(0), iface.part(1));
        let type_word = self.dynamic_type(source, word);
        if self.types.is_nonempty_interface(target) {
            if !comma_ok {
                let inter = self.descriptor_addr(target);
                let tab = self.call_rt(Rt::AssertItab, &[inter, type_word])[0];
                return vec![Val::Parts(vec![tab, data])];
            }
            let tab = self.itab_for(target, type_word);
            let ok = self.b.ins().icmp_imm_s(IntCC::NotEqual, tab, 0);
            let zero = self.iconst(0);
            let data = self.b.ins().select(ok, data, zero);
            return vec![Val::Parts(vec![tab, data]), Val::Parts(vec![ok])];
        }
        if self.types.is_interface(target) {
            let ok = self.b.ins().icmp_imm_s(IntCC::NotEqual, type_word, 0);
            if !comma_ok {
                let failed = self.b.ins().icmp_imm_s(IntCC::Equal, type_word, 0);
                let want = self.descriptor_addr(target);
                self.panic_if(failed, Rt::PanicDotType, &[type_word, want]);
                return vec![Val::Parts(vec![type_word, data])];
            }
            return vec![Val::Parts(vec![type_word, data]), Val::Parts(vec![ok])];
        }
        let want = self.descriptor_addr(target);
        let matches = self.b.ins().icmp(IntCC::Equal, type_word, want);
        if !comma_ok {
            let failed = self.b.ins().bxor_imm_u(matches, 1);
            if self.types.is_nonempty_interface(source) {
                let inter = self.descriptor_addr(source);
                self.panic_if(failed, Rt::PanicDotTypeIface, &[inter, type_word, want]);
            } else {
                self.panic_if(failed, Rt::PanicDotType, &[type_word, want]);
            }
            return vec![self.unbox(target, data)];
        }
        // The value is the boxed one when the types match, else T's zero value.
        let value = self.value_or_zero(target, matches, |this| this.unbox(target, data));
        vec![value, Val::Parts(vec![matches])]
    }

    /// A comma-ok form's value of type `ty`: what `value` gives when `ok`,
    /// else the zero value.
    pub fn value_or_zero(&mut self, ty: TypeId, ok: Value, value: impl FnOnce(&mut Self) -> Val) -> Val {
        let result = self.temp(ty);
        let zero = self.zero_val(ty);
        self.store_val(ty, result, 0, &zero);
        let hit = self.b.create_block();
        let done = self.b.create_block();
        self.b.ins().brif(ok, hit, &[], done, &[]);
        self.b.switch_to_block(hit);
        let v = value(self);
        self.store_val(ty, result, 0, &v);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(done);
        self.load_val(ty, result, 0)
    }

    /// The value of type `ty` held in an interface's data word.
    pub fn unbox(&mut self, ty: TypeId, data: Value) -> Val {
        if is_direct_iface(self.types, ty) {
            return Val::Parts(vec![self.opaque_pointer(data)]);
        }
        let value = self.load_val(ty, data, 0);
        self.own(ty, value)
    }
}
