//! Printing for people: styles, entry lines, snippets. Colour goes through anstream, which
//! drops it when stdout is not a terminal or `NO_COLOR` is set.

use std::io::{self, Write};

use anstyle::{AnsiColor, Effects, Style};
use brag_app::Entry;

/// Styles for errors.
pub const ERROR: Style = AnsiColor::Red.on_default().effects(Effects::BOLD);
/// Styles for hints.
pub const HINT: Style = AnsiColor::Cyan.on_default();
/// Styles for warnings.
pub const WARN: Style = AnsiColor::Yellow.on_default().effects(Effects::BOLD);
/// Dates and other quiet details.
pub const DIM: Style = Style::new().effects(Effects::DIMMED);
/// Titles.
pub const BOLD: Style = Style::new().effects(Effects::BOLD);
/// Tags.
pub const TAG: Style = AnsiColor::Blue.on_default();
/// Matches inside snippets.
pub const MATCH: Style = AnsiColor::Red.on_default().effects(Effects::BOLD);

/// Returns stdout, locked and buffered, with colour only where it belongs: anstream
/// decides (a terminal, `NO_COLOR`, `CLICOLOR_FORCE`), and escape codes are stripped
/// where colour is off.
pub fn stdout() -> Stdout {
    let choice = anstream::AutoStream::choice(&io::stdout());
    Stdout {
        out: io::BufWriter::with_capacity(64 << 10, io::stdout().lock()),
        strip: (choice == anstream::ColorChoice::Never).then(anstream::adapter::StripBytes::new),
    }
}

/// Returns buffered stdout: one `write` call per 64 KiB rather than per line (Rust's
/// stdout is line-buffered), which matters for `brag list` on a large vault.
pub struct Stdout {
    out: io::BufWriter<io::StdoutLock<'static>>,
    /// The state of escape-code stripping, when colour is off.
    strip: Option<anstream::adapter::StripBytes>,
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.strip {
            None => self.out.write_all(buf)?,
            Some(state) => {
                for printable in state.strip_next(buf) {
                    self.out.write_all(printable)?;
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Prints a warning to stderr.
pub fn warn(msg: impl std::fmt::Display) {
    let mut err = anstream::stderr().lock();
    let _ = writeln!(err, "{WARN}warning:{WARN:#} {msg}");
}

/// Prints a note to stderr.
pub fn note(msg: impl std::fmt::Display) {
    let mut err = anstream::stderr().lock();
    let _ = writeln!(err, "{msg}");
}

/// Returns the date column of an entry.
pub fn date_col(e: &Entry) -> String {
    match e.date {
        Some(d) if e.undated => format!("{d}?"),
        Some(d) => d.to_string(),
        None => "undated   ".to_owned(),
    }
}

/// Writes one line for an entry: date, kind, title, tags, id.
pub fn entry_line(out: &mut impl Write, e: &Entry) -> io::Result<()> {
    write!(
        out,
        "{DIM}{:<11}{DIM:#} {:<8} {BOLD}{}{BOLD:#}",
        date_col(e),
        e.kind.as_str(),
        e.title
    )?;
    for t in &e.tags {
        write!(out, " {TAG}#{t}{TAG:#}")?;
    }
    writeln!(out, "  {DIM}{}{DIM:#}", e.id)
}

/// Returns a snippet with its highlighted spans (byte offsets) in the match style.
pub fn styled_snippet(snippet: &str, highlights: &[[usize; 2]]) -> String {
    let mut out = String::with_capacity(snippet.len() + 16 * highlights.len());
    let mut at = 0;
    for &[start, end] in highlights {
        let (Some(before), Some(word)) = (snippet.get(at..start), snippet.get(start..end)) else {
            continue;
        };
        out.push_str(before);
        out.push_str(&MATCH.render().to_string());
        out.push_str(word);
        out.push_str(&MATCH.render_reset().to_string());
        at = end;
    }
    out.push_str(snippet.get(at..).unwrap_or_default());
    out
}

/// Returns `one` for 1 and `many` for any other count: `plural(n, "y", "ies")`.
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
