//! `brag report`: every kind in Markdown and JSON on the sample vault, HTML parsed and PDF read
//! back with poppler, files written with -o, HTML and PDF kept off a terminal, and bad input
//! that writes nothing.

use crate::common::{TestEnv, expect_code, on_terminal, stderr, stdout};

const KINDS: [&str; 5] = ["doc", "review", "week", "resume", "interview"];

/// A title, project, tag and person that are HTML and typst markup, in a strong story of this
/// week that every report's default period holds.
const HOSTILE_TITLE: &str = r#"<script>alert(1)</script> fixed the "login" & #[sys.exit()] bug"#;
const HOSTILE: &str = r#"---
title: "<script>alert(1)</script> fixed the \"login\" & #[sys.exit()] bug"
date: 2026-11-24
kind: story
tags: [security, "<b>bold</b>"]
competencies: [deliver-results, dive-deep]
project: "<img src=x onerror=alert(1)>"
people: ["<u>ana</u>"]
links:
  - "https://example.com/pr/42?a=<x>&b=1"
  - "javascript:alert(1)"
---

## Situation
Logins failed for 4.1% of users after the <iframe src=x> release; `#set page(width: 1cm)` was logged.

## Task
I owned the fix before the Friday deadline.

## Action
- Traced the failure to a cookie parser and wrote a regression suite of 40 cases.
- Shipped a patch behind a flag, then removed the flag a week later.

## Result
Login errors fell from 4.1% to 0.2% within a day, and the suite caught 3 later regressions.

## Metrics
- login errors: 4.1% → 0.2%
"#;

/// Returns the sample vault with the hostile story in it.
fn with_hostile() -> TestEnv {
    let env = TestEnv::with_samples();
    env.write_entry("2026/2026-11-24-hostile.md", HOSTILE);
    env
}

/// Writes the report to a file in the test's directory and returns its bytes.
fn report_file(env: &TestEnv, args: &[&str], name: &str) -> Vec<u8> {
    let path = env.root().join(name);
    let mut all = args.to_vec();
    all.extend(["-o", path.to_str().expect("utf-8")]);
    let out = env.run(&all);
    expect_code(&out, 0, &all);
    std::fs::read(&path).unwrap_or_else(|e| panic!("read {name}: {e}"))
}

/// Runs a poppler tool on a PDF file and returns its stdout (scripts/test installs poppler).
fn poppler(tool: &str, path: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new(tool)
        .arg(path)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs (install poppler-utils): {e}"));
    assert!(out.status.success(), "{tool}: {}", stderr(&out));
    stdout(&out)
}

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

#[test]
fn report_html_shows_user_text_as_text_and_loads_nothing() {
    let env = with_hostile();
    for kind in KINDS {
        let html = env.ok(&["report", kind, "--format", "html"]);
        let page = scraper::Html::parse_document(&html);
        assert!(html.starts_with("<!DOCTYPE html>"), "{kind}");
        let text: String = page.root_element().text().collect();
        let wanted = if kind == "resume" {
            "4.1% to 0.2%"
        } else {
            HOSTILE_TITLE
        };
        assert!(text.contains(wanted), "{kind}: {wanted:?} not in the text");
        // No element the user's text could have made, and nothing loaded from anywhere.
        for tag in [
            "script", "iframe", "img", "b", "u", "link", "object", "embed",
        ] {
            let sel = scraper::Selector::parse(tag).expect("selector");
            assert_eq!(page.select(&sel).count(), 0, "{kind}: a <{tag}> element");
        }
        let any = scraper::Selector::parse("*").expect("selector");
        for el in page.select(&any) {
            for (name, value) in el.value().attrs() {
                assert!(!name.starts_with("on"), "{kind}: {name}={value:?}");
                assert_ne!(name, "src", "{kind}: src={value:?}");
                if name == "href" {
                    assert!(
                        ["#", "https://", "http://", "mailto:"]
                            .iter()
                            .any(|p| value.starts_with(p)),
                        "{kind}: href={value:?}"
                    );
                }
            }
        }
        assert!(!html.contains("url("), "{kind}: CSS that loads a URL");
    }
    // Evidence links are kept, their address whole; the javascript: one is shown, not linked.
    let review = env.ok(&["report", "review", "--format", "html"]);
    let page = scraper::Html::parse_document(&review);
    let links = scraper::Selector::parse("a[href^=http]").expect("selector");
    let hrefs: Vec<&str> = page
        .select(&links)
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(
        hrefs.contains(&"https://example.com/pr/42?a=<x>&b=1"),
        "{hrefs:?}"
    );
    let text: String = page.root_element().text().collect();
    assert!(text.contains("javascript:alert(1)"));
}

#[test]
fn report_pdf_of_every_kind_reads_back_as_text() {
    let env = with_hostile();
    for kind in KINDS {
        let name = format!("{kind}.pdf");
        let pdf = report_file(&env, &["report", kind], &name);
        assert!(pdf.starts_with(b"%PDF"), "{kind} is a PDF");
        let path = env.root().join(&name);
        let text = poppler("pdftotext", &path, &["-"]);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let wanted = if kind == "resume" {
            "4.1% to 0.2%"
        } else {
            HOSTILE_TITLE
        };
        assert!(text.contains(wanted), "{kind}: {wanted:?} not in\n{text}");
        assert!(text.contains("Page 1 of"), "{kind}: page numbers\n{text}");
        let urls = poppler("pdfinfo", &path, &["-url"]);
        assert!(!urls.contains("javascript:"), "{kind}: {urls}");
    }
    // The review's todo part is there unless --no-todo drops it.
    let all = ["report", "review", "--from", "2024-01-01"];
    report_file(&env, &all, "all.pdf");
    let todo = poppler("pdftotext", &env.root().join("all.pdf"), &["-"]);
    assert!(todo.contains("Needs work"), "{todo}");
    report_file(&env, &[&all[..], &["--no-todo"]].concat(), "shared.pdf");
    let shared = poppler("pdftotext", &env.root().join("shared.pdf"), &["-"]);
    assert!(!shared.contains("Needs work"), "{shared}");
    // A PDF is binary: it asks for a file rather than fill a terminal.
    let shown = on_terminal(&env, &["report", "week", "--format", "pdf"], "");
    assert!(shown.contains("write it to a file"), "{shown}");
}
