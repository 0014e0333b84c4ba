//! Sample reports built by hand, one realistic and one empty per kind, as the report
//! builders will fill them.

use brag_core::coach::{Finding, Severity};
use brag_core::report::{
    Bullet, Card, CompetencyCards, DocGroup, DocReport, DocSection, DocSectionKind, EvidenceLink,
    Gap, Group, Header, InterviewReport, KindCount, MonthCount, Report, ReportEntry, ResumeReport,
    ReviewReport, Thanks, Todo, Totals, WeekReport,
};
use brag_core::{Entry, EntryId, Kind, Link};
use jiff::civil::{Date, date};

/// A title that would be markup if it were spliced into typst source.
pub const HOSTILE: &str = "#panic() *bold* $x$ @priya <script> ] \\ `raw` // not a comment";

/// A link whose address has no space to break at for a long way.
const LONG_URL: &str = "https://wiki.example.com/engineering/platform/design-docs/2026/checkout-retry-budget-and-idempotency-keys-for-payment-provider-outages?version=17&view=full";

const TODAY: Date = date(2026, 11, 25);

fn header(title: &str, from: Option<Date>, to: Option<Date>, entries: usize) -> Header {
    Header {
        title: title.to_owned(),
        from,
        to,
        generated: TODAY,
        entries,
    }
}

/// Returns a bare entry; the samples fill in what each needs.
pub fn entry(kind: Kind, day: Date, title: &str) -> Entry {
    Entry {
        id: EntryId(format!("{day}-{}", title.len())),
        kind,
        date: Some(day),
        title: title.to_owned(),
        ..Entry::default()
    }
}

fn scored(entry: Entry, score: u8) -> ReportEntry {
    ReportEntry {
        entry: entry.into(),
        score,
    }
}

fn retry_budget() -> Entry {
    Entry {
        project: Some("Checkout reliability".into()),
        competencies: vec!["ownership".into(), "dive-deep".into()],
        people: vec!["priya".into(), "sam".into()],
        situation: "Checkout failed for 3% of orders whenever the payment provider had a \
                    brownout, and on-call paged twice a week."
            .into(),
        task: "Stop provider brownouts from turning into lost orders without double-charging \
               anyone."
            .into(),
        action: "I measured retry storms in the traces, wrote the design doc for a per-client \
                 retry budget with idempotency keys, and rolled it out behind a flag to 5%, \
                 50% and 100% of traffic over two weeks.\n\nI paired with @sam on the \
                 load test and wrote the runbook."
            .into(),
        result: "Checkout errors during brownouts fell from 3% to 0.4%; pages dropped from \
                 8 to 1 a month."
            .into(),
        metrics: vec![
            "checkout errors 3% → 0.4%".into(),
            "pages 8 → 1 a month".into(),
        ],
        links: vec![
            Link::new("https://github.com/acme/shop/pull/4812"),
            Link::new("https://acme.atlassian.net/browse/PAY-311"),
            Link::new(LONG_URL),
        ],
        ..entry(
            Kind::Story,
            date(2026, 3, 14),
            "Retry budget for the payment provider",
        )
    }
}

fn search_latency() -> Entry {
    Entry {
        project: Some("Search".into()),
        competencies: vec!["deliver-results".into()],
        situation: "Search p95 latency had crept to 1.8 s after the catalogue doubled.".into(),
        task: "Bring p95 under 500 ms before the holiday freeze.".into(),
        action: "I profiled the query path, moved facet counts to a precomputed table and \
                 added a cache in front of the ranking service."
            .into(),
        result: "p95 went from 1.8 s to 420 ms, and the ranking service's CPU fell by 35%.".into(),
        metrics: vec!["p95 1.8 s → 420 ms".into(), "ranking CPU −35%".into()],
        links: vec![Link::new("https://github.com/acme/search/pull/977")],
        ..entry(
            Kind::Story,
            date(2026, 6, 2),
            "Search p95 from 1.8 s to 420 ms",
        )
    }
}

