//! Statements and control flow: declarations, assignments (all right sides
//! evaluated before any store, as Go's two-phase assignment requires),
//! `if`, `for`, `range` over slices, arrays, pointers to arrays and strings
//! (runes), `switch` with `fallthrough`, labels, `goto`, labelled
//! `break`/`continue`, `return`, `panic` and `print`.
//!
//! Invariant: the builder is always positioned in an open block; after a
//! terminator, emission continues in a fresh (unreachable) block.

use cranelift_codegen::ir::{condcodes::IntCC, types, Block, InstBuilder, Value};
use cranelift_module::Module;
use ir::{BinOp, BranchOp, Case, NodeId, Op, TypeId, TypeKind};

use super::func::{flags, Breakable, FuncCtx, Place, Val};
use super::layout::{array_len, elem_type, is_string};
use super::nilcheck::first_store_has_write_barrier;
use super::runtime::Rt;

impl FuncCtx<'_, '_> {
    pub fn emit_body(&mut self) {
        self.panic_wrap_test();
        for stmt in &self.func.body {
            self.emit_stmt(*stmt);
        }
    }

    /// Ends the function: falling off the end returns the result variables.
    /// Returns the locations of inlined code (`at_node`).
    pub fn finish(mut self) -> Vec<(u32, ir::Pos)> {
        let results = self.current_results();
        self.emit_return(results);
        self.b.seal_all_blocks();
        self.finish_nil_checks();
        let config = self.cg.module.target_config();
        let inline_locs = std::mem::take(&mut self.inline_locs);
        self.b.finalize(config);
        inline_locs
    }

    pub fn emit_stmts(&mut self, stmts: &[NodeId]) {
        for stmt in stmts {
            self.emit_stmt(*stmt);
        }
    }

    pub fn emit_stmt(&mut self, id: NodeId) {
        let outer = self.at_node(id);
        self.emit_stmt_here(id);
        self.set_srcloc(outer);
    }

    fn emit_stmt_here(&mut self, id: NodeId) {
        let node = self.func.node(id);
        self.run_init(id);
        if matches!(
            node.op,
            Op::Assign { .. }
                | Op::Assign2 { .. }
                | Op::AssignOp { .. }
                | Op::ExprStmt(_)
                | Op::Return(_)
                | Op::Panic(_)
                | Op::Print { .. }
                | Op::Delete(..)
                | Op::Send { .. }
                | Op::Close(_)
        ) {
            match node.op {
                Op::Delete(m, key) => {
                    self.hoist_calls(m);
                    self.hoist_map_key(self.func.node(m).ty, key);
                }
                _ => {
                    for operand in node.operands() {
                        self.hoist_calls(operand);
                    }
                }
            }
        }
        match &node.op {
            Op::Decl(local) => self.declare_local(*local),
            Op::DeclType | Op::DeclConst => {}
            Op::Defer(call) => self.defer_stmt(*call),
            Op::Go(call) => self.go_stmt(*call),
            Op::Send { ch, value } => self.chan_send(*ch, *value),
            Op::Close(ch) => self.chan_close(*ch),
            Op::Select { cases, label } => self.select_stmt(cases, label),
            Op::Assign { lhs, rhs, define } => self.assign(*lhs, *rhs, *define),
            Op::Assign2 { lhs, rhs, .. } => self.assign2(lhs, rhs),
            Op::AssignOp { op, lhs, rhs, .. } => self.assign_op(*op, *lhs, *rhs),
            Op::ExprStmt(x) => {
                self.eval_multi(*x);
            }
            Op::Block(stmts) => self.emit_stmts(stmts),
            Op::If { cond, then, els } => self.if_stmt(*cond, then, els),
            Op::For { cond, post, body, label } => self.for_stmt(*cond, *post, body, label),
            Op::Range { key, value, x, body, label, .. } => self.range_stmt(id, *key, *value, *x, body, label),
            Op::Switch { tag, cases, label } => self.switch_stmt(*tag, cases, label),
            // A blank label is no jump target (Go allows several).
            Op::Label(name) if name == "_" => {}
            Op::Label(name) => {
                let block = self.label_block(name);
                self.b.ins().jump(block, &[]);
                self.b.switch_to_block(block);
            }
            Op::Branch { op, label } => self.branch(*op, label.as_deref()),
            Op::Return(values) => self.return_stmt(values),
            Op::Panic(x) => {
                let value = self.eval(*x);
                self.panic_now(Rt::GoPanic, &[value.part(0), value.part(1)]);
            }
            Op::Print { args, newline } => self.print(args, *newline),
            Op::Delete(m, key) => self.map_delete(*m, *key),
            _ => {
                self.eval_multi(id);
            }
        }
    }

