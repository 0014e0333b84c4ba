//! Competency frameworks: named lists of competencies with aliases, a description, sample
//! interview questions and keywords, and typo-tolerant matching of what people write
//! ("right alot", "highest standard", "customer obsesion") to competency ids.
//!
//! Built in: `amazon-lp` and `engineering` (TOML files in `crates/brag-core/frameworks/`).
//! Users add their own in the vault's `frameworks/*.toml`, in the same shape; reading those
//! files is the adapter's job, parsing them is [`Framework::parse`].

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::words::{normalize, squash, squash_singular};

/// Returns one competency of a framework.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Competency {
    /// The id written in entries, such as `dive-deep`.
    pub id: String,
    /// The display name, such as `Dive Deep`.
    pub name: String,
    /// Other names people write for it.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// One line: what showing it means.
    #[serde(default)]
    pub description: String,
    /// Sample interview questions.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Words a story or question about it tends to contain.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Phrases an interviewer's question about it tends to contain, matched whole ("push
    /// back", "no budget", "without all the facts"): a stronger sign than any one word.
    #[serde(default)]
    pub cues: Vec<String>,
    /// Phrases a story that shows it tends to say, matched whole in its title, Situation,
    /// Task and Action ("pushed back", "no say over", "sign-off"): how `ask` reads a story
    /// that carries no competency. Its cues of more than one word count too.
    #[serde(default)]
    pub signs: Vec<String>,
}

/// Returns a framework: a named list of competencies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Framework {
    /// The framework's id, such as `amazon-lp`.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// One line about it.
    #[serde(default)]
    pub description: String,
    /// Its competencies, in order.
    #[serde(rename = "competency", default)]
    pub competencies: Vec<Competency>,
}

/// Returned when a framework file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{line}: {message}")]
pub struct FrameworkError {
    /// The 1-based line at fault.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Framework {
    /// Returns the framework a TOML text describes.
    pub fn parse(text: &str) -> Result<Framework, FrameworkError> {
        let fw: Framework = toml::from_str(text).map_err(|e| FrameworkError {
            line: e.span().map_or(1, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            }),
            message: e.message().to_owned(),
        })?;
        let mut seen = std::collections::HashSet::new();
        for c in &fw.competencies {
            if c.id.trim().is_empty() || !seen.insert(c.id.as_str()) {
                let line = text
                    .lines()
                    .position(|l| {
                        l.trim_start().starts_with("id") && l.contains(&format!("\"{}\"", c.id))
                    })
                    .map_or(1, |i| i + 1);
                return Err(FrameworkError {
                    line,
                    message: format!("competency id `{}` is empty or used twice", c.id),
                });
            }
        }
        Ok(fw)
    }

    /// Returns the competency with this id.
    pub fn get(&self, id: &str) -> Option<&Competency> {
        self.competencies.iter().find(|c| c.id == id)
    }
}

static BUILTIN: LazyLock<Vec<Framework>> = LazyLock::new(|| {
    [
        include_str!("../frameworks/amazon-lp.toml"),
        include_str!("../frameworks/engineering.toml"),
    ]
    .iter()
    .map(|t| Framework::parse(t).expect("built-in frameworks are valid"))
    .collect()
});

/// Returns the built-in frameworks: `amazon-lp` and `engineering`.
pub fn builtin() -> &'static [Framework] {
    &BUILTIN
}

/// Returns a competency name matched to an id, with how sure the match is (0–1).
#[derive(Clone, Debug, PartialEq)]
pub struct NameMatch {
    /// The competency id.
    pub id: String,
    /// 1.0 for an exact name or alias; lower for a fuzzy one.
    pub confidence: f64,
}

/// The confidence below which a name is not taken for a competency.
pub const MATCH_THRESHOLD: f64 = 0.86;

/// Returns the frameworks a vault works with, and name matching across them.
#[derive(Clone, Debug)]
pub struct Catalogue {
    frameworks: Vec<Framework>,
    /// Every name and alias, ready to compare.
    names: Vec<Name>,
    /// Exact lookups: normalized, squashed and stemmed forms to (confidence, index).
    exact: HashMap<String, (f64, usize)>,
    /// The indexes of `names`, by the length of their squashed form: a typo is looked for
    /// only among names of about its length.
    by_length: Vec<usize>,
    /// The longest squashed name, in bytes.
    longest: usize,
}

#[derive(Clone, Debug)]
struct Name {
    squashed: String,
    /// Letter and digit counts, to rule out most names before an edit distance.
    histogram: [u8; 37],
    id: String,
}

