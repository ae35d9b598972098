//! Hostile input through the wasm boundary in real browsers
//! (`wasm-pack test --headless --chrome --firefox -- --test wasm_hostile`):
//! lone surrogates from JavaScript, hostile text, and errors that leave
//! the module usable for the next call.
//!
//! A JS string may hold lone surrogates, which no Rust `&str` can. The
//! core reads each as U+FFFD, one UTF-16 unit like the surrogate it
//! replaces, so offsets stay exact; every `text` is then sliced from the
//! caller's string: for every span, `input.slice(start, end) === text`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("readable property")
}

fn array(obj: &JsValue, key: &str) -> Array {
    get(obj, key).dyn_into::<Array>().unwrap_or_else(|_| panic!("{key:?} is not an array"))
}

fn number(obj: &JsValue, key: &str) -> u32 {
    get(obj, key).as_f64().unwrap_or_else(|| panic!("{key:?} is not a number")) as u32
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

/// Analyses a JS string through the exported `analyze` and checks every
/// span against the original JS string: each `text` is exactly its slice.
fn analyze_js(input: &JsString) -> JsValue {
    let doc = sorot::wasm::analyze(input, JsValue::UNDEFINED).unwrap_or_else(|_| panic!("analysis failed"));
    let mut spans = Vec::new();
    for key in ["mentions", "quotes"] {
        for item in array(&doc, key).iter() {
            spans.push(item.clone());
            let cue = get(&item, "cue");
            if cue.is_object() {
                spans.push(cue);
            }
        }
    }
    for s in spans {
        let (start, end) = (number(&s, "start"), number(&s, "end"));
        assert!(start <= end && end <= input.length(), "span {start}..{end} outside the input");
        assert_eq!(JsValue::from(input.slice(start, end)), get(&s, "text"), "text is the slice {start}..{end}");
    }
    doc
}

/// `units` as a JS string (lone surrogates allowed).
fn js(units: &[u16]) -> JsString {
    JsString::from_char_code(units)
}

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

#[wasm_bindgen_test]
fn lone_surrogates_from_javascript_keep_offsets_exact() {
    let lone_high = 0xD83D;
    let lone_low = 0xDE00;
    let cases: Vec<Vec<u16>> = vec![
        vec![lone_high],
        vec![lone_low],
        vec![lone_low, lone_high],
        // Inside a quote, before a name, between words.
        [utf16("“Kami "), vec![lone_high], utf16(" siap,” kata Budi Santoso.")].concat(),
        [vec![lone_low], utf16("“Kami siap,” kata Budi"), vec![lone_high], utf16(" Santoso.")].concat(),
        [utf16("“"), vec![lone_high; 500], utf16("” kata Lim Soo-suk."), vec![lone_low; 500]].concat(),
        // A valid pair next to lone halves.
        [vec![lone_high], utf16("😀"), vec![lone_low], utf16(" “😀,” ujar Presiden Joko Widodo.")].concat(),
    ];
    for units in &cases {
        analyze_js(&js(units));
    }
    let doc = analyze_js(&js(&cases[3]));
    let quotes = array(&doc, "quotes");
    assert_eq!(quotes.length(), 1);
    assert_eq!(number(&quotes.get(0), "start"), 1);
    // A slice of the caller's string: the lone surrogate is kept, not replaced.
    let want = js(&[utf16("Kami "), vec![lone_high], utf16(" siap,")].concat());
    assert_eq!(get(&quotes.get(0), "text"), JsValue::from(want));
}

#[wasm_bindgen_test]
fn hostile_text_through_the_boundary() {
    let many_marks = "“".repeat(100_000);
    let pairs = "“a” ".repeat(5_000);
    let token = "a".repeat(1_000_000);
    let html = "<script>alert(1)</script> “<img src=x onerror=alert(1)>,” kata Budi Santoso.";
    let controls = "\u{0}\u{1}\u{1b}[31m “Kami\u{0} siap,”\u{202e} kata Budi\u{200d} Santoso.\u{feff}";
    for t in ["", " \n\t ", many_marks.as_str(), pairs.as_str(), token.as_str(), html, controls] {
        analyze_js(&JsString::from(t));
    }
    let doc = analyze_js(&JsString::from(html));
    assert_eq!(get(&array(&doc, "quotes").get(0), "text").as_string().unwrap(), "<img src=x onerror=alert(1)>,");
}

/// The message of the JS `Error` a call threw.
fn message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let err: JsValue = result.expect_err("an error").into();
    let err = err.dyn_into::<js_sys::Error>().expect("a JS Error");
    String::from(err.message())
}

#[wasm_bindgen_test]
fn errors_keep_the_module_usable() {
    let text = &JsString::from("“Kami siap,” kata Budi Santoso.");
    let bad: Vec<(JsValue, &str)> = vec![
        (options(&[("maxInputBytes", JsValue::from(4))]), "over the limit of 4 bytes"),
        (options(&[("maxQuoteChars", JsValue::from(0))]), "maxQuoteChars must be at least 1"),
        (options(&[("lang", JsValue::from_str("xx"))]), "unknown language"),
        (options(&[("lang", JsValue::from(7))]), "bad options"),
        (options(&[("maxInputBytes", JsValue::from(-1))]), "bad options"),
        (options(&[("maxInputBytes", JsValue::from(f64::NAN))]), "bad options"),
        (options(&[("maxQuoteChars", JsValue::from(1.5))]), "invalid value for maxQuoteChars: expected a whole number"),
        (options(&[("maxInputBytes", JsValue::from(1e20))]), "from 0 to 4294967295"),
        (options(&[("maxInputBytes", JsValue::from(f64::INFINITY))]), "from 0 to 4294967295"),
        (options(&[("lang", JsValue::TRUE)]), "invalid type for lang: boolean, expected a string"),
        (options(&[("maxQuoteChars", JsValue::from_str("9"))]), "invalid type for maxQuoteChars: string \"9\""),
        (options(&[("nope", JsValue::TRUE)]), "unknown field"),
        (JsValue::from_str("id"), "expected an object"),
        (Array::new().into(), "expected an object, got array"),
    ];
    for round in 0..200 {
        for (opts, want) in &bad {
            let msg = message(sorot::wasm::analyze(text, opts.clone()));
            assert!(msg.starts_with("sorot: ") && msg.contains(want), "round {round}: {msg:?} lacks {want:?}");
        }
        let doc = sorot::wasm::analyze(text, JsValue::NULL).expect("the next call works");
        assert_eq!(array(&doc, "quotes").length(), 1, "round {round}");
    }
}
