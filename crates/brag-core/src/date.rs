//! Dates as people write them: `2025-03-14`, `2025-03`, `Q1 2025`, `yesterday`,
//! `last friday`, `2 weeks ago`, `March 2025`, `Mar 14, 2025`, `14.03.2025`, `3/14/2025`,
//! `Jan '25`, `H2 2025`, `2025-W11`, `<2025-03-14 Fri 10:30>`, `2025 Mar 14`.
//!
//! Every phrase names a period (a day, a week, a month, a quarter, a half, a year).
//! `--from` takes its first day and `--to` its last, so `--from 2025-01 --to 2025-03`
//! covers all of Q1. "Today" is always a parameter: nothing here reads a clock.
//!
//! Four readers: [`parse_period`] reads a whole phrase (a flag, a CSV cell, a jrnl date);
//! [`find_in_text`] finds the date in a piece of prose (a heading, a `Date:` line), for
//! every importer, also ranges (`May 3–7, 2024`); [`item_date`] finds an item's own date
//! (`[Nov 1, 2024] Shipped X`); [`date_in_file_name`] reads `2024-05-02-standup.md`.
//! Brackets, weekdays and times around a date are read past; numbers that only look like
//! dates (`3/4 of the team`, `10:30`, `$2,024`, `v1.2.2024`, `2024.05`) are not dates.

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
    let owned = words_of(s);
    let words: Vec<&str> = owned.iter().map(String::as_str).collect();
    let p = match words.as_slice() {
        [] => return Err(err()),
        ["today" | "now"] => Some(Period::day(today)),
        ["yesterday"] => Some(Period::day(add_days(today, -1).ok_or_else(err)?)),
        ["tomorrow"] => Some(Period::day(add_days(today, 1).ok_or_else(err)?)),
        [w] if weekday(w).is_some() => one_word(w, today),
        [n, unit, "ago"] => ago(n, unit, today),
        [which @ ("last" | "this" | "next" | "previous"), what] => relative(which, what, today),
        _ => None,
    };
    if let Some(p) = p {
        return Ok(p);
    }
    if let Some(p) = absolute(&words, today) {
        return Ok(p);
    }
    // `Thu 2024-05-02 10:30`, `the 1st of November 2024`: words around a date that say
    // nothing more about the day.
    let kept: Vec<&str> = words.iter().copied().filter(|w| !is_noise(w)).collect();
    if !kept.is_empty()
        && kept.len() < words.len()
        && let Some(p) = absolute(&kept, today)
    {
        return Ok(p);
    }
    Err(err())
}

/// Returns the words of a phrase in lower case, without the brackets or emphasis around
/// it and the punctuation after it; commas are spaces, and a year written `'24` is a
/// word of its own, in full: `Q3'24` is `q3 2024`.
fn words_of(s: &str) -> Vec<String> {
    const PAIRS: [(&str, &str); 11] = [
        ("[", "]"),
        ("(", ")"),
        ("<", ">"),
        ("{", "}"),
        ("**", "**"),
        ("__", "__"),
        ("*", "*"),
        ("_", "_"),
        ("`", "`"),
        ("\"", "\""),
        ("“", "”"),
    ];
    let mut t = s.trim();
    loop {
        let before = t;
        t = t.trim_end_matches(['.', ',', ':', ';']).trim_end();
        if let Some(inner) = PAIRS
            .iter()
            .find_map(|(o, c)| t.strip_prefix(o)?.strip_suffix(c))
        {
            t = inner.trim();
        }
        if t == before {
            break;
        }
    }
    let lower = t.to_lowercase().replace(',', " ").replace(['’', '‘'], "'");
    let mut out = Vec::new();
    for w in lower.split_whitespace() {
        match w.split_once('\'') {
            // A year after a month or quarter: `'24` alone is no date.
            Some((before, yy))
                if yy.len() == 2
                    && yy.bytes().all(|b| b.is_ascii_digit())
                    && !(before.is_empty() && out.is_empty()) =>
            {
                if !before.is_empty() {
                    out.push(before.to_owned());
                }
                // `'24` is 2024 and `'99` 1999: the years of a working life.
                let yy: i16 = yy.parse().unwrap_or(0);
                let y = if yy < 70 { 2000 + yy } else { 1900 + yy };
                out.push(y.to_string());
            }
            _ => out.push(w.to_owned()),
        }
    }
    out
}

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:[0-9]{1,2}(?::[0-9]{2}){1,2}(?:am|pm)?|[0-9]{1,2}(?:am|pm))(?:[-–][0-9]{1,2}(?::[0-9]{2}){0,2}(?:am|pm)?)?|[+-][0-9]{2}:?[0-9]{2})$",
    )
    .expect("time pattern is valid")
});
static REPEATER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\.?\+{1,2}|-{1,2})[0-9]+[hdwmy]$").expect("repeater pattern is valid")
});

/// Returns true for a word that may stand beside a date without changing its day: a
/// weekday (`Thu 2024-05-02`), a time (`10:30`, `+0200`), an org-mode repeater (`+1w`),
/// `of`, `the`.
fn is_noise(w: &str) -> bool {
    weekday(w.trim_end_matches('.')).is_some()
        || matches!(
            w,
            "of" | "the" | "on" | "at" | "am" | "pm" | "utc" | "gmt" | "z"
        )
        || TIME.is_match(w)
        || REPEATER.is_match(w)
}

/// Returns the period of a date that names its own year (or a quarter or half of this
/// one): one word, a pair or three words.
fn absolute(words: &[&str], today: Date) -> Option<Period> {
    match words {
        [w] => single(w, today),
        [a, b] => pair(a, b),
        [a, b, c] => triple(a, b, c),
        _ => None,
    }
}

/// Returns the period of one word: `2024-05-02`, `2024-05-02t10:30`, `2024-q3`, `q3/2024`,
/// `2026-h1`, `2024-w18`, `2024q3`; `q3` and `h2` are this year's.
fn single(w: &str, today: Date) -> Option<Period> {
    if let Some(p) = numeric(w) {
        return Some(p);
    }
    if let Some((day, time)) = w.split_once('t')
        && time.starts_with(|c: char| c.is_ascii_digit())
    {
        return numeric(day).filter(|p| p.start == p.end);
    }
    if let Some((a, b)) = w.split_once(['-', '/', '.']) {
        return pair(a, b);
    }
    if let (Some(y), Some(rest)) = (w.get(..4), w.get(4..))
        && y.bytes().all(|b| b.is_ascii_digit())
        && !rest.is_empty()
    {
        return pair(y, rest);
    }
    if let Some(q) = quarter_word(w) {
        return quarter_period(today.year(), q);
    }
    half_word(w).and_then(|h| half_period(today.year(), h))
}

