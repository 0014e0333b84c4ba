//! `brag import`: re-import, dry run, warnings, stdin, config, bad input, format detection.

use serde_json::Value;

use crate::common::{TestEnv, expect_code, import_fixture, stderr, stdout, write_file};

// The examples against their truths are `import_data.rs`, one case per document.

#[test]
fn import_dry_run_writes_nothing() {
    let env = TestEnv::new();
    let before = env.snapshot();
    let out = env.ok(&[
        "import",
        "--dry-run",
        import_fixture("star-notes.txt").to_str().expect("path"),
    ]);
    assert!(out.contains("12 entries would be written"), "{out}");
    assert!(out.contains("Nothing was written"), "{out}");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn import_twice_adds_nothing() {
    let env = TestEnv::new();
    let doc = import_fixture("star-notes.txt");
    let doc = doc.to_str().expect("path");
    let first = env.ok(&["import", doc]);
    assert!(first.contains("12 new, 0 already present"), "{first}");
    let files = env.files();
    assert_eq!(files.len(), 12);
    let second = env.ok(&["import", doc]);
    assert!(second.contains("0 new, 12 already present"), "{second}");
    assert_eq!(env.files(), files);
    // Deleting the index loses nothing: the keys live in the files.
    std::fs::remove_file(env.path(".brag/index.db")).expect("rm index");
    let third = env.ok(&["import", doc]);
    assert!(third.contains("0 new, 12 already present"), "{third}");
}

#[test]
fn import_writes_entries_that_read_back() {
    let env = TestEnv::new();
    env.ok(&[
        "import",
        import_fixture("star-notes.txt").to_str().expect("path"),
    ]);
    let doctor = env.ok(&["doctor"]);
    assert!(doctor.contains("entries: 12"), "{doctor}");
    let found = env.json(&["search", "--json", "checkout"]);
    let e = &found[0];
    assert_eq!(e["kind"], "story");
    assert_eq!(e["undated"], true);
    assert_eq!(
        e["competencies"],
        serde_json::json!([
            "are-right-a-lot",
            "insist-on-the-highest-standards",
            "hire-and-develop-the-best"
        ])
    );
    assert!(
        e["competency_notes"]["are-right-a-lot"]
            .as_str()
            .is_some_and(|n| n.contains("smaller migration"))
    );
    // The file names competencies the way people read them.
    let raw = env.ok(&["show", "--raw", e["id"].as_str().expect("id")]);
    assert!(
        raw.contains("- Are Right, A Lot: picked the smaller migration"),
        "{raw}"
    );
}

#[test]
fn import_warnings_name_file_and_line() {
    let env = TestEnv::new();
    let doc = import_fixture("star-notes.txt");
    let out = env.run(&["import", "--dry-run", doc.to_str().expect("path")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("star-notes.txt:1: left out `Sub pages`"),
        "{err}"
    );
}

#[test]
fn import_json_of_a_real_import() {
    let env = TestEnv::new();
    let v = env.json(&[
        "import",
        "--json",
        import_fixture("talk-notes.txt").to_str().expect("path"),
    ]);
    assert_eq!(v["format"], "talk-notes");
    assert_eq!(v["present"], 0);
    let added = v["added"].as_array().expect("added");
    assert!(!added.is_empty());
    assert!(added.iter().all(|e| {
        e["id"]
            .as_str()
            .is_some_and(|id| id.starts_with("2026-11-25-"))
    }));
}

#[test]
fn import_date_flag_gives_a_stand_in_date_and_keeps_undated() {
    let env = TestEnv::new();
    let doc = env.root().join("notes.txt");
    write_file(&doc, b"S\nThe deploy took an hour.\nR\nTen minutes now.\n");
    let v = env.json(&[
        "import",
        "--dry-run",
        "--json",
        "--date",
        "2025-03",
        doc.to_str().expect("path"),
    ]);
    let e = &v["entries"][0];
    assert_eq!(e["date"], "2025-03-01");
    // The coach still asks for the real date.
    assert_eq!(e["undated"], true);
    assert_eq!(e["source_lines"], serde_json::json!([1, 4]));
    assert!(e.get("id").is_none(), "a dry run has no ids yet: {e}");
}

#[test]
fn import_reads_stdin() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["import", "--format", "star-text", "-"])
        .write_stdin("S\nThe queue lost messages.\nR\nNone lost since.\n")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(env.files().len(), 1);
}

#[test]
fn import_section_names_from_config() {
    let env = TestEnv::new();
    write_file(
        &env.path("brag.toml"),
        "[import.sections]\nSituation = [\"Ausgangslage\"]\nResult = [\"Ergebnis\"]\n".as_bytes(),
    );
    let doc = env.root().join("de.txt");
    write_file(
        &doc,
        "Ausgangslage: Die Suche war langsam.\nErgebnis: Zehnmal schneller.\n".as_bytes(),
    );
    let v = env.json(&[
        "import",
        "--dry-run",
        "--json",
        "--format",
        "star-text",
        doc.to_str().expect("path"),
    ]);
    let e = &v["entries"][0];
    assert_eq!(e["situation"], "Die Suche war langsam.");
    assert_eq!(e["result"], "Zehnmal schneller.");
}

