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
                self.resolve_type(k);
                self.resolve_type(v);
                self.error(e.pos, "maps are not supported yet (minigo tier 2)");
                INVALID
            }
            ExprKind::ChanType(_, elem) => {
                self.resolve_type(elem);
                self.error(e.pos, "channels are not supported yet (minigo tier 2)");
                INVALID
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
            ExprKind::InterfaceType(methods) => {
                if !methods.is_empty() {
                    self.error(e.pos, "interfaces with methods are not supported yet (minigo tier 2)");
                    return INVALID;
                }
                self.types.intern(TypeKind::Interface(Vec::new()))
            }
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
