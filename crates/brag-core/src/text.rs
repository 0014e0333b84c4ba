//! Recognising `#tag`, `@person` and URLs inside free text, as `brag add` and the importers do.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"https?://[^\s<>"'`]+"#).expect("URL pattern is valid"));
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(\[])#([\p{L}\p{N}][\p{L}\p{N}_/.-]*)").expect("tag pattern is valid")
});
static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(\[])@([\p{L}\p{N}][\p{L}\p{N}_.-]*)").expect("person pattern is valid")
});

/// Returns what [`recognise`] found in a piece of text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recognised {
    /// Tags without `#`, lowercased, in order of first appearance, no repeats.
    pub tags: Vec<String>,
    /// People without `@`, in order of first appearance, no repeats.
    pub people: Vec<String>,
    /// URLs, without trailing punctuation, in order, no repeats.
    pub urls: Vec<String>,
    /// Where each URL occurs in the text (repeats included), as byte ranges, in order.
    pub url_spans: Vec<Range<usize>>,
    /// The text without URLs and without `#tag`s at its end, `#`/`@` markers dropped
    /// elsewhere; whitespace collapsed. Good for a title.
    pub plain: String,
}

/// Returns the tags, people and URLs written inline in `text`, and a plain version of it.
pub fn recognise(text: &str) -> Recognised {
    let mut out = Recognised::default();
    // What each list holds, so a text with thousands of tags or links stays linear.
    let mut seen: [HashSet<String>; 3] = Default::default();
    let [urls, tags, people] = &mut seen;
    for m in URL.find_iter(text) {
        let url = trim_url(m.as_str());
        push_unique(&mut out.urls, urls, url.to_owned());
        out.url_spans.push(m.start()..m.start() + url.len());
    }
    // The spans are in text order and do not overlap: a binary search finds the one that
    // could hold a position.
    let spans = &out.url_spans;
    let inside_url = |pos: usize| {
        let after = spans.partition_point(|s| s.start <= pos);
        after > 0 && spans[after - 1].contains(&pos)
    };
    for c in TAG.captures_iter(text) {
        let m = c.get(1).expect("group 1 always takes part");
        let tag = m.as_str().trim_end_matches(['.', '/', '-']);
        if inside_url(m.start()) || tag.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        push_unique(&mut out.tags, tags, tag.to_lowercase());
    }
    for c in PERSON.captures_iter(text) {
        let m = c.get(1).expect("group 1 always takes part");
        if inside_url(m.start()) {
            continue;
        }
        push_unique(
            &mut out.people,
            people,
            m.as_str().trim_end_matches(['.', '-']).to_owned(),
        );
    }
    out.plain = plain(text, &out.url_spans);
    out
}

fn plain(text: &str, url_spans: &[Range<usize>]) -> String {
    let mut cut = String::with_capacity(text.len());
    let mut last = 0;
    for span in url_spans {
        cut.push_str(&text[last..span.start]);
        last = span.end;
    }
    cut.push_str(&text[last..]);
    let mut words: Vec<&str> = cut.split_whitespace().collect();
    // Trailing tags and people are labels, not part of the sentence:
    // `fixed the build #ci #infra @dana`.
    while words.last().is_some_and(|w| {
        w.len() > 1 && w.starts_with(['#', '@']) && !w[1..].bytes().all(|b| b.is_ascii_digit())
    }) {
        words.pop();
    }
    let words: Vec<&str> = words
        .into_iter()
        .map(|w| {
            let stripped = w.strip_prefix(['#', '@']).unwrap_or(w);
            if stripped.is_empty() || stripped.bytes().all(|b| b.is_ascii_digit()) {
                w
            } else {
                stripped
            }
        })
        .collect();
    let s = words.join(" ");
    s.trim_end_matches([':', ',', ';', '-', '–'])
        .trim()
        .to_owned()
}

