//! Functions, methods and closures: their signatures, their bodies, and the
//! kinds the generator makes on purpose (small ones near the inlining
//! budget, big ones over it, recursive and mutually recursive ones with a
//! depth, closure makers, methods on value and pointer receivers, variadic
//! and two-result functions, functions that recover their panics).

use super::types::{Ty, INT};
use super::{FuncDef, Generator, Var, FUNC_VALUE_COST};
use rand::Rng;

/// The shape of a function about to be generated.
struct Signature {
    name: String,
    /// Struct, pointer receiver, receiver name.
    receiver: Option<(usize, bool, String)>,
    params: Vec<(String, Ty)>,
    variadic: Option<(String, Ty)>,
    results: Vec<Ty>,
    /// The single result is named `r` (functions that recover set it).
    named_result: bool,
}

/// How the body is made.
struct BodyPlan {
    budget: u64,
    stmts: (usize, usize),
    depth: u32,
    recovers: bool,
    /// A call of a recursive function (itself or its partner) with the
    /// depth decremented, made once in the body.
    recursive_call: Option<usize>,
}

impl Generator {
    /// One more function (or method, or pair of mutually recursive
    /// functions), added to those later code can call.
    pub(super) fn function(&mut self) {
        match self.rng.gen_range(0..14) {
            0..=2 => self.plain_function(200, (1, 3), 1),
            3 => self.plain_function(50_000, (8, 20), 3),
            4 => self.recursive_function(),
            5 => self.mutual_recursion(),
            6 => self.closure_maker(),
            7 | 8 if !self.structs.is_empty() => self.method(),
            9 => self.recovering_function(),
            10 => self.variadic_function(),
            11 => self.two_result_function(),
            _ => self.plain_function(5_000, (3, 8), 2),
        }
    }

    fn params(&mut self, max: usize) -> Vec<(String, Ty)> {
        let n = self.rng.gen_range(0..=max);
        (0..n).map(|_| (self.fresh("a"), self.local_type())).collect()
    }

    fn result_types(&mut self) -> Vec<Ty> {
        match self.rng.gen_range(0..8) {
            0 => Vec::new(),
            _ => vec![self.local_type()],
        }
    }

    fn plain_function(&mut self, budget: u64, stmts: (usize, usize), depth: u32) {
        let sig = Signature {
            name: self.fresh("f"),
            receiver: None,
            params: self.params(3),
            variadic: None,
            results: self.result_types(),
            named_result: false,
        };
        let plan = BodyPlan { budget, stmts, depth, recovers: false, recursive_call: None };
        self.emit_function(sig, plan);
    }

    fn variadic_function(&mut self) {
        let elem = self.scalar_type();
        let sig = Signature {
            name: self.fresh("f"),
            receiver: None,
            params: self.params(2),
            variadic: Some((self.fresh("xs"), elem)),
            results: vec![self.scalar_type()],
            named_result: false,
        };
        let plan = BodyPlan { budget: 2_000, stmts: (1, 4), depth: 2, recovers: false, recursive_call: None };
        self.emit_function(sig, plan);
    }

    fn two_result_function(&mut self) {
        let sig = Signature {
            name: self.fresh("f"),
            receiver: None,
            params: self.params(2),
            variadic: None,
            results: vec![self.var_type(), self.scalar_type()],
            named_result: false,
        };
        let plan = BodyPlan { budget: 2_000, stmts: (1, 5), depth: 2, recovers: false, recursive_call: None };
        self.emit_function(sig, plan);
    }

    /// A function whose deferred closure recovers, so its body may panic.
    fn recovering_function(&mut self) {
        let sig = Signature {
            name: self.fresh("f"),
            receiver: None,
            params: self.params(2),
            variadic: None,
            results: vec![self.scalar_type()],
            named_result: true,
        };
        let plan = BodyPlan { budget: 5_000, stmts: (2, 8), depth: 2, recovers: true, recursive_call: None };
        self.emit_function(sig, plan);
    }

