//! Labels and branch statements of one function body, checked the way gc's
//! parser does it (`cmd/compile/internal/syntax/branches.go`, run with
//! `CheckBranches`; types2 then ignores branches): undefined, duplicate and
//! unused labels, `break`/`continue` outside their statements, misplaced
//! `fallthrough`, and `goto` jumping into a block or over a declaration.
//! gc reports these while parsing, so before any type error.

use crate::ast::*;
use crate::diag::Diagnostic;

/// Checks the branches of every function body of the file, func literals
/// before the function containing them (gc's parser finishes them first).
pub(crate) fn check_file(file: &File, out: &mut Vec<Diagnostic>) {
    let mut bodies = Vec::new();
    for decl in &file.decls {
        match decl {
            Decl::Func(f) => {
                if let Some(body) = &f.body {
                    stmts_func_lits(&body.stmts, &mut bodies);
                    bodies.push(body);
                }
            }
            Decl::Var(specs) => {
                for spec in specs {
                    for v in &spec.values {
                        expr_func_lits(v, &mut bodies);
                    }
                }
            }
            Decl::Const(_) | Decl::Type(_) => {}
        }
    }
    for body in bodies {
        check_function(body, out);
    }
}

fn check_function(body: &Block, out: &mut Vec<Diagnostic>) {
    let mut scope = LabelScope { labels: Vec::new(), next_block: 0, next_goto: 0, out };
    let fwd = scope.block(None, &Targets::default(), None, body.lbrace, &body.stmts);
    for goto in fwd {
        let msg = match scope.labels.iter_mut().find(|l| l.name == goto.name) {
            Some(l) => {
                l.used = true;
                Diagnostic::new(goto.pos, format!("goto {} jumps into block starting at", goto.name)).ending_with(l.block_start)
            }
            None => Diagnostic::new(goto.pos, format!("label {} not defined", goto.name)),
        };
        scope.out.push(msg);
    }
    for l in scope.labels.iter().filter(|l| !l.used) {
        scope.out.push(Diagnostic::new(l.pos, format!("label {} defined and not used", l.name)));
    }
}

struct Label {
    name: String,
    pos: Pos,
    /// The block declaring the label: its id and where it starts.
    block: usize,
    block_start: Pos,
    used: bool,
}

/// What a labeled statement is, for `break L` and `continue L`.
#[derive(Clone, Copy, PartialEq)]
enum Labeled {
    Loop,
    Switch,
    Other,
}

struct LabelScope<'o> {
    labels: Vec<Label>,
    next_block: usize,
    next_goto: usize,
    out: &'o mut Vec<Diagnostic>,
}

/// The statements an unlabeled `break`, `continue` or `fallthrough` may target.
#[derive(Clone, Default)]
struct Targets {
    breaks: Option<Labeled>,
    continues: bool,
    /// Within the immediately enclosing switch: this case's index and the number of cases.
    case: Option<(usize, usize)>,
    /// That switch is a type switch.
    type_switch: bool,
}

/// A block being walked: the ids of it and its enclosing blocks, and the
/// labeled statements owning it or an enclosing block.
struct BlockCtx {
    chain: Vec<usize>,
    owners: Vec<(String, Labeled)>,
}

/// A goto whose label was not found in its block or an enclosing one (yet).
struct ForwardGoto {
    id: usize,
    name: String,
    pos: Pos,
}

