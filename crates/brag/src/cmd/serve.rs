//! `brag serve`: the web UI on this machine.

use std::io::Write as _;
use std::net::{IpAddr, Ipv4Addr};

use clap::Args;

use super::Env;
use crate::error::{CmdResult, CommandError};

/// The port `brag serve` listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 4711;

/// Arguments of `brag serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port to listen on; 0 picks a free one.
    #[arg(long, short = 'p', default_value_t = DEFAULT_PORT, value_name = "PORT")]
    pub port: u16,
    /// The address to listen on. Anything but 127.0.0.1 lets other machines in: the
    /// record is yours, mind who can reach it.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST), value_name = "ADDR")]
    pub bind: IpAddr,
    /// Open the timeline in the default browser once the server listens.
    #[arg(long)]
    pub open: bool,
}

/// Serves the web UI until the process is stopped.
pub fn cmd_serve(env: &Env, args: ServeArgs) -> CmdResult {
    let app = env.open()?;
    let opts = brag_web::ServeOptions {
        bind: args.bind,
        port: args.port,
    };
    let open = args.open;
    brag_web::serve(app, opts, |addr| {
        let host = if addr.ip().is_unspecified() {
            "127.0.0.1".to_owned()
        } else if addr.is_ipv6() {
            format!("[{}]", addr.ip())
        } else {
            addr.ip().to_string()
        };
        let url = format!("http://{host}:{}/", addr.port());
        let mut out = std::io::stdout().lock();
        // Tests and scripts read this line for the address: it comes first, whole.
        let _ = writeln!(out, "brag serve: listening on {url} (Ctrl-C to stop)");
        let _ = out.flush();
        if open {
            open_browser(&url);
        }
    })
    .map_err(|e| {
        let hint = match &e {
            brag_web::ServeError::Bind { .. } => "pass another --port, or 0 for any free one",
            _ => "run it again; if it keeps failing, run `brag doctor`",
        };
        CommandError::failure(e).hint(hint)
    })
}

/// Starts the system's browser on a URL; says so when there is none.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let started = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if started.is_err() {
        eprintln!("brag serve: no browser to open ({opener} failed): open {url} yourself");
    }
}