    fn method(&mut self) {
        let s = self.rng.gen_range(0..self.structs.len());
        let pointer = self.chance(0.5);
        let sig = Signature {
            name: self.fresh("M"),
            receiver: Some((s, pointer, self.fresh("s"))),
            params: self.params(2),
            variadic: None,
            results: if pointer && self.chance(0.5) { Vec::new() } else { vec![self.scalar_type()] },
            named_result: false,
        };
        let budget = if self.chance(0.5) { 200 } else { 3_000 };
        let plan = BodyPlan { budget, stmts: (1, 5), depth: 2, recovers: false, recursive_call: None };
        self.emit_function(sig, plan);
    }

    /// A function calling itself with its depth decremented.
    fn recursive_function(&mut self) {
        let index = self.funcs.len();
        let sig = self.recursive_signature();
        self.funcs.push(placeholder(&sig));
        let plan = BodyPlan { budget: 2_000, stmts: (1, 4), depth: 2, recovers: false, recursive_call: Some(index) };
        self.funcs[index] = self.emit_body(sig, plan);
    }

    /// Two functions calling each other with the depth decremented.
    fn mutual_recursion(&mut self) {
        let first = self.funcs.len();
        let sig_a = self.recursive_signature();
        let sig_b = self.recursive_signature();
        self.funcs.push(placeholder(&sig_a));
        self.funcs.push(placeholder(&sig_b));
        let plan_a = BodyPlan { budget: 1_000, stmts: (1, 3), depth: 1, recovers: false, recursive_call: Some(first + 1) };
        let plan_b = BodyPlan { budget: 1_000, stmts: (1, 3), depth: 1, recovers: false, recursive_call: Some(first) };
        // Both stay placeholders (too costly to call) until both bodies
        // are made: otherwise the second would call the first with a
        // fresh depth, and the two would recurse without end.
        let def_a = self.emit_body(sig_a, plan_a);
        let def_b = self.emit_body(sig_b, plan_b);
        // Each activation runs one body of either.
        let cost = def_a.cost.max(def_b.cost);
        let writes = def_a.writes || def_b.writes;
        self.funcs[first] = FuncDef { cost, writes, ..def_a };
        self.funcs[first + 1] = FuncDef { cost, writes, ..def_b };
    }

    fn recursive_signature(&mut self) -> Signature {
        let mut params = vec![("d".to_string(), INT)];
        params.extend(self.params(2));
        Signature { name: self.fresh("r"), receiver: None, params, variadic: None, results: vec![self.scalar_type()], named_result: false }
    }

    /// A function returning a closure that captures its parameter and a
    /// local, the local sometimes assigned after the capture.
    fn closure_maker(&mut self) {
        let fty = self.func_type();
        let name = self.fresh("mk");
        let params = self.params(2);
        let saved_indent = self.indent;
        self.begin_frame(500, false);
        let frame = self.frames.len() - 1;
        self.scopes.push(params.iter().map(|(n, t)| local(n, t, frame)).collect());
        self.buffers.push(String::new());
        self.indent = 1;
        let c = self.fresh("c");
        let cty = self.var_type();
        let init = self.value(&cty, 2);
        self.line(&format!("{} := {}", c, init));
        self.declare(&c, cty.clone());
        let f = self.fresh("fn");
        let closure = self.closure(&fty, 2);
        if self.chance(0.5) {
            self.line(&format!("{} := {}", f, closure));
            if self.chance(0.5) {
                if let Some(line) = self.assignment(&c, &cty, 1) {
                    self.line(&line);
                }
            }
            self.fold_scope();
            self.line(&format!("return {}", f));
        } else {
            self.fold_scope();
            self.line(&format!("return {}", closure));
        }
        self.scopes.pop();
        let body = self.buffers.pop().unwrap_or_default();
        self.indent = saved_indent;
        let (cost, writes) = self.end_frame();
        let params_text: Vec<String> = params.iter().map(|(n, t)| format!("{} {}", n, t.go())).collect();
        self.decls.push(format!("func {}({}) {} {{\n{}}}\n", name, params_text.join(", "), fty.go(), body));
        self.funcs.push(FuncDef {
            name,
            receiver: None,
            params: params.into_iter().map(|(_, t)| t).collect(),
            variadic: None,
            results: vec![fty],
            cost,
            recursive: false,
            writes,
        });
    }

