//! Compile-time constants (Go spec "Constants", `go/constant`): decoding of
//! literal source text, arithmetic on untyped and typed constants, and the
//! representability checks behind `constant 300 overflows int8`.
//!
//! As in go/constant, integers are exact (untyped ones up to types2's 512
//! bits, checked by the type checker); floats are exact fractions (so
//! `0.1 + 0.2 == 0.3`, as in Go) while their numerator and denominator stay
//! below 4096 bits, and 512-bit binary floats beyond (`1e646456992`,
//! bigfloat.rs); a constant is rounded to float64 or float32 only when it
//! takes that type.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use crate::bigfloat::BigFloat;
use crate::types::Basic;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    Int(BigInt),
    Float(Float),
    /// A complex constant: its real and imaginary parts.
    Complex(Float, Float),
    /// Go strings are byte strings, not necessarily UTF-8.
    Str(Vec<u8>),
}

/// go/constant's limit on the size of an exact fraction's parts, in bits.
const MAX_EXACT_BITS: u64 = 4 << 10;

/// A float constant in one of go/constant's two representations.
#[derive(Clone, Debug, PartialEq)]
pub enum Float {
    /// An exact fraction (go/constant's ratVal); a typed float constant holds
    /// its rounded value exactly.
    Exact(BigRational),
    /// A 512-bit binary float (floatVal), for values whose fractions would be
    /// too large; never turned back into a fraction, as in go/constant.
    Rounded(BigFloat),
}

impl Float {
    /// go/constant's makeRat: exact while the parts are small enough.
    pub fn from_rational(r: BigRational) -> Float {
        if r.numer().bits() < MAX_EXACT_BITS && r.denom().bits() < MAX_EXACT_BITS {
            Float::Exact(r)
        } else {
            Float::Rounded(BigFloat::from_rational(&r))
        }
    }

    pub fn from_int(i: &BigInt) -> Float {
        Float::from_rational(BigRational::from_integer(i.clone()))
    }

    /// A finite float64 (an infinity or NaN gives zero; callers check).
    pub fn from_f64(f: f64) -> Float {
        Float::Exact(BigRational::from_f64(f).unwrap_or_else(BigRational::zero))
    }

    /// The nearest float64, infinite beyond its range.
    pub fn to_f64(&self) -> f64 {
        match self {
            Float::Exact(r) => rational_to_f64(r),
            Float::Rounded(b) => b.to_f64(),
        }
    }

    fn rounded(&self) -> BigFloat {
        match self {
            Float::Exact(r) => BigFloat::from_rational(r),
            Float::Rounded(b) => b.clone(),
        }
    }

    pub fn is_integer(&self) -> bool {
        match self {
            Float::Exact(r) => r.is_integer(),
            Float::Rounded(b) => b.is_integer(),
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            Float::Exact(r) => r.is_zero(),
            Float::Rounded(b) => b.is_zero(),
        }
    }

    /// The integer value of a whole float constant (None for a fraction, or
    /// for a whole number too large for any integer constant).
    pub fn to_integer(&self) -> Option<BigInt> {
        match self {
            Float::Exact(r) => r.is_integer().then(|| r.to_integer()),
            Float::Rounded(b) => b.to_integer(MAX_EXACT_BITS),
        }
    }

    pub fn neg(&self) -> Float {
        match self {
            Float::Exact(r) => Float::Exact(-r),
            Float::Rounded(b) => Float::Rounded(b.neg()),
        }
    }

    /// One of + - * / (the caller rules out division by zero): exact on
    /// fractions, at 512 bits once either operand is rounded (go/constant's
    /// match, then makeRat or makeFloat).
    pub fn arith(&self, op: ArithOp, other: &Float) -> Float {
        if let (Float::Exact(a), Float::Exact(b)) = (self, other) {
            return Float::from_rational(match op {
                ArithOp::Add => a + b,
                ArithOp::Sub => a - b,
                ArithOp::Mul => a * b,
                ArithOp::Quo => a / b,
            });
        }
        let (a, b) = (self.rounded(), other.rounded());
        Float::Rounded(match op {
            ArithOp::Add => a.add(&b),
            ArithOp::Sub => a.sub(&b),
            ArithOp::Mul => a.mul(&b),
            ArithOp::Quo => a.div(&b),
        })
    }

