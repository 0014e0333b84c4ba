//! The entry file format: YAML front matter and `##` sections, read into an [`Entry`] and
//! written back.
//!
//! Reading keeps everything: front-matter keys brag does not know go to [`Entry::extra`],
//! headings it does not know stay inside the section text. Writing a new file renders the
//! entry; changing an existing one ([`update`]) patches only the keys brag owns into the
//! original front matter, so unknown keys, comments and key order stay where they were, and
//! an unchanged entry gives back the very same bytes.

use std::fmt::Write as _;

use indexmap::IndexMap;
use jiff::civil::Date;
use serde_json::Value;

use crate::entry::{Entry, EntryId, Kind};
use crate::link::Link;
use crate::text;

/// Front-matter keys that brag reads into entry fields; every other key goes to `extra`.
pub const KNOWN_KEYS: [&str; 9] = [
    "title",
    "date",
    "kind",
    "undated",
    "competencies",
    "tags",
    "project",
    "people",
    "links",
];

/// Returned when a file cannot be read as an entry; `line` is 1-based within the file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{line}: {message}")]
pub struct FileError {
    /// The line at fault, 1-based.
    pub line: usize,
    /// What is wrong, in one line.
    pub message: String,
}

impl FileError {
    fn new(line: usize, message: impl Into<String>) -> FileError {
        FileError {
            line,
            message: message.into(),
        }
    }
}

/// Returns the sections of a story body, in the order brag writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Situation (also Context, Background, Problem).
    Situation,
    /// Task (also Objective, Goal, Challenge, Mission).
    Task,
    /// Action (also Approach, What I did, Actions taken, Key actions, Solution).
    Action,
    /// Result (also Outcome, Impact, Results).
    Result,
    /// Metrics, one per bullet.
    Metrics,
    /// Lessons (also Lessons learned, Learnings, Takeaways).
    Lessons,
    /// Notes (also Extra info).
    Notes,
    /// Competencies, one `- Name: why` bullet each.
    Competencies,
}

/// The names [`Section::from_heading`] knows, lowercase: brag's own headings and the
/// usual synonyms.
pub const HEADING_NAMES: &[(&str, Section)] = &[
    ("situation", Section::Situation),
    ("context", Section::Situation),
    ("background", Section::Situation),
    ("problem", Section::Situation),
    ("task", Section::Task),
    ("objective", Section::Task),
    ("goal", Section::Task),
    ("challenge", Section::Task),
    ("mission", Section::Task),
    ("action", Section::Action),
    ("actions", Section::Action),
    ("approach", Section::Action),
    ("what i did", Section::Action),
    ("actions taken", Section::Action),
    ("key actions", Section::Action),
    ("solution", Section::Action),
    ("result", Section::Result),
    ("results", Section::Result),
    ("outcome", Section::Result),
    ("outcomes", Section::Result),
    ("impact", Section::Result),
    ("metrics", Section::Metrics),
    ("metric", Section::Metrics),
    ("numbers", Section::Metrics),
    ("lessons", Section::Lessons),
    ("lessons learned", Section::Lessons),
    ("lessons learnt", Section::Lessons),
    ("learnings", Section::Lessons),
    ("takeaways", Section::Lessons),
    ("notes", Section::Notes),
    ("note", Section::Notes),
    ("extra info", Section::Notes),
    ("competencies", Section::Competencies),
    ("competency", Section::Competencies),
    ("leadership principles", Section::Competencies),
];

impl Section {
    /// Every section, in the order brag writes them.
    pub const ALL: [Section; 8] = [
        Section::Situation,
        Section::Task,
        Section::Action,
        Section::Result,
        Section::Metrics,
        Section::Lessons,
        Section::Notes,
        Section::Competencies,
    ];

    /// Returns the heading brag writes for the section.
    pub fn heading(self) -> &'static str {
        match self {
            Section::Situation => "Situation",
            Section::Task => "Task",
            Section::Action => "Action",
            Section::Result => "Result",
            Section::Metrics => "Metrics",
            Section::Lessons => "Lessons",
            Section::Notes => "Notes",
            Section::Competencies => "Competencies",
        }
    }

    /// Returns the section a heading names, tolerating case, punctuation and the usual
    /// synonyms (`Context`, `Outcome`, `What I did`, ...).
    pub fn from_heading(heading: &str) -> Option<Section> {
        let norm: String = heading
            .trim()
            .trim_matches(|c: char| c == '*' || c == '_' || c == ':' || c.is_whitespace())
            .to_lowercase();
        let norm = norm.trim_end_matches(':').trim();
        HEADING_NAMES
            .iter()
            .find(|(name, _)| *name == norm)
            .map(|(_, s)| *s)
    }

    fn is_star(self) -> bool {
        matches!(
            self,
            Section::Situation | Section::Task | Section::Action | Section::Result
        )
    }
}