/// Returns the period of two words, one of them a year: `q3 2024`, `2024 q3`, `3q 2024`,
/// `h2 2024`, `2h 2024`, `w18 2024`, `may 2024`, `2024 may`; or an org datetree month,
/// `2024-05 may`.
fn pair(a: &str, b: &str) -> Option<Period> {
    let (y, other) = match (year(a), year(b)) {
        (Some(y), None) => (y, b),
        (None, Some(y)) => (y, a),
        _ => {
            let p = numeric(a)?;
            let whole_month = p.start.day() == 1 && p.end == p.start.last_of_month();
            return (whole_month && month(b) == Some(p.start.month())).then_some(p);
        }
    };
    if let Some(q) = quarter_word(other) {
        return quarter_period(y, q);
    }
    if let Some(h) = half_word(other) {
        return half_period(y, h);
    }
    if let Some(w) = week_word(other) {
        return week_period(y, w);
    }
    month_period(y, month(other)?)
}

/// Returns the period of three words: a day with its month's name (`nov 1 2024`, `1 nov
/// 2024`, `2024 may 02`, `2024 nov 1st`) or a week (`week 18 2024`, `2024 week 18`).
fn triple(a: &str, b: &str, c: &str) -> Option<Period> {
    let is_week = |w: &str| matches!(w, "week" | "wk" | "kw" | "cw");
    if is_week(a) {
        return week_period(year(c)?, b.parse().ok()?);
    }
    if is_week(b) {
        return week_period(year(a)?, c.parse().ok()?);
    }
    let (y, x, z) = match (year(a), year(c)) {
        (_, Some(y)) => (y, a, b),
        (Some(y), None) => (y, b, c),
        _ => return None,
    };
    let (m, d) = match (month(x), month(z)) {
        (Some(m), None) => (m, day(z)?),
        (None, Some(m)) => (m, day(x)?),
        _ => return None,
    };
    Some(Period::day(Date::new(y, m, d).ok()?))
}

fn year(w: &str) -> Option<i16> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

/// Returns the day of `1`, `01`, `1st`, `22nd`, `1.` (German).
fn day(w: &str) -> Option<i8> {
    let n = w
        .trim_end_matches('.')
        .trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (matches!(n.len(), 1 | 2) && n.bytes().all(|b| b.is_ascii_digit()))
        .then(|| n.parse().ok())
        .flatten()
}

/// Returns the quarter of `q3` or `3q`.
fn quarter_word(w: &str) -> Option<i16> {
    let n = w.strip_prefix('q').or_else(|| w.strip_suffix('q'))?;
    (n.len() == 1).then(|| n.parse().ok()).flatten()
}

/// Returns the half of `h2`, `2h` or `hy2`.
fn half_word(w: &str) -> Option<i8> {
    let n = w
        .strip_prefix("hy")
        .or_else(|| w.strip_prefix('h'))
        .or_else(|| w.strip_suffix('h'))?;
    match n {
        "1" => Some(1),
        "2" => Some(2),
        _ => None,
    }
}

/// Returns the ISO week of `w18`, `wk18`, `kw18` or `cw18`.
fn week_word(w: &str) -> Option<i8> {
    let n = ["wk", "kw", "cw", "w"]
        .iter()
        .find_map(|p| w.strip_prefix(p))?;
    (matches!(n.len(), 1 | 2) && n.bytes().all(|b| b.is_ascii_digit()))
        .then(|| n.parse().ok())
        .flatten()
}

