//! Golden fixtures: whole articles analysed end to end, compared with a
//! reviewed rendering of the result in `tests/golden/<name>.txt`.
//!
//! Inputs are the seed articles shipped with the demo (`www/seeds/*.txt`)
//! and any `tests/golden/*.input.txt` (English when the name starts `en-`). The rendering lists every actor (name,
//! kind, role, aliases, mention count) and every quote (kind, text, speaker,
//! cue), one per line, so a change in behaviour shows as a readable diff.
//!
//! After a deliberate change, review and rewrite the fixtures with
//! `UPDATE_GOLDEN=1 cargo test --test golden`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use sorot::{analyze, Analysis, Options};

/// The input articles: `(fixture name, path)`, sorted by name.
fn inputs() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for (dir, suffix) in [("www/seeds", ".txt"), ("tests/golden", ".input.txt")] {
        let Ok(entries) = fs::read_dir(root.join(dir)) else { continue };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(suffix) {
                if dir == "tests/golden" || !name.ends_with(".input.txt") {
                    found.push((stem.to_string(), e.path()));
                }
            }
        }
    }
    found.sort();
    found
}

/// Renders the parts of a document a reviewer checks, one item per line.
fn render(doc: &Analysis) -> String {
    let name_of = |id: &str| doc.actors.iter().find(|a| a.id == id).map_or("?", |a| a.name.as_str()).to_string();
    let mut out = String::new();
    for a in &doc.actors {
        let n = doc.mentions.iter().filter(|m| m.actor == a.id).count();
        let _ = write!(out, "actor {} [{:?}] x{n}", a.name, a.kind);
        if let Some(r) = &a.role {
            let _ = write!(out, " role={r:?}");
        }
        if !a.aliases.is_empty() {
            let _ = write!(out, " aliases={:?}", a.aliases);
        }
        out.push('\n');
    }
    for q in &doc.quotes {
        let speaker = q.speaker.as_deref().map_or("-".to_string(), name_of);
        let cue = q.cue.as_ref().map_or("-", |c| c.text.as_str());
        let _ = writeln!(out, "quote [{:?}] {:?}\n  <- {speaker} (cue {cue:?})", q.kind, q.text);
    }
    out
}

#[test]
fn articles_match_their_golden_rendering() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let inputs = inputs();
    assert!(inputs.len() >= 3, "expected the three seed articles, found {}", inputs.len());
    let mut failures = Vec::new();
    for (name, path) in inputs {
        let text = fs::read_to_string(&path).unwrap();
        let lang = if name.starts_with("en-") { "en" } else { "id" };
        let doc = analyze(&text, &Options { lang: lang.into(), ..Options::default() }).unwrap();
        let got = render(&doc);
        let fixture = dir.join(format!("{name}.txt"));
        if update {
            fs::create_dir_all(&dir).unwrap();
            fs::write(&fixture, &got).unwrap();
            continue;
        }
        match fs::read_to_string(&fixture) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!("{name}: differs from {}\n{}", fixture.display(), diff(&want, &got))),
            Err(e) => failures.push(format!("{name}: no fixture {} ({e})", fixture.display())),
        }
    }
    assert!(failures.is_empty(), "{}\n(rewrite with UPDATE_GOLDEN=1 after review)", failures.join("\n"));
}

/// Lines only in `want` (`-`) and only in `got` (`+`), in order.
fn diff(want: &str, got: &str) -> String {
    let w: Vec<&str> = want.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    let mut out = String::new();
    for l in &w {
        if !g.contains(l) {
            let _ = writeln!(out, "- {l}");
        }
    }
    for l in &g {
        if !w.contains(l) {
            let _ = writeln!(out, "+ {l}");
        }
    }
    out
}

#[test]
fn golden_rendering_names_speakers_and_kinds() {
    let doc = analyze("“Kami siap,” kata Budi Santoso, juru bicara kementerian.", &Options::default()).unwrap();
    let r = render(&doc);
    assert!(r.contains("actor Budi Santoso [Person]"), "{r}");
    assert!(r.contains("quote [Direct] \"Kami siap,\"\n  <- Budi Santoso"), "{r}");
}