/// Returns an entry file split into its parts, with the raw front matter kept for patching.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The entry as read.
    pub entry: Entry,
    /// The front-matter text between the `---` lines (empty when the file has none).
    pub front_matter: String,
}

/// Returns the entry that a file holds.
///
/// `id` is the file stem: it fills in the id, the date when the front matter has none
/// (`2025-03-14-slug` → 2025-03-14) and the title of last resort.
pub fn parse(text: &str, id: Option<&EntryId>) -> Result<Parsed, FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (front, body) = split_front_matter(text)?;
    let map = parse_yaml(front)?;
    let mut entry = Entry::default();
    if let Some(id) = id {
        entry.id = id.clone();
        entry.path = id.relative_path();
    }
    let mut title = None;
    let mut kind = None;
    for (key, value) in map {
        let line = || key_line(front, &key);
        match key.as_str() {
            "title" => {
                // `title:` left empty (as in `brag new`'s template) means "derive one".
                if !value.is_null() {
                    title = Some(scalar(&value).ok_or_else(|| bad_type(line(), &key))?);
                }
            }
            "date" => {
                if !value.is_null() {
                    let s = scalar(&value).ok_or_else(|| bad_type(line(), &key))?;
                    let d: Date = s.trim().parse().map_err(|_| {
                        FileError::new(line(), format!("bad date `{s}`: expected YYYY-MM-DD"))
                    })?;
                    entry.date = Some(d);
                }
            }
            "kind" => {
                let s = scalar(&value).ok_or_else(|| bad_type(line(), &key))?;
                kind = Some(
                    s.parse::<Kind>()
                        .map_err(|e| FileError::new(line(), e.to_string()))?,
                );
            }
            "undated" => {
                entry.undated = match &value {
                    Value::Bool(b) => *b,
                    Value::Null => false,
                    _ => return Err(FileError::new(line(), "`undated` must be true or false")),
                }
            }
            "competencies" => {
                entry.competencies = list(&value).ok_or_else(|| bad_type(line(), &key))?
            }
            "tags" => {
                entry.tags = list(&value).ok_or_else(|| bad_type(line(), &key))?;
                for t in &mut entry.tags {
                    if let Some(s) = t.strip_prefix('#') {
                        *t = s.to_owned();
                    }
                }
            }
            "project" => {
                entry.project = match &value {
                    Value::Null => None,
                    v => Some(scalar(v).ok_or_else(|| bad_type(line(), &key))?),
                }
            }
            "people" => {
                entry.people = list(&value).ok_or_else(|| bad_type(line(), &key))?;
                for p in &mut entry.people {
                    if let Some(s) = p.strip_prefix('@') {
                        *p = s.to_owned();
                    }
                }
            }
            "links" => entry.links = links(&value).ok_or_else(|| bad_type(line(), &key))?,
            _ => {
                entry.extra.insert(key, value);
            }
        }
    }
    let has_star = parse_body(body, &mut entry);
    entry.kind = kind.unwrap_or(if has_star { Kind::Story } else { Kind::Win });
    if entry.date.is_none() {
        entry.date = id.and_then(|id| id.as_str().get(..10)?.parse().ok());
    }
    entry.title = match title {
        Some(t) => t,
        None => derive_title(&mut entry, id),
    };
    Ok(Parsed {
        entry,
        front_matter: front.to_owned(),
    })
}

fn derive_title(entry: &mut Entry, id: Option<&EntryId>) -> String {
    // A `# Heading` on the first line of the text is the title.
    let first = entry.text.lines().next().unwrap_or("");
    if let Some(h) = first.strip_prefix("# ") {
        let h = h.trim().to_owned();
        entry.text = entry.text[first.len()..].trim().to_owned();
        return h;
    }
    for source in [
        &entry.text,
        &entry.situation,
        &entry.task,
        &entry.action,
        &entry.result,
    ] {
        if !source.trim().is_empty() {
            return text::title_from(source, 80);
        }
    }
    id.map(|id| {
        id.as_str()
            .get(11..)
            .unwrap_or(id.as_str())
            .replace('-', " ")
    })
    .unwrap_or_default()
}

