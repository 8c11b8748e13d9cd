//! Expressions: operands and their modes, untyped constants and their final
//! types, assignability, conversions, calls and builtins, selectors, index and
//! slice expressions, composite literals and function literals (types2's
//! expr.go, call.go, builtins.go, assignments.go, conversions.go).

use super::*;
use num_traits::Zero;

use crate::constant::{self, represent, ArithOp};
use crate::diag::Note;

impl<'a> Checker<'a> {
    fn set(&mut self, e: &Expr, mode: Mode, ty: TypeId, value: Option<Value>) {
        self.exprs[e.id as usize] = ExprInfo { ty, mode, value };
    }

    fn invalid(&mut self, e: &Expr) {
        self.set(e, Mode::Invalid, INVALID, None);
    }

    pub(crate) fn info_of(&self, e: &Expr) -> ExprInfo {
        self.exprs[e.id as usize].clone()
    }

    pub(crate) fn untyped(&mut self, b: Basic) -> TypeId {
        self.types.basic(b)
    }

    pub(crate) fn is_untyped(&self, t: TypeId) -> bool {
        self.types.basic_of(t).is_some_and(|b| b.is_untyped()) && !self.types.is_named(t)
    }

    pub(crate) fn default_type(&mut self, t: TypeId) -> TypeId {
        match self.types.kind(t) {
            TypeKind::Basic(Basic::UntypedBool) => self.types.basic(Basic::Bool),
            TypeKind::Basic(Basic::UntypedInt) => self.types.basic(Basic::Int),
            TypeKind::Basic(Basic::UntypedRune) => self.types.rune_type(),
            TypeKind::Basic(Basic::UntypedFloat) => self.types.basic(Basic::Float64),
            TypeKind::Basic(Basic::UntypedComplex) => self.types.basic(Basic::Complex128),
            TypeKind::Basic(Basic::UntypedString) => self.types.basic(Basic::String),
            _ => t,
        }
    }

    /// Checks an expression that must be a single value (not a type, not a
    /// no-value call, not several values): types2's `expr`.
    pub(crate) fn value_expr(&mut self, e: &Expr) -> ExprInfo {
        self.expr(e);
        self.exclude_non_values(e);
        let info = self.info_of(e);
        if info.mode != Mode::Invalid && matches!(self.types.kind(info.ty), TypeKind::Tuple(_)) {
            let d = self.describe_operand(e);
            self.error(e.start(), format!("multiple-value {} in single-value context", d));
            self.invalid(e);
        }
        self.info_of(e)
    }

    /// types2's exclude: reports an operand that is no value, a built-in or a type.
    pub(crate) fn exclude_non_values(&mut self, e: &Expr) {
        let msg = match self.info_of(e).mode {
            Mode::NoValue => "used as value",
            Mode::Builtin(_) => "must be called",
            Mode::Type => "is not an expression",
            _ => return,
        };
        let d = self.describe_operand(e);
        self.error(e.start(), format!("{} {}", d, msg));
        self.invalid(e);
    }

