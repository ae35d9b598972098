//! Writes comment-free copies of the language data files to `OUT_DIR`,
//! which `src/profile.rs` compiles in instead of the originals.
//!
//! Each line is reduced to its content by `data_line::content` (cut at its
//! first `#`, trimmed), the function `profile::sections` reads lines with,
//! and lines left empty are dropped. So the profile read is the same, while
//! the curation notes (2.7 KB of the widget, gzipped) stay in the
//! repository only. The word lists ([`LOWERCASED`]) are also lowercased
//! here, as the profile stores them, so the first analysis need not; the
//! gazetteers keep their case (actors are named by their first name as
//! written). Entries are never altered otherwise.

use std::path::Path;

#[path = "src/data_line.rs"]
#[allow(dead_code)] // `sections` is the crate's.
mod data_line;

const LANGS: &[&str] = &["id", "en"];
const FILES: &[&str] = &[
    "speech.txt",
    "titles.txt",
    "words.txt",
    "places.txt",
    "organizations.txt",
    "persons.txt",
    "grammar.txt",
];

/// The files whose every entry the profile lowercases.
const LOWERCASED: &[&str] = &["speech.txt", "titles.txt", "words.txt", "grammar.txt"];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for lang in LANGS {
        let dir = Path::new(&out).join(lang);
        std::fs::create_dir_all(&dir).expect("create OUT_DIR/<lang>");
        for file in FILES {
            let src = format!("data/{lang}/{file}");
            println!("cargo:rerun-if-changed={src}");
            let text = std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
            let mut stripped = String::with_capacity(text.len());
            for line in text.lines() {
                let line = data_line::content(line);
                if line.is_empty() {
                    continue;
                }
                if LOWERCASED.contains(file) {
                    stripped.push_str(&line.to_lowercase());
                } else {
                    stripped.push_str(line);
                }
                stripped.push('\n');
            }
            std::fs::write(dir.join(file), stripped).unwrap_or_else(|e| panic!("{file}: {e}"));
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/data_line.rs");
}
