//! `brag coverage`: the competency × stories matrix and the gaps.

use std::io::Write as _;

use brag_app::coach::STRONG;
use clap::Args;

use super::{Env, print_json};
use crate::cli::JsonArgs;
use crate::error::CmdResult;
use crate::ui::{self, BOLD, DIM, ERROR, HINT};

/// Arguments of `brag coverage`.
#[derive(Debug, Args)]
pub struct CoverageArgs {
    /// The framework: amazon-lp, engineering or one of yours (default: the first in brag.toml).
    #[arg(long, short = 'f', value_name = "FRAMEWORK")]
    pub framework: Option<String>,
    #[command(flatten)]
    pub out: JsonArgs,
}

/// Prints which competencies the stories prove and which have no strong story.
pub fn cmd_coverage(env: &Env, args: CoverageArgs) -> CmdResult {
    let app = env.open()?;
    let covered = app.coverage(args.framework.as_deref())?;
    super::warn_problems(&app)?;
    if args.out.json {
        return print_json(&covered);
    }
    let (cov, fw) = (&covered.coverage, &covered.framework);
    let mut out = ui::stdout();
    let strong = cov.competencies.len() - cov.gaps.len();
    writeln!(
        out,
        "{BOLD}{}{BOLD:#} ({}): {strong} of {} competencies have a strong story",
        fw.name,
        cov.framework,
        cov.competencies.len()
    )?;
    let width = cov
        .competencies
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(10)
        .min(44);
    for row in &cov.competencies {
        let marks: String = row
            .scores
            .iter()
            .take(12)
            .map(|s| if *s >= STRONG { '●' } else { '○' })
            .collect();
        let name: String = row.name.chars().take(width).collect();
        let status = if row.stories.is_empty() {
            format!("{ERROR}gap{ERROR:#}")
        } else if row.strong == 0 {
            format!(
                "{ERROR}gap{ERROR:#} {DIM}(0 strong of {}){DIM:#}",
                row.stories.len()
            )
        } else {
            format!(
                "{}{} strong{:#} of {}",
                HINT,
                row.strong,
                HINT,
                row.stories.len()
            )
        };
        writeln!(out, "  {name:<width$}  {marks:<12}  {status}")?;
    }
    if !cov.gaps.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{BOLD}Gaps{BOLD:#}: write a story that answers one of these"
        )?;
        for id in &cov.gaps {
            let Some(c) = fw.get(id) else {
                continue;
            };
            writeln!(out, "  {BOLD}{}{BOLD:#}", c.name)?;
            for q in c.questions.iter().take(2) {
                writeln!(out, "    - {q}")?;
            }
        }
    }
    writeln!(
        out,
        "{DIM}● strong (coach score ≥ {STRONG})  ○ needs work{DIM:#}"
    )?;
    out.flush()?;
    Ok(())
}
