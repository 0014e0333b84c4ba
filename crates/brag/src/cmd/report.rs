//! `brag report KIND`: documents made from the record.

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;

use brag_app::{ReportFormat, ReportKind, ReportRequest};
use clap::Args;

use super::Env;
use crate::error::{CmdResult, CommandError};
use crate::ui;

/// Arguments of `brag report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Which report: doc, review, week, resume or interview.
    #[arg(value_name = "KIND", value_parser = parse_kind)]
    pub kind: ReportKind,
    /// The first day (default: doc this year, review six months ago, week this Monday,
    /// resume and interview all time).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last day; a month or quarter counts to its last day (default: doc the end of
    /// the year, review today, week this Sunday).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// week: the week before this one.
    #[arg(long)]
    pub last: bool,
    /// resume: the most bullets (default 10).
    #[arg(long, short = 'n', value_name = "N", value_parser = crate::cli::at_least_one)]
    pub limit: Option<usize>,
    /// review: leave out the stories that still need work (for sharing).
    #[arg(long)]
    pub no_todo: bool,
    /// md, html, json or pdf (default: from the extension of -o, else md).
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<ReportFormat>,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

fn parse_kind(s: &str) -> Result<ReportKind, String> {
    s.parse()
}

fn parse_format(s: &str) -> Result<ReportFormat, String> {
    s.parse()
}

/// Makes the report and writes it out.
pub fn cmd_report(env: &Env, args: ReportArgs) -> CmdResult {
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(ReportFormat::from_path))
        .unwrap_or(ReportFormat::Markdown);
    if !format.available() {
        return Err(CommandError::usage(
            "--format pdf: this brag was built without PDF support",
        )
        .hint("make an HTML report and print it to PDF from a browser: --format html -o report.html"));
    }
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    if format.wants_a_file() && to_terminal {
        return Err(CommandError::usage(format!(
            "a {} report is a document, not terminal text: write it to a file",
            format.as_str().to_uppercase()
        ))
        .hint(format!(
            "add -o {}.{format}, or pipe it: brag report {} --format {format} > file",
            args.kind, args.kind
        )));
    }
    let req = ReportRequest {
        kind: args.kind,
        from: args.from,
        to: args.to,
        last: args.last,
        limit: args.limit,
        todo: !args.no_todo,
    };
    // Checked before the vault is read: a bad period or option writes nothing.
    req.period(env.today())?;
    let app = env.open()?;
    let report = app.report(&req)?;
    super::warn_problems(&app)?;
    let bytes = brag_app::render_report(&report, format)?;
    match &args.output {
        Some(path) => {
            brag_app::write_file(path, &bytes)?;
            ui::note(format_args!(
                "Wrote {} ({format}, {} entr{}) to {}",
                report.header().title,
                report.header().entries,
                if report.header().entries == 1 {
                    "y"
                } else {
                    "ies"
                },
                path.display()
            ));
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
        }
    }
    // The command ends the process: freeing a report of ten thousand entries piece by
    // piece would only delay the exit (by a tenth of the time the report took).
    std::mem::forget(report);
    Ok(())
}
