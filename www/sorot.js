// Sorot reader widget: highlights who said what in an article.
//
// No bundler, no dependencies. The analysis runs in the wasm core
// (`./pkg/sorot.js`, built by build.sh), on the main thread for short texts
// and in a Web Worker (`./sorot-worker.js`) for long ones. The widget only
// sees spans (UTF-16 offsets into the analysed string, see the document
// JSON contract) and builds DOM with createElement/createTextNode: article
// text is never parsed as HTML.
//
//   import { mount } from './sorot.js';
//   const reader = mount(document.querySelector('article'), { lang: 'id' });
//   await reader.ready;      // highlights are in place
//   reader.unmount();        // the original nodes are back, byte for byte
//
// `toWebAnnotations` (at the end) is here too, so a page loads one module
// for the widget; `./export.js` re-exports it and, like this module, can be
// imported without a DOM (in Node, for the conversion alone).

/** Texts longer than this (UTF-16 code units) are analysed in a Web Worker. */
export const WORKER_THRESHOLD = 20000;

/** Elements whose text is never analysed nor wrapped. */
const SKIP = new Set([
  'script', 'style', 'template', 'noscript', 'textarea', 'select', 'option',
  'svg', 'math', 'iframe', 'object', 'canvas', 'video', 'audio',
]);

/** Elements that start a new line of analysis text (paragraph boundaries). */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details',
  'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'img', 'picture',
]);

const KIND_LABEL = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  document: 'Document',
};

let corePromise = null;
let worker = null;
let workerSeq = 0;
const workerJobs = new Map();
let cardSeq = 0;
/** Live controllers by root element, so a second mount replaces the first. */
const controllers = new WeakMap();

/**
 * Loads and initialises the wasm core once; resolves to the module.
 * @param {string|URL} [pkgUrl] URL of the wasm-bindgen ES module.
 */
export function loadCore(pkgUrl) {
  if (!corePromise) {
    const url = new URL(pkgUrl || './pkg/sorot.js', import.meta.url);
    // The wasm (`sorot_bg.wasm` beside the glue) is fetched and compiled
    // while the glue module loads, not once it has run. If that fails (a
    // glue of another name, a server without the wasm MIME type), the
    // glue's own loading takes over, with its own errors and fallbacks.
    const compiled = typeof WebAssembly.compileStreaming === 'function'
      ? WebAssembly.compileStreaming(fetch(new URL('sorot_bg.wasm', url))).catch(() => undefined)
      : undefined;
    corePromise = import(url.href).then(async (mod) => {
      const module = await compiled;
      await mod.default(module ? { module_or_path: module } : undefined);
      return mod;
    });
    corePromise.catch(() => { corePromise = null; });
  }
  return corePromise;
}

function coreOptions(options) {
  const out = {};
  if (options && options.lang) out.lang = options.lang;
  return out;
}

function analyzeInWorker(text, options) {
  if (!worker) {
    worker = new Worker(new URL('./sorot-worker.js', import.meta.url), { type: 'module' });
    const failAll = (message) => {
      for (const job of workerJobs.values()) job.reject(new Error(message));
      workerJobs.clear();
      worker = null;
    };
    worker.addEventListener('message', (event) => {
      const { id, document, error } = event.data;
      const job = workerJobs.get(id);
      if (!job) return;
      workerJobs.delete(id);
      if (error) job.reject(new Error(error));
      else job.resolve(document);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      failAll(`Sorot worker failed: ${event.message || 'could not start'}`);
    });
  }
  const id = ++workerSeq;
  return new Promise((resolve, reject) => {
    workerJobs.set(id, { resolve, reject });
    worker.postMessage({ id, text, options: coreOptions(options) });
  });
}

/**
 * Analyses `text` with the wasm core and resolves to the document JSON.
 * Long texts (over `options.workerThreshold`, default {@link WORKER_THRESHOLD})
 * go to a Web Worker so the page stays responsive; `options.worker` forces
 * (`true`) or forbids (`false`) it.
 * @param {string} text
 * @param {{lang?: string, worker?: boolean, workerThreshold?: number, pkgUrl?: string}} [options]
 */
