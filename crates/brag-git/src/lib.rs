//! brag's git adapter: find repositories under a directory and read their history into
//! the plain values of `brag_core::harvest`, with gix (no `git` process is run).
//!
//! Everything that decides what a draft is lives in the core; this crate only reads:
//! commits reachable from local branches, authors through `.mailmap`, messages, and the
//! files and lines each commit changed against its first parent.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use brag_core::harvest::{self, Commit, PullRequest, Repo};
use gix::bstr::ByteSlice;
use jiff::civil::Date;

/// Returned when a repository cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("{}: {message}", path.display())]
pub struct GitError {
    /// The repository or directory at fault.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}

fn err(path: &Path, e: impl std::fmt::Display) -> GitError {
    GitError {
        path: path.to_owned(),
        message: e.to_string(),
    }
}

/// Returns who "I" am in commits: e-mail addresses and names, compared without case.
#[derive(Clone, Debug, Default)]
pub struct Identity {
    emails: HashSet<String>,
    names: HashSet<String>,
}

impl Identity {
    /// Returns an identity from e-mail addresses and names.
    pub fn new(emails: &[String], names: &[String]) -> Identity {
        Identity {
            emails: emails
                .iter()
                .map(|e| e.trim().to_lowercase())
                .filter(|e| !e.is_empty())
                .collect(),
            names: names
                .iter()
                .map(|n| n.trim().to_lowercase())
                .filter(|n| !n.is_empty())
                .collect(),
        }
    }

    /// Returns true when no address or name is known.
    pub fn is_empty(&self) -> bool {
        self.emails.is_empty() && self.names.is_empty()
    }

    fn matches(&self, name: &[u8], email: &[u8]) -> bool {
        let email = String::from_utf8_lossy(email).trim().to_lowercase();
        if self.emails.contains(&email) {
            return true;
        }
        !self.names.is_empty()
            && self
                .names
                .contains(&String::from_utf8_lossy(name).trim().to_lowercase())
    }
}

/// Returns what to read from each repository.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Whose commits to take.
    pub identity: Identity,
    /// Commits on or after this day (author date).
    pub from: Option<Date>,
    /// Commits on or before this day.
    pub to: Option<Date>,
}

/// Returns the git repositories at or under `root` (directories holding `.git`), or the
/// repository `root` is inside when there is none under it. It does not
/// descend into `.git`, `node_modules` or `target`, and follows no symlink.
pub fn find_repos(root: &Path) -> Result<Vec<PathBuf>, GitError> {
    if !root.is_dir() {
        return Err(err(root, "not a directory"));
    }
    let mut out = Vec::new();
    let walk = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            !(e.file_type().is_dir()
                && e.depth() > 0
                && matches!(
                    e.file_name().to_str(),
                    Some(".git" | "node_modules" | "target")
                ))
        });
    for entry in walk {
        let entry = match entry {
            Ok(e) => e,
            // An unreadable corner of the tree is skipped, as `find` would.
            Err(_) => continue,
        };
        if entry.file_type().is_dir() && entry.path().join(".git").exists() {
            out.push(entry.path().to_owned());
        }
    }
    // A directory inside a repository means that repository, as it does for git.
    if out.is_empty()
        && let Ok(repo) = gix::discover(root)
        && let Some(dir) = repo.workdir()
    {
        out.push(dir.to_owned());
    }
    Ok(out)
}

/// Returns git's `user.email` as a repository sees it (its config, then the user's).
pub fn configured_email(path: &Path) -> Option<String> {
    let repo = gix::open(path).ok()?;
    let email = repo.config_snapshot().string("user.email")?;
    let email = email.to_str_lossy().trim().to_owned();
    (!email.is_empty()).then_some(email)
}

