//! Actors: names found in the text, typed, given roles, and joined with
//! their aliases.
//!
//! Per sentence, a left-to-right reader builds **chunks**:
//!
//! - a role phrase (`Wakil Menteri Luar Negeri`, `juru bicara kementerian`),
//!   case-insensitive, which gives its role to the name after it, or stands
//!   alone as an office (`juru bicara tersebut`);
//! - a capitalised run (`Korea Selatan Chang Ho-jin`), cut into known
//!   gazetteer names, organization phrases (`Departemen Luar Negeri AS`)
//!   and unknown names.
//!
//! For Indonesian, the learned tagger (`tagger.rs`) reads each sentence
//! first: the rules consult it where shape alone cannot decide (a person's
//! name after an organization word), and afterwards its entities re-cut and
//! retype the rules' weaker chunks and add names the rules missed, while
//! gazetteer names, role-backed persons and bracket-defined bodies keep
//! their extent (see `Reader::reconcile`).
//!
//! Chunks are then joined into actors (union-find): same gazetteer group,
//! acronyms defined in brackets (`… Diperkuat (EDSCG)`), short names
//! (`Lim` → `Lim Soo-suk`), initials (`KPK` → `Komisi Pemberantasan
//! Korupsi`), and the same text in any case (`WASHINGTON` = `Washington`).

use crate::hash::{HashMap, HashSet};

use crate::context::Ctx;
use crate::profile::class;
use crate::document::ActorKind;
use crate::span::Span;
use crate::tagger;
use crate::tokens::TokenKind;

/// One actor found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorInfo {
    /// Display name: the gazetteer's name, else the longest mention.
    pub name: String,
    /// Kind.
    pub kind: ActorKind,
    /// Role of a person, as written (`juru bicara kementerian`).
    pub role: Option<String>,
    /// Titled forms of the name as written (`Komisaris Besar Yusri Yunus`).
    pub titled: Vec<String>,
}

/// One mention of an actor: a token range of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionInfo {
    /// Index into [`Cast::actors`].
    pub actor: usize,
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Bytes of the mention.
    pub span: Span,
}

/// A role phrase with no name after it: an office (`Menteri Luar Negeri
/// AS`) or a reference back to an earlier person (`juru bicara tersebut`).
#[derive(Clone, Debug, PartialEq)]
pub struct Office {
    /// First token of the role phrase.
    pub first: usize,
    /// One past the last token of the role phrase with its affiliation.
    pub end: usize,
    /// The role words, lowercased (`juru bicara`).
    pub role: String,
    /// The whole phrase as written (`Juru bicara Departemen Luar Negeri AS`).
    pub text: String,
    /// A demonstrative follows (`tersebut`, `itu`): it refers back.
    pub anaphoric: bool,
}

/// Everything actor recognition found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cast {
    /// Actors in order of first mention.
    pub actors: Vec<ActorInfo>,
    /// Mentions sorted by position; they never overlap.
    pub mentions: Vec<MentionInfo>,
    /// Role phrases with no name, sorted by position.
    pub offices: Vec<Office>,
    /// Mentions shifted so far by [`Cast::add_mention`] inserting before
    /// them (its work budget, see [`MAX_SHIFTED_MENTIONS`]).
    shifted: usize,
}

/// How many mentions [`Cast::add_mention`] may shift in all, one text, by
/// inserting before them. Past it, a mention that would land before others
/// is not added (the speaker is still found; only that phrase is not
/// highlighted as the holder's mention). A news article shifts a few
/// hundred; a hostile text of 100,000 `kata Presiden` cues would otherwise
/// shift billions (quadratic).
pub const MAX_SHIFTED_MENTIONS: usize = 1 << 24;

impl Cast {
    /// The mention that starts at or covers token `i`, if any.
    pub fn mention_at(&self, i: usize) -> Option<&MentionInfo> {
        let k = self.mentions.partition_point(|m| m.end <= i);
        self.mentions.get(k).filter(|m| m.first <= i)
    }

    /// The office whose phrase starts at or covers token `i`, if any.
    pub fn office_at(&self, i: usize) -> Option<&Office> {
        let k = self.offices.partition_point(|o| o.end <= i);
        self.offices.get(k).filter(|o| o.first <= i)
    }

    /// Adds an actor and returns its index.
    pub fn add_actor(&mut self, name: String, kind: ActorKind, role: Option<String>) -> usize {
        self.actors.push(ActorInfo { name, kind, role, titled: Vec::new() });
        self.actors.len() - 1
    }

    /// Adds a mention of `actor` over tokens `first..end` unless it would
    /// overlap an existing one; returns whether it was added.
    pub fn add_mention(&mut self, ctx: &Ctx, actor: usize, first: usize, end: usize) -> bool {
        let span = Span::new(ctx.tokens[first].span.start, ctx.tokens[end - 1].span.end);
        let k = self.mentions.partition_point(|m| m.span.start < span.start);
        let clash = |m: Option<&MentionInfo>| m.is_some_and(|m| m.span.overlaps(span));
        if clash(self.mentions.get(k)) || (k > 0 && clash(self.mentions.get(k - 1))) {
            return false;
        }
        let shift = self.mentions.len() - k;
        if self.shifted + shift > MAX_SHIFTED_MENTIONS {
            return false;
        }
        self.shifted += shift;
        self.mentions.insert(k, MentionInfo { actor, first, end, span });
        true
    }
}

/// How a chunk came to be typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Evidence {
    /// One capitalised word with no context: kept only if joined to another chunk.
    Weak,
    /// Two or more capitalised words, or an acronym.
    Shape,
    /// A role, honorific or organization word says what it is.
    Context,
    /// The gazetteer knows the name.
    Known,
}

#[derive(Clone, Debug)]
struct Chunk {
    first: usize,
    end: usize,
    kind: ActorKind,
    evidence: Evidence,
    group: Option<u32>,
    role: Option<String>,
    /// The name with the title right before it, as written (`Presiden Jokowi`).
    titled: Option<String>,
}

thread_local! {
    /// The tagger's buffers, kept from text to text: its memo of words
    /// summarised and scored ([`tagger::Scratch`]) is then fixed in size
    /// and serves every text, not one.
    static SCRATCH: std::cell::RefCell<tagger::Scratch<'static>> = Default::default();
}

/// Finds the actors of the text.
pub fn recognize(ctx: &Ctx) -> Cast {
    let mut reader = Reader {
        ctx,
        chunks: Vec::new(),
        aliases: Vec::new(),
        offices: Vec::new(),
        role_spans: Vec::new(),
        tags: Vec::new(),
        tags_from: 0,
        found: Vec::new(),
        words: Vec::new(),
        lowers: Vec::new(),
        scratch: SCRATCH.take(),
        lone_names: std::cell::OnceCell::new(),
    };
    for s in &ctx.layout.sentences {
        for (a, b) in windows(ctx, s.start, s.end) {
            reader.sentence(a, b);
        }
    }
    SCRATCH.set(std::mem::take(&mut reader.scratch));
    reader.unglue_bodies();
    reader.unglue_lone_names();
    reader.unglue_named_apart();
    reader.into_cast()
}

struct Reader<'c, 'a> {
    ctx: &'c Ctx<'a>,
    chunks: Vec<Chunk>,
    /// Pairs of chunk indexes that name the same actor (brackets).
    aliases: Vec<(usize, usize)>,
    offices: Vec<Office>,
    /// Token ranges read as a role phrase before a name (`Wakil Menteri
    /// Luar Negeri Korea Selatan` before `Chang Ho-jin`).
    role_spans: Vec<(usize, usize)>,
    /// The learned tagger's tags of the current sentence, from token `tags_from`.
    tags: Vec<crate::tagger::Tag>,
    tags_from: usize,
    /// The tagger's entities in the current sentence: token ranges and kinds.
    found: Vec<(usize, usize, ActorKind)>,
    /// The current sentence's words and the tagger's buffers, reused
    /// across sentences.
    words: Vec<&'a str>,
    /// The current sentence's lowercased words (same index as `words`).
    lowers: Vec<&'c str>,
    scratch: tagger::Scratch<'static>,
    /// Lowercased words the text names a speaker by alone (`kata Vivi.`),
    /// built on first use ([`Reader::named_alone`]).
    lone_names: std::cell::OnceCell<HashSet<&'c str>>,
}

/// Most tokens [`Reader::sentence`] reads at once. No sentence of news
/// comes near; a text without full stops may be one sentence of millions
/// of tokens, and reading one sentence costs more than linear time in
/// places (joining the rules' chunks with the tagger's), so a longer one is
/// read in windows ([`windows`]).
const MAX_WINDOW_TOKENS: usize = 400;

/// The windows sentence `start..end` is read in: consecutive, covering it
/// exactly, each at most [`MAX_WINDOW_TOKENS`] long and cut after a
/// punctuation token where one lies in its last quarter. One window for
/// any sentence up to that length.
fn windows(ctx: &Ctx, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity((end - start) / MAX_WINDOW_TOKENS + 1);
    let mut a = start;
    while a < end {
        let mut b = (a + MAX_WINDOW_TOKENS).min(end);
        if b < end {
            let floor = b - MAX_WINDOW_TOKENS / 4;
            if let Some(cut) = (floor..b).rev().find(|&t| ctx.tokens[t].kind == TokenKind::Punct) {
                b = cut + 1;
            }
        }
        out.push((a, b));
        a = b;
    }
    out
}

/// Longest role phrase, in tokens, that a name may follow past a bracket
/// (`Koordinator Koalisi Masyarakat Sipil (KMS) Medan-Sumut Miduk
/// Hutabarat` has 8 before the name).
const MAX_ROLE_TOKENS: usize = 24;

/// Fewest bytes of a person's short form that joins the name whose word
/// it begins (`Risma` → `Tri Rismaharini`); the rest of that word has at
/// least 3 bytes and opens with a letter (`Jokowi-Ma'ruf` is two people).
const MIN_SHORT_FORM: usize = 5;

/// Longest word, in bytes, whose short forms are indexed (longer ones are
/// no personal names; a 1 MB token would otherwise give a million keys).
const MAX_SHORT_FORM_WORD: usize = 24;

/// Lowercase words that may join capitalised words inside a body's name.
const ORG_CONNECTORS: &[&str] = &["dan", "untuk", "of", "and", "for", "&", "the", "on"];

impl Reader<'_, '_> {
    fn sentence(&mut self, start: usize, end: usize) {
        let before = self.chunks.len();
        let offices_before = self.offices.len();
        let aliases_before = self.aliases.len();
        self.found.clear();
        self.tags.clear();
        self.tags_from = start;
        if self.ctx.profile.tagged {
            let ctx = self.ctx;
            self.words.clear();
            self.words.extend((start..end).map(|i| ctx.word(i)));
            self.lowers.clear();
            self.lowers.extend((start..end).map(|i| ctx.lower_at(i)));
            let hints = tagger::hints_classed(&self.words, &self.lowers, ctx.classes(start, end), ctx.profile);
            tagger::tag_into(&self.words, &hints, &mut self.scratch, &mut self.tags);
            let mut found = std::mem::take(&mut self.found);
            for (a, b, k) in tagger::spans(&self.tags) {
                // A name never spans a bracket or a comma: `Joko Widodo (Jokowi)` is two.
                let mut from = a + start;
                for t in a + start..=b + start {
                    if t == b + start || (ctx.tokens[t].kind == TokenKind::Punct && !matches!(ctx.word(t), "." | "-" | "'" | "&" | "’")) {
                        if let Some(span) = self.tagged_name(from, t, k) {
                            found.push(span);
                        }
                        from = t + 1;
                    }
                }
            }
            self.found = found;
        }
        self.rules(start, end);
        if self.ctx.profile.tagged {
            self.reconcile(before, aliases_before);
        }
        self.named_offices(before, offices_before, end);
    }

    /// `Juru bicara Kementerian Luar Negeri, Teuku Faizasyah, mengatakan`:
    /// an office phrase of this sentence (from office index `offices_before`)
    /// followed by a comma and a person with no role, set off by a comma, a
    /// bracket or the sentence end, names its holder. The person takes the
    /// phrase as role, and the office is no unnamed holder.
    fn named_offices(&mut self, before: usize, offices_before: usize, end: usize) {
        let ctx = self.ctx;
        let mut k = offices_before;
        while k < self.offices.len() {
            let o = &self.offices[k];
            let at = o.end;
            let holder = (at + 1 < end && ctx.word(at) == ",")
                .then(|| self.chunks[before..].iter().position(|c| c.first == at + 1))
                .flatten()
                .map(|p| before + p)
                .filter(|&p| {
                    let c = &self.chunks[p];
                    // Not one of a list of places: `warga Kampung Kemuning, Rawa
                    // Bunga, Jatinegara`; after a resident's place the name is
                    // set off inside the sentence (`warga Kemuning, Rawa Bunga.`).
                    let listed = c.end + 1 < end && ctx.word(c.end) == "," && ctx.is_cap(c.end + 1) && !ctx.is_common(c.end + 1);
                    let resident = ctx.has(o.first + o.role.split(' ').count() - 1, class::RESIDENTS);
                    let closed = if resident { matches!(ctx.word(c.end), "," | "(") } else { c.end >= end || matches!(ctx.word(c.end), "," | "(" | "." | ";" | "!" | "?") };
                    c.kind == ActorKind::Person && c.role.is_none() && !listed && closed
                });
            match holder {
                Some(p) => {
                    let o = self.offices.remove(k);
                    self.chunks[p].role = Some(ctx.slice(o.first, o.end).to_string());
                }
                None => k += 1,
            }
        }
    }

    /// A tagger entity over tokens `a..b` made ready for the rules: edges
    /// that are not words dropped, and for a person the titles before the
    /// name and degrees after it (`Alumni Dr. Paripurna Sugarda`, `M.Epid`).
    fn tagged_name(&self, a: usize, b: usize, kind: ActorKind) -> Option<(usize, usize, ActorKind)> {
        let ctx = self.ctx;
        let (mut a, mut b) = trim_to_words(ctx, a, b)?;
        // A name never ends with a connector: `Dinas Kependudukan dan`.
        while b > a + 1 && ORG_CONNECTORS.contains(&ctx.lower_at(b - 1)) {
            b -= 1;
        }
        if (a..b).all(|t| self.title_token(t) || ctx.tokens[t].kind != TokenKind::Word) {
            return None;
        }
        if kind == ActorKind::Person {
            if let Some(t) = (a..b).rev().find(|&t| self.title_token(t)) {
                a = t + 1;
            }
            while a < b && ctx.tokens[a].kind != TokenKind::Word {
                a += 1;
            }
            while b > a && (ctx.has(b - 1, class::DEGREES) || ctx.tokens[b - 1].kind != TokenKind::Word) {
                b -= 1;
            }
        } else {
            // A body or place never ends with a rank: `Polda Sulut Komisaris
            // Besar` before a name is `Polda Sulut`. Courtesy words may
            // (`Keong Mas`, `Pancoran Mas`).
            if !ctx.has(b - 1, class::COURTESY) {
                b = self.without_end_titles(a, b);
            }
        }
        (a < b).then_some((a, b, kind))
    }

    /// The learned tagger's kind for token `i` of the current sentence, if
    /// it tags it as part of a name.
    fn tagged(&self, i: usize) -> Option<ActorKind> {
        i.checked_sub(self.tags_from).and_then(|k| self.tags.get(k)).and_then(|t| t.kind())
    }

