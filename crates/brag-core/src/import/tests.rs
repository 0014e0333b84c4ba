//! Tests shared by every importer: the "no line lost" property and the examples.

use super::*;
use proptest::prelude::*;

/// Returns the import as `brag import --dry-run --json` prints it.
pub(crate) fn dry_run_json(import: &Import) -> String {
    serde_json::to_string_pretty(import).expect("serializes")
}

pub(crate) fn opts_with<'a>(catalogue: &'a Catalogue, sections: &'a SectionNames) -> Options<'a> {
    Options {
        catalogue,
        sections,
        date: None,
        today: jiff::civil::date(2026, 11, 25),
    }
}

#[test]
fn link_line_cases() {
    assert_eq!(
        link_line("Design doc: https://a.io/x FAQ: https://b.io/y"),
        Some((
            vec!["https://a.io/x".to_owned(), "https://b.io/y".to_owned()],
            "Design doc FAQ".to_owned()
        ))
    );
    assert!(
        link_line(
            "we shipped the thing and wrote about it at length in https://a.io/x for everyone"
        )
        .is_none()
    );
    assert!(link_line("no links here").is_none());
}

#[test]
fn detect_formats() {
    let star = include_str!("../../../../fixtures/import/star-notes.txt");
    let md = include_str!("../../../../fixtures/import/brag-doc.md");
    assert_eq!(detect(star), Format::StarText);
    assert_eq!(detect(md), Format::Markdown);
    assert_eq!(detect("{\"entries\": []}"), Format::Jrnl);
}

#[test]
fn refuses_binary_and_empty() {
    let cat = Catalogue::builtin();
    let names = SectionNames::default();
    let opts = opts_with(&cat, &names);
    assert!(import("abc\0def", Format::StarText, &opts).is_err());
    assert!(import("  \n\n ", Format::StarText, &opts).is_err());
}

proptest! {
    #[test]
    fn importers_never_panic(text in "\\PC{0,300}", f in 0usize..5) {
        let cat = Catalogue::builtin();
        let names = SectionNames::default();
        let opts = opts_with(&cat, &names);
        let _ = import(&text, Format::ALL[f], &opts);
    }
}

/// Returns the lines of `text` that the import lost: the rule of
/// `fixtures/import/check_import.py`, in Rust. A line counts as kept when its text (bullet
/// marker and spaces stripped, whitespace collapsed, case folded) appears in some entry or
/// warning; structure lines (`S`, `metrics`, `## …`) need not appear.
pub(crate) fn lost_lines(text: &str, import: &Import) -> Vec<usize> {
    lost_lines_with(text, import, &SectionNames::default())
}

/// Returns the lines lost, with the user's section names counted as structure too. Unlike
/// the Python checker, emphasis (`**`) and numbered markers (`1.`) are not text.
pub(crate) fn lost_lines_with(text: &str, import: &Import, names: &SectionNames) -> Vec<usize> {
    const MARKERS: &[&str] = &[
        "s",
        "t",
        "a",
        "r",
        "situation",
        "task",
        "action",
        "result",
        "metrics",
        "summary",
        "links",
        "lessons learned",
        "lessons",
        "extra info",
        "notes",
        "goods",
        "bads",
        "failures",
        "-",
        "",
    ];
    fn norm(s: &str) -> String {
        s.replace('*', "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }
    fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let json = serde_json::to_value(import).expect("serializes");
    let mut all = Vec::new();
    for e in json["entries"].as_array().into_iter().flatten() {
        let mut parts = Vec::new();
        strings(e, &mut parts);
        all.push(norm(&parts.join(" ")));
    }
    for w in json["warnings"].as_array().into_iter().flatten() {
        let mut parts = Vec::new();
        strings(w, &mut parts);
        all.push(norm(&parts.join(" ")));
    }
    let everything = all.join(" ");
    let mut lost = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let t = line.trim().trim_start_matches(['-', '•', '*']).trim();
        let t = strip_marker(t).unwrap_or(t).trim();
        let n = norm(t);
        let label = normalize_label(t);
        if MARKERS.contains(&n.trim_end_matches(':'))
            || t.starts_with('#')
            || names.get(&label).is_some()
        {
            continue;
        }
        if everything.contains(&n) {
            continue;
        }
        if let Some((head, why)) = t.replace('*', "").split_once(": ")
            && head.chars().count() <= 40
            && everything.contains(&norm(why))
        {
            continue;
        }
        lost.push(i + 1);
    }
    lost
}

#[test]
fn titles_drop_trailing_tags_and_people() {
    let cat = Catalogue::builtin();
    let names = SectionNames::default();
    let opts = opts_with(&cat, &names);
    let md = "## Projects\n- Led the incident review for the outage #incident @priya\n";
    let e = &import(md, Format::Markdown, &opts)
        .expect("imports")
        .entries[0]
        .entry;
    assert_eq!(e.title, "Led the incident review for the outage");
    assert_eq!(e.tags, ["projects", "incident"]);
    assert_eq!(e.people, ["priya"]);
}
