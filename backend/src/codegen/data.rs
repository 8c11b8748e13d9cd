//! Read-only data emitted alongside the code: string constants (one object
//! per distinct byte string), boxed constants, `minigo_type` descriptors for every type boxed
//! into an interface (one per type, so descriptor identity is type identity)
//! and the static closure records of functions used as values.

use cranelift_module::{DataDescription, DataId, Module};
use ir::{Basic, FuncId, TypeId, TypeKind, TypeTable};

use super::layout::runtime_kind;
use super::Codegen;

impl Codegen<'_> {
    pub(super) fn define_readonly(&mut self, desc: &DataDescription) -> DataId {
        let id = self.module.declare_anonymous_data(false, false).unwrap_or_else(|e| panic!("backend: declaring read-only data: {}", e));
        self.module.define_data(id, desc).unwrap_or_else(|e| panic!("backend: defining read-only data: {}", e));
        id
    }

    /// The bytes of a string constant (non-empty).
    pub fn string_data(&mut self, bytes: &[u8]) -> DataId {
        if let Some(id) = self.strings.get(bytes) {
            return *id;
        }
        let mut desc = DataDescription::new();
        desc.define(bytes.to_vec().into_boxed_slice());
        let id = self.define_readonly(&desc);
        self.strings.insert(bytes.to_vec(), id);
        id
    }

    /// The `minigo_type` descriptor of `t`.
    pub fn type_descriptor(&mut self, t: TypeId) -> DataId {
        // `byte` and `uint8` are one type at run time.
        let t = self.package.types.canonical(t);
        if let Some(id) = self.type_descriptors.get(&t) {
            return *id;
        }
        let types = &self.package.types;
        let name = types.runtime_name(t, &self.package.name);
        let (size, kind, has_pointers) = (types.size(t), runtime_kind(types, t), types.has_pointers(t));
        let eq = self.equality(t);
        let methods = self.method_table(t);
        let id = self.define_descriptor(size, kind, has_pointers, &name, eq, methods);
        self.type_descriptors.insert(t, id);
        id
    }

    /// A `minigo_type`: size, kind, has_pointers, name, name_len, eq, methods, nmethods.
    fn define_descriptor(
        &mut self,
        size: u64,
        kind: u32,
        has_pointers: bool,
        name: &str,
        eq: Option<DataId>,
        methods: Option<(DataId, usize)>,
    ) -> DataId {
        let mut bytes = Vec::with_capacity(56);
        bytes.extend_from_slice(&size.to_le_bytes());
        bytes.extend_from_slice(&kind.to_le_bytes());
        bytes.extend_from_slice(&(has_pointers as u32).to_le_bytes());
        bytes.extend_from_slice(&0u64.to_le_bytes());
        bytes.extend_from_slice(&(name.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&0u64.to_le_bytes());
        bytes.extend_from_slice(&0u64.to_le_bytes());
        bytes.extend_from_slice(&(methods.map_or(0, |(_, n)| n) as u64).to_le_bytes());
        let name_id = self.string_data(name.as_bytes());
        let mut desc = DataDescription::new();
        desc.define(bytes.into_boxed_slice());
        desc.set_align(8);
        let name_ref = self.module.declare_data_in_data(name_id, &mut desc);
        desc.write_data_addr(16, name_ref, 0);
        if let Some(eq) = eq {
            let eq_ref = self.module.declare_data_in_data(eq, &mut desc);
            desc.write_data_addr(32, eq_ref, 0);
        }
        if let Some((table, _)) = methods {
            let table_ref = self.module.declare_data_in_data(table, &mut desc);
            desc.write_data_addr(40, table_ref, 0);
        }
        self.define_readonly(&desc)
    }

    /// The `minigo_eqfield` steps comparing two values of type `t` as gc's
    /// type equality does (floats as floats, strings and interfaces by
    /// content, blank fields and padding skipped), when bytes do not do; a
    /// struct or array that is not comparable gets one step that panics.
    /// (An array's elements are compared through their type's steps.)
    fn equality(&mut self, t: TypeId) -> Option<DataId> {
        let types = &self.package.types;
        let aggregate = matches!(types.under(t), TypeKind::Struct(_) | TypeKind::Array(..));
        let leaf = matches!(
            types.under(t),
            TypeKind::Basic(Basic::Float32 | Basic::Float64 | Basic::Complex64 | Basic::Complex128 | Basic::String)
                | TypeKind::Interface(_)
        );
        if !(aggregate || leaf) || types.is_direct_iface(t) {
            return None;
        }
        let mut steps = Vec::new();
        let steps = match equality_steps(types, t, 0, &mut steps) {
            true => merge_bytes(steps),
            false => vec![EqStep::Uncomparable],
        };
        if let [EqStep::Bytes(0, n)] = steps.as_slice() {
            if *n == types.size(t) {
                return None;
            }
        }
        let mut bytes = Vec::with_capacity(24 * (steps.len() + 1));
        let mut arrays = Vec::new();
        for step in &steps {
            let (kind, offset, size): (u32, u64, u64) = match *step {
                EqStep::Bytes(offset, size) => (1, offset, size),
                EqStep::Float32(offset) => (2, offset, 0),
                EqStep::Float64(offset) => (3, offset, 0),
                EqStep::String(offset) => (4, offset, 0),
                EqStep::Eface(offset) => (5, offset, 0),
                EqStep::Iface(offset) => (8, offset, 0),
                EqStep::Array(offset, count, elem) => {
                    arrays.push((bytes.len() + 16, elem));
                    (6, offset, count)
                }
                EqStep::Uncomparable => (7, 0, 0),
            };
            bytes.extend_from_slice(&kind.to_le_bytes());
            bytes.extend_from_slice(&(offset as u32).to_le_bytes());
            bytes.extend_from_slice(&size.to_le_bytes());
            bytes.extend_from_slice(&0u64.to_le_bytes());
        }
        bytes.extend_from_slice(&[0u8; 24]);
        let elems: Vec<(usize, DataId)> = arrays.into_iter().map(|(at, elem)| (at, self.type_descriptor(elem))).collect();
        let mut desc = DataDescription::new();
        desc.define(bytes.into_boxed_slice());
        desc.set_align(8);
        for (at, elem) in elems {
            let elem_ref = self.module.declare_data_in_data(elem, &mut desc);
            desc.write_data_addr(at as u32, elem_ref, 0);
        }
        Some(self.define_readonly(&desc))
    }

    /// A read-only copy of a constant's bytes: the data word of a boxed
    /// constant (gc boxes constants into read-only data, without allocating).
    pub fn readonly_value(&mut self, bytes: Vec<u8>, relocations: &[(u32, DataId)]) -> DataId {
        let mut desc = DataDescription::new();
        desc.define(bytes.into_boxed_slice());
        desc.set_align(8);
        for (offset, target) in relocations {
            let target = self.module.declare_data_in_data(*target, &mut desc);
            desc.write_data_addr(*offset, target, 0);
        }
        self.define_readonly(&desc)
    }

    /// The static closure record of a function used as a value: one word, its code address.
    pub fn func_record(&mut self, func: FuncId) -> DataId {
        if let Some(id) = self.func_records.get(&func) {
            return *id;
        }
        let mut desc = DataDescription::new();
        // Not define_zeroinit: zero-initialised data goes to .bss, without relocations.
        desc.define(vec![0u8; 8].into_boxed_slice());
        desc.set_align(8);
        let code = self.module.declare_func_in_data(self.function_id(func), &mut desc);
        desc.write_function_addr(0, code);
        let id = self.define_readonly(&desc);
        self.func_records.insert(func, id);
        id
    }
}