/// Returns the period of a date in digits: `2024-05-02`, `2024/05/02`, `2024.05.02`,
/// `20240502`, `2024-05`, `2024/05`, `05/2024`, `05.2024`, `2024`, and with the year
/// last, `02.05.2024` and `02-05-2024` (day first, as in Europe) or `5/2/2024` (month
/// first, as in the US), unless the first number cannot be a month (`13/5/2024`) or the
/// second cannot (`02.13.2024`).
///
/// `2024.05` is not a month: a version number is written so (CalVer).
fn numeric(w: &str) -> Option<Period> {
    let num = |s: &str, len: std::ops::RangeInclusive<usize>| -> Option<i16> {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let day = |y: i16, m: i16, d: i16| -> Option<Period> {
        Some(Period::day(
            Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?,
        ))
    };
    let sep = w.chars().find(|c| matches!(c, '-' | '/' | '.'));
    let parts: Vec<&str> = match sep {
        Some(c) => w.split(c).collect(),
        None => vec![w],
    };
    match parts.as_slice() {
        [y] if y.len() == 8 && y.bytes().all(|b| b.is_ascii_digit()) => day(
            num(&y[..4], 4..=4)?,
            num(&y[4..6], 2..=2)?,
            num(&y[6..], 2..=2)?,
        ),
        [y] => {
            let y = num(y, 4..=4)?;
            Some(Period {
                start: Date::new(y, 1, 1).ok()?,
                end: Date::new(y, 12, 31).ok()?,
            })
        }
        [a, b] => {
            if let (Some(y), Some(m)) = (num(a, 4..=4), num(b, 1..=2)) {
                return (sep != Some('.'))
                    .then(|| month_period(y, i8::try_from(m).ok()?))
                    .flatten();
            }
            let m = num(a, if sep == Some('.') { 2..=2 } else { 1..=2 })?;
            month_period(num(b, 4..=4)?, i8::try_from(m).ok()?)
        }
        [a, b, c] => {
            if let Some(y) = num(a, 4..=4) {
                return day(y, num(b, 1..=2)?, num(c, 1..=2)?);
            }
            let (x, z, y) = (num(a, 1..=2)?, num(b, 1..=2)?, num(c, 4..=4)?);
            let month_first = match sep {
                Some('/') => x <= 12,
                _ => z > 12 && x <= 12,
            };
            if month_first {
                day(y, x, z)
            } else {
                day(y, z, x)
            }
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

fn half_period(y: i16, h: i8) -> Option<Period> {
    let (first, last) = if h == 1 { (1, 6) } else { (7, 12) };
    Some(Period {
        start: Date::new(y, first, 1).ok()?,
        end: Date::new(y, last, 1).ok()?.last_of_month(),
    })
}

/// Returns the days of an ISO week, Monday first.
fn week_period(y: i16, w: i8) -> Option<Period> {
    let start = jiff::civil::ISOWeekDate::new(y, w, Weekday::Monday)
        .ok()?
        .date();
    Some(Period {
        start,
        end: add_days(start, 6)?,
    })
}

fn one_word(w: &str, today: Date) -> Option<Period> {
    let wd = weekday(w)?;
    // A bare weekday is the most recent one, today included.
    let back = (today.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset() + 7) % 7;
    Some(Period::day(add_days(today, -i64::from(back))?))
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

/// A year in a text: `2024`, or `'24` after a month or quarter (`Jan '24`, `Q3'24`).
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:^|[^0-9])((?:19|20)[0-9]{2})|['’]([0-9]{2}))(?:[^0-9]|$)")
        .expect("year pattern is valid")
});

/// Returns the last year a text names, in full.
fn year_in(s: &str) -> Option<i16> {
    let c = YEAR.captures_iter(s).last()?;
    if let Some(y) = c.get(1) {
        return y.as_str().parse().ok();
    }
    let yy: i16 = c.get(2)?.as_str().parse().ok()?;
    Some(if yy < 70 { 2000 + yy } else { 1900 + yy })
}

/// Words that may stand before a date that is a whole text: `Week of 2024-11-04`,
/// `Date: 2024-05`.
const DATE_FILLER: &[&str] = &[
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
    "between",
    "around",
    "circa",
    "ca.",
    "on",
    // The labels of a date line (`When: 2024-05`, rST `:date:`, org `CLOSED:`), in a
    // few languages: `Datum:`, `Fecha:`, `Data:`.
    "date",
    "dated",
    "when",
    "day",
    "closed",
    "completed",
    "finished",
    "datum",
    "fecha",
    "data",
];

/// What sets a date off from the rest of a text: `Brag document — 2025`, `2025-03: Launch`.
const SEPARATORS: [&str; 9] = [" — ", " – ", " - ", " -- ", ": ", ", ", " | ", " · ", " / "];

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
/// start it before a separator (the longest first), then one that opens it in brackets
/// or as a day in digits (`[Nov 1, 2024] Shipped X`, `2024-05-02 Shipped X`).
/// [`find_in_text`] takes the first; a caller that wants a date in one place takes the
/// first in that place.
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
    // A trailing bracket: `Ledger rewrite (Q1 2025)`, `Shipped <2024-05-02 Thu>`. What
    // comes before it may be empty.
    let bracket = std::iter::once_with(move || {
        let (body, open) = [(')', '('), (']', '['), ('>', '<')]
            .iter()
            .find_map(|&(c, o)| t.strip_suffix(c).map(|b| (b, o)))?;
        let open = body.rfind(open)?;
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
    let opening = std::iter::once_with(move || {
        opening_date(t, today).map(|(period, len)| InText {
            period,
            place: Place::Start,
            span: 0..lead + len,
        })
    });
    // The longest first: `Nov 2024 - Jan 2025: Mentored …` starts with the range.
    let starts = seps.into_iter().rev().filter_map(move |(pos, len)| {
        let period = phrase_period(&t[..pos], today)?;
        let after = &t[pos + len..];
        let rest = after.trim_start();
        (!rest.trim_end().is_empty()).then(|| InText {
            period,
            place: Place::Start,
            span: 0..lead + pos + len + (after.len() - rest.len()),
        })
    });
    whole
        .chain(bracket)
        .flatten()
        .chain(ends)
        .chain(starts)
        .chain(opening.flatten())
}

/// Returns the date an item carries (a bullet, a paragraph, a line of a log): one that
/// starts it (`2024-05-02: …`, `[Nov 1, 2024] Shipped X`, `May 2024 – …`), else one that
/// ends it, in brackets or after a separator, naming less than a year (`Shipped X (May
/// 2024)`, `… — 2024-05-02`).
///
/// A year alone at the end of an item is more often what it speaks of (`Read "Designing
/// Data-Intensive Applications" (2017)`) than when it happened: the heading's date is
/// the better guess then. So is it for an item that is nothing but a year; an item that
/// is nothing but a shorter date (`- 2024-05-02`, its notes nested below) is dated by it.
pub fn item_date(text: &str, today: Date) -> Option<InText> {
    let mut end = None;
    for d in dates_in_text(text, today) {
        match d.place {
            Place::Start => return Some(d),
            Place::End | Place::Whole if end.is_none() && shorter_than_a_year(d.period) => {
                end = Some(d);
            }
            _ => {}
        }
    }
    end
}

fn shorter_than_a_year(p: Period) -> bool {
    p.start
        .checked_add(1.year())
        .is_ok_and(|a_year_on| p.end < a_year_on.yesterday().unwrap_or(a_year_on))
}

/// Returns the date that opens a text before its first word, in brackets or emphasis
/// (`[Nov 1, 2024] Shipped X`, `<2024-05-02 Thu>--<2024-05-04 Sat> Offsite`, `**May
/// 2024** …`) or as a day in digits (`2024-05-02 Shipped X`), and the bytes it takes with
/// the separators and spaces after it. The rest of the text may not be empty.
fn opening_date(t: &str, today: Date) -> Option<(Period, usize)> {
    const PAIRS: [(&str, &str); 8] = [
        ("[", "]"),
        ("(", ")"),
        ("<", ">"),
        ("**", "**"),
        ("__", "__"),
        ("*", "*"),
        ("_", "_"),
        ("`", "`"),
    ];
    let enclosed = PAIRS.iter().find_map(|(o, c)| {
        let inner = t.strip_prefix(o)?;
        let close = inner.find(c)?;
        let mut len = o.len() + close + c.len();
        let mut phrase = inner[..close].to_owned();
        // An org-mode range: `<2024-05-02 Thu>--<2024-05-04 Sat>`.
        if let Some(more) = t[len..].strip_prefix("--").and_then(|m| m.strip_prefix(o))
            && let Some(close2) = more.find(c)
        {
            phrase = format!("{phrase} -- {}", &more[..close2]);
            len += 2 + o.len() + close2 + c.len();
        }
        Some((phrase_period(&phrase, today)?, len))
    });
    let (period, len) = match enclosed {
        Some(found) => found,
        None => {
            let word = t.split_whitespace().next()?;
            let p = parse_period(word, today).ok()?;
            (p.start == p.end && YEAR.is_match(word)).then_some((p, word.len()))?
        }
    };
    let rest = t[len..].trim_start_matches(|c: char| c.is_whitespace() || ":;,-–—|·".contains(c));
    (!rest.is_empty()).then_some((period, t.len() - rest.len()))
}

/// Returns a text without the spaces and separators at its end.
fn tidy(s: &str) -> &str {
    s.trim()
        .trim_end_matches([',', ':', ';', '-', '–', '—', '|', '·'])
        .trim()
}

/// Returns the period a whole text names, after words such as `Week of` or `Date:`.
fn whole_date(t: &str, today: Date) -> Option<Period> {
    phrase_period(t, today)
}

/// Words that end a range that is still going on (`2024-03 – present`), and words that
/// end one whose end is not known (`2025-04 until later`).
const OPEN_ENDS: [&[&str]; 2] = [
    &[
        "present",
        "now",
        "today",
        "ongoing",
        "current",
        "currently",
        "date",
    ],
    &["later", "tbd", "...", "…", "?"],
];

/// How a range is written: the first that splits a phrase into two dates is taken.
const RANGE_SEPARATORS: &[&str] = &[
    " to ",
    " until ",
    " till ",
    " through ",
    " thru ",
    " – ",
    " — ",
    " - ",
    "--",
    "–",
    "—",
    "..",
    "-",
];

/// Returns the period of a date phrase that names a year: what [`parse_period`] reads,
/// and also ranges (`2025-04 to 2025-06`, `Jan – Mar 2025`, `May 28 – Jun 3, 2024`), after
/// words that lead to a date (`Week of`, `Date:`, `from`). Brackets and punctuation
/// around it are ignored.
fn phrase_period(s: &str, today: Date) -> Option<Period> {
    let s = s
        .trim()
        .trim_matches(|c: char| "()[],.:;*_\"`".contains(c))
        .trim();
    // Length first: a long text is tried at each of its separators, and a regex over
    // each rest of it would be quadratic in the text.
    if s.is_empty() || s.len() > 4 * 64 || s.chars().count() > 64 || !YEAR.is_match(s) {
        return None;
    }
    // Every word a date phrase holds is one that dates are written with: a text with
    // other words is no date, and is not parsed in all the ways a date may be.
    if s.split_whitespace().count() > 12 || !s.split_whitespace().all(is_date_word) {
        return None;
    }
    let filler = |w: &str| {
        DATE_FILLER.contains(
            &w.trim_matches(|c: char| ":*_".contains(c))
                .to_lowercase()
                .as_str(),
        )
    };
    let mut rest = s;
    loop {
        rest = rest
            .trim()
            .trim_matches(|c: char| "()[],.:;*_\"`".contains(c))
            .trim();
        if let Some(p) = parse_period(rest, today)
            .ok()
            .or_else(|| range(rest, today))
        {
            return Some(p);
        }
        let word = rest.split_whitespace().next()?;
        // `Date:2024-05`: a label glued to its date.
        let after = match word.split_once(':') {
            Some((label, date)) if !label.is_empty() && !date.is_empty() && filler(label) => {
                &rest[label.len() + 1..]
            }
            _ if filler(word) => &rest[word.len()..],
            _ => return None,
        };
        rest = after;
    }
}

/// Returns true for a word that a date phrase may hold: a number, a date in digits, a
/// month or weekday, `Q3`, `H2`, `W18`, `1st`, `10:30`, `3pm`, a word that leads to a date
/// (`Week of`, `Date:`) or joins a range (`to`, `present`).
fn is_date_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "to", "until", "till", "through", "thru", "and", "of", "the", "on", "at", "utc", "gmt",
        "ca", "c",
        // Glued to numbers: `q3`, `2026-h1`, `w18`, `1st`, `3pm`, `2024-05-02t10:30z`, `+1w`.
        "q", "h", "hy", "w", "wk", "kw", "cw", "st", "nd", "rd", "th", "er", "e", "am", "pm", "t",
        "tz", "z", "d", "m", "y",
    ];
    // Each run of letters: `date` in `Date:2024-05`, `w` and `c` in `w/c`, `thu` in
    // `Thu>--<2024-05-04`.
    w.to_lowercase()
        .split(|c: char| !c.is_alphabetic())
        .filter(|run| !run.is_empty())
        .all(|run| {
            WORDS.contains(&run)
                || DATE_FILLER.contains(&run)
                || OPEN_ENDS.iter().any(|e| e.contains(&run))
                || month(run).is_some()
                || weekday(run).is_some()
        })
}

/// Returns the period of a range of dates; its year may be written once, at its end
/// (`Jan – Mar 2025`, `May 3–7, 2024`, `3–7 May 2024`, `Dec 28 – Jan 3, 2025`, which
/// starts the year before). Its end may be a word such as `present`.
fn range(s: &str, today: Date) -> Option<Period> {
    let parse = |s: &str| parse_period(s, today).ok();
    for &sep in RANGE_SEPARATORS {
        let Some((a, b)) = s.split_once(sep) else {
            continue;
        };
        let (a, b) = (a.trim(), b.trim());
        let (ya, yb) = (year_in(a), year_in(b));
        // A bare hyphen joins only dates without their year (`May 3-7, 2024`): it is
        // inside `2024-05-02`.
        if a.is_empty() || b.is_empty() || (sep == "-" && ya.is_some()) {
            continue;
        }
        let from = match (ya, yb) {
            (Some(_), _) => parse(a),
            (None, Some(y)) => parse(&format!("{a} {y}")).or_else(|| {
                let (_, b_rest) = b.split_once(char::is_whitespace)?;
                parse(&format!("{a} {b_rest}"))
            }),
            (None, None) => None,
        };
        let Some(mut from) = from else {
            continue;
        };
        let b_lower = b.to_lowercase();
        let to = if OPEN_ENDS[0].contains(&b_lower.as_str()) {
            Some(Period::day(today.max(from.end)))
        } else if OPEN_ENDS[1].contains(&b_lower.as_str()) {
            Some(from)
        } else if yb.is_some() {
            parse(b).or_else(|| {
                // `May 3–7, 2024`: the end is a day of the start's month.
                let d = day(b.split([',', ' ']).next()?)?;
                Some(Period::day(from.start.with().day(d).build().ok()?))
            })
        } else {
            parse(&format!("{b} {}", from.start.year()))
        };
        let Some(to) = to else {
            continue;
        };
        if to.end < from.start {
            if ya.is_some() {
                // The end comes first: the start alone.
                return Some(from);
            }
            let year_before = |d: Date| d.checked_sub(1.year()).ok();
            from = Period {
                start: year_before(from.start)?,
                end: year_before(from.end)?,
            };
        }
        return Some(Period {
            start: from.start,
            end: to.end.max(from.end),
        });
    }
    None
}

// ---------------------------------------------------------------------------------------
// Dates in file names

/// A day in a file name: `2024-05-02`, `2024_05_02`, `2024.05.02`, `20240502`.
static NAME_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9])((?:19|20|21)[0-9]{2})([-_. ]?)([0-9]{2})([-_. ]?)([0-9]{2})(?:[^0-9]|$)",
    )
    .expect("file-name day pattern is valid")
});
/// A month in a file name: `2024-05`, `2024_05`.
static NAME_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20|21)[0-9]{2})[-_]([0-9]{2})(?:[^0-9]|$)")
        .expect("file-name month pattern is valid")
});

