//! Tests shared by every importer: the "no line lost" property and the examples.

use super::*;
use proptest::prelude::*;

/// Returns the import as `brag import --dry-run --json` prints it.
pub(crate) fn dry_run_json(import: &Import) -> String {
    serde_json::to_string_pretty(import).expect("serializes")
}

pub(crate) fn opts_with<'a>(catalogue: &'a Catalogue, sections: &'a SectionNames) -> Options<'a> {
    Options {
        catalogue,
        sections,
        date: None,
        today: jiff::civil::date(2026, 11, 25),
    }
}

#[test]
fn link_line_cases() {
    assert_eq!(
        link_line("Design doc: https://a.io/x FAQ: https://b.io/y"),
        Some((
            vec!["https://a.io/x".to_owned(), "https://b.io/y".to_owned()],
            "Design doc FAQ".to_owned()
        ))
    );
    assert!(
        link_line(
            "we shipped the thing and wrote about it at length in https://a.io/x for everyone"
        )
        .is_none()
    );
    assert!(link_line("no links here").is_none());
}

#[test]
fn detect_formats() {
    let star = include_str!("../../../../fixtures/import/star-notes.txt");
    let md = include_str!("../../../../fixtures/import/brag-doc.md");
    assert_eq!(detect(star), Format::StarText);
    assert_eq!(detect(md), Format::Markdown);
    assert_eq!(detect("{\"entries\": []}"), Format::Jrnl);
}

/// Issue 12: a title made from a long first sentence is cleaned before it is cut, as
/// `brag add` cuts its plain text; cut first, it kept its URL and `#tag`s.
#[test]
fn derived_title_is_cleaned_before_it_is_cut() {
    let cat = Catalogue::builtin();
    let names = SectionNames::default();
    let opts = opts_with(&cat, &names);
    let line = "Shipped the retry budget with @priya after a long week of load tests, \
see https://github.com/a/b/pull/1 #perf #rivet";
    let out =
        import(&format!("## Projects\n- {line}\n"), Format::Markdown, &opts).expect("imports");
    let e = &out.entries[0].entry;
    assert_eq!(e.title, crate::prose::title_from_line(line));
    assert_eq!(
        e.title,
        "Shipped the retry budget with priya after a long week of load tests, see"
    );
    assert_eq!(e.tags, ["projects", "perf", "rivet"]);
    assert_eq!(e.people, ["priya"]);
}

/// Issue 12: every importer reads a date in prose with `date::find_in_text`, so a date
/// needs its year wherever it is written: a star-text line or heading, a talk's `Date:`
/// line, a Markdown heading or the start of a bullet.
#[test]
fn dates_in_prose_are_read_alike() {
    let cat = Catalogue::builtin();
    let names = SectionNames::default();
    let opts = opts_with(&cat, &names);
    let run = |text: &str, f: Format| import(text, f, &opts).expect("imports");
    let day = |i: &Import, n: usize| i.entries[n].entry.date.map(|d| d.to_string());
    let story = "S\nThe queue fell over.\nR\nIt stays up.\n";
    let star = run(
        &format!("Week of 2024-11-04\n{story}H2 2024\n{story}"),
        Format::StarText,
    );
    assert_eq!(day(&star, 0).as_deref(), Some("2024-11-04"));
    assert_eq!(day(&star, 1).as_deref(), Some("2024-07-01"));
    // No year, no date: `Q1` says nothing about when a document was written.
    let star = run(&format!("## Q1\n{story}"), Format::StarText);
    assert_eq!(day(&star, 0), None);
    assert!(star.entries[0].entry.undated);
    let talk = run(
        "Async Rust – notes from RustConf\nSpeaker: Kim\nDate: yesterday\n- cancel safety\n",
        Format::TalkNotes,
    );
    assert_eq!(day(&talk, 0), None);
    assert!(
        talk.warnings[0]
            .message
            .contains("date `yesterday` not understood")
    );
    let talk = run(
        "Async Rust – notes from RustConf\nSpeaker: Kim\nDate: Sept 3–4, 2025\n- cancel safety\n",
        Format::TalkNotes,
    );
    assert_eq!(day(&talk, 0).as_deref(), Some("2025-09-03"));
    let md = run(
        "## Projects\n- Q3 2024: led the ledger migration\n- 2024-06-12 – ran the offsite\n",
        Format::Markdown,
    );
    assert_eq!(day(&md, 0).as_deref(), Some("2024-07-01"));
    assert_eq!(day(&md, 1).as_deref(), Some("2024-06-12"));
}

