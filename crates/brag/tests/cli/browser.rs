//! `brag serve` in a real headless Chromium, driven over WebDriver (chromedriver): what a
//! person does, with a keyboard and a mouse. Screenshots of the timeline and an entry page
//! go to `target/web-screenshots/`.
//!
//! `scripts/test` installs Debian's chromium and chromium-driver when they are missing and
//! sets `BRAG_BROWSER_TESTS=require`; without that, a machine with no chromedriver skips
//! these tests and says so.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::TestEnv;
use crate::web::Server;

/// A chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    addr: String,
}

impl Driver {
    fn start() -> Option<Driver> {
        let exe = [
            "chromedriver",
            "/usr/bin/chromedriver",
            "/usr/lib/chromium/chromedriver",
        ]
        .into_iter()
        .find(|p| Command::new(p).arg("--version").output().is_ok());
        let Some(exe) = exe else {
            assert!(
                std::env::var("BRAG_BROWSER_TESTS").as_deref() != Ok("require"),
                "chromedriver is missing (apt-get install chromium chromium-driver)"
            );
            eprintln!("skipped: no chromedriver on this machine (scripts/test installs it)");
            return None;
        };
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let child = Command::new(exe)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let d = Driver {
            child,
            addr: format!("127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while d.call("GET", "/status", None).is_err() {
            assert!(Instant::now() < deadline, "chromedriver never answered");
            std::thread::sleep(Duration::from_millis(100));
        }
        Some(d)
    }

    /// Calls the WebDriver API; returns its `value`.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let (status, text) =
            crate::web::http(&self.addr, method, path, &[], &body).map_err(|e| e.to_string())?;
        let v: Value = serde_json::from_str(&text).map_err(|e| format!("{e}: {text}"))?;
        if status != 200 {
            return Err(format!("{method} {path}: {status} {v}"));
        }
        Ok(v["value"].clone())
    }

    fn session(&self) -> Session<'_> {
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium(),
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1280,900",
                         "--force-color-profile=srgb", "--hide-scrollbars"]
            }
        }}});
        let v = self
            .call("POST", "/session", Some(caps))
            .expect("a browser session");
        Session {
            driver: self,
            id: v["sessionId"].as_str().expect("a session id").to_owned(),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn chromium() -> &'static str {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .into_iter()
    .find(|p| std::path::Path::new(p).exists())
    .unwrap_or("chromium")
}

/// One browser window.
struct Session<'a> {
    driver: &'a Driver,
    id: String,
}

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
const ENTER: &str = "\u{E007}";

impl Session<'_> {
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.id);
        self.driver
            .call(method, &path, body)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn go(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    fn url(&self) -> String {
        self.call("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    fn source(&self) -> String {
        self.call("GET", "/source", None)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    fn find(&self, css: &str) -> String {
        let v = self.call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        v[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no `{css}` at {}: {v}", self.url()))
            .to_owned()
    }

    fn count(&self, css: &str) -> usize {
        let v = self.call(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        );
        v.as_array().map_or(0, Vec::len)
    }

    fn type_in(&self, css: &str, text: &str) {
        let el = self.find(css);
        self.call(
            "POST",
            &format!("/element/{el}/value"),
            Some(json!({ "text": text })),
        );
    }

    fn clear(&self, css: &str) {
        let el = self.find(css);
        self.call("POST", &format!("/element/{el}/clear"), Some(json!({})));
    }

    fn click(&self, css: &str) {
        let el = self.find(css);
        self.call("POST", &format!("/element/{el}/click"), Some(json!({})));
    }

    fn script(&self, js: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({"script": js, "args": []})),
        )
    }

    /// Presses a key with nothing focused (a shortcut).
    fn press(&self, key: &str) {
        let actions = json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]}]});
        self.call("POST", "/actions", Some(actions));
    }

    /// Waits until the page's address contains `part`.
    fn wait_for_url(&self, part: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let url = self.url();
            if url.contains(part) {
                return url;
            }
            assert!(Instant::now() < deadline, "never went to {part}: at {url}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.call("GET", "/screenshot", None);
        let bytes = base64(png.as_str().unwrap_or_default());
        assert!(bytes.starts_with(b"\x89PNG"), "a PNG");
        let path = target_dir()
            .join("web-screenshots")
            .join(format!("{name}.png"));
        crate::common::write_file(&path, &bytes);
        path
    }

    fn resize(&self, width: u32, height: u32) {
        self.call(
            "POST",
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        );
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        let path = format!("/session/{}", self.id);
        let _ = self.driver.call("DELETE", &path, None);
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"),
        PathBuf::from,
    )
}

