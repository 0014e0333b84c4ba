use super::*;

#[test]
fn ticket_keys_cases() {
    assert_eq!(
        ticket_keys("PAY-123: fix refunds, see PAY-123 and OPS-9"),
        ["PAY-123", "OPS-9"]
    );
    assert!(ticket_keys("handle UTF-8 and SHA-256 and ISO-8601").is_empty());
    assert!(ticket_keys("bump v1-2 and A-1").is_empty());
}

#[test]
fn squash_and_merge_subjects() {
    assert_eq!(
        squash_pr("Add retry budget (#42)"),
        Some((42, "Add retry budget".into()))
    );
    assert_eq!(squash_pr("Add retry budget"), None);
    assert_eq!(
        merged_pr("Merge pull request #12 from priya/retry-budget"),
        Some((12, Some("priya/retry-budget".into())))
    );
    assert_eq!(
        pr_title(
            "Merge pull request #12 from priya/retry-budget",
            "\nAdd a retry budget\n"
        ),
        "Add a retry budget"
    );
    assert_eq!(
        pr_title("Merge pull request #12 from priya/retry-budget", ""),
        "Retry budget"
    );
}

#[test]
fn parse_remote_forms() {
    let gh = Some(Web::GitHub("https://github.com/acme/shop".into()));
    for url in [
        "https://github.com/acme/shop.git",
        "https://github.com/acme/shop",
        "git@github.com:acme/shop.git",
        "ssh://git@github.com/acme/shop.git",
        "ssh://git@github.com:22/acme/shop.git",
    ] {
        assert_eq!(parse_remote(url), gh, "{url}");
    }
    assert_eq!(
        parse_remote("git@gitlab.com:grp/sub/proj.git"),
        Some(Web::GitLab("https://gitlab.com/grp/sub/proj".into()))
    );
    assert_eq!(parse_remote("https://git.example.com/acme/shop.git"), None);
    assert_eq!(parse_remote("/srv/git/shop.git"), None);
    assert_eq!(
        Web::GitLab("https://gitlab.com/g/p".into()).pull_request(7),
        "https://gitlab.com/g/p/-/merge_requests/7"
    );
}

#[test]
fn metrics_in_messages() {
    assert_eq!(
        metrics_in("Cache tokens: 40% faster startup"),
        ["40% faster"]
    );
    assert_eq!(
        metrics_in("p99 from 420 ms to 95 ms"),
        ["from 420 ms to 95 ms"]
    );
    assert_eq!(metrics_in("3x fewer allocations"), ["3x fewer"]);
    assert!(metrics_in("fix the build on 2 machines").is_empty());
}

fn commit(id: &str, day: i64, subject: &str, dir: &str) -> Commit {
    Commit {
        id: format!("{id:0<40}"),
        seconds: 1_700_000_000 + day * 86_400,
        date: Some(
            jiff::civil::date(2026, 1, 1)
                .checked_add(jiff::Span::new().days(day))
                .expect("date"),
        ),
        subject: subject.to_owned(),
        paths: vec![format!("{dir}/{id}.rs")],
        added: 10,
        removed: 2,
        top_dir: dir.to_owned(),
        ..Commit::default()
    }
}

#[test]
fn drafts_group_by_pr_squash_ticket_and_window() {
    let repo = Repo {
        name: "shop".into(),
        web: Some(Web::GitHub("https://github.com/acme/shop".into())),
        commits: vec![
            commit("a1", 0, "Start the retry budget", "client"),
            commit("a2", 1, "Scale the budget by success rate", "client"),
            commit("b1", 2, "Add idempotency keys (#15)", "api"),
            commit("c1", 3, "PAY-7 reject duplicate refunds", "api"),
            commit("c2", 9, "Follow up on PAY-7: 40% faster lookups", "db"),
            commit("d1", 4, "Document the deploy steps in detail", "docs"),
            commit("d2", 5, "fix typo", "docs"),
            commit(
                "d3",
                20,
                "Rewrite the on-call guide for the new team",
                "docs",
            ),
        ],
        pull_requests: vec![PullRequest {
            number: 12,
            title: "Add a retry budget".into(),
            commits: vec![format!("{:0<40}", "a1"), format!("{:0<40}", "a2")],
        }],
    };
    let ds = drafts(&repo, &HashSet::new());
    let titles: Vec<&str> = ds.iter().map(|d| d.entry.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Add a retry budget",
            "Add idempotency keys",
            "Document the deploy steps in detail",
            "PAY-7 reject duplicate refunds",
            "Rewrite the on-call guide for the new team",
        ]
    );
    let pr = &ds[0];
    assert_eq!(pr.commits.len(), 2);
    assert_eq!(
        pr.entry.links[0].url,
        "https://github.com/acme/shop/pull/12"
    );
    assert_eq!(
        pr.entry.date.map(|d| d.to_string()).as_deref(),
        Some("2026-01-02")
    );
    assert_eq!(pr.entry.extra["draft"], Value::Bool(true));
    assert!(
        pr.entry
            .text
            .starts_with("2 commits in shop, +20 −4 lines in 2 files."),
        "{}",
        pr.entry.text
    );
    assert_eq!(ds[1].entry.links[0].label, "acme/shop#15");
    let ticket = &ds[3];
    assert_eq!(
        ticket.commits.len(),
        2,
        "tickets gather commits across days"
    );
    assert_eq!(ticket.entry.metrics, ["40% faster"]);
    assert_eq!(ds[2].commits.len(), 2, "same dir within 7 days");
    assert_eq!(ds[4].commits.len(), 1, "a new window after 7 days");
    assert!(
        ds.iter()
            .all(|d| d.entry.kind == Kind::Win && d.entry.project.as_deref() == Some("shop"))
    );
}