    /// Reads the sentence `start..end` with the rules: roles, runs, brackets.
    fn rules(&mut self, start: usize, end: usize) {
        let ctx = self.ctx;
        let mut i = start;
        while i < end {
            if ctx.tokens[i].kind != TokenKind::Word {
                i += 1;
                continue;
            }
            if let Some(len) = self.role_len(i, end) {
                i = self.role(i, len, end);
            } else if ctx.is_cap(i) {
                i = self.run(i, end, None);
            } else {
                i += 1;
            }
        }
    }

    /// Joins the rules' chunks of the current sentence (from chunk index
    /// `before`) with the learned tagger's entities (`self.found`):
    ///
    /// - chunks backed by a role, a title or the gazetteer stay;
    /// - weaker ones take the tagger's kind where it agrees on the span, and
    ///   its span where it overlaps them, unless the tagger only adds title
    ///   or ordinary words to them (`Keamanan Internasional Bonnie Jenkins`);
    ///   a chunk the tagger sees nothing in goes, unless a bracket defines
    ///   it as an alias;
    /// - entities only the tagger sees are added, except inside an office
    ///   phrase and persons inside a role phrase.
    ///
    /// Bracket alias pairs of the sentence (`self.aliases[aliases_before..]`;
    /// every earlier pair points at chunks before `before`) follow their
    /// chunks. Only this sentence's pairs are read, so the cost per sentence
    /// does not grow with the article.
    fn reconcile(&mut self, before: usize, aliases_before: usize) {
        let ctx = self.ctx;
        let mut found = std::mem::take(&mut self.found);
        let rule_chunks = self.chunks.split_off(before);
        // A body or place the tagger runs into the first word of a name the
        // rules read after a role ends before it when the text names a
        // speaker by that word alone (`Ketua YABB Monica Oudang`, later
        // `kata Monica`; `Universitas Sam Ratulangi Flora Pricilia Kalalo`).
        for c in rule_chunks.iter().filter(|c| c.kind == ActorKind::Person && c.evidence >= Evidence::Context && c.role.is_some()) {
            for span in found.iter_mut() {
                let (a, b, kind) = *span;
                if kind != ActorKind::Person && a < c.first && c.first < b && b < c.end && self.named_alone(c.first) {
                    span.1 = self.without_end_titles(a, c.first);
                }
            }
        }
        found.retain(|&(a, b, _)| a < b);
        let aliased: Vec<usize> = self.aliases[aliases_before..].iter().flat_map(|&(x, y)| [x, y]).filter(|&x| x >= before).collect();
        // (rule chunk index, chunk)
        let rule_chunks_spans: Vec<(usize, usize)> = rule_chunks.iter().map(|c| (c.first, c.end)).collect();
        let known_spans: Vec<(usize, usize)> = rule_chunks.iter().filter(|c| c.evidence == Evidence::Known).map(|c| (c.first, c.end)).collect();
        // Persons the rules read right after a rank or honorific (`Komisaris
        // Besar Indra Darmawan Irianto`): the title says where the name
        // starts, so the tagger neither moves that start nor runs another
        // name into it (`Polda Sumut Komisaris Besar Indra` is no place).
        // Not after a head word: `RSUD Dr Soetomo`, `Stasiun Haji Nawi`,
        // `Jalan Jenderal Sudirman` name places.
        // The tagger may still lengthen the name to the right (`Jenderal
        // Khalid al-Sarayreh`): `(first, rule end, end)`.
        let ranked: Vec<(usize, usize, usize)> = rule_chunks
            .iter()
            .filter(|c| c.kind == ActorKind::Person && c.evidence >= Evidence::Context)
            .filter(|c| {
                let t = self.titles_before(c.first);
                // A descriptor that ends a body or place the rules closed
                // there is no head: `Kepolisian Daerah Jawa Timur Komisaris
                // Besar Gatot Repli Handoko`.
                let closed = |t: usize| rule_chunks.iter().any(|o| o.end == t && o.kind != ActorKind::Person);
                t < c.first
                    && !(t > 0
                        && (ctx.has(t - 1, class::ORG_HEADS | class::PLACE_HEADS) || (ctx.is_descriptive(t - 1) && !closed(t))))
            })
            .map(|c| {
                let longer = found.iter().filter(|&&(a, b, k)| k == ActorKind::Person && c.first <= a && a < c.end && b > c.end).map(|&(_, b, _)| b).max();
                (c.first, c.end, longer.unwrap_or(c.end))
            })
            .collect();
        // A tagger span with what overlaps a ranked person cut off, and then
        // the titles and punctuation left at its end.
        let clip = |(a0, b0, kind): (usize, usize, ActorKind)| {
            let (mut a, mut b) = (a0, b0);
            for &(x, _, y) in &ranked {
                if a < y && x < b {
                    if a < x {
                        b = x;
                    } else {
                        a = y.max(a);
                    }
                }
            }
            if (a, b) != (a0, b0) && b > a {
                b = self.without_end_titles(a, b);
            }
            (a < b).then_some((a, b, kind))
        };
        // Does the tagger's person `a..b` run the end of the role that
        // introduces the rules' person `c` into the name (`Kepala Seksi
        // Humas TMII Novera Mayang Sari`)? It starts inside the role, and
        // the word before `c` ends the
        // role: an inner word of a role, a body or gazetteer word, or an
        // acronym (not initials like `RZ`, and not before a one-word name).
        let runs_role_in = |c: &Chunk, (a, b): (usize, usize)| {
            let t = c.first.wrapping_sub(1);
            c.kind == ActorKind::Person
                && c.evidence >= Evidence::Context
                && c.role.is_some()
                && a < c.first
                && c.end <= b
                && self.role_spans.iter().rev().take(8).any(|&(x, y)| y == c.first && (x < a || (x == a && ctx.has(x, class::ROLE_STARTS))))
                && (ctx.has(t, class::ROLE_INNER_WORDS | class::ORG_HEADS | class::DESCRIPTORS | class::KNOWN)
                    || (ctx.is_acronym(t) && ctx.word(t).len() >= 3 && c.end - c.first >= 2))
        };
        // Such spans are refused for every chunk they overlap.
        let refused: Vec<(usize, usize)> = rule_chunks
            .iter()
            .flat_map(|c| found.iter().filter(|&&(a, b, k)| k == ActorKind::Person && runs_role_in(c, (a, b))).map(|&(a, b, _)| (a, b)))
            .collect();
        let mut kept: Vec<(Option<usize>, Chunk)> = Vec::with_capacity(rule_chunks.len() + found.len());
        for (ri, c) in rule_chunks.into_iter().enumerate() {
            let origin = Some(before + ri);
            if let Some(&(_, _, end)) = ranked.iter().find(|&&(x, y, _)| (x, y) == (c.first, c.end)) {
                kept.push((origin, Chunk { end, ..c }));
                continue;
            }
            let over: Vec<(usize, usize, ActorKind)> = found
                .iter()
                .copied()
                .filter(|&(a, b, _)| a < c.end && c.first < b && (!refused.contains(&(a, b)) || runs_role_in(&c, (a, b))))
                .collect();
            if c.evidence == Evidence::Known {
                // The tagger may lengthen a known name with capitalised words
                // (`Bandung Raya`, `Pelabuhan Tanjung Priok`, `AP II`) when no
                // other chunk of the rules stands there.
                let longer = match over[..] {
                    [(a, b, kind)] if a <= c.first && c.end <= b && (a, b) != (c.first, c.end) => {
                        let clear = |t: usize| t < c.first || t >= c.end;
                        let capitalised = (a..b).filter(|&t| clear(t)).all(|t| ctx.is_cap(t) || ctx.tokens[t].kind == TokenKind::Number);
                        let alone = !rule_chunks_spans.iter().any(|&(x, y)| (x, y) != (c.first, c.end) && x < b && a < y);
                        (capitalised && alone).then_some((a, b, kind))
                    }
                    _ => None,
                };
                match longer {
                    Some((a, b, kind)) => {
                        kept.push((origin, Chunk { first: a, end: b, kind, evidence: Evidence::Shape, group: None, role: None, titled: None }))
                    }
                    None => kept.push((origin, c)),
                }
                continue;
            }
            match over[..] {
                [] if c.evidence >= Evidence::Context || aliased.contains(&(before + ri)) => kept.push((origin, c)),
                [] => {}
                _ if c.kind == ActorKind::Place
                    && c.evidence >= Evidence::Context
                    && c.first > 0
                    && ctx.has(c.first - 1, class::RESIDENTS)
                    && over.iter().any(|&(a, _, _)| a < c.first) =>
                {
                    // The place a resident role names (`Warga Sidorejo,
                    // Nyartono`), which the tagger reads with the role as a name.
                    kept.push((origin, c));
                }
                [(a, b, kind)] if a == c.first && b == c.end => {
                    // Same span: the tagger types it, unless a title right before says "person".
                    let ruled = c.titled.is_some() || (c.evidence >= Evidence::Context && c.kind == ActorKind::Place);
                    let kind = if ruled { c.kind } else { kind };
                    kept.push((origin, Chunk { kind, evidence: c.evidence.max(Evidence::Shape), ..c }));
                }
                _ if c.evidence >= Evidence::Context
                    && c.kind == ActorKind::Organization
                    && (aliased.contains(&(before + ri))
                        || ((c.first..c.end).any(|t| !ctx.is_cap(t))
                            && over.iter().all(|&(a, b, k)| c.first < a && b <= c.end && k == ActorKind::Place))) =>
                {
                    // A body whose extent a bracketed acronym confirms (`… Diperkuat
                    // (EDSCG)`), or written partly in lowercase with its place
                    // (`Kementerian luar negeri Seoul`), which the tagger cannot see.
                    kept.push((origin, c));
                }
                _ if c.evidence >= Evidence::Context
                    && c.kind != ActorKind::Person
                    && (c.first..c.end).any(|t| ctx.word(t) == "/")
                    && over.iter().all(|&(a, b, _)| c.first <= a && b <= c.end) =>
                {
                    // A body named across a slash (`Kodam IX/Udayana`), which
                    // the tagger reads as two names.
                    kept.push((origin, c));
                }
                [(a, x, ActorKind::Organization), (y, b, ActorKind::Person)]
                    if c.evidence >= Evidence::Context
                        && c.kind == ActorKind::Organization
                        && ctx.has(c.first, class::ORG_HEADS)
                        && (a, x, b) == (c.first, y, c.end)
                        && !(c.first.saturating_sub(4)..c.end).any(|t| ctx.has(t, class::ROLE_STARTS))
                        && !self.named_alone(y) =>
                {
                    // The tagger cuts the last words off a body the rules read
                    // from its head word as a person's name, with no role
                    // near to say so and no speaker named by its first word
                    // alone: `PT Salma Arowana Lestari` is one company.
                    kept.push((origin, c));
                }
                _ if c.evidence >= Evidence::Context
                    && c.kind == ActorKind::Person
                    && over.iter().all(|&(a, b, k)| c.first <= a && b <= c.end && k == ActorKind::Person)
                    && (over.len() > 1 || {
                        // The words the tagger leaves out are name words, and
                        // the first of them names someone alone (`kata Tri`
                        // for `Tri Yunus Miko Wahyono`).
                        let out: Vec<usize> = (c.first..c.end).filter(|&t| !over.iter().any(|&(a, b, _)| a <= t && t < b)).collect();
                        // Or only the name's last words, after a role (`Koordinator
                        // Nasional JPPR Nurlia Dian Paramita`).
                        let tail = c.role.is_some() && over.len() == 1 && over[0].0 == c.first;
                        out.iter().all(|&t| is_name_word(ctx, t) && !ctx.has(t, class::PLACE_HEADS))
                            && (tail || out.first().is_some_and(|&t| self.named_alone(t)))
                    }) =>
                {
                    // One speaker's name the tagger cuts in two (`kata Prasetio
                    // Edi Marsudi`), or shortens by words the text also names
                    // someone by alone (`Staf Ahli … Vivi Yulaswati`, later
                    // `kata Vivi`): the role or verb the rules read it by says
                    // where the name is.
                    kept.push((origin, c));
                }
                _ if c.evidence >= Evidence::Context
                    && over.iter().any(|&(a, b, _)| known_spans.iter().any(|&(x, y)| x < b && a < y && (y <= c.first || c.end <= x))) =>
                {
                    // The tagger runs a gazetteer name into a name the rules
                    // read from context: `Juru bicara Kremlin Dmitry Peskov`
                    // is the body and the person, not one body.
                    kept.push((origin, c));
                }
                [(a, b, ActorKind::Person)] if runs_role_in(&c, (a, b)) => {
                    // The tagger runs the end of the role into the name the
                    // role introduces: `Kepala Seksi Humas TMII Novera Mayang
                    // Sari` is no person `Humas TMII …`.
                    kept.push((origin, Chunk { end: b, ..c }));
                }
                [(a, b, _)]
                    if c.kind == ActorKind::Person
                        && c.evidence >= Evidence::Shape
                        && a <= c.first
                        && c.end <= b
                        && self.only_titles(a, c.first)
                        && self.only_titles(c.end, b) =>
                {
                    // The tagger only adds title or ordinary words: `Keamanan Internasional Bonnie Jenkins`.
                    kept.push((origin, c));
                }
                _ => {
                    for (a, b, kind) in over.iter().copied().filter_map(clip) {
                        let role = match kind {
                            ActorKind::Person if c.first <= a && b <= c.end && c.role.is_some() => c.role.clone(),
                            // The tagger's name starts inside the rules' role
                            // (`… Kolonel (Czi) IGN Suriastawa`): the role ends
                            // before it and its titles.
                            ActorKind::Person => self
                                .role_spans
                                .iter()
                                .rev()
                                .take(8)
                                .find(|&&(x, y)| x < a && a < y && y < b && self.role_len(x, a).is_some())
                                .and_then(|&(x, _)| {
                                    let e = self.without_end_titles(x, a);
                                    (x < e).then(|| role_text(ctx, x, e))
                                })
                                .or_else(|| self.role_before(a)),
                            _ => None,
                        };
                        let evidence = if c.evidence >= Evidence::Context && kind == c.kind { c.evidence } else { Evidence::Shape };
                        kept.push((origin, Chunk { first: a, end: b, kind, evidence, group: None, role, titled: None }));
                    }
                }
            }
        }
        for &(a, b, kind) in &found {
            if kept.iter().any(|(_, c)| a < c.end && c.first < b) || self.in_office(a, b) {
                continue;
            }
            if kind == ActorKind::Person && self.role_spans.iter().rev().take(8).any(|&(x, y)| x <= a && b <= y) {
                continue;
            }
            // Nor a company's tail words alone: `(Persero) Tbk`.
            if (a..b).all(|t| ctx.is_common(t) || !ctx.is_cap(t) || ctx.has(t, class::ORG_TAILS)) || self.common_phrase(a, b) {
                continue;
            }
            let role = if kind == ActorKind::Person { self.role_before(a) } else { None };
            kept.push((None, Chunk { first: a, end: b, kind, evidence: Evidence::Shape, group: None, role, titled: None }));
        }
        // Personal names have no digits: `Hwasong-11`, `Su-35` are things.
        kept.retain(|(_, c)| c.kind != ActorKind::Person || c.evidence == Evidence::Known || !(c.first..c.end).any(|t| ctx.word(t).chars().any(|ch| ch.is_ascii_digit())));
        kept.sort_by_key(|(_, c)| c.first);
        kept.dedup_by(|b, a| b.1.first < a.1.end);
        // Alias pairs point at chunk indexes: move this sentence's to the new ones.
        let new_index = |x: usize| kept.iter().position(|(o, _)| *o == Some(x)).map(|k| before + k);
        let ours = self.aliases.split_off(aliases_before);
        self.aliases.extend(ours.into_iter().filter_map(|(x, y)| {
            let x = if x < before { Some(x) } else { new_index(x) }?;
            let y = if y < before { Some(y) } else { new_index(y) }?;
            Some((x, y))
        }));
        self.chunks.extend(kept.into_iter().map(|(_, c)| c));
        self.found = found;
    }

