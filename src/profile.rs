//! Language profiles: every language-specific word list, as data.
//!
//! The data files under `data/<lang>/` share one format, parsed by
//! [`sections`]: `[section]` headers, one entry per line, `#` comments.
//! Gazetteer lines list one actor's names: `Name | Alias | Alias`.
//!
//! `build.rs` compiles in stripped copies (no comments or blank lines; the
//! word lists already lowercased). [`profile`] reads them on first use into
//! one hash map, the [`Lexicon`]: every word of every set → its [`class`]
//! bits, gazetteer entry and role indexes, keyed by slices of the static
//! text (the gazetteers are lowercased once, per file), so no entry costs an
//! allocation of its own. Every word set ([`WordSet`]) and map ([`WordMap`])
//! of a profile is a view of the lexicon through one class bit, with the
//! lookup API of the `HashSet`s and `HashMap`s they replace.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use crate::context::Lowered;
use crate::document::ActorKind;

pub use crate::data_line::sections;

/// Hasher of the profile's word tables: FxHash, several times faster than
/// the default SipHash on short words. Safe from hash flooding: the keys
/// come from the data files, never from the input, and looking an input
/// word up in a fixed table costs at most that table's longest probe.
pub type WordHasher = rustc_hash::FxBuildHasher;

/// A set of words built at run time, for a list whose iteration order the
/// analysis depends on (the order FxHash gives the words of the data file).
pub type OwnedWordSet = std::collections::HashSet<String, WordHasher>;

/// What the lexicon knows of one word (read through [`WordSet`] and [`WordMap`]).
#[derive(Debug)]
pub struct Entry {
    /// Its [`class`] bits: which sets hold it (at least one).
    bits: u64,
    /// Its gazetteer entry, when `bits` has [`class::KNOWN`].
    known: KnownName,
    /// Range of [`Lexicon::role_lists`]: indexes into `Profile::roles` of
    /// the roles starting with the word, longest first.
    roles: (u32, u32),
}

/// Every word of a profile's sets, lowercased, → what it is.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: HashMap<&'static str, Entry, WordHasher>,
    /// The `roles` ranges of the entries point here.
    role_lists: Vec<usize>,
    /// Longest gazetteer name, in words.
    max_known_words: usize,
}

/// A set of words (lowercased) from the data files: the lexicon's words
/// with one [`class`] bit.
#[derive(Clone, Copy, Default)]
pub struct WordSet {
    lexicon: Option<&'static Lexicon>,
    bit: u64,
}

impl WordSet {
    /// True when `word` is in the set.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.lexicon.and_then(|l| l.words.get(word)).is_some_and(|e| e.bits & self.bit != 0)
    }

    /// The words, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        let bit = self.bit;
        self.lexicon.into_iter().flat_map(move |l| l.words.iter().filter(move |(_, e)| e.bits & bit != 0).map(|(w, _)| *w))
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// True when the set has no word.
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

impl fmt::Debug for WordSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// What a [`WordMap`] maps a lexicon word to.
pub trait LexiconValue: 'static {
    /// The value of `entry` in `lexicon`, if its word is a key.
    fn of(lexicon: &'static Lexicon, entry: &'static Entry) -> Option<&'static Self>;
}

impl LexiconValue for u64 {
    fn of(_: &'static Lexicon, e: &'static Entry) -> Option<&'static u64> {
        Some(&e.bits)
    }
}

impl LexiconValue for KnownName {
    fn of(_: &'static Lexicon, e: &'static Entry) -> Option<&'static KnownName> {
        (e.bits & class::KNOWN != 0).then_some(&e.known)
    }
}

impl LexiconValue for [usize] {
    fn of(l: &'static Lexicon, e: &'static Entry) -> Option<&'static [usize]> {
        (e.bits & class::ROLE_STARTS != 0).then(|| &l.role_lists[e.roles.0 as usize..e.roles.1 as usize])
    }
}

