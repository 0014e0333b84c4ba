//! The coach: findings that make a story stronger, and a 0–100 score per entry.
//!
//! Each rule has an id, a severity, the section it is about, a one-line message and a
//! concrete suggestion. The score starts at 100 and loses points per finding; an entry
//! with no STAR text at all scores 0. "Strong" means a score of at least [`STRONG`]; a
//! story without a number in its Result or Metrics never is.

use std::sync::LazyLock;

use jiff::ToSpan;
use jiff::civil::Date;
use regex::Regex;
use serde::Serialize;

use crate::entry::{Entry, Kind};
use crate::measure;

/// The score from which a story counts as strong (coverage, interview bank).
pub const STRONG: u8 = 70;

/// Returns how much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something a reader will miss: a missing section, no number.
    Error,
    /// Something that weakens the story.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    /// Returns the severity's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    fn cost(self) -> u8 {
        match self {
            Severity::Error => 25,
            Severity::Warning => 10,
            Severity::Info => 5,
        }
    }
}

/// Returns one thing the coach noticed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's id, such as `no-metric`.
    pub rule: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// The section it is about: `situation`, `task`, `action`, `result`, `metrics`,
    /// `competencies`, `date`, `text` or `entry`.
    pub section: &'static str,
    /// What is wrong, in one line.
    pub message: String,
    /// What to do about it.
    pub suggestion: String,
}

impl Finding {
    /// Returns the points the finding costs: a story without a number is never strong.
    fn cost(&self) -> u8 {
        if self.rule == "no-metric" {
            35
        } else {
            self.severity.cost()
        }
    }
}

/// Returns the coach's verdict on one entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The entry's id.
    pub id: String,
    /// The entry's title.
    pub title: String,
    /// 0 (empty) to 100 (nothing to improve).
    pub score: u8,
    /// What to improve, most important first.
    pub findings: Vec<Finding>,
}

const WEAK_VERBS: [&str; 7] = [
    "helped",
    "worked on",
    "was responsible for",
    "were responsible for",
    "participated in",
    "assisted",
    "was involved in",
];
const VAGUE: [&str; 6] = [
    "successfully",
    "improved",
    "better",
    "enhanced",
    "optimized",
    "streamlined",
];

/// One character of a word: a letter, a digit or an apostrophe (`[\p{L}\p{N}']`).
static WORD_CHAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{L}\p{N}']$").expect("valid"));

/// Returns the words of a text, the runs of [`WORD_CHAR`]: what `[\p{L}\p{N}']+` finds,
/// without a regex search per word (the coach reads every entry of a vault for a report;
/// the search was most of its time). ASCII is decided at once, other characters by the
/// same Unicode classes.
fn words(text: &str) -> impl Iterator<Item = &str> {
    let is_word = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric() || c == '\''
        } else {
            let mut buf = [0u8; 4];
            WORD_CHAR.is_match(c.encode_utf8(&mut buf))
        }
    };
    text.split(move |c: char| !is_word(c))
        .filter(|w| !w.is_empty())
}

