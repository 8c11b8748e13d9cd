//! The C runtime functions generated code calls (runtime/minigo.h), and
//! libc's memmove and memset, with their C signatures as Cranelift types.

use cranelift_codegen::ir::{types, Type};

const P: Type = types::I64;
const I8: Type = types::I8;
const I16: Type = types::I16;
const I32: Type = types::I32;
const F64: Type = types::F64;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Rt {
    Alloc,
    GrowSlice,
    MakeSlice,
    ZeroBase,
    ConcatStrings,
    EqString,
    CmpString,
    IntString,
    StringToSliceByte,
    SliceByteToString,
    StringToSliceRune,
    SliceRuneToString,
    ConvT8,
    ConvT16,
    ConvT32,
    ConvT64,
    ConvTString,
    ConvTSlice,
    ConvT,
    DecodeRune,
    PrintInt,
    PrintUint,
    PrintFloat,
    PrintComplex,
    Complex128Div,
    PrintBool,
    PrintString,
    PrintPointer,
    PrintSlice,
    PrintEface,
    PrintSp,
    PrintNl,
    PanicIndex,
    PanicIndexU,
    PanicSlice,
    PanicSliceU,
    PanicDivide,
    PanicShift,
    PanicNil,
    PanicDotType,
    PanicDotTypeIface,
    AssertItab,
    AssertItab2,
    MakeMap,
    MapAccess1,
    MapAccess2,
    MapAssign,
    MapDelete,
    MapIterInit,
    MapIterNext,
    GoPanic,
    EfaceEq,
    DeferFrame,
    SetJmp,
    DeferPush,
    DeferReturn,
    DeferUnwind,
    DeferThunkEnter,
    Recover,
    Memmove,
    Memset,
}

