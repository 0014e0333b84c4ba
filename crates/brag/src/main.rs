//! The `brag` binary: parse the command line, resolve options once, call `brag-app`, print.
//!
//! One file per command lives in `cmd/`; printing helpers in `ui.rs`; the one error type
//! with its exit codes in `error.rs`.

mod cli;
mod cmd;
mod editor;
mod error;
mod man;
mod ui;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::Cli;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with exit 0, usage errors with exit 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cmd::run(cli) {
        Ok(code) => code,
        Err(e) => e.report(),
    }
}
