// XSS: article text, actor names and quotes full of injection payloads
// reach the DOM only as text. No script runs (no payload flag set, no CSP
// violation), no element but the widget's own is created, no attribute
// but the widget's own (class, id, role, hidden, tabindex, style, aria-*,
// data-sorot-*, data-placement) is set, and unmount restores the article exactly.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, fixtureHead } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { if (env) await env.stop(); });

const PAGE = `${fixtureHead('xss')}
<main><article id="story"></article></main></body></html>`;

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '"><svg onload=window.__xss=3>',
  'javascript:window.__xss=4',
  '<iframe srcdoc="<script>parent.__xss=5</script>"></iframe>',
  "{{constructor.constructor('window.__xss=6')()}}",
  '<a href="javascript:window.__xss=7">klik</a>',
  "' onmouseover='window.__xss=8' x='",
  '<details open ontoggle=window.__xss=9>',
  '<math><mi xlink:href="javascript:window.__xss=10">x</mi></math>',
  '<style>*{background:url(javascript:window.__xss=11)}</style>',
  '&lt;script&gt;window.__xss=12&lt;/script&gt; &#60;b&#62;',
  '<object data="data:text/html,<script>window.__xss=13</script>">',
  '`${window.__xss=14}`',
  '\u202e<body onload=window.__xss=15>',
];

/** Article lines putting each payload in the text, in a quote, in and around a name and a role. */
function lines() {
  const out = [];
  for (const p of PAYLOADS) {
    out.push(`“${p} berbahaya,” kata Budi Santoso.`);
    out.push(`Menteri Luar Negeri ${p} Retno Marsudi mengatakan bahwa ${p} itu aman.`);
    out.push(`“Kami siap,” ujar Presiden Joko${p}Widodo, juru bicara ${p} kementerian.`);
    out.push(`${p} Lim Soo-suk: “${p}”`);
  }
  return out;
}

test('injection payloads in article text, names and quotes stay text', async () => {
  const { page, problems, context } = await openPage(env, { fixtures: { 'xss.html': PAGE } });
  try {
    await page.goto(`${env.url}__e2e/xss.html`);
    const r = await page.evaluate(async (articleLines) => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      const { mount } = await import('/sorot.js');
      const root = document.getElementById('story');
      for (const line of articleLines) {
        const p = document.createElement('p');
        p.textContent = line;
        root.appendChild(p);
      }
      const html = root.innerHTML;
      const text = root.textContent;
      const created = new Set();
      const attributes = new Set();
      const observer = new MutationObserver((records) => {
        for (const rec of records) {
          if (rec.type === 'attributes') attributes.add(rec.attributeName);
          for (const n of rec.addedNodes) {
            if (n.nodeType !== Node.ELEMENT_NODE) continue;
            for (const el of [n, ...n.querySelectorAll('*')]) {
              created.add(el.localName);
              for (const a of el.attributes) attributes.add(a.name);
            }
          }
        }
      });
      observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
      const reader = mount(root, { lang: 'id' });
      await reader.ready;
      // Render every card: focus, hover and click every highlight.
      const cardTexts = [];
      for (const hl of root.querySelectorAll('.sorot-hl')) {
        hl.focus();
        hl.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
        hl.click();
        const card = document.querySelector('.sorot-card');
        if (card) cardTexts.push(card.textContent);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      observer.takeRecords();
      const doc = reader.document;
      const result = {
        xss: window.__xss ?? null,
        violations,
        created: [...created].sort(),
        attributes: [...attributes].sort(),
        quotes: doc.quotes.length,
        actors: doc.actors.map((a) => a.name),
        quoteTexts: doc.quotes.map((q) => q.text),
        cardTexts,
        textKept: root.textContent === text,
        scripts: document.scripts.length,
      };
      reader.unmount();
      observer.disconnect();
      result.restored = root.innerHTML === html;
      return result;
    }, lines());
    assert.equal(r.xss, null, 'no payload ran');
    assert.deepEqual(r.violations, [], 'no CSP violation (nothing tried to run)');
    for (const name of r.created) assert.ok(['span', 'div', 'p', 'dl', 'dt', 'dd', 'ul', 'li', 'strong', 'em', 'q', 'b'].includes(name), `element <${name}> created`);
    for (const name of r.attributes) {
      assert.match(name, /^(class|id|role|hidden|tabindex|aria-[a-z]+|data-sorot-[a-z-]+|data-placement|style)$/, `attribute ${name} created`);
    }
    assert.equal(r.scripts, 0, 'no script element on the page');
    assert.ok(r.quotes >= PAYLOADS.length, `only ${r.quotes} quotes analysed`);
    assert.ok(r.actors.includes('Budi Santoso'));
    // The payloads are in the document and on the cards as literal text.
    assert.ok(r.quoteTexts.some((t) => t.includes('<script>window.__xss=1</script>')));
    assert.ok(r.quoteTexts.some((t) => t.includes('<details open ontoggle=window.__xss=9>')));
    assert.ok(r.cardTexts.some((t) => t.includes('<script>window.__xss=1</script>')), 'a card shows a payload as text');
    assert.ok(r.textKept, 'article text unchanged while mounted');
    assert.ok(r.restored, 'unmount restores the article exactly');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
