//! `brag edit`: the user's editor on a copy; saved only when it changed and still reads.

use crate::common::{
    DESIGN_STORY, DESIGN_STORY_PATH, TestEnv, expect_code, line_after, stderr, stdout,
};

fn env_with_story() -> TestEnv {
    let env = TestEnv::new();
    env.write_entry(DESIGN_STORY_PATH, DESIGN_STORY);
    env
}

/// Returns the `.brag/drafts/` files and their text.
fn drafts(env: &TestEnv) -> Vec<(String, String)> {
    env.snapshot()
        .into_iter()
        .filter(|(p, _)| p.starts_with(".brag/drafts/"))
        .map(|(p, b)| (p, String::from_utf8_lossy(&b).into_owned()))
        .collect()
}

#[test]
fn edit_keeps_unknown_keys_and_comments() {
    let env = env_with_story();
    let editor = env.editor(
        "ed.sh",
        r#"sed -i 's/amplified outages/amplified every outage/' "$1""#,
    );
    let out = env.run_env(&["edit", "retry-budget"], &[("EDITOR", &editor)]);
    expect_code(&out, 0, &["edit"]);
    assert!(
        stdout(&out).contains("Saved 2025-03-14-retry-budget"),
        "{}",
        stdout(&out)
    );
    let want = DESIGN_STORY.replace("amplified outages", "amplified every outage");
    assert_eq!(
        env.read(DESIGN_STORY_PATH),
        want,
        "only the edited line may change"
    );
    let e = env.json(&["show", "retry-budget", "--json"]);
    assert_eq!(e["extra"]["my-own-key"], "kept as written");
    assert_eq!(
        e["situation"],
        "Our HTTP client retried failed requests at once, which amplified every outage."
    );
    assert!(
        drafts(&env).is_empty(),
        "a saved edit left a draft: {:?}",
        drafts(&env)
    );
}

#[test]
fn edit_uses_visual_before_editor() {
    let env = env_with_story();
    let visual = env.editor("visual.sh", r#"printf '\nAdded by visual.\n' >> "$1""#);
    let out = env.run_env(
        &["edit", "retry-budget"],
        &[("VISUAL", &visual), ("EDITOR", "false")],
    );
    expect_code(&out, 0, &["edit"]);
    assert!(env.read(DESIGN_STORY_PATH).contains("Added by visual."));
}

#[test]
fn edit_appended_text_is_searchable() {
    let env = TestEnv::new();
    env.ok(&["add", "first draft of the thing"]);
    let editor = env.editor(
        "append.sh",
        r#"printf 'Also rewrote the zeppelin docs.\n' >> "$1""#,
    );
    let out = env.run_env(&["edit", "first-draft"], &[("EDITOR", &editor)]);
    expect_code(&out, 0, &["edit"]);
    let hits = env.json(&["search", "--json", "zeppelin"]);
    assert_eq!(
        crate::common::ids(&hits),
        ["2026-11-25-first-draft-of-the-thing"]
    );
}

#[test]
fn edit_unchanged_leaves_bytes_and_says_so() {
    let env = env_with_story();
    let before = env.read_bytes(DESIGN_STORY_PATH);
    let out = env.run_env(&["edit", "retry-budget"], &[("EDITOR", "true")]);
    expect_code(&out, 0, &["edit"]);
    assert!(stderr(&out).contains("No changes"), "{}", stderr(&out));
    assert_eq!(env.read_bytes(DESIGN_STORY_PATH), before);
    assert!(drafts(&env).is_empty());
}

#[test]
fn edit_broken_yaml_is_refused_and_kept_in_drafts() {
    let env = env_with_story();
    let editor = env.editor(
        "bad.sh",
        r#"sed -i 's/^title: .*/title: [broken on purpose/' "$1""#,
    );
    let out = env.run_env(&["edit", "retry-budget"], &[("EDITOR", &editor)]);
    expect_code(&out, 1, &["edit"]);
    let err = stderr(&out);
    assert!(err.starts_with("error:"), "{err}");
    assert!(
        line_after(&err, &format!("{DESIGN_STORY_PATH}:")).is_some(),
        "no :LINE: in {err}"
    );
    assert!(
        err.contains(".brag/drafts/"),
        "the hint names the draft: {err}"
    );
    assert_eq!(
        env.read(DESIGN_STORY_PATH),
        DESIGN_STORY,
        "the entry changed"
    );
    let kept = drafts(&env);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(
        kept[0].1.contains("title: [broken on purpose"),
        "{}",
        kept[0].1
    );
    assert!(
        kept[0].1.contains("amplified outages"),
        "the draft holds the whole text"
    );
}

#[test]
fn edit_bad_date_is_refused() {
    let env = env_with_story();
    let editor = env.editor(
        "baddate.sh",
        r#"sed -i 's/^date: .*/date: 2025-02-30/' "$1""#,
    );
    let out = env.run_env(&["edit", "retry-budget"], &[("EDITOR", &editor)]);
    expect_code(&out, 1, &["edit"]);
    assert!(
        stderr(&out).contains(&format!("{DESIGN_STORY_PATH}:")),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.read(DESIGN_STORY_PATH), DESIGN_STORY);
}

#[test]
fn edit_failing_editor_changes_nothing() {
    let env = env_with_story();
    let editor = env.editor("fail.sh", r#"printf 'half typed' >> "$1"; exit 3"#);
    let out = env.run_env(&["edit", "retry-budget"], &[("EDITOR", &editor)]);
    expect_code(&out, 1, &["edit"]);
    assert!(stderr(&out).starts_with("error:"), "{}", stderr(&out));
    assert_eq!(env.read(DESIGN_STORY_PATH), DESIGN_STORY);
}

#[test]
fn edit_unknown_id_fails() {
    let env = env_with_story();
    let out = env.run_env(&["edit", "no-such-entry"], &[("EDITOR", "true")]);
    expect_code(&out, 1, &["edit"]);
    assert!(stderr(&out).starts_with("error:"), "{}", stderr(&out));
}

#[test]
fn edit_emptied_file_changes_nothing() {
    // As with `brag new` (and `git commit`), emptying the buffer means "never mind".
    let env = env_with_story();
    let editor = env.editor("empty.sh", r#": > "$1""#);
    let out = env.run_env(&["edit", "retry-budget"], &[("EDITOR", &editor)]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "exit {:?}: {}",
        out.status,
        stderr(&out)
    );
    assert!(!stdout(&out).contains("Saved"), "{}", stdout(&out));
    assert_eq!(
        env.read(DESIGN_STORY_PATH),
        DESIGN_STORY,
        "the entry was emptied"
    );
}

#[test]
fn edit_does_not_overwrite_a_change_made_meanwhile() {
    let env = env_with_story();
    // While "editing", another program saves the real file; then the user saves theirs.
    let real = env.path(DESIGN_STORY_PATH);
    let editor = env.editor(
        "ed.sh",
        &format!(
            r#"sed -i 's/Measure before you pool./Theirs./' "{}"
sed -i 's/amplified outages/Mine/' "$1""#,
            real.display()
        ),
    );
    let out = env.run_env(&["edit", "retry-budget"], &[("EDITOR", &editor)]);
    expect_code(&out, 1, &["edit"]);
    assert!(stderr(&out).contains("changed on disk"), "{}", stderr(&out));
    let now = env.read(DESIGN_STORY_PATH);
    assert!(now.contains("Theirs.") && !now.contains("Mine"), "{now}");
    let kept = drafts(&env);
    assert_eq!(kept.len(), 1, "the user's text is kept");
    assert!(kept[0].1.contains("Mine"));
}
