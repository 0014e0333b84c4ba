//! `brag coach [ID]`: findings and a score per entry, weakest first.

use std::io::Write as _;

use brag_core::Kind;
use brag_core::coach::{self, STRONG, Severity};
use brag_core::filter::Filter;

use super::{Env, print_json};
use crate::cli::CoachArgs;
use crate::error::CmdResult;
use crate::ui::{self, BOLD, DIM, ERROR, HINT, WARN};

/// Prints the coach's reports.
pub fn cmd_coach(env: &Env, args: CoachArgs) -> CmdResult {
    let app = env.open_synced()?;
    let mut reports = match &args.id {
        Some(id) => {
            let id = app.resolve(id)?;
            let (entry, _) = app.load(&id)?;
            vec![coach::coach(&entry, app.today())]
        }
        None => {
            let stories = app.coach(&Filter {
                kind: Some(Kind::Story),
                ..Filter::default()
            })?;
            let wins = app.coach(&Filter {
                kind: Some(Kind::Win),
                ..Filter::default()
            })?;
            let mut all: Vec<_> = stories.into_iter().chain(wins).collect();
            all.sort_by(|a, b| a.score.cmp(&b.score).then_with(|| a.id.cmp(&b.id)));
            all
        }
    };
    let total = reports.len();
    let strong = reports.iter().filter(|r| r.score >= STRONG).count();
    if let Some(min) = args.min_score {
        reports.retain(|r| r.score < min);
    }
    if args.out.json {
        return print_json(&reports);
    }
    let mut out = ui::stdout();
    for r in &reports {
        if args.id.is_none() && r.findings.is_empty() {
            continue;
        }
        let style = if r.score >= STRONG {
            HINT
        } else if r.score >= 40 {
            WARN
        } else {
            ERROR
        };
        writeln!(
            out,
            "{style}{:>3}{style:#}/100  {BOLD}{}{BOLD:#}  {DIM}{}{DIM:#}",
            r.score, r.title, r.id
        )?;
        if r.findings.is_empty() {
            writeln!(out, "         nothing to improve")?;
        }
        for f in &r.findings {
            let (mark, style) = match f.severity {
                Severity::Error => ("✗", ERROR),
                Severity::Warning => ("!", WARN),
                Severity::Info => ("·", DIM),
            };
            writeln!(
                out,
                "  {style}{mark}{style:#} {}: {} {DIM}({}){DIM:#}",
                f.section, f.message, f.rule
            )?;
            writeln!(out, "    {DIM}{}{DIM:#}", f.suggestion)?;
        }
    }
    if args.id.is_none() {
        if total == 0 {
            ui::note("No stories or wins to coach yet.");
        } else {
            writeln!(
                out,
                "{total} entries: {strong} strong (score ≥ {STRONG}), {} to improve",
                total - strong
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
