//! Recovering forgotten work from git: finding repositories, knowing whose commits are the
//! user's, reading them (brag-git), grouping them into drafts (brag-core) and writing the
//! drafts, skipping commits an earlier harvest took.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use brag_core::entry::Entry;
use brag_core::harvest::{self, Draft};
use brag_git::{Identity, ReadOptions};
use jiff::civil::Date;
use serde::Serialize;

use crate::{App, AppError, Written};

/// Returns what to harvest, as the user asks for it.
#[derive(Clone, Debug, Default)]
pub struct HarvestRequest {
    /// Repositories, or directories that hold repositories.
    pub paths: Vec<PathBuf>,
    /// E-mail addresses (with `@`) or names whose commits are the user's; when empty,
    /// brag.toml's identity, or else git's `user.email`.
    pub authors: Vec<String>,
    /// Commits on or after this date phrase.
    pub from: Option<String>,
    /// Commits on or before this date phrase (a month or quarter counts to its end).
    pub to: Option<String>,
    /// Show the drafts and write nothing.
    pub dry_run: bool,
}

/// Returns how a harvest tells its progress, repository by repository; the CLI draws a
/// spinner, a server may stay quiet.
pub trait Progress {
    /// A repository's reading starts.
    fn start(&mut self, repo: &Path);
    /// `commits` commits of it have been read so far.
    fn commits(&mut self, commits: usize);
    /// The repository is read.
    fn finish(&mut self);
}

/// Returns a progress that says nothing.
pub struct Quiet;

impl Progress for Quiet {
    fn start(&mut self, _: &Path) {}
    fn commits(&mut self, _: usize) {}
    fn finish(&mut self) {}
}

/// Returns one draft: the Entry JSON plus its commits.
#[derive(Clone, Debug, Serialize)]
pub struct HarvestedDraft {
    /// The draft entry (a `win` with `draft: true`).
    #[serde(flatten)]
    pub entry: Entry,
    /// Full ids of its commits, oldest first.
    pub commits: Vec<String>,
}

/// Returns whose commits were taken, and why those.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum IdentitySource {
    /// The authors the request named.
    Request,
    /// `[identity]` in brag.toml.
    Config,
    /// git's `user.email`, as the first repository sees it.
    Git(String),
}

/// Returns what a harvest found, and (unless a dry run) wrote.
#[derive(Debug, Serialize)]
pub struct Harvested {
    /// The drafts: those written, or on a dry run those that would be.
    pub drafts: Vec<HarvestedDraft>,
    /// Commits read that were the user's.
    pub commits: usize,
    /// The repositories read.
    pub repositories: Vec<PathBuf>,
    /// Paths given that hold no repository (when others did).
    pub empty_paths: Vec<PathBuf>,
    /// How many commits earlier harvests had taken already.
    pub known_commits: usize,
    /// Where the identity came from.
    pub identity: IdentitySource,
    /// True when nothing was written.
    pub dry_run: bool,
    /// Why the index lags behind the drafts written, if it does.
    #[serde(skip)]
    pub stale_index: Option<AppError>,
}

impl HarvestRequest {
    /// Returns the request's date range, checked as of `today`, before anything is read.
    pub fn range(&self, today: Date) -> Result<(Option<Date>, Option<Date>), AppError> {
        crate::query::date_range(self.from.as_deref(), self.to.as_deref(), today)
    }
}

/// Harvests without a vault (a dry run where none exists yet): no identity from
/// brag.toml, no commits known.
pub fn harvest_standalone(
    req: &HarvestRequest,
    today: Date,
    progress: &mut dyn Progress,
) -> Result<Harvested, AppError> {
    run(None, req, today, progress)
}

impl App {
    /// Harvests into this vault (or shows what it would write, on a dry run).
    pub fn harvest(
        &self,
        req: &HarvestRequest,
        progress: &mut dyn Progress,
    ) -> Result<Harvested, AppError> {
        run(Some(self), req, self.today(), progress)
    }

