//! `brag mcp` as an assistant's client drives it: rmcp's client over the real binary's
//! stdin and stdout. Handshake; tools, resources and prompts listed; every tool called
//! and its answer checked against the vault's files and the CLI's `--json`; bad input
//! refused with a JSON-RPC error that changes nothing; `--read-only`; stdout carrying
//! protocol messages alone; `--print-config`.

use std::io::{BufRead as _, BufReader, Write as _};
use std::process::Stdio;

use rmcp::model::{
    CallToolRequestParams, CallToolResult, ErrorCode, GetPromptRequestParams, GetPromptResult,
    ReadResourceRequestParams, ResourceContents,
};
use rmcp::service::{RunningService, ServiceError};
use rmcp::transport::TokioChildProcess;
use rmcp::{RoleClient, ServiceExt as _};
use serde_json::{Value, json};

use crate::common::{DESIGN_STORY, DESIGN_STORY_PATH, TestEnv};

type Client = RunningService<RoleClient, ()>;

/// Starts `brag mcp ARGS` on the test's vault and shakes hands with it.
async fn connect(env: &TestEnv, args: &[&str]) -> Client {
    let mut cmd = env.std_cmd();
    cmd.arg("mcp").args(args);
    let transport =
        TokioChildProcess::new(tokio::process::Command::from(cmd)).expect("start brag mcp");
    ().serve(transport).await.expect("the MCP handshake")
}

/// Calls a tool and returns its result, or the JSON-RPC error.
async fn call(client: &Client, tool: &str, args: Value) -> Result<CallToolResult, ServiceError> {
    let Value::Object(map) = args else {
        panic!("arguments are an object");
    };
    client
        .call_tool(CallToolRequestParams::new(tool.to_owned()).with_arguments(map))
        .await
}

/// Calls a tool that must succeed and returns its structured content.
async fn ok(client: &Client, tool: &str, args: Value) -> Value {
    let result = call(client, tool, args.clone())
        .await
        .unwrap_or_else(|e| panic!("{tool} {args}: {e}"));
    assert_ne!(result.is_error, Some(true), "{tool} {args}: {result:?}");
    result
        .structured_content
        .unwrap_or_else(|| panic!("{tool} {args}: no structured content"))
}

/// Returns the text of a tool result (its first content block).
fn text_of(result: &CallToolResult) -> String {
    result
        .content
        .first()
        .and_then(|c| c.as_text())
        .map(|t| t.text.clone())
        .unwrap_or_default()
}

/// Calls a tool that must fail with a JSON-RPC error; returns the error's code, message
/// and data.
async fn refused(client: &Client, tool: &str, args: Value) -> (ErrorCode, String, Value) {
    match call(client, tool, args.clone()).await {
        Err(ServiceError::McpError(e)) => {
            (e.code, e.message.into_owned(), e.data.unwrap_or_default())
        }
        other => panic!("{tool} {args}: expected a JSON-RPC error, got {other:?}"),
    }
}

fn ids(values: &Value, key: &str) -> Vec<String> {
    values[key]
        .as_array()
        .unwrap_or_else(|| panic!("no {key} array in {values}"))
        .iter()
        .map(|e| e["id"].as_str().expect("an id").to_owned())
        .collect()
}

