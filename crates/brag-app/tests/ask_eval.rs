//! An honest evaluation of `ask`: questions written for the test, stories judged right by
//! hand, a vault imported from the example documents. See fixtures/ask/questions.toml.

use std::path::PathBuf;

use brag_app::{App, Clock, Document, ImportOptions};

#[derive(serde::Deserialize)]
struct Set {
    question: Vec<Question>,
}

#[derive(serde::Deserialize)]
struct Question {
    q: String,
    right: Vec<String>,
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

#[test]
fn ask_hit_at_3_on_the_example_vault() {
    let today = jiff::civil::date(2026, 11, 25);
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::init(dir.path(), Clock::Fixed(today)).expect("init");
    let docs: Vec<Document> = ["star-notes.txt", "brag-doc.md", "talk-notes.txt"]
        .iter()
        .map(|doc| Document::read(&fixtures().join("import").join(doc)).expect("read"))
        .collect();
    let planned = app
        .import_context()
        .expect("context")
        .plan(docs, &ImportOptions::default())
        .expect("import");
    app.import_planned(planned).expect("write");
    app.sync().expect("sync");

    let set: Set = toml::from_str(
        &std::fs::read_to_string(fixtures().join("ask/questions.toml")).expect("read questions"),
    )
    .expect("questions parse");
    assert!(
        set.question.len() >= 15,
        "the evaluation needs 15 questions or more"
    );
    let mut hits = 0;
    let mut report = String::new();
    for q in &set.question {
        let answers = app.ask(&q.q, 5).expect("ask").results;
        let top3: Vec<&str> = answers.iter().take(3).map(|a| a.title.as_str()).collect();
        let hit = top3.iter().any(|t| {
            q.right
                .iter()
                .any(|r| t.to_lowercase().contains(&r.to_lowercase()))
        });
        hits += usize::from(hit);
        report.push_str(&format!(
            "{} {}\n    -> {:?}\n",
            if hit { "HIT " } else { "MISS" },
            q.q,
            top3
        ));
    }
    let rate = hits as f64 / set.question.len() as f64;
    println!(
        "{report}hit@3 = {hits}/{} = {:.0} %",
        set.question.len(),
        rate * 100.0
    );
    assert!(
        rate >= 0.8,
        "hit@3 {:.0} % below 80 %:\n{report}",
        rate * 100.0
    );
}

/// Copies every entry file of `from` (at any depth) into the vault at the same place.
fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).expect("read the bank") {
        let path = entry.expect("a bank file").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

/// The second evaluation (issue 17): a story bank written for it (fixtures/ask/bank/, with
/// entries that are no answers: a question list, a draft, a goal, a learning, a win) and
/// questions paraphrased as interviewers put them, sharing few words with the stories
/// (fixtures/ask/paraphrased.toml). Reports hit@1 and hit@3, and holds the floor reached
/// so far so that no change makes it worse: issue 17 asks for 60 % and 85 %.
#[test]
fn ask_on_paraphrased_questions() {
    // Issue 17's targets with `semantic` (62 % and 86 % reached); by words alone (a build
    // without it), 50 % and 81 %.
    let (floor_at_1, floor_at_3) = if brag_app::semantic_available() {
        (0.60, 0.85)
    } else {
        (0.50, 0.80)
    };
    let today = jiff::civil::date(2026, 11, 25);
    let dir = tempfile::tempdir().expect("tempdir");
    let app = App::init(dir.path(), Clock::Fixed(today)).expect("init");
    copy_tree(&fixtures().join("ask/bank"), dir.path());
    let synced = app.sync().expect("sync");
    assert!(synced.added >= 25, "the bank holds 25 entries or more");
    assert!(
        app.problems().expect("problems").is_empty(),
        "every bank file reads"
    );

    let set: Set = toml::from_str(
        &std::fs::read_to_string(fixtures().join("ask/paraphrased.toml")).expect("read"),
    )
    .expect("questions parse");
    assert!(
        set.question.len() >= 40,
        "the evaluation needs 40 questions"
    );
    let (mut at1, mut at3) = (0, 0);
    let mut report = String::new();
    for q in &set.question {
        for id in &q.right {
            app.resolve(id)
                .unwrap_or_else(|e| panic!("{}: right answer {id}: {e}", q.q));
        }
        let asked = app.ask(&q.q, 3).expect("ask");
        let answers = asked.results;
        let rank = answers.iter().position(|a| q.right.contains(&a.id));
        at1 += usize::from(rank == Some(0));
        at3 += usize::from(rank.is_some());
        report.push_str(&format!(
            "{} {}\n    read as {:?}, right {:?}\n    -> {:?}\n",
            match rank {
                Some(0) => "HIT1",
                Some(_) => "HIT3",
                None => "MISS",
            },
            q.q,
            asked.competencies,
            q.right,
            answers.iter().map(|a| a.id.as_str()).collect::<Vec<_>>()
        ));
    }
    let n = set.question.len() as f64;
    let (r1, r3) = (at1 as f64 / n, at3 as f64 / n);
    println!(
        "{report}hit@1 = {at1}/{n} = {:.0} %, hit@3 = {at3}/{n} = {:.0} %",
        r1 * 100.0,
        r3 * 100.0
    );
    assert!(
        r1 >= floor_at_1 && r3 >= floor_at_3,
        "hit@1 {:.0} %, hit@3 {:.0} %: below the floor\n{report}",
        r1 * 100.0,
        r3 * 100.0
    );
}
