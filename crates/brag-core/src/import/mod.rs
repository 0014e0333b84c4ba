//! Importers: bring the documents people already have into entries without losing a line.
//!
//! Each format lives in its own module and turns text into [`Imported`] entries plus
//! [`Warning`]s. The rule they all keep: every non-blank line of the input ends up,
//! verbatim apart from its bullet marker and surrounding spaces, in some field of some
//! entry, or is named with its text in a warning that says why it was left out. Lines
//! that are only structure (`S`, `Situation:`, `## Result`, `metrics`, ...) are the
//! exception.
//!
//! Pure like the rest of the core: text in, entries out. Reading the file, deduplicating
//! against the vault and writing belong to `brag-app`.

mod csv;
mod jrnl;
mod log;
mod markdown;
mod markup;
mod org;
mod rst;
mod section_words;
mod star_text;
mod talk_notes;

pub(crate) use markdown::{DocMeta, is_meta_url};

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::Serialize;

use crate::entry::{Entry, Kind};
use crate::file::Section;
use crate::framework::Catalogue;
use crate::measure;
use crate::prose;
use crate::text;
use crate::words::label_key;

/// The front-matter key that holds an imported entry's import key.
pub const IMPORT_KEY: &str = "import-key";

/// The largest document brag imports, in bytes.
pub const MAX_BYTES: usize = 16 << 20;

/// Labels that DESIGN.md (and `check_import.py`) count as structure: a line that is only
/// one of them need not survive an import.
pub(crate) const STRUCTURE_LABELS: &[&str] = &[
    "s",
    "t",
    "a",
    "r",
    "situation",
    "task",
    "action",
    "result",
    "metrics",
    "summary",
    "links",
    "lessons learned",
    "lessons",
    "extra info",
    "notes",
    "goods",
    "bads",
    "failures",
    "-",
    "",
];

/// Returns an import format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Plain-text STAR notes (Google Docs, Notion, Quip exports).
    StarText,
    /// A Markdown brag document (Julia Evans' template and the like).
    Markdown,
    /// Conference talk notes.
    TalkNotes,
    /// `jrnl --export json`.
    Jrnl,
    /// A spreadsheet exported as CSV with a header row.
    Csv,
    /// A work log: timestamped one-line items under date headings, or a file a day.
    Log,
    /// An org-mode document, read as a brag document through the syntax layer.
    Org,
    /// A reStructuredText document, read as a brag document through the syntax layer.
    Rst,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 8] = [
        Format::StarText,
        Format::Markdown,
        Format::TalkNotes,
        Format::Jrnl,
        Format::Csv,
        Format::Log,
        Format::Org,
        Format::Rst,
    ];

    /// Returns the format's name as written on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::StarText => "star-text",
            Format::Markdown => "markdown",
            Format::TalkNotes => "talk-notes",
            Format::Jrnl => "jrnl",
            Format::Csv => "csv",
            Format::Log => "log",
            Format::Org => "org",
            Format::Rst => "rst",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!(
                    "unknown format `{s}` (expected auto, star-text, markdown, talk-notes, jrnl, csv, log, org or rst)"
                )
            })
    }
}

/// Returns one entry made by an importer, with the lines of the source it came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Imported {
    /// The entry; it has no id or path yet.
    #[serde(flatten)]
    pub entry: Entry,
    /// The first and last line of the source that made it, 1-based.
    pub source_lines: (usize, usize),
}

/// Returns a soft problem with the input: a line left out, a value not understood.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The 1-based line it is about.
    pub line: usize,
    /// What happened and why, naming the text of a line that was left out.
    pub message: String,
}

/// Returns everything an import made.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Import {
    /// The format that was read.
    pub format: Format,
    /// The entries, in source order.
    pub entries: Vec<Imported>,
    /// Lines left out and values not understood.
    pub warnings: Vec<Warning>,
}

