//! Numbers that measure: what the coach asks a Result, a Metrics line or a win to hold.
//!
//! A metric is a number that measures (DESIGN.md, Coach): a quantity with a unit (`400 ms`,
//! `2 weeks`, `$30k`), a percentage, a multiplier (`3x`), a change (`from 14 to 1.3`), a
//! count of things (`14 teams`), or a number word (`halved`, `a dozen`). A number that
//! names something does not measure it: dates and periods (`2024`, `Q3`, `H1`, `FY25`,
//! `March 3`), ids (`ABC-123`, `#412`, commit hashes, `order 48213377`), versions (`v1.2`,
//! `3.10.1`, `Python 3`, `upgraded Postgres from 11 to 15`), standards (`RFC 7231`,
//! `ISO 8601`, `SOC 2`, `TLS 1.3`), HTTP status codes (`returned a 404`, `502 errors`),
//! ordinals and list markers (`1st`, `2.`).
//!
//! The text is cut into tokens. Each token that holds a digit, and each number word, is
//! judged by its shape first: a date, a time, a version, an id or an ordinal each has a
//! shape of its own, and a token that starts with letters (`Q3`, `p99`, `ABC-123`, `v2`,
//! `HTTP/2`) is a name. A plain number is then judged by its neighbours, as a reader does:
//! a unit after it measures (`2024 ms`), a label or a name before it names (`sprint 12`,
//! `PR 412`, `Python 3`), a month beside it dates (`March 3`), a year stays a year, a
//! decimal with nothing to measure is a version (`rivet 1.0`), and any other number counts.
//!
//! [`metric_phrases`] gives the clause around each measure, as written: what importers
//! make the metrics of an entry whose source lists none (issue 14).
//!
//! Pure, and one pass over the text: the coach runs it over every entry of a vault.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// Returns true when the text states a measurement: a number that measures, in digits or
/// in words.
pub fn has_measure(text: &str) -> bool {
    let tokens = tokens(text);
    let ctx = Context::new(&tokens);
    (0..tokens.len()).any(|i| measures_at(&ctx, i))
}

/// Returns the tokens of a text that measure, as written and in order: `cut p99 from 420 ms
/// to 95 ms in Q3` gives `420` and `95`.
pub fn measures(text: &str) -> Vec<&str> {
    let tokens = tokens(text);
    let ctx = Context::new(&tokens);
    (0..tokens.len())
        .filter(|&i| measures_at(&ctx, i))
        .map(|i| tokens[i].text)
        .collect()
}

/// The longest metric phrase, in characters: a clause, never a paragraph.
pub const PHRASE_MAX: usize = 120;

/// Returns the metric phrases of a text, as written and in order: the clause around each
/// number that measures, holding the whole measurement (`from 420 ms to 95 ms`, `by 35%`,
/// `~100 PRs`).
///
/// The text is cut into sentences at `.`, `;`, `!`, `?`, `•` and line breaks that do not
/// wrap a sentence. A sentence longer than [`PHRASE_MAX`] characters is cut at its clause
/// boundaries (`, and`, `, which`, ` — `, ...), a clause still too long at its commas and
/// conjunctions, and what is still too long gives the few words around its measurements.
/// A phrase has no bullet marker, no trailing punctuation or `#tag` and no bracket or quote
/// it does not close; a phrase met twice is returned once. `- Cut p99 from 420 ms to 95 ms. Shipped v2 in Q3.` gives `Cut
/// p99 from 420 ms to 95 ms`.
///
/// One pass over the tokens, then one over each sentence that measures.
pub fn metric_phrases(text: &str) -> Vec<&str> {
    let tokens = tokens(text);
    let ctx = Context::new(&tokens);
    let hits: Vec<Range<usize>> = (0..tokens.len())
        .filter(|&i| measures_at(&ctx, i))
        .map(|i| tokens[i].at..tokens[i].at + tokens[i].text.len())
        .collect();
    if hits.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<Range<usize>> = Vec::new();
    for_each_piece(&sentences(text), &hits, |sentence, inside| {
        clauses(text, sentence, inside, 0, &mut found);
    });
    let mut seen = HashSet::new();
    found
        .into_iter()
        .map(|r| &text[r])
        .filter(|p| !p.is_empty() && seen.insert(*p))
        .collect()
}

/// Calls `f` with each piece that holds hits and the hits it holds; pieces and hits are in
/// text order.
fn for_each_piece(
    pieces: &[Range<usize>],
    hits: &[Range<usize>],
    mut f: impl FnMut(Range<usize>, &[Range<usize>]),
) {
    let mut rest = hits;
    for piece in pieces {
        if rest.is_empty() {
            break;
        }
        let skip = rest.partition_point(|h| h.start < piece.start);
        rest = &rest[skip..];
        let n = rest.partition_point(|h| h.start < piece.end);
        let (inside, after) = rest.split_at(n);
        rest = after;
        if !inside.is_empty() {
            f(piece.clone(), inside);
        }
    }
}

/// Words a `.` follows without ending the sentence: `e.g. 3x`, `approx. 40%`, `vs. 95 ms`.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "eg", "ie", "vs", "approx", "appr", "incl", "ca", "cf", "est", "avg", "resp",
    "no", "nr", "nos", "fig", "mr", "mrs", "dr", "st", "jr", "sr", "inc", "ltd", "co", "corp",
];

/// Returns the sentences of a text: the text between `.`, `!` or `?` before a space (not
/// after an abbreviation or an initial), `;`, `•` and line breaks (not those that wrap a
/// sentence).
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let ends = match c {
            '\n' => !wraps(&text[start..i], &text[i + 1..]),
            ';' | '•' => true,
            '.' | '!' | '?' => {
                let spaced = text[i + 1..].chars().next().is_none_or(char::is_whitespace);
                spaced && (c != '.' || !abbreviated(&text[start..i]))
            }
            _ => false,
        };
        if ends {
            out.push(start..i);
            start = i + c.len_utf8();
        }
    }
    out.push(start..text.len());
    out
}

/// Returns true when the line after a line break goes on with the sentence before it, as
/// hard-wrapped prose does: the line before ends in no colon, the line after starts in
/// lower case (a bullet or a new sentence does not).
fn wraps(before: &str, after: &str) -> bool {
    let before = before.trim_end();
    let first = after.trim_start_matches([' ', '\t']).chars().next();
    !before.is_empty()
        && !before.ends_with(':')
        && first.is_some_and(|c| c.is_lowercase() || c == '(')
}

/// Returns true when a text ends in an abbreviation or an initial, so that a `.` after it
/// does not end the sentence.
fn abbreviated(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a))
}

/// Where a long sentence is cut: first at its clause boundaries, then at any comma or
/// conjunction. The boundary itself is in neither piece.
const CLAUSE_BREAKS: [&[&str]; 2] = [
    &[
        ", and ",
        ", but ",
        ", which ",
        ", so ",
        ", while ",
        ", where ",
        ", after ",
        ", before ",
        ", because ",
        ", then ",
        ", thus ",
        ", with ",
        " — ",
        " – ",
        " -- ",
        " - ",
        ": ",
    ],
    &[
        ", ",
        " and ",
        " but ",
        " which ",
        " while ",
        " because ",
        " after ",
        " (",
        ") ",
    ],
];

