//! `brag reindex`: rebuild the index from the files.

use std::io::Write as _;
use std::time::Instant;

use super::Env;
use crate::error::CmdResult;
use crate::ui;

/// Empties the index and reads every entry file again.
pub fn cmd_reindex(env: &Env) -> CmdResult {
    let started = Instant::now();
    let app = env.open()?;
    app.reindex()?;
    let count = app.count()?;
    let problems = app.problems()?;
    let mut out = ui::stdout();
    writeln!(
        out,
        "Indexed {count} entries in {} ms{}",
        started.elapsed().as_millis(),
        if problems.is_empty() {
            String::new()
        } else {
            format!(
                "; {} files could not be read (see `brag doctor`)",
                problems.len()
            )
        }
    )?;
    out.flush()?;
    Ok(())
}
