//! Binary floating point with a 512-bit mantissa, rounded to nearest even
//! after every operation: the values go/constant keeps in a `big.Float` (at
//! types2's precision, 512) when an untyped float constant is too large or
//! too small for an exact fraction, such as `1e646456992`.
//!
//! A value is `mant * 2^exp` with `mant` odd (or zero), so equal values have
//! equal representations. The exponent is an i64: gc's own limit (big.Float's
//! 32-bit exponent) is far beyond anything a program can spell.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// types2's constant precision, in mantissa bits.
pub const PRECISION: u64 = 512;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigFloat {
    mant: BigInt,
    exp: i64,
}

impl BigFloat {
    pub fn zero() -> BigFloat {
        BigFloat { mant: BigInt::zero(), exp: 0 }
    }

    /// `mant * 2^exp` rounded to PRECISION bits; `sticky` says that nonzero
    /// bits below `mant`'s last one were already dropped.
    fn rounded(mant: BigInt, exp: i64, sticky: bool) -> BigFloat {
        let bits = mant.bits();
        let (mut mant, mut exp) =
            if bits > PRECISION { (shift_rounded(&mant, bits - PRECISION, sticky), exp + (bits - PRECISION) as i64) } else { (mant, exp) };
        if mant.is_zero() {
            return BigFloat::zero();
        }
        let zeros = mant.trailing_zeros().unwrap_or(0);
        mant >>= zeros;
        exp += zeros as i64;
        BigFloat { mant, exp }
    }

    pub fn from_int(i: &BigInt) -> BigFloat {
        BigFloat::rounded(i.clone(), 0, false)
    }

    /// `mant * 2^exp`, rounded.
    pub fn from_parts(mant: BigInt, exp: i64) -> BigFloat {
        BigFloat::rounded(mant, exp, false)
    }

    pub fn from_rational(r: &BigRational) -> BigFloat {
        let (num, den) = (r.numer(), r.denom());
        // Enough quotient bits for PRECISION plus a rounding and a sticky bit.
        let shift = (PRECISION + 2 + den.bits()) as i64 - num.bits() as i64;
        let (num, den) = if shift >= 0 { (num << shift as u64, den.clone()) } else { (num.clone(), den << (-shift) as u64) };
        let (quotient, remainder) = num.div_rem(&den);
        BigFloat::rounded(quotient, -shift, !remainder.is_zero())
    }

    /// The exact value as a fraction; None when its numerator or denominator
    /// would exceed `max_bits`.
    pub fn to_rational(&self, max_bits: u64) -> Option<BigRational> {
        if self.mant.bits() + self.exp.unsigned_abs() > max_bits {
            return None;
        }
        let power = BigInt::one() << self.exp.unsigned_abs();
        Some(if self.exp >= 0 { BigRational::from_integer(&self.mant * power) } else { BigRational::new(self.mant.clone(), power) })
    }

    pub fn is_zero(&self) -> bool {
        self.mant.is_zero()
    }

    pub fn is_negative(&self) -> bool {
        self.mant.is_negative()
    }

    pub fn is_integer(&self) -> bool {
        self.exp >= 0 || self.mant.is_zero()
    }

    /// big.Float's MantExp: the e with `x = m * 2^e`, `0.5 <= |m| < 1`.
    pub fn mant_exp(&self) -> i64 {
        if self.mant.is_zero() {
            0
        } else {
            self.exp + self.mant.bits() as i64
        }
    }

    pub fn neg(&self) -> BigFloat {
        BigFloat { mant: -&self.mant, exp: self.exp }
    }

    pub fn add(&self, other: &BigFloat) -> BigFloat {
        if self.is_zero() {
            return other.clone();
        }
        if other.is_zero() {
            return self.clone();
        }
        // An addend entirely below the other's rounding bit cannot change
        // the rounded sum (both already fit in PRECISION bits).
        let gap = self.mant_exp() - other.mant_exp();
        if gap > PRECISION as i64 + 2 {
            return self.clone();
        }
        if -gap > PRECISION as i64 + 2 {
            return other.clone();
        }
        let exp = self.exp.min(other.exp);
        let sum = (&self.mant << (self.exp - exp) as u64) + (&other.mant << (other.exp - exp) as u64);
        BigFloat::rounded(sum, exp, false)
    }

    pub fn sub(&self, other: &BigFloat) -> BigFloat {
        self.add(&other.neg())
    }

    pub fn mul(&self, other: &BigFloat) -> BigFloat {
        BigFloat::rounded(&self.mant * &other.mant, self.exp + other.exp, false)
    }

    /// The quotient; the caller rules out a zero divisor.
    pub fn div(&self, other: &BigFloat) -> BigFloat {
        let shift = PRECISION + 2 + other.mant.bits();
        let (quotient, remainder) = (&self.mant << shift).div_rem(&other.mant);
        BigFloat::rounded(quotient, self.exp - other.exp - shift as i64, !remainder.is_zero())
    }