/// A map keyed by words (lowercased) from the data files: a view of the
/// lexicon ([`LexiconValue`] says which words are keys, and their values).
pub struct WordMap<V: ?Sized + 'static> {
    lexicon: Option<&'static Lexicon>,
    value: std::marker::PhantomData<&'static V>,
}

impl<V: ?Sized + LexiconValue> WordMap<V> {
    fn over(lexicon: &'static Lexicon) -> WordMap<V> {
        WordMap { lexicon: Some(lexicon), value: std::marker::PhantomData }
    }

    /// The value of `word`, if it is a key.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&'static V> {
        let l = self.lexicon?;
        V::of(l, l.words.get(word)?)
    }

    /// True when `word` is a key.
    #[inline]
    pub fn contains_key(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// `(key, value)` pairs, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'static V)> + '_ {
        self.lexicon.into_iter().flat_map(|l| l.words.iter().filter_map(move |(w, e)| Some((*w, V::of(l, e)?))))
    }

    /// The keys, in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.iter().map(|(w, _)| w)
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// True when the map has no key.
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

impl<V: ?Sized> Default for WordMap<V> {
    fn default() -> Self {
        WordMap { lexicon: None, value: std::marker::PhantomData }
    }
}

impl<V: ?Sized + LexiconValue> std::ops::Index<&str> for WordMap<V> {
    type Output = V;
    /// The value of `word`; panics when it is not a key.
    fn index(&self, word: &str) -> &V {
        self.get(word).unwrap_or_else(|| panic!("no profile entry {word:?}"))
    }
}

impl<V: ?Sized + fmt::Debug + LexiconValue> fmt::Debug for WordMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

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
    /// A word of `[not-a-name]` in `words.txt`: read by the rules as
    /// [`COMMON_CAPS`] (see `Ctx::is_common`), not by the tagger's hints.
    pub const NOT_NAMES: u64 = 1 << 30;
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
    /// A gazetteer name the file writes as two or three capitals (`MA`,
    /// `AJI`, `AS`): the text names that actor only where it writes the
    /// word in capitals too, so `Jack Ma` and `Aji` stay names
    /// ([`crate::context::Ctx::known_word`]).
    pub const SHORT_ACRONYM: u64 = 1 << 31;
    /// A key of [`Profile::bracketed`](super::Profile::bracketed).
    pub const BRACKETED: u64 = 1 << 32;
    /// A word of `[resident]` in `titles.txt` (`warga`): a role whose
    /// capitalised run after it names where the person lives, not the person.
    pub const RESIDENTS: u64 = 1 << 33;
}

/// Codes of the profiles compiled in.
pub const LANGUAGES: &[&str] = &["id", "en"];

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
    pub document_nouns: OwnedWordSet,
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
    /// Words written in brackets right after a rank or title, as part of it
    /// (`Kolonel (Inf)`, `Irjen (Pol)`, `Mayjen (Purn)`): see
    /// [`Profile::honorific_len`].
    pub bracketed: WordSet,
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
    pub descriptive_confixes: Vec<(&'static str, &'static str)>,
    /// Gazetteer: lowercased name → group and kind.
    pub known: WordMap<KnownName>,
    /// Canonical (first) name of each gazetteer group, original case.
    pub group_names: Vec<String>,
    /// Longest gazetteer name, in words.
    pub max_known_words: usize,
    /// Index of `roles`: first word → indexes of the phrases starting with
    /// it, in `roles` order (longest first).
    pub role_starts: WordMap<[usize]>,
    /// Every word of a role phrase other than its first (`bicara`).
    pub role_inner_words: WordSet,
    /// Last word (after the last space) of every honorific: a token that is
    /// not here ends no honorific.
    pub honorific_ends: WordSet,
    /// First word (up to the first space) of every gazetteer key: a token
    /// that is not here starts no gazetteer name.
    pub known_starts: WordSet,
    /// Every word of the sets above (and every key of `known` and
    /// `role_starts`) → its [`class`] bits, so
    /// that a token's classes are one lookup ([`crate::context::Ctx::has`]).
    pub classes: WordMap<u64>,
}

