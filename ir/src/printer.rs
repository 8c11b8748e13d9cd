//! gc's IR formatter (`cmd/compile/internal/ir/fmt.go`, non-export mode) for
//! the `as:` text of `-m=2`: a function's type, then its body as statements
//! joined by `; `. Loops print `for loop`, switches `switch statement`,
//! constants their source text, method calls in method-expression form, and
//! nodes the type checker inserted (implicit `&`, `*`, conversions) not at all.

use crate::ir::*;

/// `func(int) int { return x * 2 }`, or `method(*T) func() { ... }` for a method.
pub fn as_text(pkg: &Package, func: &Func) -> String {
    let printer = Printer { pkg, func, desugared: &|_| false };
    let mut out = printer.func_type();
    out.push_str(" { ");
    out.push_str(&printer.stmt_list(&func.body));
    out.push_str(" }");
    out
}

/// A statement or expression of `func` as gc's `%v` prints it in escape
/// diagnostics. The calls and `recover()`s escape analysis has visited
/// (`desugared`) print as it leaves them: a variadic call passes its extra
/// arguments as one slice (`f(... argument...)`), and `recover()` is a node
/// the formatter does not know (`<node RECOVERFP>`).
pub fn node_text(pkg: &Package, func: &Func, id: NodeId, desugared: &dyn Fn(NodeId) -> bool) -> String {
    Printer { pkg, func, desugared }.stmt(id)
}

/// The type gc prints for a function: methods as `method(R) func(...)`.
pub fn func_type_text(pkg: &Package, func: &Func) -> String {
    Printer { pkg, func, desugared: &|_| false }.func_type()
}

struct Printer<'a> {
    pkg: &'a Package,
    func: &'a Func,
    /// The nodes to print as escape analysis leaves them (`FixVariadicCall`, `fixRecoverCall`).
    desugared: &'a dyn Fn(NodeId) -> bool,
}

