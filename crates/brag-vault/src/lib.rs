//! brag's filesystem adapter: where a vault's files live, reading them, writing them
//! atomically, the writers' lock and the trash.
//!
//! Nothing here knows the entry format (that is `brag_core::file`) or the index (that is
//! `brag-index`); `brag-app` puts the three together.

mod config;

use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

pub use brag_core::Stamp;
pub use config::{Config, ConfigError};

/// The directory inside a vault that holds brag's own state.
pub const STATE_DIR: &str = ".brag";
/// The config file at the top of a vault.
pub const CONFIG_FILE: &str = "brag.toml";
/// How the names of brag's temporary files start; one left behind is from a writer that
/// was killed mid-write.
pub const TEMP_PREFIX: &str = ".brag-tmp-";

const DEFAULT_CONFIG: &str = r#"# brag vault settings. Every key is optional.

# Competency frameworks that coverage, coach and ask use.
# frameworks = ["amazon-lp"]

# Your commit identities, for `brag harvest git`.
# [identity]
# emails = ["me@example.com"]
"#;

/// Returned when a vault operation fails; every variant names the path at fault.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// An I/O operation on a path failed.
    #[error("{path}: {source}")]
    Io {
        /// The path that could not be read or written.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// A file that should be text is not valid UTF-8.
    #[error("{path}: not valid UTF-8 text")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
    },
    /// A new entry's file name is taken already.
    #[error("{path}: already exists")]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// There is no vault at the path.
    #[error("no vault at {path}")]
    NotAVault {
        /// The directory looked at.
        path: PathBuf,
    },
    /// The vault path is a file, not a directory.
    #[error("{path} is a file, not a vault directory")]
    NotADirectory {
        /// The path given as the vault.
        path: PathBuf,
    },
    /// An entry path is, or goes through, a symbolic link: brag never follows one, so
    /// that a link cannot make it read or replace a file outside the vault.
    #[error("{path}: a symbolic link; brag reads and writes only regular files inside the vault")]
    Symlink {
        /// The link.
        path: PathBuf,
    },
}

/// Attaches a path to I/O errors.
pub trait IoResultExt<T> {
    /// Returns the result with the path attached to its error.
    fn at(self, path: &Path) -> Result<T, VaultError>;
}

impl<T> IoResultExt<T> for io::Result<T> {
    fn at(self, path: &Path) -> Result<T, VaultError> {
        self.map_err(|source| VaultError::Io {
            path: path.to_owned(),
            source,
        })
    }
}

fn stamp_of(meta: &fs::Metadata) -> Stamp {
    let mtime_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    Stamp {
        size: meta.len(),
        mtime_ns,
    }
}

/// Returns a vault: a directory of entry files with `brag.toml` and `.brag/`.
#[derive(Clone, Debug)]
pub struct Vault {
    root: PathBuf,
}

/// Returns what a scan of the vault found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// Every entry file, by vault-relative path (sorted), with its stamp.
    pub entries: Vec<(String, Stamp)>,
    /// Temporary files writers left behind, by vault-relative path.
    pub temps: Vec<String>,
}

/// Returns a file in the vault that brag does not read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stray {
    /// Vault-relative path (not UTF-8 parts shown with U+FFFD).
    pub path: String,
    /// Why brag passes it over.
    pub why: StrayKind,
}

/// Returns why brag passes over a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrayKind {
    /// A symbolic link: brag never follows one.
    Symlink,
    /// A `.md` file outside the year directories.
    OutsideYears,
    /// A file ending in `.MD`, `.Md`...: entries end in `.md`.
    WrongCase,
    /// A name that is not UTF-8.
    NotUtf8Name,
    /// A temporary file of a writer that was stopped mid-write.
    Temporary,
}

