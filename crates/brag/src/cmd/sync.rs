//! `brag sync`: commit the vault's changes, pull with rebase, push; with the user's own
//! `git`, so their credentials, keys and hooks apply.

use std::io::Write as _;

use brag_app::Shared;

use super::{Env, print_json};
use crate::cli::JsonArgs;
use crate::error::CmdResult;
use crate::ui::{self, DIM, WARN};

/// Syncs the vault with its git remote and says what moved.
pub fn cmd_sync(env: &Env, args: JsonArgs) -> CmdResult {
    let app = env.open()?;
    let shared = app.share()?;
    if args.json {
        return print_json(&shared);
    }
    print_shared(&shared)
}

fn print_shared(s: &Shared) -> CmdResult {
    let mut out = ui::stdout();
    let there = format!("{}/{}", s.remote, s.branch);
    if s.ignored_state {
        writeln!(
            out,
            "{DIM}added `.brag/` to .gitignore: the index is this machine's own{DIM:#}"
        )?;
    }
    let c = &s.committed;
    if !c.is_empty() {
        writeln!(out, "Committed {}", counts(c))?;
    }
    if !s.pulled.is_empty() {
        writeln!(out, "Pulled {} from {there}", counts(&s.pulled))?;
    }
    if !s.conflicts.is_empty() {
        let n = s.conflicts.len();
        writeln!(
            out,
            "{WARN}{n} entr{} changed on both sides; both versions kept:{WARN:#}",
            ui::plural(n, "y", "ies")
        )?;
        for k in &s.conflicts {
            match &k.copy {
                Some(copy) => writeln!(out, "  {}  (the other side's: {copy})", k.path)?,
                None => writeln!(
                    out,
                    "  {}  (removed on one side, changed on the other: the change is kept)",
                    k.path
                )?,
            }
        }
        writeln!(
            out,
            "  merge each pair into one and delete the other; `brag doctor` lists them until then"
        )?;
    }
    if s.pushed {
        writeln!(out, "Pushed to {there}")?;
    } else if c.is_empty() && s.pulled.is_empty() {
        writeln!(out, "Already in sync with {there}")?;
    }
    out.flush()?;
    Ok(())
}

/// Returns "3 files (1 added, 2 changed)".
fn counts(c: &brag_app::Changes) -> String {
    let n = c.len();
    format!("{n} file{} ({})", ui::plural(n, "", "s"), c.counts())
}
