//! Operators with Go's semantics: wrapping integer arithmetic at the type's
//! width, division and shift panics (and `MinInt64 / -1 == MinInt64`, which
//! the hardware would trap on), Go's shift rules for large counts, IEEE float
//! arithmetic (a division by a power of two is a multiplication, as in gc)
//! and comparisons, string comparison and concatenation through the
//! runtime, `==` on structs and arrays field by field, and numeric conversions
//! as gc compiles them for the target (float-to-integer differs between amd64
//! and arm64 for NaN and out-of-range values).

use cranelift_codegen::ir::{
    condcodes::{FloatCC, IntCC},
    types, InstBuilder, InstructionData, Opcode, Type, Value, ValueDef,
};
use ir::{Basic, BinOp, NodeId, Op, TypeId, TypeKind, UnOp};

use super::func::{flags, FuncCtx, Val};
use super::layout::{basic, basic_type, is_float, is_signed_int, is_string};
use super::runtime::Rt;
use crate::Target;

/// The largest right operand of `&&` or `||` evaluated without a branch.
const EAGER_NODES: u32 = 12;

impl FuncCtx<'_, '_> {
    pub fn binary(&mut self, id: NodeId, op: BinOp, l: NodeId, r: NodeId, ty: TypeId) -> Val {
        if matches!(op, BinOp::AndAnd | BinOp::OrOr) {
            return Val::Parts(vec![self.short_circuit(op, l, r)]);
        }
        let operand_ty = self.func.node(l).ty;
        if let Some(test) = self.divisibility_test(op, l, r) {
            return Val::Parts(vec![test]);
        }
        if is_comparison(op) {
            let a = self.eval(l);
            let b = self.eval(r);
            let with_nil = self.is_nil(l) || self.is_nil(r);
            return Val::Parts(vec![self.compare_operands(op, operand_ty, &a, &b, with_nil)]);
        }
        if is_string(self.types, ty) {
            return self.concat(id, &[l, r]);
        }
        if self.is_complex(ty) {
            let (a, b) = (self.eval(l), self.eval(r));
            return self.complex_arith(op, ty, &a, &b);
        }
        let a = self.eval(l).scalar();
        let b = self.eval(r).scalar();
        let count_ty = self.func.node(r).ty;
        Val::Parts(vec![self.arith(op, ty, a, b, count_ty)])
    }

    /// `x % 2^k == 0` (or `!=`, either side): whether the low k bits are
    /// zero, for signed x too (its remainder is 0 exactly then), as gc's
    /// SSA rules rewrite it: no remainder computed.
    fn divisibility_test(&mut self, op: BinOp, l: NodeId, r: NodeId) -> Option<Value> {
        if !matches!(op, BinOp::Eq | BinOp::Ne) {
            return None;
        }
        let (rem, zero) = if self.constant_int(r) == Some(0) { (l, r) } else { (r, l) };
        if self.constant_int(zero) != Some(0) {
            return None;
        }
        let Op::Binary(BinOp::Mod, x, m) = self.func.node(rem).op else { return None };
        let modulus = self.constant_int(m).filter(|m| *m > 0 && (*m as u64).is_power_of_two())?;
        if !self.types.basic_of(self.func.node(x).ty).is_some_and(|b| b.is_integer()) {
            return None;
        }
        let value = self.eval(x).scalar();
        let low_bits = self.b.ins().band_imm_s(value, modulus - 1);
        let cc = if op == BinOp::Eq { IntCC::Equal } else { IntCC::NotEqual };
        Some(self.b.ins().icmp_imm_s(cc, low_bits, 0))
    }

    pub fn is_nil(&self, id: NodeId) -> bool {
        match &self.func.node(id).op {
            Op::Nil => true,
            Op::Conv(_, x) => self.is_nil(*x),
            _ => false,
        }
    }

