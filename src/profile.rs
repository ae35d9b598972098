//! Language profiles: every language-specific word list, as data.
//!
//! A profile is read once from the text files under `data/<lang>/`, which
//! are compiled in with `include_str!` as stripped by `build.rs` (comment
//! and blank lines removed, which [`sections`] ignores anyway, so the
//! curation notes cost no bytes in the binary). The files share one format, parsed
//! by [`sections`]: `[section]` headers, one entry per line, `#` comments.
//! Gazetteer lines list one actor's names: `Name | Alias | Alias`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::context::Lowered;
use crate::document::ActorKind;

/// Hasher of the profile's word sets and maps: FxHash, several times faster
/// than the default SipHash on short words. Safe from hash flooding: the
/// keys come from the data files, never from the input, and looking an input
/// word up in a fixed table costs at most that table's longest probe.
pub type WordHasher = rustc_hash::FxBuildHasher;

/// A set of words (lowercased) from the data files.
pub type WordSet = HashSet<String, WordHasher>;

/// A map keyed by words (lowercased) from the data files.
pub type WordMap<V> = HashMap<String, V, WordHasher>;

/// Bits of [`Profile::classes`]: one per word set (or map) of a profile, named
/// after its field. A lowercased word's bits say which sets hold it.
pub mod class {
    /// A key of [`Profile::verbs_after`](super::Profile::verbs_after).
    pub const VERBS_AFTER: u64 = 1 << 0;
    /// A key of [`Profile::verbs_before`](super::Profile::verbs_before).
    pub const VERBS_BEFORE: u64 = 1 << 1;
    /// A key of [`Profile::pronouns`](super::Profile::pronouns).
    pub const PRONOUNS: u64 = 1 << 2;
    /// A key of [`Profile::plural_pronouns`](super::Profile::plural_pronouns).
    pub const PLURAL_PRONOUNS: u64 = 1 << 3;
    /// A key of [`Profile::thing_pronouns`](super::Profile::thing_pronouns).
    pub const THING_PRONOUNS: u64 = 1 << 4;
    /// A key of [`Profile::complementizers`](super::Profile::complementizers).
    pub const COMPLEMENTIZERS: u64 = 1 << 5;
    /// A key of [`Profile::relatives`](super::Profile::relatives).
    pub const RELATIVES: u64 = 1 << 6;
    /// A key of [`Profile::demonstratives`](super::Profile::demonstratives).
    pub const DEMONSTRATIVES: u64 = 1 << 7;
    /// A key of [`Profile::document_nouns`](super::Profile::document_nouns).
    pub const DOCUMENT_NOUNS: u64 = 1 << 8;
    /// A key of [`Profile::role_connectors`](super::Profile::role_connectors).
    pub const ROLE_CONNECTORS: u64 = 1 << 9;
    /// A key of [`Profile::non_predicates`](super::Profile::non_predicates).
    pub const NON_PREDICATES: u64 = 1 << 10;
    /// A key of [`Profile::stances`](super::Profile::stances).
    pub const STANCES: u64 = 1 << 11;
    /// A key of [`Profile::conjunctions`](super::Profile::conjunctions).
    pub const CONJUNCTIONS: u64 = 1 << 12;
    /// A key of [`Profile::determiners`](super::Profile::determiners).
    pub const DETERMINERS: u64 = 1 << 13;
    /// A key of [`Profile::org_tails`](super::Profile::org_tails).
    pub const ORG_TAILS: u64 = 1 << 14;
    /// A key of [`Profile::filler`](super::Profile::filler).
    pub const FILLER: u64 = 1 << 15;
    /// A key of [`Profile::trailing_preps`](super::Profile::trailing_preps).
    pub const TRAILING_PREPS: u64 = 1 << 16;
    /// A key of [`Profile::honorifics`](super::Profile::honorifics).
    pub const HONORIFICS: u64 = 1 << 17;
    /// A key of [`Profile::courtesy`](super::Profile::courtesy).
    pub const COURTESY: u64 = 1 << 18;
    /// A key of [`Profile::degrees`](super::Profile::degrees).
    pub const DEGREES: u64 = 1 << 19;
    /// A key of [`Profile::org_heads`](super::Profile::org_heads).
    pub const ORG_HEADS: u64 = 1 << 20;
    /// A key of [`Profile::place_heads`](super::Profile::place_heads).
    pub const PLACE_HEADS: u64 = 1 << 21;
    /// A key of [`Profile::common_caps`](super::Profile::common_caps).
    pub const COMMON_CAPS: u64 = 1 << 22;
    /// A key of [`Profile::name_connectors`](super::Profile::name_connectors).
    pub const NAME_CONNECTORS: u64 = 1 << 23;
    /// A key of [`Profile::descriptors`](super::Profile::descriptors).
    pub const DESCRIPTORS: u64 = 1 << 24;
    /// A key of [`Profile::known`](super::Profile::known).
    pub const KNOWN: u64 = 1 << 25;
    /// A key of [`Profile::role_starts`](super::Profile::role_starts).
    pub const ROLE_STARTS: u64 = 1 << 26;
    /// A key of [`Profile::role_inner_words`](super::Profile::role_inner_words).
    pub const ROLE_INNER_WORDS: u64 = 1 << 27;
    /// A key of [`Profile::honorific_ends`](super::Profile::honorific_ends).
    pub const HONORIFIC_ENDS: u64 = 1 << 28;
    /// A key of [`Profile::known_starts`](super::Profile::known_starts).
    pub const KNOWN_STARTS: u64 = 1 << 29;
}

