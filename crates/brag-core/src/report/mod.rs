//! The data of each report: what `brag report doc|review|week|resume|interview` holds,
//! before any format. Renderers (`crate::render`: Markdown, HTML; the `brag-pdf` crate:
//! PDF through typst) turn a [`Report`] into a document; serialized, it is the report's
//! `--format json`, one documented shape per kind, tagged by `"report"`.
//!
//! Pure: entries, frameworks and today in, a report out. [`build`] is the one way in; each
//! kind has its builder in a submodule (`doc`, `review`, `week`, `resume`, `interview`),
//! and what they share (the period, coach scores, sentences) is here.

mod doc;
mod interview;
mod resume;
mod review;
mod sentence;
mod week;

use std::sync::Arc;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

use crate::coach::{self, Finding};
use crate::entry::{Entry, Kind};
use crate::framework::Framework;
use crate::link::Link;

pub use doc::section_of;
pub use resume::{BULLET_MAX, numbers};
pub use week::{NEXT_GOALS, is_open_goal};

/// Returns what a report is made from: the whole record, the frameworks, the day and the
/// period asked for.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// Every entry of the vault; the builder keeps those of the period.
    pub entries: &'a [SharedEntry],
    /// The active frameworks, the default first.
    pub frameworks: &'a [Framework],
    /// Today: the report's date, the coach's "stale", the resume's last two years.
    pub today: Date,
    /// The period, first and last day included; `None` ends are open. An entry is in it
    /// when its date is (an undated entry by its stand-in date; one with no date at all
    /// only when both ends are open). [`default_period`] gives each kind's default.
    pub period: (Option<Date>, Option<Date>),
    /// What the command line can change.
    pub options: Options,
}

/// Returns the options of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Resume: the most bullets, recent and older together (`--limit`, default 10).
    pub limit: usize,
    /// Review: list the entries that still need work (`--no-todo` turns it off).
    pub todo: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            limit: 10,
            todo: true,
        }
    }
}

/// Returns the report of a kind made from the input.
///
/// Harvested drafts ([`Entry::is_draft`]) are the user's unreviewed work: the doc and the
/// review's groups, links and to-do list show them (each keeps `"draft": true` in its
/// Entry JSON, and the Markdown marks it), the review's highlights, the week, the resume
/// and the interview bank leave them out.
pub fn build(kind: ReportKind, input: &Input<'_>) -> Report {
    match kind {
        ReportKind::Doc => Report::Doc(doc::build(input)),
        ReportKind::Review => Report::Review(review::build(input)),
        ReportKind::Week => Report::Week(week::build(input)),
        ReportKind::Resume => Report::Resume(resume::build(input)),
        ReportKind::Interview => Report::Interview(interview::build(input)),
    }
}

/// Returns which report is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportKind {
    /// The brag document itself, in the layout people keep (Julia Evans' template).
    Doc,
    /// A review packet for a period: totals, highlights, groups, links, what needs work.
    Review,
    /// A short weekly update: shipped, learned, thanks, next.
    Week,
    /// Resume bullets: verb first, a metric in each, most recent first.
    Resume,
    /// The interview story bank: the strongest stories per competency, and the gaps.
    Interview,
}

impl ReportKind {
    /// Every kind, in the order help text lists them.
    pub const ALL: [ReportKind; 5] = [
        ReportKind::Doc,
        ReportKind::Review,
        ReportKind::Week,
        ReportKind::Resume,
        ReportKind::Interview,
    ];

    /// Returns the kind's name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Doc => "doc",
            ReportKind::Review => "review",
            ReportKind::Week => "week",
            ReportKind::Resume => "resume",
            ReportKind::Interview => "interview",
        }
    }
}

impl std::fmt::Display for ReportKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ReportKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ReportKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!(
                    "unknown report `{s}` (expected one of: doc, review, week, resume, interview)"
                )
            })
    }
}