export async function analyzeText(text, options = {}) {
  const threshold = options.workerThreshold ?? WORKER_THRESHOLD;
  const useWorker = options.worker ?? (text.length > threshold && typeof Worker === 'function');
  if (useWorker) return normalizeDocument(await analyzeInWorker(text, options));
  const core = await loadCore(options.pkgUrl);
  return normalizeDocument(core.analyze(text, coreOptions(options)));
}

/** Accepts the document as an object, a JSON string or nested Maps (serde-wasm-bindgen's default). */
function normalizeDocument(value) {
  if (typeof value === 'string') return JSON.parse(value);
  const plain = (v) => {
    if (v instanceof Map) return Object.fromEntries(Array.from(v, ([k, x]) => [k, plain(x)]));
    if (Array.isArray(v)) return v.map(plain);
    return v;
  };
  return value instanceof Map ? plain(value) : value;
}

/**
 * Collects the analysable text of `root`: the text nodes in document order
 * (skipping scripts, styles, form fields), with a '\n' inserted wherever a
 * block element starts or ends so paragraphs stay apart. Returns the analysis
 * string and, for each text node, its [start, end) in that string.
 */
function collectText(root) {
  const segments = [];
  const parts = [];
  let length = 0;
  let lastChar = '';
  let pendingBreak = false;
  const visit = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = child.data;
        if (!data) continue;
        if (pendingBreak && length > 0 && lastChar !== '\n') {
          parts.push('\n');
          length += 1;
        }
        pendingBreak = false;
        segments.push({ node: child, start: length, end: length + data.length });
        parts.push(data);
        length += data.length;
        lastChar = data[data.length - 1];
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const name = child.localName;
        if (SKIP.has(name)) continue;
        const block = BLOCKS.has(name);
        if (block) pendingBreak = true;
        visit(child);
        if (block) pendingBreak = true;
      }
    }
  };
  visit(root);
  return { text: parts.join(''), segments };
}

/** Renders plain text as one <p> per non-empty line; segments map into `text` itself. */
function renderPlainText(root, text) {
  const doc = root.ownerDocument;
  const segments = [];
  const frag = doc.createDocumentFragment();
  const lineBreak = /\r\n|\n|\r/g;
  let lineStart = 0;
  const addLine = (start, end) => {
    if (end <= start || !text.slice(start, end).trim()) return;
    const p = doc.createElement('p');
    const node = doc.createTextNode(text.slice(start, end));
    p.appendChild(node);
    frag.appendChild(p);
    segments.push({ node, start, end });
  };
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    addLine(lineStart, m.index);
    lineStart = m.index + m[0].length;
  }
  addLine(lineStart, text.length);
  root.appendChild(frag);
  return segments;
}

/** Appends a new `tag` element (class `cls`, text content `text`) to `parent`; text never goes through HTML. */
function appendElement(doc, parent, tag, cls, text) {
  const node = doc.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  parent.appendChild(node);
  return node;
}

function byStart(a, b) {
  return a.start - b.start || b.end - a.end;
}

/** Keeps ranges inside [0, length] and non-empty, sorted, dropping overlaps within one layer. */
function cleanRanges(ranges, length) {
  const sorted = ranges.filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end)
    && r.start >= 0 && r.end <= length && r.start < r.end).sort(byStart);
  const out = [];
  let lastEnd = -1;
  for (const r of sorted) {
    if (r.start >= lastEnd) {
      out.push(r);
      lastEnd = r.end;
    }
  }
  return out;
}

/**
 * A mounted reader. Create it with {@link mount}.
 */
