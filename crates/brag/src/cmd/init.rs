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
}

/// Makes a vault at DIR (or the resolved vault); changes nothing where one exists.
pub fn cmd_init(env: &Env, args: InitArgs) -> CmdResult {
    let dir = args.dir.unwrap_or_else(|| env.vault.clone());
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
    out.flush()?;
    Ok(())
}