    /// For a float constant `c` whose reciprocal is exact (a power of two
    /// whose inverse is a normal number), the constant `1/c`: dividing by `c`
    /// is multiplying by it, as gc's SSA rules rewrite it.
    fn exact_reciprocal(&mut self, c: Value) -> Option<Value> {
        let ValueDef::Result(inst, _) = self.b.func.dfg.value_def(c) else { return None };
        match self.b.func.dfg.insts[inst] {
            InstructionData::UnaryIeee64 { opcode: Opcode::F64const, imm } => {
                let bits = imm.bits();
                let exponent = (bits >> 52) & 0x7ff;
                let exact = bits & ((1 << 52) - 1) == 0 && !matches!(exponent, 0 | 0x7fe | 0x7ff);
                exact.then(|| self.b.ins().f64const(1.0 / f64::from_bits(bits)))
            }
            InstructionData::UnaryIeee32 { opcode: Opcode::F32const, imm } => {
                let bits = imm.bits();
                let exponent = (bits >> 23) & 0xff;
                let exact = bits & ((1 << 23) - 1) == 0 && !matches!(exponent, 0 | 0xfe | 0xff);
                exact.then(|| self.b.ins().f32const(1.0 / f32::from_bits(bits)))
            }
            _ => None,
        }
    }

    /// `a op b` on numbers of type `ty`; `count_ty` is the type of a shift count.
    pub fn arith(&mut self, op: BinOp, ty: TypeId, a: Value, b: Value, count_ty: TypeId) -> Value {
        if is_float(self.types, ty) {
            return match op {
                BinOp::Add => self.b.ins().fadd(a, b),
                BinOp::Sub => self.b.ins().fsub(a, b),
                BinOp::Mul => self.b.ins().fmul(a, b),
                BinOp::Div => match self.exact_reciprocal(b) {
                    Some(reciprocal) => self.b.ins().fmul(a, reciprocal),
                    None => self.b.ins().fdiv(a, b),
                },
                other => panic!("backend: float operator {:?}", other),
            };
        }
        let signed = is_signed_int(self.types, ty);
        match op {
            BinOp::Add => self.b.ins().iadd(a, b),
            BinOp::Sub => self.b.ins().isub(a, b),
            BinOp::Mul => self.b.ins().imul(a, b),
            BinOp::Div | BinOp::Mod => self.divide(op == BinOp::Div, signed, a, b),
            BinOp::And => self.b.ins().band(a, b),
            BinOp::Or => self.b.ins().bor(a, b),
            BinOp::Xor => self.b.ins().bxor(a, b),
            BinOp::AndNot => self.b.ins().band_not(a, b),
            BinOp::Shl | BinOp::Shr => self.shift(op == BinOp::Shl, signed, a, b, count_ty),
            other => panic!("backend: integer operator {:?}", other),
        }
    }

    /// Integer `/` and `%`: zero divisors panic; a signed divisor of -1 is
    /// handled without dividing (negation, or 0) since the hardware traps on
    /// `MinInt / -1`.
    fn divide(&mut self, quotient: bool, signed: bool, a: Value, b: Value) -> Value {
        let zero = self.b.ins().icmp_imm_s(IntCC::Equal, b, 0);
        self.panic_if(zero, Rt::PanicDivide, &[]);
        if !signed {
            return if quotient { self.b.ins().udiv(a, b) } else { self.b.ins().urem(a, b) };
        }
        let ty = self.b.func.dfg.value_type(b);
        let minus_one = self.b.ins().icmp_imm_s(IntCC::Equal, b, -1);
        let one = self.b.ins().iconst(ty, 1);
        let divisor = self.b.ins().select(minus_one, one, b);
        if quotient {
            let q = self.b.ins().sdiv(a, divisor);
            let negated = self.b.ins().ineg(a);
            self.b.ins().select(minus_one, negated, q)
        } else {
            let r = self.b.ins().srem(a, divisor);
            let zero = self.b.ins().iconst(ty, 0);
            self.b.ins().select(minus_one, zero, r)
        }
    }

