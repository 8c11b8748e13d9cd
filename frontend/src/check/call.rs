//! Calls: function and method calls with argument passing (variadic, spread
//! multi-value arguments), conversions `T(x)`, and the builtins (types2's
//! call.go, conversions.go, builtins.go).

use super::expr::Operand;
use super::*;
use crate::constant::represent;

impl<'a> Checker<'a> {
    pub(crate) fn call(&mut self, e: &Expr, func: &Expr, args: &[Expr], ellipsis: bool) {
        self.expr(func);
        let fi = self.info_of(func);
        match fi.mode {
            Mode::Invalid => {
                self.use_exprs(args);
                self.invalid_expr(e);
            }
            Mode::Type => self.conversion(e, fi.ty, args, ellipsis),
            Mode::Builtin(b) => {
                self.builtin(e, b, args, ellipsis);
                // a builtin whose result is not constant counts as a call
                if !matches!(self.exprs[e.id as usize].mode, Mode::Invalid | Mode::Constant) {
                    self.has_call_or_recv = true;
                }
            }
            _ => {
                let Some(sig) = self.types.signature(fi.ty).cloned() else {
                    let d = self.describe_operand(func);
                    self.error(func.start(), format!("invalid operation: cannot call non-function {}", d));
                    self.use_exprs(args);
                    self.invalid_expr(e);
                    return;
                };
                let operands = self.expr_list(args, false);
                self.arguments(e, func, &sig, &operands, ellipsis);
                let (mode, ty) = match sig.results.len() {
                    0 => (Mode::NoValue, INVALID),
                    1 => (Mode::Value, sig.results[0]),
                    _ => (Mode::Value, self.types.intern(TypeKind::Tuple(sig.results.clone()))),
                };
                self.exprs[e.id as usize] = ExprInfo { ty, mode, value: None };
                self.has_call_or_recv = true;
            }
        }
    }

    fn invalid_expr(&mut self, e: &Expr) {
        self.exprs[e.id as usize] = ExprInfo { ty: INVALID, mode: Mode::Invalid, value: None };
    }

    /// types2's arguments: the count, then each argument assigned to its parameter.
    fn arguments(&mut self, call: &Expr, func: &Expr, sig: &Signature, args: &[Operand], ellipsis: bool) {
        if args.iter().any(|a| a.mode == Mode::Invalid) {
            return;
        }
        let n_args = args.len();
        let mut n_params = sig.params.len();
        let mut params = sig.params.clone();
        let fname = self.expr_string(func);
        if sig.variadic {
            if ellipsis {
                let n_exprs = match &call.kind {
                    ExprKind::Call { args, .. } => args.len(),
                    _ => n_args,
                };
                if n_exprs == 1 && n_args > 1 {
                    let d = self.expr_string(args[0].expr);
                    self.error(call.start(), format!("cannot use ... with {}-valued {}", n_args, d));
                    return;
                }
            } else if n_args + 1 >= n_params {
                let elem = match self.types.kind(sig.params[n_params - 1]) {
                    TypeKind::Slice(el) => *el,
                    _ => INVALID,
                };
                params.truncate(n_params - 1);
                params.resize(n_args, elem);
                n_params = n_args;
            } else {
                n_params -= 1;
            }
        } else if ellipsis {
            self.error(call.start(), format!("cannot use ... in call to non-variadic {}", fname));
            return;
        }
        if n_args != n_params {
            let (qualifier, at) = if n_args > n_params {
                ("too many", args[n_params].expr.start())
            } else if n_args > 0 {
                ("not enough", args[n_args - 1].expr.start())
            } else {
                ("not enough", call.start())
            };
            let have: Vec<TypeId> = args.iter().map(|a| a.ty).collect();
            let d = Diagnostic::new(at, format!("{} arguments in call to {}", qualifier, fname))
                .with_note(Note::text(format!("have {}", self.types_summary(&have, false))))
                .with_note(Note::text(format!("want {}", self.types_summary(&sig.params, sig.variadic))));
            self.diags.push(d);
            return;
        }
        let context = format!("argument to {}", fname);
        for (a, p) in args.iter().zip(params) {
            if self.assignment(a, Some(p), &context) {
                continue;
            }
            if !matches!(self.types.kind(self.exprs[a.expr.id as usize].ty), TypeKind::Tuple(_)) {
                self.invalid_expr(a.expr);
            }
        }
    }

