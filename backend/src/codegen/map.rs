//! Maps: a map value is a pointer to the runtime's header (`map.c`), whose
//! first word is the length. Every operation is a runtime call taking the
//! key by address: `make` (the header in the frame when escape analysis
//! keeps the map there, as gc does), `m[k]` (mapaccess1, or mapaccess2 for
//! `v, ok := m[k]`), `m[k] = v` (mapassign, called only once the right
//! side is evaluated: a `Place::MapEntry`), `delete`, map literals (one
//! insertion per entry, in order) and `range` (an iterator in the frame).

use cranelift_codegen::ir::{condcodes::IntCC, types, InstBuilder, Value};
use ir::{NodeId, Op, TypeId, TypeKind};

use super::func::{flags, Breakable, FuncCtx, Place, Val};
use super::runtime::Rt;

/// The runtime's header and iterator sizes (minigo.h).
const MAP_HEADER_SIZE: u64 = 96;
const MAP_ITER_SIZE: u64 = 64;

impl FuncCtx<'_, '_> {
    fn map_types(&self, map_ty: TypeId) -> (TypeId, TypeId) {
        match self.types.under(map_ty) {
            TypeKind::Map(k, v) => (*k, *v),
            _ => panic!("backend: {} is not a map type", self.types.display(map_ty)),
        }
    }

    /// `make(map[K]V, hint)`, or a map literal's map.
    pub fn make_map(&mut self, id: NodeId, map_ty: TypeId, hint: Value) -> Val {
        let (key, value) = self.map_types(map_ty);
        let descriptor = self.descriptor_addr(key);
        let value_size = self.iconst(self.types.size(value) as i64);
        let header = if self.func.node(id).escapes { self.iconst(0) } else { self.new_stack_object(MAP_HEADER_SIZE, 8) };
        Val::Parts(vec![self.call_rt(Rt::MakeMap, &[descriptor, value_size, hint, header])[0]])
    }

    /// `map[K]V{k: v, ...}`: each entry evaluated and inserted in turn.
    pub fn map_lit(&mut self, id: NodeId, entries: &[(NodeId, NodeId)]) -> Val {
        let map_ty = self.func.node(id).ty;
        let (key_ty, value_ty) = self.map_types(map_ty);
        let hint = self.iconst(entries.len() as i64);
        let map = self.make_map(id, map_ty, hint).scalar();
        for (nth, (key, value)) in entries.iter().enumerate() {
            let key_addr = self.key_addr(key_ty, *key);
            let value_node = *value;
            let value = self.eval_owned(value_node);
            let site = self.func.map_entry_site(self.types, id, value_node);
            let slot = self.map_assign(site, u8::try_from(nth).unwrap_or(u8::MAX), map, key_addr);
            self.store_val(value_ty, slot, 0, &value);
        }
        Val::Parts(vec![map])
    }

    /// The address of a map key's value (a temporary if it is not in memory).
    fn key_addr(&mut self, key_ty: TypeId, key: NodeId) -> Value {
        let value = self.eval(key);
        self.spill(key_ty, value)
    }

    /// The operands of `m[k]` or `delete(m, k)`, evaluated in order: the
    /// map, and the address of the key.
    fn map_and_key(&mut self, m: NodeId, key: NodeId) -> (Value, Value) {
        let (key_ty, _) = self.map_types(self.func.node(m).ty);
        let map = self.eval(m).scalar();
        (map, self.key_addr(key_ty, key))
    }

    /// `m[k]` (node `id`) as a value; with `comma_ok`, `(v, ok)`.
    pub fn index_map(&mut self, id: NodeId, m: NodeId, key: NodeId, comma_ok: bool) -> Vec<Val> {
        let (_, value_ty) = self.map_types(self.func.node(m).ty);
        let (map, key_addr) = self.map_and_key(m, key);
        if !comma_ok {
            return vec![self.read_place(&Place::MapEntry { id, map, key: key_addr }, value_ty)];
        }
        let slot = self.call_rt(Rt::MapAccess2, &[map, key_addr])[0];
        let found = self.b.ins().icmp_imm_s(IntCC::NotEqual, slot, 0);
        let value = self.value_or_zero(value_ty, found, |this| this.load_val(value_ty, slot, 0));
        vec![value, Val::Parts(vec![found])]
    }

