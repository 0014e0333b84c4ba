//! `brag import` against the truths: one case per document in `fixtures/import/`, each
//! checked by `fixtures/import/check_import.py` against `NAME.expected.json` beside it.
//!
//! A new document needs a truth and a line in `cases!` below;
//! `import_data_every_document_has_a_truth_and_a_case` fails until it has both.
//!
//! The checker's "no line lost" check reads the document line by line, which is what an
//! import keeps for text (`.txt`, `.md`, `.org`, `.rst`). A line of JSON or CSV is syntax (`"title": "…",`
//! or a whole row), never kept verbatim, so for those documents that one shortfall is not
//! counted; their truths say with `contains` which values must survive instead. Every other
//! shortfall (count, stories, kinds, dates, tags, people, links, metrics, titles) counts.

use std::path::Path;

use crate::common::{check_import, import_fixture};

/// The extensions of the documents in `fixtures/import/`.
const DOCUMENTS: &[&str] = &["txt", "md", "json", "csv", "org", "rst"];

/// The extensions whose lines are syntax, not text an import keeps (see the module doc).
const STRUCTURED: &[&str] = &["json", "csv"];

/// Returns the truth beside a document: `NAME.expected.json` for `NAME.EXT`.
fn truth_name(doc: &str) -> String {
    let stem = doc.rsplit_once('.').map_or(doc, |(stem, _)| stem);
    format!("{stem}.expected.json")
}

/// Returns the names of the files in `fixtures/import/`, sorted.
fn fixture_names() -> Vec<String> {
    let dir = import_fixture("");
    let mut out: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read dir {}: {e}", dir.display()))
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    out.sort();
    out
}

/// Returns the documents in `fixtures/import/` (truths excluded), sorted.
fn documents() -> Vec<String> {
    fixture_names()
        .into_iter()
        .filter(|name| !name.ends_with(".expected.json"))
        .filter(|name| {
            Path::new(name)
                .extension()
                .is_some_and(|x| DOCUMENTS.iter().any(|d| x == *d))
        })
        .collect()
}

/// Runs the import of one document and its checker; fails listing the shortfalls.
fn check(doc: &str) {
    let truth = import_fixture(&truth_name(doc));
    assert!(
        truth.is_file(),
        "{doc} has no truth: write {}",
        truth.display()
    );
    let result = check_import(&import_fixture(doc), &truth);
    let structured = Path::new(doc)
        .extension()
        .is_some_and(|x| STRUCTURED.iter().any(|s| x == *s));
    let counted: Vec<&str> = result
        .shortfalls()
        .into_iter()
        .filter(|s| !(structured && s.starts_with("lost ") && s.contains(" source lines")))
        .collect();
    assert!(
        counted.is_empty(),
        "check_import.py found shortfalls in the import of {doc}:\n{}\n\nits whole report:\n{}",
        counted.join("\n"),
        result.report
    );
    if !structured {
        assert!(result.ok, "{doc}:\n{}", result.report);
        assert!(result.report.contains(" 0 lines lost"), "{}", result.report);
    }
}

/// Writes one `#[test]` per document, and `CASES`, the documents they cover.
macro_rules! cases {
    ($($(#[$attr:meta])* $test:ident => $doc:literal,)*) => {
        /// The documents that have a test below.
        const CASES: &[&str] = &[$($doc),*];
        $(
            #[test]
            $(#[$attr])*
            fn $test() {
                check($doc);
            }
        )*
    };
}

cases! {
    import_data_brag_2025_org => "brag-2025.org",
    import_data_brag_doc => "brag-doc.md",
    import_data_dated_wins_log => "dated-wins-log.md",
    import_data_details_notion => "details-notion.md",
    import_data_details_stories => "details-stories.md",
    import_data_es_historias => "es-historias.md",
    import_data_fenced_export => "fenced-export.md",
    import_data_jekyll_links => "jekyll-links.md",
    import_data_jrnl_export => "jrnl-export.json",
    import_data_lp_bullets => "lp-bullets.md",
    import_data_lp_story_bank => "lp-story-bank.md",
    import_data_pt_historias => "pt-historias.md",
    import_data_quarterly_log => "quarterly-log.md",
    import_data_rst_story_bank => "rst-story-bank.rst",
    import_data_standup_log => "standup-log.txt",
    import_data_star_notes => "star-notes.txt",
    import_data_stories_csv => "stories.csv",
    import_data_story_bank => "story-bank.txt",
    import_data_talk_notes => "talk-notes.txt",
    import_data_weekly_preamble => "weekly-preamble.md",
    import_data_wins_2024_rst => "wins-2024.rst",
    import_data_wins_csv => "wins.csv",
    import_data_wins_dated => "wins-dated.md",
    import_data_wins_log => "wins-log.md",
    import_data_wins_vs_steps => "wins-vs-steps.md",
    import_data_work_log_org => "work-log.org",
    import_data_worklog_daily => "worklog-daily.md",
}

#[test]
fn import_data_every_document_has_a_truth_and_a_case() {
    let docs = documents();
    assert!(
        docs.len() >= CASES.len(),
        "fewer documents than cases: {docs:?}"
    );
    let mut missing = Vec::new();
    let mut truths = Vec::new();
    for doc in &docs {
        let truth = truth_name(doc);
        if !import_fixture(&truth).is_file() {
            missing.push(format!("{doc}: no truth {truth}"));
        }
        if truths.contains(&truth) {
            missing.push(format!(
                "{doc}: {truth} is already another document's truth"
            ));
        }
        truths.push(truth);
        if !CASES.contains(&doc.as_str()) {
            missing.push(format!("{doc}: no case in import_data.rs `cases!`"));
        }
    }
    for name in fixture_names() {
        if name.ends_with(".expected.json") && !truths.contains(&name) {
            missing.push(format!("{name}: a truth for no document"));
        }
    }
    for case in CASES {
        if !docs.iter().any(|d| d == case) {
            missing.push(format!("{case}: a case for a document that is not there"));
        }
    }
    assert!(
        missing.is_empty(),
        "fixtures/import/ and the cases below are out of step:\n{}",
        missing.join("\n")
    );
}
