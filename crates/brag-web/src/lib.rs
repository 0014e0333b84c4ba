//! brag's web UI: `brag serve`, the record in a browser on this machine.
//!
//! Pages are HTML rendered on the server by askama templates (`templates/web/`), which
//! escape every string that comes from the user. A stylesheet and a small script are the
//! only assets, embedded in the binary; there is no front-end build and no CDN. Every
//! page calls the same [`brag_app`] use cases as the CLI, on blocking threads: the files,
//! the lock and the index are the CLI's.
//!
//! What keeps it safe on a laptop (`guard.rs`):
//! - it listens on 127.0.0.1 unless told otherwise;
//! - a request whose `Host` is not the bound address (or `localhost`) and port gets 403,
//!   against DNS rebinding;
//! - every POST carries a token (an HMAC under a secret made at start) or gets 403;
//! - bodies are bounded; a Content-Security-Policy allows no inline script or style.
//!
//! What keeps it fast: a watcher of the vault ([`brag_app::watch`]) tells the app which files
//! changed, so a request does not stat every file; without one, each request walks.

mod guard;
mod pages;
mod routes;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use brag_app::App;

pub use guard::BODY_LIMIT;

/// Returned when the server cannot start or stops on an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound (taken, or not this machine's).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The runtime or the connection loop failed.
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
    /// No secret could be drawn for the forms' tokens.
    #[error("cannot make a secret for the forms' tokens: {0}")]
    Secret(String),
}

/// Returns where to listen.
#[derive(Clone, Copy, Debug)]
pub struct ServeOptions {
    /// The address (127.0.0.1 unless `--bind`).
    pub bind: IpAddr,
    /// The port; 0 lets the system choose.
    pub port: u16,
}

/// The state every request shares: the app and the server's secrets.
pub(crate) struct Web {
    pub(crate) app: Arc<App>,
    pub(crate) guard: guard::Guard,
}

/// Serves the web UI until the process ends. `ready` is called with the address once the
/// server listens (the CLI prints it; tests read it).
pub fn serve(
    app: App,
    opts: ServeOptions,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()?;
    rt.block_on(async move {
        let wanted = SocketAddr::new(opts.bind, opts.port);
        let listener = tokio::net::TcpListener::bind(wanted)
            .await
            .map_err(|source| ServeError::Bind {
                addr: wanted,
                source,
            })?;
        let addr = listener.local_addr()?;
        let app = Arc::new(app);
        // Kept alive as long as the server: dropping it stops the watching.
        let _watcher = brag_app::watch(&app)
            .inspect_err(|e| {
                eprintln!("brag serve: cannot watch the vault ({e}); every page will read it");
            })
            .ok();
        let web = Arc::new(Web {
            app,
            guard: guard::Guard::new(addr)?,
        });
        ready(addr);
        axum::serve(listener, routes::router(web)).await?;
        Ok(())
    })
}