impl LabelScope<'_> {
    fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        self.out.push(Diagnostic::new(pos, msg));
    }

    /// Walks a block's statements; returns the gotos it leaves unresolved.
    fn block(
        &mut self,
        parent: Option<&BlockCtx>,
        ctxt: &Targets,
        owner: Option<(String, Labeled)>,
        start: Pos,
        body: &[Stmt],
    ) -> Vec<ForwardGoto> {
        let id = self.next_block;
        self.next_block += 1;
        let mut b = BlockCtx {
            chain: parent.map(|p| p.chain.clone()).unwrap_or_default(),
            owners: parent.map(|p| p.owners.clone()).unwrap_or_default(),
        };
        b.chain.push(id);
        b.owners.extend(owner);
        let mut fwd: Vec<ForwardGoto> = Vec::new();
        // The last variable declaration seen, and the gotos that jump over it.
        let mut var_decl: Option<(String, Pos)> = None;
        let mut bad_gotos: Vec<usize> = Vec::new();
        let list = trim_trailing_empty(body);
        for (index, stmt) in list.iter().enumerate() {
            let mut s = stmt;
            let mut label_here: Option<String> = None;
            while let StmtKind::Labeled(label, inner) = &s.kind {
                if label.name != "_" {
                    self.declare(id, start, label);
                    let mut kept = Vec::new();
                    for goto in fwd.drain(..) {
                        if goto.name != label.name {
                            kept.push(goto);
                            continue;
                        }
                        if let Some(l) = self.labels.iter_mut().find(|l| l.name == label.name) {
                            l.used = true;
                        }
                        if let Some((name, at)) = var_decl.as_ref().filter(|_| bad_gotos.contains(&goto.id)) {
                            let msg = format!("goto {} jumps over declaration of {} at", goto.name, name);
                            self.out.push(Diagnostic::new(goto.pos, msg).ending_with(*at));
                        }
                    }
                    fwd = kept;
                    label_here = Some(label.name.clone());
                }
                s = inner;
            }
            let kind = match &s.kind {
                StmtKind::For { .. } | StmtKind::Range { .. } => Labeled::Loop,
                StmtKind::Switch { .. } | StmtKind::Select { .. } => Labeled::Switch,
                _ => Labeled::Other,
            };
            let owner = label_here.map(|name| (name, kind));
            let inner = Targets { case: None, ..ctxt.clone() };
            match &s.kind {
                StmtKind::Var(specs) => {
                    if let Some(name) = specs.first().and_then(|spec| spec.names.first()) {
                        var_decl = Some((name.name.clone(), name.pos));
                        bad_gotos = fwd.iter().map(|g| g.id).collect();
                    }
                }
                StmtKind::Assign(lhs, AssignOp::Define, _) => {
                    var_decl = Some((crate::ast::list_text(lhs), s.pos));
                    bad_gotos = fwd.iter().map(|g| g.id).collect();
                }
                StmtKind::Branch(kind, label) => self.branch(&b, ctxt, *kind, label.as_ref(), s.pos, index + 1 == list.len(), &mut fwd),
                StmtKind::Block(blk) => fwd.extend(self.block(Some(&b), &inner, owner, blk.lbrace, &blk.stmts)),
                StmtKind::If { then, els, .. } => {
                    fwd.extend(self.block(Some(&b), &inner, owner.clone(), then.lbrace, &then.stmts));
                    if let Some(els) = els {
                        let start = match &els.kind {
                            StmtKind::Block(blk) => blk.lbrace,
                            _ => els.pos,
                        };
                        fwd.extend(self.block(Some(&b), &inner, owner, start, std::slice::from_ref(els.as_ref())));
                    }
                }
                StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
                    let t = Targets { breaks: Some(Labeled::Loop), continues: true, case: None, type_switch: false };
                    fwd.extend(self.block(Some(&b), &t, owner, body.lbrace, &body.stmts));
                }
                StmtKind::Switch { clauses, tag, .. } => {
                    let type_switch = matches!(tag, Some(Expr { kind: ExprKind::TypeAssert { ty: None, .. }, .. }));
                    for (i, clause) in clauses.iter().enumerate() {
                        let case = Some((i, clauses.len()));
                        let t = Targets { breaks: Some(Labeled::Switch), continues: ctxt.continues, case, type_switch };
                        fwd.extend(self.block(Some(&b), &t, owner.clone(), clause.pos, &clause.body));
                    }
                }
                StmtKind::Select { clauses, .. } => {
                    for clause in clauses {
                        let t = Targets { breaks: Some(Labeled::Switch), continues: ctxt.continues, case: None, type_switch: false };
                        fwd.extend(self.block(Some(&b), &t, owner.clone(), clause.pos, &clause.body));
                    }
                }
                _ => {}
            }
        }
        fwd
    }

    fn declare(&mut self, block: usize, start: Pos, label: &Ident) {
        if let Some(prev) = self.labels.iter().find(|l| l.name == label.name) {
            let d = Diagnostic::new(label.pos, format!("label {} already defined at", label.name)).ending_with(prev.pos);
            self.out.push(d);
            return;
        }
        self.labels.push(Label { name: label.name.clone(), pos: label.pos, block, block_start: start, used: false });
    }

    #[allow(clippy::too_many_arguments)]
    fn branch(
        &mut self,
        b: &BlockCtx,
        ctxt: &Targets,
        kind: BranchKind,
        label: Option<&Ident>,
        pos: Pos,
        is_last: bool,
        fwd: &mut Vec<ForwardGoto>,
    ) {
        let Some(label) = label else {
            match kind {
                BranchKind::Break if ctxt.breaks.is_none() => self.error(pos, "break is not in a loop, switch, or select"),
                BranchKind::Continue if !ctxt.continues => self.error(pos, "continue is not in a loop"),
                BranchKind::Fallthrough => match (ctxt.breaks, ctxt.case) {
                    (Some(Labeled::Switch), Some(_)) if ctxt.type_switch => self.error(pos, "cannot fallthrough in type switch"),
                    (Some(Labeled::Switch), Some((i, n))) if is_last => {
                        if i + 1 == n {
                            self.error(pos, "cannot fallthrough final case in switch");
                        }
                    }
                    _ => self.error(pos, "fallthrough statement out of place"),
                },
                _ => {}
            }
            return;
        };
        let name = label.name.as_str();
        match kind {
            BranchKind::Break | BranchKind::Continue => {
                let word = if kind == BranchKind::Break { "break" } else { "continue" };
                let Some(l) = self.labels.iter_mut().find(|l| l.name == name) else {
                    self.error(label.pos, format!("{} label not defined: {}", word, name));
                    return;
                };
                l.used = true;
                let target = b.owners.iter().rev().find(|(n, _)| n == name).map(|(_, k)| *k);
                let valid = match target {
                    Some(Labeled::Loop) => true,
                    Some(Labeled::Switch) => kind == BranchKind::Break,
                    _ => false,
                };
                if !valid {
                    self.error(label.pos, format!("invalid {} label {}", word, name));
                }
            }
            BranchKind::Goto => {
                let reachable = match self.labels.iter_mut().find(|l| l.name == name) {
                    Some(l) => {
                        l.used = true;
                        b.chain.contains(&l.block)
                    }
                    None => false,
                };
                if !reachable {
                    fwd.push(ForwardGoto { id: self.next_goto, name: name.to_string(), pos: label.pos });
                    self.next_goto += 1;
                }
            }
            BranchKind::Fallthrough => {}
        }
    }
}

