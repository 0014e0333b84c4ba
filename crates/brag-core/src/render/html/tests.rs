//! The HTML renderer, checked through a real HTML5 parser (html5ever, via scraper): every
//! kind parses without error, shows what it should, escapes what the user wrote, refers
//! to nothing outside itself, and draws its charts.
//!
//! The sample reports are built by hand (the builders are written beside this); the
//! ignored `html_write_samples` writes them to a folder to look at in a browser:
//! `BRAG_HTML_OUT=/tmp/brag-html cargo test -q -p brag-core html_write_samples -- --ignored`.

use indexmap::IndexMap;
use jiff::civil::date;
use scraper::{ElementRef, Html, Selector};

use super::*;
use crate::coach::{Finding, Severity};
use crate::entry::{Entry, EntryId};
use crate::link::Link;
use crate::report::{
    DocGroup, DocSection, EvidenceLink, Group, KindCount, MonthCount, ReportKind, Thanks, Todo,
    Totals,
};

const HOSTILE_TITLE: &str = "<script>alert(1)</script>";
const HOSTILE: &str = "<b>&\"'";

// ---------------------------------------------------------------------------------------
// Sample reports.

fn header(title: &str, from: Option<Date>, to: Option<Date>, entries: usize) -> Header {
    Header {
        title: title.to_owned(),
        from,
        to,
        generated: date(2026, 11, 25),
        entries,
    }
}

fn scored(entry: Entry, score: u8) -> ReportEntry {
    ReportEntry {
        entry: entry.into(),
        score,
    }
}

fn story(id: &str, title: &str, project: Option<&str>) -> Entry {
    let d = date_of(id);
    Entry {
        id: EntryId(id.to_owned()),
        path: format!("{}/{id}.md", &id[..4]),
        kind: Kind::Story,
        date: Some(d),
        title: title.to_owned(),
        tags: vec!["reliability".into()],
        competencies: vec!["dive-deep".into(), "invent-and-simplify".into()],
        project: project.map(str::to_owned),
        people: vec!["priya".into()],
        links: vec![Link::new("https://github.com/example-org/rivet/pull/412")],
        situation: "Our HTTP client retried failed requests at once, which amplified outages."
            .into(),
        task: "Design a retry policy that backs off without hurting tail latency.".into(),
        action: "- Read the retry code of three other clients and compared their budgets.\n\
                 - Chose a token-bucket budget scaled by the success rate.\n  \
                   It reused the success counter we already had."
            .into(),
        result: "Retry storms in the incident drill fell from 14x to 1.3x normal load.".into(),
        metrics: vec!["retry load 14x → 1.3x".into(), "p99 420 ms → 95 ms".into()],
        lessons: "Measure before you pool.".into(),
        ..Entry::default()
    }
}

fn win(id: &str, title: &str, project: Option<&str>) -> Entry {
    Entry {
        id: EntryId(id.to_owned()),
        kind: Kind::Win,
        date: Some(date_of(id)),
        title: title.to_owned(),
        project: project.map(str::to_owned),
        text: format!("{title}.\nShipped behind a flag, rolled out over two days."),
        tags: vec!["ops".into()],
        ..Entry::default()
    }
}

fn kind_entry(id: &str, kind: Kind, title: &str, text: &str) -> Entry {
    Entry {
        id: EntryId(id.to_owned()),
        kind,
        date: Some(date_of(id)),
        title: title.to_owned(),
        text: text.to_owned(),
        ..Entry::default()
    }
}

/// An entry whose every user string tries to break out of its element.
fn hostile(id: &str) -> Entry {
    let mut e = story(id, HOSTILE_TITLE, Some(HOSTILE));
    e.tags = vec![HOSTILE.into()];
    e.people = vec![HOSTILE.into()];
    e.competencies = vec![HOSTILE.into()];
    e.links = vec![
        Link {
            url: "https://example.com/a?x=1&y=\"2\"".into(),
            kind: crate::link::LinkKind::Url,
            label: HOSTILE.into(),
        },
        Link {
            url: "javascript:alert(1)".into(),
            kind: crate::link::LinkKind::Url,
            label: "javascript:alert(1)".into(),
        },
    ];
    e.situation = format!("{HOSTILE} </dd></dl><img src=x onerror=alert(1)>");
    e.metrics = vec![HOSTILE.into()];
    e
}

fn date_of(id: &str) -> Date {
    id.get(..10)
        .and_then(|d| d.parse().ok())
        .unwrap_or(date(2026, 1, 1))
}

