//! The IR data types: a typed, position-carrying tree per function, shaped
//! like gc's typechecked IR (`cmd/compile/internal/ir`) so that node-counting
//! inline costs and `as:` bodies can match Go 1.19.
//!
//! Nodes live in a per-function arena (`Func::nodes`) and are named by
//! `NodeId`; locals by `LocalId`, functions by `FuncId`, globals by
//! `GlobalId` — `u32` indices, as Cranelift names its entities. Passes annotate
//! the IR in place (`Local::on_heap`, `Node::escapes`); the backend reads the
//! annotations and never decides anything itself.

pub use frontend::ast::Pos;
/// A compile-time constant; integers are already converted to the node's type.
pub use frontend::constant::Value as ConstValue;
pub use frontend::types::{Basic, Field, Signature, TypeId, TypeKind, TypeTable, INVALID};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(pub u32);
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncId(pub u32);
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GlobalId(pub u32);

/// One package: every function (declared, methods, closures, the synthetic
/// package initializer), the globals and the type table.
pub struct Package {
    pub name: String,
    /// The file name as `go build` prints it (`./prog.go`).
    pub file: String,
    pub types: TypeTable,
    pub funcs: Vec<Func>,
    pub globals: Vec<Global>,
    /// The function that initializes the globals, in Go's dependency order.
    pub init: Option<FuncId>,
    /// User `func init()`s, in source order, run after `init`.
    pub user_inits: Vec<FuncId>,
    pub main: Option<FuncId>,
}

