//! Turning what a user types into safe FTS5 query syntax.
//!
//! The query language is the one `brag search --help` documents: words, all of which must
//! match; `"quoted phrases"`; `prefix*`; `a OR b`, which joins the two terms beside it;
//! and `NOT x` or `-x` (also `-"a phrase"`), which leave out what matches `x`. A hyphen
//! inside a word (`e-mail`) is part of the word. Every word and phrase is quoted, so
//! FTS5's own operators and punctuation in user text are plain text, and the structure is
//! rebuilt with explicit parentheses, so FTS5's precedence never decides what a query
//! means.
//!
//! A query is bounded: repeated terms count once, at most [`MAX_TERMS`] terms are kept
//! (the rest are counted in [`FtsQuery::ignored`]) and a term is cut at [`MAX_TERM_BYTES`],
//! so the SQL a query builds stays small whatever is pasted into it (issue 11: 4,000
//! repeated words took seconds).

use std::collections::HashSet;

/// The most terms (words, phrases, prefixes, exclusions) one query searches for.
pub const MAX_TERMS: usize = 32;

/// The longest term, in bytes of UTF-8; a longer one is cut at a character boundary.
pub const MAX_TERM_BYTES: usize = 200;

/// Returns a user's query in FTS5 syntax.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FtsQuery {
    /// The FTS5 expression: what entries must match, exclusions included as `NOT`; or,
    /// when `only_excludes`, what they must not match.
    pub expr: String,
    /// True when the query holds only exclusions (`NOT deploys`): FTS5 cannot run a bare
    /// `NOT`, so the wanted entries are those `expr` does not match.
    pub only_excludes: bool,
    /// How many terms are in `expr`: at most [`MAX_TERMS`].
    pub terms: usize,
    /// How many different terms were left out because the query held more than
    /// [`MAX_TERMS`].
    pub ignored: usize,
}

/// One word, phrase or prefix as typed.
struct Token<'a> {
    text: &'a str,
    prefix: bool,
    excluded: bool,
}

/// What a query is made of, in the order typed: groups of terms joined by OR, and
/// exclusions.
enum Item {
    /// Entries must match one of these (quoted FTS5 terms, no two alike).
    AnyOf(Vec<String>),
    /// Entries must not match this.
    Not(String),
}

/// Returns the FTS5 query for user text, or `None` when it holds nothing to search for.
pub fn fts_query(input: &str) -> Option<FtsQuery> {
    let mut items: Vec<Item> = Vec::new();
    // Terms of an OR group past MAX_TERMS, which no bound below would see.
    let mut overflow: HashSet<String> = HashSet::new();
    let mut not = false;
    let mut or = false;
    // True when the last item is a group that a following `OR` may extend.
    let mut open_group = false;
    let mut rest = input;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        let token = if let Some(after) = rest.strip_prefix("-\"").or_else(|| rest.strip_prefix('"'))
        {
            let excluded = rest.starts_with('-');
            let end = after.find('"').unwrap_or(after.len());
            rest = after.get(end + 1..).unwrap_or("");
            Token {
                text: &after[..end],
                prefix: false,
                excluded,
            }
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let word = &rest[..end];
            rest = &rest[end..];
            match word {
                "AND" => continue,
                "OR" => {
                    or = true;
                    continue;
                }
                "NOT" => {
                    not = true;
                    continue;
                }
                _ => {}
            }
            // Only a leading `-` excludes: `e-mail` and `p-99` are words.
            let bare = word.trim_start_matches('-');
            Token {
                text: bare.trim_end_matches('*'),
                prefix: bare.ends_with('*'),
                excluded: bare.len() < word.len(),
            }
        };
        let excluded = token.excluded || not;
        let joins = or && open_group && !excluded;
        (not, or) = (false, false);
        let Some(term) = quote(token.text, token.prefix) else {
            continue;
        };
        if excluded {
            items.push(Item::Not(term));
            open_group = false;
        } else if joins {
            if let Some(Item::AnyOf(group)) = items.last_mut()
                && !group.iter().any(|t| same(t, &term))
            {
                if group.len() < MAX_TERMS {
                    group.push(term);
                } else {
                    overflow.insert(term.to_lowercase());
                }
            }
        } else {
            items.push(Item::AnyOf(vec![term]));
            open_group = true;
        }
    }
    build(items, overflow)
}

