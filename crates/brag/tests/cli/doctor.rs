//! `brag doctor`: `path:line: message` for every file brag cannot read, exit 1 then.

use crate::common::{
    BAD_DATE, BAD_DATE_PATH, BROKEN_YAML, BROKEN_YAML_PATH, DESIGN_STORY, DESIGN_STORY_PATH,
    TestEnv, expect_code, line_after, stdout,
};

#[test]
fn doctor_healthy_vault_exits_0() {
    let env = TestEnv::new();
    env.write_entry(DESIGN_STORY_PATH, DESIGN_STORY);
    env.ok(&["add", "a win"]);
    let out = env.ok(&["doctor"]);
    assert!(out.contains("entries: 2"), "{out}");
    assert!(out.contains("ok"), "{out}");
}

#[test]
fn doctor_empty_vault_exits_0() {
    let env = TestEnv::new();
    env.ok(&["doctor"]);
}

#[test]
fn doctor_lists_broken_files_with_path_line() {
    let env = TestEnv::new();
    env.write_entry(DESIGN_STORY_PATH, DESIGN_STORY);
    env.write_broken();
    let out = env.run(&["doctor"]);
    expect_code(&out, 1, &["doctor"]);
    let text = env.norm(&stdout(&out));
    for rel in [BROKEN_YAML_PATH, BAD_DATE_PATH] {
        let marker = format!("[VAULT]/{rel}:");
        let line = line_after(&text, &marker);
        assert!(
            line.is_some_and(|l| (1..=4).contains(&l)),
            "no `{marker}LINE:` in:\n{text}"
        );
        let row = text
            .lines()
            .find(|l| l.starts_with(&marker))
            .expect("a row per file");
        let message = row.splitn(3, ':').nth(2).unwrap_or_default().trim();
        assert!(!message.is_empty(), "no message in {row}");
    }
    assert!(
        text.contains("2025-13-45"),
        "the bad date is named:\n{text}"
    );
    assert!(
        !text.contains(DESIGN_STORY_PATH),
        "a good file was reported:\n{text}"
    );
    assert_eq!(env.read(BROKEN_YAML_PATH), BROKEN_YAML);
    assert_eq!(env.read(BAD_DATE_PATH), BAD_DATE);
}

#[test]
fn doctor_json_lists_problems() {
    let env = TestEnv::new();
    env.write_entry(DESIGN_STORY_PATH, DESIGN_STORY);
    env.write_broken();
    let out = env.run(&["doctor", "--json"]);
    expect_code(&out, 1, &["doctor", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["ok"], false);
    assert_eq!(v["entries"], 1);
    let problems = v["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 2, "{v}");
    for p in problems {
        assert!(
            p["path"].is_string() && p["line"].is_u64() && p["message"].is_string(),
            "{p}"
        );
    }
    let healthy = TestEnv::new();
    let v = healthy.json(&["doctor", "--json"]);
    assert_eq!(v["ok"], true);
    assert_eq!(v["problems"], serde_json::json!([]));
}

#[test]
fn doctor_is_healthy_again_once_the_file_is_fixed() {
    let env = TestEnv::new();
    env.write_broken();
    env.fails(&["doctor"], 1);
    env.write_entry(
        BROKEN_YAML_PATH,
        &BROKEN_YAML.replace("[unclosed", "Fixed now"),
    );
    std::fs::remove_file(env.path(BAD_DATE_PATH)).expect("delete");
    env.ok(&["doctor"]);
    assert_eq!(env.list_ids(&[]), ["2025-01-02-broken-yaml"]);
}

#[test]
fn doctor_names_files_brag_does_not_read() {
    use std::os::unix::ffi::OsStrExt as _;
    let env = TestEnv::new();
    env.write_entry(DESIGN_STORY_PATH, DESIGN_STORY);
    let body = "---\ntitle: Somewhere\ndate: 2025-05-05\n---\n\ntext\n";
    env.write_entry("README.md", body);
    env.write_entry("notes/idea.md", body);
    env.write_entry("2025/2025-05-05-shout.MD", body);
    // At any depth under a year directory, a file is an entry.
    env.write_entry("2025/05/2025-05-06-deep.md", body);
    let odd = env
        .path("2025")
        .join(std::ffi::OsStr::from_bytes(b"2025-05-07-caf\xe9.md"));
    crate::common::write_file(&odd, body.as_bytes());
    let out = env.run(&["doctor"]);
    expect_code(&out, 1, &["doctor"]);
    let text = env.norm(&stdout(&out));
    assert!(text.contains("4 files brag does not read:"), "{text}");
    for (path, why) in [
        ("[VAULT]/README.md", "not in a year directory"),
        ("[VAULT]/notes/idea.md", "not in a year directory"),
        ("[VAULT]/2025/2025-05-05-shout.MD", "end in `.md`"),
        ("[VAULT]/2025/2025-05-07-caf\u{fffd}.md", "not UTF-8"),
    ] {
        let row = text
            .lines()
            .find(|l| l.starts_with(&format!("{path}: ")))
            .unwrap_or_else(|| panic!("no row for {path} in:\n{text}"));
        assert!(row.contains(why), "{row}");
    }
    assert!(!text.contains("deep.md"), "{text}");
    assert!(env.list_ids(&[]).contains(&"2025-05-06-deep".to_owned()));
    let json = env.run(&["doctor", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(v["ok"], false);
    assert_eq!(v["ignored"].as_array().map(Vec::len), Some(4), "{v}");
}

#[test]
fn doctor_lists_unknown_competency_ids_with_the_nearest() {
    let env = TestEnv::new();
    env.write_entry(
        "2025/2025-04-01-typo.md",
        "---\ntitle: Typo\ndate: 2025-04-01\nkind: story\ncompetencies: [dive-deep]\n---\n\n## Result\nok\n",
    );
    env.write_entry(
        "2025/2025-04-02-typos.md",
        "---\ntitle: Typos\ndate: 2025-04-02\nkind: story\ncompetencies:\n  - dive-depp\n  - customer-obssession\n  - zzzz\n---\n\n## Result\nok\n",
    );
    let out = env.run(&["doctor"]);
    expect_code(&out, 1, &["doctor"]);
    let text = env.norm(&stdout(&out));
    assert!(
        text.contains("3 competency ids no active framework (amazon-lp) knows"),
        "{text}"
    );
    assert!(
        text.contains("[VAULT]/2025/2025-04-02-typos.md:6: `dive-depp` is no competency; did you mean `dive-deep`?"),
        "{text}"
    );
    assert!(
        text.contains("`customer-obssession` is no competency; did you mean `customer-obsession`?"),
        "{text}"
    );
    assert!(
        text.contains("[VAULT]/2025/2025-04-02-typos.md:8: `zzzz` is no competency"),
        "{text}"
    );
    assert!(!text.contains("2025-04-01-typo.md"), "{text}");
}
