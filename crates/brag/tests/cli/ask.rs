//! `brag ask`: which stories answer a question, on vaults that mix the user's own stories
//! with drafts from `brag harvest` (more `ask` tests live in `coach.rs`).

use crate::common::TestEnv;

/// Returns the text of a draft as `brag harvest git` writes it: `draft: true`, the commit
/// ids, the generated "N commits in REPO" line, then one line per commit subject.
pub fn harvested_draft(date: &str, repo: &str, subjects: &[&str]) -> String {
    let ids: Vec<String> = (0..subjects.len())
        .map(|i| format!("{:0>40}", format!("{}{i}", date.replace('-', ""))))
        .collect();
    let mut s = format!(
        "---\ntitle: {}\ndate: {date}\nkind: win\nproject: {repo}\ndraft: true\ncommits: [{}]\n---\n\n",
        subjects[0],
        ids.iter()
            .map(|id| format!("\"{id}\""))
            .collect::<Vec<_>>()
            .join(",")
    );
    s.push_str(&format!(
        "{} commits in {repo}, +{} −4 lines in {} files.\n\n",
        subjects.len(),
        40 * subjects.len(),
        subjects.len()
    ));
    for (id, subject) in ids.iter().zip(subjects) {
        s.push_str(&format!("- {} {subject}\n", &id[..7]));
    }
    s
}

const STORY: &str = "2025/2025-06-10-kept-the-audit-date.md";
const STORY_ID: &str = "2025-06-10-kept-the-audit-date";

/// A story about pushing back on a manager's plan, in the writer's own words (not the
/// question's), and drafts harvested from commits: two whose subjects name a "manager"
/// (code, not people), four that share no word with the question at all.
fn vault_with_drafts() -> TestEnv {
    let env = TestEnv::new();
    env.write_entry(
        STORY,
        "---\ntitle: Kept the audit date by fixing two modules instead of a rewrite\n\
         date: 2025-06-10\nkind: story\ntags: [billing]\n---\n\n\
         ## Situation\nMy lead wanted to rewrite the billing service from scratch in the \
         quarter before the audit.\n\n\
         ## Task\nKeep the audit date safe without dismissing a real problem.\n\n\
         ## Action\nI pushed back in our one-on-one and brought data: 80% of the incidents \
         came from two modules. I proposed fixing those two first.\n\n\
         ## Result\nWe fixed both modules in 3 weeks; incidents fell from 9 to 2 a month \
         and the audit passed on time.\n",
    );
    env.write_entry(
        "2026/2026-02-03-secrets.md",
        &harvested_draft(
            "2026-02-03",
            "rivet",
            &[
                "Move the tokens to the secret manager",
                "Rotate keys in the manager",
            ],
        ),
    );
    env.write_entry(
        "2026/2026-03-04-jobs.md",
        &harvested_draft(
            "2026-03-04",
            "ledger",
            &["Teach the job manager to retry", "Log job manager restarts"],
        ),
    );
    for (i, topic) in ["export", "cache", "queue", "metrics"].iter().enumerate() {
        env.write_entry(
            &format!("2026/2026-04-0{}-{topic}.md", i + 1),
            &harvested_draft(
                &format!("2026-04-0{}", i + 1),
                "rivet",
                &[
                    &format!("Add the {topic} step"),
                    &format!("Test the {topic} step"),
                ],
            ),
        );
    }
    env
}

/// Issue 11: "disagree and commit" made the keyword "commit" match the generated
/// "N commits in REPO" line of every draft, and drafts ranked above the user's story.
#[test]
fn ask_ranks_the_users_story_above_harvested_drafts() {
    let env = vault_with_drafts();
    let v = env.json(&[
        "ask",
        "--json",
        "-n",
        "20",
        "a time you disagreed with your manager",
    ]);
    assert_eq!(
        v["competencies"][0], "have-backbone-disagree-and-commit",
        "{v}"
    );
    let ids: Vec<&str> = v["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids.first(), Some(&STORY_ID), "{v:#}");
    // Drafts whose only link to the question is text harvest generated are no answer.
    for topic in ["export", "cache", "queue", "metrics"] {
        assert!(!ids.iter().any(|id| id.ends_with(topic)), "{ids:?}");
    }
}

/// Drafts still answer, after the user's stories, through the words of their commits.
#[test]
fn ask_finds_drafts_by_their_commit_subjects_after_stories() {
    let env = vault_with_drafts();
    let v = env.json(&["ask", "--json", "how did you make the job manager retry"]);
    let ids: Vec<&str> = v["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert!(ids.contains(&"2026-03-04-jobs"), "{v:#}");
}
