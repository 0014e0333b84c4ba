//! Markdown brag documents in the style of Julia Evans' template: section headings (Goals,
//! Projects, Collaboration & mentorship, What I learned, ...), one entry per top-level
//! bullet, deeper headings as entries of their own (STAR stories when they have
//! Situation/Task/Action/Result subheadings), date headings that date what is beneath them
//! and competency headings that tag what is beneath them.
//!
//! brag's own brag document (`brag report doc`) is read back faithfully: an entry heading
//! followed by metadata lines (`- Date: 2025-03-14`, `- Tags: a, b`, `- Links: URL`, see
//! [`DocMeta`]) is an entry whatever its title says, described by those lines rather than
//! by its section; a `Project: NAME` heading names the project of what is beneath it.
//!
//! The document is read in two passes. The first looks at the headings only and gives each
//! a role: the document title, a date, a section, a competency group, an entry, or a STAR
//! section of an entry. The second walks the lines with a stack of the headings in force
//! and turns content into entries. Every content line lands in some entry, or in a
//! warning that says why it was left out.
//!
//! Story banks (issue 14) are read by the same two passes:
//!
//! - inline labels (`- S: …`, `**Situation**: …`, `Situation - …`, `**S** – …`, `情境：…`)
//!   tell one story with its sections; a label of the section already open, or a
//!   synonym of it in its bullets (`- Solution: …` under Action), goes on with it; a new
//!   Situation after a story's parts, a prompt (`Tell me about a time…`, a question or a
//!   bold line right before labels), a rule, a heading or `</details>` starts the next;
//! - a competency heading tags every story beneath, its numbering and framework prefix
//!   set aside (`3. Ownership`, `LP 4 – Dive Deep`, `Bias for Action (LP #8)`); a
//!   `<summary>` is a heading one level below the heading above it, with the `<details>`
//!   block its body;
//! - a heading's top-level bullets are one entry each when they read as separate
//!   accomplishments (two thirds open with a date, or, three or more, three quarters open
//!   with a past-tense verb and run to eight words on average), else the parts of the one
//!   entry the heading names; a heading with nothing of its own over entry headings groups
//!   them (its name is their tag);
//! - left out, each line in a warning saying why: YAML front matter, a quote or the
//!   introduction before the first entry, instructions, tables of contents, legends,
//!   placeholders (`Nothing recorded this week`), HTML-only lines, kramdown attribute
//!   lines, unused reference-link definitions, the fence around a document pasted whole
//!   into a code block (the document inside is read);
//! - `[text][ref]` gives the entry the URL of `[ref]: URL`; titles lose their markup.

use std::collections::HashMap;

use jiff::civil::Date;

use super::{Imported, Line, Options, TextBuilder, Warning, lines, link_line};
use crate::date::{Place, find_in_text, item_date, whole_text_date};
use crate::entry::{Entry, Kind};
use crate::file::Section;
use crate::link::Link;
use crate::words::{kebab, words};

/// Returns the entries and warnings of a document in this format, and for each entry
/// whether metadata lines describe it: an entry of brag's own brag document, which states
/// its metrics in full.
pub(crate) fn import(text: &str, opts: &Options<'_>) -> (Vec<Imported>, Vec<Warning>, Vec<bool>) {
    let lines = lines(text);
    let content = mark_content(&lines);
    let (headings, meta_lines) = roles(&lines, &content, opts);
    let mut walk = Walk {
        opts,
        drafts: Vec::new(),
        stack: Vec::new(),
        open: Open::None,
        blank_before: true,
        lead: None,
        questions: questions(&lines, &content, opts),
        warnings: Vec::new(),
        preamble: false,
    };
    let mut next_heading = headings.iter().peekable();
    let summaries: HashMap<usize, String> = heading_lines(&lines, &content)
        .into_iter()
        .filter(|&(i, _, _)| atx(&lines[i]).is_none())
        .map(|(i, _, raw)| (i, clean_title(raw)))
        .collect();
    let refs: HashMap<String, String> = lines
        .iter()
        .enumerate()
        .filter(|&(i, _)| content[i] == Content::RefDef)
        .filter_map(|(_, l)| ref_def(l.text))
        .collect();
    let mut used = std::collections::HashSet::new();
    for (i, line) in lines.iter().enumerate() {
        if let Some(h) = next_heading.next_if(|h| h.line == i) {
            walk.heading(h, line);
            if let Some(title) = summaries.get(&i) {
                walk.warnings.push(Warning {
                    line: line.no,
                    message: format!(
                        "`{}`: read as the heading `{title}`, its HTML tags left out",
                        line.text
                    ),
                });
            }
            continue;
        }
        if meta_lines[i] {
            // Read with its heading: what it says is in the entry already.
            walk.touch(line.no);
            continue;
        }
        match content[i] {
            Content::Blank => walk.blank(),
            Content::Rule => {
                walk.blank();
                walk.close_list();
            }
            Content::Code => walk.code(line),
            Content::Html => {
                walk.blank();
                if line.text.to_ascii_lowercase().contains("</details") {
                    walk.end_block();
                }
                walk.warnings.push(Warning {
                    line: line.no,
                    message: format!("left out `{}`: HTML that only shapes the page", line.text),
                });
            }
            Content::Left(why) => walk.warnings.push(Warning {
                line: line.no,
                message: format!("left out `{}`: {why}", line.text),
            }),
            Content::RefDef => {}
            Content::Text => {
                walk.line(line);
                if line.text.contains("][")
                    && let Some(draft) = walk.open.draft()
                {
                    for label in cited_refs(line.text) {
                        if let Some(url) = refs.get(&label) {
                            walk.drafts[draft].add_link(url);
                            used.insert(label);
                        }
                    }
                }
            }
        }
    }
    for (i, line) in lines.iter().enumerate() {
        if content[i] == Content::RefDef
            && let Some((label, url)) = ref_def(line.text)
        {
            let message = if !used.contains(&label) {
                format!("left out `{}`: a link definition no entry cites", line.text)
            } else if line.text.trim_end().ends_with(url.as_str()) {
                continue;
            } else {
                format!(
                    "`{}`: read as the link `{url}` of the entries that cite `[{label}]`, \
                     its title left out",
                    line.text
                )
            };
            walk.warnings.push(Warning {
                line: line.no,
                message,
            });
        }
    }
    walk.warnings.sort_by_key(|w| w.line);
    let labelled: Vec<(usize, String)> = walk
        .drafts
        .iter_mut()
        .flat_map(|d| std::mem::take(&mut d.labelled))
        .collect();
    if let Some(&(first, _)) = labelled.first() {
        let lines: Vec<String> = labelled
            .iter()
            .map(|(no, text)| format!("line {no} `{text}`"))
            .collect();
        walk.warnings.push(Warning {
            line: first,
            message: format!(
                "{} lines read as a STAR label and its text, the label not kept: {}",
                labelled.len(),
                lines.join(", ")
            ),
        });
        walk.warnings.sort_by_key(|w| w.line);
    }
    let (entries, described) = walk
        .drafts
        .into_iter()
        .map(|d| {
            let described = d.described;
            (d.finish(), described)
        })
        .unzip();
    (entries, walk.warnings, described)
}

// ---------------------------------------------------------------------------------------
// Lines

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Content {
    /// Nothing but whitespace.
    Blank,
    /// A horizontal rule: `---`, `***`, `___`.
    Rule,
    /// Inside a fenced code block, fences included.
    Code,
    /// Nothing but HTML tags: `<details>`, `</details>`, `<br>`.
    Html,
    /// Left out of every entry, for the reason given: YAML front matter, the fence around
    /// a document pasted whole into a code block.
    Left(&'static str),
    /// A reference-link definition, `[ref]: https://…`: its URL goes to the entries that
    /// cite `[text][ref]`.
    RefDef,
    /// Anything else, headings included.
    Text,
}

fn mark_content(lines: &[Line<'_>]) -> Vec<Content> {
    let mut fence: Option<&str> = None;
    let mut out: Vec<Content> = vec![Content::Blank; lines.len()];
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    let (mut from, mut to) = (0, lines.len());
    if let (Some(&first), Some(&last)) = (filled.first(), filled.last()) {
        // A whole document pasted into one code block is read as the document inside it.
        let open = lines[first].text;
        let lang = open.get(3..).unwrap_or("").trim().to_ascii_lowercase();
        if first < last
            && (open.starts_with("```") || open.starts_with("~~~"))
            && ["", "md", "markdown", "text", "txt", "plain"].contains(&lang.as_str())
            && lines[last].text == &open[..3]
        {
            let why = "the fence around a document pasted into a code block";
            out[first] = Content::Left(why);
            out[last] = Content::Left(why);
            from = first + 1;
            to = last;
        }
        // YAML front matter: `---`, `key: value` lines, `---`, first in the document.
        let top = (from..to).find(|&i| !lines[i].is_blank());
        if let Some(top) = top
            && lines[top].text == "---"
            && let Some(end) =
                (top + 1..to.min(top + 60)).find(|&i| matches!(lines[i].text, "---" | "..."))
            && end > top + 1
            && lines[top + 1..end]
                .iter()
                .all(|l| l.is_blank() || l.raw.starts_with([' ', '-', '#']) || l.text.contains(':'))
        {
            for c in &mut out[top..=end] {
                *c = Content::Left("YAML front matter, not an entry");
            }
            from = end + 1;
        }
    }
    for (i, l) in lines.iter().enumerate() {
        if i < from || i >= to {
            continue;
        }
        out[i] = {
            let t = l.text;
            if let Some(f) = fence {
                if t.starts_with(f) {
                    fence = None;
                }
                Content::Code
            } else if t.starts_with("```") || t.starts_with("~~~") {
                fence = Some(&t[..3]);
                Content::Code
            } else if l.is_blank() {
                Content::Blank
            } else if is_rule(t) {
                Content::Rule
            } else if is_html_only(t) {
                Content::Html
            } else if ref_def(t).is_some() {
                Content::RefDef
            } else if t.starts_with("{:") && t.ends_with('}') {
                Content::Left("a kramdown attribute list: how the page is styled, not text")
            } else {
                Content::Text
            }
        };
    }
    out
}

fn is_rule(t: &str) -> bool {
    let squeezed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed.len() >= 3
        && ["-", "*", "_"]
            .iter()
            .any(|m| squeezed.chars().all(|c| c.to_string() == *m))
}

/// Returns the level and text of an ATX heading (`## Projects ##` → 2, `Projects`).
pub(crate) fn atx<'a>(line: &Line<'a>) -> Option<(usize, &'a str)> {
    if line.indent > 3 {
        return None;
    }
    let t = line.text;
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &t[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let mut rest = rest.trim();
    // A closing run of `#` counts only after a space: `C#` stays.
    let without = rest.trim_end_matches('#');
    if without.len() < rest.len() && (without.is_empty() || without.ends_with([' ', '\t'])) {
        rest = without.trim_end();
    }
    Some((hashes, rest))
}

/// Returns the label (lowercase) and URL of a reference-link definition:
/// `[design doc]: https://docs.example.com/x "Title"`.
fn ref_def(t: &str) -> Option<(String, String)> {
    let rest = t.strip_prefix('[')?;
    let close = rest.find("]:")?;
    let label = rest[..close].trim();
    if label.is_empty() || label.starts_with('^') || label.contains(['[', ']']) {
        return None;
    }
    let url = rest[close + 2..].split_whitespace().next()?;
    let url = url.trim_start_matches('<').trim_end_matches('>');
    url.contains("://")
        .then(|| (label.to_lowercase(), url.to_owned()))
}

/// Returns the labels a line cites as reference links: `[text][ref]` gives `ref`,
/// `[ref][]` gives `ref`.
fn cited_refs(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = t;
    while let Some(at) = rest.find("][") {
        let before = &rest[..at];
        let after = &rest[at + 2..];
        let Some(end) = after.find(']') else {
            break;
        };
        let label = after[..end].trim();
        let label = if label.is_empty() {
            before.rsplit('[').next().unwrap_or("").trim()
        } else {
            label
        };
        if !label.is_empty() {
            out.push(label.to_lowercase());
        }
        rest = &after[end + 1..];
    }
    out
}

/// Returns the headings of a document: its ATX headings, and the `<summary>` of each
/// collapsible `<details>` block, a heading one level below the heading above it.
fn heading_lines<'a>(lines: &[Line<'a>], content: &[Content]) -> Vec<(usize, usize, &'a str)> {
    let mut out = Vec::new();
    let mut level = 0;
    for (i, l) in lines.iter().enumerate() {
        if content[i] != Content::Text {
            continue;
        }
        if let Some((n, raw)) = atx(l) {
            level = n;
            out.push((i, n, raw));
        } else if let Some(raw) = summary(l.text) {
            out.push((i, (level + 1).min(6), raw));
        }
    }
    out
}

/// Returns the title of a `<summary>` line: `<summary>Title</summary>`, also after
/// `<details>` and around `<b>`/`<strong>`.
fn summary(t: &str) -> Option<&str> {
    let lower = t.to_ascii_lowercase();
    let start = lower.find("<summary")?;
    let pre = lower[..start].trim();
    if !(pre.is_empty()
        || pre.starts_with("<details") && pre.ends_with('>') && pre.matches('>').count() == 1)
    {
        return None;
    }
    let open_end = start + lower[start..].find('>')? + 1;
    let close = lower.find("</summary>").unwrap_or(t.len());
    if close < open_end
        || !lower[close..]
            .trim_start_matches("</summary>")
            .trim()
            .is_empty()
    {
        return None;
    }
    let mut inner = t[open_end..close].trim();
    for (o, c) in [
        ("<b>", "</b>"),
        ("<strong>", "</strong>"),
        ("<em>", "</em>"),
        ("<i>", "</i>"),
    ] {
        if let Some(x) = inner.strip_prefix(o).and_then(|x| x.strip_suffix(c)) {
            inner = x.trim();
        }
    }
    (!inner.is_empty()).then_some(inner)
}

/// Returns true for a line that is nothing but HTML tags that shape the page
/// (`<details>`, `</details>`, `<br>`, `<p>`, `</div>`): structure, not text.
fn is_html_only(t: &str) -> bool {
    let mut rest = t.trim();
    if !rest.starts_with('<') {
        return false;
    }
    while let Some(r) = rest.strip_prefix('<') {
        let Some(end) = r.find('>') else {
            return false;
        };
        let tag = r[..end]
            .trim_start_matches('/')
            .trim_end_matches('/')
            .trim();
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if ![
            "details", "p", "br", "div", "hr", "span", "section", "center", "b", "strong", "em",
            "i",
        ]
        .contains(&name.to_ascii_lowercase().as_str())
        {
            return false;
        }
        rest = r[end + 1..].trim_start();
    }
    rest.is_empty()
}