fn doc() -> Report {
    let rivet = vec![
        scored(
            story(
                "2026-03-14-retry-budget",
                "Retry budget for rivet",
                Some("rivet"),
            ),
            92,
        ),
        scored(
            win(
                "2026-04-02-connection-pool",
                "Connection pool sized from load tests",
                Some("rivet"),
            ),
            60,
        ),
    ];
    let mut long = story(
        "2026-05-20-long",
        "A title that goes on and on because the writer wanted to say everything about the migration of the billing ledger to the new event store in one line",
        Some("ledger"),
    );
    long.links = vec![Link::new(
        "https://docs.example.com/design/ledger-event-store-migration-plan-with-a-very-long-path/and-more-segments/final-v3-reviewed.pdf",
    )];
    long.text = "A_very_long_identifier_without_any_space_in_it_that_could_overflow_the_column_if_nothing_wraps_it".into();
    let sections = DocSectionKind::ALL
        .into_iter()
        .map(|k| {
            let groups = match k {
                DocSectionKind::Goals => vec![DocGroup {
                    project: None,
                    entries: vec![scored(
                        kind_entry(
                            "2026-01-10-goal-oncall",
                            Kind::Goal,
                            "Lead the on-call rotation redesign",
                            "Own the rotation and halve the pages per shift by June.",
                        ),
                        40,
                    )],
                }],
                DocSectionKind::Projects => vec![
                    DocGroup {
                        project: Some("rivet".into()),
                        entries: rivet.clone(),
                    },
                    DocGroup {
                        project: Some("ledger".into()),
                        entries: vec![scored(long.clone(), 75)],
                    },
                    DocGroup {
                        project: None,
                        entries: vec![scored(hostile("2026-06-01-hostile"), 50)],
                    },
                ],
                DocSectionKind::Collaboration => vec![DocGroup {
                    project: None,
                    entries: vec![scored(
                        kind_entry(
                            "2026-02-11-mentoring",
                            Kind::Win,
                            "Mentored two new hires through their first on-call",
                            "Paired on six incidents; both now lead their own.",
                        ),
                        55,
                    )],
                }],
                DocSectionKind::Learning => vec![DocGroup {
                    project: None,
                    entries: vec![scored(
                        kind_entry(
                            "2026-03-03-talk",
                            Kind::Learning,
                            "Talk: Load shedding at scale",
                            "- Shed by priority, not by arrival\n- Budgets beat timeouts",
                        ),
                        30,
                    )],
                }],
                DocSectionKind::Feedback => vec![DocGroup {
                    project: None,
                    entries: vec![scored(
                        Entry {
                            people: vec!["sam".into()],
                            ..kind_entry(
                                "2026-04-20-feedback",
                                Kind::Feedback,
                                "From Sam after the drill",
                                "The retry budget saved the drill. Clear write-up, too.",
                            )
                        },
                        30,
                    )],
                }],
                _ => Vec::new(),
            };
            DocSection {
                section: k,
                heading: k.heading().to_owned(),
                groups,
            }
        })
        .collect();
    Report::Doc(DocReport {
        header: header(
            "Brag document 2026",
            Some(date(2026, 1, 1)),
            Some(date(2026, 12, 31)),
            7,
        ),
        sections,
    })
}

fn review() -> Report {
    let retry = scored(
        story(
            "2026-06-14-retry-budget",
            "Retry budget for rivet",
            Some("rivet"),
        ),
        92,
    );
    let pool = scored(
        story(
            "2026-07-02-connection-pool",
            "Connection pool sized from load tests",
            Some("rivet"),
        ),
        81,
    );
    let mut billing = story(
        "2026-09-21-ledger",
        "Moved the billing ledger to the event store",
        Some("ledger"),
    );
    billing.competencies = vec!["deliver-results".into()];
    billing
        .links
        .push(Link::new("https://acme.atlassian.net/browse/PAY-123"));
    let billing = scored(billing, 88);
    let flag = scored(
        win(
            "2026-08-05-flag",
            "Flag cleanup: 40 stale flags removed",
            None,
        ),
        45,
    );
    let bad = scored(hostile("2026-10-01-hostile"), 50);
    let links = evidence([&retry, &pool, &billing, &flag, &bad]);
    let months = [
        "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11",
    ]
    .into_iter()
    .zip([1, 1, 1, 1, 1, 0])
    .map(|(m, n)| (m.to_owned(), n));
    Report::Review(ReviewReport {
        header: header(
            "Review 2026-06-01 – 2026-11-30",
            Some(date(2026, 6, 1)),
            Some(date(2026, 11, 30)),
            5,
        ),
        totals: totals(1, 4, months),
        highlights: vec![retry.clone(), billing.clone(), pool.clone()],
        by_project: vec![
            Group {
                key: Some("ledger".into()),
                name: "ledger".into(),
                entries: vec![billing.clone()],
            },
            Group {
                key: Some("rivet".into()),
                name: "rivet".into(),
                entries: vec![pool.clone(), retry.clone()],
            },
            Group {
                key: Some(HOSTILE.into()),
                name: HOSTILE.into(),
                entries: vec![bad.clone()],
            },
            Group {
                key: None,
                name: String::new(),
                entries: vec![flag.clone()],
            },
        ],
        by_competency: vec![
            Group {
                key: Some("dive-deep".into()),
                name: "Dive Deep".into(),
                entries: vec![pool.clone(), retry.clone()],
            },
            Group {
                key: Some("invent-and-simplify".into()),
                name: "Invent and Simplify".into(),
                entries: vec![pool.clone(), retry.clone()],
            },
            Group {
                key: Some("deliver-results".into()),
                name: "Deliver Results".into(),
                entries: vec![billing.clone()],
            },
            Group {
                key: Some("earn-trust".into()),
                name: "Earn Trust".into(),
                entries: Vec::new(),
            },
        ],
        links,
        todo: vec![
            Todo {
                entry: flag.entry.id.0.clone(),
                title: flag.entry.title.clone(),
                score: 45,
                findings: vec![
                    finding(
                        "no-metric",
                        Severity::Error,
                        "result",
                        "The result holds no number.",
                    ),
                    finding(
                        "weak-verb",
                        Severity::Warning,
                        "action",
                        "\"worked on\" is a weak verb.",
                    ),
                ],
            },
            Todo {
                entry: bad.entry.id.0.clone(),
                title: bad.entry.title.clone(),
                score: 50,
                findings: vec![finding("stale", Severity::Info, "date", HOSTILE)],
            },
        ],
    })
}