#[test]
fn refuses_binary_and_empty() {
    let cat = Catalogue::builtin();
    let names = SectionNames::default();
    let opts = opts_with(&cat, &names);
    assert!(import("abc\0def", Format::StarText, &opts).is_err());
    assert!(import("  \n\n ", Format::StarText, &opts).is_err());
}

/// Issue 14: a number that measures in a Result or a win's text is a metric, kept as
/// written, in every format, when the source gives no metrics of its own.
#[test]
fn import_metrics_from_prose() {
    let cat = Catalogue::builtin();
    let names = SectionNames::default();
    let opts = opts_with(&cat, &names);
    let metrics = |text: &str, f: Format| -> Vec<Vec<String>> {
        let out = import(text, f, &opts).expect("imports");
        out.entries.into_iter().map(|i| i.entry.metrics).collect()
    };
    let star = "S\nThe build was slow in 2024.\nT\nMake it fast.\nA\nCached 3 layers.\nR\n\
        - Cut CI from 40 min to 12 min.\n- The team was happy.\n";
    assert_eq!(
        metrics(star, Format::StarText),
        [["Cut CI from 40 min to 12 min"]]
    );
    // Metrics the source gives are the metrics: none added from the Result.
    let given = format!("metrics\n- CI 40 → 12 min\n{star}");
    assert_eq!(metrics(&given, Format::StarText), [["CI 40 → 12 min"]]);
    // Hard-wrapped prose: the phrase is one line.
    let wrapped = "S\nCheckout timed out.\nR\nMoved the call out of the lock; p99 dropped\n\
        from 420 ms to 95 ms.\n";
    assert_eq!(
        metrics(wrapped, Format::StarText),
        [["p99 dropped from 420 ms to 95 ms"]]
    );

    let md = "## Projects\n- Rewrote the importer: **3x faster** on 5 MB documents\n\
        - Wrote the runbook (v2.1, see PAY-7)\n\
        ## Goals\n- Cut p99 by 50% in 2026\n\
        ### Ledger rewrite\n#### Situation\nThe ledger lagged by 6 hours.\n\
        #### Result\nLag fell to 40 seconds, and 14 teams use it.\n";
    assert_eq!(
        metrics(md, Format::Markdown),
        [
            vec!["Rewrote the importer: 3x faster on 5 MB documents"],
            vec![],
            vec![],
            vec!["Lag fell to 40 seconds, and 14 teams use it"],
        ]
    );

    let csv = "date,title,text\n2025-03-14,Cache,\"Cut build time by 35% for 14 teams, in Q3\"\n";
    assert_eq!(
        metrics(csv, Format::Csv),
        [["Cut build time by 35% for 14 teams, in Q3"]]
    );

    let jrnl = r#"{"entries": [{"title": "Shipped the retry budget.", "date": "2025-03-14",
        "time": "10:30", "body": "Retry storms fell from 14x to 1.3x. Thanks Priya.",
        "tags": [], "starred": false}]}"#;
    assert_eq!(
        metrics(jrnl, Format::Jrnl),
        [["Retry storms fell from 14x to 1.3x"]]
    );
    // A win written as its title alone: the title's measure.
    let title_only = r#"{"entries": [{"title": "Cut p99 from 420 ms to 95 ms.", "body": "",
        "date": "2025-03-14"}]}"#;
    assert_eq!(
        metrics(title_only, Format::Jrnl),
        [["Cut p99 from 420 ms to 95 ms"]]
    );
}

/// Issue 14: brag's own brag document lists an entry's metrics in full, so its prose adds
/// none: importing the doc gives back the same entries.
#[test]
fn import_metrics_not_read_into_brags_own_doc() {
    let cat = Catalogue::builtin();
    let names = SectionNames::default();
    let opts = opts_with(&cat, &names);
    let doc = "## Projects\n\n### Cut p99\n\n- Date: 2025-03-14\n\n\
        Cut p99 from 420 ms to 95 ms.\n\n### Cache\n\nSaved $30k a month.\n";
    let out = import(doc, Format::Markdown, &opts).expect("imports");
    let metrics: Vec<&[String]> = out.entries.iter().map(|i| &i.entry.metrics[..]).collect();
    assert_eq!(metrics, [&[][..], &["Saved $30k a month".to_owned()][..]]);
}

