//! Statements: declarations, assignments of every form, if, the four loop
//! forms with break and continue (labelled too), switch with fallthrough,
//! goto, calls, println, pointers stored in globals, closures, interface
//! assertions, maps, defer, panics where they are recovered, and channels,
//! goroutines and select whose results do not depend on scheduling.

use super::expr::header_safe;
use super::types::{IntKind, Ty, INT, INT_KINDS};
use super::{Generator, Var, FUNC_VALUE_COST};
use rand::Rng;

impl Generator {
    /// One statement; `depth` bounds the nesting of blocks.
    pub(super) fn stmt(&mut self, depth: u32) {
        if !self.spend(1) {
            return;
        }
        let has_depth = depth > 0;
        match self.rng.gen_range(0..32) {
            0..=5 => self.decl_stmt(),
            6..=10 => self.assign_stmt(),
            11 | 12 if has_depth => self.if_stmt(depth),
            13 | 14 if has_depth => self.for_stmt(depth),
            15 if has_depth => self.switch_stmt(depth),
            16 | 17 => self.call_stmt(),
            18 => self.print_stmt(),
            19 if has_depth => self.labelled_loop(depth),
            20 if has_depth => self.goto_stmt(depth),
            21 => self.pointer_stmt(),
            22 | 23 => self.closure_stmt(),
            24 => self.any_stmt(),
            29 | 30 => self.map_stmt(),
            25 => self.branch_stmt(),
            26 if self.frame().recovers => self.panic_stmt(),
            27 => self.defer_stmt(),
            28 if has_depth => {
                self.line("{");
                self.block(depth - 1, 1, 3);
                self.line("}");
            }
            31 => self.chan_stmt(),
            _ => self.decl_stmt(),
        }
    }

    /// The statements of a block in a new scope, indented, folding the
    /// block's variables at its end.
    pub(super) fn block(&mut self, depth: u32, min: usize, max: usize) {
        self.indent += 1;
        self.scopes.push(Vec::new());
        let n = self.rng.gen_range(min..=max);
        for _ in 0..n {
            self.stmt(depth);
        }
        self.close_scope();
        self.indent -= 1;
    }

    fn decl_stmt(&mut self) {
        let ty = self.local_type();
        let name = self.fresh("v");
        match self.rng.gen_range(0..6) {
            0 if ty.is_scalar() || matches!(ty, Ty::Struct(_) | Ty::Array(..) | Ty::Any) => {
                self.line(&format!("var {} {}", name, ty.go()));
            }
            1 => {
                let value = self.value(&ty, 3);
                self.line(&format!("var {} {} = {}", name, ty.go(), value));
            }
            2 => {
                let ty2 = self.scalar_type();
                let name2 = self.fresh("v");
                let (a, b) = (self.value(&ty, 3), self.nexpr(&ty2, 2));
                self.line(&format!("{}, {} := {}, {}", name, name2, a, b));
                self.declare(&name, ty.clone());
                self.declare(&name2, ty2);
                return;
            }
            3 => {
                let multi: Vec<usize> = (0..self.funcs.len()).filter(|&i| self.funcs[i].results.len() == 2).collect();
                if let Some(index) = self.pick(&multi) {
                    if let Some(call) = self.call_text(index, 2) {
                        if self.funcs[index].writes {
                            self.note_shared_write();
                        }
                        let results = self.funcs[index].results.clone();
                        let name2 = self.fresh("v");
                        self.line(&format!("{}, {} := {}", name, name2, call));
                        self.declare(&name, results[0].clone());
                        self.declare(&name2, results[1].clone());
                        return;
                    }
                }
                let value = self.value(&ty, 3);
                self.line(&format!("{} := {}", name, value));
            }
            _ => {
                let value = self.value(&ty, 3);
                self.line(&format!("{} := {}", name, value));
            }
        }
        self.declare(&name, ty);
    }

    /// A value for a new variable: never a nil pointer or function, never
    /// an empty slice; a constant only where its type is explicit.
    pub(super) fn value(&mut self, ty: &Ty, depth: u32) -> String {
        match ty {
            Ty::Func(..) => self.func_value(ty, depth).map(|e| e.text).unwrap_or_else(|| self.closure(ty, depth)),
            Ty::Int(kind) if *kind != IntKind::Int => self.nexpr(ty, depth),
            Ty::Float => self.nexpr(ty, depth),
            _ => self.expr(ty, depth).text,
        }
    }

