//! Direct quotes: quotation marks paired within each paragraph.
//!
//! Every mark style is read: “…”, "…", ‘…’, «…», „…“, and ” used as the
//! opening mark (Kompas). A mark opens or closes by what flanks it: a mark
//! with a space before and a letter after opens, a letter before and a space
//! or punctuation after closes. Only outermost quotes are kept; nested
//! quotes stay inside them. Lost marks are recovered locally:
//!
//! - an unclosed mark at a paragraph end continues into the next paragraph
//!   when that one reopens the same style (multi-paragraph quote), and
//!   otherwise ends at the speech cue or the paragraph end;
//! - a closing mark with no opener, followed by a speech verb, opens at the
//!   paragraph start.
//!
//! No quote crosses a paragraph, so one lost mark never swallows the rest
//! of the article.

use crate::profile::Profile;
use crate::sentences::Layout;
use crate::span::Span;
use crate::tokens::{Token, TokenKind};

/// One direct quote found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FoundQuote {
    /// The words inside the marks, trimmed of spaces (bytes).
    pub content: Span,
    /// Token range of the content: `first..end`.
    pub first: usize,
    /// One past the last content token.
    pub end: usize,
    /// Token index of the opening mark, if the text has one.
    pub open: Option<usize>,
    /// Token index of the closing mark, if the text has one.
    pub close: Option<usize>,
    /// This quote continues the previous paragraph's unclosed quote.
    pub continues: bool,
    /// A mark was missing and the span was recovered.
    pub recovered: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Family {
    Double,
    Single,
    Guillemet,
    Corner,
}

fn family(c: char) -> Option<Family> {
    match c {
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => Some(Family::Double),
        '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' => Some(Family::Single),
        '\u{00AB}' | '\u{00BB}' | '\u{2039}' | '\u{203A}' => Some(Family::Guillemet),
        '\u{300C}' | '\u{300D}' => Some(Family::Corner),
        _ => None,
    }
}

/// Whether a mark can open and whether it can close a quote.
fn flanking(text: &str, span: Span) -> (bool, bool) {
    let mark = text[span.start..span.end].chars().next().unwrap_or(' ');
    // Marks whose direction is fixed by their shape.
    match mark {
        '\u{201E}' | '\u{201A}' | '\u{300C}' | '\u{00AB}' | '\u{2039}' => return (true, false),
        '\u{300D}' | '\u{00BB}' | '\u{203A}' => return (false, true),
        _ => {}
    }
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let space_before = before.map_or(true, |c| c.is_whitespace() || "([{—–-/".contains(c) || family(c).is_some());
    let space_after = after.map_or(true, |c| {
        c.is_whitespace() || ".,;:!?)]}—–-…*".contains(c) || family(c).is_some()
    });
    let can_open = !after.map_or(true, char::is_whitespace) && space_before;
    let can_close = !before.map_or(true, char::is_whitespace) && space_after;
    match (can_open, can_close) {
        // “ leans to opening and ” to closing when the context cannot tell.
        (false, false) if mark == '\u{201C}' || mark == '\u{2018}' => (true, false),
        (false, false) if mark == '\u{201D}' || mark == '\u{2019}' => (false, true),
        (false, false) => (true, true),
        other => other,
    }
}

