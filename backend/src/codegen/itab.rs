//! Method tables and itabs: what dynamic dispatch through interfaces reads.
//! A type descriptor lists the type's method set by name (an interface's
//! descriptor its methods), each with its signature's run-time name and,
//! for a concrete type, the code an itab calls with the interface's data
//! word as the receiver: `(*T).M` for a pointer `*T`, and for a value type
//! T too unless T's data word is the value itself (gc's methodWrapper for
//! itabs), when it is `T.M`. (minigo stores only pointers, maps, channels
//! and funcs in the data word, not gc's one-pointer structs and arrays.)
//! The wrappers are the passes' (kept in the package). The compiler emits
//! the itab of every conversion it compiles; the runtime makes the others
//! from the tables.

use std::collections::HashMap;

use cranelift_module::{DataDescription, DataId, Module};
use ir::{FuncId, Package, TypeId};

use super::layout::is_direct_iface;
use super::Codegen;

/// Where an itab's method table starts (minigo.h's minigo_itab: inter,
/// type, a reserved word, then fun[], as gc lays it out).
pub(crate) const ITAB_FUN_OFFSET: i32 = 24;

/// The package's methods by receiver: (receiver base type, pointer
/// receiver) to (method name, function), sorted by name. Declared methods
/// and the passes' wrappers together make each type's and pointer's method set.
pub(super) fn methods_by_receiver(package: &Package) -> HashMap<(TypeId, bool), Vec<(String, FuncId)>> {
    let mut out: HashMap<(TypeId, bool), Vec<(String, FuncId)>> = HashMap::new();
    for (index, func) in package.funcs.iter().enumerate() {
        let Some((recv, pointer)) = func.method_of.filter(|_| func.has_body && func.outer.is_none()) else { continue };
        let Some((_, name)) = func.name.rsplit_once('.') else { continue };
        let list = out.entry((package.types.canonical(recv), pointer)).or_default();
        if !list.iter().any(|(n, _)| n == name) {
            list.push((name.to_string(), FuncId(index as u32)));
        }
    }
    for list in out.values_mut() {
        list.sort_by(|a, b| a.0.cmp(&b.0));
    }
    out
}

impl Codegen<'_> {
    /// The method set of concrete type `t`, by name, with the function its itabs call.
    fn itab_methods(&self, t: TypeId) -> Vec<(String, FuncId)> {
        let types = &self.package.types;
        let t = types.canonical(t);
        let set = |base: TypeId, pointer: bool| self.methods.get(&(types.canonical(base), pointer)).cloned().unwrap_or_default();
        if let Some(elem) = types.pointer_elem(t) {
            return set(elem, true);
        }
        if is_direct_iface(types, t) {
            return set(t, false);
        }
        let by_pointer = set(t, true);
        set(t, false)
            .into_iter()
            .map(|(name, _)| {
                let wrapper = by_pointer.iter().find(|(n, _)| *n == name).map(|(_, w)| *w);
                let wrapper = wrapper.unwrap_or_else(|| panic!("backend: no (*{}).{} for an itab", types.display(t), name));
                (name, wrapper)
            })
            .collect()
    }

    /// The `minigo_method` table of type `t` and its length; None without methods.
    pub(super) fn method_table(&mut self, t: TypeId) -> Option<(DataId, usize)> {
        let types = &self.package.types;
        let package = self.package.name.clone();
        let entries: Vec<(String, String, Option<cranelift_module::FuncId>)> = match types.iface_methods(t) {
            Some(methods) => methods
                .iter()
                .map(|m| {
                    let sig = types.signature(m.sig).expect("a method's signature");
                    (m.name.clone(), types.runtime_signature(sig, &package), None)
                })
                .collect(),
            None => {
                let methods = self.itab_methods(t);
                let mut out = Vec::with_capacity(methods.len());
                for (name, f) in methods {
                    let mut sig = self.package.types.signature(self.package.func(f).sig).expect("a method's signature").clone();
                    sig.params.remove(0);
                    let sig = self.package.types.runtime_signature(&sig, &package);
                    out.push((name, sig, Some(self.function_id(f))));
                }
                out
            }
        };
        if entries.is_empty() {
            return None;
        }
        let mut desc = DataDescription::new();
        let mut bytes = Vec::with_capacity(40 * entries.len());
        for (name, sig, _) in &entries {
            bytes.extend_from_slice(&0u64.to_le_bytes());
            bytes.extend_from_slice(&(name.len() as u64).to_le_bytes());
            bytes.extend_from_slice(&0u64.to_le_bytes());
            bytes.extend_from_slice(&(sig.len() as u64).to_le_bytes());
            bytes.extend_from_slice(&0u64.to_le_bytes());
        }
        desc.define(bytes.into_boxed_slice());
        desc.set_align(8);
        for (i, (name, sig, code)) in entries.iter().enumerate() {
            let at = 40 * i as u32;
            let name_ref = self.string_data(name.as_bytes());
            let name_ref = self.module.declare_data_in_data(name_ref, &mut desc);
            desc.write_data_addr(at, name_ref, 0);
            let sig_ref = self.string_data(sig.as_bytes());
            let sig_ref = self.module.declare_data_in_data(sig_ref, &mut desc);
            desc.write_data_addr(at + 16, sig_ref, 0);
            if let Some(code) = code {
                let code = self.module.declare_func_in_data(*code, &mut desc);
                desc.write_function_addr(at + 32, code);
            }
        }
        Some((self.define_readonly(&desc), entries.len()))
    }

    /// The static itab of concrete type `concrete` for interface `iface`:
    /// `[interface descriptor, type descriptor, code...]`, one per pair.
    pub fn itab(&mut self, iface: TypeId, concrete: TypeId) -> DataId {
        let key = (self.package.types.canonical(iface), self.package.types.canonical(concrete));
        if let Some(id) = self.itabs.get(&key) {
            return *id;
        }
        let wanted: Vec<String> = self.package.types.iface_methods(iface).expect("an interface").iter().map(|m| m.name.clone()).collect();
        let methods = self.itab_methods(concrete);
        let codes: Vec<FuncId> = wanted
            .iter()
            .map(|name| {
                let found = methods.iter().find(|(n, _)| n == name).map(|(_, f)| *f);
                found.unwrap_or_else(|| panic!("backend: {} has no method {}", self.package.types.display(concrete), name))
            })
            .collect();
        let inter = self.type_descriptor(iface);
        let ty = self.type_descriptor(concrete);
        let mut desc = DataDescription::new();
        desc.define(vec![0u8; ITAB_FUN_OFFSET as usize + 8 * codes.len()].into_boxed_slice());
        desc.set_align(8);
        let inter = self.module.declare_data_in_data(inter, &mut desc);
        desc.write_data_addr(0, inter, 0);
        let ty = self.module.declare_data_in_data(ty, &mut desc);
        desc.write_data_addr(8, ty, 0);
        for (i, code) in codes.into_iter().enumerate() {
            let code = self.module.declare_func_in_data(self.function_id(code), &mut desc);
            desc.write_function_addr(ITAB_FUN_OFFSET as u32 + 8 * i as u32, code);
        }
        let id = self.define_readonly(&desc);
        self.itabs.insert(key, id);
        id
    }
}