/// Returns the query for the kept items: repeats dropped, at most [`MAX_TERMS`] terms.
fn build(items: Vec<Item>, overflow: HashSet<String>) -> Option<FtsQuery> {
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut excluded: Vec<String> = Vec::new();
    let mut seen_groups: HashSet<Vec<String>> = HashSet::new();
    let mut kept: HashSet<String> = HashSet::new();
    let mut left_out = overflow;
    let mut terms = 0;
    let mut full = false;
    for item in items {
        let (size, key) = match &item {
            Item::AnyOf(g) => {
                let mut key: Vec<String> = g.iter().map(|t| t.to_lowercase()).collect();
                key.sort();
                (g.len(), key)
            }
            Item::Not(t) => (1, vec![format!("-{}", t.to_lowercase())]),
        };
        if full || seen_groups.contains(&key) {
            left_out.extend(key);
            continue;
        }
        let item = match item {
            // The first terms of a group that does not fit still do: the query is cut
            // after its first MAX_TERMS terms, which is easy to predict.
            Item::AnyOf(mut g) if terms + size > MAX_TERMS && terms < MAX_TERMS => {
                left_out.extend(g.drain(MAX_TERMS - terms..).map(|t| t.to_lowercase()));
                full = true;
                Item::AnyOf(g)
            }
            _ if terms + size > MAX_TERMS => {
                left_out.extend(key);
                full = true;
                continue;
            }
            item => item,
        };
        match item {
            Item::AnyOf(g) => {
                terms += g.len();
                kept.extend(g.iter().map(|t| t.to_lowercase()));
                groups.push(g);
            }
            Item::Not(t) => {
                terms += 1;
                kept.insert(format!("-{}", t.to_lowercase()));
                excluded.push(t);
            }
        }
        seen_groups.insert(key);
    }
    let ignored = left_out.iter().filter(|k| !kept.contains(*k)).count();
    let any_of = |g: Vec<String>| match g.len() {
        1 => g.concat(),
        _ => format!("({})", g.join(" OR ")),
    };
    let paren = |s: String, n: usize| if n > 1 { format!("({s})") } else { s };
    let positive: Vec<String> = groups.into_iter().map(any_of).collect();
    let (expr, only_excludes) = match (positive.len(), excluded.len()) {
        (0, 0) => return None,
        (0, _) => (excluded.join(" OR "), true),
        (_, 0) => (positive.join(" AND "), false),
        (p, e) => (
            format!(
                "{} NOT {}",
                paren(positive.join(" AND "), p),
                paren(excluded.join(" OR "), e)
            ),
            false,
        ),
    };
    Some(FtsQuery {
        expr,
        only_excludes,
        terms,
        ignored,
    })
}

