//! The one error type of the core.

use std::fmt;

/// Why an analysis was refused. The input is never altered or partly processed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The text is longer than [`crate::Options::max_input_bytes`].
    InputTooLarge {
        /// Length of the input, in UTF-8 bytes.
        len: usize,
        /// The configured limit, in UTF-8 bytes.
        max: usize,
    },
    /// No language profile has this code.
    UnknownLanguage(String),
    /// An option has a value outside its range.
    InvalidOption(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { len, max } => write!(
                f,
                "input is {len} bytes of UTF-8, over the limit of {max} bytes (raise maxInputBytes to analyse it)"
            ),
            Error::UnknownLanguage(code) => write!(
                f,
                "unknown language {code:?}; known: {}",
                crate::profile::LANGUAGES.join(", ")
            ),
            Error::InvalidOption(why) => write!(f, "invalid option: {why}"),
        }
    }
}

impl std::error::Error for Error {}
