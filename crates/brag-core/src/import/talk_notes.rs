//! Conference talk notes: blocks that start `title – notes from EVENT`, an optional line
//! repeating the title in proper case, `Speaker: NAME`, then the notes. One `learning`
//! entry per talk: the talk's title, the speakers in `people`, the event as a tag, every
//! other line as its text.
//!
//! Without `notes from` headers, a line followed by a `Speaker:` line starts a talk.

use std::sync::LazyLock;

use regex::Regex;

use super::{Imported, Line, Options, TextBuilder, Warning, lines};
use crate::date::whole_text_date;
use crate::entry::{Entry, Kind};
use crate::prose::push_label;
use crate::words::{kebab, words};

/// `TITLE – notes from EVENT`, `TITLE - live blogging at EVENT`, `TITLE — recap from EVENT`.
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(.*?\S)\s*(?:–|—|\s-|:)\s*(?:(?:my\s+)?notes|live[- ]?blog(?:ging)?|recap|takeaways|write[- ]?up)\s+(?:from|at|of)\s+(\S.*?)\s*$",
    )
    .expect("valid")
});
/// `TITLE @ EVENT`: a space after the `@`, which a `@person` does not have.
static AT_EVENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\S.*?\S)\s+@\s+(\p{Lu}[^@]*?|\d[^@]*?)\s*$").expect("valid"));
/// `TITLE (EVENT recap)`, `TITLE [EVENT notes]`.
static RECAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\S.*?\S)\s*[(\[]\s*(\S.*?)\s+(?:recap|notes|live[- ]?blog)\s*[)\]]\s*$")
        .expect("valid")
});
static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:speakers?|speaker\(s\)|presenters?|presented\s+by|talk\s+by|by)\s*:\s*(.*)$",
    )
    .expect("valid")
});
static DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:date|when|day)\s*:\s*(.+)$").expect("valid"));

/// Returns the entries and warnings of a document in this format.
pub(crate) fn import(text: &str, opts: &Options<'_>) -> (Vec<Imported>, Vec<Warning>) {
    let lines = lines(text);
    let starts = talk_starts(&lines);
    let mut warnings = Vec::new();
    let first = starts.first().copied().unwrap_or(lines.len());
    for l in &lines[..first] {
        if !l.is_blank() {
            warnings.push(Warning {
                line: l.no,
                message: format!(
                    "`{}` comes before the first talk (a `TITLE – notes from EVENT` line); left out",
                    l.text
                ),
            });
        }
    }
    let mut entries = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        entries.push(talk(&lines[start..end], opts, &mut warnings));
    }
    (entries, warnings)
}

/// Returns true when a document looks like talk notes.
pub(crate) fn looks_like(text: &str) -> bool {
    let mut speakers = false;
    let mut bullets = false;
    for line in text.lines().take(5000) {
        let l = Line::new(0, line);
        if l.is_blank() {
            continue;
        }
        if HEADER.is_match(l.text) && !l.text.starts_with('#') {
            return true;
        }
        // `TITLE @ EVENT` is a talk's header only in notes with speakers.
        if header(&l).is_some() {
            speakers = true;
        }
        if !l.bullet && is_speaker_line(l.text) {
            speakers = true;
        }
        if l.bullet && !l.body.is_empty() {
            bullets = true;
        }
    }
    speakers && bullets
}

/// Returns the title and event of a talk's header line: `TITLE – notes from EVENT` and
/// its kin (`live blogging at`, `recap from`), `TITLE @ EVENT` and `TITLE (EVENT recap)`.
/// The last two are weaker signs, so they must look like a heading: not a bullet, a title
/// of two words or more, no sentence end, a line of at most 120 characters.
fn header<'a>(line: &Line<'a>) -> Option<(&'a str, &'a str)> {
    let t = line.text;
    if t.starts_with('#') {
        return None;
    }
    let pair =
        |c: regex::Captures<'a>| Some((c.get(1)?.as_str().trim(), c.get(2)?.as_str().trim()));
    if let Some(c) = HEADER.captures(t) {
        return pair(c);
    }
    let heading_like = !line.bullet
        && t.chars().count() <= 120
        && !t.ends_with(['.', '!', '?', ':', ','])
        && !t.contains("://");
    if !heading_like {
        return None;
    }
    let found = AT_EVENT
        .captures(t)
        .or_else(|| RECAP.captures(t))
        .and_then(pair)?;
    (found.0.split_whitespace().count() >= 2).then_some(found)
}

