//! `brag report interview`: for each competency of the active frameworks, its two strongest
//! stories as cards to tell in two minutes, and the competencies with no strong story.

use std::collections::HashMap;

use super::sentence::{sentences, word_count};
use super::{Card, CompetencyCards, Gap, Input, InterviewReport, Scored, headline, oldest_first};
use crate::coach::STRONG;
use crate::entry::Kind;

/// Cards per competency.
const CARDS: usize = 2;

/// Words a minute, told.
const WORDS_PER_MINUTE: f64 = 150.0;

/// The most words each condensed part keeps (Situation, Task, Action, Result): 300 in
/// all, two minutes told.
const BUDGET: [usize; 4] = [60, 45, 120, 75];

/// Returns the story bank; drafts are left out.
pub(super) fn build(input: &Input<'_>) -> InterviewReport {
    let mut stories: Vec<Scored<'_>> = input.scored_all(
        input
            .in_period()
            .filter(|e| e.kind == Kind::Story && !e.is_draft())
            .collect(),
    );
    // Strongest first, the newest first among equals.
    stories.sort_by(|a, b| {
        b.score()
            .cmp(&a.score())
            .then_with(|| oldest_first(b.entry).cmp(&oldest_first(a.entry)))
    });
    let mut carrying: HashMap<&str, Vec<&Scored<'_>>> = HashMap::new();
    for s in &stories {
        for c in &s.entry.competencies {
            carrying.entry(c.as_str()).or_default().push(s);
        }
    }
    let mut competencies = Vec::new();
    let mut gaps = Vec::new();
    for fw in input.frameworks {
        for c in &fw.competencies {
            let list = carrying.get(c.id.as_str()).map_or(&[][..], Vec::as_slice);
            let strong_count = list.iter().filter(|s| s.score() >= STRONG).count();
            let strong: Vec<&Scored<'_>> = list
                .iter()
                .copied()
                .filter(|s| s.score() >= STRONG)
                .take(CARDS)
                .collect();
            if strong.is_empty() {
                gaps.push(Gap {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    framework: fw.id.clone(),
                    stories: list.len(),
                    questions: c.questions.clone(),
                });
            } else {
                competencies.push(CompetencyCards {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    framework: fw.id.clone(),
                    stories: list.len(),
                    strong: strong_count,
                    cards: strong.into_iter().map(card).collect(),
                });
            }
        }
    }
    InterviewReport {
        header: input.header("Interview story bank".to_owned(), stories.len()),
        competencies,
        gaps,
    }
}

/// Returns a story condensed for telling: each STAR part its first sentence or two,
/// within its share of 300 words.
pub(super) fn card(s: &Scored<'_>) -> Card {
    let e = s.entry;
    let parts = [&e.situation, &e.task, &e.action, &e.result];
    let [situation, task, action, result] = std::array::from_fn(|i| condense(parts[i], BUDGET[i]));
    let words = [&situation, &task, &action, &result]
        .iter()
        .map(|t| word_count(t))
        .sum::<usize>();
    Card {
        entry: e.id.to_string(),
        title: e.title.clone(),
        date: e.date,
        situation,
        task,
        action,
        result,
        metric: headline(e),
        words,
        minutes: (words as f64 / WORDS_PER_MINUTE * 10.0).round() / 10.0,
        score: s.score(),
    }
}

/// Returns a part's first sentence, and its second when both fit in `budget` words; a
/// first sentence longer than that is cut between words.
fn condense(text: &str, budget: usize) -> String {
    let mut out = String::new();
    let mut words = 0;
    for (i, s) in sentences(text).into_iter().take(2).enumerate() {
        let n = word_count(&s);
        if i == 0 && n > budget {
            return cut_words(&s, budget);
        }
        if words + n > budget {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s);
        words += n;
    }
    out
}

/// Returns the first `n` words of a text, with `…` when cut.
fn cut_words(text: &str, n: usize) -> String {
    let kept: Vec<&str> = text.split_whitespace().take(n).collect();
    format!("{}…", kept.join(" "))
}
