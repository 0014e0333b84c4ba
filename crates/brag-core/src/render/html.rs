//! HTML: a report as one self-contained HTML5 document that reads well on screen and
//! prints well on A4.
//!
//! The markup lives in askama templates (`templates/report/`, for the web UI to share), so
//! every string that comes from the user is escaped by the template engine, never by
//! hand. This module only prepares what the templates show: dates in words, text split
//! into paragraphs and lists, evidence links that are safe to follow, and the geometry of
//! the inline SVG charts (max → scale, nothing more).
//!
//! The document has no external reference: the stylesheet is inline, fonts are the
//! system's, charts are inline SVG. The only `href`s are the entries' evidence links
//! (`http`, `https` and `mailto` ones; any other scheme is shown as text) and `#`
//! anchors inside the document.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use askama::Template;
use jiff::civil::Date;

use crate::entry::Kind;
use crate::link::Link;
use crate::report::{
    Bullet, Card, CompetencyCards, DocReport, DocSectionKind, Gap, Group, Header, InterviewReport,
    Report, ReportEntry, ResumeReport, ReviewReport, Thanks, Todo, Totals, WeekReport,
};
use crate::text::truncate_chars;

/// Returns the report as a complete HTML5 document: inline CSS (with a print stylesheet),
/// inline SVG charts, no external asset.
pub fn html(report: &Report) -> String {
    let rendered = match report {
        Report::Doc(r) => DocPage::new(r).render(),
        Report::Review(r) => ReviewPage::new(r).render(),
        Report::Week(r) => WeekPage::new(r).render(),
        Report::Resume(r) => ResumePage::new(r).render(),
        Report::Interview(r) => InterviewPage::new(r).render(),
    };
    // Rendering into a String cannot fail (no template calls fallible code); should it
    // ever, the reader still gets a valid document that says so.
    rendered.unwrap_or_else(|e| {
        ErrorPage {
            message: e.to_string(),
        }
        .render()
        .unwrap_or_default()
    })
}

#[derive(Template)]
#[template(
    source = "<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>brag report</title><p>The report could not be rendered: {{ message }}</p></html>",
    ext = "html"
)]
struct ErrorPage {
    message: String,
}

// ---------------------------------------------------------------------------------------
// What every page shows: the title block.

/// The title block and the `<head>` of every report.
struct Page<'a> {
    /// The report's title.
    title: &'a str,
    /// The title's words, each with whether it must not break (a date such as
    /// `2026-12-31`, which a browser would otherwise break at a hyphen).
    title_words: Vec<(&'a str, bool)>,
    /// The report kind, for the `<body>` class.
    kind: &'static str,
    /// What the document is, above the title: "Review packet".
    eyebrow: &'static str,
    /// The period in words.
    period: String,
    /// The day it was made, in words.
    generated: String,
    /// "12 entries".
    count: String,
    /// How many entries the report was made from.
    entries: usize,
}

impl<'a> Page<'a> {
    fn new(h: &'a Header, kind: &'static str, eyebrow: &'static str) -> Page<'a> {
        Page {
            title: &h.title,
            title_words: h
                .title
                .split(' ')
                .map(|w| {
                    (
                        w,
                        w.starts_with(|c: char| c.is_ascii_digit()) && w.contains('-'),
                    )
                })
                .collect(),
            kind,
            eyebrow,
            period: period(h.from, h.to),
            generated: day(h.generated),
            count: plural(h.entries, "entry", "entries"),
            entries: h.entries,
        }
    }
}

/// Returns a day in words: `14 Mar 2025`.
fn day(d: Date) -> String {
    Day(d).to_string()
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Returns a month's short name, `1` → `Jan`.
fn month_abbr(m: i8) -> &'static str {
    usize::try_from(m - 1)
        .ok()
        .and_then(|i| MONTHS.get(i))
        .copied()
        .unwrap_or("")
}

/// A day in words, written straight into the document (a big review shows thousands).
struct Day(Date);

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(f, "{} {} {}", d.day(), month_abbr(d.month()), d.year())
    }
}

