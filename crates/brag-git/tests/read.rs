//! Reading real repositories, made in the test with `git fast-import`.

mod common;

use std::collections::HashSet;
use std::path::Path;

use brag_core::harvest;
use brag_git::{Identity, ReadOptions, find_repos, read_repo};
use common::{Stream, git, make_repo, shop_repo};

const ME: &str = common::ME;

/// The shared scenario: see `common::shop_repo`.
fn shop(dir: &Path) {
    shop_repo(dir, 1_750_000_000);
}

fn me() -> ReadOptions {
    ReadOptions {
        identity: Identity::new(&["priya@example.com".to_owned()], &[]),
        ..ReadOptions::default()
    }
}

#[test]
fn read_repo_and_draft() {
    let dir = tempfile::tempdir().expect("tempdir");
    shop(dir.path());
    let repo = read_repo(dir.path(), &me(), &mut |_| {}).expect("read");
    let subjects: Vec<&str> = repo.commits.iter().map(|c| c.subject.as_str()).collect();
    assert_eq!(
        subjects,
        [
            "Start the retry budget",
            "Scale the budget: retries from 14x to 1.3x",
            "Add idempotency keys (#15)",
            "PAY-7 reject duplicate refunds",
            "Finish PAY-7: 40% faster lookups",
            "Write the deploy guide for the team",
        ],
        "other authors and merges are left out; the .mailmap alias is mine"
    );
    let keys = &repo.commits[2];
    assert_eq!(keys.paths, ["api/keys.rs"]);
    assert_eq!((keys.added, keys.removed), (3, 0));
    assert_eq!(keys.top_dir, "api");
    assert_eq!(repo.commits[1].added, 1, "against the first parent");
    assert_eq!(
        repo.web,
        Some(harvest::Web::GitHub("https://github.com/acme/shop".into()))
    );
    assert_eq!(repo.pull_requests.len(), 1);
    assert_eq!(repo.pull_requests[0].number, 12);
    assert_eq!(repo.pull_requests[0].title, "Add a retry budget");
    assert_eq!(repo.pull_requests[0].commits.len(), 2);

    let drafts = harvest::drafts(&repo, &HashSet::new());
    let titles: Vec<&str> = drafts.iter().map(|d| d.entry.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Add a retry budget",
            "Add idempotency keys",
            "PAY-7 reject duplicate refunds",
            "Write the deploy guide for the team",
        ]
    );
    assert_eq!(
        drafts[0].entry.links[0].url,
        "https://github.com/acme/shop/pull/12"
    );
    assert_eq!(drafts[0].entry.metrics, ["from 14x to 1.3x"]);
    assert_eq!(
        drafts[2].commits.len(),
        2,
        "the ticket gathers commits across a week"
    );
    assert_eq!(drafts[2].entry.metrics, ["40% faster"]);
    assert_eq!(drafts[0].commits[0].len(), 40, "full commit ids");
}

#[test]
fn read_repo_filters_dates_and_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    shop(dir.path());
    let mut opts = me();
    opts.from = "2025-06-20".parse().ok();
    opts.to = "2025-06-30".parse().ok();
    let repo = read_repo(dir.path(), &opts, &mut |_| {}).expect("read");
    assert!(
        repo.commits.iter().all(|c| {
            let d = c.date.expect("date").to_string();
            ("2025-06-20".."2025-06-31").contains(&d.as_str())
        }),
        "{:?}",
        repo.commits.iter().map(|c| c.date).collect::<Vec<_>>()
    );
    let by_name = ReadOptions {
        identity: Identity::new(&[], &["sam lee".to_owned()]),
        ..ReadOptions::default()
    };
    let repo = read_repo(dir.path(), &by_name, &mut |_| {}).expect("read");
    assert_eq!(repo.commits.len(), 2, "Sam's two non-merge commits");
}

#[test]
fn find_repos_in_a_tree() {
    let root = tempfile::tempdir().expect("tempdir");
    let mut s = Stream::new(1_750_000_000);
    s.commit("main", ME, 0, "one", &[], &[("a.txt", "a\n")]);
    for sub in ["a", "nested/b", "node_modules/c", "target/d", "a/vendor/e"] {
        make_repo(&root.path().join(sub), &s, None);
    }
    let outside = tempfile::tempdir().expect("tempdir");
    make_repo(&outside.path().join("f"), &s, None);
    std::os::unix::fs::symlink(outside.path().join("f"), root.path().join("link"))
        .expect("symlink");
    let found: Vec<String> = find_repos(root.path())
        .expect("find")
        .iter()
        .map(|p| {
            p.strip_prefix(root.path())
                .expect("under root")
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(found, ["a", "a/vendor/e", "nested/b"]);
    // Inside a repository, its own directory is the repository.
    std::fs::create_dir_all(root.path().join("nested/b/src/deep")).expect("mkdir");
    let inside = find_repos(&root.path().join("nested/b/src/deep")).expect("find");
    assert_eq!(inside.len(), 1);
    assert_eq!(
        inside[0].canonicalize().expect("canonical"),
        root.path()
            .join("nested/b")
            .canonicalize()
            .expect("canonical")
    );
    assert!(find_repos(&root.path().join("missing")).is_err());
}

#[test]
fn empty_repository_reads_as_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    git(dir.path(), &["init", "-q", "-b", "main"], None);
    let repo = read_repo(dir.path(), &me(), &mut |_| {}).expect("read");
    assert!(repo.commits.is_empty());
}
