//! The syntax layer under the one brag-document interpreter (issue 14): a lexer per markup
//! turns a document into [`Block`]s, one per source line, and this module renders them,
//! line for line, as the Markdown that [`super::markdown`] reads. Line numbers stay the
//! source's, and the text of every line stays as written apart from its markup (a heading's
//! stars or underline, a bullet marker, a field's name).
//!
//! What Markdown has no line for is carried beside the view: the fields of a heading (org
//! tags, `CLOSED:` and `:DATE:`, rST `:date:` and `:tags:` field lists) are given to the
//! entries in that heading's scope once the interpreter has made them. Lines that are only
//! markup (an rST underline, an org drawer) and headings whose text no entry keeps (a
//! section, a date, a heading whose TODO keyword and tags were read) are named in one
//! warning, so that no line is lost.
//!
//! Adding a markup is one lexer module (`fn lex(&str) -> Vec<Lexed>` and `fn
//! looks_like(&str) -> bool`), one row in [`MARKUPS`] and its [`Format`] variant with its
//! name. Interpreting blocks (what a heading means, which bullets are entries) does not
//! belong here: that is [`super::markdown`]'s, for every markup.

use std::collections::HashSet;

use jiff::civil::Date;

use super::{Format, Imported, Options, Warning, markdown};
use crate::entry::Kind;
use crate::link::Link;

/// Returns what one source line is, as its markup says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Block {
    /// Nothing but whitespace.
    Blank,
    /// A heading: its level (1 is the top) and its text without markup; `tags` are the
    /// tags its markup gives it (org `:a:b:`).
    Heading {
        level: usize,
        text: String,
        tags: Vec<String>,
    },
    /// A bullet: its indent, its marker (`-`, `+`, `*`, `•`) and its text after it.
    Bullet {
        indent: usize,
        marker: char,
        text: String,
    },
    /// A numbered item: its indent, its number and its text after the marker.
    Numbered {
        indent: usize,
        number: String,
        text: String,
    },
    /// A line of prose.
    Paragraph { indent: usize, text: String },
    /// A line of a quotation.
    Quote { text: String },
    /// Where a code block opens or closes.
    Fence,
    /// A line inside a code block, as written.
    Code { text: String },
    /// A row of a table, as written.
    TableRow { text: String },
    /// A horizontal rule or transition.
    Rule,
    /// A `name: value` field (rST field list, org keyword or property).
    Field { name: String, value: String },
    /// A line that is only markup: an underline, a drawer, a directive, a comment.
    Structure,
}

/// Returns one source line's block, with its 1-based line number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Lexed {
    /// The 1-based line number.
    pub no: usize,
    /// What the line is.
    pub block: Block,
}

/// Returns a markup the syntax layer reads: its format, the file extensions it goes by,
/// how to tell it from content, and its lexer.
pub(crate) struct Markup {
    /// The format it imports as.
    pub format: Format,
    /// File name extensions, lower case, without the dot.
    pub extensions: &'static [&'static str],
    /// Returns true when a text reads as this markup rather than Markdown or star-text.
    pub looks_like: fn(&str) -> bool,
    /// Returns the blocks of a text, one per line of `text.split('\n')`.
    pub lex: fn(&str) -> Vec<Lexed>,
}

/// The markups read through the syntax layer, in the order `detect` tries them.
pub(crate) const MARKUPS: &[Markup] = &[
    Markup {
        format: Format::Org,
        extensions: &["org"],
        looks_like: super::org::looks_like,
        lex: super::org::lex,
    },
    Markup {
        format: Format::Rst,
        extensions: &["rst", "rest"],
        looks_like: super::rst::looks_like,
        lex: super::rst::lex,
    },
];

/// Returns the markup of a format, when it is read through the syntax layer.
pub(crate) fn markup(format: Format) -> Option<&'static Markup> {
    MARKUPS.iter().find(|m| m.format == format)
}

/// Returns the markup a text's content says it is in, if any.
pub(crate) fn detect(text: &str) -> Option<Format> {
    MARKUPS
        .iter()
        .find(|m| (m.looks_like)(text))
        .map(|m| m.format)
}

/// Returns the markup a file name's extension names, if any.
pub(crate) fn by_extension(name: &str) -> Option<Format> {
    let (_, ext) = name.rsplit_once('.')?;
    let ext = ext.to_ascii_lowercase();
    MARKUPS
        .iter()
        .find(|m| m.extensions.contains(&ext.as_str()))
        .map(|m| m.format)
}

