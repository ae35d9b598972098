//! Attribution: who said each quote, and the words that say so (the cue).
//!
//! For each direct quote, cues are tried in this order, each a small rule
//! with its examples in `data/<lang>/rules.txt` (run by
//! `tests/attribution_rules.rs`):
//!
//! 1. after the quote: `“…,” kata X`, `“…,” katanya`, `“…,” dia bersikeras`,
//!    `“…,” ditambahkan X`; the speaker phrase reads over a role and its
//!    affiliation to the name (`ujar anggota Bawaslu, Lolly Suhenty,`) and
//!    stops at time and place phrases (`di Jakarta, Senin`);
//! 2. later in the same sentence: `“…” dalam “…” …, kata pernyataan itu`;
//! 3. before the quote: `X: “…”`, `X mengatakan bahwa “…”`, `X, yang
//!    mengatakan bahwa “…”`, `Menurut X, … “…”`;
//! 4. no cue: a quote that opens its paragraph continues the previous
//!    quote's speaker, with low confidence; the first paragraphs of a
//!    multi-paragraph quote take the speaker of the paragraph with the cue.
//!
//! The speaker phrase is resolved to an actor: a named mention; a bare
//! capitalised name after a speech verb (a new person); a pronoun or `-nya`
//! to the person the text last introduced as speaking (subjects of speech
//! verbs, `Menurut X`, mid-sentence cues, passive agents, clause subjects); `juru bicara
//! tersebut` to the person or office with that role; `pernyataan itu` to a
//! document actor. Where nothing resolves, the quote keeps no speaker and
//! a confidence of 0: no speaker beats a wrong one.
//!
//! Indirect speech (`X mengatakan bahwa …`, `…, kata X.`) in sentences with
//! no direct quote becomes quotes of kind indirect.

use std::collections::BTreeMap;

use crate::hash::{HashMap, HashSet};

use crate::actors::Cast;
use crate::context::{Ctx, Lowered};
use crate::profile::class;
use crate::document::{ActorKind, QuoteKind};
use crate::quotes::FoundQuote;
use crate::span::Span;
use crate::tokens::TokenKind;

/// Most tokens [`Attributor::role_prefix`] reads as a role before a name.
const MAX_ROLE_PREFIX: usize = 16;

/// A quote with its speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Attributed {
    /// The quoted words (bytes).
    pub content: Span,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// Index into [`Cast::actors`].
    pub speaker: Option<usize>,
    /// The attribution phrase (bytes).
    pub cue: Option<Span>,
    /// 0 (no speaker) to 1.
    pub confidence: f32,
}

/// What a speaker phrase refers to, before resolution.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    /// A named actor.
    Actor(usize),
    /// A role phrase with no name (index into `Cast::offices`).
    Office(usize),
    /// A role phrase that points back (`the minister said`), like an
    /// anaphoric office.
    Anaphoric(usize),
    /// A document noun phrase over tokens `first..end` (`pernyataan itu`).
    Document(usize, usize),
    /// A pronoun or `-nya`: the nearest earlier speaker; `person` when it
    /// cannot be a thing.
    Back { person: bool, plural: bool },
    /// Capitalised words right after a speech verb that no earlier stage
    /// read as a name (`kata Hari.`, `kata Oke, seperti dikutip …`): a
    /// person named there, over tokens `first..end`.
    Name(usize, usize),
}

/// A cue found for a quote: who, the cue's token range, and a base confidence.
#[derive(Clone, Copy, Debug)]
struct Cue {
    who: Who,
    first: usize,
    end: usize,
    confidence: f32,
}

/// Finds the speaker of every quote; may add actors (offices, documents) to `cast`.
pub fn attribute(ctx: &Ctx, found: &[FoundQuote], cast: &mut Cast) -> Vec<Attributed> {
    let document_phrases = ctx.profile.document_nouns.iter().map(|d| d.split(' ').collect()).collect();
    let mut a = Attributor {
        ctx,
        cast,
        office_actor: HashMap::default(),
        document_actor: None,
        speakers: BTreeMap::new(),
        guessed: false,
        document_phrases,
        holders: HashMap::default(),
        holders_synced: 0,
    };
    a.speech_events(found);
    let mut out: Vec<Attributed> = Vec::with_capacity(found.len());
    let mut prev: Option<(usize, Option<usize>)> = None; // (paragraph, speaker) of the last quote
    for (qi, q) in found.iter().enumerate() {
        let para = ctx.layout.paragraph_of[q.first] as usize;
        let cue = a.cue_after(q).or_else(|| a.cue_later_in_sentence(q, found.get(qi + 1))).or_else(|| a.cue_before(q));
        let (speaker, cue_span, confidence) = match cue {
            Some(c) => {
                let at = ctx.tokens[q.open.unwrap_or(q.first)].span.start;
                let s = a.resolve(c.who, at);
                // A pronoun resolved only to the last person named, with no
                // one introduced as speaking, is a guess.
                let conf = match s {
                    None => 0.0,
                    Some(_) if a.guessed => c.confidence * 0.6,
                    Some(_) => c.confidence,
                };
                (s, Some(Span::new(ctx.tokens[c.first].span.start, ctx.tokens[c.end - 1].span.end)), conf)
            }
            None => {
                // Continuation: a quote paragraph with no cue goes on with the last speaker.
                let opens_para = q.open.map_or(q.first, |o| o) == ctx.layout.paragraphs[para].start;
                match prev {
                    Some((pp, s)) if s.is_some() && (pp == para || (opens_para && pp + 1 >= para)) => {
                        (s, None, if q.continues { 0.7 } else { 0.5 })
                    }
                    _ => (None, None, 0.0),
                }
            }
        };
        if let Some(s) = speaker {
            a.spoke(ctx.tokens[q.open.unwrap_or(q.first)].span.start, s);
        }
        prev = Some((para, speaker));
        out.push(Attributed { content: q.content, kind: QuoteKind::Direct, speaker, cue: cue_span, confidence });
    }
    // A multi-paragraph quote: the paragraphs before the one with the cue
    // say the same speaker's words.
    for k in (0..out.len().saturating_sub(1)).rev() {
        if out[k].speaker.is_none() && found[k + 1].continues && found[k].close.is_none() {
            if let Some(s) = out[k + 1].speaker {
                out[k].speaker = Some(s);
                out[k].confidence = (out[k + 1].confidence - 0.1).max(0.1);
            }
        }
    }
    let indirect = a.indirect(found);
    out.extend(indirect);
    out.sort_by_key(|q| q.content.start);
    trim_affiliations(ctx, a.cast);
    out
}

