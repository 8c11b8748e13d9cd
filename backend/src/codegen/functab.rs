//! The function table tracebacks read (`runtime/traceback.c`): for each
//! compiled Go function its code address and size, its name as Go prints it
//! (`main.f`, `main.(*T).M`, `main.main.func1`), whether it has parameters
//! (`main.main()` or `main.f(...)`), its line table, from the source
//! positions Cranelift keeps per instruction (`FuncCtx::at_node` sets
//! them), and its inlining tree, so that a traceback prints a frame for each
//! inlined call as Go's does.
//!
//! Layout (minigo.h's `minigo_func_table`, exported as `minigo_functab`): a
//! header `{nfuncs, file, file_len}` and `nfuncs` entries `{entry, size,
//! name, name_len, lines, nlines: u32, flags: u32, inlined, ninlined: u32,
//! start_line: u32}` (the line of its declaration, where CPU profiles
//! measure call sites from); `lines` points at `nlines` triples `(code offset, line, inlined
//! call + 1 or 0)` of u32, by offset, each holding from its offset to the
//! next (the line is the innermost one: in the inlined callee's source);
//! `inlined` at `ninlined` records `{name, name_len: u32, line: u32,
//! parent + 1 or 0: u32, start_line: u32}` (the line of the call in its
//! parent, and the callee's declaration line).

use cranelift_codegen::Context;
use cranelift_module::{DataDescription, Linkage, Module};

use super::func::INLINED_LOC;
use super::Codegen;
use crate::SourceLines;

/// One compiled function's row.
pub(super) struct FuncTabEntry {
    id: cranelift_module::FuncId,
    name: String,
    /// Where the function is declared.
    start: ir::Pos,
    size: u32,
    has_params: bool,
    /// (code offset, source location bits), by offset.
    positions: Vec<(u32, u32)>,
    /// What a location with INLINED_LOC indexes: (inlined call, position in its callee).
    inline_locs: Vec<(u32, ir::Pos)>,
    /// The inlining tree: each call's callee name, position and parent, and where the callee is declared.
    inlined: Vec<(String, ir::Pos, Option<u32>, ir::Pos)>,
}

const HEADER_SIZE: usize = 24;
const ENTRY_SIZE: usize = 64;
const INLINED_SIZE: usize = 24;
const HAS_PARAMS: u32 = 1;

