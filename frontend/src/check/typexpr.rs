//! Type expressions: turning `[]int`, `*T`, `struct{...}`, `func(...)...`
//! into `TypeId`s, and function signatures.

use super::*;

impl<'a> Checker<'a> {
    /// Resolves a type expression; reports `x is not a type` and returns INVALID on error.
    pub(crate) fn resolve_type(&mut self, e: &Expr) -> TypeId {
        let t = self.type_of_type_expr(e);
        if t != INVALID {
            self.exprs[e.id as usize] = ExprInfo { ty: t, mode: Mode::Type, value: None };
        }
        t
    }

    fn type_of_type_expr(&mut self, e: &Expr) -> TypeId {
        match &e.kind {
            ExprKind::Ident(name) => {
                let Some(id) = self.lookup(name) else {
                    self.error(e.pos, format!("undefined: {}", name));
                    return INVALID;
                };
                self.uses.insert(e.id, id);
                self.objects[id as usize].used = true;
                if self.objects[id as usize].kind == ObjKind::TypeName {
                    self.resolve_global(id);
                    return self.objects[id as usize].ty;
                }
                self.error(e.pos, format!("{} is not a type", name));
                INVALID
            }
            ExprKind::Paren(inner) => self.resolve_type(inner),
            ExprKind::Star(inner) => {
                let t = self.resolve_type(inner);
                if t == INVALID {
                    return INVALID;
                }
                self.types.intern(TypeKind::Pointer(t))
            }
            ExprKind::SliceType(elem) => {
                let t = self.resolve_type(elem);
                if t == INVALID {
                    return INVALID;
                }
                self.types.intern(TypeKind::Slice(t))
            }
            ExprKind::ArrayType { len, elem } => {
                let t = self.resolve_type(elem);
                let Some(len) = len else {
                    self.error(e.pos, "invalid use of [...] array (outside a composite literal)");
                    return INVALID;
                };
                let n = self.array_length(len);
                if t == INVALID {
                    return INVALID;
                }
                match n {
                    Some(n) => self.types.intern(TypeKind::Array(n, t)),
                    None => INVALID,
                }
            }
            ExprKind::MapType(k, v) => {
                let key = self.resolve_type(k);
                let value = self.resolve_type(v);
                if key == INVALID || value == INVALID {
                    return INVALID;
                }
                self.delayed_map_keys.push((key, k.start()));
                self.types.intern(TypeKind::Map(key, value))
            }
            ExprKind::ChanType(dir, elem) => {
                let elem = self.resolve_type(elem);
                if elem == INVALID {
                    return INVALID;
                }
                self.types.intern(TypeKind::Chan(*dir, elem))
            }
            ExprKind::FuncType(ft) => self.func_signature(ft, None),
            ExprKind::StructType(fields) => {
                let mut out: Vec<Field> = Vec::new();
                for fd in fields {
                    let t = self.resolve_type(&fd.ty);
                    if fd.names.is_empty() {
                        let name = embedded_name(&fd.ty);
                        if out.iter().any(|f| f.name == name) {
                            self.error(fd.ty.start(), format!("{} redeclared", name));
                        }
                        out.push(Field { name, ty: t, embedded: true });
                    }
                    for n in &fd.names {
                        if n.name != "_" && out.iter().any(|f| f.name == n.name) {
                            self.error(n.pos, format!("{} redeclared", n.name));
                        }
                        out.push(Field { name: n.name.clone(), ty: t, embedded: false });
                    }
                }
                self.types.intern(TypeKind::Struct(out))
            }
            ExprKind::InterfaceType(elems) => self.interface_type(e.id, e.pos, elems),
            ExprKind::Bad => INVALID,
            _ => {
                let d = self.expr_string(e);
                self.error(e.start(), format!("{} is not a type", d));
                INVALID
            }
        }
    }

    /// types2's arrayLength: a constant, non-negative integer.
    fn array_length(&mut self, len: &Expr) -> Option<u64> {
        if let ExprKind::Ident(name) = &len.kind {
            match self.lookup(name) {
                None => {
                    self.error(len.pos, format!("undeclared name {} for array length", name));
                    return None;
                }
                Some(id) if !matches!(self.objects[id as usize].kind, ObjKind::Const(_)) => {
                    self.objects[id as usize].used = true;
                    self.error(len.pos, format!("invalid array length {}", name));
                    return None;
                }
                Some(_) => {}
            }
        }
        let info = self.value_expr(len);
        if info.mode != Mode::Constant {
            if info.mode != Mode::Invalid {
                let d = self.describe_operand(len);
                self.error(len.start(), format!("array length {} must be constant", d));
            }
            return None;
        }
        let b = self.types.basic_of(info.ty).unwrap_or(Basic::Invalid);
        if b.is_untyped() || b.is_integer() {
            if let Some(n) = info.value.as_ref().and_then(|v| v.as_int()).filter(|n| *n <= i64::MAX as i128) {
                if n >= 0 {
                    return Some(n as u64);
                }
                let d = self.describe_operand(len);
                self.error(len.start(), format!("invalid array length {}", d));
                return None;
            }
        }
        let d = self.describe_operand(len);
        self.error(len.start(), format!("array length {} must be integer", d));
        None
    }

    /// The `func(...)...` type of a signature; results keep their types only.
    pub(crate) fn func_signature(&mut self, ft: &FuncType, recv: Option<TypeId>) -> TypeId {
        let mut params = Vec::new();
        params.extend(recv);
        let mut variadic = false;
        for (i, p) in ft.params.iter().enumerate() {
            let mut t = self.resolve_type(&p.ty);
            if p.variadic {
                if i + 1 != ft.params.len() {
                    self.error(p.ty.start(), "can only use ... with final parameter in list");
                }
                variadic = true;
                t = self.types.intern(TypeKind::Slice(t));
            }
            params.push(t);
        }
        let results = ft.results.iter().map(|p| self.resolve_type(&p.ty)).collect();
        self.types.intern(TypeKind::Func(Signature { params, results, variadic }))
    }
}

