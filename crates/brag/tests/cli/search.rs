//! `brag search`: ranked hits with snippets, filters, JSON, and an index that follows the
//! files however they change.

use crate::common::{
    BAD_DATE_PATH, BROKEN_YAML, BROKEN_YAML_PATH, TestEnv, entry_text, ids, line_after, stderr,
    stdout, strings,
};

const TITLE_HIT: &str = "2025-05-02-kafka-migration";
const BODY_HIT: &str = "2025-05-01-quarterly-planning";
const NO_HIT: &str = "2025-05-03-coffee";

/// Returns a vault where "kafka" is in one title and in another's body only.
fn fixture() -> TestEnv {
    let env = TestEnv::new();
    env.write_entry(
        &format!("2025/{BODY_HIT}.md"),
        &entry_text(
            "Quarterly planning",
            "2025-05-01",
            "story",
            &["planning"],
            &[],
            Some("ops"),
            "## Situation\nWe planned the quarter: hiring, budgets, the on-call rota, and \
             whether to keep kafka or move to something simpler.\n\n## Result\nA plan.\n",
        ),
    );
    env.write_entry(
        &format!("2025/{TITLE_HIT}.md"),
        &entry_text(
            "Kafka migration",
            "2025-05-02",
            "win",
            &["infra"],
            &["deliver-results"],
            Some("billing"),
            "Moved the billing queue over in two weeks.",
        ),
    );
    env.write_entry(
        &format!("2025/{NO_HIT}.md"),
        &entry_text(
            "Coffee",
            "2025-05-03",
            "win",
            &[],
            &[],
            None,
            "Fixed the coffee machine.",
        ),
    );
    env
}

fn search_ids(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut all = vec!["search", "--json"];
    all.extend_from_slice(args);
    ids(&env.json(&all))
}

#[test]
fn search_title_match_outranks_body_match() {
    let env = fixture();
    assert_eq!(search_ids(&env, &["kafka"]), [TITLE_HIT, BODY_HIT]);
    let out = env.ok(&["search", "kafka"]);
    let title_at = out.find(TITLE_HIT).expect("title hit shown");
    let body_at = out.find(BODY_HIT).expect("body hit shown");
    assert!(title_at < body_at, "{out}");
    assert!(!out.contains(NO_HIT), "{out}");
}

#[test]
fn search_human_snippet_shows_matched_word() {
    let env = fixture();
    let out = env.ok(&["search", "rota"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "an entry line and a snippet line:\n{out}");
    assert!(lines[0].contains(BODY_HIT), "{out}");
    assert!(lines[1].contains("rota"), "{out}");
    assert!(
        lines[1].contains("on-call"),
        "the snippet has context:\n{out}"
    );
}

#[test]
fn search_json_rows_have_score_snippet_matches() {
    let env = fixture();
    let v = env.json(&["search", "--json", "kafka"]);
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), 2);
    for row in rows {
        crate::common::assert_entry_json(row);
        let score = row["score"].as_f64().expect("score is a number");
        assert!(score.is_finite(), "{row}");
        let snippet = row["snippet"].as_str().expect("snippet is a string");
        assert!(snippet.to_lowercase().contains("kafka"), "{snippet}");
        assert!(!snippet.contains(['\u{2}', '\u{3}', '\n']), "{snippet:?}");
        assert_eq!(strings(&row["matches"]), ["kafka"]);
    }
    assert!(
        rows[0]["score"].as_f64() >= rows[1]["score"].as_f64(),
        "rows are best first: {v}"
    );
}

#[test]
fn search_stems_words() {
    let env = fixture();
    env.ok(&["add", "retried the failed uploads"]);
    assert_eq!(
        search_ids(&env, &["retry"]),
        ["2026-11-25-retried-the-failed-uploads"]
    );
}