pub struct Global {
    pub name: String,
    pub ty: TypeId,
    pub pos: Pos,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalClass {
    /// PAUTO: a local variable or compiler temporary.
    Auto,
    /// PPARAM (the receiver of a method is the first parameter).
    Param,
    /// PPARAMOUT: a result; unnamed ones are called `~r0`, `~r1`...
    Result,
}

#[derive(Clone, Debug)]
pub struct Local {
    pub name: String,
    pub ty: TypeId,
    pub pos: Pos,
    pub class: LocalClass,
    /// Its address is taken (`&x`, `x.m()` with a pointer receiver, `x[:]` of an array).
    pub addr_taken: bool,
    /// Captured by reference by a closure.
    pub captured_by_ref: bool,
    /// Assigned after its definition (gc's `ir.Reassigned`).
    pub reassigned: bool,
    /// Its defining assignment is known (gc's `Name.Defn`): set for the
    /// function's own variables and for inlined parameters, not for other
    /// variables copied in by inlining or for a closure's captured variables.
    pub has_defn: bool,
    /// Decided by escape analysis (until it exists: addr_taken || captured_by_ref):
    /// the variable lives in a heap cell and every use goes through its address.
    pub on_heap: bool,
}

/// A variable of an enclosing function that a closure uses.
#[derive(Clone, Debug)]
pub struct Capture {
    /// The variable in the enclosing function.
    pub outer: LocalId,
    /// The closure's own local that stands for it.
    pub inner: LocalId,
    /// By reference (the closure holds the variable's address) or by value (a copy).
    pub by_ref: bool,
}

#[derive(Clone)]
pub struct Func {
    /// gc's name for the function: `add`, `T.M`, `(*T).M`, `main.func1`, `glob..func1`.
    pub name: String,
    /// Position gc reports for it: the name, the `(` of a receiver, or the `func` of a literal.
    pub pos: Pos,
    /// Signature, receiver included as the first parameter for methods.
    pub sig: TypeId,
    /// Parameters (receiver first) then results, as locals.
    pub params: Vec<LocalId>,
    pub results: Vec<LocalId>,
    pub locals: Vec<Local>,
    pub nodes: Vec<Node>,
    pub body: Vec<NodeId>,
    pub has_body: bool,
    pub pragmas: Pragmas,
    /// For a function literal: the function it appears in, and what it captures.
    pub outer: Option<FuncId>,
    pub captures: Vec<Capture>,
    /// For a method: the receiver's named type and whether the receiver is a pointer.
    pub method_of: Option<(TypeId, bool)>,
    /// Position of the closing `}` (gc reports some facts there).
    pub end_pos: Pos,
    /// Set by the inliner when the function can be inlined: its cost and a
    /// copy of its body as it was before its own calls were inlined.
    pub inl: Option<InlineBody>,
    /// The inliner has decided about this function (gc's InlinabilityChecked).
    pub inline_checked: bool,
    /// Set by escape analysis: where each parameter's value goes (gc's
    /// parameter tags), read at the calls of callers analysed later.
    pub param_leaks: Option<Vec<ParamLeaks>>,
}

/// Where a parameter leaks, as gc encodes it (escape/leaks.go): byte 0 the
/// heap, bytes 1..=7 the first seven results; each holds the fewest
/// dereferences on the way plus one, 0 meaning no flow at all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParamLeaks(pub [u8; 8]);

/// What callers need to inline a function (gc's `ir.Inline`).
#[derive(Clone, Debug)]
pub struct InlineBody {
    pub cost: u32,
    pub nodes: Vec<Node>,
    pub locals: Vec<Local>,
    pub body: Vec<NodeId>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pragmas {
    pub noinline: bool,
    pub nosplit: bool,
    pub noescape: bool,
}

#[derive(Clone, Debug)]
pub struct Node {
    pub op: Op,
    pub pos: Pos,
    /// The node's type; statements have `frontend::types::INVALID`.
    pub ty: TypeId,
    /// Statements that run before the node (gc's `Init` list).
    pub init: Vec<NodeId>,
    /// For allocating nodes (New, composite literals under Addr, MakeSlice,
    /// Closure, ConvIface, string building, Append growth): whether the object
    /// must go on the heap. Lowering sets true; escape analysis clears it.
    pub escapes: bool,
    /// Inserted by the type checker rather than written (gc's `Implicit()`):
    /// the `&v` of a pointer-method receiver, the `*p` of `p[i]` on a pointer
    /// to array, an interface conversion, the slice holding a variadic call's
    /// extra arguments (or the nil slice when there are none). gc's printer
    /// skips such nodes.
    pub implicit: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    And,
    Or,
    Xor,
    AndNot,
    Shl,
    Shr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// `&&` and `||`: the right operand is evaluated only when needed.
    AndAnd,
    OrOr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Plus,
    Not,
    /// `^x`
    BitNot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConvKind {
    /// Between numeric types (OCONV): int<->int widths, int<->float, float<->float.
    Numeric,
    /// Same representation, different type (OCONVNOP), e.g. `MyInt(x)` from int.
    Nop,
    /// A value boxed into an interface (OCONVIFACE); `escapes` says where the box goes.
    Iface,
    /// string(rune-or-integer) (ORUNESTR).
    RuneToString,
    /// []byte(s) (OSTR2BYTES); allocates.
    StringToBytes,
    /// string(b) (OBYTES2STR); allocates.
    BytesToString,
    /// []rune(s) (OSTR2RUNES); allocates.
    StringToRunes,
    /// string(runes) (ORUNES2STR); allocates.
    RunesToString,
}

/// What a composite literal element initializes.
#[derive(Clone, Debug)]
pub enum LitKey {
    /// A struct field, by index.
    Field(u32),
    /// An array or slice element, by index.
    Index(u64),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BranchOp {
    Break,
    Continue,
    Goto,
    Fallthrough,
}

#[derive(Clone, Debug)]
pub struct Case {
    pub pos: Pos,
    /// Empty for `default`.
    pub values: Vec<NodeId>,
    pub body: Vec<NodeId>,
    /// The clause ends in `fallthrough`.
    pub fallthrough: bool,
}

#[derive(Clone, Debug)]
pub enum Op {
    // ----- expressions -----
    /// ONAME of a local (PAUTO, PPARAM, PPARAMOUT).
    Local(LocalId),
    /// ONAME of a package-level variable.
    Global(GlobalId),
    /// ONAME PFUNC: a declared function (or method expression) used as a value or callee.
    Func(FuncId),
    /// OLITERAL; `text` is the constant as written in the source (or the constant's name).
    Const { value: ConstValue, text: String },
    /// ONIL: a nil pointer, slice, func or interface of the node's type.
    Nil,
    Binary(BinOp, NodeId, NodeId),
    Unary(UnOp, NodeId),
    /// OADDSTR: `a + b + c` on strings, all operands at once.
    AddStr(Vec<NodeId>),
    /// OADDR: `&x`. With a composite literal operand this is gc's OPTRLIT.
    Addr(NodeId),
    /// ODEREF: `*p` (nil check included).
    Deref(NodeId),
    /// ODOT: a struct field of a struct value, by index.
    Field(NodeId, u32),
    /// ODOTPTR: a struct field through a pointer (nil check included).
    FieldPtr(NodeId, u32),
    /// OINDEX of an array, slice or string (bounds check included).
    Index(NodeId, NodeId),
    /// OSLICE, OSLICEARR (operand is a pointer to array), OSLICESTR, OSLICE3.
    Slice { x: NodeId, lo: Option<NodeId>, hi: Option<NodeId>, max: Option<NodeId> },
    /// OCALLFUNC: a static call when `callee` is `Op::Func`, a closure call
    /// otherwise. Methods are called with the receiver as the first argument
    /// (gc's method-expression form). `ddd`: the last argument is `xs...`.
    /// A call with several results has a `Tuple` type and appears only as the
    /// right side of `Assign2` or as the sole argument of another call.
    Call { callee: NodeId, args: Vec<NodeId>, ddd: bool },
    /// OMETHVALUE: `x.M` as a value; allocates a closure binding the receiver.
    MethodValue { recv: NodeId, method: FuncId },
    /// OCONV, OCONVNOP, OCONVIFACE, ... to the node's type.
    Conv(ConvKind, NodeId),
    /// ODOTTYPE / ODOTTYPE2 on an `interface{}`; `comma_ok` gives a (T, bool) tuple.
    TypeAssert { x: NodeId, comma_ok: bool },
    Len(NodeId),
    Cap(NodeId),
    /// OAPPEND: `append(s, a, b)`, or `append(s, t...)` with `ddd`.
    Append { args: Vec<NodeId>, ddd: bool },
    /// OCOPY: evaluates to the count copied.
    Copy(NodeId, NodeId),
    /// ONEW: the type allocated is the pointee of the node's type.
    New,
    /// OMAKESLICE.
    MakeSlice { len: NodeId, cap: Option<NodeId> },
    /// OSTRUCTLIT, OARRAYLIT, OSLICELIT, by the node's type.
    CompositeLit(Vec<(LitKey, NodeId)>),
    /// OCLOSURE: a function literal; allocates its closure record unless it captures nothing.
    Closure(FuncId),
    /// ORECOVER: the value of the panic in flight, stopping it, when called
    /// by a deferred call during a panic; nil otherwise.
    Recover,
    /// OINLCALL: the body of an inlined call, then its value: the result
    /// variables (none, one, or a tuple of several).
    InlinedCall { body: Vec<NodeId>, results: Vec<NodeId> },

