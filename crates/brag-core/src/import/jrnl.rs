//! The JSON that `jrnl --export json` writes:
//!
//! ```json
//! {"tags": {"@ops": 1}, "entries": [{"title": "…", "body": "…", "date": "2025-04-02",
//!   "time": "09:00", "tags": ["@ops"], "starred": true}]}
//! ```
//!
//! Each jrnl entry is one `win`: title to title, body to text, date kept (the time too, in
//! `extra.time`), tags without their `@`/`#`, `starred` kept in `extra` when true. Fields
//! jrnl writes for other backends (DayOne's `uuid`, `creator`, ...) are kept in `extra`.

use serde_json::{Map, Value};

use super::{ImportError, Imported, LineIndex, Options, Warning};
use crate::entry::Entry;
use crate::prose::push_label;

/// What a jrnl export looks like, for error messages.
const EXPECTED: &str = "expected the JSON that `jrnl --export json` writes: an object with an \
    `entries` array of {title, body, date, time, tags, starred}";

/// Returns the entries and warnings of a document in this format.
pub(crate) fn import(
    text: &str,
    opts: &Options<'_>,
) -> Result<(Vec<Imported>, Vec<Warning>), ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg);
        ImportError::new(
            Some(e.line().max(1)),
            format!("not valid JSON (column {}): {msg}; {EXPECTED}", e.column()),
        )
    })?;
    let Some(obj) = value.as_object() else {
        return Err(ImportError::new(
            Some(1),
            format!(
                "this JSON is {}, not a jrnl export; {EXPECTED}",
                describe(&value)
            ),
        ));
    };
    let Some(list) = obj.get("entries").and_then(Value::as_array) else {
        let what = match obj.get("entries") {
            Some(v) => format!("its `entries` is {}", describe(v)),
            None => "it has no `entries` key".to_owned(),
        };
        return Err(ImportError::new(
            Some(1),
            format!("this JSON is not a jrnl export: {what}; {EXPECTED}"),
        ));
    };
    let spans = entry_spans(text);
    let index = LineIndex::new(text);
    let line_of = |pos: usize| index.line_of(pos);
    let mut entries = Vec::new();
    let mut warnings = Vec::new();
    for (n, item) in list.iter().enumerate() {
        let (first, last) = spans
            .get(n)
            .filter(|_| spans.len() == list.len())
            .map_or((1, line_of(text.len())), |&(s, e)| (line_of(s), line_of(e)));
        let Some(fields) = item.as_object() else {
            warnings.push(Warning {
                line: first,
                message: format!(
                    "jrnl entry {} is {}, not an entry object; left out: {}",
                    n + 1,
                    describe(item),
                    item
                ),
            });
            continue;
        };
        let entry = entry(fields, n, first, opts, &mut warnings);
        entries.push(Imported {
            entry,
            source_lines: (first, last),
        });
    }
    Ok((entries, warnings))
}

/// Returns one brag entry for one jrnl entry.
fn entry(
    fields: &Map<String, Value>,
    n: usize,
    line: usize,
    opts: &Options<'_>,
    warnings: &mut Vec<Warning>,
) -> Entry {
    let mut entry = Entry::default();
    let string = |key: &str| fields.get(key).and_then(Value::as_str).unwrap_or("");
    // jrnl's tags: `@ops`, `#priya`, as listed, and as written in the text.
    let mut written: Vec<String> = Vec::new();
    for t in fields
        .get("tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        written.push(t.to_owned());
        push_label(&mut entry.tags, &t.to_lowercase());
    }
    let title = string("title").trim();
    let body = string("body").trim_end();
    // jrnl's title is the first sentence; a long one would be cut, so the text keeps it.
    let mut text = String::new();
    if title.chars().count() > 80 {
        text.push_str(title);
    }
    if !body.trim().is_empty() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(body.trim_start_matches(['\n', '\r']));
    }
    entry.text = hash_tags(&text, &written);
    entry.title = match title.strip_suffix('.') {
        Some(t) if !t.ends_with('.') => t.to_owned(),
        _ => title.to_owned(),
    };
    let date = string("date").trim();
    if !date.is_empty() {
        match crate::date::parse_date(date, opts.today) {
            Ok(d) => entry.date = Some(d),
            Err(_) => warnings.push(Warning {
                line,
                message: format!(
                    "jrnl entry {} (`{}`): date `{date}` not understood; imported undated",
                    n + 1,
                    crate::text::truncate_words(title, 40)
                ),
            }),
        }
    }
    for (key, value) in fields {
        match key.as_str() {
            "title" | "body" | "date" | "tags" => {}
            "time" => {
                if value.as_str().is_some_and(|t| !t.trim().is_empty()) {
                    entry.extra.insert("time".to_owned(), value.clone());
                }
            }
            "starred" => {
                if value.as_bool() == Some(true) {
                    entry.extra.insert("starred".to_owned(), Value::Bool(true));
                }
            }
            _ if value.is_null() => {}
            _ => {
                entry.extra.insert(key.clone(), value.clone());
            }
        }
    }
    entry
}