/// Returns the default period of a report as of `today`: `week` the current ISO week
/// (Monday to Sunday; with `last`, the one before), `review` the last six months (to
/// today), `doc` the current year, `resume` and `interview` everything. `None` ends are
/// open.
pub fn default_period(kind: ReportKind, today: Date, last: bool) -> (Option<Date>, Option<Date>) {
    match kind {
        ReportKind::Week => {
            let back =
                i64::from(today.weekday().to_monday_zero_offset()) + if last { 7 } else { 0 };
            let monday = today.checked_sub(back.days()).unwrap_or(today);
            let sunday = monday.checked_add(6.days()).unwrap_or(monday);
            (Some(monday), Some(sunday))
        }
        ReportKind::Review => {
            let start = today
                .checked_sub(6.months())
                .and_then(|d| d.checked_add(1.day()))
                .unwrap_or(today);
            (Some(start), Some(today))
        }
        ReportKind::Doc => (
            Date::new(today.year(), 1, 1).ok(),
            Date::new(today.year(), 12, 31).ok(),
        ),
        ReportKind::Resume | ReportKind::Interview => (None, None),
    }
}

/// Returns the ISO week number and its year for a day (week 1 holds the year's first
/// Thursday).
pub fn iso_week(d: Date) -> (i16, i8) {
    let w = d.iso_week_date();
    (w.year(), w.week())
}

/// Returns what every report starts with.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Header {
    /// The document's title: "Brag document 2026", "Week 48, 2026", ...
    pub title: String,
    /// The first day of the period; `null` when it is open.
    pub from: Option<Date>,
    /// The last day of the period; `null` when it is open.
    pub to: Option<Date>,
    /// The day the report was made.
    pub generated: Date,
    /// How many entries of the period the report was made from: all of them for `doc`
    /// and `review`; for `week` those that are not drafts, for `resume` the stories and
    /// wins that are not, for `interview` the stories that are not. 0 makes the report a
    /// one-line "No entries from … to …".
    pub entries: usize,
}

/// Returns one entry as reports show it: the Entry JSON plus its coach score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportEntry {
    /// The entry (shared: a review lists one entry in several groups).
    #[serde(flatten)]
    pub entry: SharedEntry,
    /// The coach's score, 0-100.
    pub score: u8,
}

/// An entry that several parts of a report show, held once (a clone is a reference
/// count); it reads and serializes as the [`Entry`] itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SharedEntry(Arc<Entry>);

impl std::ops::Deref for SharedEntry {
    type Target = Entry;

    fn deref(&self) -> &Entry {
        &self.0
    }
}

impl From<Entry> for SharedEntry {
    fn from(e: Entry) -> SharedEntry {
        SharedEntry(Arc::new(e))
    }
}

impl Serialize for SharedEntry {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// Returns a report, tagged by kind in JSON (`"report": "review"`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "report", rename_all = "lowercase")]
pub enum Report {
    /// `brag report doc`.
    Doc(DocReport),
    /// `brag report review`.
    Review(ReviewReport),
    /// `brag report week`.
    Week(WeekReport),
    /// `brag report resume`.
    Resume(ResumeReport),
    /// `brag report interview`.
    Interview(InterviewReport),
}

impl Report {
    /// Returns the report's kind.
    pub fn kind(&self) -> ReportKind {
        match self {
            Report::Doc(_) => ReportKind::Doc,
            Report::Review(_) => ReportKind::Review,
            Report::Week(_) => ReportKind::Week,
            Report::Resume(_) => ReportKind::Resume,
            Report::Interview(_) => ReportKind::Interview,
        }
    }

    /// Returns the report's header.
    pub fn header(&self) -> &Header {
        match self {
            Report::Doc(r) => &r.header,
            Report::Review(r) => &r.header,
            Report::Week(r) => &r.header,
            Report::Resume(r) => &r.header,
            Report::Interview(r) => &r.header,
        }
    }
}

/// The sections of the brag document, in the order of Julia Evans' template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocSectionKind {
    /// "Goals for this period": goal entries.
    Goals,
    /// "Projects": stories and wins, grouped by project.
    Projects,
    /// "Collaboration & mentorship".
    Collaboration,
    /// "Design & documentation".
    Design,
    /// "Company building".
    Company,
    /// "What I learned": learning entries.
    Learning,
    /// "Outside of work".
    Outside,
    /// "Feedback received": feedback entries.
    Feedback,
}

impl DocSectionKind {
    /// Every section, in the document's order.
    pub const ALL: [DocSectionKind; 8] = [
        DocSectionKind::Goals,
        DocSectionKind::Projects,
        DocSectionKind::Collaboration,
        DocSectionKind::Design,
        DocSectionKind::Company,
        DocSectionKind::Learning,
        DocSectionKind::Outside,
        DocSectionKind::Feedback,
    ];

