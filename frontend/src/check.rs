//! The type checker's entry, its results and package-level work: objects and
//! scopes, collecting declarations, methods, package initialization order,
//! and the `declared but not used` report. Expressions, statements and type
//! expressions are checked in `check/expr.rs`, `check/stmt.rs` and
//! `check/typexpr.rs`. Messages follow gc 1.19 (types2) wording.

mod call;
mod expr;
mod stmt;
mod typexpr;

use std::collections::{HashMap, HashSet};

use crate::ast::*;
use crate::constant::Value;
use crate::diag::Diagnostic;
use crate::types::*;

pub type ObjId = u32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    Append,
    Cap,
    Copy,
    Len,
    Make,
    New,
    Panic,
    Print,
    Println,
    Recover,
    Delete,
    Close,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ObjKind {
    Var,
    Const(Value),
    TypeName,
    /// A package-level function: index of its declaration in `File::decls`.
    Func(u32),
    Builtin(Builtin),
    Nil,
}

#[derive(Clone, Debug)]
pub struct Object {
    pub name: String,
    pub kind: ObjKind,
    pub ty: TypeId,
    pub pos: Pos,
    /// Declared at package level.
    pub global: bool,
    pub used: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Invalid,
    /// A call of a function without results.
    NoValue,
    Value,
    /// An addressable value.
    Variable,
    Constant,
    Type,
    Builtin(Builtin),
}

#[derive(Clone, Debug)]
pub struct ExprInfo {
    pub ty: TypeId,
    pub mode: Mode,
    pub value: Option<Value>,
}

/// What a selector expression `x.f` denotes.
#[derive(Clone, Debug)]
pub enum Selection {
    /// A struct field reached through `path` (embedded fields first, the field last).
    Field { path: Vec<u32> },
    /// A method; `path` leads through embedded fields to the receiver.
    /// `decl` is the method's index in `File::decls`.
    Method { decl: u32, path: Vec<u32>, pointer_recv: bool, recv_named: TypeId },
    /// `T.M` or `(*T).M`: a method expression.
    MethodExpr { decl: u32, pointer_recv: bool, recv_named: TypeId },
}

/// Per function declaration: its signature (without receiver) and receiver.
#[derive(Clone, Debug)]
pub struct FuncInfo {
    pub sig: TypeId,
    /// The receiver's named type and whether it is a pointer receiver.
    pub recv: Option<(TypeId, bool)>,
}

/// Everything later stages need to know about the checked file.
pub struct Checked {
    pub types: TypeTable,
    pub objects: Vec<Object>,
    /// Indexed by `ExprId`.
    pub exprs: Vec<ExprInfo>,
    /// The object each declaring identifier introduces, by the identifier's position.
    pub defs: HashMap<Pos, ObjId>,
    /// The object each identifier expression refers to.
    pub uses: HashMap<ExprId, ObjId>,
    pub selections: HashMap<ExprId, Selection>,
    /// Indexed like `File::decls`; `Some` for function declarations.
    pub funcs: Vec<Option<FuncInfo>>,
    /// Package variable specs in initialization order: (decl index, spec index).
    pub init_order: Vec<(u32, u32)>,
}

impl Checked {
    pub fn info(&self, e: &Expr) -> &ExprInfo {
        &self.exprs[e.id as usize]
    }
}

/// A lexical scope: names to objects.
#[derive(Default)]
struct Scope {
    names: HashMap<String, ObjId>,
}

/// State of a package-level object being resolved lazily.
#[derive(Clone, Copy, PartialEq)]
enum Resolve {
    Pending,
    InProgress,
    Done,
}

/// The function body being checked: its result types and named-result flag.
struct FuncCtx {
    results: Vec<TypeId>,
    named_results: bool,
}

