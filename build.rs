//! Writes comment-free copies of the language data files to `OUT_DIR`,
//! which `src/profile.rs` compiles in instead of the originals.
//!
//! Each line is cut at its first `#` and trimmed, and lines left empty are
//! dropped: exactly what `profile::sections` ignores, so the profile read
//! is the same, while the curation notes (about 4.5 KB gzipped in the wasm)
//! stay in the repository only. Entries are never altered otherwise.

use std::path::Path;

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
                let line = line.split('#').next().unwrap_or("").trim();
                if !line.is_empty() {
                    stripped.push_str(line);
                    stripped.push('\n');
                }
            }
            std::fs::write(dir.join(file), stripped).unwrap_or_else(|e| panic!("{file}: {e}"));
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}
