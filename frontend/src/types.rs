//! Go types, interned in a `TypeTable` and named by `TypeId` (a `u32`), with
//! the layout facts (size, alignment, field offsets) of a 64-bit target and
//! gc's type printer (`types/fmt.go`): `[]int`, `*T`, `func(int) (int, bool)`,
//! `interface {}`, `struct { a int; b int }`.

use crate::ast::ChanDir;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basic {
    Bool,
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
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedString,
    UntypedNil,
    Invalid,
}

impl Basic {
    pub fn name(self) -> &'static str {
        match self {
            Basic::Bool => "bool",
            Basic::Int => "int",
            Basic::Int8 => "int8",
            Basic::Int16 => "int16",
            Basic::Int32 => "int32",
            Basic::Int64 => "int64",
            Basic::Uint => "uint",
            Basic::Uint8 => "uint8",
            Basic::Uint16 => "uint16",
            Basic::Uint32 => "uint32",
            Basic::Uint64 => "uint64",
            Basic::Uintptr => "uintptr",
            Basic::Float32 => "float32",
            Basic::Float64 => "float64",
            Basic::Complex64 => "complex64",
            Basic::Complex128 => "complex128",
            Basic::String => "string",
            Basic::UntypedBool => "untyped bool",
            Basic::UntypedInt => "untyped int",
            Basic::UntypedRune => "untyped rune",
            Basic::UntypedFloat => "untyped float",
            Basic::UntypedComplex => "untyped complex",
            Basic::UntypedString => "untyped string",
            Basic::UntypedNil => "untyped nil",
            Basic::Invalid => "invalid type",
        }
    }

    pub fn is_untyped(self) -> bool {
        matches!(
            self,
            Basic::UntypedBool
                | Basic::UntypedInt
                | Basic::UntypedRune
                | Basic::UntypedFloat
                | Basic::UntypedComplex
                | Basic::UntypedString
                | Basic::UntypedNil
        )
    }

    pub fn is_integer(self) -> bool {
        matches!(
            self,
            Basic::Int
                | Basic::Int8
                | Basic::Int16
                | Basic::Int32
                | Basic::Int64
                | Basic::Uint
                | Basic::Uint8
                | Basic::Uint16
                | Basic::Uint32
                | Basic::Uint64
                | Basic::Uintptr
                | Basic::UntypedInt
                | Basic::UntypedRune
        )
    }

    pub fn is_unsigned(self) -> bool {
        matches!(self, Basic::Uint | Basic::Uint8 | Basic::Uint16 | Basic::Uint32 | Basic::Uint64 | Basic::Uintptr)
    }

    pub fn is_float(self) -> bool {
        matches!(self, Basic::Float32 | Basic::Float64 | Basic::UntypedFloat)
    }

    pub fn is_complex(self) -> bool {
        matches!(self, Basic::Complex64 | Basic::Complex128 | Basic::UntypedComplex)
    }

    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }

    /// types2's isOrdered: integers, floats and strings.
    pub fn is_ordered(self) -> bool {
        self.is_integer() || self.is_float() || self.is_string()
    }

    /// The float type of a complex type's parts (complex64: float32).
    pub fn complex_part(self) -> Basic {
        match self {
            Basic::Complex64 => Basic::Float32,
            Basic::UntypedComplex => Basic::UntypedFloat,
            _ => Basic::Float64,
        }
    }

    pub fn is_string(self) -> bool {
        matches!(self, Basic::String | Basic::UntypedString)
    }

    pub fn is_boolean(self) -> bool {
        matches!(self, Basic::Bool | Basic::UntypedBool)
    }

    /// Size in bytes of a typed basic type on a 64-bit target.
    pub fn size(self) -> u64 {
        match self {
            Basic::Bool | Basic::Int8 | Basic::Uint8 => 1,
            Basic::Int16 | Basic::Uint16 => 2,
            Basic::Int32 | Basic::Uint32 | Basic::Float32 => 4,
            Basic::String | Basic::Complex128 => 16,
            _ => 8,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: String,
    pub ty: TypeId,
    pub embedded: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    /// The last parameter is `...T`, stored as `[]T`.
    pub variadic: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IfaceMethod {
    pub name: String,
    pub sig: TypeId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeKind {
    Basic(Basic),
    /// A defined type. `underlying` is filled in once its declaration is checked.
    Named {
        name: String,
        underlying: TypeId,
        decl_index: u32,
    },
    Pointer(TypeId),
    Slice(TypeId),
    Array(u64, TypeId),
    Map(TypeId, TypeId),
    Chan(ChanDir, TypeId),
    Struct(Vec<Field>),
    Func(Signature),
    Interface(Vec<IfaceMethod>),
    /// The type of a multi-value call.
    Tuple(Vec<TypeId>),
}

/// The names and positions an interface method declares for its parameters
/// and results (invented as gc's wrappers name them: `.anon0` for an
/// unnamed or blank parameter, `~r0` for an unnamed result). They are not
/// part of the type, so they live beside it.
#[derive(Clone, Debug, Default)]
pub struct IfaceMethodNames {
    pub params: Vec<(String, u32)>,
    pub results: Vec<(String, u32)>,
}

/// A literal of an unnamed interface type: where it is written, and the
/// names it gives each method's parameters.
pub type IfaceLiteral = (u32, Vec<(String, IfaceMethodNames)>);

/// A method declared on a named type.
#[derive(Clone, Debug)]
pub struct Method {
    pub name: String,
    /// The function's signature without the receiver.
    pub sig: TypeId,
    pub pointer_recv: bool,
    /// Index of the declaring `FuncDecl` among the file's function declarations.
    pub func_index: u32,
}

/// What a selector `x.name` finds (types2's lookupFieldOrMethod).
#[derive(Clone, Debug)]
pub enum Member {
    /// A field reached through `path` (embedded fields first, the field last).
    Field { path: Vec<u32>, ty: TypeId },
    /// A method of `recv_named`, whose receiver `path` reaches through embedded fields.
    Method { path: Vec<u32>, method: Method, recv_named: TypeId },
    /// A method of an interface type, reached through `path`: the
    /// interface's `index`th method (in name order), of signature `sig`.
    IfaceMethod { path: Vec<u32>, index: u32, sig: TypeId },
    /// Found more than once at the shallowest depth that has it.
    Ambiguous,
}

pub struct TypeTable {
    kinds: Vec<TypeKind>,
    /// Each type with `byte` and `rune` spelled `uint8` and `int32`: two types
    /// are identical when their canonical types are the same entry. gc keeps
    /// the spelling (it prints `[]byte`), so the table does too.
    canon: Vec<TypeId>,
    byte: TypeId,
    rune: TypeId,
    any: TypeId,
    error: TypeId,
    interned: HashMap<TypeKind, TypeId>,
    /// Methods of each named type, in declaration order.
    pub methods: HashMap<TypeId, Vec<Method>>,
    /// The parameter names of each interface type's methods, by (interface
    /// type, method name), as the first declaration of the type spells them.
    pub iface_method_names: HashMap<(TypeId, String), IfaceMethodNames>,
    /// Every literal of an unnamed interface type (by its canonical type):
    /// where it is written, and the names it gives each method's parameters.
    pub iface_literals: HashMap<TypeId, Vec<IfaceLiteral>>,
    /// Named types declared as another named type whose underlying type was
    /// not known yet (`type T2 T1` met while T1's struct is being resolved):
    /// (the type, the type it names), settled by set_underlying.
    awaiting_underlying: Vec<(TypeId, TypeId)>,
    /// The package path `go build prog.go` gives gc (see `package_path`).
    package_path: &'static str,
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

pub const INVALID: TypeId = TypeId(0);

/// The `decl_index` of `byte`, `rune` and `any`.
pub const PREDECLARED_ALIAS: u32 = u32::MAX - 1;
/// The `decl_index` of the predeclared defined type `error`.
pub const PREDECLARED_ERROR: u32 = u32::MAX - 2;

/// Whether a named type's `decl_index` is that of a predeclared type
/// (printed without a package, declared nowhere in the file).
pub fn is_predeclared(decl_index: u32) -> bool {
    decl_index == PREDECLARED_ALIAS || decl_index == PREDECLARED_ERROR
}

impl TypeTable {
    pub fn new() -> TypeTable {
        let mut table = TypeTable {
            kinds: Vec::new(),
            canon: Vec::new(),
            byte: INVALID,
            rune: INVALID,
            any: INVALID,
            error: INVALID,
            interned: HashMap::new(),
            methods: HashMap::new(),
            iface_method_names: HashMap::new(),
            iface_literals: HashMap::new(),
            awaiting_underlying: Vec::new(),
            package_path: "main",
        };
        table.intern(TypeKind::Basic(Basic::Invalid));
        let (uint8, int32) = (table.basic(Basic::Uint8), table.basic(Basic::Int32));
        let empty_interface = table.intern(TypeKind::Interface(Vec::new()));
        table.byte = table.new_predeclared_alias("byte", uint8);
        table.rune = table.new_predeclared_alias("rune", int32);
        table.any = table.new_predeclared_alias("any", empty_interface);
        let string = table.basic(Basic::String);
        let error_sig = table.intern(TypeKind::Func(Signature { params: Vec::new(), results: vec![string], variadic: false }));
        let error_iface = table.intern(TypeKind::Interface(vec![IfaceMethod { name: "Error".to_string(), sig: error_sig }]));
        table.error = table.new_named("error", PREDECLARED_ERROR);
        table.set_underlying(table.error, error_iface);
        table
    }

    pub fn intern(&mut self, kind: TypeKind) -> TypeId {
        if let Some(id) = self.interned.get(&kind) {
            return *id;
        }
        let canonical_kind = self.canonical_kind(&kind);
        let id = TypeId(self.kinds.len() as u32);
        self.kinds.push(kind.clone());
        self.canon.push(id);
        self.interned.insert(kind.clone(), id);
        if canonical_kind != kind {
            let c = self.intern(canonical_kind);
            self.canon[id.0 as usize] = c;
        }
        id
    }

    /// `kind` with its component types replaced by their canonical types.
    fn canonical_kind(&self, kind: &TypeKind) -> TypeKind {
        let c = |t: &TypeId| self.canonical(*t);
        match kind {
            TypeKind::Pointer(e) => TypeKind::Pointer(c(e)),
            TypeKind::Slice(e) => TypeKind::Slice(c(e)),
            TypeKind::Array(n, e) => TypeKind::Array(*n, c(e)),
            TypeKind::Map(k, v) => TypeKind::Map(c(k), c(v)),
            TypeKind::Chan(dir, e) => TypeKind::Chan(*dir, c(e)),
            TypeKind::Struct(fields) => {
                TypeKind::Struct(fields.iter().map(|f| Field { name: f.name.clone(), ty: c(&f.ty), embedded: f.embedded }).collect())
            }
            TypeKind::Func(sig) => TypeKind::Func(Signature {
                params: sig.params.iter().map(c).collect(),
                results: sig.results.iter().map(c).collect(),
                variadic: sig.variadic,
            }),
            TypeKind::Interface(ms) => {
                TypeKind::Interface(ms.iter().map(|m| IfaceMethod { name: m.name.clone(), sig: c(&m.sig) }).collect())
            }
            TypeKind::Tuple(ts) => TypeKind::Tuple(ts.iter().map(c).collect()),
            TypeKind::Basic(_) | TypeKind::Named { .. } => kind.clone(),
        }
    }

    /// The type with `byte`/`rune` spelled `uint8`/`int32` everywhere in it.
    pub fn canonical(&self, t: TypeId) -> TypeId {
        self.canon[t.0 as usize]
    }

    /// Go's type identity.
    pub fn identical(&self, a: TypeId, b: TypeId) -> bool {
        self.canonical(a) == self.canonical(b)
    }

    /// A fresh named type; named types are never interned by structure.
    pub fn new_named(&mut self, name: &str, decl_index: u32) -> TypeId {
        let id = TypeId(self.kinds.len() as u32);
        self.kinds.push(TypeKind::Named { name: name.to_string(), underlying: INVALID, decl_index });
        self.canon.push(id);
        id
    }

    /// The package-level defined types (not local ones, not `byte`, `rune`,
    /// `any`), in the order they were declared.
    pub fn package_types(&self) -> Vec<TypeId> {
        // Local types have decl_index u32::MAX, just above the predeclared ones.
        (0..self.kinds.len() as u32)
            .map(TypeId)
            .filter(|t| matches!(self.kind(*t), TypeKind::Named { decl_index, .. } if *decl_index < PREDECLARED_ERROR))
            .collect()
    }

    /// The predeclared `byte` (made by `new`).
    pub fn byte_type(&self) -> TypeId {
        self.byte
    }

    /// The predeclared `rune`, the default type of untyped rune constants.
    pub fn rune_type(&self) -> TypeId {
        self.rune
    }

    /// The predeclared `any`, another spelling of `interface{}`.
    pub fn any_type(&self) -> TypeId {
        self.any
    }

    /// The predeclared `error`.
    pub fn error_type(&self) -> TypeId {
        self.error
    }

    /// `byte`, `rune` or `any`: another spelling of a type, identical to it.
    fn new_predeclared_alias(&mut self, name: &str, target: TypeId) -> TypeId {
        let id = TypeId(self.kinds.len() as u32);
        self.kinds.push(TypeKind::Named { name: name.to_string(), underlying: target, decl_index: PREDECLARED_ALIAS });
        self.canon.push(target);
        id
    }

    /// Gives a named type its underlying type, that of `underlying`; if
    /// that is a named type whose own is not known yet, once it is.
    pub fn set_underlying(&mut self, named: TypeId, underlying: TypeId) {
        let under = self.underlying(underlying);
        if under == INVALID && underlying != INVALID && self.is_named(underlying) {
            self.awaiting_underlying.push((named, underlying));
            return;
        }
        if let TypeKind::Named { underlying: slot, .. } = &mut self.kinds[named.0 as usize] {
            *slot = under;
        }
        let settled: Vec<TypeId> = self.awaiting_underlying.iter().filter(|(_, target)| *target == named).map(|(t, _)| *t).collect();
        self.awaiting_underlying.retain(|(_, target)| *target != named);
        for t in settled {
            self.set_underlying(t, named);
        }
    }

    /// The id of a type already in the table, without adding it.
    pub fn lookup(&self, kind: &TypeKind) -> Option<TypeId> {
        self.interned.get(kind).copied()
    }

    /// The id of a basic type already in the table (the checker interns
    /// every typed basic type when it declares the universe).
    pub fn lookup_basic(&self, b: Basic) -> Option<TypeId> {
        self.interned.get(&TypeKind::Basic(b)).copied()
    }

    pub fn basic(&mut self, b: Basic) -> TypeId {
        self.intern(TypeKind::Basic(b))
    }

    pub fn kind(&self, t: TypeId) -> &TypeKind {
        &self.kinds[t.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// The underlying type: named types resolved to their definition.
    pub fn underlying(&self, t: TypeId) -> TypeId {
        match &self.kinds[t.0 as usize] {
            TypeKind::Named { underlying, .. } => *underlying,
            _ => t,
        }
    }

    /// gc's `types.IsDirectIface`: pointer-shaped types (pointers, maps,
    /// channels, functions, and arrays or structs of just one of them),
    /// which gc stores in an interface's data word itself.
    pub fn is_direct_iface(&self, t: TypeId) -> bool {
        match self.under(t) {
            TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) => true,
            TypeKind::Array(1, e) => self.is_direct_iface(*e),
            TypeKind::Struct(fields) => fields.len() == 1 && self.is_direct_iface(fields[0].ty),
            _ => false,
        }
    }

    pub fn under(&self, t: TypeId) -> &TypeKind {
        self.kind(self.underlying(t))
    }

    pub fn basic_of(&self, t: TypeId) -> Option<Basic> {
        match self.under(t) {
            TypeKind::Basic(b) => Some(*b),
            _ => None,
        }
    }

    pub fn is_named(&self, t: TypeId) -> bool {
        matches!(self.kind(t), TypeKind::Named { .. })
    }

    pub fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.under(t), TypeKind::Interface(_))
    }

    /// An interface type's methods, sorted by name (its method set).
    pub fn iface_methods(&self, t: TypeId) -> Option<&[IfaceMethod]> {
        match self.under(t) {
            TypeKind::Interface(methods) => Some(methods),
            _ => None,
        }
    }

    /// The names interface type `t`'s method `method` gives its parameters:
    /// its declaration's if `t` is a declared type, else its literal's.
    pub fn iface_names(&self, t: TypeId, method: &str) -> Option<&IfaceMethodNames> {
        let names = &self.iface_method_names;
        names.get(&(t, method.to_string())).or_else(|| names.get(&(self.underlying(t), method.to_string())))
    }

    /// The names the literal of unnamed interface type `t` written at `at`
    /// gives method `method`'s parameters.
    pub fn iface_literal_names(&self, t: TypeId, at: u32, method: &str) -> Option<&IfaceMethodNames> {
        let literals = self.iface_literals.get(&self.canonical(t))?;
        let (_, names) = literals.iter().find(|(pos, _)| *pos == at)?;
        names.iter().find(|(name, _)| name == method).map(|(_, n)| n)
    }

    /// An interface type with methods (`interface{}` and `any` have none).
    pub fn is_nonempty_interface(&self, t: TypeId) -> bool {
        self.iface_methods(t).is_some_and(|ms| !ms.is_empty())
    }

    pub fn signature(&self, t: TypeId) -> Option<&Signature> {
        match self.under(t) {
            TypeKind::Func(sig) => Some(sig),
            _ => None,
        }
    }

    pub fn pointer_elem(&self, t: TypeId) -> Option<TypeId> {
        match self.under(t) {
            TypeKind::Pointer(e) => Some(*e),
            _ => None,
        }
    }

    /// A channel type's direction and element type.
    pub fn chan(&self, t: TypeId) -> Option<(ChanDir, TypeId)> {
        match self.under(t) {
            TypeKind::Chan(dir, e) => Some((*dir, *e)),
            _ => None,
        }
    }

    pub fn struct_fields(&self, t: TypeId) -> Option<&[Field]> {
        match self.under(t) {
            TypeKind::Struct(fields) => Some(fields),
            _ => None,
        }
    }

    /// Whether gc's SSA form holds a value of type `ty` in registers (its
    /// canSSAType): at most 32 bytes, and a struct of at most 4 such fields or
    /// an array of at most 1 such element. Another struct or array lives in
    /// memory, defined (VarDef) before each copy into it.
    pub fn is_ssa_able(&self, ty: TypeId) -> bool {
        if self.size(ty) > 32 {
            return false;
        }
        match self.under(ty) {
            TypeKind::Struct(_) => {
                self.struct_fields(ty).is_some_and(|fields| fields.len() <= 4 && fields.iter().all(|f| self.is_ssa_able(f.ty)))
            }
            TypeKind::Array(n, elem) => *n <= 1 && self.is_ssa_able(*elem),
            _ => true,
        }
    }

    /// Whether the runtime has a fast access routine for maps of type
    /// `map_ty` (gc's mapfast): values of at most 128 bytes, and string keys or
    /// keys of 4 bytes of plain memory without pointers, or of 8.
    pub fn has_fast_map_access(&self, map_ty: TypeId) -> bool {
        let TypeKind::Map(key, value) = self.under(map_ty) else { return false };
        if self.size(*value) > 128 {
            return false;
        }
        let is_string = matches!(self.under(*key), TypeKind::Basic(b) if b.is_string());
        let size = self.size(*key);
        is_string || self.plain_memory(*key) && (size == 8 || size == 4 && !self.has_pointers(*key))
    }

    /// Whether values of type `ty` compare as their bytes (gc's AMEM): integers,
    /// booleans, pointers and channels, and arrays and structs of them without
    /// padding.
    fn plain_memory(&self, ty: TypeId) -> bool {
        match self.under(ty) {
            TypeKind::Basic(b) => b.is_integer() || b.is_boolean(),
            TypeKind::Pointer(_) | TypeKind::Chan(..) => true,
            TypeKind::Array(_, elem) => self.plain_memory(*elem),
            TypeKind::Struct(_) => self.struct_fields(ty).is_some_and(|fields| {
                fields.iter().all(|f| self.plain_memory(f.ty)) && fields.iter().map(|f| self.size(f.ty)).sum::<u64>() == self.size(ty)
            }),
            _ => false,
        }
    }

    /// Whether values of this type contain pointers the collector must see.
    pub fn has_pointers(&self, t: TypeId) -> bool {
        match self.under(t) {
            TypeKind::Basic(b) => *b == Basic::String,
            TypeKind::Array(n, e) => *n > 0 && self.has_pointers(*e),
            TypeKind::Struct(fields) => fields.iter().any(|f| self.has_pointers(f.ty)),
            TypeKind::Tuple(ts) => ts.iter().any(|t| self.has_pointers(*t)),
            _ => true,
        }
    }

    pub fn size(&self, t: TypeId) -> u64 {
        match self.under(t) {
            TypeKind::Basic(b) => b.size(),
            TypeKind::Pointer(_) | TypeKind::Map(..) | TypeKind::Chan(..) | TypeKind::Func(_) => 8,
            TypeKind::Slice(_) => 24,
            TypeKind::Interface(_) => 16,
            TypeKind::Array(n, e) => n.saturating_mul(self.size(*e)),
            TypeKind::Struct(fields) => self.layout(fields).1,
            TypeKind::Tuple(ts) => ts.iter().map(|t| self.size(*t)).sum(),
            TypeKind::Named { .. } => 0,
        }
    }

    pub fn align(&self, t: TypeId) -> u64 {
        match self.under(t) {
            TypeKind::Basic(b) if *b == Basic::String => 8,
            TypeKind::Basic(b) if b.is_complex() => b.complex_part().size(),
            TypeKind::Basic(b) => b.size().max(1),
            TypeKind::Array(_, e) => self.align(*e),
            TypeKind::Struct(fields) => fields.iter().map(|f| self.align(f.ty)).max().unwrap_or(1),
            _ => 8,
        }
    }

    /// Field offsets and the total (padded) size of a struct, as gc lays it out.
    pub fn layout(&self, fields: &[Field]) -> (Vec<u64>, u64) {
        let mut offsets = Vec::with_capacity(fields.len());
        let mut offset = 0u64;
        let mut max_align = 1u64;
        for f in fields {
            let a = self.align(f.ty);
            max_align = max_align.max(a);
            offset = offset.div_ceil(a) * a;
            offsets.push(offset);
            offset += self.size(f.ty);
        }
        // gc pads a struct that ends in a zero-sized field so a pointer to it
        // cannot point past the object.
        if let Some(last) = fields.last() {
            if self.size(last.ty) == 0 && offset > 0 {
                offset += 1;
            }
        }
        let size = offset.div_ceil(max_align) * max_align;
        (offsets, size)
    }

    pub fn field_offset(&self, t: TypeId, index: usize) -> u64 {
        match self.under(t) {
            TypeKind::Struct(fields) => self.layout(fields).0[index],
            _ => panic!("field_offset on a non-struct type {}", self.display(t)),
        }
    }

    /// Records the package's name: its path is `main` for package main,
    /// `command-line-arguments` for any other.
    pub fn set_package(&mut self, name: &str) {
        self.package_path = if name == "main" { "main" } else { "command-line-arguments" };
    }

    /// The package path `go build prog.go` gives gc (its `-p`), which
    /// qualifies the package's link symbols and, in gc's rendering of an
    /// interface type, its unexported method names (`interface { main.m() }`).
    pub fn package_path(&self) -> &'static str {
        self.package_path
    }

    /// gc's rendering of a type (`types.TypeString` with local names
    /// unqualified): `[]byte`, `struct { a int }`, `interface {}`.
    pub fn display(&self, t: TypeId) -> String {
        self.styled(t, &Style::GC)
    }

    /// types2's rendering of a type (`TypeString`), used in type-checking
    /// messages: like `display` but `struct{a int}` and `interface{}`.
    pub fn type_string(&self, t: TypeId) -> String {
        self.styled(t, &Style::TYPES2)
    }

    /// The run-time name of a type (`reflect.Type.String()`): defined types
    /// qualified with the package name, `byte` and `rune` as `uint8` and `int32`.
    pub fn runtime_name(&self, t: TypeId, package: &str) -> String {
        self.styled(self.canonical(t), &Style { package: Some(package), ..Style::GC })
    }

    /// The run-time name of the function type of `sig`: `func(int) main.T`.
    pub fn runtime_signature(&self, sig: &Signature, package: &str) -> String {
        let canonical = |ts: &[TypeId]| ts.iter().map(|t| self.canonical(*t)).collect();
        let sig = Signature { params: canonical(&sig.params), results: canonical(&sig.results), variadic: sig.variadic };
        let mut out = "func".to_string();
        self.write_styled_signature(&mut out, &sig, &Style { package: Some(package), ..Style::GC });
        out
    }

    /// `(int, int) int`, `(...int)`, `() (int, bool)` as gc prints them.
    pub fn write_signature(&self, out: &mut String, sig: &Signature) {
        self.write_styled_signature(out, sig, &Style::GC);
    }

    fn styled(&self, t: TypeId, style: &Style) -> String {
        let mut out = String::new();
        self.write_styled(&mut out, t, style);
        out
    }

    fn write_styled(&self, out: &mut String, t: TypeId, style: &Style) {
        match self.kind(t) {
            TypeKind::Basic(b) => out.push_str(b.name()),
            TypeKind::Named { name, decl_index, .. } => {
                if let Some(package) = style.package.filter(|_| !is_predeclared(*decl_index)) {
                    out.push_str(package);
                    out.push('.');
                }
                out.push_str(name);
            }
            TypeKind::Pointer(e) => {
                out.push('*');
                self.write_styled(out, *e, style);
            }
            TypeKind::Slice(e) => {
                out.push_str("[]");
                self.write_styled(out, *e, style);
            }
            TypeKind::Array(n, e) => {
                out.push_str(&format!("[{}]", n));
                self.write_styled(out, *e, style);
            }
            TypeKind::Map(k, v) => {
                out.push_str("map[");
                self.write_styled(out, *k, style);
                out.push(']');
                self.write_styled(out, *v, style);
            }
            TypeKind::Chan(dir, e) => {
                // `chan (<-chan T)` needs its parentheses
                let parens = *dir == ChanDir::Both && matches!(self.kind(*e), TypeKind::Chan(ChanDir::Recv, _));
                out.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                if parens {
                    out.push('(');
                }
                self.write_styled(out, *e, style);
                if parens {
                    out.push(')');
                }
            }
            TypeKind::Struct(fields) => {
                let items: Vec<String> = fields
                    .iter()
                    .map(|f| {
                        let ty = self.styled(f.ty, style);
                        if f.embedded {
                            ty
                        } else {
                            format!("{} {}", f.name, ty)
                        }
                    })
                    .collect();
                style.braces(out, "struct", &items);
            }
            TypeKind::Func(sig) => {
                out.push_str("func");
                self.write_styled_signature(out, sig, style);
            }
            TypeKind::Interface(methods) => {
                let items: Vec<String> = methods
                    .iter()
                    .map(|m| {
                        let mut item = String::new();
                        if style.spaced && !is_exported(&m.name) {
                            item.push_str(style.package.unwrap_or(self.package_path));
                            item.push('.');
                        }
                        item.push_str(&m.name);
                        if let TypeKind::Func(sig) = self.kind(m.sig) {
                            self.write_styled_signature(&mut item, sig, style);
                        }
                        item
                    })
                    .collect();
                style.braces(out, "interface", &items);
            }
            TypeKind::Tuple(ts) => self.write_styled_list(out, ts, false, style),
        }
    }

    fn write_styled_list(&self, out: &mut String, ts: &[TypeId], variadic: bool, style: &Style) {
        out.push('(');
        for (i, t) in ts.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            match self.kind(*t) {
                TypeKind::Slice(e) if variadic && i + 1 == ts.len() => {
                    out.push_str("...");
                    self.write_styled(out, *e, style);
                }
                _ => self.write_styled(out, *t, style),
            }
        }
        out.push(')');
    }

    fn write_styled_signature(&self, out: &mut String, sig: &Signature, style: &Style) {
        self.write_styled_list(out, &sig.params, sig.variadic, style);
        match sig.results.len() {
            0 => {}
            1 => {
                out.push(' ');
                self.write_styled(out, sig.results[0], style);
            }
            _ => {
                out.push(' ');
                self.write_styled_list(out, &sig.results, false, style);
            }
        }
    }
}

/// How a type printer spells types: gc's (`struct { a int }`, `interface {}`)
/// or types2's (`struct{a int}`, `interface{}`), with defined types
/// qualified by a package name or not.
struct Style<'a> {
    spaced: bool,
    package: Option<&'a str>,
}