/// One step of a type's equality (the runtime's `minigo_eqfield`), at an offset.
enum EqStep {
    Bytes(u64, u64),
    Float32(u64),
    Float64(u64),
    String(u64),
    Eface(u64),
    /// An interface with methods: its first word is an itab.
    Iface(u64),
    /// An array whose elements need steps of their own: count and element type.
    Array(u64, u64, TypeId),
    Uncomparable,
}

/// The steps comparing a value of type `t` at `offset`; false when `t` has no `==`.
fn equality_steps(types: &TypeTable, t: TypeId, offset: u64, out: &mut Vec<EqStep>) -> bool {
    match types.under(t) {
        TypeKind::Basic(Basic::Float32) => out.push(EqStep::Float32(offset)),
        TypeKind::Basic(Basic::Float64) => out.push(EqStep::Float64(offset)),
        TypeKind::Basic(Basic::Complex64) => out.extend([EqStep::Float32(offset), EqStep::Float32(offset + 4)]),
        TypeKind::Basic(Basic::Complex128) => out.extend([EqStep::Float64(offset), EqStep::Float64(offset + 8)]),
        TypeKind::Basic(Basic::String) => out.push(EqStep::String(offset)),
        TypeKind::Basic(_) | TypeKind::Pointer(_) | TypeKind::Chan(..) => out.push(EqStep::Bytes(offset, types.size(t))),
        TypeKind::Interface(methods) if methods.is_empty() => out.push(EqStep::Eface(offset)),
        TypeKind::Interface(_) => out.push(EqStep::Iface(offset)),
        TypeKind::Struct(fields) => {
            for (i, field) in fields.iter().enumerate() {
                if field.name != "_" && !equality_steps(types, field.ty, offset + types.field_offset(t, i), out) {
                    return false;
                }
            }
        }
        TypeKind::Array(n, elem) => {
            let mut elem_steps = Vec::new();
            if !equality_steps(types, *elem, 0, &mut elem_steps) {
                return false;
            }
            let elem_size = types.size(*elem);
            match merge_bytes(elem_steps).as_slice() {
                _ if *n == 0 => {}
                [EqStep::Bytes(0, size)] if *size == elem_size => out.push(EqStep::Bytes(offset, n * elem_size)),
                _ => out.push(EqStep::Array(offset, *n, *elem)),
            }
        }
        _ => return false,
    }
    true
}

/// Joins byte comparisons that follow each other.
fn merge_bytes(steps: Vec<EqStep>) -> Vec<EqStep> {
    let mut out: Vec<EqStep> = Vec::with_capacity(steps.len());
    for step in steps {
        if let (Some(EqStep::Bytes(offset, size)), EqStep::Bytes(next, more)) = (out.last_mut(), &step) {
            if *offset + *size == *next {
                *size += more;
                continue;
            }
        }
        out.push(step);
    }
    out
}