/// Cuts affiliation words glued before a person's name (`Tbk Jahja
/// Setiaatmadja`, `Masjid Istiqlal Nasaruddin Umar`) when the text names the
/// person alone by the word where the name proper starts (`Jahja`), and
/// a word cut reads as an affiliation: an acronym, an organization or
/// place word, a role word, or a word the text also writes in lowercase.
/// (Given names before the word used alone, as in `Muhammad Abdi
/// Suhufan` … `Abdi`, are none of these and stay.)
/// The actor's name and its long mentions then start at that word; at
/// least two words of the name are kept. Where the words before it read
/// as given names, the name stays and the shorter form becomes an alias.
fn trim_affiliations(ctx: &Ctx, cast: &mut Cast) {
    let p = ctx.profile;
    let affiliation = |j: usize| {
        let w = ctx.lower_at(j);
        ctx.is_acronym(j)
            || ctx.is_common(j)
            || p.org_heads.contains(w)
            || p.descriptors.contains(w)
            || p.is_role_start(w)
            || p.org_tails.contains(w)
            || ctx.known_word(j).is_some_and(|k| k.kind != ActorKind::Person)
    };
    // Mentions of each actor, so the pass costs one walk over the mentions.
    let mut by_actor: Vec<Vec<usize>> = vec![Vec::new(); cast.actors.len()];
    for (k, m) in cast.mentions.iter().enumerate() {
        if let Some(v) = by_actor.get_mut(m.actor) {
            v.push(k);
        }
    }
    for (a, own) in by_actor.iter().enumerate() {
        if cast.actors[a].kind != ActorKind::Person {
            continue;
        }
        // Words the text uses alone for this actor.
        let alone: Vec<&str> = own
            .iter()
            .map(|&k| &cast.mentions[k])
            .filter(|m| m.end == m.first + 1)
            .map(|m| ctx.lower_at(m.first))
            .collect();
        if alone.is_empty() {
            continue;
        }
        let mut renamed = None;
        let mut shorter = Vec::new();
        for &k in own {
            let m = &mut cast.mentions[k];
            if m.end < m.first + 3 {
                continue;
            }
            let Some(cut) = (m.first + 1..m.end - 1).find(|&j| alone.contains(&ctx.lower_at(j))) else { continue };
            if ctx.tokens[m.first..m.end].iter().any(|t| t.kind != TokenKind::Word) {
                continue;
            }
            let rest = &ctx.text[ctx.tokens[cut].span.start..m.span.end];
            if !(m.first..cut).any(affiliation) {
                // `Muhammad Abdi Suhufan` … `Abdi`: the name stays; `Abdi
                // Suhufan` is another name of the same person.
                shorter.push(rest.to_string());
                continue;
            }
            m.first = cut;
            m.span = Span::new(ctx.tokens[cut].span.start, m.span.end);
            renamed = Some(rest.to_string());
        }
        let actor = &mut cast.actors[a];
        if let Some(name) = renamed {
            if name.len() < actor.name.len() && actor.name.ends_with(name.as_str()) {
                actor.name = name;
            }
        }
        for alias in shorter {
            if alias != actor.name && !actor.titled.contains(&alias) {
                actor.titled.push(alias);
            }
        }
    }
}

struct Attributor<'c, 'a> {
    ctx: &'c Ctx<'a>,
    cast: &'c mut Cast,
    /// Actor made for an office, by its lowercased phrase.
    office_actor: HashMap<String, usize>,
    /// The document actor, once made.
    document_actor: Option<usize>,
    /// `(byte position, actor)` of each resolved speaker so far.
    /// Keyed by `(byte position, insertion number)`, so that speakers at
    /// the same position stay in the order they were recorded; a map, not a
    /// sorted vector, so recording one in the middle costs O(log n).
    speakers: BTreeMap<(usize, usize), usize>,
    /// The last pronoun resolved went to the nearest person mention, not to
    /// a speaker: weak evidence.
    guessed: bool,
    /// The profile's document nouns split into words, split once per text.
    document_phrases: Vec<Vec<&'a str>>,
    /// For [`Attributor::last_holder`]: by role phrase, the start byte →
    /// actor of every mention of a person whose role starts with it. Built
    /// on a role's first use, kept current by [`Attributor::add_mention`].
    holders: HashMap<String, BTreeMap<usize, usize>>,
    /// `cast.mentions.len()` that `holders` reflects; any other length
    /// means mentions were added behind its back, and it is rebuilt.
    holders_synced: usize,
}

/// How far, in tokens, a cue is looked for after a quote's closing mark or
/// before its opening mark, and a subject's appositive comma before its
/// verb. Keeps the work per quote bounded, so a text of one endless
/// sentence with thousands of quotes stays linear; news sentences are far
/// shorter.
const CUE_WINDOW: usize = 80;

/// Longest speaker phrase read after a verb, in tokens (`Wakil Menteri Luar
/// Negeri Korea Selatan Chang Ho-jin` is 8).
const MAX_PHRASE: usize = 32;

/// How deep `X, yang …` and `X, juru bicara Y, …` are followed back to
/// their subject.
const MAX_APPOSITIVES: usize = 4;

/// How many earlier speakers, mentions or offices a pronoun or role phrase
/// looks back over for its referent.
const MAX_BACK: usize = 512;

/// Words that may stand between a subject and its speech verb (`X juga mengatakan`).
const ADVERBS: &[&str] = &[
    "juga", "pun", "kemudian", "lalu", "telah", "sempat", "sudah", "lebih", "lanjut", "kembali", "pernah", "also",
    "later", "then", "has", "had", "have", "bahkan", "hanya", "sendiri", "akhirnya", "tetap", "pula",
];

impl Attributor<'_, '_> {
    fn para_end(&self, i: usize) -> usize {
        self.ctx.layout.paragraphs[self.ctx.layout.paragraph_of[i] as usize].end
    }

    fn sentence_of(&self, i: usize) -> std::ops::Range<usize> {
        self.ctx.layout.sentences[self.ctx.layout.sentence_of[i] as usize].clone()
    }

