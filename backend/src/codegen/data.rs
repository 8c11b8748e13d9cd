//! Read-only data emitted alongside the code: string constants (one object
//! per distinct byte string), boxed constants, `minigo_type` descriptors for every type boxed
//! into an interface (one per type, so descriptor identity is type identity)
//! and the static closure records of functions used as values.

use cranelift_module::{DataDescription, DataId, Module};
use ir::{FuncId, TypeId};

use super::layout::runtime_kind;
use super::Codegen;

impl Codegen<'_> {
    fn define_readonly(&mut self, desc: &DataDescription) -> DataId {
        let id = self
            .module
            .declare_anonymous_data(false, false)
            .unwrap_or_else(|e| panic!("backend: declaring read-only data: {}", e));
        self.module
            .define_data(id, desc)
            .unwrap_or_else(|e| panic!("backend: defining read-only data: {}", e));
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
        let id = self.define_descriptor(types.size(t), runtime_kind(types, t), types.has_pointers(t), &name);
        self.type_descriptors.insert(t, id);
        id
    }

    /// A `minigo_type`: size, kind, has_pointers, name, name_len.
    fn define_descriptor(&mut self, size: u64, kind: u32, has_pointers: bool, name: &str) -> DataId {
        let mut bytes = Vec::with_capacity(32);
        bytes.extend_from_slice(&size.to_le_bytes());
        bytes.extend_from_slice(&kind.to_le_bytes());
        bytes.extend_from_slice(&(has_pointers as u32).to_le_bytes());
        bytes.extend_from_slice(&0u64.to_le_bytes());
        bytes.extend_from_slice(&(name.len() as u64).to_le_bytes());
        let name_id = self.string_data(name.as_bytes());
        let mut desc = DataDescription::new();
        desc.define(bytes.into_boxed_slice());
        desc.set_align(8);
        let name_ref = self.module.declare_data_in_data(name_id, &mut desc);
        desc.write_data_addr(16, name_ref, 0);
        self.define_readonly(&desc)
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
