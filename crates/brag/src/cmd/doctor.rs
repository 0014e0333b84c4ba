//! `brag doctor`: is the vault healthy? Lists every file brag cannot read, `path:line:
//! message`, and exits 1 when anything is wrong.

use std::io::Write as _;
use std::process::ExitCode;

use serde::Serialize;

use super::{Env, print_json};
use crate::cli::JsonArgs;
use crate::error::CmdResult;
use crate::ui::{self, ERROR};

#[derive(Serialize)]
struct Report {
    vault: String,
    ok: bool,
    entries: usize,
    problems: Vec<JsonProblem>,
}

#[derive(Serialize)]
struct JsonProblem {
    path: String,
    line: usize,
    message: String,
}

/// Checks the vault and prints what is wrong.
pub fn cmd_doctor(env: &Env, args: JsonArgs) -> CmdResult<ExitCode> {
    let mut app = env.open()?;
    app.sync()?;
    let mut problems: Vec<JsonProblem> = app
        .problems()?
        .into_iter()
        .map(|p| JsonProblem {
            path: app.vault().abs(&p.path).display().to_string(),
            line: p.line,
            message: p.message,
        })
        .collect();
    if let Err(brag_app::AppError::Config(e)) = app.config() {
        problems.insert(
            0,
            JsonProblem {
                path: e.path.display().to_string(),
                line: e.line,
                message: e.message,
            },
        );
    }
    let report = Report {
        vault: env.vault.display().to_string(),
        ok: problems.is_empty(),
        entries: app.index().count()?,
        problems,
    };
    if args.json {
        print_json(&report)?;
    } else {
        let mut out = ui::stdout();
        writeln!(out, "vault:   {}", report.vault)?;
        writeln!(out, "entries: {}", report.entries)?;
        if report.ok {
            writeln!(out, "ok: every file reads")?;
        } else {
            writeln!(
                out,
                "{ERROR}{} file(s) brag cannot read:{ERROR:#}",
                report.problems.len()
            )?;
            for p in &report.problems {
                writeln!(out, "{}:{}: {}", p.path, p.line, p.message)?;
            }
        }
        out.flush()?;
    }
    Ok(if report.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
