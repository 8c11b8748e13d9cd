//! The type checker's entry, its results and package-level work: objects and
//! scopes, collecting declarations, methods, package initialization order,
//! and the `declared but not used` report. Expressions, calls, statements and
//! type expressions are checked in `check/expr.rs`, `check/call.rs`,
//! `check/stmt.rs` and `check/typexpr.rs`; labels and branches, as gc's
//! parser does it, in `check/branches.rs`. Messages, their positions and
//! the order they are reported in follow gc 1.19 (types2 with
//! CompilerErrorMessages): package-level declarations first (types, then the
//! rest in source order), then function bodies, each func literal's body at
//! the end of the statement containing it.

mod branches;
mod call;
mod expr;
mod stmt;
mod typexpr;

use std::collections::{HashMap, HashSet};

use crate::ast::*;
use crate::constant::Value;
use crate::diag::{Diagnostic, Note};
use crate::types::*;
use expr::strip_parens;

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
    Complex,
    Real,
    Imag,
}

impl Builtin {
    /// Whether a call of the builtin may stand as a statement (types2's
    /// `statement` kind): it yields no value that would be discarded.
    pub fn is_statement(self) -> bool {
        matches!(
            self,
            Builtin::Panic | Builtin::Print | Builtin::Println | Builtin::Copy | Builtin::Recover | Builtin::Delete | Builtin::Close
        )
    }
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
    /// An imported package (minigo rejects every import; its uses are not errors).
    Package,
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
    /// `m[k]`: assignable, not addressable; `v, ok := m[k]` works.
    MapIndex,
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
    /// `T.M` or `(*T).M`: a method expression; `path` leads through embedded
    /// fields to the method's receiver (empty for T's own method).
    MethodExpr { decl: u32, path: Vec<u32>, pointer_recv: bool, recv_named: TypeId },
    /// A method of an interface value reached through `path` (embedded
    /// fields, empty when the operand is the interface): its `index`th method.
    IfaceMethod { path: Vec<u32>, index: u32 },
    /// `I.M` (or `S.M`, `(*S).M` of a method promoted from an embedded
    /// interface): a method expression of the `index`th method of the
    /// interface `path` reaches.
    IfaceMethodExpr { path: Vec<u32>, index: u32 },
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
    /// The variable a type switch clause declares (`switch v := x.(type)`),
    /// by the clause's position.
    pub implicits: HashMap<Pos, ObjId>,
    pub selections: HashMap<ExprId, Selection>,
    /// Indexed like `File::decls`; `Some` for function declarations.
    pub funcs: Vec<Option<FuncInfo>>,
    /// Package variable specs in initialization order: (decl index, spec index).
    pub init_order: Vec<(u32, u32)>,
    /// Errors gc reports only once the package compiled, after `-m`'s
    /// decisions (a symbol too large for the linker); empty when the
    /// package has other errors.
    pub late_errors: Vec<Diagnostic>,
}

impl Checked {
    pub fn info(&self, e: &Expr) -> &ExprInfo {
        &self.exprs[e.id as usize]
    }
}

/// A lexical scope: names to objects, and its node in the scope tree.
#[derive(Clone, Default)]
struct Scope {
    names: HashMap<String, ObjId>,
    node: usize,
}

