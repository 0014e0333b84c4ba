//! brag's use cases, shared by the CLI and the web UI: open a vault, keep its index fresh,
//! add, create, edit and remove entries, list and search them.
//!
//! This crate alone orchestrates: it takes the vault lock for writes, writes through
//! `brag-vault`, reads files with `brag_core::file` and keeps `brag-index` in step. It does
//! no terminal or web work and reads no clock: "today" is given to [`App::open`].

use std::path::{Path, PathBuf};
use std::thread;

use brag_core::entry::{Entry, EntryId};
use brag_core::file;
use brag_core::filter::Filter;
use brag_core::framework::{self, Catalogue, Framework};
use brag_core::import::{IMPORT_KEY, Imported};
use brag_core::slug::slugify;
use brag_core::{ask, coach, coverage, harvest};
use brag_index::{Change, Hit, Index, IndexError, Problem};
use brag_vault::{Config, ConfigError, Stamp, Vault, VaultError};
use jiff::civil::Date;

pub use brag_index::Problem as FileProblem;

/// Returned when a use case fails.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Reading or writing the vault failed.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// The index failed in a way a rebuild did not cure.
    #[error(transparent)]
    Index(#[from] IndexError),
    /// `brag.toml` is wrong.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A file or text is not a valid entry.
    #[error("{path}:{line}: {message}")]
    BadEntry {
        /// Where the text is (a vault-relative path, or a draft file).
        path: String,
        /// The 1-based line at fault.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// `brag.toml` names a framework that is neither built in nor in `frameworks/`.
    #[error(
        "brag.toml: no competency framework `{0}` (built in: amazon-lp, engineering; or add frameworks/{0}.toml)"
    )]
    UnknownFramework(String),
    /// A new entry has no title and nothing to make one from.
    #[error(
        "nothing to save: the entry has no title and no Situation, Task, Action, Result or text"
    )]
    NothingToSave,
    /// A framework asked for by name is neither built in nor in `frameworks/`.
    #[error("no competency framework `{wanted}` (there are: {})", .available.join(", "))]
    NoSuchFramework {
        /// The id asked for.
        wanted: String,
        /// The ids there are.
        available: Vec<String>,
    },
    /// The file changed on disk while it was being edited.
    #[error("{0} changed on disk while you were editing it; nothing was saved")]
    Changed(String),
    /// No entry has this id.
    #[error("no entry `{0}`")]
    NotFound(String),
    /// What was given as an id cannot be one.
    #[error("`{wanted}` {why}")]
    BadId {
        /// What was given.
        wanted: String,
        /// Why it is no id.
        why: &'static str,
    },
    /// Several entries match a short id.
    #[error("`{wanted}` matches {} entries:{}", .candidates.len(), list_some(.candidates))]
    Ambiguous {
        /// What was asked for.
        wanted: String,
        /// The ids it matches.
        candidates: Vec<String>,
    },
}

/// Returns what a write did: its result, and why the index lags behind when the file was
/// written but the index could not be brought along (a read-only or locked `index.db`).
///
/// The files are the record and the index only a cache: such a write has succeeded, and
/// the next command that can write the index reads the file in.
#[derive(Debug)]
#[must_use]
pub struct Written<T> {
    /// What the write returns.
    pub value: T,
    /// The error that kept the index from following the write, if any.
    pub stale_index: Option<AppError>,
}

impl<T> Written<T> {
    fn new(value: T, stale_index: Option<AppError>) -> Written<T> {
        Written { value, stale_index }
    }
}

/// Returns up to ten ids, one per line, and how many more there are.
fn list_some(ids: &[String]) -> String {
    let mut out = String::new();
    for id in ids.iter().take(10) {
        out.push_str("\n  ");
        out.push_str(id);
    }
    if ids.len() > 10 {
        out.push_str(&format!("\n  … and {} more", ids.len() - 10));
    }
    out
}

/// Returns the entry a full or partial id names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The entry's whole id.
    pub id: EntryId,
    /// True when the id was given in full.
    pub exact: bool,
}