/// Adds the phrases of a piece of text that holds hits to `out`: the piece itself when it
/// is short enough, else the phrases of its clauses, else the words around its hits.
fn clauses(
    text: &str,
    piece: Range<usize>,
    hits: &[Range<usize>],
    level: usize,
    out: &mut Vec<Range<usize>>,
) {
    let s = &text[piece.clone()];
    if s.len() <= PHRASE_MAX || s.chars().count() <= PHRASE_MAX {
        out.push(phrase(text, piece, hits));
        return;
    }
    let Some(breaks) = CLAUSE_BREAKS.get(level) else {
        windows(text, piece, hits, out);
        return;
    };
    let parts: Vec<Range<usize>> = split_at_any(s, breaks)
        .into_iter()
        .map(|r| r.start + piece.start..r.end + piece.start)
        .collect();
    for_each_piece(&parts, hits, |part, inside| {
        clauses(text, part, inside, level + 1, out);
    });
}

/// Returns the pieces of a text between the separators, in order.
fn split_at_any(s: &str, separators: &[&str]) -> Vec<Range<usize>> {
    let mut cuts: Vec<(usize, usize)> = separators
        .iter()
        .flat_map(|sep| s.match_indices(sep).map(|(i, m)| (i, i + m.len())))
        .collect();
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    for (from, to) in cuts {
        if from >= start {
            out.push(start..from);
            start = to;
        }
    }
    out.push(start..s.len());
    out
}

/// Adds the words around each group of nearby hits of a piece with no boundary left to
/// cut at: up to three words after (the unit, the thing counted), then up to eight before.
fn windows(text: &str, piece: Range<usize>, hits: &[Range<usize>], out: &mut Vec<Range<usize>>) {
    let mut rest = hits;
    while let Some(first) = rest.first() {
        let n = rest
            .partition_point(|h| h.end <= first.start + PHRASE_MAX / 2)
            .max(1);
        let (group, after) = rest.split_at(n);
        rest = after;
        let (mut lo, mut hi) = (first.start, group[n - 1].end);
        for _ in 0..3 {
            let gap = text[hi..piece.end].len() - text[hi..piece.end].trim_start().len();
            let word = text[hi + gap..piece.end]
                .find(char::is_whitespace)
                .unwrap_or(piece.end - hi - gap);
            if word == 0 || hi + gap + word - lo > PHRASE_MAX {
                break;
            }
            hi += gap + word;
        }
        for _ in 0..8 {
            let before = text[piece.start..lo].trim_end();
            let word_start = before.rfind(char::is_whitespace).map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
            let new_lo = piece.start + word_start;
            if new_lo >= lo || hi - new_lo > PHRASE_MAX {
                break;
            }
            lo = new_lo;
        }
        out.push(phrase(text, lo..hi, group));
    }
}

/// Returns a piece as a phrase: without surrounding spaces, bullet markers, trailing
/// punctuation and brackets or quotes it does not close, never cutting into a hit.
fn phrase(text: &str, piece: Range<usize>, hits: &[Range<usize>]) -> Range<usize> {
    let keep_from = hits.first().map_or(piece.end, |h| h.start);
    let keep_to = hits.last().map_or(piece.start, |h| h.end);
    let (mut lo, mut hi) = (piece.start, piece.end);
    loop {
        let cut = leading_junk(&text[lo..hi]);
        if cut == 0 || lo + cut > keep_from {
            break;
        }
        lo += cut;
    }
    loop {
        let cut = trailing_junk(&text[lo..hi]);
        if cut == 0 || hi - cut < keep_to {
            break;
        }
        hi -= cut;
    }
    lo..hi
}

/// Returns how many bytes at the start of a phrase are not part of it: spaces, a bullet
/// marker (`-`, `*`, `1.`), an opening bracket or quote that is not closed.
fn leading_junk(s: &str) -> usize {
    let spaces = s.len() - s.trim_start().len();
    if spaces > 0 {
        return spaces;
    }
    for marker in ["- ", "* ", "+ ", "• ", "– ", "> ", "-\t", "*\t"] {
        if s.starts_with(marker) {
            return marker.len();
        }
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) && (s[digits..].starts_with(". ") || s[digits..].starts_with(") "))
    {
        return digits + 2;
    }
    let Some(c) = s.chars().next() else { return 0 };
    let unclosed = match c {
        '(' => !s.contains(')'),
        '[' => !s.contains(']'),
        '"' => s.matches('"').count() % 2 == 1,
        '“' => !s.contains('”'),
        ',' | ':' | ';' | '—' | '–' => true,
        _ => false,
    };
    if unclosed { c.len_utf8() } else { 0 }
}

/// Returns how many bytes at the end of a phrase are not part of it: spaces, punctuation
/// that ends a clause, a closing bracket or quote that was not opened.
fn trailing_junk(s: &str) -> usize {
    let spaces = s.len() - s.trim_end().len();
    if spaces > 0 {
        return spaces;
    }
    // A `#tag` at the end is the entry's tag, not part of the phrase.
    if let Some((_, word)) = s.rsplit_once(char::is_whitespace)
        && word.len() > 1
        && word.starts_with('#')
    {
        return word.len();
    }
    let Some(c) = s.chars().next_back() else {
        return 0;
    };
    let junk = match c {
        '.' | ',' | ';' | ':' | '!' | '?' | '—' | '–' | '-' => true,
        ')' => !s.contains('('),
        ']' => !s.contains('['),
        '"' => s.matches('"').count() % 2 == 1,
        '”' => !s.contains('“'),
        _ => false,
    };
    if junk { c.len_utf8() } else { 0 }
}

// ---------------------------------------------------------------------------------------
// Tokens

/// Returns one word, number or mix of a text, surrounding punctuation stripped.
#[derive(Debug)]
struct Token<'a> {
    /// As written.
    text: &'a str,
    /// Where it starts in the text, in bytes.
    at: usize,
    /// Lowercased.
    lower: Cow<'a, str>,
    /// What the word can be (bits of [`UNIT`], [`LABEL`], ...), from the word lists.
    class: u16,
    /// A sentence begins here: the text, a line, or after `.`, `:`, `!`, `?`.
    starts_sentence: bool,
    /// A line begins here.
    starts_line: bool,
    /// An arrow (`→`, `->`, `=>`) stands between the token before and this one.
    arrow_before: bool,
    /// Written `N.` or `N)` as a list marker is: the text right after is `.` or `)`.
    marker_after: bool,
    /// Written in brackets on its own: `(2)`.
    bracketed: bool,
}

/// Characters a token is made of; everything else separates tokens.
fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || "$€£¥%#.,:/'’_-×+".contains(c)
}