/// Codes of the profiles compiled in.
pub const LANGUAGES: &[&str] = &["id", "en"];

/// The raw data files of one language.
struct Sources {
    speech: &'static str,
    titles: &'static str,
    words: &'static str,
    places: &'static str,
    organizations: &'static str,
    persons: &'static str,
    grammar: &'static str,
}

/// The data files of language `$lang`, as `build.rs` stripped them into
/// `OUT_DIR/<lang>/`.
macro_rules! sources {
    ($lang:literal) => {
        Sources {
            speech: include_str!(concat!(env!("OUT_DIR"), "/", $lang, "/speech.txt")),
            titles: include_str!(concat!(env!("OUT_DIR"), "/", $lang, "/titles.txt")),
            words: include_str!(concat!(env!("OUT_DIR"), "/", $lang, "/words.txt")),
            places: include_str!(concat!(env!("OUT_DIR"), "/", $lang, "/places.txt")),
            organizations: include_str!(concat!(env!("OUT_DIR"), "/", $lang, "/organizations.txt")),
            persons: include_str!(concat!(env!("OUT_DIR"), "/", $lang, "/persons.txt")),
            grammar: include_str!(concat!(env!("OUT_DIR"), "/", $lang, "/grammar.txt")),
        }
    };
}

const ID: Sources = sources!("id");
const EN: Sources = sources!("en");

/// One known name from a gazetteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnownName {
    /// Index of the gazetteer line: names with the same group are one actor.
    pub group: u32,
    /// Kind of the actor.
    pub kind: ActorKind,
}

