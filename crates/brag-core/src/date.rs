//! Dates as people write them: `2025-03-14`, `2025-03`, `Q1 2025`, `yesterday`,
//! `last friday`, `2 weeks ago`, `March 2025`.
//!
//! Every phrase names a period (a day, a week, a month, a quarter, a year). `--from` takes
//! its first day and `--to` its last, so `--from 2025-01 --to 2025-03` covers all of Q1.
//! "Today" is always a parameter: nothing here reads a clock.
//!
//! Two readers: [`parse_period`] reads a whole phrase (a flag, a CSV cell, a jrnl date);
//! [`find_in_text`] finds the date in a piece of prose (a heading, a bullet, a `Date:`
//! line), for every importer.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use jiff::{Span, ToSpan};
use regex::Regex;

/// The earliest year a phrase may name: older dates are typos, not accomplishments.
pub const MIN_YEAR: i16 = 1900;
/// The latest year a phrase may name.
pub const MAX_YEAR: i16 = 2200;

/// Returns an inclusive range of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// The first day.
    pub start: Date,
    /// The last day.
    pub end: Date,
}

impl Period {
    fn day(d: Date) -> Period {
        Period { start: d, end: d }
    }

    /// Returns true when `d` lies inside the period.
    pub fn contains(&self, d: Date) -> bool {
        self.start <= d && d <= self.end
    }
}

/// Returned when a phrase is not a date brag understands.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a date brag understands (try 2025-03-14, 2025-03, Q1 2025, today, yesterday, last friday or 2 weeks ago)"
)]
pub struct DateError(pub String);

/// Returns the day a phrase names; for a longer period, its first day.
pub fn parse_date(s: &str, today: Date) -> Result<Date, DateError> {
    parse_period(s, today).map(|p| p.start)
}

/// Returns the period a phrase names.
///
/// Periods outside the years [`MIN_YEAR`] to [`MAX_YEAR`] are refused like any phrase brag
/// does not understand, and so are counts too large to compute ("99999999999 days ago"):
/// all arithmetic is checked.
pub fn parse_period(s: &str, today: Date) -> Result<Period, DateError> {
    let p = parse_any_period(s, today)?;
    if p.start.year() < MIN_YEAR || p.end.year() > MAX_YEAR {
        return Err(DateError(s.to_owned()));
    }
    Ok(p)
}

fn parse_any_period(s: &str, today: Date) -> Result<Period, DateError> {
    let err = || DateError(s.to_owned());
    let norm = s.trim().to_ascii_lowercase().replace(',', " ");
    let words: Vec<&str> = norm.split_whitespace().collect();
    let p = match words.as_slice() {
        [] => return Err(err()),
        ["today" | "now"] => Some(Period::day(today)),
        ["yesterday"] => Some(Period::day(add_days(today, -1).ok_or_else(err)?)),
        ["tomorrow"] => Some(Period::day(add_days(today, 1).ok_or_else(err)?)),
        [w] => one_word(w, today),
        [n, unit, "ago"] => ago(n, unit, today),
        [which @ ("last" | "this" | "next" | "previous"), what] => relative(which, what, today),
        _ => None,
    };
    if let Some(p) = p {
        return Ok(p);
    }
    quarter(&words, today)
        .or_else(|| month_name(&words))
        .ok_or_else(err)
}

fn one_word(w: &str, today: Date) -> Option<Period> {
    if let Some(wd) = weekday(w) {
        // A bare weekday is the most recent one, today included.
        let back = (today.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset() + 7) % 7;
        return Some(Period::day(add_days(today, -i64::from(back))?));
    }
    numeric(w)
}

/// Returns the period of `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY-MM` or `YYYY`.
fn numeric(w: &str) -> Option<Period> {
    let parts: Vec<&str> = w.split(['-', '/', '.']).collect();
    let num = |s: &str, len: std::ops::RangeInclusive<usize>| -> Option<i16> {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => {
            let y = num(y, 4..=4)?;
            Some(Period {
                start: Date::new(y, 1, 1).ok()?,
                end: Date::new(y, 12, 31).ok()?,
            })
        }
        [y, m] => {
            if let Some(q) = m.strip_prefix('q') {
                return quarter_period(num(y, 4..=4)?, num(q, 1..=1)?);
            }
            month_period(num(y, 4..=4)?, num(m, 1..=2)? as i8)
        }
        [y, m, d] => {
            let date =
                Date::new(num(y, 4..=4)?, num(m, 1..=2)? as i8, num(d, 1..=2)? as i8).ok()?;
            Some(Period::day(date))
        }
        _ => None,
    }
}

