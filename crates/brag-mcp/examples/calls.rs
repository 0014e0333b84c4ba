//! Tool-call latency for `scripts/bench-mcp`: starts `brag mcp` on a vault, shakes hands
//! over its stdio as a client would, then calls each tool named ROUNDS times in turn, one
//! call at a time, and prints the round-trip percentiles per tool (tab-separated: tool,
//! calls, p50, p99, max, in ms). The first round is a warm-up and is not counted.
//!
//!   cargo run --release -p brag-mcp --example calls -- BRAG VAULT ROUNDS TOOL...
//!
//! TOOL is one of: search, ask, list, show, coverage.

use std::io::{BufRead as _, BufReader, Write as _};
use std::process::{ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A JSON-RPC connection over a child's pipes.
struct Conn {
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: u64,
}

impl Conn {
    /// Sends a request and waits for its reply; returns it and the round trip.
    fn request(&mut self, method: &str, params: Value) -> (Value, Duration) {
        self.next_id += 1;
        let id = self.next_id;
        let t = Instant::now();
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let mut line = String::new();
        loop {
            line.clear();
            if self.stdout.read_line(&mut line).unwrap_or(0) == 0 {
                fail("the server closed its stdout");
            }
            let reply: Value = serde_json::from_str(&line)
                .unwrap_or_else(|e| fail(&format!("no JSON on stdout ({e}): {line}")));
            if reply["id"] == json!(id) {
                if reply.get("error").is_some() {
                    fail(&format!("{method} failed: {reply}"));
                }
                return (reply, t.elapsed());
            }
        }
    }

    fn send(&mut self, msg: &Value) {
        writeln!(self.stdin, "{msg}").unwrap_or_else(|e| fail(&format!("write: {e}")));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [brag, vault, rounds, tools @ ..] = args.as_slice() else {
        eprintln!("usage: calls BRAG VAULT ROUNDS TOOL...");
        std::process::exit(2);
    };
    let rounds: usize = rounds.parse().unwrap_or(200);
    let mut child = Command::new(brag)
        .args(["--vault", vault, "mcp", "--read-only"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| fail(&format!("cannot start {brag}: {e}")));
    let mut conn = Conn {
        stdin: child.stdin.take().unwrap_or_else(|| fail("no stdin")),
        stdout: BufReader::new(child.stdout.take().unwrap_or_else(|| fail("no stdout"))),
        next_id: 0,
    };
    conn.request(
        "initialize",
        json!({ "protocolVersion": "2025-06-18", "capabilities": {},
                "clientInfo": { "name": "bench", "version": "1" } }),
    );
    conn.send(&json!({ "jsonrpc": "2.0", "method": "notifications/initialized" }));
    let (listed, _) = conn.request(
        "tools/call",
        json!({ "name": "list", "arguments": { "limit": 1 } }),
    );
    let some_id = listed["result"]["structuredContent"]["entries"][0]["id"]
        .as_str()
        .unwrap_or("nope")
        .to_owned();
    let questions = [
        "Tell me about a time you disagreed with your manager",
        "Describe a time you had to dive deep into a production problem",
        "Give an example of a time you delivered results under a tight deadline",
    ];
    let words = ["zeppelin", "latency", "migration", "on-call", "rivet cache"];
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); tools.len()];
    for round in 0..=rounds {
        for (t, tool) in tools.iter().enumerate() {
            let arguments = match tool.as_str() {
                "search" => json!({ "query": words[round % words.len()] }),
                "ask" => json!({ "question": questions[round % questions.len()] }),
                "list" => json!({ "kind": "story", "limit": 20 }),
                "show" => json!({ "id": some_id }),
                "coverage" => json!({}),
                other => fail(&format!("no tool `{other}` in this benchmark")),
            };
            let (_, took) = conn.request(
                "tools/call",
                json!({ "name": tool, "arguments": arguments }),
            );
            if round > 0 {
                times[t].push(took);
            }
        }
    }
    for (tool, mut ts) in tools.iter().zip(times) {
        ts.sort_unstable();
        let at = |q: f64| {
            let i = ((ts.len() as f64 * q).ceil() as usize).clamp(1, ts.len()) - 1;
            ts[i].as_secs_f64() * 1e3
        };
        println!(
            "{tool}\t{}\t{:.2}\t{:.2}\t{:.2}",
            ts.len(),
            at(0.5),
            at(0.99),
            at(1.0)
        );
    }
    drop(conn);
    let _ = child.wait();
}

fn fail(message: &str) -> ! {
    eprintln!("calls: {message}");
    std::process::exit(1);
}
