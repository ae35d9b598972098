// The Sorot demo page: three seed articles, a story view of all three,
// a paste box, an actor panel with filters, and JSON / Web Annotation
// downloads. Uses only the public widget API (./sorot.js).

import { mount, toWebAnnotations, loadCore, analyzeText } from './sorot.js';

// Performance timeline of a page load (the page tests print it):
//   sorot:demo-start        this module runs
//   sorot:core              the core loads: glue import, wasm fetch, compile, instantiate (measure)
//   sorot:seeds-loaded      the view's article texts are in
//   sorot:analyze, sorot:decorate  per article (measures, from the reader's `timing`;
//                           the first analysis also waits for the core)
//   sorot:first-highlights  the first article's highlights are in the DOM
//   sorot:first-frame       the start of the frame that paints them
//   sorot:panel             the actor panel (measure)
//   sorot:view-ready        the whole view is analysed and its status written
performance.mark('sorot:demo-start');

// Start compiling the wasm core while the first articles load.
const coreStart = performance.now();
loadCore().then(() => performance.measure('sorot:core', { start: coreStart }), () => {});

// index.html loads this module `async`, so it may run before the page is
// parsed: wait for the elements it uses.
if (document.readyState === 'loading') {
  await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
}

/** The seed articles shipped with the demo (copies of the corpus seeds). */
const SEEDS = [
  { file: 'seeds/000_f0ba90d2506ff8da.txt', title: 'Washington: allies “very concerned” about North Korea and Russia' },
  { file: 'seeds/001_ccf68a1d162bdb17.txt', title: 'Seoul, Washington and Tokyo condemn arms transfers' },
  { file: 'seeds/002_2ec4e416ec4a52c8.txt', title: 'Allies warn Russia it will pay a price' },
];

const KINDS = [
  ['person', 'People'],
  ['organization', 'Organizations'],
  ['place', 'Places'],
  ['document', 'Documents'],
];

const $ = (selector) => document.querySelector(selector);
const articlesEl = $('#articles');
const actorListEl = $('#actor-list');
const statusEl = $('#status');
const pasteForm = $('#paste-form');
const showToggle = $('#show-highlights');
const jsonButton = $('#download-json');
const annoButton = $('#download-annotations');

/** Mounted articles of the current view: {reader, title, source, file}. */
let current = [];
let viewToken = 0;
let activeFilter = null;
let firstMark = false;
const seedTexts = new Map();

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function seedText(file) {
  if (!seedTexts.has(file)) {
    const response = await fetch(file);
    if (!response.ok) throw new Error(`could not load ${file}: HTTP ${response.status}`);
    seedTexts.set(file, await response.text());
  }
  return seedTexts.get(file);
}

function clearView() {
  viewToken += 1;
  // Tests and scripts wait for `ready` again: the new view is not analysed yet.
  document.documentElement.dataset.state = 'loading';
  for (const item of current) item.reader.unmount();
  current = [];
  activeFilter = null;
  articlesEl.replaceChildren();
  actorListEl.replaceChildren();
  jsonButton.disabled = true;
  annoButton.disabled = true;
}

/**
 * Mounts `text` as a new article block at once; resolves to the entry once
 * highlighted. With `after` (a promise), the analysis waits for it.
 */
async function addArticle(text, { title, source, file, lang = 'id', after = null }) {
  const article = el('article', 'article');
  article.lang = lang;
  if (title) {
    const heading = el('h2', 'article__title', title);
    heading.lang = 'en';
    article.appendChild(heading);
  }
  const body = el('div', 'article__body');
  article.appendChild(body);
  articlesEl.appendChild(article);
  const analyze = after ? (t, options) => after.then(() => analyzeText(t, options)) : undefined;
  const t0 = performance.now();
  const reader = mount(body, { text, lang, analyze });
  const entry = { reader, title, source, file, text };
  current.push(entry);
  await reader.ready;
  const t2 = performance.now();
  const t1 = t2 - reader.timing.renderMs;
  performance.measure('sorot:analyze', { start: t0, end: t1 });
  performance.measure('sorot:decorate', { start: t1, end: t2 });
  reader.setEnabled(showToggle.checked);
  return entry;
}

function summarise(started) {
  const chars = current.reduce((n, item) => n + item.reader.text.length, 0);
  const actors = current.reduce((n, item) => n + item.reader.document.actors.length, 0);
  const quotes = current.reduce((n, item) => n + item.reader.document.quotes.length, 0);
  const ms = performance.now() - started;
  statusEl.textContent = `${chars.toLocaleString('en')} characters analysed in ${ms.toFixed(0)} ms: `
    + `${actors} actors, ${quotes} quotes.`;
  performance.mark('sorot:view-ready');
  document.documentElement.dataset.state = 'ready';
  document.dispatchEvent(new CustomEvent('demo:ready'));
}

/** Marks the first highlights of the page once they are in the DOM, and the frame that paints them. */
function markFirstHighlights() {
  if (firstMark) return;
  firstMark = true;
  performance.mark('sorot:first-highlights');
  requestAnimationFrame(() => performance.mark('sorot:first-frame'));
}

