//! Expressions of a given type: literals in range, variables, arithmetic
//! with well-defined results, conversions, indexing modulo a length, calls,
//! method values and expressions, closures called at once, and the checksum
//! folds of every type.

use super::types::{IntKind, Ty, INT, INT_KINDS};
use super::{Generator, FUNC_VALUE_COST, MAX_RECURSION_DEPTH};
use rand::Rng;

/// A generated expression; `konst` when it is a (single-literal) constant.
pub(super) struct E {
    pub text: String,
    pub konst: bool,
}

impl E {
    fn of(text: String) -> E {
        E { text, konst: false }
    }
}

const STRINGS: [&str; 8] = ["", "a", "go", "héllo", "xyz", "0123456789", "\\x00\\xff", "日本"];

impl Generator {
    /// An expression of type `ty`; `depth` bounds its nesting.
    pub(super) fn expr(&mut self, ty: &Ty, depth: u32) -> E {
        if depth == 0 || self.chance(0.25) {
            return self.leaf(ty);
        }
        for _ in 0..4 {
            let made = match ty {
                Ty::Int(kind) => self.int_expr(*kind, depth),
                Ty::Float => self.float_expr(depth),
                Ty::Bool => self.bool_expr(depth),
                Ty::Str => self.string_expr(depth),
                _ => self.composite_expr(ty, depth),
            };
            if let Some(e) = made {
                return e;
            }
        }
        self.leaf(ty)
    }

    /// A condition for an `if`, `for` or `switch` header: parenthesized
    /// where a composite literal would be ambiguous there.
    pub(super) fn cond(&mut self, depth: u32) -> String {
        let text = self.expr(&Ty::Bool, depth).text;
        header_safe(text)
    }

    /// An expression of type `ty` that is not a constant.
    pub(super) fn nexpr(&mut self, ty: &Ty, depth: u32) -> String {
        let e = self.expr(ty, depth);
        if !e.konst {
            return e.text;
        }
        if let Some(var) = self.pick(&self.vars_of(ty)) {
            return var.name;
        }
        match ty {
            Ty::Int(kind) => format!("{}(g0)", kind.name()),
            Ty::Float => "float64(g0)".to_string(),
            Ty::Bool => "(g0 > 3)".to_string(),
            Ty::Str => "gs".to_string(),
            _ => unreachable!("only scalars are constant"),
        }
    }

    /// A variable or a literal (or, for composite types, the simplest value).
    fn leaf(&mut self, ty: &Ty) -> E {
        let vars = self.vars_of(ty);
        if !vars.is_empty() && (self.chance(0.7) || !ty.is_scalar()) {
            if let Some(var) = self.pick(&vars) {
                return E::of(var.name);
            }
        }
        if ty.is_scalar() {
            return E { text: self.literal(ty), konst: true };
        }
        E::of(self.composite_value(ty, 1))
    }

    /// A literal of a scalar type, in range: small values, the type's
    /// limits and values near them.
    pub(super) fn literal(&mut self, ty: &Ty) -> String {
        match ty {
            Ty::Int(kind) => {
                let (min, max) = kind.range();
                let value: i128 = match self.rng.gen_range(0..10) {
                    0 => min,
                    1 => max,
                    2 => max - self.rng.gen_range(0..3),
                    3 if kind.signed() => min + self.rng.gen_range(0..3),
                    4 => self.rng.gen_range(min.max(-1000)..=max.min(1000)),
                    _ => self.rng.gen_range(min.max(-9)..=max.min(20)),
                };
                if value < 0 {
                    format!("({})", value)
                } else {
                    value.to_string()
                }
            }
            Ty::Float => {
                let choices = ["0.5", "1.25", "3.0", "1e10", "(-2.75)", "1e-3", "0.1", "7.0", "(-1e300)", "1e308"];
                choices[self.rng.gen_range(0..choices.len())].to_string()
            }
            Ty::Bool => if self.chance(0.5) { "true" } else { "false" }.to_string(),
            Ty::Str => format!("\"{}\"", STRINGS[self.rng.gen_range(0..STRINGS.len())]),
            _ => unreachable!("no literal of type {}", ty.go()),
        }
    }

