#![allow(clippy::disallowed_methods)] // BRAG_DUMP writes a scratch file for the checker.

use proptest::prelude::*;

use super::super::tests::{lost_lines, lost_lines_with, opts_with};
use super::super::{Format, Import, SectionNames, import as run};
use crate::entry::{Entry, Kind};
use crate::framework::Catalogue;

fn import_with(text: &str, names: &SectionNames) -> Import {
    let cat = Catalogue::builtin();
    let opts = opts_with(&cat, names);
    let import = run(text, Format::StarText, &opts).expect("imports");
    let lost = lost_lines_with(text, &import, names);
    assert!(lost.is_empty(), "lines lost: {lost:?}\n{text}\n{import:#?}");
    import
}

fn stories(text: &str) -> Vec<Entry> {
    import_with(text, &SectionNames::default())
        .entries
        .into_iter()
        .map(|i| i.entry)
        .collect()
}

#[test]
fn star_text_example_matches_truth() {
    let text = include_str!("../../../../../fixtures/import/star-notes.txt");
    let import = import_with(text, &SectionNames::default());
    if let Ok(path) = std::env::var("BRAG_DUMP") {
        std::fs::write(path, super::super::tests::dry_run_json(&import)).expect("write");
    }
    let e: Vec<&Entry> = import.entries.iter().map(|i| &i.entry).collect();
    assert_eq!(e.len(), 12);
    assert!(e.iter().all(|e| e.kind == Kind::Story && e.undated));
    assert!(e[0].situation.contains("Our HTTP client retried"));
    assert!(e[0].links.iter().any(|l| l.url.ends_with("/pull/412")));
    assert_eq!(e[2].metrics[0], "1200 integration tests");
    assert_eq!(e[7].competencies, ["bias-for-action"]);
    assert!(e[7].star_is_empty());
    assert_eq!(
        e[9].competencies,
        [
            "are-right-a-lot",
            "insist-on-the-highest-standards",
            "hire-and-develop-the-best"
        ]
    );
    assert_eq!(import.warnings.len(), 3);
}

#[test]
fn star_text_spelled_out_labels_and_other_bullets() {
    let text = "Situation: Builds took 40 minutes.\r\nTask: Cut them below 10.\r\nAction:\r\n* cached the toolchain\r\n* split the test shards\r\n1. measured every step\r\n2) removed the slowest\r\nResult: Builds take 8 minutes (5x faster).";
    let s = stories(text);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].situation, "Builds took 40 minutes.");
    assert_eq!(s[0].task, "Cut them below 10.");
    assert_eq!(
        s[0].action,
        "- cached the toolchain\n- split the test shards\n1. measured every step\n2) removed the slowest"
    );
    assert_eq!(s[0].result, "Builds take 8 minutes (5x faster).");
    assert_eq!(s[0].title, "Builds took 40 minutes");
}

#[test]
fn star_text_bold_and_heading_labels_and_synonyms() {
    let text = "**Context:** The queue lost messages.\n### Objective\nStop the loss.\n**Approach**\n\t- added acks\nOutcome: zero loss in 3 months\n";
    let s = stories(text);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].situation, "The queue lost messages.");
    assert_eq!(s[0].task, "Stop the loss.");
    assert!(s[0].action.contains("added acks"));
    assert_eq!(s[0].result, "zero loss in 3 months");
}

#[test]
fn star_text_sections_out_of_order_stay_one_story() {
    let s = stories(
        "S\nslow pages\nA\nadded an index\nT\nmake them fast\nR\n10x faster\nS\nnext one\n",
    );
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].task, "make them fast");
    assert_eq!(s[0].action, "added an index");
    assert_eq!(s[1].situation, "next one");
}

#[test]
fn star_text_repeated_section_starts_a_story_without_s() {
    let s = stories("S\none\nT\ntask one\nR\ndone\nT\ntask two\nR\ndone too\n");
    assert_eq!(s.len(), 2);
    assert_eq!(s[1].task, "task two");
    assert_eq!(s[1].title, "task two");
}

#[test]
fn star_text_competency_heading_tags_every_story_beneath() {
    let text =
        "## Bias for Action\nS\nfirst\nR\nok\nS\nsecond\nR\nok\n## Dive Deep\nS\nthird\nR\nok\n";
    let s = stories(text);
    assert_eq!(s.len(), 3);
    assert_eq!(s[0].competencies, ["bias-for-action"]);
    assert_eq!(s[1].competencies, ["bias-for-action"]);
    assert_eq!(s[2].competencies, ["dive-deep"]);
}

#[test]
fn star_text_trailing_link_stays_with_last_story() {
    let s = stories("S\nthe only story\nR\ndone\nhttps://github.com/a/b/pull/9");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].links[0].label, "a/b#9");
}

#[test]
fn star_text_wrapped_competency_why_joins() {
    let s = stories(
        "dive deep: traced the leak through\nthree services and a proxy\nS\nleak\nR\nfixed\n",
    );
    assert_eq!(
        s[0].competency_notes["dive-deep"],
        "traced the leak through three services and a proxy"
    );
}

#[test]
fn star_text_unknown_name_is_not_a_competency() {
    let s = stories("S\nx\nR\ndone\nfoo bar: something we noticed\nS\ny\nR\nz\n");
    assert!(s.iter().all(|e| e.competencies.is_empty()));
    // After the Result, a line that is no preamble stays in the Result.
    assert_eq!(s[0].result, "done\nfoo bar: something we noticed");
}

