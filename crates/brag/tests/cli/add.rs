//! `brag add`: one line becomes a file; tags, people, links and dates are recognised;
//! concurrent adds all land.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::common::{TestEnv, assert_entry_json, expect_code, ids, stderr, strings};

#[test]
fn add_writes_file_named_by_date_and_slug() {
    let env = TestEnv::new();
    let out = env.ok(&["add", "cut p99 from 420 ms to 95 ms"]);
    let id = "2026-11-25-cut-p99-from-420-ms-to-95-ms";
    let path = format!("2026/{id}.md");
    assert_eq!(out.trim(), format!("Added {id} ({path})"));
    assert_eq!(env.files(), vec![path.clone()]);
    let text = env.read(&path);
    assert!(text.starts_with("---\n"), "{text}");
    assert!(text.contains("\ndate: 2026-11-25\n"), "{text}");
    assert!(text.contains("\nkind: win\n"), "{text}");
    assert!(text.contains("cut p99 from 420 ms to 95 ms"), "{text}");
}

#[test]
fn add_title_keeps_words_and_drops_only_markers() {
    // Issue 11: "found the pool leak with @priya" became "found the pool leak with".
    let env = TestEnv::new();
    for (text, title) in [
        (
            "found the pool leak with @priya",
            "found the pool leak with priya",
        ),
        (
            "merged the retry fix (https://github.com/a/b/pull/9) #rivet",
            "merged the retry fix",
        ),
        ("see https://github.com/a/b/pull/10.", "see."),
        (
            "landed it: https://github.com/a/b/pull/11 #ci @dana",
            "landed it",
        ),
    ] {
        let e = env.json(&["add", "--json", text]);
        assert_eq!(e["title"], title, "brag add {text:?}");
        assert_eq!(e["text"], text);
    }
}

#[test]
fn add_words_are_joined() {
    let env = TestEnv::new();
    env.ok(&["add", "fixed", "the", "flaky", "test"]);
    assert_eq!(env.files(), vec!["2026/2026-11-25-fixed-the-flaky-test.md"]);
}

#[test]
fn add_recognises_tags_people_urls() {
    let env = TestEnv::new();
    let text = "cut p99 with @priya and @sam #perf #rivet https://github.com/acme/shop/pull/7";
    env.ok(&["add", text]);
    let e = env.json(&["show", "cut-p99", "--json"]);
    assert_entry_json(&e);
    assert_eq!(strings(&e["tags"]), ["perf", "rivet"]);
    assert_eq!(strings(&e["people"]), ["priya", "sam"]);
    assert_eq!(e["links"][0]["url"], "https://github.com/acme/shop/pull/7");
    assert_eq!(e["links"][0]["kind"], "github-pr");
    assert_eq!(e["links"][0]["label"], "acme/shop#7");
    assert_eq!(e["links"].as_array().map(Vec::len), Some(1));
    assert_eq!(e["text"], text, "the text is kept as written");
    let title = e["title"].as_str().expect("title");
    assert!(
        !title.contains("https://"),
        "URL left in the title: {title}"
    );
}

#[test]
fn add_flags_set_tags_competencies_project_title_kind() {
    let env = TestEnv::new();
    let e = env.json(&[
        "add",
        "--json",
        "-t",
        "perf",
        "--tag",
        "#infra",
        "-c",
        "dive-deep",
        "--project",
        "rivet",
        "--title",
        "Pool leak",
        "--kind",
        "story",
        "found the leak in the pool #perf",
    ]);
    assert_entry_json(&e);
    assert_eq!(e["title"], "Pool leak");
    assert_eq!(e["kind"], "story");
    assert_eq!(e["project"], "rivet");
    assert_eq!(
        strings(&e["tags"]),
        ["perf", "infra"],
        "duplicates are merged"
    );
    assert_eq!(strings(&e["competencies"]), ["dive-deep"]);
    assert_eq!(e["id"], "2026-11-25-pool-leak");
    assert_eq!(
        env.json(&["show", "pool-leak", "--json"]),
        e,
        "add --json is what show reads"
    );
}

