//! The document JSON: the one contract shared by the CLI, the wasm API and
//! the widget (see `docs/document.md`).
//!
//! Every `start`/`end` here is in **UTF-16 code units** of the input text
//! (what JavaScript string indexes use), and every `text` equals that slice.

use serde::{Deserialize, Serialize};

/// Version of the document JSON; bumped on any incompatible change.
pub const DOCUMENT_VERSION: u32 = 1;

/// What an actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A person, named or an unnamed office holder ("juru bicara Kremlin").
    Person,
    /// A ministry, agency, party, company, medium, alliance.
    Organization,
    /// A country, capital, city, region or facility.
    Place,
    /// A statement, report or post quoted as speaking ("kata pernyataan itu").
    Document,
}

/// Direct quotes are in quotation marks; indirect ones report speech without them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// Reported speech without marks (`X mengatakan bahwa …`).
    Indirect,
}

/// One actor of the article, with every name it goes by.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// `a0`, `a1`, … in order of first mention.
    pub id: String,
    /// The fullest name the article gives.
    pub name: String,
    /// What the actor is.
    pub kind: ActorKind,
    /// Role or title of a person ("juru bicara kementerian"), if the text gives one.
    pub role: Option<String>,
    /// Other names of the same actor in this article (acronyms, short names).
    pub aliases: Vec<String>,
}

/// One place where the text names an actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Id of the actor named.
    pub actor: String,
    /// Start, in UTF-16 code units.
    pub start: usize,
    /// End (exclusive), in UTF-16 code units.
    pub end: usize,
    /// The slice `start..end` of the input.
    pub text: String,
}

/// A span of text with UTF-16 offsets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextSpan {
    /// Start, in UTF-16 code units.
    pub start: usize,
    /// End (exclusive), in UTF-16 code units.
    pub end: usize,
    /// The slice `start..end` of the input.
    pub text: String,
}

/// One quote: what was said, by whom, and the words that say so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// `q0`, `q1`, … in reading order.
    pub id: String,
    /// Direct (in marks) or indirect.
    pub kind: QuoteKind,
    /// Start of the content (quotation marks excluded), in UTF-16 code units.
    pub start: usize,
    /// End (exclusive) of the content, in UTF-16 code units.
    pub end: usize,
    /// The slice `start..end` of the input.
    pub text: String,
    /// Id of the actor who said it, or `null` when the evidence is too weak.
    pub speaker: Option<String>,
    /// The attribution phrase ("tambah Lim", "katanya"), if any.
    pub cue: Option<TextSpan>,
    /// How sure the attribution is, from 0 (no speaker) to 1.
    pub confidence: f32,
}

/// The result of analysing one text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// [`DOCUMENT_VERSION`].
    pub version: u32,
    /// Language profile used (`id`, `en`).
    pub lang: String,
    /// Actors, in order of first mention.
    pub actors: Vec<Actor>,
    /// Mentions, sorted by start; they never overlap each other.
    pub mentions: Vec<Mention>,
    /// Quotes, sorted by start; they never overlap each other.
    pub quotes: Vec<Quote>,
}

/// Converts byte offsets of one text to UTF-16 code-unit offsets.
///
/// Built once per text in O(n); each lookup is O(log k) in the number k of
/// non-ASCII characters, so ASCII-heavy text costs almost nothing.
pub struct Utf16Map {
    /// `(byte offset, utf16 offset)` just after each non-ASCII character.
    /// Between two entries every character is ASCII: one byte, one unit.
    after_wide: Vec<(usize, usize)>,
}

impl Utf16Map {
    /// Indexes `text`.
    pub fn new(text: &str) -> Utf16Map {
        let mut after_wide = Vec::new();
        let mut units = 0usize;
        let mut b = 0;
        // Runs of ASCII bytes are skipped as bytes; only the other chars are decoded.
        while let Some(run) = text.as_bytes().get(b..) {
            let ascii = run.iter().position(|&x| x >= 0x80).unwrap_or(run.len());
            units += ascii;
            b += ascii;
            let Some(c) = text.get(b..).and_then(|t| t.chars().next()) else { break };
            units += c.len_utf16();
            b += c.len_utf8();
            after_wide.push((b, units));
        }
        Utf16Map { after_wide }
    }

