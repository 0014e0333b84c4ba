//! brag's SQLite adapter: the index in `.brag/index.db`.
//!
//! The index is a cache of the entry files, never the record itself: its schema version
//! lives in `PRAGMA user_version`, and a different version, a missing file or a corrupt one
//! is answered by rebuilding it from the files. Callers keep it fresh by comparing each
//! file's (path, size, mtime) with [`Index::each_stamp`] and handing the differences to
//! [`Index::apply`].

mod fts;

use std::path::{Path, PathBuf};
use std::time::Duration;

use brag_core::Entry;
pub use brag_core::Stamp;
use brag_core::filter::Filter;
use brag_core::harvest::COMMITS_KEY;
use brag_core::import::IMPORT_KEY;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

pub use fts::{FtsQuery, MAX_TERM_BYTES, MAX_TERMS, fts_any, fts_query};

/// The kind of label that holds each id of a harvested entry's commits (the ids under
/// [`COMMITS_KEY`] in its front matter), one label per commit. An imported entry's import
/// key is a label of the kind [`IMPORT_KEY`], the name of its front-matter key.
pub const COMMIT_LABEL: &str = "commit";

/// Writes of at least this many files end with a checkpoint that empties the WAL.
const BIG_BATCH: usize = 256;

/// Bump whenever the schema or what goes into it changes: older indexes are rebuilt.
const SCHEMA_VERSION: i64 = 9;

