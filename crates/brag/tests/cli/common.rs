//! The hermetic environment every CLI test runs the real `brag` binary in, and helpers to
//! write fixtures and read results.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use serde_json::Value;

/// The day the binary takes as today (`BRAG_NOW`); a Wednesday.
pub const TODAY: &str = "2026-11-25";

/// The keys of the Entry JSON in DESIGN.md, shared by list, show and search.
pub const ENTRY_KEYS: &[&str] = &[
    "id",
    "path",
    "kind",
    "date",
    "undated",
    "title",
    "tags",
    "competencies",
    "project",
    "people",
    "links",
    "situation",
    "task",
    "action",
    "result",
    "metrics",
    "lessons",
    "notes",
    "text",
    "competency_notes",
    "extra",
];

/// The story of DESIGN.md's "File format", with a YAML comment added above the unknown key.
pub const DESIGN_STORY: &str =
    include_str!("../../../../fixtures/entries/2025-03-14-retry-budget.md");

/// The vault-relative path of [`DESIGN_STORY`].
pub const DESIGN_STORY_PATH: &str = "2025/2025-03-14-retry-budget.md";

/// A file whose front matter is not YAML; the error is in its first lines.
pub const BROKEN_YAML: &str =
    "---\ntitle: [unclosed\ndate: 2025-01-02\n---\n\nbody of the broken one\n";
/// The vault-relative path of [`BROKEN_YAML`].
pub const BROKEN_YAML_PATH: &str = "2025/2025-01-02-broken-yaml.md";
/// A file whose date does not exist.
pub const BAD_DATE: &str =
    "---\ntitle: Bad date\ndate: 2025-13-45\nkind: win\n---\n\nbody of the bad date\n";
/// The vault-relative path of [`BAD_DATE`].
pub const BAD_DATE_PATH: &str = "2025/2025-01-03-bad-date.md";

/// A temp directory holding HOME, XDG_DATA_HOME and a vault, and the way to run `brag` in it.
pub struct TestEnv {
    dir: tempfile::TempDir,
    vault: PathBuf,
}

impl TestEnv {
    /// Returns an environment whose vault has been made with `brag init`.
    pub fn new() -> TestEnv {
        let env = TestEnv::bare();
        env.ok(&["init"]);
        env
    }

    /// Returns an environment whose vault holds the bundled sample entries
    /// (`crates/brag/samples/*.md`), each at `YYYY/NAME` as `brag demo` lays them out.
    pub fn with_samples() -> TestEnv {
        let env = TestEnv::new();
        for (name, text) in samples() {
            let year = name.get(..4).expect("a sample is named YYYY-MM-DD-slug.md");
            env.write_entry(&format!("{year}/{name}"), &text);
        }
        env
    }

    /// Returns an environment whose vault directory does not exist yet.
    pub fn bare() -> TestEnv {
        let dir = tempfile::Builder::new()
            .prefix("brag-cli-")
            .tempdir()
            .expect("make a temp dir");
        for sub in ["home", "xdg-data", "work"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("make a temp subdir");
        }
        let vault = dir.path().join("vault");
        TestEnv { dir, vault }
    }

    /// Returns the temp directory everything lives in.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Returns the vault directory (`BRAG_VAULT`).
    pub fn vault(&self) -> &Path {
        &self.vault
    }

