//! Tokens and the lexer: logos does the scanning, this module adds Go's
//! automatic semicolon insertion (spec "Semicolons") and collects `//go:`
//! directives so the parser can attach them to the next function.
//!
//! Literal tokens keep their source text; `constant.rs` decodes them. Keeping
//! the text is also what gc's `as:` printer needs (constants print as written).

use logos::Logos;

#[derive(Logos, Clone, Debug, PartialEq)]
#[logos(skip r"[ \t\r\f]+")]
pub enum Token {
    #[token("\n")]
    Newline,
    #[regex(r"//[^\n]*", allow_greedy = true)]
    LineComment,
    #[regex(r"/\*([^*]|\*+[^*/])*\*+/")]
    BlockComment,

    #[token("break")]
    Break,
    #[token("case")]
    Case,
    #[token("chan")]
    Chan,
    #[token("const")]
    Const,
    #[token("continue")]
    Continue,
    #[token("default")]
    Default,
    #[token("defer")]
    Defer,
    #[token("else")]
    Else,
    #[token("fallthrough")]
    Fallthrough,
    #[token("for")]
    For,
    #[token("func")]
    Func,
    #[token("go")]
    Go,
    #[token("goto")]
    Goto,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("interface")]
    Interface,
    #[token("map")]
    Map,
    #[token("package")]
    Package,
    #[token("range")]
    Range,
    #[token("return")]
    Return,
    #[token("select")]
    Select,
    #[token("struct")]
    Struct,
    #[token("switch")]
    Switch,
    #[token("type")]
    Type,
    #[token("var")]
    Var,

    #[regex(r"[\p{L}_][\p{L}\p{Nd}_]*", |lex| lex.slice().to_string())]
    Ident(String),
    #[regex(r"0[xX]_?[0-9a-fA-F][0-9a-fA-F_]*", |lex| lex.slice().to_string())]
    #[regex(r"0[bB]_?[01][01_]*", |lex| lex.slice().to_string())]
    #[regex(r"0[oO]_?[0-7][0-7_]*", |lex| lex.slice().to_string())]
    #[regex(r"[0-9][0-9_]*", |lex| lex.slice().to_string())]
    Int(String),
    #[regex(r"[0-9][0-9_]*\.[0-9_]*([eE][+-]?[0-9][0-9_]*)?", |lex| lex.slice().to_string())]
    #[regex(r"[0-9][0-9_]*[eE][+-]?[0-9][0-9_]*", |lex| lex.slice().to_string())]
    #[regex(r"\.[0-9][0-9_]*([eE][+-]?[0-9][0-9_]*)?", |lex| lex.slice().to_string())]
    #[regex(r"0[xX][0-9a-fA-F_]*(\.[0-9a-fA-F_]*)?[pP][+-]?[0-9][0-9_]*", |lex| lex.slice().to_string())]
    Float(String),
    #[regex(r"0[xX]_?[0-9a-fA-F][0-9a-fA-F_]*i", |lex| lex.slice().to_string())]
    #[regex(r"0[bB]_?[01][01_]*i", |lex| lex.slice().to_string())]
    #[regex(r"0[oO]_?[0-7][0-7_]*i", |lex| lex.slice().to_string())]
    #[regex(r"[0-9][0-9_]*i", |lex| lex.slice().to_string())]
    #[regex(r"[0-9][0-9_]*\.[0-9_]*([eE][+-]?[0-9][0-9_]*)?i", |lex| lex.slice().to_string())]
    #[regex(r"[0-9][0-9_]*[eE][+-]?[0-9][0-9_]*i", |lex| lex.slice().to_string())]
    #[regex(r"\.[0-9][0-9_]*([eE][+-]?[0-9][0-9_]*)?i", |lex| lex.slice().to_string())]
    #[regex(r"0[xX][0-9a-fA-F_]*(\.[0-9a-fA-F_]*)?[pP][+-]?[0-9][0-9_]*i", |lex| lex.slice().to_string())]
    Imag(String),
    #[regex(r"'([^'\\\n]|\\[^\n]|\\[0-7]{3}|\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8})'", |lex| lex.slice().to_string())]
    Rune(String),
    #[regex(r#""([^"\\\n]|\\[^\n])*""#, |lex| lex.slice().to_string())]
    #[regex(r"`[^`]*`", |lex| lex.slice().to_string())]
    Str(String),

    #[token("+")]
    Add,
    #[token("-")]
    Sub,
    #[token("*")]
    Mul,
    #[token("/")]
    Quo,
    #[token("%")]
    Rem,
    #[token("&")]
    And,
    #[token("|")]
    Or,
    #[token("^")]
    Xor,
    #[token("<<")]
    Shl,
    #[token(">>")]
    Shr,
    #[token("&^")]
    AndNot,
    #[token("+=")]
    AddAssign,
    #[token("-=")]
    SubAssign,
    #[token("*=")]
    MulAssign,
    #[token("/=")]
    QuoAssign,
    #[token("%=")]
    RemAssign,
    #[token("&=")]
    AndAssign,
    #[token("|=")]
    OrAssign,
    #[token("^=")]
    XorAssign,
    #[token("<<=")]
    ShlAssign,
    #[token(">>=")]
    ShrAssign,
    #[token("&^=")]
    AndNotAssign,
    #[token("&&")]
    LAnd,
    #[token("||")]
    LOr,
    #[token("<-")]
    Arrow,
    #[token("++")]
    Inc,
    #[token("--")]
    Dec,
    #[token("==")]
    Eql,
    #[token("<")]
    Lss,
    #[token(">")]
    Gtr,
    #[token("=")]
    Assign,
    #[token("!")]
    Not,
    #[token("!=")]
    Neq,
    #[token("<=")]
    Leq,
    #[token(">=")]
    Geq,
    #[token(":=")]
    Define,
    #[token("...")]
    Ellipsis,
    #[token("(")]
    LParen,
    #[token("[")]
    LBrack,
    #[token("{")]
    LBrace,
    #[token(",")]
    Comma,
    #[token(".")]
    Period,
    #[token(")")]
    RParen,
    #[token("]")]
    RBrack,
    #[token("}")]
    RBrace,
    #[token(";")]
    Semi,
    #[token(":")]
    Colon,
    #[token("~")]
    Tilde,

    /// A semicolon inserted by the lexer at a newline or at end of file.
    AutoSemi,
}