fn trim_url(url: &str) -> &str {
    let mut u = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"']);
    // A closing bracket belongs to the URL only when it opened one inside it. The brackets
    // are counted once, not again after each one cut.
    let count = |u: &str, c: char| u.matches(c).count();
    let (open, mut close) = (count(u, '('), count(u, ')'));
    while let Some(stripped) = u.strip_suffix(')')
        && open < close
    {
        u = stripped.trim_end_matches(['.', ',', ';', ':']);
        close -= 1;
    }
    let (open, mut close) = (count(u, '['), count(u, ']'));
    while let Some(stripped) = u.strip_suffix(']')
        && open < close
    {
        u = stripped;
        close -= 1;
    }
    u
}

fn push_unique(v: &mut Vec<String>, seen: &mut HashSet<String>, s: String) {
    if !s.is_empty() && seen.insert(s.clone()) {
        v.push(s);
    }
}

/// Returns a title made from the first sentence of `text`, at most `max` characters, cut
/// at a word boundary with `…` when it had to be shortened.
pub fn title_from(text: &str, max: usize) -> String {
    let first_line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let first_line = first_line.trim_start_matches(['-', '*', '•', ' ']);
    let sentence = first_sentence(first_line);
    truncate_words(sentence, max)
}

fn first_sentence(s: &str) -> &str {
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'!' | b'?') && bytes.get(i + 1).is_none_or(|n| *n == b' ') {
            // "e.g." and "3.5" are not sentence ends: require a word of 3+ letters before.
            let word = s[..i].rsplit(' ').next().unwrap_or("");
            if word.chars().count() >= 3 && !word.contains('.') {
                return &s[..i];
            }
        }
    }
    s
}

/// Returns `s` cut to at most `max` characters at a word boundary, with `…` when cut.
pub fn truncate_words(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out = String::new();
    for word in s.split_whitespace() {
        let extra = if out.is_empty() { 0 } else { 1 };
        if out.chars().count() + extra + word.chars().count() + 1 > max {
            break;
        }
        if extra == 1 {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = s.chars().take(max.saturating_sub(1)).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', '-', '–']).to_owned();
    out + "…"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognise_tags_people_urls() {
        let r = recognise(
            "cut p99 from 420 ms to 95 ms with @priya, see https://github.com/a/b/pull/1. #perf #Rivet",
        );
        assert_eq!(r.tags, ["perf", "rivet"]);
        assert_eq!(r.people, ["priya"]);
        assert_eq!(r.urls, ["https://github.com/a/b/pull/1"]);
        assert_eq!(r.plain, "cut p99 from 420 ms to 95 ms with priya, see .");
        assert_eq!(recognise("shipped it #ci @dana").plain, "shipped it");
    }

    #[test]
    fn recognise_ignores_issue_numbers_emails_and_url_fragments() {
        let r = recognise("fixed #123 for bob@example.com at https://x.io/#frag");
        assert!(r.tags.is_empty(), "{:?}", r.tags);
        assert!(r.people.is_empty(), "{:?}", r.people);
        assert_eq!(r.urls, ["https://x.io/#frag"]);
    }

    #[test]
    fn recognise_url_in_parentheses() {
        let r = recognise("(see https://en.wikipedia.org/wiki/Foo_(bar)) and (https://x.io/a)");
        assert_eq!(
            r.urls,
            ["https://en.wikipedia.org/wiki/Foo_(bar)", "https://x.io/a"]
        );
    }

    #[test]
    fn title_from_first_sentence() {
        assert_eq!(
            title_from("Our client retried at once. It hurt.", 80),
            "Our client retried at once"
        );
        assert_eq!(
            title_from("\n- e.g. version 3.5 shipped", 80),
            "e.g. version 3.5 shipped"
        );
        let long = "word ".repeat(40);
        let t = title_from(&long, 80);
        assert!(t.chars().count() <= 80, "{t}");
        assert!(t.ends_with('…'));
    }
}
