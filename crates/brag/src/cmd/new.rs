//! `brag new`: write a new entry in $EDITOR from a template.

use std::io::Write as _;

use clap::Args;

use super::Env;
use crate::editor::Draft;
use crate::error::{CmdResult, CommandError};
use crate::ui;

/// Arguments of `brag new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The kind of entry: win, story, learning, feedback or goal.
    #[arg(long, short = 'k', default_value = "story", value_name = "KIND")]
    pub kind: String,
    /// The title to start with.
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// When it happened (default: today).
    #[arg(long, short = 'd', value_name = "DATE")]
    pub date: Option<String>,
}

/// Opens the editor on a template and writes what comes back as a new entry.
pub fn cmd_new(env: &Env, args: NewArgs) -> CmdResult {
    // Checked before the vault is touched: a bad kind or date changes nothing.
    let template = brag_app::template_for(
        Some(&args.kind),
        args.title.as_deref(),
        args.date.as_deref(),
        env.today(),
    )?;
    let app = env.open_or_init()?;
    let (draft, text) = Draft::edit(
        &app.drafts_dir()?,
        "new-",
        &template,
        "your text is kept in {}; fix it and run `brag new` again, or copy it into the vault",
    )?;
    if text.trim().is_empty() || text == template {
        ui::note("Nothing written: the file was empty or unchanged.");
        return Ok(());
    }
    match app.create_from_text(&text) {
        Ok(entry) => {
            let entry = super::written(entry);
            let mut out = ui::stdout();
            writeln!(out, "Added {} ({})", entry.id, entry.path)?;
            out.flush()?;
            Ok(())
        }
        Err(e) => Err(draft.keep(CommandError::from(e))),
    }
}