/// The scopes of function bodies as a tree, for the unused-variable report
/// (types2's usage: each scope's variables by position, then its children;
/// a func literal's scope is a root of its own).
#[derive(Default)]
struct ScopeNode {
    vars: Vec<ObjId>,
    children: Vec<usize>,
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

/// A function body whose checking types2 delays (`check.later`): a
/// declared function's until all package-level declarations are checked,
/// a func literal's until the end of the statement containing it.
#[derive(Clone)]
enum Delayed {
    FuncDecl(u32),
    FuncLit {
        /// The literal (a copy: its expression ids are the original's).
        lit: Expr,
        sig: TypeId,
        /// The scopes visible where the literal is.
        scopes: Vec<Scope>,
        decl: Option<(u32, u32)>,
        iota: Option<i128>,
    },
}

pub(crate) struct Checker<'a> {
    file: &'a File,
    types: TypeTable,
    objects: Vec<Object>,
    exprs: Vec<ExprInfo>,
    defs: HashMap<Pos, ObjId>,
    uses: HashMap<ExprId, ObjId>,
    implicits: HashMap<Pos, ObjId>,
    selections: HashMap<ExprId, Selection>,
    funcs: Vec<Option<FuncInfo>>,
    diags: Vec<Diagnostic>,
    scopes: Vec<Scope>,
    scope_tree: Vec<ScopeNode>,
    /// Package-level objects that are declared but not yet resolved: where their declaration is.
    pending: HashMap<ObjId, (u32, u32, usize)>,
    resolve_state: HashMap<ObjId, Resolve>,
    /// The named types whose declarations are being resolved, outermost first.
    type_decls: Vec<ObjId>,
    /// Errors gc reports once the package compiled (symbols too large).
    late_errors: Vec<Diagnostic>,
    func_stack: Vec<FuncCtx>,
    /// The value of `iota` while checking a constant spec.
    iota: Option<i128>,
    /// Package-level objects each package-level var spec or function refers to.
    deps: HashMap<(u32, u32), HashSet<ObjId>>,
    /// The methods (by declaration index) each var spec or function refers
    /// to: calls, method values and method expressions.
    method_deps: HashMap<(u32, u32), HashSet<u32>>,
    /// The package-level declaration whose dependencies are being recorded.
    current_decl: Option<(u32, u32)>,
    /// The type declaration whose underlying type expression is being resolved.
    type_decl_rhs: Option<ExprId>,
    /// The parameter names of each interface literal's methods.
    iface_literal_names: HashMap<ExprId, Vec<(String, IfaceMethodNames)>>,
    /// The position of the first literal of each unnamed interface type.
    iface_literal_pos: HashMap<TypeId, Pos>,
    /// Map key types to check once all types are set up (types2's `later`):
    /// the key type and where it is written.
    delayed_map_keys: Vec<(TypeId, Pos)>,
    universe_len: usize,
    delayed: Vec<Delayed>,
    /// Set when the expression being checked holds a function call, a
    /// receive or a builtin with a non-constant result (types2's
    /// hasCallOrRecv): then `len` or `cap` of an array is not constant.
    has_call_or_recv: bool,
    /// An expression id no parsed expression has: the slot of the binary
    /// expression `x op y` that `x op= y` is checked as.
    pub(crate) scratch_id: ExprId,
}

/// Type-checks a parsed file. `expr_count` is the number of expression ids the parser handed out.
pub fn check(file: &File, expr_count: u32) -> (Checked, Vec<Diagnostic>) {
    let mut c = Checker {
        file,
        types: TypeTable::new(),
        objects: Vec::new(),
        exprs: vec![ExprInfo { ty: INVALID, mode: Mode::Invalid, value: None }; expr_count as usize + 1],
        defs: HashMap::new(),
        uses: HashMap::new(),
        implicits: HashMap::new(),
        selections: HashMap::new(),
        funcs: vec![None; file.decls.len()],
        diags: Vec::new(),
        scopes: Vec::new(),
        scope_tree: Vec::new(),
        pending: HashMap::new(),
        resolve_state: HashMap::new(),
        type_decls: Vec::new(),
        late_errors: Vec::new(),
        func_stack: Vec::new(),
        iota: None,
        deps: HashMap::new(),
        method_deps: HashMap::new(),
        current_decl: None,
        universe_len: 0,
        type_decl_rhs: None,
        iface_literal_names: HashMap::new(),
        iface_literal_pos: HashMap::new(),
        delayed_map_keys: Vec::new(),
        delayed: Vec::new(),
        has_call_or_recv: false,
        scratch_id: expr_count,
    };
    c.types.set_package(&file.package.name);
    c.universe();
    c.package(file);
    c.check_map_keys();
    let late_errors = if c.diags.is_empty() { std::mem::take(&mut c.late_errors) } else { Vec::new() };
    let init_order = c.init_order();
    let checked = Checked {
        types: c.types,
        objects: c.objects,
        exprs: c.exprs,
        defs: c.defs,
        uses: c.uses,
        implicits: c.implicits,
        selections: c.selections,
        funcs: c.funcs,
        init_order,
        late_errors,
    };
    (checked, c.diags)
}

