//! The pages: what each template shows, prepared from the app's values. Templates live in
//! `templates/web/` and escape everything they print; nothing here writes markup.

use askama::Template;
use brag_app::render::html::{Block, blocks, parts, safe_href};
use brag_app::{Entry, coach};

/// What every page's frame shows: its title, the search box's text, the active tab.
pub(crate) struct Chrome {
    pub(crate) title: String,
    pub(crate) q: String,
    pub(crate) tab: &'static str,
}

impl Chrome {
    pub(crate) fn new(title: impl Into<String>, tab: &'static str) -> Chrome {
        Chrome {
            title: title.into(),
            q: String::new(),
            tab,
        }
    }
}

/// A piece of an entry's text: a paragraph, or a bullet list.
pub(crate) enum Para {
    Text(String),
    List(Vec<String>),
}

fn paras(text: &str) -> Vec<Para> {
    owned(blocks(text))
}

/// Returns the report's blocks of text, owned by the page.
fn owned(blocks: Vec<Block<'_>>) -> Vec<Para> {
    blocks
        .into_iter()
        .map(|b| match b {
            Block::Para(lines) => Para::Text(lines.join(" ")),
            Block::List(items) => Para::List(items.into_iter().map(|i| i.into_owned()).collect()),
        })
        .collect()
}

/// An evidence link: followed only when it is http, https or mailto.
pub(crate) struct LinkView {
    pub(crate) href: Option<String>,
    pub(crate) label: String,
    pub(crate) kind: &'static str,
}

/// An entry as its page shows it.
pub(crate) struct EntryView {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) kind: &'static str,
    pub(crate) date: String,
    pub(crate) project: Option<String>,
    /// Tags and competencies, each with the timeline of its entries.
    pub(crate) tags: Vec<(String, String)>,
    pub(crate) competencies: Vec<(String, String)>,
    pub(crate) people: Vec<String>,
    pub(crate) text: Vec<Para>,
    pub(crate) parts: Vec<(&'static str, Vec<Para>)>,
    pub(crate) metrics: Vec<String>,
    pub(crate) links: Vec<LinkView>,
    pub(crate) path: String,
}

/// Returns the address of the timeline filtered by one value: `/?tag=perf`.
pub(crate) fn timeline_of(key: &str, value: &str) -> String {
    format!("/?{}", query(&[(key, value)]))
}

/// Returns a query string, encoded.
pub(crate) fn query(pairs: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// Returns an entry's date as shown: the day, or "undated" (with the stand-in day).
pub(crate) fn date_of(e: &Entry) -> String {
    match (e.date, e.undated) {
        (Some(d), false) => d.to_string(),
        (Some(d), true) => format!("undated (filed {d})"),
        (None, _) => "undated".to_owned(),
    }
}

impl EntryView {
    pub(crate) fn of(e: &Entry) -> EntryView {
        let parts = parts(e)
            .into_iter()
            .map(|p| (p.label, owned(p.blocks)))
            .collect();
        EntryView {
            id: e.id.0.clone(),
            title: e.title.clone(),
            kind: e.kind.as_str(),
            date: date_of(e),
            project: e.project.clone(),
            tags: e
                .tags
                .iter()
                .map(|t| (t.clone(), timeline_of("tag", t)))
                .collect(),
            competencies: e
                .competencies
                .iter()
                .map(|c| (c.clone(), timeline_of("competency", c)))
                .collect(),
            people: e.people.clone(),
            text: paras(&e.text),
            parts,
            metrics: e.metrics.clone(),
            links: e
                .links
                .iter()
                .map(|l| LinkView {
                    href: safe_href(&l.url).map(str::to_owned),
                    label: if l.label.trim().is_empty() {
                        l.url.clone()
                    } else {
                        l.label.clone()
                    },
                    kind: l.kind.as_str(),
                })
                .collect(),
            path: e.path.clone(),
        }
    }
}

/// One line of the timeline.
pub(crate) struct Row {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) day: String,
    pub(crate) kind: &'static str,
    pub(crate) score: Option<u8>,
    pub(crate) project: Option<String>,
    pub(crate) tags: Vec<String>,
}

impl Row {
    pub(crate) fn of(e: &Entry, score: Option<u8>) -> Row {
        Row {
            id: e.id.0.clone(),
            title: e.title.clone(),
            day: match e.date {
                Some(d) if !e.undated => format!("{:02}", d.day()),
                _ => "—".to_owned(),
            },
            kind: e.kind.as_str(),
            score,
            project: e.project.clone(),
            tags: e.tags.clone(),
        }
    }

    /// The score's band, for its colour: weak, fair or strong.
    pub(crate) fn band(&self) -> &'static str {
        band(&self.score.unwrap_or(0))
    }
}

/// Returns a coach score's band: `weak` (< 50), `fair`, or `strong` (the coach's own
/// bar, [`coach::STRONG`]).
pub(crate) fn band(score: &u8) -> &'static str {
    if *score >= coach::STRONG {
        "strong"
    } else if *score >= 50 {
        "fair"
    } else {
        "weak"
    }
}

/// A month of the timeline.
pub(crate) struct Month {
    pub(crate) label: String,
    pub(crate) rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "web/timeline.html")]
pub(crate) struct TimelinePage {
    pub(crate) chrome: Chrome,
    pub(crate) token: String,
    pub(crate) months: Vec<Month>,
    pub(crate) filtered: Option<String>,
    pub(crate) prev: Option<String>,
    pub(crate) next: Option<String>,
    pub(crate) quick: String,
    pub(crate) error: Option<String>,
}

