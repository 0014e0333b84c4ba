//! The reStructuredText lexer: turns an rST document into [`Block`]s for the
//! brag-document interpreter, one per line.
//!
//! Section titles are underlined, and perhaps overlined, with a run of one punctuation
//! character (`=`, `-`, `~`, `^`, `*`, `#`, `"`, ...); as in docutils, each new style is
//! the next level down, in order of appearance. The adornment lines are structure. The
//! bibliographic fields after the title describe the document (`:date:`, `:tags:` apply to
//! every entry; `:author:` is structure). Field
//! lists (`:date: 2024-05-02`, `:tags: a, b`, `:Result: ...`) are fields; `*`/`-`/`+`
//! bullets, `#.`/`1.`/`(1)` items, tables, transitions and line blocks are read as such.
//! `::` literal blocks and `.. code-block::` directives are code (the blank lines around
//! them hold the fences); `.. note::` and other directives keep their content as text;
//! comments, substitutions and directives without text (`.. image::`, `.. toctree::`) are
//! structure. A hyperlink target `.. _name: URL` is a link line. Inline markup stays as
//! written in text (the URL of `` `text <URL>`_ `` is read as a link); in titles it is
//! dropped. Nothing here decides what a heading means.

use std::sync::LazyLock;

use regex::Regex;

use super::markup::{Block, Lexed, dashes, is_meta_field};

/// The characters docutils accepts for adornments.
const ADORNMENTS: &str = "=-`:'\"~^_*+#<>.";

/// Directives whose body is code.
const CODE_DIRECTIVES: &[&str] = &["code", "code-block", "sourcecode", "parsed-literal"];

/// Directives whose body is no text of the user's.
const SILENT_DIRECTIVES: &[&str] = &[
    "image",
    "figure",
    "toctree",
    "contents",
    "include",
    "literalinclude",
    "raw",
    "meta",
    "index",
    "highlight",
    "sectnum",
    "section-numbering",
    "role",
    "default-role",
    "title",
    "class",
    "target-notes",
    "footer",
    "header",
    "automodule",
    "autoclass",
    "autofunction",
];

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\.\.\s+([A-Za-z0-9][A-Za-z0-9_:+.-]*)::(.*)$")
        .expect("directive pattern is valid")
});
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^:([^:\s`][^:`]*?):(?:\s+(.*))?$").expect("field pattern is valid")
});
static INLINE_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"`([^`<]*?)\s*<([^<>`]+)>`__?").expect("link pattern is valid"));
static INLINE_ROLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r":[A-Za-z0-9_:+.-]+:`([^`]*)`").expect("role pattern is valid"));

/// Returns true when a line is an adornment: one punctuation character, repeated.
fn adornment(line: &str) -> Option<char> {
    let t = line.trim_end();
    let c = t.chars().next()?;
    (t.len() >= 2 && ADORNMENTS.contains(c) && t.chars().all(|x| x == c)).then_some(c)
}

fn width(s: &str) -> usize {
    s.trim().chars().count()
}

fn indent_of(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 8 } else { 1 })
        .sum()
}

fn blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// A section title: the line of its text, and the lines of its adornments.
struct Title {
    text: usize,
    over: Option<usize>,
    under: usize,
    style: (char, bool),
}

/// Returns the section titles of a document, in order.
fn titles(lines: &[&str]) -> Vec<Title> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < lines.len() {
        let (l, next) = (lines[i], lines[i + 1]);
        // Overline, title, underline of the same character.
        if let Some(c) = adornment(l)
            && i + 2 < lines.len()
            && !blank(next)
            && adornment(next).is_none()
            && adornment(lines[i + 2]) == Some(c)
            && (i == 0 || blank(lines[i - 1]))
        {
            out.push(Title {
                text: i + 1,
                over: Some(i),
                under: i + 2,
                style: (c, true),
            });
            i += 3;
            continue;
        }
        if !blank(l)
            && indent_of(l) == 0
            && adornment(l).is_none()
            && let Some(c) = adornment(next)
            && width(next) >= width(l).min(3)
            && (i == 0 || blank(lines[i - 1]))
        {
            out.push(Title {
                text: i,
                over: None,
                under: i + 1,
                style: (c, false),
            });
            i += 2;
            continue;
        }
        i += 1;
    }
    out
}

