//! Channels and `select`: a channel value is a pointer to the runtime's
//! channel (`chan.c`), nil for a nil channel. Every operation is a runtime
//! call taking the element by address: `make` (the element's type
//! descriptor gives its size), send, receive (into a temporary, whose
//! value is then read), `close`, `len`, `cap`, `range` (receives until the
//! channel is closed and drained), and `select`, which hands the runtime
//! one `minigo_scase` per communication clause, in source order, and
//! branches on the index it returns.

use cranelift_codegen::ir::{condcodes::IntCC, types, Block, InstBuilder, Value};
use ir::{CommCase, NodeId, Op, TypeId, TypeKind};

use super::func::{flags, Breakable, FuncCtx, Val};
use super::runtime::Rt;

/// minigo.h's `minigo_scase`: channel, element address, direction.
const SCASE_SIZE: u64 = 24;
const SCASE_SEND: i64 = 1;
const SCASE_RECV: i64 = 2;

/// What a select clause communicates, evaluated before the runtime chooses.
enum Comm {
    Send,
    /// A receive: the temporary the element lands in, the element type and
    /// the clause's assignment (OSELRECV2) made once the clause is chosen.
    Recv {
        elem_addr: Value,
        elem: TypeId,
        assign: NodeId,
    },
}

impl FuncCtx<'_, '_> {
    fn chan_elem(&self, chan_ty: TypeId) -> TypeId {
        match self.types.under(chan_ty) {
            TypeKind::Chan(_, elem) => *elem,
            _ => panic!("backend: {} is not a channel type", self.types.display(chan_ty)),
        }
    }

    /// `make(chan T, size)`: the runtime checks the size.
    pub fn make_chan(&mut self, chan_ty: TypeId, size: NodeId) -> Val {
        let descriptor = self.descriptor_addr(self.chan_elem(chan_ty));
        let size = self.eval_int64(size);
        Val::Parts(vec![self.call_rt(Rt::MakeChan, &[descriptor, size])[0]])
    }

    /// `ch <- value`: the channel, then the value (in memory), then the send.
    pub fn chan_send(&mut self, ch: NodeId, value: NodeId) {
        let elem = self.chan_elem(self.func.node(ch).ty);
        let c = self.eval(ch).scalar();
        let v = self.eval(value);
        let addr = self.spill(elem, v);
        self.call_rt(Rt::ChanSend, &[c, addr]);
    }

    /// `<-ch`, and with `comma_ok` whether a value was received.
    pub fn chan_recv(&mut self, ch: NodeId, comma_ok: bool) -> Vec<Val> {
        let elem = self.chan_elem(self.func.node(ch).ty);
        let c = self.eval(ch).scalar();
        let (value, ok) = self.receive(c, elem);
        if comma_ok {
            vec![value, Val::Parts(vec![ok])]
        } else {
            vec![value]
        }
    }

    /// Receives from channel `c` into a temporary: the element and the ok flag.
    fn receive(&mut self, c: Value, elem: TypeId) -> (Val, Value) {
        let addr = self.temp(elem);
        let ok = self.call_rt(Rt::ChanRecv, &[c, addr])[0];
        let value = self.load_val(elem, addr, 0);
        (self.own(elem, value), ok)
    }

    /// `len(ch)` or `cap(ch)`: 0 for a nil channel.
    pub fn chan_len_cap(&mut self, c: Value, cap: bool) -> Value {
        self.call_rt(if cap { Rt::ChanCap } else { Rt::ChanLen }, &[c])[0]
    }

    /// `close(ch)`.
    pub fn chan_close(&mut self, ch: NodeId) {
        let c = self.eval(ch).scalar();
        self.call_rt(Rt::CloseChan, &[c]);
    }

    /// `for v := range ch`: receives until the channel is closed and drained.
    pub fn range_chan(&mut self, key: Option<NodeId>, x: NodeId, body: &[NodeId], label: &Option<String>) {
        let elem = self.chan_elem(self.func.node(x).ty);
        let c = self.eval(x).scalar();
        let header = self.b.create_block();
        let body_block = self.b.create_block();
        let exit = self.b.create_block();
        self.b.ins().jump(header, &[]);
        self.b.switch_to_block(header);
        let (value, ok) = self.receive(c, elem);
        self.b.ins().brif(ok, body_block, &[], exit, &[]);
        self.b.switch_to_block(body_block);
        if let Some(key) = key {
            self.assign_value(key, value);
        }
        self.breakables.push(Breakable { label: label.clone(), break_block: exit, continue_block: Some(header) });
        self.emit_stmts(body);
        self.breakables.pop();
        self.b.ins().jump(header, &[]);
        self.b.switch_to_block(exit);
    }

