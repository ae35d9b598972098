// Shared set-up for the page tests: an in-process static server over www/,
// the system Chromium driven by playwright-core, console-error capture,
// and fixture pages served through request interception.

import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** The directory served; SOROT_E2E_WWW may point at another built copy. */
export const WWW = process.env.SOROT_E2E_WWW ? path.resolve(process.env.SOROT_E2E_WWW) : path.join(REPO, 'www');
/** Screenshots go to $TEST_OUTPUT_DIR/screenshots (build.sh sets it), else test-output/screenshots. */
export const SCREENSHOTS = path.join(process.env.TEST_OUTPUT_DIR || path.join(REPO, 'test-output'), 'screenshots');
export const SEED_FILES = [
  '000_f0ba90d2506ff8da.txt',
  '001_ccf68a1d162bdb17.txt',
  '002_2ec4e416ec4a52c8.txt',
];

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Fails clearly when the wasm package has not been built. */
export function requirePackage() {
  const pkg = path.join(WWW, 'pkg', 'sorot.js');
  if (!existsSync(pkg)) {
    throw new Error(`${pkg} is missing: build the wasm package first (./build.sh build)`);
  }
}

/** Starts the server and the browser; call `stop()` when done. */
export async function start() {
  requirePackage();
  const server = await serve(WWW, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    server,
    browser,
    url: server.url,
    async stop() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Opens a page in a fresh context and records console errors, page errors
 * and failed requests in `problems`. `fixtures` maps paths under
 * `/__e2e/` to HTML served for them.
 */
export async function openPage(env, { context: contextOptions = {}, fixtures = {} } = {}) {
  const context = await env.browser.newContext({ acceptDownloads: true, ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // Only pages with fixtures route requests: routing makes every request of
  // the page wait for this process (and turns off the HTTP cache), which
  // the demo's load timing must not include.
  if (Object.keys(fixtures).length) {
    await page.route(`${env.url}__e2e/**`, (route) => {
      const name = new URL(route.request().url()).pathname.replace(/^\/__e2e\//, '');
      if (!(name in fixtures)) return route.fulfill({ status: 404, body: 'no such fixture' });
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixtures[name] });
    });
  }
  return { context, page, problems };
}

/** Opens the demo on view `view` ('0'|'1'|'2'|'story'|'paste') and waits for highlights. */
export async function openDemo(env, view = '0', options = {}) {
  const opened = await openPage(env, options);
  await opened.page.goto(`${env.url}index.html#${view}`);
  if (view !== 'paste') await waitReady(opened.page);
  return opened;
}

/** Waits until the demo reports its current view analysed. */
export async function waitReady(page) {
  await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state));
  const state = await page.evaluate(() => document.documentElement.dataset.state);
  if (state !== 'ready') {
    throw new Error(`demo failed: ${await page.textContent('#status')}`);
  }
}

/**
 * The head of a fixture page, under the demo's strict Content-Security-Policy
 * (no inline script or style; wasm allowed), with the widget's stylesheet;
 * the body is left open for the caller.
 */
export function fixtureHead(title) {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:">
<link rel="icon" href="data:,"><link rel="stylesheet" href="/sorot.css"><title>${title}</title></head><body>`;
}

export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}

/** The document JSON and analysed text of the reader mounted on the element matching `selector`. */
export function readerState(page, selector) {
  return page.evaluate(async (sel) => {
    const { readerOf } = await import('/sorot.js');
    const reader = readerOf(document.querySelector(sel));
    return reader && { text: reader.text, document: reader.document };
  }, selector);
}

/**
 * Where a page load's time went, as printable lines (all in ms from the
 * navigation start): navigation timing, each file's request → response end,
 * first paint, and the `sorot:` marks and measures the demo and the widget
 * put on the performance timeline (see www/demo.js).
 */
export async function loadBreakdown(page) {
  const data = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const files = performance.getEntriesByType('resource').map((e) => ({
      name: e.name.replace(location.origin, ''), start: e.startTime, first: e.responseStart, end: e.responseEnd,
    }));
    const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('sorot:'))
      .map((m) => ({ name: m.name, start: m.startTime, duration: 0 }));
    const measures = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('sorot:'))
      .map((m) => ({ name: m.name, start: m.startTime, duration: m.duration }));
    const paints = performance.getEntriesByType('paint').map((p) => ({ name: p.name, start: p.startTime, duration: 0 }));
    return {
      nav: { response: nav.responseEnd, interactive: nav.domInteractive, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd },
      files,
      events: [...marks, ...measures, ...paints].sort((a, b) => a.start - b.start),
    };
  });
  const ms = (n) => n.toFixed(1).padStart(6);
  const lines = [`navigation: HTML in ${ms(data.nav.response)}, DOM interactive ${ms(data.nav.interactive)}, `
    + `DOMContentLoaded ${ms(data.nav.dcl)}, load ${ms(data.nav.load)}`];
  for (const f of data.files) lines.push(`file ${ms(f.start)} → first byte ${ms(f.first)} → end ${ms(f.end)}  ${f.name}`);
  for (const e of data.events) {
    lines.push(e.duration ? `${ms(e.start)} +${ms(e.duration)}  ${e.name}` : `${ms(e.start)}          ${e.name}`);
  }
  return lines;
}

/**
 * Hovers each locator in turn (each must be a highlight of one reader) and
 * measures, per hover, in ms: `queue`, from the pointer event's own
 * timestamp to its dispatch in the page (the browser's input routing; Chrome
 * dispatches pointer moves at the start of a frame); `handler`, from dispatch
 * to the end of the widget's handler (its `sorot:card` event); `painted`,
 * from dispatch to the end of the frame that shows the card (a task queued
 * from requestAnimationFrame); `total`, queue + painted.
 */
export async function hoverTimings(page, locators) {
  const out = [];
  for (const locator of locators) {
    await locator.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await page.evaluate(() => {
      window.__hover = new Promise((resolve) => {
        let stamp = null;
        let dispatched = 0;
        const over = (e) => {
          if (stamp !== null || !e.target.closest?.('.sorot-hl')) return;
          stamp = e.timeStamp;
          dispatched = performance.now();
        };
        window.addEventListener('pointerover', over, { capture: true });
        document.addEventListener('sorot:card', () => {
          const handler = performance.now() - dispatched;
          requestAnimationFrame(() => setTimeout(() => {
            window.removeEventListener('pointerover', over, { capture: true });
            const painted = performance.now() - dispatched;
            resolve({ queue: dispatched - stamp, handler, painted, total: performance.now() - stamp });
          }, 0));
        }, { once: true, capture: true });
      });
    });
    await locator.hover();
    out.push(await page.evaluate(() => window.__hover));
  }
  return out;
}