/// Returns the totals of a review of `wins` wins and `stories` stories, by month.
fn totals(
    wins: usize,
    stories: usize,
    months: impl IntoIterator<Item = (String, usize)>,
) -> Totals {
    Totals {
        entries: wins + stories,
        stories,
        by_kind: Kind::ALL
            .into_iter()
            .map(|kind| KindCount {
                kind,
                count: match kind {
                    Kind::Win => wins,
                    Kind::Story => stories,
                    _ => 0,
                },
            })
            .collect(),
        by_month: months
            .into_iter()
            .map(|(month, count)| MonthCount { month, count })
            .collect(),
    }
}

/// Returns every link of the entries, with the entry it proves.
fn evidence<'a>(entries: impl IntoIterator<Item = &'a ReportEntry>) -> Vec<EvidenceLink> {
    entries
        .into_iter()
        .flat_map(|e| {
            e.entry.links.iter().map(|l| EvidenceLink {
                entry: e.entry.id.0.clone(),
                title: e.entry.title.clone(),
                link: l.clone(),
            })
        })
        .collect()
}

fn finding(rule: &'static str, severity: Severity, section: &'static str, msg: &str) -> Finding {
    Finding {
        rule,
        severity,
        section,
        message: msg.to_owned(),
        suggestion: "Say what changed, with a number.".into(),
    }
}

fn week() -> Report {
    Report::Week(WeekReport {
        header: header(
            "Week 48, 2026",
            Some(date(2026, 11, 23)),
            Some(date(2026, 11, 29)),
            4,
        ),
        shipped: vec![
            scored(
                story("2026-11-23-retry", "Retry budget for rivet", Some("rivet")),
                92,
            ),
            scored(win("2026-11-24-flag", "Removed 40 stale flags", None), 45),
            scored(hostile("2026-11-25-hostile"), 10),
        ],
        learned: vec![scored(
            kind_entry(
                "2026-11-26-book",
                Kind::Learning,
                "Read: Designing Data-Intensive Applications, ch. 7",
                "Transactions and isolation levels.",
            ),
            30,
        )],
        thanks: vec![
            Thanks {
                person: "priya".into(),
                entries: vec![
                    "Retry budget for rivet".into(),
                    "Removed 40 stale flags".into(),
                ],
            },
            Thanks {
                person: HOSTILE.into(),
                entries: vec![HOSTILE_TITLE.into()],
            },
        ],
        next: vec![scored(
            kind_entry(
                "2026-10-01-goal",
                Kind::Goal,
                "Lead the on-call rotation redesign",
                "",
            ),
            20,
        )],
    })
}

fn resume() -> Report {
    let bullet = |text: &str, entry: &str, metric: Option<&str>| Bullet {
        text: text.to_owned(),
        entry: entry.to_owned(),
        date: Some(date_of(entry)),
        metric: metric.map(str::to_owned),
    };
    Report::Resume(ResumeReport {
        header: header("Resume bullets", None, Some(date(2026, 11, 25)), 12),
        recent: vec![
            bullet(
                "Designed a token-bucket retry budget for rivet, cutting retry load in outages from 14x to 1.3x",
                "2026-06-14-retry",
                Some("retry load 14x → 1.3x"),
            ),
            bullet(
                "Moved the billing ledger to an event store with zero downtime across 3 regions",
                "2026-09-21-ledger",
                Some("0 downtime"),
            ),
            bullet(HOSTILE_TITLE, "2026-10-01-hostile", None),
        ],
        older: vec![bullet(
            "Cut p99 checkout latency from 420 ms to 95 ms by pooling connections",
            "2023-03-14-pool",
            Some("p99 420 ms → 95 ms"),
        )],
    })
}

fn interview() -> Report {
    let card = |entry: &str, title: &str, metric: Option<&str>| Card {
        entry: entry.to_owned(),
        title: title.to_owned(),
        date: Some(date_of(entry)),
        situation: "Retries amplified every outage.".into(),
        task: "Design a retry policy that backs off.".into(),
        action: "Read three clients' retry code; chose a token bucket scaled by success rate."
            .into(),
        result: "Retry load in the drill fell from 14x to 1.3x.".into(),
        metric: metric.map(str::to_owned),
        words: 142,
        minutes: 1.4,
        score: 90,
    };
    Report::Interview(InterviewReport {
        header: header("Interview story bank", None, None, 9),
        competencies: vec![
            CompetencyCards {
                id: "dive-deep".into(),
                name: "Dive Deep".into(),
                framework: "amazon-lp".into(),
                stories: 3,
                strong: 2,
                cards: vec![
                    card(
                        "2026-06-14-retry",
                        "Retry budget for rivet",
                        Some("retry load 14x → 1.3x"),
                    ),
                    card(
                        "2026-07-02-pool",
                        "Connection pool sized from load tests",
                        None,
                    ),
                ],
            },
            CompetencyCards {
                id: "deliver-results".into(),
                name: "Deliver Results".into(),
                framework: "amazon-lp".into(),
                stories: 1,
                strong: 1,
                cards: vec![card("2026-09-21-ledger", HOSTILE_TITLE, Some(HOSTILE))],
            },
        ],
        gaps: vec![
            Gap {
                id: "earn-trust".into(),
                name: "Earn Trust".into(),
                framework: "amazon-lp".into(),
                stories: 1,
                questions: vec![
                    "Tell me about a time you had to earn the trust of a sceptical team.".into(),
                    "Describe a time you admitted a mistake.".into(),
                ],
            },
            Gap {
                id: "have-backbone-disagree-and-commit".into(),
                name: "Have Backbone; Disagree and Commit".into(),
                framework: "amazon-lp".into(),
                stories: 0,
                questions: vec!["Tell me about a time you disagreed with your manager.".into()],
            },
        ],
    })
}