    fn assignable_vars(&self) -> Vec<Var> {
        self.all_vars().into_iter().filter(|v| v.assignable).collect()
    }

    fn assign_stmt(&mut self) {
        let vars = self.assignable_vars();
        let Some(var) = self.pick(&vars) else {
            return self.decl_stmt();
        };
        self.note_write(&var);
        let ty = var.ty.clone();
        match self.rng.gen_range(0..8) {
            0 | 1 => {
                if let Some(line) = self.assignment(&var.name, &ty, 3) {
                    self.line(&line);
                }
            }
            2 | 3 if ty.is_int() => {
                let Ty::Int(kind) = ty else { return };
                let ops = ["+=", "-=", "*=", "&=", "|=", "^=", "&^=", "<<=", ">>=", "/=", "%="];
                let op = ops[self.rng.gen_range(0..ops.len())];
                let rhs = match op {
                    "<<=" | ">>=" => self.rng.gen_range(0..kind.bits() + 2).to_string(),
                    "/=" | "%=" => format!("({} | 1)", self.nexpr(&ty, 2)),
                    _ => self.expr(&ty, 3).text,
                };
                self.line(&format!("{} {} {}", var.name, op, rhs));
            }
            4 if ty.is_int() || ty == Ty::Float => {
                let op = if self.chance(0.5) { "++" } else { "--" };
                self.line(&format!("{}{}", var.name, op));
            }
            5 if ty == Ty::Str || ty == Ty::Float => {
                let rhs = self.expr(&ty, 3).text;
                let rhs = if ty == Ty::Str { format!("tr({})", rhs) } else { rhs };
                self.line(&format!("{} += {}", var.name, rhs));
            }
            6 => self.element_assign(&var),
            _ => {
                if let Ty::Slice(elem) = &ty {
                    let value = match elem.as_ref() {
                        Ty::Str => format!("tr({})", self.expr(elem, 2).text),
                        elem if self.holds_string(elem) => return,
                        elem => self.expr(elem, 2).text,
                    };
                    self.line(&format!("{0} = append({0}, {1})", var.name, value));
                    return;
                }
                let others: Vec<Var> = vars.iter().filter(|v| v.ty == ty && v.name != var.name).cloned().collect();
                if let Some(other) = self.pick(&others) {
                    self.note_write(&other);
                    self.line(&format!("{0}, {1} = {1}, {0}", var.name, other.name));
                } else if let Some(line) = self.assignment(&var.name, &ty, 3) {
                    self.line(&line);
                }
            }
        }
    }

    /// An assignment to an element, a field or a pointer's target.
    fn element_assign(&mut self, var: &Var) {
        let (target, ty) = match &var.ty {
            Ty::Array(n, elem) => {
                let index = self.index(&var.name, Some(*n), 2);
                (format!("{}[{}]", var.name, index), elem.as_ref().clone())
            }
            Ty::Slice(elem) => {
                let index = self.index(&var.name, None, 2);
                (format!("{}[{}]", var.name, index), elem.as_ref().clone())
            }
            Ty::Struct(i) => {
                let fields = self.structs[*i].fields.clone();
                let Some((field, fty)) = self.pick(&fields) else {
                    return;
                };
                (format!("{}.{}", var.name, field), fty)
            }
            Ty::Ptr(elem) => match elem.as_ref() {
                Ty::Struct(i) if self.chance(0.7) => {
                    let fields = self.structs[*i].fields.clone();
                    let Some((field, fty)) = self.pick(&fields) else {
                        return;
                    };
                    (format!("{}.{}", var.name, field), fty)
                }
                _ => (format!("*{}", var.name), elem.as_ref().clone()),
            },
            _ => return,
        };
        if matches!(var.ty, Ty::Slice(_) | Ty::Ptr(_)) {
            self.note_shared_write();
        }
        if let Some(line) = self.assignment(&target, &ty, 2) {
            self.line(&line);
        }
    }

    /// `target = value` for a target of type `ty`; a string value is cut
    /// short by `tr`, and a value of another type holding strings is not
    /// assigned at all (None): assigned from itself in a loop, a string
    /// would grow without bound.
    pub(super) fn assignment(&mut self, target: &str, ty: &Ty, depth: u32) -> Option<String> {
        if *ty == Ty::Str {
            let value = self.value(ty, depth);
            return Some(format!("{} = tr({})", target, value));
        }
        if self.holds_string(ty) {
            return None;
        }
        let value = self.value(ty, depth);
        Some(format!("{} = {}", target, value))
    }