class Reader {
  constructor(root, options) {
    this.root = root;
    this.options = options;
    /** The analysed string (offsets of `document` index into it). */
    this.text = '';
    /** The document JSON, once `ready` resolves. */
    this.document = null;
    /** Milliseconds spent analysing and decorating. */
    this.timing = { analyzeMs: 0, renderMs: 0 };
    this.mounted = true;
    this._records = [];
    this._originalChildren = null;
    this._rootClass = root.getAttribute('class');
    this._pieces = new Map();
    this._actors = new Map();
    this._quotes = new Map();
    this._mentionsByActor = new Map();
    this._quotesByActor = new Map();
    this._lit = [];
    this._active = null;
    this._focused = null;
    this._enabled = true;
    this._filter = null;
    this._card = null;
    this._listeners = [];
    this.ready = this._start();
  }

  async _start() {
    const { root, options } = this;
    let segments;
    if (typeof options.text === 'string') {
      this._originalChildren = Array.from(root.childNodes);
      for (const child of this._originalChildren) root.removeChild(child);
      this.text = options.text;
      segments = renderPlainText(root, options.text);
    } else {
      const collected = collectText(root);
      this.text = collected.text;
      segments = collected.segments;
    }
    const t0 = performance.now();
    const document = options.document
      ? options.document
      : await (options.analyze ? options.analyze(this.text, options) : analyzeText(this.text, options));
    const t1 = performance.now();
    if (!this.mounted) return this;
    this.document = document;
    this._index(document);
    this._decorate(segments, document);
    this._listen();
    root.classList.add('sorot-root');
    const t2 = performance.now();
    this.timing = { analyzeMs: t1 - t0, renderMs: t2 - t1 };
    root.dispatchEvent(new CustomEvent('sorot:ready', { detail: { reader: this, document } }));
    return this;
  }

  _index(doc) {
    for (const actor of doc.actors || []) {
      this._actors.set(actor.id, actor);
      this._mentionsByActor.set(actor.id, []);
      this._quotesByActor.set(actor.id, []);
    }
    for (const quote of doc.quotes || []) {
      this._quotes.set(quote.id, quote);
      if (quote.speaker && this._quotesByActor.has(quote.speaker)) {
        this._quotesByActor.get(quote.speaker).push(quote.id);
      }
    }
  }

  /** Replaces each text node touched by a quote or mention with wrapped copies. */
  _decorate(segments, doc) {
    const length = this.text.length;
    const quotes = cleanRanges((doc.quotes || []).map((q) => ({
      start: q.start, end: q.end, id: q.id, quote: q,
    })), length);
    const mentions = cleanRanges((doc.mentions || []).map((m, i) => ({
      start: m.start, end: m.end, id: `m${i}`, mention: m,
    })), length);
    for (const m of mentions) {
      const list = this._mentionsByActor.get(m.mention.actor);
      if (list) list.push(m.id);
    }
    const ownerDoc = this.root.ownerDocument;
    let qi = 0;
    let mi = 0;
    for (const seg of segments) {
      // The page may have changed the text while the analysis ran: leave such nodes alone.
      const stale = !this.root.contains(seg.node) || seg.node.data.length !== seg.end - seg.start;
      while (qi < quotes.length && quotes[qi].end <= seg.start) qi += 1;
      while (mi < mentions.length && mentions[mi].end <= seg.start) mi += 1;
      const qs = [];
      for (let j = qi; j < quotes.length && quotes[j].start < seg.end; j += 1) qs.push(quotes[j]);
      const ms = [];
      for (let j = mi; j < mentions.length && mentions[j].start < seg.end; j += 1) ms.push(mentions[j]);
      if (stale || (!qs.length && !ms.length)) continue;
      const cuts = new Set([seg.start, seg.end]);
      for (const r of qs.concat(ms)) {
        cuts.add(Math.max(seg.start, r.start));
        cuts.add(Math.min(seg.end, r.end));
      }
      const points = Array.from(cuts).sort((a, b) => a - b);
      const frag = ownerDoc.createDocumentFragment();
      const data = seg.node.data;
      let quoteSpan = null;
      let quoteId = null;
      let mentionSpan = null;
      let mentionId = null;
      for (let k = 0; k + 1 < points.length; k += 1) {
        const a = points[k];
        const b = points[k + 1];
        const q = qs.find((r) => r.start <= a && r.end >= b) || null;
        const m = ms.find((r) => r.start <= a && r.end >= b) || null;
        let parent = frag;
        if (q) {
          if (quoteId !== q.id) {
            quoteSpan = this._quoteSpan(q);
            frag.appendChild(quoteSpan);
            quoteId = q.id;
            mentionId = null;
          }
          parent = quoteSpan;
        } else if (quoteId !== null) {
          quoteId = null;
          mentionId = null;
        }
        if (m) {
          if (mentionId !== m.id) {
            mentionSpan = this._mentionSpan(m);
            parent.appendChild(mentionSpan);
            mentionId = m.id;
          }
          parent = mentionSpan;
        } else {
          mentionId = null;
        }
        parent.appendChild(ownerDoc.createTextNode(data.slice(a - seg.start, b - seg.start)));
      }
      const inserted = Array.from(frag.childNodes);
      seg.node.parentNode.replaceChild(frag, seg.node);
      this._records.push({ original: seg.node, inserted });
    }
    for (const list of this._pieces.values()) {
      if (list.length > 1) {
        list[0].classList.add('sorot-piece-first');
        list[list.length - 1].classList.add('sorot-piece-last');
      }
    }
  }

