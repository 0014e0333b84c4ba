//! Coverage: which competencies the record proves, with how many strong stories, and
//! the gaps to fill before a review or an interview loop.

use jiff::civil::Date;
use serde::Serialize;

use crate::coach::{self, STRONG};
use crate::entry::{Entry, Kind};
use crate::framework::Framework;

/// Returns one competency's row of the matrix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The competency id.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// Stories and wins that carry it, strongest first.
    pub stories: Vec<String>,
    /// How many of them score at least [`STRONG`].
    pub strong: usize,
    /// Their coach scores, in the order of `stories`.
    #[serde(skip)]
    pub scores: Vec<u8>,
}

/// Returns the competency × stories matrix of one framework.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// The framework's id.
    pub framework: String,
    /// One row per competency, in the framework's order.
    pub competencies: Vec<Row>,
    /// Competencies with no strong story.
    pub gaps: Vec<String>,
}

/// Returns the coverage of a framework by the entries.
pub fn coverage(framework: &Framework, entries: &[Entry], today: Date) -> Coverage {
    let scored: Vec<(&Entry, u8)> = entries
        .iter()
        .filter(|e| matches!(e.kind, Kind::Story | Kind::Win))
        .map(|e| (e, coach::coach(e, today).score))
        .collect();
    let mut rows = Vec::new();
    let mut gaps = Vec::new();
    for c in &framework.competencies {
        let mut mine: Vec<(&Entry, u8)> = scored
            .iter()
            .filter(|(e, _)| e.competencies.iter().any(|x| x == &c.id))
            .copied()
            .collect();
        mine.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.date.cmp(&a.0.date)));
        let strong = mine.iter().filter(|(_, s)| *s >= STRONG).count();
        if strong == 0 {
            gaps.push(c.id.clone());
        }
        rows.push(Row {
            id: c.id.clone(),
            name: c.name.clone(),
            stories: mine.iter().map(|(e, _)| e.id.to_string()).collect(),
            strong,
            scores: mine.iter().map(|(_, s)| *s).collect(),
        });
    }
    Coverage {
        framework: framework.id.clone(),
        competencies: rows,
        gaps,
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::entry::EntryId;

    fn story(id: &str, comps: &[&str], result: &str) -> Entry {
        Entry {
            id: EntryId(id.into()),
            kind: Kind::Story,
            date: Some(date(2026, 1, 1)),
            title: id.into(),
            situation: "s".into(),
            task: "t".into(),
            action: "I did it.".into(),
            result: result.into(),
            competencies: comps.iter().map(|c| (*c).to_owned()).collect(),
            ..Entry::default()
        }
    }

    #[test]
    fn coverage_counts_strong_and_finds_gaps() {
        let fw = crate::framework::builtin()[0].clone();
        let entries = vec![
            story("a", &["dive-deep"], "p99 from 420 ms to 95 ms"),
            story("b", &["dive-deep", "ownership"], "it went fine"),
            Entry {
                kind: Kind::Learning,
                competencies: vec!["frugality".into()],
                ..story("c", &[], "")
            },
        ];
        let cov = coverage(&fw, &entries, date(2026, 11, 25));
        let row = |id: &str| cov.competencies.iter().find(|r| r.id == id).expect("row");
        assert_eq!(row("dive-deep").stories, ["a", "b"]);
        assert_eq!(row("dive-deep").strong, 1);
        assert_eq!(row("ownership").stories, ["b"]);
        assert_eq!(row("ownership").strong, 0, "no number: not strong");
        assert!(
            row("frugality").stories.is_empty(),
            "learnings are not stories"
        );
        assert!(cov.gaps.contains(&"ownership".to_owned()));
        assert!(!cov.gaps.contains(&"dive-deep".to_owned()));
        assert_eq!(cov.competencies.len(), 16);
    }
}
