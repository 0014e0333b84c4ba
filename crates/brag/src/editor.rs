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
        .map_err(|e| CommandError::failure(format!("could not run the editor `{editor}`: {e}")))?;
    if !status.success() {
        return Err(CommandError::failure(format!(
            "the editor `{editor}` exited with {status}; nothing was saved"
        ))
        .hint(format!("your text is kept in {}", path.display())));
    }
    Ok(())
}
