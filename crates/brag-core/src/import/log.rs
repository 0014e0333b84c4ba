//! Work logs: timestamped one-line items, one file per day or under date headings.
//!
//! ```text
//! # 2024-05-03
//! 09:12 Fixed the flaky checkout test
//! - 14:00 – Paired with Bo on the migration
//!   it went from 40 min to 6 min
//! ```
//!
//! Each line that starts with a time of day (`09:12`, `9:12:30`, `[14:00]`, `2pm`,
//! `2024-05-03 09:12`) is one `win`, titled with what follows the time; the line as
//! written, time included, is its text, and the lines after it until the next item are
//! the rest of its text. A heading or a line that is only a date (`## 2024-05-03`,
//! `May 3, 2024`) dates the items beneath it (a plain date line is also kept at the top of
//! its first item's text); a date on the item's own line beats it. Items before any date are undated (a folder import dates them from the file's
//! name). Other headings and what comes before the first item are left out, each named in
//! a warning.

use std::sync::LazyLock;

use regex::Regex;

use super::{Imported, Line, Options, TextBuilder, Warning, lines};
use crate::date::{find_in_text, whole_text_date};
use crate::entry::{Entry, Kind};

/// A time of day that starts an item, with the date that may come before it and the
/// separator after it: `09:12`, `[9:12:30]`, `2024-05-03 14:00 -`, `2pm:`, `10.30am`.
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^\[?
        (?:(?P<date>\d{4}-\d{2}-\d{2})[T\s]+)?
        (?:
            (?P<h>\d{1,2})[:h](?P<m>[0-5]\d)(?::[0-5]\d)?(?:\s?(?:[ap]\.?m\.?))?
          | (?P<h12>\d{1,2})(?:[:.][0-5]\d)?\s?[ap]\.?m\.?
        )
        \]?
        (?:\s*(?:[-–—|:>]|\.\s)\s*|\s+)
        (?P<rest>\S.*)$",
    )
    .expect("valid")
});

/// Returns the time stamp's date (if it has one) and the text after it, for a line that
/// starts with a time of day.
fn stamped(body: &str) -> Option<(Option<&str>, &str)> {
    let c = STAMP.captures(body)?;
    let hour: u32 = c
        .name("h")
        .or_else(|| c.name("h12"))
        .and_then(|h| h.as_str().parse().ok())?;
    if hour > 23 || (c.name("h12").is_some() && !(1..=12).contains(&hour)) {
        return None;
    }
    let rest = c.name("rest")?.as_str().trim();
    Some((c.name("date").map(|d| d.as_str()), rest))
}

/// Returns the text of a Markdown heading line (`## 2024-05-03`), or `None`.
fn heading<'a>(l: &Line<'a>) -> Option<&'a str> {
    super::markdown::atx(l)
        .map(|(_, text)| text)
        .filter(|t| !t.is_empty())
}

/// Returns the period a heading names: a date anywhere the date parser finds one, or one
/// that starts it before other words (`2025-03-10 (Mon)`, `Monday 10 March 2025 – offsite`).
fn day_of_heading(h: &str, today: jiff::civil::Date) -> Option<crate::date::Period> {
    if let Some(d) = find_in_text(h, today) {
        return Some(d.period);
    }
    const WEEKDAYS: [&str; 14] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
    ];
    let mut words: Vec<&str> = h.split_whitespace().collect();
    if words
        .first()
        .is_some_and(|w| WEEKDAYS.contains(&w.trim_end_matches([',', '.']).to_lowercase().as_str()))
    {
        words.remove(0);
    }
    (1..=words.len().min(4)).rev().find_map(|n| {
        let phrase = words[..n].join(" ");
        whole_text_date(phrase.trim_end_matches([',', ':', '-', '–', '—']), today)
    })
}

/// Returns true when a document is a log: at least two lines, and three in five of its
/// lines of content, start with a time of day.
pub(crate) fn looks_like(text: &str) -> bool {
    let (mut content, mut items) = (0usize, 0usize);
    for raw in text.lines().take(5000) {
        let l = Line::new(0, raw);
        if l.is_blank() || heading(&l).is_some() || l.indent >= 2 {
            continue;
        }
        content += 1;
        if stamped(l.body).is_some() {
            items += 1;
        }
    }
    items >= 2 && items * 5 >= content * 3
}

