//! The doc round trip: the Markdown of a vault's `doc`, imported with the markdown
//! importer into an empty vault, gives back the same entries, field by field.
//!
//! What the format cannot carry, and so is compared after normalising:
//!
//! - a text (text, STAR, Lessons, Notes) comes back in the Markdown form the importer
//!   writes every text in: `*`/`+`/`•` list markers as `- `, nested items indented two
//!   spaces, a wrapped list item's lines joined by a space, one blank line between
//!   paragraphs, lines trimmed (the generated texts are in that form already; the sample
//!   vault's wrapped list items are joined);
//! - front-matter keys brag does not know (`extra`) are not carried, except `draft`.
//!
//! What the format carries only with care, and so is generated as brag itself makes
//! entries: tags, people and links hold what the entry's text names (`#tag`, `@person`,
//! URLs: [`crate::prose::recognise_fields`] has run); titles are at most 80 characters
//! and do not end in a lone `#`; a title with a `#tag`, `@person` or URL is not repeated
//! word for word in the entry's text (import reads such a title as a sentence and
//! cleans it, as every importer does); a text line does not start with a heading, a
//! rule, a fence, or a section label (`Result: …`, `Situation`), which the importer reads
//! as structure; labels and names hold no comma.

use proptest::prelude::*;

use super::markdown;
use crate::entry::{Entry, EntryId, Kind};
use crate::framework::{Catalogue, Framework};
use crate::import::{self, Format, SectionNames, TextBuilder};
use crate::link::Link;
use crate::report::{self, Input, Options, Report, ReportKind};

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 25)
}

/// Returns the doc of all of `entries`: its entries in the document's order, and its
/// Markdown.
fn doc_of(entries: &[Entry]) -> (Vec<Entry>, String) {
    doc_of_period(entries, (None, None))
}

fn doc_of_period(
    entries: &[Entry],
    period: (Option<jiff::civil::Date>, Option<jiff::civil::Date>),
) -> (Vec<Entry>, String) {
    let frameworks: Vec<Framework> = crate::framework::builtin().to_vec();
    let entries: Vec<report::SharedEntry> = entries.iter().cloned().map(Into::into).collect();
    let input = Input {
        entries: &entries,
        frameworks: &frameworks,
        today: today(),
        period,
        options: Options::default(),
    };
    let report = report::build(ReportKind::Doc, &input);
    let Report::Doc(doc) = &report else {
        unreachable!("a doc report")
    };
    let order = doc
        .sections
        .iter()
        .flat_map(|s| &s.groups)
        .flat_map(|g| &g.entries)
        .map(|e| Entry::clone(&e.entry))
        .collect();
    (order, markdown(&report))
}

/// Returns the entries the markdown importer reads from a document.
fn import_md(text: &str) -> Vec<Entry> {
    let catalogue = Catalogue::builtin();
    let sections = SectionNames::default();
    let opts = import::Options {
        catalogue: &catalogue,
        sections: &sections,
        date: None,
        today: today(),
    };
    import::import(text, Format::Markdown, &opts)
        .expect("imports")
        .entries
        .into_iter()
        .map(|i| i.entry)
        .collect()
}

/// Returns what the doc carries of an entry: everything but its id, path and the
/// front-matter keys brag does not know (`draft` aside).
fn carried(e: &Entry) -> Entry {
    let mut c = e.clone();
    c.id = EntryId::default();
    c.path.clear();
    c.extra.retain(|k, _| k == "draft");
    c
}

/// Returns a text as the markdown importer writes any Markdown text it reads.
fn importer_form(text: &str) -> String {
    let mut b = TextBuilder::default();
    let mut gap = false;
    for line in import::lines(text) {
        if line.is_blank() {
            gap = true;
            b.blank();
            continue;
        }
        if std::mem::take(&mut gap) && !b.is_empty() {
            b.push_str("");
        }
        b.push(&line);
    }
    b.finish()
}

/// Returns an entry with its texts in the importer's form.
fn in_importer_form(e: &Entry) -> Entry {
    let mut c = carried(e);
    for t in [
        &mut c.text,
        &mut c.situation,
        &mut c.task,
        &mut c.action,
        &mut c.result,
        &mut c.lessons,
        &mut c.notes,
    ] {
        *t = importer_form(t);
    }
    c
}

/// Compares the doc's entries with the imported ones, field by field (a failure names the
/// entry and shows both).
fn assert_same(want: &[Entry], got: &[Entry], md: &str) {
    assert_eq!(
        want.len(),
        got.len(),
        "entry count; the document:\n{md}\nimported: {got:#?}"
    );
    for (w, g) in want.iter().zip(got) {
        assert_eq!(w, g, "entry `{}`; the document:\n{md}", w.title);
    }
}

#[test]
fn doc_round_trip_sample_vault() {
    let samples = crate::report::tests::samples();
    let this_year = report::default_period(ReportKind::Doc, today(), false);
    for period in [(None, None), this_year] {
        let (order, md) = doc_of_period(&samples, period);
        let want: Vec<Entry> = order.iter().map(in_importer_form).collect();
        let got: Vec<Entry> = import_md(&md).iter().map(carried).collect();
        assert_same(&want, &got, &md);
    }
}

