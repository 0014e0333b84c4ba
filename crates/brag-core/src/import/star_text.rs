//! star-text: plain-text STAR notes as exported from Google Docs, Notion or Quip.
//!
//! A story starts at its `S` line (or `Situation`, `Context:`, `**S:** …`, ...). What comes
//! after the previous story's sections and before a story's `S` is that story's preamble:
//! competency lines (`bias for action: why…`), link lines, and blocks headed `metrics`,
//! `summary` or `links`. After `R`, text stays in the Result until a preamble line or an
//! `S` begins the next story; trailers headed `lessons learned`, `extra info`, `notes`,
//! `goods`, `bads` or `failures` stay with the story that ends.

use std::collections::HashSet;

use indexmap::IndexMap;
use jiff::civil::Date;

use super::{Imported, Line, Options, TextBuilder, Warning, link_line};
use crate::date::{find_in_text, whole_text_date};
use crate::entry::{Entry, Kind};
use crate::file::Section;
use crate::link::Link;
use crate::words::label_key;

/// Returns true when a line is nothing but a STAR section marker: `S`, `t:`, `**A**`,
/// `# R`, `Situation`, `Result:`.
pub(crate) fn is_star_marker(t: &str) -> bool {
    let n = label_key(t);
    matches!(n.as_str(), "s" | "t" | "a" | "r")
        || matches!(
            Section::from_heading(&n),
            Some(Section::Situation | Section::Task | Section::Action | Section::Result)
        ) && t.len() <= 24
}

/// What a label line opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    /// Situation, Task, Action or Result: 0 to 3.
    Star(usize),
    /// A block of the preamble of a story: metrics, summary or links.
    Block(Block),
    /// A trailer of the story that ends: lessons or notes, with a heading to keep.
    Trailer(Trailer),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    Metrics,
    Summary,
    Links,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Trailer {
    Lessons(Option<&'static str>),
    Notes,
}

/// Where the line being read goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Where {
    /// Before the first story.
    Top,
    /// A STAR section of the current story.
    Star(usize),
    /// A block inside the current story, before its Result.
    CurrentBlock(Block),
    /// A trailer of the current story.
    Trailer(Trailer),
    /// A block of the next story's preamble.
    NextBlock(Block),
    /// The next story's preamble, after a competency, link or date line.
    NextFree,
}

/// A story being read, or the preamble of the next one.
#[derive(Default)]
struct Draft {
    first: Option<usize>,
    last: usize,
    star: [TextBuilder; 4],
    seen: [bool; 4],
    lessons: TextBuilder,
    notes: TextBuilder,
    metrics: Vec<String>,
    links: Vec<Link>,
    /// The URLs of `links`: a preamble may gather thousands of link lines, and a scan of
    /// the list per line would be quadratic (issue 11).
    urls: HashSet<String>,
    competencies: Vec<String>,
    competency_notes: IndexMap<String, String>,
    date: Option<Date>,
    /// Date lines read, for a warning when no story follows them.
    date_lines: Vec<(usize, String)>,
}

impl Draft {
    fn touch(&mut self, line: &Line<'_>) {
        self.first.get_or_insert(line.no);
        self.last = line.no;
    }

    fn has_content(&self) -> bool {
        self.star.iter().any(|b| !b.is_empty())
            || !self.lessons.is_empty()
            || !self.notes.is_empty()
            || !self.metrics.is_empty()
            || !self.links.is_empty()
            || !self.competencies.is_empty()
    }

    fn add_link(&mut self, url: &str, label: Option<&str>) {
        if !self.urls.insert(url.to_owned()) {
            return;
        }
        let mut link = Link::new(url);
        if let Some(label) = label.map(str::trim).filter(|l| !l.is_empty()) {
            label.clone_into(&mut link.label);
        }
        self.links.push(link);
    }

    fn add_competency(&mut self, id: &str, why: &str) {
        if !self.competencies.iter().any(|c| c == id) {
            self.competencies.push(id.to_owned());
        }
        let note = self.competency_notes.entry(id.to_owned()).or_default();
        if !why.is_empty() {
            if !note.is_empty() {
                note.push(' ');
            }
            note.push_str(why);
        }
    }

    /// Folds a preamble that no story followed into this story.
    fn absorb(&mut self, other: Draft) {
        if other.first.is_none() {
            return;
        }
        self.last = self.last.max(other.last);
        for l in other.links {
            if self.urls.insert(l.url.clone()) {
                self.links.push(l);
            }
        }
        self.metrics.extend(other.metrics);
        for (id, why) in other.competency_notes {
            self.add_competency(&id, &why);
        }
        let notes = other.notes.finish();
        if !notes.is_empty() {
            self.notes.push_str(&notes);
        }
    }