/// Returns the entries and warnings of a document in a markup: lexed, rendered as
/// Markdown line for line, read by the brag-document interpreter, then given what the
/// headings' fields say.
pub(crate) fn import(
    markup: &Markup,
    text: &str,
    opts: &Options<'_>,
) -> (Vec<Imported>, Vec<Warning>) {
    let source: Vec<&str> = text.split('\n').collect();
    // A lexer gives one block per line; whatever it left out is a line of prose.
    let mut blocks: Vec<Block> = vec![Block::Blank; source.len()];
    for l in (markup.lex)(text) {
        if let Some(b) = l.no.checked_sub(1).and_then(|i| blocks.get_mut(i)) {
            *b = l.block;
        }
    }
    for (i, b) in blocks.iter_mut().enumerate() {
        if *b == Block::Blank && !source[i].trim().is_empty() {
            *b = Block::Paragraph {
                indent: 0,
                text: source[i].trim().to_owned(),
            };
        }
    }
    let view: Vec<String> = blocks.iter().map(|b| render(b, opts)).collect();
    // An org or rST document is never brag's own brag document: its numbers in prose
    // may become metrics.
    let (mut entries, mut warnings, _) = markdown::import(&view.join("\n"), opts);
    let scopes = Scopes::new(&blocks, opts.today);
    for e in &mut entries {
        scopes.apply(e);
    }
    if let Some(w) = structure_warning(markup.format, &source, &blocks, &view, &entries, opts) {
        warnings.push(w);
    }
    (entries, warnings)
}

// ---------------------------------------------------------------------------------------
// The Markdown view

/// Returns the Markdown line the interpreter reads for a block.
fn render(block: &Block, opts: &Options<'_>) -> String {
    let pad = |n: usize| " ".repeat(n);
    match block {
        Block::Blank | Block::Structure => String::new(),
        Block::Heading { level, text, .. } => {
            if text.trim().is_empty() {
                String::new()
            } else {
                format!("{} {}", "#".repeat((*level).clamp(1, 6)), text.trim())
            }
        }
        Block::Bullet {
            indent,
            marker,
            text,
        } => {
            // The interpreter keeps a `+` item as written; other markers become `-`.
            let m = if *marker == '+' { '+' } else { '-' };
            format!("{}{m} {}", pad(*indent), text.trim())
                .trim_end()
                .to_owned()
        }
        Block::Numbered {
            indent,
            number,
            text,
        } => format!("{}{number}. {}", pad(*indent), text.trim()),
        Block::Paragraph { indent, text } => format!("{}{}", pad(*indent), text.trim()),
        Block::Quote { text } | Block::TableRow { text } => text.trim().to_owned(),
        Block::Code { text } => text.trim_end().to_owned(),
        Block::Fence => "```".to_owned(),
        Block::Rule => "---".to_owned(),
        Block::Field { name, value } => {
            if meta_field(name).is_some() && opts.sections.get(name).is_none() {
                String::new()
            } else if value.trim().is_empty() {
                format!("{}:", name.trim())
            } else {
                format!("{}: {}", name.trim(), value.trim())
            }
        }
    }
}

/// What a field says about the entries in its scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MetaField {
    /// A date; the lower the rank, the more it says (`date` over `closed` over `created`).
    Date(u8),
    Tags,
    People,
    Links,
    Project,
    Kind,
}

/// Returns true when a field describes the entries in its scope (`date`, `tags`, ...)
/// rather than being text of theirs.
pub(crate) fn is_meta_field(name: &str) -> bool {
    meta_field(name).is_some()
}

/// Returns what a field's name says it holds, when it describes entries.
fn meta_field(name: &str) -> Option<MetaField> {
    Some(match name.trim().to_lowercase().as_str() {
        "date" => MetaField::Date(0),
        "closed" => MetaField::Date(1),
        "created" => MetaField::Date(2),
        "tags" | "filetags" | "keywords" => MetaField::Tags,
        "people" => MetaField::People,
        "links" | "link" | "url" => MetaField::Links,
        "project" => MetaField::Project,
        "kind" => MetaField::Kind,
        _ => return None,
    })
}

/// Returns a title with the dashes org and docutils typeset from `---` and `--`, as
/// the date reader knows them: `Brag document -- 2024` → `Brag document – 2024`.
pub(crate) fn dashes(title: &str) -> String {
    title.replace(" --- ", " — ").replace(" -- ", " – ")
}

/// Returns the day a date field names: an ISO date anywhere in it (`[2024-05-02 Thu
/// 10:15]`), else a date in prose with its year.
pub(crate) fn field_date(value: &str, today: Date) -> Option<Date> {
    let b = value.as_bytes();
    for i in 0..b.len().saturating_sub(9) {
        let s = &value.get(i..i + 10);
        if let Some(s) = s
            && s.as_bytes()[4] == b'-'
            && s.as_bytes()[7] == b'-'
            && let Ok(d) = s.parse::<Date>()
        {
            return Some(d);
        }
    }
    crate::date::whole_text_date(value, today).map(|p| p.start)
}

