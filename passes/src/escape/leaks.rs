//! Parameter leak tags (gc's escape/leaks.go and `paramTag`): where each
//! parameter's value goes — the heap and the first seven results, each with
//! the fewest dereferences on the way — stored on the IR function so callers
//! analysed later use the summary instead of the body. Also gc's
//! `HeapAllocReason`: objects too large for the stack.

use ir::{FuncId, LocalClass, Op, ParamLeaks};

use super::graph::LocKind;
use super::Batch;
use crate::decision::DecisionKind;

/// Results tracked separately; flows to later results count as heap flows.
pub const NUM_ESC_RESULTS: usize = 7;
/// gc's `ir.MaxStackVarSize`: explicitly declared variables up to 10 MiB
/// (128 KiB with `-smallframes`).
const MAX_STACK_VAR_SIZE: [u64; 2] = [10 * 1024 * 1024, 128 * 1024];
/// gc's `ir.MaxImplicitStackVarSize`: `new`, `&T{}`, `make` and closures up
/// to 64 KiB (16 KiB with `-smallframes`).
const MAX_IMPLICIT_STACK_VAR_SIZE: [u64; 2] = [64 * 1024, 16 * 1024];

/// A parameter's leaks as gc encodes them: index 0 the heap, 1.. the results;
/// each byte is derefs + 1, 0 meaning no flow.
pub type Leaks = ParamLeaks;

pub fn get(l: &Leaks, i: usize) -> i32 {
    l.0[i] as i32 - 1
}

pub fn heap(l: &Leaks) -> i32 {
    get(l, 0)
}

pub fn result(l: &Leaks, i: usize) -> i32 {
    get(l, 1 + i)
}

fn set(l: &mut Leaks, i: usize, derefs: i32) {
    l.0[i] = (derefs + 1).clamp(0, 255) as u8;
}

fn add(l: &mut Leaks, i: usize, derefs: i32) {
    let old = get(l, i);
    if old < 0 || derefs < old {
        set(l, i, derefs);
    }
}

pub fn add_heap(l: &mut Leaks, derefs: i32) {
    add(l, 0, derefs);
}

/// Result leaks at least as deep as the heap leak say nothing more.
fn optimize(l: &mut Leaks) {
    let x = heap(l);
    if x >= 0 {
        for i in 0..NUM_ESC_RESULTS {
            if result(l, i) >= x {
                set(l, 1 + i, -1);
            }
        }
    }
}

impl Batch<'_> {
    /// Records that parameter location `param` reaches `sink` through `derefs` dereferences.
    pub fn leak_to(&mut self, param: usize, sink: usize, derefs: i32) {
        let s = &self.locs[sink];
        if !s.escapes && s.result_index > 0 && s.func == self.locs[param].func && s.kind != LocKind::Heap {
            let ri = s.result_index - 1;
            if ri < NUM_ESC_RESULTS {
                add(&mut self.locs[param].param_esc, 1 + ri, derefs);
                return;
            }
        }
        add_heap(&mut self.locs[param].param_esc, derefs);
    }

    /// gc's `paramTag`: the summary of every parameter of `fid`, with its `-m` lines.
    pub fn param_tags(&mut self, fid: FuncId) -> Vec<Leaks> {
        let func = self.pkg.func(fid);
        let mut tags = Vec::new();
        for &p in &func.params {
            let local = func.local(p);
            let named = !local.name.is_empty() && local.name != "_" && !local.name.starts_with('~');
            let mut esc = Leaks::default();
            if !func.has_body {
                if self.pkg.types.has_pointers(local.ty) {
                    if func.pragmas.noescape {
                        if named {
                            self.decide(local.pos, DecisionKind::DoesNotEscape { what: local.name.clone() });
                        }
                    } else {
                        if named {
                            self.decide(local.pos, DecisionKind::LeakingParam { param: local.name.clone(), content: false });
                        }
                        add_heap(&mut esc, 0);
                    }
                }
                tags.push(esc);
                continue;
            }
            if !self.pkg.types.has_pointers(local.ty) || !named {
                tags.push(esc);
                continue;
            }
            let loc = self.var_locs[&(fid, p)];
            esc = self.locs[loc].param_esc;
            optimize(&mut esc);
            if !self.locs[loc].escapes {
                if esc == Leaks::default() {
                    self.decide(local.pos, DecisionKind::DoesNotEscape { what: local.name.clone() });
                }
                let h = heap(&esc);
                if h >= 0 {
                    self.decide(local.pos, DecisionKind::LeakingParam { param: local.name.clone(), content: h > 0 });
                }
                for i in 0..NUM_ESC_RESULTS {
                    let x = result(&esc, i);
                    if x >= 0 {
                        let res = func.results.get(i).map(|r| func.local(*r).name.clone()).unwrap_or_default();
                        self.decide(local.pos, DecisionKind::LeakingParamToResult { param: local.name.clone(), result: res, level: x });
                    }
                }
            }
            tags.push(esc);
        }
        tags
    }

    /// gc's `HeapAllocReason`: why location `loc` cannot live on the stack at all, if it cannot.
    pub fn heap_alloc_reason(&self, loc: usize) -> Option<&'static str> {
        let types = &self.pkg.types;
        let max_stack_var_size = MAX_STACK_VAR_SIZE[self.small_frames as usize];
        let max_implicit_size = MAX_IMPLICIT_STACK_VAR_SIZE[self.small_frames as usize];
        match self.locs[loc].kind {
            LocKind::Var(f, l) => {
                let local = self.pkg.func(f).local(l);
                if local.class != LocalClass::Auto {
                    return None;
                }
                (types.size(local.ty) > max_stack_var_size).then_some("too large for stack")
            }
            LocKind::Alloc(f, n) => {
                let func = self.pkg.func(f);
                let node = func.node(n);
                if types.size(node.ty) > max_stack_var_size {
                    return Some("too large for stack");
                }
                match &node.op {
                    Op::New | Op::Addr(_) => {
                        let elem = types.pointer_elem(node.ty)?;
                        (types.size(elem) > max_implicit_size).then_some("too large for stack")
                    }
                    Op::Closure(c) => (self.closure_size(*c) > max_implicit_size).then_some("too large for stack"),
                    Op::MethodValue { recv, .. } => (8 + types.size(func.node(*recv).ty) > max_implicit_size).then_some("too large for stack"),
                    Op::MakeSlice { len, cap } => {
                        let size = cap.unwrap_or(*len);
                        let Op::Const { value: ir::ConstValue::Int(n), .. } = &func.node(size).op else { return Some("non-constant size") };
                        let elem = match types.under(node.ty) {
                            ir::TypeKind::Slice(e) => types.size(*e),
                            _ => 0,
                        };
                        (elem != 0 && *n > (max_implicit_size / elem) as i128).then_some("too large for stack")
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The closure record: the code pointer, then each capture (a pointer when by reference).
    fn closure_size(&self, closure: FuncId) -> u64 {
        let func = self.pkg.func(closure);
        let outer = func.outer.map(|o| self.pkg.func(o));
        8 + func
            .captures
            .iter()
            .map(|c| outer.map(|o| self.pkg.types.size(o.local(c.outer).ty)).unwrap_or(8).max(8))
            .sum::<u64>()
    }
}