/// Returns how many of each letter and digit a name has (everything else in one bucket).
fn histogram(s: &str) -> [u8; 37] {
    let mut h = [0u8; 37];
    for c in s.chars() {
        let i = match c {
            'a'..='z' => c as usize - 'a' as usize,
            '0'..='9' => 26 + c as usize - '0' as usize,
            _ => 36,
        };
        h[i] = h[i].saturating_add(1);
    }
    h
}

impl Catalogue {
    /// Returns a catalogue of the given frameworks; the first one is the default.
    pub fn new(frameworks: Vec<Framework>) -> Catalogue {
        let mut names = Vec::new();
        let mut exact: HashMap<String, (f64, usize)> = HashMap::new();
        for fw in &frameworks {
            for c in &fw.competencies {
                let forms = std::iter::once(c.id.replace('-', " "))
                    .chain(std::iter::once(c.name.clone()))
                    .chain(c.aliases.iter().cloned());
                for form in forms {
                    let n = normalize(&form);
                    if n.is_empty() {
                        continue;
                    }
                    let i = names.len();
                    names.push(Name {
                        squashed: squash(&n),
                        histogram: histogram(&squash(&n)),
                        id: c.id.clone(),
                    });
                    // The first framework to claim a form keeps it; stronger forms win.
                    for (key, conf) in [
                        (n.clone(), 1.0),
                        (squash(&n), 0.98),
                        (squash_singular(&n), 0.96),
                    ] {
                        let slot = exact.entry(key).or_insert((conf, i));
                        if conf > slot.0 {
                            *slot = (conf, i);
                        }
                    }
                }
            }
        }
        let mut by_length: Vec<usize> = (0..names.len()).collect();
        by_length.sort_by_key(|&i| names[i].squashed.len());
        let longest = names.iter().map(|n| n.squashed.len()).max().unwrap_or(0);
        Catalogue {
            frameworks,
            names,
            exact,
            by_length,
            longest,
        }
    }

    /// Returns the catalogue of the built-in frameworks, `amazon-lp` first.
    pub fn builtin() -> Catalogue {
        Catalogue::new(builtin().to_vec())
    }

    /// Returns the frameworks, the default first.
    pub fn frameworks(&self) -> &[Framework] {
        &self.frameworks
    }

    /// Returns a framework by id.
    pub fn framework(&self, id: &str) -> Option<&Framework> {
        self.frameworks.iter().find(|f| f.id == id)
    }

    /// Returns the competency with this id, in whichever framework has it.
    pub fn competency(&self, id: &str) -> Option<&Competency> {
        self.frameworks.iter().find_map(|f| f.get(id))
    }

    /// Returns the display name of a competency id (`Dive Deep` for `dive-deep`), as a
    /// file's Competencies section writes it.
    pub fn display_name(&self, id: &str) -> Option<String> {
        self.competency(id).map(|c| c.name.clone())
    }

    /// Returns the competency a written name stands for, if one matches well enough.
    ///
    /// Case, punctuation, spacing (`right alot`), plurals (`highest standard`) and small
    /// typos (`customer obsesion`) are tolerated; a name below [`MATCH_THRESHOLD`] matches
    /// nothing, so it is never guessed.
    pub fn match_name(&self, written: &str) -> Option<NameMatch> {
        self.lookup(written, true)
    }

    /// Returns the competency a name stands for when it is one of the competency's names
    /// or aliases, up to case, spacing and plurals: no typo is forgiven.
    pub fn match_exact(&self, written: &str) -> Option<NameMatch> {
        self.lookup(written, false)
    }

