use super::*;
use crate::app::{slug_of, starts_a_word};
use brag_core::Kind;
use jiff::civil::Date;

fn today() -> Date {
    jiff::civil::date(2026, 11, 25)
}

fn app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::init(dir.path(), Clock::Fixed(today())).expect("init");
    (dir, app)
}

fn win(title: &str) -> Entry {
    Entry {
        title: title.to_owned(),
        text: title.to_owned(),
        ..Entry::default()
    }
}

#[test]
fn add_gives_unique_ids() {
    let (_dir, app) = app();
    let a = app.add(win("Cut p99")).expect("add").value;
    let b = app.add(win("Cut p99")).expect("add").value;
    let c = app.add(win("Cut p99")).expect("add").value;
    assert_eq!(a.id.as_str(), "2026-11-25-cut-p99");
    assert_eq!(b.id.as_str(), "2026-11-25-cut-p99-2");
    assert_eq!(c.id.as_str(), "2026-11-25-cut-p99-3");
    assert_eq!(app.list(&Filter::default(), None).expect("list").len(), 3);
}

#[test]
fn sync_sees_edits_adds_and_removals() {
    let (dir, app) = app();
    let a = app.add(win("Alpha release")).expect("add").value;
    std::fs::write(
        dir.path().join(&a.path),
        "---\ntitle: Beta release\n---\nzebra\n",
    )
    .expect("write");
    std::fs::create_dir_all(dir.path().join("2024")).expect("mkdir");
    std::fs::write(
        dir.path().join("2024/2024-01-01-x.md"),
        "---\ndate: 2024-13-01\n---\n",
    )
    .expect("write");
    let r = app.sync().expect("sync");
    assert_eq!((r.added, r.updated, r.removed), (1, 1, 0));
    assert_eq!(
        app.search("zebra", &Filter::default(), 5)
            .expect("search")
            .hits
            .len(),
        1
    );
    let problems = app.problems().expect("problems");
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].path.as_str(), problems[0].line),
        ("2024/2024-01-01-x.md", 2)
    );
    std::fs::remove_file(dir.path().join(&a.path)).expect("rm");
    let r = app.sync().expect("sync");
    assert_eq!(r.removed, 1);
    assert!(app.list(&Filter::default(), None).expect("list").is_empty());
}

#[test]
fn resolve_short_ids() {
    let (_dir, app) = app();
    let _ = app.add(win("Retry budget")).expect("add");
    let _ = app.add(win("Retry storms")).expect("add");
    assert_eq!(
        app.resolve("budget").expect("resolve").as_str(),
        "2026-11-25-retry-budget"
    );
    assert!(matches!(
        app.resolve("retry"),
        Err(AppError::Ambiguous { .. })
    ));
    assert!(matches!(app.resolve("nothing"), Err(AppError::NotFound(_))));
    // Issue 11: a part inside a word, or a path, names nothing.
    assert!(matches!(app.resolve("udget"), Err(AppError::NotFound(_))));
    assert!(matches!(
        app.resolve("x/budget"),
        Err(AppError::BadId { .. })
    ));
    assert!(matches!(
        app.resolve("../budget"),
        Err(AppError::BadId { .. })
    ));
    let whole = app.resolve_id("2026-11-25-retry-budget").expect("resolve");
    assert!(whole.exact);
    assert!(!app.resolve_id("budget").expect("resolve").exact);
}

#[test]
fn word_starts_and_slugs() {
    assert!(starts_a_word("2025-03-14-retry-budget", "budget"));
    assert!(starts_a_word("2025-03-14-retry-budget", "2025-03"));
    assert!(starts_a_word("2025-03-14-retry-budget", "retry-bu"));
    assert!(starts_a_word("2025-03-14-retry-budget", "14"));
    assert!(!starts_a_word("2025-03-14-retry-budget", "etry"));
    assert!(!starts_a_word("2025-03-14-retry-budget", "4"));
    assert!(!starts_a_word("2025-03-14-http2", "ttp"));
    assert_eq!(slug_of("2025-03-14-retry-budget"), "retry-budget");
    assert_eq!(slug_of("notes"), "notes");
    assert_eq!(slug_of("2025-03-14"), "2025-03-14");
}

#[test]
fn replace_text_refuses_bad_text_and_changes_nothing() {
    let (dir, app) = app();
    let a = app.add(win("Alpha")).expect("add").value;
    let before = std::fs::read_to_string(dir.path().join(&a.path)).expect("read");
    let err = app
        .replace_text(&a.id, "---\ndate: nope\n---\n", None)
        .expect_err("bad date");
    assert!(matches!(err, AppError::BadEntry { line: 2, .. }), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&a.path)).expect("read"),
        before
    );
    assert!(
        app.replace_text(&a.id, &before, None)
            .expect("same")
            .value
            .is_none()
    );
    // Someone else saved the file meanwhile: their edit is not overwritten.
    std::fs::write(dir.path().join(&a.path), "---\ntitle: Theirs\n---\n").expect("write");
    let err = app
        .replace_text(&a.id, "---\ntitle: Mine\n---\n", Some(&before))
        .expect_err("changed");
    assert!(matches!(err, AppError::Changed(_)), "{err}");
    assert!(
        std::fs::read_to_string(dir.path().join(&a.path))
            .expect("read")
            .contains("Theirs")
    );
}