    /// True when the text also names a speaker by token `t`'s word alone:
    /// capitalised, next to a speech verb, with no capitalised word on
    /// either side (`kata Vivi.`, `Gatot menambahkan`). One pass over the
    /// tokens, on first use.
    fn named_alone(&self, t: usize) -> bool {
        let ctx = self.ctx;
        let lone = self.lone_names.get_or_init(|| {
            let n = ctx.tokens.len();
            let lower_word = |i: usize| ctx.tokens[i].kind == TokenKind::Word && !ctx.is_cap(i);
            let verb = |i: usize| lower_word(i) && is_speech_verb(ctx, i);
            (0..n)
                .filter(|&i| {
                    ctx.is_cap(i)
                        && ctx.tokens[i].kind == TokenKind::Word
                        && !(i > 0 && ctx.is_cap(i - 1))
                        && !(i + 1 < n && ctx.is_cap(i + 1))
                        && ((i > 0 && verb(i - 1)) || (i + 1 < n && verb(i + 1)))
                })
                .map(|i| &ctx.lower[i])
                .collect()
        });
        lone.contains(&ctx.lower[t])
    }

    /// First token of the honorifics and ranks (with their dots) that end
    /// right before token `a` (`Ajun Komisaris Besar`, `Dr.`); `a` if none.
    fn titles_before(&self, a: usize) -> usize {
        let ctx = self.ctx;
        let mut h = a;
        loop {
            if h > 0 && ctx.word(h - 1) == "." && self.title_token(h - 1) {
                h -= 1;
                continue;
            }
            match ctx.profile.honorific_before(&ctx.lower, 0, h) {
                0 => return h,
                n => h -= n,
            }
        }
    }

    /// The end of span `a..b` with the honorifics and ranks at its end
    /// ([`Reader::titles_before`]) and then its trailing punctuation and
    /// quotation marks taken off; never before `a`.
    fn without_end_titles(&self, a: usize, b: usize) -> usize {
        let ctx = self.ctx;
        let mut b = self.titles_before(b).max(a);
        while b > a && matches!(ctx.tokens[b - 1].kind, TokenKind::Punct | TokenKind::Quote) {
            b -= 1;
        }
        b
    }

    /// Number of tokens (3 or 4) of a rank's corps in brackets at token
    /// `j`, before `end`: after a rank that ends at `j` and starts at `lo`
    /// or later, and before a capitalised word (`Mayjen (Purn.) Bambang`);
    /// 0 if none.
    fn corps_before_name(&self, lo: usize, j: usize, end: usize) -> usize {
        let ctx = self.ctx;
        let n = ctx.profile.bracketed_len(&ctx.lower, j, end);
        if n > 0 && j + n < end && ctx.is_cap(j + n) && ctx.profile.honorific_before(&ctx.lower, lo, j) > 0 {
            n
        } else {
            0
        }
    }

    /// True when token `t` is an honorific or degree (`Dr`, `H.`, `S.H.`,
    /// `M.Epid`), the second word of a two-word rank (`Brigjen Pol`), or the
    /// dot right after one (`Dr` `.`).
    fn title_token(&self, t: usize) -> bool {
        let ctx = self.ctx;
        let w = &ctx.lower[t];
        if w == "." {
            return t > 0
                && ctx.tokens[t - 1].span.end == ctx.tokens[t].span.start
                && ctx.has(t - 1, class::HONORIFICS | class::DEGREES);
        }
        ctx.has(t, class::HONORIFICS | class::DEGREES)
            || ctx.is_two_word_honorific(t)
            // A rank's corps in brackets: the `Czi` of `Kolonel (Czi)`.
            || (ctx.has(t, class::BRACKETED)
                && t > 1
                && &ctx.lower[t - 1] == "("
                && ctx.profile.honorific_before(&ctx.lower, 0, t - 1) > 0)
    }

    /// True when every token of `a..b` is lowercase, ordinary or a title
    /// word (never a name's own word).
    fn only_titles(&self, a: usize, b: usize) -> bool {
        let ctx = self.ctx;
        let p = ctx.profile;
        (a..b).all(|t| {
            let w = &ctx.lower[t];
            ctx.tokens[t].kind != TokenKind::Number
                && (!ctx.is_cap(t) || p.common_caps.contains(w) || p.is_descriptive(w) || p.honorifics.contains(w) || p.is_role_start(w))
        })
    }

    /// True when tokens `a..b`, two or more, are a phrase listed as common
    /// (`Idul Fitri`, `Tahun Baru`): a name, but no actor.
    fn common_phrase(&self, a: usize, b: usize) -> bool {
        let ctx = self.ctx;
        b - a > 1 && ctx.profile.common_caps.contains(ctx.lower.join(a, b))
    }

    /// True when tokens `a..b` lie inside an office phrase read in this sentence.
    fn in_office(&self, a: usize, b: usize) -> bool {
        self.offices.iter().rev().take(8).any(|o| o.first <= a && b <= o.end)
    }

    /// Length in tokens of the longest role phrase at `i`.
    fn role_len(&self, i: usize, end: usize) -> Option<usize> {
        // Most words start no role: one bit test instead of a lookup.
        if !self.ctx.has(i, class::ROLE_STARTS) {
            return None;
        }
        self.ctx.profile.role_len(&self.ctx.lower, i, end)
    }

    /// Reads a role phrase at `i` and what follows it; returns the next token.
    fn role(&mut self, i: usize, len: usize, end: usize) -> usize {
        let ctx = self.ctx;
        let mut j = i + len;
        // Lowercase words that continue the role: `juru bicara kementerian`.
        while j < end
            && ctx.tokens[j].kind == TokenKind::Word
            && !ctx.is_cap(j)
            && self.continues_role(j, end)
        {
            j += 1;
        }
        // A rank's second word (`Brigjen Pol`, `Kombes Pol.`), its corps in
        // brackets (`Mayjen (Purn.)`) and honorifics between the role and
        // the name (`Menteri Dr. Ahmad`) are not names.
        loop {
            let two = j < end && ctx.is_two_word_honorific(j);
            if two || (j < end && self.title_token(j)) {
                j += 1;
                continue;
            }
            // The role's short form in brackets: `Direktur Utama (Dirut) PO NPM Angga …`.
            if j + 2 < end && ctx.word(j) == "(" {
                if let Some(n) = self.role_len(j + 1, end).filter(|&n| j + 1 + n < end && ctx.word(j + 1 + n) == ")") {
                    j += n + 2;
                    continue;
                }
            }
            match self.corps_before_name(i, j, end) {
                0 => break,
                n => j += n,
            }
        }
        if j < end && (ctx.is_cap(j) || ctx.is_acronym(j)) {
            let before = self.chunks.len();
            let next = self.run(j, end, Some(i));
            // `kata warga Temon`: after a resident role a lone unknown word
            // names the place, and the resident is unnamed (`Mulyadi, warga
            // Temon` gives Mulyadi that role).
            if ctx.has(i + len - 1, class::RESIDENTS) && self.chunks.len() == before + 1 {
                let c = &mut self.chunks[before];
                if c.first == j && (c.end == j + 1 || ctx.has(j, class::PLACE_HEADS)) && c.kind == ActorKind::Person && c.evidence < Evidence::Known {
                    (c.kind, c.evidence, c.role, c.titled) = (ActorKind::Place, Evidence::Context, None, None);
                    let place = self.chunks.pop();
                    self.appositive(i, next);
                    self.chunks.extend(place);
                }
            }
            // Named: a person read with the role, or a known person right
            // after it (`Mantan Presiden SBY`).
            let named = self.chunks[before..].iter().any(|c| c.role.is_some() || (c.first == j && c.kind == ActorKind::Person));
            if !named {
                self.office(i, len, next);
            }
            return next;
        }
        self.office(i, len, j);
        self.appositive(i, j);
        j
    }

    /// A role phrase `first..end` set off by a comma right after a person's
    /// name is that person's role: `Lim Soo-suk, juru bicara kementerian`.
    fn appositive(&mut self, first: usize, end: usize) {
        let ctx = self.ctx;
        if first < 2 || ctx.word(first - 1) != "," || ctx.is_cap(first) && ctx.starts_sentence(first) {
            return;
        }
        let sentence_start = ctx.layout.sentences[ctx.layout.sentence_of[first] as usize].start;
        if let Some(last) = self.chunks.last_mut() {
            if last.end == first - 1 && last.first >= sentence_start && last.kind == ActorKind::Person && last.role.is_none() {
                last.role = Some(ctx.slice(first, end).to_string());
            }
        }
    }

    /// Records the office phrase `first..end` whose role is its first
    /// `role_len` tokens; a connector the run ended on (`Menteri Luar Negeri
    /// AS dan para menteri`) is no part of it.
    fn office(&mut self, first: usize, role_len: usize, end: usize) {
        let ctx = self.ctx;
        let mut end = end;
        while end > first + role_len
            && (ORG_CONNECTORS.contains(&ctx.lower_at(end - 1)) || ctx.has(end - 1, class::NAME_CONNECTORS))
        {
            end -= 1;
        }
        let anaphoric = ctx.has(end, class::DEMONSTRATIVES);
        self.offices.push(Office {
            first,
            end,
            role: ctx.lower.join(first, first + role_len).to_string(),
            text: ctx.slice(first, end).to_string(),
            anaphoric,
        });
    }

    /// Reads a capitalised run at `start`; `role_from` is the first token of
    /// a role phrase right before it. Returns the next token to read.
    fn run(&mut self, start: usize, end: usize, role_from: Option<usize>) -> usize {
        let ctx = self.ctx;
        // 1. The run: capitalised words, with connectors between them; an
        // ordinary word opening it (`Kata Komisaris …`) is not part of it.
        let run_start = start;
        let mut start = start;
        while start + 1 < end
            && ctx.is_cap(start + 1)
            && ctx.is_common(start)
            && !ctx.has(start, class::KNOWN)
            && !ctx.has(start, class::ORG_HEADS)
            && !ctx.has(start, class::PLACE_HEADS)
            && !ctx.has(start, class::HONORIFICS)
            && !ctx.has(start, class::ROLE_STARTS)
            && role_from.is_none()
        {
            start += 1;
        }
        // `Menurut Kepala Humas Unesa Vinda …`: past the ordinary word, a role.
        if role_from.is_none() && start > run_start {
            if let Some(len) = self.role_len(start, end) {
                return self.role(start, len, end);
            }
        }
        let mut k = start;
        let mut has_org_head = false;
        while k < end {
            if ctx.is_cap(k) || (ctx.tokens[k].kind == TokenKind::Number && k > start) {
                has_org_head |= ctx.has(k, class::ORG_HEADS);
                k += 1;
                continue;
            }
            // A unit's number and name, written solid across a slash:
            // `Kodam IX/Udayana`, `Korem 132/Tadulako` (`TNI/Polri` is two).
            let numbered = |t: usize| ctx.tokens[t].kind == TokenKind::Number || ctx.word(t).bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'));
            if ctx.word(k) == "/" && k > start && k + 1 < end && ctx.is_cap(k + 1) && numbered(k - 1) && !ctx.has(k + 1, class::ROLE_STARTS)
                && ctx.tokens[k - 1].span.end == ctx.tokens[k].span.start
                && ctx.tokens[k].span.end == ctx.tokens[k + 1].span.start
            {
                k += 1;
                continue;
            }
            // An initial's dot inside a name: `Teguh P. Nugroho`.
            if ctx.word(k) == "." && k > start && k + 1 < end && ctx.is_cap(k + 1) && ctx.word(k - 1).chars().count() == 1
                && ctx.tokens[k - 1].span.end == ctx.tokens[k].span.start
            {
                k += 1;
                continue;
            }
            // A rank's corps in brackets: `Mayjen (Purn.) Bambang Suryo Aji`.
            if k > start {
                let n = self.corps_before_name(start, k, end);
                if n > 0 {
                    k += n;
                    continue;
                }
            }
            // A title between a role and the name, written small or with
            // its dot: `Kepala Dinas Kesehatan Banyuwangi dr Widji Lestariono`.
            let titled_name = |m: usize| m < end && ctx.is_cap(m) && !self.title_token(m);
            if role_from.is_some() && k > start && self.title_token(k) && (titled_name(k + 1) || (k + 1 < end && self.title_token(k + 1) && titled_name(k + 2))) {
                k += 1;
                continue;
            }
            let joins = ctx.tokens[k].kind == TokenKind::Word
                && k + 1 < end
                && ctx.is_cap(k + 1)
                && (ctx.has(k, class::NAME_CONNECTORS)
                    || ((has_org_head || role_from.is_some()) && ORG_CONNECTORS.contains(&ctx.lower_at(k))))
                // `Jaksa Agung Prasetyo dan Menhub Jonan`: a second titled person, not one name.
                && !(ctx.has(k + 1, class::ROLE_STARTS) && self.role_len(k + 1, end).is_some());
            // `Kementerian luar negeri Seoul`: lowercase descriptors after an organization word.
            let org_tail = has_org_head
                && ctx.tokens[k].kind == TokenKind::Word
                && (ctx.has(k, class::DESCRIPTORS) || ctx.has(k, class::ORG_HEADS))
                && (k + 1..end.min(k + 3)).any(|m| ctx.is_cap(m));
            if joins || org_tail {
                k += 1;
            } else {
                break;
            }
        }
        // Drop trailing connectors and numbers.
        while k > start + 1 && !ctx.is_cap(k - 1) {
            k -= 1;
        }
        // All-caps headlines are not names.
        if k - start > 4 && (start..k).all(|t| ctx.is_acronym(t)) {
            return k;
        }
        self.segment(start, k, role_from);
        // A company's legal form in brackets, and the tail words after it,
        // are the company's own, no alias (one alias `Persero` would join
        // every state company of the text): `PT Bank Mandiri (Persero) Tbk`.
        if k + 2 < end && ctx.word(k) == "(" && ctx.has(k + 1, class::ORG_TAILS) && ctx.word(k + 2) == ")" {
            let mut next = k + 3;
            while next < end && ctx.is_cap(next) && ctx.has(next, class::ORG_TAILS) {
                next += 1;
            }
            return self.after_bracket(next, end, role_from);
        }
        // 2. A bracket right after the run defines an alias: `Dewan Keamanan PBB (DK PBB)`.
        // A bracket opening with a role describes, it does not rename: the
        // role goes to the person before it (`Djarot Saiful Hidayat (Wagub DKI)`).
        let bracket_role = k + 2 < end && ctx.word(k) == "(" && self.role_len(k + 1, end).is_some();
        if bracket_role {
            let close = (k + 1..end.min(k + 10)).find(|&t| ctx.word(t) == ")");
            if let (Some(close), Some(last)) = (close, self.chunks.last_mut()) {
                if last.end == k && last.kind == ActorKind::Person && last.role.is_none() {
                    last.role = Some(ctx.slice(k + 1, close).to_string());
                }
            }
        }
        if k + 2 < end && ctx.word(k) == "(" && (ctx.is_cap(k + 1) || ctx.is_acronym(k + 1)) && !bracket_role {
            let close = (k + 1..end.min(k + 8)).find(|&t| ctx.word(t) == ")");
            if let Some(close) = close {
                let outer = self.chunks.len().checked_sub(1);
                let before = self.chunks.len();
                self.segment(k + 1, close, None);
                if let (Some(o), true) = (outer, self.chunks.len() == before + 1) {
                    if self.chunks[o].end == k {
                        let inner = before;
                        // An acronym names what it abbreviates: same kind.
                        if self.chunks[inner].evidence < Evidence::Known {
                            self.chunks[inner].kind = self.chunks[o].kind;
                            self.chunks[inner].evidence = self.chunks[o].evidence.max(Evidence::Shape);
                        }
                        if self.chunks[o].evidence <= Evidence::Shape
                            && self.chunks[inner].evidence <= Evidence::Shape
                            && ctx.is_acronym(k + 1)
                            && self.chunks[o].kind == ActorKind::Person
                        {
                            // `Kelompok … (EDSCG)`: a defined acronym marks a body, not a person.
                            self.chunks[o].kind = ActorKind::Organization;
                            self.chunks[inner].kind = ActorKind::Organization;
                        }
                        self.aliases.push((o, inner));
                    }
                }
                return self.after_bracket(close + 1, end, role_from);
            }
        }
        k
    }