#[test]
fn star_text_lessons_goods_bads_trailers() {
    let s = stories("S\nx\nR\ndone\nGoods:\n- fast\nBads:\n- late\nnotes\n- ask earlier\n");
    assert_eq!(s[0].lessons, "Goods:\n- fast\nBads:\n- late");
    assert_eq!(s[0].notes, "- ask earlier");
}

#[test]
fn star_text_non_english_and_config_section_names() {
    let cfg: indexmap::IndexMap<String, Vec<String>> = [
        ("Situation".to_owned(), vec!["Ausgangslage".to_owned()]),
        ("Task".to_owned(), vec!["Aufgabe".to_owned()]),
        ("Action".to_owned(), vec!["Maßnahmen".to_owned()]),
        ("Result".to_owned(), vec!["Ergebnis".to_owned()]),
    ]
    .into_iter()
    .collect();
    let (names, unknown) = SectionNames::new(&cfg);
    assert!(unknown.is_empty());
    let text = "Ausgangslage: Die Suche war langsam.\nAufgabe: schneller machen\nMaßnahmen:\n- Index gebaut\nErgebnis: 10× schneller — 日本語も大丈夫\n";
    let import = import_with(text, &names);
    let e = &import.entries[0].entry;
    assert_eq!(e.situation, "Die Suche war langsam.");
    assert_eq!(e.action, "- Index gebaut");
    assert!(e.result.contains("日本語"));
}

#[test]
fn star_text_dates_in_preamble_and_headings() {
    let s = stories("# 2024\nS\nold one\nR\nok\n2025-03-14\nS\ndated one\nR\nok\n");
    assert_eq!(
        s[0].date.map(|d| d.to_string()).as_deref(),
        Some("2024-01-01")
    );
    assert!(!s[0].undated);
    assert_eq!(
        s[1].date.map(|d| d.to_string()).as_deref(),
        Some("2025-03-14")
    );
}

/// Issue 14: dates in the shapes people write them, in headings and preamble lines.
#[test]
fn star_text_dates_in_shapes_people_write() {
    let s = stories(
        "## Payments migration (Q3 2024)\nS\nfirst\nR\nok\n\
         Date: Nov 1, 2024\nS\nsecond\nR\nok\n\
         ## 2024-W18 — Ledger\nS\nthird\nR\nok\n\
         When: 02.05.2024\nS\nfourth\nR\nok\n",
    );
    let dates: Vec<String> = s
        .iter()
        .map(|e| e.date.map(|d| d.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(
        dates,
        ["2024-07-01", "2024-11-01", "2024-04-29", "2024-05-02"]
    );
}

#[test]
fn star_text_skeleton_is_an_entry() {
    let s = stories("S\nT\nA\nR\n");
    assert_eq!(s.len(), 1);
    assert!(s[0].star_is_empty());
    assert!(!s[0].title.is_empty());
}

#[test]
fn star_text_identical_skeletons_get_distinct_keys() {
    let import = import_with("S\nT\nA\nR\nS\nT\nA\nR\n", &SectionNames::default());
    let keys: Vec<_> = import
        .entries
        .iter()
        .map(|i| i.entry.extra["import-key"].clone())
        .collect();
    assert_eq!(keys.len(), 2);
    assert_ne!(keys[0], keys[1]);
}

// A document made of the shapes real star-text notes have, in any order.
fn doc_line() -> impl Strategy<Value = String> {
    let word = "[a-zA-Z0-9éß日]{1,8}";
    let sentence = proptest::collection::vec(word, 1..7).prop_map(|w| w.join(" "));
    prop_oneof![
        3 => sentence.clone(),
        2 => sentence.clone().prop_map(|s| format!("- {s}")),
        1 => sentence.clone().prop_map(|s| format!("\t• {s}")),
        2 => proptest::sample::select(vec!["S", "T", "A", "R", "Situation:", "**Result**", "## Action", "s:"]).prop_map(str::to_owned),
        1 => proptest::sample::select(vec!["metrics", "summary", "links", "lessons learned:", "Extra info:", "goods", "-"]).prop_map(str::to_owned),
        1 => (proptest::sample::select(vec!["bias for action", "right alot", "Dive Deep", "highest standard", "nonsense name"]), sentence.clone())
            .prop_map(|(c, s)| format!("{c}: {s}")),
        1 => (sentence.clone(), "[a-z]{1,6}").prop_map(|(s, p)| format!("{s}: https://example.com/{p}")),
        1 => sentence.prop_map(|s| format!("S: {s}")),
        1 => Just(String::new()),
        1 => Just("2024-05".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn star_text_loses_no_line(lines in proptest::collection::vec(doc_line(), 0..40), crlf in any::<bool>()) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        prop_assume!(!text.trim().is_empty());
        let cat = Catalogue::builtin();
        let names = SectionNames::default();
        let opts = opts_with(&cat, &names);
        let import = run(&text, Format::StarText, &opts).expect("imports");
        let lost = lost_lines(&text.replace('\r', ""), &import);
        prop_assert!(lost.is_empty(), "lost lines {:?} of\n{}", lost, text);
        for e in &import.entries {
            prop_assert!(!e.entry.title.is_empty() && e.entry.title.chars().count() <= 80);
        }
    }
}