/// Cuts a text into tokens.
fn tokens(text: &str) -> Vec<Token<'_>> {
    // About a token per six bytes of prose: one allocation, not a dozen growths.
    let mut out: Vec<Token<'_>> = Vec::with_capacity(text.len() / 6 + 1);
    let (mut sentence, mut line, mut arrow) = (true, true, false);
    let mut start: Option<usize> = None;
    let mut prev_char: Option<char> = None;
    // A separator at the end closes the last piece.
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\n')))
    {
        if i < text.len() && is_token_char(c) {
            start.get_or_insert(i);
            prev_char = Some(c);
            continue;
        }
        if let Some(s) = start.take() {
            let piece = &text[s..i];
            let (from, to) = trim_piece(piece);
            let (token, tail) = (&piece[from..to], &piece[to..]);
            if !token.is_empty() {
                let closes = tail.is_empty() && c == ')';
                let lower = if token.chars().any(char::is_uppercase) {
                    Cow::Owned(token.to_lowercase())
                } else {
                    Cow::Borrowed(token)
                };
                // A rate of units is a unit: `400 req/s`, `2 GB/day`.
                let mut class = class(&lower);
                if lower.contains('/') && is_unit_suffix(&lower) {
                    class |= UNIT;
                }
                out.push(Token {
                    text: token,
                    at: s + from,
                    class,
                    lower,
                    starts_sentence: sentence,
                    starts_line: line,
                    arrow_before: arrow,
                    marker_after: tail.starts_with('.') || closes,
                    bracketed: closes && from == 0 && text[..s].ends_with('('),
                });
                (sentence, line, arrow) = (false, false, false);
            }
            if tail.contains(['.', ':']) {
                sentence = true;
            }
        }
        match c {
            '\n' => (sentence, line) = (true, true),
            '!' | '?' | '•' | ';' => sentence = true,
            '→' | '⇒' | '⟶' => arrow = true,
            // `->`, `=>`.
            '>' if matches!(prev_char, Some('-' | '=')) => arrow = true,
            _ => {}
        }
        prev_char = Some(c);
    }
    out
}

/// Returns where a piece's token starts and ends, without the punctuation around it: `'24`
/// keeps its apostrophe, `#412` and `$30k` their signs, `40%` its percent, `C++17` its
/// pluses.
fn trim_piece(piece: &str) -> (usize, usize) {
    let short_year = piece
        .strip_prefix(['\'', '’'])
        .is_some_and(|rest| rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_digit()));
    let from = if short_year {
        0
    } else {
        piece.len() - piece.trim_start_matches(|c| ".,:/'’_-+".contains(c)).len()
    };
    let to = from
        + piece[from..]
            .trim_end_matches(|c| ".,:/'’_-+#$€£¥".contains(c))
            .len();
    (from, to)
}

// ---------------------------------------------------------------------------------------
// Words

/// Units of measure written as their own word after a number: `400 ms`, `2 weeks`.
#[rustfmt::skip]
const UNIT_WORDS: &[&str] = &[
    "ns", "µs", "μs", "ms", "msec", "millisecond", "milliseconds", "s", "sec", "secs", "second",
    "seconds", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "day",
    "days", "week", "weeks", "wk", "wks", "month", "months", "mo", "mos", "year", "years", "yr",
    "yrs", "quarter", "quarters", "sprint", "sprints", "b", "byte", "bytes", "kb", "mb", "gb",
    "tb", "pb", "kib", "mib", "gib", "tib", "k", "m", "mm", "bn", "thousand", "million",
    "millions", "billion", "billions", "trillion", "hundred", "hundreds", "thousands", "dozen",
    "dollar", "dollars", "usd", "eur", "euro", "euros", "gbp", "pound", "pounds", "cent",
    "cents", "%", "percent", "per", "pct", "pp", "bps", "point", "points", "x", "×", "times",
    "fold", "rps", "qps", "tps", "rpm", "fps", "ops", "loc", "kloc",
];

/// Units that name a period when they follow a year: `the 2024 sprint`, `2025 year`.
#[rustfmt::skip]
const PERIODS: &[&str] = &[
    "second", "minute", "hour", "day", "week", "month", "quarter", "year", "sprint", "point",
];

/// Units glued to a number: `400ms`, `3x`, `30k`, `5GB`, `10/s`.
#[rustfmt::skip]
const UNIT_SUFFIXES: &[&str] = &[
    "ns", "us", "µs", "μs", "ms", "s", "sec", "secs", "m", "min", "mins", "h", "hr", "hrs", "w",
    "wk", "wks", "mo", "y", "yr", "yrs", "k", "kb", "mb", "gb", "tb", "pb", "kib", "mib", "gib",
    "tib", "b", "bn", "mm", "x", "×", "%", "pp", "bps", "rps", "qps", "tps", "rpm", "fps",
    "loc", "kloc", "day", "days", "week", "weeks", "month", "months", "hour", "hours", "minute",
    "minutes", "req", "request", "requests",
];

/// Number words: `three teams`, `halved`, `a dozen`. `one` counts only before a unit.
#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
    "billions", "dozen", "dozens", "twice", "thrice", "half", "halved", "double", "doubled",
    "triple", "tripled", "quadrupled", "twofold", "threefold", "tenfold",
];

/// Words after which a number is part of a name, not a measurement: `sprint 12`, `PR 412`,
/// `Python 3`, `step two`.
#[rustfmt::skip]
const LABELS: &[&str] = &[
    "version", "ver", "release", "build", "sprint", "phase", "step", "stage", "tier", "level",
    "milestone", "iteration", "round", "issue", "ticket", "pr", "mr", "cr", "request", "bug",
    "incident", "case", "item", "number", "no", "nr", "id", "rfc", "pep", "cve", "chapter",
    "section", "page", "line", "room", "floor", "gate", "option", "run", "job", "week", "day",
    "month", "quarter", "year", "fy", "cy", "edition", "gen", "generation", "series", "model",
    "mark", "mk", "part", "episode", "season", "volume", "vol", "figure", "fig", "table",
    "appendix", "rule", "lane", "slot", "port", "node", "shard", "wave", "cohort", "batch",
    "commit", "changelist", "cl", "patch", "revision", "rev", "epic", "story", "task",
    // Names that carry a version.
    "python", "java", "node", "nodejs", "ruby", "go", "golang", "rust", "php", "perl", "scala",
    "kotlin", "swift", "dotnet", ".net", "c#", "ios", "android", "windows", "macos", "ubuntu",
    "debian", "centos", "rhel", "fedora", "alpine", "postgres", "postgresql", "mysql",
    "mariadb", "mongodb", "redis", "kafka", "elasticsearch", "kubernetes", "docker",
    "terraform", "react", "angular", "vue", "rails", "django", "spring", "gradle", "jdk", "gcc",
    "clang", "llvm", "http", "tls", "ssl", "oauth", "html", "css", "es", "ecmascript",
    // Standards and classes, whose numbers name them: `ISO 8601`, `SOC 2`, `Sev 1`.
    "iso", "iec", "ieee", "ecma", "ansi", "fips", "nist", "soc", "pci", "wcag", "sha", "md",
    "utf", "ipv", "article", "clause", "sev", "severity", "priority", "grade", "class", "type",
    "category", "status", "code", "errno", "exit",
];

