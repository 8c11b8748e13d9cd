//! The random-program generator: from a seed, one valid, deterministic,
//! terminating Go program in minigo's subset, Csmith-style. It builds the
//! program top-down, type first: every expression is generated for a type,
//! from the variables in scope, the functions already generated (so calls
//! never recurse, except through the recursive functions it makes on
//! purpose, which take a depth), literals in range of their type, and
//! conversions. What keeps a program valid and well-defined:
//!
//! - a constant expression is only ever a single literal, so no constant
//!   overflows or divides by zero; every other operand is non-constant;
//! - every variable is folded into the checksum `cs` at the end of its
//!   block (so none is unused, and wrong values show), every label is used;
//! - pointers in locals are never nil, slices never empty (their producers
//!   guarantee it), indexes are reduced modulo the length of a variable;
//! - the work is estimated as the program is built (loop trip counts times
//!   callee costs) and bounded, so every program runs in milliseconds, and
//!   nothing grows without bound (assigned strings are cut by `tr`, a loop
//!   to `len(s)` leaves `s` alone);
//! - a call that writes what its caller can see is a statement of its own
//!   (see `FuncDef::writes`), so no result depends on the evaluation order
//!   that Go leaves unspecified;
//! - run-time panics (index out of range, division by zero, failed
//!   assertions, nil dereferences, explicit panics) are only generated
//!   directly in functions that recover them;
//! - no output depends on addresses or on the architecture: floats are
//!   converted to integers through a clamping helper, and products of floats
//!   are rounded by an explicit conversion (so Go's arm64 fused multiply-add
//!   cannot apply).
//!
//! The generator follows the corners named in the fuzzing issue: small
//! functions near the inlining budget and big ones over it, mid-stack call
//! chains, bounded recursion, closures capturing by value and by reference,
//! closures returned and called at once, method values and expressions,
//! struct copies, pointers to locals returned or stored in globals, slices,
//! arrays, strings, all integer widths, shifts, floats, `interface{}`,
//! variadics, labelled loops, goto, switch with fallthrough, defer and
//! recover, package variables initialized by calls; and those of the
//! interfaces-and-maps issue: method calls through interfaces (devirtualized
//! or through itabs), type switches, and maps of every kind of key (folded
//! by a sum over their entries, so that Go's random iteration order shows
//! in no output).

mod expr;
mod func;
mod stmt;
pub mod types;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use types::{IntKind, StructDef, Ty, INT, INT_KINDS};

/// Generates the program of `seed`.
pub fn generate(seed: u64) -> String {
    let mut gen = Generator::new(seed);
    gen.program();
    gen.finish()
}

/// The estimated work (statements executed) a whole program may take.
const PROGRAM_BUDGET: u64 = 3_000_000;
/// What a call through a function value is assumed to cost; closures and
/// functions used as values are kept under it.
const FUNC_VALUE_COST: u64 = 60;
/// The deepest a recursive function is called.
const MAX_RECURSION_DEPTH: u64 = 5;

/// A variable in scope.
#[derive(Clone, Debug)]
struct Var {
    name: String,
    ty: Ty,
    /// Loop variables and receivers are read, never written.
    assignable: bool,
    /// Package variables of pointer type may be nil; locals never are.
    may_be_nil: bool,
    /// The frame that declared it (None for package variables).
    frame: Option<usize>,
}

/// A function or method the generated code can call.
#[derive(Clone, Debug)]
struct FuncDef {
    name: String,
    /// The struct a method belongs to, and whether its receiver is a pointer.
    receiver: Option<(usize, bool)>,
    params: Vec<Ty>,
    /// The element type of a final `...T` parameter.
    variadic: Option<Ty>,
    results: Vec<Ty>,
    /// Estimated work of one call.
    cost: u64,
    /// Recursive functions take a depth as their first parameter.
    recursive: bool,
    /// A call may assign variables its caller can see (package variables
    /// other than `cs`, captured variables, memory behind pointers and
    /// slices). Go leaves the order of such writes and the reads of the
    /// same expression unspecified (gc hoists calls, except inlined ones),
    /// so these calls are only made as statements of their own.
    writes: bool,
}

