//! File-name slugs: `Cut p99 from 420 ms → 95 ms!` becomes `cut-p99-from-420-ms-95-ms`.

/// The longest slug brag makes, in bytes.
pub const MAX_LEN: usize = 48;

/// Returns an ASCII slug for a title: lowercase words joined by `-`, at most
/// [`MAX_LEN`] bytes, cut at a word boundary; `entry` when nothing is left.
pub fn slugify(title: &str) -> String {
    let ascii = deunicode::deunicode(title);
    let mut out = String::with_capacity(ascii.len());
    // deunicode writes ASCII only; the filter keeps the byte cut below on a character.
    for word in crate::words::words(&ascii).filter(|w| w.is_ascii()) {
        let extra = usize::from(!out.is_empty());
        if out.len() + extra + word.len() > MAX_LEN {
            if out.is_empty() {
                out.push_str(&word[..MAX_LEN]);
            }
            break;
        }
        if extra == 1 {
            out.push('-');
        }
        out.push_str(&word);
    }
    if out.is_empty() {
        out.push_str("entry");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_cases() {
        for (title, want) in [
            ("Cut p99 from 420 ms → 95 ms!", "cut-p99-from-420-ms-95-ms"),
            ("Retry budget for rivet", "retry-budget-for-rivet"),
            ("Ünïcödé café", "unicode-cafe"),
            ("", "entry"),
            ("!!!", "entry"),
            ("東京", "dong-jing"),
            (
                "a very long title that goes on and on and on past the limit of slugs",
                "a-very-long-title-that-goes-on-and-on-and-on",
            ),
        ] {
            assert_eq!(slugify(title), want, "{title}");
        }
        assert_eq!(slugify(&"x".repeat(100)).len(), MAX_LEN);
    }
}
