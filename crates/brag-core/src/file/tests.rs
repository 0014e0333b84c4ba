use super::*;
use proptest::prelude::*;

/// The story of DESIGN.md's "File format", with a comment above the unknown key; the
/// CLI tests use the same file.
const DESIGN_EXAMPLE: &str =
    include_str!("../../../../fixtures/entries/2025-03-14-retry-budget.md");

fn id(s: &str) -> EntryId {
    EntryId(s.to_owned())
}

#[test]
fn parse_design_example() {
    let p = parse(DESIGN_EXAMPLE, Some(&id("2025-03-14-retry-budget"))).expect("parses");
    let e = p.entry;
    assert_eq!(e.title, "Retry budget for rivet");
    assert_eq!(e.date, Some(jiff::civil::date(2025, 3, 14)));
    assert_eq!(e.kind, Kind::Story);
    assert_eq!(e.competencies, ["invent-and-simplify", "dive-deep"]);
    assert_eq!(e.tags, ["reliability", "rivet"]);
    assert_eq!(e.project.as_deref(), Some("rivet"));
    assert_eq!(e.people, ["priya"]);
    assert_eq!(e.links[0].label, "example-org/rivet#412");
    assert!(e.situation.starts_with("Our HTTP client"));
    assert!(e.action.contains("token-bucket"));
    assert_eq!(e.metrics, ["retry load 14x → 1.3x"]);
    assert_eq!(e.lessons, "Measure before you pool.");
    assert_eq!(
        e.competency_notes
            .get("invent-and-simplify")
            .map(String::as_str),
        Some("reused the success counter we already had instead of a new limiter")
    );
    assert_eq!(
        e.extra.get("my-own-key"),
        Some(&Value::String("kept as written".into()))
    );
    assert_eq!(e.path, "2025/2025-03-14-retry-budget.md");
}

#[test]
fn update_unchanged_gives_same_bytes() {
    let e = parse(DESIGN_EXAMPLE, Some(&id("2025-03-14-retry-budget")))
        .expect("parses")
        .entry;
    assert_eq!(update(DESIGN_EXAMPLE, &e).expect("updates"), DESIGN_EXAMPLE);
}

#[test]
fn update_keeps_unknown_keys_and_comments_in_place() {
    let original =
        "---\n# my comment\ntitle: Old\naliases: [a, b]\ntags: [x]\nnested:\n  k: v\n---\n\nbody\n";
    let mut e = parse(original, None).expect("parses").entry;
    e.title = "New: title".into();
    e.tags.push("z".into());
    e.project = Some("rivet".into());
    let out = update(original, &e).expect("updates");
    assert_eq!(
        out,
        "---\n# my comment\ntitle: \"New: title\"\naliases: [a, b]\ntags: [x, z]\nproject: rivet\nnested:\n  k: v\n---\n\nbody\n"
    );
    assert_eq!(parse(&out, None).expect("reparses").entry, e);
}

#[test]
fn parse_empty_title_derives_one() {
    let e = parse("---\ntitle:\nkind: story\n---\n## Situation\nThe build took 40 minutes. Nobody knew why.\n", None)
        .expect("parses")
        .entry;
    assert_eq!(e.title, "The build took 40 minutes");
}

#[test]
fn parse_without_front_matter() {
    let e = parse(
        "# Shipped the thing\n\nIt went well. #perf\n",
        Some(&id("2024-05-01-thing")),
    )
    .expect("parses")
    .entry;
    assert_eq!(e.title, "Shipped the thing");
    assert_eq!(e.text, "It went well. #perf");
    assert_eq!(e.date, Some(jiff::civil::date(2024, 5, 1)));
    assert_eq!(e.kind, Kind::Win);
}

