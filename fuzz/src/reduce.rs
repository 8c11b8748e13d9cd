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
        // Whole statements with their blocks, largest first, each with the
        // statements that use what it declares (a Go variable must be used,
        // so a declaration and its uses can only go together).
        let mut units = statement_units(&lines);
        units.sort_by_key(|&(start, end)| std::cmp::Reverse(end - start));
        for (start, _) in units {
            if start >= lines.len() {
                continue;
            }
            let drop = with_uses(&lines, start);
            let candidate: Vec<String> = lines.iter().enumerate().filter(|(i, _)| !drop.contains(i)).map(|(_, l)| l.clone()).collect();
            if candidate.len() < lines.len() && still_fails(&join(&candidate)) {
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

/// The lines of the statement starting at `start`, and of every later
/// statement naming a variable declared there (transitively).
fn with_uses(lines: &[String], start: usize) -> std::collections::BTreeSet<usize> {
    let unit_end = |i: usize| statement_units(&lines[i..]).first().map_or(i + 1, |&(_, end)| i + end);
    let mut drop: std::collections::BTreeSet<usize> = (start..unit_end(start)).collect();
    let mut names: Vec<String> = declared_names(&lines[start]);
    let mut i = 0;
    while i < names.len() {
        let name = names[i].clone();
        for j in start + 1..lines.len() {
            if !drop.contains(&j) && mentions(&lines[j], &name) {
                for (k, line) in lines.iter().enumerate().take(unit_end(j)).skip(j) {
                    if drop.insert(k) {
                        names.extend(declared_names(line));
                    }
                }
            }
        }
        i += 1;
    }
    drop
}

/// The variables a line declares: `a, b := ...`, `var a T`.
fn declared_names(line: &str) -> Vec<String> {
    let line = line.trim_start();
    let list = if let Some(rest) = line.strip_prefix("var ") {
        rest.split_whitespace().next().unwrap_or("")
    } else if let Some((left, _)) = line.split_once(":=") {
        left.strip_prefix("for ").unwrap_or(left).strip_prefix("if ").unwrap_or(left)
    } else {
        ""
    };
    list.split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty() && *n != "_" && n.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .map(str::to_string)
        .collect()
}

/// Whether `line` names `name` as a whole word.
fn mentions(line: &str, name: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    line.match_indices(name).any(|(i, _)| {
        let before = line[..i].chars().next_back();
        let after = line[i + name.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
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
    fn a_declaration_goes_with_its_uses() {
        let lines: Vec<String> =
            ["\tv1 := f()", "\tx := 2", "\tif v1 > 0 {", "\t\tv2 := v1", "\t}", "\tprintln(x)"].iter().map(|s| s.to_string()).collect();
        let drop: Vec<usize> = with_uses(&lines, 0).into_iter().collect();
        assert_eq!(drop, vec![0, 2, 3, 4]);
    }

    #[test]
    fn keeps_only_what_the_test_needs() {
        let source = "package main\n\nfunc f() {\n\ta := 1\n\tb := 2\n}\n\nfunc main() {\n\tprintln(42)\n}\n";
        let reduced = reduce(source, |s| {
            s.contains("println(42)") && s.contains("func main() {") && s.matches('{').count() == s.matches('}').count()
        });
        assert_eq!(reduced, "func main() {\n\tprintln(42)\n}\n");
    }
}
