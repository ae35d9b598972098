//! The shared, read-only view of one text that every stage reads.

use crate::hash::HashSet;
use std::ops::Index;

use crate::profile::Profile;
use crate::sentences::{self, Layout};
use crate::tokens::{self, Token, TokenKind};

/// One text with its tokens, layout, lowercased words and language profile.
pub struct Ctx<'a> {
    /// The original input.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// Its paragraphs and sentences.
    pub layout: Layout,
    /// Lowercased text of each token (same index as `tokens`), in one buffer.
    pub lower: Lowered,
    /// The language profile.
    pub profile: &'a Profile,
    /// Words this text also writes in lowercase: a capitalised form of one
    /// of them at a sentence start is an ordinary word, not a name.
    pub seen_lower: HashSet<&'a str>,
    /// Shape of each token, computed once: [`CAP`] and [`ACRONYM`] bits.
    shape: Vec<u8>,
    /// The [`crate::profile::class`] bits of each token's lowercased text,
    /// looked up once ([`Ctx::has`]).
    classes: Vec<u64>,
    /// For each sentence, its first word or number token (its end if none):
    /// [`Ctx::starts_sentence`] in O(1), whatever the sentence's length.
    first_word: Vec<usize>,
}

/// [`Ctx::is_cap`] holds for the token.
const CAP: u8 = 1;
/// [`Ctx::is_acronym`] holds for the token.
const ACRONYM: u8 = 2;

/// The [`CAP`] and [`ACRONYM`] bits of a token of kind `kind` and text `w`;
/// `ascii` is `w.is_ascii()`.
fn shape_of(kind: TokenKind, w: &str, ascii: bool) -> u8 {
    if kind != TokenKind::Word {
        return 0;
    }
    if ascii {
        // The same tests on bytes: for ASCII, uppercase is `A-Z`, lowercase
        // `a-z`, alphabetic both.
        let b = w.as_bytes();
        let cap = b.first().is_some_and(u8::is_ascii_uppercase);
        // The lowercase test first: most words fail it at their second letter.
        let acronym = !b.iter().any(u8::is_ascii_lowercase) && b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2;
        return (u8::from(cap) * CAP) | (u8::from(acronym) * ACRONYM);
    }
    let cap = w.chars().next().is_some_and(char::is_uppercase);
    let acronym = w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase);
    (u8::from(cap) * CAP) | (u8::from(acronym) * ACRONYM)
}

/// Number of slots of the cache of recent token texts in [`Ctx::new`]
/// (a power of two).
const RECENT_SLOTS: usize = 1024;

/// Slot of non-empty token text `w` in a cache of `slots` slots (a power
/// of two), `< slots`, from its length and three of its bytes: O(1) per
/// token. Unkeyed, but in a cache that compares the text a collision only
/// costs the work a repeat saves, never a wrong answer.
pub(crate) fn text_slot(w: &str, slots: usize) -> usize {
    let b = w.as_bytes();
    let n = b.len();
    (n.wrapping_mul(97) ^ usize::from(b[0]).wrapping_mul(31) ^ usize::from(b[n / 2]).wrapping_mul(7) ^ usize::from(b[n - 1]))
        & (slots - 1)
}