    /// Reads on at `next`, right after a bracket that closes a run; returns
    /// the next token to read. After a role, the name may follow the
    /// bracket (`Koordinator Koalisi Masyarakat Sipil (KMS) Medan-Sumut
    /// Miduk Hutabarat`, `Sekretaris Perusahaan PT Bank Mandiri (Persero)
    /// Tbk Rully Setiawan`), only while the role phrase stays short: each
    /// step would otherwise recurse once more and copy a longer role.
    fn after_bracket(&mut self, next: usize, end: usize, role_from: Option<usize>) -> usize {
        let short = role_from.is_some_and(|r| next - r <= MAX_ROLE_TOKENS);
        if short && next < end && self.ctx.is_cap(next) {
            return self.run(next, end, role_from);
        }
        next
    }

    /// Cuts the run `start..end` into known names, organization phrases and
    /// unknown names, and pushes their chunks.
    fn segment(&mut self, start: usize, end: usize, role_from: Option<usize>) {
        let ctx = self.ctx;
        let p = ctx.profile;
        let mut name = person_name(ctx, start, end, role_from.is_some());
        // A gazetteer body or place the name would start inside stays
        // whole: the name starts after it, or there is none (`Sekretaris
        // Jenderal Kementerian Energi dan Sumber Daya Mineral`).
        let mut covered = false;
        if let Some((a, b)) = name {
            let across = (start..a)
                .filter_map(|i| self.known_len(i, end).filter(|(n, k)| k.kind != ActorKind::Person && i + n > a).map(|(n, _)| i + n))
                .max();
            if let Some(e) = across {
                name = (e < b).then_some((e, b));
                covered = true;
            }
        }
        // A bracketed acronym right after the run names a body there.
        let acronym_follows = end + 2 < ctx.tokens.len() && ctx.word(end) == "(" && ctx.is_acronym(end + 1);
        if let Some((a, _)) = name {
            // Read after an organization word alone (`PT Indofood Sukses Makmur`),
            // the trailing words are a person's name only if the tagger agrees,
            // and never before a bracketed acronym (`… Diperkuat (EDSCG)`).
            let titled = || {
                role_from.is_some() || ctx.has(a - 1, class::ROLE_STARTS) || p.honorific_before(&ctx.lower, start, a) > 0
            };
            if a > start && !titled() && (acronym_follows || (p.tagged && self.tagged(a) != Some(ActorKind::Person))) {
                name = None;
            }
        }
        if let Some((a, b)) = name {
            name = Some((self.tagged_person_start(start, a, b), b));
        }
        // Past the three words `person_name` reads, a plain word the text
        // names a speaker by alone (`kata Tri`) is the name's first
        // (`… Universitas Indonesia Tri Yunus Miko Wahyono`), unless the
        // tagger starts the person where the rules do.
        if let Some((a, b)) = name {
            let tagger_starts = self.found.iter().any(|&(x, _, k)| k == ActorKind::Person && x == a);
            if a > start && b - a == 3 && !tagger_starts && is_name_word(ctx, a - 1) && !ctx.has(a - 1, class::PLACE_HEADS) && self.named_alone(a - 1) {
                name = Some((a - 1, b));
            }
        }
        let stop = name.map_or(end, |(a, _)| a);
        let mut i = start;
        let mut unknown_from: Option<usize> = None;
        // Between a role and the name it introduces, unknown words are the
        // role's own (`Investasi` in `Menteri Koordinator Bidang Kemaritiman
        // dan Investasi Luhut`), not a person; acronyms, and names of five
        // tokens or more joined by connectors (`Center of Reform on
        // Economics`), still name bodies, and so do they before a bracketed
        // acronym (`Direktur Institute for Development of Economics and
        // Finance (Indef) Tauhid`).
        let in_role = (name.is_some() || covered) && role_from.is_some() && !acronym_follows;
        let unknown = |r: &mut Self, u: usize, v: usize| {
            let body = (u..v).all(|t| ctx.is_acronym(t) || ctx.tokens[t].kind != TokenKind::Word)
                || (v - u >= 5 && (u..v).any(|t| ORG_CONNECTORS.contains(&ctx.lower_at(t))));
            if !in_role || body {
                r.unknown(u, v, role_from);
            }
        };
        while i < stop {
            let known = self.known_len(i, stop);
            let org = ctx.has(i, class::ORG_HEADS) && ctx.is_cap(i);
            let multi = p.honorific_len(&ctx.lower, i, stop);
            let honorific = multi > 0 || (self.title_token(i) && !(unknown_from.is_some() && ctx.word(i) == "."));
            if known.is_some() || org || honorific {
                if let Some(u) = unknown_from.take() {
                    unknown(self, u, i);
                }
            }
            if let Some((len, kn)) = known {
                // A company's tail words are its own: `Lion Air Group`, `Garuda Indonesia Tbk`.
                let mut len = len;
                while kn.kind == ActorKind::Organization && i + len < stop && ctx.is_cap(i + len) && ctx.has(i + len, class::ORG_TAILS) {
                    len += 1;
                }
                // And so is a name after a slash: `Kodam Jaya/Jayakarta`
                // (not another body: `TNI/Polri`).
                if kn.kind == ActorKind::Organization
                    && i + len + 1 < stop
                    && ctx.word(i + len) == "/"
                    && ctx.tokens[i + len].span.end == ctx.tokens[i + len + 1].span.start
                    && is_name_word(ctx, i + len + 1)
                    && !ctx.has(i + len + 1, class::KNOWN)
                {
                    len += 2;
                }
                // A known body named with its country or city is that country's
                // body: `Kementerian luar negeri Seoul`, `Kedutaan Besar AS`.
                let place = self.known_len(i + len, stop).filter(|(_, k)| k.kind == ActorKind::Place);
                match place {
                    Some((plen, _)) if kn.kind == ActorKind::Organization && ctx.has(i, class::ORG_HEADS) => {
                        self.push(i, i + len + plen, kn.kind, Evidence::Context, None, None);
                        i += len + plen;
                    }
                    _ => {
                        // A known person right after a role has that role.
                        let role = role_from.filter(|_| kn.kind == ActorKind::Person && i == start).map(|r| role_text(ctx, r, start));
                        self.push(i, i + len, kn.kind, Evidence::Known, Some(kn.group), role);
                        i += len;
                    }
                }
            } else if org {
                // An organization phrase runs to the end of the run (or the
                // name), or to a rank of two words or more: `Polsek Baruga`
                // in `Kepala Polsek Baruga Ajun Komisaris I Gusti …`.
                let org_end = (i + 1..stop).find(|&t| p.honorific_len(&ctx.lower, t, stop) >= 2).unwrap_or(stop);
                let ev = if org_end - i > 1 { Evidence::Context } else { Evidence::Weak };
                self.push(i, org_end, ActorKind::Organization, ev, None, None);
                i = org_end;
            } else if honorific || self.role_len(i, stop).is_some() {
                i += self.role_len(i, stop).unwrap_or(1).max(multi);
            } else {
                unknown_from.get_or_insert(i);
                i += 1;
            }
        }
        if let Some(u) = unknown_from {
            unknown(self, u, stop);
        }
        if let Some((a, b)) = name {
            let role_start = role_from.unwrap_or(start);
            if role_start < a {
                self.role_spans.push((role_start, a));
            }
            // With no role word before them, the titles alone are the role,
            // not the place or body the run opens with: `Tadulako Palu
            // Brigadir Jenderal (TNI) Farid Makruf` has the role `Brigadir
            // Jenderal (TNI)`.
            let titles = self.titles_before(a);
            let role_start = if role_from.is_none() && start < titles && titles < a && !(start..titles).any(|t| ctx.has(t, class::ROLE_STARTS)) {
                titles
            } else {
                role_start
            };
            // Courtesy words alone (`Pak Budi`) say nothing of a role.
            let courtesy = (role_start..a).all(|t| ctx.has(t, class::COURTESY) || ctx.word(t) == ".");
            // Titles right before the name go to its titled form, not to a
            // role that has a role word (`Kepala Dinas … dr`, `… Dr.`).
            let mut role_end = a;
            while role_end > role_start + 1 {
                let n = if ctx.word(role_end - 1) == "." && self.title_token(role_end - 1) {
                    1
                } else {
                    p.honorific_before(&ctx.lower, role_start, role_end)
                };
                if n == 0 || !(role_start..role_end - n).any(|t| ctx.has(t, class::ROLE_STARTS)) {
                    break;
                }
                role_end -= n;
            }
            let role = (role_start < role_end && !courtesy).then(|| role_text(ctx, role_start, role_end));
            let role = role.or_else(|| self.role_before(start));
            let known = self.known_len(a, b).filter(|(len, _)| *len == b - a);
            let group = known.map(|(_, k)| k.group);
            self.push(a, b, ActorKind::Person, Evidence::Context, group, role);
            self.chunks.last_mut().expect("just pushed").titled = self.titled(start.min(role_start), a, b);
        }
    }

    /// Where the person's name `a..b` read by the rules inside the run from
    /// `start` begins, lengthened by the learned tagger past the rules'
    /// three words: the start of its person entity that ends at `b`, when
    /// that lies in `start..a` and only plain capitalised words (no title,
    /// body, place or gazetteer word) lie between (`Kepala Bidang Humas
    /// Polda Bali Komisaris Besar Stefanus Satake Bayu Setianto`); else `a`.
    /// Never shorter: where the tagger drops a first name (`Zudan Arif
    /// Fakrulloh`), it is more often wrong than right (PFSA speakers).
    fn tagged_person_start(&self, start: usize, a: usize, b: usize) -> usize {
        let ctx = self.ctx;
        let Some(&(x, _, _)) = self.found.iter().find(|&&(x, y, k)| k == ActorKind::Person && y == b && x < b) else {
            return a;
        };
        let plain = |t: usize| is_name_word(ctx, t) && !ctx.has(t, class::PLACE_HEADS);
        // A descriptor or common word right after a whole body opens the
        // name, not the body, when the tagger starts the person there:
        // `Kementerian Pertanian Agung Hendriadi`, `Gili Hotel Association
        // Lalu Kusnawan` (`Mahkamah Agung` is known whole, so its `Agung`
        // never comes here).
        let opens_name = |t: usize| {
            t == x
                && ctx.is_cap(t)
                && !ctx.is_acronym(t)
                && ctx.has(t, class::DESCRIPTORS | class::COMMON_CAPS)
                && !ctx.has(t, class::ORG_HEADS | class::PLACE_HEADS | class::ROLE_STARTS | class::HONORIFICS)
                && ((start..t).any(|i| self.known_len(i, t).is_some_and(|(n, k)| i + n == t && k.kind == ActorKind::Organization))
                    || self.found.iter().any(|&(p, q, k)| k != ActorKind::Person && p >= start && q == t))
        };
        if x >= start && x < a && (x..a).all(|t| plain(t) || opens_name(t)) {
            x
        } else {
            a
        }
    }

    /// A name of unknown words `a..b`: a person if a role stands before it,
    /// an organization if it is an acronym, else typed by shape.
    fn unknown(&mut self, a: usize, b: usize, role_from: Option<usize>) {
        let ctx = self.ctx;
        // Ordinary words opening the run (`Menurut Tauvik`, `Ketidakhadiran Rizieq`) are not part of it.
        let mut a = a;
        while a < b
            && (ctx.tokens[a].kind != TokenKind::Word
                || self.title_token(a)
                || ((ctx.is_common(a) || ctx.is_descriptive(a)) && !ctx.has(a, class::PLACE_HEADS)))
        {
            a += 1;
        }
        let mut b = b;
        while b > a && (ctx.tokens[b - 1].kind != TokenKind::Word || ctx.has(b - 1, class::DEGREES)) {
            b -= 1;
        }
        if a == b || self.common_phrase(a, b) {
            return;
        }
        if ctx.has(a, class::PLACE_HEADS) && b - a > 1 {
            // `Sungai Cibeet`, `Kabupaten Sleman`.
            self.push(a, b, ActorKind::Place, Evidence::Context, None, None);
            return;
        }
        // Descriptive words inside the run read as a title: the name is what follows.
        let title_end = (a..b).rev().find(|&t| ctx.is_descriptive(t) || ctx.has(t, class::COMMON_CAPS));
        let (a, titled) = match title_end {
            Some(t) if t + 1 < b => (t + 1, true),
            Some(_) => return,
            None => (a, false),
        };
        let single = b - a == 1;
        // After a role read from `role_from`, the role is this name's, as
        // [`Reader::segment`] gives it to a name it finds: `Juru Bicara
        // Asosiasi … (AFPI) Andi Taufan`, and an acronym's that speaks
        // (`Mantan Presiden SBY mengatakan`; one that does not is a body).
        let role = self.role_before(a).or_else(|| role_from.filter(|&r| r < a).map(|r| role_text(ctx, r, a)));
        // A name next to a speech verb speaks: `ujar Arief`, `Arief melanjutkan`.
        let speaks = (a > 0 && is_speech_verb(ctx, a - 1) && !ctx.is_cap(a - 1)) || (b < ctx.tokens.len() && is_speech_verb(ctx, b));
        // A rank or honorific right before says "person": `kata Komisaris
        // Besar Gatot Repli Handoko`, `Pak Budi`.
        let honoured = self.titles_before(a) < a && !ctx.starts_sentence(a);
        // Words numbered like a unit are a body: `Distrik Militer 1705/Nabire`.
        let numbered = b < ctx.tokens.len() && ctx.tokens[b].kind == TokenKind::Number;
        let (kind, ev) = if (a..b).all(|t| ctx.is_acronym(t)) && !speaks {
            (ActorKind::Organization, if single { Evidence::Weak } else { Evidence::Shape })
        } else if numbered && !speaks && !single {
            (ActorKind::Organization, Evidence::Shape)
        } else if role.is_some() || role_from.is_some() || titled || speaks || honoured {
            (ActorKind::Person, Evidence::Context)
        } else if single {
            (ActorKind::Person, Evidence::Weak)
        } else {
            (ActorKind::Person, Evidence::Shape)
        };
        // A lone capitalised word opening a sentence is usually just a sentence start.
        if single && ev <= Evidence::Weak && ctx.starts_sentence(a) && !ctx.is_acronym(a) {
            return;
        }
        // Roles describe people: `pelaku UMKM` gives the body no role.
        let role = role.filter(|_| kind == ActorKind::Person);
        self.push(a, b, kind, ev, None, role);
    }

