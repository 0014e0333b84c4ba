//! The prompts: the three jobs users bring an assistant to brag for. Each carries what it
//! needs from the record in its text (the competencies to choose from, the stories that
//! fit, the period's record), so it works in a client that runs no tools; the tools do
//! the rest.

use std::fmt::Write as _;

use brag_app::framework::Framework;
use brag_app::{App, AppError, ReportFormat, ReportKind, ReportRequest, coach::STRONG};
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{GetPromptResult, PromptMessage, Role};
use rmcp::{ErrorData, prompt, prompt_router};
use schemars::JsonSchema;
use serde::Deserialize;

use crate::error::invalid;
use crate::server::Brag;

/// How many stories `prepare-interview` puts forward per question.
const PER_QUESTION: usize = 3;

/// Arguments of `star-from-notes`.
#[derive(Debug, Deserialize, JsonSchema)]
pub(crate) struct StarArgs {
    /// The user's notes about something they did: a paragraph, bullets, a chat log, a PR
    /// description.
    pub notes: String,
}

/// Arguments of `prepare-interview`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
pub(crate) struct InterviewArgs {
    /// A competency to prepare, by id or name ("Dive Deep", "ownership").
    #[serde(default)]
    pub competency: Option<String>,
    /// Or the job description of the role, pasted whole.
    #[serde(default)]
    pub job_description: Option<String>,
}

/// Arguments of `review-draft`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
pub(crate) struct ReviewArgs {
    /// The first day of the review period (default: six months ago): 2025-01-01, 2025-H1,
    /// "last quarter".
    #[serde(default)]
    pub from: Option<String>,
    /// The last day (default: today).
    #[serde(default)]
    pub to: Option<String>,
}

/// Returns a prompt of one user message.
fn said(description: &str, text: String) -> GetPromptResult {
    GetPromptResult::new(vec![PromptMessage::new_text(Role::User, text)])
        .with_description(description)
}

// The macro makes a public `*_prompt_attr` function per prompt, undocumented.
#[allow(missing_docs)]
#[prompt_router(vis = "pub(crate)")]
impl Brag {
    /// Notes into a STAR story, saved.
    #[prompt(
        name = "star-from-notes",
        description = "Turn notes about something you did into a STAR story with metrics \
                       and competencies, then save it to your brag record."
    )]
    async fn star_from_notes(
        &self,
        Parameters(args): Parameters<StarArgs>,
    ) -> Result<GetPromptResult, ErrorData> {
        if args.notes.trim().is_empty() {
            return Err(invalid("notes is empty: paste what you did"));
        }
        let competencies = self.call(competency_list).await?;
        let text = format!(
            "Here are my notes about something I did:\n\n<notes>\n{}\n</notes>\n\n\
             Turn them into a STAR story for my brag record:\n\
             - Situation and Task: the context and what I had to achieve, briefly.\n\
             - Action: what I did, in the first person, concretely.\n\
             - Result: what came of it, with a number (before → after, time or money \
             saved, people helped). If the notes give no number, ask me for one; never \
             invent one.\n\
             - Metrics: one line per number.\n\
             - Competencies: the one to three this story shows best, each with a short \
             reason in my words, chosen from my frameworks:\n{competencies}\n\
             - Links: any PR, design doc or dashboard the notes mention.\n\n\
             Show me the draft first. When I agree, save it with the `save_story` tool \
             (title, date, situation, task, action, result, metrics, competencies as \
             \"id: why\", links), and tell me its id.",
            args.notes.trim()
        );
        Ok(said("Notes into a STAR story", text))
    }

    /// Stories for an interview, and the gaps.
    #[prompt(
        name = "prepare-interview",
        description = "Prepare for an interview: for a competency or a job description, \
                       pick your best stories for the likely questions and find the gaps."
    )]
    async fn prepare_interview(
        &self,
        Parameters(args): Parameters<InterviewArgs>,
    ) -> Result<GetPromptResult, ErrorData> {
        let competency = args.competency.filter(|c| !c.trim().is_empty());
        let job = args.job_description.filter(|j| !j.trim().is_empty());
        if competency.is_none() && job.is_none() {
            return Err(invalid(
                "give a competency (\"Dive Deep\") or a job description to prepare for",
            ));
        }
        let text = self
            .call(move |app| interview_brief(app, competency.as_deref(), job.as_deref()))
            .await?;
        Ok(said("Interview preparation from the record", text))
    }

    /// A self-review from the record.
    #[prompt(
        name = "review-draft",
        description = "Draft a self-review for a period from your brag record: impact first, \
                       with the numbers and links the record holds."
    )]
    async fn review_draft(
        &self,
        Parameters(args): Parameters<ReviewArgs>,
    ) -> Result<GetPromptResult, ErrorData> {
        let req = ReportRequest {
            from: args.from,
            to: args.to,
            ..ReportRequest::new(ReportKind::Review)
        };
        let record = self
            .call(move |app| {
                let report = app.report(&req)?;
                let bytes = brag_app::render_report(&report, ReportFormat::Markdown)?;
                Ok(String::from_utf8_lossy(&bytes).into_owned())
            })
            .await?;
        let text = format!(
            "Draft my self-review for this period from my brag record below.\n\
             - Lead with impact: the three to five results that mattered most, each with \
             its number and its evidence link.\n\
             - Then how I worked: the competencies the stories show, with one example \
             each.\n\
             - Then what I would do differently, and my goals for the next period.\n\
             Use only what the record says; where a claim has no number or link, mark it \
             [needs evidence] so I can add one. Write in the first person, plainly.\n\n\
             <record>\n{record}\n</record>"
        );
        Ok(said("A self-review drafted from the record", text))
    }
}

