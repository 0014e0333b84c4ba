//! `brag rm ID`: move an entry to the trash.

use std::io::Write as _;

use super::Env;
use crate::cli::IdArgs;
use crate::error::CmdResult;
use crate::ui;

/// Moves the entry's file to `.brag/trash/`.
pub fn cmd_rm(env: &Env, args: IdArgs) -> CmdResult {
    let mut app = env.open_synced()?;
    let id = app.resolve(&args.id)?;
    let to = app.remove(&id)?;
    let mut out = ui::stdout();
    writeln!(out, "Removed {id} (moved to {})", to.display())?;
    out.flush()?;
    Ok(())
}
