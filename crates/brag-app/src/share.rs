//! `brag sync`: the vault as a git repository, shared through the user's own remote.
//!
//! git does everything here, the `git` on the user's PATH, so their credentials, SSH keys
//! and hooks apply and brag stores nothing. A sync commits every change in the vault with
//! a message naming the entries, pulls with rebase, and pushes. An entry changed on both
//! sides keeps both versions: this machine's at its path, the other side's beside it as
//! `ID-2.md` with `conflict: true`, which `brag doctor` lists until one is deleted.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde::Serialize;

use crate::{App, AppError};

/// Returns what a sync did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Shared {
    /// The remote synced with (`origin`).
    pub remote: String,
    /// The branch, here and there (`main`).
    pub branch: String,
    /// What this sync committed: vault-relative paths by change.
    pub committed: Changes,
    /// Vault-relative paths the other side added, changed or removed.
    pub pulled: Changes,
    /// Entries changed on both sides, each kept twice.
    pub conflicts: Vec<Conflict>,
    /// True when commits went to the remote.
    pub pushed: bool,
    /// True when `.brag/` was added to the vault's `.gitignore`, which did not name it.
    pub ignored_state: bool,
}

/// Returns files by what happened to them; `.md` files are entries.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Changes {
    /// New files.
    pub added: Vec<String>,
    /// Changed files.
    pub changed: Vec<String>,
    /// Removed files.
    pub removed: Vec<String>,
}

impl Changes {
    /// Returns true when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }

    /// Returns how many files changed.
    pub fn len(&self) -> usize {
        self.added.len() + self.changed.len() + self.removed.len()
    }

    /// Returns the changes `git diff --name-status -z` printed.
    fn parse(out: &[u8]) -> Changes {
        let mut changes = Changes::default();
        let mut fields = out.split(|b| *b == 0).filter(|f| !f.is_empty());
        while let (Some(status), Some(path)) = (fields.next(), fields.next()) {
            let path = String::from_utf8_lossy(path).into_owned();
            match status.first() {
                Some(b'A') => changes.added.push(path),
                Some(b'D') => changes.removed.push(path),
                _ => changes.changed.push(path),
            }
        }
        changes
    }

    /// Returns "1 added, 2 changed": the counts that are not zero.
    pub fn counts(&self) -> String {
        let mut counts = Vec::new();
        for (n, what) in [
            (self.added.len(), "added"),
            (self.changed.len(), "changed"),
            (self.removed.len(), "removed"),
        ] {
            if n > 0 {
                counts.push(format!("{n} {what}"));
            }
        }
        counts.join(", ")
    }

    /// Returns the commit message that records these changes.
    fn message(&self) -> String {
        let mut msg = format!("brag sync: {}\n", self.counts());
        for (paths, what) in [
            (&self.added, "added"),
            (&self.changed, "changed"),
            (&self.removed, "removed"),
        ] {
            if paths.is_empty() {
                continue;
            }
            msg.push_str(&format!("\n{}:\n", capitalise(what)));
            for p in paths {
                msg.push_str(&format!("  {}\n", entry_name(p)));
            }
        }
        msg
    }
}