#[test]
fn doc_round_trip_awkward_entries() {
    let day = |d: i8| Some(jiff::civil::date(2026, 3, d));
    let mut entries = vec![
        // A title that is a section name, a date, a competency, a project heading.
        Entry {
            title: "Result".into(),
            kind: Kind::Story,
            date: day(1),
            situation: "the queue fell over".into(),
            ..Entry::default()
        },
        Entry {
            title: "Q1 2025".into(),
            date: day(2),
            text: "planned the quarter".into(),
            ..Entry::default()
        },
        Entry {
            title: "Dive deep".into(),
            date: day(3),
            project: Some("2024".into()),
            ..Entry::default()
        },
        Entry {
            title: "Project: rivet".into(),
            date: day(4),
            project: Some("Goals".into()),
            tags: vec!["mentoring".into()],
            ..Entry::default()
        },
        // Undated, with a stand-in date and without; a story without STAR text; a win
        // with STAR text; a draft.
        Entry {
            title: "Somewhere in 2019".into(),
            date: day(5),
            undated: true,
            ..Entry::default()
        },
        Entry {
            title: "No date at all".into(),
            undated: true,
            kind: Kind::Feedback,
            text: "> \"great work\"".into(),
            ..Entry::default()
        },
        Entry {
            title: "Skeleton".into(),
            kind: Kind::Story,
            date: day(6),
            ..Entry::default()
        },
        Entry {
            title: "A win told as a story".into(),
            date: day(7),
            result: "- cut p99 from 420 ms to 95 ms".into(),
            links: vec![Link::new("https://github.com/a/b/pull/1")],
            ..Entry::default()
        },
        Entry {
            title: "Merged 3 PRs in rivet".into(),
            date: day(8),
            text: "3 commits in rivet, +1 −1 lines in 1 file.".into(),
            extra: [("draft".to_owned(), serde_json::Value::Bool(true))]
                .into_iter()
                .collect(),
            ..Entry::default()
        },
    ];
    for e in &mut entries {
        crate::prose::recognise_fields(e);
    }
    let (order, md) = doc_of(&entries);
    let want: Vec<Entry> = order.iter().map(carried).collect();
    let got: Vec<Entry> = import_md(&md).iter().map(carried).collect();
    assert_same(&want, &got, &md);
}

// ---------------------------------------------------------------------------------------
// Generated vaults

/// Words of text: punctuation, `#`, `@`, URLs, numbers, unicode, Markdown.
const WORDS: &[&str] = &[
    "shipped",
    "the",
    "ledger",
    "über",
    "東京",
    "x,",
    "(a)",
    "—",
    "e.g.",
    "3.5",
    "v1.2",
    "100%",
    "$30k",
    "#perf",
    "#Infra",
    "@priya",
    "@ana.b",
    "https://example.com/a?b=1",
    "http://ünïcode.example/päge",
    "**bold**",
    "`code`",
    "a:b",
    "Q1",
    "2024",
    "2024-03-14",
    "&",
    "<b>",
    "[doc](https://docs.example.org/x)",
    "C#",
    "#",
    "Result:",
    "Tags:",
    "-",
    "*",
    "...",
    "'quoted'",
    "\"dq\"",
    "p99",
    "420ms",
    "→",
    "1,100",
    "naïve",
    "Situation",
    "I",
];
/// Words a line of text starts with: none is structure to the importer.
const FIRST: &[&str] = &[
    "shipped", "Fixed", "built", "über", "東京", "led", "the", "Ran", "I",
];
/// Words of titles besides [`WORDS`]: section names, dates, competencies.
const TITLE_WORDS: &[&str] = &[
    "Situation",
    "Result",
    "Goals",
    "Projects",
    "Dive deep",
    "Project: rivet",
    "Week of",
    "2025",
    "(Q1 2025)",
    "Ownership",
    "Ünïcode",
    "Feedback",
    "Metrics:",
];
const TAGS: &[&str] = &[
    "perf",
    "Infra",
    "mentoring",
    "docs",
    "oss",
    "culture",
    "design-docs",
    "rivet-core",
    "ünï",
    "東京",
    "q1-2025",
    "a.b",
    "c_d",
];
const PEOPLE: &[&str] = &["priya", "Ana Gómez", "tomás", "o'neil", "李"];
const PROJECTS: &[&str] = &[
    "rivet",
    "ledger core",
    "2024",
    "Goals",
    "Result",
    "Dive deep",
    "東京 project",
    "a: b",
    "C++",
    "Q1 2025 launch",
    "a<b>  c",
    "**bold**",
];
const LINKS: &[&str] = &[
    "https://github.com/example-org/rivet/pull/412",
    "https://example.com/a?b=1&c=2",
    "http://ünïcode.example/päge",
    "https://example.atlassian.net/browse/PAY-12",
];
const COMPETENCIES: &[&str] = &["dive-deep", "ownership", "are-right-a-lot", "frugality"];

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    proptest::sample::select(list)
}

