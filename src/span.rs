//! Byte spans into the original input text.

/// A half-open range `start..end` of **byte** offsets into the original input.
///
/// Invariant: `start <= end`, and both lie on UTF-8 character boundaries of
/// the text they were made from. Offsets are converted to UTF-16 code units
/// only at the output boundary ([`crate::document`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Makes a span; `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} > end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The slice of `text` this span covers.
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(2, 6);
        assert!(a.overlaps(Span::new(5, 9)));
        assert!(!a.overlaps(Span::new(6, 9)));
        assert!(a.contains(Span::new(2, 6)));
        assert!(!a.contains(Span::new(1, 3)));
        assert_eq!(a.join(Span::new(8, 9)), Span::new(2, 9));
        assert_eq!(Span::new(3, 3).len(), 0);
    }

    #[test]
    fn slices_text_by_bytes() {
        let t = "€ ok";
        assert_eq!(Span::new(4, 6).of(t), "ok");
    }
}
