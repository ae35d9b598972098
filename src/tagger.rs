//! Learned named-entity tagger: an averaged structured perceptron over
//! hashed features, decoded with Viterbi under BIO constraints.
//!
//! The model (`data/model/ner-id.bin`, trained by `src/bin/train_ner.rs`,
//! see `data/model/README.md`) is compiled in and parsed once, on first use,
//! without copying: emission weights are read in place from the static bytes.
//! A missing, empty or corrupt model never panics: [`tag`] then returns all
//! [`Tag::O`].
//!
//! Features (see [`for_each_feature`]) are hashed straight from the token
//! bytes (lowercased on the fly), so tagging allocates only three buffers per
//! sentence (token summaries, scores, back-pointers) besides its output.
//!
//! ```
//! use sorot::tagger::{tag, hints, Tag};
//! let words = ["Presiden", "Joko", "Widodo", "tiba", "di", "Jakarta", "."];
//! let h = hints(&words, sorot::profile::profile("id").unwrap());
//! let tags = tag(&words, &h);
//! assert_eq!(tags.len(), words.len());
//! assert_eq!(tags[6], Tag::O);
//! ```

use std::sync::OnceLock;

use crate::document::ActorKind;
use crate::profile::Profile;

/// Hint bit: the token is part of a gazetteer place name.
pub const HINT_PLACE: u8 = 1;
/// Hint bit: the token is part of a gazetteer organization name.
pub const HINT_ORG: u8 = 2;
/// Hint bit: the token is part of a gazetteer person name.
pub const HINT_PERSON: u8 = 4;
/// Hint bit: the token is part of a role phrase (`menteri luar negeri`).
pub const HINT_ROLE: u8 = 8;
/// Hint bit: the token is a word that heads organizations (`kementerian`).
pub const HINT_ORG_HEAD: u8 = 16;
/// Hint bit: the token is a capitalised word that is never an actor alone.
pub const HINT_COMMON: u8 = 32;

/// A BIO tag: outside, or the beginning / inside of a person, organization
/// or place name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// Outside any name.
    O,
    /// First token of a person name.
    BPer,
    /// Later token of a person name.
    IPer,
    /// First token of an organization name.
    BOrg,
    /// Later token of an organization name.
    IOrg,
    /// First token of a place name.
    BLoc,
    /// Later token of a place name.
    ILoc,
}

/// Number of tags; weight rows have one column per tag.
pub const NUM_TAGS: usize = 7;

impl Tag {
    /// Every tag, in index order.
    pub const ALL: [Tag; NUM_TAGS] = [
        Tag::O,
        Tag::BPer,
        Tag::IPer,
        Tag::BOrg,
        Tag::IOrg,
        Tag::BLoc,
        Tag::ILoc,
    ];

    /// Column of this tag in weight rows.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The tag of column `i`, if any.
    pub fn from_index(i: usize) -> Option<Tag> {
        Tag::ALL.get(i).copied()
    }

    /// The actor kind of a B/I tag; `None` for [`Tag::O`].
    pub fn kind(self) -> Option<ActorKind> {
        match self {
            Tag::O => None,
            Tag::BPer | Tag::IPer => Some(ActorKind::Person),
            Tag::BOrg | Tag::IOrg => Some(ActorKind::Organization),
            Tag::BLoc | Tag::ILoc => Some(ActorKind::Place),
        }
    }

    /// True for the I- tags.
    pub fn is_inside(self) -> bool {
        matches!(self, Tag::IPer | Tag::IOrg | Tag::ILoc)
    }

    /// The B- tag (`inside == false`) or I- tag of `kind`; `O` for documents.
    pub fn of_kind(kind: ActorKind, inside: bool) -> Tag {
        match (kind, inside) {
            (ActorKind::Person, false) => Tag::BPer,
            (ActorKind::Person, true) => Tag::IPer,
            (ActorKind::Organization, false) => Tag::BOrg,
            (ActorKind::Organization, true) => Tag::IOrg,
            (ActorKind::Place, false) => Tag::BLoc,
            (ActorKind::Place, true) => Tag::ILoc,
            (ActorKind::Document, _) => Tag::O,
        }
    }

    /// BIO validity: may `self` follow `prev` (`None` = sentence start)?
    /// An I- tag may only continue a B- or I- tag of the same kind.
    pub fn can_follow(self, prev: Option<Tag>) -> bool {
        !self.is_inside() || prev.is_some_and(|p| p.kind() == self.kind())
    }
}

/// Token spans `(start, end_exclusive, kind)` of the names in a tag
/// sequence. An I- tag that does not continue its kind starts a new name
/// (the conlleval convention), so any sequence can be read.
pub fn spans(tags: &[Tag]) -> Vec<(usize, usize, ActorKind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, ActorKind)> = None;
    for (i, t) in tags.iter().enumerate() {
        let continues = t.is_inside() && open.is_some_and(|(_, k)| Some(k) == t.kind());
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push((s, i, k));
            }
            open = t.kind().map(|k| (i, k));
        }
    }
    if let Some((s, k)) = open {
        out.push((s, tags.len(), k));
    }
    out
}

// ---------------------------------------------------------------------------
// Hints from the language profile.

