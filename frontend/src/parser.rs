//! The parser: feeds the tokens of `lexer.rs` to the lalrpop grammar
//! (`grammar.lalrpop`) and turns what comes back into a `Parsed` file.
//!
//! This file owns everything around the grammar, following gc's
//! `cmd/compile/internal/syntax/parser.go`:
//! - `Ctx`, the state the grammar's actions share: expression ids handed out
//!   in creation order, and the errors gc reports without stopping (mixed
//!   named and unnamed parameters, `cannot use x := 0 as value`, ...);
//! - syntax error messages in gc's words (`syntax error: unexpected newline
//!   in argument list; possibly missing comma or )`), built from the token
//!   lalrpop stopped at and the tokens it expected;
//! - attaching `//go:` directives to functions, as gc's pragma handling does.
//!
//! The grammar stops at the first syntax error it meets (gc goes on and
//! reports one per line); errors the actions found before it are kept, and
//! like gc only the first syntax error of each line is reported.

use std::cell::{Cell, RefCell};

use lalrpop_util::{lalrpop_mod, ParseError};

use crate::ast;
use crate::ast::{
    AssignOp, BinaryOp, Block, CaseClause, ChanDir, ConstSpec, Decl, Element, Expr, ExprKind, File, FuncDecl, FuncType, Ident,
    InterfaceElem, InterfaceMethod, Param, Pos, SourceMap, Stmt, StmtKind, UnaryOp,
};
use crate::diag::{Diagnostic, Kind};
use crate::lexer::{self, Directive, Token};

lalrpop_mod!(
    #[allow(clippy::large_enum_variant)]
    grammar
);

/// A parsed file. Every `Expr` in `file` has an id below `expr_count`, and no
/// two share one, so the checker can size its side tables by `expr_count`.
pub struct Parsed {
    pub file: File,
    pub expr_count: u32,
    /// Lexical and syntax errors, and the few other errors gc's parser reports.
    /// gc does not type-check a file with a `syntax error:` (Kind::Syntax);
    /// the others (Kind::Parse, e.g. `method has no receiver`) let it go on.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses one source file. Never panics; on a syntax error the file holds
/// no package name and no declarations.
pub fn parse(src: &str) -> Parsed {
    let lexed = lexer::lex(src);
    let mut diagnostics: Vec<Diagnostic> =
        lexed.errors.iter().map(|e| Diagnostic::of_kind(Kind::Parse, e.offset as Pos, e.message.clone())).collect();
    // An inserted semicolon is an empty `;` token: the grammar sees one kind of
    // semicolon, error messages still tell `newline` from `semicolon`.
    let tokens: Vec<(usize, Token, usize)> = lexed
        .tokens
        .into_iter()
        .map(|(start, tok, end)| if tok == Token::AutoSemi { (start, Token::Semi, start) } else { (start, tok, end) })
        .collect();
    let ctx = Ctx::new();
    let result = grammar::SourceFileParser::new().parse(&ctx, tokens.iter().cloned().map(Ok::<_, std::convert::Infallible>));
    let label_errors = labels_before_clauses(&tokens);
    let file = match result {
        Ok(_) if !label_errors.is_empty() => {
            diagnostics.extend(label_errors);
            File { package: Ident { name: String::new(), pos: 0 }, imports: Vec::new(), decls: Vec::new() }
        }
        Ok(mut file) => {
            let misplaced = attach_directives(&mut file, &lexed.directives, &ctx.boundaries.borrow());
            diagnostics.extend(misplaced);
            file
        }
        Err(err) => {
            let error = syntax_error(src, &tokens, err);
            // A syntax error at or after generic code is the grammar not
            // knowing generics: say that instead.
            diagnostics.push(match generics(&tokens) {
                Some((pos, what)) if pos as Pos <= error.pos => {
                    Diagnostic::of_kind(Kind::Syntax, pos as Pos, format!("{} not supported yet: minigo has no generics", what))
                }
                _ => error,
            });
            File { package: Ident { name: String::new(), pos: 0 }, imports: Vec::new(), decls: Vec::new() }
        }
    };
    diagnostics.extend(ctx.errors.take());
    diagnostics.sort_by_key(|d| d.pos);
    Parsed { file, expr_count: ctx.next_id.get(), diagnostics: one_syntax_error_per_line(src, diagnostics) }
}

/// A label right before `case` or `default` (`L:` then the next clause):
/// gc's parser wants a statement after a label, and only a `}` may stand in
/// for one, so it reports `missing statement after label` at the colon.
/// (The grammar takes the empty statement there.) A label starts a
/// statement: it follows `;`, `{` or another colon.
fn labels_before_clauses(tokens: &[(usize, Token, usize)]) -> Vec<Diagnostic> {
    tokens
        .windows(4)
        .filter(|w| {
            matches!(w[0].1, Token::Semi | Token::LBrace | Token::Colon)
                && matches!(w[1].1, Token::Ident(_))
                && w[2].1 == Token::Colon
                && matches!(w[3].1, Token::Case | Token::Default)
        })
        .map(|w| Diagnostic::syntax(w[2].0 as Pos, "missing statement after label"))
        .collect()
}

/// gc reports only the first syntax error of a line (base.ErrorfAt).
fn one_syntax_error_per_line(src: &str, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let map = SourceMap::new(src);
    let mut last_syntax_line = None;
    let mut kept = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        if d.kind == Kind::Syntax {
            let line = map.line_col(d.pos).0;
            if last_syntax_line == Some(line) {
                continue;
            }
            last_syntax_line = Some(line);
        }
        kept.push(d);
    }
    kept
}

// ---------------------------------------------------------------------------
// Values the grammar passes between its rules

/// One entry of a parameter list before names and types are matched up;
/// `dots` is the position of `...` before the type.
pub(crate) struct ParamEntry {
    pub(crate) name: Option<Ident>,
    pub(crate) ty: Expr,
    pub(crate) dots: Option<usize>,
}

/// What sits between the brackets of `[]T`, `[...]T` and `[N]T`.
pub(crate) enum ArrayLen {
    Slice,
    Dots,
    Len(Expr),
}

pub(crate) struct Signature {
    pub(crate) params: Vec<Param>,
    pub(crate) results: Vec<Param>,
}

impl Signature {
    pub(crate) fn with_result(params: Vec<Param>, ty: Expr) -> Signature {
        let type_pos = ty.start();
        Signature { params, results: vec![Param { name: None, ty, variadic: false, type_pos }] }
    }
}

pub(crate) struct CallArgs {
    pub(crate) lparen: usize,
    pub(crate) args: Vec<Expr>,
    pub(crate) ellipsis: bool,
    pub(crate) rparen: usize,
}

pub(crate) struct LiteralBody {
    pub(crate) lbrace: usize,
    pub(crate) elems: Vec<Element>,
    pub(crate) rbrace: usize,
}

/// The header of an `if` or `switch`: `[init] [";" [cond]]`. `semi` is the
/// `;` position and whether the lexer inserted it.
pub(crate) struct Header {
    pub(crate) init: Option<Stmt>,
    pub(crate) semi: Option<(usize, bool)>,
    pub(crate) cond: Option<Stmt>,
}

pub(crate) enum ForHeader {
    Cond(Option<Box<Stmt>>),
    Range { lhs: Vec<Expr>, define: bool, range_pos: usize, x: Expr },
    Clauses { init: Option<Box<Stmt>>, cond: Option<Box<Stmt>>, post: Option<Box<Stmt>> },
}

#[derive(Clone, Copy, PartialEq)]
enum HeaderKeyword {
    If,
    Switch,
    For,
}

// ---------------------------------------------------------------------------
// The grammar's shared state and the helpers its actions call

pub(crate) struct Ctx {
    next_id: Cell<u32>,
    errors: RefCell<Vec<Diagnostic>>,
    /// End offsets of the package clause and of each top-level declaration, in
    /// order: a directive belongs to the function declared after the last one.
    boundaries: RefCell<Vec<Pos>>,
}

impl Ctx {
    fn new() -> Ctx {
        Ctx { next_id: Cell::new(0), errors: RefCell::new(Vec::new()), boundaries: RefCell::new(Vec::new()) }
    }

    fn fresh_id(&self) -> u32 {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        id
    }

    fn error(&self, pos: Pos, message: impl Into<String>) {
        self.errors.borrow_mut().push(Diagnostic::of_kind(Kind::Parse, pos, message));
    }

    /// gc's `syntax error: <detail>`.
    fn syntax_error(&self, pos: Pos, detail: impl std::fmt::Display) {
        self.errors.borrow_mut().push(Diagnostic::syntax(pos, detail));
    }

    pub(crate) fn boundary(&self, end: usize) {
        self.boundaries.borrow_mut().push(end as Pos);
    }

    pub(crate) fn expr(&self, pos: usize, kind: ExprKind) -> Expr {
        Expr { id: self.fresh_id(), pos: pos as Pos, kind }
    }

    pub(crate) fn ident_expr(&self, pos: usize, name: String) -> Expr {
        self.expr(pos, ExprKind::Ident(name))
    }

    pub(crate) fn selector(&self, x: Expr, dot: usize, sel: Ident) -> Expr {
        self.expr(dot, ExprKind::Selector(Box::new(x), sel))
    }

    /// The import path without its quotes (import paths have no escapes worth decoding).
    pub(crate) fn import_path(literal: &str) -> String {
        literal.trim_matches(|c| c == '"' || c == '`').to_string()
    }

    /// `iota` is the index of the spec within its group.
    pub(crate) fn number_iota(specs: Vec<ConstSpec>) -> Vec<ConstSpec> {
        specs.into_iter().enumerate().map(|(i, spec)| ConstSpec { iota: i as u32, ..spec }).collect()
    }

