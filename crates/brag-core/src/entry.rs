//! The entry model: what one accomplishment is, independent of how it is stored.
//!
//! Reading and writing files lives in [`crate::file`]; this module only says what an entry
//! holds and how it appears as JSON (the "Entry JSON" of DESIGN.md).

use std::fmt;
use std::str::FromStr;

use indexmap::IndexMap;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::link::Link;

/// Returns the id of an entry: its file stem, such as `2025-03-14-retry-budget`.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryId(pub String);

impl EntryId {
    /// Returns the id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Returns the path of the entry's file relative to the vault: `YYYY/ID.md`.
    ///
    /// The year comes from the id's first four characters, which are always a year for ids
    /// that brag makes; other ids are filed under `misc/`.
    pub fn relative_path(&self) -> String {
        let year = self
            .0
            .get(..4)
            .filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
        format!("{}/{}.md", year.unwrap_or("misc"), self.0)
    }
}

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Returns the kind of an entry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A line or two: something shipped, fixed, or done.
    #[default]
    Win,
    /// A full STAR story.
    Story,
    /// A talk, book or course, with takeaways.
    Learning,
    /// Praise received, quoted.
    Feedback,
    /// Something to aim for.
    Goal,
}

impl Kind {
    /// Every kind, in the order help text lists them.
    pub const ALL: [Kind; 5] = [
        Kind::Win,
        Kind::Story,
        Kind::Learning,
        Kind::Feedback,
        Kind::Goal,
    ];

    /// Returns the kind's name as written in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Win => "win",
            Kind::Story => "story",
            Kind::Learning => "learning",
            Kind::Feedback => "feedback",
            Kind::Goal => "goal",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Returned when a kind name is not one of brag's kinds.
#[derive(Debug, thiserror::Error)]
#[error("unknown kind `{0}` (expected one of: win, story, learning, feedback, goal)")]
pub struct UnknownKind(pub String);

impl FromStr for Kind {
    type Err = UnknownKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownKind(s.to_owned()))
    }
}

/// Returns one accomplishment: a win, a STAR story, a learning, feedback or a goal.
///
/// Serialized, this is the Entry JSON of DESIGN.md. Text fields are empty strings when the
/// file has no such section; `date` is `null` only for an entry that has none at all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The file stem; empty for an entry that has no file yet.
    #[serde(default, skip_serializing_if = "id_is_empty")]
    pub id: EntryId,
    /// The file's path relative to the vault, with `/` separators; empty before writing.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub path: String,
    /// What kind of entry this is.
    pub kind: Kind,
    /// The day it happened.
    #[serde(with = "opt_date")]
    pub date: Option<Date>,
    /// True when the source gave no date and `date` is only the day it was recorded.
    pub undated: bool,
    /// A short title.
    pub title: String,
    /// Free-form tags, without `#`.
    pub tags: Vec<String>,
    /// Competency ids, such as `dive-deep`.
    pub competencies: Vec<String>,
    /// The project this belongs to, if any.
    pub project: Option<String>,
    /// People involved, without `@`.
    pub people: Vec<String>,
    /// Evidence links, classified.
    pub links: Vec<Link>,
    /// STAR: the situation.
    pub situation: String,
    /// STAR: the task.
    pub task: String,
    /// STAR: what I did.
    pub action: String,
    /// STAR: what came of it.
    pub result: String,
    /// One line per metric.
    pub metrics: Vec<String>,
    /// What I learned.
    pub lessons: String,
    /// Anything else.
    pub notes: String,
    /// The body of an entry without sections (a win, a learning's notes).
    pub text: String,
    /// Per competency id: why this story shows it, in the writer's words.
    pub competency_notes: IndexMap<String, String>,
    /// Front-matter keys brag does not know, kept as written.
    pub extra: IndexMap<String, serde_json::Value>,
}

fn id_is_empty(id: &EntryId) -> bool {
    id.0.is_empty()
}