/** Resolves after the next frame (or 100 ms, in a hidden tab that draws none). */
function afterPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

function showError(error) {
  statusEl.textContent = `Could not analyse: ${error.message || error}`;
  document.documentElement.dataset.state = 'error';
}

/**
 * Groups the actors of every mounted article into story-wide entries: two
 * actors of one kind are the same entry when any of their names or aliases
 * match (case-insensitive), so "Korea Utara" in one article and "DPRK" in
 * another (where it is an alias of Korea Utara) are one entry, with the
 * mentions and quotes of every article.
 */
function collectActors() {
  const nameKey = (kind, name) => `${kind}\u0000${name.toLocaleLowerCase('id')}`;
  const parent = new Map();
  const find = (k) => {
    while (parent.get(k) !== k) {
      parent.set(k, parent.get(parent.get(k)));
      k = parent.get(k);
    }
    return k;
  };
  const union = (a, b) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const entries = [];
  for (const item of current) {
    const quotesById = new Map(item.reader.document.quotes.map((q) => [q.id, q]));
    for (const actor of item.reader.document.actors) {
      const keys = [actor.name, ...(actor.aliases || [])].map((n) => nameKey(actor.kind, n));
      for (const k of keys) if (!parent.has(k)) parent.set(k, k);
      for (const k of keys.slice(1)) union(keys[0], k);
      entries.push({ item, actor, key: keys[0], quotesById });
    }
  }
  const groups = new Map();
  for (const { item, actor, key, quotesById } of entries) {
    const root = find(key);
    let group = groups.get(root);
    if (!group) {
      group = { key: root, name: actor.name, kind: actor.kind, roles: new Set(), mentions: 0, quotes: [], refs: [] };
      groups.set(root, group);
    }
    // The fullest name any article gives names the entry.
    if (actor.name.length > group.name.length) group.name = actor.name;
    if (actor.role) group.roles.add(actor.role);
    group.mentions += item.reader.mentionsOf(actor.id).length;
    for (const qid of item.reader.quotesOf(actor.id)) {
      group.quotes.push({ quote: quotesById.get(qid), title: item.title || '' });
    }
    group.refs.push({ reader: item.reader, actorId: actor.id });
  }
  return groups;
}

function renderPanel() {
  actorListEl.replaceChildren();
  const groups = Array.from(collectActors().values());
  if (!groups.length) {
    actorListEl.appendChild(el('p', 'actors__empty', 'No actors found.'));
    return;
  }
  for (const [kind, label] of KINDS) {
    const members = groups.filter((g) => g.kind === kind)
      .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name, 'id'));
    if (!members.length) continue;
    const section = el('section', `actors__group actors__group--${kind}`);
    const heading = el('h3', 'actors__kind', `${label} `);
    heading.appendChild(el('span', 'actors__count', `(${members.length})`));
    section.appendChild(heading);
    const list = el('ul', 'actors__list');
    for (const group of members) {
      const li = el('li', 'actor');
      const button = el('button', `actor__button sorot-kind--${kind}`);
      button.type = 'button';
      button.setAttribute('aria-pressed', 'false');
      button.dataset.actorKey = group.key;
      const name = el('span', 'actor__name', group.name);
      name.lang = 'id';
      button.appendChild(name);
      const count = el('span', 'actor__mentions', String(group.mentions));
      count.setAttribute('aria-label', `${group.mentions} mention${group.mentions === 1 ? '' : 's'}`);
      count.title = count.getAttribute('aria-label');
      button.appendChild(count);
      button.addEventListener('click', () => toggleFilter(group, button));
      li.appendChild(button);
      if (group.roles.size) {
        const role = el('p', 'actor__role', Array.from(group.roles).join('; '));
        role.lang = 'id';
        li.appendChild(role);
      }
      if (group.quotes.length) {
        const details = el('details', 'actor__quotes');
        details.appendChild(el('summary', '', `${group.quotes.length} quote${group.quotes.length === 1 ? '' : 's'}`));
        // Several articles: what each one quotes, under the article's title.
        const titles = [...new Set(group.quotes.map((q) => q.title))];
        for (const title of titles) {
          if (current.length > 1 && title) {
            const h = el('p', 'actor__source', title);
            h.lang = 'en';
            details.appendChild(h);
          }
          const ql = el('ul', '');
          for (const { quote } of group.quotes.filter((q) => q.title === title)) {
            const text = quote.text.trim();
            const item = el('li', `actor__quote actor__quote--${quote.kind}`, text.length > 180 ? `${text.slice(0, 177).trimEnd()}…` : text);
            item.lang = 'id';
            ql.appendChild(item);
          }
          details.appendChild(ql);
        }
        li.appendChild(details);
      }
      list.appendChild(li);
    }
    section.appendChild(list);
    actorListEl.appendChild(section);
  }
}

