//! Sorot finds the **actors** (people with their roles, organizations,
//! places) and the **quotes** (who said what) of a news article.
//!
//! The pipeline, one module per stage, each passing byte [`Span`]s into the
//! original text:
//!
//! 1. [`tokens`]: words, numbers, punctuation and quotation marks;
//! 2. [`sentences`]: paragraphs and sentences over the tokens;
//! 3. [`quotes`]: quoted spans, paired mark by mark, bounded per paragraph;
//! 4. [`actors`]: names, titles and roles, joined into actors with aliases;
//! 5. [`attribution`]: each quote's speaker and cue; indirect speech;
//! 6. [`document`]: the JSON document, offsets converted to UTF-16.
//!
//! Every language-specific word list lives in `data/<lang>/`, read by [`profile`].
//!
//! ```
//! let doc = sorot::analyze("“Kami siap,” kata Budi Santoso.", &sorot::Options::default()).unwrap();
//! assert_eq!(doc.quotes[0].text, "Kami siap,");
//! let speaker = doc.quotes[0].speaker.as_deref().unwrap();
//! let actor = doc.actors.iter().find(|a| a.id == speaker).unwrap();
//! assert_eq!(actor.name, "Budi Santoso");
//! ```

pub mod actors;
pub mod attribution;
pub mod cli;
pub mod context;
mod data_line;
pub mod document;
pub mod error;
pub mod hash;
pub mod profile;
pub mod quotes;
pub mod sentences;
pub mod span;
pub mod tagger;
pub mod tokens;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use document::{Actor, ActorKind, Analysis, Mention, Quote, QuoteKind, TextSpan};
pub use error::Error;
pub use span::Span;

/// Settings of one analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Language profile code (`id`, `en`).
    pub lang: String,
    /// Largest input accepted, in UTF-8 bytes; longer input is an
    /// [`Error::InputTooLarge`].
    pub max_input_bytes: usize,
    /// Longest direct quote, in characters, that a pair of marks may enclose
    /// before the pairing is rejected as a lost mark.
    pub max_quote_chars: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: "id".to_string(),
            max_input_bytes: 32 * 1024 * 1024,
            max_quote_chars: 4000,
        }
    }
}

/// Analyses `text`: finds its actors, their mentions, and its quotes with
/// their speakers.
///
/// Never panics on any input; errors only on options or oversized input.
pub fn analyze(text: &str, options: &Options) -> Result<Analysis, Error> {
    let profile = profile::profile(&options.lang)
        .ok_or_else(|| Error::UnknownLanguage(options.lang.clone()))?;
    if text.len() > options.max_input_bytes {
        return Err(Error::InputTooLarge { len: text.len(), max: options.max_input_bytes });
    }
    if options.max_quote_chars == 0 {
        return Err(Error::InvalidOption("maxQuoteChars must be at least 1".into()));
    }
    let ctx = context::Ctx::new(text, profile);
    let found = quotes::find(text, &ctx.tokens, &ctx.layout, profile, options.max_quote_chars);
    let mut cast = actors::recognize(&ctx);
    let attributed = attribution::attribute(&ctx, &found, &mut cast);
    Ok(document::build(text, profile.code, &cast, &attributed))
}