    fn int_expr(&mut self, kind: IntKind, depth: u32) -> Option<E> {
        let ty = Ty::Int(kind);
        let d = depth - 1;
        Some(E::of(match self.rng.gen_range(0..20) {
            0..=4 => {
                let ops = ["+", "-", "*", "&", "|", "^", "&^"];
                let op = ops[self.rng.gen_range(0..ops.len())];
                self.binary(&ty, op, d)
            }
            5 => {
                let op = if self.chance(0.5) { "/" } else { "%" };
                let left = self.nexpr(&ty, d);
                let right = self.expr(&ty, d);
                let divisor = if right.konst {
                    if right.text == "0" {
                        "3".to_string()
                    } else {
                        right.text
                    }
                } else if self.frame().recovers && self.chance(0.3) {
                    right.text
                } else {
                    format!("({} | 1)", right.text)
                };
                format!("({} {} {})", left, op, divisor)
            }
            6 => {
                let op = if self.chance(0.5) { "<<" } else { ">>" };
                let left = self.nexpr(&ty, d);
                let count = self.shift_count(kind, d);
                format!("({} {} {})", left, op, count)
            }
            7 => {
                let op = if self.chance(0.5) { "-" } else { "^" };
                format!("{}({})", op, self.nexpr(&ty, d))
            }
            8 | 9 => {
                let from = INT_KINDS[self.rng.gen_range(0..INT_KINDS.len())];
                format!("{}({})", kind.name(), self.nexpr(&Ty::Int(from), d))
            }
            10 => format!("{}(fi({}))", kind.name(), self.nexpr(&Ty::Float, d)),
            11 if kind == IntKind::Int => {
                let seq = if self.chance(0.5) { Ty::Str } else { Ty::Slice(Box::new(self.scalar_type())) };
                format!("len({})", self.nexpr(&seq, d))
            }
            12 if kind == IntKind::Uint8 => {
                let s = self.nexpr(&Ty::Str, d);
                let i = self.nexpr(&Ty::Int(IntKind::Uint), d);
                format!("({} + \"!\")[{} % uint(len({})+1)]", s, i, s)
            }
            13..=15 => return self.call_expr(&ty, d),
            16 => return self.element(&ty, d),
            17 => return self.closure_call(&ty, d),
            18 => return self.indirect(&ty),
            _ => return self.any_assert(&ty, d),
        }))
    }

    /// A shift count: a constant (up to a little past the width) or an
    /// unsigned expression (or, where panics are recovered, a signed one
    /// that may be negative).
    fn shift_count(&mut self, kind: IntKind, depth: u32) -> String {
        match self.rng.gen_range(0..4) {
            0 | 1 => self.rng.gen_range(0..kind.bits() + 4).to_string(),
            2 if self.frame().recovers => self.nexpr(&INT, depth),
            _ => format!("uint8({})", self.nexpr(&Ty::Int(IntKind::Uint8), depth)),
        }
    }

    fn binary(&mut self, ty: &Ty, op: &str, depth: u32) -> String {
        let left = self.expr(ty, depth);
        let right = if left.konst { E::of(self.nexpr(ty, depth)) } else { self.expr(ty, depth) };
        format!("({} {} {})", left.text, op, right.text)
    }