/// Returns a period in words; `None` ends are open.
fn period(from: Option<Date>, to: Option<Date>) -> String {
    match (from, to) {
        (Some(f), Some(t)) if f == t => day(f),
        (Some(f), Some(t)) => format!("{} – {}", day(f), day(t)),
        (Some(f), None) => format!("Since {}", day(f)),
        (None, Some(t)) => format!("Up to {}", day(t)),
        (None, None) => "All time".to_owned(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Returns `2026-06` as `Jun 2026`, and anything else as it is.
fn month_name(month: &str) -> String {
    month
        .split_once('-')
        .and_then(|(y, m)| {
            let i = m.parse::<usize>().ok()?.checked_sub(1)?;
            Some(format!("{} {y}", MONTHS.get(i)?))
        })
        .unwrap_or_else(|| month.to_owned())
}

/// A dated thing's day as the templates show it: in words, with the ISO date for
/// `<time datetime>` beside; `undated` when there is none.
#[derive(Clone, Copy)]
struct When(Option<Date>);

impl When {
    /// Returns an entry's day; an entry marked `undated` has only a stand-in date (the
    /// day it was imported), which a reader must not take for the day it happened.
    fn of(e: &crate::Entry) -> When {
        When(e.date.filter(|_| !e.undated))
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(d) => Day(d).fmt(f),
            None => f.write_str("undated"),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Entries.

/// A piece of free text: paragraphs (lines wrapped in the file join, as in Markdown) and
/// bullet lists, the two shapes entries are written in. Inline Markdown is shown as
/// written.
pub enum Block<'a> {
    /// A paragraph: its lines, to be joined by spaces.
    Para(Vec<&'a str>),
    /// A bullet list: its items.
    List(Vec<Cow<'a, str>>),
}

/// Returns free text split into paragraphs and `-`/`*`/`+` bullet lists.
pub fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Vec<Cow<'_, str>> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        let item = ["- ", "* ", "+ "]
            .iter()
            .find_map(|p| t.strip_prefix(p))
            .or((t == "-" || t == "*").then_some(""));
        if t.is_empty() {
            flush(&mut out, &mut para, &mut list);
        } else if let Some(item) = item {
            if !para.is_empty() {
                out.push(Block::Para(std::mem::take(&mut para)));
            }
            list.push(Cow::Borrowed(item.trim()));
        } else if let Some(last) = list.last_mut().filter(|_| line.starts_with([' ', '\t'])) {
            // An indented line continues the bullet above it.
            let item = last.to_mut();
            item.push(' ');
            item.push_str(t);
        } else {
            if !list.is_empty() {
                out.push(Block::List(std::mem::take(&mut list)));
            }
            para.push(t);
        }
    }
    flush(&mut out, &mut para, &mut list);
    out
}

fn flush<'a>(out: &mut Vec<Block<'a>>, para: &mut Vec<&'a str>, list: &mut Vec<Cow<'a, str>>) {
    if !para.is_empty() {
        out.push(Block::Para(std::mem::take(para)));
    }
    if !list.is_empty() {
        out.push(Block::List(std::mem::take(list)));
    }
}

/// One labelled part of an entry: "Situation", "Result", "Lessons".
pub struct Part<'a> {
    /// The part's name, as a heading.
    pub label: &'static str,
    /// Its text, in paragraphs and lists.
    pub blocks: Vec<Block<'a>>,
}

/// Returns the labelled parts of an entry that are not empty, in the file's order.
pub fn parts(e: &crate::Entry) -> Vec<Part<'_>> {
    [
        ("Situation", &e.situation),
        ("Task", &e.task),
        ("Action", &e.action),
        ("Result", &e.result),
        ("Lessons", &e.lessons),
        ("Notes", &e.notes),
    ]
    .into_iter()
    .filter(|(_, t)| !t.trim().is_empty())
    .map(|(label, t)| Part {
        label,
        blocks: blocks(t),
    })
    .collect()
}

/// An evidence link as the document shows it.
struct LinkView<'a> {
    /// Where it goes, when it is safe to follow: http, https or mailto.
    href: Option<&'a str>,
    /// What the reader sees.
    label: &'a str,
    /// `github-pr`, `doc`, ...
    kind: &'static str,
}