/// Returns an entry's id (its file stem) for a `.md` path, else the path itself.
fn entry_name(path: &str) -> String {
    match path.strip_suffix(".md") {
        Some(stem) => stem.rsplit('/').next().unwrap_or(stem).to_owned(),
        None => path.to_owned(),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Returns an entry changed on both sides: this machine's version stays at `path`, the
/// other side's is kept at `copy`.
#[derive(Clone, Debug, Serialize)]
pub struct Conflict {
    /// The vault-relative path of this machine's version.
    pub path: String,
    /// The vault-relative path of the other side's version (`ID-2.md`), or `None` when
    /// one side removed the file and the other's change was kept at `path`.
    pub copy: Option<String>,
}

/// The front-matter key that marks the other side's version of a conflicting entry.
pub const CONFLICT_KEY: &str = "conflict";

/// Runs the user's `git` in one directory.
struct Git<'a> {
    dir: &'a Path,
}

impl Git<'_> {
    fn command<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = Command::new("git");
        cmd.arg("-C").arg(self.dir).args(args);
        // Rebase steps take their messages as they are; nothing opens an editor.
        cmd.env("GIT_EDITOR", "true").stdin(Stdio::null());
        cmd
    }

    /// Runs git and returns its output, whatever its exit code.
    fn output<I, S>(&self, args: I) -> Result<Output, AppError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.command(args).output().map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                AppError::NoGit
            } else {
                AppError::Io(e)
            }
        })
    }

    /// Runs git and returns its stdout, or an error with its stderr.
    fn run<I, S>(&self, args: I) -> Result<Vec<u8>, AppError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr> + Clone,
    {
        let args: Vec<S> = args.into_iter().collect();
        let out = self.output(args.iter().cloned())?;
        if out.status.success() {
            Ok(out.stdout)
        } else {
            let shown: Vec<String> = args
                .iter()
                .map(|a| a.as_ref().to_string_lossy().into_owned())
                .collect();
            Err(AppError::Git(format!(
                "`git {}` failed: {}",
                shown.join(" "),
                stderr(&out)
            )))
        }
    }

    /// Runs git and returns its trimmed stdout when it succeeds.
    fn ask<I, S>(&self, args: I) -> Result<Option<String>, AppError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let out = self.output(args)?;
        Ok(out
            .status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned()))
    }
}

/// Returns git's stderr, trimmed, on one line when it is one.
fn stderr(out: &Output) -> String {
    let text = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        format!("exit status {}", out.status)
    } else {
        lines.join("; ")
    }
}

/// Makes the vault at `root` a git repository unless it is in one already; returns true
/// when it made one.
pub fn git_init(root: &Path) -> Result<bool, AppError> {
    let git = Git { dir: root };
    if git.ask(["rev-parse", "--show-toplevel"])?.is_some() {
        return Ok(false);
    }
    git.run(["init", "-q"])?;
    Ok(true)
}

/// How often a push refused because the remote moved on is tried again, after another
/// pull, before giving up.
const PUSH_TRIES: usize = 3;

