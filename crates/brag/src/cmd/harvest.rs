//! `brag harvest git PATH...`: draft entries from commits.

use std::collections::HashSet;
use std::io::Write as _;
use std::time::Duration;

use brag_core::Entry;
use brag_core::harvest::{self, Draft};
use brag_git::{Identity, ReadOptions};
use serde::Serialize;

use super::{Env, print_json};
use crate::cli::{HarvestArgs, HarvestGitArgs, HarvestSource};
use crate::error::{CmdResult, CommandError};
use crate::ui::{self, BOLD, DIM};

/// One draft in `--json`: the Entry JSON plus its commits.
#[derive(Serialize)]
struct JsonDraft<'a> {
    #[serde(flatten)]
    entry: &'a Entry,
    commits: &'a [String],
}

/// Runs a harvest.
pub fn cmd_harvest(env: &Env, args: HarvestArgs) -> CmdResult {
    match args.source {
        HarvestSource::Git(a) => harvest_git(env, a),
    }
}

fn harvest_git(env: &Env, args: HarvestGitArgs) -> CmdResult {
    let (from, to) = env.range(args.from.as_deref(), args.to.as_deref())?;
    let mut app = if args.dry_run {
        env.open().ok()
    } else {
        Some(env.open_or_init()?)
    };

    let mut repos = Vec::new();
    for path in &args.paths {
        let found = brag_git::find_repos(path).map_err(CommandError::failure)?;
        if found.is_empty() && args.paths.len() > 1 {
            ui::warn(format_args!("{}: no git repository here", path.display()));
        }
        repos.extend(found);
    }
    if repos.is_empty() {
        let paths: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        return Err(
            CommandError::failure(format!("no git repository in {}", paths.join(", ")))
                .hint("give a repository, or a directory that holds repositories"),
        );
    }
    let identity = identity(app.as_ref(), &args.author, repos.first())?;
    let opts = ReadOptions { identity, from, to };
    let known: HashSet<String> = match app.as_mut() {
        Some(app) => app.harvested_commits()?,
        None => HashSet::new(),
    };

    let mut drafts: Vec<Draft> = Vec::new();
    let mut commits = 0usize;
    for path in &repos {
        let bar = indicatif::ProgressBar::new_spinner().with_prefix(path.display().to_string());
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {prefix}: {pos} commits read")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        let repo = brag_git::read_repo(path, &opts, &mut |n| bar.set_position(n as u64));
        bar.finish_and_clear();
        let repo = repo.map_err(CommandError::failure)?;
        commits += repo.commits.len();
        drafts.extend(harvest::drafts(&repo, &known));
    }
    let skipped = known.len();

    let written: Vec<Draft> = if args.dry_run {
        drafts
    } else {
        let Some(app) = app.as_mut() else {
            return Err(CommandError::failure("no vault to write drafts into"));
        };
        super::written(app.write_drafts(drafts)?)
            .into_iter()
            .map(|entry| Draft {
                commits: entry_commits(&entry),
                entry,
            })
            .collect()
    };

    if args.out.json {
        let rows: Vec<JsonDraft> = written
            .iter()
            .map(|d| JsonDraft {
                entry: &d.entry,
                commits: &d.commits,
            })
            .collect();
        return print_json(&rows);
    }
    let mut out = ui::stdout();
    for d in &written {
        let e = &d.entry;
        let link = e
            .links
            .first()
            .map(|l| format!("  {}", l.label))
            .unwrap_or_default();
        writeln!(
            out,
            "{DIM}{:<11}{DIM:#} {BOLD}{}{BOLD:#}  {DIM}{} commit{}{link}{DIM:#}",
            ui::date_col(e),
            e.title,
            d.commits.len(),
            if d.commits.len() == 1 { "" } else { "s" }
        )?;
    }
    writeln!(
        out,
        "{} draft{} {} from {commits} commit{} in {} repositor{}{}",
        written.len(),
        if written.len() == 1 { "" } else { "s" },
        if args.dry_run {
            "would be written"
        } else {
            "written"
        },
        if commits == 1 { "" } else { "s" },
        repos.len(),
        if repos.len() == 1 { "y" } else { "ies" },
        if skipped > 0 {
            " (commits harvested before are skipped)"
        } else {
            ""
        }
    )?;
    if !args.dry_run && !written.is_empty() {
        writeln!(
            out,
            "{DIM}Review them with `brag list` and `brag edit`; remove `draft: true` when done.{DIM:#}"
        )?;
    }
    out.flush()?;
    Ok(())
}

fn entry_commits(entry: &Entry) -> Vec<String> {
    match entry.extra.get(harvest::COMMITS_KEY) {
        Some(serde_json::Value::Array(ids)) => ids
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// Returns whose commits to take: `--author`, else brag.toml's identity, else git's
/// `user.email` / `user.name` as the first repository sees them.
fn identity(
    app: Option<&brag_app::App>,
    authors: &[String],
    first_repo: Option<&std::path::PathBuf>,
) -> CmdResult<Identity> {
    let split = |values: &[String]| -> (Vec<String>, Vec<String>) {
        values.iter().cloned().partition(|v| v.contains('@'))
    };
    if !authors.is_empty() {
        let (emails, names) = split(authors);
        return Ok(Identity::new(&emails, &names));
    }
    if let Some(app) = app {
        let config = app.config()?;
        let id = Identity::new(&config.identity.emails, &config.identity.names);
        if !id.is_empty() {
            return Ok(id);
        }
    }
    if let Some(path) = first_repo
        && let Some(email) = brag_git::configured_email(path)
    {
        ui::note(format_args!(
            "Harvesting commits by {email} (git's user.email); set identity.emails in brag.toml or pass --author to choose."
        ));
        return Ok(Identity::new(&[email], &[]));
    }
    Err(CommandError::usage("whose commits? brag does not know your identity")
        .hint("pass --author you@example.com, or set `[identity] emails = [\"you@example.com\"]` in brag.toml"))
}