impl<'a> LinkView<'a> {
    fn of(l: &'a Link) -> LinkView<'a> {
        let label = if l.label.trim().is_empty() {
            &l.url
        } else {
            &l.label
        };
        LinkView {
            href: safe_href(&l.url),
            label,
            kind: l.kind.as_str(),
        }
    }
}

/// Returns the URL when a browser may follow it from a document: `javascript:`, `data:`
/// and the like come from a file anyone could have edited, so they stay text.
pub fn safe_href(url: &str) -> Option<&str> {
    let u = url.trim();
    let scheme = u.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    match scheme.as_deref() {
        Some("http" | "https") if u.contains("://") => Some(u),
        Some("mailto") => Some(u),
        _ => None,
    }
}

/// The display names of competency ids, where the report knows them.
type Names<'a> = HashMap<&'a str, &'a str>;

/// Returns a competency's display name: from the report when it has one, else the id
/// made readable (`dive-deep` → `Dive deep`).
fn competency_name<'a>(id: &str, names: &Names<'a>) -> Cow<'a, str> {
    if let Some(n) = names.get(id) {
        return Cow::Borrowed(n);
    }
    let words = id.replace(['-', '_'], " ");
    let mut chars = words.chars();
    Cow::Owned(match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    })
}

/// An entry as the document shows it.
struct EntryView<'a> {
    /// The entry's id; `e-` + it is the `id` attribute of its full view, the one the
    /// rest of the document links to.
    id: &'a str,
    /// Whether this is that full view.
    anchor: bool,
    /// Whether this shorter view links to the full one.
    full: bool,
    title: &'a str,
    kind: &'static str,
    when: When,
    project: Option<&'a str>,
    parts: Vec<Part<'a>>,
    /// The body of an entry without sections.
    text: Vec<Block<'a>>,
    /// Feedback is a quote: shown as one, with its people as the source.
    quote: bool,
    metrics: &'a [String],
    links: Vec<LinkView<'a>>,
    tags: &'a [String],
    people: &'a [String],
    competencies: Vec<Cow<'a, str>>,
}

impl<'a> EntryView<'a> {
    fn of(r: &'a ReportEntry, names: &Names<'a>, place: Place) -> EntryView<'a> {
        let e = &r.entry;
        EntryView {
            id: e.id.as_str(),
            anchor: place != Place::Elsewhere,
            full: false,
            title: &e.title,
            kind: e.kind.as_str(),
            when: When::of(e),
            project: e.project.as_deref().filter(|_| place != Place::Project),
            parts: parts(e),
            text: blocks(&e.text),
            quote: e.kind == Kind::Feedback,
            metrics: &e.metrics,
            links: e.links.iter().map(LinkView::of).collect(),
            tags: &e.tags,
            people: &e.people,
            competencies: e
                .competencies
                .iter()
                .map(|c| competency_name(c, names))
                .collect(),
        }
    }

    fn list(entries: &'a [ReportEntry], names: &Names<'a>, place: Place) -> Vec<EntryView<'a>> {
        entries
            .iter()
            .map(|e| EntryView::of(e, names, place))
            .collect()
    }

    /// Returns an entry as a highlight: what came of it (its Result, or its text when it
    /// has no Result), metrics and links, and a link to the whole story further down.
    fn highlight(r: &'a ReportEntry, names: &Names<'a>) -> EntryView<'a> {
        let mut v = EntryView::of(r, names, Place::Elsewhere);
        if v.parts.iter().any(|p| p.label == "Result") {
            v.parts.retain(|p| p.label == "Result");
        } else if !v.text.is_empty() {
            v.parts.clear();
        }
        v.full = true;
        v
    }
}

/// Where an entry is shown, which says what its view carries.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The one place it is shown in full: it carries the anchor.
    Main,
    /// In full, under its project's heading: the anchor, and no project in its meta line.
    Project,
    /// Anywhere else: no anchor.
    Elsewhere,
}

// ---------------------------------------------------------------------------------------
// Charts: inline SVG, a viewBox, one `<rect>` per bar with a `<title>` tooltip.

/// Width of every chart's viewBox; the CSS scales it to the column.
const CHART_W: u32 = 640;

/// A column chart: one bar per month.
struct ColumnChart {
    label: String,
    width: u32,
    height: u32,
    baseline: u32,
    /// Where the axis under the bars starts and ends.
    axis: (u32, u32),
    /// The baseline of the labels under the bars.
    label_y: u32,
    bars: Vec<Column>,
}

