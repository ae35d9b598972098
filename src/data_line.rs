//! Reading the language data files (`data/<lang>/*.txt`), shared by
//! `build.rs`, which strips them before they are compiled in, and by
//! [`crate::profile::sections`] (the tests' reading of the originals): one
//! reading of a line, so the stripped copies cannot drift from it.

/// The content of `line`: the text before its first `#` (a comment),
/// trimmed; `""` for a comment or blank line.
pub fn content(line: &str) -> &str {
    line.split('#').next().unwrap_or("").trim()
}

/// Splits a data file into `(section, entries)`; entries are trimmed lines
/// with comments (`#` to end of line) and blank lines removed. Lines before
/// any header belong to section `""`.
pub fn sections(text: &str) -> Vec<(&str, Vec<&str>)> {
    group_sections(text.lines().map(content))
}

/// Groups lines already reduced to their [`content`] into `(section,
/// entries)` as [`sections`] does: empty lines skipped, `[name]` starts a
/// section, sections without entries dropped.
pub fn group_sections<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<(&'a str, Vec<&'a str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = vec![("", Vec::new())];
    for line in lines {
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.push((name.trim(), Vec::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push(line);
        }
    }
    out.retain(|(_, e)| !e.is_empty());
    out
}