impl FuncDef {
    /// The function's type when it is used as a value (plain functions
    /// with one result and no variadic parameter).
    fn value_type(&self) -> Option<Ty> {
        if self.variadic.is_some() || self.results.len() != 1 || self.recursive {
            return None;
        }
        Some(Ty::Func(self.params.clone(), Box::new(self.results[0].clone())))
    }
}

/// What is being generated: a function or a closure inside one.
#[derive(Debug)]
struct Frame {
    /// Work estimated so far, and the most allowed.
    cost: u64,
    budget: u64,
    /// How many times the current statement runs per call (loop trip
    /// counts multiplied).
    mult: u64,
    /// Labels of the enclosing loops that `break` / `continue` may name;
    /// `None` stands for an unlabelled loop.
    loops: Vec<Option<String>>,
    /// The function recovers its panics: risky operations are allowed.
    recovers: bool,
    /// The code so far assigns something its callers can see (see
    /// `FuncDef::writes`).
    writes: bool,
}

struct Generator {
    rng: ChaCha8Rng,
    structs: Vec<StructDef>,
    /// Methods per struct, as indexes into `funcs`.
    funcs: Vec<FuncDef>,
    /// Package variables any function may use.
    globals: Vec<Var>,
    /// Declarations written so far, in order.
    decls: Vec<String>,
    /// Block scopes of the code being generated, innermost last.
    scopes: Vec<Vec<Var>>,
    frames: Vec<Frame>,
    /// The text being generated: one buffer per function literal in progress.
    buffers: Vec<String>,
    indent: usize,
    next_name: usize,
}

impl Generator {
    fn new(seed: u64) -> Generator {
        Generator {
            rng: ChaCha8Rng::seed_from_u64(seed),
            structs: Vec::new(),
            funcs: Vec::new(),
            globals: Vec::new(),
            decls: Vec::new(),
            scopes: Vec::new(),
            frames: Vec::new(),
            buffers: Vec::new(),
            indent: 0,
            next_name: 0,
        }
    }

    fn finish(self) -> String {
        let mut out = String::from("// Code generated by minigo-fuzz. DO NOT EDIT.\n\npackage main\n");
        for decl in &self.decls {
            out.push('\n');
            out.push_str(decl);
        }
        out
    }

    /// The whole program: types, package variables, functions, package
    /// variables initialized by calls, init and main.
    fn program(&mut self) {
        self.decls.push(PRELUDE.to_string());
        self.globals.push(Var { name: "g0".into(), ty: INT, assignable: true, may_be_nil: false, frame: None });
        self.globals.push(Var { name: "gs".into(), ty: Ty::Str, assignable: true, may_be_nil: false, frame: None });
        self.struct_types();
        self.package_vars();
        let n_funcs = self.rng.gen_range(4..16);
        for _ in 0..n_funcs {
            self.function();
        }
        self.initialized_vars();
        self.main();
    }

    fn struct_types(&mut self) {
        let n = self.rng.gen_range(1..4);
        for i in 0..n {
            let n_fields = self.rng.gen_range(1..5);
            let mut fields = Vec::new();
            for f in 0..n_fields {
                let ty = if self.rng.gen_bool(0.2) {
                    let len = *[1, 2, 4, 8, 20].get(self.rng.gen_range(0..5)).unwrap_or(&2);
                    Ty::Array(len, Box::new(self.scalar_type()))
                } else {
                    self.scalar_type()
                };
                fields.push((format!("f{}", f), ty));
            }
            // An embedded earlier struct (at most one, so nothing it promotes
            // is ambiguous): its methods join this type's method set, which
            // gives gc's promoted-method wrappers; it is used as the field Sj.
            if i > 0 && self.rng.gen_bool(0.4) {
                let j = self.rng.gen_range(0..i);
                let at = self.rng.gen_range(0..=fields.len());
                fields.insert(at, (format!("S{}", j), Ty::Struct(j)));
            }
            let def = StructDef { fields };
            let body: Vec<String> = def
                .fields
                .iter()
                .map(|(name, ty)| if *name == ty.go() { format!("\t{}\n", name) } else { format!("\t{} {}\n", name, ty.go()) })
                .collect();
            self.decls.push(format!("type S{} struct {{\n{}}}\n", i, body.concat()));
            self.structs.push(def);
        }
    }