impl StrayKind {
    /// Returns what to tell the user about such a file.
    pub fn message(self) -> &'static str {
        match self {
            StrayKind::Symlink => {
                "a symbolic link; brag never follows links, so this is not read (put the file itself here)"
            }
            StrayKind::OutsideYears => {
                "not in a year directory, so not an entry (move it to YYYY/ to make it one)"
            }
            StrayKind::WrongCase => "entries end in `.md`; rename it to read it as one",
            StrayKind::NotUtf8Name => "the file name is not UTF-8; rename it to read it",
            StrayKind::Temporary => {
                "a temporary file left by a brag that was stopped mid-write; the next command removes it"
            }
        }
    }
}

/// Held while a writer works; dropping it releases the vault lock.
#[derive(Debug)]
pub struct LockGuard {
    _file: File,
}

impl Vault {
    /// Returns the vault at `root`, making its files and directories where missing.
    ///
    /// Idempotent: an existing vault, config or `.gitignore` is left as it is, except that
    /// `.brag/` is added to a `.gitignore` that does not name it yet.
    pub fn init(root: &Path) -> Result<Vault, VaultError> {
        if root.is_file() {
            return Err(VaultError::NotADirectory {
                path: root.to_owned(),
            });
        }
        fs::create_dir_all(root.join(STATE_DIR)).at(root)?;
        let vault = Vault {
            root: root.to_owned(),
        };
        // Several processes may make the same vault at once (`brag add` makes a missing
        // one): the lock makes the checks below and the writes one step.
        let _lock = vault.lock()?;
        let config = vault.config_path();
        if !config.exists() {
            vault.write_atomic(&config, DEFAULT_CONFIG.as_bytes(), true)?;
        }
        let gitignore = root.join(".gitignore");
        match fs::read_to_string(&gitignore) {
            Ok(text) => {
                if !text
                    .lines()
                    .any(|l| matches!(l.trim(), ".brag" | ".brag/" | "/.brag" | "/.brag/"))
                {
                    let mut new = text;
                    if !new.is_empty() && !new.ends_with('\n') {
                        new.push('\n');
                    }
                    new.push_str(".brag/\n");
                    vault.write_atomic(&gitignore, new.as_bytes(), false)?;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                vault.write_atomic(&gitignore, b".brag/\n", true)?;
            }
            Err(e) => return Err(e).at(&gitignore),
        }
        Ok(vault)
    }

    /// Returns the vault at `root`, which must have been made by [`Vault::init`].
    pub fn open(root: &Path) -> Result<Vault, VaultError> {
        if root.is_file() {
            return Err(VaultError::NotADirectory {
                path: root.to_owned(),
            });
        }
        if root.join(STATE_DIR).is_dir() || root.join(CONFIG_FILE).is_file() {
            Ok(Vault {
                root: root.to_owned(),
            })
        } else {
            Err(VaultError::NotAVault {
                path: root.to_owned(),
            })
        }
    }

    /// Returns the vault's top directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Returns the path of `brag.toml`.
    pub fn config_path(&self) -> PathBuf {
        self.root.join(CONFIG_FILE)
    }

    /// Returns the path of brag's state directory, `.brag/`, making it if missing.
    pub fn state_dir(&self) -> Result<PathBuf, VaultError> {
        let dir = self.root.join(STATE_DIR);
        fs::create_dir_all(&dir).at(&dir)?;
        Ok(dir)
    }

    /// Returns the vault's settings; a missing `brag.toml` gives the defaults.
    pub fn config(&self) -> Result<Config, ConfigError> {
        let path = self.config_path();
        match fs::read_to_string(&path) {
            Ok(text) => Config::parse(&text).map_err(|e| e.with_path(&path)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(ConfigError::io(&path, e)),
        }
    }

    /// Returns the absolute path of a vault-relative path.
    pub fn abs(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Returns the user's competency frameworks: every `frameworks/*.toml`, by path, sorted.
    pub fn read_frameworks(&self) -> Result<Vec<(PathBuf, String)>, VaultError> {
        let dir = self.root.join("frameworks");
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e).at(&dir),
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|p| read_text(&p).map(|t| (p, t)))
            .collect()
    }

    /// Takes the writers' lock if no other writer holds it; `None` when one does.
    pub fn try_lock(&self) -> Result<Option<LockGuard>, VaultError> {
        let (path, file) = self.lock_file()?;
        match file.try_lock() {
            Ok(()) => Ok(Some(LockGuard { _file: file })),
            Err(fs::TryLockError::WouldBlock) => Ok(None),
            Err(fs::TryLockError::Error(e)) => Err(e).at(&path),
        }
    }

    /// Takes the writers' lock, waiting for another writer to finish.
    pub fn lock(&self) -> Result<LockGuard, VaultError> {
        let (path, file) = self.lock_file()?;
        file.lock().at(&path)?;
        Ok(LockGuard { _file: file })
    }

    /// Returns `.brag/lock`, opened (and made when missing), not yet locked.
    fn lock_file(&self) -> Result<(PathBuf, File), VaultError> {
        let path = self.state_dir()?.join("lock");
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .at(&path)?;
        Ok((path, file))
    }

    /// Returns every entry file, as vault-relative paths with `/` separators, sorted, with
    /// their stamps, and the temporary files that writers left behind.
    ///
    /// Entry files are the `*.md` files at any depth under the vault's year directories
    /// (`2025/`, `2025/03/`, ...). Links, hidden files and directories, and names that are
    /// not UTF-8 are passed over; [`Vault::strays`] names them for `brag doctor`.
    pub fn scan(&self) -> Result<Scan, VaultError> {
        let mut dirs = Vec::new();
        let mut temps = Vec::new();
        for dir in fs::read_dir(&self.root).at(&self.root)? {
            let dir = dir.at(&self.root)?;
            let name = dir.file_name();
            let Some(name) = name.to_str() else { continue };
            if name.starts_with(TEMP_PREFIX) {
                temps.push(name.to_owned());
            } else if is_year_dir(name) && dir.file_type().at(&dir.path())?.is_dir() {
                dirs.push(name.to_owned());
            }
        }
        // Stat calls dominate a scan of a large vault; spread the year directories over
        // the cores, biggest years first so the work evens out.
        dirs.sort_unstable_by(|a, b| b.cmp(a));
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(4)
            .min(dirs.len().max(1));
        let mut scan = if threads < 2 {
            let mut scan = Scan::default();
            for d in &dirs {
                self.scan_dir(d, &mut scan)?;
            }
            scan
        } else {
            std::thread::scope(|s| {
                let handles: Vec<_> = (0..threads)
                    .map(|t| {
                        let mine: Vec<&String> = dirs.iter().skip(t).step_by(threads).collect();
                        s.spawn(move || {
                            let mut scan = Scan::default();
                            for d in mine {
                                self.scan_dir(d, &mut scan)?;
                            }
                            Ok::<_, VaultError>(scan)
                        })
                    })
                    .collect();
                let mut all = Scan::default();
                for h in handles {
                    match h.join() {
                        Ok(part) => {
                            let part = part?;
                            all.entries.extend(part.entries);
                            all.temps.extend(part.temps);
                        }
                        Err(panic) => std::panic::resume_unwind(panic),
                    }
                }
                Ok::<_, VaultError>(all)
            })?
        };
        scan.entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        scan.temps.extend(temps);
        scan.temps.sort_unstable();
        Ok(scan)
    }

    /// Adds the entry files under a vault-relative directory, at any depth.
    fn scan_dir(&self, rel: &str, scan: &mut Scan) -> Result<(), VaultError> {
        let dir_path = self.root.join(rel);
        for file in fs::read_dir(&dir_path).at(&dir_path)? {
            let file = file.at(&dir_path)?;
            let fname = file.file_name();
            let Some(fname) = fname.to_str() else {
                continue;
            };
            if fname.starts_with('.') {
                if fname.starts_with(TEMP_PREFIX) {
                    scan.temps.push(format!("{rel}/{fname}"));
                }
                continue;
            }
            // The type as the directory lists it: a link is a link, never what it points to.
            let Ok(kind) = file.file_type() else { continue };
            if kind.is_dir() {
                self.scan_dir(&format!("{rel}/{fname}"), scan)?;
                continue;
            }
            if !kind.is_file() || !fname.ends_with(".md") {
                continue;
            }
            // A file removed between listing and stat is simply not there.
            let Ok(meta) = file.metadata() else { continue };
            if meta.is_file() {
                scan.entries
                    .push((format!("{rel}/{fname}"), stamp_of(&meta)));
            }
        }
        Ok(())
    }

    /// Returns what is in the vault that brag does not read and that looks as if it was
    /// meant to be read, for `brag doctor`: links, `.md` files outside the year
    /// directories, `.MD` files, names that are not UTF-8, and left-over temporary files.
    ///
    /// `.brag/`, `.git/` and other hidden directories, `frameworks/` and `node_modules/`
    /// are not looked into.
    pub fn strays(&self) -> Result<Vec<Stray>, VaultError> {
        let mut out = Vec::new();
        self.strays_in(Path::new(""), false, &mut out)?;
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    fn strays_in(&self, rel: &Path, in_year: bool, out: &mut Vec<Stray>) -> Result<(), VaultError> {
        let dir_path = self.root.join(rel);
        let list = match fs::read_dir(&dir_path) {
            Ok(l) => l,
            // A directory we may not read is not ours to judge.
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => return Ok(()),
            Err(e) => return Err(e).at(&dir_path),
        };
        for item in list {
            let item = item.at(&dir_path)?;
            let name = item.file_name();
            let path = rel.join(&name);
            let shown = path.to_string_lossy().into_owned();
            let Ok(kind) = item.file_type() else { continue };
            let Some(name) = name.to_str() else {
                out.push(Stray {
                    path: shown,
                    why: StrayKind::NotUtf8Name,
                });
                continue;
            };
            if name.starts_with(TEMP_PREFIX) {
                out.push(Stray {
                    path: shown,
                    why: StrayKind::Temporary,
                });
                continue;
            }
            let top_year = rel.as_os_str().is_empty() && is_year_dir(name);
            if kind.is_symlink() {
                let md = name.to_ascii_lowercase().ends_with(".md");
                if md || top_year || in_year {
                    out.push(Stray {
                        path: shown,
                        why: StrayKind::Symlink,
                    });
                }
                continue;
            }
            // brag's own state, the user's frameworks, and other tools' directories.
            let top = rel.as_os_str().is_empty();
            if name.starts_with('.') || name == "node_modules" || (top && name == "frameworks") {
                continue;
            }
            if kind.is_dir() {
                self.strays_in(&path, in_year || top_year, out)?;
                continue;
            }
            let lower = name.to_ascii_lowercase();
            if !lower.ends_with(".md") {
                continue;
            }
            if !name.ends_with(".md") {
                out.push(Stray {
                    path: shown,
                    why: StrayKind::WrongCase,
                });
            } else if !in_year {
                out.push(Stray {
                    path: shown,
                    why: StrayKind::OutsideYears,
                });
            }
        }
        Ok(())
    }

    /// Removes left-over temporary files (vault-relative paths from [`Vault::scan`]) if no
    /// writer holds the lock: under the lock no brag is writing, so every temporary file
    /// is a leftover of one that was stopped mid-write. Returns the files removed.
    pub fn remove_stale_temps(&self, temps: &[String]) -> Result<Vec<String>, VaultError> {
        if temps.is_empty() {
            return Ok(Vec::new());
        }
        let Some(_lock) = self.try_lock()? else {
            return Ok(Vec::new());
        };
        let mut removed = Vec::new();
        for rel in temps {
            let path = self.abs(rel);
            let is_temp = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(TEMP_PREFIX));
            if is_temp && fs::remove_file(&path).is_ok() {
                removed.push(rel.clone());
            }
        }
        Ok(removed)
    }

    /// Returns the stamp of one vault-relative file.
    pub fn stamp(&self, rel: &str) -> Result<Stamp, VaultError> {
        let path = self.abs(rel);
        Ok(stamp_of(&fs::metadata(&path).at(&path)?))
    }

    /// Returns true when anything has this vault-relative name: a file, a directory, or a
    /// link (even one that points nowhere).
    pub fn exists(&self, rel: &str) -> bool {
        fs::symlink_metadata(self.abs(rel)).is_ok()
    }

    /// Returns true when a vault-relative path is a regular file reached without a
    /// symbolic link, false when there is nothing (or no regular file) there, and
    /// [`VaultError::Symlink`] when the path or a directory on it is a link.
    pub fn is_entry_file(&self, rel: &str) -> Result<bool, VaultError> {
        let mut path = self.root.clone();
        let parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
        for (i, part) in parts.iter().enumerate() {
            path.push(part);
            let meta = match fs::symlink_metadata(&path) {
                Ok(m) => m,
                Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
                Err(e) => return Err(e).at(&path),
            };
            if meta.file_type().is_symlink() {
                return Err(VaultError::Symlink { path });
            }
            let last = i + 1 == parts.len();
            if last {
                return Ok(meta.is_file());
            }
            if !meta.is_dir() {
                return Ok(false);
            }
        }
        Ok(false)
    }

    /// Returns the text of a vault-relative file; a symbolic link is refused, not followed.
    pub fn read(&self, rel: &str) -> Result<String, VaultError> {
        let path = self.abs(rel);
        if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(VaultError::Symlink { path });
        }
        read_text(&path)
    }

