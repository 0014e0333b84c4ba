//! The command line: the top-level clap definition, the command list and the arguments
//! several commands share. Each command's own arguments live beside its `cmd_*` function
//! in `cmd/`. Doc comments are the `--help` text, the man page and the completions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::cmd::add::AddArgs;
use crate::cmd::ask::AskArgs;
use crate::cmd::coach::CoachArgs;
use crate::cmd::completions::CompletionsArgs;
use crate::cmd::coverage::CoverageArgs;
use crate::cmd::edit::EditArgs;
use crate::cmd::harvest::HarvestArgs;
use crate::cmd::import::ImportArgs;
use crate::cmd::init::InitArgs;
use crate::cmd::list::ListArgs;
use crate::cmd::mcp::McpArgs;
use crate::cmd::new::NewArgs;
use crate::cmd::remind::RemindArgs;
use crate::cmd::report::ReportArgs;
use crate::cmd::rm::RmArgs;
use crate::cmd::search::SearchArgs;
use crate::cmd::serve::ServeArgs;
use crate::cmd::show::ShowArgs;

/// Keep the record of your work: what you did, why it mattered, and the proof.
///
/// brag stores every accomplishment as a Markdown file you own, in a vault directory
/// (default `$XDG_DATA_HOME/brag`, so `~/.local/share/brag`). Capture a win in seconds with
/// `brag add`, shape it into a STAR story with `brag edit`, and find it again with
/// `brag list` and `brag search`. Try `brag demo` for a tour on sample data.
#[derive(Debug, Parser)]
#[command(name = "brag", version, max_term_width = 100, propagate_version = true)]
pub struct Cli {
    /// The vault directory to use [default: $BRAG_VAULT, else ~/.local/share/brag].
    #[arg(long, global = true, value_name = "DIR")]
    pub vault: Option<PathBuf>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// brag's commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Make a vault (asks nothing; running it again changes nothing).
    Init(InitArgs),
    /// Record a new entry from one line of text.
    ///
    /// `#tag`, `@person` and URLs in the text are recognised: tags and people go to the
    /// entry's front matter, URLs to its evidence links. The title is the text without
    /// URLs and trailing tags.
    #[command(
        after_help = "Examples:\n  brag add \"cut p99 from 420 ms to 95 ms #perf\"\n  brag add --date yesterday -c dive-deep \"found the leak in the pool with @priya\""
    )]
    Add(AddArgs),
    /// Write a new entry in $EDITOR, starting from a template.
    ///
    /// Saving an empty or unchanged file writes nothing.
    New(NewArgs),
    /// Open an entry in $EDITOR; it is saved only if it still reads as an entry.
    Edit(EditArgs),
    /// Show one entry.
    Show(ShowArgs),
    /// List entries, newest first.
    List(ListArgs),
    /// Full-text search, best matches first, with highlighted snippets.
    ///
    /// Every word must match, in any order, with stemming (`retry` finds `retried`) and
    /// without regard to case or accents. Operators are written in capitals:
    ///
    ///   "tail latency"       the words side by side, as a phrase
    ///   retr*                a word that starts with `retr`
    ///   deploy OR rollback   either; OR joins the two terms beside it, so
    ///                        `deploy OR rollback rivet` is (deploy or rollback) and rivet
    ///   NOT deploys          leave out entries that match; so do -deploys, -retr* and
    ///                        -"tail latency"
    ///
    /// A query of exclusions alone lists every other entry the filters select, newest
    /// first. A hyphen inside a word (`e-mail`, `p-99`) is part of it; parentheses and
    /// other punctuation are plain text. Repeated terms count once; past 32 different
    /// terms, the rest of the query is ignored with a warning, and a term longer than
    /// 200 bytes is cut. A query that starts with `-` goes after `--`:
    ///
    ///   brag search -- -deploys
    ///   brag search "kafka -billing" --from 2025-01
    ///
    /// With --semantic the query is read for its meaning, not its words: entries are
    /// ranked by how near they are to it (cosine similarity, -1 to 1), so "cut costs"
    /// finds "halved the cloud bill". Operators are then plain words.
    ///
    ///   brag search --semantic "a time I saved the company money"
    // Verbatim keeps the operator table; the summary in `brag --help` is given apart,
    // without the full stop verbatim would keep.
    #[command(
        verbatim_doc_comment,
        about = "Full-text search, best matches first, with highlighted snippets"
    )]
    Search(SearchArgs),
    /// Bring entries in from documents you already have, losing no line.
    ///
    /// Reads plain-text STAR notes (Google Docs, Notion, Quip exports), Markdown brag
    /// documents and story banks, org-mode and reStructuredText, conference talk notes, work
    /// logs, `jrnl --export json` and CSV, and folders of them. Every line ends up in an
    /// entry or is named in a warning. Importing the same document again adds nothing.
    #[command(
        after_help = "Examples:\n  brag import --dry-run old-brag-doc.txt     # see what would be written\n  brag import old-brag-doc.txt notes.md\n  brag import ~/notes/daily/                 # a folder of daily files, dated by their names"
    )]
    Import(ImportArgs),
    /// Recover forgotten work: draft entries from your commits.
    Harvest(HarvestArgs),
    /// Findings and a 0–100 score per entry: what would make each story stronger.
    ///
    /// Stories are checked for missing STAR sections, results without a number, weak
    /// verbs ("helped", "worked on"), "we" instead of "I", vague results, length, missing
    /// competencies, missing or old dates. Weakest first.
    Coach(CoachArgs),
    /// Which competencies your stories prove, and the gaps to fill.
    ///
    /// A story is strong when the coach scores it 70 or more. Each gap comes with the
    /// framework's interview questions to write a story for.
    Coverage(CoverageArgs),
    /// The stories that best answer an interview question, and why.
    ///
    /// Stories are ranked by the question's words and its competency's keywords in your
    /// own text, their competency tags and their coach score. Drafts from `brag harvest`
    /// (`draft: true`) come after every other entry until you review them.
    #[command(
        after_help = "Examples:\n  brag ask \"tell me about a time you disagreed with your manager\""
    )]
    Ask(AskArgs),
    /// Documents from the record: brag doc, review packet, week, resume, interview bank.
    ///
    /// Markdown and JSON go to standard output; HTML (self-contained, prints well) and PDF
    /// go to a file with -o. The period is --from/--to, or each report's default: doc this
    /// year, review the last six months, week this ISO week (--last: the one before),
    /// resume and interview everything (resume puts the last two years first).
    #[command(
        after_help = "Examples:\n  brag report week | pbcopy                      # paste into the team chat\n  brag report review --no-todo -o review.pdf\n  brag report doc --from 2025-01 --to 2025-12 -o brag-2025.md\n  brag report resume -n 6\n  brag report interview -o stories.html"
    )]
    Report(ReportArgs),
    /// Browse, capture and edit the record in a browser, on this machine.
    ///
    /// Serves the web UI at http://127.0.0.1:PORT until you stop it (Ctrl-C). Pages:
    /// timeline with a quick-add box, entries (view, edit, trash), search, ask, coverage,
    /// coach, reports. The server watches the vault, so edits made with the CLI or an
    /// editor show on the next reload. It answers only requests that name its own address.
    #[command(
        after_help = "Examples:\n  brag serve --open              # http://127.0.0.1:4711 in your browser\n  brag serve --port 8080\n  brag serve --bind 0.0.0.0      # reachable from other machines: mind who can"
    )]
    Serve(ServeArgs),
    /// Open the record to your AI assistant: an MCP server on stdin/stdout.
    ///
    /// Your assistant's client (Claude, Cursor, VS Code...) starts `brag mcp` and can then
    /// search, list and show your entries, find the stories for an interview question, read
    /// the coach's findings and your competency coverage, make reports, and, unless
    /// --read-only, add a line or save a STAR story.
    /// Writes take the vault lock and are atomic, as from the CLI. Nothing leaves your
    /// machine but what your own client asks for. `--print-config` prints the client's
    /// set-up, with absolute paths.
    #[command(
        after_help = "Examples:\n  brag mcp --print-config claude            # paste into claude_desktop_config.json\n  brag mcp --print-config vscode --read-only\n  claude mcp add brag -- \"$(command -v brag)\" mcp --vault ~/brag"
    )]
    Mcp(McpArgs),
    /// Move an entry to the vault's trash (`.brag/trash/`).
    ///
    /// Given part of an id, `rm` asks before it removes the entry it found (on a
    /// terminal), or needs `--yes`.
    Rm(RmArgs),
    /// Check the vault: config, index and every entry file. Exits 1 when something is wrong.
    Doctor(JsonArgs),
    /// Rebuild the index from the entry files.
    Reindex,
    /// A short nudge when the record has gone quiet; silent when it is fresh.
    ///
    /// Prints nothing and exits 0 when an entry is dated within the last N days (default
    /// 7, or `days` under `[remind]` in brag.toml), so it fits a shell profile. Otherwise
    /// says how long it has been and what could be recorded: drafts from `brag harvest`,
    /// stories the coach scores weak, the week's update ready to share. `--install` runs
    /// `brag remind --notify` weekly (Mondays at 10:00) with a systemd user timer, and
    /// says what it wrote; without systemd it prints the crontab line to add and changes
    /// nothing. `--uninstall` removes the timer.
    #[command(
        after_help = "Examples:\n  echo 'brag remind' >> ~/.bashrc     # a nudge in every new shell, when it is due\n  brag remind --days 14\n  brag remind --install               # weekly desktop notification\n  brag remind --uninstall"
    )]
    Remind(RemindArgs),
    /// Share the vault through git: commit every change, pull with rebase, push.
    ///
    /// The vault must be in a git repository (`brag init --git` makes one; an existing
    /// repository is used as it is) with a remote. Your own `git` does the work, so your
    /// credentials, SSH keys and hooks apply; brag stores no credential. The commit message
    /// lists the entries added, changed and removed. `.brag/` (the index) never enters
    /// git. An entry changed on both sides keeps both versions: yours at its path, the
    /// other side's beside it as ID-2 with `conflict: true`, listed by `brag doctor` until
    /// you merge them. When the remote cannot be reached, your commit stays and the next
    /// sync sends it.
    #[command(
        after_help = "Examples:\n  brag init --git && git -C ~/.local/share/brag remote add origin git@github.com:me/brag.git\n  brag sync"
    )]
    Sync(JsonArgs),
    /// Make a throwaway vault of sample entries and show brag at work on it.
    Demo,
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  brag completions bash > ~/.local/share/bash-completion/completions/brag"
    )]
    Completions(CompletionsArgs),
    /// Print the man page (roff).
    #[command(after_help = "Examples:\n  brag man > ~/.local/share/man/man1/brag.1")]
    Man,
}

/// `--json`, shared by every read command.
#[derive(Debug, Args)]
pub struct JsonArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The filters `list` and `search` share.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Entries on or after this date (2025-01-01, 2025-03, Q1 2025, last month...).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Entries on or before this date; a month or quarter counts to its last day.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Entries with this tag; repeat to require several.
    #[arg(long = "tag", short = 't', value_name = "TAG")]
    pub tags: Vec<String>,
    /// Entries with this competency id; repeat to require several.
    #[arg(long = "competency", short = 'c', value_name = "COMPETENCY")]
    pub competencies: Vec<String>,
    /// Entries of this kind: win, story, learning, feedback or goal.
    #[arg(long, short = 'k', value_name = "KIND")]
    pub kind: Option<String>,
    /// Entries of this project.
    #[arg(long, short = 'p', value_name = "PROJECT")]
    pub project: Option<String>,
}

/// Returns a count of 1 or more: `-n 0` asks for nothing, which is a mistake, not a
/// query with no results.
pub fn at_least_one(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err("must be at least 1".to_owned()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("`{s}` is not a whole number")),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        super::Cli::command().debug_assert();
    }
}