    /// types2's conversion `T(x)`.
    fn conversion(&mut self, e: &Expr, target: TypeId, args: &[Expr], ellipsis: bool) {
        let t_text = self.types.type_string(target);
        let x = match args {
            [] => {
                self.error(e.start(), format!("missing argument in conversion to {}", t_text));
                return self.invalid_expr(e);
            }
            [x] => x,
            [.., last] => {
                self.use_exprs(args);
                self.error(last.start(), format!("too many arguments in conversion to {}", t_text));
                return self.invalid_expr(e);
            }
        };
        let xi = self.value_expr(x);
        if xi.mode == Mode::Invalid {
            return self.invalid_expr(e);
        }
        if ellipsis {
            self.error(x.start(), format!("invalid use of ... in type conversion to {}", t_text));
            return self.invalid_expr(e);
        }
        let const_arg = xi.mode == Mode::Constant;
        let target_basic = self.types.basic_of(target).filter(|b| !b.is_untyped());
        let const_type = target_basic.is_some();
        let mut value = None;
        let ok = if const_arg && const_type {
            let tb = target_basic.unwrap_or(Basic::Invalid);
            let xb = self.types.basic_of(xi.ty).unwrap_or(Basic::Invalid);
            match xi.value.as_ref().map(|v| represent(v, tb)) {
                Some(Ok(v)) => {
                    value = Some(v);
                    true
                }
                _ if xb.is_integer() && tb.is_string() => {
                    let code = xi
                        .value
                        .as_ref()
                        .and_then(|v| v.as_int())
                        .and_then(|i| u32::try_from(i).ok())
                        .and_then(char::from_u32)
                        .unwrap_or('\u{FFFD}');
                    value = Some(Value::Str(code.to_string().into_bytes()));
                    true
                }
                _ => false,
            }
        } else {
            self.convertible(xi.ty, target)
        };
        if !ok {
            let d = self.describe_operand(x);
            self.error(x.start(), format!("cannot convert {} to type {}", d, t_text));
            return self.invalid_expr(e);
        }
        if self.is_untyped(xi.ty) {
            let xb = self.types.basic_of(xi.ty).unwrap_or(Basic::Invalid);
            let final_ty = if xb == Basic::UntypedNil {
                target
            } else if self.types.is_interface(target) || const_arg && !const_type {
                self.default_type(xi.ty)
            } else if const_arg && xb.is_integer() && target_basic.is_some_and(|b| b.is_string()) {
                xi.ty
            } else {
                target
            };
            self.set_type_recursive(x, final_ty);
        }
        let mode = if value.is_some() { Mode::Constant } else { Mode::Value };
        self.exprs[e.id as usize] = ExprInfo { ty: target, mode, value };
    }