    /// Returns the section's heading, as the template and the markdown importer name it.
    pub fn heading(self) -> &'static str {
        match self {
            DocSectionKind::Goals => "Goals for this period",
            DocSectionKind::Projects => "Projects",
            DocSectionKind::Collaboration => "Collaboration & mentorship",
            DocSectionKind::Design => "Design & documentation",
            DocSectionKind::Company => "Company building",
            DocSectionKind::Learning => "What I learned",
            DocSectionKind::Outside => "Outside of work",
            DocSectionKind::Feedback => "Feedback received",
        }
    }
}

/// Returns `brag report doc`: every section of the template, in order, empty ones
/// included (the renderer decides how to show them).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocReport {
    /// Title, period, when, how many entries.
    #[serde(flatten)]
    pub header: Header,
    /// The sections, in the template's order.
    pub sections: Vec<DocSection>,
}

/// Returns one section of the brag document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocSection {
    /// Which section.
    pub section: DocSectionKind,
    /// Its heading.
    pub heading: String,
    /// Its entries, in groups: one per project in Projects (entries without a project last,
    /// `project: null`), a single group elsewhere.
    pub groups: Vec<DocGroup>,
}

/// Returns a group of entries in a section.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocGroup {
    /// The project, in Projects; `null` elsewhere and for entries without one.
    pub project: Option<String>,
    /// The entries, oldest first.
    pub entries: Vec<ReportEntry>,
}

/// Returns `brag report review`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReviewReport {
    /// Title, period, when, how many entries.
    #[serde(flatten)]
    pub header: Header,
    /// Counts for the period.
    pub totals: Totals,
    /// The five best-scored stories that carry a metric, best first.
    pub highlights: Vec<ReportEntry>,
    /// Entries grouped by project (entries without one under `null`, last).
    pub by_project: Vec<Group>,
    /// Entries grouped by competency, in the active frameworks' order (an entry shows in
    /// each of its competencies).
    pub by_competency: Vec<Group>,
    /// Every evidence link of the period's entries, with the entry it proves.
    pub links: Vec<EvidenceLink>,
    /// Stories and wins that still need work, weakest first (empty with `--no-todo`).
    pub todo: Vec<Todo>,
}

/// Returns the counts of a review.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Totals {
    /// Entries in the period.
    pub entries: usize,
    /// Of them, stories.
    pub stories: usize,
    /// Entries per kind, in [`Kind::ALL`] order, zeros included.
    pub by_kind: Vec<KindCount>,
    /// Entries per month of the period, every month included (zeros too), oldest first.
    pub by_month: Vec<MonthCount>,
}

/// Returns how many entries of a kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KindCount {
    /// The kind.
    pub kind: Kind,
    /// How many.
    pub count: usize,
}

/// Returns how many entries in a month.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MonthCount {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// How many.
    pub count: usize,
}

/// Returns a named group of entries.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// The project name or competency id; `null` for "no project".
    pub key: Option<String>,
    /// What to show: the project, or the competency's display name.
    pub name: String,
    /// The entries, newest first.
    pub entries: Vec<ReportEntry>,
}

/// Returns a link and the entry it is evidence for.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvidenceLink {
    /// The entry's id.
    pub entry: String,
    /// The entry's title.
    pub title: String,
    /// The link.
    #[serde(flatten)]
    pub link: Link,
}

/// Returns an entry that needs work, with what the coach says.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Todo {
    /// The entry's id.
    pub entry: String,
    /// Its title.
    pub title: String,
    /// The coach's score.
    pub score: u8,
    /// What to improve, most important first.
    pub findings: Vec<Finding>,
}

/// Returns `brag report week`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeekReport {
    /// Title ("Week 48, 2026"), period, when, how many entries.
    #[serde(flatten)]
    pub header: Header,
    /// Wins and stories of the week, oldest first.
    pub shipped: Vec<ReportEntry>,
    /// Learning entries of the week.
    pub learned: Vec<ReportEntry>,
    /// The people the week's entries name, with what for.
    pub thanks: Vec<Thanks>,
    /// Open goals: goal entries up to the week's end that are not marked done (`done:
    /// true` or `status: done` in the front matter, or a `done` tag), newest first, at
    /// most five.
    pub next: Vec<ReportEntry>,
}

