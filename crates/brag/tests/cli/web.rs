//! `brag serve` over HTTP: the real binary on a free port, spoken to through a socket.
//! Every route, every security rule (forged POST, foreign Host, oversize body, hostile text
//! in every field), the conflict check and the watcher.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::common::TestEnv;

/// A `brag serve` running on a free port for one test; stopped when dropped.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Server {
    pub fn start(env: &TestEnv) -> Server {
        let mut child = env
            .std_cmd()
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start brag serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the address line");
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_owned();
        Server { child, addr }
    }

    /// Returns `http://ADDR/PATH`.
    #[allow(dead_code)] // The browser tests use it.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn get(&self, path: &str) -> Resp {
        self.request("GET", path, &[], "")
    }

    /// POSTs a form with this server's token added.
    pub fn post(&self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let token = self.token();
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &form(&all))
    }

    pub fn post_raw(&self, path: &str, body: &str) -> Resp {
        self.request(
            "POST",
            path,
            &[("Content-Type", "application/x-www-form-urlencoded")],
            body,
        )
    }

    /// Returns the form token, read from the timeline's quick-add form.
    pub fn token(&self) -> String {
        let page = self.get("/").body;
        attr_after(&page, "name=\"csrf\" value=\"").expect("a csrf input on the timeline")
    }

    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Resp {
        let mut has_host = false;
        let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
        for (k, v) in headers {
            has_host |= k.eq_ignore_ascii_case("host");
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        if !has_host {
            head.push_str(&format!("Host: {}\r\n", self.addr));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(30))).ok();
        s.write_all(head.as_bytes()).expect("write head");
        // A refused body may be cut short by the server: what it answered is what counts.
        let _ = s.write_all(body.as_bytes());
        let mut raw = Vec::new();
        let _ = s.read_to_end(&mut raw);
        Resp::parse(&raw)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sends one HTTP/1.1 request to `addr` (`Connection: close`); returns the status and body.
pub fn http(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> std::io::Result<(u16, String)> {
    let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\nHost: {addr}\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !body.is_empty() {
        head.push_str("Content-Type: application/json\r\n");
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(60)))?;
    s.write_all(head.as_bytes())?;
    s.write_all(body.as_bytes())?;
    // Some servers (chromedriver) keep the connection open: the answer ends where its
    // Content-Length says.
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        let n = s.read(&mut buf)?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
        if let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            if length.is_some_and(|len| raw.len() >= end + 4 + len) {
                break;
            }
        }
    }
    let r = Resp::parse(&raw);
    let body = if r.header("transfer-encoding") == Some("chunked") {
        unchunk(&r.body)
    } else {
        r.body
    };
    Ok((r.status, body))
}

