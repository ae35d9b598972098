//! `sorot`: the command-line interface for batch use and evaluation.
//!
//! ```text
//! sorot analyze [--lang id] [--per-line] FILE...   (FILE `-` = stdin)
//! ```
//!
//! Prints one JSON document per file (or per input line with `--per-line`)
//! as JSON Lines on stdout. Exit codes: 0 all inputs analysed; 1 some input
//! could not be read, was not UTF-8 or was refused (the others are still
//! printed); 2 usage error.

use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: sorot analyze [--lang CODE] [--per-line] [--max-input-bytes N] FILE...  (FILE - reads stdin)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("sorot: {msg}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Parses the arguments and analyses each input; `Err` is a usage error.
fn run(args: &[String]) -> Result<ExitCode, String> {
    let (cmd, rest) = args.split_first().ok_or("missing command")?;
    if cmd == "--help" || cmd == "-h" {
        println!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    if cmd != "analyze" {
        return Err(format!("unknown command {cmd:?}"));
    }
    let mut options = sorot::Options::default();
    let mut per_line = false;
    let mut files = Vec::new();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--lang" => options.lang = it.next().ok_or("--lang needs a value")?.clone(),
            "--per-line" => per_line = true,
            "--max-input-bytes" => {
                let v = it.next().ok_or("--max-input-bytes needs a value")?;
                options.max_input_bytes = v.parse().map_err(|_| format!("--max-input-bytes: not a number: {v:?}"))?;
            }
            f if f.starts_with("--") => return Err(format!("unknown option {f:?}")),
            f => files.push(f.to_string()),
        }
    }
    if files.is_empty() {
        return Err("no input file".into());
    }
    if sorot::profile::profile(&options.lang).is_none() {
        return Err(sorot::Error::UnknownLanguage(options.lang).to_string());
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for f in &files {
        let text = match read(f) {
            Ok(t) => t,
            Err(msg) => {
                eprintln!("sorot: {f}: {msg}");
                failed = true;
                continue;
            }
        };
        let docs: Vec<&str> = if per_line { text.lines().collect() } else { vec![text.as_str()] };
        for (n, doc) in docs.iter().enumerate() {
            match sorot::analyze(doc, &options) {
                Ok(a) => {
                    let line = serde_json::to_string(&a).map_err(|e| e.to_string())?;
                    if writeln!(out, "{line}").is_err() {
                        return Ok(ExitCode::from(1)); // stdout closed: stop quietly
                    }
                }
                Err(e) => {
                    let at = if per_line { format!(":{}", n + 1) } else { String::new() };
                    eprintln!("sorot: {f}{at}: {e}");
                    failed = true;
                    if per_line {
                        // Keep one output line per input line.
                        let _ = writeln!(out, "{{\"error\":{}}}", serde_json::Value::String(e.to_string()));
                    }
                }
            }
        }
    }
    let _ = out.flush();
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Reads a file (or stdin for `-`) as UTF-8 text, with a readable error.
fn read(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let res = if path == "-" {
        io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    res.map_err(|e| format!("cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
}