    /// Go shifts: a negative signed count panics; a count >= the width gives
    /// 0 (or the sign for a signed `>>`).
    fn shift(&mut self, left: bool, signed: bool, a: Value, count: Value, count_ty: TypeId) -> Value {
        if is_signed_int(self.types, count_ty) {
            let negative = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, count, 0);
            self.panic_if(negative, Rt::PanicShift, &[]);
        }
        let count = self.int64_of(count, count_ty);
        let bits = self.b.func.dfg.value_type(a).bits() as i64;
        let too_big = self.b.ins().icmp_imm_u(IntCC::UnsignedGreaterThanOrEqual, count, bits);
        let ty = self.b.func.dfg.value_type(a);
        if signed && !left {
            let max = self.b.ins().iconst(types::I64, bits - 1);
            let count = self.b.ins().select(too_big, max, count);
            return self.b.ins().sshr(a, count);
        }
        let shifted = if left { self.b.ins().ishl(a, count) } else { self.b.ins().ushr(a, count) };
        let zero = self.b.ins().iconst(ty, 0);
        self.b.ins().select(too_big, zero, shifted)
    }

    fn short_circuit(&mut self, op: BinOp, l: NodeId, r: NodeId) -> Value {
        if self.evaluates_safely(r, &mut { EAGER_NODES }) {
            // Evaluated regardless, which cannot be observed: one block
            // instead of a diamond, whose values Cranelift would otherwise
            // compute again on each side (mandelbrot's `k < iter && tr+ti <= limit`).
            let left = self.eval(l).scalar();
            let right = self.eval(r).scalar();
            return if op == BinOp::AndAnd { self.b.ins().band(left, right) } else { self.b.ins().bor(left, right) };
        }
        let result = self.b.declare_var(types::I8);
        let left = self.eval(l).scalar();
        self.b.def_var(result, left);
        let rhs = self.b.create_block();
        let done = self.b.create_block();
        if op == BinOp::AndAnd {
            self.b.ins().brif(left, rhs, &[], done, &[]);
        } else {
            self.b.ins().brif(left, done, &[], rhs, &[]);
        }
        self.b.switch_to_block(rhs);
        let right = self.eval(r).scalar();
        self.b.def_var(result, right);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(done);
        self.b.use_var(result)
    }

    /// Whether `id` may be evaluated where Go would not evaluate it: a small
    /// expression (at most `budget` nodes) of variables and constants of
    /// boolean, integer or float type, and operators that cannot panic (no
    /// division, no shift), without calls, loads through pointers or indexes.
    fn evaluates_safely(&self, id: NodeId, budget: &mut u32) -> bool {
        let node = self.func.node(id);
        let scalar = basic(self.types, node.ty).is_some_and(|b| b == Basic::Bool || b.is_integer() || b.is_float());
        if *budget == 0 || !scalar {
            return false;
        }
        *budget -= 1;
        match &node.op {
            Op::Local(_) | Op::Const { .. } => true,
            Op::Unary(_, x) => self.evaluates_safely(*x, budget),
            Op::Binary(op, a, b) => {
                !matches!(op, BinOp::Div | BinOp::Mod | BinOp::Shl | BinOp::Shr)
                    && self.evaluates_safely(*a, budget)
                    && self.evaluates_safely(*b, budget)
            }
            _ => false,
        }
    }

    /// `a op b` for the operands of a comparison or a switch case: two
    /// interfaces compare dynamic types and values in the runtime (efaceeq;
    /// with methods, the types in their itabs), unless one is nil.
    pub fn compare_operands(&mut self, op: BinOp, ty: TypeId, a: &Val, b: &Val, with_nil: bool) -> Value {
        if self.types.is_interface(ty) && !with_nil {
            let a_type = self.dynamic_type(ty, a.part(0));
            let b_type = self.dynamic_type(ty, b.part(0));
            let eq = self.call_rt(Rt::EfaceEq, &[a_type, a.part(1), b_type, b.part(1)])[0];
            let cc = if op == BinOp::Eq { IntCC::NotEqual } else { IntCC::Equal };
            return self.b.ins().icmp_imm_s(cc, eq, 0);
        }
        self.compare(op, ty, a, b)
    }

    /// A comparison of two values of type `ty` (or of a value with nil); an `i8` 0/1.
    pub fn compare(&mut self, op: BinOp, ty: TypeId, a: &Val, b: &Val) -> Value {
        match self.types.under(ty) {
            TypeKind::Struct(_) | TypeKind::Array(..) => {
                let equal = self.equal(ty, a, b);
                if op == BinOp::Eq {
                    equal
                } else {
                    self.b.ins().bxor_imm_u(equal, 1)
                }
            }
            _ if is_string(self.types, ty) => self.compare_strings(op, a, b),
            _ if is_float(self.types, ty) => self.b.ins().fcmp(float_cc(op), a.scalar(), b.scalar()),
            _ if self.is_complex(ty) => self.complex_compare(op, a, b),
            _ => {
                // Scalars compare whole; slices, funcs and interfaces only
                // against nil, which their first word decides.
                let cc = int_cc(op, is_signed_int(self.types, ty));
                self.b.ins().icmp(cc, a.part(0), b.part(0))
            }
        }
    }

    fn compare_strings(&mut self, op: BinOp, a: &Val, b: &Val) -> Value {
        let args = [a.part(0), a.part(1), b.part(0), b.part(1)];
        match op {
            BinOp::Eq | BinOp::Ne => {
                // Different lengths are unequal without a call.
                let result = self.b.declare_var(types::I8);
                let same_len = self.b.ins().icmp(IntCC::Equal, a.part(1), b.part(1));
                self.b.def_var(result, same_len);
                let call = self.b.create_block();
                let done = self.b.create_block();
                self.b.ins().brif(same_len, call, &[], done, &[]);
                self.b.switch_to_block(call);
                let equal = self.call_rt(Rt::EqString, &args)[0];
                let equal = self.b.ins().icmp_imm_s(IntCC::NotEqual, equal, 0);
                self.b.def_var(result, equal);
                self.b.ins().jump(done, &[]);
                self.b.switch_to_block(done);
                let equal = self.b.use_var(result);
                if op == BinOp::Eq {
                    equal
                } else {
                    self.b.ins().bxor_imm_u(equal, 1)
                }
            }
            _ => {
                let order = self.call_rt(Rt::CmpString, &args)[0];
                self.b.ins().icmp_imm_s(int_cc(op, true), order, 0)
            }
        }
    }

    /// `a == b` for any comparable type; structs field by field (blank
    /// fields ignored), arrays element by element.
    pub fn equal(&mut self, ty: TypeId, a: &Val, b: &Val) -> Value {
        match self.types.under(ty).clone() {
            TypeKind::Struct(fields) => {
                let mut all = self.b.ins().iconst(types::I8, 1);
                for (i, field) in fields.iter().enumerate() {
                    if field.name == "_" {
                        continue;
                    }
                    let offset = self.types.field_offset(ty, i) as i32;
                    let fa = self.load_val(field.ty, a.addr(), offset);
                    let fb = self.load_val(field.ty, b.addr(), offset);
                    let eq = self.equal(field.ty, &fa, &fb);
                    all = self.b.ins().band(all, eq);
                }
                all
            }
            TypeKind::Array(n, elem) => self.equal_arrays(n, elem, a.addr(), b.addr()),
            TypeKind::Interface(_) => self.compare_operands(BinOp::Eq, ty, a, b, false),
            _ => self.compare(BinOp::Eq, ty, a, b),
        }
    }

    fn equal_arrays(&mut self, n: u64, elem: TypeId, a: Value, b: Value) -> Value {
        let size = self.types.size(elem) as i64;
        if n <= 8 {
            let mut all = self.b.ins().iconst(types::I8, 1);
            for i in 0..n as i64 {
                let ea = self.load_val(elem, a, (i * size) as i32);
                let eb = self.load_val(elem, b, (i * size) as i32);
                let eq = self.equal(elem, &ea, &eb);
                all = self.b.ins().band(all, eq);
            }
            return all;
        }
        // A loop that stops at the first difference.
        let index = self.b.declare_var(types::I64);
        let result = self.b.declare_var(types::I8);
        let zero = self.iconst(0);
        self.b.def_var(index, zero);
        let one = self.b.ins().iconst(types::I8, 1);
        self.b.def_var(result, one);
        let head = self.b.create_block();
        let body = self.b.create_block();
        let done = self.b.create_block();
        self.b.ins().jump(head, &[]);
        self.b.switch_to_block(head);
        let i = self.b.use_var(index);
        let more = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, i, n as i64);
        self.b.ins().brif(more, body, &[], done, &[]);
        self.b.switch_to_block(body);
        let offset = self.b.ins().imul_imm_s(i, size);
        let pa = self.b.ins().iadd(a, offset);
        let pb = self.b.ins().iadd(b, offset);
        let ea = self.load_val(elem, pa, 0);
        let eb = self.load_val(elem, pb, 0);
        let eq = self.equal(elem, &ea, &eb);
        self.b.def_var(result, eq);
        let next = self.b.ins().iadd_imm_s(i, 1);
        self.b.def_var(index, next);
        self.b.ins().brif(eq, head, &[], done, &[]);
        self.b.switch_to_block(done);
        self.b.use_var(result)
    }

    pub fn unary(&mut self, op: UnOp, x: NodeId) -> Val {
        let ty = self.func.node(x).ty;
        if self.is_complex(ty) {
            let value = self.eval(x);
            return if op == UnOp::Neg { self.complex_neg(&value) } else { value };
        }
        let value = self.eval(x).scalar();
        let result = match op {
            UnOp::Plus => value,
            UnOp::Neg if is_float(self.types, ty) => self.b.ins().fneg(value),
            UnOp::Neg => self.b.ins().ineg(value),
            UnOp::Not => self.b.ins().bxor_imm_u(value, 1),
            UnOp::BitNot => self.b.ins().bnot(value),
        };
        Val::Parts(vec![result])
    }

    /// `a + b + ...` on strings (node `id`) through `minigo_concatstrings`.
    pub fn concat(&mut self, id: NodeId, operands: &[NodeId]) -> Val {
        let values: Vec<Val> = operands.iter().map(|o| self.eval(*o)).collect();
        let buf = self.conversion_buffer(id, 32);
        self.concat_values(buf, &values)
    }

    /// The string value of concatenating `values` (with gc's stack buffer `buf`, or NULL).
    pub fn concat_values(&mut self, buf: Value, values: &[Val]) -> Val {
        let slot = self.stack_slot(16 * values.len() as u64, 8);
        let pairs = self.b.ins().stack_addr(types::I64, slot, 0);
        for (i, value) in values.iter().enumerate() {
            self.b.ins().store(flags(), value.part(0), pairs, 16 * i as i32);
            self.b.ins().store(flags(), value.part(1), pairs, 16 * i as i32 + 8);
        }
        let n = self.iconst(values.len() as i64);
        self.call_with_out(Rt::ConcatStrings, &[buf, pairs, n], 2)
    }

    /// Numeric conversion between integer and float types.
    pub fn convert_numeric(&mut self, value: Value, from: TypeId, to: TypeId) -> Value {
        let (Some(from_basic), Some(to_basic)) = (basic(self.types, from), basic(self.types, to)) else {
            return value;
        };
        let to_clif = basic_type(to_basic);
        let from_clif = self.b.func.dfg.value_type(value);
        match (from_basic.is_float(), to_basic.is_float()) {
            (false, false) => {
                if to_clif.bits() < from_clif.bits() {
                    self.b.ins().ireduce(to_clif, value)
                } else if to_clif.bits() > from_clif.bits() {
                    if from_basic.is_unsigned() {
                        self.b.ins().uextend(to_clif, value)
                    } else {
                        self.b.ins().sextend(to_clif, value)
                    }
                } else {
                    value
                }
            }
            (false, true) => {
                let wide = self.int64_of(value, from);
                if from_basic.is_unsigned() {
                    self.b.ins().fcvt_from_uint(to_clif, wide)
                } else {
                    self.b.ins().fcvt_from_sint(to_clif, wide)
                }
            }
            (true, true) => match (from_clif, to_clif) {
                (types::F32, types::F64) => self.b.ins().fpromote(types::F64, value),
                (types::F64, types::F32) => self.b.ins().fdemote(types::F32, value),
                _ => value,
            },
            (true, false) => {
                // float32 -> float64 is exact, so gc's float32 forms give the same results.
                let wide = if from_clif == types::F32 { self.b.ins().fpromote(types::F64, value) } else { value };
                let (bits, bits_clif) = match self.cg.target {
                    Target::X86_64 => self.float_to_int_amd64(wide, to_basic.is_unsigned(), to_clif),
                    Target::Aarch64 => self.float_to_int_arm64(wide, to_basic.is_unsigned(), to_clif),
                };
                if to_clif == bits_clif {
                    bits
                } else {
                    self.b.ins().ireduce(to_clif, bits)
                }
            }
        }
    }

    /// float64 to an integer type as gc compiles it for amd64 (ssagen's
    /// fpConvOpToSSA): CVTTSD2SL to int32 for int32 and the narrower types,
    /// CVTTSD2SQ to int64 for int64 and uint32, float64ToUint64's branches for
    /// uint64. Returns the converted bits and their width, which the caller
    /// truncates to `to_clif`.
    fn float_to_int_amd64(&mut self, f: Value, unsigned: bool, to_clif: Type) -> (Value, Type) {
        match (unsigned, to_clif.bits()) {
            (true, 64) => (self.float_to_uint64(f), types::I64),
            (false, 64) | (true, 32) => (self.float_to_int_indefinite(f, types::I64), types::I64),
            _ => (self.float_to_int_indefinite(f, types::I32), types::I32),
        }
    }

    /// float64 to an integer type as gc compiles it for arm64 (fpConvOpToSSA
    /// and uint64fpConvOpToSSA): FCVTZS to int32 for int32 and the narrower
    /// types, FCVTZS to int64 for int64 and uint32, FCVTZU for uint64. These
    /// saturate at the bounds and give 0 for NaN, as `fcvt_to_*int_sat` does.
    fn float_to_int_arm64(&mut self, f: Value, unsigned: bool, to_clif: Type) -> (Value, Type) {
        match (unsigned, to_clif.bits()) {
            (true, 64) => (self.b.ins().fcvt_to_uint_sat(types::I64, f), types::I64),
            (false, 64) | (true, 32) => (self.b.ins().fcvt_to_sint_sat(types::I64, f), types::I64),
            _ => (self.b.ins().fcvt_to_sint_sat(types::I32, f), types::I32),
        }
    }

    /// amd64's CVTTSD2SL/CVTTSD2SQ (`width` I32/I64): truncation, with the
    /// "integer indefinite" 0x80...0 for NaN and out-of-range values.
    fn float_to_int_indefinite(&mut self, f: Value, width: Type) -> Value {
        let saturated = self.b.ins().fcvt_to_sint_sat(width, f);
        let limit = 2f64.powi(width.bits() as i32 - 1);
        let low = self.b.ins().f64const(-limit);
        let high = self.b.ins().f64const(limit);
        let above_low = self.b.ins().fcmp(FloatCC::GreaterThanOrEqual, f, low);
        let below_high = self.b.ins().fcmp(FloatCC::LessThan, f, high);
        let in_range = self.b.ins().band(above_low, below_high);
        let invalid = self.b.ins().iconst(width, (1u64 << (width.bits() - 1)) as i64);
        self.b.ins().select(in_range, saturated, invalid)
    }

    /// gc's amd64 float64 -> uint64: values from 2^63 up convert after subtracting 2^63.
    fn float_to_uint64(&mut self, f: Value) -> Value {
        let two63 = self.b.ins().f64const(9223372036854775808.0);
        let small = self.b.ins().fcmp(FloatCC::LessThan, f, two63);
        let direct = self.float_to_int_indefinite(f, types::I64);
        let reduced = self.b.ins().fsub(f, two63);
        let reduced = self.float_to_int_indefinite(reduced, types::I64);
        let high_bit = self.iconst(i64::MIN);
        let big = self.b.ins().bor(reduced, high_bit);
        self.b.ins().select(small, direct, big)
    }
}

