//! Documents made from the record: the brag document, a review packet, a weekly update,
//! resume bullets and an interview story bank, in Markdown, self-contained HTML, JSON or
//! PDF (with the `pdf` feature), and writing them to a file atomically.

use std::io::Write as _;
use std::path::Path;

use brag_core::entry::{Entry, Kind};
use brag_core::filter::Filter;
use brag_core::render;
use brag_core::report::{self, Input, Options, Report, ReportKind};
use brag_vault::VaultError;
use jiff::civil::Date;

use crate::{App, AppError};

/// Returns a report's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportFormat {
    /// CommonMark, no HTML.
    Markdown,
    /// One self-contained HTML document: inline CSS and SVG, a print stylesheet.
    Html,
    /// The data behind the report, one documented shape per kind.
    Json,
    /// A PDF made in-process with typst (the `pdf` feature).
    Pdf,
}

impl ReportFormat {
    /// Every format, in the order help text lists them.
    pub const ALL: [ReportFormat; 4] = [
        ReportFormat::Markdown,
        ReportFormat::Html,
        ReportFormat::Json,
        ReportFormat::Pdf,
    ];

    /// Returns the format's name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportFormat::Markdown => "md",
            ReportFormat::Html => "html",
            ReportFormat::Json => "json",
            ReportFormat::Pdf => "pdf",
        }
    }

    /// Returns the format a file name's extension names (`.md`, `.markdown`, `.html`,
    /// `.htm`, `.json`, `.pdf`).
    pub fn from_path(path: &Path) -> Option<ReportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        ext.parse().ok()
    }

    /// Returns true for the formats a terminal should not get: a page of HTML or binary
    /// PDF is written to a file.
    pub fn wants_a_file(self) -> bool {
        matches!(self, ReportFormat::Html | ReportFormat::Pdf)
    }

    /// Returns true when this build can make the format (PDF needs the `pdf` feature).
    pub fn available(self) -> bool {
        self != ReportFormat::Pdf || cfg!(feature = "pdf")
    }
}

impl std::fmt::Display for ReportFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ReportFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(ReportFormat::Markdown),
            "html" | "htm" => Ok(ReportFormat::Html),
            "json" => Ok(ReportFormat::Json),
            "pdf" => Ok(ReportFormat::Pdf),
            _ => Err(format!(
                "unknown format `{s}` (expected one of: md, html, json, pdf)"
            )),
        }
    }
}

/// Returns what report to make, as the user asks for it.
#[derive(Clone, Debug)]
pub struct ReportRequest {
    /// Which report.
    pub kind: ReportKind,
    /// The first day, as a date phrase; the kind's default when `None`.
    pub from: Option<String>,
    /// The last day, as a date phrase (a month or quarter counts to its end); the kind's
    /// default when `None`.
    pub to: Option<String>,
    /// `week` only: the week before this one.
    pub last: bool,
    /// `resume` only: the most bullets (default 10).
    pub limit: Option<usize>,
    /// `review` only: list the stories that still need work (the default).
    pub todo: bool,
}

impl ReportRequest {
    /// Returns a request for a kind with its defaults.
    pub fn new(kind: ReportKind) -> ReportRequest {
        ReportRequest {
            kind,
            from: None,
            to: None,
            last: false,
            limit: None,
            todo: true,
        }
    }

    /// Returns the period, checked as of `today`: `--from`/`--to` where given, the kind's
    /// default for the other end; options that make no sense for the kind are refused.
    pub fn period(&self, today: Date) -> Result<(Option<Date>, Option<Date>), AppError> {
        if self.last && self.kind != ReportKind::Week {
            return Err(AppError::invalid(
                "last",
                "only `brag report week` has a last week; use --from and --to for other periods",
            ));
        }
        if self.limit.is_some() && self.kind != ReportKind::Resume {
            return Err(AppError::invalid(
                "limit",
                "only `brag report resume` takes a number of bullets",
            ));
        }
        if !self.todo && self.kind != ReportKind::Review {
            return Err(AppError::invalid(
                "no-todo",
                "only `brag report review` lists the stories that need work",
            ));
        }
        if self.limit == Some(0) {
            return Err(AppError::invalid("limit", "must be at least 1"));
        }
        let (from, to) = crate::query::date_range(self.from.as_deref(), self.to.as_deref(), today)?;
        let (dfrom, dto) = report::default_period(self.kind, today, self.last);
        let period = (from.or(dfrom), to.or(dto));
        if let (Some(a), Some(b)) = period
            && a > b
        {
            return Err(AppError::invalid(
                "range",
                format!("the period would start on {a}, after its end on {b}"),
            ));
        }
        Ok(period)
    }
}