fn onboarding() -> Entry {
    Entry {
        competencies: vec!["hire-and-develop".into()],
        people: vec!["lena".into()],
        text: "Mentored @lena through her first on-call rotation; she ran the October \
               incident review herself."
            .into(),
        ..entry(
            Kind::Win,
            date(2026, 10, 6),
            "Mentored Lena through her first on-call",
        )
    }
}

fn hostile() -> Entry {
    Entry {
        project: Some("Checkout reliability".into()),
        text: "Text that looks like markup: #let x = 1, [brackets], \\escape, _under_ and \
               https://example.com/a_b*c."
            .into(),
        metrics: vec!["$100 saved".into()],
        links: vec![
            Link::new("https://example.com/#panic()"),
            Link::new("javascript:alert(1)"),
        ],
        ..entry(Kind::Win, date(2026, 4, 1), HOSTILE)
    }
}

fn unbroken() -> Entry {
    Entry {
        project: Some("Platform".into()),
        text: "Deleted the old build cache bucket \
               gs://acme-legacy-build-cache-europe-west4-0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f \
               after moving every job off it."
            .into(),
        ..entry(
            Kind::Win,
            date(2026, 5, 20),
            "Removed_the_legacy_build_cache_bucket_and_its_service_account_keys_everywhere",
        )
    }
}

fn design_doc() -> Entry {
    Entry {
        competencies: vec!["think-big".into()],
        text: "Wrote the event-sourcing design doc for orders; reviewed by four teams, \
               adopted for the 2027 roadmap."
            .into(),
        links: vec![Link::new(
            "https://docs.example.com/d/orders-event-sourcing",
        )],
        ..entry(
            Kind::Win,
            date(2026, 7, 9),
            "Orders event-sourcing design doc",
        )
    }
}

fn learning() -> Entry {
    Entry {
        text: "Takeaways: measure tail latency per dependency; budgets beat timeouts.".into(),
        tags: vec!["srecon".into()],
        ..entry(
            Kind::Learning,
            date(2026, 9, 18),
            "Tail at scale – notes from SREcon",
        )
    }
}

fn feedback() -> Entry {
    Entry {
        people: vec!["maria".into()],
        text: "“The retry-budget rollout was the calmest launch we had all year.” — Maria, \
               Director of Payments"
            .into(),
        ..entry(
            Kind::Feedback,
            date(2026, 4, 20),
            "Maria on the retry-budget launch",
        )
    }
}

fn goal() -> Entry {
    Entry {
        text: "Lead a cross-team project end to end.".into(),
        ..entry(Kind::Goal, date(2026, 1, 12), "Lead a cross-team project")
    }
}

fn volunteering() -> Entry {
    Entry {
        text: "Taught a six-week intro to Python at the public library; 14 of 18 finished.".into(),
        ..entry(Kind::Win, date(2026, 2, 28), "Python course at the library")
    }
}

fn interviews() -> Entry {
    Entry {
        text: "Ran 22 interviews and wrote the new backend take-home.".into(),
        ..entry(
            Kind::Win,
            date(2026, 8, 30),
            "22 interviews and a new take-home",
        )
    }
}

fn doc_group(project: Option<&str>, entries: Vec<Entry>) -> DocGroup {
    DocGroup {
        project: project.map(str::to_owned),
        entries: entries.into_iter().map(|e| scored(e, 70)).collect(),
    }
}

