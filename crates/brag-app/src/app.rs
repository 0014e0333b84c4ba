//! The open vault: its index kept fresh, ids resolved, entries read, written and removed.
//!
//! Every read brings the index up to date first, so no caller can forget; writes take the
//! vault lock, write atomically through `brag-vault` and keep the index in step. An
//! [`App`] serves many requests at once: its methods take `&self`, each takes an index
//! connection from a small pool ([`crate::pool`]), and syncs run one at a time.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use brag_core::entry::{Entry, EntryId};
use brag_core::file;
use brag_core::filter::Filter;
use brag_core::framework::{self, Catalogue, Framework};
use brag_core::slug::slugify;
use brag_index::{Change, Index, Problem};
use brag_vault::{Config, Stamp, Vault, VaultError};
use jiff::civil::Date;
use serde::Serialize;

use crate::meaning;
use crate::pool::{Conn, Pool};
use crate::{AppError, Clock};

/// Returns an open vault with its index.
pub struct App {
    vault: Vault,
    clock: Clock,
    pool: Pool,
    /// One sync at a time: two requests arriving together need not both read the files.
    syncing: Mutex<()>,
    /// What a watcher of the vault has reported, when one does (`brag serve`).
    watch: Watch,
}

/// The changes a watcher of the vault reported since the last read (see
/// [`App::watched`]).
#[derive(Default)]
struct Watch {
    /// True while a watcher reports the vault's changes: reads need not walk it.
    on: AtomicBool,
    /// True when the next read must walk the vault: at start, and after a change the
    /// watcher could not name (a directory moved, its queue overflowed).
    walk: AtomicBool,
    /// Vault-relative entry files that changed.
    paths: Mutex<BTreeSet<String>>,
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
    pub(crate) fn new(value: T, stale_index: Option<AppError>) -> Written<T> {
        Written { value, stale_index }
    }
}

/// Returns the entry a full or partial id names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The entry's whole id.
    pub id: EntryId,
    /// True when the id was given in full.
    pub exact: bool,
}

/// Returns one entry as `brag show` and an entry page show it.
#[derive(Clone, Debug)]
pub struct Shown {
    /// The entry.
    pub entry: Entry,
    /// The text of its file, byte for byte.
    pub raw: String,
    /// True when the id was given in full.
    pub exact: bool,
}

/// Returns what a sync did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
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

/// A file that could not be read as an entry at the last sync (`path:line: message`).
pub type FileProblem = Problem;

impl App {
    /// Returns the vault at `root` opened, or an error when there is none.
    pub fn open(root: &Path, clock: Clock) -> Result<App, AppError> {
        let vault = Vault::open(root)?;
        Self::with_vault(vault, clock)
    }

    /// Returns the vault at `root`, made first where missing (idempotent).
    pub fn init(root: &Path, clock: Clock) -> Result<App, AppError> {
        let vault = Vault::init(root)?;
        Self::with_vault(vault, clock)
    }

    /// Returns the vault at `root`, made first when the directory is missing or empty
    /// (for writers: `brag add` in a fresh setup needs no `brag init`), and whether it was
    /// made now.
    ///
    /// A directory that holds something else is not made a vault: that takes
    /// `brag init`, which is asked for on purpose.
    pub fn open_or_init(root: &Path, clock: Clock) -> Result<(App, bool), AppError> {
        if root.is_file() {
            return Err(VaultError::NotADirectory {
                path: root.to_owned(),
            }
            .into());
        }
        if Vault::open(root).is_ok() {
            return Ok((Self::open(root, clock)?, false));
        }
        let empty = std::fs::read_dir(root).map_or(true, |mut d| d.next().is_none());
        // Another brag may be making this vault right now: its `.brag/` comes first.
        if !empty && Vault::open(root).is_err() {
            return Err(VaultError::NotAVault {
                path: root.to_owned(),
            }
            .into());
        }
        Ok((Self::init(root, clock)?, true))
    }

