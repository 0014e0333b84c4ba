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
    let path = e.path.clone();
    index
        .apply(&[Change::Entry {
            path,
            stamp: Stamp {
                size: 1,
                mtime_ns: 1,
            },
            entry: Box::new(e),
        }])
        .expect("apply");
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
}