impl Style<'_> {
    const GC: Style<'static> = Style { spaced: true, package: None };
    const TYPES2: Style<'static> = Style { spaced: false, package: None };

    /// `struct { a; b }` / `struct{a; b}`, and `struct {}` / `struct{}` when empty.
    fn braces(&self, out: &mut String, keyword: &str, items: &[String]) {
        out.push_str(keyword);
        match (self.spaced, items.is_empty()) {
            (true, true) => out.push_str(" {}"),
            (true, false) => out.push_str(&format!(" {{ {} }}", items.join("; "))),
            (false, _) => out.push_str(&format!("{{{}}}", items.join("; "))),
        }
    }
}

/// Selectors through embedded fields.
impl TypeTable {
    /// Whether a method's receiver, reached from `start` through the
    /// embedded fields `path`, is behind a pointer: a pointer on the way, or
    /// an embedded pointer field holding it.
    pub fn receiver_via_pointer(&self, start: TypeId, path: &[u32]) -> bool {
        let (on_the_way, last) = self.follow_path(start, path);
        on_the_way || (!path.is_empty() && self.pointer_elem(last).is_some())
    }

    /// Whether a field reached from `start` through `path` is behind a
    /// pointer on the way (which makes it addressable).
    pub fn path_has_pointer(&self, start: TypeId, path: &[u32]) -> bool {
        self.follow_path(start, path).0
    }

