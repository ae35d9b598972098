//! Paragraphs and sentences, as token ranges.
//!
//! A paragraph is a run of tokens between line breaks. Sentences are found
//! inside paragraphs by small split-then-merge passes:
//!
//! 1. split after `.`, `!`, `?`, `…`: `Ia datang. Lalu pergi.` → 2;
//! 2. merge back after abbreviations and initials: `Dr. Budi`, `J. Smith`;
//! 3. merge back when the next token is lowercase: `ujar Sekjen P.B. lagi`.
//!
//! Quotation marks do not block a split: a quote may run over sentences,
//! and [`crate::quotes`] pairs marks per paragraph.

use std::ops::Range;

use crate::tokens::{Token, TokenKind};

/// Token ranges of one text's paragraphs and sentences.
///
/// Invariant: both lists cover every token exactly once, in order, with no
/// gaps; every sentence lies inside one paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// Token ranges of paragraphs (lines).
    pub paragraphs: Vec<Range<usize>>,
    /// Token ranges of sentences.
    pub sentences: Vec<Range<usize>>,
    /// For each token, the index of its sentence.
    pub sentence_of: Vec<u32>,
    /// For each token, the index of its paragraph.
    pub paragraph_of: Vec<u32>,
}

/// Short words that end with a dot without ending a sentence (lowercase).
const ABBREVIATIONS: &[&str] = &[
    "dr", "drs", "dra", "prof", "ir", "h", "hj", "no", "nomor", "hlm", "dll", "dsb", "tsb", "yth", "sdr",
    "bpk", "jl", "jln", "kab", "kec", "kel", "prov", "mr", "mrs", "ms", "st", "vs", "u.s", "a.s", "p.t",
    "tbk", "km", "kg", "rp", "ust", "kh", "mt", "jr", "sr", "inc", "co", "corp", "ltd", "gen", "lt", "col",
    "sgt", "capt", "dept", "apt", "fig", "etc", "e.g", "i.e", "no", "art", "ps", "pkl", "purn", "ret", "retd",
];

/// Splits the tokens of `text` into paragraphs and sentences.
pub fn split(text: &str, tokens: &[Token]) -> Layout {
    let mut layout = Layout {
        sentence_of: vec![0; tokens.len()],
        paragraph_of: vec![0; tokens.len()],
        ..Layout::default()
    };
    let mut p_start = 0;
    for i in 1..=tokens.len() {
        if i == tokens.len() || tokens[i].line_start {
            if p_start < i {
                layout.paragraphs.push(p_start..i);
            }
            p_start = i;
        }
    }
    for (pi, para) in layout.paragraphs.clone().into_iter().enumerate() {
        let mut s_start = para.start;
        for i in para.clone() {
            layout.paragraph_of[i] = pi as u32;
            let last = i + 1 == para.end;
            if last || ends_sentence(text, tokens, i, para.end) {
                layout.sentences.push(s_start..i + 1);
                s_start = i + 1;
            }
        }
    }
    for (si, s) in layout.sentences.iter().enumerate() {
        for i in s.clone() {
            layout.sentence_of[i] = si as u32;
        }
    }
    layout
}

/// True when a sentence ends after token `i` (paragraph ends at `end`).
fn ends_sentence(text: &str, tokens: &[Token], i: usize, end: usize) -> bool {
    let t = tokens[i];
    // Words and numbers (most tokens) start with a letter or digit: no stop.
    if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
        return false;
    }
    let s = t.span.of(text);
    if t.kind == TokenKind::Quote {
        // `… selesai.” Lalu` : the closing mark after a stop ends the sentence.
        return i > 0
            && matches!(tokens[i - 1].span.of(text), "." | "!" | "?" | "…")
            && next_starts_sentence(text, tokens, i + 1, end);
    }
    if !matches!(s, "." | "!" | "?" | "…") {
        return false;
    }
    // A closing mark right after the stop belongs to this sentence.
    if i + 1 < end && tokens[i + 1].kind == TokenKind::Quote && tokens[i + 1].span.start == t.span.end {
        return false;
    }
    if s == "." && i > 0 && is_abbreviation(text, tokens, i) {
        return false;
    }
    next_starts_sentence(text, tokens, i + 1, end)
}

/// Pass 3: a sentence starts at `j` unless the next word is lowercase or a
/// digit-led continuation; the paragraph end always allows it.
fn next_starts_sentence(text: &str, tokens: &[Token], j: usize, end: usize) -> bool {
    let mut j = j;
    while j < end && matches!(tokens[j].kind, TokenKind::Quote | TokenKind::Punct) {
        let s = tokens[j].span.of(text);
        if !matches!(s, "(" | "[" | "*" | "-" | "—" | "–") && tokens[j].kind != TokenKind::Quote {
            break;
        }
        j += 1;
    }
    if j >= end {
        return true;
    }
    let first = tokens[j].span.of(text).chars().next().unwrap_or(' ');
    !first.is_lowercase()
}

/// Pass 2: the word before the dot at `dot` is an abbreviation or an initial.
fn is_abbreviation(text: &str, tokens: &[Token], dot: usize) -> bool {
    let prev = tokens[dot - 1];
    if prev.span.end != tokens[dot].span.start || prev.kind != TokenKind::Word {
        return false;
    }
    let w = prev.span.of(text);
    let mut chars = w.chars();
    let single_upper = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    // For ASCII `w`, `to_lowercase` equals an entry exactly when
    // `eq_ignore_ascii_case` does; other words are lowercased.
    single_upper
        || if w.is_ascii() {
            ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
        } else {
            ABBREVIATIONS.contains(&w.to_lowercase().as_str())
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn sentences(t: &str) -> Vec<String> {
        let toks = tokenize(t);
        let l = split(t, &toks);
        l.sentences
            .iter()
            .map(|r| t[toks[r.start].span.start..toks[r.end - 1].span.end].to_string())
            .collect()
    }

    #[test]
    fn split_then_merge_passes() {
        let rows: &[(&str, &[&str])] = &[
            ("Ia datang. Lalu pergi.", &["Ia datang.", "Lalu pergi."]),
            ("Dr. Budi hadir. Ia senang.", &["Dr. Budi hadir.", "Ia senang."]),
            ("Kata J. Smith kemarin.", &["Kata J. Smith kemarin."]),
            ("“Selesai.” Lalu ia pergi.", &["“Selesai.”", "Lalu ia pergi."]),
            ("Harga naik. kata dia.", &["Harga naik. kata dia."]),
            ("Satu\nDua", &["Satu", "Dua"]),
        ];
        for (input, want) in rows {
            assert_eq!(&sentences(input), want, "input {input:?}");
        }
    }

    #[test]
    fn abbreviations_match_in_any_case() {
        for (input, n) in [("Ia dari Kab. Bogor.", 1), ("Ia dari KAB. Bogor.", 1), ("Jaraknya 5 \u{212A}m. Jauh.", 1), ("Ia dari Kabar. Bogor.", 2), ("Kata Mayjen (Purn.) Budi.", 1)] {
            assert_eq!(sentences(input).len(), n, "input {input:?}");
        }
    }

    #[test]
    fn layout_covers_every_token() {
        let t = "A b. C d!\n\nE “f.” G";
        let toks = tokenize(t);
        let l = split(t, &toks);
        let covered: usize = l.sentences.iter().map(|r| r.len()).sum();
        assert_eq!(covered, toks.len());
        assert_eq!(l.paragraphs.len(), 2);
        assert!(l.sentences.windows(2).all(|w| w[0].end == w[1].start));
    }
}
