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

/// A recent win with a competency: the coach's only possible finding is about its text.
fn win(text: &str) -> Entry {
    Entry {
        id: EntryId("2026-05-01-win".into()),
        kind: Kind::Win,
        date: Some(date(2026, 5, 1)),
        title: text.into(),
        text: text.into(),
        competencies: vec!["deliver-results".into()],
        ..Entry::default()
    }
}

/// Issue 11: numbers that measure count as a metric.
#[test]
fn coach_no_metric_quiet_for_measuring_numbers() {
    for (name, text) in [
        ("unit", "cut p99 from 420 ms to 95 ms"),
        ("unit_glued", "p99 is now 95ms after the fix"),
        ("percent", "made the build 40% faster"),
        ("percent_word", "cut hosting costs by 30 percent"),
        ("multiplier", "3x fewer pages for on-call"),
        ("multiplier_decimal", "retry load fell to 1.3x normal"),
        ("from_to_bare", "cut the queue from 18 to 7"),
        ("from_to_decimals", "CSAT went from 4.1 to 4.6"),
        ("arrow", "leaked sockets per run: 94 -> 0"),
        ("count", "onboarded 14 teams onto the new pipeline"),
        ("count_with_adjective", "wrote 1200 integration tests"),
        ("count_bare", "refunded all 214 affected customers"),
        ("duration", "shipped the migration 2 weeks early"),
        ("money", "saved $30k a year in runner costs"),
        ("money_comma", "saves about $1,900 a month"),
        ("money_suffix", "cut the bill by 12k dollars"),
        ("large_count", "exports of 3 million rows finish now"),
        ("range", "builds take 3-5 minutes now"),
        ("compound", "added a 48-hour retry window"),
        ("rate", "serves 12k/s at peak"),
        ("rating", "talk rated 4.8/5 by attendees"),
        ("metric_name", "NPS 45 for the new flow"),
        ("metric_name_then_to", "got CSAT to 4.7"),
        ("name_then_times", "mentored Sam 3 times"),
        ("year_shaped_with_unit", "startup takes 2048 ms less"),
        ("halved", "halved the build time"),
        ("doubled", "doubled checkout throughput"),
        ("dozen", "a dozen backends use it now"),
        ("number_word_count", "mentored three new engineers"),
        ("twice", "deploys twice a day now"),
        ("zero", "zero regressions after the rollout"),
        ("name_then_unit", "saved Finance 20 hours a month"),
        ("title_case", "Cut Build Time From 18 To 7 Minutes"),
        ("after_a_date", "in Q3 2025 we cut p99 by 40%"),
    ] {
        assert!(has_number(text), "{name}: {text:?} has a measure");
        assert_eq!(rules(&win(text)), Vec::<&str>::new(), "{name}: {text:?}");
    }
}