#[test]
fn create_from_text_keeps_bytes() {
    let (dir, app) = app();
    let text =
        "---\ntitle: My story\nkind: story\nx-mine: 1\n---\n\n## Situation\n\nIt was late.\n";
    let e = app.create_from_text(text).expect("create").value;
    assert_eq!(e.id.as_str(), "2026-11-25-my-story");
    assert_eq!(e.kind, Kind::Story);
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&e.path)).expect("read"),
        text
    );
}

#[test]
fn remove_moves_to_trash() {
    let (dir, app) = app();
    let a = app.add(win("Alpha")).expect("add").value;
    let to = app.remove(&a.id).expect("rm").value;
    assert!(dir.path().join(&to).is_file());
    assert!(!dir.path().join(&a.path).exists());
    assert!(app.list(&Filter::default(), None).expect("list").is_empty());
}

#[test]
fn reindex_after_deleting_the_index() {
    let (dir, app) = app();
    let _ = app.add(win("Alpha")).expect("add");
    drop(app);
    std::fs::remove_file(dir.path().join(".brag/index.db")).expect("rm index");
    let app = App::open(dir.path(), Clock::Fixed(today())).expect("open");
    let r = app.sync().expect("sync");
    assert!(r.rebuilt);
    assert_eq!(app.list(&Filter::default(), None).expect("list").len(), 1);
}

#[test]
fn reindex_leaves_an_index_the_next_open_keeps() {
    let (dir, app) = app();
    let _ = app.add(win("Alpha")).expect("add");
    let _ = app.add(win("Beta")).expect("add");
    let r = app.reindex().expect("reindex");
    assert!(r.rebuilt);
    assert_eq!(r.added, 2);
    drop(app);
    // A reset once dropped the note of which model made the vectors: the next command
    // took the index for another build's and read every file again.
    let app = App::open(dir.path(), Clock::Fixed(today())).expect("open");
    let r = app.sync().expect("sync");
    assert!(!r.rebuilt, "{r:?}");
    assert_eq!((r.added, r.updated, r.removed), (0, 0, 0), "{r:?}");
    assert_eq!(app.list(&Filter::default(), None).expect("list").len(), 2);
}

#[test]
fn sync_many_files_on_threads() {
    let (dir, app) = app();
    std::fs::create_dir_all(dir.path().join("2024")).expect("mkdir");
    for i in 0..600 {
        let text = if i == 417 {
            "---\ntitle: [broken\n---\n".to_owned()
        } else {
            format!("---\ntitle: Entry {i}\n---\nword{i} shared\n")
        };
        std::fs::write(dir.path().join(format!("2024/2024-01-01-e{i}.md")), text).expect("write");
    }
    let r = app.sync().expect("sync");
    assert_eq!(r.added, 600);
    assert_eq!(app.count().expect("count"), 599);
    assert_eq!(app.problems().expect("problems").len(), 1);
    assert_eq!(
        app.search("word599", &Filter::default(), 5)
            .expect("search")
            .hits
            .len(),
        1
    );
    assert_eq!(app.sync().expect("sync again"), SyncReport::default());
}

#[test]
fn an_entry_moved_to_another_directory_still_works() {
    let (dir, app) = app();
    let a = app.add(win("Alpha release")).expect("add").value;
    std::fs::create_dir_all(dir.path().join("2020")).expect("mkdir");
    let moved = format!("2020/{}.md", a.id);
    std::fs::rename(dir.path().join(&a.path), dir.path().join(&moved)).expect("move");
    app.sync().expect("sync");
    assert_eq!(app.resolve("alpha").expect("resolve"), a.id);
    let (e, text) = app.load(&a.id).expect("load");
    assert_eq!(e.path, moved);
    let edited = text.replace("Alpha release", "Alpha release, edited");
    let _ = app.replace_text(&a.id, &edited, Some(&text)).expect("edit");
    assert!(
        std::fs::read_to_string(dir.path().join(&moved))
            .expect("read")
            .contains("edited")
    );
    assert!(
        !dir.path().join(&a.path).exists(),
        "no second copy at the computed path"
    );
    let _ = app.remove(&a.id).expect("rm");
    assert!(!dir.path().join(&moved).exists());
}