    /// Returns the commit ids earlier harvests took (the index is brought up to date
    /// first, so drafts edited or deleted by hand count as they are now).
    pub fn harvested_commits(&self) -> Result<HashSet<String>, AppError> {
        self.refresh()?;
        Ok(self.conn()?.label_values(brag_index::COMMIT_LABEL)?)
    }

    /// Writes harvested drafts as entries; commits another process took meanwhile are
    /// skipped.
    pub fn write_drafts(&self, drafts: Vec<Draft>) -> Result<Written<Vec<Entry>>, AppError> {
        let _lock = self.vault().lock()?;
        let known = self.conn()?.label_values(brag_index::COMMIT_LABEL)?;
        let entries = drafts
            .into_iter()
            .filter(|d| !d.commits.iter().any(|c| known.contains(c)))
            .map(|d| d.entry)
            .collect();
        self.write_entries(entries, &|_| None)
    }
}

fn run(
    app: Option<&App>,
    req: &HarvestRequest,
    today: Date,
    progress: &mut dyn Progress,
) -> Result<Harvested, AppError> {
    let (from, to) = req.range(today)?;
    let mut repos = Vec::new();
    let mut empty_paths = Vec::new();
    for path in &req.paths {
        let found = brag_git::find_repos(path).map_err(|e| AppError::Git(e.to_string()))?;
        if found.is_empty() {
            empty_paths.push(path.clone());
        }
        repos.extend(found);
    }
    if repos.is_empty() {
        return Err(AppError::NoRepository(
            req.paths.iter().map(|p| p.display().to_string()).collect(),
        ));
    }
    let (identity, source) = identity(app, &req.authors, &repos[0])?;
    let opts = ReadOptions { identity, from, to };
    let known: HashSet<String> = match app {
        Some(app) => app.harvested_commits()?,
        None => HashSet::new(),
    };
    let mut drafts: Vec<Draft> = Vec::new();
    let mut commits = 0usize;
    for path in &repos {
        progress.start(path);
        let repo = brag_git::read_repo(path, &opts, &mut |n| progress.commits(n));
        progress.finish();
        let repo = repo.map_err(|e| AppError::Git(e.to_string()))?;
        commits += repo.commits.len();
        drafts.extend(harvest::drafts(&repo, &known));
    }
    let (drafts, stale_index) = match app {
        Some(app) if !req.dry_run => {
            let written = app.write_drafts(drafts)?;
            let drafts = written
                .value
                .into_iter()
                .map(|entry| HarvestedDraft {
                    commits: entry_commits(&entry),
                    entry,
                })
                .collect();
            (drafts, written.stale_index)
        }
        _ => (
            drafts
                .into_iter()
                .map(|d| HarvestedDraft {
                    entry: d.entry,
                    commits: d.commits,
                })
                .collect(),
            None,
        ),
    };
    Ok(Harvested {
        drafts,
        commits,
        repositories: repos,
        empty_paths,
        known_commits: known.len(),
        identity: source,
        dry_run: req.dry_run || app.is_none(),
        stale_index,
    })
}

fn entry_commits(entry: &Entry) -> Vec<String> {
    match entry.extra.get(harvest::COMMITS_KEY) {
        Some(serde_json::Value::Array(ids)) => ids
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// Returns whose commits to take: the request's authors, else brag.toml's identity, else
/// git's `user.email` as the first repository sees it.
fn identity(
    app: Option<&App>,
    authors: &[String],
    first_repo: &Path,
) -> Result<(Identity, IdentitySource), AppError> {
    if !authors.is_empty() {
        let (emails, names): (Vec<String>, Vec<String>) =
            authors.iter().cloned().partition(|v| v.contains('@'));
        return Ok((Identity::new(&emails, &names), IdentitySource::Request));
    }
    if let Some(app) = app {
        let config = app.config()?;
        let id = Identity::new(&config.identity.emails, &config.identity.names);
        if !id.is_empty() {
            return Ok((id, IdentitySource::Config));
        }
    }
    if let Some(email) = brag_git::configured_email(first_repo) {
        return Ok((
            Identity::new(std::slice::from_ref(&email), &[]),
            IdentitySource::Git(email),
        ));
    }
    Err(AppError::NoIdentity)
}
