//! One module per command; `run` resolves the options every command shares and dispatches.

mod add;
mod ask;
mod coach;
mod coverage;
mod demo;
mod doctor;
mod edit;
mod harvest;
mod import;
mod init;
mod list;
mod new;
mod reindex;
mod rm;
mod search;
mod show;

use std::path::PathBuf;
use std::process::ExitCode;

use brag_app::App;
use brag_core::date;
use brag_core::filter::Filter;
use clap::CommandFactory;
use jiff::civil::Date;

use crate::cli::{Cli, Command, FilterArgs};
use crate::error::{CmdResult, CommandError};
use crate::ui;

/// Returns what every command needs: where the vault is and what day it is.
pub struct Env {
    /// The vault directory.
    pub vault: PathBuf,
    /// Today, from the clock or `BRAG_NOW`.
    pub today: Date,
}

impl Env {
    fn resolve(vault: Option<PathBuf>) -> CmdResult<Env> {
        let today = today()?;
        // `--vault`, then BRAG_VAULT, then the default; an empty value counts as unset,
        // as `BRAG_VAULT= brag list` means in any shell.
        let from_env = std::env::var_os("BRAG_VAULT")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        let vault = match vault.or(from_env) {
            Some(v) if !v.as_os_str().is_empty() => v,
            _ => default_vault()?,
        };
        Ok(Env { vault, today })
    }

    /// Returns the vault opened and its index brought up to date, warning about files that
    /// cannot be read.
    pub fn open_synced(&self) -> CmdResult<App> {
        let mut app = self.open()?;
        app.sync()?;
        for p in app.problems()? {
            ui::warn(format_args!(
                "{}:{}: {} (skipped; `brag doctor` lists every such file)",
                app.vault().abs(&p.path).display(),
                p.line,
                p.message
            ));
        }
        Ok(app)
    }

    /// Returns the vault opened, without syncing.
    pub fn open(&self) -> CmdResult<App> {
        Ok(App::open(&self.vault, self.today)?)
    }

    /// Returns the vault opened, made first when there is none yet (for writers).
    ///
    /// Only a missing or empty directory becomes a vault this way: brag does not put its
    /// files into a directory that holds something else unless `brag init` says so.
    pub fn open_or_init(&self) -> CmdResult<App> {
        if self.vault.is_file() {
            return Err(brag_vault::VaultError::NotADirectory {
                path: self.vault.clone(),
            }
            .into());
        }
        if brag_vault::Vault::open(&self.vault).is_err() {
            let empty = std::fs::read_dir(&self.vault).map_or(true, |mut d| d.next().is_none());
            // Another brag may be making this vault right now: its `.brag/` comes first.
            if !empty && brag_vault::Vault::open(&self.vault).is_err() {
                return Err(CommandError::failure(format!(
                    "{} is not a brag vault",
                    self.vault.display()
                ))
                .hint(format!(
                    "run `brag init {}` to make it one, or pass another --vault",
                    self.vault.display()
                )));
            }
            let app = App::init(&self.vault, self.today)?;
            ui::note(format_args!("Made a new vault at {}", self.vault.display()));
            return Ok(app);
        }
        self.open()
    }

    /// Returns a date phrase as a day (the first of a longer period).
    pub fn date(&self, flag: &str, phrase: &str) -> CmdResult<Date> {
        self.period(flag, phrase).map(|p| p.start)
    }

    /// Returns the period a date phrase names; a usage error names the flag.
    pub fn period(&self, flag: &str, phrase: &str) -> CmdResult<date::Period> {
        date::parse_period(phrase, self.today)
            .map_err(|e| CommandError::usage(format!("{flag}: {e}")))
    }

    /// Returns the first day of `--from` and the last of `--to`, refusing a range that
    /// ends before it starts.
    pub fn range(
        &self,
        from: Option<&str>,
        to: Option<&str>,
    ) -> CmdResult<(Option<Date>, Option<Date>)> {
        let from = from
            .map(|s| self.period("--from", s))
            .transpose()?
            .map(|p| p.start);
        let to = to
            .map(|s| self.period("--to", s))
            .transpose()?
            .map(|p| p.end);
        if let (Some(a), Some(b)) = (from, to)
            && a > b
        {
            return Err(CommandError::usage(format!("--from {a} is after --to {b}")));
        }
        Ok((from, to))
    }

    /// Returns the core filter for the shared filter flags.
    pub fn filter(&self, f: &FilterArgs) -> CmdResult<Filter> {
        let (from, to) = self.range(f.from.as_deref(), f.to.as_deref())?;
        let filter = Filter {
            from,
            to,
            tags: f
                .tags
                .iter()
                .map(|t| t.trim_start_matches('#').to_owned())
                .collect(),
            competencies: f.competencies.clone(),
            kind: f.kind.as_deref().map(parse_kind).transpose()?,
            project: f.project.clone(),
        };
        Ok(filter)
    }
}

