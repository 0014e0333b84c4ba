//! `brag coverage`: the competency × stories matrix and the gaps.

use std::io::Write as _;

use brag_core::coach::STRONG;

use super::{Env, print_json};
use crate::cli::CoverageArgs;
use crate::error::CmdResult;
use crate::ui::{self, BOLD, DIM, ERROR, HINT};

/// Prints which competencies the stories prove and which have no strong story.
pub fn cmd_coverage(env: &Env, args: CoverageArgs) -> CmdResult {
    let app = env.open_synced()?;
    let cov = app.coverage(args.framework.as_deref())?;
    if args.out.json {
        return print_json(&cov);
    }
    let catalogue = app.catalogue()?;
    let fw = catalogue.framework(&cov.framework);
    let mut out = ui::stdout();
    let covered = cov.competencies.len() - cov.gaps.len();
    writeln!(
        out,
        "{BOLD}{}{BOLD:#} ({}): {covered} of {} competencies have a strong story",
        fw.map_or(cov.framework.as_str(), |f| f.name.as_str()),
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
            let Some(c) = catalogue
                .competency(id)
                .or_else(|| fw.and_then(|f| f.get(id)))
            else {
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
