// A second MCP client that nobody on brag wrote: the official TypeScript SDK's, run by
// crates/brag/tests/cli/mcp_js.rs against the real `brag mcp`. It starts the server the
// way Claude Desktop or VS Code would, then lists, reads, writes and reads back.
//
// Usage: node client.mjs BRAG_BINARY   (the vault and clock come from BRAG_VAULT, BRAG_NOW)

import assert from "node:assert/strict";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [brag] = process.argv.slice(2);
assert.ok(brag, "usage: node client.mjs BRAG_BINARY");

const transport = new StdioClientTransport({
  command: brag,
  args: ["mcp"],
  env: { ...process.env },
  stderr: "inherit",
});
const client = new Client({ name: "brag-js-test", version: "1.0.0" });
await client.connect(transport);

const server = client.getServerVersion();
assert.equal(server.name, "brag");

const { tools } = await client.listTools();
const names = tools.map((t) => t.name).sort();
assert.deepEqual(names, ["add", "ask", "coach", "coverage", "list", "report", "save_story", "search", "show"]);
for (const t of tools) {
  assert.equal(t.inputSchema.type, "object", `${t.name} has an object schema`);
}

// Reading: the JSON text content is the structured content.
const found = await client.callTool({ name: "search", arguments: { query: "rivet", limit: 3 } });
assert.notEqual(found.isError, true);
const hits = found.structuredContent.hits;
assert.ok(hits.length > 0 && hits.length <= 3, "search finds rivet");
assert.deepEqual(JSON.parse(found.content[0].text), found.structuredContent);

const shown = await client.callTool({ name: "show", arguments: { id: hits[0].id } });
assert.equal(shown.structuredContent.entry.id, hits[0].id);
assert.ok(shown.structuredContent.markdown.startsWith("---\n"));

// Writing, then reading back what was written.
const saved = await client.callTool({
  name: "save_story",
  arguments: {
    title: "Cut the cold start from the JS client",
    date: "2026-11-02",
    situation: "Cold starts took 9 s.",
    action: "I lazy-loaded the plugins.",
    result: "Cold start fell from 9 s to 2 s.",
    metrics: ["cold start 9 s → 2 s"],
    competencies: ["invent and simplify: one loader instead of three"],
  },
});
assert.notEqual(saved.isError, true, JSON.stringify(saved));
const id = saved.structuredContent.entry.id;
assert.equal(id, "2026-11-02-cut-the-cold-start-from-the-js-client");
const back = await client.readResource({ uri: `brag://entries/${id}` });
assert.match(back.contents[0].text, /Cold start fell from 9 s to 2 s\./);
assert.equal(back.contents[0].mimeType, "text/markdown");

// Bad input is a JSON-RPC error with brag's message, and writes nothing.
await assert.rejects(
  client.callTool({ name: "add", arguments: { text: "x", date: "the 31st of Smarch" } }),
  (e) => e.code === -32602 && /not a date brag understands/.test(e.message),
);

const { resources } = await client.listResources();
assert.ok(resources.some((r) => r.uri === "brag://frameworks/amazon-lp"));
assert.ok(resources.some((r) => r.uri === `brag://entries/${id}`));

const { prompts } = await client.listPrompts();
assert.deepEqual(prompts.map((p) => p.name).sort(), ["prepare-interview", "review-draft", "star-from-notes"]);
const prompt = await client.getPrompt({ name: "star-from-notes", arguments: { notes: "made the JS client fast" } });
assert.match(prompt.messages[0].content.text, /made the JS client fast/);

await client.close();
console.log(JSON.stringify({ ok: true, tools: names.length, resources: resources.length, saved: id }));
