//! `brag edit ID`: change an entry in $EDITOR, saving only text that still reads.

use std::io::Write as _;

use clap::Args;

use super::Env;
use crate::editor::Draft;
use crate::error::{CmdResult, CommandError};
use crate::ui;

/// Arguments of `brag edit`.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The entry's id (its file name without `.md`), or a part of it that starts a word of
    /// just one id (`budget`, `2025-03-14`).
    #[arg(value_name = "ID")]
    pub id: String,
}

/// Opens a copy of the entry in the editor and, if it changed and reads, saves it.
pub fn cmd_edit(env: &Env, args: EditArgs) -> CmdResult {
    let app = env.open()?;
    let shown = app.show(&args.id)?;
    super::warn_problems(&app)?;
    let id = shown.entry.id;
    let original = shown.raw;
    let (draft, text) = Draft::edit(
        &app.drafts_dir()?,
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
            let path = super::written(saved).map_or_else(|| id.relative_path(), |e| e.path);
            let mut out = ui::stdout();
            writeln!(out, "Saved {id} ({path})")?;
            out.flush()?;
            Ok(())
        }
        Err(e) => Err(draft.keep(CommandError::from(e))),
    }
}
