//! `brag demo`: a throwaway vault of sample entries, and a short tour of brag on it.

use std::io::Write as _;

use brag_app::{App, ReportKind};

use super::Env;
use super::list::ListArgs;
use super::report::ReportArgs;
use super::search::SearchArgs;
use super::show::ShowArgs;
use crate::cli::{FilterArgs, JsonArgs};
use crate::error::CmdResult;
use crate::ui::{self, BOLD, DIM};

/// The bundled sample entries: (file name, text). `samples_are_all_listed` keeps this list
/// and `crates/brag/samples/` in step.
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "2024-01-23-find-the-connection-leak-in-rivet.md",
        include_str!("../../samples/2024-01-23-find-the-connection-leak-in-rivet.md"),
    ),
    (
        "2024-03-14-rivet-1-0-released.md",
        include_str!("../../samples/2024-03-14-rivet-1-0-released.md"),
    ),
    (
        "2024-05-08-idempotency-keys-for-ledger-payouts.md",
        include_str!("../../samples/2024-05-08-idempotency-keys-for-ledger-payouts.md"),
    ),
    (
        "2024-07-16-reconciliation-job-cleanup.md",
        include_str!("../../samples/2024-07-16-reconciliation-job-cleanup.md"),
    ),
    (
        "2024-09-26-deterministic-simulation-testing-talk.md",
        include_str!("../../samples/2024-09-26-deterministic-simulation-testing-talk.md"),
    ),
    (
        "2024-11-12-disagreed-on-ledger-rewrite.md",
        include_str!("../../samples/2024-11-12-disagreed-on-ledger-rewrite.md"),
    ),
    (
        "2025-01-21-onboarding-buddy-program.md",
        include_str!("../../samples/2025-01-21-onboarding-buddy-program.md"),
    ),
    (
        "2025-03-04-kudos-from-support-on-refund-fix.md",
        include_str!("../../samples/2025-03-04-kudos-from-support-on-refund-fix.md"),
    ),
    (
        "2025-04-17-stopped-duplicate-charges-during-incident.md",
        include_str!("../../samples/2025-04-17-stopped-duplicate-charges-during-incident.md"),
    ),
    (
        "2025-06-24-http2-by-default-in-rivet.md",
        include_str!("../../samples/2025-06-24-http2-by-default-in-rivet.md"),
    ),
    (
        "2025-08-28-summer-intern-project.md",
        include_str!("../../samples/2025-08-28-summer-intern-project.md"),
    ),
    (
        "2025-10-09-halved-ci-time-for-ledger.md",
        include_str!("../../samples/2025-10-09-halved-ci-time-for-ledger.md"),
    ),
    (
        "2026-01-13-goals-for-h1-2026.md",
        include_str!("../../samples/2026-01-13-goals-for-h1-2026.md"),
    ),
    (
        "2026-04-02-streaming-exports-for-ledger.md",
        include_str!("../../samples/2026-04-02-streaming-exports-for-ledger.md"),
    ),
    (
        "2026-07-21-sqlite-internals-workshop.md",
        include_str!("../../samples/2026-07-21-sqlite-internals-workshop.md"),
    ),
    (
        "2026-11-05-request-hedging-in-rivet.md",
        include_str!("../../samples/2026-11-05-request-hedging-in-rivet.md"),
    ),
];

