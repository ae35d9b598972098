//! Property tests: on arbitrary Unicode text, `analyze` never panics and
//! every document keeps the invariants of docs/document.md (checked by
//! `sorot::validate`): spans inside the text on UTF-16 boundaries that
//! never split a surrogate pair, each `text` equal to its slice, mentions
//! and quotes sorted and not overlapping, every speaker and mention actor
//! an existing actor; and the output is deterministic.
//!
//! Texts are built from fragments that reach every stage (quotation marks
//! of each style, names, roles, speech verbs, brackets, line breaks) mixed
//! with arbitrary characters, including astral ones (surrogate pairs in
//! UTF-16), combining marks, joiners, right-to-left and control characters.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use sorot::{analyze, validate::validate, Options};

/// Fragments that the pipeline reacts to.
const FRAGMENTS: &[&str] = &[
    "“", "”", "\"", "'", "‘", "’", "«", "»", "„", "「", "」", " ", " ", " ", "\n", "\n\n", "\r\n", ".", ",", ":", "(",
    ")", "-", "—", "…", "?", "Budi", "Santoso", "Budi Santoso", "Lim", "Soo-suk", "PBB", "KPK", "Komisi Pemberantasan Korupsi",
    "Menteri", "Luar", "Negeri", "juru bicara", "kementerian", "tersebut", "itu", "kata", "ujar", "katanya", "mengatakan",
    "bahwa", "Menurut", "menurut", "dia", "ia", "mereka", "pernyataan", "yang", "juga", "Presiden", "Jakarta", "Dr.",
    "S.H.", "J.", "1.000", "27/10/2020", "kami", "siap", "tidak", "said", "according to", "the", "Ministry", "😀", "👨‍👩‍👧",
    "e\u{301}", "\u{200d}", "\u{200c}", "\u{fe0f}", "\u{202e}", "\u{5e9}\u{5dc}\u{5d5}\u{5dd}", "\u{0}", "\u{1}", "\u{7f}",
    "\u{85}", "\u{feff}", "\u{2028}", "\u{2029}", "\u{a0}", "<script>", "</p>", "&amp;", "𝕏", "\u{10ffff}",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[A-Za-z]{1,12}",
    ]
}

/// Texts of up to 120 fragments.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(fragment(), 0..120).prop_map(|f| f.concat())
}

fn options() -> impl Strategy<Value = Options> {
    (prop_oneof![Just("id"), Just("en")], prop_oneof![Just(4000usize), 1usize..60]).prop_map(|(lang, max_quote_chars)| Options {
        lang: lang.to_string(),
        max_quote_chars,
        ..Options::default()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn documents_keep_every_invariant(t in text(), o in options()) {
        let doc = analyze(&t, &o).expect("valid options are never refused");
        if let Err(why) = validate(&t, &doc) {
            return Err(TestCaseError::fail(format!("{why}\ninput: {t:?}")));
        }
        prop_assert_eq!(&doc.lang, &o.lang);
    }

    #[test]
    fn arbitrary_strings_keep_every_invariant(t in any::<String>()) {
        let doc = analyze(&t, &Options::default()).expect("never refused");
        if let Err(why) = validate(&t, &doc) {
            return Err(TestCaseError::fail(format!("{why}\ninput: {t:?}")));
        }
    }

    #[test]
    fn output_is_deterministic(t in text()) {
        let o = Options::default();
        let a = analyze(&t, &o).unwrap();
        let b = analyze(&t, &o).unwrap();
        prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    }

    #[test]
    fn quotes_respect_the_quote_limit(t in text(), max in 1usize..40) {
        let doc = analyze(&t, &Options { max_quote_chars: max, ..Options::default() }).unwrap();
        for q in doc.quotes.iter().filter(|q| q.kind == sorot::QuoteKind::Direct) {
            prop_assert!(q.text.chars().count() <= max, "quote {:?} over {} chars", q.text, max);
        }
    }

    #[test]
    fn input_limit_is_exact(t in text()) {
        let len = t.len();
        let exact = Options { max_input_bytes: len, ..Options::default() };
        prop_assert!(analyze(&t, &exact).is_ok());
        if len > 0 {
            let err = analyze(&t, &Options { max_input_bytes: len - 1, ..Options::default() }).unwrap_err();
            prop_assert_eq!(err, sorot::Error::InputTooLarge { len, max: len - 1 });
        }
    }
}
