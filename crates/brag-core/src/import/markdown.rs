//! Placeholder: being written.

use super::{Imported, Options, Warning};

/// Returns the entries and warnings of a document in this format.
pub(crate) fn import(_text: &str, _opts: &Options<'_>) -> (Vec<Imported>, Vec<Warning>) {
    (Vec::new(), Vec::new())
}
