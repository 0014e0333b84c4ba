//! `brag harvest git`: real repositories made with `git fast-import`, several in one tree.

#[path = "../../../brag-git/tests/common/mod.rs"]
mod gitfix;

use gitfix::{ME, Stream, make_repo, shop_repo};

use crate::common::{TestEnv, write_file};

/// Two repositories under `src/`: `shop` (the shared scenario: a PR merge, a squash merge,
/// a ticket, other authors, a .mailmap alias) and `tools/cli` (plain commits, a GitLab
/// remote); plus one inside `node_modules`, which is not searched.
fn workspace(env: &TestEnv) -> std::path::PathBuf {
    let src = env.root().join("src");
    shop_repo(&src.join("shop"), 1_780_000_000);

    let mut t = Stream::new(1_780_000_000);
    let a = t.commit(
        "main",
        ME,
        20,
        "Parse the config file format",
        &[],
        &[("src/config.rs", "c\n")],
    );
    t.commit(
        "main",
        ME,
        21,
        "Add a --verbose flag to every command",
        &[a],
        &[("src/flags.rs", "f\n")],
    );
    make_repo(
        &src.join("tools/cli"),
        &t,
        Some("git@gitlab.com:acme/tools/cli.git"),
    );
    make_repo(&src.join("node_modules/dep"), &t, None);
    src
}

#[test]
fn harvest_writes_drafts_once() {
    let env = TestEnv::new();
    let src = workspace(&env);
    let src = src.to_str().expect("path");
    let rows = env.json(&[
        "harvest",
        "git",
        src,
        "--author",
        "priya@example.com",
        "--json",
    ]);
    let rows = rows.as_array().expect("array");
    let titles: Vec<&str> = rows
        .iter()
        .map(|r| r["title"].as_str().expect("title"))
        .collect();
    assert_eq!(
        titles,
        [
            "Add a retry budget",
            "Add idempotency keys",
            "PAY-7 reject duplicate refunds",
            "Write the deploy guide for the team",
            "Add a --verbose flag to every command",
        ],
        "{rows:#?}"
    );
    let pr = &rows[0];
    assert_eq!(pr["kind"], "win");
    assert_eq!(pr["extra"]["draft"], true);
    assert_eq!(pr["commits"].as_array().expect("commits").len(), 2);
    assert_eq!(
        pr["links"][0]["url"],
        "https://github.com/acme/shop/pull/12"
    );
    assert_eq!(pr["links"][0]["kind"], "github-pr");
    assert_eq!(pr["metrics"], serde_json::json!(["from 14x to 1.3x"]));
    assert_eq!(pr["project"], "shop");
    assert!(
        pr["id"]
            .as_str()
            .is_some_and(|id| id.ends_with("add-a-retry-budget"))
    );
    assert_eq!(
        rows[2]["commits"].as_array().expect("commits").len(),
        2,
        "PAY-7 across days"
    );
    assert_eq!(rows[2]["metrics"], serde_json::json!(["40% faster"]));
    assert_eq!(rows[4]["project"], "cli");
    assert_eq!(env.files().len(), 5);
    assert!(env.ok(&["doctor"]).contains("entries: 5"));

    // Again: nothing new. Piped, there is no progress bar.
    let out = env.run(&["harvest", "git", src, "--author", "priya@example.com"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("commits read") && !err.contains('\u{1b}'),
        "{err}"
    );
    let again = env.ok(&["harvest", "git", src, "--author", "priya@example.com"]);
    assert!(again.contains("0 drafts written"), "{again}");
    assert_eq!(env.files().len(), 5);
    // Even after the index is gone, the commit ids in the files are remembered.
    std::fs::remove_file(env.path(".brag/index.db")).expect("rm index");
    let again = env.ok(&["harvest", "git", src, "--author", "priya@example.com"]);
    assert!(again.contains("0 drafts written"), "{again}");
}

#[test]
fn harvest_dry_run_writes_nothing_and_dates_filter() {
    let env = TestEnv::new();
    let src = workspace(&env);
    let src = src.to_str().expect("path");
    let before = env.snapshot();
    let out = env.ok(&[
        "harvest",
        "git",
        src,
        "-a",
        "priya@example.com",
        "--dry-run",
    ]);
    assert!(out.contains("5 drafts would be written"), "{out}");
    assert_eq!(env.snapshot(), before);
    // 1_780_000_000 is 2026-05-28; shop's last commit is day 13 (2026-06-10), cli's are
    // days 20 and 21.
    let rows = env.json(&[
        "harvest",
        "git",
        src,
        "-a",
        "priya@example.com",
        "--dry-run",
        "--json",
        "--from",
        "2026-06-12",
    ]);
    let titles: Vec<&str> = rows
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["title"].as_str().expect("t"))
        .collect();
    assert_eq!(titles, ["Add a --verbose flag to every command"]);
}

#[test]
fn harvest_identity_from_config_and_other_authors() {
    let env = TestEnv::new();
    let src = workspace(&env);
    write_file(
        &env.path("brag.toml"),
        b"[identity]\nemails = [\"sam@example.com\"]\n",
    );
    let rows = env.json(&[
        "harvest",
        "git",
        src.to_str().expect("path"),
        "--dry-run",
        "--json",
    ]);
    let rows = rows.as_array().expect("array");
    let commits: usize = rows
        .iter()
        .map(|r| r["commits"].as_array().expect("c").len())
        .sum();
    assert_eq!(commits, 2, "Sam's two non-merge commits: {rows:#?}");
}

#[test]
fn harvest_without_identity_is_usage_error() {
    let env = TestEnv::new();
    let src = workspace(&env);
    let err = env.fails(
        &["harvest", "git", src.to_str().expect("path"), "--dry-run"],
        2,
    );
    assert!(
        err.contains("whose commits") && err.contains("--author"),
        "{err}"
    );
}

#[test]
fn harvest_not_a_directory() {
    let env = TestEnv::new();
    let err = env.fails(&["harvest", "git", "/nonexistent/src", "-a", "x@y.z"], 1);
    assert!(err.contains("/nonexistent/src"), "{err}");
}

#[test]
fn harvest_counts_distinct_files() {
    // Issue 11: three commits to one file read "in 1 file", not "in 3 files".
    let env = TestEnv::new();
    let mut s = Stream::new(1_780_000_000);
    let mut parents = Vec::new();
    for (day, (msg, content)) in [
        ("Start the retry budget in the client", "a\n"),
        ("Scale the retry budget by success rate", "a\nb\n"),
        ("Cap the retry budget at ten percent", "a\nb\nc\n"),
    ]
    .into_iter()
    .enumerate()
    {
        let c = s.commit(
            "main",
            ME,
            day as i64,
            msg,
            &parents,
            &[("client/retry.rs", content)],
        );
        parents = vec![c];
    }
    let repo = env.root().join("lib");
    make_repo(&repo, &s, None);
    let rows = env.json(&[
        "harvest",
        "git",
        repo.to_str().expect("path"),
        "--author",
        "priya@example.com",
        "--dry-run",
        "--json",
    ]);
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 1, "{rows:#?}");
    let text = rows[0]["text"].as_str().expect("text");
    assert!(
        text.starts_with("3 commits in lib, +3 −0 lines in 1 file.\n"),
        "{text}"
    );
}
