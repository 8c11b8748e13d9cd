//! Lowering from the typed AST to the IR: names resolved to locals, globals
//! and functions; implicit conversions (interface boxing, untyped constants)
//! made explicit; methods called in method-expression form with the receiver
//! as first argument (as gc's typecheck leaves them); variadic arguments packed
//! into a slice literal; closures split into their own functions with their
//! captured variables; package variables initialized by a synthetic `init`
//! function in Go's initialization order.

use std::collections::HashMap;

use frontend::ast::{self, AssignOp, BinaryOp, BranchKind, Expr, ExprKind, Stmt, StmtKind, UnaryOp};
use frontend::check::{Builtin, Checked, Mode, ObjId, ObjKind, Selection};
use frontend::types::INVALID;

use crate::ir::*;

/// Lowers a checked file. `file_display` is the file name as `go build` prints it.
pub fn lower(file: &ast::File, mut checked: Checked, file_display: &str) -> Package {
    let mut pkg = Package {
        name: file.package.name.clone(),
        file: file_display.to_string(),
        types: std::mem::take(&mut checked.types),
        funcs: Vec::new(),
        globals: Vec::new(),
        init: None,
        user_inits: Vec::new(),
        main: None,
    };
    let mut lowerer = Lowerer {
        checked: &checked,
        file,
        pkg: &mut pkg,
        globals: HashMap::new(),
        decl_funcs: HashMap::new(),
        method_wrappers: HashMap::new(),
        iface_method_wrappers: HashMap::new(),
        builders: Vec::new(),
    };
    lowerer.package();
    pkg
}

struct Lowerer<'a> {
    checked: &'a Checked,
    file: &'a ast::File,
    pkg: &'a mut Package,
    globals: HashMap<ObjId, GlobalId>,
    /// FuncId of each function declaration, by declaration index.
    decl_funcs: HashMap<u32, FuncId>,
    /// gc's wrapper for each method expression that needs one, by receiver
    /// type, method and embedded-field path: `(*T).M` of a value method,
    /// `T.M` and `(*T).M` of a promoted one.
    method_wrappers: HashMap<(TypeId, FuncId, Vec<u32>), FuncId>,
    /// The same for method expressions of interface methods: (receiver
    /// type, path to the interface, method index).
    iface_method_wrappers: HashMap<(TypeId, Vec<u32>, u32), FuncId>,
    /// The functions being lowered, innermost last (closures nest).
    builders: Vec<Builder>,
}

/// A function under construction.
struct Builder {
    id: FuncId,
    func: Func,
    vars: HashMap<ObjId, LocalId>,
    /// Closures created so far inside this function, and the prefix of
    /// their names (`f.func`, `glob..func`, `f.func1.`).
    n_closures: u32,
    closure_prefix: String,
}

impl<'a> Lowerer<'a> {
    fn types(&self) -> &TypeTable {
        &self.pkg.types
    }

    fn package(&mut self) {
        let file = self.file;
        // Globals first, so every function can refer to them.
        for decl in &file.decls {
            if let ast::Decl::Var(specs) = decl {
                for spec in specs {
                    for name in &spec.names {
                        let Some(&obj) = self.checked.defs.get(&name.pos) else { continue };
                        let ty = self.checked.objects[obj as usize].ty;
                        self.pkg.globals.push(Global { name: name.name.clone(), ty, pos: name.pos });
                        self.globals.insert(obj, GlobalId(self.pkg.globals.len() as u32 - 1));
                    }
                }
            }
        }
        // Reserve a FuncId per declaration so calls can refer to functions declared later.
        let mut n_inits = 0;
        for (di, decl) in file.decls.iter().enumerate() {
            let ast::Decl::Func(f) = decl else { continue };
            let Some(info) = &self.checked.funcs[di] else { continue };
            let name = match info.recv {
                Some((named, true)) => format!("(*{}).{}", self.types().display(named), f.name.name),
                Some((named, false)) => format!("{}.{}", self.types().display(named), f.name.name),
                None if f.name.name == "init" => {
                    n_inits += 1;
                    format!("init.{}", n_inits - 1)
                }
                None => f.name.name.clone(),
            };
            let pos = match &f.recv {
                Some(_) => self.recv_paren_pos(f),
                None => f.name.pos,
            };
            let sig = self.full_signature(info.sig, info.recv);
            let id = self.new_func(name, pos, sig, f.body.as_ref().map(|b| b.rbrace).unwrap_or(pos));
            let func = &mut self.pkg.funcs[id.0 as usize];
            func.method_of = info.recv;
            func.has_body = f.body.is_some();
            for p in &f.pragmas {
                match p.as_str() {
                    "go:noinline" => func.pragmas.noinline = true,
                    "go:nosplit" => func.pragmas.nosplit = true,
                    "go:noescape" => func.pragmas.noescape = true,
                    _ => {}
                }
            }
            self.decl_funcs.insert(di as u32, id);
            if info.recv.is_none() {
                if f.name.name == "main" {
                    self.pkg.main = Some(id);
                } else if f.name.name == "init" {
                    self.pkg.user_inits.push(id);
                }
            }
        }
        for (di, decl) in file.decls.iter().enumerate() {
            let ast::Decl::Func(f) = decl else { continue };
            let Some(&id) = self.decl_funcs.get(&(di as u32)) else { continue };
            self.func_decl(id, f);
        }
        self.package_init();
        self.number_package_literals();
        let mut wrappers: Vec<_> = std::mem::take(&mut self.method_wrappers).into_iter().collect();
        wrappers.sort_by_key(|(_, wrapper)| *wrapper);
        for ((rcvr, method, path), wrapper) in wrappers {
            self.pkg.funcs[wrapper.0 as usize] = self.pkg.method_wrapper(rcvr, method, &path);
        }
        let mut wrappers: Vec<_> = std::mem::take(&mut self.iface_method_wrappers).into_iter().collect();
        wrappers.sort_by_key(|(_, wrapper)| *wrapper);
        for ((rcvr, path, index), wrapper) in wrappers {
            self.pkg.funcs[wrapper.0 as usize] = self.pkg.iface_method_wrapper(rcvr, &path, index, None);
        }
    }

    /// gc's noder names the literals of package variable initializers
    /// (`glob..func1`, ...) in source order; they were lowered, and named,
    /// in initialization order. Renames them, and the literals inside them.
    fn number_package_literals(&mut self) {
        let mut literals: Vec<usize> = (0..self.pkg.funcs.len()).filter(|&i| self.pkg.funcs[i].package_literal).collect();
        literals.sort_by_key(|&i| self.pkg.funcs[i].pos);
        let renames: Vec<(usize, String, String)> =
            literals.iter().enumerate().map(|(n, &i)| (i, self.pkg.funcs[i].name.clone(), format!("glob..func{}", n + 1))).collect();
        let top_literal = |funcs: &[Func], mut i: usize| loop {
            if funcs[i].package_literal {
                return Some(i);
            }
            i = funcs[i].outer?.0 as usize;
        };
        for i in 0..self.pkg.funcs.len() {
            let Some(top) = top_literal(&self.pkg.funcs, i) else { continue };
            let (_, old, new) = renames.iter().find(|(l, _, _)| *l == top).expect("a package literal is renamed");
            let name = &self.pkg.funcs[i].name;
            self.pkg.funcs[i].name = format!("{}{}", new, &name[old.len()..]);
        }
    }

    /// The `(` of a method's receiver: gc reports methods there.
    fn recv_paren_pos(&self, f: &ast::FuncDecl) -> Pos {
        f.recv_pos.expect("method has a receiver list")
    }

    fn full_signature(&mut self, sig: TypeId, recv: Option<(TypeId, bool)>) -> TypeId {
        let Some((named, ptr)) = recv else { return sig };
        let mut s = self.types().signature(sig).cloned().expect("function has a signature");
        let recv_ty = if ptr { self.intern(TypeKind::Pointer(named)) } else { named };
        s.params.insert(0, recv_ty);
        self.intern(TypeKind::Func(s))
    }

    fn intern(&mut self, kind: TypeKind) -> TypeId {
        self.pkg.types.intern(kind)
    }

    fn push_builder(&mut self, id: FuncId, closure_prefix: String) {
        let func = std::mem::replace(&mut self.pkg.funcs[id.0 as usize], placeholder_func());
        self.builders.push(Builder { id, func, vars: HashMap::new(), n_closures: 0, closure_prefix });
    }

    fn new_func(&mut self, name: String, pos: Pos, sig: TypeId, end_pos: Pos) -> FuncId {
        self.pkg.funcs.push(Func::new(name, pos, sig, end_pos));
        FuncId(self.pkg.funcs.len() as u32 - 1)
    }

    fn func_decl(&mut self, id: FuncId, f: &ast::FuncDecl) {
        crate::compiling::at(f.name.pos);
        let prefix = format!("{}.func", self.pkg.funcs[id.0 as usize].name);
        self.push_builder(id, prefix);
        let sig = self.types().signature(self.builders.last().expect("builder").func.sig).cloned().expect("signature");
        let mut param_types = sig.params.iter();
        if let Some(recv) = &f.recv {
            let t = *param_types.next().expect("receiver type");
            self.param(recv.name.as_ref(), t, LocalClass::Param, 0, recv.ty.start());
        }
        self.params_and_results(&f.sig, param_types.copied().collect(), &sig.results);
        if let Some(body) = &f.body {
            let stmts = self.block(&body.stmts);
            self.b().func.body = stmts;
        }
        self.finish_builder();
    }

    fn params_and_results(&mut self, ft: &ast::FuncType, params: Vec<TypeId>, results: &[TypeId]) {
        for (i, (p, t)) in ft.params.iter().zip(params).enumerate() {
            self.param(p.name.as_ref(), t, LocalClass::Param, i, p.ty.start());
        }
        for (i, (p, t)) in ft.results.iter().zip(results.iter()).enumerate() {
            self.param(p.name.as_ref(), *t, LocalClass::Result, i, p.ty.start());
        }
    }

    fn param(&mut self, name: Option<&ast::Ident>, ty: TypeId, class: LocalClass, index: usize, fallback_pos: Pos) {
        let (text, pos) = match name {
            Some(n) if n.name != "_" => (n.name.clone(), n.pos),
            Some(n) => (if class == LocalClass::Result { format!("~r{}", index) } else { format!("~p{}", index) }, n.pos),
            None => (if class == LocalClass::Result { format!("~r{}", index) } else { format!("~p{}", index) }, fallback_pos),
        };
        let local = self.new_local(&text, ty, pos, class);
        if let Some(n) = name {
            if let Some(&obj) = self.checked.defs.get(&n.pos) {
                self.b().vars.insert(obj, local);
            }
        }
        match class {
            LocalClass::Result => self.b().func.results.push(local),
            _ => self.b().func.params.push(local),
        }
    }

