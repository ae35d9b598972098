//! The command-line tool's work on one input, as a library function so it
//! can be tested and fuzzed without a process: bytes in, JSON Lines out.
//!
//! `src/main.rs` only parses arguments, reads files and maps the outcome to
//! exit codes (0 every input analysed, 1 some input refused, 2 usage).

use std::io::{self, Write};

use crate::{analyze, Options};

/// Why (part of) one input produced no document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// 1-based line number with `per_line`, else `None` (the whole input).
    pub line: Option<usize>,
    /// What went wrong, one line of text.
    pub message: String,
}

/// Analyses one input given as raw bytes and writes one document JSON per
/// line to `out`: one for the whole input, or one per input line when
/// `per_line` (then a refused line writes `{"error": "…"}`, so output line
/// *n* always answers input line *n*).
///
/// Bytes that are not UTF-8 refuse the whole input and write nothing.
/// Returns the refusals (empty when every document was written); `Err` only
/// when writing to `out` fails. Never panics.
pub fn analyze_input(bytes: &[u8], per_line: bool, options: &Options, out: &mut dyn Write) -> io::Result<Vec<InputError>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let message = format!("not UTF-8 text (invalid byte at offset {})", e.valid_up_to());
            return Ok(vec![InputError { line: None, message }]);
        }
    };
    let docs: Vec<&str> = if per_line { text.lines().collect() } else { vec![text] };
    let mut errors = Vec::new();
    for (n, doc) in docs.iter().enumerate() {
        match analyze(doc, options) {
            Ok(a) => {
                let line = serde_json::to_string(&a).map_err(io::Error::other)?;
                writeln!(out, "{line}")?;
            }
            Err(e) => {
                let message = e.to_string();
                if per_line {
                    writeln!(out, "{{\"error\":{}}}", serde_json::Value::String(message.clone()))?;
                }
                errors.push(InputError { line: per_line.then_some(n + 1), message });
            }
        }
    }
    Ok(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(bytes: &[u8], per_line: bool, options: &Options) -> (Vec<String>, Vec<InputError>) {
        let mut out = Vec::new();
        let errors = analyze_input(bytes, per_line, options, &mut out).unwrap();
        let lines = String::from_utf8(out).unwrap().lines().map(str::to_string).collect();
        (lines, errors)
    }

    #[test]
    fn one_document_per_input_or_per_line() {
        let text = "“Kami siap,” kata Budi Santoso.\nBaris kedua.\n";
        let (whole, errors) = run(text.as_bytes(), false, &Options::default());
        assert!(errors.is_empty());
        assert_eq!(whole.len(), 1);
        let (lines, errors) = run(text.as_bytes(), true, &Options::default());
        assert!(errors.is_empty());
        assert_eq!(lines.len(), 2);
        let first: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
        assert_eq!(first["quotes"][0]["text"], "Kami siap,");
    }

    #[test]
    fn refused_lines_keep_their_place() {
        let options = Options { max_input_bytes: 5, ..Options::default() };
        let (lines, errors) = run(b"abc\nterlalu panjang\nxy", true, &options);
        assert_eq!(lines.len(), 3);
        assert!(lines[1].starts_with("{\"error\":\"input is 15 bytes"), "{}", lines[1]);
        assert_eq!(errors, vec![InputError { line: Some(2), message: crate::Error::InputTooLarge { len: 15, max: 5 }.to_string() }]);
    }

    #[test]
    fn invalid_utf8_refuses_the_input_and_writes_nothing() {
        let (lines, errors) = run(b"ok \xff\xfe lalu", true, &Options::default());
        assert!(lines.is_empty());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].message, "not UTF-8 text (invalid byte at offset 3)");
    }
}
