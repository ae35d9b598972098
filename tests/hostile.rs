//! Hostile input: each case finishes with a sane document (one that passes
//! `sorot::validate`), never a panic or a hang, and limits refuse input
//! with a clear error.
//!
//! Every analysis runs on a thread with a 1 MiB stack, the size of the
//! wasm module's stack, so deep recursion fails here as it would in a
//! browser; a case that has not finished after [`HANG`] fails as a hang
//! (a guard against endless loops, not a speed claim: speed is measured by
//! benchmarks).
//!
//! Small cases live in `tests/hostile/*.txt` (see its README); large ones
//! are generated here.

#![cfg(not(target_arch = "wasm32"))]

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use sorot::{analyze, validate::validate, Analysis, Error, Options, QuoteKind};

/// How long one analysis may take before it counts as a hang.
const HANG: Duration = Duration::from_secs(120);

/// Analyses `text` on a wasm-sized stack, checks the document's invariants
/// and returns it.
fn sane(text: String, options: Options) -> (String, Analysis) {
    let (tx, rx) = mpsc::channel();
    thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            let doc = analyze(&text, &options);
            let _ = tx.send((text, doc));
        })
        .expect("spawn");
    let (text, doc) = match rx.recv_timeout(HANG) {
        Ok(r) => r,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("analysis did not finish within {HANG:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("analysis panicked"),
    };
    let doc = doc.unwrap_or_else(|e| panic!("refused: {e}"));
    if let Err(why) = validate(&text, &doc) {
        panic!("invariant broken: {why}");
    }
    (text, doc)
}

fn sane_default(text: impl Into<String>) -> Analysis {
    sane(text.into(), Options::default()).1
}

fn corpus(name: &str) -> String {
    let path = format!("{}/tests/hostile/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn empty(doc: &Analysis) -> bool {
    doc.actors.is_empty() && doc.mentions.is_empty() && doc.quotes.is_empty()
}

#[test]
fn empty_and_whitespace_only_give_empty_documents() {
    for t in ["", " ", "\n", "\r\n\r\n", "\t \u{a0}\u{2028}\u{2029}\u{3000} \n", &" \n".repeat(50_000)] {
        let doc = sane_default(t);
        assert!(empty(&doc), "{t:?}: {doc:?}");
        assert_eq!((doc.version, doc.lang.as_str()), (1, "id"));
    }
}

#[test]
fn every_corpus_file_analyses_sanely() {
    let dir = format!("{}/tests/hostile", env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            for lang in ["id", "en"] {
                sane(text.clone(), Options { lang: lang.into(), ..Options::default() });
            }
            // Line by line too, as `sorot analyze --per-line` reads it.
            for line in text.lines() {
                sane_default(line);
            }
            n += 1;
        }
    }
    assert!(n >= 6, "only {n} corpus files in {dir}");
}

// Minutes in an unoptimised build; `cargo test --release --test hostile`
// runs it (2.5 s of analysis on the 2-core development machine).
#[test]
#[cfg_attr(debug_assertions, ignore = "10 MB unoptimised takes minutes: run with --release")]
fn ten_megabytes_of_article_text() {
    let para = "“Kami tidak pernah menerima permintaan resmi,” kata Budi Santoso, juru bicara kementerian. \
                Menteri Luar Negeri Retno Marsudi mengatakan bahwa situasi di perbatasan tetap aman.\n";
    let copies = 10_000_000 / para.len() + 1;
    let text = para.repeat(copies);
    assert!(text.len() >= 10_000_000);
    let (_, doc) = sane(text, Options::default());
    let direct = doc.quotes.iter().filter(|q| q.kind == QuoteKind::Direct).count();
    assert_eq!(direct, copies);
    assert!(doc.quotes.iter().all(|q| q.speaker.is_some()), "every quote has its speaker");
    let budi = doc.actors.iter().filter(|a| a.name == "Budi Santoso").count();
    assert_eq!(budi, 1, "one actor however often the name recurs");
}

#[test]
fn a_hundred_thousand_quote_marks() {
    assert!(empty(&sane_default("“".repeat(100_000))), "marks alone quote nothing");
    // 100,000 marks in 50,000 pairs, one per line.
    let doc = sane_default("“a”\n".repeat(50_000));
    assert_eq!(doc.quotes.len(), 50_000);
    assert!(doc.quotes.iter().all(|q| q.text == "a"));
    // 10,000 pairs all in one sentence of one paragraph (each quote's cue
    // search once ran to the sentence's ends: quadratic).
    let doc = sane_default("“a” ".repeat(10_000));
    assert_eq!(doc.quotes.len(), 10_000);
    // 100,000 apostrophe-like single marks in one paragraph (each once
    // scanned every later mark for a closer: quadratic).
    let doc = sane_default(" 'a".repeat(100_000));
    assert!(doc.quotes.is_empty());
    for mark in ["\"", "”", "'", "«", "»", "「"] {
        let doc = sane_default(mark.repeat(10_000));
        assert!(empty(&doc), "marks alone quote nothing ({mark})");
        let doc = sane_default(format!("{mark} ").repeat(10_000));
        assert!(doc.quotes.is_empty(), "spaced marks alone quote nothing ({mark})");
    }
}