  _piece(span, id) {
    let list = this._pieces.get(id);
    if (!list) {
      list = [];
      this._pieces.set(id, list);
      span.tabIndex = this._enabled ? 0 : -1;
      span.classList.add('sorot-focusable');
    }
    list.push(span);
    span.dataset.sorotId = id;
    return span;
  }

  _quoteSpan(range) {
    const q = range.quote;
    const span = this.root.ownerDocument.createElement('span');
    span.className = `sorot-hl sorot-quote sorot-quote--${q.kind === 'indirect' ? 'indirect' : 'direct'}`;
    span.dataset.sorotQuote = q.id;
    if (q.speaker) span.dataset.sorotActor = q.speaker;
    return this._piece(span, q.id);
  }

  _mentionSpan(range) {
    const m = range.mention;
    const actor = this._actors.get(m.actor);
    const kind = actor && KIND_LABEL[actor.kind] ? actor.kind : 'person';
    const span = this.root.ownerDocument.createElement('span');
    span.className = `sorot-hl sorot-mention sorot-kind--${kind}`;
    span.dataset.sorotMention = range.id;
    span.dataset.sorotActor = m.actor;
    return this._piece(span, range.id);
  }

  _on(target, type, handler, opts) {
    target.addEventListener(type, handler, opts);
    this._listeners.push(() => target.removeEventListener(type, handler, opts));
  }

  _listen() {
    const { root } = this;
    const view = root.ownerDocument.defaultView;
    const highlightOf = (node) => {
      const el = node && node.nodeType === Node.ELEMENT_NODE ? node : node && node.parentElement;
      const hl = el && el.closest('.sorot-hl');
      return hl && root.contains(hl) ? hl : null;
    };
    this._on(root, 'pointerover', (event) => {
      const hl = highlightOf(event.target);
      if (hl) this._show(hl, event.clientY);
    });
    this._on(root, 'pointerout', (event) => {
      const from = highlightOf(event.target);
      const to = highlightOf(event.relatedTarget);
      if (!from || to) return;
      if (this._focused && root.contains(this._focused)) this._show(this._focused);
      else this._hide();
    });
    this._on(root, 'focusin', (event) => {
      const hl = highlightOf(event.target);
      if (!hl) return;
      this._focused = hl;
      this._show(hl);
    });
    this._on(root, 'focusout', (event) => {
      if (highlightOf(event.relatedTarget)) return;
      this._focused = null;
      this._hide();
    });
    this._on(root, 'click', (event) => {
      const hl = highlightOf(event.target);
      if (hl) this._show(hl, event.clientY);
    });
    this._on(root.ownerDocument, 'keydown', (event) => {
      if (event.key === 'Escape' && this._active) {
        this._hide();
      }
    });
    const reposition = () => {
      if (this._active && this._activeEl) this._place(this._activeEl, this._activeY);
    };
    this._on(view, 'scroll', reposition, { passive: true });
    this._on(view, 'resize', reposition, { passive: true });
  }

