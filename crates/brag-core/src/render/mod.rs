//! Renderers: a [`crate::report::Report`] into a document. Markdown here; HTML beside it;
//! PDF in the `brag-pdf` crate (typst).

pub mod markdown;