/// Returns heading text without emphasis around it and without a trailing colon.
fn clean_heading(s: &str) -> &str {
    let mut t = s.trim();
    loop {
        let before = t;
        for m in ["**", "__"] {
            if let Some(inner) = t.strip_prefix(m).and_then(|x| x.strip_suffix(m)) {
                t = inner.trim();
            }
        }
        t = t.trim_end_matches(':').trim();
        if t == before {
            return t;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Dates in headings and bullets

/// Returns the date a heading names and the heading without it: `Week of 2024-11-04`
/// (nothing left), `Ledger rewrite (Q1 2025)`, `Brag document — 2025`, `2025-03: Launch`.
fn heading_date(text: &str, today: Date) -> Option<(Date, String)> {
    let found = find_in_text(text, today)?;
    Some((found.period.start, found.rest(text).to_owned()))
}

/// Returns the date a bullet or paragraph carries and its text without the date:
/// `2024-03-14: shipped …`, `[Nov 1, 2024] Shipped X`, `Shipped X (May 2024)`. A goal's
/// date at its end is when it is due, not when it was set: only a leading one counts.
fn leading_date(body: &str, today: Date, goal: bool) -> Option<(Date, &str)> {
    let found = item_date(body, today).filter(|d| !goal || d.place == Place::Start)?;
    Some((found.period.start, found.rest(body)))
}

// ---------------------------------------------------------------------------------------
// Section names

const GOAL_WORDS: [&str; 14] = [
    "goal",
    "goals",
    "objective",
    "objectives",
    "okr",
    "okrs",
    "aspirations",
    "ziele",
    "ziel",
    "objetivos",
    "objectifs",
    "obiettivi",
    "doelen",
    "mål",
];
const LEARNING_WORDS: [&str; 28] = [
    "learn",
    "learned",
    "learnt",
    "learning",
    "learnings",
    "talk",
    "talks",
    "book",
    "books",
    "reading",
    "courses",
    "course",
    "conference",
    "conferences",
    "training",
    "til",
    "certifications",
    "podcasts",
    "gelernt",
    "lernen",
    "weiterbildung",
    "aprendizaje",
    "aprendido",
    "aprendí",
    "appris",
    "apprentissage",
    "formation",
    "studied",
];
const FEEDBACK_WORDS: [&str; 12] = [
    "feedback",
    "praise",
    "kudos",
    "compliments",
    "recognition",
    "shoutouts",
    "shout",
    "thanks",
    "testimonials",
    "endorsements",
    "lob",
    "elogios",
];
/// Words of the section names brag documents use, besides the three lists above.
const SECTION_WORDS: [&str; 30] = [
    "projects",
    "project",
    "collaboration",
    "mentorship",
    "mentoring",
    "design",
    "documentation",
    "company",
    "outside",
    "wins",
    "accomplishments",
    "achievements",
    "highlights",
    "hiring",
    "interviews",
    "interviewing",
    "community",
    "writing",
    "presentations",
    "awards",
    "incidents",
    "oncall",
    "misc",
    "miscellaneous",
    "other",
    "impact",
    "leadership",
    "projekte",
    "proyectos",
    "projets",
];

/// Returns the kind of the entries under a section: goals, learning, feedback or wins.
fn section_kind(name: &str) -> Kind {
    let ws: Vec<String> = words(name).collect();
    let has = |list: &[&str]| ws.iter().any(|w| list.contains(&w.as_str()));
    if has(&GOAL_WORDS) {
        Kind::Goal
    } else if has(&LEARNING_WORDS) {
        Kind::Learning
    } else if has(&FEEDBACK_WORDS) {
        Kind::Feedback
    } else {
        Kind::Win
    }
}

/// Returns true for the section names brag documents are known to use.
///
/// A long heading is a title of one thing that happens to hold such a word (`Observability
/// course for new engineers`), unless the word comes first (`Books I read this year`).
fn known_section(name: &str) -> bool {
    let ws: Vec<String> = words(name).collect();
    if ws.len() > 4 {
        return ws.first().is_some_and(|w| known_section(w));
    }
    section_kind(name) != Kind::Win || ws.iter().any(|w| SECTION_WORDS.contains(&w.as_str()))
}

/// Returns the section an inline label opens and the text after it: `**Result:** cut
/// 40%`, `Situation:`, `**Impact**`, `Context: we had …`, `S: we had …`, `Situation - we
/// had …`, `**S** – we had …`, `情境：…`.
fn label<'a>(body: &'a str, opts: &Options<'_>) -> Option<(Section, &'a str)> {
    label_named(body, opts).map(|(s, rest, _)| (s, rest))
}

/// Returns what [`label`] does, and whether the label is a synonym (`Solution`), not the
/// section's own name or letter (`Action`, `A`).
fn label_named<'a>(body: &'a str, opts: &Options<'_>) -> Option<(Section, &'a str, bool)> {
    let b = body.trim();
    let unstarred = b.trim_start_matches(['*', '_']);
    let named = |name: &str| {
        let key = crate::words::label_key(name);
        // `The challenge` heads a section; `the Result: …` in a sentence is no label.
        if key.starts_with("the ") {
            return None;
        }
        let s = match key.as_str() {
            "s" => Some(Section::Situation),
            "t" => Some(Section::Task),
            "a" => Some(Section::Action),
            "r" => Some(Section::Result),
            _ => opts.sections.get(name),
        }?;
        let synonym = key.chars().count() > 1 && key != s.heading().to_lowercase();
        Some((s, synonym))
    };
    // The first separator: a colon (`:`, `：`), or a dash with spaces around it.
    let sep = [":", "：", " - ", " – ", " — "]
        .iter()
        .filter_map(|m| unstarred.find(m).map(|i| (i, m.len())))
        .min();
    if let Some((at, len)) = sep
        && unstarred[..at].chars().count() <= 40
    {
        let name = &unstarred[..at];
        let after = unstarred[at + len..].trim_start_matches(['*', '_']);
        let rest = after.trim();
        let spaced = len > 1 || after.starts_with(' ');
        // `Result: cut…`, not `Result:1.` or `https://…`.
        if !name.trim().is_empty()
            && (rest.is_empty() || spaced)
            && let Some((s, synonym)) = named(name.trim_end_matches(['*', '_']))
        {
            return Some((s, rest, synonym));
        }
    }
    let whole = b.trim_matches(['*', '_', ':']).trim();
    if whole.chars().count() <= 40 {
        return named(whole).map(|(s, synonym)| (s, "", synonym));
    }
    None
}

/// Returns the STAR section a line's label opens, for a line at the top of its list: the
/// line that may start or end a story told with labels.
fn star_label(line: &Line<'_>, opts: &Options<'_>) -> Option<Section> {
    if line.bullet && line.indent >= 2 {
        return None;
    }
    label(line.body, opts)
        .map(|(s, _)| s)
        .filter(|&s| is_star(s))
}

/// Returns true for a line that asks for a story, as story banks write the prompt before
/// it: `Tell me about a time you…`, `Q: Describe a situation where…`.
fn is_prompt(body: &str) -> bool {
    let t = body
        .trim_start_matches(['*', '_', '>', ' '])
        .trim_end_matches(['*', '_', ' '])
        .to_lowercase();
    let t = t
        .strip_prefix("q:")
        .or_else(|| t.strip_prefix("question:"))
        .or_else(|| t.strip_prefix("prompt:"))
        .map_or(t.as_str(), str::trim);
    [
        "tell me about a time",
        "tell me about when",
        "describe a time",
        "describe a situation",
        "give me an example",
        "give an example",
        "talk about a time",
        "share an example",
        "walk me through a time",
        "have you ever",
        "conte sobre uma",
        "fale sobre uma",
        "cuéntame",
        "háblame de",
        "describe una situación",
        "parlez-moi",
        "racontez",
        "erzählen sie",
        "beschreiben sie eine",
        "请描述",
        "讲一个",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

/// Returns, per line, whether it opens the story that follows: a line that reads as a
/// prompt, or a question or a bold line whose next line opens a STAR section.
fn questions(lines: &[Line<'_>], content: &[Content], opts: &Options<'_>) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut next_star = false;
    for i in (0..lines.len()).rev() {
        if content[i] != Content::Text {
            if content[i] != Content::Blank {
                next_star = false;
            }
            continue;
        }
        let l = &lines[i];
        if atx(l).is_some() || summary(l.text).is_some() {
            next_star = false;
            continue;
        }
        let body = l.body.trim_end_matches(['*', '_', ' ']);
        // A bold line of its own before the labels is the title of the story they tell.
        let bold = l.body.starts_with("**") && body.len() > 2 && !body[2..].contains("**");
        out[i] = !l.bullet
            && (is_prompt(l.body) || next_star && (body.ends_with(['?', '？']) || bold))
            && star_label(l, opts).is_none()
            && body.chars().count() <= 300;
        next_star = star_label(l, opts).is_some();
    }
    out
}

/// Returns the competency a heading names, its numbering and framework prefix set aside:
/// `Customer Obsession`, `3. Ownership`, `LP 4 – Dive Deep`, `Bias for Action (LP #8)`,
/// `#2 Earn Trust`, `Principle 5: Invent and Simplify`.
fn competency_heading(title: &str, opts: &Options<'_>) -> Option<String> {
    let matched = |t: &str| opts.catalogue.match_name(t.trim()).map(|m| m.id);
    if let Some(id) = matched(title) {
        return Some(id);
    }
    let core = strip_numbering(title);
    // A trailing `(LP #8)`, `[LP 8]`, `- LP 8`.
    let core = match core.rfind(['(', '[']) {
        Some(i) if i > 0 && core.trim_end().ends_with([')', ']']) => &core[..i],
        _ => core,
    };
    let core = core.trim().trim_end_matches(['-', '–', '—', ':']).trim();
    if core.len() < title.trim().len() {
        return matched(core);
    }
    None
}

/// Returns a heading without the numbering in front of it: `3. `, `#2 `, `LP 4 – `,
/// `Principle 5: `, `Q3) `.
fn strip_numbering(title: &str) -> &str {
    let mut t = title.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '#');
    for prefix in [
        "lp",
        "leadership principle",
        "principle",
        "competency",
        "value",
    ] {
        if t.len() > prefix.len()
            && t.is_char_boundary(prefix.len())
            && t[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            let rest = t[prefix.len()..].trim_start();
            let rest_no = rest.trim_start_matches(['#', ' ']);
            if rest_no.starts_with(|c: char| c.is_ascii_digit())
                || rest.starts_with([':', '-', '–', '—'])
            {
                t = rest;
                break;
            }
        }
    }
    let t = t.trim_start_matches('#');
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let t = if digits > 0 && digits <= 3 {
        &t[digits..]
    } else {
        t
    };
    t.trim_start_matches(|c: char| c.is_whitespace() || ".):-–—#".contains(c))
}

fn is_star(s: Section) -> bool {
    matches!(
        s,
        Section::Situation | Section::Task | Section::Action | Section::Result
    )
}

// ---------------------------------------------------------------------------------------
// Metadata lines and project headings

/// Returns a label of the metadata lines that may follow an entry heading, as brag's own
/// brag document writes them (`- Date: 2025-03-14`, one per line, right below the heading,
/// before anything else):
///
/// - `Date: 2025-03-14` (any date with a year), `Date: undated`, or `Date: undated
///   (recorded 2025-03-14)` for an entry whose source gave no date;
/// - `Kind: story`; `Project: NAME`; `Tags: a, b` (commas, or `#a #b`); `People: a, b`;
/// - `Links: URL, URL` (nothing but URLs); `Draft: yes` (harvested, not reviewed yet).
///
/// A heading followed by such lines is an entry, titled with the heading as written (no
/// date, section or competency is read into it), and described by them: they give its
/// date, kind, project, tags, people and links, and its section adds no tag. The lines
/// are taken out of its text. A `Project: NAME` heading names the project of the entries
/// beneath it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DocMeta {
    Date,
    Kind,
    Project,
    Tags,
    People,
    Links,
    Draft,
}

impl DocMeta {
    const ALL: [DocMeta; 7] = [
        DocMeta::Date,
        DocMeta::Kind,
        DocMeta::Project,
        DocMeta::Tags,
        DocMeta::People,
        DocMeta::Links,
        DocMeta::Draft,
    ];
    /// The `Date:` of an entry whose source gave no date.
    pub(crate) const UNDATED: &'static str = "undated";
    /// What comes before the stand-in date of an undated entry: `undated (recorded D)`.
    pub(crate) const RECORDED: &'static str = "recorded";
    /// What opens a heading that names a project: `### Project: rivet`.
    pub(crate) const PROJECT_HEADING: &'static str = "Project:";

    /// Returns the label as written.
    pub(crate) fn label(self) -> &'static str {
        match self {
            DocMeta::Date => "Date",
            DocMeta::Kind => "Kind",
            DocMeta::Project => "Project",
            DocMeta::Tags => "Tags",
            DocMeta::People => "People",
            DocMeta::Links => "Links",
            DocMeta::Draft => "Draft",
        }
    }
}

