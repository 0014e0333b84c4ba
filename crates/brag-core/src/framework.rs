//! Competency frameworks: named lists of competencies with aliases, a description, sample
//! interview questions and keywords, and typo-tolerant matching of what people write
//! ("right alot", "highest standard", "customer obsesion") to competency ids.
//!
//! Built in: `amazon-lp` and `engineering` (TOML files in `crates/brag-core/frameworks/`).
//! Users add their own in the vault's `frameworks/*.toml`, in the same shape; reading those
//! files is the adapter's job, parsing them is [`Framework::parse`].

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

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
    /// (normalized name, squashed name, competency id) for every name and alias.
    names: Vec<(String, String, String)>,
}

impl Catalogue {
    /// Returns a catalogue of the given frameworks; the first one is the default.
    pub fn new(frameworks: Vec<Framework>) -> Catalogue {
        let mut names = Vec::new();
        for fw in &frameworks {
            for c in &fw.competencies {
                let mut push = |s: &str| {
                    let n = normalize(s);
                    if !n.is_empty() {
                        names.push((n.clone(), squash(&n), c.id.clone()));
                    }
                };
                push(&c.id.replace('-', " "));
                push(&c.name);
                for a in &c.aliases {
                    push(a);
                }
            }
        }
        Catalogue { frameworks, names }
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

    /// Returns the competency a written name stands for, if one matches well enough.
    ///
    /// Case, punctuation, spacing (`right alot`), plurals (`highest standard`) and small
    /// typos (`customer obsesion`) are tolerated; a name below [`MATCH_THRESHOLD`] matches
    /// nothing, so it is never guessed.
    pub fn match_name(&self, written: &str) -> Option<NameMatch> {
        let n = normalize(written);
        if n.len() < 4 || n.split(' ').count() > 7 {
            return None;
        }
        let sq = squash(&n);
        let mut best: Option<NameMatch> = None;
        for (name, name_sq, id) in &self.names {
            let score = similarity(&n, &sq, name, name_sq);
            if score >= MATCH_THRESHOLD && best.as_ref().is_none_or(|b| score > b.confidence) {
                best = Some(NameMatch {
                    id: id.clone(),
                    confidence: score,
                });
            }
        }
        best
    }
}

fn similarity(n: &str, sq: &str, name: &str, name_sq: &str) -> f64 {
    if n == name {
        return 1.0;
    }
    if sq == name_sq {
        return 0.98;
    }
    // Plurals and spacing: "highest standard" for "highest standards".
    let stem = |s: &str| -> String {
        s.split(' ')
            .map(|w| w.strip_suffix('s').filter(|r| r.len() > 2).unwrap_or(w))
            .collect::<Vec<_>>()
            .join("")
    };
    if stem(n) == stem(name) {
        return 0.96;
    }
    // Typos: edit distance relative to length, only for names long enough to judge.
    if sq.len() >= 6 && name_sq.len() >= 6 {
        let d = strsim::damerau_levenshtein(sq, name_sq);
        let allowed = if name_sq.len() >= 12 { 2 } else { 1 };
        if d <= allowed {
            return 0.95 - 0.03 * d as f64;
        }
    }
    0.0
}

/// Returns a name lowercased, with every run of non-alphanumerics as one space and
/// filler words ("the", "a", "an", "and", "on", "to", "of", "be") kept: they are part
/// of names such as "Are Right, A Lot".
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w.to_lowercase());
    }
    out
}

fn squash(n: &str) -> String {
    n.replace(' ', "")
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