struct Column {
    x: u32,
    y: u32,
    w: u32,
    h: u32,
    /// The baseline of the value above the bar.
    value_y: u32,
    /// The tooltip: "Jun 2026: 5 entries".
    title: String,
    /// The value above the bar, when there is room for it.
    value: Option<usize>,
    /// The label under the bar; every few bars when there are many.
    label: Option<String>,
    /// Centre of the bar, for its texts.
    cx: u32,
}

impl ColumnChart {
    /// Returns a column chart of `(label, value)` pairs; `one` and `many` name the unit.
    fn new(label: String, data: &[(String, usize)], one: &str, many: &str) -> ColumnChart {
        const PLOT_H: u32 = 140;
        const TOP: u32 = 18;
        // Labels under the bars need about this many units each.
        const LABEL_W: u32 = 56;
        // Room at both ends for half a label: the first and last are centred on their bars.
        const MARGIN: u32 = LABEL_W / 2;
        let n = u32::try_from(data.len()).unwrap_or(u32::MAX).max(1);
        let slot = ((CHART_W - 2 * MARGIN) / n).clamp(4, 72);
        let width = CHART_W.max(slot.saturating_mul(n).saturating_add(2 * MARGIN));
        let left = (width - slot.saturating_mul(n).min(width)) / 2;
        let max = data.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
        let every = usize::try_from(LABEL_W.div_ceil(slot)).unwrap_or(1).max(1);
        let w = (slot * 7 / 10).max(2);
        let mut x = left + (slot - w) / 2;
        let mut bars = Vec::with_capacity(data.len());
        for (i, (name, v)) in data.iter().enumerate() {
            let h = scale(*v, max, PLOT_H);
            bars.push(Column {
                x,
                y: TOP + PLOT_H - h,
                value_y: TOP + PLOT_H - h - 4,
                w,
                h,
                title: format!("{name}: {}", plural(*v, one, many)),
                value: (*v > 0 && slot >= 18).then_some(*v),
                label: (i % every == 0).then(|| name.clone()),
                cx: x + w / 2,
            });
            x = x.saturating_add(slot);
        }
        ColumnChart {
            label,
            width,
            height: TOP + PLOT_H + 24,
            baseline: TOP + PLOT_H,
            axis: (left, left + slot.saturating_mul(n).min(width)),
            label_y: TOP + PLOT_H + 16,
            bars,
        }
    }
}

/// A bar chart with one row per competency, its name on the left.
struct RowChart {
    label: String,
    width: u32,
    height: u32,
    /// Where the names end (they are right-aligned) and the bars start.
    label_x: u32,
    bar_x: u32,
    bar_h: u32,
    rows: Vec<Row>,
    /// What the colours mean, under the rows; empty when there is one colour.
    legend: Vec<Swatch>,
    legend_y: u32,
}

/// One entry of a chart's legend: a square of a bar's colour and what it means.
struct Swatch {
    x: u32,
    class: &'static str,
    text: &'static str,
}

struct Row {
    /// The baseline of the row's texts and the top of its bar.
    text_y: u32,
    bar_y: u32,
    /// The name, cut to fit.
    name: String,
    /// The tooltip: the full name and the value in words.
    title: String,
    w: u32,
    /// The value as text, after the bar.
    value: String,
    value_x: u32,
    /// `strong`, `weak` or `none`: the bar's colour.
    class: &'static str,
}

