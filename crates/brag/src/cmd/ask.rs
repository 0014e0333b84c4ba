//! `brag ask QUESTION`: the stories that best answer an interview question.

use std::io::Write as _;

use clap::Args;

use super::{Env, print_json};
use crate::cli::JsonArgs;
use crate::error::{CmdResult, CommandError};
use crate::ui::{self, BOLD, DIM};

/// Arguments of `brag ask`.
#[derive(Debug, Args)]
pub struct AskArgs {
    /// The interview question. Several words are joined with spaces.
    #[arg(required = true, value_name = "QUESTION")]
    pub question: Vec<String>,
    /// How many stories to show (at least 1).
    #[arg(long, short = 'n', default_value_t = 5, value_name = "N", value_parser = crate::cli::at_least_one)]
    pub limit: usize,
    #[command(flatten)]
    pub out: JsonArgs,
}

/// Prints the best answers to a question.
pub fn cmd_ask(env: &Env, args: AskArgs) -> CmdResult {
    let question = args.question.join(" ");
    if question.trim().is_empty() {
        return Err(CommandError::usage("the question is empty"));
    }
    let app = env.open()?;
    let asked = app.ask(&question, args.limit)?;
    super::warn_problems(&app)?;
    if args.out.json {
        return print_json(&asked);
    }
    let mut out = ui::stdout();
    if !asked.topics.is_empty() {
        // What the question was read as, and the words that said so, as it says them
        // (a cue phrase, or a word; not the stems the match was made on).
        let said: Vec<String> = question
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect();
        let lower = question.to_lowercase();
        let names: Vec<String> = asked
            .topics
            .iter()
            .map(|t| {
                let words: Vec<&String> = t
                    .words
                    .iter()
                    .rev()
                    .filter(|w| said.contains(w) || (w.contains(' ') && lower.contains(w.as_str())))
                    .take(2)
                    .collect();
                (t, words)
            })
            .map(|(t, w)| match w {
                w if w.is_empty() => t.name.clone(),
                w => format!(
                    "{} (\"{}\")",
                    t.name,
                    w.iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join("\", \"")
                ),
            })
            .collect();
        writeln!(out, "{DIM}About: {}{DIM:#}", names.join(", "))?;
    }
    if asked.results.is_empty() {
        drop(out);
        ui::note("No story answers this yet. `brag coverage` shows what to write next.");
        return Ok(());
    }
    for (i, a) in asked.results.iter().enumerate() {
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