fn bad_type(line: usize, key: &str) -> FileError {
    let what = match key {
        "competencies" | "tags" | "people" => "a list of names",
        "links" => "a list of URLs",
        _ => "text",
    };
    FileError::new(line, format!("`{key}` must be {what}"))
}

/// Returns the body of an entry file: everything after its front matter.
pub fn body(text: &str) -> &str {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    split_front_matter(text).map_or(text, |(_, body)| body)
}

/// Returns (front matter, body); the front matter is empty when the file has none.
fn split_front_matter(text: &str) -> Result<(&str, &str), FileError> {
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_end].trim_end() != "---" {
        return Ok(("", text));
    }
    let mut pos = first_end;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let l = text[pos..end].trim_end();
        if l == "---" || l == "..." {
            return Ok((&text[first_end..pos], &text[end..]));
        }
        pos = end;
    }
    Err(FileError::new(
        1,
        "front matter opens with `---` but has no closing `---` line",
    ))
}

fn parse_yaml(front: &str) -> Result<IndexMap<String, Value>, FileError> {
    if front.trim().is_empty() {
        return Ok(IndexMap::new());
    }
    let parsed: Result<Option<IndexMap<String, Value>>, _> = serde_saphyr::from_str(front);
    match parsed {
        Ok(map) => Ok(map.unwrap_or_default()),
        Err(e) => {
            // Lines in the front matter are numbered from the file's second line.
            let line = e.location().map_or(1, |l| l.line() as usize) + 1;
            let mut opts = serde_saphyr::RenderOptions::default();
            opts.snippets = serde_saphyr::SnippetMode::Off;
            let rendered = e.render_with_options(opts);
            Err(FileError::new(
                line,
                format!("bad YAML front matter: {}", yaml_message(&rendered)),
            ))
        }
    }
}

/// Returns a YAML error as one whole sentence: on one line, without the positions the
/// `path:line:` prefix already gives, and in words for the parser's safety limits.
fn yaml_message(rendered: &str) -> String {
    let one_line = rendered.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.starts_with("budget breached") {
        return "it is too big to read: its anchors and aliases expand past the limit brag reads (250,000 YAML nodes)".to_owned();
    }
    if one_line.starts_with("recursion limit exceeded") {
        return "it is nested too deeply to read".to_owned();
    }
    let msg = LOCATION.replace_all(&one_line, "");
    if let Some(rest) = msg.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(", set ").next().unwrap_or(rest).trim();
        return format!("the key `{key}` appears twice");
    }
    let msg = msg.trim().trim_end_matches(['(', ',', ':']).trim();
    if msg.is_empty() {
        "not valid YAML".to_owned()
    } else {
        msg.to_owned()
    }
}

/// Positions in a YAML error: ` at line 3, column 7`, ` (defined at line 5, column 7)`.
static LOCATION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\s*\(?(?:defined |used )?at line \d+,? column \d+\)?").expect("valid")
});

/// Returns the 1-based file line of a top-level front-matter key.
fn key_line(front: &str, key: &str) -> usize {
    front
        .lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map_or(1, |i| i + 2)
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn list(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::Null => Some(Vec::new()),
        Value::Array(items) => items.iter().map(scalar).collect(),
        // `tags: perf, infra` is a common hand-written shortcut.
        v => Some(
            scalar(v)?
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
        ),
    }
}

fn links(v: &Value) -> Option<Vec<Link>> {
    let items = match v {
        Value::Null => return Some(Vec::new()),
        Value::Array(items) => items.as_slice(),
        v => std::slice::from_ref(v),
    };
    items
        .iter()
        .map(|item| match item {
            Value::Object(m) => {
                let url = m.get("url").and_then(scalar)?;
                let mut link = Link::new(&url);
                if let Some(label) = m.get("label").and_then(scalar) {
                    link.label = label;
                }
                Some(link)
            }
            v => Some(Link::new(&scalar(v)?)),
        })
        .collect()
}

/// Reads the body's sections into `entry`; returns true when a STAR section was present.
fn parse_body(body: &str, entry: &mut Entry) -> bool {
    let mut current: Option<Section> = None;
    let mut buf = String::new();
    let mut has_star = false;
    let mut in_fence = false;
    for line in body.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
        }
        if !in_fence && let Some(section) = section_heading(line) {
            store(entry, current, &buf);
            buf.clear();
            current = Some(section);
            has_star |= section.is_star();
            continue;
        }
        buf.push_str(line);
        buf.push('\n');
    }
    store(entry, current, &buf);
    has_star
}

