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