    fn into_imported(self) -> Imported {
        let [s, t, a, r] = self.star;
        let entry = Entry {
            kind: Kind::Story,
            date: self.date,
            situation: s.finish(),
            task: t.finish(),
            action: a.finish(),
            result: r.finish(),
            lessons: self.lessons.finish(),
            notes: self.notes.finish(),
            metrics: self.metrics,
            links: self.links,
            competencies: self.competencies,
            competency_notes: self
                .competency_notes
                .into_iter()
                .filter(|(_, why)| !why.is_empty())
                .collect(),
            ..Entry::default()
        };
        let first = self.first.unwrap_or(self.last);
        Imported {
            entry,
            source_lines: (first, self.last.max(first)),
        }
    }
}

/// Returns the stories of a star-text document.
pub(crate) fn import(text: &str, opts: &Options<'_>) -> (Vec<Imported>, Vec<Warning>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let mut current: Option<Draft> = None;
    let mut pending = Draft::default();
    let mut at = Where::Top;
    // The competency a wrapped `name: why` line continues.
    let mut last_competency: Option<String> = None;
    // Competencies and dates from headings apply to every story beneath them.
    let mut heading_competency: Option<String> = None;
    let mut heading_date: Option<Date> = None;

    // Line by line, with no list of them made: a 5 MB document has 170,000.
    for (i, raw) in text.split('\n').enumerate() {
        let line = Line::new(i + 1, raw);
        if line.is_blank() {
            for d in current.iter_mut().chain(std::iter::once(&mut pending)) {
                for b in d.star.iter_mut() {
                    b.blank();
                }
                d.lessons.blank();
                d.notes.blank();
            }
            last_competency = None;
            continue;
        }
        if let Some((label, rest)) = label(&line, opts) {
            last_competency = None;
            match label {
                Label::Star(i) => {
                    let ended = matches!(at, Where::NextBlock(_) | Where::NextFree | Where::Top);
                    let same_story =
                        i > 0 && !ended && current.as_ref().is_some_and(|c| !c.seen[i]);
                    if !same_story {
                        if let Some(done) = current.take() {
                            out.push(done.into_imported());
                        }
                        let mut story = std::mem::take(&mut pending);
                        if let Some(c) = &heading_competency {
                            story.add_competency(c, "");
                        }
                        if story.date.is_none() {
                            story.date = heading_date;
                        }
                        current = Some(story);
                    }
                    let story = current.get_or_insert_with(Draft::default);
                    story.seen[i] = true;
                    story.touch(&line);
                    if !rest.is_empty() {
                        story.star[i].push(&Line::new(line.no, rest));
                    }
                    at = Where::Star(i);
                }
                Label::Block(b) => {
                    let in_story = matches!(at, Where::Star(0..=2) | Where::CurrentBlock(_));
                    let target = match (&mut current, in_story) {
                        (Some(c), true) => {
                            at = Where::CurrentBlock(b);
                            c
                        }
                        _ => {
                            at = Where::NextBlock(b);
                            &mut pending
                        }
                    };
                    target.touch(&line);
                    if !rest.is_empty() {
                        block_content(target, b, &Line::new(line.no, rest));
                    }
                }
                Label::Trailer(t) => {
                    let story_open =
                        !matches!(at, Where::NextBlock(_) | Where::NextFree | Where::Top);
                    let target = match (&mut current, story_open) {
                        (Some(c), true) => {
                            at = Where::Trailer(t);
                            c
                        }
                        _ => {
                            at = Where::NextBlock(Block::Summary);
                            &mut pending
                        }
                    };
                    target.touch(&line);
                    trailer_heading(target, t, at);
                    if !rest.is_empty() {
                        trailer_content(target, t, &Line::new(line.no, rest), at);
                    }
                }
            }
            continue;
        }
        if let Some(heading) = heading_text(line.text) {
            // Structure: a heading that names a competency or a date applies beneath it.
            if let Some(m) = opts.catalogue.match_name(heading) {
                heading_competency = Some(m.id);
                continue;
            }
            if let Some(d) = whole_date(heading, opts) {
                heading_date = Some(d);
                heading_competency = None;
                continue;
            }
            if !line.text.starts_with('#') {
                // A bold line that is not a label is ordinary text.
            } else {
                // A date in a heading (`## Payments (Q3 2024)`) dates the stories beneath.
                if let Some(found) = find_in_text(heading, opts.today) {
                    heading_date = Some(found.period.start);
                }
                continue;
            }
        }

        // A content line. Before the story's Result ends, it belongs to the story.
        match at {
            Where::Star(i @ 0..=2) => {
                let story = current.get_or_insert_with(Draft::default);
                story.touch(&line);
                story.star[i].push(&line);
                continue;
            }
            Where::CurrentBlock(b) => {
                let story = current.get_or_insert_with(Draft::default);
                story.touch(&line);
                block_content(story, b, &line);
                continue;
            }
            _ => {}
        }

        // After the Result (or before any story): preamble lines start the next story.
        if let Some((id, why)) = competency_line(&line, opts) {
            pending.touch(&line);
            pending.add_competency(&id, why);
            if why.is_empty() && !line.text.contains(':') {
                // A bare name: keep it as written, as well as the id.
                pending.notes.push(&line);
            }
            last_competency = Some(id);
            at = Where::NextFree;
            continue;
        }
        if let Some((urls, words)) = link_line(line.body) {
            pending.touch(&line);
            add_links(&mut pending, &line, &urls, &words);
            if !matches!(at, Where::NextBlock(_)) {
                at = Where::NextFree;
            }
            continue;
        }
        if let Some(d) = date_line(&line, opts) {
            pending.touch(&line);
            pending.date = Some(d);
            pending.date_lines.push((line.no, line.text.to_owned()));
            // Keep the words of a date the ISO form does not repeat (`March 2024`).
            if !d.to_string().contains(line.body) {
                pending.notes.push(&line);
            }
            if !matches!(at, Where::NextBlock(_)) {
                at = Where::NextFree;
            }
            continue;
        }
        match at {
            Where::Star(_) => {
                let story = current.get_or_insert_with(Draft::default);
                story.touch(&line);
                story.star[3].push(&line);
            }
            Where::Trailer(t) => {
                let story = current.get_or_insert_with(Draft::default);
                story.touch(&line);
                trailer_content(story, t, &line, at);
            }
            Where::NextBlock(b) => {
                pending.touch(&line);
                block_content(&mut pending, b, &line);
            }
            Where::NextFree => {
                pending.touch(&line);
                match &last_competency {
                    Some(id) if !line.bullet => {
                        let id = id.clone();
                        pending.add_competency(&id, line.text);
                    }
                    _ => pending.notes.push(&line),
                }
            }
            Where::Top => warnings.push(Warning {
                line: line.no,
                message: format!(
                    "left out `{}`: text before the first story that is not a competency, link or metrics line",
                    line.text
                ),
            }),
            Where::CurrentBlock(_) => {}
        }
    }
    // A preamble no story followed: its dates have nothing to date.
    for (no, text) in &pending.date_lines {
        warnings.push(Warning {
            line: *no,
            message: format!("left out `{text}`: a date with no story after it"),
        });
    }
    match current {
        Some(mut story) => {
            story.absorb(pending);
            out.push(story.into_imported());
        }
        None if pending.has_content() => out.push(pending.into_imported()),
        None => {}
    }
    (out, warnings)
}

