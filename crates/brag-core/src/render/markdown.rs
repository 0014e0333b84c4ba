//! Markdown of every report: plain CommonMark, no HTML, so it pastes into a chat, an email
//! or a wiki as it is.
//!
//! The `doc` report is written so that brag's markdown importer reads it back as the same
//! entries (`brag import` of the Markdown of a vault's doc gives the vault back): each
//! entry is a heading (its title, verbatim) followed by its metadata lines, `- Date:`,
//! `- Kind:`, `- Project:`, `- Tags:`, `- People:`, `- Links:`, `- Draft:` (each only when
//! it says something the document does not already say), then its text and its sections
//! as subheadings (`Situation`, ..., `Competencies`). Projects has one `### Project: NAME`
//! heading per project. The other reports are for reading and do not round-trip.

use std::fmt::Write as _;

use jiff::civil::Date;

use crate::entry::{Entry, Kind};
use crate::file::Section;
use crate::import::{DocMeta, is_meta_url};
use crate::report::{
    Bullet, Card, DocReport, DocSectionKind, Group, Header, InterviewReport, Report, ReportEntry,
    ResumeReport, ReviewReport, WeekReport, headline,
};

/// Returns the Markdown of a report.
pub fn markdown(report: &Report) -> String {
    let mut out = Doc::default();
    let header = report.header();
    out.heading(1, &header.title);
    if header.entries == 0 {
        out.para(&no_entries(header));
        return out.finish();
    }
    match report {
        Report::Doc(r) => doc(&mut out, r),
        Report::Review(r) => review(&mut out, r),
        Report::Week(r) => week(&mut out, r),
        Report::Resume(r) => resume(&mut out, r),
        Report::Interview(r) => interview(&mut out, r),
    }
    out.finish()
}

/// Returns the line an empty report is: "No entries from 2026-11-23 to 2026-11-29."
fn no_entries(h: &Header) -> String {
    match (h.from, h.to) {
        (Some(a), Some(b)) => format!("No entries from {a} to {b}."),
        (Some(a), None) => format!("No entries since {a}."),
        (None, Some(b)) => format!("No entries until {b}."),
        (None, None) => "No entries yet.".to_owned(),
    }
}

/// A Markdown document being written: blocks separated by one blank line.
#[derive(Default)]
struct Doc {
    out: String,
}

impl Doc {
    fn block(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.block();
        let _ = writeln!(self.out, "{} {}", "#".repeat(level), one_line(text));
    }

    fn para(&mut self, text: &str) {
        self.block();
        self.out.push_str(text.trim_end());
        self.out.push('\n');
    }

    /// Starts a list: the lines pushed with [`Doc::item`] follow without blank lines.
    fn list(&mut self) {
        self.block();
    }

    fn item(&mut self, text: &str) {
        let _ = writeln!(self.out, "- {}", one_line(text));
    }

    fn numbered(&mut self, n: usize, text: &str) {
        let _ = writeln!(self.out, "{n}. {}", one_line(text));
    }

    fn finish(self) -> String {
        self.out
    }
}

/// Returns text on one line, for a heading or a list item of a report meant for reading:
/// line breaks become spaces and `<` is escaped, so no user text turns into HTML.
fn one_line(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('<', "\\<")
}

// ---------------------------------------------------------------------------------------
// doc

fn doc(out: &mut Doc, r: &DocReport) {
    for section in &r.sections {
        if section.groups.iter().all(|g| g.entries.is_empty()) {
            continue;
        }
        out.heading(2, &section.heading);
        for group in &section.groups {
            let level = match &group.project {
                Some(p) if section.section == DocSectionKind::Projects => {
                    // The name as written, like a title: the importer reads it back.
                    out.block();
                    let _ = writeln!(out.out, "### {} {}", DocMeta::PROJECT_HEADING, p.trim());
                    4
                }
                _ => 3,
            };
            for e in &group.entries {
                doc_entry(
                    out,
                    &e.entry,
                    level,
                    section.section,
                    group.project.is_some(),
                );
            }
        }
    }
}