/// Returns the entries and warnings of a log.
pub(crate) fn import(text: &str, opts: &Options<'_>) -> (Vec<Imported>, Vec<Warning>) {
    let mut entries = Vec::new();
    let mut warnings = Vec::new();
    let mut day = None;
    // A day written as a plain line, not a heading: kept in the text of its first item.
    let mut day_line: Option<(usize, &str)> = None;
    let mut open: Option<(Imported, TextBuilder)> = None;
    let no_items = |(no, text): (usize, &str)| Warning {
        line: no,
        message: format!("`{text}` is a day with no timestamped item under it; left out"),
    };
    let close = |open: &mut Option<(Imported, TextBuilder)>, entries: &mut Vec<Imported>| {
        if let Some((mut item, text)) = open.take() {
            item.entry.text = text.finish();
            entries.push(item);
        }
    };
    for l in lines(text) {
        if l.is_blank() {
            continue;
        }
        let head = heading(&l);
        // A heading dates what is beneath it when it holds a date (`## 2025-03-10 (Mon)`);
        // a plain line only when it is nothing but one.
        let date_line = match head {
            Some(h) => day_of_heading(h, opts.today),
            None => whole_text_date(l.text, opts.today),
        };
        if let Some(p) = date_line.filter(|_| head.is_some() || !l.bullet) {
            close(&mut open, &mut entries);
            warnings.extend(day_line.take().map(no_items));
            day = Some(p.start);
            if head.is_none() {
                day_line = Some((l.no, l.text));
            }
            continue;
        }
        if let Some(h) = head {
            close(&mut open, &mut entries);
            warnings.push(Warning {
                line: l.no,
                message: format!("`{}` is a heading of the log, not a date; left out", h),
            });
            continue;
        }
        if let Some((date, rest)) = stamped(l.body).filter(|_| l.indent < 2) {
            close(&mut open, &mut entries);
            let own = date
                .and_then(|d| whole_text_date(d, opts.today))
                .map(|p| p.start);
            let mut text = TextBuilder::default();
            let mut first = l.no;
            if let Some((no, line)) = day_line.take() {
                text.push_str(line);
                first = no;
            }
            text.push_str(l.body);
            let entry = Entry {
                kind: Kind::Win,
                title: rest.to_owned(),
                date: own.or(day),
                ..Entry::default()
            };
            open = Some((
                Imported {
                    entry,
                    source_lines: (first, l.no),
                },
                text,
            ));
            continue;
        }
        match &mut open {
            Some((item, text)) => {
                text.push(&l);
                item.source_lines.1 = l.no;
            }
            None => warnings.push(Warning {
                line: l.no,
                message: format!(
                    "`{}` comes before the log's first timestamped item; left out",
                    l.text
                ),
            }),
        }
    }
    close(&mut open, &mut entries);
    warnings.extend(day_line.take().map(no_items));
    (entries, warnings)
}

#[cfg(test)]
mod tests {
    use super::super::markdown::tests::assert_no_line_lost;
    use super::super::tests::{dry_run_json, opts_with};
    use super::super::{Format, Import, SectionNames, detect, import as run};
    use super::*;
    use crate::framework::Catalogue;
    use proptest::prelude::*;

    fn log(text: &str) -> Import {
        let cat = Catalogue::builtin();
        let names = SectionNames::default();
        let out = run(text, Format::Log, &opts_with(&cat, &names)).expect("imports");
        assert_no_line_lost(text, &out);
        out
    }

