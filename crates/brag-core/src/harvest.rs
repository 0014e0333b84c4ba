//! Harvest: turn commits into draft entries, one per pull request, ticket, or piece of
//! work (repository, top directory, 7-day window).
//!
//! Pure: the git adapter reads repositories into [`Repo`] values; this module groups their
//! commits and writes the drafts. A commit already taken by an earlier harvest is skipped.

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use indexmap::IndexMap;
use jiff::civil::Date;
use regex::Regex;
use serde_json::Value;

use crate::entry::{Entry, Kind};
use crate::link::Link;
use crate::text;

/// Returns one commit, as read from a repository.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Commit {
    /// The full commit id (hex).
    pub id: String,
    /// Author time, seconds since the Unix epoch.
    pub seconds: i64,
    /// The author's local date.
    pub date: Option<Date>,
    /// The first line of the message.
    pub subject: String,
    /// The rest of the message.
    pub body: String,
    /// The paths of the files changed (against the first parent), as git names them.
    pub paths: Vec<String>,
    /// Lines added.
    pub added: usize,
    /// Lines removed.
    pub removed: usize,
    /// The top-level directory most of the change is in (`.` for the top).
    pub top_dir: String,
}

/// Returns a pull request found in a repository's merges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PullRequest {
    /// Its number.
    pub number: u64,
    /// Its title, from the merge message.
    pub title: String,
    /// The commits the merge brought in.
    pub commits: Vec<String>,
}

/// Returns where a repository is published, for links to its pull requests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Web {
    /// `https://github.com/OWNER/REPO`.
    GitHub(String),
    /// `https://gitlab.com/GROUP/PROJECT`.
    GitLab(String),
}

impl Web {
    /// Returns the web address of a pull (merge) request.
    pub fn pull_request(&self, n: u64) -> String {
        match self {
            Web::GitHub(base) => format!("{base}/pull/{n}"),
            Web::GitLab(base) => format!("{base}/-/merge_requests/{n}"),
        }
    }
}

/// Returns one repository's history as harvest needs it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Repo {
    /// A short name: the directory's name.
    pub name: String,
    /// Where its `origin` is published, if on a known host.
    pub web: Option<Web>,
    /// The user's own non-merge commits, oldest first.
    pub commits: Vec<Commit>,
    /// Pull requests merged in the history, any author.
    pub pull_requests: Vec<PullRequest>,
}

/// Returns a draft entry with the commits it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The entry: a `win` with `draft: true` and `commits` in its front matter.
    pub entry: Entry,
    /// Full ids of its commits, oldest first.
    pub commits: Vec<String>,
}

/// The front-matter key that lists a draft's commits.
pub const COMMITS_KEY: &str = "commits";

static TICKET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([A-Z][A-Z0-9]{1,9})-([1-9][0-9]{0,6})\b").expect("valid"));
static SQUASH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*\(#(\d+)\)\s*$").expect("valid"));
static MERGE_PR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^Merge (?:pull|merge) request #(\d+)(?: from (\S+))?").expect("valid")
});
static METRIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b\d[\d.,]*\s?%\s+(?:faster|slower|less|more|fewer|smaller|larger|bigger|cheaper|reduction|improvement|increase|decrease|drop|lower|higher)\b
        | \b(?:from\s+)?\d[\d.,]*\s?(?:ms|s|sec|seconds|min|minutes|h|hours|mb|gb|kb|%|x)?\s+(?:to|->|→)\s+\d[\d.,]*\s?(?:ms|s|sec|seconds|min|minutes|h|hours|mb|gb|kb|%|x)\b
        | \b\d+(?:\.\d+)?x\s+(?:faster|smaller|fewer|less|more|cheaper)?
        | \b\d+(?:\.\d+)?x\b",
    )
    .expect("valid")
});

/// The line a draft's text opens with, as [`stats_line`] writes it.
static STATS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d+ commits? in .+, \+\d+ −\d+ lines in \d+ files?\.$").expect("valid")
});

/// Words that look like ticket keys but are not.
const NOT_TICKETS: &[&str] = &[
    "UTF", "SHA", "ISO", "RFC", "CVE", "HTTP", "MD", "AES", "RSA", "TLS", "SSL", "IPV", "TCP",
    "UDP", "GPT", "COVID", "ES", "PEP",
];