    /// Returns the absolute path of a vault-relative path.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.vault.join(rel)
    }

    /// Returns a `std::process::Command` for the binary with the hermetic environment.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_brag"));
        cmd.env_clear()
            .current_dir(self.root().join("work"))
            .env(
                "PATH",
                std::env::var_os("PATH").unwrap_or_else(|| OsString::from("/usr/bin:/bin")),
            )
            .env("HOME", self.root().join("home"))
            .env("XDG_DATA_HOME", self.root().join("xdg-data"))
            .env("BRAG_VAULT", &self.vault)
            .env("BRAG_NOW", TODAY)
            .env("NO_COLOR", "1")
            .env("LANG", "C.UTF-8");
        cmd
    }

    /// Returns an `assert_cmd::Command` for the binary with the hermetic environment, for
    /// tests that add or remove variables (EDITOR, colour) before running it.
    pub fn cmd(&self) -> assert_cmd::Command {
        assert_cmd::Command::from_std(self.std_cmd())
    }

    /// Runs `brag ARGS` and returns what it did, whatever its exit code.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("run brag")
    }

    /// Runs `brag ARGS` with extra environment variables.
    pub fn run_env(&self, args: &[&str], vars: &[(&str, &str)]) -> Output {
        let mut cmd = self.cmd();
        for (k, v) in vars {
            cmd.env(k, v);
        }
        cmd.args(args).output().expect("run brag")
    }

    /// Runs `brag ARGS`, asserts exit 0 and returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        expect_code(&out, 0, args);
        stdout(&out)
    }

    /// Runs `brag ARGS`, asserts the exit code and returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        expect_code(&out, code, args);
        stderr(&out)
    }

    /// Runs `brag ARGS` (which should include `--json`), asserts exit 0, returns the JSON.
    pub fn json(&self, args: &[&str]) -> Value {
        let text = self.ok(args);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("brag {args:?} printed invalid JSON ({e}):\n{text}"))
    }

    /// Returns the ids `brag list --json ARGS` prints, in order.
    pub fn list_ids(&self, args: &[&str]) -> Vec<String> {
        let mut all = vec!["list", "--json"];
        all.extend_from_slice(args);
        ids(&self.json(&all))
    }

    /// Writes a file at a vault-relative path, making its directory.
    pub fn write_entry(&self, rel: &str, text: &str) {
        write_file(&self.path(rel), text.as_bytes());
    }

    /// Returns the text of a vault-relative file.
    pub fn read(&self, rel: &str) -> String {
        let path = self.path(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
    }

    /// Returns the bytes of a vault-relative file.
    pub fn read_bytes(&self, rel: &str) -> Vec<u8> {
        let path = self.path(rel);
        std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
    }

    /// Returns the vault-relative paths of the entry files (`*.md` outside `.brag/`), sorted.
    pub fn files(&self) -> Vec<String> {
        self.snapshot()
            .into_keys()
            .filter(|p| p.ends_with(".md") && !p.starts_with(".brag/"))
            .collect()
    }

    /// Returns every file under the vault, `.brag/` included (but not the index, a cache),
    /// by vault-relative path.
    pub fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        let mut out = BTreeMap::new();
        if self.vault.exists() {
            walk(&self.vault, &self.vault, &mut out);
        }
        out
    }

    /// Writes a shell script into the temp dir and returns the EDITOR value that runs it.
    ///
    /// The script is run by `sh`, not executed directly, so that tests running in parallel
    /// cannot meet "text file busy" on a script another thread has just written.
    pub fn editor(&self, name: &str, body: &str) -> String {
        let path = self.root().join(name);
        write_file(&path, format!("#!/bin/sh\nset -e\n{body}\n").as_bytes());
        format!("sh {}", path.display())
    }

    /// Returns text with the temp paths replaced by `[VAULT]` and `[ROOT]`.
    pub fn norm(&self, text: &str) -> String {
        text.replace(&self.vault.display().to_string(), "[VAULT]")
            .replace(&self.root().display().to_string(), "[ROOT]")
    }

    /// Writes the two unreadable files ([`BROKEN_YAML`], [`BAD_DATE`]).
    pub fn write_broken(&self) {
        self.write_entry(BROKEN_YAML_PATH, BROKEN_YAML);
        self.write_entry(BAD_DATE_PATH, BAD_DATE);
    }
}

fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read dir {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(base, &path, out);
        } else {
            let rel = path
                .strip_prefix(base)
                .expect("under the vault")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            // The index is a cache that SQLite may reorganise on any open; it is not the
            // user's data, so "changes nothing" is about everything else.
            if rel.starts_with(".brag/index.db") {
                continue;
            }
            out.insert(rel, std::fs::read(&path).expect("read a vault file"));
        }
    }
}

/// Returns the bundled sample entries, `crates/brag/samples/*.md`, as (file name, text),
/// sorted by name.
pub fn samples() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read dir {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .map(|p| {
            let name = p
                .file_name()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("read {}: {e}", p.display()));
            (name, text)
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no samples in {}", dir.display());
    out
}

/// Returns the path of a document (or truth) in the workspace's `fixtures/import/`.
pub fn import_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/import")
        .join(name)
}

/// What `fixtures/import/check_import.py` said of one import.
pub struct ImportCheck {
    /// Whether the checker exited 0 (no shortfall).
    pub ok: bool,
    /// The checker's report: one line per shortfall, then the score line.
    pub report: String,
}

impl ImportCheck {
    /// Returns the shortfall lines of the report (all but its last, the score line).
    pub fn shortfalls(&self) -> Vec<&str> {
        let lines: Vec<&str> = self.report.lines().collect();
        match lines.split_last() {
            Some((_score, rest)) => rest.to_vec(),
            None => Vec::new(),
        }
    }
}

/// Runs `brag import --dry-run --json DOC` in a fresh environment, then
/// `python3 check_import.py DOC TRUTH` on what it printed, and returns the checker's verdict.
pub fn check_import(doc: &Path, truth: &Path) -> ImportCheck {
    let env = TestEnv::new();
    let doc_arg = doc.to_str().expect("a UTF-8 fixture path");
    let out = env.ok(&["import", "--dry-run", "--json", doc_arg]);
    let mut checker = std::process::Command::new("python3")
        .arg(import_fixture("check_import.py"))
        .arg(doc)
        .arg(truth)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run python3 check_import.py");
    checker
        .stdin
        .take()
        .expect("the checker's stdin")
        .write_all(out.as_bytes())
        .expect("feed the checker");
    let result = checker.wait_with_output().expect("the checker finishes");
    let report = String::from_utf8_lossy(&result.stdout).into_owned();
    assert!(
        report.contains("import fidelity:"),
        "check_import.py printed no score for {doc_arg} (exit {:?}):\n{report}\n{}",
        result.status,
        String::from_utf8_lossy(&result.stderr)
    );
    ImportCheck {
        ok: result.status.success(),
        report,
    }
}