fn push_lower(buf: &mut String, word: &str) {
    // ASCII (most words): one copy and an in-place lowercase, same result.
    if word.is_ascii() {
        let from = buf.len();
        buf.push_str(word);
        buf[from..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

fn starts_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// Per-token hint bits (`HINT_*`) from the gazetteer and word lists of
/// `profile`, shared by training and tagging.
///
/// Gazetteer names are matched leftmost-longest, up to
/// `profile.max_known_words` tokens joined by one space and lowercased, and
/// only from a token that does not start with a lowercase letter (names in
/// running text are capitalised; this keeps the lookups few). Every token of
/// a match gets the bit of the name's kind. Role phrases are matched
/// longest-first, left to right; organization heads and common capitalised
/// words are single lowercased tokens.
///
/// The lookup tables ([`Hinter`]) of the compiled-in profiles are built once
/// and cached; for any other profile they are built on each call.
pub fn hints(words: &[&str], profile: &Profile) -> Vec<u8> {
    hints_lowered::<&str>(words, &[], profile)
}

/// [`hints`], reusing `lower[i]` (`words[i].to_lowercase()`) where it is
/// given; see [`Hinter::hints_lowered`]. Same result as [`hints`].
pub fn hints_lowered<S: AsRef<str>>(words: &[&str], lower: &[S], profile: &Profile) -> Vec<u8> {
    hints_classed(words, lower, &[], profile)
}

/// [`hints_lowered`], also given `classes[i]`, the [`Profile::classes`]
/// bits of `lower[i]` (as [`crate::context::Ctx`] looks them up), for some
/// or all words: an ASCII word's organization-head, common-word and
/// role-start bits are read from there instead of looked up again, and
/// one whose bits say it starts no gazetteer name is not looked up in the
/// gazetteer. Same result as [`hints`] while `profile.classes` is
/// indexed from the profile's current lists ([`Profile::index`]).
pub fn hints_classed<S: AsRef<str>>(words: &[&str], lower: &[S], classes: &[u64], profile: &Profile) -> Vec<u8> {
    // One lazily built Hinter per compiled-in profile, so the first call
    // builds only the profile it is asked for (not every language's).
    static CACHE: [OnceLock<Hinter<'static>>; crate::profile::LANGUAGES.len()] =
        [const { OnceLock::new() }; crate::profile::LANGUAGES.len()];
    let cached = crate::profile::LANGUAGES
        .iter()
        .position(|code| *code == profile.code)
        .and_then(|k| Some((k, crate::profile::profile(profile.code)?)))
        .filter(|(_, compiled)| std::ptr::eq(*compiled, profile))
        .map(|(k, compiled)| CACHE[k].get_or_init(|| Hinter::new(compiled)));
    match cached {
        Some(h) => h.hints_classed(words, lower, classes),
        None => Hinter::new(profile).hints_classed(words, lower, classes),
    }
}

/// Lookup tables that compute [`hints`] for one profile with one hash
/// lookup per token, plus gazetteer lookups only while a prefix of a known
/// name is matching. Single words (organization heads, common words, role
/// starts) are read from the profile's lexicon ([`Profile::classes`],
/// [`Profile::role_starts`]); only the gazetteer's prefixes have a table.
pub struct Hinter<'p> {
    profile: &'p Profile,
    /// Every word-boundary prefix of a gazetteer key → whether it is a
    /// whole key; the keys borrow the lexicon's text.
    prefixes: std::collections::HashMap<&'p str, bool, crate::profile::WordHasher>,
}

impl<'p> Hinter<'p> {
    /// Builds the prefix table for `profile`, in one pass over its
    /// gazetteer keys, with the map sized up front.
    pub fn new(profile: &'p Profile) -> Hinter<'p> {
        let known: Vec<&'p str> = profile.known.keys().collect();
        let mut prefixes: std::collections::HashMap<&'p str, bool, crate::profile::WordHasher> = Default::default();
        prefixes.reserve(known.len() + known.len() / 2);
        for key in known {
            for (i, b) in key.bytes().enumerate() {
                if b == b' ' {
                    prefixes.entry(&key[..i]).or_insert(false);
                }
            }
            prefixes.insert(key, true);
        }
        Hinter { profile, prefixes }
    }

    /// Hint bits of each word; see [`hints`].
    pub fn hints(&self, words: &[&str]) -> Vec<u8> {
        self.hints_lowered::<&str>(words, &[])
    }

    /// [`Hinter::hints`], given `lower[i]`, `words[i].to_lowercase()`, for
    /// some or all words: it is used for ASCII words (where it equals this
    /// module's own lowercasing) instead of lowercasing them again; other
    /// words, and words past the end of `lower`, are lowercased here.
    pub fn hints_lowered<S: AsRef<str>>(&self, words: &[&str], lower: &[S]) -> Vec<u8> {
        self.hints_classed(words, lower, &[])
    }

    /// [`Hinter::hints_lowered`], reading a word's bits from `classes` (see
    /// [`hints_classed`]) where they are given instead of looking it up.
    fn hints_classed<S: AsRef<str>>(&self, words: &[&str], lower: &[S], classes: &[u64]) -> Vec<u8> {
        use crate::profile::class;
        // `lower[i]` stands for word `i`'s own lowercasing only for ASCII
        // words (see `hints_lowered`), and so do `classes[i]`, its bits.
        // (Each call site tests its cheaper condition first.)
        let given = |i: usize| i < lower.len() && words[i].is_ascii();
        let n = words.len();
        let mut out = vec![0u8; n];
        let mut key = String::new();
        let max_words = self.profile.max_known_words.max(1);
        let mut i = 0;
        while i < n {
            // A word that starts no gazetteer key is no one-word prefix of one.
            if starts_lowercase(words[i]) || (classes.get(i).is_some_and(|&c| c & class::KNOWN_STARTS == 0) && given(i)) {
                i += 1;
                continue;
            }
            key.clear();
            let mut best: Option<(usize, u8)> = None;
            for (j, w) in words.iter().enumerate().skip(i).take(max_words) {
                if j > i {
                    key.push(' ');
                }
                match lower.get(j) {
                    Some(l) if w.is_ascii() => key.push_str(l.as_ref()),
                    _ => push_lower(&mut key, w),
                }
                match self.prefixes.get(key.as_str()) {
                    None => break,
                    Some(false) => {}
                    Some(true) => {
                        let bit = match self.profile.known.get(key.as_str()).map(|k| k.kind) {
                            Some(ActorKind::Place) => HINT_PLACE,
                            Some(ActorKind::Organization) => HINT_ORG,
                            Some(ActorKind::Person) => HINT_PERSON,
                            Some(ActorKind::Document) | None => 0,
                        };
                        best = Some((j + 1, bit));
                    }
                }
            }
            match best {
                Some((end, bit)) => {
                    for h in &mut out[i..end] {
                        *h |= bit;
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        let mut role_until = 0;
        for i in 0..n {
            // Organization heads, common words and role starts are lexicon words.
            let wanted = class::ORG_HEADS | class::COMMON_CAPS | class::ROLE_STARTS;
            let given = given(i);
            let lowered = match lower.get(i) {
                Some(l) if given => l.as_ref(),
                _ => {
                    key.clear();
                    push_lower(&mut key, words[i]);
                    key.as_str()
                }
            };
            let bits = match classes.get(i) {
                Some(&c) if given => c,
                _ => self.profile.classes.get(lowered).copied().unwrap_or(0),
            } & wanted;
            if bits & class::ORG_HEADS != 0 {
                out[i] |= HINT_ORG_HEAD;
            }
            if bits & class::COMMON_CAPS != 0 {
                out[i] |= HINT_COMMON;
            }
            if bits & class::ROLE_STARTS != 0 && i >= role_until {
                let roles = &self.profile.roles;
                let len = self
                    .profile
                    .role_starts
                    .get(lowered)
                    .unwrap_or(&[])
                    .iter()
                    .map(|&k| &roles[k])
                    .filter(|r| r.len() <= n - i)
                    .find(|r| r[1..].iter().zip(&words[i + 1..]).all(|(a, b)| eq_lower(a, b)))
                    .map_or(0, Vec::len);
                role_until = i + len;
            }
            if i < role_until {
                out[i] |= HINT_ROLE;
            }
        }
        out
    }
}

/// `lower == word.to_lowercase()`, without allocating.
fn eq_lower(lower: &str, word: &str) -> bool {
    let mut a = lower.chars();
    for c in word.chars().flat_map(char::to_lowercase) {
        if a.next() != Some(c) {
            return false;
        }
    }
    a.next().is_none()
}

// ---------------------------------------------------------------------------
// Features.

/// Version of the feature set; a model trained with another version is
/// rejected at load time. Bump on any change to [`for_each_feature`].
pub const FEATURES_VERSION: u8 = 2;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn fnv_byte(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(FNV_PRIME)
}

#[inline]
fn fnv_char(mut h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        h = fnv_byte(h, b);
    }
    h
}

/// Lowercases one char into at most one char (the first of its lowercase
/// mapping; exact for every letter Indonesian text uses).
#[inline]
fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Mixes a template id and up to two values into one feature hash.
#[inline]
fn mix(template: u64, a: u64, b: u64) -> u64 {
    let mut h = template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ b;
    h ^= h >> 31;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 29)
}

/// Capitalisation class of a token.
#[derive(Clone, Copy)]
#[repr(u8)]
enum Caps {
    Lower = 0,
    Title = 1,
    Upper = 2,
    Mixed = 3,
    Letter = 4,
    Digit = 5,
    Punct = 6,
    LowerMixed = 7,
}

/// What the features read of one token, computed once per token.
#[derive(Clone, Copy, Default)]
struct TokInfo {
    word: u64,
    shape: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    caps: u8,
    hint: u8,
    /// First and one-past-last token of the run of capitalised tokens this
    /// token belongs to (both 0 when it is not capitalised).
    run: (u32, u32),
}

const BOUNDARY: TokInfo = TokInfo {
    word: 0x5eed_0001,
    shape: 0x5eed_0002,
    prefix: [0; 4],
    suffix: [0; 4],
    caps: 8,
    hint: 0,
    run: (0, 0),
};

/// What the features read of one token (see [`TokInfo`]); `run` is left 0.
fn summarize(word: &str, hint: u8) -> TokInfo {
    if word.is_ascii() {
        summarize_ascii(word.as_bytes(), hint)
    } else {
        summarize_chars(word, hint)
    }
}

/// [`summarize`] of any word, char by char.
fn summarize_chars(word: &str, hint: u8) -> TokInfo {
    let mut t = TokInfo {
        hint,
        ..TokInfo::default()
    };
    let (mut h, mut shape) = (FNV_OFFSET, FNV_OFFSET);
    let (mut last_class, mut shape_len) = (0u8, 0);
    let (mut n, mut uppers, mut lowers, mut first) = (0usize, 0usize, 0usize, None);
    for c in word.chars() {
        let lc = lower(c);
        h = fnv_char(h, lc);
        if n < 4 {
            t.prefix[n] = h;
        }
        n += 1;
        let class = if c.is_uppercase() {
            uppers += 1;
            b'X'
        } else if c.is_lowercase() {
            lowers += 1;
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if matches!(c, '-' | '.' | '\'' | '&' | '/') {
            c as u8
        } else if c.is_alphabetic() {
            b'x'
        } else {
            b'p'
        };
        first.get_or_insert(class);
        if class != last_class && shape_len < 8 {
            shape = fnv_byte(shape, class);
            shape_len += 1;
            last_class = class;
        }
    }
    t.word = h;
    t.shape = shape;
    for k in n..4 {
        t.prefix[k] = t.prefix[n.saturating_sub(1).min(3)];
    }
    // Suffixes: hashes of the last 1..=4 chars, read backwards.
    let mut s = FNV_OFFSET;
    for (k, c) in word.chars().rev().take(4).enumerate() {
        s = fnv_char(s, lower(c));
        t.suffix[k] = s;
    }
    for k in n.min(4)..4 {
        t.suffix[k] = t.suffix[n.saturating_sub(1).min(3)];
    }
    t.caps = match first {
        Some(b'X') if n == 1 => Caps::Letter,
        Some(b'X') if lowers == 0 => Caps::Upper,
        Some(b'X') if uppers == 1 => Caps::Title,
        Some(b'X') => Caps::Mixed,
        Some(b'x') if uppers > 0 => Caps::LowerMixed,
        Some(b'x') => Caps::Lower,
        Some(b'd') => Caps::Digit,
        _ => Caps::Punct,
    } as u8;
    t
}

/// [`summarize`] of an ASCII word, on bytes: the same hashes and classes
/// (for ASCII, uppercase is `A-Z`, lowercase `a-z`, numeric `0-9`, and
/// every alphabetic char is one of those).
fn summarize_ascii(word: &[u8], hint: u8) -> TokInfo {
    let mut t = TokInfo {
        hint,
        ..TokInfo::default()
    };
    let (mut h, mut shape) = (FNV_OFFSET, FNV_OFFSET);
    let (mut last_class, mut shape_len) = (0u8, 0);
    let (mut uppers, mut lowers) = (0usize, 0usize);
    for (k, &c) in word.iter().enumerate() {
        h = fnv_byte(h, c.to_ascii_lowercase());
        if k < 4 {
            t.prefix[k] = h;
        }
        let class = match c {
            b'A'..=b'Z' => {
                uppers += 1;
                b'X'
            }
            b'a'..=b'z' => {
                lowers += 1;
                b'x'
            }
            b'0'..=b'9' => b'd',
            b'-' | b'.' | b'\'' | b'&' | b'/' => c,
            _ => b'p',
        };
        if class != last_class && shape_len < 8 {
            shape = fnv_byte(shape, class);
            shape_len += 1;
            last_class = class;
        }
    }
    let n = word.len();
    t.word = h;
    t.shape = shape;
    for k in n..4 {
        t.prefix[k] = t.prefix[n.saturating_sub(1).min(3)];
    }
    let mut s = FNV_OFFSET;
    for (k, &c) in word.iter().rev().take(4).enumerate() {
        s = fnv_byte(s, c.to_ascii_lowercase());
        t.suffix[k] = s;
    }
    for k in n.min(4)..4 {
        t.suffix[k] = t.suffix[n.saturating_sub(1).min(3)];
    }
    let first = word.first().map(|&c| match c {
        b'A'..=b'Z' => b'X',
        b'a'..=b'z' => b'x',
        b'0'..=b'9' => b'd',
        _ => b'p',
    });
    t.caps = match first {
        Some(b'X') if n == 1 => Caps::Letter,
        Some(b'X') if lowers == 0 => Caps::Upper,
        Some(b'X') if uppers == 1 => Caps::Title,
        Some(b'X') => Caps::Mixed,
        Some(b'x') if uppers > 0 => Caps::LowerMixed,
        Some(b'x') => Caps::Lower,
        Some(b'd') => Caps::Digit,
        _ => Caps::Punct,
    } as u8;
    t
}

/// Calls `sink(token, feature_hash)` for every feature of every token of
/// the sentence. `infos` is scratch space (cleared and refilled). Missing
/// hints count as 0.
///
/// Templates (ids are hashed in; gaps are templates dropped after ablation
/// on the dev sets): bias; lowercased word; shape; prefixes and suffixes of
/// 1–4 chars; capitalisation with a sentence-initial flag; words and shapes
/// at −1 and +1; neighbour word × capitalisation; the word × the next word;
/// capitalisation at −1..+1;
/// hints × capitalisation; every hint bit at −2..+2; and, for a token in a
/// run of capitalised tokens, the run's length and the token's place in it,
/// the words just before and after the run, and its first and last words.
pub fn for_each_feature(
    words: &[&str],
    hints: &[u8],
    infos: &mut Vec<TokInfoBuf>,
    mut sink: impl FnMut(usize, u64),
) {
    infos.clear();
    infos.extend(
        words
            .iter()
            .enumerate()
            .map(|(i, w)| TokInfoBuf(summarize(w, hints.get(i).copied().unwrap_or(0)))),
    );
    mark_runs(infos);
    for i in 0..words.len() {
        token_features(infos, i, |h| sink(i, h));
    }
}

/// True for the capitalisation classes that make up runs (Title, Upper,
/// Mixed, Letter).
#[inline]
fn is_cap(t: &TokInfoBuf) -> bool {
    (1..=4).contains(&t.0.caps)
}

/// Fills `run` of every capitalised token of `infos` (see [`TokInfo`]).
fn mark_runs(infos: &mut [TokInfoBuf]) {
    // Runs of capitalised tokens: forward for starts, backward for ends.
    for i in 0..infos.len() {
        if is_cap(&infos[i]) {
            let start = if i > 0 && is_cap(&infos[i - 1]) {
                infos[i - 1].0.run.0
            } else {
                i as u32
            };
            infos[i].0.run.0 = start;
        }
    }
    let mut end = 0;
    for i in (0..infos.len()).rev() {
        if is_cap(&infos[i]) {
            if i + 1 >= infos.len() || !is_cap(&infos[i + 1]) {
                end = i as u32 + 1;
            }
            infos[i].0.run.1 = end;
        }
    }
}

/// Calls `f(feature_hash)` for every feature of token `i` of the sentence
/// summarised in `infos` (runs marked). The one list of templates, shared
/// by training ([`for_each_feature`]) and tagging ([`Model::tag`]); reads
/// `infos` within [`FEATURE_REACH`] of `i` and at the edges of `i`'s run only.
#[inline]
fn token_features(infos: &[TokInfoBuf], i: usize, mut f: impl FnMut(u64)) {
    word_features(&infos[i].0, &mut f);
    context_features(infos, i, f);
}

/// The first features [`token_features`] gives, in its order: those of the
/// token's own text alone (bias, word, shape, prefixes and suffixes), so
/// their sum can be kept per word ([`Scratch`]). Exactly
/// [`WORD_FEATURES`] of them.
#[inline]
fn word_features(c: &TokInfo, mut f: impl FnMut(u64)) {
    f(mix(0, 0, 0));
    f(mix(1, c.word, 0));
    f(mix(2, c.shape, 0));
    for k in 0..4 {
        f(mix(3 + k as u64, c.prefix[k], 0));
        f(mix(7 + k as u64, c.suffix[k], 0));
    }
}

/// Number of features [`word_features`] gives.
const WORD_FEATURES: i32 = 11;

/// The rest of [`token_features`]: those that read the position, the hints
/// or the neighbours.
#[inline]
fn context_features(infos: &[TokInfoBuf], i: usize, mut f: impl FnMut(u64)) {
    let at = |i: isize| -> &TokInfo {
        if i < 0 || i as usize >= infos.len() {
            &BOUNDARY
        } else {
            &infos[i as usize].0
        }
    };
    let ii = i as isize;
    // The farthest neighbours read are FEATURE_REACH (2) tokens away.
    let (p2, p1, c, n1, n2) = (at(ii - 2), at(ii - 1), at(ii), at(ii + 1), at(ii + 2));
    let mut f = |template: u64, a: u64, b: u64| f(mix(template, a, b));
    let caps = c.caps as u64;
    f(11, caps, (i == 0) as u64);
    f(12, p1.word, 0);
    f(13, n1.word, 0);
    f(16, p1.shape, 0);
    f(17, n1.shape, 0);
    f(18, p1.word, caps);
    f(19, n1.word, caps);
    f(
        20,
        p1.caps as u64 | (caps << 4) | ((n1.caps as u64) << 8),
        0,
    );
    f(23, c.hint as u64, caps);
    // Word bigram with the next word (`Universitas Nanzan`, `Aston Villa`).
    f(33, c.word, n1.word);
    if c.run.1 > 0 {
        let (start, end) = (c.run.0 as isize, c.run.1 as isize);
        let (len, pos) = ((end - start) as u64, (ii - start) as u64);
        f(25, len.min(5), pos.min(4) * 2 + (ii + 1 == end) as u64);
        f(26, at(start - 1).word, 0);
        f(27, at(end).word, 0);
        if pos > 0 {
            f(28, at(start).word, 0);
        }
        if ii + 1 < end {
            f(29, at(end - 1).word, 0);
        }
    }
    for (off, t) in [p2, p1, c, n1, n2].iter().enumerate() {
        let mut bits = t.hint;
        while bits != 0 {
            let b = bits.trailing_zeros() as u64;
            bits &= bits - 1;
            f(24, off as u64, b);
        }
    }
}

/// Scratch space for [`for_each_feature`]: one summary per token.
#[derive(Clone, Copy, Default)]
pub struct TokInfoBuf(TokInfo);

// ---------------------------------------------------------------------------
// Model file.

const MAGIC: &[u8; 4] = b"SNER";
/// Version 2 stores emission weights in offset binary (see [`EMIT_BIAS`]).
const FORMAT_VERSION: u8 = 2;
/// Emission weights are stored as `(w as u8) ^ EMIT_BIAS`, so a zero weight
/// is the byte `0x80`: the mostly-zero table then has no runs of zero bytes,
/// which wasm-opt would otherwise split into thousands of data segments
/// (measured: +92 KB gzipped in the wasm instead of +51 KB).
const EMIT_BIAS: u8 = 0x80;
const HEADER: usize = 8;
/// Transition rows: the start row, then one per previous tag.
const TRANS_ROWS: usize = NUM_TAGS + 1;
const TRANS_BYTES: usize = TRANS_ROWS * NUM_TAGS * 2;
const CHECKSUM: usize = 4;

/// Why a model file was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// Wrong magic bytes or format version.
    Format,
    /// Trained with another feature set version.
    Features(u8),
    /// Hash bits out of range (8..=24).
    Bits(u8),
    /// The length does not match the header.
    Length {
        /// Length expected from the header.
        expected: usize,
        /// Actual length.
        actual: usize,
    },
    /// The checksum does not match.
    Checksum,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::Format => write!(f, "not a Sorot NER model (magic/version)"),
            ModelError::Features(v) => {
                write!(
                    f,
                    "model built for feature set {v}, code has {FEATURES_VERSION}"
                )
            }
            ModelError::Bits(b) => write!(f, "hash bits {b} out of range 8..=24"),
            ModelError::Length { expected, actual } => {
                write!(f, "model is {actual} bytes, header says {expected}")
            }
            ModelError::Checksum => write!(f, "model checksum mismatch"),
        }
    }
}

impl std::error::Error for ModelError {}

fn fnv32(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    h
}

/// A quantised tagging model, borrowing its emission weights from the file
/// bytes.
///
/// File layout (little endian): `SNER`, format version, feature set
/// version, hash bits `b`, tag count (7); transition scores as `i16`, a
/// start row then one row per previous tag, 7 columns each; `2^b` rows of 7
/// `i8` emission weights, each stored as `(w as u8) ^ 0x80` (format 2);
/// FNV-1a 32 checksum of all preceding bytes.
#[derive(Clone, Debug)]
pub struct Model<'a> {
    bits: u8,
    trans: [[i32; NUM_TAGS]; TRANS_ROWS],
    /// The emission rows followed by the checksum, so that every row can be
    /// read as 8 bytes (its 7 weights and one ignored byte).
    emit: &'a [u8],
}

impl<'a> Model<'a> {
    /// Parses and checks a model file.
    pub fn parse(bytes: &'a [u8]) -> Result<Model<'a>, ModelError> {
        if bytes.len() < HEADER || &bytes[..4] != MAGIC || bytes[4] != FORMAT_VERSION {
            return Err(ModelError::Format);
        }
        if bytes[5] != FEATURES_VERSION {
            return Err(ModelError::Features(bytes[5]));
        }
        let bits = bytes[6];
        if !(8..=24).contains(&bits) {
            return Err(ModelError::Bits(bits));
        }
        if bytes[7] as usize != NUM_TAGS {
            return Err(ModelError::Format);
        }
        let emit_len = (1usize << bits) * NUM_TAGS;
        let expected = HEADER + TRANS_BYTES + emit_len + CHECKSUM;
        if bytes.len() != expected {
            return Err(ModelError::Length {
                expected,
                actual: bytes.len(),
            });
        }
        let (body, sum) = bytes.split_at(expected - CHECKSUM);
        if fnv32(body) != u32::from_le_bytes([sum[0], sum[1], sum[2], sum[3]]) {
            return Err(ModelError::Checksum);
        }
        let mut trans = [[0i32; NUM_TAGS]; TRANS_ROWS];
        for (k, pair) in body[HEADER..HEADER + TRANS_BYTES]
            .chunks_exact(2)
            .enumerate()
        {
            trans[k / NUM_TAGS][k % NUM_TAGS] = i16::from_le_bytes([pair[0], pair[1]]) as i32;
        }
        Ok(Model {
            bits,
            trans,
            emit: &bytes[HEADER + TRANS_BYTES..],
        })
    }

    /// Serialises a model: `trans` is the start row then one row per
    /// previous tag; `emit` holds `2^bits` rows of [`NUM_TAGS`] weights.
    ///
    /// # Panics
    /// If `bits` is outside 8..=24 or `emit` has the wrong length (a
    /// programming error of the trainer).
    pub fn encode(bits: u8, trans: &[[i16; NUM_TAGS]; TRANS_ROWS], emit: &[i8]) -> Vec<u8> {
        assert!((8..=24).contains(&bits), "hash bits out of range");
        assert_eq!(
            emit.len(),
            (1usize << bits) * NUM_TAGS,
            "emission table size"
        );
        let mut out = Vec::with_capacity(HEADER + TRANS_BYTES + emit.len() + CHECKSUM);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[FORMAT_VERSION, FEATURES_VERSION, bits, NUM_TAGS as u8]);
        for row in trans {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out.extend(emit.iter().map(|&w| w as u8 ^ EMIT_BIAS));
        let sum = fnv32(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Hash bits: the emission table has `2^bits` rows.
    pub fn bits(&self) -> u8 {
        self.bits
    }

    /// Tags one sentence; see [`tag`]. Same result as
    /// [`Model::tag_into`], with fresh buffers.
    pub fn tag(&self, words: &[&str], hints: &[u8]) -> Vec<Tag> {
        let mut out = Vec::new();
        self.tag_into(words, hints, &mut Scratch::default(), &mut out);
        out
    }

    /// Adds the emission row of every feature of token `i` to `score`.
    ///
    /// Rows are summed as stored (offset binary, `w + 128` in `0..=255`) in
    /// 16-bit lanes of two `u64`s, the even and the odd columns, with one
    /// 8-byte load per feature; the offsets are taken off once at the end.
    /// Exact while a token has at most [`MAX_TOKEN_FEATURES`] features
    /// (each lane then stays below `2^16`).
    #[inline]
    fn emit_token(&self, infos: &[TokInfoBuf], i: usize, score: &mut [i32; NUM_TAGS]) {
        self.emit_with(infos, i, self.word_lanes(&infos[i].0), score);
    }

    /// [`Model::emit_token`] given `own`, the [`Model::word_lanes`] of
    /// token `i`: the same sums in another order, so the same scores.
    #[inline]
    fn emit_with(&self, infos: &[TokInfoBuf], i: usize, own: Lanes, score: &mut [i32; NUM_TAGS]) {
        let mut lanes = own;
        context_features(infos, i, |h| self.add_row(&mut lanes, h));
        debug_assert!(lanes.count as usize <= MAX_TOKEN_FEATURES);
        for (k, s) in score.iter_mut().enumerate() {
            let half = if k % 2 == 0 { lanes.even } else { lanes.odd };
            let sum = ((half >> (16 * (k / 2))) & 0xffff) as i32;
            *s += sum - i32::from(EMIT_BIAS) * lanes.count;
        }
    }

    /// The lanes of the [`word_features`] of a token summarised as `c`.
    #[inline]
    fn word_lanes(&self, c: &TokInfo) -> Lanes {
        let mut lanes = Lanes::default();
        word_features(c, |h| self.add_row(&mut lanes, h));
        debug_assert_eq!(lanes.count, WORD_FEATURES);
        lanes
    }

    /// Adds the stored emission row of feature hash `h` to `lanes`.
    #[inline]
    fn add_row(&self, lanes: &mut Lanes, h: u64) {
        const LANES: u64 = 0x00ff_00ff_00ff_00ff;
        let row = (h >> (64 - self.bits as u32)) as usize * NUM_TAGS;
        let Some(w) = self.emit.get(row..row + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) else {
            return;
        };
        let x = u64::from_le_bytes(w);
        lanes.even += x & LANES;
        lanes.odd += (x >> 8) & LANES;
        lanes.count += 1;
    }

    /// Tags one sentence into `out` (cleared first; one tag per word),
    /// reusing the buffers of `scratch`; see [`tag`].
    ///
    /// Only tokens that may be in or next to a name are scored: those
    /// within [`WINDOW`] tokens of a token with an uppercase letter or a
    /// hint bit. Every other token is tagged [`Tag::O`], and each maximal
    /// stretch of scored tokens is decoded apart, entered from and left to
    /// `O` (exact whenever the whole-sentence decoding
    /// ([`Model::tag_ungated`]) tags those tokens `O`: `O` may follow and
    /// precede any tag).
    ///
    /// The summaries and the [`Model::word_lanes`] of the words read are
    /// kept in `scratch` from call to call (for this model only), so a
    /// word that comes back is summarised and scored on its own text once.
    pub fn tag_into<'m>(&self, words: &[&str], hints: &[u8], scratch: &mut Scratch<'m>, out: &mut Vec<Tag>)
    where
        'a: 'm,
    {
        let n = words.len();
        out.clear();
        out.resize(n, Tag::O);
        let scored = &mut scratch.scored;
        scored.clear();
        scored.resize(n, false);
        let mut any = false;
        for (i, w) in words.iter().enumerate() {
            if may_name(w, hints.get(i).copied().unwrap_or(0)) {
                scored[i.saturating_sub(WINDOW)..(i + WINDOW + 1).min(n)].fill(true);
                any = true;
            }
        }
        if !any {
            return;
        }
        // Summaries of the scored tokens and of the neighbours their features
        // read; the others stay default (not capitalised).
        let infos = &mut scratch.infos;
        infos.clear();
        infos.resize(n, TokInfoBuf::default());
        let own = &mut scratch.own;
        own.clear();
        own.resize(n, Lanes::default());
        if !scratch.memo_of.is_some_and(|e| std::ptr::eq(e, self.emit)) {
            scratch.memo.clear();
            scratch.memo.resize(MEMO_SLOTS, Memo::default());
            scratch.memo_of = Some(self.emit);
        }
        let mut done = 0;
        for i in 0..n {
            if scored[i] {
                let (lo, hi) = (i.saturating_sub(FEATURE_REACH).max(done), (i + FEATURE_REACH + 1).min(n));
                for j in lo..hi {
                    let (w, hint) = (words[j], hints.get(j).copied().unwrap_or(0));
                    if w.is_empty() || w.len() > MEMO_KEY {
                        infos[j] = TokInfoBuf(summarize(w, hint));
                        own[j] = self.word_lanes(&infos[j].0);
                        continue;
                    }
                    let memo = &mut scratch.memo[crate::context::text_slot(w, MEMO_SLOTS)];
                    if usize::from(memo.len) != w.len() || memo.key[..w.len()] != *w.as_bytes() {
                        let mut key = [0; MEMO_KEY];
                        key[..w.len()].copy_from_slice(w.as_bytes());
                        *memo = Memo { key, len: w.len() as u8, info: summarize(w, 0), lanes: None };
                    }
                    infos[j] = TokInfoBuf(TokInfo { hint, ..memo.info });
                    if scored[j] {
                        own[j] = *memo.lanes.get_or_insert_with(|| self.word_lanes(&memo.info));
                    }
                }
                done = done.max(hi);
            }
        }
        mark_runs(infos);
        let mut a = 0;
        while a < n {
            if !scored[a] {
                a += 1;
                continue;
            }
            let b = (a..n).find(|&j| !scored[j]).unwrap_or(n);
            let scores = &mut scratch.scores;
            scores.clear();
            scores.resize(b - a, [0; NUM_TAGS]);
            for (i, s) in (a..b).zip(scores.iter_mut()) {
                self.emit_with(infos, i, own[i], s);
            }
            decode(
                scores.as_flattened(),
                &self.trans,
                (a > 0, b < n),
                &mut scratch.back,
                &mut out[a..b],
            );
            a = b;
        }
    }

    /// Tags one sentence scoring every token and decoding it whole: the
    /// reference that [`Model::tag_into`]'s gating must agree with.
    pub fn tag_ungated(&self, words: &[&str], hints: &[u8]) -> Vec<Tag> {
        let mut infos = Vec::new();
        let mut scores = vec![[0i32; NUM_TAGS]; words.len()];
        for_each_feature(words, hints, &mut infos, |_, _| {});
        for (i, s) in scores.iter_mut().enumerate() {
            self.emit_token(&infos, i, s);
        }
        viterbi(scores.as_flattened(), &self.trans)
    }
}

/// Tokens scored on each side of a token that may be a name (see
/// [`Model::tag_into`]). Measured with this window: the CLI's output on the
/// NER dev sets is unchanged by gating; of the 32,006 PFSA sentences 10 get
/// other tags, each a lowercase word the ungated tagger read as a place
/// (`lorong`, `waduk`, `jembatan gantung`) that the gated one leaves `O`.
pub const WINDOW: usize = 2;

/// Most features [`token_features`] gives one token: 26 templates at most
/// once each, plus one per hint bit of the 5 tokens it reads (8 bits each).
/// [`Model::emit_token`]'s 16-bit lanes hold the sum of 257 stored weights.
const MAX_TOKEN_FEATURES: usize = 26 + 5 * 8;
const _: () = assert!(MAX_TOKEN_FEATURES * 255 < 1 << 16);

/// How far, in tokens, [`token_features`] reads on each side of a token
/// (the words, shapes and hints at `i - 2 ..= i + 2`).
const FEATURE_REACH: usize = 2;

/// May `word` (with hint bits `hint`) be part of a name: it has an
/// uppercase letter or a hint bit.
#[inline]
fn may_name(word: &str, hint: u8) -> bool {
    hint != 0
        || if word.is_ascii() {
            word.bytes().any(|b| b.is_ascii_uppercase())
        } else {
            word.chars().any(char::is_uppercase)
        }
}

/// Buffers reused across sentences by [`Model::tag_into`], and what it
/// keeps of the words it has read for the model `'m`.
#[derive(Default)]
pub struct Scratch<'m> {
    scored: Vec<bool>,
    infos: Vec<TokInfoBuf>,
    /// [`Model::word_lanes`] of each scored token (same index as `infos`).
    own: Vec<Lanes>,
    scores: Vec<[i32; NUM_TAGS]>,
    back: Vec<u8>,
    /// [`MEMO_SLOTS`] words (by [`crate::context::text_slot`]) with their
    /// summaries and, once scored, their lanes; empty before the first call.
    memo: Vec<Memo>,
    /// The emission table of the model the lanes in `memo` are of.
    memo_of: Option<&'m [u8]>,
}

/// Slots of [`Scratch::memo`] (a power of two).
const MEMO_SLOTS: usize = 2048;

/// Longest word, in bytes, that [`Scratch::memo`] keeps.
const MEMO_KEY: usize = 23;

/// One word of [`Scratch::memo`]: its bytes, its summary (`hint` 0, `run`
/// unmarked) and, once computed, its [`Model::word_lanes`]. `len` is never
/// 0 in a used slot.
#[derive(Clone, Copy, Default)]
struct Memo {
    key: [u8; MEMO_KEY],
    len: u8,
    info: TokInfo,
    lanes: Option<Lanes>,
}

/// Emission rows summed in 16-bit lanes (see [`Model::emit_token`]): the
/// even and the odd columns, and how many rows.
#[derive(Clone, Copy, Default)]
struct Lanes {
    even: u64,
    odd: u64,
    count: i32,
}

/// A score type for [`viterbi`]: `i32` at run time, `f32` in training.
pub trait Score: Copy + PartialOrd + std::ops::Add<Output = Self> {
    /// A score below any reachable path (marks BIO-invalid states).
    const UNREACHABLE: Self;
    /// Far below `UNREACHABLE`: `FAR` plus any transition score is at most
    /// `UNREACHABLE` (for `i32`, transitions of at most 2^29; the model's are
    /// `i16`).
    const FAR: Self;
}

impl Score for i32 {
    const UNREACHABLE: i32 = i32::MIN / 4;
    const FAR: i32 = i32::MIN / 2;
}

impl Score for f32 {
    const UNREACHABLE: f32 = -1e30;
    const FAR: f32 = f32::NEG_INFINITY;
}

/// `ALLOWED[p][t]`: may tag `t` follow tag `p`? Row 0 is the sentence start.
const ALLOWED: [[bool; NUM_TAGS]; TRANS_ROWS] = {
    let mut a = [[true; NUM_TAGS]; TRANS_ROWS];
    // I- tags (columns 2, 4, 6) only after B-/I- of their kind (rows 1 + tag).
    let mut t = 2;
    while t < NUM_TAGS {
        let mut p = 0;
        while p < TRANS_ROWS {
            a[p][t] = p == t || p == t + 1;
            p += 1;
        }
        t += 2;
    }
    a
};

/// `PREV[t]`: the range of previous tags `p` that [`ALLOWED`] lets tag `t`
/// follow (`ALLOWED[p + 1][t]`); checked at compile time to be exactly
/// that set, so [`viterbi`] scans only it, in the same order.
const PREV: [(usize, usize); NUM_TAGS] = {
    let mut r = [(0, 0); NUM_TAGS];
    let mut t = 0;
    while t < NUM_TAGS {
        let mut lo = 0;
        while lo < NUM_TAGS && !ALLOWED[lo + 1][t] {
            lo += 1;
        }
        let mut hi = lo;
        while hi < NUM_TAGS && ALLOWED[hi + 1][t] {
            hi += 1;
        }
        let mut p = hi;
        while p < NUM_TAGS {
            assert!(!ALLOWED[p + 1][t], "allowed previous tags must be contiguous");
            p += 1;
        }
        r[t] = (lo, hi);
        t += 1;
    }
    r
};

/// `PREV` as the literal ranges [`decode`] unrolls.
const _: () = {
    let want = [(0, 7), (0, 7), (1, 3), (0, 7), (3, 5), (0, 7), (5, 7)];
    let mut t = 0;
    while t < NUM_TAGS {
        assert!(PREV[t].0 == want[t].0 && PREV[t].1 == want[t].1, "decode's previous-tag ranges differ from PREV");
        t += 1;
    }
};

/// The best previous tag `p` in `LO..HI` for tag `t`: the first `p` with the
/// highest `reach[p] + trans[p + 1][t]` above [`Score::UNREACHABLE`];
/// `(UNREACHABLE, 0)` if there is none. `reach[p]` is the best score of `p`,
/// or [`Score::FAR`] (never chosen) where that is unreachable. Constant
/// bounds, so the loop unrolls.
#[inline(always)]
fn best_prev<S: Score, const LO: usize, const HI: usize>(
    reach: &[S; NUM_TAGS],
    trans: &[[S; NUM_TAGS]; TRANS_ROWS],
    t: usize,
) -> (S, u8) {
    let mut arg = (S::UNREACHABLE, 0);
    for p in LO..HI {
        let s = reach[p] + trans[p + 1][t];
        if s > arg.0 {
            arg = (s, p as u8);
        }
    }
    arg
}

/// Best BIO-valid tag sequence for per-token `scores` (`n × NUM_TAGS`) and
/// transition scores (start row, then one row per previous tag).
pub fn viterbi<S: Score>(scores: &[S], trans: &[[S; NUM_TAGS]; TRANS_ROWS]) -> Vec<Tag> {
    let mut out = vec![Tag::O; scores.len() / NUM_TAGS];
    decode(scores, trans, (false, false), &mut Vec::new(), &mut out);
    out
}

/// [`viterbi`] into `out` (`scores.len() / NUM_TAGS` tags), with `back` as
/// scratch. `edges.0`: the tokens follow an `O` (transition row of `O`
/// instead of the start row); `edges.1`: an `O` follows them (its
/// transition is added to the final scores).
fn decode<S: Score>(
    scores: &[S],
    trans: &[[S; NUM_TAGS]; TRANS_ROWS],
    edges: (bool, bool),
    back: &mut Vec<u8>,
    out: &mut [Tag],
) {
    let n = scores.len() / NUM_TAGS;
    if n == 0 {
        return;
    }
    back.clear();
    back.resize(n * NUM_TAGS, 0);
    let first = if edges.0 { Tag::O.index() + 1 } else { 0 };
    let mut best = [S::UNREACHABLE; NUM_TAGS];
    for t in 0..NUM_TAGS {
        if ALLOWED[first][t] {
            best[t] = scores[t] + trans[first][t];
        }
    }
    for (row, back_row) in scores.chunks_exact(NUM_TAGS).zip(back.chunks_exact_mut(NUM_TAGS)).skip(1) {
        // The previous tags of each tag, as PREV (checked there) spells out.
        let reach = best.map(|b| if b > S::UNREACHABLE { b } else { S::FAR });
        let args = [
            best_prev::<S, 0, NUM_TAGS>(&reach, trans, 0),
            best_prev::<S, 0, NUM_TAGS>(&reach, trans, 1),
            best_prev::<S, 1, 3>(&reach, trans, 2),
            best_prev::<S, 0, NUM_TAGS>(&reach, trans, 3),
            best_prev::<S, 3, 5>(&reach, trans, 4),
            best_prev::<S, 0, NUM_TAGS>(&reach, trans, 5),
            best_prev::<S, 5, 7>(&reach, trans, 6),
        ];
        let mut next = [S::UNREACHABLE; NUM_TAGS];
        for t in 0..NUM_TAGS {
            let (score, p) = args[t];
            if score > S::UNREACHABLE {
                next[t] = score + row[t];
                back_row[t] = p;
            }
        }
        best = next;
    }
    if edges.1 {
        for (t, b) in best.iter_mut().enumerate() {
            if *b > S::UNREACHABLE {
                *b = *b + trans[t + 1][Tag::O.index()];
            }
        }
    }
    let mut last = 0;
    for t in 1..NUM_TAGS {
        if best[t] > best[last] {
            last = t;
        }
    }
    for i in (0..n).rev() {
        out[i] = Tag::ALL[last];
        last = back[i * NUM_TAGS + last] as usize;
    }
}

static MODEL_BYTES: &[u8] = include_bytes!("../data/model/ner-id.bin");

/// The compiled-in Indonesian model, parsed on first use; the error if it
/// is unusable.
pub fn model() -> Result<&'static Model<'static>, &'static ModelError> {
    static MODEL: OnceLock<Result<Model<'static>, ModelError>> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(MODEL_BYTES)).as_ref()
}

/// Tags one sentence of tokens (texts as in the original, case kept) with
/// the compiled-in model. `hints` gives each token's `HINT_*` bits (see
/// [`hints`]); missing entries count as 0, extra ones are ignored.
///
/// The result has one tag per word and never has an I- tag that does not
/// continue a B-/I- tag of its kind. If the model is unusable, every tag is
/// [`Tag::O`].
pub fn tag(words: &[&str], hints: &[u8]) -> Vec<Tag> {
    tag_with(model().ok(), words, hints)
}

/// [`tag`] into `out` (cleared first), reusing the buffers of `scratch`
/// across sentences.
pub fn tag_into(words: &[&str], hints: &[u8], scratch: &mut Scratch<'static>, out: &mut Vec<Tag>) {
    match model() {
        Ok(m) => m.tag_into(words, hints, scratch, out),
        Err(_) => {
            out.clear();
            out.resize(words.len(), Tag::O);
        }
    }
}

/// Tags with `model`, or all [`Tag::O`] without one.
fn tag_with(model: Option<&Model>, words: &[&str], hints: &[u8]) -> Vec<Tag> {
    match model {
        Some(m) => m.tag(words, hints),
        None => vec![Tag::O; words.len()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A model whose bias row favours `bias_tag` everywhere, plus
    /// transitions that reward I-Org after O (which decoding must refuse).
    fn toy_model(bits: u8, bias_tag: Tag) -> Vec<u8> {
        let mut emit = vec![0i8; (1usize << bits) * NUM_TAGS];
        let bias_row = (mix(0, 0, 0) >> (64 - bits as u32)) as usize;
        emit[bias_row * NUM_TAGS + bias_tag.index()] = 50;
        let mut trans = [[0i16; NUM_TAGS]; TRANS_ROWS];
        trans[Tag::O.index() + 1][Tag::IOrg.index()] = 1000;
        trans[0][Tag::IOrg.index()] = 1000;
        Model::encode(bits, &trans, &emit)
    }

    fn assert_valid(tags: &[Tag]) {
        let mut prev = None;
        for &t in tags {
            assert!(t.can_follow(prev), "{t:?} after {prev:?} in {tags:?}");
            prev = Some(t);
        }
    }

    #[test]
    fn decoding_never_starts_inside_tag_after_o_or_other_kind() {
        let bytes = toy_model(8, Tag::IPer);
        let m = Model::parse(&bytes).unwrap();
        let words = ["a", "Bb", "Cc", ",", "dd", "Ee"];
        let tags = m.tag(&words, &[]);
        assert_valid(&tags);
        // Viterbi over random scores: always valid.
        let mut x: u32 = 12345;
        for n in 1..40 {
            let scores: Vec<i32> = (0..n * NUM_TAGS)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    (x % 200) as i32 - 100
                })
                .collect();
            let mut trans = [[0i32; NUM_TAGS]; TRANS_ROWS];
            for row in trans.iter_mut() {
                for v in row.iter_mut() {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    *v = (x % 300) as i32 - 100;
                }
            }
            let tags = viterbi(&scores, &trans);
            assert_eq!(tags.len(), n);
            assert_valid(&tags);
        }
    }

    #[test]
    fn emission_sums_equal_weight_by_weight_sums() {
        // Random weights over the whole i8 range, extremes included.
        let bits = 10;
        let mut x: u32 = 2024;
        let emit: Vec<i8> = (0..(1usize << bits) * NUM_TAGS)
            .map(|k| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                match k % 11 {
                    0 => -128,
                    1 => 127,
                    _ => x as i8,
                }
            })
            .collect();
        let bytes = Model::encode(bits, &[[0; NUM_TAGS]; TRANS_ROWS], &emit);
        let m = Model::parse(&bytes).unwrap();
        let words = ["Presiden", "Joko", "Widodo", "tiba", "di", "PT", "Kereta", "Api", "x", "."];
        // Every hint bit set: the most features a token can have.
        let hints = [0xff; 10];
        let mut infos = Vec::new();
        let mut naive = vec![[0i32; NUM_TAGS]; words.len()];
        for_each_feature(&words, &hints, &mut infos, |i, h| {
            let row = (h >> (64 - bits as u32)) as usize * NUM_TAGS;
            for k in 0..NUM_TAGS {
                naive[i][k] += i32::from(emit[row + k]);
            }
        });
        for (i, want) in naive.iter().enumerate() {
            let mut got = [0i32; NUM_TAGS];
            m.emit_token(&infos, i, &mut got);
            assert_eq!(&got, want, "token {i}");
        }
    }

    #[test]
    fn ascii_summaries_equal_char_by_char_summaries() {
        let mut words: Vec<String> = ["", "a", "Jakarta", "PBB", "iPhone", "Dr.", "M.Epid", "x-ray", "O'Neil", "AT&T", "1/2", "2024", "R2D2", "a_b~", "ABCDEFGHIJKLMNOPQRS", "aBcDeFgHiJ"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        words.extend((0x20u8..0x7f).map(|b| (b as char).to_string()));
        words.extend((0x20u8..0x7f).map(|b| format!("Ab{}9", b as char)));
        for w in &words {
            let (a, c) = (summarize_ascii(w.as_bytes(), 5), summarize_chars(w, 5));
            assert_eq!(
                (a.word, a.shape, a.prefix, a.suffix, a.caps, a.hint),
                (c.word, c.shape, c.prefix, c.suffix, c.caps, c.hint),
                "{w:?}"
            );
        }
    }

    /// The plain Viterbi recursion over every allowed previous tag, first
    /// best wins: what [`decode`] must equal.
    fn reference_decode(scores: &[i32], trans: &[[i32; NUM_TAGS]; TRANS_ROWS], edges: (bool, bool)) -> Vec<Tag> {
        let n = scores.len() / NUM_TAGS;
        let mut back = vec![[0usize; NUM_TAGS]; n];
        let first = if edges.0 { Tag::O.index() + 1 } else { 0 };
        let mut best = [i32::UNREACHABLE; NUM_TAGS];
        for t in 0..NUM_TAGS {
            if ALLOWED[first][t] {
                best[t] = scores[t] + trans[first][t];
            }
        }
        for i in 1..n {
            let mut next = [i32::UNREACHABLE; NUM_TAGS];
            for t in 0..NUM_TAGS {
                let mut arg = (i32::UNREACHABLE, 0);
                for p in 0..NUM_TAGS {
                    if ALLOWED[p + 1][t] && best[p] > i32::UNREACHABLE && best[p] + trans[p + 1][t] > arg.0 {
                        arg = (best[p] + trans[p + 1][t], p);
                    }
                }
                if arg.0 > i32::UNREACHABLE {
                    next[t] = arg.0 + scores[i * NUM_TAGS + t];
                    back[i][t] = arg.1;
                }
            }
            best = next;
        }
        if edges.1 {
            for (t, b) in best.iter_mut().enumerate() {
                if *b > i32::UNREACHABLE {
                    *b += trans[t + 1][Tag::O.index()];
                }
            }
        }
        let mut last = 0;
        for t in 1..NUM_TAGS {
            if best[t] > best[last] {
                last = t;
            }
        }
        let mut out = vec![Tag::O; n];
        for i in (0..n).rev() {
            out[i] = Tag::ALL[last];
            last = back[i][last];
        }
        out
    }

    #[test]
    fn decoding_equals_the_plain_recursion_ties_included() {
        let mut x: u32 = 777;
        let mut next = |m: u32| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x % m) as i32
        };
        let mut back = Vec::new();
        for n in 1..30 {
            for edges in [(false, false), (true, false), (false, true), (true, true)] {
                // Few distinct values, so that ties are common.
                let scores: Vec<i32> = (0..n * NUM_TAGS).map(|_| next(5) - 2).collect();
                let mut trans = [[0i32; NUM_TAGS]; TRANS_ROWS];
                for v in trans.iter_mut().flatten() {
                    *v = next(5) - 2;
                }
                let mut out = vec![Tag::O; n];
                decode(&scores, &trans, edges, &mut back, &mut out);
                assert_eq!(out, reference_decode(&scores, &trans, edges), "n {n} edges {edges:?}");
            }
        }
    }

    #[test]
    fn allowed_table_matches_can_follow() {
        for (p, row) in ALLOWED.iter().enumerate() {
            let prev = if p == 0 { None } else { Tag::from_index(p - 1) };
            for (t, &ok) in row.iter().enumerate() {
                assert_eq!(
                    ok,
                    Tag::ALL[t].can_follow(prev),
                    "{prev:?} -> {:?}",
                    Tag::ALL[t]
                );
            }
        }
    }

    #[test]
    fn viterbi_prefers_valid_continuation() {
        // Token 0 strongly B-Per, token 1 strongly I-Org: I-Org is invalid
        // after B-Per, so token 1 must be I-Per, B-Org or something valid.
        let mut scores = vec![0i32; 2 * NUM_TAGS];
        scores[Tag::BPer.index()] = 10;
        scores[NUM_TAGS + Tag::IOrg.index()] = 10;
        scores[NUM_TAGS + Tag::IPer.index()] = 5;
        let trans = [[0i32; NUM_TAGS]; TRANS_ROWS];
        assert_eq!(viterbi(&scores, &trans), vec![Tag::BPer, Tag::IPer]);
    }

    #[test]
    fn tiny_model_round_trips_through_the_file_format() {
        let bytes = toy_model(9, Tag::BLoc);
        let m = Model::parse(&bytes).unwrap();
        assert_eq!(m.bits(), 9);
        assert_eq!(m.trans[0][Tag::IOrg.index()], 1000);
        assert_eq!(m.trans[1][Tag::IOrg.index()], 1000);
        let mut trans16 = [[0i16; NUM_TAGS]; TRANS_ROWS];
        for (r, row) in m.trans.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                trans16[r][c] = *v as i16;
            }
        }
        let stored = &m.emit[..m.emit.len() - CHECKSUM];
        let emit: Vec<i8> = stored.iter().map(|&b| (b ^ EMIT_BIAS) as i8).collect();
        // Offset binary: the zero weights are stored as 0x80, never as 0.
        assert!(!stored.contains(&0));
        assert_eq!(Model::encode(m.bits(), &trans16, &emit), bytes);
        // The bias favours B-Loc: every scored token starts a place...
        assert_eq!(m.tag_ungated(&["x", "y"], &[0, 0]), vec![Tag::BLoc, Tag::BLoc]);
        assert_eq!(m.tag(&["X", "y"], &[0, 0]), vec![Tag::BLoc, Tag::BLoc]);
        // ...but with no uppercase letter or hint nearby a token is not scored.
        assert_eq!(m.tag(&["x", "y"], &[0, 0]), vec![Tag::O, Tag::O]);
        assert_eq!(m.tag(&["x", "y", "z", "w"], &[0, 0, 0, HINT_ROLE])[0], Tag::O);
        assert_eq!(m.tag(&["x", "y", "z", "w"], &[0, 0, 0, HINT_ROLE])[1], Tag::BLoc);
    }

    #[test]
    fn corrupt_models_are_rejected() {
        let good = toy_model(8, Tag::BPer);
        assert!(Model::parse(&good).is_ok());
        assert_eq!(Model::parse(&[]).unwrap_err(), ModelError::Format);
        let mut flipped = good.clone();
        flipped[HEADER + 3] ^= 1;
        assert_eq!(Model::parse(&flipped).unwrap_err(), ModelError::Checksum);
        let short = &good[..good.len() - 1];
        assert!(matches!(
            Model::parse(short),
            Err(ModelError::Length { .. })
        ));
        let mut features = good.clone();
        features[5] = FEATURES_VERSION.wrapping_add(1);
        assert_eq!(
            Model::parse(&features).unwrap_err(),
            ModelError::Features(features[5])
        );
    }

    #[test]
    fn unusable_model_tags_everything_outside() {
        let words = ["Joko", "Widodo", "di", "Jakarta"];
        let empty = Model::parse(&[]).ok();
        assert_eq!(tag_with(empty.as_ref(), &words, &[]), vec![Tag::O; 4]);
    }

    #[test]
    fn compiled_in_model_loads() {
        if let Err(e) = model() {
            panic!("data/model/ner-id.bin is unusable: {e}");
        }
    }

    #[test]
    fn empty_input_gives_empty_output() {
        assert!(tag(&[], &[]).is_empty());
        assert!(viterbi::<i32>(&[], &[[0; NUM_TAGS]; TRANS_ROWS]).is_empty());
    }

    #[test]
    fn mismatched_hints_are_tolerated() {
        let words = [
            "Menteri", "Luar", "Negeri", "Retno", "Marsudi", "tiba", "di", "Jakarta",
        ];
        let short = tag(&words, &[HINT_ROLE]);
        let zeros = tag(&words, &[HINT_ROLE, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(short, zeros);
        let long = tag(&words, &[0; 20]);
        assert_eq!(long.len(), words.len());
        assert_valid(&long);
    }

    #[test]
    fn trained_model_finds_common_names() {
        let words = [
            "Presiden", "Joko", "Widodo", "bertemu", "Gubernur", "Jawa", "Barat", "di", "Bandung",
            ".",
        ];
        let p = crate::profile::profile("id").unwrap();
        let tags = tag(&words, &hints(&words, p));
        let found = spans(&tags);
        assert!(found.contains(&(1, 3, ActorKind::Person)), "{tags:?}");
        assert!(found.contains(&(8, 9, ActorKind::Place)), "{tags:?}");
    }

    #[test]
    fn memoised_words_tag_as_fresh_ones_across_models_and_slot_collisions() {
        // `Kata` and `Kbta` share a memo slot; the toy models' tables differ.
        assert_eq!(crate::context::text_slot("Kata", MEMO_SLOTS), crate::context::text_slot("Kbta", MEMO_SLOTS));
        let (a, b) = (toy_model(8, Tag::BPer), toy_model(8, Tag::BOrg));
        let (a, b) = (Model::parse(&a).unwrap(), Model::parse(&b).unwrap());
        let long = "Abcdefghijklmnopqrstuvwxyz";
        let sentences: [&[&str]; 3] = [
            &["Kata", "Kbta", "Kata", "di", "Jakarta", "Kbta", "."],
            &["", "Kata", long, long, "kata", "Kbta"],
            &["Jakarta", "Kata", "Kata", "Kbta", "kbta"],
        ];
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        for m in [&a, &b, &a, model().expect("compiled-in model")] {
            for words in sentences {
                let hints = vec![0; words.len()];
                m.tag_into(words, &hints, &mut scratch, &mut out);
                assert_eq!(out, m.tag(words, &hints), "{words:?}");
                assert_eq!(out, m.tag_ungated(words, &hints), "{words:?}");
            }
        }
    }

    #[test]
    fn gated_tagging_equals_whole_sentence_decoding() {
        let p = crate::profile::profile("id").unwrap();
        let m = model().expect("compiled-in model");
        let sentences: [&[&str]; 4] = [
            &["Presiden", "Joko", "Widodo", "bertemu", "Gubernur", "Jawa", "Barat", "di", "Bandung", "."],
            &["ia", "mengatakan", "bahwa", "harga", "beras", "naik", "lagi", "minggu", "ini", "di", "pasar", "Senen", "menurut", "para", "pedagang", "kecil", "."],
            &["menurut", "menteri", "luar", "negeri", ",", "kata", "dia", ",", "semua", "baik", "saja"],
            &["kata", "dia", "kepada", "wartawan", "seusai", "rapat", "dengan", "Komisi", "I", "DPR", "RI"],
        ];
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        let mut gated_some = false;
        for words in sentences {
            let h = hints(words, p);
            m.tag_into(words, &h, &mut scratch, &mut out);
            assert_eq!(out, m.tag_ungated(words, &h), "{words:?}");
            assert_valid(&out);
            gated_some |= (0..words.len()).any(|i| {
                !(i.saturating_sub(WINDOW)..(i + WINDOW + 1).min(words.len())).any(|j| may_name(words[j], h[j]))
            });
        }
        assert!(gated_some, "no sentence has a token left unscored");
    }

    #[test]
    fn spans_read_any_sequence() {
        use Tag::*;
        let tags = [BPer, IPer, O, IOrg, IOrg, BLoc, BLoc, ILoc, IPer];
        assert_eq!(
            spans(&tags),
            vec![
                (0, 2, ActorKind::Person),
                (3, 5, ActorKind::Organization),
                (5, 6, ActorKind::Place),
                (6, 8, ActorKind::Place),
                (8, 9, ActorKind::Person),
            ]
        );
    }

    #[test]
    fn hints_mark_gazetteer_roles_and_heads() {
        let p = crate::profile::profile("id").unwrap();
        let words = [
            "Menteri",
            "Luar",
            "Negeri",
            "Korea",
            "Selatan",
            "dan",
            "Kementerian",
            "x",
        ];
        let h = hints(&words, p);
        assert_eq!(h.len(), words.len());
        assert_ne!(h[0] & HINT_ROLE, 0);
        assert_eq!(h[3] & HINT_PLACE, HINT_PLACE);
        assert_eq!(h[4] & HINT_PLACE, HINT_PLACE);
        assert_eq!(h[5] & (HINT_PLACE | HINT_ROLE), 0);
        assert_ne!(h[6] & HINT_ORG_HEAD, 0);
        assert_eq!(h[7], 0);
        assert!(hints(&[], p).is_empty());
    }

    #[test]
    fn hints_lowered_equal_hints_for_any_lowering_given() {
        let p = crate::profile::profile("id").unwrap();
        let words = ["Menteri", "Luar", "Negeri", "Korea", "Selatan", "ÖSTERREICH", "ΣΑΣ", "Jakarta", "kata"];
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let plain = hints(&words, p);
        assert_ne!(plain[0] & HINT_ROLE, 0);
        for k in 0..=words.len() {
            assert_eq!(hints_lowered(&words, &lower[..k], p), plain, "with {k} lowered words");
        }
    }

    #[test]
    fn hints_classed_equal_hints() {
        let p = crate::profile::profile("id").unwrap();
        let text = "Menteri Luar Negeri Korea Selatan dan Kementerian Keuangan bertemu Presiden Joko Widodo di Jakarta. \
                    Senin, Juru Bicara Polda Metro Jaya ÖSTERREICH ΣΑΣ mengatakan Kabupaten Bogor dan Universitas Indonesia siap.";
        let ctx = crate::context::Ctx::new(text, p);
        let n = ctx.tokens.len();
        let words: Vec<&str> = (0..n).map(|i| ctx.word(i)).collect();
        let lower: Vec<&str> = (0..n).map(|i| ctx.lower_at(i)).collect();
        let plain = hints(&words, p);
        assert!(plain.iter().any(|&h| h & HINT_ROLE != 0) && plain.iter().any(|&h| h & HINT_PLACE != 0));
        for k in [0, n / 2, n] {
            assert_eq!(hints_classed(&words, &lower, ctx.classes(0, k), p), plain, "with {k} classes given");
        }
    }

    #[test]
    fn features_do_not_depend_on_case_of_word_hash_but_on_shape() {
        let mut buf = Vec::new();
        let mut a = Vec::new();
        for_each_feature(&["Jakarta"], &[], &mut buf, |_, h| a.push(h));
        let mut b = Vec::new();
        for_each_feature(&["JAKARTA"], &[], &mut buf, |_, h| b.push(h));
        assert_eq!(a[1], b[1], "lowercased word feature differs");
        assert_ne!(a[2], b[2], "shape feature should differ");
        assert_eq!(summarize("Dr.", 0).caps, Caps::Title as u8);
        assert_eq!(summarize("PBB", 0).caps, Caps::Upper as u8);
        assert_eq!(summarize("iPhone", 0).caps, Caps::LowerMixed as u8);
        assert_eq!(summarize("é", 0).word, summarize("É", 0).word);
    }
}
