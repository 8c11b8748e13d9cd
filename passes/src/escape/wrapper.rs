//! gc's go/defer wrappers (escape/call.go: `goDeferStmt`, `rewriteArgument`,
//! `wrapExpr`): a deferred (or goroutine) method call, or one whose
//! function takes or returns values, is analysed as a closure made at the
//! go or defer statement, `func() { f(t1, t2) }`, capturing temporaries (`.autotmp_N`)
//! that hold the operands evaluated there. Only escape analysis sees this
//! closure: the backend keeps its own defer records. Like gc, `-m` reports
//! neither its final line nor its function's tags.

use std::cell::RefCell;
use std::rc::Rc;

use ::ir::*;

use super::graph::{Hole, LocId, LocKind, NoteAt};
use super::Batch;

/// A temporary escape analysis makes for a wrapped operand.
pub struct AutoTmp {
    /// The function that declares it (the one with the `defer`).
    pub func: FuncId,
    pub name: String,
    /// Its size in bytes (gc's `width`).
    pub width: u64,
    /// Its declaration: the operand's position, or the call's for a name.
    pub pos: Pos,
    /// Where the wrapper uses it: the call's position.
    pub use_pos: Pos,
}

/// A closure whose captured variables flow into its record once the batch is walked.
pub enum Captor {
    Literal(FuncId),
    /// A defer wrapper and the locations of the temporaries it captures.
    DeferWrapper(Vec<LocId>),
}

/// Whether gc wraps the call of a go or defer statement: a builtin, a
/// method call (through an interface too), or a function with parameters
/// or results.
pub(crate) fn needs_wrapper(pkg: &Package, func: &Func, call: NodeId) -> bool {
    let Op::Call { callee, .. } = &func.node(call).op else { return true };
    match func.node(*callee).op {
        Op::Func(f) if pkg.func(f).method_of.is_some() => return true,
        Op::DotInter { .. } => return true,
        _ => {}
    }
    match pkg.types.under(func.node(*callee).ty) {
        TypeKind::Func(sig) => !sig.params.is_empty() || !sig.results.is_empty(),
        _ => true,
    }
}

/// The operands a wrapped call has: a call's function value (an interface
/// method call's: the interface) and arguments; a builtin's operands.
pub(crate) fn wrapped_operands(func: &Func, call: NodeId) -> Vec<NodeId> {
    match &func.node(call).op {
        Op::Call { callee, args, .. } => {
            let first = match func.node(*callee).op {
                Op::DotInter { x, .. } => x,
                _ => *callee,
            };
            std::iter::once(first).chain(args.iter().copied()).collect()
        }
        _ => func.node(call).operands(),
    }
}

/// The temporaries gc's RewriteNonNameCall made of a wrapped call's callee
/// or receiver when it makes a call (`t := f(); defer t.M(x)`): gc keeps
/// their assignments in the call's init, walked before the wrapper's own
/// temporaries; minigo keeps each in its temporary's node, which the
/// operand is or a devirtualized receiver asserts, selects or addresses.
pub(crate) fn rewritten_callee_temps(func: &Func, call: NodeId) -> Vec<NodeId> {
    wrapped_operands(func, call)
        .into_iter()
        .filter_map(|mut x| loop {
            match func.node(x).op {
                Op::TypeAssert { x: inner, .. } | Op::Field(inner, _) | Op::FieldPtr(inner, _) | Op::Addr(inner) | Op::Deref(inner) => {
                    x = inner
                }
                Op::Local(_) if !func.node(x).init.is_empty() => break Some(x),
                _ => break None,
            }
        })
        .collect()
}

/// gc's rewriteArgument: the wrapper copies every operand to a temporary
/// but a constant, nil or a function name.
pub(crate) fn is_copied(func: &Func, x: NodeId) -> bool {
    !matches!(func.node(x).op, Op::Const { .. } | Op::Nil | Op::Func(_))
}

/// The elements of `x` if it is a slice literal (a variadic call's packed
/// arguments too): the wrapper copies them, not the literal.
pub(crate) fn slice_literal_elements(types: &TypeTable, func: &Func, x: NodeId) -> Option<Vec<NodeId>> {
    let node = func.node(x);
    match &node.op {
        Op::CompositeLit(elems) if matches!(types.under(node.ty), TypeKind::Slice(_)) => Some(elems.iter().map(|(_, e)| *e).collect()),
        _ => None,
    }
}

