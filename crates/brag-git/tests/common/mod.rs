//! Real git repositories for tests, made with `git fast-import` (shared by brag-git's tests
//! and the CLI's harvest tests, which include this file by path).

#![allow(dead_code)]

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

/// Builds a fast-import stream, one commit at a time.
pub struct Stream {
    out: String,
    mark: usize,
    /// Author time of day 0, seconds since the epoch.
    t0: i64,
}

impl Stream {
    /// Returns an empty stream whose day 0 is `t0` (seconds since the epoch, UTC).
    pub fn new(t0: i64) -> Stream {
        Stream {
            out: String::new(),
            mark: 0,
            t0,
        }
    }

    /// Adds a commit on `branch` by `who` (`Name <email>`) on `day`, with `parents` (the
    /// first is the base, the rest are merged) and whole-file contents; returns its mark.
    pub fn commit(
        &mut self,
        branch: &str,
        who: &str,
        day: i64,
        msg: &str,
        parents: &[usize],
        files: &[(&str, &str)],
    ) -> usize {
        self.mark += 1;
        let t = self.t0 + day * 86_400;
        self.out.push_str(&format!(
            "commit refs/heads/{branch}\nmark :{}\nauthor {who} {t} +0000\ncommitter {who} {t} +0000\ndata {}\n{msg}\n",
            self.mark,
            msg.len()
        ));
        if let Some(first) = parents.first() {
            self.out.push_str(&format!("from :{first}\n"));
        }
        for p in parents.iter().skip(1) {
            self.out.push_str(&format!("merge :{p}\n"));
        }
        for (path, content) in files {
            self.out.push_str(&format!(
                "M 100644 inline {path}\ndata {}\n{content}\n",
                content.len()
            ));
        }
        self.mark
    }
}

/// Runs git in `dir` with no system or user config, feeding it `input`.
pub fn git(dir: &Path, args: &[&str], input: Option<&str>) {
    let mut child = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::null())
        .spawn()
        .expect("run git");
    if let Some(text) = input {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("feed git");
    }
    assert!(
        child.wait().expect("git ends").success(),
        "git {args:?} failed"
    );
}

/// Makes a repository at `dir` from a stream, checks out `main` (so `.mailmap` is there,
/// as in a user's clone) and sets `origin`.
pub fn make_repo(dir: &Path, s: &Stream, origin: Option<&str>) {
    std::fs::create_dir_all(dir).expect("mkdir");
    git(dir, &["init", "-q", "-b", "main"], None);
    git(dir, &["fast-import", "--quiet"], Some(&s.out));
    git(dir, &["reset", "-q", "--hard"], None);
    if let Some(url) = origin {
        git(dir, &["config", "remote.origin.url", url], None);
    }
}

/// The user in the scenarios.
pub const ME: &str = "Priya Rao <priya@example.com>";
/// Someone else.
pub const OTHER: &str = "Sam Lee <sam@example.com>";

/// Makes the `shop` repository: a merged pull request (#12, two commits of Priya's), a
/// squash merge (#15), a ticket (PAY-7) across a week, other authors' commits, a .mailmap
/// alias of Priya's, a docs commit of its own, and a GitHub `origin`. Day 0 is `t0`.
pub fn shop_repo(dir: &Path, t0: i64) {
    let mut s = Stream::new(t0);
    let base = s.commit(
        "main",
        OTHER,
        0,
        "Initial layout",
        &[],
        &[
            ("README.md", "shop\n"),
            (
                ".mailmap",
                "Priya Rao <priya@example.com> <priya@old-laptop.local>\n",
            ),
        ],
    );
    let f1 = s.commit(
        "retry-budget",
        ME,
        1,
        "Start the retry budget",
        &[base],
        &[("client/retry.rs", "fn budget() {}\n")],
    );
    let f2 = s.commit(
        "retry-budget",
        ME,
        2,
        "Scale the budget: retries from 14x to 1.3x",
        &[f1],
        &[("client/retry.rs", "fn budget() {}\nfn scale() {}\n")],
    );
    let m = s.commit(
        "main",
        OTHER,
        3,
        "Merge pull request #12 from priya/retry-budget\n\nAdd a retry budget",
        &[base, f2],
        &[],
    );
    let sq = s.commit(
        "main",
        ME,
        4,
        "Add idempotency keys (#15)",
        &[m],
        &[("api/keys.rs", "a\nb\nc\n")],
    );
    let t1 = s.commit(
        "main",
        ME,
        5,
        "PAY-7 reject duplicate refunds",
        &[sq],
        &[("api/refund.rs", "x\n")],
    );
    let o = s.commit(
        "main",
        OTHER,
        6,
        "Someone else's work",
        &[t1],
        &[("api/other.rs", "y\n")],
    );
    let t2 = s.commit(
        "main",
        "Priya R <priya@old-laptop.local>",
        12,
        "Finish PAY-7: 40% faster lookups",
        &[o],
        &[("db/index.sql", "create index\n")],
    );
    s.commit(
        "main",
        ME,
        13,
        "Write the deploy guide for the team",
        &[t2],
        &[("docs/deploy.md", "one\ntwo\n")],
    );
    make_repo(dir, &s, Some("git@github.com:acme/shop.git"));
}
