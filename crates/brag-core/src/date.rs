//! Dates as people write them: `2025-03-14`, `2025-03`, `Q1 2025`, `yesterday`,
//! `last friday`, `2 weeks ago`, `March 2025`.
//!
//! Every phrase names a period (a day, a week, a month, a quarter, a year). `--from` takes
//! its first day and `--to` its last, so `--from 2025-01 --to 2025-03` covers all of Q1.
//! "Today" is always a parameter: nothing here reads a clock.

use jiff::civil::{Date, Weekday};
use jiff::{Span, ToSpan};

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