    pub(crate) fn func_decl(
        &self,
        pos: usize,
        recv: Option<(Pos, Vec<Param>)>,
        name: Ident,
        sig: Signature,
        body: Option<Block>,
    ) -> FuncDecl {
        let recv_pos = recv.as_ref().map(|(paren, _)| *paren);
        let recv = recv.and_then(|(_, list)| {
            match list.len() {
                0 => self.error(name.pos, "method has no receiver"),
                1 => {}
                _ => self.error(name.pos, "method has multiple receivers"),
            }
            list.into_iter().next()
        });
        FuncDecl {
            func_pos: pos as Pos,
            recv_pos,
            recv,
            name,
            sig: FuncType { pos: pos as Pos, params: sig.params, results: sig.results },
            body,
            pragmas: Vec::new(),
        }
    }

    /// Matches names with types as gc's paramList does: if any entry has a
    /// name and a type, every lone name takes the type of the next entry that
    /// has one, and a type without a name is an error; otherwise all entries
    /// are types. Each name gets its own copy of a shared type (fresh ids).
    pub(crate) fn params(&self, entries: Vec<ParamEntry>) -> Vec<Param> {
        if entries.iter().all(|e| e.name.is_none()) {
            return entries
                .into_iter()
                .map(|e| {
                    let type_pos = e.dots.map_or(e.ty.start(), |d| d as Pos);
                    Param { name: None, ty: e.ty, variadic: e.dots.is_some(), type_pos }
                })
                .collect();
        }
        let mut error_pos = None;
        // Built right to left; `typed` indexes the nearest param with its own type.
        let mut params: Vec<Param> = Vec::with_capacity(entries.len());
        let mut typed: Option<usize> = None;
        for ParamEntry { name, ty, dots } in entries.into_iter().rev() {
            let type_pos = dots.map_or(ty.start(), |d| d as Pos);
            match (name, ty.kind) {
                (Some(name), kind) => {
                    typed = Some(params.len());
                    params.push(Param { name: Some(name), ty: Expr { kind, ..ty }, variadic: dots.is_some(), type_pos });
                }
                (None, ExprKind::Ident(lone)) if dots.is_none() => {
                    let name = Ident { name: lone, pos: ty.pos };
                    match typed {
                        Some(i) => {
                            let shared = self.fresh_copy(&params[i].ty);
                            let (variadic, type_pos) = (params[i].variadic, params[i].type_pos);
                            params.push(Param { name: Some(name), ty: shared, variadic, type_pos });
                        }
                        None => {
                            error_pos = Some(name.pos);
                            let bad = self.expr(name.pos as usize, ExprKind::Bad);
                            let type_pos = name.pos;
                            params.push(Param { name: Some(name), ty: bad, variadic: false, type_pos });
                        }
                    }
                }
                (None, kind) => {
                    let ty = Expr { kind, ..ty };
                    error_pos = Some(type_pos);
                    typed = Some(params.len());
                    params.push(Param { name: None, ty, variadic: dots.is_some(), type_pos });
                }
            }
        }
        params.reverse();
        if let Some(pos) = error_pos {
            self.syntax_error(pos, "mixed named and unnamed parameters");
        }
        params
    }

    pub(crate) fn func_type_expr(&self, pos: usize, sig: Signature) -> Expr {
        let ft = FuncType { pos: pos as Pos, params: sig.params, results: sig.results };
        self.expr(pos, ExprKind::FuncType(ft))
    }

    pub(crate) fn func_lit(&self, pos: usize, sig: Signature, body: Block) -> Expr {
        let ft = FuncType { pos: pos as Pos, params: sig.params, results: sig.results };
        self.expr(pos, ExprKind::FuncLit { sig: ft, body })
    }

    pub(crate) fn array(&self, (pos, len): (usize, ArrayLen), elem: Expr) -> Expr {
        let kind = match len {
            ArrayLen::Slice => ExprKind::SliceType(Box::new(elem)),
            ArrayLen::Dots => ExprKind::ArrayType { len: None, elem: Box::new(elem) },
            ArrayLen::Len(n) => ExprKind::ArrayType { len: Some(Box::new(n)), elem: Box::new(elem) },
        };
        self.expr(pos, kind)
    }

    pub(crate) fn map(&self, pos: usize, key: Expr, value: Expr) -> Expr {
        self.expr(pos, ExprKind::MapType(Box::new(key), Box::new(value)))
    }

    pub(crate) fn chan(&self, pos: usize, dir: ChanDir, elem: Expr) -> Expr {
        self.expr(pos, ExprKind::ChanType(dir, Box::new(elem)))
    }

    pub(crate) fn interface_type(&self, pos: usize, elems: Vec<InterfaceElem>) -> Expr {
        self.expr(pos, ExprKind::InterfaceType(elems))
    }

    pub(crate) fn interface_method(&self, name: Ident, sig: Signature) -> InterfaceElem {
        let sig = FuncType { pos: name.pos, params: sig.params, results: sig.results };
        InterfaceElem::Method(InterfaceMethod { name, sig })
    }

    pub(crate) fn binary(&self, pos: usize, op: BinaryOp, x: Expr, y: Expr) -> Expr {
        self.expr(pos, ExprKind::Binary(op, Box::new(x), Box::new(y)))
    }

    /// `<-` before a channel type makes a receive-only channel type, as in
    /// gc's unaryExpr: `<-chan T` is a type, `<-chan<- chan T` is `<-chan (<-chan T)`.
    pub(crate) fn unary(&self, pos: usize, op: UnaryOp, x: Expr) -> Expr {
        if op != UnaryOp::Recv || !matches!(x.kind, ExprKind::ChanType(..)) {
            return self.expr(pos, ExprKind::Unary(op, Box::new(x)));
        }
        let mut x = x;
        x.pos = pos as Pos;
        self.make_recv_only(&mut x);
        x
    }

    /// Marks the channel type `t` receive-only; one that was send-only passes
    /// the arrow on to its element, which must then be a channel type too.
    fn make_recv_only(&self, t: &mut Expr) {
        let pos = t.pos;
        match &mut t.kind {
            ExprKind::ChanType(dir, elem) => match *dir {
                ChanDir::Recv => self.syntax_error(pos, "unexpected <-, expecting chan"),
                ChanDir::Both => *dir = ChanDir::Recv,
                ChanDir::Send => {
                    *dir = ChanDir::Recv;
                    self.make_recv_only(elem);
                }
            },
            _ => self.syntax_error(t.start(), format_args!("unexpected {}, expecting chan", ast::expr_text(t))),
        }
    }

    pub(crate) fn composite_lit(&self, ty: Option<Expr>, body: LiteralBody) -> Expr {
        let kind = ExprKind::CompositeLit { ty: ty.map(Box::new), elems: body.elems, rbrace: body.rbrace as Pos };
        self.expr(body.lbrace, kind)
    }

    pub(crate) fn call(&self, func: Expr, call: CallArgs) -> Expr {
        let kind = ExprKind::Call { func: Box::new(func), args: call.args, ellipsis: call.ellipsis, rparen: call.rparen as Pos };
        self.expr(call.lparen, kind)
    }

    pub(crate) fn type_assert(&self, x: Expr, dot: usize, ty: Option<Expr>) -> Expr {
        self.expr(dot, ExprKind::TypeAssert { x: Box::new(x), ty: ty.map(Box::new) })
    }

    /// `x[lo:hi]`, or `x[lo:hi:max]` when `full` holds the second colon's
    /// position, `max` and the `]` position; gc requires both indices there.
    pub(crate) fn slice(
        &self,
        x: Expr,
        pos: usize,
        lo: Option<Expr>,
        hi: Option<Expr>,
        full: Option<(usize, Option<Expr>, usize)>,
    ) -> Expr {
        let mut hi = hi.map(Box::new);
        let mut max = None;
        if let Some((colon, given_max, rbrack)) = full {
            if hi.is_none() {
                self.error(colon as Pos, "middle index required in 3-index slice");
                hi = Some(Box::new(self.expr(colon, ExprKind::Bad)));
            }
            max = Some(Box::new(given_max.unwrap_or_else(|| {
                self.error(rbrack as Pos, "final index required in 3-index slice");
                self.expr(rbrack, ExprKind::Bad)
            })));
        }
        self.expr(pos, ExprKind::Slice { x: Box::new(x), lo: lo.map(Box::new), hi, max })
    }

    pub(crate) fn push_stmt(mut list: Vec<Stmt>, s: Stmt) -> Vec<Stmt> {
        if !matches!(s.kind, StmtKind::Empty) {
            list.push(s);
        }
        list
    }

    /// The operand of `go` and `defer`: gc's callStmt wants an unparenthesized call.
    pub(crate) fn call_stmt(&self, keyword: &str, x: Expr) -> Expr {
        let mut x = x;
        if matches!(x.kind, ExprKind::Paren(_)) {
            self.error(x.pos, format!("expression in {keyword} must not be parenthesized"));
            x = unparen(x);
        }
        if !matches!(x.kind, ExprKind::Call { .. }) {
            self.error(x.pos, format!("expression in {keyword} must be function call"));
        }
        x
    }

    pub(crate) fn if_stmt(&self, pos: usize, header: Header, then: Block, els: Option<Stmt>) -> Stmt {
        let (init, cond) = self.unpack_header(HeaderKeyword::If, header, then.lbrace);
        let cond = cond.unwrap_or_else(|| self.expr(then.lbrace as usize, ExprKind::Bad));
        Stmt { pos: pos as Pos, kind: StmtKind::If { init, cond, then, els: els.map(Box::new) } }
    }

    pub(crate) fn switch_stmt(&self, pos: usize, header: Header, clauses: Vec<CaseClause>, rbrace: usize) -> Stmt {
        let bind = header.cond.as_ref().and_then(type_switch_guard).map(|(name, _)| name.clone());
        let (init, tag) = self.unpack_header(HeaderKeyword::Switch, header, pos as Pos);
        Stmt { pos: pos as Pos, kind: StmtKind::Switch { init, tag, bind, clauses, rbrace: rbrace as Pos } }
    }

