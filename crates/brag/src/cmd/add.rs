//! `brag add TEXT`: a new entry from one line.

use std::io::Write as _;

use brag_core::text::{recognise, truncate_words};
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
                Some(id) => push_unique(&mut entry.competencies, &id),
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
                    push_unique(&mut entry.tags, written);
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

fn entry_from_line(env: &Env, text: &str, args: &AddArgs) -> CmdResult<Entry> {
    let found = recognise(text);
    let mut entry = Entry {
        kind: parse_kind(&args.kind)?,
        title: match &args.title {
            Some(t) => t.trim().to_owned(),
            None => truncate_words(&found.plain, 80),
        },
        text: text.to_owned(),
        project: args.project.clone().filter(|p| !p.trim().is_empty()),
        ..Entry::default()
    };
    if entry.title.is_empty() {
        entry.title = truncate_words(text, 80);
    }
    if let Some(d) = &args.date {
        entry.date = Some(env.date("--date", d)?);
    }
    for t in args.tags.iter().chain(&found.tags) {
        push_unique(&mut entry.tags, t);
    }
    for p in &found.people {
        push_unique(&mut entry.people, p);
    }
    for url in args.links.iter().chain(&found.urls) {
        if !entry.links.iter().any(|l| &l.url == url) {
            entry.links.push(Link::new(url));
        }
    }
    Ok(entry)
}

/// Adds a label once, without its `#`/`@` marker, whatever its case.
fn push_unique(list: &mut Vec<String>, v: &str) {
    let v = v.trim().trim_start_matches(['#', '@']).to_owned();
    if !v.is_empty() && !list.iter().any(|x| x.eq_ignore_ascii_case(&v)) {
        list.push(v);
    }
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