/// Returns the date in a file's name, for a folder of daily (or monthly) notes:
/// `2024-05-02.md`, `2024-05-02-standup.txt`, `standup_2024_05_02.org`, `20240502.md`,
/// `2024-05.md` (its first day), `2024-W18.md`, `Q3 2024.md`.
///
/// A path is read by its last part, and the extension is not part of the date. The day
/// must exist and its separators match (`2024-05_02` is not a date); the years are those
/// [`parse_period`] accepts.
pub fn date_in_file_name(name: &str) -> Option<Date> {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.chars().all(|c| c.is_ascii_alphanumeric()) => {
            stem
        }
        _ => name,
    };
    let in_range = |d: Date| (MIN_YEAR..=MAX_YEAR).contains(&d.year()).then_some(d);
    for c in NAME_DAY.captures_iter(stem) {
        if c[2] != c[4] {
            continue;
        }
        let n = |i: usize| c[i].parse::<i16>().ok();
        let (y, m, d) = (n(1)?, n(3)?, n(5)?);
        if let Ok(day) = Date::new(y, m as i8, d as i8) {
            return in_range(day);
        }
    }
    if let Some(c) = NAME_MONTH.captures(stem) {
        let (y, m) = (c[1].parse::<i16>().ok()?, c[2].parse::<i8>().ok()?);
        if let Ok(first) = Date::new(y, m, 1) {
            return in_range(first);
        }
    }
    // `2024-W18`, `Q3 2024`, `May 2024`: a stem that is only a date.
    let words = stem.replace('_', " ");
    parse_period(&words, jiff::civil::date(2000, 1, 1))
        .ok()
        .filter(|_| YEAR.is_match(&words))
        .map(|p| p.start)
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
            // A range whose end is not known ends with its start; one whose year is
            // written once and whose end comes first starts the year before.
            (
                "2025-04 until later",
                Some(("2025-04-01", "2025-04-30", Whole, "")),
            ),
            (
                "Dec – Jan 2025",
                Some(("2024-12-01", "2025-01-31", Whole, "")),
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

    /// Issue 14: every shape a date is written in, read as a whole phrase.
    #[test]
    fn parse_period_shapes() {
        let cases = [
            // Days.
            ("2024-05-02", "2024-05-02", "2024-05-02"),
            ("2024/05/02", "2024-05-02", "2024-05-02"),
            ("2024.05.02", "2024-05-02", "2024-05-02"),
            ("20240502", "2024-05-02", "2024-05-02"),
            ("2024-05-02T10:30:00Z", "2024-05-02", "2024-05-02"),
            ("2024-05-02 10:30", "2024-05-02", "2024-05-02"),
            ("02.05.2024", "2024-05-02", "2024-05-02"),
            ("2.5.2024", "2024-05-02", "2024-05-02"),
            ("02-05-2024", "2024-05-02", "2024-05-02"),
            ("5/2/2024", "2024-05-02", "2024-05-02"),
            ("05/02/2024", "2024-05-02", "2024-05-02"),
            ("25/12/2024", "2024-12-25", "2024-12-25"),
            ("12.25.2024", "2024-12-25", "2024-12-25"),
            ("Nov 1, 2024", "2024-11-01", "2024-11-01"),
            ("Nov. 1, 2024", "2024-11-01", "2024-11-01"),
            ("1 Nov 2024", "2024-11-01", "2024-11-01"),
            ("November 1st, 2024", "2024-11-01", "2024-11-01"),
            ("the 1st of November 2024", "2024-11-01", "2024-11-01"),
            ("1. November 2024", "2024-11-01", "2024-11-01"),
            ("Thursday, May 2, 2024", "2024-05-02", "2024-05-02"),
            ("2024 May 02", "2024-05-02", "2024-05-02"),
            ("2024-05-02 Thursday", "2024-05-02", "2024-05-02"),
            ("<2024-05-02 Thu>", "2024-05-02", "2024-05-02"),
            ("[2024-05-02 Thu 10:30]", "2024-05-02", "2024-05-02"),
            (
                "<2024-05-02 Thu 10:00-11:30 +1w>",
                "2024-05-02",
                "2024-05-02",
            ),
            ("[Nov 1, 2024]", "2024-11-01", "2024-11-01"),
            ("(2024-05-02)", "2024-05-02", "2024-05-02"),
            ("**2024-05-02**", "2024-05-02", "2024-05-02"),
            ("May 2, 2024 at 3pm", "2024-05-02", "2024-05-02"),
            (
                "Thu, 02 May 2024 10:30:00 +0000",
                "2024-05-02",
                "2024-05-02",
            ),
            ("2024-05-02T10:30:00+02:00", "2024-05-02", "2024-05-02"),
            ("5/2/2024 10:30 AM", "2024-05-02", "2024-05-02"),
            // Months.
            ("2024-05", "2024-05-01", "2024-05-31"),
            ("2024/05", "2024-05-01", "2024-05-31"),
            ("05/2024", "2024-05-01", "2024-05-31"),
            ("05.2024", "2024-05-01", "2024-05-31"),
            ("May 2024", "2024-05-01", "2024-05-31"),
            ("2024 May", "2024-05-01", "2024-05-31"),
            ("Jan '24", "2024-01-01", "2024-01-31"),
            ("Jan’24", "2024-01-01", "2024-01-31"),
            ("Sep '99", "1999-09-01", "1999-09-30"),
            ("[Jan 2024]", "2024-01-01", "2024-01-31"),
            ("2024-05 May", "2024-05-01", "2024-05-31"),
            // Quarters and halves.
            ("Q3 2024", "2024-07-01", "2024-09-30"),
            ("2024 Q3", "2024-07-01", "2024-09-30"),
            ("Q3'24", "2024-07-01", "2024-09-30"),
            ("Q3 '24", "2024-07-01", "2024-09-30"),
            ("Q3-2024", "2024-07-01", "2024-09-30"),
            ("Q3/2024", "2024-07-01", "2024-09-30"),
            ("3Q 2024", "2024-07-01", "2024-09-30"),
            ("H2 2024", "2024-07-01", "2024-12-31"),
            ("2026-H1", "2026-01-01", "2026-06-30"),
            ("2026H1", "2026-01-01", "2026-06-30"),
            ("2H 2024", "2024-07-01", "2024-12-31"),
            ("H1'25", "2025-01-01", "2025-06-30"),
            ("H2", "2026-07-01", "2026-12-31"),
            // ISO weeks, Monday to Sunday.
            ("2024-W18", "2024-04-29", "2024-05-05"),
            ("2024W18", "2024-04-29", "2024-05-05"),
            ("W18 2024", "2024-04-29", "2024-05-05"),
            ("Week 18, 2024", "2024-04-29", "2024-05-05"),
            ("week 18 of 2024", "2024-04-29", "2024-05-05"),
            ("KW 18 2024", "2024-04-29", "2024-05-05"),
            ("2025-W01", "2024-12-30", "2025-01-05"),
        ];
        for (input, start, end) in cases {
            assert_eq!(p(input), (start.to_owned(), end.to_owned()), "{input}");
        }
    }

    /// Numbers and words that are not dates, whole or as a phrase.
    #[test]
    fn parse_period_rejects_false_dates() {
        for bad in [
            "3/4",
            "3/4 of the team",
            "10:30",
            "2024.05",
            "v1.2.2024",
            "$2024",
            "2,024",
            "1234-56",
            "2024-05_02",
            "32.05.2024",
            "13/13/2024",
            "2024-W54",
            "2023-W53",
            "Week 60, 2024",
            "Q3 2024 planning",
            "May",
            "May 3",
            "H3 2024",
            "'24",
            "Nov 31, 2024",
        ] {
            assert!(
                parse_period(bad, TODAY).is_err(),
                "{bad:?} should be rejected, got {:?}",
                parse_period(bad, TODAY)
            );
        }
    }

    /// Issue 14: dates in prose as people write them: labelled, bracketed, leading,
    /// trailing, ranges.
    #[test]
    fn find_in_text_shapes() {
        use Place::{End, Start, Whole};
        type Case<'a> = (&'a str, (&'a str, &'a str, Place, &'a str));
        let cases: &[Case<'_>] = &[
            // Date lines, with their labels.
            ("Date: Nov 1, 2024", ("2024-11-01", "2024-11-01", Whole, "")),
            ("When: 2024-05", ("2024-05-01", "2024-05-31", Whole, "")),
            ("Data: 02/05/2024", ("2024-02-05", "2024-02-05", Whole, "")),
            ("Datum: 02.05.2024", ("2024-05-02", "2024-05-02", Whole, "")),
            (":date: 2024-05-02", ("2024-05-02", "2024-05-02", Whole, "")),
            (
                "**Date:** May 2024",
                ("2024-05-01", "2024-05-31", Whole, ""),
            ),
            (
                "CLOSED: [2024-05-02 Thu 10:30]",
                ("2024-05-02", "2024-05-02", Whole, ""),
            ),
            (
                "Week of May 6, 2024",
                ("2024-05-06", "2024-05-06", Whole, ""),
            ),
            ("w/c 2024-11-04", ("2024-11-04", "2024-11-04", Whole, "")),
            ("ca. 2019", ("2019-01-01", "2019-12-31", Whole, "")),
            ("** 2024 May 02", ("2024-05-02", "2024-05-02", Whole, "")),
            (
                "2024-05-02 Thursday",
                ("2024-05-02", "2024-05-02", Whole, ""),
            ),
            // Ranges: the period starts with the range.
            ("May 3–7, 2024", ("2024-05-03", "2024-05-07", Whole, "")),
            ("May 3-7, 2024", ("2024-05-03", "2024-05-07", Whole, "")),
            ("3–7 May 2024", ("2024-05-03", "2024-05-07", Whole, "")),
            (
                "May 28 – Jun 3, 2024",
                ("2024-05-28", "2024-06-03", Whole, ""),
            ),
            (
                "2024-05-02 to 2024-05-09",
                ("2024-05-02", "2024-05-09", Whole, ""),
            ),
            (
                "Nov 2024 - Jan 2025",
                ("2024-11-01", "2025-01-31", Whole, ""),
            ),
            (
                "Dec 28 – Jan 3, 2025",
                ("2024-12-28", "2025-01-03", Whole, ""),
            ),
            (
                "<2024-05-02 Thu>--<2024-05-04 Sat>",
                ("2024-05-02", "2024-05-04", Whole, ""),
            ),
            ("Q3–Q4 2024", ("2024-07-01", "2024-12-31", Whole, "")),
            ("2024-03 – present", ("2024-03-01", "2026-11-25", Whole, "")),
            (
                "from Jan to Mar 2025",
                ("2025-01-01", "2025-03-31", Whole, ""),
            ),
            // Leading dates.
            (
                "[Nov 1, 2024] Shipped X",
                ("2024-11-01", "2024-11-01", Start, "Shipped X"),
            ),
            (
                "[Jan 2024] Kicked off the audit",
                ("2024-01-01", "2024-01-31", Start, "Kicked off the audit"),
            ),
            (
                "(2024-05-02) Fixed the build",
                ("2024-05-02", "2024-05-02", Start, "Fixed the build"),
            ),
            (
                "<2024-05-02 Thu> Demo day",
                ("2024-05-02", "2024-05-02", Start, "Demo day"),
            ),
            (
                "<2024-05-02 Thu>--<2024-05-04 Sat> Offsite",
                ("2024-05-02", "2024-05-04", Start, "Offsite"),
            ),
            (
                "**2024-05-02** Shipped the API",
                ("2024-05-02", "2024-05-02", Start, "Shipped the API"),
            ),
            (
                "_Nov 1, 2024_ Shipped the API",
                ("2024-11-01", "2024-11-01", Start, "Shipped the API"),
            ),
            (
                "2024-05-02: Shipped X",
                ("2024-05-02", "2024-05-02", Start, "Shipped X"),
            ),
            (
                "2024-05-02 - Shipped X",
                ("2024-05-02", "2024-05-02", Start, "Shipped X"),
            ),
            (
                "2024-05-02 Shipped X",
                ("2024-05-02", "2024-05-02", Start, "Shipped X"),
            ),
            (
                "May 2024 – Led the migration",
                ("2024-05-01", "2024-05-31", Start, "Led the migration"),
            ),
            (
                "Nov 1, 2024: Shipped X",
                ("2024-11-01", "2024-11-01", Start, "Shipped X"),
            ),
            (
                "2024-05-02 -- Shipped X",
                ("2024-05-02", "2024-05-02", Start, "Shipped X"),
            ),
            (
                "Q3'24: Closed the deal",
                ("2024-07-01", "2024-09-30", Start, "Closed the deal"),
            ),
            // Trailing dates.
            (
                "Offsite (May 3–7, 2024)",
                ("2024-05-03", "2024-05-07", End, "Offsite"),
            ),
            (
                "Payments — H2 2024",
                ("2024-07-01", "2024-12-31", End, "Payments"),
            ),
            (
                "Shipped X [Nov 1, 2024]",
                ("2024-11-01", "2024-11-01", End, "Shipped X"),
            ),
            (
                "Release train, 2024-W18",
                ("2024-04-29", "2024-05-05", End, "Release train"),
            ),
            (
                "Launch <2024-05-02 Thu>",
                ("2024-05-02", "2024-05-02", End, "Launch"),
            ),
        ];
        for &(text, (start, end, place, rest)) in cases {
            let got = find_in_text(text, TODAY).map(|d| {
                (
                    d.period.start.to_string(),
                    d.period.end.to_string(),
                    d.place,
                    d.rest(text).to_owned(),
                )
            });
            let want = (start.to_owned(), end.to_owned(), place, rest.to_owned());
            assert_eq!(got, Some(want), "{text:?}");
        }
    }

    /// Prose that holds numbers, times, money and versions, but no date.
    #[test]
    fn find_in_text_false_dates() {
        for text in [
            "Convinced 3/4 of the team to adopt it",
            "Standup moved to 10:30",
            "Saved $2,024 a month",
            "Budget: $2024",
            "Upgraded to v1.2.2024",
            "Released 2024.05 of the SDK",
            "Release: 2024.05",
            "Fixed JIRA-2024-05",
            "Ticket #2024",
            "Cut p95 from 800 ms to 210 ms",
            "Served 2000 users",
            "Notes from the 2024 offsite",
            "May 3 – shipped the thing",
            "Met on May 3",
            "2024 Q3 planning doc",
            "Grew signups 12% in 2024",
            "Read 2 of 3 books",
            "Order 20240502 shipped",
            "2025-03 - Launch - see notes",
        ] {
            let got = find_in_text(text, TODAY).filter(|d| d.place == Place::Whole);
            assert_eq!(got, None, "{text:?}");
        }
        for text in [
            "Convinced 3/4 of the team to adopt it",
            "Standup moved to 10:30",
            "Saved $2,024 a month",
            "Upgraded to v1.2.2024",
            "Released 2024.05 of the SDK",
            "Fixed JIRA-2024-05",
            "Ticket #2024",
            "Served 2000 users",
            "Notes from the 2024 offsite",
            "May 3 – shipped the thing",
            "Order 20240502 shipped",
            "Grew signups 12% in 2024",
        ] {
            assert_eq!(find_in_text(text, TODAY), None, "{text:?}");
        }
    }

    /// Issue 14: an item's own date, and the title it leaves.
    #[test]
    fn item_date_cases() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("[Nov 1, 2024] Shipped X", Some(("2024-11-01", "Shipped X"))),
            ("2024-05-02: Shipped X", Some(("2024-05-02", "Shipped X"))),
            (
                "May 2024 – Led the migration",
                Some(("2024-05-01", "Led the migration")),
            ),
            ("Shipped X (May 2024)", Some(("2024-05-01", "Shipped X"))),
            ("Shipped X — 2024-05-02", Some(("2024-05-02", "Shipped X"))),
            (
                "Moved billing, Q3 2024",
                Some(("2024-07-01", "Moved billing")),
            ),
            // The leading date wins over a trailing one.
            (
                "2024-06-12: went to the offsite — 2025",
                Some(("2024-06-12", "went to the offsite — 2025")),
            ),
            // A year alone at the end says what the item is about, not when.
            (
                "Read \"Designing Data-Intensive Applications\" (2017)",
                None,
            ),
            ("Spoke at the meetup — 2024", None),
            ("2024-05-02", Some(("2024-05-02", ""))),
            ("Week of May 6, 2024", Some(("2024-05-06", ""))),
            ("2024", None),
            ("Paired weekly with Sam", None),
            ("Ran the workshop (14 attendees)", None),
        ];
        for &(text, want) in cases {
            let got = item_date(text, TODAY)
                .map(|d| (d.period.start.to_string(), d.rest(text).to_owned()));
            let want = want.map(|(d, r)| (d.to_owned(), r.to_owned()));
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn date_in_file_name_cases() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2024-05-02.md", Some("2024-05-02")),
            ("2024-05-02-standup.txt", Some("2024-05-02")),
            ("20240502.md", Some("2024-05-02")),
            ("2024_05_02.org", Some("2024-05-02")),
            ("2024.05.02.txt", Some("2024-05-02")),
            ("standup 2024-05-02.md", Some("2024-05-02")),
            ("notes/daily/2024-05-02.md", Some("2024-05-02")),
            ("C:\\notes\\2024-05-02.md", Some("2024-05-02")),
            ("IMG_20240502_101500.jpg", Some("2024-05-02")),
            ("2024-05.md", Some("2024-05-01")),
            ("2024-W18.md", Some("2024-04-29")),
            ("Q3 2024.md", Some("2024-07-01")),
            ("May 2024.txt", Some("2024-05-01")),
            ("2024.md", Some("2024-01-01")),
            // No date.
            ("standup.md", None),
            ("notes-v2.md", None),
            // Separators that differ make no day, but the month is there.
            ("2024-05_02.md", Some("2024-05-01")),
            ("2024-13-45.md", None),
            ("1234567890.md", None),
            ("Q3.md", None),
            ("", None),
            (".md", None),
            ("1850-01-01.md", None),
        ];
        for &(name, want) in cases {
            let got = date_in_file_name(name).map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{name:?}");
        }
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
                // The year the period starts in, or the next one: `Dec – Jan 2025`
                // starts in December 2024.
                let y = d.period.start.year();
                let piece = piece.unwrap_or("");
                let holds = |y: i16| {
                    piece.contains(&y.to_string()) || piece.contains(&format!("'{:02}", y % 100))
                };
                prop_assert!(holds(y) || holds(y + 1), "{text:?}: {d:?}");
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

        /// Issue 14: any day, written in each shape people write days in, reads back as
        /// that day: as a phrase, as a whole line, opening an item and closing one.
        #[test]
        fn day_shapes_round_trip(day in any_day(), short in any::<bool>(), wd in any::<bool>()) {
            let today = jiff::civil::date(2026, 11, 25);
            let (y, m, d) = (day.year(), day.month(), day.day());
            let month = if short { &MONTHS[m as usize - 1][..3] } else { MONTHS[m as usize - 1] };
            let weekday = WEEKDAYS[day.weekday().to_monday_zero_offset() as usize];
            let wkd = &weekday[..3];
            let ord = match d {
                1 | 21 | 31 => "st",
                2 | 22 => "nd",
                3 | 23 => "rd",
                _ => "th",
            };
            let mut shapes = vec![
                format!("{day}"),
                format!("{y}/{m:02}/{d:02}"),
                format!("{y}.{m:02}.{d:02}"),
                format!("{d:02}.{m:02}.{y}"),
                format!("{d}.{m}.{y}"),
                format!("{m}/{d}/{y}"),
                format!("{month} {d}, {y}"),
                format!("{d} {month} {y}"),
                format!("{month} {d}{ord}, {y}"),
                format!("{y} {month} {d:02}"),
                format!("<{day} {wkd}>"),
                format!("[{day} {wkd} 10:30]"),
                format!("{day} {weekday}"),
                format!("{weekday}, {month} {d}, {y}"),
                format!("{day}T09:15:00Z"),
            ];
            if wd {
                // A range starts on its first day.
                let next = day.tomorrow().unwrap_or(day);
                shapes.push(format!("{day} to {next}"));
                shapes.push(format!("<{day} {wkd}>--<{next}>"));
                if next.month() == day.month() {
                    shapes.push(format!("{month} {d}–{}, {y}", next.day()));
                } else {
                    shapes.push(format!("{month} {d} – {} 1, {}", &MONTHS[next.month() as usize - 1][..3], next.year()));
                }
            }
            for shape in &shapes {
                let item = if shape.starts_with(['[', '<']) {
                    format!("{shape} Shipped the thing")
                } else {
                    format!("[{shape}] Shipped the thing")
                };
                let lead = format!("{shape}: Shipped the thing");
                let tail = format!("Shipped the thing ({shape})");
                let whole = whole_text_date(shape, today).map(|p| p.start);
                prop_assert_eq!(whole, Some(day), "{}", shape);
                for text in [&item, &lead, &tail] {
                    let got = item_date(text, today);
                    prop_assert_eq!(got.as_ref().map(|d| d.period.start), Some(day), "{}", text);
                    let rest = got.map(|d| d.rest(text).to_owned());
                    prop_assert_eq!(rest.as_deref(), Some("Shipped the thing"), "{}", text);
                }
            }
            prop_assert_eq!(parse_period(&format!("{y}{m:02}{d:02}"), today).map(|p| p.start), Ok(day));
            prop_assert_eq!(date_in_file_name(&format!("{y}{m:02}{d:02}.md")), Some(day));
            prop_assert_eq!(date_in_file_name(&format!("{day}-standup.txt")), Some(day));
            prop_assert_eq!(date_in_file_name(&format!("notes_{y}_{m:02}_{d:02}.org")), Some(day));
        }

        /// Issue 14: months, quarters, halves and weeks in each of their shapes read
        /// back as their first day.
        #[test]
        fn period_shapes_round_trip(day in any_day(), short in any::<bool>()) {
            let today = jiff::civil::date(2026, 11, 25);
            let (y, m) = (day.year(), day.month());
            let month = if short { &MONTHS[m as usize - 1][..3] } else { MONTHS[m as usize - 1] };
            let yy = y % 100;
            let q = (m - 1) / 3 + 1;
            let h = (m - 1) / 6 + 1;
            let first_of = |m: i8| Date::new(y, m, 1).ok();
            let week = day.iso_week_date();
            let (wy, w) = (week.year(), week.week());
            let monday = week.first_of_week().ok().map(|w| w.date());
            let mut cases = vec![
                (format!("{y}-{m:02}"), first_of(m)),
                (format!("{m:02}/{y}"), first_of(m)),
                (format!("{month} {y}"), first_of(m)),
                (format!("{y} {month}"), first_of(m)),
                (format!("{y}-{m:02} {}", MONTHS[m as usize - 1]), first_of(m)),
                (format!("Q{q} {y}"), first_of((q - 1) * 3 + 1)),
                (format!("{y} Q{q}"), first_of((q - 1) * 3 + 1)),
                (format!("{y}-Q{q}"), first_of((q - 1) * 3 + 1)),
                (format!("{q}Q {y}"), first_of((q - 1) * 3 + 1)),
                (format!("H{h} {y}"), first_of((h - 1) * 6 + 1)),
                (format!("{y}-H{h}"), first_of((h - 1) * 6 + 1)),
                (format!("{h}H {y}"), first_of((h - 1) * 6 + 1)),
                (format!("{wy}-W{w:02}"), monday),
                (format!("Week {w}, {wy}"), monday),
                (format!("W{w} {wy}"), monday),
                (format!("Week of {day}"), Some(day)),
            ];
            // `'24` is a year of 1970-2069.
            if (1970..2070).contains(&y) {
                cases.push((format!("{month} '{yy:02}"), first_of(m)));
                cases.push((format!("Q{q}'{yy:02}"), first_of((q - 1) * 3 + 1)));
            }
            for (shape, want) in &cases {
                prop_assert!(want.is_some(), "{}", shape);
                let whole = whole_text_date(shape, today).map(|p| p.start);
                prop_assert_eq!(whole, *want, "{}", shape);
                let lead = format!("{shape} – Shipped the thing");
                prop_assert_eq!(item_date(&lead, today).map(|d| d.period.start), *want, "{}", lead);
            }
        }

        #[test]
        fn item_date_and_file_names_never_panic(s in "\\PC{0,60}") {
            let today = jiff::civil::date(2026, 11, 25);
            if let Some(d) = item_date(&s, today) {
                prop_assert!(s.get(d.span.clone()).is_some(), "{s:?}: {d:?}");
                prop_assert!(d.place == Place::Whole || !d.rest(&s).is_empty(), "{s:?}: {d:?}");
            }
            if let Some(d) = date_in_file_name(&s) {
                prop_assert!((MIN_YEAR..=MAX_YEAR).contains(&d.year()), "{s:?}: {d}");
            }
        }

        /// Prose made of date-like pieces: no panic, and every date found lies in the
        /// years brag accepts.
        #[test]
        fn date_like_prose_never_panics(
            pieces in proptest::collection::vec(
                prop_oneof![
                    "[0-9]{1,4}",
                    "[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4}",
                    "['’][0-9]{2}",
                    "[QqHhWw][0-9]{1,2}",
                    "(Mon|Thu|Nov|May|Sept|week|of|to|the|present)",
                    "[-–—:,|·/()\\[\\]<>.;*_ ]{1,3}",
                    "\\PC{0,3}",
                ],
                0..12,
            ),
        ) {
            let text: String = pieces.concat();
            let today = jiff::civil::date(2026, 11, 25);
            for d in dates_in_text(&text, today) {
                prop_assert!(text.get(d.span.clone()).is_some(), "{text:?}: {d:?}");
                prop_assert!(d.period.start <= d.period.end, "{text:?}: {d:?}");
                prop_assert!(d.period.start.year() >= MIN_YEAR - 1 && d.period.end.year() <= MAX_YEAR, "{text:?}: {d:?}");
            }
            let _ = item_date(&text, today);
            let _ = date_in_file_name(&text);
        }
    }

    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const WEEKDAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];

    /// Returns any day of the years prose names (1900-2099: `2150` in a text is no
    /// date), a week inside them.
    fn any_day() -> impl Strategy<Value = Date> {
        (1901i16..2099, 1i8..=12, 1i8..=31)
            .prop_filter_map("a day of the month", |(y, m, d)| Date::new(y, m, d).ok())
    }
}