/// Returns the items of a list field: split at commas, spaces and colons (`:a:b:`), without
/// `#`/`@`.
fn field_items(value: &str, marker: char) -> Vec<String> {
    let sep = |c: char| c == ',' || c == ';' || (marker == '#' && (c == ':' || c.is_whitespace()));
    value
        .split(sep)
        .map(|s| s.trim().trim_start_matches(marker).trim())
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

// ---------------------------------------------------------------------------------------
// Heading scopes: what fields and tags give the entries beneath a heading

#[derive(Clone, Debug, Default)]
struct Said {
    date: Option<(u8, Date)>,
    tags: Vec<String>,
    people: Vec<String>,
    links: Vec<String>,
    project: Option<String>,
    kind: Option<Kind>,
}

impl Said {
    fn read(&mut self, name: &str, value: &str, today: Date) {
        match meta_field(name) {
            Some(MetaField::Date(rank)) => {
                if let Some(d) = field_date(value, today)
                    && self.date.is_none_or(|(r, _)| rank < r)
                {
                    self.date = Some((rank, d));
                }
            }
            Some(MetaField::Tags) => self.tags.extend(field_items(value, '#')),
            Some(MetaField::People) => self.people.extend(field_items(value, '@')),
            Some(MetaField::Links) => self.links.extend(crate::text::recognise(value).urls),
            Some(MetaField::Project) if !value.trim().is_empty() => {
                self.project = Some(value.trim().to_owned());
            }
            Some(MetaField::Kind) => {
                if let Ok(k) = value.trim().parse::<Kind>() {
                    self.kind = Some(k);
                }
            }
            Some(MetaField::Project) | None => {}
        }
    }

    /// Returns what a heading beneath says, with what this one says inherited: tags,
    /// people and links add up, the nearer date, project and kind win.
    fn under(&self, own: &Said) -> Said {
        let join = |a: &[String], b: &[String]| a.iter().chain(b).cloned().collect::<Vec<_>>();
        Said {
            date: own.date.or(self.date),
            tags: join(&self.tags, &own.tags),
            people: join(&self.people, &own.people),
            links: join(&self.links, &own.links),
            project: own.project.clone().or_else(|| self.project.clone()),
            kind: own.kind.or(self.kind),
        }
    }
}

/// Returns the scope each line is in: the document's, or a heading's down to the next
/// heading at its level or above.
struct Scopes {
    /// Per line, the scope it is in.
    of_line: Vec<usize>,
    /// Per scope, the line of its heading (1-based; none for the document), what its own
    /// fields say and what holds beneath it.
    heading: Vec<Option<usize>>,
    own_date: Vec<Option<Date>>,
    merged: Vec<Said>,
}

impl Scopes {
    fn new(blocks: &[Block], today: Date) -> Scopes {
        let mut of_line = Vec::with_capacity(blocks.len());
        let mut heading = vec![None];
        let mut parent = vec![0usize];
        let mut own = vec![Said::default()];
        let mut stack: Vec<(usize, usize)> = Vec::new();
        let mut current = 0;
        for (i, b) in blocks.iter().enumerate() {
            match b {
                Block::Heading { level, tags, .. } => {
                    while stack.last().is_some_and(|&(l, _)| l >= *level) {
                        stack.pop();
                    }
                    parent.push(stack.last().map_or(0, |&(_, s)| s));
                    heading.push(Some(i + 1));
                    own.push(Said {
                        tags: tags.clone(),
                        ..Said::default()
                    });
                    current = heading.len() - 1;
                    stack.push((*level, current));
                }
                Block::Field { name, value } => own[current].read(name, value, today),
                _ => {}
            }
            of_line.push(current);
        }
        let mut merged: Vec<Said> = Vec::with_capacity(own.len());
        for k in 0..own.len() {
            let m = if k == 0 {
                own[0].clone()
            } else {
                merged[parent[k]].under(&own[k])
            };
            merged.push(m);
        }
        Scopes {
            of_line,
            heading,
            own_date: own.iter().map(|s| s.date.map(|(_, d)| d)).collect(),
            merged,
        }
    }

    /// Gives an entry what the fields of the headings above its first line say.
    fn apply(&self, imported: &mut Imported) {
        let first = imported.source_lines.0;
        let Some(&k) = self.of_line.get(first.saturating_sub(1)) else {
            return;
        };
        let said = &self.merged[k];
        let e = &mut imported.entry;
        for t in &said.tags {
            if !e.tags.iter().any(|x| x.eq_ignore_ascii_case(t)) {
                e.tags.push(t.clone());
            }
        }
        for p in &said.people {
            if !e.people.iter().any(|x| x.eq_ignore_ascii_case(p)) {
                e.people.push(p.clone());
            }
        }
        for u in &said.links {
            if !e.links.iter().any(|l| &l.url == u) {
                e.links.push(Link::new(u));
            }
        }
        if e.project.is_none() {
            e.project.clone_from(&said.project);
        }
        if let Some(kind) = said.kind {
            e.kind = kind;
        }
        // The heading's own date is the most specific; one inherited only fills a gap.
        let own = (self.heading[k] == Some(first))
            .then_some(self.own_date[k])
            .flatten();
        if let Some(d) = own.or(e
            .date
            .is_none()
            .then(|| said.date.map(|(_, d)| d))
            .flatten())
        {
            e.date = Some(d);
        }
    }
}

// ---------------------------------------------------------------------------------------
// No line lost

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Returns a line's text as the "no line lost" rule looks at it, or `None` when the line is
/// structure by that rule already (blank, a section label, a Markdown-style `#` line).
fn checked_text<'a>(line: &'a str, opts: &Options<'_>) -> Option<&'a str> {
    let t = line.trim().trim_start_matches(['-', '•', '*']).trim();
    let label = crate::words::label_key(t);
    let bare = norm(t.trim_matches(['*', '_', ' ']));
    let bare = bare.trim_end_matches(':').trim_matches(['*', '_', ' ']);
    if t.is_empty()
        || t.starts_with('#')
        || super::STRUCTURE_LABELS.contains(&bare)
        || super::STRUCTURE_LABELS.contains(&label.as_str())
        || opts.sections.get(&label).is_some()
    {
        return None;
    }
    Some(t)
}

/// Returns true for a line that opens with an emphasised label ending in a colon:
/// `**Result:** cut 40%`, `__Task:__ …`.
fn bold_label(t: &str) -> bool {
    let t = t.trim_start_matches(['*', '_']);
    t.find(":**")
        .or_else(|| t.find(":__"))
        .is_some_and(|at| at <= 40 && !t[..at].contains(['*', '_']))
}

/// Returns one warning naming the lines whose text the view does not hand to the
/// interpreter as text (markup-only lines, fields) and the headings no entry keeps as
/// title or text; `None` when there are none.
fn structure_warning(
    format: Format,
    source: &[&str],
    blocks: &[Block],
    view: &[String],
    entries: &[Imported],
    opts: &Options<'_>,
) -> Option<Warning> {
    let mut kept: HashSet<String> = HashSet::new();
    for e in entries {
        let e = &e.entry;
        kept.insert(norm(&e.title));
        for part in [
            &e.text,
            &e.situation,
            &e.task,
            &e.action,
            &e.result,
            &e.lessons,
            &e.notes,
        ] {
            for l in part.lines() {
                kept.insert(norm(l.trim_start_matches(['-', ' '])));
            }
        }
    }
    let mut named: Vec<(usize, &str)> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let Some(t) = checked_text(source[i], opts) else {
            continue;
        };
        let n = norm(t);
        let survives = match block {
            // The interpreter keeps a heading as a title or a line of text, if at all, and
            // the first line of an item without its number.
            // The same for a `+` item, whose marker is text to the "no line lost" rule.
            Block::Heading { .. } | Block::Numbered { .. } | Block::Bullet { marker: '+', .. } => {
                kept.contains(&n)
            }
            Block::Blank | Block::Structure | Block::Fence | Block::Rule => false,
            Block::Field { .. } if view[i].is_empty() => false,
            // `**Result:** text`: the interpreter keeps the text after the label only.
            _ if bold_label(t) => kept.contains(&n),
            _ => {
                let v = norm(&view[i]);
                v.contains(&n)
                    || t.split_once(": ").is_some_and(|(head, why)| {
                        head.chars().count() <= 40 && v.contains(&norm(why))
                    })
            }
        };
        if !survives {
            named.push((i + 1, source[i].trim()));
        }
    }
    let first = named.first()?.0;
    let list: Vec<String> = named
        .iter()
        .map(|(no, t)| format!("line {no} `{t}`"))
        .collect();
    Some(Warning {
        line: first,
        message: format!(
            "{} line{} read as {format} markup (headings, fields, drawers, directives), not kept \
             as entry text: {}",
            named.len(),
            if named.len() == 1 { "" } else { "s" },
            list.join(", ")
        ),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::entry::Kind;

    #[test]
    fn field_dates() {
        let today = jiff::civil::date(2026, 11, 25);
        assert_eq!(
            field_date("[2024-05-02 Thu 10:15]", today),
            Some(jiff::civil::date(2024, 5, 2))
        );
        assert_eq!(
            field_date("May 2, 2024", today),
            Some(jiff::civil::date(2024, 5, 2))
        );
        assert_eq!(field_date("soon", today), None);
    }

    #[test]
    fn field_items_split() {
        assert_eq!(field_items(":a:b:", '#'), ["a", "b"]);
        assert_eq!(field_items("ci, infra", '#'), ["ci", "infra"]);
        assert_eq!(field_items("Ana Gómez, @bo", '@'), ["Ana Gómez", "bo"]);
    }

    fn run(text: &str, format: Format) -> super::super::Import {
        let cat = crate::framework::Catalogue::builtin();
        let names = super::super::SectionNames::default();
        let opts = super::super::tests::opts_with(&cat, &names);
        let out = super::super::import(text, format, &opts).expect("imports");
        let lost = super::super::tests::lost_lines(text, &out);
        assert!(lost.is_empty(), "lines lost: {lost:?}");
        out
    }

    fn entry<'a>(out: &'a super::super::Import, title: &str) -> &'a crate::entry::Entry {
        let hits: Vec<_> = out
            .entries
            .iter()
            .filter(|e| e.entry.title == title)
            .collect();
        assert_eq!(hits.len(), 1, "`{title}` in {:#?}", out.entries);
        &hits[0].entry
    }

    fn day(e: &crate::entry::Entry) -> String {
        e.date.map(|d| d.to_string()).unwrap_or_default()
    }

    #[test]
    fn org_tags_inherit_and_planning_dates() {
        let text = "* Projects :work:\n** DONE Shipped the export :infra:\n\
CLOSED: [2024-05-02 Thu 10:15]\n- cut support tickets by 30%\n** Planned the migration\n\
:PROPERTIES:\n:DATE: 2024-06-01\n:END:\nWe wrote the plan.\n";
        let out = run(text, Format::Org);
        assert_eq!(out.entries.len(), 2);
        let shipped = entry(&out, "Shipped the export");
        assert_eq!(day(shipped), "2024-05-02");
        assert_eq!(shipped.tags, ["projects", "work", "infra"]);
        assert_eq!(shipped.text, "- cut support tickets by 30%");
        let planned = entry(&out, "Planned the migration");
        assert_eq!(day(planned), "2024-06-01");
        assert_eq!(planned.tags, ["projects", "work"]);
        // The lines of markup are named, with their text.
        let w = &out.warnings[0].message;
        for line in [
            "DONE Shipped the export :infra:",
            ":PROPERTIES:",
            ":DATE: 2024-06-01",
        ] {
            assert!(w.contains(line), "{w}");
        }
    }

    #[test]
    fn org_description_items_make_a_story() {
        let text = "* Projects\n** Payments retry queue\n- Situation :: retries hammered the processor.\n\
- Action :: I built a queue with backoff.\n- Result :: errors dropped 92%.\n";
        let out = run(text, Format::Org);
        let e = entry(&out, "Payments retry queue");
        assert_eq!(e.kind, Kind::Story);
        // As `- Situation: …` in Markdown: the rest of the item is the section's text.
        assert_eq!(e.situation, "retries hammered the processor.");
        assert_eq!(e.action, "I built a queue with backoff.");
        assert_eq!(e.result, "errors dropped 92%.");
    }

    #[test]
    fn org_title_and_date_keywords() {
        let out = run(
            "#+TITLE: Log\n#+DATE: <2024-03-01 Fri>\n* Projects\n- Did a thing\n",
            Format::Org,
        );
        assert_eq!(out.entries.len(), 1);
        let e = entry(&out, "Did a thing");
        assert_eq!(day(e), "2024-03-01");
        assert_eq!(e.tags, ["projects"]);
    }

    #[test]
    fn rst_field_list_story_under_a_competency() {
        let text = "Ownership\n=========\n\nCut deploy time\n---------------\n\n\
:date: 2024-05-02\n:tags: ci, infra\n:situation: Deploys took an hour.\n\
:action: I parallelised the steps.\n:result: Ten minutes now.\n\n\
Dive deep\n=========\n\nFound the leak\n--------------\n\nTraced it to the cache.\n";
        let out = run(text, Format::Rst);
        assert_eq!(out.entries.len(), 2);
        assert_eq!(entry(&out, "Found the leak").competencies, ["dive-deep"]);
        let e = entry(&out, "Cut deploy time");
        assert_eq!(e.kind, Kind::Story);
        assert_eq!(day(e), "2024-05-02");
        assert_eq!(e.tags, ["ci", "infra"]);
        assert_eq!(e.competencies, ["ownership"]);
        assert_eq!(e.situation, "Deploys took an hour.");
        assert_eq!(e.action, "I parallelised the steps.");
        assert_eq!(e.result, "Ten minutes now.");
    }

    #[test]
    fn rst_docinfo_describes_the_document() {
        let text = "Story bank -- 2024\n==================\n\n:author: Dana\n:tags: platform\n\n\
Shipped the search rewrite\n--------------------------\n\nIndex freshness under 2 minutes.\n";
        let out = run(text, Format::Rst);
        assert_eq!(out.entries.len(), 1, "{:#?}", out.entries);
        let e = entry(&out, "Shipped the search rewrite");
        assert_eq!(day(e), "2024-01-01");
        assert_eq!(e.tags, ["platform"]);
        assert!(out.warnings[0].message.contains(":author: Dana"));
    }

    #[test]
    fn bold_labels() {
        assert!(bold_label("**Situation:** we had"));
        assert!(bold_label("Situation:** we had"));
        assert!(!bold_label("**bold** text: more:** x"));
        assert!(!bold_label("Situation: we had"));
    }

    #[test]
    fn extension_names_a_markup() {
        assert_eq!(by_extension("notes/work.ORG"), Some(Format::Org));
        assert_eq!(by_extension("stories.rst"), Some(Format::Rst));
        assert_eq!(by_extension("brag.md"), None);
        assert_eq!(by_extension("README"), None);
    }
}

