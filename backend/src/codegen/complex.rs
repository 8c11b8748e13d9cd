//! Complex numbers as gc's ssagen compiles them: a value is its two float
//! parts; `+`, `-` and negation work part by part in the parts' precision;
//! a product is computed in float64 (complex64's parts widened, the result
//! narrowed); a quotient is the runtime's complex128div (Go's algorithm);
//! `==` compares both parts; conversions convert each part.

use cranelift_codegen::ir::{condcodes::FloatCC, types, InstBuilder, Value};
use ir::{BinOp, ConstValue, TypeId};

use super::func::{flags, FuncCtx, Val};
use super::layout::basic;
use super::runtime::Rt;

impl FuncCtx<'_, '_> {
    /// Whether `ty` is a complex type (untyped complex included).
    pub fn is_complex(&self, ty: TypeId) -> bool {
        basic(self.types, ty).is_some_and(|b| b.is_complex())
    }

    /// A complex constant of type `ty`.
    pub fn complex_const(&mut self, value: &ConstValue, ty: TypeId) -> Val {
        let (re, im) = value.as_complex().map(|(re, im)| (re.to_f64(), im.to_f64())).unwrap_or((0.0, 0.0));
        if self.is_complex64(ty) {
            Val::Parts(vec![self.b.ins().f32const(re as f32), self.b.ins().f32const(im as f32)])
        } else {
            Val::Parts(vec![self.b.ins().f64const(re), self.b.ins().f64const(im)])
        }
    }

    fn is_complex64(&self, ty: TypeId) -> bool {
        basic(self.types, ty) == Some(ir::Basic::Complex64)
    }

    /// The parts of a complex value as float64s (printing, division).
    pub fn complex_parts_f64(&mut self, value: &Val) -> (Value, Value) {
        let (re, im) = (value.part(0), value.part(1));
        (self.widen(re), self.widen(im))
    }

    fn widen(&mut self, part: Value) -> Value {
        if self.b.func.dfg.value_type(part) == types::F32 {
            self.b.ins().fpromote(types::F64, part)
        } else {
            part
        }
    }

    /// `a op b` on complex numbers of type `ty`.
    pub fn complex_arith(&mut self, op: BinOp, ty: TypeId, a: &Val, b: &Val) -> Val {
        let (ar, ai, br, bi) = (a.part(0), a.part(1), b.part(0), b.part(1));
        let narrow = self.is_complex64(ty);
        let (re, im) = match op {
            BinOp::Add => (self.b.ins().fadd(ar, br), self.b.ins().fadd(ai, bi)),
            BinOp::Sub => (self.b.ins().fsub(ar, br), self.b.ins().fsub(ai, bi)),
            BinOp::Mul => {
                let (ar, ai, br, bi) = (self.widen(ar), self.widen(ai), self.widen(br), self.widen(bi));
                let (rr, ii) = (self.b.ins().fmul(ar, br), self.b.ins().fmul(ai, bi));
                let (ri, ir) = (self.b.ins().fmul(ar, bi), self.b.ins().fmul(ai, br));
                let (re, im) = (self.b.ins().fsub(rr, ii), self.b.ins().fadd(ri, ir));
                return self.narrowed(re, im, narrow);
            }
            BinOp::Div => {
                let (ar, ai) = self.complex_parts_f64(a);
                let (br, bi) = self.complex_parts_f64(b);
                let slot = self.stack_slot(16, 8);
                let out = self.b.ins().stack_addr(types::I64, slot, 0);
                self.call_rt(Rt::Complex128Div, &[ar, ai, br, bi, out]);
                let re = self.b.ins().load(types::F64, flags(), out, 0);
                let im = self.b.ins().load(types::F64, flags(), out, 8);
                return self.narrowed(re, im, narrow);
            }
            other => panic!("backend: complex operator {:?}", other),
        };
        Val::Parts(vec![re, im])
    }

    /// float64 parts, narrowed to float32 for a complex64.
    fn narrowed(&mut self, re: Value, im: Value, narrow: bool) -> Val {
        if narrow {
            Val::Parts(vec![self.b.ins().fdemote(types::F32, re), self.b.ins().fdemote(types::F32, im)])
        } else {
            Val::Parts(vec![re, im])
        }
    }

    /// `a == b` (or `!=`) on complex numbers: both parts equal.
    pub fn complex_compare(&mut self, op: BinOp, a: &Val, b: &Val) -> Value {
        let re = self.b.ins().fcmp(FloatCC::Equal, a.part(0), b.part(0));
        let im = self.b.ins().fcmp(FloatCC::Equal, a.part(1), b.part(1));
        let equal = self.b.ins().band(re, im);
        match op {
            BinOp::Eq => equal,
            _ => self.b.ins().bxor_imm_u(equal, 1),
        }
    }

    pub fn complex_neg(&mut self, x: &Val) -> Val {
        Val::Parts(vec![self.b.ins().fneg(x.part(0)), self.b.ins().fneg(x.part(1))])
    }

    /// A conversion between complex types: each part converted.
    pub fn convert_complex(&mut self, x: &Val, to: TypeId) -> Val {
        let target = if self.is_complex64(to) { types::F32 } else { types::F64 };
        let parts = [x.part(0), x.part(1)].map(|p| match (self.b.func.dfg.value_type(p), target) {
            (types::F32, types::F64) => self.b.ins().fpromote(types::F64, p),
            (types::F64, types::F32) => self.b.ins().fdemote(types::F32, p),
            _ => p,
        });
        Val::Parts(parts.to_vec())
    }
}
