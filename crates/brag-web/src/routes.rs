//! The routes: each one asks `brag-app` (on a blocking thread: files and SQLite block) and
//! renders a page. A bad request gets a page that says what is wrong, with what the user
//! typed kept in the form, and nothing is written.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::middleware;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use brag_app::reports::ReportKind;
use brag_app::{
    AddRequest, AppError, Date, Entry, ErrorKind, Filter, Kind, Link, ReportFormat, ReportRequest,
    coach, parse_kind, render_report, resolve_competency, text_stamp,
};
use serde::Deserialize;

use crate::Web;
use crate::guard::{self, BODY_LIMIT, REPORT_POLICY};
use crate::pages::{
    Answer, AskPage, Cell, Chrome, CoachPage, CoveragePage, EditPage, EntryForm, EntryPage,
    EntryView, ErrorPage, Hit, Label, Month, ReportPage, Row, SearchPage, TimelinePage, date_of,
    query,
};

/// The most hits a search page shows: each costs an entry and a snippet, and a page of 20
/// is more than a person reads before refining the query.
const SEARCH_HITS: usize = 20;

/// Entries per page of the timeline.
const PER_PAGE: usize = 50;

type Shared = State<Arc<Web>>;

pub(crate) fn router(web: Arc<Web>) -> Router {
    Router::new()
        .route("/", get(timeline))
        .route("/new", get(new_form))
        .route("/entries", post(create))
        .route("/entries/{id}", get(show).post(save))
        .route("/entries/{id}/edit", get(edit))
        .route("/entries/{id}/delete", post(delete))
        .route("/search", get(search))
        .route("/ask", get(ask))
        .route("/coverage", get(coverage))
        .route("/coach", get(coach_page))
        .route("/reports/{kind}", get(report))
        .route("/assets/app.css", get(css))
        .route("/assets/app.js", get(js))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&web),
            guard::guard,
        ))
        .with_state(web)
}

/// Runs `f` on a blocking thread with the app; a panic there is a 500 page.
async fn blocking<T: Send + 'static>(
    web: &Arc<Web>,
    f: impl FnOnce(&Web) -> T + Send + 'static,
) -> Result<T, Response> {
    let web = Arc::clone(web);
    tokio::task::spawn_blocking(move || f(&web))
        .await
        .map_err(|_| {
            error_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                "brag failed on this page",
            )
        })
}

fn page(status: StatusCode, t: &impl Template) -> Response {
    match t.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the page could not be rendered: {e}"),
        )
            .into_response(),
    }
}

fn error_page(status: StatusCode, message: impl Into<String>) -> Response {
    let title = match status {
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::BAD_REQUEST => "Bad request",
        StatusCode::CONFLICT => "Conflict",
        _ => "Something went wrong",
    };
    page(
        status,
        &ErrorPage {
            chrome: Chrome::new(title, ""),
            status: status.as_u16(),
            message: message.into(),
        },
    )
}

/// Returns the status an app error answers with.
fn status_of(e: &AppError) -> StatusCode {
    match e.kind() {
        ErrorKind::BadInput | ErrorKind::InvalidText => StatusCode::BAD_REQUEST,
        ErrorKind::NotFound => StatusCode::NOT_FOUND,
        ErrorKind::Conflict => StatusCode::CONFLICT,
        ErrorKind::CorruptFile | ErrorKind::Io => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

fn app_error(e: &AppError) -> Response {
    error_page(status_of(e), e.to_string())
}

async fn not_found() -> Response {
    error_page(StatusCode::NOT_FOUND, "There is no such page.")
}

async fn css() -> Response {
    asset("text/css; charset=utf-8", include_str!("../assets/app.css"))
}

async fn js() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("../assets/app.js"),
    )
}