impl App {
    /// Commits every change in the vault, pulls with rebase from the remote and pushes.
    ///
    /// Checks first and changes nothing when the vault is in no repository, the
    /// repository has no remote, a rebase or merge is under way, or HEAD is detached.
    /// When the remote cannot be reached, the local commit stays, and the next sync
    /// sends it.
    pub fn share(&self) -> Result<Shared, AppError> {
        let root = self.root().to_owned();
        let git = Git { dir: &root };
        let Some(top) = git.ask(["rev-parse", "--show-toplevel"])? else {
            return Err(AppError::NotARepository(root));
        };
        for (state, what) in [
            ("rebase-merge", "rebase"),
            ("rebase-apply", "rebase"),
            ("MERGE_HEAD", "merge"),
            ("CHERRY_PICK_HEAD", "cherry-pick"),
        ] {
            let Some(path) = git.ask(["rev-parse", "--git-path", state])? else {
                continue;
            };
            // Relative to the directory git ran in, the vault.
            if root.join(path).exists() {
                return Err(AppError::GitState(format!(
                    "a {what} is under way in {top}: finish it (`git status` says how) or stop it (`git {what} --abort`), then sync again"
                )));
            }
        }
        let Some(branch) = git.ask(["symbolic-ref", "-q", "--short", "HEAD"])? else {
            return Err(AppError::GitState(format!(
                "HEAD is detached in {top}: check out a branch (`git switch main`), then sync again"
            )));
        };
        let (remote, remote_branch, tracked) = self.upstream(&git, &branch)?;
        let lock = self.vault().lock()?;
        let mut shared = Shared {
            remote: remote.clone(),
            branch: branch.clone(),
            ..Shared::default()
        };
        shared.ignored_state = ensure_ignored(&git, &root)?;

        // Commit what changed here.
        git.run(["add", "-A", "--", "."])?;
        let staged = git.run([
            "diff",
            "--cached",
            "--name-status",
            "-z",
            "--no-renames",
            "--relative",
            "--",
            ".",
        ])?;
        shared.committed = Changes::parse(&staged);
        if !shared.committed.is_empty() {
            let msg = shared.committed.message();
            // Only the vault's files: what else the repository has staged stays staged.
            let out = git.output(["commit", "-q", "-m", &msg, "--", "."])?;
            if !out.status.success() {
                // Leave the index as it was: the commit is the user's hooks' to refuse.
                let _ = git.output(["reset", "-q"]);
                return Err(AppError::Git(format!(
                    "`git commit` failed: {}",
                    stderr(&out)
                )));
            }
        }

        let tracking = format!("refs/remotes/{remote}/{remote_branch}");
        for attempt in 0.. {
            let out = git.output(["fetch", "-q", &remote])?;
            if !out.status.success() {
                return Err(AppError::Unreachable {
                    remote: remote.clone(),
                    message: stderr(&out),
                    committed: unsent(&git, &tracking)?,
                });
            }
            let theirs = git
                .ask(["rev-parse", "-q", "--verify", &tracking])?
                .filter(|s| !s.is_empty());
            if let Some(theirs) = &theirs
                && git
                    .ask(["merge-base", "--is-ancestor", theirs, "HEAD"])?
                    .is_none()
            {
                let pulled = git.run([
                    "diff",
                    "--name-status",
                    "-z",
                    "--no-renames",
                    "--relative",
                    &format!("HEAD...{theirs}"),
                    "--",
                    ".",
                ])?;
                let pulled = Changes::parse(&pulled);
                shared.pulled.added.extend(pulled.added);
                shared.pulled.changed.extend(pulled.changed);
                shared.pulled.removed.extend(pulled.removed);
                self.rebase(&git, theirs, &mut shared.conflicts)?;
            }
            if !unsent(&git, &tracking)? {
                break;
            }
            let mut push: Vec<String> = vec!["push".into(), "-q".into()];
            if !tracked {
                push.push("-u".into());
            }
            push.push(remote.clone());
            push.push(format!("HEAD:refs/heads/{remote_branch}"));
            let out = git.output(&push)?;
            if out.status.success() {
                shared.pushed = true;
                break;
            }
            let why = stderr(&out);
            // The remote moved on since the fetch: pull again and retry.
            let refused = why.contains("[rejected]") || why.contains("fetch first");
            if !refused || attempt + 1 >= PUSH_TRIES {
                return Err(AppError::Unreachable {
                    remote: remote.clone(),
                    message: why,
                    committed: true,
                });
            }
        }
        drop(lock);
        self.sync()?;
        Ok(shared)
    }

    /// Returns the remote and its branch to sync `branch` with, and whether `branch`
    /// tracks it already: its upstream, else the remote `origin` (or the only remote) and
    /// a branch of the same name, untracked.
    fn upstream(&self, git: &Git<'_>, branch: &str) -> Result<(String, String, bool), AppError> {
        if let Some(remote) = git.ask(["config", &format!("branch.{branch}.remote")])?
            && let Some(merge) = git.ask(["config", &format!("branch.{branch}.merge")])?
            && remote != "."
        {
            let merge = merge
                .strip_prefix("refs/heads/")
                .unwrap_or(&merge)
                .to_owned();
            return Ok((remote, merge, true));
        }
        let remotes = git.ask(["remote"])?.unwrap_or_default();
        let remotes: Vec<&str> = remotes.lines().filter(|l| !l.is_empty()).collect();
        let remote = match remotes.as_slice() {
            [] => return Err(AppError::NoRemote(self.root().to_owned())),
            [one] => (*one).to_owned(),
            many if many.contains(&"origin") => "origin".to_owned(),
            many => {
                return Err(AppError::GitState(format!(
                    "the repository has several remotes ({}) and `{branch}` tracks none: choose one with `git branch --set-upstream-to REMOTE/{branch}`",
                    many.join(", ")
                )));
            }
        };
        Ok((remote, branch.to_owned(), false))
    }