/// Returns a person to thank.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Thanks {
    /// The person, as written in entries.
    pub person: String,
    /// The titles of the entries that name them.
    pub entries: Vec<String>,
}

/// Returns `brag report resume`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResumeReport {
    /// Title, period, when, how many entries.
    #[serde(flatten)]
    pub header: Header,
    /// Bullets from the last two years, most recent first.
    pub recent: Vec<Bullet>,
    /// Older highlights, most recent first (after the recent ones, within the limit).
    pub older: Vec<Bullet>,
}

/// Returns one resume bullet.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bullet {
    /// The line: verb first, at most 160 characters, with the metric; every number in it
    /// is one the entry holds.
    pub text: String,
    /// The entry's id.
    pub entry: String,
    /// The entry's date.
    pub date: Option<Date>,
    /// The metric the bullet carries, as the entry states it.
    pub metric: Option<String>,
}

/// Returns `brag report interview`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InterviewReport {
    /// Title, period, when, how many entries.
    #[serde(flatten)]
    pub header: Header,
    /// Each competency of the active frameworks that has a strong story, with its two
    /// strongest as cards.
    pub competencies: Vec<CompetencyCards>,
    /// Competencies with no strong story, and the questions they leave unanswered.
    pub gaps: Vec<Gap>,
}

/// Returns a competency's strongest stories.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompetencyCards {
    /// The competency id.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// The framework it belongs to.
    pub framework: String,
    /// How many stories carry it.
    pub stories: usize,
    /// How many of them are strong (coach score of at least [`crate::coach::STRONG`]).
    pub strong: usize,
    /// Up to two cards, strongest first.
    pub cards: Vec<Card>,
}

/// Returns a story condensed for telling.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Card {
    /// The entry's id.
    pub entry: String,
    /// The story's title.
    pub title: String,
    /// The entry's date.
    pub date: Option<Date>,
    /// The Situation, condensed.
    pub situation: String,
    /// The Task, condensed.
    pub task: String,
    /// The Action, condensed.
    pub action: String,
    /// The Result, condensed.
    pub result: String,
    /// The headline metric, as the entry states it.
    pub metric: Option<String>,
    /// Words in the condensed S, T, A and R.
    pub words: usize,
    /// About how long it takes to tell, at 150 words a minute.
    pub minutes: f64,
    /// The coach's score.
    pub score: u8,
}

/// Returns a competency with no strong story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gap {
    /// The competency id.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// The framework it belongs to.
    pub framework: String,
    /// How many stories carry it, none strong.
    pub stories: usize,
    /// Sample interview questions a story should answer.
    pub questions: Vec<String>,
}

// ---------------------------------------------------------------------------------------
// What the builders share

impl<'a> Input<'a> {
    /// Returns true when an entry's date lies in the period.
    fn contains(&self, e: &Entry) -> bool {
        let (from, to) = self.period;
        match e.date {
            Some(d) => from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t),
            None => from.is_none() && to.is_none(),
        }
    }

    /// Returns the entries of the period, in the vault's order.
    fn in_period(&self) -> impl Iterator<Item = &'a SharedEntry> + '_ {
        self.entries.iter().filter(|e| self.contains(e))
    }

    /// Returns the header of a report of `entries` entries.
    fn header(&self, title: String, entries: usize) -> Header {
        Header {
            title,
            from: self.period.0,
            to: self.period.1,
            generated: self.today,
            entries,
        }
    }

    /// Returns entries as reports show them, each with its coach score.
    fn report_entries(&self, list: &[&SharedEntry]) -> Vec<ReportEntry> {
        list.iter().map(|e| self.scored(e).report_entry()).collect()
    }

    /// Returns an entry with the coach's verdict on it.
    fn scored<'e>(&self, entry: &'e SharedEntry) -> Scored<'e> {
        Scored {
            entry,
            coach: coach::coach(entry, self.today),
        }
    }

    /// Returns each entry with the coach's verdict on it, in the order they come; coached
    /// on every core, as a long record holds thousands.
    fn scored_all<'e>(&self, entries: Vec<&'e SharedEntry>) -> Vec<Scored<'e>> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        // Below a few hundred entries a thread costs more than it saves.
        if threads == 1 || entries.len() < 512 {
            return entries.into_iter().map(|e| self.scored(e)).collect();
        }
        let chunk = entries.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let parts: Vec<_> = entries
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || part.iter().map(|e| self.scored(e)).collect::<Vec<_>>())
                })
                .collect();
            parts
                .into_iter()
                .flat_map(|h| match h.join() {
                    Ok(v) => v,
                    Err(panic) => std::panic::resume_unwind(panic),
                })
                .collect()
        })
    }
}

