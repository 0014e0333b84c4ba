//! `brag list`: entries, newest first.

use std::io::Write as _;

use clap::Args;

use super::{Env, print_json};
use crate::cli::{FilterArgs, JsonArgs};
use crate::error::CmdResult;
use crate::ui;

/// Arguments of `brag list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Show at most this many entries (at least 1).
    #[arg(long, short = 'n', value_name = "N", value_parser = crate::cli::at_least_one)]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub out: JsonArgs,
}

/// Prints the entries the filters select.
pub fn cmd_list(env: &Env, args: ListArgs) -> CmdResult {
    let filter = env.filter(&args.filter)?;
    let app = env.open()?;
    if args.out.json {
        let entries = app.list(&filter, args.limit)?;
        super::warn_problems(&app)?;
        return print_json(&entries);
    }
    let entries = app.list_brief(&filter, args.limit)?;
    super::warn_problems(&app)?;
    if entries.is_empty() {
        ui::note(if filter.is_empty() {
            "No entries yet: record one with `brag add \"what you did\"`."
        } else {
            "No entries match."
        });
        return Ok(());
    }
    let mut out = ui::stdout();
    for e in &entries {
        ui::entry_line(&mut out, e)?;
    }
    out.flush()?;
    Ok(())
}
