//! Snapshots of the inliner's decision table for the programs of
//! tests/inline: every function with its cost and whether (or why not) it can
//! be inlined. The costs are checked against Go 1.19 by the -m golden suite;
//! these snapshots show the whole table at once, so a change to the cost
//! model shows up here as a reviewed diff (`cargo insta review`).

use std::path::Path;

use passes::{Config, DecisionKind};

fn table(path: &Path) -> String {
    let src = std::fs::read_to_string(path).expect("test program");
    let parsed = frontend::parse(&src);
    assert!(parsed.diagnostics.is_empty(), "{}: {:?}", path.display(), parsed.diagnostics);
    let (checked, diags) = frontend::check(&parsed.file, parsed.expr_count);
    assert!(diags.is_empty(), "{}: {:?}", path.display(), diags);
    let mut pkg = ir::lower::lower(&parsed.file, checked, "p.go");
    let decisions = passes::optimize(&mut pkg, &Config { full_costs: true, ..Config::default() });
    // Source first, then the table.
    let mut out = format!("{}\n----- decisions -----\n", src.trim_end());
    for d in decisions {
        match d.kind {
            DecisionKind::CanInline { func, cost, .. } => out.push_str(&format!("{:<24} cost {:>4}  inlinable\n", func, cost)),
            DecisionKind::CannotInline { func, reason } => out.push_str(&format!("{:<24} not inlinable: {}\n", func, reason)),
            DecisionKind::Recursive { func } => out.push_str(&format!("{:<24} not inlinable: recursive\n", func)),
            _ => {}
        }
    }
    out
}

#[test]
fn decision_tables() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/inline");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/inline")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    files.sort();
    for path in files {
        let name = path.file_stem().and_then(|s| s.to_str()).expect("file name").to_string();
        insta::assert_snapshot!(name, table(&path));
    }
}