    pub fn compare(&self, other: &Float) -> Ordering {
        match (self, other) {
            (Float::Exact(a), Float::Exact(b)) => a.cmp(b),
            _ => self.rounded().partial_cmp(&other.rounded()).unwrap_or(Ordering::Equal),
        }
    }

    /// As go/constant's String: `%.6g` of the float64 value while it is in
    /// float64's range; beyond, an approximate decimal `m.mmmmme+N`.
    fn describe(&self) -> String {
        let f = self.to_f64();
        if f.is_finite() && (f == 0.0) == self.is_zero() {
            return format_float(f);
        }
        let b = self.rounded();
        let exp = b.mant_exp();
        let mant = b.div(&BigFloat::from_parts(BigInt::one(), exp)).to_f64();
        let decimal = exp as f64 * std::f64::consts::LN_2 / std::f64::consts::LN_10;
        let mut e = decimal as i64;
        let mut m = mant * 10f64.powf(decimal - e as f64);
        if m.abs() < 1.0 - 0.5e-6 {
            m *= 10.0;
            e -= 1;
        } else if m.abs() >= 10.0 {
            m /= 10.0;
            e += 1;
        }
        format!("{}e{:+}", format_g6(m), e)
    }
}

/// The four operations on float constants.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Quo,
}

impl Value {
    pub fn int(i: impl Into<BigInt>) -> Value {
        Value::Int(i.into())
    }

    pub fn as_f64(&self) -> Option<f64> {
        self.as_float().map(|f| f.to_f64())
    }

    /// The value of an integer constant (not a whole float) that fits in i128.
    pub fn integer(&self) -> Option<i128> {
        match self {
            Value::Int(i) => i.to_i128(),
            _ => None,
        }
    }

    /// The value as an i128, for integers and whole floats that fit.
    pub fn as_int(&self) -> Option<i128> {
        self.as_big_int()?.to_i128()
    }

    /// go/constant's ToInt: integers, and floats and complex numbers with a
    /// whole (real) value.
    pub fn as_big_int(&self) -> Option<BigInt> {
        match self {
            Value::Int(i) => Some(i.clone()),
            Value::Float(f) => f.to_integer(),
            Value::Complex(re, im) if im.is_zero() => re.to_integer(),
            _ => None,
        }
    }

    /// go/constant's ToFloat: integers, floats, and complex numbers
    /// without an imaginary part.
    pub fn as_float(&self) -> Option<Float> {
        match self {
            Value::Int(i) => Some(Float::from_int(i)),
            Value::Float(f) => Some(f.clone()),
            Value::Complex(re, im) if im.is_zero() => Some(re.clone()),
            _ => None,
        }
    }

    /// go/constant's ToComplex: any numeric constant as (real, imaginary).
    pub fn as_complex(&self) -> Option<(Float, Float)> {
        match self {
            Value::Complex(re, im) => Some((re.clone(), im.clone())),
            _ => Some((self.as_float()?, Float::from_int(&BigInt::zero()))),
        }
    }

    pub fn from_f64(f: f64) -> Value {
        Value::Float(Float::from_f64(f))
    }

    /// The value as types2 prints it in messages (`300`, `1.5`, `"s"`, `true`).
    pub fn describe(&self) -> String {
        match self {
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => f.describe(),
            Value::Complex(re, im) => format!("({} + {}i)", re.describe(), im.describe()),
            Value::Str(s) => format!("{:?}", String::from_utf8_lossy(s)),
        }
    }
}

