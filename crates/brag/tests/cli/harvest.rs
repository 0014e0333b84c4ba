//! `brag harvest git`: real repositories made with `git fast-import`, several in one tree.

#[path = "../../../brag-git/tests/common/mod.rs"]
mod gitfix;

use gitfix::{Stream, make_repo};

use crate::common::{TestEnv, write_file};

const ME: &str = "Priya Rao <priya@example.com>";
const OTHER: &str = "Sam Lee <sam@example.com>";

/// Two repositories under `src/`: `shop` (PR merge, squash merge, ticket, other authors)
/// and `tools/cli` (plain commits, a GitLab remote); plus one inside `node_modules`.
fn workspace(env: &TestEnv) -> std::path::PathBuf {
    let src = env.root().join("src");
    let mut s = Stream::new(1_780_000_000);
    let base = s.commit(
        "main",
        OTHER,
        0,
        "Initial layout",
        &[],
        &[("README.md", "shop\n")],
    );
    let f1 = s.commit(
        "retry",
        ME,
        1,
        "Start the retry budget",
        &[base],
        &[("client/retry.rs", "a\n")],
    );
    let f2 = s.commit(
        "retry",
        ME,
        2,
        "Scale by success rate: 40% faster recovery",
        &[f1],
        &[("client/retry.rs", "a\nb\n")],
    );
    let m = s.commit(
        "main",
        OTHER,
        3,
        "Merge pull request #12 from priya/retry\n\nAdd a retry budget",
        &[base, f2],
        &[],
    );
    let sq = s.commit(
        "main",
        ME,
        4,
        "Add idempotency keys (#15)",
        &[m],
        &[("api/keys.rs", "k\n")],
    );
    let t1 = s.commit(
        "main",
        ME,
        5,
        "PAY-7 reject duplicate refunds",
        &[sq],
        &[("api/refund.rs", "r\n")],
    );
    let o = s.commit(
        "main",
        OTHER,
        6,
        "Sam's own change",
        &[t1],
        &[("api/sam.rs", "s\n")],
    );
    s.commit(
        "main",
        ME,
        9,
        "Finish PAY-7 with an index",
        &[o],
        &[("db/index.sql", "i\n")],
    );
    make_repo(
        &src.join("shop"),
        &s,
        Some("https://github.com/acme/shop.git"),
    );

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
    assert_eq!(pr["metrics"], serde_json::json!(["40% faster"]));
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
    assert_eq!(rows[3]["project"], "cli");
    assert_eq!(env.files().len(), 4);
    assert!(env.ok(&["doctor"]).contains("entries: 4"));

    // Again: nothing new. Piped, there is no progress bar.
    let out = env.run(&["harvest", "git", src, "--author", "priya@example.com"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("commits read") && !err.contains('\u{1b}'),
        "{err}"
    );
    let again = env.ok(&["harvest", "git", src, "--author", "priya@example.com"]);
    assert!(again.contains("0 drafts written"), "{again}");
    assert_eq!(env.files().len(), 4);
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
    assert!(out.contains("4 drafts would be written"), "{out}");
    assert_eq!(env.snapshot(), before);
    // 1_780_000_000 is 2026-05-28; day 20 is 2026-06-17.
    let rows = env.json(&[
        "harvest",
        "git",
        src,
        "-a",
        "priya@example.com",
        "--dry-run",
        "--json",
        "--from",
        "2026-06-10",
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
