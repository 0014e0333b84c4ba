//! The org-mode lexer: turns an org document into [`Block`]s for the brag-document
//! interpreter, one per line.
//!
//! Headings are `*` runs; a TODO keyword (`TODO`, `DONE`, ..., and those a `#+TODO:` line
//! names), a priority `[#A]` and a `COMMENT` marker are dropped from their text, their
//! `:tags:` become tags. `#+TITLE:` is the document's title heading (the headings beneath
//! move one level down), `#+DATE:` and `#+FILETAGS:` are fields of the document. A planning
//! line's `CLOSED: [...]` and a `:PROPERTIES:` drawer's `:DATE:` are date fields of their
//! heading; the rest of drawers, comments and other keywords is structure. `- `/`+ `
//! bullets (a description item `- Term :: text` as the label `Term: text`), `1.` items,
//! tables, `#+BEGIN_SRC` (code) and `#+BEGIN_QUOTE` blocks are read as such. Timestamps
//! become ISO dates set off as the date reader wants them (`*** 2024-05-02 Thu` →
//! `2024-05-02`, `<2024-05-02 Thu> Demo` → `2024-05-02: Demo`). `[[URL][text]]` links
//! become Markdown links. Nothing here decides what a heading means.

use std::sync::LazyLock;

use regex::Regex;

use super::markup::{Block, Lexed, dashes};

/// TODO keywords org knows without a `#+TODO:` line, and common ones people add.
const KEYWORDS: &[&str] = &[
    "TODO",
    "DONE",
    "NEXT",
    "WAITING",
    "WAIT",
    "HOLD",
    "STARTED",
    "DOING",
    "INPROGRESS",
    "IN-PROGRESS",
    "CANCELLED",
    "CANCELED",
    "CANCEL",
    "SOMEDAY",
    "MAYBE",
    "DELEGATED",
    "BLOCKED",
];

static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[<\[](\d{4}-\d{2}-\d{2})(?: [^<>\[\]\n]*)?[>\]](?:--[<\[][^<>\[\]\n]*[>\]])?")
        .expect("timestamp pattern is valid")
});
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[\[([^\[\]\n]+)\](?:\[([^\[\]\n]*)\])?\]").expect("link pattern is valid")
});
/// A date with a weekday or month name after it, as org's datetree writes headings.
static DATETREE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4}-\d{2}(?:-\d{2})?)\s+\p{L}+\.?$").expect("datetree pattern is valid")
});

/// Returns true when a text reads as org-mode: `#+KEYWORD:` lines, drawers, planning
/// lines, timestamps, headings with a TODO keyword or `:tags:`, `*` headings with `**`
/// ones beneath, and `*` headings over `-` items (a Markdown list keeps its marker).
pub(crate) fn looks_like(text: &str) -> bool {
    let (mut score, mut top, mut deep, mut atx) = (0usize, 0usize, 0usize, 0usize);
    let mut after_top = false;
    for line in text.lines().take(5000) {
        if std::mem::take(&mut after_top) && (line.starts_with("- ") || line.starts_with("+ ")) {
            score += 1;
        }
        let t = line.trim_end();
        let upper = t.trim_start().to_ascii_uppercase();
        let keyword =
            upper.starts_with("#+") && upper[2..].split_once(':').is_some_and(is_keyword_name);
        let drawer = [":PROPERTIES:", ":END:", ":LOGBOOK:"].contains(&upper.as_str());
        let planning = ["CLOSED:", "SCHEDULED:", "DEADLINE:"]
            .iter()
            .any(|p| upper.starts_with(p));
        if keyword || drawer || planning {
            score += 2;
        } else if let Some((stars, rest)) = heading(t).filter(|(_, rest)| !rest.is_empty()) {
            if stars == 1 {
                top += 1;
                after_top = true;
            } else {
                deep += 1;
            }
            let first = rest.split_whitespace().next().unwrap_or("");
            let (_, tags) = heading_text(rest, &[]);
            if KEYWORDS.contains(&first) || !tags.is_empty() {
                score += 2;
            }
        } else if t.starts_with("##") && t.trim_start_matches('#').starts_with(' ') {
            // `# ` alone starts an org comment; `## ` is Markdown.
            atx += 1;
        }
        if TIMESTAMP.is_match(t) && t.contains(|c: char| c.is_alphabetic()) {
            score += 1;
        }
    }
    if deep > 0 && top > 0 {
        score += top + deep;
    }
    // `## Heading` is no org (where `# ` starts a comment): a Markdown document whose
    // bullets are `*` at the margin must not read as org headings.
    score >= 3 && score > 3 * atx
}