/// Returns what an import wrote.
#[derive(Debug, Default)]
pub struct ImportSummary {
    /// The entries written, with their ids and paths.
    pub added: Vec<Entry>,
    /// Entries skipped because the vault has them from an earlier import.
    pub present: usize,
    /// Why the index lags behind the files written, if it does (see [`Written`]).
    pub stale_index: Option<AppError>,
}

/// Returns what a sync did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Files read that the index did not have.
    pub added: usize,
    /// Files read again because they changed.
    pub updated: usize,
    /// Files gone from the vault.
    pub removed: usize,
    /// True when the index was (re)built from nothing.
    pub rebuilt: bool,
    /// Temporary files of writers stopped mid-write that were found and removed.
    pub removed_temps: Vec<String>,
}

/// Returns an open vault with its index.
pub struct App {
    vault: Vault,
    index: Index,
    today: Date,
    fresh_index: bool,
}

impl App {
    /// Returns the vault at `root` opened, or an error when there is none.
    pub fn open(root: &Path, today: Date) -> Result<App, AppError> {
        let vault = Vault::open(root)?;
        Self::with_vault(vault, today)
    }

    /// Returns the vault at `root`, made first where missing (idempotent).
    pub fn init(root: &Path, today: Date) -> Result<App, AppError> {
        let vault = Vault::init(root)?;
        Self::with_vault(vault, today)
    }

    fn with_vault(vault: Vault, today: Date) -> Result<App, AppError> {
        let path = vault.state_dir()?.join("index.db");
        let (index, fresh_index) = Index::open(&path)?;
        Ok(App {
            vault,
            index,
            today,
            fresh_index,
        })
    }

    /// Returns the vault.
    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    /// Returns the index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Returns the day the app treats as today.
    pub fn today(&self) -> Date {
        self.today
    }

    /// Returns the vault's settings.
    pub fn config(&self) -> Result<Config, AppError> {
        Ok(self.vault.config()?)
    }

    /// Brings the index up to date with the files: every file whose (path, size, mtime)
    /// differs from what the index holds is read again, and vanished files are dropped.
    pub fn sync(&mut self) -> Result<SyncReport, AppError> {
        let scan = self.vault.scan()?;
        let on_disk = scan.entries;
        let mut report = SyncReport {
            rebuilt: self.fresh_index,
            removed_temps: self.vault.remove_stale_temps(&scan.temps)?,
            ..SyncReport::default()
        };
        // Both lists are sorted by path: one merge finds what was added, changed, removed.
        let mut to_read: Vec<(String, Stamp)> = Vec::new();
        let mut removed = Vec::new();
        let mut disk = on_disk.iter().peekable();
        self.index.each_stamp(|path, stamp| {
            while let Some((p, s)) = disk.next_if(|(p, _)| p.as_str() < path) {
                report.added += 1;
                to_read.push((p.clone(), *s));
            }
            match disk.next_if(|(p, _)| p == path) {
                Some((_, s)) if *s == stamp => {}
                Some((p, s)) => {
                    report.updated += 1;
                    to_read.push((p.clone(), *s));
                }
                None => {
                    report.removed += 1;
                    removed.push(Change::Removed {
                        path: path.to_owned(),
                    });
                }
            }
        })?;
        for (p, s) in disk {
            report.added += 1;
            to_read.push((p.clone(), *s));
        }
        self.index.apply(&removed)?;
        read_files(&self.vault, &to_read, |changes| {
            self.index.apply_iter(changes)
        })?;
        self.fresh_index = false;
        Ok(report)
    }

    /// Empties the index and reads every file again.
    pub fn reindex(&mut self) -> Result<SyncReport, AppError> {
        self.index.reset()?;
        self.fresh_index = true;
        self.sync()
    }

    /// Returns the files that could not be read at the last sync.
    pub fn problems(&self) -> Result<Vec<Problem>, AppError> {
        Ok(self.index.problems()?)
    }

    /// Returns the entries a filter selects, newest first.
    pub fn list(&self, filter: &Filter, limit: Option<usize>) -> Result<Vec<Entry>, AppError> {
        Ok(self.index.list(filter, limit)?)
    }

