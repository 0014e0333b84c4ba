//! `brag rm ID`: move an entry to the trash.

use std::io::{BufRead as _, IsTerminal as _, Write as _};

use super::Env;
use crate::cli::RmArgs;
use crate::error::{CmdResult, CommandError};
use crate::ui;

/// Moves the entry's file to `.brag/trash/`; part of an id needs a yes first.
pub fn cmd_rm(env: &Env, args: RmArgs) -> CmdResult {
    let mut app = env.open_synced()?;
    let found = app.resolve_id(&args.id)?;
    let id = found.id;
    if !found.exact && !args.yes {
        let (entry, _) = app.load(&id)?;
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
    let to = super::written(app.remove(&id)?);
    let mut out = ui::stdout();
    writeln!(out, "Removed {id} (moved to {})", to.display())?;
    out.flush()?;
    Ok(())
}
