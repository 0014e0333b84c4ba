//! `brag rm ID`: move an entry to the trash.

use std::io::{BufRead as _, IsTerminal as _, Write as _};

use clap::Args;

use super::Env;
use crate::error::{CmdResult, CommandError};
use crate::ui;

/// Arguments of `brag rm`.
#[derive(Debug, Args)]
pub struct RmArgs {
    /// The entry's id (its file name without `.md`), or a part of it that starts a word of
    /// just one id.
    #[arg(value_name = "ID")]
    pub id: String,
    /// Remove the entry that part of an id names without asking.
    #[arg(long, short = 'y')]
    pub yes: bool,
}

/// Moves the entry's file to `.brag/trash/`; part of an id needs a yes first.
pub fn cmd_rm(env: &Env, args: RmArgs) -> CmdResult {
    let app = env.open()?;
    let shown = app.show(&args.id)?;
    super::warn_problems(&app)?;
    let entry = shown.entry;
    let id = &entry.id;
    if !shown.exact && !args.yes {
        let terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
        if !terminal {
            return Err(CommandError::usage(format!(
                "`{}` is only part of an id; it names {id} ({})",
                args.id.trim(),
                entry.title
            ))
            .hint(format!("run `brag rm {id}`, or add --yes to remove it")));
        }
        let mut err = anstream::stderr().lock();
        write!(err, "Remove {id} ({})? [y/N] ", entry.title)?;
        err.flush()?;
        drop(err);
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
            ui::note("Nothing removed.");
            return Ok(());
        }
    }
    let to = super::written(app.remove(id)?);
    let mut out = ui::stdout();
    writeln!(out, "Removed {id} (moved to {})", to.display())?;
    out.flush()?;
    Ok(())
}
