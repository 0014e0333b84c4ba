//! `brag list`: newest first, filters, natural dates, JSON, empty and broken vaults.

use crate::common::{
    BAD_DATE, BAD_DATE_PATH, BROKEN_YAML, BROKEN_YAML_PATH, TestEnv, assert_entry_json, entry_text,
    line_after, stderr, stdout,
};

const APRIL: &str = "2025-04-01-april-start";
const MARCH_END: &str = "2025-03-31-march-end";
const MARCH_START: &str = "2025-03-01-march-start";
const FEB: &str = "2025-02-28-february-end";
const OLD: &str = "2024-12-31-last-year";

/// Returns a vault with five entries around March 2025.
fn fixture() -> TestEnv {
    let env = TestEnv::new();
    // Written out of date order, so that order comes from dates, not names or mtimes.
    env.write_entry(
        &format!("2025/{MARCH_START}.md"),
        &entry_text(
            "March start",
            "2025-03-01",
            "story",
            &["perf", "reliability"],
            &["dive-deep"],
            Some("rivet"),
            "## Situation\nThe pool leaked.\n\n## Result\nNo more leaks.\n",
        ),
    );
    env.write_entry(
        &format!("2024/{OLD}.md"),
        &entry_text(
            "Last year",
            "2024-12-31",
            "goal",
            &[],
            &[],
            Some("shop"),
            "Ship the shop.",
        ),
    );
    env.write_entry(
        &format!("2025/{APRIL}.md"),
        &entry_text(
            "April start",
            "2025-04-01",
            "feedback",
            &["reliability"],
            &["dive-deep", "earn-trust"],
            Some("shop"),
            "\"Great on-call week.\"",
        ),
    );
    env.write_entry(
        &format!("2025/{FEB}.md"),
        &entry_text(
            "February end",
            "2025-02-28",
            "win",
            &["perf"],
            &[],
            Some("rivet"),
            "Faster.",
        ),
    );
    env.write_entry(
        &format!("2025/{MARCH_END}.md"),
        &entry_text(
            "March end",
            "2025-03-31",
            "learning",
            &["books"],
            &["learn-and-be-curious"],
            None,
            "Read a book on queues.",
        ),
    );
    env
}

#[test]
fn list_newest_first() {
    let env = fixture();
    assert_eq!(env.list_ids(&[]), [APRIL, MARCH_END, MARCH_START, FEB, OLD]);
}