fn doc_sections(fill: bool) -> Vec<DocSection> {
    DocSectionKind::ALL
        .into_iter()
        .map(|section| {
            let groups = match (fill, section) {
                (false, _) => vec![],
                (true, DocSectionKind::Goals) => vec![doc_group(None, vec![goal()])],
                (true, DocSectionKind::Projects) => vec![
                    doc_group(
                        Some("Checkout reliability"),
                        vec![retry_budget(), hostile()],
                    ),
                    doc_group(Some("Search"), vec![search_latency()]),
                    doc_group(Some("Platform"), vec![unbroken()]),
                    doc_group(None, vec![interviews()]),
                ],
                (true, DocSectionKind::Collaboration) => vec![doc_group(None, vec![onboarding()])],
                (true, DocSectionKind::Design) => vec![doc_group(None, vec![design_doc()])],
                (true, DocSectionKind::Company) => vec![],
                (true, DocSectionKind::Learning) => vec![doc_group(None, vec![learning()])],
                (true, DocSectionKind::Outside) => vec![doc_group(None, vec![volunteering()])],
                (true, DocSectionKind::Feedback) => vec![doc_group(None, vec![feedback()])],
            };
            DocSection {
                section,
                heading: section.heading().to_owned(),
                groups,
            }
        })
        .collect()
}

/// Returns the brag document of a busy year, or of an empty one.
pub fn doc(fill: bool) -> Report {
    let sections = doc_sections(fill);
    let n = sections
        .iter()
        .flat_map(|s| &s.groups)
        .map(|g| g.entries.len())
        .sum();
    Report::Doc(DocReport {
        header: header(
            "Brag document 2026",
            Some(date(2026, 1, 1)),
            Some(date(2026, 12, 31)),
            n,
        ),
        sections,
    })
}

fn months(from: Date, counts: &[usize]) -> Vec<MonthCount> {
    let mut day = from.first_of_month();
    counts
        .iter()
        .map(|&count| {
            let m = MonthCount {
                month: day.strftime("%Y-%m").to_string(),
                count,
            };
            day = day.checked_add(jiff::Span::new().months(1)).unwrap_or(day);
            m
        })
        .collect()
}

fn by_kind(entries: &[&Entry]) -> Vec<KindCount> {
    Kind::ALL
        .into_iter()
        .map(|kind| KindCount {
            kind,
            count: entries.iter().filter(|e| e.kind == kind).count(),
        })
        .collect()
}

fn links_of(entries: &[&Entry]) -> Vec<EvidenceLink> {
    entries
        .iter()
        .flat_map(|e| {
            e.links.iter().map(|l| EvidenceLink {
                entry: e.id.to_string(),
                title: e.title.clone(),
                link: l.clone(),
            })
        })
        .collect()
}

fn group(key: Option<&str>, name: &str, entries: Vec<Entry>) -> Group {
    Group {
        key: key.map(str::to_owned),
        name: name.to_owned(),
        entries: entries.into_iter().map(|e| scored(e, 60)).collect(),
    }
}

fn finding(rule: &'static str, severity: Severity, message: &str, suggestion: &str) -> Finding {
    Finding {
        rule,
        severity,
        section: "result",
        message: message.to_owned(),
        suggestion: suggestion.to_owned(),
    }
}