    fn finish_builder(&mut self) {
        let mut b = self.builders.pop().expect("builder");
        // Deferred calls may run after a panic unwound the function: its
        // results must live in memory to be returned then.
        if b.func.nodes.iter().any(|n| matches!(n.op, Op::Defer(_))) {
            for r in b.func.results.clone() {
                b.func.locals[r.0 as usize].addr_taken = true;
            }
        }
        for local in &mut b.func.locals {
            local.on_heap = local.addr_taken || local.captured_by_ref;
        }
        self.pkg.funcs[b.id.0 as usize] = b.func;
    }

    fn b(&mut self) -> &mut Builder {
        self.builders.last_mut().expect("inside a function")
    }

    fn new_local(&mut self, name: &str, ty: TypeId, pos: Pos, class: LocalClass) -> LocalId {
        self.b().func.add_local(Local { has_defn: class == LocalClass::Auto, ..Local::new(name, ty, pos, class) })
    }

    /// A compiler temporary, named as gc names them: `.autotmp_N` with N the
    /// number of variables the function has declared so far (a captured
    /// variable is not one of them: gc keeps it in ClosureVars, not Dcl).
    fn new_temp(&mut self, ty: TypeId, pos: Pos) -> LocalId {
        let func = &self.b().func;
        let n = func.locals.len() - func.captures.len();
        self.new_local(&format!(".autotmp_{}", n), ty, pos, LocalClass::Auto)
    }

    fn node(&mut self, op: Op, pos: Pos, ty: TypeId) -> NodeId {
        self.b().func.add_node(Node::new(op, pos, ty))
    }

    /// A node the type checker inserted (gc's `Implicit`).
    fn implicit_node(&mut self, op: Op, pos: Pos, ty: TypeId) -> NodeId {
        let n = self.node(op, pos, ty);
        self.b().func.node_mut(n).implicit = true;
        n
    }

    fn stmt_node(&mut self, op: Op, pos: Pos) -> NodeId {
        self.node(op, pos, INVALID)
    }

    fn ty_of(&self, e: &Expr) -> TypeId {
        self.checked.exprs[e.id as usize].ty
    }

    /// The synthetic package initializer: package variables in Go's order.
    fn package_init(&mut self) {
        let has_inits = self.checked.init_order.iter().any(|(di, si)| match &self.file.decls[*di as usize] {
            ast::Decl::Var(specs) => !specs[*si as usize].values.is_empty(),
            _ => false,
        });
        if !has_inits {
            return;
        }
        let sig = self.intern(TypeKind::Func(Signature { params: vec![], results: vec![], variadic: false }));
        let id = self.new_func("init".to_string(), 0, sig, 0);
        self.pkg.init = Some(id);
        self.push_builder(id, "glob..func".to_string());
        let mut body = Vec::new();
        let file = self.file;
        for (di, si) in self.checked.init_order.clone() {
            let ast::Decl::Var(specs) = &file.decls[di as usize] else { continue };
            let spec = &specs[si as usize];
            if spec.values.is_empty() {
                continue;
            }
            let targets: Vec<Option<NodeId>> = spec
                .names
                .iter()
                .map(|n| {
                    let obj = *self.checked.defs.get(&n.pos)?;
                    let g = *self.globals.get(&obj)?;
                    let ty = self.checked.objects[obj as usize].ty;
                    if n.name == "_" {
                        return None;
                    }
                    Some(self.node(Op::Global(g), n.pos, ty))
                })
                .collect();
            if targets.len() == spec.values.len() {
                // gc's initialization order assigns the variables of a spec one by one.
                for (target, value) in targets.into_iter().zip(&spec.values) {
                    let conv_pos = self.noder_pos(std::slice::from_ref(value), spec.names[0].pos);
                    body.extend(self.assign_values(vec![target], std::slice::from_ref(value), spec.names[0].pos, conv_pos));
                }
            } else {
                let conv_pos = self.noder_pos(&spec.values, spec.names[0].pos);
                body.extend(self.assign_values(targets, &spec.values, spec.names[0].pos, conv_pos));
            }
        }
        self.b().func.body = body;
        self.finish_builder();
    }

    /// Where gc's noder leaves `base.Pos` after building `exprs`: it moves
    /// to every expression it builds, in pre-order, except constants, types,
    /// `_` and parentheses. Implicit interface conversions in assignments and
    /// of `panic`'s argument are positioned there.
    fn noder_pos(&self, exprs: &[Expr], start: Pos) -> Pos {
        exprs.iter().fold(start, |pos, e| self.built_pos(e, pos))
    }

    fn built_pos(&self, e: &Expr, pos: Pos) -> Pos {
        if let ExprKind::Paren(x) = &e.kind {
            return self.built_pos(x, pos);
        }
        let mode = self.checked.exprs.get(e.id as usize).map(|i| i.mode);
        if matches!(mode, Some(Mode::Constant | Mode::Type | Mode::Builtin(_) | Mode::Invalid) | None)
            || matches!(&e.kind, ExprKind::Ident(n) if n == "_")
        {
            return pos;
        }
        let children: Vec<&Expr> = match &e.kind {
            ExprKind::Selector(x, _) | ExprKind::Star(x) | ExprKind::Unary(_, x) | ExprKind::TypeAssert { x, .. } => vec![x],
            ExprKind::Index(x, i) | ExprKind::Binary(_, x, i) => vec![x, i],
            ExprKind::Slice { x, lo, hi, max } => std::iter::once(&**x).chain([lo, hi, max].into_iter().flatten().map(|b| &**b)).collect(),
            ExprKind::Call { func, args, .. } => std::iter::once(&**func).chain(args).collect(),
            ExprKind::CompositeLit { elems, .. } => elems.iter().flat_map(|el| el.key.iter().chain(std::iter::once(&el.value))).collect(),
            _ => Vec::new(),
        };
        let last = children.into_iter().fold(e.pos, |pos, c| self.built_pos(c, pos));
        // A function call is finished (`transformCall`) at its own position.
        match &e.kind {
            ExprKind::Call { func, .. }
                if matches!(self.checked.exprs.get(func.id as usize).map(|i| i.mode), Some(Mode::Value | Mode::Variable)) =>
            {
                e.pos
            }
            _ => last,
        }
    }

    /// A `var` spec's assignment with the declarations of its variables in
    /// front of its init, as for `:=`: it defines them (gc's `Defn`), so it
    /// does not count as a reassignment.
    fn defining(&mut self, decls: Vec<NodeId>, assign: Vec<NodeId>) -> Vec<NodeId> {
        let first = assign[0];
        let init = &mut self.b().func.node_mut(first).init;
        init.splice(0..0, decls);
        assign
    }

    /// Assignments of `values` to targets already built (a `var` spec).
    fn assign_values(&mut self, targets: Vec<Option<NodeId>>, values: &[Expr], pos: Pos, conv_pos: Pos) -> Vec<NodeId> {
        let types: Vec<Option<TypeId>> = targets.iter().map(|t| t.map(|t| self.b().func.node(t).ty)).collect();
        self.assign_values_to(&types, values, pos, conv_pos, move |_| targets)
    }

    /// Assignments of `values` to targets of types `target_types` (None:
    /// blank), as OAS or OAS2; the targets are built by `build_targets` after
    /// the values, as gc's noder builds them. Implicit interface conversions
    /// are positioned at `conv_pos`.
    fn assign_values_to(
        &mut self,
        target_types: &[Option<TypeId>],
        values: &[Expr],
        pos: Pos,
        conv_pos: Pos,
        build_targets: impl FnOnce(&mut Self) -> Vec<Option<NodeId>>,
    ) -> Vec<NodeId> {
        if target_types.len() == 1 && values.len() == 1 {
            let value = self.expr(&values[0]);
            let rhs = match target_types[0] {
                Some(t) => self.convert_node(value, t, conv_pos),
                None => value,
            };
            let targets = build_targets(self);
            let lhs = match targets[0] {
                Some(t) => t,
                None => self.node(Op::Blank, pos, INVALID),
            };
            return vec![self.stmt_node(Op::Assign { lhs, rhs: Some(rhs), define: false }, pos)];
        }
        if values.len() == 1 {
            let rhs = self.expr_multi(&values[0]);
            let rhs_ty = self.b().func.node(rhs).ty;
            let results = match self.types().kind(rhs_ty) {
                TypeKind::Tuple(types) => types.clone(),
                _ => Vec::new(),
            };
            let converts = target_types.iter().zip(&results).any(|(t, r)| t.is_some_and(|t| t != *r));
            let is_call = matches!(self.b().func.node(rhs).op, Op::Call { .. });
            let targets = build_targets(self);
            if !converts || !is_call {
                // Results of the targets' own types are assigned as they
                // come, and so are a comma-ok assertion's (one OAS2DOTTYPE in
                // gc): the backend converts them to the targets' types.
                return vec![self.stmt_node(Op::Assign2 { lhs: targets, rhs: vec![rhs], define: false }, pos)];
            }
            // A call's result assigned to a variable of another type (an
            // interface): as gc's typecheck rewrites it (RewriteMultiValueCall),
            // the results go to temporaries of their own types in the
            // statement's init, and the statement assigns them, converted
            // where building the statement left the noder's position.
            let mut init = Vec::new();
            let mut temps = Vec::new();
            for ty in &results {
                let temp = self.new_temp(*ty, pos);
                init.push(self.stmt_node(Op::Decl(temp), pos));
                temps.push((temp, *ty));
            }
            let temp_lhs = temps.iter().map(|&(temp, ty)| Some(self.node(Op::Local(temp), pos, ty))).collect();
            init.push(self.stmt_node(Op::Assign2 { lhs: temp_lhs, rhs: vec![rhs], define: false }, pos));
            let values = target_types
                .iter()
                .zip(temps)
                .map(|(target_ty, (temp, ty))| {
                    let value = self.node(Op::Local(temp), pos, ty);
                    match target_ty {
                        Some(t) => self.convert_node(value, *t, conv_pos),
                        None => value,
                    }
                })
                .collect();
            let assign = self.stmt_node(Op::Assign2 { lhs: targets, rhs: values, define: false }, pos);
            self.b().func.node_mut(assign).init = init;
            return vec![assign];
        }
        let mut rhs = Vec::new();
        for (target_ty, v) in target_types.iter().zip(values) {
            let value = self.expr(v);
            rhs.push(match target_ty {
                Some(tt) => self.convert_node(value, *tt, conv_pos),
                None => value,
            });
        }
        let targets = build_targets(self);
        vec![self.stmt_node(Op::Assign2 { lhs: targets, rhs, define: false }, pos)]
    }

    // ----- statements -----

    fn block(&mut self, stmts: &[Stmt]) -> Vec<NodeId> {
        let mut out = Vec::new();
        for s in stmts {
            self.stmt(s, &mut out);
        }
        out
    }

