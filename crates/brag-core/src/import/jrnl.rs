//! Placeholder: being written.

use super::{ImportError, Imported, Options, Warning};

/// Returns the entries and warnings of a document in this format.
pub(crate) fn import(
    _text: &str,
    _opts: &Options<'_>,
) -> Result<(Vec<Imported>, Vec<Warning>), ImportError> {
    Ok((Vec::new(), Vec::new()))
}
