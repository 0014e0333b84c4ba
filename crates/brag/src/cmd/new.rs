//! `brag new`: write a new entry in $EDITOR from a template.

use std::io::Write as _;

use brag_core::file::{self, Section};
use brag_core::{Entry, Kind};

use super::{Env, parse_kind};
use crate::cli::NewArgs;
use crate::editor::Draft;
use crate::error::{CmdResult, CommandError};
use crate::ui;

/// Opens the editor on a template and writes what comes back as a new entry.
pub fn cmd_new(env: &Env, args: NewArgs) -> CmdResult {
    let kind = parse_kind(&args.kind)?;
    let date = match &args.date {
        Some(d) => env.date("--date", d)?,
        None => env.today,
    };
    let mut app = env.open_or_init()?;
    let template = template(kind, args.title.as_deref(), date);
    let dir = app.vault().state_dir()?.join("drafts");
    let (draft, text) = Draft::edit(
        &dir,
        "new-",
        &template,
        "your text is kept in {}; fix it and run `brag new` again, or copy it into the vault",
    )?;
    if text.trim().is_empty() || text == template {
        ui::note("Nothing written: the file was empty or unchanged.");
        return Ok(());
    }
    match app.create_from_text(&text) {
        Ok(entry) => {
            let entry = super::written(entry);
            let mut out = ui::stdout();
            writeln!(out, "Added {} ({})", entry.id, entry.path)?;
            out.flush()?;
            Ok(())
        }
        Err(e) => Err(draft.keep(CommandError::from(e))),
    }
}

/// Returns the text the editor starts with.
pub fn template(kind: Kind, title: Option<&str>, date: jiff::civil::Date) -> String {
    let entry = Entry {
        kind,
        date: Some(date),
        title: title.unwrap_or_default().to_owned(),
        ..Entry::default()
    };
    let mut out = String::from("---\n");
    let front = file::render_front_matter(&entry);
    for line in front.lines() {
        if title.is_none() && line.starts_with("title:") {
            out.push_str("title:\n");
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str("tags: []\ncompetencies: []\n---\n\n");
    if kind == Kind::Story {
        for s in [
            Section::Situation,
            Section::Task,
            Section::Action,
            Section::Result,
            Section::Metrics,
            Section::Competencies,
        ] {
            out.push_str(&format!("## {}\n\n", s.heading()));
        }
    }
    out
}
