//! What a listing or a search asks for, as a user types it, and the search results every
//! surface shows.

use brag_core::date;
use brag_core::entry::Entry;
use brag_core::filter::Filter;
use brag_index::{FtsQuery, Hit};
use jiff::civil::Date;
use serde::Serialize;

use crate::add::parse_kind;
use crate::{App, AppError};

/// Returns the filters of `list` and `search` as typed: date phrases, names.
#[derive(Clone, Debug, Default)]
pub struct FilterSpec {
    /// Entries on or after the first day of this period (`2025-01`, `last month`).
    pub from: Option<String>,
    /// Entries on or before the last day of this period.
    pub to: Option<String>,
    /// Entries with every one of these tags (`#` optional).
    pub tags: Vec<String>,
    /// Entries with every one of these competencies: ids or names, matched loosely.
    pub competencies: Vec<String>,
    /// Entries of this kind.
    pub kind: Option<String>,
    /// Entries of this project.
    pub project: Option<String>,
}

impl FilterSpec {
    /// Returns the core filter, as of `today`; a date or kind brag does not understand is
    /// an [`AppError::Invalid`] naming its field. Competency names are matched to ids
    /// when the filter is used, against the vault's frameworks.
    pub fn to_filter(&self, today: Date) -> Result<Filter, AppError> {
        let (from, to) = date_range(self.from.as_deref(), self.to.as_deref(), today)?;
        Ok(Filter {
            from,
            to,
            tags: self
                .tags
                .iter()
                .map(|t| t.trim_start_matches('#').to_owned())
                .collect(),
            competencies: self.competencies.clone(),
            kind: self.kind.as_deref().map(parse_kind).transpose()?,
            project: self.project.clone(),
        })
    }
}

/// Returns the first day of `from` and the last of `to`, refusing a range that ends
/// before it starts.
pub fn date_range(
    from: Option<&str>,
    to: Option<&str>,
    today: Date,
) -> Result<(Option<Date>, Option<Date>), AppError> {
    let period = |field: &'static str, s: &str| {
        date::parse_period(s, today).map_err(|e| AppError::invalid(field, e))
    };
    let from = from
        .map(|s| period("from", s))
        .transpose()?
        .map(|p| p.start);
    let to = to.map(|s| period("to", s)).transpose()?.map(|p| p.end);
    if let (Some(a), Some(b)) = (from, to)
        && a > b
    {
        return Err(AppError::invalid(
            "range",
            format!("--from {a} is after --to {b}"),
        ));
    }
    Ok((from, to))
}

/// Returns one search result: the Entry JSON plus `score`, `snippet`, `highlights` and
/// `matches`.
#[derive(Clone, Debug, Serialize)]
pub struct SearchHit {
    /// The entry found.
    #[serde(flatten)]
    pub entry: Entry,
    /// Relevance, higher is better (BM25, title weighted over body); 0 for entries found
    /// by exclusions alone.
    pub score: f64,
    /// A short extract around the best match, on one line (the start of the text for
    /// entries found by exclusions alone).
    pub snippet: String,
    /// Where the matches are in `snippet`: `[start, end)` byte offsets, in order.
    pub highlights: Vec<[usize; 2]>,
    /// The words that matched, lowercased, each once.
    pub matches: Vec<String>,
}

/// Returns what a search found, and how much of the query it used.
#[derive(Clone, Debug, Serialize)]
pub struct SearchResults {
    /// The hits, best first.
    pub hits: Vec<SearchHit>,
    /// Distinct terms past the bound ([`MAX_TERMS`]) that were not searched for.
    #[serde(skip)]
    pub ignored_terms: usize,
}

/// How many distinct terms a query may have; more are ignored.
pub const MAX_TERMS: usize = brag_index::MAX_TERMS;

