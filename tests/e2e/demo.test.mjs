// Page tests of the demo (www/index.html) in headless Chromium.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  start, openDemo, openPage, waitReady, readerState, screenshotPath, WWW, SEED_FILES,
} from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { if (env) await env.stop(); });

const VISIBLE_CARD = '.sorot-card:not([hidden])';

test('demo loads every view with highlights and no console errors', async () => {
  const { page, problems, context } = await openDemo(env, '0');
  try {
    for (const view of ['0', '1', '2', 'story']) {
      await page.click(`label[for="view-${view}"]`);
      await waitReady(page);
      const articles = await page.locator('#articles .article').count();
      assert.equal(articles, view === 'story' ? 3 : 1, `view ${view}`);
      const quotes = await page.locator('#articles .sorot-quote').count();
      const mentions = await page.locator('#articles .sorot-mention').count();
      assert.ok(quotes > 0 && mentions > 0, `view ${view}: ${quotes} quote pieces, ${mentions} mention pieces`);
      assert.match(await page.textContent('#status'), /characters analysed/);
      assert.ok(await page.locator('#actor-list .actor').count() > 0, 'actor panel filled');
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('hovering a quote shows its speaker and lights up the speaker mentions', async () => {
  const { page, problems, context } = await openDemo(env, '1');
  try {
    const quote = page.locator('#articles .sorot-quote', { hasText: 'Ini adalah masalah' }).first();
    await quote.hover();
    const card = page.locator(VISIBLE_CARD);
    await card.waitFor();
    assert.match(await card.textContent(), /Lim Soo-suk/);
    assert.match(await card.textContent(), /Confidence\s*\d+%/);
    assert.equal(await card.getAttribute('role'), 'tooltip');
    // The card must not cover the hovered line.
    const line = await quote.evaluate((el) => {
      const r = el.getClientRects()[0];
      return { top: r.top, bottom: r.bottom };
    });
    const box = await card.boundingBox();
    assert.ok(box.y >= line.bottom || box.y + box.height <= line.top,
      `card ${JSON.stringify(box)} overlaps line ${JSON.stringify(line)}`);
    const speaker = await quote.getAttribute('data-sorot-actor');
    assert.ok(speaker, 'quote has a speaker');
    const lit = await page.locator(`#articles .sorot-mention.sorot-lit[data-sorot-actor="${speaker}"]`).count();
    assert.ok(lit > 0, 'speaker mentions lit');
    // Leaving the highlight hides the card and the lights.
    await page.mouse.move(2, 2);
    await page.locator('.sorot-card').waitFor({ state: 'hidden' });
    assert.equal(await page.locator('#articles .sorot-lit').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('hovering an actor mention lights up all its mentions and quotes', async () => {
  const { page, problems, context } = await openDemo(env, '1');
  try {
    const state = await readerState(page, '#articles .article__body');
    const lim = state.document.actors.find((a) => a.name === 'Lim Soo-suk');
    assert.ok(lim, `actor Lim Soo-suk in ${state.document.actors.map((a) => a.name).join(', ')}`);
    const expectedMentions = state.document.mentions.filter((m) => m.actor === lim.id).length;
    const expectedQuotes = state.document.quotes.filter((q) => q.speaker === lim.id).length;
    assert.ok(expectedMentions >= 2, 'Lim is mentioned at least twice');
    // Hover the last mention, so lighting the first is a real cross-document effect.
    await page.locator(`#articles .sorot-mention[data-sorot-actor="${lim.id}"]`).last().hover();
    await page.locator(VISIBLE_CARD).waitFor();
    const litIds = await page.$$eval(`#articles .sorot-mention.sorot-lit`, (els) => [...new Set(els.map((e) => e.dataset.sorotId))]);
    assert.equal(litIds.length, expectedMentions);
    const litActors = await page.$$eval('#articles .sorot-mention.sorot-lit', (els) => [...new Set(els.map((e) => e.dataset.sorotActor))]);
    assert.deepEqual(litActors, [lim.id]);
    const litQuotes = await page.$$eval('#articles .sorot-quote.sorot-lit', (els) => new Set(els.map((e) => e.dataset.sorotId)).size);
    assert.equal(litQuotes, expectedQuotes);
    const card = await page.textContent(VISIBLE_CARD);
    assert.match(card, /Lim Soo-suk/);
    assert.match(card, new RegExp(`Mentions\\s*${expectedMentions}`));
    if (expectedQuotes) assert.match(card, /Ini adalah masalah/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('Tab reaches the highlights in reading order and focus shows the card; Esc closes it', async () => {
  const { page, problems, context } = await openDemo(env, '1');
  try {
    const order = await page.$$eval('#articles .sorot-hl[tabindex="0"]', (els) => els.map((e) => e.dataset.sorotId));
    assert.ok(order.length >= 5);
    await page.focus('#download-annotations');
    const seen = [];
    for (let i = 0; i < 40 && seen.length < 5; i += 1) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.closest('#articles') && document.activeElement.dataset.sorotId);
      if (id) seen.push(id);
      else if (seen.length) break;
    }
    assert.deepEqual(seen, order.slice(0, 5));
    const card = page.locator(VISIBLE_CARD);
    await card.waitFor();
    const described = await page.evaluate(() => document.activeElement.getAttribute('aria-describedby'));
    assert.equal(described, await card.getAttribute('id'));
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'visible focus ring');
    await page.keyboard.press('Escape');
    await page.locator('.sorot-card').waitFor({ state: 'hidden' });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('pasted text gets annotated, and pasted markup stays text', async () => {
  const { page, problems, context } = await openDemo(env, 'paste');
  try {
    await page.evaluate(() => { window.__xss = 0; });
    const text = [
      'JAKARTA - Menteri Luar Negeri Retno Marsudi menyampaikan sikap pemerintah pada Senin.',
      '“Kami menolak <img src=x onerror="window.__xss=1"> segala bentuk kekerasan,” kata Retno Marsudi kepada wartawan.',
      '<script>window.__xss=2</script> Retno Marsudi menambahkan bahwa Indonesia siap membantu.',
    ].join('\n');
    await page.fill('#paste-text', text);
    await page.click('#annotate');
    await waitReady(page);
    const state = await readerState(page, '#articles .article__body');
    assert.equal(state.text, text);
    assert.equal(await page.locator('#articles .article__body p').count(), 3);
    assert.equal(await page.textContent('#articles .article__body'), text.split('\n').join(''));
    assert.ok(await page.locator('#articles .sorot-quote').count() > 0, 'the quote is highlighted');
    assert.ok(state.document.quotes.some((q) => q.text.includes('<img src=x')), 'markup analysed as text');
    await page.locator('#articles .sorot-quote').first().hover();
    await page.locator(VISIBLE_CARD).waitFor();
    await page.screenshot({ path: screenshotPath('demo-pasted.png') });
    // Nothing from the pasted text became an element or attribute, and nothing ran.
    assert.equal(await page.evaluate(() => window.__xss), 0);
    assert.equal(await page.locator('#articles img, #articles script').count(), 0);
    assert.equal(await page.locator('[onerror]').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the actor panel filters highlights and the toggle hides them', async () => {
  const { page, problems, context } = await openDemo(env, 'story');
  try {
    const first = page.locator('#actor-list .actor__button').first();
    await first.click();
    assert.equal(await first.getAttribute('aria-pressed'), 'true');
    const matches = await page.locator('#articles .sorot-match').count();
    assert.ok(matches > 0);
    assert.equal(await page.locator('#articles .sorot-filtering').count(), 3);
    const plain = await page.locator('#articles .sorot-mention:not(.sorot-match)').first()
      .evaluate((el) => getComputedStyle(el).textDecorationLine);
    assert.equal(plain, 'none');
    await first.click();
    assert.equal(await page.locator('#articles .sorot-filtering, #articles .sorot-match').count(), 0);

    await page.uncheck('#show-highlights');
    assert.equal(await page.locator('#articles .sorot-off').count(), 3);
    assert.equal(await page.locator('#articles .sorot-hl[tabindex="0"]').count(), 0);
    await page.locator('#articles .sorot-quote').first().hover();
    assert.equal(await page.locator(VISIBLE_CARD).count(), 0);
    await page.check('#show-highlights');
    assert.ok(await page.locator('#articles .sorot-hl[tabindex="0"]').count() > 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/** UTF-16 index → code point index of `text`. */
function codePointIndex(text, utf16) {
  return Array.from(text.slice(0, utf16)).length;
}

test('downloads: document JSON and W3C Web Annotations that point back into the seed file', async () => {
  const { page, problems, context } = await openDemo(env, '2');
  try {
    const seed = await readFile(path.join(WWW, 'seeds', SEED_FILES[2]), 'utf8');
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    assert.equal(jsonDownload.suggestedFilename(), '002_2ec4e416ec4a52c8.sorot.json');
    const doc = JSON.parse(await readFile(await jsonDownload.path(), 'utf8'));
    assert.equal(doc.version, 1);
    for (const m of doc.mentions) assert.equal(seed.slice(m.start, m.end), m.text);

    const [annoDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download-annotations')]);
    const anno = JSON.parse(await readFile(await annoDownload.path(), 'utf8'));
    assert.equal(anno['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(anno.type, 'AnnotationCollection');
    const items = anno.first.items;
    assert.equal(items.length, doc.quotes.length + doc.mentions.length);
    assert.equal(anno.total, items.length);
    const codePoints = Array.from(seed);
    for (const item of items) {
      assert.equal(item.type, 'Annotation');
      assert.match(item.target.source, /seeds\/002_2ec4e416ec4a52c8\.txt$/);
      const quoteSel = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
      const posSel = item.target.selector.find((s) => s.type === 'TextPositionSelector');
      assert.equal(codePoints.slice(posSel.start, posSel.end).join(''), quoteSel.exact);
      const at = seed.indexOf(quoteSel.prefix + quoteSel.exact + quoteSel.suffix);
      assert.ok(at >= 0, `prefix/exact/suffix found for ${item.id}`);
      assert.equal(codePointIndex(seed, at + quoteSel.prefix.length), posSel.start);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('touch: tapping a quote shows its card', async () => {
  const { page, problems, context } = await openDemo(env, '1', {
    context: { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 },
  });
  try {
    const quote = page.locator('#articles .sorot-quote', { hasText: 'Ini adalah masalah' }).first();
    await quote.scrollIntoViewIfNeeded();
    await quote.tap();
    const card = page.locator(VISIBLE_CARD);
    await card.waitFor();
    assert.match(await card.textContent(), /Lim Soo-suk/);
    const box = await card.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `card inside the viewport: ${JSON.stringify(box)}`);
    await page.screenshot({ path: screenshotPath('demo-touch-card.png') });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the page works under its strict CSP, including card positioning', async () => {
  const { page, problems, context } = await openPage(env);
  try {
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__csp.push(`${e.effectiveDirective}: ${e.blockedURI}`);
      });
    });
    await page.goto(`${env.url}index.html#1`);
    await waitReady(page);
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(policy, /style-src 'self'/);
    const quote = page.locator('#articles .sorot-quote').nth(2);
    await quote.hover();
    await page.locator(VISIBLE_CARD).waitFor();
    const position = await page.$eval(VISIBLE_CARD, (el) => ({ top: el.style.top, left: el.style.left }));
    assert.match(position.top, /^\d+px$/);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    // Control: the policy is really enforced (an inline script is refused).
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.appendChild(s);
    });
    await page.waitForFunction(() => window.__csp.length > 0);
    assert.equal(await page.evaluate(() => window.__inline), undefined);
    assert.match((await page.evaluate(() => window.__csp))[0], /^script-src/);
    // The refused inline script is the only console error.
    assert.ok(problems.every((p) => /Content Security Policy/.test(p)), problems.join('\n'));
  } finally {
    await context.close();
  }
});

test('first load opens the story view; an actor named in several articles is one panel entry', async () => {
  const opened = await openPage(env);
  const { page, problems, context } = opened;
  try {
    await page.goto(`${env.url}index.html`);
    await waitReady(page);
    assert.equal(await page.locator('#articles article').count(), 3);
    assert.ok(await page.isChecked('#view-story'));
    // What each article says of its actors, read from the readers themselves.
    const perArticle = await page.evaluate(async () => {
      const { readerOf } = await import('/sorot.js');
      return Array.from(document.querySelectorAll('#articles .article__body'), (body) => {
        const r = readerOf(body);
        return r.document.actors.map((a) => ({
          names: [a.name, ...a.aliases].map((n) => n.toLowerCase()), kind: a.kind,
          mentions: r.mentionsOf(a.id).length,
        }));
      });
    });
    // Korea Utara / DPRK appears in every seed article: one entry, summing all mentions.
    const named = (a) => a.kind === 'place' && (a.names.includes('korea utara') || a.names.includes('dprk'));
    const expected = perArticle.reduce((n, actors) => n + actors.filter(named).reduce((m, a) => m + a.mentions, 0), 0);
    assert.ok(perArticle.every((actors) => actors.some(named)), 'every seed names North Korea');
    const entries = await page.locator('#actor-list .actor__button', { hasText: /Korea Utara|DPRK/ }).all();
    assert.equal(entries.length, 1, 'one story-wide entry for North Korea');
    assert.equal(Number(await entries[0].locator('.actor__mentions').textContent()), expected);
    // Its quotes, if any, are listed under the title of the article that quotes them.
    const sources = await page.locator('#actor-list .actor__source').count();
    assert.ok(sources > 0, 'quotes grouped by article in the story view');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