    fn emit_function(&mut self, sig: Signature, plan: BodyPlan) {
        let def = self.emit_body(sig, plan);
        self.funcs.push(def);
    }

    /// Generates the declaration of `sig` with a body made after `plan`,
    /// and returns what callers need to know of it.
    fn emit_body(&mut self, sig: Signature, plan: BodyPlan) -> FuncDef {
        self.begin_frame(plan.budget, plan.recovers);
        let frame = self.frames.len() - 1;
        let mut scope: Vec<Var> = sig.params.iter().map(|(n, t)| local(n, t, frame)).collect();
        if plan.recursive_call.is_some() {
            // The depth is only ever decremented by the recursive call.
            scope[0].assignable = false;
        }
        if let Some((s, pointer, name)) = &sig.receiver {
            let ty = if *pointer { Ty::Ptr(Box::new(Ty::Struct(*s))) } else { Ty::Struct(*s) };
            scope.push(Var { name: name.clone(), ty, assignable: !pointer, may_be_nil: false, frame: Some(frame) });
        }
        if sig.named_result {
            scope.push(local("r", &sig.results[0], frame));
        }
        self.scopes.push(scope);
        self.buffers.push(String::new());
        self.indent = 1;
        if let Some((xs, elem)) = &sig.variadic {
            // The variadic slice may be empty, so it is only ranged over.
            let fold = self.fold(xs, &Ty::Slice(Box::new(elem.clone())), 0);
            self.line(&format!("cs = cs*31 + uint64(len({}))", xs));
            self.line(&fold);
        }
        if plan.recursive_call.is_some() {
            let base = self.expr(&sig.results[0], 1).text;
            self.line(&format!("if d <= 0 {{\n\treturn {}\n}}", base));
        }
        if plan.recovers {
            let value = self.expr(&sig.results[0], 1).text;
            self.line(&format!(
                "defer func() {{\n\tif rec := recover(); rec != nil {{\n\t\tcs = cs*31 + 77\n\t\tr = {}\n\t}}\n}}()",
                value
            ));
        }
        let n = self.rng.gen_range(plan.stmts.0..=plan.stmts.1);
        for _ in 0..n {
            self.stmt(plan.depth);
        }
        if let Some(callee) = plan.recursive_call {
            let def = self.funcs[callee].clone();
            let args: Vec<String> = def.params[1..].iter().map(|p| self.value(p, 1)).collect();
            let mut all = vec!["d - 1".to_string()];
            all.extend(args);
            let v = self.fresh("v");
            self.line(&format!("{} := {}({})", v, def.name, all.join(", ")));
            self.declare(&v, def.results[0].clone());
        }
        self.fold_scope();
        match sig.results.len() {
            0 => {}
            1 if sig.named_result && self.chance(0.5) => self.line("return"),
            _ => {
                let values: Vec<String> = sig.results.iter().map(|t| self.value(t, 2)).collect();
                self.line(&format!("return {}", values.join(", ")));
            }
        }
        self.scopes.pop();
        let body = self.buffers.pop().unwrap_or_default();
        let (cost, writes) = self.end_frame();

        let receiver = match &sig.receiver {
            Some((s, true, name)) => format!("({} *S{}) ", name, s),
            Some((s, false, name)) => format!("({} S{}) ", name, s),
            None => String::new(),
        };
        let mut params: Vec<String> = sig.params.iter().map(|(n, t)| format!("{} {}", n, t.go())).collect();
        if let Some((xs, elem)) = &sig.variadic {
            params.push(format!("{} ...{}", xs, elem.go()));
        }
        let results = match sig.results.as_slice() {
            [] => String::new(),
            [ty] if sig.named_result => format!(" (r {})", ty.go()),
            [ty] => format!(" {}", ty.go()),
            many => format!(" ({})", many.iter().map(Ty::go).collect::<Vec<_>>().join(", ")),
        };
        let directive = if self.chance(0.08) { "//go:noinline\n" } else { "" };
        self.decls.push(format!("{}func {}{}({}){} {{\n{}}}\n", directive, receiver, sig.name, params.join(", "), results, body));
        FuncDef {
            name: sig.name,
            receiver: sig.receiver.map(|(s, pointer, _)| (s, pointer)),
            params: sig.params.into_iter().map(|(_, t)| t).collect(),
            variadic: sig.variadic.map(|(_, t)| t),
            results: sig.results,
            cost,
            recursive: plan.recursive_call.is_some(),
            writes,
        }
    }

