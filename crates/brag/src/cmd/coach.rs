//! `brag coach [ID]`: findings and a score per entry, weakest first.

use std::io::Write as _;

use brag_app::coach::{STRONG, Severity};
use clap::Args;

use super::{Env, print_json};
use crate::cli::JsonArgs;
use crate::error::CmdResult;
use crate::ui::{self, BOLD, DIM, ERROR, HINT, WARN};

/// Arguments of `brag coach`.
#[derive(Debug, Args)]
pub struct CoachArgs {
    /// One entry to coach (default: every story and win).
    #[arg(value_name = "ID")]
    pub id: Option<String>,
    /// Show only entries scoring below N.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub min_score: Option<u8>,
    #[command(flatten)]
    pub out: JsonArgs,
}

/// Prints the coach's reports.
pub fn cmd_coach(env: &Env, args: CoachArgs) -> CmdResult {
    let app = env.open()?;
    let (mut reports, total, strong) = match &args.id {
        Some(id) => {
            let report = app.coach_one(id)?;
            let strong = usize::from(report.score >= STRONG);
            (vec![report], 1, strong)
        }
        None => {
            let coached = app.coach_all()?;
            (coached.reports, coached.total, coached.strong)
        }
    };
    super::warn_problems(&app)?;
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