    /// 10^n, by repeated squaring at PRECISION bits.
    pub fn pow10(mut n: u64) -> BigFloat {
        let mut result = BigFloat::from_int(&BigInt::one());
        let mut base = BigFloat::from_int(&BigInt::from(10));
        while n > 0 {
            if n & 1 == 1 {
                result = result.mul(&base);
            }
            n >>= 1;
            if n > 0 {
                base = base.mul(&base);
            }
        }
        result
    }

    /// The integer value, if the value is whole and has at most `max_bits`.
    pub fn to_integer(&self, max_bits: u64) -> Option<BigInt> {
        if !self.is_integer() || self.mant_exp() > max_bits as i64 {
            return None;
        }
        Some(&self.mant << self.exp.max(0) as u64)
    }

    /// The nearest float64 (ties to even), infinite beyond its range, as
    /// big.Float's Float64.
    pub fn to_f64(&self) -> f64 {
        if self.mant.is_zero() {
            return 0.0;
        }
        let top = self.mant_exp();
        if top > 1024 {
            return if self.is_negative() { f64::NEG_INFINITY } else { f64::INFINITY };
        }
        // The weight of float64's last mantissa bit at this magnitude
        // (2^-1074 for subnormals); at most 2^971 since top <= 1024.
        let last = (top - 53).max(-1074);
        let kept = if last > self.exp {
            shift_rounded(&self.mant, (last - self.exp) as u64, false)
        } else {
            &self.mant << (self.exp - last) as u64
        };
        // Exact: kept has at most 54 bits and the product is a float64 or
        // overflows to infinity.
        kept.to_f64().unwrap_or(f64::NAN) * pow2(last)
    }
}

/// `mant / 2^shift` (shift > 0) rounded to nearest even; `sticky` as for
/// BigFloat::rounded.
fn shift_rounded(mant: &BigInt, shift: u64, sticky: bool) -> BigInt {
    let magnitude = mant.abs();
    let mut kept = &magnitude >> shift;
    let half = magnitude.bit(shift - 1);
    let below = sticky || magnitude.trailing_zeros().is_some_and(|z| z < shift - 1);
    if half && (below || kept.bit(0)) {
        kept += 1u32;
    }
    if mant.is_negative() {
        -kept
    } else {
        kept
    }
}

impl PartialOrd for BigFloat {
    fn partial_cmp(&self, other: &BigFloat) -> Option<Ordering> {
        let difference = self.sub(other);
        Some(if difference.is_zero() {
            Ordering::Equal
        } else if difference.is_negative() {
            Ordering::Less
        } else {
            Ordering::Greater
        })
    }
}

/// 2^k as a float64, for -1074 <= k <= 1023.
fn pow2(k: i64) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(i: i64) -> BigFloat {
        BigFloat::from_int(&BigInt::from(i))
    }

    #[test]
    fn exact_small_values() {
        assert_eq!(big(3).add(&big(4)), big(7));
        assert_eq!(big(6).div(&big(4)).to_f64(), 1.5);
        assert_eq!(big(1).div(&big(3)).mul(&big(3)).to_f64(), 1.0);
        assert_eq!(big(-5).to_f64(), -5.0);
        assert_eq!(big(12).to_integer(64), Some(BigInt::from(12)));
        assert_eq!(big(1).div(&big(2)).to_integer(64), None);
    }

    #[test]
    fn huge_powers_of_ten() {
        let n = BigFloat::pow10(646456992);
        let d = BigFloat::pow10(646456991);
        assert_eq!(n.div(&d).to_f64(), 10.0);
        assert_eq!(n.to_f64(), f64::INFINITY);
        assert_eq!(BigFloat::pow10(300).to_f64(), 1e300);
        assert_eq!(BigFloat::pow10(22).to_f64(), 1e22);
    }

    #[test]
    fn float64_rounding_and_subnormals() {
        let tiny = BigFloat::from_parts(BigInt::one(), -1074);
        assert_eq!(tiny.to_f64(), f64::from_bits(1));
        assert_eq!(BigFloat::from_parts(BigInt::one(), -1076).to_f64(), 0.0);
        assert_eq!(BigFloat::from_parts(BigInt::from(3), -1076).to_f64(), f64::from_bits(1));
        // 2^53 + 1 is a tie: rounds to the even 2^53.
        let tie = BigFloat::from_int(&((BigInt::one() << 53u32) + 1u32));
        assert_eq!(tie.to_f64(), 9007199254740992.0);
        assert_eq!(BigFloat::from_parts(BigInt::one(), 1024).to_f64(), f64::INFINITY);
        let third = BigFloat::from_rational(&BigRational::new(BigInt::one(), BigInt::from(3)));
        assert_eq!(third.to_f64(), 1.0 / 3.0);
    }

    #[test]
    fn rounding_to_precision() {
        let one = big(1);
        let ulp = BigFloat::from_parts(BigInt::one(), -(PRECISION as i64));
        // 1 + 2^-512 is a tie between 1 and 1 + 2^-511: even is 1.
        assert_eq!(one.add(&ulp), one);
        assert!(one.add(&ulp.add(&ulp)) > one);
        assert!(big(2) > big(1) && big(-2) < big(1));
    }
}
