//! The wasm boundary in real browsers (`wasm-pack test --headless --chrome
//! --firefox`): results are plain JS objects with UTF-16 offsets, and errors
//! are JS `Error`s that leave the module usable.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = "Kementerian Luar Negeri menolak tuduhan itu. \
“Kami tidak pernah menerima permintaan resmi,” kata Budi Santoso, juru bicara kementerian, \
kepada wartawan di Jakarta, Senin.";

/// The wasm export, called as JavaScript calls it: with a JS string.
fn analyze(text: &str, options: JsValue) -> Result<JsValue, wasm_bindgen::JsError> {
    sorot::wasm::analyze(&JsString::from(text), options)
}

/// `obj[key]`, which must exist.
fn get(obj: &JsValue, key: &str) -> JsValue {
    let v = Reflect::get(obj, &JsValue::from_str(key)).expect("readable property");
    assert!(!v.is_undefined(), "property {key:?} is missing");
    v
}

fn array(obj: &JsValue, key: &str) -> Array {
    get(obj, key)
        .dyn_into::<Array>()
        .unwrap_or_else(|_| panic!("{key:?} is not an array"))
}

fn string(obj: &JsValue, key: &str) -> String {
    get(obj, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key:?} is not a string"))
}

fn number(obj: &JsValue, key: &str) -> u32 {
    get(obj, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key:?} is not a number")) as u32
}

/// Options object built from `(key, value)` pairs.
fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

/// The message of the JS `Error` an export threw.
fn message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let err: JsValue = result.expect_err("an error").into();
    let err = err.dyn_into::<js_sys::Error>().expect("a JS Error");
    String::from(err.message())
}

/// Asserts every `text` equals the JS `slice(start, end)` of the input.
fn assert_slices(input: &str, items: &Array) {
    let js_input = JsString::from(input);
    for item in items.iter() {
        let (start, end) = (number(&item, "start"), number(&item, "end"));
        assert!(start <= end, "start {start} > end {end}");
        assert_eq!(
            String::from(js_input.slice(start, end)),
            string(&item, "text")
        );
    }
}

#[wasm_bindgen_test]
fn seed_paragraph_quote_has_a_known_speaker() {
    let doc = analyze(SEED, JsValue::UNDEFINED).expect("analysis");
    assert_eq!(number(&doc, "version"), 1);
    assert_eq!(string(&doc, "lang"), "id");
    let actor_ids: Vec<String> = array(&doc, "actors")
        .iter()
        .map(|a| string(&a, "id"))
        .collect();
    let quotes = array(&doc, "quotes");
    assert!(quotes.length() >= 1, "no quote found");
    let q = quotes.get(0);
    assert_eq!(
        string(&q, "text"),
        "Kami tidak pernah menerima permintaan resmi,"
    );
    let speaker = string(&q, "speaker");
    assert!(
        actor_ids.contains(&speaker),
        "speaker {speaker} not among actors {actor_ids:?}"
    );
    let who = array(&doc, "actors")
        .iter()
        .find(|a| string(a, "id") == speaker)
        .unwrap();
    assert_eq!(string(&who, "name"), "Budi Santoso");
    assert_slices(SEED, &quotes);
    assert_slices(SEED, &array(&doc, "mentions"));
}

#[wasm_bindgen_test]
fn absent_values_are_null_not_undefined() {
    let doc = analyze("“Siap.”", JsValue::NULL).expect("analysis");
    for q in array(&doc, "quotes").iter() {
        let cue = Reflect::get(&q, &JsValue::from_str("cue")).unwrap();
        assert!(
            cue.is_null() || cue.is_object(),
            "cue is neither null nor an object"
        );
        let speaker = Reflect::get(&q, &JsValue::from_str("speaker")).unwrap();
        assert!(
            speaker.is_null() || speaker.is_string(),
            "speaker is neither null nor a string"
        );
    }
}

#[wasm_bindgen_test]
fn offsets_are_utf16_after_emoji() {
    // 😀 is two UTF-16 units and four UTF-8 bytes; € is one unit and three bytes.
    let text = format!("😀😀 Harga naik 5€. {}", SEED);
    let doc = analyze(&text, JsValue::UNDEFINED).expect("analysis");
    let quotes = array(&doc, "quotes");
    assert!(quotes.length() >= 1, "no quote found");
    let js_text = JsString::from(text.as_str());
    let q = quotes.get(0);
    let start = number(&q, "start");
    // The quote begins right after the opening mark “ in UTF-16 units.
    let mark = text.find('“').unwrap();
    let units_before = text[..mark].encode_utf16().count() as u32 + 1;
    assert_eq!(start, units_before);
    assert_eq!(
        String::from(js_text.slice(start, number(&q, "end"))),
        "Kami tidak pernah menerima permintaan resmi,"
    );
    assert_slices(&text, &quotes);
    assert_slices(&text, &array(&doc, "mentions"));
}

