//! Expressions: operands and their modes, untyped constants and their final
//! types, assignability, conversions, calls and builtins, selectors, index and
//! slice expressions, composite literals and function literals (types2's
//! expr.go, call.go, builtins.go, assignments.go, conversions.go).

use super::*;
use num_traits::{ToPrimitive, Zero};

use crate::constant::{self, represent, Unrepresentable};

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
            TypeKind::Basic(Basic::UntypedString) => self.types.basic(Basic::String),
            _ => t,
        }
    }

    /// Checks an expression that must be a single value (not a type, not a no-value call).
    pub(crate) fn value_expr(&mut self, e: &Expr) -> ExprInfo {
        self.expr(e);
        let info = self.info_of(e);
        match info.mode {
            Mode::NoValue => {
                let d = self.expr_string(e);
                self.error(e.start(), format!("{} (no value) used as value", d));
                self.invalid(e);
            }
            Mode::Type => {
                let d = self.expr_string(e);
                self.error(e.start(), format!("{} (type) is not an expression", d));
                self.invalid(e);
            }
            Mode::Builtin(_) => {
                let d = self.expr_string(e);
                self.error(e.start(), format!("{} (built-in) must be called", d));
                self.invalid(e);
            }
            _ => {
                if let TypeKind::Tuple(ts) = self.types.kind(info.ty) {
                    let n = ts.len();
                    let d = self.expr_string(e);
                    self.error(e.start(), format!("multiple-value {} (value of type {}) in single-value context", d, self.types.display(info.ty)));
                    let _ = n;
                    self.invalid(e);
                }
            }
        }
        self.info_of(e)
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
            ExprKind::RuneLit(text) => match constant::parse_rune(text) {
                Some(v) => {
                    let t = self.untyped(Basic::UntypedRune);
                    self.set(e, Mode::Constant, t, Some(Value::Int(v)));
                }
                None => {
                    self.error(e.pos, "invalid rune literal");
                    self.invalid(e);
                }
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
            ExprKind::FuncLit { sig, body } => {
                let t = self.func_signature(sig, None);
                self.open_scope();
                self.func_body(sig, t, body);
                self.close_scope();
                self.set(e, Mode::Value, t, None);
            }
            ExprKind::CompositeLit { ty, elems, .. } => {
                let Some(ty) = ty else {
                    self.error(e.pos, "invalid composite literal type: missing type");
                    self.invalid(e);
                    return;
                };
                let t = self.composite_type(ty, elems.len());
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
            self.error(e.pos, "cannot use _ as value");
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
                        Some(i) => self.set(e, Mode::Constant, obj.ty, Some(Value::Int(i))),
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
        }
    }

    // ----- assignability and untyped conversion -----

    /// Whether a value of type `v` may be assigned to type `t` (spec "Assignability").
    pub(crate) fn assignable(&self, v: TypeId, t: TypeId) -> bool {
        if self.types.identical(v, t) || v == INVALID || t == INVALID {
            return true;
        }
        let vu = self.types.underlying(v);
        let tu = self.types.underlying(t);
        if self.types.basic_of(v) == Some(Basic::UntypedNil) {
            return matches!(self.types.kind(tu), TypeKind::Pointer(_) | TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Interface(_) | TypeKind::Map(..) | TypeKind::Chan(_));
        }
        if self.types.is_interface(t) {
            return true;
        }
        if self.types.identical(vu, tu) && (!self.types.is_named(v) || !self.types.is_named(t)) {
            return true;
        }
        false
    }

    /// Checks that the checked expression `e` can be assigned to `target`;
    /// converts untyped values. `context` is types2's: "assignment",
    /// "argument to f", "return statement", "variable declaration".
    pub(crate) fn assign_to(&mut self, e: &Expr, target: TypeId, context: &str) -> bool {
        let info = self.info_of(e);
        if info.mode == Mode::Invalid || target == INVALID {
            return false;
        }
        if self.is_untyped(info.ty) {
            let target_basic = self.types.basic_of(target);
            if self.types.is_interface(target) {
                if self.types.basic_of(info.ty) == Some(Basic::UntypedNil) {
                    self.set_type_recursive(e, target);
                    return true;
                }
                let d = self.default_type(info.ty);
                self.convert_untyped(e, d);
                return true;
            }
            if let Some(tb) = target_basic {
                if let Some(v) = info.value.clone() {
                    match represent(&v, tb) {
                        Ok(v2) => {
                            self.convert_untyped(e, target);
                            self.exprs[e.id as usize].value = Some(v2);
                            return true;
                        }
                        Err(Unrepresentable::Mismatch) => {}
                        Err(Unrepresentable::Overflows) => {
                            let d = self.expr_string(e);
                            let vd = v.describe();
                            let what = if d == vd { format!("{} ({} constant)", d, self.types.display(info.ty)) } else { format!("{} ({} constant {})", d, self.types.display(info.ty), vd) };
                            self.error(e.start(), format!("cannot use {} as {} value in {} (overflows)", what, self.types.display(target), context));
                            return false;
                        }
                        Err(Unrepresentable::Truncated) => {
                            let d = self.expr_string(e);
                            let vd = v.describe();
                            let what = if d == vd { format!("{} ({} constant)", d, self.types.display(info.ty)) } else { format!("{} ({} constant {})", d, self.types.display(info.ty), vd) };
                            self.error(e.start(), format!("cannot use {} as {} value in {} (truncated)", what, self.types.display(target), context));
                            return false;
                        }
                    }
                } else {
                    let ub = self.types.basic_of(info.ty).unwrap_or(Basic::Invalid);
                    let ok = (ub == Basic::UntypedBool && tb.is_boolean()) || (ub.is_numeric() && tb.is_numeric()) || (ub.is_string() && tb.is_string());
                    if ok {
                        self.convert_untyped(e, target);
                        return true;
                    }
                }
            } else if self.types.basic_of(info.ty) == Some(Basic::UntypedNil) && self.assignable(info.ty, target) {
                self.set_type_recursive(e, target);
                return true;
            }
        } else if self.assignable(info.ty, target) {
            return true;
        }
        let d = self.describe_operand(e);
        self.error(e.start(), format!("cannot use {} as type {} in {}", d, self.types.display(target), context));
        false
    }

    /// Gives an untyped expression its final type (types2's updateExprType).
    pub(crate) fn convert_untyped(&mut self, e: &Expr, target: TypeId) {
        let info = self.info_of(e);
        if !self.is_untyped(info.ty) || info.mode == Mode::Invalid {
            return;
        }
        if let Some(v) = &info.value {
            if let Some(tb) = self.types.basic_of(target) {
                if !tb.is_untyped() {
                    match represent(v, tb) {
                        Ok(v2) => self.exprs[e.id as usize].value = Some(v2),
                        Err(Unrepresentable::Overflows) => {
                            let d = self.expr_string(e);
                            let what = if v.describe() == d { d } else { v.describe() };
                            self.error(e.start(), format!("cannot use {} (untyped {} constant) as {} value in expression (overflows)", what, untyped_kind(self.types.basic_of(info.ty)), self.types.display(target)));
                        }
                        Err(_) => {}
                    }
                }
            }
        }
        self.set_type_recursive(e, target);
    }

    fn set_type_recursive(&mut self, e: &Expr, target: TypeId) {
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
        let info = &self.exprs[e.id as usize];
        let text = self.expr_string(e);
        if self.types.basic_of(info.ty) == Some(Basic::UntypedNil) && info.mode != Mode::Invalid {
            return "nil".to_string();
        }
        let mode = match info.mode {
            Mode::Invalid => "invalid operand",
            Mode::NoValue => "no value",
            Mode::Builtin(_) => "built-in",
            Mode::Type => "type",
            Mode::Constant => "constant",
            Mode::Variable => "variable",
            Mode::Value => "value",
        };
        let mut out = format!("{} (", text);
        let mut has_type = false;
        if !matches!(info.mode, Mode::Invalid | Mode::NoValue | Mode::Builtin(_) | Mode::Type) {
            if self.is_untyped(info.ty) {
                out.push_str(self.types.basic_of(info.ty).map(|b| b.name()).unwrap_or(""));
                out.push(' ');
            } else {
                has_type = true;
            }
        }
        out.push_str(mode);
        if info.mode == Mode::Constant {
            if let Some(v) = &info.value {
                let s = v.describe();
                if s != text {
                    out.push(' ');
                    out.push_str(&s);
                }
            }
        }
        if has_type {
            out.push_str(" of type ");
            out.push_str(&self.types.display(info.ty));
        }
        out.push(')');
        out
    }

    /// The source-like text of an expression (`syntax.String`).
    pub(crate) fn expr_string(&self, e: &Expr) -> String {
        let mut s = String::new();
        write_expr(&mut s, e);
        s
    }

    // ----- operators -----

    fn unary(&mut self, e: &Expr, op: UnaryOp, x: &Expr) {
        if op == UnaryOp::Addr {
            let inner = strip_parens(x);
            if let ExprKind::CompositeLit { .. } = inner.kind {
                self.expr(x);
                let xi = self.info_of(x);
                if xi.mode == Mode::Invalid {
                    self.invalid(e);
                    return;
                }
                let t = self.types.intern(TypeKind::Pointer(xi.ty));
                self.set(e, Mode::Value, t, None);
                return;
            }
            let xi = self.value_expr(x);
            if xi.mode == Mode::Invalid {
                self.invalid(e);
                return;
            }
            if xi.mode != Mode::Variable {
                let d = self.describe_operand(x);
                self.error(e.pos, format!("invalid operation: cannot take address of {}", d));
                self.invalid(e);
                return;
            }
            let t = self.types.intern(TypeKind::Pointer(xi.ty));
            self.set(e, Mode::Value, t, None);
            return;
        }
        if op == UnaryOp::Recv {
            self.value_expr(x);
            self.error(e.pos, "channels are not supported yet (minigo tier 2)");
            self.invalid(e);
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
            UnaryOp::BitNot => b.is_some_and(|b| b.is_integer()),
            _ => false,
        };
        if !ok {
            let d = self.describe_operand(x);
            let sym = match op {
                UnaryOp::Plus => "+",
                UnaryOp::Neg => "-",
                UnaryOp::Not => "!",
                _ => "^",
            };
            self.error(e.pos, format!("invalid operation: operator {} not defined on {}", sym, d));
            self.invalid(e);
            return;
        }
        if let (Mode::Constant, Some(v)) = (xi.mode, &xi.value) {
            let b = b.unwrap_or(Basic::Invalid);
            let folded = match (op, v) {
                (UnaryOp::Plus, v) => Some(v.clone()),
                (UnaryOp::Neg, Value::Int(i)) => Some(Value::Int(-i)),
                (UnaryOp::Neg, Value::Float(f)) => Some(Value::Float(-f.clone())),
                (UnaryOp::Not, Value::Bool(v)) => Some(Value::Bool(!v)),
                (UnaryOp::BitNot, Value::Int(i)) => Some(Value::Int(if b.is_unsigned() { constant::wrap(!i, b) } else { !i })),
                _ => None,
            };
            if let Some(v) = folded {
                if !b.is_untyped() {
                    if represent(&v, b).is_err() {
                        self.error(e.start(), format!("constant {} overflows {}", v.describe(), self.types.display(xi.ty)));
                    }
                }
                self.set(e, Mode::Constant, xi.ty, Some(v));
                return;
            }
        }
        self.set(e, Mode::Value, xi.ty, None);
    }

    fn binary(&mut self, e: &Expr, op: BinaryOp, l: &Expr, r: &Expr) {
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            self.shift(e, op, l, r);
            return;
        }
        let li = self.value_expr(l);
        let ri = self.value_expr(r);
        if li.mode == Mode::Invalid || ri.mode == Mode::Invalid {
            self.invalid(e);
            return;
        }
        // Match untyped operands to the other side.
        let lu = self.is_untyped(li.ty);
        let ru = self.is_untyped(ri.ty);
        if lu && !ru {
            if !self.implicit_convert(l, ri.ty) {
                self.mismatch(e, op, l, r);
                return;
            }
        } else if ru && !lu {
            if !self.implicit_convert(r, li.ty) {
                self.mismatch(e, op, l, r);
                return;
            }
        } else if lu && ru {
            // Both untyped: the "larger" kind wins (int < rune < float).
            let lb = self.types.basic_of(li.ty).unwrap_or(Basic::Invalid);
            let rb = self.types.basic_of(ri.ty).unwrap_or(Basic::Invalid);
            if lb.is_numeric() && rb.is_numeric() {
                let rank = |b: Basic| match b {
                    Basic::UntypedInt => 0,
                    Basic::UntypedRune => 1,
                    _ => 2,
                };
                let t = if rank(lb) >= rank(rb) { li.ty } else { ri.ty };
                self.exprs[l.id as usize].ty = t;
                self.exprs[r.id as usize].ty = t;
            } else if lb == Basic::UntypedNil && rb == Basic::UntypedNil && is_comparison(op) {
                self.error(e.pos, format!("invalid operation: {} (operator {} not defined on nil)", self.expr_string(e), op_str(op)));
                self.invalid(e);
                return;
            } else if lb != rb {
                self.mismatch(e, op, l, r);
                return;
            }
        }
        let li = self.info_of(l);
        let ri = self.info_of(r);
        if is_comparison(op) {
            self.comparison(e, op, l, r, &li, &ri);
            return;
        }
        if !self.identical(li.ty, ri.ty) {
            self.mismatch(e, op, l, r);
            return;
        }
        let b = self.types.basic_of(li.ty);
        let ok = match op {
            BinaryOp::Add => b.is_some_and(|b| b.is_numeric() || b.is_string()),
            BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Quo => b.is_some_and(|b| b.is_numeric()),
            BinaryOp::Rem | BinaryOp::And | BinaryOp::Or | BinaryOp::Xor | BinaryOp::AndNot => b.is_some_and(|b| b.is_integer()),
            BinaryOp::LAnd | BinaryOp::LOr => b.is_some_and(|b| b.is_boolean()),
            _ => false,
        };
        if !ok {
            let d = self.describe_operand(l);
            self.error(l.start(), format!("invalid operation: operator {} not defined on {}", op_str(op), d));
            self.invalid(e);
            return;
        }
        if matches!(op, BinaryOp::Quo | BinaryOp::Rem) && ri.mode == Mode::Constant && b.is_some_and(|b| b.is_integer()) {
            if ri.value.as_ref().and_then(|v| v.as_int()) == Some(0) {
                self.error(r.start(), "invalid operation: division by zero");
                self.invalid(e);
                return;
            }
        }
        if matches!(op, BinaryOp::Quo) && ri.mode == Mode::Constant && li.mode == Mode::Constant {
            if ri.value.as_ref().and_then(|v| v.as_f64()) == Some(0.0) {
                self.error(r.start(), "invalid operation: division by zero");
                self.invalid(e);
                return;
            }
        }
        if let (Mode::Constant, Mode::Constant, Some(lv), Some(rv)) = (li.mode, ri.mode, &li.value, &ri.value) {
            let bt = b.unwrap_or(Basic::Invalid);
            match fold_binary(op, lv, rv, bt) {
                Some(v) => {
                    if !bt.is_untyped() {
                        if let Err(Unrepresentable::Overflows) = represent(&v, bt) {
                            self.error(l.start(), format!("constant {} overflows {}", v.describe(), self.types.display(li.ty)));
                        }
                    }
                    self.set(e, Mode::Constant, li.ty, Some(v));
                }
                None => self.set(e, Mode::Value, li.ty, None),
            }
            return;
        }
        self.set(e, Mode::Value, li.ty, None);
    }

    /// Converts an untyped operand to the other operand's type, if possible.
    fn implicit_convert(&mut self, x: &Expr, target: TypeId) -> bool {
        let xi = self.info_of(x);
        let xb = self.types.basic_of(xi.ty).unwrap_or(Basic::Invalid);
        if xb == Basic::UntypedNil {
            let ok = matches!(self.types.under(target), TypeKind::Pointer(_) | TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Interface(_) | TypeKind::Map(..) | TypeKind::Chan(_));
            if ok {
                self.exprs[x.id as usize].ty = target;
            }
            return ok;
        }
        if self.types.is_interface(target) {
            let d = self.default_type(xi.ty);
            self.convert_untyped(x, d);
            return true;
        }
        let Some(tb) = self.types.basic_of(target) else { return false };
        let compatible = (xb.is_boolean() && tb.is_boolean()) || (xb.is_numeric() && tb.is_numeric()) || (xb.is_string() && tb.is_string());
        if !compatible {
            return false;
        }
        if let Some(v) = &xi.value {
            match represent(v, tb) {
                Ok(v2) => {
                    self.set_type_recursive(x, target);
                    self.exprs[x.id as usize].value = Some(v2);
                }
                Err(Unrepresentable::Truncated) => {
                    let d = self.expr_string(x);
                    self.error(x.start(), format!("{} (untyped float constant) truncated to {}", d, self.types.display(target)));
                    self.set_type_recursive(x, target);
                }
                Err(_) => {
                    let d = self.expr_string(x);
                    let vd = v.describe();
                    let what = if d == vd { format!("{} (untyped {} constant)", d, untyped_kind(Some(xb))) } else { format!("{} (untyped {} constant {})", d, untyped_kind(Some(xb)), vd) };
                    self.error(x.start(), format!("cannot use {} as {} value in expression (overflows)", what, self.types.display(target)));
                    self.set_type_recursive(x, target);
                }
            }
        } else {
            self.set_type_recursive(x, target);
        }
        true
    }

    fn mismatch(&mut self, e: &Expr, op: BinaryOp, l: &Expr, r: &Expr) {
        let lt = self.types.display(self.info_of(l).ty);
        let rt = self.types.display(self.info_of(r).ty);
        let _ = op;
        self.error(l.start(), format!("invalid operation: {} (mismatched types {} and {})", self.expr_string(e), lt, rt));
        self.invalid(e);
    }

    pub(crate) fn identical(&self, a: TypeId, b: TypeId) -> bool {
        self.types.identical(a, b) || a == INVALID || b == INVALID
    }

    fn comparison(&mut self, e: &Expr, op: BinaryOp, l: &Expr, r: &Expr, li: &ExprInfo, ri: &ExprInfo) {
        let ok_types = self.assignable(li.ty, ri.ty) || self.assignable(ri.ty, li.ty);
        if !ok_types {
            self.mismatch(e, op, l, r);
            return;
        }
        let t = if self.types.basic_of(li.ty) == Some(Basic::UntypedNil) { ri.ty } else { li.ty };
        let is_nil_cmp = self.is_nil(l) || self.is_nil(r);
        let ordered = self.types.basic_of(t).is_some_and(|b| b.is_numeric() || b.is_string());
        let comparable = self.comparable(t);
        let eq = matches!(op, BinaryOp::Eql | BinaryOp::Neq);
        if eq && !comparable && !is_nil_cmp {
            let what = match self.types.under(t) {
                TypeKind::Slice(_) => "slice can only be compared to nil",
                TypeKind::Func(_) => "func can only be compared to nil",
                TypeKind::Map(..) => "map can only be compared to nil",
                _ => "",
            };
            let msg = if what.is_empty() {
                format!("invalid operation: {} (operator {} not defined on {})", self.expr_string(e), op_str(op), self.kind_word(t))
            } else {
                format!("invalid operation: {} ({})", self.expr_string(e), what)
            };
            self.error(l.start(), msg);
            self.invalid(e);
            return;
        }
        if !eq && !ordered {
            let d = self.describe_operand(l);
            self.error(l.start(), format!("invalid operation: {} (operator {} not defined on {})", self.expr_string(e), op_str(op), self.kind_word(t)));
            let _ = d;
            self.invalid(e);
            return;
        }
        let ub = self.untyped(Basic::UntypedBool);
        if let (Mode::Constant, Mode::Constant, Some(lv), Some(rv)) = (li.mode, ri.mode, &li.value, &ri.value) {
            if let Some(v) = compare_values(op, lv, rv) {
                self.set(e, Mode::Constant, ub, Some(Value::Bool(v)));
                return;
            }
        }
        // Untyped operands of a non-constant comparison take their default types.
        for x in [l, r] {
            let xi = self.info_of(x);
            if self.is_untyped(xi.ty) && self.types.basic_of(xi.ty) != Some(Basic::UntypedNil) {
                let d = self.default_type(xi.ty);
                self.convert_untyped(x, d);
            }
        }
        self.set(e, Mode::Value, ub, None);
    }

    /// Whether an expression is the predeclared `nil` (possibly parenthesized).
    pub(crate) fn is_nil(&self, e: &Expr) -> bool {
        let e = strip_parens(e);
        matches!(e.kind, ExprKind::Ident(_)) && self.uses.get(&e.id).is_some_and(|id| self.objects[*id as usize].kind == ObjKind::Nil)
    }

    fn kind_word(&self, t: TypeId) -> &'static str {
        match self.types.under(t) {
            TypeKind::Struct(_) => "struct",
            TypeKind::Slice(_) => "slice",
            TypeKind::Func(_) => "func",
            TypeKind::Map(..) => "map",
            TypeKind::Pointer(_) => "pointer",
            TypeKind::Array(..) => "array",
            TypeKind::Interface(_) => "interface",
            TypeKind::Chan(_) => "chan",
            TypeKind::Basic(b) if b.is_boolean() => "bool",
            TypeKind::Basic(_) => "basic",
            _ => "type",
        }
    }

    pub(crate) fn comparable(&self, t: TypeId) -> bool {
        match self.types.under(t) {
            TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) => false,
            TypeKind::Struct(fields) => fields.iter().all(|f| self.comparable(f.ty)),
            TypeKind::Array(_, e) => self.comparable(*e),
            _ => true,
        }
    }

    fn shift(&mut self, e: &Expr, op: BinaryOp, l: &Expr, r: &Expr) {
        let li = self.value_expr(l);
        let ri = self.value_expr(r);
        if li.mode == Mode::Invalid || ri.mode == Mode::Invalid {
            self.invalid(e);
            return;
        }
        // The count: an integer, or an untyped constant representable as uint.
        let rb = self.types.basic_of(ri.ty).unwrap_or(Basic::Invalid);
        if ri.mode == Mode::Constant {
            let count = ri.value.as_ref().and_then(|v| v.as_int());
            match count {
                Some(c) if c >= 0 => {
                    if self.is_untyped(ri.ty) {
                        let ut = self.types.basic(Basic::Uint);
                        self.convert_untyped(r, ut);
                    }
                }
                Some(_) => {
                    let d = self.expr_string(r);
                    self.error(r.start(), format!("invalid shift count {} (negative)", d));
                    self.invalid(e);
                    return;
                }
                None => {
                    let d = self.describe_operand(r);
                    self.error(r.start(), format!("invalid shift count {}", d));
                    self.invalid(e);
                    return;
                }
            }
        } else if !rb.is_integer() {
            let d = self.describe_operand(r);
            self.error(r.start(), format!("shift count {} must be integer", d));
            self.invalid(e);
            return;
        }
        let lb = self.types.basic_of(li.ty).unwrap_or(Basic::Invalid);
        if li.mode == Mode::Constant && self.is_untyped(li.ty) {
            // An untyped constant shifted: stays untyped if the count is constant.
            let lv = li.value.clone().unwrap_or(Value::Int(0));
            let Some(lint) = lv.as_int() else {
                let d = self.describe_operand(l);
                self.error(l.start(), format!("invalid operation: shifted operand {} must be integer", d));
                self.invalid(e);
                return;
            };
            if ri.mode == Mode::Constant {
                let c = ri.value.as_ref().and_then(|v| v.as_int()).unwrap_or(0);
                let v = if op == BinaryOp::Shl {
                    if c >= 127 || (lint != 0 && (lint.unsigned_abs().leading_zeros() as i128) <= c) {
                        self.error(e.pos, "constant shift overflow");
                        self.invalid(e);
                        return;
                    }
                    lint << c
                } else {
                    lint >> c.min(127)
                };
                let t = if lb == Basic::UntypedFloat { self.untyped(Basic::UntypedInt) } else { li.ty };
                self.set(e, Mode::Constant, t, Some(Value::Int(v)));
                return;
            }
            // Non-constant shift of an untyped constant: the constant becomes an int
            // (types2 delays this until the context is known; int is the common case).
            let it = self.types.basic(Basic::Int);
            self.convert_untyped(l, it);
            self.set(e, Mode::Value, it, None);
            return;
        }
        if !lb.is_integer() {
            let d = self.describe_operand(l);
            self.error(l.start(), format!("invalid operation: shifted operand {} must be integer", d));
            self.invalid(e);
            return;
        }
        if let (Mode::Constant, Mode::Constant, Some(Value::Int(lv)), Some(rv)) = (li.mode, ri.mode, &li.value, &ri.value) {
            let c = rv.as_int().unwrap_or(0).min(127);
            let v = if op == BinaryOp::Shl { lv.checked_shl(c as u32).unwrap_or(0) } else { lv >> c };
            if let Err(Unrepresentable::Overflows) = represent(&Value::Int(v), lb) {
                self.error(e.start(), format!("constant {} overflows {}", v, self.types.display(li.ty)));
            }
            self.set(e, Mode::Constant, li.ty, Some(Value::Int(v)));
            return;
        }
        self.set(e, Mode::Value, li.ty, None);
    }

    // ----- selectors -----

    fn selector(&mut self, e: &Expr, x: &Expr, sel: &Ident) {
        self.expr(x);
        let xi = self.info_of(x);
        match xi.mode {
            Mode::Invalid => {
                self.invalid(e);
                return;
            }
            Mode::Type => {
                // Method expression T.M or (*T).M.
                let (base, ptr) = match self.types.pointer_elem(xi.ty) {
                    Some(b) if self.types.is_named(b) => (b, true),
                    _ => (xi.ty, false),
                };
                let found = self.types.methods.get(&base).and_then(|ms| ms.iter().find(|m| m.name == sel.name)).cloned();
                match found {
                    Some(m) if ptr || !m.pointer_recv => {
                        let mut sig = self.types.signature(m.sig).cloned().unwrap_or(Signature { params: vec![], results: vec![], variadic: false });
                        sig.params.insert(0, xi.ty);
                        let t = self.types.intern(TypeKind::Func(sig));
                        self.selections.insert(e.id, Selection::MethodExpr { decl: m.func_index, pointer_recv: m.pointer_recv, recv_named: base });
                        self.set(e, Mode::Value, t, None);
                    }
                    _ => {
                        let d = self.expr_string(e);
                        self.error(e.pos, format!("{} undefined (type {} has no method {})", d, self.types.display(xi.ty), sel.name));
                        self.invalid(e);
                    }
                }
                return;
            }
            Mode::NoValue | Mode::Builtin(_) => {
                let d = self.describe_operand(x);
                self.error(e.pos, format!("{}.{} undefined ({} has no field or method {})", self.expr_string(x), sel.name, d, sel.name));
                self.invalid(e);
                return;
            }
            _ => {}
        }
        match self.lookup_field_or_method(xi.ty, &sel.name) {
            Some(Found::Field { path, ty }) => {
                let mode = if xi.mode == Mode::Variable || self.types.pointer_elem(xi.ty).is_some() || self.path_has_pointer(xi.ty, &path) { Mode::Variable } else { Mode::Value };
                self.selections.insert(e.id, Selection::Field { path });
                self.set(e, mode, ty, None);
            }
            Some(Found::Method { path, method, recv_named }) => {
                // A pointer method needs an addressable receiver or a pointer.
                if method.pointer_recv {
                    let through_ptr = self.types.pointer_elem(xi.ty).is_some() || self.path_has_pointer(xi.ty, &path);
                    if !through_ptr && xi.mode != Mode::Variable {
                        let d = self.expr_string(x);
                        self.error(e.pos, format!("cannot call pointer method {} on {}", sel.name, self.types.display(xi.ty)));
                        let _ = d;
                        self.invalid(e);
                        return;
                    }
                }
                self.selections.insert(e.id, Selection::Method { decl: method.func_index, path, pointer_recv: method.pointer_recv, recv_named });
                self.set(e, Mode::Value, method.sig, None);
            }
            None => {
                let d = self.expr_string(e);
                let what = if self.types.pointer_elem(xi.ty).and_then(|p| self.types.pointer_elem(p)).is_some() {
                    format!("{} undefined (type {} has no field or method {})", d, self.types.display(xi.ty), sel.name)
                } else {
                    format!("{} undefined (type {} has no field or method {})", d, self.types.display(xi.ty), sel.name)
                };
                self.error(e.pos, what);
                self.invalid(e);
            }
        }
    }

    fn path_has_pointer(&self, start: TypeId, path: &[u32]) -> bool {
        let mut t = start;
        for (i, idx) in path.iter().enumerate() {
            if i > 0 && self.types.pointer_elem(t).is_some() {
                return true;
            }
            let base = self.types.pointer_elem(t).unwrap_or(t);
            let Some(fields) = self.types.struct_fields(base) else { return false };
            t = fields[*idx as usize].ty;
        }
        false
    }

    /// Breadth-first search through embedded fields, as Go's lookup does.
    fn lookup_field_or_method(&self, t: TypeId, name: &str) -> Option<Found> {
        let mut level: Vec<(TypeId, Vec<u32>)> = vec![(t, Vec::new())];
        for _depth in 0..8 {
            let mut next = Vec::new();
            let mut found: Option<Found> = None;
            for (ty, path) in &level {
                let base = self.types.pointer_elem(*ty).filter(|_| true).unwrap_or(*ty);
                if let Some(ms) = self.types.methods.get(&base) {
                    if let Some(m) = ms.iter().find(|m| m.name == name) {
                        if found.is_none() {
                            found = Some(Found::Method { path: path.clone(), method: m.clone(), recv_named: base });
                        }
                        continue;
                    }
                }
                if let Some(fields) = self.types.struct_fields(base) {
                    for (i, f) in fields.iter().enumerate() {
                        let mut p = path.clone();
                        p.push(i as u32);
                        if f.name == name {
                            if found.is_none() {
                                found = Some(Found::Field { path: p.clone(), ty: f.ty });
                            }
                        } else if f.embedded {
                            next.push((f.ty, p));
                        }
                    }
                }
            }
            if found.is_some() {
                return found;
            }
            if next.is_empty() {
                return None;
            }
            level = next;
        }
        None
    }

    // ----- index and slice -----

    fn index_expr(&mut self, e: &Expr, x: &Expr, index: &Expr) {
        let xi = self.value_expr(x);
        if xi.mode == Mode::Invalid {
            self.value_expr(index);
            self.invalid(e);
            return;
        }
        let (elem, mode, length) = match self.types.under(xi.ty).clone() {
            TypeKind::Basic(b) if b.is_string() => {
                let byte = self.types.byte_type();
                let len = match &xi.value {
                    Some(Value::Str(s)) => Some(s.len() as u64),
                    _ => None,
                };
                (byte, Mode::Value, len)
            }
            TypeKind::Slice(el) => (el, Mode::Variable, None),
            TypeKind::Array(n, el) => (el, if xi.mode == Mode::Variable { Mode::Variable } else { Mode::Value }, Some(n)),
            TypeKind::Pointer(p) => match self.types.under(p).clone() {
                TypeKind::Array(n, el) => (el, Mode::Variable, Some(n)),
                _ => return self.cannot_index(e, x),
            },
            _ => return self.cannot_index(e, x),
        };
        if self.index_value(index, length).is_none() {
            self.invalid(e);
            return;
        }
        if self.types.basic_of(xi.ty).is_some_and(|b| b == Basic::UntypedString) {
            let st = self.types.basic(Basic::String);
            self.convert_untyped(x, st);
        }
        // Indexing a constant string with a constant index is not constant in Go.
        self.set(e, mode, elem, None);
    }

    fn cannot_index(&mut self, e: &Expr, x: &Expr) {
        let d = self.describe_operand(x);
        self.error(x.start(), format!("invalid operation: cannot index {}", d));
        self.invalid(e);
    }

    /// Checks an index operand; returns its constant value (or -1 for a non-constant).
    fn index_value(&mut self, index: &Expr, length: Option<u64>) -> Option<i128> {
        let ii = self.value_expr(index);
        if ii.mode == Mode::Invalid {
            return None;
        }
        if ii.mode == Mode::Constant {
            let v = ii.value.clone().unwrap_or(Value::Int(0));
            let Some(i) = v.as_int().filter(|_| self.types.basic_of(ii.ty).is_some_and(|b| b.is_numeric())) else {
                let d = self.describe_operand(index);
                self.error(index.start(), format!("invalid argument: index {} must be integer", d));
                return None;
            };
            if i < 0 {
                let d = self.describe_operand(index);
                self.error(index.start(), format!("invalid argument: index {} must not be negative", d));
                return None;
            }
            if let Some(n) = length {
                if i >= n as i128 {
                    let d = self.expr_string(index);
                    self.error(index.start(), format!("invalid argument: index {} out of bounds [0:{}]", d, n));
                    return None;
                }
            }
            if self.is_untyped(ii.ty) {
                let it = self.types.basic(Basic::Int);
                self.convert_untyped(index, it);
            }
            return Some(i);
        }
        if !self.types.basic_of(ii.ty).is_some_and(|b| b.is_integer()) {
            let d = self.describe_operand(index);
            self.error(index.start(), format!("invalid argument: index {} must be integer", d));
            return None;
        }
        Some(-1)
    }

    fn slice_expr(&mut self, e: &Expr, x: &Expr, lo: Option<&Expr>, hi: Option<&Expr>, max: Option<&Expr>) {
        let xi = self.value_expr(x);
        if xi.mode == Mode::Invalid {
            self.invalid(e);
            return;
        }
        let (result, length) = match self.types.under(xi.ty).clone() {
            TypeKind::Basic(b) if b.is_string() => {
                if max.is_some() {
                    self.error(e.pos, "invalid operation: 3-index slice of string");
                    self.invalid(e);
                    return;
                }
                let st = if b == Basic::UntypedString { self.types.basic(Basic::String) } else { xi.ty };
                if b == Basic::UntypedString {
                    self.convert_untyped(x, st);
                }
                (st, None)
            }
            TypeKind::Slice(_) => (xi.ty, None),
            TypeKind::Array(n, el) => {
                if xi.mode != Mode::Variable {
                    let d = self.describe_operand(x);
                    self.error(e.pos, format!("invalid operation: {} (slice of unaddressable value)", d));
                    self.invalid(e);
                    return;
                }
                (self.types.intern(TypeKind::Slice(el)), Some(n))
            }
            TypeKind::Pointer(p) => match self.types.under(p).clone() {
                TypeKind::Array(n, el) => (self.types.intern(TypeKind::Slice(el)), Some(n)),
                _ => {
                    let d = self.describe_operand(x);
                    self.error(x.start(), format!("cannot slice {}", d));
                    self.invalid(e);
                    return;
                }
            },
            _ => {
                let d = self.describe_operand(x);
                self.error(x.start(), format!("cannot slice {}", d));
                self.invalid(e);
                return;
            }
        };
        let bound = length.map(|n| n + 1);
        let mut consts = Vec::new();
        for part in [lo, hi, max].into_iter().flatten() {
            match self.index_value(part, bound) {
                Some(v) => consts.push(v),
                None => {
                    self.invalid(e);
                    return;
                }
            }
        }
        let known: Vec<i128> = consts.iter().copied().filter(|v| *v >= 0).collect();
        if known.windows(2).any(|w| w[0] > w[1]) {
            self.error(e.pos, "invalid slice indices");
        }
        self.set(e, Mode::Value, result, None);
    }

    // ----- composite literals -----

    fn composite_type(&mut self, ty: &Expr, n_elems: usize) -> TypeId {
        if let ExprKind::ArrayType { len: None, elem } = &ty.kind {
            let el = self.resolve_type(elem);
            if el == INVALID {
                return INVALID;
            }
            let t = self.types.intern(TypeKind::Array(n_elems as u64, el));
            self.exprs[ty.id as usize] = ExprInfo { ty: t, mode: Mode::Type, value: None };
            return t;
        }
        self.resolve_type(ty)
    }

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
                if elems.first().is_some_and(|el| el.key.is_some()) {
                    let mut seen = Vec::new();
                    for el in elems {
                        let Some(key) = &el.key else {
                            self.error(el.value.start(), "mixture of field:value and value elements in struct literal");
                            continue;
                        };
                        let ExprKind::Ident(name) = &key.kind else {
                            let d = self.expr_string(key);
                            self.error(key.start(), format!("invalid field name {} in struct literal", d));
                            continue;
                        };
                        match fields.iter().position(|f| &f.name == name) {
                            Some(i) => {
                                if seen.contains(&i) {
                                    self.error(key.pos, format!("duplicate field name {} in struct literal", name));
                                }
                                seen.push(i);
                                self.elem_value(&el.value, fields[i].ty);
                                let ctx = "struct literal";
                                self.assign_to(&el.value, fields[i].ty, ctx);
                            }
                            None => {
                                self.error(key.pos, format!("unknown field {} in struct literal", name));
                                self.elem_value(&el.value, INVALID);
                            }
                        }
                    }
                } else {
                    for (i, el) in elems.iter().enumerate() {
                        if el.key.is_some() {
                            self.error(el.value.start(), "mixture of field:value and value elements in struct literal");
                            continue;
                        }
                        match fields.get(i) {
                            Some(f) => {
                                self.elem_value(&el.value, f.ty);
                                self.assign_to(&el.value, f.ty, "struct literal");
                            }
                            None => {
                                self.error(el.value.start(), "too many values in struct literal");
                                break;
                            }
                        }
                    }
                    if !elems.is_empty() && elems.len() < fields.len() {
                        let rbrace = match &e.kind {
                            ExprKind::CompositeLit { rbrace, .. } => *rbrace,
                            _ => e.pos,
                        };
                        self.error(rbrace, "too few values in struct literal");
                    }
                }
            }
            TypeKind::Array(n, el) => {
                self.indexed_elems(elems, el, Some(n));
            }
            TypeKind::Slice(el) => {
                self.indexed_elems(elems, el, None);
            }
            TypeKind::Map(..) => {
                self.error(e.pos, "maps are not supported yet (minigo tier 2)");
            }
            _ => {
                self.error(e.pos, format!("invalid composite literal type {}", self.types.display(t)));
                self.invalid(e);
                return;
            }
        }
        self.set(e, Mode::Value, t, None);
    }

    fn indexed_elems(&mut self, elems: &[Element], elem_ty: TypeId, length: Option<u64>) {
        let mut index: i128 = 0;
        for el in elems {
            if let Some(key) = &el.key {
                match self.index_value(key, length) {
                    Some(v) if v >= 0 => index = v,
                    Some(_) => {
                        let d = self.expr_string(key);
                        self.error(key.start(), format!("index {} must be integer constant", d));
                    }
                    None => {}
                }
            } else if let Some(n) = length {
                if index >= n as i128 {
                    self.error(el.value.start(), format!("index {} is out of bounds (>= {})", index, n));
                }
            }
            self.elem_value(&el.value, elem_ty);
            self.assign_to(&el.value, elem_ty, "array or slice literal");
            index += 1;
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

    /// Checks a multi-valued right side (`f()` with several results, `x.(T)`
    /// with comma-ok); returns the type of each value.
    pub(crate) fn multi_value(&mut self, e: &Expr, n: usize, comma_ok_allowed: bool) -> Vec<TypeId> {
        self.expr(e);
        let info = self.info_of(e);
        if info.mode == Mode::Invalid {
            return vec![INVALID; n];
        }
        if let TypeKind::Tuple(ts) = self.types.kind(info.ty).clone() {
            if ts.len() == n {
                return ts;
            }
            let callee = match &e.kind {
                ExprKind::Call { func, .. } => self.expr_string(func),
                _ => self.expr_string(e),
            };
            self.error(e.start(), format!("assignment mismatch: {} variable{} but {} returns {} value{}", n, plural(n), callee, ts.len(), plural(ts.len())));
            return vec![INVALID; n];
        }
        if comma_ok_allowed && n == 2 && matches!(strip_parens(e).kind, ExprKind::TypeAssert { .. }) {
            let b = self.types.basic(Basic::Bool);
            return vec![info.ty, b];
        }
        let got = if info.mode == Mode::NoValue { 0 } else { 1 };
        match &e.kind {
            ExprKind::Call { func, .. } => {
                let callee = self.expr_string(func);
                self.error(e.start(), format!("assignment mismatch: {} variable{} but {} returns {} value{}", n, plural(n), callee, got, plural(got)));
            }
            _ => {
                self.error(e.start(), format!("assignment mismatch: {} variable{} but {} value{}", n, plural(n), got, plural(got)));
            }
        }
        vec![INVALID; n]
    }
}

enum Found {
    Field { path: Vec<u32>, ty: TypeId },
    Method { path: Vec<u32>, method: Method, recv_named: TypeId },
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

pub(crate) fn op_str(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "+",
        BinaryOp::Sub => "-",
        BinaryOp::Mul => "*",
        BinaryOp::Quo => "/",
        BinaryOp::Rem => "%",
        BinaryOp::And => "&",
        BinaryOp::Or => "|",
        BinaryOp::Xor => "^",
        BinaryOp::Shl => "<<",
        BinaryOp::Shr => ">>",
        BinaryOp::AndNot => "&^",
        BinaryOp::LAnd => "&&",
        BinaryOp::LOr => "||",
        BinaryOp::Eql => "==",
        BinaryOp::Neq => "!=",
        BinaryOp::Lss => "<",
        BinaryOp::Leq => "<=",
        BinaryOp::Gtr => ">",
        BinaryOp::Geq => ">=",
    }
}

fn untyped_kind(b: Option<Basic>) -> &'static str {
    match b {
        Some(Basic::UntypedRune) => "rune",
        Some(Basic::UntypedFloat) => "float",
        Some(Basic::UntypedString) => "string",
        Some(Basic::UntypedBool) => "bool",
        _ => "int",
    }
}

