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
//! Chunks are then joined into actors (union-find): same gazetteer group,
//! acronyms defined in brackets (`… Diperkuat (EDSCG)`), short names
//! (`Lim` → `Lim Soo-suk`), initials (`KPK` → `Komisi Pemberantasan
//! Korupsi`), and the same text in any case (`WASHINGTON` = `Washington`).

use std::collections::{HashMap, HashSet};

use crate::context::Ctx;
use crate::document::ActorKind;
use crate::span::Span;
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
}

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

/// Finds the actors of the text.
pub fn recognize(ctx: &Ctx) -> Cast {
    let mut reader = Reader { ctx, chunks: Vec::new(), aliases: Vec::new(), offices: Vec::new() };
    for s in ctx.layout.sentences.clone() {
        reader.sentence(s.start, s.end);
    }
    reader.into_cast()
}

struct Reader<'c, 'a> {
    ctx: &'c Ctx<'a>,
    chunks: Vec<Chunk>,
    /// Pairs of chunk indexes that name the same actor (brackets).
    aliases: Vec<(usize, usize)>,
    offices: Vec<Office>,
}

/// Longest role phrase, in tokens, that a name may follow past a bracket
/// (`Koordinator Koalisi Masyarakat Sipil (KMS) Medan-Sumut Miduk
/// Hutabarat` has 8 before the name).
const MAX_ROLE_TOKENS: usize = 24;

/// Lowercase words that may join capitalised words inside a body's name.
const ORG_CONNECTORS: &[&str] = &["dan", "untuk", "of", "and", "for", "&", "the", "on"];