/// Writes one entry of the brag document so that the markdown importer reads it back.
fn doc_entry(out: &mut Doc, e: &Entry, level: usize, section: DocSectionKind, grouped: bool) {
    // The title verbatim: the metadata lines below make the heading an entry, whatever
    // its words (a date, a section name, a competency).
    out.block();
    let _ = writeln!(out.out, "{} {}", "#".repeat(level), e.title.trim());
    out.block();
    let mut meta = |label: DocMeta, value: &str| {
        let _ = writeln!(out.out, "- {}: {value}", label.label());
    };
    let date = match (e.date, e.undated) {
        (Some(d), false) => d.to_string(),
        (Some(d), true) => format!("{} ({} {d})", DocMeta::UNDATED, DocMeta::RECORDED),
        (None, _) => DocMeta::UNDATED.to_owned(),
    };
    meta(DocMeta::Date, &date);
    let star = !e.star_is_empty();
    let read_as = if star {
        Kind::Story
    } else {
        section_kind(section)
    };
    if e.kind != read_as {
        meta(DocMeta::Kind, e.kind.as_str());
    }
    if let Some(p) = e
        .project
        .as_deref()
        .map(str::trim)
        .filter(|p| !grouped && !p.is_empty())
    {
        meta(DocMeta::Project, p);
    }
    for (label, list) in [(DocMeta::Tags, &e.tags), (DocMeta::People, &e.people)] {
        let items: Vec<&str> = list
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        if !items.is_empty() {
            meta(label, &items.join(", "));
        }
    }
    // A link the line cannot hold (not an http(s) URL as text has them) is left out
    // rather than break the lines after it.
    let urls: Vec<&str> = e
        .links
        .iter()
        .map(|l| l.url.as_str())
        .filter(|u| is_meta_url(u))
        .collect();
    if !urls.is_empty() {
        meta(DocMeta::Links, &urls.join(", "));
    }
    if e.is_draft() {
        meta(DocMeta::Draft, "yes");
    }
    if !e.text.trim().is_empty() {
        out.para(e.text.trim());
    }
    for s in Section::ALL {
        let content = match s {
            Section::Situation => e.situation.trim().to_owned(),
            Section::Task => e.task.trim().to_owned(),
            Section::Action => e.action.trim().to_owned(),
            Section::Result => e.result.trim().to_owned(),
            Section::Lessons => e.lessons.trim().to_owned(),
            Section::Notes => e.notes.trim().to_owned(),
            Section::Metrics => e
                .metrics
                .iter()
                .map(|m| format!("- {}", m.trim()))
                .collect::<Vec<_>>()
                .join("\n"),
            Section::Competencies => e
                .competencies
                .iter()
                .map(
                    |c| match e.competency_notes.get(c).filter(|n| !n.is_empty()) {
                        Some(why) => format!("- {c}: {}", why.trim()),
                        None => format!("- {c}"),
                    },
                )
                .collect::<Vec<_>>()
                .join("\n"),
        };
        if !content.is_empty() {
            out.heading(level + 1, s.heading());
            out.para(&content);
        }
    }
}

/// Returns the kind the markdown importer gives an entry of a section that has no STAR
/// sections: what the section's name says.
fn section_kind(section: DocSectionKind) -> Kind {
    match section {
        DocSectionKind::Goals => Kind::Goal,
        DocSectionKind::Learning => Kind::Learning,
        DocSectionKind::Feedback => Kind::Feedback,
        _ => Kind::Win,
    }
}

// ---------------------------------------------------------------------------------------
// review

fn review(out: &mut Doc, r: &ReviewReport) {
    out.heading(2, "Totals");
    out.list();
    let t = &r.totals;
    out.item(&format!(
        "{} {}, {} {}",
        t.entries,
        plural(t.entries, "entry", "entries"),
        t.stories,
        plural(t.stories, "story", "stories")
    ));
    let kinds: Vec<String> = t
        .by_kind
        .iter()
        .filter(|k| k.count > 0)
        .map(|k| format!("{} {}", k.count, kind_name(k.kind, k.count)))
        .collect();
    out.item(&format!("By kind: {}", kinds.join(", ")));
    if !t.by_month.is_empty() {
        let months: Vec<String> = t
            .by_month
            .iter()
            .map(|m| format!("{}: {}", m.month, m.count))
            .collect();
        out.item(&format!("By month: {}", months.join(", ")));
    }
    if !r.highlights.is_empty() {
        out.heading(2, "Highlights");
        out.list();
        for (i, h) in r.highlights.iter().enumerate() {
            let mut line = format!("**{}** ({})", h.entry.title.trim(), date_score(h));
            if let Some(m) = headline(&h.entry) {
                let _ = write!(line, ": {m}");
            }
            out.numbered(i + 1, &line);
        }
    }
    groups(out, "By project", &r.by_project);
    groups(out, "By competency", &r.by_competency);
    if !r.links.is_empty() {
        out.heading(2, "Links");
        out.list();
        for l in &r.links {
            let label = if l.link.url.ends_with(&l.link.label) {
                String::new()
            } else {
                format!(" ({})", l.link.label)
            };
            out.item(&format!("{}: {}{label}", l.title.trim(), l.link.url));
        }
    }
    if !r.todo.is_empty() {
        out.heading(2, "Needs work");
        out.para("For you, not for sharing: `--no-todo` leaves this part out.");
        for t in &r.todo {
            out.heading(3, &format!("{} (score {})", t.title.trim(), t.score));
            out.list();
            for f in &t.findings {
                let stop = if f.message.ends_with(['.', '?', '!']) {
                    ""
                } else {
                    "."
                };
                out.item(&format!("{}: {}{stop} {}", f.rule, f.message, f.suggestion));
            }
        }
    }
}

