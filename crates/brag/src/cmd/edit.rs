//! `brag edit ID`: change an entry in $EDITOR, saving only text that still reads.

use std::io::Write as _;

use super::Env;
use crate::cli::IdArgs;
use crate::error::{CmdResult, CommandError};
use crate::{editor, ui};

/// Opens a copy of the entry in the editor and, if it changed and reads, saves it.
pub fn cmd_edit(env: &Env, args: IdArgs) -> CmdResult {
    let mut app = env.open_synced()?;
    let id = app.resolve(&args.id)?;
    let (_, original) = app.load(&id)?;
    let drafts = app.vault().state_dir()?.join("drafts");
    std::fs::create_dir_all(&drafts)?;
    let mut draft = tempfile::Builder::new()
        .prefix(&format!("{id}-"))
        .suffix(".md")
        .tempfile_in(&drafts)?;
    draft.write_all(original.as_bytes())?;
    draft.flush()?;
    if let Err(e) = editor::edit(draft.path()) {
        return Err(keep(e, draft));
    }
    let text = std::fs::read_to_string(draft.path())?;
    if text == original {
        ui::note(format_args!("No changes to {id}."));
        return Ok(());
    }
    if text.trim().is_empty() {
        // An emptied buffer is far more often a slip than a wish to lose the entry.
        ui::note(format_args!(
            "Nothing saved: the edited file was empty. To remove the entry, run `brag rm {id}`."
        ));
        return Ok(());
    }
    match app.replace_text(&id, &text) {
        Ok(_) => {
            let mut out = ui::stdout();
            writeln!(out, "Saved {id} ({})", id.relative_path())?;
            out.flush()?;
            Ok(())
        }
        Err(e) => Err(keep(CommandError::from(e), draft)),
    }
}

fn keep(e: CommandError, draft: tempfile::NamedTempFile) -> CommandError {
    match draft.keep() {
        Ok((_, path)) => e.hint(format!(
            "the entry is unchanged; your edited text is kept in {}",
            path.display()
        )),
        Err(_) => e,
    }
}