/// The field name of an embedded field: the type name without `*`.
fn embedded_name(ty: &Expr) -> String {
    match &ty.kind {
        ExprKind::Ident(n) => n.clone(),
        ExprKind::Star(inner) | ExprKind::Paren(inner) => embedded_name(inner),
        _ => "?".to_string(),
    }
}

impl Checker<'_> {
    /// An interface type: its own methods and those of the interfaces it
    /// embeds, sorted by name (types2's type set). A method may come twice
    /// through embedding only with identical signatures.
    fn interface_type(&mut self, id: ExprId, pos: Pos, elems: &[InterfaceElem]) -> TypeId {
        let mut methods: Vec<IfaceMethod> = Vec::new();
        let mut names: Vec<(String, IfaceMethodNames)> = Vec::new();
        // The methods declared here first, with their positions.
        let mut declared: Vec<(&str, Pos)> = Vec::new();
        for elem in elems {
            let InterfaceElem::Method(m) = elem else { continue };
            let sig = self.func_signature(&m.sig, None);
            if m.name.name == "_" {
                self.error(m.name.pos, "methods must have a unique non-blank name");
                continue;
            }
            if let Some((_, first)) = declared.iter().find(|(name, _)| *name == m.name.name) {
                let d = Diagnostic::new(m.name.pos, format!("duplicate method {}", m.name.name))
                    .with_note(Note::at(*first, format!("other declaration of {}", m.name.name)));
                self.diags.push(d);
                continue;
            }
            declared.push((&m.name.name, m.name.pos));
            methods.push(IfaceMethod { name: m.name.name.clone(), sig });
            names.push((m.name.name.clone(), declared_names(&m.sig)));
        }
        for elem in elems {
            match elem {
                InterfaceElem::Method(_) => {}
                InterfaceElem::Embedded(t) => {
                    let embedded = self.resolve_type(t);
                    if embedded == INVALID {
                        continue;
                    }
                    let Some(embedded_methods) = self.types.iface_methods(embedded).map(|ms| ms.to_vec()) else {
                        let d = self.types.type_string(embedded);
                        self.error(
                            t.start(),
                            format!("{} is not an interface (type constraints are not supported: minigo has no generics)", d),
                        );
                        continue;
                    };
                    for m in embedded_methods {
                        match methods.iter().find(|other| other.name == m.name) {
                            Some(other) if !self.types.identical(other.sig, m.sig) => {
                                self.error(t.start(), format!("duplicate method {}", m.name));
                            }
                            Some(_) => {}
                            None => {
                                let declared = self.types.iface_names(embedded, &m.name).cloned().unwrap_or_default();
                                names.push((m.name.clone(), declared));
                                methods.push(m);
                            }
                        }
                    }
                }
            }
        }
        methods.sort_by(|a, b| a.name.cmp(&b.name));
        let t = self.types.intern(TypeKind::Interface(methods));
        // A type declaration's literal gives its names to the declared type
        // (`resolve_declared_type`); other literals to their type as spelled
        // and to its canonical type (`byte` as `uint8`): the first in the
        // source, whose descriptor gc writes (typesByString sorts identical
        // unnamed interfaces by position).
        if self.type_decl_rhs != Some(id) {
            let literals = self.types.iface_literals.entry(self.types.canonical(t)).or_default();
            let at = literals.partition_point(|(p, _)| *p < pos);
            literals.insert(at, (pos, names.clone()));
            for key in [self.types.canonical(t), t] {
                if self.iface_literal_pos.get(&key).is_some_and(|first| *first <= pos) {
                    continue;
                }
                self.iface_literal_pos.insert(key, pos);
                for (name, declared) in &names {
                    self.types.iface_method_names.insert((key, name.clone()), declared.clone());
                }
            }
        }
        self.iface_literal_names.insert(id, names);
        t
    }
}

/// The names an interface method's wrapper gives its parameters and results.
fn declared_names(ft: &FuncType) -> IfaceMethodNames {
    let mut anon = 0;
    let params = ft
        .params
        .iter()
        .map(|p| match &p.name {
            Some(n) if n.name != "_" => (n.name.clone(), n.pos),
            other => {
                anon += 1;
                (format!(".anon{}", anon - 1), other.as_ref().map_or(p.type_pos, |n| n.pos))
            }
        })
        .collect();
    let results = ft
        .results
        .iter()
        .enumerate()
        .map(|(i, r)| match &r.name {
            Some(n) if n.name != "_" => (n.name.clone(), n.pos),
            other => (format!("~r{}", i), other.as_ref().map_or(r.type_pos, |n| n.pos)),
        })
        .collect();
    IfaceMethodNames { params, results }
}

impl Checker<'_> {
    /// Resolves the underlying type expression of a declared type `named`:
    /// an interface literal there names its methods' parameters for `named`.
    pub(crate) fn resolve_declared_type(&mut self, named: TypeId, ty: &Expr) -> TypeId {
        let rhs = strip_parens(ty).id;
        let outer = self.type_decl_rhs.replace(rhs);
        let under = self.resolve_type(ty);
        self.type_decl_rhs = outer;
        if let Some(names) = self.iface_literal_names.get(&rhs) {
            for (name, declared) in names.clone() {
                self.types.iface_method_names.insert((named, name), declared);
            }
        }
        under
    }
}