#[test]
fn app_serves_requests_from_many_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<App>();
    let (_dir, app) = app();
    std::thread::scope(|s| {
        for t in 0..4 {
            let app = &app;
            s.spawn(move || {
                for i in 0..10 {
                    let _ = app.add(win(&format!("Thread {t} win {i}"))).expect("add");
                    app.list(&Filter::default(), Some(5)).expect("list");
                    app.search("win", &Filter::default(), 5).expect("search");
                }
            });
        }
    });
    assert_eq!(app.list(&Filter::default(), None).expect("list").len(), 40);
    assert_eq!(app.count().expect("count"), 40);
}

#[test]
fn today_is_read_per_call() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::init(dir.path(), Clock::System).expect("init");
    let before = jiff::Zoned::now().date();
    let today = app.today();
    let after = jiff::Zoned::now().date();
    assert!(
        before <= today && today <= after,
        "{before} {today} {after}"
    );
}

#[test]
fn error_kinds() {
    let (_dir, app) = app();
    let _ = app.add(win("Retry budget")).expect("add");
    let _ = app.add(win("Retry storms")).expect("add");
    for (err, kind) in [
        (
            app.resolve("nothing").expect_err("missing"),
            ErrorKind::NotFound,
        ),
        (app.resolve("retry").expect_err("two"), ErrorKind::Conflict),
        (app.resolve("a/b").expect_err("path"), ErrorKind::BadInput),
        (
            app.search("***", &Filter::default(), 5)
                .expect_err("no words"),
            ErrorKind::BadInput,
        ),
        (
            FilterSpec {
                from: Some("someday".into()),
                ..FilterSpec::default()
            }
            .to_filter(today())
            .expect_err("date"),
            ErrorKind::BadInput,
        ),
        (
            app.create_from_text("---\ntitle: [unclosed\n---\n")
                .expect_err("yaml"),
            ErrorKind::CorruptFile,
        ),
        (
            app.coverage(Some("nosuch")).expect_err("framework"),
            ErrorKind::BadInput,
        ),
    ] {
        assert_eq!(err.kind(), kind, "{err}");
    }
}

#[test]
fn week_lists_the_open_goals_behind_many_done_ones() {
    let (_dir, app) = app();
    let goal = |title: &str, date: Date, done: bool| {
        let mut e = win(title);
        e.kind = Kind::Goal;
        e.date = Some(date);
        if done {
            e.tags = vec!["done".into()];
        }
        e
    };
    // Two open goals from long ago, then 60 newer ones that are done, and one from after
    // the week, which is not yet "next".
    let _added = app
        .add(goal("Old open goal", jiff::civil::date(2020, 1, 6), false))
        .expect("add");
    let _added = app
        .add(goal(
            "Older open goal",
            jiff::civil::date(2019, 1, 7),
            false,
        ))
        .expect("add");
    for i in 0..60 {
        let day = jiff::civil::date(2021, 1, 1)
            .checked_add(jiff::Span::new().days(i * 7))
            .expect("a day");
        let _added = app
            .add(goal(&format!("Done goal {i}"), day, true))
            .expect("add");
    }
    let _added = app
        .add(goal("Future goal", jiff::civil::date(2026, 12, 14), false))
        .expect("add");
    let Report::Week(week) = app
        .report(&ReportRequest::new(ReportKind::Week))
        .expect("report")
    else {
        panic!("a week report");
    };
    let next: Vec<&str> = week.next.iter().map(|e| e.entry.title.as_str()).collect();
    assert_eq!(next, ["Old open goal", "Older open goal"]);
}

fn story(title: &str) -> StoryRequest {
    StoryRequest {
        title: Some(title.to_owned()),
        ..StoryRequest::default()
    }
}

#[test]
fn save_story_writes_a_new_story_from_its_parts() {
    let (dir, app) = app();
    let saved = app
        .save_story(&StoryRequest {
            date: Some("2026-03-14".into()),
            situation: Some("Retries amplified outages.".into()),
            task: Some("Design a retry budget.".into()),
            action: Some("Chose a token bucket.".into()),
            result: Some("Retry load fell from 14x to 1.3x.".into()),
            metrics: Some(vec!["- retry load 14x → 1.3x".into()]),
            competencies: Some(vec![
                "dive deep: read three clients' retry code".into(),
                "Invent and Simplify".into(),
                "juggling".into(),
            ]),
            links: Some(vec!["https://github.com/o/r/pull/412".into()]),
            ..story("Retry budget")
        })
        .expect("save");
    assert!(saved.created && saved.changed);
    assert_eq!(saved.unknown_competencies, ["juggling"]);
    let e = &saved.entry;
    assert_eq!(e.id.as_str(), "2026-03-14-retry-budget");
    assert_eq!(e.kind, Kind::Story);
    assert_eq!(e.competencies, ["dive-deep", "invent-and-simplify"]);
    assert_eq!(e.tags, ["juggling"]);
    assert_eq!(e.metrics, ["retry load 14x → 1.3x"]);
    let (read, text) = app.load(&e.id).expect("load");
    assert_eq!(read.result, "Retry load fell from 14x to 1.3x.");
    assert_eq!(
        read.competency_notes.get("dive-deep").map(String::as_str),
        Some("read three clients' retry code")
    );
    assert!(
        text.contains("## Situation\n\nRetries amplified outages."),
        "{text}"
    );
    assert!(
        text.contains("- Dive Deep: read three clients' retry code"),
        "{text}"
    );
    assert!(dir.path().join(&e.path).is_file());
}