/// Reads one repository: the identity's non-merge commits with their stats, and the pull
/// requests its merges brought in. `progress` is called with the number of commits seen.
pub fn read_repo(
    path: &Path,
    opts: &ReadOptions,
    progress: &mut dyn FnMut(usize),
) -> Result<Repo, GitError> {
    let e = |x: &dyn std::fmt::Display| err(path, x);
    let mut repo = gix::open(path).map_err(|x| e(&x))?;
    // Delta bases, as git keeps them (core.deltaBaseCacheLimit, 96 MiB): walking a large
    // history decodes the same bases again and again, and a hash map finds them faster
    // than gix's default 64-slot list.
    repo.objects.set_pack_cache(|| {
        Box::new(gix::odb::pack::cache::lru::MemoryCappedHashmap::new(
            96 << 20,
        ))
    });
    let name = path
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| path.display().to_string());
    let web = repo
        .config_snapshot()
        .string("remote.origin.url")
        .and_then(|u| harvest::parse_remote(&u.to_str_lossy()));
    let mut out = Repo {
        name,
        web,
        ..Repo::default()
    };
    let tips: Vec<gix::ObjectId> = repo
        .references()
        .map_err(|x| e(&x))?
        .local_branches()
        .map_err(|x| e(&x))?
        .filter_map(|r| r.ok()?.peel_to_id().ok().map(|id| id.detach()))
        .collect();
    if tips.is_empty() {
        return Ok(out);
    }
    let mailmap = repo.open_mailmap();
    let mut bufs = (Vec::new(), Vec::new());
    let mut tree_cache = repo
        .diff_resource_cache_for_tree_diff()
        .map_err(|x| e(&x))?;
    let mut merges: Vec<(u64, String, gix::ObjectId, gix::ObjectId)> = Vec::new();
    let walk = repo.rev_walk(tips).all().map_err(|x| e(&x))?;
    for (n, info) in walk.enumerate() {
        if n % 256 == 0 {
            progress(n);
        }
        let info = info.map_err(|x| e(&x))?;
        let commit = info.object().map_err(|x| e(&x))?;
        let decoded = commit.decode().map_err(|x| e(&x))?;
        let message = decoded.message.to_str_lossy();
        let (subject, body) = match message.split_once('\n') {
            Some((s, b)) => (s.trim().to_owned(), b.trim().to_owned()),
            None => (message.trim().to_owned(), String::new()),
        };
        let parents: Vec<gix::ObjectId> = info.parent_ids.iter().copied().collect();
        if parents.len() > 1 {
            if let Some((number, _)) = harvest::merged_pr(&subject) {
                merges.push((
                    number,
                    harvest::pr_title(&subject, &body),
                    parents[0],
                    parents[1],
                ));
            }
            continue;
        }
        let author = decoded.author().map_err(|x| e(&x))?;
        let (name, email) = match mailmap.try_resolve(author) {
            Some(sig) => (sig.name.to_vec(), sig.email.to_vec()),
            None => (author.name.to_vec(), author.email.to_vec()),
        };
        if !opts.identity.matches(&name, &email) {
            continue;
        }
        let time = author.time().map_err(|x| e(&x))?;
        let date = local_date(time.seconds, time.offset);
        if let Some(d) = date
            && (opts.from.is_some_and(|f| d < f) || opts.to.is_some_and(|t| d > t))
        {
            continue;
        }
        let (paths, added, removed, top_dir) = stats(
            &repo,
            &commit,
            parents.first().copied(),
            &mut tree_cache,
            &mut bufs,
        )
        .map_err(|x| e(&x))?;
        out.commits.push(Commit {
            id: info.id.to_string(),
            seconds: time.seconds,
            date,
            subject,
            body,
            paths,
            added,
            removed,
            top_dir,
        });
    }
    out.commits.sort_by_key(|c| c.seconds);
    // A pull request's commits: reachable from the branch it merged, not from the base.
    let mine: HashSet<&str> = out.commits.iter().map(|c| c.id.as_str()).collect();
    let mut prs = Vec::new();
    for (number, title, base, branch) in merges {
        let walk = repo
            .rev_walk([branch])
            .with_hidden([base])
            .all()
            .map_err(|x| e(&x))?;
        let mut commits = Vec::new();
        for info in walk {
            let id = info.map_err(|x| e(&x))?.id.to_string();
            if mine.contains(id.as_str()) {
                commits.push(id);
            }
        }
        if !commits.is_empty() {
            prs.push(PullRequest {
                number,
                title,
                commits,
            });
        }
    }
    out.pull_requests = prs;
    Ok(out)
}