/// Names of measurements: the number after one measures (`NPS 45`, `uptime 99.95`).
#[rustfmt::skip]
const METRIC_NAMES: &[&str] = &[
    "nps", "csat", "ces", "sus", "slo", "sla", "sli", "uptime", "availability", "latency",
    "throughput", "score", "rating", "coverage", "accuracy", "precision", "recall",
    "conversion", "retention", "churn", "mttr", "mttd", "mtbf", "rate", "ratio", "p50", "p75", "p90", "p95",
    "p99", "p999", "p99.9",
];

/// Words that end a look ahead for the thing a number counts.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from",
    "by", "with", "without", "into", "onto", "over", "under", "than", "as", "via", "vs",
    "versus", "so", "that", "this", "these", "those", "it", "its", "is", "are", "was", "were",
    "be", "been", "being", "has", "have", "had", "do", "does", "did", "not", "yes", "we", "i",
    "you", "he", "she", "they", "them", "us", "our", "my", "your", "their", "his", "her",
    "each", "every", "all", "any", "some", "more", "most", "less", "fewer", "after", "before",
    "since", "until", "till", "during", "while", "when", "where", "which", "who", "whom",
    "whose", "what", "then", "now", "also", "only", "just", "about", "around", "up", "down",
    "out", "off", "again", "still", "yet", "very", "too", "both", "either", "neither", "if",
    "because", "across", "between", "within", "among", "through", "against", "like", "near",
];

/// Words after an HTTP status code: `502 errors`, `a 404 page`.
#[rustfmt::skip]
const STATUS_AFTER: &[&str] = &[
    "error", "errors", "response", "responses", "status", "statuses", "code", "codes", "page",
    "pages", "redirect", "redirects", "reply", "replies", "ok",
];

/// Words before an HTTP status code, maybe with `a` between: `returned a 404`, `threw 500`.
#[rustfmt::skip]
const STATUS_BEFORE: &[&str] = &[
    "http", "https", "return", "returns", "returned", "returning", "throw", "throws", "threw",
    "throwing", "respond", "responds", "responded", "responding", "answer", "answers",
    "answered", "got", "get", "gets", "getting", "hit", "hits", "hitting", "saw", "see",
    "sees", "seeing", "served", "serves", "serving", "with", "into", "raise", "raised",
];

/// Verbs that move a thing to a new version: `upgraded Postgres from 11 to 15`.
#[rustfmt::skip]
const UPGRADES: &[&str] = &[
    "upgrade", "upgraded", "upgrades", "upgrading", "bump", "bumped", "bumps", "bumping",
    "migrate", "migrated", "migrates", "migrating", "update", "updated", "updating", "port",
    "ported", "porting", "downgrade", "downgraded", "pin", "pinned", "pinning",
];

/// Things a number joined to them by a hyphen counts: `a 10-person team`, `a 5-node
/// cluster`. Other joined words name a kind (`64-bit`, `2-phase`, `3-way`, `12-factor`).
#[rustfmt::skip]
const COUNT_NOUNS: &[&str] = &[
    "person", "people", "engineer", "member", "developer", "node", "server", "host", "machine",
    "core", "gpu", "service", "microservice", "region", "zone", "team", "country", "city",
    "language", "page", "line", "slide", "user", "seat", "store", "site", "customer", "step",
    "table", "file", "repo", "module", "cluster", "shard", "office", "school", "hospital",
];

/// Currencies written before the amount: `USD 30,000`, `EUR 2M`.
#[rustfmt::skip]
const CURRENCIES: &[&str] = &[
    "usd", "eur", "gbp", "chf", "jpy", "cad", "aud", "inr", "sek", "nok", "dkk", "rs",
];

/// Plurals that do not end in `s`.
#[rustfmt::skip]
const PLURALS: &[&str] = &[
    "people", "men", "women", "children", "data", "staff", "personnel", "media", "feet",
    "criteria",
];

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

// What a word can be: one look-up per token gives every list it is on.
const UNIT: u16 = 1;
const PERIOD: u16 = 1 << 1;
const SUFFIX: u16 = 1 << 2;
const NUMBER_WORD: u16 = 1 << 3;
const LABEL: u16 = 1 << 4;
const METRIC: u16 = 1 << 5;
const FUNCTION: u16 = 1 << 6;
const PLURAL: u16 = 1 << 7;
const MONTH: u16 = 1 << 8;
const STATUS_NEXT: u16 = 1 << 9;
const STATUS_PREV: u16 = 1 << 10;
const UPGRADE: u16 = 1 << 11;
const CURRENCY: u16 = 1 << 12;
const COUNT_NOUN: u16 = 1 << 13;

static CLASSES: LazyLock<HashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, u16> = HashMap::new();
    for (list, bit) in [
        (UNIT_WORDS, UNIT),
        (PERIODS, PERIOD),
        (UNIT_SUFFIXES, SUFFIX),
        (NUMBER_WORDS, NUMBER_WORD),
        (LABELS, LABEL),
        (METRIC_NAMES, METRIC),
        (FUNCTION_WORDS, FUNCTION),
        (PLURALS, PLURAL),
        (MONTHS, MONTH),
        (STATUS_AFTER, STATUS_NEXT),
        (STATUS_BEFORE, STATUS_PREV),
        (UPGRADES, UPGRADE),
        (CURRENCIES, CURRENCY),
        (COUNT_NOUNS, COUNT_NOUN),
    ] {
        for w in list {
            *map.entry(w).or_default() |= bit;
        }
    }
    map
});

/// Returns the lists a lowercase word is on, as bits.
fn class(w: &str) -> u16 {
    CLASSES.get(w).copied().unwrap_or(0)
}

fn is_word(t: &Token<'_>) -> bool {
    t.text
        .chars()
        .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
}

fn is_month(t: &Token<'_>) -> bool {
    // `may` is a month only as `May`.
    t.class & MONTH != 0 && (t.lower != "may" || t.text.starts_with('M'))
}

fn is_unit(t: &Token<'_>) -> bool {
    t.class & UNIT != 0
}

/// Returns true for a unit that does not also name a period: `ms`, `weeks`, not `sprint`.
fn is_strong_unit(t: &Token<'_>) -> bool {
    t.class & (UNIT | PERIOD) == UNIT
}

fn is_number_word(w: &str) -> bool {
    !w.is_empty() && w.split('-').all(|part| class(part) & NUMBER_WORD != 0)
}

/// Returns true for a quantity in words before a noun: `a two-week sprint`, `three-day`.
fn is_worded_quantity(w: &str) -> bool {
    w.split_once('-')
        .is_some_and(|(n, unit)| is_number_word(n) && class(unit) & UNIT != 0)
}