    fn float_expr(&mut self, depth: u32) -> Option<E> {
        let d = depth - 1;
        Some(E::of(match self.rng.gen_range(0..10) {
            0..=2 => {
                let op = ["+", "-", "/"][self.rng.gen_range(0..3)];
                let left = self.expr(&Ty::Float, d);
                let right = if left.konst { E::of(self.nexpr(&Ty::Float, d)) } else { self.expr(&Ty::Float, d) };
                let right =
                    if right.konst && right.text.trim_matches(|c| c == '(' || c == ')') == "0.0" { "1.0".to_string() } else { right.text };
                format!("({} {} {})", left.text, op, right)
            }
            // A product is rounded by a conversion, so no fused multiply-add.
            3 => format!("float64({})", self.binary(&Ty::Float, "*", d)),
            4 => {
                let from = INT_KINDS[self.rng.gen_range(0..INT_KINDS.len())];
                format!("float64({})", self.nexpr(&Ty::Int(from), d))
            }
            5 => format!("-({})", self.nexpr(&Ty::Float, d)),
            6 | 7 => return self.call_expr(&Ty::Float, d),
            8 => return self.element(&Ty::Float, d),
            _ => return self.closure_call(&Ty::Float, d),
        }))
    }

    fn bool_expr(&mut self, depth: u32) -> Option<E> {
        let d = depth - 1;
        match self.rng.gen_range(0..10) {
            0..=4 => {
                let ty = self.scalar_type();
                let ops: &[&str] = if ty == Ty::Bool { &["==", "!="] } else { &["==", "!=", "<", "<=", ">", ">="] };
                let op = ops[self.rng.gen_range(0..ops.len())];
                let left = self.expr(&ty, d);
                let right = self.expr(&ty, d);
                Some(E { text: format!("({} {} {})", left.text, op, right.text), konst: left.konst && right.konst })
            }
            5 => {
                let op = if self.chance(0.5) { "&&" } else { "||" };
                Some(E::of(self.binary(&Ty::Bool, op, d)))
            }
            6 => Some(E::of(format!("!({})", self.nexpr(&Ty::Bool, d)))),
            7 => {
                // == on a composite type: structs, arrays, pointers, interfaces.
                let ty = self.var_type();
                if !ty.comparable() || ty.is_scalar() {
                    return None;
                }
                let left = self.expr(&ty, d).text;
                let right = self.expr(&ty, d).text;
                let op = if self.chance(0.5) { "==" } else { "!=" };
                Some(E::of(format!("({} {} {})", left, op, right)))
            }
            8 => self.call_expr(&Ty::Bool, d),
            _ => self.element(&Ty::Bool, d),
        }
    }

    fn string_expr(&mut self, depth: u32) -> Option<E> {
        let d = depth - 1;
        Some(E::of(match self.rng.gen_range(0..10) {
            0..=2 => self.binary(&Ty::Str, "+", d),
            3 => {
                let s = self.string_var()?;
                let i = self.nexpr(&Ty::Int(IntKind::Uint), d);
                if self.chance(0.5) {
                    format!("{}[{} % uint(len({})+1):]", s, i, s)
                } else {
                    format!("{}[:{} % uint(len({})+1)]", s, i, s)
                }
            }
            4 => format!("string(rune({}))", self.nexpr(&Ty::Int(IntKind::Int32), d)),
            5 => format!("string({})", self.nexpr(&Ty::Slice(Box::new(Ty::Int(IntKind::Uint8))), d)),
            6 | 7 => return self.call_expr(&Ty::Str, d),
            8 => return self.element(&Ty::Str, d),
            _ => return self.closure_call(&Ty::Str, d),
        }))
    }

    /// A string variable (evaluated twice by the guarded slicing forms, so
    /// it must not be a call).
    fn string_var(&mut self) -> Option<String> {
        self.pick(&self.vars_of(&Ty::Str)).map(|v| v.name)
    }