/// Writes bytes to a path, making its directory (fixtures only; brag writes atomically).
pub fn write_file(path: &Path, bytes: &[u8]) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("make fixture dir");
    }
    let mut f =
        std::fs::File::create(path).unwrap_or_else(|e| panic!("create {}: {e}", path.display()));
    f.write_all(bytes).expect("write fixture");
}

/// Returns stdout as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Returns stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts an exit code, showing stdout and stderr when it is not the one expected.
pub fn expect_code(out: &Output, code: i32, args: &[&str]) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "brag {args:?} exited with {:?}, expected {code}\n--- stdout\n{}\n--- stderr\n{}",
        out.status,
        stdout(out),
        stderr(out)
    );
}

/// Returns the `id`s of a JSON array of entries, in order.
pub fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected a JSON array, got {v}"))
        .iter()
        .map(|e| {
            e["id"]
                .as_str()
                .unwrap_or_else(|| panic!("no id in {e}"))
                .to_owned()
        })
        .collect()
}

/// Asserts that a JSON value has every key of the Entry JSON, with the right types.
pub fn assert_entry_json(e: &Value) {
    let obj = e
        .as_object()
        .unwrap_or_else(|| panic!("entry is not an object: {e}"));
    for key in ENTRY_KEYS {
        assert!(obj.contains_key(*key), "entry JSON lacks `{key}`: {e}");
    }
    for key in [
        "id",
        "path",
        "kind",
        "title",
        "situation",
        "task",
        "action",
        "result",
    ] {
        assert!(e[key].is_string(), "`{key}` is not a string: {e}");
    }
    for key in ["lessons", "notes", "text"] {
        assert!(e[key].is_string(), "`{key}` is not a string: {e}");
    }
    for key in ["tags", "competencies", "people", "links", "metrics"] {
        assert!(e[key].is_array(), "`{key}` is not an array: {e}");
    }
    for key in ["competency_notes", "extra"] {
        assert!(e[key].is_object(), "`{key}` is not an object: {e}");
    }
    assert!(e["undated"].is_boolean(), "`undated` is not a bool: {e}");
    assert!(
        e["date"].is_string() || e["date"].is_null(),
        "bad `date`: {e}"
    );
    assert!(
        e["project"].is_string() || e["project"].is_null(),
        "bad `project`: {e}"
    );
    for link in e["links"].as_array().into_iter().flatten() {
        for key in ["url", "kind", "label"] {
            assert!(link[key].is_string(), "link lacks `{key}`: {link}");
        }
    }
    let id = e["id"].as_str().unwrap_or_default();
    let path = e["path"].as_str().unwrap_or_default();
    assert_eq!(
        path,
        format!("{}/{id}.md", id.get(..4).unwrap_or_default()),
        "path does not follow YYYY/id.md"
    );
}

/// Returns the strings of a JSON array.
pub fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected a JSON array, got {v}"))
        .iter()
        .map(|s| {
            s.as_str()
                .unwrap_or_else(|| panic!("not a string: {s}"))
                .to_owned()
        })
        .collect()
}

/// Returns an entry file's text: front matter from the given fields, then `body`.
pub fn entry_text(
    title: &str,
    date: &str,
    kind: &str,
    tags: &[&str],
    competencies: &[&str],
    project: Option<&str>,
    body: &str,
) -> String {
    let mut s = format!("---\ntitle: {title}\ndate: {date}\nkind: {kind}\n");
    s.push_str(&format!("tags: [{}]\n", tags.join(", ")));
    s.push_str(&format!("competencies: [{}]\n", competencies.join(", ")));
    if let Some(p) = project {
        s.push_str(&format!("project: {p}\n"));
    }
    s.push_str("---\n\n");
    s.push_str(body);
    if !body.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// Returns the 1-based line number after `marker` in `text` (`…marker12: …`), if any.
pub fn line_after(text: &str, marker: &str) -> Option<usize> {
    let at = text.find(marker)? + marker.len();
    let rest = &text[at..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || !rest[digits.len()..].starts_with(':') {
        return None;
    }
    digits.parse().ok()
}

/// Runs `brag ARGS` on a pseudo-terminal (python3's pty), typing `answer` at its prompt;
/// returns what the terminal showed.
pub fn on_terminal(env: &TestEnv, args: &[&str], answer: &str) -> String {
    let script = r#"
import os, pty, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
out = b""
sent = False
while True:
    try:
        chunk = os.read(fd, 1024)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
    if not sent and b"[y/N]" in out:
        os.write(fd, os.environ["ANSWER"].encode() + b"\n")
        sent = True
os.waitpid(pid, 0)
sys.stdout.write(out.decode("utf-8", "replace"))
"#;
    let mut cmd = env.std_cmd();
    cmd.env("ANSWER", answer);
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_brag"))
        .args(args)
        .env_clear()
        .envs(cmd.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .env("ANSWER", answer)
        .current_dir(env.root())
        .output()
        .expect("run python3");
    String::from_utf8_lossy(&out.stdout).into_owned()
}