/// Returns true for a word that reads as a plural noun: `teams`, `tests`, `people`.
fn is_plural(t: &Token<'_>) -> bool {
    let w = t.lower.as_ref();
    if t.class & FUNCTION != 0 || !is_word(t) {
        return false;
    }
    t.class & PLURAL != 0
        || (w.chars().count() >= 3
            && w.ends_with('s')
            && !["ss", "us", "is"].iter().any(|e| w.ends_with(e)))
}

// ---------------------------------------------------------------------------------------
// Shapes

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?", // 2025-03-14, 2025-03, 2025/3/14
        r"|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{2}|\d{4})", // 14.03.2025, 3/14/25
        r"|(?:19|20)\d{2}[-–/](?:(?:19|20)?\d{2}))$", // 2024-25, 2023/2024
    ))
    .expect("valid")
});
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,2}:\d{1,2}(?::\d{2})?(?:am|pm|h|s)?|\d{1,2}(?:am|pm))$").expect("valid")
});
static ORDINAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+(?:st|nd|rd|th)$").expect("valid"));
static VERSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+(?:\.\d+){2,}").expect("valid"));

/// Returns the length of the number a token starts with: digits and thousands commas,
/// then maybe a decimal part (`1,200`, `1.3`); 0 when it starts with none.
fn number_len(t: &str) -> usize {
    let b = t.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_digit) {
        return 0;
    }
    let mut i = 1;
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b',') {
        i += 1;
    }
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        i += 2;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    i
}

/// Returns what a token with a digit is, by its shape alone.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Shape<'a> {
    /// A measurement whatever its neighbours: `400ms`, `3x`, `40%`, `$30k`, `24-hour`.
    Measure,
    /// Never a measurement: a date, time, period, version, id, ordinal or name.
    Not,
    /// A plain number (or range), to judge by its neighbours: the (first) number.
    Plain(&'a str),
    /// `a/b`: a rating or share (`4.8/5`, `3/4`), or not (`24/7`, `3/14`).
    Fraction(f64, f64),
}

fn shape(t: &str) -> Shape<'_> {
    let first = t.chars().next().unwrap_or(' ');
    if first == '#' {
        // `#412`, `#perf`: an issue or a tag.
        return Shape::Not;
    }
    if "$€£¥".contains(first) && t.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) {
        return Shape::Measure;
    }
    if first.is_alphabetic() || first == '\'' || first == '’' || first == '_' {
        // `Q3`, `H1`, `FY25`, `v1.2`, `p99`, `ABC-123`, `HTTP/2`, `'24`: a name or period.
        return Shape::Not;
    }
    if first == '×' {
        return Shape::Measure;
    }
    // The patterns only where they could match: most numbers are plain `420`.
    let punctuated = t.contains(['-', '/', '.', ':']);
    let lettered = t.bytes().any(|b| b.is_ascii_alphabetic());
    if (punctuated && (DATE.is_match(t) || VERSION.is_match(t)))
        || ((punctuated || lettered) && TIME.is_match(t))
        || (lettered && ORDINAL.is_match(t))
    {
        return Shape::Not;
    }
    let a_len = number_len(t);
    if a_len == 0 {
        return Shape::Not;
    }
    let (a, mut rest) = t.split_at(a_len);
    let mut range = false;
    if let Some(b) = rest.strip_prefix('-')
        && number_len(b) > 0
    {
        // `3-5 days`: a range, judged by its first number.
        rest = &b[number_len(b)..];
        range = true;
    }
    let suffix = rest.to_lowercase();
    if suffix.is_empty() {
        return Shape::Plain(a);
    }
    if let Some(den) = suffix.strip_prefix('/')
        && !range
        && let (Ok(n), Ok(d)) = (a.replace(',', "").parse(), den.parse())
    {
        return Shape::Fraction(n, d);
    }
    // `1990s`: a decade; `429s`, `5xx`: HTTP errors.
    if suffix == "s" && (is_year(a) || (is_status_code(a) && a >= "400")) {
        return Shape::Not;
    }
    if is_unit_suffix(&suffix) {
        return Shape::Measure;
    }
    // `24-hour`, `3-million-row`, `10-person`: a quantity before a noun.
    if let Some(words) = suffix.strip_prefix('-') {
        let head = words.split('-').next().unwrap_or("");
        return if class(head) & (UNIT | COUNT_NOUN) != 0 || is_number_word(head) {
            Shape::Measure
        } else {
            Shape::Not
        };
    }
    // `2fa`, `39c5d4f` (a commit), `4g`: a name.
    Shape::Not
}

/// Returns true for a unit glued to a number, or a rate of them: `ms`, `k`, `/s`, `k/s`.
fn is_unit_suffix(s: &str) -> bool {
    let suffix = |w: &str| class(w) & SUFFIX != 0;
    match s.split_once('/') {
        Some((a, b)) => (a.is_empty() || suffix(a)) && suffix(b),
        None => class(s) & (SUFFIX | UNIT) != 0,
    }
}

/// Returns true for a number that reads as a year: 1900 to 2099, four digits.
fn is_year(n: &str) -> bool {
    n.len() == 4
        && (n.starts_with("19") || n.starts_with("20"))
        && n.bytes().all(|b| b.is_ascii_digit())
}

// ---------------------------------------------------------------------------------------
// Neighbours

/// The tokens of a text, and what holds for all of them.
struct Context<'t, 'a> {
    tokens: &'t [Token<'a>],
    /// Most longer words are capitalized (`Cut Build Time By Half`): capitals say nothing
    /// about names. Worked out when first asked.
    title_case: OnceCell<bool>,
}

impl<'t, 'a> Context<'t, 'a> {
    fn new(tokens: &'t [Token<'a>]) -> Context<'t, 'a> {
        Context {
            tokens,
            title_case: OnceCell::new(),
        }
    }

    fn title_case(&self) -> bool {
        *self.title_case.get_or_init(|| {
            let (mut long, mut caps) = (0usize, 0usize);
            for t in self.tokens {
                if is_word(t) && t.text.chars().count() >= 4 {
                    long += 1;
                    caps += usize::from(t.text.starts_with(char::is_uppercase));
                }
            }
            long >= 3 && caps * 10 >= long * 7
        })
    }
}

/// Returns true when the token before names what the number belongs to: a label word
/// (`sprint`, `PR`), an acronym, or a capitalized name inside a sentence (`Python`).
fn names_before(t: &Token<'_>, ctx: &Context<'_, '_>) -> bool {
    if t.class & LABEL != 0 {
        return true;
    }
    if t.class & FUNCTION != 0 || t.text == "I" || !is_word(t) {
        return false;
    }
    let mut letters = t.text.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return false;
    };
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in letters {
        if c.is_uppercase() {
            upper += 1;
        } else {
            lower += 1;
        }
    }
    // `PR`, `HTTP`; `iOS`, `PostgreSQL`; `Python` inside a sentence.
    let acronym = first.is_uppercase() && upper > 0 && lower == 0;
    let mixed = upper > 0 && !acronym;
    acronym || mixed || (first.is_uppercase() && !t.starts_sentence && !ctx.title_case())
}

