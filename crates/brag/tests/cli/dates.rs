//! Dates on every command that takes one: huge counts and far-off years are the usual
//! "not a date brag understands" usage error, never a panic, and change nothing (issue 11).

use proptest::prelude::*;

use crate::common::{TestEnv, stderr};

/// Every command line that takes a date, with `{}` where the date goes.
const DATE_COMMANDS: &[&[&str]] = &[
    &["add", "--date", "{}", "shipped the thing"],
    &["list", "--from", "{}"],
    &["list", "--to", "{}"],
    &["search", "--from", "{}", "thing"],
    &["search", "--to", "{}", "thing"],
    &["new", "--date", "{}"],
    &["import", "--dry-run", "--date", "{}", "[DOC]"],
    &["harvest", "git", "--from", "{}", "[WORK]"],
    &["harvest", "git", "--to", "{}", "[WORK]"],
    &["harvest", "git", "--since", "{}", "[WORK]"],
    &["harvest", "git", "--until", "{}", "[WORK]"],
];

fn args_with(env: &TestEnv, template: &[&str], date: &str) -> Vec<String> {
    let doc = env.root().join("doc.txt");
    if !doc.exists() {
        crate::common::write_file(&doc, b"S\nwe had a problem\nR\nit went away\n");
    }
    template
        .iter()
        .map(|a| match *a {
            "{}" => date.to_owned(),
            "[DOC]" => doc.display().to_string(),
            "[WORK]" => env.root().join("work").display().to_string(),
            a => a.to_owned(),
        })
        .collect()
}

#[test]
fn dates_huge_counts_and_far_years_are_usage_errors() {
    let env = TestEnv::new();
    let before = env.snapshot();
    for phrase in [
        "99999999999 days ago",
        "19999 years ago",
        "999999 days ago",
        "99999999999999999999 weeks ago",
        "1899-12-31",
        "2201-01-01",
    ] {
        for template in DATE_COMMANDS {
            let args = args_with(&env, template, phrase);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = env
                .cmd()
                .env("EDITOR", "true")
                .args(&args)
                .output()
                .expect("run brag");
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "brag {args:?}:\n{err}");
            assert!(
                err.contains("is not a date brag understands"),
                "brag {args:?}:\n{err}"
            );
        }
    }
    assert_eq!(env.snapshot(), before, "a refused date changed the vault");
    assert!(!env.path("misc").exists());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Random natural-date phrases with random numbers, through every date-taking command:
    /// brag answers (exit 0, 1 or 2), it never panics (101).
    #[test]
    fn dates_random_phrases_never_panic(
        n in prop_oneof![any::<i64>().prop_map(|n| n.to_string()), "[0-9]{1,24}", Just("0".to_owned())],
        unit in prop_oneof![Just("day"), Just("days"), Just("weeks"), Just("month"), Just("years")],
        y in 0u32..100_000,
        m in 0u32..100,
        shape in 0usize..6,
        which in 0usize..DATE_COMMANDS.len(),
    ) {
        let env = ENV.with(|e| e.clone());
        let phrase = match shape {
            0 => format!("{n} {unit} ago"),
            1 => format!("{y:04}-{m:02}-{:02}", m % 32),
            2 => format!("{y:04}-{m:02}"),
            3 => format!("Q{} {y}", m % 6),
            4 => format!("March {m} {y}"),
            _ => format!("{y}"),
        };
        let args = args_with(&env, DATE_COMMANDS[which], &phrase);
        let out = env.cmd().env("EDITOR", "true").args(&args).output().expect("run brag");
        let code = out.status.code();
        prop_assert!(matches!(code, Some(0..=2)), "brag {:?} exited {:?}:\n{}", args, code, stderr(&out));
        prop_assert!(!stderr(&out).contains("panicked"), "brag {:?}:\n{}", args, stderr(&out));
    }
}

thread_local! {
    /// One vault for every case of the property test: making one per case would cost a
    /// process per case for nothing.
    static ENV: std::rc::Rc<TestEnv> = std::rc::Rc::new(TestEnv::new());
}