    fn is_word(&self, i: usize) -> bool {
        self.ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    fn is_before_verb(&self, i: usize) -> bool {
        self.is_word(i) && self.ctx.has(i, class::VERBS_BEFORE)
    }

    fn is_pointing(&self, i: usize) -> bool {
        let p = self.ctx.profile;
        let w = &self.ctx.lower[i];
        self.is_word(i)
            && p.pointing_suffixes.iter().any(|s| w.strip_suffix(s.as_str()).is_some_and(|b| p.verbs_after.contains(b)))
    }

    /// A passive speech verb, whose agent follows (`disampaikan X`).
    fn is_passive(&self, i: usize) -> bool {
        self.ctx.profile.passive_prefixes.iter().any(|p| self.ctx.lower[i].starts_with(p.as_str()))
    }

    fn is_plain_after_verb(&self, i: usize) -> bool {
        self.is_word(i) && self.ctx.has(i, class::VERBS_AFTER)
    }

    /// Rule 1: the words right after the closing mark.
    fn cue_after(&self, q: &FoundQuote) -> Option<Cue> {
        let start = q.close.map_or(q.end, |c| c + 1);
        self.cue_at(start, self.para_end(start.min(self.ctx.tokens.len().saturating_sub(1))))
    }

    /// A cue starting at token `i` (after optional `,`): `kata X`, `katanya`, `X kata`.
    fn cue_at(&self, i: usize, end: usize) -> Option<Cue> {
        let ctx = self.ctx;
        let mut i = i;
        while i < end && matches!(ctx.word(i), "," | "." | "—" | "–" | "-") {
            i += 1;
        }
        if i >= end || !self.is_word(i) {
            return None;
        }
        if self.is_pointing(i) {
            return Some(Cue { who: Who::Back { person: false, plural: false }, first: i, end: i + 1, confidence: 0.8 });
        }
        if self.is_plain_after_verb(i) {
            if let Some((who, np_end)) = self.subject_after(i + 1, end) {
                return Some(Cue { who, first: i, end: np_end, confidence: 0.95 });
            }
            if let Some(e) = self.bare_name(i + 1, end) {
                return Some(Cue { who: Who::Name(i + 1, e), first: i, end: e, confidence: 0.7 });
            }
        }
        // `dia bersikeras`, `itu berkata`, `Jenkins said`: subject then verb.
        if let Some((who, np_end)) = self.subject_after(i, end) {
            let mut v = np_end;
            while v < end && ADVERBS.contains(&ctx.lower_at(v)) {
                v += 1;
            }
            if v < end && (self.is_plain_after_verb(v) || self.is_before_verb(v)) {
                return Some(Cue { who, first: i, end: v + 1, confidence: 0.9 });
            }
        }
        None
    }

    /// Rule 2: a `, VERB X` cue later in the quote's sentence, past other
    /// partial quotes but not past another quote's own cue.
    fn cue_later_in_sentence(&self, q: &FoundQuote, next: Option<&FoundQuote>) -> Option<Cue> {
        let ctx = self.ctx;
        let from = q.close.map_or(q.end, |c| c + 1);
        let s = self.sentence_of(q.close.unwrap_or(q.end.saturating_sub(1)));
        let mut i = from;
        let stop = s.end.min(from.saturating_add(CUE_WINDOW));
        while i < stop {
            if let Some(n) = next.filter(|n| n.open.map_or(n.first, |o| o) == i) {
                // Skip over the next quote: its words are not cues.
                i = n.close.map_or(n.end, |c| c + 1);
                continue;
            }
            if ctx.word(i) == "," {
                if let Some(c) = self.cue_at(i + 1, s.end) {
                    return Some(Cue { confidence: c.confidence - 0.05, ..c });
                }
            }
            i += 1;
        }
        None
    }

    /// Rule 3: a cue before the opening mark, in the same sentence.
    fn cue_before(&self, q: &FoundQuote) -> Option<Cue> {
        let ctx = self.ctx;
        let open = q.open?;
        let s = self.sentence_of(open);
        let para_start = ctx.layout.paragraphs[ctx.layout.paragraph_of[open] as usize].start;
        let lo = s.start.max(para_start);
        // Where the scans below start: at most CUE_WINDOW tokens back.
        let floor = lo.max(open.saturating_sub(CUE_WINDOW));
        // `X: “…”`
        if open > lo && ctx.word(open - 1) == ":" {
            if let Some((who, first)) = self.subject_before(open - 1, lo) {
                return Some(Cue { who, first, end: open - 1, confidence: 0.9 });
            }
        }
        // `Menurut X, … “…”`
        for m in floor..open {
            for phrase in &ctx.profile.according {
                let n = phrase.len();
                if m + n <= open && (0..n).all(|k| ctx.lower[m + k] == phrase[k]) {
                    if let Some((who, np_end)) = self.subject_after(m + n, open) {
                        return Some(Cue { who, first: m, end: np_end, confidence: 0.9 });
                    }
                }
            }
        }
        // `X mengatakan … bahwa “…”`: the nearest speech verb before the mark.
        let v = (floor..open).rev().find(|&v| self.is_before_verb(v) || (self.is_plain_after_verb(v) && v > lo))?;
        let (who, first) = self.subject_before(v, lo)?;
        Some(Cue { who, first, end: v + 1, confidence: 0.9 })
    }

    /// A speaker phrase starting at token `i` (before `end`): a mention, an
    /// office, a document or a pronoun. Returns it and the token after it.
    fn subject_after(&self, i: usize, end: usize) -> Option<(Who, usize)> {
        let ctx = self.ctx;
        let p = ctx.profile;
        if i >= end || !self.is_word(i) {
            return None;
        }
        let end = end.min(i.saturating_add(MAX_PHRASE));
        // `the statement said`: a leading article belongs to the phrase.
        if ctx.has(i, class::DETERMINERS) && i + 1 < end {
            // `the minister said`: a definite role points back like `menteri tersebut`.
            return match self.subject_after(i + 1, end)? {
                (Who::Office(k), e) => Some((Who::Anaphoric(k), e)),
                other => Some(other),
            };
        }
        // Honorifics and ranks before a person's name, with their dots, are
        // not who speaks: `kata dr Reisa`, `ujar Dr. H. Ahmad Fauzi`. (Only
        // for a person: `kata Komisaris Utama PT …` stays an office.)
        let h = p.honorific_len(&ctx.lower, i, end);
        if h > 0 {
            let k = if i + h < end && ctx.word(i + h) == "." { i + h + 1 } else { i + h };
            if let Some(found @ (Who::Actor(a), _)) = self.subject_after(k, end) {
                if self.is_person(a) {
                    return Some(found);
                }
            }
        }
        let w = ctx.lower_at(i);
        if p.pronouns.contains(w) {
            return Some((Who::Back { person: true, plural: p.plural_pronouns.contains(w) }, i + 1));
        }
        if p.thing_pronouns.contains(w) {
            return Some((Who::Back { person: false, plural: false }, i + 1));
        }
        if let Some(len) = self.document_len(i, end) {
            return Some((Who::Document(i, i + len), self.np_tail(i + len, end)));
        }
        // Role words, affiliations and names up to the end of the phrase:
        // the last person named wins, else an office, else the first actor.
        let mut j = i;
        let mut person = None;
        let mut office = None;
        let mut any = None;
        while j < end && (self.is_word(j) || ctx.word(j) == "-") {
            if j > i && !ctx.is_cap(j) && ctx.has(j, class::TRAILING_PREPS) {
                break;
            }
            if let Some(m) = self.cast.mention_at(j) {
                let kind = self.cast.actors[m.actor].kind;
                if kind == ActorKind::Person {
                    person = Some((m.actor, m.end));
                }
                any.get_or_insert((m.actor, m.end));
                j = m.end;
                continue;
            }
            if let Some(k) = self.office_starting_at(j) {
                office.get_or_insert((k, self.cast.offices[k].end));
                j = self.cast.offices[k].end;
                continue;
            }
            // Lowercase words continue the phrase only as role words (`juru bicara kementerian`).
            let continues = ctx.is_cap(j) || ctx.has(j, class::ROLE_STARTS) || ctx.has(j, class::ORG_HEADS) || ctx.has(j, class::DESCRIPTORS) || self.in_role_phrase(j);
            if !continues {
                break;
            }
            j += 1;
        }
        let role_first = office.is_some() || p.is_role_start(w);
        if let Some((_, e)) = person.filter(|&(_, e)| {
            role_first && e + 1 < end && ctx.word(e) == "," && ctx.is_cap(e + 1) && !ctx.has(e + 1, class::ROLE_STARTS)
        }) {
            // `kata Camat Neglasari, Kabupaten Tangerang, Ubaidillah Ansar`:
            // after a role, a name past the affiliation is the speaker proper
            // (but in `kata Dedy, Kepala Peleton B` the role is Dedy's).
            if let Some(later) = self.name_after_role(e, end) {
                person = Some(later);
            }
        }
        if person.is_some_and(|(_, e)| e == j && j + 3 < end && ctx.word(j) == "(" && ctx.is_acronym(j + 1) && ctx.word(j + 2) == ")") {
            // `kata Ketua Muhammadiyah Covid-19 Command Center (MCCC) Agus
            // Samsudin`: the acronym closes an organization's name; the
            // person follows it.
            if let Some(m) = self.cast.mention_at(j + 3).filter(|m| m.first == j + 3 && self.is_person(m.actor)) {
                person = Some((m.actor, m.end));
            }
        }
        if person.is_none() && (office.is_some() || any.is_some() || p.is_role_start(w)) {
            // `ujar anggota Bawaslu, Lolly Suhenty,`, `kata Kepala Urusan
            // Perencanaan di Desa Pandanlandung Doni Andriawan`: the name
            // after the role or affiliation, through role words and commas.
            person = self.name_after_role(j, end);
        }
        if let Some((a, e)) = person {
            return Some((Who::Actor(a), self.np_tail(e, end)));
        }
        if let Some((k, e)) = office {
            return Some((Who::Office(k), self.np_tail(e, end)));
        }
        any.map(|(a, e)| (Who::Actor(a), self.np_tail(e, end)))
    }

    /// End of a run of one to three capitalised words at `i` that reads as
    /// a bare personal name after a speech verb: no word of it is a role,
    /// organization, place or descriptor word, and a comma, a stop, a
    /// bracket or a lowercase word follows it.
    fn bare_name(&self, i: usize, end: usize) -> Option<usize> {
        let ctx = self.ctx;
        let p = ctx.profile;
        let mut e = i;
        while e < end && e < i + 3 && ctx.is_cap(e) && self.cast.mention_at(e).is_none() {
            let w = ctx.lower_at(e);
            // Descriptor words are names too (`Agung`, `Jaya`) when they stand alone.
            let descriptor_only = p.descriptors.contains(w) && !p.org_heads.contains(w) && e == i;
            if p.is_role_start(w)
                || (p.is_descriptive(w) && !descriptor_only)
                || p.place_heads.contains(w)
                || ctx.known_word(e).is_some()
                || p.pronouns.contains(w)
            {
                return None;
            }
            e += 1;
        }
        let follows_ok = e >= end || !ctx.is_cap(e) && (ctx.tokens[e].kind == TokenKind::Punct || !self.is_word(e) || ctx.word(e).chars().next().is_some_and(char::is_lowercase));
        // A lone descriptor word is a name only before a stop, a comma or a speech verb.
        let lone_descriptor = e == i + 1 && ctx.has(i, class::DESCRIPTORS);
        let strong_end = e >= end || matches!(ctx.word(e), "." | "," | "!" | "?") || self.is_before_verb(e);
        (e > i && follows_ok && (!lone_descriptor || strong_end) && self.cast.mention_at(e).is_none()).then_some(e)
    }

    /// The person named within a few words after a role phrase ending at
    /// `j`, when only role words, affiliations, lowercase nouns of the role
    /// and up to three commas stand between (`kata Camat Neglasari,
    /// Kabupaten Tangerang, Ubaidillah Ansar`). The last person of the run
    /// wins (`Rumah Sakit Umum Pusat Dr Sardjito, Banu Hermawan`).
    fn name_after_role(&self, j: usize, end: usize) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        let p = ctx.profile;
        let mut k = j;
        let mut commas = 0;
        let mut person = None;
        while k < end && k < j + 20 {
            if let Some(m) = self.cast.mention_at(k) {
                // A name in brackets is the affiliation's acronym (`(Kemkominfo)`).
                let bracketed = k > 0 && ctx.word(k - 1) == "(";
                if self.is_person(m.actor) && m.first == k && !bracketed {
                    person = Some((m.actor, m.end));
                }
                // An affiliation: `Kementerian Dalam Negeri (Kemendagri) Akmal Malik`.
                k = m.end;
                continue;
            }
            if person.is_some() && ctx.word(k) != "," {
                break;
            }
            let w = ctx.lower_at(k);
            let noun = self.is_word(k)
                && !ctx.is_cap(k)
                && !p.trailing_preps.contains(w)
                && !p.non_predicates.contains(w)
                && !p.filler.contains(w)
                && !self.is_before_verb(k)
                && !self.is_plain_after_verb(k)
                && !p.active_prefixes.iter().chain(&p.passive_prefixes).any(|x| w.starts_with(x.as_str()));
            if ctx.word(k) == "," {
                commas += 1;
                // `ucap Presiden, yang didampingi Menteri X`: a relative clause, not a name.
                if commas > 3 || ctx.has(k + 1, class::RELATIVES) {
                    break;
                }
            } else if !(self.role_prefix(k, k + 1) || noun && commas == 0) {
                break;
            }
            k += 1;
        }
        person
    }

