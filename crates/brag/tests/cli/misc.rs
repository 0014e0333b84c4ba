//! Help, usage errors, completions, the man page, and where the vault is.

use crate::common::{TestEnv, expect_code, stderr, stdout};

const SUBCOMMANDS: &[&str] = &[
    "init",
    "add",
    "new",
    "edit",
    "show",
    "list",
    "search",
    "rm",
    "doctor",
    "reindex",
    "demo",
    "completions",
    "man",
];

#[test]
fn misc_help_for_every_subcommand() {
    let env = TestEnv::bare();
    let top = env.ok(&["--help"]);
    for sub in SUBCOMMANDS {
        assert!(
            top.contains(sub),
            "`{sub}` missing from brag --help:\n{top}"
        );
        let help = env.ok(&[sub, "--help"]);
        assert!(help.contains("Usage: brag"), "brag {sub} --help:\n{help}");
        let via_help = env.ok(&["help", sub]);
        assert_eq!(
            via_help, help,
            "`brag help {sub}` differs from `brag {sub} --help`"
        );
    }
    assert!(!env.vault().exists(), "--help made a vault");
}

#[test]
fn misc_version() {
    let env = TestEnv::bare();
    let out = env.ok(&["--version"]);
    assert!(out.starts_with("brag "), "{out}");
}

#[test]
fn misc_unknown_subcommand_exits_2() {
    let env = TestEnv::new();
    let out = env.run(&["bogus"]);
    expect_code(&out, 2, &["bogus"]);
    assert!(stderr(&out).starts_with("error:"), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn misc_unknown_flag_and_missing_argument_exit_2() {
    let env = TestEnv::new();
    env.fails(&["list", "--bogus"], 2);
    env.fails(&["add"], 2);
    env.fails(&["show"], 2);
    env.fails(&["list", "-n", "many"], 2);
}

#[test]
fn misc_no_subcommand_is_usage_error() {
    let env = TestEnv::new();
    env.fails(&[], 2);
}

#[test]
fn misc_completions_bash() {
    let env = TestEnv::bare();
    let out = env.ok(&["completions", "bash"]);
    assert!(out.contains("brag"), "{out}");
    assert!(out.len() > 100);
    for shell in ["zsh", "fish"] {
        assert!(
            !env.ok(&["completions", shell]).trim().is_empty(),
            "{shell}"
        );
    }
    env.fails(&["completions", "cmd.exe"], 2);
}

#[test]
fn misc_man_page() {
    let env = TestEnv::bare();
    let out = env.ok(&["man"]);
    assert!(out.contains(".TH brag"), "{out}");
}

#[test]
fn misc_read_without_vault_hints_init() {
    let env = TestEnv::bare();
    for args in [
        &["list"][..],
        &["search", "x"],
        &["show", "x"],
        &["doctor"],
        &["rm", "x"],
        &["reindex"],
    ] {
        let err = env.fails(args, 1);
        assert!(err.starts_with("error:"), "brag {args:?}: {err}");
        assert!(err.contains("brag init"), "brag {args:?}: {err}");
    }
    let out = env.run_env(&["edit", "x"], &[("EDITOR", "true")]);
    expect_code(&out, 1, &["edit"]);
    assert!(stderr(&out).contains("brag init"), "{}", stderr(&out));
    assert!(!env.vault().exists(), "a read command made the vault");
}

#[test]
fn misc_default_vault_is_under_xdg_data_home() {
    let env = TestEnv::bare();
    let out = env
        .cmd()
        .env_remove("BRAG_VAULT")
        .args(["add", "no vault given"])
        .output()
        .expect("run brag");
    expect_code(&out, 0, &["add"]);
    let file = env
        .root()
        .join("xdg-data/brag/2026/2026-11-25-no-vault-given.md");
    assert!(file.is_file(), "{} missing", file.display());
    assert!(!env.vault().exists());
}

#[test]
fn misc_vault_flag_beats_env() {
    let env = TestEnv::new();
    let other = env.root().join("other");
    let other = other.to_str().expect("utf-8 path");
    env.ok(&["--vault", other, "add", "in the other vault"]);
    env.ok(&["add", "in the main vault"]);
    assert_eq!(env.list_ids(&[]), ["2026-11-25-in-the-main-vault"]);
    let ids = crate::common::ids(&env.json(&["list", "--json", "--vault", other]));
    assert_eq!(ids, ["2026-11-25-in-the-other-vault"]);
}

#[test]
fn misc_bad_brag_now_is_usage_error() {
    let env = TestEnv::new();
    let out = env.run_env(&["list"], &[("BRAG_NOW", "not-a-date")]);
    expect_code(&out, 2, &["list"]);
}

/// Runs `brag ARGS` with its stdout a pipe whose reader is already gone.
fn run_with_closed_stdout(env: &TestEnv, args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().expect("make a pipe");
    drop(reader);
    env.std_cmd()
        .args(args)
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("run brag")
}

#[test]
fn misc_closed_stdout_exits_quietly() {
    let env = TestEnv::new();
    env.ok(&["add", "a win to print #perf"]);
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["search", "win"],
        &["search", "--json", "win"],
        &["show", "win"],
        &["show", "--json", "win"],
        &["show", "--raw", "win"],
        &["doctor"],
        &["man"],
        &["--help"],
    ] {
        let out = run_with_closed_stdout(&env, args);
        expect_code(&out, 0, args);
        assert_eq!(
            stderr(&out),
            "",
            "brag {args:?} complained about the closed pipe"
        );
    }
}

#[test]
fn misc_completions_closed_stdout_exits_quietly() {
    let env = TestEnv::bare();
    let out = run_with_closed_stdout(&env, &["completions", "bash"]);
    expect_code(&out, 0, &["completions", "bash"]);
    assert_eq!(stderr(&out), "");
}