/// Every language-specific piece the pipeline reads. All words are stored
/// lowercased unless a field says otherwise.
#[derive(Debug, Default)]
pub struct Profile {
    /// Language code.
    pub code: &'static str,
    /// The learned entity tagger (`src/tagger.rs`) was trained for this language.
    pub tagged: bool,
    /// Speech verbs that stand after a quote, before the speaker (`kata`, `said`).
    pub verbs_after: WordSet,
    /// Suffix that turns an after-verb into a cue pointing back (`nya`: `katanya`).
    pub pointing_suffixes: Vec<String>,
    /// Speech verbs that follow their subject (`mengatakan`, `said`).
    pub verbs_before: WordSet,
    /// Phrases that put the source first (`menurut`, `according to`), as word lists.
    pub according: Vec<Vec<String>>,
    /// Personal pronouns that can be a speaker (`dia`, `he`).
    pub pronouns: WordSet,
    /// Plural personal pronouns (`mereka`, `they`).
    pub plural_pronouns: WordSet,
    /// Pronouns that point at an entity that is not a person (`itu`, `it`).
    pub thing_pronouns: WordSet,
    /// Words introducing reported speech (`bahwa`, `that`).
    pub complementizers: WordSet,
    /// Relative pronouns (`yang`, `who`).
    pub relatives: WordSet,
    /// Demonstratives after a noun (`tersebut`, `itu`).
    pub demonstratives: WordSet,
    /// Nouns for documents that can speak (`pernyataan`, `statement`).
    pub document_nouns: WordSet,
    /// Lowercase words that may join a role to a name (`dari`, `bidang`, `sekaligus`).
    pub role_connectors: WordSet,
    /// Words that, right after a name, show it is not a clause subject (`dan`, `bersama`).
    pub non_predicates: WordSet,
    /// Predicates of stance that report a view like a speech verb (`yakin`, `optimistis`).
    pub stances: WordSet,
    /// Prefixes of active verbs (`me`, `ber`): a word so formed after a name is its predicate.
    pub active_prefixes: Vec<String>,
    /// Prefixes of passive speech verbs, whose agent follows (`di`: `disampaikan X`).
    pub passive_prefixes: Vec<String>,
    /// Conjunctions that join two subjects (`dan`, `serta`).
    pub conjunctions: WordSet,
    /// Articles that open a speaker phrase (`the`: `the statement said`).
    pub determiners: WordSet,
    /// Words that end an organization's name (`tbk`, `group`): never part of a person's name.
    pub org_tails: WordSet,
    /// Words that may sit between a speech verb and its subject or object
    /// (`kepada`, `wartawan`): skipped when looking for the speaker.
    pub filler: WordSet,
    /// Words starting a time or place phrase after a speaker (`dalam`, `pada`, `di`).
    pub trailing_preps: WordSet,
    /// Role words (`presiden`, `menteri`, `juru bicara`), as word lists,
    /// longest first.
    pub roles: Vec<Vec<String>>,
    /// Honorifics and ranks kept out of names (`dr.`, `h.`, `brigjen`),
    /// courtesy words included.
    pub honorifics: WordSet,
    /// Courtesy and address words (`pak`, `ibu`): honorifics that are never a role.
    pub courtesy: WordSet,
    /// Longest honorific, in words.
    pub max_honorific_words: usize,
    /// Academic degrees after names (`s.h.`, `m.epid`).
    pub degrees: WordSet,
    /// Words that start or mark an organization (`kementerian`, `partai`).
    pub org_heads: WordSet,
    /// Words that start a place name (`kabupaten`, `gunung`).
    pub place_heads: WordSet,
    /// Capitalised words that are never actors alone (days, months, function words).
    pub common_caps: WordSet,
    /// Lowercase connectors allowed inside a name (`dan`, `bin`, `van`).
    pub name_connectors: WordSet,
    /// Capitalised words of titles and body names that are not personal names.
    pub descriptors: WordSet,
    /// `(prefix, suffix)` pairs of derived nouns that are not names (`ke`…`an`).
    pub descriptive_confixes: Vec<(String, String)>,
    /// Gazetteer: lowercased name → group and kind.
    pub known: WordMap<KnownName>,
    /// Canonical (first) name of each gazetteer group, original case.
    pub group_names: Vec<String>,
    /// Longest gazetteer name, in words.
    pub max_known_words: usize,
    /// Index of `roles`: first word → indexes of the phrases starting with
    /// it, in `roles` order (longest first). Built by [`Profile::index`].
    pub role_starts: WordMap<Vec<usize>>,
    /// Every word of a role phrase other than its first (`bicara`).
    pub role_inner_words: WordSet,
    /// Last word (after the last space) of every honorific: a token that is
    /// not here ends no honorific.
    pub honorific_ends: WordSet,
    /// First word (up to the first space) of every gazetteer key: a token
    /// that is not here starts no gazetteer name.
    pub known_starts: WordSet,
    /// Every word of the sets above (and every key of `known` and
    /// `role_starts`) → its [`class`] bits; built by [`Profile::index`], so
    /// that a token's classes are one lookup ([`crate::context::Ctx::has`]).
    pub classes: WordMap<u64>,
}