#[test]
fn add_classifies_links() {
    let cases = [
        (
            "https://github.com/acme/shop/pull/7",
            "github-pr",
            Some("acme/shop#7"),
        ),
        (
            "https://github.com/acme/shop/issues/12",
            "github-issue",
            Some("acme/shop#12"),
        ),
        (
            "https://github.com/acme/shop/commit/abcdef1234567890",
            "github-commit",
            Some("acme/shop@abcdef1"),
        ),
        (
            "https://gitlab.com/grp/proj/-/merge_requests/5",
            "gitlab-mr",
            Some("grp/proj!5"),
        ),
        (
            "https://acme.atlassian.net/browse/ABC-123",
            "jira",
            Some("ABC-123"),
        ),
        ("https://docs.google.com/document/d/xyz/edit", "doc", None),
        ("https://example.com/shots/before.png", "image", None),
        ("https://example.com/page", "url", None),
    ];
    let env = TestEnv::new();
    let mut args = vec!["add", "--json", "evidence for the launch"];
    for (url, _, _) in &cases {
        args.push("--link");
        args.push(url);
    }
    let e = env.json(&args);
    let links = e["links"].as_array().expect("links");
    assert_eq!(links.len(), cases.len(), "{e}");
    for ((url, kind, label), link) in cases.iter().zip(links) {
        assert_eq!(link["url"], *url);
        assert_eq!(link["kind"], *kind, "kind of {url}");
        if let Some(label) = label {
            assert_eq!(link["label"], *label, "label of {url}");
        }
        assert!(
            !link["label"].as_str().unwrap_or_default().is_empty(),
            "{link}"
        );
    }
}