/// Returns true when a text reads as reStructuredText: underlined titles (other
/// characters than Markdown's `=` and `-` count double), directives, comments, field
/// lists, `::` literal blocks and rST inline markup, more of them than Markdown's own
/// marks.
pub(crate) fn looks_like(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().take(5000).collect();
    let mut score = 0usize;
    for t in titles(&lines) {
        score += if t.over.is_some() || !"=-".contains(t.style.0) {
            2
        } else {
            1
        };
    }
    let mut md = 0usize;
    for l in &lines {
        let t = l.trim();
        if DIRECTIVE.is_match(t) || t.starts_with(".. _") {
            score += 2;
        } else if t == ".." || t.starts_with(".. ") || FIELD.is_match(t) {
            score += 1;
        }
        if t.contains("``") || t.contains(">`_") {
            score += 1;
        }
        // A paragraph that opens a literal block.
        if t.ends_with("::") && !t.starts_with("..") {
            score += 2;
        }
        if (t.starts_with('#') && t.trim_start_matches('#').starts_with(' '))
            || t.starts_with("```")
            || t.contains("](")
        {
            md += 1;
        }
    }
    score >= 3 && score > 2 * md
}

/// Returns the blocks of an rST document, one per line of `text.split('\n')`.
pub(crate) fn lex(text: &str) -> Vec<Lexed> {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let n = lines.len();
    let mut blocks: Vec<Option<Block>> = vec![None; n];
    let mut styles: Vec<(char, bool)> = Vec::new();
    let titles = titles(&lines);
    for t in &titles {
        let level = match styles.iter().position(|s| *s == t.style) {
            Some(p) => p + 1,
            None => {
                styles.push(t.style);
                styles.len()
            }
        };
        blocks[t.text] = Some(Block::Heading {
            level,
            text: clean_title(lines[t.text]),
            tags: Vec::new(),
        });
        blocks[t.under] = Some(Block::Structure);
        if let Some(o) = t.over {
            blocks[o] = Some(Block::Structure);
        }
    }
    // The bibliographic fields right after the title (or at the very top) describe the
    // document: `:date:` and `:tags:` apply to every entry, `:author:` is structure.
    let first_body = (0..n).find(|&i| blocks[i].is_none() && !blank(lines[i]));
    if let Some(start) = first_body
        && FIELD.is_match(lines[start].trim())
        && titles.iter().filter(|t| t.text < start).count() <= 1
    {
        let mut j = start;
        while j < n && !blank(lines[j]) {
            if let Some(c) = FIELD.captures(lines[j].trim()) {
                blocks[j] = Some(if is_meta_field(&c[1]) {
                    Block::Field {
                        name: c[1].trim().to_owned(),
                        value: c.get(2).map_or("", |m| m.as_str()).trim().to_owned(),
                    }
                } else {
                    Block::Structure
                });
            } else {
                // The indented rest of a field's value.
                blocks[j] = Some(Block::Structure);
            }
            j += 1;
        }
    }
    let mut i = 0;
    while i < n {
        if blocks[i].is_some() {
            i += 1;
            continue;
        }
        let raw = lines[i];
        let t = raw.trim();
        let indent = indent_of(raw);
        if t.is_empty() {
            blocks[i] = Some(Block::Blank);
            i += 1;
            continue;
        }
        // Explicit markup: directives, targets, footnotes, substitutions, comments.
        if t == ".." || t.starts_with(".. ") {
            i = explicit(&lines, &mut blocks, i, indent);
            continue;
        }
        if let Some(c) = FIELD.captures(t) {
            blocks[i] = Some(Block::Field {
                name: c[1].trim().to_owned(),
                value: c.get(2).map_or("", |m| m.as_str()).trim().to_owned(),
            });
        } else if adornment(t).is_some() {
            // A transition, or an adornment with no title.
            let alone = (i == 0 || blank(lines[i - 1])) && (i + 1 == n || blank(lines[i + 1]));
            blocks[i] = Some(if alone && width(t) >= 4 {
                Block::Rule
            } else {
                Block::Structure
            });
        } else if t.starts_with('+') && t.ends_with('+') && t.len() > 1 && !t.contains(' ')
            || is_table_border(t)
        {
            blocks[i] = Some(Block::Structure);
        } else if t.starts_with('|') && t.ends_with('|') && t.len() > 1 {
            blocks[i] = Some(Block::TableRow { text: t.to_owned() });
        } else if let Some(rest) = t.strip_prefix("| ") {
            blocks[i] = Some(Block::Paragraph {
                indent,
                text: rest.trim().to_owned(),
            });
        } else if let Some(block) = list_item(t, indent) {
            blocks[i] = Some(block);
        } else if t == "::" {
            blocks[i] = Some(Block::Structure);
        } else {
            blocks[i] = Some(Block::Paragraph {
                indent,
                text: t.to_owned(),
            });
        }
        // A paragraph (or item) ending in `::` opens a literal block after a blank line.
        if t.ends_with("::") && !t.starts_with("..") {
            i = literal(&lines, &mut blocks, i, indent);
            continue;
        }
        i += 1;
    }
    blocks
        .into_iter()
        .enumerate()
        .map(|(i, b)| Lexed {
            no: i + 1,
            block: b.unwrap_or(Block::Blank),
        })
        .collect()
}

