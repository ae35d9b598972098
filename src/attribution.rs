//! Attribution: who said each quote, and the words that say so (the cue).
//!
//! For each direct quote, cues are tried in this order, each a small rule
//! with its examples in `data/<lang>/rules.txt`:
//!
//! 1. after the quote: `“…,” kata X`, `“…,” katanya`, `“…,” dia bersikeras`;
//! 2. later in the same sentence: `“…” dalam “…” …, kata pernyataan itu`;
//! 3. before the quote: `X: “…”`, `X mengatakan bahwa “…”`, `X, yang
//!    mengatakan bahwa “…”`, `Menurut X, … “…”`;
//! 4. no cue: a quote that opens its paragraph continues the previous
//!    quote's speaker, with low confidence.
//!
//! The speaker phrase is resolved to an actor: a named mention; a pronoun
//! or `-nya` to the nearest speaker before it; `juru bicara tersebut` to the
//! person or office with that role; `pernyataan itu` to a document actor.
//! Where nothing resolves, the quote keeps no speaker.
//!
//! Indirect speech (`X mengatakan bahwa …`, `…, kata X.`) in sentences with
//! no direct quote becomes quotes of kind indirect.

use std::collections::{BTreeMap, HashMap};

use crate::actors::Cast;
use crate::context::Ctx;
use crate::document::{ActorKind, QuoteKind};
use crate::quotes::FoundQuote;
use crate::span::Span;
use crate::tokens::TokenKind;

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
    /// A document noun phrase over tokens `first..end` (`pernyataan itu`).
    Document(usize, usize),
    /// A pronoun or `-nya`: the nearest earlier speaker; `person` when it
    /// cannot be a thing.
    Back { person: bool, plural: bool },
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
        office_actor: HashMap::new(),
        document_actor: None,
        speakers: BTreeMap::new(),
        document_phrases,
        holders: HashMap::new(),
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
                let conf = if s.is_some() { c.confidence } else { 0.0 };
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
    let indirect = a.indirect(found);
    out.extend(indirect);
    out.sort_by_key(|q| q.content.start);
    out
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
        self.is_word(i) && self.ctx.profile.verbs_before.contains(&self.ctx.lower[i])
    }

    fn is_pointing(&self, i: usize) -> bool {
        let p = self.ctx.profile;
        let w = &self.ctx.lower[i];
        self.is_word(i)
            && p.pointing_suffixes.iter().any(|s| w.strip_suffix(s.as_str()).is_some_and(|b| p.verbs_after.contains(b)))
    }

    fn is_plain_after_verb(&self, i: usize) -> bool {
        self.is_word(i) && self.ctx.profile.verbs_after.contains(&self.ctx.lower[i])
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
        }
        // `dia bersikeras`, `itu berkata`, `Jenkins said`: subject then verb.
        if let Some((who, np_end)) = self.subject_after(i, end) {
            let mut v = np_end;
            while v < end && ADVERBS.contains(&ctx.lower[v].as_str()) {
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
        while i < s.end {
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
        // `X: “…”`
        if open > lo && ctx.word(open - 1) == ":" {
            if let Some((who, first)) = self.subject_before(open - 1, lo) {
                return Some(Cue { who, first, end: open - 1, confidence: 0.9 });
            }
        }
        // `Menurut X, … “…”`
        for m in lo..open {
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
        let v = (lo..open).rev().find(|&v| self.is_before_verb(v) || (self.is_plain_after_verb(v) && v > lo))?;
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
        let w = ctx.lower[i].as_str();
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
            if j > i && !ctx.is_cap(j) && ctx.profile.trailing_preps.contains(&ctx.lower[j]) {
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
            let continues = ctx.is_cap(j) || p.is_role_start(&ctx.lower[j]) || p.org_heads.contains(&ctx.lower[j]) || p.descriptors.contains(&ctx.lower[j]) || self.in_role_phrase(j);
            if !continues {
                break;
            }
            j += 1;
        }
        if let Some((a, e)) = person {
            return Some((Who::Actor(a), self.np_tail(e, end)));
        }
        if let Some((k, e)) = office {
            return Some((Who::Office(k), self.np_tail(e, end)));
        }
        any.map(|(a, e)| (Who::Actor(a), self.np_tail(e, end)))
    }

    /// True when token `j` lies inside a role phrase of a named person (`bicara`).
    fn in_role_phrase(&self, j: usize) -> bool {
        let p = self.ctx.profile;
        p.role_inner_words.contains(&self.ctx.lower[j])
    }

    /// Extends a speaker phrase over a demonstrative (`tersebut`).
    fn np_tail(&self, e: usize, end: usize) -> usize {
        if e < end && self.ctx.profile.demonstratives.contains(&self.ctx.lower[e]) {
            e + 1
        } else {
            e
        }
    }

    /// Length of a document noun phrase at `i` (`pernyataan`, `pernyataan bersama`).
    fn document_len(&self, i: usize, end: usize) -> Option<usize> {
        let ctx = self.ctx;
        self.document_phrases
            .iter()
            .filter(|d| i + d.len() <= end && d.iter().enumerate().all(|(k, w)| ctx.lower[i + k] == *w))
            .map(|d| d.len())
            .max()
    }

    /// The subject of a verb at `v`, looking back to `lo`: the phrase ending
    /// right before it (over adverbs), a relative `X, yang VERB`, an
    /// appositive `X, juru bicara Y, VERB`. Returns it and its first token.
    fn subject_before(&self, v: usize, lo: usize) -> Option<(Who, usize)> {
        let ctx = self.ctx;
        let p = ctx.profile;
        let mut j = v;
        while j > lo && ADVERBS.contains(&ctx.lower[j - 1].as_str()) {
            j -= 1;
        }
        if j == lo {
            return None;
        }
        // `…, yang mengatakan`: the antecedent before the comma.
        if p.relatives.contains(&ctx.lower[j - 1]) && j >= lo + 2 && ctx.word(j - 2) == "," {
            return self.subject_before(j - 2, lo);
        }
        let last = j - 1;
        if p.pronouns.contains(&ctx.lower[last]) {
            return Some((Who::Back { person: true, plural: p.plural_pronouns.contains(&ctx.lower[last]) }, last));
        }
        if p.thing_pronouns.contains(&ctx.lower[last]) && last == lo {
            return Some((Who::Back { person: false, plural: false }, last));
        }
        if let Some(k) = self.office_index_at(last) {
            return Some((Who::Office(k), self.cast.offices[k].first));
        }
        if let Some(m) = self.cast.mention_at(last) {
            return Some((Who::Actor(m.actor), m.first));
        }
        // Document phrase: `Pernyataan itu mengatakan`.
        for d in lo..=last {
            if let Some(len) = self.document_len(d, j) {
                if self.np_tail(d + len, j) == j {
                    return Some((Who::Document(d, d + len), d));
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
            let c = (lo..last).rev().find(|&c| ctx.word(c) == ",")?;
            return self.subject_before(c, lo);
        }
        // `Amerika Serikat dan sekutu utamanya mengatakan`: lowercase words back to a name.
        let mut k = last;
        while k > lo && k + 6 > last && self.is_word(k) && !ctx.is_cap(k) {
            k -= 1;
        }
        match self.cast.mention_at(k) {
            Some(m) if k != last && m.first >= lo => Some((Who::Actor(m.actor), m.first)),
            _ => None,
        }
    }

    /// Resolves a speaker phrase to an actor index; `at` is where the quote starts (bytes).
    fn resolve(&mut self, who: Who, at: usize) -> Option<usize> {
        match who {
            Who::Actor(a) => Some(a),
            Who::Office(k) => self.resolve_office(k),
            Who::Document(first, end) => Some(self.document(first, end)),
            Who::Back { person, plural } => {
                if plural {
                    if let Some(a) = self.plural_subject(at) {
                        return Some(a);
                    }
                }
                // The nearest earlier speaker (of a quote or a speech verb), else person mention.
                let spoke = self.speakers.range(..(at, 0)).rev().map(|(_, &a)| a).find(|&a| !person || self.is_person(a));
                spoke.or_else(|| {
                    // Mentions are sorted by start: those before `at` are a prefix.
                    let k = self.cast.mentions.partition_point(|m| m.span.start < at);
                    self.cast.mentions[..k]
                        .iter()
                        .rev()
                        .find(|m| self.cast.actors[m.actor].kind == ActorKind::Person)
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

    /// Pre-pass: the subjects of speech verbs outside quotes
    /// (`X mengatakan, …`, `Menurut X, …`) are speakers that `-nya` and
    /// pronouns can point back to.
    fn speech_events(&mut self, found: &[FoundQuote]) {
        let ctx = self.ctx;
        let mut inside = vec![false; ctx.tokens.len()];
        for q in found {
            inside[q.first..q.end].iter_mut().for_each(|x| *x = true);
        }
        for v in 0..ctx.tokens.len() {
            if inside[v] {
                continue;
            }
            let s = self.sentence_of(v);
            let who = if self.is_before_verb(v) {
                self.subject_before(v, s.start).map(|(w, _)| w)
            } else if ctx.profile.according.iter().any(|a| a.len() == 1 && a[0] == ctx.lower[v]) {
                self.subject_after(v + 1, s.end).map(|(w, _)| w)
            } else {
                None
            };
            let Some(who) = who.filter(|w| matches!(w, Who::Actor(_) | Who::Office(_))) else { continue };
            let pos = ctx.tokens[v].span.start;
            if let Some(a) = self.resolve(who, pos).filter(|&a| self.is_person(a)) {
                self.spoke(pos, a);
            }
        }
    }

    /// The actor of the last mention (before byte `before`, if given) of a
    /// person whose role, lowercased, starts with `role`: a holder of the
    /// office. The same as scanning the mentions backwards, in O(log n).
    fn last_holder(&mut self, role: &str, before: Option<usize>) -> Option<usize> {
        if self.holders_synced != self.cast.mentions.len() {
            self.holders.clear();
            self.holders_synced = self.cast.mentions.len();
        }
        if !self.holders.contains_key(role) {
            let cast = &*self.cast;
            let map = cast.mentions.iter().filter(|m| holds(cast, m.actor, role)).map(|m| (m.span.start, m.actor)).collect();
            self.holders.insert(role.to_string(), map);
        }
        let map = &self.holders[role];
        let last = match before {
            Some(b) => map.range(..b).next_back(),
            None => map.iter().next_back(),
        };
        last.map(|(_, &a)| a)
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

    fn is_person(&self, a: usize) -> bool {
        self.cast.actors[a].kind == ActorKind::Person
    }

    /// An office speaks as the named person who holds that role, else as itself.
    fn resolve_office(&mut self, k: usize) -> Option<usize> {
        let o = self.cast.offices[k].clone();
        let before = self.ctx.tokens[o.first].span.start;
        // `wakil menteri luar negeri` → Chang Ho-jin, whose role starts so.
        let holder = self.last_holder(&o.role, (!o.anaphoric).then_some(before));
        if let Some(h) = holder {
            // `kata Presiden`: the role names its holder here.
            if !o.anaphoric {
                self.add_mention(h, o.first, o.end);
            }
            return Some(h);
        }
        if o.anaphoric {
            // `juru bicara tersebut` → the earlier office with that role.
            let earlier = self.cast.offices[..k].iter().rposition(|x| x.role == o.role && !x.anaphoric)?;
            return self.resolve_office(earlier);
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

    /// The document actor (`pernyataan bersama`), made on first use; the
    /// phrase `first..end` becomes a mention of it.
    fn document(&mut self, first: usize, end: usize) -> usize {
        let ctx = self.ctx;
        let a = match self.document_actor {
            Some(a) => a,
            None => {
                // Named by the fullest document phrase the text uses with this noun.
                let head = ctx.lower[first].clone();
                let name = ctx
                    .profile
                    .document_nouns
                    .iter()
                    .filter(|d| d.starts_with(head.as_str()) && contains_phrase(&ctx.lower, d))
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
            let tail = (s.start + 4..end).rev().find(|&c| ctx.word(c) == "," && self.cue_at(c + 1, end).is_some_and(|cue| cue.end == end));
            let (content, cue) = if let Some(c) = tail {
                (s.start..c, self.cue_at(c + 1, end))
            } else {
                // `X mengatakan (bahwa|,) CLAUSE`
                let Some(v) = (s.start + 1..end.min(s.start + 25)).find(|&v| self.is_before_verb(v)) else { continue };
                let Some((who, first)) = self.subject_before(v, s.start) else { continue };
                let mut c = v + 1;
                while c < end && (ctx.word(c) == "," || ctx.word(c) == ":" || ctx.profile.complementizers.contains(&ctx.lower[c]) || ADVERBS.contains(&ctx.lower[c].as_str())) {
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
fn contains_phrase(lower: &[String], phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split(' ').collect();
    lower.windows(words.len()).any(|w| w.iter().zip(&words).all(|(a, b)| a == b))
}