fn asset(kind: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

// ---------------------------------------------------------------------------------------
// The timeline and the quick-add box.

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TimelineQuery {
    page: Option<String>,
    tag: Option<String>,
    competency: Option<String>,
    kind: Option<String>,
    year: Option<String>,
}

async fn timeline(State(web): Shared, Query(q): Query<TimelineQuery>) -> Response {
    let out = blocking(&web, move |web| timeline_page(web, &q, String::new(), None)).await;
    out.unwrap_or_else(|r| r)
}

fn timeline_page(web: &Web, q: &TimelineQuery, quick: String, error: Option<String>) -> Response {
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let number = match q.page.as_deref().map(str::parse::<usize>) {
        None => 1,
        Some(Ok(n)) if n >= 1 => n,
        Some(_) => {
            return error_page(
                StatusCode::BAD_REQUEST,
                "`page` must be a whole number from 1.",
            );
        }
    };
    let mut filter = Filter::default();
    let mut said = Vec::new();
    if let Some(t) = q.tag.as_deref().filter(|t| !t.is_empty()) {
        filter.tags.push(t.trim_start_matches('#').to_owned());
        said.push(format!("tagged #{t}"));
    }
    if let Some(c) = q.competency.as_deref().filter(|c| !c.is_empty()) {
        filter.competencies.push(c.to_owned());
        said.push(format!("showing {c}"));
    }
    if let Some(k) = q.kind.as_deref().filter(|k| !k.is_empty()) {
        match parse_kind(k) {
            Ok(kind) => filter.kind = Some(kind),
            Err(e) => return app_error(&e),
        }
        said.push(format!("of kind {k}"));
    }
    if let Some(y) = q.year.as_deref().filter(|y| !y.is_empty()) {
        let year = y.parse::<i16>().ok().filter(|y| (1900..=9999).contains(y));
        let Some(year) = year else {
            return error_page(StatusCode::BAD_REQUEST, format!("`{y}` is not a year."));
        };
        filter.from = Date::new(year, 1, 1).ok();
        filter.to = Date::new(year, 12, 31).ok();
        said.push(format!("in {year}"));
    }
    let wanted = number * PER_PAGE + 1;
    let entries = match web.app.list(&filter, Some(wanted)) {
        Ok(e) => e,
        Err(e) => return app_error(&e),
    };
    let more = entries.len() == wanted;
    let today = web.app.today();
    let mut months: Vec<Month> = Vec::new();
    for e in entries.iter().skip((number - 1) * PER_PAGE).take(PER_PAGE) {
        let label = match e.date {
            Some(d) if !e.undated => d.strftime("%B %Y").to_string(),
            _ => "Undated".to_owned(),
        };
        let score = matches!(e.kind, Kind::Story | Kind::Win).then(|| coach::coach(e, today).score);
        match months.last_mut() {
            Some(m) if m.label == label => m.rows.push(Row::of(e, score)),
            _ => months.push(Month {
                label,
                rows: vec![Row::of(e, score)],
            }),
        }
    }
    let at = |n: usize| {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        for (k, v) in [
            ("tag", &q.tag),
            ("competency", &q.competency),
            ("kind", &q.kind),
            ("year", &q.year),
        ] {
            if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
                pairs.push((k, v.clone()));
            }
        }
        if n > 1 {
            pairs.push(("page", n.to_string()));
        }
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let qs = query(&pairs);
        if qs.is_empty() {
            "/".to_owned()
        } else {
            format!("/?{qs}")
        }
    };
    page(
        status,
        &TimelinePage {
            chrome: Chrome::new("Timeline", "timeline"),
            token: web.guard.token().to_owned(),
            months,
            filtered: (!said.is_empty()).then(|| format!("Entries {}.", said.join(", "))),
            prev: (number > 1).then(|| at(number - 1)),
            next: more.then(|| at(number + 1)),
            quick,
            error,
        },
    )
}

/// A new entry: the quick-add line (`line`), or the whole form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CreateForm {
    line: Option<String>,
    #[serde(flatten)]
    form: EntryForm,
}