/// Returns true when the token at `i` measures.
fn measures_at(ctx: &Context<'_, '_>, i: usize) -> bool {
    let tokens = ctx.tokens;
    let t = &tokens[i];
    let has_digit = t.text.bytes().any(|b| b.is_ascii_digit());
    if !has_digit && !is_number_word(&t.lower) {
        // `an order of magnitude faster`: a measure without a number.
        let magnitude = t.lower.as_ref() == "magnitude"
            && i >= 2
            && !t.starts_sentence
            && !tokens[i - 1].starts_sentence
            && tokens[i - 1].lower == "of"
            && matches!(tokens[i - 2].lower.as_ref(), "order" | "orders");
        return magnitude || is_worded_quantity(&t.lower);
    }
    let prev = i
        .checked_sub(1)
        .map(|p| &tokens[p])
        .filter(|_| !t.starts_sentence);
    let next = tokens.get(i + 1).filter(|n| !n.starts_sentence);
    let prev_has = |bits: u16| prev.is_some_and(|p| p.class & bits != 0);
    let label = prev_has(LABEL);

    if !has_digit {
        return match t.lower.as_ref() {
            // `one` is mostly a pronoun: `one of us`, `the one that`.
            "one" => next.is_some_and(is_unit),
            // `the second half`: a period.
            "half" => !prev.is_some_and(|p| {
                ["first", "second", "1st", "2nd", "latter", "former"].contains(&p.lower.as_ref())
            }),
            // `step two`, `phase three`.
            _ => !label,
        };
    }

    match shape(t.text) {
        Shape::Measure => true,
        Shape::Not => false,
        Shape::Fraction(n, d) => {
            let counts = next.is_some_and(|n| n.lower == "of" || is_unit(n) || is_plural(n));
            // `shipped on 12/5`, `since 3/4`: a day of a month.
            let dated = prev.is_some_and(|p| {
                ["on", "since", "until", "till", "by", "before", "after"]
                    .contains(&p.lower.as_ref())
            });
            n <= d && (counts || (!dated && [2.0, 3.0, 4.0, 5.0, 10.0, 100.0].contains(&d)))
        }
        Shape::Plain(n) => {
            let integer = !n.contains('.');
            // A unit that is not also a period's name: `2048 ms`, but `the 2024 sprint`.
            let strong_unit = next.is_some_and(is_strong_unit);
            if is_year(n) {
                // `in 2024`, `2024 roadmap`.
                return strong_unit;
            }
            // A day beside its month: `March 3`, `3 March`, `3 of March`.
            let day = integer && n.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
            let month_after = next.is_some_and(is_month)
                || (next.is_some_and(|n| n.lower == "of")
                    && tokens.get(i + 2).is_some_and(is_month));
            if day && (prev.is_some_and(is_month) || month_after) {
                return false;
            }
            // An hour of the clock: `at 3 pm`.
            if integer
                && next.is_some_and(|n| matches!(n.lower.as_ref(), "am" | "pm" | "a.m" | "p.m"))
            {
                return false;
            }
            // A list marker (`1.`, `2)` starting a line) or an enumerator (`(2)`).
            if integer && n.len() <= 3 && (t.bracketed || (t.starts_line && t.marker_after)) {
                return false;
            }
            // After the name of a measurement: `NPS 45`, `CSAT to 4.7`, `uptime at 99.95`.
            let metric_before = prev_has(METRIC)
                || (prev_has(FUNCTION)
                    && i >= 2
                    && !prev.is_some_and(|p| p.starts_sentence)
                    && tokens[i - 2].class & METRIC != 0);
            // After a currency: `USD 30,000`.
            if metric_before || prev_has(CURRENCY) {
                return true;
            }
            if label {
                // `sprint 12`, `PR 412`; `version 2 took 40 ms` measures at `40`.
                return strong_unit;
            }
            let counted = counts_something(tokens, i);
            if integer && is_status_code(n) && is_status(tokens, i, counted) {
                // `returned a 404`, `502 errors`; `served 500 users` counts.
                return false;
            }
            if prev.is_some_and(|p| names_before(p, ctx)) {
                // `Python 3`, `Windows 11`; `Priya 3 days`, `Acme 40 seats` measure.
                return strong_unit || counted;
            }
            if next.is_some_and(is_unit) {
                // `2 weeks`, `a 5 minute build`.
                return true;
            }
            if counted {
                return true;
            }
            let change = is_change(tokens, i);
            let to = prev.is_some_and(|p| p.lower == "to" || p.lower == "from");
            if (change || to) && upgraded_before(tokens, i) {
                // `upgraded Postgres from 11 to 15`, `bumped it to 17`: versions.
                return false;
            }
            if integer && is_id(n) {
                // `ticket 0042`, `order 48213377`: an id, unless it changes.
                return change;
            }
            // A decimal with nothing to measure is a version: `rivet 1.0`, `to 3.12`.
            integer || change
        }
    }
}

/// Returns true for a number HTTP uses as a status code: 200-226, 300-308, 400-451,
/// 500-511.
fn is_status_code(n: &str) -> bool {
    n.len() == 3
        && n.parse::<u16>()
            .is_ok_and(|c| matches!(c, 200..=226 | 300..=308 | 400..=451 | 500..=511))
}

