//! Colour: never with `NO_COLOR`, never on a pipe; shown when forced, so that the
//! no-colour tests cannot pass for want of any colour at all.

use std::process::Output;

use crate::common::{DESIGN_STORY, DESIGN_STORY_PATH, TestEnv, stderr, stdout};

const ESC: &str = "\x1b[";

/// Returns a vault where list, search, show, doctor and warnings all have something to say.
fn fixture() -> TestEnv {
    let env = TestEnv::new();
    env.write_entry(DESIGN_STORY_PATH, DESIGN_STORY);
    env.ok(&["add", "cut p99 for the retry path #perf"]);
    env.write_broken();
    env
}

/// Returns (what ran, its output) for list, search, show, doctor and an error, with the
/// environment changed by `vars` (a value of `None` removes the variable).
fn run_all(env: &TestEnv, vars: &[(&str, Option<&str>)]) -> Vec<(String, Output)> {
    let cases: &[&[&str]] = &[
        &["list"],
        &["search", "retry"],
        &["show", "retry-budget"],
        &["doctor"],
        &["show", "no-such-entry"],
        &["list", "--kind", "bogus"],
    ];
    cases
        .iter()
        .map(|args| {
            let mut cmd = env.cmd();
            for (k, v) in vars {
                match v {
                    Some(v) => cmd.env(k, v),
                    None => cmd.env_remove(k),
                };
            }
            let out = cmd.args(*args).output().expect("run brag");
            (args.join(" "), out)
        })
        .collect()
}

fn assert_no_escapes(runs: &[(String, Output)]) {
    for (what, out) in runs {
        assert!(
            !out.stdout.is_empty() || !out.stderr.is_empty(),
            "`{what}` said nothing"
        );
        assert!(
            !stdout(out).contains(ESC),
            "escape on stdout of `{what}`:\n{}",
            stdout(out)
        );
        assert!(
            !stderr(out).contains(ESC),
            "escape on stderr of `{what}`:\n{}",
            stderr(out)
        );
    }
}

#[test]
fn colour_never_with_no_color() {
    let env = fixture();
    assert_no_escapes(&run_all(&env, &[]));
}

#[test]
fn colour_never_when_piped() {
    let env = fixture();
    assert_no_escapes(&run_all(&env, &[("NO_COLOR", None)]));
}

#[test]
fn colour_no_color_beats_clicolor_force() {
    let env = fixture();
    assert_no_escapes(&run_all(&env, &[("CLICOLOR_FORCE", Some("1"))]));
}

#[test]
fn colour_shown_when_forced() {
    let env = fixture();
    let runs = run_all(&env, &[("NO_COLOR", None), ("CLICOLOR_FORCE", Some("1"))]);
    let find = |what: &str| {
        &runs
            .iter()
            .find(|(w, _)| w == what)
            .unwrap_or_else(|| panic!("no run `{what}`"))
            .1
    };
    assert!(
        stdout(find("list")).contains(ESC),
        "list: {}",
        stdout(find("list"))
    );
    assert!(
        stderr(find("list")).contains(ESC),
        "warning: {}",
        stderr(find("list"))
    );
    assert!(stdout(find("search retry")).contains(ESC));
    assert!(stdout(find("show retry-budget")).contains(ESC));
    assert!(stdout(find("doctor")).contains(ESC));
    assert!(stderr(find("show no-such-entry")).contains(ESC));
}
