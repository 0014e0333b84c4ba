//! Words and keys: the one place where text is split into lowercase words and folded into
//! keys for matching, so that a name written loosely ("Are right, a lot", "highest
//! standard", `**Result:**`) matches the same way wherever brag reads it.
//!
//! Framework matching, import section labels, section kinds, talk titles, tags made from
//! names and `ask`'s terms use these. What belongs elsewhere: recognising `#tag`/`@person`
//! and URLs ([`crate::text`]), what an entry does with them ([`crate::prose`]), dates
//! ([`crate::date`]) and FTS5 query syntax (`brag-index`).

/// Returns the words of a text: its runs of letters and digits, in any script, lowercased.
///
/// `"Collaboration & mentorship"` gives `collaboration`, `mentorship`; `"Earth's"` gives
/// `earth`, `s`.
pub fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Returns a text as a key: its [`words`] joined by one space.
///
/// `"Are Right, A Lot"` gives `are right a lot`. Filler words stay: they are part of
/// names such as that one.
pub fn normalize(s: &str) -> String {
    join(s, " ")
}

/// Returns a text's [`words`] joined by `-`: `"Collaboration & mentorship"` gives
/// `collaboration-mentorship`.
pub fn kebab(s: &str) -> String {
    join(s, "-")
}

fn join(s: &str, sep: &str) -> String {
    // Every line an importer reads may come here: no allocation per word.
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push_str(sep);
        }
        push_lowercase(&mut out, w);
    }
    out
}

/// Appends a word lowercased, without a new string when it is ASCII.
fn push_lowercase(out: &mut String, w: &str) {
    if w.is_ascii() {
        let from = out.len();
        out.push_str(w);
        out[from..].make_ascii_lowercase();
    } else {
        out.push_str(&w.to_lowercase());
    }
}

/// Returns a [`normalize`]d key without its spaces: `right alot` and `right a lot` meet.
pub fn squash(n: &str) -> String {
    n.replace(' ', "")
}

/// Returns a word without a plural `s`, when more than two bytes remain: `standards`
/// gives `standard`, `bus` stays.
pub fn singular(w: &str) -> &str {
    w.strip_suffix('s').filter(|r| r.len() > 2).unwrap_or(w)
}

/// Returns a [`normalize`]d key with each word [`singular`] and no spaces: `highest
/// standards` and `highest standard` meet.
pub fn squash_singular(n: &str) -> String {
    n.split(' ').map(singular).collect()
}

/// Returns what `f` says of a text's first run of letters, lowercased, or `None` when it
/// has no letter: `"1. **Result**"` gives `result`, `"S:"` gives `s`. A gate for names
/// that every line of a document is asked about, so it makes no string for ASCII words.
pub fn with_first_letters<R>(text: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    // Bytes while they are ASCII; a letter of another script is a char's business.
    let bytes = text.as_bytes();
    let start = bytes
        .iter()
        .position(|b| b.is_ascii_alphabetic() || !b.is_ascii())?;
    let start = if bytes[start].is_ascii() {
        start
    } else {
        start + text[start..].find(char::is_alphabetic)?
    };
    let rest = &text[start..];
    let end = rest
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let end = match rest.as_bytes().get(end) {
        Some(b) if !b.is_ascii() => rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len()),
        _ => end,
    };
    let word = &rest[..end];
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).ok().map(f)
        }
        _ => Some(f(&word.to_lowercase())),
    }
}

/// Returns a label as a key: lowercase, the markup around it (`*`, `_`, `:`, `#`) and
/// spaces trimmed, inner whitespace collapsed. Unlike [`normalize`], punctuation inside
/// stays: `**What I did:**` gives `what i did`, `S.` gives `s.`.
pub fn label_key(s: &str) -> String {
    let bare = s.trim_matches(|c: char| matches!(c, '*' | '_' | ':' | '#') || c.is_whitespace());
    // Every line of a document may be asked: one pass, one allocation.
    let mut out = String::with_capacity(bare.len());
    for w in bare.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        push_lowercase(&mut out, w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_texts() {
        for (text, want) in [
            (
                "Collaboration & mentorship",
                &["collaboration", "mentorship"][..],
            ),
            ("  Earth's BEST  ", &["earth", "s", "best"]),
            ("东京 2025", &["东京", "2025"]),
            ("--", &[]),
        ] {
            assert_eq!(words(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    #[test]
    fn keys_of_names() {
        for (name, normal, kebabbed, squashed, singular) in [
            (
                "Are Right, A Lot",
                "are right a lot",
                "are-right-a-lot",
                "arerightalot",
                "arerightalot",
            ),
            (
                "Insist on the Highest Standards",
                "insist on the highest standards",
                "insist-on-the-highest-standards",
                "insistonthehigheststandards",
                "insistonthehigheststandard",
            ),
            ("bus stops", "bus stops", "bus-stops", "busstops", "busstop"),
            ("", "", "", "", ""),
        ] {
            let n = normalize(name);
            assert_eq!(n, normal, "{name:?}");
            assert_eq!(kebab(name), kebabbed, "{name:?}");
            assert_eq!(squash(&n), squashed, "{name:?}");
            assert_eq!(squash_singular(&n), singular, "{name:?}");
        }
    }

    #[test]
    fn label_keys() {
        for (label, want) in [
            ("**What  I did:**", "what i did"),
            ("## Result", "result"),
            ("S.", "s."),
            (" _Lessons learned_ ", "lessons learned"),
            ("", ""),
        ] {
            assert_eq!(label_key(label), want, "{label:?}");
        }
    }
}
