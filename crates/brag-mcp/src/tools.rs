//! The tools: each an argument type (its JSON Schema, with the descriptions a model reads
//! to fill it in) and a thin call into [`brag_app`].
//!
//! Results are JSON objects (`structuredContent`, and the same JSON as text for clients
//! that read text alone), in the shapes of the CLI's `--json`; a Markdown report is
//! Markdown text.

use brag_app::{
    AddRequest, App, AppError, FilterSpec, ReportFormat, ReportKind, ReportRequest, StoryRequest,
    coach::STRONG, text_stamp,
};
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{CallToolResult, ContentBlock};
use rmcp::{ErrorData, tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::error::invalid;
use crate::server::Brag;

/// How many hits `search` gives unless asked.
const SEARCH_LIMIT: usize = 10;
/// How many entries `list` gives unless asked.
const LIST_LIMIT: usize = 50;
/// How many stories `ask` gives unless asked.
const ASK_LIMIT: usize = 5;
/// The most any call gives: a model's context is not a database dump.
const MOST: usize = 500;

/// Filters shared by `search` and `list`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
pub(crate) struct Filters {
    /// Only entries on or after the first day of this period: 2025-03-14, 2025-03,
    /// Q1 2025, 2025, "last month", "this year", "6 months ago".
    #[serde(default)]
    pub from: Option<String>,
    /// Only entries on or before the last day of this period (same forms as `from`).
    #[serde(default)]
    pub to: Option<String>,
    /// Only entries with every one of these tags (without `#`).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Only entries showing every one of these competencies: ids such as `dive-deep`, or
    /// names such as "Dive Deep" (matched loosely).
    #[serde(default)]
    pub competencies: Vec<String>,
    /// Only entries of this kind: win, story, learning, feedback or goal.
    #[serde(default)]
    pub kind: Option<String>,
    /// Only entries of this project.
    #[serde(default)]
    pub project: Option<String>,
}

impl Filters {
    fn spec(self) -> FilterSpec {
        FilterSpec {
            from: self.from,
            to: self.to,
            tags: self.tags,
            competencies: self.competencies,
            kind: self.kind,
            project: self.project,
        }
    }
}

/// Arguments of `search`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct SearchArgs {
    /// What to look for. All words must match; "an exact phrase" in quotes; `prefix*`;
    /// `a OR b`; `-word` or `NOT word` to leave out.
    pub query: String,
    #[serde(flatten)]
    pub filters: Filters,
    /// The most hits to give (default 10).
    #[serde(default)]
    pub limit: Option<usize>,
}

/// Arguments of `list`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
pub(crate) struct ListArgs {
    #[serde(flatten)]
    pub filters: Filters,
    /// The most entries to give, newest first (default 50).
    #[serde(default)]
    pub limit: Option<usize>,
}

/// Arguments of `show`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ShowArgs {
    /// The entry's id, such as `2025-03-14-retry-budget` (from `search` or `list`), or a
    /// part of it that starts a word of just one id (`retry-budget`).
    pub id: String,
}

/// Arguments of `ask`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AskArgs {
    /// The interview question, as the interviewer would put it: "Tell me about a time
    /// you disagreed with your manager". A job description works too.
    pub question: String,
    /// The most stories to give (default 5).
    #[serde(default)]
    pub limit: Option<usize>,
}

/// Arguments of `coach`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CoachArgs {
    /// One entry's id; without it, every story and win, weakest first.
    #[serde(default)]
    pub id: Option<String>,
    /// Only entries scoring below this (0-100); 70 and up counts as strong.
    #[serde(default)]
    pub below: Option<u8>,
    /// The most reports to give when coaching all (default 50).
    #[serde(default)]
    pub limit: Option<usize>,
}

/// Arguments of `coverage`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CoverageArgs {
    /// The framework's id, such as `amazon-lp` or `engineering` (default: the first
    /// active one).
    #[serde(default)]
    pub framework: Option<String>,
}

/// Arguments of `report`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReportArgs {
    /// Which report: `doc` (the brag document), `review` (a review packet), `week` (a
    /// weekly update), `resume` (resume bullets) or `interview` (a story bank).
    pub kind: String,
    /// The first day (default: doc this year, review six months ago, week this Monday,
    /// resume and interview all time). Forms: 2025-03-14, 2025-03, Q1 2025, "last month".
    #[serde(default)]
    pub from: Option<String>,
    /// The last day; a month or quarter counts to its last day.
    #[serde(default)]
    pub to: Option<String>,
    /// For `week`: the week before this one.
    #[serde(default)]
    pub last: bool,
    /// For `resume`: the most bullets (default 10).
    #[serde(default)]
    pub limit: Option<usize>,
    /// For `review`: leave out the stories that still need work (for sharing).
    #[serde(default)]
    pub no_todo: bool,
    /// `md` (Markdown, the default) or `json`.
    #[serde(default)]
    pub format: Option<String>,
}

