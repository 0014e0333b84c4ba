//! `brag report`: every kind in Markdown and JSON on the sample vault, files written with
//! -o, HTML and PDF kept off a terminal, and bad input that writes nothing.

use crate::common::{TestEnv, expect_code, on_terminal, stderr, stdout};

const KINDS: [&str; 5] = ["doc", "review", "week", "resume", "interview"];

#[test]
fn report_every_kind_as_markdown_and_json() {
    let env = TestEnv::with_samples();
    for kind in KINDS {
        let md = env.ok(&["report", kind]);
        assert!(md.starts_with("# "), "brag report {kind}:\n{md}");
        assert!(!md.contains('<'), "HTML in the Markdown of {kind}:\n{md}");
        let v = env.json(&["report", kind, "--format", "json"]);
        assert_eq!(v["report"], kind, "{v}");
        assert!(
            v["title"].is_string() && v["generated"] == "2026-11-25",
            "{v}"
        );
    }
    // The sample vault's stories are in the doc and the review; the resume has bullets.
    let doc = env.ok(&[
        "report",
        "doc",
        "--from",
        "2024-01-01",
        "--to",
        "2026-12-31",
    ]);
    assert!(doc.contains("Request hedging in rivet"), "{doc}");
    let resume = env.json(&["report", "resume", "-f", "json", "-n", "3"]);
    let bullets = resume["recent"].as_array().map_or(0, Vec::len)
        + resume["older"].as_array().map_or(0, Vec::len);
    assert!((1..=3).contains(&bullets), "{resume}");
}

#[test]
fn report_to_a_file_takes_the_format_from_its_name() {
    let env = TestEnv::with_samples();
    let dir = env.root().join("out");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for (name, starts) in [
        ("review.html", "<!DOCTYPE html>"),
        ("review.json", "{"),
        ("review.md", "# Review"),
    ] {
        let path = dir.join(name);
        let out = env.run(&["report", "review", "-o", path.to_str().expect("utf-8")]);
        expect_code(&out, 0, &["report", "review", "-o", name]);
        assert_eq!(stdout(&out), "", "-o writes nothing to stdout");
        assert!(stderr(&out).contains("Wrote Review:"), "{}", stderr(&out));
        let text = std::fs::read_to_string(&path).expect("read the report");
        assert!(
            text.starts_with(starts),
            "{name}: {}",
            &text[..text.len().min(80)]
        );
    }
    // No temporary file is left beside them.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn report_html_goes_to_a_pipe_but_not_to_a_terminal() {
    let env = TestEnv::with_samples();
    let html = env.ok(&["report", "week", "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    let shown = on_terminal(&env, &["report", "week", "--format", "html"], "");
    assert!(shown.contains("write it to a file"), "{shown}");
    assert!(!shown.contains("<!DOCTYPE"), "{shown}");
    let md = on_terminal(&env, &["report", "week"], "");
    assert!(md.contains("# Week 48, 2026"), "{md}");
}

#[test]
fn report_bad_input_is_a_usage_error_that_writes_nothing() {
    let env = TestEnv::with_samples();
    let out = env.root().join("never.md");
    let o = out.to_str().expect("utf-8");
    for args in [
        &["report", "weekly", "-o", o][..],
        &["report", "week", "--format", "docx", "-o", o],
        &[
            "report",
            "review",
            "--from",
            "2026-06-01",
            "--to",
            "2026-01-01",
            "-o",
            o,
        ],
        &["report", "review", "--last", "-o", o],
        &["report", "week", "--limit", "3", "-o", o],
        &["report", "doc", "--no-todo", "-o", o],
        &["report", "week", "--from", "someday", "-o", o],
    ] {
        let err = env.fails(args, 2);
        assert!(err.starts_with("error:"), "{args:?}: {err}");
    }
    assert!(!out.exists(), "a refused report wrote a file");
    let err = env.fails(
        &[
            "report",
            "review",
            "--from",
            "2026-06-01",
            "--to",
            "2026-01-01",
        ],
        2,
    );
    assert!(err.contains("after"), "{err}");
}

#[test]
fn report_into_a_missing_directory_says_so() {
    let env = TestEnv::with_samples();
    let path = env.root().join("no/such/dir/review.md");
    let err = env.fails(
        &["report", "review", "-o", path.to_str().expect("utf-8")],
        1,
    );
    assert!(err.contains("no directory"), "{err}");
    assert!(err.contains("no/such/dir"), "{err}");
}

#[test]
fn report_an_empty_period_says_so() {
    let env = TestEnv::with_samples();
    for kind in KINDS {
        let md = env.ok(&["report", kind, "--from", "1990-01-01", "--to", "1990-12-31"]);
        assert!(md.to_lowercase().contains("no entries"), "{kind}:\n{md}");
        assert!(md.lines().count() <= 6, "{kind} is not short:\n{md}");
    }
}

#[test]
fn report_without_a_vault_hints_init() {
    let env = TestEnv::bare();
    let err = env.fails(&["report", "week"], 1);
    assert!(err.contains("brag init"), "{err}");
}