impl<'a> Checker<'a> {
    /// Reports an error. Like types2, once an error was reported, messages
    /// about invalid operands or types are dropped: they only follow from it.
    pub(crate) fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        let msg = msg.into();
        let follow_on = ["invalid operand", "invalid type"].iter().any(|s| msg.find(s).is_some_and(|i| i > 0));
        if follow_on && !self.diags.is_empty() {
            return;
        }
        self.diags.push(Diagnostic::new(pos, msg));
    }

    fn new_object(&mut self, name: &str, kind: ObjKind, ty: TypeId, pos: Pos) -> ObjId {
        self.objects.push(Object { name: name.to_string(), kind, ty, pos, global: self.scopes.len() <= 2, used: false });
        (self.objects.len() - 1) as ObjId
    }

    fn universe(&mut self) {
        self.open_scope();
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
            ("complex64", Basic::Complex64),
            ("complex128", Basic::Complex128),
            ("string", Basic::String),
        ];
        for (name, b) in basics {
            let t = self.types.basic(b);
            self.declare_universe(name, ObjKind::TypeName, t);
        }
        let (byte, rune) = (self.types.byte_type(), self.types.rune_type());
        self.declare_universe("byte", ObjKind::TypeName, byte);
        self.declare_universe("rune", ObjKind::TypeName, rune);
        let any = self.types.any_type();
        self.declare_universe("any", ObjKind::TypeName, any);
        let error = self.types.error_type();
        self.declare_universe("error", ObjKind::TypeName, error);
        let ub = self.types.basic(Basic::UntypedBool);
        self.declare_universe("true", ObjKind::Const(Value::Bool(true)), ub);
        self.declare_universe("false", ObjKind::Const(Value::Bool(false)), ub);
        let un = self.types.basic(Basic::UntypedNil);
        self.declare_universe("nil", ObjKind::Nil, un);
        let ui = self.types.basic(Basic::UntypedInt);
        self.declare_universe("iota", ObjKind::Const(Value::int(0)), ui);
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
            ("complex", Builtin::Complex),
            ("real", Builtin::Real),
            ("imag", Builtin::Imag),
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
        self.declare_checked(ident, kind, ty).0
    }

    /// `declare`, also telling whether the name is now bound (not `_`, not a redeclaration).
    pub(crate) fn declare_checked(&mut self, ident: &Ident, kind: ObjKind, ty: TypeId) -> (ObjId, bool) {
        let id = self.new_object(&ident.name, kind, ty, ident.pos);
        self.defs.insert(ident.pos, id);
        if ident.name == "_" {
            return (id, false);
        }
        let scope = self.scopes.last_mut().expect("a scope is open");
        if let Some(prev) = scope.names.get(&ident.name).copied() {
            self.report_redeclared(ident.pos, &format!("{} redeclared in this block", ident.name), prev);
            return (id, false);
        }
        scope.names.insert(ident.name.clone(), id);
        (id, true)
    }

    /// `msg` at `pos`, and types2's `other declaration of x` line when the
    /// earlier declaration is in the file.
    fn report_redeclared(&mut self, pos: Pos, msg: &str, prev: ObjId) {
        let mut d = Diagnostic::new(pos, msg);
        if (prev as usize) >= self.universe_len {
            let obj = &self.objects[prev as usize];
            d = d.with_note(Note::at(obj.pos, format!("other declaration of {}", obj.name)));
        }
        self.diags.push(d);
    }

    /// Remembers a local variable of the innermost scope for the unused report.
    pub(crate) fn record_local(&mut self, id: ObjId) {
        if let Some(scope) = self.scopes.last() {
            self.scope_tree[scope.node].vars.push(id);
        }
    }

    /// `invalid map key type K` for each map type whose key has no `==`.
    fn check_map_keys(&mut self) {
        for (key, pos) in std::mem::take(&mut self.delayed_map_keys) {
            if !self.comparable(key) {
                self.error(pos, format!("invalid map key type {}", self.types.type_string(key)));
            }
        }
    }

    /// Opens a block scope inside the current one.
    pub(crate) fn open_scope(&mut self) {
        let node = self.scope_tree.len();
        self.scope_tree.push(ScopeNode::default());
        if let Some(parent) = self.scopes.last() {
            self.scope_tree[parent.node].children.push(node);
        }
        self.scopes.push(Scope { names: HashMap::new(), node });
    }

    /// Opens the scope of a function body: the root of its unused report.
    fn open_func_scope(&mut self) -> usize {
        let node = self.scope_tree.len();
        self.scope_tree.push(ScopeNode::default());
        self.scopes.push(Scope { names: HashMap::new(), node });
        node
    }

    pub(crate) fn close_scope(&mut self) {
        self.scopes.pop();
    }

    /// types2's usage: `x declared but not used` for a scope's variables in
    /// position order, then for its children's.
    fn report_unused(&mut self, node: usize) {
        let mut unused: Vec<(Pos, String)> = self.scope_tree[node]
            .vars
            .iter()
            .map(|id| &self.objects[*id as usize])
            .filter(|obj| !obj.used)
            .map(|obj| (obj.pos, obj.name.clone()))
            .collect();
        unused.sort();
        for (pos, name) in unused {
            self.diags.push(Diagnostic::new(pos, format!("{} declared but not used", name)));
        }
        let children = self.scope_tree[node].children.clone();
        for child in children {
            self.report_unused(child);
        }
    }

    /// Runs the delayed function bodies queued after `top`, including the
    /// ones they queue in turn, in order (types2's processDelayed).
    pub(crate) fn process_delayed(&mut self, top: usize) {
        let mut i = top;
        while i < self.delayed.len() {
            match self.delayed[i].clone() {
                Delayed::FuncDecl(di) => {
                    if let Decl::Func(f) = &self.file.decls[di as usize] {
                        self.check_func_decl(di, f);
                    }
                }
                Delayed::FuncLit { lit, sig, scopes, decl, iota } => {
                    if let ExprKind::FuncLit { sig: sig_ast, body } = &lit.kind {
                        let saved_scopes = std::mem::replace(&mut self.scopes, scopes);
                        let saved_decl = std::mem::replace(&mut self.current_decl, decl);
                        let saved_iota = std::mem::replace(&mut self.iota, iota);
                        self.open_func_scope();
                        self.func_body(sig_ast, sig, body);
                        self.close_scope();
                        self.scopes = saved_scopes;
                        self.current_decl = saved_decl;
                        self.iota = saved_iota;
                    }
                }
            }
            i += 1;
        }
        self.delayed.truncate(top);
    }

    /// Queues a func literal's body, to be checked at the end of the statement.
    pub(crate) fn delay_func_lit(&mut self, lit: &Expr, sig: TypeId) {
        let scopes = self.scopes.clone();
        self.delayed.push(Delayed::FuncLit { lit: lit.clone(), sig, scopes, decl: self.current_decl, iota: self.iota });
    }

    /// Collects every package-level name, then resolves types (with their
    /// methods), then constants, variables and functions in source order,
    /// then checks the function bodies, as types2 orders its work.
    fn package(&mut self, file: &'a File) {
        branches::check_file(file, &mut self.diags);
        self.open_scope();
        if file.package.name == "_" {
            self.error(file.package.pos, "invalid package name _");
        }
        for import in &file.imports {
            self.error(import.pos, format!("could not import {} (minigo supports no imports)", import.path));
            let name = import
                .name
                .clone()
                .unwrap_or_else(|| Ident { name: import.path.rsplit('/').next().unwrap_or_default().to_string(), pos: import.pos });
            if name.name != "." && name.name != "_" {
                let id = self.declare(&Ident { name: name.name, pos: import.pos }, ObjKind::Package, INVALID);
                self.objects[id as usize].used = true;
            }
        }
        for (di, decl) in file.decls.iter().enumerate() {
            let di = di as u32;
            match decl {
                Decl::Func(f) => {
                    if f.recv.is_some() {
                        continue;
                    }
                    if (f.name.name == "init" || f.name.name == "main") && f.sig.params.len() + f.sig.results.len() > 0 {
                        self.error(f.name.pos, format!("func {} must have no arguments and no return values", f.name.name));
                    }
                    if f.name.name == "init" || f.name.name == "_" {
                        continue;
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
                            let id = self.declare(name, ObjKind::Const(Value::int(0)), INVALID);
                            self.pending.insert(id, (di, si as u32, ni));
                        }
                        self.const_arity(specs, si);
                    }
                }
                Decl::Var(specs) => {
                    for (si, spec) in specs.iter().enumerate() {
                        for (ni, name) in spec.names.iter().enumerate() {
                            let id = self.declare(name, ObjKind::Var, INVALID);
                            self.objects[id as usize].used = true;
                            self.pending.insert(id, (di, si as u32, ni));
                        }
                        self.var_arity(spec);
                    }
                }
            }
        }
        let mut ids: Vec<ObjId> = self.pending.keys().copied().collect();
        ids.sort();
        let (types, others): (Vec<ObjId>, Vec<ObjId>) =
            ids.into_iter().partition(|id| self.objects[*id as usize].kind == ObjKind::TypeName);
        for id in &types {
            self.resolve_global(*id);
        }
        self.check_valid_types(&types);
        // Methods of types that did not resolve, and of non-local or invalid receivers.
        self.collect_methods(file, None);
        for id in others {
            self.resolve_global(id);
        }
        for (di, decl) in file.decls.iter().enumerate() {
            if let Decl::Func(f) = decl {
                if f.recv.is_none() && (f.name.name == "init" || f.name.name == "_") {
                    let sig = self.func_signature(&f.sig, None);
                    self.funcs[di] = Some(FuncInfo { sig, recv: None });
                    self.delayed.push(Delayed::FuncDecl(di as u32));
                }
            }
        }
        self.process_delayed(0);
    }

    /// types2's `validType`: a named type may not contain itself by value
    /// (through struct fields and array elements). Each cycle is reported once,
    /// from the type declared first, and its types become invalid.
    pub(crate) fn check_valid_types(&mut self, type_names: &[ObjId]) {
        for &id in type_names {
            let named = self.objects[id as usize].ty;
            let mut path = Vec::new();
            let Some(cycle) = self.type_cycle(named, &mut path) else { continue };
            self.report_type_cycle(cycle);
        }
    }

    /// Reports a cycle of named types, each referring to the next, from the
    /// one declared first, and makes them invalid.
    fn report_type_cycle(&mut self, mut cycle: Vec<TypeId>) {
        let decl = |c: &Checker, t: TypeId| {
            c.objects.iter().find(|o| o.kind == ObjKind::TypeName && o.ty == t).map(|o| (o.pos, o.name.clone())).unwrap_or_default()
        };
        let first = (0..cycle.len()).min_by_key(|i| decl(self, cycle[*i]).0).unwrap_or(0);
        cycle.rotate_left(first);
        let (pos, name) = decl(self, cycle[0]);
        let mut notes: Vec<Note> = cycle
            .iter()
            .map(|t| {
                let (p, n) = decl(self, *t);
                Note::at(p, format!("{} refers to", n))
            })
            .collect();
        notes.push(Note::at(pos, name.clone()));
        let mut diag = Diagnostic::new(pos, format!("invalid recursive type {}", name));
        diag.notes = notes;
        self.diags.push(diag);
        for t in cycle {
            self.types.set_underlying(t, INVALID);
        }
    }

    /// A cycle of named types through `t`, each containing the next by value.
    fn type_cycle(&self, t: TypeId, path: &mut Vec<TypeId>) -> Option<Vec<TypeId>> {
        match self.types.kind(t) {
            TypeKind::Named { underlying, .. } => {
                if let Some(i) = path.iter().position(|p| *p == t) {
                    return Some(path[i..].to_vec());
                }
                let underlying = *underlying;
                path.push(t);
                let found = self.type_cycle(underlying, path);
                path.pop();
                found
            }
            TypeKind::Struct(fields) => fields.iter().find_map(|f| self.type_cycle(f.ty, path)),
            TypeKind::Array(_, elem) => self.type_cycle(*elem, path),
            _ => None,
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
                self.delayed.push(Delayed::FuncDecl(di));
            }
            Decl::Type(specs) => {
                let spec = &specs[si as usize];
                if spec.alias {
                    let t = self.resolve_type(&spec.ty);
                    self.objects[id as usize].ty = t;
                } else {
                    let named = self.types.new_named(&spec.name.name, di);
                    self.objects[id as usize].ty = named;
                    // Only a chain of declarations that each name another
                    // type (`type A B`) can close a cycle of names: a struct
                    // or pointer in between is resolved in its own right.
                    let names_a_type = matches!(strip_parens(&spec.ty).kind, ExprKind::Ident(_));
                    let outer = std::mem::take(&mut self.type_decls);
                    if names_a_type {
                        self.type_decls = outer.clone();
                        self.type_decls.push(id);
                    }
                    let under = self.resolve_declared_type(named, &spec.ty);
                    let chain = std::mem::replace(&mut self.type_decls, outer);
                    // A type declared as a named type still being declared
                    // (`type A B; type B A`, `type A A`): a cycle of names.
                    let declaring = chain.iter().position(|o| self.objects[*o as usize].ty == under);
                    if let Some(start) = declaring {
                        let cycle: Vec<TypeId> = chain[start..].iter().map(|o| self.objects[*o as usize].ty).collect();
                        self.report_type_cycle(cycle);
                    } else if under != INVALID {
                        self.types.set_underlying(named, under);
                    }
                    self.collect_methods(file, Some(named));
                }
            }
            Decl::Const(specs) => {
                let (t, v) = self.const_spec_name(specs, si as usize, ni);
                self.objects[id as usize].ty = t;
                self.objects[id as usize].kind = ObjKind::Const(v.unwrap_or(Value::int(0)));
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

    /// types2's arity check of a constant spec (at package level, when collecting).
    pub(crate) fn const_arity(&mut self, specs: &[ConstSpec], si: usize) {
        let spec = &specs[si];
        let inherited = spec.values.is_empty();
        let Some(source) = specs[..=si].iter().rev().find(|s| !s.values.is_empty()) else {
            if let Some(name) = spec.names.first() {
                self.error(name.pos, format!("missing init expr for {}", name.name));
            }
            return;
        };
        let (l, r) = (spec.names.len(), source.values.len());
        if l < r {
            let extra = &source.values[l];
            if inherited {
                let at = spec.names[0].pos;
                self.diags.push(Diagnostic::new(at, "extra init expr at").ending_with(extra.pos));
            } else {
                let d = self.expr_string(extra);
                self.error(extra.start(), format!("extra init expr {}", d));
            }
        } else if l > r {
            let name = &spec.names[r];
            self.error(name.pos, format!("missing init expr for {}", name.name));
        }
    }

    /// types2's arity check of a variable spec.
    fn var_arity(&mut self, spec: &VarSpec) {
        if spec.ty.is_some() && spec.values.is_empty() {
            return;
        }
        let (l, r) = (spec.names.len(), spec.values.len());
        if l < r {
            let extra = &spec.values[l];
            let d = self.expr_string(extra);
            self.error(extra.start(), format!("extra init expr {}", d));
        } else if l > r && r != 1 {
            let name = &spec.names[r];
            self.error(name.pos, format!("missing init expr for {}", name.name));
        }
    }

    /// The type and value of constant `names[ni]` of spec `si`, repeating
    /// the last expression list as Go does. Errors in a repeated expression
    /// are reported at the constant's name, as types2 does.
    pub(crate) fn const_spec_name(&mut self, specs: &[ConstSpec], si: usize, ni: usize) -> (TypeId, Option<Value>) {
        let spec = &specs[si];
        let Some(source) = specs[..=si].iter().rev().find(|s| !s.values.is_empty()) else {
            return (INVALID, None);
        };
        let Some(value_expr) = source.values.get(ni) else {
            return (INVALID, None);
        };
        let saved_iota = self.iota.replace(spec.iota as i128);
        let first_new_diag = self.diags.len();
        let result = self.const_init(source.ty.as_ref(), value_expr);
        if spec.values.is_empty() {
            for d in &mut self.diags[first_new_diag..] {
                d.pos = spec.names[ni].pos;
            }
        }
        self.iota = saved_iota;
        result
    }

    /// The type and value of a constant declared with optional type and the given expression.
    pub(crate) fn const_init(&mut self, ty_expr: Option<&Expr>, value_expr: &Expr) -> (TypeId, Option<Value>) {
        let declared = ty_expr.map(|t| self.resolve_type(t));
        if let Some(t) = declared {
            if t != INVALID && self.types.basic_of(t).is_none_or(|b| b.is_untyped()) {
                let d = self.types.type_string(t);
                if let Some(te) = ty_expr {
                    self.error(te.start(), format!("invalid constant type {}", d));
                }
                return (INVALID, None);
            }
        }
        self.expr(value_expr);
        let info = self.exprs[value_expr.id as usize].clone();
        if info.mode == Mode::Invalid || info.ty == INVALID || declared == Some(INVALID) {
            return (declared.unwrap_or(INVALID), None);
        }
        if info.mode != Mode::Constant {
            let desc = self.describe_operand(value_expr);
            self.error(value_expr.start(), format!("{} is not constant", desc));
            return (declared.unwrap_or(INVALID), None);
        }
        let t = declared.unwrap_or(info.ty);
        if !self.assign_to(value_expr, t, "constant declaration") {
            return (t, None);
        }
        (t, self.exprs[value_expr.id as usize].value.clone())
    }

    fn check_global_var_spec(&mut self, spec: &VarSpec) {
        let ids: Vec<ObjId> = spec.names.iter().map(|n| self.defs.get(&n.pos).copied().unwrap_or(0)).collect();
        for id in &ids {
            self.resolve_state.insert(*id, Resolve::InProgress);
        }
        let types = self.var_spec(spec, Some(&ids));
        for ((id, (t, _)), name) in ids.iter().zip(types).zip(&spec.names) {
            self.objects[*id as usize].ty = t;
            self.resolve_state.insert(*id, Resolve::Done);
            if self.check_size(name.pos, t) && t != INVALID && self.types.size(t) > MAX_SYMBOL_SIZE {
                let msg = format!(
                    "{}.{}: symbol too large ({} bytes > {} bytes)",
                    self.types.package_path(),
                    name.name,
                    self.types.size(t),
                    MAX_SYMBOL_SIZE
                );
                self.late_errors.push(Diagnostic::new(name.pos, msg));
            }
        }
    }

    /// gc's `CalcSize` limit: a variable's type must fit the address space
    /// (`1<<50` bytes on 64-bit targets). Reports it and returns false when not.
    pub(crate) fn check_size(&mut self, pos: Pos, t: TypeId) -> bool {
        if t == INVALID || self.types.size(t) < MAX_WIDTH {
            return true;
        }
        let text = self.types.type_string(t);
        self.error(pos, format!("type {} larger than address space", text));
        false
    }

    /// Checks the initializers of a `var` spec as types2's varDecl does;
    /// returns each name's type and whether to mark it used (after an error).
    pub(crate) fn var_spec(&mut self, spec: &VarSpec, global: Option<&[ObjId]>) -> Vec<(TypeId, bool)> {
        let declared = spec.ty.as_ref().map(|t| self.resolve_type(t));
        let n = spec.names.len();
        let mut out = Vec::with_capacity(n);
        if spec.values.len() == 1 && n > 1 {
            return self.init_vars(&vec![declared; n], &spec.values, None);
        }
        for i in 0..n {
            let Some(init) = spec.values.get(i) else {
                out.push((declared.unwrap_or(INVALID), declared.is_none()));
                continue;
            };
            self.value_expr(init);
            let x = self.operand(init);
            match self.init_var(declared, &x, "variable declaration") {
                Some(t) => out.push((t, false)),
                None => out.push((declared.unwrap_or(INVALID), true)),
            }
        }
        if global.is_none() {
            self.var_arity(spec);
        }
        out
    }

    /// Attaches the methods declared on `base` (None: the methods whose
    /// receiver base type did not resolve to a type of this file) to their type.
    fn collect_methods(&mut self, file: &'a File, base: Option<TypeId>) {
        for (di, decl) in file.decls.iter().enumerate() {
            let Decl::Func(f) = decl else { continue };
            let Some(recv) = &f.recv else { continue };
            if self.funcs[di].is_some() {
                continue;
            }
            let (base_expr, pointer) = match &strip_parens(&recv.ty).kind {
                ExprKind::Star(inner) => (strip_parens(inner), true),
                _ => (strip_parens(&recv.ty), false),
            };
            let local_type = match &base_expr.kind {
                ExprKind::Ident(name) => {
                    self.scopes[1].names.get(name).copied().filter(|id| self.objects[*id as usize].kind == ObjKind::TypeName)
                }
                _ => None,
            };
            let named = local_type.map(|id| self.objects[id as usize].ty);
            if base.is_some() && named != base {
                continue;
            }
            let recv_ty = self.resolve_type(base_expr);
            let sig = self.func_signature(&f.sig, None);
            let at = recv.name.as_ref().map(|n| n.pos).unwrap_or_else(|| recv.ty.start());
            let valid = match self.types.kind(recv_ty) {
                _ if recv_ty == INVALID => false,
                TypeKind::Named { decl_index, .. } if *decl_index != PREDECLARED_ALIAS && local_type.is_some() => {
                    if self.types.pointer_elem(recv_ty).is_some() || self.types.is_interface(recv_ty) {
                        self.error(at, format!("invalid receiver type {} (pointer or interface type)", self.types.type_string(recv_ty)));
                        false
                    } else {
                        true
                    }
                }
                TypeKind::Named { .. } | TypeKind::Basic(_) => {
                    self.error(at, format!("cannot define new methods on non-local type {}", self.types.type_string(recv_ty)));
                    false
                }
                _ => {
                    let t = self.resolve_type(&recv.ty);
                    self.error(at, format!("invalid receiver type {}", self.types.type_string(t)));
                    false
                }
            };
            self.funcs[di] = Some(FuncInfo { sig, recv: valid.then_some((recv_ty, pointer)) });
            self.delayed.push(Delayed::FuncDecl(di as u32));
            if !valid || f.name.name == "_" {
                continue;
            }
            let existing = self.types.methods.get(&recv_ty).and_then(|ms| ms.iter().find(|m| m.name == f.name.name)).map(|m| m.func_index);
            if let Some(prev_di) = existing {
                let tn = self.types.type_string(recv_ty);
                let mut d = Diagnostic::new(f.name.pos, format!("{}.{} redeclared in this block", tn, f.name.name));
                if let Decl::Func(prev) = &file.decls[prev_di as usize] {
                    d = d.with_note(Note::at(prev.name.pos, format!("other declaration of {}", f.name.name)));
                }
                self.diags.push(d);
                continue;
            }
            self.types.methods.entry(recv_ty).or_default().push(Method {
                name: f.name.name.clone(),
                sig,
                pointer_recv: pointer,
                func_index: di as u32,
            });
            if let Some(field_pos) = self.struct_field_pos(recv_ty, &f.name.name) {
                let d = Diagnostic::new(f.name.pos, format!("field and method with the same name {}", f.name.name))
                    .with_note(Note::at(field_pos, format!("other declaration of {}", f.name.name)));
                self.diags.push(d);
            }
        }
    }

    /// The position of a field's name in a named struct type's declaration.
    fn struct_field_pos(&self, named: TypeId, name: &str) -> Option<Pos> {
        let TypeKind::Named { decl_index, .. } = self.types.kind(named) else { return None };
        let Some(Decl::Type(specs)) = self.file.decls.get(*decl_index as usize) else { return None };
        specs.iter().find_map(|spec| match &spec.ty.kind {
            ExprKind::StructType(fields) if self.objects.iter().any(|o| o.ty == named && o.pos == spec.name.pos) => {
                fields.iter().flat_map(|fd| fd.names.iter()).find(|n| n.name == name).map(|n| n.pos)
            }
            _ => None,
        })
    }

    fn check_func_decl(&mut self, di: u32, f: &'a FuncDecl) {
        let Some(info) = self.funcs[di as usize].clone() else { return };
        let Some(body) = &f.body else { return };
        let prev = self.current_decl.replace((di, u32::MAX));
        self.open_func_scope();
        if let Some(recv) = &f.recv {
            let recv_ty = self.resolve_type(&recv.ty);
            if let Some(name) = &recv.name {
                let id = self.declare(name, ObjKind::Var, recv_ty);
                self.objects[id as usize].used = true;
            }
        }
        self.func_body(&f.sig, info.sig, body);
        self.close_scope();
        self.current_decl = prev;
    }

    /// Declares parameters and results, checks the body, and reports a
    /// missing return and unused variables. The caller has opened the
    /// function's scope (which the body's top-level declarations share).
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
        let node = self.scopes.last().map(|s| s.node).unwrap_or(0);
        self.func_stack.push(FuncCtx { results: sig.results.clone(), named_results });
        self.stmts(&body.stmts);
        if !sig.results.is_empty() && !self.is_terminating_list(&body.stmts) {
            self.error(body.rbrace, "missing return");
        }
        self.report_unused(node);
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

    /// Records that the declaration being checked refers to the method declared at `decl`.
    pub(crate) fn record_method_dep(&mut self, decl: u32) {
        if let Some(current) = self.current_decl {
            self.method_deps.entry(current).or_default().insert(decl);
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
        // Transitive variable dependencies of each spec, following functions
        // and methods.
        let var_deps = |start: (u32, u32)| -> HashSet<(u32, u32)> {
            let mut out = HashSet::new();
            let mut seen_funcs = HashSet::new();
            let mut stack: Vec<ObjId> = self.deps.get(&start).map(|s| s.iter().copied().collect()).unwrap_or_default();
            let mut funcs: Vec<u32> = self.method_deps.get(&start).map(|s| s.iter().copied().collect()).unwrap_or_default();
            loop {
                if let Some(id) = stack.pop() {
                    if let Some(spec) = var_spec_of.get(&id) {
                        if *spec != start {
                            out.insert(*spec);
                        }
                    } else if let Some(di) = func_decl_of.get(&id) {
                        funcs.push(*di);
                    }
                } else if let Some(di) = funcs.pop() {
                    if seen_funcs.insert(di) {
                        if let Some(d) = self.deps.get(&(di, u32::MAX)) {
                            stack.extend(d.iter().copied());
                        }
                        if let Some(m) = self.method_deps.get(&(di, u32::MAX)) {
                            funcs.extend(m.iter().copied());
                        }
                    }
                } else {
                    return out;
                }
            }
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

/// gc's `types.MaxWidth` on 64-bit targets.
const MAX_WIDTH: u64 = 1 << 50;

/// The linker's (cmd/internal/obj) largest symbol: a package variable's size.
const MAX_SYMBOL_SIZE: u64 = 2_000_000_000;

pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
