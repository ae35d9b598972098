//! The shared, read-only view of one text that every stage reads.

use std::collections::HashSet;

use crate::profile::Profile;
use crate::sentences::{self, Layout};
use crate::tokens::{self, Token, TokenKind};

/// One text with its tokens, layout, lowercased words and language profile.
pub struct Ctx<'a> {
    /// The original input.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// Its paragraphs and sentences.
    pub layout: Layout,
    /// Lowercased text of each token (same index as `tokens`).
    pub lower: Vec<String>,
    /// The language profile.
    pub profile: &'a Profile,
    /// Words this text also writes in lowercase: a capitalised form of one
    /// of them at a sentence start is an ordinary word, not a name.
    pub seen_lower: HashSet<&'a str>,
    /// Shape of each token, computed once: [`CAP`] and [`ACRONYM`] bits.
    shape: Vec<u8>,
}

/// [`Ctx::is_cap`] holds for the token.
const CAP: u8 = 1;
/// [`Ctx::is_acronym`] holds for the token.
const ACRONYM: u8 = 2;

/// The [`CAP`] and [`ACRONYM`] bits of a token of kind `kind` and text `w`.
fn shape_of(kind: TokenKind, w: &str) -> u8 {
    if kind != TokenKind::Word {
        return 0;
    }
    let cap = w.chars().next().is_some_and(char::is_uppercase);
    let acronym = w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase);
    (u8::from(cap) * CAP) | (u8::from(acronym) * ACRONYM)
}

impl<'a> Ctx<'a> {
    /// Tokenizes and lays out `text`.
    pub fn new(text: &'a str, profile: &'a Profile) -> Ctx<'a> {
        let tokens = tokens::tokenize(text);
        let layout = sentences::split(text, &tokens);
        let lower = tokens.iter().map(|t| t.span.of(text).to_lowercase()).collect();
        // Sized up front (distinct words are at most about half the tokens of
        // an article), so that growing does not rehash it over and over;
        // capped so a long text does not reserve memory it will not use.
        let mut seen_lower = HashSet::with_capacity((tokens.len() / 2).min(1 << 16));
        seen_lower.extend(
            tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.span.of(text))
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase)),
        );
        let shape = tokens.iter().map(|t| shape_of(t.kind, t.span.of(text))).collect();
        Ctx { text, tokens, layout, lower, profile, seen_lower, shape }
    }

    /// The original text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens[i].span.of(self.text)
    }

    /// True when token `i` is a word whose first letter is uppercase.
    pub fn is_cap(&self, i: usize) -> bool {
        self.shape[i] & CAP != 0
    }

    /// True when token `i` is a word of two or more letters, all uppercase (`PBB`, `DK`).
    pub fn is_acronym(&self, i: usize) -> bool {
        self.shape[i] & ACRONYM != 0
    }

    /// True when token `i` is the first word of its sentence (after any
    /// opening marks, brackets or dashes).
    pub fn starts_sentence(&self, i: usize) -> bool {
        let s = &self.layout.sentences[self.layout.sentence_of[i] as usize];
        (s.start..i).all(|j| self.tokens[j].kind != TokenKind::Word && self.tokens[j].kind != TokenKind::Number)
    }

    /// The text from the start of token `a` to the end of token `b - 1`.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.tokens[a].span.start..self.tokens[b - 1].span.end]
    }

    /// True when capitalised token `i` is an ordinary word: listed as
    /// common, or written in lowercase elsewhere in this text.
    pub fn is_common(&self, i: usize) -> bool {
        self.profile.common_caps.contains(&self.lower[i]) || self.seen_lower.contains(self.lower[i].as_str())
    }

    /// Text of token `i`, or `""` past either end.
    pub fn lower_at(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }
}