pub(crate) struct Checker<'a> {
    file: &'a File,
    types: TypeTable,
    objects: Vec<Object>,
    exprs: Vec<ExprInfo>,
    defs: HashMap<Pos, ObjId>,
    uses: HashMap<ExprId, ObjId>,
    selections: HashMap<ExprId, Selection>,
    funcs: Vec<Option<FuncInfo>>,
    diags: Vec<Diagnostic>,
    scopes: Vec<Scope>,
    /// Package-level objects that are declared but not yet resolved: where their declaration is.
    pending: HashMap<ObjId, (u32, u32, usize)>,
    resolve_state: HashMap<ObjId, Resolve>,
    func_stack: Vec<FuncCtx>,
    /// The value of `iota` while checking a constant spec.
    iota: Option<i128>,
    /// Package-level objects each package-level var spec or function refers to.
    deps: HashMap<(u32, u32), HashSet<ObjId>>,
    /// The package-level declaration whose dependencies are being recorded.
    current_decl: Option<(u32, u32)>,
    /// Local variables declared in each open function, for the unused check.
    local_vars: Vec<ObjId>,
    universe_len: usize,
    /// Enclosing loops and switches of the statement being checked.
    targets: Vec<stmt::Target>,
    /// Labels declared in each open function body.
    function_labels: Vec<HashSet<String>>,
    /// A `fallthrough` is allowed at the end of the current case clause.
    fallthrough_ok: bool,
}

/// Type-checks a parsed file. `expr_count` is the number of expression ids the parser handed out.
pub fn check(file: &File, expr_count: u32) -> (Checked, Vec<Diagnostic>) {
    let mut c = Checker {
        file,
        types: TypeTable::new(),
        objects: Vec::new(),
        exprs: vec![ExprInfo { ty: INVALID, mode: Mode::Invalid, value: None }; expr_count as usize],
        defs: HashMap::new(),
        uses: HashMap::new(),
        selections: HashMap::new(),
        funcs: vec![None; file.decls.len()],
        diags: Vec::new(),
        scopes: Vec::new(),
        pending: HashMap::new(),
        resolve_state: HashMap::new(),
        func_stack: Vec::new(),
        iota: None,
        deps: HashMap::new(),
        current_decl: None,
        local_vars: Vec::new(),
        universe_len: 0,
        targets: Vec::new(),
        function_labels: Vec::new(),
        fallthrough_ok: false,
    };
    c.universe();
    c.package(file);
    let init_order = c.init_order();
    let checked = Checked {
        types: c.types,
        objects: c.objects,
        exprs: c.exprs,
        defs: c.defs,
        uses: c.uses,
        selections: c.selections,
        funcs: c.funcs,
        init_order,
    };
    (checked, c.diags)
}