    /// Returns the entries a filter selects, newest first, with only the fields a
    /// one-line listing shows (id, path, kind, date, undated, title, project, tags).
    pub fn list_brief(
        &self,
        filter: &Filter,
        limit: Option<usize>,
    ) -> Result<Vec<Entry>, AppError> {
        Ok(self.index.list_brief(filter, limit)?)
    }

    /// Returns the entries that best match a query, best first.
    pub fn search(&self, query: &str, filter: &Filter, limit: usize) -> Result<Vec<Hit>, AppError> {
        Ok(self.index.search(query, filter, limit)?)
    }

    /// Returns the id that a full or partial id names.
    pub fn resolve(&self, wanted: &str) -> Result<EntryId, AppError> {
        self.resolve_id(wanted).map(|r| r.id)
    }

    /// Returns the entry a full or partial id names, and whether it was named in full.
    ///
    /// A whole id always wins. Otherwise the text must start a word of exactly one id
    /// (`budget` and `2025-03` name `2025-03-14-retry-budget`; `udget` does not), or be
    /// the whole slug of exactly one. An id with `/`, `\` or `..` is refused
    /// ([`AppError::BadId`]): ids are names, not paths.
    pub fn resolve_id(&self, wanted: &str) -> Result<Resolved, AppError> {
        let w = wanted.trim();
        let w = w.strip_suffix(".md").unwrap_or(w);
        if w.is_empty() {
            return Err(AppError::BadId {
                wanted: wanted.to_owned(),
                why: "is empty",
            });
        }
        if w.contains(['/', '\\']) || w.contains("..") {
            return Err(AppError::BadId {
                wanted: wanted.to_owned(),
                why: "is a path; give the entry's id (its file name without .md) or part of it",
            });
        }
        let exact = EntryId(w.to_owned());
        match self.path_of(&exact) {
            Ok(_) => {
                return Ok(Resolved {
                    id: exact,
                    exact: true,
                });
            }
            Err(AppError::NotFound(_)) => {}
            Err(e) => return Err(e),
        }
        let lower = w.to_lowercase();
        let mut found: Vec<String> = self
            .index
            .ids_containing(w)?
            .into_iter()
            .map(|(id, _)| id)
            .filter(|id| starts_a_word(&id.to_lowercase(), &lower))
            .collect();
        found.dedup();
        let id = match found.as_slice() {
            [] => return Err(AppError::NotFound(w.to_owned())),
            [one] => one.clone(),
            many => {
                let same_slug: Vec<&String> = many
                    .iter()
                    .filter(|id| slug_of(id).eq_ignore_ascii_case(w))
                    .collect();
                match same_slug.as_slice() {
                    [one] => (*one).clone(),
                    _ => {
                        return Err(AppError::Ambiguous {
                            wanted: w.to_owned(),
                            candidates: found,
                        });
                    }
                }
            }
        };
        Ok(Resolved {
            id: EntryId(id),
            exact: false,
        })
    }

    /// Returns the vault-relative path of an entry's file: `YYYY/ID.md`, or wherever the
    /// index saw it when the user has moved it to another directory. An entry reached
    /// through a symbolic link is refused ([`VaultError::Symlink`]), never followed.
    pub fn path_of(&self, id: &EntryId) -> Result<String, AppError> {
        let rel = id.relative_path();
        if self.vault.is_entry_file(&rel)? {
            return Ok(rel);
        }
        for path in self.index.paths_of_id(id.as_str())? {
            if self.vault.is_entry_file(&path)? {
                return Ok(path);
            }
        }
        Err(AppError::NotFound(id.to_string()))
    }

    /// Returns an entry and the text of its file.
    pub fn load(&self, id: &EntryId) -> Result<(Entry, String), AppError> {
        let rel = self.path_of(id)?;
        let text = self.vault.read(&rel)?;
        let mut entry = file::parse(&text, Some(id))
            .map_err(|e| bad_entry(&rel, e))?
            .entry;
        entry.path = rel;
        Ok((entry, text))
    }