impl App {
    /// Returns the report asked for, made from the vault as it is now.
    pub fn report(&self, req: &ReportRequest) -> Result<Report, AppError> {
        let today = self.today();
        let period = req.period(today)?;
        self.refresh()?;
        let catalogue = self.catalogue()?;
        let entries: Vec<report::SharedEntry> = self
            .report_entries(req.kind, period)?
            .into_iter()
            .map(Into::into)
            .collect();
        let input = Input {
            entries: &entries,
            frameworks: catalogue.frameworks(),
            today,
            period,
            options: Options {
                limit: req.limit.unwrap_or(Options::default().limit),
                todo: req.todo,
            },
        };
        Ok(report::build(req.kind, &input))
    }

    /// Returns the entries a report reads: those of the period (the builder keeps exactly
    /// the period's), and for the week also the goals before it, which may still be open.
    fn report_entries(
        &self,
        kind: ReportKind,
        (from, to): (Option<Date>, Option<Date>),
    ) -> Result<Vec<Entry>, AppError> {
        let index = self.conn()?;
        let period = Filter {
            from,
            to,
            ..Filter::default()
        };
        let mut entries = index.list(&period, None)?;
        if kind == ReportKind::Week {
            let goals = Filter {
                to,
                kind: Some(Kind::Goal),
                ..Filter::default()
            };
            // Newest first, as many as it takes to find the open ones the week lists: a
            // long record holds hundreds of goals, most of them done.
            let mut limit = 4 * report::NEXT_GOALS;
            let found = loop {
                let found = index.list(&goals, Some(limit))?;
                let open = found.iter().filter(|g| report::is_open_goal(g)).count();
                if open >= report::NEXT_GOALS || found.len() < limit {
                    break found;
                }
                limit *= 4;
            };
            let seen: std::collections::HashSet<String> =
                entries.iter().map(|e| e.path.clone()).collect();
            entries.extend(found.into_iter().filter(|e| !seen.contains(&e.path)));
        }
        Ok(entries)
    }
}

/// Returns a report in a format, as the bytes of a file.
pub fn render_report(report: &Report, format: ReportFormat) -> Result<Vec<u8>, AppError> {
    match format {
        ReportFormat::Markdown => Ok(render::markdown::markdown(report).into_bytes()),
        ReportFormat::Html => Ok(render::html::html(report).into_bytes()),
        ReportFormat::Json => {
            let mut out = serde_json::to_vec_pretty(report).map_err(std::io::Error::other)?;
            out.push(b'\n');
            Ok(out)
        }
        ReportFormat::Pdf => pdf(report),
    }
}

#[cfg(feature = "pdf")]
fn pdf(report: &Report) -> Result<Vec<u8>, AppError> {
    brag_pdf::render(report).map_err(|e| AppError::Pdf(e.to_string()))
}

#[cfg(not(feature = "pdf"))]
fn pdf(_: &Report) -> Result<Vec<u8>, AppError> {
    Err(AppError::invalid(
        "format",
        "this brag was built without PDF support (the `pdf` feature); use --format html and print it",
    ))
}

/// Writes bytes to a file atomically: a temporary file in the same directory, synced, then
/// renamed over the target, so a reader sees the old file or the new one, never half. The
/// directory must exist.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), AppError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(AppError::NoDirectory(dir.to_owned()));
    }
    let io = |source: std::io::Error| {
        AppError::Vault(VaultError::Io {
            path: path.to_owned(),
            source,
        })
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".brag-tmp-");
    // A document for sharing gets the mode any program would give it (0666 less the
    // umask), not a temporary file's 0600; a file it replaces keeps its mode.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    if let Ok(old) = std::fs::metadata(path) {
        tmp.as_file()
            .set_permissions(old.permissions())
            .map_err(io)?;
    }
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