    /// Checks an expression of any mode and records its info.
    pub(crate) fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Ident(name) => self.ident(e, name),
            ExprKind::IntLit(text) => match constant::parse_int(text) {
                Some(v) => {
                    let t = self.untyped(Basic::UntypedInt);
                    self.set(e, Mode::Constant, t, Some(Value::Int(v)));
                }
                None => {
                    self.error(e.pos, format!("integer constant overflow: {}", text));
                    self.invalid(e);
                }
            },
            ExprKind::FloatLit(text) => match constant::parse_float(text) {
                Some(v) => {
                    let t = self.untyped(Basic::UntypedFloat);
                    self.set(e, Mode::Constant, t, Some(Value::Float(v)));
                }
                None => {
                    self.error(e.pos, format!("malformed constant: {}", text));
                    self.invalid(e);
                }
            },
            ExprKind::ImagLit(text) => match constant::parse_imag(text) {
                Some(v) => {
                    let t = self.untyped(Basic::UntypedComplex);
                    self.set(e, Mode::Constant, t, Some(Value::Complex(constant::Float::from_int(&0.into()), v)));
                }
                None => {
                    self.error(e.pos, format!("malformed constant: {}", text));
                    self.invalid(e);
                }
            },
            ExprKind::RuneLit(text) => match constant::parse_rune(text) {
                Some(v) => {
                    let t = self.untyped(Basic::UntypedRune);
                    self.set(e, Mode::Constant, t, Some(Value::int(v)));
                }
                // The lexer reported the malformed literal (gc's BasicLit.Bad).
                None => self.invalid(e),
            },
            ExprKind::StringLit(text) => match constant::parse_string(text) {
                Some(v) => {
                    let t = self.untyped(Basic::UntypedString);
                    self.set(e, Mode::Constant, t, Some(Value::Str(v)));
                }
                None => {
                    self.error(e.pos, "invalid string literal");
                    self.invalid(e);
                }
            },
            ExprKind::Paren(inner) => {
                self.expr(inner);
                let info = self.info_of(inner);
                self.exprs[e.id as usize] = info;
            }
            ExprKind::FuncLit { sig, .. } => {
                let t = self.func_signature(sig, None);
                self.delay_func_lit(e, t);
                self.set(e, Mode::Value, t, None);
            }
            ExprKind::CompositeLit { ty, elems, .. } => {
                let Some(ty) = ty else {
                    self.error(e.pos, "invalid composite literal type: missing type");
                    self.invalid(e);
                    return;
                };
                if let ExprKind::ArrayType { len: None, elem } = &ty.kind {
                    // `[...]T{...}`: the length is the largest index plus one.
                    let el = self.resolve_type(elem);
                    if el == INVALID {
                        self.composite_lit(e, INVALID, elems);
                        return;
                    }
                    let n = self.indexed_elems(elems, el, None);
                    let t = self.types.intern(TypeKind::Array(n as u64, el));
                    self.exprs[ty.id as usize] = ExprInfo { ty: t, mode: Mode::Type, value: None };
                    self.set(e, Mode::Value, t, None);
                    return;
                }
                let t = self.resolve_type(ty);
                self.composite_lit(e, t, elems);
            }
            ExprKind::Selector(x, sel) => self.selector(e, x, sel),
            ExprKind::Index(x, index) => self.index_expr(e, x, index),
            ExprKind::Slice { x, lo, hi, max } => self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref()),
            ExprKind::TypeAssert { x, ty } => {
                let xi = self.value_expr(x);
                let Some(ty) = ty else {
                    self.error(e.pos, "use of .(type) outside type switch");
                    self.invalid(e);
                    return;
                };
                let t = self.resolve_type(ty);
                if xi.mode == Mode::Invalid || t == INVALID {
                    self.invalid(e);
                    return;
                }
                if !self.types.is_interface(xi.ty) {
                    let d = self.describe_operand(x);
                    self.error(x.start(), format!("invalid operation: {} is not an interface", d));
                    self.invalid(e);
                    return;
                }
                if !self.types.is_interface(t) {
                    if let Some(cause) = self.missing_method(t, xi.ty) {
                        let (ts, xs) = (self.types.type_string(t), self.types.type_string(xi.ty));
                        self.error(
                            e.start(),
                            format!("impossible type assertion: {}\n\t{} does not implement {} {}", self.expr_string(e), ts, xs, cause),
                        );
                        self.invalid(e);
                        return;
                    }
                }
                self.set(e, Mode::Value, t, None);
            }
            ExprKind::Call { func, args, ellipsis, .. } => self.call(e, func, args, *ellipsis),
            ExprKind::Star(x) => {
                self.expr(x);
                let xi = self.info_of(x);
                match xi.mode {
                    Mode::Invalid => self.invalid(e),
                    Mode::Type => {
                        let t = self.types.intern(TypeKind::Pointer(xi.ty));
                        self.set(e, Mode::Type, t, None);
                    }
                    _ => {
                        if self.types.basic_of(xi.ty) == Some(Basic::UntypedNil) {
                            self.error(e.pos, "invalid operation: cannot indirect nil");
                            self.invalid(e);
                            return;
                        }
                        match self.types.pointer_elem(xi.ty) {
                            Some(elem) => self.set(e, Mode::Variable, elem, None),
                            None => {
                                let d = self.describe_operand(x);
                                self.error(e.pos, format!("invalid operation: cannot indirect {}", d));
                                self.invalid(e);
                            }
                        }
                    }
                }
            }
            ExprKind::Unary(op, x) => self.unary(e, *op, x),
            ExprKind::Binary(op, l, r) => self.binary(e, *op, l, r),
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType(_)
            | ExprKind::MapType(..)
            | ExprKind::ChanType(..)
            | ExprKind::FuncType(_)
            | ExprKind::StructType(_)
            | ExprKind::InterfaceType(_) => {
                let t = self.resolve_type(e);
                if t == INVALID {
                    self.invalid(e);
                } else {
                    self.set(e, Mode::Type, t, None);
                }
            }
            ExprKind::Bad => self.invalid(e),
        }
    }

    fn ident(&mut self, e: &Expr, name: &str) {
        if name == "_" {
            self.error(e.pos, "cannot use _ as value or type");
            self.invalid(e);
            return;
        }
        let Some(id) = self.lookup(name) else {
            self.error(e.pos, format!("undefined: {}", name));
            self.invalid(e);
            return;
        };
        self.uses.insert(e.id, id);
        self.objects[id as usize].used = true;
        self.resolve_global(id);
        self.record_dep(id);
        let obj = self.objects[id as usize].clone();
        match obj.kind {
            ObjKind::Var => self.set(e, Mode::Variable, obj.ty, None),
            ObjKind::Const(v) => {
                if name == "iota" && (id as usize) < self.universe_len {
                    match self.iota {
                        Some(i) => self.set(e, Mode::Constant, obj.ty, Some(Value::int(i))),
                        None => {
                            self.error(e.pos, "cannot use iota outside constant declaration");
                            self.invalid(e);
                        }
                    }
                    return;
                }
                if obj.ty == INVALID {
                    self.invalid(e);
                } else {
                    self.set(e, Mode::Constant, obj.ty, Some(v));
                }
            }
            ObjKind::TypeName => {
                if obj.ty == INVALID {
                    self.invalid(e)
                } else {
                    self.set(e, Mode::Type, obj.ty, None)
                }
            }
            ObjKind::Func(_) => self.set(e, Mode::Value, obj.ty, None),
            ObjKind::Builtin(b) => self.set(e, Mode::Builtin(b), INVALID, None),
            ObjKind::Nil => {
                let t = self.untyped(Basic::UntypedNil);
                self.set(e, Mode::Value, t, None)
            }
            ObjKind::Package => {
                self.error(e.pos, format!("use of package {} without selector", name));
                self.invalid(e);
            }
        }
    }

    // ----- assignability and untyped conversion -----

    /// The operand an expression denotes, as recorded when it was checked.
    pub(crate) fn operand<'e>(&self, e: &'e Expr) -> Operand<'e> {
        let info = &self.exprs[e.id as usize];
        Operand { expr: e, mode: info.mode, ty: info.ty, value: info.value.clone() }
    }

    /// Whether the type has a name (a defined or predeclared type): assigning
    /// between two such types needs identity.
    fn has_name(&self, t: TypeId) -> bool {
        matches!(self.types.kind(t), TypeKind::Named { .. } | TypeKind::Basic(_))
    }

    /// Whether nil is a value of the type.
    pub(crate) fn has_nil(&self, t: TypeId) -> bool {
        matches!(
            self.types.under(t),
            TypeKind::Pointer(_) | TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Interface(_) | TypeKind::Map(..) | TypeKind::Chan(..)
        ) || self.types.basic_of(t) == Some(Basic::UntypedNil)
    }

    /// Whether a value of type `v` may be assigned to type `t` (spec
    /// "Assignability", types2's assignableTo); the reason if it may not.
    pub(crate) fn assignable_reason(&self, v: TypeId, t: TypeId) -> (bool, Option<String>) {
        if self.types.identical(v, t) || v == INVALID || t == INVALID {
            return (true, None);
        }
        if self.is_untyped(v) {
            let ok = match self.types.under(t) {
                TypeKind::Basic(tb) => {
                    let vb = self.types.basic_of(v).unwrap_or(Basic::Invalid);
                    (vb.is_boolean() && tb.is_boolean()) || (vb.is_numeric() && tb.is_numeric()) || (vb.is_string() && tb.is_string())
                }
                TypeKind::Interface(ms) => {
                    ms.is_empty() && self.types.basic_of(v) != Some(Basic::UntypedNil) || self.types.basic_of(v) == Some(Basic::UntypedNil)
                }
                _ => self.types.basic_of(v) == Some(Basic::UntypedNil) && self.has_nil(t),
            };
            return (ok, None);
        }
        let vu = self.types.underlying(v);
        let tu = self.types.underlying(t);
        if self.types.identical(vu, tu) && (!self.has_name(v) || !self.has_name(t)) {
            return (true, None);
        }
        // a bidirectional channel to a directional one of the same element
        if let (Some((ChanDir::Both, ve)), Some((_, te))) = (self.types.chan(v), self.types.chan(t)) {
            if self.types.identical(ve, te) && (!self.has_name(v) || !self.has_name(t)) {
                return (true, None);
            }
        }
        let t_iface_pointer = self.types.pointer_elem(t).is_some_and(|e| self.types.is_interface(e));
        if self.types.is_interface(t) || t_iface_pointer {
            return match self.implements(v, t) {
                Ok(()) => (true, None),
                Err(why) => (false, Some(why)),
            };
        }
        if self.types.is_interface(v) && !self.types.is_interface(t) {
            return (false, Some("need type assertion".to_string()));
        }
        (false, None)
    }

    /// types2's implements: whether `v` implements the interface `t`, or why not.
    pub(crate) fn implements(&self, v: TypeId, t: TypeId) -> Result<(), String> {
        let (vs, ts) = (self.types.type_string(v), self.types.type_string(t));
        if !self.types.is_interface(t) {
            return Err(format!("{} does not implement {} (type {} is pointer to interface, not interface)", vs, ts, ts));
        }
        match self.missing_method(v, t) {
            None => Ok(()),
            Some(cause) => Err(format!("{} does not implement {} {}", vs, ts, cause)),
        }
    }

    /// types2's missingMethod with its missingMethodReason (in gc's
    /// wording): the first method of interface `t`, in name order, that `v`
    /// lacks, as `(missing M method)`, `(M method has pointer receiver)` or
    /// `(wrong type for M method)` with what `v` has and `t` wants.
    pub(crate) fn missing_method(&self, v: TypeId, t: TypeId) -> Option<String> {
        let methods = self.types.iface_methods(t)?.to_vec();
        let func_string = |name: &str, sig: TypeId| format!("{}{}", name, self.types.type_string(sig).trim_start_matches("func"));
        let have_want = |what: String, name: &str, sig: TypeId, want: &IfaceMethod| {
            format!("({})\n\t\thave {}\n\t\twant {}", what, func_string(name, sig), func_string(&want.name, want.sig))
        };
        for m in &methods {
            // (found, the method's name and signature if there is one)
            let (found, alt): (bool, Option<(String, TypeId)>) = if let Some(vms) = self.types.iface_methods(v) {
                match vms.iter().find(|f| f.name == m.name) {
                    Some(f) => (true, Some((f.name.clone(), f.sig))),
                    None => (false, None),
                }
            } else {
                match self.types.lookup_member(v, &m.name) {
                    Some(Member::Method { path, method, .. }) => {
                        let in_set =
                            !method.pointer_recv || self.types.pointer_elem(v).is_some() || self.types.receiver_via_pointer(v, &path);
                        (in_set, Some((method.name, method.sig)))
                    }
                    Some(Member::IfaceMethod { sig, .. }) => (true, Some((m.name.clone(), sig))),
                    Some(Member::Field { .. } | Member::Ambiguous) => (true, None),
                    None => (false, self.method_folding_case(v, &m.name)),
                }
            };
            match alt {
                None => {
                    let v_iface_pointer = self.types.pointer_elem(v).is_some_and(|e| self.types.is_interface(e));
                    if v_iface_pointer {
                        let vs = self.types.type_string(v);
                        return Some(format!("(type {} is pointer to interface, not interface)", vs));
                    }
                    return Some(format!("(missing {} method)", m.name));
                }
                Some((name, sig)) if name != m.name => return Some(have_want(format!("missing {} method", m.name), &name, sig, m)),
                Some((_, sig)) if self.types.identical(sig, m.sig) => {
                    if !found {
                        return Some(format!("({} method has pointer receiver)", m.name));
                    }
                }
                Some((name, sig)) => return Some(have_want(format!("wrong type for {} method", m.name), &name, sig, m)),
            }
        }
        None
    }

    /// A method of `v` (its own or promoted) whose name equals `name` but for case.
    fn method_folding_case(&self, v: TypeId, name: &str) -> Option<(String, TypeId)> {
        let base = self.types.pointer_elem(v).unwrap_or(v);
        let own = self.types.methods.get(&base)?;
        own.iter().find(|m| m.name.eq_ignore_ascii_case(name)).map(|m| (m.name.clone(), m.sig))
    }

    pub(crate) fn assignable(&self, v: TypeId, t: TypeId) -> bool {
        self.assignable_reason(v, t).0
    }

    /// types2's implicitTypeAndValue: the type (and constant value) an untyped
    /// operand takes where a `target` is expected.
    fn implicit_type_and_value(&self, x: &Operand, target: TypeId) -> Result<(TypeId, Option<Value>), ConversionError> {
        if x.mode == Mode::Invalid || !self.is_untyped(x.ty) || target == INVALID {
            return Ok((x.ty, None));
        }
        let xb = self.types.basic_of(x.ty).unwrap_or(Basic::Invalid);
        if self.is_untyped(target) {
            let tb = self.types.basic_of(target).unwrap_or(Basic::Invalid);
            if xb.is_numeric() && tb.is_numeric() {
                return Ok((if untyped_rank(xb) < untyped_rank(tb) { target } else { x.ty }, None));
            }
            if xb != tb {
                return Err(ConversionError::Invalid);
            }
            return Ok((x.ty, None));
        }
        if xb == Basic::UntypedNil {
            return if self.has_nil(target) { Ok((target, None)) } else { Err(ConversionError::Invalid) };
        }
        match self.types.under(target).clone() {
            TypeKind::Basic(tb) => {
                if let (Mode::Constant, Some(v)) = (x.mode, &x.value) {
                    return match represent(v, tb) {
                        Ok(v2) => Ok((target, Some(v2))),
                        Err(_) if xb.is_numeric() && tb.is_numeric() => {
                            if !xb.is_integer() && tb.is_integer() {
                                Err(ConversionError::Truncated)
                            } else {
                                Err(ConversionError::Overflows)
                            }
                        }
                        Err(_) => Err(ConversionError::Invalid),
                    };
                }
                let ok = match xb {
                    Basic::UntypedBool => tb.is_boolean(),
                    Basic::UntypedString => tb.is_string(),
                    b if b.is_numeric() => tb.is_numeric(),
                    _ => false,
                };
                if ok {
                    Ok((target, None))
                } else {
                    Err(ConversionError::Invalid)
                }
            }
            TypeKind::Interface(ms) if ms.is_empty() => Ok((self.default_type_of(x.ty), None)),
            _ => Err(ConversionError::Invalid),
        }
    }

    /// The default type of an untyped type, without interning anything new.
    fn default_type_of(&self, t: TypeId) -> TypeId {
        let b = match self.types.kind(t) {
            TypeKind::Basic(Basic::UntypedBool) => Basic::Bool,
            TypeKind::Basic(Basic::UntypedInt) => Basic::Int,
            TypeKind::Basic(Basic::UntypedRune) => return self.types.rune_type(),
            TypeKind::Basic(Basic::UntypedFloat) => Basic::Float64,
            TypeKind::Basic(Basic::UntypedComplex) => Basic::Complex128,
            TypeKind::Basic(Basic::UntypedString) => Basic::String,
            _ => return t,
        };
        self.types.lookup_basic(b).unwrap_or(t)
    }

    /// Records the new type and value of an untyped operand's expression.
    fn update_operand(&mut self, x: &Operand, ty: TypeId, value: Option<Value>) {
        if x.mode == Mode::Invalid || !self.is_untyped(self.exprs[x.expr.id as usize].ty) {
            return;
        }
        if let Some(v) = value {
            self.exprs[x.expr.id as usize].value = Some(v);
        }
        if ty != x.ty {
            self.set_type_recursive(x.expr, ty);
        }
    }

    /// types2's assignment: checks that `x` can be assigned to a variable of
    /// type `target` (None: the blank identifier), converting an untyped
    /// value. `context` is types2's: "assignment", "argument to f", "return
    /// statement", "variable declaration". Reports and returns false if not.
    pub(crate) fn assignment(&mut self, x: &Operand, target: Option<TypeId>, context: &str) -> bool {
        if x.mode == Mode::Invalid {
            return false;
        }
        let mut x = x.clone();
        if self.is_untyped(x.ty) {
            let mut want = target.unwrap_or(INVALID);
            if x.is_nil(self) {
                if target.is_none() {
                    self.error(x.expr.start(), format!("use of untyped nil in {}", context));
                    return false;
                }
            } else if target.is_none() || target.is_some_and(|t| self.types.is_interface(t)) {
                want = self.default_type_of(x.ty);
            }
            match self.implicit_type_and_value(&x, want) {
                Ok((t, v)) => {
                    self.update_operand(&x, t, v.clone());
                    x.ty = t;
                    if v.is_some() {
                        x.value = v;
                    }
                }
                Err(code) => {
                    let suffix = match code {
                        ConversionError::Truncated => " (truncated)",
                        ConversionError::Overflows => " (overflows)",
                        ConversionError::Invalid => "",
                    };
                    let d = self.operand_string(&x);
                    self.error(
                        x.expr.start(),
                        format!("cannot use {} as {} value in {}{}", d, self.types.type_string(want), context, suffix),
                    );
                    return false;
                }
            }
        }
        let Some(t) = target else { return true };
        let (ok, reason) = self.assignable_reason(x.ty, t);
        if ok {
            return true;
        }
        let d = self.operand_string(&x);
        let msg = format!("cannot use {} as type {} in {}", d, self.types.type_string(t), context);
        match reason {
            Some(r) => self.diags.push(Diagnostic::new(x.expr.start(), format!("{}:", msg)).with_note(Note::text(r))),
            None => self.error(x.expr.start(), msg),
        }
        false
    }

    /// `assignment` for a checked expression.
    pub(crate) fn assign_to(&mut self, e: &Expr, target: TypeId, context: &str) -> bool {
        let x = self.operand(e);
        if target == INVALID {
            return false;
        }
        let ok = self.assignment(&x, Some(target), context);
        if !ok {
            self.invalid(e);
        }
        ok
    }

    /// types2's convertUntyped: gives an untyped operand the type `target`
    /// (or reports that it cannot have it and marks it invalid).
    pub(crate) fn convert_untyped(&mut self, e: &Expr, target: TypeId) -> bool {
        let x = self.operand(e);
        match self.implicit_type_and_value(&x, target) {
            Ok((t, v)) => {
                self.update_operand(&x, t, v);
                true
            }
            Err(code) => {
                let t = self.types.underlying(target);
                self.invalid_conversion(code, &x, t);
                self.invalid(e);
                false
            }
        }
    }

    /// `cannot convert x to T`, `x truncated to T`, `x overflows T`.
    pub(crate) fn invalid_conversion(&mut self, code: ConversionError, x: &Operand, target: TypeId) {
        let d = self.operand_string(x);
        let t = self.types.type_string(target);
        let msg = match code {
            ConversionError::Truncated => format!("{} truncated to {}", d, t),
            ConversionError::Overflows => format!("{} overflows {}", d, t),
            ConversionError::Invalid => format!("cannot convert {} to {}", d, t),
        };
        self.error(x.expr.start(), msg);
    }

    /// A typed constant must be representable in its type after each operation.
    fn overflow(&mut self, e: &Expr) {
        let x = self.operand(e);
        let (Some(v), Some(b)) = (&x.value, self.types.basic_of(x.ty)) else { return };
        if b.is_untyped() {
            // Untyped integers must not grow beyond types2's 512 bits.
            if matches!(v, Value::Int(i) if i.bits() > crate::bigfloat::PRECISION) {
                self.error(e.pos, format!("constant {} overflow", overflow_op_name(e)));
                self.invalid(e);
            }
            return;
        }
        match represent(v, b) {
            Ok(v2) => self.exprs[e.id as usize].value = Some(v2),
            Err(_) => {
                let code = if !self.types.basic_of(x.ty).is_some_and(|xb| xb.is_integer()) && b.is_integer() {
                    ConversionError::Truncated
                } else {
                    ConversionError::Overflows
                };
                let t = self.types.underlying(x.ty);
                self.invalid_conversion(code, &x, t);
                self.invalid(e);
            }
        }
    }

    /// Gives an untyped expression its final type (types2's updateExprType).
    pub(crate) fn set_type_recursive(&mut self, e: &Expr, target: TypeId) {
        let info = self.info_of(e);
        if !self.is_untyped(info.ty) {
            return;
        }
        self.exprs[e.id as usize].ty = target;
        match &e.kind {
            ExprKind::Paren(x) => self.set_type_recursive(x, target),
            ExprKind::Unary(_, x) => self.set_type_recursive(x, target),
            ExprKind::Binary(op, l, r) => {
                if is_comparison(*op) {
                    return;
                }
                if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
                    // The shifted operand of a non-constant shift must end up
                    // an integer (types2's isLhs check, in gc's words).
                    let integer = self.types.basic_of(target).is_some_and(|b| b.is_integer());
                    if info.mode == Mode::Value && !self.is_untyped(target) && !integer {
                        let parent = self.expr_string(e);
                        let t = self.types.type_string(target);
                        self.error(l.start(), format!("invalid operation: {} (shift of type {})", parent, t));
                        return;
                    }
                    self.set_type_recursive(l, target);
                    return;
                }
                self.set_type_recursive(l, target);
                self.set_type_recursive(r, target);
            }
            _ => {}
        }
    }

    // ----- describing operands for messages -----

    /// types2's operand text: `x (variable of type int)`, `1 (untyped int constant)`.
    pub(crate) fn describe_operand(&self, e: &Expr) -> String {
        self.operand_string(&self.operand(e))
    }

    pub(crate) fn operand_string(&self, x: &Operand) -> String {
        let text = self.expr_string(x.expr);
        if x.is_nil(self) {
            return if self.types.basic_of(x.ty) == Some(Basic::UntypedNil) {
                "nil".to_string()
            } else {
                format!("nil (of type {})", self.types.type_string(x.ty))
            };
        }
        let mode = match x.mode {
            Mode::Invalid => "invalid operand",
            Mode::NoValue => "no value",
            Mode::Builtin(_) => "built-in",
            Mode::Type => "type",
            Mode::Constant => "constant",
            Mode::Variable => "variable",
            Mode::MapIndex => "map index expression",
            Mode::Value => "value",
        };
        let mut out = format!("{} (", text);
        let mut has_type = false;
        if !matches!(x.mode, Mode::Invalid | Mode::NoValue | Mode::Builtin(_) | Mode::Type) {
            if self.is_untyped(x.ty) {
                out.push_str(self.types.basic_of(x.ty).map(|b| b.name()).unwrap_or(""));
                out.push(' ');
            } else {
                has_type = true;
            }
        }
        out.push_str(mode);
        if x.mode == Mode::Constant {
            if let Some(v) = &x.value {
                let s = v.describe();
                if s != text {
                    out.push(' ');
                    out.push_str(&s);
                }
            }
        }
        if has_type {
            if x.ty == INVALID {
                out.push_str(" with invalid type");
            } else {
                out.push_str(" of type ");
                out.push_str(&self.types.type_string(x.ty));
            }
        }
        out.push(')');
        out
    }

    /// The source-like text of an expression (`syntax.String`).
    pub(crate) fn expr_string(&self, e: &Expr) -> String {
        crate::ast::expr_text(e)
    }

    // ----- operators -----

    fn unary(&mut self, e: &Expr, op: UnaryOp, x: &Expr) {
        if op == UnaryOp::Addr {
            // gc's parser drops the parentheses around the operand of `&`.
            let inner = strip_parens(x);
            self.expr(x);
            let xi = self.info_of(x);
            if xi.mode == Mode::Invalid {
                self.invalid(e);
                return;
            }
            if !matches!(inner.kind, ExprKind::CompositeLit { .. }) {
                let xi = self.value_expr(x);
                if xi.mode == Mode::Invalid {
                    self.invalid(e);
                    return;
                }
                if xi.mode != Mode::Variable {
                    let operand = Operand { expr: inner, mode: xi.mode, ty: xi.ty, value: xi.value };
                    let d = self.operand_string(&operand);
                    self.error(inner.start(), format!("invalid operation: cannot take address of {}", d));
                    self.invalid(e);
                    return;
                }
            }
            let t = self.types.intern(TypeKind::Pointer(xi.ty));
            self.set(e, Mode::Value, t, None);
            return;
        }
        if op == UnaryOp::Recv {
            // types2's unary receive: a `v, ok := <-ch` operand too (the
            // comma-ok form is recognised by its expression, as assertions are)
            let xi = self.value_expr(x);
            if xi.mode == Mode::Invalid {
                self.invalid(e);
                return;
            }
            let why = match self.types.chan(xi.ty) {
                None => Some("non-channel"),
                Some((ChanDir::Send, _)) => Some("send-only channel"),
                Some(_) => None,
            };
            if let Some(why) = why {
                let d = self.describe_operand(x);
                self.error(x.start(), format!("invalid operation: cannot receive from {} {}", why, d));
                self.invalid(e);
                return;
            }
            let elem = self.types.chan(xi.ty).map(|(_, elem)| elem).unwrap_or(INVALID);
            self.set(e, Mode::Value, elem, None);
            self.has_call_or_recv = true;
            return;
        }
        let xi = self.value_expr(x);
        if xi.mode == Mode::Invalid {
            self.invalid(e);
            return;
        }
        let b = self.types.basic_of(xi.ty);
        let ok = match op {
            UnaryOp::Plus | UnaryOp::Neg => b.is_some_and(|b| b.is_numeric()),
            UnaryOp::Not => b.is_some_and(|b| b.is_boolean()),
            _ => b.is_some_and(|b| b.is_integer()),
        };
        if !ok {
            let d = self.describe_operand(x);
            let sym = match op {
                UnaryOp::Plus => "+",
                UnaryOp::Neg => "-",
                UnaryOp::Not => "!",
                _ => "^",
            };
            self.error(x.start(), format!("invalid operation: operator {} not defined on {}", sym, d));
            self.invalid(e);
            return;
        }
        if let (Mode::Constant, Some(v)) = (xi.mode, &xi.value) {
            let b = b.unwrap_or(Basic::Invalid);
            let folded = match (op, v) {
                (UnaryOp::Plus, v) => Some(v.clone()),
                (UnaryOp::Neg, Value::Int(i)) => Some(Value::Int(-i)),
                (UnaryOp::Neg, Value::Float(f)) => Some(Value::Float(f.neg())),
                (UnaryOp::Neg, Value::Complex(re, im)) => Some(Value::Complex(re.neg(), im.neg())),
                (UnaryOp::Not, Value::Bool(v)) => Some(Value::Bool(!v)),
                (UnaryOp::BitNot, Value::Int(i)) => Some(Value::Int(if b.is_unsigned() { constant::wrap(&!i, b) } else { !i })),
                _ => None,
            };
            if let Some(v) = folded {
                self.set(e, Mode::Constant, xi.ty, Some(v));
                self.overflow(e);
                return;
            }
        }
        self.set(e, Mode::Value, xi.ty, None);
    }

    /// A binary expression `e` (for `x op= y`, the synthetic `x op y`).
    fn binary(&mut self, e: &Expr, op: BinaryOp, l: &Expr, r: &Expr) {
        let li = self.value_expr(l);
        let ri = self.value_expr(r);
        if li.mode == Mode::Invalid || ri.mode == Mode::Invalid {
            self.invalid(e);
            return;
        }
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            self.shift(e, op, l, r);
            return;
        }
        if self.can_mix(&li, &ri) {
            if !self.convert_untyped(l, ri.ty) {
                self.invalid(e);
                return;
            }
            let lt = self.info_of(l).ty;
            if !self.convert_untyped(r, lt) {
                self.invalid(e);
                return;
            }
        }
        let li = self.info_of(l);
        let ri = self.info_of(r);
        if is_comparison(op) {
            self.comparison(e, op, l, r);
            return;
        }
        if !self.types.identical(li.ty, ri.ty) {
            if li.ty != INVALID && ri.ty != INVALID {
                let (lt, rt) = (self.types.type_string(li.ty), self.types.type_string(ri.ty));
                let text = if e.id == self.scratch_id {
                    format!("{} {}= {}", self.expr_string(l), op.text(), self.expr_string(r))
                } else {
                    self.expr_string(e)
                };
                self.error(l.start(), format!("invalid operation: {} (mismatched types {} and {})", text, lt, rt));
            }
            self.invalid(e);
            return;
        }
        let b = self.types.basic_of(li.ty);
        let ok = match op {
            BinaryOp::Add => b.is_some_and(|b| b.is_numeric() || b.is_string()),
            BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Quo => b.is_some_and(|b| b.is_numeric()),
            BinaryOp::LAnd | BinaryOp::LOr => b.is_some_and(|b| b.is_boolean()),
            _ => b.is_some_and(|b| b.is_integer()),
        };
        if !ok {
            let d = self.describe_operand(l);
            self.error(l.start(), format!("invalid operation: operator {} not defined on {}", op.text(), d));
            self.invalid(e);
            return;
        }
        let bt = b.unwrap_or(Basic::Invalid);
        let zero_divisor = ri.mode == Mode::Constant && ri.value.as_ref().and_then(|v| v.as_f64()) == Some(0.0);
        if matches!(op, BinaryOp::Quo | BinaryOp::Rem) && (li.mode == Mode::Constant || bt.is_integer()) && zero_divisor {
            self.error(r.start(), "invalid operation: division by zero");
            self.invalid(e);
            return;
        }
        if let (Mode::Constant, Mode::Constant, Some(lv), Some(rv)) = (li.mode, ri.mode, &li.value, &ri.value) {
            match fold_binary(op, lv, rv, bt) {
                Some(v) => {
                    self.set(e, Mode::Constant, li.ty, Some(v));
                    self.overflow(e);
                }
                None => self.set(e, Mode::Value, li.ty, None),
            }
            return;
        }
        self.set(e, Mode::Value, li.ty, None);
    }

    /// types2's canMix: whether untyped operands are converted to the other side's type.
    fn can_mix(&self, x: &ExprInfo, y: &ExprInfo) -> bool {
        if self.types.is_interface(x.ty) || self.types.is_interface(y.ty) {
            return true;
        }
        let boolean = |t: TypeId| self.types.basic_of(t).is_some_and(|b| b.is_boolean());
        let string = |t: TypeId| self.types.basic_of(t).is_some_and(|b| b.is_string());
        let nil = |t: TypeId| self.types.basic_of(t) == Some(Basic::UntypedNil);
        boolean(x.ty) == boolean(y.ty)
            && string(x.ty) == string(y.ty)
            && (!nil(x.ty) || self.has_nil(y.ty))
            && (!nil(y.ty) || self.has_nil(x.ty))
    }

    /// types2's comparison; errors are reported at the operand at fault.
    fn comparison(&mut self, e: &Expr, op: BinaryOp, l: &Expr, r: &Expr) {
        let x = self.operand(l);
        let y = self.operand(r);
        let mut err_at = r;
        let mut cause = String::new();
        let failed = 'check: {
            if !self.assignable(x.ty, y.ty) && !self.assignable(y.ty, x.ty) {
                cause = format!("mismatched types {} and {}", self.types.type_string(x.ty), self.types.type_string(y.ty));
                break 'check true;
            }
            if matches!(op, BinaryOp::Eql | BinaryOp::Neq) {
                if x.is_nil(self) || y.is_nil(self) {
                    let t = if x.is_nil(self) { y.ty } else { x.ty };
                    break 'check !self.has_nil(t) || self.types.basic_of(t) == Some(Basic::UntypedNil);
                }
                if !self.comparable(x.ty) {
                    err_at = l;
                    cause = self.incomparable_cause(x.ty);
                    break 'check true;
                }
                if !self.comparable(y.ty) {
                    cause = self.incomparable_cause(y.ty);
                    break 'check true;
                }
                false
            } else {
                let ordered = |t: TypeId| self.types.basic_of(t).is_some_and(|b| b.is_ordered());
                if !ordered(x.ty) {
                    err_at = l;
                    break 'check true;
                }
                !ordered(y.ty)
            }
        };
        if failed {
            if cause.is_empty() {
                let t = if std::ptr::eq(err_at, l) { x.ty } else { y.ty };
                cause = format!("operator {} not defined on {}", op.text(), self.kind_string(t));
            }
            let text = format!("{} {} {}", self.expr_string(l), op.text(), self.expr_string(r));
            self.error(err_at.start(), format!("invalid operation: {} ({})", text, cause));
            self.invalid(e);
            return;
        }
        let ub = self.untyped(Basic::UntypedBool);
        if let (Mode::Constant, Mode::Constant, Some(lv), Some(rv)) = (x.mode, y.mode, &x.value, &y.value) {
            if let Some(v) = compare_values(op, lv, rv) {
                self.set(e, Mode::Constant, ub, Some(Value::Bool(v)));
                return;
            }
        }
        // Untyped operands of a non-constant comparison take their default types.
        for side in [l, r] {
            let t = self.info_of(side).ty;
            if self.is_untyped(t) && self.types.basic_of(t) != Some(Basic::UntypedNil) {
                let d = self.default_type(t);
                self.set_type_recursive(side, d);
            }
        }
        self.set(e, Mode::Value, ub, None);
    }

    fn incomparable_cause(&self, t: TypeId) -> String {
        match self.types.under(t) {
            TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) => format!("{} can only be compared to nil", self.kind_string(t)),
            TypeKind::Struct(fields) => fields
                .iter()
                .find(|f| !self.comparable(f.ty))
                .map(|f| format!("struct containing {} cannot be compared", self.types.type_string(f.ty)))
                .unwrap_or_default(),
            TypeKind::Array(..) => format!("{} cannot be compared", self.types.type_string(t)),
            _ => String::new(),
        }
    }

    /// types2's kindString.
    fn kind_string(&self, t: TypeId) -> String {
        match self.types.under(t) {
            TypeKind::Struct(_) => "struct".into(),
            TypeKind::Slice(_) => "slice".into(),
            TypeKind::Func(_) => "func".into(),
            TypeKind::Map(..) => "map".into(),
            TypeKind::Pointer(_) => "pointer".into(),
            TypeKind::Array(..) => "array".into(),
            TypeKind::Interface(_) => "interface".into(),
            TypeKind::Chan(..) => "chan".into(),
            _ => self.types.type_string(t),
        }
    }

    pub(crate) fn comparable(&self, t: TypeId) -> bool {
        match self.types.under(t) {
            TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) => false,
            TypeKind::Basic(b) => *b != Basic::UntypedNil,
            TypeKind::Struct(fields) => fields.iter().all(|f| self.comparable(f.ty)),
            TypeKind::Array(_, e) => self.comparable(*e),
            _ => true,
        }
    }

    /// types2's shift.
    fn shift(&mut self, e: &Expr, op: BinaryOp, l: &Expr, r: &Expr) {
        let li = self.info_of(l);
        let ri = self.info_of(r);
        let lb = self.types.basic_of(li.ty).unwrap_or(Basic::Invalid);
        let integral = li.mode == Mode::Constant && li.value.as_ref().and_then(|v| v.as_big_int()).is_some();
        if !(lb.is_integer() || self.is_untyped(li.ty) && integral) {
            let d = self.describe_operand(l);
            self.error(l.start(), format!("invalid operation: shifted operand {} must be integer", d));
            self.invalid(e);
            return;
        }
        if ri.mode == Mode::Constant {
            if ri.value.as_ref().and_then(|v| v.as_int()).is_some_and(|c| c < 0) {
                let d = self.describe_operand(r);
                self.error(r.start(), format!("invalid operation: negative shift count {}", d));
                self.invalid(e);
                return;
            }
            if self.is_untyped(ri.ty) {
                let x = self.operand(r);
                let uint = self.types.basic(Basic::Uint);
                if let Err(code) = self.implicit_type_and_value(&x, uint) {
                    self.invalid_conversion(code, &x, uint);
                    self.invalid(e);
                    return;
                }
            }
        } else if !self.types.basic_of(ri.ty).is_some_and(|b| b.is_integer()) {
            let d = self.describe_operand(r);
            self.error(r.start(), format!("invalid operation: shift count {} must be integer", d));
            self.invalid(e);
            return;
        } else if self.is_untyped(ri.ty) {
            let uint = self.types.basic(Basic::Uint);
            if !self.convert_untyped(r, uint) {
                self.invalid(e);
                return;
            }
        }
        if li.mode == Mode::Constant {
            let lint = li.value.as_ref().and_then(|v| v.as_big_int()).unwrap_or_default();
            if ri.mode == Mode::Constant {
                let count = ri.value.as_ref().and_then(|v| v.as_int()).unwrap_or(0);
                if count > 1023 - 1 + 52 {
                    let d = self.describe_operand(r);
                    self.error(r.start(), format!("invalid operation: invalid shift count {}", d));
                    self.invalid(e);
                    return;
                }
                let v = if op == BinaryOp::Shl { lint << count as u64 } else { lint >> count as u64 };
                let t = if lb.is_integer() { li.ty } else { self.untyped(Basic::UntypedInt) };
                self.set(e, Mode::Constant, t, Some(Value::Int(v)));
                self.overflow(e);
                return;
            }
            if self.is_untyped(li.ty) {
                // A non-constant shift of an untyped constant stays untyped:
                // the context gives it (and its constant operand) a type, as
                // in `var b byte = 0x80 >> s`; without one it becomes int.
                let untyped_int = self.untyped(Basic::UntypedInt);
                self.set(e, Mode::Value, untyped_int, None);
                return;
            }
        }
        self.set(e, Mode::Value, li.ty, None);
    }

    // ----- selectors -----

    fn selector(&mut self, e: &Expr, x: &Expr, sel: &Ident) {
        if let ExprKind::Ident(name) = &x.kind {
            if let Some(id) = self.lookup(name).filter(|id| self.objects[*id as usize].kind == ObjKind::Package) {
                // A package that could not be imported: its uses are not errors.
                self.uses.insert(x.id, id);
                self.invalid(e);
                return;
            }
        }
        self.expr(x);
        let xi = self.info_of(x);
        match xi.mode {
            Mode::Invalid => {
                self.invalid(e);
                return;
            }
            Mode::Type => {
                // Method expression T.M or (*T).M, of T's own method or one
                // promoted from an embedded field.
                let ptr = self.types.pointer_elem(xi.ty).is_some_and(|b| self.types.is_named(b));
                match self.types.lookup_member(xi.ty, &sel.name) {
                    Some(Member::Method { path, method: m, recv_named })
                        if ptr || !m.pointer_recv || self.types.receiver_via_pointer(xi.ty, &path) =>
                    {
                        let mut sig =
                            self.types.signature(m.sig).cloned().unwrap_or(Signature { params: vec![], results: vec![], variadic: false });
                        sig.params.insert(0, xi.ty);
                        let t = self.types.intern(TypeKind::Func(sig));
                        self.record_method_dep(m.func_index);
                        self.selections
                            .insert(e.id, Selection::MethodExpr { decl: m.func_index, path, pointer_recv: m.pointer_recv, recv_named });
                        self.set(e, Mode::Value, t, None);
                    }
                    Some(Member::Method { .. }) => {
                        let t = self.types.type_string(xi.ty);
                        self.error(sel.pos, format!("cannot call pointer method {} on {}", sel.name, t));
                        self.invalid(e);
                    }
                    Some(Member::IfaceMethod { path, index, sig }) => {
                        let mut sig =
                            self.types.signature(sig).cloned().unwrap_or(Signature { params: vec![], results: vec![], variadic: false });
                        sig.params.insert(0, xi.ty);
                        let t = self.types.intern(TypeKind::Func(sig));
                        self.selections.insert(e.id, Selection::IfaceMethodExpr { path, index });
                        self.set(e, Mode::Value, t, None);
                    }
                    Some(Member::Field { .. }) => {
                        let t = self.types.type_string(xi.ty);
                        self.error(
                            sel.pos,
                            format!("{}.{} undefined (type {} has no method {})", self.expr_string(x), sel.name, t, sel.name),
                        );
                        self.invalid(e);
                    }
                    Some(Member::Ambiguous) => {
                        self.error(sel.pos, format!("ambiguous selector {}.{}", self.expr_string(x), sel.name));
                        self.invalid(e);
                    }
                    None => {
                        let why = self.missing_member(xi.ty, &sel.name);
                        self.error(sel.pos, format!("{}.{} undefined ({})", self.expr_string(x), sel.name, why));
                        self.invalid(e);
                    }
                }
                return;
            }
            Mode::NoValue | Mode::Builtin(_) => {
                let d = self.describe_operand(x);
                self.error(sel.pos, format!("{}.{} undefined ({} has no field or method {})", self.expr_string(x), sel.name, d, sel.name));
                self.invalid(e);
                return;
            }
            _ => {}
        }
        match self.types.lookup_member(xi.ty, &sel.name) {
            Some(Member::Field { path, ty }) => {
                let mode =
                    if xi.mode == Mode::Variable || self.types.pointer_elem(xi.ty).is_some() || self.types.path_has_pointer(xi.ty, &path) {
                        Mode::Variable
                    } else {
                        Mode::Value
                    };
                self.selections.insert(e.id, Selection::Field { path });
                self.set(e, mode, ty, None);
            }
            Some(Member::Method { path, method, recv_named }) => {
                // A pointer method needs an addressable receiver or a pointer.
                if method.pointer_recv {
                    let through_ptr = self.types.pointer_elem(xi.ty).is_some() || self.types.receiver_via_pointer(xi.ty, &path);
                    if !through_ptr && xi.mode != Mode::Variable {
                        self.error(sel.pos, format!("cannot call pointer method {} on {}", sel.name, self.types.type_string(xi.ty)));
                        self.invalid(e);
                        return;
                    }
                }
                self.record_method_dep(method.func_index);
                self.selections
                    .insert(e.id, Selection::Method { decl: method.func_index, path, pointer_recv: method.pointer_recv, recv_named });
                self.set(e, Mode::Value, method.sig, None);
            }
            Some(Member::IfaceMethod { path, index, sig }) => {
                self.selections.insert(e.id, Selection::IfaceMethod { path, index });
                self.set(e, Mode::Value, sig, None);
            }
            Some(Member::Ambiguous) => {
                self.error(sel.pos, format!("ambiguous selector {}.{}", self.expr_string(x), sel.name));
                self.invalid(e);
            }
            None => {
                if xi.ty != INVALID {
                    let why = self.missing_member(xi.ty, &sel.name);
                    self.error(sel.pos, format!("{}.{} undefined ({})", self.expr_string(x), sel.name, why));
                }
                self.invalid(e);
            }
        }
    }

    /// Why `x.name` is undefined, with types2's hint when only the case of
    /// the first letter differs.
    fn missing_member(&self, t: TypeId, name: &str) -> String {
        let mut why = format!("type {} has no field or method {}", self.types.type_string(t), name);
        let mut chars = name.chars();
        if let Some(first) = chars.next() {
            let flipped: String = if first.is_uppercase() { first.to_lowercase().collect() } else { first.to_uppercase().collect() };
            let other = format!("{}{}", flipped, chars.as_str());
            if self.types.lookup_member(t, &other).is_some() {
                why.push_str(", but does have ");
                why.push_str(&other);
            }
        }
        why
    }

    // ----- index and slice -----

    /// types2's indexExpr for the subset: strings, arrays, pointers to arrays, slices, maps.
    fn index_expr(&mut self, e: &Expr, x: &Expr, index: &Expr) {
        let xi = self.value_expr(x);
        if xi.mode == Mode::Invalid {
            self.use_exprs(std::slice::from_ref(index));
            self.invalid(e);
            return;
        }
        let (elem, mode, length) = match self.types.under(xi.ty).clone() {
            TypeKind::Basic(b) if b.is_string() => {
                let len = match &xi.value {
                    Some(Value::Str(s)) if xi.mode == Mode::Constant => Some(s.len() as i128),
                    _ => None,
                };
                if b == Basic::UntypedString {
                    let st = self.types.basic(Basic::String);
                    self.convert_untyped(x, st);
                }
                (self.types.byte_type(), Mode::Value, len)
            }
            TypeKind::Slice(el) => (el, Mode::Variable, None),
            TypeKind::Map(key, value) => {
                let info = self.value_expr(index);
                if info.mode != Mode::Invalid && self.assign_to(index, key, "map index") {
                    self.set(e, Mode::MapIndex, value, None);
                } else {
                    self.invalid(e);
                }
                return;
            }
            TypeKind::Array(n, el) => (el, if xi.mode == Mode::Variable { Mode::Variable } else { Mode::Value }, Some(n as i128)),
            TypeKind::Pointer(p) => match self.types.under(p).clone() {
                TypeKind::Array(n, el) => (el, Mode::Variable, Some(n as i128)),
                _ => return self.cannot_index(e, x, index),
            },
            _ => return self.cannot_index(e, x, index),
        };
        self.index_value(index, length);
        // Indexing a constant string with a constant index is not constant in Go.
        self.set(e, mode, elem, None);
    }

    fn cannot_index(&mut self, e: &Expr, x: &Expr, index: &Expr) {
        let d = self.describe_operand(x);
        self.error(e.pos, format!("invalid operation: cannot index {}", d));
        self.use_exprs(std::slice::from_ref(index));
        self.invalid(e);
    }

    /// types2's index: checks an index below `max` (if known); returns its
    /// constant value, -1 for a valid non-constant index, None if invalid.
    fn index_value(&mut self, index: &Expr, max: Option<i128>) -> Option<i128> {
        let info = self.value_expr(index);
        if info.mode == Mode::Invalid {
            return None;
        }
        let int = self.types.basic(Basic::Int);
        if !self.convert_untyped(index, int) {
            return None;
        }
        let x = self.operand(index);
        if !self.types.basic_of(x.ty).is_some_and(|b| b.is_integer()) {
            let d = self.operand_string(&x);
            self.error(index.start(), format!("invalid argument: index {} must be integer", d));
            return None;
        }
        if x.mode != Mode::Constant {
            return Some(-1);
        }
        let v = x.value.as_ref().and_then(|v| v.as_int()).unwrap_or(0);
        if v < 0 {
            let d = self.operand_string(&x);
            self.error(index.start(), format!("invalid argument: index {} must not be negative", d));
            return None;
        }
        if v > i64::MAX as i128 {
            let d = self.operand_string(&x);
            self.error(index.start(), format!("invalid argument: index {} overflows int", d));
            return None;
        }
        if max.is_some_and(|m| v >= m) {
            self.error(index.start(), format!("invalid argument: index {} out of bounds [0:{}]", v, max.unwrap_or(0)));
            return None;
        }
        Some(v)
    }

    fn slice_expr(&mut self, e: &Expr, x: &Expr, lo: Option<&Expr>, hi: Option<&Expr>, max: Option<&Expr>) {
        let parts: Vec<&Expr> = [lo, hi, max].into_iter().flatten().collect();
        let xi = self.value_expr(x);
        if xi.mode == Mode::Invalid {
            for p in parts {
                self.use_exprs(std::slice::from_ref(p));
            }
            self.invalid(e);
            return;
        }
        let (result, length) = match self.types.under(xi.ty).clone() {
            TypeKind::Basic(b) if b.is_string() => {
                if let Some(max) = max {
                    self.error(max.start(), "invalid operation: 3-index slice of string");
                    self.invalid(e);
                    return;
                }
                let len = match &xi.value {
                    Some(Value::Str(s)) if xi.mode == Mode::Constant => Some(s.len() as i128),
                    _ => None,
                };
                let st = if b == Basic::UntypedString { self.types.basic(Basic::String) } else { xi.ty };
                if b == Basic::UntypedString {
                    self.convert_untyped(x, st);
                }
                (st, len)
            }
            TypeKind::Slice(_) => (xi.ty, None),
            TypeKind::Array(n, el) => {
                if xi.mode != Mode::Variable {
                    let d = self.describe_operand(x);
                    self.error(x.start(), format!("invalid operation: {} (slice of unaddressable value)", d));
                    self.invalid(e);
                    return;
                }
                (self.types.intern(TypeKind::Slice(el)), Some(n as i128))
            }
            TypeKind::Pointer(p) if matches!(self.types.under(p), TypeKind::Array(..)) => match self.types.under(p).clone() {
                TypeKind::Array(n, el) => (self.types.intern(TypeKind::Slice(el)), Some(n as i128)),
                _ => (INVALID, None),
            },
            _ => {
                let d = self.describe_operand(x);
                self.error(x.start(), format!("invalid operation: cannot slice {}", d));
                self.invalid(e);
                return;
            }
        };
        self.set(e, Mode::Value, result, None);
        // Constant indices must be in range and in order.
        let mut known: Vec<(i128, &Expr)> = Vec::new();
        for part in [lo, hi, max] {
            let Some(p) = part else { continue };
            let value = self.index_value(p, length.map(|n| n + 1)).filter(|v| *v >= 0);
            known.extend(value.map(|v| (v, p)));
        }
        for (i, (a, _)) in known.iter().enumerate() {
            if *a <= 0 {
                continue;
            }
            if let Some((b, at)) = known[i + 1..].iter().find(|(b, _)| b < a) {
                let at = at.start();
                self.error(at, format!("invalid slice indices: {} < {}", b, a));
                break;
            }
        }
    }

    // ----- composite literals -----

    fn composite_lit(&mut self, e: &Expr, t: TypeId, elems: &[Element]) {
        if t == INVALID {
            for el in elems {
                if let Some(k) = &el.key {
                    if !matches!(k.kind, ExprKind::Ident(_)) {
                        self.expr(k);
                    }
                }
                self.elem_value(&el.value, INVALID);
            }
            self.invalid(e);
            return;
        }
        match self.types.under(t).clone() {
            TypeKind::Struct(fields) => {
                let base = self.types.type_string(t);
                if elems.first().is_some_and(|el| el.key.is_some()) {
                    let mut seen = Vec::new();
                    for el in elems {
                        let Some(key) = &el.key else {
                            self.error(el.value.start(), "mixture of field:value and value elements in struct literal");
                            continue;
                        };
                        let at = el.colon.unwrap_or(key.pos);
                        let ExprKind::Ident(name) = &key.kind else {
                            self.elem_value(&el.value, INVALID);
                            let d = self.expr_string(key);
                            self.error(at, format!("invalid field name {} in struct literal", d));
                            continue;
                        };
                        let Some(i) = fields.iter().position(|f| &f.name == name) else {
                            self.elem_value(&el.value, INVALID);
                            self.error(key.pos, format!("unknown field '{}' in struct literal of type {}", name, base));
                            continue;
                        };
                        self.elem_value(&el.value, fields[i].ty);
                        self.assign_to(&el.value, fields[i].ty, "struct literal");
                        if seen.contains(&i) {
                            self.error(at, format!("duplicate field name {} in struct literal", name));
                            continue;
                        }
                        seen.push(i);
                    }
                } else {
                    for (i, el) in elems.iter().enumerate() {
                        if let Some(colon) = el.colon {
                            self.error(colon, "mixture of field:value and value elements in struct literal");
                            continue;
                        }
                        let field_ty = fields.get(i).map(|f| f.ty);
                        self.elem_value(&el.value, field_ty.unwrap_or(INVALID));
                        let Some(ft) = field_ty else {
                            self.error(el.value.start(), format!("too many values in {}{{…}}", base));
                            break;
                        };
                        self.assign_to(&el.value, ft, "struct literal");
                    }
                    if !elems.is_empty() && elems.len() < fields.len() {
                        let rbrace = match &e.kind {
                            ExprKind::CompositeLit { rbrace, .. } => *rbrace,
                            _ => e.pos,
                        };
                        self.error(rbrace, format!("too few values in {}{{…}}", base));
                    }
                }
            }
            TypeKind::Array(n, el) => {
                self.indexed_elems(elems, el, Some(n));
            }
            TypeKind::Slice(el) => {
                self.indexed_elems(elems, el, None);
            }
            TypeKind::Map(key, value) => self.map_elems(elems, key, value),
            _ => {
                // A type already reported invalid (a recursive one) says nothing more.
                if self.types.underlying(t) != INVALID {
                    self.error(e.pos, format!("invalid composite literal type {}", self.types.type_string(t)));
                }
                self.invalid(e);
                return;
            }
        }
        self.set(e, Mode::Value, t, None);
    }

    /// types2's indexedElts: element indices (explicit keys must be
    /// constant), bounds, duplicates, and each value against the element type.
    /// Returns the literal's length: the largest index plus one.
    fn indexed_elems(&mut self, elems: &[Element], elem_ty: TypeId, length: Option<u64>) -> i128 {
        let length = length.map(|n| n as i128);
        let mut index: i128 = 0;
        let mut max: i128 = 0;
        let mut visited: HashSet<i128> = HashSet::new();
        for el in elems {
            let at = el.colon.unwrap_or_else(|| el.value.start());
            let mut valid_index = false;
            if let Some(key) = &el.key {
                if let Some(v) = self.index_value(key, length) {
                    if v >= 0 {
                        index = v;
                        valid_index = true;
                    } else {
                        let d = self.expr_string(key);
                        self.error(at, format!("index {} must be integer constant", d));
                    }
                }
            } else if length.is_some_and(|n| index >= n) {
                self.error(at, format!("index {} is out of bounds (>= {})", index, length.unwrap_or(0)));
            } else {
                valid_index = true;
            }
            if valid_index && !visited.insert(index) {
                self.error(at, format!("duplicate index {} in array or slice literal", index));
            }
            index += 1;
            max = max.max(index);
            self.elem_value(&el.value, elem_ty);
            self.assign_to(&el.value, elem_ty, "array or slice literal");
        }
        max
    }

    /// types2's map literal: every element keyed, keys assignable to the key
    /// type and constant ones distinct (by value and, for an interface key
    /// type, by type too).
    fn map_elems(&mut self, elems: &[Element], key_ty: TypeId, value_ty: TypeId) {
        let key_is_interface = self.types.is_interface(key_ty);
        let mut visited: Vec<(Value, TypeId)> = Vec::new();
        for el in elems {
            let Some(key) = &el.key else {
                self.error(el.value.start(), "missing key in map literal");
                self.value_expr(&el.value);
                continue;
            };
            self.elem_value(key, key_ty);
            let x = self.operand(key);
            if self.assignment(&x, Some(key_ty), "map literal") {
                let x = self.operand(key);
                if let (Mode::Constant, Some(v)) = (x.mode, x.value.clone()) {
                    let duplicate = visited.iter().any(|(w, t)| *w == v && (!key_is_interface || self.types.identical(*t, x.ty)));
                    if duplicate {
                        self.error(key.start(), format!("duplicate key {} in map literal", v.describe()));
                        continue;
                    }
                    visited.push((v, x.ty));
                }
            }
            self.elem_value(&el.value, value_ty);
            self.assign_to(&el.value, value_ty, "map literal");
        }
    }

    /// An element value; `{...}` without a type takes the element type (or its pointee).
    fn elem_value(&mut self, v: &Expr, elem_ty: TypeId) {
        match &v.kind {
            ExprKind::CompositeLit { ty: None, elems, .. } => {
                let t = match self.types.pointer_elem(elem_ty) {
                    Some(p) if !matches!(self.types.under(elem_ty), TypeKind::Struct(_)) => p,
                    _ => elem_ty,
                };
                self.composite_lit(v, t, elems);
                if t != elem_ty && self.info_of(v).mode != Mode::Invalid {
                    // `&T{}` elided to `{}` in a []*T literal.
                    self.exprs[v.id as usize].ty = elem_ty;
                }
            }
            _ => {
                self.value_expr(v);
            }
        }
    }
}

