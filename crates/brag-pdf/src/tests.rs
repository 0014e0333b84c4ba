//! Renders hand-built reports of every kind and reads the PDFs back with poppler
//! (`pdftotext`, `pdfinfo`), as a reader's viewer would.

#![allow(clippy::disallowed_methods)] // Scratch PDFs for poppler and samples, not vault files.

mod sample;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use brag_core::report::Report;

use super::*;

/// Returns the PDF's text as pdftotext extracts it, whitespace collapsed so that a title
/// wrapped over two lines still reads as one string.
fn text_of(pdf: &[u8]) -> String {
    let raw = poppler("pdftotext", pdf, &["-"]);
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Returns the page count pdfinfo reports.
fn pages_of(pdf: &[u8]) -> usize {
    poppler("pdfinfo", pdf, &[])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// Runs a poppler tool on the PDF (written to a temporary file) and returns its stdout.
fn poppler(tool: &str, pdf: &[u8], args: &[&str]) -> String {
    // One file per call: the tests run in parallel.
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let path = std::env::temp_dir().join(format!(
        "brag-pdf-test-{}-{}.pdf",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, pdf).expect("the PDF written");
    let out = Command::new(tool).arg(&path).args(args).output();
    let _ = std::fs::remove_file(&path);
    let out = out.unwrap_or_else(|e| panic!("{tool} runs (install poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn render_ok(report: &Report) -> Vec<u8> {
    let pdf = render(report).unwrap_or_else(|e| panic!("{} renders: {e}", report.kind()));
    assert!(pdf.starts_with(b"%PDF"), "{} is a PDF", report.kind());
    pdf
}

fn assert_contains(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(text.contains(w), "the PDF text holds {w:?}:\n{text}");
    }
}

/// Returns how many times a string appears in the PDF's text.
fn count(text: &str, s: &str) -> usize {
    text.matches(s).count()
}

#[test]
fn pdf_doc_sections_and_entries() {
    let pdf = render_ok(&sample::doc(true));
    let text = text_of(&pdf);
    assert_contains(
        &text,
        &[
            "Brag document 2026",
            "1 Jan 2026 – 31 Dec 2026",
            "11 entries",
            "Goals for this period",
            "Projects",
            "Checkout reliability",
            "Search",
            "Other work",
            "Collaboration & mentorship",
            "Design & documentation",
            "Company building",
            "What I learned",
            "Outside of work",
            "Feedback received",
            "Retry budget for the payment provider",
            "14 Mar 2026",
            "checkout errors 3% → 0.4%",
            "acme/shop#4812",
            "Nothing recorded for this period.",
            "Page 1 of",
        ],
    );
    assert_eq!(count(&text, sample::HOSTILE), 1, "{text}");
    assert!((2..=6).contains(&pages_of(&pdf)));
}

#[test]
fn pdf_review_totals_groups_links_and_todo() {
    let pdf = render_ok(&sample::review(true));
    let text = text_of(&pdf);
    assert_contains(
        &text,
        &[
            "Review 2026-05-26 to 2026-11-25",
            "At a glance",
            "Entries per month",
            "Highlights",
            "Search p95 from 1.8 s to 420 ms",
            "By project",
            "By competency",
            "Hire and Develop the Best",
            "Evidence",
            "PAY-311",
            "Needs work",
            "The result has no number.",
        ],
    );
    // In the project groups, the evidence and the todo list.
    assert_eq!(count(&text, sample::HOSTILE), 3, "{text}");
}

/// Past `COMPACT_OVER` entries a review is an index: every entry named, every link kept
/// and followable, only a competency's strongest named, the weakest todos in full.
#[test]
fn pdf_long_review_is_an_index_with_every_link() {
    let n = COMPACT_OVER + 50;
    let Report::Review(review) = sample::big_review(n) else {
        unreachable!("a review")
    };
    let pdf = render_ok(&Report::Review(review.clone()));
    let text = text_of(&pdf);
    assert_contains(
        &text,
        &[
            "Entries per year",
            "too many to set in full",
            "Checkout",
            "strongest",
            "And 175 more",
        ],
    );
    assert!(
        !text.contains("Evidence"),
        "the links are with their entries"
    );
    // Every entry is named under its project (and the first 30 of each competency again).
    for e in review.by_project.iter().flat_map(|g| &g.entries) {
        assert!(
            text.contains(&e.entry.title),
            "{} is in the PDF",
            e.entry.title
        );
    }
    // Every link is there and can be followed.
    let urls = poppler("pdfinfo", &pdf, &["-url"]);
    for l in &review.links {
        assert!(
            urls.contains(&l.link.url),
            "{} is a link in the PDF",
            l.link.url
        );
    }
    // A competency of more than 30 names its 30 strongest, stories first.
    assert_eq!(count(&text, "The 30 strongest"), 4, "{text}");
    // Some 170 pages for 10,000 entries; 450 take a few dozen, not the hundreds that
    // every entry in full would.
    assert!(pages_of(&pdf) < 40, "{} pages", pages_of(&pdf));
}

#[test]
fn pdf_week_fits_a_page() {
    let pdf = render_ok(&sample::week(true));
    let text = text_of(&pdf);
    assert_contains(
        &text,
        &[
            "Week 48, 2026",
            "Shipped",
            "Learned",
            "Thanks",
            "priya",
            "Next",
            "Lead a cross-team project",
            sample::HOSTILE,
        ],
    );
    assert_eq!(pages_of(&pdf), 1);
}

#[test]
fn pdf_resume_recent_then_older() {
    let pdf = render_ok(&sample::resume(true));
    let text = text_of(&pdf);
    assert_contains(
        &text,
        &["Recent work", "Earlier highlights", sample::HOSTILE],
    );
    let recent = text.find("Cut search p95").unwrap_or(usize::MAX);
    let older = text.find("Migrated 140 services").unwrap_or(0);
    assert!(recent < older, "recent bullets come first: {text}");
    assert_eq!(pages_of(&pdf), 1);
}

#[test]
fn pdf_interview_cards_and_gaps() {
    let pdf = render_ok(&sample::interview(true));
    let text = text_of(&pdf);
    assert_contains(
        &text,
        &[
            "Interview story bank",
            "Ownership",
            "Deliver Results",
            "Retry budget for the payment provider",
            "Metric:",
            "min to tell",
            "Gaps",
            "Have Backbone; Disagree and Commit",
            "Tell me about a time you strongly disagreed with your manager.",
            sample::HOSTILE,
        ],
    );
}

#[test]
fn pdf_empty_reports_are_one_page_that_says_so() {
    for (name, report) in sample::all()
        .into_iter()
        .filter(|(n, _)| n.ends_with("-empty"))
    {
        let pdf = render_ok(&report);
        let text = text_of(&pdf);
        assert_contains(&text, &[&report.header().title, "0 entries"]);
        assert!(
            text.contains("No ") || text.contains("Nothing"),
            "{name} says it is empty: {text}"
        );
        assert_eq!(pages_of(&pdf), 1, "{name}");
    }
}

#[test]
fn pdf_user_text_is_never_markup() {
    // The report title itself, and a period with open ends.
    let mut report = sample::resume(true);
    if let Report::Resume(r) = &mut report {
        r.header.title = format!("{} ]] [ \\", sample::HOSTILE);
    }
    let text = text_of(&render_ok(&report));
    assert_contains(
        &text,
        &[&format!("{} ]] [ \\", sample::HOSTILE), "All time"],
    );
}

#[test]
fn pdf_links_only_to_web_and_mail_addresses() {
    let pdf = render_ok(&sample::review(true));
    let urls = poppler("pdfinfo", &pdf, &["-url"]);
    assert!(urls.contains("https://example.com/#panic()"), "{urls}");
    assert!(urls.contains("https://"), "{urls}");
    // Shown as text, never a link a viewer would follow.
    assert!(!urls.contains("javascript:"), "{urls}");
    assert_contains(&text_of(&pdf), &["javascript:alert(1)"]);
}

#[test]
fn pdf_world_fetches_no_package_and_reads_no_file() {
    for (main, what) in [
        ("#import \"@preview/cetz:0.4.0\": canvas", "package"),
        ("#read(\"/etc/passwd\")", "/etc/passwd"),
        ("#image(\"../../../../etc/hostname\")", "hostname"),
    ] {
        match world::compile(main, b"{}".to_vec()) {
            Err(PdfError::Layout(msg)) => {
                assert!(
                    msg.contains("not found") || msg.contains(what),
                    "{main}: {msg}"
                )
            }
            other => panic!("{main} is refused, got {other:?}"),
        }
    }
}

/// Returns where `samples` writes: `$BRAG_PDF_SAMPLES`, or `target/pdf-samples`.
fn samples_dir() -> PathBuf {
    std::env::var_os("BRAG_PDF_SAMPLES")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/pdf-samples"))
}

/// Writes every sample as a PDF, to look at: `cargo test -p brag-pdf -- --ignored samples`,
/// then `pdftoppm -png -r 70 target/pdf-samples/review.pdf /tmp/review`.
#[test]
#[ignore = "writes files to look at"]
fn samples() {
    let dir = samples_dir();
    std::fs::create_dir_all(&dir).expect("the samples directory");
    for (name, report) in sample::all() {
        let pdf = render_ok(&report);
        std::fs::write(dir.join(format!("{name}.pdf")), &pdf).expect("a sample written");
    }
}

/// Renders a review of 10,000 entries (slow in a debug build; time it with `--release`).
#[test]
#[ignore = "slow in a debug build"]
fn pdf_review_of_10000_entries() {
    let report = sample::big_review(10_000);
    let started = std::time::Instant::now();
    let pdf = render_ok(&report);
    eprintln!(
        "10,000-entry review: {} KB, {} pages, rendered in {:?}",
        pdf.len() / 1024,
        pages_of(&pdf),
        started.elapsed()
    );
    if std::env::var_os("BRAG_PDF_SAMPLES").is_some() {
        let dir = samples_dir();
        std::fs::write(dir.join("review-10000.pdf"), &pdf).expect("written");
        let data = data_of(&report).expect("the data");
        std::fs::write(dir.join("review-10000.json"), data).expect("written");
    }
}

/// Lays out the data file from `BRAG_PDF_JSON` (the JSON as the templates read it, such
/// as the `review-10000.json` that `pdf_review_of_10000_entries` writes with
/// `BRAG_PDF_SAMPLES`) and prints how long layout and export took; `BRAG_PDF_TEMPLATES`
/// tries the templates of a directory instead of the built-in ones, without a rebuild:
/// `cargo test --release -p brag-pdf probe -- --ignored --nocapture`.
#[test]
#[ignore = "a probe, run by hand"]
fn probe_json_file() {
    let Some(path) = std::env::var_os("BRAG_PDF_JSON") else {
        return;
    };
    let json = std::fs::read(path).expect("the JSON");
    let data = json;
    // BRAG_PDF_TEMPLATES: a directory of templates to try instead of the built-in ones.
    let dir = std::env::var_os("BRAG_PDF_TEMPLATES").map(std::path::PathBuf::from);
    let read = |name: &str, builtin: &str| match &dir {
        Some(d) => std::fs::read_to_string(d.join(name)).expect("a template"),
        None => builtin.to_owned(),
    };
    let main = read("main.typ", world::MAIN_TEMPLATE);
    let owned: Vec<(&str, String)> = world::TEMPLATES
        .iter()
        .map(|(name, text)| (*name, read(name, text)))
        .collect();
    let templates: Vec<(&str, &str)> = owned.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let started = std::time::Instant::now();
    let document = world::lay_out(&main, &templates, data).expect("a layout");
    let laid_out = started.elapsed();
    let pdf = world::export(&document).expect("a PDF");
    eprintln!(
        "{} pages: laid out in {laid_out:?}, exported in {:?}",
        pages_of(&pdf),
        started.elapsed() - laid_out
    );
    if let Some(out) = std::env::var_os("BRAG_PDF_OUT") {
        std::fs::write(out, &pdf).expect("the PDF written");
    }
}

#[test]
fn long_runs_get_break_points_and_nothing_else_changes() {
    assert_eq!(breakable("Cut p99 from 840 ms to 310 ms"), None);
    let path = "gs://acme-legacy-build-cache/europe_west4_0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f";
    let broken = breakable(&format!("Deleted {path} today")).expect("a long run");
    assert_eq!(
        broken.replace('\u{200B}', ""),
        format!("Deleted {path} today")
    );
    assert!(
        broken.starts_with("Deleted gs://\u{200B}acme-\u{200B}"),
        "{broken}"
    );
    // No run of more than 20 characters is left without a break point.
    for piece in broken.split(|c: char| c == '\u{200B}' || c.is_whitespace()) {
        assert!(piece.chars().count() <= 20, "{piece:?} in {broken}");
    }
    // Addresses and ids keep their characters; labels and titles get the breaks.
    let mut data = serde_json::json!({
        "url": path, "id": path, "title": path, "links": [{"url": path, "label": path}]
    });
    add_breaks(&mut data, None);
    assert_eq!(data["url"], path);
    assert_eq!(data["id"], path);
    assert_eq!(data["links"][0]["url"], path);
    assert_ne!(data["title"], path);
    assert_ne!(data["links"][0]["label"], path);
}
