// Page tests of the widget API (www/sorot.js) on fixture pages: exact DOM
// restoration, text preservation, layered and split highlights, hostile
// text, the custom element and the worker path.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { start, openPage, fixtureHead, WWW, SEED_FILES } from './helpers.mjs';

let env;
let seeds;
before(async () => {
  env = await start();
  seeds = await Promise.all(SEED_FILES.map((f) => readFile(path.join(WWW, 'seeds', f), 'utf8')));
});
after(async () => { if (env) await env.stop(); });

const PAGE_HEAD = fixtureHead('fixture');

const RICH = `${PAGE_HEAD}
<main>
<article id="story">
  <h1>Sekutu <em>memperingatkan</em> Rusia</h1>
  <p>SEOUL – Kementerian Luar Negeri Korea Selatan mengatakan pada <time datetime="2024-10-14">Senin</time> bahwa transfer senjata adalah <strong>masalah serius</strong>.</p>
  <p>“Ini adalah <em>masalah</em> yang terus kami pantau melalui koordinasi dengan <a href="#as">AS</a>,” kata juru bicara kementerian <a href="#lim" title="Lim">Lim Soo-suk</a> dalam konferensi pers.</p>
  <figure><img alt="Konferensi pers di Seoul" width="120" height="80"><figcaption>Juru bicara Lim Soo-suk di Seoul.</figcaption></figure>
  <ul>
    <li>Presiden Joe Biden bertemu Presiden Yoon Suk Yeol.</li>
    <li>“Kami <strong>sangat</strong> prihatin,” kata Menteri Luar Negeri Antony Blinken.</li>
  </ul>
  <blockquote><p>“Transfer semacam itu akan membahayakan upaya komunitas internasional,” katanya.</p></blockquote>
  <p>Teks dengan emoji 😀 dan simbol € sebelum nama Kim Jong-un.<br>Baris kedua setelah <code>br</code>.</p>
  <script type="application/json">{"note": "not article text"}</script>
</article>
</main></body></html>`;

const BLANK = `${PAGE_HEAD}<main><article id="story"></article></main></body></html>`;

async function openFixture(name) {
  const opened = await openPage(env, { fixtures: { 'rich.html': RICH, 'blank.html': BLANK } });
  await opened.page.goto(`${env.url}__e2e/${name}`);
  return opened;
}

/**
 * Mounts on #story (with the real core, or with `synthetic` ranges found by
 * string search in the analysed text), checks text is kept, unmounts, and
 * returns the before/after snapshots.
 */
function mountAndRestore(page, synthetic = null) {
  return page.evaluate(async (spec) => {
    const { mount } = await import('/sorot.js');
    const root = document.getElementById('story');
    const before = { html: root.innerHTML, text: root.textContent, nodes: [] };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let n = walker.currentNode; n; n = walker.nextNode()) before.nodes.push(n);
    const options = { lang: 'id' };
    if (spec) {
      options.analyze = (text) => {
        const find = (needle) => {
          const start = text.indexOf(needle);
          if (start < 0) throw new Error(`fixture text lacks ${needle}`);
          return { start, end: start + needle.length, text: needle };
        };
        return {
          version: 1,
          lang: 'id',
          actors: spec.actors,
          mentions: spec.mentions.map(([actor, needle]) => ({ actor, ...find(needle) })),
          quotes: spec.quotes.map(([id, speaker, needle]) => ({
            id, kind: 'direct', speaker, cue: null, confidence: 0.9, ...find(needle),
          })),
        };
      };
    }
    const reader = mount(root, options);
    await reader.ready;
    const during = {
      text: root.textContent,
      analysed: reader.text,
      pieces: Array.from(root.querySelectorAll('.sorot-hl'), (el) => ({
        id: el.dataset.sorotId,
        quote: el.classList.contains('sorot-quote'),
        text: el.textContent,
        parentHl: el.parentElement.closest('.sorot-hl')?.dataset.sorotId || null,
        focusable: el.tabIndex === 0,
      })),
      document: reader.document,
    };
    reader.unmount();
    const afterNodes = [];
    const walker2 = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let n = walker2.currentNode; n; n = walker2.nextNode()) afterNodes.push(n);
    return {
      before: { html: before.html, text: before.text },
      during,
      after: { html: root.innerHTML, text: root.textContent },
      sameNodes: afterNodes.length === before.nodes.length && afterNodes.every((n, i) => n === before.nodes[i]),
      cards: document.querySelectorAll('.sorot-card').length,
    };
  }, synthetic);
}