/// Returns the ticket keys (`ABC-123`) a message names.
pub fn ticket_keys(message: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for c in TICKET.captures_iter(message) {
        let prefix = &c[1];
        if NOT_TICKETS.contains(&prefix) || prefix.chars().all(|ch| ch.is_ascii_digit()) {
            continue;
        }
        let key = c[0].to_owned();
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// Returns the number and the rest of a squash-merge subject: `Add budget (#42)`.
pub fn squash_pr(subject: &str) -> Option<(u64, String)> {
    let c = SQUASH.captures(subject)?;
    let n = c[1].parse().ok()?;
    let m = c.get(0)?;
    Some((n, subject[..m.start()].trim().to_owned()))
}

/// Returns the number and branch of a merge subject: `Merge pull request #12 from a/b`.
pub fn merged_pr(subject: &str) -> Option<(u64, Option<String>)> {
    let c = MERGE_PR.captures(subject)?;
    Some((c[1].parse().ok()?, c.get(2).map(|m| m.as_str().to_owned())))
}

/// Returns the title of a merged pull request: the message's first line after the
/// subject, or the branch name made readable.
pub fn pr_title(subject: &str, body: &str) -> String {
    if let Some(line) = body.lines().map(str::trim).find(|l| !l.is_empty()) {
        return line.to_owned();
    }
    match merged_pr(subject) {
        Some((_, Some(branch))) => {
            let name = branch.rsplit('/').next().unwrap_or(&branch);
            let words = name.replace(['-', '_'], " ");
            let mut chars = words.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
                .unwrap_or_default()
        }
        _ => subject.to_owned(),
    }
}

/// Returns where a remote URL is published: GitHub or GitLab, https or ssh forms.
pub fn parse_remote(url: &str) -> Option<Web> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .or_else(|| url.strip_prefix("ssh://"))
        .or_else(|| url.strip_prefix("git://"))
        .unwrap_or(url);
    // user@host:path (scp form) or user@host/path or host/path.
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    let (host, path) = rest.split_once(['/', ':'])?;
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    let path = path.trim_start_matches(|c: char| c.is_ascii_digit() || c == '/');
    let path = path.trim_end_matches('/').trim_end_matches(".git");
    if path.split('/').filter(|s| !s.is_empty()).count() < 2 {
        return None;
    }
    match host.as_str() {
        "github.com" | "www.github.com" => Some(Web::GitHub(format!("https://github.com/{path}"))),
        "gitlab.com" | "www.gitlab.com" => Some(Web::GitLab(format!("https://gitlab.com/{path}"))),
        _ => None,
    }
}

/// Returns the measurements a message states: `40% faster`, `from 420 ms to 95 ms`, `3x`.
pub fn metrics_in(message: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in message.lines() {
        for m in METRIC.find_iter(line) {
            let s = m.as_str().trim().trim_end_matches([',', '.']).to_owned();
            if s.chars().any(|c| c.is_ascii_digit()) && !out.iter().any(|o| o.contains(&s)) {
                out.push(s);
            }
        }
    }
    out
}

/// Returns the line that opens a draft's text: `3 commits in rivet, +120 −4 lines in 2
/// files.`
fn stats_line(commits: usize, repo: &str, added: usize, removed: usize, files: usize) -> String {
    format!(
        "{commits} commit{} in {repo}, +{added} −{removed} lines in {files} file{}.",
        if commits == 1 { "" } else { "s" },
        if files == 1 { "" } else { "s" },
    )
}

/// Returns true when a line is the one harvest writes at the top of a draft (`3 commits in
/// rivet, +120 −4 lines in 2 files.`): generated counts, not the user's words, so search
/// and `ask` do not match against it (issue 11: "commit" from "disagree and commit"
/// matched every draft).
pub fn is_stats_line(line: &str) -> bool {
    STATS.is_match(line.trim())
}

/// Returns the drafts for a repository's commits that are not in `known`.
pub fn drafts(repo: &Repo, known: &HashSet<String>) -> Vec<Draft> {
    let commits: Vec<&Commit> = repo
        .commits
        .iter()
        .filter(|c| !known.contains(&c.id))
        .collect();
    if commits.is_empty() {
        return Vec::new();
    }
    let mut taken: HashSet<&str> = HashSet::new();
    let mut groups: Vec<(String, Option<u64>, Vec<&Commit>)> = Vec::new();

    // 1. Merged pull requests take the branch commits they brought in (the first merge
    // that brought a commit in takes it).
    let mut pr_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, pr) in repo.pull_requests.iter().enumerate() {
        for id in &pr.commits {
            pr_of.entry(id.as_str()).or_insert(i);
        }
    }
    let mut by_pr: BTreeMap<usize, Vec<&Commit>> = BTreeMap::new();
    for c in &commits {
        if let Some(&i) = pr_of.get(c.id.as_str()) {
            taken.insert(&c.id);
            by_pr.entry(i).or_default().push(c);
        }
    }
    for (i, mine) in by_pr {
        let pr = &repo.pull_requests[i];
        groups.push((pr.title.clone(), Some(pr.number), mine));
    }
    // 2. A squash merge is its own group.
    for c in &commits {
        if taken.contains(c.id.as_str()) {
            continue;
        }
        if let Some((n, title)) = squash_pr(&c.subject) {
            taken.insert(&c.id);
            groups.push((title, Some(n), vec![c]));
        }
    }
    // 3. Ticket keys gather commits across days.
    let mut tickets: IndexMap<String, Vec<&Commit>> = IndexMap::new();
    for c in &commits {
        if taken.contains(c.id.as_str()) {
            continue;
        }
        if let Some(key) = ticket_keys(&format!("{}\n{}", c.subject, c.body))
            .into_iter()
            .next()
        {
            taken.insert(&c.id);
            tickets.entry(key).or_default().push(c);
        }
    }
    for (key, cs) in tickets {
        let subject = cs[0].subject.clone();
        let title = if subject.contains(&key) {
            subject
        } else {
            format!("{key}: {subject}")
        };
        groups.push((title, None, cs));
    }
    // 4. The rest: by top directory and a 7-day window.
    let mut by_dir: BTreeMap<&str, Vec<&Commit>> = BTreeMap::new();
    for c in &commits {
        if !taken.contains(c.id.as_str()) {
            by_dir.entry(c.top_dir.as_str()).or_default().push(c);
        }
    }
    for (_, mut cs) in by_dir {
        cs.sort_by_key(|c| c.seconds);
        let mut window: Vec<&Commit> = Vec::new();
        for c in cs {
            if let Some(first) = window.first()
                && c.seconds - first.seconds > 7 * 24 * 3600
            {
                groups.push((telling_subject(&window), None, std::mem::take(&mut window)));
            }
            window.push(c);
        }
        if !window.is_empty() {
            groups.push((telling_subject(&window), None, window));
        }
    }
    let mut out: Vec<Draft> = groups
        .into_iter()
        .map(|(title, pr, cs)| draft(repo, &title, pr, cs))
        .collect();
    out.sort_by(|a, b| {
        a.entry
            .date
            .cmp(&b.entry.date)
            .then_with(|| a.entry.title.cmp(&b.entry.title))
    });
    out
}