    pub(crate) fn for_stmt(&self, pos: usize, header: ForHeader, body: Block) -> Stmt {
        let kind = match header {
            ForHeader::Cond(cond) => {
                let header = Header { init: None, semi: None, cond: cond.map(|c| *c) };
                let (_, cond) = self.unpack_header(HeaderKeyword::For, header, body.lbrace);
                StmtKind::For { init: None, cond, post: None, body }
            }
            ForHeader::Clauses { init, cond, post } => {
                let cond = cond.and_then(|s| self.condition(*s));
                if let Some(post) = &post {
                    if matches!(post.kind, StmtKind::Assign(_, AssignOp::Define, _)) {
                        self.syntax_error(post.pos, "cannot declare in post statement of for loop");
                    }
                }
                StmtKind::For { init, cond, post, body }
            }
            ForHeader::Range { lhs, define, range_pos, x } => {
                if let Some(extra) = lhs.get(2) {
                    self.error(extra.start(), "range clause permits at most two iteration variables");
                }
                let mut lhs = lhs.into_iter();
                let key = lhs.next();
                let value = lhs.next();
                StmtKind::Range { key, value, define, x, body, range_pos: range_pos as Pos }
            }
        };
        Stmt { pos: pos as Pos, kind }
    }

    /// Splits a header into init statement and condition and reports what gc's
    /// header() reports: a missing `if` condition, or a statement that is not
    /// an expression where the condition goes. `lbrace` is the `{` after it.
    fn unpack_header(&self, keyword: HeaderKeyword, header: Header, lbrace: Pos) -> (Option<Box<Stmt>>, Option<Expr>) {
        let Header { init, semi, cond } = header;
        let init = init.map(Box::new);
        let Some(cond) = cond else {
            if keyword == HeaderKeyword::If {
                match semi {
                    None => self.syntax_error(lbrace, "missing condition in if statement"),
                    Some((pos, true)) => self.syntax_error(pos as Pos, "unexpected newline, expecting { after if clause"),
                    Some((pos, false)) => self.syntax_error(pos as Pos, "missing condition in if statement"),
                }
            }
            return (init, None);
        };
        if keyword == HeaderKeyword::Switch {
            if let Some((_, guard)) = type_switch_guard(&cond) {
                return (init, Some(guard.clone()));
            }
        }
        (init, self.condition(cond))
    }

    /// The expression of an expression statement in condition position.
    fn condition(&self, s: Stmt) -> Option<Expr> {
        match s.kind {
            StmtKind::Expr(x) => Some(x),
            _ => {
                self.syntax_error(s.pos, format_args!("cannot use {} as value", stmt_text(&s)));
                None
            }
        }
    }

    /// A copy of `e` whose expressions all have new ids.
    fn fresh_copy(&self, e: &Expr) -> Expr {
        let mut copy = e.clone();
        walk_expr(&mut copy, &mut |x| x.id = self.fresh_id());
        copy
    }
}

/// Calls `f` on `e` and then on every expression inside it, statements of
/// function literals included.
fn walk_expr(e: &mut Expr, f: &mut dyn FnMut(&mut Expr)) {
    f(e);
    match &mut e.kind {
        ExprKind::Ident(_)
        | ExprKind::IntLit(_)
        | ExprKind::FloatLit(_)
        | ExprKind::ImagLit(_)
        | ExprKind::RuneLit(_)
        | ExprKind::StringLit(_)
        | ExprKind::Bad => {}
        ExprKind::CompositeLit { ty, elems, .. } => {
            if let Some(ty) = ty {
                walk_expr(ty, f);
            }
            for elem in elems {
                if let Some(key) = &mut elem.key {
                    walk_expr(key, f);
                }
                walk_expr(&mut elem.value, f);
            }
        }
        ExprKind::FuncLit { sig, body } => {
            walk_func_type(sig, f);
            walk_stmts(&mut body.stmts, f);
        }
        ExprKind::Paren(x)
        | ExprKind::Selector(x, _)
        | ExprKind::Star(x)
        | ExprKind::Unary(_, x)
        | ExprKind::SliceType(x)
        | ExprKind::ChanType(_, x) => walk_expr(x, f),
        ExprKind::Index(x, y) | ExprKind::Binary(_, x, y) | ExprKind::MapType(x, y) => {
            walk_expr(x, f);
            walk_expr(y, f);
        }
        ExprKind::Slice { x, lo, hi, max } => {
            walk_expr(x, f);
            for index in [lo, hi, max].into_iter().flatten() {
                walk_expr(index, f);
            }
        }
        ExprKind::TypeAssert { x, ty } => {
            walk_expr(x, f);
            if let Some(ty) = ty {
                walk_expr(ty, f);
            }
        }
        ExprKind::Call { func, args, .. } => {
            walk_expr(func, f);
            args.iter_mut().for_each(|a| walk_expr(a, f));
        }
        ExprKind::ArrayType { len, elem } => {
            if let Some(len) = len {
                walk_expr(len, f);
            }
            walk_expr(elem, f);
        }
        ExprKind::FuncType(ft) => walk_func_type(ft, f),
        ExprKind::StructType(fields) => fields.iter_mut().for_each(|field| walk_expr(&mut field.ty, f)),
        ExprKind::InterfaceType(elems) => elems.iter_mut().for_each(|elem| match elem {
            InterfaceElem::Method(m) => walk_func_type(&mut m.sig, f),
            InterfaceElem::Embedded(t) => walk_expr(t, f),
        }),
    }
}

fn walk_func_type(ft: &mut FuncType, f: &mut dyn FnMut(&mut Expr)) {
    ft.params.iter_mut().chain(ft.results.iter_mut()).for_each(|p| walk_expr(&mut p.ty, f));
}

fn walk_stmts(stmts: &mut [Stmt], f: &mut dyn FnMut(&mut Expr)) {
    stmts.iter_mut().for_each(|s| walk_stmt(s, f));
}

fn walk_stmt(s: &mut Stmt, f: &mut dyn FnMut(&mut Expr)) {
    match &mut s.kind {
        StmtKind::Empty | StmtKind::Branch(..) => {}
        StmtKind::Var(specs) => {
            for spec in specs {
                spec.ty.iter_mut().chain(spec.values.iter_mut()).for_each(|e| walk_expr(e, f));
            }
        }
        StmtKind::Const(specs) => {
            for spec in specs {
                spec.ty.iter_mut().chain(spec.values.iter_mut()).for_each(|e| walk_expr(e, f));
            }
        }
        StmtKind::Type(specs) => specs.iter_mut().for_each(|spec| walk_expr(&mut spec.ty, f)),
        StmtKind::Labeled(_, inner) => walk_stmt(inner, f),
        StmtKind::Expr(x) | StmtKind::IncDec(x, _) | StmtKind::Go(x) | StmtKind::Defer(x) => walk_expr(x, f),
        StmtKind::Send(x, y) => {
            walk_expr(x, f);
            walk_expr(y, f);
        }
        StmtKind::Assign(lhs, _, rhs) => lhs.iter_mut().chain(rhs.iter_mut()).for_each(|e| walk_expr(e, f)),
        StmtKind::Return(results) => results.iter_mut().for_each(|e| walk_expr(e, f)),
        StmtKind::Block(b) => walk_stmts(&mut b.stmts, f),
        StmtKind::If { init, cond, then, els } => {
            if let Some(init) = init {
                walk_stmt(init, f);
            }
            walk_expr(cond, f);
            walk_stmts(&mut then.stmts, f);
            if let Some(els) = els {
                walk_stmt(els, f);
            }
        }
        StmtKind::Switch { init, tag, clauses, .. } => {
            if let Some(init) = init {
                walk_stmt(init, f);
            }
            if let Some(tag) = tag {
                walk_expr(tag, f);
            }
            for clause in clauses {
                clause.exprs.iter_mut().flatten().for_each(|e| walk_expr(e, f));
                walk_stmts(&mut clause.body, f);
            }
        }
        StmtKind::Select { clauses, .. } => {
            for clause in clauses {
                if let Some(comm) = &mut clause.comm {
                    walk_stmt(comm, f);
                }
                walk_stmts(&mut clause.body, f);
            }
        }
        StmtKind::For { init, cond, post, body } => {
            if let Some(init) = init {
                walk_stmt(init, f);
            }
            if let Some(cond) = cond {
                walk_expr(cond, f);
            }
            if let Some(post) = post {
                walk_stmt(post, f);
            }
            walk_stmts(&mut body.stmts, f);
        }
        StmtKind::Range { key, value, x, body, .. } => {
            key.iter_mut().chain(value.iter_mut()).for_each(|e| walk_expr(e, f));
            walk_expr(x, f);
            walk_stmts(&mut body.stmts, f);
        }
    }
}

fn unparen(mut x: Expr) -> Expr {
    loop {
        match x.kind {
            ExprKind::Paren(inner) => x = *inner,
            kind => return Expr { kind, ..x },
        }
    }
}

