//! The server: what it tells the client at the handshake, its resources, and the one way
//! every tool, resource and prompt calls into the app.

use std::sync::Arc;

use brag_app::{App, AppError, Filter};
use rmcp::handler::server::router::prompt::PromptRouter;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::model::{
    Implementation, ListResourceTemplatesResult, ListResourcesResult, PaginatedRequestParams,
    ReadResourceRequestParams, ReadResourceResponse, ReadResourceResult, Resource,
    ResourceContents, ResourceTemplate, ServerCapabilities, ServerConfig,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer, ServerHandler, prompt_handler, tool_handler};

use crate::McpOptions;
use crate::error::{internal, to_rpc};

/// The scheme and prefix of an entry's resource.
pub(crate) const ENTRY_URI: &str = "brag://entries/";
/// The scheme and prefix of a framework's resource.
pub(crate) const FRAMEWORK_URI: &str = "brag://frameworks/";
/// How many resources one page of `resources/list` holds.
const PAGE: usize = 500;

/// What the server tells the assistant about itself at the handshake.
const INSTRUCTIONS: &str = "brag keeps the user's record of their work: every \
accomplishment as a Markdown file they own (wins, STAR stories, feedback received, \
learnings, goals), with metrics, competencies and evidence links. Use it to remember \
what the user did (search, list, show), to find the story that answers an interview \
question (ask), to see what to write next (coverage, coach), to draft documents from the \
record (report), and to write to it when the user asks you to (add for a line, \
save_story for a STAR story). Keep to what the record says: never invent an \
accomplishment or a number; ask the user for a missing one.";

/// brag's MCP server: the app, and the tools and prompts it offers.
#[derive(Clone)]
pub struct Brag {
    app: Arc<App>,
    tools: ToolRouter<Brag>,
    prompts: PromptRouter<Brag>,
}

impl std::fmt::Debug for Brag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Brag")
            .field("vault", &self.app.root())
            .field("tools", &self.tools)
            .finish_non_exhaustive()
    }
}

impl Brag {
    /// Returns the server for an open vault; `--read-only` leaves out the write tools.
    pub fn new(app: Arc<App>, opts: McpOptions) -> Brag {
        let mut tools = Brag::read_tools();
        if !opts.read_only {
            tools += Brag::write_tools();
        }
        Brag {
            app,
            tools,
            prompts: Brag::prompt_router(),
        }
    }

    /// Runs a use case on a blocking thread (the app reads files and SQLite); its error
    /// becomes a JSON-RPC error, and a panic in it an internal error, never the server's
    /// end.
    pub(crate) async fn call<T: Send + 'static>(
        &self,
        f: impl FnOnce(&App) -> Result<T, AppError> + Send + 'static,
    ) -> Result<T, ErrorData> {
        let app = Arc::clone(&self.app);
        match tokio::task::spawn_blocking(move || f(&app)).await {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(e)) => Err(to_rpc(&e)),
            Err(e) => Err(internal(e)),
        }
    }
}

#[tool_handler(router = self.tools)]
#[prompt_handler(router = self.prompts)]
impl ServerHandler for Brag {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(
            ServerCapabilities::builder()
                .enable_tools()
                .enable_resources()
                .enable_prompts()
                .build(),
        )
        .with_server_info(
            Implementation::new("brag", env!("CARGO_PKG_VERSION"))
                .with_title("brag: the record of your work"),
        )
        .with_instructions(INSTRUCTIONS)
    }

    async fn list_resources(
        &self,
        request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, ErrorData> {
        let start = match request.and_then(|r| r.cursor) {
            None => 0,
            Some(c) => c
                .parse::<usize>()
                .map_err(|_| ErrorData::invalid_params(format!("bad cursor `{c}`"), None))?,
        };
        self.call(move |app| {
            let mut resources = Vec::new();
            if start == 0 {
                for fw in app.catalogue()?.frameworks() {
                    resources.push(
                        Resource::new(format!("{FRAMEWORK_URI}{}", fw.id), fw.id.clone())
                            .with_title(format!("Competency framework: {}", fw.name))
                            .with_description(fw.description.clone())
                            .with_mime_type("text/markdown"),
                    );
                }
            }
            let entries = app.list_brief(&Filter::default(), Some(start + PAGE + 1))?;
            let more = entries.len() > start + PAGE;
            for e in entries.iter().skip(start).take(PAGE) {
                let date = e.date.map(|d| d.to_string()).unwrap_or_default();
                resources.push(
                    Resource::new(format!("{ENTRY_URI}{}", e.id), e.id.to_string())
                        .with_title(e.title.clone())
                        .with_description(format!("{} · {date}", e.kind))
                        .with_mime_type("text/markdown"),
                );
            }
            let mut out = ListResourcesResult::with_all_items(resources);
            if more {
                out.next_cursor = Some((start + PAGE).to_string());
            }
            Ok(out)
        })
        .await
    }

    async fn list_resource_templates(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourceTemplatesResult, ErrorData> {
        Ok(ListResourceTemplatesResult::with_all_items(vec![
            ResourceTemplate::new(format!("{ENTRY_URI}{{id}}"), "entry")
                .with_title("An entry of the record, as its Markdown file")
                .with_mime_type("text/markdown"),
            ResourceTemplate::new(format!("{FRAMEWORK_URI}{{id}}"), "framework")
                .with_title("A competency framework: its competencies and questions")
                .with_mime_type("text/markdown"),
        ]))
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        let uri = request.uri;
        let not_found = |why: String| ErrorData::resource_not_found(why, None);
        if let Some(id) = uri.strip_prefix(ENTRY_URI) {
            let id = id.to_owned();
            let text = self
                .call(move |app| {
                    // The whole id only: a resource names one file, not a search.
                    let found = app.resolve_id(&id)?;
                    if !found.exact {
                        return Err(AppError::NotFound(id));
                    }
                    Ok(app.show(found.id.as_str())?.raw)
                })
                .await
                .map_err(|e| not_found(e.message.into_owned()))?;
            return Ok(markdown(text, uri));
        }
        if let Some(id) = uri.strip_prefix(FRAMEWORK_URI) {
            let id = id.to_owned();
            let text = self
                .call(move |app| {
                    let catalogue = app.catalogue()?;
                    match catalogue.framework(&id) {
                        Some(fw) => Ok(crate::prompts::framework_markdown(fw)),
                        None => Err(AppError::NoSuchFramework {
                            wanted: id,
                            available: catalogue
                                .frameworks()
                                .iter()
                                .map(|f| f.id.clone())
                                .collect(),
                        }),
                    }
                })
                .await
                .map_err(|e| not_found(e.message.into_owned()))?;
            return Ok(markdown(text, uri));
        }
        Err(not_found(format!(
            "no resource `{uri}`: brag has {ENTRY_URI}{{id}} and {FRAMEWORK_URI}{{id}}"
        )))
    }
}

/// Returns a resource read: one Markdown text.
fn markdown(text: String, uri: String) -> ReadResourceResponse {
    ReadResourceResult::new(vec![
        ResourceContents::text(text, uri).with_mime_type("text/markdown"),
    ])
    .into()
}