    /// Whether a value of type `ty` holds strings (pointers and interfaces
    /// only refer to them).
    fn holds_string(&self, ty: &Ty) -> bool {
        match ty {
            Ty::Str => true,
            Ty::Struct(i) => self.structs[*i].fields.iter().any(|(_, f)| self.holds_string(f)),
            Ty::Array(_, elem) | Ty::Slice(elem) => self.holds_string(elem),
            _ => false,
        }
    }

    fn if_stmt(&mut self, depth: u32) {
        let cond = self.cond(3);
        self.line(&format!("if {} {{", cond));
        self.block(depth - 1, 1, 3);
        match self.rng.gen_range(0..3) {
            0 => self.line("}"),
            1 => {
                self.line("} else {");
                self.block(depth - 1, 1, 3);
                self.line("}");
            }
            _ => {
                let cond = self.cond(2);
                self.line(&format!("}} else if {} {{", cond));
                self.block(depth - 1, 1, 2);
                self.line("}");
            }
        }
    }

    /// A loop in one of Go's forms; its body runs with the trip count
    /// multiplied into the work estimate.
    fn for_stmt(&mut self, depth: u32) {
        let trips = self.rng.gen_range(1..6u64);
        let i = self.fresh("i");
        let mut loop_vars: Vec<(String, Ty)> = Vec::new();
        let mut trip_estimate = trips;
        let mut frozen: Option<String> = None;
        let header = match self.rng.gen_range(0..6) {
            0 | 1 => {
                loop_vars.push((i.clone(), INT));
                format!("for {0} := 0; {0} < {1}; {0}++ {{", i, trips)
            }
            2 => {
                // A local slice of this function, kept unassigned in the
                // body (appending to it there would never end the loop).
                let seq_ty = Ty::Slice(Box::new(self.scalar_type()));
                let here = self.frames.len().checked_sub(1);
                let vars: Vec<Var> = self.vars_of(&seq_ty).into_iter().filter(|v| v.frame == here && v.assignable).collect();
                match self.pick(&vars) {
                    Some(s) => {
                        trip_estimate = 16;
                        loop_vars.push((i.clone(), INT));
                        frozen = Some(s.name.clone());
                        format!("for {0} := 0; {0} < len({1}); {0}++ {{", i, s.name)
                    }
                    None => {
                        loop_vars.push((i.clone(), INT));
                        format!("for {0} := 0; {0} < {1}; {0}++ {{", i, trips)
                    }
                }
            }
            3 => {
                let seq_ty = match self.rng.gen_range(0..3) {
                    0 => Ty::Str,
                    1 => Ty::Array(self.rng.gen_range(1..5), Box::new(self.scalar_type())),
                    _ => Ty::Slice(Box::new(self.scalar_or_struct_type())),
                };
                trip_estimate = 16;
                let seq = header_safe(self.nexpr_any(&seq_ty));
                // Strings grow as the program runs (`s += ...`): a loop over
                // one is cut (`tr`), or it could grow the string it will loop
                // over next, without bound.
                let seq = if seq_ty == Ty::Str { format!("tr({})", seq) } else { seq };
                let elem_ty = match &seq_ty {
                    Ty::Str => Ty::Int(IntKind::Int32),
                    Ty::Array(_, elem) | Ty::Slice(elem) => elem.as_ref().clone(),
                    _ => INT,
                };
                let x = self.fresh("x");
                match self.rng.gen_range(0..3) {
                    0 => {
                        loop_vars.push((i.clone(), INT));
                        format!("for {} := range {} {{", i, seq)
                    }
                    1 => {
                        loop_vars.push((x.clone(), elem_ty));
                        format!("for _, {} := range {} {{", x, seq)
                    }
                    _ => {
                        loop_vars.push((i.clone(), INT));
                        loop_vars.push((x.clone(), elem_ty));
                        format!("for {}, {} := range {} {{", i, x, seq)
                    }
                }
            }
            4 => {
                // The counter is declared outside and stepped first, so a
                // continue cannot skip it.
                self.line(&format!("{} := 0", i));
                self.declare_readonly(&i, INT);
                self.line(&format!("for {} < {} {{", i, trips));
                self.line(&format!("\t{}++", i));
                String::new()
            }
            _ => {
                self.line(&format!("{} := 0", i));
                self.declare_readonly(&i, INT);
                self.line("for {");
                self.line(&format!("\t{}++", i));
                self.line(&format!("\tif {} > {} {{\n\t\tbreak\n\t}}", i, trips));
                String::new()
            }
        };
        if !header.is_empty() {
            self.line(&header);
        }
        if let Some(name) = &frozen {
            self.set_assignable(name, false);
        }
        let saved_mult = self.open_loop(trip_estimate, None, loop_vars);
        self.close_loop(depth, saved_mult, 3);
        if let Some(name) = &frozen {
            self.set_assignable(name, true);
        }
    }