/// A fallthrough counts as the last statement even before empty statements.
fn trim_trailing_empty(list: &[Stmt]) -> &[Stmt] {
    let n = list.iter().rposition(|s| !matches!(s.kind, StmtKind::Empty)).map_or(0, |i| i + 1);
    &list[..n]
}

/// The bodies of the func literals in a statement list, inner ones first.
fn stmts_func_lits<'a>(list: &'a [Stmt], out: &mut Vec<&'a Block>) {
    for s in list {
        stmt_func_lits(s, out);
    }
}

fn stmt_func_lits<'a>(s: &'a Stmt, out: &mut Vec<&'a Block>) {
    let mut exprs: Vec<&Expr> = Vec::new();
    match &s.kind {
        StmtKind::Var(specs) => specs.iter().for_each(|spec| exprs.extend(spec.values.iter())),
        StmtKind::Const(specs) => specs.iter().for_each(|spec| exprs.extend(spec.values.iter())),
        StmtKind::Labeled(_, inner) => stmt_func_lits(inner, out),
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) | StmtKind::IncDec(e, _) => exprs.push(e),
        StmtKind::Send(a, b) => exprs.extend([a, b]),
        StmtKind::Assign(lhs, _, rhs) => exprs.extend(lhs.iter().chain(rhs.iter())),
        StmtKind::Return(results) => exprs.extend(results.iter()),
        StmtKind::Block(b) => stmts_func_lits(&b.stmts, out),
        StmtKind::If { init, cond, then, els } => {
            if let Some(init) = init {
                stmt_func_lits(init, out);
            }
            expr_func_lits(cond, out);
            stmts_func_lits(&then.stmts, out);
            if let Some(els) = els {
                stmt_func_lits(els, out);
            }
        }
        StmtKind::Switch { init, tag, clauses, .. } => {
            if let Some(init) = init {
                stmt_func_lits(init, out);
            }
            if let Some(tag) = tag {
                expr_func_lits(tag, out);
            }
            for c in clauses {
                for e in c.exprs.iter().flatten() {
                    expr_func_lits(e, out);
                }
                stmts_func_lits(&c.body, out);
            }
        }
        StmtKind::Select { clauses, .. } => {
            for c in clauses {
                if let Some(comm) = &c.comm {
                    stmt_func_lits(comm, out);
                }
                stmts_func_lits(&c.body, out);
            }
        }
        StmtKind::For { init, cond, post, body } => {
            if let Some(init) = init {
                stmt_func_lits(init, out);
            }
            if let Some(cond) = cond {
                expr_func_lits(cond, out);
            }
            if let Some(post) = post {
                stmt_func_lits(post, out);
            }
            stmts_func_lits(&body.stmts, out);
        }
        StmtKind::Range { key, value, x, body, .. } => {
            exprs.extend(key.iter().chain(value.iter()));
            exprs.push(x);
            stmts_func_lits(&body.stmts, out);
        }
        StmtKind::Empty | StmtKind::Type(_) | StmtKind::Branch(..) => {}
    }
    for e in exprs {
        expr_func_lits(e, out);
    }
}