    /// Writes a new entry made by brag (from `brag add`, an importer, ...).
    ///
    /// The entry gets its id and path here: its date (today when it has none) and a slug of
    /// its title, with `-2`, `-3`, ... when the name is taken.
    pub fn add(&mut self, mut entry: Entry) -> Result<Written<Entry>, AppError> {
        if entry.date.is_none() {
            entry.date = Some(self.today);
        }
        let _lock = self.vault.lock()?;
        let base = id_base(&entry, self.today);
        let entry = self.write_new(&base, |id| {
            entry.id = id.clone();
            entry.path = id.relative_path();
            Ok((file::render(&entry), entry.clone()))
        })?;
        let stale = self.index_one(&entry.path, &entry).err();
        Ok(Written::new(entry, stale))
    }

    /// Returns the competency frameworks the vault works with: those `brag.toml` names
    /// (`amazon-lp` when it names none), built in or from the vault's `frameworks/`.
    pub fn catalogue(&self) -> Result<Catalogue, AppError> {
        let config = self.config()?;
        let wanted: Vec<String> = if config.frameworks.is_empty() {
            vec!["amazon-lp".to_owned()]
        } else {
            config.frameworks.clone()
        };
        let mut user = Vec::new();
        for (path, text) in self.vault.read_frameworks()? {
            let fw = Framework::parse(&text).map_err(|e| AppError::BadEntry {
                path: path.display().to_string(),
                line: e.line,
                message: e.message,
            })?;
            user.push(fw);
        }
        let mut active = Vec::new();
        for id in &wanted {
            let fw = user
                .iter()
                .find(|f| &f.id == id)
                .or_else(|| framework::builtin().iter().find(|f| &f.id == id))
                .ok_or_else(|| AppError::UnknownFramework(id.clone()))?;
            active.push(fw.clone());
        }
        Ok(Catalogue::new(active))
    }

    /// Returns the coach's report on entries the filter selects, weakest first.
    pub fn coach(&self, filter: &Filter) -> Result<Vec<coach::Report>, AppError> {
        let mut reports: Vec<coach::Report> = self
            .index
            .list(filter, None)?
            .iter()
            .map(|e| coach::coach(e, self.today))
            .collect();
        reports.sort_by(|a, b| a.score.cmp(&b.score).then_with(|| a.id.cmp(&b.id)));
        Ok(reports)
    }

    /// Returns the competency × stories matrix of a framework (the default one when
    /// `framework` is `None`).
    pub fn coverage(&self, framework: Option<&str>) -> Result<coverage::Coverage, AppError> {
        let catalogue = self.catalogue()?;
        let fw = match framework {
            Some(id) => match catalogue.framework(id) {
                Some(fw) => fw.clone(),
                None => {
                    // Any built-in or user framework may be asked for by name.
                    let user = self.vault.read_frameworks()?;
                    let all: Vec<Framework> = user
                        .iter()
                        .filter_map(|(_, t)| Framework::parse(t).ok())
                        .chain(framework::builtin().iter().cloned())
                        .collect();
                    match all.iter().find(|f| f.id == id) {
                        Some(fw) => fw.clone(),
                        None => {
                            let mut available: Vec<String> =
                                all.into_iter().map(|f| f.id).collect();
                            available.dedup();
                            return Err(AppError::NoSuchFramework {
                                wanted: id.to_owned(),
                                available,
                            });
                        }
                    }
                }
            },
            None => catalogue
                .frameworks()
                .first()
                .cloned()
                .ok_or_else(|| AppError::UnknownFramework("(none)".to_owned()))?,
        };
        let entries = self.index.list(&Filter::default(), None)?;
        Ok(coverage::coverage(&fw, &entries, self.today))
    }