async fn create(State(web): Shared, Form(f): Form<CreateForm>) -> Response {
    let out = blocking(&web, move |web| match f.line {
        Some(line) => quick_add(web, line),
        None => create_entry(web, f.form),
    })
    .await;
    out.unwrap_or_else(|r| r)
}

fn quick_add(web: &Web, line: String) -> Response {
    let request = AddRequest {
        text: line.clone(),
        ..AddRequest::default()
    };
    let added = request
        .build(web.app.today())
        .and_then(|entry| web.app.add_line(entry));
    match added {
        Ok(added) => see(&format!("/entries/{}", added.entry.id)),
        Err(e) => timeline_page(web, &TimelineQuery::default(), line, Some(e.to_string())),
    }
}

fn create_entry(web: &Web, form: EntryForm) -> Response {
    let made = from_form(web, &form, Entry::default()).map_err(|e| e.to_string());
    let written = made.and_then(|entry| web.app.add(entry).map_err(|e| e.to_string()));
    match written {
        Ok(w) => see(&format!("/entries/{}", w.value.id)),
        Err(error) => edit_page(
            web,
            StatusCode::BAD_REQUEST,
            None,
            form,
            Some(error),
            None,
            None,
        ),
    }
}

/// A 303 to where the browser should go next.
fn see(to: &str) -> Response {
    Redirect::to(to).into_response()
}

// ---------------------------------------------------------------------------------------
// One entry: show, edit, save, delete.

async fn show(State(web): Shared, Path(id): Path<String>) -> Response {
    let out = blocking(&web, move |web| match web.app.show(&id) {
        Ok(shown) => page(
            StatusCode::OK,
            &EntryPage {
                chrome: Chrome::new(shown.entry.title.clone(), ""),
                token: web.guard.token().to_owned(),
                report: coached(&shown.entry, web.app.today()),
                e: EntryView::of(&shown.entry),
                notice: None,
            },
        ),
        Err(e) => app_error(&e),
    })
    .await;
    out.unwrap_or_else(|r| r)
}

/// Returns the coach's report for the kinds it coaches.
fn coached(e: &Entry, today: Date) -> Option<coach::Report> {
    matches!(e.kind, Kind::Story | Kind::Win).then(|| coach::coach(e, today))
}

async fn new_form(State(web): Shared) -> Response {
    let out = blocking(&web, move |web| {
        let form = EntryForm {
            kind: "story".to_owned(),
            ..EntryForm::default()
        };
        edit_page(web, StatusCode::OK, None, form, None, None, None)
    })
    .await;
    out.unwrap_or_else(|r| r)
}

async fn edit(State(web): Shared, Path(id): Path<String>) -> Response {
    let out = blocking(&web, move |web| match web.app.show(&id) {
        Ok(shown) => {
            let mut form = EntryForm::of(&shown.entry);
            form.stamp = text_stamp(&shown.raw);
            let report = coached(&shown.entry, web.app.today());
            edit_page(
                web,
                StatusCode::OK,
                Some(shown.entry.id.0),
                form,
                None,
                report,
                None,
            )
        }
        Err(e) => app_error(&e),
    })
    .await;
    out.unwrap_or_else(|r| r)
}

fn edit_page(
    web: &Web,
    status: StatusCode,
    id: Option<String>,
    form: EntryForm,
    error: Option<String>,
    report: Option<coach::Report>,
    conflict: Option<String>,
) -> Response {
    let (title, action) = match &id {
        Some(id) => (format!("Edit {}", form.title), format!("/entries/{id}")),
        None => ("New entry".to_owned(), "/entries".to_owned()),
    };
    page(
        status,
        &EditPage {
            chrome: Chrome::new(title, if id.is_none() { "new" } else { "" }),
            token: web.guard.token().to_owned(),
            action,
            id,
            form,
            error,
            report,
            conflict,
        },
    )
}

