//! Reports of a fixed vault (the bundled samples, today 2026-11-25, `amazon-lp`) as insta
//! snapshots of their Markdown and of one JSON; the 10,000-entry build.

use jiff::civil::{Date, date};

use super::*;
use crate::entry::EntryId;
use crate::render::markdown::markdown;

const TODAY: Date = date(2026, 11, 25);

/// Returns the bundled sample vault of `crates/brag/samples/`.
pub(crate) fn samples() -> Vec<Entry> {
    macro_rules! samples {
        ($($name:literal),* $(,)?) => {
            [$(($name, include_str!(concat!("../../../brag/samples/", $name, ".md")))),*]
        };
    }
    samples![
        "2024-01-23-find-the-connection-leak-in-rivet",
        "2024-03-14-rivet-1-0-released",
        "2024-05-08-idempotency-keys-for-ledger-payouts",
        "2024-07-16-reconciliation-job-cleanup",
        "2024-09-26-deterministic-simulation-testing-talk",
        "2024-11-12-disagreed-on-ledger-rewrite",
        "2025-01-21-onboarding-buddy-program",
        "2025-03-04-kudos-from-support-on-refund-fix",
        "2025-04-17-stopped-duplicate-charges-during-incident",
        "2025-06-24-http2-by-default-in-rivet",
        "2025-08-28-summer-intern-project",
        "2025-10-09-halved-ci-time-for-ledger",
        "2026-01-13-goals-for-h1-2026",
        "2026-04-02-streaming-exports-for-ledger",
        "2026-07-21-sqlite-internals-workshop",
        "2026-11-05-request-hedging-in-rivet",
    ]
    .into_iter()
    .map(|(id, text)| {
        crate::file::parse(text, Some(&EntryId(id.to_owned())))
            .expect("samples parse")
            .entry
    })
    .collect()
}

/// Returns entries as a report's input holds them.
fn shared(entries: impl IntoIterator<Item = Entry>) -> Vec<SharedEntry> {
    entries.into_iter().map(Into::into).collect()
}

/// Returns the input of a report of `entries` as of [`TODAY`].
fn input_of<'a>(
    entries: &'a [SharedEntry],
    frameworks: &'a [Framework],
    period: (Option<Date>, Option<Date>),
    options: Options,
) -> Input<'a> {
    Input {
        entries,
        frameworks,
        today: TODAY,
        period,
        options,
    }
}

fn amazon() -> Vec<Framework> {
    vec![crate::framework::builtin()[0].clone()]
}

/// Returns the report of the samples with the kind's default period.
fn sample_report(kind: ReportKind, last: bool) -> Report {
    sample_report_of(kind, default_period(kind, TODAY, last))
}

/// Returns the report of the samples for a period.
fn sample_report_of(kind: ReportKind, period: (Option<Date>, Option<Date>)) -> Report {
    let entries = shared(samples());
    let frameworks = amazon();
    let input = input_of(&entries, &frameworks, period, Options::default());
    build(kind, &input)
}

/// The whole sample vault: every section of the doc has something.
#[test]
fn report_doc_markdown() {
    insta::assert_snapshot!(markdown(&sample_report_of(ReportKind::Doc, (None, None))));
}

#[test]
fn report_doc_markdown_this_year() {
    insta::assert_snapshot!(markdown(&sample_report(ReportKind::Doc, false)));
}

/// 2025: highlights, groups and stories that need work.
#[test]
fn report_review_markdown() {
    let year = (Some(date(2025, 1, 1)), Some(date(2025, 12, 31)));
    insta::assert_snapshot!(markdown(&sample_report_of(ReportKind::Review, year)));
}

/// The week of the last sample (request hedging, 2026-11-05).
#[test]
fn report_week_markdown() {
    let week = (Some(date(2026, 11, 2)), Some(date(2026, 11, 8)));
    let md = markdown(&sample_report_of(ReportKind::Week, week));
    assert!(
        !md.contains('<') && !md.contains('>'),
        "no HTML in a week: {md}"
    );
    assert!(md.lines().count() < 25, "short enough for a chat: {md}");
    insta::assert_snapshot!(md);
}

#[test]
fn report_week_last_is_empty() {
    let md = markdown(&sample_report(ReportKind::Week, true));
    assert_eq!(
        md,
        "# Week 47, 2026\n\nNo entries from 2026-11-16 to 2026-11-22.\n"
    );
}

#[test]
fn report_resume_markdown() {
    insta::assert_snapshot!(markdown(&sample_report(ReportKind::Resume, false)));
}