fn prompt_text(result: &GetPromptResult) -> String {
    result
        .messages
        .iter()
        .filter_map(|m| m.content.as_text().map(|t| t.text.clone()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn mcp_lists_its_tools_resources_and_prompts() {
    let env = TestEnv::with_samples();
    let client = connect(&env, &[]).await;
    let info = client.peer_info().expect("server info");
    assert_eq!(
        info.server_info.as_ref().map(|s| s.name.as_str()),
        Some("brag")
    );
    assert!(
        info.instructions
            .as_deref()
            .is_some_and(|i| i.contains("save_story"))
    );

    let tools = client.list_all_tools().await.expect("tools/list");
    let mut names: Vec<&str> = tools.iter().map(|t| t.name.as_ref()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "add",
            "ask",
            "coach",
            "coverage",
            "list",
            "report",
            "save_story",
            "search",
            "show"
        ]
    );
    for t in &tools {
        let description = t.description.as_deref().unwrap_or_default();
        assert!(
            description.len() > 60,
            "{} says too little: {description}",
            t.name
        );
        assert_eq!(
            t.input_schema.get("type"),
            Some(&json!("object")),
            "{}",
            t.name
        );
    }
    let search = tools.iter().find(|t| t.name == "search").expect("search");
    let props = search.input_schema.get("properties").expect("properties");
    for arg in [
        "query",
        "from",
        "to",
        "tags",
        "competencies",
        "kind",
        "project",
        "limit",
    ] {
        assert!(props.get(arg).is_some(), "search takes {arg}: {props}");
    }
    assert_eq!(search.input_schema.get("required"), Some(&json!(["query"])));
    let save = tools
        .iter()
        .find(|t| t.name == "save_story")
        .expect("save_story");
    let props = save.input_schema.get("properties").expect("properties");
    for arg in [
        "id",
        "stamp",
        "title",
        "date",
        "situation",
        "task",
        "action",
        "result",
        "metrics",
        "competencies",
        "links",
    ] {
        assert!(props.get(arg).is_some(), "save_story takes {arg}");
    }
    assert_eq!(
        tools
            .iter()
            .find(|t| t.name == "list")
            .and_then(|t| t.annotations.as_ref())
            .and_then(|a| a.read_only_hint),
        Some(true)
    );

    let resources = client.list_all_resources().await.expect("resources/list");
    let uris: Vec<&str> = resources.iter().map(|r| r.uri.as_str()).collect();
    assert!(uris.contains(&"brag://frameworks/amazon-lp"), "{uris:?}");
    let entries = uris
        .iter()
        .filter(|u| u.starts_with("brag://entries/"))
        .count();
    assert_eq!(entries, crate::common::samples().len());
    let templates = client
        .list_all_resource_templates()
        .await
        .expect("resources/templates/list");
    let mut templates: Vec<&str> = templates.iter().map(|t| t.uri_template.as_str()).collect();
    templates.sort_unstable();
    assert_eq!(templates, ["brag://entries/{id}", "brag://frameworks/{id}"]);

    let prompts = client.list_all_prompts().await.expect("prompts/list");
    let mut names: Vec<&str> = prompts.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        ["prepare-interview", "review-draft", "star-from-notes"]
    );
    client.cancel().await.expect("close");
}

#[tokio::test]
async fn mcp_read_tools_answer_as_the_cli_does() {
    let env = TestEnv::with_samples();
    let client = connect(&env, &[]).await;

    let found = ok(&client, "search", json!({ "query": "rivet", "limit": 20 })).await;
    let cli = env.json(&["search", "rivet", "--json"]);
    let cli_ids: Vec<String> = cli
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["id"].as_str().expect("id").to_owned())
        .collect();
    assert!(!cli_ids.is_empty());
    assert_eq!(ids(&found, "hits"), cli_ids);
    assert!(found["hits"][0]["snippet"].as_str().is_some());

    let filtered = ok(
        &client,
        "search",
        json!({ "query": "rivet", "kind": "story", "from": "2025" }),
    )
    .await;
    let cli = env.json(&[
        "search", "rivet", "--kind", "story", "--from", "2025", "--json",
    ]);
    let cli_ids: Vec<&str> = cli
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["id"].as_str().expect("id"))
        .collect();
    assert!(!cli_ids.is_empty());
    assert_eq!(ids(&filtered, "hits"), cli_ids);

    let listed = ok(&client, "list", json!({})).await;
    assert_eq!(ids(&listed, "entries"), env.list_ids(&[]));
    assert_eq!(listed["more"], json!(false));
    let two = ok(&client, "list", json!({ "limit": 2, "tags": ["rivet"] })).await;
    assert_eq!(
        ids(&two, "entries"),
        env.list_ids(&["-n", "2", "-t", "rivet"])
    );

    let first = ids(&listed, "entries").remove(0);
    let shown = ok(&client, "show", json!({ "id": first })).await;
    assert_eq!(shown["entry"], env.json(&["show", &first, "--json"]));
    let rel = shown["entry"]["path"].as_str().expect("path");
    assert_eq!(shown["markdown"].as_str(), Some(env.read(rel).as_str()));
    assert_eq!(shown["stamp"].as_str().map(str::len), Some(16));

    let asked = ok(
        &client,
        "ask",
        json!({ "question": "tell me about a time you disagreed with your team" }),
    )
    .await;
    let cli = env.json(&[
        "ask",
        "tell me about a time you disagreed with your team",
        "--json",
    ]);
    assert_eq!(asked, cli);
    assert!(!asked["results"].as_array().expect("results").is_empty());

    let coached = ok(&client, "coach", json!({})).await;
    let cli = env.json(&["coach", "--json"]);
    assert_eq!(coached["reports"], cli);
    assert_eq!(coached["strong_score"], json!(70));
    let one = ok(&client, "coach", json!({ "id": first })).await;
    assert_eq!(one, env.json(&["coach", &first, "--json"])[0]);

    let covered = ok(&client, "coverage", json!({ "framework": "amazon-lp" })).await;
    let cli = env.json(&["coverage", "--framework", "amazon-lp", "--json"]);
    assert_eq!(covered["competencies"], cli["competencies"]);
    assert_eq!(covered["gaps"], cli["gaps"]);
    let gaps = covered["gaps_to_write"].as_array().expect("gaps_to_write");
    assert_eq!(gaps.len(), cli["gaps"].as_array().expect("gaps").len());
    assert!(
        gaps.iter()
            .all(|g| g["questions"].as_array().is_some_and(|q| !q.is_empty()))
    );

    // Markdown as `brag report` prints it, and JSON as `--format json` does.
    for (kind, extra) in [
        ("doc", vec!["--from", "2025-01", "--to", "2025-12"]),
        ("week", vec!["--last"]),
        ("review", vec![]),
        ("resume", vec![]),
        ("interview", vec![]),
    ] {
        let mut args = json!({ "kind": kind });
        if kind == "doc" {
            args["from"] = json!("2025-01");
            args["to"] = json!("2025-12");
        }
        if kind == "week" {
            args["last"] = json!(true);
        }
        let result = call(&client, "report", args.clone()).await.expect("report");
        let mut cli_args = vec!["report", kind];
        cli_args.extend(extra.iter().copied());
        assert_eq!(text_of(&result), env.ok(&cli_args), "report {kind}");
        args["format"] = json!("json");
        let json_report = ok(&client, "report", args).await;
        cli_args.extend(["--format", "json"]);
        assert_eq!(json_report, env.json(&cli_args), "report {kind} json");
    }
    client.cancel().await.expect("close");
}