#[test]
fn only_opening_marks() {
    let doc = sane_default("“a ".repeat(20_000));
    assert!(doc.quotes.iter().all(|q| q.text == "a"), "each lost opener ends at the next one");
    let (text, doc) = sane(corpus("openers-only.txt"), Options::default());
    for q in &doc.quotes {
        assert!(!q.text.contains('\n'), "a quote never crosses a paragraph: {:?}", q.text);
    }
    assert!(text.lines().count() >= doc.quotes.len() / 10);
}

#[test]
fn a_quote_never_closed_ends_at_its_paragraph_or_cue() {
    let (text, doc) = sane(corpus("unclosed.txt"), Options::default());
    assert!(doc.quotes.iter().all(|q| !q.text.contains('\n')));
    let unquoted = "Paragraf berikutnya tidak dikutip sama sekali.";
    let at = text.find(unquoted).unwrap();
    let at16 = text[..at].encode_utf16().count();
    assert!(doc.quotes.iter().all(|q| q.end <= at16 || q.start >= at16 + unquoted.len()));
    let cued = doc.quotes.iter().find(|q| q.text.starts_with("Juga tidak ditutup")).expect("the cued one");
    assert_eq!(cued.text, "Juga tidak ditutup,");
    // One endless paragraph after a lone opener.
    let doc = sane_default(format!("“{}", "kata Budi Santoso bahwa ".repeat(5_000)));
    assert!(doc.quotes.len() <= 5_000);
}

#[test]
fn quote_limit_drops_overlong_pairings_and_is_configurable() {
    let long = format!("“{}” kata Budi Santoso.", "kata ".repeat(2_000)); // 10,000 chars inside
    assert!(sane(long.clone(), Options::default()).1.quotes.iter().all(|q| q.kind != QuoteKind::Direct));
    let doc = sane(long, Options { max_quote_chars: 20_000, ..Options::default() }).1;
    assert_eq!(doc.quotes.iter().filter(|q| q.kind == QuoteKind::Direct).count(), 1);
    assert_eq!(
        analyze("“a”", &Options { max_quote_chars: 0, ..Options::default() }),
        Err(Error::InvalidOption("maxQuoteChars must be at least 1".into()))
    );
}

#[test]
fn emoji_combining_joiners_rtl_nul_and_controls() {
    let (_, doc) = sane(corpus("scripts.txt"), Options::default());
    let q = doc.quotes.iter().find(|q| q.text.starts_with("Kami siap")).expect("quote with emoji");
    assert_eq!(q.text, "Kami siap 👨‍👩‍👧‍👦,");
    let speaker = doc.actors.iter().find(|a| Some(&a.id) == q.speaker.as_ref()).expect("speaker");
    assert_eq!(speaker.name, "Budi Santoso");
    let (_, doc) = sane(corpus("controls.txt"), Options::default());
    let q = &doc.quotes[0];
    assert_eq!(q.text, "Kami\u{0} siap,");
    // Every combining mark or joiner after every letter, and runs of them alone.
    for mark in ["\u{301}", "\u{200d}", "\u{200c}", "\u{fe0f}", "\u{20e3}", "\u{1f3fb}"] {
        sane_default("“Kami siap,” kata Budi Santoso.".chars().map(|c| format!("{c}{mark}")).collect::<String>());
        sane_default(mark.repeat(20_000));
        sane_default(format!("a{}", mark.repeat(20_000)));
    }
    for c in ['\u{0}', '\u{1}', '\u{1b}', '\u{7f}', '\u{85}', '\u{202e}', '\u{feff}', '\u{fffd}', '\u{10ffff}'] {
        sane_default(c.to_string().repeat(20_000));
        sane_default(format!("“Kami{c}siap,”{c}kata{c}Budi{c}Santoso.{c}").repeat(200));
    }
}

#[test]
fn a_single_million_character_token() {
    for t in ["a".repeat(1_000_000), "A".repeat(1_000_000), "a-".repeat(50_000) + "a", "A.".repeat(50_000), "1,".repeat(50_000) + "1"] {
        let doc = sane_default(t);
        assert!(doc.quotes.is_empty());
    }
    let (_, doc) = sane(format!("“{}” kata Budi Santoso.", "x".repeat(1_000_000)), Options::default());
    assert!(doc.quotes.iter().all(|q| q.kind != QuoteKind::Direct), "over maxQuoteChars: no direct quote");
    let mut name = "Budi".to_string();
    name.push_str(&"i".repeat(1_000_000));
    sane_default(format!("“Kami siap,” kata {name} Santoso."));
}