/// Makes a demo vault in a new temporary directory and shows brag working on it.
pub fn cmd_demo(env: &Env) -> CmdResult {
    let dir = tempfile::Builder::new()
        .prefix("brag-demo-")
        .tempdir()?
        .keep();
    let app = App::init(&dir, env.clock)?;
    for (name, text) in SAMPLES {
        app.create_file(&format!("{}/{name}", &name[..4]), text)?;
    }
    drop(app);
    let demo = Env {
        vault: dir.clone(),
        clock: env.clock,
    };
    say(&format!(
        "A throwaway vault with {} sample entries is at {}.",
        SAMPLES.len(),
        dir.display()
    ))?;

    step("brag list --from 2025-01-01")?;
    super::list::cmd_list(
        &demo,
        ListArgs {
            filter: FilterArgs {
                from: Some("2025-01-01".into()),
                ..no_filter()
            },
            limit: None,
            out: JsonArgs { json: false },
        },
    )?;

    step("brag search latency")?;
    super::search::cmd_search(
        &demo,
        SearchArgs {
            query: vec!["latency".into()],
            filter: no_filter(),
            limit: 5,
            semantic: false,
            out: JsonArgs { json: false },
        },
    )?;

    step("brag show http2")?;
    super::show::cmd_show(
        &demo,
        ShowArgs {
            id: "http2".into(),
            raw: false,
            out: JsonArgs { json: false },
        },
    )?;

    step("brag ask \"a time you changed something many teams depended on\"")?;
    super::ask::cmd_ask(
        &demo,
        super::ask::AskArgs {
            question: vec!["a time you changed something many teams depended on".into()],
            limit: 3,
            out: JsonArgs { json: false },
        },
    )?;

    step("brag coach 2024-07-16")?;
    super::coach::cmd_coach(
        &demo,
        super::coach::CoachArgs {
            id: Some("2024-07-16".into()),
            min_score: None,
            out: JsonArgs { json: false },
        },
    )?;

    step("brag add \"cut CI time from 18 to 7 minutes #ci @dana\"")?;
    super::add::cmd_add(
        &demo,
        super::add::AddArgs {
            text: vec!["cut CI time from 18 to 7 minutes #ci @dana".into()],
            date: None,
            kind: "win".into(),
            title: None,
            tags: Vec::new(),
            competencies: Vec::new(),
            links: Vec::new(),
            project: None,
            out: JsonArgs { json: false },
        },
    )?;

    step("brag list -t ci")?;
    super::list::cmd_list(
        &demo,
        ListArgs {
            filter: FilterArgs {
                tags: vec!["ci".into()],
                ..no_filter()
            },
            limit: None,
            out: JsonArgs { json: false },
        },
    )?;

    step("brag report week")?;
    super::report::cmd_report(&demo, report_args(ReportKind::Week, None))?;

    // The review packet, for the newcomer to open: the sample vault spans three years.
    let packet = dir.join("review.html");
    step(&format!(
        "brag report review --from 2024-01-01 -o {}",
        packet.display()
    ))?;
    super::report::cmd_report(
        &demo,
        ReportArgs {
            from: Some("2024-01-01".into()),
            ..report_args(ReportKind::Review, Some(packet))
        },
    )?;

    let brag = how_to_run();
    let mut out = ui::stdout();
    writeln!(out)?;
    writeln!(
        out,
        "Every entry is a Markdown file: ls {}/2025",
        dir.display()
    )?;
    writeln!(out, "Keep exploring:  export BRAG_VAULT={}", dir.display())?;
    for cmd in [
        "coverage",
        "coach",
        "report doc --from 2024-01-01",
        "report interview -o bank.pdf",
    ] {
        writeln!(out, "                 {brag} {cmd}")?;
    }
    if brag != "brag" {
        writeln!(
            out,
            "Install it to type `brag …` anywhere:  cargo install --path crates/brag"
        )?;
    }
    writeln!(
        out,
        "Start your own:  unset BRAG_VAULT; {brag} add \"what you did today\"   (makes ~/.local/share/brag)"
    )?;
    writeln!(
        out,
        "{DIM}The demo vault is yours to delete: rm -r {}{DIM:#}",
        dir.display()
    )?;
    out.flush()?;
    Ok(())
}

/// Returns how the user can run brag again from their shell: through cargo when the demo
/// runs under `cargo run` (brag is not on the PATH then), by the path they typed, or as
/// `brag`.
fn how_to_run() -> String {
    if std::env::var_os("CARGO").is_some() && std::env::var_os("CARGO_PKG_NAME").is_some() {
        return "cargo run -q -p brag --".to_owned();
    }
    match std::env::args_os().next() {
        Some(arg0) if arg0.to_string_lossy().contains('/') => arg0.to_string_lossy().into_owned(),
        _ => "brag".to_owned(),
    }
}

fn report_args(kind: ReportKind, output: Option<std::path::PathBuf>) -> ReportArgs {
    ReportArgs {
        kind,
        from: None,
        to: None,
        last: false,
        limit: None,
        no_todo: false,
        format: None,
        output,
    }
}

fn no_filter() -> FilterArgs {
    FilterArgs {
        from: None,
        to: None,
        tags: Vec::new(),
        competencies: Vec::new(),
        kind: None,
        project: None,
    }
}

fn say(msg: &str) -> CmdResult {
    let mut out = ui::stdout();
    writeln!(out, "{msg}")?;
    out.flush()?;
    Ok(())
}

fn step(cmd: &str) -> CmdResult {
    let mut out = ui::stdout();
    writeln!(out, "\n{BOLD}$ {cmd}{BOLD:#}")?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::SAMPLES;

    #[test]
    fn samples_are_all_listed() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .expect("samples dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".md"))
            .collect();
        on_disk.sort();
        let listed: Vec<&str> = SAMPLES.iter().map(|(n, _)| *n).collect();
        assert_eq!(on_disk, listed);
    }

    #[test]
    fn samples_all_read() {
        for (name, text) in SAMPLES {
            let id = brag_app::EntryId(name.trim_end_matches(".md").to_owned());
            brag_app::file::parse(text, Some(&id)).unwrap_or_else(|e| panic!("{name}:{e}"));
        }
    }
}