    /// Writes a new vault-relative file atomically; fails if the file exists.
    pub fn create(&self, rel: &str, contents: &str) -> Result<(), VaultError> {
        self.write_atomic(&self.abs(rel), contents.as_bytes(), true)
    }

    /// Replaces a vault-relative file atomically.
    pub fn replace(&self, rel: &str, contents: &str) -> Result<(), VaultError> {
        self.write_atomic(&self.abs(rel), contents.as_bytes(), false)
    }

    /// Moves a vault-relative file into `.brag/trash/`; returns its new vault-relative path.
    pub fn trash(&self, rel: &str) -> Result<String, VaultError> {
        let from = self.abs(rel);
        let trash = self.state_dir()?.join("trash");
        fs::create_dir_all(&trash).at(&trash)?;
        let name = Path::new(rel)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("entry.md")
            .to_owned();
        let (stem, ext) = name.rsplit_once('.').unwrap_or((&name, "md"));
        let mut target = trash.join(&name);
        let mut n = 2;
        while target.exists() {
            target = trash.join(format!("{stem}.{n}.{ext}"));
            n += 1;
        }
        fs::rename(&from, &target).at(&from)?;
        sync_dir(from.parent().unwrap_or(&self.root));
        let rel_target = target.strip_prefix(&self.root).map_or_else(
            |_| target.display().to_string(),
            |p| p.display().to_string(),
        );
        Ok(rel_target)
    }

