//! `brag man`: the manual page, in roff.

use clap::CommandFactory as _;

use crate::cli::Cli;
use crate::error::CmdResult;

/// Prints the manual page.
pub fn cmd_man() -> CmdResult {
    let mut page = Vec::new();
    crate::man::render(Cli::command(), &mut page)?;
    std::io::Write::write_all(&mut std::io::stdout().lock(), &page)?;
    Ok(())
}
