//! brag's use cases, the one door into brag for every surface: the CLI, the web UI and the
//! assistant server call this crate and nothing below it.
//!
//! This crate alone orchestrates: it takes the vault lock for writes, writes through
//! `brag-vault`, reads files with `brag_core::file`, keeps `brag-index` in step, reads git
//! with `brag-git`, and returns values every surface shows its own way (the `--json` of
//! the CLI is their serialization). It does no terminal or web work. "Today" comes from a
//! [`Clock`] read per call; every read brings the index up to date itself.
//!
//! The core types a surface needs are re-exported here, so a surface depends on this crate
//! alone.

mod add;
mod app;
mod clock;
mod doctor;
mod error;
mod harvest;
mod import;
mod insight;
mod meaning;
mod pool;
mod query;
mod remind;
mod report;
mod share;
mod story;
#[cfg(feature = "watch")]
mod watch;

use std::path::PathBuf;

pub use add::{AddRequest, Added, LineEntry, parse_kind, resolve_competency, template_for};
pub use app::{App, FileProblem, Resolved, Shown, SyncReport, Written, text_stamp};
pub use clock::Clock;
pub use doctor::{DoctorReport, FileAtFault, Ignored, UnknownCompetency};
pub use error::{AppError, ErrorKind};
pub use harvest::{
    HarvestRequest, Harvested, HarvestedDraft, IdentitySource, Progress, Quiet, harvest_standalone,
};
pub use import::{
    DOCUMENT_EXTENSIONS, Document, ImportContext, ImportOptions, ImportOutcome, ImportSummary,
    Planned, read_folder,
};
pub use insight::{Asked, Coached, Covered};
pub use meaning::available as semantic_available;
pub use query::{FilterSpec, MAX_TERMS, SearchHit, SearchResults, date_range};
pub use remind::{DEFAULT_DAYS as REMIND_DAYS, Latest, Reminder};
pub use report::{ReportFormat, ReportRequest, render_report, write_file};
pub use share::{CONFLICT_KEY, Changes, Conflict, Shared, git_init};
pub use story::{SavedStory, StoryRequest};
#[cfg(feature = "watch")]
pub use watch::{Watcher, watch};

pub use brag_core::date::{self, Period};
pub use brag_core::filter::Filter;
pub use brag_core::import::{Format, Import, Imported, Warning};
pub use brag_core::report::{Report, ReportKind};
/// The core types and helpers a surface shows: entries, kinds, links, the coach's,
/// coverage's and ask's values, importers' formats and warnings, and text helpers.
pub use brag_core::{Entry, EntryId, Kind, Link, LinkKind};
pub use brag_core::{ask, coach, coverage, file, framework, render, report as reports, text};
/// The vault's own errors and settings, for surfaces that tell them apart.
pub use brag_vault::{Config, ConfigError, VaultError};
/// The date type every date here is.
pub use jiff::civil::Date;

/// Returns the vault directory to use: `flag` (`--vault`), else `BRAG_VAULT` when it is
/// set and not empty, else `$XDG_DATA_HOME/brag` (`~/.local/share/brag`).
pub fn vault_path(flag: Option<PathBuf>) -> Result<PathBuf, AppError> {
    if let Some(v) = flag.filter(|v| !v.as_os_str().is_empty()) {
        return Ok(v);
    }
    // An empty BRAG_VAULT counts as unset, as `BRAG_VAULT= brag list` means in any shell.
    if let Some(v) = std::env::var_os("BRAG_VAULT").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(v));
    }
    use etcetera::BaseStrategy as _;
    let base = etcetera::choose_base_strategy().map_err(|e| AppError::NoHome(e.to_string()))?;
    Ok(base.data_dir().join("brag"))
}

/// Returns the user's configuration directory: `$XDG_CONFIG_HOME`, else `~/.config`.
pub fn config_dir() -> Result<PathBuf, AppError> {
    use etcetera::BaseStrategy as _;
    let base = etcetera::choose_base_strategy().map_err(|e| AppError::NoHome(e.to_string()))?;
    Ok(base.config_dir())
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // Tests make files by hand, as a user would.
mod tests;