    /// True when token `j` lies inside a role phrase of a named person (`bicara`).
    fn in_role_phrase(&self, j: usize) -> bool {
        self.ctx.has(j, class::ROLE_INNER_WORDS)
    }

    /// Extends a speaker phrase over a demonstrative (`tersebut`).
    fn np_tail(&self, e: usize, end: usize) -> usize {
        if e < end && self.ctx.has(e, class::DEMONSTRATIVES) {
            e + 1
        } else {
            e
        }
    }

    /// Length of a document noun phrase at `i` (`pernyataan`, `pernyataan bersama`).
    fn document_len(&self, i: usize, end: usize) -> Option<usize> {
        let ctx = self.ctx;
        // The first word, looked up once, rules out most phrases.
        let first = ctx.lower.get(i)?;
        self.document_phrases
            .iter()
            .filter(|d| d.first() == Some(&first))
            .filter(|d| i + d.len() <= end && d.iter().enumerate().all(|(k, w)| &ctx.lower[i + k] == *w))
            .map(|d| d.len())
            .max()
    }

    /// The subject of a verb at `v`, looking back to `lo`: the phrase ending
    /// right before it (over adverbs), a relative `X, yang VERB`, an
    /// appositive `X, juru bicara Y, VERB`. Returns it and its first token.
    fn subject_before(&self, v: usize, lo: usize) -> Option<(Who, usize)> {
        self.subject_before_in(v, lo, 0)
    }

