//! `brag sync` and `brag init --git`: real git, two vaults cloned from one bare repository
//! on disk.

use std::path::Path;
use std::process::Command;

use crate::common::{TestEnv, expect_code, stderr, stdout};

/// Runs git in `dir` with a fixed identity and no user or system config; returns stdout.
fn git(dir: &Path, args: &[&str]) -> String {
    let out = git_cmd(dir).args(args).output().expect("run git");
    assert!(
        out.status.success(),
        "git {args:?} in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn git_cmd(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir);
    for (k, v) in git_env(dir) {
        cmd.env(k, v);
    }
    cmd
}

/// The environment that makes git hermetic: an identity, no global or system config.
fn git_env(dir: &Path) -> Vec<(&'static str, String)> {
    let _ = dir;
    vec![
        ("GIT_AUTHOR_NAME", "Test".to_owned()),
        ("GIT_AUTHOR_EMAIL", "test@example.com".to_owned()),
        ("GIT_COMMITTER_NAME", "Test".to_owned()),
        ("GIT_COMMITTER_EMAIL", "test@example.com".to_owned()),
        ("GIT_CONFIG_NOSYSTEM", "1".to_owned()),
        ("GIT_CONFIG_GLOBAL", "/dev/null".to_owned()),
    ]
}

/// Runs brag with the hermetic git environment.
fn brag(env: &TestEnv, args: &[&str]) -> std::process::Output {
    let vars = git_env(env.vault());
    let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    env.run_env(args, &vars)
}

fn brag_ok(env: &TestEnv, args: &[&str]) -> String {
    let out = brag(env, args);
    expect_code(&out, 0, args);
    stdout(&out)
}

/// Returns a bare repository and a first vault that pushed to it.
fn first_vault() -> (TestEnv, std::path::PathBuf) {
    let a = TestEnv::bare();
    let bare = a.root().join("remote.git");
    git(a.root(), &["init", "-q", "--bare", "remote.git"]);
    let out = brag_ok(&a, &["init", "--git"]);
    assert!(out.contains("git repository"), "{out}");
    git(
        a.vault(),
        &["remote", "add", "origin", bare.to_str().expect("utf-8")],
    );
    (a, bare)
}

/// Returns a second vault, cloned from the bare repository.
fn clone_vault(bare: &Path) -> TestEnv {
    let b = TestEnv::bare();
    git(
        b.root(),
        &["clone", "-q", bare.to_str().expect("utf-8"), "vault"],
    );
    b
}

#[test]
fn sync_two_clones_share_every_entry() {
    let (a, bare) = first_vault();
    brag_ok(
        &a,
        &[
            "add",
            "--date",
            "2026-11-20",
            "cut p99 from 420 ms to 95 ms",
        ],
    );
    let out = brag_ok(&a, &["sync"]);
    assert!(out.contains("Committed"), "{out}");
    assert!(out.contains("Pushed to origin/"), "{out}");
    let log = git(a.vault(), &["log", "-1", "--format=%B"]);
    assert!(log.starts_with("brag sync: "), "{log}");
    assert!(
        log.contains("2026-11-20-cut-p99"),
        "the message names the entry: {log}"
    );
    // The index is this machine's: it never enters git.
    let tracked = git(a.vault(), &["ls-files"]);
    assert!(!tracked.contains(".brag"), "{tracked}");

    let b = clone_vault(&bare);
    assert_eq!(b.list_ids(&[]).len(), 1, "the clone is a vault");
    brag_ok(
        &b,
        &["add", "--date", "2026-11-21", "mentored two new engineers"],
    );
    brag_ok(&a, &["add", "--date", "2026-11-22", "shipped the importer"]);
    brag_ok(&b, &["sync"]);
    let out = brag_ok(&a, &["sync"]);
    assert!(out.contains("Pulled"), "{out}");
    brag_ok(&b, &["sync"]);
    let (ids_a, ids_b) = (a.list_ids(&[]), b.list_ids(&[]));
    assert_eq!(ids_a.len(), 3, "{ids_a:?}");
    assert_eq!(ids_a, ids_b);
    // Nothing left to do on either side.
    let out = brag_ok(&a, &["sync"]);
    assert!(out.contains("Already in sync"), "{out}");
    assert!(git(a.vault(), &["status", "--porcelain"]).is_empty());
}

#[test]
fn sync_keeps_both_versions_of_an_entry_edited_on_both_sides() {
    let (a, bare) = first_vault();
    brag_ok(&a, &["add", "--date", "2026-11-20", "cut p99 latency"]);
    brag_ok(&a, &["sync"]);
    let b = clone_vault(&bare);
    let rel = "2026/2026-11-20-cut-p99-latency.md";
    let edit = |env: &TestEnv, line: &str| {
        let text = env.read(rel);
        env.write_entry(rel, &format!("{text}\n{line}\n"));
    };
    edit(&a, "From 420 ms to 95 ms, said A.");
    edit(&b, "For 14 teams, said B.");
    brag_ok(&a, &["sync"]);
    let out = brag_ok(&b, &["sync"]);
    assert!(out.contains("both versions kept"), "{out}");
    // B's own version stays; A's is beside it, marked.
    assert!(b.read(rel).contains("said B."));
    let copy = "2026/2026-11-20-cut-p99-latency-2.md";
    let theirs = b.read(copy);
    assert!(theirs.contains("said A."), "{theirs}");
    assert!(theirs.contains("conflict: true"), "{theirs}");
    assert!(!theirs.contains("<<<<<<<"), "{theirs}");
    let out = brag(&b, &["doctor"]);
    expect_code(&out, 1, &["doctor"]);
    let text = stdout(&out);
    assert!(text.contains("2026-11-20-cut-p99-latency-2.md"), "{text}");
    assert!(text.contains("conflict"), "{text}");
    // The sync finished: A gets both.
    brag_ok(&a, &["sync"]);
    assert!(a.read(copy).contains("said A."));
    assert!(a.read(rel).contains("said B."));
    assert_eq!(a.list_ids(&[]), b.list_ids(&[]));
}

#[test]
fn sync_without_a_remote_changes_nothing_and_says_why() {
    let a = TestEnv::bare();
    brag_ok(&a, &["init", "--git"]);
    brag_ok(&a, &["add", "a win"]);
    let before = git(a.vault(), &["status", "--porcelain"]);
    let out = brag(&a, &["sync"]);
    expect_code(&out, 1, &["sync"]);
    let err = stderr(&out);
    assert!(err.contains("no remote"), "{err}");
    assert!(err.contains("remote add origin URL"), "{err}");
    assert_eq!(git(a.vault(), &["status", "--porcelain"]), before);
    let log = git_cmd(a.vault())
        .args(["log", "--oneline"])
        .output()
        .expect("git");
    assert!(
        !log.status.success() || log.stdout.is_empty(),
        "no commit was made"
    );
}

#[test]
fn sync_outside_a_repository_says_how_to_make_one() {
    let a = TestEnv::new();
    let out = brag(&a, &["sync"]);
    expect_code(&out, 1, &["sync"]);
    let err = stderr(&out);
    assert!(err.contains("not in a git repository"), "{err}");
    assert!(err.contains("brag init --git"), "{err}");
}

#[test]
fn sync_refuses_a_detached_head_and_a_rebase_under_way() {
    let (a, _bare) = first_vault();
    brag_ok(&a, &["add", "a win"]);
    brag_ok(&a, &["sync"]);
    let head = git(a.vault(), &["rev-parse", "HEAD"]);
    git(a.vault(), &["checkout", "-q", head.trim()]);
    brag_ok(&a, &["add", "another win"]);
    let out = brag(&a, &["sync"]);
    expect_code(&out, 1, &["sync"]);
    assert!(stderr(&out).contains("detached"), "{}", stderr(&out));
    assert!(
        !git(a.vault(), &["status", "--porcelain"]).is_empty(),
        "nothing committed"
    );
    git(a.vault(), &["checkout", "-q", "-"]);
    let dir = git(a.vault(), &["rev-parse", "--git-path", "rebase-merge"]);
    std::fs::create_dir_all(a.vault().join(dir.trim())).expect("mkdir");
    let out = brag(&a, &["sync"]);
    expect_code(&out, 1, &["sync"]);
    assert!(
        stderr(&out).contains("rebase is under way"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn sync_keeps_the_commit_when_the_remote_is_unreachable() {
    let (a, bare) = first_vault();
    brag_ok(&a, &["add", "a win"]);
    let gone = a.root().join("gone.git");
    git(
        a.vault(),
        &["remote", "set-url", "origin", gone.to_str().expect("utf-8")],
    );
    let out = brag(&a, &["sync"]);
    expect_code(&out, 1, &["sync"]);
    let err = stderr(&out);
    assert!(err.contains("could not reach `origin`"), "{err}");
    assert!(err.contains("next `brag sync`"), "{err}");
    let log = git(a.vault(), &["log", "--oneline"]);
    assert_eq!(log.lines().count(), 1, "the local commit stays: {log}");
    // Back online: the next sync sends it.
    git(
        a.vault(),
        &["remote", "set-url", "origin", bare.to_str().expect("utf-8")],
    );
    let out = brag_ok(&a, &["sync"]);
    assert!(out.contains("Pushed"), "{out}");
}