test('rich markup: text kept while mounted, innerHTML and nodes restored after unmount (real core)', async () => {
  const { page, problems, context } = await openFixture('rich.html');
  try {
    const r = await mountAndRestore(page);
    assert.equal(r.during.text, r.before.text);
    assert.ok(r.during.pieces.length > 0, 'the core found something to highlight');
    assert.equal(r.after.html, r.before.html);
    assert.ok(r.sameNodes, 'the original nodes are back');
    assert.equal(r.cards, 0, 'card removed');
    // Paragraphs are separated in the analysed text, and scripts are not read.
    assert.match(r.during.analysed, /konferensi pers\.\s*\n/);
    assert.match(r.during.analysed, /Kim Jong-un\.\nBaris kedua/);
    assert.doesNotMatch(r.during.analysed, /not article text/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('ranges crossing element boundaries are split into pieces sharing an id; mentions nest in quotes', async () => {
  const { page, problems, context } = await openFixture('rich.html');
  try {
    const r = await mountAndRestore(page, {
      actors: [
        { id: 'a0', name: 'Lim Soo-suk', kind: 'person', role: 'juru bicara kementerian', aliases: [] },
        { id: 'a1', name: 'Amerika Serikat', kind: 'place', role: null, aliases: ['AS'] },
        { id: 'a2', name: 'Kim Jong-un', kind: 'person', role: null, aliases: [] },
      ],
      mentions: [
        ['a1', 'AS'],
        ['a0', 'Lim Soo-suk'],
        ['a2', 'Kim Jong-un'],
      ],
      quotes: [
        ['q0', 'a0', 'Ini adalah masalah yang terus kami pantau melalui koordinasi dengan AS,'],
        ['q1', null, '€ sebelum nama Kim Jong-un.\nBaris'],
      ],
    });
    assert.equal(r.during.text, r.before.text);
    const q0 = r.during.pieces.filter((p) => p.id === 'q0');
    // "Ini adalah " | <em>masalah</em> | " yang … dengan " | <a>AS</a> | ","
    assert.equal(q0.length, 5);
    assert.equal(q0.map((p) => p.text).join(''), 'Ini adalah masalah yang terus kami pantau melalui koordinasi dengan AS,');
    assert.deepEqual(q0.map((p) => p.focusable), [true, false, false, false, false]);
    const as = r.during.pieces.find((p) => p.text === 'AS' && !p.quote);
    assert.equal(as.parentHl, 'q0', 'mention nested in the quote');
    const kim = r.during.pieces.find((p) => p.text === 'Kim Jong-un');
    assert.equal(kim.parentHl, 'q1');
    // A quote across a <br>: the inserted newline belongs to no node.
    assert.deepEqual(r.during.pieces.filter((p) => p.id === 'q1').map((p) => p.text), ['€ sebelum nama Kim Jong-un.', 'Baris']);
    assert.equal(r.after.html, r.before.html);
    assert.ok(r.sameNodes);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('seed articles as paragraphs: text kept and innerHTML restored byte for byte', async () => {
  const { page, problems, context } = await openFixture('blank.html');
  try {
    for (const seed of seeds) {
      await page.evaluate((text) => {
        const root = document.getElementById('story');
        root.replaceChildren();
        root.append('\n');
        for (const line of text.split('\n')) {
          const p = document.createElement('p');
          p.textContent = line;
          root.append(p, '\n');
        }
      }, seed);
      const r = await mountAndRestore(page);
      assert.equal(r.during.text, r.before.text);
      assert.ok(r.during.pieces.some((p) => p.quote), 'quotes highlighted');
      assert.equal(r.after.html, r.before.html);
      assert.ok(r.sameNodes);
      // The same quotes as when the plain file is analysed.
      const quotes = r.during.document.quotes.map((q) => q.text);
      assert.ok(quotes.length > 0);
      for (const q of quotes) assert.ok(seed.includes(q), `quote text from the seed: ${q}`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('mounting twice is safe; plain text mode renders paragraphs and restores the old children', async () => {
  const { page, problems, context } = await openFixture('rich.html');
  try {
    const r = await page.evaluate(async (text) => {
      const { mount } = await import('/sorot.js');
      const root = document.getElementById('story');
      const html = root.innerHTML;
      const first = mount(root, { lang: 'id' });
      const second = mount(root, { lang: 'id' });
      await Promise.all([first.ready, second.ready]);
      const nested = root.querySelectorAll('.sorot-quote .sorot-quote, .sorot-mention .sorot-mention').length;
      const ids = Array.from(root.querySelectorAll('.sorot-hl[tabindex="0"]'), (el) => el.dataset.sorotId);
      second.unmount();
      const restoredTwice = root.innerHTML === html;
      const plain = mount(root, { text, lang: 'id' });
      await plain.ready;
      const paragraphs = root.querySelectorAll(':scope > p').length;
      const plainText = root.textContent;
      const analysed = plain.text;
      plain.unmount();
      return {
        nested, duplicateIds: ids.length - new Set(ids).size, restoredTwice,
        paragraphs, plainText, analysed, restoredPlain: root.innerHTML === html,
        firstMounted: first.mounted,
      };
    }, seeds[1]);
    assert.equal(r.firstMounted, false, 'the first reader was unmounted');
    assert.equal(r.nested, 0);
    assert.equal(r.duplicateIds, 0);
    assert.ok(r.restoredTwice);
    assert.equal(r.paragraphs, seeds[1].split('\n').filter((l) => l.trim()).length);
    assert.equal(r.plainText, seeds[1].split('\n').join(''));
    assert.equal(r.analysed, seeds[1]);
    assert.ok(r.restoredPlain);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('hostile text nodes stay text: no element, attribute or script comes from article text', async () => {
  const { page, problems, context } = await openFixture('blank.html');
  try {
    const r = await page.evaluate(async () => {
      window.__xss = 0;
      const { mount } = await import('/sorot.js');
      const root = document.getElementById('story');
      const lines = [
        '“<img src=x onerror="window.__xss=1"> berbahaya <b onmouseover=alert(1)>x</b>,” kata Budi Santoso.',
        '<script>window.__xss=2</script> Budi Santoso dari <iframe src="javascript:window.__xss=3"></iframe> Jakarta.',
        '“"><svg onload=window.__xss=4>,” ujar Presiden Joko Widodo.',
      ];
      for (const line of lines) {
        const p = document.createElement('p');
        p.textContent = line;
        root.appendChild(p);
      }
      const html = root.innerHTML;
      const reader = mount(root, { lang: 'id' });
      await reader.ready;
      const hl = root.querySelector('.sorot-hl');
      hl?.focus();
      const elements = Array.from(root.querySelectorAll('*'), (el) => el.localName);
      const attributes = new Set();
      for (const el of document.querySelectorAll('*')) for (const a of el.attributes) attributes.add(a.name);
      const card = document.querySelector('.sorot-card');
      const cardElements = card ? Array.from(card.querySelectorAll('*'), (el) => el.localName) : [];
      const result = {
        xss: window.__xss,
        elements: [...new Set(elements)].sort(),
        cardElements: [...new Set(cardElements)].sort(),
        attributes: [...attributes].sort(),
        quotes: reader.document.quotes.length,
        textKept: root.textContent === lines.join(''),
      };
      reader.unmount();
      result.restored = root.innerHTML === html;
      return result;
    });
    assert.equal(r.xss, 0);
    for (const name of r.elements) assert.ok(['p', 'span'].includes(name), `unexpected <${name}> in article`);
    for (const name of r.cardElements) assert.ok(['p', 'dl', 'dt', 'dd', 'ul', 'li'].includes(name), `unexpected <${name}> in card`);
    for (const name of r.attributes) assert.doesNotMatch(name, /^on|^src$/, `attribute ${name} created`);
    assert.ok(r.quotes > 0, 'hostile quotes still analysed');
    assert.ok(r.textKept);
    assert.ok(r.restored);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('<sorot-reader> highlights its children and restores them when removed', async () => {
  const { page, problems, context } = await openFixture('blank.html');
  try {
    const r = await page.evaluate(async (text) => {
      await import('/sorot.js');
      const el = document.createElement('sorot-reader');
      el.setAttribute('lang', 'id');
      for (const line of text.split('\n')) {
        const p = document.createElement('p');
        p.textContent = line;
        el.appendChild(p);
      }
      const html = el.innerHTML;
      const ready = new Promise((resolve) => el.addEventListener('sorot:ready', resolve, { once: true }));
      document.getElementById('story').appendChild(el);
      await ready;
      const quotes = el.querySelectorAll('.sorot-quote').length;
      const lang = el.reader.document.lang;
      el.remove();
      return { quotes, lang, restored: el.innerHTML === html, cls: el.getAttribute('class') };
    }, seeds[0]);
    assert.ok(r.quotes > 0);
    assert.equal(r.lang, 'id');
    assert.ok(r.restored);
    assert.equal(r.cls, null);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('long texts are analysed in a Web Worker and give the same result as the main thread', async (t) => {
  const { page, problems, context } = await openFixture('blank.html');
  try {
    const long = Array.from({ length: 10 }, () => seeds.join('\n')).join('\n');
    assert.ok(long.length > 20000);
    const r = await page.evaluate(async (text) => {
      const { mount, analyzeText } = await import('/sorot.js');
      const root = document.getElementById('story');
      // Measure main-thread responsiveness while the worker analyses.
      let ticks = 0;
      const timer = setInterval(() => { ticks += 1; }, 5);
      const reader = mount(root, { text, lang: 'id' });
      await reader.ready;
      clearInterval(timer);
      const main = await analyzeText(text, { lang: 'id', worker: false });
      const workerUsed = performance.getEntriesByType('resource').some((e) => e.name.endsWith('/sorot-worker.js'));
      return {
        workerUsed,
        same: JSON.stringify(main) === JSON.stringify(reader.document),
        quotes: root.querySelectorAll('.sorot-quote').length,
        ticks,
        timing: reader.timing,
      };
    }, long);
    assert.ok(r.workerUsed, 'sorot-worker.js was loaded');
    assert.ok(r.same, 'worker result equals the main-thread result');
    assert.ok(r.quotes > 0);
    t.diagnostic(`worker: ${long.length} chars analysed in ${r.timing.analyzeMs.toFixed(1)} ms, rendered in ${r.timing.renderMs.toFixed(1)} ms`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
