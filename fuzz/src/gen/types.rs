//! The Go types a generated program uses, how Go spells them, and the facts
//! the generator needs to keep a program valid (ranges of integer literals,
//! which types are comparable).

/// An integer type, with its width and signedness.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntKind {
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
}

pub const INT_KINDS: [IntKind; 11] = [
    IntKind::Int,
    IntKind::Int8,
    IntKind::Int16,
    IntKind::Int32,
    IntKind::Int64,
    IntKind::Uint,
    IntKind::Uint8,
    IntKind::Uint16,
    IntKind::Uint32,
    IntKind::Uint64,
    IntKind::Uintptr,
];

impl IntKind {
    pub fn name(self) -> &'static str {
        match self {
            IntKind::Int => "int",
            IntKind::Int8 => "int8",
            IntKind::Int16 => "int16",
            IntKind::Int32 => "int32",
            IntKind::Int64 => "int64",
            IntKind::Uint => "uint",
            IntKind::Uint8 => "uint8",
            IntKind::Uint16 => "uint16",
            IntKind::Uint32 => "uint32",
            IntKind::Uint64 => "uint64",
            IntKind::Uintptr => "uintptr",
        }
    }

    pub fn bits(self) -> u32 {
        match self {
            IntKind::Int8 | IntKind::Uint8 => 8,
            IntKind::Int16 | IntKind::Uint16 => 16,
            IntKind::Int32 | IntKind::Uint32 => 32,
            _ => 64,
        }
    }

    pub fn signed(self) -> bool {
        matches!(self, IntKind::Int | IntKind::Int8 | IntKind::Int16 | IntKind::Int32 | IntKind::Int64)
    }

    /// The smallest and largest value of the type.
    pub fn range(self) -> (i128, i128) {
        let bits = self.bits();
        if self.signed() {
            (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
        } else {
            (0, (1i128 << bits) - 1)
        }
    }
}

/// A type of the generated program. Struct types are declared once at the
/// top of the program and named `S0`, `S1`, ...
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ty {
    Int(IntKind),
    Float,
    Bool,
    Str,
    Struct(usize),
    Array(usize, Box<Ty>),
    Slice(Box<Ty>),
    Ptr(Box<Ty>),
    Func(Vec<Ty>, Box<Ty>),
    Any,
}

pub const INT: Ty = Ty::Int(IntKind::Int);

impl Ty {
    /// The type as Go writes it.
    pub fn go(&self) -> String {
        match self {
            Ty::Int(k) => k.name().to_string(),
            Ty::Float => "float64".to_string(),
            Ty::Bool => "bool".to_string(),
            Ty::Str => "string".to_string(),
            Ty::Struct(i) => format!("S{}", i),
            Ty::Array(n, elem) => format!("[{}]{}", n, elem.go()),
            Ty::Slice(elem) => format!("[]{}", elem.go()),
            Ty::Ptr(elem) => format!("*{}", elem.go()),
            Ty::Func(params, result) => {
                let params: Vec<String> = params.iter().map(Ty::go).collect();
                format!("func({}) {}", params.join(", "), result.go())
            }
            Ty::Any => "interface{}".to_string(),
        }
    }

    pub fn is_int(&self) -> bool {
        matches!(self, Ty::Int(_))
    }

    /// Scalars: the types with literals and arithmetic.
    pub fn is_scalar(&self) -> bool {
        matches!(self, Ty::Int(_) | Ty::Float | Ty::Bool | Ty::Str)
    }

    /// Whether `==` is defined (structs here hold only comparable fields).
    pub fn comparable(&self) -> bool {
        match self {
            Ty::Slice(_) | Ty::Func(..) => false,
            Ty::Array(_, elem) => elem.comparable(),
            _ => true,
        }
    }
}

/// A struct type: its fields, each a scalar, an array of scalars, or a
/// pointer to int.
#[derive(Clone, Debug)]
pub struct StructDef {
    pub fields: Vec<(String, Ty)>,
}