fn block_content(d: &mut Draft, b: Block, line: &Line<'_>) {
    match b {
        Block::Metrics => {
            let continues = !line.bullet && line.indent >= 2 && !d.metrics.is_empty();
            match d.metrics.last_mut() {
                Some(last) if continues => {
                    last.push(' ');
                    last.push_str(line.text);
                }
                // A lone `-` is structure, not a metric.
                _ if line.body.is_empty() => {}
                _ => d.metrics.push(line.body.to_owned()),
            }
        }
        Block::Summary | Block::Links => match link_line(line.body) {
            Some((urls, words)) => add_links(d, line, &urls, &words),
            None => d.notes.push(line),
        },
    }
}

/// Adds the links of a link line; a line that is more than a bare URL or `Label: URL`
/// is also kept as written in the notes, so none of its words are lost.
fn add_links(d: &mut Draft, line: &Line<'_>, urls: &[String], words: &str) {
    let body = line.body.trim();
    let label_url = match urls {
        [url] if body == url.as_str() => Some(None),
        [url] => body
            .strip_suffix(url.as_str())
            .and_then(|head| head.trim_end().strip_suffix(':'))
            .map(str::trim)
            .filter(|label| label.chars().count() <= 40 && !label.is_empty())
            .map(Some),
        _ => None,
    };
    match label_url {
        Some(label) => d.add_link(&urls[0], label),
        None => {
            for u in urls {
                d.add_link(u, None);
            }
            if !words.is_empty() || urls.len() > 1 {
                d.notes.push(line);
            }
        }
    }
}

fn trailer_heading(d: &mut Draft, t: Trailer, at: Where) {
    // "goods", "bads" and "failures" keep their heading so the lessons read right.
    if let (Trailer::Lessons(Some(h)), Where::Trailer(_)) = (t, at) {
        d.lessons.push_str(&format!("{h}:"));
    }
}

fn trailer_content(d: &mut Draft, t: Trailer, line: &Line<'_>, at: Where) {
    match (t, at) {
        (Trailer::Lessons(_), Where::Trailer(_)) => d.lessons.push(line),
        _ => d.notes.push(line),
    }
}