/// Returns a chunked body joined.
fn unchunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        let (Some(chunk), Some(next)) = (after.get(..n), after.get(n..)) else {
            break;
        };
        if n == 0 {
            break;
        }
        out.push_str(chunk);
        rest = next.trim_start_matches("\r\n");
    }
    out
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Resp {
    fn parse(raw: &[u8]) -> Resp {
        let text = String::from_utf8_lossy(raw);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        Resp {
            status,
            headers,
            body: body.to_owned(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Returns where a 303 sends the browser.
    pub fn location(&self) -> &str {
        assert_eq!(self.status, 303, "{}", self.body);
        self.header("location").expect("a Location header")
    }
}

/// Returns a form body, encoded.
pub fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(b));
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Returns the text between `marker` and the next `"`.
pub fn attr_after(page: &str, marker: &str) -> Option<String> {
    let start = page.find(marker)? + marker.len();
    let end = page[start..].find('"')?;
    Some(page[start..start + end].to_owned())
}

/// Returns the id in `/entries/ID`.
fn id_in(location: &str) -> String {
    location
        .strip_prefix("/entries/")
        .unwrap_or_else(|| panic!("not an entry: {location}"))
        .to_owned()
}

#[test]
fn every_route_answers() {
    let env = TestEnv::with_samples();
    let ids = env.list_ids(&[]);
    let id = &ids[0];
    let s = Server::start(&env);
    let cases: Vec<(String, u16, &str)> = vec![
        ("/".into(), 200, "What did you do?"),
        ("/?page=2".into(), 200, "Timeline"),
        ("/?tag=perf".into(), 200, "tagged #perf"),
        ("/new".into(), 200, "New entry"),
        (format!("/entries/{id}"), 200, "Move to trash"),
        (format!("/entries/{id}/edit"), 200, "name=\"stamp\""),
        ("/search?q=latency".into(), 200, "<mark>"),
        ("/search".into(), 200, "Search"),
        (
            "/ask?q=tell+me+about+a+time+you+disagreed".into(),
            200,
            "Ask",
        ),
        ("/coverage".into(), 200, "<svg"),
        ("/coach".into(), 200, "strong"),
        ("/reports/doc".into(), 200, "<iframe"),
        ("/reports/week?format=md".into(), 200, "#"),
        ("/reports/review?format=json".into(), 200, "{"),
        ("/reports/doc?format=html".into(), 200, "<!DOCTYPE html>"),
        ("/assets/app.css".into(), 200, "prefers-color-scheme"),
        ("/assets/app.js".into(), 200, "use strict"),
        // What is wrong is said, with the status a browser and a script understand.
        ("/entries/no-such-entry".into(), 404, "no-such-entry"),
        ("/reports/poem".into(), 404, "no `poem` report"),
        ("/reports/doc?from=someday".into(), 400, "someday"),
        ("/?page=zero".into(), 400, "whole number"),
        ("/search?q=%22".into(), 400, ""),
        ("/nowhere".into(), 404, "no such page"),
    ];
    for (path, status, text) in cases {
        let r = s.get(&path);
        assert_eq!(r.status, status, "{path}: {}", r.body);
        assert!(r.body.contains(text), "{path}: no {text:?} in {}", r.body);
        assert!(r.header("content-security-policy").is_some(), "{path}");
    }
    // Downloads are files; the framed HTML report has its own, script-less policy.
    let md = s.get("/reports/week?format=md");
    assert!(
        md.header("content-disposition")
            .is_some_and(|d| d.contains("brag-week.md"))
    );
    let html = s.get("/reports/doc?format=html");
    let policy = html.header("content-security-policy").unwrap_or_default();
    assert!(policy.contains("frame-ancestors 'self'") && !policy.contains("script-src"));
    // The HTML pages load no inline script and nothing from elsewhere.
    for path in ["/", "/new", &format!("/entries/{id}")] {
        let body = s.get(path).body;
        assert!(!body.contains("<script>"), "{path} has an inline script");
        assert!(!body.contains("style=\""), "{path} has an inline style");
        assert!(
            !body.contains("http://") || path.starts_with("/entries"),
            "{path}"
        );
    }
}

#[test]
fn quick_add_form_edit_and_trash() {
    let env = TestEnv::new();
    let s = Server::start(&env);
    // The quick-add box takes `brag add`'s one-line syntax.
    let r = s.post(
        "/entries",
        &[(
            "line",
            "Cut p99 from 420 ms to 95 ms #perf @dana https://github.com/o/r/pull/7",
        )],
    );
    let quick = id_in(r.location());
    let shown = env.json(&["show", &quick, "--json"]);
    assert_eq!(shown["tags"], serde_json::json!(["perf"]));
    assert_eq!(shown["people"], serde_json::json!(["dana"]));
    assert_eq!(shown["links"][0]["kind"], "github-pr");
    let page = s.get(&format!("/entries/{quick}"));
    assert!(
        page.body.contains("Cut p99 from 420 ms to 95 ms"),
        "{}",
        page.body
    );

    // The whole form.
    let fields = [
        ("title", "Moved billing to the new queue"),
        ("kind", "story"),
        ("date", "2026-03-14"),
        ("project", "billing"),
        ("tags", "infra, #queues"),
        ("competencies", "ownership"),
        (
            "situation",
            "Billing jobs were lost when the old queue restarted.",
        ),
        ("task", "Move them without losing one."),
        (
            "action",
            "- Wrote a dual-write shim\n- Drained the old queue",
        ),
        ("result", "No job lost in 3 months; p99 from 2 s to 300 ms."),
        ("metrics", "0 jobs lost\np99 2 s -> 300 ms"),
        ("links", "https://docs.example.com/billing-queue"),
    ];
    let r = s.post("/entries", &fields);
    let id = id_in(r.location());
    assert!(id.starts_with("2026-03-14-"), "{id}");
    let e = env.json(&["show", &id, "--json"]);
    assert_eq!(e["competencies"], serde_json::json!(["ownership"]));
    assert_eq!(e["tags"], serde_json::json!(["infra", "queues"]));
    assert_eq!(e["metrics"].as_array().map(Vec::len), Some(2));

    // An unknown front-matter key survives an edit through the form.
    let path = e["path"].as_str().expect("path").to_owned();
    let text = env
        .read(&path)
        .replacen("---\n", "---\nmy-own-key: keep me\n", 1);
    env.write_entry(&path, &text);
    let edit = s.get(&format!("/entries/{id}/edit"));
    let stamp = attr_after(&edit.body, "name=\"stamp\" value=\"").expect("a stamp");
    let mut changed: Vec<(&str, &str)> = fields.to_vec();
    changed[0] = ("title", "Moved billing to the durable queue");
    changed.push(("stamp", &stamp));
    let r = s.post(&format!("/entries/{id}"), &changed);
    assert_eq!(r.location(), format!("/entries/{id}"));
    let after = env.read(&path);
    assert!(after.contains("my-own-key: keep me"), "{after}");
    assert!(after.contains("durable queue"), "{after}");

    // A bad date: said, the input kept, nothing written.
    let before = env.snapshot();
    let mut bad: Vec<(&str, &str)> = changed.clone();
    bad[2] = ("date", "the day after never");
    let r = s.post(&format!("/entries/{id}"), &bad);
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("the day after never"), "{}", r.body);
    assert!(r.body.contains("class=\"error\""), "{}", r.body);
    bad[2] = ("date", "2026-03-14");
    bad[5] = ("competencies", "juggling");
    let r = s.post(&format!("/entries/{id}"), &bad);
    assert_eq!(r.status, 400);
    assert!(r.body.contains("juggling"));
    let r = s.post("/entries", &[("line", "   ")]);
    assert_eq!(r.status, 400);
    let r = s.post("/entries", &[("title", ""), ("result", "kept")]);
    assert_eq!(r.status, 400);
    assert!(r.body.contains("kept"), "the text typed stays in the form");
    assert_eq!(env.snapshot(), before, "a bad request writes nothing");

    // To the trash.
    let r = s.post(&format!("/entries/{quick}/delete"), &[]);
    assert_eq!(r.location(), "/");
    assert_eq!(s.get(&format!("/entries/{quick}")).status, 404);
    assert!(
        env.snapshot()
            .keys()
            .any(|p| p.starts_with(".brag/trash/") && p.contains("cut-p99")),
        "the file is in the trash"
    );
}

#[test]
fn forged_posts_foreign_hosts_and_big_bodies_are_refused() {
    let env = TestEnv::with_samples();
    let id = env.list_ids(&[])[0].clone();
    let s = Server::start(&env);
    let before = env.snapshot();
    // No token, a wrong one, one from another server.
    let other_env = TestEnv::new();
    let other = Server::start(&other_env);
    for body in [
        form(&[("line", "forged")]),
        form(&[("csrf", "00"), ("line", "forged")]),
        form(&[("csrf", &"ab".repeat(32)), ("line", "forged")]),
        form(&[("csrf", &other.token()), ("line", "forged")]),
    ] {
        for path in ["/entries".to_owned(), format!("/entries/{id}/delete")] {
            let r = s.post_raw(&path, &body);
            assert_eq!(r.status, 403, "{path} {body}: {}", r.body);
        }
    }
    // DNS rebinding: a page asked for under another name is refused, GET included.
    for host in [
        "evil.example",
        "evil.example:80",
        "localhost.evil.example",
        "",
    ] {
        let port = s.addr.rsplit(':').next().unwrap_or_default();
        let host = if host == "localhost.evil.example" {
            format!("{host}:{port}")
        } else {
            host.to_owned()
        };
        let r = s.request("GET", "/", &[("Host", &host)], "");
        assert_eq!(r.status, 403, "Host {host}");
    }
    let port = s.addr.rsplit(':').next().unwrap_or_default().to_owned();
    let r = s.request("GET", "/", &[("Host", &format!("localhost:{port}"))], "");
    assert_eq!(r.status, 200);
    // A body over the bound.
    let big = format!("csrf={}&line={}", s.token(), "x".repeat(2 << 20));
    let r = s.post_raw("/entries", &big);
    assert_eq!(r.status, 413, "{}", r.body);
    assert_eq!(env.snapshot(), before, "nothing refused was written");
}

#[test]
fn hostile_text_in_every_field_is_shown_as_text() {
    let env = TestEnv::new();
    let s = Server::start(&env);
    let corpus = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(2)>",
        "<a href=\"javascript:alert(3)\">x</a>",
        "</textarea><svg onload=alert(4)>",
        "' onmouseover='alert(5)",
        "<style>body{display:none}</style>",
        "[click](javascript:alert(6))",
    ];
    let all = corpus.join(" ");
    let fields = [
        ("title", all.as_str()),
        ("kind", "story"),
        ("project", corpus[1]),
        ("tags", "evil"),
        ("situation", all.as_str()),
        ("task", all.as_str()),
        ("action", all.as_str()),
        ("result", all.as_str()),
        ("metrics", all.as_str()),
        ("links", "javascript:alert(7)\nhttps://ok.example/a"),
        ("lessons", all.as_str()),
        ("notes", all.as_str()),
        ("text", all.as_str()),
    ];
    let r = s.post("/entries", &fields);
    let id = id_in(r.location());
    let quick = s.post("/entries", &[("line", corpus[0])]);
    assert_eq!(quick.status, 303);
    let pages = [
        "/".to_owned(),
        format!("/entries/{id}"),
        format!("/entries/{id}/edit"),
        "/search?q=alert".to_owned(),
        "/coach".to_owned(),
        format!("/search?q={}", encode(corpus[0])),
        format!("/ask?q={}", encode(corpus[1])),
    ];
    for path in &pages {
        let body = s.get(path).body;
        for bad in [
            "<script>alert",
            "<img src=x",
            "<svg onload",
            "href=\"javascript:",
            "<style>body",
            "onerror=alert(2)>",
        ] {
            assert!(!body.contains(bad), "{path} shows {bad:?} as markup");
        }
    }
    let entry = s.get(&format!("/entries/{id}")).body;
    assert!(entry.contains("&#60;script&#62;") || entry.contains("&lt;script&gt;"));
    assert!(entry.contains("href=\"https://ok.example/a\""));
    assert!(
        entry.contains("javascript:alert(7)"),
        "an unsafe link is shown as text"
    );
}