impl Printer<'_> {
    fn types(&self) -> &TypeTable {
        &self.pkg.types
    }

    fn func_type(&self) -> String {
        let Some(sig) = self.types().signature(self.func.sig) else { return "func()".to_string() };
        let mut out = String::new();
        if self.func.method_of.is_some() && !sig.params.is_empty() {
            let recv = self.types().display(sig.params[0]);
            let rest = Signature { params: sig.params[1..].to_vec(), results: sig.results.clone(), variadic: sig.variadic };
            out.push_str(&format!("method({}) func", recv));
            self.types().write_signature(&mut out, &rest);
        } else {
            out.push_str("func");
            self.types().write_signature(&mut out, sig);
        }
        out
    }

    fn node(&self, id: NodeId) -> &Node {
        self.func.node(id)
    }

    /// Statements joined by `; `, nested blocks flattened (an empty block
    /// prints nothing, as gc prints none).
    fn stmt_list(&self, list: &[NodeId]) -> String {
        let parts: Vec<String> = list.iter().map(|s| self.var_decls(*s) + &self.stmt(*s)).filter(|text| !text.is_empty()).collect();
        parts.join("; ")
    }

    fn expr_list(&self, list: &[NodeId]) -> String {
        let parts: Vec<String> = list.iter().map(|e| self.expr(*e, 0)).collect();
        parts.join(", ")
    }

    fn opt_list(&self, list: &[Option<NodeId>]) -> String {
        let parts: Vec<String> = list.iter().map(|e| e.map(|e| self.expr(e, 0)).unwrap_or_else(|| "_".to_string())).collect();
        parts.join(", ")
    }

    /// gc's `simpleinit`: exactly one init statement that has no init of its own.
    fn simple_init(&self, node: &Node) -> Option<NodeId> {
        match node.init.as_slice() {
            [only] if self.node(*only).init.is_empty() => Some(*only),
            _ => None,
        }
    }

    /// The `var` declarations in front of the assignment of a `var` spec
    /// (gc keeps them as statements of their own; compiler temporaries,
    /// named with a leading dot, are not declared in the source).
    fn var_decls(&self, stmt: NodeId) -> String {
        let node = self.node(stmt);
        if !matches!(node.op, Op::Assign { define: false, .. } | Op::Assign2 { define: false, .. }) {
            return String::new();
        }
        let mut out = String::new();
        for stmt in &node.init {
            if let Op::Decl(l) = self.node(*stmt).op {
                if !self.func.local(l).name.starts_with('.') {
                    out.push_str(&self.stmt(*stmt));
                    out.push_str("; ");
                }
            }
        }
        out
    }

    fn stmt(&self, id: NodeId) -> String {
        let node = self.node(id);
        match &node.op {
            Op::Decl(l) => {
                let local = self.func.local(*l);
                format!("var {} {}", local.name, self.types().display(local.ty))
            }
            Op::Assign { lhs, rhs, define } => {
                let r = rhs.map(|r| self.expr(r, 0)).unwrap_or_else(|| "<nil>".to_string());
                let op = if *define { ":=" } else { "=" };
                format!("{} {} {}", self.expr(*lhs, 0), op, r)
            }
            Op::Assign2 { lhs, rhs, define } => {
                let op = if *define { ":=" } else { "=" };
                format!("{} {} {}", self.opt_list(lhs), op, self.expr_list(rhs))
            }
            Op::AssignOp { op, lhs, rhs, .. } => format!("{} {}= {}", self.expr(*lhs, 0), binop_text(*op), self.expr(*rhs, 0)),
            Op::Block(list) => self.stmt_list(list),
            Op::Return(values) => format!("return {}", self.expr_list(values)),
            Op::If { cond, then, els } => {
                let mut out = match self.simple_init(node) {
                    Some(init) => format!("if {}; {} {{ {} }}", self.stmt(init), self.expr(*cond, 0), self.stmt_list(then)),
                    None => format!("if {} {{ {} }}", self.expr(*cond, 0), self.stmt_list(then)),
                };
                if !els.is_empty() {
                    out.push_str(&format!(" else {{ {} }}", self.stmt_list(els)));
                }
                out
            }
            Op::For { .. } | Op::Range { .. } => "for loop".to_string(),
            Op::Switch { .. } => "switch statement".to_string(),
            Op::Select { .. } => "select statement".to_string(),
            // OSEND is printed as a binary expression of precedence 3.
            Op::Send { ch, value } => format!("{} <- {}", self.expr(*ch, 3), self.expr(*value, 4)),
            Op::Close(x) => format!("close({})", self.expr(*x, 0)),
            Op::Go(x) => format!("go {}", self.stmt(*x)),
            Op::Label(name) => format!("{}: ", name),
            Op::Branch { op, label } => {
                let word = match op {
                    BranchOp::Break => "break",
                    BranchOp::Continue => "continue",
                    BranchOp::Goto => "goto",
                    BranchOp::Fallthrough => "fallthrough",
                };
                match label {
                    Some(l) => format!("{} {}", word, l),
                    None => word.to_string(),
                }
            }
            Op::ExprStmt(x) => self.expr(*x, 0),
            Op::Panic(x) => format!("panic({})", self.expr(*x, 0)),
            Op::Delete(m, key) => format!("delete({}, {})", self.expr(*m, 0), self.expr(*key, 0)),
            Op::Defer(x) => format!("defer {}", self.stmt(*x)),
            Op::Print { args, newline } => {
                let args = match self.multi_value_source(node, args) {
                    Some(call) => self.orig_call(call),
                    None => self.expr_list(args),
                };
                format!("{}({})", if *newline { "println" } else { "print" }, args)
            }
            Op::DeclType => "<node DCLTYPE>".to_string(),
            Op::DeclConst => "<node DCLCONST>".to_string(),
            _ => self.expr(id, 0),
        }
    }

    /// For `f(g())` (or `append(g())`, `complex(g())`) with a multi-value
    /// `g`, which the lowering rewrote as gc's
    /// typecheck does (`t1, t2 = g()` in the init list, arguments `t1, t2`):
    /// the call `g()`, which gc prints in place of the temporaries (its `Orig`).
    fn multi_value_source(&self, node: &Node, args: &[NodeId]) -> Option<NodeId> {
        let [assign] = node.init.as_slice() else { return None };
        let Op::Assign2 { lhs, rhs, .. } = &self.node(*assign).op else { return None };
        let [call] = rhs.as_slice() else { return None };
        let temps: Vec<&Op> = lhs.iter().flatten().map(|l| &self.node(*l).op).collect();
        let arg_ops: Vec<&Op> = args.iter().map(|a| &self.node(self.visible(*a)).op).collect();
        let same = temps.len() == arg_ops.len()
            && temps.iter().zip(&arg_ops).all(|(t, a)| matches!((t, a), (Op::Local(x), Op::Local(y)) if x == y));
        same.then_some(*call)
    }

    /// The call a multi-value rewrite keeps as its `Orig`, as it read
    /// before inlining.
    fn orig_call(&self, call: NodeId) -> String {
        match &self.node(call).op {
            Op::InlinedCall { orig, .. } => orig.clone(),
            _ => self.expr(call, 0),
        }
    }

    /// The node gc prints for `id`: implicit conversions and address/deref operations are skipped.
    fn visible(&self, mut id: NodeId) -> NodeId {
        loop {
            let node = self.node(id);
            match &node.op {
                Op::Addr(x) | Op::Deref(x) | Op::Conv(_, x) if node.implicit => id = *x,
                _ => return id,
            }
        }
    }

    fn expr(&self, id: NodeId, prec: u8) -> String {
        let id = self.visible(id);
        let node = self.node(id);
        let own = precedence(self.func, node);
        if prec > own {
            return format!("({})", self.expr(id, 0));
        }
        let t = self.types();
        match &node.op {
            Op::Local(l) => self.func.local(*l).name.clone(),
            Op::Global(g) => self.pkg.globals[g.0 as usize].name.clone(),
            Op::Func(f) => self.pkg.func(*f).name.clone(),
            Op::Const { text, .. } => text.clone(),
            Op::Nil => "nil".to_string(),
            Op::Blank => "_".to_string(),
            Op::Binary(op, l, r) => format!("{} {} {}", self.expr(*l, own), binop_text(*op), self.expr(*r, own + 1)),
            Op::Unary(op, x) => {
                let sym = match op {
                    UnOp::Neg => "-",
                    UnOp::Plus => "+",
                    UnOp::Not => "!",
                    UnOp::BitNot => "^",
                };
                let inner = self.node(self.visible(*x));
                let space = matches!(&inner.op, Op::Unary(o, _) if o == op);
                format!("{}{}{}", sym, if space { " " } else { "" }, self.expr(*x, own + 1))
            }
            Op::AddStr(parts) => {
                let texts: Vec<String> = parts.iter().map(|p| self.expr(*p, own)).collect();
                texts.join(" + ")
            }
            Op::Addr(x) => {
                let inner = self.node(self.visible(*x));
                let space = matches!(inner.op, Op::Addr(_));
                format!("&{}{}", if space { " " } else { "" }, self.expr(*x, own + 1))
            }
            Op::Deref(x) => format!("*{}", self.expr(*x, own + 1)),
            Op::Field(x, i) | Op::FieldPtr(x, i) => {
                let base_ty = self.node(*x).ty;
                let st = t.pointer_elem(base_ty).filter(|_| matches!(node.op, Op::FieldPtr(..))).unwrap_or(base_ty);
                let name = t.struct_fields(st).map(|f| f[*i as usize].name.clone()).unwrap_or_default();
                format!("{}.{}", self.expr(*x, own), name)
            }
            Op::Index(x, i) => format!("{}[{}]", self.expr(*x, own), self.expr(*i, 0)),
            Op::Slice { x, lo, hi, max } => {
                let mut out = format!("{}[", self.expr(*x, own));
                if let Some(lo) = lo {
                    out.push_str(&self.expr(*lo, 0));
                }
                out.push(':');
                if let Some(hi) = hi {
                    out.push_str(&self.expr(*hi, 0));
                }
                if max.is_some() {
                    out.push(':');
                    out.push_str(&self.expr(max.expect("max"), 0));
                }
                out.push(']');
                out
            }
            Op::Call { callee, args, .. } if self.multi_value_source(node, args).is_some() => {
                let call = self.multi_value_source(node, args).expect("checked");
                format!("{}({})", self.expr(*callee, own), self.orig_call(call))
            }
            // A devirtualized call, x.(T).M(args) as gc keeps it until
            // escape analysis rewrites it to T.M(x.(T), args) (desugared).
            Op::Call { callee, args, .. } if is_devirtualized_call(self.pkg, self.func, id) && !(self.desugared)(id) => {
                let Op::Func(method) = self.node(*callee).op else { unreachable!("checked") };
                let name = self.pkg.func(method).name.rsplit('.').next().unwrap_or("").to_string();
                let rest: Vec<String> = args[1..].iter().map(|a| self.expr(*a, 0)).collect();
                format!("{}.{}({})", self.expr(args[0], own), name, rest.join(", "))
            }
            Op::Call { callee, args, ddd } => {
                let callee_text = self.expr(*callee, own);
                let mut arg_texts: Vec<String> = Vec::new();
                let mut ddd = *ddd;
                for a in args {
                    // The `...` slice of a variadic call is built later in gc: before, print its elements.
                    match &self.node(*a).op {
                        Op::CompositeLit(_) if self.node(*a).implicit && (self.desugared)(id) => {
                            arg_texts.push("... argument".to_string());
                            ddd = true;
                        }
                        Op::Nil if self.node(*a).implicit && (self.desugared)(id) => {
                            arg_texts.push("nil".to_string());
                            ddd = true;
                        }
                        Op::CompositeLit(elems) if self.node(*a).implicit => arg_texts.extend(elems.iter().map(|(_, e)| self.expr(*e, 0))),
                        Op::Nil if self.node(*a).implicit => {}
                        _ => arg_texts.push(self.expr(*a, 0)),
                    }
                }
                format!("{}({}{})", callee_text, arg_texts.join(", "), if ddd { "..." } else { "" })
            }
            Op::MethodValue { recv, method } => {
                let name = self.pkg.func(*method).name.rsplit('.').next().unwrap_or("").to_string();
                format!("{}.{}", self.expr(*recv, own), name)
            }
            Op::Type => t.display(node.ty),
            Op::TypeSwitchGuard { x, .. } => format!("{}.(type)", self.expr(*x, own)),
            Op::DotInter { x, method } | Op::IfaceMethodValue { x, method } => {
                let x_ty = self.func.node(*x).ty;
                let name = t.iface_methods(x_ty).map_or("", |ms| ms[*method as usize].name.as_str());
                format!("{}.{}", self.expr(*x, own), name)
            }
            Op::Conv(_, x) => {
                let target = if t.is_named(node.ty) || matches!(t.kind(node.ty), TypeKind::Basic(_)) {
                    t.display(node.ty)
                } else {
                    format!("({})", t.display(node.ty))
                };
                format!("{}({})", target, self.expr(*x, 0))
            }
            Op::TypeAssert { x, .. } => {
                let target = match t.kind(node.ty) {
                    TypeKind::Tuple(ts) => ts[0],
                    _ => node.ty,
                };
                format!("{}.({})", self.expr(*x, own), t.display(target))
            }
            Op::Len(x) => format!("len({})", self.expr(*x, 0)),
            Op::Complex(re, im) => match self.multi_value_source(node, &[*re, *im]) {
                Some(call) => format!("complex({})", self.orig_call(call)),
                None => format!("complex({}, {})", self.expr(*re, 0), self.expr(*im, 0)),
            },
            Op::Real(x) => format!("real({})", self.expr(*x, 0)),
            Op::Imag(x) => format!("imag({})", self.expr(*x, 0)),
            Op::Cap(x) => format!("cap({})", self.expr(*x, 0)),
            Op::Append { args, .. } if self.multi_value_source(node, args).is_some() => {
                let call = self.multi_value_source(node, args).expect("checked");
                format!("append({})", self.orig_call(call))
            }
            Op::Append { args, ddd } => format!("append({}{})", self.expr_list(args), if *ddd { "..." } else { "" }),
            Op::Copy(a, b) => format!("copy({}, {})", self.expr(*a, 0), self.expr(*b, 0)),
            Op::MakeMap { hint: size } | Op::MakeChan { size } if self.func.node(*size).implicit => format!("make({})", t.display(node.ty)),
            Op::MakeMap { hint: size } | Op::MakeChan { size } => format!("make({}, {})", t.display(node.ty), self.expr(*size, 0)),
            // A unary operator: `<- (<-c)` for a receive of a receive.
            Op::Recv { ch, .. } => {
                let space = matches!(self.node(self.visible(*ch)).op, Op::Recv { .. });
                format!("<-{}{}", if space { " " } else { "" }, self.expr(*ch, own + 1))
            }
            Op::MapLit(entries) => format!("{}{{{}}}", t.display(node.ty), if entries.is_empty() { "" } else { "..." }),
            Op::IndexMap { m, key, .. } => format!("{}[{}]", self.expr(*m, own), self.expr(*key, 0)),
            Op::New => format!("new({})", t.pointer_elem(node.ty).map(|e| t.display(e)).unwrap_or_default()),
            Op::MakeSlice { len, cap } => match cap {
                Some(c) => format!("make({}, {}, {})", t.display(node.ty), self.expr(*len, 0), self.expr(*c, 0)),
                None => format!("make({}, {})", t.display(node.ty), self.expr(*len, 0)),
            },
            // The slice of a variadic call's extra arguments, made (by inlining).
            Op::CompositeLit(_) if node.implicit => "... argument".to_string(),
            Op::CompositeLit(elems) => format!("{}{{{}}}", t.display(node.ty), if elems.is_empty() { "" } else { "..." }),
            Op::Closure(_) => "func literal".to_string(),
            Op::Recover if (self.desugared)(id) => "<node RECOVERFP>".to_string(),
            Op::Recover => "recover()".to_string(),
            Op::InlinedCall { results, .. } => match results.as_slice() {
                [one] => self.expr(*one, 0),
                many => format!("(.{})", self.expr_list(many)),
            },
            _ => self.stmt(id),
        }
    }
}