#[derive(Template)]
#[template(path = "web/entry.html")]
pub(crate) struct EntryPage {
    pub(crate) chrome: Chrome,
    pub(crate) token: String,
    pub(crate) e: EntryView,
    pub(crate) report: Option<coach::Report>,
    pub(crate) notice: Option<String>,
}

/// The values of the entry form, as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(crate) struct EntryForm {
    pub(crate) title: String,
    pub(crate) kind: String,
    pub(crate) date: String,
    pub(crate) project: String,
    pub(crate) tags: String,
    pub(crate) competencies: String,
    pub(crate) situation: String,
    pub(crate) task: String,
    pub(crate) action: String,
    pub(crate) result: String,
    pub(crate) metrics: String,
    pub(crate) links: String,
    pub(crate) lessons: String,
    pub(crate) notes: String,
    pub(crate) text: String,
    /// The file's stamp when the form was opened (edits only).
    pub(crate) stamp: String,
}

impl EntryForm {
    pub(crate) fn of(e: &Entry) -> EntryForm {
        EntryForm {
            title: e.title.clone(),
            kind: e.kind.as_str().to_owned(),
            date: match e.date {
                Some(d) if !e.undated => d.to_string(),
                _ => String::new(),
            },
            project: e.project.clone().unwrap_or_default(),
            tags: e.tags.join(", "),
            competencies: e.competencies.join(", "),
            situation: e.situation.clone(),
            task: e.task.clone(),
            action: e.action.clone(),
            result: e.result.clone(),
            metrics: e.metrics.join("\n"),
            links: e
                .links
                .iter()
                .map(|l| l.url.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            lessons: e.lessons.clone(),
            notes: e.notes.clone(),
            text: e.text.clone(),
            stamp: String::new(),
        }
    }
}

/// The kinds the form offers.
pub(crate) const KINDS: [&str; 5] = ["story", "win", "learning", "feedback", "goal"];

#[derive(Template)]
#[template(path = "web/edit.html")]
pub(crate) struct EditPage {
    pub(crate) chrome: Chrome,
    pub(crate) token: String,
    /// Where the form posts.
    pub(crate) action: String,
    /// The entry's id, for an edit.
    pub(crate) id: Option<String>,
    pub(crate) form: EntryForm,
    pub(crate) error: Option<String>,
    pub(crate) report: Option<coach::Report>,
    /// The file as it is now, when the save was refused because it changed.
    pub(crate) conflict: Option<String>,
}

impl EditPage {
    pub(crate) fn kinds(&self) -> &'static [&'static str] {
        &KINDS
    }
}

/// A search hit: its snippet cut into plain and matched pieces.
pub(crate) struct Hit {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) date: String,
    pub(crate) kind: &'static str,
    pub(crate) snippet: Vec<(String, bool)>,
}

#[derive(Template)]
#[template(path = "web/search.html")]
pub(crate) struct SearchPage {
    pub(crate) chrome: Chrome,
    pub(crate) hits: Vec<Hit>,
    pub(crate) error: Option<String>,
    pub(crate) asked: bool,
}

/// A story that answers a question.
pub(crate) struct Answer {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) why: String,
    pub(crate) score: String,
}

#[derive(Template)]
#[template(path = "web/ask.html")]
pub(crate) struct AskPage {
    pub(crate) chrome: Chrome,
    pub(crate) question: String,
    pub(crate) topics: Vec<String>,
    pub(crate) answers: Vec<Answer>,
    pub(crate) error: Option<String>,
    pub(crate) asked: bool,
}

/// A cell of the coverage heat map.
pub(crate) struct Cell {
    pub(crate) x: u32,
    pub(crate) y: u32,
    pub(crate) count: usize,
    pub(crate) heat: u8,
    pub(crate) href: String,
    pub(crate) label: String,
}

/// A row label of the heat map.
pub(crate) struct Label {
    pub(crate) y: u32,
    pub(crate) name: String,
    pub(crate) href: String,
}

#[derive(Template)]
#[template(path = "web/coverage.html")]
pub(crate) struct CoveragePage {
    pub(crate) chrome: Chrome,
    pub(crate) framework: String,
    pub(crate) columns: Vec<(u32, String)>,
    pub(crate) labels: Vec<Label>,
    pub(crate) cells: Vec<Cell>,
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) gaps: Vec<String>,
}

#[derive(Template)]
#[template(path = "web/coach.html")]
pub(crate) struct CoachPage {
    pub(crate) chrome: Chrome,
    pub(crate) total: usize,
    pub(crate) strong: usize,
    pub(crate) reports: Vec<coach::Report>,
}

#[derive(Template)]
#[template(path = "web/report.html")]
pub(crate) struct ReportPage {
    pub(crate) chrome: Chrome,
    pub(crate) kind: String,
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) frame: String,
    pub(crate) downloads: Vec<(&'static str, String)>,
    pub(crate) error: Option<String>,
}

impl ReportPage {
    pub(crate) fn kinds(&self) -> &'static [&'static str] {
        &["doc", "review", "week", "resume", "interview"]
    }
}

#[derive(Template)]
#[template(path = "web/error.html")]
pub(crate) struct ErrorPage {
    pub(crate) chrome: Chrome,
    pub(crate) status: u16,
    pub(crate) message: String,
}