#[tokio::test]
async fn mcp_writes_land_in_the_vault_and_keep_what_they_do_not_set() {
    let env = TestEnv::new();
    env.write_entry(DESIGN_STORY_PATH, DESIGN_STORY);
    let client = connect(&env, &[]).await;

    let added = ok(
        &client,
        "add",
        json!({ "text": "cut p99 from 420 ms to 95 ms #perf", "date": "2026-11-20", "competencies": ["dive deep", "juggling"] }),
    )
    .await;
    let id = added["entry"]["id"].as_str().expect("id").to_owned();
    assert_eq!(id, "2026-11-20-cut-p99-from-420-ms-to-95-ms");
    assert_eq!(added["unknown_competencies"], json!(["juggling"]));
    let shown = env.json(&["show", &id, "--json"]);
    assert_eq!(shown["tags"], json!(["perf", "juggling"]));
    assert_eq!(shown["competencies"], json!(["dive-deep"]));

    let saved = ok(
        &client,
        "save_story",
        json!({
            "title": "Halved the deploy time",
            "date": "2026-10-02",
            "situation": "Deploys took 40 minutes and blocked hotfixes.",
            "task": "Make a deploy fast enough to fix production in one.",
            "action": "I split the pipeline and cached the build layers.",
            "result": "Deploys fell from 40 to 18 minutes.",
            "metrics": ["deploy time 40 min → 18 min"],
            "competencies": ["deliver results: shipped in two weeks", "frugality"],
            "links": ["https://github.com/example-org/deploy/pull/77"],
        }),
    )
    .await;
    assert_eq!(saved["created"], json!(true));
    let story_id = saved["entry"]["id"].as_str().expect("id").to_owned();
    let shown = env.json(&["show", &story_id, "--json"]);
    assert_eq!(shown["kind"], "story");
    assert_eq!(shown["result"], "Deploys fell from 40 to 18 minutes.");
    assert_eq!(shown["metrics"], json!(["deploy time 40 min → 18 min"]));
    assert_eq!(
        shown["competencies"],
        json!(["deliver-results", "frugality"])
    );
    assert_eq!(shown["links"][0]["kind"], "github-pr");
    let file = env.read(shown["path"].as_str().expect("path"));
    assert!(
        file.contains("- Deliver Results: shipped in two weeks"),
        "{file}"
    );

    // An update sets only what it is given: the unknown key, the other sections and the
    // author's layout of the front matter stay.
    let before = env.read(DESIGN_STORY_PATH);
    let (unknown_line, _) = before
        .lines()
        .map(|l| (l, ()))
        .find(|(l, ())| l.starts_with("my-own-key"))
        .expect("the design story has an unknown key");
    let shown = ok(&client, "show", json!({ "id": "retry-budget" })).await;
    let stamp = shown["stamp"].as_str().expect("stamp").to_owned();
    let updated = ok(
        &client,
        "save_story",
        json!({ "id": "retry-budget", "stamp": stamp, "result": "Retry storms fell from 14x to 1.1x normal load." }),
    )
    .await;
    assert_eq!(
        (updated["created"].clone(), updated["changed"].clone()),
        (json!(false), json!(true))
    );
    let after = env.read(DESIGN_STORY_PATH);
    assert!(after.contains(unknown_line), "{after}");
    assert!(
        after.contains("Retry storms fell from 14x to 1.1x normal load."),
        "{after}"
    );
    let old = env.json(&["show", "retry-budget", "--json"]);
    assert_eq!(old["situation"], shown["entry"]["situation"]);
    assert_eq!(old["competencies"], shown["entry"]["competencies"]);
    assert_eq!(old["extra"], shown["entry"]["extra"]);

    // Edited by the user after the assistant read it: the stale stamp is refused, and
    // the user's edit stays.
    let edited = after.replace("Retry storms fell", "Retry storms dropped");
    crate::common::write_file(&env.path(DESIGN_STORY_PATH), edited.as_bytes());
    let (code, message, data) = refused(
        &client,
        "save_story",
        json!({ "id": "retry-budget", "stamp": stamp, "result": "lost" }),
    )
    .await;
    assert_eq!(code, ErrorCode::INVALID_PARAMS);
    assert!(message.contains("changed on disk"), "{message}");
    assert_eq!(data["kind"], "conflict");
    assert_eq!(env.read(DESIGN_STORY_PATH), edited);
    client.cancel().await.expect("close");
}