    /// Marks the innermost variable called `name` assignable or not.
    fn set_assignable(&mut self, name: &str, assignable: bool) {
        if let Some(var) = self.scopes.iter_mut().rev().flat_map(|scope| scope.iter_mut()).find(|v| v.name == name) {
            var.assignable = assignable;
        }
    }

    /// Starts a loop's body (its header is written): the work estimate
    /// multiplied by `trips`, the loop's variables in a new scope. Returns
    /// the multiplier to restore.
    fn open_loop(&mut self, trips: u64, label: Option<String>, vars: Vec<(String, Ty)>) -> u64 {
        let saved_mult = self.frame().mult;
        self.frame().mult = saved_mult.saturating_mul(trips);
        self.frame().loops.push(label);
        self.indent += 1;
        self.scopes.push(Vec::new());
        for (name, ty) in vars {
            self.declare_readonly(&name, ty);
        }
        saved_mult
    }

    /// Up to `max` statements, then the end of the loop opened by `open_loop`.
    fn close_loop(&mut self, depth: u32, saved_mult: u64, max: usize) {
        let n = self.rng.gen_range(1..=max);
        for _ in 0..n {
            self.stmt(depth - 1);
        }
        self.close_scope();
        self.indent -= 1;
        self.line("}");
        self.frame().loops.pop();
        self.frame().mult = saved_mult;
    }

    /// A non-constant value of any type (scalars through `nexpr`).
    fn nexpr_any(&mut self, ty: &Ty) -> String {
        if ty.is_scalar() {
            self.nexpr(ty, 2)
        } else {
            self.expr(ty, 2).text
        }
    }

    fn labelled_loop(&mut self, depth: u32) {
        let label = self.fresh("L");
        // Only the forms with a header line take the label.
        if self.chance(0.5) {
            let i = self.fresh("i");
            let trips = self.rng.gen_range(1..5);
            self.line(&format!("{0}:\nfor {1} := 0; {1} < {2}; {1}++ {{", label, i, trips));
            self.labelled_body(depth, &label, &i, trips);
        } else {
            let x = self.fresh("x");
            let s = header_safe(self.nexpr(&Ty::Str, 2));
            self.line(&format!("{}:\nfor _, {} := range tr({}) {{", label, x, s));
            self.labelled_body(depth, &label, &x, 8);
        }
    }

    fn labelled_body(&mut self, depth: u32, label: &str, var: &str, trips: u64) {
        let var_ty = if var.starts_with('x') { Ty::Int(IntKind::Int32) } else { INT };
        let saved_mult = self.open_loop(trips, Some(label.to_string()), vec![(var.to_string(), var_ty)]);
        // An inner loop that leaves or continues the labelled one, so the
        // label is used.
        let cond = self.cond(2);
        let j = self.fresh("j");
        let verb = if self.chance(0.5) { "continue" } else { "break" };
        self.line(&format!("for {0} := 0; {0} < 3; {0}++ {{", j));
        self.line(&format!("\tif {} {{\n\t\t{} {}\n\t}}", cond, verb, label));
        self.line(&format!("\tcs += uint64({})", j));
        self.line("}");
        self.close_loop(depth, saved_mult, 2);
    }

