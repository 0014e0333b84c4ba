use jiff::civil::date;

use super::*;
use crate::entry::EntryId;

const TODAY: Date = date(2026, 11, 25);

/// A story that every rule is happy with.
fn strong() -> Entry {
    Entry {
        id: EntryId("2026-05-01-retry-budget".into()),
        kind: Kind::Story,
        date: Some(date(2026, 5, 1)),
        title: "Retry budget".into(),
        situation: "Our client retried at once and amplified outages.".into(),
        task: "Design a retry policy that backs off.".into(),
        action: "- I read three clients' retry code.\n- I chose a token bucket.".into(),
        result: "Retry load in the drill fell from 14x to 1.3x.".into(),
        competencies: vec!["dive-deep".into()],
        ..Entry::default()
    }
}

fn rules(e: &Entry) -> Vec<&'static str> {
    coach(e, TODAY).findings.iter().map(|f| f.rule).collect()
}

#[test]
fn coach_strong_story_has_no_findings() {
    let r = coach(&strong(), TODAY);
    assert_eq!(r.findings, []);
    assert_eq!(r.score, 100);
}

#[test]
fn coach_empty() {
    let e = Entry {
        situation: String::new(),
        task: String::new(),
        action: String::new(),
        result: String::new(),
        ..strong()
    };
    let r = coach(&e, TODAY);
    assert_eq!(r.score, 0);
    assert_eq!(rules(&e), ["empty"]);
}

#[test]
fn coach_missing_sections() {
    for (field, rule) in [
        ("situation", "missing-situation"),
        ("task", "missing-task"),
        ("action", "missing-action"),
        ("result", "missing-result"),
    ] {
        let mut e = strong();
        match field {
            "situation" => e.situation.clear(),
            "task" => e.task.clear(),
            "action" => e.action.clear(),
            _ => {
                e.result.clear();
                e.metrics = vec!["retry load 14x → 1.3x".into()];
            }
        }
        let r = coach(&e, TODAY);
        assert_eq!(rules(&e), [rule], "{field}");
        assert_eq!(r.findings[0].section, field);
        assert_eq!(r.score, 75);
    }
}

#[test]
fn coach_no_metric_fires_and_metrics_section_counts() {
    let mut e = strong();
    e.result = "Retry storms stopped.".into();
    assert_eq!(rules(&e), ["no-metric"]);
    let f = &coach(&e, TODAY).findings[0];
    assert!(f.suggestion.contains("How much faster"), "{}", f.suggestion);
    e.metrics = vec!["retry load 14x → 1.3x".into()];
    assert_eq!(rules(&e), Vec::<&str>::new());
    e.metrics.clear();
    e.result = "Retry storms halved.".into();
    assert_eq!(rules(&e), Vec::<&str>::new(), "number words count");
}

#[test]
fn coach_weak_verbs() {
    let mut e = strong();
    e.action = "I helped the team and worked on the rollout; I was responsible for docs.".into();
    assert_eq!(rules(&e), ["weak-verb"]);
    let msg = &coach(&e, TODAY).findings[0].message;
    assert!(
        msg.contains("\"helped\"")
            && msg.contains("\"worked on\"")
            && msg.contains("\"was responsible for\""),
        "{msg}"
    );
    e.action = "I helpedless... no: I unhelped nothing; shipped it.".into();
    assert_eq!(rules(&e), Vec::<&str>::new(), "whole words only");
}

#[test]
fn coach_we_not_i() {
    let mut e = strong();
    e.action = "We planned it, we built it and we shipped our change.".into();
    assert_eq!(rules(&e), ["we-not-i"]);
    e.action = "We planned it; I built the pool and I shipped it.".into();
    assert_eq!(rules(&e), Vec::<&str>::new());
}

#[test]
fn coach_vague_result() {
    let mut e = strong();
    e.result = "Successfully improved the latency, much better now.".into();
    assert_eq!(rules(&e), ["no-metric", "vague-result"]);
    e.result = "Improved p99 latency from 420 ms to 95 ms.".into();
    assert_eq!(rules(&e), Vec::<&str>::new());
}

#[test]
fn coach_too_long() {
    let mut e = strong();
    e.action = "I did one more careful thing. ".repeat(60);
    assert_eq!(rules(&e), ["too-long"]);
    e.action = "I did one more careful thing. ".repeat(40);
    assert_eq!(rules(&e), Vec::<&str>::new());
}

#[test]
fn coach_no_competency() {
    let mut e = strong();
    e.competencies.clear();
    assert_eq!(rules(&e), ["no-competency"]);
    assert_eq!(coach(&e, TODAY).score, 90);
}

#[test]
fn coach_undated_and_stale() {
    let mut e = strong();
    e.undated = true;
    assert_eq!(rules(&e), ["undated"]);
    e.undated = false;
    e.date = Some(date(2024, 11, 24));
    assert_eq!(rules(&e), ["stale"]);
    e.date = Some(date(2024, 11, 26));
    assert_eq!(rules(&e), Vec::<&str>::new());
}

#[test]
fn coach_wins_need_a_number_not_star() {
    let e = Entry {
        kind: Kind::Win,
        title: "Sped up the build".into(),
        text: "Sped up the build".into(),
        competencies: vec!["frugality".into()],
        date: Some(date(2026, 1, 1)),
        ..Entry::default()
    };
    assert_eq!(rules(&e), ["no-metric"]);
    let e = Entry {
        text: "Cut the build from 18 to 7 minutes".into(),
        ..e
    };
    assert_eq!(rules(&e), Vec::<&str>::new());
}

#[test]
fn coach_learning_is_not_judged_as_a_story() {
    let e = Entry {
        kind: Kind::Learning,
        title: "Talk notes".into(),
        text: "- automate the routine".into(),
        date: Some(date(2020, 1, 1)),
        ..Entry::default()
    };
    assert_eq!(coach(&e, TODAY).score, 100);
}

#[test]
fn coach_findings_are_ordered_by_severity_and_score_floors_at_zero() {
    let e = Entry {
        kind: Kind::Story,
        situation: "We helped.".into(),
        action: "We worked on it, we assisted, we participated in things.".into(),
        result: "Better.".into(),
        undated: true,
        ..Entry::default()
    };
    let r = coach(&e, TODAY);
    let sev: Vec<Severity> = r.findings.iter().map(|f| f.severity).collect();
    let mut sorted = sev.clone();
    sorted.sort();
    assert_eq!(sev, sorted);
    assert!(r.score <= 30, "{}", r.score);
}
