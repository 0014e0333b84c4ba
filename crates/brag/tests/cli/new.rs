//! `brag new`: the editor on a template; what comes back is a new entry, and an empty or
//! unchanged file writes nothing.

use crate::common::{TODAY, TestEnv, expect_code, stderr, stdout, write_file};

const WRITTEN: &str = "---
title: Mentored two interns
date: 2026-10-01
kind: win
tags: [mentoring]
my-own-key: kept
---

Both shipped their projects.
";

#[test]
fn new_writes_editor_text_verbatim() {
    let env = TestEnv::new();
    let source = env.root().join("written.md");
    write_file(&source, WRITTEN.as_bytes());
    let editor = env.editor("write.sh", &format!(r#"cp '{}' "$1""#, source.display()));
    let out = env.run_env(&["new"], &[("EDITOR", &editor)]);
    expect_code(&out, 0, &["new"]);
    let path = "2026/2026-10-01-mentored-two-interns.md";
    assert!(stdout(&out).contains(path), "{}", stdout(&out));
    assert_eq!(env.files(), [path]);
    assert_eq!(env.read(path), WRITTEN);
    let e = env.json(&["show", "mentored", "--json"]);
    assert_eq!(e["extra"]["my-own-key"], "kept");
}

#[test]
fn new_unchanged_template_writes_nothing() {
    let env = TestEnv::new();
    let out = env.run_env(&["new"], &[("EDITOR", "true")]);
    expect_code(&out, 0, &["new"]);
    assert!(stderr(&out).contains("Nothing written"), "{}", stderr(&out));
    assert!(env.files().is_empty());
    assert!(env.list_ids(&[]).is_empty());
}

#[test]
fn new_emptied_file_writes_nothing() {
    let env = TestEnv::new();
    let editor = env.editor("empty.sh", r#": > "$1""#);
    let out = env.run_env(&["new"], &[("EDITOR", &editor)]);
    expect_code(&out, 0, &["new"]);
    assert!(env.files().is_empty());
}

#[test]
fn new_template_has_story_sections_and_today() {
    let env = TestEnv::new();
    let copy = env.root().join("template.md");
    let editor = env.editor("peek.sh", &format!(r#"cp "$1" '{}'"#, copy.display()));
    let out = env.run_env(&["new", "--title", "Pool leak"], &[("EDITOR", &editor)]);
    expect_code(&out, 0, &["new"]);
    let template = std::fs::read_to_string(&copy).expect("the editor saw a file");
    assert!(template.starts_with("---\n"), "{template}");
    assert!(template.contains("title: Pool leak"), "{template}");
    assert!(template.contains(&format!("date: {TODAY}")), "{template}");
    assert!(template.contains("kind: story"), "{template}");
    for section in ["## Situation", "## Task", "## Action", "## Result"] {
        assert!(template.contains(section), "{section} missing:\n{template}");
    }
    assert!(env.files().is_empty(), "an unchanged template was written");
}

#[test]
fn new_kind_and_date_flags_fill_the_template() {
    let env = TestEnv::new();
    let copy = env.root().join("template.md");
    let editor = env.editor("peek.sh", &format!(r#"cp "$1" '{}'"#, copy.display()));
    let out = env.run_env(
        &["new", "--kind", "learning", "--date", "yesterday"],
        &[("EDITOR", &editor)],
    );
    expect_code(&out, 0, &["new"]);
    let template = std::fs::read_to_string(&copy).expect("the editor saw a file");
    assert!(template.contains("kind: learning"), "{template}");
    assert!(template.contains("date: 2026-11-24"), "{template}");
}

#[test]
fn new_filled_template_is_saved() {
    let env = TestEnv::new();
    let editor = env.editor(
        "fill.sh",
        r#"sed -i 's/^title:.*/title: Cut the build time/; s/^## Result$/## Result\nBuilds went from 20 to 6 minutes./' "$1""#,
    );
    let out = env.run_env(&["new"], &[("EDITOR", &editor)]);
    expect_code(&out, 0, &["new"]);
    let path = format!("2026/{TODAY}-cut-the-build-time.md");
    assert_eq!(env.files(), [path]);
    let e = env.json(&["show", "cut-the-build", "--json"]);
    assert_eq!(e["kind"], "story");
    assert_eq!(e["result"], "Builds went from 20 to 6 minutes.");
}

#[test]
fn new_broken_text_is_refused_and_kept() {
    let env = TestEnv::new();
    let editor = env.editor(
        "bad.sh",
        r#"printf -- '---\ntitle: [oops\n---\n\ntext\n' > "$1""#,
    );
    let out = env.run_env(&["new"], &[("EDITOR", &editor)]);
    expect_code(&out, 1, &["new"]);
    assert!(stderr(&out).starts_with("error:"), "{}", stderr(&out));
    assert!(env.files().is_empty());
    let drafts: Vec<String> = env
        .snapshot()
        .into_iter()
        .filter(|(p, _)| p.starts_with(".brag/drafts/"))
        .map(|(_, b)| String::from_utf8_lossy(&b).into_owned())
        .collect();
    assert_eq!(drafts.len(), 1, "the text is kept");
    assert!(drafts[0].contains("title: [oops"), "{drafts:?}");
}

#[test]
fn new_bogus_kind_is_usage_error() {
    let env = TestEnv::new();
    let out = env.run_env(&["new", "--kind", "bogus"], &[("EDITOR", "true")]);
    expect_code(&out, 2, &["new"]);
}

#[test]
fn new_story_template_with_only_an_appended_line_writes_nothing() {
    // Issue 11: the line became a competency note of a story titled "entry".
    let env = TestEnv::new();
    let editor = env.editor("append.sh", r#"printf 'fixed the deploy script\n' >> "$1""#);
    let out = env.run_env(&["new"], &[("EDITOR", &editor)]);
    expect_code(&out, 1, &["new"]);
    let err = stderr(&out);
    assert!(err.contains("nothing to save"), "{err}");
    assert!(err.contains("kept in"), "{err}");
    assert!(env.files().is_empty());
    let kept: Vec<String> = env
        .snapshot()
        .into_keys()
        .filter(|p| p.starts_with(".brag/drafts/"))
        .collect();
    assert_eq!(kept.len(), 1, "the typed text is kept: {kept:?}");
}

#[test]
fn new_without_a_title_takes_one_from_the_text() {
    let env = TestEnv::new();
    let editor = env.editor(
        "append.sh",
        r#"printf 'Cut the deploy time from 20 to 4 minutes. It took a week.\n' >> "$1""#,
    );
    let out = env.run_env(&["new", "--kind", "win"], &[("EDITOR", &editor)]);
    expect_code(&out, 0, &["new"]);
    let path = format!("2026/{TODAY}-cut-the-deploy-time-from-20-to-4-minutes.md");
    assert_eq!(env.files(), std::slice::from_ref(&path));
    assert!(
        env.read(&path).contains("title:\n"),
        "the typed text is kept as it is"
    );
    let e = env.json(&["show", "--json", "deploy-time"]);
    assert_eq!(e["title"], "Cut the deploy time from 20 to 4 minutes");
    let story = env.editor(
        "story.sh",
        r#"sed -i 's/^## Situation$/## Situation\nThe nightly import failed every Monday./' "$1""#,
    );
    let out = env.run_env(&["new"], &[("EDITOR", &story)]);
    expect_code(&out, 0, &["new"]);
    let e = env.json(&["show", "--json", "nightly"]);
    assert_eq!(e["title"], "The nightly import failed every Monday");
    assert_eq!(e["situation"], "The nightly import failed every Monday.");
}