/// Finds the direct quotes of `text`, in reading order, never overlapping.
///
/// `max_chars` bounds one quote's length in characters: a pairing longer
/// than that is taken for a lost mark and not used.
pub fn find(text: &str, tokens: &[Token], layout: &Layout, profile: &Profile, max_chars: usize) -> Vec<FoundQuote> {
    let mut out: Vec<FoundQuote> = Vec::new();
    // An unclosed double quote at the end of the previous paragraph.
    let mut dangling: Option<Family> = None;
    // The previous paragraph ended inside a quote whose mark was lost, with
    // no cue to end it: a lone closing mark opening this paragraph's
    // quote carries the same quote on.
    let mut lost_open = false;
    for para in &layout.paragraphs {
        let carried = std::mem::take(&mut lost_open);
        let marks: Vec<usize> = para.clone().filter(|&i| tokens[i].kind == TokenKind::Quote).collect();
        // Index in `marks` of the last single mark that can close: a single
        // mark at `k` has a closer after it exactly when `k` is below it.
        // (One pass, so a paragraph of apostrophes stays linear.)
        let last_single_closer = marks.iter().rposition(|&m| is_closer_of(text, tokens, m, Family::Single));
        let mut stack: Vec<(usize, Family)> = Vec::new();
        let mut last_end = para.start; // tokens before this are taken by an earlier quote
        let reopen = dangling.take();
        for (k, &m) in marks.iter().enumerate() {
            let c = tokens[m].span.of(text).chars().next().unwrap_or(' ');
            let Some(fam) = family(c) else { continue };
            let (can_open, can_close) = flanking(text, tokens[m].span);
            // `…, ”kata Kalla.`: a closing mark typed with its space on the
            // wrong side, right before a speech verb.
            let spaced_close = m > para.start
                && matches!(tokens[m - 1].span.of(text), "," | "." | "?" | "!")
                && cue_follows(text, tokens, profile, m + 1, para.end);
            match stack.last().copied() {
                Some((o, f)) if f == fam && (can_close || !can_open || spaced_close) => {
                    stack.pop();
                    if stack.is_empty() {
                        let continues = reopen == Some(fam) && out_is_first_in(o, para.start, tokens, text);
                        if let Some(q) = make(text, tokens, o + 1, m, Some(o), Some(m), max_chars, continues, false) {
                            out.push(q);
                        }
                        last_end = m + 1;
                    }
                }
                Some((o, f)) if f == fam => {
                    // A second opener of the same style while one is open: the
                    // first lost its closing mark. End it at its cue or here.
                    if stack.len() == 1 {
                        let end = cue_cut(text, tokens, profile, o + 1, m);
                        if let Some(q) = make(text, tokens, o + 1, end, Some(o), None, max_chars, false, true) {
                            out.push(q);
                        }
                        stack.clear();
                        stack.push((m, fam));
                    }
                }
                Some(_) => {
                    if can_open && !can_close {
                        stack.push((m, fam));
                    }
                }
                None if can_open && !spaced_close && (fam != Family::Single || last_single_closer.is_some_and(|c| c > k)) => {
                    stack.push((m, fam));
                }
                None => {
                    // A closing mark with no opener: recover only before a speech cue.
                    if (can_close || spaced_close) && fam == Family::Double && cue_follows(text, tokens, profile, m + 1, para.end) {
                        let continues = carried && last_end == para.start;
                        if let Some(q) = make(text, tokens, last_end, m, None, Some(m), max_chars, continues, true) {
                            out.push(q);
                        }
                        last_end = m + 1;
                    }
                }
            }
        }
        if let Some(&(o, fam)) = stack.first() {
            if matches!(fam, Family::Double | Family::Guillemet) {
                let next_reopens = next_paragraph_reopens(text, tokens, layout, para.end, fam);
                let end = if next_reopens { para.end } else { cue_cut(text, tokens, profile, o + 1, para.end) };
                lost_open = !next_reopens && end == para.end && fam == Family::Double;
                let continues = reopen == Some(fam) && out_is_first_in(o, para.start, tokens, text);
                if let Some(q) = make(text, tokens, o + 1, end, Some(o), None, max_chars, continues, !next_reopens) {
                    out.push(q);
                }
                if next_reopens {
                    dangling = Some(fam);
                }
            }
        }
    }
    out
}

/// The opening mark at `o` is the first token of the paragraph starting at `p`.
fn out_is_first_in(o: usize, p: usize, _tokens: &[Token], _text: &str) -> bool {
    o == p
}

/// Builds a quote over content tokens `first..end`, trimmed; `None` when empty or too long.
#[allow(clippy::too_many_arguments)]
fn make(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    open: Option<usize>,
    close: Option<usize>,
    max_chars: usize,
    continues: bool,
    recovered: bool,
) -> Option<FoundQuote> {
    if first >= end {
        return None;
    }
    let start_b = open.map_or(tokens[first].span.start, |o| tokens[o].span.end);
    let end_b = close.map_or(tokens[end - 1].span.end, |c| tokens[c].span.start);
    let raw = &text[start_b..end_b];
    let lead = raw.len() - raw.trim_start().len();
    let content = Span::new(start_b + lead, start_b + lead + raw.trim().len());
    if content.is_empty() || content.of(text).chars().take(max_chars + 1).count() > max_chars {
        return None;
    }
    Some(FoundQuote { content, first, end, open, close, continues, recovered })
}

/// The mark at token `m` can close a quote of `fam` (single quotes are
/// often apostrophes, so they open only when such a closer follows).
fn is_closer_of(text: &str, tokens: &[Token], m: usize, fam: Family) -> bool {
    let c = tokens[m].span.of(text).chars().next().unwrap_or(' ');
    family(c) == Some(fam) && flanking(text, tokens[m].span).1
}