    /// Writes `contents` to `path` through a synced temporary file in the same directory
    /// and a rename, so a crash leaves either the old file or the new one, never half.
    ///
    /// With `new_only`, an existing file is an error ([`VaultError::Exists`]) and is left
    /// alone, even when another process creates it at the same moment.
    pub fn write_atomic(
        &self,
        path: &Path,
        contents: &[u8],
        new_only: bool,
    ) -> Result<(), VaultError> {
        let dir = path.parent().unwrap_or(&self.root);
        fs::create_dir_all(dir).at(dir)?;
        let old = if new_only {
            None
        } else {
            match fs::symlink_metadata(path) {
                Ok(m) if m.file_type().is_symlink() => {
                    return Err(VaultError::Symlink {
                        path: path.to_owned(),
                    });
                }
                Ok(m) => Some(m),
                Err(_) => None,
            }
        };
        // A new file gets the mode any program would give it (0666 less the umask), not
        // the 0600 of a temporary file.
        let mut builder = tempfile::Builder::new();
        builder.prefix(TEMP_PREFIX);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let mut tmp = builder.tempfile_in(dir).at(dir)?;
        if let Some(old) = &old {
            // A replaced file keeps its mode and, where we may, its owner and group.
            tmp.as_file()
                .set_permissions(old.permissions())
                .at(tmp.path())?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt as _;
                let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(old.uid()), Some(old.gid()));
            }
        }
        tmp.write_all(contents).at(tmp.path())?;
        tmp.as_file().sync_all().at(tmp.path())?;
        if new_only {
            tmp.persist_noclobber(path).map_err(|e| {
                if e.error.kind() == io::ErrorKind::AlreadyExists {
                    VaultError::Exists {
                        path: path.to_owned(),
                    }
                } else {
                    VaultError::Io {
                        path: path.to_owned(),
                        source: e.error,
                    }
                }
            })?;
        } else {
            tmp.persist(path).map_err(|e| VaultError::Io {
                path: path.to_owned(),
                source: e.error,
            })?;
        }
        // See https://lwn.net/Articles/457667/: the rename is durable once the directory is.
        sync_dir(dir);
        Ok(())
    }
}