#[wasm_bindgen_test]
fn bad_options_throw_and_the_module_keeps_working() {
    let unknown = message(analyze(
        SEED,
        options(&[("language", "id".into())]),
    ));
    assert!(
        unknown.contains("unknown field") && unknown.contains("language"),
        "{unknown}"
    );

    let mistyped = message(analyze(
        SEED,
        options(&[("maxQuoteChars", "many".into())]),
    ));
    assert!(mistyped.contains("invalid type"), "{mistyped}");

    let negative = message(analyze(
        SEED,
        options(&[("maxInputBytes", (-1.0).into())]),
    ));
    assert!(negative.contains("bad options"), "{negative}");

    let not_object = message(analyze(SEED, "id".into()));
    assert!(not_object.contains("bad options"), "{not_object}");

    let lang = message(analyze(
        SEED,
        options(&[("lang", "xx".into())]),
    ));
    assert!(
        lang.contains("unknown language") && lang.contains("\"xx\""),
        "{lang}"
    );

    let doc =
        analyze(SEED, options(&[("lang", "id".into())])).expect("works after errors");
    assert!(array(&doc, "quotes").length() >= 1);
}

#[wasm_bindgen_test]
fn input_over_the_limit_is_refused_with_the_limit_in_the_message() {
    let limit = 64.0;
    let msg = message(analyze(
        SEED,
        options(&[("maxInputBytes", limit.into())]),
    ));
    assert!(msg.contains("limit of 64 bytes"), "{msg}");
    assert!(msg.contains(&SEED.len().to_string()), "{msg}");
    // The same text under a large enough limit goes through.
    let ok = analyze(
        SEED,
        options(&[("maxInputBytes", (SEED.len() as f64).into())]),
    );
    assert!(ok.is_ok());
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(sorot::wasm::version(), env!("CARGO_PKG_VERSION"));
}

/// The packed boundary builds the same document the CLI prints: equal as
/// JSON, key order included, on every seed article.
#[wasm_bindgen_test]
fn documents_equal_the_cli_json_on_the_seeds() {
    for text in SEEDS {
        let doc = analyze(text, JsValue::UNDEFINED).expect("analysis");
        let native = sorot::analyze(text, &sorot::Options::default()).expect("native analysis");
        let json = serde_json::to_string(&native).unwrap();
        // Through JSON.parse so that numbers print the JavaScript way (0.0 → 0).
        let want = js_sys::JSON::stringify(&js_sys::JSON::parse(&json).unwrap()).unwrap();
        let got = js_sys::JSON::stringify(&doc).unwrap();
        assert_eq!(String::from(got), String::from(want));
        assert!(array(&doc, "quotes").length() >= 1, "a seed has quotes");
    }
}

/// The seed articles of the demo page.
const SEEDS: [&str; 3] = [
    include_str!("../www/seeds/000_f0ba90d2506ff8da.txt"),
    include_str!("../www/seeds/001_ccf68a1d162bdb17.txt"),
    include_str!("../www/seeds/002_2ec4e416ec4a52c8.txt"),
];

#[wasm_bindgen_test]
fn text_that_is_not_a_string_throws() {
    let err = sorot::wasm::analyze(JsValue::from_f64(42.0).unchecked_ref::<JsString>(), JsValue::UNDEFINED);
    let msg = message(err);
    assert!(msg.contains("bad text") && msg.contains("number"), "{msg}");
    assert!(analyze(SEED, JsValue::UNDEFINED).is_ok());
}

/// Bytes of wasm linear memory now.
fn memory_bytes() -> f64 {
    let memory = wasm_bindgen::memory().dyn_into::<js_sys::WebAssembly::Memory>().unwrap();
    memory.buffer().dyn_into::<js_sys::ArrayBuffer>().unwrap().byte_length() as f64
}

/// 1,000 successive analyses of one article: wasm memory stops growing
/// after the first few (nothing leaks per call).
#[wasm_bindgen_test]
fn memory_does_not_grow_over_a_thousand_analyses() {
    let text = SEEDS[0];
    for _ in 0..10 {
        analyze(text, JsValue::UNDEFINED).expect("analysis");
    }
    let warm = memory_bytes();
    for _ in 0..1000 {
        let doc = analyze(text, JsValue::UNDEFINED).expect("analysis");
        assert!(array(&doc, "mentions").length() > 0);
    }
    assert_eq!(memory_bytes(), warm, "wasm memory grew after warm-up");
}
