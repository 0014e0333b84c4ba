//! `brag show ID`: one entry, readable, as JSON, or raw.

use std::io::Write as _;

use brag_core::file;

use super::{Env, print_json};
use crate::cli::ShowArgs;
use crate::error::CmdResult;
use crate::ui::{self, BOLD, DIM, TAG};

/// Prints one entry.
pub fn cmd_show(env: &Env, args: ShowArgs) -> CmdResult {
    let app = env.open_synced()?;
    let id = app.resolve(&args.id)?;
    let (entry, raw) = app.load(&id)?;
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
