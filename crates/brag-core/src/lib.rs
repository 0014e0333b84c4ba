//! brag's model and rules: entries, the Markdown file format, dates, links and inline
//! `#tag`/`@person` recognition.
//!
//! Everything here is pure: text in, values or text out. Reading files, the index, the
//! clock and the terminal belong to the adapter crates (`brag-vault`, `brag-index`) and the
//! binary; this crate's manifest has no I/O dependency, so they cannot creep in.

pub mod ask;
pub mod coach;
pub mod coverage;
pub mod date;
pub mod entry;
pub mod file;
pub mod filter;
pub mod framework;
pub mod harvest;
pub mod import;
pub mod link;
pub mod measure;
pub mod render;
pub mod report;
pub mod slug;
pub mod text;

pub use entry::{Entry, EntryId, Kind};
pub use link::{Link, LinkKind};

/// Returns the size and modification time of a file: what the index compares with the
/// disk to tell whether a file changed since it was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch.
    pub mtime_ns: i64,
}