/// Arguments of `add`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AddArgs {
    /// What the user did, in a line, with the number that shows it mattered: "cut p99
    /// from 420 ms to 95 ms #perf". `#tags`, `@people` and URLs in it are recognised.
    pub text: String,
    /// When it happened: 2025-03-14, yesterday, "last friday", "2 weeks ago" (default
    /// today).
    #[serde(default)]
    pub date: Option<String>,
    /// win (the default), story, learning, feedback or goal.
    #[serde(default)]
    pub kind: Option<String>,
    /// A title (default: made from the text).
    #[serde(default)]
    pub title: Option<String>,
    /// Tags (without `#`).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Competency ids or names (`dive-deep`, "Bias for Action").
    #[serde(default)]
    pub competencies: Vec<String>,
    /// Evidence links: pull requests, design docs, dashboards.
    #[serde(default)]
    pub links: Vec<String>,
    /// The project it belongs to.
    #[serde(default)]
    pub project: Option<String>,
}

/// Arguments of `save_story`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SaveStoryArgs {
    /// To update an entry: its id. Leave out to write a new story.
    #[serde(default)]
    pub id: Option<String>,
    /// For an update: the `stamp` that `show` gave. When the file changed since, nothing
    /// is saved and the error says so; `show` it again.
    #[serde(default)]
    pub stamp: Option<String>,
    /// A short title, one line (needed for a new story).
    #[serde(default)]
    pub title: Option<String>,
    /// When it happened: 2025-03-14, 2025-03, "last friday" (a new story: default today).
    #[serde(default)]
    pub date: Option<String>,
    /// The kind: story (the default for a new entry), win, learning, feedback or goal.
    #[serde(default)]
    pub kind: Option<String>,
    /// Situation: the context, in a few sentences.
    #[serde(default)]
    pub situation: Option<String>,
    /// Task: what the user had to achieve, and why it was hard.
    #[serde(default)]
    pub task: Option<String>,
    /// Action: what the user did, in the first person ("I ..."); Markdown bullets welcome.
    #[serde(default)]
    pub action: Option<String>,
    /// Result: what came of it, with numbers (before → after, time, money, people).
    #[serde(default)]
    pub result: Option<String>,
    /// One metric per item: "p99 420 ms → 95 ms".
    #[serde(default)]
    pub metrics: Option<Vec<String>>,
    /// What the user learned.
    #[serde(default)]
    pub lessons: Option<String>,
    /// Anything else worth keeping.
    #[serde(default)]
    pub notes: Option<String>,
    /// Competencies the story shows: an id or name, optionally with why, in the user's
    /// words: "dive-deep: read the retry code of three clients". Names are matched
    /// loosely against the active frameworks; one that matches none is kept as a tag.
    #[serde(default)]
    pub competencies: Option<Vec<String>>,
    /// Evidence links: pull requests, design docs, dashboards.
    #[serde(default)]
    pub links: Option<Vec<String>>,
    /// Tags (without `#`).
    #[serde(default)]
    pub tags: Option<Vec<String>>,
    /// People involved (without `@`).
    #[serde(default)]
    pub people: Option<Vec<String>>,
    /// The project it belongs to ("" clears it).
    #[serde(default)]
    pub project: Option<String>,
}

/// Returns a tool result carrying `value` as structured content and as its JSON text.
fn reply(value: Value) -> CallToolResult {
    CallToolResult::structured(value)
}

/// Returns `value` as JSON, or an internal error (no value brag makes fails to serialize).
fn to_json(value: &impl serde::Serialize) -> Result<Value, AppError> {
    serde_json::to_value(value).map_err(|e| AppError::Io(std::io::Error::other(e)))
}

/// Returns a limit the caller gave, or `default`, refusing 0 and bounding it.
fn limit(given: Option<usize>, default: usize) -> Result<usize, ErrorData> {
    match given {
        None => Ok(default),
        Some(0) => Err(invalid("limit must be at least 1")),
        Some(n) => Ok(n.min(MOST)),
    }
}

