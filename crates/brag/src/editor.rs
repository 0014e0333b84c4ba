//! Running the user's editor on a file, the way git does: `$VISUAL`, then `$EDITOR`, then
//! `vi`, through `sh -c` so that an editor with arguments (`code --wait`) works.

use std::path::Path;
use std::process::Command;

use crate::error::{CmdResult, CommandError};

/// Opens `path` in the user's editor and waits for it to close.
pub fn edit(path: &Path) -> CmdResult {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_owned());
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(&editor)
        .arg(path)
        .status()
        .map_err(|e| {
            CommandError::failure(format!("could not run the editor `{editor}`: {e}"))
                .hint("set $EDITOR (or $VISUAL) to your editor, e.g. export EDITOR=nano")
        })?;
    if !status.success() {
        let mut err = CommandError::failure(format!(
            "the editor `{editor}` exited with {status}; nothing was saved"
        ));
        // `sh` says 127 when it cannot find the command.
        if status.code() == Some(127) {
            err = err.hint("set $EDITOR (or $VISUAL) to your editor, e.g. export EDITOR=nano");
        }
        return Err(err);
    }
    Ok(())
}

/// Returns a copy of some text in `.brag/drafts/` for the editor to work on. Dropped, it
/// is deleted; [`Draft::keep`] keeps it when what the user typed could not be saved.
pub struct Draft {
    file: tempfile::NamedTempFile,
    /// What to tell the user about the kept copy; `{}` is its path.
    hint: &'static str,
}

impl Draft {
    /// Writes `text` to a new draft named `PREFIX…md` in `dir` and opens the editor on it;
    /// returns the draft and the text saved in it.
    pub fn edit(
        dir: &Path,
        prefix: &str,
        text: &str,
        hint: &'static str,
    ) -> CmdResult<(Draft, String)> {
        use std::io::Write as _;
        std::fs::create_dir_all(dir)?;
        let mut file = tempfile::Builder::new()
            .prefix(prefix)
            .suffix(".md")
            .tempfile_in(dir)?;
        file.write_all(text.as_bytes())?;
        file.flush()?;
        let draft = Draft { file, hint };
        if let Err(e) = edit(draft.file.path()) {
            // Keep what the user typed; an untouched copy is not worth a file.
            let typed = std::fs::read_to_string(draft.file.path()).is_ok_and(|t| t != text);
            return Err(if typed { draft.keep(e) } else { e });
        }
        let saved = std::fs::read_to_string(draft.file.path())?;
        Ok((draft, saved))
    }

    /// Keeps the draft on disk and adds where it is to the error.
    pub fn keep(self, e: CommandError) -> CommandError {
        let hint = self.hint;
        match self.file.keep() {
            Ok((_, path)) => e.hint(hint.replace("{}", &path.display().to_string())),
            Err(_) => e,
        }
    }
}