/// Turns competency names in a filter into ids (`-c "dive deep"` means `dive-deep`); a
/// name that matches nothing is left as written.
pub fn resolve_filter(app: &App, filter: &mut Filter) -> CmdResult {
    if filter.competencies.is_empty() {
        return Ok(());
    }
    let catalogue = app.catalogue()?;
    for c in &mut filter.competencies {
        if let Some(id) = add::resolve_competency(&catalogue, c) {
            *c = id;
        }
    }
    Ok(())
}

/// Returns what a write returned, warning when the file was written but the index could
/// not follow: the write succeeded (the file is the record), and the index catches up.
pub fn written<T>(w: brag_app::Written<T>) -> T {
    if let Some(e) = &w.stale_index {
        warn_stale(e);
    }
    w.value
}

/// Warns that the index could not follow a write that succeeded.
pub fn warn_stale(e: &brag_app::AppError) {
    ui::warn(format_args!(
        "saved, but the index could not be updated: {e}\n  the file is written; the index catches up on the next command that can write it (or run `brag reindex`)"
    ));
}

/// Returns a kind name parsed, or a usage error.
pub fn parse_kind(s: &str) -> CmdResult<brag_core::Kind> {
    s.parse()
        .map_err(|e| CommandError::usage(format!("--kind: {e}")))
}

fn today() -> CmdResult<Date> {
    // BRAG_NOW fixes "today" for tests and reproducible demos.
    if let Ok(now) = std::env::var("BRAG_NOW")
        && !now.is_empty()
    {
        return now.get(..10).unwrap_or(&now).parse().map_err(|_| {
            CommandError::usage(format!("BRAG_NOW=`{now}` is not a date (YYYY-MM-DD)"))
        });
    }
    Ok(local_today())
}

/// Returns today's date in the local time zone.
fn local_today() -> Date {
    let now = jiff::Timestamp::now();
    // Read /etc/localtime ourselves: asking jiff for the system zone by name makes it walk
    // the whole zoneinfo tree, a few milliseconds that `brag add` cannot spare.
    if std::env::var_os("TZ").is_none()
        && let Ok(bytes) = std::fs::read("/etc/localtime")
        && let Ok(tz) = jiff::tz::TimeZone::tzif("Local", &bytes)
    {
        return now.to_zoned(tz).date();
    }
    jiff::Zoned::now().date()
}

fn default_vault() -> CmdResult<PathBuf> {
    use etcetera::BaseStrategy as _;
    let base = etcetera::choose_base_strategy().map_err(|e| {
        CommandError::failure(format!("cannot find your home directory: {e}"))
            .hint("pass --vault DIR or set BRAG_VAULT")
    })?;
    Ok(base.data_dir().join("brag"))
}

/// Runs a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> CmdResult<ExitCode> {
    if matches!(cli.command, Command::Demo) && cli.vault.is_some() {
        return Err(CommandError::usage(
            "brag demo makes a throwaway vault of its own; --vault is not used",
        )
        .hint("run `brag demo` alone; it prints where its vault is"));
    }
    let env = Env::resolve(cli.vault)?;
    match cli.command {
        Command::Init(a) => init::cmd_init(&env, a),
        Command::Add(a) => add::cmd_add(&env, a),
        Command::New(a) => new::cmd_new(&env, a),
        Command::Edit(a) => edit::cmd_edit(&env, a),
        Command::Show(a) => show::cmd_show(&env, a),
        Command::List(a) => list::cmd_list(&env, a),
        Command::Search(a) => search::cmd_search(&env, a),
        Command::Import(a) => import::cmd_import(&env, a),
        Command::Harvest(a) => harvest::cmd_harvest(&env, a),
        Command::Coach(a) => coach::cmd_coach(&env, a),
        Command::Coverage(a) => coverage::cmd_coverage(&env, a),
        Command::Ask(a) => ask::cmd_ask(&env, a),
        Command::Rm(a) => rm::cmd_rm(&env, a),
        Command::Doctor(a) => return doctor::cmd_doctor(&env, a),
        Command::Reindex => reindex::cmd_reindex(&env),
        Command::Demo => demo::cmd_demo(&env),
        Command::Completions(a) => {
            // Generate into memory: clap_complete panics on a write error such as a
            // closed pipe, and our own write reports it like every other command.
            let mut cmd = Cli::command();
            let mut script = Vec::new();
            clap_complete::generate(a.shell, &mut cmd, "brag", &mut script);
            std::io::Write::write_all(&mut std::io::stdout().lock(), &script)?;
            Ok(())
        }
        Command::Man => {
            let mut page = Vec::new();
            crate::man::render(Cli::command(), &mut page)?;
            std::io::Write::write_all(&mut std::io::stdout().lock(), &page)?;
            Ok(())
        }
    }?;
    Ok(ExitCode::SUCCESS)
}

/// Writes JSON to stdout followed by a newline.
pub fn print_json(value: &impl serde::Serialize) -> CmdResult {
    use std::io::Write as _;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}