#[tool_router(router = read_tools, vis = "pub(crate)")]
impl Brag {
    /// Full-text search of the record.
    #[tool(
        name = "search",
        description = "Search the user's brag record (their accomplishments: wins, STAR \
                       stories, feedback received, learnings, goals) by words, best match \
                       first, with an extract around each match. Narrow by period, tags, \
                       competencies, kind or project. Use `show` for an entry's full text.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn search(
        &self,
        Parameters(args): Parameters<SearchArgs>,
    ) -> Result<CallToolResult, ErrorData> {
        let n = limit(args.limit, SEARCH_LIMIT)?;
        let spec = args.filters.spec();
        let query = args.query;
        self.call(move |app| {
            let filter = spec.to_filter(app.today())?;
            let found = app.search(&query, &filter, n)?;
            let mut out = json!({ "hits": found.hits });
            if found.ignored_terms > 0 {
                out["ignored_terms"] = json!(found.ignored_terms);
            }
            Ok(reply(out))
        })
        .await
    }

    /// The entries, newest first.
    #[tool(
        name = "list",
        description = "List entries of the user's brag record, newest first, with their id, \
                       date, kind, title, project and tags; filter by period (\"this year\", \
                       2025-Q1, \"last month\"), tags, competencies, kind or project. Use \
                       `show` for an entry's full text.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn list(
        &self,
        Parameters(args): Parameters<ListArgs>,
    ) -> Result<CallToolResult, ErrorData> {
        let n = limit(args.limit, LIST_LIMIT)?;
        let spec = args.filters.spec();
        self.call(move |app| {
            let filter = spec.to_filter(app.today())?;
            // One more than asked tells whether there are more.
            let mut entries = app.list_brief(&filter, Some(n + 1))?;
            let more = entries.len() > n;
            entries.truncate(n);
            Ok(reply(json!({ "entries": entries, "more": more })))
        })
        .await
    }

    /// One entry, whole.
    #[tool(
        name = "show",
        description = "One entry of the record, whole: its fields as JSON (STAR sections, \
                       metrics, competencies, links), the Markdown file as the user keeps \
                       it, and a `stamp` to pass to `save_story` when updating it.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn show(
        &self,
        Parameters(args): Parameters<ShowArgs>,
    ) -> Result<CallToolResult, ErrorData> {
        self.call(move |app| {
            let shown = app.show(&args.id)?;
            let stamp = text_stamp(&shown.raw);
            Ok(reply(json!({
                "entry": shown.entry,
                "markdown": shown.raw,
                "stamp": stamp,
            })))
        })
        .await
    }

    /// The stories that answer an interview question.
    #[tool(
        name = "ask",
        description = "Find the user's stories that best answer an interview question \
                       (\"Tell me about a time you disagreed with your team\") or fit a job \
                       description: the competencies it is about, and the best stories \
                       with a score and why each fits.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn ask(
        &self,
        Parameters(args): Parameters<AskArgs>,
    ) -> Result<CallToolResult, ErrorData> {
        let n = limit(args.limit, ASK_LIMIT)?;
        if args.question.trim().is_empty() {
            return Err(invalid("the question is empty"));
        }
        self.call(move |app| Ok(reply(to_json(&app.ask(&args.question, n)?)?)))
            .await
    }

    /// The coach's findings.
    #[tool(
        name = "coach",
        description = "Coach the user's writing: for one entry, or for every story and win \
                       (weakest first), a score out of 100 (70+ is strong) and findings \
                       such as a result without a number, a missing STAR section, vague \
                       verbs, no evidence link, each with a suggestion.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn coach(
        &self,
        Parameters(args): Parameters<CoachArgs>,
    ) -> Result<CallToolResult, ErrorData> {
        let n = limit(args.limit, LIST_LIMIT)?;
        if args.below.is_some_and(|b| b > 100) {
            return Err(invalid("below is a score from 0 to 100"));
        }
        self.call(move |app| {
            if let Some(id) = &args.id {
                return Ok(reply(to_json(&app.coach_one(id)?)?));
            }
            let mut coached = app.coach_all()?;
            if let Some(below) = args.below {
                coached.reports.retain(|r| r.score < below);
            }
            let more = coached.reports.len() > n;
            coached.reports.truncate(n);
            let mut out = to_json(&coached)?;
            out["strong_score"] = json!(STRONG);
            out["more"] = json!(more);
            Ok(reply(out))
        })
        .await
    }

    /// Which competencies have strong stories, and which are gaps.
    #[tool(
        name = "coverage",
        description = "Which competencies of a framework (Amazon Leadership Principles, an \
                       engineering ladder, the user's own) the record has strong stories \
                       for, and the gaps, each with the interview questions a new story \
                       should answer.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn coverage(
        &self,
        Parameters(args): Parameters<CoverageArgs>,
    ) -> Result<CallToolResult, ErrorData> {
        self.call(move |app| {
            let covered = app.coverage(args.framework.as_deref())?;
            let mut out = to_json(&covered)?;
            let fw = &covered.framework;
            out["framework_name"] = json!(fw.name);
            let gaps: Vec<Value> = covered
                .coverage
                .gaps
                .iter()
                .filter_map(|id| fw.get(id))
                .map(|c| json!({ "id": c.id, "name": c.name, "questions": c.questions }))
                .collect();
            out["gaps_to_write"] = json!(gaps);
            Ok(reply(out))
        })
        .await
    }

    /// A report made from the record.
    #[tool(
        name = "report",
        description = "Make a document from the record for a period: `doc` (the brag \
                       document), `review` (a self-review packet), `week` (a weekly update \
                       for the team), `resume` (resume bullets) or `interview` (a story bank \
                       by competency); Markdown, or JSON.",
        annotations(read_only_hint = true, open_world_hint = false)
    )]
    async fn report(
        &self,
        Parameters(args): Parameters<ReportArgs>,
    ) -> Result<CallToolResult, ErrorData> {
        let kind: ReportKind = args.kind.parse().map_err(invalid)?;
        let format = match args.format.as_deref().map(str::trim) {
            None | Some("md" | "markdown" | "") => ReportFormat::Markdown,
            Some("json") => ReportFormat::Json,
            Some(other) => {
                return Err(invalid(format!(
                    "no report format `{other}` here: md or json (HTML and PDF come from \
                     `brag report` on the command line)"
                )));
            }
        };
        let req = ReportRequest {
            kind,
            from: args.from,
            to: args.to,
            last: args.last,
            limit: args.limit,
            todo: !args.no_todo,
        };
        self.call(move |app| {
            let report = app.report(&req)?;
            let bytes = brag_app::render_report(&report, format)?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Ok(match format {
                ReportFormat::Json => {
                    let value: Value = serde_json::from_str(&text)
                        .map_err(|e| AppError::Io(std::io::Error::other(e)))?;
                    reply(value)
                }
                _ => CallToolResult::success(vec![ContentBlock::text(text)]),
            })
        })
        .await
    }
}

