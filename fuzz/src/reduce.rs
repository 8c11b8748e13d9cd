//! A delta reducer for Go source: drops lines and whole brace-balanced
//! statements (a line opening a block together with the block), in chunks
//! that halve, keeping each removal that leaves the difference in place.
//! The caller's test decides what "in place" means (Go must still accept
//! the program, and a difference of the same kind must remain).

/// Shrinks `source` while `still_fails` holds; `still_fails(source)` must
/// hold on entry.
pub fn reduce(source: &str, mut still_fails: impl FnMut(&str) -> bool) -> String {
    let mut lines: Vec<String> = source.lines().map(str::to_string).collect();
    loop {
        let before = lines.len();
        // Whole statements with their blocks, largest first.
        let mut units = statement_units(&lines);
        units.sort_by_key(|&(start, end)| std::cmp::Reverse(end - start));
        for (start, end) in units {
            if end > lines.len() {
                continue;
            }
            let mut candidate = lines.clone();
            candidate.drain(start..end);
            if still_fails(&join(&candidate)) {
                lines = candidate;
            }
        }
        // Runs of lines, in chunks that halve.
        let mut chunk = (lines.len() / 2).max(1);
        while chunk >= 1 {
            let mut start = 0;
            while start < lines.len() {
                let end = (start + chunk).min(lines.len());
                let mut candidate = lines.clone();
                candidate.drain(start..end);
                if still_fails(&join(&candidate)) {
                    lines = candidate;
                } else {
                    start = end;
                }
            }
            if chunk == 1 {
                break;
            }
            chunk /= 2;
        }
        if lines.len() == before {
            return join(&lines);
        }
    }
}

fn join(lines: &[String]) -> String {
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// The line ranges `[start, end)` of statements: a line that opens a block
/// runs to the line that closes it; any other line is one unit.
fn statement_units(lines: &[String]) -> Vec<(usize, usize)> {
    let mut units = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let opens = line.matches('{').count() as i64 - line.matches('}').count() as i64;
        if opens <= 0 {
            units.push((i, i + 1));
            continue;
        }
        let mut depth = opens;
        for (j, later) in lines.iter().enumerate().skip(i + 1) {
            depth += later.matches('{').count() as i64 - later.matches('}').count() as i64;
            if depth <= 0 {
                units.push((i, j + 1));
                break;
            }
        }
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_what_the_test_needs() {
        let source = "package main\n\nfunc f() {\n\ta := 1\n\tb := 2\n}\n\nfunc main() {\n\tprintln(42)\n}\n";
        let reduced = reduce(source, |s| {
            s.contains("println(42)")
                && s.contains("func main() {")
                && s.matches('{').count() == s.matches('}').count()
        });
        assert_eq!(reduced, "func main() {\n\tprintln(42)\n}\n");
    }
}