impl<'a> Ctx<'a> {
    /// Tokenizes and lays out `text`.
    pub fn new(text: &'a str, profile: &'a Profile) -> Ctx<'a> {
        let tokens = tokens::tokenize(text);
        let layout = sentences::split(text, &tokens);
        // Sized up front (distinct words are at most about half the tokens of
        // an article), so that growing does not rehash it over and over;
        // capped so a long text does not reserve memory it will not use.
        let mut seen_lower = HashSet::with_capacity_and_hasher((tokens.len() / 2).min(1 << 16), Default::default());
        let mut lower = Lowered::with_capacity(text.len() + tokens.len(), tokens.len());
        let mut shape = Vec::with_capacity(tokens.len());
        let mut classes = Vec::with_capacity(tokens.len());
        // The last token text seen in each slot (by `text_slot`), with its
        // classes and shape: a repeat found here is neither looked up nor
        // inserted into `seen_lower` again. Every fact cached is a function
        // of the text alone (a token's kind is too, see `tokens::tokenize`).
        let mut recent: [(&str, u64, u8); RECENT_SLOTS] = [("", 0, 0); RECENT_SLOTS];
        // One pass over the tokens for every per-token fact.
        for t in &tokens {
            let w = t.span.of(text);
            // Scanned once, for both the lowercasing and the shape.
            let ascii = w.is_ascii();
            let l = lower.push_scanned(w, ascii);
            // Tokens are never empty, so no token matches an unused slot.
            let slot = &mut recent[text_slot(w, RECENT_SLOTS)];
            if slot.0 != w {
                if t.kind == TokenKind::Word && w.chars().next().is_some_and(char::is_lowercase) {
                    seen_lower.insert(w);
                }
                *slot = (w, profile.classes.get(l).copied().unwrap_or(0), shape_of(t.kind, w, ascii));
            }
            classes.push(slot.1);
            shape.push(slot.2);
        }
        let wordy = |t: &Token| matches!(t.kind, TokenKind::Word | TokenKind::Number);
        let first_word = layout.sentences.iter().map(|s| (s.start..s.end).find(|&i| wordy(&tokens[i])).unwrap_or(s.end)).collect();
        Ctx { text, tokens, layout, lower, profile, seen_lower, shape, classes, first_word }
    }

    /// The original text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens[i].span.of(self.text)
    }

    /// True when token `i` is a word whose first letter is uppercase.
    pub fn is_cap(&self, i: usize) -> bool {
        self.shape[i] & CAP != 0
    }

    /// True when token `i` is a word of two or more letters, all uppercase (`PBB`, `DK`).
    pub fn is_acronym(&self, i: usize) -> bool {
        self.shape[i] & ACRONYM != 0
    }

    /// True when token `i` is the first word of its sentence (after any
    /// opening marks, brackets or dashes).
    pub fn starts_sentence(&self, i: usize) -> bool {
        i <= self.first_word[self.layout.sentence_of[i] as usize]
    }

    /// The text from the start of token `a` to the end of token `b - 1`.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.tokens[a].span.start..self.tokens[b - 1].span.end]
    }

    /// True when capitalised token `i` is an ordinary word: listed as
    /// common or as no name, or written in lowercase elsewhere in this text.
    pub fn is_common(&self, i: usize) -> bool {
        use crate::profile::class;
        self.has(i, class::COMMON_CAPS | class::NOT_NAMES) || self.seen_lower.contains(&self.lower[i])
    }

    /// True when token `i`'s lowercased text is in any of the profile's
    /// sets named by `class` (bits of [`crate::profile::class`]): the same as
    /// `set.contains(&lower[i])` for each; false past the end.
    pub fn has(&self, i: usize, class: u64) -> bool {
        self.classes.get(i).is_some_and(|&c| c & class != 0)
    }

    /// The gazetteer entry of token `i` alone, if any; none for a short
    /// acronym the text writes otherwise than in capitals (`Ma` is not `MA`,
    /// see [`class::SHORT_ACRONYM`](crate::profile::class::SHORT_ACRONYM)).
    pub fn known_word(&self, i: usize) -> Option<crate::profile::KnownName> {
        use crate::profile::class;
        if !self.has(i, class::KNOWN) || (self.has(i, class::SHORT_ACRONYM) && !self.is_acronym(i)) {
            return None;
        }
        self.profile.known.get(self.lower_at(i)).copied()
    }

    /// True when tokens `t - 1` and `t`, lowercased, are a two-word
    /// honorific or rank (`brigjen pol`); false for `t == 0`. The
    /// `HONORIFIC_ENDS` bit skips the join for most words.
    pub fn is_two_word_honorific(&self, t: usize) -> bool {
        t > 0
            && t < self.lower.len()
            && self.has(t, crate::profile::class::HONORIFIC_ENDS)
            && self.profile.honorifics.contains(self.lower.join(t - 1, t + 1))
    }

    /// [`Profile::is_descriptive`] of token `i`'s lowercased text.
    pub fn is_descriptive(&self, i: usize) -> bool {
        self.has(i, crate::profile::class::DESCRIPTORS | crate::profile::class::ORG_HEADS)
            || self.profile.is_descriptive_confix(self.lower_at(i))
    }

    /// The [`crate::profile::class`] bits of tokens `a..b` (`a <= b <= len`).
    pub fn classes(&self, a: usize, b: usize) -> &[u64] {
        &self.classes[a..b]
    }

    /// Lowercased text of token `i`, or `""` past either end.
    pub fn lower_at(&self, i: usize) -> &str {
        self.lower.get(i).unwrap_or("")
    }
}

/// The lowercased words of a text, `str::to_lowercase` of each, stored in
/// one buffer: each word followed by one space (`"kata wakil menteri "`).
///
/// So the words `a..b` joined by single spaces are one slice of the buffer
/// ([`Lowered::join`]), without allocating; the separator is only a
/// convenience of storage, a word itself may contain anything.
#[derive(Clone, Debug, Default)]
pub struct Lowered {
    /// Every word lowercased, each followed by one `' '`.
    buf: String,
    /// Byte offset in `buf` where word `i` starts; one entry per word.
    starts: Vec<usize>,
}

