//! A stable text dump of the IR (`minigo build -d=ir`, insta snapshots): one
//! function after another, its locals, then its body as an indented tree.

use std::fmt::Write;

use crate::ir::*;

pub fn dump(pkg: &Package) -> String {
    let mut out = String::new();
    for func in &pkg.funcs {
        let _ = writeln!(out, "func {} {}", func.name, pkg.types.display(func.sig));
        for (i, l) in func.locals.iter().enumerate() {
            let mut flags = String::new();
            for (set, name) in
                [(l.addr_taken, " addrtaken"), (l.captured_by_ref, " byref"), (l.reassigned, " reassigned"), (l.on_heap, " heap")]
            {
                if set {
                    flags.push_str(name);
                }
            }
            let _ = writeln!(out, "  local {} {} {} {:?}{}", i, l.name, pkg.types.display(l.ty), l.class, flags);
        }
        for c in &func.captures {
            let _ = writeln!(out, "  capture outer {} as {}{}", c.outer.0, c.inner.0, if c.by_ref { " byref" } else { "" });
        }
        for id in &func.body {
            write_node(&mut out, pkg, func, *id, 1);
        }
    }
    out
}

fn write_node(out: &mut String, pkg: &Package, func: &Func, id: NodeId, depth: usize) {
    let node = func.node(id);
    let indent = "  ".repeat(depth);
    let label = match &node.op {
        Op::Local(l) => format!("Local {}", func.local(*l).name),
        Op::Global(g) => format!("Global {}", pkg.globals[g.0 as usize].name),
        Op::Func(f) => format!("Func {}", pkg.func(*f).name),
        Op::Closure(f) => format!("Closure {}", pkg.func(*f).name),
        Op::MethodValue { method, .. } => format!("MethodValue {}", pkg.func(*method).name),
        Op::Const { text, .. } => format!("Const {}", text),
        Op::Decl(l) => format!("Decl {}", func.local(*l).name),
        other => {
            let text = format!("{:?}", other);
            text.split(['(', ' ', '{']).next().unwrap_or("").to_string()
        }
    };
    let ty = if node.ty == frontend::types::INVALID { String::new() } else { format!(" : {}", pkg.types.display(node.ty)) };
    let _ = writeln!(out, "{}{}{}", indent, label, ty);
    for child in node.children() {
        write_node(out, pkg, func, child, depth + 1);
    }
}
