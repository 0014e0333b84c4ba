//! `brag search QUERY`: ranked full-text search with highlighted snippets.

use std::io::Write as _;

use serde::Serialize;

use super::{Env, print_json};
use crate::cli::SearchArgs;
use crate::error::{CmdResult, CommandError};
use crate::ui::{self, DIM};

/// One search result in `--json`: the Entry JSON plus `score`, `snippet` and `matches`.
#[derive(Serialize)]
struct JsonHit<'a> {
    #[serde(flatten)]
    entry: &'a brag_core::Entry,
    /// Relevance, higher is better (BM25, title weighted over body); 0 for entries found
    /// by exclusions alone.
    score: f64,
    /// A short extract around the best match, on one line (the start of the text for
    /// entries found by exclusions alone).
    snippet: String,
    /// The words that matched, lowercased.
    matches: Vec<String>,
}

/// Prints the entries that best match the query.
pub fn cmd_search(env: &Env, args: SearchArgs) -> CmdResult {
    let query = args.query.join(" ");
    // A pasted page of text is not echoed back whole.
    let shown = brag_core::text::truncate_words(&query, 80);
    let empty = || CommandError::usage(format!("nothing to search for in `{shown}`: give a word"));
    // Parsed here only to say what the bound leaves out; the index parses it again.
    let parsed = brag_index::fts_query(&query).ok_or_else(empty)?;
    if parsed.ignored > 0 {
        ui::warn(format_args!(
            "the query has more than {max} different terms: searching for the first {max}, \
             ignoring {} more",
            parsed.ignored,
            max = brag_index::MAX_TERMS
        ));
    }
    let mut filter = env.filter(&args.filter)?;
    let app = env.open_synced()?;
    super::resolve_filter(&app, &mut filter)?;
    let hits = app
        .search(&query, &filter, args.limit)
        .map_err(|e| match e {
            brag_app::AppError::Index(brag_index::IndexError::EmptyQuery) => empty(),
            e => e.into(),
        })?;
    if args.out.json {
        let rows: Vec<JsonHit> = hits
            .iter()
            .map(|h| {
                let (snippet, matches) = ui::plain_snippet(&h.snippet);
                JsonHit {
                    entry: &h.entry,
                    score: h.score,
                    snippet,
                    matches,
                }
            })
            .collect();
        return print_json(&rows);
    }
    if hits.is_empty() {
        ui::note(format_args!("No entries match `{shown}`."));
        return Ok(());
    }
    let mut out = ui::stdout();
    for h in &hits {
        ui::entry_line(&mut out, &h.entry)?;
        let snippet = ui::styled_snippet(&h.snippet);
        if !snippet.trim().is_empty() {
            writeln!(out, "    {DIM}│{DIM:#} {}", snippet.trim())?;
        }
    }
    out.flush()?;
    Ok(())
}