async fn save(State(web): Shared, Path(id): Path<String>, Form(form): Form<EntryForm>) -> Response {
    let out = blocking(&web, move |web| save_entry(web, &id, form)).await;
    out.unwrap_or_else(|r| r)
}

fn save_entry(web: &Web, id: &str, mut form: EntryForm) -> Response {
    let shown = match web.app.show(id) {
        Ok(s) if s.exact => s,
        Ok(_) => {
            return error_page(
                StatusCode::NOT_FOUND,
                format!("No entry has the id `{id}`."),
            );
        }
        Err(e) => return app_error(&e),
    };
    let entry = match from_form(web, &form, shown.entry.clone()) {
        Ok(e) => e,
        Err(e) => {
            let report = coached(&shown.entry, web.app.today());
            return edit_page(
                web,
                StatusCode::BAD_REQUEST,
                Some(id.to_owned()),
                form,
                Some(e.to_string()),
                report,
                None,
            );
        }
    };
    match web.app.update_if(&entry, &form.stamp) {
        Ok(_) => see(&format!("/entries/{id}")),
        Err(AppError::Changed(_)) => {
            // Both versions are shown; the form now carries the file's new stamp, so a
            // second save is a choice made knowing what it replaces.
            form.stamp = text_stamp(&shown.raw);
            let report = coached(&entry, web.app.today());
            edit_page(
                web,
                StatusCode::CONFLICT,
                Some(id.to_owned()),
                form,
                None,
                report,
                Some(shown.raw),
            )
        }
        Err(e) => {
            let status = status_of(&e);
            edit_page(
                web,
                status,
                Some(id.to_owned()),
                form,
                Some(e.to_string()),
                None,
                None,
            )
        }
    }
}

