//! gc's order pass (`walk/order.go`), as far as it is observable: the calls
//! in a statement's expressions run first, in evaluation order, with their
//! results kept in temporaries; only then are the other operands (variable
//! reads, field loads) evaluated. So `println(c.n, c.inc())` prints the
//! counter after the increment, as Go does. `&&` and `||` are evaluated in
//! that order too, the right operand (and its calls) conditionally. The builtins gc's order
//! copies into temporaries (`make`, `new`, `len`, `cap`, `copy`, `append`, `complex`, `real`, `imag`,
//! `[]byte(s)`, `[]rune(s)`, `recover()`, and type assertions to types not
//! stored directly in an interface) run with the calls, so one that panics
//! stops the calls after it.

use ir::{BinOp, NodeId, Op, TypeId};

use super::func::{FuncCtx, Val};

impl FuncCtx<'_, '_> {
    /// Runs the calls (and init statements) inside expression `id`, caching
    /// each call's results for when `eval` reaches it.
    pub fn hoist_calls(&mut self, id: NodeId) {
        let node = self.func.node(id);
        self.run_init(id);
        match &node.op {
            Op::Binary(BinOp::AndAnd | BinOp::OrOr, left, _) => {
                self.hoist_calls(*left);
                let value = self.eval(id);
                self.hoisted.insert(id, vec![value]);
            }
            Op::Call { .. } => {
                for operand in self.func.node(id).operands() {
                    self.hoist_calls(operand);
                }
                let results = self.call(id);
                self.hoisted.insert(id, results);
            }
            Op::InlinedCall { .. } => {
                let results = self.inlined_call(id);
                self.hoisted.insert(id, results);
            }
            Op::IndexMap { m, key, .. } => {
                let (m, key) = (*m, *key);
                self.hoist_calls(m);
                self.hoist_map_key(self.func.node(m).ty, key);
            }
            _ if self.func.is_order_temporary(self.types, id) => {
                for operand in self.func.node(id).operands() {
                    self.hoist_calls(operand);
                }
                let value = self.eval(id);
                self.hoisted.insert(id, vec![value]);
            }
            _ => {
                for operand in self.func.node(id).operands() {
                    self.hoist_calls(operand);
                }
            }
        }
    }

    /// A map key, its calls run: order.go's mapKeyTemp copies it into a
    /// temporary there unless the map has a fast access routine, whose
    /// key is computed with the rest of the statement.
    pub fn hoist_map_key(&mut self, map_ty: TypeId, key: NodeId) {
        self.hoist_calls(key);
        if !self.types.has_fast_map_access(map_ty) && !self.hoisted.contains_key(&key) {
            let value = self.eval(key);
            self.hoisted.insert(key, vec![value]);
        }
    }

    /// Runs the body of an inlined call and reads its result variables.
    pub fn inlined_call(&mut self, id: NodeId) -> Vec<Val> {
        let Op::InlinedCall { body, results, .. } = &self.func.node(id).op else {
            panic!("backend: inlined_call on another op in {}", self.func.name)
        };
        self.emit_stmts(body);
        results.iter().map(|r| self.eval_owned(*r)).collect()
    }

    /// The results of a call already run by `hoist_calls`.
    pub fn take_hoisted(&mut self, id: NodeId) -> Option<Vec<Val>> {
        self.hoisted.remove(&id)
    }

    /// Evaluates an expression that forms a statement's own operand (a
    /// condition, a switch tag, a range operand) with gc's order.
    pub fn eval_root(&mut self, id: NodeId) -> Val {
        self.hoist_calls(id);
        self.eval(id)
    }
}
