//! `brag mcp --print-config`: the block of JSON an assistant's client needs to start
//! `brag mcp`, in that client's own shape.

use std::path::Path;

use serde_json::{Value, json};

/// Returns an assistant's client whose configuration brag prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Client {
    /// Claude Desktop (`claude_desktop_config.json`) and Claude Code (`.mcp.json`).
    Claude,
    /// Cursor (`~/.cursor/mcp.json` or `.cursor/mcp.json`).
    Cursor,
    /// Visual Studio Code (`.vscode/mcp.json`).
    Vscode,
}

impl Client {
    /// Every client, in the order help lists them.
    pub const ALL: [Client; 3] = [Client::Claude, Client::Cursor, Client::Vscode];

    /// Returns the client's name as `--print-config` takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Client::Claude => "claude",
            Client::Cursor => "cursor",
            Client::Vscode => "vscode",
        }
    }

    /// Returns where the client reads the block from, for the line printed beside it.
    pub fn config_file(self) -> &'static str {
        match self {
            Client::Claude => {
                "claude_desktop_config.json (Claude Desktop: Settings → Developer → Edit \
                 Config), or .mcp.json in a project (Claude Code)"
            }
            Client::Cursor => "~/.cursor/mcp.json, or .cursor/mcp.json in a project",
            Client::Vscode => ".vscode/mcp.json in a workspace (or: MCP: Open User Configuration)",
        }
    }
}

impl std::str::FromStr for Client {
    type Err = String;

    fn from_str(s: &str) -> Result<Client, String> {
        Client::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("no client `{s}`: claude, cursor or vscode"))
    }
}

/// Returns the JSON block that starts `brag mcp` in `client`: the binary's absolute path,
/// and the vault's, so the client finds both whatever directory it starts in.
pub fn client_config(client: Client, exe: &Path, vault: &Path, read_only: bool) -> Value {
    let mut args = vec![
        json!("mcp"),
        json!("--vault"),
        json!(vault.to_string_lossy()),
    ];
    if read_only {
        args.push(json!("--read-only"));
    }
    let command = json!(exe.to_string_lossy());
    match client {
        Client::Claude | Client::Cursor => json!({
            "mcpServers": { "brag": { "command": command, "args": args } }
        }),
        Client::Vscode => json!({
            "servers": { "brag": { "type": "stdio", "command": command, "args": args } }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_client_gets_its_own_shape_with_absolute_paths() {
        let exe = Path::new("/usr/local/bin/brag");
        let vault = Path::new("/home/a/brag vault");
        let claude = client_config(Client::Claude, exe, vault, false);
        assert_eq!(
            claude["mcpServers"]["brag"]["args"],
            json!(["mcp", "--vault", "/home/a/brag vault"])
        );
        assert_eq!(
            claude["mcpServers"]["brag"]["command"],
            "/usr/local/bin/brag"
        );
        let vscode = client_config(Client::Vscode, exe, vault, true);
        assert_eq!(vscode["servers"]["brag"]["type"], "stdio");
        assert_eq!(vscode["servers"]["brag"]["args"][3], "--read-only");
        assert_eq!("Cursor".parse::<Client>(), Ok(Client::Cursor));
        assert!("emacs".parse::<Client>().is_err());
    }
}
