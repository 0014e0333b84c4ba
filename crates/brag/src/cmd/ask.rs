//! `brag ask QUESTION`: the stories that best answer an interview question.

use std::io::Write as _;

use serde::Serialize;

use super::{Env, print_json};
use crate::cli::AskArgs;
use crate::error::{CmdResult, CommandError};
use crate::ui::{self, BOLD, DIM};

/// `--json` of `brag ask`.
#[derive(Serialize)]
struct AskJson<'a> {
    question: &'a str,
    /// The competencies the question is about, most relevant first.
    competencies: Vec<&'a str>,
    results: &'a [brag_core::ask::Answer],
}

/// Prints the best answers to a question.
pub fn cmd_ask(env: &Env, args: AskArgs) -> CmdResult {
    let question = args.question.join(" ");
    if question.trim().is_empty() {
        return Err(CommandError::usage("the question is empty"));
    }
    let app = env.open_synced()?;
    let (topics, answers) = app.ask(&question, args.limit)?;
    if args.out.json {
        return print_json(&AskJson {
            question: &question,
            competencies: topics.iter().map(|t| t.id.as_str()).collect(),
            results: &answers,
        });
    }
    let mut out = ui::stdout();
    if !topics.is_empty() {
        let names: Vec<&str> = topics.iter().map(|t| t.name.as_str()).collect();
        writeln!(out, "{DIM}About: {}{DIM:#}", names.join(", "))?;
    }
    if answers.is_empty() {
        drop(out);
        ui::note("No story answers this yet. `brag coverage` shows what to write next.");
        return Ok(());
    }
    for (i, a) in answers.iter().enumerate() {
        writeln!(
            out,
            "{:>2}. {BOLD}{}{BOLD:#}  {DIM}{} · {:.0}{DIM:#}",
            i + 1,
            a.title,
            a.id,
            a.score
        )?;
        writeln!(out, "    {}", a.why)?;
    }
    out.flush()?;
    Ok(())
}
