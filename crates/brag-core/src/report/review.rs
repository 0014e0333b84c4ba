//! `brag report review`: a period's totals, highlights, groups by project and competency,
//! every link, and what still needs work.

use std::cmp::Reverse;
use std::collections::HashMap;

use indexmap::IndexMap;
use jiff::ToSpan;

use super::{
    EvidenceLink, Group, Input, KindCount, MonthCount, ReportEntry, ReviewReport, Scored, Todo,
    Totals, oldest_first, titled,
};
use crate::coach::{STRONG, has_number};
use crate::entry::{Entry, Kind};

/// How many highlights a review shows.
const HIGHLIGHTS: usize = 5;

/// Returns the review of the period.
pub(super) fn build(input: &Input<'_>) -> ReviewReport {
    let mut scored: Vec<Scored<'_>> = input.scored_all(input.in_period().collect());
    // Newest first: the order of every list below but the totals.
    scored.sort_by(|a, b| oldest_first(b.entry).cmp(&oldest_first(a.entry)));
    ReviewReport {
        header: input.header(titled("Review", ": ", input.period), scored.len()),
        totals: totals(input, &scored),
        highlights: highlights(&scored),
        by_project: by_project(&scored),
        by_competency: by_competency(input, &scored),
        links: links(&scored),
        todo: if input.options.todo {
            todo(&scored)
        } else {
            Vec::new()
        },
    }
}

fn totals(input: &Input<'_>, scored: &[Scored<'_>]) -> Totals {
    let by_kind = Kind::ALL
        .iter()
        .map(|&kind| KindCount {
            kind,
            count: scored.iter().filter(|s| s.entry.kind == kind).count(),
        })
        .collect();
    let mut per_month: HashMap<(i16, i8), usize> = HashMap::new();
    for s in scored {
        if let Some(d) = s.entry.date {
            *per_month.entry((d.year(), d.month())).or_default() += 1;
        }
    }
    // Every month of the period; an open end stops at the entries.
    let dates = || scored.iter().filter_map(|s| s.entry.date);
    let first = input.period.0.or_else(|| dates().min());
    let last = input.period.1.or_else(|| dates().max());
    let mut by_month = Vec::new();
    if let (Some(first), Some(last)) = (first, last) {
        let mut month = first.first_of_month();
        while month <= last {
            by_month.push(MonthCount {
                month: format!("{:04}-{:02}", month.year(), month.month()),
                count: per_month
                    .get(&(month.year(), month.month()))
                    .copied()
                    .unwrap_or(0),
            });
            match month.checked_add(1.month()) {
                Ok(next) => month = next,
                Err(_) => break,
            }
        }
    }
    Totals {
        entries: scored.len(),
        stories: scored
            .iter()
            .filter(|s| s.entry.kind == Kind::Story)
            .count(),
        by_kind,
        by_month,
    }
}

/// Returns true when an entry states a number that measures, in its Result, text, title
/// or Metrics.
pub(super) fn carries_metric(e: &Entry) -> bool {
    has_number(&e.result)
        || e.metrics.iter().any(|m| has_number(m))
        || (e.kind == Kind::Win && (has_number(&e.own_text()) || has_number(&e.title)))
}

/// The five best-scored stories that carry a metric, best first; no drafts.
fn highlights(scored: &[Scored<'_>]) -> Vec<ReportEntry> {
    let mut best: Vec<&Scored<'_>> = scored
        .iter()
        .filter(|s| s.entry.kind == Kind::Story && !s.entry.is_draft())
        .filter(|s| carries_metric(s.entry))
        .collect();
    // Stable: among equal scores the newest stays first.
    best.sort_by_key(|s| Reverse(s.score()));
    best.into_iter()
        .take(HIGHLIGHTS)
        .map(Scored::report_entry)
        .collect()
}

/// One group per project, the biggest first (then by name), entries without one last.
fn by_project(scored: &[Scored<'_>]) -> Vec<Group> {
    let mut groups: IndexMap<Option<&str>, Vec<&Scored<'_>>> = IndexMap::new();
    for s in scored {
        groups
            .entry(s.entry.project.as_deref())
            .or_default()
            .push(s);
    }
    let none = groups.shift_remove(&None);
    let mut named: Vec<(&str, Vec<&Scored<'_>>)> = groups
        .into_iter()
        .filter_map(|(k, v)| k.map(|k| (k, v)))
        .collect();
    named.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(b.0)));
    let mut out: Vec<Group> = named
        .into_iter()
        .map(|(name, list)| group(Some(name.to_owned()), name.to_owned(), &list))
        .collect();
    if let Some(list) = none {
        out.push(group(None, "No project".to_owned(), &list));
    }
    out
}

fn group(key: Option<String>, name: String, list: &[&Scored<'_>]) -> Group {
    Group {
        key,
        name,
        entries: list.iter().map(|s| s.report_entry()).collect(),
    }
}

/// One group per competency the entries carry, in the frameworks' order; ids that no
/// active framework knows come last, named by their id.
fn by_competency(input: &Input<'_>, scored: &[Scored<'_>]) -> Vec<Group> {
    let mut carrying: IndexMap<&str, Vec<&Scored<'_>>> = IndexMap::new();
    for s in scored {
        for c in &s.entry.competencies {
            carrying.entry(c.as_str()).or_default().push(s);
        }
    }
    let mut out = Vec::new();
    for fw in input.frameworks {
        for c in &fw.competencies {
            if let Some(list) = carrying.shift_remove(c.id.as_str()) {
                out.push(group(Some(c.id.clone()), c.name.clone(), &list));
            }
        }
    }
    for (id, list) in carrying {
        out.push(group(Some(id.to_owned()), id.to_owned(), &list));
    }
    out
}

/// Every link of the period's entries, newest entry first, in each entry's order.
fn links(scored: &[Scored<'_>]) -> Vec<EvidenceLink> {
    scored
        .iter()
        .flat_map(|s| {
            s.entry.links.iter().map(|l| EvidenceLink {
                entry: s.entry.id.to_string(),
                title: s.entry.title.clone(),
                link: l.clone(),
            })
        })
        .collect()
}

/// Stories and wins that are not strong yet, weakest first (the newest first among equals).
fn todo(scored: &[Scored<'_>]) -> Vec<Todo> {
    let mut weak: Vec<&Scored<'_>> = scored
        .iter()
        .filter(|s| matches!(s.entry.kind, Kind::Story | Kind::Win) && s.score() < STRONG)
        .collect();
    weak.sort_by_key(|s| s.score());
    weak.into_iter()
        .map(|s| Todo {
            entry: s.entry.id.to_string(),
            title: s.entry.title.clone(),
            score: s.score(),
            findings: s.coach.findings.clone(),
        })
        .collect()
}