fn format_float(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e21 {
        return format!("{}", f as i128);
    }
    if f.fract() == 0.0 && f.is_finite() {
        // A whole number too large for i128: go/constant prints all its
        // digits; those of the shortest decimal that rounds to it.
        let sci = format!("{:e}", f);
        if let Some((mantissa, exp)) = sci.split_once('e') {
            let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
            let exp: usize = exp.parse().unwrap_or(0);
            let sign = if f < 0.0 { "-" } else { "" };
            let zeros = (exp + 1).saturating_sub(digits.len());
            return format!("{}{}{}", sign, digits, "0".repeat(zeros));
        }
    }
    let s = format!("{}", f);
    if s.len() > 12 {
        format!("{:e}", f).replace("e", "e+").replace("e+-", "e-")
    } else {
        s
    }
}

/// Go's `%.6g` of a value with |m| in [1, 10): up to six significant
/// digits, trailing zeros dropped.
fn format_g6(m: f64) -> String {
    let fixed = format!("{:.5}", m);
    let trimmed = fixed.trim_end_matches('0').trim_end_matches('.');
    trimmed.to_string()
}

/// Decodes an integer literal (`0x1F`, `0b101`, `0o17`, `017`, `1_000`).
pub fn parse_int(text: &str) -> Option<BigInt> {
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    let (digits, radix) = if let Some(rest) = clean.strip_prefix("0x").or_else(|| clean.strip_prefix("0X")) {
        (rest.to_string(), 16)
    } else if let Some(rest) = clean.strip_prefix("0b").or_else(|| clean.strip_prefix("0B")) {
        (rest.to_string(), 2)
    } else if let Some(rest) = clean.strip_prefix("0o").or_else(|| clean.strip_prefix("0O")) {
        (rest.to_string(), 8)
    } else if clean.len() > 1 && clean.starts_with('0') {
        (clean[1..].to_string(), 8)
    } else {
        (clean, 10)
    };
    if digits.is_empty() {
        return None;
    }
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// The nearest f64 to an exact rational.
pub fn rational_to_f64(r: &BigRational) -> f64 {
    r.to_f64().unwrap_or(if r.is_negative() { f64::NEG_INFINITY } else { f64::INFINITY })
}

/// Decodes a float literal, decimal or hexadecimal (`0x1p-2`): exactly while
/// its binary exponent is within go/constant's limit for fractions, else to
/// 512 bits (makeFloatFromLiteral).
pub fn parse_float(text: &str) -> Option<Float> {
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    let (digits, radix, base, exp) = if let Some(hex) = clean.strip_prefix("0x").or_else(|| clean.strip_prefix("0X")) {
        let (mantissa, exp) = hex.split_once(['p', 'P'])?;
        let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let exp: i64 = exp.parse().ok()?;
        (format!("{}{}", int_part, frac_part), 16, 2u32, exp.checked_sub(4 * frac_part.len() as i64)?)
    } else {
        let (mantissa, exp) = match clean.split_once(['e', 'E']) {
            Some((m, e)) => (m, e.parse::<i64>().ok()?),
            None => (clean.as_str(), 0),
        };
        let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        (format!("{}{}", int_part, frac_part), 10, 10u32, exp.checked_sub(frac_part.len() as i64)?)
    };
    let mantissa = if digits.is_empty() { BigInt::zero() } else { BigInt::parse_bytes(digits.as_bytes(), radix)? };
    if mantissa.is_zero() {
        return Some(Float::Exact(BigRational::zero()));
    }
    // The value's binary exponent, to within a few bits.
    let estimate = mantissa.bits() as f64 + exp as f64 * (base as f64).log2();
    if estimate.abs() < (MAX_EXACT_BITS + 64) as f64 {
        let scale = BigInt::from(base).pow(exp.unsigned_abs() as u32);
        let exact = if exp >= 0 { BigRational::from_integer(mantissa * scale) } else { BigRational::new(mantissa, scale) };
        let binary_exp = BigFloat::from_rational(&exact).mant_exp();
        if binary_exp.unsigned_abs() < MAX_EXACT_BITS {
            return Some(Float::Exact(exact));
        }
        return Some(Float::Rounded(BigFloat::from_rational(&exact)));
    }
    let mantissa = BigFloat::from_int(&mantissa);
    Some(Float::Rounded(if base == 2 {
        mantissa.mul(&BigFloat::from_parts(BigInt::one(), exp))
    } else if exp >= 0 {
        mantissa.mul(&BigFloat::pow10(exp as u64))
    } else {
        mantissa.div(&BigFloat::pow10(exp.unsigned_abs()))
    }))
}

/// An imaginary literal's value (`2i`, `1.5e3i`, `0x1p-2i`): the number
/// before the `i`, read as a float (so `0123i` is decimal, as in Go).
pub fn parse_imag(text: &str) -> Option<Float> {
    let number = text.strip_suffix('i')?;
    let lower = number.to_ascii_lowercase();
    if ["0x", "0b", "0o"].iter().any(|p| lower.starts_with(p)) && !lower.contains(['.', 'p']) {
        return Some(Float::from_int(&parse_int(number)?));
    }
    parse_float(number)
}

/// Decodes one escape or character at the start of `s`; returns the value
/// (a code point, or a byte for `\x`/octal escapes flagged by the bool) and the rest.
fn decode_char(s: &str, quote: char) -> Option<(u32, bool, &str)> {
    let mut chars = s.chars();
    let c = chars.next()?;
    if c != '\\' {
        return Some((c as u32, false, chars.as_str()));
    }
    let e = chars.next()?;
    let rest = chars.as_str();
    let simple = match e {
        'a' => Some(7),
        'b' => Some(8),
        'f' => Some(12),
        'n' => Some(10),
        'r' => Some(13),
        't' => Some(9),
        'v' => Some(11),
        '\\' => Some('\\' as u32),
        '\'' if quote == '\'' => Some('\'' as u32),
        '"' if quote == '"' => Some('"' as u32),
        _ => None,
    };
    if let Some(v) = simple {
        return Some((v, false, rest));
    }
    let (len, radix, is_byte) = match e {
        'x' => (2, 16, true),
        'u' => (4, 16, false),
        'U' => (8, 16, false),
        '0'..='7' => (2, 8, true),
        _ => return None,
    };
    if e.is_ascii_digit() {
        let digits = format!("{}{}", e, rest.get(..len)?);
        let v = u32::from_str_radix(&digits, radix).ok()?;
        return if v > 255 { None } else { Some((v, true, &rest[len..])) };
    }
    let v = u32::from_str_radix(rest.get(..len)?, radix).ok()?;
    if !is_byte && (v > 0x10FFFF || (0xD800..0xE000).contains(&v)) {
        return None;
    }
    Some((v, is_byte, &rest[len..]))
}

/// Decodes a rune literal such as `'a'`, `'\n'`, `'\x41'`, `'é'`.
pub fn parse_rune(text: &str) -> Option<i128> {
    let inner = text.strip_prefix('\'')?.strip_suffix('\'')?;
    let (v, _, rest) = decode_char(inner, '\'')?;
    if rest.is_empty() {
        Some(v as i128)
    } else {
        None
    }
}

/// Decodes an interpreted (`"..."`) or raw (`` `...` ``) string literal into its bytes.
pub fn parse_string(text: &str) -> Option<Vec<u8>> {
    if let Some(raw) = text.strip_prefix('`').and_then(|t| t.strip_suffix('`')) {
        return Some(raw.replace('\r', "").into_bytes());
    }
    let mut s = text.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = Vec::new();
    while !s.is_empty() {
        let (v, is_byte, rest) = decode_char(s, '"')?;
        if is_byte {
            out.push(v as u8);
        } else {
            let c = char::from_u32(v)?;
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
        s = rest;
    }
    Some(out)
}

/// The inclusive range of an integer type, or None for non-integers.
pub fn int_range(b: Basic) -> Option<(i128, i128)> {
    Some(match b {
        Basic::Int8 => (i8::MIN as i128, i8::MAX as i128),
        Basic::Int16 => (i16::MIN as i128, i16::MAX as i128),
        Basic::Int32 => (i32::MIN as i128, i32::MAX as i128),
        Basic::Int | Basic::Int64 => (i64::MIN as i128, i64::MAX as i128),
        Basic::Uint8 => (0, u8::MAX as i128),
        Basic::Uint16 => (0, u16::MAX as i128),
        Basic::Uint32 => (0, u32::MAX as i128),
        Basic::Uint | Basic::Uint64 | Basic::Uintptr => (0, u64::MAX as i128),
        _ => return None,
    })
}

/// Why a constant cannot be represented in a basic type.
#[derive(Debug, PartialEq)]
pub enum Unrepresentable {
    Overflows,
    Truncated,
    Mismatch,
}

/// Converts a constant to the representation of basic type `b` (an integer
/// value of a float type becomes a float, a whole float becomes an integer).
pub fn represent(v: &Value, b: Basic) -> Result<Value, Unrepresentable> {
    if b == Basic::Invalid {
        return Ok(v.clone());
    }
    if b.is_integer() {
        let i = match v {
            Value::Int(i) => i.clone(),
            Value::Float(f) | Value::Complex(f, _) if !f.is_integer() => return Err(Unrepresentable::Truncated),
            Value::Complex(_, im) if !im.is_zero() => return Err(Unrepresentable::Truncated),
            Value::Float(f) | Value::Complex(f, _) => f.to_integer().ok_or(Unrepresentable::Overflows)?,
            _ => return Err(Unrepresentable::Mismatch),
        };
        if let Some((lo, hi)) = int_range(b) {
            if i.to_i128().is_none_or(|i| i < lo || i > hi) {
                return Err(Unrepresentable::Overflows);
            }
        }
        return Ok(Value::Int(i));
    }
    if b.is_complex() {
        let (re, im) = v.as_complex().ok_or(Unrepresentable::Mismatch)?;
        if b == Basic::UntypedComplex {
            return Ok(Value::Complex(re, im));
        }
        let part = b.complex_part();
        let round = |f: Float| match represent(&Value::Float(f), part) {
            Ok(Value::Float(f)) => Ok(f),
            _ => Err(Unrepresentable::Overflows),
        };
        return Ok(Value::Complex(round(re)?, round(im)?));
    }
    if b.is_float() {
        if matches!(v, Value::Complex(_, im) if !im.is_zero()) {
            return Err(Unrepresentable::Truncated);
        }
        let float = v.as_float().ok_or(Unrepresentable::Mismatch)?;
        if b == Basic::UntypedFloat {
            return Ok(Value::Float(float));
        }
        let f = float.to_f64();
        if b == Basic::Float32 {
            if f.is_infinite() || (f as f32).is_infinite() {
                return Err(Unrepresentable::Overflows);
            }
            return Ok(Value::from_f64(f as f32 as f64));
        }
        if f.is_infinite() {
            return Err(Unrepresentable::Overflows);
        }
        return Ok(Value::from_f64(f));
    }
    match (v, b.is_string(), b.is_boolean()) {
        (Value::Str(_), true, _) | (Value::Bool(_), _, true) => Ok(v.clone()),
        _ => Err(Unrepresentable::Mismatch),
    }
}

/// Wraps an integer to the width of a typed integer (two's complement).
pub fn wrap(i: &BigInt, b: Basic) -> BigInt {
    let low = (i & BigInt::from(u64::MAX)).to_u64().unwrap_or(0);
    BigInt::from(match b {
        Basic::Int8 => low as i8 as i128,
        Basic::Int16 => low as i16 as i128,
        Basic::Int32 => low as i32 as i128,
        Basic::Int | Basic::Int64 => low as i64 as i128,
        Basic::Uint8 => low as u8 as i128,
        Basic::Uint16 => low as u16 as i128,
        Basic::Uint32 => low as u32 as i128,
        Basic::Uint | Basic::Uint64 | Basic::Uintptr => low as i128,
        _ => return i.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals() {
        let int = |t| parse_int(t).and_then(|i| i.to_i128());
        assert_eq!(int("0x_1F"), Some(31));
        assert_eq!(int("017"), Some(15));
        assert_eq!(int("0b1010"), Some(10));
        assert_eq!(int("1_000_000"), Some(1_000_000));
        assert_eq!(parse_int("1606938044258990275541962092341162602522202993782792835301376"), Some(BigInt::one() << 200u32));
        let float = |t| parse_float(t).map(|f| f.to_f64());
        assert_eq!(float("0x1p-2"), Some(0.25));
        assert_eq!(float("1.5e3"), Some(1500.0));
        let tenth = parse_float("0.1").expect("0.1");
        let sum = tenth.arith(ArithOp::Add, &tenth).arith(ArithOp::Add, &tenth);
        assert_eq!(sum, parse_float("0.3").expect("0.3"));
        assert_eq!(parse_rune("'\\n'"), Some(10));
        assert_eq!(parse_rune("'é'"), Some(0xe9));
        assert_eq!(parse_rune("'\\377'"), Some(255));
        assert_eq!(parse_string("\"a\\tb\\x41\\u00e9\""), Some(b"a\tbA\xc3\xa9".to_vec()));
        assert_eq!(parse_string("`a\\n`"), Some(b"a\\n".to_vec()));
    }

    #[test]
    fn fractions_become_512_bit_floats_at_go_constants_limit() {
        assert!(matches!(parse_float("1e1200"), Some(Float::Exact(_))));
        assert!(matches!(parse_float("1e1300"), Some(Float::Rounded(_))));
        assert!(matches!(parse_float("1e-1300"), Some(Float::Rounded(_))));
        let n = parse_float("1e646456992").expect("n");
        let d = parse_float("1e646456991").expect("d");
        assert_eq!(n.arith(ArithOp::Quo, &d).to_f64(), 10.0);
        assert_eq!(n.describe(), "1e+646456992");
        let big = parse_float("1e1000").expect("1e1000");
        assert!(matches!(big.arith(ArithOp::Mul, &big), Float::Rounded(_)));
        assert_eq!(big.arith(ArithOp::Mul, &big).arith(ArithOp::Quo, &big).arith(ArithOp::Quo, &big).to_f64(), 1.0);
    }

    #[test]
    fn representability() {
        assert_eq!(represent(&Value::int(300), Basic::Int8), Err(Unrepresentable::Overflows));
        assert_eq!(represent(&Value::from_f64(1.5), Basic::Int), Err(Unrepresentable::Truncated));
        assert_eq!(represent(&Value::from_f64(2.0), Basic::Int), Ok(Value::int(2)));
        assert_eq!(represent(&Value::int(3), Basic::Float64), Ok(Value::from_f64(3.0)));
        assert_eq!(represent(&Value::Int(BigInt::one() << 64u32), Basic::Uint64), Err(Unrepresentable::Overflows));
        let huge = Value::Float(parse_float("1e646456992").expect("huge"));
        assert_eq!(represent(&huge, Basic::Float64), Err(Unrepresentable::Overflows));
        assert_eq!(represent(&huge, Basic::Int), Err(Unrepresentable::Overflows));
        assert_eq!(wrap(&BigInt::from(-1), Basic::Uint8), BigInt::from(255));
        assert_eq!(wrap(&BigInt::from(300), Basic::Int8), BigInt::from(44));
    }
}