    fn with_vault(vault: Vault, clock: Clock) -> Result<App, AppError> {
        let pool = Pool::open(vault.state_dir()?.join("index.db"))?;
        Ok(App {
            vault,
            clock,
            pool,
            syncing: Mutex::new(()),
            watch: Watch::default(),
        })
    }

    /// Returns the vault's top directory.
    pub fn root(&self) -> &Path {
        self.vault.root()
    }

    /// Returns the absolute path of a vault-relative path.
    pub fn abs(&self, rel: &str) -> PathBuf {
        self.vault.abs(rel)
    }

    /// Returns the vault (for this crate's use cases).
    pub(crate) fn vault(&self) -> &Vault {
        &self.vault
    }

    /// Returns an index connection (for this crate's use cases).
    pub(crate) fn conn(&self) -> Result<Conn<'_>, AppError> {
        self.pool.get()
    }

    /// Returns the day the app takes as today, read from its clock now.
    pub fn today(&self) -> Date {
        self.clock.today()
    }

    /// Returns the vault's settings.
    pub fn config(&self) -> Result<Config, AppError> {
        Ok(self.vault.config()?)
    }

    /// Returns the vault's directory for drafts kept while the user edits
    /// (`.brag/drafts/`), made when missing.
    pub fn drafts_dir(&self) -> Result<PathBuf, AppError> {
        let dir = self.vault.state_dir()?.join("drafts");
        std::fs::create_dir_all(&dir).map_err(|source| VaultError::Io {
            path: dir.clone(),
            source,
        })?;
        Ok(dir)
    }

    /// Brings the index up to date with the files: every file whose (path, size, mtime)
    /// differs from what the index holds is read again, and vanished files are dropped.
    /// Temporary files left by a killed writer are removed when no writer holds the lock.
    pub fn sync(&self) -> Result<SyncReport, AppError> {
        let _one_at_a_time = self.syncing.lock().ok();
        let scan = self.vault.scan()?;
        let on_disk = scan.entries;
        let mut index = self.conn()?;
        let mut report = SyncReport {
            rebuilt: self.pool.take_rebuilt(),
            removed_temps: self.vault.remove_stale_temps(&scan.temps)?,
            ..SyncReport::default()
        };
        // Both lists are sorted by path: one merge finds what was added, changed, removed.
        let mut to_read: Vec<(String, Stamp)> = Vec::new();
        let mut removed = Vec::new();
        let mut disk = on_disk.iter().peekable();
        index.each_stamp(|path, stamp| {
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
        index.apply(&removed)?;
        let index: &mut Index = &mut index;
        read_files(&self.vault, &to_read, |changes| index.apply_iter(changes))?;
        Ok(report)
    }

    /// Tells the app that a watcher now reports every change to the vault's files through
    /// [`App::changed`] and [`App::changed_all`]: reads then read only the files named,
    /// instead of walking the vault each time. The first read still walks it once.
    pub fn watched(&self) {
        self.watch.walk.store(true, Ordering::SeqCst);
        self.watch.on.store(true, Ordering::SeqCst);
    }

    /// Tells the app that the watcher stopped: reads walk the vault again.
    pub fn unwatched(&self) {
        self.watch.on.store(false, Ordering::SeqCst);
    }

    /// Returns true when a watcher reports the vault's changes.
    pub fn is_watched(&self) -> bool {
        self.watch.on.load(Ordering::SeqCst)
    }

    /// Reports files that changed (absolute paths, as a watcher names them). Entry files
    /// are read again at the next read; the index's own files and writers' temporary
    /// files are passed over; anything else (a directory, a year moved) makes the next
    /// read walk the vault.
    pub fn changed<'a>(&self, paths: impl IntoIterator<Item = &'a Path>) {
        let mut walk = false;
        let mut named = Vec::new();
        for path in paths {
            match self.watched_path(path) {
                Watched::Entry(rel) => named.push(rel),
                Watched::Ignored => {}
                Watched::Unknown => walk = true,
            }
        }
        if walk {
            self.changed_all();
        }
        if !named.is_empty() {
            if let Ok(mut paths) = self.watch.paths.lock() {
                paths.extend(named);
            } else {
                self.changed_all();
            }
        }
    }

    /// Reports that the vault changed in ways the watcher could not name: the next read
    /// walks it.
    pub fn changed_all(&self) {
        self.watch.walk.store(true, Ordering::SeqCst);
    }

    /// Returns what a path a watcher named is to the index.
    fn watched_path(&self, path: &Path) -> Watched {
        let Ok(rel) = path.strip_prefix(self.vault.root()) else {
            return Watched::Unknown;
        };
        let parts: Vec<&str> = match rel.iter().map(|p| p.to_str()).collect::<Option<_>>() {
            Some(parts) => parts,
            // Not UTF-8: the walk passes it over.
            None => return Watched::Ignored,
        };
        match parts.as_slice() {
            [] => Watched::Unknown,
            // The index, the lock, drafts; `brag.toml` is read per call.
            [first, ..] if first.starts_with('.') => Watched::Ignored,
            [year] if is_year(year) => Watched::Unknown,
            [_] => Watched::Ignored,
            [year, .., name] if is_year(year) => {
                if name.starts_with('.') {
                    Watched::Ignored
                } else if name.ends_with(".md") {
                    Watched::Entry(parts.join("/"))
                } else if name.contains('.') {
                    Watched::Ignored
                } else {
                    // A directory, perhaps: what it holds is for the walk to find.
                    Watched::Unknown
                }
            }
            _ => Watched::Ignored,
        }
    }

    /// Brings the index up to date before a read: a walk of the vault, or, while a
    /// watcher reports its changes, a read of the files it named.
    pub(crate) fn refresh(&self) -> Result<(), AppError> {
        if !self.watch.on.load(Ordering::SeqCst) || self.watch.walk.swap(false, Ordering::SeqCst) {
            return match self.sync() {
                Ok(_) => Ok(()),
                Err(e) => {
                    // Walk again next time: the files may be readable then.
                    self.changed_all();
                    Err(e)
                }
            };
        }
        let named: Vec<String> = match self.watch.paths.lock() {
            Ok(paths) if paths.is_empty() => return Ok(()),
            Ok(mut paths) => std::mem::take(&mut *paths).into_iter().collect(),
            Err(_) => return self.sync().map(|_| ()),
        };
        let _one_at_a_time = self.syncing.lock().ok();
        let mut to_read = Vec::new();
        let mut removed = Vec::new();
        for rel in named {
            match self.vault.is_entry_file(&rel) {
                Ok(true) => match self.vault.stamp(&rel) {
                    Ok(stamp) => to_read.push((rel, stamp)),
                    Err(_) => removed.push(Change::Removed { path: rel }),
                },
                // Gone, or a link: the walk would not list it either.
                _ => removed.push(Change::Removed { path: rel }),
            }
        }
        let mut index = self.conn()?;
        index.apply(&removed)?;
        let index: &mut Index = &mut index;
        read_files(&self.vault, &to_read, |changes| index.apply_iter(changes))?;
        Ok(())
    }

    /// Gives every indexed entry that has no vector yet (written by a small write, which
    /// does not load the model) its vector; for readers that compare meanings, which have
    /// the model loaded.
    pub(crate) fn fill_vectors(&self, index: &mut Index) -> Result<(), AppError> {
        let missing = index.without_vectors()?;
        if missing.is_empty() {
            return Ok(());
        }
        let vectors: Vec<(i64, Vec<u8>)> = missing
            .iter()
            .filter_map(|(rowid, e)| meaning::vector(e, true).map(|v| (*rowid, v)))
            .collect();
        Ok(index.put_vectors(&vectors)?)
    }

    /// Empties the index and reads every file again.
    pub fn reindex(&self) -> Result<SyncReport, AppError> {
        let mut index = self.conn()?;
        self.pool.reset(&mut index)?;
        drop(index);
        self.sync()
    }

    /// Returns the files that could not be read at the last sync.
    pub fn problems(&self) -> Result<Vec<FileProblem>, AppError> {
        Ok(self.conn()?.problems()?)
    }

    /// Returns the number of entries indexed (as of the last sync).
    pub fn count(&self) -> Result<usize, AppError> {
        Ok(self.conn()?.count()?)
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
        let user = self.user_frameworks()?;
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

    /// Returns the user's frameworks in `frameworks/`; a file that is not a framework is
    /// an error that names it.
    pub(crate) fn user_frameworks(&self) -> Result<Vec<Framework>, AppError> {
        let mut user = Vec::new();
        for (path, text) in self.vault.read_frameworks()? {
            let fw = Framework::parse(&text).map_err(|e| AppError::BadEntry {
                path: path.display().to_string(),
                line: e.line,
                message: e.message,
            })?;
            user.push(fw);
        }
        Ok(user)
    }

    /// Returns the entries a filter selects, newest first.
    pub fn list(&self, filter: &Filter, limit: Option<usize>) -> Result<Vec<Entry>, AppError> {
        self.refresh()?;
        let filter = self.resolved(filter)?;
        Ok(self.conn()?.list(&filter, limit)?)
    }

    /// Returns the entries a filter selects, newest first, with only the fields a
    /// one-line listing shows (id, path, kind, date, undated, title, project, tags).
    pub fn list_brief(
        &self,
        filter: &Filter,
        limit: Option<usize>,
    ) -> Result<Vec<Entry>, AppError> {
        self.refresh()?;
        let filter = self.resolved(filter)?;
        Ok(self.conn()?.list_brief(&filter, limit)?)
    }

    /// Returns the filter with its competency names turned into ids (`-c "dive deep"`
    /// means `dive-deep`); a name that matches nothing is left as written.
    pub(crate) fn resolved(&self, filter: &Filter) -> Result<Filter, AppError> {
        let mut filter = filter.clone();
        if filter.competencies.is_empty() {
            return Ok(filter);
        }
        let catalogue = self.catalogue()?;
        for c in &mut filter.competencies {
            if let Some(id) = crate::add::resolve_competency(&catalogue, c) {
                *c = id;
            }
        }
        Ok(filter)
    }

    /// Returns the entry a full or partial id names, with the text of its file.
    pub fn show(&self, wanted: &str) -> Result<Shown, AppError> {
        let found = self.resolve_id(wanted)?;
        let (entry, raw) = self.load_synced(&found.id)?;
        Ok(Shown {
            entry,
            raw,
            exact: found.exact,
        })
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
        self.refresh()?;
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
            .conn()?
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
    pub(crate) fn path_of(&self, id: &EntryId) -> Result<String, AppError> {
        let rel = id.relative_path();
        if self.vault.is_entry_file(&rel)? {
            return Ok(rel);
        }
        for path in self.conn()?.paths_of_id(id.as_str())? {
            if self.vault.is_entry_file(&path)? {
                return Ok(path);
            }
        }
        Err(AppError::NotFound(id.to_string()))
    }

    /// Returns an entry and the text of its file (the index brought up to date first).
    pub fn load(&self, id: &EntryId) -> Result<(Entry, String), AppError> {
        self.refresh()?;
        self.load_synced(id)
    }

    /// Returns an entry and the text of its file, as the index stands.
    pub(crate) fn load_synced(&self, id: &EntryId) -> Result<(Entry, String), AppError> {
        let rel = self.path_of(id)?;
        let text = self.vault.read(&rel)?;
        let mut entry = file::parse(&text, Some(id))
            .map_err(|e| bad_entry(&rel, e))?
            .entry;
        entry.path = rel;
        Ok((entry, text))
    }

    /// Writes a new file at a vault-relative path, as it is (the demo's sample entries);
    /// a taken name is an error. Only `YYYY/NAME.md` paths are taken: nothing outside the
    /// year directories, no `..`.
    pub fn create_file(&self, rel: &str, text: &str) -> Result<(), AppError> {
        let parts: Vec<&str> = rel.split('/').collect();
        let ok = matches!(parts.as_slice(), [year, name]
            if year.len() == 4
                && year.bytes().all(|b| b.is_ascii_digit())
                && name.ends_with(".md")
                && !name.starts_with('.'));
        if !ok {
            return Err(AppError::BadId {
                wanted: rel.to_owned(),
                why: "is not a YYYY/NAME.md path in the vault",
            });
        }
        let _lock = self.vault.lock()?;
        Ok(self.vault.create(rel, text)?)
    }

    /// Writes a new entry made by brag (from `brag add`, an importer, ...).
    ///
    /// The entry gets its id and path here: its date (today when it has none) and a slug of
    /// its title, with `-2`, `-3`, ... when the name is taken.
    pub fn add(&self, entry: Entry) -> Result<Written<Entry>, AppError> {
        self.add_named(entry, &|_| None)
    }

    /// [`App::add`], writing the Competencies section with the names `name_of` gives.
    pub(crate) fn add_named(
        &self,
        entry: Entry,
        name_of: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Written<Entry>, AppError> {
        let _lock = self.vault.lock()?;
        let (entry, change) = self.write_one(entry, name_of, self.today())?;
        Ok(Written::new(
            entry,
            self.index_changes(change.as_slice()).err(),
        ))
    }

    /// Writes new entries made by brag, each under a fresh id (dated today when they
    /// have no date), and indexes them in one transaction. The vault lock must be held.
    pub(crate) fn write_entries(
        &self,
        entries: Vec<Entry>,
        name_of: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Written<Vec<Entry>>, AppError> {
        let today = self.today();
        let mut written = Vec::with_capacity(entries.len());
        let mut changes = Vec::with_capacity(entries.len());
        for entry in entries {
            let (entry, change) = self.write_one(entry, name_of, today)?;
            changes.extend(change);
            written.push(entry);
        }
        Ok(Written::new(written, self.index_changes(&changes).err()))
    }

    /// Writes one new entry under a fresh id (dated `today` when it has no date); returns
    /// it and the index change for it (none when the file cannot be stamped: the next
    /// sync reads it). The vault lock must be held.
    fn write_one(
        &self,
        mut entry: Entry,
        name_of: &dyn Fn(&str) -> Option<String>,
        today: Date,
    ) -> Result<(Entry, Option<Change>), AppError> {
        if entry.date.is_none() {
            entry.date = Some(today);
        }
        let base = id_base(&entry, today);
        let entry = self.write_new(&base, |id| {
            entry.id = id.clone();
            entry.path = id.relative_path();
            Ok((file::render_named(&entry, name_of), entry.clone()))
        })?;
        let change =
            self.vault.stamp(&entry.path).ok().map(|stamp| {
                meaning::entry_change(entry.path.clone(), stamp, entry.clone(), false)
            });
        Ok((entry, change))
    }

    /// Records changes in the index, in one transaction.
    fn index_changes(&self, changes: &[Change]) -> Result<(), AppError> {
        Ok(self.conn()?.apply(changes)?)
    }

    /// Writes a new entry from the full text of a file, as typed in an editor; the text is
    /// kept byte for byte.
    ///
    /// Text with neither a title nor any Situation, Task, Action, Result or text to take
    /// one from is refused ([`AppError::NothingToSave`]): a line typed under Competencies
    /// of an empty template is not yet an entry.
    pub fn create_from_text(&self, text: &str) -> Result<Written<Entry>, AppError> {
        let parsed = file::parse(text, None).map_err(|e| bad_entry("(new entry)", e))?;
        let mut entry = parsed.entry;
        if entry.title.trim().is_empty() {
            return Err(AppError::NothingToSave);
        }
        let today = self.today();
        if entry.date.is_none() {
            entry.date = Some(today);
        }
        let _lock = self.vault.lock()?;
        let base = id_base(&entry, today);
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
        &self,
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
    pub fn update(&self, entry: &Entry) -> Result<Written<Option<Entry>>, AppError> {
        self.update_checked(entry, None)
    }

    /// [`App::update`], for a form opened on the file's text whose [`text_stamp`] is
    /// `expected`: when the file changed since, nothing is written and the answer is
    /// [`AppError::Changed`], so an edit made elsewhere is never overwritten.
    pub fn update_if(
        &self,
        entry: &Entry,
        expected: &str,
    ) -> Result<Written<Option<Entry>>, AppError> {
        self.update_checked(entry, Some(expected))
    }

    /// Writes changed fields of an entry under the lock, when the file's [`text_stamp`]
    /// is still `expected` (if given).
    fn update_checked(
        &self,
        entry: &Entry,
        expected: Option<&str>,
    ) -> Result<Written<Option<Entry>>, AppError> {
        let rel = self.path_of(&entry.id)?;
        let _lock = self.vault.lock()?;
        let original = self.vault.read(&rel)?;
        if expected.is_some_and(|x| text_stamp(&original) != x) {
            return Err(AppError::Changed(rel));
        }
        // A rewritten Competencies section names each competency as its framework does;
        // a broken framework file costs the names, not the save.
        let catalogue = if entry.competency_notes.is_empty() {
            None
        } else {
            self.catalogue().ok()
        };
        let name_of = |id: &str| catalogue.as_ref().and_then(|c| c.display_name(id));
        let text =
            file::update_named(&original, entry, &name_of).map_err(|e| bad_entry(&rel, e))?;
        if text == original {
            return Ok(Written::new(None, None));
        }
        self.vault.replace(&rel, &text)?;
        let stale = self.index_one(&rel, entry).err();
        Ok(Written::new(Some(entry.clone()), stale))
    }

    /// Moves an entry's file to `.brag/trash/`; returns where it went.
    pub fn remove(&self, id: &EntryId) -> Result<Written<PathBuf>, AppError> {
        let rel = self.path_of(id)?;
        let _lock = self.vault.lock()?;
        let to = self.vault.trash(&rel)?;
        let stale = self.index_changes(&[Change::Removed { path: rel }]).err();
        Ok(Written::new(PathBuf::from(to), stale))
    }

    fn index_one(&self, rel: &str, entry: &Entry) -> Result<(), AppError> {
        let stamp = self.vault.stamp(rel)?;
        self.index_changes(&[meaning::entry_change(
            rel.to_owned(),
            stamp,
            entry.clone(),
            false,
        )])
    }
}

/// Returns true when `part` occurs in `id` where a word of it starts: at the beginning or
/// after a character that is not a letter or digit.
pub(crate) fn starts_a_word(id: &str, part: &str) -> bool {
    id.match_indices(part).any(|(i, _)| {
        id[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Returns the part of an id after its `YYYY-MM-DD-` date.
pub(crate) fn slug_of(id: &str) -> &str {
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

pub(crate) fn bad_entry(path: &str, e: file::FileError) -> AppError {
    AppError::BadEntry {
        path: path.to_owned(),
        line: e.line,
        message: e.message,
    }
}

/// Returns true for the name of a year directory, where entry files live.
fn is_year(name: &str) -> bool {
    name.len() == 4 && name.bytes().all(|b| b.is_ascii_digit())
}

/// Returns a short stamp of a file's text (FNV-1a, 64 bits, in hex) that a form carries
/// to tell, when it is saved, whether the file changed since it was opened.
pub fn text_stamp(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// What a path a watcher names is to the index.
enum Watched {
    /// An entry file, by vault-relative path.
    Entry(String),
    /// Nothing the index holds.
    Ignored,
    /// Something only a walk can tell.
    Unknown,
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
        return sink(&mut files.iter().map(|f| read_one(vault, f, false)));
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
                        .map(|f| read_one(vault, f, true))
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

/// Reads one file as an index change; `eager` embeds it even when the model is not loaded
/// yet (see [`meaning::entry_change`]).
fn read_one(vault: &Vault, (path, stamp): &(String, Stamp), eager: bool) -> Change {
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
            meaning::entry_change(path.clone(), *stamp, entry, eager)
        }
        Err(e) => broken(e.line, e.message),
    }
}
