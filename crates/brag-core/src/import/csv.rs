//! Spreadsheets exported as CSV (or `;`- or tab-separated) with a header row. Columns are
//! matched by name, whatever their case, spaces or underscores: date, title,
//! text/description/body/details, tags, competencies, link/links/url, kind, project,
//! people, and the story sections (situation/task/action/result/metrics/lessons/notes and
//! their synonyms). Other columns are kept in the entry's `extra` under their header, so
//! no cell is lost.

use std::collections::HashSet;

use serde_json::Value;

use super::{ImportError, Imported, Options, Warning};
use crate::entry::{Entry, Kind};
use crate::file::Section;
use crate::link::Link;
use crate::prose::push_label;
use crate::words::kebab;

/// What a header row should look like, for error messages.
const EXPECTED: &str = "expected a header row naming the columns, such as \
    `date,title,text,tags,competencies,link,kind` (also description/body/details, project, \
    people, situation/task/action/result/metrics/lessons/notes), separated by `,`, `;` or tabs";

/// What a column holds.
#[derive(Clone, Debug, PartialEq)]
enum Col {
    Date,
    Title,
    Text,
    Tags,
    Competencies,
    Links,
    Kind,
    Project,
    People,
    Section(Section),
    /// Kept in `extra` under this key.
    Extra(String),
}

/// Returns the entries and warnings of a document in this format.
pub(crate) fn import(
    text: &str,
    opts: &Options<'_>,
) -> Result<(Vec<Imported>, Vec<Warning>), ImportError> {
    let Some((header_line, header)) = header_line(text) else {
        return Err(ImportError::new(None, format!("no header row: {EXPECTED}")));
    };
    let Some(delimiter) = sniff(header) else {
        return Err(ImportError::new(
            Some(header_line),
            format!(
                "the first row `{}` has a single column; {EXPECTED}",
                short(header)
            ),
        ));
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let csv_error = |e: csv::Error| {
        let line = e.position().map(|p| p.line() as usize);
        ImportError::new(line, format!("cannot read this CSV: {e}"))
    };
    let headers = reader.headers().map_err(csv_error)?.clone();
    let cols = columns(&headers, opts);
    if !cols.iter().any(|c| !matches!(c, Col::Extra(_))) {
        return Err(ImportError::new(
            Some(header_line),
            format!(
                "the first row `{}` names no column brag knows; {EXPECTED}",
                short(header)
            ),
        ));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        let (mut line, mut byte) = record
            .position()
            .map_or((1, 0), |p| (p.line() as usize, p.byte() as usize));
        // After a `\r\n` row, the reader's position is at the `\n` of that row's end.
        while let Some(b @ (b'\r' | b'\n')) = text.as_bytes().get(byte) {
            if *b == b'\n' {
                line += 1;
            }
            byte += 1;
        }
        rows.push((record, line, byte));
    }
    let mut entries = Vec::new();
    let mut warnings = Vec::new();
    for (n, (record, line, byte)) in rows.iter().enumerate() {
        if record.iter().all(str::is_empty) {
            continue;
        }
        let end_byte = rows.get(n + 1).map_or(text.len(), |r| r.2);
        let span = text.get(*byte..end_byte).unwrap_or("");
        let last = line + span.trim_end().matches('\n').count();
        let row = n + 1;
        if record.len() != headers.len() {
            warnings.push(Warning {
                line: *line,
                message: format!(
                    "row {row} has {} cells where the header has {}; imported what is there{}",
                    record.len(),
                    headers.len(),
                    if record.len() > headers.len() {
                        " (extra cells kept as column-N)"
                    } else {
                        " (missing cells empty)"
                    }
                ),
            });
        }
        let entry = row_entry(record, &cols, row, *line, opts, &mut warnings);
        entries.push(Imported {
            entry,
            source_lines: (*line, last.max(*line)),
        });
    }
    Ok((entries, warnings))
}

/// Returns true when a document looks like CSV with a header row.
pub(crate) fn looks_like(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}');
    let Some((_, header)) = header_line(text) else {
        return false;
    };
    if header.starts_with(['#', '{', '[', '-', '*', '•', '>', '|']) {
        return false;
    }
    let Some(d) = sniff(header) else {
        return false;
    };
    let cells = split_header(header, d);
    // Header cells are names: short, and mostly present.
    let short_names = cells
        .iter()
        .all(|c| c.chars().count() <= 40 && c.split_whitespace().count() <= 4);
    let empty = cells.iter().filter(|c| c.is_empty()).count();
    let known = cells.iter().filter(|c| known_name(c)).count();
    if !short_names || empty > 1 || known == 0 {
        return false;
    }
    // A second row, when there is one, uses the same separator.
    let mut rest = text.lines().skip_while(|l| l.trim().is_empty()).skip(1);
    match rest.find(|l| !l.trim().is_empty()) {
        Some(row) => row.as_bytes().contains(&d) || row.starts_with('"'),
        None => true,
    }
}

