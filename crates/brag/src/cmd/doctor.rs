//! `brag doctor`: is the vault healthy? Prints the app's report (files brag cannot read,
//! files it passes over, unknown competency ids, temporary files cleaned up) and exits 1
//! when it lists anything.

use std::io::Write as _;
use std::process::ExitCode;

use brag_app::DoctorReport;

use super::{Env, print_json};
use crate::cli::JsonArgs;
use crate::error::CmdResult;
use crate::ui::{self, DIM, ERROR, WARN};

/// Checks the vault and prints what is wrong.
pub fn cmd_doctor(env: &Env, args: JsonArgs) -> CmdResult<ExitCode> {
    let app = env.open()?;
    let report = app.doctor()?;
    if args.json {
        print_json(&report)?;
    } else {
        print_report(&report)?;
    }
    Ok(if report.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn print_report(report: &DoctorReport) -> CmdResult {
    let mut out = ui::stdout();
    writeln!(out, "vault:   {}", report.vault)?;
    writeln!(out, "entries: {}", report.entries)?;
    for r in &report.removed {
        writeln!(
            out,
            "{DIM}removed {r}: a temporary file left by a brag stopped mid-write{DIM:#}"
        )?;
    }
    if report.ok {
        writeln!(out, "ok: every file reads")?;
        out.flush()?;
        return Ok(());
    }
    if !report.problems.is_empty() {
        writeln!(
            out,
            "{ERROR}{} file{} brag cannot read:{ERROR:#}",
            report.problems.len(),
            plural(report.problems.len())
        )?;
        for p in &report.problems {
            writeln!(out, "{}:{}: {}", p.path, p.line, p.message)?;
        }
    }
    if !report.ignored.is_empty() {
        writeln!(
            out,
            "{WARN}{} file{} brag does not read:{WARN:#}",
            report.ignored.len(),
            plural(report.ignored.len())
        )?;
        for i in &report.ignored {
            writeln!(out, "{}: {}", i.path, i.message)?;
        }
    }
    if !report.conflicts.is_empty() {
        writeln!(
            out,
            "{WARN}{} entr{} kept from a sync conflict:{WARN:#}",
            report.conflicts.len(),
            ui::plural(report.conflicts.len(), "y", "ies")
        )?;
        for c in &report.conflicts {
            writeln!(out, "{}:{}: {}", c.path, c.line, c.message)?;
        }
    }
    if !report.unknown_competencies.is_empty() {
        writeln!(
            out,
            "{WARN}{} competency id{} no active framework ({}) knows:{WARN:#}",
            report.unknown_competencies.len(),
            plural(report.unknown_competencies.len()),
            report.frameworks.join(", ")
        )?;
        for u in &report.unknown_competencies {
            write!(out, "{}:{}: `{}` is no competency", u.path, u.line, u.id)?;
            match &u.suggestion {
                Some(s) => writeln!(out, "; did you mean `{s}`?")?,
                None => writeln!(out, " (`brag coverage` lists them)")?,
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
