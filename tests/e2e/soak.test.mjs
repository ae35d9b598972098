// Soak tests: 10,000 analyses in one wasm instance (in Node, the wasm bytes
// read from disk) with memory bounded, lone surrogates through the real JS
// export, and a page that mounts and unmounts a reader 500 times without
// leaking listeners or nodes and restores the article exactly each time.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, WWW, SEED_FILES, requirePackage, start, openPage, fixtureHead } from './helpers.mjs';

requirePackage();
const pkg = await import(pathToFileURL(path.join(WWW, 'pkg', 'sorot.js')).href);
const wasm = pkg.initSync({ module: readFileSync(path.join(WWW, 'pkg', 'sorot_bg.wasm')) });
const seeds = SEED_FILES.map((f) => readFileSync(path.join(WWW, 'seeds', f), 'utf8'));
const hostileDir = path.join(REPO, 'tests', 'hostile');
const hostile = readdirSync(hostileDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(hostileDir, f), 'utf8'));

/** Every span of `doc` lies in `input` and its `text` is exactly the slice, lone surrogates included. */
function assertSlices(input, doc) {
  const spans = [...doc.mentions, ...doc.quotes, ...doc.quotes.map((q) => q.cue).filter(Boolean)];
  for (const s of spans) {
    assert.ok(s.start <= s.end && s.end <= input.length, `span ${s.start}..${s.end} outside ${input.length}`);
    assert.equal(s.text, input.slice(s.start, s.end));
  }
}

test('10,000 analyses in one wasm instance keep memory bounded and the module usable', (t) => {
  const texts = [
    ...seeds,
    ...hostile,
    '',
    '“Kami siap,” kata Budi Santoso.',
    '“'.repeat(5000),
    'a'.repeat(50000),
    `${seeds[0]}\n`.repeat(8),
  ];
  const bad = [{ maxInputBytes: 3 }, { lang: 'xx' }, { maxQuoteChars: 0 }, { nope: 1 }, 'id'];
  const WARMUP = 1000;
  const RUNS = 10000;
  let warmBytes = 0;
  let errors = 0;
  let quotes = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const text = texts[i % texts.length];
    if (i % 10 === 9) {
      assert.throws(() => pkg.analyze(text || 'x', bad[i % bad.length]), (e) => e instanceof Error && e.message.startsWith('sorot: '));
      errors += 1;
    } else {
      const doc = pkg.analyze(text, i % 2 ? { lang: 'id' } : null);
      quotes += doc.quotes.length;
      if (i < texts.length) assertSlices(text, doc);
    }
    if (i === WARMUP) warmBytes = wasm.memory.buffer.byteLength;
  }
  const endBytes = wasm.memory.buffer.byteLength;
  t.diagnostic(`wasm memory: ${warmBytes} bytes after ${WARMUP} analyses, ${endBytes} after ${RUNS}`);
  // Linear memory never shrinks; after warm-up it may only grow by
  // allocator slack, not by anything kept per call.
  assert.ok(endBytes - warmBytes <= 4 * 1024 * 1024, `memory grew from ${warmBytes} to ${endBytes} bytes after warm-up`);
  assert.ok(endBytes <= 64 * 1024 * 1024, `memory ${endBytes} bytes`);
  assert.equal(errors, RUNS / 10);
  assert.ok(quotes > 0);
  // Still exact after all that.
  const doc = pkg.analyze(seeds[0]);
  assertSlices(seeds[0], doc);
});

test('lone surrogates through the JS export keep offsets exact', () => {
  const inputs = [
    '\uD83D',
    '\uDE00\uD83D',
    '“Kami \uD83D siap,” kata Budi Santoso.',
    '\uDE00“Kami siap,” kata Budi\uD83D Santoso.',
    `“${'\uD800'.repeat(300)}” kata Lim Soo-suk. ${'\uDFFF'.repeat(300)}`,
    '\uD83D😀\uDE00 “😀,” ujar Presiden Joko Widodo.',
  ];
  for (const input of inputs) assertSlices(input, pkg.analyze(input));
  const doc = pkg.analyze(inputs[2]);
  assert.equal(doc.quotes.length, 1);
  assert.equal(doc.quotes[0].start, 1);
  // The text is a slice of the caller's string: the lone surrogate is kept.
  assert.equal(doc.quotes[0].text, 'Kami \uD83D siap,');
});

let env;
before(async () => { env = await start(); });
after(async () => { if (env) await env.stop(); });

