//! What entries mean, as vectors (the `semantic` feature): each entry is embedded as it is
//! indexed, and a question costs one embedding and a scan of the stored vectors.
//!
//! Without the feature the index keeps no vectors and everything that would compare them
//! answers by words alone. The index remembers which model made its vectors; opened by a
//! build with another (or none), it is rebuilt, so no entry is ever left without one.

use brag_core::entry::Entry;
use brag_index::{Change, Stamp};

/// The index's `meta` key that names the model its vectors were made with.
pub(crate) const MODEL_KEY: &str = "model";

/// The model this build embeds with (`None` without the `semantic` feature). Change it
/// whenever the model or what is embedded changes: indexes made before are rebuilt.
#[cfg(feature = "semantic")]
pub(crate) const MODEL: Option<&str> = Some("all-minilm-l6-v2/model2vec-256-int8/1");
#[cfg(not(feature = "semantic"))]
pub(crate) const MODEL: Option<&str> = None;

/// Returns true when this build compares meanings (the `semantic` feature).
pub const fn available() -> bool {
    MODEL.is_some()
}

/// Returns the index change that records an entry read from `path`, with its vector.
pub(crate) fn entry_change(path: String, stamp: Stamp, entry: Entry) -> Change {
    Change::Entry {
        vector: vector(&entry),
        path,
        stamp,
        entry: Box::new(entry),
    }
}

/// Returns an entry's meaning as the index stores it.
#[cfg(feature = "semantic")]
fn vector(entry: &Entry) -> Option<Vec<u8>> {
    let model = brag_embed::Model::builtin().ok()?;
    Some(brag_embed::pack(&model.embed(&entry.meaning_text())))
}

#[cfg(not(feature = "semantic"))]
fn vector(_: &Entry) -> Option<Vec<u8>> {
    None
}

/// Returns a text's meaning, to compare with the stored vectors (`None` without the
/// feature).
#[cfg(feature = "semantic")]
pub(crate) fn embed(text: &str) -> Option<Vec<f32>> {
    Some(brag_embed::Model::builtin().ok()?.embed(text))
}

#[cfg(not(feature = "semantic"))]
pub(crate) fn embed(_: &str) -> Option<Vec<f32>> {
    None
}

/// Returns how near in meaning a stored vector is to a query's, from −1 to 1.
#[cfg(feature = "semantic")]
pub(crate) fn similarity(query: &[f32], stored: &[u8]) -> Option<f32> {
    brag_embed::similarity_packed(query, stored)
}

#[cfg(not(feature = "semantic"))]
pub(crate) fn similarity(_: &[f32], _: &[u8]) -> Option<f32> {
    None
}