    fn label_block(&mut self, name: &str) -> Block {
        if let Some(block) = self.labels.get(name) {
            return *block;
        }
        let block = self.b.create_block();
        self.labels.insert(name.to_string(), block);
        block
    }

    fn assign(&mut self, lhs: NodeId, rhs: Option<NodeId>, define: bool) {
        let ty = self.func.node(lhs).ty;
        // `x = T{}` zeroes x, as gc's walk makes it.
        let rhs = rhs.filter(|rhs| !self.is_zero_literal(*rhs));
        // A store of a pointer has gc's write barrier, which moves it away
        // from the nil check: that check is explicit, made as it stores,
        // unless the slice is appended to or resliced in place.
        let place = match rhs {
            Some(rhs) if first_store_has_write_barrier(self.types, ty) && !self.in_place(lhs, rhs) => self.target_place(lhs),
            Some(_) => self.accessed_place(lhs, ty),
            None => self.place(lhs),
        };
        match rhs {
            None => match place {
                Place::Blank => {}
                // Zeroed where it is, without a zero temporary of its size
                // (with gc's write barrier if it has pointers).
                // A zero-size value shares its address with what follows it.
                Place::Addr(_) if self.types.size(ty) == 0 => {}
                Place::Addr(addr) => {
                    let (size, align) = super::layout::mem_size_align(self.types, ty);
                    if self.types.has_pointers(ty) && !self.is_stack_addr(addr) {
                        self.with_check_barrier(|fx| fx.zero_mem(addr, size, align));
                    } else {
                        self.zero_mem(addr, size, align);
                    }
                }
                Place::Vars(_) | Place::MapEntry { .. } | Place::Faulting { .. } | Place::Checked { .. } => {
                    let zero = self.zero_val(ty);
                    self.write_place(&place, ty, &zero);
                }
            },
            Some(rhs) => {
                let value = self.eval_multi(rhs);
                if let Some(value) = value.first() {
                    // gc's ssagen knows these copies cannot overlap their
                    // target: a definition, a name to a name, a call's result.
                    let named = |id: NodeId| matches!(self.func.node(id).op, Op::Local(_) | Op::Global(_) | Op::InlinedCall { .. });
                    let call = matches!(self.func.node(rhs).op, Op::Call { .. });
                    self.copies_cannot_overlap = define || call || (named(lhs) && named(rhs));
                    self.write_place(&place, ty, value);
                    self.copies_cannot_overlap = false;
                }
            }
        }
    }