const PAGE = `${fixtureHead('soak')}
<main><article id="story">
  <h1>Sekutu <em>memperingatkan</em> Rusia</h1>
  <p>SEOUL – Kementerian Luar Negeri Korea Selatan mengatakan pada <time datetime="2024-10-14">Senin</time> bahwa transfer senjata adalah <strong>masalah serius</strong>.</p>
  <p>“Ini adalah <em>masalah</em> yang terus kami pantau bersama <a href="#as">AS</a>,” kata juru bicara kementerian <a href="#lim" title="Lim">Lim Soo-suk</a>.</p>
  <figure><img alt="Konferensi pers" width="120" height="80"><figcaption>Juru bicara Lim Soo-suk di Seoul.</figcaption></figure>
  <ul><li>Presiden Joe Biden bertemu Presiden Yoon Suk Yeol.</li><li>“Kami <strong>sangat</strong> prihatin,” kata Menteri Luar Negeri Antony Blinken.</li></ul>
  <ol><li>Satu</li><li>“Dua,” ujar Budi Santoso.</li></ol>
  <blockquote><p>“Transfer semacam itu berbahaya,” katanya.</p></blockquote>
</article></main></body></html>`;

test('500 mounts and unmounts leak no listener or node and restore the article each time', async (t) => {
  const { page, problems, context } = await openPage(env, { fixtures: { 'soak.html': PAGE } });
  try {
    await page.goto(`${env.url}__e2e/soak.html`);
    const cdp = await context.newCDPSession(page);
    const counters = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return cdp.send('Memory.getDOMCounters');
    };
    // One cycle first, so the core is loaded and its one-time state exists.
    const prepare = await page.evaluate(async (seed) => {
      const { mount } = await import('/sorot.js');
      const root = document.getElementById('story');
      window.__original = root.innerHTML;
      window.__text = root.textContent;
      const reader = mount(root, { lang: 'id' });
      await reader.ready;
      const quotes = reader.document.quotes.length;
      reader.unmount();
      // A second root with a seed article, mounted alternately.
      const seedRoot = document.createElement('article');
      seedRoot.id = 'seed';
      for (const line of seed.split('\n')) {
        const p = document.createElement('p');
        p.textContent = line;
        seedRoot.appendChild(p);
      }
      document.querySelector('main').appendChild(seedRoot);
      window.__seed = seedRoot.innerHTML;
      const r2 = mount(seedRoot, { lang: 'id' });
      await r2.ready;
      r2.unmount();
      return { quotes, restored: root.innerHTML === window.__original && seedRoot.innerHTML === window.__seed };
    }, seeds[0]);
    assert.ok(prepare.quotes > 0);
    assert.ok(prepare.restored);
    const baseline = await counters();
    // The counters see the widget's listeners while it is mounted.
    await page.evaluate(async () => {
      const { mount } = await import('/sorot.js');
      window.__probe = mount(document.getElementById('story'), { lang: 'id' });
      await window.__probe.ready;
    });
    const mounted = await counters();
    await page.evaluate(() => { window.__probe.unmount(); window.__probe = null; });
    assert.ok(mounted.jsEventListeners > baseline.jsEventListeners, `mounted: ${JSON.stringify(mounted)}`);
    assert.ok(mounted.nodes > baseline.nodes, `mounted: ${JSON.stringify(mounted)}`);
    const r = await page.evaluate(async () => {
      const { mount } = await import('/sorot.js');
      const roots = [document.getElementById('story'), document.getElementById('seed')];
      const originals = [window.__original, window.__seed];
      let broken = 0;
      let highlighted = 0;
      for (let i = 0; i < 500; i += 1) {
        const k = i % 2;
        const root = roots[k];
        const reader = mount(root, { lang: 'id' });
        await reader.ready;
        const hl = root.querySelectorAll('.sorot-hl');
        highlighted += hl.length;
        if (root.textContent !== (k === 0 ? window.__text : root.textContent)) broken += 1;
        // Open a card now and then, so its listeners and node are made too.
        if (i % 5 === 0 && hl.length) hl[i % hl.length].focus();
        reader.unmount();
        if (root.innerHTML !== originals[k]) broken += 1;
      }
      return {
        broken,
        highlighted,
        cards: document.querySelectorAll('.sorot-card').length,
        hl: document.querySelectorAll('.sorot-hl').length,
        text: document.getElementById('story').textContent === window.__text,
      };
    });
    const end = await counters();
    t.diagnostic(`before: ${JSON.stringify(baseline)}; mounted: ${JSON.stringify(mounted)}; after 500 cycles: ${JSON.stringify(end)}; ${r.highlighted} highlights made`);
    assert.equal(r.broken, 0, 'every unmount restores the article exactly');
    assert.ok(r.highlighted > 500, 'each mount highlighted something');
    assert.equal(r.cards, 0, 'no card left behind');
    assert.equal(r.hl, 0, 'no highlight left behind');
    assert.ok(r.text);
    assert.equal(end.jsEventListeners, baseline.jsEventListeners, `listeners ${baseline.jsEventListeners} -> ${end.jsEventListeners}`);
    assert.ok(end.nodes <= baseline.nodes, `nodes ${baseline.nodes} -> ${end.nodes}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