    /// Returns the id of the competency nearest to something written, for a "did you
    /// mean" hint: the [`Catalogue::match_name`] match, or else the id or name most like
    /// it, if any is even half alike.
    pub fn nearest_id(&self, written: &str) -> Option<String> {
        if let Some(m) = self.match_name(written) {
            return Some(m.id);
        }
        let w = squash(&normalize(written));
        if w.is_empty() {
            return None;
        }
        self.names
            .iter()
            .map(|n| (strsim::normalized_damerau_levenshtein(&w, &n.squashed), n))
            .filter(|(score, _)| *score >= 0.5)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, n)| n.id.clone())
    }

    fn lookup(&self, written: &str, fuzzy: bool) -> Option<NameMatch> {
        let n = normalize(written);
        if n.len() < 4 || n.split(' ').count() > 7 {
            return None;
        }
        let found = |conf: f64, i: usize| NameMatch {
            id: self.names[i].id.clone(),
            confidence: conf,
        };
        // A form matches at most as well as the way it was reached. Every line an
        // importer reads may be asked: each form is made only when the one before missed.
        if let Some(&(conf, i)) = self.exact.get(&n) {
            return Some(found(conf.min(1.0), i));
        }
        let sq = squash(&n);
        if let Some(&(conf, i)) = self.exact.get(&sq) {
            return Some(found(conf.min(0.98), i));
        }
        let singular = squash_singular(&n);
        if singular != sq
            && let Some(&(conf, i)) = self.exact.get(&singular)
        {
            return Some(found(conf.min(0.96), i));
        }
        // Typos: a small edit distance, only for names long enough to judge, and only
        // against names of about the same length.
        if !fuzzy || sq.len() < 6 || sq.len() > self.longest + 2 {
            return None;
        }
        let hist = histogram(&sq);
        let mut best: Option<(f64, usize)> = None;
        // At most two edits: only names within two bytes of its length can be near.
        let len_of = |&i: &usize| self.names[i].squashed.len();
        let from = self.by_length.partition_point(|i| len_of(i) + 2 < sq.len());
        let to = self
            .by_length
            .partition_point(|i| len_of(i) <= sq.len() + 2);
        for &i in self.by_length.get(from..to).unwrap_or_default() {
            let name = &self.names[i];
            let allowed = if name.squashed.len() >= 12 { 2 } else { 1 };
            if name.squashed.len() < 6 || name.squashed.len().abs_diff(sq.len()) > allowed {
                continue;
            }
            // Each edit moves at most two letters between buckets; a swap moves none.
            let moved: u32 = hist
                .iter()
                .zip(&name.histogram)
                .map(|(a, b)| u32::from(a.abs_diff(*b)))
                .sum();
            if moved > 2 * allowed as u32 {
                continue;
            }
            // Optimal string alignment: edits and swaps of neighbours, without the
            // per-call alphabet map of full Damerau-Levenshtein.
            let d = strsim::osa_distance(&sq, &name.squashed);
            if d <= allowed {
                let score = 0.95 - 0.03 * d as f64;
                // Of names as near, the first in the catalogue wins.
                let better = |(b, j): (f64, usize)| score > b || score == b && i < j;
                if score >= MATCH_THRESHOLD && best.is_none_or(better) {
                    best = Some((score, i));
                }
            }
        }
        best.map(|(conf, i)| found(conf, i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_frameworks_load() {
        let fws = builtin();
        assert_eq!(fws[0].id, "amazon-lp");
        assert_eq!(fws[0].competencies.len(), 16);
        assert!(fws[1].competencies.len() >= 8);
        for fw in fws {
            for c in &fw.competencies {
                assert!(c.questions.len() >= 3, "{}: needs 3 questions", c.id);
                assert!(!c.description.is_empty(), "{}: needs a description", c.id);
            }
        }
    }

    #[test]
    fn match_loose_names() {
        let cat = Catalogue::builtin();
        for (written, id) in [
            ("bias for action", "bias-for-action"),
            ("Bias For Action", "bias-for-action"),
            ("right alot", "are-right-a-lot"),
            ("Are right, a lot", "are-right-a-lot"),
            ("highest standard", "insist-on-the-highest-standards"),
            ("develop the best", "hire-and-develop-the-best"),
            ("disagree and commit", "have-backbone-disagree-and-commit"),
            ("customer obsesion", "customer-obsession"),
            ("invent and simplify", "invent-and-simplify"),
            ("earn trust", "earn-trust"),
            ("ownership", "ownership"),
            ("Dive Deep", "dive-deep"),
            ("backbone", "have-backbone-disagree-and-commit"),
        ] {
            let m = cat
                .match_name(written)
                .unwrap_or_else(|| panic!("{written:?} matched nothing"));
            assert_eq!(m.id, id, "{written:?}");
        }
    }

    #[test]
    fn match_refuses_ordinary_labels() {
        let cat = Catalogue::builtin();
        for written in [
            "Impl",
            "Options",
            "Pros of pooling",
            "Cons of pooling",
            "design doc",
            "benchmark run",
            "Onboarding plan",
            "FAQ",
            "lessons learned",
            "Extra info",
            "rivet core",
            "rivet-tls",
            "Speaker",
            "Design doc",
            "summary",
            "metrics",
            "Talk notes",
            "Links",
        ] {
            assert_eq!(cat.match_name(written), None, "{written:?}");
        }
    }
}