    fn stmt(&mut self, s: &Stmt, out: &mut Vec<NodeId>) {
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Const(specs) => {
                for spec in specs {
                    for name in &spec.names {
                        out.push(self.stmt_node(Op::DeclConst, name.pos));
                    }
                }
            }
            StmtKind::Type(_) => out.push(self.stmt_node(Op::DeclType, s.pos)),
            StmtKind::Var(specs) => {
                for spec in specs {
                    // gc declares and assigns name by name (`var a T; a = 1; var b T; b = 2`),
                    // except when one call yields all the values.
                    let per_name = spec.values.len() != 1 || spec.names.len() == 1;
                    let conv_pos = self.noder_pos(&spec.values, spec.names[0].pos);
                    let mut targets = Vec::new();
                    let mut decls = Vec::new();
                    for (i, name) in spec.names.iter().enumerate() {
                        let Some(&obj) = self.checked.defs.get(&name.pos) else { continue };
                        let ty = self.checked.objects[obj as usize].ty;
                        // gc declares a blank variable too (`var _ T; _ = v`), so the
                        // value is converted to T.
                        let local = self.new_local(&name.name, ty, name.pos, LocalClass::Auto);
                        let decl = self.stmt_node(Op::Decl(local), name.pos);
                        if name.name != "_" {
                            self.b().vars.insert(obj, local);
                        }
                        let target = self.node(Op::Local(local), name.pos, ty);
                        if !per_name {
                            decls.push(decl);
                            targets.push(Some(target));
                            continue;
                        }
                        match spec.values.get(i) {
                            None => {
                                out.push(decl);
                                out.push(self.stmt_node(Op::Assign { lhs: target, rhs: None, define: false }, name.pos));
                            }
                            Some(v) => {
                                let assign = self.assign_values(vec![Some(target)], std::slice::from_ref(v), name.pos, conv_pos);
                                out.extend(self.defining(vec![decl], assign));
                            }
                        }
                    }
                    if !per_name {
                        let pos = spec.names[0].pos;
                        let assign = self.assign_values(targets, &spec.values, pos, conv_pos);
                        out.extend(self.defining(decls, assign));
                    }
                }
            }
            StmtKind::Labeled(label, inner) => {
                out.push(self.stmt_node(Op::Label(label.name.clone()), label.pos));
                let before = out.len();
                self.stmt(inner, out);
                if let Some(&last) = out.get(before) {
                    match &mut self.b().func.node_mut(last).op {
                        Op::For { label: l, .. }
                        | Op::Range { label: l, .. }
                        | Op::Switch { label: l, .. }
                        | Op::Select { label: l, .. } => *l = Some(label.name.clone()),
                        _ => {}
                    }
                }
            }
            StmtKind::Expr(e) => out.push(self.expr_stmt(e)),
            StmtKind::Defer(call) => {
                let call = self.deferred_call(call);
                out.push(self.stmt_node(Op::Defer(call), s.pos));
            }
            StmtKind::Go(call) => {
                let call = self.deferred_call(call);
                out.push(self.stmt_node(Op::Go(call), s.pos));
            }
            StmtKind::Send(ch, value) => out.push(self.send(ch, value, s.pos)),
            StmtKind::Select { clauses, .. } => {
                let cases = clauses.iter().map(|clause| self.comm_case(clause)).collect();
                out.push(self.stmt_node(Op::Select { cases, label: None }, s.pos));
            }
            StmtKind::IncDec(x, inc) => {
                let lhs = self.expr(x);
                let ty = self.ty_of(x);
                let one = self.one_of_type(ty, s.pos);
                let op = if *inc { BinOp::Add } else { BinOp::Sub };
                self.mark_reassigned(x);
                out.push(self.stmt_node(Op::AssignOp { op, lhs, rhs: one, incdec: true }, s.pos));
            }
            StmtKind::Assign(lhs, op, rhs) => self.assign_stmt(s, lhs, *op, rhs, out),
            StmtKind::Return(results) => {
                let n = self.return_stmt(s, results);
                out.push(n);
            }
            StmtKind::Branch(kind, label) => {
                let op = match kind {
                    BranchKind::Break => BranchOp::Break,
                    BranchKind::Continue => BranchOp::Continue,
                    BranchKind::Goto => BranchOp::Goto,
                    BranchKind::Fallthrough => BranchOp::Fallthrough,
                };
                out.push(self.stmt_node(Op::Branch { op, label: label.as_ref().map(|l| l.name.clone()) }, s.pos));
            }
            // gc's noder splices a block's statements into the enclosing list.
            StmtKind::Block(b) => out.extend(self.block(&b.stmts)),
            StmtKind::If { init, cond, then, els } => {
                let mut init_nodes = Vec::new();
                if let Some(init) = init {
                    self.stmt(init, &mut init_nodes);
                }
                let c = self.expr(cond);
                let then_nodes = self.block(&then.stmts);
                let mut else_nodes = Vec::new();
                if let Some(els) = els {
                    match &els.kind {
                        StmtKind::Block(b) => else_nodes = self.block(&b.stmts),
                        _ => self.stmt(els, &mut else_nodes),
                    }
                }
                let n = self.stmt_node(Op::If { cond: c, then: then_nodes, els: else_nodes }, s.pos);
                self.b().func.node_mut(n).init = init_nodes;
                let else_span = els.as_ref().map(|e| (e.pos, stmt_end(e)));
                self.b().func.if_branch_spans.insert(n, [Some((then.lbrace, then.rbrace)), else_span]);
                out.push(n);
            }
            StmtKind::For { init, cond, post, body } => {
                let mut init_nodes = Vec::new();
                if let Some(init) = init {
                    self.stmt(init, &mut init_nodes);
                }
                let c = cond.as_ref().map(|c| self.expr(c));
                let p = post.as_ref().map(|p| {
                    let mut nodes = Vec::new();
                    self.stmt(p, &mut nodes);
                    if nodes.len() == 1 {
                        nodes[0]
                    } else {
                        self.stmt_node(Op::Block(nodes), p.pos)
                    }
                });
                let body_nodes = self.block(&body.stmts);
                let n = self.stmt_node(Op::For { cond: c, post: p, body: body_nodes, label: None }, s.pos);
                self.b().func.node_mut(n).init = init_nodes;
                out.push(n);
            }
            StmtKind::Range { key, value, define, x, body, range_pos } => {
                let xn = self.expr(x);
                let mut init_nodes = Vec::new();
                let mut target = |this: &mut Self, t: &Option<Expr>| -> Option<NodeId> {
                    let t = t.as_ref()?;
                    if matches!(&t.kind, ExprKind::Ident(n) if n == "_") {
                        return Some(this.node(Op::Blank, t.pos, INVALID));
                    }
                    if *define {
                        let ExprKind::Ident(name) = &t.kind else { return None };
                        let obj = *this.checked.defs.get(&t.pos)?;
                        let ty = this.checked.objects[obj as usize].ty;
                        let local = this.new_local(name, ty, t.pos, LocalClass::Auto);
                        this.b().vars.insert(obj, local);
                        init_nodes.push(this.stmt_node(Op::Decl(local), t.pos));
                        Some(this.node(Op::Local(local), t.pos, ty))
                    } else {
                        this.mark_reassigned(t);
                        Some(this.expr(t))
                    }
                };
                let k = target(self, key);
                let v = target(self, value);
                let body_nodes = self.block(&body.stmts);
                // gc positions a range statement at its `range` keyword.
                let n = self.stmt_node(Op::Range { key: k, value: v, x: xn, define: *define, body: body_nodes, label: None }, *range_pos);
                self.b().func.node_mut(n).init = init_nodes;
                out.push(n);
            }
            StmtKind::Switch { init, tag: Some(tag), bind, clauses, .. } if matches!(tag.kind, ExprKind::TypeAssert { ty: None, .. }) => {
                let mut init_nodes = Vec::new();
                if let Some(init) = init {
                    self.stmt(init, &mut init_nodes);
                }
                let n = self.type_switch(tag, bind.as_ref(), clauses, s.pos);
                self.b().func.node_mut(n).init = init_nodes;
                out.push(n);
            }
            StmtKind::Switch { init, tag, clauses, .. } => {
                let mut init_nodes = Vec::new();
                if let Some(init) = init {
                    self.stmt(init, &mut init_nodes);
                }
                let tag_node = tag.as_ref().map(|t| self.expr(t));
                let tag_ty = tag.as_ref().map(|t| self.ty_of(t));
                let mut cases = Vec::new();
                for clause in clauses {
                    let values = match &clause.exprs {
                        None => Vec::new(),
                        Some(vs) => vs
                            .iter()
                            .map(|v| match tag_ty {
                                Some(t) => self.expr_to(v, t),
                                None => self.expr(v),
                            })
                            .collect(),
                    };
                    let mut body_stmts: &[Stmt] = &clause.body;
                    let fallthrough = matches!(body_stmts.last().map(|s| &s.kind), Some(StmtKind::Branch(BranchKind::Fallthrough, _)));
                    if fallthrough {
                        body_stmts = &body_stmts[..body_stmts.len() - 1];
                    }
                    let body = self.block(body_stmts);
                    cases.push(Case { pos: clause.pos, values, body, fallthrough, var: None });
                }
                let n = self.stmt_node(Op::Switch { tag: tag_node, cases, label: None }, s.pos);
                self.b().func.node_mut(n).init = init_nodes;
                out.push(n);
            }
        }
    }

    /// A type switch: an OSWITCH whose tag is the OTYPESW of `x.(type)`,
    /// each case value the OTYPE of a listed type (or nil), each clause with
    /// its own variable when the guard declares one.
    fn type_switch(&mut self, tag: &Expr, bind: Option<&ast::Ident>, clauses: &[ast::CaseClause], pos: Pos) -> NodeId {
        let ExprKind::TypeAssert { x, .. } = &tag.kind else { unreachable!("a type switch guard") };
        let xn = self.expr(x);
        let bind = bind.filter(|b| b.name != "_");
        let guard = self.node(Op::TypeSwitchGuard { x: xn, bind: bind.is_some() }, tag.pos, INVALID);
        let mut cases = Vec::new();
        for clause in clauses {
            let values = clause
                .exprs
                .iter()
                .flatten()
                .map(|v| {
                    let info = &self.checked.exprs[v.id as usize];
                    let (op, ty) = if info.mode == Mode::Type { (Op::Type, info.ty) } else { (Op::Nil, info.ty) };
                    self.node(op, v.start(), ty)
                })
                .collect();
            let var = bind.and_then(|b| {
                let obj = *self.checked.implicits.get(&clause.pos)?;
                let ty = self.checked.objects[obj as usize].ty;
                // gc positions each clause's variable at the clause's colon.
                let local = self.new_local(&b.name, ty, clause.colon, LocalClass::Auto);
                self.b().vars.insert(obj, local);
                Some(local)
            });
            let body = self.block(&clause.body);
            cases.push(Case { pos: clause.pos, values, body, fallthrough: false, var });
        }
        self.stmt_node(Op::Switch { tag: Some(guard), cases, label: None }, pos)
    }

    fn one_of_type(&mut self, ty: TypeId, pos: Pos) -> NodeId {
        let value = if self.types().basic_of(ty).is_some_and(|b| b.is_float()) { ConstValue::from_f64(1.0) } else { ConstValue::int(1) };
        self.node(Op::Const { value, text: "1".to_string(), prec: 8 }, pos, ty)
    }

    /// The call of a defer statement: a call expression, or a builtin's
    /// statement (panic, print, delete) or expression (copy, recover).
    fn deferred_call(&mut self, e: &Expr) -> NodeId {
        let ExprKind::Call { func, .. } = &strip_parens(e).kind else { unreachable!("the checker rejects a defer of a non-call") };
        match self.checked.exprs[func.id as usize].mode {
            Mode::Builtin(Builtin::Panic | Builtin::Print | Builtin::Println | Builtin::Delete | Builtin::Close) => self.expr_stmt(e),
            _ => self.expr(e),
        }
    }

    /// OSEND: `ch <- value`, the value converted to the element type
    /// where building the two operands left the noder.
    fn send(&mut self, ch: &Expr, value: &Expr, pos: Pos) -> NodeId {
        let chn = self.expr(ch);
        let elem = self.types().chan(self.ty_of(ch)).map_or(INVALID, |(_, elem)| elem);
        let v = self.expr(value);
        let at = self.built_pos(value, self.built_pos(ch, pos));
        let value = self.convert_node(v, elem, at);
        self.stmt_node(Op::Send { ch: chn, value }, pos)
    }

    /// A select clause as gc's typecheck leaves it: a receive, with or
    /// without assignment, becomes OSELRECV2 (`v, ok = <-ch` with blanks,
    /// the declarations of `:=` in its init), an implicit conversion of the
    /// received value dropped (the assignment makes it again).
    fn comm_case(&mut self, clause: &ast::CommClause) -> CommCase {
        let comm = clause.comm.as_ref().map(|s| {
            let mut nodes = Vec::new();
            match &s.kind {
                StmtKind::Expr(e) => {
                    let recv = self.expr(e);
                    let recv = self.comma_ok_recv(recv);
                    nodes.push(self.stmt_node(Op::Assign2 { lhs: vec![None, None], rhs: vec![recv], define: false }, s.pos));
                }
                _ => self.stmt(s, &mut nodes),
            }
            let n = *nodes.last().expect("a select case's statement");
            if let Op::Assign { lhs, rhs: Some(rhs), define } = self.b().func.node(n).op.clone() {
                let lhs = if matches!(self.b().func.node(lhs).op, Op::Blank) { None } else { Some(lhs) };
                let mut recv = rhs;
                while let Op::Conv(_, x) = self.b().func.node(recv).op {
                    if !self.b().func.node(recv).implicit {
                        break;
                    }
                    recv = x;
                }
                let recv = self.comma_ok_recv(recv);
                self.b().func.node_mut(n).op = Op::Assign2 { lhs: vec![lhs, None], rhs: vec![recv], define };
            }
            n
        });
        let body = self.block(&clause.body);
        CommCase { pos: clause.pos, comm, body }
    }

    /// Makes receive node `recv` the comma-ok form, an (elem, bool) tuple.
    fn comma_ok_recv(&mut self, recv: NodeId) -> NodeId {
        let elem = self.b().func.node(recv).ty;
        if let Op::Recv { comma_ok, .. } = &mut self.b().func.node_mut(recv).op {
            if !*comma_ok {
                *comma_ok = true;
                let b = self.intern(TypeKind::Basic(Basic::Bool));
                let tuple = self.intern(TypeKind::Tuple(vec![elem, b]));
                self.b().func.node_mut(recv).ty = tuple;
            }
        }
        recv
    }

    fn expr_stmt(&mut self, e: &Expr) -> NodeId {
        let inner = strip_parens(e);
        if let ExprKind::Call { func, args, .. } = &inner.kind {
            if let Mode::Builtin(b) = self.checked.exprs[func.id as usize].mode {
                match b {
                    Builtin::Panic => {
                        let iface = self.intern(TypeKind::Interface(Vec::new()));
                        let value = self.expr(&args[0]);
                        let pos = self.noder_pos(&args[..1], inner.pos);
                        let arg = self.convert_node(value, iface, pos);
                        return self.stmt_node(Op::Panic(arg), inner.pos);
                    }
                    Builtin::Close => {
                        let ch = self.expr(&args[0]);
                        return self.stmt_node(Op::Close(ch), inner.pos);
                    }
                    Builtin::Delete => {
                        let m = self.expr(&args[0]);
                        let TypeKind::Map(key_ty, _) = self.types().under(self.ty_of(&args[0])).clone() else {
                            unreachable!("delete of a map")
                        };
                        let key = self.expr_to(&args[1], key_ty);
                        return self.stmt_node(Op::Delete(m, key), inner.pos);
                    }
                    Builtin::Print | Builtin::Println => {
                        let (init, nodes) = self.arguments(args, inner.pos);
                        let print = self.stmt_node(Op::Print { args: nodes, newline: b == Builtin::Println }, inner.pos);
                        self.b().func.node_mut(print).init = init;
                        return print;
                    }
                    _ => {}
                }
            }
        }
        let x = self.expr(e);
        self.stmt_node(Op::ExprStmt(x), e.start())
    }

    fn assign_stmt(&mut self, s: &Stmt, lhs: &[Expr], op: AssignOp, rhs: &[Expr], out: &mut Vec<NodeId>) {
        match op {
            AssignOp::Op(bop) => {
                // The noder builds the right side, then the left side.
                let lt = self.ty_of(&lhs[0]);
                let r = if matches!(bop, BinaryOp::Shl | BinaryOp::Shr) { self.expr(&rhs[0]) } else { self.expr_to(&rhs[0], lt) };
                let l = self.expr(&lhs[0]);
                self.mark_reassigned(&lhs[0]);
                out.push(self.stmt_node(Op::AssignOp { op: binop(bop), lhs: l, rhs: r, incdec: false }, s.pos));
            }
            AssignOp::Define => {
                // Right sides first (they see the outer variables), then the new names.
                let mut targets = Vec::new();
                let mut decls = Vec::new();
                let multi = lhs.len() != rhs.len();
                let mut values = Vec::new();
                if multi {
                    values.push(self.expr_multi(&rhs[0]));
                } else {
                    for (x, v) in lhs.iter().zip(rhs) {
                        let t = self.ty_of(x);
                        values.push(if t == INVALID { self.expr(v) } else { self.expr_to(v, t) });
                    }
                }
                for x in lhs {
                    let ExprKind::Ident(name) = &x.kind else { continue };
                    if name == "_" {
                        targets.push(None);
                        continue;
                    }
                    if let Some(&obj) = self.checked.uses.get(&x.id) {
                        // Redeclared in a multi-name `:=`: a plain assignment.
                        let n = self.var_node(obj, x.pos);
                        self.mark_reassigned(x);
                        targets.push(Some(n));
                        continue;
                    }
                    let Some(&obj) = self.checked.defs.get(&x.pos) else {
                        targets.push(None);
                        continue;
                    };
                    let ty = self.checked.objects[obj as usize].ty;
                    let local = self.new_local(name, ty, x.pos, LocalClass::Auto);
                    decls.push(self.stmt_node(Op::Decl(local), x.pos));
                    self.b().vars.insert(obj, local);
                    targets.push(Some(self.node(Op::Local(local), x.pos, ty)));
                }
                let n = if targets.len() == 1 && !multi {
                    let lhs_node = match targets[0] {
                        Some(t) => t,
                        None => self.node(Op::Blank, s.pos, INVALID),
                    };
                    self.stmt_node(Op::Assign { lhs: lhs_node, rhs: Some(values[0]), define: true }, s.pos)
                } else {
                    self.stmt_node(Op::Assign2 { lhs: targets, rhs: values, define: true }, s.pos)
                };
                self.b().func.node_mut(n).init = decls;
                out.push(n);
            }
            AssignOp::Assign => {
                let is_blank = |x: &Expr| matches!(&strip_parens(x).kind, ExprKind::Ident(n) if n == "_");
                let types: Vec<Option<TypeId>> = lhs.iter().map(|x| if is_blank(x) { None } else { Some(self.ty_of(x)) }).collect();
                // The noder builds the right sides, then the left sides.
                let conv_pos = self.noder_pos(lhs, self.noder_pos(rhs, s.pos));
                let build_targets = |this: &mut Self| {
                    lhs.iter()
                        .map(|x| {
                            if is_blank(x) {
                                return None;
                            }
                            this.mark_reassigned(x);
                            Some(this.expr(x))
                        })
                        .collect()
                };
                out.extend(self.assign_values_to(&types, rhs, s.pos, conv_pos, build_targets));
            }
        }
    }

    fn return_stmt(&mut self, s: &Stmt, results: &[Expr]) -> NodeId {
        let result_locals = self.b().func.results.clone();
        if results.len() == 1 && result_locals.len() > 1 {
            // `return f()` with several results: as gc's typecheck rewrites
            // it (RewriteMultiValueCall), `t1, t2 := f(); return t1, t2`.
            let conv_pos = self.noder_pos(results, s.pos);
            let (init, temps) = self.arguments(results, s.pos);
            let values = temps
                .into_iter()
                .zip(result_locals)
                .map(|(t, l)| {
                    let ty = self.b().func.local(l).ty;
                    self.convert_node(t, ty, conv_pos)
                })
                .collect();
            let ret = self.stmt_node(Op::Return(values), s.pos);
            self.b().func.node_mut(ret).init = init;
            return ret;
        }
        let values = results
            .iter()
            .zip(result_locals)
            .map(|(r, l)| {
                let ty = self.b().func.local(l).ty;
                self.expr_to(r, ty)
            })
            .collect();
        self.stmt_node(Op::Return(values), s.pos)
    }

    /// Records that the variable under an assignment target is assigned again.
    fn mark_reassigned(&mut self, target: &Expr) {
        if let ExprKind::Ident(_) = &strip_parens(target).kind {
            if let Some(&obj) = self.checked.uses.get(&strip_parens(target).id) {
                if let Some(local) = self.lookup_local(obj, strip_parens(target).pos) {
                    self.b().func.locals[local.0 as usize].reassigned = true;
                }
            }
        }
    }

    // ----- expressions -----

    /// Lowers an expression and converts it to `target` (interface boxing, nil typing).
    fn expr_to(&mut self, e: &Expr, target: TypeId) -> NodeId {
        let n = self.expr(e);
        self.convert_node(n, target, e.pos)
    }

    /// Where gc reports the implicit conversion of a call argument: the
    /// argument's own position when it has one of its own (gc's
    /// `HasUniquePos`: not a name, a named constant or nil), else the position
    /// the previous argument left, starting at the call's `(`.
    fn argument_pos(&self, arg: NodeId, current: Pos) -> Pos {
        let node = self.builders.last().expect("inside a function").func.node(arg);
        match &node.op {
            Op::Local(_) | Op::Global(_) | Op::Func(_) | Op::Nil => current,
            Op::Const { text, .. }
                if text.starts_with(|c: char| c.is_alphabetic() || c == '_')
                    && text.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.') =>
            {
                current
            }
            _ => node.pos,
        }
    }

    fn convert_node(&mut self, n: NodeId, target: TypeId, pos: Pos) -> NodeId {
        let node_ty = self.b().func.node(n).ty;
        if target == INVALID || node_ty == target {
            return n;
        }
        if matches!(self.b().func.node(n).op, Op::Nil) {
            self.b().func.node_mut(n).ty = target;
            return n;
        }
        // A bidirectional channel assigned to a directional channel type
        // is an implicit OCONVNOP in gc.
        let channels = self.types().chan(node_ty).is_some() && self.types().chan(target).is_some();
        match iface_conversion(self.types(), node_ty, target) {
            Some(kind) => self.implicit_node(Op::Conv(kind, n), pos, target),
            None if channels && !self.types().identical(node_ty, target) => self.implicit_node(Op::Conv(ConvKind::Nop, n), pos, target),
            None => n,
        }
    }

    /// `m[k]` (OINDEXMAP), the key converted to the key type; with
    /// `comma_ok` the (V, bool) of `v, ok := m[k]`.
    fn index_map(&mut self, e: &Expr, x: &Expr, i: &Expr, comma_ok: bool) -> NodeId {
        let m = self.expr(x);
        let TypeKind::Map(key_ty, value_ty) = self.types().under(self.ty_of(x)).clone() else { unreachable!("a map index") };
        // gc converts the key where building the map and the key left base.Pos.
        let key = self.expr(i);
        let at = self.built_pos(i, self.built_pos(x, e.pos));
        let key = self.convert_node(key, key_ty, at);
        let ty = if comma_ok {
            let b = self.intern(TypeKind::Basic(Basic::Bool));
            self.intern(TypeKind::Tuple(vec![value_ty, b]))
        } else {
            value_ty
        };
        self.node(Op::IndexMap { m, key, comma_ok }, e.pos, ty)
    }

    /// Lowers a call or comma-ok type assertion or map index that yields several values.
    fn expr_multi(&mut self, e: &Expr) -> NodeId {
        let inner = strip_parens(e);
        if let ExprKind::Index(x, i) = &inner.kind {
            if matches!(self.types().under(self.ty_of(x)), TypeKind::Map(..)) {
                return self.index_map(inner, x, i, true);
            }
        }
        if let ExprKind::Unary(UnaryOp::Recv, _) = &inner.kind {
            let recv = self.expr(e);
            return self.comma_ok_recv(recv);
        }
        if let ExprKind::TypeAssert { x, .. } = &inner.kind {
            let xn = self.expr(x);
            let t = self.ty_of(inner);
            let b = self.intern(TypeKind::Basic(Basic::Bool));
            let tuple = self.intern(TypeKind::Tuple(vec![t, b]));
            return self.node(Op::TypeAssert { x: xn, comma_ok: true }, inner.pos, tuple);
        }
        self.expr(e)
    }

    fn expr(&mut self, e: &Expr) -> NodeId {
        let info = self.checked.exprs[e.id as usize].clone();
        if info.mode == Mode::Constant {
            if let Some(v) = info.value.clone() {
                return self.constant(e, v, info.ty);
            }
        }
        let ty = info.ty;
        match &e.kind {
            ExprKind::Ident(name) => {
                let Some(&obj) = self.checked.uses.get(&e.id) else {
                    panic!("lowering: unresolved identifier {} at offset {}", name, e.pos)
                };
                match &self.checked.objects[obj as usize].kind {
                    ObjKind::Nil => self.node(Op::Nil, e.pos, ty),
                    ObjKind::Func(di) => {
                        let f = self.decl_funcs[di];
                        self.node(Op::Func(f), e.pos, ty)
                    }
                    _ => self.var_node(obj, e.pos),
                }
            }
            ExprKind::Paren(x) => self.expr(x),
            ExprKind::FuncLit { sig, body } => self.closure(e, sig, body),
            ExprKind::CompositeLit { elems, .. } => self.composite_lit(e, ty, elems),
            ExprKind::Selector(x, _) => self.selector(e, x),
            ExprKind::Index(x, i) if matches!(self.types().under(self.ty_of(x)), TypeKind::Map(..)) => self.index_map(e, x, i, false),
            ExprKind::Index(x, i) => {
                let mut xn = self.expr(x);
                let xt = self.ty_of(x);
                if let Some(elem) = self.types().pointer_elem(xt) {
                    // The noder's implicitstar, where building x and i left base.Pos.
                    let at = self.built_pos(i, self.built_pos(x, e.pos));
                    xn = self.implicit_node(Op::Deref(xn), at, elem);
                }
                let idx = self.expr(i);
                self.node(Op::Index(xn, idx), e.pos, ty)
            }
            ExprKind::Slice { x, lo, hi, max } => {
                let xt = self.ty_of(x);
                let mut xn = self.expr(x);
                if matches!(self.types().under(xt), TypeKind::Array(..)) {
                    self.mark_addr_taken(x);
                    let pt = self.intern(TypeKind::Pointer(xt));
                    // gc takes the array's address where the array is written.
                    xn = self.implicit_node(Op::Addr(xn), x.pos, pt);
                }
                let lo = lo.as_ref().map(|v| self.expr(v));
                let hi = hi.as_ref().map(|v| self.expr(v));
                let max = max.as_ref().map(|v| self.expr(v));
                self.node(Op::Slice { x: xn, lo, hi, max }, e.pos, ty)
            }
            ExprKind::TypeAssert { x, .. } => {
                let xn = self.expr(x);
                self.node(Op::TypeAssert { x: xn, comma_ok: false }, e.pos, ty)
            }
            ExprKind::Call { func, args, ellipsis, .. } => self.call(e, func, args, *ellipsis),
            ExprKind::Star(x) => {
                let xn = self.expr(x);
                self.node(Op::Deref(xn), e.pos, ty)
            }
            ExprKind::Unary(op, x) => match op {
                UnaryOp::Addr => {
                    self.mark_addr_taken(x);
                    let inner = strip_parens(x);
                    let xn = self.expr(inner);
                    self.node(Op::Addr(xn), e.pos, ty)
                }
                UnaryOp::Plus => {
                    let xn = self.expr(x);
                    self.node(Op::Unary(UnOp::Plus, xn), e.pos, ty)
                }
                UnaryOp::Neg => {
                    let xn = self.expr(x);
                    self.node(Op::Unary(UnOp::Neg, xn), e.pos, ty)
                }
                UnaryOp::Not => {
                    let xn = self.expr(x);
                    self.node(Op::Unary(UnOp::Not, xn), e.pos, ty)
                }
                UnaryOp::BitNot => {
                    let xn = self.expr(x);
                    self.node(Op::Unary(UnOp::BitNot, xn), e.pos, ty)
                }
                UnaryOp::Recv => {
                    let ch = self.expr(x);
                    self.node(Op::Recv { ch, comma_ok: false }, e.pos, ty)
                }
            },
            ExprKind::Binary(op, l, r) => self.binary(e, *op, l, r, ty),
            _ => panic!("lowering: unexpected expression kind at offset {}", e.pos),
        }
    }

    fn constant(&mut self, e: &Expr, v: ConstValue, ty: TypeId) -> NodeId {
        let ty = match self.types().basic_of(ty) {
            Some(Basic::UntypedRune) => self.types().rune_type(),
            Some(b) if b.is_untyped() => {
                let d = match b {
                    Basic::UntypedBool => Basic::Bool,
                    Basic::UntypedFloat => Basic::Float64,
                    Basic::UntypedComplex => Basic::Complex128,
                    Basic::UntypedString => Basic::String,
                    _ => Basic::Int,
                };
                self.intern(TypeKind::Basic(d))
            }
            _ => ty,
        };
        let value = match (self.types().basic_of(ty), v) {
            (Some(b), v @ (ConstValue::Int(_) | ConstValue::Float(_) | ConstValue::Complex(..))) if b.is_float() || b.is_complex() => {
                frontend::constant::represent(&v, b).unwrap_or(v)
            }
            (Some(b), v @ (ConstValue::Float(_) | ConstValue::Complex(..))) if b.is_integer() => {
                ConstValue::Int(frontend::constant::wrap(&v.as_big_int().unwrap_or_default(), b))
            }
            (Some(b), ConstValue::Int(i)) if b.is_integer() => ConstValue::Int(frontend::constant::wrap(&i, b)),
            (_, v) => v,
        };
        // gc's noder drops the parentheses around a constant expression.
        let source = strip_parens(e);
        let mut text = String::new();
        write_source(&mut text, source);
        let prec = match &source.kind {
            ExprKind::Binary(op, ..) => crate::printer::binop_precedence(binop(*op)),
            ExprKind::Unary(..) | ExprKind::Star(_) => 7,
            _ => 8,
        };
        self.node(Op::Const { value, text, prec }, e.pos, ty)
    }

    fn var_node(&mut self, obj: ObjId, pos: Pos) -> NodeId {
        let ty = self.checked.objects[obj as usize].ty;
        if let Some(g) = self.globals.get(&obj) {
            return self.node(Op::Global(*g), pos, ty);
        }
        let local = self
            .lookup_local(obj, pos)
            .unwrap_or_else(|| panic!("lowering: variable {} has no local", self.checked.objects[obj as usize].name));
        self.node(Op::Local(local), pos, ty)
    }

    /// Finds the local for a variable used at `pos`, capturing it from
    /// enclosing functions if needed.
    fn lookup_local(&mut self, obj: ObjId, pos: Pos) -> Option<LocalId> {
        self.lookup_local_at(obj, self.builders.len() - 1, pos)
    }

    /// A closure first using a variable of an enclosing function captures
    /// it there (gc's `CaptureName`); a closure between them captures it at
    /// the position of the literal nested in it (gc's `FinishCaptureNames`).
    fn lookup_local_at(&mut self, obj: ObjId, level: usize, use_pos: Pos) -> Option<LocalId> {
        if let Some(l) = self.builders[level].vars.get(&obj) {
            return Some(*l);
        }
        if level == 0 {
            return None;
        }
        let literal_pos = self.builders[level].func.pos;
        let outer = self.lookup_local_at(obj, level - 1, literal_pos)?;
        let outer_local = &mut self.builders[level - 1].func.locals[outer.0 as usize];
        outer_local.captured_by_ref = true;
        let (name, ty, pos) = (outer_local.name.clone(), outer_local.ty, outer_local.pos);
        let b = &mut self.builders[level];
        let inner = b.func.add_local(Local::new(name, ty, pos, LocalClass::Auto));
        b.func.captures.push(Capture { outer, inner, by_ref: true, pos: use_pos });
        b.vars.insert(obj, inner);
        Some(inner)
    }

    /// Marks the variable whose address an expression takes (through fields and array indexing).
    fn mark_addr_taken(&mut self, x: &Expr) {
        match &strip_parens(x).kind {
            ExprKind::Ident(_) => {
                if let Some(&obj) = self.checked.uses.get(&strip_parens(x).id) {
                    if !self.globals.contains_key(&obj) {
                        if let Some(local) = self.lookup_local(obj, strip_parens(x).pos) {
                            self.b().func.locals[local.0 as usize].addr_taken = true;
                            // A closure's `&v` takes the address of the
                            // function's own `v` too (gc's ComputeAddrtaken
                            // marks the variable a closure variable stands for).
                            let declaring = self.builders.iter_mut().find_map(|b| Some((b.vars.get(&obj).copied()?, b)));
                            if let Some((declared, builder)) = declaring {
                                builder.func.locals[declared.0 as usize].addr_taken = true;
                            }
                        }
                    }
                }
            }
            ExprKind::Selector(inner, _) => {
                let is_field = matches!(self.checked.selections.get(&strip_parens(x).id), Some(Selection::Field { .. }));
                let through_ptr = self.types().pointer_elem(self.ty_of(inner)).is_some();
                if is_field && !through_ptr {
                    self.mark_addr_taken(inner);
                }
            }
            ExprKind::Index(inner, _) => {
                if matches!(self.types().under(self.ty_of(inner)), TypeKind::Array(..)) {
                    self.mark_addr_taken(inner);
                }
            }
            _ => {}
        }
    }

    fn binary(&mut self, e: &Expr, op: BinaryOp, l: &Expr, r: &Expr, ty: TypeId) -> NodeId {
        let lt = self.ty_of(l);
        let rt = self.ty_of(r);
        if op == BinaryOp::Add && self.types().basic_of(ty).is_some_and(|b| b.is_string()) {
            // gc's OADDSTR: one node for the whole chain a + b + c.
            let mut operands = Vec::new();
            self.flatten_concat(e, &mut operands);
            return self.node(Op::AddStr(operands), e.pos, ty);
        }
        let (ln, rn) = if is_comparison(op) {
            // Mixed interface/concrete comparisons box the concrete side.
            let l_iface = self.types().is_interface(lt);
            let r_iface = self.types().is_interface(rt);
            let ln = self.expr(l);
            let rn = self.expr(r);
            let ln = if r_iface && !l_iface { self.convert_node(ln, rt, l.pos) } else { ln };
            let rn = if l_iface && !r_iface { self.convert_node(rn, lt, r.pos) } else { rn };
            (ln, rn)
        } else {
            (self.expr(l), self.expr(r))
        };
        let ty = if self.types().basic_of(ty) == Some(Basic::UntypedBool) { self.intern(TypeKind::Basic(Basic::Bool)) } else { ty };
        self.node(Op::Binary(binop(op), ln, rn), e.pos, ty)
    }

    fn flatten_concat(&mut self, e: &Expr, out: &mut Vec<NodeId>) {
        let info = &self.checked.exprs[e.id as usize];
        if info.mode != Mode::Constant {
            // Parentheses make no node in gc's IR: (a + b) + c is one
            // OADDSTR of three operands too.
            if let ExprKind::Binary(BinaryOp::Add, l, r) = &strip_parens(e).kind {
                self.flatten_concat(l, out);
                self.flatten_concat(r, out);
                return;
            }
        }
        out.push(self.expr(e));
    }

    fn selector(&mut self, e: &Expr, x: &Expr) -> NodeId {
        let ty = self.ty_of(e);
        match self.checked.selections.get(&e.id).cloned() {
            Some(Selection::Field { path }) => {
                let xn = self.expr(x);
                let xt = self.ty_of(x);
                self.field_path(xn, xt, &path, e.pos)
            }
            Some(Selection::Method { decl, path, pointer_recv, .. }) => {
                let recv = self.receiver(x, &path, pointer_recv, e.pos);
                let f = self.decl_funcs[&decl];
                self.node(Op::MethodValue { recv, method: f }, e.pos, ty)
            }
            Some(Selection::MethodExpr { decl, path, pointer_recv, .. }) => {
                let method = self.decl_funcs[&decl];
                // `(*T).M` of a value method, and `T.M` or `(*T).M` of a
                // promoted method, are gc's wrappers.
                let rcvr = self.types().signature(ty).map(|s| s.params[0]).expect("a method expression's receiver");
                let through_pointer = self.types().pointer_elem(rcvr).is_some();
                let f = if path.is_empty() && through_pointer == pointer_recv {
                    method
                } else {
                    // Reserved now, built once every method is lowered.
                    *self.method_wrappers.entry((rcvr, method, path)).or_insert_with(|| {
                        self.pkg.funcs.push(placeholder_func());
                        FuncId(self.pkg.funcs.len() as u32 - 1)
                    })
                };
                self.node(Op::Func(f), e.pos, ty)
            }
            Some(Selection::IfaceMethodExpr { path, index }) => {
                // gc's wrapper of the interface's method, reserved now.
                let rcvr = self.types().signature(ty).map(|s| s.params[0]).expect("a method expression's receiver");
                let f = *self.iface_method_wrappers.entry((rcvr, path, index)).or_insert_with(|| {
                    self.pkg.funcs.push(placeholder_func());
                    FuncId(self.pkg.funcs.len() as u32 - 1)
                });
                self.node(Op::Func(f), e.pos, ty)
            }
            Some(Selection::IfaceMethod { path, index }) => {
                let xn = self.expr(x);
                let xt = self.ty_of(x);
                let recv = self.field_path(xn, xt, &path, e.pos);
                self.node(Op::IfaceMethodValue { x: recv, method: index }, e.pos, ty)
            }
            None => panic!("lowering: selector without a selection at offset {}", e.pos),
        }
    }

    /// Follows a field path through embedded fields, dereferencing pointers on the way.
    fn field_path(&mut self, mut n: NodeId, mut t: TypeId, path: &[u32], pos: Pos) -> NodeId {
        for idx in path {
            let (base, through_ptr) = match self.types().pointer_elem(t) {
                Some(b) => (b, true),
                None => (t, false),
            };
            let field_ty = self.types().struct_fields(base).expect("field of a struct")[*idx as usize].ty;
            let op = if through_ptr { Op::FieldPtr(n, *idx) } else { Op::Field(n, *idx) };
            n = self.node(op, pos, field_ty);
            t = field_ty;
        }
        n
    }

    /// Whether the field selection `n` goes through a pointer.
    fn dereferences_on_the_way(&mut self, mut n: NodeId) -> bool {
        loop {
            match self.b().func.node(n).op {
                Op::Field(x, _) => n = x,
                Op::FieldPtr(..) => return true,
                _ => return false,
            }
        }
    }

    /// The receiver argument of a method call or value: through embedded
    /// fields, then `&x` or `*p` as the method's receiver kind needs.
    fn receiver(&mut self, x: &Expr, path: &[u32], pointer_recv: bool, pos: Pos) -> NodeId {
        let xt = self.ty_of(x);
        if pointer_recv && path.is_empty() && self.types().pointer_elem(xt).is_none() {
            self.mark_addr_taken(x);
        }
        let xn = self.expr(x);
        let n = self.field_path(xn, xt, path, pos);
        let nt = self.b().func.node(n).ty;
        let is_ptr = self.types().pointer_elem(nt).is_some();
        if pointer_recv && !is_ptr {
            // `&x.E`, unless a pointer on the way is dereferenced (`&(*x).E`).
            if !path.is_empty() && !self.dereferences_on_the_way(n) {
                self.mark_addr_taken(x);
            }
            let pt = self.intern(TypeKind::Pointer(nt));
            self.implicit_node(Op::Addr(n), pos, pt)
        } else if !pointer_recv && is_ptr {
            let elem = self.types().pointer_elem(nt).expect("pointer");
            self.implicit_node(Op::Deref(n), pos, elem)
        } else {
            n
        }
    }

    fn call(&mut self, e: &Expr, func: &Expr, args: &[Expr], ellipsis: bool) -> NodeId {
        let ty = self.ty_of(e);
        let finfo = self.checked.exprs[func.id as usize].clone();
        match finfo.mode {
            Mode::Type => return self.conversion(e, finfo.ty, &args[0]),
            Mode::Builtin(b) => return self.builtin(e, b, args, ellipsis),
            _ => {}
        }
        let fstripped = strip_parens(func);
        let (callee, mut arg_nodes) = match self.checked.selections.get(&fstripped.id).cloned() {
            Some(Selection::Method { decl, path, pointer_recv, .. }) => {
                let ExprKind::Selector(x, _) = &fstripped.kind else { unreachable!("a method selection is a selector") };
                let mut recv = self.receiver(x, &path, pointer_recv, fstripped.pos);
                if self.calls_or_receives(x) {
                    recv = self.callee_temp(recv, x.pos, e.pos);
                }
                let f = self.decl_funcs[&decl];
                let fty = self.pkg_func_sig(f);
                let callee = self.node(Op::Func(f), fstripped.pos, fty);
                (callee, vec![recv])
            }
            Some(Selection::IfaceMethod { path, index }) => {
                let ExprKind::Selector(x, _) = &fstripped.kind else { unreachable!("a method selection is a selector") };
                let xn = self.expr(x);
                let xt = self.ty_of(x);
                let mut recv = self.field_path(xn, xt, &path, fstripped.pos);
                if self.calls_or_receives(x) {
                    recv = self.callee_temp(recv, x.pos, e.pos);
                }
                let callee = self.node(Op::DotInter { x: recv, method: index }, fstripped.pos, finfo.ty);
                (callee, Vec::new())
            }
            _ if self.calls_or_receives(fstripped) => {
                let value = self.expr(fstripped);
                (self.callee_temp(value, fstripped.pos, e.pos), Vec::new())
            }
            _ => (self.expr(func), Vec::new()),
        };
        let sig = self.types().signature(finfo.ty).cloned().expect("callee has a signature");
        let ret_ty = if sig.results.len() > 1 { self.intern(TypeKind::Tuple(sig.results.clone())) } else { ty };
        let (init, values) = self.arguments(args, e.pos);
        let n_fixed = if sig.variadic { sig.params.len() - 1 } else { sig.params.len() };
        let mut conv_pos = e.pos;
        for (i, v) in values.iter().enumerate().take(n_fixed) {
            conv_pos = self.argument_pos(*v, conv_pos);
            let n = self.convert_node(*v, sig.params[i], conv_pos);
            arg_nodes.push(n);
        }
        if sig.variadic {
            let slice_ty = *sig.params.last().expect("variadic param");
            if ellipsis {
                let n = self.convert_node(values[n_fixed], slice_ty, e.pos);
                arg_nodes.push(n);
            } else if values.len() > n_fixed {
                let elem = match self.types().kind(slice_ty) {
                    TypeKind::Slice(el) => *el,
                    _ => INVALID,
                };
                let mut elems: Vec<(LitKey, NodeId)> = Vec::new();
                for (i, v) in values[n_fixed..].iter().enumerate() {
                    conv_pos = self.argument_pos(*v, conv_pos);
                    elems.push((LitKey::Index { index: i as u64, keyed: false }, self.convert_node(*v, elem, conv_pos)));
                }
                let lit = self.implicit_node(Op::CompositeLit(elems), e.pos, slice_ty);
                arg_nodes.push(lit);
            } else {
                let nil = self.implicit_node(Op::Nil, e.pos, slice_ty);
                arg_nodes.push(nil);
            }
        }
        let call = self.node(Op::Call { callee, args: arg_nodes, ddd: ellipsis }, e.pos, ret_ty);
        self.b().func.node_mut(call).init = init;
        call
    }

    /// The hint of `make(map[K]V, n)` or size of `make(chan T, n)`; without
    /// one, an implicit constant 0 (as gc's typecheck makes).
    fn size_or_zero(&mut self, size: Option<&Expr>, pos: Pos) -> NodeId {
        match size {
            Some(n) => self.expr(n),
            None => {
                let int = self.intern(TypeKind::Basic(Basic::Int));
                self.implicit_node(Op::Const { value: ConstValue::int(0), text: "0".to_string(), prec: 8 }, pos, int)
            }
        }
    }

    /// Calling a call's result, `f()(x)`: as gc's typecheck does, the callee is
    /// first stored in a temporary (`.autotmp_N := f()`, in the callee node's
    /// init, positioned at the outer call `call_pos` as gc positions it).
    /// gc's `RewriteNonNameCall`: a callee expression (a method call's
    /// receiver) that makes a call is evaluated into a temporary in the
    /// call's init, `t := f(); t(x)`, before the arguments.
    fn callee_temp(&mut self, value: NodeId, pos: Pos, call_pos: Pos) -> NodeId {
        let ty = self.b().func.node(value).ty;
        let temp = self.new_temp(ty, pos);
        let lhs = self.node(Op::Local(temp), pos, ty);
        let assign = self.stmt_node(Op::Assign { lhs, rhs: Some(value), define: true }, call_pos);
        let callee = self.node(Op::Local(temp), pos, ty);
        self.b().func.node_mut(callee).init = vec![assign];
        callee
    }

    /// Whether a (non-constant) expression makes a call or a channel
    /// operation outside function literals (gc's `callOrChan`; conversions,
    /// `new`, and `make`, already OMAKESLICE when gc asks, do not count).
    fn calls_or_receives(&self, e: &Expr) -> bool {
        let mode = self.checked.exprs.get(e.id as usize).map(|i| i.mode);
        if matches!(mode, Some(Mode::Constant | Mode::Type) | None) {
            return false;
        }
        match &e.kind {
            ExprKind::Call { func, args, .. } => {
                let calls = match self.checked.exprs.get(func.id as usize).map(|i| i.mode) {
                    Some(Mode::Type) => false,
                    Some(Mode::Builtin(b)) => !matches!(b, Builtin::New | Builtin::Make),
                    _ => true,
                };
                calls || self.calls_or_receives(func) || args.iter().any(|a| self.calls_or_receives(a))
            }
            ExprKind::Unary(UnaryOp::Recv, _) => true,
            ExprKind::Paren(x) | ExprKind::Selector(x, _) | ExprKind::Star(x) | ExprKind::Unary(_, x) | ExprKind::TypeAssert { x, .. } => {
                self.calls_or_receives(x)
            }
            ExprKind::Index(x, i) | ExprKind::Binary(_, x, i) => self.calls_or_receives(x) || self.calls_or_receives(i),
            ExprKind::Slice { x, lo, hi, max } => {
                self.calls_or_receives(x) || [lo, hi, max].into_iter().flatten().any(|b| self.calls_or_receives(b))
            }
            ExprKind::CompositeLit { elems, .. } => {
                elems.iter().any(|el| self.calls_or_receives(&el.value) || el.key.as_ref().is_some_and(|k| self.calls_or_receives(k)))
            }
            _ => false,
        }
    }

    /// A call's argument values. `f(g())` with a multi-value `g` becomes, as
    /// gc's typecheck rewrites it, `t1, t2 := g()` in the call's init list and
    /// the arguments `t1, t2`.
    fn arguments(&mut self, args: &[Expr], pos: Pos) -> (Vec<NodeId>, Vec<NodeId>) {
        let tuple = match args {
            [only] => match self.types().kind(self.ty_of(only)) {
                TypeKind::Tuple(types) => Some(types.clone()),
                _ => None,
            },
            _ => None,
        };
        let Some(types) = tuple else {
            return (Vec::new(), args.iter().map(|a| self.expr(a)).collect());
        };
        let call = self.expr(&args[0]);
        let mut decls = Vec::new();
        let mut lhs = Vec::new();
        let mut values = Vec::new();
        for ty in types {
            let temp = self.new_temp(ty, pos);
            decls.push(self.stmt_node(Op::Decl(temp), pos));
            lhs.push(Some(self.node(Op::Local(temp), pos, ty)));
            values.push(self.node(Op::Local(temp), pos, ty));
        }
        let assign = self.stmt_node(Op::Assign2 { lhs, rhs: vec![call], define: false }, pos);
        self.b().func.node_mut(assign).init = decls;
        (vec![assign], values)
    }

    fn pkg_func_sig(&self, f: FuncId) -> TypeId {
        if let Some(b) = self.builders.iter().find(|b| b.id == f) {
            return b.func.sig;
        }
        self.pkg.funcs[f.0 as usize].sig
    }

    fn conversion(&mut self, e: &Expr, target: TypeId, x: &Expr) -> NodeId {
        let xt = self.ty_of(x);
        let xn = self.expr(x);
        let t = self.types();
        let kind = if t.is_interface(target) {
            iface_conversion(t, xt, target).unwrap_or(ConvKind::Nop)
        } else {
            let tb = t.basic_of(target);
            let xb = t.basic_of(xt);
            let slice_elem = |ty: TypeId| match t.under(ty) {
                TypeKind::Slice(el) => t.basic_of(*el),
                _ => None,
            };
            match (tb, xb) {
                (Some(a), Some(b)) if a.is_string() && b.is_integer() => ConvKind::RuneToString,
                // A float converted to its own kind stays a conversion (gc's
                // tcConv makes it OCONV: it implies rounding), which the
                // inliner counts where an OCONVNOP is free.
                (Some(a), Some(b)) if (a.is_float() || a.is_complex()) && a == b => ConvKind::Numeric,
                (Some(a), Some(b)) if a.is_numeric() && b.is_numeric() => {
                    if a == b
                        || (a.size() == b.size()
                            && a.is_integer() == b.is_integer()
                            && a.is_unsigned() == b.is_unsigned()
                            && a.is_float() == b.is_float())
                    {
                        ConvKind::Nop
                    } else {
                        ConvKind::Numeric
                    }
                }
                (Some(a), None) if a.is_string() => {
                    if slice_elem(xt) == Some(Basic::Int32) {
                        ConvKind::RunesToString
                    } else {
                        ConvKind::BytesToString
                    }
                }
                (None, Some(b)) if b.is_string() => {
                    if slice_elem(target) == Some(Basic::Int32) {
                        ConvKind::StringToRunes
                    } else {
                        ConvKind::StringToBytes
                    }
                }
                (None, None) if matches!(t.under(xt), TypeKind::Slice(_)) && t.pointer_elem(target).is_some() => ConvKind::SliceToArrayPtr,
                _ => ConvKind::Nop,
            }
        };
        if matches!(self.b().func.node(xn).op, Op::Nil) {
            // gc keeps an explicit `T(nil)` as a conversion (printed `(*int)(nil)`).
            self.b().func.node_mut(xn).ty = target;
            return self.node(Op::Conv(ConvKind::Nop, xn), e.pos, target);
        }
        if matches!(kind, ConvKind::BytesToString | ConvKind::RunesToString) {
            // A slice of a named byte or rune type is first converted to
            // []byte or []rune, as gc's front end does (printed `string(([]byte)(y))`).
            let elem = match self.types().under(xt) {
                TypeKind::Slice(el) => Some(*el),
                _ => None,
            };
            let user_named = |t: &TypeTable, el: TypeId| matches!(t.kind(el), TypeKind::Named { decl_index, .. } if !frontend::types::is_predeclared(*decl_index));
            if elem.is_some_and(|el| user_named(self.types(), el)) {
                // Printed as gc does: []byte and []rune, not []uint8 and []int32.
                let plain = if kind == ConvKind::BytesToString { self.types().byte_type() } else { self.types().rune_type() };
                let slice = self.intern(TypeKind::Slice(plain));
                let inner = self.node(Op::Conv(ConvKind::Nop, xn), e.pos, slice);
                return self.node(Op::Conv(kind, inner), e.pos, target);
            }
        }
        if kind == ConvKind::StringToRunes {
            if let Op::Const { value: ConstValue::Str(bytes), .. } = &self.b().func.node(xn).op {
                // gc's typecheck turns []rune("const") into the literal []rune{...} (stringtoruneslit).
                let text = String::from_utf8_lossy(bytes).into_owned();
                let rune = match self.types().under(target) {
                    TypeKind::Slice(el) => *el,
                    _ => INVALID,
                };
                let elems: Vec<(LitKey, NodeId)> = text
                    .chars()
                    .enumerate()
                    .map(|(i, r)| {
                        (
                            LitKey::Index { index: i as u64, keyed: false },
                            self.node(Op::Const { value: ConstValue::int(r as u32), text: (r as u32).to_string(), prec: 8 }, e.pos, rune),
                        )
                    })
                    .collect();
                return self.node(Op::CompositeLit(elems), e.pos, target);
            }
        }
        self.node(Op::Conv(kind, xn), e.pos, target)
    }

    fn builtin(&mut self, e: &Expr, b: Builtin, args: &[Expr], ellipsis: bool) -> NodeId {
        let ty = self.ty_of(e);
        match b {
            Builtin::Len | Builtin::Cap => {
                let mut xn = self.expr(&args[0]);
                let xt = self.ty_of(&args[0]);
                if let Some(elem) = self.types().pointer_elem(xt) {
                    // The noder's implicitstar, where building the call left base.Pos.
                    let at = self.noder_pos(args, e.pos);
                    xn = self.implicit_node(Op::Deref(xn), at, elem);
                }
                let op = if b == Builtin::Len { Op::Len(xn) } else { Op::Cap(xn) };
                self.node(op, e.pos, ty)
            }
            Builtin::Append | Builtin::Complex if args.len() == 1 => {
                // `append(f())`, `complex(f())`: as gc's typecheck rewrites
                // it, `t1, t2 := f()` first, then the builtin of t1, t2.
                let (init, mut values) = self.arguments(args, e.pos);
                let n = if b == Builtin::Append {
                    let slice_ty = self.b().func.node(values[0]).ty;
                    let elem = match self.types().under(slice_ty) {
                        TypeKind::Slice(el) => *el,
                        _ => INVALID,
                    };
                    for v in &mut values[1..] {
                        *v = self.convert_node(*v, elem, e.pos);
                    }
                    self.node(Op::Append { args: values, ddd: false }, e.pos, ty)
                } else {
                    self.node(Op::Complex(values[0], values[1]), e.pos, ty)
                };
                self.b().func.node_mut(n).init = init;
                n
            }
            Builtin::Append => {
                let slice_ty = self.ty_of(&args[0]);
                let elem = match self.types().under(slice_ty) {
                    TypeKind::Slice(el) => *el,
                    _ => INVALID,
                };
                let mut nodes = vec![self.expr(&args[0])];
                for a in &args[1..] {
                    let n = if ellipsis { self.expr(a) } else { self.expr_to(a, elem) };
                    nodes.push(n);
                }
                self.node(Op::Append { args: nodes, ddd: ellipsis }, e.pos, ty)
            }
            Builtin::Copy => {
                let a = self.expr(&args[0]);
                let c = self.expr(&args[1]);
                self.node(Op::Copy(a, c), e.pos, ty)
            }
            Builtin::Complex => {
                let part = self.types().basic_of(ty).map_or(Basic::Float64, |b| b.complex_part());
                let part = self.intern(TypeKind::Basic(part));
                let re = self.expr_to(&args[0], part);
                let im = self.expr_to(&args[1], part);
                self.node(Op::Complex(re, im), e.pos, ty)
            }
            Builtin::Real | Builtin::Imag => {
                let x = self.expr(&args[0]);
                self.node(if b == Builtin::Real { Op::Real(x) } else { Op::Imag(x) }, e.pos, ty)
            }
            Builtin::New => self.node(Op::New, e.pos, ty),
            Builtin::Make if matches!(self.types().under(ty), TypeKind::Map(..)) => {
                let hint = self.size_or_zero(args.get(1), e.pos);
                self.node(Op::MakeMap { hint }, e.pos, ty)
            }
            Builtin::Make if matches!(self.types().under(ty), TypeKind::Chan(..)) => {
                let size = self.size_or_zero(args.get(1), e.pos);
                self.node(Op::MakeChan { size }, e.pos, ty)
            }
            Builtin::Make => {
                let len = self.expr(&args[1]);
                let cap = args.get(2).map(|c| self.expr(c));
                self.node(Op::MakeSlice { len, cap }, e.pos, ty)
            }
            Builtin::Recover => self.node(Op::Recover, e.pos, ty),
            Builtin::Panic | Builtin::Print | Builtin::Println => {
                unreachable!("panic and print are statements (expr_stmt): the checker rejects them as values")
            }
            Builtin::Delete => unreachable!("delete is a statement (expr_stmt)"),
            Builtin::Close => unreachable!("the checker rejects close"),
        }
    }

    fn composite_lit(&mut self, e: &Expr, ty: TypeId, elems: &[ast::Element]) -> NodeId {
        // An elided `&T{...}` element of a []*T literal.
        if let Some(pointee) = self.types().pointer_elem(ty) {
            let lit = self.composite_lit_of(e, pointee, elems);
            return self.node(Op::Addr(lit), e.pos, ty);
        }
        self.composite_lit_of(e, ty, elems)
    }

    fn composite_lit_of(&mut self, e: &Expr, ty: TypeId, elems: &[ast::Element]) -> NodeId {
        let mut out = Vec::new();
        match self.types().under(ty).clone() {
            TypeKind::Struct(fields) => {
                for (i, el) in elems.iter().enumerate() {
                    let index = match &el.key {
                        Some(k) => match &k.kind {
                            ExprKind::Ident(name) => fields.iter().position(|f| &f.name == name).unwrap_or(i),
                            _ => i,
                        },
                        None => i,
                    };
                    let v = self.elem_value(el, fields[index].ty);
                    out.push((LitKey::Field { index: index as u32, colon: el.colon }, v));
                }
            }
            TypeKind::Map(key_ty, value_ty) => {
                let mut entries = Vec::new();
                for el in elems {
                    let Some(k) = &el.key else { continue };
                    let key = match &k.kind {
                        ExprKind::CompositeLit { ty: None, elems, .. } => {
                            let t = self.ty_of(k);
                            self.composite_lit(k, t, elems)
                        }
                        _ => {
                            // gc converts a key at its `:`, as it does the value.
                            let n = self.expr(k);
                            self.convert_node(n, key_ty, el.colon.unwrap_or(k.pos))
                        }
                    };
                    let value = self.elem_value(el, value_ty);
                    entries.push((key, value));
                }
                return self.node(Op::MapLit(entries), e.pos, ty);
            }
            TypeKind::Array(_, elem) | TypeKind::Slice(elem) => {
                let mut index: u64 = 0;
                for el in elems {
                    if let Some(k) = &el.key {
                        if let Some(v) = self.checked.exprs[k.id as usize].value.as_ref().and_then(|v| v.as_int()) {
                            index = v as u64;
                        }
                    }
                    let v = self.elem_value(el, elem);
                    out.push((LitKey::Index { index, keyed: el.key.is_some() }, v));
                    index += 1;
                }
            }
            _ => {}
        }
        self.node(Op::CompositeLit(out), e.pos, ty)
    }

    /// A literal's element, converted to the element type where needed; gc
    /// converts a keyed element at the key's `:`.
    fn elem_value(&mut self, el: &ast::Element, elem_ty: TypeId) -> NodeId {
        let v = &el.value;
        match &v.kind {
            ExprKind::CompositeLit { ty: None, elems, .. } => {
                let t = self.ty_of(v);
                self.composite_lit(v, t, elems)
            }
            _ => {
                let n = self.expr(v);
                self.convert_node(n, elem_ty, el.colon.unwrap_or(v.pos))
            }
        }
    }

    fn closure(&mut self, e: &Expr, sig: &ast::FuncType, body: &ast::Block) -> NodeId {
        let ty = self.ty_of(e);
        let parent = self.b();
        parent.n_closures += 1;
        let name = format!("{}{}", parent.closure_prefix, parent.n_closures);
        let parent_id = parent.id;
        let id = self.new_func(name.clone(), e.pos, ty, body.rbrace);
        self.pkg.funcs[id.0 as usize].outer = Some(parent_id);
        self.pkg.funcs[id.0 as usize].package_literal = self.pkg.init == Some(parent_id);
        self.push_builder(id, format!("{}.", name));
        let s = self.types().signature(ty).cloned().expect("func literal signature");
        self.params_and_results(sig, s.params.clone(), &s.results);
        let stmts = self.block(&body.stmts);
        self.b().func.body = stmts;
        self.order_captures();
        self.finish_builder();
        self.node(Op::Closure(id), e.pos, ty)
    }

    /// Orders the captures of the closure being built as gc's noder meets
    /// them (its `ClosureVars`): by first use in source order, a variable
    /// only a nested closure uses where that closure is, in the nested order.
    fn order_captures(&mut self) {
        let funcs = &self.pkg.funcs;
        let func = &self.builders.last().expect("a closure's builder").func;
        let order = func.source_order(&func.body);
        let first_use = |capture: &Capture| -> (usize, usize) {
            order
                .iter()
                .enumerate()
                .find_map(|(i, n)| match func.node(*n).op {
                    Op::Local(l) if l == capture.inner => Some((i, 0)),
                    Op::Closure(nested) => funcs[nested.0 as usize].captures.iter().position(|c| c.outer == capture.inner).map(|j| (i, j)),
                    _ => None,
                })
                .unwrap_or((usize::MAX, 0))
        };
        let mut keyed: Vec<((usize, usize), Capture)> = func.captures.iter().map(|c| (first_use(c), c.clone())).collect();
        keyed.sort_by_key(|(key, _)| *key);
        self.b().func.captures = keyed.into_iter().map(|(_, c)| c).collect();
    }
}