/// Returns the coach's findings and score for an entry, as of `today`.
pub fn coach(entry: &Entry, today: Date) -> Report {
    let mut findings = Vec::new();
    let mut add = |rule, severity, section, message: String, suggestion: &str| {
        findings.push(Finding {
            rule,
            severity,
            section,
            message,
            suggestion: suggestion.to_owned(),
        });
    };
    let mut empty = false;
    match entry.kind {
        Kind::Story => {
            if entry.star_is_empty() {
                empty = true;
                add(
                    "empty",
                    Severity::Error,
                    "entry",
                    "The story has no Situation, Task, Action or Result yet".into(),
                    "Fill in the four sections while you still remember: what was going on, what you had to do, what you did, what came of it.",
                );
            } else {
                for (text, section, rule, suggestion) in [
                    (
                        &entry.situation,
                        "situation",
                        "missing-situation",
                        "Set the scene in a sentence or two: the team, the system, what was at stake.",
                    ),
                    (
                        &entry.task,
                        "task",
                        "missing-task",
                        "Say what you were asked or chose to do, and why it was hard.",
                    ),
                    (
                        &entry.action,
                        "action",
                        "missing-action",
                        "List what you did yourself, step by step, with the decisions you made.",
                    ),
                    (
                        &entry.result,
                        "result",
                        "missing-result",
                        "Say what changed because of it, with a number: faster, cheaper, fewer incidents, more users.",
                    ),
                ] {
                    if text.trim().is_empty() {
                        add(
                            rule,
                            Severity::Error,
                            section,
                            format!("The {section} is missing"),
                            suggestion,
                        );
                    }
                }
            }
            if !empty && !has_number(&entry.result) && !entry.metrics.iter().any(|m| has_number(m))
            {
                add(
                    "no-metric",
                    Severity::Error,
                    if entry.result.trim().is_empty() {
                        "metrics"
                    } else {
                        "result"
                    },
                    "Result has no number".into(),
                    "How much faster, how many users, how much money or time saved, how many incidents fewer? Add it to the Result or the Metrics.",
                );
            }
            weak_verbs(&entry.action, "action", &mut add);
            we_not_i(&entry.action, "action", "The Action", &mut add);
            vague_result(
                &entry.result,
                &entry.metrics,
                "result",
                "The Result",
                &mut add,
            );
            let words = word_count(&entry.action) + word_count(&entry.result);
            if words > 300 {
                add(
                    "too-long",
                    Severity::Info,
                    "action",
                    format!("Action and Result run to {words} words, more than two minutes spoken"),
                    "Keep the three or four actions that mattered most and one headline result; move the rest to Notes.",
                );
            }
        }
        Kind::Win => {
            // The counts harvest writes into a draft are not the user's result.
            if !has_number(&entry.own_text())
                && !has_number(&entry.title)
                && !entry.metrics.iter().any(|m| has_number(m))
            {
                add(
                    "no-metric",
                    Severity::Error,
                    "text",
                    "The win has no number".into(),
                    "Put a number on it: how much faster, how many people, how much saved?",
                );
            }
            let words = win_words(entry);
            weak_verbs(&words, "text", &mut add);
            we_not_i(&words, "text", "The win", &mut add);
            vague_result(&words, &entry.metrics, "text", "The win", &mut add);
        }
        Kind::Learning | Kind::Feedback | Kind::Goal => {}
    }
    if matches!(entry.kind, Kind::Story | Kind::Win) && entry.competencies.is_empty() && !empty {
        add(
            "no-competency",
            Severity::Warning,
            "competencies",
            "No competency says what this shows".into(),
            "Tag it with the competencies it proves (brag coverage lists them), and say why under Competencies.",
        );
    }
    if entry.undated {
        add(
            "undated",
            Severity::Info,
            "date",
            "The source gave no date; the date is when it was recorded".into(),
            "Set the real date in the front matter (a month is enough) and remove `undated: true`.",
        );
    } else if let Some(d) = entry.date
        && matches!(entry.kind, Kind::Story | Kind::Win)
        && today.checked_sub(2.years()).is_ok_and(|cutoff| d < cutoff)
    {
        add(
            "stale",
            Severity::Info,
            "date",
            format!("From {d}, more than two years ago"),
            "Reviewers and interviewers ask about the last two years: pair it with something recent that shows the same strength.",
        );
    }
    findings.sort_by_key(|f| f.severity);
    let score = if empty {
        0
    } else {
        let lost: u32 = findings.iter().map(|f| u32::from(f.cost())).sum();
        100u32.saturating_sub(lost) as u8
    };
    Report {
        id: entry.id.to_string(),
        title: entry.title.clone(),
        score,
        findings,
    }
}

