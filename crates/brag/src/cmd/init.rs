//! `brag init [DIR]`: make a vault.

use std::io::Write as _;
use std::path::PathBuf;

use brag_app::App;
use clap::Args;

use super::Env;
use crate::error::CmdResult;

/// Arguments of `brag init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to make the vault (default: --vault, $BRAG_VAULT, or ~/.local/share/brag).
    pub dir: Option<PathBuf>,
    /// Make the vault a git repository too, for `brag sync` (a vault already in one uses
    /// it as it is).
    #[arg(long)]
    pub git: bool,
}

/// Makes a vault at DIR (or the resolved vault); changes nothing where one exists.
pub fn cmd_init(env: &Env, args: InitArgs) -> CmdResult {
    let dir = args.dir.clone().unwrap_or_else(|| env.vault.clone());
    let existed = App::open(&dir, env.clock).is_ok();
    App::init(&dir, env.clock)?;
    let mut out = crate::ui::stdout();
    if existed {
        writeln!(out, "Vault already at {} (nothing changed)", dir.display())?;
    } else {
        writeln!(out, "Made a vault at {}", dir.display())?;
        if env.vault != dir {
            writeln!(
                out,
                "Use it with --vault {0} or: export BRAG_VAULT={0}",
                dir.display()
            )?;
        }
    }
    if args.git {
        if brag_app::git_init(&dir)? {
            writeln!(
                out,
                "Made it a git repository; add a remote with `git -C {} remote add origin URL`, then `brag sync`",
                dir.display()
            )?;
        } else {
            writeln!(out, "Already in a git repository (used as it is)")?;
        }
    }
    out.flush()?;
    Ok(())
}