/// What stands in `Package::funcs` while a function is being built.
fn placeholder_func() -> Func {
    Func::new("", 0, INVALID, 0)
}

fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
    }
}

fn is_comparison(op: BinaryOp) -> bool {
    matches!(op, BinaryOp::Eql | BinaryOp::Neq | BinaryOp::Lss | BinaryOp::Leq | BinaryOp::Gtr | BinaryOp::Geq)
}

fn binop(op: BinaryOp) -> BinOp {
    match op {
        BinaryOp::Add => BinOp::Add,
        BinaryOp::Sub => BinOp::Sub,
        BinaryOp::Mul => BinOp::Mul,
        BinaryOp::Quo => BinOp::Div,
        BinaryOp::Rem => BinOp::Mod,
        BinaryOp::And => BinOp::And,
        BinaryOp::Or => BinOp::Or,
        BinaryOp::Xor => BinOp::Xor,
        BinaryOp::AndNot => BinOp::AndNot,
        BinaryOp::Shl => BinOp::Shl,
        BinaryOp::Shr => BinOp::Shr,
        BinaryOp::LAnd => BinOp::AndAnd,
        BinaryOp::LOr => BinOp::OrOr,
        BinaryOp::Eql => BinOp::Eq,
        BinaryOp::Neq => BinOp::Ne,
        BinaryOp::Lss => BinOp::Lt,
        BinaryOp::Leq => BinOp::Le,
        BinaryOp::Gtr => BinOp::Gt,
        BinaryOp::Geq => BinOp::Ge,
    }
}