/// Returns the section that a `#`–`###` heading line names, if it names one.
fn section_heading(line: &str) -> Option<Section> {
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    if !(1..=3).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    Section::from_heading(rest.trim().trim_end_matches('#'))
}

fn store(entry: &mut Entry, section: Option<Section>, buf: &str) {
    let text = buf.trim_matches(|c: char| c == '\n' || c == '\r' || c.is_whitespace());
    let text = text.to_owned();
    match section {
        None => entry.text = text,
        Some(Section::Situation) => append(&mut entry.situation, text),
        Some(Section::Task) => append(&mut entry.task, text),
        Some(Section::Action) => append(&mut entry.action, text),
        Some(Section::Result) => append(&mut entry.result, text),
        Some(Section::Lessons) => append(&mut entry.lessons, text),
        Some(Section::Notes) => append(&mut entry.notes, text),
        Some(Section::Metrics) => entry.metrics.extend(bullets(&text)),
        Some(Section::Competencies) => {
            for item in bullets(&text) {
                let (name, why) = item.split_once(':').unwrap_or((&item, ""));
                let key = competency_key(name);
                if !key.is_empty() {
                    entry.competency_notes.insert(key, why.trim().to_owned());
                }
            }
        }
    }
}

fn append(field: &mut String, text: String) {
    if text.is_empty() {
        return;
    }
    if field.is_empty() {
        *field = text;
    } else {
        field.push_str("\n\n");
        field.push_str(&text);
    }
}

/// Returns a competency name as a key: lowercase words joined by `-`.
pub fn competency_key(name: &str) -> String {
    // "Earth's" is one word, not "earth" and "s".
    crate::words::kebab(&name.replace(['\'', '’'], ""))
}

/// Returns the items of a bullet list; a line without a marker continues the item before.
pub fn bullets(text: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        match strip_bullet(t) {
            Some(item) => items.push(item.trim().to_owned()),
            None => match items.last_mut() {
                Some(last) if line.starts_with([' ', '\t']) => {
                    last.push(' ');
                    last.push_str(t);
                }
                _ => items.push(t.to_owned()),
            },
        }
    }
    items.retain(|i| !i.is_empty());
    items
}

fn strip_bullet(t: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ ", "• "] {
        if let Some(rest) = t.strip_prefix(marker) {
            return Some(rest);
        }
    }
    if t == "-" || t == "*" || t == "•" {
        return Some("");
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(r);
        }
    }
    None
}

/// Returns the text of a new entry file.
pub fn render(entry: &Entry) -> String {
    render_named(entry, &|_| None)
}

/// Returns the text of a new entry file, with competencies in the Competencies section
/// written by their display names (`- Dive Deep: …`) where `name_of` knows them.
pub fn render_named(entry: &Entry, name_of: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::from("---\n");
    out.push_str(&render_front_matter(entry));
    out.push_str("---\n");
    out.push_str(&render_body_named(entry, name_of));
    out
}

