//! Statements: declarations in function bodies, assignments and `:=`,
//! returns, if/for/switch/range, and the terminating-statement rule behind
//! `missing return` (types2's stmt.go, assignments.go, decl.go, return.go).
//! Labels and branch statements are checked before, in `check/branches.rs`.

use super::expr::{strip_parens, Operand};
use super::*;
use crate::diag::Note;

impl<'a> Checker<'a> {
    pub(crate) fn stmts(&mut self, list: &[Stmt]) {
        for s in list {
            self.stmt(s);
        }
    }

    /// Declares a local variable in the innermost scope; it is reported if never used.
    pub(crate) fn declare_local(&mut self, ident: &Ident, ty: TypeId) -> ObjId {
        let (id, declared) = self.declare_checked(ident, ObjKind::Var, ty);
        if declared {
            self.record_local(id);
        }
        id
    }

    /// Checks a statement; the bodies of the func literals in it are
    /// checked at its end, as types2 does (before the scope changes).
    fn stmt(&mut self, s: &Stmt) {
        let top = self.delayed.len();
        self.stmt_inner(s);
        self.process_delayed(top);
    }

    fn stmt_inner(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Empty | StmtKind::Branch(..) => {}
            StmtKind::Var(specs) => {
                for spec in specs {
                    let top = self.delayed.len();
                    let types = self.var_spec(spec, None);
                    self.process_delayed(top);
                    for (name, (t, used)) in spec.names.iter().zip(types) {
                        self.check_size(name.pos, t);
                        let id = self.declare_local(name, t);
                        if used {
                            self.objects[id as usize].used = true;
                        }
                    }
                }
            }
            StmtKind::Const(specs) => {
                for (si, spec) in specs.iter().enumerate() {
                    let top = self.delayed.len();
                    let results: Vec<(TypeId, Option<Value>)> =
                        (0..spec.names.len()).map(|ni| self.const_spec_name(specs, si, ni)).collect();
                    self.const_arity(specs, si);
                    self.process_delayed(top);
                    for (name, (t, v)) in spec.names.iter().zip(results) {
                        let id = self.declare(name, ObjKind::Const(v.unwrap_or(Value::int(0))), t);
                        self.objects[id as usize].used = true;
                    }
                }
            }
            StmtKind::Type(specs) => {
                for spec in specs {
                    if spec.alias {
                        let t = self.resolve_type(&spec.ty);
                        let id = self.declare(&spec.name, ObjKind::TypeName, t);
                        self.objects[id as usize].used = true;
                    } else {
                        let named = self.types.new_named(&spec.name.name, u32::MAX);
                        let id = self.declare(&spec.name, ObjKind::TypeName, named);
                        self.objects[id as usize].used = true;
                        let under = self.resolve_declared_type(named, &spec.ty);
                        self.types.set_underlying(named, under);
                        self.check_valid_types(&[id]);
                    }
                }
            }
            StmtKind::Labeled(_, inner) => self.stmt_inner(inner),
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Send(ch, v) => self.send_stmt(ch, v),
            StmtKind::IncDec(x, inc) => {
                let op = if *inc { "++" } else { "--" };
                // Like `x += 1`: this reads x, so it counts as a use.
                let xi = self.value_expr(x);
                if xi.mode == Mode::Invalid {
                    return;
                }
                if !self.types.basic_of(xi.ty).is_some_and(|b| b.is_numeric()) {
                    self.error(
                        x.start(),
                        format!("invalid operation: {}{} (non-numeric type {})", self.expr_string(x), op, self.types.type_string(xi.ty)),
                    );
                    return;
                }
                let operand = self.operand(x);
                self.assign_var(x, &operand);
            }
            StmtKind::Assign(lhs, op, rhs) => match op {
                AssignOp::Op(bop) => self.op_assign(s.pos, *bop, &lhs[0], &rhs[0]),
                AssignOp::Define => self.short_var_decl(s.pos, lhs, rhs),
                AssignOp::Assign => self.assign_vars(lhs, rhs),
            },
            StmtKind::Defer(e) => self.suspended_call("defer", e),
            StmtKind::Go(e) => self.suspended_call("go", e),
            StmtKind::Return(results) => self.return_stmt(s, results),
            StmtKind::Block(b) => {
                self.open_scope();
                self.stmts(&b.stmts);
                self.close_scope();
            }
            StmtKind::If { init, cond, then, els } => {
                self.open_scope();
                if let Some(init) = init {
                    self.stmt(init);
                }
                self.condition(cond, "if statement");
                self.open_scope();
                self.stmts(&then.stmts);
                self.close_scope();
                if let Some(els) = els {
                    self.stmt(els);
                }
                self.close_scope();
            }
            StmtKind::Switch { init, tag, bind, clauses, .. } => {
                self.open_scope();
                if let Some(init) = init {
                    self.stmt(init);
                }
                match tag.as_ref().map(|t| &t.kind) {
                    Some(ExprKind::TypeAssert { x, ty: None }) => self.type_switch_stmt(bind.as_ref(), x, clauses),
                    _ => self.switch_stmt(tag.as_ref(), clauses),
                }
                self.close_scope();
            }
            StmtKind::Select { clauses, .. } => self.select_stmt(clauses),
            StmtKind::For { init, cond, post, body } => {
                self.open_scope();
                if let Some(init) = init {
                    self.stmt(init);
                }
                if let Some(cond) = cond {
                    self.condition(cond, "for statement");
                }
                if let Some(post) = post {
                    if let StmtKind::Assign(lhs, AssignOp::Define, _) = &post.kind {
                        self.error(post.pos, "cannot declare in post statement of for loop");
                        for x in lhs {
                            self.expr(x);
                        }
                    } else {
                        self.stmt(post);
                    }
                }
                self.open_scope();
                self.stmts(&body.stmts);
                self.close_scope();
                self.close_scope();
            }
            StmtKind::Range { key, value, define, x, body, .. } => self.range_stmt(s, key.as_ref(), value.as_ref(), *define, x, body),
        }
    }

    /// types2's `suspendedCall`: the call of a `go` or `defer` statement
    /// must be a function call or a builtin that is a statement.
    fn suspended_call(&mut self, keyword: &str, e: &Expr) {
        self.expr(e);
        let ExprKind::Call { func, .. } = &strip_parens(e).kind else {
            self.error(e.start(), format!("expression in {} must be function call", keyword));
            return;
        };
        let msg = match self.info_of(func).mode {
            Mode::Invalid => return,
            Mode::Type => "requires function call, not conversion",
            Mode::Builtin(b) if !b.is_statement() => "discards result of",
            _ => return,
        };
        if self.info_of(e).mode == Mode::Invalid {
            return;
        }
        let d = self.describe_operand(e);
        self.error(e.start(), format!("{} {} {}", keyword, msg, d));
    }

    /// types2's send statement: `ch <- v`.
    fn send_stmt(&mut self, ch: &Expr, v: &Expr) {
        let ci = self.value_expr(ch);
        let vi = self.value_expr(v);
        if ci.mode == Mode::Invalid || vi.mode == Mode::Invalid {
            return;
        }
        let elem = match self.types.chan(ci.ty) {
            None => Err("non-channel"),
            Some((ChanDir::Recv, _)) => Err("receive-only channel"),
            Some((_, elem)) => Ok(elem),
        };
        match elem {
            Ok(elem) => {
                self.assign_to(v, elem, "send");
            }
            Err(why) => {
                let d = self.describe_operand(ch);
                self.error(ch.start(), format!("invalid operation: cannot send to {} {}", why, d));
            }
        }
    }

    /// An expression statement: only calls and receives may stand alone.
    fn expr_stmt(&mut self, e: &Expr) {
        self.expr(e);
        let info = self.info_of(e);
        if info.mode == Mode::Invalid {
            return;
        }
        let inner = strip_parens(e);
        let is_recv = matches!(inner.kind, ExprKind::Unary(UnaryOp::Recv, _));
        let statement_call = match &inner.kind {
            ExprKind::Call { func, .. } => match self.info_of(func).mode {
                Mode::Type => false,
                Mode::Builtin(b) => b.is_statement(),
                _ => true,
            },
            _ => false,
        };
        if !statement_call && !is_recv {
            let d = self.describe_operand(e);
            self.error(e.start(), format!("{} is not used", d));
        }
    }

    /// An `if` or `for` condition.
    fn condition(&mut self, cond: &Expr, what: &str) {
        let info = self.value_expr(cond);
        if info.mode == Mode::Invalid {
            return;
        }
        if !self.types.basic_of(info.ty).is_some_and(|b| b.is_boolean()) {
            self.error(cond.start(), format!("non-boolean condition in {}", what));
            return;
        }
        let b = self.types.basic(Basic::Bool);
        self.convert_untyped(cond, b);
    }

    fn is_blank(x: &Expr) -> bool {
        matches!(&strip_parens(x).kind, ExprKind::Ident(n) if n == "_")
    }

    /// Reports `cannot assign to x` unless the checked `x` is addressable.
    fn check_assignable(&mut self, x: &Expr) -> bool {
        let info = self.info_of(x);
        if matches!(info.mode, Mode::Variable | Mode::MapIndex | Mode::Invalid) {
            return true;
        }
        if let ExprKind::Selector(base, _) = &strip_parens(x).kind {
            if self.info_of(base).mode == Mode::MapIndex {
                self.error(x.start(), format!("cannot assign to struct field {} in map", self.expr_string(x)));
                return false;
            }
        }
        let d = self.describe_operand(x);
        self.error(x.start(), format!("cannot assign to {}", d));
        false
    }

    /// `x op= y`: checked as the binary expression, then assigned to x.
    fn op_assign(&mut self, pos: Pos, op: BinaryOp, lhs: &Expr, rhs: &Expr) {
        let synthetic = Expr { id: self.scratch_id, pos, kind: ExprKind::Binary(op, Box::new(lhs.clone()), Box::new(rhs.clone())) };
        self.expr(&synthetic);
        let x = self.operand(&synthetic);
        let x = Operand { expr: lhs, ..x };
        self.assign_var(lhs, &x);
    }

    /// types2's assignVar: checks the target `lhs` (without counting it as
    /// a use of the variable) and assigns `x` to it.
    fn assign_var(&mut self, lhs: &Expr, x: &Operand) -> bool {
        if x.mode == Mode::Invalid {
            self.use_exprs(std::slice::from_ref(lhs));
            return false;
        }
        if Self::is_blank(lhs) {
            return self.assignment(x, None, "assignment to _ identifier");
        }
        let var = match &strip_parens(lhs).kind {
            ExprKind::Ident(name) => self.lookup(name).filter(|id| self.objects[*id as usize].kind == ObjKind::Var),
            _ => None,
        };
        let was_used = var.map(|id| self.objects[id as usize].used);
        self.expr(lhs);
        if let (Some(id), Some(used)) = (var, was_used) {
            self.objects[id as usize].used = used;
        }
        // `println = 1`: types2's expr reports a built-in, a type or no value.
        self.exclude_non_values(lhs);
        let z = self.info_of(lhs);
        if z.mode == Mode::Invalid || z.ty == INVALID {
            return false;
        }
        if !self.check_assignable(lhs) {
            return false;
        }
        self.assignment(x, Some(z.ty), "assignment")
    }

    /// types2's use: evaluates expressions only to mark what they use.
    pub(crate) fn use_exprs(&mut self, list: &[Expr]) {
        for e in list {
            if !Self::is_blank(e) {
                self.expr(e);
            }
        }
    }

    /// types2's exprList: the operands of a right-hand side. A single call
    /// with several results gives one operand per result; a type assertion
    /// where two values are wanted gives the value and an untyped bool.
    pub(crate) fn expr_list<'e>(&mut self, list: &'e [Expr], allow_comma_ok: bool) -> Vec<Operand<'e>> {
        if list.len() != 1 {
            return list
                .iter()
                .map(|e| {
                    self.value_expr(e);
                    self.operand(e)
                })
                .collect();
        }
        let e = &list[0];
        self.expr(e);
        self.exclude_non_values(e);
        let x = self.operand(e);
        if x.mode != Mode::Invalid {
            if let TypeKind::Tuple(ts) = self.types.kind(x.ty).clone() {
                return ts.into_iter().map(|ty| Operand { expr: e, mode: Mode::Value, ty, value: None }).collect();
            }
        }
        if allow_comma_ok
            && (x.mode == Mode::MapIndex
                || x.mode != Mode::Invalid
                    && matches!(strip_parens(e).kind, ExprKind::TypeAssert { .. } | ExprKind::Unary(UnaryOp::Recv, _)))
        {
            let ub = self.types.basic(Basic::UntypedBool);
            return vec![x, Operand { expr: e, mode: Mode::Value, ty: ub, value: None }];
        }
        vec![x]
    }

    /// `assignment mismatch: 2 variables but f returns 1 value`.
    fn assign_error(&mut self, rhs: &[Expr], n_vars: usize, n_vals: usize) {
        let vars = format!("{} variable{}", n_vars, plural(n_vars));
        let vals = format!("{} value{}", n_vals, plural(n_vals));
        let at = rhs[0].start();
        if rhs.len() == 1 {
            if let ExprKind::Call { func, .. } = &strip_parens(&rhs[0]).kind {
                let callee = self.expr_string(func);
                self.error(at, format!("assignment mismatch: {} but {} returns {}", vars, callee, vals));
                return;
            }
        }
        self.error(at, format!("assignment mismatch: {} but {}", vars, vals));
    }

    /// types2's initVar: the type a new variable takes from `x` (its declared
    /// type if it has one), or None when the initialization failed.
    pub(crate) fn init_var(&mut self, declared: Option<TypeId>, x: &Operand, context: &str) -> Option<TypeId> {
        if x.mode == Mode::Invalid || x.ty == INVALID || declared == Some(INVALID) {
            return None;
        }
        let t = match declared {
            Some(t) => t,
            None if self.is_untyped(x.ty) => {
                if x.is_nil(self) {
                    self.error(x.expr.start(), format!("use of untyped nil in {}", context));
                    return None;
                }
                self.default_type(x.ty)
            }
            None => x.ty,
        };
        if self.assignment(x, Some(t), context) {
            Some(t)
        } else {
            None
        }
    }

    /// types2's initVars: initializes variables (their declared types, or
    /// None) from a right-hand side; `return_pos` for a return statement.
    /// Returns each variable's type and whether it is to be marked used
    /// (after an error, to avoid follow-on `declared but not used`).
    pub(crate) fn init_vars(&mut self, declared: &[Option<TypeId>], rhs: &[Expr], return_pos: Option<Pos>) -> Vec<(TypeId, bool)> {
        let n = declared.len();
        let operands = self.expr_list(rhs, n == 2 && return_pos.is_none());
        let failed: Vec<(TypeId, bool)> = declared.iter().map(|t| (t.unwrap_or(INVALID), true)).collect();
        if operands.len() != n {
            if operands.iter().any(|x| x.mode == Mode::Invalid) {
                return failed;
            }
            if let Some(pos) = return_pos {
                let (qualifier, at) = if operands.len() > n {
                    ("too many", operands[n].expr.start())
                } else if let Some(last) = operands.last() {
                    ("not enough", last.expr.start())
                } else {
                    ("not enough", pos)
                };
                let have: Vec<TypeId> = operands.iter().map(|x| x.ty).collect();
                let want: Vec<TypeId> = declared.iter().map(|t| t.unwrap_or(INVALID)).collect();
                let d = Diagnostic::new(at, format!("{} return values", qualifier))
                    .with_note(Note::text(format!("have {}", self.types_summary(&have, false))))
                    .with_note(Note::text(format!("want {}", self.types_summary(&want, false))));
                self.diags.push(d);
                return failed;
            }
            self.assign_error(rhs, n, operands.len());
            return failed;
        }
        let context = if return_pos.is_some() { "return statement" } else { "assignment" };
        let results: Vec<Option<TypeId>> = declared.iter().zip(&operands).map(|(t, x)| self.init_var(*t, x, context)).collect();
        let ok = results.iter().all(|r| r.is_some());
        declared.iter().zip(results).map(|(d, r)| (r.or(*d).unwrap_or(INVALID), !ok)).collect()
    }

    /// types2's assignVars: `a, b = x, y`.
    fn assign_vars(&mut self, lhs: &[Expr], rhs: &[Expr]) {
        let operands = self.expr_list(rhs, lhs.len() == 2);
        if operands.len() != lhs.len() {
            self.use_exprs(lhs);
            if operands.iter().all(|x| x.mode != Mode::Invalid) {
                self.assign_error(rhs, lhs.len(), operands.len());
            }
            return;
        }
        let mut ok = true;
        for (l, x) in lhs.iter().zip(&operands) {
            ok &= self.assign_var(l, x);
        }
        if !ok {
            for l in lhs {
                if let ExprKind::Ident(name) = &strip_parens(l).kind {
                    if let Some(id) = self.lookup(name).filter(|id| self.objects[*id as usize].kind == ObjKind::Var) {
                        self.objects[id as usize].used = true;
                    }
                }
            }
        }
    }

    /// types2's shortVarDecl: `a, b := x, y`.
    fn short_var_decl(&mut self, pos: Pos, lhs: &[Expr], rhs: &[Expr]) {
        let top = self.delayed.len();
        // For each name: Some(existing variable) or None (a new one).
        let mut targets: Vec<Option<ObjId>> = Vec::new();
        let mut names: Vec<Option<Ident>> = Vec::new();
        let mut has_err = false;
        let mut any_new = false;
        for x in lhs {
            let ExprKind::Ident(name) = &x.kind else {
                self.use_exprs(std::slice::from_ref(x));
                let d = self.expr_string(x);
                self.error(x.start(), format!("non-name {} on left side of :=", d));
                has_err = true;
                targets.push(None);
                names.push(None);
                continue;
            };
            let ident = Ident { name: name.clone(), pos: x.pos };
            if name != "_" && names.iter().flatten().any(|n| &n.name == name) {
                self.error(x.start(), format!("{} repeated on left side of :=", name));
                has_err = true;
                targets.push(None);
                names.push(None);
                continue;
            }
            let existing = if name == "_" { None } else { self.scopes.last().and_then(|sc| sc.names.get(name).copied()) };
            match existing {
                Some(id) if self.objects[id as usize].kind == ObjKind::Var => {
                    self.uses.insert(x.id, id);
                    targets.push(Some(id));
                    names.push(None);
                }
                Some(_) => {
                    self.error(x.start(), format!("cannot assign to {}", name));
                    has_err = true;
                    targets.push(None);
                    names.push(None);
                }
                None => {
                    any_new |= name != "_";
                    targets.push(None);
                    names.push(Some(ident));
                }
            }
        }
        let declared: Vec<Option<TypeId>> = targets.iter().map(|t| t.map(|id| self.objects[id as usize].ty)).collect();
        let results = self.init_vars(&declared, rhs, None);
        self.process_delayed(top);
        if !any_new && !has_err {
            self.error(pos, "no new variables on left side of :=");
            return;
        }
        for (((x, name), target), (t, used)) in lhs.iter().zip(names).zip(targets).zip(results) {
            if let Some(id) = target {
                if used {
                    self.objects[id as usize].used = true;
                }
                let vt = self.objects[id as usize].ty;
                self.exprs[x.id as usize] = ExprInfo { ty: vt, mode: Mode::Variable, value: None };
                continue;
            }
            let Some(ident) = name else { continue };
            let id = self.declare_local(&ident, t);
            if used {
                self.objects[id as usize].used = true;
            }
            self.exprs[x.id as usize] = ExprInfo { ty: t, mode: Mode::Variable, value: None };
        }
    }

    fn return_stmt(&mut self, s: &Stmt, results: &[Expr]) {
        let Some(ctx) = self.func_stack.last() else { return };
        let want = ctx.results.clone();
        if results.is_empty() && !want.is_empty() && ctx.named_results {
            return;
        }
        let declared: Vec<Option<TypeId>> = want.into_iter().map(Some).collect();
        self.init_vars(&declared, results, Some(s.pos));
    }

    /// types2's typesSummary: `(int, string)`, untyped numbers as `number`.
    pub(crate) fn types_summary(&self, list: &[TypeId], variadic: bool) -> String {
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
                        return format!("...{}", self.types.type_string(*el));
                    }
                }
                self.types.type_string(*t)
            })
            .collect();
        format!("({})", parts.join(", "))
    }

    fn switch_stmt(&mut self, tag: Option<&Expr>, clauses: &[CaseClause]) {
        // The tag is assigned to an invisible temporary, as a compiler would.
        let tag_ty = match tag {
            Some(t) => {
                self.value_expr(t);
                let x = self.operand(t);
                if x.mode != Mode::Invalid && self.assignment(&x, None, "switch expression") {
                    let ty = self.info_of(t).ty;
                    if !self.comparable(ty) && !self.has_nil(ty) {
                        let d = self.describe_operand(t);
                        self.error(t.start(), format!("cannot switch on {} ({} is not comparable)", d, self.types.type_string(ty)));
                        INVALID
                    } else {
                        ty
                    }
                } else {
                    INVALID
                }
            }
            None => self.types.basic(Basic::Bool),
        };
        let tag_text = tag.map(|t| self.expr_string(t)).unwrap_or_else(|| "true".to_string());
        self.multiple_defaults(clauses.iter().filter(|c| c.exprs.is_none()).map(|c| c.pos));
        let mut seen: Vec<(Value, TypeId, Pos)> = Vec::new();
        for clause in clauses {
            for v in clause.exprs.iter().flatten() {
                self.case_value(v, tag_ty, &tag_text, &mut seen);
            }
            self.open_scope();
            self.stmts(&clause.body);
            self.close_scope();
        }
    }

    /// `multiple defaults` for each default clause (at `defaults`) after the first.
    fn multiple_defaults(&mut self, defaults: impl Iterator<Item = Pos>) {
        let mut first_default: Option<Pos> = None;
        for pos in defaults {
            match first_default {
                Some(first) => {
                    self.diags.push(Diagnostic::new(pos, "multiple defaults (first at").ending_with_then(first, ")"));
                }
                None => first_default = Some(pos),
            }
        }
    }

    /// types2's select statement: each clause's communication is a send,
    /// a receive, or an assignment of one, checked in the clause's scope.
    fn select_stmt(&mut self, clauses: &[CommClause]) {
        self.multiple_defaults(clauses.iter().filter(|c| c.comm.is_none()).map(|c| c.pos));
        for clause in clauses {
            let valid = match clause.comm.as_deref().map(|s| &s.kind) {
                None | Some(StmtKind::Send(..)) => true,
                Some(StmtKind::Assign(_, AssignOp::Define | AssignOp::Assign, rhs)) if rhs.len() == 1 => is_receive(&rhs[0]),
                Some(StmtKind::Expr(x)) => is_receive(x),
                Some(_) => false,
            };
            if !valid {
                let comm = clause.comm.as_deref().expect("a default clause is valid");
                self.error(stmt_start(comm), "select case must be send or receive (possibly with assignment)");
                continue;
            }
            self.open_scope();
            if let Some(comm) = &clause.comm {
                self.stmt(comm);
            }
            self.stmts(&clause.body);
            self.close_scope();
        }
    }

    /// types2's typeSwitchStmt: `x` must be an interface; each clause lists
    /// types (or nil), checked for duplicates and against x's methods, and
    /// declares its own `bind` variable (of the case's type when it lists
    /// exactly one type, else of x's type), recorded as the clause's
    /// implicit object. The variables count as used if any one is.
    fn type_switch_stmt(&mut self, bind: Option<&Ident>, x: &Expr, clauses: &[CaseClause]) {
        let mut bind = bind;
        if let Some(b) = bind.filter(|b| b.name == "_") {
            self.error(b.pos, "no new variable on left side of :=");
            bind = None;
        }
        let xi = self.value_expr(x);
        let x_ty = if xi.mode == Mode::Invalid {
            INVALID
        } else if !self.types.is_interface(xi.ty) {
            let d = self.describe_operand(x);
            self.error(x.start(), format!("{} is not an interface", d));
            INVALID
        } else {
            xi.ty
        };
        if x_ty == INVALID && xi.mode != Mode::Invalid {
            self.use_clauses(clauses);
            return;
        }
        self.multiple_defaults(clauses.iter().filter(|c| c.exprs.is_none()).map(|c| c.pos));
        let mut seen: Vec<(Option<TypeId>, Pos)> = Vec::new();
        let mut vars = Vec::new();
        for clause in clauses {
            let cases = clause.exprs.as_deref().unwrap_or(&[]);
            let single = self.case_types(x, x_ty, cases, &mut seen);
            self.open_scope();
            if let Some(b) = bind {
                let ty = match single {
                    Some(Some(t)) if cases.len() == 1 => t,
                    _ => x_ty,
                };
                let id = self.new_object(&b.name, ObjKind::Var, ty, b.pos);
                self.scopes.last_mut().expect("a scope is open").names.insert(b.name.clone(), id);
                self.implicits.insert(clause.pos, id);
                vars.push(id);
            }
            self.stmts(&clause.body);
            self.close_scope();
        }
        if let Some(b) = bind {
            if !vars.iter().any(|v| self.objects[*v as usize].used) {
                self.error(b.pos, format!("{} declared but not used", b.name));
            }
        }
    }

    /// types2's caseTypes: the types (None for nil) of one clause's cases,
    /// each checked; the last one's, if valid.
    fn case_types(&mut self, x: &Expr, x_ty: TypeId, cases: &[Expr], seen: &mut Vec<(Option<TypeId>, Pos)>) -> Option<Option<TypeId>> {
        let mut last = None;
        for e in cases {
            let is_nil = matches!(&strip_parens(e).kind, ExprKind::Ident(n) if n == "nil")
                && self.lookup("nil").is_some_and(|id| matches!(self.objects[id as usize].kind, ObjKind::Nil));
            let t = if is_nil {
                self.expr(e);
                None
            } else {
                let t = self.resolve_type(e);
                if t == INVALID {
                    continue;
                }
                Some(t)
            };
            last = Some(t);
            let duplicate = seen.iter().find(|(other, _)| match (other, t) {
                (None, None) => true,
                (Some(a), Some(b)) => self.types.identical(*a, b),
                _ => false,
            });
            if let Some((_, prev)) = duplicate {
                let shown = t.map_or("nil".to_string(), |t| self.types.type_string(t));
                let d = Diagnostic::new(e.start(), format!("duplicate case {} in type switch", shown))
                    .with_note(Note::at(*prev, "previous case"));
                self.diags.push(d);
                continue;
            }
            seen.push((t, e.start()));
            let Some(t) = t.filter(|t| x_ty != INVALID && !self.types.is_interface(*t)) else { continue };
            if let Some(cause) = self.missing_method(t, x_ty) {
                let (es, xs, ts) = (self.expr_string(e), self.operand_string(&self.operand(x)), self.types.type_string(t));
                self.error(e.start(), format!("impossible type switch case: {}\n\t{} cannot have dynamic type {} {}", es, xs, ts, cause));
            }
        }
        last
    }

    /// Checks a type switch's clauses when its operand is invalid.
    fn use_clauses(&mut self, clauses: &[CaseClause]) {
        for clause in clauses {
            for e in clause.exprs.iter().flatten() {
                self.expr(e);
            }
            self.open_scope();
            self.stmts(&clause.body);
            self.close_scope();
        }
    }

    /// types2's caseValues for one value: converted to the tag's type,
    /// compared with it, and checked against the constants seen before.
    fn case_value(&mut self, v: &Expr, tag_ty: TypeId, tag_text: &str, seen: &mut Vec<(Value, TypeId, Pos)>) {
        let info = self.value_expr(v);
        if info.mode == Mode::Invalid || tag_ty == INVALID {
            return;
        }
        if !self.convert_untyped(v, tag_ty) {
            return;
        }
        let x = self.operand(v);
        let comparable = self.assignable(x.ty, tag_ty) || self.assignable(tag_ty, x.ty);
        if !comparable {
            let cause = format!("mismatched types {} and {}", self.types.type_string(x.ty), self.types.type_string(tag_ty));
            let text = self.expr_string(v);
            self.error(v.start(), format!("invalid case {} in switch on {} ({})", text, tag_text, cause));
            return;
        }
        let Some(val) = x.value.clone().filter(|val| x.mode == Mode::Constant && !matches!(val, Value::Bool(_))) else { return };
        if let Some((_, _, prev)) = seen.iter().find(|(sv, st, _)| *sv == val && self.types.identical(*st, x.ty)) {
            let prev = *prev;
            let d = self.operand_string(&x);
            self.diags.push(
                Diagnostic::new(v.start(), format!("duplicate case {} in expression switch", d)).with_note(Note::at(prev, "previous case")),
            );
            return;
        }
        seen.push((val, x.ty, v.start()));
    }

    fn range_stmt(&mut self, s: &Stmt, key: Option<&Expr>, value: Option<&Expr>, define: bool, x: &Expr, body: &Block) {
        let xi = self.value_expr(x);
        let int_t = self.types.basic(Basic::Int);
        let (kt, vt) = if xi.mode == Mode::Invalid {
            (INVALID, INVALID)
        } else {
            let t = self.types.pointer_elem(xi.ty).filter(|p| matches!(self.types.under(*p), TypeKind::Array(..))).unwrap_or(xi.ty);
            match self.types.under(t).clone() {
                TypeKind::Basic(b) if b.is_string() => {
                    let st = self.types.basic(Basic::String);
                    self.convert_untyped(x, st);
                    (int_t, self.types.rune_type())
                }
                TypeKind::Slice(el) | TypeKind::Array(_, el) => (int_t, el),
                TypeKind::Map(k, v) => (k, v),
                TypeKind::Chan(ChanDir::Send, _) => {
                    let d = self.describe_operand(x);
                    self.error(x.start(), format!("cannot range over {} (receive from send-only channel)", d));
                    (INVALID, INVALID)
                }
                TypeKind::Chan(_, el) => {
                    if let Some(value) = value {
                        let d = self.describe_operand(x);
                        self.error(value.start(), format!("range over {} permits only one iteration variable", d));
                    }
                    (el, INVALID)
                }
                _ => {
                    let d = self.describe_operand(x);
                    self.error(x.start(), format!("cannot range over {}", d));
                    (INVALID, INVALID)
                }
            }
        };
        self.open_scope();
        if define {
            let mut vars: Vec<(Ident, TypeId, bool)> = Vec::new();
            for (target, t) in [(key, kt), (value, vt)] {
                let Some(target) = target else { continue };
                let ExprKind::Ident(name) = &target.kind else {
                    let d = self.expr_string(target);
                    self.error(target.start(), format!("cannot declare {}", d));
                    continue;
                };
                let operand = Operand { expr: target, mode: Mode::Value, ty: t, value: None };
                let (ty, used) = match self.init_var(None, &operand, "range clause") {
                    Some(ty) => (ty, false),
                    None => (INVALID, true),
                };
                self.exprs[target.id as usize] = ExprInfo { ty, mode: Mode::Variable, value: None };
                vars.push((Ident { name: name.clone(), pos: target.pos }, ty, used));
            }
            if vars.iter().all(|(ident, _, _)| ident.name == "_") {
                self.error(s.pos, "no new variables on left side of :=");
            }
            for (ident, ty, used) in vars {
                let id = self.declare_local(&ident, ty);
                if used {
                    self.objects[id as usize].used = true;
                }
            }
        } else {
            for (target, t) in [(key, kt), (value, vt)] {
                let Some(target) = target else { continue };
                let operand = Operand { expr: target, mode: if t == INVALID { Mode::Invalid } else { Mode::Value }, ty: t, value: None };
                self.assign_var(target, &operand);
            }
        }
        self.open_scope();
        self.stmts(&body.stmts);
        self.close_scope();
        self.close_scope();
    }

    /// Go's terminating statements (spec "Terminating statements").
    pub(crate) fn is_terminating_list(&self, list: &[Stmt]) -> bool {
        let last = list.iter().rev().find(|s| !matches!(s.kind, StmtKind::Empty));
        last.is_some_and(|s| self.is_terminating(s, None))
    }

    fn is_terminating(&self, s: &Stmt, label: Option<&str>) -> bool {
        match &s.kind {
            StmtKind::Return(_) => true,
            StmtKind::Branch(BranchKind::Goto, _) | StmtKind::Branch(BranchKind::Fallthrough, _) => true,
            StmtKind::Expr(e) => {
                if let ExprKind::Call { func, .. } = &strip_parens(e).kind {
                    return self.exprs.get(func.id as usize).is_some_and(|i| i.mode == Mode::Builtin(Builtin::Panic));
                }
                false
            }
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts),
            StmtKind::If { then, els, .. } => {
                els.as_ref().is_some_and(|e| self.is_terminating_list(&then.stmts) && self.is_terminating(e, None))
            }
            StmtKind::Labeled(l, inner) => self.is_terminating(inner, Some(&l.name)),
            StmtKind::For { cond, body, .. } => cond.is_none() && !has_break(&body.stmts, label, true),
            StmtKind::Switch { clauses, .. } => {
                clauses.iter().any(|c| c.exprs.is_none())
                    && clauses.iter().all(|c| self.is_terminating_list(&c.body) && !has_break(&c.body, label, true))
            }
            StmtKind::Select { clauses, .. } => {
                clauses.iter().all(|c| self.is_terminating_list(&c.body) && !has_break(&c.body, label, true))
            }
            _ => false,
        }
    }
}