    #[test]
    fn stamps_in_the_shapes_people_write() {
        let rest = |s: &str| stamped(s).map(|(d, r)| (d.map(str::to_owned), r.to_owned()));
        let plain = |r: &str| Some((None, r.to_owned()));
        assert_eq!(rest("09:12 Fixed the test"), plain("Fixed the test"));
        assert_eq!(rest("9:12:30 - Fixed it"), plain("Fixed it"));
        assert_eq!(rest("[14:00] Paired with Bo"), plain("Paired with Bo"));
        assert_eq!(rest("14:00 – Paired"), plain("Paired"));
        assert_eq!(rest("2pm: demo to sales"), plain("demo to sales"));
        assert_eq!(rest("10.30am standup"), plain("standup"));
        assert_eq!(rest("11:05 | reviewed PR"), plain("reviewed PR"));
        assert_eq!(
            rest("2024-05-03 09:12 Shipped"),
            Some((Some("2024-05-03".to_owned()), "Shipped".to_owned()))
        );
        // Not times of day: a score, a ratio, a version, a count, a time with nothing after.
        for no in [
            "3:2 win over the old design",
            "25:00 minutes",
            "1.5 days",
            "09:12",
            "12 people came",
            "v2:3 rollout",
        ] {
            assert_eq!(stamped(no), None, "{no}");
        }
    }

    #[test]
    fn one_item_a_line_dated_by_its_heading() {
        let text = "# Work log\n\n## 2024-05-03\n\n- 09:00 Wrote the design doc for the queue\n\
- 16:45 Shipped the queue to staging\n  it held 400 msg/s\n\nMay 10, 2024\n\
08:30 Triaged 14 alerts\n2024-05-11 11:00 Led the incident review\n";
        assert!(looks_like(text));
        assert_eq!(detect(text), Format::Log);
        let out = log(text);
        let got: Vec<(&str, String)> = out
            .entries
            .iter()
            .map(|i| {
                (
                    i.entry.title.as_str(),
                    i.entry.date.map(|d| d.to_string()).unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Wrote the design doc for the queue",
                    "2024-05-03".to_owned()
                ),
                ("Shipped the queue to staging", "2024-05-03".to_owned()),
                ("Triaged 14 alerts", "2024-05-10".to_owned()),
                ("Led the incident review", "2024-05-11".to_owned()),
            ],
            "{}",
            dry_run_json(&out)
        );
        let shipped = &out.entries[1];
        assert_eq!(
            shipped.entry.text,
            "16:45 Shipped the queue to staging\nit held 400 msg/s"
        );
        assert_eq!(shipped.source_lines, (6, 7));
        assert!(
            out.entries
                .iter()
                .all(|i| i.entry.kind == Kind::Win && !i.entry.undated)
        );
        assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
        assert!(out.warnings[0].message.contains("Work log"));
    }

    #[test]
    fn a_day_file_without_dates_is_undated() {
        let out =
            log("09:12 Fixed the flaky checkout test\n10:30 Reviewed the retry PR with @ana\n");
        assert_eq!(out.entries.len(), 2);
        assert!(out.entries.iter().all(|i| i.entry.undated));
        assert_eq!(out.entries[1].entry.people, ["ana"]);
    }

    #[test]
    fn prose_with_a_time_in_it_is_not_a_log() {
        let md = "## Wins\n- Shipped the queue\n- Cut the build from 12:00 to 4:00 minutes\n- Led the review\n";
        assert!(!looks_like(md));
        assert_eq!(detect(md), Format::Markdown);
    }

    proptest! {
        /// Every line of a generated log is kept, and every stamped line is an entry.
        #[test]
        fn logs_lose_no_line(items in proptest::collection::vec(
            ("[0-2][0-9]", "[0-5][0-9]", "[A-Z][a-z]{2,8}( [a-z]{2,8}){0,6}", proptest::option::of("[a-z]{3,9}( [a-z]{2,8}){0,4}")),
            1..12,
        )) {
            let mut text = String::from("## 2025-02-03\n");
            let mut stamped_lines = 0;
            for (h, m, what, more) in &items {
                let hour: u32 = h.parse().unwrap_or(0);
                if hour > 23 { continue; }
                stamped_lines += 1;
                text.push_str(&format!("{h}:{m} {what}\n"));
                if let Some(more) = more {
                    text.push_str(&format!("  {more}\n"));
                }
            }
            let out = log(&text);
            prop_assert_eq!(out.entries.len(), stamped_lines);
        }

        #[test]
        fn any_text_never_panics(text in "\\PC{0,300}") {
            let _ = looks_like(&text);
            let cat = Catalogue::builtin();
            let names = SectionNames::default();
            let _ = run(&text, Format::Log, &opts_with(&cat, &names));
        }
    }
}
