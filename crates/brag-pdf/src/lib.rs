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
    world::compile(world::MAIN_TEMPLATE, data_of(report)?)
}

/// The parts of an entry that a review's groups do not show: its STAR and text are set
/// once, in the highlights. Left out of the data, a review of thousands of entries gives
/// typst a fifth of the JSON to read.
const UNSHOWN_IN_GROUPS: [&str; 8] = [
    "situation",
    "task",
    "action",
    "result",
    "text",
    "lessons",
    "links",
    "people",
];

/// Returns the report as the templates read it: its JSON, less what they never show, each
/// long run of text given its break points.
fn data_of(report: &Report) -> Result<Vec<u8>, PdfError> {
    let mut data = serde_json::to_value(report)?;
    if matches!(report, Report::Review(_)) {
        for part in ["by_project", "by_competency"] {
            let groups = data.get_mut(part).and_then(|g| g.as_array_mut());
            for group in groups.into_iter().flatten() {
                let entries = group.get_mut("entries").and_then(|e| e.as_array_mut());
                for entry in entries
                    .into_iter()
                    .flatten()
                    .filter_map(|e| e.as_object_mut())
                {
                    for key in UNSHOWN_IN_GROUPS {
                        entry.remove(key);
                    }
                }
            }
        }
    }
    add_breaks(&mut data, None);
    Ok(serde_json::to_vec(&data)?)
}

/// Values that are read, not set as text: addresses, ids, dates, kinds.
const NOT_TEXT: [&str; 12] = [
    "url",
    "id",
    "entry",
    "path",
    "key",
    "kind",
    "date",
    "from",
    "to",
    "generated",
    "month",
    "severity",
];

/// Gives every string of the data meant as text its break points (see [`breakable`]).
fn add_breaks(v: &mut serde_json::Value, key: Option<&str>) {
    match v {
        serde_json::Value::String(s) if !key.is_some_and(|k| NOT_TEXT.contains(&k)) => {
            if let Some(b) = breakable(s) {
                *s = b;
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|i| add_breaks(i, key)),
        serde_json::Value::Object(map) => {
            for (k, item) in map.iter_mut() {
                add_breaks(item, Some(k));
            }
        }
        _ => {}
    }
}

/// Where a run without a space may break: after punctuation.
const BREAK_AFTER: &[char] = &['/', '_', '?', '&', '=', '.', ',', ':', ';', '-'];

/// Returns a string whose runs of 30 or more characters without a space may break (a
/// zero-width space after their punctuation and after every 20 other characters), so that
/// a pasted path, hash or snake_case title wraps instead of running off the page; `None`
/// when it has no such run. Done here, not in the template: per string in typst it was a
/// quarter of a long review's layout time.
fn breakable(s: &str) -> Option<String> {
    const ZWSP: char = '\u{200B}';
    let long = |run: &str| run.chars().count() >= 30;
    if s.len() < 30 || !s.split_whitespace().any(long) {
        return None;
    }
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut String| {
        if run.len() >= 30 {
            let mut letters = 0;
            for (i, &c) in run.iter().enumerate() {
                out.push(c);
                let punct = BREAK_AFTER.contains(&c);
                letters = if punct { 0 } else { letters + 1 };
                let next_punct = run.get(i + 1).is_some_and(|n| BREAK_AFTER.contains(n));
                if (punct && !next_punct) || letters == 20 {
                    out.push(ZWSP);
                    letters = 0;
                }
            }
        } else {
            out.extend(run.iter());
        }
        run.clear();
    };
    for c in s.chars() {
        if c.is_whitespace() {
            flush(&mut run, &mut out);
            out.push(c);
        } else {
            run.push(c);
        }
    }
    flush(&mut run, &mut out);
    Some(out)
}

#[cfg(test)]
mod tests;