#[test]
fn list_human_one_line_per_entry() {
    let env = fixture();
    let out = env.ok(&["list"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert!(lines[0].starts_with("2025-04-01"), "{out}");
    assert!(lines[0].contains("feedback"), "{out}");
    assert!(lines[0].contains("April start"), "{out}");
    assert!(lines[0].contains("#reliability"), "{out}");
    assert!(lines[0].contains(APRIL), "{out}");
    assert!(lines[4].contains(OLD), "{out}");
}

#[test]
fn list_filter_from_to() {
    let env = fixture();
    assert_eq!(
        env.list_ids(&["--from", "2025-03-01", "--to", "2025-03-31"]),
        [MARCH_END, MARCH_START]
    );
    assert_eq!(env.list_ids(&["--from", "2025-03-02"]), [APRIL, MARCH_END]);
    assert_eq!(env.list_ids(&["--to", "2025-02-28"]), [FEB, OLD]);
}

#[test]
fn list_filter_month_covers_whole_month() {
    let env = fixture();
    assert_eq!(
        env.list_ids(&["--from", "2025-03", "--to", "2025-03"]),
        [MARCH_END, MARCH_START]
    );
}

#[test]
fn list_filter_quarter() {
    let env = fixture();
    assert_eq!(
        env.list_ids(&["--from", "Q1 2025"]),
        [APRIL, MARCH_END, MARCH_START, FEB]
    );
    assert_eq!(
        env.list_ids(&["--from", "Q1 2025", "--to", "Q1 2025"]),
        [MARCH_END, MARCH_START, FEB]
    );
}

#[test]
fn list_filter_relative_dates() {
    let env = fixture();
    env.ok(&["add", "--date", "yesterday", "recent one"]);
    env.ok(&["add", "--date", "3 weeks ago", "older one"]);
    assert_eq!(
        env.list_ids(&["--from", "last friday"]),
        ["2026-11-24-recent-one"]
    );
    assert_eq!(
        env.list_ids(&["--from", "2 weeks ago"]),
        ["2026-11-24-recent-one"],
        "3 weeks ago is before 2 weeks ago"
    );
    assert_eq!(env.list_ids(&["--from", "2026-11"]).len(), 2);
}

#[test]
fn list_from_after_to_is_usage_error() {
    let env = fixture();
    let err = env.fails(&["list", "--from", "2025-04-01", "--to", "2025-03-01"], 2);
    assert!(err.starts_with("error:"), "{err}");
}

#[test]
fn list_bad_date_is_usage_error() {
    let env = fixture();
    let err = env.fails(&["list", "--from", "someday"], 2);
    assert!(err.starts_with("error:"), "{err}");
}

#[test]
fn list_filter_tag() {
    let env = fixture();
    assert_eq!(env.list_ids(&["-t", "perf"]), [MARCH_START, FEB]);
    assert_eq!(
        env.list_ids(&["--tag", "#perf"]),
        [MARCH_START, FEB],
        "a leading # is fine"
    );
    assert_eq!(
        env.list_ids(&["-t", "perf", "-t", "reliability"]),
        [MARCH_START]
    );
    assert!(env.list_ids(&["-t", "nope"]).is_empty());
}

#[test]
fn list_filter_competency() {
    let env = fixture();
    assert_eq!(env.list_ids(&["-c", "dive-deep"]), [APRIL, MARCH_START]);
    assert_eq!(
        env.list_ids(&["-c", "dive-deep", "-c", "earn-trust"]),
        [APRIL]
    );
}

#[test]
fn list_filter_kind() {
    let env = fixture();
    assert_eq!(env.list_ids(&["--kind", "story"]), [MARCH_START]);
    assert_eq!(env.list_ids(&["--kind", "learning"]), [MARCH_END]);
    assert_eq!(env.list_ids(&["--kind", "goal"]), [OLD]);
    env.fails(&["list", "--kind", "bogus"], 2);
}

#[test]
fn list_filter_project() {
    let env = fixture();
    assert_eq!(env.list_ids(&["--project", "shop"]), [APRIL, OLD]);
    assert_eq!(env.list_ids(&["-p", "rivet"]), [MARCH_START, FEB]);
}

#[test]
fn list_filters_combine() {
    let env = fixture();
    assert_eq!(
        env.list_ids(&["--project", "rivet", "-t", "reliability"]),
        [MARCH_START]
    );
    assert_eq!(
        env.list_ids(&["-t", "reliability", "--from", "2025-03-15"]),
        [APRIL]
    );
}

#[test]
fn list_limit() {
    let env = fixture();
    assert_eq!(env.list_ids(&["-n", "2"]), [APRIL, MARCH_END]);
}

#[test]
fn list_json_is_array_of_entries() {
    let env = fixture();
    let v = env.json(&["list", "--json"]);
    let entries = v.as_array().expect("array");
    assert_eq!(entries.len(), 5);
    for e in entries {
        assert_entry_json(e);
    }
    let story = &entries[2];
    assert_eq!(story["id"], MARCH_START);
    assert_eq!(story["path"], format!("2025/{MARCH_START}.md"));
    assert_eq!(story["title"], "March start");
    assert_eq!(story["date"], "2025-03-01");
    assert_eq!(story["kind"], "story");
    assert_eq!(story["project"], "rivet");
    assert_eq!(story["situation"], "The pool leaked.");
    assert_eq!(entries[1]["project"], serde_json::Value::Null);
}

#[test]
fn list_empty_vault_prints_nothing() {
    let env = TestEnv::new();
    let out = env.run(&["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert_eq!(env.json(&["list", "--json"]), serde_json::json!([]));
}

#[test]
fn list_broken_files_warn_and_others_still_list() {
    let env = fixture();
    env.write_broken();
    let out = env.run(&["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 5, "{}", stdout(&out));
    let err = env.norm(&stderr(&out));
    assert!(
        line_after(&err, &format!("[VAULT]/{BROKEN_YAML_PATH}:")).is_some(),
        "{err}"
    );
    assert!(
        line_after(&err, &format!("[VAULT]/{BAD_DATE_PATH}:")).is_some(),
        "{err}"
    );
    assert_eq!(env.list_ids(&[]).len(), 5);
    assert_eq!(env.read(BROKEN_YAML_PATH), BROKEN_YAML);
    assert_eq!(env.read(BAD_DATE_PATH), BAD_DATE);
}
