//! Prose into entries: the one place where free text becomes an entry's title, tags,
//! people and links, for `brag add` and every importer alike. DESIGN.md: inline `#tag`,
//! `@person` and URLs in imported text are recognised as `brag add` recognises them.
//!
//! Finding the markers in a text (and the plain text without them) is [`crate::text`];
//! here is what an entry does with what was found: labels are kept without their `#`/`@`
//! and once whatever their ASCII case, a handle is not added beside the name it belongs
//! to (`Ana Gómez (@ana)`), and each URL is one link. Dates in prose are
//! [`crate::date::find_in_text`].

use std::collections::HashSet;

use crate::entry::Entry;
use crate::link::Link;
use crate::text::{Recognised, recognise, truncate_words};

/// The longest title brag derives from text, in characters.
pub const TITLE_MAX: usize = 80;

/// Returns the entry one line of prose makes, as `brag add TEXT` records it.
///
/// `entry` holds what the caller already knows (kind, date, project, a title, tags and
/// links from flags); the line is its text, verbatim apart from surrounding whitespace.
/// A blank title becomes [`title_from_line`]. Then [`recognise_fields`] adds the line's
/// `#tag`s, `@person`s and URLs after the caller's own labels and links.
pub fn entry_from_line(text: &str, mut entry: Entry) -> Entry {
    let text = text.trim();
    text.clone_into(&mut entry.text);
    entry.title = match entry.title.trim() {
        "" => title_from_line(text),
        title => title.to_owned(),
    };
    recognise_fields(&mut entry);
    entry
}

/// Returns the title a line of prose gives: its plain text (no URLs, no trailing `#tag`s,
/// `#`/`@` markers dropped) cut to [`TITLE_MAX`] characters at a word boundary; the line
/// itself, cut the same way, when nothing plain is left (`#perf`, a bare URL).
pub fn title_from_line(text: &str) -> String {
    let title = truncate_words(&recognise(text).plain, TITLE_MAX);
    if title.is_empty() {
        truncate_words(text, TITLE_MAX)
    } else {
        title
    }
}

/// Adds the inline `#tag`s, `@person`s and URLs of every text field of an entry (text,
/// Situation, Task, Action, Result, Lessons, Notes, Metrics) to its tags, people and
/// links.
///
/// The rules, for the labels already there as much as for those found: a label is kept
/// without surrounding spaces and without a leading `#`/`@`, never empty, and once
/// whatever its ASCII case (the first spelling wins); a handle that is a word of a person
/// already named is that person (`Ana Gómez (@ana)` gives one person); each URL is one
/// link. Order is kept: what was there first, then what was found, in text order.
pub fn recognise_fields(entry: &mut Entry) {
    let fields = [
        &entry.text,
        &entry.situation,
        &entry.task,
        &entry.action,
        &entry.result,
        &entry.lessons,
        &entry.notes,
    ];
    let mut found = Recognised::default();
    for t in fields.into_iter().chain(entry.metrics.iter()) {
        // Most fields hold no marker: recognition is skipped for them.
        if t.contains(['#', '@']) || t.contains("http") {
            let r = recognise(t);
            found.tags.extend(r.tags);
            found.people.extend(r.people);
            found.urls.extend(r.urls);
        }
    }
    let had = std::mem::take(&mut entry.tags);
    let mut tags = Labels::new(&mut entry.tags);
    for t in had.iter().chain(&found.tags) {
        tags.push(t);
    }
    let had = std::mem::take(&mut entry.people);
    let mut people = Labels::new(&mut entry.people);
    for p in &had {
        people.push(p);
    }
    // `Ana Gómez (@ana)`: the handle is the person already named.
    for word in had.iter().flat_map(|name| name.split_whitespace()) {
        people.know(word);
    }
    for p in &found.people {
        people.push(p);
    }
    let mut urls: HashSet<String> = HashSet::new();
    entry.links.retain(|l| urls.insert(l.url.clone()));
    for u in found.urls {
        if !urls.contains(&u) {
            entry.links.push(Link::new(&u));
            urls.insert(u);
        }
    }
}

