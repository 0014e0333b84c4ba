use super::*;
use brag_core::{EntryId, Kind};

fn entry(id: &str, title: &str, body: &str, tags: &[&str]) -> Entry {
    Entry {
        id: EntryId(id.to_owned()),
        path: format!("{}/{id}.md", &id[..4]),
        date: id.get(..10).and_then(|d| d.parse().ok()),
        title: title.to_owned(),
        text: body.to_owned(),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        ..Entry::default()
    }
}

fn put(index: &mut Index, e: Entry) {
    put_with(index, e, None);
}

fn put_with(index: &mut Index, e: Entry, vector: Option<Vec<u8>>) {
    let path = e.path.clone();
    index
        .apply(&[Change::Entry {
            path,
            stamp: Stamp {
                size: 1,
                mtime_ns: 1,
            },
            entry: Box::new(e),
            vector,
        }])
        .expect("apply");
}

/// Vectors are kept per entry, replaced with it, dropped with it; `nearest` ranks them by
/// the caller's score, within the filter, and passes over entries without one.
#[test]
fn nearest_ranks_stored_vectors_by_the_callers_score() {
    let mut ix = Index::in_memory().expect("index");
    put_with(
        &mut ix,
        entry("2025-01-01-a", "A", "a", &["x"]),
        Some(vec![1]),
    );
    put_with(&mut ix, entry("2025-01-02-b", "B", "b", &[]), Some(vec![3]));
    put_with(
        &mut ix,
        entry("2025-01-03-c", "C", "c", &["x"]),
        Some(vec![2]),
    );
    put(&mut ix, entry("2025-01-04-d", "D", "d", &["x"]));
    let score = |v: &[u8]| v.first().map(|&b| f32::from(b));
    let ids = |hits: Vec<(Entry, f64)>| -> Vec<String> {
        hits.into_iter().map(|(e, _)| e.id.0).collect()
    };
    let all = ix.nearest(&Filter::default(), 10, score).expect("nearest");
    assert_eq!(all[0].1, 3.0);
    assert_eq!(ids(all), ["2025-01-02-b", "2025-01-03-c", "2025-01-01-a"]);
    let tagged = Filter {
        tags: vec!["x".into()],
        ..Filter::default()
    };
    assert_eq!(
        ids(ix.nearest(&tagged, 1, score).expect("nearest")),
        ["2025-01-03-c"]
    );
    // Replaced without a vector (as a build without embeddings writes it): none is left.
    put(&mut ix, entry("2025-01-02-b", "B", "b", &[]));
    let rest = ix.nearest(&Filter::default(), 10, score).expect("nearest");
    assert_eq!(ids(rest), ["2025-01-03-c", "2025-01-01-a"]);
    let none = ix
        .nearest(&Filter::default(), 10, |_| None)
        .expect("nearest");
    assert!(none.is_empty());
}

#[test]
fn meta_values_are_kept_and_forgotten() {
    let ix = Index::in_memory().expect("index");
    assert_eq!(ix.meta("model").expect("meta"), None);
    ix.set_meta("model", Some("m1")).expect("set");
    ix.set_meta("model", Some("m2")).expect("set");
    assert_eq!(ix.meta("model").expect("meta").as_deref(), Some("m2"));
    ix.set_meta("model", None).expect("set");
    assert_eq!(ix.meta("model").expect("meta"), None);
}

/// A word in the Result counts for more than the same word in the Notes.
#[test]
fn search_weighs_a_word_by_its_section() {
    let mut ix = Index::in_memory().expect("index");
    let mut noted = entry("2025-01-01-a", "One", "", &[]);
    noted.notes = "latency came up in the retro".into();
    let mut done = entry("2025-01-02-b", "Two", "", &[]);
    done.result = "latency came down by half".into();
    put(&mut ix, noted);
    put(&mut ix, done);
    let hits = ix
        .search("latency", &Filter::default(), 10)
        .expect("search");
    let ids: Vec<&str> = hits.iter().map(|h| h.entry.id.as_str()).collect();
    assert_eq!(ids, ["2025-01-02-b", "2025-01-01-a"]);
}