    /// A value of a composite type.
    fn composite_expr(&mut self, ty: &Ty, depth: u32) -> Option<E> {
        let d = depth.saturating_sub(1);
        match self.rng.gen_range(0..6) {
            0 | 1 => Some(E::of(self.composite_value(ty, depth))),
            2 => self.call_expr(ty, d),
            3 => self.element(ty, d),
            4 => self.indirect(ty),
            _ => match ty {
                Ty::Slice(elem) => {
                    let s = self.nexpr(ty, d);
                    Some(E::of(match self.rng.gen_range(0..3) {
                        0 => format!("append({}, {})", s, self.expr(elem, d).text),
                        1 => {
                            let v = self.pick(&self.vars_of(ty))?.name;
                            let i = self.nexpr(&Ty::Int(IntKind::Uint), d);
                            format!("{}[{} % uint(len({})):]", v, i, v)
                        }
                        // A fresh slice spread, not a variable: appending a
                        // slice to itself in a loop would grow it without bound.
                        _ => format!("append({}, {}...)", s, self.composite_value(ty, d)),
                    }))
                }
                Ty::Func(..) => self.func_value(ty, d),
                _ => None,
            },
        }
    }

    /// Up to `count` elements of an array or slice literal, some with an
    /// explicit index (`3: x`, each past the one before, below `limit` for
    /// an array), as gc costs an index key apart.
    fn indexed_elems(&mut self, elem: &Ty, count: usize, limit: Option<usize>, depth: u32) -> Vec<String> {
        let mut elems = Vec::new();
        let mut next = 0usize;
        for _ in 0..count {
            let skip = if self.chance(0.25) { self.rng.gen_range(0..3) } else { 0 };
            let index = next + skip;
            if limit.is_some_and(|n| index >= n) {
                break;
            }
            let value = self.expr(elem, depth).text;
            elems.push(if skip > 0 || self.chance(0.1) { format!("{}: {}", index, value) } else { value });
            next = index + 1;
        }
        elems
    }

    /// A fresh value of a composite type: a literal, `make`, `new`, `&x`, a
    /// closure, or a boxed value.
    pub(super) fn composite_value(&mut self, ty: &Ty, depth: u32) -> String {
        let d = depth.saturating_sub(1);
        match ty {
            Ty::Struct(i) => {
                let fields = self.structs[*i].fields.clone();
                let mut elems = Vec::new();
                for (name, fty) in &fields {
                    if self.chance(0.8) {
                        let value = self.expr(fty, d).text;
                        elems.push(format!("{}: {}", name, value));
                    }
                }
                format!("S{}{{{}}}", i, elems.join(", "))
            }
            Ty::Array(n, elem) => {
                let k = self.rng.gen_range(0..=(*n).min(4));
                let elems = self.indexed_elems(elem, k, Some(*n), d);
                format!("{}{{{}}}", ty.go(), elems.join(", "))
            }
            Ty::Slice(elem) => match self.rng.gen_range(0..5) {
                0 => format!("make({}, {})", ty.go(), self.rng.gen_range(1..9)),
                1 => {
                    let n = self.nexpr(&Ty::Int(IntKind::Uint8), d);
                    format!("make({}, 1+int({}%8))", ty.go(), n)
                }
                2 if self.frame().recovers => {
                    // A length over a constant capacity panics (makeslice: cap out of range).
                    let n = self.nexpr(&Ty::Int(IntKind::Uint8), d);
                    format!("make({}, 1+int({}%8), {})", ty.go(), n, self.rng.gen_range(1..6))
                }
                3 if **elem == Ty::Int(IntKind::Uint8) => {
                    format!("[]byte({} + \"!\")", self.nexpr(&Ty::Str, d))
                }
                _ => {
                    let k = self.rng.gen_range(1..5);
                    let elems = self.indexed_elems(elem, k, None, d);
                    format!("{}{{{}}}", ty.go(), elems.join(", "))
                }
            },
            Ty::Ptr(elem) => {
                let addressable: Vec<_> = self.all_vars().into_iter().filter(|v| &v.ty == elem.as_ref()).collect();
                match self.rng.gen_range(0..3) {
                    0 if !addressable.is_empty() => {
                        let var = self.pick(&addressable).map(|v| v.name).unwrap_or_default();
                        format!("&{}", var)
                    }
                    1 if matches!(**elem, Ty::Struct(_)) => {
                        format!("&{}", self.composite_value(elem, d))
                    }
                    _ => format!("new({})", elem.go()),
                }
            }
            Ty::Func(..) => self.closure(ty, d),
            Ty::Any => {
                let inner = self.scalar_or_struct_type();
                let value = self.expr(&inner, d);
                if value.konst {
                    format!("interface{{}}({}({}))", inner.go(), value.text)
                } else {
                    format!("interface{{}}({})", value.text)
                }
            }
            _ => self.literal(ty),
        }
    }