/// What an entry's metadata lines say.
#[derive(Clone, Debug, Default, PartialEq)]
struct Meta {
    date: Option<MetaDate>,
    kind: Option<Kind>,
    project: Option<String>,
    tags: Vec<String>,
    people: Vec<String>,
    links: Vec<String>,
    draft: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MetaDate {
    Day(Date),
    /// No date in the source; the day it was recorded, if known.
    Undated(Option<Date>),
}

/// Reads a metadata line (its text after any bullet marker) into `meta`; returns false,
/// leaving `meta` alone, when it is not one.
fn read_meta(body: &str, today: Date, meta: &mut Meta) -> bool {
    let Some((label, value)) = body.split_once(':') else {
        return false;
    };
    let Some(which) = DocMeta::ALL
        .into_iter()
        .find(|m| m.label().eq_ignore_ascii_case(label.trim()))
    else {
        return false;
    };
    let value = value.trim();
    if value.is_empty() {
        return false;
    }
    match which {
        DocMeta::Date => match meta_date(value, today) {
            Some(d) => meta.date = Some(d),
            None => return false,
        },
        DocMeta::Kind => match value.parse::<Kind>() {
            Ok(k) => meta.kind = Some(k),
            Err(_) => return false,
        },
        DocMeta::Project => meta.project = Some(value.to_owned()),
        DocMeta::Tags => meta.tags.extend(meta_list(value, '#')),
        DocMeta::People => meta.people.extend(meta_list(value, '@')),
        DocMeta::Links => match meta_links(value) {
            Some(urls) => meta.links.extend(urls),
            None => return false,
        },
        DocMeta::Draft => match value.to_lowercase().as_str() {
            "yes" | "true" => meta.draft = true,
            "no" | "false" => meta.draft = false,
            _ => return false,
        },
    }
    true
}

/// Returns the date of a `Date:` line: a date with a year, `undated`, or `undated
/// (recorded 2025-03-14)`.
fn meta_date(value: &str, today: Date) -> Option<MetaDate> {
    let lower = value.to_lowercase();
    let Some(rest) = lower.strip_prefix(DocMeta::UNDATED) else {
        if let Ok(day) = value.parse::<Date>() {
            return Some(MetaDate::Day(day));
        }
        return whole_text_date(value, today).map(|p| MetaDate::Day(p.start));
    };
    let rest = rest.trim();
    if rest.is_empty() {
        return Some(MetaDate::Undated(None));
    }
    let day = rest
        .strip_prefix('(')?
        .strip_suffix(')')?
        .trim()
        .strip_prefix(DocMeta::RECORDED)?
        .trim()
        .parse()
        .ok()?;
    Some(MetaDate::Undated(Some(day)))
}

/// Returns the items of a `Tags:` or `People:` line: split at commas (or, for an item of
/// `#a #b` words, at spaces), without their `#`/`@`.
fn meta_list(value: &str, marker: char) -> Vec<String> {
    let mut out = Vec::new();
    for item in value.split(',') {
        let item = item.trim();
        let words: Vec<&str> = item.split_whitespace().collect();
        let marked = words.len() > 1 && words.iter().all(|w| w.starts_with(marker));
        let parts = if marked { words } else { vec![item] };
        for p in parts {
            let p = p.trim_start_matches(marker).trim();
            if !p.is_empty() {
                out.push(p.to_owned());
            }
        }
    }
    out
}

/// Returns the URLs of a `Links:` line when it holds nothing else (commas and `<…>`
/// around them aside).
fn meta_links(value: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for token in value.split_whitespace() {
        let t = token.strip_suffix(',').unwrap_or(token);
        let t = t
            .strip_prefix('<')
            .and_then(|x| x.strip_suffix('>'))
            .unwrap_or(t);
        if !is_meta_url(t) {
            return None;
        }
        out.push(t.to_owned());
    }
    (!out.is_empty()).then_some(out)
}

/// Returns true for a URL a `Links:` line can hold: one that brag recognises in text as it
/// is written (`https://…`, without trailing punctuation).
pub(crate) fn is_meta_url(url: &str) -> bool {
    let urls = crate::text::recognise(url).urls;
    urls.len() == 1 && urls[0] == url
}

/// Returns the strings an import keeps of a metadata line (its date, kind, project, tags,
/// people or URLs), or `None` when the line is not one: for the "no line lost" checks.
#[cfg(test)]
pub(crate) fn meta_values(body: &str, today: Date) -> Option<Vec<String>> {
    let mut meta = Meta::default();
    if !read_meta(body, today, &mut meta) {
        return None;
    }
    let mut out: Vec<String> = Vec::new();
    match meta.date {
        Some(MetaDate::Day(d) | MetaDate::Undated(Some(d))) => out.push(d.to_string()),
        Some(MetaDate::Undated(None)) | None => {}
    }
    out.extend(meta.kind.map(|k| k.as_str().to_owned()));
    out.extend(meta.project);
    out.extend(meta.tags);
    out.extend(meta.people);
    out.extend(meta.links);
    Some(out)
}

/// Returns the project a heading names: `Project: rivet` gives `rivet`.
fn project_heading(text: &str) -> Option<&str> {
    let head = text.get(..DocMeta::PROJECT_HEADING.len())?;
    if !head.eq_ignore_ascii_case(DocMeta::PROJECT_HEADING) {
        return None;
    }
    let name = text[head.len()..].trim();
    (!name.is_empty()).then_some(name)
}

/// Words of a section name that say it holds projects: under it, a heading with nothing of
/// its own but headings beneath names a project.
const PROJECT_WORDS: [&str; 8] = [
    "project",
    "projects",
    "projekte",
    "proyectos",
    "projets",
    "progetti",
    "projecten",
    "projetos",
];

// ---------------------------------------------------------------------------------------
// Pass one: what each heading is

#[derive(Clone, Debug)]
struct Heading {
    /// Index into the lines.
    line: usize,
    level: usize,
    role: Role,
}

#[derive(Clone, Debug)]
enum Role {
    /// The single H1 at the top: its date applies to everything.
    Title { date: Option<Date>, title: String },
    /// A heading that is only a date.
    Date(Date),
    /// A heading whose content is left out, and why.
    Skip(&'static str),
    /// A section heading: entries beneath are tagged with it and get its kind.
    Section {
        tag: Option<String>,
        kind: Kind,
        date: Option<Date>,
        competency: Option<String>,
    },
    /// A competency heading below the section level: adds the competency beneath it.
    Group {
        competency: String,
        date: Option<Date>,
    },
    /// A heading that is one entry.
    Entry {
        title: String,
        date: Option<Date>,
        competency: Option<String>,
        /// A known section name (`## Feedback`) below the section level: a section after
        /// all when no section is in force (under a date heading).
        as_section: Option<(String, Kind)>,
        /// What the entry's metadata lines say, when it has them.
        meta: Option<Box<Meta>>,
    },
    /// A heading that names the project of the entries beneath it: `Project: rivet`, or
    /// under a Projects section a heading with nothing of its own but headings beneath.
    Project { name: String, date: Option<Date> },
    /// A STAR (or Metrics, Lessons, ...) section of the entry heading above it, or, with
    /// `parent: None`, of an untitled story that STAR headings alone make.
    Star {
        section: Section,
        attached: bool,
        /// The heading a story without its own heading belongs under.
        parent: Option<usize>,
    },
}

#[derive(Clone, Debug)]
enum Pre {
    /// A heading whose content is left out: instructions, a table of contents, a legend.
    Skip(&'static str),
    /// An entry heading followed by metadata lines: its title as written.
    Meta(String, Box<Meta>),
    /// `Project: NAME`.
    Project(String),
    Star(Section),
    Date(Date),
    Named {
        title: String,
        date: Option<Date>,
        competency: Option<String>,
    },
}

/// Returns the role of each heading, and which lines are metadata lines read with their
/// heading (true at their index).
fn roles(lines: &[Line<'_>], content: &[Content], opts: &Options<'_>) -> (Vec<Heading>, Vec<bool>) {
    let found = heading_lines(lines, content);
    let mut meta_lines = vec![false; lines.len()];
    // (line index, level, raw text, classification)
    let mut hs: Vec<(usize, usize, String, Pre)> = Vec::new();
    // The level of the entry heading with metadata lines whose scope the walk is in: the
    // headings inside it are its sections, never entries of their own.
    let mut described: Option<usize> = None;
    for (k, &(i, level, raw)) in found.iter().enumerate() {
        let end = found.get(k + 1).map_or(lines.len(), |h| h.0);
        let text = clean_heading(raw);
        if described.is_some_and(|l| level <= l) {
            described = None;
        }
        let meta = if described.is_none() {
            meta_block(lines, content, i + 1..end, opts, &mut meta_lines)
        } else {
            None
        };
        let pre = if let Some(why) = skipped_heading(text) {
            Pre::Skip(why)
        } else if let Some(meta) = meta {
            described = Some(level);
            Pre::Meta(raw.to_owned(), Box::new(meta))
        } else if let Some(name) = project_heading(raw) {
            Pre::Project(name.to_owned())
        } else if let Some(s) = opts.sections.get(text).filter(|_| !text.is_empty()) {
            Pre::Star(s)
        } else {
            match heading_date(text, opts.today) {
                Some((d, rest)) if rest.is_empty() => Pre::Date(d),
                found => {
                    let (date, title) = match found {
                        Some((d, rest)) => (Some(d), rest),
                        None => (None, text.to_owned()),
                    };
                    let competency = competency_heading(&title, opts);
                    Pre::Named {
                        title,
                        date,
                        competency,
                    }
                }
            }
        };
        hs.push((i, level, text.to_owned(), pre));
    }
    if hs.is_empty() {
        return (Vec::new(), meta_lines);
    }
    // Content between a heading and the next one?
    let has_content: Vec<bool> = (0..hs.len())
        .map(|k| {
            let end = hs.get(k + 1).map_or(lines.len(), |h| h.0);
            (hs[k].0 + 1..end).any(|i| {
                !matches!(
                    content[i],
                    Content::Blank | Content::Html | Content::Left(_)
                )
            })
        })
        .collect();
    // Does a heading hold a list of things (child headings, or two items or more)?
    let holds_list: Vec<bool> = (0..hs.len())
        .map(|k| {
            let end = hs.get(k + 1).map_or(lines.len(), |h| h.0);
            if hs.get(k + 1).is_some_and(|h| h.1 > hs[k].1) {
                return true;
            }
            let body = hs[k].0 + 1..end;
            let base = body
                .clone()
                .filter(|&i| content[i] == Content::Text && lines[i].bullet)
                .map(|i| lines[i].indent)
                .min();
            let items = body
                .filter(|&i| content[i] == Content::Text)
                .filter(|&i| match base {
                    Some(b) if lines[i].bullet => lines[i].indent <= b + 1,
                    _ => !lines[i].bullet && content[i - 1] != Content::Text,
                })
                .count();
            items >= 2
        })
        .collect();

    // The title: the only H1, first in the document, not itself a section name.
    let first_content = (0..lines.len()).find(|&i| {
        !matches!(
            content[i],
            Content::Blank | Content::Left(_) | Content::Html
        )
    });
    let h1s = hs.iter().filter(|h| h.1 == 1).count();
    let title = h1s == 1
        && hs[0].1 == 1
        && first_content == Some(hs[0].0)
        && hs.len() > 1
        && match &hs[0].3 {
            // `# 2025 accomplishments — Priya` names the document; `# Wins` is a section.
            Pre::Named { title, date, .. } => {
                !known_section(title)
                    || date.is_some()
                    || words(title).count() > 3
                    || [" — ", " – ", " - ", ": ", "'s ", "’s "]
                        .iter()
                        .any(|m| hs[0].2.contains(m))
            }
            Pre::Date(_) => true,
            Pre::Star(_) | Pre::Meta(..) | Pre::Project(_) | Pre::Skip(_) => false,
        };

    // STAR headings: find the entry heading each belongs to.
    let named_exists = hs
        .iter()
        .enumerate()
        .any(|(k, h)| matches!(h.3, Pre::Named { .. } | Pre::Meta(..)) && !(title && k == 0));
    let mut attach: Vec<Option<Result<usize, Option<usize>>>> = vec![None; hs.len()];
    // Entry headings: those with metadata lines, and those with STAR headings (below).
    let mut entry_like: Vec<bool> = hs.iter().map(|h| matches!(h.3, Pre::Meta(..))).collect();
    // The last heading that is not a STAR heading, overall and at each level, kept as the
    // walk goes: looking back from every STAR heading was quadratic (issue 11).
    let mut prev: Option<usize> = None;
    let mut last_at_level = [None::<usize>; 7];
    for j in 0..hs.len() {
        let level = hs[j].1;
        let Pre::Star(section) = hs[j].3 else {
            prev = Some(j);
            last_at_level[level] = Some(j);
            continue;
        };
        let parent = match prev {
            // `## Project X` directly followed by `## Situation`.
            Some(q) if hs[q].1 == level && !has_content[q] => Some(q),
            // The nearest heading above at a shallower level.
            _ => last_at_level[..level].iter().flatten().max().copied(),
        };
        let eligible = parent.filter(|&p| match &hs[p].3 {
            Pre::Named { title: t, .. } => {
                !(title && p == 0) && (!known_section(t) || !has_content[p] && hs[p].1 > 1)
            }
            Pre::Meta(..) => true,
            _ => false,
        });
        if let Some(p) = eligible {
            attach[j] = Some(Ok(p));
            entry_like[p] = true;
        } else if is_star(section) || (title && parent == Some(0) && !named_exists) {
            attach[j] = Some(Err(parent));
        }
    }
    // A heading over one story told with labels (`**Situation:** …`, `**Result:** …`) is
    // that story's heading, as over STAR headings: not a section, even where its siblings
    // are. A competency or a known section name stays a group of stories.
    for k in 0..hs.len() {
        let Pre::Named {
            title: t,
            competency: None,
            ..
        } = &hs[k].3
        else {
            continue;
        };
        if (title && k == 0) || known_section(t) {
            continue;
        }
        let end = hs.get(k + 1).map_or(lines.len(), |h| h.0);
        let labels: Vec<Section> = (hs[k].0 + 1..end)
            .filter(|&i| content[i] == Content::Text)
            .filter_map(|i| star_label(&lines[i], opts))
            .collect();
        let situations = labels.iter().filter(|&&s| s == Section::Situation).count();
        let mut kinds = labels.clone();
        kinds.dedup();
        if situations <= 1 && kinds.len() >= 2 {
            entry_like[k] = true;
        }
    }
    // A lone STAR heading with no entry heading above it (`### Impact` right under a
    // section) is a heading like any: it takes two sections to make a story.
    let mut groups: HashMap<Option<usize>, usize> = HashMap::new();
    for a in &attach {
        if let Some(Err(parent)) = a {
            *groups.entry(*parent).or_default() += 1;
        }
    }
    for a in &mut attach {
        if let Some(Err(parent)) = *a
            && groups.get(&parent).is_none_or(|&n| n < 2)
            && !(title && parent == Some(0))
        {
            *a = None;
        }
    }

    // Headings inside an entry heading's scope.
    let mut inside = vec![false; hs.len()];
    let mut scope: Option<usize> = None;
    for k in 0..hs.len() {
        if let Some(e) = scope {
            if hs[k].1 > hs[e].1 || matches!(attach[k], Some(Ok(p)) if p == e) {
                inside[k] = true;
                continue;
            }
            scope = None;
        }
        if entry_like[k] {
            scope = Some(k);
        }
    }

    // The section level: the shallowest known section name or competency, else the
    // shallowest plain heading that holds a list and is neither an entry nor dated.
    let candidates = |known: bool| {
        hs.iter()
            .enumerate()
            .filter(|&(k, _)| {
                let is_title = title && k == 0;
                !(is_title || entry_like[k] || inside[k] || attach[k].is_some())
            })
            .filter(|&(k, _)| known || holds_list[k])
            .filter_map(|(_, h)| match &h.3 {
                Pre::Named {
                    title: t,
                    date,
                    competency,
                } => {
                    let ok = if known {
                        known_section(t) || competency.is_some()
                    } else {
                        date.is_none() || competency.is_some()
                    };
                    ok.then_some(h.1)
                }
                Pre::Star(_) => (!known).then_some(h.1),
                Pre::Date(_) | Pre::Meta(..) | Pre::Project(_) | Pre::Skip(_) => None,
            })
            .min()
    };
    let section_level = candidates(true).or_else(|| candidates(false));

    // Headings whose first child is an entry heading of its own (a `<summary>`, a title).
    let groups_entries: Vec<bool> = (0..hs.len())
        .map(|k| {
            hs.get(k + 1)
                .is_some_and(|h| h.1 > hs[k].1 && matches!(h.3, Pre::Named { .. } | Pre::Meta(..)))
        })
        .collect();
    // Headings whose bullets are separate accomplishments rather than its parts.
    let list_like: Vec<bool> = (0..hs.len())
        .map(|k| {
            let end = hs.get(k + 1).map_or(lines.len(), |h| h.0);
            let body: Vec<&Line<'_>> = (hs[k].0 + 1..end)
                .filter(|&i| content[i] == Content::Text)
                .map(|i| &lines[i])
                .collect();
            let base = body.iter().filter(|l| l.bullet).map(|l| l.indent).min();
            let items: Vec<&str> = body
                .iter()
                .filter(|l| l.bullet && Some(l.indent) == base)
                .map(|l| l.body)
                .collect();
            separate_items(&items, opts.today)
        })
        .collect();

    // The sections in force as the headings go, and whether each holds projects.
    let mut sections: Vec<(usize, bool)> = Vec::new();
    let group_like: Vec<bool> = (0..hs.len())
        .map(|k| !has_content[k] && hs.get(k + 1).is_some_and(|h| h.1 > hs[k].1))
        .collect();
    let headings = hs
        .into_iter()
        .enumerate()
        .map(|(k, (line, level, text, pre))| {
            while sections.last().is_some_and(|&(l, _)| l >= level) {
                sections.pop();
            }
            let under_projects = sections.last().is_some_and(|&(_, p)| p);
            let role = match (pre, attach[k]) {
                (Pre::Meta(title, meta), _) => Role::Entry {
                    title,
                    date: None,
                    competency: None,
                    as_section: None,
                    meta: Some(meta),
                },
                (Pre::Project(name), _) => Role::Project { name, date: None },
                (Pre::Skip(why), _) => Role::Skip(why),
                (Pre::Star(section), Some(Ok(_))) => Role::Star {
                    section,
                    attached: true,
                    parent: None,
                },
                (Pre::Star(section), Some(Err(parent))) => Role::Star {
                    section,
                    attached: false,
                    parent,
                },
                (Pre::Date(d), _) if title && k == 0 => Role::Title {
                    date: Some(d),
                    title: text,
                },
                (Pre::Named { date, title: t, .. }, _) if title && k == 0 => {
                    Role::Title { date, title: t }
                }
                (Pre::Date(d), _) => Role::Date(d),
                (pre, _) => {
                    let (t, date, competency) = match pre {
                        Pre::Named {
                            title,
                            date,
                            competency,
                        } => (title, date, competency),
                        // A section name with no entry to belong to: a heading like any.
                        _ => (text, None, None),
                    };
                    let is_section = section_level.is_some_and(|l| level <= l);
                    if entry_like[k] {
                        Role::Entry {
                            title: t,
                            date,
                            competency,
                            as_section: None,
                            meta: None,
                        }
                    } else if is_section {
                        let projects = words(&t).any(|w| PROJECT_WORDS.contains(&w.as_str()));
                        sections.push((level, projects));
                        Role::Section {
                            tag: competency.is_none().then(|| kebab(&t)),
                            kind: section_kind(&t),
                            date,
                            competency,
                        }
                    } else if let Some(c) = competency {
                        Role::Group {
                            competency: c,
                            date,
                        }
                    } else if under_projects && group_like[k] && !inside[k] {
                        // `### Payments` under Projects, entries beneath it: a project.
                        Role::Project { name: t, date }
                    } else if !inside[k] && group_like[k] && groups_entries[k] {
                        // `### Dealing with ambiguity` over stories of its own: a group.
                        Role::Section {
                            tag: Some(kebab(&t)),
                            kind: section_kind(&t),
                            date,
                            competency: None,
                        }
                    } else if !inside[k] && date.is_none() && list_like[k] {
                        // Its bullets are separate accomplishments: one entry each.
                        Role::Section {
                            tag: Some(kebab(&t)),
                            kind: section_kind(&t),
                            date: None,
                            competency: None,
                        }
                    } else {
                        let as_section = (known_section(&t) && date.is_none())
                            .then(|| (kebab(&t), section_kind(&t)));
                        Role::Entry {
                            title: t,
                            date,
                            competency: None,
                            as_section,
                            meta: None,
                        }
                    }
                }
            };
            Heading { line, level, role }
        })
        .collect();
    (headings, meta_lines)
}

/// Returns what the metadata lines right below a heading say (the lines `body` of the
/// document, up to the next heading), marking them in `marks`; `None`, marking nothing,
/// when the first thing below the heading is not a metadata line.
fn meta_block(
    lines: &[Line<'_>],
    content: &[Content],
    body: std::ops::Range<usize>,
    opts: &Options<'_>,
    marks: &mut [bool],
) -> Option<Meta> {
    let mut meta = Meta::default();
    let mut read = Vec::new();
    for i in body {
        match content[i] {
            Content::Blank if read.is_empty() => continue,
            Content::Text if read_meta(lines[i].body, opts.today, &mut meta) => read.push(i),
            _ => break,
        }
    }
    if read.is_empty() {
        return None;
    }
    for i in read {
        marks[i] = true;
    }
    Some(meta)
}

// ---------------------------------------------------------------------------------------
// Pass two: content into entries

/// A heading in force.
#[derive(Clone, Debug)]
struct Frame {
    level: usize,
    date: Option<Date>,
    section: Option<(Option<String>, Kind)>,
    competency: Option<String>,
    /// The title a story without its own heading takes (the document title).
    title: Option<String>,
    /// The project of the entries beneath.
    project: Option<String>,
    /// Why the content beneath is left out (instructions, a table of contents, a legend).
    skip: Option<&'static str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    None,
    /// An entry made by a heading; content goes to it until a heading at its level.
    Heading {
        draft: usize,
        level: usize,
    },
    /// A story made by STAR headings alone.
    Virtual {
        draft: usize,
        parent: Option<usize>,
        level: usize,
    },
    /// An entry made by a top-level bullet.
    Bullet {
        draft: usize,
        base: usize,
    },
    /// An entry made by a paragraph.
    Para {
        draft: usize,
        indent: usize,
    },
    /// A story made by inline STAR labels (`**Situation:** …`, `- S: …`) under the headings
    /// in force: content goes to it until a heading, a rule, a question or a new Situation.
    Story {
        draft: usize,
    },
}

impl Open {
    fn draft(self) -> Option<usize> {
        match self {
            Open::None => None,
            Open::Heading { draft, .. }
            | Open::Virtual { draft, .. }
            | Open::Bullet { draft, .. }
            | Open::Para { draft, .. }
            | Open::Story { draft } => Some(draft),
        }
    }
}

struct Walk<'o, 'a> {
    opts: &'o Options<'a>,
    drafts: Vec<Draft>,
    stack: Vec<Frame>,
    open: Open,
    blank_before: bool,
    /// A lone paragraph or bullet just closed: the title of a story whose labels follow.
    lead: Option<usize>,
    /// Per line: a question that opens the next story (`Tell me about a time you…`).
    questions: Vec<bool>,
    warnings: Vec<Warning>,
    /// Between the document title and the heading after it: its introduction.
    preamble: bool,
}

impl Walk<'_, '_> {
    fn heading(&mut self, h: &Heading, line: &Line<'_>) {
        self.blank_before = true;
        let text = summary(line.text)
            .or_else(|| atx(line).map(|(_, t)| t))
            .unwrap_or(line.text);
        if let Role::Star {
            section,
            attached,
            parent,
        } = &h.role
        {
            if let Open::Story { draft } = self.open
                && !*attached
                && self.stack.last().is_none_or(|f| h.level > f.level)
            {
                self.drafts[draft].switch(*section);
                self.drafts[draft].touch(line.no);
                return;
            }
            if let Open::Heading { draft, level } = self.open
                && (*attached || h.level > level)
            {
                self.drafts[draft].switch(*section);
                self.drafts[draft].touch(line.no);
                return;
            }
            if *attached {
                // Its entry heading was closed by something in between: keep the text.
                self.start_virtual(h, None, *section, line);
                return;
            }
            if let Open::Virtual {
                draft,
                parent: p,
                level,
            } = self.open
                && p == *parent
                && h.level >= level
                && !(*section == Section::Situation && self.drafts[draft].started(*section))
            {
                self.drafts[draft].switch(*section);
                self.drafts[draft].touch(line.no);
                return;
            }
            self.start_virtual(h, *parent, *section, line);
            return;
        }
        // A heading inside a heading left out is left out with it.
        if let Some(f) = self.stack.last()
            && let Some(why) = f.skip
            && h.level > f.level
        {
            self.leave_out(line, why);
            return;
        }
        // A heading inside an entry heading is part of that entry.
        if let Open::Heading { draft, level } = self.open
            && h.level > level
        {
            let d = &mut self.drafts[draft];
            match &h.role {
                Role::Group { competency, .. } => {
                    d.entry.competencies.push(competency.clone());
                    d.touch(line.no);
                }
                _ => {
                    d.gap = true;
                    d.push_text(clean_heading(text), line.no);
                    d.gap = true;
                }
            }
            return;
        }
        self.open = Open::None;
        self.preamble = false;
        while self.stack.last().is_some_and(|f| f.level >= h.level) {
            self.stack.pop();
        }
        let mut frame = Frame {
            level: h.level,
            date: None,
            section: None,
            competency: None,
            title: None,
            project: None,
            skip: None,
        };
        match &h.role {
            Role::Title { date, title } => {
                self.preamble = true;
                frame.date = *date;
                frame.title = Some(title.clone());
            }
            Role::Date(d) => frame.date = Some(*d),
            Role::Skip(why) => frame.skip = Some(why),
            Role::Section {
                tag,
                kind,
                date,
                competency,
            } => {
                frame.section = Some((tag.clone(), *kind));
                frame.date = *date;
                frame.competency = competency.clone();
            }
            Role::Group { competency, date } => {
                frame.date = *date;
                frame.competency = Some(competency.clone());
            }
            Role::Project { name, date } => {
                frame.date = *date;
                frame.project = Some(name.clone());
            }
            Role::Entry {
                as_section: Some((tag, kind)),
                ..
            } if !self.stack.iter().any(|f| f.section.is_some()) => {
                frame.section = Some((Some(tag.clone()), *kind));
            }
            Role::Entry {
                title,
                date,
                competency,
                meta,
                ..
            } => {
                let draft = self.new_draft(line.no, *date, meta.is_none());
                let d = &mut self.drafts[draft];
                d.entry.title = title.clone();
                if let Some(c) = competency {
                    d.entry.competencies.push(c.clone());
                }
                if let Some(m) = meta {
                    d.describe(m);
                }
                self.open = Open::Heading {
                    draft,
                    level: h.level,
                };
                return;
            }
            // Handled above: STAR headings never open a frame.
            Role::Star { .. } => return,
        }
        self.stack.push(frame);
    }

    fn start_virtual(
        &mut self,
        h: &Heading,
        parent: Option<usize>,
        section: Section,
        line: &Line<'_>,
    ) {
        while self.stack.last().is_some_and(|f| f.level > h.level) {
            self.stack.pop();
        }
        let title = parent
            .and_then(|_| self.stack.iter().rev().find_map(|f| f.title.clone()))
            .unwrap_or_default();
        let draft = self.new_draft(line.no, None, true);
        let d = &mut self.drafts[draft];
        d.entry.title = title;
        d.switch(section);
        self.open = Open::Virtual {
            draft,
            parent,
            level: h.level,
        };
    }

    /// Starts an entry at line `no`, with what the headings in force give it; `section_tag`
    /// false leaves out the tag of its section (an entry its metadata lines describe).
    fn new_draft(&mut self, no: usize, own_date: Option<Date>, section_tag: bool) -> usize {
        let mut entry = Entry {
            date: own_date.or_else(|| self.stack.iter().rev().find_map(|f| f.date)),
            project: self.stack.iter().rev().find_map(|f| f.project.clone()),
            ..Entry::default()
        };
        if let Some((tag, kind)) = self.stack.iter().rev().find_map(|f| f.section.clone()) {
            entry.kind = kind;
            if let Some(t) = tag.filter(|t| !t.is_empty() && section_tag) {
                entry.tags.push(t);
            }
        }
        for f in &self.stack {
            if let Some(c) = &f.competency {
                entry.competencies.push(c.clone());
            }
        }
        self.drafts.push(Draft::new(entry, no));
        self.drafts.len() - 1
    }

    /// A line read already (a metadata line): the open entry reaches it.
    fn touch(&mut self, no: usize) {
        if let Some(draft) = self.open.draft() {
            self.drafts[draft].touch(no);
        }
    }

    fn blank(&mut self) {
        self.blank_before = true;
        match self.open {
            Open::Para { draft, .. } => {
                self.open = Open::None;
                self.lead = self.drafts[draft].lone_line().then_some(draft);
            }
            Open::Bullet { draft, .. } if self.drafts[draft].lone_line() => {
                self.drafts[draft].gap = true;
                self.drafts[draft].parts_blank();
                self.lead = Some(draft);
            }
            Open::Heading { draft, .. }
            | Open::Story { draft }
            | Open::Virtual { draft, .. }
            | Open::Bullet { draft, .. } => {
                self.drafts[draft].gap = true;
                self.drafts[draft].parts_blank();
            }
            Open::None => {}
        }
    }

    /// The end of a `<details>` block ends the entry it holds.
    fn end_block(&mut self) {
        self.lead = None;
        self.open = Open::None;
    }

    /// A rule ends a list, and a story told with labels: what follows starts a new entry.
    fn close_list(&mut self) {
        self.lead = None;
        match self.open {
            Open::Bullet { .. } | Open::Para { .. } | Open::Story { .. } => self.open = Open::None,
            Open::Heading { draft, .. } if self.drafts[draft].star => self.open = Open::None,
            _ => {}
        }
    }

    fn code(&mut self, line: &Line<'_>) {
        let draft = match self.open {
            Open::None => {
                let d = self.new_draft(line.no, None, true);
                self.open = Open::Para {
                    draft: d,
                    indent: 0,
                };
                d
            }
            Open::Heading { draft, .. }
            | Open::Virtual { draft, .. }
            | Open::Bullet { draft, .. }
            | Open::Para { draft, .. }
            | Open::Story { draft } => draft,
        };
        let d = &mut self.drafts[draft];
        if !line.is_blank() {
            let verbatim = Line {
                bullet: false,
                body: line.text,
                indent: 0,
                ..*line
            };
            d.push(&verbatim, self.opts, false);
        }
        self.blank_before = false;
    }

    /// Names a line in a warning that says why it is in no entry.
    fn leave_out(&mut self, line: &Line<'_>, why: &str) {
        self.warnings.push(Warning {
            line: line.no,
            message: format!("left out `{}`: {why}", line.text),
        });
    }

    /// Returns why a line is left out on purpose, or `None` for content.
    fn left_out(&self, line: &Line<'_>) -> Option<&'static str> {
        if let Some(why) = self.stack.iter().rev().find_map(|f| f.skip) {
            return Some(why);
        }
        let body = line.body;
        if is_toc_line(body) {
            return Some("a table of contents: links to the document's own headings");
        }
        if is_placeholder(body) {
            return Some("a placeholder: nothing recorded");
        }
        let first = self.drafts.is_empty() && self.open == Open::None;
        if is_legend(body) {
            return Some("a legend that explains the document's own format");
        }
        if (first || self.open == Open::None) && is_instruction(body) {
            return Some("instructions for the template, not an entry");
        }
        if first && line.text.starts_with('>') {
            return Some("a quote before the first entry: the document's preamble");
        }
        if first && self.preamble && !line.bullet {
            return Some("the document's introduction, before its first section");
        }
        None
    }

    fn line(&mut self, line: &Line<'_>) {
        if let Some(why) = self.left_out(line) {
            self.leave_out(line, why);
            return;
        }
        let blank_before = std::mem::replace(&mut self.blank_before, false);
        let lead = self.lead.take();
        let star = star_label(line, self.opts);
        let question = self.questions.get(line.no - 1).copied().unwrap_or(false);
        // A story told with labels starts at its Situation, Task or Action: a lone
        // `Impact: …` among wins is one of them.
        let opens = star.is_some_and(|s| s != Section::Result);
        if let Some(draft) = self.open.draft() {
            let d = &self.drafts[draft];
            let storied = matches!(
                self.open,
                Open::Heading { .. } | Open::Virtual { .. } | Open::Story { .. }
            ) || d.star;
            // A question, or a new Situation after the parts of a story, starts the next one.
            // Not in brag's own document, whose stories each have their heading.
            if storied
                && d.star
                && !d.described
                && (question || star == Some(Section::Situation) && d.restarts())
            {
                self.open = Open::None;
                if question {
                    self.start_para(line);
                } else {
                    self.start_story(line, None);
                }
                return;
            }
        }
        match self.open {
            Open::Heading { draft, .. } | Open::Virtual { draft, .. } | Open::Story { draft } => {
                self.drafts[draft].push(line, self.opts, true);
                return;
            }
            Open::Bullet { draft, base } if opens && line.indent < base + 2 => {
                // `- S: …` after a lone bullet: the bullet is the title of the story.
                let lead = self.drafts[draft].lone_line().then_some(draft);
                self.start_story(line, lead);
                return;
            }
            Open::Para { draft, .. } if opens => {
                let lead = self.drafts[draft].lone_line().then_some(draft);
                self.start_story(line, lead);
                return;
            }
            Open::Bullet { draft, base } => {
                let nested = line.indent >= base + 2;
                let joins = if line.bullet {
                    nested || is_link_bullet(line.body)
                } else {
                    nested || !blank_before
                };
                if joins {
                    self.drafts[draft].push_nested(line, self.opts);
                    return;
                }
            }
            Open::Para { draft, indent } => {
                let joins = if line.bullet {
                    line.indent >= indent + 2 || is_link_bullet(line.body)
                } else {
                    !blank_before
                };
                if joins {
                    self.drafts[draft].push_nested(line, self.opts);
                    return;
                }
            }
            Open::None if opens => {
                self.start_story(line, lead);
                return;
            }
            Open::None => {}
        }
        self.start_para(line);
    }

    /// Starts a story at its first label line, in the draft of the line that leads it (a
    /// title or question written just before the labels) when there is one.
    fn start_story(&mut self, line: &Line<'_>, lead: Option<usize>) {
        let draft = match lead {
            Some(d) if d + 1 == self.drafts.len() => {
                self.drafts[d].lead_to_title();
                d
            }
            _ => self.new_draft(line.no, None, true),
        };
        self.drafts[draft].push(line, self.opts, true);
        self.open = Open::Story { draft };
    }

    /// Starts an entry at a top-level bullet or a paragraph.
    fn start_para(&mut self, line: &Line<'_>) {
        let draft = self.new_draft(line.no, None, true);
        let goal = self.drafts[draft].entry.kind == Kind::Goal;
        if let Some((date, rest)) = leading_date(line.body, self.opts.today, goal) {
            // The item's own date beats its heading's, and is no part of its title.
            let entry = &mut self.drafts[draft].entry;
            entry.date = Some(date);
            entry.title = crate::text::title_from(&plain(rest), usize::MAX);
        }
        let first = Line {
            bullet: false,
            text: line.body,
            indent: 0,
            ..*line
        };
        self.drafts[draft].push(&first, self.opts, false);
        self.open = if line.bullet {
            Open::Bullet {
                draft,
                base: line.indent,
            }
        } else {
            Open::Para {
                draft,
                indent: line.indent,
            }
        };
    }
}

/// Returns true when the top-level bullets under a heading are separate accomplishments,
/// one entry each, rather than the parts of the one thing the heading names (its steps,
/// topics or sub-points): two thirds of them or more open with a date (`2025-03-04:
/// shipped…`), or, three or more, three quarters open with a verb in the past tense
/// and run to eight words or more on average. Labels (`S:`, `Result:`) and link lines are
/// parts.
fn separate_items(items: &[&str], today: Date) -> bool {
    let n = items.len();
    if n < 2 || items.iter().any(|b| is_link_bullet(b)) {
        return false;
    }
    let dated = items
        .iter()
        .filter(|b| leading_date(b, today, false).is_some())
        .count();
    if dated * 3 >= n * 2 {
        return true;
    }
    let past = items.iter().filter(|b| past_tense_lead(b)).count();
    let words: usize = items.iter().map(|b| b.split_whitespace().count()).sum();
    n >= 3 && past * 4 >= n * 3 && words >= 8 * n
}

/// Returns true for a text that opens with a verb in the past tense: `Shipped`, `Led`,
/// `Wrote`, `**Cut**`.
fn past_tense_lead(text: &str) -> bool {
    let first = text
        .trim_start_matches(|c: char| !c.is_alphabetic())
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    const IRREGULAR: [&str; 30] = [
        "built", "led", "wrote", "ran", "made", "cut", "won", "gave", "took", "set", "drove",
        "grew", "brought", "found", "taught", "spoke", "began", "held", "kept", "met", "paid",
        "put", "sent", "spent", "split", "sold", "told", "thought", "rebuilt", "rewrote",
    ];
    first.chars().count() > 3 && first.ends_with("ed") || IRREGULAR.contains(&first.as_str())
}

/// Returns why the content under a heading is left out: `How to use this template`,
/// `Instructions`, `Table of contents`, `Legend`.
fn skipped_heading(text: &str) -> Option<&'static str> {
    let n = crate::words::normalize(text);
    let starts = |ps: &[&str]| {
        ps.iter()
            .any(|p| n == *p || n.starts_with(&format!("{p} ")))
    };
    if starts(&[
        "table of contents",
        "contents",
        "toc",
        "índice",
        "sumário",
        "sommaire",
        "inhalt",
        "inhaltsverzeichnis",
        "目录",
    ]) {
        Some("a table of contents: links to the document's own headings")
    } else if starts(&[
        "how to use",
        "instructions",
        "using this template",
        "about this template",
        "how to fill",
        "how this document works",
        "how to read this",
    ]) {
        Some("instructions for the template, not an entry")
    } else if starts(&["legend", "key to symbols", "format legend"]) {
        Some("a legend that explains the document's own format")
    } else {
        None
    }
}

/// Returns true for a line of nothing but links to the document's own headings:
/// `[Ownership](#ownership)`, `1. [Dive Deep](#dive-deep) · [Earn Trust](#earn-trust)`.
fn is_toc_line(body: &str) -> bool {
    let mut rest = body.trim();
    let mut links = 0;
    while let Some(open) = rest.find('[') {
        if !rest[..open]
            .chars()
            .all(|c| c.is_whitespace() || "|·•,-–—*".contains(c))
        {
            return false;
        }
        let Some(close) = rest[open..].find("](#") else {
            return false;
        };
        let after = &rest[open + close + 3..];
        let Some(end) = after.find(')') else {
            return false;
        };
        links += 1;
        rest = &after[end + 1..];
    }
    links > 0
        && rest
            .chars()
            .all(|c| c.is_whitespace() || "|·•,-–—*".contains(c))
}

/// Returns true for a line that says nothing was recorded: `Nothing recorded this week`,
/// `_N/A_`, `TBD`, `(none)`.
fn is_placeholder(body: &str) -> bool {
    let t = body
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '/')
        .to_lowercase();
    if t.split_whitespace().count() > 8 {
        return false;
    }
    let starts = [
        "nothing recorded",
        "nothing this",
        "nothing to report",
        "nothing yet",
        "nothing new",
        "nothing much",
        "no wins this",
        "no updates",
        "no entries",
        "nada registrado",
        "nada esta semana",
        "nada nesta semana",
        "sin novedades",
        "rien cette semaine",
        "rien à signaler",
        "nichts diese woche",
        "keine einträge",
    ];
    starts.iter().any(|p| t.starts_with(p))
        || [
            "n/a",
            "na",
            "tbd",
            "tba",
            "todo",
            "none",
            "empty",
            "nothing",
            "nada",
            "rien",
            "nichts",
            "无",
            "暂无",
            "coming soon",
            "add your wins here",
            "your text here",
        ]
        .contains(&t.as_str())
}

/// Returns true for a line that explains the document's own marks: `Legend: ⭐ = big win`.
fn is_legend(body: &str) -> bool {
    let t = body.trim_start_matches(['*', '_', ' ']).to_lowercase();
    t.starts_with("legend:")
        || t.starts_with("legend -")
        || t.starts_with("legenda:")
        || t.starts_with("légende")
}

/// Returns true for a line that tells how to fill in a template: `How to use this
/// template: …`, `Delete this section…`, `Copy this template each week`.
fn is_instruction(body: &str) -> bool {
    let t = body
        .trim_start_matches(['*', '_', '(', '[', ' ', '>'])
        .to_lowercase();
    [
        "how to use",
        "instructions:",
        "use this template",
        "copy this template",
        "duplicate this template",
        "to use this template",
        "this template",
        "template:",
        "delete this",
        "fill in ",
        "fill this",
        "replace this",
        "remove this section",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

/// Returns true for a bullet that only gives links for the entry before it: `Links: …`,
/// `PR: https://…`, a bare URL.
fn is_link_bullet(body: &str) -> bool {
    let lower = body.to_lowercase();
    let head = lower.split(':').next().unwrap_or("").trim();
    if [
        "links",
        "link",
        "evidence",
        "references",
        "refs",
        "see also",
    ]
    .contains(&head)
        && lower.contains(':')
    {
        return true;
    }
    matches!(link_line(body), Some((_, rest)) if rest.split_whitespace().count() <= 2)
}

// ---------------------------------------------------------------------------------------
// Titles

/// Returns a title without the markup of the line it came from: no `**`, backticks,
/// `[text](url)` (its text stays), `<tag>`, kramdown `{: …}`, leading `>`/`#`/bullet or
/// time of day, tabs.
fn clean_title(raw: &str) -> String {
    // Uncut: `finish` cuts every importer's titles, after it has taken their `#tags`,
    // `@people` and addresses out.
    plain(raw)
}

/// Returns the first line of a text without its markup, as [`clean_title`] does, uncut.
fn plain(raw: &str) -> String {
    let first = raw
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let mut out = String::with_capacity(first.len());
    let mut rest = first;
    while let Some(c) = rest.chars().next() {
        let len = c.len_utf8();
        match c {
            '{' if rest.starts_with("{:") => match rest.find('}') {
                Some(end) => rest = &rest[end + 1..],
                None => rest = &rest[len..],
            },
            '<' => match rest.find('>') {
                Some(end) if end > 1 => {
                    let inner = &rest[1..end];
                    if inner.contains("://") {
                        // An autolink: the URL is in the entry's links.
                    } else if !inner.starts_with(|c: char| c.is_alphabetic() || c == '/') {
                        out.push('<');
                        rest = &rest[len..];
                        continue;
                    }
                    // `a<br>b` reads `a b`.
                    out.push(' ');
                    rest = &rest[end + 1..];
                }
                _ => {
                    out.push(c);
                    rest = &rest[len..];
                }
            },
            '[' => {
                // `[text](url)`, `[text][ref]`: the text.
                if let Some(close) = rest.find("](").or_else(|| rest.find("]["))
                    && !rest[1..close].contains(['[', ']'])
                {
                    let (open, shut) = if rest[close..].starts_with("](") {
                        ('(', ')')
                    } else {
                        ('[', ']')
                    };
                    let _ = open;
                    out.push_str(&rest[1..close]);
                    rest = &rest[close + 2..];
                    rest = rest.find(shut).map_or("", |e| &rest[e + 1..]);
                } else if let Some(box_end) = ["[ ] ", "[x] ", "[X] "]
                    .iter()
                    .find(|b| rest.starts_with(**b))
                    .map(|b| b.len())
                    && out.trim().is_empty()
                {
                    rest = &rest[box_end..];
                } else {
                    out.push(c);
                    rest = &rest[len..];
                }
            }
            '!' if rest.starts_with("![") => rest = &rest[1..],
            '*' | '`' | '~' => rest = &rest[len..],
            '_' if rest.starts_with("__") => rest = &rest[2..],
            '\t' => {
                out.push(' ');
                rest = &rest[len..];
            }
            _ => {
                out.push(c);
                rest = &rest[len..];
            }
        }
    }
    let mut t = out.trim();
    loop {
        let before = t;
        t = t.trim_start_matches(['>', '#', ' ', '|']);
        if let Some(b) = super::strip_marker(t) {
            t = b.trim_start();
        }
        for task_box in ["[ ] ", "[x] ", "[X] "] {
            t = t.strip_prefix(task_box).unwrap_or(t);
        }
        t = strip_time(t);
        if t == before {
            break;
        }
    }
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    t.trim_end_matches([':', ' ', '|']).to_owned()
}

/// Returns a text without a time of day in front of it: `10:32 `, `9:05am – `, `[14:00] `.
fn strip_time(t: &str) -> &str {
    let s = t.trim_start_matches('[');
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) || s.as_bytes().get(digits) != Some(&b':') {
        return t;
    }
    let after = &s[digits + 1..];
    let mins = after.bytes().take_while(u8::is_ascii_digit).count();
    if mins != 2 {
        return t;
    }
    let mut r = &after[2..];
    if let Some(x) = r
        .strip_prefix(':')
        .filter(|x| x.bytes().take_while(u8::is_ascii_digit).count() == 2)
    {
        r = &x[2..];
    }
    for ampm in ["am", "pm", "AM", "PM", " am", " pm", " AM", " PM"] {
        if let Some(x) = r.strip_prefix(ampm) {
            r = x;
            break;
        }
    }
    let r = r.trim_start_matches([']', ' ', '-', '–', '—', ':', '|']);
    if r.is_empty() { t } else { r }
}

/// Returns the title of an entry whose source gave none: the first sentence of its first
/// part that has text, without markup.
fn derived_title(entry: &Entry) -> String {
    for c in [
        &entry.situation,
        &entry.text,
        &entry.task,
        &entry.action,
        &entry.result,
        &entry.lessons,
        &entry.notes,
    ] {
        let cleaned = plain(c);
        if !cleaned.is_empty() {
            // Uncut, as `clean_title`: `finish` cuts it.
            return crate::text::title_from(&cleaned, usize::MAX);
        }
    }
    String::new()
}

// ---------------------------------------------------------------------------------------
// An entry being built

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Text,
    Section(Section),
}

struct Draft {
    entry: Entry,
    first: usize,
    last: usize,
    /// Text, Situation, Task, Action, Result, Metrics, Lessons, Notes.
    parts: Vec<TextBuilder>,
    target: Target,
    /// A blank line was seen since the last line pushed.
    gap: bool,
    /// The indent of the first nested line of a bullet entry.
    nested_base: Option<usize>,
    star: bool,
    started: Vec<Section>,
    /// The kind its metadata lines give; it wins over what the sections say.
    kind: Option<Kind>,
    /// Described by metadata lines (brag's own document): its title stays as written.
    described: bool,
    /// Lines whose label (`**S:**`, `Result -`) was read as a section and is in no field:
    /// their number and text, named in a warning.
    labelled: Vec<(usize, String)>,
}

impl Draft {
    fn new(entry: Entry, no: usize) -> Draft {
        Draft {
            entry,
            first: no,
            last: no,
            parts: (0..8).map(|_| TextBuilder::default()).collect(),
            target: Target::Text,
            gap: false,
            nested_base: None,
            star: false,
            started: Vec::new(),
            kind: None,
            described: false,
            labelled: Vec::new(),
        }
    }

    /// Gives the entry what its metadata lines say.
    fn describe(&mut self, meta: &Meta) {
        let e = &mut self.entry;
        match meta.date {
            Some(MetaDate::Day(d)) => e.date = Some(d),
            Some(MetaDate::Undated(d)) => {
                e.date = d;
                e.undated = true;
            }
            None => {}
        }
        if meta.project.is_some() {
            e.project.clone_from(&meta.project);
        }
        e.tags.extend(meta.tags.iter().cloned());
        e.people.extend(meta.people.iter().cloned());
        e.links.extend(meta.links.iter().map(|u| Link::new(u)));
        if meta.draft {
            e.extra
                .insert("draft".to_owned(), serde_json::Value::Bool(true));
        }
        self.kind = meta.kind;
        self.described = true;
    }

    /// Returns true for an entry of one line of text and nothing else yet: a title or a
    /// prompt that a story told with labels may follow.
    fn lone_line(&self) -> bool {
        self.first == self.last
            && !self.star
            && self.entry.title.is_empty()
            && self.target == Target::Text
            && self.parts[1..].iter().all(TextBuilder::is_empty)
    }

    /// Makes the entry's one line of text its title (the line before a story's labels), and
    /// leaves it in the text too unless the title is that line as written.
    fn lead_to_title(&mut self) {
        let text = std::mem::take(&mut self.parts[0]).finish();
        let title = plain(&text);
        // A title is at most 80 characters: a longer line stays in the text too.
        if title != text.trim() || title.chars().count() > 80 {
            self.parts[0].push_str(&text);
        }
        self.entry.title = title;
        self.gap = false;
    }

    /// Returns true when a Situation label starts the next story rather than going on with
    /// this one: this one has its parts already and is past its Situation.
    fn restarts(&self) -> bool {
        self.star && self.target != Target::Section(Section::Situation)
    }

    fn touch(&mut self, no: usize) {
        self.last = self.last.max(no);
    }

    fn add_link(&mut self, url: &str) {
        if !self.entry.links.iter().any(|l| l.url == url) {
            self.entry.links.push(Link::new(url));
        }
    }

    fn started(&self, s: Section) -> bool {
        self.started.contains(&s)
    }

    fn switch(&mut self, s: Section) {
        self.target = Target::Section(s);
        self.gap = false;
        if is_star(s) {
            self.star = true;
        }
        if !self.started.contains(&s) {
            self.started.push(s);
        }
    }

    /// A blank line: the next line joins no bullet before it.
    fn parts_blank(&mut self) {
        for p in &mut self.parts {
            p.blank();
        }
    }

    fn part(&mut self) -> &mut TextBuilder {
        let i = match self.target {
            Target::Text => 0,
            Target::Section(s) => match s {
                Section::Situation => 1,
                Section::Task => 2,
                Section::Action => 3,
                Section::Result => 4,
                Section::Metrics => 5,
                Section::Lessons => 6,
                Section::Notes | Section::Competencies => 7,
            },
        };
        &mut self.parts[i]
    }

    fn push_text(&mut self, s: &str, no: usize) {
        self.touch(no);
        let gap = std::mem::replace(&mut self.gap, false);
        let b = self.part();
        if gap && !b.is_empty() {
            b.push_str("");
        }
        b.push_str(s);
    }

    /// Adds a line below the first line of a bullet or paragraph entry, indented relative
    /// to the first nested line.
    fn push_nested(&mut self, line: &Line<'_>, opts: &Options<'_>) {
        let base = *self.nested_base.get_or_insert(line.indent);
        let rel = Line {
            indent: line.indent.saturating_sub(base),
            ..*line
        };
        self.push(&rel, opts, true);
    }

    /// Adds a line of content to the current section, switching sections on labels such
    /// as `**Result:**` when `labels` is true.
    fn push(&mut self, line: &Line<'_>, opts: &Options<'_>, labels: bool) {
        self.touch(line.no);
        let mut line = *line;
        // brag's own document names its sections with headings: a line of it that reads
        // like a label (`- the Situation` among the Metrics) is text.
        if labels
            && !self.described
            && !(line.bullet && line.indent >= 2)
            && let Some((s, rest, synonym)) = label_named(line.body, opts)
            // `- Solution: …` among the bullets of Action is one of them.
            && !(synonym && line.bullet && self.target == Target::Section(s))
        {
            self.switch(s);
            if rest.is_empty() {
                return;
            }
            // `Result: text` keeps its text as the line's "why"; `**Result:** text` and
            // `Result - text` are named, so the line is not lost.
            let plain = line
                .body
                .split_once(": ")
                .is_some_and(|(head, why)| !head.contains(['*', '_']) && why.trim() == rest);
            if !plain {
                self.labelled.push((line.no, line.text.to_owned()));
            }
            line.body = rest;
            line.text = rest;
            // The bullet carried the label: its text opens the section as a line of its
            // own; after lines of the section it is one more bullet.
            if self.part().is_empty() {
                line.bullet = false;
                line.indent = 0;
            }
        }
        if self.target == Target::Section(Section::Competencies) {
            let body = line.body;
            let (name, why) = match body.split_once(':') {
                Some((n, w)) => (n, w.trim()),
                None => (body, ""),
            };
            if let Some(m) = opts.catalogue.match_name(name) {
                self.entry.competencies.push(m.id.clone());
                if !why.is_empty() {
                    let note = self.entry.competency_notes.entry(m.id).or_default();
                    if !note.is_empty() {
                        note.push(' ');
                    }
                    note.push_str(why);
                }
                return;
            }
        }
        let gap = std::mem::replace(&mut self.gap, false);
        let b = self.part();
        if gap && !b.is_empty() {
            b.push_str("");
        }
        b.push(&line);
    }

    fn finish(self) -> Imported {
        let mut entry = self.entry;
        let described = self.described;
        let mut parts = self.parts.into_iter().map(TextBuilder::finish);
        let mut next = || parts.next().unwrap_or_default();
        entry.text = next();
        entry.situation = next();
        entry.task = next();
        entry.action = next();
        entry.result = next();
        let metrics = next();
        entry.metrics = crate::file::bullets(&metrics);
        entry.lessons = next();
        entry.notes = next();
        if let Some(k) = self.kind {
            entry.kind = k;
        } else if self.star {
            entry.kind = Kind::Story;
        }
        if !described {
            // Not cut here: `finish` cleans a title's `#tag`s and URLs before it cuts it.
            entry.title = if entry.title.trim().is_empty() {
                derived_title(&entry)
            } else {
                plain(&entry.title)
            };
        }
        Imported {
            entry,
            source_lines: (self.first, self.last),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::tests::{lost_lines, opts_with};
    use super::super::{Format, Import, SectionNames, import as run};
    use crate::entry::Kind;
    use crate::framework::Catalogue;

    pub(crate) fn assert_no_line_lost(source: &str, import: &Import) {
        // A rule (`---`) is structure, as check_import.py strips it to nothing.
        let lines: Vec<&str> = source.split('\n').collect();
        let lost: Vec<usize> = lost_lines(source, import)
            .into_iter()
            .filter(|&n| !super::is_rule(lines[n - 1].trim()))
            .collect();
        let texts: Vec<&str> = lost
            .iter()
            .map(|&n| source.split('\n').nth(n - 1).unwrap_or(""))
            .collect();
        assert!(
            lost.is_empty(),
            "lines lost: {lost:?} {texts:?}\n{}",
            super::super::tests::dry_run_json(import)
        );
    }

    fn md(text: &str) -> Import {
        let cat = Catalogue::builtin();
        let names = SectionNames::default();
        let opts = opts_with(&cat, &names);
        let out = run(text, Format::Markdown, &opts).expect("imports");
        assert_no_line_lost(text, &out);
        out
    }

    fn find<'a>(import: &'a Import, needle: &str) -> &'a crate::entry::Entry {
        let hits: Vec<_> = import
            .entries
            .iter()
            .filter(|e| {
                serde_json::to_string(&e.entry)
                    .expect("serializes")
                    .to_lowercase()
                    .contains(&needle.to_lowercase())
            })
            .collect();
        assert_eq!(hits.len(), 1, "`{needle}` in {} entries", hits.len());
        &hits[0].entry
    }

    fn date(e: &crate::entry::Entry) -> String {
        e.date.map(|d| d.to_string()).unwrap_or_default()
    }

    #[test]
    fn brag_doc_example() {
        let text = include_str!("../../../../fixtures/import/brag-doc.md");
        let out = md(text);
        assert_eq!(
            out.entries.len(),
            14,
            "{}",
            super::super::tests::dry_run_json(&out)
        );
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
        let goal = find(&out, "go-to person for the payments ledger");
        assert_eq!(goal.kind, Kind::Goal);
        assert_eq!(goal.tags, ["goals-for-this-year"]);
        assert_eq!(date(goal), "2025-01-01");
        assert_eq!(find(&out, "Mentor at least two engineers").kind, Kind::Goal);
        let ledger = find(&out, "Ledger reconciliation rewrite");
        assert_eq!(ledger.kind, Kind::Win);
        assert_eq!(ledger.title, "Ledger reconciliation rewrite");
        assert_eq!(date(ledger), "2025-01-01");
        assert!(ledger.text.contains("rounding bug"));
        let urls: Vec<&str> = ledger.links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://docs.example.com/ledger/recon-v2",
                "https://github.com/example-org/ledger/pull/88"
            ]
        );
        let card = find(&out, "Card-network migration");
        assert_eq!(card.kind, Kind::Story);
        assert_eq!(date(card), "2025-04-01");
        assert!(card.situation.starts_with("We were moving card processing"));
        assert_eq!(
            card.task,
            "I owned the cut-over plan and the rollback path."
        );
        assert!(card.action.contains("dual-write shadow mode"));
        assert!(card.result.contains("two weeks before the deadline"));
        assert!(card.text.is_empty(), "{:?}", card.text);
        for (needle, kind, tag) in [
            (
                "Paired weekly with Sam",
                Kind::Win,
                "collaboration-mentorship",
            ),
            (
                "postmortem-writing workshop",
                Kind::Win,
                "collaboration-mentorship",
            ),
            ("on-call runbook", Kind::Win, "design-documentation"),
            ("Interviewed 11 candidates", Kind::Win, "company-building"),
            (
                "Designing Data-Intensive Applications",
                Kind::Learning,
                "what-i-learned",
            ),
            (
                "Managing millions of databases",
                Kind::Learning,
                "what-i-learned",
            ),
            ("property-based testing", Kind::Win, "outside-of-work"),
        ] {
            let e = find(&out, needle);
            assert_eq!(e.kind, kind, "{needle}");
            assert_eq!(e.tags, [tag], "{needle}");
            assert_eq!(date(e), "2025-01-01", "{needle}");
        }
        for (needle, day) in [
            ("idempotency keys for the refunds API", "2024-11-04"),
            ("Cut p95 of", "2024-11-04"),
            ("incident review for the September outage", "2024-09-01"),
        ] {
            let e = find(&out, needle);
            assert_eq!(e.kind, Kind::Win, "{needle}");
            assert_eq!(date(e), day, "{needle}");
        }
        let incident = find(&out, "incident review for the September outage");
        assert_eq!(incident.tags, ["incident"]);
        assert_eq!(incident.people, ["priya"]);
        let first = &out.entries[0];
        assert_eq!(first.source_lines, (4, 4));
        let card_lines = out
            .entries
            .iter()
            .find(|e| e.entry.title == "Card-network migration")
            .map(|e| e.source_lines);
        assert_eq!(card_lines, Some((14, 23)));
        for e in &out.entries {
            assert!(!e.entry.title.is_empty() && e.entry.title.chars().count() <= 80);
        }
    }