/// Splits a data file into `(section, entries)`; entries are trimmed lines
/// with comments (`#` to end of line) and blank lines removed. Lines before
/// any header belong to section `""`.
pub fn sections(text: &str) -> Vec<(&str, Vec<&str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = vec![("", Vec::new())];
    for line in text.lines() {
        let line = crate::data_line::content(line);
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.push((name.trim(), Vec::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push(line);
        }
    }
    out.retain(|(_, e)| !e.is_empty());
    out
}

fn section<'a>(secs: &[(&'a str, Vec<&'a str>)], name: &str) -> Vec<&'a str> {
    secs.iter()
        .filter(|(n, _)| *n == name)
        .flat_map(|(_, e)| e.iter().copied())
        .collect()
}

fn lower_set(entries: &[&str]) -> WordSet {
    entries.iter().map(|e| e.to_lowercase()).collect()
}

fn word_lists(entries: &[&str]) -> Vec<Vec<String>> {
    let mut v: Vec<Vec<String>> = entries
        .iter()
        .map(|e| e.split_whitespace().map(str::to_lowercase).collect())
        .collect();
    // Longest first, so that matching prefers "wakil menteri" over "menteri".
    v.sort_by_key(|w: &Vec<String>| std::cmp::Reverse(w.len()));
    v
}

impl Profile {
    fn build(code: &'static str, src: &Sources) -> Profile {
        let speech = sections(src.speech);
        let titles = sections(src.titles);
        let words = sections(src.words);
        let grammar = sections(src.grammar);
        let mut p = Profile {
            code,
            tagged: code == "id",
            verbs_after: lower_set(&section(&speech, "after")),
            pointing_suffixes: section(&speech, "pointing-suffix")
                .iter()
                .map(|s| s.to_lowercase())
                .collect(),
            verbs_before: lower_set(&section(&speech, "before")),
            according: word_lists(&section(&speech, "according")),
            pronouns: lower_set(&section(&speech, "pronoun")),
            thing_pronouns: lower_set(&section(&speech, "thing-pronoun")),
            plural_pronouns: lower_set(&section(&speech, "plural-pronoun")),
            complementizers: lower_set(&section(&speech, "complementizer")),
            relatives: lower_set(&section(&speech, "relative")),
            demonstratives: lower_set(&section(&speech, "demonstrative")),
            document_nouns: lower_set(&section(&speech, "document")),
            role_connectors: lower_set(&section(&speech, "role-connector")),
            non_predicates: lower_set(&section(&speech, "non-predicate")),
            stances: lower_set(&section(&speech, "stance")),
            active_prefixes: section(&speech, "active-prefix").iter().map(|s| s.to_lowercase()).collect(),
            passive_prefixes: section(&speech, "passive-prefix").iter().map(|s| s.to_lowercase()).collect(),
            conjunctions: lower_set(&section(&speech, "conjunction")),
            determiners: lower_set(&section(&speech, "determiner")),
            org_tails: lower_set(&section(&grammar, "organization-tail")),
            filler: lower_set(&section(&speech, "filler")),
            trailing_preps: lower_set(&section(&speech, "trailing-preposition")),
            roles: word_lists(&section(&titles, "role")),
            honorifics: lower_set(&[section(&titles, "honorific"), section(&titles, "courtesy")].concat()),
            courtesy: lower_set(&section(&titles, "courtesy")),
            degrees: lower_set(&section(&titles, "degree")),
            org_heads: lower_set(&section(&words, "organization-head")),
            common_caps: lower_set(&section(&words, "common-capitalised")),
            place_heads: lower_set(&section(&words, "place-head")),
            name_connectors: lower_set(&section(&words, "name-connector")),
            descriptors: lower_set(&section(&grammar, "descriptor")),
            descriptive_confixes: section(&grammar, "descriptive-confix")
                .iter()
                .filter_map(|e| e.split_once(' '))
                .map(|(a, b)| (a.trim().to_lowercase(), b.trim().to_lowercase()))
                .collect(),
            ..Profile::default()
        };
        p.max_honorific_words = p.honorifics.iter().map(|h| h.split_whitespace().count()).max().unwrap_or(0);
        for (kind, file) in [
            (ActorKind::Place, src.places),
            (ActorKind::Organization, src.organizations),
            (ActorKind::Person, src.persons),
        ] {
            for (_, entries) in sections(file) {
                for line in entries {
                    p.add_known(line, kind);
                }
            }
        }
        p.index();
        p
    }

    /// Builds the lookup indexes over `roles`, `honorifics` and `known`
    /// (`role_starts`, `role_inner_words`, `honorific_ends`, `known_starts`), so that matching at a token
    /// costs a hash lookup instead of a scan of every list, and `classes`
    /// over every word set. Call again after changing any list or set.
    pub fn index(&mut self) {
        self.role_starts.clear();
        self.role_inner_words.clear();
        for (k, r) in self.roles.iter().enumerate() {
            if let Some(first) = r.first() {
                self.role_starts.entry(first.clone()).or_default().push(k);
            }
            self.role_inner_words.extend(r.iter().skip(1).cloned());
        }
        self.honorific_ends = self.honorifics.iter().map(|h| h.rsplit(' ').next().unwrap_or("").to_string()).collect();
        self.known_starts = self.known.keys().map(|k| k.split(' ').next().unwrap_or("").to_string()).collect();
        fn add<'w>(classes: &mut WordMap<u64>, words: impl Iterator<Item = &'w String>, bit: u64) {
            for w in words {
                *classes.entry(w.clone()).or_default() |= bit;
            }
        }
        let mut classes = WordMap::default();
        add(&mut classes, self.verbs_after.iter(), class::VERBS_AFTER);
        add(&mut classes, self.verbs_before.iter(), class::VERBS_BEFORE);
        add(&mut classes, self.pronouns.iter(), class::PRONOUNS);
        add(&mut classes, self.plural_pronouns.iter(), class::PLURAL_PRONOUNS);
        add(&mut classes, self.thing_pronouns.iter(), class::THING_PRONOUNS);
        add(&mut classes, self.complementizers.iter(), class::COMPLEMENTIZERS);
        add(&mut classes, self.relatives.iter(), class::RELATIVES);
        add(&mut classes, self.demonstratives.iter(), class::DEMONSTRATIVES);
        add(&mut classes, self.document_nouns.iter(), class::DOCUMENT_NOUNS);
        add(&mut classes, self.role_connectors.iter(), class::ROLE_CONNECTORS);
        add(&mut classes, self.non_predicates.iter(), class::NON_PREDICATES);
        add(&mut classes, self.stances.iter(), class::STANCES);
        add(&mut classes, self.conjunctions.iter(), class::CONJUNCTIONS);
        add(&mut classes, self.determiners.iter(), class::DETERMINERS);
        add(&mut classes, self.org_tails.iter(), class::ORG_TAILS);
        add(&mut classes, self.filler.iter(), class::FILLER);
        add(&mut classes, self.trailing_preps.iter(), class::TRAILING_PREPS);
        add(&mut classes, self.honorifics.iter(), class::HONORIFICS);
        add(&mut classes, self.courtesy.iter(), class::COURTESY);
        add(&mut classes, self.degrees.iter(), class::DEGREES);
        add(&mut classes, self.org_heads.iter(), class::ORG_HEADS);
        add(&mut classes, self.place_heads.iter(), class::PLACE_HEADS);
        add(&mut classes, self.common_caps.iter(), class::COMMON_CAPS);
        add(&mut classes, self.name_connectors.iter(), class::NAME_CONNECTORS);
        add(&mut classes, self.descriptors.iter(), class::DESCRIPTORS);
        add(&mut classes, self.known.keys(), class::KNOWN);
        add(&mut classes, self.role_starts.keys(), class::ROLE_STARTS);
        add(&mut classes, self.role_inner_words.iter(), class::ROLE_INNER_WORDS);
        add(&mut classes, self.honorific_ends.iter(), class::HONORIFIC_ENDS);
        add(&mut classes, self.known_starts.iter(), class::KNOWN_STARTS);
        self.classes = classes;
    }

    /// Length in words of the first (so longest) role phrase of `roles`
    /// that `lower[i..end]` starts with, if any. `lower` holds lowercased
    /// tokens; `i <= end <= lower.len()`.
    pub fn role_len(&self, lower: &Lowered, i: usize, end: usize) -> Option<usize> {
        let room = end.checked_sub(i)?;
        let cands = self.role_starts.get(lower.get(i)?)?;
        cands
            .iter()
            .map(|&k| &self.roles[k])
            .find(|r| r.len() <= room && r.iter().enumerate().all(|(k, w)| lower.get(i + k) == Some(w.as_str())))
            .map(Vec::len)
    }

    fn add_known(&mut self, line: &str, kind: ActorKind) {
        let names: Vec<&str> = line.split('|').map(str::trim).filter(|n| !n.is_empty()).collect();
        let Some(first) = names.first() else { return };
        let group = self.group_names.len() as u32;
        self.group_names.push(first.to_string());
        for n in names {
            let key = n.to_lowercase();
            self.max_known_words = self.max_known_words.max(key.split_whitespace().count());
            // The first line naming a string wins: files list the likelier sense first.
            self.known.entry(key).or_insert(KnownName { group, kind });
        }
    }

    /// True when `word` (lowercased) reads as a descriptor, not a personal name.
    pub fn is_descriptive(&self, word: &str) -> bool {
        self.descriptors.contains(word) || self.org_heads.contains(word) || self.is_descriptive_confix(word)
    }

    /// True when `word` (lowercased) has one of the descriptive confixes
    /// around at least three more bytes.
    pub fn is_descriptive_confix(&self, word: &str) -> bool {
        self.descriptive_confixes.iter().any(|(pre, suf)| {
            word.len() >= pre.len() + suf.len() + 3 && word.starts_with(pre.as_str()) && word.ends_with(suf.as_str())
        })
    }

    /// Number of words (1–3) of an honorific or rank ending just before
    /// index `a` of `lower` (`komisaris besar`), or 0.
    pub fn honorific_before(&self, lower: &Lowered, lo: usize, a: usize) -> usize {
        // Every honorific ends with one of `honorific_ends`: skip the joins otherwise.
        if a == 0 || a > lower.len() || !self.honorific_ends.contains(&lower[a - 1]) {
            return 0;
        }
        (1..=3usize)
            .rev()
            .filter(|n| a >= lo + n)
            .find(|&n| self.honorifics.contains(lower.join(a - n, a)))
            .unwrap_or(0)
    }

    /// Number of words of the longest honorific or rank starting at index
    /// `i` of `lower` and ending by `end` (`ajun komisaris besar`), or 0.
    pub fn honorific_len(&self, lower: &Lowered, i: usize, end: usize) -> usize {
        let end = end.min(lower.len());
        (1..=self.max_honorific_words.min(end.saturating_sub(i)))
            .rev()
            .find(|&n| self.honorifics.contains(lower.join(i, i + n)))
            .unwrap_or(0)
    }

    /// True when `word` (lowercased) is a role word that starts a role phrase.
    pub fn is_role_start(&self, word: &str) -> bool {
        self.role_starts.contains_key(word)
    }
}