  _ensureCard() {
    if (this._card) return this._card;
    const doc = this.root.ownerDocument;
    const card = doc.createElement('div');
    card.className = 'sorot-card';
    card.id = `sorot-card-${++cardSeq}`;
    card.setAttribute('role', 'tooltip');
    card.hidden = true;
    // Inside the page's main landmark when there is one, so assistive
    // technology finds it with the article; position: fixed places it.
    const parent = this.options.cardParent
      || (this.root.parentElement && this.root.parentElement.closest('main, [role="main"]'))
      || doc.body;
    parent.appendChild(card);
    this._card = card;
    return card;
  }

  /** Shows the card for highlight `el` and lights up its related highlights. */
  _show(el, clientY) {
    if (!this._enabled) return;
    const id = el.dataset.sorotId;
    const card = this._ensureCard();
    if (this._active !== id) {
      this._unlight();
      this._active = id;
      const related = [id];
      if (el.dataset.sorotQuote) {
        const quote = this._quotes.get(id);
        this._fillQuoteCard(card, quote);
        if (quote && quote.speaker) related.push(...(this._mentionsByActor.get(quote.speaker) || []));
      } else {
        const actorId = el.dataset.sorotActor;
        this._fillActorCard(card, actorId);
        related.push(...(this._mentionsByActor.get(actorId) || []));
        related.push(...(this._quotesByActor.get(actorId) || []));
      }
      for (const rid of related) {
        for (const piece of this._pieces.get(rid) || []) {
          piece.classList.add('sorot-lit');
          this._lit.push(piece);
        }
      }
      for (const piece of this._pieces.get(id) || []) piece.classList.add('sorot-active');
      const first = (this._pieces.get(id) || [el])[0];
      this._describedEl = first;
      first.setAttribute('aria-describedby', card.id);
    }
    card.hidden = false;
    this._activeEl = el;
    this._activeY = clientY;
    this._place(el, clientY);
    this.root.dispatchEvent(new CustomEvent('sorot:card', { detail: { id } }));
  }

  _hide() {
    if (this._card) this._card.hidden = true;
    this._unlight();
    this._active = null;
    this._activeEl = null;
  }

  _unlight() {
    for (const piece of this._lit) piece.classList.remove('sorot-lit');
    this._lit = [];
    if (this._active) {
      for (const piece of this._pieces.get(this._active) || []) piece.classList.remove('sorot-active');
    }
    if (this._describedEl) {
      this._describedEl.removeAttribute('aria-describedby');
      this._describedEl = null;
    }
  }

  /**
   * Positions the card below the hovered line of `el` (the line box nearest
   * `clientY`, or the first line when focused), or above it if there is no
   * room below, so it never covers the line being read.
   */
  _place(el, clientY) {
    const card = this._card;
    const view = this.root.ownerDocument.defaultView;
    const rects = Array.from(el.getClientRects());
    if (!rects.length) return;
    let line = rects[0];
    if (typeof clientY === 'number') {
      line = rects.find((r) => clientY >= r.top && clientY <= r.bottom) || line;
    }
    const gap = 8;
    const margin = 8;
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    const vw = view.innerWidth;
    const vh = view.innerHeight;
    let top = line.bottom + gap;
    let placement = 'below';
    if (top + height > vh - margin && line.top - gap - height >= margin) {
      top = line.top - gap - height;
      placement = 'above';
    }
    const left = Math.max(margin, Math.min(line.left, vw - width - margin));
    card.style.setProperty('left', `${Math.round(left)}px`);
    card.style.setProperty('top', `${Math.round(top)}px`);
    card.dataset.placement = placement;
  }