fn expr_func_lits<'a>(e: &'a Expr, out: &mut Vec<&'a Block>) {
    match &e.kind {
        ExprKind::FuncLit { body, .. } => {
            stmts_func_lits(&body.stmts, out);
            out.push(body);
        }
        ExprKind::CompositeLit { ty, elems, .. } => {
            if let Some(ty) = ty {
                expr_func_lits(ty, out);
            }
            for el in elems {
                if let Some(k) = &el.key {
                    expr_func_lits(k, out);
                }
                expr_func_lits(&el.value, out);
            }
        }
        ExprKind::Paren(x) | ExprKind::Selector(x, _) | ExprKind::Star(x) | ExprKind::Unary(_, x) | ExprKind::SliceType(x) => {
            expr_func_lits(x, out)
        }
        ExprKind::Index(x, i) | ExprKind::Binary(_, x, i) | ExprKind::MapType(x, i) => {
            expr_func_lits(x, out);
            expr_func_lits(i, out);
        }
        ExprKind::Slice { x, lo, hi, max } => {
            expr_func_lits(x, out);
            for part in [lo, hi, max].into_iter().flatten() {
                expr_func_lits(part, out);
            }
        }
        ExprKind::TypeAssert { x, ty } => {
            expr_func_lits(x, out);
            if let Some(ty) = ty {
                expr_func_lits(ty, out);
            }
        }
        ExprKind::Call { func, args, .. } => {
            expr_func_lits(func, out);
            for a in args {
                expr_func_lits(a, out);
            }
        }
        ExprKind::ArrayType { len, elem } => {
            if let Some(len) = len {
                expr_func_lits(len, out);
            }
            expr_func_lits(elem, out);
        }
        _ => {}
    }
}