impl<'a> Checker<'a> {
    pub(crate) fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        self.diags.push(Diagnostic::new(pos, msg));
    }

    fn new_object(&mut self, name: &str, kind: ObjKind, ty: TypeId, pos: Pos) -> ObjId {
        self.objects.push(Object { name: name.to_string(), kind, ty, pos, global: self.scopes.len() <= 2, used: false });
        (self.objects.len() - 1) as ObjId
    }

    fn universe(&mut self) {
        self.scopes.push(Scope::default());
        let basics = [
            ("bool", Basic::Bool),
            ("int", Basic::Int),
            ("int8", Basic::Int8),
            ("int16", Basic::Int16),
            ("int32", Basic::Int32),
            ("int64", Basic::Int64),
            ("uint", Basic::Uint),
            ("uint8", Basic::Uint8),
            ("uint16", Basic::Uint16),
            ("uint32", Basic::Uint32),
            ("uint64", Basic::Uint64),
            ("uintptr", Basic::Uintptr),
            ("float32", Basic::Float32),
            ("float64", Basic::Float64),
            ("string", Basic::String),
        ];
        for (name, b) in basics {
            let t = self.types.basic(b);
            self.declare_universe(name, ObjKind::TypeName, t);
        }
        let (byte, rune) = (self.types.byte_type(), self.types.rune_type());
        self.declare_universe("byte", ObjKind::TypeName, byte);
        self.declare_universe("rune", ObjKind::TypeName, rune);
        let empty_iface = self.types.intern(TypeKind::Interface(Vec::new()));
        self.declare_universe("any", ObjKind::TypeName, empty_iface);
        let ub = self.types.basic(Basic::UntypedBool);
        self.declare_universe("true", ObjKind::Const(Value::Bool(true)), ub);
        self.declare_universe("false", ObjKind::Const(Value::Bool(false)), ub);
        let un = self.types.basic(Basic::UntypedNil);
        self.declare_universe("nil", ObjKind::Nil, un);
        let ui = self.types.basic(Basic::UntypedInt);
        self.declare_universe("iota", ObjKind::Const(Value::Int(0)), ui);
        for (name, b) in [
            ("append", Builtin::Append),
            ("cap", Builtin::Cap),
            ("copy", Builtin::Copy),
            ("len", Builtin::Len),
            ("make", Builtin::Make),
            ("new", Builtin::New),
            ("panic", Builtin::Panic),
            ("print", Builtin::Print),
            ("println", Builtin::Println),
            ("recover", Builtin::Recover),
            ("delete", Builtin::Delete),
            ("close", Builtin::Close),
        ] {
            self.declare_universe(name, ObjKind::Builtin(b), INVALID);
        }
        self.universe_len = self.objects.len();
    }

    fn declare_universe(&mut self, name: &str, kind: ObjKind, ty: TypeId) {
        let id = self.new_object(name, kind, ty, 0);
        self.objects[id as usize].used = true;
        self.scopes[0].names.insert(name.to_string(), id);
    }

    pub(crate) fn lookup(&self, name: &str) -> Option<ObjId> {
        self.scopes.iter().rev().find_map(|s| s.names.get(name).copied())
    }

    /// Declares `name` in the innermost scope, reporting a redeclaration.
    pub(crate) fn declare(&mut self, ident: &Ident, kind: ObjKind, ty: TypeId) -> ObjId {
        let id = self.new_object(&ident.name, kind, ty, ident.pos);
        if ident.name == "_" {
            self.defs.insert(ident.pos, id);
            return id;
        }
        let scope = self.scopes.last_mut().expect("a scope is open");
        if let Some(prev) = scope.names.get(&ident.name).copied() {
            let prev_pos = self.objects[prev as usize].pos;
            let _ = prev_pos;
            self.error(ident.pos, format!("{} redeclared in this block", ident.name));
        } else {
            scope.names.insert(ident.name.clone(), id);
        }
        self.defs.insert(ident.pos, id);
        id
    }

    pub(crate) fn open_scope(&mut self) {
        self.scopes.push(Scope::default());
    }

    pub(crate) fn close_scope(&mut self) {
        self.scopes.pop();
    }

    /// Collects every package-level name, then resolves types, signatures,
    /// constants and variables, then checks function bodies in source order.
    fn package(&mut self, file: &'a File) {
        self.open_scope();
        if file.package.name == "_" {
            self.error(file.package.pos, "invalid package name _");
        }
        for (pos, path) in &file.imports {
            self.error(*pos, format!("could not import {} (minigo supports no imports)", path));
        }
        for (di, decl) in file.decls.iter().enumerate() {
            let di = di as u32;
            match decl {
                Decl::Func(f) => {
                    if f.recv.is_some() {
                        continue;
                    }
                    if f.name.name == "init" || f.name.name == "_" {
                        if f.sig.params.len() + f.sig.results.len() > 0 && f.name.name == "init" {
                            self.error(f.name.pos, "func init must have no arguments and no return values");
                        }
                        continue;
                    }
                    if f.name.name == "main" && (f.sig.params.len() + f.sig.results.len() > 0) {
                        self.error(f.name.pos, "func main must have no arguments and no return values");
                    }
                    let id = self.declare(&f.name, ObjKind::Func(di), INVALID);
                    self.pending.insert(id, (di, 0, 0));
                }
                Decl::Type(specs) => {
                    for (si, spec) in specs.iter().enumerate() {
                        let id = self.declare(&spec.name, ObjKind::TypeName, INVALID);
                        self.pending.insert(id, (di, si as u32, 0));
                    }
                }
                Decl::Const(specs) => {
                    for (si, spec) in specs.iter().enumerate() {
                        for (ni, name) in spec.names.iter().enumerate() {
                            let id = self.declare(name, ObjKind::Const(Value::Int(0)), INVALID);
                            self.pending.insert(id, (di, si as u32, ni));
                        }
                    }
                }
                Decl::Var(specs) => {
                    for (si, spec) in specs.iter().enumerate() {
                        for (ni, name) in spec.names.iter().enumerate() {
                            let id = self.declare(name, ObjKind::Var, INVALID);
                            self.objects[id as usize].used = true;
                            self.pending.insert(id, (di, si as u32, ni));
                        }
                    }
                }
            }
        }
        self.collect_methods(file);
        let mut ids: Vec<ObjId> = self.pending.keys().copied().collect();
        ids.sort();
        for id in &ids {
            self.resolve_global(*id);
        }
        let main_present = file
            .decls
            .iter()
            .any(|d| matches!(d, Decl::Func(f) if f.recv.is_none() && f.name.name == "main"));
        for (di, decl) in file.decls.iter().enumerate() {
            if let Decl::Func(f) = decl {
                self.check_func_decl(di as u32, f);
            }
        }
        if file.package.name == "main" && !main_present {
            self.error(0, "function main is undeclared in the main package");
        }
    }

    /// Resolves a package-level object on first use (constants, types and
    /// variables may be used before their declaration).
    pub(crate) fn resolve_global(&mut self, id: ObjId) {
        let Some(&(di, si, ni)) = self.pending.get(&id) else { return };
        match self.resolve_state.get(&id).copied().unwrap_or(Resolve::Pending) {
            Resolve::Done => return,
            Resolve::InProgress => {
                if self.objects[id as usize].kind != ObjKind::TypeName {
                    let name = self.objects[id as usize].name.clone();
                    let pos = self.objects[id as usize].pos;
                    self.error(pos, format!("initialization cycle or invalid recursive reference to {}", name));
                    self.resolve_state.insert(id, Resolve::Done);
                }
                return;
            }
            Resolve::Pending => {}
        }
        self.resolve_state.insert(id, Resolve::InProgress);
        let saved_scopes = self.scopes.split_off(2);
        let saved_iota = self.iota.take();
        let file = self.file;
        match &file.decls[di as usize] {
            Decl::Func(f) => {
                let sig = self.func_signature(&f.sig, None);
                self.objects[id as usize].ty = sig;
                self.funcs[di as usize] = Some(FuncInfo { sig, recv: None });
            }
            Decl::Type(specs) => {
                let spec = &specs[si as usize];
                if spec.alias {
                    let t = self.resolve_type(&spec.ty);
                    self.objects[id as usize].ty = t;
                } else {
                    let named = self.types.new_named(&spec.name.name, di);
                    self.objects[id as usize].ty = named;
                    let under = self.resolve_type(&spec.ty);
                    if self.types.underlying(under) == named || under == INVALID && self.types.underlying(named) == INVALID {
                        if self.types.underlying(under) == named {
                            self.error(spec.name.pos, format!("invalid recursive type {}", spec.name.name));
                        }
                    } else {
                        self.types.set_underlying(named, under);
                    }
                }
            }
            Decl::Const(specs) => {
                self.check_const_spec_name(specs, si as usize, ni, id);
            }
            Decl::Var(specs) => {
                let prev = self.current_decl.replace((di, si));
                self.check_global_var_spec(&specs[si as usize]);
                self.current_decl = prev;
            }
        }
        self.scopes.extend(saved_scopes);
        self.iota = saved_iota;
        self.resolve_state.insert(id, Resolve::Done);
    }

    /// Checks the constant `names[ni]` of spec `si`, repeating earlier expressions as Go does.
    fn check_const_spec_name(&mut self, specs: &[ConstSpec], si: usize, ni: usize, id: ObjId) {
        let spec = &specs[si];
        let source = specs[..=si].iter().rev().find(|s| !s.values.is_empty());
        let Some(source) = source else {
            self.error(spec.names[ni].pos, "missing init expr for const declaration");
            return;
        };
        let (ty_expr, values) = (source.ty.as_ref(), &source.values);
        self.iota = Some(spec.iota as i128);
        let Some(value_expr) = values.get(ni) else {
            let msg = if ni >= values.len() { "missing init expr for const declaration" } else { "extra init expr" };
            self.error(spec.names[ni].pos, msg);
            return;
        };
        let (ty, value) = self.const_init(ty_expr, value_expr);
        self.objects[id as usize].ty = ty;
        self.objects[id as usize].kind = ObjKind::Const(value.unwrap_or(Value::Int(0)));
        self.iota = None;
    }

    /// The type and value of a constant declared with optional type and the given expression.
    pub(crate) fn const_init(&mut self, ty_expr: Option<&Expr>, value_expr: &Expr) -> (TypeId, Option<Value>) {
        let declared = ty_expr.map(|t| self.resolve_type(t));
        self.expr(value_expr);
        let info = self.exprs[value_expr.id as usize].clone();
        if info.mode == Mode::Invalid {
            return (declared.unwrap_or(INVALID), None);
        }
        if info.mode != Mode::Constant {
            let desc = self.describe_operand(value_expr);
            self.error(value_expr.start(), format!("{} is not constant", desc));
            return (declared.unwrap_or(INVALID), None);
        }
        match declared {
            Some(t) => {
                self.assign_to(value_expr, t, "constant declaration");
                (t, self.exprs[value_expr.id as usize].value.clone())
            }
            None => (info.ty, info.value),
        }
    }

    fn check_global_var_spec(&mut self, spec: &VarSpec) {
        let declared = spec.ty.as_ref().map(|t| self.resolve_type(t));
        let ids: Vec<ObjId> = spec.names.iter().map(|n| self.defs[&n.pos]).collect();
        for id in &ids {
            self.resolve_state.insert(*id, Resolve::InProgress);
        }
        let types = self.var_spec_types(spec, declared, "variable declaration");
        for (id, t) in ids.iter().zip(types) {
            self.objects[*id as usize].ty = t;
            self.resolve_state.insert(*id, Resolve::Done);
        }
    }

    /// Checks the initializers of a `var` spec; returns the type of each name.
    pub(crate) fn var_spec_types(&mut self, spec: &VarSpec, declared: Option<TypeId>, context: &str) -> Vec<TypeId> {
        let n = spec.names.len();
        if spec.values.is_empty() {
            return vec![declared.unwrap_or(INVALID); n];
        }
        if spec.values.len() == 1 && n > 1 {
            let types = self.multi_value(&spec.values[0], n, true);
            return types.into_iter().map(|t| declared.unwrap_or(t)).collect();
        }
        if spec.values.len() != n {
            let msg = if spec.values.len() > n {
                format!("assignment mismatch: {} variable{} but {} value{}", n, plural(n), spec.values.len(), plural(spec.values.len()))
            } else {
                format!("assignment mismatch: {} variable{} but {} value{}", n, plural(n), spec.values.len(), plural(spec.values.len()))
            };
            self.error(spec.names[0].pos, msg);
            for v in &spec.values {
                self.expr(v);
            }
            return vec![declared.unwrap_or(INVALID); n];
        }
        let mut out = Vec::new();
        for v in &spec.values {
            self.expr(v);
            match declared {
                Some(t) => {
                    self.assign_to(v, t, context);
                    out.push(t);
                }
                None => out.push(self.default_var_type(v)),
            }
        }
        out
    }

    /// The type a `:=` or `var x = v` variable gets: the default type of an untyped value.
    pub(crate) fn default_var_type(&mut self, v: &Expr) -> TypeId {
        let info = self.exprs[v.id as usize].clone();
        match info.mode {
            Mode::Invalid => INVALID,
            Mode::NoValue => {
                let d = self.expr_string(v);
                self.error(v.start(), format!("{} (no value) used as value", d));
                INVALID
            }
            Mode::Type => {
                let d = self.expr_string(v);
                self.error(v.start(), format!("{} (type) is not an expression", d));
                INVALID
            }
            _ => {
                if self.types.basic_of(info.ty) == Some(Basic::UntypedNil) {
                    self.error(v.start(), "use of untyped nil in variable declaration");
                    return INVALID;
                }
                let t = self.default_type(info.ty);
                self.convert_untyped(v, t);
                t
            }
        }
    }

    fn collect_methods(&mut self, file: &'a File) {
        for (di, decl) in file.decls.iter().enumerate() {
            let Decl::Func(f) = decl else { continue };
            let Some(recv) = &f.recv else { continue };
            let (base_expr, pointer) = match &recv.ty.kind {
                ExprKind::Star(inner) => (inner.as_ref(), true),
                ExprKind::Paren(inner) => match &inner.kind {
                    ExprKind::Star(x) => (x.as_ref(), true),
                    _ => (inner.as_ref(), false),
                },
                _ => (&recv.ty, false),
            };
            let base = self.resolve_type(base_expr);
            if base == INVALID {
                continue;
            }
            if !self.types.is_named(base) || self.types.pointer_elem(base).is_some() || self.types.is_interface(base) {
                let d = self.types.display(base);
                self.error(base_expr.start(), format!("invalid receiver type {}", d));
                continue;
            }
            let sig = self.func_signature(&f.sig, None);
            self.funcs[di] = Some(FuncInfo { sig, recv: Some((base, pointer)) });
            let methods = self.types.methods.entry(base).or_default();
            if methods.iter().any(|m| m.name == f.name.name) && f.name.name != "_" {
                let tn = self.types.display(base);
                self.error(f.name.pos, format!("method {}.{} already declared", tn, f.name.name));
                continue;
            }
            let clash = self.types.struct_fields(base).is_some_and(|fs| fs.iter().any(|fl| fl.name == f.name.name));
            if clash {
                let tn = self.types.display(base);
                self.error(f.name.pos, format!("field and method with the same name {}", f.name.name));
                let _ = tn;
                continue;
            }
            self.types.methods.entry(base).or_default().push(Method {
                name: f.name.name.clone(),
                sig,
                pointer_recv: pointer,
                func_index: di as u32,
            });
        }
    }

    fn check_func_decl(&mut self, di: u32, f: &'a FuncDecl) {
        let sig_ty = match &self.funcs[di as usize] {
            Some(info) => info.sig,
            None if f.recv.is_none() => {
                let sig = self.func_signature(&f.sig, None);
                self.funcs[di as usize] = Some(FuncInfo { sig, recv: None });
                sig
            }
            None => return,
        };
        let Some(body) = &f.body else { return };
        let prev = self.current_decl.replace((di, u32::MAX));
        self.open_scope();
        if let Some(recv) = &f.recv {
            let recv_ty = self.resolve_type(&recv.ty);
            if let Some(name) = &recv.name {
                let id = self.declare(name, ObjKind::Var, recv_ty);
                self.objects[id as usize].used = true;
            }
        }
        self.func_body(&f.sig, sig_ty, body);
        self.close_scope();
        self.current_decl = prev;
    }

    /// Declares parameters and results, checks the body, and reports unused
    /// variables and a missing return. The caller has opened the function scope.
    pub(crate) fn func_body(&mut self, sig_ast: &FuncType, sig_ty: TypeId, body: &Block) {
        let sig = self.types.signature(sig_ty).cloned().unwrap_or(Signature { params: vec![], results: vec![], variadic: false });
        for (p, t) in sig_ast.params.iter().zip(sig.params.iter()) {
            if let Some(name) = &p.name {
                let id = self.declare(name, ObjKind::Var, *t);
                self.objects[id as usize].used = true;
            }
        }
        let mut named_results = false;
        for (p, t) in sig_ast.results.iter().zip(sig.results.iter()) {
            if let Some(name) = &p.name {
                named_results = true;
                let id = self.declare(name, ObjKind::Var, *t);
                self.objects[id as usize].used = true;
            }
        }
        self.func_stack.push(FuncCtx { results: sig.results.clone(), named_results });
        let outer_locals = std::mem::take(&mut self.local_vars);
        let outer_targets = std::mem::take(&mut self.targets);
        let mut labels = HashSet::new();
        collect_labels(&body.stmts, &mut labels);
        self.function_labels.push(labels);
        self.open_scope();
        self.stmts(&body.stmts);
        self.close_scope();
        self.function_labels.pop();
        self.targets = outer_targets;
        if !sig.results.is_empty() && !self.is_terminating_list(&body.stmts) {
            self.error(body.rbrace, "missing return");
        }
        let locals = std::mem::replace(&mut self.local_vars, outer_locals);
        for id in locals {
            let obj = &self.objects[id as usize];
            if !obj.used && obj.name != "_" {
                let msg = format!("{} declared but not used", obj.name);
                let pos = obj.pos;
                self.error(pos, msg);
            }
        }
        self.func_stack.pop();
    }

    /// Records that the current package-level declaration refers to `id`.
    pub(crate) fn record_dep(&mut self, id: ObjId) {
        if let Some(decl) = self.current_decl {
            if self.objects[id as usize].global {
                self.deps.entry(decl).or_default().insert(id);
            }
        }
    }

    /// Go's package initialization order: repeatedly the earliest variable
    /// (in declaration order) whose dependencies, through functions too, are initialized.
    fn init_order(&self) -> Vec<(u32, u32)> {
        let file = self.file;
        let mut specs: Vec<(u32, u32)> = Vec::new();
        let mut var_spec_of: HashMap<ObjId, (u32, u32)> = HashMap::new();
        let mut func_decl_of: HashMap<ObjId, u32> = HashMap::new();
        for (di, decl) in file.decls.iter().enumerate() {
            match decl {
                Decl::Var(vs) => {
                    for (si, spec) in vs.iter().enumerate() {
                        specs.push((di as u32, si as u32));
                        for n in &spec.names {
                            if let Some(id) = self.defs.get(&n.pos) {
                                var_spec_of.insert(*id, (di as u32, si as u32));
                            }
                        }
                    }
                }
                Decl::Func(f) if f.recv.is_none() => {
                    if let Some(id) = self.defs.get(&f.name.pos) {
                        func_decl_of.insert(*id, di as u32);
                    }
                }
                _ => {}
            }
        }
        // Transitive variable dependencies of each spec, following functions.
        let var_deps = |start: (u32, u32)| -> HashSet<(u32, u32)> {
            let mut out = HashSet::new();
            let mut seen_funcs = HashSet::new();
            let mut stack: Vec<ObjId> = self.deps.get(&start).map(|s| s.iter().copied().collect()).unwrap_or_default();
            while let Some(id) = stack.pop() {
                if let Some(spec) = var_spec_of.get(&id) {
                    if *spec != start {
                        out.insert(*spec);
                    }
                } else if let Some(di) = func_decl_of.get(&id) {
                    if seen_funcs.insert(*di) {
                        if let Some(d) = self.deps.get(&(*di, u32::MAX)) {
                            stack.extend(d.iter().copied());
                        }
                    }
                }
            }
            out
        };
        let all_deps: Vec<HashSet<(u32, u32)>> = specs.iter().map(|s| var_deps(*s)).collect();
        let mut done: HashSet<(u32, u32)> = HashSet::new();
        let mut order = Vec::new();
        while order.len() < specs.len() {
            let next = specs
                .iter()
                .enumerate()
                .find(|(i, s)| !done.contains(*s) && all_deps[*i].iter().all(|d| done.contains(d)))
                .or_else(|| specs.iter().enumerate().find(|(_, s)| !done.contains(*s)));
            let Some((_, s)) = next else { break };
            done.insert(*s);
            order.push(*s);
        }
        order
    }
}

fn collect_labels(list: &[Stmt], out: &mut HashSet<String>) {
    for s in list {
        match &s.kind {
            StmtKind::Labeled(l, inner) => {
                out.insert(l.name.clone());
                collect_labels(std::slice::from_ref(inner.as_ref()), out);
            }
            StmtKind::Block(b) => collect_labels(&b.stmts, out),
            StmtKind::If { then, els, .. } => {
                collect_labels(&then.stmts, out);
                if let Some(e) = els {
                    collect_labels(std::slice::from_ref(e.as_ref()), out);
                }
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => collect_labels(&body.stmts, out),
            StmtKind::Switch { clauses, .. } => {
                for c in clauses {
                    collect_labels(&c.body, out);
                }
            }
            _ => {}
        }
    }
}

pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
