//! The JavaScript boundary: [`analyze`] and [`version`], nothing else.
//!
//! Thin on purpose: options come in as a plain JS object, the [`Analysis`]
//! goes out as plain JS objects (the document JSON of `docs/document.md`,
//! `null` for absent values), and every failure is a JS `Error` with a
//! message, never a trap.
//!
//! What crosses the boundary, and how, decides the speed: building one JS
//! object per field from Rust costs more than the analysis. So the document
//! goes out **packed**: one `u32` array (counts, offsets, kinds, indexes)
//! that JavaScript reads in place as a view of wasm memory, and one string
//! table of the names, roles and aliases. A small JavaScript function
//! (`sorot_document`, below) builds the plain objects from them, and every `text`
//! field is a `slice` of the caller's own input string, which never makes
//! a second trip through wasm memory.

use js_sys::JsString;
use wasm_bindgen::prelude::*;

use crate::{ActorKind, Analysis, Options, QuoteKind};

/// What every export returns: a value, or a JS `Error`.
type JsResult<T> = Result<T, JsError>;

/// The one error-mapping helper: any error becomes a JS `Error` whose
/// message reads `sorot: <context><error text>`.
fn js_error(context: &str, err: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("sorot: {context}{err}"))
}

#[wasm_bindgen(inline_js = r#"
const NONE = 0xffffffff;
const ACTOR_KINDS = ['person', 'organization', 'place', 'document'];
const QUOTE_KINDS = ['direct', 'indirect'];
export function sorot_document(text, n, table) {
  let i = 0;
  const strings = n[i++];
  const base = i;
  i += strings + 1;
  const str = (k) => table.slice(n[base + k], n[base + k + 1]);
  const version = n[i++];
  const lang = str(n[i++]);
  const actorCount = n[i++], mentionCount = n[i++], quoteCount = n[i++];
  const actors = new Array(actorCount);
  for (let a = 0; a < actorCount; a++) {
    const id = str(n[i++]);
    const name = str(n[i++]);
    const kind = ACTOR_KINDS[n[i++]];
    const r = n[i++];
    const aliases = new Array(n[i++]);
    for (let k = 0; k < aliases.length; k++) aliases[k] = str(n[i++]);
    actors[a] = { id, name, kind, role: r === NONE ? null : str(r), aliases };
  }
  const mentions = new Array(mentionCount);
  for (let m = 0; m < mentionCount; m++) {
    const actor = actors[n[i++]].id, start = n[i++], end = n[i++];
    mentions[m] = { actor, start, end, text: text.slice(start, end) };
  }
  const quotes = new Array(quoteCount);
  for (let q = 0; q < quoteCount; q++) {
    const id = str(n[i++]), kind = QUOTE_KINDS[n[i++]], start = n[i++], end = n[i++];
    const s = n[i++], cs = n[i++], ce = n[i++];
    const confidence = (n[i++] | 0) / 100;
    quotes[q] = {
      id, kind, start, end, text: text.slice(start, end),
      speaker: s === NONE ? null : actors[s].id,
      cue: ce === NONE ? null : { start: cs, end: ce, text: text.slice(cs, ce) },
      confidence,
    };
  }
  return { version, lang, actors, mentions, quotes };
}
"#)]
extern "C" {
    /// `sorot_document(text, n, table)`, in JavaScript: builds the document
    /// objects from the packed form written by [`pack`].
    /// `n` is a `Uint32Array` view of wasm memory, valid only during the call;
    /// `table` holds every string of the document that is not a slice of
    /// `text`, addressed by UTF-16 boundaries in `n`. The layout:
    ///
    /// ```text
    /// strings, bound[0..=strings], version, lang, actors, mentions, quotes,
    /// actor:   id, name, kind, role|NONE, aliases, alias...
    /// mention: actor index, start, end
    /// quote:   id, kind, start, end, speaker index|NONE, cue start, cue end|NONE,
    ///          confidence in hundredths (i32)
    /// ```
    ///
    /// Keys are created in the order of the Rust types, so a document reads and
    /// serialises exactly like the CLI's JSON.
    #[wasm_bindgen(js_name = sorot_document)]
    fn build_document(text: &JsString, n: &[u32], table: &str) -> JsValue;
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Options of `analyze`; every field is optional, unknown fields are an error. */
export interface AnalyzeOptions {
  /** Language profile code: "id" (default) or "en". */
  lang?: string;
  /** Largest input accepted, in UTF-8 bytes (default 33554432). */
  maxInputBytes?: number;
  /** Longest direct quote between a pair of marks, in characters (default 4000). */
  maxQuoteChars?: number;
}

/** An actor of the article. */
export interface Actor {
  /** "a0", "a1", … in order of first mention. */
  id: string;
  /** The fullest name the article gives. */
  name: string;
  kind: "person" | "organization" | "place" | "document";
  /** Role or title of a person, if the text gives one. */
  role: string | null;
  /** Other names of the same actor in this article. */
  aliases: string[];
}

/** A place where the text names an actor. Offsets are UTF-16 code units. */
export interface Mention {
  /** Id of the actor named. */
  actor: string;
  start: number;
  end: number;
  /** Equals `text.slice(start, end)` of the input. */
  text: string;
}

/** A span of the input. Offsets are UTF-16 code units. */
export interface TextSpan {
  start: number;
  end: number;
  /** Equals `text.slice(start, end)` of the input. */
  text: string;
}

/** A quote: what was said, by whom. Offsets are UTF-16 code units. */
export interface Quote {
  /** "q0", "q1", … in reading order. */
  id: string;
  kind: "direct" | "indirect";
  /** Start of the content, quotation marks excluded. */
  start: number;
  end: number;
  /** Equals `text.slice(start, end)` of the input. */
  text: string;
  /** Id of the actor who said it, or null when the evidence is too weak. */
  speaker: string | null;
  /** The attribution phrase ("tambah Lim"), if any. */
  cue: TextSpan | null;
  /** From 0 (no speaker) to 1. */
  confidence: number;
}

/** The document JSON, version 1 (docs/document.md). */
export interface SorotDocument {
  version: 1;
  lang: string;
  /** In order of first mention. */
  actors: Actor[];
  /** Sorted by start; never overlapping each other. */
  mentions: Mention[];
  /** Sorted by start; never overlapping each other. */
  quotes: Quote[];
}
"#;

/// The keys of `AnalyzeOptions`, for the unknown-key message.
const OPTION_KEYS: &[&str] = &["lang", "maxInputBytes", "maxQuoteChars"];

/// What `value` is, for a message: its JS type, and a string's text.
/// Numbers are not printed: formatting an `f64` would pull ~18 KB of float
/// printing code into the wasm (that is why options are read here with
/// `js_sys::Reflect` and not through serde: serde's `invalid_type` errors
/// print the number).
fn describe(value: &JsValue) -> String {
    if let Some(s) = value.as_string() {
        return format!("string {s:?}");
    }
    if js_sys::Array::is_array(value) {
        return "array".to_string();
    }
    value.js_typeof().as_string().unwrap_or_default()
}

/// Reads option `key` of `object`: `None` when absent, `undefined` or `null`.
fn option_value(object: &JsValue, key: &str) -> JsResult<Option<JsValue>> {
    let value = js_sys::Reflect::get(object, &JsValue::from_str(key))
        .map_err(|_| js_error("bad options: ", format!("cannot read {key}")))?;
    Ok((!value.is_undefined() && !value.is_null()).then_some(value))
}

/// Option `key` as a string.
fn string_option(object: &JsValue, key: &str) -> JsResult<Option<String>> {
    option_value(object, key)?
        .map(|v| {
            v.as_string().ok_or_else(|| {
                js_error("bad options: ", format!("invalid type for {key}: {}, expected a string", describe(&v)))
            })
        })
        .transpose()
}

/// Option `key` as a count: a whole number from 0 to `usize::MAX`.
fn count_option(object: &JsValue, key: &str) -> JsResult<Option<usize>> {
    let Some(v) = option_value(object, key)? else { return Ok(None) };
    let Some(x) = v.as_f64() else {
        let msg = format!("invalid type for {key}: {}, expected a whole number", describe(&v));
        return Err(js_error("bad options: ", msg));
    };
    // `usize::MAX as f64` rounds up on 64-bit targets, so `<` (not `<=`) keeps
    // the cast exact there; on wasm32 it is exact and the bound is 2^32 - 1.
    if x.fract() != 0.0 || x < 0.0 || !(x < usize::MAX as f64 + 1.0) {
        let msg = format!("invalid value for {key}: expected a whole number from 0 to {}", usize::MAX);
        return Err(js_error("bad options: ", msg));
    }
    Ok(Some(x as usize))
}

/// Reads the `options` argument: `undefined`/`null` means all defaults, and
/// absent (or `null`) fields keep [`Options::default`].
fn read_options(value: JsValue) -> JsResult<Options> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(js_error("bad options: ", format!("expected an object, got {}", describe(&value))));
    }
    let keys = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>());
    if let Some(key) = keys.iter().filter_map(|k| k.as_string()).find(|k| !OPTION_KEYS.contains(&k.as_str())) {
        let msg = format!("unknown field `{key}`, expected one of `{}`", OPTION_KEYS.join("`, `"));
        return Err(js_error("bad options: ", msg));
    }
    let d = Options::default();
    Ok(Options {
        lang: string_option(&value, "lang")?.unwrap_or(d.lang),
        max_input_bytes: count_option(&value, "maxInputBytes")?.unwrap_or(d.max_input_bytes),
        max_quote_chars: count_option(&value, "maxQuoteChars")?.unwrap_or(d.max_quote_chars),
    })
}

