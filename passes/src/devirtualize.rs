//! gc 1.19's devirtualize pass (devirtualize/devirtualize.go), after inlining
//! and before escape analysis: a call through an interface whose receiver is
//! statically a conversion of a concrete value (`ir.StaticValue` through
//! inlined calls and variables assigned once) becomes a direct method call
//! on `x.(T)`, with gc's `-m` line `devirtualizing i.M to T`. The inliner has
//! run already, so the direct call stays a call, as in gc 1.19. A method
//! that T has through an embedded interface becomes a call through that
//! field of `x.(T)` ("partially devirtualizing").

use ::ir::*;

use crate::decision::{Decision, DecisionKind};
use crate::inline::static_value;

/// Devirtualizes the interface calls of every function, in the order of
/// gc's Target.Decls: a function literal is declared once built, so
/// before the function it is in; one that dead code removal dropped too
/// (it stays in Target.Decls, though it is never compiled).
pub fn devirtualize_package(pkg: &mut Package, decisions: &mut Vec<Decision>) {
    for fid in declaration_order(pkg) {
        let func = pkg.func(fid);
        if !func.has_body || func.is_wrapper {
            continue;
        }
        for call in func.field_order(&func.body) {
            devirtualize_call(pkg, fid, call, decisions);
        }
    }
}

/// The functions with each function literal before the function it is in.
fn declaration_order(pkg: &Package) -> Vec<FuncId> {
    fn visit(literals: &[Vec<FuncId>], f: FuncId, out: &mut Vec<FuncId>) {
        for inner in &literals[f.0 as usize] {
            visit(literals, *inner, out);
        }
        out.push(f);
    }
    let mut literals: Vec<Vec<FuncId>> = vec![Vec::new(); pkg.funcs.len()];
    for (index, func) in pkg.funcs.iter().enumerate() {
        if let Some(outer) = func.outer {
            literals[outer.0 as usize].push(FuncId(index as u32));
        }
    }
    let mut out = Vec::with_capacity(pkg.funcs.len());
    for f in (0..pkg.funcs.len() as u32).map(FuncId).filter(|f| pkg.func(*f).outer.is_none()) {
        visit(&literals, f, &mut out);
    }
    out
}

fn devirtualize_call(pkg: &mut Package, fid: FuncId, call: NodeId, decisions: &mut Vec<Decision>) {
    let func = pkg.func(fid);
    let Op::Call { callee, .. } = &func.node(call).op else { return };
    let callee = *callee;
    let Op::DotInter { x: iface, method } = func.node(callee).op else { return };
    let Op::Conv(ConvKind::Iface, boxed) = func.node(static_value(func, iface)).op else { return };
    let concrete = func.node(boxed).ty;
    if pkg.types.is_interface(concrete) {
        return;
    }
    let iface_ty = func.node(iface).ty;
    let name = pkg.types.iface_methods(iface_ty).expect("an interface")[method as usize].name.clone();
    // The method T has: declared (or promoted from an embedded field), or
    // promoted from an embedded interface, whose call stays dynamic.
    let (path, target, pointer_recv, word) = match pkg.types.lookup_member(concrete, &name) {
        Some(Member::Method { path, method: m, recv_named }) => {
            let Some(target) = declared_method(pkg, recv_named, m.pointer_recv, &name) else { return };
            (path, Some(target), m.pointer_recv, "devirtualizing")
        }
        Some(Member::IfaceMethod { path, .. }) if !path.is_empty() => (path, None, false, "partially devirtualizing"),
        _ => return,
    };
    let selector = ::ir::printer::node_text(pkg, func, callee, &|_| false);
    let message = format!("{} {} to {}", word, selector, pkg.types.display(concrete));
    decisions.push(Decision::at(func.node(call).pos, DecisionKind::Devirtualizing { message }));

    // The nodes made here are where the selector is: in inlined code too.
    let (pos, inlined_from) = (func.node(callee).pos, func.node(callee).inlined_from);
    let target_sig = target.map(|t| pkg.func(t).sig);
    let (types, funcs) = (&pkg.types, &mut pkg.funcs);
    let func = &mut funcs[fid.0 as usize];
    let node = |op: Op, ty: TypeId, implicit: bool| Node { implicit, inlined_from, ..Node::new(op, pos, ty) };
    // x.(T), then through the embedded fields, then & or * as the receiver needs.
    let asserted = func.add_node(node(Op::TypeAssert { x: iface, comma_ok: false }, concrete, false));
    let mut receiver = ::ir::wrapper::select_path(types, func, asserted, &path, pos);
    for id in (asserted.0 + 1..=receiver.0).map(NodeId) {
        func.node_mut(id).inlined_from = inlined_from;
    }
    let ty = func.node(receiver).ty;
    let (Some(target), Some(target_sig)) = (target, target_sig) else {
        // Through the embedded interface: the same method of the field.
        let index = types.iface_methods(ty).and_then(|ms| ms.iter().position(|m| m.name == name)).expect("the promoted method");
        func.node_mut(callee).op = Op::DotInter { x: receiver, method: index as u32 };
        return;
    };
    match (types.pointer_elem(ty), pointer_recv) {
        (None, true) => {
            let pointer = types.lookup(&TypeKind::Pointer(ty)).expect("the pointer type of a pointer method's receiver");
            receiver = func.add_node(node(Op::Addr(receiver), pointer, true));
        }
        (Some(elem), false) => receiver = func.add_node(node(Op::Deref(receiver), elem, true)),
        _ => {}
    }
    // Implicit: gc's call stays the method call x.(T).M(args) (ODOTMETH).
    let direct = func.add_node(node(Op::Func(target), target_sig, true));
    if let Op::Call { callee, args, .. } = &mut func.node_mut(call).op {
        *callee = direct;
        args.insert(0, receiver);
    }
    // The selector is out of the tree, and gives its operand up.
    func.node_mut(callee).op = Op::Blank;
}

/// The declared method `name` of `recv` with the given receiver kind.
fn declared_method(pkg: &Package, recv: TypeId, pointer: bool, name: &str) -> Option<FuncId> {
    let recv = pkg.types.canonical(recv);
    (0..pkg.funcs.len() as u32).map(FuncId).find(|f| {
        let func = pkg.func(*f);
        !func.is_wrapper
            && func.method_of.is_some_and(|(r, p)| pkg.types.canonical(r) == recv && p == pointer)
            && func.name.rsplit_once('.').is_some_and(|(_, n)| n == name)
    })
}
