//! The JavaScript boundary: [`analyze`] and [`version`], nothing else.
//!
//! Thin on purpose: options come in as a plain JS object, the [`Analysis`]
//! goes out as plain JS objects (the document JSON of `docs/document.md`,
//! `null` for absent values), and every failure is a JS `Error` with a
//! message, never a trap. Only owned data crosses the boundary.

use std::collections::BTreeMap;

use serde::de::{self, IgnoredAny};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::{Analysis, Options};

/// What every export returns: a value, or a JS `Error`.
type JsResult<T> = Result<T, JsError>;

/// The one error-mapping helper: any error becomes a JS `Error` whose
/// message reads `sorot: <context><error text>`.
fn js_error(context: &str, err: impl std::fmt::Display) -> JsError {
    let text = err.to_string();
    // serde-wasm-bindgen errors display as JavaScript's `String(error)`.
    let text = text.strip_prefix("Error: ").unwrap_or(&text);
    JsError::new(&format!("sorot: {context}{text}"))
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

/// `AnalyzeOptions` as JavaScript spells it; absent (or `null`) fields keep
/// [`Options::default`].
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AnalyzeOptions {
    lang: Option<String>,
    max_input_bytes: Option<usize>,
    max_quote_chars: Option<usize>,
    /// Every other key; serde-wasm-bindgen ignores `deny_unknown_fields`,
    /// so unknown keys are collected here and refused.
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

/// The keys of [`AnalyzeOptions`], for the unknown-key message.
const OPTION_KEYS: &[&str] = &["lang", "maxInputBytes", "maxQuoteChars"];

/// Reads the `options` argument: `undefined`/`null` means all defaults.
fn read_options(value: JsValue) -> JsResult<Options> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        let got = match js_sys::Array::is_array(&value) {
            true => "array".to_string(),
            false => value.js_typeof().as_string().unwrap_or_default(),
        };
        return Err(js_error(
            "bad options: ",
            format!("expected an object, got {got}"),
        ));
    }
    let js: AnalyzeOptions =
        serde_wasm_bindgen::from_value(value).map_err(|e| js_error("bad options: ", e))?;
    if let Some(key) = js.unknown.keys().next() {
        let err = <serde_wasm_bindgen::Error as de::Error>::unknown_field(key, OPTION_KEYS);
        return Err(js_error("bad options: ", err));
    }
    let d = Options::default();
    Ok(Options {
        lang: js.lang.unwrap_or(d.lang),
        max_input_bytes: js.max_input_bytes.unwrap_or(d.max_input_bytes),
        max_quote_chars: js.max_quote_chars.unwrap_or(d.max_quote_chars),
    })
}

/// Finds the actors and quotes of `text` and returns the document JSON as
/// plain JS objects. `options` may be `undefined`, `null` or an
/// `AnalyzeOptions` object.
///
/// Throws an `Error` for unknown or mistyped options, an unknown language,
/// or input over `maxInputBytes`; the module stays usable afterwards.
#[wasm_bindgen(unchecked_return_type = "SorotDocument")]
pub fn analyze(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "AnalyzeOptions | null")] options: JsValue,
) -> JsResult<JsValue> {
    let options = read_options(options)?;
    let analysis: Analysis = crate::analyze(text, &options).map_err(|e| js_error("", e))?;
    analysis
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error("cannot build the result: ", e))
}

/// The version of the `sorot` crate, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