/// Returns true for `Speaker: NAME` and the like (a short line, not a sentence).
fn is_speaker_line(t: &str) -> bool {
    t.chars().count() <= 120 && SPEAKER.is_match(t)
}

/// Returns the index of the first line of each talk.
fn talk_starts(lines: &[Line<'_>]) -> Vec<usize> {
    let mut starts: Vec<usize> = Vec::new();
    // Index of the last line that had content in the current talk, past its header.
    let mut body_lines = 0usize;
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() {
            continue;
        }
        if header(l).is_some() {
            starts.push(i);
            body_lines = 0;
            continue;
        }
        if !l.bullet && is_speaker_line(l.text) {
            // A talk without a `notes from` header: the line before its speaker line.
            let prev = (0..i).rev().find(|&k| !lines[k].is_blank());
            let in_header = starts
                .last()
                .is_some_and(|&s| body_lines <= 1 && prev.is_some_and(|p| p >= s));
            if !in_header
                && let Some(p) = prev
                && !lines[p].bullet
                && starts.last().is_none_or(|&s| p > s)
            {
                starts.push(p);
                body_lines = 1;
                continue;
            }
        }
        body_lines += 1;
    }
    starts
}

/// Returns one talk: its header line (or title line), then its notes.
fn talk(block: &[Line<'_>], opts: &Options<'_>, warnings: &mut Vec<Warning>) -> Imported {
    let header = &block[0];
    let mut entry = Entry {
        kind: Kind::Learning,
        ..Entry::default()
    };
    let mut text = TextBuilder::default();
    let mut rest = &block[1..];
    match self::header(header) {
        Some((title, event)) => {
            entry.title = title.to_owned();
            let tag = kebab(event);
            if !tag.is_empty() {
                entry.tags.push(tag);
            }
            // The header as written keeps the event's name and the title's first spelling.
            text.push_str(header.text);
            // A line repeating the title, in proper case, is the title.
            if let Some(k) = rest.iter().position(|l| !l.is_blank())
                && same_words(rest[k].text, title)
            {
                entry.title = rest[k].text.to_owned();
                rest = &rest[k + 1..];
            }
        }
        None => {
            entry.title = header.body.trim_start_matches('#').trim().to_owned();
            // A title too long for brag would be cut: the text keeps it whole.
            if entry.title.chars().count() > 80 {
                text.push_str(header.text);
            }
        }
    }
    let base = rest
        .iter()
        .filter(|l| l.bullet)
        .map(|l| l.indent)
        .min()
        .unwrap_or(0);
    let mut last = header.no;
    let mut gap = false;
    for l in rest {
        if l.is_blank() {
            gap = true;
            text.blank();
            continue;
        }
        last = l.no;
        if !l.bullet
            && is_speaker_line(l.text)
            && let Some(c) = SPEAKER.captures(l.text)
        {
            for name in speakers(c.get(1).map_or("", |m| m.as_str())) {
                push_label(&mut entry.people, &name);
            }
        }
        if !l.bullet
            && entry.date.is_none()
            && let Some(c) = DATE_LINE.captures(l.text)
        {
            let phrase = c.get(1).map_or("", |m| m.as_str());
            match whole_text_date(phrase, opts.today) {
                Some(p) => entry.date = Some(p.start),
                None => warnings.push(Warning {
                    line: l.no,
                    message: format!(
                        "date `{phrase}` not understood (notes need a date with its year, such as 2025-09-03 or March 2025); the talk is undated"
                    ),
                }),
            }
        }
        if gap && !text.is_empty() {
            text.push_str("");
        }
        gap = false;
        let shifted = Line {
            indent: l.indent.saturating_sub(base),
            ..*l
        };
        text.push(&shifted);
    }
    entry.text = text.finish();
    Imported {
        entry,
        source_lines: (header.no, last),
    }
}

/// Returns true when two titles have the same words, case and punctuation aside.
fn same_words(a: &str, b: &str) -> bool {
    let w = |s: &str| -> Vec<String> { words(s).collect() };
    let (a, b) = (w(a), w(b));
    !a.is_empty() && a == b
}

/// Returns the names on a speaker line: `Dana Ortiz (@dana)`, `A, B and C`. Handles and
/// affiliations after a name are not part of it.
fn speakers(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let s = s
        .replace(" and ", ",")
        .replace(" & ", ",")
        .replace(" und ", ",");
    for part in s.split([',', ';', '/', '|']) {
        let name = part
            .split(['(', '[', '@', '<'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_end_matches(['-', '–', '—', ':'])
            .trim();
        if !name.is_empty() {
            out.push(name.to_owned());
        } else if let Some(handle) = part.trim().strip_prefix('@') {
            // Only a handle: the handle is the name.
            let h = handle.trim_end_matches([')', ']']).trim();
            if !h.is_empty() {
                out.push(h.to_owned());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::markdown::tests::assert_no_line_lost;
    use super::super::tests::{dry_run_json, opts_with};
    use super::super::{Format, Import, SectionNames, detect, import as run};
    use crate::entry::Kind;
    use crate::framework::Catalogue;

    fn notes(text: &str) -> Import {
        let cat = Catalogue::builtin();
        let names = SectionNames::default();
        let opts = opts_with(&cat, &names);
        let out = run(text, Format::TalkNotes, &opts).expect("imports");
        assert_no_line_lost(text, &out);
        out
    }

    #[test]
    fn talk_notes_example() {
        let text = include_str!("../../../../fixtures/import/talk-notes.txt");
        assert!(super::looks_like(text));
        assert_eq!(detect(text), Format::TalkNotes);
        let out = notes(text);
        assert_eq!(out.entries.len(), 2, "{}", dry_run_json(&out));
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
        let a = &out.entries[0].entry;
        assert_eq!(a.kind, Kind::Learning);
        assert_eq!(a.title, "Running Queues at Scale");
        assert_eq!(a.people, ["Dana Ortiz"]);
        assert_eq!(a.tags, ["rustconf"]);
        assert!(
            a.text
                .contains("- Back-pressure is a feature, not a failure")
        );
        assert!(
            a.text
                .contains("- Keep a break-glass script for each emergency")
        );
        assert!(
            a.text
                .contains("See the list of all my notes from the conference")
        );
        assert!(a.text.contains("\nKey Takeaways\n"), "{}", a.text);
        assert!(a.undated);
        assert_eq!(out.entries[0].source_lines, (1, 21));
        let b = &out.entries[1].entry;
        assert_eq!(b.title, "Writing for Your Future Self");
        assert_eq!(b.people, ["Lee Park"]);
        assert_eq!(b.tags, ["rustconf"]);
        assert!(b.text.contains("- Highlight the last two years"));
        assert_eq!(out.entries[1].source_lines, (25, 32));
    }

    #[test]
    fn several_talks_speakers_and_dates() {
        let text = "My notes from the conference, day 1\n\n\
Fearless Refactoring — Notes from RustConf 2025\n\
Speakers: Ana Gómez (@ana), Bo Chen and Cy Diaz\nDate: 2025-09-03\n\
- Start with the tests\n  - even ugly ones\n- Refactor in small steps\n\n\
Async in Practice - notes from EuroRust\nBy: Kim Lee\n\
* Cancel safety matters\n* Use structured concurrency\n\n\
\u{a0}\u{a0}\n\
Tiny talk – notes from RustConf 2025\nPresenter: Dee\n1. One thing\n";
        assert!(super::looks_like(text));
        let out = notes(text);
        assert_eq!(out.entries.len(), 3, "{}", dry_run_json(&out));
        // The line before the first talk is named in a warning, not dropped.
        assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
        assert_eq!(out.warnings[0].line, 1);
        assert!(
            out.warnings[0]
                .message
                .contains("My notes from the conference, day 1")
        );
        let a = &out.entries[0].entry;
        assert_eq!(a.title, "Fearless Refactoring");
        assert_eq!(a.tags, ["rustconf-2025"]);
        // The handle stays in the text, out of the name.
        assert_eq!(&a.people[..3], ["Ana Gómez", "Bo Chen", "Cy Diaz"]);
        assert!(a.text.contains("(@ana)"));
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2025-09-03"));
        assert!(
            a.text
                .contains("- Start with the tests\n  - even ugly ones\n- Refactor")
        );
        assert_eq!(out.entries[0].source_lines, (3, 8));
        let b = &out.entries[1].entry;
        assert_eq!(b.title, "Async in Practice");
        assert_eq!(b.people, ["Kim Lee"]);
        assert_eq!(b.tags, ["eurorust"]);
        assert!(
            b.text
                .contains("- Cancel safety matters\n- Use structured concurrency")
        );
        assert_eq!(out.entries[1].source_lines, (10, 13));
        let c = &out.entries[2].entry;
        assert_eq!(c.people, ["Dee"]);
        assert_eq!(c.kind, Kind::Learning);
    }

    /// Issue 14: talk headers in the other shapes people write them; the event is a tag.
    #[test]
    fn talk_headers_in_other_shapes() {
        let text = "Zero-Downtime Migrations – live blogging at QCon London 2025\n\
Speaker: Ria Shah\n- Expand, then contract\n\n\
Observability on a Budget @ SREcon EMEA\nSpeaker: Tom Bell\n- Sample the boring traffic\n\n\
Rust in the Kernel (Kernel Recipes 2024 recap)\nSpeaker: Ada Lin\n- Bindings first\n\n\
Designing for Failure: notes from StaffPlus NYC\n- Write the runbook before the launch\n";
        assert_eq!(detect(text), Format::TalkNotes);
        let out = notes(text);
        let got: Vec<(&str, &[String])> = out
            .entries
            .iter()
            .map(|i| (i.entry.title.as_str(), i.entry.tags.as_slice()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Zero-Downtime Migrations",
                    &["qcon-london-2025".to_owned()][..]
                ),
                ("Observability on a Budget", &["srecon-emea".to_owned()][..]),
                (
                    "Rust in the Kernel",
                    &["kernel-recipes-2024".to_owned()][..]
                ),
                ("Designing for Failure", &["staffplus-nyc".to_owned()][..]),
            ],
            "{}",
            dry_run_json(&out)
        );
        assert_eq!(out.entries[1].entry.people, ["Tom Bell"]);
        // A note that mentions a place with `@` is a note, not a talk.
        let one = notes(
            "Caching @ Scale – notes from Strange Loop\n- Dinner with the team @ 7pm was great.\n- lunch @ Joe's\n",
        );
        assert_eq!(one.entries.len(), 1, "{}", dry_run_json(&one));
    }

    #[test]
    fn talks_without_notes_from_headers() {
        let text = "Building Reliable Systems\nSpeaker: Pat Q\n- Idempotency everywhere\n\
- Retries need budgets\n\nObservability 101\nSpeaker: Sam R (@samr)\n- Logs are not metrics";
        assert!(super::looks_like(text));
        let out = notes(text);
        assert_eq!(out.entries.len(), 2, "{}", dry_run_json(&out));
        assert_eq!(out.entries[0].entry.title, "Building Reliable Systems");
        assert_eq!(out.entries[0].entry.people, ["Pat Q"]);
        assert_eq!(out.entries[1].entry.title, "Observability 101");
        assert_eq!(out.entries[1].entry.people[0], "Sam R");
        assert_eq!(out.entries[1].source_lines, (6, 8));
    }

    #[test]
    fn looks_like_needs_a_talk() {
        assert!(!super::looks_like("- a bullet\n- another\n"));
        assert!(!super::looks_like("Speaker: someone\nno bullets here\n"));
        assert!(super::looks_like("talk - notes from devconf\nstuff\n"));
        let md = include_str!("../../../../fixtures/import/brag-doc.md");
        assert!(!super::looks_like(md));
    }

    /// Writes the example's import for check_import.py (see markdown's twin test).
    #[test]
    #[ignore = "writes /tmp/talk.json for check_import.py"]
    #[allow(clippy::disallowed_methods)] // a scratch file for the checker, not a vault file
    fn write_for_checker() {
        let text = include_str!("../../../../fixtures/import/talk-notes.txt");
        let out = notes(text);
        std::fs::write(
            "/tmp/talk.json",
            serde_json::to_string(&out).expect("serializes"),
        )
        .expect("writes /tmp/talk.json");
    }
}