/// Returned when a document cannot be imported at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", line.map(|l| format!("{l}: ")).unwrap_or_default())]
pub struct ImportError {
    /// The 1-based line at fault, when there is one.
    pub line: Option<usize>,
    /// What is wrong and what to do.
    pub message: String,
}

impl ImportError {
    fn new(line: Option<usize>, message: impl Into<String>) -> ImportError {
        ImportError {
            line,
            message: message.into(),
        }
    }
}

/// Returns the extra names for sections that `[import.sections]` in `brag.toml` gives,
/// on top of the built-in names and synonyms.
#[derive(Clone, Debug, Default)]
pub struct SectionNames {
    extra: HashMap<String, Section>,
    /// The longest of `extra`'s names, in bytes: a longer label names none of them.
    longest: usize,
    /// The first word of each of `extra`'s names (see [`SectionNames::may_name`]).
    firsts: HashSet<String>,
}

/// The longest label a built-in section name can be, markup and numbering included:
/// a longer line is prose, and no key is made for it.
const LONGEST_LABEL: usize = 64;

impl SectionNames {
    /// Returns section names from `[import.sections]`: a section (`Situation`, `Task`,
    /// `Action`, `Result`, `Metrics`, `Lessons`, `Notes`) to more names for it. Unknown
    /// section keys are returned as errors to report.
    pub fn new<'a>(
        config: impl IntoIterator<Item = (&'a String, &'a Vec<String>)>,
    ) -> (SectionNames, Vec<String>) {
        let mut extra = HashMap::new();
        let mut unknown = Vec::new();
        for (section, names) in config {
            match Section::from_heading(section) {
                Some(s) => {
                    for n in names {
                        extra.insert(label_key(n), s);
                    }
                }
                None => unknown.push(section.clone()),
            }
        }
        let longest = extra.keys().map(String::len).max().unwrap_or(0);
        let firsts = extra
            .keys()
            // A name of no letters (`🎯`) is written as "", and lets every text be looked up.
            .map(|k| crate::words::with_first_letters(k, str::to_owned).unwrap_or_default())
            .collect();
        (
            SectionNames {
                extra,
                longest,
                firsts,
            },
            unknown,
        )
    }

    /// Returns the section a label names: a built-in name or synonym (in other words and
    /// languages too, see `section_words`), or one from config.
    pub fn get(&self, label: &str) -> Option<Section> {
        // Every line of a document is asked: no key is made for names nobody configured,
        // nor for a line too long to be a name.
        if !self.may_name(label) {
            return None;
        }
        self.look_up(label)
    }

    /// [`SectionNames::get`] for a label that [`SectionNames::may_name`] has let through.
    pub(crate) fn look_up(&self, label: &str) -> Option<Section> {
        if label.len() > LONGEST_LABEL.max(self.longest + 16) {
            return None;
        }
        let short = label.len() <= LONGEST_LABEL;
        short
            .then(|| Section::from_heading(label))
            .flatten()
            .or_else(|| {
                (!self.extra.is_empty())
                    .then(|| self.extra.get(&label_key(label)).copied())
                    .flatten()
            })
            .or_else(|| short.then(|| section_words::builtin(label)).flatten())
    }

    /// Returns false when no section's name, built-in or configured, opens with a text's
    /// first word, nor any text that starts with it (`Result: shipped …`). True says only
    /// that [`SectionNames::get`] must look.
    pub fn may_name(&self, text: &str) -> bool {
        crate::words::with_first_letters(text, |w| self.opens_name(w))
            .unwrap_or_else(|| self.opens_name(""))
    }

    /// Returns true when some section's name may open with a word (lowercase letters): see
    /// [`SectionNames::may_name`].
    pub(crate) fn opens_name(&self, word: &str) -> bool {
        // Most configurations name nothing extra: no hash is made for an empty set.
        section_words::opens(word)
            || !self.firsts.is_empty() && (self.firsts.contains(word) || self.firsts.contains(""))
    }
}

