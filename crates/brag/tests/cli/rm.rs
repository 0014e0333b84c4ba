//! `brag rm`: the file moves to `.brag/trash/` and the entry is gone from every view.

use crate::common::{DESIGN_STORY, DESIGN_STORY_PATH, TestEnv, on_terminal};

#[test]
fn rm_moves_file_to_trash() {
    let env = TestEnv::new();
    env.write_entry(DESIGN_STORY_PATH, DESIGN_STORY);
    env.ok(&["add", "keep me"]);
    let out = env.ok(&["rm", "--yes", "retry-budget"]);
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
    env.ok(&["rm", "2026-11-25-twice-removed"]);
    env.ok(&["add", "twice removed"]);
    env.ok(&["rm", "2026-11-25-twice-removed"]);
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

#[test]
fn rm_path_like_ids_are_usage_errors() {
    // Issue 11: `brag rm 'nonexistent/q'` removed an unrelated entry.
    let env = TestEnv::new();
    env.write_entry(DESIGN_STORY_PATH, DESIGN_STORY);
    env.ok(&["add", "quick win on the queue"]);
    let before = env.snapshot();
    for id in [
        "nonexistent/q",
        "2025/2025-03-14-retry-budget",
        "../2025-03-14-retry-budget",
        "..",
        "a\\b",
        "",
    ] {
        let err = env.fails(&["rm", "--yes", id], 2);
        assert!(err.starts_with("error:"), "rm {id:?}: {err}");
        env.fails(&["show", id], 2);
    }
    assert_eq!(env.snapshot(), before);
}

#[test]
fn rm_part_must_start_a_word_of_the_id() {
    // Issue 11: `brag rm h` removed whatever contained an h.
    let env = TestEnv::new();
    env.ok(&["add", "fixed the bug"]);
    env.ok(&["add", "shipped search"]);
    let before = env.snapshot();
    for part in ["h", "ixed", "ug", "ipped"] {
        let err = env.fails(&["rm", "--yes", part], 1);
        assert!(err.contains("no entry"), "rm {part}: {err}");
    }
    assert_eq!(env.snapshot(), before);
    // A part that starts a word, or several words, is enough.
    assert_eq!(
        env.json(&["show", "--json", "fix"])["id"],
        "2026-11-25-fixed-the-bug"
    );
    assert_eq!(
        env.json(&["show", "--json", "the-b"])["id"],
        "2026-11-25-fixed-the-bug"
    );
    assert_eq!(
        env.json(&["show", "--json", "SHIPPED"])["id"],
        "2026-11-25-shipped-search"
    );
}

#[test]
fn rm_part_of_an_id_needs_yes_when_not_on_a_terminal() {
    let env = TestEnv::new();
    env.ok(&["add", "keep me"]);
    let before = env.snapshot();
    let err = env.fails(&["rm", "keep"], 2);
    assert!(err.contains("only part of an id"), "{err}");
    assert!(err.contains("2026-11-25-keep-me"), "{err}");
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(env.snapshot(), before);
    let out = env.ok(&["rm", "keep", "-y"]);
    assert!(out.contains("Removed 2026-11-25-keep-me"), "{out}");
    assert!(env.files().is_empty());
}

#[test]
fn rm_whole_id_needs_no_yes() {
    let env = TestEnv::new();
    env.ok(&["add", "keep me"]);
    env.ok(&["rm", "2026-11-25-keep-me.md"]);
    assert!(env.files().is_empty());
}

#[test]
fn rm_whole_slug_names_its_entry_among_longer_ones() {
    let env = TestEnv::new();
    env.ok(&["add", "fix"]);
    env.ok(&["add", "fix flaky test"]);
    assert_eq!(env.json(&["show", "--json", "fix"])["id"], "2026-11-25-fix");
    env.ok(&["rm", "--yes", "fix"]);
    assert_eq!(env.list_ids(&[]), ["2026-11-25-fix-flaky-test"]);
}

#[test]
fn rm_ambiguous_part_lists_every_candidate() {
    let env = TestEnv::new();
    for n in ["one", "two", "three"] {
        env.ok(&["add", &format!("deploy {n}")]);
    }
    let before = env.snapshot();
    let err = env.fails(&["rm", "--yes", "deploy"], 1);
    assert!(err.contains("matches 3 entries"), "{err}");
    for n in ["one", "two", "three"] {
        assert!(err.contains(&format!("2026-11-25-deploy-{n}")), "{err}");
    }
    assert_eq!(env.snapshot(), before);
}

#[test]
fn rm_part_of_an_id_asks_on_a_terminal() {
    let env = TestEnv::new();
    env.ok(&["add", "keep me"]);
    let shown = on_terminal(&env, &["rm", "keep"], "n");
    assert!(
        shown.contains("Remove 2026-11-25-keep-me (keep me)? [y/N]"),
        "{shown}"
    );
    assert!(shown.contains("Nothing removed"), "{shown}");
    assert_eq!(env.files().len(), 1);
    let shown = on_terminal(&env, &["rm", "keep"], "y");
    assert!(shown.contains("Removed 2026-11-25-keep-me"), "{shown}");
    assert!(env.files().is_empty());
}