impl Reader<'_, '_> {
    fn sentence(&mut self, start: usize, end: usize) {
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

    /// Length in tokens of the longest role phrase at `i`.
    fn role_len(&self, i: usize, end: usize) -> Option<usize> {
        let ctx = self.ctx;
        ctx.profile
            .roles
            .iter()
            .find(|r| r.len() <= end - i && r.iter().enumerate().all(|(k, w)| ctx.lower[i + k] == *w))
            .map(Vec::len)
            // A capitalised word mid-run that only looks like a role is read by `run`.
    }

    /// Reads a role phrase at `i` and what follows it; returns the next token.
    fn role(&mut self, i: usize, len: usize, end: usize) -> usize {
        let ctx = self.ctx;
        let mut j = i + len;
        // Lowercase words that continue the role: `juru bicara kementerian`.
        while j < end
            && ctx.tokens[j].kind == TokenKind::Word
            && !ctx.is_cap(j)
            && (ctx.profile.org_heads.contains(&ctx.lower[j])
                || ctx.profile.descriptors.contains(&ctx.lower[j])
                || self.role_len(j, end).is_some())
        {
            j += 1;
        }
        if j < end && (ctx.is_cap(j) || ctx.is_acronym(j)) {
            let before = self.chunks.len();
            let next = self.run(j, end, Some(i));
            let named = self.chunks[before..].iter().any(|c| c.role.is_some());
            if !named {
                self.office(i, len, next);
            }
            return next;
        }
        self.office(i, len, j);
        j
    }

    fn office(&mut self, first: usize, role_len: usize, end: usize) {
        let ctx = self.ctx;
        let anaphoric = ctx.profile.demonstratives.contains(ctx.lower_at(end));
        self.offices.push(Office {
            first,
            end,
            role: ctx.lower[first..first + role_len].join(" "),
            text: ctx.slice(first, end).to_string(),
            anaphoric,
        });
    }

    /// Reads a capitalised run at `start`; `role_from` is the first token of
    /// a role phrase right before it. Returns the next token to read.
    fn run(&mut self, start: usize, end: usize, role_from: Option<usize>) -> usize {
        let ctx = self.ctx;
        let p = ctx.profile;
        // 1. The run: capitalised words, with connectors between them; an
        // ordinary word opening it (`Kata Komisaris …`) is not part of it.
        let mut start = start;
        while start + 1 < end
            && ctx.is_cap(start + 1)
            && ctx.is_common(start)
            && !p.known.contains_key(&ctx.lower[start])
            && !p.org_heads.contains(&ctx.lower[start])
            && !p.place_heads.contains(&ctx.lower[start])
            && !p.honorifics.contains(&ctx.lower[start])
            && !p.is_role_start(&ctx.lower[start])
            && role_from.is_none()
        {
            start += 1;
        }
        let mut k = start;
        let mut has_org_head = false;
        while k < end {
            if ctx.is_cap(k) || (ctx.tokens[k].kind == TokenKind::Number && k > start) {
                has_org_head |= p.org_heads.contains(&ctx.lower[k]);
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
            let joins = ctx.tokens[k].kind == TokenKind::Word
                && k + 1 < end
                && ctx.is_cap(k + 1)
                && (p.name_connectors.contains(&ctx.lower[k])
                    || ((has_org_head || role_from.is_some()) && ORG_CONNECTORS.contains(&ctx.lower[k].as_str())));
            // `Kementerian luar negeri Seoul`: lowercase descriptors after an organization word.
            let org_tail = has_org_head
                && ctx.tokens[k].kind == TokenKind::Word
                && (p.descriptors.contains(&ctx.lower[k]) || p.org_heads.contains(&ctx.lower[k]))
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
        // 2. A bracket right after the run defines an alias: `Dewan Keamanan PBB (DK PBB)`.
        if k + 2 < end && ctx.word(k) == "(" && (ctx.is_cap(k + 1) || ctx.is_acronym(k + 1)) {
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
                // `Koordinator Koalisi Masyarakat Sipil (KMS) Medan-Sumut Miduk Hutabarat`:
                // after a role, the name may follow the bracket.
                // Only while the role phrase stays short: each step would
                // otherwise recurse once more and copy a longer role.
                let short = role_from.is_some_and(|r| close + 1 - r <= MAX_ROLE_TOKENS);
                if short && close + 1 < end && ctx.is_cap(close + 1) {
                    return self.run(close + 1, end, role_from);
                }
                return close + 1;
            }
        }
        k
    }

    /// Cuts the run `start..end` into known names, organization phrases and
    /// unknown names, and pushes their chunks.
    fn segment(&mut self, start: usize, end: usize, role_from: Option<usize>) {
        let ctx = self.ctx;
        let p = ctx.profile;
        let name = person_name(ctx, start, end, role_from.is_some());
        let stop = name.map_or(end, |(a, _)| a);
        let mut i = start;
        let mut unknown_from: Option<usize> = None;
        while i < stop {
            let known = self.known_len(i, stop);
            let org = p.org_heads.contains(&ctx.lower[i]) && ctx.is_cap(i);
            let honorific = p.honorifics.contains(&ctx.lower[i]);
            if known.is_some() || org || honorific {
                if let Some(u) = unknown_from.take() {
                    self.unknown(u, i, role_from);
                }
            }
            if let Some((len, kn)) = known {
                self.push(i, i + len, kn.kind, Evidence::Known, Some(kn.group), None);
                i += len;
            } else if org {
                // An organization phrase runs to the end of the run (or the name).
                let ev = if stop - i > 1 { Evidence::Context } else { Evidence::Weak };
                self.push(i, stop, ActorKind::Organization, ev, None, None);
                i = stop;
            } else if honorific || self.role_len(i, stop).is_some() {
                i += self.role_len(i, stop).unwrap_or(1);
            } else {
                unknown_from.get_or_insert(i);
                i += 1;
            }
        }
        if let Some(u) = unknown_from {
            self.unknown(u, stop, role_from);
        }
        if let Some((a, b)) = name {
            let role_start = role_from.unwrap_or(start);
            let role = (role_start < a).then(|| ctx.slice(role_start, a).trim_end_matches([',', ' ']).to_string());
            let role = role.or_else(|| self.role_before(start));
            let known = self.known_len(a, b).filter(|(len, _)| *len == b - a);
            let group = known.map(|(_, k)| k.group);
            self.push(a, b, ActorKind::Person, Evidence::Context, group, role);
            self.chunks.last_mut().expect("just pushed").titled = self.titled(start.min(role_start), a, b);
        }
    }

    /// A name of unknown words `a..b`: a person if a role stands before it,
    /// an organization if it is an acronym, else typed by shape.
    fn unknown(&mut self, a: usize, b: usize, role_from: Option<usize>) {
        let ctx = self.ctx;
        let p = ctx.profile;
        // Ordinary words opening the run (`Menurut Tauvik`, `Ketidakhadiran Rizieq`) are not part of it.
        let mut a = a;
        while a < b && (ctx.is_common(a) || p.is_descriptive(&ctx.lower[a])) && !p.place_heads.contains(&ctx.lower[a]) {
            a += 1;
        }
        if a == b {
            return;
        }
        if p.place_heads.contains(&ctx.lower[a]) && b - a > 1 {
            // `Sungai Cibeet`, `Kabupaten Sleman`.
            self.push(a, b, ActorKind::Place, Evidence::Context, None, None);
            return;
        }
        // Descriptive words inside the run read as a title: the name is what follows.
        let title_end = (a..b).rev().find(|&t| p.is_descriptive(&ctx.lower[t]) || p.common_caps.contains(&ctx.lower[t]));
        let (a, titled) = match title_end {
            Some(t) if t + 1 < b => (t + 1, true),
            Some(_) => return,
            None => (a, false),
        };
        let single = b - a == 1;
        let role = self.role_before(a);
        // A name next to a speech verb speaks: `ujar Arief`, `Arief melanjutkan`.
        let speaks = (a > 0 && is_speech_verb(ctx, a - 1) && !ctx.is_cap(a - 1)) || (b < ctx.tokens.len() && is_speech_verb(ctx, b));
        let (kind, ev) = if (a..b).all(|t| ctx.is_acronym(t)) && !speaks {
            (ActorKind::Organization, if single { Evidence::Weak } else { Evidence::Shape })
        } else if role.is_some() || role_from.is_some() || titled || speaks {
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
        if h == a && a > lo && p.roles.iter().any(|r| r.len() == 1 && r[0] == ctx.lower[a - 1]) {
            h = a - 1;
        }
        (h < a).then(|| ctx.slice(h, b).to_string())
    }

    /// A lowercase role phrase right before token `a` (`juru bicara kementerian Lim`).
    fn role_before(&self, a: usize) -> Option<String> {
        let ctx = self.ctx;
        let s = &ctx.layout.sentences[ctx.layout.sentence_of[a] as usize];
        let lo = a.saturating_sub(5).max(s.start);
        (lo..a)
            .find(|&r| {
                self.role_len(r, a).is_some()
                    && (r..a).all(|t| ctx.tokens[t].kind == TokenKind::Word && !ctx.is_cap(t) || ctx.is_cap(t) && t > r)
            })
            .map(|r| ctx.slice(r, a).to_string())
    }

    /// Longest gazetteer name at `i` ending by `end`: `(tokens, entry)`.
    fn known_len(&self, i: usize, end: usize) -> Option<(usize, crate::profile::KnownName)> {
        let ctx = self.ctx;
        let max = ctx.profile.max_known_words.min(end - i);
        (1..=max).rev().find_map(|n| {
            let words = &ctx.lower[i..i + n];
            let key = if n == 1 { words[0].clone() } else { words.join(" ") };
            ctx.profile.known.get(&key).map(|k| (n, *k))
        })
    }

    fn push(&mut self, first: usize, end: usize, kind: ActorKind, evidence: Evidence, group: Option<u32>, role: Option<String>) {
        self.chunks.push(Chunk { first, end, kind, evidence, group, role, titled: None });
    }

    /// Joins chunks into actors and mentions.
    fn into_cast(self) -> Cast {
        let ctx = self.ctx;
        let chunks = self.chunks;
        let n = chunks.len();
        let mut uf = UnionFind::new(n);
        // Same gazetteer group, or the same text in any case.
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (ci, c) in chunks.iter().enumerate() {
            let key = match c.group {
                Some(g) => format!("\u{0}{g}"),
                None => ctx.lower[c.first..c.end].join(" "),
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
        let mut persons_by_word: HashMap<&str, Vec<usize>> = HashMap::new();
        // Adjacent word pairs of those persons: `Soo suk` is in `Lim Soo Suk`
        // at one lookup, however long the name.
        let mut person_pairs: HashSet<(usize, &str, &str)> = HashSet::new();
        let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
        for (ci, c) in chunks.iter().enumerate() {
            if c.end - c.first >= 2 {
                if c.kind == ActorKind::Person {
                    let words = &ctx.lower[c.first..c.end];
                    for w in words {
                        persons_by_word.entry(w.as_str()).or_default().push(ci);
                    }
                    for w in words.windows(2) {
                        person_pairs.insert((ci, w[0].as_str(), w[1].as_str()));
                    }
                }
                by_initials.entry(initials(ctx, c.first, c.end)).or_default().push(ci);
            }
        }
        for (ci, c) in chunks.iter().enumerate() {
            let len = c.end - c.first;
            if c.kind == ActorKind::Person && c.evidence != Evidence::Known && len <= 2 {
                let words = &ctx.lower[c.first..c.end];
                let cands = persons_by_word.get(words[0].as_str()).map_or(&[][..], Vec::as_slice);
                // Every candidate contains `words[0]` (that is how it was
                // found), so a one-word name fits any longer candidate and a
                // two-word name one that has the pair.
                let fits = |&o: &usize| {
                    chunks[o].end - chunks[o].first > len
                        && (len == 1 || person_pairs.contains(&(o, words[0].as_str(), words[1].as_str())))
                };
                if let Some(f) = nearest_in(cands, ci, fits) {
                    uf.union(f, ci);
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
        let mut size: HashMap<usize, usize> = HashMap::new();
        let mut best: HashMap<usize, usize> = HashMap::new();
        let mut group: HashMap<usize, u32> = HashMap::new();
        for (ci, c) in chunks.iter().enumerate() {
            let r = roots[ci];
            *size.entry(r).or_default() += 1;
            let b = best.entry(r).or_insert(ci);
            if c.evidence > chunks[*b].evidence {
                *b = ci;
            }
            if let Some(g) = c.group {
                group.entry(r).or_insert(g);
            }
        }
        // Actors in order of first mention; a set is kept when its best
        // evidence is more than weak or it was named twice.
        let mut cast = Cast::default();
        let mut actor_of_root: HashMap<usize, usize> = HashMap::new();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&ci| chunks[ci].first);
        for ci in order {
            let r = roots[ci];
            let lead = &chunks[best[&r]];
            if lead.evidence == Evidence::Weak && size[&r] < 2 {
                continue;
            }
            let actor = *actor_of_root.entry(r).or_insert_with(|| cast.add_actor(String::new(), lead.kind, None));
            let c = &chunks[ci];
            if cast.add_mention(ctx, actor, c.first, c.end) && cast.actors[actor].role.is_none() {
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
        for (r, &actor) in &actor_of_root {
            cast.actors[actor].name = match group.get(r) {
                Some(&g) => ctx.profile.group_names[g as usize].clone(),
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
        let plain = ctx.is_cap(t)
            && !ctx.is_acronym(t)
            && !p.is_descriptive(w)
            && !p.honorifics.contains(w)
            && !p.common_caps.contains(w)
            && !p.is_role_start(w)
            && !p.known.get(w).is_some_and(|k| k.kind != ActorKind::Person);
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
    // Something precedes the name inside the run: it must say "title" or "body".
    let w = &ctx.lower[a - 1];
    let titled = after_role
        || p.honorifics.contains(w)
        || p.is_role_start(w)
        || (start..a).any(|t| p.org_heads.contains(&ctx.lower[t]) || p.is_role_start(&ctx.lower[t]));
    titled.then_some((a, end))
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
