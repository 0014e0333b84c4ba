//! `brag doctor`'s report: every file brag cannot read (`path:line: message`), every file
//! it passes over, competency ids no active framework knows, and the temporary files of
//! killed writers that were cleaned up.

use brag_core::filter::Filter;
use serde::Serialize;

use crate::{App, AppError};

/// Returns the health of a vault.
#[derive(Clone, Debug, Serialize)]
pub struct DoctorReport {
    /// The vault's directory.
    pub vault: String,
    /// True when nothing below is listed.
    pub ok: bool,
    /// Entries indexed.
    pub entries: usize,
    /// Files brag cannot read (and `brag.toml` when it is wrong).
    pub problems: Vec<FileAtFault>,
    /// Files brag passes over, and why.
    pub ignored: Vec<Ignored>,
    /// Competency ids in entries that no active framework knows.
    pub unknown_competencies: Vec<UnknownCompetency>,
    /// Entries kept from a `brag sync` conflict (`conflict: true`): the other side's
    /// version of an entry changed on both sides, beside this machine's.
    pub conflicts: Vec<FileAtFault>,
    /// Temporary files of writers stopped mid-write, removed by this check.
    pub removed: Vec<String>,
    /// The active frameworks' ids.
    #[serde(skip)]
    pub frameworks: Vec<String>,
}

/// Returns a file brag cannot read, as `path:line: message`.
#[derive(Clone, Debug, Serialize)]
pub struct FileAtFault {
    /// The file's absolute path.
    pub path: String,
    /// The 1-based line at fault.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Returns a file brag passes over.
#[derive(Clone, Debug, Serialize)]
pub struct Ignored {
    /// The file's absolute path.
    pub path: String,
    /// Why brag does not read it, and what to do.
    pub message: &'static str,
}

/// Returns a competency id no active framework knows.
#[derive(Clone, Debug, Serialize)]
pub struct UnknownCompetency {
    /// The entry file's absolute path.
    pub path: String,
    /// The line of its front matter that names the id.
    pub line: usize,
    /// The id as written.
    pub id: String,
    /// The nearest known competency id, if any is alike.
    pub suggestion: Option<String>,
}

impl App {
    /// Returns the vault's health; the index is brought up to date first.
    pub fn doctor(&self) -> Result<DoctorReport, AppError> {
        let sync = self.sync()?;
        let abs = |rel: &str| self.abs(rel).display().to_string();
        let mut problems: Vec<FileAtFault> = self
            .problems()?
            .into_iter()
            .map(|p| FileAtFault {
                path: abs(&p.path),
                line: p.line,
                message: p.message,
            })
            .collect();
        if let Err(AppError::Config(e)) = self.config() {
            problems.insert(
                0,
                FileAtFault {
                    path: e.path.display().to_string(),
                    line: e.line,
                    message: e.message,
                },
            );
        }
        let ignored: Vec<Ignored> = self
            .vault()
            .strays()?
            .into_iter()
            .map(|s| Ignored {
                path: abs(&s.path),
                message: s.why.message(),
            })
            .collect();
        let index = self.conn()?;
        let mut conflicts = Vec::new();
        for e in index.list(&Filter::default(), None)? {
            if e.extra.get(crate::CONFLICT_KEY) != Some(&serde_json::Value::Bool(true)) {
                continue;
            }
            let text = self.vault().read(&e.path).unwrap_or_default();
            let line = text
                .lines()
                .position(|l| l.starts_with(&format!("{}:", crate::CONFLICT_KEY)))
                .map_or(1, |i| i + 1);
            let of = e
                .path
                .rsplit_once('-')
                .map(|(stem, _)| format!("{stem}.md"))
                .unwrap_or_default();
            conflicts.push(FileAtFault {
                path: abs(&e.path),
                line,
                message: format!(
                    "the other side's version of {of}: merge the two into one and delete the other (or remove `conflict: true`)"
                ),
            });
        }
        drop(index);
        let mut unknown_competencies = Vec::new();
        let mut frameworks = Vec::new();
        // A broken brag.toml or framework file is listed above; without a catalogue there
        // is nothing to check ids against.
        if let Ok(catalogue) = self.catalogue() {
            frameworks = catalogue
                .frameworks()
                .iter()
                .map(|f| f.id.clone())
                .collect();
            for e in self.conn()?.list(&Filter::default(), None)? {
                let unknown: Vec<&String> = e
                    .competencies
                    .iter()
                    .filter(|c| catalogue.competency(c).is_none())
                    .collect();
                if unknown.is_empty() {
                    continue;
                }
                let text = self.vault().read(&e.path).unwrap_or_default();
                for id in unknown {
                    unknown_competencies.push(UnknownCompetency {
                        path: abs(&e.path),
                        line: line_naming(&text, id),
                        id: id.clone(),
                        suggestion: catalogue.nearest_id(id),
                    });
                }
            }
        }
        Ok(DoctorReport {
            vault: self.root().display().to_string(),
            ok: problems.is_empty()
                && ignored.is_empty()
                && unknown_competencies.is_empty()
                && conflicts.is_empty(),
            entries: self.count()?,
            problems,
            ignored,
            unknown_competencies,
            conflicts,
            removed: sync.removed_temps.iter().map(|r| abs(r)).collect(),
            frameworks,
        })
    }
}

/// Returns the 1-based line of the front matter that names `id`, or 1.
fn line_naming(text: &str, id: &str) -> usize {
    text.lines()
        .position(|l| {
            l.match_indices(id).any(|(i, _)| {
                let before = l[..i].chars().next_back();
                let after = l[i + id.len()..].chars().next();
                !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
                    && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
            })
        })
        .map_or(1, |i| i + 1)
}