impl Batch<'_> {
    /// `defer call` through a wrapper whose record flows into `k`.
    pub(super) fn defer_wrapper(&mut self, k: &Hole, defer: NodeId, call: NodeId) {
        let func = self.pkg.func(self.curfn);
        let call_pos = func.node(call).pos;
        let operands = wrapped_operands(func, call);
        let (head, callee_fn) = match &func.node(call).op {
            Op::Call { callee, .. } => {
                let callee_fn = crate::inline::static_callee(self.pkg, self.curfn, call);
                let head = match func.node(*callee).op {
                    Op::DotInter { x, method } => {
                        let methods = self.pkg.types.iface_methods(func.node(x).ty).expect("a method of an interface");
                        Head::Method(methods[method as usize].name.clone())
                    }
                    // A func literal called directly is marked so before
                    // it is copied to a temporary.
                    Op::Closure(f) => {
                        self.closure_called.insert(f);
                        Head::Callee
                    }
                    _ => Head::Callee,
                };
                (head, callee_fn)
            }
            op => (Head::Builtin(builtin_name(op)), None),
        };

        // gc's rewriteArgument: every operand but a constant, nil or a
        // function name is copied to a temporary; a slice literal (a
        // variadic call's packed arguments too) stays, its elements copied.
        // The temporaries are named first: the call's text shows them.
        let mut next = func.locals.len() - func.captures.len() + self.autotmps.iter().filter(|t| t.func == self.curfn).count();
        let mut name_next = || {
            next += 1;
            format!(".autotmp_{}", next - 1)
        };
        let copied = |x: NodeId| is_copied(func, x);
        let names: Vec<Vec<Option<String>>> = operands
            .iter()
            .map(|&x| match self.slice_literal_elements(x) {
                Some(elems) => elems.iter().map(|&e| copied(e).then(&mut name_next)).collect(),
                None => vec![copied(x).then(&mut name_next)],
            })
            .collect();
        let original: Vec<String> = operands.iter().map(|&x| self.node_text(self.curfn, x)).collect();
        let texts: Vec<String> = operands
            .iter()
            .zip(&names)
            .zip(&original)
            .map(|((&x, names), text)| match (self.slice_literal_elements(x), names.first()) {
                (None, Some(Some(name))) => name.clone(),
                _ => text.clone(),
            })
            .collect();
        // A slice the source passes with `...` keeps it, and the variadic
        // arguments a call packs get it, as gc's FixVariadicCall marks the
        // call (no arguments are `nil...`).
        let spread = match &func.node(call).op {
            Op::Call { ddd: true, .. } => true,
            Op::Call { callee, args, ddd: false } => {
                self.pkg.types.signature(func.node(*callee).ty).is_some_and(|sig| sig.variadic)
                    && args.last().is_some_and(|&last| matches!(func.node(last).op, Op::Nil) || self.slice_literal_elements(last).is_some())
            }
            _ => false,
        };
        let args_text = |texts: &[String]| format!("{}{}", texts.join(", "), if spread { "..." } else { "" });
        let call_text = |texts: &[String]| match &head {
            Head::Builtin(builtin) => format!("{}({})", builtin, texts.join(", ")),
            Head::Callee => format!("{}({})", texts[0], args_text(&texts[1..])),
            Head::Method(name) => format!("{}.{}({})", texts[0], name, args_text(&texts[1..])),
        };
        // gc's recover takes the caller's frame pointer (fixRecoverCall),
        // a *int32 that the wrapper captures like any operand.
        let frame_pointer = matches!(func.node(call).op, Op::Recover).then(&mut name_next);

        // Where each operand flows: a call's function value is discarded,
        // an interface (an argument of an unknown method) goes to the heap,
        // the arguments to the callee's parameter tags (computed in order,
        // as they are evaluated); a builtin's as gc's callCommon sends them.
        // gc rewrites the operands one at a time, each just before its
        // flows: an explanation printed at once shows the later ones as
        // written, one printed later all of them rewritten (NoteAt::Rewritten).
        let mut shown = original.clone();
        let text = Rc::new(RefCell::new(call_text(&shown)));
        let at = NoteAt::Rewritten(text.clone(), call_pos);
        let mut builtin_holes = match head {
            Head::Builtin(_) => self.builtin_operands(None, call, at.clone()).into_iter().map(|(k, _)| k).collect(),
            _ => Vec::new(),
        }
        .into_iter();
        let mut captured = Vec::new();
        for ((i, x), names) in operands.into_iter().enumerate().zip(names) {
            shown[i] = texts[i].clone();
            *text.borrow_mut() = call_text(&shown);
            let k = match (&head, i) {
                (Head::Builtin(_), _) => builtin_holes.next().expect("a hole per builtin operand"),
                (Head::Callee, 0) => Hole::to(super::graph::BLANK),
                (Head::Method(_), 0) => Hole::to(super::graph::HEAP),
                _ => self.argument_hole(None, callee_fn, i - 1),
            };
            let k = self.note_at(&k, at.clone(), "call parameter");
            let Some(elems) = self.slice_literal_elements(x) else {
                match names.into_iter().next().flatten() {
                    Some(name) => {
                        let tmp = self.wrap_operand(x, name, call_pos);
                        captured.push(tmp);
                        self.flow(&k, tmp);
                    }
                    None => self.expr(&k, x),
                }
                continue;
            };
            let lit_pos = self.pkg.func(self.curfn).node(x).pos;
            let tmps: Vec<Option<LocId>> =
                elems.iter().zip(names).map(|(&e, name)| name.map(|name| self.wrap_operand(e, name, lit_pos))).collect();
            captured.extend(tmps.iter().flatten());
            let k = self.spill(&k, x);
            for (&e, tmp) in elems.iter().zip(tmps) {
                let ke = self.note(&k, x, "slice-literal-element");
                match tmp {
                    Some(tmp) => self.flow(&ke, tmp),
                    None => self.expr(&ke, e),
                }
            }
        }
        if let Some(name) = frame_pointer {
            captured.push(self.new_autotmp(name, 8, call_pos, call_pos));
        }

        let defer_pos = self.pkg.func(self.curfn).node(defer).pos;
        let record = self.new_loc(LocKind::DeferWrapper(self.curfn, defer), true);
        let spill = self.note_at(&k.shift(-1), NoteAt::Generated("func literal".to_string(), defer_pos), "spill");
        self.flow(&spill, record);
        self.closures.push((Hole::to(record), Captor::DeferWrapper(captured)));
    }

    /// The elements of `x` if it is a slice literal.
    fn slice_literal_elements(&self, x: NodeId) -> Option<Vec<NodeId>> {
        slice_literal_elements(&self.pkg.types, self.pkg.func(self.curfn), x)
    }

    /// gc's `wrapExpr`: a temporary declared at the defer statement and
    /// assigned operand `x`, which the wrapper captures at `at` (the call,
    /// or the slice literal `x` is an element of); a name has no position
    /// of its own and declares it there too.
    fn wrap_operand(&mut self, x: NodeId, name: String, at: Pos) -> LocId {
        let node = self.pkg.func(self.curfn).node(x);
        let named = matches!(node.op, Op::Local(_) | Op::Global(_) | Op::Func(_));
        let pos = if named { at } else { node.pos };
        let width = self.pkg.types.size(node.ty);
        let assign = Rc::new(RefCell::new(format!("{} = {}", name, self.node_text(self.curfn, x))));
        let tmp = self.new_autotmp(name.clone(), width, pos, at);
        let k = self.note_at(&Hole::to(tmp), NoteAt::Rewritten(assign.clone(), pos), "assign");
        self.expr(&k, x);
        // An explanation printed from now on shows x's calls desugared.
        *assign.borrow_mut() = format!("{} = {}", name, self.node_text(self.curfn, x));
        tmp
    }

    /// A captured temporary of `width` bytes, declared at `pos`.
    fn new_autotmp(&mut self, name: String, width: u64, pos: Pos, use_pos: Pos) -> LocId {
        self.autotmps.push(AutoTmp { func: self.curfn, name, width, pos, use_pos });
        let tmp = self.new_loc(LocKind::AutoTmp(self.autotmps.len() - 1), false);
        self.locs[tmp].captured = true;
        tmp
    }

    /// gc's `flowClosure` for a defer wrapper's temporaries.
    pub(super) fn flow_wrapper_captures(&mut self, k: &Hole, temps: &[LocId]) {
        for &loc in temps {
            let LocKind::AutoTmp(index) = self.locs[loc].kind else { unreachable!("a wrapper captures temporaries") };
            let use_pos = self.autotmps[index].use_pos;
            self.flow_capture(k, loc, use_pos);
        }
    }
}

/// What a deferred call's text starts with.
enum Head {
    /// Its first operand, the function value.
    Callee,
    /// Its first operand, the interface, and this method.
    Method(String),
    /// A builtin's name.
    Builtin(&'static str),
}

/// The name gc prints for a deferred builtin's call.
fn builtin_name(op: &Op) -> &'static str {
    match op {
        Op::Panic(_) => "panic",
        Op::Print { newline: true, .. } => "println",
        Op::Print { newline: false, .. } => "print",
        Op::Delete(..) => "delete",
        Op::Close(_) => "close",
        Op::Copy(..) => "copy",
        Op::Recover => "recover",
        other => unreachable!("a deferred builtin: {:?}", other),
    }
}
