//! `brag init [DIR]`: make a vault.

use std::io::Write as _;

use brag_app::App;

use super::Env;
use crate::cli::InitArgs;
use crate::error::CmdResult;

/// Makes a vault at DIR (or the resolved vault); changes nothing where one exists.
pub fn cmd_init(env: &Env, args: InitArgs) -> CmdResult {
    let dir = args.dir.unwrap_or_else(|| env.vault.clone());
    let existed = brag_vault::Vault::open(&dir).is_ok();
    App::init(&dir, env.today)?;
    let mut out = crate::ui::stdout();
    if existed {
        writeln!(out, "Vault already at {} (nothing changed)", dir.display())?;
    } else {
        writeln!(out, "Made a vault at {}", dir.display())?;
        if args_dir_differs(env, &dir) {
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

fn args_dir_differs(env: &Env, dir: &std::path::Path) -> bool {
    env.vault != dir
}