/// An operand as types2 has it: an expression and what it denotes. For
/// each value of a multi-value call, `expr` is the call.
#[derive(Clone, Debug)]
pub(crate) struct Operand<'e> {
    pub expr: &'e Expr,
    pub mode: Mode,
    pub ty: TypeId,
    pub value: Option<Value>,
}

impl Operand<'_> {
    /// Whether the operand is the predeclared nil (types2's nilvalue mode),
    /// also once it was given the type of the other side of a comparison.
    pub(crate) fn is_nil(&self, c: &Checker) -> bool {
        if self.mode == Mode::Invalid {
            return false;
        }
        let e = strip_parens(self.expr);
        c.types.basic_of(self.ty) == Some(Basic::UntypedNil)
            || matches!(e.kind, ExprKind::Ident(_)) && c.uses.get(&e.id).is_some_and(|id| c.objects[*id as usize].kind == ObjKind::Nil)
    }
}

/// Why an untyped value cannot take a type (types2's error codes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum ConversionError {
    Truncated,
    Overflows,
    Invalid,
}

/// The order of untyped numeric kinds: int < rune < float.
fn untyped_rank(b: Basic) -> u8 {
    match b {
        Basic::UntypedInt => 0,
        Basic::UntypedRune => 1,
        Basic::UntypedFloat => 2,
        _ => 3,
    }
}