    fn switch_stmt(&mut self, depth: u32) {
        let tagless = self.chance(0.3);
        let ty = if self.chance(0.7) { Ty::Int(self.int_kind()) } else { Ty::Str };
        if tagless {
            self.line("switch {");
        } else {
            let tag = header_safe(self.nexpr(&ty, 2));
            if self.chance(0.3) {
                let t = self.fresh("t");
                self.line(&format!("switch {} := {}; {} {{", t, tag, t));
            } else {
                self.line(&format!("switch {} {{", tag));
            }
        }
        let n_cases = self.rng.gen_range(1..4);
        let has_default = self.chance(0.5);
        let mut used: Vec<String> = Vec::new();
        let mut cases = Vec::new();
        for _ in 0..n_cases {
            if tagless {
                cases.push(self.cond(2));
                continue;
            }
            let mut values = Vec::new();
            for _ in 0..self.rng.gen_range(1..3) {
                let value = self.literal(&ty);
                if !used.contains(&value) {
                    used.push(value.clone());
                    values.push(value);
                }
            }
            if !values.is_empty() {
                cases.push(values.join(", "));
            }
        }
        let n_cases = cases.len();
        for (case, values) in cases.into_iter().enumerate() {
            self.line(&format!("case {}:", values));
            self.block(depth - 1, 0, 2);
            if (case + 1 < n_cases || has_default) && self.chance(0.3) {
                self.line("\tfallthrough");
            }
        }
        if has_default {
            self.line("default:");
            self.block(depth - 1, 0, 2);
        }
        self.line("}");
    }

    fn int_kind(&mut self) -> IntKind {
        match self.scalar_type() {
            Ty::Int(kind) => kind,
            _ => IntKind::Int,
        }
    }

    /// A forward goto over a block, or a loop made of a backward goto.
    fn goto_stmt(&mut self, depth: u32) {
        let label = self.fresh("G");
        if self.chance(0.5) {
            let cond = self.cond(2);
            self.line(&format!("if {} {{\n\tgoto {}\n}}", cond, label));
            self.line("{");
            self.block(depth - 1, 1, 2);
            self.line("}");
            self.label(&label);
            self.line("cs++");
        } else {
            let n = self.fresh("n");
            let trips = self.rng.gen_range(1..4);
            self.line(&format!("{} := 0", n));
            self.label(&label);
            self.line(&format!("{}++", n));
            let saved_mult = self.frame().mult;
            self.frame().mult = saved_mult.saturating_mul(trips);
            self.line("{");
            self.block(depth - 1, 1, 2);
            self.line("}");
            self.frame().mult = saved_mult;
            self.line(&format!("if {} < {} {{\n\tgoto {}\n}}", n, trips, label));
        }
    }

    fn call_stmt(&mut self) {
        if self.funcs.is_empty() {
            return;
        }
        let index = self.rng.gen_range(0..self.funcs.len());
        if let Some(call) = self.call_text(index, 2) {
            self.fold_call_results(index, call);
        }
    }

    /// A call as a statement, or its results assigned to new variables.
    pub(super) fn fold_call_results(&mut self, index: usize, call: String) {
        if self.funcs[index].writes {
            self.note_shared_write();
        }
        let results = self.funcs[index].results.clone();
        if results.is_empty() || self.chance(0.2) {
            self.line(&call);
            return;
        }
        let names: Vec<String> = results.iter().map(|_| self.fresh("v")).collect();
        self.line(&format!("{} := {}", names.join(", "), call));
        for (name, ty) in names.iter().zip(results) {
            self.declare(name, ty);
        }
    }

    fn print_stmt(&mut self) {
        let n = self.rng.gen_range(1..4);
        let args: Vec<String> = (0..n)
            .map(|_| {
                let ty = self.scalar_type();
                let e = self.expr(&ty, 2);
                // An untyped constant argument would be printed as an int.
                if e.konst {
                    format!("{}({})", ty.go(), e.text)
                } else {
                    e.text
                }
            })
            .collect();
        let verb = if self.chance(0.7) { "println" } else { "print" };
        self.line(&format!("{}({})", verb, args.join(", ")));
        if verb == "print" {
            self.line("println()");
        }
    }

    /// Pointers to locals: taken, stored in a package variable, read back.
    fn pointer_stmt(&mut self) {
        let globals: Vec<Var> = self.globals.iter().filter(|v| v.may_be_nil).cloned().collect();
        match self.rng.gen_range(0..3) {
            0 if !globals.is_empty() => {
                let Some(global) = self.pick(&globals) else {
                    return;
                };
                self.note_write(&global);
                let value = self.composite_value(&global.ty, 2);
                self.line(&format!("{} = {}", global.name, value));
            }
            1 if !globals.is_empty() => {
                let Some(global) = self.pick(&globals) else {
                    return;
                };
                let fold = self.fold(&global.name, &global.ty, 0);
                let fold = fold.lines().map(|l| format!("\t{}\n", l)).collect::<String>();
                self.line(&format!("if {} != nil {{\n{}}}", global.name, fold));
            }
            _ => {
                let elem = self.scalar_or_struct_type();
                let ty = Ty::Ptr(Box::new(elem));
                let name = self.fresh("p");
                let value = self.composite_value(&ty, 2);
                self.line(&format!("{} := {}", name, value));
                self.declare(&name, ty);
            }
        }
    }

