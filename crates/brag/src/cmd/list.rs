//! `brag list`: entries, newest first.

use std::io::Write as _;

use super::{Env, print_json};
use crate::cli::ListArgs;
use crate::error::CmdResult;
use crate::ui;

/// Prints the entries the filters select.
pub fn cmd_list(env: &Env, args: ListArgs) -> CmdResult {
    let mut filter = env.filter(&args.filter)?;
    let app = env.open_synced()?;
    super::resolve_filter(&app, &mut filter)?;
    if args.out.json {
        return print_json(&app.list(&filter, args.limit)?);
    }
    let entries = app.list_brief(&filter, args.limit)?;
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