    fn md_with(text: &str, names: &SectionNames) -> Import {
        let cat = Catalogue::builtin();
        let opts = opts_with(&cat, names);
        let out = run(text, Format::Markdown, &opts).expect("imports");
        assert_no_line_lost(text, &out);
        out
    }

    fn texts(out: &Import) -> Vec<&str> {
        out.entries.iter().map(|e| e.entry.text.as_str()).collect()
    }

    #[test]
    fn star_numbered_tabs_paragraphs_and_h1_sections() {
        let text = "# Projects\n\n\
* Shipped the billing export\n  * cut support tickets by 30%\n  * with @sam\n\
* Migrated CI to the new runners\n\t* builds 2x faster\n\n\
1. Numbered win one\n2. Numbered win two\n   - detail of two\n\n\
A paragraph win that stands alone\nand wraps onto a second line.\n\n\
# Goals\n- Get promoted\n";
        let out = md(text);
        assert_eq!(
            texts(&out),
            [
                "Shipped the billing export\n- cut support tickets by 30%\n- with @sam",
                "Migrated CI to the new runners\n- builds 2x faster",
                "Numbered win one",
                "Numbered win two\n- detail of two",
                "A paragraph win that stands alone\nand wraps onto a second line.",
                "Get promoted",
            ]
        );
        let e = |i: usize| &out.entries[i].entry;
        assert_eq!(e(0).tags, ["projects"]);
        assert_eq!(e(0).people, ["sam"]);
        assert_eq!(e(0).title, "Shipped the billing export");
        assert_eq!(out.entries[0].source_lines, (3, 5));
        assert_eq!(out.entries[1].source_lines, (6, 7));
        assert_eq!(out.entries[4].source_lines, (13, 14));
        assert!((0..5).all(|i| e(i).kind == Kind::Win));
        assert_eq!(e(5).kind, Kind::Goal);
        assert_eq!(e(5).tags, ["goals"]);
        assert!(e(0).undated);
    }