#[test]
fn search_ranks_title_over_body() {
    let mut ix = Index::in_memory().expect("index");
    put(
        &mut ix,
        entry(
            "2025-01-01-a",
            "Fixed flaky tests",
            "the retry loop was slow",
            &[],
        ),
    );
    put(
        &mut ix,
        entry("2025-01-02-b", "Retry budget", "a budget for clients", &[]),
    );
    let hits = ix.search("retry", &Filter::default(), 10).expect("search");
    let ids: Vec<&str> = hits.iter().map(|h| h.entry.id.as_str()).collect();
    assert_eq!(ids, ["2025-01-02-b", "2025-01-01-a"]);
    assert!(
        hits[1].snippet.contains("\u{2}retry\u{3}"),
        "{}",
        hits[1].snippet
    );
}

#[test]
fn search_stems_and_folds_accents() {
    let mut ix = Index::in_memory().expect("index");
    put(
        &mut ix,
        entry("2025-01-01-a", "Café latency", "retried requests", &[]),
    );
    assert_eq!(
        ix.search("cafe", &Filter::default(), 10)
            .expect("search")
            .len(),
        1
    );
    assert_eq!(
        ix.search("retrying", &Filter::default(), 10)
            .expect("search")
            .len(),
        1
    );
}

#[test]
fn list_filters_and_orders() {
    let mut ix = Index::in_memory().expect("index");
    put(&mut ix, entry("2024-12-31-old", "Old", "", &["perf"]));
    put(
        &mut ix,
        entry("2025-02-01-new", "New", "", &["Perf", "infra"]),
    );
    let mut story = entry("2025-01-15-mid", "Mid", "", &[]);
    story.kind = Kind::Story;
    story.project = Some("Rivet".into());
    put(&mut ix, story);
    let ids = |f: &Filter| -> Vec<String> {
        ix.list(f, None)
            .expect("list")
            .into_iter()
            .map(|e| e.id.0)
            .collect()
    };
    assert_eq!(
        ids(&Filter::default()),
        ["2025-02-01-new", "2025-01-15-mid", "2024-12-31-old"]
    );
    let f = Filter {
        tags: vec!["perf".into()],
        ..Filter::default()
    };
    assert_eq!(ids(&f), ["2025-02-01-new", "2024-12-31-old"]);
    let f = Filter {
        from: "2025-01-01".parse().ok(),
        ..Filter::default()
    };
    assert_eq!(ids(&f), ["2025-02-01-new", "2025-01-15-mid"]);
    let f = Filter {
        kind: Some(Kind::Story),
        project: Some("rivet".into()),
        ..Filter::default()
    };
    assert_eq!(ids(&f), ["2025-01-15-mid"]);
    let f = Filter {
        tags: vec!["perf".into(), "infra".into()],
        to: "2025-12-31".parse().ok(),
        ..Filter::default()
    };
    assert_eq!(ids(&f), ["2025-02-01-new"]);
}

#[test]
fn apply_replaces_and_removes() {
    let mut ix = Index::in_memory().expect("index");
    put(&mut ix, entry("2025-01-01-a", "First words", "", &[]));
    put(&mut ix, entry("2025-01-01-a", "Second words", "", &[]));
    assert_eq!(ix.count().expect("count"), 1);
    assert!(
        ix.search("first", &Filter::default(), 10)
            .expect("search")
            .is_empty()
    );
    ix.apply(&[Change::Broken {
        path: "2025/2025-01-01-a.md".into(),
        stamp: Stamp {
            size: 2,
            mtime_ns: 2,
        },
        line: 3,
        message: "bad date".into(),
    }])
    .expect("apply");
    assert_eq!(ix.count().expect("count"), 0);
    assert_eq!(ix.problems().expect("problems")[0].line, 3);
    ix.apply(&[Change::Removed {
        path: "2025/2025-01-01-a.md".into(),
    }])
    .expect("apply");
    let mut n = 0;
    ix.each_stamp(|_, _| n += 1).expect("stamps");
    assert_eq!(n, 0);
}

#[test]
fn corrupt_index_is_rebuilt() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("index.db");
    std::fs::write(
        &path,
        b"this is not a database, just junk bytes that fill a page",
    )
    .expect("write");
    let (ix, fresh) = Index::open(&path).expect("open rebuilds");
    assert!(fresh);
    assert_eq!(ix.count().expect("count"), 0);
    drop(ix);
    let (_, fresh) = Index::open(&path).expect("reopen");
    assert!(!fresh);
}