fn groups(out: &mut Doc, heading: &str, groups: &[Group]) {
    if groups.is_empty() {
        return;
    }
    out.heading(2, heading);
    for g in groups {
        out.heading(3, &format!("{} ({})", g.name, g.entries.len()));
        out.list();
        for e in &g.entries {
            out.item(&entry_line(e));
        }
    }
}

/// Returns an entry as one line of a list: date, title, kind and score, and whether it is
/// a draft.
fn entry_line(e: &ReportEntry) -> String {
    let draft = if e.entry.is_draft() { ", draft" } else { "" };
    format!(
        "{} — {} ({}{draft}, score {})",
        day(e.entry.date),
        e.entry.title.trim(),
        e.entry.kind,
        e.score
    )
}

fn date_score(e: &ReportEntry) -> String {
    format!("{}, score {}", day(e.entry.date), e.score)
}

fn day(d: Option<Date>) -> String {
    d.map_or_else(|| "undated".to_owned(), |d| d.to_string())
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

fn kind_name(kind: Kind, n: usize) -> &'static str {
    match kind {
        Kind::Win => plural(n, "win", "wins"),
        Kind::Story => plural(n, "story", "stories"),
        Kind::Learning => plural(n, "learning", "learnings"),
        Kind::Feedback => "feedback",
        Kind::Goal => plural(n, "goal", "goals"),
    }
}

// ---------------------------------------------------------------------------------------
// week

fn week(out: &mut Doc, r: &WeekReport) {
    let lists: [(&str, &[ReportEntry]); 2] = [("Shipped", &r.shipped), ("Learned", &r.learned)];
    for (heading, list) in lists {
        if list.is_empty() {
            continue;
        }
        out.heading(2, heading);
        out.list();
        for e in list {
            let title = e.entry.title.trim();
            match headline(&e.entry).filter(|m| !title.contains(m.as_str())) {
                Some(m) if e.entry.kind != Kind::Learning => out.item(&format!("{title} ({m})")),
                _ => out.item(title),
            }
        }
    }
    if !r.thanks.is_empty() {
        out.heading(2, "Thanks");
        out.list();
        for t in &r.thanks {
            out.item(&format!("{}: {}", t.person, t.entries.join("; ")));
        }
    }
    if !r.next.is_empty() {
        out.heading(2, "Next");
        out.list();
        for g in &r.next {
            out.item(g.entry.title.trim());
        }
    }
}

// ---------------------------------------------------------------------------------------
// resume

fn resume(out: &mut Doc, r: &ResumeReport) {
    if r.recent.is_empty() && r.older.is_empty() {
        out.para("No bullets: no story or win of the period says what came of it.");
        return;
    }
    let bullets = |out: &mut Doc, list: &[Bullet]| {
        out.list();
        for b in list {
            out.item(&b.text);
        }
    };
    bullets(out, &r.recent);
    if !r.older.is_empty() {
        out.heading(2, "Earlier");
        bullets(out, &r.older);
    }
}

// ---------------------------------------------------------------------------------------
// interview

fn interview(out: &mut Doc, r: &InterviewReport) {
    for c in &r.competencies {
        out.heading(2, &c.name);
        for card in &c.cards {
            story_card(out, card);
        }
    }
    if !r.gaps.is_empty() {
        out.heading(2, "No strong story yet");
        for g in &r.gaps {
            let weak = match g.stories {
                0 => "no story carries it yet".to_owned(),
                n => format!("{n} {} to strengthen", plural(n, "story", "stories")),
            };
            out.heading(3, &format!("{} ({weak})", g.name));
            out.list();
            for q in &g.questions {
                out.item(q);
            }
        }
    }
}

fn story_card(out: &mut Doc, c: &Card) {
    out.heading(3, &format!("{} ({})", c.title.trim(), day(c.date)));
    out.list();
    for (label, text) in [
        ("Situation", &c.situation),
        ("Task", &c.task),
        ("Action", &c.action),
        ("Result", &c.result),
    ] {
        if !text.is_empty() {
            out.item(&format!("**{label}:** {text}"));
        }
    }
    if let Some(m) = &c.metric {
        out.item(&format!("**Metric:** {m}"));
    }
    out.item(&format!(
        "{} words, about {} {} to tell (score {})",
        c.words,
        c.minutes,
        plural_f(c.minutes),
        c.score
    ));
}

fn plural_f(minutes: f64) -> &'static str {
    if (minutes - 1.0).abs() < f64::EPSILON {
        "minute"
    } else {
        "minutes"
    }
}

#[cfg(test)]
mod tests;
