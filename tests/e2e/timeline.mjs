#!/usr/bin/env node
// Page-load timeline of the demo in headless Chromium, over several runs:
// a measurement tool, not a test (node --test does not pick it up).
//
//   node tests/e2e/timeline.mjs [--runs 5] [--view 1] [--trace DIR] [--json FILE] [--bare] [--base URL]
//
// Each run launches a fresh Chromium and makes three navigations to
// index.html#VIEW:
//   cold    the browser's first navigation (nothing cached, first page of the process);
//   warm    the same browser, a new context (empty HTTP cache, warm process);
//   reload  the same context again (HTTP cache: 304s, V8's code caches).
// It prints, per kind, the median (and min–max) over the runs of each
// timeline entry: `sorot:` marks and measures, paints, and navigation
// timing, all in ms from the navigation start. With --trace, the first
// run's navigations also write Chromium traces (DIR/cold.json, DIR/warm.json,
// DIR/reload.json) that chrome://tracing or Perfetto opens. With --json, every run's entries are
// also written to FILE ({cold: [...], warm: [...], reload: [...]}).
// With --bare, the same runs load tests/e2e/bare/index.html instead: a page
// of one paragraph and one inline script that marks `sorot:first-highlights`,
// the floor of this harness on this machine. With --base, the pages come
// from a server already running at URL (e.g. `node scripts/serve.mjs www
// 8099` in another process) instead of one in this process, whose event
// loop the browser driver shares.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { WWW, requirePackage, CHROMIUM_ARGS, waitReady } from './helpers.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    view: { type: 'string', default: '1' },
    trace: { type: 'string' },
    json: { type: 'string' },
    bare: { type: 'boolean', default: false },
    base: { type: 'string' },
  },
});
const RUNS = Number(values.runs);
const VIEW = values.view;

/** The page's timeline entries: name → start (ms), measures as `name+` → duration. */
function collect() {
  const out = {};
  const nav = performance.getEntriesByType('navigation')[0];
  out['nav: HTML in'] = nav.responseEnd;
  out['nav: DOM interactive'] = nav.domInteractive;
  out['nav: DOMContentLoaded'] = nav.domContentLoadedEventEnd;
  for (const e of performance.getEntriesByType('resource')) {
    out[`file end ${e.name.replace(location.origin, '')}`] = e.responseEnd;
  }
  for (const p of performance.getEntriesByType('paint')) out[p.name] = p.startTime;
  const seen = new Map();
  for (const e of performance.getEntries()) {
    if (!e.name.startsWith('sorot:') || (e.entryType !== 'mark' && e.entryType !== 'measure')) continue;
    // Only the first of each name: the first article's.
    if (seen.has(e.name + e.entryType)) continue;
    seen.set(e.name + e.entryType, true);
    if (e.entryType === 'mark') out[e.name] = e.startTime;
    else {
      out[`${e.name} (start)`] = e.startTime;
      out[`${e.name} (duration)`] = e.duration;
    }
  }
  return out;
}

async function navigate(context, url, tracePath) {
  const page = await context.newPage();
  if (tracePath) await context.browser().startTracing(page, {
    path: tracePath, screenshots: false,
    categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'loading', 'disabled-by-default-devtools.timeline'],
  });
  await page.goto(url);
  await waitReady(page);
  if (tracePath) await context.browser().stopTracing();
  const entries = await page.evaluate(collect);
  await page.close();
  return entries;
}

const BARE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bare');
if (!values.bare && !values.base) requirePackage();
const server = values.base ? null : await serve(values.bare ? BARE : WWW, 0);
const base = values.base ? new URL(values.base).href : server.url;
const url = values.bare ? `${base}index.html` : `${base}index.html#${VIEW}`;
const results = { cold: [], warm: [], reload: [] };
if (values.trace) mkdirSync(values.trace, { recursive: true });
for (let run = 0; run < RUNS; run += 1) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const first = await browser.newContext();
    const trace = values.trace && run === 0 ? path.join(values.trace, 'cold.json') : undefined;
    results.cold.push(await navigate(first, url, trace));
    await first.close();
    const second = await browser.newContext();
    const warmTrace = values.trace && run === 0 ? path.join(values.trace, 'warm.json') : undefined;
    results.warm.push(await navigate(second, url, warmTrace));
    const reloadTrace = values.trace && run === 0 ? path.join(values.trace, 'reload.json') : undefined;
    results.reload.push(await navigate(second, url, reloadTrace));
    await second.close();
  } finally {
    await browser.close();
  }
}
if (server) await new Promise((resolve) => server.close(resolve));
if (values.json) writeFileSync(values.json, JSON.stringify(results));

const fmt = (n) => n.toFixed(1).padStart(7);
for (const [kind, runs] of Object.entries(results)) {
  console.log(`\n${kind} (${values.bare ? 'bare page' : `view #${VIEW}`}, ${runs.length} runs): median [min – max] ms`);
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  const rows = names.map((name) => {
    const v = runs.map((r) => r[name]).filter((x) => typeof x === 'number').sort((a, b) => a - b);
    return { name, median: v[v.length >> 1], min: v[0], max: v[v.length - 1] };
  }).sort((a, b) => (a.name.endsWith('(duration)') - b.name.endsWith('(duration)')) || a.median - b.median);
  for (const r of rows) console.log(`${fmt(r.median)} [${fmt(r.min)} – ${fmt(r.max)}]  ${r.name}`);
}