/// Returns a six-month review packet, or one of a period without entries.
pub fn review(fill: bool) -> Report {
    let (from, to) = (date(2026, 5, 26), TODAY);
    if !fill {
        let none: Vec<&Entry> = vec![];
        return Report::Review(ReviewReport {
            header: header("Review 2026-05-26 to 2026-11-25", Some(from), Some(to), 0),
            totals: Totals {
                entries: 0,
                stories: 0,
                by_kind: by_kind(&none),
                by_month: months(from, &[0; 7]),
            },
            highlights: vec![],
            by_project: vec![],
            by_competency: vec![],
            links: vec![],
            todo: vec![],
        });
    }
    let all = [
        retry_budget(),
        search_latency(),
        onboarding(),
        hostile(),
        unbroken(),
        design_doc(),
        learning(),
        feedback(),
        interviews(),
    ];
    let refs: Vec<&Entry> = all.iter().collect();
    Report::Review(ReviewReport {
        header: header(
            "Review 2026-05-26 to 2026-11-25",
            Some(from),
            Some(to),
            all.len(),
        ),
        totals: Totals {
            entries: all.len(),
            stories: 2,
            by_kind: by_kind(&refs),
            by_month: months(from, &[1, 3, 2, 1, 1, 1, 0]),
        },
        highlights: vec![scored(search_latency(), 92), scored(retry_budget(), 88)],
        by_project: vec![
            group(
                Some("Checkout reliability"),
                "Checkout reliability",
                vec![hostile(), retry_budget()],
            ),
            group(Some("Platform"), "Platform", vec![unbroken()]),
            group(Some("Search"), "Search", vec![search_latency()]),
            group(
                None,
                "No project",
                vec![
                    interviews(),
                    feedback(),
                    learning(),
                    design_doc(),
                    onboarding(),
                ],
            ),
        ],
        by_competency: vec![
            group(Some("ownership"), "Ownership", vec![retry_budget()]),
            group(Some("dive-deep"), "Dive Deep", vec![retry_budget()]),
            group(
                Some("deliver-results"),
                "Deliver Results",
                vec![search_latency()],
            ),
            group(Some("think-big"), "Think Big", vec![design_doc()]),
            group(
                Some("hire-and-develop"),
                "Hire and Develop the Best",
                vec![onboarding()],
            ),
        ],
        links: links_of(&refs),
        todo: vec![
            Todo {
                entry: hostile().id.to_string(),
                title: HOSTILE.to_owned(),
                score: 35,
                findings: vec![
                    finding(
                        "empty",
                        Severity::Error,
                        "No STAR text.",
                        "Say what the situation was, what you did and what came of it.",
                    ),
                    finding(
                        "no-competency",
                        Severity::Info,
                        "No competency.",
                        "Add the competencies this shows.",
                    ),
                ],
            },
            Todo {
                entry: onboarding().id.to_string(),
                title: onboarding().title,
                score: 60,
                findings: vec![finding(
                    "no-metric",
                    Severity::Warning,
                    "The result has no number.",
                    "How many incidents did she lead, how fast were they resolved?",
                )],
            },
        ],
    })
}

/// Returns the update of a busy week, or of a quiet one.
pub fn week(fill: bool) -> Report {
    let (from, to) = (date(2026, 11, 23), date(2026, 11, 29));
    let at = |e: Entry, d: Date| Entry { date: Some(d), ..e };
    let (shipped, learned, thanks, next) = if fill {
        (
            vec![
                scored(at(retry_budget(), date(2026, 11, 23)), 88),
                scored(at(hostile(), date(2026, 11, 24)), 35),
                scored(at(design_doc(), date(2026, 11, 25)), 55),
            ],
            vec![scored(at(learning(), date(2026, 11, 24)), 50)],
            vec![
                Thanks {
                    person: "priya".into(),
                    entries: vec!["Retry budget for the payment provider".into()],
                },
                Thanks {
                    person: "sam".into(),
                    entries: vec![
                        "Retry budget for the payment provider".into(),
                        HOSTILE.to_owned(),
                    ],
                },
            ],
            vec![scored(goal(), 40)],
        )
    } else {
        (vec![], vec![], vec![], vec![])
    };
    let n = shipped.len() + learned.len();
    Report::Week(WeekReport {
        header: header("Week 48, 2026", Some(from), Some(to), n),
        shipped,
        learned,
        thanks,
        next,
    })
}

fn bullet(text: &str, day: Date, metric: Option<&str>) -> Bullet {
    Bullet {
        text: text.to_owned(),
        entry: format!("{day}-bullet"),
        date: Some(day),
        metric: metric.map(str::to_owned),
    }
}