  _fillQuoteCard(card, quote) {
    const doc = this.root.ownerDocument;
    card.replaceChildren();
    const add = (parent, tag, cls, text) => appendElement(doc, parent, tag, cls, text);
    add(card, 'p', 'sorot-card__kind', quote.kind === 'indirect' ? 'Indirect quote' : 'Direct quote');
    const speaker = quote.speaker ? this._actors.get(quote.speaker) : null;
    if (speaker) {
      add(card, 'p', 'sorot-card__name', speaker.name);
      if (speaker.role) add(card, 'p', 'sorot-card__role', speaker.role);
    } else {
      add(card, 'p', 'sorot-card__name sorot-card__name--unknown', 'Speaker not identified');
    }
    const facts = add(card, 'dl', 'sorot-card__facts');
    if (quote.cue && quote.cue.text) {
      add(facts, 'dt', '', 'Cue');
      add(facts, 'dd', 'sorot-card__cue', quote.cue.text);
    }
    if (typeof quote.confidence === 'number') {
      add(facts, 'dt', '', 'Confidence');
      add(facts, 'dd', '', `${Math.round(quote.confidence * 100)}%`);
    }
  }

  _fillActorCard(card, actorId) {
    const doc = this.root.ownerDocument;
    const actor = this._actors.get(actorId);
    card.replaceChildren();
    const add = (parent, tag, cls, text) => appendElement(doc, parent, tag, cls, text);
    if (!actor) {
      add(card, 'p', 'sorot-card__name', 'Unknown actor');
      return;
    }
    add(card, 'p', `sorot-card__kind sorot-card__kind--${actor.kind}`, KIND_LABEL[actor.kind] || actor.kind);
    add(card, 'p', 'sorot-card__name', actor.name);
    if (actor.role) add(card, 'p', 'sorot-card__role', actor.role);
    const mentions = (this._mentionsByActor.get(actorId) || []).length;
    const quoteIds = this._quotesByActor.get(actorId) || [];
    const facts = add(card, 'dl', 'sorot-card__facts');
    if (actor.aliases && actor.aliases.length) {
      add(facts, 'dt', '', 'Also');
      add(facts, 'dd', '', actor.aliases.join(', '));
    }
    add(facts, 'dt', '', 'Mentions');
    add(facts, 'dd', '', String(mentions));
    add(facts, 'dt', '', 'Quotes');
    add(facts, 'dd', '', String(quoteIds.length));
    if (quoteIds.length) {
      add(card, 'p', 'sorot-card__said', 'Said:');
      const list = add(card, 'ul', 'sorot-card__quotes');
      for (const qid of quoteIds.slice(0, 3)) {
        const text = this._quotes.get(qid).text.trim();
        add(list, 'li', '', text.length > 140 ? `${text.slice(0, 137).trimEnd()}…` : text);
      }
      if (quoteIds.length > 3) add(card, 'p', 'sorot-card__more', `and ${quoteIds.length - 3} more`);
    }
  }

  /**
   * Shows only the highlights of one actor (its mentions and its quotes);
   * `null` shows all again.
   * @param {string|null} actorId
   */
  setFilter(actorId) {
    for (const list of this._pieces.values()) {
      for (const piece of list) piece.classList.remove('sorot-match');
    }
    this._filter = actorId || null;
    this.root.classList.toggle('sorot-filtering', Boolean(this._filter));
    if (!this._filter) return;
    const ids = [...(this._mentionsByActor.get(actorId) || []), ...(this._quotesByActor.get(actorId) || [])];
    for (const id of ids) {
      for (const piece of this._pieces.get(id) || []) piece.classList.add('sorot-match');
    }
  }

  /**
   * Turns the highlights on or off (off: plain text, not focusable, no cards).
   * @param {boolean} enabled
   */
  setEnabled(enabled) {
    this._enabled = Boolean(enabled);
    this.root.classList.toggle('sorot-off', !this._enabled);
    if (!this._enabled) this._hide();
    for (const list of this._pieces.values()) list[0].tabIndex = this._enabled ? 0 : -1;
  }