/// Returns true when the text holds a number that measures, in digits or words: `400 ms`,
/// `14 teams`, `3x`, `halved`; not a date, period, id, version or ordinal (`2024`, `Q3`,
/// `ABC-123`, `#412`, `v1.2`, `3rd`). See [`crate::measure`].
pub fn has_number(text: &str) -> bool {
    measure::has_measure(text)
}

/// Returns the words of a win the coach reads: its title and its text, the title once when
/// the text repeats it (as `brag add` writes a win).
fn win_words(entry: &Entry) -> String {
    let text = entry.own_text();
    let title = entry.title.trim().trim_end_matches('…');
    if text.contains(title) {
        return text.into_owned();
    }
    let lower = |s: &str| -> Vec<String> { words(s).map(str::to_lowercase).collect() };
    let (title_words, text_words) = (lower(&entry.title), lower(&text));
    let repeated = title_words.is_empty()
        || text_words
            .windows(title_words.len())
            .any(|w| w == title_words.as_slice());
    if repeated {
        text.into_owned()
    } else {
        format!("{}\n{}", entry.title, text)
    }
}

fn word_count(text: &str) -> usize {
    words(text).count()
}

type Add<'a> = dyn FnMut(&'static str, Severity, &'static str, String, &str) + 'a;

fn weak_verbs(text: &str, section: &'static str, add: &mut Add<'_>) {
    let lower = text.to_lowercase();
    let found: Vec<&str> = WEAK_VERBS
        .iter()
        .copied()
        .filter(|v| contains_words(&lower, v))
        .collect();
    if !found.is_empty() {
        add(
            "weak-verb",
            Severity::Warning,
            section,
            format!(
                "Weak verbs: {}",
                found
                    .iter()
                    .map(|v| format!("\"{v}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "Say what you did: designed, built, led, cut, fixed, migrated, measured. \"Helped\" hides your part.",
        );
    }
}

/// Flags text that says "we" far more than "I": `what` names it in the message (`The
/// Action`, `The win`).
fn we_not_i(text: &str, section: &'static str, what: &str, add: &mut Add<'_>) {
    let mut we = 0usize;
    let mut i = 0usize;
    for w in words(text) {
        // Pronouns are short: only those are lowercased and compared.
        if w.len() > 5 {
            continue;
        }
        match w.to_lowercase().as_str() {
            "we" | "our" | "us" | "we've" | "we'd" => we += 1,
            "i" | "my" | "me" | "i've" | "i'd" | "i'm" => i += 1,
            _ => {}
        }
    }
    if we >= 2 && we > 2 * i {
        add(
            "we-not-i",
            Severity::Warning,
            section,
            format!("{what} says \"we\" {we} times and \"I\" {i}"),
            "Interviewers want your part: say what you did yourself, and name the team's part separately.",
        );
    }
}

/// Flags praise words ("improved", "better") with no number beside them.
fn vague_result(
    text: &str,
    metrics: &[String],
    section: &'static str,
    what: &str,
    add: &mut Add<'_>,
) {
    let lower = text.to_lowercase();
    let found: Vec<&str> = VAGUE
        .iter()
        .copied()
        .filter(|v| contains_words(&lower, v))
        .collect();
    if !found.is_empty() && !has_number(text) && !metrics.iter().any(|m| has_number(m)) {
        add(
            "vague-result",
            Severity::Warning,
            section,
            format!(
                "{what} says {} without a number",
                found
                    .iter()
                    .map(|v| format!("\"{v}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "Replace the adjective with the measurement: from what to what, by how much, for how many.",
        );
    }
}

/// Returns true when `phrase` occurs in `text` as whole words.
fn contains_words(text: &str, phrase: &str) -> bool {
    let mut start = 0;
    while let Some(pos) = text[start..].find(phrase) {
        let at = start + pos;
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        start = at + phrase.len();
    }
    false
}

#[cfg(test)]
mod tests;
