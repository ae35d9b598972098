//! Hash tables keyed by the input's words (mentions, names, offices).
//!
//! foldhash instead of std's SipHash: several times faster on short keys,
//! and still seeded per process (natively from std's random keys), so a
//! text cannot be written to make its words collide without knowing the
//! seed. The profile's tables, keyed by the data files only, use FxHash
//! ([`crate::profile::WordHasher`]). Nothing may depend on the iteration
//! order of these tables: it changes from run to run.

/// Hasher of the tables below.
pub type InputHasher = foldhash::fast::RandomState;
/// A map keyed by input words.
pub type HashMap<K, V> = std::collections::HashMap<K, V, InputHasher>;
/// A set of input words.
pub type HashSet<K> = std::collections::HashSet<K, InputHasher>;