    /// An element of something holding `ty`: an array or slice element, a
    /// struct field, a pointer's target.
    fn element(&mut self, ty: &Ty, depth: u32) -> Option<E> {
        let vars = self.all_vars();
        let mut options = Vec::new();
        for var in &vars {
            match &var.ty {
                Ty::Array(n, elem) if elem.as_ref() == ty => options.push((var.name.clone(), Some(*n), false)),
                Ty::Slice(elem) if elem.as_ref() == ty => options.push((var.name.clone(), None, false)),
                Ty::Struct(i) => {
                    for (name, fty) in &self.structs[*i].fields {
                        if fty == ty {
                            options.push((format!("{}.{}", var.name, name), Some(0), true));
                        }
                    }
                }
                Ty::Ptr(target) => {
                    if let Ty::Struct(i) = target.as_ref() {
                        for (name, fty) in &self.structs[*i].fields {
                            if fty == ty {
                                options.push((format!("{}.{}", var.name, name), Some(0), true));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        let (base, len, is_field) = self.pick(&options)?;
        if is_field {
            return Some(E::of(base));
        }
        let index = self.index(&base, len, depth);
        Some(E::of(format!("{}[{}]", base, index)))
    }

    /// An index into `base` (an array of `len` elements, or a slice):
    /// constant, or reduced modulo the length; where panics are recovered,
    /// sometimes unreduced.
    pub(super) fn index(&mut self, base: &str, len: Option<usize>, depth: u32) -> String {
        if self.frame().recovers && self.chance(0.15) {
            return self.nexpr(&INT, depth);
        }
        match len {
            Some(n) if self.chance(0.4) => self.rng.gen_range(0..n).to_string(),
            Some(n) => format!("{} % {}", self.nexpr(&Ty::Int(IntKind::Uint), depth), n),
            None => format!("{} % uint(len({}))", self.nexpr(&Ty::Int(IntKind::Uint), depth), base),
        }
    }

    /// `*p` for a pointer variable to `ty`.
    fn indirect(&mut self, ty: &Ty) -> Option<E> {
        let pointer = Ty::Ptr(Box::new(ty.clone()));
        let var = self.pick(&self.vars_of(&pointer))?;
        Some(E::of(format!("*{}", var.name)))
    }

    /// `x.(T)` where x boxes a value of type T, or a comma-ok assertion
    /// through a variable (where panics are recovered, an assertion that
    /// may fail).
    fn any_assert(&mut self, ty: &Ty, depth: u32) -> Option<E> {
        if self.frame().recovers && self.chance(0.3) {
            let var = self.pick(&self.vars_of(&Ty::Any))?;
            return Some(E::of(format!("{}.({})", var.name, ty.go())));
        }
        let value = self.nexpr(ty, depth);
        Some(E::of(format!("interface{{}}({}).({})", value, ty.go())))
    }

    /// A call of a generated function (or method) returning `ty`, if the
    /// budget allows it.
    pub(super) fn call_expr(&mut self, ty: &Ty, depth: u32) -> Option<E> {
        // Only calls that write nothing a caller sees go into expressions.
        let candidates: Vec<usize> = (0..self.funcs.len())
            .filter(|&i| !self.funcs[i].writes && self.funcs[i].results.len() == 1 && &self.funcs[i].results[0] == ty)
            .collect();
        let index = self.pick(&candidates)?;
        self.call_text(index, depth).map(E::of)
    }

    /// The text of a call of `funcs[index]` with generated arguments, its
    /// cost counted; None when it does not fit the budget.
    pub(super) fn call_text(&mut self, index: usize, depth: u32) -> Option<String> {
        let def = self.funcs[index].clone();
        let recursion_depth = self.rng.gen_range(0..=MAX_RECURSION_DEPTH);
        let cost = if def.recursive { def.cost.saturating_mul(recursion_depth + 1) } else { def.cost };
        if !self.spend(cost) {
            return None;
        }
        let mut args = Vec::new();
        if def.recursive {
            args.push(recursion_depth.to_string());
        }
        let fixed = if def.recursive { &def.params[1..] } else { &def.params[..] };
        for param in fixed {
            args.push(self.arg(param, depth));
        }
        if let Some(elem) = &def.variadic {
            match self.rng.gen_range(0..3) {
                0 => {}
                1 => {
                    let slice = Ty::Slice(Box::new(elem.clone()));
                    args.push(format!("{}...", self.nexpr(&slice, depth)));
                }
                _ => {
                    for _ in 0..self.rng.gen_range(1..4) {
                        args.push(self.arg(elem, depth));
                    }
                }
            }
        }
        let args = args.join(", ");
        Some(match def.receiver {
            None => format!("{}({})", def.name, args),
            Some((s, pointer)) => self.method_call(s, pointer, &def.name, &args, depth)?,
        })
    }

    /// A call of method `name` of struct `s`: through a variable or a
    /// pointer (of `s`, or of a struct that embeds `s`, which promotes it),
    /// or as a method expression.
    fn method_call(&mut self, s: usize, pointer: bool, name: &str, args: &str, depth: u32) -> Option<String> {
        let value_ty = Ty::Struct(s);
        let pointer_ty = Ty::Ptr(Box::new(value_ty.clone()));
        let sep = if args.is_empty() { "" } else { ", " };
        let values = self.vars_of(&value_ty);
        let pointers = self.vars_of(&pointer_ty);
        if self.chance(0.4) {
            return self.interface_call(s, pointer, name, args, depth);
        }
        let embedder = format!("S{}", s);
        let containers: Vec<usize> =
            (0..self.structs.len()).filter(|c| self.structs[*c].fields.iter().any(|(f, _)| *f == embedder)).collect();
        if !containers.is_empty() && self.chance(0.5) {
            let c = containers[self.rng.gen_range(0..containers.len())];
            let mut holders = self.vars_of(&Ty::Struct(c));
            holders.extend(self.vars_of(&Ty::Ptr(Box::new(Ty::Struct(c)))));
            // A variable of the embedding type, or (for a value method) a
            // literal of it; now and then as a method expression of that
            // type (gc's promoted-method wrapper), which for a pointer
            // method needs *Sc.
            let holder = match self.pick(&holders) {
                Some(var) => Some((var.name, matches!(var.ty, Ty::Ptr(_)))),
                None if !pointer => Some((self.composite_value(&Ty::Struct(c), depth), false)),
                None => None,
            };
            if let Some((holder, by_pointer)) = holder {
                if self.chance(0.3) && (by_pointer || !pointer) {
                    let ty = if by_pointer { format!("(*S{})", c) } else { format!("S{}", c) };
                    return Some(format!("{}.{}({}{}{})", ty, name, holder, sep, args));
                }
                return Some(format!("{}.{}({})", holder, name, args));
            }
        }
        match self.rng.gen_range(0..4) {
            0 if !pointer => {
                let recv = self.expr(&value_ty, depth).text;
                Some(format!("S{}.{}({}{}{})", s, name, recv, sep, args))
            }
            1 if !pointers.is_empty() => {
                let recv = self.pick(&pointers)?.name;
                if self.chance(0.3) {
                    Some(format!("(*S{}).{}({}{}{})", s, name, recv, sep, args))
                } else {
                    Some(format!("{}.{}({})", recv, name, args))
                }
            }
            _ if !values.is_empty() => {
                let recv = self.pick(&values)?.name;
                Some(format!("{}.{}({})", recv, name, args))
            }
            _ if !pointer => {
                let recv = self.composite_value(&value_ty, depth);
                Some(format!("{}.{}({})", recv, name, args))
            }
            _ => None,
        }
    }

    /// A call of method `name` of struct `s` through an interface listing
    /// it: converted on the spot (which gc devirtualizes), or asserted from
    /// an `interface{}` (a call through the itab); the receiver a pointer
    /// variable, or for a value method a value.
    fn interface_call(&mut self, s: usize, pointer: bool, name: &str, args: &str, depth: u32) -> Option<String> {
        let def = self.funcs.iter().find(|f| f.name == name && f.receiver == Some((s, pointer)))?.clone();
        let params: Vec<String> = def.params.iter().map(Ty::go).collect();
        let result = def.results.first().map(|r| format!(" {}", r.go())).unwrap_or_default();
        let iface = format!("interface{{ {}({}){} }}", name, params.join(", "), result);
        let pointers = self.vars_of(&Ty::Ptr(Box::new(Ty::Struct(s))));
        let recv = match self.pick(&pointers) {
            Some(var) if pointer || self.chance(0.5) => var.name,
            _ if pointer => return None,
            _ => self.composite_value(&Ty::Struct(s), depth),
        };
        Some(if self.chance(0.5) {
            format!("{}({}).{}({})", iface, recv, name, args)
        } else {
            format!("interface{{}}({}).({}).{}({})", recv, iface, name, args)
        })
    }

    /// An argument for a parameter of type `ty`.
    fn arg(&mut self, ty: &Ty, depth: u32) -> String {
        match ty {
            Ty::Func(..) => self.func_value(ty, depth).map(|e| e.text).unwrap_or_else(|| self.closure(ty, depth)),
            _ => self.expr(ty, depth).text,
        }
    }

    /// A function value of type `ty`: a variable, a named function, a
    /// method value, the result of a call, or a closure.
    pub(super) fn func_value(&mut self, ty: &Ty, depth: u32) -> Option<E> {
        let named: Vec<String> = self
            .funcs
            .iter()
            .filter(|f| f.receiver.is_none() && f.cost <= FUNC_VALUE_COST && f.value_type().as_ref() == Some(ty))
            .map(|f| f.name.clone())
            .collect();
        let methods: Vec<(String, usize, bool)> = self
            .funcs
            .iter()
            .filter(|f| f.cost <= FUNC_VALUE_COST && f.variadic.is_none() && f.results.len() == 1)
            .filter(|f| Ty::Func(f.params.clone(), Box::new(f.results[0].clone())) == *ty)
            .filter_map(|f| f.receiver.map(|(s, pointer)| (f.name.clone(), s, pointer)))
            .collect();
        match self.rng.gen_range(0..5) {
            0 if !named.is_empty() => self.pick(&named).map(E::of),
            1 if !methods.is_empty() => {
                let (name, s, pointer) = self.pick(&methods)?;
                let recv_ty = if pointer { Ty::Ptr(Box::new(Ty::Struct(s))) } else { Ty::Struct(s) };
                let recv = self.pick(&self.vars_of(&recv_ty))?.name;
                Some(E::of(format!("{}.{}", recv, name)))
            }
            2 => {
                let var = self.pick(&self.vars_of(ty))?;
                Some(E::of(var.name))
            }
            3 => self.call_expr(ty, depth),
            _ => Some(E::of(self.closure(ty, depth))),
        }
    }

    /// A closure called where it is written (dropped if it writes what its
    /// caller sees: see `FuncDef::writes`).
    fn closure_call(&mut self, ty: &Ty, depth: u32) -> Option<E> {
        let n = self.rng.gen_range(0..3);
        let params: Vec<Ty> = (0..n).map(|_| self.scalar_type()).collect();
        let fty = Ty::Func(params.clone(), Box::new(ty.clone()));
        if !self.spend(FUNC_VALUE_COST) {
            return None;
        }
        let (callee, writes) = self.closure_parts(&fty, depth);
        if writes {
            return None;
        }
        let args: Vec<String> = params.iter().map(|p| self.expr(p, depth).text).collect();
        Some(E::of(format!("{}({})", callee, args.join(", "))))
    }

    /// The statement that folds the value of `name` (of type `ty`) into
    /// the checksum.
    pub(super) fn fold(&mut self, name: &str, ty: &Ty, level: u32) -> String {
        match ty {
            Ty::Int(_) => format!("cs = cs*31 + uint64({})", name),
            Ty::Float => format!("cs = cs*31 + uint64(fi({}))", name),
            Ty::Bool => format!("if {} {{\n\tcs++\n}}", name),
            Ty::Str => {
                if self.chance(0.3) {
                    format!("for _, c := range {} {{\n\tcs = cs*7 + uint64(c)\n}}", name)
                } else {
                    format!("cs = cs*31 + uint64(len({}))", name)
                }
            }
            Ty::Struct(i) => {
                let fields = self.structs[*i].fields.clone();
                let folds: Vec<String> = fields.iter().map(|(f, fty)| self.fold(&format!("{}.{}", name, f), fty, level)).collect();
                folds.join("\n")
            }
            Ty::Array(_, elem) | Ty::Slice(elem) => {
                let var = format!("e{}", level);
                let inner = self.fold(&var, elem, level + 1);
                let inner = inner.lines().map(|l| format!("\t{}\n", l)).collect::<String>();
                format!("for _, {} := range {} {{\n{}}}", var, name, inner)
            }
            Ty::Ptr(elem) => self.fold(&format!("(*{})", name), elem, level),
            Ty::Func(params, result) => {
                if self.chance(0.5) {
                    return format!("if {} != nil {{\n\tcs++\n}}", name);
                }
                // A call of an unknown function value: it may write.
                self.note_shared_write();
                let args: Vec<String> = params.iter().map(|p| self.value(p, 1)).collect();
                let var = format!("r{}", level);
                let inner = self.fold(&var, result, level + 1);
                let inner = inner.lines().map(|l| format!("\t{}\n", l)).collect::<String>();
                format!("{{\n\t{} := {}({})\n{}}}", var, name, args.join(", "), inner)
            }
            Ty::Any => {
                let mut cases = vec![
                    "case int:\n\tcs = cs*31 + uint64(v)".to_string(),
                    "case string:\n\tcs += uint64(len(v)) + 2".to_string(),
                    "case nil:\n\tcs += 3".to_string(),
                    "case bool, float64:\n\tcs += 4".to_string(),
                ];
                for i in 0..self.structs.len() {
                    if self.chance(0.5) {
                        cases.push(format!("case S{}, *S{}:\n\tcs += {}", i, i, 5 + i));
                    }
                }
                cases.push("default:\n\tcs += 9".to_string());
                let body: String = cases.iter().flat_map(|c| c.lines().map(|l| format!("{}\n", l))).collect();
                format!("switch v := {}.(type) {{\n{}}}", name, body)
            }
        }
    }
}

/// `text` parenthesized if it holds a composite literal of a named type,
/// which Go would read as the block of an `if`, `for` or `switch`.
pub(super) fn header_safe(text: String) -> String {
    if text.contains('{') && !(text.starts_with('(') && text.ends_with(')')) {
        format!("({})", text)
    } else {
        text
    }
}
