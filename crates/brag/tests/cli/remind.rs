//! `brag remind`: a nudge when the record is quiet (BRAG_NOW fixes the clock), silence
//! when it is fresh; `--install` and `--uninstall` in a temporary XDG_CONFIG_HOME.

use crate::common::{TestEnv, expect_code, stdout, write_file};

/// An entry dated `date`, of kind `kind`, with a body.
fn entry(env: &TestEnv, date: &str, slug: &str, kind: &str, body: &str) {
    env.write_entry(
        &format!("{}/{date}-{slug}.md", &date[..4]),
        &format!("---\ntitle: {slug}\ndate: {date}\nkind: {kind}\n---\n\n{body}\n"),
    );
}

#[test]
fn remind_nudges_a_quiet_record_with_what_could_be_recorded() {
    let env = TestEnv::new();
    // BRAG_NOW is 2026-11-25: the last entry is 15 days old.
    entry(
        &env,
        "2026-11-10",
        "cut-p99",
        "win",
        "Cut p99 from 420 ms to 95 ms.",
    );
    entry(
        &env,
        "2026-09-01",
        "thin-story",
        "story",
        "## Situation\nSomething broke.\n",
    );
    env.write_entry(
        "2026/2026-11-12-harvested.md",
        "---\ntitle: \"billing-api: 5 commits\"\ndate: 2026-11-12\nkind: win\ndraft: true\n---\n\nFive commits.\n",
    );
    let out = env.ok(&["remind"]);
    assert!(
        out.starts_with("brag: nothing recorded for 15 days"),
        "{out}"
    );
    assert!(out.contains("\"cut-p99\", 2026-11-10"), "{out}");
    assert!(out.contains("brag add"), "{out}");
    assert!(out.contains("1 draft from `brag harvest`"), "{out}");
    assert!(out.contains("the coach scores weak"), "{out}");
    assert!(out.lines().count() <= 6, "a nudge is short: {out}");

    let json = env.json(&["remind", "--json"]);
    assert_eq!(json["quiet"], true);
    assert_eq!(json["days_since"], 15);
    assert_eq!(json["drafts"].as_array().map(Vec::len), Some(1));
    // Without notify-send on PATH, --notify prints.
    let out = env.run_env(&["remind", "--notify"], &[("PATH", "/nonexistent")]);
    expect_code(&out, 0, &["remind", "--notify"]);
    assert!(
        stdout(&out).starts_with("brag: nothing recorded"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn remind_is_silent_when_the_record_is_fresh() {
    let env = TestEnv::new();
    entry(
        &env,
        "2026-11-23",
        "shipped",
        "win",
        "Shipped the importer to 14 teams.",
    );
    assert_eq!(env.ok(&["remind"]), "");
    assert_eq!(env.ok(&["remind", "--notify"]), "");
    // Quiet after a day with --days 1; and brag.toml's remind.days counts.
    assert!(
        env.ok(&["remind", "--days", "1"])
            .contains("nothing recorded for 2 days")
    );
    let config = env.read("brag.toml");
    env.write_entry("brag.toml", &format!("{config}\n[remind]\ndays = 2\n"));
    assert!(!env.ok(&["remind"]).is_empty());
    env.write_entry("brag.toml", &format!("{config}\n[remind]\ndays = 0\n"));
    let out = env.run(&["remind"]);
    expect_code(&out, 1, &["remind"]);
}

#[test]
fn remind_an_empty_record() {
    let env = TestEnv::new();
    assert!(
        env.ok(&["remind"])
            .starts_with("brag: nothing recorded yet")
    );
}

#[test]
fn remind_install_writes_a_timer_and_uninstall_removes_it() {
    let env = TestEnv::new();
    let config = env.root().join("xdg-config");
    let bin = env.root().join("bin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    // A systemctl that records what it was asked.
    let log = env.root().join("systemctl.log");
    let fake = bin.join("systemctl");
    write_file(
        &fake,
        format!("#!/bin/sh\necho \"$@\" >> {}\n", log.display()).as_bytes(),
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let path = format!("{}:/usr/bin:/bin", bin.display());
    let vars = [
        ("XDG_CONFIG_HOME", config.to_str().expect("utf-8")),
        ("PATH", path.as_str()),
    ];
    let out = env.run_env(&["remind", "--install"], &vars);
    expect_code(&out, 0, &["remind", "--install"]);
    let said = stdout(&out);
    let units = config.join("systemd/user");
    let timer = std::fs::read_to_string(units.join("brag-remind.timer")).expect("timer");
    let service = std::fs::read_to_string(units.join("brag-remind.service")).expect("service");
    assert!(timer.contains("OnCalendar="), "{timer}");
    assert!(service.contains("remind --notify"), "{service}");
    assert!(
        service.contains(env.vault().to_str().expect("utf-8")),
        "{service}"
    );
    assert!(
        said.contains("Wrote") && said.contains("enable --now"),
        "{said}"
    );
    let calls = std::fs::read_to_string(&log).expect("systemctl ran");
    assert!(
        calls.contains("--user enable --now brag-remind.timer"),
        "{calls}"
    );

    let out = env.run_env(&["remind", "--uninstall"], &vars);
    expect_code(&out, 0, &["remind", "--uninstall"]);
    assert!(!units.join("brag-remind.timer").exists());
    assert!(!units.join("brag-remind.service").exists());
    let calls = std::fs::read_to_string(&log).expect("systemctl ran");
    assert!(
        calls.contains("--user disable --now brag-remind.timer"),
        "{calls}"
    );
    assert!(stdout(&out).contains("Removed"), "{}", stdout(&out));
}

#[test]
fn remind_install_without_systemd_prints_the_crontab_line_and_changes_nothing() {
    let env = TestEnv::new();
    let config = env.root().join("xdg-config");
    let vars = [
        ("XDG_CONFIG_HOME", config.to_str().expect("utf-8")),
        ("PATH", "/nonexistent"),
    ];
    let out = env.run_env(&["remind", "--install"], &vars);
    expect_code(&out, 0, &["remind", "--install"]);
    let said = stdout(&out);
    assert!(said.contains("crontab"), "{said}");
    assert!(said.contains("0 10 * * 1 "), "{said}");
    assert!(said.contains("remind --notify"), "{said}");
    assert!(!config.exists(), "nothing written");
}