function toggleFilter(group, button) {
  const on = activeFilter !== group.key;
  activeFilter = on ? group.key : null;
  for (const other of actorListEl.querySelectorAll('.actor__button')) {
    other.setAttribute('aria-pressed', String(other === button && on));
  }
  for (const item of current) {
    const ref = on ? group.refs.find((r) => r.reader === item.reader) : null;
    // Articles without this actor show no highlights while the filter is on.
    item.reader.setFilter(on ? (ref ? ref.actorId : '\u0000none') : null);
  }
}

async function showSeeds(indices) {
  clearView();
  pasteForm.hidden = true;
  const token = viewToken;
  const started = performance.now();
  try {
    const texts = await Promise.all(indices.map((i) => seedText(SEEDS[i].file)));
    if (token !== viewToken) return;
    performance.mark('sorot:seeds-loaded');
    // Every article's text shows at once, but only the first is analysed
    // straight away, so its text and highlights paint in one frame: the
    // others wait until those highlights are painted.
    let first = null;
    const entries = indices.map((i, k) => {
      const entry = addArticle(texts[k], {
        title: SEEDS[i].title,
        file: SEEDS[i].file,
        source: new URL(SEEDS[i].file, document.baseURI).href,
        after: first,
      });
      if (k === 0) {
        first = entry.then(() => {
          if (token === viewToken) markFirstHighlights();
        }).then(afterPaint);
        first.catch(() => {}); // a failure is reported through `entries`
      }
      return entry;
    });
    // `first` too: the panel follows only once the first highlights are painted.
    await Promise.all([...entries, first]);
    if (token !== viewToken) return;
    afterMount(started);
  } catch (error) {
    if (token === viewToken) showError(error);
  }
}

function showPaste() {
  clearView();
  pasteForm.hidden = false;
  statusEl.textContent = 'Paste an article and press Annotate.';
}

async function annotatePasted() {
  const text = $('#paste-text').value;
  const lang = $('#paste-lang').value;
  clearView();
  pasteForm.hidden = false;
  if (!text.trim()) {
    statusEl.textContent = 'Nothing to annotate: the box is empty.';
    return;
  }
  const token = viewToken;
  const started = performance.now();
  try {
    await addArticle(text, { title: 'Your article', source: 'urn:sorot:pasted', lang });
    if (token !== viewToken) return;
    markFirstHighlights();
    afterMount(started);
  } catch (error) {
    if (token === viewToken) showError(error);
  }
}

function afterMount(started) {
  // Each reader already follows the toggle: addArticle set it once highlighted.
  const t0 = performance.now();
  renderPanel();
  performance.measure('sorot:panel', { start: t0 });
  jsonButton.disabled = false;
  annoButton.disabled = false;
  summarise(started);
}

function download(name, value) {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = el('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function baseName() {
  if (current.length === 1 && current[0].file) return current[0].file.replace(/^.*\//, '').replace(/\.txt$/, '');
  return current.length > 1 ? 'story' : 'pasted';
}

jsonButton.addEventListener('click', () => {
  const docs = current.map((item) => item.reader.document);
  download(`${baseName()}.sorot.json`, docs.length === 1 ? docs[0] : current.map((item) => ({
    source: item.source, document: item.reader.document,
  })));
});

annoButton.addEventListener('click', () => {
  const collections = current.map((item, i) => toWebAnnotations(item.reader.document, item.reader.text, {
    source: item.source,
    idPrefix: item.source.startsWith('urn:') ? `${item.source}:${i}:` : undefined,
    label: item.title ? `Sorot: ${item.title}` : undefined,
  }));
  let result = collections[0];
  if (collections.length > 1) {
    const items = collections.flatMap((c) => c.first.items);
    result = {
      ...collections[0],
      id: new URL('#sorot-story-annotations', document.baseURI).href,
      label: 'Sorot: story view',
      total: items.length,
      first: { ...collections[0].first, id: new URL('#sorot-story-page-0', document.baseURI).href, items },
    };
  }
  download(`${baseName()}.annotations.jsonld`, result);
});

showToggle.addEventListener('change', () => {
  for (const item of current) item.reader.setEnabled(showToggle.checked);
});

pasteForm.addEventListener('submit', (event) => {
  event.preventDefault();
  annotatePasted();
});

function selectView(value) {
  const radio = document.querySelector(`input[name="view"][value="${value}"]`);
  if (radio) radio.checked = true;
  if (value === 'story') showSeeds([0, 1, 2]);
  else if (value === 'paste') showPaste();
  else showSeeds([Number(value) || 0]);
}

for (const radio of document.querySelectorAll('input[name="view"]')) {
  radio.addEventListener('change', () => {
    if (!radio.checked) return;
    history.replaceState(null, '', `#${radio.value}`);
    selectView(radio.value);
  });
}

const initial = decodeURIComponent(location.hash.slice(1));
// First load opens the story view: the three seed articles together.
selectView(['0', '1', '2', 'story', 'paste'].includes(initial) ? initial : 'story');
