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
