//! One line of a language data file (`data/<lang>/*.txt`), read the same
//! way by `build.rs`, which strips the files before they are compiled in,
//! and by [`crate::profile::sections`], which parses them.

/// The content of `line`: the text before its first `#` (a comment),
/// trimmed; `""` for a comment or blank line.
pub fn content(line: &str) -> &str {
    line.split('#').next().unwrap_or("").trim()
}
