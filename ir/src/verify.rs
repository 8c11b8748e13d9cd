//! The IR verifier: run between passes in tests and debug builds. It checks
//! that every function body is a tree (each node has at most one parent and
//! all ids are in range) and that locals and functions referred to exist.

use crate::ir::*;

/// Returns a description of every broken invariant (empty when the IR is sound).
pub fn verify(pkg: &Package) -> Vec<String> {
    let mut problems = Vec::new();
    for func in &pkg.funcs {
        let mut parents = vec![0u32; func.nodes.len()];
        let mut check = |id: NodeId, problems: &mut Vec<String>| match parents.get_mut(id.0 as usize) {
            Some(count) => {
                *count += 1;
                if *count > 1 {
                    problems.push(format!("{}: node {} has several parents", func.name, id.0));
                }
            }
            None => problems.push(format!("{}: node {} out of range", func.name, id.0)),
        };
        for id in &func.body {
            check(*id, &mut problems);
        }
        for node in &func.nodes {
            for child in node.children() {
                check(child, &mut problems);
            }
            let local = match &node.op {
                Op::Local(l) | Op::Decl(l) => Some(*l),
                _ => None,
            };
            if let Some(l) = local {
                if l.0 as usize >= func.locals.len() {
                    problems.push(format!("{}: local {} out of range", func.name, l.0));
                }
            }
            let callee = match &node.op {
                Op::Func(f) | Op::Closure(f) => Some(*f),
                Op::MethodValue { method, .. } => Some(*method),
                _ => None,
            };
            if let Some(f) = callee {
                if f.0 as usize >= pkg.funcs.len() {
                    problems.push(format!("{}: function {} out of range", func.name, f.0));
                }
            }
        }
        for c in &func.captures {
            if c.inner.0 as usize >= func.locals.len() {
                problems.push(format!("{}: capture local {} out of range", func.name, c.inner.0));
            }
        }
    }
    problems
}
