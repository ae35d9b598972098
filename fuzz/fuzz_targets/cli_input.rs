//! The CLI's per-input work (`sorot::cli::analyze_input`) on arbitrary
//! bytes: never panics; every output line is JSON (a document or an
//! `{"error"}` line); with `--per-line` one output line per input line.
//!
//! The first byte picks `--per-line` and a small `--max-input-bytes`, so
//! refusals are exercised too; the rest is the raw input, not necessarily
//! UTF-8.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&knobs, bytes)) = data.split_first() else { return };
    let per_line = knobs & 1 == 1;
    let options = sorot::Options {
        max_input_bytes: if knobs & 2 == 0 { usize::MAX } else { (knobs >> 2) as usize },
        ..sorot::Options::default()
    };
    let mut out = Vec::new();
    let errors = sorot::cli::analyze_input(bytes, per_line, &options, &mut out).expect("writing to a Vec never fails");
    let out = String::from_utf8(out).expect("output is UTF-8");
    let lines: Vec<&str> = out.lines().collect();
    for line in &lines {
        let v: serde_json::Value = serde_json::from_str(line).expect("each output line is JSON");
        assert!(v.get("version").is_some() || v.get("error").is_some(), "neither a document nor an error: {line}");
    }
    match std::str::from_utf8(bytes) {
        Err(_) => assert!(lines.is_empty() && errors.len() == 1 && errors[0].line.is_none()),
        Ok(text) if per_line => assert_eq!(lines.len(), text.lines().count()),
        Ok(_) => assert_eq!(lines.len() + errors.len(), 1),
    }
});