pub(crate) fn is_comparison(op: BinOp) -> bool {
    matches!(op, BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge)
}

fn int_cc(op: BinOp, signed: bool) -> IntCC {
    match (op, signed) {
        (BinOp::Eq, _) => IntCC::Equal,
        (BinOp::Ne, _) => IntCC::NotEqual,
        (BinOp::Lt, true) => IntCC::SignedLessThan,
        (BinOp::Le, true) => IntCC::SignedLessThanOrEqual,
        (BinOp::Gt, true) => IntCC::SignedGreaterThan,
        (BinOp::Ge, true) => IntCC::SignedGreaterThanOrEqual,
        (BinOp::Lt, false) => IntCC::UnsignedLessThan,
        (BinOp::Le, false) => IntCC::UnsignedLessThanOrEqual,
        (BinOp::Gt, false) => IntCC::UnsignedGreaterThan,
        (BinOp::Ge, false) => IntCC::UnsignedGreaterThanOrEqual,
        (other, _) => panic!("backend: {:?} is not a comparison", other),
    }
}

fn float_cc(op: BinOp) -> FloatCC {
    match op {
        BinOp::Eq => FloatCC::Equal,
        BinOp::Ne => FloatCC::NotEqual,
        BinOp::Lt => FloatCC::LessThan,
        BinOp::Le => FloatCC::LessThanOrEqual,
        BinOp::Gt => FloatCC::GreaterThan,
        BinOp::Ge => FloatCC::GreaterThanOrEqual,
        other => panic!("backend: {:?} is not a comparison", other),
    }
}