/// Returns the text of a file, or an error that names it.
pub fn read_text(path: &Path) -> Result<String, VaultError> {
    let bytes = fs::read(path).at(path)?;
    String::from_utf8(bytes).map_err(|_| VaultError::NotUtf8 {
        path: path.to_owned(),
    })
}

fn sync_dir(dir: &Path) {
    // Best effort: some filesystems refuse to sync a directory, and the data is written.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

fn is_year_dir(name: &str) -> bool {
    name.len() == 4 && name.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // Tests make files by hand, as a user would.
mod tests {
    use super::*;

    #[test]
    fn init_is_idempotent_and_keeps_gitignore() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join(".gitignore"), "target").expect("write");
        Vault::init(dir.path()).expect("init");
        Vault::init(dir.path()).expect("init again");
        let gi = fs::read_to_string(dir.path().join(".gitignore")).expect("read");
        assert_eq!(gi, "target\n.brag/\n");
        assert!(dir.path().join("brag.toml").is_file());
        assert!(dir.path().join(".brag").is_dir());
    }

    #[test]
    fn init_races_all_succeed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("v");
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| Vault::init(&root).expect("init"));
            }
        });
        let gi = fs::read_to_string(root.join(".gitignore")).expect("read");
        assert_eq!(gi, ".brag/\n");
    }

    #[test]
    fn create_refuses_to_overwrite() {
        let dir = tempfile::tempdir().expect("tempdir");
        let v = Vault::init(dir.path()).expect("init");
        v.create("2025/a.md", "one").expect("create");
        assert!(matches!(
            v.create("2025/a.md", "two"),
            Err(VaultError::Exists { .. })
        ));
        assert_eq!(v.read("2025/a.md").expect("read"), "one");
        v.replace("2025/a.md", "three").expect("replace");
        assert_eq!(v.read("2025/a.md").expect("read"), "three");
        let leftovers: Vec<_> = fs::read_dir(dir.path().join("2025"))
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(".brag-tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn scan_finds_year_dirs_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let v = Vault::init(dir.path()).expect("init");
        v.create("2025/b.md", "b").expect("create");
        v.create("2024/a.md", "a").expect("create");
        v.create("notes/c.md", "c").expect("create");
        v.create("2024/skip.txt", "c").expect("create");
        fs::write(dir.path().join("README.md"), "x").expect("write");
        v.create("2024/03/deep.md", "d").expect("create");
        let found: Vec<String> = v
            .scan()
            .expect("scan")
            .entries
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(found, ["2024/03/deep.md", "2024/a.md", "2025/b.md"]);
    }

    #[test]
    fn trash_keeps_both_copies() {
        let dir = tempfile::tempdir().expect("tempdir");
        let v = Vault::init(dir.path()).expect("init");
        v.create("2025/a.md", "one").expect("create");
        assert_eq!(v.trash("2025/a.md").expect("trash"), ".brag/trash/a.md");
        v.create("2025/a.md", "two").expect("create");
        assert_eq!(v.trash("2025/a.md").expect("trash"), ".brag/trash/a.2.md");
        assert!(!v.exists("2025/a.md"));
    }
}