/// Adds a label to a list by the rules of [`recognise_fields`]: without surrounding spaces
/// or a leading `#`/`@`, unless it is empty or the list has it already, ASCII case aside.
pub fn push_label(list: &mut Vec<String>, label: &str) {
    Labels::new(list).push(label);
}

/// Returns a list of labels that [`push_label`] would build, with a set of what it holds,
/// so that each push costs the same however long the list grows: one entry may hold
/// thousands of tags or people, and a scan of the list per new one would be quadratic
/// (issue 11).
pub(crate) struct Labels<'a> {
    list: &'a mut Vec<String>,
    /// The ASCII-lowercased labels of the list, and words known to name one of them.
    seen: HashSet<String>,
}

impl<'a> Labels<'a> {
    pub(crate) fn new(list: &'a mut Vec<String>) -> Labels<'a> {
        let seen = list.iter().map(|x| key(bare(x))).collect();
        Labels { list, seen }
    }

    /// Adds a label unless it is empty or known already.
    pub(crate) fn push(&mut self, label: &str) {
        let label = bare(label);
        if !label.is_empty() && self.seen.insert(key(label)) {
            self.list.push(label.to_owned());
        }
    }

    /// Counts a word as naming a label of the list: pushing it adds nothing.
    fn know(&mut self, word: &str) {
        self.seen.insert(key(bare(word)));
    }
}

/// Returns a label without surrounding spaces and without its `#`/`@` markers.
fn bare(label: &str) -> &str {
    label.trim().trim_start_matches(['#', '@']).trim()
}

fn key(label: &str) -> String {
    label.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Entry {
        entry_from_line(text, Entry::default())
    }

    fn urls(e: &Entry) -> Vec<&str> {
        e.links.iter().map(|l| l.url.as_str()).collect()
    }

    #[test]
    fn entry_from_line_keeps_the_text_and_recognises() {
        let e = line(
            "  cut p99 from 420 ms to 95 ms with @priya, see https://github.com/a/b/pull/1. #perf #Rivet ",
        );
        assert_eq!(
            e.text,
            "cut p99 from 420 ms to 95 ms with @priya, see https://github.com/a/b/pull/1. #perf #Rivet"
        );
        assert_eq!(e.title, "cut p99 from 420 ms to 95 ms with priya, see.");
        assert_eq!(e.tags, ["perf", "rivet"]);
        assert_eq!(e.people, ["priya"]);
        assert_eq!(urls(&e), ["https://github.com/a/b/pull/1"]);
    }

    #[test]
    fn title_from_line_cases() {
        for (text, title) in [
            ("fixed the build #ci #infra", "fixed the build"),
            (
                "found the leak with @priya #perf",
                "found the leak with priya",
            ),
            ("#perf", "#perf"),
            ("https://x.io/pull/1", "https://x.io/pull/1"),
            ("", ""),
        ] {
            assert_eq!(title_from_line(text), title, "{text:?}");
        }
        let long = format!("{} #perf", "word ".repeat(30));
        let t = title_from_line(&long);
        assert!(t.chars().count() <= TITLE_MAX && t.ends_with('…'), "{t}");
        assert!(!t.contains('#'), "{t}");
    }

    #[test]
    fn entry_from_line_keeps_the_callers_title_labels_and_links_first() {
        let given = Entry {
            title: "  Given title ".into(),
            tags: vec!["#Perf".into(), "ops".into(), " ".into(), "perf".into()],
            links: vec![Link::new("https://x.io/a"), Link::new("https://x.io/a")],
            ..Entry::default()
        };
        let e = entry_from_line("tuned #perf and #db, https://x.io/a https://x.io/b", given);
        assert_eq!(e.title, "Given title");
        assert_eq!(e.tags, ["Perf", "ops", "db"]);
        assert_eq!(urls(&e), ["https://x.io/a", "https://x.io/b"]);
        let blank = Entry {
            title: "   ".into(),
            ..Entry::default()
        };
        assert_eq!(entry_from_line("shipped #ci", blank).title, "shipped");
    }

    #[test]
    fn recognise_fields_in_every_text_field() {
        let mut e = Entry {
            situation: "with @dana".into(),
            task: "#Reliability".into(),
            action: "see https://x.io/1".into(),
            result: "#reliability again".into(),
            lessons: "@sam".into(),
            notes: "https://x.io/1 twice".into(),
            metrics: vec!["p99 -40% #perf".into()],
            ..Entry::default()
        };
        recognise_fields(&mut e);
        assert_eq!(e.tags, ["reliability", "perf"]);
        assert_eq!(e.people, ["dana", "sam"]);
        assert_eq!(urls(&e), ["https://x.io/1"]);
    }

    #[test]
    fn recognise_fields_knows_the_handle_of_a_named_person() {
        let mut e = Entry {
            people: vec!["Ana Gómez".into(), "@bo".into(), "BO".into()],
            text: "Speakers: Ana Gómez (@ana), Bo (@bo) and @cy, @Cy".into(),
            ..Entry::default()
        };
        recognise_fields(&mut e);
        assert_eq!(e.people, ["Ana Gómez", "bo", "cy"]);
    }

    #[test]
    fn push_label_rules() {
        let mut list = Vec::new();
        for label in ["#Perf", "perf", " @ops ", "", "#", "Ops", "# db"] {
            push_label(&mut list, label);
        }
        assert_eq!(list, ["Perf", "ops", "db"]);
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Zé]{1,8}",
            "#[a-zA-Z]{1,6}",
            "@[a-zA-Z]{1,6}",
            "#[0-9]{1,3}",
            Just("https://x.io/pull/1".to_owned()),
            Just("(https://x.io/a)".to_owned()),
            "[.,;:!?()#@-]",
            "\\PC{0,6}",
        ]
    }

    proptest! {
        /// Whatever the line, the builder does not panic, keeps the text, gives a title
        /// of at most 80 characters, and every label and link it adds is in the text.
        #[test]
        fn entry_from_line_takes_only_what_the_line_holds(
            words in proptest::collection::vec(piece(), 0..16)
        ) {
            let text = words.join(" ");
            let e = line_of(&text);
            prop_assert_eq!(&e.text, text.trim());
            prop_assert!(e.title.chars().count() <= TITLE_MAX, "{:?}", e.title);
            let lower = text.to_lowercase();
            for t in &e.tags {
                prop_assert!(lower.contains(&format!("#{}", t.to_lowercase())), "{t} in {text:?}");
            }
            for p in &e.people {
                prop_assert!(text.contains(&format!("@{p}")), "{p} in {text:?}");
            }
            for l in &e.links {
                prop_assert!(text.contains(&l.url), "{} in {text:?}", l.url);
            }
        }

        /// Recognising again adds nothing: the labels and links found are all there.
        #[test]
        fn recognise_fields_is_idempotent(
            text in proptest::collection::vec(piece(), 0..16).prop_map(|w| w.join(" ")),
            notes in proptest::collection::vec(piece(), 0..8).prop_map(|w| w.join(" ")),
            people in proptest::collection::vec("[#@ ]?[a-zA-Z]{1,6}( [a-zA-Z]{1,6})?", 0..3),
        ) {
            let mut e = Entry { text, notes, people, ..Entry::default() };
            recognise_fields(&mut e);
            let once = e.clone();
            recognise_fields(&mut e);
            prop_assert_eq!(e, once);
        }
    }

    fn line_of(text: &str) -> Entry {
        entry_from_line(text, Entry::default())
    }
}
