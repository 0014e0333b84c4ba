//! `brag mcp`: the MCP server on stdio, for the user's AI assistant.

use std::io::{IsTerminal as _, Write as _};

use brag_mcp::Client;
use clap::Args;

use super::Env;
use crate::error::{CmdResult, CommandError};
use crate::ui;

/// Arguments of `brag mcp`.
#[derive(Debug, Args)]
pub struct McpArgs {
    /// Offer the read tools alone (search, list, show, ask, coach, coverage, report): the
    /// assistant cannot write to the vault.
    #[arg(long)]
    pub read_only: bool,
    /// Print the JSON block that starts `brag mcp` in this client (claude, cursor or
    /// vscode), with this binary's and the vault's absolute paths, and exit.
    #[arg(long, value_name = "CLIENT", value_parser = parse_client)]
    pub print_config: Option<Client>,
}

fn parse_client(s: &str) -> Result<Client, String> {
    s.parse()
}

/// Serves MCP on stdin and stdout until the client hangs up, or prints a client's
/// configuration.
pub fn cmd_mcp(env: &Env, args: McpArgs) -> CmdResult {
    if let Some(client) = args.print_config {
        return print_config(env, client, args.read_only);
    }
    let app = env.open()?;
    if std::io::stdin().is_terminal() {
        // A person ran it by hand: stdout is the protocol's, so this goes to stderr.
        eprintln!(
            "brag mcp: serving {} over MCP on stdin/stdout, for an AI assistant's client to \
             start. To set one up: brag mcp --print-config claude|cursor|vscode. Ctrl-D stops.",
            env.vault.display()
        );
    }
    let opts = brag_mcp::McpOptions {
        read_only: args.read_only,
    };
    brag_mcp::serve_stdio(app, opts).map_err(|e| {
        CommandError::failure(e).hint("the client must speak MCP on brag's stdin and stdout")
    })
}

/// Prints the client's JSON block on stdout, and where it goes on stderr.
fn print_config(env: &Env, client: Client, read_only: bool) -> CmdResult {
    let exe = std::env::current_exe()
        .and_then(|p| p.canonicalize())
        .map_err(|e| CommandError::failure(format!("cannot tell where brag is: {e}")))?;
    let vault = std::path::absolute(&env.vault)?;
    let block = brag_mcp::client_config(client, &exe, &vault, read_only);
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &block)?;
    writeln!(out)?;
    out.flush()?;
    ui::note(format_args!("Add this to {}.", client.config_file()));
    if !vault.join("brag.toml").is_file() {
        ui::warn(format_args!(
            "there is no vault at {} yet: make it with `brag init {}`",
            vault.display(),
            vault.display()
        ));
    }
    Ok(())
}
