//! `brag reindex` and the index as a cache: losing or corrupting it loses nothing.

use crate::common::{DESIGN_STORY, DESIGN_STORY_PATH, TestEnv, write_file};

const INDEX: &str = ".brag/index.db";

fn fixture() -> TestEnv {
    let env = TestEnv::new();
    env.write_entry(DESIGN_STORY_PATH, DESIGN_STORY);
    env.ok(&["add", "shipped the zeppelin #airship"]);
    env.ok(&["add", "--date", "2025-06-01", "wrote the runbook"]);
    env
}

/// Asserts that every read command sees all three fixture entries.
fn everything_works(env: &TestEnv) {
    assert_eq!(
        env.list_ids(&[]),
        [
            "2026-11-25-shipped-the-zeppelin",
            "2025-06-01-wrote-the-runbook",
            "2025-03-14-retry-budget"
        ]
    );
    let hits = env.json(&["search", "--json", "zeppelin"]);
    assert_eq!(
        crate::common::ids(&hits),
        ["2026-11-25-shipped-the-zeppelin"]
    );
    assert_eq!(
        env.list_ids(&["-t", "reliability"]),
        ["2025-03-14-retry-budget"]
    );
    let e = env.json(&["show", "retry", "--json"]);
    assert_eq!(e["title"], "Retry budget for rivet");
    env.ok(&["doctor"]);
}

#[test]
fn reindex_reports_count() {
    let env = fixture();
    let out = env.ok(&["reindex"]);
    assert!(out.starts_with("Indexed 3 entries"), "{out}");
    everything_works(&env);
}

#[test]
fn reindex_counts_unreadable_files_apart() {
    let env = fixture();
    env.write_broken();
    let out = env.ok(&["reindex"]);
    assert!(out.starts_with("Indexed 3 entries"), "{out}");
    assert!(out.contains("2 files could not be read"), "{out}");
}

#[test]
fn reindex_index_deleted_every_command_works() {
    let env = fixture();
    std::fs::remove_file(env.path(INDEX)).expect("delete the index");
    everything_works(&env);
    assert!(env.path(INDEX).is_file(), "the index was not rebuilt");
    std::fs::remove_file(env.path(INDEX)).expect("delete the index");
    let out = env.ok(&["reindex"]);
    assert!(out.starts_with("Indexed 3 entries"), "{out}");
}

#[test]
fn reindex_garbage_index_every_command_works() {
    let env = fixture();
    write_file(&env.path(INDEX), b"this is not a SQLite database\n");
    everything_works(&env);
    write_file(&env.path(INDEX), b"garbage again");
    env.ok(&["add", "after the garbage"]);
    assert_eq!(env.list_ids(&[]).len(), 4);
    write_file(&env.path(INDEX), &[0u8; 4096]);
    let out = env.ok(&["reindex"]);
    assert!(out.starts_with("Indexed 4 entries"), "{out}");
}

#[test]
fn reindex_garbage_index_edit_and_rm_work() {
    let env = fixture();
    write_file(&env.path(INDEX), b"garbage");
    let out = env.run_env(&["edit", "runbook"], &[("EDITOR", "true")]);
    crate::common::expect_code(&out, 0, &["edit"]);
    write_file(&env.path(INDEX), b"garbage");
    env.ok(&["rm", "--yes", "runbook"]);
    assert_eq!(env.list_ids(&[]).len(), 2);
}

#[test]
fn reindex_keeps_entry_files_unchanged() {
    let env = fixture();
    let before: Vec<Vec<u8>> = env.files().iter().map(|f| env.read_bytes(f)).collect();
    env.ok(&["reindex"]);
    let after: Vec<Vec<u8>> = env.files().iter().map(|f| env.read_bytes(f)).collect();
    assert_eq!(before, after);
}