    #[test]
    fn competency_heading_tags_the_entries_beneath() {
        let text = "# Bias for Action\n\
## Hotfix for the checkout outage (2025-02)\n### Situation\nCheckout was down.\n### Result\nRestored in 12 minutes.\n\
## Rolled back the bad deploy\n- Did it in 5 minutes\n\
# Dive deep\n- Found the root cause of the leak\n- Traced the slow query\n\
# 2023\n## Feedback from my manager\n- \"Great ownership of the migration\"\n";
        let out = md(text);
        assert_eq!(
            out.entries.len(),
            5,
            "{}",
            super::super::tests::dry_run_json(&out)
        );
        let hotfix = find(&out, "Hotfix for the checkout outage");
        assert_eq!(hotfix.kind, Kind::Story);
        assert_eq!(hotfix.title, "Hotfix for the checkout outage");
        assert_eq!(date(hotfix), "2025-02-01");
        assert_eq!(hotfix.competencies, ["bias-for-action"]);
        assert_eq!(hotfix.situation, "Checkout was down.");
        assert_eq!(hotfix.result, "Restored in 12 minutes.");
        let rollback = find(&out, "Rolled back the bad deploy");
        assert_eq!(rollback.competencies, ["bias-for-action"]);
        assert_eq!(rollback.text, "- Did it in 5 minutes");
        // A competency heading is not a tag.
        assert!(rollback.tags.is_empty(), "{:?}", rollback.tags);
        for needle in ["root cause of the leak", "slow query"] {
            assert_eq!(find(&out, needle).competencies, ["dive-deep"]);
        }
        let praise = find(&out, "Great ownership");
        assert_eq!(praise.kind, Kind::Feedback);
        assert_eq!(praise.tags, ["feedback-from-my-manager"]);
        assert_eq!(date(praise), "2023-01-01");
        assert!(praise.competencies.is_empty());
    }

