//! The static call graph of a package (petgraph) and its strongly connected
//! components in gc 1.19's bottom-up order (`ir.VisitFuncsBottomUp`,
//! scc.go): Tarjan's algorithm with roots taken in declaration order and
//! references followed in pre-order, callees' components before callers'.
//! Function literals inside functions are never roots and never close a
//! component: they join their enclosing function's component, after it. Inlining and escape
//! analysis both walk the package through this one driver.

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use ir::{Func, FuncId, NodeId, Op, Package};

/// One strongly connected component; `recursive` when it is a cycle or calls itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scc {
    pub funcs: Vec<FuncId>,
    pub recursive: bool,
}

/// Builds the call graph: an edge for every reference to a function (called
/// or used as a value), method and closure, in the pre-order of the body.
pub fn call_graph(pkg: &Package) -> DiGraph<FuncId, ()> {
    let mut graph = DiGraph::new();
    let nodes: Vec<NodeIndex> = (0..pkg.funcs.len()).map(|i| graph.add_node(FuncId(i as u32))).collect();
    for (i, func) in pkg.funcs.iter().enumerate() {
        let mut refs = Vec::new();
        for id in &func.body {
            references(func, *id, &mut refs);
        }
        // A wrapper is gc's, made after the passes: gc refers to the
        // method T.M itself (IR `wrapper_of`), or, for an interface's
        // method, to nothing it analyses.
        for f in refs {
            let target = match (pkg.func(f).is_wrapper, pkg.func(f).wrapper_of) {
                (_, Some(method)) => method,
                (true, None) => continue,
                (false, None) => f,
            };
            graph.add_edge(nodes[i], nodes[target.0 as usize], ());
        }
    }
    graph
}

/// Functions referred to under `id`, in pre-order.
fn references(func: &Func, id: NodeId, out: &mut Vec<FuncId>) {
    let node = func.node(id);
    match &node.op {
        Op::Func(f) | Op::Closure(f) => out.push(*f),
        Op::MethodValue { method, .. } => out.push(*method),
        _ => {}
    }
    for child in node.children() {
        references(func, child, out);
    }
}

/// The components bottom-up, as gc's visitBottomUp hands them to its passes.
pub fn bottom_up(pkg: &Package) -> Vec<Scc> {
    let graph = call_graph(pkg);
    let mut visitor = Visitor { pkg, graph: &graph, node_id: vec![0; pkg.funcs.len()], visitgen: 0, stack: Vec::new(), out: Vec::new() };
    for f in roots(pkg) {
        visitor.visit(NodeIndex::new(f.0 as usize));
    }
    visitor.out
}

/// The functions gc's `Target.Decls` holds, in its order: the declared
/// functions, with the literals of package variable initializers placed
/// among them by source position (before the first function declared after them).
pub fn roots(pkg: &Package) -> Vec<FuncId> {
    let ids = (0..pkg.funcs.len() as u32).map(FuncId);
    let mut package_literals: Vec<FuncId> = ids.clone().filter(|f| pkg.func(*f).outer.is_some() && !pkg.is_hidden_closure(*f)).collect();
    package_literals.sort_by_key(|f| pkg.func(*f).pos);
    let mut pending = package_literals.into_iter().peekable();
    let mut out = Vec::new();
    for f in ids.filter(|f| pkg.func(*f).outer.is_none() && !pkg.func(*f).is_wrapper) {
        if Some(f) != pkg.init {
            while let Some(lit) = pending.next_if(|lit| pkg.func(*lit).pos < pkg.func(f).pos) {
                out.push(lit);
            }
        }
        out.push(f);
    }
    out.extend(pending);
    out
}

struct Visitor<'g> {
    pkg: &'g Package,
    graph: &'g DiGraph<FuncId, ()>,
    /// 0: not visited; u32::MAX: in a finished component; otherwise its visit number.
    node_id: Vec<u32>,
    visitgen: u32,
    stack: Vec<NodeIndex>,
    out: Vec<Scc>,
}

impl Visitor<'_> {
    /// Returns the smallest visit number reachable from `n`.
    fn visit(&mut self, n: NodeIndex) -> u32 {
        let i = n.index();
        if self.node_id[i] > 0 {
            return self.node_id[i];
        }
        self.visitgen += 1;
        let id = self.visitgen;
        self.node_id[i] = id;
        self.visitgen += 1;
        let mut min = self.visitgen;
        self.stack.push(n);
        let mut callees: Vec<NodeIndex> = self.graph.edges(n).map(|e| e.target()).collect();
        // petgraph lists a node's edges newest first.
        callees.reverse();
        for callee in callees {
            let m = self.visit(callee);
            if m < min {
                min = m;
            }
        }
        let hidden_closure = self.pkg.is_hidden_closure(FuncId(i as u32));
        if (min == id || min == id + 1) && !hidden_closure {
            let start = self.stack.iter().rposition(|x| *x == n).expect("the root is on the stack");
            let block: Vec<NodeIndex> = self.stack.split_off(start);
            for x in &block {
                self.node_id[x.index()] = u32::MAX;
            }
            let funcs = block.iter().map(|x| *self.graph.node_weight(*x).expect("node")).collect();
            self.out.push(Scc { funcs, recursive: min == id });
        }
        min
    }
}