    /// A closure in a variable, called; or a function returning a closure,
    /// through a variable, called twice over.
    fn closure_stmt(&mut self) {
        let makers: Vec<usize> = (0..self.funcs.len())
            .filter(|&i| matches!(self.funcs[i].results.as_slice(), [Ty::Func(..)]) && self.funcs[i].value_type().is_some())
            .collect();
        if self.chance(0.4) {
            if let Some(index) = self.pick(&makers) {
                let def = self.funcs[index].clone();
                if !self.spend(def.cost.saturating_add(FUNC_VALUE_COST)) {
                    return;
                }
                let h = self.fresh("h");
                self.line(&format!("{} := {}", h, def.name));
                let args: Vec<String> = def.params.iter().map(|p| self.expr(p, 2).text).collect();
                let Ty::Func(inner_params, result) = &def.results[0] else {
                    return;
                };
                // The maker runs before these are evaluated, or after, as
                // the compiler likes: constants, so its writes cannot matter.
                let inner_args: Vec<String> = inner_params.iter().map(|p| self.literal(p)).collect();
                // The closure called may write anything.
                self.note_shared_write();
                let r = self.fresh("v");
                self.line(&format!("{} := {}({})({})", r, h, args.join(", "), inner_args.join(", ")));
                self.declare(&r, result.as_ref().clone());
                self.declare_readonly(&h, def.value_type().unwrap_or(INT));
                return;
            }
        }
        let ty = self.func_type();
        let name = self.fresh("fn");
        let value = self.closure(&ty, 2);
        self.line(&format!("{} := {}", name, value));
        self.declare(&name, ty);
    }

    /// Interfaces: a boxed value, or a comma-ok assertion.
    fn any_stmt(&mut self) {
        let vars = self.vars_of(&Ty::Any);
        match self.pick(&vars) {
            Some(var) if self.chance(0.7) => {
                let ty = self.scalar_or_struct_type();
                let v = self.fresh("v");
                let fold = self.fold(&v, &ty, 0);
                let fold = fold.lines().map(|l| format!("\t{}\n", l)).collect::<String>();
                self.line(&format!("if {}, ok := {}.({}); ok {{\n{}}}", v, var.name, ty.go(), fold));
            }
            _ => {
                let name = self.fresh("a");
                let value = self.composite_value(&Ty::Any, 2);
                self.line(&format!("var {} interface{{}} = {}", name, value));
                self.declare(&name, Ty::Any);
            }
        }
    }