    /// types2's convertibleTo for a non-constant conversion.
    fn convertible(&self, from: TypeId, to: TypeId) -> bool {
        if self.assignable(from, to) {
            return true;
        }
        let fu = self.types.underlying(from);
        let tu = self.types.underlying(to);
        if self.types.identical(fu, tu) {
            return true;
        }
        if let (TypeKind::Pointer(a), TypeKind::Pointer(b)) = (self.types.kind(from), self.types.kind(to)) {
            if self.types.identical(self.types.underlying(*a), self.types.underlying(*b)) {
                return true;
            }
        }
        let fb = self.types.basic_of(from);
        let tb = self.types.basic_of(to);
        if let (Some(f), Some(t)) = (fb, tb) {
            let real = |b: Basic| b.is_integer() || b.is_float();
            if (real(f) && real(t)) || (f.is_complex() && t.is_complex()) {
                return true;
            }
            if f.is_integer() && t.is_string() {
                return true;
            }
        }
        // Go 1.17: a slice to a pointer to an array of its element type.
        if let (TypeKind::Slice(elem), TypeKind::Pointer(p)) = (self.types.under(from), self.types.under(to)) {
            if matches!(self.types.under(*p), TypeKind::Array(_, e) if self.types.identical(*e, *elem)) {
                return true;
            }
        }
        let byte_or_rune_slice = |t: TypeId| match self.types.under(t) {
            TypeKind::Slice(el) => matches!(self.types.basic_of(*el), Some(Basic::Uint8) | Some(Basic::Int32)),
            _ => false,
        };
        (fb.is_some_and(|b| b.is_string()) && byte_or_rune_slice(to)) || (tb.is_some_and(|b| b.is_string()) && byte_or_rune_slice(from))
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
            Builtin::Complex => "complex",
            Builtin::Real => "real",
            Builtin::Imag => "imag",
        };
        if ellipsis && b != Builtin::Append {
            self.error(e.start(), format!("invalid operation: invalid use of ... with built-in {}", name));
            for a in args {
                self.expr(a);
            }
            self.invalid_expr(e);
            return;
        }
        // types2 unpacks a lone multi-value call: append(f()), complex(f()).
        let mut first_checked = false;
        if args.len() == 1 && !ellipsis && matches!(b, Builtin::Append | Builtin::Complex) {
            let operands = self.expr_list(args, false);
            if operands.len() > 1 {
                return self.unpacked_builtin(e, b, &operands);
            }
            first_checked = true;
        }
        let (min, max) = match b {
            Builtin::Append => (1, usize::MAX),
            Builtin::Cap | Builtin::Len | Builtin::New | Builtin::Panic | Builtin::Close | Builtin::Real | Builtin::Imag => (1, 1),
            Builtin::Copy | Builtin::Delete | Builtin::Complex => (2, 2),
            Builtin::Make => (1, 3),
            Builtin::Print | Builtin::Println => (0, usize::MAX),
            Builtin::Recover => (0, 0),
        };
        if args.len() < min || args.len() > max {
            let msg = if args.len() < min { "not enough" } else { "too many" };
            let d = self.expr_string(e);
            self.error(e.start(), format!("invalid operation: {} arguments for {} (expected {}, found {})", msg, d, min, args.len()));
            for a in &args[first_checked as usize..] {
                self.expr(a);
            }
            self.invalid_expr(e);
            return;
        }
        let int_t = self.types.basic(Basic::Int);
        match b {
            Builtin::Len | Builtin::Cap => {
                let outer_call_or_recv = std::mem::replace(&mut self.has_call_or_recv, false);
                let xi = self.value_expr(&args[0]);
                let has_call_or_recv = std::mem::replace(&mut self.has_call_or_recv, outer_call_or_recv);
                if xi.mode == Mode::Invalid {
                    return self.invalid_expr(e);
                }
                let t = self.types.pointer_elem(xi.ty).filter(|p| matches!(self.types.under(*p), TypeKind::Array(..))).unwrap_or(xi.ty);
                let value = match self.types.under(t).clone() {
                    TypeKind::Basic(bt) if bt.is_string() && b == Builtin::Len => match &xi.value {
                        Some(Value::Str(s)) => Some(Value::int(s.len())),
                        _ => None,
                    },
                    TypeKind::Array(n, _) => (!has_call_or_recv).then(|| Value::int(n)),
                    TypeKind::Slice(_) | TypeKind::Chan(..) => None,
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
                let si = if first_checked { self.info_of(&args[0]) } else { self.value_expr(&args[0]) };
                if si.mode == Mode::Invalid {
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return self.invalid_expr(e);
                }
                let TypeKind::Slice(elem) = self.types.under(si.ty).clone() else {
                    let d = self.describe_operand(&args[0]);
                    let cause = if self.types.basic_of(si.ty) == Some(Basic::UntypedNil) {
                        "have untyped nil".to_string()
                    } else {
                        format!("have {}", d)
                    };
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
                    let is_bytes_from_string =
                        self.types.basic_of(elem) == Some(Basic::Uint8) && self.types.basic_of(ti.ty).is_some_and(|b| b.is_string());
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
                        self.error(
                            args[0].start(),
                            format!(
                                "invalid argument: arguments to copy {} and {} have different element types {} and {}",
                                a,
                                bb,
                                self.types.type_string(d),
                                self.types.type_string(s)
                            ),
                        );
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
                    TypeKind::Map(..) | TypeKind::Chan(..) => 1,
                    _ => {
                        let d = self.expr_string(&args[0]);
                        self.error(args[0].start(), format!("invalid argument: cannot make {}; type must be slice, map, or channel", d));
                        return self.invalid_expr(e);
                    }
                };
                if args.len() < min_args || args.len() > min_args + 1 {
                    let d = self.expr_string(e);
                    self.error(
                        e.start(),
                        format!("invalid operation: {} expects {} or {} arguments; found {}", d, min_args, min_args + 1, args.len()),
                    );
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
                let operands = self.expr_list(args, false);
                let context = format!("argument to built-in {}", name);
                for x in &operands {
                    if !self.assignment(x, None, &context) {
                        return self.invalid_expr(e);
                    }
                }
                self.exprs[e.id as usize] = ExprInfo { ty: INVALID, mode: Mode::NoValue, value: None };
            }
            Builtin::Recover => {
                let iface = self.types.intern(TypeKind::Interface(Vec::new()));
                self.exprs[e.id as usize] = ExprInfo { ty: iface, mode: Mode::Value, value: None };
            }
            Builtin::Delete => {
                let xi = self.value_expr(&args[0]);
                if xi.mode == Mode::Invalid {
                    self.use_exprs(&args[1..]);
                    return self.invalid_expr(e);
                }
                let TypeKind::Map(key, _) = self.types.under(xi.ty).clone() else {
                    let d = self.describe_operand(&args[0]);
                    self.error(args[0].start(), format!("invalid argument: {} is not a map", d));
                    self.use_exprs(&args[1..]);
                    return self.invalid_expr(e);
                };
                self.value_expr(&args[1]);
                if !self.assign_to(&args[1], key, "argument to delete") {
                    return self.invalid_expr(e);
                }
                self.exprs[e.id as usize] = ExprInfo { ty: INVALID, mode: Mode::NoValue, value: None };
            }
            Builtin::Complex => self.complex_builtin(e, args),
            Builtin::Real | Builtin::Imag => self.real_imag_builtin(e, b == Builtin::Real, &args[0]),
            Builtin::Close => {
                let xi = self.value_expr(&args[0]);
                if xi.mode == Mode::Invalid {
                    return self.invalid_expr(e);
                }
                let why = match self.types.chan(xi.ty) {
                    None => Some("non-channel"),
                    Some((ChanDir::Recv, _)) => Some("receive-only channel"),
                    Some(_) => None,
                };
                if let Some(why) = why {
                    let d = self.describe_operand(&args[0]);
                    self.error(args[0].start(), format!("invalid operation: cannot close {} {}", why, d));
                    return self.invalid_expr(e);
                }
                self.exprs[e.id as usize] = ExprInfo { ty: INVALID, mode: Mode::NoValue, value: None };
            }
        }
    }

    /// append or complex of the results of one call (`append(f())`):
    /// the first result is the slice (or real part), the others follow.
    fn unpacked_builtin(&mut self, e: &Expr, b: Builtin, operands: &[Operand]) {
        let call = operands[0].expr;
        let types: Vec<TypeId> = operands.iter().map(|x| x.ty).collect();
        if b == Builtin::Complex {
            if types.len() != 2 {
                let d = self.expr_string(e);
                self.error(e.start(), format!("invalid operation: too many arguments for {} (expected 2, found {})", d, types.len()));
                return self.invalid_expr(e);
            }
            let Some(ty) = self.complex_type(e, call.start(), types[0], types[1]) else { return self.invalid_expr(e) };
            self.exprs[e.id as usize] = ExprInfo { ty, mode: Mode::Value, value: None };
            return;
        }
        let TypeKind::Slice(elem) = self.types.under(types[0]).clone() else {
            let d = self.describe_operand(call);
            self.error(call.start(), format!("first argument to append must be a slice; have {}", d));
            return self.invalid_expr(e);
        };
        for x in &operands[1..] {
            if !self.assignment(x, Some(elem), "argument to append") {
                return self.invalid_expr(e);
            }
        }
        self.exprs[e.id as usize] = ExprInfo { ty: types[0], mode: Mode::Value, value: None };
    }

    /// types2's complex(x, y): two floats of one type make a complex
    /// number (untyped constants make an untyped complex constant).
    fn complex_builtin(&mut self, e: &Expr, args: &[Expr]) {
        let (x, y) = (self.value_expr(&args[0]), self.value_expr(&args[1]));
        if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
            return self.invalid_expr(e);
        }
        let float64 = self.types.basic(Basic::Float64);
        let converted = match (self.is_untyped(x.ty), self.is_untyped(y.ty)) {
            (false, false) => true,
            (true, false) => self.convert_untyped(&args[0], y.ty),
            (false, true) => self.convert_untyped(&args[1], x.ty),
            (true, true) if x.mode == Mode::Constant && y.mode == Mode::Constant => true,
            (true, true) => self.convert_untyped(&args[0], float64) && self.convert_untyped(&args[1], float64),
        };
        if !converted {
            return self.invalid_expr(e);
        }
        let (x, y) = (self.info_of(&args[0]), self.info_of(&args[1]));
        // Untyped constants count as untyped floats when they are real.
        let untyped_float = self.types.basic(Basic::UntypedFloat);
        let as_float = |info: &ExprInfo, untyped: bool| {
            let real = info.value.as_ref().is_some_and(|v| v.as_float().is_some());
            if untyped && real {
                untyped_float
            } else {
                info.ty
            }
        };
        let both_untyped = self.is_untyped(x.ty) && self.is_untyped(y.ty);
        let (xt, yt) = (as_float(&x, both_untyped), as_float(&y, both_untyped));
        let Some(ty) = self.complex_type(e, args[0].start(), xt, yt) else { return self.invalid_expr(e) };
        let value = match (&x.value, &y.value) {
            (Some(re), Some(im)) if x.mode == Mode::Constant && y.mode == Mode::Constant => {
                re.as_float().zip(im.as_float()).map(|(re, im)| Value::Complex(re, im))
            }
            _ => None,
        };
        let mode = if value.is_some() { Mode::Constant } else { Mode::Value };
        self.exprs[e.id as usize] = ExprInfo { ty, mode, value };
    }