pub(crate) fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
    }
}

pub(crate) fn is_comparison(op: BinaryOp) -> bool {
    matches!(op, BinaryOp::Eql | BinaryOp::Neq | BinaryOp::Lss | BinaryOp::Leq | BinaryOp::Gtr | BinaryOp::Geq)
}

/// types2's opName: the operation named in `constant ... overflow`.
fn overflow_op_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Unary(UnaryOp::BitNot, _) => "bitwise complement",
        ExprKind::Binary(BinaryOp::Add, ..) => "addition",
        ExprKind::Binary(BinaryOp::Sub, ..) => "subtraction",
        ExprKind::Binary(BinaryOp::Xor, ..) => "bitwise XOR",
        ExprKind::Binary(BinaryOp::Mul, ..) => "multiplication",
        ExprKind::Binary(BinaryOp::Shl, ..) => "shift",
        _ => "",
    }
}

fn fold_binary(op: BinaryOp, l: &Value, r: &Value, b: Basic) -> Option<Value> {
    use Value::*;
    Some(match (l, r) {
        (Int(a), Int(c)) if !b.is_float() => match op {
            BinaryOp::Add => Int(a + c),
            BinaryOp::Sub => Int(a - c),
            BinaryOp::Mul => Int(a * c),
            BinaryOp::Quo if !c.is_zero() => Int(a / c),
            BinaryOp::Rem if !c.is_zero() => Int(a % c),
            BinaryOp::And => Int(a & c),
            BinaryOp::Or => Int(a | c),
            BinaryOp::Xor => Int(a ^ c),
            BinaryOp::AndNot => Int(a & !c),
            _ => return None,
        },
        (Str(a), Str(c)) if op == BinaryOp::Add => {
            let mut s = a.clone();
            s.extend_from_slice(c);
            Str(s)
        }
        (Bool(a), Bool(c)) => match op {
            BinaryOp::LAnd => Bool(*a && *c),
            BinaryOp::LOr => Bool(*a || *c),
            _ => return None,
        },
        (Complex(..), _) | (_, Complex(..)) => {
            // go/constant's complex arithmetic on exact parts.
            let ((a, bi), (c, d)) = (l.as_complex()?, r.as_complex()?);
            let (re, im) = match op {
                BinaryOp::Add => (a.arith(ArithOp::Add, &c), bi.arith(ArithOp::Add, &d)),
                BinaryOp::Sub => (a.arith(ArithOp::Sub, &c), bi.arith(ArithOp::Sub, &d)),
                BinaryOp::Mul => (
                    a.arith(ArithOp::Mul, &c).arith(ArithOp::Sub, &bi.arith(ArithOp::Mul, &d)),
                    a.arith(ArithOp::Mul, &d).arith(ArithOp::Add, &bi.arith(ArithOp::Mul, &c)),
                ),
                BinaryOp::Quo => {
                    let s = c.arith(ArithOp::Mul, &c).arith(ArithOp::Add, &d.arith(ArithOp::Mul, &d));
                    if s.is_zero() {
                        return None;
                    }
                    let re = a.arith(ArithOp::Mul, &c).arith(ArithOp::Add, &bi.arith(ArithOp::Mul, &d));
                    let im = bi.arith(ArithOp::Mul, &c).arith(ArithOp::Sub, &a.arith(ArithOp::Mul, &d));
                    (re.arith(ArithOp::Quo, &s), im.arith(ArithOp::Quo, &s))
                }
                _ => return None,
            };
            if b.is_untyped() {
                Complex(re, im)
            } else {
                represent(&Complex(re, im), b).ok()?
            }
        }
        _ => {
            // go/constant's float arithmetic, rounded only to a typed float's precision.
            let (a, c) = (l.as_float()?, r.as_float()?);
            let arith = match op {
                BinaryOp::Add => ArithOp::Add,
                BinaryOp::Sub => ArithOp::Sub,
                BinaryOp::Mul => ArithOp::Mul,
                BinaryOp::Quo if !c.is_zero() => ArithOp::Quo,
                _ => return None,
            };
            let v = a.arith(arith, &c);
            if b.is_integer() {
                Int(v.to_integer()?)
            } else if b.is_untyped() {
                Float(v)
            } else {
                represent(&Float(v), b).ok()?
            }
        }
    })
}