    /// [`Self::subject_before`], `depth` commas back from the verb.
    fn subject_before_in(&self, v: usize, lo: usize, depth: usize) -> Option<(Who, usize)> {
        if depth > MAX_APPOSITIVES {
            return None;
        }
        let ctx = self.ctx;
        let mut j = v;
        while j > lo && ADVERBS.contains(&ctx.lower_at(j - 1)) {
            j -= 1;
        }
        if j == lo {
            return None;
        }
        // `…, yang mengatakan`: the antecedent before the comma.
        if ctx.has(j - 1, class::RELATIVES) && j >= lo + 2 && ctx.word(j - 2) == "," {
            return self.subject_before_in(j - 2, lo, depth + 1);
        }
        let last = j - 1;
        if ctx.has(last, class::PRONOUNS) {
            return Some((Who::Back { person: true, plural: ctx.has(last, class::PLURAL_PRONOUNS) }, last));
        }
        if ctx.has(last, class::THING_PRONOUNS) && last == lo {
            return Some((Who::Back { person: false, plural: false }, last));
        }
        if let Some(k) = self.office_index_at(last) {
            return Some((Who::Office(k), self.cast.offices[k].first));
        }
        if let Some(m) = self.cast.mention_at(last) {
            return Some((Who::Actor(m.actor), m.first));
        }
        // Document phrase: `Pernyataan itu mengatakan`.
        // A document phrase ends at `j` or one demonstrative before it, so it
        // starts no further back than its longest noun allows.
        let longest_doc = ctx.profile.document_nouns.iter().map(|d| d.split(' ').count()).max().unwrap_or(0);
        for d in lo.max(j.saturating_sub(longest_doc + 1))..=last {
            if let Some(len) = self.document_len(d, j) {
                if self.np_tail(d + len, j) == j {
                    return Some((Who::Document(d, d + len), d));
                }
            }
        }
        if ctx.word(last) == "," && last > lo {
            // `Pengajar di Fakultas Hukum, Hamidah Abdurrachman, menilai`: the name before the comma.
            if let Some(m) = self.cast.mention_at(last - 1).filter(|m| m.end == last && m.first >= lo) {
                if self.is_person(m.actor) {
                    return Some((Who::Actor(m.actor), m.first));
                }
            }
        }
        if ctx.word(last) == "," {
            // `…, klaim Jenkins, menambahkan bahwa`: the speaker of the cue before the comma.
            let cue = (last.saturating_sub(8).max(lo)..last).find_map(|v| {
                let (who, e) = self.subject_after(v + 1, last).filter(|_| self.is_plain_after_verb(v))?;
                (e == last).then_some((who, v))
            });
            if cue.is_some() {
                return cue;
            }
            // Appositive: `X, juru bicara Y, mengatakan`.
            let c = (lo.max(last.saturating_sub(CUE_WINDOW))..last).rev().find(|&c| ctx.word(c) == ",")?;
            if let Some(found) = self.subject_before_in(c, lo, depth + 1) {
                return Some(found);
            }
            // `Junen, Sekretaris KSU Karya Nugraha Jaya, mengatakan`: a name
            // no earlier stage read, opening the sentence before a role.
            let first_comma = (lo..c + 1).find(|&k| ctx.word(k) == ",")?;
            let role_next = self.is_word(first_comma + 1) && ctx.has(first_comma + 1, class::ROLE_STARTS);
            return (role_next && self.bare_name(lo, first_comma) == Some(first_comma))
                .then_some((Who::Name(lo, first_comma), lo));
        }
        // `Amerika Serikat dan sekutu utamanya mengatakan`: lowercase words
        // back to a name joined to them by a conjunction.
        let mut k = last;
        while k > lo && k + 6 > last && self.is_word(k) && !ctx.is_cap(k) {
            k -= 1;
        }
        match self.cast.mention_at(k) {
            Some(m) if k != last && m.first >= lo && ctx.has(m.end, class::CONJUNCTIONS) => {
                Some((Who::Actor(m.actor), m.first))
            }
            _ => None,
        }
    }

    /// Resolves a speaker phrase to an actor index; `at` is where the quote starts (bytes).
    fn resolve(&mut self, who: Who, at: usize) -> Option<usize> {
        self.guessed = false;
        match who {
            Who::Actor(a) => Some(a),
            Who::Office(k) => self.resolve_office(k),
            Who::Anaphoric(k) => self.resolve_anaphoric_office(k),
            Who::Document(first, end) => Some(self.document(first, end)),
            Who::Name(first, end) => {
                let name = self.ctx.slice(first, end).to_string();
                let known = self.cast.actors.iter().position(|a| a.kind == ActorKind::Person && a.name == name);
                let a = known.unwrap_or_else(|| self.cast.add_actor(name, ActorKind::Person, None));
                self.add_mention(a, first, end);
                Some(a)
            }
            Who::Back { person, plural } => {
                if plural {
                    if let Some(a) = self.plural_subject(at) {
                        return Some(a);
                    }
                }
                // The nearest earlier speaker (of a quote or a speech verb), else person mention.
                let spoke = self
                    .speakers
                    .range(..(at, 0))
                    .rev()
                    .take(MAX_BACK)
                    .find(|(_, &a)| (!person || self.is_person(a)) && self.plausible_speaker(a))
                    .map(|(_, &a)| a);
                self.guessed = spoke.is_none();
                spoke.or_else(|| {
                    // Mentions are sorted by start: those before `at` are a prefix.
                    let m = self.cast.mentions.partition_point(|m| m.span.start < at);
                    self.cast.mentions[..m]
                        .iter()
                        .rev()
                        .take(MAX_BACK)
                        .find(|m| self.is_person(m.actor) && self.plausible_speaker(m.actor))
                        .map(|m| m.actor)
                })
            }
        }
    }

    /// `mereka` (they): the office or people opening one of the two
    /// sentences before byte `at` (`Menteri Luar Negeri AS dan para menteri … mengeluarkan`).
    fn plural_subject(&mut self, at: usize) -> Option<usize> {
        let ctx = self.ctx;
        let t = ctx.tokens.partition_point(|t| t.span.start < at);
        let si = ctx.layout.sentence_of[t.min(ctx.tokens.len().checked_sub(1)?)] as usize;
        for s in ctx.layout.sentences[si.saturating_sub(2)..si].iter().rev() {
            let first = (s.start..s.end).find(|&i| self.is_word(i))?;
            if let Some(k) = self.office_starting_at(first) {
                return self.resolve_office(k);
            }
            if let Some(m) = self.cast.mention_at(first).filter(|m| self.is_person(m.actor)) {
                return Some(m.actor);
            }
        }
        None
    }

    /// Records the speaker `actor` of a speech event at byte `pos`, kept sorted.
    fn spoke(&mut self, pos: usize, actor: usize) {
        let seq = self.speakers.len();
        self.speakers.insert((pos, seq), actor);
    }