fn month_period(y: i16, m: i8) -> Option<Period> {
    let start = Date::new(y, m, 1).ok()?;
    Some(Period {
        start,
        end: start.last_of_month(),
    })
}

fn quarter_period(y: i16, q: i16) -> Option<Period> {
    if !(1..=4).contains(&q) {
        return None;
    }
    let first = (q - 1) * 3 + 1;
    let start = Date::new(y, first as i8, 1).ok()?;
    let end = Date::new(y, (first + 2) as i8, 1).ok()?.last_of_month();
    Some(Period { start, end })
}

/// Returns the period of `Q1 2025`, `2025 Q1`, `2025Q1` or `Q1` (this year).
fn quarter(words: &[&str], today: Date) -> Option<Period> {
    let q = |w: &str| -> Option<i16> { w.strip_prefix('q')?.parse().ok() };
    let y = |w: &str| -> Option<i16> { (w.len() == 4).then(|| w.parse().ok()).flatten() };
    match words {
        [w] => {
            if let Some((yy, qq)) = w.split_once('q').filter(|(y, _)| !y.is_empty()) {
                return quarter_period(y(yy)?, qq.parse().ok()?);
            }
            quarter_period(today.year(), q(w)?)
        }
        [a, b] => match (q(a), y(b)) {
            (Some(qq), Some(yy)) => quarter_period(yy, qq),
            _ => quarter_period(y(a)?, q(b)?),
        },
        _ => None,
    }
}

/// Returns the period of `March 2025`, `14 March 2025`, `March 14 2025` or `2025 March`.
fn month_name(words: &[&str]) -> Option<Period> {
    let year = |w: &str| -> Option<i16> { (w.len() == 4).then(|| w.parse().ok()).flatten() };
    let day = |w: &str| -> Option<i8> {
        w.trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .ok()
    };
    match words {
        [m, y] => match (month(m), year(y)) {
            (Some(m), Some(y)) => month_period(y, m),
            _ => month_period(year(m)?, month(y)?),
        },
        [a, b, y] => {
            let y = year(y)?;
            let (m, d) = match (month(a), month(b)) {
                (Some(m), None) => (m, day(b)?),
                (None, Some(m)) => (m, day(a)?),
                _ => return None,
            };
            Some(Period::day(Date::new(y, m, d).ok()?))
        }
        _ => None,
    }
}

fn ago(n: &str, unit: &str, today: Date) -> Option<Period> {
    let n: i64 = match n {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        _ => n.parse().ok()?,
    };
    let unit = unit.trim_end_matches('s');
    // The `try_` forms: `n.days()` panics on a count no span can hold.
    let span = match unit {
        "day" => Span::new().try_days(n),
        "week" => Span::new().try_weeks(n),
        "month" => Span::new().try_months(n),
        "year" => Span::new().try_years(n),
        _ => return None,
    }
    .ok()?;
    Some(Period::day(today.checked_sub(span).ok()?))
}

fn relative(which: &str, what: &str, today: Date) -> Option<Period> {
    let step: i64 = match which {
        "last" | "previous" => -1,
        "this" => 0,
        _ => 1,
    };
    if let Some(wd) = weekday(what) {
        let off = i64::from(today.weekday().to_monday_zero_offset());
        let target = i64::from(wd.to_monday_zero_offset());
        let d = match step {
            // The most recent such day before today.
            -1 => -((off - target + 6) % 7 + 1),
            // The next such day after today.
            1 => (target - off + 6) % 7 + 1,
            // This week's, Monday first.
            _ => target - off,
        };
        return Some(Period::day(add_days(today, d)?));
    }
    match what {
        "week" => {
            let monday = add_days(today, -i64::from(today.weekday().to_monday_zero_offset()))?;
            let start = add_days(monday, 7 * step)?;
            Some(Period {
                start,
                end: add_days(start, 6)?,
            })
        }
        "month" => {
            let first = today.first_of_month().checked_add(step.months()).ok()?;
            month_period(first.year(), first.month())
        }
        "quarter" => {
            let q = i64::from((today.month() - 1) / 3) + step;
            let y = i64::from(today.year()) + q.div_euclid(4);
            quarter_period(i16::try_from(y).ok()?, (q.rem_euclid(4) + 1) as i16)
        }
        "year" => {
            let y = i16::try_from(i64::from(today.year()) + step).ok()?;
            numeric(&format!("{y:04}"))
        }
        _ => None,
    }
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_days(n).ok()?).ok()
}

fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" | "mon" => Weekday::Monday,
        "tuesday" | "tue" | "tues" => Weekday::Tuesday,
        "wednesday" | "wed" => Weekday::Wednesday,
        "thursday" | "thu" | "thurs" => Weekday::Thursday,
        "friday" | "fri" => Weekday::Friday,
        "saturday" | "sat" => Weekday::Saturday,
        "sunday" | "sun" => Weekday::Sunday,
        _ => return None,
    })
}

fn month(w: &str) -> Option<i8> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = w.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    NAMES
        .iter()
        .position(|n| n.starts_with(w))
        .map(|i| i as i8 + 1)
}

// ---------------------------------------------------------------------------------------
// Dates in prose

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)").expect("year pattern is valid")
});
static HALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:h([12])\s*((?:19|20)[0-9]{2})|((?:19|20)[0-9]{2})\s*[-/]?\s*h([12]))$")
        .expect("half-year pattern is valid")
});

/// Words that may stand before a date that is a whole text: `Week of 2024-11-04`,
/// `Date: 2024-05`.
const DATE_FILLER: [&str; 17] = [
    "week",
    "of",
    "starting",
    "beginning",
    "commencing",
    "w/c",
    "wc",
    "month",
    "the",
    "ending",
    "quarter",
    "year",
    "in",
    "during",
    "from",
    "since",
    "date",
];

/// What sets a date off from the rest of a text: `Brag document — 2025`, `2025-03: Launch`.
const SEPARATORS: [&str; 8] = [" — ", " – ", " - ", ": ", ", ", " | ", " · ", " / "];

/// Where in a text [`find_in_text`] found its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The text is the date, perhaps after words that lead to one: `2024`, `Week of
    /// 2024-11-04`, `Date: March 2024`, `(Q1 2025)`.
    Whole,
    /// The date ends the text, in brackets or after a separator: `Ledger rewrite (Q1
    /// 2025)`, `Brag document — 2025`.
    End,
    /// The date starts the text, before a separator: `2025-03: Launch`, `2024-06-12 –
    /// went to a workshop`.
    Start,
}

/// Returns a date that [`find_in_text`] found in a piece of prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InText {
    /// The period the date names.
    pub period: Period,
    /// Where in the text it is.
    pub place: Place,
    /// The bytes of the text that the date takes, with the words, brackets, separator
    /// and spaces that set it off: [`InText::rest`] is what is left. It touches the start
    /// of the text, its end, or (for [`Place::Whole`]) both.
    pub span: Range<usize>,
}

impl InText {
    /// Returns the text without its date, trimmed: `Ledger rewrite` of `Ledger rewrite
    /// (Q1 2025)`, `Launch` of `2025-03: Launch`, nothing of `Week of 2024-11-04`.
    pub fn rest<'a>(&self, text: &'a str) -> &'a str {
        let rest = if self.span.start == 0 {
            text.get(self.span.end..)
        } else {
            text.get(..self.span.start)
        };
        rest.unwrap_or("").trim()
    }
}

/// Returns the date in a piece of prose (a heading, a bullet, a line of notes), the best
/// of [`dates_in_text`]: the whole text, else a date that ends it, else one that starts it.
///
/// Only a phrase that names a year is a date here (`2025`, `Q1 2025`, `March 2024`,
/// `2025-04 to 2025-06`, `Jan – Mar 2025`, `H2 2024`): in a document, `friday` or `this
/// week` says nothing about when it was written. A year inside a sentence (`Notes from
/// the 2024 offsite`) is not a date either: the date must be set off by brackets or a
/// separator (`:`, `,`, `—`, `|`, ...).
pub fn find_in_text(text: &str, today: Date) -> Option<InText> {
    dates_in_text(text, today).next()
}

/// Returns the period of a piece of prose that is nothing but a date, perhaps after words
/// that lead to one (`Week of 2024-11-04`, `Date: March 2024`): [`find_in_text`] when it
/// finds a [`Place::Whole`] date. A `Date:` line of notes, a date heading.
pub fn whole_text_date(text: &str, today: Date) -> Option<Period> {
    whole_date(text.trim(), today)
}

