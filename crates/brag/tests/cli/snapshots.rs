//! Snapshots of what `brag` shows people: the `--help` of every command, and the human
//! (non-JSON) output of the read commands on a fixed vault, the bundled samples.
//!
//! They pin today's output so that a refactor can show it changed nothing. After an
//! intended change, re-write them and review the difference:
//!
//! ```sh
//! INSTA_UPDATE=always cargo test -q -p brag --test cli snapshots
//! git diff crates/brag/tests/cli/snapshots/
//! ```
//!
//! The files are `snapshots/cli__snapshots__NAME.snap`, NAME being command + aspect. A case's
//! snapshot holds the command line, the exit code, stdout and stderr; temp paths read
//! `[VAULT]` and `[ROOT]`, and reindex's timing `[N] ms`. Everything else is fixed by the
//! environment (`BRAG_NOW`, `NO_COLOR`, no terminal, so help wraps at 100 columns).

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::{BROKEN_YAML, BROKEN_YAML_PATH, TestEnv, expect_code, stderr, stdout};

/// An entry-shaped file outside any year directory, which doctor names and nobody reads.
const MISPLACED: &str = "---\ntitle: An idea for later\ndate: 2025-05-05\n---\n\nwrite it up\n";
/// The vault-relative path of [`MISPLACED`].
const MISPLACED_PATH: &str = "notes/idea.md";

/// A sample story with every section, and one with coach findings.
const STRONG: &str = "2025-04-17-stopped-duplicate-charges-during-incident";
const WEAK: &str = "2024-07-16-reconciliation-job-cleanup";

/// Returns the sample vault with one unreadable file and one misplaced `.md` file.
fn broken_vault() -> TestEnv {
    let env = TestEnv::with_samples();
    env.write_entry(BROKEN_YAML_PATH, BROKEN_YAML);
    env.write_entry(MISPLACED_PATH, MISPLACED);
    env
}

/// Runs `brag ARGS` and returns the snapshot text: command line, exit code, stdout, stderr.
fn case(env: &TestEnv, args: &[&str]) -> String {
    let out = env.run(args);
    let line: Vec<String> = args
        .iter()
        .map(|a| {
            if a.contains(char::is_whitespace) {
                format!("\"{a}\"")
            } else {
                (*a).to_owned()
            }
        })
        .collect();
    let code = out
        .status
        .code()
        .map_or_else(|| format!("{:?}", out.status), |c| c.to_string());
    env.norm(&format!(
        "$ brag {}\nexit: {code}\n----- stdout -----\n{}----- stderr -----\n{}",
        line.join(" "),
        stdout(&out),
        stderr(&out)
    ))
}

/// Returns text with reindex's timing (`Indexed 16 entries in 12 ms`) as `in [N] ms`.
fn redact_timing(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            if let Some((head, rest)) = line.split_once(" entries in ")
                && head.starts_with("Indexed ")
            {
                let digits = rest.chars().take_while(char::is_ascii_digit).count();
                if digits > 0 && rest[digits..].starts_with(" ms") {
                    return format!("{head} entries in [N]{}", &rest[digits..]);
                }
            }
            line.to_owned()
        })
        .collect()
}

/// Returns the subcommands a `--help` lists under `Commands:`.
fn listed_commands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| l.trim_end() != "Commands:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        // A description too long for its line goes on below, indented further.
        .filter(|l| l.starts_with("  ") && !l.starts_with("    "))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

/// Returns the snapshot name of a command's help: `help`, `help_add`, `help_harvest_git`.
fn help_name(path: &[String]) -> String {
    std::iter::once("help".to_owned())
        .chain(path.iter().cloned())
        .collect::<Vec<_>>()
        .join("_")
}