/// The first token of the paragraph starting at `start` opens a quote of `fam`.
fn next_paragraph_reopens(text: &str, tokens: &[Token], layout: &Layout, start: usize, fam: Family) -> bool {
    let Some(t) = tokens.get(start) else { return false };
    let _ = layout;
    t.kind == TokenKind::Quote
        && family(t.span.of(text).chars().next().unwrap_or(' ')) == Some(fam)
        && flanking(text, t.span).0
}

/// True when the tokens from `i` read like an after-quote cue: an optional
/// comma, then a speech verb (`kata`, `ujarnya`).
fn cue_follows(text: &str, tokens: &[Token], profile: &Profile, i: usize, end: usize) -> bool {
    let mut i = i;
    if i < end && matches!(tokens[i].span.of(text), "," | ".") {
        i += 1;
    }
    i < end && tokens[i].kind == TokenKind::Word && is_after_verb(profile, tokens[i].span.of(text))
}

/// True for an after-quote speech verb or its pointing form (`kata`, `katanya`).
pub fn is_after_verb(profile: &Profile, word: &str) -> bool {
    let w = word.to_lowercase();
    profile.verbs_after.contains(&w)
        || profile
            .pointing_suffixes
            .iter()
            .any(|s| w.strip_suffix(s.as_str()).is_some_and(|base| profile.verbs_after.contains(base)))
}