/// Returns what importers need besides the text.
#[derive(Clone, Copy, Debug)]
pub struct Options<'a> {
    /// Competency names to recognise.
    pub catalogue: &'a Catalogue,
    /// Section names, with the user's own.
    pub sections: &'a SectionNames,
    /// The stand-in date for entries whose source gives none (`--date`); with it or
    /// without, they are `undated`.
    pub date: Option<Date>,
    /// Today, for relative dates.
    pub today: Date,
}

/// Returns the format a document most likely has.
pub fn detect(text: &str) -> Format {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    // A JSON array holds objects; a log may open with a dated line, `[2024-05-02] …`.
    let json_array = trimmed
        .strip_prefix('[')
        .is_some_and(|r| r.trim_start().starts_with(['{', ']']));
    if trimmed.starts_with('{') || json_array {
        return Format::Jrnl;
    }
    if csv::looks_like(text) {
        return Format::Csv;
    }
    if let Some(f) = markup::detect(text) {
        return f;
    }
    if talk_notes::looks_like(text) {
        return Format::TalkNotes;
    }
    if log::looks_like(text) {
        return Format::Log;
    }
    let (mut markers, mut headings, mut bullets) = (0usize, 0usize, 0usize);
    for line in text.lines().take(5000) {
        let t = line.trim();
        // `#### Situation` is how Markdown writes a section: a heading, not a marker.
        let heading = t.starts_with('#') && t.trim_start_matches('#').starts_with(' ');
        if star_text::is_star_marker(t) && !heading {
            markers += 1;
        } else if heading {
            headings += 1;
        } else if t.starts_with("- ") || t.starts_with("* ") {
            bullets += 1;
        }
    }
    if markers >= 2 && markers * 2 >= headings {
        Format::StarText
    } else if headings > 0 {
        Format::Markdown
    } else if markers > 0 {
        Format::StarText
    } else {
        let _ = bullets;
        Format::Markdown
    }
}

/// Returns the format of a document from its file name's extension when that names a
/// markup (`.org`, `.rst`), else from its content as [`detect`] does.
pub fn detect_file(name: &str, text: &str) -> Format {
    markup::by_extension(name).unwrap_or_else(|| detect(text))
}

/// Returns the entries and warnings a document gives in a format.
pub fn import(text: &str, format: Format, opts: &Options<'_>) -> Result<Import, ImportError> {
    check_text(text)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The entries of brag's own brag document state their metrics (see `finish`).
    let mut described = Vec::new();
    let (mut entries, mut warnings) = match format {
        Format::StarText => star_text::import(text, opts),
        Format::Markdown => {
            let (entries, warnings, doc) = markdown::import(text, opts);
            described = doc;
            (entries, warnings)
        }
        Format::TalkNotes => talk_notes::import(text, opts),
        Format::Jrnl => jrnl::import(text, opts)?,
        Format::Csv => csv::import(text, opts)?,
        Format::Log => log::import(text, opts),
        Format::Org | Format::Rst => match markup::markup(format) {
            Some(m) => markup::import(m, text, opts),
            None => {
                let (entries, warnings, _) = markdown::import(text, opts);
                (entries, warnings)
            }
        },
    };
    let source: Vec<&str> = text.split('\n').collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    // Entries that share their source lines (a jrnl export whose entries cannot be told
    // apart by line) hash those lines once, not once each.
    let mut span_keys: HashMap<(usize, usize), String> = HashMap::new();
    for (n, imported) in entries.iter_mut().enumerate() {
        let stated = described.get(n).copied().unwrap_or(false);
        finish(&mut imported.entry, opts, stated);
        let span = imported.source_lines;
        let key = span_keys.entry(span).or_insert_with(|| {
            let (first, last) = span;
            let lines = source
                .get(first.saturating_sub(1)..last.min(source.len()))
                .unwrap_or_default();
            key_of_texts(format, lines.iter().copied())
        });
        // Identical stories in one document (two empty skeletons) keep distinct keys.
        let mut key = key.clone();
        let n = seen.entry(key.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            key = format!("{key}-{n}");
        }
        imported
            .entry
            .extra
            .insert(IMPORT_KEY.to_owned(), serde_json::Value::String(key));
    }
    warnings.sort_by_key(|w| w.line);
    if entries.is_empty() {
        warnings.push(Warning {
            line: 1,
            message: format!("no entries found: is this really {format}? Try --format"),
        });
    }
    Ok(Import {
        format,
        entries,
        warnings,
    })
}