/// Returns every way a piece of prose holds a date, best first: the whole text, then a
/// trailing bracket, then dates that end the text (the longest first), then dates that
/// start it (the shortest first). [`find_in_text`] takes the first; a caller that wants
/// a date in one place takes the first in that place.
pub fn dates_in_text(text: &str, today: Date) -> impl Iterator<Item = InText> + '_ {
    let lead = text.len() - text.trim_start().len();
    let t = text.trim();
    let mut seps: Vec<(usize, usize)> = Vec::new();
    for sep in SEPARATORS {
        for (pos, _) in t.match_indices(sep) {
            seps.push((pos, sep.len()));
        }
    }
    seps.sort_unstable();
    // Where the rest of the text ends when a date ends it: after `tidy(before)`.
    let end_of = move |before: &str| {
        let kept = tidy(before);
        let skipped = before.len() - before.trim_start().len();
        (!kept.is_empty()).then_some(lead + skipped + kept.len())
    };
    let whole = std::iter::once_with(move || {
        whole_date(t, today).map(|period| InText {
            period,
            place: Place::Whole,
            span: 0..text.len(),
        })
    });
    // A trailing bracket: `Ledger rewrite (Q1 2025)`. What comes before it may be empty.
    let bracket = std::iter::once_with(move || {
        let body = t.strip_suffix(')').or_else(|| t.strip_suffix(']'))?;
        let open = body.rfind(['(', '['])?;
        let period = phrase_period(&body[open + 1..], today)?;
        let kept = tidy(&body[..open]);
        Some(InText {
            period,
            place: Place::End,
            span: lead + kept.len()..text.len(),
        })
    });
    let ends = seps.clone().into_iter().filter_map(move |(pos, len)| {
        let period = phrase_period(&t[pos + len..], today)?;
        Some(InText {
            period,
            place: Place::End,
            span: end_of(&t[..pos])?..text.len(),
        })
    });
    let starts = seps.into_iter().filter_map(move |(pos, len)| {
        let period = phrase_period(&t[..pos], today)?;
        let after = &t[pos + len..];
        let rest = after.trim_start();
        (!rest.trim_end().is_empty()).then(|| InText {
            period,
            place: Place::Start,
            span: 0..lead + pos + len + (after.len() - rest.len()),
        })
    });
    whole.chain(bracket).flatten().chain(ends).chain(starts)
}

/// Returns a text without the spaces and separators at its end.
fn tidy(s: &str) -> &str {
    s.trim()
        .trim_end_matches([',', ':', ';', '-', '–', '—', '|', '·'])
        .trim()
}

/// Returns the period a whole text names, after words such as `Week of` or `Date:`.
fn whole_date(t: &str, today: Date) -> Option<Period> {
    let filler = |w: &str| DATE_FILLER.contains(&w.trim_end_matches(':').to_lowercase().as_str());
    let mut words: Vec<&str> = Vec::new();
    for w in t.split_whitespace() {
        // `Date:2024-05`: a label glued to its date is a word of its own.
        match w.split_once(':') {
            Some((label, date)) if !date.is_empty() && filler(label) => {
                words.extend([label, date]);
            }
            _ => words.push(w),
        }
    }
    for i in 0..words.len() {
        if !words[..i].iter().all(|w| filler(w)) {
            break;
        }
        if let Some(p) = phrase_period(&words[i..].join(" "), today) {
            return Some(p);
        }
    }
    None
}

