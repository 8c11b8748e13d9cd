//! How Go values are represented in generated code (the backend's value ABI).
//!
//! Scalars (integers, floats, bools, pointers, funcs, maps, chans) are one
//! Cranelift value; strings `(ptr, len)`, slices `(ptr, len, cap)`,
//! interfaces `(type, data)` and complex numbers `(real, imag)` are a short
//! list of parts, kept in SSA
//! registers like gc's SSA backend decomposes them. Structs and arrays are
//! `Mem`: always handled through the address of their bytes. Untyped basic
//! types take their default type's representation (`untyped int` is `int`).
//! Also here: gc's run-time type names (`main.T`, `*main.T`, `[]int`) for the
//! interface type descriptors.

use cranelift_codegen::ir::{types, Type};
use ir::{Basic, TypeId, TypeKind, TypeTable};

/// One register-sized part of a value and its byte offset in memory.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Part {
    pub ty: Type,
    pub offset: i32,
}

#[derive(Clone, Debug)]
pub(crate) enum Repr {
    Parts(Vec<Part>),
    Mem { size: u64, align: u64 },
}

/// The Cranelift type of a basic Go type.
pub(crate) fn basic_type(b: Basic) -> Type {
    match b {
        Basic::Bool | Basic::UntypedBool | Basic::Int8 | Basic::Uint8 => types::I8,
        Basic::Int16 | Basic::Uint16 => types::I16,
        Basic::Int32 | Basic::Uint32 | Basic::UntypedRune => types::I32,
        Basic::Float32 => types::F32,
        Basic::Float64 | Basic::UntypedFloat => types::F64,
        _ => types::I64,
    }
}

fn parts(tys: &[Type]) -> Repr {
    Repr::Parts(tys.iter().enumerate().map(|(i, ty)| Part { ty: *ty, offset: 8 * i as i32 }).collect())
}

pub(crate) fn repr(types: &TypeTable, t: TypeId) -> Repr {
    match types.under(t) {
        TypeKind::Basic(b) if b.is_string() => parts(&[types::I64, types::I64]),
        TypeKind::Basic(b) if b.is_complex() => {
            let part = basic_type(b.complex_part());
            Repr::Parts(vec![Part { ty: part, offset: 0 }, Part { ty: part, offset: part.bytes() as i32 }])
        }
        TypeKind::Basic(b) => parts(&[basic_type(*b)]),
        TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) => parts(&[types::I64]),
        TypeKind::Slice(_) => parts(&[types::I64, types::I64, types::I64]),
        TypeKind::Interface(_) => parts(&[types::I64, types::I64]),
        TypeKind::Struct(_) | TypeKind::Array(..) => Repr::Mem { size: types.size(t), align: types.align(t) },
        TypeKind::Tuple(_) | TypeKind::Named { .. } => {
            panic!("backend: no value representation for type {}", types.display(t))
        }
    }
}

/// The Go basic type behind `t` with untyped kinds replaced by their default type.
pub(crate) fn basic(types: &TypeTable, t: TypeId) -> Option<Basic> {
    types.basic_of(t).map(|b| match b {
        Basic::UntypedBool => Basic::Bool,
        Basic::UntypedInt => Basic::Int,
        Basic::UntypedRune => Basic::Int32,
        Basic::UntypedFloat => Basic::Float64,
        Basic::UntypedComplex => Basic::Complex128,
        Basic::UntypedString => Basic::String,
        other => other,
    })
}

pub(crate) fn is_signed_int(types: &TypeTable, t: TypeId) -> bool {
    basic(types, t).is_some_and(|b| b.is_integer() && !b.is_unsigned())
}

pub(crate) fn is_float(types: &TypeTable, t: TypeId) -> bool {
    basic(types, t).is_some_and(|b| b.is_float())
}

pub(crate) fn is_string(types: &TypeTable, t: TypeId) -> bool {
    basic(types, t).is_some_and(|b| b.is_string())
}