/// Refuses text that cannot be a document: binary, empty, too large.
fn check_text(text: &str) -> Result<(), ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::new(
            None,
            format!(
                "the document is {} MB; brag imports documents up to {} MB (split it into parts)",
                text.len() >> 20,
                MAX_BYTES >> 20
            ),
        ));
    }
    if let Some(pos) = text.find('\0') {
        let line = text[..pos].matches('\n').count() + 1;
        return Err(ImportError::new(
            Some(line),
            "this looks like a binary file, not a text document",
        ));
    }
    if text.trim().is_empty() {
        return Err(ImportError::new(
            None,
            "the document is empty: nothing to import",
        ));
    }
    Ok(())
}

/// Completes an imported entry the same way for every format: inline `#tag`, `@person`
/// and URLs recognised, a title of at most 80 characters, no empty or repeated labels,
/// and metrics from its prose when its source gives none and does not say it has none
/// (`stated`: brag's own brag document, whose entries list their metrics in full).
fn finish(entry: &mut Entry, opts: &Options<'_>, stated: bool) {
    prose::recognise_fields(entry);
    // A stand-in date (`--date`) files the entry, but it stays `undated`: coach still asks
    // for the real one.
    if entry.date.is_none() {
        entry.date = opts.date;
        entry.undated = true;
    }
    if entry.title.trim().is_empty() {
        entry.title = fallback_title(entry);
    }
    // A title reads as a sentence: its tags and people are in the front matter. Only a
    // title whose words the entry also holds elsewhere is cleaned, so nothing is lost.
    // It is cleaned before it is cut, as `brag add` cuts its plain text: a cut title
    // (ending in `…`) is in no field, and kept its `#tag`s and URLs.
    if (entry.title.contains(['#', '@']) || entry.title.contains("://"))
        && entry.search_body().contains(entry.title.trim())
    {
        let plain = text::recognise(&entry.title).plain;
        if !plain.is_empty() {
            entry.title = plain;
        }
    }
    entry.title = text::truncate_words(entry.title.trim(), 80);
    if entry.title.is_empty() {
        entry.title = "Untitled".to_owned();
    }
    let mut seen = Vec::new();
    entry.competencies.retain(|c| {
        let keep = !c.is_empty() && !seen.contains(c);
        seen.push(c.clone());
        keep
    });
    // A goal's numbers are targets, not results.
    if entry.metrics.is_empty() && !stated && entry.kind != Kind::Goal {
        entry.metrics = prose_metrics(entry);
    }
}

