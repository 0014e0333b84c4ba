//! `brag completions SHELL`: a shell completion script, from the one clap definition.

use clap::{Args, CommandFactory as _};

use crate::cli::Cli;
use crate::error::CmdResult;

/// Arguments of `brag completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Prints the completion script for a shell.
pub fn cmd_completions(args: CompletionsArgs) -> CmdResult {
    // Generate into memory: clap_complete panics on a write error such as a closed pipe,
    // and our own write reports it like every other command.
    let mut cmd = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "brag", &mut script);
    std::io::Write::write_all(&mut std::io::stdout().lock(), &script)?;
    Ok(())
}
