//! brag's sentence embeddings: what a text means, as a vector, offline.
//!
//! The model is a static one in the model2vec format, distilled from all-MiniLM-L6-v2
//! (Apache-2.0) by `scripts/distill-model` and built into the binary: one vector per
//! vocabulary token, a text's vector the mean of its tokens', normalised. It costs
//! microseconds per text, so every entry is embedded when it is indexed and a question
//! costs one embedding and a scan of the stored vectors. Nothing is downloaded, ever.

use std::sync::OnceLock;

use model2vec_rs::model::StaticModel;

const TOKENIZER: &[u8] = include_bytes!("../model/tokenizer.json");
const WEIGHTS: &[u8] = include_bytes!("../model/model.safetensors");
const CONFIG: &[u8] = include_bytes!("../model/config.json");

/// Texts are cut to this many tokens: a story's opening says what it is about, and the
/// mean of a longer text drifts towards every text's mean.
const MAX_TOKENS: usize = 256;

/// Returns the model built into brag, loading it on first use (tens of milliseconds).
pub struct Model {
    inner: StaticModel,
}

/// Returned when the built-in model cannot be read: the binary was built from a damaged
/// checkout.
#[derive(Debug, thiserror::Error)]
#[error("the built-in embedding model cannot be read: {0}")]
pub struct ModelError(String);

static MODEL: OnceLock<Result<Model, String>> = OnceLock::new();

impl Model {
    /// Returns the built-in model, loaded once per process.
    pub fn builtin() -> Result<&'static Model, ModelError> {
        MODEL
            .get_or_init(|| {
                StaticModel::from_bytes(TOKENIZER, WEIGHTS, CONFIG, Some(true))
                    .map(|inner| Model { inner })
                    .map_err(|e| format!("{e:#}"))
            })
            .as_ref()
            .map_err(|e| ModelError(e.clone()))
    }

    /// Returns the built-in model if this process has loaded it already, without loading
    /// it: for work that may embed now or leave it to whoever loads the model next.
    pub fn loaded() -> Option<&'static Model> {
        MODEL.get().and_then(|m| m.as_ref().ok())
    }

    /// Returns how many numbers a vector has.
    pub fn dim(&self) -> usize {
        self.inner.dim()
    }

    /// Returns the text's vector, of unit length (all zeros for a text with no words).
    pub fn embed(&self, text: &str) -> Vec<f32> {
        self.inner
            .encode_flat_with_args(&[text.to_owned()], Some(MAX_TOKENS))
    }
}

/// Returns the cosine similarity of two vectors of unit length: their dot product,
/// from −1 (opposite) through 0 (unrelated) to 1 (the same meaning).
pub fn similarity(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Returns a vector as the bytes the index stores: one signed byte per number, scaled by
/// the largest magnitude, which is kept first as four little-endian bytes. A quarter of
/// the size of `f32`s, and similarities change in the third decimal.
pub fn pack(v: &[f32]) -> Vec<u8> {
    let max = v.iter().fold(0.0f32, |m, x| m.max(x.abs()));
    let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
    let mut out = Vec::with_capacity(4 + v.len());
    out.extend_from_slice(&scale.to_le_bytes());
    out.extend(
        v.iter()
            .map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8 as u8),
    );
    out
}

/// Returns the similarity of a vector of unit length to one stored by [`pack`] (`None`
/// when the bytes are not a packed vector of the same length).
pub fn similarity_packed(query: &[f32], packed: &[u8]) -> Option<f32> {
    let (scale, values) = packed.split_first_chunk::<4>()?;
    if values.len() != query.len() {
        return None;
    }
    let scale = f32::from_le_bytes(*scale);
    let dot: f32 = query
        .iter()
        .zip(values)
        .map(|(q, &b)| q * f32::from(b as i8))
        .sum();
    Some(dot * scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> &'static Model {
        match Model::builtin() {
            Ok(m) => m,
            Err(e) => panic!("{e}"),
        }
    }

    /// The committed model reads, and it knows meaning: a paraphrase is nearer than a
    /// sentence on another subject, with no word shared.
    #[test]
    fn a_paraphrase_is_nearer_than_an_unrelated_sentence() {
        let m = model();
        assert_eq!(m.dim(), 256);
        let q = m.embed("a time you disagreed with your manager");
        let near = m.embed("I pushed back on my boss's plan and argued for another");
        let far = m.embed("the quarterly invoice totals were exported to a spreadsheet");
        let (near, far) = (similarity(&q, &near), similarity(&q, &far));
        assert!(near > far + 0.1, "near {near} far {far}");
        let norm = similarity(&q, &q);
        assert!((norm - 1.0).abs() < 1e-4, "{norm}");
    }

    #[test]
    fn packed_vectors_keep_their_similarities() {
        let m = model();
        let a = m.embed("cut the cloud bill in half without new hardware");
        let b = m.embed("saved money on infrastructure costs");
        let exact = similarity(&a, &b);
        let packed = similarity_packed(&a, &pack(&b)).unwrap_or(f32::NAN);
        assert!((exact - packed).abs() < 0.01, "{exact} vs {packed}");
        assert_eq!(similarity_packed(&a, &pack(&b[..10])), None);
        assert_eq!(similarity_packed(&a, b"xy"), None);
    }

    #[test]
    fn empty_text_is_the_zero_vector() {
        let v = model().embed("");
        assert_eq!(v.len(), 256);
        assert!(v.iter().all(|x| x.is_finite()), "{v:?}");
    }
}