    fn assign2(&mut self, lhs: &[Option<NodeId>], rhs: &[NodeId]) {
        let places: Vec<Option<Place>> = lhs.iter().map(|l| l.map(|l| self.target_place(l))).collect();
        if rhs.len() == lhs.len() {
            // gc's ascompatee: each pair in turn, the value evaluated (and
            // checked) just before its target is, but for the values an
            // earlier pair may change, evaluated first.
            let early = self.func.copied_early(self.types, lhs, rhs);
            let mut values: Vec<Option<Val>> = rhs.iter().zip(&early).map(|(r, early)| early.then(|| self.eval_owned(*r))).collect();
            for (k, (place, target)) in places.iter().zip(lhs).enumerate() {
                let value = values[k].take().unwrap_or_else(|| self.eval_owned(rhs[k]));
                if let (Some(place), Some(target)) = (place, target) {
                    self.write_place(place, self.func.node(*target).ty, &value);
                }
            }
            return;
        }
        let values = self.eval_multi(rhs[0]);
        // The results of a comma-ok assertion have their own types; a
        // target of interface type gets them boxed.
        let result_types = match (rhs, lhs.len()) {
            ([only], n) if n > 1 => match self.types.kind(self.func.node(*only).ty) {
                TypeKind::Tuple(types) => types.clone(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        self.assign_results(&places, lhs, values, &result_types);
    }

    /// Writes `values` to the `places` of targets `lhs` (None: blank); a
    /// value whose type in `result_types` (a comma-ok form's) is concrete is
    /// boxed for a target of interface type.
    pub(super) fn assign_results(&mut self, places: &[Option<Place>], lhs: &[Option<NodeId>], values: Vec<Val>, result_types: &[TypeId]) {
        for (i, ((place, target), value)) in places.iter().zip(lhs).zip(values).enumerate() {
            if let (Some(place), Some(target)) = (place, target) {
                let ty = self.func.node(*target).ty;
                let value = match result_types.get(i) {
                    Some(&from) if from != ty && self.types.is_interface(ty) && !self.types.is_interface(from) => {
                        self.box_value(from, value)
                    }
                    _ => value,
                };
                self.write_place(place, ty, &value);
            }
        }
    }

    /// Whether `id` is `T{}` of a struct or array type (not of a slice,
    /// which is not nil).
    fn is_zero_literal(&self, id: NodeId) -> bool {
        let node = self.func.node(id);
        matches!(&node.op, Op::CompositeLit(elems) if elems.is_empty())
            && node.init.is_empty()
            && matches!(self.types.under(node.ty), TypeKind::Struct(_) | TypeKind::Array(..))
    }

    /// Whether `lhs = rhs` is `x = append(x, ...)` or `x = x[:n]`, which gc
    /// compiles in place: x's length is stored, and its pointer only when
    /// the append grows it.
    fn in_place(&self, lhs: NodeId, rhs: NodeId) -> bool {
        match &self.func.node(rhs).op {
            Op::Append { args, .. } => self.func.same_place(lhs, args[0]),
            Op::Slice { x, lo, .. } => lo.is_none_or(|lo| self.const_index(lo) == Some(0)) && self.func.same_place(lhs, *x),
            _ => false,
        }
    }

    fn assign_op(&mut self, op: BinOp, lhs: NodeId, rhs: NodeId) {
        let ty = self.func.node(lhs).ty;
        let place = self.accessed_place(lhs, ty);
        if let Place::MapEntry { id, map, key } = place {
            // gc's walk: the right side, then one mapassign for the entry's
            // address; a division reads the entry first, so that dividing
            // by zero panics before the entry exists.
            if !matches!(op, BinOp::Div | BinOp::Mod) {
                let other = self.eval_owned(rhs);
                let slot = self.map_assign(id, 0, map, key);
                let current = self.load_val(ty, slot, 0);
                let result = self.binary_values(op, ty, current, other, rhs);
                self.store_val(ty, slot, 0, &result);
                return;
            }
        }
        let current = self.read_place(&place, ty);
        let other = self.eval(rhs);
        let result = self.binary_values(op, ty, current, other, rhs);
        self.write_place(&place, ty, &result);
    }

    /// `current op other` for `x op= y` (`other` is y's value).
    fn binary_values(&mut self, op: BinOp, ty: TypeId, current: Val, other: Val, rhs: NodeId) -> Val {
        if is_string(self.types, ty) {
            let no_buffer = self.iconst(0);
            return self.concat_values(no_buffer, &[current, other]);
        }
        if self.is_complex(ty) {
            return self.complex_arith(op, ty, &current, &other);
        }
        let count_ty = self.func.node(rhs).ty;
        Val::Parts(vec![self.arith(op, ty, current.scalar(), other.scalar(), count_ty)])
    }

    /// An `if` on a constant (`constbranch`) is only its branch taken, as
    /// gc's SSA has it.
    fn if_stmt(&mut self, cond: NodeId, then: &[NodeId], els: &[NodeId]) {
        if let Op::Const { value: ir::ConstValue::Bool(truth), .. } = self.func.node(cond).op {
            self.emit_stmts(if truth { then } else { els });
            return;
        }
        let cond = self.eval_root(cond).scalar();
        let then_block = self.b.create_block();
        let else_block = self.b.create_block();
        let merge = self.b.create_block();
        self.b.ins().brif(cond, then_block, &[], else_block, &[]);
        self.b.switch_to_block(then_block);
        self.emit_stmts(then);
        self.b.ins().jump(merge, &[]);
        self.b.switch_to_block(else_block);
        self.emit_stmts(els);
        self.b.ins().jump(merge, &[]);
        self.b.switch_to_block(merge);
    }

    /// The condition is tested before the loop and again at the bottom, after
    /// the post statement (gc's looprotate), so that an iteration takes one
    /// branch rather than a branch and a jump back to the test.
    fn for_stmt(&mut self, cond: Option<NodeId>, post: Option<NodeId>, body: &[NodeId], label: &Option<String>) {
        let body_block = self.b.create_block();
        let post_block = self.b.create_block();
        let exit = self.b.create_block();
        self.loop_test(cond, body_block, exit);
        self.b.switch_to_block(body_block);
        self.loop_body(body, label, exit, post_block);
        self.b.switch_to_block(post_block);
        if let Some(post) = post {
            self.emit_stmt(post);
        }
        if let Some(cond) = cond {
            self.forget_emitted(cond);
        }
        self.loop_test(cond, body_block, exit);
        self.b.switch_to_block(exit);
    }

    /// Branches to `body` while `cond` holds (always without one), else to `exit`.
    fn loop_test(&mut self, cond: Option<NodeId>, body: Block, exit: Block) {
        match cond {
            Some(cond) => {
                let c = self.eval_root(cond).scalar();
                self.b.ins().brif(c, body, &[], exit, &[]);
            }
            None => {
                self.b.ins().jump(body, &[]);
            }
        }
    }

    /// Lets `id` be emitted a second time: the init statements under it run
    /// again, and the labels of inlined bodies under it get new blocks (only
    /// code under `id` jumps to them).
    fn forget_emitted(&mut self, id: NodeId) {
        self.inits_done.remove(&id);
        if let Op::Label(name) = &self.func.node(id).op {
            self.labels.remove(name);
        }
        for child in self.func.node(id).children() {
            self.forget_emitted(child);
        }
    }

    /// Emits a loop body with its break/continue targets, ending in a jump to `continue_block`.
    fn loop_body(&mut self, body: &[NodeId], label: &Option<String>, exit: Block, continue_block: Block) {
        self.breakables.push(Breakable { label: label.clone(), break_block: exit, continue_block: Some(continue_block) });
        self.emit_stmts(body);
        self.breakables.pop();
        self.b.ins().jump(continue_block, &[]);
    }

    fn range_stmt(&mut self, id: NodeId, key: Option<NodeId>, value: Option<NodeId>, x: NodeId, body: &[NodeId], label: &Option<String>) {
        // The key and value of `:=` are declared once per loop (Go 1.19) by
        // the Decls in the node's init list.
        self.hoist_calls(x);
        if matches!(self.types.under(self.func.node(x).ty), TypeKind::Map(..)) {
            self.range_map(id, key, value, x, body, label);
        } else if matches!(self.types.under(self.func.node(x).ty), TypeKind::Chan(..)) {
            self.range_chan(key, x, body, label);
        } else if is_string(self.types, self.func.node(x).ty) {
            self.range_string(key, value, x, body, label);
        } else {
            self.range_indexed(id, key, value, x, body, label);
        }
    }

    /// `range` over a slice, array or pointer to array: the operand and its
    /// length are evaluated once (not at all for an array without a value variable).
    fn range_indexed(
        &mut self,
        id: NodeId,
        key: Option<NodeId>,
        value: Option<NodeId>,
        x: NodeId,
        body: &[NodeId],
        label: &Option<String>,
    ) {
        let x_ty = self.func.node(x).ty;
        let Some(elem) = elem_type(self.types, x_ty) else {
            self.unsupported("range over this type");
            return;
        };
        // `for i, _ := range p` reads no element: a nil *[N]T is fine.
        let has_value = value.is_some_and(|v| !matches!(self.func.node(v).op, Op::Blank));
        let (base, len) = match (self.types.under(x_ty), array_len(self.types, x_ty)) {
            (TypeKind::Slice(_), _) => {
                let s = self.eval(x);
                (Some(s.part(0)), s.part(1))
            }
            (TypeKind::Pointer(_), Some(n)) => {
                let ptr = self.eval(x).scalar();
                // gc checks the pointer where the statement's `range` is.
                if has_value && n > 0 && !self.func.node(id).bounded {
                    self.nil_check(id, ptr);
                }
                (Some(ptr), self.iconst(n as i64))
            }
            (_, Some(n)) if has_value => {
                let array = self.eval_owned(x);
                (Some(array.addr()), self.iconst(n as i64))
            }
            (_, n) => (None, self.iconst(n.unwrap_or(0) as i64)),
        };
        let index = self.b.declare_var(types::I64);
        let zero = self.iconst(0);
        self.b.def_var(index, zero);
        let body_block = self.b.create_block();
        let next = self.b.create_block();
        let exit = self.b.create_block();
        // Tested before the loop and at the bottom, as in for_stmt.
        let more = self.b.ins().icmp(IntCC::SignedLessThan, zero, len);
        self.b.ins().brif(more, body_block, &[], exit, &[]);
        self.b.switch_to_block(body_block);
        let i = self.b.use_var(index);
        let mut vars = Vec::new();
        if let Some(key) = key {
            vars.push((key, Val::Parts(vec![i])));
        }
        if let (Some(value), Some(base), true) = (value, base, has_value) {
            let offset = self.b.ins().imul_imm_s(i, self.types.size(elem) as i64);
            let addr = self.b.ins().iadd(base, offset);
            let element = self.load_val(elem, addr, 0);
            vars.push((value, element));
        }
        self.assign_iteration_vars(vars);
        self.loop_body(body, label, exit, next);
        self.b.switch_to_block(next);
        let i = self.b.use_var(index);
        let i = self.b.ins().iadd_imm_s(i, 1);
        self.b.def_var(index, i);
        let more = self.b.ins().icmp(IntCC::SignedLessThan, i, len);
        self.b.ins().brif(more, body_block, &[], exit, &[]);
        self.b.switch_to_block(exit);
    }

    /// `range` over a string: byte index and decoded rune (ASCII inline,
    /// other encodings through `minigo_decoderune`).
    fn range_string(&mut self, key: Option<NodeId>, value: Option<NodeId>, x: NodeId, body: &[NodeId], label: &Option<String>) {
        let s = self.eval(x);
        let (ptr, len) = (s.part(0), s.part(1));
        let index = self.b.declare_var(types::I64);
        let next_index = self.b.declare_var(types::I64);
        let rune = self.b.declare_var(types::I32);
        let zero = self.iconst(0);
        self.b.def_var(index, zero);
        let header = self.b.create_block();
        let decode = self.b.create_block();
        let ascii = self.b.create_block();
        let multibyte = self.b.create_block();
        let body_block = self.b.create_block();
        let next = self.b.create_block();
        let exit = self.b.create_block();
        self.b.ins().jump(header, &[]);
        self.b.switch_to_block(header);
        let i = self.b.use_var(index);
        let more = self.b.ins().icmp(IntCC::SignedLessThan, i, len);
        self.b.ins().brif(more, decode, &[], exit, &[]);

        self.b.switch_to_block(decode);
        let addr = self.b.ins().iadd(ptr, i);
        let byte = self.b.ins().load(types::I8, flags(), addr, 0);
        let is_ascii = self.b.ins().icmp_imm_u(IntCC::UnsignedLessThan, byte, 0x80);
        self.b.ins().brif(is_ascii, ascii, &[], multibyte, &[]);

        self.b.switch_to_block(ascii);
        let r = self.b.ins().uextend(types::I32, byte);
        self.b.def_var(rune, r);
        let n = self.b.ins().iadd_imm_s(i, 1);
        self.b.def_var(next_index, n);
        self.b.ins().jump(body_block, &[]);

        self.b.switch_to_block(multibyte);
        let decoded = self.call_with_out(Rt::DecodeRune, &[ptr, len, i], 2);
        let r = self.b.ins().ireduce(types::I32, decoded.part(0));
        self.b.def_var(rune, r);
        self.b.def_var(next_index, decoded.part(1));
        self.b.ins().jump(body_block, &[]);

        self.b.switch_to_block(body_block);
        let mut vars = Vec::new();
        if let Some(key) = key {
            vars.push((key, Val::Parts(vec![i])));
        }
        if let Some(value) = value {
            let r = self.b.use_var(rune);
            vars.push((value, Val::Parts(vec![r])));
        }
        self.assign_iteration_vars(vars);
        self.loop_body(body, label, exit, next);
        self.b.switch_to_block(next);
        let n = self.b.use_var(next_index);
        self.b.def_var(index, n);
        self.b.ins().jump(header, &[]);
        self.b.switch_to_block(exit);
    }

    /// Stores a computed value into the location `target` denotes.
    pub(super) fn assign_value(&mut self, target: NodeId, value: Val) {
        self.assign_iteration_vars(vec![(target, value)]);
    }

    /// A range loop's `k, v = key, value`: one parallel assignment (gc's
    /// walk of range), so every target's place is found before any is
    /// written (`for i, x[i] = range y` indexes x with the old i).
    pub(super) fn assign_iteration_vars(&mut self, vars: Vec<(NodeId, Val)>) {
        let places: Vec<Place> = vars.iter().map(|(target, _)| self.place(*target)).collect();
        for ((target, value), place) in vars.into_iter().zip(places) {
            let ty = self.func.node(target).ty;
            self.write_place(&place, ty, &value);
        }
    }

    /// `switch`: the tag is evaluated once and compared with each case value
    /// in source order; no match runs `default` wherever it appears.
    fn switch_stmt(&mut self, tag: Option<NodeId>, cases: &[Case], label: &Option<String>) {
        if let Some(Op::TypeSwitchGuard { x, .. }) = tag.map(|t| &self.func.node(t).op) {
            return self.type_switch(*x, cases, label);
        }
        let tag_is_nil = tag.is_some_and(|t| self.is_nil(t));
        let tag = tag.map(|t| {
            self.hoist_calls(t);
            (self.eval_owned(t), self.func.node(t).ty)
        });
        let exit = self.b.create_block();
        let bodies: Vec<Block> = cases.iter().map(|_| self.b.create_block()).collect();
        self.case_tests(cases, &bodies, exit, |this, value| match &tag {
            Some((tag_value, tag_ty)) => {
                let v = this.eval(value);
                let with_nil = tag_is_nil || this.is_nil(value);
                this.compare_operands(BinOp::Eq, *tag_ty, tag_value, &v, with_nil)
            }
            None => this.eval(value).scalar(),
        });
        self.breakables.push(Breakable { label: label.clone(), break_block: exit, continue_block: None });
        for (i, case) in cases.iter().enumerate() {
            self.b.switch_to_block(bodies[i]);
            let next_body = bodies.get(i + 1).copied();
            let saved = std::mem::replace(&mut self.fallthrough_target, next_body);
            self.emit_stmts(&case.body);
            self.fallthrough_target = saved;
            let target = match (case.fallthrough, next_body) {
                (true, Some(next)) => next,
                _ => exit,
            };
            self.b.ins().jump(target, &[]);
        }
        self.breakables.pop();
        self.b.switch_to_block(exit);
    }

    /// A switch's tests: each case value in order branches to its clause's
    /// body when `matches` says so; no match goes to `default`, wherever it
    /// is, or out.
    fn case_tests(&mut self, cases: &[Case], bodies: &[Block], exit: Block, mut matches: impl FnMut(&mut Self, NodeId) -> Value) {
        for (case, body) in cases.iter().zip(bodies) {
            for value in &case.values {
                let matched = matches(self, *value);
                let next_test = self.b.create_block();
                // A test between constants (a constant tag, or an inlined
                // call's constant argument) is decided here, as gc's opt
                // folds it before the nil-check and bounds passes: the
                // clauses it rules out are dead, and so are their checks.
                match self.constant_condition(matched) {
                    Some(true) => self.b.ins().jump(*body, &[]),
                    Some(false) => self.b.ins().jump(next_test, &[]),
                    None => self.b.ins().brif(matched, *body, &[], next_test, &[]),
                };
                self.b.switch_to_block(next_test);
            }
        }
        let default = cases.iter().position(|c| c.values.is_empty()).map(|i| bodies[i]).unwrap_or(exit);
        self.b.ins().jump(default, &[]);
    }

    /// A type switch on interface `x`: the first case listing x's dynamic
    /// type (nil for a nil x; an interface type when the dynamic type has
    /// its methods) runs, with its variable bound on entry.
    fn type_switch(&mut self, x: NodeId, cases: &[Case], label: &Option<String>) {
        self.hoist_calls(x);
        let x_ty = self.func.node(x).ty;
        let iface = self.eval_owned(x);
        let (word, data) = (iface.part(0), iface.part(1));
        let dynamic = self.dynamic_type(x_ty, word);
        let exit = self.b.create_block();
        let bodies: Vec<Block> = cases.iter().map(|_| self.b.create_block()).collect();
        self.case_tests(cases, &bodies, exit, |this, value| {
            let case_ty = this.func.node(value).ty;
            match this.func.node(value).op {
                Op::Nil => this.b.ins().icmp_imm_s(IntCC::Equal, dynamic, 0),
                _ if this.types.is_nonempty_interface(case_ty) => {
                    let tab = this.itab_for(case_ty, dynamic);
                    this.b.ins().icmp_imm_s(IntCC::NotEqual, tab, 0)
                }
                _ if this.types.is_interface(case_ty) => this.b.ins().icmp_imm_s(IntCC::NotEqual, dynamic, 0),
                _ => {
                    let descriptor = this.descriptor_addr(case_ty);
                    this.b.ins().icmp(IntCC::Equal, dynamic, descriptor)
                }
            }
        });
        self.breakables.push(Breakable { label: label.clone(), break_block: exit, continue_block: None });
        for (case, body) in cases.iter().zip(&bodies) {
            self.b.switch_to_block(*body);
            if let Some(var) = case.var {
                let value = match case.values.as_slice() {
                    [only] if matches!(self.func.node(*only).op, Op::Type) => {
                        let ty = self.func.node(*only).ty;
                        if self.types.is_nonempty_interface(ty) {
                            let tab = self.itab_for(ty, dynamic);
                            Val::Parts(vec![tab, data])
                        } else if self.types.is_interface(ty) {
                            Val::Parts(vec![dynamic, data])
                        } else {
                            self.unbox(ty, data)
                        }
                    }
                    _ => iface.clone(),
                };
                self.bind_incoming(var, value);
            }
            self.emit_stmts(&case.body);
            self.b.ins().jump(exit, &[]);
        }
        self.breakables.pop();
        self.b.switch_to_block(exit);
    }

    fn branch(&mut self, op: BranchOp, label: Option<&str>) {
        let matches = |b: &Breakable| label.is_none() || b.label.as_deref() == label;
        let target = match op {
            BranchOp::Break => self.breakables.iter().rev().find(|b| matches(b)).map(|b| b.break_block),
            BranchOp::Continue => {
                self.breakables.iter().rev().filter(|b| b.continue_block.is_some()).find(|b| matches(b)).and_then(|b| b.continue_block)
            }
            BranchOp::Goto => label.map(|l| self.label_block(l)),
            BranchOp::Fallthrough => self.fallthrough_target,
        };
        match target {
            Some(block) => self.jump(block),
            None => panic!("backend: {:?} {:?} without a target in {}", op, label, self.func.name),
        }
    }

    fn return_stmt(&mut self, values: &[NodeId]) {
        let results = match values {
            [] => self.current_results(),
            [only] if self.func.results.len() > 1 => self.eval_multi(*only),
            [only] => vec![self.eval(*only)],
            _ => values.iter().map(|v| self.eval_owned(*v)).collect(),
        };
        self.emit_return(results);
    }
}
