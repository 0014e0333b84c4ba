use super::{Imported, Options, Warning};
pub(crate) fn import(_text: &str, _opts: &Options<'_>) -> (Vec<Imported>, Vec<Warning>) { (Vec::new(), Vec::new()) }
pub(crate) fn is_star_marker(_t: &str) -> bool { false }