/// Property tests over generated org, rST, Markdown and star-text documents: no line
/// lost, no panic on any bytes, `--format auto` tells the markups apart.
#[cfg(test)]
mod props {
    use super::super::tests::{lost_lines, opts_with};
    use super::super::{Format, SectionNames, detect, import};
    use crate::framework::Catalogue;
    use proptest::prelude::*;

    fn words() -> impl Strategy<Value = String> {
        "[a-z]{3,8}( [a-z]{3,8}){0,5}"
    }

    /// Returns the lines of one org element.
    fn org_element() -> impl Strategy<Value = Vec<String>> {
        let kw = proptest::sample::select(vec!["", "TODO ", "DONE ", "NEXT ", "CANCELLED "]);
        let prio = proptest::sample::select(vec!["", "[#A] ", "[#C] "]);
        let tags = proptest::sample::select(vec!["", " :ci:", "   :ops:infra:", " :a_b:"]);
        prop_oneof![
            (1usize..5, kw, prio, words(), tags)
                .prop_map(|(n, k, p, w, t)| vec![format!("{} {k}{p}{w}{t}", "*".repeat(n))]),
            Just(vec![
                "* 2024".to_owned(),
                "** 2024-05 May".to_owned(),
                "*** 2024-05-02 Thu".to_owned()
            ]),
            Just(vec!["CLOSED: [2024-05-02 Thu 10:15]".to_owned()]),
            words().prop_map(|w| vec![
                ":PROPERTIES:".to_owned(),
                ":DATE: 2024-05-01".to_owned(),
                format!(":CUSTOM: {w}"),
                ":END:".to_owned()
            ]),
            words().prop_map(|w| vec![format!("- {w}")]),
            words().prop_map(|w| vec![format!("  + {w}")]),
            words().prop_map(|w| vec![format!("1. {w}")]),
            words().prop_map(|w| vec![format!("- [X] {w} <2024-03-04 Mon>")]),
            words().prop_map(|w| vec![format!("<2024-03-04 Mon> {w}")]),
            words().prop_map(|w| vec![w]),
            words().prop_map(|w| vec![format!("- see [[https://x.io/d][{w}]]")]),
            words().prop_map(|w| vec![
                "#+BEGIN_SRC sh".to_owned(),
                format!("- {w}"),
                "#+END_SRC".to_owned()
            ]),
            words().prop_map(|w| vec!["#+BEGIN_QUOTE".to_owned(), w, "#+END_QUOTE".to_owned()]),
            words().prop_map(|w| vec![format!("| {w} | 3 |"), "|---+---|".to_owned()]),
            words().prop_map(|w| vec![format!("#+AUTHOR: {w}")]),
            Just(vec!["# a comment".to_owned()]),
            Just(vec![String::new()]),
        ]
    }

