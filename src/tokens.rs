//! Tokens: words, numbers, punctuation and quotation marks, with byte spans.

use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner hyphens, apostrophes and dots (`Ho-jin`, `S.H.`).
    Word,
    /// Digits, with inner `.`/`,`/`/` (`1.000`, `27/10/2020`).
    Number,
    /// A quotation mark of any style.
    Quote,
    /// Any other non-space character, one per token.
    Punct,
}

/// One token of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Bytes of the token in the text.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// A line break (paragraph end) lies between the previous token and this one.
    pub line_start: bool,
}

/// True for every quotation mark character Sorot pairs.
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2018}' | '\u{2019}' | '\u{201A}'
            | '\u{00AB}' | '\u{00BB}' | '\u{2039}' | '\u{203A}' | '\u{300C}' | '\u{300D}' | '\''
    )
}

/// Splits `text` into tokens. Whitespace separates tokens and belongs to none.
///
/// Invariant: tokens are sorted, non-empty, never overlap, and their spans
/// lie on char boundaries.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    // Walks byte offsets, decoding one char at a time (ASCII without the
    // UTF-8 decoder); `pos` is always on a char boundary.
    let bytes = text.as_bytes();
    let char_at = |p: usize| -> Option<char> {
        match *bytes.get(p)? {
            b if b < 0x80 => Some(char::from(b)),
            _ => text.get(p..)?.chars().next(),
        }
    };
    let mut pos = 0;
    let mut line_start = true;
    while let Some(c) = char_at(pos) {
        let i = pos;
        pos += c.len_utf8();
        if c.is_whitespace() {
            if c == '\n' || c == '\r' || c == '\u{2029}' {
                line_start = true;
            }
            continue;
        }
        let kind;
        if c.is_alphabetic() || c.is_numeric() {
            let mut numeric = c.is_numeric();
            // Letters and digits, joined by one inner connector followed by a letter or digit.
            while let Some(&byte) = bytes.get(pos) {
                // ASCII letters and digits, the bulk of a word, as bytes.
                if byte.is_ascii_alphanumeric() {
                    numeric &= !byte.is_ascii_alphabetic();
                    pos += 1;
                    continue;
                }
                let Some(d) = char_at(pos) else { break };
                if d.is_alphanumeric() || is_mark(d) {
                    numeric &= !d.is_alphabetic();
                    pos += d.len_utf8();
                } else if is_joiner(d, numeric) {
                    let j = pos;
                    match char_at(j + d.len_utf8()) {
                        Some(a) if a.is_alphanumeric() => pos = j + d.len_utf8(),
                        // A trailing dot of an abbreviation with inner dots: `S.H.`
                        _ if d == '.' && text[i..j].contains('.') && !numeric => {
                            pos = j + 1;
                            break;
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            kind = if numeric { TokenKind::Number } else { TokenKind::Word };
        } else if is_quote_char(c) {
            kind = TokenKind::Quote;
        } else {
            kind = TokenKind::Punct;
            // Keep combining marks and joiners with the character they follow.
            while let Some(d) = char_at(pos).filter(|&d| is_mark(d)) {
                pos += d.len_utf8();
            }
        }
        out.push(Token { span: Span::new(i, pos), kind, line_start });
        line_start = false;
    }
    out
}

/// Combining marks and zero-width joiners, which never start a token.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}')
}

/// Characters that join two alphanumeric runs into one token.
fn is_joiner(c: char, numeric: bool) -> bool {
    match c {
        '-' | '\u{2011}' | '\'' | '\u{2019}' | '.' => true,
        ',' | '/' | ':' => numeric,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|k| k.span.of(t)).collect()
    }

    #[test]
    fn splits_words_punct_and_quotes() {
        let rows: &[(&str, &[&str])] = &[
            ("“Kami siap,” kata Lim.", &["“", "Kami", "siap", ",", "”", "kata", "Lim", "."]),
            ("Chang Ho-jin", &["Chang", "Ho-jin"]),
            ("1.000 kontainer", &["1.000", "kontainer"]),
            ("(27/10/2020)", &["(", "27/10/2020", ")"]),
            ("Ahmad, S.H. hadir", &["Ahmad", ",", "S.H.", "hadir"]),
            ("PBB.", &["PBB", "."]),
            ("Lim.***", &["Lim", ".", "*", "*", "*"]),
            ("O'Brien's", &["O'Brien's"]),
            ("'kami'", &["'", "kami", "'"]),
            ("e\u{301}t\u{e9}", &["e\u{301}t\u{e9}"]),
            // ASCII and other letters mixed inside one word, joiners between them.
            ("naïve-café 2,5 İstanbul’s", &["naïve-café", "2,5", "İstanbul’s"]),
            ("Dr.\u{00A0}Ahmad…", &["Dr", ".", "Ahmad", "…"]),
        ];
        for (input, want) in rows {
            assert_eq!(&texts(input), want, "input {input:?}");
        }
    }

    #[test]
    fn marks_line_starts() {
        let t = "a b\nc";
        let toks = tokenize(t);
        let starts: Vec<bool> = toks.iter().map(|k| k.line_start).collect();
        assert_eq!(starts, vec![true, false, true]);
    }
}