/// Returns resume bullets of a few years, or none.
pub fn resume(fill: bool) -> Report {
    let (recent, older) = if fill {
        (
            vec![
                bullet(
                    "Cut search p95 latency from 1.8 s to 420 ms by precomputing facet counts \
                     and caching ranking, ahead of the holiday freeze",
                    date(2026, 6, 2),
                    Some("p95 1.8 s → 420 ms"),
                ),
                bullet(
                    "Reduced checkout errors during provider brownouts from 3% to 0.4% with a \
                     per-client retry budget and idempotency keys",
                    date(2026, 3, 14),
                    Some("checkout errors 3% → 0.4%"),
                ),
                bullet(HOSTILE, date(2026, 4, 1), Some("$100 saved")),
                bullet(
                    "Ran 22 interviews and designed the backend take-home now used by 3 teams",
                    date(2025, 8, 30),
                    Some("22 interviews"),
                ),
            ],
            vec![
                bullet(
                    "Migrated 140 services from Jenkins to GitHub Actions in one quarter, \
                     halving median build time",
                    date(2023, 11, 3),
                    Some("140 services"),
                ),
                bullet(
                    "Built the first on-call rotation for a team of 9 and cut pages by 60%",
                    date(2022, 5, 17),
                    Some("pages −60%"),
                ),
            ],
        )
    } else {
        (vec![], vec![])
    };
    let n = recent.len() + older.len();
    Report::Resume(ResumeReport {
        header: header("Resume bullets", None, None, n),
        recent,
        older,
    })
}

fn card(e: &Entry, score: u8) -> Card {
    let words = [&e.situation, &e.task, &e.action, &e.result]
        .iter()
        .map(|s| s.split_whitespace().count())
        .sum();
    Card {
        entry: e.id.to_string(),
        title: e.title.clone(),
        date: e.date,
        situation: e.situation.clone(),
        task: e.task.clone(),
        action: e.action.replace("\n\n", " "),
        result: e.result.clone(),
        metric: e.metrics.first().cloned(),
        words,
        minutes: words as f64 / 150.0,
        score,
    }
}

/// Returns a story bank with two competencies covered and two gaps, or an empty one.
pub fn interview(fill: bool) -> Report {
    let (competencies, gaps) = if fill {
        let hostile_story = Entry {
            situation: HOSTILE.to_owned(),
            task: "Keep markup out of the PDF.".into(),
            action: "I placed every string as content.".into(),
            result: "It rendered literally, 0 panics.".into(),
            metrics: vec!["0 panics".into()],
            ..hostile()
        };
        (
            vec![
                CompetencyCards {
                    id: "ownership".into(),
                    name: "Ownership".into(),
                    framework: "Amazon Leadership Principles".into(),
                    stories: 3,
                    strong: 2,
                    cards: vec![card(&retry_budget(), 88), card(&hostile_story, 71)],
                },
                CompetencyCards {
                    id: "deliver-results".into(),
                    name: "Deliver Results".into(),
                    framework: "Amazon Leadership Principles".into(),
                    stories: 1,
                    strong: 1,
                    cards: vec![card(&search_latency(), 92)],
                },
            ],
            vec![
                Gap {
                    id: "disagree-and-commit".into(),
                    name: "Have Backbone; Disagree and Commit".into(),
                    framework: "Amazon Leadership Principles".into(),
                    stories: 0,
                    questions: vec![
                        "Tell me about a time you strongly disagreed with your manager.".into(),
                        "Describe a decision you committed to even though you argued against it."
                            .into(),
                    ],
                },
                Gap {
                    id: "customer-obsession".into(),
                    name: "Customer Obsession".into(),
                    framework: "Amazon Leadership Principles".into(),
                    stories: 2,
                    questions: vec![
                        "Tell me about a time you went beyond what a customer asked for.".into(),
                    ],
                },
            ],
        )
    } else {
        (vec![], vec![])
    };
    Report::Interview(InterviewReport {
        header: header("Interview story bank", None, None, if fill { 5 } else { 0 }),
        competencies,
        gaps,
    })
}

/// Makes a sample report, filled or empty.
type Make = fn(bool) -> Report;