    fn org_doc() -> impl Strategy<Value = String> {
        (
            proptest::option::of(words()),
            proptest::collection::vec(org_element(), 0..25),
        )
            .prop_map(|(title, els)| {
                let mut lines: Vec<String> =
                    title.map(|t| format!("#+TITLE: {t}")).into_iter().collect();
                lines.extend(els.into_iter().flatten());
                lines.join("\n")
            })
    }

    /// Returns the lines of one rST element, blank lines around it as rST wants.
    fn rst_element() -> impl Strategy<Value = Vec<String>> {
        let adorn = proptest::sample::select(vec!['=', '-', '~', '^', '"', '\'', '+', '*', '#']);
        let field = proptest::sample::select(vec![
            "date",
            "tags",
            "situation",
            "result",
            "author",
            "impact",
        ]);
        prop_oneof![
            (words(), adorn.clone(), any::<bool>(), 0usize..3).prop_map(|(w, c, over, extra)| {
                let line = c.to_string().repeat(w.chars().count() + extra);
                let mut v = vec![String::new()];
                if over {
                    v.push(line.clone());
                }
                v.extend([w, line, String::new()]);
                v
            }),
            (field, words()).prop_map(|(f, w)| {
                let value = if f == "date" {
                    "2024-05-02".to_owned()
                } else {
                    w
                };
                vec![format!(":{f}: {value}")]
            }),
            words().prop_map(|w| vec![format!("* {w}")]),
            words().prop_map(|w| vec![format!("- {w}")]),
            words().prop_map(|w| vec![format!("#. {w}")]),
            words().prop_map(|w| vec![format!("2. {w}")]),
            words().prop_map(|w| vec![format!("(3) {w}")]),
            words().prop_map(|w| vec![String::new(), w, String::new()]),
            (words(), words()).prop_map(|(a, b)| vec![
                String::new(),
                format!("{a}::"),
                String::new(),
                format!("    {b}"),
                String::new()
            ]),
            words().prop_map(|w| vec![
                String::new(),
                ".. code-block:: sh".to_owned(),
                String::new(),
                format!("   - {w}"),
                String::new()
            ]),
            words().prop_map(|w| vec![
                String::new(),
                ".. note::".to_owned(),
                String::new(),
                format!("   {w}"),
                String::new()
            ]),
            words().prop_map(|w| vec![format!(".. {w}")]),
            words().prop_map(|w| vec![format!(".. _{w}: https://x.io/t")]),
            words().prop_map(|w| vec![format!("See ``{w}`` and `the doc <https://x.io/d>`_.")]),
            words().prop_map(|w| vec![format!("| {w} | 3 |"), "+----+---+".to_owned()]),
            Just(vec![String::new(), "----------".to_owned(), String::new()]),
            Just(vec![String::new()]),
        ]
    }

