//! Diagnostics as values: a position and gc 1.19's message text, plus the
//! tab-indented continuation lines some errors carry (`have (...)`/`want (...)`).

use crate::ast::{Pos, SourceMap};

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub pos: Pos,
    pub message: String,
    /// Extra lines printed after the message, each already starting with a tab.
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn new(pos: Pos, message: impl Into<String>) -> Diagnostic {
        Diagnostic { pos, message: message.into(), notes: Vec::new() }
    }

    /// `file:line:col: message` and its note lines, as `go build` prints them.
    pub fn render(&self, file: &str, map: &SourceMap) -> String {
        let (line, col) = map.line_col(self.pos);
        let mut out = format!("{}:{}:{}: {}\n", file, line, col, self.message);
        for note in &self.notes {
            out.push_str(note);
            out.push('\n');
        }
        out
    }
}

/// Renders a list the way gc does: sorted by position, at most 10, then `too many errors`.
pub fn render_all(diags: &[Diagnostic], file: &str, map: &SourceMap) -> String {
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    sorted.sort_by_key(|d| d.pos);
    sorted.dedup_by(|a, b| a.pos == b.pos && a.message == b.message);
    let mut out = String::new();
    for (i, d) in sorted.iter().enumerate() {
        if i == 10 {
            out.push_str(&format!("{}: too many errors\n", position(file, map, d.pos)));
            break;
        }
        out.push_str(&d.render(file, map));
    }
    out
}

fn position(file: &str, map: &SourceMap, pos: Pos) -> String {
    let (line, col) = map.line_col(pos);
    format!("{}:{}:{}", file, line, col)
}
