//! "Today", read per call: a server that runs past midnight must date tomorrow's entries
//! tomorrow. Tests and reproducible demos fix it with `BRAG_NOW=YYYY-MM-DD`.
//!
//! brag-core never reads a clock; the app asks this one and passes the day down.

use jiff::civil::Date;

use crate::AppError;

/// Returns where "today" comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The local date, read when asked.
    System,
    /// A fixed day.
    Fixed(Date),
}

impl Clock {
    /// Returns the clock the environment asks for: `BRAG_NOW` when it is set and not
    /// empty (a date, or a timestamp whose first ten characters are one), else the system.
    pub fn from_env() -> Result<Clock, AppError> {
        match std::env::var("BRAG_NOW") {
            Ok(now) if !now.is_empty() => now
                .get(..10)
                .unwrap_or(&now)
                .parse()
                .map(Clock::Fixed)
                .map_err(|_| {
                    AppError::invalid(
                        "BRAG_NOW",
                        format!("BRAG_NOW=`{now}` is not a date (YYYY-MM-DD)"),
                    )
                }),
            _ => Ok(Clock::System),
        }
    }

    /// Returns today's date.
    pub fn today(&self) -> Date {
        match self {
            Clock::Fixed(d) => *d,
            Clock::System => local_today(),
        }
    }
}

/// Returns today's date in the local time zone.
fn local_today() -> Date {
    let now = jiff::Timestamp::now();
    // Read /etc/localtime ourselves: asking jiff for the system zone by name makes it walk
    // the whole zoneinfo tree, a few milliseconds that `brag add` cannot spare.
    if std::env::var_os("TZ").is_none()
        && let Ok(bytes) = std::fs::read("/etc/localtime")
        && let Ok(tz) = jiff::tz::TimeZone::tzif("Local", &bytes)
    {
        return now.to_zoned(tz).date();
    }
    jiff::Zoned::now().date()
}
