//! `brag import FILE...`: bring entries in from other documents.

use std::io::{Read as _, Write as _};
use std::path::Path;

use brag_core::framework::Catalogue;
use brag_core::import::{self, Format, Import, Options, SectionNames};
use serde::Serialize;

use super::{Env, print_json};
use crate::cli::ImportArgs;
use crate::error::{CmdResult, CommandError};
use crate::ui::{self, BOLD, DIM};

/// One document read: where from, and what it gave.
struct Read {
    name: String,
    import: Import,
}

/// `--json` of a real import.
#[derive(Serialize)]
struct Written<'a> {
    file: &'a str,
    format: Format,
    added: &'a [brag_core::Entry],
    present: usize,
    warnings: &'a [import::Warning],
}

/// Reads every document, then shows (`--dry-run`) or writes what they hold.
pub fn cmd_import(env: &Env, args: ImportArgs) -> CmdResult {
    let format = match args.format.trim() {
        "" | "auto" => None,
        f => Some(
            f.parse::<Format>()
                .map_err(|e| CommandError::usage(format!("--format: {e}")))?,
        ),
    };
    let date = args
        .date
        .as_deref()
        .map(|d| env.date("--date", d))
        .transpose()?;
    // A dry run needs no vault; a real one makes it when missing.
    let mut app = if args.dry_run {
        env.open().ok()
    } else {
        Some(env.open_or_init()?)
    };
    let (catalogue, sections) = match &app {
        Some(app) => {
            let config = app.config()?;
            let (names, unknown) = SectionNames::new(&config.import.sections);
            for u in unknown {
                ui::warn(format_args!(
                    "brag.toml: [import.sections] `{u}` is not a section (Situation, Task, Action, Result, Metrics, Lessons, Notes)"
                ));
            }
            (app.catalogue()?, names)
        }
        None => (
            Catalogue::new(
                brag_core::framework::builtin()
                    .iter()
                    .filter(|f| f.id == "amazon-lp")
                    .cloned()
                    .collect(),
            ),
            SectionNames::default(),
        ),
    };
    let opts = Options {
        catalogue: &catalogue,
        sections: &sections,
        date,
        today: env.today,
    };

    // Read and parse every document before writing anything: bad input changes nothing.
    let mut reads = Vec::new();
    for path in &args.files {
        let (name, text) = read_document(path)?;
        let fmt = format.unwrap_or_else(|| import::detect(&text));
        let import = import::import(&text, fmt, &opts).map_err(|e| {
            CommandError::failure(match e.line {
                Some(line) => format!("{name}:{line}: {}", e.message),
                None => format!("{name}: {}", e.message),
            })
        })?;
        reads.push(Read { name, import });
    }

    if args.dry_run {
        return show_dry_run(&reads, args.out.json);
    }
    let Some(app) = app.as_mut() else {
        return Err(CommandError::failure("no vault to import into"));
    };
    let mut json_rows = Vec::new();
    let mut out = ui::stdout();
    for r in &reads {
        let summary = app.import(r.import.entries.clone())?;
        if let Some(e) = &summary.stale_index {
            super::warn_stale(e);
        }
        if args.out.json {
            json_rows.push(serde_json::to_value(Written {
                file: &r.name,
                format: r.import.format,
                added: &summary.added,
                present: summary.present,
                warnings: &r.import.warnings,
            })?);
            continue;
        }
        print_warnings(&r.name, &r.import.warnings);
        writeln!(
            out,
            "{}: {} new, {} already present, {} warning{} [{}]",
            r.name,
            summary.added.len(),
            summary.present,
            r.import.warnings.len(),
            if r.import.warnings.len() == 1 {
                ""
            } else {
                "s"
            },
            r.import.format
        )?;
    }
    out.flush()?;
    drop(out);
    if args.out.json {
        if json_rows.len() == 1 {
            return print_json(&json_rows[0]);
        }
        return print_json(&json_rows);
    }
    Ok(())
}

