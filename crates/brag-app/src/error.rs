//! What can go wrong in a use case, and what kind of wrong it is.
//!
//! Every surface maps [`ErrorKind`] once: the CLI to exit codes, the web UI to HTTP
//! statuses, the MCP server to JSON-RPC error codes. Messages keep `path:line` where a file
//! is at fault.

use brag_index::IndexError;
use brag_vault::{ConfigError, VaultError};
use serde::Serialize;

/// Returns what kind of failure an [`AppError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// The request itself is wrong: a date brag does not understand, an unknown kind, an
    /// id that is a path, an unknown framework asked for by name. (CLI: exit 2.)
    BadInput,
    /// Nothing has this name: no entry with the id, no vault at the path, no repository.
    NotFound,
    /// The request meets another state than it expected: several entries match, or the
    /// file changed on disk meanwhile.
    Conflict,
    /// Text given to brag is not what it should be: an editor buffer that is not an entry,
    /// a document that is not UTF-8 text.
    InvalidText,
    /// A file of the user's cannot be used: bad YAML in an entry, a broken `brag.toml` or
    /// framework, a symbolic link where an entry should be.
    CorruptFile,
    /// Reading or writing failed underneath: the disk, the index, git.
    Io,
}

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
    /// A value of the request is not one brag understands; `field` names it as the request
    /// does (`from`, `date`, `kind`), so a surface can point at its own flag or form field.
    #[error("{message}")]
    Invalid {
        /// The request field at fault.
        field: &'static str,
        /// What is wrong, and what would be right.
        message: String,
    },
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
    /// A document to import cannot be read as text.
    #[error("{name}{}: {message}", .line.map(|l| format!(":{l}")).unwrap_or_default())]
    Document {
        /// The document's name as given (`-` is `<stdin>`).
        name: String,
        /// The 1-based line at fault, when there is one.
        line: Option<usize>,
        /// What is wrong.
        message: String,
        /// What to do about it, when there is something to say.
        hint: Option<String>,
    },
    /// `brag.toml` names a framework that is neither built in nor in `frameworks/`.
    #[error(
        "brag.toml: no competency framework `{0}` (built in: amazon-lp, engineering; or add frameworks/{0}.toml)"
    )]
    UnknownFramework(String),
    /// A framework asked for by name is neither built in nor in `frameworks/`.
    #[error("no competency framework `{wanted}` (there are: {})", .available.join(", "))]
    NoSuchFramework {
        /// The id asked for.
        wanted: String,
        /// The ids there are.
        available: Vec<String>,
    },
    /// A new entry has no title and nothing to make one from.
    #[error(
        "nothing to save: the entry has no title and no Situation, Task, Action, Result or text"
    )]
    NothingToSave,
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
    /// Nothing to search for in a query (only operators or punctuation).
    #[error("nothing to search for in `{0}`: give a word")]
    EmptyQuery(String),
    /// A search by meaning in a build without the `semantic` feature.
    #[error(
        "this brag was built without the `semantic` feature: search by words instead, or build it with `--features semantic`"
    )]
    NoSemantic,
    /// No git repository under the paths given to harvest.
    #[error("no git repository in {}", .0.join(", "))]
    NoRepository(Vec<String>),
    /// Harvest does not know whose commits to take.
    #[error("whose commits? brag does not know your identity")]
    NoIdentity,
    /// Reading a git repository failed.
    #[error("{0}")]
    Git(String),
    /// `brag sync` needs git, and there is none on PATH.
    #[error("brag sync runs git, and there is no `git` on PATH: install git")]
    NoGit,
    /// The vault is in no git repository.
    #[error("the vault {} is not in a git repository: make it one with `brag init --git` (or `git init` there)", .0.display())]
    NotARepository(std::path::PathBuf),
    /// The vault's repository has no remote to sync with.
    #[error("the vault's repository has no remote to sync with (nothing was changed): add one with `git -C {} remote add origin URL`, then run `brag sync` again", .0.display())]
    NoRemote(std::path::PathBuf),
    /// The repository is in a state a sync must not touch (a rebase under way, a detached
    /// HEAD); the message says what to do.
    #[error("{0}")]
    GitState(String),
    /// The remote could not be reached, or refused the push; what was committed here stays.
    #[error("could not reach `{remote}`: {}. {}", .message.trim_end_matches('.'), if *.committed {
        "Your changes are committed here, and the next `brag sync` sends them"
    } else {
        "Nothing was changed; the next `brag sync` tries again"
    })]
    Unreachable {
        /// The remote's name.
        remote: String,
        /// What git said.
        message: String,
        /// True when there are commits here the remote does not have yet, which stay.
        committed: bool,
    },
    /// A file is to be written into a directory that does not exist.
    #[error("no directory {}: make it first, or write the file elsewhere", .0.display())]
    NoDirectory(std::path::PathBuf),
    /// Making a PDF failed.
    #[error("PDF: {0}")]
    Pdf(String),
    /// Reading or writing outside the vault failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// There is no home directory to find the default vault in.
    #[error("cannot find your home directory: {0}")]
    NoHome(String),
}

impl AppError {
    /// Returns what kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            AppError::Vault(e) => match e {
                VaultError::NotAVault { .. } | VaultError::NotADirectory { .. } => {
                    ErrorKind::NotFound
                }
                VaultError::Symlink { .. } | VaultError::NotUtf8 { .. } => ErrorKind::CorruptFile,
                VaultError::Exists { .. } => ErrorKind::Conflict,
                VaultError::Io { .. } => ErrorKind::Io,
            },
            AppError::Index(IndexError::EmptyQuery) => ErrorKind::BadInput,
            AppError::Index(_)
            | AppError::Git(_)
            | AppError::Unreachable { .. }
            | AppError::NoHome(_)
            | AppError::Pdf(_)
            | AppError::Io(_) => ErrorKind::Io,
            AppError::Config(_) | AppError::BadEntry { .. } | AppError::UnknownFramework(_) => {
                ErrorKind::CorruptFile
            }
            AppError::Invalid { .. }
            | AppError::NoSuchFramework { .. }
            | AppError::BadId { .. }
            | AppError::EmptyQuery(_)
            | AppError::NoSemantic
            | AppError::NoIdentity => ErrorKind::BadInput,
            AppError::Document { .. } | AppError::NothingToSave => ErrorKind::InvalidText,
            AppError::Changed(_) | AppError::Ambiguous { .. } | AppError::GitState(_) => {
                ErrorKind::Conflict
            }
            AppError::NotFound(_)
            | AppError::NoRepository(_)
            | AppError::NoDirectory(_)
            | AppError::NoGit
            | AppError::NotARepository(_)
            | AppError::NoRemote(_) => ErrorKind::NotFound,
        }
    }

    /// Returns a bad value of the request named by its field.
    pub fn invalid(field: &'static str, message: impl std::fmt::Display) -> AppError {
        AppError::Invalid {
            field,
            message: message.to_string(),
        }
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
