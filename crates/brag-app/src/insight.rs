//! What the record says about itself: the coach's findings, competency coverage, and the
//! stories that answer an interview question.

use std::collections::HashMap;

use brag_core::entry::{Entry, Kind};
use brag_core::filter::Filter;
use brag_core::framework::{self, Catalogue, Framework};
use brag_core::{ask, coach, coverage};
use serde::Serialize;

use crate::{App, AppError};

/// Returns the stories that answer a question, as every surface shows them.
#[derive(Clone, Debug, Serialize)]
pub struct Asked {
    /// The question, as asked.
    pub question: String,
    /// The competencies the question is about, most relevant first (ids).
    pub competencies: Vec<String>,
    /// What the question was read as asking about, and why: the same competencies with
    /// their names, weights (1 for the best) and the words and cue phrases that said so.
    #[serde(rename = "intent")]
    pub topics: Vec<ask::Topic>,
    /// True when the stories were also compared with the question by meaning (a build
    /// with the `semantic` feature), not by words alone.
    pub semantic: bool,
    /// The answers, best first.
    pub results: Vec<ask::Answer>,
}

/// Returns a framework's coverage, with the framework itself (for its names and the
/// questions to write a story for).
#[derive(Clone, Debug, Serialize)]
pub struct Covered {
    /// The competency × stories matrix and the gaps.
    #[serde(flatten)]
    pub coverage: coverage::Coverage,
    /// The framework it is of.
    #[serde(skip)]
    pub framework: Framework,
}

/// Returns the coach's verdict on every story and win.
#[derive(Clone, Debug, Serialize)]
pub struct Coached {
    /// One report per entry, weakest first.
    pub reports: Vec<coach::Report>,
    /// How many entries were coached.
    pub total: usize,
    /// How many of them are strong (score of at least [`coach::STRONG`]).
    pub strong: usize,
}

impl App {
    /// Returns the coach's report on every story and win, weakest first.
    pub fn coach_all(&self) -> Result<Coached, AppError> {
        self.refresh()?;
        let today = self.today();
        let index = self.conn()?;
        let mut reports = Vec::new();
        for kind in [Kind::Story, Kind::Win] {
            let filter = Filter {
                kind: Some(kind),
                ..Filter::default()
            };
            reports.extend(
                index
                    .list(&filter, None)?
                    .iter()
                    .map(|e| coach::coach(e, today)),
            );
        }
        reports.sort_by(|a, b| a.score.cmp(&b.score).then_with(|| a.id.cmp(&b.id)));
        let strong = reports.iter().filter(|r| r.score >= coach::STRONG).count();
        Ok(Coached {
            total: reports.len(),
            strong,
            reports,
        })
    }

    /// Returns the coach's report on the entry a full or partial id names.
    pub fn coach_one(&self, wanted: &str) -> Result<coach::Report, AppError> {
        let shown = self.show(wanted)?;
        Ok(coach::coach(&shown.entry, self.today()))
    }

    /// Returns the competency × stories matrix of a framework (the default one when
    /// `framework` is `None`); any built-in or user framework may be asked for by id.
    pub fn coverage(&self, framework: Option<&str>) -> Result<Covered, AppError> {
        let catalogue = self.catalogue()?;
        let fw = match framework {
            Some(id) => match catalogue.framework(id) {
                Some(fw) => fw.clone(),
                None => self.any_framework(id)?,
            },
            None => catalogue
                .frameworks()
                .first()
                .cloned()
                .ok_or_else(|| AppError::UnknownFramework("(none)".to_owned()))?,
        };
        self.refresh()?;
        let entries = self.conn()?.list(&Filter::default(), None)?;
        Ok(Covered {
            coverage: coverage::coverage(&fw, &entries, self.today()),
            framework: fw,
        })
    }

    /// Returns a framework by id, built in or in `frameworks/`, active or not.
    pub fn any_framework(&self, id: &str) -> Result<Framework, AppError> {
        let all: Vec<Framework> = self
            .vault()
            .read_frameworks()?
            .iter()
            .filter_map(|(_, t)| Framework::parse(t).ok())
            .chain(framework::builtin().iter().cloned())
            .collect();
        match all.iter().find(|f| f.id == id) {
            Some(fw) => Ok(fw.clone()),
            None => {
                let mut available: Vec<String> = all.into_iter().map(|f| f.id).collect();
                available.dedup();
                Err(AppError::NoSuchFramework {
                    wanted: id.to_owned(),
                    available,
                })
            }
        }
    }

