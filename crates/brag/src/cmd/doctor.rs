//! `brag doctor`: is the vault healthy? Lists every file brag cannot read, `path:line:
//! message`, every file it passes over (links, `.md` files outside the year directories,
//! `.MD` names, names that are not UTF-8, temporary files left by a killed writer), and
//! competency ids no active framework knows; exits 1 when it lists anything.

use std::io::Write as _;
use std::process::ExitCode;

use brag_core::filter::Filter;
use serde::Serialize;

use super::{Env, print_json};
use crate::cli::JsonArgs;
use crate::error::CmdResult;
use crate::ui::{self, DIM, ERROR, WARN};

/// `brag doctor --json`.
#[derive(Serialize)]
struct Report {
    vault: String,
    /// True when nothing below is listed.
    ok: bool,
    entries: usize,
    /// Files brag cannot read (and `brag.toml` when it is wrong).
    problems: Vec<JsonProblem>,
    /// Files brag passes over, and why.
    ignored: Vec<JsonIgnored>,
    /// Competency ids in entries that no active framework knows.
    unknown_competencies: Vec<JsonUnknown>,
    /// Temporary files of writers stopped mid-write, removed by this run.
    removed: Vec<String>,
}

#[derive(Serialize)]
struct JsonProblem {
    path: String,
    line: usize,
    message: String,
}

#[derive(Serialize)]
struct JsonIgnored {
    path: String,
    message: &'static str,
}

#[derive(Serialize)]
struct JsonUnknown {
    path: String,
    line: usize,
    id: String,
    /// The nearest known competency id, if any is alike.
    suggestion: Option<String>,
}

/// Checks the vault and prints what is wrong.
pub fn cmd_doctor(env: &Env, args: JsonArgs) -> CmdResult<ExitCode> {
    let mut app = env.open()?;
    let sync = app.sync()?;
    let abs = |rel: &str| app.vault().abs(rel).display().to_string();
    let mut problems: Vec<JsonProblem> = app
        .problems()?
        .into_iter()
        .map(|p| JsonProblem {
            path: abs(&p.path),
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
    let ignored: Vec<JsonIgnored> = app
        .vault()
        .strays()?
        .into_iter()
        .map(|s| JsonIgnored {
            path: abs(&s.path),
            message: s.why.message(),
        })
        .collect();
    let mut unknown_competencies = Vec::new();
    // A broken brag.toml or framework file is listed above; without a catalogue there is
    // nothing to check ids against.
    if let Ok(catalogue) = app.catalogue() {
        for e in app.list(&Filter::default(), None)? {
            let unknown: Vec<&String> = e
                .competencies
                .iter()
                .filter(|c| catalogue.competency(c).is_none())
                .collect();
            if unknown.is_empty() {
                continue;
            }
            let text = app.vault().read(&e.path).unwrap_or_default();
            for id in unknown {
                unknown_competencies.push(JsonUnknown {
                    path: abs(&e.path),
                    line: line_naming(&text, id),
                    id: id.clone(),
                    suggestion: catalogue.nearest_id(id),
                });
            }
        }
    }
    let report = Report {
        vault: env.vault.display().to_string(),
        ok: problems.is_empty() && ignored.is_empty() && unknown_competencies.is_empty(),
        entries: app.index().count()?,
        problems,
        ignored,
        unknown_competencies,
        removed: sync.removed_temps.iter().map(|r| abs(r)).collect(),
    };
    if args.json {
        print_json(&report)?;
    } else {
        print_report(&report, &app)?;
    }
    Ok(if report.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn print_report(report: &Report, app: &brag_app::App) -> CmdResult {
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
    if !report.unknown_competencies.is_empty() {
        let names: Vec<String> = app
            .catalogue()
            .map(|c| c.frameworks().iter().map(|f| f.id.clone()).collect())
            .unwrap_or_default();
        writeln!(
            out,
            "{WARN}{} competency id{} no active framework ({}) knows:{WARN:#}",
            report.unknown_competencies.len(),
            plural(report.unknown_competencies.len()),
            names.join(", ")
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

/// Returns the 1-based line of the front matter that names `id`, or 1.
fn line_naming(text: &str, id: &str) -> usize {
    text.lines()
        .position(|l| {
            l.match_indices(id).any(|(i, _)| {
                let before = l[..i].chars().next_back();
                let after = l[i + id.len()..].chars().next();
                !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
                    && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
            })
        })
        .map_or(1, |i| i + 1)
}
