//! `brag add TEXT`: a new entry from one line.

use std::io::Write as _;

use brag_core::prose::{entry_from_line as from_line, push_label};
use brag_core::{Entry, Link};

use super::{Env, parse_kind, print_json};
use crate::cli::AddArgs;
use crate::error::{CmdResult, CommandError};

/// Records a new entry from the text and flags.
pub fn cmd_add(env: &Env, args: AddArgs) -> CmdResult {
    let text = args.text.join(" ");
    let text = text.trim();
    if text.is_empty() {
        return Err(CommandError::usage("the text is empty: say what you did"));
    }
    let mut entry = entry_from_line(env, text, &args)?;
    let mut app = env.open_or_init()?;
    if !args.competencies.is_empty() {
        let catalogue = app.catalogue()?;
        for written in &args.competencies {
            match resolve_competency(&catalogue, written) {
                Some(id) => push_label(&mut entry.competencies, &id),
                None => {
                    crate::ui::warn(format_args!(
                        "`{written}` is no competency of {}: kept as a tag",
                        catalogue
                            .frameworks()
                            .iter()
                            .map(|f| f.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                    push_label(&mut entry.tags, written);
                }
            }
        }
    }
    let entry = super::written(app.add(entry)?);
    if args.out.json {
        return print_json(&entry);
    }
    let mut out = crate::ui::stdout();
    writeln!(out, "Added {} ({})", entry.id, entry.path)?;
    out.flush()?;
    Ok(())
}

/// Returns the entry the line makes with the flags: core's builder, which importers share.
fn entry_from_line(env: &Env, text: &str, args: &AddArgs) -> CmdResult<Entry> {
    let mut entry = Entry {
        kind: parse_kind(&args.kind)?,
        title: args.title.clone().unwrap_or_default(),
        project: args.project.clone().filter(|p| !p.trim().is_empty()),
        tags: args.tags.clone(),
        links: args.links.iter().map(|url| Link::new(url)).collect(),
        ..Entry::default()
    };
    if let Some(d) = &args.date {
        entry.date = Some(env.date("--date", d)?);
    }
    Ok(from_line(text, entry))
}

/// Returns the competency id a written name stands for: an id as it is, or a name or
/// alias of an active framework, typos tolerated; `None` when nothing matches well.
pub fn resolve_competency(
    catalogue: &brag_core::framework::Catalogue,
    written: &str,
) -> Option<String> {
    let w = written.trim();
    if catalogue.competency(w).is_some() {
        return Some(w.to_owned());
    }
    catalogue.match_name(w).map(|m| m.id)
}
