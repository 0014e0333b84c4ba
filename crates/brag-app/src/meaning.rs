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

/// Returns the index change that records an entry read from `path`, with its vector when
/// `eager` or when this process has the model loaded already. Loading it costs tens of
/// milliseconds, four times what `brag add` costs otherwise: a small write leaves the
/// vector to the next reader that compares meanings ([`App::fill_vectors`]), a full
/// index on many threads makes them all.
///
/// [`App::fill_vectors`]: crate::App
pub(crate) fn entry_change(path: String, stamp: Stamp, entry: Entry, eager: bool) -> Change {
    Change::Entry {
        vector: vector(&entry, eager),
        path,
        stamp,
        entry: Box::new(entry),
    }
}

/// Returns an entry's meaning as the index stores it.
#[cfg(feature = "semantic")]
pub(crate) fn vector(entry: &Entry, eager: bool) -> Option<Vec<u8>> {
    let model = match brag_embed::Model::loaded() {
        Some(m) => m,
        None if eager => brag_embed::Model::builtin().ok()?,
        None => return None,
    };
    Some(brag_embed::pack(&model.embed(&entry.meaning_text())))
}

#[cfg(not(feature = "semantic"))]
pub(crate) fn vector(_: &Entry, _: bool) -> Option<Vec<u8>> {
    None
}

/// Returns a text's meaning, to compare with the stored vectors (`None` without the
/// feature, and for a text with no words, which means nothing).
#[cfg(feature = "semantic")]
pub(crate) fn embed(text: &str) -> Option<Vec<f32>> {
    let v = brag_embed::Model::builtin().ok()?.embed(text);
    v.iter().any(|x| *x != 0.0).then_some(v)
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

/// Returns the words of a text that carry its meaning: "tell me about a time you…" is what
/// every question says, and left in it makes every question alike.
pub(crate) fn meant(text: &str) -> String {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !brag_core::ask::terms(w).is_empty())
        .collect();
    words.join(" ")
}

/// Returns how much a question (embedded by [`embed`] from its [`meant`] words) resembles
/// each competency's own sample questions.
#[cfg(feature = "semantic")]
pub(crate) fn resemblances(
    catalogue: &brag_core::framework::Catalogue,
    question: &[f32],
) -> Vec<brag_core::ask::Resemblance> {
    let Ok(model) = brag_embed::Model::builtin() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for fw in catalogue.frameworks() {
        for c in &fw.competencies {
            let mut near: Vec<(f32, &str)> = c
                .questions
                .iter()
                .chain(&c.cues)
                .map(|q| {
                    (
                        brag_embed::similarity(question, &model.embed(&meant(q))),
                        q.as_str(),
                    )
                })
                .collect();
            near.sort_by(|a, b| b.0.total_cmp(&a.0));
            let Some(&(_, like)) = near.first() else {
                continue;
            };
            let top: Vec<f32> = near.iter().take(2).map(|n| n.0).collect();
            out.push(brag_core::ask::Resemblance {
                id: c.id.clone(),
                score: f64::from(top.iter().sum::<f32>()) / top.len() as f64,
                like: like.to_owned(),
            });
        }
    }
    out
}

#[cfg(not(feature = "semantic"))]
pub(crate) fn resemblances(
    _: &brag_core::framework::Catalogue,
    _: &[f32],
) -> Vec<brag_core::ask::Resemblance> {
    Vec::new()
}
