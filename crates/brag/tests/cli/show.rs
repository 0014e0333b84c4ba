//! `brag show`: readable, `--json` in the Entry JSON shape, `--raw` bytes; ids by part.

use serde_json::json;

use crate::common::{DESIGN_STORY, DESIGN_STORY_PATH, ENTRY_KEYS, TestEnv, assert_entry_json};

fn env_with_story() -> TestEnv {
    let env = TestEnv::new();
    env.write_entry(DESIGN_STORY_PATH, DESIGN_STORY);
    env
}

#[test]
fn show_human_has_title_meta_and_sections() {
    let env = env_with_story();
    let out = env.ok(&["show", "2025-03-14-retry-budget"]);
    let first = out.lines().next().unwrap_or_default();
    assert_eq!(first, "Retry budget for rivet");
    for want in [
        "2025-03-14",
        "story",
        "rivet",
        "#reliability",
        "@priya",
        "example-org/rivet#412",
        "## Situation",
        "amplified outages",
        "## Result",
        "14x to 1.3x",
    ] {
        assert!(out.contains(want), "`{want}` missing from:\n{out}");
    }
}

#[test]
fn show_json_matches_entry_shape() {
    let env = env_with_story();
    let e = env.json(&["show", "retry-budget", "--json"]);
    assert_entry_json(&e);
    let keys: Vec<&String> = e.as_object().expect("object").keys().collect();
    assert_eq!(keys.len(), ENTRY_KEYS.len(), "unexpected keys: {keys:?}");
    assert_eq!(e["id"], "2025-03-14-retry-budget");
    assert_eq!(e["path"], DESIGN_STORY_PATH);
    assert_eq!(e["kind"], "story");
    assert_eq!(e["date"], "2025-03-14");
    assert_eq!(e["undated"], false);
    assert_eq!(e["title"], "Retry budget for rivet");
    assert_eq!(e["tags"], json!(["reliability", "rivet"]));
    assert_eq!(
        e["competencies"],
        json!(["invent-and-simplify", "dive-deep"])
    );
    assert_eq!(e["project"], "rivet");
    assert_eq!(e["people"], json!(["priya"]));
    assert_eq!(
        e["links"],
        json!([{
            "url": "https://github.com/example-org/rivet/pull/412",
            "kind": "github-pr",
            "label": "example-org/rivet#412"
        }])
    );
    assert_eq!(
        e["situation"],
        "Our HTTP client retried failed requests at once, which amplified outages."
    );
    assert_eq!(
        e["task"],
        "Design a retry policy that backs off without hurting tail latency."
    );
    let action = e["action"].as_str().expect("action");
    assert!(action.contains("token-bucket budget"), "{action}");
    assert_eq!(
        e["result"],
        "Retry storms in the incident drill fell from 14x to 1.3x normal load."
    );
    assert_eq!(e["metrics"], json!(["retry load 14x → 1.3x"]));
    assert_eq!(e["lessons"], "Measure before you pool.");
    assert_eq!(e["notes"], "");
    assert_eq!(
        e["competency_notes"],
        json!({"invent-and-simplify": "reused the success counter we already had instead of a new limiter"})
    );
    assert_eq!(e["extra"], json!({"my-own-key": "kept as written"}));
}

#[test]
fn show_raw_prints_file_bytes() {
    let env = env_with_story();
    let out = env.run(&["show", "--raw", "retry-budget"]);
    assert!(out.status.success());
    assert_eq!(out.stdout, env.read_bytes(DESIGN_STORY_PATH));
}

#[test]
fn show_raw_and_json_conflict() {
    let env = env_with_story();
    env.fails(&["show", "--raw", "--json", "retry-budget"], 2);
}

#[test]
fn show_unique_part_of_id() {
    let env = env_with_story();
    env.ok(&["add", "another thing"]);
    for part in ["retry", "budget", "03-14", "2025-03-14-retry-budget"] {
        let e = env.json(&["show", part, "--json"]);
        assert_eq!(e["id"], "2025-03-14-retry-budget", "show {part}");
    }
}

#[test]
fn show_ambiguous_part_names_candidates() {
    let env = TestEnv::new();
    env.ok(&["add", "alpha one"]);
    env.ok(&["add", "alpha two"]);
    let err = env.fails(&["show", "alpha"], 1);
    assert!(err.starts_with("error:"), "{err}");
    assert!(err.contains("2026-11-25-alpha-one"), "{err}");
    assert!(err.contains("2026-11-25-alpha-two"), "{err}");
}

#[test]
fn show_unknown_id_fails() {
    let env = env_with_story();
    let err = env.fails(&["show", "no-such-entry"], 1);
    assert!(err.starts_with("error:"), "{err}");
    assert!(err.contains("no-such-entry"), "{err}");
    assert!(err.contains("hint:"), "{err}");
}

#[test]
fn show_win_text_round_trips() {
    let env = TestEnv::new();
    env.ok(&["add", "shipped the importer #import @sam"]);
    let e = env.json(&["show", "importer", "--json"]);
    assert_eq!(e["text"], "shipped the importer #import @sam");
    let out = env.ok(&["show", "importer"]);
    assert!(out.contains("shipped the importer"), "{out}");
}
