//! brag's MCP server: `brag mcp`, the record open to the user's AI assistant.
//!
//! The Model Context Protocol, over stdio, on the official Rust SDK (rmcp). The assistant's
//! client starts `brag mcp` and talks JSON-RPC on its standard input and output; stdout
//! carries protocol messages alone, and anything for a person goes to stderr.
//!
//! - **Tools** (`tools.rs`): search, list, show, ask, coach, coverage, report, and the
//!   two writers add and save_story. Each is a thin call into [`brag_app`], on a blocking
//!   thread: the files, the lock, the atomic writes and the index are the CLI's.
//!   `--read-only` serves the readers alone.
//! - **Resources** (`server.rs`): every entry as `brag://entries/{id}` (its Markdown file),
//!   every active competency framework as `brag://frameworks/{id}`.
//! - **Prompts** (`prompts.rs`): star-from-notes, prepare-interview, review-draft; each
//!   carries what it needs from the record, so it works in a client that runs no tools.
//!
//! Bad input gets a JSON-RPC error whose message says what is wrong (`error.rs`), and
//! nothing is written. Nothing leaves the machine: the server answers its client only.

mod config;
mod error;
mod prompts;
mod server;
mod tools;

use std::sync::Arc;

use brag_app::App;
use rmcp::ServiceExt as _;

pub use config::{Client, client_config};
pub use server::Brag;

/// Returned when the server cannot start or its connection fails.
#[derive(Debug, thiserror::Error)]
pub enum McpError {
    /// The runtime could not start, or reading or writing stdio failed.
    #[error("the MCP server stopped: {0}")]
    Io(#[from] std::io::Error),
    /// The client's first messages were no MCP handshake.
    #[error("the MCP handshake failed: {0}")]
    Handshake(String),
}

/// Returns how the server runs.
#[derive(Clone, Copy, Debug, Default)]
pub struct McpOptions {
    /// Serve the read tools alone: no tool writes to the vault.
    pub read_only: bool,
}

/// Serves MCP on stdin and stdout until the client closes the connection.
pub fn serve_stdio(app: App, opts: McpOptions) -> Result<(), McpError> {
    // Time too: the service bounds its shutdown with a timeout.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let app = Arc::new(app);
        // Kept alive as long as the server: reads then look only at the files that changed.
        let _watcher = brag_app::watch(&app)
            .inspect_err(|e| {
                eprintln!("brag mcp: cannot watch the vault ({e}); every call will read it");
            })
            .ok();
        let service = Brag::new(app, opts)
            .serve(rmcp::transport::stdio())
            .await
            .map_err(|e| McpError::Handshake(e.to_string()))?;
        service
            .waiting()
            .await
            .map_err(|e| McpError::Io(std::io::Error::other(e)))?;
        Ok(())
    })
}