  /** Mention ids (`m0`, …) of one actor, in reading order. */
  mentionsOf(actorId) {
    return (this._mentionsByActor.get(actorId) || []).slice();
  }

  /** Quote ids of one actor, in reading order. */
  quotesOf(actorId) {
    return (this._quotesByActor.get(actorId) || []).slice();
  }

  /** Removes every highlight and listener and puts the original nodes back. */
  unmount() {
    if (!this.mounted) return;
    this.mounted = false;
    this._hide();
    for (const off of this._listeners) off();
    this._listeners = [];
    if (this._card) this._card.remove();
    this._card = null;
    for (let i = this._records.length - 1; i >= 0; i -= 1) {
      const { original, inserted } = this._records[i];
      const anchor = inserted.find((n) => n.parentNode);
      if (anchor) anchor.parentNode.insertBefore(original, anchor);
      for (const node of inserted) node.remove();
    }
    this._records = [];
    if (this._originalChildren) {
      this.root.replaceChildren(...this._originalChildren);
      this._originalChildren = null;
    }
    if (this._rootClass === null) this.root.removeAttribute('class');
    else this.root.setAttribute('class', this._rootClass);
    if (controllers.get(this.root) === this) controllers.delete(this.root);
  }
}

/**
 * Analyses the text of `element` and highlights its actors and quotes.
 *
 * Options: `lang` ('id' | 'en'); `text` (render this plain text instead of
 * the element's own content, one <p> per line); `document` (use this
 * document JSON instead of analysing); `analyze(text, options)` (custom
 * analyser); `worker`, `workerThreshold`, `pkgUrl` (see {@link analyzeText});
 * `cardParent` (element to hold the card; default: the enclosing <main>, else <body>).
 *
 * Returns the reader at once; `reader.ready` resolves when the highlights
 * are in place. Mounting an element again unmounts the previous reader first.
 * @param {Element} element
 * @param {object} [options]
 * @returns {Reader}
 */
export function mount(element, options = {}) {
  if (!element || element.nodeType !== Node.ELEMENT_NODE) {
    throw new TypeError('sorot.mount: expected an Element');
  }
  const previous = controllers.get(element);
  if (previous) previous.unmount();
  const reader = new Reader(element, options);
  controllers.set(element, reader);
  return reader;
}

/** The reader mounted on `element`, if any. */
export function readerOf(element) {
  return controllers.get(element) || null;
}

/**
 * `<sorot-reader lang="id">…article…</sorot-reader>`: highlights its own
 * children once connected; changing `lang` re-analyses. Fires
 * `sorot:ready` when done.
 */
export class SorotReader extends (typeof HTMLElement === 'function' ? HTMLElement : class {}) {
  static get observedAttributes() {
    return ['lang'];
  }

  connectedCallback() {
    // Children parsed after the upgrade arrive before the next task.
    queueMicrotask(() => this.refresh());
  }

  disconnectedCallback() {
    if (this.reader) this.reader.unmount();
    this.reader = null;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.reader) this.refresh();
  }

  /** Re-reads the children and re-highlights them. */
  refresh() {
    if (!this.isConnected) return null;
    if (this.reader) this.reader.unmount();
    this.reader = mount(this, { lang: this.getAttribute('lang') || 'id' });
    this.reader.ready.catch((error) => {
      this.dispatchEvent(new CustomEvent('sorot:error', { detail: { error } }));
    });
    return this.reader;
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('sorot-reader')) {
  customElements.define('sorot-reader', SorotReader);
}

// ---- Web Annotations export (also importable as ./export.js) ----
//
// Converts a Sorot document JSON into W3C Web Annotations (JSON-LD).
//
// Each quote and each mention becomes one Annotation whose target carries a
// TextQuoteSelector (exact text with up to 32 characters of context) and a
// TextPositionSelector. The Web Annotation model counts positions in Unicode
// code points, while the document JSON counts UTF-16 code units, so offsets
// are converted here (they differ only around astral characters such as emoji).
const CONTEXT_CHARS = 32;