/// The last position of an `if`'s else part: a block's `}`, or an `else
/// if`'s last one.
fn stmt_end(s: &Stmt) -> Pos {
    match &s.kind {
        StmtKind::Block(b) => b.rbrace,
        StmtKind::If { then, els: Some(els), .. } => stmt_end(els).max(then.rbrace),
        StmtKind::If { then, .. } => then.rbrace,
        _ => s.pos,
    }
}

/// A constant expression as gc's `as:` printer shows it: the source text,
/// binary operators spaced, parentheses kept, anything else (a literal or
/// type in a folded `len`) as syntax.String prints it.
fn write_source(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Ident(n) => out.push_str(n),
        ExprKind::IntLit(t) | ExprKind::FloatLit(t) | ExprKind::ImagLit(t) | ExprKind::RuneLit(t) | ExprKind::StringLit(t) => {
            out.push_str(t)
        }
        ExprKind::Paren(x) => {
            out.push('(');
            write_source(out, x);
            out.push(')');
        }
        ExprKind::Unary(op, x) => {
            out.push_str(op.text());
            write_source(out, x);
        }
        ExprKind::Binary(op, l, r) => {
            write_source(out, l);
            out.push(' ');
            out.push_str(op.text());
            out.push(' ');
            write_source(out, r);
        }
        ExprKind::Call { func, args, .. } => {
            write_source(out, func);
            out.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_source(out, a);
            }
            out.push(')');
        }
        ExprKind::Selector(x, sel) => {
            write_source(out, x);
            out.push('.');
            out.push_str(&sel.name);
        }
        _ => out.push_str(&ast::expr_text(e)),
    }
}