impl RowChart {
    /// Returns a row chart; each row is `(name, value, value in words, class)`, and
    /// `legend` says what each class means.
    fn new(
        label: String,
        data: Vec<(String, usize, String, &'static str)>,
        legend: &[(&'static str, &'static str)],
    ) -> RowChart {
        const LABEL_W: u32 = 250;
        const BAR_W: u32 = 360;
        const ROW_H: u32 = 24;
        const BAR_H: u32 = 14;
        let max = data.iter().map(|d| d.1).max().unwrap_or(0).max(1);
        let mut rows = Vec::with_capacity(data.len());
        let mut y = 0u32;
        for (name, v, words, class) in data {
            let w = scale(v, max, BAR_W).max(2);
            rows.push(Row {
                text_y: y + 16,
                bar_y: y + (ROW_H - BAR_H) / 2,
                title: format!("{name}: {words}"),
                name: truncate_chars(&name, 32),
                w,
                value: v.to_string(),
                value_x: LABEL_W + 8 + w + 6,
                class,
            });
            y = y.saturating_add(ROW_H);
        }
        let rows_h = y.max(ROW_H);
        // A swatch, its text at about 7 units a character, and a gap; under the bars
        // when that fits, else as far left as it needs.
        let widths: Vec<u32> = legend
            .iter()
            .map(|(_, text)| 18 + u32::try_from(text.chars().count()).unwrap_or(40) * 7 + 18)
            .collect();
        let total: u32 = widths.iter().sum();
        let mut x = (LABEL_W + 8).min(CHART_W.saturating_sub(total));
        let legend: Vec<Swatch> = legend
            .iter()
            .zip(widths)
            .map(|((class, text), w)| {
                let at = x;
                x = x.saturating_add(w);
                Swatch { x: at, class, text }
            })
            .collect();
        RowChart {
            label,
            width: CHART_W,
            height: if legend.is_empty() {
                rows_h
            } else {
                rows_h + 30
            },
            label_x: LABEL_W,
            bar_x: LABEL_W + 8,
            bar_h: BAR_H,
            rows,
            legend,
            legend_y: rows_h + 12,
        }
    }
}

/// Returns `v` of `max` on a scale of `len` units, rounded.
fn scale(v: usize, max: usize, len: u32) -> u32 {
    let r = (v.min(max) as f64 / max.max(1) as f64) * f64::from(len);
    // In 0..=len by construction.
    r.round() as u32
}

// ---------------------------------------------------------------------------------------
// doc

#[derive(Template)]
#[template(path = "report/doc.html", whitespace = "minimize")]
struct DocPage<'a> {
    page: Page<'a>,
    sections: Vec<DocSectionView<'a>>,
    /// The headings of the template's sections that hold nothing.
    empty: Vec<&'a str>,
}

struct DocSectionView<'a> {
    heading: &'a str,
    groups: Vec<DocGroupView<'a>>,
}

struct DocGroupView<'a> {
    heading: Option<&'a str>,
    entries: Vec<EntryView<'a>>,
}

impl<'a> DocPage<'a> {
    fn new(r: &'a DocReport) -> DocPage<'a> {
        let names = Names::new();
        let mut sections = Vec::new();
        let mut empty = Vec::new();
        for s in &r.sections {
            if s.groups.iter().all(|g| g.entries.is_empty()) {
                empty.push(s.heading.as_str());
                continue;
            }
            let projects = s.section == DocSectionKind::Projects;
            let groups = s
                .groups
                .iter()
                .filter(|g| !g.entries.is_empty())
                .map(|g| DocGroupView {
                    heading: if projects {
                        Some(g.project.as_deref().unwrap_or(OTHER_WORK))
                    } else {
                        None
                    },
                    entries: EntryView::list(
                        &g.entries,
                        &names,
                        if projects {
                            Place::Project
                        } else {
                            Place::Main
                        },
                    ),
                })
                .collect();
            sections.push(DocSectionView {
                heading: &s.heading,
                groups,
            });
        }
        DocPage {
            page: Page::new(&r.header, "doc", "Brag document"),
            sections,
            empty,
        }
    }
}

/// The heading of entries without a project.
const OTHER_WORK: &str = "Other work";

// ---------------------------------------------------------------------------------------
// review

#[derive(Template)]
#[template(path = "report/review.html", whitespace = "minimize")]
struct ReviewPage<'a> {
    page: Page<'a>,
    totals: &'a Totals,
    kinds: Vec<(usize, &'static str)>,
    months: ColumnChart,
    highlights: Vec<EntryView<'a>>,
    by_project: Vec<GroupView<'a>>,
    competencies: Option<RowChart>,
    by_competency: Vec<RefGroup<'a>>,
    links: Vec<EvidenceView<'a>>,
    todo: &'a [Todo],
}

/// A group shown in full.
struct GroupView<'a> {
    name: &'a str,
    entries: Vec<EntryView<'a>>,
}

/// A group shown as references to entries shown in full elsewhere.
struct RefGroup<'a> {
    name: &'a str,
    count: String,
    entries: Vec<EntryRef<'a>>,
}

/// A title that links to where its entry is shown in full (`#e-` + its id), and its day.
struct EntryRef<'a> {
    id: &'a str,
    title: &'a str,
    when: When,
}