#[test]
fn parse_errors_name_the_line() {
    let cases = [
        ("---\ntitle: x\ndate: 2025-13-45\n---\n", 3, "bad date"),
        ("---\ntitle: [unclosed\n---\n", 2, "bad YAML"),
        ("---\ntitle: x\nkind: storry\n---\n", 3, "unknown kind"),
        ("---\ntitle: x\n", 1, "no closing"),
        ("---\ntitle: x\ntags: {a: 1}\n---\n", 3, "list of names"),
        ("---\ntitle: ok\n  bad: indent: here\n---\n", 3, "bad YAML"),
    ];
    for (text, line, msg) in cases {
        let err = parse(text, None).expect_err(text);
        assert_eq!(err.line, line, "{text:?}: {err}");
        assert!(err.message.contains(msg), "{text:?}: {err}");
    }
}

#[test]
fn yaml_errors_are_whole_sentences() {
    // Issue 11: the budget error was cut mid-sentence ("... (used").
    let mut laughs = String::from("---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let mut prev = 'a';
    for c in "bcdefgh".chars() {
        laughs.push_str(&format!(
            "{c}: &{c} [{}]\n",
            vec![format!("*{prev}"); 9].join(", ")
        ));
        prev = c;
    }
    laughs.push_str("title: x\n---\nbody\n");
    let deep = format!(
        "---\ntitle: {}{}\n---\n",
        "[".repeat(3000),
        "]".repeat(3000)
    );
    for (text, want) in [
        (
            laughs.as_str(),
            "bad YAML front matter: it is too big to read",
        ),
        (
            deep.as_str(),
            "bad YAML front matter: it is nested too deeply to read",
        ),
        (
            "---\ntitle: a\ntitle: b\n---\n",
            "bad YAML front matter: the key `title` appears twice",
        ),
    ] {
        let err = parse(text, None).expect_err("refused");
        assert!(err.message.starts_with(want), "{err}");
        for leak in ["at line", "column", "(used", "DuplicateKeyPolicy", "\n"] {
            assert!(!err.message.contains(leak), "{leak:?} in {err}");
        }
    }
}

#[test]
fn section_synonyms_and_levels() {
    let body =
        "---\ntitle: t\n---\n### Context\nc\n\n**Outcome**\n\n# What I did\nw\n## Impact:\nr\n";
    let e = parse(body, None).expect("parses").entry;
    assert_eq!(e.situation, "c\n\n**Outcome**");
    assert_eq!(e.action, "w");
    assert_eq!(e.result, "r");
    assert_eq!(e.kind, Kind::Story);
}

#[test]
fn headings_inside_code_fences_are_text() {
    let e = parse("---\ntitle: t\n---\n## Action\n```\n## Result\n```\n", None)
        .expect("parses")
        .entry;
    assert_eq!(e.action, "```\n## Result\n```");
    assert_eq!(e.result, "");
}

#[test]
fn crlf_files_read_like_lf() {
    let crlf = DESIGN_EXAMPLE.replace('\n', "\r\n");
    let a = parse(DESIGN_EXAMPLE, None).expect("lf").entry;
    let b = parse(&crlf, None).expect("crlf").entry;
    assert_eq!(a, b);
}

#[test]
fn yaml_block_scalar_allows_urls_and_inner_hashes() {
    for (s, want) in [
        ("https://x.io/a?b=1#c", "https://x.io/a?b=1#c"),
        ("Retry budget #2", "\"Retry budget #2\""),
        ("C#", "C#"),
        ("a, b [c]", "a, b [c]"),
        ("key: value", "\"key: value\""),
        ("ends:", "\"ends:\""),
    ] {
        assert_eq!(yaml_block_scalar(s), want, "{s:?}");
    }
}

#[test]
fn yaml_scalar_quotes_what_needs_it() {
    for (s, want) in [
        ("plain words", "plain words"),
        ("Retry: budget #1", "\"Retry: budget #1\""),
        ("yes", "\"yes\""),
        ("2025", "\"2025\""),
        ("", "\"\""),
        ("@priya", "\"@priya\""),
        ("- dash", "\"- dash\""),
        ("a\nb", "\"a\\nb\""),
    ] {
        assert_eq!(yaml_scalar(s), want, "{s:?}");
    }
}

// ---- property tests ----

fn line_text() -> impl Strategy<Value = String> {
    // Sentences of words, punctuation and non-ASCII; never a heading, fence or blank edge.
    proptest::collection::vec("[a-zA-Z0-9éü→%.,:;!?'\"()\\[\\]{}@#&*-]{1,12}", 1..8)
        .prop_map(|w| w.join(" "))
        .prop_filter("not markdown structure", |s| {
            !s.starts_with('#')
                && !s.starts_with("```")
                && !s.starts_with("~~~")
                && !s.starts_with('-')
        })
}

fn block_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        proptest::collection::vec(line_text(), 1..4).prop_map(|l| l.join("\n")),
    ]
}

