//! Runs the example sentences of every attribution rule in
//! `data/<lang>/rules.txt` through [`sorot::analyze`], and checks that every
//! cue list of `data/<lang>/speech.txt` (and the speech-related lists of
//! `grammar.txt`) is exercised by at least one rule.
//!
//! Each example states the quote it expects and its speaker (or none): a
//! positive example shows the rule working, a negative one shows it not
//! giving a wrong speaker.

use sorot::profile::sections;
use sorot::{analyze, Analysis, Options, QuoteKind};

struct Lang {
    code: &'static str,
    rules: &'static str,
    speech: &'static str,
    grammar: &'static str,
}

const LANGS: &[Lang] = &[
    Lang {
        code: "id",
        rules: include_str!("../data/id/rules.txt"),
        speech: include_str!("../data/id/speech.txt"),
        grammar: include_str!("../data/id/grammar.txt"),
    },
    Lang {
        code: "en",
        rules: include_str!("../data/en/rules.txt"),
        speech: include_str!("../data/en/speech.txt"),
        grammar: include_str!("../data/en/grammar.txt"),
    },
];

/// Sections of `grammar.txt` that attribution reads (the others belong to names).
const GRAMMAR_SPEECH_SECTIONS: &[&str] = &["organization-tail"];

/// One example line: `± TEXT => QUOTE => SPEAKER`.
struct Example<'a> {
    positive: bool,
    text: String,
    quote: &'a str,
    speaker: &'a str,
    line: &'a str,
}

fn parse(line: &str) -> Option<Example<'_>> {
    let (positive, rest) = match line.as_bytes().first()? {
        b'+' => (true, &line[1..]),
        b'-' => (false, &line[1..]),
        _ => return None,
    };
    let mut parts = rest.split(" => ");
    let text = parts.next()?.trim().replace("\\n", "\n");
    let quote = parts.next()?.trim();
    let speaker = parts.next()?.trim();
    (parts.next().is_none()).then_some(Example { positive, text, quote, speaker, line })
}

/// Every name the document gives actor `id`: its name, aliases and mention texts.
fn names_of(doc: &Analysis, id: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(a) = doc.actors.iter().find(|a| a.id == id) {
        out.push(a.name.clone());
        out.extend(a.aliases.iter().cloned());
    }
    out.extend(doc.mentions.iter().filter(|m| m.actor == id).map(|m| m.text.clone()));
    out
}

/// Checks one example; returns a message on failure.
fn check(lang: &str, ex: &Example) -> Result<(), String> {
    let opts = Options { lang: lang.to_string(), ..Options::default() };
    let doc = analyze(&ex.text, &opts).map_err(|e| format!("analyze failed: {e}"))?;
    let seen: Vec<String> = doc
        .quotes
        .iter()
        .map(|q| {
            let who = q.speaker.as_deref().map(|s| names_of(&doc, s).first().cloned().unwrap_or_default());
            format!("{:?} {:?} -> {:?}", q.kind, q.text, who)
        })
        .collect();
    if ex.quote == "none" {
        return match doc.quotes.iter().find(|q| q.kind == QuoteKind::Direct) {
            None if ex.speaker == "-" && doc.quotes.iter().all(|q| q.speaker.is_none()) => Ok(()),
            _ => Err(format!("expected no attributed quote, got {seen:?}")),
        };
    }
    let (kind, text) = match ex.quote.strip_prefix("indirect:") {
        Some(t) => (QuoteKind::Indirect, t),
        None => (QuoteKind::Direct, ex.quote),
    };
    let q = doc
        .quotes
        .iter()
        .find(|q| q.kind == kind && q.text == text)
        .ok_or_else(|| format!("no {kind:?} quote {text:?}; got {seen:?}"))?;
    // Evidence and honesty: a speaker comes with a confidence, none with 0.
    match (&q.speaker, ex.speaker) {
        (None, "-") => (q.confidence == 0.0).then_some(()).ok_or_else(|| format!("no speaker but confidence {}", q.confidence)),
        (Some(s), "-") => Err(format!("expected no speaker, got {:?}", names_of(&doc, s))),
        (None, want) => Err(format!("expected speaker {want:?}, got none; quotes {seen:?}")),
        (Some(s), want) => {
            let names = names_of(&doc, s);
            if !names.iter().any(|n| n == want) {
                return Err(format!("expected speaker {want:?}, got {names:?}"));
            }
            if !(q.confidence > 0.0 && q.confidence <= 1.0) {
                return Err(format!("speaker with confidence {}", q.confidence));
            }
            // A cued attribution names its cue, and the cue is real text.
            if let Some(c) = &q.cue {
                let utf16: Vec<u16> = ex.text.encode_utf16().collect();
                let cue = String::from_utf16(&utf16[c.start..c.end]).unwrap();
                if cue != c.text {
                    return Err(format!("cue text {:?} is not the input at its offsets {cue:?}", c.text));
                }
            }
            Ok(())
        }
    }
}

#[test]
fn every_rule_example_holds() {
    let mut failures = Vec::new();
    let mut count = 0;
    for lang in LANGS {
        for (rule, entries) in sections(lang.rules) {
            let examples: Vec<Example> = entries.iter().filter_map(|l| parse(l)).collect();
            assert!(
                examples.iter().any(|e| e.positive),
                "{}: rule [{rule}] has no positive example",
                lang.code
            );
            for ex in &examples {
                count += 1;
                if let Err(msg) = check(lang.code, ex) {
                    failures.push(format!("{} [{rule}] {}\n    {msg}", lang.code, ex.line));
                }
            }
            for l in &entries {
                assert!(
                    l.starts_with("uses:") || parse(l).is_some(),
                    "{}: [{rule}] unreadable line {l:?}",
                    lang.code
                );
            }
        }
    }
    assert!(count >= 60, "only {count} examples");
    assert!(failures.is_empty(), "{} of {count} examples failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_cue_list_has_a_rule_with_examples() {
    for lang in LANGS {
        let used: Vec<String> = sections(lang.rules)
            .iter()
            .flat_map(|(_, entries)| entries.iter().filter_map(|l| l.strip_prefix("uses:")))
            .flat_map(|u| u.split(',').map(|s| s.trim().to_string()))
            .collect();
        let lists = sections(lang.speech)
            .into_iter()
            .map(|(name, _)| name)
            .chain(sections(lang.grammar).into_iter().map(|(n, _)| n).filter(|n| GRAMMAR_SPEECH_SECTIONS.contains(n)));
        for name in lists {
            assert!(used.iter().any(|u| u == name), "{}: list [{name}] is used by no rule in rules.txt", lang.code);
        }
        // And no rule names a list that does not exist.
        let known: Vec<&str> = sections(lang.speech).iter().map(|(n, _)| *n).chain(GRAMMAR_SPEECH_SECTIONS.iter().copied()).collect();
        for u in &used {
            assert!(known.contains(&u.as_str()), "{}: rules use unknown list [{u}]", lang.code);
        }
    }
}

#[test]
fn parse_reads_signs_and_fields() {
    let e = parse("+ a\\nb => q => S").unwrap();
    assert!(e.positive);
    assert_eq!((e.text.as_str(), e.quote, e.speaker), ("a\nb", "q", "S"));
    assert!(!parse("- x => y => -").unwrap().positive);
    assert!(parse("uses: after").is_none());
    assert!(parse("+ only => two").is_none());
}