/// Finds the actors and quotes of `text` and returns the document JSON as
/// plain JS objects. `options` may be `undefined`, `null` or an
/// `AnalyzeOptions` object.
///
/// Throws an `Error` when `text` is not a string, for unknown or mistyped
/// options, an unknown language, or input over `maxInputBytes`; the module
/// stays usable afterwards.
#[wasm_bindgen(unchecked_return_type = "SorotDocument")]
pub fn analyze(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsString,
    #[wasm_bindgen(unchecked_optional_param_type = "AnalyzeOptions | null")] options: JsValue,
) -> JsResult<JsValue> {
    let input = text
        .as_string()
        .ok_or_else(|| js_error("bad text: ", format!("expected a string, got {}", text.js_typeof().as_string().unwrap_or_default())))?;
    let options = read_options(options)?;
    let analysis: Analysis = crate::analyze(&input, &options).map_err(|e| js_error("", e))?;
    let (numbers, table) = pack(&analysis);
    Ok(build_document(text, &numbers, &table))
}

/// Marks an absent index or offset in the packed form.
const NONE: u32 = u32::MAX;

/// Strings of the packed form: one table, addressed by UTF-16 boundaries.
struct Table {
    text: String,
    /// UTF-16 offset in `text` after each string; starts with 0.
    bounds: Vec<u32>,
    units: u32,
}

