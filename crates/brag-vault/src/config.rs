//! `brag.toml`: the vault's settings. Unknown keys are ignored so that newer vaults still
//! open with older brag.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Deserialize;

/// Returns the settings in `brag.toml`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Active competency frameworks.
    pub frameworks: Vec<String>,
    /// Who "I" am in git history.
    pub identity: Identity,
    /// Importer settings.
    pub import: ImportConfig,
    /// `brag remind` settings.
    pub remind: RemindConfig,
}

/// Returns the `[remind]` table.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct RemindConfig {
    /// Days without a new entry after which `brag remind` nudges (default 7).
    pub days: Option<std::num::NonZeroU32>,
}

/// Returns the `[identity]` table.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Identity {
    /// Commit e-mail addresses.
    pub emails: Vec<String>,
    /// Commit author names.
    pub names: Vec<String>,
}

/// Returns the `[import]` table.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ImportConfig {
    /// More names for sections: `{ "Situation" = ["Kontext", "Ausgangslage"] }`.
    pub sections: IndexMap<String, Vec<String>>,
}

/// Returned when `brag.toml` cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("{}:{line}: {message}", path.display())]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// The 1-based line at fault.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl ConfigError {
    pub(crate) fn io(path: &Path, e: std::io::Error) -> ConfigError {
        ConfigError {
            path: path.to_owned(),
            line: 1,
            message: e.to_string(),
        }
    }

    pub(crate) fn with_path(mut self, path: &Path) -> ConfigError {
        path.clone_into(&mut self.path);
        self
    }
}

impl Config {
    /// Returns the settings in a `brag.toml` text.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            });
            ConfigError {
                path: PathBuf::from(crate::CONFIG_FILE),
                line,
                message: e.message().to_owned(),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_config() {
        let c = Config::parse(
            "frameworks = [\"amazon-lp\"]\nunknown = 1\n[identity]\nemails = [\"a@b.c\"]\n[import.sections]\nSituation = [\"Kontext\"]\n",
        )
        .expect("parses");
        assert_eq!(c.frameworks, ["amazon-lp"]);
        assert_eq!(c.identity.emails, ["a@b.c"]);
        assert_eq!(c.import.sections["Situation"], ["Kontext"]);
    }

    #[test]
    fn parse_config_error_has_line() {
        let e = Config::parse("frameworks = [\"a\"]\n[identity]\nemails = 3\n").expect_err("bad");
        assert_eq!(e.line, 3, "{e}");
    }
}
