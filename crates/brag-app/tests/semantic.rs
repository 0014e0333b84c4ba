//! Meaning, not only words: what the `semantic` feature adds, and that a build without it
//! still answers by words. `cargo test -p brag-app` runs these without the feature,
//! `cargo test -p brag-app --features semantic` (and the workspace) with it.

use std::path::Path;

use brag_app::{App, AppError, Clock, Entry, EntryId, Filter, Kind};

fn story(id: &str, title: &str, situation: &str, action: &str, result: &str) -> Entry {
    Entry {
        id: EntryId(id.to_owned()),
        kind: Kind::Story,
        date: id.get(..10).and_then(|d| d.parse().ok()),
        title: title.to_owned(),
        situation: situation.to_owned(),
        action: action.to_owned(),
        result: result.to_owned(),
        ..Entry::default()
    }
}

fn vault(dir: &Path) -> App {
    let app = App::init(dir, Clock::Fixed(jiff::civil::date(2026, 11, 25))).expect("init");
    for e in [
        story(
            "2025-03-01-cloud-bill",
            "Halved the cloud bill",
            "Our AWS invoice had doubled in a year and finance asked why.",
            "I found idle clusters, moved batch jobs to spot instances and set budgets per team.",
            "The monthly bill fell from $84k to $41k within two months.",
        ),
        story(
            "2025-05-10-onboarding",
            "Onboarding guide for new hires",
            "New engineers took six weeks to ship their first change.",
            "I wrote a setup script and paired with each new hire in their first week.",
            "Time to first change fell to eight days.",
        ),
        story(
            "2025-08-20-flaky-tests",
            "Fixed the flaky test suite",
            "A third of CI runs failed for no reason and people retried blindly.",
            "I quarantined the worst tests and fixed their shared clock.",
            "Green runs went from 64 % to 98 %.",
        ),
    ] {
        let written = app.add(e).expect("add");
        assert!(written.stale_index.is_none(), "{:?}", written.stale_index);
    }
    app
}

/// A build with the feature says so and compares meanings; one without answers by words.
/// Either way the story that shares the question's words comes first.
#[test]
fn ask_answers_in_either_build() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = vault(dir.path());
    let asked = app
        .ask("How did you make new hires productive sooner?", 3)
        .expect("ask");
    assert_eq!(asked.semantic, brag_app::semantic_available());
    assert!(
        asked.results[0].id.starts_with("2025-05-10-onboarding"),
        "{:#?}",
        asked.results
    );
}

/// By meaning, a question that shares no word with a story still finds it.
#[test]
fn search_by_meaning_finds_a_paraphrase() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = vault(dir.path());
    let found = app.search_semantic("reduced spending on servers", &Filter::default(), 3);
    if !brag_app::semantic_available() {
        assert!(matches!(found, Err(AppError::NoSemantic)), "{found:?}");
        return;
    }
    let hits = found.expect("search").hits;
    assert_eq!(hits.len(), 3);
    let ids: Vec<&str> = hits.iter().map(|h| h.entry.id.as_str()).collect();
    assert!(ids[0].starts_with("2025-03-01-halved"), "{ids:?} {hits:#?}");
    assert!(hits[0].score > hits[1].score);
    assert!(
        hits[0].snippet.starts_with("Our AWS invoice"),
        "{}",
        hits[0].snippet
    );
    let tagged = Filter {
        tags: vec!["nothing-has-this".into()],
        ..Filter::default()
    };
    let none = app
        .search_semantic("reduced spending", &tagged, 3)
        .expect("search");
    assert!(none.hits.is_empty());
}

/// An index whose vectors another build made (or none) is rebuilt on open, so no entry is
/// left compared by one model and not another.
#[test]
fn an_index_from_another_build_is_rebuilt() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = vault(dir.path());
    app.sync().expect("sync");
    assert!(!app.sync().expect("sync").rebuilt);
    drop(app);
    let db = dir.path().join(".brag/index.db");
    let (index, _) = brag_index::Index::open(&db).expect("index");
    index
        .set_meta("model", Some("another-model"))
        .expect("meta");
    drop(index);
    let app = App::open(dir.path(), Clock::Fixed(jiff::civil::date(2026, 11, 25))).expect("open");
    let report = app.sync().expect("sync");
    assert!(report.rebuilt, "{report:?}");
    assert_eq!(report.added, 3);
    // Once rebuilt, it is this build's: the next open keeps it.
    drop(app);
    let app = App::open(dir.path(), Clock::Fixed(jiff::civil::date(2026, 11, 25))).expect("open");
    assert!(!app.sync().expect("sync").rebuilt);
}

/// A question with no meaningful word ("tell me about yourself") matches nothing by
/// words or by meaning: no story is shown as its answer.
#[test]
fn a_question_with_no_meaning_has_no_answer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = vault(dir.path());
    let asked = app.ask("Tell me about yourself.", 3).expect("ask");
    assert!(asked.results.is_empty(), "{:#?}", asked.results);
    assert!(asked.topics.is_empty());
}