/// Returns every sample: name, report.
pub fn all() -> Vec<(String, Report)> {
    let kinds: [(&str, Make); 5] = [
        ("doc", doc),
        ("review", review),
        ("week", week),
        ("resume", resume),
        ("interview", interview),
    ];
    kinds
        .into_iter()
        .flat_map(|(name, make)| {
            [
                (name.to_owned(), make(true)),
                (format!("{name}-empty"), make(false)),
            ]
        })
        .collect()
}

/// Returns a review of `n` entries spread over five years, as a long career's vault makes.
pub fn big_review(n: usize) -> Report {
    let projects = [
        "Checkout", "Search", "Platform", "Mobile", "Data", "Billing",
    ];
    let competencies = ["ownership", "dive-deep", "deliver-results", "think-big"];
    let start = date(2021, 12, 1);
    let entries: Vec<Entry> = (0..n)
        .map(|i| {
            let day = start
                .checked_add(jiff::Span::new().days((i * 1826 / n.max(1)) as i64))
                .unwrap_or(start);
            let kind = if i % 3 == 0 { Kind::Story } else { Kind::Win };
            let mut e = Entry {
                id: EntryId(format!("{day}-entry-{i}")),
                project: Some(projects[i % projects.len()].to_owned()),
                competencies: vec![competencies[i % competencies.len()].to_owned()],
                text: format!("Shipped change {i}: moved the job to the new queue."),
                metrics: vec![format!("{}% faster", i % 90 + 5)],
                links: vec![Link::new(&format!(
                    "https://github.com/acme/shop/pull/{}",
                    1000 + i
                ))],
                ..entry(
                    kind,
                    day,
                    &format!("Change {i}: faster {} job", projects[i % 6]),
                )
            };
            if kind == Kind::Story {
                e.situation = "The nightly job took four hours.".into();
                e.action = "I split it into shards and ran them in parallel.".into();
                e.result = format!("It takes {} minutes now.", i % 50 + 10);
            }
            e
        })
        .collect();
    let refs: Vec<&Entry> = entries.iter().collect();
    let mut counts = vec![0usize; 61];
    for e in &entries {
        if let Some(d) = e.date {
            let m = (i32::from(d.year()) - 2021) * 12 + i32::from(d.month()) - 12;
            if let Some(c) = usize::try_from(m).ok().and_then(|m| counts.get_mut(m)) {
                *c += 1;
            }
        }
    }
    let group_by = |key: &dyn Fn(&Entry) -> String, names: &[&str]| -> Vec<Group> {
        names
            .iter()
            .map(|name| {
                group(
                    Some(name),
                    name,
                    entries
                        .iter()
                        .filter(|e| key(e) == *name)
                        .rev()
                        .cloned()
                        .collect(),
                )
            })
            .collect()
    };
    let by_project = group_by(&|e| e.project.clone().unwrap_or_default(), &projects);
    let by_competency = group_by(&|e| e.competencies.concat(), &competencies);
    Report::Review(ReviewReport {
        header: header(
            "Review 2021-12-01 to 2026-11-30",
            Some(start),
            Some(date(2026, 11, 30)),
            n,
        ),
        totals: Totals {
            entries: n,
            stories: entries.iter().filter(|e| e.kind == Kind::Story).count(),
            by_kind: by_kind(&refs),
            by_month: months(start, &counts),
        },
        highlights: entries
            .iter()
            .take(5)
            .map(|e| scored(e.clone(), 90))
            .collect(),
        by_project,
        by_competency,
        links: links_of(&refs),
        todo: entries
            .iter()
            .filter(|e| e.kind == Kind::Win)
            .take(200)
            .map(|e| Todo {
                entry: e.id.to_string(),
                title: e.title.clone(),
                score: 40,
                findings: vec![finding(
                    "no-competency",
                    Severity::Info,
                    "No competency.",
                    "Add the competencies this shows.",
                )],
            })
            .collect(),
    })
}