/// Whether a statement list contains a break that targets the enclosing
/// statement (unlabelled at this level, or with its label).
fn has_break(list: &[Stmt], label: Option<&str>, top: bool) -> bool {
    list.iter().any(|s| stmt_has_break(s, label, top))
}

fn stmt_has_break(s: &Stmt, label: Option<&str>, top: bool) -> bool {
    match &s.kind {
        StmtKind::Branch(BranchKind::Break, None) => top,
        StmtKind::Branch(BranchKind::Break, Some(l)) => label == Some(l.name.as_str()),
        StmtKind::Block(b) => has_break(&b.stmts, label, top),
        StmtKind::If { then, els, .. } => has_break(&then.stmts, label, top) || els.as_ref().is_some_and(|e| stmt_has_break(e, label, top)),
        StmtKind::Labeled(_, inner) => stmt_has_break(inner, label, top),
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => has_break(&body.stmts, label, false),
        StmtKind::Switch { clauses, .. } => clauses.iter().any(|c| has_break(&c.body, label, false)),
        StmtKind::Select { clauses, .. } => clauses.iter().any(|c| has_break(&c.body, label, false)),
        _ => false,
    }
}

/// A receive operation `<-ch` (parenthesized or not).
fn is_receive(e: &Expr) -> bool {
    matches!(strip_parens(e).kind, ExprKind::Unary(UnaryOp::Recv, _))
}

/// syntax.StartPos of a simple statement: where its first expression
/// starts, but an expression statement's own position (a call's `(`),
/// which StartPos does not look into.
fn stmt_start(s: &Stmt) -> Pos {
    match &s.kind {
        StmtKind::Expr(x) => x.pos,
        StmtKind::Send(x, _) | StmtKind::IncDec(x, _) => x.start(),
        StmtKind::Assign(lhs, _, _) => lhs.first().map_or(s.pos, |x| x.start()),
        _ => s.pos,
    }
}