/// Returns the metrics an entry's prose states (issue 14): the metric phrases of its
/// Result and text, or of its text alone when it has no STAR sections, or else of its title
/// (a win written as one line: `Cut p99 from 420 ms to 95 ms`), as written but for
/// Markdown bold (`cut p99 by **40%**`) and line breaks.
fn prose_metrics(entry: &Entry) -> Vec<String> {
    let prose = if entry.star_is_empty() {
        [entry.text.as_str(), ""]
    } else {
        [entry.result.as_str(), entry.text.as_str()]
    };
    let mut phrases: Vec<&str> = prose
        .into_iter()
        .flat_map(measure::metric_phrases)
        .collect();
    if phrases.is_empty() {
        phrases = measure::metric_phrases(&entry.title);
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for p in phrases {
        let mut p = if p.contains("**") {
            p.replace("**", "").trim().to_owned()
        } else {
            p.to_owned()
        };
        // A phrase of hard-wrapped prose is one line: a metric is one bullet.
        if p.contains(['\n', '\r', '\t']) {
            p = p.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        if !p.is_empty() && seen.insert(p.clone()) {
            out.push(p);
        }
    }
    out
}

fn fallback_title(entry: &Entry) -> String {
    let candidates = [
        &entry.situation,
        &entry.text,
        &entry.task,
        &entry.action,
        &entry.result,
    ];
    for c in candidates {
        if !c.trim().is_empty() {
            return text::title_from(c, usize::MAX);
        }
    }
    if let Some(n) = entry
        .competency_notes
        .values()
        .find(|n| !n.trim().is_empty())
    {
        return text::title_from(n, usize::MAX);
    }
    if let Some(m) = entry.metrics.iter().find(|m| !m.trim().is_empty()) {
        return text::title_from(m, usize::MAX);
    }
    for c in [&entry.lessons, &entry.notes] {
        if !c.trim().is_empty() {
            return text::title_from(c, usize::MAX);
        }
    }
    "Untitled story".to_owned()
}

/// Returns the 1-based line of byte offsets in a text: the line starts are found once,
/// then each look-up is a binary search. Counting the newlines before every entry from the
/// start of the text made a 4,000-entry jrnl import take 9 s (issue 11).
pub(crate) struct LineIndex {
    /// The byte offset at which each line starts; the first is 0.
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// Returns the line of a byte offset: one more than the newlines before it.
    pub(crate) fn line_of(&self, pos: usize) -> usize {
        self.starts.partition_point(|&start| start <= pos)
    }
}

/// Returns a stable key for an imported entry: the format and a hash of the source text
/// it came from, whitespace-insensitive. Importing the same text again gives the same
/// keys, so nothing is added twice.
pub fn import_key(format: Format, source: &str) -> String {
    key_of_texts(format, std::iter::once(source))
}

/// Returns the import key of a text given in pieces (its lines), in order: the hash of its
/// words, each followed by a space, so that only the words count.
fn key_of_texts<'a>(format: Format, texts: impl Iterator<Item = &'a str>) -> String {
    // FNV-1a, 64 bits: stable across Rust versions and platforms, unlike std's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    for text in texts {
        if text.is_ascii() {
            // Every byte of an import is hashed: ASCII whitespace is one byte.
            let mut in_word = false;
            for &b in text.as_bytes() {
                if b.is_ascii_whitespace() || b == 0x0b {
                    if in_word {
                        add(b' ');
                    }
                    in_word = false;
                } else {
                    add(b);
                    in_word = true;
                }
            }
            if in_word {
                add(b' ');
            }
        } else {
            for word in text.split_whitespace() {
                word.bytes().for_each(&mut add);
                add(b' ');
            }
        }
    }
    format!("{format}:{h:016x}")
}

/// Returns one line of a document, split into the parts importers look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// 1-based line number.
    pub no: usize,
    /// The line without its line ending.
    pub raw: &'a str,
    /// The line without surrounding whitespace.
    pub text: &'a str,
    /// Leading whitespace width (a tab counts 4).
    pub indent: usize,
    /// True when the line starts with a bullet marker (`-`, `*`, `+`, `•`, `1.`, `1)`).
    pub bullet: bool,
    /// The text after the bullet marker, trimmed; the text itself when there is none.
    pub body: &'a str,
}

impl<'a> Line<'a> {
    pub(crate) fn new(no: usize, raw: &'a str) -> Line<'a> {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let text = raw.trim();
        let indent = raw
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum();
        let (bullet, body) = match strip_marker(text) {
            Some(b) => (true, b.trim()),
            None => (false, text),
        };
        Line {
            no,
            raw,
            text,
            indent,
            bullet,
            body,
        }
    }

    /// Returns true for a line with nothing but whitespace (no-break spaces included).
    pub(crate) fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Returns the lines of a document.
pub(crate) fn lines(text: &str) -> Vec<Line<'_>> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| Line::new(i + 1, l))
        .collect()
}

/// Returns the text after a bullet marker, or `None` when the line has none.
pub(crate) fn strip_marker(t: &str) -> Option<&str> {
    for marker in ['-', '*', '+', '•', '–', '◦', '▪'] {
        if let Some(rest) = t.strip_prefix(marker) {
            if rest.is_empty() {
                return Some(rest);
            }
            if rest.starts_with([' ', '\t', '\u{a0}']) {
                // `**bold**` and `---` are not bullets.
                return Some(rest);
            }
        }
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(r);
        }
    }
    None
}