fn empty(kind: ReportKind) -> Report {
    let h = header(
        "Nothing yet",
        Some(date(2026, 11, 23)),
        Some(date(2026, 11, 29)),
        0,
    );
    match kind {
        ReportKind::Doc => Report::Doc(DocReport {
            header: h,
            sections: DocSectionKind::ALL
                .into_iter()
                .map(|k| DocSection {
                    section: k,
                    heading: k.heading().to_owned(),
                    groups: Vec::new(),
                })
                .collect(),
        }),
        ReportKind::Review => Report::Review(ReviewReport {
            header: h,
            totals: totals(0, 0, [("2026-11".to_owned(), 0)]),
            highlights: Vec::new(),
            by_project: Vec::new(),
            by_competency: Vec::new(),
            links: Vec::new(),
            todo: Vec::new(),
        }),
        ReportKind::Week => Report::Week(WeekReport {
            header: h,
            shipped: Vec::new(),
            learned: Vec::new(),
            thanks: Vec::new(),
            next: Vec::new(),
        }),
        ReportKind::Resume => Report::Resume(ResumeReport {
            header: h,
            recent: Vec::new(),
            older: Vec::new(),
        }),
        ReportKind::Interview => Report::Interview(InterviewReport {
            header: h,
            competencies: Vec::new(),
            gaps: Vec::new(),
        }),
    }
}

fn samples() -> Vec<(String, Report)> {
    let mut out = vec![
        ("doc".to_owned(), doc()),
        ("review".to_owned(), review()),
        ("week".to_owned(), week()),
        ("resume".to_owned(), resume()),
        ("interview".to_owned(), interview()),
    ];
    out.extend(
        ReportKind::ALL
            .into_iter()
            .map(|k| (format!("{k}-empty"), empty(k))),
    );
    out
}

/// A review of `n` entries, as `brag report review` would make it of a big vault.
fn big_review(n: usize) -> Report {
    let projects = ["rivet", "ledger", "checkout", "search", "infra"];
    let comps = [
        "dive-deep",
        "invent-and-simplify",
        "deliver-results",
        "ownership",
    ];
    let entries: Vec<ReportEntry> = (0..n)
        .map(|i| {
            let month = i % 12 + 1;
            let id = format!("2025-{month:02}-{:02}-entry-{i}", i % 28 + 1);
            let mut e = story(&id, &format!("Story number {i}"), Some(projects[i % 5]));
            e.competencies = vec![comps[i % 4].into(), comps[(i + 1) % 4].into()];
            scored(e, u8::try_from(i % 100).unwrap_or(0))
        })
        .collect();
    let by_project = projects
        .iter()
        .enumerate()
        .map(|(p, name)| Group {
            key: Some((*name).to_owned()),
            name: (*name).to_owned(),
            entries: entries.iter().skip(p).step_by(5).cloned().collect(),
        })
        .collect();
    let by_competency = comps
        .iter()
        .map(|id| Group {
            key: Some((*id).to_owned()),
            name: competency_name(id, &Names::new()).into_owned(),
            entries: entries
                .iter()
                .filter(|e| e.entry.competencies.iter().any(|x| x == id))
                .cloned()
                .collect(),
        })
        .collect();
    let links = evidence(&entries);
    let todo = entries
        .iter()
        .filter(|e| e.score < 30)
        .map(|e| Todo {
            entry: e.entry.id.0.clone(),
            title: e.entry.title.clone(),
            score: e.score,
            findings: vec![finding(
                "no-metric",
                Severity::Error,
                "result",
                "No number.",
            )],
        })
        .collect();
    Report::Review(ReviewReport {
        header: header(
            "Review 2025",
            Some(date(2025, 1, 1)),
            Some(date(2025, 12, 31)),
            n,
        ),
        totals: totals(0, n, (1..=12).map(|m| (format!("2025-{m:02}"), n / 12))),
        highlights: entries.iter().take(5).cloned().collect(),
        by_project,
        by_competency,
        links,
        todo,
    })
}

// ---------------------------------------------------------------------------------------
// Helpers over the parsed document.

fn parse(report: &Report) -> Html {
    let out = html(report);
    let doc = Html::parse_document(&out);
    assert!(
        doc.errors.is_empty(),
        "{}: parse errors {:?}",
        report.kind(),
        doc.errors
    );
    doc
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("a valid selector")
}

fn all<'a>(doc: &'a Html, s: &str) -> Vec<ElementRef<'a>> {
    doc.select(&sel(s)).collect()
}

