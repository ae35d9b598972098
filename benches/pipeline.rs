//! Per-stage benchmarks of the pipeline on real text, so a slowdown points
//! to its stage: `cargo bench --bench pipeline`.
//!
//! Corpora, each timed as one pass over all its articles (throughput in
//! bytes of input):
//!
//! - `seeds`: the seed articles of `www/seeds/`;
//! - `pfsa`: the PFSA articles, read at run time from
//!   `../shared/data/pfsa/articles/` (or `$SOROT_PFSA`), skipped with a
//!   message when absent; never copied into the repository.
//!
//! Stages: `tokens`, `sentences`, `context` (tokens + sentences + lowercase
//! forms), `quotes`, `actors`, `attribution`, `document`, `json` (the
//! document serialised), and `analyze` (all of it, what the CLI and the
//! wasm module call).
//!
//! The `scaling` group analyses one document of 10 KB, 1 MB and 10 MB built
//! by repeating the real articles: its per-byte throughput must stay flat
//! (the issue asks for the 10 MB cost per byte within 1.5× of the 10 KB one).
//!
//! Under `cargo test --all-targets` (no `--bench` argument) each benchmark
//! runs once, as a smoke test, on the seeds and the 10 KB document only, so
//! the debug build stays quick.

// criterion_group! and criterion_main! generate undocumented public functions.
#![allow(missing_docs)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use sorot::{actors, attribution, context, document, profile, quotes, sentences, tokens, Options};

/// A named corpus: its articles' texts.
struct Corpus {
    name: &'static str,
    texts: Vec<String>,
}

impl Corpus {
    fn bytes(&self) -> u64 {
        self.texts.iter().map(|t| t.len() as u64).sum()
    }
}

/// The `.txt` files of `dir`, sorted by name; empty when `dir` is absent.
fn read_dir_texts(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

/// True when run by `cargo bench` (criterion's measuring mode), false
/// under `cargo test`.
fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn corpora() -> Vec<Corpus> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![Corpus { name: "seeds", texts: read_dir_texts(&root.join("www/seeds")) }];
    if !measuring() {
        return out;
    }
    let pfsa = std::env::var_os("SOROT_PFSA")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/data/pfsa/articles"));
    let texts = read_dir_texts(&pfsa);
    if texts.is_empty() {
        eprintln!("pipeline bench: no PFSA articles at {}, skipping the pfsa corpus", pfsa.display());
    } else {
        out.push(Corpus { name: "pfsa", texts });
    }
    out.retain(|c| !c.texts.is_empty());
    out
}

/// One document of at least `size` bytes: the articles joined by blank
/// lines, repeated as needed.
fn repeated(texts: &[String], size: usize) -> String {
    let mut out = String::with_capacity(size + 64 * 1024);
    for t in texts.iter().cycle() {
        if out.len() >= size {
            break;
        }
        out.push_str(t.trim());
        out.push_str("\n\n");
    }
    out
}

fn stages(c: &mut Criterion) {
    let p = profile::profile("id").expect("the id profile");
    let max_quote = Options::default().max_quote_chars;
    for corpus in corpora() {
        let texts = &corpus.texts;
        let mut g = c.benchmark_group(format!("stages/{}", corpus.name));
        g.throughput(Throughput::Bytes(corpus.bytes()));
        g.sample_size(10).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_millis(500));

        g.bench_function("tokens", |b| b.iter(|| texts.iter().map(|t| tokens::tokenize(t).len()).sum::<usize>()));
        let toks: Vec<_> = texts.iter().map(|t| tokens::tokenize(t)).collect();
        g.bench_function("sentences", |b| {
            b.iter(|| texts.iter().zip(&toks).map(|(t, k)| sentences::split(t, k).sentences.len()).sum::<usize>())
        });
        g.bench_function("context", |b| b.iter(|| texts.iter().map(|t| context::Ctx::new(t, p).lower.len()).sum::<usize>()));
        let ctxs: Vec<_> = texts.iter().map(|t| context::Ctx::new(t, p)).collect();
        g.bench_function("quotes", |b| {
            b.iter(|| ctxs.iter().map(|x| quotes::find(x.text, &x.tokens, &x.layout, p, max_quote).len()).sum::<usize>())
        });
        let found: Vec<_> = ctxs.iter().map(|x| quotes::find(x.text, &x.tokens, &x.layout, p, max_quote)).collect();
        g.bench_function("actors", |b| b.iter(|| ctxs.iter().map(|x| actors::recognize(x).mentions.len()).sum::<usize>()));
        let casts: Vec<_> = ctxs.iter().map(actors::recognize).collect();
        g.bench_function("attribution", |b| {
            b.iter_batched(
                || casts.clone(),
                |mut casts| {
                    ctxs.iter().zip(&found).zip(casts.iter_mut()).map(|((x, f), c)| attribution::attribute(x, f, c).len()).sum::<usize>()
                },
                BatchSize::LargeInput,
            )
        });
        let mut done = casts.clone();
        let attributed: Vec<_> =
            ctxs.iter().zip(&found).zip(done.iter_mut()).map(|((x, f), c)| attribution::attribute(x, f, c)).collect();
        g.bench_function("document", |b| {
            b.iter(|| {
                ctxs.iter().zip(&done).zip(&attributed).map(|((x, c), q)| document::build(x.text, p.code, c, q).quotes.len()).sum::<usize>()
            })
        });
        let docs: Vec<_> = ctxs.iter().zip(&done).zip(&attributed).map(|((x, c), q)| document::build(x.text, p.code, c, q)).collect();
        g.bench_function("json", |b| {
            b.iter(|| docs.iter().map(|d| serde_json::to_string(d).map_or(0, |s| s.len())).sum::<usize>())
        });
        let options = Options::default();
        g.bench_function("analyze", |b| {
            b.iter(|| texts.iter().map(|t| sorot::analyze(t, &options).map_or(0, |d| d.quotes.len())).sum::<usize>())
        });
        g.finish();
    }
}

fn scaling(c: &mut Criterion) {
    let Some(corpus) = corpora().pop() else { return };
    let options = Options::default();
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10).measurement_time(Duration::from_secs(5)).warm_up_time(Duration::from_millis(500));
    let sizes: &[(&str, usize)] = if measuring() { &[("10KB", 10_000), ("1MB", 1_000_000), ("10MB", 10_000_000)] } else { &[("10KB", 10_000)] };
    for &(label, size) in sizes {
        let text = repeated(&corpus.texts, size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("analyze", label), &text, |b, t| {
            b.iter(|| sorot::analyze(t, &options).map_or(0, |d| d.mentions.len()))
        });
    }
    g.finish();
}

criterion_group!(benches, stages, scaling);
criterion_main!(benches);
