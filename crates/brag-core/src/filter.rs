//! Which entries a command is about: the filters `list`, `search` and reports share.
//!
//! The index adapter turns a [`Filter`] into SQL; [`Filter::matches`] is the same rule for
//! entries already in memory, and the tests hold the two to each other.

use jiff::civil::Date;

use crate::entry::{Entry, Kind};

/// Returns the selection made by `--from`, `--to`, `-t`, `-c`, `--kind` and `--project`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Entries on or after this day.
    pub from: Option<Date>,
    /// Entries on or before this day.
    pub to: Option<Date>,
    /// Entries carrying every one of these tags (case-insensitive).
    pub tags: Vec<String>,
    /// Entries carrying every one of these competency ids.
    pub competencies: Vec<String>,
    /// Entries of this kind.
    pub kind: Option<Kind>,
    /// Entries of this project (case-insensitive).
    pub project: Option<String>,
}

impl Filter {
    /// Returns true when the filter selects everything.
    pub fn is_empty(&self) -> bool {
        self == &Filter::default()
    }

    /// Returns true when `entry` passes the filter.
    pub fn matches(&self, entry: &Entry) -> bool {
        let in_range = match entry.date {
            Some(d) => self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t),
            None => self.from.is_none() && self.to.is_none(),
        };
        in_range
            && self
                .tags
                .iter()
                .all(|t| entry.tags.iter().any(|e| e.eq_ignore_ascii_case(t)))
            && self
                .competencies
                .iter()
                .all(|c| entry.competencies.iter().any(|e| e.eq_ignore_ascii_case(c)))
            && self.kind.is_none_or(|k| entry.kind == k)
            && self.project.as_ref().is_none_or(|p| {
                entry
                    .project
                    .as_ref()
                    .is_some_and(|e| e.eq_ignore_ascii_case(p))
            })
    }
}