    /// Follows `path` from `start`: whether a pointer is on the way (past
    /// `start` itself), and the type of the last field.
    fn follow_path(&self, start: TypeId, path: &[u32]) -> (bool, TypeId) {
        let mut t = start;
        for (i, idx) in path.iter().enumerate() {
            if i > 0 && self.pointer_elem(t).is_some() {
                return (true, t);
            }
            let base = self.pointer_elem(t).unwrap_or(t);
            let Some(fields) = self.struct_fields(base) else { return (false, t) };
            t = fields[*idx as usize].ty;
        }
        (false, t)
    }

    /// Breadth-first search through embedded fields, as types2's lookup
    /// does: the shallowest depth that has the name decides; there, two
    /// finds, or one in a type embedded twice at that depth, are ambiguous;
    /// a type met at a shallower depth is shadowed.
    pub fn lookup_member(&self, t: TypeId, name: &str) -> Option<Member> {
        let mut seen: std::collections::HashSet<TypeId> = std::collections::HashSet::new();
        // (type, path, embedded more than once at some depth on the way)
        let mut level: Vec<(TypeId, Vec<u32>, bool)> = vec![(t, Vec::new(), false)];
        while !level.is_empty() {
            let mut consolidated: Vec<(TypeId, Vec<u32>, bool)> = Vec::new();
            for entry in level {
                let base = self.pointer_elem(entry.0).unwrap_or(entry.0);
                match consolidated.iter_mut().find(|e| self.identical(self.pointer_elem(e.0).unwrap_or(e.0), base)) {
                    Some(first) => first.2 = true,
                    None => consolidated.push(entry),
                }
            }
            let mut next = Vec::new();
            let mut found: Option<Member> = None;
            let mut finds = 0;
            for (ty, path, multiple) in consolidated {
                let base = self.pointer_elem(ty).unwrap_or(ty);
                if !seen.insert(self.canonical(base)) {
                    continue;
                }
                let weight = if multiple { 2 } else { 1 };
                if let Some(m) = self.methods.get(&base).and_then(|ms| ms.iter().find(|m| m.name == name)) {
                    finds += weight;
                    found.get_or_insert(Member::Method { path: path.clone(), method: m.clone(), recv_named: base });
                    continue;
                }
                // An interface's methods; behind a pointer it has none.
                if let Some(methods) = self.iface_methods(ty) {
                    if let Some(index) = methods.iter().position(|m| m.name == name) {
                        finds += weight;
                        found.get_or_insert(Member::IfaceMethod { path: path.clone(), index: index as u32, sig: methods[index].sig });
                    }
                    continue;
                }
                for (i, f) in self.struct_fields(base).unwrap_or(&[]).iter().enumerate() {
                    let mut p = path.clone();
                    p.push(i as u32);
                    if f.name == name {
                        finds += weight;
                        found.get_or_insert(Member::Field { path: p.clone(), ty: f.ty });
                    } else if f.embedded {
                        next.push((f.ty, p, multiple));
                    }
                }
            }
            if finds > 1 {
                return Some(Member::Ambiguous);
            }
            if found.is_some() {
                return found;
            }
            level = next;
        }
        None
    }
}

/// Go's token.IsExported: the name starts with an upper-case letter.
fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}