/// Returns lines of content as Markdown: bullets as `- item`, a lone marker joined to the
/// line after it, a line that continues a wrapped bullet joined to it.
#[derive(Default)]
pub(crate) struct TextBuilder {
    out: String,
    /// True when the last line written is a bullet that a continuation may join.
    open_bullet: bool,
    /// True when a lone marker waits for its text.
    lone_marker: bool,
}

impl TextBuilder {
    pub(crate) fn is_empty(&self) -> bool {
        self.out.is_empty() && !self.lone_marker
    }

    /// Adds a line of content.
    pub(crate) fn push(&mut self, line: &Line<'_>) {
        if line.bullet && line.body.is_empty() {
            self.lone_marker = true;
            return;
        }
        if self.lone_marker {
            self.lone_marker = false;
            self.newline();
            self.out.push_str("- ");
            self.out.push_str(line.body);
            self.open_bullet = true;
            return;
        }
        if line.bullet {
            self.newline();
            if line.indent >= 2 {
                self.out.push_str("  ");
            }
            // Markdown's own markers stay as written (`1.`, `+`); others become `- `.
            if line
                .text
                .starts_with(|c: char| c.is_ascii_digit() || c == '+')
            {
                self.out.push_str(line.text);
            } else {
                self.out.push_str("- ");
                self.out.push_str(line.body);
            }
            self.open_bullet = true;
            return;
        }
        if self.open_bullet && continues(&self.out, line) {
            self.out.push(' ');
            self.out.push_str(line.text);
            return;
        }
        self.newline();
        self.out.push_str(line.text);
        self.open_bullet = false;
    }

    /// Adds a free string (not a source line) as its own paragraph line.
    pub(crate) fn push_str(&mut self, s: &str) {
        self.newline();
        self.out.push_str(s.trim());
        self.open_bullet = false;
    }

    /// Ends a paragraph: the next line will not join the last bullet.
    pub(crate) fn blank(&mut self) {
        self.open_bullet = false;
    }

    fn newline(&mut self) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }
}

/// Returns true when a plain line reads as the rest of the bullet before it: the bullet
/// did not end its sentence and the line is indented or starts in lower case.
fn continues(before: &str, line: &Line<'_>) -> bool {
    let prev = before.lines().last().unwrap_or("").trim_end();
    let ended = prev.ends_with(['.', '!', '?', ':', ';']);
    let first = line.text.chars().next().unwrap_or(' ');
    !ended && (line.indent >= 2 || first.is_lowercase() || first == '(')
}

/// Returns the URLs of a line and what is left of it without them, when the line is
/// mostly links: `https://…`, `Design doc: https://…`, `Doc: https://a FAQ: https://b`.
pub(crate) fn link_line(body: &str) -> Option<(Vec<String>, String)> {
    if !body.contains("://") {
        return None;
    }
    let r = text::recognise(body);
    if r.urls.is_empty() {
        return None;
    }
    // Each URL where it occurs, not a `replace` over the line per URL: a line of many
    // links stays linear.
    let mut rest = String::with_capacity(body.len());
    let mut last = 0;
    for span in &r.url_spans {
        rest.push_str(&body[last..span.start]);
        rest.push(' ');
        last = span.end;
    }
    rest.push_str(&body[last..]);
    // Markdown link syntax around the URL is part of the link, not words.
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || "[]()<>:,;|".contains(c))
        .filter(|w| !w.is_empty() && *w != "-" && *w != "—")
        .collect();
    if words.len() > 4 * r.urls.len() + 2 {
        return None;
    }
    Some((r.urls, words.join(" ")))
}

#[cfg(test)]
mod tests;