#[tool_router(router = write_tools, vis = "pub(crate)")]
impl Brag {
    /// A new entry from one line.
    #[tool(
        name = "add",
        description = "Record one accomplishment in a line, as it happens (\"cut p99 from \
                       420 ms to 95 ms #perf\"): a new `win` unless another kind is given. \
                       Put a number in it. For a full STAR story use `save_story`.",
        annotations(
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = false,
            open_world_hint = false
        )
    )]
    async fn add(
        &self,
        Parameters(args): Parameters<AddArgs>,
    ) -> Result<CallToolResult, ErrorData> {
        let req = AddRequest {
            text: args.text,
            date: args.date,
            kind: args.kind,
            title: args.title,
            tags: args.tags,
            competencies: args.competencies,
            links: args.links,
            project: args.project,
        };
        self.call(move |app| {
            // Checked before the vault is touched: a bad date or kind writes nothing.
            let line = req.build(app.today())?;
            let added = app.add_line(line)?;
            Ok(reply(json!({
                "entry": added.entry,
                "unknown_competencies": added.unknown_competencies,
            })))
        })
        .await
    }

    /// A STAR story, new or updated.
    #[tool(
        name = "save_story",
        description = "Save a STAR story (Situation, Task, Action, Result, with metrics, \
                       competencies and evidence links) to the record. Without `id`: a new \
                       `story` entry. With `id`: an update that changes only the parts \
                       given and keeps everything else in the file; pass the `stamp` from \
                       `show` so a change the user made meanwhile is never overwritten. \
                       Write in the user's words, first person, with numbers in the result.",
        annotations(
            read_only_hint = false,
            destructive_hint = false,
            idempotent_hint = true,
            open_world_hint = false
        )
    )]
    async fn save_story(
        &self,
        Parameters(args): Parameters<SaveStoryArgs>,
    ) -> Result<CallToolResult, ErrorData> {
        let req = StoryRequest {
            id: args.id,
            stamp: args.stamp,
            title: args.title,
            date: args.date,
            kind: args.kind,
            situation: args.situation,
            task: args.task,
            action: args.action,
            result: args.result,
            metrics: args.metrics,
            lessons: args.lessons,
            notes: args.notes,
            competencies: args.competencies,
            links: args.links,
            tags: args.tags,
            people: args.people,
            project: args.project,
        };
        self.call(move |app| {
            let saved = app.save_story(&req)?;
            let stamp = read_stamp(app, &saved.entry.path);
            Ok(reply(json!({
                "entry": saved.entry,
                "created": saved.created,
                "changed": saved.changed,
                "unknown_competencies": saved.unknown_competencies,
                "stamp": stamp,
            })))
        })
        .await
    }
}

/// Returns the stamp of the file just written, for a further update; `None` when it
/// cannot be read back (the next `show` gives it).
fn read_stamp(app: &App, rel: &str) -> Option<String> {
    std::fs::read_to_string(app.abs(rel))
        .ok()
        .map(|t| text_stamp(&t))
}
