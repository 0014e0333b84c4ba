//! `brag remind`: one short nudge when the record has gone quiet, nothing when it is
//! fresh; `--install` schedules it weekly (a systemd user timer, or the crontab line to
//! add), `--uninstall` removes it.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use brag_app::{App, Reminder};
use clap::Args;

use super::{Env, print_json};
use crate::error::{CmdResult, CommandError};
use crate::ui;

/// Arguments of `brag remind`.
#[derive(Debug, Args)]
pub struct RemindArgs {
    /// Quiet after N days without an entry [default: `remind.days` in brag.toml, else 7].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub days: Option<u32>,
    /// Show the nudge as a desktop notification (`notify-send`) when there is one, else
    /// print it.
    #[arg(long, conflicts_with_all = ["install", "uninstall", "json"])]
    pub notify: bool,
    /// Run `brag remind --notify` weekly: a systemd user timer, or (without systemd) the
    /// crontab line to add.
    #[arg(long, conflicts_with_all = ["uninstall", "json"])]
    pub install: bool,
    /// Remove what --install set up.
    #[arg(long, conflicts_with = "json")]
    pub uninstall: bool,
    /// Print the reminder as JSON, quiet or not.
    #[arg(long)]
    pub json: bool,
}

/// The systemd units `--install` writes.
const SERVICE: &str = "brag-remind.service";
const TIMER: &str = "brag-remind.timer";

/// Prints the nudge, or nothing; or installs or removes the weekly timer.
pub fn cmd_remind(env: &Env, args: RemindArgs) -> CmdResult {
    if args.install {
        return install(env, args.days);
    }
    if args.uninstall {
        return uninstall();
    }
    let app = env.open()?;
    let reminder = app.remind(args.days)?;
    if args.json {
        return print_json(&reminder);
    }
    if !reminder.quiet {
        return Ok(());
    }
    let (title, lines) = nudge(&reminder);
    if args.notify && notify(&title, &lines.join("\n")) {
        return Ok(());
    }
    let mut out = ui::stdout();
    writeln!(out, "{title}")?;
    for l in &lines {
        writeln!(out, "  {l}")?;
    }
    out.flush()?;
    Ok(())
}

/// Returns the nudge: a title line and what could be recorded.
fn nudge(r: &Reminder) -> (String, Vec<String>) {
    let title = match (&r.last, r.days_since) {
        (Some(last), Some(n)) => format!(
            "brag: nothing recorded for {n} day{} (last: \"{}\", {})",
            if n == 1 { "" } else { "s" },
            last.title,
            last.date.map(|d| d.to_string()).unwrap_or_default()
        ),
        _ => "brag: nothing recorded yet".to_owned(),
    };
    let mut lines =
        vec!["What did you ship, fix or unblock? `brag add \"...\"` takes ten seconds.".to_owned()];
    if let Some(d) = r.drafts.first() {
        let n = r.drafts.len();
        lines.push(format!(
            "{n} draft{} from `brag harvest` wait{} for review, \"{}\" first: `brag edit {}`",
            ui::plural(n, "", "s"),
            ui::plural(n, "s", ""),
            d.title,
            d.id
        ));
    }
    if let Some(w) = r.weak.first() {
        let n = r.weak.len();
        lines.push(format!(
            "{n} stor{} the coach scores weak, \"{}\" first: `brag coach {}`",
            ui::plural(n, "y", "ies"),
            w.title,
            w.id
        ));
    }
    if r.this_week > 0 {
        lines.push(format!(
            "This week's update is ready to share ({} entr{}): `brag report week`",
            r.this_week,
            ui::plural(r.this_week, "y", "ies")
        ));
    } else if r.last_week > 0 {
        lines.push(format!(
            "Last week's update is ready to share ({} entr{}): `brag report week --last`",
            r.last_week,
            ui::plural(r.last_week, "y", "ies")
        ));
    }
    (title, lines)
}

/// Shows a desktop notification; returns false when there is no `notify-send` or it
/// failed, so the caller prints instead.
fn notify(title: &str, body: &str) -> bool {
    Command::new("notify-send")
        .args(["--app-name=brag", title, body])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Returns the program on PATH, if there is one.
fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(program))
        .find(|p| p.is_file())
}

/// Returns `$XDG_CONFIG_HOME/systemd/user` (default `~/.config/systemd/user`).
fn unit_dir() -> CmdResult<PathBuf> {
    Ok(brag_app::config_dir()?.join("systemd").join("user"))
}