#[test]
fn search_filters_apply() {
    let env = fixture();
    assert_eq!(search_ids(&env, &["kafka", "-t", "planning"]), [BODY_HIT]);
    assert_eq!(search_ids(&env, &["kafka", "--kind", "win"]), [TITLE_HIT]);
    assert_eq!(search_ids(&env, &["kafka", "--project", "ops"]), [BODY_HIT]);
    assert_eq!(
        search_ids(&env, &["kafka", "-c", "deliver-results"]),
        [TITLE_HIT]
    );
    assert_eq!(
        search_ids(&env, &["kafka", "--from", "2025-05-02"]),
        [TITLE_HIT]
    );
    assert_eq!(
        search_ids(&env, &["kafka", "--to", "2025-05-01"]),
        [BODY_HIT]
    );
    assert!(search_ids(&env, &["kafka", "--from", "2025-06"]).is_empty());
}

#[test]
fn search_no_match_prints_nothing() {
    let env = fixture();
    let out = env.run(&["search", "zeppelin"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert!(search_ids(&env, &["zeppelin"]).is_empty());
}

#[test]
fn search_empty_query_is_usage_error() {
    let env = fixture();
    let err = env.fails(&["search", ""], 2);
    assert!(err.starts_with("error:"), "{err}");
}

#[test]
fn search_sees_sed_edit_without_reindex() {
    let env = fixture();
    assert!(search_ids(&env, &["zeppelin"]).is_empty());
    let status = std::process::Command::new("sed")
        .args([
            "-i",
            "s/coffee machine/coffee machine and the zeppelin hangar/",
        ])
        .arg(env.path(&format!("2025/{NO_HIT}.md")))
        .status()
        .expect("run sed");
    assert!(status.success());
    assert_eq!(search_ids(&env, &["zeppelin"]), [NO_HIT]);
    let shown = env.json(&["show", NO_HIT, "--json"]);
    assert!(
        shown["text"]
            .as_str()
            .unwrap_or_default()
            .contains("zeppelin"),
        "{shown}"
    );
}

#[test]
fn search_sees_same_size_edit_without_reindex() {
    let env = fixture();
    assert_eq!(search_ids(&env, &["coffee"]), [NO_HIT]);
    // "coffee" -> "zepeli": same length, so only the mtime tells the index.
    let status = std::process::Command::new("sed")
        .args(["-i", "s/coffee/zepeli/Ig"])
        .arg(env.path(&format!("2025/{NO_HIT}.md")))
        .status()
        .expect("run sed");
    assert!(status.success());
    assert_eq!(search_ids(&env, &["zepeli"]), [NO_HIT]);
    assert!(search_ids(&env, &["coffee"]).is_empty());
}

#[test]
fn search_sees_file_written_outside_brag() {
    let env = fixture();
    assert!(search_ids(&env, &["zeppelin"]).is_empty());
    env.write_entry(
        "2024/2024-01-01-airship.md",
        &entry_text(
            "Airship",
            "2024-01-01",
            "win",
            &[],
            &[],
            None,
            "Flew the zeppelin.",
        ),
    );
    assert_eq!(search_ids(&env, &["zeppelin"]), ["2024-01-01-airship"]);
}

#[test]
fn search_forgets_deleted_file() {
    let env = fixture();
    assert_eq!(search_ids(&env, &["kafka"]).len(), 2);
    std::fs::remove_file(env.path(&format!("2025/{TITLE_HIT}.md"))).expect("delete");
    assert_eq!(search_ids(&env, &["kafka"]), [BODY_HIT]);
    assert!(!env.list_ids(&[]).contains(&TITLE_HIT.to_owned()));
}

#[test]
fn search_broken_files_warn_and_others_still_found() {
    let env = fixture();
    env.write_broken();
    let out = env.run(&["search", "kafka"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(TITLE_HIT), "{}", stdout(&out));
    let err = env.norm(&stderr(&out));
    assert!(
        line_after(&err, &format!("[VAULT]/{BROKEN_YAML_PATH}:")).is_some(),
        "{err}"
    );
    assert!(
        line_after(&err, &format!("[VAULT]/{BAD_DATE_PATH}:")).is_some(),
        "{err}"
    );
    assert!(
        search_ids(&env, &["broken"]).is_empty(),
        "a broken file was indexed"
    );
    assert_eq!(env.read(BROKEN_YAML_PATH), BROKEN_YAML);
}

const DEPLOYS: &str = "2025-05-04-faster-deploys";
const ROLLBACK: &str = "2025-05-05-rollback-drill";

/// Returns the fixture vault plus an entry about deploys and one about a rollback, both
/// in project rivet.
fn operators_fixture() -> TestEnv {
    let env = fixture();
    env.write_entry(
        &format!("2025/{DEPLOYS}.md"),
        &entry_text(
            "Faster deploys",
            "2025-05-04",
            "win",
            &[],
            &[],
            Some("rivet"),
            "Cut the deploys from 20 minutes to 4 with a warm e-mail build cache for p-99.",
        ),
    );
    env.write_entry(
        &format!("2025/{ROLLBACK}.md"),
        &entry_text(
            "Rollback drill",
            "2025-05-05",
            "story",
            &[],
            &[],
            Some("rivet"),
            "## Situation\nNobody had rolled back the billing queue in a year.\n\n\
             ## Result\nA rollback in 3 minutes, written down.\n",
        ),
    );
    env
}

/// Issue 11: `NOT deploys` used to search for deploys.
#[test]
fn search_not_word_excludes_it() {
    let env = operators_fixture();
    let all_but_deploys = [ROLLBACK, NO_HIT, TITLE_HIT, BODY_HIT];
    assert_eq!(search_ids(&env, &["NOT", "deploys"]), all_but_deploys);
    assert_eq!(search_ids(&env, &["NOT deploys"]), all_but_deploys);
    assert_eq!(
        search_ids(&env, &["NOT", "deploys", "--kind", "win"]),
        [NO_HIT, TITLE_HIT]
    );
    assert_eq!(search_ids(&env, &["rivet NOT deploys"]), [ROLLBACK]);
    // Found by exclusion alone, an entry still shows the start of its text.
    let v = env.json(&["search", "--json", "NOT", "deploys", "--kind", "win"]);
    assert_eq!(v[0]["snippet"], "Fixed the coffee machine.", "{v}");
    assert_eq!(strings(&v[0]["matches"]), Vec::<String>::new());
    let out = env.ok(&["search", "NOT", "deploys"]);
    assert!(!out.contains(DEPLOYS), "{out}");
    assert!(out.contains("Fixed the coffee machine."), "{out}");
}

/// Issue 11: `-deploys` used to search for the word `deploys`.
#[test]
fn search_dash_word_excludes_it() {
    let env = operators_fixture();
    assert_eq!(
        search_ids(&env, &["--", "-deploys"]),
        [ROLLBACK, NO_HIT, TITLE_HIT, BODY_HIT]
    );
    assert_eq!(search_ids(&env, &["kafka -billing"]), [BODY_HIT]);
    assert_eq!(search_ids(&env, &["kafka", "NOT", "billing"]), [BODY_HIT]);
    assert_eq!(search_ids(&env, &["kafka -\"billing queue\""]), [BODY_HIT]);
    assert_eq!(search_ids(&env, &["\"billing queue\""]).len(), 2);
    assert_eq!(
        search_ids(&env, &["\"queue billing\""]),
        Vec::<String>::new()
    );
}

/// A hyphen inside a word is part of it, never an exclusion.
#[test]
fn search_hyphenated_word_is_a_word() {
    let env = operators_fixture();
    assert_eq!(search_ids(&env, &["e-mail"]), [DEPLOYS]);
    assert_eq!(search_ids(&env, &["cache p-99"]), [DEPLOYS]);
}

#[test]
fn search_or_joins_the_words_beside_it() {
    let env = operators_fixture();
    assert_eq!(search_ids(&env, &["deploy OR rollback"]).len(), 2);
    let mut both = search_ids(&env, &["deploy", "OR", "rollback"]);
    both.sort();
    assert_eq!(both, [DEPLOYS, ROLLBACK]);
    // (deploy OR rollback) AND minutes: both say "minutes"; kafka OR coffee AND machine
    // is (kafka OR coffee) AND machine, which only the coffee entry has.
    assert_eq!(search_ids(&env, &["deploy OR rollback minutes"]).len(), 2);
    assert_eq!(search_ids(&env, &["kafka OR coffee machine"]), [NO_HIT]);
}

/// Issue 11: a query of 4,000 repeated words took seconds; repeated terms count once.
#[test]
fn search_long_repeated_query_is_deduplicated() {
    let env = operators_fixture();
    let query = "kafka migration billing ".repeat(1334);
    assert!(query.split_whitespace().count() > 4000);
    let out = env.run(&["search", "--json", &query]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        ids(&serde_json::from_str(&stdout(&out)).expect("json")),
        [TITLE_HIT]
    );
    assert_eq!(stderr(&out), "", "repeats are not extra terms");
}

/// Past 32 different terms, the rest of a query is ignored, with a warning.
#[test]
fn search_too_many_terms_warns_and_uses_the_first() {
    let env = operators_fixture();
    let mut query = String::from("kafka billing");
    for i in 0..4000 {
        query.push_str(&format!(" OR word{i}"));
    }
    let out = env.run(&["search", "--json", &query]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with("warning:") && err.contains("first 32") && err.contains("3970 more"),
        "{err}"
    );
    // kafka AND (billing OR word0 OR ... word29).
    assert_eq!(
        ids(&serde_json::from_str(&stdout(&out)).expect("json")),
        [TITLE_HIT]
    );
}

#[test]
fn search_only_operators_is_usage_error() {
    let env = operators_fixture();
    for q in ["NOT", "OR AND", "\"\" * - NOT -\"\""] {
        let err = env.fails(&["search", q], 2);
        assert!(
            err.starts_with("error: nothing to search for"),
            "{q}: {err}"
        );
    }
}

/// Drafts are found by the words of their commits, not by the line harvest generates.
#[test]
fn search_finds_drafts_by_commit_subject_not_generated_stats() {
    let env = TestEnv::new();
    env.write_entry(
        "2026/2026-03-04-jobs.md",
        &crate::ask::harvested_draft(
            "2026-03-04",
            "ledger",
            &["Teach the job manager to retry", "Log job manager restarts"],
        ),
    );
    assert_eq!(search_ids(&env, &["restarts"]), ["2026-03-04-jobs"]);
    assert_eq!(search_ids(&env, &["ledger"]), ["2026-03-04-jobs"]);
    assert!(search_ids(&env, &["commits"]).is_empty());
    assert!(search_ids(&env, &["lines files"]).is_empty());
}

/// `--semantic` ranks by meaning: a query that shares no word with an entry finds it, the
/// filters still apply, and a query with no words is a usage error.
#[test]
fn search_semantic_finds_by_meaning() {
    let env = fixture();
    let v = env.json(&[
        "search",
        "--semantic",
        "--json",
        "repaired the espresso maker",
    ]);
    let found = ids(&v);
    assert_eq!(found.first().map(String::as_str), Some(NO_HIT), "{v:#}");
    assert_eq!(found.len(), 3);
    let score = |i: usize| v[i]["score"].as_f64().expect("score");
    assert!(score(0) > score(1), "{v:#}");
    assert_eq!(
        search_ids(&env, &["--semantic", "--kind", "story", "moved a queue"]),
        [BODY_HIT]
    );
    let text = stdout(&env.run(&["search", "--semantic", "-n", "1", "espresso"]));
    assert!(text.contains("Coffee"), "{text}");
    let err = env.fails(&["search", "--semantic", "???"], 2);
    assert!(err.contains("nothing to search for"), "{err}");
}
