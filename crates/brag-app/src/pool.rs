//! Connections to the index, shared by the requests an [`App`](crate::App) serves at once.
//!
//! A small pool rather than a connection per request: opening SQLite, setting its pragmas
//! and checking the schema costs about a third of a millisecond, and each connection keeps
//! its cache of prepared statements; with WAL, readers on their own connections go on
//! while one writer writes. A request takes an idle connection or opens one, and gives it
//! back when done; at most [`MAX_IDLE`] are kept.

use std::ops::{Deref, DerefMut};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use brag_index::Index;

use crate::{AppError, meaning};

/// How many idle connections the pool keeps.
const MAX_IDLE: usize = 16;

/// Returns the pool of connections to one index file.
pub(crate) struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Index>>,
    /// Set when an open found the index missing, damaged or of another schema and made
    /// it empty: the next sync reads every file and reports a rebuild.
    rebuilt: AtomicBool,
}

impl Pool {
    /// Returns a pool for the index at `path`, with one connection opened (so that a
    /// broken index is found, and rebuilt, at once).
    pub(crate) fn open(path: PathBuf) -> Result<Pool, AppError> {
        let pool = Pool {
            path,
            idle: Mutex::new(Vec::new()),
            rebuilt: AtomicBool::new(false),
        };
        let mut first = pool.get()?;
        // Vectors made by another model, or none where this build makes them (or some
        // where it does not): the index is rebuilt, not left half one and half the other.
        let model = first.meta(meaning::MODEL_KEY)?;
        if model.as_deref() != meaning::MODEL {
            if first.count()? > 0 || model.is_some() {
                pool.reset(&mut first)?;
            } else {
                first.set_meta(meaning::MODEL_KEY, meaning::MODEL)?;
            }
        }
        drop(first);
        Ok(pool)
    }

    /// Returns a connection: an idle one, or a new one.
    pub(crate) fn get(&self) -> Result<Conn<'_>, AppError> {
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        let index = match idle {
            Some(index) => index,
            None => {
                let (index, made) = Index::open(&self.path)?;
                if made {
                    self.rebuilt.store(true, Ordering::SeqCst);
                }
                index
            }
        };
        Ok(Conn {
            pool: self,
            index: Some(index),
        })
    }

    /// Returns true once after the index was made empty.
    pub(crate) fn take_rebuilt(&self) -> bool {
        self.rebuilt.swap(false, Ordering::SeqCst)
    }

    /// Empties the index, names this build's model in it (so the next open keeps what
    /// the rebuild writes) and marks it as made empty: the next sync reads every file.
    pub(crate) fn reset(&self, index: &mut Index) -> Result<(), AppError> {
        index.reset()?;
        index.set_meta(meaning::MODEL_KEY, meaning::MODEL)?;
        self.rebuilt.store(true, Ordering::SeqCst);
        Ok(())
    }
}

/// Returns a connection taken from the pool; dropped, it goes back.
pub(crate) struct Conn<'a> {
    pool: &'a Pool,
    index: Option<Index>,
}

impl Deref for Conn<'_> {
    type Target = Index;

    fn deref(&self) -> &Index {
        self.index
            .as_ref()
            .expect("a connection holds its index until dropped")
    }
}

impl DerefMut for Conn<'_> {
    fn deref_mut(&mut self) -> &mut Index {
        self.index
            .as_mut()
            .expect("a connection holds its index until dropped")
    }
}

impl Drop for Conn<'_> {
    fn drop(&mut self) {
        if let (Some(index), Ok(mut idle)) = (self.index.take(), self.pool.idle.lock())
            && idle.len() < MAX_IDLE
        {
            idle.push(index);
        }
    }
}