    /// Folds the variables of the innermost scope, which stays open.
    pub(super) fn fold_scope(&mut self) {
        let vars = self.scopes.last().cloned().unwrap_or_default();
        for var in vars {
            let fold = self.fold(&var.name, &var.ty, 0);
            self.line(&fold);
        }
    }

    /// A function literal of type `ty` (a `func(...) R`).
    pub(super) fn closure(&mut self, ty: &Ty, depth: u32) -> String {
        self.closure_parts(ty, depth).0
    }

    /// A function literal of type `ty`, and whether calling it writes what
    /// its caller sees.
    pub(super) fn closure_parts(&mut self, ty: &Ty, depth: u32) -> (String, bool) {
        let Ty::Func(params, result) = ty else { unreachable!("closure of type {}", ty.go()) };
        let named: Vec<(String, Ty)> = params.iter().map(|t| (self.fresh("x"), t.clone())).collect();
        let (body, writes) = self.closure_body(&named, Some(result), depth.min(2));
        let params_text: Vec<String> = named.iter().map(|(n, t)| format!("{} {}", n, t.go())).collect();
        (format!("func({}) {} {{\n{}}}", params_text.join(", "), result.go(), body), writes)
    }

    /// The body of a function literal, indented one tab relative to the
    /// line it starts on, and whether it writes what its caller sees; its
    /// work is bounded by FUNC_VALUE_COST.
    pub(super) fn closure_body(&mut self, params: &[(String, Ty)], result: Option<&Ty>, depth: u32) -> (String, bool) {
        let saved_indent = self.indent;
        self.begin_frame(FUNC_VALUE_COST, false);
        let frame = self.frames.len() - 1;
        self.scopes.push(params.iter().map(|(n, t)| local(n, t, frame)).collect());
        self.buffers.push(String::new());
        self.indent = 1;
        let n = self.rng.gen_range(0..3);
        for _ in 0..n {
            self.stmt(depth.saturating_sub(1));
        }
        self.fold_scope();
        if let Some(result) = result {
            let value = self.value(result, 2);
            self.line(&format!("return {}", value));
        }
        self.scopes.pop();
        let body = self.buffers.pop().unwrap_or_default();
        let (_, writes) = self.end_frame();
        self.indent = saved_indent;
        (body, writes)
    }
}

fn local(name: &str, ty: &Ty, frame: usize) -> Var {
    Var { name: name.to_string(), ty: ty.clone(), frame: Some(frame), assignable: true, may_be_nil: false }
}

/// The entry of a recursive function while its body is being generated.
fn placeholder(sig: &Signature) -> FuncDef {
    FuncDef {
        name: sig.name.clone(),
        receiver: None,
        params: sig.params.iter().map(|(_, t)| t.clone()).collect(),
        variadic: None,
        results: sig.results.clone(),
        cost: u64::MAX / 4,
        recursive: true,
        writes: true,
    }
}