    /// UTF-16 offset of byte offset `byte`, which must be a char boundary.
    pub fn utf16(&self, byte: usize) -> usize {
        let i = self.after_wide.partition_point(|&(b, _)| b <= byte);
        match i {
            0 => byte,
            _ => {
                let (b, u) = self.after_wide[i - 1];
                u + (byte - b)
            }
        }
    }
}

/// The id `prefix` followed by the decimal digits of `n` (`a12`), as
/// `format!("{prefix}{n}")` gives, without the formatting machinery.
fn id(prefix: char, mut n: usize) -> String {
    // usize::MAX has 20 digits.
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut s = String::with_capacity(prefix.len_utf8() + digits.len() - k);
    s.push(prefix);
    s.extend(digits[k..].iter().map(|&d| char::from(d)));
    s
}

/// Builds the document of one analysed text: actors ordered by first
/// mention and numbered `a0…`, quotes numbered `q0…` in reading order,
/// every offset converted to UTF-16.
pub fn build(text: &str, lang: &str, cast: &crate::actors::Cast, quotes: &[crate::attribution::Attributed]) -> Analysis {
    let map = Utf16Map::new(text);
    let span = |s: crate::span::Span| TextSpan { start: map.utf16(s.start), end: map.utf16(s.end), text: s.of(text).to_string() };
    // Order actors by first mention; actors never mentioned go last, in creation order.
    let mut first_at = vec![usize::MAX; cast.actors.len()];
    for m in &cast.mentions {
        first_at[m.actor] = first_at[m.actor].min(m.span.start);
    }
    let mut order: Vec<usize> = (0..cast.actors.len()).collect();
    order.sort_by_key(|&a| (first_at[a], a));
    let mut id_of = vec![String::new(); cast.actors.len()];
    for (n, &a) in order.iter().enumerate() {
        id_of[a] = id('a', n);
    }
    let mut aliases: Vec<Vec<String>> = cast.actors.iter().map(|a| a.titled.clone()).collect();
    // Lowercased names and aliases of each actor so far, so an actor with
    // thousands of distinct mentions costs one lookup per mention.
    let mut seen: Vec<crate::hash::HashSet<String>> =
        aliases.iter().map(|titled| titled.iter().map(|t| t.to_lowercase()).collect()).collect();
    let names: Vec<String> = cast.actors.iter().map(|a| a.name.to_lowercase()).collect();
    for m in &cast.mentions {
        let t = m.span.of(text);
        let lower = t.to_lowercase();
        if lower != names[m.actor] && !seen[m.actor].contains(&lower) {
            seen[m.actor].insert(lower);
            aliases[m.actor].push(t.to_string());
        }
    }
    let actors = order
        .iter()
        .map(|&a| {
            let info = &cast.actors[a];
            Actor {
                id: id_of[a].clone(),
                name: info.name.clone(),
                kind: info.kind,
                role: info.role.clone(),
                aliases: std::mem::take(&mut aliases[a]),
            }
        })
        .collect();
    let mentions = cast
        .mentions
        .iter()
        .map(|m| {
            let s = span(m.span);
            Mention { actor: id_of[m.actor].clone(), start: s.start, end: s.end, text: s.text }
        })
        .collect();
    let quotes = quotes
        .iter()
        .enumerate()
        .map(|(n, q)| {
            let s = span(q.content);
            Quote {
                id: id('q', n),
                kind: q.kind,
                start: s.start,
                end: s.end,
                text: s.text,
                speaker: q.speaker.map(|a| id_of[a].clone()),
                cue: q.cue.map(span),
                confidence: (q.confidence * 100.0).round() / 100.0,
            }
        })
        .collect();
    Analysis { version: DOCUMENT_VERSION, lang: lang.to_string(), actors, mentions, quotes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let t = "a€b😀c";
        let m = Utf16Map::new(t);
        let want: Vec<usize> = vec![0, 1, 2, 3, 5, 6];
        let bytes: Vec<usize> = t.char_indices().map(|(b, _)| b).chain([t.len()]).collect();
        let got: Vec<usize> = bytes.iter().map(|&b| m.utf16(b)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn ids_equal_formatted_numbers() {
        for n in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(id('a', n), format!("a{n}"));
            assert_eq!(id('q', n), format!("q{n}"));
        }
    }

    #[test]
    fn ascii_text_maps_to_itself() {
        let m = Utf16Map::new("hello");
        assert_eq!(m.utf16(3), 3);
        assert_eq!(m.utf16(5), 5);
    }
}
