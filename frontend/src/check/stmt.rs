//! Statements: declarations in function bodies, assignments and `:=`,
//! control flow with labels, branch targets and the terminating-statement
//! rule behind `missing return` (types2's stmt.go, labels.go, assignments.go).

use super::expr::strip_parens;
use super::*;

/// An enclosing statement that `break` or `continue` can target.
pub(crate) struct Target {
    pub label: Option<String>,
    pub is_loop: bool,
}

impl<'a> Checker<'a> {
    pub(crate) fn stmts(&mut self, list: &[Stmt]) {
        for (i, s) in list.iter().enumerate() {
            let is_last = i + 1 == list.len();
            self.stmt(s, is_last);
        }
    }

    /// Declares a local variable and remembers it for the unused check.
    fn declare_local(&mut self, ident: &Ident, ty: TypeId) -> ObjId {
        let id = self.declare(ident, ObjKind::Var, ty);
        if ident.name != "_" {
            self.local_vars.push(id);
        }
        id
    }

    fn stmt(&mut self, s: &Stmt, last_in_list: bool) {
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Var(specs) => {
                for spec in specs {
                    let declared = spec.ty.as_ref().map(|t| self.resolve_type(t));
                    let types = self.var_spec_types(spec, declared, "variable declaration");
                    for (name, t) in spec.names.iter().zip(types) {
                        self.declare_local(name, t);
                    }
                }
            }
            StmtKind::Const(specs) => {
                for (si, spec) in specs.iter().enumerate() {
                    let source = specs[..=si].iter().rev().find(|s| !s.values.is_empty());
                    let mut results = Vec::new();
                    for (ni, name) in spec.names.iter().enumerate() {
                        let Some(source) = source else {
                            self.error(name.pos, "missing init expr for const declaration");
                            results.push((INVALID, None));
                            continue;
                        };
                        let Some(value_expr) = source.values.get(ni) else {
                            self.error(name.pos, "missing init expr for const declaration");
                            results.push((INVALID, None));
                            continue;
                        };
                        self.iota = Some(spec.iota as i128);
                        let r = self.const_init(source.ty.as_ref(), value_expr);
                        self.iota = None;
                        results.push(r);
                    }
                    for (name, (t, v)) in spec.names.iter().zip(results) {
                        let id = self.declare(name, ObjKind::Const(v.unwrap_or(Value::Int(0))), t);
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
                        let under = self.resolve_type(&spec.ty);
                        self.types.set_underlying(named, under);
                    }
                }
            }
            StmtKind::Labeled(label, inner) => {
                let is_loop = matches!(inner.kind, StmtKind::For { .. } | StmtKind::Range { .. });
                let is_switch = matches!(inner.kind, StmtKind::Switch { .. });
                if is_loop || is_switch {
                    self.targets.push(Target { label: Some(label.name.clone()), is_loop });
                    self.stmt_labeled_target(inner);
                    self.targets.pop();
                } else {
                    self.stmt(inner, last_in_list);
                }
            }
            StmtKind::Expr(e) => {
                self.expr(e);
                let info = self.info_of(e);
                let is_call = matches!(strip_parens(e).kind, ExprKind::Call { .. });
                let is_recv = matches!(strip_parens(e).kind, ExprKind::Unary(UnaryOp::Recv, _));
                if info.mode == Mode::Invalid {
                    return;
                }
                let builtin_value = is_call && matches!(&strip_parens(e).kind, ExprKind::Call { func, .. } if matches!(self.info_of(func).mode, Mode::Builtin(b) if !matches!(b, Builtin::Panic | Builtin::Print | Builtin::Println | Builtin::Copy | Builtin::Recover | Builtin::Delete | Builtin::Close)));
                let conversion = is_call && matches!(&strip_parens(e).kind, ExprKind::Call { func, .. } if self.info_of(func).mode == Mode::Type);
                if (!is_call && !is_recv) || builtin_value || conversion {
                    let d = self.describe_operand(e);
                    self.error(e.start(), format!("{} is not used", d));
                }
            }
            StmtKind::Send(ch, v) => {
                self.expr(ch);
                self.expr(v);
                self.error(s.pos, "channels are not supported yet (minigo tier 2)");
            }
            StmtKind::IncDec(x, inc) => {
                // Like `x += 1`, this reads x: it counts as a use.
                self.expr(x);
                let info = self.info_of(x);
                if info.mode == Mode::Invalid {
                    return;
                }
                if !self.types.basic_of(info.ty).is_some_and(|b| b.is_numeric()) {
                    let d = self.describe_operand(x);
                    let op = if *inc { "++" } else { "--" };
                    self.error(x.start(), format!("invalid operation: {}{} (non-numeric type {})", self.expr_string(x), op, self.types.display(info.ty)));
                    let _ = d;
                    return;
                }
                self.check_assignable_lhs(x);
            }
            StmtKind::Assign(lhs, op, rhs) => self.assign_stmt(s, lhs, *op, rhs),
            StmtKind::Go(e) | StmtKind::Defer(e) => {
                self.expr(e);
                let what = if matches!(s.kind, StmtKind::Go(_)) { "go" } else { "defer" };
                self.error(s.pos, format!("{} statements are not supported yet (minigo tier 2)", what));
            }
            StmtKind::Return(results) => self.return_stmt(s, results),
            StmtKind::Branch(kind, label) => self.branch(s, *kind, label.as_ref(), last_in_list),
            StmtKind::Block(b) => {
                self.open_scope();
                self.stmts(&b.stmts);
                self.close_scope();
            }
            StmtKind::If { init, cond, then, els } => {
                self.open_scope();
                if let Some(init) = init {
                    self.stmt(init, false);
                }
                self.condition(cond, "if statement");
                self.open_scope();
                self.stmts(&then.stmts);
                self.close_scope();
                if let Some(els) = els {
                    self.stmt(els, false);
                }
                self.close_scope();
            }
            StmtKind::Switch { .. } | StmtKind::For { .. } | StmtKind::Range { .. } => {
                let is_loop = !matches!(s.kind, StmtKind::Switch { .. });
                self.targets.push(Target { label: None, is_loop });
                self.stmt_labeled_target(s);
                self.targets.pop();
            }
        }
    }

    /// A loop or switch whose break/continue target is already pushed.
    fn stmt_labeled_target(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Switch { init, tag, clauses, .. } => self.switch_stmt(init.as_deref(), tag.as_ref(), clauses),
            StmtKind::For { init, cond, post, body } => {
                self.open_scope();
                if let Some(init) = init {
                    self.stmt(init, false);
                }
                if let Some(cond) = cond {
                    self.condition(cond, "for loop");
                }
                if let Some(post) = post {
                    if let StmtKind::Assign(_, AssignOp::Define, _) = post.kind {
                        self.error(post.pos, "cannot declare in post statement of for loop");
                    } else {
                        self.stmt(post, false);
                    }
                }
                self.open_scope();
                self.stmts(&body.stmts);
                self.close_scope();
                self.close_scope();
            }
            StmtKind::Range { key, value, define, x, body, .. } => self.range_stmt(s, key.as_ref(), value.as_ref(), *define, x, body),
            _ => self.stmt(s, false),
        }
    }

    fn condition(&mut self, cond: &Expr, what: &str) {
        let info = self.value_expr(cond);
        if info.mode == Mode::Invalid {
            return;
        }
        if !self.types.basic_of(info.ty).is_some_and(|b| b.is_boolean()) {
            let d = self.describe_operand(cond);
            self.error(cond.start(), format!("non-boolean condition in {}", what));
            let _ = d;
            return;
        }
        if self.is_untyped(info.ty) {
            let b = self.types.basic(Basic::Bool);
            self.convert_untyped(cond, b);
        }
    }

    /// Checks an assignment target without counting it as a use of the variable.
    fn lhs_expr(&mut self, x: &Expr) -> ExprInfo {
        if let ExprKind::Ident(name) = &strip_parens(x).kind {
            if name == "_" {
                return ExprInfo { ty: INVALID, mode: Mode::Variable, value: None };
            }
            if let Some(id) = self.lookup(name) {
                let was_used = self.objects[id as usize].used;
                self.expr(x);
                self.objects[id as usize].used = was_used;
                return self.info_of(x);
            }
        }
        self.expr(x);
        self.info_of(x)
    }

    fn check_assignable_lhs(&mut self, x: &Expr) -> bool {
        let info = self.info_of(x);
        if info.mode == Mode::Variable || info.mode == Mode::Invalid {
            return true;
        }
        let d = self.describe_operand(x);
        self.error(x.start(), format!("cannot assign to {}", d));
        false
    }

    fn is_blank(x: &Expr) -> bool {
        matches!(&strip_parens(x).kind, ExprKind::Ident(n) if n == "_")
    }

    fn assign_stmt(&mut self, s: &Stmt, lhs: &[Expr], op: AssignOp, rhs: &[Expr]) {
        match op {
            AssignOp::Op(bop) => {
                self.expr(&lhs[0]);
                let li = self.info_of(&lhs[0]);
                self.value_expr(&rhs[0]);
                if li.mode == Mode::Invalid {
                    return;
                }
                if !self.check_assignable_lhs(&lhs[0]) {
                    return;
                }
                let synthetic = Expr {
                    id: u32::MAX,
                    pos: s.pos,
                    kind: ExprKind::Binary(bop, Box::new(lhs[0].clone()), Box::new(rhs[0].clone())),
                };
                self.op_assign_check(&synthetic, bop, &lhs[0], &rhs[0]);
            }
            AssignOp::Define => {
                // Check the right sides before declaring: `x := x` sees the outer x.
                let types = self.rhs_types(lhs, rhs, s.pos);
                let mut any_new = false;
                for (x, t) in lhs.iter().zip(types) {
                    let ExprKind::Ident(name) = &x.kind else {
                        let d = self.expr_string(x);
                        self.error(x.start(), format!("non-name {} on left side of :=", d));
                        continue;
                    };
                    let ident = Ident { name: name.clone(), pos: x.pos };
                    if name == "_" {
                        self.declare(&ident, ObjKind::Var, t);
                        continue;
                    }
                    let existing = self.scopes.last().and_then(|sc| sc.names.get(name).copied());
                    match existing {
                        Some(id) if self.objects[id as usize].kind == ObjKind::Var => {
                            self.uses.insert(x.id, id);
                            let vt = self.objects[id as usize].ty;
                            self.exprs[x.id as usize] = ExprInfo { ty: vt, mode: Mode::Variable, value: None };
                            if t != INVALID && vt != INVALID && !self.assignable(t, vt) {
                                self.error(x.start(), format!("cannot use value of type {} as type {} in assignment", self.types.display(t), self.types.display(vt)));
                            }
                        }
                        _ => {
                            any_new = true;
                            let id = self.declare_local(&ident, t);
                            let _ = id;
                            self.exprs[x.id as usize] = ExprInfo { ty: t, mode: Mode::Variable, value: None };
                        }
                    }
                }
                if !any_new && lhs.iter().all(|x| matches!(x.kind, ExprKind::Ident(_))) {
                    self.error(s.pos, "no new variables on left side of :=");
                }
            }
            AssignOp::Assign => {
                let mut lhs_types = Vec::new();
                for x in lhs {
                    if Self::is_blank(x) {
                        lhs_types.push(None);
                        continue;
                    }
                    let info = self.lhs_expr(x);
                    if info.mode == Mode::Invalid {
                        lhs_types.push(Some(INVALID));
                        continue;
                    }
                    self.check_assignable_lhs(x);
                    lhs_types.push(Some(info.ty));
                }
                if lhs.len() == rhs.len() {
                    for (t, v) in lhs_types.iter().zip(rhs) {
                        self.value_expr(v);
                        match t {
                            Some(t) => {
                                self.assign_to(v, *t, "assignment");
                            }
                            None => {
                                self.default_var_type(v);
                            }
                        }
                    }
                } else if rhs.len() == 1 {
                    let types = self.multi_value(&rhs[0], lhs.len(), true);
                    for (lt, vt) in lhs_types.iter().zip(types) {
                        if let Some(lt) = lt {
                            if vt != INVALID && *lt != INVALID && !self.assignable(vt, *lt) {
                                let d = self.expr_string(&rhs[0]);
                                self.error(rhs[0].start(), format!("cannot use {} (value of type {}) as type {} in assignment", d, self.types.display(vt), self.types.display(*lt)));
                            }
                        }
                    }
                } else {
                    self.error(s.pos, format!("assignment mismatch: {} variable{} but {} value{}", lhs.len(), plural(lhs.len()), rhs.len(), plural(rhs.len())));
                    for v in rhs {
                        self.expr(v);
                    }
                }
            }
        }
    }

    /// `x op= y` is checked as `x = x op y`.
    fn op_assign_check(&mut self, synthetic: &Expr, op: BinaryOp, l: &Expr, r: &Expr) {
        let li = self.info_of(l);
        let ri = self.info_of(r);
        if ri.mode == Mode::Invalid {
            return;
        }
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            if !self.types.basic_of(li.ty).is_some_and(|b| b.is_integer()) {
                let d = self.describe_operand(l);
                self.error(l.start(), format!("invalid operation: shifted operand {} must be integer", d));
                return;
            }
            if ri.mode == Mode::Constant {
                if ri.value.as_ref().and_then(|v| v.as_int()).is_some_and(|c| c >= 0) {
                    if self.is_untyped(ri.ty) {
                        let ut = self.types.basic(Basic::Uint);
                        self.convert_untyped(r, ut);
                    }
                    return;
                }
                let d = self.expr_string(r);
                self.error(r.start(), format!("invalid shift count {} (negative)", d));
            } else if !self.types.basic_of(ri.ty).is_some_and(|b| b.is_integer()) {
                let d = self.describe_operand(r);
                self.error(r.start(), format!("shift count {} must be integer", d));
            }
            return;
        }
        if self.is_untyped(ri.ty) {
            if !self.assign_to(r, li.ty, "assignment") {
                return;
            }
        } else if !self.identical(li.ty, ri.ty) {
            let lt = self.types.display(li.ty);
            let rt = self.types.display(ri.ty);
            self.error(l.start(), format!("invalid operation: {} {}= {} (mismatched types {} and {})", self.expr_string(l), super::expr::op_str(op), self.expr_string(r), lt, rt));
            return;
        }
        let b = self.types.basic_of(li.ty);
        let ok = match op {
            BinaryOp::Add => b.is_some_and(|b| b.is_numeric() || b.is_string()),
            BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Quo => b.is_some_and(|b| b.is_numeric()),
            _ => b.is_some_and(|b| b.is_integer()),
        };
        if !ok {
            let d = self.describe_operand(l);
            self.error(l.start(), format!("invalid operation: operator {} not defined on {}", super::expr::op_str(op), d));
            return;
        }
        if matches!(op, BinaryOp::Quo | BinaryOp::Rem) && ri.mode == Mode::Constant && b.is_some_and(|b| b.is_integer()) && ri.value.as_ref().and_then(|v| v.as_int()) == Some(0) {
            self.error(r.start(), "invalid operation: division by zero");
        }
        let _ = synthetic;
    }

    /// Types of the right sides of `:=`, given the number of names on the left.
    fn rhs_types(&mut self, lhs: &[Expr], rhs: &[Expr], pos: Pos) -> Vec<TypeId> {
        if lhs.len() == rhs.len() {
            return rhs.iter().map(|v| {
                self.expr(v);
                self.default_var_type(v)
            }).collect();
        }
        if rhs.len() == 1 {
            return self.multi_value(&rhs[0], lhs.len(), true);
        }
        self.error(pos, format!("assignment mismatch: {} variable{} but {} value{}", lhs.len(), plural(lhs.len()), rhs.len(), plural(rhs.len())));
        for v in rhs {
            self.expr(v);
        }
        vec![INVALID; lhs.len()]
    }

    fn return_stmt(&mut self, s: &Stmt, results: &[Expr]) {
        let Some(ctx) = self.func_stack.last() else { return };
        let want = ctx.results.clone();
        let named = ctx.named_results;
        if results.is_empty() {
            if !want.is_empty() && !named {
                let mut d = Diagnostic::new(s.pos, "not enough return values");
                d.notes = vec!["\thave ()".to_string(), format!("\twant {}", self.tuple_text(&want))];
                self.diags.push(d);
            }
            return;
        }
        if want.is_empty() {
            for r in results {
                self.expr(r);
            }
            let mut d = Diagnostic::new(results[0].start(), "too many return values");
            let have: Vec<TypeId> = results.iter().map(|r| self.info_of(r).ty).collect();
            d.notes = vec![format!("\thave {}", self.summary(&have)), "\twant ()".to_string()];
            self.diags.push(d);
            return;
        }
        if results.len() == 1 && want.len() > 1 {
            self.expr(&results[0]);
            let info = self.info_of(&results[0]);
            if let TypeKind::Tuple(ts) = self.types.kind(info.ty).clone() {
                if ts.len() == want.len() && ts.iter().zip(&want).all(|(a, b)| self.assignable(*a, *b)) {
                    return;
                }
            }
        }
        if results.len() != want.len() {
            for r in results {
                if self.exprs[r.id as usize].mode == Mode::Invalid {
                    self.expr(r);
                }
            }
            let have: Vec<TypeId> = results.iter().map(|r| self.info_of(r).ty).collect();
            let (msg, at) = if results.len() > want.len() { ("too many return values", results[want.len()].start()) } else { ("not enough return values", results[results.len() - 1].start()) };
            let mut d = Diagnostic::new(at, msg);
            d.notes = vec![format!("\thave {}", self.summary(&have)), format!("\twant {}", self.tuple_text(&want))];
            self.diags.push(d);
            return;
        }
        for (r, t) in results.iter().zip(want) {
            self.value_expr(r);
            self.assign_to(r, t, "return statement");
        }
    }

    fn tuple_text(&self, ts: &[TypeId]) -> String {
        let parts: Vec<String> = ts.iter().map(|t| self.types.display(*t)).collect();
        format!("({})", parts.join(", "))
    }

    fn summary(&self, ts: &[TypeId]) -> String {
        let parts: Vec<String> = ts
            .iter()
            .map(|t| {
                if self.is_untyped(*t) {
                    let b = self.types.basic_of(*t).unwrap_or(Basic::Invalid);
                    if b.is_numeric() {
                        "number".to_string()
                    } else {
                        b.name().replace("untyped ", "")
                    }
                } else {
                    self.types.display(*t)
                }
            })
            .collect();
        format!("({})", parts.join(", "))
    }

    fn branch(&mut self, s: &Stmt, kind: BranchKind, label: Option<&Ident>, last_in_list: bool) {
        match kind {
            BranchKind::Break | BranchKind::Continue => {
                let word = if kind == BranchKind::Break { "break" } else { "continue" };
                match label {
                    Some(l) => {
                        let found = self.targets.iter().rev().find(|t| t.label.as_deref() == Some(&l.name));
                        match found {
                            None => self.error(l.pos, format!("invalid {} label {}", word, l.name)),
                            Some(t) if kind == BranchKind::Continue && !t.is_loop => self.error(l.pos, format!("invalid continue label {}", l.name)),
                            _ => {}
                        }
                    }
                    None => {
                        let ok = if kind == BranchKind::Break { !self.targets.is_empty() } else { self.targets.iter().any(|t| t.is_loop) };
                        if !ok {
                            let msg = if kind == BranchKind::Break { "break is not in a loop, switch, or select" } else { "continue is not in a loop" };
                            self.error(s.pos, msg);
                        }
                    }
                }
            }
            BranchKind::Goto => {
                if let Some(l) = label {
                    if !self.function_labels.last().is_some_and(|ls| ls.contains(&l.name)) {
                        self.error(l.pos, format!("label {} not defined", l.name));
                    }
                }
            }
            BranchKind::Fallthrough => {
                if !self.fallthrough_ok || !last_in_list {
                    self.error(s.pos, "fallthrough statement out of place");
                }
            }
        }
    }

    fn switch_stmt(&mut self, init: Option<&Stmt>, tag: Option<&Expr>, clauses: &[CaseClause]) {
        self.open_scope();
        if let Some(init) = init {
            self.stmt(init, false);
        }
        let tag_ty = match tag {
            Some(t) => {
                let info = self.value_expr(t);
                if info.mode == Mode::Invalid {
                    INVALID
                } else {
                    let d = self.default_type(info.ty);
                    self.convert_untyped(t, d);
                    d
                }
            }
            None => self.types.basic(Basic::Bool),
        };
        let mut defaults = 0;
        let mut seen: Vec<(Value, Pos)> = Vec::new();
        for (ci, clause) in clauses.iter().enumerate() {
            match &clause.exprs {
                None => {
                    defaults += 1;
                    if defaults > 1 {
                        self.error(clause.pos, "multiple defaults in switch");
                    }
                }
                Some(values) => {
                    for v in values {
                        let info = self.value_expr(v);
                        if info.mode == Mode::Invalid || tag_ty == INVALID {
                            continue;
                        }
                        if tag.is_some() {
                            if !self.assign_to_compare(v, tag_ty) {
                                continue;
                            }
                        } else {
                            self.condition_case(v);
                        }
                        let info = self.info_of(v);
                        if let (Mode::Constant, Some(val)) = (info.mode, info.value) {
                            if tag.is_some() {
                                if let Some((_, prev)) = seen.iter().find(|(p, _)| *p == val) {
                                    let (pl, _) = (prev, 0);
                                    let _ = pl;
                                    let d = self.expr_string(v);
                                    self.error(v.start(), format!("duplicate case {} in expression switch", d));
                                } else {
                                    seen.push((val, v.start()));
                                }
                            }
                        }
                    }
                }
            }
            self.open_scope();
            let saved = self.fallthrough_ok;
            self.fallthrough_ok = ci + 1 < clauses.len();
            let ends_in_fallthrough = matches!(clause.body.last().map(|s| &s.kind), Some(StmtKind::Branch(BranchKind::Fallthrough, _)));
            if ends_in_fallthrough && ci + 1 == clauses.len() {
                let pos = clause.body.last().map(|s| s.pos).unwrap_or(clause.pos);
                self.error(pos, "cannot fallthrough final case in switch");
                self.fallthrough_ok = true;
            }
            self.stmts(&clause.body);
            self.fallthrough_ok = saved;
            self.close_scope();
        }
        self.close_scope();
    }

    fn assign_to_compare(&mut self, v: &Expr, tag_ty: TypeId) -> bool {
        let info = self.info_of(v);
        if self.is_untyped(info.ty) {
            return self.assign_to(v, tag_ty, "switch case");
        }
        if !self.assignable(info.ty, tag_ty) && !self.assignable(tag_ty, info.ty) {
            let d = self.describe_operand(v);
            self.error(v.start(), format!("invalid case {} in switch (mismatched types {} and {})", self.expr_string(v), self.types.display(info.ty), self.types.display(tag_ty)));
            let _ = d;
            return false;
        }
        true
    }

    fn condition_case(&mut self, v: &Expr) {
        let info = self.info_of(v);
        if !self.types.basic_of(info.ty).is_some_and(|b| b.is_boolean()) {
            let d = self.describe_operand(v);
            self.error(v.start(), format!("invalid case {} in switch (mismatched types {} and bool)", self.expr_string(v), self.types.display(info.ty)));
            let _ = d;
            return;
        }
        if self.is_untyped(info.ty) {
            let b = self.types.basic(Basic::Bool);
            self.convert_untyped(v, b);
        }
    }

    fn range_stmt(&mut self, s: &Stmt, key: Option<&Expr>, value: Option<&Expr>, define: bool, x: &Expr, body: &Block) {
        self.open_scope();
        let xi = self.value_expr(x);
        let int_t = self.types.basic(Basic::Int);
        let (kt, vt) = if xi.mode == Mode::Invalid {
            (INVALID, INVALID)
        } else {
            let t = self.types.pointer_elem(xi.ty).filter(|p| matches!(self.types.under(*p), TypeKind::Array(..))).unwrap_or(xi.ty);
            match self.types.under(t).clone() {
                TypeKind::Basic(b) if b.is_string() => {
                    if b == Basic::UntypedString {
                        let st = self.types.basic(Basic::String);
                        self.convert_untyped(x, st);
                    }
                    (int_t, self.types.rune_type())
                }
                TypeKind::Slice(el) | TypeKind::Array(_, el) => (int_t, el),
                _ => {
                    let d = self.describe_operand(x);
                    self.error(x.start(), format!("cannot range over {}", d));
                    (INVALID, INVALID)
                }
            }
        };
        let _ = s;
        for (target, t) in [(key, kt), (value, vt)] {
            let Some(target) = target else { continue };
            if define {
                let ExprKind::Ident(name) = &target.kind else {
                    let d = self.expr_string(target);
                    self.error(target.start(), format!("non-name {} on left side of :=", d));
                    continue;
                };
                let ident = Ident { name: name.clone(), pos: target.pos };
                self.declare_local(&ident, t);
                self.exprs[target.id as usize] = ExprInfo { ty: t, mode: Mode::Variable, value: None };
            } else if !Self::is_blank(target) {
                let info = self.lhs_expr(target);
                if info.mode != Mode::Invalid && self.check_assignable_lhs(target) && t != INVALID && !self.assignable(t, info.ty) {
                    let d = self.describe_operand(target);
                    self.error(target.start(), format!("cannot use {} (value of type {}) as type {} in range", d, self.types.display(t), self.types.display(info.ty)).replace(&format!("{} (value", d), "value"));
                }
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
            StmtKind::If { then, els, .. } => els.as_ref().is_some_and(|e| self.is_terminating_list(&then.stmts) && self.is_terminating(e, None)),
            StmtKind::Labeled(l, inner) => self.is_terminating(inner, Some(&l.name)),
            StmtKind::For { cond, body, .. } => cond.is_none() && !has_break(&body.stmts, label, true),
            StmtKind::Switch { clauses, .. } => {
                clauses.iter().any(|c| c.exprs.is_none())
                    && clauses.iter().all(|c| self.is_terminating_list(&c.body) && !has_break(&c.body, label, true))
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
        _ => false,
    }
}