    /// Package variables with constant initializers (or none), read and
    /// written by any function; pointer variables among them start nil.
    fn package_vars(&mut self) {
        let n = self.rng.gen_range(1..5);
        for _ in 0..n {
            let name = self.fresh("g");
            let ty = self.var_type();
            let decl = if self.rng.gen_bool(0.5) && (ty.is_scalar() || matches!(ty, Ty::Struct(_) | Ty::Array(..))) {
                format!("var {} {}\n", name, ty.go())
            } else {
                let init = self.const_init(&ty);
                format!("var {} {} = {}\n", name, ty.go(), init)
            };
            self.decls.push(decl);
            self.globals.push(Var { name, ty, assignable: true, may_be_nil: false, frame: None });
        }
        for _ in 0..self.rng.gen_range(0..3) {
            let name = self.fresh("gp");
            let elem = self.scalar_or_struct_type();
            let ty = Ty::Ptr(Box::new(elem));
            self.decls.push(format!("var {} {}\n", name, ty.go()));
            self.globals.push(Var { name, ty, assignable: true, may_be_nil: true, frame: None });
        }
    }

    /// A package-level initializer without calls: literals only, so that
    /// no function depends on the initialization order.
    fn const_init(&mut self, ty: &Ty) -> String {
        match ty {
            Ty::Int(_) | Ty::Float | Ty::Bool | Ty::Str => self.literal(ty),
            Ty::Struct(i) => {
                let fields = self.structs[*i].fields.clone();
                let elems: Vec<String> = fields.iter().map(|(name, fty)| format!("{}: {}", name, self.const_init(fty))).collect();
                format!("S{}{{{}}}", i, elems.join(", "))
            }
            Ty::Array(n, elem) => {
                let k = self.rng.gen_range(0..=(*n).min(4));
                let elems: Vec<String> = (0..k).map(|_| self.const_init(elem)).collect();
                format!("{}{{{}}}", ty.go(), elems.join(", "))
            }
            Ty::Slice(elem) => {
                let k = self.rng.gen_range(1..4);
                let elems: Vec<String> = (0..k).map(|_| self.const_init(elem)).collect();
                format!("{}{{{}}}", ty.go(), elems.join(", "))
            }
            Ty::Any => format!("interface{{}}({})", self.literal(&INT)),
            Ty::Ptr(_) | Ty::Func(..) => unreachable!("no constant initializer for {}", ty.go()),
        }
    }

    /// Package variables initialized by calls, in a random dependency
    /// order among themselves, read only by main (so no function depends
    /// on them and no initialization cycle can form).
    fn initialized_vars(&mut self) {
        let n = self.rng.gen_range(0..4);
        let mut made: Vec<Var> = Vec::new();
        let mut texts = Vec::new();
        for _ in 0..n {
            let ty = self.scalar_type();
            self.begin_frame(20_000, false);
            self.scopes.push(made.clone());
            let init = self.expr(&ty, 3).text;
            self.scopes.pop();
            self.end_frame();
            let name = self.fresh("h");
            texts.push(format!("var {} {} = {}\n", name, ty.go(), init));
            made.push(Var { name, ty, assignable: false, may_be_nil: false, frame: None });
        }
        // Declared in reverse, so Go must order them by their dependencies.
        if self.rng.gen_bool(0.5) {
            texts.reverse();
        }
        self.decls.extend(texts);
        self.globals.extend(made);
    }

