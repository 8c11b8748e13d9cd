//! Calls: function and method calls with argument passing (variadic, spread
//! multi-value arguments), conversions `T(x)`, and the builtins (types2's
//! call.go, conversions.go, builtins.go).

use super::expr::strip_parens;
use super::*;
use crate::constant::{self, represent};

impl<'a> Checker<'a> {
    pub(crate) fn call(&mut self, e: &Expr, func: &Expr, args: &[Expr], ellipsis: bool) {
        self.expr(func);
        let fi = self.info_of(func);
        match fi.mode {
            Mode::Invalid => {
                for a in args {
                    self.expr(a);
                }
                self.invalid_expr(e);
            }
            Mode::Type => self.conversion(e, fi.ty, args),
            Mode::Builtin(b) => self.builtin(e, b, args, ellipsis),
            _ => {
                let Some(sig) = self.types.signature(fi.ty).cloned() else {
                    let d = self.describe_operand(func);
                    self.error(func.start(), format!("invalid operation: cannot call non-function {}", d));
                    for a in args {
                        self.expr(a);
                    }
                    self.invalid_expr(e);
                    return;
                };
                self.arguments(e, func, &sig, args, ellipsis);
                let (mode, ty) = match sig.results.len() {
                    0 => (Mode::NoValue, INVALID),
                    1 => (Mode::Value, sig.results[0]),
                    _ => (Mode::Value, self.types.intern(TypeKind::Tuple(sig.results.clone()))),
                };
                self.exprs[e.id as usize] = ExprInfo { ty, mode, value: None };
            }
        }
    }

    fn invalid_expr(&mut self, e: &Expr) {
        self.exprs[e.id as usize] = ExprInfo { ty: INVALID, mode: Mode::Invalid, value: None };
    }

    /// Checks the arguments against the signature, in types2's words.
    fn arguments(&mut self, call: &Expr, func: &Expr, sig: &Signature, args: &[Expr], ellipsis: bool) {
        // f(g()) where g returns several values spreads them.
        let mut arg_types: Vec<TypeId> = Vec::new();
        let mut spread = false;
        if args.len() == 1 && !ellipsis {
            self.expr(&args[0]);
            let info = self.info_of(&args[0]);
            if let TypeKind::Tuple(ts) = self.types.kind(info.ty).clone() {
                arg_types = ts;
                spread = true;
            } else if info.mode == Mode::NoValue {
                let d = self.expr_string(&args[0]);
                self.error(args[0].start(), format!("{} (no value) used as value", d));
                return;
            } else {
                self.value_expr(&args[0]);
                arg_types.push(self.info_of(&args[0]).ty);
            }
        } else {
            for a in args {
                let info = self.value_expr(a);
                arg_types.push(info.ty);
            }
        }
        if arg_types.iter().any(|t| *t == INVALID) && !spread {
            // Errors were reported for the argument already; still check what can be.
        }
        let n_params = sig.params.len();
        let n_args = arg_types.len();
        if ellipsis && !sig.variadic {
            let d = self.expr_string(func);
            self.error(call.pos, format!("have (...) but function is not variadic: {}", d));
            return;
        }
        let count_ok = if sig.variadic && !ellipsis { n_args + 1 >= n_params } else { n_args == n_params };
        if !count_ok {
            let (qualifier, at) = if n_args > n_params {
                ("too many", if spread { args[0].start() } else { args[n_params].start() })
            } else if n_args > 0 {
                ("not enough", if spread { args[0].start() } else { args[n_args - 1].start() })
            } else {
                ("not enough", match &call.kind {
                    ExprKind::Call { rparen, .. } => *rparen,
                    _ => call.pos,
                })
            };
            let have = self.types_summary(&arg_types, false);
            let want = self.types_summary(&sig.params, sig.variadic);
            let mut d = Diagnostic::new(at, format!("{} arguments in call to {}", qualifier, self.expr_string(func)));
            d.notes = vec![format!("\thave {}", have), format!("\twant {}", want)];
            self.diags.push(d);
            return;
        }
        let fname = self.expr_string(func);
        let context = format!("argument to {}", fname);
        for (i, t) in arg_types.iter().enumerate() {
            let param = if sig.variadic && !ellipsis && i + 1 >= n_params {
                match self.types.kind(sig.params[n_params - 1]) {
                    TypeKind::Slice(el) => *el,
                    _ => INVALID,
                }
            } else {
                sig.params[i]
            };
            if spread {
                if !self.assignable(*t, param) {
                    let d = self.expr_string(&args[0]);
                    self.error(args[0].start(), format!("cannot use {} (value of type {}) as type {} in {}", d, self.types.display(*t), self.types.display(param), context));
                }
            } else {
                self.assign_to(&args[i], param, &context);
            }
        }
    }

