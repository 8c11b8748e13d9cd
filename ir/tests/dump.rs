//! Snapshots of the IR the lowering builds (`minigo build -d=ir`), source
//! first, for programs that exercise its main shapes: methods called in
//! method-expression form, closures with captured variables, variadic
//! arguments packed into an implicit slice, implicit interface conversions,
//! package variable initialization. `cargo insta review` after an intended change.

fn dump(src: &str) -> String {
    let parsed = frontend::parse(src);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let (checked, diags) = frontend::check(&parsed.file, parsed.expr_count);
    assert!(diags.is_empty(), "{:?}", diags);
    let pkg = ir::lower::lower(&parsed.file, checked, "p.go");
    assert!(ir::verify::verify(&pkg).is_empty(), "{:?}", ir::verify::verify(&pkg));
    format!("{}\n----- IR -----\n{}", src.trim_end(), ir::dump::dump(&pkg))
}

#[test]
fn methods_closures_variadics() {
    insta::assert_snapshot!(dump(
        r#"package main

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

var total = sum(1, 2)

func main() {
	var c Counter
	c.Inc()
	k := 10
	add := func(x int) int { return x + k }
	var v interface{} = add(total)
	println(c.n, v != nil)
}
"#
    ));
}
