//! A new entry from one line of text (`brag add`, the web UI's quick-add box, the
//! assistant's `add` tool), and a new entry from a template (`brag new`).

use brag_core::date;
use brag_core::entry::{Entry, Kind};
use brag_core::file;
use brag_core::framework::Catalogue;
use brag_core::link::Link;
use brag_core::prose::{self, push_label};
use jiff::civil::Date;

use crate::{App, AppError, Written};

/// Returns what a user asks to record from one line: the text and the optional flags, as
/// typed.
#[derive(Clone, Debug, Default)]
pub struct AddRequest {
    /// What they did, in a line; `#tag`, `@person` and URLs in it are recognised.
    pub text: String,
    /// When it happened, as a date phrase (`yesterday`, `2025-03-14`); today when `None`.
    pub date: Option<String>,
    /// The kind's name (`win` when `None`).
    pub kind: Option<String>,
    /// A title; made from the text when `None`.
    pub title: Option<String>,
    /// Tags, with or without `#`.
    pub tags: Vec<String>,
    /// Competency ids or names, matched loosely against the active frameworks.
    pub competencies: Vec<String>,
    /// Evidence links.
    pub links: Vec<String>,
    /// The project it belongs to.
    pub project: Option<String>,
}

/// Returns a line checked and made into an entry, ready to write: everything the request
/// says but its competency names, which need the vault's frameworks.
#[derive(Clone, Debug)]
pub struct LineEntry {
    entry: Entry,
    competencies: Vec<String>,
}

/// Returns what `add` wrote, and what the user should hear about it.
#[derive(Debug)]
#[must_use]
pub struct Added {
    /// The entry written, with its id and path.
    pub entry: Entry,
    /// Competency names that matched nothing and were kept as tags.
    pub unknown_competencies: Vec<String>,
    /// The active frameworks' ids, for telling the user where a name was looked for.
    pub frameworks: Vec<String>,
    /// Why the index lags behind the file, if it does (see [`Written`]).
    pub stale_index: Option<AppError>,
}

impl AddRequest {
    /// Returns the request checked and made into an entry, as of `today`; nothing is
    /// written, so a bad date or kind changes nothing.
    pub fn build(&self, today: Date) -> Result<LineEntry, AppError> {
        let text = self.text.trim();
        if text.is_empty() {
            return Err(AppError::invalid(
                "text",
                "the text is empty: say what you did",
            ));
        }
        let kind = match &self.kind {
            Some(k) => parse_kind(k)?,
            None => Kind::Win,
        };
        let mut entry = Entry {
            kind,
            title: self.title.clone().unwrap_or_default(),
            project: self.project.clone().filter(|p| !p.trim().is_empty()),
            tags: self.tags.clone(),
            links: self.links.iter().map(|url| Link::new(url)).collect(),
            ..Entry::default()
        };
        if let Some(d) = &self.date {
            entry.date = Some(parse_day("date", d, today)?);
        }
        // Core's one prose-to-entry builder, which every importer shares.
        let entry = prose::entry_from_line(text, entry);
        Ok(LineEntry {
            entry,
            competencies: self.competencies.clone(),
        })
    }
}

impl App {
    /// Writes an entry made from one line: competency names are resolved against the
    /// active frameworks, and a name that matches nothing well is kept as a tag (and
    /// reported), never guessed.
    pub fn add_line(&self, line: LineEntry) -> Result<Added, AppError> {
        let LineEntry {
            mut entry,
            competencies,
        } = line;
        let mut unknown = Vec::new();
        let mut frameworks = Vec::new();
        if !competencies.is_empty() {
            let catalogue = self.catalogue()?;
            frameworks = catalogue
                .frameworks()
                .iter()
                .map(|f| f.id.clone())
                .collect();
            for written in &competencies {
                match resolve_competency(&catalogue, written) {
                    Some(id) => push_label(&mut entry.competencies, &id),
                    None => {
                        unknown.push(written.clone());
                        push_label(&mut entry.tags, written);
                    }
                }
            }
        }
        let Written { value, stale_index } = self.add(entry)?;
        Ok(Added {
            entry: value,
            unknown_competencies: unknown,
            frameworks,
            stale_index,
        })
    }

    /// Returns the text `brag new` opens the editor on, for a kind's name (`story` when
    /// `None`), an optional title and a date phrase (today when `None`).
    pub fn new_template(
        &self,
        kind: Option<&str>,
        title: Option<&str>,
        date: Option<&str>,
    ) -> Result<String, AppError> {
        template_for(kind, title, date, self.today())
    }
}

/// Returns the text `brag new` opens the editor on, checked before any vault is touched:
/// a bad kind or date is an error here.
pub fn template_for(
    kind: Option<&str>,
    title: Option<&str>,
    date: Option<&str>,
    today: Date,
) -> Result<String, AppError> {
    let kind = match kind {
        Some(k) => parse_kind(k)?,
        None => Kind::Story,
    };
    let date = match date {
        Some(d) => parse_day("date", d, today)?,
        None => today,
    };
    Ok(file::template(kind, title, date))
}

/// Returns a kind name parsed.
pub fn parse_kind(s: &str) -> Result<Kind, AppError> {
    s.parse().map_err(|e| AppError::invalid("kind", e))
}

/// Returns the day a date phrase names (the first of a longer period).
pub(crate) fn parse_day(field: &'static str, phrase: &str, today: Date) -> Result<Date, AppError> {
    date::parse_date(phrase, today).map_err(|e| AppError::invalid(field, e))
}

/// Returns the competency id a written name stands for: an id as it is, or a name or
/// alias of an active framework, typos tolerated; `None` when nothing matches well.
pub fn resolve_competency(catalogue: &Catalogue, written: &str) -> Option<String> {
    let w = written.trim();
    if catalogue.competency(w).is_some() {
        return Some(w.to_owned());
    }
    catalogue.match_name(w).map(|m| m.id)
}