impl Lowered {
    /// Lowercases each of `words`, in order.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Lowered {
        let words = words.into_iter();
        let mut out = Lowered::with_capacity(0, words.size_hint().0);
        for w in words {
            out.push(w);
        }
        out
    }

    /// No words yet, with room for `bytes` bytes of words and spaces and for
    /// `words` words.
    pub fn with_capacity(bytes: usize, words: usize) -> Lowered {
        Lowered { buf: String::with_capacity(bytes), starts: Vec::with_capacity(words) }
    }

    /// Appends `w` lowercased (`str::to_lowercase`) as the next word and
    /// returns it.
    pub fn push(&mut self, w: &str) -> &str {
        self.push_scanned(w, w.is_ascii())
    }

    /// [`Lowered::push`], given `ascii`, which must be `w.is_ascii()`.
    fn push_scanned(&mut self, w: &str, ascii: bool) -> &str {
        let from = self.buf.len();
        self.starts.push(from);
        if ascii {
            // Same result as `to_lowercase` for ASCII, without allocating.
            self.buf.push_str(w);
            self.buf[from..].make_ascii_lowercase();
        } else {
            self.buf.push_str(&w.to_lowercase());
        }
        let end = self.buf.len();
        self.buf.push(' ');
        &self.buf[from..end]
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Byte offset in `buf` just past word `i` (before its space); `i < len`.
    fn end_of(&self, i: usize) -> usize {
        self.starts.get(i + 1).map_or(self.buf.len(), |&s| s) - 1
    }

    /// Lowercased word `i`, or `None` past the end.
    pub fn get(&self, i: usize) -> Option<&str> {
        let &s = self.starts.get(i)?;
        Some(&self.buf[s..self.end_of(i)])
    }

    /// Words `a..b` joined by one space (`""` when `a >= b`), as
    /// `words[a..b].join(" ")` would give, without allocating.
    ///
    /// Panics when `b > len`, as slicing would.
    pub fn join(&self, a: usize, b: usize) -> &str {
        if a >= b {
            return "";
        }
        assert!(b <= self.len(), "words {a}..{b} of {}", self.len());
        &self.buf[self.starts[a]..self.end_of(b - 1)]
    }
}

impl Index<usize> for Lowered {
    type Output = str;

    /// Lowercased word `i`; panics past the end, as a slice would.
    fn index(&self, i: usize) -> &str {
        let s = self.starts[i];
        &self.buf[s..self.end_of(i)]
    }
}

#[cfg(test)]
mod tests {
    use super::{text_slot, RECENT_SLOTS, Ctx, Lowered};
    use crate::tokens::TokenKind;

    #[test]
    fn cached_classes_and_shapes_equal_lookups_despite_slot_collisions() {
        // `kata` (a speech verb) and `kbta` (no word) share a slot.
        assert_eq!(text_slot("kata", RECENT_SLOTS), text_slot("kbta", RECENT_SLOTS));
        let text = "kata kbta kata kbta, Kata KATA kata. PBB kbta PBB Pbb";
        let p = crate::profile::profile("id").unwrap();
        let ctx = Ctx::new(text, p);
        assert_ne!(ctx.classes(0, 1)[0], ctx.classes(1, 2)[0]);
        for (i, t) in ctx.tokens.iter().enumerate() {
            let w = ctx.word(i);
            assert_eq!(ctx.classes(i, i + 1)[0], p.classes.get(&w.to_lowercase()).copied().unwrap_or(0), "{w}");
            let shape = super::shape_of(t.kind, w, w.is_ascii());
            assert_eq!(ctx.is_cap(i), shape & super::CAP != 0, "{w}");
            assert_eq!(ctx.is_acronym(i), shape & super::ACRONYM != 0, "{w}");
        }
        assert!(ctx.is_acronym(9) && !ctx.is_acronym(12) && ctx.is_cap(12));
    }

    #[test]
    fn seen_lower_holds_every_lowercase_word_despite_slot_collisions() {
        // `abcd` and `axcd` share a slot of the recent-word cache.
        assert_eq!(text_slot("abcd", RECENT_SLOTS), text_slot("axcd", RECENT_SLOTS));
        let text = "abcd axcd abcd Abcd axcd. é ü é Jakarta kata kata x";
        let p = crate::profile::profile("id").unwrap();
        let ctx = Ctx::new(text, p);
        let want: crate::hash::HashSet<&str> = (0..ctx.tokens.len())
            .filter(|&i| ctx.tokens[i].kind == TokenKind::Word)
            .map(|i| ctx.word(i))
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .collect();
        assert_eq!(want.len(), 6);
        assert_eq!(ctx.seen_lower, want);
    }

    #[test]
    fn lowered_words_equal_to_lowercase_and_join_like_a_slice() {
        let words = ["Kata", "WAKIL", "Menteri", "İstanbul", "ΟΔΟΣ", "", "x y"];
        let l = Lowered::new(words);
        assert_eq!(l.len(), words.len());
        for (i, w) in words.iter().enumerate() {
            assert_eq!(&l[i], w.to_lowercase());
            assert_eq!(l.get(i), Some(w.to_lowercase().as_str()));
        }
        assert_eq!(l.get(words.len()), None);
        let owned: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        for a in 0..=words.len() {
            for b in a..=words.len() {
                assert_eq!(l.join(a, b), owned[a..b].join(" "), "{a}..{b}");
            }
        }
        assert_eq!(l.join(3, 1), "");
        assert!(Lowered::new([]).is_empty());
    }
}