#[tokio::test]
async fn mcp_refuses_bad_input_with_a_clear_error_and_writes_nothing() {
    let env = TestEnv::with_samples();
    let client = connect(&env, &[]).await;
    let before = env.snapshot();
    let cases = [
        (
            "show",
            json!({ "id": "no-such-entry" }),
            "no entry `no-such-entry`",
        ),
        ("show", json!({ "id": "../../etc/passwd" }), "passwd"),
        (
            "add",
            json!({ "text": "shipped it", "date": "the 31st of Smarch" }),
            "not a date",
        ),
        (
            "add",
            json!({ "text": "shipped it", "kind": "epic" }),
            "epic",
        ),
        ("add", json!({ "text": "   " }), "empty"),
        ("save_story", json!({ "situation": "no title" }), "title"),
        (
            "save_story",
            json!({ "title": "X", "date": "yesterday-ish" }),
            "not a date",
        ),
        (
            "save_story",
            json!({ "id": "nope", "result": "x" }),
            "no entry",
        ),
        ("list", json!({ "from": "2026", "to": "2025" }), "after"),
        ("list", json!({ "limit": 0 }), "at least 1"),
        (
            "search",
            json!({ "query": "--- ***" }),
            "nothing to search for",
        ),
        ("ask", json!({ "question": " " }), "empty"),
        (
            "coverage",
            json!({ "framework": "nope" }),
            "no competency framework",
        ),
        ("report", json!({ "kind": "novel" }), "novel"),
        (
            "report",
            json!({ "kind": "doc", "format": "pdf" }),
            "md or json",
        ),
        (
            "report",
            json!({ "kind": "doc", "from": "someday" }),
            "not a date",
        ),
    ];
    for (tool, args, says) in cases {
        let (code, message, _) = refused(&client, tool, args.clone()).await;
        assert_eq!(code, ErrorCode::INVALID_PARAMS, "{tool} {args}: {message}");
        assert!(
            message.contains(says),
            "{tool} {args}: {message:?} should say {says:?}"
        );
    }
    // A misspelt argument of a writer is refused by name, not dropped.
    let result = call(&client, "save_story", json!({ "titel": "Oops" }))
        .await
        .expect("call");
    assert_eq!(result.is_error, Some(true));
    assert!(
        text_of(&result).contains("unknown field `titel`"),
        "{result:?}"
    );
    assert_eq!(env.snapshot(), before, "a refused call changed the vault");

    // The server is still there, and still answers.
    let listed = ok(&client, "list", json!({ "limit": 1 })).await;
    assert_eq!(ids(&listed, "entries").len(), 1);
    client.cancel().await.expect("close");
}

