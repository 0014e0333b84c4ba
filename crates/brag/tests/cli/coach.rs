//! `brag coach`, `brag coverage`, `brag ask`: JSON shapes and behaviour on real vaults.

use std::path::PathBuf;

use crate::common::{DESIGN_STORY, DESIGN_STORY_PATH, TestEnv};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/import")
        .join(name)
        .display()
        .to_string()
}

/// A vault with the three example documents imported.
fn example_vault() -> TestEnv {
    let env = TestEnv::new();
    for doc in ["star-notes.txt", "brag-doc.md", "talk-notes.txt"] {
        env.ok(&["import", &fixture(doc)]);
    }
    env
}

const WEAK: &str = "---\ntitle: Helped with the migration\ndate: 2026-10-01\nkind: story\n---\n\n## Situation\nThe old database was slow.\n\n## Task\nMove to the new one.\n\n## Action\nWe helped the team and we worked on the scripts.\n\n## Result\nSuccessfully improved things.\n";

#[test]
fn coach_json_shape_and_weakest_first() {
    let env = TestEnv::new();
    env.write_entry(DESIGN_STORY_PATH, DESIGN_STORY);
    env.write_entry("2026/2026-10-01-helped.md", WEAK);
    let v = env.json(&["coach", "--json"]);
    let rows = v.as_array().expect("array");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["id"], "2026-10-01-helped");
    let score = rows[0]["score"].as_u64().expect("score");
    assert!(score < 50, "{score}");
    let rules: Vec<&str> = rows[0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            for key in ["rule", "severity", "section", "message", "suggestion"] {
                assert!(f.get(key).is_some(), "finding lacks {key}: {f}");
            }
            f["rule"].as_str().expect("rule")
        })
        .collect();
    for want in [
        "no-metric",
        "weak-verb",
        "we-not-i",
        "vague-result",
        "no-competency",
    ] {
        assert!(rules.contains(&want), "{want} missing from {rules:?}");
    }
    // The DESIGN story is from 2025-03: over a year old but not stale yet.
    assert_eq!(rows[1]["id"], "2025-03-14-retry-budget");
    assert_eq!(rows[1]["score"], 100);
}

#[test]
fn coach_one_entry_and_min_score() {
    let env = TestEnv::new();
    env.write_entry(DESIGN_STORY_PATH, DESIGN_STORY);
    env.write_entry("2026/2026-10-01-helped.md", WEAK);
    let out = env.ok(&["coach", "helped"]);
    assert!(out.contains("Result has no number"), "{out}");
    assert!(out.contains("How much faster"), "{out}");
    let v = env.json(&["coach", "--json", "--min-score", "60"]);
    assert_eq!(v.as_array().expect("array").len(), 1);
    let out = env.ok(&["coach", "retry-budget"]);
    assert!(
        out.contains("100/100") && out.contains("nothing to improve"),
        "{out}"
    );
    env.fails(&["coach", "--min-score", "101"], 2);
}

