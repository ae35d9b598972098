// Accessibility (axe-core), screenshots and timing of the demo.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { start, openDemo, screenshotPath, loadBreakdown, hoverTimings } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let env;
before(async () => { env = await start(); });
after(async () => { if (env) await env.stop(); });

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  });
}

test('axe-core finds no violations on the demo (single, story, paste, card open, filtered)', async () => {
  // addScriptTag injects axe inline, which the demo's CSP refuses: bypass it here only.
  const { page, problems, context } = await openDemo(env, '1', { context: { bypassCSP: true } });
  try {
    assert.deepEqual(await axe(page), [], 'single article');
    await page.locator('#articles .sorot-quote').first().focus();
    await page.locator('.sorot-card:not([hidden])').waitFor();
    assert.deepEqual(await axe(page), [], 'with a card open');
    await page.click('label[for="view-story"]');
    await page.waitForFunction(() => document.querySelectorAll('#articles .article').length === 3
      && document.documentElement.dataset.state === 'ready');
    await page.locator('#actor-list .actor__button').first().click();
    for (const d of await page.$$('#actor-list details')) await d.evaluate((el) => { el.open = true; });
    assert.deepEqual(await axe(page), [], 'story view, filtered');
    await page.click('label[for="view-paste"]');
    await page.locator('#paste-text').waitFor();
    assert.deepEqual(await axe(page), [], 'paste view');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('screenshots of the demo, and timing marks', async (t) => {
  const { page, problems, context } = await openDemo(env, '1', { context: { viewport: { width: 1280, height: 900 } } });
  try {
    const firstHighlights = await page.evaluate(() => performance.getEntriesByName('sorot:first-highlights')[0]?.startTime);
    assert.equal(typeof firstHighlights, 'number', 'the demo marks its first highlights');
    // The mark means highlights of the seed article are in the DOM.
    assert.ok(await page.locator('#articles .article__body .sorot-quote').count() > 0);
    const breakdown = await loadBreakdown(page);
    await page.screenshot({ path: screenshotPath('demo-seed-001.png') });

    // Hover → card, over quotes and mentions (the quote last, for the screenshot).
    const quote = page.locator('#articles .sorot-quote', { hasText: 'Ini adalah masalah' }).first();
    const hovers = await hoverTimings(page, [
      ...await page.locator('#articles .sorot-mention').all().then((all) => all.slice(0, 4)),
      ...await page.locator('#articles .sorot-quote').all().then((all) => all.slice(0, 3)),
      quote,
    ]);
    await page.locator('.sorot-card:not([hidden])').waitFor();
    await page.screenshot({ path: screenshotPath('demo-quote-card.png') });

    const lim = page.locator('#articles .sorot-mention', { hasText: 'Lim Soo-suk' }).first();
    await lim.hover();
    await page.locator('.sorot-card:not([hidden])').waitFor();
    await page.screenshot({ path: screenshotPath('demo-actor-card.png') });

    await page.click('label[for="view-story"]');
    await page.waitForFunction(() => document.querySelectorAll('#articles .article').length === 3
      && document.documentElement.dataset.state === 'ready');
    await page.screenshot({ path: screenshotPath('demo-story.png'), fullPage: true });
    // What a new reader sees first (the demo opens on the story view).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('demo-first-view.png') });

    const timing = await page.evaluate(async () => {
      const { readerOf } = await import('/sorot.js');
      return Array.from(document.querySelectorAll('.article__body'), (el) => readerOf(el).timing);
    });
    t.diagnostic(`navigation → first highlights: ${firstHighlights.toFixed(1)} ms`);
    for (const line of breakdown) t.diagnostic(`  ${line}`);
    const stat = (key) => {
      const v = hovers.map((h) => h[key]).sort((a, b) => a - b);
      return `median ${v[v.length >> 1].toFixed(1)}, max ${v[v.length - 1].toFixed(1)}`;
    };
    t.diagnostic(`hover → card painted: ${stat('painted')} ms over ${hovers.length} hovers, from the event's dispatch `
      + `(handler: ${stat('handler')}); from the event's timestamp: ${stat('total')} (input queue: ${stat('queue')})`);
    for (const m of timing) t.diagnostic(`story article: analyse ${m.analyzeMs.toFixed(1)} ms, decorate ${m.renderMs.toFixed(1)} ms`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('forced colours and reduced motion: highlights stay visible and still', async () => {
  const { page, problems, context } = await openDemo(env, '1', {
    context: { forcedColors: 'active', reducedMotion: 'reduce' },
  });
  try {
    const styles = await page.$eval('#articles .sorot-quote--direct', (el) => {
      const cs = getComputedStyle(el);
      return { border: cs.borderBottomStyle, transition: cs.transitionDuration };
    });
    assert.equal(styles.border, 'solid', 'quotes keep a visible edge in forced colours');
    assert.equal(styles.transition, '0s', 'no transition under reduced motion');
    await page.screenshot({ path: screenshotPath('demo-forced-colors.png') });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
