//! `sorot`: the command-line interface for batch use and evaluation.
//!
//! ```text
//! sorot analyze [--lang id] [--per-line] [--max-input-bytes N] [--max-quote-chars N] FILE...
//! ```
//!
//! (FILE `-` = stdin.) Prints one JSON document per file (or per input line
//! with `--per-line`) as JSON Lines on stdout; the work per input is
//! [`sorot::cli::analyze_input`]. Exit codes: 0 all inputs analysed; 1 some
//! input could not be read, was not UTF-8 or was refused (the others are
//! still printed), or stdout closed early; 2 usage error.

use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str =
    "usage: sorot analyze [--lang CODE] [--per-line] [--max-input-bytes N] [--max-quote-chars N] FILE...  (FILE - reads stdin)";

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
            "--max-quote-chars" => {
                let v = it.next().ok_or("--max-quote-chars needs a value")?;
                options.max_quote_chars = v.parse().map_err(|_| format!("--max-quote-chars: not a number: {v:?}"))?;
                if options.max_quote_chars == 0 {
                    return Err("--max-quote-chars must be at least 1".into());
                }
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
        let bytes = match read(f) {
            Ok(b) => b,
            Err(msg) => {
                eprintln!("sorot: {f}: {msg}");
                failed = true;
                continue;
            }
        };
        let Ok(errors) = sorot::cli::analyze_input(&bytes, per_line, &options, &mut out) else {
            return Ok(ExitCode::from(1)); // stdout closed: stop quietly
        };
        for e in &errors {
            let at = e.line.map_or(String::new(), |n| format!(":{n}"));
            eprintln!("sorot: {f}{at}: {}", e.message);
        }
        failed |= !errors.is_empty();
    }
    let _ = out.flush();
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Reads a file (or stdin for `-`), with a readable error.
fn read(path: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let res = if path == "-" {
        io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    res.map_err(|e| format!("cannot read: {e}"))?;
    Ok(bytes)
}