#[test]
fn report_interview_markdown() {
    insta::assert_snapshot!(markdown(&sample_report(ReportKind::Interview, false)));
}

#[test]
fn report_review_json() {
    insta::assert_json_snapshot!(sample_report(ReportKind::Review, false));
}

#[test]
fn report_week_json() {
    let week = (Some(date(2026, 11, 2)), Some(date(2026, 11, 8)));
    insta::assert_json_snapshot!(sample_report_of(ReportKind::Week, week));
}

#[test]
fn report_titles() {
    let title = |kind| sample_report(kind, false).header().title.clone();
    assert_eq!(title(ReportKind::Doc), "Brag document 2026");
    assert_eq!(
        title(ReportKind::Review),
        "Review: 2026-05-26 to 2026-11-25"
    );
    assert_eq!(title(ReportKind::Week), "Week 48, 2026");
    assert_eq!(title(ReportKind::Resume), "Resume bullets");
    assert_eq!(title(ReportKind::Interview), "Interview story bank");
}

/// Returns `n` entries made from the samples, their dates spread over 2015 to 2026 and
/// their ids and titles numbered: a vault the size of `scripts/bench`'s.
pub(crate) fn big_vault(n: usize) -> Vec<Entry> {
    let samples = samples();
    let start = date(2015, 1, 1);
    (0..n)
        .map(|i| {
            let mut e = samples[i % samples.len()].clone();
            let day = start
                .checked_add(jiff::Span::new().days(((i * 4391) % 4346) as i64))
                .unwrap_or(start);
            e.date = Some(day);
            e.id = EntryId(format!("{day}-entry-{i}"));
            e.title = format!("{} {i}", e.title);
            if i % 7 == 0 {
                e.project = Some(format!("project-{}", i % 40));
            }
            e
        })
        .collect()
}

/// Builds and renders one report, and prints how long each took.
fn timed(
    kind: ReportKind,
    entries: &[SharedEntry],
    period: (Option<Date>, Option<Date>),
    label: &str,
) {
    let frameworks = crate::framework::builtin().to_vec();
    let input = input_of(entries, &frameworks, period, Options::default());
    let started = std::time::Instant::now();
    let report = build(kind, &input);
    let built = started.elapsed();
    let md = markdown(&report);
    eprintln!(
        "{kind} ({label}): {} entries, built in {built:?}, Markdown ({} KB) in {:?}",
        report.header().entries,
        md.len() >> 10,
        started.elapsed() - built
    );
    assert!(!md.is_empty());
}

/// Every report of a 10,000-entry vault, built and rendered (doc and review of all of
/// it): the whole `brag report review --format html` budget is 500 ms and `week` 50 ms,
/// vault reading included. No timing is asserted here; `cargo test --release -p brag-core
/// report_every_kind_of_10000 -- --nocapture` prints the figures.
#[test]
fn report_every_kind_of_10000_entries() {
    let entries = shared(big_vault(10_000));
    for kind in ReportKind::ALL {
        let period = match kind {
            ReportKind::Doc | ReportKind::Review => (None, None),
            _ => default_period(kind, TODAY, false),
        };
        timed(kind, &entries, period, "10,000 samples");
    }
}

/// Every report of a vault on disk (`scripts/gen_vault.py DIR 10000`), timed:
/// `BRAG_REPORT_VAULT=DIR cargo test --release -p brag-core report_every_kind_of_a_vault
/// -- --ignored --nocapture`.
#[test]
#[ignore = "reads the vault that BRAG_REPORT_VAULT names"]
fn report_every_kind_of_a_vault_on_disk() {
    let Ok(dir) = std::env::var("BRAG_REPORT_VAULT") else {
        return;
    };
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("reads the vault").flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "md") {
                files.push(p);
            }
        }
    }
    let started = std::time::Instant::now();
    let entries: Vec<SharedEntry> = files
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            let id = EntryId(p.file_stem()?.to_string_lossy().into_owned());
            crate::file::parse(&text, Some(&id))
                .ok()
                .map(|p| p.entry.into())
        })
        .collect();
    eprintln!(
        "read and parsed {} files in {:?}",
        entries.len(),
        started.elapsed()
    );
    for kind in ReportKind::ALL {
        timed(
            kind,
            &entries,
            default_period(kind, TODAY, false),
            "default period",
        );
    }
    for kind in ReportKind::ALL {
        timed(kind, &entries, (None, None), "all time");
    }
}