/// Returns the entry the form describes, on top of `base` (the entry as it was, or a
/// new one): fields the form has no input for (people, extra front matter) stay.
fn from_form(web: &Web, f: &EntryForm, base: Entry) -> Result<Entry, AppError> {
    let mut e = base;
    let title = f.title.trim();
    if title.is_empty() {
        return Err(AppError::invalid(
            "title",
            "the title is empty: say in a few words what you did",
        ));
    }
    title.clone_into(&mut e.title);
    let kind = f.kind.trim();
    e.kind = if kind.is_empty() {
        Kind::Story
    } else {
        parse_kind(kind)?
    };
    let date = f.date.trim();
    if !date.is_empty() {
        let d = brag_app::date::parse_date(date, web.app.today())
            .map_err(|why| AppError::invalid("date", why))?;
        e.date = Some(d);
        e.undated = false;
    }
    e.project = Some(f.project.trim().to_owned()).filter(|p| !p.is_empty());
    e.tags = words(&f.tags, |c| c == ',' || c.is_whitespace())
        .map(|t| t.trim_start_matches('#').to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    dedup(&mut e.tags);
    let written: Vec<&str> = words(&f.competencies, |c| c == ',' || c == '\n').collect();
    e.competencies = Vec::new();
    if !written.is_empty() {
        let catalogue = web.app.catalogue()?;
        for w in written {
            match resolve_competency(&catalogue, w) {
                Some(id) => e.competencies.push(id),
                None => {
                    return Err(AppError::invalid(
                        "competencies",
                        format!("`{w}` is no competency of the vault's frameworks"),
                    ));
                }
            }
        }
        dedup(&mut e.competencies);
    }
    let text = |s: &str| s.replace("\r\n", "\n").trim_end().to_owned();
    e.situation = text(&f.situation);
    e.task = text(&f.task);
    e.action = text(&f.action);
    e.result = text(&f.result);
    e.lessons = text(&f.lessons);
    e.notes = text(&f.notes);
    e.text = text(&f.text);
    e.metrics = words(&f.metrics, |c| c == '\n')
        .map(str::to_owned)
        .collect();
    let old = std::mem::take(&mut e.links);
    for url in words(&f.links, char::is_whitespace) {
        // A link kept keeps its label and kind.
        let link = old
            .iter()
            .find(|l| l.url == url)
            .cloned()
            .unwrap_or_else(|| Link::new(url));
        if !e.links.iter().any(|l| l.url == link.url) {
            e.links.push(link);
        }
    }
    Ok(e)
}

/// Returns the non-empty, trimmed pieces of a field.
fn words(s: &str, sep: impl Fn(char) -> bool) -> impl Iterator<Item = &str> {
    s.split(sep).map(str::trim).filter(|w| !w.is_empty())
}

fn dedup(v: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    v.retain(|x| seen.insert(x.to_lowercase()));
}

async fn delete(State(web): Shared, Path(id): Path<String>) -> Response {
    let out = blocking(&web, move |web| {
        let found = web.app.resolve_id(&id);
        match found {
            Ok(r) if r.exact => match web.app.remove(&r.id) {
                Ok(_) => see("/"),
                Err(e) => app_error(&e),
            },
            Ok(_) => error_page(
                StatusCode::NOT_FOUND,
                format!("No entry has the id `{id}`."),
            ),
            Err(e) => app_error(&e),
        }
    })
    .await;
    out.unwrap_or_else(|r| r)
}

// ---------------------------------------------------------------------------------------
// Search, ask, coverage, coach.

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Q {
    q: String,
}

async fn search(State(web): Shared, Query(Q { q }): Query<Q>) -> Response {
    let out = blocking(&web, move |web| {
        let mut chrome = Chrome::new("Search", "search");
        q.clone_into(&mut chrome.q);
        if q.trim().is_empty() {
            return page(
                StatusCode::OK,
                &SearchPage {
                    chrome,
                    hits: Vec::new(),
                    error: None,
                    asked: false,
                },
            );
        }
        match web.app.search(&q, &Filter::default(), SEARCH_HITS) {
            Ok(found) => {
                let hits = found
                    .hits
                    .iter()
                    .map(|h| Hit {
                        id: h.entry.id.0.clone(),
                        title: h.entry.title.clone(),
                        date: date_of(&h.entry),
                        kind: h.entry.kind.as_str(),
                        snippet: pieces(&h.snippet, &h.highlights),
                    })
                    .collect();
                page(
                    StatusCode::OK,
                    &SearchPage {
                        chrome,
                        hits,
                        error: None,
                        asked: true,
                    },
                )
            }
            Err(e) => page(
                status_of(&e),
                &SearchPage {
                    chrome,
                    hits: Vec::new(),
                    error: Some(e.to_string()),
                    asked: true,
                },
            ),
        }
    })
    .await;
    out.unwrap_or_else(|r| r)
}

/// Returns a snippet cut at its highlights: `(text, is_a_match)` pieces.
fn pieces(snippet: &str, highlights: &[[usize; 2]]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for &[start, end] in highlights {
        let (Some(before), Some(hit)) = (snippet.get(at..start), snippet.get(start..end)) else {
            continue;
        };
        if !before.is_empty() {
            out.push((before.to_owned(), false));
        }
        out.push((hit.to_owned(), true));
        at = end;
    }
    if let Some(rest) = snippet.get(at..).filter(|r| !r.is_empty()) {
        out.push((rest.to_owned(), false));
    }
    out
}

async fn ask(State(web): Shared, Query(Q { q }): Query<Q>) -> Response {
    let out = blocking(&web, move |web| {
        let chrome = Chrome::new("Ask", "ask");
        let mut p = AskPage {
            chrome,
            question: q.clone(),
            topics: Vec::new(),
            answers: Vec::new(),
            error: None,
            asked: !q.trim().is_empty(),
        };
        if !p.asked {
            return page(StatusCode::OK, &p);
        }
        match web.app.ask(&q, 10) {
            Ok(asked) => {
                p.topics = asked.topics.iter().map(|t| t.name.clone()).collect();
                p.answers = asked
                    .results
                    .iter()
                    .map(|a| Answer {
                        id: a.id.clone(),
                        title: a.title.clone(),
                        why: a.why.clone(),
                        score: format!("{:.2}", a.score),
                    })
                    .collect();
                page(StatusCode::OK, &p)
            }
            Err(e) => {
                p.error = Some(e.to_string());
                page(status_of(&e), &p)
            }
        }
    })
    .await;
    out.unwrap_or_else(|r| r)
}

async fn coverage(State(web): Shared) -> Response {
    let out = blocking(&web, move |web| match web.app.coverage(None) {
        Ok(covered) => page(StatusCode::OK, &heat_map(&covered)),
        Err(e) => app_error(&e),
    })
    .await;
    out.unwrap_or_else(|r| r)
}

/// Returns the year an entry's id starts with: `2025-03-14-…` is 2025's.
fn year_of(id: &str) -> Option<&str> {
    id.get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
}

/// Returns the heat map: a row per competency, a column per year of the stories (the
/// last six), each cell the number of stories, linked to them.
fn heat_map(covered: &brag_app::Covered) -> CoveragePage {
    const LEFT: u32 = 300;
    const TOP: u32 = 26;
    const STEP_X: u32 = 48;
    const STEP_Y: u32 = 26;
    let rows = &covered.coverage.competencies;
    // An entry's id starts with its day: `2025-03-14-…`.
    let mut years: Vec<&str> = rows
        .iter()
        .flat_map(|r| r.stories.iter().filter_map(|s| year_of(s)))
        .collect();
    years.sort_unstable();
    years.dedup();
    let years: Vec<&str> = years.iter().rev().take(6).rev().copied().collect();
    let mut cells = Vec::new();
    let mut labels = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let y = TOP + u32::try_from(i).unwrap_or(0) * STEP_Y;
        labels.push(Label {
            y: y + 15,
            // The name in full is in the cells' tooltips.
            name: brag_app::text::truncate_words(&row.name, 40),
            href: crate::pages::timeline_of("competency", &row.id),
        });
        for (j, year) in years.iter().enumerate() {
            let count = row
                .stories
                .iter()
                .filter(|s| year_of(s) == Some(year))
                .count();
            let heat = match count {
                0 => 0,
                1 => 1,
                2..=3 => 2,
                4..=6 => 3,
                _ => 4,
            };
            cells.push(Cell {
                x: LEFT + u32::try_from(j).unwrap_or(0) * STEP_X,
                y,
                count,
                heat,
                href: format!(
                    "/?{}",
                    query(&[("competency", row.id.as_str()), ("year", year)])
                ),
                label: format!("{}, {year}: {count}", row.name),
            });
        }
    }
    let names: std::collections::HashMap<&str, &str> = rows
        .iter()
        .map(|r| (r.id.as_str(), r.name.as_str()))
        .collect();
    CoveragePage {
        chrome: Chrome::new("Coverage", "coverage"),
        framework: covered.framework.name.clone(),
        columns: years
            .iter()
            .enumerate()
            .map(|(j, y)| {
                (
                    LEFT + u32::try_from(j).unwrap_or(0) * STEP_X + 8,
                    (*y).to_owned(),
                )
            })
            .collect(),
        labels,
        cells,
        width: LEFT + STEP_X * u32::try_from(years.len().max(1)).unwrap_or(1),
        height: TOP + STEP_Y * u32::try_from(rows.len().max(1)).unwrap_or(1),
        gaps: covered
            .coverage
            .gaps
            .iter()
            .map(|g| {
                names
                    .get(g.as_str())
                    .map_or_else(|| g.clone(), |n| (*n).to_owned())
            })
            .collect(),
    }
}