    #[test]
    fn crlf_no_final_newline_non_english() {
        let lf = "## Projekte\n- Migration der Datenbank auf PostgreSQL abgeschlossen\n  \
- Ausfallzeit unter 5 Minuten\n- Schulung für das Team organisiert\n\n## Ziele\n\
- Mehr Verantwortung übernehmen\n\n## Gelernt\n- Über verteilte Systeme: 分布式系统 gelesen\n\n\
## 东京 2025\n- 新しいサービスを公開した";
        let crlf = lf.replace('\n', "\r\n");
        let a = md(lf);
        let b = md(&crlf);
        assert_eq!(a, b, "CRLF reads like LF");
        assert_eq!(
            a.entries.len(),
            5,
            "{}",
            super::super::tests::dry_run_json(&a)
        );
        assert_eq!(
            a.entries[0].entry.text,
            "Migration der Datenbank auf PostgreSQL abgeschlossen\n- Ausfallzeit unter 5 Minuten"
        );
        assert_eq!(a.entries[0].entry.tags, ["projekte"]);
        assert_eq!(a.entries[2].entry.kind, Kind::Goal);
        assert_eq!(a.entries[3].entry.kind, Kind::Learning);
        let last = &a.entries[4];
        assert_eq!(last.entry.text, "新しいサービスを公開した");
        assert_eq!(last.entry.tags, ["东京-2025"]);
        assert_eq!(last.source_lines, (13, 13));
    }

