//! The function table tracebacks read (`runtime/traceback.c`): for each
//! compiled Go function its code address and size, its name as Go prints it
//! (`main.f`, `main.(*T).M`, `main.main.func1`), whether it has parameters
//! (`main.main()` or `main.f(...)`), and its line table, from the source
//! positions Cranelift keeps per instruction (`FuncCtx::at` sets them).
//!
//! Layout (minigo.h's `minigo_func_table`, exported as `minigo_functab`): a
//! header `{nfuncs, file, file_len}` and `nfuncs` entries `{entry, size,
//! name, name_len, lines, nlines: u32, flags: u32}`; `lines` points at
//! `nlines` pairs `(code offset, line)` of u32, by offset, each line
//! holding from its offset to the next.

use cranelift_codegen::Context;
use cranelift_module::{DataDescription, Linkage, Module};

use super::Codegen;
use crate::SourceLines;

/// One compiled function's row.
pub(super) struct FuncTabEntry {
    id: cranelift_module::FuncId,
    name: String,
    size: u32,
    has_params: bool,
    /// (code offset, source position), by offset.
    positions: Vec<(u32, u32)>,
}

const HEADER_SIZE: usize = 24;
const ENTRY_SIZE: usize = 48;
const HAS_PARAMS: u32 = 1;

impl Codegen<'_> {
    /// Records the code of Go function `name`, just compiled in `ctx`.
    pub(super) fn record_function(&mut self, id: cranelift_module::FuncId, ctx: &Context, name: String, has_params: bool) {
        let Some(code) = ctx.compiled_code() else { return };
        let positions =
            code.buffer.get_srclocs_sorted().iter().filter(|loc| !loc.loc.is_default()).map(|loc| (loc.start, loc.loc.bits())).collect();
        self.functab.push(FuncTabEntry { id, name, size: code.code_info().total_size, has_params, positions });
    }

    /// Emits `minigo_functab` (always: the runtime finds an empty table
    /// when the source is unknown).
    pub(super) fn define_functab(&mut self, source: Option<&SourceLines>) -> Result<(), String> {
        // The names and line pairs, in one blob.
        let mut blob: Vec<u8> = Vec::new();
        let mut rows = Vec::new();
        for entry in &self.functab {
            let name_at = blob.len();
            blob.extend_from_slice(entry.name.as_bytes());
            while !blob.len().is_multiple_of(4) {
                blob.push(0);
            }
            let lines_at = blob.len();
            let mut nlines = 0u32;
            let mut last_line = None;
            for &(offset, pos) in &entry.positions {
                let line = source.map_or(0, |s| s.line(pos));
                if last_line != Some(line) {
                    blob.extend_from_slice(&offset.to_le_bytes());
                    blob.extend_from_slice(&line.to_le_bytes());
                    nlines += 1;
                    last_line = Some(line);
                }
            }
            rows.push((name_at, lines_at, nlines));
        }
        let file = source.map_or("?", |s| s.path.as_str()).as_bytes().to_vec();
        let file_at = blob.len();
        blob.extend_from_slice(&file);
        blob.push(0);

        let blob_id = self.module.declare_anonymous_data(false, false).map_err(|e| e.to_string())?;
        let mut desc = DataDescription::new();
        desc.define(blob.into_boxed_slice());
        desc.set_align(8);
        self.module.define_data(blob_id, &desc).map_err(|e| e.to_string())?;

        let mut table = vec![0u8; HEADER_SIZE + ENTRY_SIZE * self.functab.len()];
        table[0..8].copy_from_slice(&(self.functab.len() as u64).to_le_bytes());
        table[16..24].copy_from_slice(&(file.len() as u64).to_le_bytes());
        for (i, (entry, &(_, _, nlines))) in self.functab.iter().zip(&rows).enumerate() {
            let at = HEADER_SIZE + ENTRY_SIZE * i;
            table[at + 8..at + 16].copy_from_slice(&u64::from(entry.size).to_le_bytes());
            table[at + 24..at + 32].copy_from_slice(&(entry.name.len() as u64).to_le_bytes());
            table[at + 40..at + 44].copy_from_slice(&nlines.to_le_bytes());
            let flags = if entry.has_params { HAS_PARAMS } else { 0 };
            table[at + 44..at + 48].copy_from_slice(&flags.to_le_bytes());
        }
        let table_id = self.module.declare_data("minigo_functab", Linkage::Export, false, false).map_err(|e| e.to_string())?;
        let mut desc = DataDescription::new();
        desc.define(table.into_boxed_slice());
        desc.set_align(8);
        let blob_ref = self.module.declare_data_in_data(blob_id, &mut desc);
        desc.write_data_addr(8, blob_ref, file_at as i64);
        for (i, (entry, &(name_at, lines_at, _))) in self.functab.iter().zip(&rows).enumerate() {
            let at = (HEADER_SIZE + ENTRY_SIZE * i) as u32;
            let func_ref = self.module.declare_func_in_data(entry.id, &mut desc);
            desc.write_function_addr(at, func_ref);
            desc.write_data_addr(at + 16, blob_ref, name_at as i64);
            desc.write_data_addr(at + 32, blob_ref, lines_at as i64);
        }
        self.module.define_data(table_id, &desc).map_err(|e| e.to_string())
    }
}