/// The `v` and `x.(type)` of `v := x.(type)`, gc's TypeSwitchGuard with a name.
fn type_switch_guard(s: &Stmt) -> Option<(Ident, &Expr)> {
    match &s.kind {
        StmtKind::Assign(lhs, AssignOp::Define, rhs) if lhs.len() == 1 && rhs.len() == 1 => match (&lhs[0].kind, &rhs[0].kind) {
            (ExprKind::Ident(name), ExprKind::TypeAssert { ty: None, .. }) => {
                Some((Ident { name: name.clone(), pos: lhs[0].pos }, &rhs[0]))
            }
            _ => None,
        },
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Directives

/// gc hands the `//go:` directives seen since the end of the previous
/// declaration to the next one, whatever blank lines or comments come
/// between; only function declarations keep them. A pragma gc knows that
/// reaches no function is `misplaced compiler directive` (noder.go's
/// checkUnusedDuringParse); directives gc does not know are ignored.
fn attach_directives(file: &mut File, directives: &[Directive], boundaries: &[Pos]) -> Vec<Diagnostic> {
    let mut used = vec![false; directives.len()];
    for decl in &mut file.decls {
        let Decl::Func(func) = decl else { continue };
        let previous_end = boundaries.iter().copied().take_while(|&end| end <= func.func_pos).last().unwrap_or(0);
        let mut pragmas = Vec::new();
        for (i, d) in directives.iter().enumerate() {
            if (previous_end as usize) <= d.offset && d.offset < func.func_pos as usize {
                used[i] = true;
                pragmas.push(pragma_verb(&d.text).to_string());
            }
        }
        func.pragmas = pragmas;
    }
    // gc reports the pragmas inside function bodies while parsing; only
    // without those does it reach the declarations and report theirs.
    let bodies: Vec<(Pos, Pos)> = file
        .decls
        .iter()
        .filter_map(|d| match d {
            Decl::Func(f) => f.body.as_ref().map(|b| (b.lbrace, b.rbrace)),
            _ => None,
        })
        .collect();
    let misplaced: Vec<(bool, Diagnostic)> = directives
        .iter()
        .zip(used)
        .filter(|(d, used)| !used && is_function_pragma(&d.text))
        .map(|(d, _)| {
            let in_body = bodies.iter().any(|(l, r)| (*l as usize) < d.offset && d.offset < *r as usize);
            (in_body, Diagnostic::of_kind(Kind::Parse, d.offset as Pos + 2, "misplaced compiler directive"))
        })
        .collect();
    let any_in_body = misplaced.iter().any(|(in_body, _)| *in_body);
    misplaced.into_iter().filter(|(in_body, _)| *in_body || !any_in_body).map(|(_, d)| d).collect()
}

/// A directive's name: its text up to the first space, as gc's pragmaFlag
/// reads it (`//go:noinline because ...` is go:noinline).
fn pragma_verb(text: &str) -> &str {
    text.split(' ').next().unwrap_or(text)
}

/// The `//go:` pragmas gc applies to function declarations (noder/lex.go).
fn is_function_pragma(text: &str) -> bool {
    matches!(
        pragma_verb(text),
        "go:nointerface"
            | "go:noescape"
            | "go:norace"
            | "go:nosplit"
            | "go:noinline"
            | "go:nocheckptr"
            | "go:systemstack"
            | "go:nowritebarrier"
            | "go:nowritebarrierrec"
            | "go:yeswritebarrierrec"
            | "go:cgo_unsafe_args"
            | "go:uintptrkeepalive"
            | "go:uintptrescapes"
            | "go:registerparams"
    )
}

// ---------------------------------------------------------------------------
// Syntax error messages

/// Words gc's parser uses for a token in `unexpected X` (syntaxErrorAt).
fn token_text(tok: &Token, start: usize, end: usize, src_len: usize) -> String {
    match tok {
        Token::Ident(name) => name.clone(),
        Token::Int(text) | Token::Float(text) | Token::Imag(text) | Token::Rune(text) | Token::Str(text) => format!("literal {text}"),
        // An inserted semicolon is empty: gc calls it `newline`, or `EOF` at the end.
        Token::Semi if start == end && start == src_len => "EOF".to_string(),
        Token::Semi if start == end => "newline".to_string(),
        Token::Semi => "semicolon".to_string(),
        Token::Comma => "comma".to_string(),
        other => spelling(other).to_string(),
    }
}

/// The source spelling of a keyword or operator token.
fn spelling(tok: &Token) -> &'static str {
    match tok {
        Token::Break => "break",
        Token::Case => "case",
        Token::Chan => "chan",
        Token::Const => "const",
        Token::Continue => "continue",
        Token::Default => "default",
        Token::Defer => "defer",
        Token::Else => "else",
        Token::Fallthrough => "fallthrough",
        Token::For => "for",
        Token::Func => "func",
        Token::Go => "go",
        Token::Goto => "goto",
        Token::If => "if",
        Token::Import => "import",
        Token::Interface => "interface",
        Token::Map => "map",
        Token::Package => "package",
        Token::Range => "range",
        Token::Return => "return",
        Token::Select => "select",
        Token::Struct => "struct",
        Token::Switch => "switch",
        Token::Type => "type",
        Token::Var => "var",
        Token::Add => "+",
        Token::Sub => "-",
        Token::Mul => "*",
        Token::Quo => "/",
        Token::Rem => "%",
        Token::And => "&",
        Token::Or => "|",
        Token::Xor => "^",
        Token::Shl => "<<",
        Token::Shr => ">>",
        Token::AndNot => "&^",
        Token::AddAssign => "+=",
        Token::SubAssign => "-=",
        Token::MulAssign => "*=",
        Token::QuoAssign => "/=",
        Token::RemAssign => "%=",
        Token::AndAssign => "&=",
        Token::OrAssign => "|=",
        Token::XorAssign => "^=",
        Token::ShlAssign => "<<=",
        Token::ShrAssign => ">>=",
        Token::AndNotAssign => "&^=",
        Token::LAnd => "&&",
        Token::LOr => "||",
        Token::Arrow => "<-",
        Token::Inc => "++",
        Token::Dec => "--",
        Token::Eql => "==",
        Token::Lss => "<",
        Token::Gtr => ">",
        Token::Assign => "=",
        Token::Not => "!",
        Token::Neq => "!=",
        Token::Leq => "<=",
        Token::Geq => ">=",
        Token::Define => ":=",
        Token::Ellipsis => "...",
        Token::LParen => "(",
        Token::LBrack => "[",
        Token::LBrace => "{",
        Token::Comma => ",",
        Token::Period => ".",
        Token::RParen => ")",
        Token::RBrack => "]",
        Token::RBrace => "}",
        Token::Semi | Token::AutoSemi => ";",
        Token::Colon => ":",
        Token::Tilde => "~",
        Token::Newline => "newline",
        Token::LineComment | Token::BlockComment => "comment",
        Token::Ident(_) | Token::Int(_) | Token::Float(_) | Token::Imag(_) | Token::Rune(_) | Token::Str(_) => "literal",
    }
}

/// Grammar terminals that only continue an expression or statement; gc
/// never lists them after `expecting`.
const CONTINUATIONS: &[&str] = &[
    ".", "(", "[", "{", "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "&^", "&&", "||", "==", "!=", "<", "<=", ">", ">=", "<-", "++",
    "--", "=", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^=", "...",
];

/// What the innermost bracket still open before a token belongs to.
enum Enclosing {
    TopLevel,
    Group,
    Struct,
    Interface,
    Params,
    Other,
}

/// The index of the innermost bracket still open before the token at `index`.
fn open_bracket(tokens: &[(usize, Token, usize)], index: usize) -> Option<usize> {
    let mut depth = 0usize;
    for i in (0..index.min(tokens.len())).rev() {
        match tokens[i].1 {
            Token::RParen | Token::RBrack | Token::RBrace => depth += 1,
            Token::LParen | Token::LBrack | Token::LBrace if depth > 0 => depth -= 1,
            Token::LParen | Token::LBrack | Token::LBrace => return Some(i),
            _ => {}
        }
    }
    None
}

fn enclosing(tokens: &[(usize, Token, usize)], index: usize) -> Enclosing {
    let Some(open) = open_bracket(tokens, index) else { return Enclosing::TopLevel };
    let before = open.checked_sub(1).map(|j| &tokens[j].1);
    match (&tokens[open].1, before) {
        (Token::LBrace, Some(Token::Struct)) => Enclosing::Struct,
        (Token::LBrace, Some(Token::Interface)) => Enclosing::Interface,
        (Token::LParen, Some(Token::Var | Token::Const | Token::Type | Token::Import)) => Enclosing::Group,
        (Token::LParen, _) if opens_params(tokens, open) => Enclosing::Params,
        _ => Enclosing::Other,
    }
}

/// Whether the `(` at `open` starts a parameter or result list: it follows
/// `func`, a function or method name, an interface method name, or the `)`
/// of a parameter list.
fn opens_params(tokens: &[(usize, Token, usize)], open: usize) -> bool {
    let before = |back: usize| open.checked_sub(back).map(|j| &tokens[j].1);
    match before(1) {
        Some(Token::Func) => true,
        Some(Token::Ident(_)) => match before(2) {
            Some(Token::Func) => true,
            Some(Token::RParen) => open_bracket(tokens, open - 2).is_some_and(|o| opens_params(tokens, o)),
            Some(Token::LBrace | Token::Semi) => matches!(enclosing(tokens, open), Enclosing::Interface),
            _ => false,
        },
        Some(Token::RParen) => open_bracket(tokens, open - 1).is_some_and(|o| opens_params(tokens, o)),
        _ => false,
    }
}

/// The first token of the statement or declaration that the token at
/// `index` is part of: the one after the last `;`, `}` or open bracket.
fn statement_start(tokens: &[(usize, Token, usize)], index: usize) -> Option<&Token> {
    let mut depth = 0usize;
    for i in (0..index.min(tokens.len())).rev() {
        match tokens[i].1 {
            Token::RParen | Token::RBrack => depth += 1,
            Token::RBrace if depth > 0 => depth += 1,
            Token::LParen | Token::LBrack | Token::LBrace if depth > 0 => depth -= 1,
            Token::LParen | Token::LBrack | Token::LBrace | Token::RBrace | Token::Semi => {
                return tokens.get(i + 1).map(|t| &t.1);
            }
            _ => {}
        }
    }
    tokens.first().map(|t| &t.1)
}

/// Where a token sits in the header of an `if`, `for` or `switch`.
struct HeaderPlace<'a> {
    keyword: &'a Token,
    /// How many of the header's `;` come before the token.
    semis: usize,
    /// Whether the header is a range clause.
    range: bool,
}

fn header_place(tokens: &[(usize, Token, usize)], index: usize) -> Option<HeaderPlace<'_>> {
    let mut depth = 0usize;
    let mut semis = 0;
    let mut range = false;
    for i in (0..index.min(tokens.len())).rev() {
        match &tokens[i].1 {
            Token::RParen | Token::RBrack => depth += 1,
            Token::RBrace if depth > 0 => depth += 1,
            Token::LParen | Token::LBrack | Token::LBrace if depth > 0 => depth -= 1,
            Token::LParen | Token::LBrack | Token::LBrace | Token::RBrace => return None,
            Token::Semi if depth == 0 => semis += 1,
            Token::Range if depth == 0 => range = true,
            keyword @ (Token::If | Token::For | Token::Switch) if depth == 0 => return Some(HeaderPlace { keyword, semis, range }),
            _ => {}
        }
    }
    None
}

