//! One module per command, each with its arguments beside its `cmd_*` function: parse,
//! call one `brag-app` use case, print. `run` resolves what every command shares (the
//! vault, the clock) and dispatches.

pub mod add;
pub mod ask;
pub mod coach;
pub mod completions;
pub mod coverage;
pub mod demo;
pub mod doctor;
pub mod edit;
pub mod harvest;
pub mod import;
pub mod init;
pub mod list;
pub mod man;
pub mod mcp;
pub mod new;
pub mod reindex;
pub mod remind;
pub mod report;
pub mod rm;
pub mod search;
pub mod serve;
pub mod show;
pub mod sync;

use std::path::PathBuf;
use std::process::ExitCode;

use brag_app::{App, AppError, Clock, Filter, FilterSpec, VaultError};

use crate::cli::{Cli, Command, FilterArgs};
use crate::error::{CmdResult, CommandError};
use crate::ui;

/// Returns what every command needs: where the vault is and where "today" comes from.
pub struct Env {
    /// The vault directory.
    pub vault: PathBuf,
    /// Today's source: the system, or `BRAG_NOW`.
    pub clock: Clock,
}

impl Env {
    fn resolve(vault: Option<PathBuf>) -> CmdResult<Env> {
        Ok(Env {
            clock: Clock::from_env()?,
            vault: brag_app::vault_path(vault)?,
        })
    }

    /// Returns today.
    pub fn today(&self) -> brag_app::Date {
        self.clock.today()
    }

    /// Returns the vault opened.
    pub fn open(&self) -> CmdResult<App> {
        Ok(App::open(&self.vault, self.clock)?)
    }

    /// Returns the vault opened, made first when the directory is missing or empty (for
    /// writers); says so when it was made.
    pub fn open_or_init(&self) -> CmdResult<App> {
        let (app, made) = App::open_or_init(&self.vault, self.clock).map_err(|e| match e {
            AppError::Vault(VaultError::NotAVault { .. }) => {
                CommandError::failure(format!("{} is not a brag vault", self.vault.display())).hint(
                    format!(
                        "run `brag init {}` to make it one, or pass another --vault",
                        self.vault.display()
                    ),
                )
            }
            e => e.into(),
        })?;
        if made {
            ui::note(format_args!("Made a new vault at {}", self.vault.display()));
        }
        Ok(app)
    }

    /// Returns the core filter for the shared filter flags.
    pub fn filter(&self, f: &FilterArgs) -> CmdResult<Filter> {
        Ok(FilterSpec {
            from: f.from.clone(),
            to: f.to.clone(),
            tags: f.tags.clone(),
            competencies: f.competencies.clone(),
            kind: f.kind.clone(),
            project: f.project.clone(),
        }
        .to_filter(self.today())?)
    }
}

/// Warns about the files the last sync could not read.
pub fn warn_problems(app: &App) -> CmdResult {
    for p in app.problems()? {
        ui::warn(format_args!(
            "{}:{}: {} (skipped; `brag doctor` lists every such file)",
            app.abs(&p.path).display(),
            p.line,
            p.message
        ));
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
pub fn warn_stale(e: &AppError) {
    ui::warn(format_args!(
        "saved, but the index could not be updated: {e}\n  the file is written; the index catches up on the next command that can write it (or run `brag reindex`)"
    ));
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
        Command::Report(a) => report::cmd_report(&env, a),
        Command::Serve(a) => serve::cmd_serve(&env, a),
        Command::Mcp(a) => mcp::cmd_mcp(&env, a),
        Command::Rm(a) => rm::cmd_rm(&env, a),
        Command::Doctor(a) => return doctor::cmd_doctor(&env, a),
        Command::Reindex => reindex::cmd_reindex(&env),
        Command::Remind(a) => remind::cmd_remind(&env, a),
        Command::Sync(a) => sync::cmd_sync(&env, a),
        Command::Demo => demo::cmd_demo(&env),
        Command::Completions(a) => completions::cmd_completions(a),
        Command::Man => man::cmd_man(),
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