#[test]
fn label_values_of_import_keys_and_commits() {
    let mut ix = Index::in_memory().expect("index");
    let mut e = entry("2025-01-01-a", "A", "", &[]);
    e.extra
        .insert("import-key".into(), serde_json::json!("star-text:abc"));
    e.extra
        .insert("commits".into(), serde_json::json!(["c1", "c2"]));
    put(&mut ix, e);
    assert!(
        ix.label_values("import-key")
            .expect("keys")
            .contains("star-text:abc")
    );
    let commits = ix.label_values("commit").expect("commits");
    assert_eq!(commits.len(), 2);
    assert!(commits.contains("c1") && commits.contains("c2"));
}

/// Returns the ids of what a query finds, in order.
fn found(ix: &Index, q: &str, filter: &Filter) -> Vec<String> {
    ix.search(q, filter, 10)
        .expect("search")
        .into_iter()
        .map(|h| h.entry.id.0)
        .collect()
}

fn operators_index() -> Index {
    let mut ix = Index::in_memory().expect("index");
    put(
        &mut ix,
        entry(
            "2025-01-01-a",
            "Faster deploys",
            "deploys cut to 4 minutes",
            &[],
        ),
    );
    put(
        &mut ix,
        entry(
            "2025-01-02-b",
            "Rollback drill",
            "a rollback in 3 minutes",
            &["ops"],
        ),
    );
    put(
        &mut ix,
        entry(
            "2025-01-03-c",
            "Coffee",
            "fixed the coffee machine for the e-mail team",
            &[],
        ),
    );
    ix
}

#[test]
fn search_not_and_minus_exclude() {
    let ix = operators_index();
    let f = Filter::default();
    for q in [
        "minutes NOT deploys",
        "minutes -deploys",
        "minutes -\"deploys cut\"",
    ] {
        assert_eq!(found(&ix, q, &f), ["2025-01-02-b"], "{q}");
    }
    assert_eq!(found(&ix, "minutes -\"cut deploys\"", &f).len(), 2);
}

#[test]
fn search_only_exclusions_lists_the_rest_newest_first() {
    let ix = operators_index();
    let f = Filter::default();
    for q in ["NOT deploys", "-deploys", "-deploy*", "NOT \"cut to 4\""] {
        assert_eq!(found(&ix, q, &f), ["2025-01-03-c", "2025-01-02-b"], "{q}");
    }
    assert_eq!(found(&ix, "-deploys -coffee", &f), ["2025-01-02-b"]);
    let ops = Filter {
        tags: vec!["ops".into()],
        ..Filter::default()
    };
    assert_eq!(found(&ix, "-deploys", &ops), ["2025-01-02-b"]);
    let hits = ix.search("-deploys", &f, 1).expect("search");
    assert_eq!(hits.len(), 1, "the limit holds");
    // No match to show: the snippet is the start of the text.
    assert_eq!(
        hits[0].snippet,
        "fixed the coffee machine for the e-mail team"
    );
}

#[test]
fn search_or_phrases_and_hyphens() {
    let ix = operators_index();
    let f = Filter::default();
    assert_eq!(found(&ix, "deploys OR rollback", &f).len(), 2);
    assert_eq!(
        found(&ix, "rollback OR coffee machine", &f),
        ["2025-01-03-c"],
        "OR joins the words beside it"
    );
    assert_eq!(found(&ix, "\"coffee machine\"", &f), ["2025-01-03-c"]);
    assert!(found(&ix, "\"machine coffee\"", &f).is_empty());
    assert_eq!(found(&ix, "e-mail", &f), ["2025-01-03-c"]);
    assert_eq!(found(&ix, "Coffee coffee COFFEE", &f), ["2025-01-03-c"]);
}

/// Returns random queries made of operators, phrases, dashes, stars and arbitrary text.
fn query_strategy() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let token = prop_oneof![
        Just("NOT".to_owned()),
        Just("OR".to_owned()),
        Just("AND".to_owned()),
        Just("-".to_owned()),
        Just("\"".to_owned()),
        Just("*".to_owned()),
        Just("(".to_owned()),
        "-?\"?[a-z]{1,6}\\*?\"?",
        "\\PC{0,8}",
    ];
    proptest::collection::vec(token, 0..12).prop_map(|t| t.join(" "))
}