/// Issue 11: dates, periods, ids, versions and ordinals are not metrics.
#[test]
fn coach_no_metric_fires_for_numbers_that_name() {
    for (name, text) in [
        ("ticket_key", "fixed ABC-123"),
        ("quarter", "we improved things in Q3"),
        ("half_year", "shipped the migration in H1"),
        ("fiscal_year", "planned the FY25 headcount"),
        ("year", "led the 2024 roadmap"),
        ("year_in", "joined the platform team in 2023"),
        ("year_range", "owned on-call in 2023-24"),
        ("quarter_and_year", "launched it in Q1 2025"),
        ("short_year", "the on-call rota since '24"),
        ("decade", "retired code from the 1990s"),
        ("iso_date", "released on 2025-03-14"),
        ("month_day", "shipped it on March 3"),
        ("day_month", "shipped it on 3 March"),
        ("time_of_day", "paged at 2am, fixed by 9:30"),
        ("second_half", "in the second half of the year"),
        ("ordinal", "ran the team's 1st postmortem"),
        ("ordinal_word", "our third attempt worked"),
        ("issue_number", "closed #412"),
        ("pr_number", "merged PR 412 for the ledger"),
        ("issue_word", "fixed issue 57 in the importer"),
        ("sprint", "demoed it in sprint 12"),
        ("step_word", "planned phase two of the rewrite"),
        ("commit_hash", "reverted 39c5d4f and a1b2c3d"),
        ("version_v", "upgraded the client to v1.2"),
        ("version_dotted", "bumped rivet to 3.10.1"),
        ("version_decimal", "shipped rivet 1.0"),
        ("version_name", "moved the service to Python 3"),
        ("version_name_decimal", "moved the service to Python 3.12"),
        ("protocol", "made HTTP/2 the default"),
        ("language_standard", "moved the engine to C++17"),
        ("product_version", "rolled out Windows 11 laptops"),
        ("release_title_case", "Rivet 1.0 Released"),
        ("percentile_name", "looked into p99 latency"),
        ("url", "see https://github.com/acme/shop/pull/412"),
        ("always", "kept the queue up 24/7"),
        ("one_pronoun", "one of the hardest bugs I fixed"),
        ("list_markers", "1. wrote the design doc\n2. shipped it"),
        (
            "all_at_once",
            "fixed ABC-123 in Q3 2025 on v2.1 (#412), see 39c5d4f",
        ),
    ] {
        assert!(!has_number(text), "{name}: {text:?} has no measure");
        let found = rules(&win(text));
        assert_eq!(found.first(), Some(&"no-metric"), "{name}: {text:?}");
    }
}

#[test]
fn coach_story_result_with_a_date_only_is_not_strong() {
    let mut e = strong();
    e.result = "Shipped in Q3 2025, closing PAY-7 and #412.".into();
    assert_eq!(rules(&e), ["no-metric"]);
    assert!(coach(&e, TODAY).score < STRONG);
    e.metrics = vec!["rivet 1.4".into(), "2025-06-30".into()];
    assert_eq!(rules(&e), ["no-metric"], "metrics lines that only name");
    e.metrics.push("p99 420 ms → 95 ms".into());
    assert_eq!(rules(&e), Vec::<&str>::new());
}

#[test]
fn coach_wins_get_we_not_i_and_vague_result() {
    let e = win("We planned the rollout, we shipped it and our latency improved");
    assert_eq!(rules(&e), ["no-metric", "we-not-i", "vague-result"]);
    let r = coach(&e, TODAY);
    let we = r
        .findings
        .iter()
        .find(|f| f.rule == "we-not-i")
        .expect("we-not-i");
    assert_eq!(we.section, "text");
    assert_eq!(we.message, "The win says \"we\" 3 times and \"I\" 0");
    let vague = r
        .findings
        .iter()
        .find(|f| f.rule == "vague-result")
        .expect("vague");
    assert_eq!(vague.section, "text");
    assert!(
        vague.message.starts_with("The win says \"improved\""),
        "{}",
        vague.message
    );
    // A number beside the praise word is what the rule asks for.
    let e = win("I improved p99 latency by 40%");
    assert_eq!(rules(&e), Vec::<&str>::new());
    // The title counts too, once when the text repeats it.
    let e = Entry {
        title: "We shipped it, we did".into(),
        text: "Better now.".into(),
        ..win("")
    };
    assert_eq!(rules(&e), ["no-metric", "we-not-i", "vague-result"]);
    let e = win("We shipped the importer");
    assert_eq!(rules(&e), ["no-metric"], "one \"we\", said once");
}

mod measure_props {
    use proptest::prelude::*;

    use super::has_number;

