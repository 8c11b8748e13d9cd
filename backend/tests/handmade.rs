//! Backend tests on IR built by hand, independent of the frontend and the
//! lowering: the smallest programs that exercise the object/link/run path,
//! Go's integer semantics and a run-time panic.

use std::process::Command;

use backend::{build_executable, Config, Target};
use ir::{BinOp, ConstValue, Func, FuncId, LocalId, Node, NodeId, Op, Package, Signature, TypeId, TypeKind, TypeTable};

const NO_TYPE: TypeId = TypeId(0);

/// A function body under construction.
struct Body {
    func: Func,
}

impl Body {
    fn new(name: &str, sig: TypeId) -> Body {
        Body { func: Func::new(name, 0, sig, 0) }
    }

    fn node(&mut self, op: Op, ty: TypeId) -> NodeId {
        self.func.add_node(Node::new(op, 0, ty))
    }

    fn int(&mut self, value: i128, ty: TypeId) -> NodeId {
        self.node(Op::Const { value: ConstValue::int(value), text: value.to_string(), prec: 8 }, ty)
    }

    fn string(&mut self, text: &str, ty: TypeId) -> NodeId {
        self.node(Op::Const { value: ConstValue::Str(text.as_bytes().to_vec()), text: format!("{:?}", text), prec: 8 }, ty)
    }

    fn local(&mut self, name: &str, ty: TypeId) -> LocalId {
        self.func.add_local(ir::Local {
            name: name.to_string(),
            ty,
            pos: 0,
            class: ir::LocalClass::Auto,
            addr_taken: false,
            captured_by_ref: false,
            reassigned: true,
            has_defn: false,
            on_heap: false,
            inlined_from: None,
        })
    }

    fn stmt(&mut self, op: Op) {
        let id = self.node(op, NO_TYPE);
        self.func.body.push(id);
    }
}

fn package(types: TypeTable, main: Func) -> Package {
    Package {
        name: "main".to_string(),
        file: "./prog.go".to_string(),
        types,
        funcs: vec![main],
        globals: Vec::new(),
        init: None,
        user_inits: Vec::new(),
        main: Some(FuncId(0)),
    }
}

/// Builds and runs a package; returns its stderr and exit status.
fn build_and_run(package: &Package, name: &str) -> (String, i32) {
    let dir = std::env::temp_dir().join(format!("minigo-handmade-{}-{}", std::process::id(), name));
    std::fs::create_dir_all(&dir).expect("scratch directory");
    let exe = dir.join(name);
    let config = Config { target: Target::X86_64, output: exe.clone(), poison_stack: false, source: None };
    build_executable(package, &config).expect("build");
    let out = Command::new(&exe).env("GOTRACEBACK", "none").output().expect("run");
    let _ = std::fs::remove_dir_all(&dir);
    (String::from_utf8_lossy(&out.stderr).into_owned(), out.status.code().unwrap_or(-1))
}

fn main_sig(types: &mut TypeTable) -> TypeId {
    types.intern(TypeKind::Func(Signature { params: Vec::new(), results: Vec::new(), variadic: false }))
}

/// `println("hello", 40+2)` and an int8 that wraps: `x := int8(127); x++; println(x)`.
#[test]
fn hello_and_wraparound() {
    let mut types = TypeTable::new();
    let int = types.basic(ir::Basic::Int);
    let int8 = types.basic(ir::Basic::Int8);
    let string = types.basic(ir::Basic::String);
    let mut main = Body::new("main", main_sig(&mut types));
    let hello = main.string("hello", string);
    let forty = main.int(40, int);
    let two = main.int(2, int);
    let sum = main.node(Op::Binary(BinOp::Add, forty, two), int);
    main.stmt(Op::Print { args: vec![hello, sum], newline: true });
    let x = main.local("x", int8);
    main.stmt(Op::Decl(x));
    let x_ref = main.node(Op::Local(x), int8);
    let max = main.int(127, int8);
    main.stmt(Op::Assign { lhs: x_ref, rhs: Some(max), define: false });
    let one = main.int(1, int8);
    main.stmt(Op::AssignOp { op: BinOp::Add, lhs: x_ref, rhs: one, incdec: true });
    main.stmt(Op::Print { args: vec![x_ref], newline: true });
    let (stderr, status) = build_and_run(&package(types, main.func), "hello");
    assert_eq!((stderr.as_str(), status), ("hello 42\n-128\n", 0));
}

/// `d := 0; println(7 / d)` panics with Go's text and exit status 2.
#[test]
fn divide_by_zero_panics() {
    let mut types = TypeTable::new();
    let int = types.basic(ir::Basic::Int);
    let mut main = Body::new("main", main_sig(&mut types));
    let d = main.local("d", int);
    main.stmt(Op::Decl(d));
    let seven = main.int(7, int);
    let d_ref = main.node(Op::Local(d), int);
    let quotient = main.node(Op::Binary(BinOp::Div, seven, d_ref), int);
    main.stmt(Op::Print { args: vec![quotient], newline: true });
    let (stderr, status) = build_and_run(&package(types, main.func), "divide");
    assert_eq!((stderr.as_str(), status), ("panic: runtime error: integer divide by zero\n", 2));
}