/// Returns the first non-blank line and its 1-based number.
fn header_line(text: &str) -> Option<(usize, &str)> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .find(|(_, l)| !l.trim().is_empty())
}

/// Returns the separator of a header line: the one of `,` `;` tab that splits it into the
/// most cells (outside quotes), if any splits it at all.
fn sniff(header: &str) -> Option<u8> {
    let mut best: Option<(usize, u8)> = None;
    for d in [b'\t', b';', b','] {
        let n = split_header(header, d).len();
        if n >= 2 && best.is_none_or(|(m, _)| n > m) {
            best = Some((n, d));
        }
    }
    best.map(|(_, d)| d)
}

/// Returns the cells of a header line, unquoted and trimmed.
fn split_header(header: &str, d: u8) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    for c in header.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted && c as u32 == u32::from(d) {
            cells.push(String::new());
        } else if let Some(last) = cells.last_mut() {
            last.push(c);
        }
    }
    cells.iter().map(|c| c.trim().to_owned()).collect()
}

fn short(s: &str) -> String {
    crate::text::truncate_words(s, 60)
}

/// Returns a header name squeezed for matching: lowercase, no spaces, `_`, `-` or `.`.
fn key(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.' | '\u{a0}'))
        .flat_map(char::to_lowercase)
        .collect()
}

fn fixed_column(name: &str) -> Option<Col> {
    Some(match key(name).as_str() {
        "date" | "day" | "when" | "dated" | "datetime" => Col::Date,
        "title" | "headline" | "subject" | "heading" => Col::Title,
        "text" | "description" | "desc" | "body" | "details" | "detail" | "content" | "summary"
        | "accomplishment" | "achievement" | "win" | "entry" => Col::Text,
        "tags" | "tag" | "labels" | "label" | "keywords" | "categories" | "category" | "topics" => {
            Col::Tags
        }
        "competencies"
        | "competency"
        | "skills"
        | "leadershipprinciples"
        | "leadershipprinciple"
        | "principles"
        | "lps" => Col::Competencies,
        "link" | "links" | "url" | "urls" | "evidence" | "href" => Col::Links,
        "kind" | "type" | "entrytype" => Col::Kind,
        "project" | "projectname" | "initiative" => Col::Project,
        "people" | "person" | "with" | "collaborators" | "who" | "teammates" => Col::People,
        _ => return None,
    })
}

fn known_name(name: &str) -> bool {
    fixed_column(name).is_some() || Section::from_heading(name).is_some()
}

/// Returns what each column holds; other columns keep their header as their `extra` key.
fn columns(headers: &csv::StringRecord, opts: &Options<'_>) -> Vec<Col> {
    let mut used = HashSet::new();
    headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            if let Some(c) = fixed_column(h) {
                return c;
            }
            match opts.sections.get(h) {
                Some(Section::Competencies) => Col::Competencies,
                Some(s) => Col::Section(s),
                None => Col::Extra(extra_key(h, i, &mut used)),
            }
        })
        .collect()
}

/// Returns a free `extra` key for a column: its header, unless that is empty, taken, or a
/// key brag itself writes in front matter. `used` holds the keys taken, ASCII-lowercased
/// (a set: a row may have thousands of cells past the header).
fn extra_key(header: &str, index: usize, used: &mut HashSet<String>) -> String {
    let mut k = header.trim().to_owned();
    if k.is_empty() {
        k = format!("column-{}", index + 1);
    }
    let lower = k.to_lowercase();
    if crate::file::KNOWN_KEYS.contains(&lower.as_str()) || lower == super::IMPORT_KEY {
        k = format!("csv-{k}");
    }
    let base = k.clone();
    let mut n = 2;
    while used.contains(&k.to_ascii_lowercase()) {
        k = format!("{base}-{n}");
        n += 1;
    }
    used.insert(k.to_ascii_lowercase());
    k
}