    /// Pre-pass: who the text is about, sentence by sentence, so that
    /// `-nya` and pronouns can point back to them. Outside quotes it
    /// records, at the position of the evidence:
    ///
    /// - the subjects of speech verbs (`X mengatakan, …`, `X, juru bicara Y,
    ///   menilai …`), falling back to the person opening the sentence;
    /// - the speakers of cues inside a sentence (`…, tambah Fredly, …`,
    ///   `Kata Agung, …`) and of `Menurut X, …`;
    /// - the agents of passive speech verbs (`Hal senada disampaikan X`);
    /// - a person named as the subject of a clause (`Gubernur BI Perry
    ///   Warjiyo mendorong …`, `Toto Sugito yakin, …`).
    fn speech_events(&mut self, found: &[FoundQuote]) {
        let ctx = self.ctx;
        let mut inside = vec![false; ctx.tokens.len()];
        for q in found {
            inside[q.first..q.end].iter_mut().for_each(|x| *x = true);
            if let Some(o) = q.open {
                inside[o] = true;
            }
            if let Some(c) = q.close {
                inside[c] = true;
            }
        }
        // Actors named by an explicit cue somewhere: those a clause subject may point to.
        let mut cued: HashSet<usize> = found
            .iter()
            .filter_map(|q| match self.cue_after(q).map(|c| c.who) {
                Some(Who::Actor(a)) => Some(a),
                _ => None,
            })
            .collect();
        let mut subjects: Vec<(usize, usize)> = Vec::new();
        // Past a reporting frame (`X menambahkan, …`, `Menurut X, …`) the
        // sentence is what was said: its subjects are not speakers.
        let mut framed_until = 0;
        for (v, &quoted) in inside.iter().enumerate() {
            if quoted || !self.is_word(v) || v < framed_until {
                continue;
            }
            let s = self.sentence_of(v);
            let clause_open = v == s.start || matches!(ctx.word(v - 1), "," | "(" | "—" | "–" | ";");
            let who = if self.is_before_verb(v) {
                self.subject_before(v, s.start)
                    .map(|(w, _)| w)
                    .filter(|w| match w {
                        Who::Actor(a) => self.is_person(*a),
                        _ => true,
                    })
                    .or_else(|| self.opening_subject(s.start, v).map(Who::Actor))
            } else if ctx.profile.according.iter().any(|a| a.len() == 1 && a[0] == ctx.lower[v])
                || (self.is_plain_after_verb(v) && (clause_open || self.is_passive(v)))
            {
                self.subject_after(v + 1, s.end).map(|(w, _)| w)
            } else {
                if let Some(m) = self.cast.mention_at(v).filter(|m| m.first == v && self.is_person(m.actor)) {
                    if self.is_clause_subject(m.first, m.end, s.start, s.end) {
                        subjects.push((ctx.tokens[v].span.start, m.actor));
                    }
                }
                None
            };
            // A bare lowercase role is no one in particular (`banyak pakar berpendapat`).
            let Some(who) = who.filter(|w| match w {
                Who::Actor(_) | Who::Name(..) => true,
                Who::Office(k) => {
                    let o = &self.cast.offices[*k];
                    o.anaphoric || ctx.is_cap(o.first)
                }
                _ => false,
            }) else {
                continue;
            };
            let pos = ctx.tokens[v].span.start;
            if let Some(a) = self.resolve(who, pos).filter(|&a| self.is_person(a)) {
                self.spoke(pos, a);
                cued.insert(a);
                framed_until = s.end;
            }
        }
        // A clause subject counts when the text also cues it as a speaker or gives it a role.
        for (pos, a) in subjects {
            if cued.contains(&a) || self.cast.actors[a].role.is_some() {
                self.spoke(pos, a);
            }
        }
    }

    /// True when the words `a..b` may stand before a name as its role or
    /// affiliation (`Kepala BNPB yang juga Ketua Satgas Covid-19`,
    /// `Perencana keuangan dari ZAP Finance`): capitalised words, numbers,
    /// role words and the connectors of `[role-connector]`; at most
    /// [`MAX_ROLE_PREFIX`] tokens.
    fn role_prefix(&self, a: usize, b: usize) -> bool {
        let ctx = self.ctx;
        let p = ctx.profile;
        b - a <= MAX_ROLE_PREFIX
            && (a..b).all(|j| {
                let t = &ctx.tokens[j];
                match t.kind {
                    TokenKind::Number => true,
                    TokenKind::Word => {
                        let w = ctx.lower_at(j);
                        ctx.is_cap(j)
                            || p.is_role_start(w)
                            || self.in_role_phrase(j)
                            || p.org_heads.contains(w)
                            || p.role_connectors.contains(w)
                    }
                    _ => matches!(ctx.word(j), "(" | ")" | "/" | "-" | "&" | "."),
                }
            })
    }

    /// Start of the clause holding token `i`: after the last `,`, `;` or
    /// dash before it in the sentence starting at `lo`.
    fn clause_start(&self, i: usize, lo: usize) -> usize {
        (lo..i).rev().find(|&j| matches!(self.ctx.word(j), "," | ";" | "—" | "–")).map_or(lo, |j| j + 1)
    }

    /// True when the person mention `first..end` is the subject of its
    /// clause: only role words stand before it in the clause, and a
    /// predicate follows (`… Perry Warjiyo mendorong`, `Toto Sugito yakin,`),
    /// not a preposition or a conjunction (`bersama Presiden X dan …`) nor a
    /// passive verb.
    fn is_clause_subject(&self, first: usize, end: usize, lo: usize, hi: usize) -> bool {
        let ctx = self.ctx;
        let p = ctx.profile;
        // `role_prefix` takes at most 16 tokens, so the clause start is only
        // looked for that far back (a sentence without commas may be long).
        let c = self.clause_start(first, lo.max(first.saturating_sub(MAX_ROLE_PREFIX + 1)));
        if !self.role_prefix(c, first) {
            return false;
        }
        let mut j = end;
        // `Rizki Rifai (19)`
        if j < hi && ctx.word(j) == "(" {
            j = (j..hi.min(j + 6)).find(|&k| ctx.word(k) == ")").map_or(j, |k| k + 1);
        }
        while j < hi && ADVERBS.contains(&ctx.lower_at(j)) {
            j += 1;
        }
        if j >= hi {
            return false;
        }
        if ctx.word(j) == "," {
            // `Dedy, Kepala Peleton B, menuturkan`: an appositive at the sentence start.
            return c == lo;
        }
        let w = ctx.lower_at(j);
        self.is_word(j)
            && !ctx.is_cap(j)
            && !p.non_predicates.contains(w)
            && (self.is_before_verb(j)
                || p.stances.contains(w)
                || p.active_prefixes.iter().any(|x| w.len() >= x.len() + 3 && w.starts_with(x.as_str())))
    }