proptest::proptest! {
    #[test]
    fn any_user_query_is_safe_fts(q in "\\PC{0,40}") {
        let mut ix = Index::in_memory().expect("index");
        put(&mut ix, entry("2025-01-01-a", "Retry budget", "the \"quoted\" OR NOT AND * ^ : body", &[]));
        match ix.search(&q, &Filter::default(), 5) {
            Ok(_) | Err(IndexError::EmptyQuery) => {}
            Err(e) => return Err(proptest::test_runner::TestCaseError::fail(format!("{q:?}: {e}"))),
        }
    }

    /// Any query with operators parses to nothing or to FTS5 syntax SQLite accepts, with
    /// at most MAX_TERMS terms.
    #[test]
    fn any_operator_query_is_safe_fts(q in query_strategy()) {
        let mut ix = Index::in_memory().expect("index");
        put(&mut ix, entry("2025-01-01-a", "Retry budget", "the \"quoted\" OR NOT AND * ^ : body", &[]));
        put(&mut ix, entry("2025-01-02-b", "Deploys", "abc def ghi", &[]));
        let Some(parsed) = fts_query(&q) else {
            proptest::prop_assert!(matches!(ix.search(&q, &Filter::default(), 5), Err(IndexError::EmptyQuery)));
            return Ok(());
        };
        let ok: Result<i64, _> = ix.conn.query_row(
            "SELECT count(*) FROM fts WHERE fts MATCH ?1",
            [&parsed.expr],
            |r| r.get(0),
        );
        proptest::prop_assert!(ok.is_ok(), "{:?} -> {:?}: {:?}", q, parsed.expr, ok);
        proptest::prop_assert!(ix.search(&q, &Filter::default(), 5).is_ok(), "{:?}", q);
        proptest::prop_assert!(parsed.terms <= fts::MAX_TERMS, "{:?}", parsed);
    }
}

/// Entries written without a vector are listed until one is put; a vector for an entry
/// gone since is passed over.
#[test]
fn missing_vectors_are_listed_and_filled() {
    let mut ix = Index::in_memory().expect("index");
    put(&mut ix, entry("2025-01-01-a", "A", "a", &[]));
    put_with(&mut ix, entry("2025-01-02-b", "B", "b", &[]), Some(vec![2]));
    let missing = ix.without_vectors().expect("missing");
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].1.id.as_str(), "2025-01-01-a");
    ix.put_vectors(&[(missing[0].0, vec![1]), (9999, vec![9])])
        .expect("put");
    assert!(ix.without_vectors().expect("missing").is_empty());
    let score = |v: &[u8]| v.first().map(|&b| f32::from(b));
    let all = ix.nearest(&Filter::default(), 10, score).expect("nearest");
    assert_eq!(all.len(), 2);
}

/// A first index is written unsynced, and the connection is back to synced writes after:
/// the next write into it, and every write into an index that holds something, waits for
/// the disk as before.
#[test]
fn a_first_build_is_unsynced_and_later_writes_are_synced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut ix, _) = Index::open(&dir.path().join("index.db")).expect("open");
    let synchronous = |ix: &Index| -> i64 {
        ix.conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .expect("pragma")
    };
    // 1 is NORMAL.
    assert_eq!(synchronous(&ix), 1);
    let fresh = |ix: &Index| -> bool {
        ix.conn
            .query_row("SELECT NOT EXISTS (SELECT 1 FROM files)", [], |r| r.get(0))
            .expect("query")
    };
    assert!(fresh(&ix));
    put(&mut ix, entry("2025-01-01-a", "Alpha", "first", &[]));
    assert_eq!(synchronous(&ix), 1);
    assert!(!fresh(&ix));
    put(&mut ix, entry("2025-01-02-b", "Beta", "second", &[]));
    assert_eq!(synchronous(&ix), 1);
    assert_eq!(ix.count().expect("count"), 2);
    drop(ix);
    let (ix, made) = Index::open(&dir.path().join("index.db")).expect("reopen");
    assert!(!made);
    assert_eq!(ix.count().expect("count"), 2);
}