/// Returns true when a status-code number at `i` is used as one: a word of HTTP after it
/// (`502 errors`, `404 page`), or a verb of answering before it, maybe with an article
/// (`returned a 404`, `threw 500 on login`), and nothing it counts.
fn is_status(tokens: &[Token<'_>], i: usize, counted: bool) -> bool {
    let t = &tokens[i];
    let next = tokens.get(i + 1).filter(|n| !n.starts_sentence);
    if next.is_some_and(|n| n.class & STATUS_NEXT != 0) {
        return true;
    }
    if counted || next.is_some_and(is_unit) || t.starts_sentence || i == 0 {
        return false;
    }
    let prev = &tokens[i - 1];
    if prev.class & STATUS_PREV != 0 {
        return true;
    }
    matches!(prev.lower.as_ref(), "a" | "an" | "the")
        && !prev.starts_sentence
        && i >= 2
        && tokens[i - 2].class & STATUS_PREV != 0
}

/// Returns true for a number that reads as an id: a leading zero (`0042`) or seven digits
/// or more with no thousands commas (`48213377`).
fn is_id(n: &str) -> bool {
    (n.len() >= 2 && n.starts_with('0')) || (n.len() >= 7 && !n.contains(','))
}

/// Returns true when the number changes a version: a verb of upgrading comes a few words
/// before it in the same sentence (`upgraded Postgres from 11 to 15`), or a name that
/// carries a version opens the change (`Node from 16 to 20`).
fn upgraded_before(tokens: &[Token<'_>], i: usize) -> bool {
    let from = i.saturating_sub(12);
    for (j, b) in tokens[from..i].iter().enumerate().rev() {
        let named = b.lower == "from" && j > 0 && tokens[from + j - 1].class & LABEL != 0;
        if b.class & UPGRADE != 0 || (named && !b.starts_sentence) {
            return true;
        }
        if b.starts_sentence {
            return false;
        }
    }
    false
}

/// Returns true when a plural noun (or a unit) follows the number within three words of
/// the same phrase: `14 teams`, `1200 integration tests`.
fn counts_something(tokens: &[Token<'_>], i: usize) -> bool {
    for n in tokens.iter().skip(i + 1).take(3) {
        if n.starts_sentence || n.class & FUNCTION != 0 || !is_word(n) {
            return false;
        }
        if is_strong_unit(n) || is_plural(n) {
            return true;
        }
    }
    false
}

/// Returns true when the number is one end of a change: `from 4.1 to 4.6`, `1.2 → 0.8`.
fn is_change(tokens: &[Token<'_>], i: usize) -> bool {
    let t = &tokens[i];
    let next = tokens.get(i + 1).filter(|n| !n.starts_sentence);
    if t.arrow_before || next.is_some_and(|n| n.arrow_before) {
        return true;
    }
    if t.starts_sentence || i == 0 {
        return false;
    }
    let opens = |b: &Token<'_>| b.lower == "from" || b.lower == "between";
    match tokens[i - 1].lower.as_ref() {
        "from" | "between" => true,
        // `from 4.1 to 4.6`: a `from` a few words back in the same sentence.
        "to" | "and" if !tokens[i - 1].starts_sentence => {
            let sentence = tokens[..i - 1]
                .iter()
                .rposition(|b| b.starts_sentence)
                .unwrap_or(0);
            tokens[sentence.max(i.saturating_sub(8))..i - 1]
                .iter()
                .any(opens)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_strip_punctuation_and_mark_sentences() {
        let ts = tokens("Cut p99 (Q3) from 420ms -> 95 ms. Then: #412, $30k; '24 and 3.10.1.");
        let texts: Vec<&str> = ts.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            [
                "Cut", "p99", "Q3", "from", "420ms", "95", "ms", "Then", "#412", "$30k", "'24",
                "and", "3.10.1"
            ]
        );
        assert!(ts[5].arrow_before);
        assert!(ts[7].starts_sentence && !ts[6].starts_sentence);
        let ts = tokens("1. measured it\n2) cut it (3) ok");
        assert!(ts[0].starts_line && ts[0].marker_after);
        assert!(ts[3].starts_line && ts[3].marker_after);
        assert!(ts[6].bracketed);
    }

    #[test]
    fn measures_lists_the_measuring_tokens() {
        assert_eq!(
            measures("cut p99 from 420 ms to 95 ms in Q3 2025 for ABC-123"),
            ["420", "95"]
        );
        assert_eq!(
            measures("halved the build, 3x faster, 40% cheaper"),
            ["halved", "3x", "40%"]
        );
    }

    /// Issue 14: the measure a sentence states, kept as written, one phrase a clause.
    #[test]
    fn metric_phrases_keep_the_whole_measurement() {
        for (name, text, want) in [
            (
                "change",
                "- Cut p99 from 420 ms to 95 ms. Shipped v2 in Q3.",
                &["Cut p99 from 420 ms to 95 ms"][..],
            ),
            (
                "percent",
                "Reduced deploy time by 35%.",
                &["Reduced deploy time by 35%"],
            ),
            (
                "about",
                "Reviewed ~100 PRs for the platform team",
                &["Reviewed ~100 PRs for the platform team"],
            ),
            (
                "money_rate",
                "Saved $30k a month on compute",
                &["Saved $30k a month on compute"],
            ),
            (
                "multiplier",
                "Made the importer 3x faster!",
                &["Made the importer 3x faster"],
            ),
            (
                "size",
                "* moved 2.5 TB of logs to cold storage",
                &["moved 2.5 TB of logs to cold storage"],
            ),
            (
                "rate",
                "The gateway now serves 400 req/s per node",
                &["The gateway now serves 400 req/s per node"],
            ),
            (
                "duration",
                "Onboarding took 2 weeks instead of 6",
                &["Onboarding took 2 weeks instead of 6"],
            ),
            (
                "count",
                "1. Mentored 4 new hires",
                &["Mentored 4 new hires"],
            ),
            (
                "word",
                "Halved the flaky tests; three teams adopted it.",
                &["Halved the flaky tests", "three teams adopted it"],
            ),
            (
                "currency_word",
                "Saved USD 30,000 per quarter",
                &["Saved USD 30,000 per quarter"],
            ),
            ("arrow", "retry load 14x → 1.3x", &["retry load 14x → 1.3x"]),
            (
                "status_and_count",
                "The 500 errors fell to 3 a day.",
                &["The 500 errors fell to 3 a day"],
            ),
            (
                "lines",
                "Wins:\n- cut CI from 40 min to 12 min\n- wrote the runbook\n- 18 meetups in a row",
                &["cut CI from 40 min to 12 min", "18 meetups in a row"],
            ),
            (
                "bullet_char",
                "• 12 services migrated • docs written",
                &["12 services migrated"],
            ),
            (
                "abbreviation",
                "Faster builds, e.g. 3x on the monorepo.",
                &["Faster builds, e.g. 3x on the monorepo"],
            ),
            (
                "vs",
                "p95 of 80 ms vs. 300 ms before",
                &["p95 of 80 ms vs. 300 ms before"],
            ),
            ("brackets", "(cut 40% of the cost", &["cut 40% of the cost"]),
            (
                "closed_brackets",
                "Cut the bill (from $9k to $4k) in March.",
                &["Cut the bill (from $9k to $4k) in March"],
            ),
            ("twice", "Cut 40%. Cut 40%.", &["Cut 40%"]),
            (
                "no_digit_word",
                "one of the hardest bugs, fixed twice",
                &["one of the hardest bugs, fixed twice"],
            ),
            ("none", "one of the hardest bugs", &[]),
            (
                "worded_quantity",
                "Ran a two-week pilot",
                &["Ran a two-week pilot"],
            ),
            (
                "trailing_tag",
                "- Cut CI by 40% #ci #perf",
                &["Cut CI by 40%"],
            ),
            ("rate_unit", "now at 2 GB/day", &["now at 2 GB/day"]),
            (
                "plus_sign",
                "NPS +12 since the launch",
                &["NPS +12 since the launch"],
            ),
            (
                "range",
                "saved 3-5 hours a week",
                &["saved 3-5 hours a week"],
            ),
            (
                "hyphen_count",
                "Led a 10-person team",
                &["Led a 10-person team"],
            ),
            (
                "magnitude",
                "Cut build times by an order of magnitude",
                &["Cut build times by an order of magnitude"],
            ),
            (
                "rating",
                "Rated 4/5 by the pilot teams",
                &["Rated 4/5 by the pilot teams"],
            ),
            (
                "wrapped",
                "Cut p99 latency from 420 ms\nto 95 ms by caching.\nWrote the doc",
                &["Cut p99 latency from 420 ms\nto 95 ms by caching"],
            ),
            (
                "not_wrapped",
                "Cut p99 by 40%\n- 3 teams adopted it\nShipped 2 tools",
                &["Cut p99 by 40%", "3 teams adopted it", "Shipped 2 tools"],
            ),
        ] {
            assert_eq!(metric_phrases(text), want, "{name}: {text:?}");
        }
    }

    #[test]
    fn metric_phrases_cut_long_sentences_at_clauses() {
        let text = "We rebuilt the ingestion pipeline for the analytics team over the whole \
            quarter, and p99 latency fell from 420 ms to 95 ms, which let the dashboards load \
            in under 2 seconds for every customer we have.";
        assert_eq!(
            metric_phrases(text),
            [
                "p99 latency fell from 420 ms to 95 ms",
                "let the dashboards load in under 2 seconds for every customer we have"
            ]
        );
        let text = "Led the migration of the billing platform from a monolith to services \
            over the course of the year while mentoring two new engineers and running the \
            weekly architecture review for the whole org";
        let got = metric_phrases(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].contains("two new engineers"), "{got:?}");
        // No boundary at all: the words around the measurement.
        let long = format!(
            "{} cut p99 from 420 ms to 95 ms {}",
            "word ".repeat(40),
            "more ".repeat(40)
        );
        let got = metric_phrases(&long);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].contains("cut p99 from 420 ms to 95 ms"), "{got:?}");
        assert!(got[0].chars().count() <= PHRASE_MAX, "{got:?}");
    }

    /// Issue 14: numbers that name something are no metric.
    #[test]
    fn metric_phrases_leave_out_numbers_that_name() {
        for (name, text) in [
            (
                "http_status",
                "the endpoint returned a 404 for missing users",
            ),
            ("http_word", "HTTP 500 on login"),
            ("status_errors", "chased the 502 errors at the edge"),
            ("status_plural", "fewer 429s and 5xx"),
            ("status_threw", "the job threw 503 when the cache was cold"),
            ("rfc", "implemented RFC 7231 caching"),
            ("iso", "ISO 8601 timestamps everywhere"),
            ("sha", "signed with SHA-256"),
            ("ipv6", "moved the fleet to IPv6"),
            ("oauth", "added OAuth 2 login"),
            ("tls", "turned on TLS 1.3 for the gateway"),
            ("es", "ported the bundle to ES2015 modules"),
            ("soc", "passed the SOC 2 audit"),
            ("sev", "ran the Sev 1 postmortem"),
            ("version_dotted", "released v1.2.3"),
            ("version_name", "moved to Python 3.12"),
            ("upgrade", "upgraded Postgres from 11 to 15"),
            ("upgrade_to", "bumped the runtime to 17"),
            ("named_change", "moved Node from 16 to 20"),
            ("date", "shipped on March 3, 2025"),
            ("iso_date", "shipped on 2025-03-14"),
            ("quarter", "launched in Q3 2024"),
            ("ticket", "fixed JIRA-123 and PROJ-42"),
            ("pr", "merged PR 412 and #413"),
            ("ordinal", "the 2nd time we ran it"),
            ("id_long", "refunded order 48213377"),
            ("id_zero", "closed ticket 0042 and case 007"),
            ("list_marker", "1. wrote the doc\n2) shipped it"),
            ("hyphen_kind", "moved to a 64-bit build with 2-phase commit"),
            ("slash_date", "shipped on 12/5 and frozen since 3/4"),
            ("clock", "paged at 3 pm, fixed by 11 p.m."),
            ("status_ok", "health checks answer 200 OK"),
            ("magnitude_alone", "the magnitude of the outage"),
        ] {
            assert_eq!(metric_phrases(text), Vec::<&str>::new(), "{name}: {text:?}");
            assert!(!has_measure(text), "{name}: {text:?}");
        }
    }

    #[test]
    fn status_codes_that_count_still_measure() {
        assert_eq!(
            measures("served 500 users and 404 requests"),
            ["500", "404"]
        );
        assert_eq!(measures("The 500 errors fell to 3"), ["3"]);
        assert_eq!(measures("a 200 ms budget"), ["200"]);
        assert_eq!(measures("upgraded 40 services from 2.7 to 3.11"), ["40"]);
    }

    /// Issue 11 holds here too: a long text, one sentence or many, is read in linear time
    /// (quadratic code makes this test run for minutes).
    #[test]
    fn metric_phrases_linear() {
        let n = 20_000;
        let one_sentence: String = (0..n).map(|i| format!("then {i} ms more ")).collect();
        let got = metric_phrases(&one_sentence);
        assert!(got.len() >= n / 10, "{}", got.len());
        assert!(got.iter().all(|p| p.chars().count() <= PHRASE_MAX));
        let lines: String = (0..n)
            .map(|i| format!("- cut build {i} by {i}%\n"))
            .collect();
        assert_eq!(metric_phrases(&lines).len(), n);
    }

    proptest::proptest! {
        /// Every phrase is a piece of the text, holds a digit or a number word, and is no
        /// longer than a phrase may be.
        #[test]
        fn metric_phrases_are_pieces_of_the_text(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "cut", "p99", "from", "420", "ms", "to", "95", "by", "35%", "$30k", "a", "month",
                "~100", "PRs", "3x", "2.5", "TB", "400", "req/s", "teams", "halved", "two",
                "v1.2", "2024", "Q3", "HTTP", "404", "returned", "errors", "RFC", "7231",
                "JIRA-123", "and", ",", ", and", ", which", ".", ";", "\n", "- ", "(", ")",
                "—", "e.g.", "\"", "•", "1.", "the", "build", "time", "14x", "→", "1.3x",
            ]), 0..80),
            glue in proptest::collection::vec(proptest::sample::select(vec![" ", "", "  "]), 80),
        ) {
            let mut text = String::new();
            for (w, g) in words.iter().zip(&glue) {
                text.push_str(w);
                text.push_str(g);
            }
            let phrases = metric_phrases(&text);
            let mut seen = HashSet::new();
            for p in &phrases {
                proptest::prop_assert!(text.contains(p), "{p:?} not in {text:?}");
                proptest::prop_assert!(
                    p.bytes().any(|b| b.is_ascii_digit())
                        || tokens(p).iter().any(|t| is_number_word(&t.lower) || is_worded_quantity(&t.lower) || t.lower == "magnitude"),
                    "{p:?} holds no number"
                );
                proptest::prop_assert!(p.chars().count() <= PHRASE_MAX, "{p:?} too long");
                proptest::prop_assert!(p.trim() == *p && !p.is_empty(), "{p:?} untrimmed");
                proptest::prop_assert!(seen.insert(*p), "{p:?} twice");
            }
            proptest::prop_assert_eq!(phrases.is_empty(), !has_measure(&text));
        }

        #[test]
        fn metric_phrases_never_panic(text in "\\PC{0,400}") {
            for p in metric_phrases(&text) {
                proptest::prop_assert!(text.contains(p));
            }
        }
    }
}