proptest! {
    #[test]
    fn importers_never_panic(text in "\\PC{0,300}", f in 0usize..5) {
        let cat = Catalogue::builtin();
        let names = SectionNames::default();
        let opts = opts_with(&cat, &names);
        let _ = import(&text, Format::ALL[f], &opts);
    }

    /// The line index gives what counting the newlines before an offset gives.
    #[test]
    fn line_index_counts_newlines(text in "[a\n\r日]{0,60}", pos in 0usize..80) {
        let naive = text.as_bytes()[..pos.min(text.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        prop_assert_eq!(LineIndex::new(&text).line_of(pos), naive);
    }

    /// Import keys are the hash of each entry's source lines, as they always were: a
    /// vault's earlier imports are still recognised.
    #[test]
    fn import_keys_hash_the_source_lines(
        lines in proptest::collection::vec(
            proptest::sample::select(vec!["S", "R", "Situation: a b", "## Result", "- x  y", "", "  z", "https://a.io/1"]),
            1..20,
        ),
        f in 0usize..3,
    ) {
        let text = lines.join("\n");
        let cat = Catalogue::builtin();
        let names = SectionNames::default();
        let opts = opts_with(&cat, &names);
        let format = Format::ALL[f];
        let Ok(out) = import(&text, format, &opts) else { return Ok(()); };
        for e in &out.entries {
            let (first, last) = e.source_lines;
            let span = text.split('\n').collect::<Vec<_>>()[first - 1..last].join("\n");
            let key = e.entry.extra[IMPORT_KEY].as_str().unwrap_or_default();
            let want = import_key(format, &span);
            prop_assert!(key == want || key.starts_with(&format!("{want}-")), "{key} {want}");
        }
    }

    /// An import key is FNV-1a over the text's words (`split_whitespace`), each followed by
    /// a space, whatever the whitespace (ASCII, vertical tab, no-break, ideographic) and
    /// however the text is cut into lines: keys stored in a vault stay recognised.
    #[test]
    fn import_keys_hash_the_words(text in "[a é\t\n\r\x0b\x0c\u{a0}\u{3000}\u{1c}#]{0,40}", cut in 0usize..40) {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for word in text.split_whitespace() {
            for b in word.bytes().chain(std::iter::once(b' ')) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        let want = format!("star-text:{h:016x}");
        prop_assert_eq!(import_key(Format::StarText, &text), want.clone());
        let lines: Vec<&str> = text.split('\n').collect();
        let cut = cut.min(lines.len());
        let pieces = [lines[..cut].join("\n"), lines[cut..].join("\n")];
        if cut > 0 && cut < lines.len() {
            prop_assert_eq!(key_of_texts(Format::StarText, pieces.iter().map(String::as_str)), want);
        }
    }
}

#[test]
fn import_key_is_stable() {
    // A key written in a vault years ago must still be the key of the same text.
    assert_eq!(
        import_key(Format::StarText, "S\n- fixed   the build\n"),
        import_key(Format::StarText, "S - fixed the build")
    );
    assert_eq!(
        import_key(Format::StarText, "a b"),
        "star-text:c149d782aaf95676"
    );
}

/// Returns the lines of `text` that the import lost: the rule of
/// `fixtures/import/check_import.py`, in Rust. A line counts as kept when its text (bullet
/// marker and spaces stripped, whitespace collapsed, case folded) appears in some entry or
/// warning; structure lines (`S`, `metrics`, `## …`) need not appear.
pub(crate) fn lost_lines(text: &str, import: &Import) -> Vec<usize> {
    lost_lines_with(text, import, &SectionNames::default())
}

/// Returns the lines lost, with the user's section names counted as structure too. Unlike
/// the Python checker, emphasis (`**`) and numbered markers (`1.`) are not text.
pub(crate) fn lost_lines_with(text: &str, import: &Import, names: &SectionNames) -> Vec<usize> {
    const MARKERS: &[&str] = STRUCTURE_LABELS;
    fn norm(s: &str) -> String {
        s.replace('*', "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }
    fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let json = serde_json::to_value(import).expect("serializes");
    let mut all = Vec::new();
    for e in json["entries"].as_array().into_iter().flatten() {
        let mut parts = Vec::new();
        strings(e, &mut parts);
        all.push(norm(&parts.join(" ")));
    }
    for w in json["warnings"].as_array().into_iter().flatten() {
        let mut parts = Vec::new();
        strings(w, &mut parts);
        all.push(norm(&parts.join(" ")));
    }
    let everything = all.join(" ");
    let mut lost = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let t = line.trim().trim_start_matches(['-', '•', '*']).trim();
        let t = strip_marker(t).unwrap_or(t).trim();
        let n = norm(t);
        let label = crate::words::label_key(t);
        if MARKERS.contains(&n.trim_end_matches(':'))
            || t.starts_with('#')
            || names.get(&label).is_some()
        {
            continue;
        }
        if everything.contains(&n) {
            continue;
        }
        // A metadata line (`Tags: a, b`) is kept when what it says is.
        if let Some(values) = super::markdown::meta_values(t, jiff::civil::date(2026, 11, 25))
            && values.iter().all(|v| everything.contains(&norm(v)))
        {
            continue;
        }
        if let Some((head, why)) = t.replace('*', "").split_once(": ")
            && head.chars().count() <= 40
            && everything.contains(&norm(why))
        {
            continue;
        }
        // A section label before a dash or a full-width colon (`Situation – …`, `情境：…`)
        // is structure too, as `- S: …` is.
        let plain = t.replace('*', "");
        if let Some((head, why)) = ["：", " - ", " – ", " — "]
            .iter()
            .find_map(|sep| plain.split_once(sep))
            && (names.get(head).is_some()
                || ["s", "t", "a", "r"].contains(&label_key(head).as_str()))
            && everything.contains(&norm(why))
        {
            continue;
        }
        lost.push(i + 1);
    }
    lost
}

#[test]
fn titles_drop_trailing_tags_and_people() {
    let cat = Catalogue::builtin();
    let names = SectionNames::default();
    let opts = opts_with(&cat, &names);
    let md = "## Projects\n- Led the incident review for the outage #incident @priya\n";
    let e = &import(md, Format::Markdown, &opts)
        .expect("imports")
        .entries[0]
        .entry;
    assert_eq!(e.title, "Led the incident review for the outage");
    assert_eq!(e.tags, ["projects", "incident"]);
    assert_eq!(e.people, ["priya"]);
}

/// Issue 11: every importer is linear in the size of its input.
///
/// Each document here is big enough that the quadratic code it guards against (numbering
/// each entry's lines from the start of the text, `contains` over a list that grows by one
/// per line, looking back over every heading from each heading) makes the test run for
/// more than a minute in a debug build (star-text: about ten seconds), while the linear
/// code takes about a second. A regression shows as a test that does not finish, never as
/// a flaky clock comparison; the assertions check that the big input was read right.
mod linear {
    use super::*;

    fn run(text: &str, format: Format) -> Import {
        let cat = Catalogue::builtin();
        let names = SectionNames::default();
        let opts = opts_with(&cat, &names);
        import(text, format, &opts).expect("imports")
    }

    #[test]
    fn import_linear_jrnl_50000_entries() {
        let n = 50_000;
        let mut text = String::from("{\"tags\": {}, \"entries\": [\n");
        for i in 0..n {
            let sep = if i + 1 < n { "," } else { "" };
            text.push_str(&format!(
                "  {{\"title\": \"Entry {i}.\", \"body\": \"did {i}\",\n   \"date\": \"2025-01-01\", \"tags\": []}}{sep}\n"
            ));
        }
        text.push_str("]}\n");
        let out = run(&text, Format::Jrnl);
        assert_eq!(out.entries.len(), n);
        assert_eq!(out.entries[0].source_lines, (2, 3));
        assert_eq!(out.entries[n - 1].source_lines, (2 * n, 2 * n + 1));
        assert_eq!(out.entries[n - 1].entry.title, format!("Entry {}", n - 1));
    }

    #[test]
    fn import_linear_star_text_links_and_a_long_result() {
        let n = 20_000;
        // Links before any story: one preamble gathers them all.
        let mut text: String = (0..n)
            .map(|i| format!("https://example.com/doc/{i}\n"))
            .collect();
        // One story whose Result runs on, a link in every line.
        text.push_str("S\nBuilds were slow.\nR\n");
        for i in 0..n {
            text.push_str(&format!(
                "- step {i} ran in https://ci.example.com/run/{i} and was green every time\n"
            ));
        }
        let out = run(&text, Format::StarText);
        assert_eq!(out.entries.len(), 1);
        let e = &out.entries[0].entry;
        assert_eq!(e.links.len(), 2 * n);
        assert_eq!(e.result.lines().count(), n);
    }

    #[test]
    fn import_linear_markdown_stories_of_star_headings() {
        let n = 20_000;
        let mut text = String::new();
        for i in 0..n {
            text.push_str(&format!(
                "## Situation\nQueue {i} was slow.\n## Result\nIt takes {i} ms.\n"
            ));
        }
        let out = run(&text, Format::Markdown);
        assert_eq!(out.entries.len(), n);
        assert!(
            out.entries
                .iter()
                .all(|e| e.entry.kind == crate::entry::Kind::Story)
        );
    }

    #[test]
    fn import_linear_markdown_one_entry_with_many_tags() {
        let n = 20_000;
        let mut text = String::from("## Projects\n- Tagged everything\n");
        for i in 0..n {
            text.push_str(&format!("  - part {i} #tag{i} by @person{i}\n"));
        }
        let out = run(&text, Format::Markdown);
        assert_eq!(out.entries.len(), 1);
        let e = &out.entries[0].entry;
        assert_eq!(e.tags.len(), n + 1, "the section tag and one per line");
        assert_eq!(e.people.len(), n);
    }

    #[test]
    fn import_linear_talk_notes_and_csv() {
        let n = 20_000;
        let mut talks = String::new();
        for i in 0..n {
            talks.push_str(&format!(
                "Talk {i} – notes from Conf\nSpeaker: Person {i}\n- idea {i}\n\n"
            ));
        }
        assert_eq!(run(&talks, Format::TalkNotes).entries.len(), n);
        let mut csv = String::from("date,title,tags,link\n");
        for i in 0..n {
            csv.push_str(&format!(
                "2025-01-01,Row {i},a b c,https://example.com/{i}\n"
            ));
        }
        assert_eq!(run(&csv, Format::Csv).entries.len(), n);
    }
}

/// Issue 14: a log that opens with a dated line is text, not a JSON array.
#[test]
fn detect_dated_log_is_not_json() {
    assert_eq!(
        detect("[2024-05-02] Shipped the export\n[2024-05-03] Fixed the build\n"),
        Format::Markdown
    );
    assert_eq!(detect("[{\"date\": \"2024-05-02\"}]"), Format::Jrnl);
    assert_eq!(detect("[ ]"), Format::Jrnl);
}

/// Issue 14: an item's own date beats its heading's and leaves its title; a heading's
/// beats none; the item keeps its text as written.
#[test]
fn markdown_item_dates_beat_heading_dates() {
    let cat = Catalogue::builtin();
    let names = SectionNames::default();
    let opts = opts_with(&cat, &names);
    let doc = "## November 2024\n\
- [Nov 12, 2024] Cut the nightly export to 25 min\n\
- 2024-11-20 – Ran the on-call handover\n\
- Wrote the escalation table\n\
- Migrated the flags (Nov 25–29, 2024)\n\
- Read \"The Phoenix Project\" (2013)\n";
    let out = import(doc, Format::Markdown, &opts).expect("imports");
    let got: Vec<(String, &str)> = out
        .entries
        .iter()
        .map(|e| {
            let d = e.entry.date.map(|d| d.to_string()).unwrap_or_default();
            (d, e.entry.title.as_str())
        })
        .collect();
    let want = [
        ("2024-11-12", "Cut the nightly export to 25 min"),
        ("2024-11-20", "Ran the on-call handover"),
        ("2024-11-01", "Wrote the escalation table"),
        ("2024-11-25", "Migrated the flags"),
        ("2024-11-01", "Read \"The Phoenix Project\" (2013)"),
    ];
    let want: Vec<(String, &str)> = want.iter().map(|(d, t)| (d.to_string(), *t)).collect();
    assert_eq!(got, want);
    assert!(out.entries[0].entry.text.contains("[Nov 12, 2024]"));
    // A goal's trailing date is when it is due.
    let goals = "# 2025\n## Goals\n- Mentor two engineers (H2 2025)\n- 2025-02: Set up the guild\n";
    let out = import(goals, Format::Markdown, &opts).expect("imports");
    let dates: Vec<String> = out
        .entries
        .iter()
        .map(|e| e.entry.date.map(|d| d.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(dates, ["2025-01-01", "2025-02-01"]);
}