/// Returns the command line the schedule runs: this binary, the vault, `remind --notify`.
fn remind_command(env: &Env, days: Option<u32>) -> CmdResult<Vec<String>> {
    let exe = std::env::current_exe()
        .map_err(|e| CommandError::failure(format!("cannot find the brag binary: {e}")))?;
    let vault = std::path::absolute(&env.vault).unwrap_or_else(|_| env.vault.clone());
    // The vault must open: a schedule that fails every week helps nobody.
    App::open(&vault, env.clock)?;
    let mut cmd = vec![
        exe.display().to_string(),
        "--vault".to_owned(),
        vault.display().to_string(),
        "remind".to_owned(),
        "--notify".to_owned(),
    ];
    if let Some(d) = days {
        cmd.push("--days".to_owned());
        cmd.push(d.to_string());
    }
    Ok(cmd)
}

/// Quotes a word for a shell or a systemd `ExecStart=` when it needs it.
fn quote(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-_.,:=@+".contains(c))
    {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

fn install(env: &Env, days: Option<u32>) -> CmdResult {
    let cmd = remind_command(env, days)?;
    let line: Vec<String> = cmd.iter().map(|w| quote(w)).collect();
    let line = line.join(" ");
    let mut out = ui::stdout();
    let Some(systemctl) = on_path("systemctl") else {
        writeln!(
            out,
            "No systemd here, so nothing was changed. To be reminded every Monday at 10:00,\nadd this line to your crontab (`crontab -e`):\n\n0 10 * * 1 {line}"
        )?;
        out.flush()?;
        return Ok(());
    };
    let dir = unit_dir()?;
    std::fs::create_dir_all(&dir)
        .map_err(|e| CommandError::failure(format!("cannot make {}: {e}", dir.display())))?;
    let service = format!(
        "# Written by `brag remind --install`; `brag remind --uninstall` removes it.\n[Unit]\nDescription=brag: a nudge when the record has gone quiet\n\n[Service]\nType=oneshot\nExecStart={line}\n"
    );
    let timer = "# Written by `brag remind --install`; `brag remind --uninstall` removes it.\n[Unit]\nDescription=brag: a weekly nudge when the record has gone quiet\n\n[Timer]\nOnCalendar=Mon *-*-* 10:00:00\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n";
    for (name, text) in [(SERVICE, service.as_str()), (TIMER, timer)] {
        let path = dir.join(name);
        brag_app::write_file(&path, text.as_bytes())?;
        writeln!(out, "Wrote {}", path.display())?;
    }
    let enabled = run_systemctl(&systemctl, &["daemon-reload"])
        && run_systemctl(&systemctl, &["enable", "--now", TIMER]);
    if enabled {
        writeln!(
            out,
            "Ran `systemctl --user enable --now {TIMER}`: every Monday at 10:00 (or at the next\nlogin after it), `brag remind --notify` runs. `brag remind --uninstall` stops it."
        )?;
    } else {
        writeln!(
            out,
            "`systemctl --user enable --now {TIMER}` failed (no user session?); run it yourself\nto start the timer. `brag remind --uninstall` removes the files."
        )?;
    }
    out.flush()?;
    Ok(())
}

fn uninstall() -> CmdResult {
    let dir = unit_dir()?;
    let mut out = ui::stdout();
    let installed: Vec<PathBuf> = [TIMER, SERVICE]
        .iter()
        .map(|n| dir.join(n))
        .filter(|p| p.exists())
        .collect();
    if installed.is_empty() {
        writeln!(
            out,
            "No brag timer in {}: nothing to remove. A crontab line, if you added one,\nis yours to remove with `crontab -e`.",
            dir.display()
        )?;
        out.flush()?;
        return Ok(());
    }
    let systemctl = on_path("systemctl");
    if let Some(systemctl) = &systemctl
        && run_systemctl(systemctl, &["disable", "--now", TIMER])
    {
        writeln!(out, "Ran `systemctl --user disable --now {TIMER}`")?;
    }
    for p in installed {
        remove(&p)?;
        writeln!(out, "Removed {}", p.display())?;
    }
    if let Some(systemctl) = &systemctl {
        run_systemctl(systemctl, &["daemon-reload"]);
    }
    out.flush()?;
    Ok(())
}

fn remove(p: &Path) -> CmdResult {
    std::fs::remove_file(p)
        .map_err(|e| CommandError::failure(format!("cannot remove {}: {e}", p.display())))
}

/// Runs `systemctl --user ARGS`; returns true when it succeeded.
fn run_systemctl(systemctl: &Path, args: &[&str]) -> bool {
    Command::new(systemctl)
        .arg("--user")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
