//! brag's errors as JSON-RPC errors: a message that says what is wrong, and in `data` the
//! kind of failure (and the argument at fault) for a client that tells them apart.

use brag_app::{AppError, ErrorKind};
use rmcp::ErrorData;
use rmcp::model::ErrorCode;
use serde_json::json;

/// Returns the JSON-RPC error for a failed call: the request's fault (a bad date, an
/// unknown id, a write that would lose a change made meanwhile) is "invalid params";
/// a file of the user's that cannot be read, or the disk, is an internal error.
pub(crate) fn to_rpc(e: &AppError) -> ErrorData {
    let kind = e.kind();
    let code = match kind {
        ErrorKind::BadInput
        | ErrorKind::NotFound
        | ErrorKind::Conflict
        | ErrorKind::InvalidText => ErrorCode::INVALID_PARAMS,
        ErrorKind::CorruptFile | ErrorKind::Io => ErrorCode::INTERNAL_ERROR,
    };
    let mut data = json!({ "kind": kind });
    if let AppError::Invalid { field, .. } = e {
        data["argument"] = json!(field);
    }
    ErrorData::new(code, message(e), Some(data))
}

/// Returns the message for a model to read and act on: the CLI's, with what to do next
/// where the CLI would point at a flag.
fn message(e: &AppError) -> String {
    match e {
        AppError::Changed(path) => format!(
            "{path} changed on disk since it was read; nothing was saved. Read it again \
             with `show` and save with the new stamp"
        ),
        AppError::NotFound(id) => {
            format!("no entry `{id}`: `search` or `list` give the ids there are")
        }
        e => e.to_string(),
    }
}

/// Returns the error for an argument the tool itself refuses.
pub(crate) fn invalid(message: impl Into<String>) -> ErrorData {
    ErrorData::invalid_params(message.into(), Some(json!({ "kind": ErrorKind::BadInput })))
}

/// Returns the error for a call that failed inside the server (a panic caught, a thread
/// lost): never the request's fault.
pub(crate) fn internal(message: impl std::fmt::Display) -> ErrorData {
    ErrorData::internal_error(format!("brag failed: {message}"), None)
}
