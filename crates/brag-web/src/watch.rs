//! The vault watcher: inotify (on Linux) tells the app which files changed, so that a
//! request brings the index up to date from those alone instead of a walk of the vault.
//!
//! The first request walks once. When the watcher cannot start, or its queue overflows,
//! or it reports an error, the app walks again (at the next request, or at every request
//! when there is no watcher at all): an edit made with the CLI or an editor always shows
//! on the next reload.

use std::sync::Arc;

use notify::{EventKind, RecursiveMode, Watcher as _};

use crate::Web;

/// Starts watching the vault for the app; returns the watcher to keep alive, or `None`
/// when watching is unavailable (the app then walks per request).
pub(crate) fn start(web: &Arc<Web>) -> Option<notify::RecommendedWatcher> {
    let target = Arc::clone(web);
    let handler = move |event: notify::Result<notify::Event>| match event {
        Ok(event) if event.need_rescan() => target.app.changed_all(),
        // Reads and opens change nothing.
        Ok(event) if matches!(event.kind, EventKind::Access(_)) => {}
        Ok(event) => target.app.changed(event.paths.iter().map(|p| p.as_path())),
        Err(_) => target.app.changed_all(),
    };
    let mut watcher = match notify::recommended_watcher(handler) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("brag serve: cannot watch the vault ({e}); every page will read it");
            return None;
        }
    };
    if let Err(e) = watcher.watch(web.app.root(), RecursiveMode::Recursive) {
        eprintln!("brag serve: cannot watch the vault ({e}); every page will read it");
        return None;
    }
    web.app.watched();
    Some(watcher)
}