#[tokio::test]
async fn mcp_resources_are_the_files_and_the_frameworks() {
    let env = TestEnv::new();
    env.write_entry(DESIGN_STORY_PATH, DESIGN_STORY);
    let client = connect(&env, &[]).await;
    let read = |uri: &str| client.read_resource(ReadResourceRequestParams::new(uri.to_owned()));
    let got = read("brag://entries/2025-03-14-retry-budget")
        .await
        .expect("read");
    let ResourceContents::TextResourceContents {
        text, mime_type, ..
    } = &got.contents[0]
    else {
        panic!("text contents: {got:?}");
    };
    assert_eq!(text, DESIGN_STORY);
    assert_eq!(mime_type.as_deref(), Some("text/markdown"));
    let got = read("brag://frameworks/amazon-lp").await.expect("read");
    let ResourceContents::TextResourceContents { text, .. } = &got.contents[0] else {
        panic!("text contents: {got:?}");
    };
    assert!(text.starts_with("# Amazon Leadership Principles"), "{text}");
    assert!(text.contains("## Dive Deep (`dive-deep`)"), "{text}");
    for uri in [
        "brag://entries/retry",
        "brag://entries/nope",
        "brag://frameworks/nope",
        "file:///etc/passwd",
    ] {
        match read(uri).await {
            Err(ServiceError::McpError(e)) => {
                assert_eq!(e.code, ErrorCode::RESOURCE_NOT_FOUND, "{uri}: {e:?}");
            }
            other => panic!("{uri}: expected not found, got {other:?}"),
        }
    }
    client.cancel().await.expect("close");
}