/// A line of words that starts with one of [`FIRST`].
fn words_line() -> impl Strategy<Value = String> {
    (pick(FIRST), prop::collection::vec(pick(WORDS), 0..8)).prop_map(|(first, rest)| {
        std::iter::once(first)
            .chain(rest)
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// A block of a text: a paragraph of one to three lines, a quote, or a list (nested items
/// and numbers too).
fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(words_line(), 1..4).prop_map(|l| l.join("\n")),
        words_line().prop_map(|l| format!("> {l}")),
        prop::collection::vec((0..3u8, words_line()), 1..5).prop_map(|items| {
            items
                .into_iter()
                .enumerate()
                .map(|(i, (shape, l))| match shape {
                    1 if i > 0 => format!("  - {l}"),
                    2 => format!("{}. {l}", i + 1),
                    _ => format!("- {l}"),
                })
                .collect::<Vec<_>>()
                .join("\n")
        }),
    ]
}

/// A text of zero to three blocks (empty a third of the time).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(String::new()),
        2 => prop::collection::vec(block(), 1..4).prop_map(|b| b.join("\n\n")),
    ]
}

fn title() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![pick(WORDS), pick(TITLE_WORDS)], 1..7)
        .prop_map(|w| w.join(" "))
        .prop_filter(
            "a title of at most 80 characters, not ending in a lone #",
            |t| {
                t.chars().count() <= 80
                    && !t
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| w.chars().all(|c| c == '#'))
            },
        )
}

fn date() -> impl Strategy<Value = Option<jiff::civil::Date>> {
    prop_oneof![
        1 => Just(None),
        8 => (2015i16..2030, 1i8..=12, 1i8..=28)
            .prop_map(|(y, m, d)| Some(jiff::civil::date(y, m, d))),
    ]
}

fn distinct(list: Vec<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for x in list {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(x)) {
            out.push(x.to_owned());
        }
    }
    out
}

prop_compose! {
    fn entry()(
        kind in proptest::sample::select(Kind::ALL.to_vec()),
        date in date(),
        undated in any::<bool>(),
        title in title(),
        tags in prop::collection::vec(pick(TAGS), 0..4),
        people in prop::collection::vec(pick(PEOPLE), 0..3),
        project in prop::option::of(pick(PROJECTS)),
        links in prop::collection::vec(pick(LINKS), 0..3),
        competencies in prop::collection::vec((pick(COMPETENCIES), prop::option::of(words_line())), 0..3),
        star in prop::option::of((text(), text(), text(), text())),
        body in text(),
        metrics in prop::collection::vec(words_line(), 0..3),
        lessons in text(),
        notes in text(),
        draft in prop::bool::weighted(0.1),
    ) -> Entry {
        let (situation, task, action, result) = star.unwrap_or_default();
        let mut e = Entry {
            kind,
            undated: undated || date.is_none(),
            date,
            title,
            tags: distinct(tags),
            people: distinct(people),
            project: project.map(str::to_owned),
            links: distinct(links).iter().map(|u| Link::new(u)).collect(),
            situation,
            task,
            action,
            result,
            text: body,
            metrics,
            lessons,
            notes,
            ..Entry::default()
        };
        for (id, why) in competencies {
            if !e.competencies.iter().any(|c| c == id) {
                e.competencies.push(id.to_owned());
                if let Some(why) = why {
                    e.competency_notes.insert(id.to_owned(), why);
                }
            }
        }
        if draft {
            e.extra.insert("draft".to_owned(), serde_json::Value::Bool(true));
        }
        crate::prose::recognise_fields(&mut e);
        e
    }
}

/// A title import would clean: it has a marker and the text repeats it.
fn title_is_cleaned(e: &Entry) -> bool {
    (e.title.contains(['#', '@']) || e.title.contains("://"))
        && e.search_body().contains(e.title.trim())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Importing the Markdown doc of a generated vault into an empty vault gives back the
    /// same entries.
    #[test]
    fn doc_round_trip(vault in prop::collection::vec(entry(), 1..12)) {
        prop_assume!(!vault.iter().any(title_is_cleaned));
        for e in &vault {
            for t in [&e.text, &e.situation, &e.task, &e.action, &e.result, &e.lessons, &e.notes] {
                prop_assert_eq!(&importer_form(t), t, "the generated text is in the importer's form");
            }
        }
        let (order, md) = doc_of(&vault);
        let want: Vec<Entry> = order.iter().map(carried).collect();
        let got: Vec<Entry> = import_md(&md).iter().map(carried).collect();
        prop_assert_eq!(want.len(), got.len(), "entry count; the document:\n{}", md);
        for (w, g) in want.iter().zip(&got) {
            prop_assert_eq!(w, g, "the document:\n{}", md);
        }
    }
}