fn is_keyword_name((name, _): (&str, &str)) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Returns the stars and the rest of a heading line: `** DONE Ship it :ops:`.
fn heading(line: &str) -> Option<(usize, &str)> {
    let stars = line.bytes().take_while(|&b| b == b'*').count();
    if stars == 0 {
        return None;
    }
    let rest = &line[stars..];
    if rest.is_empty() || rest.starts_with([' ', '\t']) {
        Some((stars, rest.trim()))
    } else {
        None
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Inside {
    Nothing,
    /// A `#+BEGIN_SRC` / `EXAMPLE` block: code.
    Code,
    /// A `#+BEGIN_QUOTE` / `VERSE` / other block: its lines are text.
    Quote,
    /// A `#+BEGIN_COMMENT` block.
    Comment,
    /// A `:PROPERTIES:` drawer.
    Properties,
    /// Another drawer (`:LOGBOOK:`).
    Drawer,
}

/// Returns the blocks of an org document, one per line of `text.split('\n')`.
pub(crate) fn lex(text: &str) -> Vec<Lexed> {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut keywords: Vec<String> = KEYWORDS.iter().map(|k| (*k).to_owned()).collect();
    let mut titled = false;
    let mut before_heading = true;
    for l in &lines {
        if heading(l).is_some() {
            before_heading = false;
        }
        if let Some((key, value)) = keyword(l) {
            match key.as_str() {
                "TODO" | "SEQ_TODO" | "TYP_TODO" => {
                    for w in value.split_whitespace() {
                        // `TODO(t)` or `WAIT(w@/!)`: the keyword before its key.
                        let w = w.split('(').next().unwrap_or(w);
                        if w != "|" && !w.is_empty() {
                            keywords.push(w.to_owned());
                        }
                    }
                }
                "TITLE" if before_heading && !value.is_empty() => titled = true,
                _ => {}
            }
        }
    }
    let shift = usize::from(titled);
    let mut inside = Inside::Nothing;
    let mut seen_heading = false;
    let mut out = Vec::with_capacity(lines.len());
    for (i, raw) in lines.iter().enumerate() {
        let t = raw.trim();
        let upper = t.to_ascii_uppercase();
        let block = match inside {
            Inside::Code | Inside::Quote | Inside::Comment if upper.starts_with("#+END") => {
                let was = inside;
                inside = Inside::Nothing;
                if was == Inside::Code {
                    Block::Fence
                } else {
                    Block::Structure
                }
            }
            Inside::Code => Block::Code {
                text: (*raw).to_owned(),
            },
            Inside::Comment => Block::Structure,
            Inside::Quote if t.is_empty() => Block::Blank,
            Inside::Quote => Block::Quote { text: inline(t) },
            Inside::Properties | Inside::Drawer if upper == ":END:" => {
                inside = Inside::Nothing;
                Block::Structure
            }
            Inside::Properties => match property(t) {
                Some((name, value)) if is_date_property(&name) => Block::Field { name, value },
                _ => Block::Structure,
            },
            Inside::Drawer => Block::Structure,
            Inside::Nothing => {
                let (block, opens) = line_block(raw, t, &upper, &keywords, shift, seen_heading);
                if matches!(block, Block::Heading { .. }) && heading(raw).is_some() {
                    seen_heading = true;
                }
                inside = opens;
                block
            }
        };
        out.push(Lexed { no: i + 1, block });
    }
    dedent(&mut out);
    out
}

/// Moves the content under each heading left by its common indent: org indents text to
/// its heading's level for looks only, and an item indented so is no nested item.
fn dedent(blocks: &mut [Lexed]) {
    fn indent(b: &mut Block) -> Option<&mut usize> {
        match b {
            Block::Bullet { indent, .. }
            | Block::Numbered { indent, .. }
            | Block::Paragraph { indent, .. } => Some(indent),
            _ => None,
        }
    }
    for section in blocks.split_mut(|l| matches!(l.block, Block::Heading { .. })) {
        let least = section
            .iter_mut()
            .filter_map(|l| indent(&mut l.block).map(|i| *i))
            .min()
            .unwrap_or(0);
        if least > 0 {
            for l in section.iter_mut() {
                if let Some(i) = indent(&mut l.block) {
                    *i -= least;
                }
            }
        }
    }
}

/// Returns the block of a line outside any block or drawer, and what it opens.
fn line_block(
    raw: &str,
    t: &str,
    upper: &str,
    keywords: &[String],
    shift: usize,
    seen_heading: bool,
) -> (Block, Inside) {
    if let Some((stars, rest)) = heading(raw) {
        let (text, tags) = heading_text(rest, keywords);
        let block = Block::Heading {
            level: stars + shift,
            text,
            tags,
        };
        return (block, Inside::Nothing);
    }
    if t.is_empty() {
        return (Block::Blank, Inside::Nothing);
    }
    if let Some(kind) = upper.strip_prefix("#+BEGIN_") {
        let kind = kind.split_whitespace().next().unwrap_or("");
        return match kind {
            "SRC" | "EXAMPLE" | "EXPORT" => (Block::Fence, Inside::Code),
            "COMMENT" => (Block::Structure, Inside::Comment),
            _ => (Block::Structure, Inside::Quote),
        };
    }
    if let Some((key, value)) = keyword(t) {
        let block = match key.as_str() {
            "TITLE" if !seen_heading && shift > 0 => Block::Heading {
                level: 1,
                text: datetree(&inline(&dashes(&value))),
                tags: Vec::new(),
            },
            "DATE" => Block::Field {
                name: "date".to_owned(),
                value,
            },
            "FILETAGS" => Block::Field {
                name: "tags".to_owned(),
                value,
            },
            _ => Block::Structure,
        };
        return (block, Inside::Nothing);
    }
    // An Emacs mode line (`-*- mode: org -*-`) is for the editor.
    if t.starts_with("-*-") && t.ends_with("-*-") && t.len() > 6 {
        return (Block::Structure, Inside::Nothing);
    }
    if t == "#" || t.starts_with("# ") || t.starts_with("#+") {
        // A comment, or a keyword org does not define.
        return (Block::Structure, Inside::Nothing);
    }
    if upper == ":PROPERTIES:" {
        return (Block::Structure, Inside::Properties);
    }
    if is_drawer(t) {
        return (Block::Structure, Inside::Drawer);
    }
    if ["CLOSED:", "SCHEDULED:", "DEADLINE:"]
        .iter()
        .any(|p| upper.starts_with(p))
    {
        let block = match upper.find("CLOSED:") {
            Some(at) => Block::Field {
                name: "closed".to_owned(),
                value: t[at + "CLOSED:".len()..].trim().to_owned(),
            },
            None => Block::Structure,
        };
        return (block, Inside::Nothing);
    }
    if t.starts_with('|') {
        let block = if t.starts_with("|-") || t.starts_with("|=") {
            Block::Structure
        } else {
            Block::TableRow { text: inline(t) }
        };
        return (block, Inside::Nothing);
    }
    if t.len() >= 5 && t.bytes().all(|b| b == b'-') {
        return (Block::Rule, Inside::Nothing);
    }
    let indent = raw
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    if let Some(rest) = ["- ", "+ ", "* "]
        .iter()
        .find_map(|m| t.strip_prefix(m))
        .or_else(|| ["-", "+"].contains(&t).then_some(""))
    {
        return (
            Block::Bullet {
                indent,
                marker: t.chars().next().unwrap_or('-'),
                text: inline(&description(rest.trim())),
            },
            Inside::Nothing,
        );
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && let Some(rest) = t[digits..]
            .strip_prefix(". ")
            .or_else(|| t[digits..].strip_prefix(") "))
    {
        return (
            Block::Numbered {
                indent,
                number: t[..digits].to_owned(),
                text: inline(rest.trim()),
            },
            Inside::Nothing,
        );
    }
    (
        Block::Paragraph {
            indent,
            text: inline(t),
        },
        Inside::Nothing,
    )
}

/// Returns a description item as a label the interpreter reads: `Situation :: the queue
/// fell over` → `Situation: the queue fell over`.
fn description(item: &str) -> String {
    match item.split_once(" :: ") {
        Some((term, desc)) if !term.trim().is_empty() => {
            format!("{}: {}", term.trim(), desc.trim())
        }
        _ => match item.strip_suffix(" ::") {
            Some(term) if !term.trim().is_empty() => format!("{}:", term.trim()),
            _ => item.to_owned(),
        },
    }
}

/// Returns a heading's text without its TODO keyword, priority, `COMMENT` marker and
/// tags, and the tags.
fn heading_text(rest: &str, keywords: &[String]) -> (String, Vec<String>) {
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    let mut tags = Vec::new();
    if let Some(last) = words.last()
        && last.len() > 2
        && last.starts_with(':')
        && last.ends_with(':')
        && last[1..last.len() - 1].split(':').all(|t| {
            !t.is_empty()
                && t.chars()
                    .all(|c| c.is_alphanumeric() || "_@#%-".contains(c))
        })
    {
        // Tags that steer org's export and archive say nothing about the work.
        tags = last[1..last.len() - 1]
            .split(':')
            .filter(|t| !["noexport", "export", "ARCHIVE"].contains(t))
            .map(str::to_owned)
            .collect();
        words.pop();
    }
    if words
        .first()
        .is_some_and(|w| keywords.iter().any(|k| k == w))
    {
        words.remove(0);
    }
    if words
        .first()
        .is_some_and(|w| w.len() == 4 && w.starts_with("[#") && w.ends_with(']'))
    {
        words.remove(0);
    }
    if words.first() == Some(&"COMMENT") {
        words.remove(0);
    }
    let text = dashes(&words.join(" "));
    (datetree(&inline(&text)), tags)
}

/// Returns text with its org timestamps as ISO dates set off as the date reader wants
/// them: `<2024-05-02 Thu> Demo` → `2024-05-02: Demo`, `Demo <2024-05-02 Thu>` → `Demo
/// (2024-05-02)`, a timestamp inside the text → `2024-05-02`.
fn timestamps(text: &str) -> std::borrow::Cow<'_, str> {
    let len = text.trim_end().len();
    TIMESTAMP.replace_all(text, |c: &regex::Captures<'_>| {
        let whole = c.get(0).map_or(0..0, |m| m.range());
        let day = &c[1];
        let rest = text[whole.end..].trim_start();
        if whole.start == 0 && !rest.is_empty() && !rest.starts_with([':', '-', '–', '—', ','])
        {
            format!("{day}:")
        } else if whole.start > 0 && whole.end >= len {
            format!("({day})")
        } else {
            day.to_owned()
        }
    })
}

/// Returns a heading's text (timestamps read already) with a datetree heading's
/// weekday or month name dropped (`2024-05-02 Thu` → `2024-05-02`).
fn datetree(text: &str) -> String {
    match DATETREE.captures(text.trim()) {
        Some(c) => c[1].to_owned(),
        None => text.trim().to_owned(),
    }
}

/// Returns a line of text as Markdown: org links as Markdown links (`[[URL][text]]` →
/// `[text](URL)`, `[[URL]]` → `URL`; links to other places than the web keep their text),
/// timestamps as ISO dates the date reader takes (`<2024-05-02 Thu>` → `2024-05-02`).
fn inline(text: &str) -> String {
    let text = if text.contains(['<', '[']) {
        timestamps(text)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    if !text.contains("[[") {
        return text.into_owned();
    }
    LINK.replace_all(&text, |c: &regex::Captures<'_>| {
        let target = &c[1];
        let web = target.starts_with("http://") || target.starts_with("https://");
        match (c.get(2).map(|m| m.as_str()), web) {
            (Some(desc), true) if !desc.is_empty() => format!("[{desc}]({target})"),
            (Some(desc), false) if !desc.is_empty() => desc.to_owned(),
            _ => target.to_owned(),
        }
    })
    .into_owned()
}

/// Returns the name (upper case) and value of a `#+KEYWORD: value` line.
fn keyword(line: &str) -> Option<(String, String)> {
    let rest = line.trim().strip_prefix("#+")?;
    let (name, value) = rest.split_once(':')?;
    is_keyword_name((name, value)).then(|| (name.to_ascii_uppercase(), value.trim().to_owned()))
}

/// Returns true for a drawer's opening line: `:LOGBOOK:`.
fn is_drawer(t: &str) -> bool {
    t.len() > 2
        && t.starts_with(':')
        && t.ends_with(':')
        && t[1..t.len() - 1]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Returns the name and value of a property line: `:DATE: 2024-05-02`.
fn property(t: &str) -> Option<(String, String)> {
    let rest = t.strip_prefix(':')?;
    let (name, value) = rest.split_once(':')?;
    (!name.is_empty() && !name.contains(char::is_whitespace)).then(|| {
        (
            name.trim_end_matches('+').to_owned(),
            value.trim().to_owned(),
        )
    })
}

fn is_date_property(name: &str) -> bool {
    ["DATE", "CREATED", "CLOSED"]
        .iter()
        .any(|n| n.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<Block> {
        lex(text).into_iter().map(|l| l.block).collect()
    }

    #[test]
    fn org_heading_keyword_priority_tags() {
        assert_eq!(
            blocks("** DONE [#A] Shipped the export :infra:ops:")[0],
            Block::Heading {
                level: 2,
                text: "Shipped the export".to_owned(),
                tags: vec!["infra".to_owned(), "ops".to_owned()],
            }
        );
        // A custom keyword from `#+TODO:`.
        let b = blocks("#+TODO: IDEA(i) | SHIPPED\n* SHIPPED Rollout");
        assert!(matches!(&b[1], Block::Heading { text, .. } if text == "Rollout"));
        // Not a heading: bold text, or a keyword in the middle.
        assert!(matches!(
            &blocks("*bold* words")[0],
            Block::Paragraph { .. }
        ));
    }

    #[test]
    fn org_datetree_and_timestamps() {
        let b =
            blocks("* 2024\n** 2024-05 May\n*** 2024-05-02 Thursday\n*** <2024-05-03 Fri> Demo");
        let texts: Vec<&str> = b
            .iter()
            .map(|b| match b {
                Block::Heading { text, .. } => text.as_str(),
                _ => "",
            })
            .collect();
        assert_eq!(texts, ["2024", "2024-05", "2024-05-02", "2024-05-03: Demo"]);
    }

    #[test]
    fn org_title_drawers_planning_blocks() {
        let text = "#+TITLE: Work log\n#+AUTHOR: Me\n* Projects\nCLOSED: [2024-05-02 Thu 10:15]\n\
:PROPERTIES:\n:DATE: 2024-05-01\n:ID: abc\n:END:\n#+BEGIN_SRC sh\n- not a bullet\n#+END_SRC\n\
#+begin_quote\nwell done\n#+end_quote\n- [[https://x.io/pr/1][the PR]]\n| a | b |\n|---+---|";
        let b = blocks(text);
        assert!(matches!(&b[0], Block::Heading { level: 1, text, .. } if text == "Work log"));
        assert_eq!(
            blocks("-*- mode: org; coding: utf-8 -*-")[0],
            Block::Structure
        );
        assert_eq!(b[1], Block::Structure);
        assert!(matches!(&b[2], Block::Heading { level: 2, .. }));
        assert!(
            matches!(&b[3], Block::Field { name, value } if name == "closed" && value.starts_with("[2024-05-02"))
        );
        assert_eq!(b[4], Block::Structure);
        assert!(matches!(&b[5], Block::Field { name, .. } if name == "DATE"));
        assert_eq!(b[6], Block::Structure);
        assert_eq!(b[7], Block::Structure);
        assert_eq!(b[8], Block::Fence);
        assert!(matches!(&b[9], Block::Code { .. }));
        assert_eq!(b[10], Block::Fence);
        assert_eq!(b[11], Block::Structure);
        assert!(matches!(&b[12], Block::Quote { .. }));
        assert!(
            matches!(&b[14], Block::Bullet { text, .. } if text == "[the PR](https://x.io/pr/1)")
        );
        assert!(matches!(&b[15], Block::TableRow { .. }));
        assert_eq!(b[16], Block::Structure);
    }

    #[test]
    fn org_description_items_are_labels() {
        let b = blocks("- Situation :: the queue fell over\n- Result ::\n- a :: b :: c\n- plain");
        let texts: Vec<&str> = b
            .iter()
            .map(|b| match b {
                Block::Bullet { text, .. } => text.as_str(),
                _ => "",
            })
            .collect();
        assert_eq!(
            texts,
            [
                "Situation: the queue fell over",
                "Result:",
                "a: b :: c",
                "plain"
            ]
        );
    }

    #[test]
    fn org_content_indented_to_its_heading() {
        let b = blocks("** Story\n   - one\n     - nested\n   text\n* Next\n  - two");
        let indents: Vec<Option<usize>> = b
            .iter()
            .map(|b| match b {
                Block::Bullet { indent, .. } | Block::Paragraph { indent, .. } => Some(*indent),
                _ => None,
            })
            .collect();
        assert_eq!(indents, [None, Some(0), Some(2), Some(0), None, Some(0)]);
    }

    #[test]
    fn org_detect() {
        assert!(looks_like("#+TITLE: x\n* a\n** b\n"));
        assert!(looks_like("* Work\n** DONE thing\n** TODO other\n"));
        assert!(!looks_like("# Projects\n* a bullet\n* another\n"));
        assert!(!looks_like("S\nsomething\nR\nresult\n"));
        // Only top-level headings, over items or with keywords.
        assert!(looks_like(
            "* Projects\n- shipped a\n* Learning\n- read b\n* Goals\n- c\n"
        ));
        assert!(looks_like("* DONE Shipped a\n* TODO Write b :docs:\n"));
        assert!(!looks_like("* one\n* two\n* three\n- four\n"));
    }
}