    /// A local map in a block of its own: filled from generated keys and
    /// values, updated, probed (comma-ok too), an entry deleted, and folded
    /// into the checksum by a sum over its entries, which does not depend
    /// on Go's random iteration order.
    fn map_stmt(&mut self) {
        let key = self.map_key_type();
        let value = self.scalar_or_struct_type();
        let map_ty = format!("map[{}]{}", key.go(), value.go());
        let (m, k, v) = (self.fresh("m"), self.fresh("k"), self.fresh("v"));
        let inserts = self.rng.gen_range(1..8u64);
        if !self.spend(inserts * 4) {
            return;
        }
        self.line("{");
        self.indent += 1;
        match self.rng.gen_range(0..3) {
            0 => self.line(&format!("{} := make({})", m, map_ty)),
            1 => {
                let hint = self.rng.gen_range(0..20);
                self.line(&format!("{} := make({}, {})", m, map_ty, hint));
            }
            _ => self.line(&format!("{} := {}{{}}", m, map_ty)),
        }
        let i = self.fresh("i");
        self.line(&format!("for {} := 0; {} < {}; {}++ {{", i, i, inserts, i));
        self.indent += 1;
        self.scopes.push(vec![Var { name: i.clone(), ty: INT, assignable: false, may_be_nil: false, frame: Some(self.frames.len() - 1) }]);
        // The insertions run `inserts` times: so do the calls they make.
        let saved_mult = self.frame().mult;
        self.frame().mult = saved_mult.saturating_mul(inserts);
        let (key_expr, value_expr) = (self.nexpr(&key, 2), self.value(&value, 2));
        self.frame().mult = saved_mult;
        self.line(&format!("{}[{}] = {}", m, key_expr, value_expr));
        self.scopes.pop();
        self.indent -= 1;
        self.line("}");
        if let Ty::Int(_) = value {
            let key_expr = self.nexpr(&key, 2);
            let op = ["+=", "-=", "|=", "^="][self.rng.gen_range(0..4)];
            let operand = self.nexpr(&value, 1);
            self.line(&format!("{}[{}] {} {}", m, key_expr, op, operand));
        }
        if self.chance(0.5) {
            let key_expr = self.nexpr(&key, 2);
            self.line(&format!("delete({}, {})", m, key_expr));
        }
        let probe = self.nexpr(&key, 2);
        let fold = self.fold(&v, &value, 1);
        let fold: String = fold.lines().map(|l| format!("\t{}\n", l)).collect();
        self.line(&format!("if {}, ok := {}[{}]; ok {{\n{}}}", v, m, probe, fold));
        let probe = self.nexpr(&key, 2);
        let fold = self.fold(&format!("{}[{}]", m, probe), &value, 1);
        self.line(&fold);
        self.line(&format!("cs = cs*31 + uint64(len({}))", m));
        let acc = self.fresh("acc");
        self.line(&format!("var {} uint64", acc));
        let fold_key = self.fold(&k, &key, 1);
        let fold_value = self.fold(&v, &value, 1);
        let body: String =
            format!("cs := uint64(0)\n{}\n{}\n{} += cs", fold_key, fold_value, acc).lines().map(|l| format!("\t{}\n", l)).collect();
        self.line(&format!("for {}, {} := range {} {{\n{}}}", k, v, m, body));
        self.line(&format!("cs = cs*31 + {}", acc));
        self.indent -= 1;
        self.line("}");
    }

    /// A comparable key type: an integer, string or bool, an array of one,
    /// or a struct.
    fn map_key_type(&mut self) -> Ty {
        match self.rng.gen_range(0..8) {
            0 if !self.structs.is_empty() => Ty::Struct(self.rng.gen_range(0..self.structs.len())),
            1 => Ty::Array(self.rng.gen_range(1..4), Box::new(self.scalar_type())),
            2 => Ty::Bool,
            3 | 4 => Ty::Str,
            _ => Ty::Int(INT_KINDS[self.rng.gen_range(0..INT_KINDS.len())]),
        }
    }

    /// break or continue of an enclosing loop of this function.
    fn branch_stmt(&mut self) {
        let loops = self.frame().loops.clone();
        let Some(target) = self.pick(&loops) else {
            return self.assign_stmt();
        };
        let verb = if self.chance(0.5) { "break" } else { "continue" };
        let cond = self.cond(2);
        match target {
            Some(label) => self.line(&format!("if {} {{\n\t{} {}\n}}", cond, verb, label)),
            None => self.line(&format!("if {} {{\n\t{}\n}}", cond, verb)),
        }
    }

    /// An explicit panic, in a function that recovers.
    fn panic_stmt(&mut self) {
        let ty = if self.chance(0.5) { INT } else { Ty::Str };
        let value = self.expr(&ty, 2).text;
        let cond = self.cond(2);
        self.line(&format!("if {} {{\n\tpanic({})\n}}", cond, value));
    }

    /// defer of a closure, of a method without arguments through a
    /// variable, of a function without parameters, of any call with
    /// arguments (evaluated at the defer statement, results dropped), or of
    /// println.
    fn defer_stmt(&mut self) {
        if self.chance(0.3) && !self.funcs.is_empty() {
            let index = self.rng.gen_range(0..self.funcs.len());
            let writes = self.funcs[index].writes;
            if let Some(call) = self.call_text(index, 2) {
                if writes {
                    self.note_shared_write();
                }
                self.line(&format!("defer {}", call));
                return;
            }
        }
        if self.chance(0.2) {
            let args: Vec<String> = (0..self.rng.gen_range(1..4))
                .map(|_| {
                    let ty = if self.chance(0.5) { INT } else { Ty::Str };
                    self.expr(&ty, 2).text
                })
                .collect();
            self.line(&format!("defer println({})", args.join(", ")));
            return;
        }
        let no_params: Vec<usize> =
            (0..self.funcs.len()).filter(|&i| self.funcs[i].params.is_empty() && self.funcs[i].variadic.is_none()).collect();
        if let Some(index) = self.pick(&no_params) {
            let def = self.funcs[index].clone();
            let callee = match def.receiver {
                None => Some(def.name.clone()),
                Some((s, pointer)) => {
                    let mut recvs = self.vars_of(&Ty::Struct(s));
                    recvs.extend(self.vars_of(&Ty::Ptr(Box::new(Ty::Struct(s)))));
                    if pointer {
                        recvs.retain(|v| !matches!(v.ty, Ty::Struct(_)) || v.assignable);
                    }
                    self.pick(&recvs).map(|v| format!("{}.{}", v.name, def.name))
                }
            };
            if let Some(callee) = callee {
                if self.chance(0.5) && self.spend(def.cost) {
                    if def.writes {
                        self.note_shared_write();
                    }
                    self.line(&format!("defer {}()", callee));
                    return;
                }
            }
        }
        if !self.spend(FUNC_VALUE_COST) {
            return;
        }
        let (body, writes) = self.closure_body(&[], None, 1);
        if writes {
            self.note_shared_write();
        }
        self.line(&format!("defer func() {{\n{}}}()", body));
    }