    /// Rebases this branch onto `onto`; where a file was changed on both sides, keeps
    /// both versions and goes on.
    fn rebase(
        &self,
        git: &Git<'_>,
        onto: &str,
        conflicts: &mut Vec<Conflict>,
    ) -> Result<(), AppError> {
        // Changes outside the vault (when it is part of a bigger repository) are set aside
        // for the rebase and put back.
        let mut out = git.output(["rebase", "-q", "--autostash", onto])?;
        // Each stop is one commit of ours that touches what theirs touched.
        for _ in 0..1000 {
            if out.status.success() {
                return Ok(());
            }
            let unmerged = git.run(["ls-files", "-u", "-z", "--", "."])?;
            let mut stages: Vec<(String, u8, String)> = Vec::new();
            for rec in unmerged.split(|b| *b == 0).filter(|r| !r.is_empty()) {
                let rec = String::from_utf8_lossy(rec);
                let Some((meta, path)) = rec.split_once('\t') else {
                    continue;
                };
                let meta: Vec<&str> = meta.split_whitespace().collect();
                if let [_, sha, stage] = meta.as_slice() {
                    stages.push((
                        path.to_owned(),
                        stage.parse().unwrap_or(0),
                        (*sha).to_owned(),
                    ));
                }
            }
            if stages.is_empty() {
                let why = stderr(&out);
                let _ = git.output(["rebase", "--abort"]);
                return Err(AppError::Git(format!("`git rebase` failed: {why}")));
            }
            let mut paths: Vec<String> = stages.iter().map(|s| s.0.clone()).collect();
            paths.dedup();
            for path in paths {
                let blob = |stage: u8| -> Result<Option<Vec<u8>>, AppError> {
                    match stages.iter().find(|s| s.0 == path && s.1 == stage) {
                        Some((_, _, sha)) => git.run(["cat-file", "blob", sha]).map(Some),
                        None => Ok(None),
                    }
                };
                // In a rebase, stage 2 is the branch rebased onto (the other side's)
                // and stage 3 the commit of ours being replayed.
                let (theirs, ours) = (blob(2)?, blob(3)?);
                let abs = self.root().join(&path);
                let conflict = match (ours, theirs) {
                    (Some(ours), Some(theirs)) => {
                        let copy = free_copy(self.root(), &path);
                        let marked = mark_conflict(&String::from_utf8_lossy(&theirs), &path);
                        self.vault()
                            .write_atomic(&abs, &ours, false)
                            .map_err(AppError::from)?;
                        self.vault()
                            .write_atomic(&self.root().join(&copy), marked.as_bytes(), false)
                            .map_err(AppError::from)?;
                        git.run(["add", "--", &path, &copy])?;
                        Conflict {
                            path,
                            copy: Some(copy),
                        }
                    }
                    // One side removed it, the other changed it: the change is kept.
                    (Some(kept), None) | (None, Some(kept)) => {
                        self.vault()
                            .write_atomic(&abs, &kept, false)
                            .map_err(AppError::from)?;
                        git.run(["add", "--", &path])?;
                        Conflict { path, copy: None }
                    }
                    (None, None) => {
                        git.run(["rm", "-q", "--cached", "--", &path])?;
                        continue;
                    }
                };
                conflicts.push(conflict);
            }
            out = git.output(["-c", "core.editor=true", "rebase", "--continue"])?;
        }
        let _ = git.output(["rebase", "--abort"]);
        Err(AppError::Git(
            "`git rebase` did not finish; it was stopped and nothing changed".to_owned(),
        ))
    }
}

/// Returns true when HEAD has commits the remote's branch (`tracking`) does not.
fn unsent(git: &Git<'_>, tracking: &str) -> Result<bool, AppError> {
    let range = if git
        .ask(["rev-parse", "-q", "--verify", tracking])?
        .is_some()
    {
        format!("{tracking}..HEAD")
    } else {
        "HEAD".to_owned()
    };
    Ok(git
        .ask(["rev-list", "--count", &range])?
        .is_some_and(|n| n != "0"))
}

/// Adds `.brag/` (the index and lock, which are this machine's) to the vault's
/// `.gitignore` when git does not ignore it yet; returns true when it did.
fn ensure_ignored(git: &Git<'_>, root: &Path) -> Result<bool, AppError> {
    let ignored = git
        .output(["check-ignore", "-q", ".brag/index.db"])?
        .status
        .success();
    if ignored {
        return Ok(false);
    }
    let path = root.join(".gitignore");
    let mut text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e.into()),
    };
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(".brag/\n");
    brag_vault::Vault::open(root)?.write_atomic(&path, text.as_bytes(), false)?;
    // A `.brag/` committed before is no longer tracked (its files stay on disk).
    let _ = git.output([
        "rm",
        "-r",
        "-q",
        "--cached",
        "--ignore-unmatch",
        "--",
        ".brag",
    ]);
    Ok(true)
}