    /// The name `a..b` with the title right before it: honorifics and ranks
    /// (`Komisaris Besar`), or one role word (`Presiden`).
    fn titled(&self, lo: usize, a: usize, b: usize) -> Option<String> {
        let ctx = self.ctx;
        let p = ctx.profile;
        let mut h = a;
        loop {
            let n = p.honorific_before(&ctx.lower, lo, h);
            if n == 0 {
                break;
            }
            h -= n;
        }
        if h == a && a > lo && p.role_starts.get(&ctx.lower[a - 1]).is_some_and(|ks| ks.iter().any(|&k| p.roles[k].len() == 1)) {
            h = a - 1;
        }
        (h < a).then(|| ctx.slice(h, b).to_string())
    }

    /// A lowercase role phrase right before token `a` (`juru bicara kementerian Lim`):
    /// a role word, then only words that continue a role (organization
    /// heads, descriptors, role words; see [`Reader::continues_role`]) or
    /// capitalised words. A clause between role and name is no role:
    /// `pelaku segera membayarkan restitusi sebesar Rp`.
    fn role_before(&self, a: usize) -> Option<String> {
        let ctx = self.ctx;
        let s = &ctx.layout.sentences[ctx.layout.sentence_of[a] as usize];
        let lo = a.saturating_sub(5).max(s.start);
        (lo..a)
            .find(|&r| {
                let Some(len) = self.role_len(r, a) else { return false };
                let lowercase_word = |t: usize| ctx.tokens[t].kind == TokenKind::Word && !ctx.is_cap(t);
                (r..r + len).all(lowercase_word)
                    && (r + len..a).all(|t| ctx.is_cap(t) || lowercase_word(t) && self.continues_role(t, a))
            })
            .map(|r| ctx.slice(r, a).to_string())
    }

    /// A role phrase that starts at most [`MAX_ROLE_TOKENS`] tokens before
    /// `start` in its sentence and runs, through capitalised words only,
    /// to `first` (`Kepala Badan Pusat Statistik DKI Jakarta` before the
    /// name at `first`, the body starting at `start`), if any.
    fn role_into(&self, start: usize, first: usize) -> Option<String> {
        let ctx = self.ctx;
        let s = &ctx.layout.sentences[ctx.layout.sentence_of[start] as usize];
        let lo = start.saturating_sub(MAX_ROLE_TOKENS).max(s.start);
        (lo..start)
            .rev()
            .find(|&r| self.role_len(r, start).is_some_and(|len| (r + len..start).all(|t| ctx.is_cap(t))))
            .map(|r| role_text(ctx, r, first))
    }

    /// May the lowercase word `t` continue a role phrase read before `end`:
    /// `juru bicara kementerian`, `menteri luar negeri`.
    fn continues_role(&self, t: usize, end: usize) -> bool {
        let ctx = self.ctx;
        ctx.has(t, class::ORG_HEADS) || ctx.has(t, class::DESCRIPTORS) || self.role_len(t, end).is_some()
    }

    /// Longest gazetteer name at `i` ending by `end`: `(tokens, entry)`.
    fn known_len(&self, i: usize, end: usize) -> Option<(usize, crate::profile::KnownName)> {
        let ctx = self.ctx;
        if i >= end || !ctx.has(i, class::KNOWN_STARTS) {
            return None;
        }
        let max = ctx.profile.max_known_words.min(end - i);
        (2..=max).rev().find_map(|n| ctx.profile.known.get(ctx.lower.join(i, i + n)).map(|k| (n, *k))).or_else(|| Some((1, ctx.known_word(i)?)))
    }

    fn push(&mut self, first: usize, end: usize, kind: ActorKind, evidence: Evidence, group: Option<u32>, role: Option<String>) {
        self.chunks.push(Chunk { first, end, kind, evidence, group, role, titled: None });
    }

    /// Cuts off the words a person's name opens with up to one that ends
    /// a body or place named elsewhere in the text, when the word before
    /// it is the same too: `Taman Margasatwa Ragunan Ketut Widarsono` when
    /// the text names `Taman Margasatwa Ragunan`, `Charta Politika Yunarto
    /// Wijaya` when it names `Charta Politika`, or a known one-word place
    /// (`Bekasi Djaelani`). Names the gazetteer knows are left whole, and so
    /// is `pengamat Airlangga Pribadi Kusman` beside `Universitas
    /// Airlangga`. The role read before the name takes the words cut off.
    fn unglue_bodies(&mut self) {
        let ctx = self.ctx;
        // The last two words of bodies and places of two words or more, as
        // one key (`margasatwa ragunan`); the word of known one-word ones.
        let ends: HashSet<&str> = self
            .chunks
            .iter()
            .filter(|c| c.kind != ActorKind::Person && (c.end - c.first >= 2 || c.evidence == Evidence::Known))
            .map(|c| ctx.lower.join(c.end.saturating_sub(2).max(c.first), c.end))
            .collect();
        if ends.is_empty() {
            return;
        }
        let ends_body = |t: usize| ends.contains(ctx.lower.join(t, t + 1)) || (t > 0 && ends.contains(ctx.lower.join(t - 1, t + 1)));
        // (chunk, its new first token); a word the text names a speaker by
        // alone is a name (`kata Wisnu`), whatever else ends with it.
        let cuts: Vec<(usize, usize)> = self
            .chunks
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind == ActorKind::Person && c.evidence != Evidence::Known && c.end - c.first >= 2)
            .filter_map(|(ci, c)| {
                let t = (c.first..c.end - 1).rev().find(|&t| ends_body(t))?;
                ((t + 1..c.end).all(|u| is_name_word(ctx, u)) && !self.named_alone(t)).then_some((ci, t + 1))
            })
            .collect();
        self.cut(&cuts);
    }

    /// Cuts glued names where the text names a speaker alone by one of
    /// their inner words (`kata Monica`): a chunk of two words or more of
    /// any kind but a gazetteer name, whose word `t` (not its first) is such
    /// a name, follows a word that is no name word, and opens at most three
    /// name words to the chunk's end, is the person `t..` (`Ketua YABB
    /// Monica Oudang`, `Dekan Fakultas Hukum Universitas Sam Ratulangi Flora
    /// Pricilia Kalalo`).
    fn unglue_lone_names(&mut self) {
        let ctx = self.ctx;
        let cuts: Vec<(usize, usize)> = self
            .chunks
            .iter()
            .enumerate()
            .filter(|(_, c)| c.evidence != Evidence::Known && c.end - c.first >= 2)
            .filter_map(|(ci, c)| {
                // Glued to a body or place, not to the rest of a name: the
                // word before is a body's or place's word or an acronym
                // (`YABB`, `NPM`; initials such as `FX`, `JJ` or a first
                // `IGN` are a name's), or the ordinary word that opens the
                // sentence (`Selain Purwanto`). A head word and one name is
                // a place or body (`Desa X`).
                let glued = |u: usize| {
                    ctx.tokens[u].kind == TokenKind::Word
                        && ((ctx.is_acronym(u) && (ctx.word(u).len() >= 4 || (ctx.word(u).len() == 3 && c.kind != ActorKind::Person)))
                            || (ctx.has(u, class::ORG_HEADS | class::PLACE_HEADS) && u > c.first)
                            || ctx.has(u, class::KNOWN | class::DESCRIPTORS)
                            || (ctx.is_common(u) && u == c.first && ctx.starts_sentence(u)))
                };
                // The lone names are looked up last: most chunks never need them.
                let t = (c.end.saturating_sub(3).max(c.first + 1)..c.end).find(|&t| {
                    !ctx.is_acronym(t) && glued(t - 1) && (t..c.end).all(|u| is_name_word(ctx, u)) && self.named_alone(t)
                })?;
                // Not the end of a gazetteer name (`Universitas Airlangga`).
                let known_end = (c.first..t).any(|x| self.known_len(x, c.end).is_some_and(|(n, _)| x + n == c.end));
                (!known_end).then_some((ci, t))
            })
            .collect();
        self.cut(&cuts);
    }

    /// A person of three words or more read after a role whose words past
    /// the first the text also writes apart, as a name of their own (no
    /// capitalised word on either side), is named by those words; the first
    /// goes to the role: `Bupati Muna Rusman Emba`, later `Rusman Emba
    /// dilaporkan` and `KPUD Muna`. The first word must be no initial (`I
    /// Wayan Koster`). One pass over the tokens, when there is such a person.
    fn unglue_named_apart(&mut self) {
        let ctx = self.ctx;
        let n = ctx.tokens.len();
        let cands: Vec<usize> = (0..self.chunks.len())
            .filter(|&ci| {
                let c = &self.chunks[ci];
                c.kind == ActorKind::Person
                    && c.evidence == Evidence::Context
                    && c.role.is_some()
                    && (3..=4).contains(&(c.end - c.first))
                    && ctx.word(c.first).chars().count() > 1
                    && (c.first + 1..c.end).all(|t| is_name_word(ctx, t))
                    && self.role_spans.binary_search_by_key(&c.first, |&(_, y)| y).is_ok()
            })
            .collect();
        if cands.is_empty() {
            return;
        }
        // One pass: the capitalised runs of two or three words the text
        // writes apart that open with a candidate's second word, and the
        // word after each capitalised candidate's first word: `Some(next)`
        // while always the same, `None` once it varies.
        let firsts: HashSet<&str> = cands.iter().map(|&ci| &ctx.lower[self.chunks[ci].first]).collect();
        let seconds: HashSet<&str> = cands.iter().map(|&ci| &ctx.lower[self.chunks[ci].first + 1]).collect();
        let mut apart: HashSet<&str> = HashSet::default();
        let mut next_of: HashMap<&str, Option<&str>> = HashMap::default();
        let mut i = 0;
        while i < n {
            if !ctx.is_cap(i) {
                i += 1;
                continue;
            }
            let start = i;
            while i < n && ctx.is_cap(i) {
                let w = &ctx.lower[i];
                if firsts.contains(w) {
                    let next = ctx.lower_at(i + 1);
                    next_of.entry(w).and_modify(|seen| *seen = seen.filter(|&x| x == next)).or_insert(Some(next));
                }
                i += 1;
            }
            if (2..=3).contains(&(i - start)) && seconds.contains(&ctx.lower[start]) {
                apart.insert(ctx.lower.join(start, i));
            }
        }
        let cuts: Vec<(usize, usize)> = cands
            .into_iter()
            .filter(|&ci| {
                // The text uses the first word without the rest (`KPUD
                // Muna`, or in lowercase: `lahan gambut`): a first name it
                // never writes apart stays (`Prananda Surya Paloh`).
                let c = &self.chunks[ci];
                let (w0, w1) = (&ctx.lower[c.first], &ctx.lower[c.first + 1]);
                let elsewhere = ctx.seen_lower.contains(w0) || next_of.get(w0).is_some_and(|next| *next != Some(w1));
                elsewhere && apart.contains(ctx.lower.join(c.first + 1, c.end))
            })
            .map(|ci| (ci, self.chunks[ci].first + 1))
            .collect();
        self.cut(&cuts);
    }

    /// Makes each chunk `ci` of `cuts` the person from its token `first` on;
    /// a role phrase read right before the chunk runs to `first`.
    fn cut(&mut self, cuts: &[(usize, usize)]) {
        let ctx = self.ctx;
        for &(ci, first) in cuts {
            let (start, kind) = (self.chunks[ci].first, self.chunks[ci].kind);
            // Role phrases come in text order (a miss leaves the role as read).
            let role = match self.role_spans.binary_search_by_key(&start, |&(_, y)| y) {
                Ok(k) => Some(role_text(ctx, self.role_spans[k].0, first)),
                Err(_) if kind != ActorKind::Person => self.role_into(start, first),
                Err(_) => self.chunks[ci].role.take(),
            };
            let c = &mut self.chunks[ci];
            c.role = role;
            c.first = first;
            c.titled = None;
            c.kind = ActorKind::Person;
            c.evidence = c.evidence.max(Evidence::Context);
            c.group = None;
        }
    }

    /// Joins chunks into actors and mentions.
    fn into_cast(self) -> Cast {
        let ctx = self.ctx;
        let chunks = self.chunks;
        let n = chunks.len();
        let mut uf = UnionFind::new(n);
        // Same gazetteer group, or the same text in any case.
        // Keys borrow the lowercased words: no string is built per chunk.
        let mut by_key: HashMap<ChunkKey, usize> = HashMap::with_capacity_and_hasher(n, Default::default());
        for (ci, c) in chunks.iter().enumerate() {
            let key = match c.group {
                Some(g) => ChunkKey::Group(g),
                None => ChunkKey::Text(ctx.lower.join(c.first, c.end)),
            };
            match by_key.get(&key) {
                Some(&o) => uf.union(o, ci),
                None => {
                    by_key.insert(key, ci);
                }
            }
        }
        for &(a, b) in &self.aliases {
            uf.union(a, b);
        }
        // Short names: `Lim` → the nearest person whose name contains it.
        // Initials: `KPK` → `Komisi Pemberantasan Korupsi`. Both are looked up
        // in indexes, so the cost stays linear in the number of chunks.
        let mut persons_by_word: HashMap<&str, Vec<usize>> = HashMap::default();
        // Adjacent word pairs of those persons: `Soo suk` is in `Lim Soo Suk`
        // at one lookup, however long the name.
        let mut person_pairs: HashSet<(usize, &str, &str)> = HashSet::default();
        let mut by_initials: HashMap<String, Vec<usize>> = HashMap::default();
        // Prefixes of those persons' words: a short form (`Risma`) joins a
        // name with a word it begins (`Tri Rismaharini`) when no name has it whole.
        let mut persons_by_prefix: HashMap<&str, Vec<usize>> = HashMap::default();
        for (ci, c) in chunks.iter().enumerate() {
            if c.end - c.first >= 2 {
                if c.kind == ActorKind::Person {
                    for t in c.first..c.end {
                        let w = &ctx.lower[t];
                        persons_by_word.entry(w).or_default().push(ci);
                        // Its short forms (`risma` of `Rismaharini`), for
                        // words of name length only: at most a few per word,
                        // so the index stays linear.
                        if w.len() <= MAX_SHORT_FORM_WORD {
                            for (k, _) in w.char_indices().filter(|&(k, ch)| k >= MIN_SHORT_FORM && w.len() - k >= 3 && ch.is_alphabetic()) {
                                persons_by_prefix.entry(&w[..k]).or_default().push(ci);
                            }
                        }
                    }
                    for t in c.first + 1..c.end {
                        person_pairs.insert((ci, &ctx.lower[t - 1], &ctx.lower[t]));
                    }
                }
                by_initials.entry(initials(ctx, c.first, c.end)).or_default().push(ci);
            }
        }
        for (ci, c) in chunks.iter().enumerate() {
            let len = c.end - c.first;
            // Any kind: the tagger may type a lone surname as a place (`klaim Jenkins`).
            if c.evidence != Evidence::Known && len <= 2 && (c.kind == ActorKind::Person || len == 1) {
                // The chunk's first word and, for two words, its second.
                let (w0, w1) = (&ctx.lower[c.first], ctx.lower_at(c.first + 1));
                let cands = persons_by_word.get(w0).map_or(&[][..], Vec::as_slice);
                // Every candidate contains `w0` (that is how it was
                // found), so a one-word name fits any longer candidate and a
                // two-word name one that has the pair.
                let fits = |&o: &usize| {
                    chunks[o].end - chunks[o].first > len
                        && (len == 1 || person_pairs.contains(&(o, w0, w1)))
                };
                if let Some(f) = nearest_in(cands, ci, fits) {
                    uf.union(f, ci);
                } else if len == 1 && c.kind == ActorKind::Person && w0.len() >= MIN_SHORT_FORM {
                    let cands = persons_by_prefix.get(w0).map_or(&[][..], Vec::as_slice);
                    if let Some(f) = nearest_in(cands, ci, |_| true) {
                        uf.union(f, ci);
                    }
                }
            }
            if len == 1 && ctx.is_acronym(c.first) {
                let cands = by_initials.get(ctx.word(c.first)).map_or(&[][..], Vec::as_slice);
                if let Some(f) = nearest_in(cands, ci, |_| true) {
                    uf.union(f, ci);
                }
            }
        }
        // Sets: size, best evidence, gazetteer group.
        let roots: Vec<usize> = (0..n).map(|ci| uf.find(ci)).collect();
        // Indexed by root (a chunk index): vectors, not hash maps.
        let mut size = vec![0usize; n];
        let mut best = vec![usize::MAX; n];
        let mut group: Vec<Option<u32>> = vec![None; n];
        for (ci, c) in chunks.iter().enumerate() {
            let r = roots[ci];
            size[r] += 1;
            if best[r] == usize::MAX || c.evidence > chunks[best[r]].evidence {
                best[r] = ci;
            }
            if group[r].is_none() {
                group[r] = c.group;
            }
        }
        // Actors in order of first mention; a set is kept when its best
        // evidence is more than weak or it was named twice.
        let mut cast = Cast::default();
        let mut actor_of_root: Vec<Option<usize>> = vec![None; n];
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&ci| chunks[ci].first);
        for ci in order {
            let r = roots[ci];
            let lead = &chunks[best[r]];
            if lead.evidence == Evidence::Weak && size[r] < 2 {
                continue;
            }
            let actor = *actor_of_root[r].get_or_insert_with(|| cast.add_actor(String::new(), lead.kind, None));
            let c = &chunks[ci];
            // Only people have roles: a chunk read as a person may join a body (`… (CISSReC)`).
            if cast.add_mention(ctx, actor, c.first, c.end) && cast.actors[actor].role.is_none() && lead.kind == ActorKind::Person {
                cast.actors[actor].role.clone_from(&c.role);
            }
            if let Some(t) = &c.titled {
                if !cast.actors[actor].titled.contains(t) {
                    cast.actors[actor].titled.push(t.clone());
                }
            }
        }
        // Names: the gazetteer's name, else the longest mention.
        let mut longest: Vec<(usize, &str)> = vec![(0, ""); cast.actors.len()];
        for m in &cast.mentions {
            let t = m.span.of(ctx.text);
            let chars = t.chars().count();
            if chars > longest[m.actor].0 {
                longest[m.actor] = (chars, t);
            }
        }
        for (r, actor) in actor_of_root.iter().enumerate() {
            let Some(actor) = *actor else { continue };
            cast.actors[actor].name = match group[r] {
                Some(g) => ctx.profile.group_names[g as usize].clone(),
                None => longest[actor].1.to_string(),
            };
        }
        cast.offices = self.offices;
        cast
    }
}

