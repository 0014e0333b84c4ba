//! `brag report resume`: one bullet per top story or win, verb first, at most
//! [`BULLET_MAX`] characters, the metric in it, recent work first.
//!
//! A bullet is made of the entry's own words only: a sentence of its Result (a win's
//! text), led when it does not start with a verb by the title or a verb phrase of the
//! Action, or a line of its Metrics. Every number in a bullet is one the entry holds
//! ([`numbers`] of the bullet are among those of the entry's title, text, STAR and
//! Metrics); a bullet that would break that is not made.

use std::cmp::Reverse;
use std::collections::HashSet;
use std::sync::LazyLock;

use jiff::ToSpan;
use regex::Regex;

use super::sentence::{
    capitalize, clauses, drop_pronoun, items, lower_first, sentences, starts_with_verb,
};
use super::{Bullet, Input, ResumeReport, SharedEntry, is_work};
use crate::entry::{Entry, Kind};
use crate::measure::{has_measure, measures};
use crate::text::truncate_words;

/// The longest bullet, in characters.
pub const BULLET_MAX: usize = 160;

/// The longest verb phrase that leads a bullet, in characters.
const LEAD_MAX: usize = 80;

static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d+(?:[.,]\d+)*").expect("number pattern is valid"));

/// Returns the numbers written in a text: runs of digits with the `.` or `,` between
/// digits that make one number (`1,100`, `3.2`, `2026-11-25` gives `2026`, `11`, `25`).
pub fn numbers(text: &str) -> Vec<&str> {
    NUMBER.find_iter(text).map(|m| m.as_str()).collect()
}

/// Verbs that say what was done, preferred when a verb phrase of the Action leads.
const STRONG_VERBS: [&str; 34] = [
    "built",
    "shipped",
    "launched",
    "designed",
    "led",
    "rewrote",
    "created",
    "introduced",
    "delivered",
    "migrated",
    "implemented",
    "developed",
    "automated",
    "replaced",
    "cut",
    "reduced",
    "halved",
    "started",
    "founded",
    "drove",
    "owned",
    "architected",
    "rolled",
    "redesigned",
    "rebuilt",
    "scaled",
    "fixed",
    "eliminated",
    "removed",
    "stopped",
    "made",
    "proposed",
    "established",
    "organized",
];

/// Returns the resume: bullets of the last two years before today first, then older
/// ones, at most `limit` together, each list most recent first. When there are more
/// candidates than room, the best coach scores are kept (the newest among equals); an
/// entry no bullet can be made of (nothing measures) is passed over.
pub(super) fn build(input: &Input<'_>) -> ResumeReport {
    let work: Vec<&SharedEntry> = input
        .in_period()
        .filter(|e| is_work(e) && !e.is_draft())
        .collect();
    let mut work: Vec<(u8, &Entry)> = input
        .scored_all(work)
        .into_iter()
        .map(|s| (s.score(), &**s.entry))
        .collect();
    work.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| b.1.date.cmp(&a.1.date))
            .then_with(|| a.1.id.cmp(&b.1.id))
    });
    let cutoff = input.today.checked_sub(2.years()).ok();
    let is_recent = |e: &Entry| match (e.date, cutoff) {
        (Some(d), Some(c)) => d >= c,
        (None, _) => false,
        (Some(_), None) => true,
    };
    // Bullets are made best first, and only as many as there is room for.
    let take = |recent: bool, room: usize| {
        let mut list: Vec<Bullet> = work
            .iter()
            .filter(|(_, e)| is_recent(e) == recent)
            .filter_map(|(_, e)| bullet(e))
            .take(room)
            .collect();
        list.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.entry.cmp(&b.entry)));
        list
    };
    let limit = input.options.limit;
    let recent = take(true, limit);
    let older = take(false, limit.saturating_sub(recent.len()));
    ResumeReport {
        header: input.header("Resume bullets".to_owned(), work.len()),
        recent,
        older,
    }
}