/// Returns text with jrnl's `@tag`s written `#tag`: in jrnl `@` marks a tag, in brag a
/// person, and the entry's own tag list says which words are tags.
fn hash_tags(text: &str, tags: &[String]) -> String {
    let words: Vec<String> = tags
        .iter()
        .filter_map(|t| t.strip_prefix('@'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return text.to_owned();
    }
    let in_word = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '/');
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        if c == '@' && prev.is_none_or(|p| p.is_whitespace() || "([".contains(p)) {
            let start = i + 1;
            let end = text[start..]
                .find(|c: char| !in_word(c))
                .map_or(text.len(), |e| start + e);
            let word = &text[start..end];
            if !word.is_empty() && words.contains(&word.to_lowercase()) {
                out.push('#');
                out.push_str(word);
                prev = word.chars().next_back();
                i = end;
                continue;
            }
        }
        out.push(c);
        prev = Some(c);
        i += c.len_utf8();
    }
    out
}

/// Returns a JSON value's type, for messages.
fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Returns the byte spans of the elements of the top-level object's `entries` array, for
/// `source_lines`. The text is known to be valid JSON. When `entries` is written twice,
/// the last one counts, as it does for the parser.
fn entry_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    // Inside the `entries` array: its depth, and where the current element began.
    let mut in_entries: Option<usize> = None;
    let mut start: Option<usize> = None;
    let mut last_string: Option<(usize, usize)> = None;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' => {
                let s = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                last_string = Some((s + 1, i));
                if in_entries == Some(depth) && start.is_none() {
                    start = Some(s);
                }
            }
            b'{' | b'[' => {
                if in_entries == Some(depth) && start.is_none() {
                    start = Some(i);
                }
                if b == b'[' && depth == 1 && in_entries.is_none() {
                    let key = last_string.and_then(|(s, e)| text.get(s..e));
                    let colon = text[..i].trim_end().ends_with(':');
                    if key == Some("entries") && colon {
                        in_entries = Some(depth + 1);
                        spans.clear();
                    }
                }
                depth += 1;
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if b == b']' && in_entries == Some(depth + 1) {
                    if let Some(s) = start.take() {
                        spans.push((s, i));
                    }
                    in_entries = None;
                } else if in_entries == Some(depth)
                    && let Some(s) = start.take()
                {
                    spans.push((s, i));
                }
            }
            b',' if in_entries == Some(depth) => {
                if let Some(s) = start.take() {
                    spans.push((s, i));
                }
            }
            b if !b.is_ascii_whitespace() && in_entries == Some(depth) && start.is_none() => {
                start = Some(i);
            }
            _ => {}
        }
        i += 1;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::super::tests::{dry_run_json, opts_with};
    use super::super::{Format, Import, ImportError, SectionNames, detect, import as run};
    use crate::entry::Kind;
    use crate::framework::Catalogue;

    fn jrnl(text: &str) -> Result<Import, ImportError> {
        let cat = Catalogue::builtin();
        let names = SectionNames::default();
        let opts = opts_with(&cat, &names);
        run(text, Format::Jrnl, &opts)
    }

    #[test]
    fn real_jrnl_export() {
        // Made by jrnl v4.6 itself: `jrnl "2025-04-02: Fixed the flaky deploy. … @ops *"`,
        // then `jrnl --export json`.
        let text = include_str!("../../../../fixtures/import/jrnl-export.json");
        assert_eq!(detect(text), Format::Jrnl);
        let out = jrnl(text).expect("imports");
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
        assert_eq!(out.entries.len(), 5, "{}", dry_run_json(&out));
        let e = &out.entries[0].entry;
        assert_eq!(e.kind, Kind::Win);
        assert_eq!(e.title, "Shipped the retry budget for rivet");
        assert_eq!(e.date.map(|d| d.to_string()).as_deref(), Some("2025-03-14"));
        assert!(!e.undated);
        assert_eq!(e.extra["time"], "10:30");
        // jrnl lists tags in no fixed order.
        let sorted = |v: &[String]| {
            let mut v = v.to_vec();
            v.sort();
            v
        };
        assert_eq!(sorted(&e.tags), ["priya", "reliability", "rivet"]);
        // jrnl's `@tag` is a tag, not a person.
        assert!(e.people.is_empty(), "{:?}", e.people);
        assert_eq!(
            e.text,
            "Retry storms fell from 14x to 1.3x in the drill. #reliability #rivet with #priya"
        );
        assert!(!e.extra.contains_key("starred"));
        assert_eq!(out.entries[0].source_lines, (12, 23));

        let starred = &out.entries[1].entry;
        assert_eq!(starred.extra["starred"], true);
        assert_eq!(starred.tags, ["ops"]);
        // A title too long for brag keeps its full text in the entry's text.
        assert!(starred.title.chars().count() <= 80);
        assert!(
            starred
                .text
                .starts_with("Fixed the flaky deploy. It was a race")
        );

        let talk = &out.entries[3].entry;
        assert_eq!(sorted(&talk.tags), ["ledger", "talks"]);
        assert_eq!(talk.links[0].url, "https://docs.example.com/ledger-talk");
        let last = &out.entries[4].entry;
        assert_eq!(last.title, "Wrote the on-call runbook");
        assert!(last.text.is_empty());
        assert_eq!(out.entries[4].source_lines.1, text.lines().count() - 2);
    }

    #[test]
    fn jrnl_tags_become_hash_tags_in_text() {
        let tags = ["@ops".to_owned(), "@İnfra".to_owned(), "#x".to_owned()];
        assert_eq!(
            super::hash_tags("fixed it @ops, mail bob@ops.io (@İNFRA) @opsy #x", &tags),
            "fixed it #ops, mail bob@ops.io (#İNFRA) @opsy #x"
        );
    }

    #[test]
    fn invalid_json_names_the_line() {
        let err =
            jrnl("{\n  \"entries\": [\n    {\"title\": \"x\",}\n  ]\n}").expect_err("refused");
        assert_eq!(err.line, Some(3), "{err}");
        assert!(err.message.contains("not valid JSON"), "{err}");
        assert!(err.message.contains("jrnl --export json"), "{err}");
    }

    #[test]
    fn wrong_shape_is_a_clear_error() {
        let err = jrnl("{\"journal\": []}").expect_err("refused");
        assert!(err.message.contains("no `entries` key"), "{err}");
        assert!(err.message.contains("jrnl --export json"), "{err}");
        let err = jrnl("[1, 2]").expect_err("refused");
        assert!(err.message.contains("an array, not a jrnl export"), "{err}");
        let err = jrnl("{\"entries\": {}}").expect_err("refused");
        assert!(err.message.contains("`entries` is an object"), "{err}");
    }

    #[test]
    fn odd_entries_warn_and_keep_the_rest() {
        let text = r##"{"entries": [
  "just a string",
  {"title": "Kept", "body": "", "date": "sometime", "tags": ["#Perf", "@Team"], "starred": false, "uuid": "ab12"}
]}"##;
        let out = jrnl(text).expect("imports");
        assert_eq!(out.entries.len(), 1);
        let e = &out.entries[0].entry;
        assert!(e.undated);
        assert_eq!(e.tags, ["perf", "team"]);
        assert_eq!(e.extra["uuid"], "ab12");
        assert_eq!(out.entries[0].source_lines, (3, 3));
        let messages: Vec<&str> = out.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(out.warnings[0].line, 2);
        assert!(messages[0].contains("just a string"), "{messages:?}");
        assert!(
            messages[1].contains("date `sometime` not understood"),
            "{messages:?}"
        );
    }
}