#[test]
fn add_classifies_urls_in_text() {
    let env = TestEnv::new();
    let e = env.json(&[
        "add",
        "--json",
        "closed ABC-1 https://acme.atlassian.net/browse/ABC-1 via https://gitlab.com/grp/proj/-/merge_requests/9",
    ]);
    let kinds: Vec<&str> = e["links"]
        .as_array()
        .expect("links")
        .iter()
        .map(|l| l["kind"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(kinds, ["jira", "gitlab-mr"]);
    assert_eq!(e["links"][1]["label"], "grp/proj!9");
}

#[test]
fn add_same_link_twice_is_kept_once() {
    let env = TestEnv::new();
    let url = "https://github.com/acme/shop/pull/7";
    let e = env.json(&["add", "--json", "--link", url, &format!("merged {url}")]);
    assert_eq!(e["links"].as_array().map(Vec::len), Some(1), "{e}");
}

#[test]
fn add_natural_dates() {
    // BRAG_NOW = 2026-11-25, a Wednesday.
    let cases = [
        ("today", "2026-11-25"),
        ("yesterday", "2026-11-24"),
        ("last friday", "2026-11-20"),
        ("2 weeks ago", "2026-11-11"),
        ("2025-03-14", "2025-03-14"),
    ];
    let env = TestEnv::new();
    for (i, (phrase, want)) in cases.iter().enumerate() {
        let title = format!("dated case {i}");
        let e = env.json(&["add", "--json", "--date", phrase, &title]);
        assert_eq!(e["date"], *want, "--date {phrase:?}");
        assert_eq!(e["undated"], false);
        let path = format!("{}/{want}-dated-case-{i}.md", &want[..4]);
        assert_eq!(e["path"], path.as_str(), "--date {phrase:?}");
        assert!(env.path(&path).is_file(), "{path} not written");
    }
}

#[test]
fn add_same_text_twice_gets_suffix() {
    let env = TestEnv::new();
    env.ok(&["add", "same text"]);
    let out = env.ok(&["add", "same text"]);
    assert!(out.contains("2026-11-25-same-text-2"), "{out}");
    env.ok(&["add", "same text"]);
    assert_eq!(
        env.files(),
        [
            "2026/2026-11-25-same-text-2.md",
            "2026/2026-11-25-same-text-3.md",
            "2026/2026-11-25-same-text.md",
        ]
    );
}

#[test]
fn add_bad_date_is_usage_error_and_writes_nothing() {
    let env = TestEnv::new();
    let before = env.snapshot();
    let err = env.fails(&["add", "--date", "nonsense", "shipped it"], 2);
    assert!(err.starts_with("error:"), "{err}");
    assert!(err.contains("nonsense"), "{err}");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn add_bad_date_into_missing_vault_makes_no_vault() {
    let env = TestEnv::bare();
    env.fails(&["add", "--date", "nonsense", "shipped it"], 2);
    assert!(!env.vault().exists(), "a refused add made the vault");
}

#[test]
fn add_bogus_kind_is_usage_error() {
    let env = TestEnv::new();
    let before = env.snapshot();
    let err = env.fails(&["add", "--kind", "bogus", "shipped it"], 2);
    assert!(err.starts_with("error:"), "{err}");
    assert!(err.contains("bogus"), "{err}");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn add_blank_text_is_usage_error() {
    let env = TestEnv::new();
    let err = env.fails(&["add", "   "], 2);
    assert!(err.starts_with("error:"), "{err}");
    assert!(env.files().is_empty());
}

#[test]
fn add_into_missing_vault_creates_it() {
    let env = TestEnv::bare();
    let out = env.run(&["add", "first win #start"]);
    expect_code(&out, 0, &["add"]);
    assert!(
        stderr(&out).contains("Made a new vault"),
        "{}",
        stderr(&out)
    );
    assert!(env.path("brag.toml").is_file());
    assert!(env.path(".brag").is_dir());
    assert_eq!(env.files(), ["2026/2026-11-25-first-win.md"]);
    assert_eq!(env.list_ids(&[]), ["2026-11-25-first-win"]);
}

/// Runs `per_process` `brag add TEXT` in each of `processes` threads at once; returns the
/// failures.
fn add_in_parallel(env: &TestEnv, processes: usize, per_process: usize, text: &str) -> Vec<String> {
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..processes)
            .map(|_| {
                s.spawn(|| {
                    let mut failures = Vec::new();
                    for _ in 0..per_process {
                        let out = env
                            .std_cmd()
                            .args(["add", text])
                            .output()
                            .expect("run brag add");
                        if !out.status.success() {
                            failures.push(format!("{}: {}", out.status, stderr(&out)));
                        }
                    }
                    failures
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("thread panicked"))
            .collect()
    })
}

#[test]
fn add_concurrent_processes_lose_nothing() {
    let env = TestEnv::new();
    // The same text everywhere, so every add fights for the same id.
    let failures = add_in_parallel(&env, 8, 25, "shipped the thing #load");
    assert!(failures.is_empty(), "failed adds: {failures:#?}");
    let files = env.files();
    assert_eq!(files.len(), 200, "entry files on disk");
    let listed = env.json(&["list", "--json"]);
    let ids = ids(&listed);
    assert_eq!(ids.len(), 200, "entries listed");
    let distinct: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(distinct.len(), 200, "distinct ids");
    for e in listed.as_array().into_iter().flatten() {
        assert_eq!(e["tags"], Value::from(vec!["load"]), "{e}");
        assert_eq!(e["text"], "shipped the thing #load");
    }
    let no_leftovers: Vec<_> = env
        .snapshot()
        .into_keys()
        .filter(|p| !p.starts_with(".brag/") && !p.ends_with(".md"))
        .filter(|p| p != "brag.toml" && p != ".gitignore")
        .collect();
    assert!(
        no_leftovers.is_empty(),
        "temp files left behind: {no_leftovers:?}"
    );
}

#[test]
fn add_concurrent_into_missing_vault_all_land() {
    // The race is narrow: try it on a few fresh vaults.
    for round in 0..12 {
        let env = TestEnv::bare();
        let failures = add_in_parallel(&env, 8, 1, "first day #start");
        assert!(
            failures.is_empty(),
            "round {round}, failed adds: {failures:#?}"
        );
        assert_eq!(env.files().len(), 8, "round {round}");
        assert_eq!(env.list_ids(&[]).len(), 8, "round {round}");
    }
}

#[test]
fn add_competency_names_become_ids_or_tags() {
    let env = TestEnv::new();
    let out = env.run(&[
        "add",
        "-c",
        "dive deep",
        "-c",
        "Right a lot",
        "-c",
        "space travel",
        "traced the leak",
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("`space travel` is no competency of amazon-lp: kept as a tag"),
        "{err}"
    );
    let e = env.json(&["show", "--json", "traced-the-leak"]);
    assert_eq!(
        e["competencies"],
        serde_json::json!(["dive-deep", "are-right-a-lot"])
    );
    assert_eq!(e["tags"], serde_json::json!(["space travel"]));
    // Filters take names too.
    assert_eq!(env.list_ids(&["-c", "Dive Deep"]).len(), 1);
    assert_eq!(env.list_ids(&["-c", "dive-deep"]).len(), 1);
}