#[test]
fn a_form_never_overwrites_a_file_changed_since() {
    let env = TestEnv::with_samples();
    let id = env.list_ids(&[])[0].clone();
    let path = env.json(&["show", &id, "--json"])["path"]
        .as_str()
        .expect("path")
        .to_owned();
    let s = Server::start(&env);
    let edit = s.get(&format!("/entries/{id}/edit"));
    let stamp = attr_after(&edit.body, "name=\"stamp\" value=\"").expect("a stamp");
    let title = attr_after(&edit.body, "name=\"title\" value=\"").expect("a title");
    // Meanwhile, in an editor.
    let elsewhere = format!("{}\nWritten in an editor meanwhile.\n", env.read(&path));
    env.write_entry(&path, &elsewhere);
    let r = s.post(
        &format!("/entries/{id}"),
        &[
            ("title", &title),
            ("result", "Mine, from the form"),
            ("stamp", &stamp),
        ],
    );
    assert_eq!(r.status, 409, "{}", r.body);
    assert!(
        r.body.contains("Written in an editor meanwhile."),
        "both versions shown"
    );
    assert!(r.body.contains("Mine, from the form"));
    assert_eq!(env.read(&path), elsewhere, "the other edit is kept");
    // Saving again, knowing, replaces it.
    let stamp = attr_after(&r.body, "name=\"stamp\" value=\"").expect("a new stamp");
    let r = s.post(
        &format!("/entries/{id}"),
        &[
            ("title", &title),
            ("result", "Mine, from the form"),
            ("stamp", &stamp),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert!(env.read(&path).contains("Mine, from the form"));
}

#[test]
fn edits_made_elsewhere_show_on_the_next_reload() {
    let env = TestEnv::new();
    let s = Server::start(&env);
    assert!(!s.get("/").body.contains("zeppelin"));
    // An entry added with the CLI, one written by hand, one changed and one removed.
    env.ok(&["add", "Launched the zeppelin tracker"]);
    env.write_entry(
        "2026/2026-11-02-by-hand.md",
        "---\ntitle: A blimp written by hand\ndate: 2026-11-02\nkind: win\n---\n",
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let body = s.get("/").body;
        if body.contains("zeppelin") && body.contains("blimp") {
            break;
        }
        assert!(Instant::now() < deadline, "the edits never showed: {body}");
        std::thread::sleep(Duration::from_millis(50));
    }
    std::fs::remove_file(env.path("2026/2026-11-02-by-hand.md")).expect("remove");
    let deadline = Instant::now() + Duration::from_secs(10);
    while s.get("/").body.contains("blimp") {
        assert!(Instant::now() < deadline, "the removal never showed");
        std::thread::sleep(Duration::from_millis(50));
    }
}
