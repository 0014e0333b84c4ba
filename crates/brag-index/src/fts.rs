//! Turning what a user types into safe FTS5 query syntax.
//!
//! Every word is quoted, so FTS5 operators and punctuation in user text are plain text;
//! `AND`, `OR` and `NOT` in capitals stay operators, a trailing `*` stays a prefix search,
//! and `"quoted phrases"` stay phrases.

/// Returns the FTS5 query for user text, or `None` when it holds nothing to search for.
pub fn fts_query(input: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut rest = input;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        if let Some(after) = rest.strip_prefix('"') {
            let end = after.find('"').unwrap_or(after.len());
            push_term(&mut parts, &after[..end], false);
            rest = after.get(end + 1..).unwrap_or("");
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..end];
        rest = &rest[end..];
        match word {
            "AND" | "OR" | "NOT" => {
                if !parts.is_empty()
                    && !matches!(parts.last().map(String::as_str), Some("AND" | "OR" | "NOT"))
                {
                    parts.push(word.to_owned());
                }
            }
            _ => {
                let prefix = word.ends_with('*');
                push_term(&mut parts, word.trim_end_matches('*'), prefix);
            }
        }
    }
    while matches!(parts.last().map(String::as_str), Some("AND" | "OR" | "NOT")) {
        parts.pop();
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Returns an FTS5 query that matches any of the words, or `None` when none is usable.
pub fn fts_any(words: &[String]) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for w in words {
        push_term(&mut parts, w, false);
    }
    parts.dedup();
    (!parts.is_empty()).then(|| parts.join(" OR "))
}

fn push_term(parts: &mut Vec<String>, term: &str, prefix: bool) {
    // Only letters and digits are indexed; a term of nothing else would match nothing.
    if !term.chars().any(char::is_alphanumeric) {
        return;
    }
    let quoted = format!("\"{}\"", term.replace('"', "\"\""));
    parts.push(if prefix { quoted + "*" } else { quoted });
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn fts_query_cases() {
        for (input, want) in [
            ("retry budget", Some("\"retry\" \"budget\"")),
            ("retr*", Some("\"retr\"*")),
            (
                "\"tail latency\" OR p99",
                Some("\"tail latency\" OR \"p99\""),
            ),
            ("a:b NEAR(x) -y", Some("\"a:b\" \"NEAR(x)\" \"-y\"")),
            ("say \"hi", Some("\"say\" \"hi\"")),
            ("OR AND", None),
            ("  ", None),
            ("*** ---", None),
            ("x OR", Some("\"x\"")),
        ] {
            assert_eq!(fts_query(input).as_deref(), want, "{input:?}");
        }
    }
}