#[test]
fn coverage_on_the_example_vault() {
    let env = example_vault();
    let v = env.json(&["coverage", "--json"]);
    assert_eq!(v["framework"], "amazon-lp");
    let comps = v["competencies"].as_array().expect("competencies");
    assert_eq!(comps.len(), 16);
    let row = |id: &str| comps.iter().find(|c| c["id"] == id).expect("row");
    assert_eq!(row("ownership")["name"], "Ownership");
    assert_eq!(
        row("ownership")["stories"]
            .as_array()
            .expect("stories")
            .len(),
        1
    );
    assert_eq!(row("ownership")["strong"], 1);
    // The bias-for-action story is an empty skeleton: present, never strong.
    assert_eq!(row("bias-for-action")["strong"], 0);
    let gaps: Vec<&str> = v["gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .filter_map(|g| g.as_str())
        .collect();
    assert!(
        gaps.contains(&"bias-for-action") && gaps.contains(&"frugality"),
        "{gaps:?}"
    );
    assert!(!gaps.contains(&"ownership"));
    let human = env.ok(&["coverage"]);
    assert!(
        human.contains("Gaps") && human.contains("Frugality"),
        "{human}"
    );
}

#[test]
fn coverage_other_framework_and_unknown() {
    let env = example_vault();
    let v = env.json(&["coverage", "--json", "--framework", "engineering"]);
    assert_eq!(v["framework"], "engineering");
    let err = env.fails(&["coverage", "--framework", "nope"], 2);
    assert!(err.contains("no competency framework `nope`"), "{err}");
}

#[test]
fn ask_json_shape_and_a_good_answer() {
    let env = example_vault();
    let v = env.json(&[
        "ask",
        "--json",
        "How did you cut the number of incidents caused by configuration changes?",
    ]);
    assert_eq!(
        v["question"],
        "How did you cut the number of incidents caused by configuration changes?"
    );
    assert!(v["competencies"].is_array());
    let results = v["results"].as_array().expect("results");
    assert!(!results.is_empty() && results.len() <= 5);
    for r in results {
        for key in ["id", "title", "score", "why"] {
            assert!(r.get(key).is_some(), "result lacks {key}: {r}");
        }
    }
    assert!(
        results[0]["title"]
            .as_str()
            .expect("title")
            .contains("Config changes"),
        "{results:?}"
    );
}

#[test]
fn ask_never_answers_with_an_empty_skeleton() {
    let env = example_vault();
    let v = env.json(&[
        "ask",
        "--json",
        "-n",
        "20",
        "tell me about a time the timeouts cost users their carts",
    ]);
    for r in v["results"].as_array().expect("results") {
        assert_ne!(r["title"], "the timeouts cost users their carts", "{r}");
    }
}

#[test]
fn ask_on_an_empty_vault_says_so() {
    let env = TestEnv::new();
    let out = env.run(&["ask", "tell me about a time you disagreed"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("No story answers this yet"));
}

#[test]
fn coach_dates_and_ids_are_not_metrics() {
    // Issue 11: a ticket key, a quarter or a year is not a number that measures.
    let env = TestEnv::new();
    env.ok(&["add", "fixed ABC-123"]);
    env.ok(&["add", "we improved things in Q3"]);
    env.ok(&["add", "cut p99 from 420 ms to 95 ms in 2026"]);
    env.ok(&[
        "add",
        "We planned the rollout, we shipped it and our latency improved",
    ]);
    let v = env.json(&["coach", "--json"]);
    let rows = v.as_array().expect("array");
    let row = |title_start: &str| {
        rows.iter()
            .find(|r| {
                r["id"]
                    .as_str()
                    .is_some_and(|id| id.starts_with(&format!("2026-11-25-{title_start}")))
            })
            .unwrap_or_else(|| panic!("no row for {title_start}: {rows:#?}"))
    };
    let rules = |r: &serde_json::Value| -> Vec<String> {
        r["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| f["rule"].as_str().expect("rule").to_owned())
            .collect()
    };
    for id in ["fixed-abc-123", "we-improved-things-in-q3"] {
        let r = row(id);
        assert!(rules(r).contains(&"no-metric".to_owned()), "{id}: {r}");
        let score = r["score"].as_u64().expect("score");
        assert!(score < 70, "{id} scores {score}, strong from 70");
    }
    let cut = row("cut-p99");
    assert!(!rules(cut).contains(&"no-metric".to_owned()), "{cut}");
    // Wins are held to "I, not we" and "a number, not an adjective" too.
    let we = row("we-planned-the-rollout");
    let found = rules(we);
    for want in ["no-metric", "we-not-i", "vague-result"] {
        assert!(found.contains(&want.to_owned()), "{want}: {we}");
    }
    let finding = |rule: &str| {
        we["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .find(|f| f["rule"] == rule)
            .cloned()
            .expect("finding")
    };
    assert_eq!(finding("we-not-i")["section"], "text");
    assert_eq!(
        finding("we-not-i")["message"],
        "The win says \"we\" 3 times and \"I\" 0"
    );
    assert_eq!(finding("vague-result")["section"], "text");
}
