//! `brag show ID`: one entry, readable, as JSON, or raw.

use std::io::Write as _;

use brag_app::file;
use clap::Args;

use super::{Env, print_json};
use crate::cli::JsonArgs;
use crate::error::CmdResult;
use crate::ui::{self, BOLD, DIM, TAG};

/// Arguments of `brag show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The entry's id (its file name without `.md`), or a part of it that starts a word of
    /// just one id (`budget`, `2025-03-14`).
    #[arg(value_name = "ID")]
    pub id: String,
    /// Print the file exactly as it is on disk.
    #[arg(long, conflicts_with = "json")]
    pub raw: bool,
    #[command(flatten)]
    pub out: JsonArgs,
}

/// Prints one entry.
pub fn cmd_show(env: &Env, args: ShowArgs) -> CmdResult {
    let app = env.open()?;
    let shown = app.show(&args.id)?;
    super::warn_problems(&app)?;
    let (entry, raw) = (shown.entry, shown.raw);
    if args.out.json {
        return print_json(&entry);
    }
    let mut out = ui::stdout();
    if args.raw {
        out.write_all(raw.as_bytes())?;
        out.flush()?;
        return Ok(());
    }
    writeln!(out, "{BOLD}{}{BOLD:#}", entry.title)?;
    write!(out, "{DIM}{} · {}", ui::date_col(&entry), entry.kind)?;
    if let Some(p) = &entry.project {
        write!(out, " · {p}")?;
    }
    writeln!(out, " · {}{DIM:#}", entry.id)?;
    if !entry.tags.is_empty() {
        let tags: Vec<String> = entry.tags.iter().map(|t| format!("#{t}")).collect();
        writeln!(out, "{TAG}{}{TAG:#}", tags.join(" "))?;
    }
    if !entry.competencies.is_empty() {
        writeln!(out, "competencies: {}", entry.competencies.join(", "))?;
    }
    if !entry.people.is_empty() {
        let people: Vec<String> = entry.people.iter().map(|p| format!("@{p}")).collect();
        writeln!(out, "people: {}", people.join(" "))?;
    }
    if !entry.links.is_empty() {
        writeln!(out, "links:")?;
        for l in &entry.links {
            writeln!(out, "  {} {DIM}{}{DIM:#}", l.label, l.url)?;
        }
    }
    // The body as the author wrote it: their headings, names and layout.
    let body = file::body(&raw);
    if !body.starts_with('\n') {
        writeln!(out)?;
    }
    for line in body.lines() {
        if line.starts_with('#') {
            writeln!(out, "{BOLD}{line}{BOLD:#}")?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(())
}