/// The data files of one language, as `build.rs` stripped them: each line
/// is an entry or a `[section]` header, trimmed, without comments; the word
/// lists (all but the gazetteers) lowercased.
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

/// The compiled-in languages, in [`LANGUAGES`] order.
const SOURCES: [Sources; 2] = [sources!("id"), sources!("en")];

/// The pieces of `s` between the bytes `sep` (an ASCII byte, so every
/// piece is whole characters). A byte loop: several times cheaper than
/// `str::split` on these texts, whose pieces are a few bytes long.
fn split_byte(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    debug_assert!(sep.is_ascii());
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == sep) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The sections of a stripped data file (every line bare: no comments,
/// blank lines or padding), as `(name, entries)`; what [`sections`] reads
/// from the original file.
fn stripped_sections(text: &str) -> Vec<(&str, Vec<&str>)> {
    crate::data_line::group_sections(split_byte(text, b'\n'))
}

fn section<'a>(secs: &[(&'a str, Vec<&'a str>)], name: &str) -> Vec<&'a str> {
    secs.iter().filter(|(n, _)| *n == name).flat_map(|(_, e)| e.iter().copied()).collect()
}

/// Word lists of `entries` (lowercase), longest first (a stable sort), so
/// that matching prefers "wakil menteri" over "menteri".
fn word_lists<'a>(entries: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut v: Vec<Vec<&str>> = entries.iter().map(|e| e.split_whitespace().collect()).collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    v
}

/// Owned copies of word `lists`.
fn owned_lists(lists: &[Vec<&str>]) -> Vec<Vec<String>> {
    lists.iter().map(|l| owned(l)).collect()
}

