//! `sorot::analyze` on arbitrary text: never panics, never hangs, and every
//! document it returns keeps the invariants of docs/document.md.
//!
//! The first byte picks the options (language, a small quote limit); the
//! rest, read as UTF-8 with invalid bytes replaced, is the text.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&knobs, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let options = sorot::Options {
        lang: if knobs & 1 == 0 { "id" } else { "en" }.to_string(),
        max_quote_chars: if knobs & 2 == 0 { 4000 } else { 1 + (knobs >> 2) as usize },
        ..sorot::Options::default()
    };
    let doc = sorot::analyze(&text, &options).expect("valid options and small input are never refused");
    if let Err(why) = sorot::validate::validate(&text, &doc) {
        panic!("invariant broken: {why}\ninput: {text:?}");
    }
    // Deterministic: the same input gives the same document.
    assert_eq!(sorot::analyze(&text, &options).unwrap(), doc);
});