#[test]
fn snapshots_help_of_every_command() {
    let env = TestEnv::bare();
    let mut names = BTreeSet::new();
    let mut queue: Vec<Vec<String>> = vec![Vec::new()];
    while let Some(path) = queue.pop() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let out = env.run(&args);
        expect_code(&out, 0, &args);
        assert_eq!(stderr(&out), "", "brag {args:?} wrote to stderr");
        let help = env.norm(&stdout(&out));
        let name = help_name(&path);
        insta::assert_snapshot!(name.as_str(), help);
        names.insert(name);
        for sub in listed_commands(&help) {
            let parent: Vec<&str> = path.iter().map(String::as_str).collect();
            if sub == "help" {
                // clap's own: `brag [CMD] help [SUB]` prints `brag [CMD] [SUB] --help`.
                let via = env.ok(&[parent.as_slice(), &["help"]].concat());
                assert_eq!(env.norm(&via), help, "`help` differs under {parent:?}");
                continue;
            }
            let via = env.ok(&[parent.as_slice(), &["help", &sub]].concat());
            let direct = env.ok(&[parent.as_slice(), &[sub.as_str(), "--help"]].concat());
            assert_eq!(via, direct, "`help {sub}` differs under {parent:?}");
            let mut child = path.clone();
            child.push(sub);
            queue.push(child);
        }
    }
    assert!(names.len() > 10, "too few commands found: {names:?}");
    assert!(names.contains("help_harvest_git"), "{names:?}");
    assert!(!env.vault().exists(), "--help made a vault");
    // A removed command leaves its snapshot behind: say so rather than keep it forever.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli/snapshots");
    let stale: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read dir {}: {e}", dir.display()))
        .filter_map(|e| {
            let file = e.expect("dir entry").file_name();
            let file = file.to_string_lossy();
            // `cli__snapshots__NAME.snap`: insta's crate and module prefix, then the name.
            let name = file.strip_suffix(".snap")?.rsplit("__").next()?;
            (name.starts_with("help") && !names.contains(name)).then(|| file.into_owned())
        })
        .collect();
    assert!(
        stale.is_empty(),
        "help snapshots of commands brag --help no longer lists (delete them): {stale:?}"
    );
}

#[test]
fn snapshots_list_default() {
    let env = TestEnv::with_samples();
    let text = case(&env, &["list"]);
    insta::assert_snapshot!("list_default", text);
}

#[test]
fn snapshots_list_from_and_tag() {
    let env = TestEnv::with_samples();
    let text = case(&env, &["list", "--from", "2025-01-01", "-t", "payments"]);
    insta::assert_snapshot!("list_from_and_tag", text);
}

#[test]
fn snapshots_show_default() {
    let env = TestEnv::with_samples();
    let text = case(&env, &["show", STRONG]);
    insta::assert_snapshot!("show_default", text);
}

#[test]
fn snapshots_show_raw() {
    let env = TestEnv::with_samples();
    let text = case(&env, &["show", "--raw", STRONG]);
    insta::assert_snapshot!("show_raw", text);
}

#[test]
fn snapshots_show_unknown_id() {
    let env = TestEnv::with_samples();
    let text = case(&env, &["show", "no-such-entry"]);
    insta::assert_snapshot!("show_unknown_id", text);
}

#[test]
fn snapshots_search_word() {
    let env = TestEnv::with_samples();
    let text = case(&env, &["search", "retry"]);
    insta::assert_snapshot!("search_word", text);
}

#[test]
fn snapshots_search_not() {
    let env = TestEnv::with_samples();
    let text = case(&env, &["search", "NOT", "retry"]);
    insta::assert_snapshot!("search_not", text);
}

#[test]
fn snapshots_coach_all() {
    let env = TestEnv::with_samples();
    let text = case(&env, &["coach"]);
    insta::assert_snapshot!("coach_all", text);
}

#[test]
fn snapshots_coach_one() {
    let env = TestEnv::with_samples();
    let text = case(&env, &["coach", WEAK]);
    insta::assert_snapshot!("coach_one", text);
}

#[test]
fn snapshots_coverage_default() {
    let env = TestEnv::with_samples();
    let text = case(&env, &["coverage"]);
    insta::assert_snapshot!("coverage_default", text);
}

#[test]
fn snapshots_ask_question() {
    let env = TestEnv::with_samples();
    let text = case(
        &env,
        &["ask", "Tell me about a time you disagreed with a decision"],
    );
    insta::assert_snapshot!("ask_question", text);
}

#[test]
fn snapshots_doctor_broken_and_misplaced() {
    let env = broken_vault();
    let text = case(&env, &["doctor"]);
    insta::assert_snapshot!("doctor_broken_and_misplaced", text);
}

#[test]
fn snapshots_reindex_broken_and_misplaced() {
    let env = broken_vault();
    let text = redact_timing(&case(&env, &["reindex"]));
    assert!(text.contains(" entries in [N] ms"), "{text}");
    insta::assert_snapshot!("reindex_broken_and_misplaced", text);
}

#[test]
fn snapshots_redact_timing_keeps_other_numbers() {
    assert_eq!(
        redact_timing("Indexed 16 entries in 12 ms; 1 files could not be read\ncut 420 ms\n"),
        "Indexed 16 entries in [N] ms; 1 files could not be read\ncut 420 ms\n"
    );
    assert_eq!(redact_timing("from 420 in 95 ms"), "from 420 in 95 ms");
}
