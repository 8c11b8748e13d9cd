//! Diagnostics as values: a position and gc 1.19's message text, plus the
//! tab-indented continuation lines some errors carry (`have (...)`/`want (...)`,
//! `other declaration of x` with its own position), and the way gc prints a
//! list of them (`cmd/compile/internal/base/print.go`: ErrorfAt, FlushErrors).

use crate::ast::{Pos, SourceMap};

/// A continuation line: `\t<text>`, or `\t<file:line:col>: <text>` when it
/// points somewhere else in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub pos: Option<Pos>,
    pub text: String,
}

impl Note {
    pub fn text(text: impl Into<String>) -> Note {
        Note { pos: None, text: text.into() }
    }

    pub fn at(pos: Pos, text: impl Into<String>) -> Note {
        Note { pos: Some(pos), text: text.into() }
    }
}

/// Which stage reported a diagnostic, which decides what gc does next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `syntax error: ...`: the file is not type-checked, and only the first
    /// syntax error of a line is printed.
    Syntax,
    /// The scanner's and the parser's other errors (`invalid character ...`,
    /// `method has no receiver`, `misplaced compiler directive`): type
    /// checking still runs.
    Parse,
    /// The type checker's errors.
    Type,
    /// Rules on the declarations checked after type checking (`missing
    /// function body` under gc's -complete).
    Declaration,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub pos: Pos,
    pub kind: Kind,
    pub message: String,
    /// A position printed after the message, then a closing text, as in
    /// gc's `label L already defined at P.go:5:1`.
    pub trailing: Option<(Pos, &'static str)>,
    /// Extra lines printed after the message, each indented by a tab.
    pub notes: Vec<Note>,
}

impl Diagnostic {
    /// A type checker's error.
    pub fn new(pos: Pos, message: impl Into<String>) -> Diagnostic {
        Diagnostic::of_kind(Kind::Type, pos, message)
    }

    pub fn of_kind(kind: Kind, pos: Pos, message: impl Into<String>) -> Diagnostic {
        Diagnostic { pos, kind, message: message.into(), trailing: None, notes: Vec::new() }
    }

    /// gc's `syntax error: <detail>`.
    pub fn syntax(pos: Pos, detail: impl std::fmt::Display) -> Diagnostic {
        Diagnostic::of_kind(Kind::Syntax, pos, format!("syntax error: {detail}"))
    }

    pub fn with_note(mut self, note: Note) -> Diagnostic {
        self.notes.push(note);
        self
    }

    pub fn ending_with(mut self, pos: Pos) -> Diagnostic {
        self.trailing = Some((pos, ""));
        self
    }

    /// Like `ending_with`, with `close` after the position: `(first at P.go:5:2)`.
    pub fn ending_with_then(mut self, pos: Pos, close: &'static str) -> Diagnostic {
        self.trailing = Some((pos, close));
        self
    }

    /// `file:line:col: message` and its note lines, as `go build` prints them.
    pub fn render(&self, file: &str, map: &SourceMap) -> String {
        let mut out = format!("{}: {}", position(file, map, self.pos), self.message);
        if let Some((at, close)) = self.trailing {
            out.push(' ');
            out.push_str(&position(file, map, at));
            out.push_str(close);
        }
        out.push('\n');
        for note in &self.notes {
            match note.pos {
                Some(pos) => out.push_str(&format!("\t{}: {}\n", position(file, map, pos), note.text)),
                None => out.push_str(&format!("\t{}\n", note.text)),
            }
        }
        out
    }
}

/// Renders diagnostics given in the order they were reported, as gc does:
/// only the first syntax error of a line, and no repeat of the previous
/// other error's message on the same line; after the tenth error the ones
/// so far are printed sorted by position, then `too many errors` at the
/// tenth; otherwise all are printed sorted, identical lines once.
pub fn render_all(diags: &[Diagnostic], file: &str, map: &SourceMap) -> String {
    let line = |pos: Pos| map.line_col(pos).0;
    let mut kept: Vec<&Diagnostic> = Vec::new();
    let mut last_syntax: Option<u32> = None;
    let mut last_other: Option<(u32, &str)> = None;
    let mut too_many_at = None;
    for d in diags {
        if d.kind == Kind::Syntax {
            if last_syntax == Some(line(d.pos)) {
                continue;
            }
            last_syntax = Some(line(d.pos));
        } else {
            if last_other == Some((line(d.pos), d.message.as_str())) {
                continue;
            }
            last_other = Some((line(d.pos), d.message.as_str()));
        }
        kept.push(d);
        if kept.len() == 10 {
            too_many_at = Some(d.pos);
            break;
        }
    }
    // A stable sort: errors at one position keep the order they were reported in.
    kept.sort_by_key(|d| d.pos);
    let mut out = String::new();
    let mut previous = String::new();
    for d in kept {
        let text = d.render(file, map);
        if text != previous {
            out.push_str(&text);
        }
        previous = text;
    }
    if let Some(pos) = too_many_at {
        out.push_str(&format!("{}: too many errors\n", position(file, map, pos)));
    }
    out
}

fn position(file: &str, map: &SourceMap, pos: Pos) -> String {
    map.position(file, pos)
}