impl Entry {
    /// Returns true when the entry has no STAR text at all.
    pub fn star_is_empty(&self) -> bool {
        [&self.situation, &self.task, &self.action, &self.result]
            .iter()
            .all(|s| s.trim().is_empty())
    }

    /// Returns true for a draft: an entry with `draft: true` in its front matter, as
    /// `brag harvest` writes them, that the user has not reviewed yet.
    pub fn is_draft(&self) -> bool {
        matches!(self.extra.get("draft"), Some(serde_json::Value::Bool(true)))
    }

    /// Returns the entry's text in the user's own words: for a harvested entry, without the
    /// line of commit counts that harvest generated ("3 commits in rivet, +120 −4 lines in
    /// 2 files."), which is no claim of theirs; its commit subjects stay.
    pub fn own_text(&self) -> std::borrow::Cow<'_, str> {
        if !self.extra.contains_key(crate::harvest::COMMITS_KEY) {
            return std::borrow::Cow::Borrowed(&self.text);
        }
        let kept: Vec<&str> = self
            .text
            .lines()
            .filter(|l| !crate::harvest::is_stats_line(l))
            .collect();
        std::borrow::Cow::Owned(kept.join("\n").trim().to_owned())
    }

    /// Returns the text that full-text search should see besides the title: the user's
    /// words, so in a harvested entry the line of commit counts that harvest generated
    /// is left out (its commit subjects stay).
    pub fn search_body(&self) -> String {
        let mut out = String::new();
        for part in [
            &self.text,
            &self.situation,
            &self.task,
            &self.action,
            &self.result,
            &self.lessons,
            &self.notes,
        ] {
            self.push_searched(&mut out, part);
        }
        for m in self.metrics.iter().chain(self.competency_notes.values()) {
            out.push_str(m);
            out.push('\n');
        }
        out
    }

    /// Adds a section's text as search sees it: in a harvested entry, without the line
    /// of commit counts that harvest generated.
    fn push_searched(&self, out: &mut String, part: &str) {
        if part.is_empty() {
            return;
        }
        if self.extra.contains_key(crate::harvest::COMMITS_KEY) {
            for line in part.lines().filter(|l| !crate::harvest::is_stats_line(l)) {
                out.push_str(line);
                out.push('\n');
            }
        } else {
            out.push_str(part);
            out.push('\n');
        }
    }

    /// Returns the text of [`Entry::search_body`] in three parts, by how much a word in each says
    /// about what the entry is: what was done and came of it (free text, Action, Result,
    /// metrics, the written "why" of each competency); its setting (Situation, Task,
    /// Lessons); and the Notes.
    pub fn search_sections(&self) -> [String; 3] {
        let mut main = String::new();
        for part in [&self.text, &self.action, &self.result] {
            self.push_searched(&mut main, part);
        }
        for m in self.metrics.iter().chain(self.competency_notes.values()) {
            main.push_str(m);
            main.push('\n');
        }
        let mut context = String::new();
        for part in [&self.situation, &self.task, &self.lessons] {
            self.push_searched(&mut context, part);
        }
        let mut notes = String::new();
        self.push_searched(&mut notes, &self.notes);
        [main, context, notes]
    }

    /// Returns the text whose meaning stands for the entry's, for embedding: the title,
    /// the written "why" of its competencies, then what was done and came of it before
    /// its setting. Notes are left out: they are the user's asides, not the story.
    pub fn meaning_text(&self) -> String {
        let [main, context, _] = self.search_sections();
        let mut out = String::with_capacity(self.title.len() + main.len() + context.len() + 2);
        out.push_str(&self.title);
        out.push_str(".\n");
        out.push_str(&main);
        out.push_str(&context);
        out
    }
}

mod opt_date {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        let s: Option<String> = Option::deserialize(d)?;
        s.map(|s| s.parse().map_err(serde::de::Error::custom))
            .transpose()
    }
}