/// Returns the text a new entry starts from in an editor: front matter with the kind, the
/// date and the title (an empty `title:` to fill in when there is none), empty tag and
/// competency lists, and for a story the empty STAR sections, Metrics and Competencies.
pub fn template(kind: Kind, title: Option<&str>, date: Date) -> String {
    let entry = Entry {
        kind,
        date: Some(date),
        title: title.unwrap_or_default().to_owned(),
        ..Entry::default()
    };
    let mut out = String::from("---\n");
    for line in render_front_matter(&entry).lines() {
        if title.is_none() && line.starts_with("title:") {
            out.push_str("title:\n");
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str("tags: []\ncompetencies: []\n---\n\n");
    if kind == Kind::Story {
        for s in [
            Section::Situation,
            Section::Task,
            Section::Action,
            Section::Result,
            Section::Metrics,
            Section::Competencies,
        ] {
            out.push_str(&format!("## {}\n\n", s.heading()));
        }
    }
    out
}

/// Returns the front matter brag writes for an entry, without the `---` lines.
pub fn render_front_matter(entry: &Entry) -> String {
    let mut out = String::new();
    for key in KNOWN_KEYS {
        if let Some(v) = render_key(entry, key) {
            out.push_str(&v);
        }
    }
    for (k, v) in &entry.extra {
        let _ = writeln!(out, "{}: {}", yaml_scalar(k), yaml_value(v));
    }
    out
}

/// Returns the `key: value` line(s) for one known key, or `None` when it is left out.
fn render_key(entry: &Entry, key: &str) -> Option<String> {
    let line = |v: String| Some(format!("{key}: {v}\n"));
    match key {
        "title" => line(yaml_block_scalar(&entry.title)),
        "date" => line(entry.date?.to_string()),
        "kind" => line(entry.kind.as_str().to_owned()),
        "undated" => entry.undated.then(|| "undated: true\n".to_owned()),
        "competencies" => flow_list(key, &entry.competencies),
        "tags" => flow_list(key, &entry.tags),
        "project" => line(yaml_block_scalar(entry.project.as_ref()?)),
        "people" => flow_list(key, &entry.people),
        "links" => {
            if entry.links.is_empty() {
                return None;
            }
            let mut s = String::from("links:\n");
            for l in &entry.links {
                if l.label == Link::new(&l.url).label {
                    let _ = writeln!(s, "  - {}", yaml_block_scalar(&l.url));
                } else {
                    let _ = writeln!(
                        s,
                        "  - {{url: {}, label: {}}}",
                        yaml_scalar(&l.url),
                        yaml_scalar(&l.label)
                    );
                }
            }
            Some(s)
        }
        _ => None,
    }
}

fn flow_list(key: &str, items: &[String]) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let items: Vec<String> = items.iter().map(|s| yaml_scalar(s)).collect();
    Some(format!("{key}: [{}]\n", items.join(", ")))
}

/// Returns the body brag writes for an entry: its text, then its non-empty sections.
pub fn render_body(entry: &Entry) -> String {
    render_body_named(entry, &|_| None)
}

/// Returns the body brag writes, with competency display names where `name_of` knows
/// them; a name is used only when it reads back as the same id.
pub fn render_body_named(entry: &Entry, name_of: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut block = |heading: Option<&str>, content: &str| {
        if content.is_empty() {
            return;
        }
        out.push('\n');
        if let Some(h) = heading {
            let _ = write!(out, "## {h}\n\n");
        }
        out.push_str(content);
        out.push('\n');
    };
    block(None, &entry.text);
    for section in Section::ALL {
        let content = match section {
            Section::Situation => entry.situation.clone(),
            Section::Task => entry.task.clone(),
            Section::Action => entry.action.clone(),
            Section::Result => entry.result.clone(),
            Section::Lessons => entry.lessons.clone(),
            Section::Notes => entry.notes.clone(),
            Section::Metrics => entry
                .metrics
                .iter()
                .map(|m| format!("- {m}"))
                .collect::<Vec<_>>()
                .join("\n"),
            Section::Competencies => entry
                .competency_notes
                .iter()
                .map(|(k, why)| {
                    let name = name_of(k)
                        .filter(|n| competency_key(n) == *k && !n.contains(':'))
                        .unwrap_or_else(|| k.clone());
                    if why.is_empty() {
                        format!("- {name}")
                    } else {
                        format!("- {name}: {why}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
        };
        block(Some(section.heading()), &content);
    }
    out
}

/// Returns the text of `original` with the entry's known keys and body replaced.
///
/// Unknown keys, comments and the order of keys stay as they were; a key brag now needs is
/// added after the last known key. An entry equal to what `original` holds gives back
/// `original` unchanged. The result is read back and compared before it is returned, so a
/// patch that would change anything else is refused.
pub fn update(original: &str, entry: &Entry) -> Result<String, FileError> {
    update_named(original, entry, &|_| None)
}

/// [`update`], writing a rewritten Competencies section with display names (`- Dive Deep:
/// …`) where `name_of` knows them, as [`render_named`] does.
pub fn update_named(
    original: &str,
    entry: &Entry,
    name_of: &dyn Fn(&str) -> Option<String>,
) -> Result<String, FileError> {
    let id = (!entry.id.as_str().is_empty()).then_some(&entry.id);
    let before = parse(original, id)?;
    if &before.entry == entry {
        return Ok(original.to_owned());
    }
    let mut lines: Vec<String> = before.front_matter.lines().map(str::to_owned).collect();
    for key in KNOWN_KEYS {
        if same_field(&before.entry, entry, key) {
            continue;
        }
        let rendered = render_key(entry, key);
        let span = key_span(&lines, key);
        match (span, rendered) {
            (Some((s, e)), Some(new)) => {
                let new_lines: Vec<String> = new.lines().map(str::to_owned).collect();
                lines.splice(s..e, new_lines);
            }
            (Some((s, e)), None) => {
                lines.drain(s..e);
            }
            (None, Some(new)) => {
                let at = KNOWN_KEYS
                    .iter()
                    .filter_map(|k| key_span(&lines, k).map(|(_, e)| e))
                    .max()
                    .unwrap_or(0);
                let new_lines: Vec<String> = new.lines().map(str::to_owned).collect();
                lines.splice(at..at, new_lines);
            }
            (None, None) => {}
        }
    }
    let mut out = String::from("---\n");
    for l in &lines {
        out.push_str(l);
        out.push('\n');
    }
    out.push_str("---\n");
    if same_body(&before.entry, entry) {
        // Keep the author's own layout of a body brag has no change for.
        out.push_str(body(original));
    } else {
        out.push_str(&render_body_named(entry, name_of));
    }
    let check = parse(&out, id)?;
    let mut want = entry.clone();
    want.extra = before.entry.extra.clone();
    if check.entry != want {
        return Err(FileError::new(
            1,
            "brag could not rewrite this front matter without changing other keys; edit it by hand",
        ));
    }
    Ok(out)
}

fn same_body(a: &Entry, b: &Entry) -> bool {
    a.text == b.text
        && a.situation == b.situation
        && a.task == b.task
        && a.action == b.action
        && a.result == b.result
        && a.metrics == b.metrics
        && a.lessons == b.lessons
        && a.notes == b.notes
        && a.competency_notes == b.competency_notes
}

/// Returns true when the field behind a known key is the same in both entries.
fn same_field(a: &Entry, b: &Entry, key: &str) -> bool {
    match key {
        "title" => a.title == b.title,
        "date" => a.date == b.date,
        "kind" => a.kind == b.kind,
        "undated" => a.undated == b.undated,
        "competencies" => a.competencies == b.competencies,
        "tags" => a.tags == b.tags,
        "project" => a.project == b.project,
        "people" => a.people == b.people,
        "links" => a.links == b.links,
        _ => false,
    }
}

/// Returns the line range of a top-level key and its indented continuation lines.
fn key_span(lines: &[String], key: &str) -> Option<(usize, usize)> {
    let start = lines.iter().position(|l| {
        l.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })?;
    let mut end = start + 1;
    while end < lines.len() {
        let l = &lines[end];
        let continues = l.starts_with([' ', '\t']) || (l.starts_with('-') && !l.starts_with("---"));
        if !continues {
            break;
        }
        end += 1;
    }
    Some((start, end))
}

/// Returns `s` as a YAML scalar: plain when that reads back as the same string, otherwise
/// double-quoted (JSON string syntax, which YAML reads the same way).
pub fn yaml_scalar(s: &str) -> String {
    if is_plain_safe(s) {
        s.to_owned()
    } else {
        Value::String(s.to_owned()).to_string()
    }
}

/// Returns `s` as a YAML scalar for block context (a `key: value` line or a `- item`),
/// where a plain scalar may also hold `:` and `#` that cannot end or start a token, as in
/// URLs and `Retry budget #2`.
pub fn yaml_block_scalar(s: &str) -> String {
    let masked: String = s
        .char_indices()
        .map(|(i, c)| {
            let next = s[i + c.len_utf8()..].chars().next();
            let prev = s[..i].chars().next_back();
            match c {
                ':' if next.is_some_and(|n| {
                    !n.is_whitespace() && !matches!(n, ',' | '[' | ']' | '{' | '}')
                }) =>
                {
                    'x'
                }
                '#' if prev.is_some_and(|p| !p.is_whitespace()) => 'x',
                ',' | '[' | ']' | '{' | '}' => 'x',
                c => c,
            }
        })
        .collect();
    if s.starts_with(char::is_alphabetic) && is_plain_safe(&masked) {
        s.to_owned()
    } else {
        yaml_scalar(s)
    }
}

fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if !first.is_alphabetic() || s.ends_with(' ') {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n" | "nan" | "inf"
    ) {
        return false;
    }
    s.chars().all(|c| {
        c.is_alphanumeric() && !c.is_control()
            || matches!(
                c,
                ' ' | '_'
                    | '.'
                    | '-'
                    | '/'
                    | '('
                    | ')'
                    | '+'
                    | '\''
                    | '&'
                    | '='
                    | '?'
                    | '!'
                    | '%'
                    | '$'
                    | '~'
                    | '^'
                    | '<'
                    | '>'
                    | ';'
                    | '@'
                    | '*'
            )
    }) && !s.contains("  ")
}

fn yaml_value(v: &Value) -> String {
    match v {
        Value::String(s) => yaml_block_scalar(s),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests;
