//! Build script: turns `src/grammar.lalrpop` into the LR(1) parser tables
//! (written to `$OUT_DIR/grammar.rs`, included by `src/parser.rs`).

fn main() {
    // A grammar that fails to generate (conflicts, syntax) must stop the build;
    // lalrpop has already printed the report.
    if let Err(err) = lalrpop::Configuration::new().use_cargo_dir_conventions().emit_rerun_directives(true).process() {
        panic!("lalrpop could not generate the parser from src/grammar.lalrpop: {err}");
    }
}