    /// The type of `complex(x, y)` for parts of types `xt` and `yt`: the
    /// complex type of their float type, or None once types2's error for
    /// different or non-float types is reported at `at`.
    fn complex_type(&mut self, e: &Expr, at: Pos, xt: TypeId, yt: TypeId) -> Option<TypeId> {
        if !self.types.identical(xt, yt) {
            let d = self.expr_string(e);
            let (a, b) = (self.types.type_string(xt), self.types.type_string(yt));
            self.error(at, format!("invalid operation: {} (mismatched types {} and {})", d, a, b));
            return None;
        }
        let result = match self.types.basic_of(xt) {
            Some(Basic::Float32) => Basic::Complex64,
            Some(Basic::Float64) => Basic::Complex128,
            Some(Basic::UntypedFloat) => Basic::UntypedComplex,
            _ => {
                let t = self.types.type_string(xt);
                self.error(at, format!("invalid argument: arguments have type {}, expected floating-point", t));
                return None;
            }
        };
        Some(self.types.basic(result))
    }

    /// types2's real(x) and imag(x): a part of a complex number, as a
    /// float of the matching size (an untyped constant counts as complex).
    fn real_imag_builtin(&mut self, e: &Expr, real: bool, arg: &Expr) {
        let x = self.value_expr(arg);
        if x.mode == Mode::Invalid {
            return self.invalid_expr(e);
        }
        let mut xt = x.ty;
        if self.is_untyped(x.ty) {
            if x.mode == Mode::Constant {
                if self.types.basic_of(x.ty).is_some_and(|b| b.is_numeric()) {
                    xt = self.types.basic(Basic::UntypedComplex);
                }
            } else {
                let complex128 = self.types.basic(Basic::Complex128);
                if !self.convert_untyped(arg, complex128) {
                    return self.invalid_expr(e);
                }
                xt = complex128;
            }
        }
        let result = match self.types.basic_of(xt) {
            Some(b) if b.is_complex() => b.complex_part(),
            _ => {
                let t = self.types.type_string(xt);
                self.error(arg.start(), format!("invalid argument: argument has type {}, expected complex type", t));
                return self.invalid_expr(e);
            }
        };
        let ty = self.types.basic(result);
        let value = match &x.value {
            Some(v) if x.mode == Mode::Constant => v.as_complex().map(|(re, im)| Value::Float(if real { re } else { im })),
            _ => None,
        };
        let mode = if value.is_some() { Mode::Constant } else { Mode::Value };
        self.exprs[e.id as usize] = ExprInfo { ty, mode, value };
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
