//! Compile-time constants (Go spec "Constants", `go/constant`): decoding of
//! literal source text, arithmetic on untyped and typed constants, and the
//! representability checks behind `constant 300 overflows int8`.
//!
//! Integers are exact in `i128` (enough for every typed Go integer and for the
//! untyped intermediates of ordinary programs); floats are exact rationals
//! (so `0.1 + 0.2 == 0.3`, as in Go), rounded only when a constant takes a
//! float type.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};

use crate::types::Basic;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    Int(i128),
    /// An exact rational; a typed float constant holds its rounded value exactly.
    Float(BigRational),
    /// Go strings are byte strings, not necessarily UTF-8.
    Str(Vec<u8>),
}

impl Value {
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(rational_to_f64(f)),
            _ => None,
        }
    }

    pub fn as_int(&self) -> Option<i128> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Float(f) if f.is_integer() => f.to_integer().to_i128(),
            _ => None,
        }
    }

    /// The value as an exact rational, for integers and floats.
    pub fn as_rational(&self) -> Option<BigRational> {
        match self {
            Value::Int(i) => Some(BigRational::from_integer(BigInt::from(*i))),
            Value::Float(f) => Some(f.clone()),
            _ => None,
        }
    }

    pub fn from_f64(f: f64) -> Value {
        Value::Float(BigRational::from_f64(f).unwrap_or_else(BigRational::zero))
    }

    /// The value as types2 prints it in messages (`300`, `1.5`, `"s"`, `true`).
    pub fn describe(&self) -> String {
        match self {
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => format_float(rational_to_f64(f)),
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

/// Decodes an integer literal (`0x1F`, `0b101`, `0o17`, `017`, `1_000`).
pub fn parse_int(text: &str) -> Option<i128> {
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
    i128::from_str_radix(&digits, radix).ok()
}

/// The nearest f64 to an exact rational.
pub fn rational_to_f64(r: &BigRational) -> f64 {
    r.to_f64().unwrap_or(if r.is_negative() { f64::NEG_INFINITY } else { f64::INFINITY })
}

/// `digits` (in `radix`) times `radix_pow^exp`, exactly.
fn scaled(digits: &str, radix: u32, base: u32, exp: i64) -> Option<BigRational> {
    let mantissa = if digits.is_empty() { BigInt::zero() } else { BigInt::parse_bytes(digits.as_bytes(), radix)? };
    let scale = BigInt::from(base).pow(exp.unsigned_abs().min(100_000) as u32);
    Some(if exp >= 0 { BigRational::from_integer(mantissa * scale) } else { BigRational::new(mantissa, scale) })
}

/// Decodes a float literal, decimal or hexadecimal (`0x1p-2`), exactly.
pub fn parse_float(text: &str) -> Option<BigRational> {
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    if let Some(hex) = clean.strip_prefix("0x").or_else(|| clean.strip_prefix("0X")) {
        let (mantissa, exp) = hex.split_once(['p', 'P'])?;
        let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let exp: i64 = exp.parse().ok()?;
        return scaled(&format!("{}{}", int_part, frac_part), 16, 2, exp - 4 * frac_part.len() as i64);
    }
    let (mantissa, exp) = match clean.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (clean.as_str(), 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    scaled(&format!("{}{}", int_part, frac_part), 10, 10, exp - frac_part.len() as i64)
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
            Value::Int(i) => *i,
            Value::Float(f) => {
                if !f.is_integer() {
                    return Err(Unrepresentable::Truncated);
                }
                f.to_integer().to_i128().ok_or(Unrepresentable::Overflows)?
            }
            _ => return Err(Unrepresentable::Mismatch),
        };
        if let Some((lo, hi)) = int_range(b) {
            if i < lo || i > hi {
                return Err(Unrepresentable::Overflows);
            }
        }
        return Ok(Value::Int(i));
    }
    if b.is_float() {
        let f = v.as_f64().ok_or(Unrepresentable::Mismatch)?;
        if b == Basic::UntypedFloat {
            return Ok(Value::Float(v.as_rational().ok_or(Unrepresentable::Mismatch)?));
        }
        if b == Basic::Float32 {
            if f.is_finite() && (f as f32).is_infinite() {
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

/// Wraps an integer to the width of a typed integer (for non-constant folding needs).
pub fn wrap(i: i128, b: Basic) -> i128 {
    match b {
        Basic::Int8 => i as i8 as i128,
        Basic::Int16 => i as i16 as i128,
        Basic::Int32 => i as i32 as i128,
        Basic::Int | Basic::Int64 => i as i64 as i128,
        Basic::Uint8 => i as u8 as i128,
        Basic::Uint16 => i as u16 as i128,
        Basic::Uint32 => i as u32 as i128,
        Basic::Uint | Basic::Uint64 | Basic::Uintptr => i as u64 as i128,
        _ => i,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals() {
        assert_eq!(parse_int("0x_1F"), Some(31));
        assert_eq!(parse_int("017"), Some(15));
        assert_eq!(parse_int("0b1010"), Some(10));
        assert_eq!(parse_int("1_000_000"), Some(1_000_000));
        assert_eq!(parse_float("0x1p-2").map(|r| rational_to_f64(&r)), Some(0.25));
        assert_eq!(parse_float("1.5e3").map(|r| rational_to_f64(&r)), Some(1500.0));
        let tenth = parse_float("0.1").expect("0.1");
        assert_eq!(tenth.clone() + tenth.clone() + tenth, parse_float("0.3").expect("0.3"));
        assert_eq!(parse_rune("'\\n'"), Some(10));
        assert_eq!(parse_rune("'é'"), Some(0xe9));
        assert_eq!(parse_rune("'\\377'"), Some(255));
        assert_eq!(parse_string("\"a\\tb\\x41\\u00e9\""), Some(b"a\tbA\xc3\xa9".to_vec()));
        assert_eq!(parse_string("`a\\n`"), Some(b"a\\n".to_vec()));
    }

    #[test]
    fn representability() {
        assert_eq!(represent(&Value::Int(300), Basic::Int8), Err(Unrepresentable::Overflows));
        assert_eq!(represent(&Value::from_f64(1.5), Basic::Int), Err(Unrepresentable::Truncated));
        assert_eq!(represent(&Value::from_f64(2.0), Basic::Int), Ok(Value::Int(2)));
        assert_eq!(represent(&Value::Int(3), Basic::Float64), Ok(Value::from_f64(3.0)));
    }
}