    /// types2's typesSummary: `(int, string)`, untyped numbers as `number`.
    fn types_summary(&self, list: &[TypeId], variadic: bool) -> String {
        let parts: Vec<String> = list
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if *t == INVALID {
                    return "<T>".to_string();
                }
                if self.is_untyped(*t) {
                    let b = self.types.basic_of(*t).unwrap_or(Basic::Invalid);
                    return if b.is_numeric() { "number".to_string() } else { b.name().replace("untyped ", "") };
                }
                if variadic && i + 1 == list.len() {
                    if let TypeKind::Slice(el) = self.types.kind(*t) {
                        return format!("...{}", self.types.display(*el));
                    }
                }
                self.types.display(*t)
            })
            .collect();
        format!("({})", parts.join(", "))
    }

    fn conversion(&mut self, e: &Expr, target: TypeId, args: &[Expr]) {
        if args.len() != 1 {
            let d = self.expr_string(e);
            let msg = if args.is_empty() { format!("missing argument in conversion to {}", self.types.display(target)) } else { format!("too many arguments in conversion to {}", self.types.display(target)) };
            let _ = d;
            self.error(if args.is_empty() { e.pos } else { args[1].start() }, msg);
            for a in args {
                self.expr(a);
            }
            self.invalid_expr(e);
            return;
        }
        let x = &args[0];
        let xi = self.value_expr(x);
        if xi.mode == Mode::Invalid {
            self.invalid_expr(e);
            return;
        }
        let tb = self.types.basic_of(target);
        // Constant conversions yield constants.
        if let (Mode::Constant, Some(v), Some(tb)) = (xi.mode, xi.value.clone(), tb) {
            if !self.types.is_interface(target) {
                let xb = self.types.basic_of(xi.ty).unwrap_or(Basic::Invalid);
                let result = if tb.is_string() && xb.is_integer() {
                    let r = v.as_int().unwrap_or(0xFFFD);
                    let c = u32::try_from(r).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
                    Some(Value::Str(c.to_string().into_bytes()))
                } else if (tb.is_numeric() && xb.is_numeric()) || (tb.is_string() && xb.is_string()) || (tb.is_boolean() && xb.is_boolean()) {
                    let converted = if tb.is_integer() && xb.is_float() && !xb.is_untyped() {
                        None
                    } else {
                        Some(represent(&v, tb))
                    };
                    match converted {
                        Some(Ok(v2)) => Some(v2),
                        Some(Err(constant::Unrepresentable::Truncated)) => {
                            let d = self.describe_operand(x);
                            self.error(x.start(), format!("cannot convert {} to type {} (truncated)", d, self.types.display(target)));
                            self.invalid_expr(e);
                            return;
                        }
                        Some(Err(_)) => {
                            let d = self.expr_string(x);
                            let vd = v.describe();
                            let _ = vd;
                            self.error(x.start(), format!("cannot convert {} ({} constant {}) to type {}", d, if self.is_untyped(xi.ty) { self.types.display(xi.ty) } else { "".into() }, v.describe(), self.types.display(target)).replace(" ( constant", " (constant"));
                            self.invalid_expr(e);
                            return;
                        }
                        None => None,
                    }
                } else {
                    None
                };
                if let Some(v2) = result {
                    if self.is_untyped(xi.ty) {
                        let d = if tb.is_string() && !self.types.basic_of(xi.ty).is_some_and(|b| b.is_string()) { self.default_type(xi.ty) } else { target };
                        self.convert_untyped(x, d);
                    }
                    self.exprs[e.id as usize] = ExprInfo { ty: target, mode: Mode::Constant, value: Some(v2) };
                    return;
                }
            }
        }
        if !self.convertible(x, xi.ty, target) {
            let d = self.describe_operand(x);
            self.error(x.start(), format!("cannot convert {} to type {}", d, self.types.display(target)));
            self.invalid_expr(e);
            return;
        }
        if self.is_untyped(xi.ty) {
            let d = if self.types.is_interface(target) || tb.is_none() { self.default_type(xi.ty) } else { target };
            if self.types.basic_of(xi.ty) == Some(Basic::UntypedNil) {
                self.exprs[x.id as usize].ty = target;
            } else {
                self.convert_untyped(x, d);
            }
        }
        self.exprs[e.id as usize] = ExprInfo { ty: target, mode: Mode::Value, value: None };
    }

    fn convertible(&self, x: &Expr, from: TypeId, to: TypeId) -> bool {
        let _ = x;
        if self.assignable(from, to) {
            return true;
        }
        let fu = self.types.underlying(from);
        let tu = self.types.underlying(to);
        if fu == tu {
            return true;
        }
        if let (Some(a), Some(b)) = (self.types.pointer_elem(fu), self.types.pointer_elem(tu)) {
            if self.types.underlying(a) == self.types.underlying(b) {
                return true;
            }
        }
        let fb = self.types.basic_of(from);
        let tb = self.types.basic_of(to);
        if let (Some(f), Some(t)) = (fb, tb) {
            if f.is_numeric() && t.is_numeric() {
                return true;
            }
            if f.is_integer() && t.is_string() {
                return true;
            }
            if f.is_string() && t.is_string() {
                return true;
            }
        }
        let byte_or_rune_slice = |t: TypeId| match self.types.under(t) {
            TypeKind::Slice(el) => matches!(self.types.basic_of(*el), Some(Basic::Uint8) | Some(Basic::Int32)),
            _ => false,
        };
        if fb.is_some_and(|b| b.is_string()) && byte_or_rune_slice(to) {
            return true;
        }
        if tb.is_some_and(|b| b.is_string()) && byte_or_rune_slice(from) {
            return true;
        }
        false
    }

    fn builtin(&mut self, e: &Expr, b: Builtin, args: &[Expr], ellipsis: bool) {
        let name = match b {
            Builtin::Append => "append",
            Builtin::Cap => "cap",
            Builtin::Copy => "copy",
            Builtin::Len => "len",
            Builtin::Make => "make",
            Builtin::New => "new",
            Builtin::Panic => "panic",
            Builtin::Print => "print",
            Builtin::Println => "println",
            Builtin::Recover => "recover",
            Builtin::Delete => "delete",
            Builtin::Close => "close",
        };
        if ellipsis && b != Builtin::Append {
            self.error(e.start(), format!("invalid operation: invalid use of ... with built-in {}", name));
            for a in args {
                self.expr(a);
            }
            self.invalid_expr(e);
            return;
        }
        let (min, max) = match b {
            Builtin::Append => (1, usize::MAX),
            Builtin::Cap | Builtin::Len | Builtin::New | Builtin::Panic | Builtin::Close => (1, 1),
            Builtin::Copy | Builtin::Delete => (2, 2),
            Builtin::Make => (1, 3),
            Builtin::Print | Builtin::Println => (0, usize::MAX),
            Builtin::Recover => (0, 0),
        };
        if args.len() < min || args.len() > max {
            let msg = if args.len() < min { "not enough" } else { "too many" };
            let d = self.expr_string(e);
            self.error(e.start(), format!("invalid operation: {} arguments for {} (expected {}, found {})", msg, d, min, args.len()));
            for a in args {
                self.expr(a);
            }
            self.invalid_expr(e);
            return;
        }
        let int_t = self.types.basic(Basic::Int);
        match b {
            Builtin::Len | Builtin::Cap => {
                let xi = self.value_expr(&args[0]);
                if xi.mode == Mode::Invalid {
                    return self.invalid_expr(e);
                }
                let t = self.types.pointer_elem(xi.ty).filter(|p| matches!(self.types.under(*p), TypeKind::Array(..))).unwrap_or(xi.ty);
                let value = match self.types.under(t).clone() {
                    TypeKind::Basic(bt) if bt.is_string() && b == Builtin::Len => match &xi.value {
                        Some(Value::Str(s)) => Some(Value::Int(s.len() as i128)),
                        _ => None,
                    },
                    TypeKind::Array(n, _) => {
                        if contains_call(&args[0]) {
                            None
                        } else {
                            Some(Value::Int(n as i128))
                        }
                    }
                    TypeKind::Slice(_) | TypeKind::Chan(_) => None,
                    TypeKind::Map(..) if b == Builtin::Len => None,
                    _ => {
                        let d = self.describe_operand(&args[0]);
                        self.error(args[0].start(), format!("invalid argument: {} for {}", d, name));
                        return self.invalid_expr(e);
                    }
                };
                if self.types.basic_of(xi.ty) == Some(Basic::UntypedString) {
                    let st = self.types.basic(Basic::String);
                    self.convert_untyped(&args[0], st);
                }
                let mode = if value.is_some() { Mode::Constant } else { Mode::Value };
                self.exprs[e.id as usize] = ExprInfo { ty: int_t, mode, value };
            }
            Builtin::Append => {
                let si = self.value_expr(&args[0]);
                if si.mode == Mode::Invalid {
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return self.invalid_expr(e);
                }
                let TypeKind::Slice(elem) = self.types.under(si.ty).clone() else {
                    let d = self.describe_operand(&args[0]);
                    let cause = if self.types.basic_of(si.ty) == Some(Basic::UntypedNil) { "have untyped nil".to_string() } else { format!("have {}", d) };
                    self.error(args[0].start(), format!("first argument to append must be a slice; {}", cause));
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return self.invalid_expr(e);
                };
                if ellipsis {
                    if args.len() != 2 {
                        self.error(e.start(), "can only use ... with final argument in list");
                        return self.invalid_expr(e);
                    }
                    let ti = self.value_expr(&args[1]);
                    let is_bytes_from_string = self.types.basic_of(elem) == Some(Basic::Uint8) && self.types.basic_of(ti.ty).is_some_and(|b| b.is_string());
                    if is_bytes_from_string {
                        if self.is_untyped(ti.ty) {
                            let st = self.types.basic(Basic::String);
                            self.convert_untyped(&args[1], st);
                        }
                    } else {
                        self.assign_to(&args[1], si.ty, "argument to append");
                    }
                } else {
                    for a in &args[1..] {
                        self.value_expr(a);
                        self.assign_to(a, elem, "argument to append");
                    }
                }
                self.exprs[e.id as usize] = ExprInfo { ty: si.ty, mode: Mode::Value, value: None };
            }
            Builtin::Copy => {
                let di = self.value_expr(&args[0]);
                let si = self.value_expr(&args[1]);
                if di.mode == Mode::Invalid || si.mode == Mode::Invalid {
                    return self.invalid_expr(e);
                }
                let dst_el = match self.types.under(di.ty) {
                    TypeKind::Slice(el) => Some(*el),
                    _ => None,
                };
                let src_el = match self.types.under(si.ty).clone() {
                    TypeKind::Slice(el) => Some(el),
                    TypeKind::Basic(bt) if bt.is_string() => Some(self.types.byte_type()),
                    _ => None,
                };
                match (dst_el, src_el) {
                    (Some(d), Some(s)) if self.types.identical(d, s) => {
                        if self.is_untyped(si.ty) {
                            let st = self.types.basic(Basic::String);
                            self.convert_untyped(&args[1], st);
                        }
                    }
                    (Some(d), Some(s)) => {
                        let (a, bb) = (self.describe_operand(&args[0]), self.describe_operand(&args[1]));
                        self.error(args[0].start(), format!("invalid argument: arguments to copy {} and {} have different element types {} and {}", a, bb, self.types.display(d), self.types.display(s)));
                        return self.invalid_expr(e);
                    }
                    _ => {
                        let (a, bb) = (self.describe_operand(&args[0]), self.describe_operand(&args[1]));
                        self.error(args[0].start(), format!("invalid argument: copy expects slice arguments; found {} and {}", a, bb));
                        return self.invalid_expr(e);
                    }
                }
                self.exprs[e.id as usize] = ExprInfo { ty: int_t, mode: Mode::Value, value: None };
            }
            Builtin::Make => {
                let t = self.resolve_type(&args[0]);
                if t == INVALID {
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return self.invalid_expr(e);
                }
                let min_args = match self.types.under(t) {
                    TypeKind::Slice(_) => 2,
                    TypeKind::Map(..) | TypeKind::Chan(_) => 1,
                    _ => {
                        let d = self.expr_string(&args[0]);
                        self.error(args[0].start(), format!("invalid argument: cannot make {}; type must be slice, map, or channel", d));
                        return self.invalid_expr(e);
                    }
                };
                if args.len() < min_args || args.len() > min_args + 1 {
                    let d = self.expr_string(e);
                    self.error(e.start(), format!("invalid operation: {} expects {} or {} arguments; found {}", d, min_args, min_args + 1, args.len()));
                    return self.invalid_expr(e);
                }
                let mut sizes = Vec::new();
                for a in &args[1..] {
                    match self.size_arg(a) {
                        Some(v) => sizes.push(v),
                        None => return self.invalid_expr(e),
                    }
                }
                if sizes.len() == 2 && sizes[0] >= 0 && sizes[1] >= 0 && sizes[0] > sizes[1] {
                    self.error(args[1].start(), "invalid argument: length and capacity swapped");
                    return self.invalid_expr(e);
                }
                self.exprs[e.id as usize] = ExprInfo { ty: t, mode: Mode::Value, value: None };
            }
            Builtin::New => {
                let t = self.resolve_type(&args[0]);
                if t == INVALID {
                    return self.invalid_expr(e);
                }
                let p = self.types.intern(TypeKind::Pointer(t));
                self.exprs[e.id as usize] = ExprInfo { ty: p, mode: Mode::Value, value: None };
            }
            Builtin::Panic => {
                self.value_expr(&args[0]);
                let iface = self.types.intern(TypeKind::Interface(Vec::new()));
                self.assign_to(&args[0], iface, "argument to panic");
                self.exprs[e.id as usize] = ExprInfo { ty: INVALID, mode: Mode::NoValue, value: None };
            }
            Builtin::Print | Builtin::Println => {
                // println(f()) prints every result of f.
                if args.len() == 1 {
                    self.expr(&args[0]);
                    if matches!(self.types.kind(self.info_of(&args[0]).ty), TypeKind::Tuple(_)) {
                        self.exprs[e.id as usize] = ExprInfo { ty: INVALID, mode: Mode::NoValue, value: None };
                        return;
                    }
                }
                for a in args {
                    let info = self.value_expr(a);
                    if info.mode == Mode::Invalid {
                        continue;
                    }
                    if self.types.basic_of(info.ty) == Some(Basic::UntypedNil) {
                        self.error(a.start(), "use of untyped nil in argument to built-in print");
                        continue;
                    }
                    let d = self.default_type(info.ty);
                    self.convert_untyped(a, d);
                }
                self.exprs[e.id as usize] = ExprInfo { ty: INVALID, mode: Mode::NoValue, value: None };
            }
            Builtin::Recover => {
                let iface = self.types.intern(TypeKind::Interface(Vec::new()));
                self.exprs[e.id as usize] = ExprInfo { ty: iface, mode: Mode::Value, value: None };
            }
            Builtin::Delete | Builtin::Close => {
                for a in args {
                    self.expr(a);
                }
                self.error(e.start(), format!("{} is not supported yet (minigo tier 2)", name));
                self.invalid_expr(e);
            }
        }
    }

    /// A size argument of make: an integer (or untyped constant representable as int), not negative.
    fn size_arg(&mut self, a: &Expr) -> Option<i128> {
        let info = self.value_expr(a);
        if info.mode == Mode::Invalid {
            return None;
        }
        let b = self.types.basic_of(info.ty).unwrap_or(Basic::Invalid);
        if info.mode == Mode::Constant {
            let Some(v) = info.value.as_ref().and_then(|v| v.as_int()).filter(|_| b.is_numeric()) else {
                let d = self.describe_operand(a);
                self.error(a.start(), format!("cannot convert {} to type int", d));
                return None;
            };
            if v < 0 {
                let d = self.expr_string(a);
                self.error(a.start(), format!("invalid argument: index {} (constant of type int) must not be negative", d));
                return None;
            }
            if self.is_untyped(info.ty) {
                let it = self.types.basic(Basic::Int);
                self.convert_untyped(a, it);
            }
            return Some(v);
        }
        if !b.is_integer() {
            let d = self.describe_operand(a);
            self.error(a.start(), format!("cannot convert {} to type int", d));
            return None;
        }
        Some(-1)
    }
}

/// Whether an expression contains a function call (then `len` of an array is not constant).
fn contains_call(e: &Expr) -> bool {
    match &strip_parens(e).kind {
        ExprKind::Call { .. } => true,
        ExprKind::Selector(x, _) | ExprKind::Star(x) | ExprKind::Unary(_, x) => contains_call(x),
        ExprKind::Index(x, i) => contains_call(x) || contains_call(i),
        _ => false,
    }
}
