//! `brag report doc`: the brag document itself, in the sections of Julia Evans' template,
//! each entry in the section [`section_of`] gives it.

use indexmap::IndexMap;

use super::{
    DocGroup, DocReport, DocSection, DocSectionKind, Input, SharedEntry, oldest_first, titled,
};
use crate::entry::{Entry, Kind};
use crate::words::{kebab, singular};

/// The sections a story or win can land in besides Projects, in the order they are tried,
/// with the tag words and competency ids that send it there.
const BY_TAGS: [(DocSectionKind, &[&str], &[&str]); 4] = [
    (
        DocSectionKind::Outside,
        &[
            "outside",
            "oss",
            "open-source",
            "opensource",
            "volunteering",
            "volunteer",
            "side-project",
            "conference-talk",
            "meetup",
        ],
        &[],
    ),
    (
        DocSectionKind::Collaboration,
        &[
            "mentoring",
            "mentorship",
            "mentor",
            "hiring",
            "interviewing",
            "interview",
            "onboarding",
            "pairing",
            "pair-programming",
            "coaching",
            "collaboration",
        ],
        &["hire-and-develop-the-best", "mentorship"],
    ),
    (
        DocSectionKind::Design,
        &[
            "design",
            "documentation",
            "docs",
            "rfc",
            "adr",
            "writing",
            "runbook",
            "spec",
        ],
        &[],
    ),
    (
        DocSectionKind::Company,
        &[
            "company",
            "culture",
            "community",
            "recruiting",
            "org",
            "hackathon",
        ],
        &["strive-to-be-earths-best-employer"],
    ),
];

/// Returns the section of the brag document an entry lands in.
///
/// - A goal goes to *Goals for this period*, a learning to *What I learned*, feedback to
///   *Feedback received*.
/// - A story or a win goes by its tags and competencies, to the first of these that
///   matches:
///   - *Outside of work*: outside, oss, open-source, opensource, volunteering, volunteer,
///     side-project, conference-talk, meetup;
///   - *Collaboration & mentorship*: mentoring, mentorship, mentor, hiring, interviewing,
///     interview, onboarding, pairing, pair-programming, coaching, collaboration, or the
///     competency `hire-and-develop-the-best` or `mentorship`;
///   - *Design & documentation*: design, documentation, docs, rfc, adr, writing, runbook,
///     spec;
///   - *Company building*: company, culture, community, recruiting, org, hackathon, or the
///     competency `strive-to-be-earths-best-employer`;
///   - else *Projects*, grouped by project in the order each first appears, the entries
///     without a project last.
/// - A tag matches a word when it is the word, or when the word is a run of the tag's
///   hyphenated parts, plurals aside: `docs`, `design-docs` and `api-doc` match `docs`;
///   `open-source-maintainer` matches `open-source`; `mentoring` does not match `mentor`.
pub fn section_of(entry: &Entry) -> DocSectionKind {
    match entry.kind {
        Kind::Goal => return DocSectionKind::Goals,
        Kind::Learning => return DocSectionKind::Learning,
        Kind::Feedback => return DocSectionKind::Feedback,
        Kind::Story | Kind::Win => {}
    }
    let tags: Vec<String> = entry.tags.iter().map(|t| kebab(t)).collect();
    for (section, words, competencies) in BY_TAGS {
        let by_tag = tags.iter().any(|t| words.iter().any(|w| tag_matches(t, w)));
        let by_competency = entry
            .competencies
            .iter()
            .any(|c| competencies.contains(&c.as_str()));
        if by_tag || by_competency {
            return section;
        }
    }
    DocSectionKind::Projects
}

/// Returns true when a kebab-case tag is the word, or the word is a run of its hyphenated
/// parts, plurals aside: `docs` and `design-docs` match `docs`, `open-source-maintainer`
/// matches `open-source`.
fn tag_matches(tag: &str, word: &str) -> bool {
    if tag == word {
        return true;
    }
    let parts: Vec<&str> = tag.split('-').map(singular).collect();
    let want: Vec<&str> = word.split('-').map(singular).collect();
    parts.windows(want.len()).any(|w| w == want.as_slice())
}

/// Returns the brag document of the period.
pub(super) fn build(input: &Input<'_>) -> DocReport {
    let mut entries: Vec<&SharedEntry> = input.in_period().collect();
    entries.sort_by(|a, b| oldest_first(a).cmp(&oldest_first(b)));
    let mut by_section: IndexMap<DocSectionKind, Vec<&SharedEntry>> = DocSectionKind::ALL
        .iter()
        .map(|&s| (s, Vec::new()))
        .collect();
    for e in &entries {
        by_section.entry(section_of(e)).or_default().push(e);
    }
    let sections = by_section
        .into_iter()
        .map(|(section, list)| {
            let groups = if section == DocSectionKind::Projects {
                project_groups(input, &list)
            } else if list.is_empty() {
                Vec::new()
            } else {
                vec![DocGroup {
                    project: None,
                    entries: input.report_entries(&list),
                }]
            };
            DocSection {
                section,
                heading: section.heading().to_owned(),
                groups,
            }
        })
        .collect();
    DocReport {
        header: input.header(titled("Brag document", " ", input.period), entries.len()),
        sections,
    }
}

/// Returns the entries of Projects in one group per project, in the order each project
/// first appears (the entries are oldest first), entries without a project last.
fn project_groups(input: &Input<'_>, list: &[&SharedEntry]) -> Vec<DocGroup> {
    let mut groups: IndexMap<Option<&str>, Vec<&SharedEntry>> = IndexMap::new();
    for e in list {
        groups.entry(e.project.as_deref()).or_default().push(e);
    }
    if let Some(none) = groups.shift_remove(&None) {
        groups.insert(None, none);
    }
    groups
        .into_iter()
        .map(|(project, list)| DocGroup {
            project: project.map(str::to_owned),
            entries: input.report_entries(&list),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(tags: &[&str], competencies: &[&str]) -> Entry {
        Entry {
            kind: Kind::Story,
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            competencies: competencies.iter().map(|c| (*c).to_owned()).collect(),
            ..Entry::default()
        }
    }

    #[test]
    fn doc_sections_by_kind_tags_and_competencies() {
        use DocSectionKind as S;
        for (entry, want) in [
            (
                Entry {
                    kind: Kind::Goal,
                    tags: vec!["docs".into()],
                    ..Entry::default()
                },
                S::Goals,
            ),
            (
                Entry {
                    kind: Kind::Learning,
                    ..Entry::default()
                },
                S::Learning,
            ),
            (
                Entry {
                    kind: Kind::Feedback,
                    ..Entry::default()
                },
                S::Feedback,
            ),
            (story(&[], &[]), S::Projects),
            (story(&["perf", "Mentoring"], &[]), S::Collaboration),
            (story(&[], &["hire-and-develop-the-best"]), S::Collaboration),
            (story(&["design-docs"], &[]), S::Design),
            (story(&["api-doc"], &[]), S::Design),
            (story(&["Culture"], &[]), S::Company),
            (story(&["open-source-maintainer", "docs"], &[]), S::Outside),
            (story(&["side projects"], &[]), S::Outside),
            (
                story(&["docs"], &["hire-and-develop-the-best"]),
                S::Collaboration,
            ),
            (
                story(&["undocumented", "designer", "organic"], &[]),
                S::Projects,
            ),
        ] {
            assert_eq!(
                section_of(&entry),
                want,
                "{:?} {:?}",
                entry.tags,
                entry.competencies
            );
        }
    }
}