async fn coach_page(State(web): Shared) -> Response {
    let out = blocking(&web, move |web| match web.app.coach_all() {
        Ok(coached) => page(
            StatusCode::OK,
            &CoachPage {
                chrome: Chrome::new("Coach", "coach"),
                total: coached.total,
                strong: coached.strong,
                reports: coached.reports.into_iter().take(200).collect(),
            },
        ),
        Err(e) => app_error(&e),
    })
    .await;
    out.unwrap_or_else(|r| r)
}

// ---------------------------------------------------------------------------------------
// Reports.

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ReportQuery {
    from: String,
    to: String,
    format: Option<String>,
}

async fn report(
    State(web): Shared,
    Path(kind): Path<String>,
    Query(q): Query<ReportQuery>,
) -> Response {
    let out = blocking(&web, move |web| report_response(web, &kind, q)).await;
    out.unwrap_or_else(|r| r)
}

fn report_response(web: &Web, kind: &str, q: ReportQuery) -> Response {
    let Ok(report_kind) = kind.parse::<ReportKind>() else {
        return error_page(
            StatusCode::NOT_FOUND,
            format!("There is no `{kind}` report: doc, review, week, resume or interview."),
        );
    };
    let mut req = ReportRequest::new(report_kind);
    req.from = Some(q.from.trim().to_owned()).filter(|s| !s.is_empty());
    req.to = Some(q.to.trim().to_owned()).filter(|s| !s.is_empty());
    let with = |format: &str| {
        let mut pairs = vec![("format", format)];
        if !q.from.trim().is_empty() {
            pairs.push(("from", q.from.trim()));
        }
        if !q.to.trim().is_empty() {
            pairs.push(("to", q.to.trim()));
        }
        format!("/reports/{kind}?{}", query(&pairs))
    };
    if let Some(format) = &q.format {
        let format: ReportFormat = match format.parse() {
            Ok(f) => f,
            Err(why) => return error_page(StatusCode::BAD_REQUEST, why),
        };
        if !format.available() {
            return error_page(
                StatusCode::NOT_FOUND,
                "This brag was built without PDF reports.",
            );
        }
        let bytes = web.app.report(&req).and_then(|r| render_report(&r, format));
        return match bytes {
            Ok(bytes) => report_bytes(kind, format, bytes),
            Err(e) => app_error(&e),
        };
    }
    let error = req.period(web.app.today()).err().map(|e| e.to_string());
    let downloads = ReportFormat::ALL
        .into_iter()
        .filter(|f| f.available())
        .map(|f| (f.as_str(), with(f.as_str())))
        .collect();
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let frame = with("html");
    page(
        status,
        &ReportPage {
            chrome: Chrome::new(format!("{} report", report_kind.as_str()), "reports"),
            kind: report_kind.as_str().to_owned(),
            from: q.from,
            to: q.to,
            frame,
            downloads,
            error,
        },
    )
}

