//! `brag edit ID`: change an entry in $EDITOR, saving only text that still reads.

use std::io::Write as _;

use super::Env;
use crate::cli::IdArgs;
use crate::editor::Draft;
use crate::error::{CmdResult, CommandError};
use crate::ui;

/// Opens a copy of the entry in the editor and, if it changed and reads, saves it.
pub fn cmd_edit(env: &Env, args: IdArgs) -> CmdResult {
    let mut app = env.open_synced()?;
    let id = app.resolve(&args.id)?;
    let (_, original) = app.load(&id)?;
    let dir = app.vault().state_dir()?.join("drafts");
    let (draft, text) = Draft::edit(
        &dir,
        &format!("{id}-"),
        &original,
        "the entry is unchanged; your edited text is kept in {}",
    )?;
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
    match app.replace_text(&id, &text, Some(&original)) {
        Ok(saved) => {
            let saved = super::written(saved);
            let path = saved.map_or_else(|| id.relative_path(), |e| e.path);
            let mut out = ui::stdout();
            writeln!(out, "Saved {id} ({path})")?;
            out.flush()?;
            Ok(())
        }
        Err(e) => Err(draft.keep(CommandError::from(e))),
    }
}