/// An entry and what the coach says about it.
struct Scored<'e> {
    entry: &'e SharedEntry,
    coach: coach::Report,
}

impl Scored<'_> {
    fn score(&self) -> u8 {
        self.coach.score
    }

    fn report_entry(&self) -> ReportEntry {
        ReportEntry {
            entry: self.entry.clone(),
            score: self.coach.score,
        }
    }
}

/// Returns an entry's headline metric as the entry states it: its first Metrics line that
/// measures, else the first sentence of its Result (a win's text) that does.
pub fn headline(e: &Entry) -> Option<String> {
    if let Some(m) = e.metrics.iter().find(|m| crate::measure::has_measure(m)) {
        return Some(m.clone());
    }
    let body = if e.result.trim().is_empty() {
        e.own_text().into_owned()
    } else {
        e.result.clone()
    };
    sentence::sentences(&plain(&body))
        .into_iter()
        .find(|s| crate::measure::has_measure(s))
        .map(|s| s.trim_end_matches('.').to_owned())
}

/// Returns a text without its `#`/`@` markers, trailing tags and URLs, when it has any: in
/// a report a line reads as a sentence, and the labels and links are shown as such
/// (`cut CI time from 18 to 7 minutes #ci @dana` reads "cut CI time from 18 to 7 minutes").
pub(crate) fn plain(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['#', '@']) || text.contains("://") {
        std::borrow::Cow::Owned(crate::text::recognise(text).plain)
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Returns the key that puts entries oldest first: date, then id.
fn oldest_first(e: &Entry) -> (Option<Date>, &str) {
    (e.date, e.id.as_str())
}

/// Returns true for the kinds a resume, highlights and the week's "shipped" are made of.
fn is_work(e: &Entry) -> bool {
    matches!(e.kind, Kind::Story | Kind::Win)
}

/// Returns a report's title: its name, and the period in words after `sep` when the period
/// has an end ("Review: 2026-05-26 to 2026-11-25", "Brag document 2026", "Review").
fn titled(name: &str, sep: &str, period: (Option<Date>, Option<Date>)) -> String {
    let words = period_words(period);
    if words.is_empty() {
        name.to_owned()
    } else {
        format!("{name}{sep}{words}")
    }
}

/// Returns a period in words for a title: `2026` for a whole year, `2026-05-26 to
/// 2026-11-25`, `since 2026-05-26`, `until 2026-11-25`, or nothing for all time.
fn period_words(period: (Option<Date>, Option<Date>)) -> String {
    match period {
        (Some(a), Some(b))
            if a.month() == 1
                && a.day() == 1
                && b.year() == a.year()
                && b.month() == 12
                && b.day() == 31 =>
        {
            a.year().to_string()
        }
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (Some(a), None) => format!("since {a}"),
        (None, Some(b)) => format!("until {b}"),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
pub(crate) mod tests;

#[cfg(test)]
mod model_tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn default_periods() {
        // A Wednesday.
        let today = date(2026, 11, 25);
        assert_eq!(
            default_period(ReportKind::Week, today, false),
            (Some(date(2026, 11, 23)), Some(date(2026, 11, 29)))
        );
        assert_eq!(
            default_period(ReportKind::Week, today, true),
            (Some(date(2026, 11, 16)), Some(date(2026, 11, 22)))
        );
        assert_eq!(
            default_period(ReportKind::Review, today, false),
            (Some(date(2026, 5, 26)), Some(today))
        );
        assert_eq!(
            default_period(ReportKind::Doc, today, false),
            (Some(date(2026, 1, 1)), Some(date(2026, 12, 31)))
        );
        assert_eq!(
            default_period(ReportKind::Interview, today, false),
            (None, None)
        );
        assert_eq!(iso_week(today), (2026, 48));
    }

    #[test]
    fn kinds_parse() {
        for k in ReportKind::ALL {
            assert_eq!(k.as_str().parse::<ReportKind>(), Ok(k));
        }
        assert!("weekly".parse::<ReportKind>().is_err());
    }
}