/// Where an unclosed quote starting at token `first` should end: before the
/// first `, VERB` cue inside `first..end`, else at `end`.
fn cue_cut(text: &str, tokens: &[Token], profile: &Profile, first: usize, end: usize) -> usize {
    (first..end)
        .find(|&i| tokens[i].span.of(text) == "," && cue_follows(text, tokens, profile, i + 1, end))
        .map_or(end, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{profile::profile, sentences, tokens::tokenize};

    fn quotes(t: &str) -> Vec<String> {
        let toks = tokenize(t);
        let l = sentences::split(t, &toks);
        find(t, &toks, &l, profile("id").unwrap(), 4000).iter().map(|q| q.content.of(t).to_string()).collect()
    }

    #[test]
    fn pairs_every_mark_style() {
        let rows: &[(&str, &[&str])] = &[
            ("“Kami siap,” kata Lim.", &["Kami siap,"]),
            ("\"Kami siap,\" kata Lim.", &["Kami siap,"]),
            ("”Kami siap,” ujar Parwati.", &["Kami siap,"]),
            ("„Wir sind bereit“, sagte er.", &["Wir sind bereit"]),
            ("«Nous sommes prêts», a-t-il dit.", &["Nous sommes prêts"]),
            ("‘Kami siap,’ kata Lim.", &["Kami siap,"]),
            ("Mereka “sangat prihatin” dengan “pelanggaran mencolok” itu.", &["sangat prihatin", "pelanggaran mencolok"]),
            ("“Ia bilang ‘tidak’ kemarin,” kata Lim.", &["Ia bilang ‘tidak’ kemarin,"]),
            ("“(Transfer senjata) memerlukan upaya,” kata dia.", &["(Transfer senjata) memerlukan upaya,"]),
            ("Jum'at lalu, kata O'Brien, harga naik.", &[]),
        ];
        for (input, want) in rows {
            assert_eq!(&quotes(input), want, "input {input:?}");
        }
    }

    #[test]
    fn recovers_lost_marks_locally() {
        let rows: &[(&str, &[&str])] = &[
            // Lost closing mark: ends at the cue, not at the article end.
            ("“Kami siap, kata Lim. Lalu ia pergi.\nParagraf lain.", &["Kami siap,"]),
            // Lost closing mark with no cue: ends at the paragraph end.
            ("“Kami siap sekali.\nParagraf “lain” di sini.", &["Kami siap sekali.", "lain"]),
            // Lost opening mark before a cue.
            ("Kami siap,” kata Lim.", &["Kami siap,"]),
            // Two openers: the first lost its closer.
            ("“Satu, kata A. “Dua,” kata B.", &["Satu,", "Dua,"]),
        ];
        for (input, want) in rows {
            assert_eq!(&quotes(input), want, "input {input:?}");
        }
    }

    #[test]
    fn multi_paragraph_quote_continues() {
        let t = "“Paragraf pertama.\n“Paragraf kedua,” kata Lim.";
        let toks = tokenize(t);
        let l = sentences::split(t, &toks);
        let q = find(t, &toks, &l, profile("id").unwrap(), 4000);
        assert_eq!(q.len(), 2);
        assert!(!q[0].continues && q[1].continues);
        assert!(!q[0].recovered);
    }

    /// Quotes with their `continues` and `recovered` flags.
    fn flagged(t: &str) -> Vec<(String, bool, bool)> {
        let toks = tokenize(t);
        let l = sentences::split(t, &toks);
        find(t, &toks, &l, profile("id").unwrap(), 4000)
            .iter()
            .map(|q| (q.content.of(t).to_string(), q.continues, q.recovered))
            .collect()
    }

    #[test]
    fn straight_ascii_quotes() {
        let rows: &[(&str, &[&str])] = &[
            ("\"Kami siap,\" kata Lim, \"dan besok kami berangkat.\"", &["Kami siap,", "dan besok kami berangkat."]),
            ("\"Kami siap,\"kata Lim.", &["Kami siap,"]),
            ("Lim berkata:\"Kami siap.\"", &["Kami siap."]),
            ("\" Kami siap, \" kata Lim.", &["Kami siap,"]),
            ("\"Mengapa?\" tanya Lim.", &["Mengapa?"]),
            ("\"Kami...\" kata Lim.", &["Kami..."]),
            ("Dia \"menolak\" tuduhan itu.", &["menolak"]),
            ("\"Ia bilang 'tidak' kemarin,\" kata Lim.", &["Ia bilang 'tidak' kemarin,"]),
            // A closing mark with its space on the wrong side, before the cue.
            ("”Kami siap, ”kata Kalla. Lalu ia pergi.", &["Kami siap,"]),
            ("\"Kami siap, \"kata Kalla. \"Besok,\" katanya.", &["Kami siap,", "Besok,"]),
            ("Ini untuk kemanusiaan, ”kata Kalla. Lalu ia pergi.", &["Ini untuk kemanusiaan,"]),
            // Mixed curly and straight marks of one quote.
            ("“Kami siap,\" kata Lim.", &["Kami siap,"]),
            // An inch mark is no quote.
            ("Layar 14\" itu murah.", &[]),
        ];
        for (input, want) in rows {
            assert_eq!(&quotes(input), want, "input {input:?}");
        }
    }

    #[test]
    fn closing_mark_used_as_opener() {
        // Kompas opens with ” as well as closing with it.
        assert_eq!(quotes("”Kami siap,” ujar Parwati.\n”Besok berangkat.”"), ["Kami siap,", "Besok berangkat."]);
        assert_eq!(quotes("Ia menyebutnya ”tidak masuk akal” kemarin."), ["tidak masuk akal"]);
        let q = flagged("”Paragraf satu.\n”Paragraf dua,” kata Lim.");
        assert_eq!(q, [("Paragraf satu.".into(), false, false), ("Paragraf dua,".into(), true, false)]);
    }

    #[test]
    fn multi_paragraph_straight_quotes() {
        let q = flagged("\"Paragraf satu.\n\"Paragraf dua.\n\"Paragraf tiga,\" kata Lim.");
        let texts: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(texts, ["Paragraf satu.", "Paragraf dua.", "Paragraf tiga,"]);
        assert_eq!(q.iter().map(|x| x.1).collect::<Vec<_>>(), [false, true, true]);
        // Both marks lost at the paragraph break: the second paragraph's lone
        // closing mark still carries the quote on.
        let q = flagged("\"Paragraf satu.\nParagraf dua,\" kata Lim.");
        assert_eq!(q, [("Paragraf satu.".into(), false, true), ("Paragraf dua,".into(), true, true)]);
    }

    #[test]
    fn a_lost_mark_never_swallows_later_paragraphs() {
        let t = "Dia \"menolak tuduhan itu dan pergi.\nHarga naik.\n\"Kami siap,\" kata Lim.\n“Stok cukup,” ujar Ani.";
        assert_eq!(quotes(t), ["menolak tuduhan itu dan pergi.", "Kami siap,", "Stok cukup,"]);
        // A stray opener mid-paragraph before a cue ends at the cue.
        assert_eq!(quotes("\"Kami siap, kata Lim. Lalu ia pergi.\nParagraf lain."), ["Kami siap,"]);
    }

    #[test]
    fn too_long_pairing_is_dropped() {
        let t = format!("“{}” kata Lim.", "kata ".repeat(50));
        let toks = tokenize(&t);
        let l = sentences::split(&t, &toks);
        assert!(find(&t, &toks, &l, profile("id").unwrap(), 100).is_empty());
    }
}