#[test]
fn import_bad_input_changes_nothing() {
    let env = TestEnv::new();
    let before = env.snapshot();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "binary.bin",
            vec![0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3],
            "binary",
        ),
        (
            "latin1.txt",
            b"S\ncaf\xe9 was slow\n".to_vec(),
            "latin1.txt:2: not valid UTF-8",
        ),
        ("empty.txt", b"  \n\n".to_vec(), "empty"),
        ("big.txt", vec![b'x'; 17 << 20], "up to 16 MB"),
    ];
    for (name, bytes, msg) in cases {
        let path = env.root().join(name);
        write_file(&path, &bytes);
        // One bad file among good ones: nothing at all is written.
        let good = import_fixture("star-notes.txt");
        let err = env.fails(
            &[
                "import",
                good.to_str().expect("path"),
                path.to_str().expect("path"),
            ],
            1,
        );
        assert!(err.contains("error:") && err.contains(msg), "{name}: {err}");
        assert_eq!(env.snapshot(), before, "{name} changed the vault");
    }
    assert!(
        env.fails(&["import", "/nonexistent/file.txt"], 1)
            .contains("/nonexistent/file.txt")
    );
}

#[test]
fn import_unknown_format_is_usage_error() {
    let env = TestEnv::new();
    let err = env.fails(&["import", "--format", "docx", "x.txt"], 2);
    assert!(err.contains("unknown format `docx`"), "{err}");
}

#[test]
fn import_detects_each_format() {
    let env = TestEnv::new();
    for (name, format) in [
        ("star-notes.txt", "star-text"),
        ("brag-doc.md", "markdown"),
        ("talk-notes.txt", "talk-notes"),
        ("jrnl-export.json", "jrnl"),
        ("wins.csv", "csv"),
        ("stories.csv", "csv"),
    ] {
        let v = env.json(&[
            "import",
            "--dry-run",
            "--json",
            import_fixture(name).to_str().expect("path"),
        ]);
        assert_eq!(v["format"], format, "{name}");
    }
}

#[test]
fn import_jrnl_keeps_starred() {
    // check_import.py compares strings; jrnl's `starred` is a bool, so it is checked here.
    let env = TestEnv::new();
    let v = env.json(&[
        "import",
        "--dry-run",
        "--json",
        import_fixture("jrnl-export.json").to_str().expect("path"),
    ]);
    let starred: Vec<bool> = v["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["extra"]["starred"] == true)
        .collect();
    assert_eq!(starred, [false, true, false, false, false], "{v}");
}

/// Issue 14: `brag import DIR` reads every document of a folder and its folders, in name
/// order, one JSON object per file; a daily file's name dates its entries; hidden
/// folders, symbolic links and other files are passed over and named.
#[test]
fn import_folder_of_daily_files() {
    let env = TestEnv::new();
    let dir = env.root().join("journal");
    write_file(
        &dir.join("2024-05-03.md"),
        b"09:00 Wrote the design doc for the queue\n16:45 Shipped the queue to staging\n",
    );
    write_file(
        &dir.join("2024-05-02-standup.txt"),
        b"- 09:12 Fixed the flaky checkout test\n- 10:30 Reviewed the retry PR\n",
    );
    write_file(
        &dir.join("older/2023_12_01.md"),
        b"## Wins\n- 2023-11-30: Led the incident review\n- Mentored a new hire\n",
    );
    write_file(
        &dir.join(".obsidian/workspace.md"),
        b"- not a document of mine\n",
    );
    write_file(&dir.join("diagram.png"), b"\x89PNG\r\n\x1a\n");
    let out = env.run(&["import", "--dry-run", "--json", dir.to_str().expect("path")]);
    expect_code(&out, 0, &["import", "--dry-run", "--json", "journal"]);
    let v: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let files: Vec<String> = v
        .as_array()
        .expect("one object per file")
        .iter()
        .map(|d| {
            d["file"]
                .as_str()
                .unwrap_or("")
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_owned()
        })
        .collect();
    assert_eq!(
        files,
        ["2024-05-02-standup.txt", "2024-05-03.md", "2023_12_01.md"]
    );
    let dates = |i: usize| -> Vec<String> {
        v[i]["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .map(|e| format!("{} {}", e["date"].as_str().unwrap_or("-"), e["undated"]))
            .collect()
    };
    assert_eq!(dates(0), ["2024-05-02 false", "2024-05-02 false"]);
    assert_eq!(v[0]["format"], "log");
    assert_eq!(v[1]["entries"][1]["title"], "Shipped the queue to staging");
    // An entry's own date beats its file's.
    assert_eq!(dates(2), ["2023-11-30 false", "2023-12-01 false"]);
    let err = stderr(&out);
    assert!(err.contains("diagram.png"), "{err}");
    assert!(
        !err.contains("workspace.md"),
        "hidden folders are not listed: {err}"
    );

    // Imported for real, then again: the second time adds nothing.
    let first = env.json(&["import", "--json", dir.to_str().expect("path")]);
    let added: usize = first
        .as_array()
        .expect("a list")
        .iter()
        .map(|o| o["added"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(added, 6);
    let again = env.json(&["import", "--json", dir.to_str().expect("path")]);
    let present: u64 = again
        .as_array()
        .expect("a list")
        .iter()
        .map(|o| o["present"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(present, 6);
}

#[test]
fn import_folder_without_documents_is_an_error_that_writes_nothing() {
    let env = TestEnv::new();
    let dir = env.root().join("pictures");
    write_file(&dir.join("a.png"), b"\x89PNG\r\n\x1a\n");
    let before = env.snapshot();
    let err = env.fails(&["import", dir.to_str().expect("path")], 1);
    assert!(err.contains("holds no document"), "{err}");
    assert_eq!(env.snapshot(), before);
}