/// Returns true for a simple table's border: runs of `=` (or `-`) separated by spaces.
fn is_table_border(t: &str) -> bool {
    t.contains(' ')
        && t.split_whitespace().count() >= 2
        && t.split_whitespace().all(|run| {
            run.len() >= 2 && (run.bytes().all(|b| b == b'=') || run.bytes().all(|b| b == b'-'))
        })
}

/// Returns the block of a bullet or enumerated item.
fn list_item(t: &str, indent: usize) -> Option<Block> {
    for m in ["* ", "- ", "+ ", "• "] {
        if let Some(rest) = t.strip_prefix(m) {
            return Some(Block::Bullet {
                indent,
                marker: t.chars().next().unwrap_or('-'),
                text: rest.trim().to_owned(),
            });
        }
    }
    if ["*", "-", "+", "•"].contains(&t) {
        return Some(Block::Bullet {
            indent,
            marker: t.chars().next().unwrap_or('-'),
            text: String::new(),
        });
    }
    let (number, rest) = if let Some(rest) = t.strip_prefix("#. ") {
        ("1".to_owned(), rest)
    } else if let Some(inner) = t.strip_prefix('(')
        && let Some((num, rest)) = inner.split_once(") ")
        && is_enumerator(num)
    {
        (number_of(num), rest)
    } else {
        let end = t.find([' ', '\t'])?;
        let (head, rest) = t.split_at(end);
        let num = head.strip_suffix('.').or_else(|| head.strip_suffix(')'))?;
        if !is_enumerator(num) {
            return None;
        }
        (number_of(num), rest)
    };
    Some(Block::Numbered {
        indent,
        number,
        text: rest.trim().to_owned(),
    })
}