/// Decodes standard base64 (the screenshot).
fn base64(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for v in s.bytes().filter_map(value) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).unwrap_or(0));
        }
    }
    out
}

#[test]
fn a_person_captures_edits_finds_and_reads_in_a_browser() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let env = TestEnv::with_samples();
    let server = Server::start(&env);
    let s = driver.session();

    // The quick-add box: `/` focuses it, Enter saves.
    s.go(&server.url("/"));
    s.press("/");
    assert_eq!(s.script("return document.activeElement.id"), json!("quick"));
    s.type_in(
        "#quick",
        &format!("Shipped the zeppelin dashboard to 40 teams #web{ENTER}"),
    );
    s.wait_for_url("/entries/");
    assert!(
        s.source()
            .contains("Shipped the zeppelin dashboard to 40 teams")
    );
    let quick = env.json(&["search", "zeppelin", "--json"]);
    assert!(
        quick.to_string().contains("Shipped the zeppelin dashboard"),
        "{quick}"
    );

    // The whole form.
    s.go(&server.url("/new"));
    s.type_in("input[name=title]", "Rebuilt the airship booking flow");
    s.type_in("input[name=date]", "2026-10-01");
    s.type_in(
        "textarea[name=situation]",
        "Bookings failed for one user in ten.",
    );
    s.type_in(
        "textarea[name=result]",
        "Failures fell from 10% to 0.3% in a month.",
    );
    s.click("form.entry-form button[type=submit]");
    let entry_url = s.wait_for_url("/entries/2026-10-01-");
    assert!(
        s.source()
            .contains("Failures fell from 10% to 0.3% in a month.")
    );

    // Edit it.
    s.click("a.button[href$='/edit']");
    s.wait_for_url("/edit");
    s.screenshot("edit");
    assert!(
        s.count("aside .coach") == 1,
        "the coach sits beside the form"
    );
    s.clear("input[name=title]");
    s.type_in(
        "input[name=title]",
        "Rebuilt the airship booking flow end to end",
    );
    s.click("form.entry-form button[type=submit]");
    s.wait_for_url(&entry_url);
    assert!(
        s.source()
            .contains("Rebuilt the airship booking flow end to end")
    );
    assert!(
        env.json(&["search", "airship", "--json"])
            .to_string()
            .contains("end to end"),
        "the file was written"
    );
    s.screenshot("entry");

    // Find it from the search box in the bar.
    s.go(&server.url("/"));
    s.type_in(".find input", &format!("airship{ENTER}"));
    s.wait_for_url("/search?q=airship");
    assert!(s.count("ol.hits li") >= 1);
    assert!(s.source().contains("<mark>"));

    // The coverage heat map and a report.
    s.go(&server.url("/coverage"));
    assert!(s.count("svg rect.cell") > 0, "{}", s.source());
    s.screenshot("coverage");
    s.click("svg a");
    s.wait_for_url("competency=");
    s.go(&server.url("/reports/doc"));
    assert_eq!(s.count("iframe.report-frame"), 1);
    let frame_src = s.script("return document.querySelector('iframe').src");
    s.go(frame_src.as_str().expect("a frame address"));
    assert!(s.source().contains("class=\"report"), "{}", s.source());

    // What a person sees: the timeline on a laptop and on a phone.
    s.go(&server.url("/"));
    let timeline = s.screenshot("timeline");
    assert!(std::fs::metadata(&timeline).map(|m| m.len()).unwrap_or(0) > 10_000);
    s.resize(390, 844);
    s.screenshot("timeline-phone");
}
