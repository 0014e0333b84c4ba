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

use brag_core::Kind;
use brag_core::render::html::safe_href;
use brag_core::report::{Report, ReportEntry, ReviewReport};

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

/// Returns the report as the templates read it: its JSON (a review's in the slimmer shape
/// of [`review_data`]), each long run of text given its break points.
fn data_of(report: &Report) -> Result<Vec<u8>, PdfError> {
    let mut data = match report {
        Report::Review(review) => review_data(review)?,
        other => serde_json::to_value(other)?,
    };
    add_breaks(&mut data, None);
    Ok(serde_json::to_vec(&data)?)
}

/// Past this many entries a review's PDF is set compact, as an index of its entries.
pub const COMPACT_OVER: usize = 400;

/// In a compact review, how many entries of a competency are named: its strongest.
const COMPETENCY_NAMED: usize = 30;

/// In a compact review, how many of the stories that need work are set in full; the
/// rest are named with their score.
const TODO_IN_FULL: usize = 25;

/// Returns the data of a review's PDF: what its template shows, and nothing else.
///
/// The groups carry a brief of each entry (title, date, kind, competencies, metrics);
/// the highlights carry the whole entry. Past [`COMPACT_OVER`] entries (`"compact":
/// true`), a document of every entry in full would run to hundreds of pages, so it is
/// set as an index instead: a project's entries as one paragraph a year, each title with
/// its month and its links (the Evidence section is folded into them), a competency's
/// [`COMPETENCY_NAMED`] strongest entries and how many more, and the
/// [`TODO_IN_FULL`] weakest stories that need work in full, the rest by title and score.
/// Every entry and every link is still in the PDF; the HTML report lists everything in
/// full.
fn review_data(r: &ReviewReport) -> Result<serde_json::Value, PdfError> {
    use serde_json::json;
    let compact = r.header.entries > COMPACT_OVER;
    let brief = |e: &ReportEntry| {
        if compact {
            // Links as the label and, when it may be followed, the address.
            let links: Vec<_> = e
                .entry
                .links
                .iter()
                .map(|l| {
                    let label = if l.label.is_empty() { &l.url } else { &l.label };
                    json!({ "label": label, "href": safe_href(&l.url) })
                })
                .collect();
            json!({ "title": e.entry.title, "date": e.entry.date, "links": links })
        } else {
            json!({
                "title": e.entry.title,
                "date": e.entry.date,
                "kind": e.entry.kind,
                "competencies": e.entry.competencies,
                "metrics": e.entry.metrics,
            })
        }
    };
    let by_project: Vec<_> = r
        .by_project
        .iter()
        .map(|g| {
            json!({
                "key": g.key,
                "name": g.name,
                "count": g.entries.len(),
                "entries": g.entries.iter().map(brief).collect::<Vec<_>>(),
            })
        })
        .collect();
    let by_competency: Vec<_> = r
        .by_competency
        .iter()
        .map(|g| {
            let mut named: Vec<&ReportEntry> = g.entries.iter().collect();
            if compact && named.len() > COMPETENCY_NAMED {
                // The strongest, stories before the rest, then newest (the group's order).
                named.sort_by_key(|e| (e.entry.kind != Kind::Story, std::cmp::Reverse(e.score)));
                named.truncate(COMPETENCY_NAMED);
            }
            json!({
                "key": g.key,
                "name": g.name,
                "count": g.entries.len(),
                "entries": named
                    .iter()
                    .map(|e| json!({ "title": e.entry.title, "date": e.entry.date }))
                    .collect::<Vec<_>>(),
            })
        })
        .collect();
    let split = if compact { TODO_IN_FULL } else { r.todo.len() };
    let (todo, todo_brief) = r.todo.split_at(split.min(r.todo.len()));
    Ok(json!({
        "report": "review",
        "title": r.header.title,
        "from": r.header.from,
        "to": r.header.to,
        "generated": r.header.generated,
        "entries": r.header.entries,
        "compact": compact,
        "totals": serde_json::to_value(&r.totals)?,
        "highlights": serde_json::to_value(&r.highlights)?,
        "by_project": by_project,
        "by_competency": by_competency,
        "link_count": r.links.len(),
        "links": if compact { json!([]) } else { serde_json::to_value(&r.links)? },
        "todo": serde_json::to_value(todo)?,
        "todo_brief": todo_brief
            .iter()
            .map(|t| json!({ "title": t.title, "score": t.score }))
            .collect::<Vec<_>>(),
    }))
}

/// Values that are read, not set as text: addresses, ids, dates, kinds.
const NOT_TEXT: [&str; 13] = [
    "url",
    "href",
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