fn local_date(seconds: i64, offset: i32) -> Option<Date> {
    let ts = jiff::Timestamp::from_second(seconds).ok()?;
    let offset = jiff::tz::Offset::from_seconds(offset).ok()?;
    Some(ts.to_zoned(jiff::tz::TimeZone::fixed(offset)).date())
}

type Stats = (Vec<String>, usize, usize, String);

/// Returns the paths of the files changed, lines added and removed, and the top directory
/// with the most changed lines, for a commit against its first parent.
///
/// Lines are counted like `git log --numstat`: a Myers line diff of the two blobs, whole
/// blobs for added and deleted files, nothing for binary files. The blobs are diffed here
/// rather than through gix's diff platform, which looks up `.gitattributes` diff drivers
/// for every path: half the time of a harvest on a large repository.
fn stats(
    repo: &gix::Repository,
    commit: &gix::Commit<'_>,
    parent: Option<gix::ObjectId>,
    tree_cache: &mut gix::diff::blob::Platform,
    bufs: &mut (Vec<u8>, Vec<u8>),
) -> Result<Stats, gix::Error> {
    use gix::object::tree::diff::Change;
    use gix::prelude::FindExt;

    let tree = commit.tree()?;
    let parent_tree = match parent {
        Some(p) => repo.find_commit(p)?.tree()?,
        None => repo.empty_tree(),
    };
    let mut paths: Vec<String> = Vec::new();
    let (mut added, mut removed) = (0usize, 0usize);
    let mut dirs: HashMap<String, usize> = HashMap::new();
    let mut changes = parent_tree.changes()?;
    changes.options(|o| {
        o.track_path().track_rewrites(None);
    });
    changes.for_each_to_obtain_tree_with_cache(&tree, tree_cache, |change| {
        if !change.entry_mode().is_blob() {
            return Ok(std::ops::ControlFlow::Continue(()));
        }
        let location = change.location().to_str_lossy().into_owned();
        let top = match location.split_once('/') {
            Some((dir, _)) => dir.to_owned(),
            None => ".".to_owned(),
        };
        paths.push(location);
        let (old, new) = match &change {
            Change::Addition { id, .. } => (None, Some(id.detach())),
            Change::Deletion { id, .. } => (Some(id.detach()), None),
            Change::Modification {
                previous_id, id, ..
            } => (Some(previous_id.detach()), Some(id.detach())),
            Change::Rewrite { source_id, id, .. } => (Some(source_id.detach()), Some(id.detach())),
        };
        let (old_buf, new_buf) = bufs;
        let old = match old {
            Some(id) => Some(repo.objects.find_blob(&id, old_buf)?.data),
            None => None,
        };
        let new = match new {
            Some(id) => Some(repo.objects.find_blob(&id, new_buf)?.data),
            None => None,
        };
        let (a, r) = line_counts(old.unwrap_or_default(), new.unwrap_or_default());
        added += a;
        removed += r;
        *dirs.entry(top).or_default() += 1 + a + r;
        Ok(std::ops::ControlFlow::Continue(()))
    })?;
    let top_dir = dirs
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map_or_else(|| ".".to_owned(), |(d, _)| d);
    Ok((paths, added, removed, top_dir))
}

/// Returns lines added and removed between two versions of a file; none for binary files.
fn line_counts(old: &[u8], new: &[u8]) -> (usize, usize) {
    let binary = |b: &[u8]| b[..b.len().min(8000)].contains(&0);
    if binary(old) || binary(new) {
        return (0, 0);
    }
    let lines = |b: &[u8]| {
        b.iter().filter(|c| **c == b'\n').count()
            + usize::from(!b.is_empty() && !b.ends_with(b"\n"))
    };
    if old.is_empty() {
        return (lines(new), 0);
    }
    if new.is_empty() {
        return (0, lines(old));
    }
    use gix::diff::blob::{Algorithm, Diff, InternedInput, sources::byte_lines};
    let input = InternedInput::new(byte_lines(old), byte_lines(new));
    let diff = Diff::compute(Algorithm::Myers, &input);
    (
        diff.count_additions() as usize,
        diff.count_removals() as usize,
    )
}