/// True when token `i` is a speech verb of either position (`ujar`, `mengatakan`).
fn is_speech_verb(ctx: &Ctx, i: usize) -> bool {
    let w = &ctx.lower[i];
    ctx.profile.verbs_after.contains(w) || ctx.profile.verbs_before.contains(w)
}

/// The person name at the end of a run: the trailing capitalised words that
/// are not descriptors, acronyms, honorifics or gazetteer names, at most
/// three. Only looked for after a role, an honorific, or an organization or
/// place inside the run (`Presiden Direktur Bank OCBC NISP Parwati Surjaudaja`).
/// The text of tokens `a..b` read as a role, without a trailing comma.
fn role_text(ctx: &Ctx, a: usize, b: usize) -> String {
    ctx.slice(a, b).trim_end_matches([',', ' ']).to_string()
}

/// May capitalised token `t` be a word of a personal name: no acronym,
/// descriptor, honorific, common word, role word, company tail (`Tbk`) or
/// gazetteer name of a body or place.
fn is_name_word(ctx: &Ctx, t: usize) -> bool {
    ctx.is_cap(t)
        && !ctx.is_acronym(t)
        && !ctx.is_descriptive(t)
        && !ctx.has(t, class::HONORIFICS | class::COMMON_CAPS | class::NOT_NAMES | class::ROLE_STARTS | class::ORG_TAILS)
        && !ctx.known_word(t).is_some_and(|k| k.kind != ActorKind::Person)
}

fn person_name(ctx: &Ctx, start: usize, end: usize, after_role: bool) -> Option<(usize, usize)> {
    let p = ctx.profile;
    let mut a = end;
    let mut words = 0;
    while a > start && words < 3 {
        let t = a - 1;
        let w = &ctx.lower[t];
        // An initial's dot (`P.`) or short capitals (`PS`) inside a name, never at its end.
        let inner = t + 1 < end && t > start && (ctx.word(t) == "." || (ctx.is_acronym(t) && w.chars().count() <= 2));
        if inner {
            a = t;
            continue;
        }
        let rank = t > start && ctx.is_two_word_honorific(t);
        let plain = is_name_word(ctx, t) && !rank;
        if !plain {
            break;
        }
        a = t;
        words += 1;
    }
    // A name never starts with an initial's dot or short capitals left over.
    while a < end && !ctx.is_cap(a) || (a < end && ctx.is_acronym(a) && a + 1 < end) && words == 0 {
        a += 1;
    }
    if a == end {
        return None;
    }
    if a == start {
        // The whole run is a name: a person only after a role.
        return after_role.then_some((a, end));
    }
    // Something precedes the name inside the run: it must say "title" or
    // "body"; after a slash, the name is the body's (`Kodam Jaya/Jayakarta`).
    let w = &ctx.lower[a - 1];
    if w == "/" {
        return None;
    }
    let titled = after_role
        || p.honorific_before(&ctx.lower, start, a) > 0
        || p.is_role_start(w)
        || (start..a).any(|t| ctx.has(t, class::ORG_HEADS) || ctx.has(t, class::ROLE_STARTS));
    titled.then_some((a, end))
}

/// The range `a..b` without punctuation at its edges (`(SBY` → `SBY`);
/// `None` if no word or number is left.
fn trim_to_words(ctx: &Ctx, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    let wordy = |t: usize| matches!(ctx.tokens[t].kind, TokenKind::Word | TokenKind::Number);
    while a < b && !wordy(a) {
        a += 1;
    }
    while b > a && !wordy(b - 1) {
        b -= 1;
    }
    (a < b).then_some((a, b))
}

/// How many candidates [`nearest_in`] tries on each side of a chunk, so a
/// text repeating one name thousands of times stays linear.
const MAX_CANDIDATES: usize = 256;

/// Of the sorted chunk indexes `cands`, the one nearest before `ci` that
/// satisfies `pred`, else the first after it (at most [`MAX_CANDIDATES`]
/// tried on each side).
fn nearest_in(cands: &[usize], ci: usize, pred: impl Fn(&usize) -> bool) -> Option<usize> {
    let k = cands.partition_point(|&o| o < ci);
    let before = cands[..k].iter().rev().take(MAX_CANDIDATES);
    let after = cands[k..].iter().filter(|&&o| o != ci).take(MAX_CANDIDATES);
    before.chain(after).copied().find(|o| pred(o))
}

/// What makes two chunks the same actor outright in [`Reader::into_cast`].
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum ChunkKey<'a> {
    /// The same gazetteer group.
    Group(u32),
    /// The same words, lowercased (a chunk with no group).
    Text(&'a str),
}

