//! `brag rm`: the file moves to `.brag/trash/` and the entry is gone from every view.

use crate::common::{DESIGN_STORY, DESIGN_STORY_PATH, TestEnv};

#[test]
fn rm_moves_file_to_trash() {
    let env = TestEnv::new();
    env.write_entry(DESIGN_STORY_PATH, DESIGN_STORY);
    env.ok(&["add", "keep me"]);
    let out = env.ok(&["rm", "retry-budget"]);
    assert!(out.contains("Removed 2025-03-14-retry-budget"), "{out}");
    assert!(out.contains(".brag/trash/"), "{out}");
    assert!(!env.path(DESIGN_STORY_PATH).exists());
    let trash: Vec<(String, Vec<u8>)> = env
        .snapshot()
        .into_iter()
        .filter(|(p, _)| p.starts_with(".brag/trash/"))
        .collect();
    assert_eq!(trash.len(), 1, "{trash:?}");
    assert!(
        trash[0].0.contains("2025-03-14-retry-budget"),
        "{}",
        trash[0].0
    );
    assert_eq!(
        trash[0].1,
        DESIGN_STORY.as_bytes(),
        "the trashed file changed"
    );
    assert_eq!(env.list_ids(&[]), ["2026-11-25-keep-me"]);
    assert!(
        env.json(&["search", "--json", "retry"])
            .as_array()
            .is_some_and(Vec::is_empty)
    );
    env.fails(&["show", "2025-03-14-retry-budget"], 1);
}

#[test]
fn rm_same_id_twice_keeps_both_in_trash() {
    let env = TestEnv::new();
    env.ok(&["add", "twice removed"]);
    env.ok(&["rm", "twice-removed"]);
    env.ok(&["add", "twice removed"]);
    env.ok(&["rm", "twice-removed"]);
    let trash = env
        .snapshot()
        .into_keys()
        .filter(|p| p.starts_with(".brag/trash/"))
        .count();
    assert_eq!(trash, 2, "the second rm overwrote the first in the trash");
    assert!(env.files().is_empty());
}

#[test]
fn rm_unknown_id_fails_and_changes_nothing() {
    let env = TestEnv::new();
    env.ok(&["add", "keep me"]);
    let before = env.files();
    let err = env.fails(&["rm", "no-such-entry"], 1);
    assert!(err.starts_with("error:"), "{err}");
    assert_eq!(env.files(), before);
}

#[test]
fn rm_ambiguous_part_removes_nothing() {
    let env = TestEnv::new();
    env.ok(&["add", "alpha one"]);
    env.ok(&["add", "alpha two"]);
    let err = env.fails(&["rm", "alpha"], 1);
    assert!(err.contains("2026-11-25-alpha-one"), "{err}");
    assert_eq!(env.files().len(), 2);
}
