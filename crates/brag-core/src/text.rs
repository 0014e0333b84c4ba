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
    // Most texts hold no link, tag or person: each pattern is run (and built, the first
    // time) only on a text with its marker.
    let matches = |marker: &str| text.contains(marker);
    for m in matches("://")
        .then(|| URL.find_iter(text))
        .into_iter()
        .flatten()
    {
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
    for c in matches("#")
        .then(|| TAG.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let m = c.get(1).expect("group 1 always takes part");
        let tag = m.as_str().trim_end_matches(['.', '/', '-']);
        if inside_url(m.start()) || tag.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        push_unique(&mut out.tags, tags, tag.to_lowercase());
    }
    for c in matches("@")
        .then(|| PERSON.captures_iter(text))
        .into_iter()
        .flatten()
    {
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
    let cut = cut_urls(text, url_spans);
    let words: Vec<&str> = cut.split_whitespace().collect();
    let is_marker = |w: &str, m: char| {
        w.len() > 1 && w.starts_with(m) && !w[1..].bytes().all(|b| b.is_ascii_digit())
    };
    // Trailing tags are labels, not part of the sentence (`fixed the build #ci #infra`).
    // A person there is a word of the sentence when a word or a kept person comes right
    // before it (`found the leak with @priya #perf`), and a label when a tag does
    // (`shipped it #ci @dana`).
    let run_start = words
        .iter()
        .rposition(|w| !is_marker(w, '#') && !is_marker(w, '@'))
        .map_or(0, |i| i + 1);
    let mut kept: Vec<&str> = words[..run_start].to_vec();
    let mut after_word = run_start > 0;
    for w in &words[run_start..] {
        if is_marker(w, '@') && after_word {
            kept.push(w);
        } else {
            after_word = false;
        }
    }
    // Elsewhere only the marker goes: `fixed the #ci build` reads "fixed the ci build".
    let words: Vec<&str> = kept
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
    s.trim_end_matches([':', ',', ';', '-', '–', '—', '(', '[', ' '])
        .trim_start_matches([':', ',', ';', '-', '–', '—', ')', ']', ' '])
        .trim()
        .to_owned()
}

/// Returns the text without its URLs and without what they leave behind: a Markdown link
/// keeps its label (`[the PR](URL)` → `the PR`), brackets around a bare URL go with it,
/// and punctuation after it joins the word before (`see URL.` → `see.`).
fn cut_urls(text: &str, url_spans: &[Range<usize>]) -> String {
    let mut cut = String::with_capacity(text.len());
    let mut last = 0;
    for span in url_spans {
        let (s, e) = (span.start, span.end);
        if s < last {
            continue;
        }
        let before = &text[last..s];
        let after = &text[e..];
        if let Some(head) = before.strip_suffix("](")
            && after.starts_with(')')
            && let Some(open) = head.rfind('[')
        {
            cut.push_str(&head[..open]);
            cut.push_str(&head[open + 1..]);
            last = e + 1;
            continue;
        }
        let mut end = e;
        let mut kept = before;
        for (open, close) in [('(', ')'), ('<', '>'), ('[', ']')] {
            if let Some(b) = before.strip_suffix(open)
                && after.starts_with(close)
            {
                kept = b;
                end = e + close.len_utf8();
                break;
            }
        }
        cut.push_str(kept);
        if text[end..].starts_with(['.', ',', ';', ':', '!', '?', ')', ']']) {
            cut.truncate(cut.trim_end().len());
        }
        last = end;
    }
    cut.push_str(&text[last..]);
    cut
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

/// Returns `s` cut to at most `max` characters, with `…` when cut; unlike
/// [`truncate_words`], a long run without spaces is cut too, and the text is otherwise
/// left as it is.
pub fn truncate_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max.saturating_sub(1)) {
        Some((at, _)) if s[at..].chars().count() > 1 => format!("{}…", &s[..at]),
        _ => s.to_owned(),
    }
}