    fn filler() -> impl Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "we",
            "shipped",
            "the",
            "migration",
            "fixed",
            "in",
            "on",
            "for",
            "team",
            "rollout",
            "Priya",
            "and",
            "with",
            "after",
            "service",
            "ledger",
            "it",
            "was",
            "done",
            "then.",
        ])
    }

    fn naming() -> impl Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "ABC-123",
            "PAY-7",
            "Q3",
            "H1",
            "FY25",
            "2024",
            "2025-03-14",
            "#412",
            "v1.2",
            "3.10.1",
            "39c5d4f",
            "1st",
            "3rd",
            "March 3",
            "Python 3",
            "PR 412",
            "sprint 12",
            "9:30",
            "2am",
            "HTTP/2",
            "p99",
            "'24",
            "Q1 2025",
            "24/7",
            "(Q4)",
            "2023-24",
        ])
    }

    fn measuring() -> impl Strategy<Value = String> {
        (1u32..5000, 0usize..6).prop_map(|(n, unit)| match unit {
            0 => format!("{n} ms"),
            1 => format!("{n}%"),
            2 => format!("{n}x"),
            3 => format!("${n}k"),
            4 => format!("{n} weeks"),
            _ => format!("from {n} to {} minutes", n + 1),
        })
    }

    /// Returns up to 16 words, a quarter of them numbers that name.
    fn sentence() -> impl Strategy<Value = Vec<String>> {
        proptest::collection::vec(
            prop_oneof![
                3 => filler().prop_map(str::to_owned),
                1 => naming().prop_map(str::to_owned),
            ],
            0..16,
        )
    }

    proptest! {
        /// Text made of words and numbers that only name things holds no metric.
        #[test]
        fn naming_numbers_never_measure(words in sentence()) {
            let text = words.join(" ");
            prop_assert!(!has_number(&text), "{text}");
        }

        /// A measurement with its unit counts wherever it is written.
        #[test]
        fn a_measurement_counts_anywhere(
            words in sentence(),
            m in measuring(),
            at in any::<proptest::sample::Index>(),
        ) {
            let mut words = words;
            let i = at.index(words.len() + 1);
            words.insert(i, m);
            let text = words.join(" ");
            prop_assert!(has_number(&text), "{text}");
        }
    }
}

#[test]
fn coach_harvest_stats_are_not_the_users_metric() {
    // A draft's "N commits ... lines in M files" line is harvest's, not a result.
    let mut extra = indexmap::IndexMap::new();
    extra.insert("draft".to_owned(), serde_json::Value::Bool(true));
    extra.insert(
        crate::harvest::COMMITS_KEY.to_owned(),
        serde_json::json!(["a1b2c3d"]),
    );
    let draft = Entry {
        kind: Kind::Win,
        title: "Add the retry budget".into(),
        text: "3 commits in rivet, +120 −4 lines in 2 files.\n\n- a1b2c3d Add the retry budget"
            .into(),
        competencies: vec!["dive-deep".into()],
        extra: extra.clone(),
        date: Some(jiff::civil::date(2026, 11, 1)),
        ..Entry::default()
    };
    let r = coach(&draft, jiff::civil::date(2026, 11, 25));
    assert!(r.findings.iter().any(|f| f.rule == "no-metric"), "{r:?}");
    // A number the user wrote in a commit subject still counts.
    let measured = Entry {
        text: "3 commits in rivet, +120 −4 lines in 2 files.\n\n- a1b2c3d Cut p99 from 420 ms to 95 ms".into(),
        ..draft
    };
    let r = coach(&measured, jiff::civil::date(2026, 11, 25));
    assert!(!r.findings.iter().any(|f| f.rule == "no-metric"), "{r:?}");
}

proptest::proptest! {
    /// The coach's word scanner finds what the regex `[\p{L}\p{N}']+` finds.
    #[test]
    fn words_are_the_runs_the_regex_finds(text in "[a-zA-Z0-9' \\-.,é日ृ١\u{300}Ⅻ²]{0,60}|\\PC{0,40}") {
        let re = Regex::new(r"[\p{L}\p{N}']+").expect("valid");
        let want: Vec<&str> = re.find_iter(&text).map(|m| m.as_str()).collect();
        let got: Vec<&str> = words(&text).collect();
        proptest::prop_assert_eq!(got, want);
    }
}
