//! Renderers: a [`Report`](crate::report::Report) turned into a document, as text:
//! Markdown and self-contained HTML.
//!
//! Pure like the rest of the core: a report in, a `String` out; writing it to a file or
//! the terminal belongs to the surfaces. PDF lives in its own crate (typst is heavy).

pub mod html;
pub mod markdown;