/// True when the last top-level declaration before `index` is a `func`
/// without a body: a `{` now is a body put on the next line.
fn after_bodyless_func(tokens: &[(usize, Token, usize)], index: usize) -> bool {
    let mut depth = 0usize;
    let mut bodyless_func = false;
    for (_, tok, _) in &tokens[..index.min(tokens.len())] {
        match tok {
            Token::Func | Token::Var | Token::Const | Token::Type | Token::Import if depth == 0 => {
                bodyless_func = *tok == Token::Func;
            }
            Token::LBrace if depth == 0 => {
                bodyless_func = false;
                depth += 1;
            }
            Token::LParen | Token::LBrack | Token::LBrace => depth += 1,
            Token::RParen | Token::RBrack | Token::RBrace => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    bodyless_func
}

/// gc's name for a grammar terminal after `expecting`.
fn expected_word(terminal: &str) -> &str {
    match terminal {
        "ident" => "name",
        "," => "comma",
        ";" => "semicolon or newline",
        "int" | "float" | "rune" | "string" => "literal",
        other => other,
    }
}

/// The first generic construct of a file, which the grammar does not
/// parse, and what it is: a function's or method receiver's type
/// parameters (`func F[T any]`, `func (s *S[T]) M`), a type's (`type S[T
/// any]`, not an array type `type A [N]int`), or a type set (`~int`, or an
/// interface element that is not a method or a name: `int | string`, `[]byte`).
fn generics(tokens: &[(usize, Token, usize)]) -> Option<(usize, &'static str)> {
    let kind = |i: usize| tokens.get(i).map(|t| &t.1);
    let mut type_group = false;
    let mut receiver_depth: Option<usize> = None;
    let mut depth = 0usize;
    // The brace depths of the interface bodies open here.
    let mut braces = 0usize;
    let mut interfaces: Vec<usize> = Vec::new();
    for (i, (start, token, _)) in tokens.iter().enumerate() {
        // An interface element is a method or an embedded interface name;
        // anything else (`[]byte`, `int | string`) is a type set.
        let element_start = interfaces.last() == Some(&braces) && matches!(kind(i.wrapping_sub(1)), Some(Token::LBrace | Token::Semi));
        if element_start && !matches!(token, Token::RBrace) {
            let named = matches!(token, Token::Ident(_)) && !matches!(kind(i + 1), Some(Token::Or));
            if !named {
                return Some((*start, "type sets are"));
            }
        }
        match token {
            Token::LBrace => {
                braces += 1;
                if i >= 1 && kind(i - 1) == Some(&Token::Interface) {
                    interfaces.push(braces);
                }
            }
            Token::RBrace => {
                if interfaces.last() == Some(&braces) {
                    interfaces.pop();
                }
                braces = braces.saturating_sub(1);
            }
            Token::Tilde => return Some((*start, "type sets (~T) are")),
            Token::LParen => {
                // A method declaration's receiver: `func (` starting a
                // top-level declaration (a literal's parameters follow `=`).
                let declaration = i >= 1 && kind(i - 1) == Some(&Token::Func) && (i < 2 || kind(i - 2) == Some(&Token::Semi));
                if depth == 0 && declaration {
                    receiver_depth = Some(1);
                }
                depth += 1;
            }
            Token::RParen => {
                if receiver_depth == Some(depth) {
                    receiver_depth = None;
                }
                if type_group && depth == 1 {
                    type_group = false;
                }
                depth = depth.saturating_sub(1);
            }
            Token::LBrack if receiver_depth.is_some() && matches!(kind(i - 1), Some(Token::Ident(_))) => {
                return Some((*start, "type parameters are"));
            }
            Token::LBrack if i >= 2 && kind(i - 2) == Some(&Token::Func) && matches!(kind(i - 1), Some(Token::Ident(_))) => {
                return Some((*start, "type parameters are"));
            }
            Token::LBrack if i >= 2 && matches!(kind(i - 1), Some(Token::Ident(_))) => {
                let spec_start =
                    kind(i - 2) == Some(&Token::Type) || (type_group && matches!(kind(i - 2), Some(Token::Semi | Token::LParen)));
                let parameter = matches!(kind(i + 1), Some(Token::Ident(_)))
                    && matches!(kind(i + 2), Some(Token::Ident(_) | Token::Interface | Token::Comma | Token::Tilde));
                if spec_start && parameter {
                    return Some((*start, "type parameters are"));
                }
            }
            _ => {}
        }
        if *token == Token::Type && kind(i + 1) == Some(&Token::LParen) {
            type_group = true;
        }
    }
    None
}

fn syntax_error(src: &str, tokens: &[(usize, Token, usize)], err: ParseError<usize, Token, std::convert::Infallible>) -> Diagnostic {
    let (pos, index, unexpected, expected) = match err {
        ParseError::UnrecognizedToken { token: (start, tok, end), expected } => {
            let index = tokens.partition_point(|t| t.0 < start);
            (start, index, token_text(&tok, start, end, src.len()), expected)
        }
        ParseError::UnrecognizedEof { expected, .. } => (src.len(), tokens.len(), "EOF".to_string(), expected),
        ParseError::ExtraToken { token: (start, tok, end) } => {
            let index = tokens.partition_point(|t| t.0 < start);
            (start, index, token_text(&tok, start, end, src.len()), Vec::new())
        }
        ParseError::InvalidToken { location } => (location, tokens.len(), "EOF".to_string(), Vec::new()),
        ParseError::User { error } => match error {},
    };
    let expected: Vec<&str> = expected.iter().map(|e| e.trim_matches('"')).collect();
    let (at, message) = syntax_error_message(tokens, index, &unexpected, &expected);
    Diagnostic::syntax(at.unwrap_or(pos as Pos), message)
}

/// Picks gc's wording from the terminals the grammar would have accepted at
/// the token at `index`, and the position when gc reports elsewhere.
fn syntax_error_message(tokens: &[(usize, Token, usize)], index: usize, unexpected: &str, expected: &[&str]) -> (Option<Pos>, String) {
    let has = |t: &str| expected.contains(&t);
    let token = |back: usize| index.checked_sub(back).and_then(|i| tokens.get(i)).map(|t| &t.1);
    let plain = |m: &str| (None, m.to_string());
    let statement_start_expected = has("if") && has("for");
    let header = header_place(tokens, index);
    let suffix = match () {
        _ if expected == ["package"] => return plain("package statement must be first"),
        _ if has("func") && has("var") && !has("if") => {
            if token(0) == Some(&Token::LBrace) && after_bodyless_func(tokens, index) {
                return plain("unexpected semicolon or newline before {");
            }
            return plain("non-declaration statement outside function body");
        }
        _ if expected.len() == 2 && has("if") && has("{") => return plain("else must be followed by if or statement block"),
        _ if token(0) == Some(&Token::Var) && matches!(header, Some(HeaderPlace { semis: 0, .. })) => {
            let keyword = header.map_or("", |h| spelling(h.keyword));
            return plain(&format!("var declaration not allowed in {keyword} initializer"));
        }
        _ if statement_start_expected
            && token(1) == Some(&Token::Colon)
            && matches!(token(2), Some(Token::Ident(_)))
            && matches!(token(3), Some(Token::LBrace | Token::RBrace | Token::Semi | Token::Colon)) =>
        {
            let colon = tokens[index - 1].0 as Pos;
            return (Some(colon), "missing statement after label".to_string());
        }
        _ if has("case") && has("default") && (statement_start_expected || !has(";")) => ", expecting case or default or }".to_string(),
        _ if statement_start_expected => ", expecting }".to_string(),
        _ if has("int") && token(1) == Some(&Token::LBrack) && token(0) == Some(&Token::RBrack) => ", expecting operand".to_string(),
        _ if has("int") => ", expecting expression".to_string(),
        _ if has("{") && header.is_some() => match header {
            Some(HeaderPlace { keyword: Token::Switch, semis: 1.., .. }) => return plain("missing { after switch clause"),
            Some(HeaderPlace { keyword: Token::If, semis: 1.., .. }) => ", expecting { after if clause".to_string(),
            Some(HeaderPlace { keyword: Token::For, semis: 2.., .. } | HeaderPlace { keyword: Token::For, range: true, .. }) => {
                ", expecting { after for clause".to_string()
            }
            _ => ", expecting {".to_string(),
        },
        _ if token(0) == Some(&Token::Define)
            && (matches!(statement_start(tokens, index), Some(Token::Var | Token::Const | Token::Type))
                || matches!(enclosing(tokens, index), Enclosing::Group)) =>
        {
            ", expecting =".to_string()
        }
        _ if has(":=") && has("=") && !has(";") => ", expecting := or = or comma".to_string(),
        _ if has(";") && matches!(header, Some(HeaderPlace { keyword: Token::For, semis: 1, .. })) => {
            ", expecting semicolon or newline".to_string()
        }
        _ if has(";") => match enclosing(tokens, index) {
            Enclosing::TopLevel if statement_start(tokens, index) == Some(&Token::Import) => ", expecting semicolon or newline",
            Enclosing::TopLevel => " after top level declaration",
            Enclosing::Group => " in grouped declaration; possibly missing semicolon or newline or )",
            Enclosing::Struct => " in struct type; possibly missing semicolon or newline or }",
            Enclosing::Interface => " in interface type; possibly missing semicolon or newline or }",
            Enclosing::Params | Enclosing::Other => " at end of statement",
        }
        .to_string(),
        _ if has(",") && has(")") => match enclosing(tokens, index) {
            Enclosing::Params => " in parameter list; possibly missing comma or )".to_string(),
            _ => " in argument list; possibly missing comma or )".to_string(),
        },
        _ if has(",") && has("}") => " in composite literal; possibly missing comma or }".to_string(),
        _ if has(":") && has("]") => ", expecting comma, : or ]".to_string(),
        _ if token(1) == Some(&Token::Ellipsis) && has("map") => return plain("... is missing type"),
        _ if has(")") && has("...") && has("map") => ", expecting )".to_string(),
        _ if has("ident") && has("*") && has("}") && matches!(enclosing(tokens, index), Enclosing::Struct) => {
            ", expecting field name or embedded type".to_string()
        }
        _ if has("map") && has("struct") && statement_start(tokens, index) == Some(&Token::Type) => " in type declaration".to_string(),
        _ if has("map") && has("struct") => ", expecting type".to_string(),
        _ if has("ident")
            && expected.iter().all(|t| *t == "ident" || *t == "(")
            && (token(1) == Some(&Token::Period) || statement_start(tokens, index) == Some(&Token::Func)) =>
        {
            ", expecting name or (".to_string()
        }
        _ => {
            let mut words: Vec<&str> = expected.iter().copied().filter(|t| !CONTINUATIONS.contains(t)).collect();
            if words.is_empty() {
                words = expected.to_vec();
            }
            if words.is_empty() || words.len() > 3 {
                String::new()
            } else {
                format!(", expecting {}", words.iter().map(|w| expected_word(w)).collect::<Vec<_>>().join(" or "))
            }
        }
    };
    (None, format!("unexpected {unexpected}{suffix}"))
}

// ---------------------------------------------------------------------------
// Source text of statements and expressions for messages, as gc's
// syntax.String prints them (ShortForm: literal and function bodies as `…`).

fn stmt_text(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Assign(lhs, AssignOp::Assign, rhs) => {
            format!("assignment ({}) = ({})", ast::list_text(lhs), ast::list_text(rhs))
        }
        StmtKind::Assign(lhs, AssignOp::Define, rhs) => format!("{} := {}", ast::list_text(lhs), ast::list_text(rhs)),
        StmtKind::Assign(lhs, AssignOp::Op(op), rhs) => {
            format!("{} {}= {}", ast::list_text(lhs), op.text(), ast::list_text(rhs))
        }
        StmtKind::IncDec(x, inc) => format!("{}{}", ast::expr_text(x), if *inc { "++" } else { "--" }),
        StmtKind::Send(ch, value) => format!("{} <- {}", ast::expr_text(ch), ast::expr_text(value)),
        StmtKind::Expr(x) => ast::expr_text(x),
        _ => String::from("statement"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{BranchKind, TypeSpec};

    /// The workspace's test programs: the conformance corpus's 50 and minigo's own.
    const CONFORMANCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests");

    fn parse_clean(src: &str) -> Parsed {
        let parsed = parse(src);
        let map = SourceMap::new(src);
        let rendered: String = parsed.diagnostics.iter().map(|d| d.render("x.go", &map)).collect();
        assert!(parsed.diagnostics.is_empty(), "unexpected diagnostics:\n{rendered}");
        parsed
    }

    /// The first diagnostic, as `go build` prints it for `./x.go`.
    fn first_error(src: &str) -> String {
        let parsed = parse(src);
        let map = SourceMap::new(src);
        parsed.diagnostics.first().map(|d| d.render("./x.go", &map).trim_end().to_string()).unwrap_or_default()
    }

    fn in_main(body: &str) -> String {
        format!("package main\n\nfunc main() {{\n{body}\n}}\n")
    }

    fn func<'a>(file: &'a File, name: &str) -> &'a FuncDecl {
        file.decls
            .iter()
            .find_map(|d| match d {
                Decl::Func(f) if f.name.name == name => Some(f),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no func {name}"))
    }

    fn main_body(file: &File) -> &[Stmt] {
        &func(file, "main").body.as_ref().expect("main has a body").stmts
    }

    /// `(line, col)` of a position in `src`.
    fn at(src: &str, pos: Pos) -> (u32, u32) {
        SourceMap::new(src).line_col(pos)
    }

    /// The expression of `_ = <expr>` statement `i` of main.
    fn rhs(file: &File, i: usize) -> &Expr {
        match &main_body(file)[i].kind {
            StmtKind::Assign(_, _, rhs) => &rhs[0],
            other => panic!("statement {i} is not an assignment: {other:?}"),
        }
    }

    fn all_ids(file: &File) -> Vec<u32> {
        let mut file = file.clone();
        let mut ids = Vec::new();
        let mut record = |e: &mut Expr| ids.push(e.id);
        for decl in &mut file.decls {
            match decl {
                Decl::Func(f) => {
                    if let Some(recv) = &mut f.recv {
                        walk_expr(&mut recv.ty, &mut record);
                    }
                    walk_func_type(&mut f.sig, &mut record);
                    if let Some(body) = &mut f.body {
                        walk_stmts(&mut body.stmts, &mut record);
                    }
                }
                Decl::Var(specs) => {
                    for spec in specs {
                        spec.ty.iter_mut().chain(spec.values.iter_mut()).for_each(|e| walk_expr(e, &mut record));
                    }
                }
                Decl::Const(specs) => {
                    for spec in specs {
                        spec.ty.iter_mut().chain(spec.values.iter_mut()).for_each(|e| walk_expr(e, &mut record));
                    }
                }
                Decl::Type(specs) => specs.iter_mut().for_each(|spec| walk_expr(&mut spec.ty, &mut record)),
            }
        }
        ids
    }

    fn assert_ids_unique(parsed: &Parsed) {
        let mut ids = all_ids(&parsed.file);
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "expression ids are not unique");
        assert!(ids.iter().all(|&id| id < parsed.expr_count), "an id is not below expr_count {}", parsed.expr_count);
    }

    fn conformance_files() -> Vec<std::path::PathBuf> {
        let mut files = Vec::new();
        for dir in ["errors", "escape", "inline", "programs"] {
            let dir = std::path::Path::new(CONFORMANCE).join(dir);
            let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
            for entry in entries {
                let path = entry.expect("directory entry").path();
                if path.extension().is_some_and(|e| e == "go") {
                    files.push(path);
                }
            }
        }
        files.sort();
        files
    }

    #[test]
    fn conformance_corpus_parses_without_errors() {
        let files = conformance_files();
        assert!(files.len() >= 50, "found only {} programs under {CONFORMANCE}", files.len());
        // On a big stack, as minigo compiles (tests/programs/deepnesting nests 10,000 deep).
        let check_all = move || {
            for path in files {
                let src = std::fs::read_to_string(&path).expect("readable program");
                let parsed = parse(&src);
                let map = SourceMap::new(&src);
                let rendered: String = parsed.diagnostics.iter().map(|d| d.render(&path.display().to_string(), &map)).collect();
                assert!(parsed.diagnostics.is_empty(), "{rendered}");
                let declared = src.lines().find_map(|l| l.strip_prefix("package ")).map(str::trim);
                assert_eq!(Some(parsed.file.package.name.as_str()), declared);
                assert_ids_unique(&parsed);
            }
        };
        let thread = std::thread::Builder::new().stack_size(1 << 30).spawn(check_all).expect("a test thread");
        thread.join().expect("every program parses");
    }

    /// Every construct of the subset, in one file: it must parse cleanly and
    /// hand out unique ids (grouped parameters get copies of their type).
    const EVERYTHING: &str = r#"package main

import (
	f "fmt"
	. "os"
)
import "errors"

type (
	T struct {
		a, b int `tag`
		*E
		pkg.F
		c []func()
		d map[string][]*T
		e chan<- chan int
		g <-chan int
		h chan (<-chan int)
		i [4][2]int
		k interface{ M(); N(int) string }
		l func(int) (int, error)
	}
	A = int
)

const (
	c0 = iota
	c1
	c2, c3 = iota, iota * 2
)

var v5 = map[[2]int]string{{1, 2}: "a", [2]int{3, 4}: "b"}
var v6 = []*T{{a: 1}, &T{b: 2}}

func (p *T) M(a, b [len("ab")]int, c ...string) (x, y int, err error) { return }
func (T) N(int, string) {}

func main() {
	x := 1
	x++
	x <<= 1
	a, b := 1, 2
	a, b = b, a
	var y, z int = 1, 2
	const k = 1
	type L struct{ x int }
	s := []int{1, 2, 3,}
	_ = s[1:2:3]
	_ = s[:]
	g(s...)
	_ = []byte("x")
	_ = (*T)(nil)
	_ = (func())(nil)
	_ = make([]func(), 3)
	_ = new(func() int)
	_ = [2]func(){nil, nil}
	_ = struct{ a int }{1}
	_ = interface{}(x)
	_ = func() int(nil)
	_ = <-c
	c <- 1
	_, _ = i.(int)
	switch i.(type) {
	case int, string:
	case []int, func():
	default:
	}
	switch x := 3; {
	case x > 1:
		fallthrough
	case x > 2:
	}
	if x := 1; x > 0 {
	} else if x < 0 {
	} else {
	}
	for i := 0; i < 10; i++ {
		continue
	}
	for k, v := range []int{1, 2} {
		_, _ = k, v
	}
	for k, v = range s {
	}
	for range s {
	}
outer:
	for {
		break outer
	}
	go g()
	defer func() { recover() }()
}
"#;

    #[test]
    fn whole_subset_parses_with_unique_ids() {
        let parsed = parse_clean(EVERYTHING);
        assert_ids_unique(&parsed);
        let file = &parsed.file;
        let path_pos = |path: &str| EVERYTHING.find(path).expect("import path in source") as Pos;
        let imports: Vec<(Pos, String)> = ["fmt", "os", "errors"].iter().map(|p| (path_pos(&format!("\"{p}\"")), p.to_string())).collect();
        let parsed_imports: Vec<(Pos, String)> = file.imports.iter().map(|i| (i.pos, i.path.clone())).collect();
        assert_eq!(parsed_imports, imports);
        let m = func(file, "M");
        let names: Vec<&str> = m.sig.params.iter().map(|p| p.name.as_ref().map_or("", |n| n.name.as_str())).collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert_ne!(m.sig.params[0].ty.id, m.sig.params[1].ty.id, "each name gets its own copy of the type");
        assert!(m.sig.params[2].variadic);
        assert_eq!(m.sig.results.len(), 3);
        assert!(matches!(&m.recv, Some(Param { name: Some(n), ty: Expr { kind: ExprKind::Star(_), .. }, .. }) if n.name == "p"));
        let n = func(file, "N");
        assert!(matches!(&n.recv, Some(Param { name: None, .. })));
        assert!(n.sig.params.iter().all(|p| p.name.is_none()));
    }

    #[test]
    fn ids_count_up_in_creation_order() {
        let parsed = parse_clean("package main\n\nvar x = a + b\n");
        let Decl::Var(specs) = &parsed.file.decls[0] else { panic!("not a var") };
        let ExprKind::Binary(BinaryOp::Add, a, b) = &specs[0].values[0].kind else { panic!("not a sum") };
        assert_eq!((a.id, b.id, specs[0].values[0].id), (0, 1, 2));
        assert_eq!(parsed.expr_count, 3);
    }

    #[test]
    fn expression_positions_follow_gc() {
        let src = in_main("\t_ = f(x)\n\t_ = a + b\n\t_ = s.f\n\t_ = T{1}\n\t_ = a[i]\n\t_ = -x\n\t_ = func() {}\n\t_ = (x)\n\t_ = a[1:2]\n\t_ = *p\n\t_ = x.(int)");
        let parsed = parse_clean(&src);
        let file = &parsed.file;
        let cols: Vec<u32> = (0..11).map(|i| at(&src, rhs(file, i).pos).1).collect();
        // `(`, `+`, `.`, `{`, `[`, `-`, `func`, `(`, `[`, `*`, `.`
        assert_eq!(cols, [7, 8, 7, 7, 7, 6, 6, 6, 7, 6, 7]);
        assert!(matches!(rhs(file, 0).kind, ExprKind::Call { .. }));
        assert_eq!(at(&src, rhs(file, 1).start()), (5, 6), "a binary expression starts at its left operand");
    }

    #[test]
    fn statement_positions_follow_gc() {
        let src = in_main("\tx = 1\n\tx++\n\tx += 2\n\tif x {\n\t}\n\tfor {\n\t}\n\treturn\n\tf()");
        let parsed = parse_clean(&src);
        let body = main_body(&parsed.file);
        let positions: Vec<(u32, u32)> = body.iter().map(|s| at(&src, s.pos)).collect();
        assert_eq!(positions, [(4, 4), (5, 3), (6, 4), (7, 2), (9, 2), (11, 2), (12, 2)]);
        let main = func(&parsed.file, "main");
        assert_eq!(at(&src, main.name.pos), (3, 6));
        assert_eq!(main.sig.pos, main.func_pos);
        assert_eq!(at(&src, main.func_pos), (3, 1));
    }

    #[test]
    fn precedence_has_five_levels() {
        let parsed = parse_clean("package main\n\nvar v = a || b && c == d + e * -f\n");
        let Decl::Var(specs) = &parsed.file.decls[0] else { panic!("not a var") };
        let shape = ast::expr_text(&specs[0].values[0]);
        assert_eq!(shape, "a || b && c == d + e * -f");
        let ExprKind::Binary(BinaryOp::LOr, _, rest) = &specs[0].values[0].kind else { panic!("|| is loosest") };
        let ExprKind::Binary(BinaryOp::LAnd, _, rest) = &rest.kind else { panic!("then &&") };
        let ExprKind::Binary(BinaryOp::Eql, _, rest) = &rest.kind else { panic!("then ==") };
        let ExprKind::Binary(BinaryOp::Add, _, rest) = &rest.kind else { panic!("then +") };
        let ExprKind::Binary(BinaryOp::Mul, _, rest) = &rest.kind else { panic!("then *") };
        assert!(matches!(rest.kind, ExprKind::Unary(UnaryOp::Neg, _)));
        let parsed = parse_clean("package main\n\nvar v = a - b - c\n");
        let Decl::Var(specs) = &parsed.file.decls[0] else { panic!("not a var") };
        let ExprKind::Binary(BinaryOp::Sub, left, _) = &specs[0].values[0].kind else { panic!("not a difference") };
        assert!(matches!(left.kind, ExprKind::Binary(BinaryOp::Sub, _, _)), "binary operators associate to the left");
    }

    #[test]
    fn directives_attach_to_the_next_function() {
        let src = "package main\n\n//go:noinline because\nfunc a() {}\n\n//go:noinline\n//go:nosplit\n\n// comment\nfunc b() {}\n\n//go:noinline\nvar x int\n\nfunc c() {\n//go:noinline\n}\n\nfunc d() {}\n";
        let parsed = parse(src);
        let pragmas = |name| func(&parsed.file, name).pragmas.clone();
        assert_eq!(pragmas("a"), ["go:noinline"], "words after the directive's name are not part of it");
        assert_eq!(pragmas("b"), ["go:noinline", "go:nosplit"]);
        assert!(pragmas("c").is_empty(), "a directive before a var belongs to the var");
        assert!(pragmas("d").is_empty(), "a directive inside a body belongs to no function");
        // gc finds the one in a body while parsing, and stops before the one on the var.
        let messages: Vec<(u32, &str)> = parsed.diagnostics.iter().map(|d| (d.pos, d.message.as_str())).collect();
        assert_eq!(messages, [(src.find("//go:noinline\n}").expect("in body") as u32 + 2, "misplaced compiler directive")]);
    }

    #[test]
    fn pragmas_on_declarations_other_than_functions_are_misplaced() {
        let src = "package main

//go:noinline
var x = 1

//go:unknown
func main() { println(x) }
";
        let parsed = parse(src);
        let messages: Vec<(u32, &str)> = parsed.diagnostics.iter().map(|d| (d.pos, d.message.as_str())).collect();
        assert_eq!(messages, [(16, "misplaced compiler directive")]);
    }

    #[test]
    fn composite_literals_in_statement_headers() {
        let src = in_main("\tif x == (T{}) {\n\t}\n\tfor _, v := range []int{1, 2} {\n\t}\n\tif v := (T{}); v.a {\n\t}\n\tswitch (T{}) {\n\t}\n\tfor x := range [][]int{{1}} {\n\t}");
        let parsed = parse_clean(&src);
        let body = main_body(&parsed.file);
        let StmtKind::If { cond, then, .. } = &body[0].kind else { panic!("not an if") };
        assert_eq!(ast::expr_text(cond), "x == (T{})");
        assert!(then.stmts.is_empty());
        let StmtKind::Range { key, value, define, x, .. } = &body[1].kind else { panic!("not a range") };
        assert!(*define && key.is_some() && value.is_some());
        assert!(matches!(&x.kind, ExprKind::CompositeLit { elems, .. } if elems.len() == 2));
        assert!(matches!(body[2].kind, StmtKind::If { init: Some(_), .. }));
        assert!(matches!(body[3].kind, StmtKind::Switch { tag: Some(_), .. }));
        // A bare `T{` in a header opens the block, as in gc.
        assert_eq!(first_error(&in_main("\tif x == T{} {}")), "./x.go:4:14: syntax error: unexpected { at end of statement");
    }

    #[test]
    fn labels_and_branches() {
        let src = in_main("outer:\n\tfor {\n\t\tbreak outer\n\t\tcontinue outer\n\t\tgoto outer\n\t}\nend:\n");
        let parsed = parse_clean(&src);
        let body = main_body(&parsed.file);
        let StmtKind::Labeled(label, inner) = &body[0].kind else { panic!("not labelled") };
        assert_eq!((label.name.as_str(), at(&src, body[0].pos)), ("outer", (4, 1)));
        let StmtKind::For { body: loop_body, .. } = &inner.kind else { panic!("not a for") };
        let branches: Vec<(BranchKind, &str)> = loop_body
            .stmts
            .iter()
            .map(|s| match &s.kind {
                StmtKind::Branch(kind, Some(l)) => (*kind, l.name.as_str()),
                other => panic!("not a branch: {other:?}"),
            })
            .collect();
        assert_eq!(branches, [(BranchKind::Break, "outer"), (BranchKind::Continue, "outer"), (BranchKind::Goto, "outer")]);
        assert!(matches!(&body[1].kind, StmtKind::Labeled(l, inner) if l.name == "end" && matches!(inner.kind, StmtKind::Empty)));
    }

    #[test]
    fn for_and_switch_forms() {
        let src = in_main("\tfor i := 0; i < 3; i++ {\n\t}\n\tfor x < 3 {\n\t}\n\tfor {\n\t}\n\tfor k = range s {\n\t}\n\tfor range s {\n\t}\n\tswitch {\n\t}\n\tswitch x := f(); x {\n\tcase 1, 2:\n\tdefault:\n\t}\n\tswitch y.(type) {\n\t}");
        let parsed = parse_clean(&src);
        let body = main_body(&parsed.file);
        assert!(matches!(body[0].kind, StmtKind::For { init: Some(_), cond: Some(_), post: Some(_), .. }));
        assert!(matches!(body[1].kind, StmtKind::For { init: None, cond: Some(_), post: None, .. }));
        assert!(matches!(body[2].kind, StmtKind::For { init: None, cond: None, post: None, .. }));
        assert!(matches!(body[3].kind, StmtKind::Range { key: Some(_), value: None, define: false, .. }));
        assert!(matches!(body[4].kind, StmtKind::Range { key: None, value: None, .. }));
        assert!(matches!(body[5].kind, StmtKind::Switch { init: None, tag: None, .. }));
        let StmtKind::Switch { init: Some(_), tag: Some(_), clauses, .. } = &body[6].kind else { panic!("switch with init") };
        assert_eq!(clauses.iter().map(|c| c.exprs.as_ref().map(Vec::len)).collect::<Vec<_>>(), [Some(2), None]);
        assert!(matches!(&body[7].kind, StmtKind::Switch { tag: Some(Expr { kind: ExprKind::TypeAssert { ty: None, .. }, .. }), .. }));
    }

    #[test]
    fn declarations() {
        let src = "package main\n\nconst (\n\ta = iota\n\tb\n\tc, d = iota, 2\n)\n\nconst e = 1\n\ntype A = int\ntype B []A\n";
        let parsed = parse_clean(src);
        let Decl::Const(specs) = &parsed.file.decls[0] else { panic!("not a const") };
        let shape: Vec<(u32, usize, usize)> = specs.iter().map(|s| (s.iota, s.names.len(), s.values.len())).collect();
        assert_eq!(shape, [(0, 1, 1), (1, 1, 0), (2, 2, 2)]);
        assert!(matches!(&parsed.file.decls[1], Decl::Const(specs) if specs[0].iota == 0));
        assert!(matches!(&parsed.file.decls[2], Decl::Type(specs) if matches!(specs[..], [TypeSpec { alias: true, .. }])));
        assert!(matches!(&parsed.file.decls[3], Decl::Type(specs) if matches!(specs[..], [TypeSpec { alias: false, .. }])));
    }

    #[test]
    fn parameter_lists_in_all_forms() {
        let src = "package main\n\nfunc a(x, y int, s ...string) (r1, r2 bool) { return }\nfunc b(int, string) int { return 0 }\nfunc c(...int) {}\nfunc d() (int, error) { return 0, nil }\n";
        let parsed = parse_clean(src);
        let text = |name| ast::signature_text(&func(&parsed.file, name).sig);
        assert_eq!(text("a"), "(x int, y int, s ...string) (r1 bool, r2 bool)");
        assert_eq!(text("b"), "(int, string) int");
        assert_eq!(text("c"), "(...int)");
        assert_eq!(text("d"), "() (int, error)");
    }

    #[test]
    fn syntax_errors_in_gc_words() {
        // Each case was checked against go1.19.8 `go build`.
        let cases = [
            (in_main("f(a"), "./x.go:4:4: syntax error: unexpected newline in argument list; possibly missing comma or )"),
            (in_main("x := T{a b}"), "./x.go:4:10: syntax error: unexpected b in composite literal; possibly missing comma or }"),
            (in_main("x := 1 2"), "./x.go:4:8: syntax error: unexpected literal 2 at end of statement"),
            (in_main("if x = 5 {\n}"), "./x.go:4:6: syntax error: cannot use assignment (x) = (5) as value"),
            (in_main("for x := 0 {\n}"), "./x.go:4:7: syntax error: cannot use x := 0 as value"),
            (in_main("if {\n}"), "./x.go:4:4: syntax error: missing condition in if statement"),
            (in_main("if x := 1\n{\n}"), "./x.go:4:10: syntax error: unexpected newline, expecting { after if clause"),
            (in_main("for i := 0; i < 3; j := 1 {\n}"), "./x.go:4:22: syntax error: cannot declare in post statement of for loop"),
            (in_main("a, b"), "./x.go:4:5: syntax error: unexpected newline, expecting := or = or comma"),
            (in_main("var = 5"), "./x.go:4:5: syntax error: unexpected =, expecting name"),
            (in_main("x := )"), "./x.go:4:6: syntax error: unexpected ), expecting expression"),
            (in_main("for {"), "./x.go:6:1: syntax error: unexpected EOF, expecting }"),
            (in_main("if x y {\n}"), "./x.go:4:6: syntax error: unexpected y, expecting {"),
            (in_main("switch { case 1: ) }"), "./x.go:4:18: syntax error: unexpected ), expecting case or default or }"),
            (in_main("x := a[1 2]"), "./x.go:4:10: syntax error: unexpected literal 2, expecting comma, : or ]"),
            (in_main("x := [3]int{1,2,3}[1::2]"), "./x.go:4:22: middle index required in 3-index slice"),
            ("package main\n\nx := 1\n".to_string(), "./x.go:3:1: syntax error: non-declaration statement outside function body"),
            ("package main\n\nfunc f()\n{\n}\n".to_string(), "./x.go:4:1: syntax error: unexpected semicolon or newline before {"),
            (
                "package main\n\nfunc f(a int b) {}\n".to_string(),
                "./x.go:3:14: syntax error: unexpected b in parameter list; possibly missing comma or )",
            ),
            ("package main\n\nfunc f(a int, b) {}\n".to_string(), "./x.go:3:15: syntax error: mixed named and unnamed parameters"),
            ("package main\n\nfunc g(a, b int, []int) {}\n".to_string(), "./x.go:3:18: syntax error: mixed named and unnamed parameters"),
            ("package main\n\nvar x int y\n".to_string(), "./x.go:3:11: syntax error: unexpected y after top level declaration"),
            ("package main\n\nfunc (a, b T) f() {}\n".to_string(), "./x.go:3:15: method has multiple receivers"),
            (
                "package main\n\ntype T struct { a int b int }\n".to_string(),
                "./x.go:3:23: syntax error: unexpected b in struct type; possibly missing semicolon or newline or }",
            ),
        ];
        for (src, want) in cases {
            assert_eq!(first_error(&src), want, "for:\n{src}");
        }
    }

    #[test]
    fn generics_are_named_as_not_supported() {
        // Hand-checked: Go 1.19 accepts each; minigo names what it lacks.
        let not_supported = |what: &str| format!("{} not supported yet: minigo has no generics", what);
        let cases = [
            ("func Max[T any](a, b T) T { return a }\n", "3:9", "type parameters are"),
            ("type List[T any] struct{ next *List[T] }\n", "3:10", "type parameters are"),
            ("type (\n\tA int\n\tPair[K comparable, V any] struct{}\n)\n", "5:6", "type parameters are"),
            ("type S[T any] struct{}\n\nfunc (s *S[T]) M() {}\n", "3:7", "type parameters are"),
            ("func (s *S[T]) M() {}\n", "3:11", "type parameters are"),
            ("type Number interface {\n\t~int | ~float64\n}\n", "4:2", "type sets are"),
            ("type Bytes interface {\n\t[]byte\n}\n", "4:2", "type sets are"),
            ("type Ints interface {\n\tint | int64\n}\n", "4:2", "type sets are"),
        ];
        for (decl, at, what) in cases {
            let src = format!("package main\n\n{decl}");
            assert_eq!(first_error(&src), format!("./x.go:{}: {}", at, not_supported(what)), "for:\n{src}");
        }
        // Array types, methods and embedded interfaces are not generics: a
        // syntax error after them is reported as it is.
        let src = "package main\n\ntype A [4]int\n\ntype I interface {\n\tM()\n\terror\n}\n\nvar f = func(a [2]int) {}\n\nvar x int y\n";
        assert_eq!(first_error(src), "./x.go:12:11: syntax error: unexpected y after top level declaration");
    }

    #[test]
    fn types_as_operands() {
        let exprs = [
            "[]byte(s)",
            "(*T)(p)",
            "make([]func(), n)",
            "new(func() int)",
            "(func())(nil)",
            "map[string][]int{}",
            "[...]int{1, 2}",
            "struct{a int; T}{}",
            "interface{}(x)",
            "interface{M(a int) (bool, error)}(x)",
            "x.(type)",
            "x.(*T)",
            "<-chan int(nil)",
            "a[i:j:k]",
            "a[:]",
            "f(xs...)",
            "[2]func(){nil, nil}",
            "chan<- chan int(nil)",
        ];
        let body: String = exprs.iter().map(|e| format!("\t_ = {e}\n")).collect();
        let parsed = parse_clean(&in_main(&body));
        let texts: Vec<String> = (0..exprs.len()).map(|i| ast::expr_text(rhs(&parsed.file, i))).collect();
        // The printer leaves out literal bodies, as gc's short form does.
        let want: Vec<String> = exprs.iter().map(|e| e.replace("{1, 2}", "{…}").replace("{nil, nil}", "{…}")).collect();
        assert_eq!(texts, want);
        let parsed = parse_clean("package main\n\nvar c <-chan int\nvar d = <-chan int(nil)\n");
        let Decl::Var(specs) = &parsed.file.decls[0] else { panic!("not a var") };
        assert!(matches!(specs[0].ty.as_ref().map(|t| &t.kind), Some(ExprKind::ChanType(ChanDir::Recv, _))));
        let Decl::Var(specs) = &parsed.file.decls[1] else { panic!("not a var") };
        assert!(matches!(specs[0].values[0].kind, ExprKind::Unary(UnaryOp::Recv, _)), "a receive from a converted channel");
    }

    #[test]
    fn constructs_outside_the_tree_are_reported() {
        let cases = [
            (in_main("\tgo f"), "./x.go:4:5: expression in go must be function call"),
            (in_main("\tdefer (f())"), "./x.go:4:8: expression in defer must not be parenthesized"),
            (in_main("\tfor a, b, c := range x {\n\t}"), "./x.go:4:12: range clause permits at most two iteration variables"),
        ];
        for (src, want) in cases {
            assert_eq!(first_error(&src), want, "for:\n{src}");
        }
    }

    #[test]
    fn lexer_errors_become_diagnostics() {
        assert_eq!(first_error(&in_main("x := 1 @")), "./x.go:4:8: invalid character U+0040 '@'");
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        assert_eq!(first_error(""), "./x.go:1:1: syntax error: package statement must be first");
        assert_eq!(first_error("package"), "./x.go:1:8: syntax error: unexpected EOF, expecting name");
        assert!(parse("package main").diagnostics.is_empty());
        for garbage in
            ["}}}}", "package main\nfunc", "package main; func f() { if }", "\u{0}\u{1}\"", "package main\nvar x = [[[[", "package p\n~x"]
        {
            assert!(!parse(garbage).diagnostics.is_empty(), "{garbage:?} has errors");
        }
        // Every prefix of a real program, cut at token starts.
        let src = std::fs::read_to_string(std::path::Path::new(CONFORMANCE).join("programs/vm.go")).expect("vm.go");
        for (start, _, _) in lexer::lex(&src).tokens.iter().step_by(3) {
            parse(&src[..*start]);
        }
    }
}
