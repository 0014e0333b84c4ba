//! `brag search QUERY`: ranked full-text search with highlighted snippets.

use std::io::Write as _;

use brag_app::MAX_TERMS;
use clap::Args;

use super::{Env, print_json};
use crate::cli::{FilterArgs, JsonArgs};
use crate::error::CmdResult;
use crate::ui::{self, DIM};

/// Arguments of `brag search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for: words, "phrases", prefix*, OR, NOT or -word (see above).
    /// Several arguments are joined with spaces.
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Show at most this many results (at least 1).
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N", value_parser = crate::cli::at_least_one)]
    pub limit: usize,
    /// Rank entries by how near they are in meaning to the query, not by its words.
    #[arg(long)]
    pub semantic: bool,
    #[command(flatten)]
    pub out: JsonArgs,
}

/// Prints the entries that best match the query.
pub fn cmd_search(env: &Env, args: SearchArgs) -> CmdResult {
    let query = args.query.join(" ");
    let filter = env.filter(&args.filter)?;
    let app = env.open()?;
    let found = if args.semantic {
        app.search_semantic(&query, &filter, args.limit)?
    } else {
        app.search(&query, &filter, args.limit)?
    };
    super::warn_problems(&app)?;
    if found.ignored_terms > 0 {
        ui::warn(format_args!(
            "the query has more than {MAX_TERMS} different terms: searching for the first {MAX_TERMS}, \
             ignoring {} more",
            found.ignored_terms,
        ));
    }
    if args.out.json {
        return print_json(&found.hits);
    }
    if found.hits.is_empty() {
        // A pasted page of text is not echoed back whole.
        let shown = brag_app::text::truncate_words(&query, 80);
        ui::note(format_args!("No entries match `{shown}`."));
        return Ok(());
    }
    let mut out = ui::stdout();
    for h in &found.hits {
        ui::entry_line(&mut out, &h.entry)?;
        let snippet = ui::styled_snippet(&h.snippet, &h.highlights);
        if !snippet.trim().is_empty() {
            writeln!(out, "    {DIM}│{DIM:#} {}", snippet.trim())?;
        }
    }
    out.flush()?;
    Ok(())
}
