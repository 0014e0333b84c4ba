//! A STAR story saved from its parts: a new `story` entry, or an update of an existing
//! entry that sets only the parts given (the assistant's `save_story` tool).

use brag_core::entry::{Entry, EntryId, Kind};
use brag_core::framework::Catalogue;
use brag_core::link::Link;
use brag_core::prose::push_label;
use jiff::civil::Date;

use crate::add::{parse_day, parse_kind, resolve_competency};
use crate::{App, AppError, Written, text_stamp};

/// Returns a story to save, part by part. `None` (or a missing key) leaves a part as the
/// file has it; a part given replaces it whole, so `Some(vec![])` empties a list.
#[derive(Clone, Debug, Default)]
pub struct StoryRequest {
    /// The entry to update (a whole id, or a part that starts a word of just one id);
    /// `None` writes a new entry.
    pub id: Option<String>,
    /// The [`text_stamp`] of the file as the caller read it: when the file changed since,
    /// nothing is written ([`AppError::Changed`]).
    pub stamp: Option<String>,
    /// A short title; needed for a new story.
    pub title: Option<String>,
    /// When it happened, as a date phrase (`2025-03-14`, `last friday`); a new story
    /// without one is dated today.
    pub date: Option<String>,
    /// The kind's name; a new entry is a `story` unless this says otherwise.
    pub kind: Option<String>,
    /// STAR: the situation.
    pub situation: Option<String>,
    /// STAR: the task.
    pub task: Option<String>,
    /// STAR: what the user did.
    pub action: Option<String>,
    /// STAR: what came of it.
    pub result: Option<String>,
    /// One line per metric.
    pub metrics: Option<Vec<String>>,
    /// What the user learned.
    pub lessons: Option<String>,
    /// Anything else.
    pub notes: Option<String>,
    /// Competencies: an id or name (`dive-deep`, `Dive Deep`), optionally followed by
    /// `: why this story shows it`. Names are matched loosely against the active
    /// frameworks; one that matches nothing is kept as a tag.
    pub competencies: Option<Vec<String>>,
    /// Evidence links (URLs).
    pub links: Option<Vec<String>>,
    /// Tags, with or without `#`.
    pub tags: Option<Vec<String>>,
    /// People involved, with or without `@`.
    pub people: Option<Vec<String>>,
    /// The project it belongs to; an empty string clears it.
    pub project: Option<String>,
}

/// Returns what [`App::save_story`] did.
#[derive(Debug)]
#[must_use]
pub struct SavedStory {
    /// The entry as it now is on disk, with its id and path.
    pub entry: Entry,
    /// True when a new file was written.
    pub created: bool,
    /// False when an update changed nothing (the file was left as it was).
    pub changed: bool,
    /// Competency names that matched nothing and were kept as tags.
    pub unknown_competencies: Vec<String>,
    /// Why the index lags behind the file, if it does (see [`Written`]).
    pub stale_index: Option<AppError>,
}

impl App {
    /// Saves a story: with no id a new entry (kind `story` unless asked otherwise), else
    /// the entry with that id, where only the parts given change and every other key,
    /// known or not, stays as the file has it. Bad input (a date, a kind, an empty title,
    /// an unknown id) is refused before anything is written; a file changed since
    /// `stamp`, or while the update was made, is never overwritten.
    pub fn save_story(&self, req: &StoryRequest) -> Result<SavedStory, AppError> {
        let today = self.today();
        // Checked first: a bad value writes nothing.
        let date = req
            .date
            .as_deref()
            .map(|d| parse_day("date", d, today))
            .transpose()?;
        let kind = req.kind.as_deref().map(parse_kind).transpose()?;
        if req
            .title
            .as_deref()
            .is_some_and(|t| t.trim().is_empty() || t.contains('\n'))
        {
            return Err(AppError::invalid(
                "title",
                "the title must be one line of text",
            ));
        }
        let catalogue = match &req.competencies {
            Some(c) if !c.is_empty() => Some(self.catalogue()?),
            _ => None,
        };
        match &req.id {
            None => self.save_new(req, date, kind, catalogue.as_ref(), today),
            Some(wanted) => self.save_existing(wanted, req, date, kind, catalogue.as_ref()),
        }
    }