    /// `m[k]` (node `id`) as an assignment's target: the map and the key,
    /// evaluated now.
    pub fn map_entry_place(&mut self, id: NodeId, m: NodeId, key: NodeId) -> Place {
        let (map, key) = self.map_and_key(m, key);
        Place::MapEntry { id, map, key }
    }

    /// The address of the value of `map`'s entry for the key at `key`, made
    /// for node `id` (its `nth` check). gc dereferences mapassign's result
    /// with a nil check, which the store through it makes, unless that
    /// store of pointers has a write barrier.
    pub fn map_assign(&mut self, id: NodeId, nth: u8, map: Value, key: Value) -> Value {
        let slot = self.call_rt(Rt::MapAssign, &[map, key])[0];
        self.nth_nil_check(id, nth, slot);
        slot
    }

    /// `delete(m, k)`.
    pub fn map_delete(&mut self, m: NodeId, key: NodeId) {
        let (map, key_addr) = self.map_and_key(m, key);
        self.call_rt(Rt::MapDelete, &[map, key_addr]);
    }

    /// `len(m)`: 0 for a nil map, else the header's first word.
    pub fn map_len(&mut self, map: Value) -> Value {
        let result = self.b.declare_var(types::I64);
        let zero = self.iconst(0);
        self.b.def_var(result, zero);
        let load = self.b.create_block();
        let done = self.b.create_block();
        self.b.ins().brif(map, load, &[], done, &[]);
        self.b.switch_to_block(load);
        let len = self.b.ins().load(types::I64, flags(), map, 0);
        self.b.def_var(result, len);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(done);
        self.b.use_var(result)
    }

    /// `for k, v := range m` (statement `id`): an iterator in the frame,
    /// advanced after each iteration; it gives the addresses of the current
    /// key and value. gc reads both through a nil check (walk's `*hit.key`,
    /// `*hit.elem`); the loop's test of the key's address drops the key's.
    pub fn range_map(
        &mut self,
        id: NodeId,
        key: Option<NodeId>,
        value: Option<NodeId>,
        x: NodeId,
        body: &[NodeId],
        label: &Option<String>,
    ) {
        let (key_ty, value_ty) = self.map_types(self.func.node(x).ty);
        let map = self.eval(x).scalar();
        let iter = self.new_stack_object(MAP_ITER_SIZE, 8);
        self.call_rt(Rt::MapIterInit, &[map, iter]);
        let header = self.b.create_block();
        let body_block = self.b.create_block();
        let next = self.b.create_block();
        let exit = self.b.create_block();
        self.b.ins().jump(header, &[]);
        self.b.switch_to_block(header);
        let key_addr = self.b.ins().load(types::I64, flags(), iter, 0);
        self.b.ins().brif(key_addr, body_block, &[], exit, &[]);
        self.b.switch_to_block(body_block);
        let mut vars = Vec::new();
        if let Some(key) = key {
            let k = self.load_val(key_ty, key_addr, 0);
            vars.push((key, self.own(key_ty, k)));
        }
        if let Some(value) = value.filter(|v| !matches!(self.func.node(*v).op, Op::Blank)) {
            let value_addr = self.b.ins().load(types::I64, flags(), iter, 8);
            self.nil_check(id, value_addr);
            let v = self.load_val(value_ty, value_addr, 0);
            vars.push((value, self.own(value_ty, v)));
        }
        self.assign_iteration_vars(vars);
        self.breakables.push(Breakable { label: label.clone(), break_block: exit, continue_block: Some(next) });
        self.emit_stmts(body);
        self.breakables.pop();
        self.b.ins().jump(next, &[]);
        self.b.switch_to_block(next);
        self.call_rt(Rt::MapIterNext, &[iter]);
        self.b.ins().jump(header, &[]);
        self.b.switch_to_block(exit);
    }
}