/** Returns a function mapping a UTF-16 offset of `text` to a code-point offset. */
function codePointMapper(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i += 1) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    // A low surrogate after a high one continues the same code point.
    const continues = c >= 0xdc00 && c <= 0xdfff && i > 0
      && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
    if (!continues) cp += 1;
    else map[i] = cp - 1;
  }
  map[text.length] = cp;
  return (i) => map[i];
}

/** Slices `text` by code points without splitting a surrogate pair. */
function contextSlice(text, from, to) {
  let a = Math.max(0, from);
  let b = Math.min(text.length, to);
  const low = (i) => i > 0 && i < text.length && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
  if (low(a)) a += 1;
  if (low(b)) b -= 1;
  return text.slice(a, b);
}

function selectors(text, start, end, toCp) {
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: contextSlice(text, start - CONTEXT_CHARS, start),
      suffix: contextSlice(text, end, end + CONTEXT_CHARS),
    },
    { type: 'TextPositionSelector', start: toCp(start), end: toCp(end) },
  ];
}

/**
 * Builds a W3C Web Annotation collection for `doc`, the document JSON of
 * `text` (the exact string that was analysed).
 * @param {object} doc document JSON (version 1)
 * @param {string} text the analysed text
 * @param {{source?: string, idPrefix?: string, label?: string}} [options]
 *   `source`: IRI of the annotated text; `idPrefix`: prefix of annotation ids.
 * @returns {object} an AnnotationCollection with one AnnotationPage
 */
export function toWebAnnotations(doc, text, options = {}) {
  if (!doc || typeof text !== 'string') throw new TypeError('toWebAnnotations(doc, text): missing document or text');
  const source = options.source || 'urn:sorot:text';
  const prefix = options.idPrefix || `${source}#sorot-`;
  const toCp = codePointMapper(text);
  const actors = new Map((doc.actors || []).map((a) => [a.id, a]));
  const items = [];
  for (const quote of doc.quotes || []) {
    const speaker = quote.speaker ? actors.get(quote.speaker) : null;
    const who = speaker ? `${speaker.name}${speaker.role ? `, ${speaker.role}` : ''}` : 'unidentified speaker';
    const body = [
      { type: 'TextualBody', purpose: 'tagging', value: `${quote.kind || 'direct'} quote`, format: 'text/plain' },
      { type: 'TextualBody', purpose: 'describing', value: `Said by ${who}`, format: 'text/plain' },
    ];
    if (quote.cue && quote.cue.text) {
      body.push({ type: 'TextualBody', purpose: 'commenting', value: `Cue: ${quote.cue.text}`, format: 'text/plain' });
    }
    items.push({
      id: `${prefix}${quote.id}`,
      type: 'Annotation',
      motivation: 'describing',
      created: options.created,
      body,
      target: { source, selector: selectors(text, quote.start, quote.end, toCp) },
    });
  }
  (doc.mentions || []).forEach((mention, i) => {
    const actor = actors.get(mention.actor);
    items.push({
      id: `${prefix}m${i}`,
      type: 'Annotation',
      motivation: 'identifying',
      body: [
        { type: 'TextualBody', purpose: 'identifying', value: actor ? actor.name : mention.text, format: 'text/plain' },
        { type: 'TextualBody', purpose: 'classifying', value: actor ? actor.kind : 'unknown', format: 'text/plain' },
      ],
      target: { source, selector: selectors(text, mention.start, mention.end, toCp) },
    });
  });
  for (const item of items) if (item.created === undefined) delete item.created;
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${prefix}annotations`,
    type: 'AnnotationCollection',
    label: options.label || 'Sorot: actors and quotes',
    total: items.length,
    first: { id: `${prefix}annotations-page-0`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