fn show_dry_run(reads: &[Read], json: bool) -> CmdResult {
    if json {
        if let [one] = reads {
            return print_json(&one.import);
        }
        let rows: Vec<serde_json::Value> = reads
            .iter()
            .map(|r| {
                let mut v = serde_json::to_value(&r.import).unwrap_or_default();
                if let Some(o) = v.as_object_mut() {
                    o.insert("file".into(), r.name.clone().into());
                }
                v
            })
            .collect();
        return print_json(&rows);
    }
    let mut out = ui::stdout();
    for r in reads {
        writeln!(
            out,
            "{BOLD}{}{BOLD:#} [{}]: {} entries would be written, {} warnings",
            r.name,
            r.import.format,
            r.import.entries.len(),
            r.import.warnings.len()
        )?;
        writeln!(
            out,
            "{DIM}{:>9}  {:<8} {:<11} {:<4} {:>3} {:>3}  title{DIM:#}",
            "lines", "kind", "date", "STAR", "met", "lnk"
        )?;
        for i in &r.import.entries {
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
            let mut title = brag_core::text::truncate_words(&e.title, 60);
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
        print_warnings(&r.name, &r.import.warnings);
    }
    writeln!(out, "{DIM}Nothing was written (--dry-run).{DIM:#}")?;
    out.flush()?;
    Ok(())
}

/// Prints the warnings of a document, each cut to about a line of a terminal: a dropped
/// line of a megabyte is named, not printed (`--json` has the whole text).
fn print_warnings(name: &str, warnings: &[import::Warning]) {
    for w in warnings {
        ui::warn(format_args!(
            "{name}:{}: {}",
            w.line,
            brag_core::text::shorten_quoted(&w.message, WARNING_CHARS)
        ));
    }
}

/// About how many characters of a warning the terminal shows.
const WARNING_CHARS: usize = 120;

/// Returns a document's display name and text; refuses what is not UTF-8 text.
fn read_document(path: &Path) -> CmdResult<(String, String)> {
    let (name, bytes) = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(import::MAX_BYTES as u64 + 1)
            .read_to_end(&mut buf)?;
        ("<stdin>".to_owned(), buf)
    } else {
        let name = path.display().to_string();
        let meta =
            std::fs::metadata(path).map_err(|e| CommandError::failure(format!("{name}: {e}")))?;
        if meta.is_dir() {
            return Err(CommandError::failure(format!(
                "{name}: is a directory, not a document"
            )));
        }
        if meta.len() > import::MAX_BYTES as u64 {
            return Err(too_big(&name, meta.len()));
        }
        let bytes =
            std::fs::read(path).map_err(|e| CommandError::failure(format!("{name}: {e}")))?;
        (name, bytes)
    };
    if bytes.len() > import::MAX_BYTES {
        return Err(too_big(&name, bytes.len() as u64));
    }
    let bytes = match bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        Some(b) => b.to_vec(),
        None => bytes,
    };
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(
            CommandError::failure(format!("{name}: the file is UTF-16 text")).hint(format!(
                "convert it first: iconv -f UTF-16 -t UTF-8 {name} > converted.txt"
            )),
        );
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text)),
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            if bytes[..pos.min(bytes.len())].contains(&0)
                || bytes.iter().take(8192).any(|b| *b == 0)
            {
                return Err(CommandError::failure(format!(
                    "{name}: this looks like a binary file, not a text document"
                )));
            }
            let line = bytes[..pos].iter().filter(|b| **b == b'\n').count() + 1;
            Err(CommandError::failure(format!("{name}:{line}: not valid UTF-8 text"))
                .hint(format!("if it is Latin-1, convert it: iconv -f latin1 -t utf-8 {name} > converted.txt")))
        }
    }
}

fn too_big(name: &str, len: u64) -> CommandError {
    CommandError::failure(format!(
        "{name}: the file is {} MB; brag imports documents up to {} MB",
        len >> 20,
        import::MAX_BYTES >> 20
    ))
    .hint("split it into smaller documents and import them one by one")
}
