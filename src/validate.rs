//! Checks a document against the invariants of `docs/document.md`, for
//! tests, fuzzing and any consumer that wants to trust a document it did
//! not make.

use crate::hash::{HashMap, HashSet};

use crate::document::{Analysis, DOCUMENT_VERSION};

/// Checks `doc` against `input`, the text it was made from: every span lies
/// inside the text on UTF-16 boundaries that split no surrogate pair, every
/// `text` equals its slice, mentions and quotes are sorted and never overlap
/// each other, ids are unique and every referenced actor exists, only
/// persons have a role, actors come in order of first mention. Returns the
/// first violation, described.
pub fn validate(input: &str, doc: &Analysis) -> Result<(), String> {
    let units: Vec<u16> = input.encode_utf16().collect();
    let span = |what: &str, start: usize, end: usize, text: &str| -> Result<(), String> {
        if start > end || end > units.len() {
            return Err(format!("{what}: span {start}..{end} outside 0..{}", units.len()));
        }
        for at in [start, end] {
            if at > 0 && at < units.len() && is_low_surrogate(units[at]) && is_high_surrogate(units[at - 1]) {
                return Err(format!("{what}: offset {at} splits a surrogate pair"));
            }
        }
        let slice = String::from_utf16(&units[start..end]).map_err(|_| format!("{what}: {start}..{end} is not text"))?;
        if slice != text {
            return Err(format!("{what}: text {text:?} is not the slice {start}..{end} ({slice:?})"));
        }
        Ok(())
    };
    if doc.version != DOCUMENT_VERSION {
        return Err(format!("version {} is not {DOCUMENT_VERSION}", doc.version));
    }
    let mut ids = HashSet::default();
    for a in &doc.actors {
        if !ids.insert(a.id.as_str()) {
            return Err(format!("actor id {} is not unique", a.id));
        }
        if a.role.is_some() && a.kind != crate::ActorKind::Person {
            return Err(format!("actor {} is no person but has a role", a.id));
        }
    }
    for (k, m) in doc.mentions.iter().enumerate() {
        span(&format!("mention {k}"), m.start, m.end, &m.text)?;
        if !ids.contains(m.actor.as_str()) {
            return Err(format!("mention {k}: no actor {}", m.actor));
        }
    }
    for w in doc.mentions.windows(2) {
        if w[0].end > w[1].start {
            return Err(format!("mentions {}..{} and {}..{} overlap or are unsorted", w[0].start, w[0].end, w[1].start, w[1].end));
        }
    }
    let mut quote_ids = HashSet::default();
    for q in &doc.quotes {
        span(&format!("quote {}", q.id), q.start, q.end, &q.text)?;
        if let Some(c) = &q.cue {
            span(&format!("cue of quote {}", q.id), c.start, c.end, &c.text)?;
        }
        if !quote_ids.insert(q.id.as_str()) {
            return Err(format!("quote id {} is not unique", q.id));
        }
        if let Some(s) = &q.speaker {
            if !ids.contains(s.as_str()) {
                return Err(format!("quote {}: no actor {s}", q.id));
            }
        }
        if !(0.0..=1.0).contains(&q.confidence) {
            return Err(format!("quote {}: confidence {} outside 0..1", q.id, q.confidence));
        }
    }
    for w in doc.quotes.windows(2) {
        if w[0].end > w[1].start {
            return Err(format!("quotes {} and {} overlap or are unsorted", w[0].id, w[1].id));
        }
    }
    // Actors in order of first mention, unmentioned ones last.
    let mut first: Vec<Option<usize>> = vec![None; doc.actors.len()];
    let index: HashMap<&str, usize> = doc.actors.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    for m in &doc.mentions {
        let i = index[m.actor.as_str()];
        first[i] = Some(first[i].map_or(m.start, |f: usize| f.min(m.start)));
    }
    let key = |f: Option<usize>| f.unwrap_or(usize::MAX);
    if first.windows(2).any(|w| key(w[0]) > key(w[1])) {
        return Err("actors are not in order of first mention".into());
    }
    Ok(())
}

fn is_high_surrogate(u: u16) -> bool {
    (0xD800..0xDC00).contains(&u)
}

fn is_low_surrogate(u: u16) -> bool {
    (0xDC00..0xE000).contains(&u)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    #[test]
    fn accepts_a_real_document() {
        let t = "😀 “Kami siap,” kata Budi Santoso, juru bicara kementerian.";
        let doc = analyze(t, &Options::default()).unwrap();
        assert_eq!(validate(t, &doc), Ok(()));
    }

    #[test]
    fn names_each_kind_of_violation() {
        let t = "😀 “Kami siap,” kata Budi Santoso.";
        let good = analyze(t, &Options::default()).unwrap();
        assert!(!good.quotes.is_empty() && !good.mentions.is_empty());
        let mut d = good.clone();
        d.quotes[0].start = 1; // inside the emoji's surrogate pair
        assert!(validate(t, &d).unwrap_err().contains("splits a surrogate pair"));
        let mut d = good.clone();
        d.quotes[0].text.push('x');
        assert!(validate(t, &d).unwrap_err().contains("is not the slice"));
        let mut d = good.clone();
        d.mentions[0].end = 1000;
        assert!(validate(t, &d).unwrap_err().contains("outside"));
        let mut d = good.clone();
        d.actors[0].kind = crate::ActorKind::Place;
        d.actors[0].role = Some("juru bicara".into());
        assert!(validate(t, &d).unwrap_err().contains("no person but has a role"));
        let mut d = good.clone();
        d.quotes[0].speaker = Some("a99".into());
        assert!(validate(t, &d).unwrap_err().contains("no actor a99"));
        let mut d = good;
        let q = d.quotes[0].clone();
        d.quotes.push(q);
        assert!(validate(t, &d).is_err());
    }
}