/// A lexical error, as gc words it, at a byte offset.
#[derive(Clone, Debug)]
pub struct LexError {
    pub offset: usize,
    pub message: String,
}

/// A `//go:name` directive line and the byte offset where it starts.
#[derive(Clone, Debug)]
pub struct Directive {
    pub offset: usize,
    pub text: String,
}

/// The whole token stream of one file, with semicolons inserted.
pub struct Lexed {
    pub tokens: Vec<(usize, Token, usize)>,
    pub directives: Vec<Directive>,
    pub errors: Vec<LexError>,
}

/// True when a newline after this token ends the statement (Go spec rule 1).
fn ends_statement(tok: &Token) -> bool {
    matches!(
        tok,
        Token::Ident(_)
            | Token::Int(_)
            | Token::Float(_)
            | Token::Imag(_)
            | Token::Rune(_)
            | Token::Str(_)
            | Token::Break
            | Token::Continue
            | Token::Fallthrough
            | Token::Return
            | Token::Inc
            | Token::Dec
            | Token::RParen
            | Token::RBrack
            | Token::RBrace
    )
}

pub fn lex(src: &str) -> Lexed {
    let mut tokens: Vec<(usize, Token, usize)> = Vec::new();
    let mut directives = Vec::new();
    let mut errors = Vec::new();
    let mut lexer = Token::lexer(src);
    let mut last_significant: Option<Token> = None;
    while let Some(result) = lexer.next() {
        let span = lexer.span();
        let tok = match result {
            Ok(tok) => tok,
            Err(()) if src[span.start..].starts_with('\'') => {
                // A malformed rune literal: gc reports why and keeps a (bad) literal.
                let (end, error) = scan_bad_rune(src, span.start);
                errors.push(error);
                if end > span.end {
                    lexer.bump(end - span.end);
                }
                Token::Rune(src[span.start..end].to_string())
            }
            // gc skips a byte order mark that starts the file.
            Err(()) if span.start == 0 && src.starts_with('\u{feff}') => continue,
            // Any other non-ASCII character is read into an identifier
            // (gc's atIdentChar), with an error unless it is a letter.
            Err(()) if !src[span.start..].starts_with(|c: char| c.is_ascii() || c == '\u{feff}') => {
                let mut start = span.start;
                let mut text = String::new();
                if let Some((_, Token::Ident(prev), end)) = tokens.last() {
                    if *end == span.start {
                        text = prev.clone();
                        start = tokens.pop().map_or(start, |t| t.0);
                    }
                }
                let mut end = span.start;
                for (i, c) in src[span.start..].char_indices() {
                    if !(c.is_alphanumeric() || c == '_' || !c.is_ascii()) || c == '\u{feff}' {
                        break;
                    }
                    let fine = c.is_alphabetic() || c.is_ascii() || (c.is_numeric() && end > start);
                    if !fine {
                        errors.push(LexError { offset: span.start + i, message: describe_bad_input(&src[span.start + i..]) });
                    }
                    text.push(c);
                    end = span.start + i + c.len_utf8();
                }
                if end > span.end {
                    lexer.bump(end - span.end);
                }
                let tok = Token::Ident(text);
                last_significant = Some(tok.clone());
                tokens.push((start, tok, end));
                continue;
            }
            Err(()) => {
                errors.push(LexError { offset: span.start, message: describe_bad_input(&src[span.start..]) });
                continue;
            }
        };
        let newline_here = match &tok {
            Token::Newline => true,
            Token::LineComment => {
                let text = lexer.slice();
                if text.starts_with("//go:") && line_start(src, span.start) {
                    directives.push(Directive { offset: span.start, text: text[2..].trim_end().to_string() });
                }
                false
            }
            Token::BlockComment => lexer.slice().contains('\n'),
            _ => false,
        };
        if newline_here {
            if last_significant.as_ref().is_some_and(ends_statement) {
                tokens.push((span.start, Token::AutoSemi, span.start));
            }
            last_significant = None;
            continue;
        }
        if matches!(tok, Token::LineComment | Token::BlockComment) {
            continue;
        }
        last_significant = Some(tok.clone());
        tokens.push((span.start, tok, span.end));
    }
    if last_significant.as_ref().is_some_and(ends_statement) {
        tokens.push((src.len(), Token::AutoSemi, src.len()));
    }
    Lexed { tokens, directives, errors }
}