/// Returns the bullet of a story or win, or `None` when none can be made within the
/// rules.
pub(super) fn bullet(e: &Entry) -> Option<Bullet> {
    let own = e.own_text();
    let body: &str = if e.kind == Kind::Story && !e.result.trim().is_empty() {
        &e.result
    } else {
        &own
    };
    // A bullet reads as a sentence: `#tags`, `@` marks and URLs are the entry's labels
    // and links, not words of its line (`cut CI time from 18 to 7 minutes #ci @dana`).
    let body = super::plain(body);
    let sentences = sentences(&body);
    // The sentence that measures most in digits (`71%`, `18 ms`), the first among equals.
    let stated = sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| has_measure(s))
        .max_by_key(|&(i, s)| {
            let digits = measures(s)
                .iter()
                .filter(|m| m.bytes().any(|b| b.is_ascii_digit()))
                .count();
            (digits, Reverse(i))
        })
        .map(|(_, s)| drop_pronoun(s));
    let line = e.metrics.iter().find(|m| has_measure(m));
    let lead = lead(e);
    // Candidates, best first; the first that fits the rules is the bullet.
    let mut candidates: Vec<String> = Vec::new();
    if let Some(s) = stated {
        let clause = measure_clause(s);
        if starts_with_verb(s) {
            candidates.push(capitalize(s));
        }
        if starts_with_verb(clause) {
            candidates.push(capitalize(clause));
        }
        candidates.push(format!("{lead}: {}", lower_first(s)));
        candidates.push(format!("{lead}: {}", lower_first(clause)));
    }
    if let Some(m) = line {
        candidates.push(format!("{lead} ({m})"));
    }
    if has_measure(&lead) {
        candidates.push(lead.clone());
    }
    // A candidate that fits whole beats one that has to be cut; either must still
    // measure and hold no number the entry does not.
    let allowed = entry_numbers(e);
    let fits = |c: &String| -> Option<(bool, String)> {
        // A resume line is plain prose: no `code` or **bold** marks from the Markdown.
        let c = c.replace('`', "").replace("**", "");
        let c = c.trim().trim_end_matches('.');
        let text = truncate_words(c, BULLET_MAX);
        let ok = has_measure(&text) && numbers(&text).iter().all(|n| allowed.contains(n));
        ok.then(|| (text.chars().count() == c.chars().count(), text))
    };
    let mut cut = None;
    for c in &candidates {
        match fits(c) {
            Some((true, text)) => return Some(made(e, text, stated)),
            Some((false, text)) => {
                cut.get_or_insert(text);
            }
            None => {}
        }
    }
    cut.map(|text| made(e, text, stated))
}

fn made(e: &Entry, text: String, stated: Option<&str>) -> Bullet {
    Bullet {
        metric: metric_of(e, &text, stated.map(measure_clause)),
        text,
        entry: e.id.to_string(),
        date: e.date,
    }
}

/// Returns the numbers of an entry's own words: title, text, STAR and Metrics.
fn entry_numbers(e: &Entry) -> HashSet<&str> {
    [
        &e.title,
        &e.text,
        &e.situation,
        &e.task,
        &e.action,
        &e.result,
    ]
    .into_iter()
    .map(String::as_str)
    .chain(e.metrics.iter().map(String::as_str))
    .flat_map(numbers)
    .collect()
}

/// Returns what leads a bullet whose sentence does not start with a verb: the title when
/// it does, else the first verb phrase of the Action (one with a verb of
/// [`STRONG_VERBS`] first), else the title.
fn lead(e: &Entry) -> String {
    let title = drop_pronoun(e.title.trim().trim_end_matches('.'));
    if starts_with_verb(title) {
        return capitalize(title);
    }
    let actions: Vec<String> = items(&e.action);
    let strong = |s: &str| {
        let first = s.split_whitespace().next().unwrap_or("").to_lowercase();
        STRONG_VERBS.contains(&first.as_str())
    };
    let found = actions
        .iter()
        .map(|a| drop_pronoun(a))
        .find(|a| strong(a))
        .or_else(|| {
            actions
                .iter()
                .map(|a| drop_pronoun(a))
                .find(|a| starts_with_verb(a))
        });
    match found {
        Some(a) => capitalize(&verb_phrase(a)),
        None => capitalize(title),
    }
}