/// A link of the evidence table: the link, and the entry it proves (`#e-` + its id).
struct EvidenceView<'a> {
    link: LinkView<'a>,
    entry: &'a str,
    title: &'a str,
}

impl<'a> ReviewPage<'a> {
    fn new(r: &'a ReviewReport) -> ReviewPage<'a> {
        let names: Names<'a> = r
            .by_competency
            .iter()
            .filter_map(|g| Some((g.key.as_deref()?, g.name.as_str())))
            .collect();
        let months: Vec<(String, usize)> = r
            .totals
            .by_month
            .iter()
            .map(|m| (month_name(&m.month), m.count))
            .collect();
        let month_label = match (months.first(), months.last()) {
            (Some(a), Some(b)) => format!("Entries per month, {} to {}", a.0, b.0),
            _ => "Entries per month".to_owned(),
        };
        let competencies = (!r.by_competency.is_empty()).then(|| {
            RowChart::new(
                "Entries per competency".to_owned(),
                r.by_competency
                    .iter()
                    .map(|g| {
                        let n = g.entries.len();
                        (g.name.clone(), n, plural(n, "entry", "entries"), "strong")
                    })
                    .collect(),
                &[],
            )
        });
        ReviewPage {
            page: Page::new(&r.header, "review", "Review packet"),
            totals: &r.totals,
            kinds: r
                .totals
                .by_kind
                .iter()
                .map(|k| (k.count, kind_plural(k.kind, k.count)))
                .collect(),
            months: ColumnChart::new(month_label, &months, "entry", "entries"),
            highlights: r
                .highlights
                .iter()
                .map(|e| EntryView::highlight(e, &names))
                .collect(),
            by_project: r
                .by_project
                .iter()
                .map(|g| GroupView {
                    name: group_name(g),
                    entries: EntryView::list(&g.entries, &names, Place::Project),
                })
                .collect(),
            competencies,
            by_competency: r
                .by_competency
                .iter()
                .filter(|g| !g.entries.is_empty())
                .map(|g| RefGroup {
                    name: &g.name,
                    count: plural(g.entries.len(), "entry", "entries"),
                    entries: g
                        .entries
                        .iter()
                        .map(|e| EntryRef {
                            id: e.entry.id.as_str(),
                            title: &e.entry.title,
                            when: When::of(&e.entry),
                        })
                        .collect(),
                })
                .collect(),
            links: r
                .links
                .iter()
                .map(|l| EvidenceView {
                    link: LinkView::of(&l.link),
                    entry: &l.entry,
                    title: &l.title,
                })
                .collect(),
            todo: &r.todo,
        }
    }
}

fn group_name(g: &Group) -> &str {
    match g.key {
        None => OTHER_WORK,
        Some(_) => &g.name,
    }
}

/// Returns a kind's name for a count of it: `3 wins`, `1 story`, `2 feedback`.
fn kind_plural(k: Kind, n: usize) -> &'static str {
    match (k, n == 1) {
        (Kind::Win, true) => "win",
        (Kind::Win, false) => "wins",
        (Kind::Story, true) => "story",
        (Kind::Story, false) => "stories",
        (Kind::Learning, true) => "learning",
        (Kind::Learning, false) => "learnings",
        (Kind::Feedback, _) => "feedback",
        (Kind::Goal, true) => "goal",
        (Kind::Goal, false) => "goals",
    }
}

// ---------------------------------------------------------------------------------------
// week

#[derive(Template)]
#[template(path = "report/week.html", whitespace = "minimize")]
struct WeekPage<'a> {
    page: Page<'a>,
    shipped: Vec<EntryView<'a>>,
    learned: Vec<EntryView<'a>>,
    thanks: &'a [Thanks],
    next: Vec<EntryView<'a>>,
}

impl<'a> WeekPage<'a> {
    fn new(r: &'a WeekReport) -> WeekPage<'a> {
        let names = Names::new();
        WeekPage {
            page: Page::new(&r.header, "week", "Weekly update"),
            shipped: EntryView::list(&r.shipped, &names, Place::Elsewhere),
            learned: EntryView::list(&r.learned, &names, Place::Elsewhere),
            thanks: &r.thanks,
            next: EntryView::list(&r.next, &names, Place::Elsewhere),
        }
    }
}

// ---------------------------------------------------------------------------------------
// resume

#[derive(Template)]
#[template(path = "report/resume.html", whitespace = "minimize")]
struct ResumePage<'a> {
    page: Page<'a>,
    recent: Vec<BulletView<'a>>,
    older: Vec<BulletView<'a>>,
}

