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
