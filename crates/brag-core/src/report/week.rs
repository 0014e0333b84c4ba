//! `brag report week`: a short update for the team (shipped, learned, thanks, next), short
//! enough to paste into a chat.

use std::collections::HashMap;

use super::{Input, SharedEntry, Thanks, WeekReport, is_work, iso_week, oldest_first, titled};
use crate::entry::{Entry, Kind};

/// The most open goals a week lists under "next".
pub const NEXT_GOALS: usize = 5;

/// Returns the week's update; drafts are left out (nobody has reviewed them yet).
pub(super) fn build(input: &Input<'_>) -> WeekReport {
    let mut week: Vec<&SharedEntry> = input.in_period().filter(|e| !e.is_draft()).collect();
    week.sort_by(|a, b| oldest_first(a).cmp(&oldest_first(b)));
    let shipped: Vec<&SharedEntry> = week.iter().copied().filter(|e| is_work(e)).collect();
    let learned: Vec<&SharedEntry> = week
        .iter()
        .copied()
        .filter(|e| e.kind == Kind::Learning)
        .collect();
    let mut goals: Vec<&SharedEntry> = input
        .entries
        .iter()
        .filter(|e| is_open_goal(e))
        .filter(|e| match (e.date, input.period.1) {
            (Some(d), Some(end)) => d <= end,
            _ => true,
        })
        .collect();
    goals.sort_by(|a, b| oldest_first(b).cmp(&oldest_first(a)));
    goals.truncate(NEXT_GOALS);
    WeekReport {
        header: input.header(title(input), week.len()),
        shipped: input.report_entries(&shipped),
        learned: input.report_entries(&learned),
        thanks: thanks(&week),
        next: input.report_entries(&goals),
    }
}

/// Returns "Week 48, 2026" for a period inside one ISO week, else "Update: " and the
/// period.
fn title(input: &Input<'_>) -> String {
    match input.period {
        (Some(a), Some(b)) if iso_week(a) == iso_week(b) => {
            let (year, week) = iso_week(a);
            format!("Week {week}, {year}")
        }
        (None, None) => {
            let (year, week) = iso_week(input.today);
            format!("Week {week}, {year}")
        }
        period => titled("Update", ": ", period),
    }
}

/// Returns true for a goal that is still open: a goal, not a draft, not marked done.
pub fn is_open_goal(e: &Entry) -> bool {
    e.kind == Kind::Goal && !e.is_draft() && !is_done(e)
}

/// Returns true for a goal marked done: `done: true` or `status: done` (or `achieved`,
/// `completed`) in its front matter, or one of those words as a tag.
fn is_done(goal: &Entry) -> bool {
    const DONE: [&str; 3] = ["done", "achieved", "completed"];
    let flag = matches!(goal.extra.get("done"), Some(serde_json::Value::Bool(true)));
    let status = goal
        .extra
        .get("status")
        .and_then(|v| v.as_str())
        .is_some_and(|s| DONE.contains(&s.trim().to_lowercase().as_str()));
    let tag = goal
        .tags
        .iter()
        .any(|t| DONE.contains(&t.to_lowercase().as_str()));
    flag || status || tag
}

/// Returns the people the week's entries name, in the order they first appear, each with
/// the titles of the entries that name them (a name counts once whatever its case).
fn thanks(week: &[&SharedEntry]) -> Vec<Thanks> {
    let mut out: Vec<Thanks> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for e in week {
        for p in &e.people {
            let i = *index.entry(p.to_lowercase()).or_insert_with(|| {
                out.push(Thanks {
                    person: p.clone(),
                    entries: Vec::new(),
                });
                out.len() - 1
            });
            if !out[i].entries.contains(&e.title) {
                out[i].entries.push(e.title.clone());
            }
        }
    }
    out
}