#[test]
fn html_looking_text_is_just_text() {
    let (text, doc) = sane(corpus("html.txt"), Options::default());
    let q = doc.quotes.iter().find(|q| q.text.contains("<script>")).expect("the markup stays in the quote");
    assert_eq!(q.text, "<script>alert('x')</script> berbahaya,");
    assert!(doc.actors.iter().any(|a| a.name == "Budi Santoso"));
    assert!(text.contains("<img src=x onerror="));
    let doc = sane_default("<script>alert(1)</script><img src=x onerror=\"alert(1)\"> “<b>x</b>,” kata <i>Budi</i>. ".repeat(2_000));
    assert_eq!(doc.quotes.iter().filter(|q| q.text == "<b>x</b>,").count(), 2_000);
}

#[test]
fn very_long_lines() {
    // One line (one paragraph, one sentence) of 10,000 cue-quote pairs.
    let doc = sane_default("kata Budi Santoso mengatakan “ya” ,".repeat(10_000));
    assert_eq!(doc.quotes.iter().filter(|q| q.kind == QuoteKind::Direct).count(), 10_000);
    // Long chains of the shapes the attribution rules look back over (each
    // was quadratic, some recursed once per comma).
    for t in [
        format!("Budi{} mengatakan bahwa situasi aman sekali.", ", ".repeat(20_000)),
        format!("Budi{} mengatakan bahwa situasi aman sekali.", ", yang".repeat(10_000)),
        format!("{}“x”", "Menurut ".repeat(20_000)),
        format!("{}mengatakan “x”", "pernyataan ".repeat(20_000)),
        format!("Budi {}mengatakan bahwa a b c d e.", "juga ".repeat(20_000)),
        "Budi Santoso ".repeat(10_000),
        "KPK ".repeat(20_000),
        "juru bicara ".repeat(10_000),
        "kata juru bicara tersebut, “a,” katanya. ".repeat(2_000),
        "Dewan Keamanan PBB (DK PBB) ".repeat(5_000),
        format!("kata juru bicara {}x", "Abc (KMS) ".repeat(5_000)),
        // A role as the cue names its holder: each adds a mention mid-list
        // (bounded by `actors::MAX_SHIFTED_MENTIONS`, so linear past it).
        format!("Presiden Joko Widodo hadir.\n{}", "“Kami siap,” kata Presiden. Budi Santoso hadir.\n".repeat(2_000)),
        "Mereka mengatakan bahwa a b c d e. ".repeat(5_000),
        // Anaphoric offices with no earlier holder: each looks back a bounded window.
        format!("Presiden Joko hadir. {}", "“Kami siap,” kata juru bicara tersebut.\n".repeat(5_000)),
    ] {
        sane_default(t);
    }
    // A million line breaks and carriage returns.
    assert!(empty(&sane_default("\n".repeat(1_000_000))));
    assert!(empty(&sane_default("\r".repeat(1_000_000))));
    sane_default("“a\n".repeat(10_000));
}

#[test]
fn one_name_of_thousands_of_words_each_mentioned_alone() {
    // A run of 5,000 distinct capitalised words, then each word alone: every
    // short name joins the long one (each join once scanned the long name,
    // each alias once compared with every earlier alias, each mention once
    // recounted the longest name's characters).
    let words: Vec<String> = (0..5_000).map(|n| format!("X{}", to_letters(n))).collect();
    let text = format!("{}. {}", words.join(" "), words.iter().map(|w| format!("kata {w} ujar.")).collect::<Vec<_>>().join(" "));
    let doc = sane_default(text);
    // The learned tagger cuts the 5,000-word run into names of its own, so
    // the joins vary; what must hold is bounded time (above), the
    // invariants, and short names joined to longer ones rather than each
    // standing alone.
    assert!(doc.mentions.len() >= 5_000, "{} mentions", doc.mentions.len());
    assert!(doc.actors.len() < 5_000, "{} actors: no short name joined a longer one", doc.actors.len());
}

/// `n` written in letters `a`..`z` (base 26), so every number is a distinct word.
fn to_letters(mut n: usize) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, (b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            return s;
        }
    }
}

#[test]
fn input_limit_gives_a_clear_error() {
    let text = "“Kami siap,” kata Budi Santoso.";
    let options = Options { max_input_bytes: 10, ..Options::default() };
    let err = analyze(text, &options).unwrap_err();
    assert_eq!(err, Error::InputTooLarge { len: text.len(), max: 10 });
    assert_eq!(
        err.to_string(),
        format!("input is {} bytes of UTF-8, over the limit of 10 bytes (raise maxInputBytes to analyse it)", text.len())
    );
    // The limit counts UTF-8 bytes: 3 emoji are 12 bytes.
    assert!(analyze("😀😀😀", &Options { max_input_bytes: 12, ..Options::default() }).is_ok());
    assert!(analyze("😀😀😀", &Options { max_input_bytes: 11, ..Options::default() }).is_err());
    // The default is 32 MiB.
    assert_eq!(Options::default().max_input_bytes, 32 * 1024 * 1024);
    let big = " ".repeat(32 * 1024 * 1024 + 1);
    assert!(matches!(analyze(&big, &Options::default()), Err(Error::InputTooLarge { .. })));
    let err = analyze("a", &Options { lang: "xx".into(), ..Options::default() }).unwrap_err();
    assert_eq!(err.to_string(), "unknown language \"xx\"; known: id, en");
}