    /// Returns the competencies a question is about and the stories that best answer it.
    pub fn ask(
        &self,
        question: &str,
        limit: usize,
    ) -> Result<(Vec<ask::Topic>, Vec<ask::Answer>), AppError> {
        let catalogue = self.catalogue()?;
        let topics = ask::topics(&catalogue, question);
        let words: Vec<String> = question
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !ask::terms(w).is_empty())
            .map(str::to_lowercase)
            .collect();
        // The main topic's keywords find stories that say "pushed back" to a question
        // that says "disagreed"; a dozen words keep the query quick on a large vault.
        let mut topic_words: Vec<String> = Vec::new();
        if let Some(c) = topics.first().and_then(|t| catalogue.competency(&t.id)) {
            for k in &c.keywords {
                for w in k.split_whitespace().map(str::to_lowercase) {
                    if !topic_words.contains(&w) && topic_words.len() < 12 {
                        topic_words.push(w);
                    }
                }
            }
        }
        const POOL: usize = 200;
        let mut candidates: Vec<ask::Candidate> = Vec::new();
        let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut add = |entry: Entry, q: f64, t: f64, candidates: &mut Vec<ask::Candidate>| match at
            .get(entry.id.as_str())
        {
            Some(&i) => {
                let c: &mut ask::Candidate = &mut candidates[i];
                c.question_score = c.question_score.max(q);
                c.topic_score = c.topic_score.max(t);
            }
            None => {
                at.insert(entry.id.to_string(), candidates.len());
                candidates.push(ask::Candidate {
                    entry,
                    question_score: q,
                    topic_score: t,
                });
            }
        };
        for (e, score) in self.index.search_any(&words, &Filter::default(), POOL)? {
            add(e, score, 0.0, &mut candidates);
        }
        for (e, score) in self
            .index
            .search_any(&topic_words, &Filter::default(), POOL)?
        {
            add(e, 0.0, score, &mut candidates);
        }
        for t in &topics {
            let f = Filter {
                competencies: vec![t.id.clone()],
                ..Filter::default()
            };
            for e in self.index.list(&f, Some(POOL))? {
                add(e, 0.0, 0.0, &mut candidates);
            }
        }
        let answers = ask::rank(question, &topics, candidates, self.today, limit);
        Ok((topics, answers))
    }

    /// Returns the commit ids earlier harvests took (the index is brought up to date
    /// first, so drafts edited or deleted by hand count as they are now).
    pub fn harvested_commits(&mut self) -> Result<std::collections::HashSet<String>, AppError> {
        self.sync()?;
        Ok(self.index.label_values("commit")?)
    }

    /// Writes harvested drafts as entries; commits another process took meanwhile are
    /// skipped.
    pub fn write_drafts(
        &mut self,
        drafts: Vec<harvest::Draft>,
    ) -> Result<Written<Vec<Entry>>, AppError> {
        let _lock = self.vault.lock()?;
        let known = self.index.label_values("commit")?;
        let entries = drafts
            .into_iter()
            .filter(|d| !d.commits.iter().any(|c| known.contains(c)))
            .map(|d| d.entry)
            .collect();
        self.write_entries(entries, &|_| None)
    }

    /// Writes imported entries, skipping those whose import key the vault has already;
    /// the index is brought up to date first.
    pub fn import(&mut self, imported: Vec<Imported>) -> Result<ImportSummary, AppError> {
        self.sync()?;
        let _lock = self.vault.lock()?;
        let catalogue = self.catalogue()?;
        let mut known = self.index.label_values(IMPORT_KEY)?;
        let mut present = 0;
        let mut fresh = Vec::new();
        for item in imported {
            if let Some(serde_json::Value::String(k)) = item.entry.extra.get(IMPORT_KEY)
                && !known.insert(k.clone())
            {
                present += 1;
                continue;
            }
            fresh.push(item.entry);
        }
        let name_of = |id: &str| catalogue.competency(id).map(|c| c.name.clone());
        let written = self.write_entries(fresh, &name_of)?;
        Ok(ImportSummary {
            added: written.value,
            present,
            stale_index: written.stale_index,
        })
    }

    /// Writes new entries made by brag, each under a fresh id (dated today when they
    /// have no date), and indexes them in one transaction. The vault lock must be held.
    fn write_entries(
        &mut self,
        entries: Vec<Entry>,
        name_of: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Written<Vec<Entry>>, AppError> {
        let mut written = Vec::with_capacity(entries.len());
        let mut changes = Vec::with_capacity(entries.len());
        for mut entry in entries {
            if entry.date.is_none() {
                entry.date = Some(self.today);
            }
            let base = id_base(&entry, self.today);
            let entry = self.write_new(&base, |id| {
                entry.id = id.clone();
                entry.path = id.relative_path();
                Ok((file::render_named(&entry, name_of), entry.clone()))
            })?;
            // A file that cannot be stamped is left for the next sync to read.
            if let Ok(stamp) = self.vault.stamp(&entry.path) {
                changes.push(Change::Entry {
                    path: entry.path.clone(),
                    stamp,
                    entry: Box::new(entry.clone()),
                });
            }
            written.push(entry);
        }
        let stale = self.index.apply(&changes).err().map(AppError::from);
        Ok(Written::new(written, stale))
    }

    /// Writes a new entry from the full text of a file, as typed in an editor; the text is
    /// kept byte for byte.
    ///
    /// Text with neither a title nor any Situation, Task, Action, Result or text to take
    /// one from is refused ([`AppError::NothingToSave`]): a line typed under Competencies
    /// of an empty template is not yet an entry.
    pub fn create_from_text(&mut self, text: &str) -> Result<Written<Entry>, AppError> {
        let parsed = file::parse(text, None).map_err(|e| bad_entry("(new entry)", e))?;
        let mut entry = parsed.entry;
        if entry.title.trim().is_empty() {
            return Err(AppError::NothingToSave);
        }
        if entry.date.is_none() {
            entry.date = Some(self.today);
        }
        let _lock = self.vault.lock()?;
        let base = id_base(&entry, self.today);
        let entry = self.write_new(&base, |id| {
            let mut e = file::parse(text, Some(id))
                .map_err(|e| bad_entry(&id.relative_path(), e))?
                .entry;
            if e.date.is_none() {
                e.date = entry.date;
            }
            Ok((text.to_owned(), e))
        })?;
        let stale = self.index_one(&entry.path, &entry).err();
        Ok(Written::new(entry, stale))
    }

    /// Tries `base`, `base-2`, `base-3`, ... until a file can be created; the vault lock
    /// must be held. `render` gives the file text and the entry for an id. The caller
    /// indexes what was written.
    fn write_new(
        &self,
        base: &str,
        mut render: impl FnMut(&EntryId) -> Result<(String, Entry), AppError>,
    ) -> Result<Entry, AppError> {
        let mut n = 1;
        loop {
            let id = if n == 1 {
                EntryId(base.to_owned())
            } else {
                EntryId(format!("{base}-{n}"))
            };
            n += 1;
            let rel = id.relative_path();
            if self.vault.exists(&rel) {
                continue;
            }
            let (text, entry) = render(&id)?;
            match self.vault.create(&rel, &text) {
                Ok(()) => return Ok(entry),
                // Someone outside brag's lock took the name between the check and the write.
                Err(VaultError::Exists { .. }) => continue,
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Replaces the text of an existing entry's file, after checking that it reads.
    ///
    /// Returns `None` when the text is the same as the file's: nothing is written.
    ///
    /// With `expected`, the file must still hold that text: an edit made elsewhere while
    /// this one was open is not overwritten ([`AppError::Changed`]).
    pub fn replace_text(
        &mut self,
        id: &EntryId,
        text: &str,
        expected: Option<&str>,
    ) -> Result<Written<Option<Entry>>, AppError> {
        let rel = self.path_of(id)?;
        let mut entry = file::parse(text, Some(id))
            .map_err(|e| bad_entry(&rel, e))?
            .entry;
        entry.path.clone_from(&rel);
        let _lock = self.vault.lock()?;
        let current = self.vault.read(&rel)?;
        if current == text {
            return Ok(Written::new(None, None));
        }
        if expected.is_some_and(|x| x != current) {
            return Err(AppError::Changed(rel));
        }
        self.vault.replace(&rel, text)?;
        let stale = self.index_one(&rel, &entry).err();
        Ok(Written::new(Some(entry), stale))
    }

    /// Writes changed fields of an existing entry, keeping the rest of its file as it is.
    pub fn update(&mut self, entry: &Entry) -> Result<Written<Option<Entry>>, AppError> {
        let rel = self.path_of(&entry.id)?;
        let _lock = self.vault.lock()?;
        let original = self.vault.read(&rel)?;
        let text = file::update(&original, entry).map_err(|e| bad_entry(&rel, e))?;
        if text == original {
            return Ok(Written::new(None, None));
        }
        self.vault.replace(&rel, &text)?;
        let stale = self.index_one(&rel, entry).err();
        Ok(Written::new(Some(entry.clone()), stale))
    }

    /// Moves an entry's file to `.brag/trash/`; returns where it went.
    pub fn remove(&mut self, id: &EntryId) -> Result<Written<PathBuf>, AppError> {
        let rel = self.path_of(id)?;
        let _lock = self.vault.lock()?;
        let to = self.vault.trash(&rel)?;
        let stale = self
            .index
            .apply(&[Change::Removed { path: rel }])
            .err()
            .map(AppError::from);
        Ok(Written::new(PathBuf::from(to), stale))
    }

    fn index_one(&mut self, rel: &str, entry: &Entry) -> Result<(), AppError> {
        let stamp = self.vault.stamp(rel)?;
        self.index.apply(&[Change::Entry {
            path: rel.to_owned(),
            stamp,
            entry: Box::new(entry.clone()),
        }])?;
        Ok(())
    }
}

/// Returns true when `part` occurs in `id` where a word of it starts: at the beginning or
/// after a character that is not a letter or digit.
fn starts_a_word(id: &str, part: &str) -> bool {
    id.match_indices(part).any(|(i, _)| {
        id[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Returns the part of an id after its `YYYY-MM-DD-` date.
fn slug_of(id: &str) -> &str {
    let b = id.as_bytes();
    let dated = b.len() > 11
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && b[10] == b'-';
    if dated { &id[11..] } else { id }
}

/// Returns `YYYY-MM-DD-slug` for a new entry.
fn id_base(entry: &Entry, today: Date) -> String {
    let date = entry.date.unwrap_or(today);
    format!("{date}-{}", slugify(&entry.title))
}

fn bad_entry(path: &str, e: file::FileError) -> AppError {
    AppError::BadEntry {
        path: path.to_owned(),
        line: e.line,
        message: e.message,
    }
}

/// Reads and parses files and hands the results to `sink`; with many files, other threads
/// parse while `sink` writes what is ready.
fn read_files<E>(
    vault: &Vault,
    files: &[(String, Stamp)],
    sink: impl FnOnce(&mut dyn Iterator<Item = Change>) -> Result<(), E>,
) -> Result<(), E> {
    let threads = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if files.len() < 256 || threads < 2 {
        return sink(&mut files.iter().map(|f| read_one(vault, f)));
    }
    // Batches of 256 files: small enough to keep the writer busy from the start, large
    // enough that threads rarely wait on each other (64 cost 15 % more on 10,000 files).
    const BATCH: usize = 256;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Change>>(threads * 4);
    let next = std::sync::atomic::AtomicUsize::new(0);
    thread::scope(|s| {
        for _ in 0..threads {
            let tx = tx.clone();
            let next = &next;
            s.spawn(move || {
                loop {
                    let start = next.fetch_add(BATCH, std::sync::atomic::Ordering::Relaxed);
                    if start >= files.len() {
                        break;
                    }
                    let end = (start + BATCH).min(files.len());
                    let batch = files[start..end]
                        .iter()
                        .map(|f| read_one(vault, f))
                        .collect();
                    if tx.send(batch).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let result = sink(&mut rx.iter().flatten());
        // If the sink stopped early, parsers blocked on a full channel must see it closed
        // before the scope waits for them.
        drop(rx);
        result
    })
}

fn read_one(vault: &Vault, (path, stamp): &(String, Stamp)) -> Change {
    let id = EntryId(
        Path::new(path)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned(),
    );
    let broken = |line: usize, message: String| Change::Broken {
        path: path.clone(),
        stamp: *stamp,
        line,
        message,
    };
    let text = match vault.read(path) {
        Ok(t) => t,
        Err(VaultError::NotUtf8 { .. }) => return broken(1, "not valid UTF-8 text".to_owned()),
        Err(e) => return broken(1, e.to_string()),
    };
    match file::parse(&text, Some(&id)) {
        Ok(p) => {
            let mut entry = p.entry;
            entry.path.clone_from(path);
            Change::Entry {
                path: path.clone(),
                stamp: *stamp,
                entry: Box::new(entry),
            }
        }
        Err(e) => broken(e.line, e.message),
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // Tests make files by hand, as a user would.
mod tests;