/// Scans a rune literal the token rule rejected, as gc's scanner does;
/// returns where it ends and the error to report.
fn scan_bad_rune(src: &str, start: usize) -> (usize, LexError) {
    let mut chars = src[start + 1..].char_indices().map(|(i, c)| (start + 1 + i, c));
    let mut n = 0;
    loop {
        match chars.next() {
            Some((i, '\'')) => {
                let message =
                    if n == 0 { "empty rune literal or unescaped ' in rune literal" } else { "more than one character in rune literal" };
                let offset = if n == 0 { i } else { start };
                return (i + 1, LexError { offset, message: message.to_string() });
            }
            Some((_, '\\')) => {
                chars.next();
            }
            Some((i, '\n')) => return (i, LexError { offset: i, message: "newline in rune literal".to_string() }),
            Some(_) => {}
            None => return (src.len(), LexError { offset: start, message: "rune literal not terminated".to_string() }),
        }
        n += 1;
    }
}

fn line_start(src: &str, offset: usize) -> bool {
    src[..offset].rsplit('\n').next().is_some_and(|before| before.trim().is_empty())
}

fn describe_bad_input(rest: &str) -> String {
    match rest.chars().next() {
        Some('"') => "string literal not terminated".to_string(),
        Some('`') => "raw string literal not terminated".to_string(),
        Some('/') if rest.starts_with("/*") => "comment not terminated".to_string(),
        // gc's scanner reads any other non-ASCII character as part of an identifier.
        Some('\u{feff}') => "invalid BOM in the middle of the file".to_string(),
        Some(c) if c.is_numeric() && !c.is_ascii() => format!("identifier cannot begin with digit U+{:04X} '{}'", c as u32, c),
        Some(c) if !c.is_ascii() => format!("invalid character U+{:04X} '{}' in identifier", c as u32, c),
        Some(c) => format!("invalid character U+{:04X} '{}'", c as u32, c),
        None => "unexpected EOF".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Token> {
        lex(src).tokens.into_iter().map(|t| t.1).collect()
    }

    #[test]
    fn inserts_semicolons_after_line_enders() {
        let toks = kinds("x := 1\nreturn\n}\n");
        assert_eq!(
            toks,
            vec![
                Token::Ident("x".into()),
                Token::Define,
                Token::Int("1".into()),
                Token::AutoSemi,
                Token::Return,
                Token::AutoSemi,
                Token::RBrace,
                Token::AutoSemi
            ]
        );
    }

    #[test]
    fn no_semicolon_after_operator() {
        assert_eq!(kinds("a +\nb"), vec![Token::Ident("a".into()), Token::Add, Token::Ident("b".into()), Token::AutoSemi]);
    }

    #[test]
    fn literal_forms() {
        for (src, want) in [
            ("0x_1F", Token::Int("0x_1F".into())),
            ("0b1010", Token::Int("0b1010".into())),
            ("0o17", Token::Int("0o17".into())),
            ("1_000", Token::Int("1_000".into())),
            ("1.5e3", Token::Float("1.5e3".into())),
            ("1e9", Token::Float("1e9".into())),
            (".5", Token::Float(".5".into())),
            ("0x1p-2", Token::Float("0x1p-2".into())),
            ("2i", Token::Imag("2i".into())),
            ("1.5e3i", Token::Imag("1.5e3i".into())),
            ("0x1Fi", Token::Imag("0x1Fi".into())),
            ("'\\n'", Token::Rune("'\\n'".into())),
            ("'é'", Token::Rune("'é'".into())),
            ("\"a\\tb\"", Token::Str("\"a\\tb\"".into())),
            ("`raw\nline`", Token::Str("`raw\nline`".into())),
        ] {
            assert_eq!(kinds(src)[0], want, "{src}");
        }
    }

    #[test]
    fn directives_are_collected() {
        let lexed = lex("//go:noinline\nfunc f() {}\n");
        assert_eq!(lexed.directives.len(), 1);
        assert_eq!(lexed.directives[0].text, "go:noinline");
    }

    #[test]
    fn multiline_block_comment_acts_as_newline() {
        assert_eq!(kinds("x /*\n*/ y"), vec![Token::Ident("x".into()), Token::AutoSemi, Token::Ident("y".into()), Token::AutoSemi]);
    }
}