/// A period with no entries gives a report that says so in one line.
#[test]
fn report_of_an_empty_period() {
    let entries = shared(samples());
    let frameworks = amazon();
    let period = (Some(date(2030, 1, 1)), Some(date(2030, 6, 30)));
    for kind in ReportKind::ALL {
        let input = input_of(&entries, &frameworks, period, Options::default());
        let report = build(kind, &input);
        assert_eq!(report.kind(), kind);
        assert_eq!(report.header().entries, 0, "{kind}");
        let md = markdown(&report);
        let title = &report.header().title;
        assert_eq!(
            md,
            format!("# {title}\n\nNo entries from 2030-01-01 to 2030-06-30.\n"),
            "{kind}"
        );
    }
    let none = Input {
        entries: &[],
        frameworks: &frameworks,
        today: TODAY,
        period: (None, None),
        options: Options::default(),
    };
    assert_eq!(
        markdown(&build(ReportKind::Interview, &none)),
        "# Interview story bank\n\nNo entries yet.\n"
    );
}

/// `--no-todo` leaves the part that is not for sharing out; `--limit` caps the resume.
#[test]
fn report_options() {
    let entries = shared(samples());
    let frameworks = amazon();
    let input = |options| Input {
        entries: &entries,
        frameworks: &frameworks,
        today: TODAY,
        period: (None, None),
        options,
    };
    let review = build(
        ReportKind::Review,
        &input(Options {
            todo: false,
            ..Options::default()
        }),
    );
    assert!(matches!(&review, Report::Review(r) if r.todo.is_empty()));
    assert!(!markdown(&review).contains("Needs work"));
    let resume = build(
        ReportKind::Resume,
        &input(Options {
            limit: 3,
            ..Options::default()
        }),
    );
    let Report::Resume(r) = resume else {
        unreachable!("a resume")
    };
    assert_eq!(r.recent.len() + r.older.len(), 3);
    assert!(
        r.recent
            .iter()
            .chain(&r.older)
            .all(|b| b.text.chars().count() <= 160)
    );
}

/// Drafts are the user's unreviewed work: the doc and the review's groups show them,
/// marked; highlights, the week, the resume and the interview bank leave them out.
#[test]
fn report_drafts() {
    let mut entries = samples();
    for e in &mut entries {
        e.extra
            .insert("draft".to_owned(), serde_json::Value::Bool(true));
    }
    let entries = shared(entries);
    let frameworks = amazon();
    let input = Input {
        entries: &entries,
        frameworks: &frameworks,
        today: TODAY,
        period: (None, None),
        options: Options::default(),
    };
    let Report::Review(r) = build(ReportKind::Review, &input) else {
        unreachable!("a review")
    };
    assert!(r.highlights.is_empty());
    assert_eq!(
        r.by_project.iter().map(|g| g.entries.len()).sum::<usize>(),
        16
    );
    assert!(markdown(&Report::Review(r)).contains("(story, draft, score"));
    let md = markdown(&build(ReportKind::Doc, &input));
    assert_eq!(md.matches("- Draft: yes").count(), 16);
    for kind in [ReportKind::Week, ReportKind::Resume, ReportKind::Interview] {
        assert_eq!(build(kind, &input).header().entries, 0, "{kind}");
    }
}

#[test]
fn report_lines_read_without_markers() {
    // `brag add "cut CI time from 18 to 7 minutes #ci @dana"`: the tags and the person
    // are labels, not words of the bullet or of the week's line.
    let win = Entry {
        id: EntryId("2026-11-24-cut-ci-time".into()),
        kind: Kind::Win,
        date: Some(date(2026, 11, 24)),
        title: "cut CI time from 18 to 7 minutes".into(),
        text: "cut CI time from 18 to 7 minutes #ci @dana".into(),
        tags: vec!["ci".into()],
        people: vec!["dana".into()],
        ..Entry::default()
    };
    assert_eq!(
        headline(&win).as_deref(),
        Some("cut CI time from 18 to 7 minutes")
    );
    let entries = shared([win]);
    let frameworks = amazon();
    let report = build(
        ReportKind::Resume,
        &input_of(&entries, &frameworks, (None, None), Options::default()),
    );
    let Report::Resume(r) = &report else {
        panic!("a resume");
    };
    assert_eq!(r.recent[0].text, "Cut CI time from 18 to 7 minutes");
    let week = markdown(&build(
        ReportKind::Week,
        &input_of(
            &entries,
            &frameworks,
            (Some(date(2026, 11, 23)), Some(date(2026, 11, 29))),
            Options::default(),
        ),
    ));
    assert!(
        week.contains("- cut CI time from 18 to 7 minutes\n"),
        "{week}"
    );
    assert!(!week.contains("#ci"), "{week}");
}
