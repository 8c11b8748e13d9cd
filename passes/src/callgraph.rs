//! The static call graph of a package (petgraph) and its strongly connected
//! components in gc 1.19's bottom-up order (`ir.VisitFuncsBottomUp`): Tarjan's
//! algorithm with roots taken in declaration order, callees before callers,
//! each component flagged `recursive` when it is a cycle or calls itself.
//! Function literals are never roots: they join their enclosing function's
//! component walk through the closure edge. Inlining and escape analysis both
//! walk the package through this one driver.

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use ir::{FuncId, Op, Package};

/// One strongly connected component, callees' components having come before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scc {
    pub funcs: Vec<FuncId>,
    pub recursive: bool,
}

/// Builds the call graph: an edge for every reference to a function
/// (called or used as a value), method value and closure.
pub fn call_graph(pkg: &Package) -> DiGraph<FuncId, ()> {
    let mut graph = DiGraph::new();
    let nodes: Vec<NodeIndex> = (0..pkg.funcs.len()).map(|i| graph.add_node(FuncId(i as u32))).collect();
    for (i, func) in pkg.funcs.iter().enumerate() {
        for node in &func.nodes {
            let callee = match &node.op {
                Op::Func(f) | Op::Closure(f) => Some(*f),
                Op::MethodValue { method, .. } => Some(*method),
                _ => None,
            };
            if let Some(f) = callee {
                graph.update_edge(nodes[i], nodes[f.0 as usize], ());
            }
        }
    }
    graph
}

/// The components bottom-up, as gc's visitBottomUp produces them.
pub fn bottom_up(pkg: &Package) -> Vec<Scc> {
    let graph = call_graph(pkg);
    let mut visitor = Tarjan { graph: &graph, index: vec![0; pkg.funcs.len()], next_id: 0, stack: Vec::new(), out: Vec::new() };
    for (i, func) in pkg.funcs.iter().enumerate() {
        if func.outer.is_none() && visitor.index[i] == 0 {
            visitor.visit(NodeIndex::new(i));
        }
    }
    visitor.out
}

struct Tarjan<'g> {
    graph: &'g DiGraph<FuncId, ()>,
    /// 0: not visited; u32::MAX: finished; otherwise the visit number.
    index: Vec<u32>,
    next_id: u32,
    stack: Vec<NodeIndex>,
    out: Vec<Scc>,
}

impl Tarjan<'_> {
    /// Returns the smallest visit number reachable from `n` (gc's `min`).
    fn visit(&mut self, n: NodeIndex) -> u32 {
        let i = n.index();
        if self.index[i] > 0 {
            return self.index[i];
        }
        self.next_id += 1;
        let id = self.next_id;
        self.index[i] = id;
        let mut min = id;
        self.stack.push(n);
        let mut callees: Vec<NodeIndex> = self.graph.edges(n).map(|e| e.target()).collect();
        // petgraph lists edges newest first; gc walks calls in source order.
        callees.reverse();
        for callee in callees {
            let m = self.visit(callee);
            if m < min {
                min = m;
            }
        }
        if min == id {
            let mut funcs = Vec::new();
            let mut recursive = false;
            loop {
                let top = self.stack.pop().expect("tarjan stack holds the component");
                self.index[top.index()] = u32::MAX;
                funcs.push(*self.graph.node_weight(top).expect("node"));
                if top == n {
                    break;
                }
                recursive = true;
            }
            funcs.reverse();
            if !recursive {
                recursive = self.graph.contains_edge(n, n);
            }
            self.out.push(Scc { funcs, recursive });
        }
        min
    }
}