/// Returns the label a line opens and the text after it on the same line.
fn label<'a>(line: &Line<'a>, opts: &Options<'_>) -> Option<(Label, &'a str)> {
    let t = line.body;
    let unheaded = t.trim_start_matches('#').trim_start();
    // Most lines open no label, and are told so before any key is made.
    if !may_label(unheaded, opts) {
        return None;
    }
    // The whole line is the label: `S`, `**Situation**`, `## Result`, `metrics:`.
    if let Some(l) = classify(&label_key(unheaded), opts) {
        return Some((l, ""));
    }
    // An inline prefix: `S: we had…`, `**Result:** shipped`, `Context - …` is not one.
    let colon = unheaded.find(':')?;
    let head = &unheaded[..colon];
    if head.chars().count() > 24 || head.contains("//") {
        return None;
    }
    let l = classify(&label_key(head), opts)?;
    let rest = unheaded[colon + 1..].trim_start_matches('*').trim();
    Some((l, rest))
}

/// Returns false when a text's first word opens no label [`classify`] knows: one of its
/// own, or a section's name.
fn may_label(text: &str, opts: &Options<'_>) -> bool {
    crate::words::with_first_letters(text, |w| {
        matches!(
            w,
            "s" | "t"
                | "a"
                | "r"
                | "summary"
                | "links"
                | "link"
                | "references"
                | "evidence"
                | "goods"
                | "the"
                | "bads"
                | "failures"
        ) || opts.sections.opens_name(w)
    })
    .unwrap_or_else(|| opts.sections.may_name(text))
}

fn classify(n: &str, opts: &Options<'_>) -> Option<Label> {
    Some(match n {
        "s" => Label::Star(0),
        "t" => Label::Star(1),
        "a" => Label::Star(2),
        "r" => Label::Star(3),
        "summary" | "links" | "link" | "references" | "evidence" => {
            Label::Block(if n == "summary" {
                Block::Summary
            } else {
                Block::Links
            })
        }
        "goods" | "the good" => Label::Trailer(Trailer::Lessons(Some("Goods"))),
        "bads" | "the bad" => Label::Trailer(Trailer::Lessons(Some("Bads"))),
        "failures" => Label::Trailer(Trailer::Lessons(Some("Failures"))),
        // `label` has asked `may_label`.
        _ => match opts.sections.look_up(n)? {
            Section::Situation => Label::Star(0),
            Section::Task => Label::Star(1),
            Section::Action => Label::Star(2),
            Section::Result => Label::Star(3),
            Section::Metrics => Label::Block(Block::Metrics),
            Section::Lessons => Label::Trailer(Trailer::Lessons(None)),
            Section::Notes => Label::Trailer(Trailer::Notes),
            Section::Competencies => return None,
        },
    })
}

/// Returns the text of a heading line (`## Foo`, `**Foo**`), or `None` for other lines.
fn heading_text(t: &str) -> Option<&str> {
    if let Some(rest) = t.strip_prefix('#') {
        let rest = rest.trim_start_matches('#');
        return rest.starts_with(' ').then(|| rest.trim());
    }
    let inner = t.strip_prefix("**")?.strip_suffix("**")?;
    (!inner.contains("**")).then(|| inner.trim())
}

/// Returns the first day of a text that is nothing but a date with a year: a heading
/// (`## 2025`, `**Q1 2025**`) or a line of its own.
fn whole_date(text: &str, opts: &Options<'_>) -> Option<Date> {
    whole_text_date(text, opts.today).map(|p| p.start)
}

/// Returns the competency and the why of `name: why`, or of a bare competency name.
fn competency_line<'a>(line: &Line<'a>, opts: &Options<'_>) -> Option<(String, &'a str)> {
    let body = line.body;
    if let Some((head, why)) = body.split_once(':') {
        if head.chars().count() <= 40 && !head.contains("//") && !why.starts_with("//") {
            let m = opts.catalogue.match_name(head)?;
            return Some((m.id, why.trim()));
        }
        return None;
    }
    if body.split_whitespace().count() <= 6 {
        // A bare name must be a competency's own name or alias: a line of result text
        // such as "Delivered results" is not a competency line.
        let m = opts.catalogue.match_exact(body)?;
        return Some((m.id, ""));
    }
    None
}

/// Returns the date of a line that is nothing but a date with a year: `2025-03-14`,
/// `March 2024`, `Q1 2025`, `Date: 2024-05`.
fn date_line(line: &Line<'_>, opts: &Options<'_>) -> Option<Date> {
    if line.bullet {
        return None;
    }
    whole_date(line.body, opts)
}

#[cfg(test)]
mod tests;