    /// Channels whose results do not depend on scheduling: a buffered
    /// channel filled, closed and drained by `range`; a goroutine computing
    /// a value while the statement waits for it (so it may read and write
    /// whatever the waiting function sees, and must not panic); a select
    /// whose only ready case is a buffered channel holding a value (or, when
    /// it is empty, a default), beside cases on nil channels.
    fn chan_stmt(&mut self) {
        let ty = self.scalar_or_struct_type();
        let (c, v) = (self.fresh("c"), self.fresh("v"));
        self.line("{");
        self.indent += 1;
        match self.rng.gen_range(0..3) {
            0 => {
                let n = self.rng.gen_range(1..6u64);
                self.line(&format!("{} := make(chan {}, {})", c, ty.go(), n));
                let i = self.fresh("i");
                self.line(&format!("for {} := 0; {} < {}; {}++ {{", i, i, n, i));
                self.scopes.push(vec![Var { name: i, ty: INT, assignable: false, may_be_nil: false, frame: Some(self.frames.len() - 1) }]);
                let saved_mult = self.frame().mult;
                self.frame().mult = saved_mult.saturating_mul(n);
                let value = self.value(&ty, 2);
                self.frame().mult = saved_mult;
                self.scopes.pop();
                self.line(&format!("\t{} <- {}", c, value));
                self.line("}");
                self.line(&format!("close({})", c));
                self.line(&format!("cs = cs*31 + uint64(len({})*8+cap({}))", c, c));
                let fold: String = self.fold(&v, &ty, 1).lines().map(|l| format!("\t{}\n", l)).collect();
                self.line(&format!("for {} := range {} {{\n{}}}", v, c, fold));
            }
            1 if !self.frame().recovers => {
                self.line(&format!("{} := make(chan {})", c, ty.go()));
                let value = self.value(&ty, 2);
                self.line(&format!("go func() {{\n\t{} <- {}\n}}()", c, value));
                self.line(&format!("{} := <-{}", v, c));
                let fold = self.fold(&v, &ty, 1);
                self.line(&fold);
            }
            _ => {
                let nil = self.fresh("c");
                self.line(&format!("{} := make(chan {}, 1)", c, ty.go()));
                self.line(&format!("var {} chan {}", nil, ty.go()));
                let full = self.chance(0.7);
                if full {
                    let value = self.value(&ty, 2);
                    self.line(&format!("{} <- {}", c, value));
                }
                let fold: String = self.fold(&v, &ty, 1).lines().map(|l| format!("\t{}\n", l)).collect();
                let mut cases = vec![
                    format!("case {}, ok := <-{}:\n\tif ok {{\n\t\tcs = cs*31 + 1\n\t}}\n{}", v, c, fold.trim_end()),
                    format!("case <-{}:\n\tcs = cs*31 + 2", nil),
                ];
                if self.chance(0.5) {
                    let value = self.value(&ty, 2);
                    cases.push(format!("case {} <- {}:\n\tcs = cs*31 + 3", nil, value));
                }
                if !full || self.chance(0.3) {
                    cases.push("default:\n\tcs = cs*31 + 4".to_string());
                }
                let n = cases.len();
                for k in (1..n).rev() {
                    cases.swap(k, self.rng.gen_range(0..=k));
                }
                self.line(&format!("select {{\n{}\n}}", cases.join("\n")));
            }
        }
        self.indent -= 1;
        self.line("}");
    }
}