    fn rst_doc() -> impl Strategy<Value = String> {
        proptest::collection::vec(rst_element(), 0..25)
            .prop_map(|els| els.into_iter().flatten().collect::<Vec<_>>().join("\n"))
    }

    fn run(text: &str, format: Format) -> Option<super::super::Import> {
        let cat = Catalogue::builtin();
        let names = SectionNames::default();
        let opts = opts_with(&cat, &names);
        import(text, format, &opts).ok()
    }

    proptest! {
        /// Every non-blank line of a generated org document is kept, minus its markup, in
        /// an entry or named in a warning.
        #[test]
        fn org_no_line_lost(text in org_doc()) {
            if let Some(out) = run(&text, Format::Org) {
                let lost = lost_lines(&text, &out);
                prop_assert!(lost.is_empty(), "lines lost: {lost:?}\n{text}\n{}", super::super::tests::dry_run_json(&out));
            }
        }

        /// The same for reStructuredText.
        #[test]
        fn rst_no_line_lost(text in rst_doc()) {
            if let Some(out) = run(&text, Format::Rst) {
                let lost = lost_lines(&text, &out);
                prop_assert!(lost.is_empty(), "lines lost: {lost:?}\n{text}\n{}", super::super::tests::dry_run_json(&out));
            }
        }

        /// Prose lines reach entries, not only the warning.
        #[test]
        fn markup_prose_reaches_entries(org in org_doc(), rst in rst_doc()) {
            for (text, format) in [(org, Format::Org), (rst, Format::Rst)] {
                let text = format!("{text}\n\nzebra quokka platypus\n");
                let out = run(&text, format).expect("imports");
                let json = serde_json::to_string(&out.entries).expect("serializes");
                prop_assert!(json.contains("zebra quokka platypus"), "{format}: {text}");
            }
        }

        /// Any bytes: each lexer gives one block per line, and no import panics.
        #[test]
        fn markup_lexers_never_panic(
            text in "\\PC{0,300}",
            marked in "[*#:+=~<>\\[\\]|`_. a-zA-Z0-9\n\t-]{0,300}",
        ) {
            for t in [&text, &marked] {
                for m in super::MARKUPS {
                    let lexed = (m.lex)(t);
                    prop_assert_eq!(lexed.len(), t.split('\n').count());
                    prop_assert!(lexed.iter().enumerate().all(|(i, l)| l.no == i + 1));
                    let _ = run(t, m.format);
                }
                let _ = super::detect(t);
            }
        }
    }