impl Table {
    /// Appends `s` and returns its index.
    fn add(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        self.units += s.encode_utf16().count() as u32;
        self.bounds.push(self.units);
        (self.bounds.len() - 2) as u32
    }
}

/// An offset or count as `u32` (documents are far below 4 G units: input is
/// capped by `maxInputBytes`, and a JS string by 2^30 units).
fn u(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE - 1)
}

/// The packed form of `doc` read by `sorot_document`: the numbers and the
/// string table.
fn pack(doc: &Analysis) -> (Vec<u32>, String) {
    let mut t = Table { text: String::new(), bounds: vec![0], units: 0 };
    let mut n: Vec<u32> = Vec::with_capacity(8 + doc.actors.len() * 6 + doc.mentions.len() * 3 + doc.quotes.len() * 8);
    let lang = t.add(&doc.lang);
    n.extend([doc.version, lang, u(doc.actors.len()), u(doc.mentions.len()), u(doc.quotes.len())]);
    let mut index: crate::hash::HashMap<&str, u32> = crate::hash::HashMap::with_capacity_and_hasher(doc.actors.len(), Default::default());
    for (k, a) in doc.actors.iter().enumerate() {
        index.insert(a.id.as_str(), u(k));
        let kind = match a.kind {
            ActorKind::Person => 0,
            ActorKind::Organization => 1,
            ActorKind::Place => 2,
            ActorKind::Document => 3,
        };
        let (id, name) = (t.add(&a.id), t.add(&a.name));
        let role = a.role.as_deref().map_or(NONE, |r| t.add(r));
        n.extend([id, name, kind, role, u(a.aliases.len())]);
        for alias in &a.aliases {
            n.push(t.add(alias));
        }
    }
    let actor = |id: &str| index.get(id).copied().unwrap_or(NONE);
    for m in &doc.mentions {
        n.extend([actor(&m.actor), u(m.start), u(m.end)]);
    }
    for q in &doc.quotes {
        let kind = match q.kind {
            QuoteKind::Direct => 0,
            QuoteKind::Indirect => 1,
        };
        let speaker = q.speaker.as_deref().map_or(NONE, actor);
        let (cs, ce) = q.cue.as_ref().map_or((0, NONE), |c| (u(c.start), u(c.end)));
        // Hundredths, as the document rounds them; signed, read back with `| 0`.
        let confidence = (q.confidence * 100.0).round() as i32 as u32;
        n.extend([t.add(&q.id), kind, u(q.start), u(q.end), speaker, cs, ce, confidence]);
    }
    let mut out = Vec::with_capacity(t.bounds.len() + 1 + n.len());
    out.push(u(t.bounds.len() - 1));
    out.extend(&t.bounds);
    out.extend(n);
    (out, t.text)
}

/// The version of the `sorot` crate, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