/// The profile for `code`, built on first use; `None` for an unknown code.
pub fn profile(code: &str) -> Option<&'static Profile> {
    static ID_P: OnceLock<Profile> = OnceLock::new();
    static EN_P: OnceLock<Profile> = OnceLock::new();
    match code {
        "id" => Some(ID_P.get_or_init(|| Profile::build("id", &ID))),
        "en" => Some(EN_P.get_or_init(|| Profile::build("en", &EN))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_skip_comments_and_blank_lines() {
        let s = sections("# head\n[a]\nx # note\n\n y \n[b]\nz\n[a]\nw\n");
        assert_eq!(s, vec![("a", vec!["x", "y"]), ("b", vec!["z"]), ("a", vec!["w"])]);
    }

    #[test]
    fn every_profile_loads_its_core_lists() {
        for code in LANGUAGES {
            let p = profile(code).unwrap();
            assert!(!p.verbs_after.is_empty(), "{code}: no after-verbs");
            assert!(!p.verbs_before.is_empty(), "{code}: no before-verbs");
            assert!(!p.known.is_empty(), "{code}: empty gazetteer");
        }
    }

    #[test]
    fn indonesian_gazetteer_joins_official_names() {
        let p = profile("id").unwrap();
        let a = p.known["korea utara"];
        let b = p.known["dprk"];
        assert_eq!(a.group, b.group);
        assert_eq!(a.kind, ActorKind::Place);
    }

    #[test]
    fn role_lookup_finds_the_longest_role_within_bounds() {
        let p = profile("id").unwrap();
        let lower = Lowered::new("kata wakil menteri luar negeri chang".split(' '));
        assert_eq!(p.role_len(&lower, 1, lower.len()), Some(4));
        // Cut short by `end`, the longest role that still fits wins.
        assert_eq!(p.role_len(&lower, 1, 3), Some(2));
        assert_eq!(p.role_len(&lower, 0, lower.len()), None);
        assert_eq!(p.role_len(&lower, 9, 12), None);
        assert!(p.is_role_start("wakil") && !p.is_role_start("chang"));
    }

    #[test]
    fn classes_hold_exactly_the_words_of_each_set() {
        for code in LANGUAGES {
            let p = profile(code).unwrap();
            let sets: [(&WordSet, u64); 3] =
                [(&p.org_heads, class::ORG_HEADS), (&p.honorifics, class::HONORIFICS), (&p.verbs_after, class::VERBS_AFTER)];
            for (set, bit) in sets {
                assert!(!set.is_empty());
                for w in set {
                    assert!(p.classes[w] & bit != 0, "{code}: {w}");
                }
            }
            for (w, &bits) in &p.classes {
                assert_eq!(bits & class::ORG_HEADS != 0, p.org_heads.contains(w), "{code}: {w}");
                assert_eq!(bits & class::KNOWN != 0, p.known.contains_key(w), "{code}: {w}");
                assert_eq!(bits & class::ROLE_STARTS != 0, p.is_role_start(w), "{code}: {w}");
            }
        }
    }

    #[test]
    fn unknown_language_is_none() {
        assert!(profile("xx").is_none());
    }
}