/// Returns the period of a date phrase that names a year: what [`parse_period`] reads,
/// and also halves (`H2 2024`) and ranges (`2025-04 to 2025-06`, `Jan – Mar 2025`).
/// Brackets and punctuation around it are ignored.
fn phrase_period(s: &str, today: Date) -> Option<Period> {
    let s = s
        .trim()
        .trim_matches(|c: char| "()[],.:;*_".contains(c))
        .trim();
    // Length first: a long text is tried at each of its separators, and a regex over
    // each rest of it would be quadratic in the text.
    if s.is_empty() || s.len() > 4 * 40 || s.chars().count() > 40 || !YEAR.is_match(s) {
        return None;
    }
    if let Ok(p) = parse_period(s, today) {
        return Some(p);
    }
    if let Some(c) = HALF.captures(s) {
        let (h, y) = match (c.get(1), c.get(2)) {
            (Some(h), Some(y)) => (h.as_str(), y.as_str()),
            _ => (c.get(4)?.as_str(), c.get(3)?.as_str()),
        };
        let y: i16 = y.parse().ok()?;
        let (first, last) = if h == "1" { (1, 6) } else { (7, 12) };
        return Some(Period {
            start: Date::new(y, first, 1).ok()?,
            end: Date::new(y, last, 1).ok()?.last_of_month(),
        });
    }
    for sep in [
        " to ",
        " until ",
        " through ",
        " thru ",
        " – ",
        " — ",
        " - ",
        "–",
        "—",
        "..",
    ] {
        let Some((a, b)) = s.split_once(sep) else {
            continue;
        };
        let (a, b) = (a.trim(), b.trim());
        let from = if YEAR.is_match(a) {
            parse_period(a, today).ok()
        } else {
            // `Jan – Mar 2025`: the year is written once, at the end.
            YEAR.captures(b)
                .and_then(|c| c.get(1))
                .and_then(|y| parse_period(&format!("{a} {}", y.as_str()), today).ok())
        };
        if let Some(from) = from {
            let to = YEAR
                .is_match(b)
                .then(|| parse_period(b, today).ok())
                .flatten()
                .filter(|to| to.end >= from.start);
            return Some(Period {
                start: from.start,
                end: to.map_or(from.end, |to| to.end),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    // A Wednesday.
    const TODAY: Date = date(2026, 11, 25);

    fn p(s: &str) -> (String, String) {
        let p = parse_period(s, TODAY).unwrap_or_else(|e| panic!("{e}"));
        (p.start.to_string(), p.end.to_string())
    }

    #[test]
    fn parse_period_phrases() {
        let cases = [
            ("2025-03-14", "2025-03-14", "2025-03-14"),
            ("2025/3/4", "2025-03-04", "2025-03-04"),
            ("2025-03", "2025-03-01", "2025-03-31"),
            ("2024-02", "2024-02-01", "2024-02-29"),
            ("2025", "2025-01-01", "2025-12-31"),
            ("Q1 2025", "2025-01-01", "2025-03-31"),
            ("q4 2025", "2025-10-01", "2025-12-31"),
            ("2025-Q2", "2025-04-01", "2025-06-30"),
            ("2025q3", "2025-07-01", "2025-09-30"),
            ("2025 Q3", "2025-07-01", "2025-09-30"),
            ("Q2", "2026-04-01", "2026-06-30"),
            ("today", "2026-11-25", "2026-11-25"),
            ("Yesterday", "2026-11-24", "2026-11-24"),
            ("tomorrow", "2026-11-26", "2026-11-26"),
            ("last friday", "2026-11-20", "2026-11-20"),
            ("last wednesday", "2026-11-18", "2026-11-18"),
            ("next monday", "2026-11-30", "2026-11-30"),
            ("this monday", "2026-11-23", "2026-11-23"),
            ("friday", "2026-11-20", "2026-11-20"),
            ("wednesday", "2026-11-25", "2026-11-25"),
            ("2 weeks ago", "2026-11-11", "2026-11-11"),
            ("a month ago", "2026-10-25", "2026-10-25"),
            ("3 days ago", "2026-11-22", "2026-11-22"),
            ("1 year ago", "2025-11-25", "2025-11-25"),
            ("last week", "2026-11-16", "2026-11-22"),
            ("this week", "2026-11-23", "2026-11-29"),
            ("last month", "2026-10-01", "2026-10-31"),
            ("last quarter", "2026-07-01", "2026-09-30"),
            ("last year", "2025-01-01", "2025-12-31"),
            ("March 2025", "2025-03-01", "2025-03-31"),
            ("mar 2025", "2025-03-01", "2025-03-31"),
            ("14 March 2025", "2025-03-14", "2025-03-14"),
            ("March 14, 2025", "2025-03-14", "2025-03-14"),
            ("Sept 3rd 2024", "2024-09-03", "2024-09-03"),
        ];
        for (input, start, end) in cases {
            assert_eq!(p(input), (start.to_owned(), end.to_owned()), "{input}");
        }
    }

    #[test]
    fn parse_period_rejects() {
        for bad in [
            "",
            "2025-13-01",
            "2025-02-30",
            "Q5 2025",
            "someday",
            "12",
            "last fortnight",
            "ma 2025",
            // Counts no date can hold, and dates outside 1900-2200 (issue 11).
            "99999999999 days ago",
            "19999 years ago",
            "999999 days ago",
            "9223372036854775807 weeks ago",
            "99999999999999999999 months ago",
            "1899-12-31",
            "2201",
            "Q1 2201",
            "March 1899",
            "0001-01-01",
        ] {
            assert!(
                parse_period(bad, TODAY).is_err(),
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn last_quarter_wraps_year() {
        let p = parse_period("last quarter", date(2026, 2, 1)).expect("valid");
        assert_eq!((p.start, p.end), (date(2025, 10, 1), date(2025, 12, 31)));
    }

    #[test]
    fn find_in_text_cases() {
        use Place::{End, Start, Whole};
        /// A text and what it holds: first day, last day, place, rest.
        type Case<'a> = (&'a str, Option<(&'a str, &'a str, Place, &'a str)>);
        let cases: [Case<'_>; 24] = [
            ("2024", Some(("2024-01-01", "2024-12-31", Whole, ""))),
            (
                "Week of 2024-11-04",
                Some(("2024-11-04", "2024-11-04", Whole, "")),
            ),
            (
                "Date: March 2024",
                Some(("2024-03-01", "2024-03-31", Whole, "")),
            ),
            (
                "Date:2024-05",
                Some(("2024-05-01", "2024-05-31", Whole, "")),
            ),
            ("(Q1 2025)", Some(("2025-01-01", "2025-03-31", Whole, ""))),
            ("H2 2024", Some(("2024-07-01", "2024-12-31", Whole, ""))),
            ("2024 H1", Some(("2024-01-01", "2024-06-30", Whole, ""))),
            (
                "2025-04 to 2025-06",
                Some(("2025-04-01", "2025-06-30", Whole, "")),
            ),
            (
                "Ledger rewrite (Q1 2025)",
                Some(("2025-01-01", "2025-03-31", End, "Ledger rewrite")),
            ),
            (
                "Card migration (2025-04 to 2025-06)",
                Some(("2025-04-01", "2025-06-30", End, "Card migration")),
            ),
            (
                "Project (Jan – Mar 2025)",
                Some(("2025-01-01", "2025-03-31", End, "Project")),
            ),
            (
                "  Brag document — 2025 ",
                Some(("2025-01-01", "2025-12-31", End, "Brag document")),
            ),
            (
                "Sprint review — Jan – Mar 2025",
                Some(("2025-01-01", "2025-03-31", End, "Sprint review")),
            ),
            (
                "2025-03: Launch",
                Some(("2025-03-01", "2025-03-31", Start, "Launch")),
            ),
            (
                "[2024-06-12] – went to a workshop",
                Some(("2024-06-12", "2024-06-12", Start, "went to a workshop")),
            ),
            // A range whose end does not parse, or comes first, ends with its start.
            (
                "2025-04 until later",
                Some(("2025-04-01", "2025-04-30", Whole, "")),
            ),
            (
                "Dec – Jan 2025",
                Some(("2025-12-01", "2025-12-31", Whole, "")),
            ),
            ("Friday", None),
            ("This week", None),
            ("Q1", None),
            ("3 days ago", None),
            ("Notes from the 2024 offsite", None),
            ("2000 users served", None),
            ("", None),
        ];
        for (text, want) in cases {
            let got = find_in_text(text, TODAY).map(|d| {
                (
                    d.period.start.to_string(),
                    d.period.end.to_string(),
                    d.place,
                    d.rest(text).to_owned(),
                )
            });
            let want = want.map(|(s, e, p, r)| (s.to_owned(), e.to_owned(), p, r.to_owned()));
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn dates_in_text_offers_each_place() {
        let text = "2024-06-12: went to the offsite — 2025";
        let best = find_in_text(text, TODAY).expect("a date");
        assert_eq!(
            (best.place, best.period.start),
            (Place::End, date(2025, 1, 1))
        );
        assert_eq!(best.rest(text), "2024-06-12: went to the offsite");
        let start = dates_in_text(text, TODAY)
            .find(|d| d.place == Place::Start)
            .expect("a leading date");
        assert_eq!(start.period.start, date(2024, 6, 12));
        assert_eq!(start.rest(text), "went to the offsite — 2025");
        assert_eq!(&text[start.span], "2024-06-12: ");
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn parse_period_never_panics(s in "\\PC{0,40}") {
            let _ = parse_period(&s, jiff::civil::date(2026, 11, 25));
        }

        #[test]
        fn counted_phrases_never_panic_and_stay_in_range(
            n in prop_oneof![any::<i64>().prop_map(|n| n.to_string()), "[0-9]{1,30}", Just("-5".to_owned())],
            unit in prop_oneof![Just("day"), Just("days"), Just("week"), Just("weeks"), Just("month"), Just("months"), Just("year"), Just("years")],
            y in 0i32..10000,
            which in prop_oneof![Just("last"), Just("this"), Just("next")],
            what in prop_oneof![Just("week"), Just("month"), Just("quarter"), Just("year"), Just("friday")],
        ) {
            for today in [jiff::civil::date(2026, 11, 25), jiff::civil::date(1900, 1, 1), jiff::civil::date(2200, 12, 31)] {
                for phrase in [
                    format!("{n} {unit} ago"),
                    format!("{y:04}"),
                    format!("{y:04}-{}", n.len() % 13),
                    format!("Q{} {y}", n.len() % 5),
                    format!("March {y}"),
                    format!("{which} {what}"),
                ] {
                    if let Ok(p) = parse_period(&phrase, today) {
                        prop_assert!(p.start.year() >= MIN_YEAR && p.end.year() <= MAX_YEAR, "{phrase}: {p:?}");
                        prop_assert!(p.start <= p.end, "{phrase}: {p:?}");
                    }
                }
            }
        }

        /// Whatever the prose, the reader does not panic, and what it finds is in the
        /// text: its span is a piece of the text at one of its ends, holding the year the
        /// period starts in; a whole-text date leaves nothing.
        #[test]
        fn find_in_text_finds_what_the_text_holds(
            pieces in proptest::collection::vec(
                prop_oneof![
                    "[a-zA-Z]{1,8}",
                    "(19|20|21)[0-9]{2}",
                    "20[0-9]{2}-[0-9]{1,2}(-[0-9]{1,2})?",
                    "[Qq][0-5]",
                    "[Hh][1-3]",
                    Just("March".to_owned()),
                    Just("Week of".to_owned()),
                    Just("Date:".to_owned()),
                    Just("to".to_owned()),
                    "[-–—:,|·/()\\[\\].;*_]",
                    "\\PC{0,4}",
                ],
                0..10,
            ),
            glue in proptest::collection::vec(prop_oneof![Just(" "), Just(""), Just(" - "), Just(": ")], 10),
        ) {
            let mut text = String::new();
            for (p, g) in pieces.iter().zip(&glue) {
                text.push_str(p);
                text.push_str(g);
            }
            let today = jiff::civil::date(2026, 11, 25);
            for d in dates_in_text(&text, today) {
                let piece = text.get(d.span.clone());
                prop_assert!(piece.is_some(), "{text:?}: {d:?}");
                prop_assert!(d.span.start == 0 || d.span.end == text.len(), "{text:?}: {d:?}");
                prop_assert!(d.period.start <= d.period.end, "{text:?}: {d:?}");
                let year = d.period.start.year().to_string();
                prop_assert!(piece.unwrap_or("").contains(&year), "{text:?}: {d:?}");
                match d.place {
                    Place::Whole => prop_assert_eq!(d.rest(&text), ""),
                    Place::End => prop_assert_eq!(d.span.end, text.len()),
                    Place::Start => prop_assert_eq!(d.span.start, 0),
                }
            }
            let whole = find_in_text(&text, today).filter(|d| d.place == Place::Whole);
            prop_assert_eq!(whole_text_date(&text, today), whole.map(|d| d.period));
        }

        #[test]
        fn find_in_text_never_panics(s in "\\PC{0,60}") {
            if let Some(d) = find_in_text(&s, jiff::civil::date(2026, 11, 25)) {
                prop_assert!(s.get(d.span.clone()).is_some(), "{s:?}: {d:?}");
            }
        }

        #[test]
        fn iso_days_round_trip(y in 1900i16..2200, m in 1i8..=12, d in 1i8..=31) {
            if let Ok(day) = Date::new(y, m, d) {
                let p = parse_period(&day.to_string(), jiff::civil::date(2026, 11, 25))
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!((p.start, p.end), (day, day));
            }
        }
    }
}