const SCHEMA: &str = "
CREATE TABLE files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    error_line INTEGER,
    error TEXT
) WITHOUT ROWID;
CREATE TABLE entries (
    rowid INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    id TEXT NOT NULL,
    date TEXT,
    kind TEXT NOT NULL,
    project TEXT COLLATE NOCASE,
    -- What a one-line listing needs, so it need not parse whole documents.
    title TEXT NOT NULL,
    undated INTEGER NOT NULL,
    tags TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX entries_date ON entries(date);
-- The order of listings, newest first: a query with a LIMIT (search by exclusions alone)
-- walks it and stops, instead of sorting every entry.
CREATE INDEX entries_order ON entries(date IS NULL, date DESC, id DESC);
CREATE INDEX entries_id ON entries(id);
-- One kind's entries (the goals a week report lists as next) without reading every row's
-- document to test its kind.
CREATE INDEX entries_kind ON entries(kind, date);
CREATE TABLE labels (
    entry INTEGER NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL COLLATE NOCASE
);
CREATE INDEX labels_value ON labels(kind, value);
CREATE INDEX labels_entry ON labels(entry);
-- The body in three parts (Entry::search_sections): what was done and came of it, its
-- setting, the notes; a word counts for less the further it stands from the story.
CREATE VIRTUAL TABLE fts USING fts5(
    title, body, context, notes, labels,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Rank by BM25 with the title weighted over the body and labels in between; as the
-- table's own rank, ORDER BY rank takes FTS5's fast path.
INSERT INTO fts(fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 0.6, 0.3, 3.0)');
-- Each entry's meaning as a vector (packed by the embedder that made it), when the index
-- is built with one; meta says which ('model').
CREATE TABLE vectors (
    entry INTEGER PRIMARY KEY,
    v BLOB NOT NULL
);
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
";

/// Returned when the index cannot do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// SQLite failed.
    #[error("index {path}: {source}")]
    Sqlite {
        /// The index file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// A search query has nothing to search for.
    #[error("the search query has no words to look for")]
    EmptyQuery,
}

/// Returns what changed about one file since the index last saw it.
#[derive(Clone, Debug)]
pub enum Change {
    /// The file reads as this entry.
    Entry {
        /// Vault-relative path.
        path: String,
        /// The file's stamp when it was read.
        stamp: Stamp,
        /// The entry (boxed: an entry is large).
        entry: Box<Entry>,
        /// Its meaning as a packed vector, when the index keeps them.
        vector: Option<Vec<u8>>,
    },
    /// The file cannot be read as an entry.
    Broken {
        /// Vault-relative path.
        path: String,
        /// The file's stamp when it was read.
        stamp: Stamp,
        /// The 1-based line at fault.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The file is gone.
    Removed {
        /// Vault-relative path.
        path: String,
    },
}

/// Returns a file the index could not read, as `path:line: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Vault-relative path.
    pub path: String,
    /// The 1-based line at fault.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Returns one search result.
#[derive(Clone, Debug)]
pub struct Hit {
    /// The entry found.
    pub entry: Entry,
    /// Relevance; higher is better.
    pub score: f64,
    /// A short extract with matches between `\u{2}` and `\u{3}`.
    pub snippet: String,
}

/// Returns the entries nearest a query, best first with their scores, and the scores of
/// the entries asked about, by path ([`Index::nearest_and_scores`]).
pub type Nearest = (Vec<(Entry, f64)>, std::collections::HashMap<String, f64>);

/// Returns the index: an open SQLite database.
pub struct Index {
    conn: Connection,
    path: PathBuf,
}

impl Index {
    /// Returns the index at `path`, rebuilding it empty when it is missing, from another
    /// schema version or unreadable. The boolean is true when it was (re)made empty.
    pub fn open(path: &Path) -> Result<(Index, bool), IndexError> {
        match Self::try_open(path) {
            Ok(ok) => Ok(ok),
            Err(_) => {
                // Corrupt or not a database: it is only a cache, so start again.
                remove_db_files(path);
                Self::try_open(path)
            }
        }
    }

    /// Returns an index held in memory, for tests and throwaway use.
    pub fn in_memory() -> Result<Index, IndexError> {
        let conn = Connection::open_in_memory().map_err(|e| sql_err(Path::new(":memory:"), e))?;
        let mut index = Index {
            conn,
            path: PathBuf::from(":memory:"),
        };
        index.make_schema(true)?;
        Ok(index)
    }

    fn try_open(path: &Path) -> Result<(Index, bool), IndexError> {
        let conn = Connection::open(path).map_err(|e| sql_err(path, e))?;
        let mut index = Index {
            conn,
            path: path.to_owned(),
        };
        let c = &index.conn;
        c.busy_timeout(Duration::from_secs(10))
            .map_err(|e| index.err(e))?;
        // A short command should not pay for a checkpoint as it closes: the WAL is
        // checkpointed as it grows (wal_autocheckpoint), by whichever command commits.
        c.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )
        .map_err(|e| index.err(e))?;
        c.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| index.err(e))?;
        c.pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| index.err(e))?;
        // 64 MiB of page cache (taken as pages are touched): a full index of 10,000
        // entries (46 MB) fits, so building it does not spill its own pages to the WAL
        // mid-transaction and read them back.
        c.pragma_update(None, "cache_size", -65536)
            .map_err(|e| index.err(e))?;
        let version: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| index.err(e))?;
        if version == SCHEMA_VERSION {
            // Touch the tables so a damaged file fails here rather than mid-command.
            c.query_row("SELECT 1 FROM files LIMIT 1", [], |_| Ok(()))
                .optional()
                .map_err(|e| index.err(e))?;
            return Ok((index, false));
        }
        let made = index.make_schema(false)?;
        Ok((index, made))
    }

    fn err(&self, e: rusqlite::Error) -> IndexError {
        sql_err(&self.path, e)
    }

    /// Empties the index and makes its tables anew.
    pub fn reset(&mut self) -> Result<(), IndexError> {
        self.make_schema(true).map(|_| ())
    }

    /// Makes the tables anew, unless (without `force`) another process made them since we
    /// looked; returns true when it did.
    fn make_schema(&mut self, force: bool) -> Result<bool, IndexError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| sql_err(&path, e))?;
        let version: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| sql_err(&path, e))?;
        if !force && version == SCHEMA_VERSION {
            return Ok(false);
        }
        let names: Vec<(String, String)> = {
            let mut st = tx
                .prepare("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'fts_%'")
                .map_err(|e| sql_err(&path, e))?;
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(|e| sql_err(&path, e))?
                .collect::<Result<_, _>>()
                .map_err(|e| sql_err(&path, e))?
        };
        for (kind, name) in names {
            let kind = if kind == "view" { "VIEW" } else { "TABLE" };
            tx.execute_batch(&format!(
                "DROP {kind} IF EXISTS \"{}\";",
                name.replace('"', "\"\"")
            ))
            .map_err(|e| sql_err(&path, e))?;
        }
        tx.execute_batch(SCHEMA).map_err(|e| sql_err(&path, e))?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(|e| sql_err(&path, e))?;
        tx.commit().map_err(|e| sql_err(&path, e))?;
        Ok(true)
    }

    /// Calls `f` with the path and stamp of every file the index holds, in byte order of
    /// path, without copying the paths.
    pub fn each_stamp(&self, mut f: impl FnMut(&str, Stamp)) -> Result<(), IndexError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT path, size, mtime FROM files ORDER BY path")
            .map_err(|e| self.err(e))?;
        let mut rows = st.query([]).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let path = r
                .get_ref(0)
                .and_then(|v| v.as_str().map_err(Into::into))
                .map_err(|e| self.err(e))?;
            let stamp = Stamp {
                size: r.get::<_, i64>(1).map_err(|e| self.err(e))? as u64,
                mtime_ns: r.get(2).map_err(|e| self.err(e))?,
            };
            f(path, stamp);
        }
        Ok(())
    }

    /// Records changed files, in one transaction.
    pub fn apply(&mut self, changes: &[Change]) -> Result<(), IndexError> {
        if changes.is_empty() {
            return Ok(());
        }
        self.apply_iter(changes.iter().cloned())
    }

    /// Records changed files as they arrive, in one transaction: parsing on other threads
    /// can overlap the writing here.
    ///
    /// Into an index that holds no file yet (a first index, or one rebuilt), the write is
    /// not synced to disk: with `synchronous=NORMAL` the checkpoint that ends a full build
    /// waits on two fsyncs of the whole index (the WAL, then the database; a third of a
    /// 10,000-entry build on a slow disk). A process that dies still leaves a whole index,
    /// since the writes are the kernel's; only a power cut in the seconds before the kernel
    /// writes them out can damage it, and the index is a cache the files rebuild
    /// (`brag reindex`). Writes into an index that holds something are synced as before.
    pub fn apply_iter(&mut self, changes: impl Iterator<Item = Change>) -> Result<(), IndexError> {
        let fresh: bool = self
            .conn
            .query_row("SELECT NOT EXISTS (SELECT 1 FROM files)", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        if !fresh {
            return self.write_changes(changes);
        }
        self.conn
            .pragma_update(None, "synchronous", "OFF")
            .map_err(|e| self.err(e))?;
        let written = self.write_changes(changes);
        let restored = self
            .conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| self.err(e));
        written.and(restored)
    }

    /// Does what [`Index::apply_iter`] says, in one transaction, with the connection's
    /// synchronous setting as it is.
    fn write_changes(&mut self, changes: impl Iterator<Item = Change>) -> Result<(), IndexError> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        let mut count = 0usize;
        {
            let mut del_entry = tx
                .prepare_cached("DELETE FROM entries WHERE path = ?1 RETURNING rowid")
                .map_err(err)?;
            let mut del_fts = tx
                .prepare_cached("DELETE FROM fts WHERE rowid = ?1")
                .map_err(err)?;
            let mut del_labels = tx
                .prepare_cached("DELETE FROM labels WHERE entry = ?1")
                .map_err(err)?;
            let mut del_file = tx
                .prepare_cached("DELETE FROM files WHERE path = ?1")
                .map_err(err)?;
            let mut put_file = tx
                .prepare_cached("INSERT OR REPLACE INTO files (path, size, mtime, error_line, error) VALUES (?1, ?2, ?3, ?4, ?5)")
                .map_err(err)?;
            let mut put_entry = tx
                .prepare_cached("INSERT INTO entries (path, id, date, kind, project, title, undated, tags, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .map_err(err)?;
            let mut put_fts = tx
                .prepare_cached(
                    "INSERT INTO fts (rowid, title, body, context, notes, labels) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(err)?;
            let mut del_vector = tx
                .prepare_cached("DELETE FROM vectors WHERE entry = ?1")
                .map_err(err)?;
            let mut put_vector = tx
                .prepare_cached("INSERT INTO vectors (entry, v) VALUES (?1, ?2)")
                .map_err(err)?;
            let mut put_label = tx
                .prepare_cached("INSERT INTO labels (entry, kind, value) VALUES (?1, ?2, ?3)")
                .map_err(err)?;
            for change in changes {
                count += 1;
                let change = &change;
                let p = match change {
                    Change::Entry { path, .. }
                    | Change::Broken { path, .. }
                    | Change::Removed { path } => path,
                };
                let old: Option<i64> = del_entry
                    .query_row([p], |r| r.get(0))
                    .optional()
                    .map_err(err)?;
                if let Some(rowid) = old {
                    del_fts.execute([rowid]).map_err(err)?;
                    del_labels.execute([rowid]).map_err(err)?;
                    del_vector.execute([rowid]).map_err(err)?;
                }
                match change {
                    Change::Removed { path } => {
                        del_file.execute([path]).map_err(err)?;
                    }
                    Change::Broken {
                        path,
                        stamp,
                        line,
                        message,
                    } => {
                        put_file
                            .execute(params![
                                path,
                                stamp.size as i64,
                                stamp.mtime_ns,
                                *line as i64,
                                message
                            ])
                            .map_err(err)?;
                    }
                    Change::Entry {
                        path,
                        stamp,
                        entry,
                        vector,
                    } => {
                        put_file
                            .execute(params![
                                path,
                                stamp.size as i64,
                                stamp.mtime_ns,
                                None::<i64>,
                                None::<String>
                            ])
                            .map_err(err)?;
                        let json = serde_json::to_string(entry).unwrap_or_default();
                        put_entry
                            .execute(params![
                                path,
                                entry.id.as_str(),
                                entry.date.map(|d| d.to_string()),
                                entry.kind.as_str(),
                                entry.project,
                                entry.title,
                                entry.undated,
                                serde_json::to_string(&entry.tags).unwrap_or_default(),
                                json
                            ])
                            .map_err(err)?;
                        let rowid = tx.last_insert_rowid();
                        let mut labels = String::new();
                        for (kind, values) in [
                            ("tag", &entry.tags),
                            ("competency", &entry.competencies),
                            ("person", &entry.people),
                        ] {
                            for v in values {
                                put_label.execute(params![rowid, kind, v]).map_err(err)?;
                                labels.push_str(v);
                                labels.push(' ');
                            }
                        }
                        if let Some(p) = &entry.project {
                            labels.push_str(p);
                        }
                        // Keys that make re-importing and re-harvesting add nothing.
                        if let Some(serde_json::Value::String(key)) = entry.extra.get(IMPORT_KEY) {
                            put_label
                                .execute(params![rowid, IMPORT_KEY, key])
                                .map_err(err)?;
                        }
                        if let Some(serde_json::Value::Array(ids)) = entry.extra.get(COMMITS_KEY) {
                            for id in ids.iter().filter_map(|v| v.as_str()) {
                                put_label
                                    .execute(params![rowid, COMMIT_LABEL, id])
                                    .map_err(err)?;
                            }
                        }
                        let [body, context, notes] = entry.search_sections();
                        put_fts
                            .execute(params![rowid, entry.title, body, context, notes, labels])
                            .map_err(err)?;
                        if let Some(v) = vector {
                            put_vector.execute(params![rowid, v]).map_err(err)?;
                        }
                    }
                }
            }
        }
        tx.commit().map_err(err)?;
        if count >= BIG_BATCH {
            // Fold a large write back into the database now and shrink the WAL: left for
            // later, every short command after it would read through, or checkpoint, it.
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                .map_err(|e| sql_err(&self.path, e))?;
        }
        Ok(())
    }

    /// Returns a value the index keeps about itself (`None` when it has none).
    pub fn meta(&self, key: &str) -> Result<Option<String>, IndexError> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Sets (or, with `None`, forgets) a value the index keeps about itself.
    pub fn set_meta(&self, key: &str, value: Option<&str>) -> Result<(), IndexError> {
        match value {
            Some(v) => self.conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
                [key, v],
            ),
            None => self.conn.execute("DELETE FROM meta WHERE key = ?1", [key]),
        }
        .map(|_| ())
        .map_err(|e| self.err(e))
    }

    /// Returns (rowid, entry) of every entry that has no vector.
    pub fn without_vectors(&self) -> Result<Vec<(i64, Entry)>, IndexError> {
        // The common case, none, from two counts: walking the entries table would read
        // every document with it (it cost a sixth of `ask` on 10,000 entries).
        let missing: i64 = self
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM entries) - (SELECT count(*) FROM vectors)",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        if missing <= 0 {
            return Ok(Vec::new());
        }
        // The rowids from an index on entries, which holds no documents.
        let rowids = self.rowids(
            "SELECT e.rowid FROM entries e INDEXED BY entries_kind
             WHERE NOT EXISTS (SELECT 1 FROM vectors v WHERE v.entry = e.rowid)",
            &[],
        )?;
        let mut out = Vec::with_capacity(rowids.len());
        for rowid in rowids {
            if let Some(entry) = self.entry_at(rowid)? {
                out.push((rowid, entry));
            }
        }
        Ok(out)
    }

    /// Stores vectors of entries by rowid, in one transaction; an entry gone since is
    /// passed over.
    pub fn put_vectors(&mut self, vectors: &[(i64, Vec<u8>)]) -> Result<(), IndexError> {
        let path = self.path.clone();
        let err = |e| sql_err(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        {
            let mut put = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO vectors (entry, v)
                     SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM entries WHERE rowid = ?1)",
                )
                .map_err(err)?;
            for (rowid, v) in vectors {
                put.execute(params![rowid, v]).map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }

    /// Returns the entries a filter selects whose stored vectors `score` rates highest,
    /// best first, at most `limit`, each with its score. `score` reads a packed vector
    /// and returns `None` for one it cannot compare; entries without one are passed over.
    pub fn nearest(
        &self,
        filter: &Filter,
        limit: usize,
        score: impl Fn(&[u8]) -> Option<f32>,
    ) -> Result<Vec<(Entry, f64)>, IndexError> {
        Ok(self
            .nearest_and_scores(filter, limit, &Default::default(), score)?
            .0)
    }

    /// Returns the `limit` entries nearest a query by `score` (see [`Index::nearest`]),
    /// best first, and the scores of the entries at `paths` besides.
    pub fn nearest_and_scores(
        &self,
        filter: &Filter,
        limit: usize,
        paths: &std::collections::HashSet<&str>,
        score: impl Fn(&[u8]) -> Option<f32>,
    ) -> Result<Nearest, IndexError> {
        let (cond, args) = where_clause(filter);
        let sql = format!(
            "SELECT v.entry, e.path, v.v FROM vectors v JOIN entries e ON e.rowid = v.entry WHERE {cond}"
        );
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let mut rows = st
            .query(params_from_iter(args.iter()))
            .map_err(|e| self.err(e))?;
        let mut scored: Vec<(f32, i64)> = Vec::new();
        let mut known = std::collections::HashMap::with_capacity(paths.len());
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let v = r
                .get_ref(2)
                .and_then(|v| v.as_blob().map_err(Into::into))
                .map_err(|e| self.err(e))?;
            let Some(s) = score(v) else { continue };
            let path = r
                .get_ref(1)
                .and_then(|v| v.as_str().map_err(Into::into))
                .map_err(|e| self.err(e))?;
            if paths.contains(path) {
                known.insert(path.to_owned(), f64::from(s));
            }
            scored.push((s, r.get(0).map_err(|e| self.err(e))?));
        }
        let by_score = |a: &(f32, i64), b: &(f32, i64)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if scored.len() > limit {
            scored.select_nth_unstable_by(limit, by_score);
            scored.truncate(limit);
        }
        scored.sort_by(by_score);
        let mut top = Vec::with_capacity(scored.len());
        for (s, rowid) in scored {
            if let Some(entry) = self.entry_at(rowid)? {
                known.insert(entry.path.clone(), f64::from(s));
                top.push((entry, f64::from(s)));
            }
        }
        Ok((top, known))
    }

    /// Returns the files that could not be read, by path.
    pub fn problems(&self) -> Result<Vec<Problem>, IndexError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT path, error_line, error FROM files WHERE error IS NOT NULL ORDER BY path",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(Problem {
                    path: r.get(0)?,
                    line: r.get::<_, i64>(1)? as usize,
                    message: r.get(2)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Returns the number of entries indexed.
    pub fn count(&self) -> Result<usize, IndexError> {
        self.conn
            .query_row("SELECT count(*) FROM entries", [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| self.err(e))
    }

    /// Returns the entries a filter selects, newest first, at most `limit` of them.
    pub fn list(&self, filter: &Filter, limit: Option<usize>) -> Result<Vec<Entry>, IndexError> {
        let (cond, args) = where_clause(filter);
        // Sort the small columns first and fetch each JSON document after: sorting rows
        // that carry their documents would move megabytes through the sorter.
        let sql = format!(
            "SELECT e.rowid FROM entries e WHERE {cond} ORDER BY e.date IS NULL, e.date DESC, e.id DESC LIMIT {}",
            limit.map_or(-1, |l| l as i64)
        );
        let rowids = self.rowids(&sql, &args)?;
        let mut st = self
            .conn
            .prepare_cached("SELECT json FROM entries WHERE rowid = ?1")
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(rowids.len());
        for rowid in rowids {
            let json: String = st
                .query_row([rowid], |r| r.get(0))
                .map_err(|e| self.err(e))?;
            if let Ok(entry) = serde_json::from_str(&json) {
                out.push(entry);
            }
        }
        Ok(out)
    }

    /// Returns every value of one kind of label (`tag`, [`IMPORT_KEY`], [`COMMIT_LABEL`],
    /// ...) in the index.
    pub fn label_values(
        &self,
        kind: &str,
    ) -> Result<std::collections::HashSet<String>, IndexError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT DISTINCT value FROM labels WHERE kind = ?1")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([kind], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Returns the entries a filter selects, newest first, with only what a one-line
    /// listing shows filled in: id, path, kind, date, undated, title, project, tags.
    pub fn list_brief(
        &self,
        filter: &Filter,
        limit: Option<usize>,
    ) -> Result<Vec<Entry>, IndexError> {
        let (cond, args) = where_clause(filter);
        let sql = format!(
            "SELECT e.id, e.path, e.kind, e.date, e.undated, e.title, e.project, e.tags FROM entries e
             WHERE {cond} ORDER BY e.date IS NULL, e.date DESC, e.id DESC LIMIT {}",
            limit.map_or(-1, |l| l as i64)
        );
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params_from_iter(args.iter()), |r| {
                let kind: String = r.get(2)?;
                let date: Option<String> = r.get(3)?;
                let tags: String = r.get(7)?;
                Ok(Entry {
                    id: brag_core::EntryId(r.get(0)?),
                    path: r.get(1)?,
                    kind: kind.parse().unwrap_or_default(),
                    date: date.and_then(|d| d.parse().ok()),
                    undated: r.get(4)?,
                    title: r.get(5)?,
                    project: r.get(6)?,
                    tags: serde_json::from_str(&tags).unwrap_or_default(),
                    ..Entry::default()
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Returns the (id, path) of every entry whose id contains `needle`, ignoring ASCII
    /// case, newest first: the candidates for a short id, which the caller narrows.
    pub fn ids_containing(&self, needle: &str) -> Result<Vec<(String, String)>, IndexError> {
        let pattern = format!(
            "%{}%",
            needle
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let mut st = self
            .conn
            .prepare_cached("SELECT id, path FROM entries WHERE id LIKE ?1 ESCAPE '\\' ORDER BY date DESC, id DESC")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([pattern], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Returns the paths of the entries whose id is exactly `id` (more than one when the
    /// user has copied a file into two year directories).
    pub fn paths_of_id(&self, id: &str) -> Result<Vec<String>, IndexError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT path FROM entries WHERE id = ?1 ORDER BY path")
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([id], |r| r.get(0)).map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Returns the entries that best match a query, best first, ranked by BM25 with the
    /// title weighted over the body, each with a snippet around its best match.
    ///
    /// A query of exclusions alone (`NOT deploys`) gives every entry the filter selects
    /// except those, newest first, with score 0 and the start of the text as snippet.
    pub fn search(
        &self,
        query: &str,
        filter: &Filter,
        limit: usize,
    ) -> Result<Vec<Hit>, IndexError> {
        let query = fts_query(query).ok_or(IndexError::EmptyQuery)?;
        if query.only_excludes {
            return self.all_except(&query.expr, filter, limit);
        }
        let fts = query.expr;
        if filter.is_empty() {
            return self.ranked_with_snippets(&fts, limit);
        }
        let ranked = self.ranked(&fts, filter, limit)?;
        // The snippets of the hits kept, in one statement: one MATCH, not one per hit
        // (which cost 60 µs each, half a search's time).
        let ids = ranked
            .iter()
            .map(|(rowid, _)| rowid.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let mut snippets = std::collections::HashMap::with_capacity(ranked.len());
        if !ranked.is_empty() {
            let sql = format!(
                "SELECT rowid, snippet(fts, -1, char(2), char(3), '…', 16) FROM fts
                 WHERE fts MATCH ?1 AND rowid IN ({ids})"
            );
            let mut st = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
            let rows = st
                .query_map(params![fts], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                })
                .map_err(|e| self.err(e))?;
            for row in rows {
                let (rowid, snippet) = row.map_err(|e| self.err(e))?;
                snippets.insert(rowid, snippet);
            }
        }
        let mut out = Vec::with_capacity(ranked.len());
        for (rowid, score) in ranked {
            let Some(entry) = self.entry_at(rowid)? else {
                continue;
            };
            let snippet = snippets.remove(&rowid).unwrap_or_default();
            out.push(Hit {
                entry,
                score,
                snippet,
            });
        }
        Ok(out)
    }

    /// [`Index::search`] with no filter: FTS5 ranks the matches itself and the snippets
    /// are made in the same pass, for the hits kept alone (no join, no second MATCH).
    fn ranked_with_snippets(&self, fts: &str, limit: usize) -> Result<Vec<Hit>, IndexError> {
        let sql = format!(
            "SELECT rowid, rank, snippet(fts, -1, char(2), char(3), '…', 16) FROM fts
             WHERE fts MATCH ?1 ORDER BY rank LIMIT {limit}"
        );
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows: Vec<(i64, f64, String)> = st
            .query_map(params![fts], |r| {
                Ok((r.get(0)?, -r.get::<_, f64>(1)?, r.get(2)?))
            })
            .map_err(|e| self.err(e))?
            .collect::<Result<_, _>>()
            .map_err(|e| self.err(e))?;
        let mut out = Vec::with_capacity(rows.len());
        for (rowid, score, snippet) in rows {
            if let Some(entry) = self.entry_at(rowid)? {
                out.push(Hit {
                    entry,
                    score,
                    snippet,
                });
            }
        }
        Ok(out)
    }

    /// Returns the entries a filter selects that do not match an FTS5 query, newest first:
    /// FTS5 cannot run a bare `NOT`, so SQL takes the matches away.
    fn all_except(&self, fts: &str, filter: &Filter, limit: usize) -> Result<Vec<Hit>, IndexError> {
        let (cond, mut args) = where_clause(filter);
        args.insert(0, fts.to_owned());
        let cond = renumber(&cond, 1);
        let sql = format!(
            "SELECT e.rowid FROM entries e
             WHERE e.rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?1) AND {cond}
             ORDER BY e.date IS NULL, e.date DESC, e.id DESC LIMIT {limit}"
        );
        let rowids = self.rowids(&sql, &args)?;
        let mut out = Vec::with_capacity(rowids.len());
        for rowid in rowids {
            if let Some(entry) = self.entry_at(rowid)? {
                out.push(Hit {
                    snippet: lead(&entry),
                    entry,
                    score: 0.0,
                });
            }
        }
        Ok(out)
    }

    /// Returns the entries that contain any of the words, best first, with their BM25
    /// relevance (higher is better); for ranking answers, not for showing matches.
    pub fn search_any(
        &self,
        words: &[String],
        filter: &Filter,
        limit: usize,
    ) -> Result<Vec<(Entry, f64)>, IndexError> {
        let Some(fts) = fts_any(words) else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for (rowid, score) in self.ranked(&fts, filter, limit)? {
            if let Some(entry) = self.entry_at(rowid)? {
                out.push((entry, score));
            }
        }
        Ok(out)
    }

    /// Returns (rowid, relevance) of the best matches of an FTS5 query, best first. Only
    /// small columns are sorted; documents are fetched afterwards for the few kept.
    fn ranked(
        &self,
        fts: &str,
        filter: &Filter,
        limit: usize,
    ) -> Result<Vec<(i64, f64)>, IndexError> {
        let (cond, mut args) = where_clause(filter);
        args.insert(0, fts.to_owned());
        // Shift the filter's numbered parameters past the query's.
        let cond = renumber(&cond, 1);
        let sql = format!(
            "SELECT fts.rowid, fts.rank FROM fts JOIN entries e ON e.rowid = fts.rowid
             WHERE fts MATCH ?1 AND {cond}
             ORDER BY fts.rank LIMIT {limit}"
        );
        let mut st = self.conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params_from_iter(args.iter()), |r| {
                Ok((r.get::<_, i64>(0)?, -r.get::<_, f64>(1)?))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Returns the rowids a query with numbered parameters selects, in its order.
    fn rowids(&self, sql: &str, args: &[String]) -> Result<Vec<i64>, IndexError> {
        let mut st = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params_from_iter(args.iter()), |r| r.get(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Returns the entry stored at a rowid.
    fn entry_at(&self, rowid: i64) -> Result<Option<Entry>, IndexError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT json FROM entries WHERE rowid = ?1")
            .map_err(|e| self.err(e))?;
        let json: Option<String> = st
            .query_row([rowid], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }
}

/// Returns the start of an entry's text, as long as a match snippet, for results that no
/// word matched.
pub fn lead(entry: &Entry) -> String {
    const WORDS: usize = 16;
    let body = entry.search_body();
    let mut words = body.split_whitespace();
    let mut out = words.by_ref().take(WORDS).collect::<Vec<_>>().join(" ");
    if words.next().is_some() {
        out.push('…');
    }
    out
}

fn renumber(cond: &str, by: usize) -> String {
    let mut out = String::with_capacity(cond.len());
    let mut chars = cond.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' {
            let mut n = String::new();
            while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                n.push(*d);
                chars.next();
            }
            let n: usize = n.parse().unwrap_or(0);
            out.push_str(&format!("?{}", n + by));
        } else {
            out.push(c);
        }
    }
    out
}

/// Returns the SQL condition on `entries e` for a filter, with numbered parameters.
fn where_clause(f: &Filter) -> (String, Vec<String>) {
    let mut conds = vec!["1".to_owned()];
    let mut args: Vec<String> = Vec::new();
    let arg = |v: String, args: &mut Vec<String>| {
        args.push(v);
        format!("?{}", args.len())
    };
    if let Some(from) = f.from {
        let p = arg(from.to_string(), &mut args);
        conds.push(format!("e.date >= {p}"));
    }
    if let Some(to) = f.to {
        let p = arg(to.to_string(), &mut args);
        conds.push(format!("e.date <= {p}"));
    }
    if let Some(kind) = f.kind {
        let p = arg(kind.as_str().to_owned(), &mut args);
        conds.push(format!("e.kind = {p}"));
    }
    if let Some(project) = &f.project {
        let p = arg(project.clone(), &mut args);
        conds.push(format!("e.project = {p}"));
    }
    for (kind, values) in [("tag", &f.tags), ("competency", &f.competencies)] {
        for v in values {
            let p = arg(v.clone(), &mut args);
            conds.push(format!(
                "EXISTS (SELECT 1 FROM labels l WHERE l.entry = e.rowid AND l.kind = '{kind}' AND l.value = {p})"
            ));
        }
    }
    (conds.join(" AND "), args)
}

fn sql_err(path: &Path, source: rusqlite::Error) -> IndexError {
    IndexError::Sqlite {
        path: path.to_owned(),
        source,
    }
}

fn remove_db_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // Tests make files by hand, as a user would.
mod tests;