#[test]
fn drafts_skip_known_commits() {
    let repo = Repo {
        name: "shop".into(),
        commits: vec![commit("a1", 0, "Start the retry budget", "client")],
        ..Repo::default()
    };
    let known: HashSet<String> = [format!("{:0<40}", "a1")].into_iter().collect();
    assert!(drafts(&repo, &known).is_empty());
}

/// Issue 11: the generated "N commits in REPO" line is not the user's words, so keyword
/// matching (search, ask) does not see it; the commit subjects are, and it does.
#[test]
fn draft_search_body_leaves_out_the_generated_stats() {
    let repo = Repo {
        name: "shop".into(),
        commits: vec![
            commit("a1", 0, "Start the retry budget", "client"),
            commit("a2", 1, "Scale the budget by success rate", "client"),
        ],
        ..Repo::default()
    };
    let ds = drafts(&repo, &HashSet::new());
    let entry = &ds[0].entry;
    let stats = entry.text.lines().next().unwrap_or_default();
    assert_eq!(stats, "2 commits in shop, +20 −4 lines in 2 files.");
    assert!(is_stats_line(stats));
    let body = entry.search_body();
    assert!(!body.contains("commits in shop"), "{body}");
    assert!(body.contains("Scale the budget by success rate"), "{body}");
    for line in [
        "1 commit in shop, +1 −0 lines in 1 file.",
        "12 commits in rivet-core, +1200 −40 lines in 31 files.",
    ] {
        assert!(is_stats_line(line), "{line}");
    }
    for line in [
        "2 commits in shop, and then some",
        "I made 2 commits in shop, +20 −4 lines in 2 files.",
    ] {
        assert!(!is_stats_line(line), "{line}");
    }
    // The same words written by the user, in an entry that is not harvested, are kept.
    let mine = Entry {
        text: stats.to_owned(),
        ..Entry::default()
    };
    assert!(mine.search_body().contains("commits in shop"));
}

#[test]
fn drafts_count_distinct_files() {
    // Issue 11: three commits to one file are "in 1 file", not "in 3 files".
    let one_file = |id: &str, day: i64| Commit {
        paths: vec!["client/retry.rs".into()],
        ..commit(id, day, "PAY-9 tune the retry budget", "client")
    };
    let mut repo = Repo {
        name: "shop".into(),
        commits: vec![one_file("a1", 0), one_file("a2", 1), one_file("a3", 2)],
        ..Repo::default()
    };
    let ds = drafts(&repo, &HashSet::new());
    assert_eq!(ds.len(), 1);
    assert!(
        ds[0]
            .entry
            .text
            .starts_with("3 commits in shop, +30 −6 lines in 1 file."),
        "{}",
        ds[0].entry.text
    );
    // A fourth commit that touches that file and another makes two.
    repo.commits.push(Commit {
        paths: vec!["client/retry.rs".into(), "docs/retry.md".into()],
        ..commit("a4", 3, "PAY-9 document the budget", "client")
    });
    let ds = drafts(&repo, &HashSet::new());
    assert!(
        ds[0]
            .entry
            .text
            .starts_with("4 commits in shop, +40 −8 lines in 2 files."),
        "{}",
        ds[0].entry.text
    );
}