/// Returns the start of an action up to its first clause boundary, at most [`LEAD_MAX`]
/// characters, cut between words.
fn verb_phrase(action: &str) -> String {
    let first = sentences(action).into_iter().next().unwrap_or_default();
    let cut = [
        ": ",
        "; ",
        ", ",
        " — ",
        " – ",
        " (",
        " so ",
        " which ",
        " because ",
        " while ",
    ]
    .iter()
    .filter_map(|sep| first.find(sep))
    .min()
    .unwrap_or(first.len());
    let mut phrase = first[..cut].trim().trim_end_matches('.');
    // A long phrase stops before its first preposition after the verb and its object:
    // `Rewrote the export to stream rows …` leads with `Rewrote the export`.
    if phrase.chars().count() > LEAD_MAX / 2 {
        let after_object = phrase
            .match_indices(' ')
            .nth(1)
            .map_or(phrase.len(), |(i, _)| i);
        let stop = [
            " to ", " with ", " into ", " from ", " by ", " for ", " and ",
        ]
        .iter()
        .filter_map(|p| phrase[after_object..].find(p).map(|i| after_object + i))
        .min();
        if let Some(stop) = stop {
            phrase = &phrase[..stop];
        }
    }
    if phrase.chars().count() <= LEAD_MAX {
        return phrase.to_owned();
    }
    let mut out = String::new();
    for w in phrase.split_whitespace() {
        if out.chars().count() + w.chars().count() + 1 > LEAD_MAX {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Returns the clause of a sentence that holds its first measure, or the sentence.
fn measure_clause(sentence: &str) -> &str {
    clauses(sentence)
        .into_iter()
        .find(|c| has_measure(c))
        .unwrap_or(sentence)
}

/// Returns the metric a bullet carries, as the entry states it: a Metrics line that shares
/// a number with the bullet, else the clause of the Result (a win's text) it quotes.
fn metric_of(e: &Entry, text: &str, clause: Option<&str>) -> Option<String> {
    if !has_measure(text) {
        return None;
    }
    let in_bullet: HashSet<&str> = numbers(text).into_iter().collect();
    e.metrics
        .iter()
        .filter(|m| has_measure(m))
        .find(|m| numbers(m).iter().any(|n| in_bullet.contains(n)))
        .cloned()
        .or_else(|| clause.map(|c| c.trim_end_matches('.').to_owned()))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use proptest::prelude::*;

    use super::*;
    use crate::entry::EntryId;
    use crate::report::Options;

    /// Words of generated stories: numbers of every shape next to units, verbs, pronouns.
    const WORDS: &[&str] = &[
        "cut",
        "p99",
        "from",
        "420",
        "ms",
        "to",
        "95",
        "3.2%",
        "1,100",
        "lines",
        "12x",
        "faster",
        "v1.4",
        "2026-11-05",
        "$1,900",
        "Q3",
        "users",
        "fell",
        "by",
        "40%",
        "I",
        "we",
        "the",
        "team",
        "shipped",
        "in",
        "2024",
        "halved",
        "7",
        "days,",
        "and",
        "#412",
        "ABC-123",
        "0.5",
        "1.",
        "3.",
        "—",
        "(2)",
        "10k",
        "24/7",
        "1/3",
        "of",
        "merchants.",
    ];
    const STARTS: &[&str] = &[
        "Shipped",
        "I cut",
        "We halved",
        "Latency",
        "The p99",
        "Built",
        "3",
    ];

    fn sentence() -> impl Strategy<Value = String> {
        (
            proptest::sample::select(STARTS),
            prop::collection::vec(proptest::sample::select(WORDS), 0..25),
        )
            .prop_map(|(s, w)| format!("{s} {}.", w.join(" ")))
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(sentence(), 0..4).prop_map(|s| s.join(" "))
    }

    prop_compose! {
        fn entry()(
            story in any::<bool>(),
            year in 2018i16..2027,
            month in 1i8..=12,
            title in sentence(),
            action in prop::collection::vec(sentence(), 0..3),
            result in text(),
            metrics in prop::collection::vec(sentence(), 0..3),
        ) -> Entry {
            let kind = if story { Kind::Story } else { Kind::Win };
            let (text, result) = if story { (String::new(), result) } else { (result, String::new()) };
            Entry {
                kind,
                date: Some(jiff::civil::date(year, month, 1)),
                title: title.trim_end_matches('.').to_owned(),
                situation: "it was slow".into(),
                task: "make it fast".into(),
                action: action.iter().map(|a| format!("- {a}")).collect::<Vec<_>>().join("\n"),
                result,
                text,
                metrics,
                ..Entry::default()
            }
        }
    }

    proptest! {
        /// Every number in a resume bullet is a number its entry holds; a bullet is at
        /// most 160 characters and measures; at most `limit` bullets, recent first.
        #[test]
        fn resume_numbers_come_from_the_entry(
            mut entries in prop::collection::vec(entry(), 1..15),
            limit in 1usize..12,
        ) {
            for (i, e) in entries.iter_mut().enumerate() {
                e.id = EntryId(format!("e{i}"));
            }
            let today = jiff::civil::date(2026, 11, 25);
            let shared: Vec<SharedEntry> = entries.iter().cloned().map(Into::into).collect();
            let input = Input {
                entries: &shared,
                frameworks: &[],
                today,
                period: (None, None),
                options: Options { limit, todo: true },
            };
            let r = build(&input);
            prop_assert!(r.recent.len() + r.older.len() <= limit);
            for b in r.recent.iter().chain(&r.older) {
                let e = entries.iter().find(|e| e.id.as_str() == b.entry).expect("its entry");
                let held: HashSet<&str> = entry_numbers(e);
                for n in numbers(&b.text) {
                    prop_assert!(held.contains(n), "{n} of {:?} is not in {e:?}", b.text);
                }
                prop_assert!(b.text.chars().count() <= BULLET_MAX, "{}", b.text);
                prop_assert!(has_measure(&b.text), "{}", b.text);
            }
            let cutoff = jiff::civil::date(2024, 11, 25);
            prop_assert!(r.recent.iter().all(|b| b.date.is_some_and(|d| d >= cutoff)));
            prop_assert!(r.older.iter().all(|b| b.date.is_some_and(|d| d < cutoff)));
            for list in [&r.recent, &r.older] {
                prop_assert!(list.windows(2).all(|w| w[0].date >= w[1].date), "most recent first");
            }
        }
    }

    #[test]
    fn bullet_is_plain_prose() {
        let e = Entry {
            kind: Kind::Story,
            title: "Idempotency keys".into(),
            action: "- Proposed an optional `Idempotency-Key` header.".into(),
            result: "Duplicate payouts fell from **40** a month to 1.".into(),
            ..Entry::default()
        };
        assert_eq!(
            bullet(&e).expect("a bullet").text,
            "Proposed an optional Idempotency-Key header: duplicate payouts fell from 40 a month to 1"
        );
    }

    #[test]
    fn bullet_leads_with_a_verb() {
        let e = Entry {
            kind: Kind::Story,
            title: "Request hedging in rivet".into(),
            action: "- Analysed a week of traces.\n- Designed hedging with a budget: send a second request.".into(),
            result: "p99 latency fell from 840 ms to 310 ms. Two teams deleted their workarounds.".into(),
            ..Entry::default()
        };
        let b = bullet(&e).expect("a bullet");
        assert_eq!(
            b.text,
            "Designed hedging with a budget: p99 latency fell from 840 ms to 310 ms"
        );
        assert_eq!(
            b.metric.as_deref(),
            Some("p99 latency fell from 840 ms to 310 ms")
        );
        let win = Entry {
            kind: Kind::Win,
            title: "x".into(),
            text: "I cut CI from 24 to 11 minutes.".into(),
            ..Entry::default()
        };
        assert_eq!(
            bullet(&win).expect("a bullet").text,
            "Cut CI from 24 to 11 minutes"
        );
        let none = Entry {
            kind: Kind::Win,
            title: "Helped the team".into(),
            text: "It went well.".into(),
            ..Entry::default()
        };
        assert_eq!(bullet(&none), None, "no metric, no bullet");
    }
}