struct BulletView<'a> {
    text: &'a str,
    /// `Mar 2025`: a resume dates work by the month.
    when: String,
    iso: String,
}

impl<'a> BulletView<'a> {
    fn list(bullets: &'a [Bullet]) -> Vec<BulletView<'a>> {
        bullets
            .iter()
            .map(|b| BulletView {
                text: &b.text,
                when: b
                    .date
                    .map(|d| format!("{} {}", month_abbr(d.month()), d.year()))
                    .unwrap_or_default(),
                iso: b.date.map(|d| d.to_string()).unwrap_or_default(),
            })
            .collect()
    }
}

impl<'a> ResumePage<'a> {
    fn new(r: &'a ResumeReport) -> ResumePage<'a> {
        ResumePage {
            page: Page::new(&r.header, "resume", "Resume bullets"),
            recent: BulletView::list(&r.recent),
            older: BulletView::list(&r.older),
        }
    }
}

// ---------------------------------------------------------------------------------------
// interview

#[derive(Template)]
#[template(path = "report/interview.html", whitespace = "minimize")]
struct InterviewPage<'a> {
    page: Page<'a>,
    coverage: Option<RowChart>,
    competencies: Vec<CompetencyView<'a>>,
    gaps: Vec<GapView<'a>>,
}

struct CompetencyView<'a> {
    c: &'a CompetencyCards,
    cards: Vec<CardView<'a>>,
}

struct CardView<'a> {
    card: &'a Card,
    when: When,
    /// The condensed S, T, A and R that are not empty.
    star: Vec<(&'static str, &'a str)>,
    /// "142 words · about 1 min".
    length: String,
}

struct GapView<'a> {
    gap: &'a Gap,
    /// "No story yet", "2 stories, none strong yet".
    stories: String,
}

impl<'a> InterviewPage<'a> {
    fn new(r: &'a InterviewReport) -> InterviewPage<'a> {
        let mut rows: Vec<(String, usize, String, &'static str)> = r
            .competencies
            .iter()
            .map(|c| {
                let n = c.strong;
                (
                    c.name.clone(),
                    n,
                    plural(n, "strong story", "strong stories"),
                    "strong",
                )
            })
            .collect();
        rows.extend(r.gaps.iter().map(|g| {
            let (words, class) = if g.stories == 0 {
                ("no story".to_owned(), "none")
            } else {
                (
                    format!("{}, none strong", plural(g.stories, "story", "stories")),
                    "weak",
                )
            };
            (g.name.clone(), g.stories, words, class)
        }));
        let coverage = (!rows.is_empty()).then(|| {
            RowChart::new(
                format!(
                    "Competency coverage: {} with strong stories, {} gaps",
                    r.competencies.len(),
                    r.gaps.len()
                ),
                rows,
                &[
                    ("strong", "strong stories"),
                    ("weak", "stories, none strong"),
                    ("none", "no story"),
                ],
            )
        });
        InterviewPage {
            page: Page::new(&r.header, "interview", "Interview story bank"),
            coverage,
            competencies: r
                .competencies
                .iter()
                .map(|c| CompetencyView {
                    c,
                    cards: c.cards.iter().map(CardView::of).collect(),
                })
                .collect(),
            gaps: r
                .gaps
                .iter()
                .map(|gap| GapView {
                    gap,
                    stories: match gap.stories {
                        0 => "No story yet.".to_owned(),
                        n => format!("{}, none strong yet.", plural(n, "story", "stories")),
                    },
                })
                .collect(),
        }
    }
}

impl<'a> CardView<'a> {
    fn of(card: &'a Card) -> CardView<'a> {
        let minutes = format!("{:.1} min", card.minutes);
        CardView {
            card,
            when: When(card.date),
            star: [
                ("S", card.situation.as_str()),
                ("T", card.task.as_str()),
                ("A", card.action.as_str()),
                ("R", card.result.as_str()),
            ]
            .into_iter()
            .filter(|(_, t)| !t.trim().is_empty())
            .collect(),
            length: format!("{} · {minutes}", plural(card.words, "word", "words")),
        }
    }
}

#[cfg(test)]
mod tests;