    #[test]
    fn one_story_document_with_synonyms() {
        let text = "# Retry budget for rivet (Q1 2025)\n\n## Context\nOur HTTP client retried at once.\n\n\
## Goal\nDesign a retry policy.\n\n## What I did\n- Read the retry code of three clients\n\
- Chose a token bucket\n\n## Impact\nRetry storms fell from 14x to 1.3x.\n\n## Metrics\n\
- retry load 14x → 1.3x\n\n## Competencies\n- Invent and Simplify: reused the success counter\n\
- Something unknown: why\n";
        let out = md(text);
        assert_eq!(
            out.entries.len(),
            1,
            "{}",
            super::super::tests::dry_run_json(&out)
        );
        let e = &out.entries[0].entry;
        assert_eq!(e.kind, Kind::Story);
        assert_eq!(e.title, "Retry budget for rivet");
        assert_eq!(date(e), "2025-01-01");
        assert_eq!(e.situation, "Our HTTP client retried at once.");
        assert_eq!(e.task, "Design a retry policy.");
        assert_eq!(
            e.action,
            "- Read the retry code of three clients\n- Chose a token bucket"
        );
        assert_eq!(e.result, "Retry storms fell from 14x to 1.3x.");
        assert_eq!(e.metrics, ["retry load 14x → 1.3x"]);
        assert_eq!(e.competencies, ["invent-and-simplify"]);
        assert_eq!(
            e.competency_notes["invent-and-simplify"],
            "reused the success counter"
        );
        assert_eq!(e.notes, "- Something unknown: why");
    }

    #[test]
    fn template_subheadings_inline_labels_and_loose_text() {
        let text = "Some intro text before any heading.\n\n# Goals for this year:\n\
- List your major goals here!\n\n# Projects\n## Project 1 (H2 2024)\n\
### What your contributions were (code, design, reviews, etc)\n- Wrote the ingestion service\n\
### Impact\n- Saved $40k a year\n\n## Project 2\n**Situation:** the queue kept falling over.\n\
**Action:** I added back-pressure.\n- Result: zero outages since\n\n\
# Collaboration & mentorship\n### Impact\n- Mentored two interns\n";
        let out = md(text);
        assert_eq!(
            out.entries.len(),
            5,
            "{}",
            super::super::tests::dry_run_json(&out)
        );
        assert_eq!(
            out.entries[0].entry.text,
            "Some intro text before any heading."
        );
        assert_eq!(out.entries[1].entry.kind, Kind::Goal);
        let p1 = find(&out, "Project 1");
        assert_eq!(p1.kind, Kind::Story);
        assert_eq!(date(p1), "2024-07-01");
        assert!(p1.text.contains("What your contributions were"));
        assert!(p1.text.contains("- Wrote the ingestion service"));
        assert_eq!(p1.result, "- Saved $40k a year");
        let p2 = find(&out, "Project 2");
        assert_eq!(p2.situation, "the queue kept falling over.");
        assert_eq!(p2.action, "I added back-pressure.");
        assert_eq!(p2.result, "zero outages since");
        // A lone `### Impact` right under a section is an entry like any heading.
        let lone = find(&out, "Mentored two interns");
        assert_eq!(lone.title, "Impact");
        assert_eq!(lone.tags, ["collaboration-mentorship"]);
    }