    /// Returns an org document with the shape people keep: top headings with
    /// subheadings, and content among them.
    fn org_shaped() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            (
                words(),
                proptest::collection::vec(
                    (words(), proptest::collection::vec(org_element(), 0..4)),
                    2..4,
                ),
            ),
            1..4,
        )
        .prop_map(|tops| {
            let mut lines = Vec::new();
            for (top, subs) in tops {
                lines.push(format!("* {top}"));
                for (sub, els) in subs {
                    lines.push(format!("** {sub}"));
                    lines.extend(els.into_iter().flatten());
                }
            }
            lines.join("\n")
        })
    }

    /// Returns an rST document with the shape people keep: a title and sections.
    fn rst_shaped() -> impl Strategy<Value = String> {
        (
            words(),
            proptest::collection::vec(
                (words(), proptest::collection::vec(rst_element(), 0..4)),
                2..5,
            ),
        )
            .prop_map(|(title, sections)| {
                let bar = |w: &str, c: char| c.to_string().repeat(w.chars().count());
                let mut lines = vec![
                    bar(&title, '='),
                    title.clone(),
                    bar(&title, '='),
                    String::new(),
                ];
                for (s, els) in sections {
                    lines.extend([String::new(), s.clone(), bar(&s, '-'), String::new()]);
                    lines.extend(els.into_iter().flatten());
                }
                lines.join("\n")
            })
    }

    fn markdown_shaped() -> impl Strategy<Value = String> {
        let el = prop_oneof![
            words().prop_map(|w| format!("## {w}")),
            words().prop_map(|w| format!("### {w}")),
            words().prop_map(|w| format!("- {w}")),
            words().prop_map(|w| format!("* {w}")),
            words().prop_map(|w| format!("  - {w}")),
            words().prop_map(|w| format!("1. {w}")),
            words().prop_map(|w| format!("**Result:** {w}")),
            words().prop_map(|w| format!("- [{w}](https://x.io/d)")),
            words(),
            Just(String::new()),
        ];
        (words(), proptest::collection::vec(el, 0..30))
            .prop_map(|(title, els)| format!("# {title}\n\n## Projects\n{}", els.join("\n")))
    }

    fn star_shaped() -> impl Strategy<Value = String> {
        let story = (words(), words(), words())
            .prop_map(|(s, a, r)| format!("S\n- {s}\nT\n{a}\nA\n- {a}\nR\n{r}\n"));
        proptest::collection::vec(story, 1..5).prop_map(|s| s.join("\n"))
    }

    proptest! {
        /// `--format auto` picks the markup a generated document is written in.
        #[test]
        fn detect_tells_markups_apart(
            org in org_shaped(),
            rst in rst_shaped(),
            md in markdown_shaped(),
            star in star_shaped(),
        ) {
            prop_assert_eq!(detect(&org), Format::Org, "{}", org);
            prop_assert_eq!(detect(&rst), Format::Rst, "{}", rst);
            prop_assert_eq!(detect(&md), Format::Markdown, "{}", md);
            prop_assert_eq!(detect(&star), Format::StarText, "{}", star);
        }
    }

    /// Issue 11: the syntax layer is linear too; a quadratic step (looking back over the
    /// headings from each line, searching the entries' text per line) would not finish.
    #[test]
    fn import_linear_org_and_rst_headings() {
        let n = 20_000;
        let mut org = String::from("* Projects :work:\n");
        let mut rst = String::from("Projects\n========\n\n");
        for i in 0..n {
            org.push_str(&format!(
                "** DONE Shipped part {i} :p{i}:\nCLOSED: [2024-05-02 Thu]\n:PROPERTIES:\n:ID: {i}\n:END:\n- cut {i} ms\n"
            ));
            let title = format!("Shipped part {i}");
            rst.push_str(&format!(
                "{title}\n{}\n\n:date: 2024-05-02\n:tags: p{i}\n\n* cut {i} ms\n\n",
                "-".repeat(title.len())
            ));
        }
        for (text, format) in [(org, Format::Org), (rst, Format::Rst)] {
            let out = run(&text, format).expect("imports");
            assert_eq!(out.entries.len(), n, "{format}");
            let last = &out.entries[n - 1].entry;
            assert!(
                last.tags.contains(&format!("p{}", n - 1)),
                "{format}: {:?}",
                last.tags
            );
            assert_eq!(
                last.date.map(|d| d.to_string()).as_deref(),
                Some("2024-05-02")
            );
        }
    }

    #[test]
    fn detect_fixtures() {
        let fixture = |name: &str| {
            std::fs::read_to_string(format!(
                "{}/../../fixtures/import/{name}",
                env!("CARGO_MANIFEST_DIR")
            ))
            .expect("fixture")
        };
        for (name, want) in [
            ("work-log.org", Format::Org),
            ("brag-2025.org", Format::Org),
            ("rst-story-bank.rst", Format::Rst),
            ("wins-2024.rst", Format::Rst),
            ("brag-doc.md", Format::Markdown),
            ("star-notes.txt", Format::StarText),
            ("talk-notes.txt", Format::TalkNotes),
            ("stories.csv", Format::Csv),
            ("jrnl-export.json", Format::Jrnl),
        ] {
            assert_eq!(detect(&fixture(name)), want, "{name}");
        }
    }
}
