//! PDF adapter: turns a [`Report`] into a PDF document laid out by typst.
//!
//! What belongs here: the typst [`World`](typst::World) (standard library, the fonts that
//! `typst-assets` embeds, the templates in `templates/`, one data file) and the templates
//! themselves. What does not: deciding what a report holds (that is
//! `brag_core::report`), Markdown or HTML (`brag_core::render`), reading a vault.
//!
//! User text never becomes typst markup. The report is serialized with serde_json and
//! served as the only data file, `data.json`; the templates read it with
//! `json("data.json")` and place its strings as content, so a title such as
//! `#panic() *bold* $x$` is set as those characters. The world offers no system fonts, no
//! files but its own, and no packages: an `@preview` import fails instead of fetching.

mod world;

use brag_core::report::Report;

/// Returned when a report cannot be made into a PDF.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The report could not be serialized into the templates' data file.
    #[error("cannot serialize the report for the PDF template")]
    Data(#[from] serde_json::Error),
    /// Typst stopped while laying out the report: a template bug, never the user's text.
    #[error("cannot lay out the PDF: {0}")]
    Layout(String),
    /// The laid-out document could not be written as PDF.
    #[error("cannot write the PDF: {0}")]
    Export(String),
}

/// Returns the PDF of a report: A4, fonts embedded, text selectable, links clickable.
///
/// Every kind of report has its own template under one look (title block, page numbers);
/// a report without entries is one page that says so.
pub fn render(report: &Report) -> Result<Vec<u8>, PdfError> {
    let data = serde_json::to_vec(report)?;
    world::compile(world::MAIN_TEMPLATE, data)
}

#[cfg(test)]
mod tests;
