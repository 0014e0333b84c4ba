//! `brag harvest git PATH...`: draft entries from commits.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use brag_app::{HarvestRequest, IdentitySource, Progress};
use clap::{Args, Subcommand};

use super::{Env, print_json};
use crate::cli::JsonArgs;
use crate::error::CmdResult;
use crate::ui::{self, BOLD, DIM};

/// Arguments of `brag harvest`.
#[derive(Debug, Args)]
pub struct HarvestArgs {
    /// Where to harvest from.
    #[command(subcommand)]
    pub source: HarvestSource,
}

/// The sources `brag harvest` reads.
#[derive(Debug, Subcommand)]
pub enum HarvestSource {
    /// Draft entries from the commits in git repositories.
    ///
    /// Each PATH is a repository or a directory to search for repositories (not inside
    /// `.git`, `node_modules` or `target`). Your commits are those of brag.toml's
    /// `identity.emails` and `identity.names`, or `--author`, or else git's user.email;
    /// `.mailmap` is honoured. Commits are grouped into one draft per pull request, per
    /// ticket key (ABC-123), or per top directory and week. Drafts are `win` entries with
    /// `draft: true` and their commit ids; harvesting again takes no commit twice.
    #[command(after_help = "Examples:\n  brag harvest git ~/src --from 2025-01-01 --dry-run")]
    Git(HarvestGitArgs),
}

/// Arguments of `brag harvest git`.
#[derive(Debug, Args)]
pub struct HarvestGitArgs {
    /// Repositories, or directories holding repositories.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// An author e-mail (or name) whose commits are yours; repeat for more.
    #[arg(long, short = 'a', value_name = "EMAIL")]
    pub author: Vec<String>,
    /// Commits on or after this date (`--since` works too, as in git).
    #[arg(long, visible_alias = "since", value_name = "DATE")]
    pub from: Option<String>,
    /// Commits on or before this date; a month or quarter counts to its last day
    /// (`--until` works too).
    #[arg(long, visible_alias = "until", value_name = "DATE")]
    pub to: Option<String>,
    /// Show the drafts, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub out: JsonArgs,
}

/// Runs a harvest.
pub fn cmd_harvest(env: &Env, args: HarvestArgs) -> CmdResult {
    match args.source {
        HarvestSource::Git(a) => harvest_git(env, a),
    }
}

fn harvest_git(env: &Env, args: HarvestGitArgs) -> CmdResult {
    let req = HarvestRequest {
        paths: args.paths,
        authors: args.author,
        from: args.from,
        to: args.to,
        dry_run: args.dry_run,
    };
    // Checked before the vault is touched: a bad date changes nothing.
    req.range(env.today())?;
    let app = if args.dry_run {
        env.open().ok()
    } else {
        Some(env.open_or_init()?)
    };
    let mut bar = Spinner(None);
    let got = match &app {
        Some(app) => app.harvest(&req, &mut bar)?,
        None => brag_app::harvest_standalone(&req, env.today(), &mut bar)?,
    };
    if let IdentitySource::Git(email) = &got.identity {
        ui::note(format_args!(
            "Harvested commits by {email} (git's user.email); set identity.emails in brag.toml or pass --author to choose."
        ));
    }
    for path in &got.empty_paths {
        ui::warn(format_args!("{}: no git repository here", path.display()));
    }
    if let Some(e) = &got.stale_index {
        super::warn_stale(e);
    }
    if args.out.json {
        return print_json(&got.drafts);
    }
    let mut out = ui::stdout();
    for d in &got.drafts {
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
    let (n, commits, repos) = (got.drafts.len(), got.commits, got.repositories.len());
    writeln!(
        out,
        "{n} draft{} {} from {commits} commit{} in {repos} repositor{}{}",
        if n == 1 { "" } else { "s" },
        if got.dry_run {
            "would be written"
        } else {
            "written"
        },
        if commits == 1 { "" } else { "s" },
        if repos == 1 { "y" } else { "ies" },
        if got.known_commits > 0 {
            " (commits harvested before are skipped)"
        } else {
            ""
        }
    )?;
    if !got.dry_run && n > 0 {
        writeln!(
            out,
            "{DIM}Review them with `brag list` and `brag edit`; remove `draft: true` when done.{DIM:#}"
        )?;
    }
    out.flush()?;
    Ok(())
}

/// Draws a harvest's progress: a spinner per repository with the commits read, on a
/// terminal only (indicatif hides it elsewhere).
struct Spinner(Option<indicatif::ProgressBar>);

impl Progress for Spinner {
    fn start(&mut self, repo: &Path) {
        let bar = indicatif::ProgressBar::new_spinner().with_prefix(repo.display().to_string());
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {prefix}: {pos} commits read")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        self.0 = Some(bar);
    }

    fn commits(&mut self, commits: usize) {
        if let Some(bar) = &self.0 {
            bar.set_position(commits as u64);
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.0.take() {
            bar.finish_and_clear();
        }
    }
}