    fn main(&mut self) {
        self.begin_frame(PROGRAM_BUDGET, false);
        self.scopes.push(Vec::new());
        self.buffers.push(String::new());
        self.indent = 1;
        if self.rng.gen_bool(0.3) {
            self.decls.push("func init() {\n\tcs += 11\n}\n".to_string());
        }
        let n_calls = self.rng.gen_range(3..10);
        for _ in 0..n_calls {
            if self.rng.gen_bool(0.3) {
                self.stmt(2);
            } else {
                self.call_stmt_to_recent();
            }
        }
        self.close_scope();
        self.line("println(cs)");
        let body = self.buffers.pop().unwrap_or_default();
        self.end_frame();
        self.decls.push(format!("func main() {{\n{}}}\n", body));
    }

    /// A call of one of the last functions generated (main's work is to
    /// reach the tops of the call chains), its results folded into `cs`.
    fn call_stmt_to_recent(&mut self) {
        let n = self.funcs.len();
        if n == 0 {
            return;
        }
        let from = n.saturating_sub(4);
        let index = self.rng.gen_range(from..n);
        if let Some(call) = self.call_text(index, 2) {
            self.fold_call_results(index, call);
        }
    }

    // ---- names, randomness, text ----

    fn fresh(&mut self, prefix: &str) -> String {
        self.next_name += 1;
        format!("{}{}", prefix, self.next_name)
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.gen_bool(p)
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> Option<T> {
        if items.is_empty() {
            return None;
        }
        Some(items[self.rng.gen_range(0..items.len())].clone())
    }

    fn line(&mut self, text: &str) {
        let indent = "\t".repeat(self.indent);
        if let Some(buffer) = self.buffers.last_mut() {
            for line in text.lines() {
                buffer.push_str(&indent);
                buffer.push_str(line);
                buffer.push('\n');
            }
        }
    }

    /// A label at the left margin, as gofmt puts it.
    fn label(&mut self, name: &str) {
        let indent = "\t".repeat(self.indent.saturating_sub(1));
        if let Some(buffer) = self.buffers.last_mut() {
            buffer.push_str(&format!("{}{}:\n", indent, name));
        }
    }

    // ---- types ----

    fn scalar_type(&mut self) -> Ty {
        match self.rng.gen_range(0..10) {
            0..=5 => {
                let kinds = [IntKind::Int, IntKind::Int, IntKind::Int64, IntKind::Uint8];
                if self.chance(0.5) {
                    Ty::Int(kinds[self.rng.gen_range(0..kinds.len())])
                } else {
                    Ty::Int(INT_KINDS[self.rng.gen_range(0..INT_KINDS.len())])
                }
            }
            6 => Ty::Float,
            7 => Ty::Bool,
            _ => Ty::Str,
        }
    }

    fn scalar_or_struct_type(&mut self) -> Ty {
        if self.chance(0.3) && !self.structs.is_empty() {
            Ty::Struct(self.rng.gen_range(0..self.structs.len()))
        } else {
            self.scalar_type()
        }
    }

    /// A type for a variable: mostly scalars, sometimes composites.
    fn var_type(&mut self) -> Ty {
        match self.rng.gen_range(0..20) {
            0..=11 => self.scalar_type(),
            12 | 13 if !self.structs.is_empty() => Ty::Struct(self.rng.gen_range(0..self.structs.len())),
            14 => {
                let len = [1, 3, 4, 8, 20][self.rng.gen_range(0..5)];
                Ty::Array(len, Box::new(self.scalar_type()))
            }
            15 | 16 => Ty::Slice(Box::new(self.scalar_or_struct_type())),
            17 => Ty::Any,
            _ => self.scalar_type(),
        }
    }

    /// A type for locals, parameters and results: variable types, pointers
    /// and function values.
    fn local_type(&mut self) -> Ty {
        match self.rng.gen_range(0..12) {
            0 => Ty::Ptr(Box::new(self.scalar_or_struct_type())),
            1 => self.func_type(),
            _ => self.var_type(),
        }
    }

    fn func_type(&mut self) -> Ty {
        let n = self.rng.gen_range(0..3);
        let params = (0..n).map(|_| self.scalar_type()).collect();
        Ty::Func(params, Box::new(self.scalar_type()))
    }

    // ---- frames and scopes ----

    fn begin_frame(&mut self, budget: u64, recovers: bool) {
        self.frames.push(Frame { cost: 0, writes: false, budget, mult: 1, loops: Vec::new(), recovers });
    }

    /// Ends the innermost frame: its work (at least 1) and whether it writes.
    fn end_frame(&mut self) -> (u64, bool) {
        self.frames.pop().map_or((0, false), |frame| (frame.cost.max(1), frame.writes))
    }

    /// Notes an assignment to `var`: a write callers can see unless the
    /// variable is the current frame's own (or the checksum).
    fn note_write(&mut self, var: &Var) {
        let here = self.frames.len().checked_sub(1);
        if var.frame != here && var.name != "cs" {
            self.frame().writes = true;
        }
    }

    /// Notes a write callers may see (through a pointer or slice, or by a
    /// call of a function that writes).
    fn note_shared_write(&mut self) {
        self.frame().writes = true;
    }

    fn frame(&mut self) -> &mut Frame {
        self.frames.last_mut().expect("a frame is open while generating code")
    }

    /// Whether `work` more units (per run of the current statement) fit the
    /// function's budget; if so they are counted.
    fn spend(&mut self, work: u64) -> bool {
        let frame = self.frame();
        let total = work.saturating_mul(frame.mult);
        if frame.cost.saturating_add(total) > frame.budget {
            return false;
        }
        frame.cost += total;
        true
    }

    fn declare(&mut self, name: &str, ty: Ty) {
        self.declare_var(name, ty, true);
    }

    fn declare_readonly(&mut self, name: &str, ty: Ty) {
        self.declare_var(name, ty, false);
    }

    /// A local of the innermost scope, declared by the current frame.
    fn declare_var(&mut self, name: &str, ty: Ty, assignable: bool) {
        let frame = self.frames.len().checked_sub(1);
        let var = Var { name: name.to_string(), ty, assignable, may_be_nil: false, frame };
        if let Some(scope) = self.scopes.last_mut() {
            scope.push(var);
        }
    }

    /// Ends a block: every variable it declared is folded into `cs`.
    fn close_scope(&mut self) {
        let vars = self.scopes.pop().unwrap_or_default();
        for var in vars {
            let fold = self.fold(&var.name, &var.ty, 0);
            self.line(&fold);
        }
    }

    /// The variables in scope (locals innermost first, then package
    /// variables) whose type is `ty`.
    fn vars_of(&self, ty: &Ty) -> Vec<Var> {
        let mut found: Vec<Var> = self.scopes.iter().rev().flat_map(|scope| scope.iter()).filter(|v| &v.ty == ty).cloned().collect();
        found.extend(self.globals.iter().filter(|v| &v.ty == ty && !v.may_be_nil).cloned());
        found
    }

    fn all_vars(&self) -> Vec<Var> {
        let mut found: Vec<Var> = self.scopes.iter().flat_map(|scope| scope.iter()).cloned().collect();
        found.extend(self.globals.iter().filter(|v| !v.may_be_nil).cloned());
        found
    }
}

/// What every program starts with: the checksum, two variables that make
/// any operand non-constant, the string cut that keeps assigned strings
/// short (a string assigned from itself in a loop would grow without
/// bound), and the float-to-integer clamp.
const PRELUDE: &str = "var cs uint64

var g0 int = 7

var gs string = \"go\"

func tr(s string) string {
	if len(s) > 40 {
		return s[:40]
	}
	return s
}

func fi(f float64) int64 {
\tif f > -1e15 && f < 1e15 {
\t\treturn int64(f * 1000)
\t}
\tif f != f {
\t\treturn 1
\t}
\treturn 2
}
";
