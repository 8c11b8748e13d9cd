//! The syntax tree the parser builds, close to Go's `cmd/compile/internal/syntax`.
//!
//! Positions are byte offsets into the file (`Pos`); `SourceMap` turns them
//! into gc's 1-based line:column. An expression's `pos` is the position gc
//! reports for that node (the `(` of a call, the operator of a binary
//! expression, the `.` of a selector, the `{` of a composite literal); the
//! start of an expression, which types2 uses for errors, is `Expr::start`.
//! Type expressions are expressions too: Go's grammar cannot tell `[]int` or
//! `*T` in `make([]int, n)` or `(*T)(p)` apart from values, so the checker does.

pub type Pos = u32;
pub type ExprId = u32;

#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: String,
    pub pos: Pos,
}

#[derive(Clone, Debug)]
pub struct File {
    pub package: Ident,
    pub imports: Vec<Import>,
    pub decls: Vec<Decl>,
}

/// `import name "path"`; `pos` is the path's.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub name: Option<Ident>,
    pub path: String,
    pub pos: Pos,
}

// A file has few declarations; boxing the function variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Decl {
    Func(FuncDecl),
    Var(Vec<VarSpec>),
    Const(Vec<ConstSpec>),
    Type(Vec<TypeSpec>),
}

#[derive(Clone, Debug)]
pub struct FuncDecl {
    /// Offset of the `func` keyword (directives are matched against it).
    pub func_pos: Pos,
    /// Offset of the receiver list's `(` in a method declaration (gc reports methods there).
    pub recv_pos: Option<Pos>,
    pub recv: Option<Param>,
    pub name: Ident,
    pub sig: FuncType,
    pub body: Option<Block>,
    /// `//go:` directives (without the `//`) on the lines right before `func`.
    pub pragmas: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Param {
    pub name: Option<Ident>,
    pub ty: Expr,
    pub variadic: bool,
    /// Where the type is written, its `...` included.
    pub type_pos: Pos,
}

#[derive(Clone, Debug)]
pub struct FuncType {
    pub pos: Pos,
    pub params: Vec<Param>,
    pub results: Vec<Param>,
}

#[derive(Clone, Debug)]
pub struct VarSpec {
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    pub values: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub struct ConstSpec {
    pub names: Vec<Ident>,
    pub ty: Option<Expr>,
    /// Empty when the spec repeats the previous one's expressions.
    pub values: Vec<Expr>,
    pub iota: u32,
}

#[derive(Clone, Debug)]
pub struct TypeSpec {
    pub name: Ident,
    pub alias: bool,
    pub ty: Expr,
}

#[derive(Clone, Debug)]
pub struct FieldDecl {
    /// Empty for an embedded field.
    pub names: Vec<Ident>,
    pub ty: Expr,
}

#[derive(Clone, Debug)]
pub struct InterfaceMethod {
    pub name: Ident,
    pub sig: FuncType,
}

/// An element of an interface type: a method, or an embedded interface.
#[derive(Clone, Debug)]
pub enum InterfaceElem {
    Method(InterfaceMethod),
    Embedded(Expr),
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub id: ExprId,
    pub pos: Pos,
    pub kind: ExprKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Quo,
    Rem,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    AndNot,
    LAnd,
    LOr,
    Eql,
    Neq,
    Lss,
    Leq,
    Gtr,
    Geq,
}

impl BinaryOp {
    /// The operator as Go spells it.
    pub fn text(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::Quo => "/",
            BinaryOp::Rem => "%",
            BinaryOp::And => "&",
            BinaryOp::Or => "|",
            BinaryOp::Xor => "^",
            BinaryOp::Shl => "<<",
            BinaryOp::Shr => ">>",
            BinaryOp::AndNot => "&^",
            BinaryOp::LAnd => "&&",
            BinaryOp::LOr => "||",
            BinaryOp::Eql => "==",
            BinaryOp::Neq => "!=",
            BinaryOp::Lss => "<",
            BinaryOp::Leq => "<=",
            BinaryOp::Gtr => ">",
            BinaryOp::Geq => ">=",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Plus,
    Neg,
    Not,
    BitNot,
    Addr,
    Recv,
}

impl UnaryOp {
    /// The operator as Go spells it.
    pub fn text(self) -> &'static str {
        match self {
            UnaryOp::Plus => "+",
            UnaryOp::Neg => "-",
            UnaryOp::Not => "!",
            UnaryOp::BitNot => "^",
            UnaryOp::Addr => "&",
            UnaryOp::Recv => "<-",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Clone, Debug)]
pub struct Element {
    pub key: Option<Expr>,
    /// The `:` after the key (types2 reports key errors there).
    pub colon: Option<Pos>,
    pub value: Expr,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Ident(String),
    IntLit(String),
    FloatLit(String),
    ImagLit(String),
    RuneLit(String),
    StringLit(String),
    /// `T{...}`; `ty` is None for an elided type inside another literal. `pos` is the `{`.
    CompositeLit {
        ty: Option<Box<Expr>>,
        elems: Vec<Element>,
        rbrace: Pos,
    },
    /// `pos` is the `func` keyword.
    FuncLit {
        sig: FuncType,
        body: Block,
    },
    /// `pos` is the `(`.
    Paren(Box<Expr>),
    /// `pos` is the `.`.
    Selector(Box<Expr>, Ident),
    /// `pos` is the `[`.
    Index(Box<Expr>, Box<Expr>),
    Slice {
        x: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
    },
    /// `x.(T)`; `ty` is None for `x.(type)`. `pos` is the `.`.
    TypeAssert {
        x: Box<Expr>,
        ty: Option<Box<Expr>>,
    },
    /// `pos` is the `(`; `ellipsis` for `f(xs...)`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        ellipsis: bool,
        rparen: Pos,
    },
    /// `*x`: a dereference or a pointer type. `pos` is the `*`.
    Star(Box<Expr>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// `[N]T`, or `[...]T` when `len` is None.
    ArrayType {
        len: Option<Box<Expr>>,
        elem: Box<Expr>,
    },
    SliceType(Box<Expr>),
    MapType(Box<Expr>, Box<Expr>),
    ChanType(ChanDir, Box<Expr>),
    FuncType(FuncType),
    StructType(Vec<FieldDecl>),
    InterfaceType(Vec<InterfaceElem>),
    /// Stands for an expression that failed to parse; errors were reported.
    Bad,
}

impl Expr {
    /// Where the expression starts in the source (types2's `syntax.StartPos`).
    pub fn start(&self) -> Pos {
        match &self.kind {
            ExprKind::CompositeLit { ty: Some(ty), .. } => ty.start(),
            ExprKind::Selector(x, _) | ExprKind::Index(x, _) | ExprKind::TypeAssert { x, .. } | ExprKind::Binary(_, x, _) => x.start(),
            ExprKind::Call { func, .. } => func.start(),
            _ => self.pos,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Block {
    pub lbrace: Pos,
    pub stmts: Vec<Stmt>,
    pub rbrace: Pos,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    Assign,
    Define,
    Op(BinaryOp),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BranchKind {
    Break,
    Continue,
    Goto,
    Fallthrough,
}

#[derive(Clone, Debug)]
pub struct CaseClause {
    pub pos: Pos,
    /// None for `default`.
    pub exprs: Option<Vec<Expr>>,
    pub colon: Pos,
    pub body: Vec<Stmt>,
}

/// A clause of a select statement: `case comm:` (a send, a receive, or an
/// assignment of a receive) or `default:` (no `comm`).
#[derive(Clone, Debug)]
pub struct CommClause {
    pub pos: Pos,
    pub comm: Option<Box<Stmt>>,
    pub colon: Pos,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub pos: Pos,
    pub kind: StmtKind,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Empty,
    Var(Vec<VarSpec>),
    Const(Vec<ConstSpec>),
    Type(Vec<TypeSpec>),
    Labeled(Ident, Box<Stmt>),
    Expr(Expr),
    Send(Expr, Expr),
    /// `pos` is the operator.
    IncDec(Expr, bool),
    /// `pos` is the operator.
    Assign(Vec<Expr>, AssignOp, Vec<Expr>),
    Go(Expr),
    Defer(Expr),
    Return(Vec<Expr>),
    Branch(BranchKind, Option<Ident>),
    Block(Block),
    If {
        init: Option<Box<Stmt>>,
        cond: Expr,
        then: Block,
        els: Option<Box<Stmt>>,
    },
    /// An expression switch, or a type switch when `tag` is `x.(type)`
    /// (whose clauses list types, or nil); `bind` is the `v` of
    /// `switch v := x.(type)`.
    Switch {
        init: Option<Box<Stmt>>,
        tag: Option<Expr>,
        bind: Option<Ident>,
        clauses: Vec<CaseClause>,
        rbrace: Pos,
    },
    Select {
        clauses: Vec<CommClause>,
        rbrace: Pos,
    },
    For {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
        body: Block,
    },
    /// `for k, v := range x`; `define` for `:=`. `pos` is `for`; `range_pos` is `range`.
    Range {
        key: Option<Expr>,
        value: Option<Expr>,
        define: bool,
        x: Expr,
        body: Block,
        range_pos: Pos,
    },
}

/// Turns byte offsets into gc's `line:col` (1-based, columns in bytes), and
/// into the positions gc prints, which follow line directives.
pub struct SourceMap {
    line_starts: Vec<u32>,
    directives: Vec<LineDirective>,
}

/// A `//line file:line[:col]` or `/*line file:line[:col]*/` comment (gc's
/// syntax.LineBase): from offset `at` on, positions are reported in `file`
/// (None: the source file itself), counting lines from `line`; columns from
/// `col` on the directive's own line and as they are on later lines, or not
/// at all when `col` is 0.
struct LineDirective {
    at: Pos,
    file: Option<String>,
    line: u32,
    col: u32,
}

impl SourceMap {
    pub fn new(src: &str) -> SourceMap {
        let mut line_starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        let mut map = SourceMap { line_starts, directives: Vec::new() };
        for (at, text) in directive_comments(src) {
            if let Some(d) = map.directive(at, text) {
                map.directives.push(d);
            }
        }
        map
    }

    /// gc's updateBase on the text after `line `: `file:line` or
    /// `file:line:col` (an empty file then keeps the current one); anything
    /// else is not a directive.
    fn directive(&self, at: Pos, text: &str) -> Option<LineDirective> {
        let number = |s: &str| s.parse::<u32>().ok().filter(|n| *n > 0 && *n < 1 << 30);
        let (rest, last) = text.rsplit_once(':')?;
        let (file, line, col) = match rest.rsplit_once(':') {
            Some((file, line)) if line.parse::<u32>().is_ok() => (file, number(line)?, number(last)?),
            _ => (rest, number(last)?, 0),
        };
        let file = match (file.is_empty() && col != 0, self.directives.last()) {
            (true, Some(previous)) => previous.file.clone(),
            (true, None) => None,
            (false, _) => Some(file.to_string()),
        };
        Some(LineDirective { at, file, line, col })
    }

    /// The line and column of `pos`, the column saturated at gc's `colMax`
    /// (positions keep 8 bits of column).
    pub fn line_col(&self, pos: Pos) -> (u32, u32) {
        let line = match self.line_starts.binary_search(&pos) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as u32 + 1, (pos - self.line_starts[line] + 1).min(COL_MAX))
    }

    /// `file:line:col` as gc prints a position: in the file and lines of the
    /// line directive that covers it, without the column when it is past
    /// what a position holds or the directive gives none.
    pub fn position(&self, file: &str, pos: Pos) -> String {
        let (line, col) = self.line_col(pos);
        let Some(d) = self.directives.iter().rev().find(|d| d.at <= pos) else { return format_position(file, line, col) };
        let (at_line, at_col) = self.line_col(d.at);
        let col = match d.col {
            0 => 0,
            _ if line == at_line => d.col + (col - at_col),
            _ => col,
        };
        format_position(d.file.as_deref().unwrap_or(file), d.line + (line - at_line), col)
    }
}

/// The line directive comments of a Go source: (the offset where each takes
/// effect, its text after `line `). A `//line` comment counts only at the
/// start of a line and takes effect on the next; a `/*line*/` comment on a
/// single line counts anywhere and takes effect right after it.
fn directive_comments(src: &str) -> Vec<(Pos, &str)> {
    let bytes = src.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Only an ASCII byte starts a match, so `i` is a char boundary there.
        match bytes[i] {
            b'/' if bytes[i..].starts_with(b"//") => {
                let end = src[i..].find('\n').map_or(bytes.len(), |n| i + n);
                let at_line_start = i == 0 || bytes[i - 1] == b'\n';
                if let Some(text) = src[i..end].strip_prefix("//line ").filter(|_| at_line_start) {
                    found.push(((end + 1) as Pos, text.trim_end_matches('\r')));
                }
                i = end;
            }
            b'/' if bytes[i..].starts_with(b"/*") => {
                let end = src[i + 2..].find("*/").map_or(bytes.len(), |n| i + 2 + n + 2);
                let comment = &src[i..end];
                if let Some(text) = comment.strip_prefix("/*line ").and_then(|t| t.strip_suffix("*/")).filter(|t| !t.contains('\n')) {
                    found.push((end as Pos, text));
                }
                i = end;
            }
            quote @ (b'"' | b'\'' | b'`') => {
                i += 1;
                while i < bytes.len() && bytes[i] != quote && (quote == b'`' || bytes[i] != b'\n') {
                    i += if bytes[i] == b'\\' && quote != b'`' { 2 } else { 1 };
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    found
}

/// gc's largest column; columns from there on print as unknown.
pub const COL_MAX: u32 = 255;

/// `file:line:col`, or `file:line` for a column gc does not know.
pub fn format_position(file: &str, line: u32, col: u32) -> String {
    if col == 0 || col >= COL_MAX {
        format!("{}:{}", file, line)
    } else {
        format!("{}:{}:{}", file, line, col)
    }
}

// ---------------------------------------------------------------------------
// Source text of expressions for messages, as gc's syntax.String prints them
// (ShortForm: composite literal and function bodies as `…`).

pub fn list_text(list: &[Expr]) -> String {
    list.iter().map(expr_text).collect::<Vec<_>>().join(", ")
}

pub fn expr_text(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Ident(s)
        | ExprKind::IntLit(s)
        | ExprKind::FloatLit(s)
        | ExprKind::ImagLit(s)
        | ExprKind::RuneLit(s)
        | ExprKind::StringLit(s) => s.clone(),
        ExprKind::CompositeLit { ty, elems, .. } => {
            let ty = ty.as_ref().map(|t| expr_text(t)).unwrap_or_default();
            format!("{ty}{{{}}}", if elems.is_empty() { "" } else { "…" })
        }
        ExprKind::FuncLit { sig, body } => {
            format!("func{} {{{}}}", signature_text(sig), if body.stmts.is_empty() { "" } else { "…" })
        }
        ExprKind::Paren(x) => format!("({})", expr_text(x)),
        ExprKind::Selector(x, sel) => format!("{}.{}", expr_text(x), sel.name),
        ExprKind::Index(x, i) => format!("{}[{}]", expr_text(x), expr_text(i)),
        ExprKind::Slice { x, lo, hi, max } => {
            let part = |p: &Option<Box<Expr>>| p.as_ref().map(|p| expr_text(p)).unwrap_or_default();
            let max = max.as_ref().map(|m| format!(":{}", expr_text(m))).unwrap_or_default();
            format!("{}[{}:{}{}]", expr_text(x), part(lo), part(hi), max)
        }
        ExprKind::TypeAssert { x, ty } => {
            format!("{}.({})", expr_text(x), ty.as_ref().map(|t| expr_text(t)).unwrap_or_else(|| "type".to_string()))
        }
        ExprKind::Call { func, args, ellipsis, .. } => {
            format!("{}({}{})", expr_text(func), list_text(args), if *ellipsis { "..." } else { "" })
        }
        ExprKind::Star(x) => format!("*{}", expr_text(x)),
        ExprKind::Unary(op, x) => {
            format!("{}{}", op.text(), expr_text(x))
        }
        ExprKind::Binary(op, x, y) => format!("{} {} {}", expr_text(x), op.text(), expr_text(y)),
        ExprKind::ArrayType { len, elem } => {
            format!("[{}]{}", len.as_ref().map(|l| expr_text(l)).unwrap_or_else(|| "...".to_string()), expr_text(elem))
        }
        ExprKind::SliceType(elem) => format!("[]{}", expr_text(elem)),
        ExprKind::MapType(k, v) => format!("map[{}]{}", expr_text(k), expr_text(v)),
        ExprKind::ChanType(dir, elem) => match dir {
            ChanDir::Both => format!("chan {}", expr_text(elem)),
            ChanDir::Send => format!("chan<- {}", expr_text(elem)),
            ChanDir::Recv => format!("<-chan {}", expr_text(elem)),
        },
        ExprKind::FuncType(ft) => format!("func{}", signature_text(ft)),
        ExprKind::StructType(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|f| {
                    let names: Vec<&str> = f.names.iter().map(|n| n.name.as_str()).collect();
                    if names.is_empty() {
                        expr_text(&f.ty)
                    } else {
                        format!("{} {}", names.join(", "), expr_text(&f.ty))
                    }
                })
                .collect();
            format!("struct{{{}}}", fields.join("; "))
        }
        ExprKind::InterfaceType(elems) => {
            let methods: Vec<String> = elems
                .iter()
                .map(|elem| match elem {
                    InterfaceElem::Method(m) => format!("{}{}", m.name.name, signature_text(&m.sig)),
                    InterfaceElem::Embedded(t) => expr_text(t),
                })
                .collect();
            format!("interface{{{}}}", methods.join("; "))
        }
        ExprKind::Bad => "<bad expr>".to_string(),
    }
}

pub fn signature_text(ft: &FuncType) -> String {
    let params = params_text(&ft.params);
    match ft.results.as_slice() {
        [] => format!("({params})"),
        [Param { name: None, ty, .. }] => format!("({params}) {}", expr_text(ty)),
        results => format!("({params}) ({})", params_text(results)),
    }
}

fn params_text(params: &[Param]) -> String {
    let texts: Vec<String> = params
        .iter()
        .map(|p| {
            let ty = if p.variadic { format!("...{}", expr_text(&p.ty)) } else { expr_text(&p.ty) };
            match &p.name {
                Some(name) => format!("{} {}", name.name, ty),
                None => ty,
            }
        })
        .collect();
    texts.join(", ")
}