impl Codegen<'_> {
    /// Records the code of Go function `func`, just compiled in `ctx`.
    pub(super) fn record_function(
        &mut self,
        id: cranelift_module::FuncId,
        ctx: &Context,
        func: &ir::Func,
        inline_locs: Vec<(u32, ir::Pos)>,
    ) {
        let Some(code) = ctx.compiled_code() else { return };
        let positions =
            code.buffer.get_srclocs_sorted().iter().filter(|loc| !loc.loc.is_default()).map(|loc| (loc.start, loc.loc.bits())).collect();
        let inlined = func
            .inlined_calls
            .iter()
            .map(|call| {
                let callee = self.package.func(call.callee);
                (self.package.link_name(callee), call.pos, call.parent, callee.pos)
            })
            .collect();
        self.functab.push(FuncTabEntry {
            id,
            name: self.package.link_name(func),
            start: func.pos,
            size: code.code_info().total_size,
            has_params: !func.params.is_empty(),
            positions,
            inline_locs,
            inlined,
        });
    }

    /// Emits `minigo_functab` (always: the runtime finds an empty table
    /// when the source is unknown).
    pub(super) fn define_functab(&mut self, source: Option<&SourceLines>) -> Result<(), String> {
        let line_of = |pos: ir::Pos| source.map_or(0, |s| s.line(pos));
        // The names, line triples and inlining trees, in one blob.
        let mut blob: Vec<u8> = Vec::new();
        let align4 = |blob: &mut Vec<u8>| {
            while !blob.len().is_multiple_of(4) {
                blob.push(0);
            }
        };
        let mut rows = Vec::new();
        for entry in &self.functab {
            let name_at = blob.len();
            blob.extend_from_slice(entry.name.as_bytes());
            let inlined_names: Vec<usize> = entry
                .inlined
                .iter()
                .map(|(name, _, _, _)| {
                    let at = blob.len();
                    blob.extend_from_slice(name.as_bytes());
                    at
                })
                .collect();
            align4(&mut blob);
            let lines_at = blob.len();
            let mut nlines = 0u32;
            let mut last = None;
            for &(offset, bits) in &entry.positions {
                let (line, call) = if bits & INLINED_LOC != 0 {
                    let (call, pos) = entry.inline_locs[(bits & !INLINED_LOC) as usize];
                    (line_of(pos), call + 1)
                } else {
                    (line_of(bits), 0)
                };
                if last != Some((line, call)) {
                    for word in [offset, line, call] {
                        blob.extend_from_slice(&word.to_le_bytes());
                    }
                    nlines += 1;
                    last = Some((line, call));
                }
            }
            while !blob.len().is_multiple_of(8) {
                blob.push(0);
            }
            let inlined_at = blob.len();
            for (name, pos, parent, start) in &entry.inlined {
                let mut record = [0u8; INLINED_SIZE];
                record[8..12].copy_from_slice(&(name.len() as u32).to_le_bytes());
                record[12..16].copy_from_slice(&line_of(*pos).to_le_bytes());
                record[16..20].copy_from_slice(&parent.map_or(0, |p| p + 1).to_le_bytes());
                record[20..24].copy_from_slice(&line_of(*start).to_le_bytes());
                blob.extend_from_slice(&record);
            }
            rows.push((name_at, lines_at, nlines, inlined_at, inlined_names));
        }
        let file = source.map_or("?", |s| s.path.as_str()).as_bytes().to_vec();
        let file_at = blob.len();
        blob.extend_from_slice(&file);
        blob.push(0);

        let blob_id = self.module.declare_anonymous_data(false, false).map_err(|e| e.to_string())?;
        let mut desc = DataDescription::new();
        desc.define(blob.into_boxed_slice());
        desc.set_align(8);
        let blob_self = self.module.declare_data_in_data(blob_id, &mut desc);
        for (_, _, _, inlined_at, names) in &rows {
            for (i, name_at) in names.iter().enumerate() {
                desc.write_data_addr((inlined_at + INLINED_SIZE * i) as u32, blob_self, *name_at as i64);
            }
        }
        self.module.define_data(blob_id, &desc).map_err(|e| e.to_string())?;

        let mut table = vec![0u8; HEADER_SIZE + ENTRY_SIZE * self.functab.len()];
        table[0..8].copy_from_slice(&(self.functab.len() as u64).to_le_bytes());
        table[16..24].copy_from_slice(&(file.len() as u64).to_le_bytes());
        for (i, (entry, (_, _, nlines, _, _))) in self.functab.iter().zip(&rows).enumerate() {
            let at = HEADER_SIZE + ENTRY_SIZE * i;
            table[at + 8..at + 16].copy_from_slice(&u64::from(entry.size).to_le_bytes());
            table[at + 24..at + 32].copy_from_slice(&(entry.name.len() as u64).to_le_bytes());
            table[at + 40..at + 44].copy_from_slice(&nlines.to_le_bytes());
            let flags = if entry.has_params { HAS_PARAMS } else { 0 };
            table[at + 44..at + 48].copy_from_slice(&flags.to_le_bytes());
            table[at + 56..at + 60].copy_from_slice(&(entry.inlined.len() as u32).to_le_bytes());
            table[at + 60..at + 64].copy_from_slice(&line_of(entry.start).to_le_bytes());
        }
        let table_id = self.module.declare_data("minigo_functab", Linkage::Export, false, false).map_err(|e| e.to_string())?;
        let mut desc = DataDescription::new();
        desc.define(table.into_boxed_slice());
        desc.set_align(8);
        let blob_ref = self.module.declare_data_in_data(blob_id, &mut desc);
        desc.write_data_addr(8, blob_ref, file_at as i64);
        for (i, (entry, (name_at, lines_at, _, inlined_at, _))) in self.functab.iter().zip(&rows).enumerate() {
            let at = (HEADER_SIZE + ENTRY_SIZE * i) as u32;
            let func_ref = self.module.declare_func_in_data(entry.id, &mut desc);
            desc.write_function_addr(at, func_ref);
            desc.write_data_addr(at + 16, blob_ref, *name_at as i64);
            desc.write_data_addr(at + 32, blob_ref, *lines_at as i64);
            desc.write_data_addr(at + 48, blob_ref, *inlined_at as i64);
        }
        self.module.define_data(table_id, &desc).map_err(|e| e.to_string())
    }
}
