use super::super::tests::opts_with;
use super::super::{Format, SectionNames, import as run};
use crate::framework::Catalogue;

fn stories(text: &str) -> Vec<crate::entry::Entry> {
    let cat = Catalogue::builtin();
    let names = SectionNames::default();
    let opts = opts_with(&cat, &names);
    run(text, Format::StarText, &opts)
        .expect("imports")
        .entries
        .into_iter()
        .map(|i| i.entry)
        .collect()
}

#[test]
fn dump_example_for_checker() {
    let cat = Catalogue::builtin();
    let names = SectionNames::default();
    let opts = opts_with(&cat, &names);
    let text = include_str!("../../../../../fixtures/import/star-notes.txt");
    let import = run(text, Format::StarText, &opts).expect("imports");
    if let Ok(path) = std::env::var("BRAG_DUMP") {
        std::fs::write(path, super::super::tests::dry_run_json(&import)).expect("write");
    }
    assert_eq!(import.entries.len(), 12);
}
