//! The command line, as clap structs. Doc comments here are the `--help` text, the man page
//! and the completions; values are raw here and resolved in `cmd/`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

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
    Edit(IdArgs),
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
    /// documents, conference talk notes, `jrnl --export json` and CSV. Every line ends up in
    /// an entry or is named in a warning. Importing the same document again adds nothing.
    #[command(
        after_help = "Examples:\n  brag import --dry-run old-brag-doc.txt     # see what would be written\n  brag import old-brag-doc.txt notes.md"
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
    /// Move an entry to the vault's trash (`.brag/trash/`).
    ///
    /// Given part of an id, `rm` asks before it removes the entry it found (on a
    /// terminal), or needs `--yes`.
    Rm(RmArgs),
    /// Check the vault: config, index and every entry file. Exits 1 when something is wrong.
    Doctor(JsonArgs),
    /// Rebuild the index from the entry files.
    Reindex,
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

/// Arguments of `brag init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to make the vault (default: --vault, $BRAG_VAULT, or ~/.local/share/brag).
    pub dir: Option<PathBuf>,
}

/// Arguments of `brag add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// What you did, in a line. Several words are joined with spaces.
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
    /// When it happened: 2025-03-14, yesterday, last friday, 2 weeks ago... (default: today).
    #[arg(long, short = 'd', value_name = "DATE")]
    pub date: Option<String>,
    /// The kind of entry: win, story, learning, feedback or goal.
    #[arg(long, short = 'k', default_value = "win", value_name = "KIND")]
    pub kind: String,
    /// A title (default: made from the text).
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// A tag; repeat for more.
    #[arg(long = "tag", short = 't', value_name = "TAG")]
    pub tags: Vec<String>,
    /// A competency id such as dive-deep; repeat for more.
    #[arg(long = "competency", short = 'c', value_name = "COMPETENCY")]
    pub competencies: Vec<String>,
    /// An evidence link; repeat for more.
    #[arg(long = "link", short = 'l', value_name = "URL")]
    pub links: Vec<String>,
    /// The project it belongs to.
    #[arg(long, short = 'p', value_name = "PROJECT")]
    pub project: Option<String>,
    #[command(flatten)]
    pub out: JsonArgs,
}

/// Arguments of `brag import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The documents to import; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The format: auto, star-text, markdown, talk-notes, jrnl or csv.
    #[arg(long, short = 'f', default_value = "auto", value_name = "FORMAT")]
    pub format: String,
    /// Show what would be written, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The date for entries whose source gives none (default: they are marked undated).
    #[arg(long, short = 'd', value_name = "DATE")]
    pub date: Option<String>,
    #[command(flatten)]
    pub out: JsonArgs,
}

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

/// Arguments of `brag coach`.
#[derive(Debug, Args)]
pub struct CoachArgs {
    /// One entry to coach (default: every story and win).
    #[arg(value_name = "ID")]
    pub id: Option<String>,
    /// Show only entries scoring below N.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub min_score: Option<u8>,
    #[command(flatten)]
    pub out: JsonArgs,
}

/// Arguments of `brag coverage`.
#[derive(Debug, Args)]
pub struct CoverageArgs {
    /// The framework: amazon-lp, engineering or one of yours (default: the first in brag.toml).
    #[arg(long, short = 'f', value_name = "FRAMEWORK")]
    pub framework: Option<String>,
    #[command(flatten)]
    pub out: JsonArgs,
}

/// Arguments of `brag ask`.
#[derive(Debug, Args)]
pub struct AskArgs {
    /// The interview question. Several words are joined with spaces.
    #[arg(required = true, value_name = "QUESTION")]
    pub question: Vec<String>,
    /// How many stories to show (at least 1).
    #[arg(long, short = 'n', default_value_t = 5, value_name = "N", value_parser = at_least_one)]
    pub limit: usize,
    #[command(flatten)]
    pub out: JsonArgs,
}

/// Arguments of `brag new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The kind of entry: win, story, learning, feedback or goal.
    #[arg(long, short = 'k', default_value = "story", value_name = "KIND")]
    pub kind: String,
    /// The title to start with.
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// When it happened (default: today).
    #[arg(long, short = 'd', value_name = "DATE")]
    pub date: Option<String>,
}

/// An entry id; part of one is enough when it is unique.
#[derive(Debug, Args)]
pub struct IdArgs {
    /// The entry's id (its file name without `.md`), or a part of it that starts a word of
    /// just one id (`budget`, `2025-03-14`).
    #[arg(value_name = "ID")]
    pub id: String,
}

/// Arguments of `brag rm`.
#[derive(Debug, Args)]
pub struct RmArgs {
    /// The entry's id (its file name without `.md`), or a part of it that starts a word of
    /// just one id.
    #[arg(value_name = "ID")]
    pub id: String,
    /// Remove the entry that part of an id names without asking.
    #[arg(long, short = 'y')]
    pub yes: bool,
}

/// Arguments of `brag show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The entry's id (its file name without `.md`), or a part of it that starts a word of
    /// just one id (`budget`, `2025-03-14`).
    #[arg(value_name = "ID")]
    pub id: String,
    /// Print the file exactly as it is on disk.
    #[arg(long, conflicts_with = "json")]
    pub raw: bool,
    #[command(flatten)]
    pub out: JsonArgs,
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

/// Arguments of `brag list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Show at most this many entries (at least 1).
    #[arg(long, short = 'n', value_name = "N", value_parser = at_least_one)]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub out: JsonArgs,
}

/// Arguments of `brag search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for: words, "phrases", prefix*, OR, NOT or -word (see above).
    /// Several arguments are joined with spaces.
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Show at most this many results (at least 1).
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N", value_parser = at_least_one)]
    pub limit: usize,
    #[command(flatten)]
    pub out: JsonArgs,
}

/// Arguments of `brag completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Returns a count of 1 or more: `-n 0` asks for nothing, which is a mistake, not a
/// query with no results.
fn at_least_one(s: &str) -> Result<usize, String> {
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
