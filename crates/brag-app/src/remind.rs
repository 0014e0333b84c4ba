//! `brag remind`: has the record gone quiet, and what could be written now?

use brag_core::coach;
use brag_core::entry::Kind;
use brag_core::filter::Filter;
use jiff::civil::Date;
use serde::Serialize;

use crate::{App, AppError};

/// How many days without a new entry make the record quiet, unless `brag.toml` says
/// otherwise (`[remind] days = N`).
pub const DEFAULT_DAYS: u32 = 7;

/// A story the coach scores under this is weak (as `brag coach` colours it).
const WEAK: u8 = 40;

/// Returns whether the record has gone quiet, and what could be recorded.
#[derive(Clone, Debug, Serialize)]
pub struct Reminder {
    /// True when no entry is dated within the last `days` days.
    pub quiet: bool,
    /// The quiet period that counts.
    pub days: u32,
    /// The newest entry dated today or before (drafts aside), if any.
    pub last: Option<Latest>,
    /// Days since it (`None` for an empty record).
    pub days_since: Option<i64>,
    /// Drafts from `brag harvest` waiting for review, newest first.
    pub drafts: Vec<Latest>,
    /// Stories the coach scores weak (under 40 of 100), weakest first.
    pub weak: Vec<Latest>,
    /// Entries dated this ISO week (Monday to Sunday), for `brag report week`.
    pub this_week: usize,
    /// Entries dated the week before, for `brag report week --last`.
    pub last_week: usize,
}

/// Returns an entry as a reminder names it.
#[derive(Clone, Debug, Serialize)]
pub struct Latest {
    /// The entry's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its date.
    pub date: Option<Date>,
    /// The coach's score, 0–100.
    pub score: u8,
}

impl App {
    /// Returns the reminder for today: quiet when no entry is dated within `days` days
    /// (default: `remind.days` in `brag.toml`, else 7).
    pub fn remind(&self, days: Option<u32>) -> Result<Reminder, AppError> {
        let days = match days {
            Some(d) => d,
            None => self
                .config()?
                .remind
                .days
                .map_or(DEFAULT_DAYS, std::num::NonZeroU32::get),
        };
        if days == 0 {
            return Err(AppError::invalid("days", "--days must be 1 or more"));
        }
        self.refresh()?;
        let today = self.today();
        let entries = self.conn()?.list(&Filter::default(), None)?;
        let monday = today
            .checked_sub(jiff::Span::new().days(i64::from(today.weekday().to_monday_zero_offset())))
            .unwrap_or(today);
        let last_monday = monday
            .checked_sub(jiff::Span::new().days(7))
            .unwrap_or(monday);
        let mut last: Option<&brag_core::Entry> = None;
        let (mut drafts, mut this_week, mut last_week) = (Vec::new(), 0, 0);
        let mut weak = Vec::new();
        for e in &entries {
            if e.is_draft() {
                drafts.push(latest(e, coach::coach(e, today).score));
                continue;
            }
            if let Some(d) = e.date.filter(|d| *d <= today) {
                if last.is_none_or(|l| l.date.is_none_or(|ld| d > ld)) {
                    last = Some(e);
                }
                if d >= monday {
                    this_week += 1;
                } else if d >= last_monday {
                    last_week += 1;
                }
            }
            if e.kind == Kind::Story {
                let score = coach::coach(e, today).score;
                if score < WEAK {
                    weak.push(latest(e, score));
                }
            }
        }
        weak.sort_by(|a, b| a.score.cmp(&b.score).then_with(|| a.id.cmp(&b.id)));
        let days_since = last
            .and_then(|e| e.date)
            .map(|d| (today - d).get_days().into());
        let quiet = days_since.is_none_or(|n: i64| n >= i64::from(days));
        Ok(Reminder {
            quiet,
            days,
            last: last.map(|e| latest(e, coach::coach(e, today).score)),
            days_since,
            drafts,
            weak,
            this_week,
            last_week,
        })
    }
}

fn latest(e: &brag_core::Entry, score: u8) -> Latest {
    Latest {
        id: e.id.to_string(),
        title: e.title.clone(),
        date: e.date,
        score,
    }
}
