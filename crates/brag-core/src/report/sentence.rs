//! The sentences of an entry's text, for the reports that quote part of it (the resume's
//! bullets, the interview's cards, the week's metric): list items and paragraphs with
//! their wrapped lines joined, cut into sentences, and the few word rules a bullet needs
//! (does it start with a verb, drop a leading "I").

/// Returns the items of a Markdown text: each list item, each paragraph and each quoted
/// line, without its marker, its wrapped lines joined by a space.
pub(super) fn items(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Whether the last item may go on, and whether it is quoted.
    let mut open: Option<bool> = None;
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() || t.starts_with("```") || t.starts_with("~~~") {
            open = None;
            continue;
        }
        let (quoted, t) = match t.strip_prefix('>') {
            Some(rest) => (true, rest.trim()),
            None => (false, t),
        };
        let (starts, body) = match crate::import::strip_marker(t) {
            Some(rest) => (true, rest.trim()),
            None => (false, t),
        };
        if body.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if open == Some(quoted) && !starts => {
                last.push(' ');
                last.push_str(body);
            }
            _ => out.push(body.to_owned()),
        }
        open = Some(quoted);
    }
    out
}

/// Words before a full stop that do not end a sentence.
const ABBREVIATIONS: [&str; 8] = ["e.g", "i.e", "etc", "vs", "approx", "mr", "dr", "cf"];

/// Returns the sentences of a text, in order: each item of [`items`] cut after `.`, `!`
/// or `?` followed by a space, unless the word before is an abbreviation or one letter
/// (`e.g.`, `vs.`, `J. Doe`); a decimal (`3.5`) is no end.
pub(super) fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for item in items(text) {
        let mut start = 0;
        let bytes = item.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if !matches!(b, b'.' | b'!' | b'?') || bytes.get(i + 1).is_some_and(|n| *n != b' ') {
                continue;
            }
            let word = item[start..i].rsplit(' ').next().unwrap_or("");
            let lower = word.to_lowercase();
            if b == b'.' && (word.chars().count() < 2 || ABBREVIATIONS.contains(&lower.as_str())) {
                continue;
            }
            let s = item[start..=i].trim();
            if !s.is_empty() {
                out.push(s.to_owned());
            }
            start = i + 1;
        }
        let rest = item[start..].trim();
        if !rest.is_empty() {
            out.push(rest.to_owned());
        }
    }
    out
}

/// Returns how many words a text has: runs of letters or digits.
pub(super) fn word_count(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Irregular past tenses, and verbs whose past tense does not end in `-ed`, that open a
/// line about work done.
const PAST: [&str; 78] = [
    "became",
    "began",
    "bought",
    "broke",
    "brought",
    "built",
    "caught",
    "chose",
    "cut",
    "did",
    "drew",
    "drove",
    "fed",
    "fought",
    "found",
    "froze",
    "gave",
    "got",
    "grew",
    "halved",
    "held",
    "hid",
    "hit",
    "kept",
    "knew",
    "laid",
    "led",
    "lent",
    "let",
    "lost",
    "made",
    "met",
    "overcame",
    "oversaw",
    "paid",
    "put",
    "quit",
    "ran",
    "read",
    "rebuilt",
    "reran",
    "reset",
    "rewrote",
    "rode",
    "rose",
    "saw",
    "sent",
    "set",
    "shook",
    "shot",
    "shut",
    "sold",
    "sought",
    "spent",
    "split",
    "spoke",
    "spun",
    "stood",
    "struck",
    "swept",
    "taught",
    "thought",
    "threw",
    "told",
    "took",
    "understood",
    "undertook",
    "upheld",
    "withdrew",
    "won",
    "wrote",
    "flew",
    "forgave",
    "hung",
    "sped",
    "bore",
    "shrank",
    "sank",
];

/// Words ending in `-ed` that are not past tenses.
const NOT_PAST: [&str; 14] = [
    "need", "needed", "speed", "seed", "feed", "deed", "breed", "embed", "hundred", "sacred",
    "naked", "wicked", "kindred", "based",
];

/// Returns true when a text opens with a verb in the past tense: `Shipped …`, `Built …`,
/// `Led …` (after a leading "I" or "We", see [`drop_pronoun`]).
pub(super) fn starts_with_verb(text: &str) -> bool {
    let first: String = text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    if PAST.contains(&first.as_str()) {
        return true;
    }
    first.chars().count() >= 5 && first.ends_with("ed") && !NOT_PAST.contains(&first.as_str())
}

/// Returns a text without a leading "I" or "We" (`I cut …` → `cut …`).
pub(super) fn drop_pronoun(text: &str) -> &str {
    let t = text.trim();
    for p in ["I ", "We ", "we ", "i "] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.trim_start();
        }
    }
    t
}

/// Returns a text with its first letter in upper case.
pub(super) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Returns a text with its first letter in lower case when its first word has no other
/// capital (`The team …` → `the team …`); acronyms and names written with more capitals
/// (`HTTP/2`, `PostgreSQL`) stay as they are.
pub(super) fn lower_first(text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or("");
    let capitals = first.chars().filter(|c| c.is_uppercase()).count();
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() && capitals == 1 => c.to_lowercase().chain(chars).collect(),
        _ => text.to_owned(),
    }
}

/// Returns the clauses of a sentence: its parts between `, `, `; ` and ` — `, in order,
/// with the separator dropped.
pub(super) fn clauses(sentence: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = sentence;
    loop {
        let cut = [", ", "; ", " — ", " – "]
            .iter()
            .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
            .min();
        match cut {
            Some((i, len)) => {
                out.push(rest[..i].trim());
                rest = &rest[i + len..];
            }
            None => {
                out.push(rest.trim());
                return out;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_join_wrapped_lines() {
        let text = "First paragraph\nwraps here.\n\n- one item\n  that wraps\n- two\n> quoted\n";
        assert_eq!(
            items(text),
            [
                "First paragraph wraps here.",
                "one item that wraps",
                "two",
                "quoted"
            ]
        );
    }

    #[test]
    fn sentences_cut_at_full_stops() {
        assert_eq!(
            sentences("Cut p99 to 95 ms. Then e.g. rivet 3.5 shipped! Done"),
            ["Cut p99 to 95 ms.", "Then e.g. rivet 3.5 shipped!", "Done"]
        );
    }

    #[test]
    fn verbs_first() {
        for yes in [
            "Shipped it",
            "built it",
            "Led the team",
            "I cut",
            "Halved CI time",
        ] {
            assert!(starts_with_verb(drop_pronoun(yes)), "{yes}");
        }
        for no in [
            "Request hedging",
            "Speed went up",
            "The team",
            "Open sockets",
            "",
        ] {
            assert!(!starts_with_verb(drop_pronoun(no)), "{no}");
        }
        assert_eq!(lower_first("The team"), "the team");
        assert_eq!(lower_first("HTTP/2 became"), "HTTP/2 became");
        assert_eq!(clauses("a, b; c — d"), ["a", "b", "c", "d"]);
    }
}
