//! What brag does with files it must not trust or must not harm (issue 11): symbolic
//! links, file modes, temporary files of killed writers, an index that cannot be written.

use std::os::unix::fs::{PermissionsExt as _, symlink};

use crate::common::{DESIGN_STORY, DESIGN_STORY_PATH, TestEnv, stderr, stdout, write_file};

fn mode(env: &TestEnv, rel: &str) -> u32 {
    std::fs::metadata(env.path(rel))
        .expect("stat")
        .permissions()
        .mode()
        & 0o7777
}

#[test]
fn safety_symlinked_entry_is_not_followed_by_show_or_edit() {
    let env = TestEnv::new();
    let secret = env.root().join("secret.md");
    write_file(
        &secret,
        b"---\ntitle: Outside the vault\ndate: 2025-01-01\n---\n\nroot:x:0:0\n",
    );
    std::fs::create_dir_all(env.path("2025")).expect("mkdir");
    symlink(&secret, env.path("2025/2025-01-01-link.md")).expect("symlink");
    // Not scanned, so not listed...
    assert!(env.list_ids(&[]).is_empty());
    // ...and not shown or edited by its whole id either.
    for args in [
        &["show", "2025-01-01-link"][..],
        &["show", "--raw", "2025-01-01-link"],
        &["edit", "2025-01-01-link"],
        &["rm", "2025-01-01-link"],
    ] {
        let out = env.run_env(args, &[("EDITOR", "true")]);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(
            !stdout(&out).contains("root:x"),
            "{args:?} printed the link's target"
        );
        assert!(
            stderr(&out).contains("symbolic link"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let meta = std::fs::symlink_metadata(env.path("2025/2025-01-01-link.md")).expect("lstat");
    assert!(meta.file_type().is_symlink(), "the link was replaced");
    // doctor names it.
    let out = env.run(&["doctor"]);
    assert_eq!(out.status.code(), Some(1));
    let text = env.norm(&stdout(&out));
    assert!(
        text.contains("[VAULT]/2025/2025-01-01-link.md: a symbolic link"),
        "{text}"
    );
}

#[test]
fn safety_symlinked_year_directory_is_named_not_followed() {
    let env = TestEnv::new();
    let elsewhere = env.root().join("elsewhere");
    write_file(
        &elsewhere.join("2024-02-02-far.md"),
        b"---\ntitle: Far away\ndate: 2024-02-02\n---\n\nfar\n",
    );
    symlink(&elsewhere, env.path("2024")).expect("symlink");
    assert!(env.list_ids(&[]).is_empty());
    env.fails(&["show", "2024-02-02-far"], 1);
    let text = env.norm(&stdout(&env.run(&["doctor"])));
    assert!(text.contains("[VAULT]/2024: a symbolic link"), "{text}");
}

#[test]
fn safety_edit_keeps_mode() {
    let env = TestEnv::new();
    env.write_entry(DESIGN_STORY_PATH, DESIGN_STORY);
    std::fs::set_permissions(
        env.path(DESIGN_STORY_PATH),
        std::fs::Permissions::from_mode(0o640),
    )
    .expect("chmod");
    let editor = env.editor("append.sh", r#"printf '\nOne more line.\n' >> "$1""#);
    env.run_env(&["edit", "2025-03-14-retry-budget"], &[("EDITOR", &editor)]);
    assert!(env.read(DESIGN_STORY_PATH).contains("One more line."));
    assert_eq!(
        mode(&env, DESIGN_STORY_PATH),
        0o640,
        "edit changed the file's mode"
    );
}

#[test]
fn safety_new_files_get_the_umask_mode() {
    let env = TestEnv::new();
    // `sh -c 'umask 022; exec brag add …'`: the mode must follow the umask, not be 0600.
    let brag = env!("CARGO_BIN_EXE_brag");
    let hermetic = env.std_cmd();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 022; exec '{brag}' add 'shipped the mode fix' >/dev/null"
        ))
        .env_clear()
        .envs(hermetic.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .current_dir(env.root())
        .status()
        .expect("run sh");
    assert!(status.success());
    assert_eq!(mode(&env, "2026/2026-11-25-shipped-the-mode-fix.md"), 0o644);
}

#[test]
fn safety_stale_temporary_files_are_named_and_removed() {
    let env = TestEnv::new();
    env.ok(&["add", "a win"]);
    // What a `kill -9` mid-write leaves: a temporary file beside the entries.
    write_file(&env.path("2026/.brag-tmp-AbC123"), b"half an ent");
    write_file(&env.path(".brag-tmp-XyZ789"), b"half a config");
    let out = env.ok(&["doctor"]);
    let text = env.norm(&out);
    assert!(
        text.contains("removed [VAULT]/2026/.brag-tmp-AbC123"),
        "{text}"
    );
    assert!(text.contains("removed [VAULT]/.brag-tmp-XyZ789"), "{text}");
    assert!(!env.path("2026/.brag-tmp-AbC123").exists());
    assert!(!env.path(".brag-tmp-XyZ789").exists());
    // Any command that reads the vault removes them too.
    write_file(&env.path("2026/.brag-tmp-again"), b"x");
    env.ok(&["list"]);
    assert!(!env.path("2026/.brag-tmp-again").exists());
    assert_eq!(env.files(), ["2026/2026-11-25-a-win.md"]);
}

#[test]
fn safety_stale_temporary_file_is_kept_while_a_writer_holds_the_lock() {
    let env = TestEnv::new();
    env.ok(&["add", "a win"]);
    write_file(&env.path("2026/.brag-tmp-busy"), b"being written");
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(env.path(".brag/lock"))
        .expect("open lock");
    lock.lock().expect("lock");
    let out = env.run(&["doctor"]);
    assert_eq!(out.status.code(), Some(1));
    let text = env.norm(&stdout(&out));
    assert!(
        text.contains("[VAULT]/2026/.brag-tmp-busy: a temporary file"),
        "{text}"
    );
    assert!(
        env.path("2026/.brag-tmp-busy").exists(),
        "removed under another writer's lock"
    );
    drop(lock);
}

#[test]
fn safety_add_succeeds_when_the_index_cannot_be_written() {
    let env = TestEnv::new();
    env.ok(&["list"]);
    // A real SQLite error on every write of the index, as a read-only index.db gives.
    let db = rusqlite::Connection::open(env.path(".brag/index.db")).expect("open index");
    db.execute_batch(
        "CREATE TRIGGER no_writes BEFORE INSERT ON files BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END;",
    )
    .expect("trigger");
    let out = env.run(&["add", "shipped despite the index"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Added 2026-11-25-shipped-despite-the-index"));
    let err = stderr(&out);
    assert!(err.contains("warning:") && err.contains("index"), "{err}");
    assert!(err.contains("catches up"), "{err}");
    assert_eq!(
        env.files(),
        ["2026/2026-11-25-shipped-despite-the-index.md"]
    );
    // Once the index can be written again, it catches up: one entry, no duplicate.
    db.execute_batch("DROP TRIGGER no_writes;")
        .expect("drop trigger");
    drop(db);
    assert_eq!(env.list_ids(&[]), ["2026-11-25-shipped-despite-the-index"]);
}