    /// Returns the competencies a question is about and the stories that best answer it.
    pub fn ask(&self, question: &str, limit: usize) -> Result<Asked, AppError> {
        let catalogue = self.catalogue()?;
        // The model loads (tens of milliseconds, once per process) and the question is
        // embedded and compared with the competencies' questions while the words are
        // looked up.
        std::thread::scope(|s| {
            let meaning = s.spawn(|| {
                let v = crate::meaning::embed(&crate::meaning::meant(question))?;
                let like = crate::meaning::resemblances(&catalogue, &v);
                Some((v, like))
            });
            self.ask_with(question, &catalogue, limit, || {
                meaning.join().ok().flatten()
            })
        })
    }

    fn ask_with(
        &self,
        question: &str,
        catalogue: &Catalogue,
        limit: usize,
        meaning: impl FnOnce() -> Option<(Vec<f32>, Vec<ask::Resemblance>)>,
    ) -> Result<Asked, AppError> {
        let words: Vec<String> = question
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !ask::terms(w).is_empty())
            .map(str::to_lowercase)
            .collect();
        self.refresh()?;
        let mut index = self.conn()?;
        const POOL: usize = 200;
        let mut candidates: Vec<ask::Candidate> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        let mut add = |entry: Entry, q: f64, t: f64, candidates: &mut Vec<ask::Candidate>| match at
            .get(entry.id.as_str())
        {
            Some(&i) => {
                let c: &mut ask::Candidate = &mut candidates[i];
                c.question_score = c.question_score.max(q);
                c.topic_score = c.topic_score.max(t);
            }
            None => {
                at.insert(entry.id.to_string(), candidates.len());
                candidates.push(ask::Candidate {
                    entry,
                    question_score: q,
                    topic_score: t,
                    meaning: None,
                });
            }
        };
        for (e, score) in index.search_any(&words, &Filter::default(), POOL)? {
            add(e, score, 0.0, &mut candidates);
        }
        // What the question is about, by its words and by its meaning.
        let (wanted, like) = meaning().unzip();
        let topics = ask::blend(
            catalogue,
            ask::topics(catalogue, question),
            like.as_deref().unwrap_or_default(),
        );
        // The main topic's keywords find stories that say "pushed back" to a question
        // that says "disagreed"; a dozen words keep the query quick on a large vault.
        let mut topic_words: Vec<String> = Vec::new();
        if let Some(c) = topics.first().and_then(|t| catalogue.competency(&t.id)) {
            for k in &c.keywords {
                for w in k.split_whitespace().map(str::to_lowercase) {
                    if !topic_words.contains(&w) && topic_words.len() < 12 {
                        topic_words.push(w);
                    }
                }
            }
        }
        for (e, score) in index.search_any(&topic_words, &Filter::default(), POOL)? {
            add(e, 0.0, score, &mut candidates);
        }
        for t in &topics {
            let f = Filter {
                competencies: vec![t.id.clone()],
                ..Filter::default()
            };
            for e in index.list(&f, Some(POOL))? {
                add(e, 0.0, 0.0, &mut candidates);
            }
        }
        // The stories nearest in meaning join the candidates, and every candidate learns
        // how near it is.
        if let Some(wanted) = &wanted {
            self.fill_vectors(&mut index)?;
            const NEAREST: usize = 50;
            let paths: std::collections::HashSet<&str> =
                candidates.iter().map(|c| c.entry.path.as_str()).collect();
            let (nearest, all) =
                index.nearest_and_scores(&Filter::default(), NEAREST, &paths, |v| {
                    crate::meaning::similarity(wanted, v)
                })?;
            drop(paths);
            for (e, _) in nearest {
                add(e, 0.0, 0.0, &mut candidates);
            }
            for c in &mut candidates {
                c.meaning = all.get(&c.entry.path).copied();
            }
        }
        let results = ask::rank(
            question,
            catalogue,
            &topics,
            candidates,
            self.today(),
            limit,
        );
        Ok(Asked {
            question: question.to_owned(),
            competencies: topics.iter().map(|t| t.id.clone()).collect(),
            topics,
            semantic: wanted.is_some(),
            results,
        })
    }
}