/// Returns true for an enumerator: `1`, `#`, or a single letter.
fn is_enumerator(s: &str) -> bool {
    (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        || s == "#"
        || s.len() == 1 && s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn number_of(s: &str) -> String {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        s.to_owned()
    } else {
        "1".to_owned()
    }
}

/// Returns the index after the lines indented deeper than `base` from `start` on (blank
/// lines among them included), and the index after the last non-blank one.
fn body_end(lines: &[&str], start: usize, base: usize) -> (usize, usize) {
    let mut end = start;
    let mut last = start;
    while end < lines.len() && (blank(lines[end]) || indent_of(lines[end]) > base) {
        if !blank(lines[end]) {
            last = end + 1;
        }
        end += 1;
    }
    (end, last)
}

/// Reads an explicit markup block starting at line `i`; returns the index after it.
fn explicit(lines: &[&str], blocks: &mut [Option<Block>], i: usize, indent: usize) -> usize {
    let t = lines[i].trim();
    let (end, last) = body_end(lines, i + 1, indent);
    let silent = |blocks: &mut [Option<Block>], from: usize| {
        for (j, b) in blocks.iter_mut().enumerate().take(end).skip(from) {
            *b = Some(if blank(lines[j]) {
                Block::Blank
            } else {
                Block::Structure
            });
        }
    };
    if let Some(c) = DIRECTIVE.captures(t) {
        let name = c[1].to_ascii_lowercase();
        let name = name.rsplit(':').next().unwrap_or(&name).to_owned();
        let args = c[2].trim();
        if CODE_DIRECTIVES.contains(&name.as_str()) {
            // The directive line opens the fence; a blank line after the body closes it.
            let close = (last..end).find(|&j| blank(lines[j]));
            if close.is_some() || end == lines.len() {
                blocks[i] = Some(Block::Fence);
                for (j, b) in blocks.iter_mut().enumerate().take(last).skip(i + 1) {
                    *b = Some(Block::Code {
                        text: lines[j].to_owned(),
                    });
                }
                for b in blocks.iter_mut().take(end).skip(last) {
                    *b = Some(Block::Blank);
                }
                if let Some(c) = close {
                    blocks[c] = Some(Block::Fence);
                }
                return end;
            }
            blocks[i] = Some(Block::Structure);
            return i + 1;
        }
        if SILENT_DIRECTIVES.contains(&name.as_str()) {
            blocks[i] = Some(Block::Structure);
            silent(blocks, i + 1);
            return end;
        }
        // An admonition or other directive: its argument and body are text, its options
        // (`:class: tip` right below it) are not.
        blocks[i] = Some(if args.is_empty() {
            Block::Structure
        } else {
            Block::Paragraph {
                indent,
                text: args.to_owned(),
            }
        });
        let mut j = i + 1;
        while j < end && !blank(lines[j]) && FIELD.is_match(lines[j].trim()) {
            blocks[j] = Some(Block::Structure);
            j += 1;
        }
        return j;
    }
    if let Some(rest) = t.strip_prefix(".. _").or_else(|| t.strip_prefix(".. __")) {
        // A hyperlink target: `.. _Design doc: https://…` is a link line.
        let (name, url) = rest.split_once(": ").unwrap_or((rest, ""));
        let name = name
            .trim_start_matches('_')
            .trim_matches('`')
            .trim_end_matches(':');
        blocks[i] = Some(if url.trim().is_empty() {
            Block::Structure
        } else if name.is_empty() {
            Block::Paragraph {
                indent: 0,
                text: url.trim().to_owned(),
            }
        } else {
            Block::Paragraph {
                indent: 0,
                text: format!("{name}: {}", url.trim()),
            }
        });
        return i + 1;
    }
    if let Some(rest) = t.strip_prefix(".. [") {
        // A footnote or citation: its text is the user's.
        blocks[i] = Some(Block::Paragraph {
            indent,
            text: format!("[{rest}"),
        });
        return i + 1;
    }
    // A substitution definition or a comment, with its indented body.
    blocks[i] = Some(Block::Structure);
    silent(blocks, i + 1);
    end
}

/// Reads the literal block a line ending in `::` opens, if there is one: the first blank
/// line after it opens the fence, a blank line after the block closes it. Returns the index
/// after what was read.
fn literal(lines: &[&str], blocks: &mut [Option<Block>], i: usize, indent: usize) -> usize {
    let mut k = i + 1;
    while k < lines.len() && blank(lines[k]) {
        k += 1;
    }
    if k == i + 1 || k >= lines.len() || indent_of(lines[k]) <= indent {
        return i + 1;
    }
    let (end, last) = body_end(lines, k, indent);
    let close = (last..end).find(|&j| blank(lines[j]));
    if close.is_none() && end < lines.len() {
        return i + 1;
    }
    blocks[i + 1] = Some(Block::Fence);
    for b in blocks.iter_mut().take(k).skip(i + 2) {
        *b = Some(Block::Blank);
    }
    for (j, b) in blocks.iter_mut().enumerate().take(last).skip(k) {
        *b = Some(Block::Code {
            text: lines[j].to_owned(),
        });
    }
    for b in blocks.iter_mut().take(end).skip(last) {
        *b = Some(Block::Blank);
    }
    if let Some(c) = close {
        blocks[c] = Some(Block::Fence);
    }
    end
}

/// Returns a section title without inline markup: ``` ``code`` ```, `*emphasis*`,
/// `` `text <URL>`_ ``, `:role:`text``.
fn clean_title(line: &str) -> String {
    let t = INLINE_LINK.replace_all(line.trim(), "$1");
    let t = INLINE_ROLE.replace_all(&t, "$1");
    let t = t.replace("``", "");
    let t = t.trim_end_matches('_');
    let words: Vec<&str> = t
        .split_whitespace()
        .map(|w| w.trim_matches(|c| c == '*' || c == '`'))
        .filter(|w| !w.is_empty())
        .collect();
    dashes(&words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<Block> {
        lex(text).into_iter().map(|l| l.block).collect()
    }

    fn heading(b: &Block) -> Option<(usize, &str)> {
        match b {
            Block::Heading { level, text, .. } => Some((*level, text.as_str())),
            _ => None,
        }
    }

    #[test]
    fn rst_titles_level_by_order_of_appearance() {
        let text = "=========\nStory bank\n=========\n\nOwnership\n=========\n\n\
Cut deploy time\n---------------\n\nSituation\n~~~~~~~~~\nSlow.\n\nBias for action\n=========\n";
        let b = blocks(text);
        assert_eq!(heading(&b[1]), Some((1, "Story bank")));
        assert_eq!(b[0], Block::Structure);
        assert_eq!(b[2], Block::Structure);
        assert_eq!(heading(&b[4]), Some((2, "Ownership")));
        assert_eq!(heading(&b[7]), Some((3, "Cut deploy time")));
        assert_eq!(heading(&b[10]), Some((4, "Situation")));
        assert_eq!(heading(&b[14]), Some((2, "Bias for action")));
    }

    #[test]
    fn rst_fields_lists_and_explicit_markup() {
        let text = ":date: 2024-05-02\n:tags: ci, infra\n\n* one\n#. two\n(3) three\n\n\
.. note::\n   :class: tip\n\n   Worth it.\n\n.. image:: a.png\n   :alt: x\n\n.. a comment\n   more\n\n\
.. _Design doc: https://x.io/d\n\n.. code-block:: rust\n\n   let x = 1;\n\nAfter.\n";
        let b = blocks(text);
        assert!(
            matches!(&b[0], Block::Field { name, value } if name == "date" && value == "2024-05-02")
        );
        assert!(matches!(&b[3], Block::Bullet { text, .. } if text == "one"));
        assert!(matches!(&b[4], Block::Numbered { text, .. } if text == "two"));
        assert!(matches!(&b[5], Block::Numbered { number, .. } if number == "3"));
        assert_eq!(b[7], Block::Structure);
        assert_eq!(b[8], Block::Structure);
        assert!(matches!(&b[10], Block::Paragraph { text, .. } if text == "Worth it."));
        assert_eq!(b[12], Block::Structure);
        assert_eq!(b[13], Block::Structure);
        assert_eq!(b[15], Block::Structure);
        assert_eq!(b[16], Block::Structure);
        assert!(
            matches!(&b[18], Block::Paragraph { text, .. } if text == "Design doc: https://x.io/d")
        );
        assert_eq!(b[20], Block::Fence);
        assert!(matches!(&b[22], Block::Code { .. }));
        assert_eq!(b[23], Block::Fence);
        assert!(matches!(&b[24], Block::Paragraph { .. }));
    }

    #[test]
    fn rst_literal_blocks() {
        let b = blocks("Run this::\n\n   - not a bullet\n\nThen done.\n");
        assert!(matches!(&b[0], Block::Paragraph { .. }));
        assert_eq!(b[1], Block::Fence);
        assert!(matches!(&b[2], Block::Code { .. }));
        assert_eq!(b[3], Block::Fence);
        // No blank line to close the fence: the block stays text.
        let b = blocks("Run this::\n\n   code\nThen done.\n");
        assert!(matches!(&b[2], Block::Paragraph { .. }));
    }

    #[test]
    fn rst_title_markup_dropped() {
        assert_eq!(
            clean_title("Shipping ``brag`` via `the docs <https://x.io>`_ *fast*"),
            "Shipping brag via the docs fast"
        );
    }

    #[test]
    fn rst_detect() {
        assert!(looks_like(
            "Title\n=====\n\nText.\n\nSub\n---\n\n.. note:: hi\n"
        ));
        assert!(looks_like(":date: 2024-05-02\n:tags: a\n\nStory\n~~~~~\n"));
        assert!(!looks_like("# Projects\n- a\n- b\n\n## Goals\n- c\n"));
        assert!(!looks_like("S\nsomething\nR\nresult\n"));
    }
}
