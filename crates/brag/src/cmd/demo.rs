//! `brag demo`: a throwaway vault of sample entries, and a short tour of brag on it.

use super::Env;
use crate::error::{CmdResult, CommandError};

/// Makes a demo vault and shows brag working on it.
pub fn cmd_demo(_env: &Env) -> CmdResult {
    Err(CommandError::failure("the demo is not ready yet"))
}