impl App {
    /// Returns the entries that best match a query, best first: words, `"phrases"`,
    /// `prefix*`, `OR`, `NOT`/`-word`, within the filter.
    pub fn search(
        &self,
        query: &str,
        filter: &Filter,
        limit: usize,
    ) -> Result<SearchResults, AppError> {
        let empty = || AppError::EmptyQuery(brag_core::text::truncate_words(query, 80));
        let parsed: FtsQuery = brag_index::fts_query(query).ok_or_else(empty)?;
        self.refresh()?;
        let filter = self.resolved(filter)?;
        let hits = self
            .conn()?
            .search(query, &filter, limit)
            .map_err(|e| match e {
                brag_index::IndexError::EmptyQuery => empty(),
                e => e.into(),
            })?;
        Ok(SearchResults {
            hits: hits.into_iter().map(hit).collect(),
            ignored_terms: parsed.ignored,
        })
    }

    /// Returns the entries nearest in meaning to a text, best first, within the filter:
    /// "cut costs" finds "halved the cloud bill". The score is the cosine similarity
    /// (−1 to 1); the snippet is the start of the entry's text. A build without the
    /// `semantic` feature answers [`AppError::NoSemantic`].
    pub fn search_semantic(
        &self,
        query: &str,
        filter: &Filter,
        limit: usize,
    ) -> Result<SearchResults, AppError> {
        if !crate::meaning::available() {
            return Err(AppError::NoSemantic);
        }
        // Punctuation has vectors too, but no meaning to look for.
        if !query.chars().any(char::is_alphanumeric) {
            return Err(AppError::EmptyQuery(brag_core::text::truncate_words(
                query, 80,
            )));
        }
        // The model loads (tens of milliseconds) while the index is brought up to date.
        let (wanted, fresh) = std::thread::scope(|s| {
            let wanted = s.spawn(|| crate::meaning::embed(query));
            let fresh = self.refresh().and_then(|()| self.resolved(filter));
            (wanted.join().ok().flatten(), fresh)
        });
        let filter = fresh?;
        let wanted = match wanted {
            Some(w) => w,
            None if crate::meaning::available() => {
                return Err(AppError::EmptyQuery(brag_core::text::truncate_words(
                    query, 80,
                )));
            }
            None => return Err(AppError::NoSemantic),
        };
        let mut index = self.conn()?;
        self.fill_vectors(&mut index)?;
        let found = index.nearest(&filter, limit, |v| crate::meaning::similarity(&wanted, v))?;
        Ok(SearchResults {
            hits: found
                .into_iter()
                .map(|(entry, score)| SearchHit {
                    snippet: brag_index::lead(&entry),
                    entry,
                    score: (score * 1000.0).round() / 1000.0,
                    highlights: Vec::new(),
                    matches: Vec::new(),
                })
                .collect(),
            ignored_terms: 0,
        })
    }
}

/// Returns an index hit with its `\u{2}`…`\u{3}` match markers turned into offsets, its
/// white space folded onto one line.
fn hit(h: Hit) -> SearchHit {
    let mut snippet = String::with_capacity(h.snippet.len());
    let mut highlights = Vec::new();
    let mut matches: Vec<String> = Vec::new();
    let mut open: Option<usize> = None;
    for c in h.snippet.chars() {
        match c {
            '\u{2}' => open = Some(snippet.len()),
            '\u{3}' => {
                if let Some(start) = open.take() {
                    let word = snippet[start..].to_lowercase();
                    if !matches.contains(&word) {
                        matches.push(word);
                    }
                    highlights.push([start, snippet.len()]);
                }
            }
            c if c.is_whitespace() => {
                if !snippet.ends_with(' ') {
                    snippet.push(' ');
                }
            }
            c => snippet.push(c),
        }
    }
    SearchHit {
        entry: h.entry,
        score: h.score,
        snippet,
        highlights,
        matches,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hit_markers_become_offsets() {
        let h = hit(Hit {
            entry: Entry::default(),
            score: 1.0,
            snippet: "cut \u{2}p99\u{3} from\n420 ms, \u{2}P99\u{3} again".to_owned(),
        });
        assert_eq!(h.snippet, "cut p99 from 420 ms, P99 again");
        assert_eq!(h.highlights, [[4, 7], [21, 24]]);
        assert_eq!(&h.snippet[4..7], "p99");
        assert_eq!(h.matches, ["p99"]);
    }
}