/// Returns the first `STEM-N.EXT` (N from 2) beside `path` that does not exist.
fn free_copy(root: &Path, path: &str) -> String {
    let (dir, name) = match path.rsplit_once('/') {
        Some((d, n)) => (format!("{d}/"), n),
        None => (String::new(), path),
    };
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s, format!(".{e}")),
        _ => (name, String::new()),
    };
    (2..)
        .map(|n| format!("{dir}{stem}-{n}{ext}"))
        .find(|p| !root.join(p).exists())
        .unwrap_or_else(|| format!("{path}.conflict"))
}

/// Returns an entry's text marked `conflict: true` in its front matter (a front matter is
/// added to a file without one); other files are returned as they are.
fn mark_conflict(text: &str, path: &str) -> String {
    if !path.ends_with(".md") {
        return text.to_owned();
    }
    let line = format!("{CONFLICT_KEY}: true");
    let (bom, rest) = match text.strip_prefix('\u{feff}') {
        Some(r) => ("\u{feff}", r),
        None => ("", text),
    };
    let first = rest.lines().next().unwrap_or("");
    if first.trim_end() == "---" {
        let nl = if rest.starts_with("---\r\n") {
            "\r\n"
        } else {
            "\n"
        };
        let head_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let front_has_key = rest[head_end..]
            .lines()
            .take_while(|l| l.trim_end() != "---")
            .any(|l| l.starts_with(&format!("{CONFLICT_KEY}:")));
        if front_has_key {
            return text.to_owned();
        }
        format!("{bom}{}{line}{nl}{}", &rest[..head_end], &rest[head_end..])
    } else {
        format!("{bom}---\n{line}\n---\n\n{rest}")
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // Tests make files by hand, as a user would.
mod tests {
    use super::*;

    #[test]
    fn mark_conflict_adds_the_key_once() {
        let text = "---\ntitle: A\n---\n\nbody\n";
        let marked = mark_conflict(text, "2026/a.md");
        assert_eq!(marked, "---\nconflict: true\ntitle: A\n---\n\nbody\n");
        assert_eq!(mark_conflict(&marked, "2026/a.md"), marked);
        assert_eq!(
            mark_conflict("just text\n", "a.md"),
            "---\nconflict: true\n---\n\njust text\n"
        );
        assert_eq!(mark_conflict("x = 1\n", "brag.toml"), "x = 1\n");
        let crlf = mark_conflict("---\r\ntitle: A\r\n---\r\n", "a.md");
        assert_eq!(crlf, "---\r\nconflict: true\r\ntitle: A\r\n---\r\n");
    }

    #[test]
    fn free_copy_counts_up() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("2026")).expect("mkdir");
        assert_eq!(free_copy(dir.path(), "2026/a.md"), "2026/a-2.md");
        std::fs::write(dir.path().join("2026/a-2.md"), "x").expect("write");
        assert_eq!(free_copy(dir.path(), "2026/a.md"), "2026/a-3.md");
        assert_eq!(free_copy(dir.path(), "brag.toml"), "brag-2.toml");
    }

    #[test]
    fn changes_parse_and_message() {
        let out =
            b"A\x002026/2026-11-25-new.md\x00M\x00brag.toml\x00D\x002025/2025-01-02-old.md\x00";
        let c = Changes::parse(out);
        assert_eq!(c.added, ["2026/2026-11-25-new.md"]);
        assert_eq!(c.changed, ["brag.toml"]);
        assert_eq!(c.removed, ["2025/2025-01-02-old.md"]);
        assert_eq!(
            c.message(),
            "brag sync: 1 added, 1 changed, 1 removed\n\nAdded:\n  2026-11-25-new\n\nChanged:\n  brag.toml\n\nRemoved:\n  2025-01-02-old\n"
        );
    }
}