    #[test]
    fn deepest_date_wins() {
        let text = "# 2024\n## Projects\n- Built the thing\n### March 2025\n- Dated deeper\n\
## What I learned\n- Read a book\n- 2024-06-12: went to a workshop\n\n# 2025\n## Projects\n\
### Week of 2025-01-06\n- Shipped v2\n### Sprint review — Jan – Mar 2025\n- Demoed it\n";
        let out = md(text);
        let got: Vec<(String, String)> = out
            .entries
            .iter()
            .map(|e| (e.entry.text.clone(), date(&e.entry)))
            .collect();
        let want = [
            ("Built the thing", "2024-01-01"),
            ("Dated deeper", "2025-03-01"),
            ("Read a book", "2024-01-01"),
            ("2024-06-12: went to a workshop", "2024-06-12"),
            ("Shipped v2", "2025-01-06"),
            ("- Demoed it", "2025-01-01"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect();
        assert_eq!(got, want);
        assert_eq!(out.entries[3].entry.kind, Kind::Learning);
        assert_eq!(out.entries[5].entry.title, "Sprint review");
    }

    #[test]
    fn heading_dates() {
        let today = jiff::civil::date(2026, 11, 25);
        let cases: [(&str, Option<(&str, &str)>); 12] = [
            ("2024", Some(("2024-01-01", ""))),
            ("Week of 2024-11-04", Some(("2024-11-04", ""))),
            ("March 2025", Some(("2025-03-01", ""))),
            (
                "Ledger rewrite (Q1 2025)",
                Some(("2025-01-01", "Ledger rewrite")),
            ),
            (
                "Card migration (2025-04 to 2025-06)",
                Some(("2025-04-01", "Card migration")),
            ),
            (
                "Brag document — 2025",
                Some(("2025-01-01", "Brag document")),
            ),
            ("2025-03: Launch", Some(("2025-03-01", "Launch"))),
            ("Project (Jan – Mar 2025)", Some(("2025-01-01", "Project"))),
            ("H2 2024", Some(("2024-07-01", ""))),
            ("Friday", None),
            ("This week", None),
            ("Notes from the 2024 offsite", None),
        ];
        for (heading, want) in cases {
            let got = super::heading_date(heading, today).map(|(d, t)| (d.to_string(), t));
            let want = want.map(|(d, t)| (d.to_owned(), t.to_owned()));
            assert_eq!(got, want, "{heading}");
        }
    }

    #[test]
    fn link_bullets_belong_to_the_entry_before() {
        let text = "## Projects\n- Shipped the search page\n- Links: https://a.io/x, https://b.io/y\n\
- https://c.io/z\n- Fixed the login bug\n";
        let out = md(text);
        assert_eq!(
            out.entries.len(),
            2,
            "{}",
            super::super::tests::dry_run_json(&out)
        );
        let urls: Vec<&str> = out.entries[0]
            .entry
            .links
            .iter()
            .map(|l| l.url.as_str())
            .collect();
        assert_eq!(urls, ["https://a.io/x", "https://b.io/y", "https://c.io/z"]);
        assert_eq!(out.entries[0].entry.title, "Shipped the search page");
    }

    #[test]
    fn section_names_from_config() {
        let config: Vec<(String, Vec<String>)> = vec![
            ("Situation".to_owned(), vec!["Ausgangslage".to_owned()]),
            ("Result".to_owned(), vec!["Ergebnis".to_owned()]),
        ];
        let (names, unknown) = SectionNames::new(config.iter().map(|(k, v)| (k, v)));
        assert!(unknown.is_empty());
        let text = "## Projekte\n### Neues Deployment\n##### Ausgangslage\nAlles war langsam.\n\
##### Ergebnis\n- 3x schneller\n";
        let out = md_with(text, &names);
        assert_eq!(out.entries.len(), 1);
        let e = &out.entries[0].entry;
        assert_eq!(e.kind, Kind::Story);
        assert_eq!(e.title, "Neues Deployment");
        assert_eq!(e.situation, "Alles war langsam.");
        assert_eq!(e.result, "- 3x schneller");
    }

    #[test]
    fn code_rules_and_headings_without_sections() {
        let text = "# Brag doc\n\n### Built the CLI\nIt parses flags.\n```\n# not a heading\n- not a bullet\n```\n\
---\n### Wrote docs\n- for every command\n";
        let out = md(text);
        assert_eq!(
            out.entries.len(),
            2,
            "{}",
            super::super::tests::dry_run_json(&out)
        );
        assert_eq!(out.entries[0].entry.title, "Built the CLI");
        assert!(out.entries[0].entry.text.contains("# not a heading"));
        assert_eq!(out.entries[1].entry.title, "Wrote docs");
        assert_eq!(out.entries[1].entry.text, "- for every command");
    }

    /// Issue 13: metadata lines below an entry heading describe the entry (brag's own doc
    /// writes them); its section adds no tag, its title is taken as written.
    #[test]
    fn meta_lines_describe_the_entry_beneath_a_heading() {
        let text = "# Brag doc\n## Company building\n### Dive deep (Q1 2025)\n\
- Date: 2025-05-02\n- Kind: story\n- Project: Apollo\n- Tags: hiring, #recruiting\n\
- People: Ana Gómez, @sam\n- Links: https://a.io/x, <https://b.io/y>\n- Draft: yes\n\n\
Joined the hiring committee.\n\n#### Situation\nProject: Apollo was late.\n\
### Result\n- Date: undated (recorded 2024-05-01)\n### Goals\n- Date: undated\n- Tags: x\n";
        let out = md(text);
        let titles: Vec<&str> = out.entries.iter().map(|e| e.entry.title.as_str()).collect();
        assert_eq!(titles, ["Dive deep (Q1 2025)", "Result", "Goals"]);
        let e = &out.entries[0].entry;
        assert_eq!(date(e), "2025-05-02");
        assert!(!e.undated);
        assert_eq!(e.kind, Kind::Story);
        assert_eq!(e.project.as_deref(), Some("Apollo"));
        assert_eq!(e.tags, ["hiring", "recruiting"]);
        assert_eq!(e.people, ["Ana Gómez", "sam"]);
        let urls: Vec<&str> = e.links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["https://a.io/x", "https://b.io/y"]);
        assert!(e.competencies.is_empty(), "the title names no competency");
        assert_eq!(e.extra["draft"], serde_json::Value::Bool(true));
        assert_eq!(e.text, "Joined the hiring committee.");
        assert_eq!(
            e.situation, "Project: Apollo was late.",
            "inside an entry: text"
        );
        assert_eq!(out.entries[0].source_lines, (3, 15));
        let r = &out.entries[1].entry;
        assert_eq!(
            (r.title.as_str(), date(r).as_str(), r.undated),
            ("Result", "2024-05-01", true)
        );
        assert_eq!(r.kind, Kind::Win);
        let g = &out.entries[2].entry;
        assert_eq!((g.title.as_str(), g.date, g.undated), ("Goals", None, true));
        assert_eq!(g.tags, ["x"]);
    }

    /// Issue 13: a `Project: NAME` heading names the project of the entries beneath it,
    /// and under Projects so does a heading with only headings beneath it.
    #[test]
    fn project_headings_name_the_project() {
        let text = "## Projects\n### Payments\n#### Ledger rewrite\n- rewrote the job\n\
#### Card migration\n- moved the cards\n### Project: 2024\n- a win of its own\n\
## Design & documentation\n### Project: Apollo launch\n- wrote the runbook\n";
        let out = md(text);
        let got: Vec<(&str, Option<&str>, &str)> = out
            .entries
            .iter()
            .map(|e| {
                (
                    e.entry.title.as_str(),
                    e.entry.project.as_deref(),
                    e.entry.text.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Ledger rewrite", Some("Payments"), "- rewrote the job"),
                ("Card migration", Some("Payments"), "- moved the cards"),
                ("a win of its own", Some("2024"), "a win of its own"),
                (
                    "wrote the runbook",
                    Some("Apollo launch"),
                    "wrote the runbook"
                ),
            ]
        );
        // `Project: 2024` names a project, not a date; the section still tags.
        assert_eq!(out.entries[2].entry.date, None);
        assert_eq!(out.entries[0].entry.tags, ["projects"]);
        assert_eq!(out.entries[3].entry.tags, ["design-documentation"]);
    }

    /// Documents made of the pieces real ones have, shuffled: no importer panics, and the
    /// Markdown and talk-notes importers lose no line (a bare competency name may stand
    /// as its id, and a rule is structure).
    #[test]
    fn shuffled_pieces_never_panic_or_lose_lines() {
        let pieces = [
            "# ",
            "## ",
            "### ",
            "#### ",
            "- ",
            "* ",
            "1. ",
            "(Q1 2025)",
            "Situation",
            "Result:",
            "\n",
            "\n",
            "\n",
            "  ",
            "\t",
            " — ",
            "2024",
            "**Result:** x",
            "Links: https://a.io/x",
            "```",
            "---",
            "Speaker: X (@x)",
            " – notes from Y",
            ",",
            ";",
            "\"",
            "İ",
            "é",
            "{",
            "}",
            "[",
            "]",
            ":",
            "Goals",
            "Projects",
            "Bias for Action",
            "Week of 2024-11-04",
            "word ",
            "\r\n",
            "\u{a0}",
            "@a",
            "#t",
            "Dive deep: why",
            "Metrics",
            "Competencies",
            "(",
            ")",
            "Jan – Mar 2025",
            "H1 2024",
            "date,title",
            "\"entries\": [",
            "title",
        ];
        let cat = Catalogue::builtin();
        let names = SectionNames::default();
        let opts = opts_with(&cat, &names);
        let mut seed: u64 = 0x2468_ace0;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        for _ in 0..3000 {
            let n = next() % 40;
            let text: String = (0..n).map(|_| pieces[next() % pieces.len()]).collect();
            for f in Format::ALL {
                let Ok(out) = run(&text, f, &opts) else {
                    continue;
                };
                if !matches!(f, Format::Markdown | Format::TalkNotes) {
                    continue;
                }
                let lines: Vec<&str> = text.split('\n').collect();
                let lost: Vec<&str> = lost_lines(&text, &out)
                    .into_iter()
                    .map(|n| lines[n - 1])
                    .filter(|l| {
                        let t = l.trim().trim_start_matches(['-', '*', ' ']);
                        !super::is_rule(l.trim()) && cat.match_name(t).is_none()
                    })
                    .collect();
                assert!(lost.is_empty(), "{f} lost {lost:?} of {text:?}");
            }
        }
    }

    /// Writes the example's import for check_import.py: `cargo test -q -p brag-core
    /// import::markdown::tests::write_for_checker -- --ignored`, then run the checker on
    /// /tmp/md.json.
    #[test]
    #[ignore = "writes /tmp/md.json for check_import.py"]
    #[allow(clippy::disallowed_methods)] // a scratch file for the checker, not a vault file
    fn write_for_checker() {
        let text = include_str!("../../../../fixtures/import/brag-doc.md");
        let out = md(text);
        std::fs::write(
            "/tmp/md.json",
            serde_json::to_string(&out).expect("serializes"),
        )
        .expect("writes /tmp/md.json");
    }

    /// Issue 14: inline STAR labels, however written, build one story with its sections;
    /// a new Situation starts the next story, never a new bullet.
    #[test]
    fn inline_labels_build_one_story_each() {
        let text = "## Wins\n\
- S: the queue fell over nightly.\n- T: keep it up.\n- A: added back-pressure.\n\
- R: no outages since.\n\
- **Situation**: exports were slow.\n- **Result**: they are fast.\n\n\
**Situation:** billing alerts had no owner.\n**Action:** I took them.\n\n\
Situation - login broke.\nAction – rolled back.\n\n\
**S** – a partner needed the API.\n**R** – we shipped early.\n\n\
情境：团队没有测试。\n结果：事故减少了一半。\n";
        let out = md(text);
        let sits: Vec<&str> = out
            .entries
            .iter()
            .map(|e| e.entry.situation.as_str())
            .collect();
        assert_eq!(
            sits,
            [
                "the queue fell over nightly.",
                "exports were slow.",
                "billing alerts had no owner.",
                "login broke.",
                "a partner needed the API.",
                "团队没有测试。"
            ]
        );
        let first = &out.entries[0].entry;
        assert_eq!(first.kind, Kind::Story);
        assert_eq!(first.action, "added back-pressure.");
        assert_eq!(first.result, "no outages since.");
        assert_eq!(first.tags, ["wins"]);
        assert_eq!(out.entries[3].entry.action, "rolled back.");
        assert_eq!(out.entries[5].entry.result, "事故减少了一半。");
        // The title comes from the Situation, without its markup.
        assert_eq!(first.title, "the queue fell over nightly");
    }

    /// Issue 14: a synonym of the section already open, met in its bullets, is one of them.
    #[test]
    fn label_of_the_open_section_continues_it() {
        let text = "### Returns flow\n**Action:**\n- Mapped every step\n\
- Solution: shipped behind a flag\n- Action: rolled it out\n**Result**: tickets fell 38%\n";
        let out = md(text);
        assert_eq!(out.entries.len(), 1);
        let e = &out.entries[0].entry;
        assert_eq!(
            e.action,
            "- Mapped every step\n- Solution: shipped behind a flag\n- rolled it out"
        );
        assert_eq!(e.result, "tickets fell 38%");
    }

    /// Issue 14: competency headings with numbering and framework prefixes tag every story
    /// beneath, whether rules, prompts or sub-headings separate them.
    #[test]
    fn competency_headings_with_numbers_and_prefixes() {
        let story = |s: &str| format!("- S: {s}\n- R: done.\n");
        let text = format!(
            "# Stories\n## 3. Ownership\n{}\n---\n\n{}\n## LP 4 – Dive Deep\n\
Tell me about a time you dug in.\n\n{}\n## Bias for Action (LP #8)\n### Hotfix\n{}\n\
## #2 Earn Trust\n{}",
            story("alerts had no owner"),
            story("nobody ran the drills"),
            story("latency spiked"),
            story("login broke"),
            story("a customer lost data"),
        );
        let out = md(&text);
        let comps: Vec<Vec<String>> = out
            .entries
            .iter()
            .map(|e| e.entry.competencies.clone())
            .collect();
        assert_eq!(
            comps,
            [
                vec!["ownership"],
                vec!["ownership"],
                vec!["dive-deep"],
                vec!["bias-for-action"],
                vec!["earn-trust"],
            ]
        );
        assert_eq!(
            out.entries[2].entry.title,
            "Tell me about a time you dug in."
        );
        assert_eq!(out.entries[3].entry.title, "Hotfix");
    }

    /// Issue 14: a `<details>` block's `<summary>` is a heading with a body; its tags are
    /// named in warnings, and STAR parts in other words map to their sections.
    #[test]
    fn details_summary_is_a_story_heading() {
        let text = "## Ownership\n<details>\n<summary><b>Fixed the pipeline</b></summary>\n\n\
#### The challenge\nDeploys failed.\n#### What I did\n- Grouped 300 failures\n\
#### Outcome and impact\nOne in fifty.\n#### Key learnings\nData beats blame.\n</details>\n\
<details><summary>Kept the migration going</summary>\n\n**Context**: the lead left.\n\
**Contributions**: re-cut the plan.\n**Results**: two weeks late, not two months.\n</details>\n";
        let out = md(text);
        assert_eq!(
            out.entries.len(),
            2,
            "{}",
            super::super::tests::dry_run_json(&out)
        );
        let a = &out.entries[0].entry;
        assert_eq!(a.title, "Fixed the pipeline");
        assert_eq!(a.competencies, ["ownership"]);
        assert_eq!(
            (a.task.as_str(), a.action.as_str(), a.result.as_str()),
            ("Deploys failed.", "- Grouped 300 failures", "One in fifty.")
        );
        assert_eq!(a.lessons, "Data beats blame.");
        let b = &out.entries[1].entry;
        assert_eq!(b.title, "Kept the migration going");
        assert_eq!(b.situation, "the lead left.");
        assert_eq!(b.action, "re-cut the plan.");
        assert!(
            out.warnings
                .iter()
                .any(|w| w.message.contains("`</details>`"))
        );
    }

    /// Issue 14: built-in section names in Portuguese, Spanish, French and German, with
    /// `[import.sections]` still adding more.
    #[test]
    fn section_names_in_other_languages() {
        for (s, t, a, r) in [
            ("Situação", "Tarefa", "Ação", "Resultado"),
            ("Situación", "Tarea", "Acción", "Resultado"),
            ("Contexte", "Tâche", "Action", "Résultat"),
            ("Situation", "Aufgabe", "Handlung", "Ergebnis"),
            ("情境", "任务", "行动", "结果"),
        ] {
            let text = format!(
                "### Story\n#### {s}\nOne.\n#### {t}\nTwo.\n#### {a}\nThree.\n#### {r}\nFour.\n"
            );
            let out = md(&text);
            let e = &out.entries[0].entry;
            assert_eq!(
                [e.situation.as_str(), &e.task, &e.action, &e.result],
                ["One.", "Two.", "Three.", "Four."],
                "{s}"
            );
        }
    }

    /// Issue 14: a whole document pasted into one code fence is the document inside it;
    /// code inside an entry stays text.
    #[test]
    fn document_in_a_code_fence() {
        let text = "```markdown\n## Wins\n- Shipped search\n  ```sh\n  make bench\n  ```\n\
- Led the offsite\n```\n";
        let out = md(text);
        assert_eq!(
            texts(&out).len(),
            2,
            "{}",
            super::super::tests::dry_run_json(&out)
        );
        assert!(out.entries[0].entry.text.contains("make bench"));
        assert_eq!(out.entries[1].entry.title, "Led the offsite");
        assert_eq!(out.warnings.len(), 2);
    }

    /// Issue 14: bullets under a heading are one entry each when they read as separate
    /// wins (dates or past-tense verbs leading long bullets), else the heading's parts.
    #[test]
    fn bullets_split_by_their_shape() {
        let text = "# Sam's log\n## Platform\n### Developer experience\n\
- Cut the median CI run from 25 to 9 minutes with layer caching\n\
- Replaced the release checklist with a one-command release script\n\
- Migrated 120 services off the deprecated logging library in time\n\
### Queue to Postgres\n- Wrote the design doc\n- Built a dual-write shim\n- Switched reads\n\
### Observability for new engineers\n- Metrics vs logs\n- Reading flame graphs\n\
### Infra\n- 2024-01-15: moved staging to spot\n- 2024-02-02: ran the first DR drill\n";
        let out = md(text);
        let titles: Vec<&str> = out.entries.iter().map(|e| e.entry.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Cut the median CI run from 25 to 9 minutes with layer caching",
                "Replaced the release checklist with a one-command release script",
                "Migrated 120 services off the deprecated logging library in time",
                "Queue to Postgres",
                "Observability for new engineers",
                "moved staging to spot",
                "ran the first DR drill",
            ]
        );
        assert_eq!(out.entries[0].entry.tags, ["developer-experience"]);
        assert_eq!(date(&out.entries[6].entry), "2024-02-02");
    }

    /// Issue 14: front matter, a quoted preamble, instructions, a table of contents, a
    /// legend and placeholders are left out, each line in a warning that says why.
    #[test]
    fn left_out_on_purpose_with_a_warning() {
        let text = "---\ntitle: Brag\n---\n# Dana's brag doc — 2025\n> Update every Friday.\n\n\
## Contents\n- [Wins](#wins)\n\n## How to use this template\nOne bullet per win.\n\n\
Legend: ⭐ = shipped\n\n## Wins\n- Shipped SSO\n- _Nothing recorded this week_\n- N/A\n\
- [Wins](#wins) · [Log](#log)\n";
        let out = md(text);
        assert_eq!(texts(&out), ["Shipped SSO"]);
        let why = |n: usize| {
            out.warnings
                .iter()
                .find(|w| w.line == n)
                .map_or("", |w| w.message.as_str())
        };
        assert!(why(2).contains("YAML front matter"), "{}", why(2));
        assert!(why(5).contains("preamble"), "{}", why(5));
        assert!(why(8).contains("table of contents"), "{}", why(8));
        assert!(why(11).contains("instructions"), "{}", why(11));
        assert!(why(13).contains("instructions") || why(13).contains("legend"));
        assert!(why(17).contains("placeholder"), "{}", why(17));
        assert!(why(18).contains("placeholder"), "{}", why(18));
        assert!(why(19).contains("table of contents"), "{}", why(19));
    }

    /// Issue 14: reference links give their URL to the entry that cites them; kramdown
    /// attribute lists and HTML stay out of titles.
    #[test]
    fn reference_links_kramdown_and_html() {
        let text = "## Wins\n- Shipped the [search rewrite][search]{: target=\"_blank\"}\n\
- Wrote the [guide][] <https://wiki.example.com/a>\n{: .note}\n\
- Talk on **testing**<br>at RustFest\n\n[search]: https://x.io/pr/42\n[guide]: https://x.io/g\n\
[unused]: https://x.io/n\n";
        let out = md(text);
        let e = &out.entries;
        assert_eq!(e.len(), 3);
        assert_eq!(e[0].entry.title, "Shipped the search rewrite");
        let urls =
            |i: usize| -> Vec<&str> { e[i].entry.links.iter().map(|l| l.url.as_str()).collect() };
        assert_eq!(urls(0), ["https://x.io/pr/42"]);
        assert_eq!(urls(1), ["https://x.io/g", "https://wiki.example.com/a"]);
        assert_eq!(e[2].entry.title, "Talk on testing at RustFest");
        assert!(
            out.warnings
                .iter()
                .any(|w| w.message.contains("no entry cites"))
        );
        assert!(out.warnings.iter().any(|w| w.message.contains("kramdown")));
    }

    /// A heading over a story told with labels is its title, even beside a heading whose
    /// bullets are separate wins (which made every heading of that level a section).
    #[test]
    fn labelled_story_keeps_its_heading_beside_a_list_of_wins() {
        let text = "## Q1 2025\n\n### Migrated auth to OAuth2\n\
**Situation:** Our legacy session auth caused 3 outages last year.\n\
**Result:** Zero downtime; login latency dropped from 800ms to 120ms.\n\n\
### Mentoring\n- Mentored 2 interns through their first launch\n\
- Ran a weekly study group on distributed systems for the team\n";
        let out = md(text);
        let titles: Vec<&str> = out.entries.iter().map(|i| i.entry.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Migrated auth to OAuth2",
                "Mentored 2 interns through their first launch",
                "Ran a weekly study group on distributed systems for the team"
            ]
        );
        let story = &out.entries[0].entry;
        assert_eq!(story.kind, Kind::Story);
        assert!(story.situation.starts_with("Our legacy session auth"));
        assert_eq!(out.entries[0].source_lines, (3, 5));
    }

    /// Issue 14: titles carry no markup, timestamps or tabs.
    #[test]
    fn clean_titles() {
        for (raw, want) in [
            ("**Rebuilt** the `returns` flow", "Rebuilt the returns flow"),
            (
                "> ## [Search](https://x.io) rewrite {: .x}",
                "Search rewrite",
            ),
            ("10:32 – shipped\tthe fix", "shipped the fix"),
            ("- [x] Closed the loop", "Closed the loop"),
            ("<summary>A <b>bold</b> move</summary>", "A bold move"),
        ] {
            assert_eq!(super::clean_title(raw), want, "{raw}");
        }
        // Cut by `finish`, after it has taken the title's `#tags` out: see
        // `derived_title_is_cleaned_before_it_is_cut`.
        let long = "word ".repeat(30);
        assert_eq!(super::clean_title(&long), long.trim());
    }
}