#[tokio::test]
async fn mcp_prompts_carry_the_record() {
    let env = TestEnv::with_samples();
    let client = connect(&env, &[]).await;
    let get = |name: &str, args: Value| {
        let Value::Object(map) = args else {
            panic!("object")
        };
        client.get_prompt(GetPromptRequestParams::new(name.to_owned()).with_arguments(map))
    };
    let star = get(
        "star-from-notes",
        json!({ "notes": "fixed the flaky login test, CI green 30 days" }),
    )
    .await
    .expect("star-from-notes");
    let text = prompt_text(&star);
    assert!(text.contains("fixed the flaky login test"), "{text}");
    assert!(
        text.contains("save_story") && text.contains("dive-deep: Dive Deep"),
        "{text}"
    );

    let prep = get(
        "prepare-interview",
        json!({ "competency": "have backbone" }),
    )
    .await
    .expect("prepare-interview");
    let text = prompt_text(&prep);
    assert!(
        text.contains("Have Backbone; Disagree and Commit"),
        "{text}"
    );
    assert!(
        text.contains("Disagreed on the ledger rewrite")
            || text.contains("2024-11-12-disagreed-on-ledger-rewrite"),
        "{text}"
    );
    let prep = get("prepare-interview", json!({ "job_description": "Senior engineer: own reliability of payment systems, lead incident response, mentor engineers." }))
        .await
        .expect("prepare-interview");
    assert!(prompt_text(&prep).contains("My stories that fit it best"));

    let review = get(
        "review-draft",
        json!({ "from": "2026-01", "to": "2026-11" }),
    )
    .await
    .expect("review-draft");
    let text = prompt_text(&review);
    let report = env.ok(&["report", "review", "--from", "2026-01", "--to", "2026-11"]);
    assert!(text.contains(report.trim()), "{text}");

    for (name, args) in [
        ("star-from-notes", json!({ "notes": "  " })),
        ("prepare-interview", json!({})),
        ("prepare-interview", json!({ "competency": "juggling" })),
        ("review-draft", json!({ "from": "someday" })),
    ] {
        match get(name, args.clone()).await {
            Err(ServiceError::McpError(e)) => {
                assert_eq!(e.code, ErrorCode::INVALID_PARAMS, "{name} {args}: {e:?}");
            }
            other => panic!("{name} {args}: expected an error, got {other:?}"),
        }
    }
    client.cancel().await.expect("close");
}

#[tokio::test]
async fn mcp_read_only_offers_no_writer() {
    let env = TestEnv::with_samples();
    let client = connect(&env, &["--read-only"]).await;
    let tools = client.list_all_tools().await.expect("tools/list");
    let names: Vec<&str> = tools.iter().map(|t| t.name.as_ref()).collect();
    assert_eq!(names.len(), 7, "{names:?}");
    assert!(
        !names.contains(&"add") && !names.contains(&"save_story"),
        "{names:?}"
    );
    let before = env.snapshot();
    for (tool, args) in [
        ("add", json!({ "text": "sneaky" })),
        ("save_story", json!({ "title": "sneaky" })),
    ] {
        let err = call(&client, tool, args).await.expect_err("no such tool");
        assert!(matches!(err, ServiceError::McpError(_)), "{err:?}");
    }
    assert_eq!(env.snapshot(), before);
    // The readers still read.
    assert!(!ids(&ok(&client, "list", json!({})).await, "entries").is_empty());
    client.cancel().await.expect("close");
}