fn fold_binary(op: BinaryOp, l: &Value, r: &Value, b: Basic) -> Option<Value> {
    use Value::*;
    Some(match (l, r) {
        (Int(a), Int(c)) if !b.is_float() => match op {
            BinaryOp::Add => Int(a.checked_add(*c)?),
            BinaryOp::Sub => Int(a.checked_sub(*c)?),
            BinaryOp::Mul => Int(a.checked_mul(*c)?),
            BinaryOp::Quo => Int(a.checked_div(*c)?),
            BinaryOp::Rem => Int(a.checked_rem(*c)?),
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
        _ => {
            // Exact rational arithmetic, rounded only to a typed float's precision.
            let (a, c) = (l.as_rational()?, r.as_rational()?);
            let v = match op {
                BinaryOp::Add => a + c,
                BinaryOp::Sub => a - c,
                BinaryOp::Mul => a * c,
                BinaryOp::Quo if !c.is_zero() => a / c,
                _ => return None,
            };
            if b.is_integer() {
                Int(v.to_integer().to_i128()?)
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
        _ => l.as_rational()?.cmp(&r.as_rational()?),
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

/// `syntax.String`: the expression as Go source, normalized.
pub(crate) fn write_expr(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::Ident(n) => out.push_str(n),
        ExprKind::IntLit(t) | ExprKind::FloatLit(t) | ExprKind::RuneLit(t) | ExprKind::StringLit(t) => out.push_str(t),
        ExprKind::CompositeLit { ty, elems, .. } => {
            if let Some(ty) = ty {
                write_expr(out, ty);
            }
            out.push('{');
            if !elems.is_empty() {
                out.push('…');
            }
            out.push('}');
        }
        ExprKind::FuncLit { sig, .. } => {
            out.push_str("func");
            write_sig(out, sig);
            out.push_str(" {…}");
        }
        ExprKind::Paren(x) => {
            out.push('(');
            write_expr(out, x);
            out.push(')');
        }
        ExprKind::Selector(x, sel) => {
            write_expr(out, x);
            out.push('.');
            out.push_str(&sel.name);
        }
        ExprKind::Index(x, i) => {
            write_expr(out, x);
            out.push('[');
            write_expr(out, i);
            out.push(']');
        }
        ExprKind::Slice { x, lo, hi, max } => {
            write_expr(out, x);
            out.push('[');
            if let Some(lo) = lo {
                write_expr(out, lo);
            }
            out.push(':');
            if let Some(hi) = hi {
                write_expr(out, hi);
            }
            if let Some(max) = max {
                out.push(':');
                write_expr(out, max);
            }
            out.push(']');
        }
        ExprKind::TypeAssert { x, ty } => {
            write_expr(out, x);
            out.push_str(".(");
            match ty {
                Some(t) => write_expr(out, t),
                None => out.push_str("type"),
            }
            out.push(')');
        }
        ExprKind::Call { func, args, ellipsis, .. } => {
            write_expr(out, func);
            out.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_expr(out, a);
            }
            if *ellipsis {
                out.push_str("...");
            }
            out.push(')');
        }
        ExprKind::Star(x) => {
            out.push('*');
            write_expr(out, x);
        }
        ExprKind::Unary(op, x) => {
            out.push_str(match op {
                UnaryOp::Plus => "+",
                UnaryOp::Neg => "-",
                UnaryOp::Not => "!",
                UnaryOp::BitNot => "^",
                UnaryOp::Addr => "&",
                UnaryOp::Recv => "<-",
            });
            write_expr(out, x);
        }
        ExprKind::Binary(op, l, r) => {
            write_expr(out, l);
            out.push(' ');
            out.push_str(op_str(*op));
            out.push(' ');
            write_expr(out, r);
        }
        ExprKind::ArrayType { len, elem } => {
            out.push('[');
            match len {
                Some(l) => write_expr(out, l),
                None => out.push_str("..."),
            }
            out.push(']');
            write_expr(out, elem);
        }
        ExprKind::SliceType(el) => {
            out.push_str("[]");
            write_expr(out, el);
        }
        ExprKind::MapType(k, v) => {
            out.push_str("map[");
            write_expr(out, k);
            out.push(']');
            write_expr(out, v);
        }
        ExprKind::ChanType(_, el) => {
            out.push_str("chan ");
            write_expr(out, el);
        }
        ExprKind::FuncType(sig) => {
            out.push_str("func");
            write_sig(out, sig);
        }
        ExprKind::StructType(_) => out.push_str("struct{…}"),
        ExprKind::InterfaceType(ms) => out.push_str(if ms.is_empty() { "interface{}" } else { "interface{…}" }),
        ExprKind::Bad => out.push_str("BadExpr"),
    }
}

fn write_sig(out: &mut String, sig: &FuncType) {
    out.push('(');
    for (i, p) in sig.params.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if let Some(n) = &p.name {
            out.push_str(&n.name);
            out.push(' ');
        }
        if p.variadic {
            out.push_str("...");
        }
        write_expr(out, &p.ty);
    }
    out.push(')');
    if !sig.results.is_empty() {
        out.push(' ');
        let paren = sig.results.len() > 1 || sig.results[0].name.is_some();
        if paren {
            out.push('(');
        }
        for (i, p) in sig.results.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            if let Some(n) = &p.name {
                out.push_str(&n.name);
                out.push(' ');
            }
            write_expr(out, &p.ty);
        }
        if paren {
            out.push(')');
        }
    }
}