/// Returns true when two quoted terms are the same to FTS5, which ignores case.
fn same(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// Returns an FTS5 query that matches any of the words, or `None` when none is usable;
/// repeats count once and at most [`MAX_TERMS`] words are kept.
pub fn fts_any(words: &[String]) -> Option<String> {
    let mut seen: HashSet<String> = HashSet::new();
    let parts: Vec<String> = words
        .iter()
        .filter_map(|w| quote(w, false))
        .filter(|t| seen.insert(t.to_lowercase()))
        .take(MAX_TERMS)
        .collect();
    (!parts.is_empty()).then(|| parts.join(" OR "))
}

/// Returns a term quoted for FTS5 (`*` after it for a prefix), cut at
/// [`MAX_TERM_BYTES`]; `None` when it holds nothing FTS5 indexes.
fn quote(term: &str, prefix: bool) -> Option<String> {
    let mut end = term.len().min(MAX_TERM_BYTES);
    while !term.is_char_boundary(end) {
        end -= 1;
    }
    let term = &term[..end];
    // Only letters and digits are indexed; a term of nothing else would match nothing.
    if !term.chars().any(char::is_alphanumeric) {
        return None;
    }
    let quoted = format!("\"{}\"", term.replace('"', "\"\""));
    Some(if prefix { quoted + "*" } else { quoted })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expr(input: &str) -> Option<String> {
        fts_query(input).map(|q| {
            if q.only_excludes {
                format!("ALL EXCEPT {}", q.expr)
            } else {
                q.expr
            }
        })
    }

    #[test]
    fn fts_query_cases() {
        for (name, input, want) in [
            ("words", "retry budget", Some(r#""retry" AND "budget""#)),
            ("prefix", "retr*", Some(r#""retr"*"#)),
            (
                "phrase or word",
                "\"tail latency\" OR p99",
                Some(r#"("tail latency" OR "p99")"#),
            ),
            (
                "or binds the words beside it",
                "deploy OR rollback rivet",
                Some(r#"("deploy" OR "rollback") AND "rivet""#),
            ),
            ("or chains", "a OR b OR c", Some(r#"("a" OR "b" OR "c")"#)),
            (
                "leading not",
                "NOT deploys",
                Some(r#"ALL EXCEPT "deploys""#),
            ),
            ("minus", "-deploys", Some(r#"ALL EXCEPT "deploys""#)),
            (
                "minus phrase",
                "-\"a phrase\"",
                Some(r#"ALL EXCEPT "a phrase""#),
            ),
            ("minus prefix", "-depl*", Some(r#"ALL EXCEPT "depl"*"#)),
            (
                "several exclusions",
                "NOT a -b",
                Some(r#"ALL EXCEPT "a" OR "b""#),
            ),
            (
                "word and exclusion",
                "kafka -billing",
                Some(r#""kafka" NOT "billing""#),
            ),
            (
                "words and exclusions",
                "a b NOT c -\"d e\"",
                Some(r#"("a" AND "b") NOT ("c" OR "d e")"#),
            ),
            (
                "or with an exclusion is and",
                "a OR -b",
                Some(r#""a" NOT "b""#),
            ),
            ("or after an exclusion", "-a OR b", Some(r#""b" NOT "a""#)),
            (
                "hyphen inside a word",
                "e-mail p-99",
                Some(r#""e-mail" AND "p-99""#),
            ),
            (
                "fts5 syntax is text",
                "a:b NEAR(x) ^y",
                Some(r#""a:b" AND "NEAR(x)" AND "^y""#),
            ),
            ("explicit and", "a AND b", Some(r#""a" AND "b""#)),
            ("unclosed quote", "say \"hi", Some(r#""say" AND "hi""#)),
            ("quote in a word", "ab\"c", Some(r#""ab""c""#)),
            (
                "lower-case operators are words",
                "not or",
                Some(r#""not" AND "or""#),
            ),
            ("repeats count once", "a A a b a", Some(r#""a" AND "b""#)),
            (
                "repeated or groups",
                "a OR b b OR a",
                Some(r#"("a" OR "b")"#),
            ),
            ("repeats in a group", "a OR a OR b", Some(r#"("a" OR "b")"#)),
            (
                "an included and excluded word",
                "a -a",
                Some(r#""a" NOT "a""#),
            ),
            ("only operators", "OR AND NOT", None),
            ("blank", "  ", None),
            ("punctuation", "*** --- - \"\"", None),
            ("dangling or", "x OR", Some(r#""x""#)),
            ("dangling not", "x NOT", Some(r#""x""#)),
            ("leading or", "OR x", Some(r#""x""#)),
        ] {
            assert_eq!(expr(input).as_deref(), want, "{name}: {input:?}");
        }
    }

    /// Issue 11: a query of thousands of words builds a small FTS5 expression.
    #[test]
    fn fts_query_is_bounded() {
        let repeated = "deploys ".repeat(4000);
        let q = fts_query(&repeated).expect("query");
        assert_eq!((q.expr.as_str(), q.terms, q.ignored), ("\"deploys\"", 1, 0));

        let distinct: Vec<String> = (0..4000).map(|i| format!("w{i}")).collect();
        let q = fts_query(&distinct.join(" ")).expect("query");
        assert_eq!((q.terms, q.ignored), (MAX_TERMS, 4000 - MAX_TERMS));
        assert!(q.expr.starts_with("\"w0\" AND \"w1\" AND"), "{}", q.expr);
        assert!(q.expr.ends_with("\"w31\""), "{}", q.expr);

        let ored = distinct.join(" OR ");
        let q = fts_query(&ored).expect("query");
        assert_eq!((q.terms, q.ignored), (MAX_TERMS, 4000 - MAX_TERMS));

        // A group that does not fit keeps its first terms.
        let q = fts_query(&format!("kafka billing OR {ored}")).expect("query");
        assert_eq!((q.terms, q.ignored), (MAX_TERMS, 4000 - (MAX_TERMS - 2)));
        assert!(
            q.expr.starts_with(r#""kafka" AND ("billing" OR "w0" OR"#),
            "{}",
            q.expr
        );
        assert!(q.expr.ends_with(r#" OR "w29")"#), "{}", q.expr);

        let excluded = distinct
            .iter()
            .map(|w| format!("-{w}"))
            .collect::<Vec<_>>()
            .join(" ");
        let q = fts_query(&excluded).expect("query");
        assert!(q.only_excludes);
        assert_eq!((q.terms, q.ignored), (MAX_TERMS, 4000 - MAX_TERMS));

        // Whatever the input, the expression is at most this long.
        let (long_x, long_y) = ("x".repeat(10_000), "y\"".repeat(5_000));
        let q = fts_query(&format!("{long_x} \"z{long_x}\"")).expect("query");
        assert_eq!(q.terms, 2);
        assert!(q.expr.len() <= 2 * (MAX_TERM_BYTES + 2) + 5, "{}", q.expr);
        let bound = MAX_TERMS * (2 * MAX_TERM_BYTES + 12);
        for input in [
            &repeated,
            &distinct.join(" "),
            &ored,
            &excluded,
            &long_x,
            &long_y,
        ] {
            let q = fts_query(input).expect("query");
            assert!(q.expr.len() <= bound, "{} bytes", q.expr.len());
        }
    }

    #[test]
    fn fts_query_cuts_long_terms_at_a_character() {
        let word = "é".repeat(MAX_TERM_BYTES);
        let q = fts_query(&word).expect("query");
        assert_eq!(q.expr, format!("\"{}\"", "é".repeat(MAX_TERM_BYTES / 2)));
    }

    #[test]
    fn fts_any_dedups_and_bounds() {
        let words: Vec<String> = ["a", "A", "b", "a", "!"].map(String::from).to_vec();
        assert_eq!(fts_any(&words).as_deref(), Some(r#""a" OR "b""#));
        let many: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        let q = fts_any(&many).expect("query");
        assert_eq!(q.matches(" OR ").count(), MAX_TERMS - 1);
        assert_eq!(fts_any(&[]), None);
    }
}
