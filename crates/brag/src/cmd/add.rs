//! `brag add TEXT`: a new entry from one line.

use std::io::Write as _;

use brag_app::AddRequest;
use clap::Args;

use super::{Env, print_json};
use crate::cli::JsonArgs;
use crate::error::CmdResult;
use crate::ui;

/// Arguments of `brag add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// What you did, in a line. Several words are joined with spaces.
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
    /// When it happened: 2025-03-14, yesterday, last friday, 2 weeks ago... (default: today).
    #[arg(long, short = 'd', value_name = "DATE")]
    pub date: Option<String>,
    /// The kind of entry: win, story, learning, feedback or goal.
    #[arg(long, short = 'k', default_value = "win", value_name = "KIND")]
    pub kind: String,
    /// A title (default: made from the text).
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// A tag; repeat for more.
    #[arg(long = "tag", short = 't', value_name = "TAG")]
    pub tags: Vec<String>,
    /// A competency id such as dive-deep; repeat for more.
    #[arg(long = "competency", short = 'c', value_name = "COMPETENCY")]
    pub competencies: Vec<String>,
    /// An evidence link; repeat for more.
    #[arg(long = "link", short = 'l', value_name = "URL")]
    pub links: Vec<String>,
    /// The project it belongs to.
    #[arg(long, short = 'p', value_name = "PROJECT")]
    pub project: Option<String>,
    #[command(flatten)]
    pub out: JsonArgs,
}

/// Records a new entry from the text and flags.
pub fn cmd_add(env: &Env, args: AddArgs) -> CmdResult {
    // Checked before the vault is touched: a bad date or kind changes nothing.
    let line = AddRequest {
        text: args.text.join(" "),
        date: args.date,
        kind: Some(args.kind),
        title: args.title,
        tags: args.tags,
        competencies: args.competencies,
        links: args.links,
        project: args.project,
    }
    .build(env.today())?;
    let app = env.open_or_init()?;
    let added = app.add_line(line)?;
    for written in &added.unknown_competencies {
        ui::warn(format_args!(
            "`{written}` is no competency of {}: kept as a tag",
            added.frameworks.join(", ")
        ));
    }
    if let Some(e) = &added.stale_index {
        super::warn_stale(e);
    }
    let entry = added.entry;
    if args.out.json {
        return print_json(&entry);
    }
    let mut out = ui::stdout();
    writeln!(out, "Added {} ({})", entry.id, entry.path)?;
    out.flush()?;
    Ok(())
}
