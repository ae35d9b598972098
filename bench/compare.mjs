#!/usr/bin/env node
// Side-by-side speed of Sorot's wasm `analyze` (document handed to
// JavaScript included), compromise (people, places, organizations,
// quotations) and wink-nlp with wink-eng-lite-web-model (readDoc +
// entities), in one Node process, one document at a time, on the same texts.
// See bench/README.md.
//
//   node bench/compare.mjs [--runs N] [--scaling] [--memory] [--only sorot] [--pkg DIR]
//
// Corpora: the seeds (www/seeds/) and the PFSA articles, read at run time
// from ../shared/data/pfsa/articles/ (or $SOROT_PFSA); PFSA is skipped with
// a message when absent. Each tool warms up for 1 s, then makes N timed
// passes (default 5; compromise at most 3 on PFSA), each over the whole
// corpus and at least 0.5 s long; the median is reported. MB are 10^6 bytes
// of UTF-8 input.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const RUNS = Math.max(1, Number(value('--runs', 5)) | 0);
const only = value('--only', null);

/** The .txt files of `dir`, sorted, as strings; [] when `dir` is absent. */
function readTexts(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

const bytesOf = (texts) => texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---- the tools --------------------------------------------------------------

async function loadSorot() {
  const pkg = value('--pkg', join(root, 'www', 'pkg'));
  if (!existsSync(join(pkg, 'sorot_bg.wasm'))) {
    console.error('compare: www/pkg is missing; run ./build.sh build first');
    process.exit(1);
  }
  const mod = await import(join(pkg, 'sorot.js'));
  const wasm = await mod.default({ module_or_path: readFileSync(join(pkg, 'sorot_bg.wasm')) });
  return {
    name: 'sorot',
    memory: wasm.memory,
    // Touch the result so the whole document is built, as a caller would use it.
    run: (text) => {
      const d = mod.analyze(text, { lang: 'id' });
      return d.actors.length + d.mentions.length + d.quotes.length;
    },
  };
}

function loadCompromise() {
  const nlp = require('compromise');
  return {
    name: 'compromise',
    run: (text) => {
      const doc = nlp(text);
      return (
        doc.people().out('array').length +
        doc.places().out('array').length +
        doc.organizations().out('array').length +
        doc.quotations().out('array').length
      );
    },
  };
}

function loadWink() {
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const its = nlp.its;
  return {
    name: 'wink-nlp',
    run: (text) => nlp.readDoc(text).entities().out(its.detail).length,
  };
}

/** A baseline: one regular-expression pass for quoted spans. */
function loadRegex() {
  const re = /[“"«„]([^”"»“]{1,4000})[”"»“]/g;
  return {
    name: 'regex pass',
    run: (text) => {
      let n = 0;
      for (const _ of text.matchAll(re)) n++;
      return n;
    },
  };
}

/** Runs `tool` over `texts` (one document per call) until at least `ms` have passed; returns bytes/ms. */
function pass(tool, texts, bytes, ms) {
  let sink = 0;
  let done = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let t = t0;
  do {
    for (const text of texts) sink += tool.run(text);
    done += bytes;
    t = performance.now();
  } while (t - t0 < ms);
  const c = process.cpuUsage(c0);
  const cpuS = (c.user + c.system) / 1e6;
  return { rate: done / 1e6 / ((t - t0) / 1000), cpuRate: done / 1e6 / cpuS, sink };
}

/**
 * Median MB/s of `tool` over `texts`, one document per call: a warm-up of
 * at least 1 s (so the JIT tiers up), then `runs` timed passes, each over
 * the whole corpus and at least 0.5 s long.
 */
function measure(tool, texts, runs) {
  const bytes = bytesOf(texts);
  pass(tool, texts, bytes, 1000);
  const passes = [];
  for (let r = 0; r < runs; r++) passes.push(pass(tool, texts, bytes, 500));
  const rates = passes.map((p) => p.rate);
  return { rate: median(rates), min: Math.min(...rates), max: Math.max(...rates), cpuRate: median(passes.map((p) => p.cpuRate)) };
}

const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

// ---- modes ------------------------------------------------------------------

const seeds = readTexts(join(root, 'www', 'seeds'));
const pfsaDir = process.env.SOROT_PFSA || join(root, '..', 'shared', 'data', 'pfsa', 'articles');
const pfsa = readTexts(pfsaDir);
if (!pfsa.length) console.log(`compare: no PFSA articles at ${pfsaDir}; skipping that corpus`);

const sorot = await loadSorot();
console.log(`node ${process.version}; median of ${RUNS} runs per tool and corpus; MB = 10^6 bytes of UTF-8 input`);

if (flag('--scaling')) await scaling();
else if (flag('--memory')) memory();
else compare();

function compare() {
  const tools = [sorot, loadWink(), loadCompromise(), loadRegex()].filter((t) => !only || t.name === only);
  const corpora = [['seeds', seeds], ['pfsa', pfsa]].filter(([, t]) => t.length);
  for (const [name, texts] of corpora) {
    console.log(`\n${name}: ${texts.length} documents, ${(bytesOf(texts) / 1e6).toFixed(2)} MB`);
    const results = {};
    for (const tool of tools) {
      // compromise is slow: fewer passes over the large corpus keep the run short.
      const runs = tool.name === 'compromise' && texts.length > 50 ? Math.min(RUNS, 3) : RUNS;
      const r = measure(tool, texts, runs);
      results[tool.name] = r;
      console.log(
        `  ${tool.name.padEnd(11)} ${fmt(r.rate).padStart(8)} MB/s  (min ${fmt(r.min)}, max ${fmt(r.max)}, ${runs} runs; ${fmt(r.cpuRate)} MB per CPU-second)`,
      );
    }
    const s = results.sorot;
    if (s) {
      for (const [peer, r] of Object.entries(results)) {
        if (peer === 'sorot') continue;
        const ratio = s.rate / r.rate;
        const cpu = s.cpuRate / r.cpuRate;
        const show = (x) => (x >= 1 ? fmt(x) + '×' : '1/' + fmt(1 / x));
        console.log(`  sorot / ${peer}: ${show(ratio)} (per CPU-second: ${show(cpu)})`);
      }
    }
  }
}

/** Per-byte cost of one document of 10 KB, 1 MB and 10 MB built by repeating real articles. */
async function scaling() {
  const base = pfsa.length ? pfsa : seeds;
  // `from`: the first article. Each run of a size reads another document
  // (its own articles), so the tagger's word memo, which lives from call to
  // call, is no warmer for small documents than a page's next article finds it.
  const build = (size, from = 0) => {
    const parts = [];
    let n = 0;
    for (let i = from; n < size; i++) {
      const t = base[i % base.length].trim();
      parts.push(t);
      n += Buffer.byteLength(t) + 2;
    }
    return parts.join('\n\n') + '\n';
  };
  // The same words as one sentence: no sentence end, no line break (the
  // shape of a hostile or badly extracted text), where any cost that grows
  // with the sentence shows.
  const shapes = [
    ['articles', (doc) => doc],
    ['one sentence', (doc) => doc.replace(/[.!?…]/g, ' ').replace(/\s+/g, ' ')],
  ];
  for (const [shape, reshape] of shapes) scale(shape, (size, from) => reshape(build(size, from)));
}

/** The 10 KB / 1 MB / 10 MB rows of `scaling` for documents from `build(size, from)`. */
function scale(shape, build) {
  console.log(`\nscaling (${shape}): one document built by repeating ${pfsa.length ? 'PFSA' : 'seed'} articles`);
  const rows = [];
  for (const [label, size, runs] of [['10 KB', 10_000, 301], ['1 MB', 1_000_000, 7], ['10 MB', 10_000_000, 5]]) {
    const docs = Array.from({ length: size < 1e6 ? runs : 1 }, (_, r) => build(size, r * 7));
    for (let w = performance.now(), k = 0; performance.now() - w < 1000; k++) sorot.run(docs[k % docs.length]); // warm up; grows memory once
    const perByte = [];
    const cpuPerByte = [];
    let bytesSum = 0;
    for (let r = 0; r < runs; r++) {
      const doc = docs[r % docs.length];
      const bytes = Buffer.byteLength(doc);
      bytesSum += bytes;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      sorot.run(doc);
      perByte.push(((performance.now() - t0) * 1e6) / bytes);
      const c = process.cpuUsage(c0);
      cpuPerByte.push(((c.user + c.system) * 1e3) / bytes);
    }
    const bytes = bytesSum / runs;
    const nsPerByte = median(perByte);
    const ms = (nsPerByte * bytes) / 1e6;
    rows.push([nsPerByte, median(cpuPerByte)]);
    console.log(`  ${label.padEnd(6)} ${(bytes / 1e6).toFixed(3).padStart(8)} MB  ${ms.toFixed(2).padStart(9)} ms  ${nsPerByte.toFixed(1).padStart(7)} ns/byte  ${fmt(bytes / 1e6 / (ms / 1000)).padStart(6)} MB/s  (CPU ${median(cpuPerByte).toFixed(1)} ns/byte; median of ${runs}${docs.length > 1 ? `, ${docs.length} documents` : ''})`);
  }
  console.log(`  per-byte cost 10 MB / 10 KB: ${(rows[2][0] / rows[0][0]).toFixed(2)} wall, ${(rows[2][1] / rows[0][1]).toFixed(2)} CPU (budget 1.5)`);
  console.log(`  per-byte cost 1 MB / 10 KB: ${(rows[1][0] / rows[0][0]).toFixed(2)} wall, ${(rows[1][1] / rows[0][1]).toFixed(2)} CPU`);
  console.log(`  wasm memory after 10 MB: ${(sorot.memory.buffer.byteLength / 2 ** 20).toFixed(1)} MiB`);
}

/** 1,000 successive analyses of one article: wasm memory after warm-up stays flat. */
function memory() {
  const text = (pfsa.length ? pfsa : seeds).reduce((a, b) => (Buffer.byteLength(b) > Buffer.byteLength(a) ? b : a));
  const mib = () => sorot.memory.buffer.byteLength / 2 ** 20;
  const start = mib();
  for (let i = 0; i < 10; i++) sorot.run(text);
  const warm = mib();
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) sorot.run(text);
  const ms = performance.now() - t0;
  const end = mib();
  console.log(`\nmemory: the longest article (${Buffer.byteLength(text)} bytes), 1,000 analyses in ${ms.toFixed(0)} ms`);
  console.log(`  wasm memory: ${start.toFixed(2)} MiB at start, ${warm.toFixed(2)} MiB after 10 warm-up runs, ${end.toFixed(2)} MiB after 1,000 more`);
  console.log(`  growth after warm-up: ${((end - warm) * 2 ** 20).toFixed(0)} bytes ${end === warm ? '(flat)' : '(GREW)'}`);
  if (end !== warm) process.exitCode = 1;
}