/// A method call devirtualize made from an interface call: its callee is
/// an implicit method name.
fn is_devirtualized_call(pkg: &Package, func: &Func, id: NodeId) -> bool {
    let Op::Call { callee, .. } = &func.node(id).op else { return false };
    let callee = func.node(*callee);
    matches!(callee.op, Op::Func(f) if callee.implicit && pkg.func(f).method_of.is_some())
}

/// gc's `OpPrec` for the node kinds minigo has; ops it leaves out of the
/// table (OADDSTR, OPTRLIT, OCLOSURE, OINLCALL, ORECOVER) have 0, so they
/// are parenthesized as operands and print their own operands bare.
fn precedence(func: &Func, node: &Node) -> u8 {
    match &node.op {
        Op::Addr(x) if func.node(*x).op.is_composite_lit() => 0,
        Op::Unary(..) | Op::Addr(_) | Op::Deref(_) | Op::Recv { .. } => 7,
        Op::Binary(op, ..) => binop_precedence(*op),
        Op::Const { prec, .. } => *prec,
        Op::AddStr(_) | Op::Closure(_) | Op::InlinedCall { .. } | Op::Recover | Op::Complex(..) | Op::Real(_) | Op::Imag(_) => 0,
        _ => 8,
    }
}

/// gc's `OpPrec` of a binary operator.
pub fn binop_precedence(op: BinOp) -> u8 {
    match op {
        BinOp::Mul | BinOp::Div | BinOp::Mod | BinOp::Shl | BinOp::Shr | BinOp::And | BinOp::AndNot => 6,
        BinOp::Add | BinOp::Sub | BinOp::Or | BinOp::Xor => 5,
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => 4,
        BinOp::AndAnd => 2,
        BinOp::OrOr => 1,
    }
}

pub fn binop_text(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::Mod => "%",
        BinOp::And => "&",
        BinOp::Or => "|",
        BinOp::Xor => "^",
        BinOp::AndNot => "&^",
        BinOp::Shl => "<<",
        BinOp::Shr => ">>",
        BinOp::Eq => "==",
        BinOp::Ne => "!=",
        BinOp::Lt => "<",
        BinOp::Le => "<=",
        BinOp::Gt => ">",
        BinOp::Ge => ">=",
        BinOp::AndAnd => "&&",
        BinOp::OrOr => "||",
    }
}
