//! The binary's one error type: what went wrong, how to exit, and what to try next.
//!
//! Usage mistakes exit 2, everything else 1; a closed pipe ends the program quietly.

use std::fmt::Display;
use std::io::{self, Write as _};
use std::process::ExitCode;

use brag_app::{AppError, VaultError};

/// Returns how an error ends the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Bad usage: exit 2.
    Usage,
    /// A failure: exit 1.
    Failure,
    /// Stdout was closed by the reader (`brag list | head`): exit 0, say nothing.
    BrokenPipe,
}

/// Returns an error the binary reports: `error: ...`, its causes and hints.
#[derive(Debug)]
pub struct CommandError {
    kind: ErrorKind,
    error: anyhow::Error,
    hints: Vec<String>,
}

impl CommandError {
    /// Returns a usage error (exit 2).
    pub fn usage(msg: impl Display) -> CommandError {
        CommandError {
            kind: ErrorKind::Usage,
            error: anyhow::anyhow!("{msg}"),
            hints: Vec::new(),
        }
    }

    /// Returns a failure (exit 1).
    pub fn failure(msg: impl Display) -> CommandError {
        CommandError {
            kind: ErrorKind::Failure,
            error: anyhow::anyhow!("{msg}"),
            hints: Vec::new(),
        }
    }

    /// Returns the error with a hint line added.
    pub fn hint(mut self, hint: impl Into<String>) -> CommandError {
        self.hints.push(hint.into());
        self
    }

    /// Prints the error to stderr and returns the exit code.
    pub fn report(self) -> ExitCode {
        match self.kind {
            ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
            ErrorKind::Usage | ErrorKind::Failure => {}
        }
        let mut err = anstream::stderr().lock();
        let red = crate::ui::ERROR;
        let _ = writeln!(err, "{red}error:{red:#} {}", self.error);
        for cause in self.error.chain().skip(1) {
            let _ = writeln!(err, "caused by: {cause}");
        }
        for hint in &self.hints {
            let _ = writeln!(err, "{}hint:{:#} {hint}", crate::ui::HINT, crate::ui::HINT);
        }
        ExitCode::from(match self.kind {
            ErrorKind::Usage => 2,
            _ => 1,
        })
    }
}

impl From<io::Error> for CommandError {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return CommandError {
                kind: ErrorKind::BrokenPipe,
                error: e.into(),
                hints: Vec::new(),
            };
        }
        CommandError {
            kind: ErrorKind::Failure,
            error: e.into(),
            hints: Vec::new(),
        }
    }
}

impl From<AppError> for CommandError {
    fn from(e: AppError) -> Self {
        let hint: Option<String> = match &e {
            AppError::NotFound(_) => Some(
                "`brag list` shows the ids; part of an id is enough when it is unique".into(),
            ),
            AppError::BadId { .. } => Some(
                "`brag list` shows the ids; part of an id is enough when it is unique".into(),
            ),
            AppError::Ambiguous { .. } => Some("give more of the id; nothing was changed".into()),
            AppError::Vault(VaultError::NotAVault { .. }) => Some(
                "run `brag init` to make a vault here, or pass --vault DIR (or set BRAG_VAULT)"
                    .into(),
            ),
            AppError::Vault(VaultError::NotADirectory { .. }) => Some(
                "point --vault (or BRAG_VAULT) at a directory; `brag init DIR` makes a vault there"
                    .into(),
            ),
            AppError::Vault(VaultError::Symlink { .. }) => Some(
                "`brag doctor` lists the links in the vault; replace a link with the file itself"
                    .into(),
            ),
            AppError::NoSuchFramework { wanted, .. } => Some(format!(
                "add your own as frameworks/{wanted}.toml in the vault, in the shape of the built-in amazon-lp.toml"
            )),
            AppError::NoIdentity => Some(
                "pass --author you@example.com, or set `[identity] emails = [\"you@example.com\"]` in brag.toml"
                    .into(),
            ),
            AppError::NoRepository(_) => {
                Some("give a repository, or a directory that holds repositories".into())
            }
            AppError::NoHome(_) => Some("pass --vault DIR or set BRAG_VAULT".into()),
            AppError::Document { hint, .. } => hint.clone(),
            _ => None,
        };
        let mut err = match (e.kind(), &e) {
            // A request field names its flag: `--date: `x` is not a date brag understands`.
            (brag_app::ErrorKind::BadInput, AppError::Invalid { field, message }) => match *field {
                "text" | "BRAG_NOW" | "range" => CommandError::usage(message),
                flag => CommandError::usage(format!("--{flag}: {message}")),
            },
            (brag_app::ErrorKind::BadInput, _) => CommandError::usage(e),
            _ => CommandError::failure(e),
        };
        if let Some(h) = hint {
            err = err.hint(h);
        }
        err
    }
}

impl From<serde_json::Error> for CommandError {
    fn from(e: serde_json::Error) -> Self {
        if e.io_error_kind() == Some(io::ErrorKind::BrokenPipe) {
            return io::Error::from(io::ErrorKind::BrokenPipe).into();
        }
        CommandError::failure(e)
    }
}

/// Returns the result type of commands.
pub type CmdResult<T = ()> = Result<T, CommandError>;