impl Rt {
    pub fn name(self) -> &'static str {
        match self {
            Rt::Alloc => "minigo_alloc",
            Rt::GrowSlice => "minigo_growslice",
            Rt::MakeSlice => "minigo_makeslice",
            Rt::ZeroBase => "minigo_zerobase",
            Rt::ConcatStrings => "minigo_concatstrings_buf",
            Rt::EqString => "minigo_eqstring",
            Rt::CmpString => "minigo_cmpstring",
            Rt::IntString => "minigo_intstring_buf",
            Rt::StringToSliceByte => "minigo_stringtoslicebyte_buf",
            Rt::SliceByteToString => "minigo_slicebytetostring_buf",
            Rt::StringToSliceRune => "minigo_stringtoslicerune_buf",
            Rt::SliceRuneToString => "minigo_slicerunetostring_buf",
            Rt::ConvT8 => "minigo_convT8",
            Rt::ConvT16 => "minigo_convT16",
            Rt::ConvT32 => "minigo_convT32",
            Rt::ConvT64 => "minigo_convT64",
            Rt::ConvTString => "minigo_convTstring",
            Rt::ConvTSlice => "minigo_convTslice",
            Rt::ConvT => "minigo_convT",
            Rt::DecodeRune => "minigo_decoderune",
            Rt::PrintInt => "minigo_printint",
            Rt::PrintUint => "minigo_printuint",
            Rt::PrintFloat => "minigo_printfloat",
            Rt::PrintComplex => "minigo_printcomplex",
            Rt::Complex128Div => "minigo_complex128div",
            Rt::PrintBool => "minigo_printbool",
            Rt::PrintString => "minigo_printstring",
            Rt::PrintPointer => "minigo_printpointer",
            Rt::PrintSlice => "minigo_printslice",
            Rt::PrintEface => "minigo_printeface",
            Rt::PrintSp => "minigo_printsp",
            Rt::PrintNl => "minigo_printnl",
            Rt::PanicIndex => "minigo_panicindex",
            Rt::PanicIndexU => "minigo_panicindexu",
            Rt::PanicSlice => "minigo_panicslice",
            Rt::PanicSliceU => "minigo_panicsliceu",
            Rt::PanicDivide => "minigo_panicdivide",
            Rt::PanicShift => "minigo_panicshift",
            Rt::PanicNil => "minigo_panicnil",
            Rt::PanicDotType => "minigo_panicdottype",
            Rt::PanicDotTypeIface => "minigo_panicdottype2",
            Rt::AssertItab => "minigo_assertitab",
            Rt::AssertItab2 => "minigo_assertitab2",
            Rt::MakeMap => "minigo_makemap",
            Rt::MapAccess1 => "minigo_mapaccess1",
            Rt::MapAccess2 => "minigo_mapaccess2",
            Rt::MapAssign => "minigo_mapassign",
            Rt::MapDelete => "minigo_mapdelete",
            Rt::MapIterInit => "minigo_mapiterinit",
            Rt::MapIterNext => "minigo_mapiternext",
            Rt::GoPanic => "minigo_gopanic",
            Rt::EfaceEq => "minigo_efaceeq",
            Rt::DeferFrame => "minigo_defer_frame",
            Rt::SetJmp => "_setjmp",
            Rt::DeferPush => "minigo_defer_push",
            Rt::DeferReturn => "minigo_defer_return",
            Rt::DeferUnwind => "minigo_defer_unwind",
            Rt::DeferThunkEnter => "minigo_defer_thunk_enter",
            Rt::Recover => "minigo_recover",
            Rt::Memmove => "memmove",
            Rt::Memset => "memset",
        }
    }

    /// Parameter and result types, as the C prototypes in minigo.h (the
    /// `_buf` conversions take gc's stack buffer first, or NULL).
    pub fn signature(self) -> (&'static [Type], &'static [Type]) {
        match self {
            Rt::Alloc => (&[P, I32], &[P]),
            Rt::GrowSlice => (&[P, P, P, P, P, I32, P], &[P]),
            Rt::MakeSlice => (&[P, P, P, I32], &[P]),
            Rt::ZeroBase => (&[], &[P]),
            Rt::ConcatStrings => (&[P, P, P, P], &[]),
            Rt::EqString => (&[P, P, P, P], &[I32]),
            Rt::CmpString => (&[P, P, P, P], &[P]),
            Rt::IntString => (&[P, P, P], &[]),
            Rt::StringToSliceByte | Rt::SliceByteToString | Rt::StringToSliceRune | Rt::SliceRuneToString => (&[P, P, P, P], &[]),
            Rt::ConvT8 => (&[I8], &[P]),
            Rt::ConvT16 => (&[I16], &[P]),
            Rt::ConvT32 => (&[I32], &[P]),
            Rt::ConvT64 => (&[P], &[P]),
            Rt::ConvTString | Rt::ConvT => (&[P, P], &[P]),
            Rt::ConvTSlice => (&[P, P, P], &[P]),
            Rt::DecodeRune => (&[P, P, P, P], &[]),
            Rt::PrintInt | Rt::PrintUint | Rt::PrintPointer => (&[P], &[]),
            Rt::PrintFloat => (&[F64], &[]),
            Rt::PrintComplex => (&[F64, F64], &[]),
            Rt::Complex128Div => (&[F64, F64, F64, F64, P], &[]),
            Rt::PrintBool => (&[I32], &[]),
            Rt::PrintString | Rt::PrintEface | Rt::GoPanic | Rt::PanicDotType | Rt::PanicIndex | Rt::PanicIndexU => (&[P, P], &[]),
            Rt::PrintSlice | Rt::PanicDotTypeIface => (&[P, P, P], &[]),
            Rt::AssertItab | Rt::AssertItab2 | Rt::MapAccess1 | Rt::MapAccess2 | Rt::MapAssign => (&[P, P], &[P]),
            Rt::MakeMap => (&[P, P, P, P], &[P]),
            Rt::MapDelete | Rt::MapIterInit => (&[P, P], &[]),
            Rt::MapIterNext => (&[P], &[]),
            Rt::PrintSp | Rt::PrintNl | Rt::PanicDivide | Rt::PanicShift | Rt::PanicNil => (&[], &[]),
            Rt::PanicSlice | Rt::PanicSliceU => (&[I32, P, P], &[]),
            Rt::EfaceEq => (&[P, P, P, P], &[I32]),
            Rt::DeferFrame => (&[], &[P]),
            Rt::SetJmp => (&[P], &[I32]),
            Rt::DeferPush => (&[P, P], &[]),
            Rt::DeferReturn | Rt::DeferUnwind | Rt::DeferThunkEnter => (&[P], &[]),
            Rt::Recover => (&[P, P], &[]),
            Rt::Memmove => (&[P, P, P], &[P]),
            Rt::Memset => (&[P, I32, P], &[P]),
        }
    }
}

/// Go's slice-bounds failure kinds, as `minigo_panicslice` numbers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SliceBound {
    /// `[:x] with capacity y`
    Acap = 0,
    /// `[:x] with length y`
    Alen = 1,
    /// `[x:y]`
    B = 2,
    /// `[::x] with capacity y`
    Slice3Acap = 3,
    /// `[:x:y]`
    Slice3B = 4,
    /// `[x:y:]`
    Slice3C = 5,
    /// `[::x] with length y`
    Slice3Alen = 6,
    /// a slice of length y converted to a pointer to an array of length x
    Convert = 7,
}