    /// `select`: every clause's channel (and value to send) is evaluated in
    /// source order; the runtime picks a ready clause (or blocks, or picks
    /// `default`); the chosen receive's assignment runs first in its body.
    pub fn select_stmt(&mut self, cases: &[CommCase], label: &Option<String>) {
        let comm_cases: Vec<&CommCase> = cases.iter().filter(|c| c.comm.is_some()).collect();
        let scases = self.new_stack_object(SCASE_SIZE * comm_cases.len().max(1) as u64, 8);
        let mut comms = Vec::new();
        for (i, case) in comm_cases.iter().enumerate() {
            let comm = case.comm.expect("a communication clause");
            let offset = (i as u64 * SCASE_SIZE) as i32;
            let (c, elem_addr, dir, kind) = match self.func.node(comm).op.clone() {
                Op::Send { ch, value } => {
                    let elem = self.chan_elem(self.func.node(ch).ty);
                    self.hoist_calls(ch);
                    self.hoist_calls(value);
                    let c = self.eval(ch).scalar();
                    let v = self.eval_owned(value);
                    (c, self.spill(elem, v), SCASE_SEND, Comm::Send)
                }
                Op::Assign2 { rhs, .. } => {
                    let Op::Recv { ch, .. } = self.func.node(rhs[0]).op else { panic!("backend: a select receive without Recv") };
                    let elem = self.chan_elem(self.func.node(ch).ty);
                    let c = self.eval_root(ch).scalar();
                    let elem_addr = self.temp(elem);
                    (c, elem_addr, SCASE_RECV, Comm::Recv { elem_addr, elem, assign: comm })
                }
                other => panic!("backend: select case {:?}", other),
            };
            let dir = self.iconst(dir);
            self.b.ins().store(flags(), c, scases, offset);
            self.b.ins().store(flags(), elem_addr, scases, offset + 8);
            self.b.ins().store(flags(), dir, scases, offset + 16);
            comms.push(kind);
        }
        let has_default = cases.iter().any(|c| c.comm.is_none());
        let ncases = self.iconst(comm_cases.len() as i64);
        let block = self.b.ins().iconst(types::I32, !has_default as i64);
        let recv_ok = self.new_stack_object(1, 1);
        let chosen = self.call_rt(Rt::Select, &[scases, ncases, block, recv_ok])[0];

        let exit = self.b.create_block();
        let bodies: Vec<Block> = cases.iter().map(|_| self.b.create_block()).collect();
        let mut comm_index = 0;
        for (case, &body) in cases.iter().zip(&bodies) {
            let index = if case.comm.is_some() {
                comm_index += 1;
                comm_index - 1
            } else {
                -1
            };
            let next = self.b.create_block();
            let is_it = self.b.ins().icmp_imm_s(IntCC::Equal, chosen, index);
            self.b.ins().brif(is_it, body, &[], next, &[]);
            self.b.switch_to_block(next);
        }
        // Not reached: the runtime returns one of the clauses.
        self.b.ins().jump(exit, &[]);

        self.breakables.push(Breakable { label: label.clone(), break_block: exit, continue_block: None });
        let mut comms = comms.into_iter();
        for (case, &body) in cases.iter().zip(&bodies) {
            self.b.switch_to_block(body);
            if case.comm.is_some() {
                if let Some(Comm::Recv { elem_addr, elem, assign }) = comms.next() {
                    let value = self.load_val(elem, elem_addr, 0);
                    let value = self.own(elem, value);
                    let ok = self.b.ins().load(types::I8, flags(), recv_ok, 0);
                    self.select_assign(assign, value, ok);
                }
            }
            self.emit_stmts(&case.body);
            self.b.ins().jump(exit, &[]);
        }
        self.breakables.pop();
        self.b.switch_to_block(exit);
    }

    /// A chosen receive clause's `v, ok = <-ch` (its declarations first).
    fn select_assign(&mut self, assign: NodeId, value: Val, ok: Value) {
        self.run_init(assign);
        let Op::Assign2 { lhs, rhs, .. } = self.func.node(assign).op.clone() else { panic!("backend: a select receive without OSELRECV2") };
        let TypeKind::Tuple(result_types) = self.types.kind(self.func.node(rhs[0]).ty).clone() else {
            panic!("backend: a comma-ok receive without a tuple type")
        };
        let places: Vec<_> = lhs.iter().map(|l| l.map(|l| self.place(l))).collect();
        self.assign_results(&places, &lhs, vec![value, Val::Parts(vec![ok])], &result_types);
    }
}