/// Splits a list cell: on `,` `;` `|` and line breaks, and on spaces too when `words`.
fn split_list(cell: &str, words: bool) -> Vec<&str> {
    cell.split(|c: char| matches!(c, ',' | ';' | '|' | '\n' | '\r') || (words && c.is_whitespace()))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

fn append(field: &mut String, cell: &str) {
    if !field.is_empty() {
        field.push_str("\n\n");
    }
    field.push_str(cell);
}

/// Returns the entry one row makes.
fn row_entry(
    record: &csv::StringRecord,
    cols: &[Col],
    row: usize,
    line: usize,
    opts: &Options<'_>,
    warnings: &mut Vec<Warning>,
) -> Entry {
    let mut e = Entry::default();
    let mut kind: Option<Kind> = None;
    let mut used: HashSet<String> = cols
        .iter()
        .filter_map(|c| match c {
            Col::Extra(k) => Some(k.to_ascii_lowercase()),
            _ => None,
        })
        .collect();
    for (i, cell) in record.iter().enumerate() {
        if cell.is_empty() {
            continue;
        }
        let col = cols
            .get(i)
            .cloned()
            .unwrap_or_else(|| Col::Extra(extra_key("", i, &mut used)));
        match col {
            Col::Date => {
                if e.date.is_some() {
                    e.extra
                        .insert(extra_key("date", i, &mut used), Value::from(cell));
                    continue;
                }
                match crate::date::parse_date(cell, opts.today) {
                    Ok(d) => e.date = Some(d),
                    Err(_) => warnings.push(Warning {
                        line,
                        message: format!(
                            "row {row}: date `{cell}` not understood; imported undated"
                        ),
                    }),
                }
            }
            Col::Title => {
                if e.title.is_empty() {
                    e.title = cell.to_owned();
                } else {
                    append(&mut e.text, cell);
                }
            }
            Col::Text => append(&mut e.text, cell),
            Col::Tags => {
                for t in split_list(cell, true) {
                    push_label(&mut e.tags, &t.to_lowercase());
                }
            }
            Col::Competencies => competencies(&mut e, cell, opts),
            Col::Links => {
                let found = crate::text::recognise(cell);
                for u in &found.urls {
                    if !e.links.iter().any(|l| &l.url == u) {
                        e.links.push(Link::new(u));
                    }
                }
                let rest = super::link_line(cell).map(|(_, rest)| rest);
                if found.urls.is_empty() || rest.is_none_or(|r| !r.is_empty()) {
                    // Words besides the URLs (`PR 412`, a label): kept as written.
                    e.extra
                        .insert(extra_key("link", i, &mut used), Value::from(cell));
                }
            }
            Col::Kind => match cell.parse::<Kind>() {
                Ok(k) => kind = Some(k),
                Err(_) => warnings.push(Warning {
                    line,
                    message: format!(
                        "row {row}: kind `{cell}` is not one of win, story, learning, feedback, goal; imported with the default kind"
                    ),
                }),
            },
            Col::Project => {
                if e.project.is_none() {
                    e.project = Some(cell.to_owned());
                } else {
                    e.extra
                        .insert(extra_key("project", i, &mut used), Value::from(cell));
                }
            }
            Col::People => {
                for p in split_list(cell, false) {
                    push_label(&mut e.people, p);
                }
            }
            Col::Section(s) => match s {
                Section::Situation => append(&mut e.situation, cell),
                Section::Task => append(&mut e.task, cell),
                Section::Action => append(&mut e.action, cell),
                Section::Result => append(&mut e.result, cell),
                Section::Lessons => append(&mut e.lessons, cell),
                Section::Notes => append(&mut e.notes, cell),
                Section::Metrics => {
                    let items = crate::file::bullets(cell);
                    let items = if items.len() == 1 && cell.contains(';') {
                        // `;` only: a comma may be part of a number (`1,200 users`).
                        cell.split(';')
                            .map(str::trim)
                            .filter(|m| !m.is_empty())
                            .map(str::to_owned)
                            .collect()
                    } else {
                        items
                    };
                    e.metrics.extend(items);
                }
                Section::Competencies => competencies(&mut e, cell, opts),
            },
            Col::Extra(k) => {
                e.extra.insert(k, Value::from(cell));
            }
        }
    }
    e.kind = kind.unwrap_or(if e.star_is_empty() {
        Kind::Win
    } else {
        Kind::Story
    });
    e
}

/// Adds the competencies a cell names; a name that matches none becomes a tag, never a
/// guess. `Name: why` keeps the why as the competency's note.
fn competencies(e: &mut Entry, cell: &str, opts: &Options<'_>) {
    let items: Vec<&str> = if cell.contains(':') {
        cell.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    } else {
        split_list(cell, false)
    };
    for item in items {
        let item = item.trim_start_matches(['-', '*', '•']).trim();
        let (name, why) = match item.split_once(':') {
            Some((n, w)) => (n.trim(), w.trim()),
            None => (item, ""),
        };
        match opts.catalogue.match_name(name) {
            Some(m) => {
                e.competencies.push(m.id.clone());
                if !why.is_empty() {
                    e.competency_notes.insert(m.id, why.to_owned());
                }
            }
            None => {
                push_label(&mut e.tags, &kebab(name));
                if !why.is_empty() {
                    append(&mut e.notes, item);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{dry_run_json, opts_with};
    use super::super::{Format, Import, ImportError, SectionNames, detect, import as run};
    use crate::entry::Kind;
    use crate::framework::Catalogue;
    use crate::words::kebab;

    fn csv(text: &str) -> Result<Import, ImportError> {
        let cat = Catalogue::builtin();
        let names = SectionNames::default();
        let opts = opts_with(&cat, &names);
        run(text, Format::Csv, &opts)
    }

    fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.to_lowercase()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }

    /// The "no line lost" rule for CSV, where a line holds many cells: every value of every
    /// non-empty cell (a list cell's items one by one) is in some entry or warning, as
    /// written, as a tag, or as the id of the competency it names.
    fn assert_no_cell_lost(text: &str, import: &Import) {
        let cat = Catalogue::builtin();
        let json = serde_json::to_value(import).expect("serializes");
        let mut all = Vec::new();
        strings(&json["entries"], &mut all);
        strings(&json["warnings"], &mut all);
        let everything = all.join(" ");
        let delimiter = super::sniff(super::header_line(text).expect("header").1).expect("sep");
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(text.as_bytes());
        for record in reader.records() {
            let record = record.expect("reads");
            for cell in record.iter().map(str::trim).filter(|c| !c.is_empty()) {
                if everything.contains(&cell.to_lowercase()) {
                    continue;
                }
                for item in cell.split([',', ';', '|', '\n']).map(str::trim) {
                    let bare = item.trim_start_matches(['#', '@']).to_lowercase();
                    let as_date = crate::date::parse_date(item, jiff::civil::date(2026, 11, 25))
                        .is_ok_and(|d| everything.contains(&d.to_string()));
                    let kept = bare.is_empty()
                        || as_date
                        || everything.contains(&bare)
                        || everything.contains(&kebab(item))
                        || cat
                            .match_name(item)
                            .is_some_and(|m| everything.contains(&m.id));
                    assert!(kept, "cell value `{item}` lost\n{}", dry_run_json(import));
                }
            }
        }
    }

    fn day(e: &crate::entry::Entry) -> String {
        e.date.map(|d| d.to_string()).unwrap_or_default()
    }

    #[test]
    fn comma_separated_with_quotes_and_newlines() {
        let text = include_str!("../../../../fixtures/import/wins.csv");
        assert_eq!(detect(text), Format::Csv);
        let out = csv(text).expect("imports");
        assert_no_cell_lost(text, &out);
        assert_eq!(out.entries.len(), 3, "{}", dry_run_json(&out));
        let a = &out.entries[0].entry;
        assert_eq!(a.title, "Cut p99 latency");
        assert_eq!(day(a), "2025-03-14");
        assert_eq!(a.kind, Kind::Win);
        assert_eq!(a.text, "Cut p99 from 420 ms to 95 ms, without new hardware");
        assert_eq!(a.tags, ["perf", "rivet"]);
        assert_eq!(a.competencies, ["dive-deep", "deliver-results"]);
        assert_eq!(
            a.links[0].url,
            "https://github.com/example-org/rivet/pull/412"
        );
        assert_eq!(a.project.as_deref(), Some("rivet"));
        assert_eq!(a.people, ["priya", "Sam Lee"]);
        assert_eq!(out.entries[0].source_lines, (2, 2));
        let b = &out.entries[1].entry;
        assert_eq!(b.kind, Kind::Learning);
        assert_eq!(b.text, "Notes, with commas\nand a second line");
        assert_eq!(out.entries[1].source_lines, (3, 4));
        // An unmatched competency is a tag, never a guess.
        assert_eq!(b.tags, ["being-awesome"]);
        assert!(b.competencies.is_empty());
        assert_eq!(day(&out.entries[2].entry), "2025-01-01");
        // The empty row in between is skipped; line numbers still count it.
        assert_eq!(out.entries[2].source_lines, (6, 6));
    }

    #[test]
    fn semicolon_and_tab_separated() {
        let semi =
            "Datum;Title;Details;Tags\n2025-02-03;Shipped search;Full-text, ranked;search ux\n";
        let out = csv(semi).expect("imports");
        assert_no_cell_lost(semi, &out);
        assert_eq!(out.entries.len(), 1);
        let e = &out.entries[0].entry;
        assert_eq!(e.title, "Shipped search");
        assert_eq!(e.text, "Full-text, ranked");
        assert_eq!(e.tags, ["search", "ux"]);
        // `Datum` is not a column brag knows: kept under its name.
        assert_eq!(e.extra["Datum"], "2025-02-03");
        assert!(e.undated);

        let tabs = "date\ttitle\tdescription\n2025-05-06\tOn-call, quiet week\tNo pages\r\n2025-05-13\tRunbook\tWrote it\r\n";
        assert!(super::looks_like(tabs));
        let out = csv(tabs).expect("imports");
        assert_no_cell_lost(tabs, &out);
        assert_eq!(out.entries.len(), 2);
        assert_eq!(out.entries[0].entry.title, "On-call, quiet week");
        assert_eq!(day(&out.entries[1].entry), "2025-05-13");
        assert_eq!(out.entries[1].source_lines, (3, 3));
    }

    #[test]
    fn star_columns_make_stories() {
        let text = include_str!("../../../../fixtures/import/stories.csv");
        let out = csv(text).expect("imports");
        assert_no_cell_lost(text, &out);
        assert_eq!(out.entries.len(), 2, "{}", dry_run_json(&out));
        let s = &out.entries[0].entry;
        assert_eq!(s.kind, Kind::Story);
        assert!(s.situation.starts_with("Our HTTP client retried"));
        assert_eq!(s.task, "Design a retry policy");
        assert!(s.action.contains("token bucket"));
        assert!(s.result.contains("1.3x"));
        assert_eq!(s.metrics, ["retry load 14x → 1.3x", "p99 420 ms → 95 ms"]);
        assert_eq!(s.lessons, "Measure first");
        assert_eq!(s.competencies, ["invent-and-simplify"]);
        assert_eq!(s.extra["Team"], "payments");
        assert_eq!(s.extra["Confidence"], "high");
        // A title left empty is derived from the Situation.
        let t = &out.entries[1].entry;
        assert_eq!(t.kind, Kind::Story);
        assert_eq!(t.title, "The deploy pipeline took 40 minutes");
    }

    #[test]
    fn bad_dates_kinds_and_ragged_rows_warn() {
        let text = "date,title,kind,notes\nsometime last spring,A,win\n2025-01-02,B,triumph,n\n2025-01-03,C,goal,n,extra cell\n,,,\n";
        let out = csv(text).expect("imports");
        assert_no_cell_lost(text, &out);
        assert_eq!(out.entries.len(), 3, "{}", dry_run_json(&out));
        let msgs: Vec<String> = out
            .warnings
            .iter()
            .map(|w| format!("{}: {}", w.line, w.message))
            .collect();
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("2: row 1 has 3 cells where the header has 4")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("2: row 1: date `sometime last spring` not understood")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("3: row 2: kind `triumph`")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.starts_with("4: row 3 has 5 cells")),
            "{msgs:?}"
        );
        assert!(out.entries[0].entry.undated);
        assert_eq!(out.entries[1].entry.kind, Kind::Win);
        assert_eq!(out.entries[2].entry.kind, Kind::Goal);
        assert_eq!(out.entries[2].entry.extra["column-5"], "extra cell");
    }

    #[test]
    fn no_known_header_is_an_error() {
        let err = csv("foo,bar\n1,2\n").expect_err("refused");
        assert_eq!(err.line, Some(1));
        assert!(err.message.contains("names no column brag knows"), "{err}");
        assert!(err.message.contains("date,title,text"), "{err}");
        let err = csv("just one column\nvalue\n").expect_err("refused");
        assert!(err.message.contains("single column"), "{err}");
    }

    #[test]
    fn looks_like_only_real_headers() {
        assert!(super::looks_like("Date,Title,Text\n2025-01-01,a,b\n"));
        assert!(super::looks_like("\u{feff}title;tags\nx;y\n"));
        assert!(!super::looks_like(
            "Title, date and text were all lost in the move\nsad\n"
        ));
        assert!(!super::looks_like("# Projects, goals\n- shipped\n"));
        assert!(!super::looks_like("S\nwe had a problem, a big one\n"));
        let md = include_str!("../../../../fixtures/import/brag-doc.md");
        assert!(!super::looks_like(md));
        let talk = include_str!("../../../../fixtures/import/talk-notes.txt");
        assert!(!super::looks_like(talk));
    }
}
