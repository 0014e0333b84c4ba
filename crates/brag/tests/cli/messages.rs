//! Messages a newcomer meets (issue 11): each says what is wrong and what to do, and
//! help reads as help.

use crate::common::{TestEnv, expect_code, stderr, write_file};

#[test]
fn messages_zero_limit_is_a_usage_error() {
    let env = TestEnv::new();
    env.ok(&["add", "a win"]);
    for args in [
        &["list", "-n", "0"][..],
        &["list", "--limit", "0"],
        &["search", "-n", "0", "win"],
        &["ask", "-n", "0", "a time you disagreed"],
    ] {
        let err = env.fails(args, 2);
        assert!(err.contains("at least 1"), "{args:?}: {err}");
        assert!(!err.contains("No entries"), "{args:?}: {err}");
    }
    assert_eq!(env.list_ids(&["-n", "1"]).len(), 1);
}

#[test]
fn messages_import_warnings_are_cut_to_a_line() {
    let env = TestEnv::new();
    let doc = env.root().join("long.txt");
    let long = "x".repeat(1 << 20);
    write_file(
        &doc,
        format!("{long}\nS\nthe situation\nR\nthe result, 3x faster\n").as_bytes(),
    );
    let doc = doc.to_str().expect("utf-8");
    for args in [&["import", "--dry-run", doc][..], &["import", doc]] {
        let out = env.run(args);
        expect_code(&out, 0, args);
        let err = stderr(&out);
        assert!(err.len() < 400, "{} bytes on stderr", err.len());
        assert!(err.contains("long.txt:1: "), "{err}");
        assert!(err.contains("…`: "), "the reason survives the cut: {err}");
    }
    // --json keeps the whole line: nothing is lost.
    let out = env.run(&["import", "--dry-run", "--json", doc]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let msg = v["warnings"][0]["message"].as_str().unwrap_or_default();
    assert!(msg.contains(&long), "the JSON warning lost the text");
}

#[test]
fn messages_empty_document_names_it_with_a_space() {
    let env = TestEnv::new();
    let doc = env.root().join("empty.txt");
    write_file(&doc, b"\n\n");
    let err = env.fails(&["import", doc.to_str().expect("utf-8")], 1);
    assert!(err.contains("empty.txt: the document is empty"), "{err}");
}

#[test]
fn messages_empty_brag_vault_counts_as_unset() {
    let env = TestEnv::bare();
    let out = env.run_env(&["list"], &[("BRAG_VAULT", "")]);
    expect_code(&out, 1, &["list"]);
    let err = env.norm(&stderr(&out));
    assert!(!err.contains("--vault <DIR>"), "{err}");
    assert!(err.contains("no vault at [ROOT]/xdg-data/brag"), "{err}");
    let out = env.run_env(&["add", "into the default vault"], &[("BRAG_VAULT", "")]);
    expect_code(&out, 0, &["add"]);
    assert!(env.root().join("xdg-data/brag/2026").is_dir());
}

#[test]
fn messages_vault_that_is_a_file() {
    let env = TestEnv::bare();
    let file = env.root().join("passwd");
    write_file(&file, b"root:x:0:0::/root:/bin/sh\n");
    let file = file.to_str().expect("utf-8");
    for args in [&["list"][..], &["add", "a win"], &["init"], &["doctor"]] {
        let out = env.run_env(args, &[("BRAG_VAULT", file)]);
        expect_code(&out, 1, args);
        let err = env.norm(&stderr(&out));
        assert!(
            err.contains("[ROOT]/passwd is a file, not a vault directory"),
            "{args:?}: {err}"
        );
        assert!(
            !err.contains("run `brag init` to make a vault here"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(file).expect("read"),
        "root:x:0:0::/root:/bin/sh\n"
    );
}

#[test]
fn messages_harvest_without_a_repository_says_so() {
    let env = TestEnv::new();
    let empty = env.root().join("no-repos");
    std::fs::create_dir_all(&empty).expect("mkdir");
    let err = env.fails(&["harvest", "git", empty.to_str().expect("utf-8")], 1);
    assert!(err.contains("no git repository in"), "{err}");
    assert!(!err.contains("whose commits"), "{err}");
    assert!(!err.contains("warning:"), "{err}");
}

#[test]
fn messages_coverage_unknown_framework_blames_the_flag() {
    let env = TestEnv::new();
    let err = env.fails(&["coverage", "-f", "nosuch"], 2);
    assert!(err.contains("no competency framework `nosuch`"), "{err}");
    assert!(
        err.contains("amazon-lp") && err.contains("engineering"),
        "{err}"
    );
    assert!(!err.contains("brag.toml"), "{err}");
}

#[test]
fn messages_help_examples_stand_on_their_own_lines() {
    let env = TestEnv::bare();
    let add = env.ok(&["add", "--help"]);
    assert!(
        add.contains(
            "Examples:\n  brag add \"cut p99 from 420 ms to 95 ms #perf\"\n  brag add --date"
        ),
        "{add}"
    );
    let import = env.ok(&["import", "--help"]);
    assert!(
        import.contains("\n  brag import --dry-run old-brag-doc.txt     # see what would be written\n  brag import old-brag-doc.txt notes.md\n"),
        "{import}"
    );
}

#[test]
fn messages_man_page_is_one_page_with_full_synopses() {
    let env = TestEnv::bare();
    let man = env.ok(&["man"]);
    assert!(!man.contains("(1)"), "refers to pages that do not exist");
    assert!(man.contains("\\-\\-vault\\fR \\fI<DIR>\\fR"), "{man}");
    assert!(
        man.contains("\\fBbrag init\\fR [\\fB\\-\\-git\\fR] \\fI[DIR]\\fR"),
        "{man}"
    );
}

#[test]
fn messages_demo_refuses_vault_and_dry_run_has_no_n() {
    let env = TestEnv::bare();
    let err = env.fails(&["--vault", "somewhere", "demo"], 2);
    assert!(err.contains("throwaway vault"), "{err}");
    let doc = env.root().join("doc.txt");
    write_file(&doc, b"S\nx\n");
    // `-n` is --limit (list, search, ask); dry runs are spelled out.
    env.fails(&["import", "-n", doc.to_str().expect("utf-8")], 2);
    env.fails(&["harvest", "git", "-n", "."], 2);
    assert!(!env.vault().exists());
}

#[test]
fn messages_demo_hints_work_where_brag_is_not_on_the_path() {
    let env = TestEnv::bare();
    let out = env.ok(&["demo"]);
    let brag = env!("CARGO_BIN_EXE_brag");
    assert!(out.contains(&format!("{brag} coverage")), "{out}");
    assert!(!out.contains("\n                 brag "), "{out}");
    let dir = out
        .lines()
        .find_map(|l| l.strip_prefix("Keep exploring:  export BRAG_VAULT="))
        .expect("the demo vault");
    // The tour ends with this week's update and a review packet to open.
    assert!(out.contains("$ brag report week\n# Week "), "{out}");
    let packet = std::path::Path::new(dir).join("review.html");
    let html = std::fs::read_to_string(&packet).expect("the demo's review packet");
    assert!(html.contains("Request hedging in rivet"), "{html}");
    let _ = std::fs::remove_dir_all(dir);
}