    fn save_new(
        &self,
        req: &StoryRequest,
        date: Option<Date>,
        kind: Option<Kind>,
        catalogue: Option<&Catalogue>,
        today: Date,
    ) -> Result<SavedStory, AppError> {
        if req.stamp.is_some() {
            return Err(AppError::invalid(
                "stamp",
                "a stamp is for an update: give the id of the entry it came from",
            ));
        }
        let Some(title) = req.title.as_deref() else {
            return Err(AppError::invalid(
                "title",
                "a new story needs a title (or give the id of an entry to update)",
            ));
        };
        let mut entry = Entry {
            kind: kind.unwrap_or(Kind::Story),
            date: Some(date.unwrap_or(today)),
            title: title.trim().to_owned(),
            ..Entry::default()
        };
        let unknown = apply(&mut entry, req, catalogue);
        // The Competencies section names each competency as its framework does.
        let name_of = |id: &str| catalogue.and_then(|c| c.display_name(id));
        let Written { value, stale_index } = self.add_named(entry, &name_of)?;
        Ok(SavedStory {
            entry: value,
            created: true,
            changed: true,
            unknown_competencies: unknown,
            stale_index,
        })
    }

    fn save_existing(
        &self,
        wanted: &str,
        req: &StoryRequest,
        date: Option<Date>,
        kind: Option<Kind>,
        catalogue: Option<&Catalogue>,
    ) -> Result<SavedStory, AppError> {
        let id: EntryId = self.resolve(wanted)?;
        let (mut entry, text) = self.load(&id)?;
        let seen = text_stamp(&text);
        if req.stamp.as_deref().is_some_and(|s| s != seen) {
            return Err(AppError::Changed(entry.path));
        }
        if let Some(title) = &req.title {
            title.trim().clone_into(&mut entry.title);
        }
        if let Some(d) = date {
            entry.date = Some(d);
            entry.undated = false;
        }
        if let Some(k) = kind {
            entry.kind = k;
        }
        let unknown = apply(&mut entry, req, catalogue);
        // Written only if the file still holds the text the parts were set on.
        let Written { value, stale_index } = self.update_if(&entry, &seen)?;
        let changed = value.is_some();
        Ok(SavedStory {
            entry: value.unwrap_or(entry),
            created: false,
            changed,
            unknown_competencies: unknown,
            stale_index,
        })
    }
}

/// Sets the parts of `entry` that the request gives (title, date and kind aside); returns
/// the competency names that matched nothing, which become tags.
fn apply(entry: &mut Entry, req: &StoryRequest, catalogue: Option<&Catalogue>) -> Vec<String> {
    for (part, given) in [
        (&mut entry.situation, &req.situation),
        (&mut entry.task, &req.task),
        (&mut entry.action, &req.action),
        (&mut entry.result, &req.result),
        (&mut entry.lessons, &req.lessons),
        (&mut entry.notes, &req.notes),
    ] {
        if let Some(text) = given {
            text.trim().clone_into(part);
        }
    }
    if let Some(metrics) = &req.metrics {
        entry.metrics = metrics
            .iter()
            .map(|m| m.trim().trim_start_matches("- ").trim().to_owned())
            .filter(|m| !m.is_empty())
            .collect();
    }
    if let Some(links) = &req.links {
        entry.links = links
            .iter()
            .map(|u| u.trim())
            .filter(|u| !u.is_empty())
            .map(Link::new)
            .collect();
    }
    if let Some(people) = &req.people {
        entry.people.clear();
        for p in people {
            push_label(&mut entry.people, p.trim().trim_start_matches('@'));
        }
    }
    if let Some(project) = &req.project {
        entry.project = Some(project.trim().to_owned()).filter(|p| !p.is_empty());
    }
    if let Some(tags) = &req.tags {
        entry.tags.clear();
        for t in tags {
            push_label(&mut entry.tags, t.trim().trim_start_matches('#'));
        }
    }
    let mut unknown = Vec::new();
    if let Some(written) = &req.competencies {
        let old_notes = std::mem::take(&mut entry.competency_notes);
        entry.competencies.clear();
        for w in written {
            let (name, why) = match w.split_once(':') {
                Some((name, why)) => (name.trim(), why.trim()),
                None => (w.trim(), ""),
            };
            if name.is_empty() {
                continue;
            }
            match catalogue.and_then(|c| resolve_competency(c, name)) {
                Some(id) => {
                    let note = if why.is_empty() {
                        old_notes.get(&id).cloned()
                    } else {
                        Some(why.to_owned())
                    };
                    if let Some(note) = note {
                        entry.competency_notes.insert(id.clone(), note);
                    }
                    push_label(&mut entry.competencies, &id);
                }
                None => {
                    unknown.push(name.to_owned());
                    push_label(&mut entry.tags, name);
                }
            }
        }
    }
    unknown
}