/// Types whose interface data word is the value itself (gc's "direct iface" types).
pub(crate) fn is_direct_iface(types: &TypeTable, t: TypeId) -> bool {
    matches!(types.under(t), TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_))
}

/// Size and alignment of a value of type `t` in memory (at least 1 byte, so
/// every object has a distinct address).
pub(crate) fn mem_size_align(types: &TypeTable, t: TypeId) -> (u64, u64) {
    (types.size(t).max(1), types.align(t).max(1))
}

/// Element type of a slice, array, pointer to array or string (bytes).
pub(crate) fn elem_type(types: &TypeTable, t: TypeId) -> Option<TypeId> {
    match types.under(t) {
        TypeKind::Slice(e) | TypeKind::Array(_, e) => Some(*e),
        TypeKind::Pointer(p) => match types.under(*p) {
            TypeKind::Array(_, e) => Some(*e),
            _ => None,
        },
        _ => None,
    }
}

/// The length of an array type, or of the array a pointer points to.
pub(crate) fn array_len(types: &TypeTable, t: TypeId) -> Option<u64> {
    match types.under(t) {
        TypeKind::Array(n, _) => Some(*n),
        TypeKind::Pointer(p) => match types.under(*p) {
            TypeKind::Array(n, _) => Some(*n),
            _ => None,
        },
        _ => None,
    }
}

/// The run-time kind number of `minigo_type.kind` (see runtime/minigo.h).
pub(crate) fn runtime_kind(types: &TypeTable, t: TypeId) -> u32 {
    // Go's kindDirectIface: the interface's data word is the value itself.
    let direct = if is_direct_iface(types, t) { 32 } else { 0 };
    direct
        | match basic(types, t) {
            Some(b) => match b {
                Basic::Bool => 1,
                Basic::Int => 2,
                Basic::Int8 => 3,
                Basic::Int16 => 4,
                Basic::Int32 => 5,
                Basic::Int64 => 6,
                Basic::Uint => 7,
                Basic::Uint8 => 8,
                Basic::Uint16 => 9,
                Basic::Uint32 => 10,
                Basic::Uint64 => 11,
                Basic::Uintptr => 12,
                Basic::Float32 => 13,
                Basic::Float64 => 14,
                Basic::Complex64 => 15,
                Basic::Complex128 => 16,
                Basic::String => 24,
                _ => 99,
            },
            None => match types.under(t) {
                TypeKind::Array(..) => 17,
                TypeKind::Func(_) => 19,
                TypeKind::Map(..) => 21,
                TypeKind::Pointer(_) => 22,
                TypeKind::Slice(_) => 23,
                TypeKind::Struct(_) => 25,
                _ => 99,
            },
        }
}

/// The low `bits` bits set: an immediate for a Cranelift integer type of that width.
pub(crate) fn int_mask(bits: u32) -> i64 {
    if bits >= 64 {
        -1
    } else {
        (1i64 << bits) - 1
    }
}

/// A symbol name for a Go name: letters and digits are kept, `.` becomes
/// `__`, `_` becomes `_u`, `*`, `(`, `)` become `_p`, `_l`, `_r` and any
/// other byte `_xHH`, so distinct Go names never collide.
pub(crate) fn mangle(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 8);
    for byte in name.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => out.push(byte as char),
            b'.' => out.push_str("__"),
            b'_' => out.push_str("_u"),
            b'*' => out.push_str("_p"),
            b'(' => out.push_str("_l"),
            b')' => out.push_str("_r"),
            other => out.push_str(&format!("_x{:02x}", other)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mangling_keeps_names_apart() {
        assert_eq!(mangle("main.add"), "main__add");
        assert_eq!(mangle("main.(*T).M"), "main___l_pT_r__M");
        assert_ne!(mangle("main.a_b"), mangle("main.a.b"));
        assert_ne!(mangle("main.a.u"), mangle("main.a_"));
    }
}