fn texts(doc: &Html, s: &str) -> Vec<String> {
    all(doc, s)
        .iter()
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

fn text_of(doc: &Html) -> String {
    doc.root_element().text().collect()
}

fn has(doc: &Html, s: &str) -> bool {
    !all(doc, s).is_empty()
}

// ---------------------------------------------------------------------------------------
// Every kind.

#[test]
fn html_every_kind_parses_with_title_block() {
    for (name, r) in samples() {
        let doc = parse(&r);
        let title = &r.header().title;
        assert_eq!(texts(&doc, "head > title"), [title.as_str()], "{name}");
        assert_eq!(texts(&doc, "h1"), [title.as_str()], "{name}");
        assert!(
            has(&doc, "html[lang=en] head meta[charset=utf-8]"),
            "{name}"
        );
        assert!(has(&doc, "head style"), "{name}");
        let out = html(&r);
        assert!(out.starts_with("<!DOCTYPE html>"), "{name}");
    }
}

#[test]
fn html_title_never_breaks_inside_a_date() {
    let mut r = doc();
    if let Report::Doc(d) = &mut r {
        d.header.title = "Brag document 2024-01-01 to 2026-12-31 <b>".into();
    }
    let doc = parse(&r);
    assert_eq!(
        texts(&doc, "h1 .nobreak"),
        ["2024-01-01", "2026-12-31"],
        "{}",
        html(&r)
    );
    assert_eq!(
        texts(&doc, "h1"),
        ["Brag document 2024-01-01 to 2026-12-31 <b>"]
    );
}

#[test]
fn html_empty_reports_say_so_in_one_line() {
    for k in ReportKind::ALL {
        let doc = parse(&empty(k));
        let lines = texts(&doc, "main .empty");
        assert_eq!(lines.len(), 1, "{k}: {lines:?}");
        assert!(lines[0].len() < 60, "{k}: {lines:?}");
        assert!(
            !has(&doc, "main h2"),
            "{k}: an empty report has no sections"
        );
        assert!(!has(&doc, "svg"), "{k}: and no chart");
    }
}

#[test]
fn html_doc_sections_in_order() {
    let doc = parse(&doc());
    assert_eq!(
        texts(&doc, "main h2"),
        [
            "Goals for this period",
            "Projects",
            "Collaboration & mentorship",
            "What I learned",
            "Feedback received"
        ]
    );
    // One sub-heading per project, entries without one last.
    assert_eq!(
        texts(&doc, ".project > h3"),
        ["rivet", "ledger", "Other work"]
    );
    assert_eq!(
        texts(&doc, ".empty-sections"),
        ["Nothing recorded for: Design & documentation, Company building, Outside of work."]
    );
    // An entry in full: title, date, STAR, metrics, links.
    let retry = all(&doc, "#e-2026-03-14-retry-budget");
    assert_eq!(retry.len(), 1);
    let retry = Html::parse_fragment(&retry[0].html());
    assert_eq!(texts(&retry, "h4"), ["Retry budget for rivet"]);
    assert_eq!(texts(&retry, "time"), ["14 Mar 2026"]);
    assert_eq!(
        texts(&retry, "dt"),
        ["Situation", "Task", "Action", "Result", "Lessons"]
    );
    // The action's bullets are a list, the continued line joined to its bullet.
    assert_eq!(retry.select(&sel("dd ul li")).count(), 2);
    assert!(texts(&retry, "dd ul li")[1].ends_with("we already had."));
    assert_eq!(
        texts(&retry, ".metrics li"),
        ["retry load 14x → 1.3x", "p99 420 ms → 95 ms"]
    );
    let a: Vec<_> = retry.select(&sel("a.ev")).collect();
    assert_eq!(a.len(), 1);
    assert_eq!(
        a[0].value().attr("href"),
        Some("https://github.com/example-org/rivet/pull/412")
    );
    assert_eq!(a[0].text().collect::<String>(), "example-org/rivet#412");
    // Feedback is a quote.
    assert_eq!(
        texts(&doc, ".entry-feedback blockquote"),
        ["The retry budget saved the drill. Clear write-up, too."]
    );
    // A learning's bullets are a list.
    assert_eq!(texts(&doc, ".entry-learning .text li").len(), 2);
}

#[test]
fn html_review_parts() {
    let r = review();
    let doc = parse(&r);
    assert_eq!(
        texts(&doc, "main h2"),
        [
            "At a glance",
            "Highlights",
            "By project",
            "By competency",
            "Evidence",
            "Needs work"
        ]
    );
    assert_eq!(texts(&doc, ".stat-main .n"), ["5"]);
    assert_eq!(
        texts(&doc, ".stat .l"),
        [
            "entries",
            "win",
            "stories",
            "learnings",
            "feedback",
            "goals"
        ]
    );
    assert_eq!(all(&doc, ".highlights .card").len(), 3);
    assert_eq!(
        texts(&doc, ".highlights .card .entry-title")[0],
        "Retry budget for rivet"
    );
    // Every entry is in full once, in its project, with the anchor the rest links to.
    assert_eq!(all(&doc, ".by-project article.entry[id]").len(), 5);
    assert_eq!(all(&doc, "[id]").len(), 5);
    assert_eq!(
        texts(&doc, ".by-project h3"),
        [
            "ledger 1",
            "rivet 2",
            &format!("{HOSTILE} 1"),
            "Other work 1"
        ]
    );
    // Competency names come from the report, on groups and on entries' chips.
    assert_eq!(
        texts(&doc, ".by-competency h3"),
        [
            "Dive Deep 2 entries",
            "Invent and Simplify 2 entries",
            "Deliver Results 1 entry",
        ]
    );
    // A competency with no entry is a zero bar in the chart, not an empty list.
    assert!(
        !texts(&doc, ".by-competency h3")
            .concat()
            .contains("Earn Trust")
    );
    assert!(texts(&doc, ".chip-competency").contains(&"Dive Deep".to_owned()));
    for a in all(
        &doc,
        ".by-competency .refs a, .needs-work a, .evidence td:last-child a",
    ) {
        let href = a.value().attr("href").unwrap_or_default();
        let id = href.strip_prefix('#').unwrap_or_default();
        assert!(
            doc.select(&sel("article[id]"))
                .any(|e| e.value().id() == Some(id)),
            "{href} goes nowhere"
        );
    }
    assert_eq!(
        all(&doc, ".evidence tbody tr").len(),
        evidence_urls(&r).len()
    );
    // Needs work is set apart, last, weakest first, with what the coach says.
    assert_eq!(all(&doc, ".needs-work .todo").len(), 2);
    assert_eq!(
        texts(&doc, ".needs-work .severity"),
        ["error", "warning", "info"]
    );
    assert!(texts(&doc, ".needs-work .score")[0].contains("45"));
}

#[test]
fn html_review_without_todo_has_no_needs_work() {
    let Report::Review(mut r) = review() else {
        unreachable!()
    };
    r.todo.clear();
    let doc = parse(&Report::Review(r));
    assert!(!has(&doc, ".needs-work"));
    assert!(!texts(&doc, "body").concat().contains("Needs work"));
}

#[test]
fn html_week_parts() {
    let doc = parse(&week());
    assert_eq!(
        texts(&doc, "main h2"),
        ["Shipped", "Learned", "Thanks", "Next"]
    );
    assert_eq!(all(&doc, ".shipped li.line").len(), 3);
    assert_eq!(
        texts(&doc, ".shipped .line-title")[0],
        "Retry budget for rivet"
    );
    assert_eq!(
        texts(&doc, ".thanks li")[0],
        "@priya for Retry budget for rivet and Removed 40 stale flags"
    );
    assert_eq!(
        texts(&doc, ".next .line-title"),
        ["Lead the on-call rotation redesign"]
    );
}

#[test]
fn html_resume_parts() {
    let doc = parse(&resume());
    assert_eq!(
        texts(&doc, "main h2"),
        ["Recent work", "Earlier highlights"]
    );
    assert_eq!(all(&doc, ".recent .bullets li").len(), 3);
    assert_eq!(all(&doc, ".older .bullets li").len(), 1);
    assert!(texts(&doc, ".recent .bullet-text")[0].starts_with("Designed a token-bucket"));
    assert_eq!(texts(&doc, ".older time"), ["Mar 2023"]);
}

#[test]
fn html_interview_parts() {
    let doc = parse(&interview());
    assert_eq!(
        texts(&doc, "main h2"),
        [
            "Coverage",
            "Dive Deepamazon-lp",
            "Deliver Resultsamazon-lp",
            "Gaps"
        ]
    );
    assert_eq!(all(&doc, ".competency .card").len(), 3);
    let first = Html::parse_fragment(&all(&doc, ".competency .card")[0].html());
    assert_eq!(texts(&first, "dt"), ["S", "T", "A", "R"]);
    assert_eq!(texts(&first, ".metrics li"), ["retry load 14x → 1.3x"]);
    assert_eq!(texts(&first, ".card-length"), ["142 words · 1.4 min"]);
    assert_eq!(all(&doc, ".gap").len(), 2);
    assert_eq!(all(&doc, ".gap .questions li").len(), 3);
    assert_eq!(
        texts(&doc, ".gap .note"),
        ["1 story, none strong yet.", "No story yet."]
    );
}

// ---------------------------------------------------------------------------------------
// Safety: what the user wrote stays text; nothing refers outside the document.

#[test]
fn html_user_text_is_only_text() {
    for (name, r) in samples() {
        let doc = parse(&r);
        for tag in ["script", "b", "img", "iframe", "object", "embed", "link"] {
            assert!(!has(&doc, tag), "{name}: a <{tag}> element");
        }
        for e in all(&doc, "*") {
            for (attr, _) in e.value().attrs() {
                assert!(!attr.starts_with("on"), "{name}: an {attr} attribute");
            }
        }
        for a in all(&doc, "a") {
            let href = a.value().attr("href").unwrap_or_default();
            assert!(
                !href.to_ascii_lowercase().contains("javascript"),
                "{name}: {href}"
            );
        }
    }
    for (name, r) in [("doc", doc()), ("review", review()), ("week", week())] {
        let doc = parse(&r);
        let text = text_of(&doc);
        assert!(
            text.contains(HOSTILE_TITLE),
            "{name}: the title shows as text"
        );
        assert!(
            text.contains(&format!("@{HOSTILE}")),
            "{name}: and the person"
        );
        if name != "week" {
            // A week's lines show no tags.
            assert!(text.contains(&format!("#{HOSTILE}")), "{name}: the tag too");
        }
        // The link with the hostile label goes where its URL says, label as text.
        let a: Vec<_> = all(&doc, "a.ev")
            .into_iter()
            .filter(|a| a.text().collect::<String>() == HOSTILE)
            .collect();
        assert!(!a.is_empty(), "{name}");
        assert_eq!(
            a[0].value().attr("href"),
            Some("https://example.com/a?x=1&y=\"2\"")
        );
        // A javascript: link is shown, not followed.
        assert!(
            texts(&doc, "span.ev").contains(&"javascript:alert(1)".to_owned()),
            "{name}"
        );
    }
    for (name, r) in [("resume", resume()), ("interview", interview())] {
        assert!(text_of(&parse(&r)).contains(HOSTILE_TITLE), "{name}");
    }
}

#[test]
fn html_refers_to_nothing_outside() {
    for (name, r) in samples() {
        let doc = parse(&r);
        let evidence: Vec<String> = evidence_urls(&r);
        for e in all(&doc, "*") {
            let el = e.value();
            for (attr, value) in el.attrs() {
                let attr = attr.to_ascii_lowercase();
                if matches!(
                    attr.as_str(),
                    "src" | "srcset" | "poster" | "data" | "action" | "formaction" | "background"
                ) || attr.ends_with("href") && el.name() != "a"
                {
                    panic!("{name}: <{} {attr}={value:?}>", el.name());
                }
                if attr == "href" {
                    assert!(
                        value.starts_with('#') || evidence.iter().any(|u| u == value),
                        "{name}: <a href={value:?}> is neither an anchor nor evidence"
                    );
                }
                if attr == "style" {
                    assert!(!value.contains("url("), "{name}: {value}");
                }
            }
        }
        for style in texts(&doc, "style") {
            assert!(!style.contains("@import"), "{name}");
            assert!(!style.contains("url("), "{name}");
            assert!(!style.contains("@font-face"), "{name}");
        }
    }
}

fn evidence_urls(r: &Report) -> Vec<String> {
    let entries: Vec<&ReportEntry> = match r {
        Report::Doc(d) => d
            .sections
            .iter()
            .flat_map(|s| &s.groups)
            .flat_map(|g| &g.entries)
            .collect(),
        Report::Review(v) => v.by_project.iter().flat_map(|g| &g.entries).collect(),
        Report::Week(w) => w.shipped.iter().chain(&w.learned).chain(&w.next).collect(),
        Report::Resume(_) | Report::Interview(_) => Vec::new(),
    };
    entries
        .iter()
        .flat_map(|e| &e.entry.links)
        .map(|l| l.url.clone())
        .collect()
}

// ---------------------------------------------------------------------------------------
// Charts.

fn check_chart(svg: &ElementRef<'_>, bars: usize) {
    let el = svg.value();
    assert_eq!(el.attr("role"), Some("img"));
    assert!(!el.attr("aria-label").unwrap_or_default().is_empty());
    assert!(el.attr("viewBox").is_some_and(|v| v.starts_with("0 0 ")));
    let rects: Vec<_> = svg.select(&sel("rect.bar")).collect();
    assert_eq!(rects.len(), bars);
    for r in rects {
        assert_eq!(
            r.select(&sel("title")).count(),
            1,
            "every bar has a tooltip"
        );
    }
}

#[test]
fn html_review_charts() {
    let doc = parse(&review());
    let months = all(&doc, "svg.chart-columns");
    assert_eq!(months.len(), 1);
    check_chart(&months[0], 6);
    assert_eq!(
        months[0]
            .select(&sel("rect.bar title"))
            .map(|t| t.text().collect::<String>())
            .collect::<Vec<_>>(),
        [
            "Jun 2026: 1 entry",
            "Jul 2026: 1 entry",
            "Aug 2026: 1 entry",
            "Sep 2026: 1 entry",
            "Oct 2026: 1 entry",
            "Nov 2026: 0 entries"
        ]
    );
    let comps = all(&doc, "svg.chart-rows");
    assert_eq!(comps.len(), 1);
    check_chart(&comps[0], 4);
}

#[test]
fn html_interview_coverage_chart() {
    let doc = parse(&interview());
    let svg = all(&doc, "svg.chart-rows");
    assert_eq!(svg.len(), 1);
    check_chart(&svg[0], 4);
    assert_eq!(all(&doc, "rect.bar.bar-strong").len(), 2);
    assert_eq!(all(&doc, "rect.bar.bar-weak").len(), 1);
    assert_eq!(all(&doc, "rect.bar.bar-none").len(), 1);
    // The colours are explained.
    assert_eq!(all(&doc, "rect.swatch").len(), 3);
    assert_eq!(
        texts(&doc, "svg text.legend"),
        ["strong stories", "stories, none strong", "no story"]
    );
}

#[test]
fn html_chart_scales_to_the_largest() {
    let data: Vec<(String, usize)> = [0, 5, 10]
        .iter()
        .enumerate()
        .map(|(i, v)| (format!("m{i}"), *v))
        .collect();
    let c = ColumnChart::new("x".into(), &data, "entry", "entries");
    let h: Vec<u32> = c.bars.iter().map(|b| b.h).collect();
    assert_eq!(h, [0, 70, 140]);
    assert!(c.bars.iter().all(|b| b.y + b.h == c.baseline));
    assert!(c.bars.iter().all(|b| b.x + b.w <= c.width));
    // Many months: narrow bars, labels every few, still inside the viewBox.
    let many: Vec<(String, usize)> = (0..200).map(|i| (format!("m{i}"), i)).collect();
    let c = ColumnChart::new("x".into(), &many, "entry", "entries");
    assert_eq!(c.bars.len(), 200);
    assert!(c.bars.iter().all(|b| b.x + b.w <= c.width));
    assert!(c.bars.iter().filter(|b| b.label.is_some()).count() < 30);
    // No data at all is still a chart of nothing.
    assert!(ColumnChart::new("x".into(), &[], "e", "es").bars.is_empty());
}

// ---------------------------------------------------------------------------------------
// The small rules.

#[test]
fn html_blocks_paragraphs_and_lists() {
    let b = blocks("First line\nsecond line\n\n- one\n- two\n  continued\nAfter\n* star");
    let shapes: Vec<String> = b
        .iter()
        .map(|b| match b {
            Block::Para(l) => format!("p{l:?}"),
            Block::List(l) => format!("ul{l:?}"),
        })
        .collect();
    assert_eq!(
        shapes,
        [
            r#"p["First line", "second line"]"#,
            r#"ul["one", "two continued"]"#,
            r#"p["After"]"#,
            r#"ul["star"]"#
        ]
    );
    assert!(blocks("").is_empty());
    assert!(blocks("\n\n  \n").is_empty());
}

#[test]
fn html_safe_href_schemes() {
    for ok in [
        "https://github.com/a/b/pull/1",
        "HTTP://example.com",
        "mailto:priya@example.com",
    ] {
        assert_eq!(safe_href(ok), Some(ok), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,<b>x</b>",
        "vbscript:x",
        "file:///etc/passwd",
        "http:no-slashes",
        "example.com/page",
        "",
    ] {
        assert_eq!(safe_href(bad), None, "{bad}");
    }
}

#[test]
fn html_dates_and_names_in_words() {
    assert_eq!(
        period(Some(date(2026, 6, 1)), Some(date(2026, 11, 30))),
        "1 Jun 2026 – 30 Nov 2026"
    );
    assert_eq!(period(None, None), "All time");
    assert_eq!(period(None, Some(date(2026, 1, 2))), "Up to 2 Jan 2026");
    assert_eq!(month_name("2026-06"), "Jun 2026");
    assert_eq!(month_name("2026-13"), "2026-13");
    assert_eq!(month_name("soon"), "soon");
    assert_eq!(competency_name("dive-deep", &Names::new()), "Dive deep");
    let names: Names<'_> = [("dive-deep", "Dive Deep")].into_iter().collect();
    assert_eq!(competency_name("dive-deep", &names), "Dive Deep");
}

// ---------------------------------------------------------------------------------------
// Size.

#[test]
fn html_review_of_ten_thousand_entries() {
    let r = big_review(10_000);
    let out = html(&r);
    assert_eq!(out.matches("<article class=\"entry").count(), 10_000 + 5);
    assert!(out.ends_with("</html>\n") || out.ends_with("</html>"));
}

/// Times the 10,000-entry review:
/// `cargo test -q --release -p brag-core html_time_big_review -- --ignored --nocapture`.
#[test]
#[ignore = "a timing harness, run by hand in release"]
fn html_time_big_review() {
    let r = big_review(10_000);
    let mut best = std::time::Duration::MAX;
    let mut size = 0;
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let out = html(&r);
        best = best.min(t.elapsed());
        size = out.len();
    }
    println!(
        "html review of 10,000 entries: {:.1} ms (best of 5), {:.1} MB",
        best.as_secs_f64() * 1000.0,
        size as f64 / 1e6
    );
}

/// Writes every sample report to `$BRAG_HTML_OUT` (default: a `brag-html` folder in the
/// temporary directory), to look at in a browser or screenshot.
#[test]
#[ignore = "writes files for a person to look at"]
fn html_write_samples() {
    use std::io::Write;
    let dir = std::env::var_os("BRAG_HTML_OUT")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("brag-html"));
    std::fs::create_dir_all(&dir).expect("make the folder");
    for (name, r) in samples() {
        let path = dir.join(format!("{name}.html"));
        let mut f = std::fs::File::create(&path).expect("create the file");
        f.write_all(html(&r).as_bytes()).expect("write the file");
        println!("{}", path.display());
    }
}

#[test]
fn html_undated_entry_shows_no_stand_in_date() {
    let mut e = win("2026-06-14-imported", "Imported from an old doc", None);
    let when = |e: &Entry| {
        EntryView::of(&scored(e.clone(), 50), &Names::new(), Place::Main)
            .when
            .to_string()
    };
    assert_eq!(when(&e), "14 Jun 2026");
    e.undated = true;
    assert_eq!(when(&e), "undated");
}

#[test]
fn html_extra_keys_are_not_shown() {
    // Front-matter keys brag does not know stay in the file, not in the document.
    let mut e = story("2026-06-14-x", "X", None);
    e.extra = IndexMap::from([("secret-key".to_owned(), serde_json::json!("kept"))]);
    let r = Report::Week(WeekReport {
        header: header("W", None, None, 1),
        shipped: vec![scored(e, 90)],
        learned: Vec::new(),
        thanks: Vec::new(),
        next: Vec::new(),
    });
    assert!(!html(&r).contains("secret-key"));
}