fn word() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,5}){0,2}"
}

fn any_scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,30}",
        "[a-z:#/., ]{0,20}",
        "\\PC{0,20}",
        Just("yes".to_owned()),
        Just("2025".to_owned()),
        Just("a: b # c".to_owned()),
    ]
}

prop_compose! {
    fn arb_entry()(
        kind in proptest::sample::select(Kind::ALL.to_vec()),
        date in proptest::option::of((1990i16..2100, 1i8..=12, 1i8..=28)),
        undated in any::<bool>(),
        title in any_scalar().prop_filter("title", |t| !t.trim().is_empty() && t.trim() == t && !t.contains(['\n', '\r'])),
        tags in proptest::collection::vec(any_scalar(), 0..4),
        competencies in proptest::collection::vec(word(), 0..3),
        project in proptest::option::of(any_scalar()),
        people in proptest::collection::vec(word(), 0..3),
        urls in proptest::collection::vec("https://[a-z]{1,8}\\.com/[a-z0-9/]{0,12}", 0..3),
        text in block_text(),
        star in proptest::collection::vec(block_text(), 6),
        metrics in proptest::collection::vec(line_text(), 0..3),
        notes in proptest::collection::vec((word(), prop_oneof![Just(String::new()), line_text()]), 0..3),
        extra in proptest::collection::vec((word(), any_scalar()), 0..3),
    ) -> Entry {
        let mut e = Entry {
            kind,
            date: date.and_then(|(y, m, d)| jiff::civil::Date::new(y, m, d).ok()),
            undated,
            title,
            tags: tags.into_iter().map(|t| t.trim_start_matches('#').to_owned()).collect(),
            competencies,
            project,
            people,
            links: urls.iter().map(|u| Link::new(u)).collect(),
            text,
            situation: star[0].clone(),
            task: star[1].clone(),
            action: star[2].clone(),
            result: star[3].clone(),
            lessons: star[4].clone(),
            notes: star[5].clone(),
            metrics,
            ..Entry::default()
        };
        for (k, v) in notes {
            e.competency_notes.insert(k, v);
        }
        for (k, v) in extra {
            if !KNOWN_KEYS.contains(&k.as_str()) {
                e.extra.insert(k, Value::String(v));
            }
        }
        // A kind written explicitly always wins, so any kind round-trips.
        e
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn render_then_parse_gives_same_entry(e in arb_entry()) {
        let text = render(&e);
        let back = parse(&text, None).map_err(|err| TestCaseError::fail(format!("{err}\n{text}")))?;
        prop_assert_eq!(&back.entry, &e, "{}", text);
        // And an unchanged entry is written back byte for byte.
        prop_assert_eq!(update(&text, &back.entry).map_err(|err| TestCaseError::fail(err.to_string()))?, text);
    }

    #[test]
    fn update_then_parse_gives_new_entry(a in arb_entry(), b in arb_entry()) {
        let text = render(&a);
        let mut want = b.clone();
        want.extra = a.extra.clone();
        let out = update(&text, &want).map_err(|err| TestCaseError::fail(format!("{err}\n{text}")))?;
        let back = parse(&out, None).map_err(|err| TestCaseError::fail(format!("{err}\n{out}")))?;
        prop_assert_eq!(back.entry, want);
    }

    #[test]
    fn parse_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse(&text, None);
        let framed = format!("---\n{text}\n---\nbody");
        let _ = parse(&framed, None);
    }

    #[test]
    fn parse_never_panics_on_yamlish(text in "[a-z:\\-\\[\\]{}#&*!|>'\" \n\t]{0,200}") {
        let framed = format!("---\n{text}\n---\n");
        let _ = parse(&framed, None);
    }
}