    /// The person opening the sentence `lo..v` as subject of the verb at
    /// `v` when a long phrase stands between them (`Kepala BNPB … Doni
    /// Monardo, saat dihubungi, Senin …, mengatakan`). The opening run of
    /// role words, affiliations and names is read to its end, so the last
    /// person in it wins (`Ketua Umum Koperasi … Pangalengan, Aun Gunawan,`).
    fn opening_subject(&self, lo: usize, v: usize) -> Option<usize> {
        let ctx = self.ctx;
        // After an opening connective (`Sementara itu, David Tjahjana dari …`).
        let opener = (lo..v.min(lo + 4)).find(|&k| ctx.word(k) == ",").map(|k| k + 1);
        self.opening_subject_from(lo, v).or_else(|| opener.and_then(|k| self.opening_subject_from(k, v)))
    }

    fn opening_subject_from(&self, lo: usize, v: usize) -> Option<usize> {
        let ctx = self.ctx;
        let mut j = lo;
        let mut person = None;
        let mut commas = 0;
        while j < v {
            if let Some(m) = self.cast.mention_at(j) {
                if self.is_person(m.actor) {
                    person = Some((m.actor, m.end));
                }
                j = m.end;
                continue;
            }
            if ctx.word(j) == "," {
                commas += 1;
                if commas > 2 {
                    break;
                }
            } else if !self.role_prefix(j, j + 1) {
                break;
            }
            j += 1;
        }
        let (a, e) = person?;
        // No other speech verb between it and `v`.
        (!(e..v).any(|j| self.is_before_verb(j))).then_some(a)
    }

    /// The actor of the last mention before byte `before` of a
    /// person whose role, lowercased, starts with `role`: a holder of the
    /// office. The same as scanning the mentions backwards, in O(log n).
    fn last_holder(&mut self, role: &str, before: usize) -> Option<usize> {
        if self.holders_synced != self.cast.mentions.len() {
            self.holders.clear();
            self.holders_synced = self.cast.mentions.len();
        }
        if !self.holders.contains_key(role) {
            let cast = &*self.cast;
            let map = cast.mentions.iter().filter(|m| holds(cast, m.actor, role)).map(|m| (m.span.start, m.actor)).collect();
            self.holders.insert(role.to_string(), map);
        }
        self.holders[role].range(..before).next_back().map(|(_, &a)| a)
    }

    /// [`Cast::add_mention`], keeping `holders` current.
    fn add_mention(&mut self, actor: usize, first: usize, end: usize) -> bool {
        let added = self.cast.add_mention(self.ctx, actor, first, end);
        if added && self.holders_synced + 1 == self.cast.mentions.len() {
            let start = self.ctx.tokens[first].span.start;
            let cast = &*self.cast;
            for (role, map) in self.holders.iter_mut() {
                if holds(cast, actor, role) {
                    map.insert(start, actor);
                }
            }
            self.holders_synced += 1;
        }
        added
    }

    /// Index of the office whose phrase starts at token `j`. Offices are
    /// sorted by position and never overlap, so this is a binary search.
    fn office_starting_at(&self, j: usize) -> Option<usize> {
        let offices = &self.cast.offices;
        let k = offices.partition_point(|o| o.first < j);
        offices.get(k).is_some_and(|o| o.first == j).then_some(k)
    }

    /// Index of the office whose phrase starts at or covers token `i`
    /// (the one [`Cast::office_at`] returns).
    fn office_index_at(&self, i: usize) -> Option<usize> {
        let offices = &self.cast.offices;
        let k = offices.partition_point(|o| o.end <= i);
        offices.get(k).is_some_and(|o| o.first <= i).then_some(k)
    }

    /// False for a "person" whose name is only ordinary, descriptive, role
    /// or place words (`Pariwisata`, `Kendati`, `Dinas Kesehatan`): a word
    /// mistaken for a name, which a pronoun or `-nya` should not point to.
    fn plausible_speaker(&self, a: usize) -> bool {
        let p = self.ctx.profile;
        let actor = &self.cast.actors[a];
        actor.kind != ActorKind::Person
            || actor.role.is_some()
            || actor.name.split_whitespace().any(|w| {
                let w = w.to_lowercase();
                !(p.common_caps.contains(&w)
                    || self.ctx.seen_lower.contains(w.as_str())
                    || p.is_descriptive(&w)
                    || p.is_role_start(&w)
                    || p.place_heads.contains(&w))
            })
    }

    fn is_person(&self, a: usize) -> bool {
        self.cast.actors[a].kind == ActorKind::Person
    }

    /// An office speaks as the named person who holds that role, else as itself.
    fn resolve_office(&mut self, k: usize) -> Option<usize> {
        let o = self.cast.offices[k].clone();
        let before = self.ctx.tokens[o.first].span.start;
        if o.anaphoric {
            return self.resolve_anaphoric_office(k);
        }
        // `wakil menteri luar negeri` → Chang Ho-jin, whose role starts so.
        let holder = self.last_holder(&o.role, before);
        if let Some(h) = holder {
            // `kata Presiden`: the role names its holder here.
            self.add_mention(h, o.first, o.end);
            return Some(h);
        }
        let key = o.text.to_lowercase();
        if let Some(&a) = self.office_actor.get(&key) {
            return Some(a);
        }
        let a = self.cast.add_actor(o.text.clone(), ActorKind::Person, Some(o.text.clone()));
        let role_end = o.first + o.role.split(' ').count();
        self.add_mention(a, o.first, role_end.min(o.end));
        self.office_actor.insert(key, a);
        Some(a)
    }

    /// `juru bicara tersebut`, `mantan Gubernur DKI Jakarta tersebut`,
    /// `Mantan Ketua DPR ini`: a person named earlier whose role reads as
    /// this phrase; else the earlier office of that role; else the person
    /// spoken of last. The phrase becomes a mention of whoever it names.
    fn resolve_anaphoric_office(&mut self, k: usize) -> Option<usize> {
        let ctx = self.ctx;
        let o = self.cast.offices[k].clone();
        let before = ctx.tokens[o.first].span.start;
        let mut text = o.text.to_lowercase();
        while let Some((head, last)) = text.rsplit_once(' ') {
            if !ctx.profile.demonstratives.contains(last) {
                break;
            }
            text = head.to_string();
        }
        let holder = self.last_holder(&text, before);
        let found = match holder {
            Some(h) => Some(h),
            // At most MAX_BACK offices back, so thousands of such phrases stay linear.
            None => match self.cast.offices[k.saturating_sub(MAX_BACK)..k].iter().rposition(|x| x.role == o.role && !x.anaphoric) {
                Some(earlier) => self.resolve_office(k.saturating_sub(MAX_BACK) + earlier),
                None => self.resolve(Who::Back { person: true, plural: false }, before),
            },
        };
        if let Some(h) = found {
            let end = self.np_tail(o.end, ctx.tokens.len());
            self.add_mention(h, o.first, end);
        }
        found
    }

