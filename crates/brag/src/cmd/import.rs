//! `brag import FILE...`: bring entries in from other documents.

use std::io::Write as _;
use std::path::PathBuf;

use brag_app::{Document, ImportContext, ImportOptions, Planned, Warning, read_folder};
use clap::Args;

use super::{Env, print_json};
use crate::cli::JsonArgs;
use crate::error::CmdResult;
use crate::ui::{self, BOLD, DIM};

/// Arguments of `brag import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The documents to import: files, folders (every document in them, their folders
    /// included, in name order), or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub files: Vec<PathBuf>,
    /// The format: auto, star-text, markdown, talk-notes, jrnl, csv, log, org or rst.
    #[arg(long, short = 'f', default_value = "auto", value_name = "FORMAT")]
    pub format: String,
    /// Show what would be written, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// A stand-in date for entries whose source gives none; they stay marked undated, so
    /// `brag coach` still asks for the real one (default: today).
    #[arg(long, short = 'd', value_name = "DATE")]
    pub date: Option<String>,
    #[command(flatten)]
    pub out: JsonArgs,
}

/// Reads every document, then shows (`--dry-run`) or writes what they hold.
pub fn cmd_import(env: &Env, args: ImportArgs) -> CmdResult {
    let opts = ImportOptions::parse(&args.format, args.date.as_deref(), env.today())?;
    // A dry run needs no vault; a real one makes it when missing.
    let app = if args.dry_run {
        env.open().ok()
    } else {
        Some(env.open_or_init()?)
    };
    let context = match &app {
        Some(app) => app.import_context()?,
        None => ImportContext::standalone(env.today()),
    };
    for w in &context.config_warnings {
        ui::warn(w);
    }
    // Read and parse every document before writing anything: bad input changes nothing.
    let mut docs = Vec::new();
    let mut folders = false;
    for path in &args.files {
        if path != std::path::Path::new("-") && path.is_dir() {
            folders = true;
            let (found, passed) = read_folder(path)?;
            for p in &passed {
                ui::note(format_args!("passed over {p}"));
            }
            docs.extend(found);
        } else {
            docs.push(Document::read(path)?);
        }
    }
    // One object for one file; a list, one object per file, for several or a folder.
    let list = folders || docs.len() != 1;
    let planned = context.plan(docs, &opts)?;
    let Some(app) = app.filter(|_| !args.dry_run) else {
        let shown = show_dry_run(&planned, args.out.json, list);
        // The process ends here: freeing a big document's entries one by one took a tenth
        // of its dry run.
        std::mem::forget(planned);
        return shown;
    };
    let outcomes = app.import_planned(planned)?;
    if args.out.json {
        if let [one] = outcomes.as_slice()
            && !list
        {
            return print_json(one);
        }
        return print_json(&outcomes);
    }
    let mut out = ui::stdout();
    for o in &outcomes {
        if let Some(e) = &o.stale_index {
            super::warn_stale(e);
        }
        print_warnings(&o.file, &o.warnings);
        writeln!(
            out,
            "{}: {} new, {} already present, {} warning{} [{}]",
            o.file,
            o.added.len(),
            o.present,
            o.warnings.len(),
            if o.warnings.len() == 1 { "" } else { "s" },
            o.format
        )?;
    }
    out.flush()?;
    Ok(())
}

fn show_dry_run(planned: &[Planned], json: bool, list: bool) -> CmdResult {
    if json {
        if let [one] = planned
            && !list
        {
            return print_json(&one.import);
        }
        return print_json(&planned);
    }
    let mut out = ui::stdout();
    for p in planned {
        let r = &p.import;
        writeln!(
            out,
            "{BOLD}{}{BOLD:#} [{}]: {} entries would be written, {} warnings",
            p.file,
            r.format,
            r.entries.len(),
            r.warnings.len()
        )?;
        writeln!(
            out,
            "{DIM}{:>9}  {:<8} {:<11} {:<4} {:>3} {:>3}  title{DIM:#}",
            "lines", "kind", "date", "STAR", "met", "lnk"
        )?;
        for i in &r.entries {
            let e = &i.entry;
            let star: String = [
                (&e.situation, 'S'),
                (&e.task, 'T'),
                (&e.action, 'A'),
                (&e.result, 'R'),
            ]
            .iter()
            .map(|(t, c)| if t.trim().is_empty() { '·' } else { *c })
            .collect();
            let mut title = brag_app::text::truncate_words(&e.title, 60);
            if !e.competencies.is_empty() {
                title.push_str(&format!("  [{}]", e.competencies.join(", ")));
            }
            writeln!(
                out,
                "{:>9}  {:<8} {:<11} {:<4} {:>3} {:>3}  {}",
                format!("{}-{}", i.source_lines.0, i.source_lines.1),
                e.kind.as_str(),
                ui::date_col(e),
                star,
                e.metrics.len(),
                e.links.len(),
                title
            )?;
        }
        out.flush()?;
        print_warnings(&p.file, &r.warnings);
    }
    writeln!(out, "{DIM}Nothing was written (--dry-run).{DIM:#}")?;
    out.flush()?;
    Ok(())
}

/// Prints the warnings of a document, each cut to about a line of a terminal: a dropped
/// line of a megabyte is named, not printed (`--json` has the whole text).
fn print_warnings(name: &str, warnings: &[Warning]) {
    for w in warnings {
        ui::warn(format_args!(
            "{name}:{}: {}",
            w.line,
            brag_app::text::shorten_quoted(&w.message, WARNING_CHARS)
        ));
    }
}

/// About how many characters of a warning the terminal shows.
const WARNING_CHARS: usize = 120;