/// The protocol over raw pipes: every line on stdout is a JSON-RPC message, a line that
/// is not JSON does not stop the server, and closing stdin ends it with exit 0.
#[test]
fn mcp_stdout_carries_protocol_messages_alone() {
    let env = TestEnv::with_samples();
    let mut child = env
        .std_cmd()
        .arg("mcp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start brag mcp");
    let mut stdin = child.stdin.take().expect("stdin");
    let lines = [
        json!({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}).to_string(),
        json!({"jsonrpc":"2.0","method":"notifications/initialized"}).to_string(),
        "this is not JSON".to_owned(),
        json!({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search","arguments":{"query":"rivet"}}}).to_string(),
        json!({"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"show","arguments":{"id":"nope"}}}).to_string(),
    ];
    for l in &lines {
        writeln!(stdin, "{l}").expect("write");
    }
    let stdout = child.stdout.take().expect("stdout");
    let mut answered = std::collections::BTreeMap::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("read");
        let msg: Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("stdout carried a line that is no JSON ({e}): {line}"));
        assert_eq!(msg["jsonrpc"], "2.0", "{line}");
        if let Some(id) = msg["id"].as_i64() {
            answered.insert(id, msg);
        }
        if answered.contains_key(&3) && answered.contains_key(&2) {
            break;
        }
    }
    drop(stdin);
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "exit {:?}", out.status);
    assert!(
        answered[&2]["result"]["structuredContent"]["hits"].is_array(),
        "{}",
        answered[&2]
    );
    assert_eq!(
        answered[&3]["error"]["code"],
        json!(-32602),
        "{}",
        answered[&3]
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn mcp_print_config_gives_each_client_its_block() {
    let env = TestEnv::new();
    let out = env.ok(&["mcp", "--print-config", "claude"]);
    let block: Value = serde_json::from_str(&out).expect("JSON on stdout");
    let server = &block["mcpServers"]["brag"];
    let command = server["command"].as_str().expect("command");
    assert!(std::path::Path::new(command).is_absolute() && std::path::Path::new(command).is_file());
    let vault = env.vault().to_string_lossy().into_owned();
    assert_eq!(server["args"], json!(["mcp", "--vault", vault]));

    let out = env.ok(&["mcp", "--print-config", "vscode", "--read-only"]);
    let block: Value = serde_json::from_str(&out).expect("JSON on stdout");
    assert_eq!(block["servers"]["brag"]["type"], "stdio");
    assert_eq!(block["servers"]["brag"]["args"][3], "--read-only");
    let out = env.ok(&["mcp", "--print-config", "cursor"]);
    assert!(out.contains("mcpServers"));

    let err = env.fails(&["mcp", "--print-config", "emacs"], 2);
    assert!(err.contains("claude, cursor or vscode"), "{err}");
}

/// The official TypeScript SDK's client (npm `@modelcontextprotocol/sdk`, locked in
/// `tests/mcp-js/package-lock.json`) runs `tests/mcp-js/client.mjs` against `brag mcp`.
/// `scripts/test` installs Node and the package when they are missing and sets
/// `BRAG_JS_TESTS=require`; without that, a machine lacking them skips and says so.
#[test]
fn mcp_official_typescript_client() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mcp-js");
    let installed = dir
        .join("node_modules/@modelcontextprotocol/sdk/package.json")
        .is_file();
    let node = std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_ok();
    if !(installed && node) {
        assert!(
            std::env::var("BRAG_JS_TESTS").as_deref() != Ok("require"),
            "node or the MCP SDK is missing (scripts/test runs npm ci in {})",
            dir.display()
        );
        eprintln!("skipped: no node or no @modelcontextprotocol/sdk (scripts/test installs them)");
        return;
    }
    let env = TestEnv::with_samples();
    // Node runs with the hermetic environment of the test (vault, clock, home), which
    // the server it starts inherits.
    let brag = env.std_cmd();
    let envs: Vec<(std::ffi::OsString, std::ffi::OsString)> = brag
        .get_envs()
        .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_owned())))
        .collect();
    let mut node = std::process::Command::new("node");
    node.env_clear()
        .envs(envs)
        .current_dir(&dir)
        .arg("client.mjs")
        .arg(brag.get_program());
    let out = node.output().expect("run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the TypeScript client failed:\n{stdout}\n{stderr}"
    );
    let summary: Value = serde_json::from_str(stdout.trim()).expect("the client's summary");
    assert_eq!(summary["ok"], true);
    assert_eq!(summary["tools"], 9);
    // What it saved is in the vault, as the CLI reads it.
    let saved = summary["saved"].as_str().expect("saved id");
    let shown = env.json(&["show", saved, "--json"]);
    assert_eq!(shown["result"], "Cold start fell from 9 s to 2 s.");
    assert_eq!(shown["competencies"], json!(["invent-and-simplify"]));
}

/// What the user records with the CLI or an editor while the server runs is what the next
/// call sees: the watcher names the changed files (or the app walks the vault).
#[tokio::test]
async fn mcp_sees_changes_made_while_it_runs() {
    let env = TestEnv::with_samples();
    let client = connect(&env, &[]).await;
    assert!(
        ids(
            &ok(&client, "search", json!({ "query": "zeppelin" })).await,
            "hits"
        )
        .is_empty()
    );
    env.ok(&["add", "tuned the zeppelin cache, hit rate 61% → 94%"]);
    // The oldest sample goes to the trash.
    let removed = env.list_ids(&[]).pop().expect("an entry");
    env.ok(&["rm", &removed, "--yes"]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let found = ids(
            &ok(&client, "search", json!({ "query": "zeppelin" })).await,
            "hits",
        );
        let listed = ids(
            &ok(&client, "list", json!({ "limit": 100 })).await,
            "entries",
        );
        if found.len() == 1 && !listed.contains(&removed) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the server did not see the CLI's changes: {found:?}, {removed} still listed: {}",
            listed.contains(&removed)
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    client.cancel().await.expect("close");
}