fn compare_values(op: BinaryOp, l: &Value, r: &Value) -> Option<bool> {
    use std::cmp::Ordering;
    let ord = match (l, r) {
        (Value::Int(a), Value::Int(b)) => a.cmp(b),
        (Value::Str(a), Value::Str(b)) => a.cmp(b),
        (Value::Bool(a), Value::Bool(b)) => {
            return match op {
                BinaryOp::Eql => Some(a == b),
                BinaryOp::Neq => Some(a != b),
                _ => None,
            }
        }
        (Value::Complex(..), _) | (_, Value::Complex(..)) => {
            let ((a, b), (c, d)) = (l.as_complex()?, r.as_complex()?);
            let equal = a.compare(&c) == Ordering::Equal && b.compare(&d) == Ordering::Equal;
            return match op {
                BinaryOp::Eql => Some(equal),
                BinaryOp::Neq => Some(!equal),
                _ => None,
            };
        }
        _ => l.as_float()?.compare(&r.as_float()?),
    };
    Some(match op {
        BinaryOp::Eql => ord == Ordering::Equal,
        BinaryOp::Neq => ord != Ordering::Equal,
        BinaryOp::Lss => ord == Ordering::Less,
        BinaryOp::Leq => ord != Ordering::Greater,
        BinaryOp::Gtr => ord == Ordering::Greater,
        BinaryOp::Geq => ord != Ordering::Less,
        _ => return None,
    })
}
