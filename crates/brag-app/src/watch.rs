//! The vault watcher: inotify (on Linux) tells the app which files changed, so that a
//! read brings the index up to date from those alone instead of a walk of the vault.
//!
//! For long-running surfaces (`brag serve`, `brag mcp`). The first read walks once. When
//! the watcher's queue overflows or it reports an error, the next read walks again; when
//! it cannot start at all, every read walks, as in the CLI: an edit made with the CLI or
//! an editor always shows on the next read.

use std::sync::Arc;

use notify::{EventKind, RecursiveMode, Watcher as _};

use crate::App;

/// Keeps the app told of the vault's changes while it lives; dropping it stops the
/// watching, and reads walk the vault again.
#[must_use = "dropping the watcher stops it"]
pub struct Watcher {
    _inner: notify::RecommendedWatcher,
    app: Arc<App>,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher")
            .field("vault", &self.app.root())
            .finish_non_exhaustive()
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.app.unwatched();
    }
}

/// Starts watching the app's vault; the error says why it cannot (the app then walks the
/// vault at every read, which is correct, only slower).
pub fn watch(app: &Arc<App>) -> Result<Watcher, notify::Error> {
    let target = Arc::clone(app);
    let handler = move |event: notify::Result<notify::Event>| match event {
        Ok(event) if event.need_rescan() => target.changed_all(),
        // Reads and opens change nothing.
        Ok(event) if matches!(event.kind, EventKind::Access(_)) => {}
        Ok(event) => target.changed(event.paths.iter().map(|p| p.as_path())),
        Err(_) => target.changed_all(),
    };
    let mut inner = notify::recommended_watcher(handler)?;
    inner.watch(app.root(), RecursiveMode::Recursive)?;
    app.watched();
    Ok(Watcher {
        _inner: inner,
        app: Arc::clone(app),
    })
}