/// Returns the subject that says most about a group: the biggest change whose subject is
/// not a chore ("fix typo", "wip", "bump").
fn telling_subject(cs: &[&Commit]) -> String {
    let chore = |s: &str| {
        let l = s.to_lowercase();
        l.len() < 12
            || [
                "typo", "wip", "bump", "merge", "fixup", "lint", "format", "revert",
            ]
            .iter()
            .any(|w| l.contains(w))
    };
    cs.iter()
        .filter(|c| !chore(&c.subject))
        .max_by_key(|c| c.added + c.removed)
        .or_else(|| cs.iter().max_by_key(|c| c.added + c.removed))
        .map(|c| c.subject.clone())
        .unwrap_or_default()
}

fn draft(repo: &Repo, title: &str, pr: Option<u64>, mut cs: Vec<&Commit>) -> Draft {
    cs.sort_by_key(|c| c.seconds);
    let last = cs.last().copied();
    let (added, removed) = cs
        .iter()
        .fold((0, 0), |(a, r), c| (a + c.added, r + c.removed));
    // Three commits to one file are changes "in 1 file", not 3: distinct paths.
    let files = cs
        .iter()
        .flat_map(|c| c.paths.iter().map(String::as_str))
        .collect::<HashSet<&str>>()
        .len();
    let mut body = stats_line(cs.len(), &repo.name, added, removed, files);
    body.push_str("\n\n");
    for c in &cs {
        body.push_str(&format!("- {} {}\n", &c.id[..c.id.len().min(7)], c.subject));
    }
    let mut metrics = Vec::new();
    for c in &cs {
        for m in metrics_in(&format!("{}\n{}", c.subject, c.body)) {
            if !metrics.contains(&m) {
                metrics.push(m);
            }
        }
    }
    let mut links = Vec::new();
    if let (Some(n), Some(web)) = (pr, &repo.web) {
        links.push(Link::new(&web.pull_request(n)));
    }
    let ids: Vec<String> = cs.iter().map(|c| c.id.clone()).collect();
    let mut extra = IndexMap::new();
    extra.insert("draft".to_owned(), Value::Bool(true));
    extra.insert(
        COMMITS_KEY.to_owned(),
        Value::Array(ids.iter().cloned().map(Value::String).collect()),
    );
    let clean_title = text::truncate_words(title.trim(), 80);
    let entry = Entry {
        kind: Kind::Win,
        date: last.and_then(|c| c.date),
        title: if clean_title.is_empty() {
            format!("Work in {}", repo.name)
        } else {
            clean_title
        },
        project: Some(repo.name.clone()),
        links,
        metrics,
        text: body.trim_end().to_owned(),
        extra,
        ..Entry::default()
    };
    Draft {
        entry,
        commits: ids,
    }
}

#[cfg(test)]
mod tests;