    /// The document actor (`pernyataan bersama`), made on first use; the
    /// phrase `first..end` becomes a mention of it.
    fn document(&mut self, first: usize, end: usize) -> usize {
        let ctx = self.ctx;
        let a = match self.document_actor {
            Some(a) => a,
            None => {
                // Named by the fullest document phrase the text uses with this noun.
                let head = ctx.lower[first].to_string();
                let name = ctx
                    .profile
                    .document_nouns
                    .iter()
                    .filter(|d| d.split(' ').any(|w| w == head) && contains_phrase(&ctx.lower, d))
                    .max_by_key(|d| d.len())
                    .cloned()
                    .unwrap_or(head);
                let a = self.cast.add_actor(name, ActorKind::Document, None);
                self.document_actor = Some(a);
                a
            }
        };
        self.add_mention(a, first, end);
        a
    }

    /// Indirect speech in sentences with no direct quote:
    /// `X mengatakan (bahwa|,) CLAUSE.` and `CLAUSE, kata X.`
    fn indirect(&mut self, found: &[FoundQuote]) -> Vec<Attributed> {
        let ctx = self.ctx;
        let mut quoted = vec![false; ctx.layout.sentences.len()];
        for q in found {
            let a = ctx.layout.sentence_of[q.open.unwrap_or(q.first)] as usize;
            let b = ctx.layout.sentence_of[q.close.unwrap_or(q.end - 1)] as usize;
            quoted[a..=b].iter_mut().for_each(|x| *x = true);
        }
        let mut out = Vec::new();
        for (si, s) in ctx.layout.sentences.clone().into_iter().enumerate() {
            if quoted[si] || s.len() < 6 {
                continue;
            }
            let mut end = s.end;
            while end > s.start && ctx.tokens[end - 1].kind == TokenKind::Punct {
                end -= 1;
            }
            // `CLAUSE, kata X.`
            let tail = ((s.start + 4).max(end.saturating_sub(CUE_WINDOW))..end).rev().find(|&c| ctx.word(c) == "," && self.cue_at(c + 1, end).is_some_and(|cue| cue.end == end));
            let (content, cue) = if let Some(c) = tail {
                (s.start..c, self.cue_at(c + 1, end))
            } else {
                // `X mengatakan (bahwa|,) CLAUSE`
                let Some(v) = (s.start + 1..end.min(s.start + 25)).find(|&v| self.is_before_verb(v)) else { continue };
                let Some((who, first)) = self.subject_before(v, s.start) else { continue };
                let mut c = v + 1;
                while c < end && (ctx.word(c) == "," || ctx.word(c) == ":" || ctx.has(c, class::COMPLEMENTIZERS) || ADVERBS.contains(&ctx.lower_at(c))) {
                    c += 1;
                }
                if end - c < 4 {
                    continue;
                }
                (c..end, Some(Cue { who, first, end: v + 1, confidence: 0.8 }))
            };
            let Some(cue) = cue else { continue };
            if content.len() < 3 {
                continue;
            }
            let at = ctx.tokens[s.start].span.start;
            let Some(speaker) = self.resolve(cue.who, at) else { continue };
            self.spoke(at, speaker);
            out.push(Attributed {
                content: Span::new(ctx.tokens[content.start].span.start, ctx.tokens[content.end - 1].span.end),
                kind: QuoteKind::Indirect,
                speaker: Some(speaker),
                cue: Some(Span::new(ctx.tokens[cue.first].span.start, ctx.tokens[cue.end - 1].span.end)),
                confidence: cue.confidence - 0.1,
            });
        }
        out
    }
}

/// True when actor `a` is a person whose role, lowercased, starts with `role`.
fn holds(cast: &Cast, a: usize, role: &str) -> bool {
    let a = &cast.actors[a];
    a.kind == ActorKind::Person && a.role.as_ref().is_some_and(|r| lower_starts_with(r, role))
}

/// True when `text` lowercased starts with `prefix` (a lowercased
/// string); ASCII `text` is compared in place, without allocating.
fn lower_starts_with(text: &str, prefix: &str) -> bool {
    if text.is_ascii() {
        let n = prefix.len();
        // `prefix` has no ASCII capitals, so ignoring ASCII case on both sides
        // equals lowercasing `text` alone.
        text.len() >= n && text.as_bytes()[..n].eq_ignore_ascii_case(prefix.as_bytes())
    } else {
        text.to_lowercase().starts_with(prefix)
    }
}

/// True when the words of `phrase` occur in a row in `lower`.
fn contains_phrase(lower: &Lowered, phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split(' ').collect();
    let n = words.len();
    n <= lower.len() && (0..=lower.len() - n).any(|s| words.iter().enumerate().all(|(k, w)| lower[s + k] == **w))
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Options};

    /// `(quote text, speaker name, confidence)` of each direct quote.
    fn attributed(text: &str) -> Vec<(String, Option<String>, f32)> {
        let doc = analyze(text, &Options::default()).unwrap();
        doc.quotes
            .iter()
            .map(|q| {
                let name = q.speaker.as_ref().map(|s| doc.actors.iter().find(|a| &a.id == s).unwrap().name.clone());
                (q.text.clone(), name, q.confidence)
            })
            .collect()
    }

    #[test]
    fn confidence_follows_the_evidence() {
        let q = attributed(
            "“Satu,” kata Budi Santoso.\nAni Lestari mengatakan, stok aman.\n“Dua,” katanya.\nWarga bertemu Dedi Mulyadi di pasar.\n“Tiga.”",
        );
        // An explicit cue beats -nya, which beats continuation.
        assert_eq!(q[0].1.as_deref(), Some("Budi Santoso"));
        assert_eq!(q[1].1.as_deref(), Some("Ani Lestari"));
        assert!(q[0].2 > q[1].2 && q[1].2 > 0.0);
        // No cue and narrative in between: no speaker, confidence 0.
        assert_eq!(q[2].1, None);
        assert_eq!(q[2].2, 0.0);
    }

    #[test]
    fn a_pronoun_with_only_a_mention_to_go_on_is_a_guess() {
        let q = attributed("Budi Santoso datang ke pasar.\n“Stok aman,” katanya.");
        let sure = attributed("Budi Santoso mengatakan, stok aman.\n“Stok aman,” katanya.");
        assert_eq!(q[0].1.as_deref(), Some("Budi Santoso"));
        assert_eq!(sure[0].1.as_deref(), Some("Budi Santoso"));
        assert!(q[0].2 < sure[0].2, "guess {} vs cue {}", q[0].2, sure[0].2);
    }

    #[test]
    fn weak_evidence_gives_no_speaker() {
        for text in ["“Kami siap,” katanya.", "“Kami siap,” kata dia.", "“Kami siap.”"] {
            let q = attributed(text);
            assert_eq!(q[0].1, None, "{text}");
            assert_eq!(q[0].2, 0.0, "{text}");
        }
    }
}
