//! Hash tables keyed by the input's words (mentions, names, offices).
//!
//! foldhash instead of std's SipHash: several times faster on short keys.
//! Its seed is made once per process from addresses (stack, code, heap:
//! address-space layout randomisation) and, natively, the clock; it is no
//! secret key. Natively that is weaker than SipHash's keys from the OS;
//! on `wasm32-unknown-unknown`, where the widget runs, std has no
//! randomness and SipHash ran with fixed keys, so nothing is lost there.
//! The profile's tables, keyed by the data files only, use FxHash
//! ([`crate::profile::WordHasher`]). Nothing may depend on the iteration
//! order of these tables: it may change from run to run.

/// Hasher of the tables below.
pub type InputHasher = foldhash::fast::RandomState;
/// A map keyed by input words.
pub type HashMap<K, V> = std::collections::HashMap<K, V, InputHasher>;
/// A set of input words.
pub type HashSet<K> = std::collections::HashSet<K, InputHasher>;