    // ----- statements -----
    /// ODCL: declares a local (zeroed when the statement runs).
    Decl(LocalId),
    /// ODCLTYPE: a local `type` declaration; no code, but gc will not inline its function.
    DeclType,
    /// ODCLCONST: a local constant declaration (one per name); no code.
    DeclConst,
    /// OAS: `lhs = rhs`; `rhs` None zeroes `lhs`. `define` for `x := v`.
    Assign { lhs: NodeId, rhs: Option<NodeId>, define: bool },
    /// OAS2 / OAS2FUNC / OAS2DOTTYPE: all right sides evaluated before any assignment;
    /// a single Tuple-typed right side spreads over the left sides. Blank left
    /// sides are `None`.
    Assign2 { lhs: Vec<Option<NodeId>>, rhs: Vec<NodeId>, define: bool },
    /// OASOP: `lhs op= rhs`; `incdec` for `x++`/`x--` (printed as `x += 1`).
    AssignOp { op: BinOp, lhs: NodeId, rhs: NodeId, incdec: bool },
    /// Evaluates an expression for its effects (a call, usually); `_ = x` is an Assign to Blank.
    ExprStmt(NodeId),
    /// The blank identifier `_` as an assignment target.
    Blank,
    Block(Vec<NodeId>),
    If { cond: NodeId, then: Vec<NodeId>, els: Vec<NodeId> },
    /// OFOR: `init` in the node's init list; missing cond means forever.
    For { cond: Option<NodeId>, post: Option<NodeId>, body: Vec<NodeId>, label: Option<String> },
    /// ORANGE over a slice, array, pointer to array or string (runes).
    Range { key: Option<NodeId>, value: Option<NodeId>, x: NodeId, define: bool, body: Vec<NodeId>, label: Option<String> },
    /// OSWITCH: `tag` None for a tagless switch (cases are booleans).
    Switch { tag: Option<NodeId>, cases: Vec<Case>, label: Option<String> },
    /// OLABEL: a label on its own (the labelled loop or switch carries the name too).
    Label(String),
    /// OBREAK, OCONTINUE, OGOTO, OFALL.
    Branch { op: BranchOp, label: Option<String> },
    /// ORETURN: values to return; empty with named results returns them as they
    /// are; a single Tuple-typed call returns all its results.
    Return(Vec<NodeId>),
    /// ODEFER: the call (a call without arguments) runs when the function
    /// returns or panics; the callee is evaluated at the defer statement.
    Defer(NodeId),
    /// OPANIC: the argument is already converted to `interface{}`.
    Panic(NodeId),
    /// OPRINT / OPRINTN.
    Print { args: Vec<NodeId>, newline: bool },
}

impl Func {
    /// An empty function with a body (no parameters, locals or statements yet).
    pub fn new(name: impl Into<String>, pos: Pos, sig: TypeId, end_pos: Pos) -> Func {
        Func {
            name: name.into(),
            pos,
            sig,
            params: Vec::new(),
            results: Vec::new(),
            locals: Vec::new(),
            nodes: Vec::new(),
            body: Vec::new(),
            has_body: true,
            pragmas: Pragmas::default(),
            outer: None,
            captures: Vec::new(),
            method_of: None,
            end_pos,
            inl: None,
            inline_checked: false,
            param_leaks: None,
        }
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0 as usize]
    }

    pub fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id.0 as usize]
    }

    pub fn local(&self, id: LocalId) -> &Local {
        &self.locals[id.0 as usize]
    }

    pub fn add_node(&mut self, node: Node) -> NodeId {
        self.nodes.push(node);
        NodeId(self.nodes.len() as u32 - 1)
    }

    pub fn add_local(&mut self, local: Local) -> LocalId {
        self.locals.push(local);
        LocalId(self.locals.len() as u32 - 1)
    }
}

impl Package {
    pub fn func(&self, id: FuncId) -> &Func {
        &self.funcs[id.0 as usize]
    }

    /// A function literal inside another function (gc's `IsHiddenClosure`):
    /// it is analysed with the function it appears in. A literal in a package
    /// variable's initializer is not hidden: gc compiles it as a function of
    /// its own, in source order among the declared functions.
    pub fn is_hidden_closure(&self, id: FuncId) -> bool {
        let outer = self.func(id).outer;
        outer.is_some() && outer != self.init
    }
}