fn report_bytes(kind: &str, format: ReportFormat, bytes: Vec<u8>) -> Response {
    let content_type = match format {
        ReportFormat::Markdown => "text/markdown; charset=utf-8",
        ReportFormat::Html => "text/html; charset=utf-8",
        ReportFormat::Json => "application/json",
        ReportFormat::Pdf => "application/pdf",
    };
    let mut res = ([(header::CONTENT_TYPE, content_type)], bytes).into_response();
    let h = res.headers_mut();
    if format == ReportFormat::Html {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            header::HeaderValue::from_static(REPORT_POLICY),
        );
    } else if let Ok(v) = header::HeaderValue::from_str(&format!(
        "attachment; filename=\"brag-{kind}.{}\"",
        format.as_str()
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_cut_at_their_highlights() {
        let p = pieces("cut p99 by 40%", &[[4, 7], [11, 14]]);
        let want = [
            ("cut ", false),
            ("p99", true),
            (" by ", false),
            ("40%", true),
        ];
        let got: Vec<(&str, bool)> = p.iter().map(|(s, b)| (s.as_str(), *b)).collect();
        assert_eq!(got, want);
        // Offsets that do not fall on the text are passed over, not a panic.
        assert_eq!(pieces("ab", &[[1, 9]]), [("ab".to_owned(), false)]);
    }
}
