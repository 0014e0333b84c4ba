//! `brag init`: makes a vault, and running it again changes nothing.

use crate::common::{TestEnv, expect_code, write_file};

#[test]
fn init_makes_config_state_dir_and_gitignore() {
    let env = TestEnv::bare();
    let out = env.ok(&["init"]);
    assert!(out.contains("Made a vault"), "{out}");
    assert!(env.path("brag.toml").is_file());
    assert!(env.path(".brag").is_dir());
    let gitignore = env.read(".gitignore");
    assert!(
        gitignore.lines().any(|l| l.trim() == ".brag/"),
        "{gitignore:?}"
    );
    assert!(env.files().is_empty());
}

#[test]
fn init_twice_changes_nothing() {
    let env = TestEnv::new();
    let before = env.snapshot();
    let out = env.ok(&["init"]);
    assert!(out.contains("nothing changed"), "{out}");
    assert_eq!(
        env.snapshot(),
        before,
        "a second `brag init` changed the vault"
    );
}

#[test]
fn init_twice_keeps_an_edited_config() {
    let env = TestEnv::new();
    let config = "# mine\nframeworks = [\"amazon-lp\"]\n";
    env.write_entry("brag.toml", config);
    env.ok(&["init"]);
    assert_eq!(env.read("brag.toml"), config);
}

#[test]
fn init_dir_argument_makes_the_vault_there() {
    let env = TestEnv::bare();
    let dir = env.root().join("elsewhere");
    let out = env.ok(&["init", dir.to_str().expect("utf-8 path")]);
    assert!(out.contains("Made a vault"), "{out}");
    assert!(dir.join("brag.toml").is_file());
    assert!(dir.join(".brag").is_dir());
    assert!(!env.vault().exists(), "init DIR also made $BRAG_VAULT");
}

#[test]
fn init_keeps_existing_gitignore_lines() {
    let env = TestEnv::bare();
    write_file(&env.path(".gitignore"), b"target/\n*.swp\n");
    env.ok(&["init"]);
    let gitignore = env.read(".gitignore");
    let lines: Vec<&str> = gitignore.lines().collect();
    assert!(lines.contains(&"target/"), "{gitignore:?}");
    assert!(lines.contains(&"*.swp"), "{gitignore:?}");
    assert!(lines.contains(&".brag/"), "{gitignore:?}");
    env.ok(&["init"]);
    assert_eq!(
        env.read(".gitignore"),
        gitignore,
        "second init changed .gitignore"
    );
}

#[test]
fn init_concurrent_runs_all_succeed() {
    for round in 0..6 {
        let env = TestEnv::bare();
        let outs: Vec<std::process::Output> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|_| s.spawn(|| env.std_cmd().arg("init").output().expect("run brag init")))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("thread panicked"))
                .collect()
        });
        for out in &outs {
            expect_code(out, 0, &["init"]);
        }
        assert_eq!(
            env.read(".gitignore").matches(".brag/").count(),
            1,
            "round {round}"
        );
    }
}