/// Initials of the capitalised words of `first..end` (`Komisi Pemberantasan Korupsi` → `KPK`).
fn initials(ctx: &Ctx, first: usize, end: usize) -> String {
    (first..end)
        .filter(|&t| ctx.is_cap(t))
        .filter_map(|t| ctx.word(t).chars().next())
        .collect()
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The earlier chunk stays the root.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::profile;

    /// One actor as the tests read it: name, kind, role, mention texts.
    #[derive(Debug)]
    struct Seen {
        name: String,
        kind: ActorKind,
        role: Option<String>,
        mentions: Vec<String>,
    }

    fn read(text: &str) -> Vec<Seen> {
        read_in("id", text)
    }

    /// [`read`] with the profile `lang` (`en` has no tagger: the rules alone).
    fn read_in(lang: &str, text: &str) -> Vec<Seen> {
        let ctx = Ctx::new(text, profile(lang).unwrap());
        let cast = recognize(&ctx);
        cast.actors
            .iter()
            .enumerate()
            .map(|(k, a)| Seen {
                name: a.name.clone(),
                kind: a.kind,
                role: a.role.clone(),
                mentions: cast.mentions.iter().filter(|m| m.actor == k).map(|m| m.span.of(text).to_string()).collect(),
            })
            .collect()
    }

    fn find<'a>(seen: &'a [Seen], name: &str) -> &'a Seen {
        seen.iter().find(|a| a.name == name).unwrap_or_else(|| panic!("no actor {name:?} in {seen:#?}"))
    }

    #[test]
    fn titles_before_a_name_become_its_role() {
        let s = read("“Itu pelanggaran berat,” kata Wakil Menteri Luar Negeri Korea Selatan Chang Ho-jin dalam konferensi pers.");
        let chang = find(&s, "Chang Ho-jin");
        assert_eq!(chang.kind, ActorKind::Person);
        assert_eq!(chang.role.as_deref(), Some("Wakil Menteri Luar Negeri Korea Selatan"));
        assert_eq!(chang.mentions, ["Chang Ho-jin"]);
        assert_eq!(find(&s, "Korea Selatan").kind, ActorKind::Place);
    }

    #[test]
    fn a_rank_before_a_name_keeps_all_its_words() {
        let s = read("“Sudah dicatat,” kata Komisaris Besar Budi Repli Handoko.");
        assert_eq!(find(&s, "Budi Repli Handoko").mentions, ["Budi Repli Handoko"]);
        let s = read("Pilot tersebut ialah Lettu Pnb Allan Safitra Indra Wahyudi, perwira muda.");
        assert_eq!(find(&s, "Allan Safitra Indra Wahyudi").kind, ActorKind::Person);
        // A courtesy word ending a sentence does not make the next word a name.
        let s = read("“Di data sebentar ya Pak. Nanti boleh tidur lagi,” kata petugas itu.");
        assert!(s.iter().all(|a| a.name != "Nanti"), "{s:#?}");
    }

    #[test]
    fn a_descriptor_or_common_word_after_a_body_opens_the_name() {
        let s = read("Kepala Badan Ketahanan Pangan Kementerian Pertanian Agung Hendriadi menyampaikan, stok aman.");
        let agung = find(&s, "Agung Hendriadi");
        assert_eq!(agung.role.as_deref(), Some("Kepala Badan Ketahanan Pangan Kementerian Pertanian"));
        let s = read("Direktur Jenderal Perdagangan Dalam Negeri Kementerian Perdagangan Oke Nurwan mengatakan, stok aman.");
        assert_eq!(find(&s, "Oke Nurwan").mentions, ["Oke Nurwan"]);
        // Known whole, `Mahkamah Agung` keeps its `Agung`.
        let s = read("Ketua Mahkamah Agung Syarifuddin mengatakan, putusan itu final.");
        let syarifuddin = find(&s, "Syarifuddin");
        assert_eq!(syarifuddin.mentions, ["Syarifuddin"]);
        assert_eq!(syarifuddin.role.as_deref(), Some("Ketua Mahkamah Agung"));
    }

    #[test]
    fn company_tails_belong_to_the_company() {
        let s = read("Direktur Utama Garuda Indonesia Tbk Irfan Setiaputra mengatakan, stok aman.");
        assert_eq!(find(&s, "Irfan Setiaputra").mentions, ["Irfan Setiaputra"]);
        assert_eq!(find(&s, "Garuda Indonesia").mentions, ["Garuda Indonesia Tbk"]);
    }

    #[test]
    fn a_name_does_not_open_with_a_body_named_elsewhere() {
        let s = read("Mal di Bekasi kembali dibuka. Ketua Asosiasi Pengelola Pusat Perbelanjaan Indonesia Bekasi Djaelani menambahkan, pembukaan bertahap.");
        assert_eq!(find(&s, "Djaelani").mentions, ["Djaelani"]);
        assert_eq!(find(&s, "Bekasi").kind, ActorKind::Place);
        // Same word, other context: `Universitas Airlangga` leaves the name whole.
        let s = read("Universitas Airlangga menggelar seminar. Pengamat politik Airlangga Pribadi Kusman mengatakan, pemilu damai.");
        assert_eq!(find(&s, "Airlangga Pribadi Kusman").kind, ActorKind::Person);
    }

    #[test]
    fn only_people_have_roles() {
        let s = read("Peneliti Communication and Information System Security Research Center (CISSReC), Ibnu Dwi Cahyo, berpendapat, transfer file aman.");
        let body = find(&s, "Communication and Information System Security Research Center");
        assert_eq!((body.kind, body.role.as_deref()), (ActorKind::Organization, None));
    }

    #[test]
    fn ranks_and_honorifics_stay_out_of_the_name() {
        let s = read("Kabid Humas Polda Metro Jaya Komisaris Besar Yusri Yunus mengatakan pelaku sudah ditangkap.");
        let yusri = find(&s, "Yusri Yunus");
        assert_eq!(yusri.kind, ActorKind::Person);
        assert_eq!(yusri.mentions, ["Yusri Yunus"]);
        let s = read("Menurut Dr. H. Ahmad Fauzi, vaksin itu aman.");
        assert_eq!(find(&s, "Ahmad Fauzi").mentions, ["Ahmad Fauzi"]);
        let s = read("Ketua tim, Ir. Budi Santoso, M.Epid, dan Hj. Siti Aminah, S.H. hadir bersama Brigjen Pol Ahmad Ramadhan.");
        assert_eq!(find(&s, "Budi Santoso").mentions, ["Budi Santoso"]);
        assert_eq!(find(&s, "Siti Aminah").mentions, ["Siti Aminah"]);
        assert_eq!(find(&s, "Ahmad Ramadhan").mentions, ["Ahmad Ramadhan"]);
        assert_eq!(s.len(), 3, "degrees and ranks are no actors: {s:#?}");
    }

    #[test]
    fn the_tagger_does_not_run_the_end_of_a_role_into_the_name() {
        let s = read("Ketua Presidium HIMKI Budi Santoso Wijaya mendesak pemerintah.");
        let p = find(&s, "Budi Santoso Wijaya");
        assert_eq!((p.kind, p.role.as_deref()), (ActorKind::Person, Some("Ketua Presidium HIMKI")));
        assert!(s.iter().all(|a| !a.name.contains("HIMKI Budi")), "{s:#?}");
        // A name that merely holds a role word keeps all its words.
        let s = read("Budi Hakim Pratama, staf ahli bupati, mengatakan jalan itu rusak.");
        assert_eq!(find(&s, "Budi Hakim Pratama").kind, ActorKind::Person);
    }

    #[test]
    fn a_word_the_text_names_a_speaker_by_alone_opens_a_glued_name() {
        let s = read("Menurut Kepala Badan Pusat Statistik DKI Jakarta Buyung Airlangga, sensus berjalan. “Warga antusias,” kata Buyung.");
        let p = find(&s, "Buyung Airlangga");
        assert_eq!((p.kind, p.role.as_deref()), (ActorKind::Person, Some("Kepala Badan Pusat Statistik DKI Jakarta")));
        assert!(s.iter().all(|a| !a.name.contains("Jakarta Buyung")), "{s:#?}");
        // Not a name's own first word.
        let s = read("Kepala Dusun Mokhamad Ngajib menjelaskan, jalan rusak. “Sudah lama,” kata Ngajib.");
        assert_eq!(find(&s, "Mokhamad Ngajib").kind, ActorKind::Person);
    }

    #[test]
    fn a_first_name_the_text_uses_alone_opens_a_name_of_four_words() {
        // The rules read three words back from a name's end; the fourth is
        // its own when the text names the speaker by it alone.
        let s = read_in("en", "Spokesman Tri Yunus Miko Wahyono said the rules work. “We must be careful,” said Tri.");
        let p = find(&s, "Tri Yunus Miko Wahyono");
        assert_eq!((p.kind, p.role.as_deref()), (ActorKind::Person, Some("Spokesman")));
        // Without that, three words stay the name.
        let s = read_in("en", "Spokesman Tri Yunus Miko Wahyono said the rules work.");
        assert_eq!(find(&s, "Yunus Miko Wahyono").kind, ActorKind::Person);
    }

    #[test]
    fn a_units_number_and_name_across_a_slash_are_one_body() {
        let s = read("“Para pelaku terbukti,” kata Kepala Penerangan Kodam IX/Udayana Kolonel (Czi) IGN Suriastawa.");
        assert_eq!(find(&s, "Kodam IX/Udayana").kind, ActorKind::Organization);
        assert_eq!(find(&s, "IGN Suriastawa").role.as_deref(), Some("Kepala Penerangan Kodam IX/Udayana"));
        let s = read("Pasukan Kodam XVII/Cenderawasih sudah tiba.");
        assert!(s.iter().any(|a| a.name.ends_with("Kodam XVII/Cenderawasih") && a.kind == ActorKind::Organization), "{s:#?}");
        assert_eq!(s.len(), 1, "{s:#?}");
        // Two bodies joined by a slash stay two.
        let s = read("Aparat TNI/Polri berjaga di lokasi.");
        assert!(s.iter().all(|a| !a.name.contains('/')), "{s:#?}");
    }

    #[test]
    fn a_ranks_corps_in_brackets_belongs_to_the_rank() {
        let s = read("“Kasus itu jelas,” kata Kepala Polda Metro Jaya Inspektur Jenderal (Pol) Mohammad Fadil Imran.");
        let p = find(&s, "Mohammad Fadil Imran");
        assert_eq!(p.role.as_deref(), Some("Kepala Polda Metro Jaya"));
        let s = read("“Kami terima informasi,” kata Deputi Operasi Basarnas Mayor Jenderal (TNI) Bambang Suryo Aji.");
        assert_eq!(find(&s, "Bambang Suryo Aji").kind, ActorKind::Person);
        assert!(s.iter().all(|a| a.name != "TNI" && a.name != "Tentara Nasional Indonesia"), "{s:#?}");
        // The retirement mark's dot ends no sentence; no corps is an actor.
        let s = read("“Kami siap,” kata Mayjen (Purn.) Bambang Suryo Aji. Sersan Satu (Czi) Faisal Akbar hadir.");
        let p = find(&s, "Bambang Suryo Aji");
        assert_eq!((p.kind, p.role.as_deref()), (ActorKind::Person, Some("Mayjen (Purn.)")));
        assert_eq!(find(&s, "Faisal Akbar").role.as_deref(), Some("Sersan Satu (Czi)"));
        assert_eq!(s.len(), 2, "{s:#?}");
        // With no role word before it, the rank is the role, not the place before it.
        let s = read("Ia didampingi Komandan Resor 132/Tadulako Palu Brigadir Jenderal (TNI) Farid Makruf.");
        assert_eq!(find(&s, "Farid Makruf").role.as_deref(), Some("Brigadir Jenderal (TNI)"));
    }

    #[test]
    fn a_rank_is_a_role_and_a_courtesy_word_is_not() {
        let s = read("Menurut Ajun Komisaris Besar Budi Hartono, pelaku sudah ditangkap.");
        assert_eq!(s.len(), 1, "{s:#?}");
        assert_eq!(find(&s, "Budi Hartono").role.as_deref(), Some("Ajun Komisaris Besar"));
        let s = read("Pak Budi mengatakan hal itu kepada wartawan.");
        let budi = find(&s, "Budi");
        assert_eq!(budi.role, None);
        assert_eq!(budi.mentions, ["Budi"]);
    }

    #[test]
    fn a_role_after_the_name_is_its_role() {
        let s = read("“Ini masalah yang terus kami pantau,” kata Lim Soo-suk, juru bicara kementerian, dalam konferensi pers.");
        assert_eq!(find(&s, "Lim Soo-suk").role.as_deref(), Some("juru bicara kementerian"));
        let s = read("“Ini masalah yang terus kami pantau,” kata juru bicara kementerian Lim Soo-suk dalam konferensi pers.");
        assert_eq!(find(&s, "Lim Soo-suk").role.as_deref(), Some("juru bicara kementerian"));
    }

    #[test]
    fn a_role_in_brackets_describes_the_person_before_it() {
        let s = read("Djarot Saiful Hidayat (Wagub DKI) hadir dalam acara itu.");
        let djarot = find(&s, "Djarot Saiful Hidayat");
        assert_eq!(djarot.role.as_deref(), Some("Wagub DKI"));
        assert!(!djarot.mentions.iter().any(|m| m == "DKI"), "{djarot:?}");
    }

    #[test]
    fn coordinated_titled_persons_stay_apart() {
        let s = read("Jaksa Agung Prasetyo dan Menhub Jonan menandatangani nota itu.");
        assert_eq!(find(&s, "Prasetyo").role.as_deref(), Some("Jaksa Agung"));
        assert_eq!(find(&s, "Jonan").role.as_deref(), Some("Menhub"));
    }

    #[test]
    fn an_acronym_defined_in_brackets_joins_its_expansion() {
        let s = read(
            "Pejabat kedua negara bertemu dalam Kelompok Konsultasi dan Strategi Penangguhan Diperkuat (EDSCG) di Seoul. \
             Pertemuan EDSCG berikutnya digelar tahun depan.",
        );
        let g = find(&s, "Kelompok Konsultasi dan Strategi Penangguhan Diperkuat");
        assert_eq!(g.kind, ActorKind::Organization);
        assert_eq!(g.mentions, ["Kelompok Konsultasi dan Strategi Penangguhan Diperkuat", "EDSCG", "EDSCG"]);
    }

    #[test]
    fn acronyms_join_their_expansion_from_initials_and_the_gazetteer() {
        let s = read("Komisi Pemberantasan Korupsi menahan dua orang. Juru bicara KPK membenarkan penahanan itu.");
        assert_eq!(find(&s, "Komisi Pemberantasan Korupsi").mentions, ["Komisi Pemberantasan Korupsi", "KPK"]);
        let s = read("Amerika Serikat menjatuhkan sanksi baru. AS juga membekukan aset Korea Utara dan DPRK membalas.");
        assert_eq!(find(&s, "Amerika Serikat").mentions, ["Amerika Serikat", "AS"]);
        assert_eq!(find(&s, "Korea Utara").mentions, ["Korea Utara", "DPRK"]);
    }

    #[test]
    fn a_surname_joins_the_full_name() {
        let s = read(
            "Komentarnya diamini oleh Bonnie Jenkins, pejabat Departemen Luar Negeri. \
             Kesepakatan itu akan melanggar resolusi, klaim Jenkins.",
        );
        let b = find(&s, "Bonnie Jenkins");
        assert_eq!(b.mentions, ["Bonnie Jenkins", "Jenkins"]);
        assert!(!s.iter().any(|a| a.name == "Jenkins"), "{s:#?}");
    }

    #[test]
    fn a_short_acronym_names_its_body_only_when_written_in_capitals() {
        let s = read("Pendiri Alibaba, Jack Ma, hadir. “Kami siap,” jawab Ma kemudian. Putusan MA itu final.");
        let ma = find(&s, "Jack Ma");
        assert_eq!(ma.mentions, ["Jack Ma", "Ma"]);
        assert_eq!(find(&s, "Mahkamah Agung").mentions, ["MA"]);
        let s = read("Sekretaris Daerah DIY Kadarmanta Baskara Aji hadir.");
        assert_eq!(find(&s, "Kadarmanta Baskara Aji").kind, ActorKind::Person);
        assert!(!s.iter().any(|a| a.name == "Aliansi Jurnalis Independen"), "{s:#?}");
    }

    #[test]
    fn a_first_name_the_text_names_a_speaker_by_stays_in_the_name() {
        // The tagger reads this name from its second word; `kata Kadarmanta`
        // shows the first is a name too.
        let text = "Sekretaris Daerah Kadarmanta Baskara Aji mengatakan itu.";
        assert!(read(text).iter().any(|a| a.name == "Baskara Aji"), "the case this test is about changed: {:#?}", read(text));
        let s = read(&format!("{text} “Kami siap,” kata Kadarmanta."));
        assert_eq!(find(&s, "Kadarmanta Baskara Aji").mentions, ["Kadarmanta Baskara Aji", "Kadarmanta"]);
    }

    #[test]
    fn a_rank_before_a_name_says_where_the_name_starts() {
        let s = read("“Kami siap,” kata Direktur Lalu Lintas Polda Sumut Komisaris Besar Indra Darmawan Irianto.");
        let p = find(&s, "Indra Darmawan Irianto");
        assert_eq!((p.kind, p.role.as_deref()), (ActorKind::Person, Some("Direktur Lalu Lintas Polda Sumut")));
        // No body or place runs into the rank or the name.
        assert!(s.iter().all(|a| !a.name.contains("Komisaris") && !a.name.contains("Indra") || a.name == "Indra Darmawan Irianto"), "{s:#?}");
        // After a head word, a title belongs to the place's name.
        let s = read("Pasien dirawat di RSUD Dr Soetomo, Surabaya.");
        assert_eq!(find(&s, "RSUD Dr Soetomo").kind, ActorKind::Place);
        // A body ending in a descriptor (`Timur`) is no head word.
        let s = read("“Sudah dicatat,” kata Kepala Kepolisian Daerah Jawa Timur Komisaris Besar Gatot Repli Handoko.");
        let p = find(&s, "Gatot Repli Handoko");
        assert_eq!((p.kind, p.role.as_deref()), (ActorKind::Person, Some("Kepala Kepolisian Daerah Jawa Timur")));
    }

    #[test]
    fn a_sentence_is_read_in_bounded_windows_that_cover_it() {
        let short = "Kepala Polda Sumut Komisaris Besar Budi Santoso hadir.";
        let ctx = Ctx::new(short, profile("id").unwrap());
        assert_eq!(windows(&ctx, 0, ctx.tokens.len()), [(0, ctx.tokens.len())]);
        // One sentence of 9,000 tokens, with and without commas.
        for sep in [" dan ", ", "] {
            let long = format!("Kepala Polda Sumut Komisaris Besar Budi Santoso{sep}").repeat(1000);
            let ctx = Ctx::new(&long, profile("id").unwrap());
            let n = ctx.tokens.len();
            let w = windows(&ctx, 0, n);
            assert_eq!((w[0].0, w[w.len() - 1].1), (0, n));
            assert!(w.windows(2).all(|p| p[0].1 == p[1].0), "{w:?}");
            assert!(w.iter().all(|&(a, b)| a < b && b - a <= MAX_WINDOW_TOKENS), "{w:?}");
            if sep == ", " {
                assert!(w[..w.len() - 1].iter().all(|&(_, b)| ctx.word(b - 1) == ","), "cut after commas: {w:?}");
            }
            assert!(read(&long).iter().any(|a| a.name == "Budi Santoso"));
        }
    }

    #[test]
    fn a_short_form_joins_the_name_whose_word_it_begins() {
        let s = read("Wali Kota Surabaya Tri Rismaharini meninjau pasar. Pedagang menyambutnya. Risma mengatakan, pasar harus bersih.");
        let tri = find(&s, "Tri Rismaharini");
        assert!(tri.mentions.iter().any(|m| m == "Risma"), "{s:#?}");
        // The rest of the word must open with a letter: a ticket is two people.
        let s = read("Pasangan Jokowi-Ma'ruf Amin menang. Kata Jokowi, rakyat sudah memilih.");
        assert!(s.iter().all(|a| !(a.mentions.iter().any(|m| m == "Jokowi") && a.name.contains("Ma'ruf"))), "{s:#?}");
    }

    #[test]
    fn a_nickname_in_brackets_joins_the_name() {
        let s = read("Wakil Gubernur Jawa Timur Saifullah Yusuf (Gus Ipul) datang. Menurut Gus Ipul, semua aman.");
        let g = find(&s, "Saifullah Yusuf");
        assert_eq!(g.kind, ActorKind::Person);
        assert_eq!(g.mentions, ["Saifullah Yusuf", "Gus Ipul", "Gus Ipul"]);
    }

    #[test]
    fn an_all_caps_dateline_is_the_place_named_later() {
        let s = read("WASHINGTON - Pemerintah mengumumkan sanksi baru. Pejabat di Washington menolak berkomentar.");
        let w = find(&s, "Washington");
        assert_eq!(w.kind, ActorKind::Place);
        assert_eq!(w.mentions, ["WASHINGTON", "Washington"]);
    }

    #[test]
    fn sentence_starts_days_and_months_are_not_actors() {
        let s = read("Pertemuan itu berlangsung pada hari Jumat. Sebelumnya, pada Senin 12 Januari, Kedua pihak sepakat.");
        assert!(s.is_empty(), "{s:#?}");
    }

    #[test]
    fn sentence_adverbs_holidays_and_currency_are_not_actors() {
        let s = read("Alhasil, kapal itu tak lagi beroperasi. Rinciannya, 226 kasus sembuh. Warga menunaikan shalat Idul Fitri di rumah dan menerima Rp 300.000.");
        assert!(s.is_empty(), "{s:#?}");
    }

    #[test]
    fn a_clause_between_a_role_word_and_a_name_is_no_role() {
        let s = read("Polisi memastikan pelaku segera membayarkan restitusi kepada Budi Santoso pekan depan.");
        assert_eq!(find(&s, "Budi Santoso").role, None, "{s:#?}");
        let s = read("Hal itu dikatakan juru bicara kementerian Lim Soo-suk.");
        assert_eq!(find(&s, "Lim Soo-suk").role.as_deref(), Some("juru bicara kementerian"), "{s:#?}");
    }

    #[test]
    fn a_role_before_a_bracket_goes_to_the_name_after_it() {
        let s = read("Juru Bicara Asosiasi Fintech Pendanaan Bersama Indonesia (AFPI) Andi Taufan Garuda menyampaikan, kebijakan itu tegas.");
        assert!(s.iter().all(|a| !a.name.contains("Juru Bicara")), "{s:#?}");
        let andi = s.iter().find(|a| a.name.starts_with("Andi Taufan")).unwrap_or_else(|| panic!("{s:#?}"));
        assert_eq!(andi.role.as_deref(), Some("Juru Bicara Asosiasi Fintech Pendanaan Bersama Indonesia (AFPI)"));
    }

    #[test]
    fn a_name_of_four_words_after_a_rank_keeps_the_role_and_the_body() {
        let s = read("Kepala Polsek Baruga Ajun Komisaris I Gusti Komang Sulastra menyampaikan, pihaknya mendapat laporan dari warga.");
        let p = find(&s, "I Gusti Komang Sulastra");
        assert_eq!(p.role.as_deref(), Some("Kepala Polsek Baruga"), "{s:#?}");
        assert_eq!(find(&s, "Polsek Baruga").kind, ActorKind::Organization, "{s:#?}");
    }

    #[test]
    fn a_title_between_role_and_name_stays_out_of_both() {
        let s = read("Kepala Dinas Kesehatan Banyuwangi dr Widji Lestariono mengatakan, Banyuwangi masuk zona merah.");
        let p = find(&s, "Widji Lestariono");
        assert_eq!(p.role.as_deref(), Some("Kepala Dinas Kesehatan Banyuwangi"), "{s:#?}");
        let s = read("Kepala Dinas Kesehatan Banyuwangi Dr. Widji Lestariono mengatakan, Banyuwangi masuk zona merah.");
        assert_eq!(find(&s, "Widji Lestariono").role.as_deref(), Some("Kepala Dinas Kesehatan Banyuwangi"), "{s:#?}");
    }

    #[test]
    fn the_words_of_a_role_are_not_persons() {
        let s = read("Menteri Koordinator Bidang Kemaritiman dan Investasi Luhut Binsar Pandjaitan mengatakan, larangan mudik berlaku.");
        assert_eq!(s.len(), 1, "{s:#?}");
        assert_eq!(find(&s, "Luhut Binsar Pandjaitan").role.as_deref(), Some("Menteri Koordinator Bidang Kemaritiman dan Investasi"));
        // A body named inside the role stays: `… (Indef) Tauhid Ahmad`.
        let s = read("Direktur Eksekutif Institute for Development of Economics and Finance (Indef) Tauhid Ahmad mengatakan, inflasi naik.");
        assert_eq!(find(&s, "Institute for Development of Economics and Finance").kind, ActorKind::Organization, "{s:#?}");
    }

    #[test]
    fn a_name_and_its_bracketed_short_form_are_two_mentions_of_one_actor() {
        let s = read("Kabar bahwa Presiden Joko Widodo (Jokowi) bakal merombak kabinetnya kembali berhembus.");
        let j = find(&s, "Joko Widodo");
        assert_eq!(j.mentions, ["Joko Widodo", "Jokowi"]);
    }

    #[test]
    fn names_with_digits_are_not_persons() {
        let s = read("Sebuah rudal balistik yang dikenal sebagai Hwasong-11 menghantam kota Kharkiv di Ukraina.");
        assert!(!s.iter().any(|a| a.kind == ActorKind::Person), "{s:#?}");
        assert_eq!(find(&s, "Ukraina").kind, ActorKind::Place);
    }

    #[test]
    fn a_gazetteer_body_the_name_would_start_inside_stays_whole() {
        // Without the gazetteer's extent, `Daya Mineral` was the person.
        let s = read("Ia mantan Sekretaris Jenderal Kementerian Energi dan Sumber Daya Mineral.");
        assert_eq!(s.len(), 1);
        assert_eq!(find(&s, "Kementerian Energi dan Sumber Daya Mineral").kind, ActorKind::Organization);
        // A name after the body starts past its end, and the role keeps the
        // body whole (before: `Kementerian Energi`, and a role ending `Sumber Daya`).
        let s = read("Direktur Jenderal Kementerian Energi dan Sumber Daya Mineral Arifin Tasrif mengatakan, stok aman.");
        assert_eq!(find(&s, "Kementerian Energi dan Sumber Daya Mineral").mentions, ["Kementerian Energi dan Sumber Daya Mineral"]);
        let p = find(&s, "Arifin Tasrif");
        assert_eq!(p.role.as_deref(), Some("Direktur Jenderal Kementerian Energi dan Sumber Daya Mineral"));
    }

    #[test]
    fn a_company_read_from_its_head_word_keeps_its_last_words() {
        // The tagger reads `PT Salma Arowana` and a person `Lestari`.
        let s = read("Ia diperiksa dalam perkara PT Salma Arowana Lestari yang menjeratnya bersama Sjahril.");
        assert_eq!(find(&s, "PT Salma Arowana Lestari").mentions, ["PT Salma Arowana Lestari"]);
        assert!(!s.iter().any(|a| a.name == "Lestari"));
    }

    #[test]
    fn a_legal_form_in_brackets_is_the_companys_tail_not_an_alias() {
        // One alias `Persero` joined the two banks into one actor.
        let s = read("Sekretaris Perusahaan PT Bank Mandiri (Persero) Tbk Rully Setiawan mengatakan, Sekretaris Perusahaan PT Bank Rakyat Indonesia (Persero) Tbk Amam Sukriyanto setuju.");
        assert_eq!(find(&s, "PT Bank Mandiri").mentions, ["PT Bank Mandiri"]);
        assert_eq!(find(&s, "PT Bank Rakyat Indonesia").mentions, ["PT Bank Rakyat Indonesia"]);
        assert!(!s.iter().any(|a| a.name == "Persero" || a.name == "Tbk"));
        assert_eq!(find(&s, "Rully Setiawan").role.as_deref(), Some("Sekretaris Perusahaan PT Bank Mandiri (Persero) Tbk"));
    }

    #[test]
    fn the_tagger_neither_glues_a_named_speakers_first_word_to_a_body_nor_drops_a_names_end() {
        // The tagger reads `YABB Monica` and `Oudang`; the text names `Monica` alone.
        let s = read("Ketua YABB Monica Oudang menjelaskan, sumbangan itu terbuka. “Semua bisa ikut,” kata Monica.");
        assert_eq!(find(&s, "Monica Oudang").mentions, ["Monica Oudang", "Monica"]);
        assert_eq!(find(&s, "YABB").kind, ActorKind::Organization);
        // The tagger reads only `Nurlia`; after a role the rules' three words stand.
        let s = read("“Itu penting,” kata Koordinator Nasional JPPR Nurlia Dian Paramita.");
        assert_eq!(find(&s, "Nurlia Dian Paramita").role.as_deref(), Some("Koordinator Nasional JPPR"));
    }

    #[test]
    fn a_roles_short_form_in_brackets_stays_in_the_role() {
        let s = read("Sekretaris Jenderal (Sekjen) DPR Indra Iskandar mengatakan, rapat ditunda.");
        assert_eq!(find(&s, "Indra Iskandar").role.as_deref(), Some("Sekretaris Jenderal (Sekjen) DPR"));
        let s = read("Perdana Menteri (PM) India Narendra Modi mengatakan, itu penting.");
        assert_eq!(find(&s, "Narendra Modi").role.as_deref(), Some("Perdana Menteri (PM) India"));
    }

    #[test]
    fn a_role_after_an_ordinary_word_opening_the_sentence_is_read_as_a_role() {
        let s = read("Menurut Kepala Satuan Polisi Pamong Praja (Satpol PP) Kota Bekasi Abi Hurairah, warga tertib.");
        assert_eq!(find(&s, "Abi Hurairah").role.as_deref(), Some("Kepala Satuan Polisi Pamong Praja (Satpol PP) Kota Bekasi"));
    }

    #[test]
    fn the_tagger_does_not_run_a_role_word_and_its_body_into_the_name() {
        // The tagger reads all of `VP Lending OVO Natasha Ardiani` as the person.
        let s = read("VP Lending OVO Natasha Ardiani mengatakan, akses pinjaman baik.");
        let p = find(&s, "Natasha Ardiani");
        assert_eq!((p.mentions.as_slice(), p.role.as_deref()), (&["Natasha Ardiani".to_string()][..], Some("VP Lending OVO")));
    }

    #[test]
    fn a_named_person_after_a_role_is_no_unnamed_office_holder() {
        // Before: the office `Mantan Presiden SBY` as a second person.
        let s = read("Mantan Presiden SBY mengatakan itu benar.");
        assert_eq!(s.len(), 1);
        assert_eq!(find(&s, "SBY").role.as_deref(), Some("Mantan Presiden"));
        // Words opening a sentence before a person are no names.
        let s = read("Mantan bankir Malcolm Turnbull juga bergabung dalam kabinet.");
        assert!(!s.iter().any(|a| a.name == "Mantan"));
    }

    #[test]
    fn a_names_first_word_goes_to_the_role_when_the_text_writes_the_rest_apart() {
        let s = read("Bupati Muna Rusman Emba dilaporkan ke polisi. Rusman Emba dilaporkan oleh warga Kabupaten Muna.");
        let p = find(&s, "Rusman Emba");
        assert_eq!((p.role.as_deref(), p.mentions.len()), (Some("Bupati Muna"), 2));
        // A first name the text never writes apart stays: `Khofifah` alone is no cut.
        let s = read("Gubernur Khofifah Indar Parawansa mengatakan itu. Khofifah menambahkan hal lain.");
        assert_eq!(find(&s, "Khofifah Indar Parawansa").role.as_deref(), Some("Gubernur"));
    }

    #[test]
    fn bpk_in_capitals_is_the_audit_board_not_a_courtesy_word() {
        let s = read("Ketua BPK Anwar Nasution datang ke gedung itu.");
        assert_eq!(find(&s, "Badan Pemeriksa Keuangan").mentions, ["BPK"]);
        assert_eq!(find(&s, "Anwar Nasution").role.as_deref(), Some("Ketua BPK"));
    }

    #[test]
    fn a_known_body_before_a_named_spokesman_stays_apart_from_him() {
        // Whatever the tagger makes of `Kremlin Dmitry Peskov`, the gazetteer
        // body and the person after the role are two actors.
        let s = read("Juru bicara Kremlin Dmitry Peskov mengatakan kepada wartawan pada hari Jumat bahwa tidak ada perjanjian.");
        assert_eq!(find(&s, "Kremlin").kind, ActorKind::Organization);
        let p = find(&s, "Dmitry Peskov");
        assert_eq!(p.kind, ActorKind::Person);
        assert_eq!(p.mentions, ["Dmitry Peskov"]);
    }

    #[test]
    fn a_body_named_with_its_place_is_one_organization() {
        let s = read("Kementerian luar negeri Seoul mengatakan transfer senjata itu telah dipantau.");
        assert_eq!(find(&s, "Kementerian luar negeri Seoul").kind, ActorKind::Organization);
    }

    #[test]
    fn an_unnamed_office_holder_who_speaks_is_a_person() {
        let text = "“Kami memantau situasi,” kata juru bicara Departemen Luar Negeri AS kepada wartawan.";
        let doc = crate::analyze(text, &crate::Options::default()).unwrap();
        let speaker = doc.quotes[0].speaker.as_deref().expect("a speaker");
        let actor = doc.actors.iter().find(|a| a.id == speaker).unwrap();
        assert_eq!(actor.kind, ActorKind::Person);
        assert!(actor.name.to_lowercase().starts_with("juru bicara"), "{actor:?}");
    }

    #[test]
    fn the_run_after_a_resident_role_is_the_place() {
        // Before: persons `Temon` and `Kampung Melayu` with the role `warga`.
        let s = read("“Banjir surut,” kata warga Temon. “Air naik,” kata warga Kampung Melayu.");
        assert_eq!(find(&s, "Temon").kind, ActorKind::Place);
        assert_eq!(find(&s, "Kampung Melayu").kind, ActorKind::Place);
        assert!(s.iter().all(|a| a.kind != ActorKind::Person || a.name.starts_with("warga")), "{s:#?}");
        // Sentence-initial, with the tagger reading `Warga Sidorejo` as one name.
        let s = read("Warga Sidorejo, Nyartono (32), mengatakan belum mau mengungsi dari rumahnya.");
        assert_eq!(find(&s, "Sidorejo").kind, ActorKind::Place);
        assert_eq!(find(&s, "Nyartono").role.as_deref(), Some("Warga Sidorejo"));
        // A name after the place stays a name: `warga Temon, Sutrisno`.
        let s = read("Sutrisno, warga Temon, mengatakan banjir surut.");
        assert_eq!(find(&s, "Sutrisno").kind, ActorKind::Person);
        assert_eq!(find(&s, "Temon").kind, ActorKind::Place);
    }

    #[test]
    fn an_office_set_off_before_a_name_is_its_role() {
        let s = read("Juru bicara Kementerian Luar Negeri, Teuku Faizasyah, mengatakan Indonesia menolak hal itu.");
        assert_eq!(find(&s, "Teuku Faizasyah").role.as_deref(), Some("Juru bicara Kementerian Luar Negeri"));
        let s = read("“Kami menolak,” kata juru bicara Mahkamah Konstitusi, Fajar Laksono.");
        assert_eq!(find(&s, "Fajar Laksono").role.as_deref(), Some("juru bicara Mahkamah Konstitusi"));
        // A place listed after a resident's place is no holder.
        let s = read("Polisi mendatangi warga Kemuning, Rawa Bunga.");
        assert!(s.iter().all(|a| a.role.as_deref() != Some("warga Kemuning")), "{s:#?}");
    }

    #[test]
    fn an_office_holder_is_named_without_the_connector_after_the_role() {
        let text = "Menteri Luar Negeri AS dan para menteri lain mengeluarkan pernyataan. “Kami menentang pengiriman senjata itu,” kata mereka.";
        let doc = crate::analyze(text, &crate::Options::default()).unwrap();
        let speaker = doc.quotes[0].speaker.as_deref().expect("a speaker");
        let actor = doc.actors.iter().find(|a| a.id == speaker).unwrap();
        assert_eq!(actor.name, "Menteri Luar Negeri AS", "{actor:?}");
    }

    #[test]
    fn mentions_never_overlap_and_stay_inside_the_text() {
        let text = "Presiden Rusia Vladimir Putin (Putin) dan ( ( AS ) ) - DPRK (";
        let ctx = Ctx::new(text, profile("id").unwrap());
        let cast = recognize(&ctx);
        for w in cast.mentions.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "{:?}", cast.mentions);
        }
        assert!(cast.mentions.iter().all(|m| m.span.end <= text.len() && m.actor < cast.actors.len()));
    }
}