#[test]
fn save_story_updates_only_the_parts_given_and_keeps_unknown_keys() {
    let (dir, app) = app();
    std::fs::create_dir_all(dir.path().join("2026")).expect("mkdir");
    let path = dir.path().join("2026/2026-02-01-cache.md");
    let original = "---\ntitle: Cache\ndate: 2026-02-01\nkind: story\nmy-own-key: kept as written\ntags: [perf]\n---\n\n## Situation\nSlow pages.\n\n## Result\nFaster.\n";
    std::fs::write(&path, original).expect("write");
    let saved = app
        .save_story(&StoryRequest {
            id: Some("cache".into()),
            result: Some("p99 fell from 420 ms to 95 ms.".into()),
            ..StoryRequest::default()
        })
        .expect("save");
    assert!(!saved.created && saved.changed);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("my-own-key: kept as written"), "{text}");
    assert!(text.contains("tags: [perf]"), "{text}");
    assert!(text.contains("## Situation\n\nSlow pages."), "{text}");
    assert!(text.contains("p99 fell from 420 ms to 95 ms."), "{text}");
    assert!(!text.contains("Faster."), "{text}");

    // The same parts again change nothing, byte for byte.
    let again = app
        .save_story(&StoryRequest {
            id: Some("2026-02-01-cache".into()),
            result: Some("p99 fell from 420 ms to 95 ms.".into()),
            ..StoryRequest::default()
        })
        .expect("save");
    assert!(!again.changed);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);

    // Competencies set on an update are written with their framework's names.
    let named = app
        .save_story(&StoryRequest {
            id: Some("cache".into()),
            competencies: Some(vec!["dive deep: profiled the slow pages".into()]),
            ..StoryRequest::default()
        })
        .expect("save");
    assert_eq!(named.entry.competencies, ["dive-deep"]);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        text.contains("- Dive Deep: profiled the slow pages"),
        "{text}"
    );
    assert!(text.contains("my-own-key: kept as written"), "{text}");
}

#[test]
fn save_story_refuses_bad_input_and_stale_stamps_writing_nothing() {
    let (dir, app) = app();
    let first = app.save_story(&story("Cache")).expect("save").entry;
    let path = dir.path().join(&first.path);
    let before = std::fs::read_to_string(&path).expect("read");
    let stamp = text_stamp(&before);
    let refused = [
        StoryRequest::default(),
        story("   "),
        StoryRequest {
            date: Some("the thirty-first of Smarch".into()),
            ..story("X")
        },
        StoryRequest {
            kind: Some("epic".into()),
            ..story("X")
        },
        StoryRequest {
            id: Some("no-such-entry".into()),
            result: Some("x".into()),
            ..StoryRequest::default()
        },
        StoryRequest {
            id: Some("../etc/passwd".into()),
            ..StoryRequest::default()
        },
        StoryRequest {
            stamp: Some(stamp.clone()),
            ..story("X")
        },
    ];
    for req in &refused {
        let err = app.save_story(req).expect_err("refused");
        assert!(!err.to_string().is_empty());
    }
    assert_eq!(app.count().expect("count"), 1);

    // Edited by hand after the caller read it: the stale stamp is refused.
    let edited = before.replace("title: Cache", "title: Cache layer");
    std::fs::write(&path, &edited).expect("write");
    let err = app
        .save_story(&StoryRequest {
            id: Some(first.id.to_string()),
            stamp: Some(stamp),
            result: Some("lost?".into()),
            ..StoryRequest::default()
        })
        .expect_err("stale");
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), edited);
    // With the new stamp it goes through.
    let saved = app
        .save_story(&StoryRequest {
            id: Some(first.id.to_string()),
            stamp: Some(text_stamp(&edited)),
            result: Some("kept".into()),
            ..StoryRequest::default()
        })
        .expect("save");
    assert!(saved.changed);
    let now = std::fs::read_to_string(&path).expect("read");
    assert!(
        now.contains("title: Cache layer") && now.contains("kept"),
        "{now}"
    );
}