/// Returns a message cut to about `max` characters by shortening the text it quotes
/// between backticks, so that what is said about the text survives: "left out
/// `a very long line…`: text before the first story". Without a quote, the end is cut.
pub fn shorten_quoted(msg: &str, max: usize) -> String {
    let total = msg.chars().count();
    if total <= max {
        return msg.to_owned();
    }
    let parts: Vec<&str> = msg.split('`').collect();
    // Odd parts are quoted (`a`b`c` splits into a, b, c); a lone backtick quotes nothing.
    if parts.len() >= 3 {
        let quoted: usize = parts
            .iter()
            .skip(1)
            .step_by(2)
            .map(|p| p.chars().count())
            .sum();
        let outside = total - quoted;
        let room = max.saturating_sub(outside).max(20);
        let per_quote = room / parts.len().div_ceil(2).saturating_sub(1).max(1);
        let mut out = String::with_capacity(max + 8);
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                out.push('`');
            }
            if i % 2 == 1 && i + 1 < parts.len() {
                out.push_str(&truncate_chars(p, per_quote.max(8)));
            } else {
                out.push_str(p);
            }
        }
        if out.chars().count() <= max + max / 2 {
            return out;
        }
        return truncate_chars(&out, max);
    }
    truncate_chars(msg, max)
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
        assert_eq!(r.plain, "cut p99 from 420 ms to 95 ms with priya, see.");
        assert_eq!(recognise("shipped it #ci @dana").plain, "shipped it");
    }

    #[test]
    fn recognise_plain_keeps_words_and_drops_only_markers() {
        // Issue 11: a trailing @person is a word of the sentence.
        for (text, plain) in [
            (
                "found the pool leak with @priya",
                "found the pool leak with priya",
            ),
            (
                "found the leak with @priya #perf",
                "found the leak with priya",
            ),
            ("paired with @priya and @sam.", "paired with priya and sam."),
            ("shipped it #ci @dana", "shipped it"),
            ("fixed the #ci build", "fixed the ci build"),
            ("fixed #123 today", "fixed #123 today"),
            // What a URL leaves behind goes with it.
            ("merged (https://x.io/pull/1) today", "merged today"),
            ("see https://x.io/pull/1.", "see."),
            ("landed the fix: https://x.io/pull/1", "landed the fix"),
            (
                "read [the design doc](https://x.io/doc) first",
                "read the design doc first",
            ),
            ("https://x.io/pull/1 - fixed the flake", "fixed the flake"),
            (
                "cut p99, see <https://x.io/a>, and more",
                "cut p99, see, and more",
            ),
            ("#perf", ""),
        ] {
            assert_eq!(recognise(text).plain, plain, "{text:?}");
        }
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
    fn truncate_chars_cuts_long_runs() {
        assert_eq!(truncate_chars("short", 10), "short");
        assert_eq!(truncate_chars("exactly10!", 10), "exactly10!");
        assert_eq!(truncate_chars("eleven char", 10), "eleven ch…");
        assert_eq!(
            truncate_chars(&"x".repeat(1 << 20), 120).chars().count(),
            120
        );
        assert_eq!(truncate_chars("ééééé", 3), "éé…");
    }

    #[test]
    fn shorten_quoted_keeps_the_reason() {
        let long = "x".repeat(1 << 20);
        let msg = format!("left out `{long}`: text before the first story");
        let short = shorten_quoted(&msg, 120);
        assert!(short.chars().count() <= 120, "{short}");
        assert!(short.starts_with("left out `xxxx"), "{short}");
        assert!(
            short.ends_with("…`: text before the first story"),
            "{short}"
        );
        assert_eq!(
            shorten_quoted("left out `x`: why", 120),
            "left out `x`: why"
        );
        let plain = shorten_quoted(&format!("left out: {long}"), 120);
        assert_eq!(plain.chars().count(), 120);
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

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the text, `plain` holds no URL and only words of the text, each at most
        /// without its `#`/`@` marker and without punctuation the cut left at its ends.
        #[test]
        fn plain_is_made_of_the_texts_words(
            words in proptest::collection::vec(
                prop_oneof![
                    "[a-z]{1,8}",
                    "#[a-z]{1,6}",
                    "@[a-z]{1,6}",
                    "#[0-9]{1,3}",
                    Just("https://x.io/pull/1".to_owned()),
                    Just("(https://x.io/a)".to_owned()),
                    Just("[doc](https://x.io/d)".to_owned()),
                    "[.,;:!?()-]",
                ],
                0..12,
            )
        ) {
            let text = words.join(" ");
            let r = recognise(&text);
            prop_assert!(!r.plain.contains("http"), "{text:?} -> {:?}", r.plain);
            let source: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric() && c != '#')
                .map(|w| w.trim_start_matches(['#', '@']).to_owned())
                .collect();
            for w in r.plain.split(|c: char| !c.is_alphanumeric() && c != '#') {
                let w = w.trim_start_matches('@');
                prop_assert!(w.is_empty() || source.iter().any(|s| s == w || s == &format!("#{w}") || format!("#{s}") == w),
                    "{text:?} -> {:?}: `{w}`", r.plain);
            }
        }
    }
}