/// Returns the active frameworks' competencies, one `- id: Name` line each.
fn competency_list(app: &App) -> Result<String, AppError> {
    let mut out = String::new();
    for fw in app.catalogue()?.frameworks() {
        let _ = writeln!(out, "  {} ({}):", fw.name, fw.id);
        for c in &fw.competencies {
            let _ = writeln!(out, "  - {}: {}", c.id, c.name);
        }
    }
    Ok(out)
}

/// Returns the brief for `prepare-interview`: the questions to expect, the stories that
/// answer each (or none), and the framework's gaps.
fn interview_brief(
    app: &App,
    competency: Option<&str>,
    job: Option<&str>,
) -> Result<String, AppError> {
    let catalogue = app.catalogue()?;
    let mut out = String::from("Help me prepare for an interview from my brag record.\n\n");
    if let Some(written) = competency {
        let Some(id) = brag_app::resolve_competency(&catalogue, written) else {
            return Err(AppError::invalid(
                "competency",
                format!(
                    "`{written}` is no competency of {}",
                    catalogue
                        .frameworks()
                        .iter()
                        .map(|f| f.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        };
        let Some(c) = catalogue.competency(&id) else {
            return Err(AppError::NotFound(id));
        };
        let _ = writeln!(out, "The competency: **{}**. {}\n", c.name, c.description);
        for q in &c.questions {
            let _ = writeln!(out, "Question: {q}");
            answers(&mut out, &app.ask(q, PER_QUESTION)?.results);
        }
    }
    if let Some(job) = job {
        let _ = writeln!(
            out,
            "The job description:\n\n<job>\n{}\n</job>\n",
            job.trim()
        );
        let asked = app.ask(job, PER_QUESTION * 3)?;
        let topics: Vec<&str> = asked.topics.iter().map(|t| t.name.as_str()).collect();
        if !topics.is_empty() {
            let _ = writeln!(out, "brag reads it as about: {}.", topics.join(", "));
        }
        let _ = writeln!(out, "My stories that fit it best:");
        answers(&mut out, &asked.results);
    }
    let covered = app.coverage(None)?;
    if !covered.coverage.gaps.is_empty() {
        let names: Vec<&str> = covered
            .coverage
            .gaps
            .iter()
            .filter_map(|id| covered.framework.get(id))
            .map(|c| c.name.as_str())
            .collect();
        let _ = writeln!(
            out,
            "\nCompetencies of {} with no strong story yet (coach score below {STRONG}): {}.",
            covered.framework.name,
            names.join(", ")
        );
    }
    out.push_str(
        "\nFor each likely question, pick the best story, outline how I would tell it in \
         two minutes (situation in one sentence, most of the time on my actions, the \
         result with its number), and say what is weak in it. Then name the questions I \
         have no good story for, and ask me about past work that could fill them. Use \
         the `show` tool for a story's full text; use only what the record says.",
    );
    Ok(out)
}

/// Writes the stories that answer a question, or that none does.
fn answers(out: &mut String, results: &[brag_app::ask::Answer]) {
    if results.is_empty() {
        out.push_str("  (no story answers this yet)\n");
    }
    for a in results {
        let _ = writeln!(
            out,
            "  - {} (id {}, fit {:.0}/100): {}",
            a.title, a.id, a.score, a.why
        );
    }
}

/// Returns a framework as Markdown: each competency with its id, description and
/// interview questions.
pub(crate) fn framework_markdown(fw: &Framework) -> String {
    let mut out = format!("# {}\n\n", fw.name);
    if !fw.description.is_empty() {
        let _ = writeln!(out, "{}\n", fw.description);
    }
    for c in &fw.competencies {
        let _ = writeln!(out, "## {} (`{}`)\n", c.name, c.id);
        if !c.description.is_empty() {
            let _ = writeln!(out, "{}\n", c.description);
        }
        if !c.aliases.is_empty() {
            let _ = writeln!(out, "Also written: {}\n", c.aliases.join(", "));
        }
        for q in &c.questions {
            let _ = writeln!(out, "- {q}");
        }
        if !c.questions.is_empty() {
            out.push('\n');
        }
    }
    out
}