/// Owned copies of `items`.
fn owned(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

impl Lexicon {
    /// Adds `bit` to the classes of `word`.
    fn add(&mut self, word: &'static str, bit: u64) -> &mut Entry {
        let e = self.words.entry(word).or_insert(Entry { bits: 0, known: KnownName { group: 0, kind: ActorKind::Place }, roles: (0, 0) });
        e.bits |= bit;
        e
    }
}

impl Profile {
    /// Reads the profile of `code` from its stripped data files, whose word
    /// lists `build.rs` lowercased, so the lexicon's keys are slices of the
    /// static text, not one allocation each. The gazetteers are lowercased
    /// here, each file at once, into `lower` (kept for the profile's
    /// lifetime, for the same reason); their canonical names come from the
    /// original text, line for line.
    fn read(code: &'static str, src: &'static Sources, lower: &'static OnceLock<[String; 3]>, lexicon: &'static OnceLock<Lexicon>) -> Profile {
        let [places_l, orgs_l, persons_l] =
            lower.get_or_init(|| [src.places, src.organizations, src.persons].map(str::to_lowercase));
        let speech = stripped_sections(src.speech);
        let titles = stripped_sections(src.titles);
        let words = stripped_sections(src.words);
        let grammar = stripped_sections(src.grammar);
        let honorifics = [section(&titles, "honorific"), section(&titles, "courtesy")].concat();
        // Role phrases, longest first: the lexicon borrows their words,
        // `Profile::roles` owns copies in the same order.
        let phrases: Vec<Vec<&'static str>> = word_lists(&section(&titles, "role"));
        let mut group_names = Vec::new();

        let lexicon: &'static Lexicon = lexicon.get_or_init(|| {
            // Every line is at most one new word, but for gazetteer aliases.
            let lines = [src.speech, src.titles, src.words, src.grammar, src.places, src.organizations, src.persons]
                .iter()
                .map(|t| t.len() / 8)
                .sum::<usize>();
            let mut lex = Lexicon { words: HashMap::with_capacity_and_hasher(lines, WordHasher::default()), ..Lexicon::default() };
            let mut add_all = |words: &[&'static str], bit: u64| {
                for &w in words {
                    lex.add(w, bit);
                }
            };
            add_all(&section(&speech, "after"), class::VERBS_AFTER);
            add_all(&section(&speech, "before"), class::VERBS_BEFORE);
            add_all(&section(&speech, "pronoun"), class::PRONOUNS);
            add_all(&section(&speech, "plural-pronoun"), class::PLURAL_PRONOUNS);
            add_all(&section(&speech, "thing-pronoun"), class::THING_PRONOUNS);
            add_all(&section(&speech, "complementizer"), class::COMPLEMENTIZERS);
            add_all(&section(&speech, "relative"), class::RELATIVES);
            add_all(&section(&speech, "demonstrative"), class::DEMONSTRATIVES);
            add_all(&section(&speech, "document"), class::DOCUMENT_NOUNS);
            add_all(&section(&speech, "role-connector"), class::ROLE_CONNECTORS);
            add_all(&section(&speech, "non-predicate"), class::NON_PREDICATES);
            add_all(&section(&speech, "stance"), class::STANCES);
            add_all(&section(&speech, "conjunction"), class::CONJUNCTIONS);
            add_all(&section(&speech, "determiner"), class::DETERMINERS);
            add_all(&section(&grammar, "organization-tail"), class::ORG_TAILS);
            add_all(&section(&speech, "filler"), class::FILLER);
            add_all(&section(&speech, "trailing-preposition"), class::TRAILING_PREPS);
            add_all(&honorifics, class::HONORIFICS);
            add_all(&section(&titles, "courtesy"), class::COURTESY);
            add_all(&section(&titles, "degree"), class::DEGREES);
            add_all(&section(&titles, "bracketed"), class::BRACKETED);
            add_all(&section(&titles, "resident"), class::RESIDENTS);
            add_all(&section(&words, "organization-head"), class::ORG_HEADS);
            add_all(&section(&words, "place-head"), class::PLACE_HEADS);
            add_all(&section(&words, "common-capitalised"), class::COMMON_CAPS);
            add_all(&section(&words, "not-a-name"), class::NOT_NAMES);
            add_all(&section(&words, "name-connector"), class::NAME_CONNECTORS);
            add_all(&section(&grammar, "descriptor"), class::DESCRIPTORS);
            for h in &honorifics {
                lex.add(h.rsplit(' ').next().unwrap_or(""), class::HONORIFIC_ENDS);
            }
            for r in &phrases {
                if let Some(&first) = r.first() {
                    lex.add(first, class::ROLE_STARTS);
                }
                for &w in &r[1..] {
                    lex.add(w, class::ROLE_INNER_WORDS);
                }
            }
            // Each start word's roles, contiguous and longest first.
            let mut starts: Vec<(&'static str, usize)> =
                phrases.iter().enumerate().filter_map(|(k, r)| Some((*r.first()?, k))).collect();
            starts.sort_by_key(|&(w, k)| (w, k));
            for (w, k) in starts {
                let n = lex.role_lists.len() as u32;
                lex.role_lists.push(k);
                let e = lex.words.get_mut(w).expect("added above");
                if e.roles.1 != n {
                    e.roles.0 = n;
                }
                e.roles.1 = n + 1;
            }
            // The gazetteer: the first line naming a string wins (files
            // list the likelier sense first).
            let mut group = 0u32;
            let files = [(ActorKind::Place, &places_l, src.places), (ActorKind::Organization, &orgs_l, src.organizations), (ActorKind::Person, &persons_l, src.persons)];
            for (kind, lowered, original) in files {
                // Lowercasing keeps every line and `|`, so the two walk in step.
                let originals = stripped_sections(original).into_iter().flat_map(|(_, e)| e);
                let lines = stripped_sections(lowered).into_iter().flat_map(|(_, e)| e);
                for (line, original) in lines.zip(originals) {
                    let mut any = false;
                    let names = split_byte(line, b'|').map(str::trim).zip(split_byte(original, b'|').map(str::trim));
                    for (n, written) in names.filter(|(n, _)| !n.is_empty()) {
                        any = true;
                        lex.max_known_words = lex.max_known_words.max(n.split_whitespace().count());
                        let short_acronym = (2..=3).contains(&written.len()) && written.bytes().all(|b| b.is_ascii_uppercase());
                        let e = lex.add(n, if short_acronym { class::SHORT_ACRONYM } else { 0 });
                        if e.bits & class::KNOWN == 0 {
                            e.bits |= class::KNOWN;
                            e.known = KnownName { group, kind };
                        }
                        lex.add(n.split(' ').next().unwrap_or(""), class::KNOWN_STARTS);
                    }
                    group += u32::from(any);
                }
            }
            lex
        });
        for file in [src.places, src.organizations, src.persons] {
            for (_, entries) in stripped_sections(file) {
                for line in entries {
                    if let Some(first) = split_byte(line, b'|').map(str::trim).find(|n| !n.is_empty()) {
                        group_names.push(first.to_string());
                    }
                }
            }
        }
        let set = |bit: u64| WordSet { lexicon: Some(lexicon), bit };
        Profile {
            code,
            tagged: code == "id",
            verbs_after: set(class::VERBS_AFTER),
            pointing_suffixes: owned(&section(&speech, "pointing-suffix")),
            verbs_before: set(class::VERBS_BEFORE),
            according: owned_lists(&word_lists(&section(&speech, "according"))),
            pronouns: set(class::PRONOUNS),
            plural_pronouns: set(class::PLURAL_PRONOUNS),
            thing_pronouns: set(class::THING_PRONOUNS),
            complementizers: set(class::COMPLEMENTIZERS),
            relatives: set(class::RELATIVES),
            demonstratives: set(class::DEMONSTRATIVES),
            document_nouns: section(&speech, "document").into_iter().map(str::to_string).collect(),
            role_connectors: set(class::ROLE_CONNECTORS),
            non_predicates: set(class::NON_PREDICATES),
            stances: set(class::STANCES),
            active_prefixes: owned(&section(&speech, "active-prefix")),
            passive_prefixes: owned(&section(&speech, "passive-prefix")),
            conjunctions: set(class::CONJUNCTIONS),
            determiners: set(class::DETERMINERS),
            org_tails: set(class::ORG_TAILS),
            filler: set(class::FILLER),
            trailing_preps: set(class::TRAILING_PREPS),
            roles: owned_lists(&phrases),
            honorifics: set(class::HONORIFICS),
            courtesy: set(class::COURTESY),
            max_honorific_words: honorifics.iter().map(|h| h.split_whitespace().count()).max().unwrap_or(0),
            degrees: set(class::DEGREES),
            bracketed: set(class::BRACKETED),
            org_heads: set(class::ORG_HEADS),
            place_heads: set(class::PLACE_HEADS),
            common_caps: set(class::COMMON_CAPS),
            name_connectors: set(class::NAME_CONNECTORS),
            descriptors: set(class::DESCRIPTORS),
            descriptive_confixes: section(&grammar, "descriptive-confix")
                .iter()
                .filter_map(|e| e.split_once(' '))
                .map(|(a, b)| (a.trim(), b.trim()))
                .collect(),
            known: WordMap::over(lexicon),
            group_names,
            max_known_words: lexicon.max_known_words,
            role_starts: WordMap::over(lexicon),
            role_inner_words: set(class::ROLE_INNER_WORDS),
            honorific_ends: set(class::HONORIFIC_ENDS),
            known_starts: set(class::KNOWN_STARTS),
            classes: WordMap::over(lexicon),
        }
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

    /// True when `word` (lowercased) reads as a descriptor, not a personal name.
    pub fn is_descriptive(&self, word: &str) -> bool {
        self.descriptors.contains(word) || self.org_heads.contains(word) || self.is_descriptive_confix(word)
    }

    /// True when `word` (lowercased) has one of the descriptive confixes
    /// around at least three more bytes.
    pub fn is_descriptive_confix(&self, word: &str) -> bool {
        self.descriptive_confixes.iter().any(|&(pre, suf)| {
            word.len() >= pre.len() + suf.len() + 3 && word.starts_with(pre) && word.ends_with(suf)
        })
    }

    /// Number of tokens of an honorific or rank ending just before index
    /// `a` of `lower` and starting at `lo` or later: 1–3 words (`komisaris
    /// besar`), and a [`Profile::bracketed`] word after it in brackets
    /// (`inspektur jenderal ( pol )`, `kolonel ( purn . )`); 0 if none.
    pub fn honorific_before(&self, lower: &Lowered, lo: usize, a: usize) -> usize {
        if a == 0 || a > lower.len() {
            return 0;
        }
        if &lower[a - 1] == ")" {
            let dot = usize::from(a >= 2 && &lower[a - 2] == ".");
            let open = a.saturating_sub(3 + dot);
            if open < lo + 1 || self.bracketed_len(lower, open, a) != a - open {
                return 0;
            }
            return match self.honorific_before(lower, lo, open) {
                0 => 0,
                n => n + 3 + dot,
            };
        }
        // Every honorific ends with one of `honorific_ends`: skip the joins otherwise.
        if !self.honorific_ends.contains(&lower[a - 1]) {
            return 0;
        }
        (1..=3usize)
            .rev()
            .filter(|n| a >= lo + n)
            .find(|&n| self.honorifics.contains(lower.join(a - n, a)))
            .unwrap_or(0)
    }

    /// Number of tokens of the longest honorific or rank starting at index
    /// `i` of `lower` and ending by `end` (`ajun komisaris besar`), with a
    /// [`Profile::bracketed`] word in brackets after it (`irjen ( pol )`);
    /// 0 if none.
    pub fn honorific_len(&self, lower: &Lowered, i: usize, end: usize) -> usize {
        let end = end.min(lower.len());
        let n = (1..=self.max_honorific_words.min(end.saturating_sub(i)))
            .rev()
            .find(|&n| self.honorifics.contains(lower.join(i, i + n)))
            .unwrap_or(0);
        if n == 0 {
            return 0;
        }
        n + self.bracketed_len(lower, i + n, end)
    }

    /// Number of tokens (3 or 4) of a [`Profile::bracketed`] word in
    /// brackets at index `i` of `lower`, ending by `end`: `( pol )`,
    /// `( purn . )`; 0 if none.
    pub fn bracketed_len(&self, lower: &Lowered, i: usize, end: usize) -> usize {
        let end = end.min(lower.len());
        if i + 3 > end || &lower[i] != "(" || !self.bracketed.contains(&lower[i + 1]) {
            return 0;
        }
        match (&lower[i + 2], lower.get(i + 3)) {
            (")", _) => 3,
            (".", Some(")")) if i + 4 <= end => 4,
            _ => 0,
        }
    }

    /// True when `word` (lowercased) is a role word that starts a role phrase.
    pub fn is_role_start(&self, word: &str) -> bool {
        self.role_starts.contains_key(word)
    }
}

/// The profile for `code`, read on first use; `None` for an unknown code.
pub fn profile(code: &str) -> Option<&'static Profile> {
    static PROFILES: [OnceLock<Profile>; LANGUAGES.len()] = [const { OnceLock::new() }; LANGUAGES.len()];
    static LEXICONS: [OnceLock<Lexicon>; LANGUAGES.len()] = [const { OnceLock::new() }; LANGUAGES.len()];
    static LOWER: [OnceLock<[String; 3]>; LANGUAGES.len()] = [const { OnceLock::new() }; LANGUAGES.len()];
    let k = LANGUAGES.iter().position(|c| *c == code)?;
    Some(PROFILES[k].get_or_init(|| Profile::read(LANGUAGES[k], &SOURCES[k], &LOWER[k], &LEXICONS[k])))
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
    fn a_bracketed_corps_after_a_rank_is_part_of_it() {
        let p = profile("id").unwrap();
        let lower = Lowered::new("kata inspektur jenderal ( pol ) fadil mayjen ( purn . ) budi ( pol ) ahmad".split(' '));
        // Starting at the rank: two words and three tokens of brackets.
        assert_eq!(p.honorific_len(&lower, 1, lower.len()), 5);
        assert_eq!(p.honorific_before(&lower, 0, 6), 5);
        // The dot of an abbreviated corps.
        assert_eq!(p.honorific_len(&lower, 7, lower.len()), 5);
        assert_eq!(p.honorific_before(&lower, 0, 12), 5);
        // Cut short by `end` or `lo`, only the rank counts, or nothing.
        assert_eq!(p.honorific_len(&lower, 1, 5), 2);
        assert_eq!(p.honorific_before(&lower, 3, 6), 0);
        // After a name, brackets are no title.
        assert_eq!(p.honorific_before(&lower, 0, 16), 0);
        assert_eq!(p.bracketed_len(&lower, 13, lower.len()), 3);
    }

    /// The raw data file `file` of `lang`.
    fn data(lang: &str, file: &str) -> String {
        std::fs::read_to_string(format!("{}/data/{lang}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn every_set_holds_exactly_the_entries_of_its_section() {
        for code in LANGUAGES {
            let p = profile(code).unwrap();
            let sets: [(&str, &str, &WordSet, u64); 6] = [
                ("speech.txt", "after", &p.verbs_after, class::VERBS_AFTER),
                ("speech.txt", "filler", &p.filler, class::FILLER),
                ("titles.txt", "degree", &p.degrees, class::DEGREES),
                ("words.txt", "organization-head", &p.org_heads, class::ORG_HEADS),
                ("words.txt", "common-capitalised", &p.common_caps, class::COMMON_CAPS),
                ("grammar.txt", "descriptor", &p.descriptors, class::DESCRIPTORS),
            ];
            for (file, name, set, bit) in sets {
                let text = data(code, file);
                let want: std::collections::BTreeSet<String> = sections(&text)
                    .into_iter()
                    .filter(|(n, _)| *n == name)
                    .flat_map(|(_, e)| e.into_iter().map(str::to_lowercase))
                    .collect();
                let got: std::collections::BTreeSet<String> = set.iter().map(str::to_string).collect();
                assert_eq!(got, want, "{code}: [{name}] of {file}");
                for w in &want {
                    assert!(set.contains(w) && p.classes[w.as_str()] & bit != 0, "{code}: {w}");
                }
            }
            // Views through other bits do not see these words.
            for w in p.org_heads.iter() {
                assert_eq!(p.degrees.contains(w), p.classes[w] & class::DEGREES != 0, "{code}: {w}");
            }
            assert!(!p.verbs_after.contains("no-such-word") && p.classes.get("no-such-word").is_none());
        }
    }

    #[test]
    fn every_gazetteer_name_is_known_with_its_files_kind_and_first_line() {
        for code in LANGUAGES {
            let p = profile(code).unwrap();
            let mut seen = std::collections::HashSet::new();
            for (file, kind) in
                [("places.txt", ActorKind::Place), ("organizations.txt", ActorKind::Organization), ("persons.txt", ActorKind::Person)]
            {
                for (_, entries) in sections(&data(code, file)) {
                    for line in entries {
                        let names: Vec<&str> = line.split('|').map(str::trim).filter(|n| !n.is_empty()).collect();
                        for n in &names {
                            let key = n.to_lowercase();
                            let known = p.known.get(&key).unwrap_or_else(|| panic!("{code}: {key}"));
                            assert!(p.known_starts.contains(key.split(' ').next().unwrap()));
                            // The first line naming a string wins.
                            if seen.insert(key.clone()) {
                                assert_eq!(known.kind, kind, "{code}: {key}");
                                assert_eq!(p.group_names[known.group as usize], names[0], "{code}: {key}");
                            }
                        }
                    }
                }
            }
            assert_eq!(p.known.len(), seen.len(), "{code}: no other keys");
        }
    }

    #[test]
    fn unknown_language_is_none() {
        assert!(profile("xx").is_none());
    }
}
