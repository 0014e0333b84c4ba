//! Finding the story that answers an interview question.
//!
//! Two parts, both pure: which competencies a question is about (BM25 over each
//! competency's name, aliases, keywords, description and sample questions), and how to
//! rank candidate stories once the index has found them by text. The index adapter does
//! the full-text half; [`rank`] combines text relevance, competency tags and the coach's
//! score, so a complete story beats an empty skeleton that happens to share words.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Serialize;

use crate::coach;
use crate::entry::{Entry, Kind};
use crate::framework::Catalogue;
use crate::words::words;

/// Words that carry no meaning in a question ("tell me about a time you…"), and the filler
/// of spoken questions ("so, honestly, I'd love to hear…"): left in, they decide rankings.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "actually",
    "after",
    "again",
    "all",
    "also",
    "an",
    "and",
    "any",
    "anyway",
    "are",
    "as",
    "at",
    "basically",
    "be",
    "been",
    "before",
    "being",
    "bit",
    "but",
    "by",
    "can",
    "could",
    "couldn",
    "describe",
    "did",
    "didn",
    "do",
    "does",
    "doing",
    "don",
    "even",
    "ever",
    "example",
    "experience",
    "for",
    "from",
    "get",
    "give",
    "got",
    "had",
    "handled",
    "happened",
    "has",
    "have",
    "hear",
    "here",
    "honestly",
    "how",
    "i",
    "if",
    "in",
    "instance",
    "into",
    "is",
    "isn",
    "it",
    "its",
    "just",
    "kind",
    "like",
    "ll",
    "lot",
    "love",
    "made",
    "make",
    "makes",
    "making",
    "me",
    "most",
    "my",
    "no",
    "of",
    "on",
    "once",
    "one",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "people",
    "pretty",
    "re",
    "really",
    "share",
    "situation",
    "so",
    "some",
    "somebody",
    "someone",
    "something",
    "sort",
    "still",
    "story",
    "tell",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "this",
    "those",
    "through",
    "time",
    "times",
    "to",
    "under",
    "up",
    "us",
    "ve",
    "very",
    "walk",
    "want",
    "wanted",
    "wants",
    "was",
    "wasn",
    "way",
    "we",
    "well",
    "were",
    "weren",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yourself",
];

/// Returns the meaningful words of a text: lowercase, stopwords dropped, lightly stemmed.
pub fn terms(text: &str) -> Vec<String> {
    words(text)
        .filter(|w| !STOPWORDS.contains(&w.as_str()) && w.chars().count() > 1)
        .map(|w| stem(&w))
        .collect()
}

/// Returns a word without its commonest English endings: `disagreed` → `disagre`,
/// `mentoring` → `mentor`, `teams` → `team`. Crude, but the same on both sides.
///
/// Not [`crate::words::singular`], the plural-only rule that framework names are matched
/// with: a question and a story rarely use the same form of a verb ("disagreed" and
/// "disagree", "mentored" and "mentoring"), and only this rule makes them meet. With
/// plurals alone the ask evaluation (`crates/brag-app/tests/ask_eval.rs`) keeps 17/18 at
/// hit@3, but three of its questions get other stories in their top three, and "a time
/// you disagreed" no longer shares a term with "disagree and commit".
pub fn stem(w: &str) -> String {
    for suffix in [
        "ations", "ation", "ments", "ment", "ingly", "ings", "ating", "ated", "ates", "ate", "ing",
        "edly", "ed", "ies", "es", "ly", "s", "e",
    ] {
        if let Some(root) = w.strip_suffix(suffix)
            && root.chars().count() >= 3
        {
            return root.to_owned();
        }
    }
    w.to_owned()
}

/// Returns a competency a question is about, with how much (0–1, the best is 1).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Topic {
    /// The competency id.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// Relevance relative to the best match.
    pub weight: f64,
    /// The question's words that pointed to it.
    pub words: Vec<String>,
    /// The competency's own sample question that the question is nearest to in meaning,
    /// when it was read by meaning too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub like: Option<String>,
}

/// Returns the competencies a question is about, best first: those within half of the
/// best BM25 score, at most three.
pub fn topics(catalogue: &Catalogue, question: &str) -> Vec<Topic> {
    let q: Vec<String> = {
        let mut seen = HashSet::new();
        terms(question)
            .into_iter()
            .filter(|t| seen.insert(t.clone()))
            .collect()
    };
    if q.is_empty() {
        return Vec::new();
    }
    // The question's every word, stemmed but not thinned, for matching cue phrases whole.
    let spoken: Vec<String> = words(question).map(|w| stem(&w)).collect();
    // One document per competency; its name and aliases count more than its questions.
    let mut docs: Vec<(String, String, HashMap<String, f64>, f64)> = Vec::new();
    // Terms of a competency's names and keywords: a question must share one of them to be
    // about it; words only its description or sample questions use are too common.
    let mut strong: Vec<HashSet<String>> = Vec::new();
    // Per competency, the cue phrases the question says.
    let mut cued: Vec<Vec<String>> = Vec::new();
    for fw in catalogue.frameworks() {
        for c in &fw.competencies {
            let mut tf: HashMap<String, f64> = HashMap::new();
            let mut len = 0.0;
            let mut add = |text: &str, weight: f64| {
                for t in terms(text) {
                    *tf.entry(t).or_default() += weight;
                    len += weight;
                }
            };
            add(&c.name, 3.0);
            add(&c.id.replace('-', " "), 1.0);
            for a in &c.aliases {
                add(a, 2.0);
            }
            for k in &c.keywords {
                add(k, 2.0);
            }
            add(&c.description, 1.0);
            for question in &c.questions {
                add(question, 0.5);
            }
            docs.push((c.id.clone(), c.name.clone(), tf, len));
            let names = std::iter::once(c.name.as_str())
                .chain(std::iter::once(c.id.as_str()))
                .chain(c.aliases.iter().map(String::as_str))
                .chain(c.keywords.iter().map(String::as_str));
            strong.push(names.flat_map(|n| terms(&n.replace('-', " "))).collect());
            cued.push(
                c.cues
                    .iter()
                    .filter(|cue| says(&spoken, cue))
                    .cloned()
                    .collect(),
            );
        }
    }
    let n = docs.len() as f64;
    let avg = docs.iter().map(|d| d.3).sum::<f64>() / n.max(1.0);
    let df = |t: &str| docs.iter().filter(|d| d.2.contains_key(t)).count() as f64;
    let idf: HashMap<&str, f64> = q
        .iter()
        .map(|t| {
            let df = df(t);
            (t.as_str(), ((n - df + 0.5) / (df + 0.5) + 1.0).ln())
        })
        .collect();
    let (k1, b) = (1.2, 0.75);
    let mut scored: Vec<(f64, usize, Vec<String>)> = docs
        .iter()
        .enumerate()
        .map(|(i, (_, _, tf, len))| {
            let mut score = 0.0;
            let mut words = Vec::new();
            for t in &q {
                if let Some(&f) = tf.get(t) {
                    // A word only the competency's description or sample questions use
                    // ("change", "first") is incidental: it counts half.
                    let incidental = if strong[i].contains(t) { 1.0 } else { 0.5 };
                    score += incidental * idf[t.as_str()] * f * (k1 + 1.0)
                        / (f + k1 * (1.0 - b + b * len / avg));
                    words.push(t.clone());
                }
            }
            // A cue is worth more than a word: it is how questions about it are put.
            for cue in &cued[i] {
                score += CUE_WEIGHT;
                words.push(cue.clone());
            }
            (score, i, words)
        })
        .filter(|(s, i, words)| {
            *s > 0.0 && (!cued[*i].is_empty() || words.iter().any(|w| strong[*i].contains(w)))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let best = scored.first().map_or(0.0, |s| s.0);
    // A single common word is no topic: demand a little evidence.
    if best < 1.0 {
        return Vec::new();
    }
    scored
        .into_iter()
        .take_while(|(s, _, _)| *s >= best * 0.5)
        .take(3)
        .map(|(s, i, words)| Topic {
            id: docs[i].0.clone(),
            name: docs[i].1.clone(),
            weight: s / best,
            words,
            like: None,
        })
        .collect()
}

/// Returns how near in meaning a question is to one competency's own sample questions.
#[derive(Clone, Debug, PartialEq)]
pub struct Resemblance {
    /// The competency id.
    pub id: String,
    /// The mean cosine similarity of the question to the competency's two nearest sample
    /// questions.
    pub score: f64,
    /// The nearest of them.
    pub like: String,
}

/// How far below the most resembled competency another may be and still count, in
/// cosine similarity: a static model's similarities sit in a narrow band.
const RESEMBLANCE_BAND: f64 = 0.1;

/// Under this similarity to the nearest sample question, a question resembles none; from
/// `RESEMBLANCE_SURE` up, its likeness is as sure as a cue said.
const RESEMBLANCE_FLOOR: f64 = 0.35;
const RESEMBLANCE_SURE: f64 = 0.6;

/// Returns the competencies a question is about, read from its words ([`topics`]) and
/// from its meaning: which competencies' own sample questions it resembles. Each counts
/// half. Meaning reads questions put in words no cue foresaw ("the ask was fuzzy"), and
/// words keep a cue that was said from being outvoted by a vague likeness. Best first,
/// those within half of the best, at most three.
pub fn blend(catalogue: &Catalogue, lexical: Vec<Topic>, meant: &[Resemblance]) -> Vec<Topic> {
    let best = meant
        .iter()
        .map(|r| r.score)
        .fold(f64::NEG_INFINITY, f64::max);
    if best < RESEMBLANCE_FLOOR {
        return lexical;
    }
    // How sure the likeness is, and how near each competency comes to the nearest.
    let sure = ((best - RESEMBLANCE_FLOOR) / (RESEMBLANCE_SURE - RESEMBLANCE_FLOOR)).min(1.0);
    let near = |r: &Resemblance| {
        sure * ((r.score - (best - RESEMBLANCE_BAND)) / RESEMBLANCE_BAND).max(0.0)
    };
    let mut blended: Vec<(f64, Topic)> = lexical
        .into_iter()
        .map(|t| {
            let m = meant.iter().find(|r| r.id == t.id);
            let like = m.filter(|r| near(r) > 0.0).map(|r| r.like.clone());
            // A cue said is how questions about it are put: no likeness outvotes it.
            let cued = catalogue
                .competency(&t.id)
                .is_some_and(|c| t.words.iter().any(|w| c.cues.contains(w)));
            let blended = 0.5 * t.weight + 0.5 * m.map_or(0.0, near);
            (
                if cued { blended.max(t.weight) } else { blended },
                Topic { like, ..t },
            )
        })
        .collect();
    for r in meant {
        if near(r) <= 0.0 || blended.iter().any(|(_, t)| t.id == r.id) {
            continue;
        }
        let Some(c) = catalogue.competency(&r.id) else {
            continue;
        };
        blended.push((
            0.5 * near(r),
            Topic {
                id: r.id.clone(),
                name: c.name.clone(),
                weight: 0.0,
                words: Vec::new(),
                like: Some(r.like.clone()),
            },
        ));
    }
    blended.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    // Weights relative to the best, unless the best itself is weak: a vague likeness and
    // no word said is a weak reading, and a vaguer one none.
    let top = blended.first().map_or(0.0, |b| b.0);
    if top < 0.2 {
        return Vec::new();
    }
    blended
        .into_iter()
        .take_while(|(s, _)| *s > 0.0 && *s >= top * 0.5)
        .take(3)
        .map(|(s, t)| Topic {
            weight: s / top.max(0.5),
            ..t
        })
        .collect()
}

/// What one cue phrase said in a question adds to its competency's score (BM25 terms
/// add about 1 to 3 each): more than the incidental words a question shares with a
/// competency's sample questions ("change", "first") can add up to.
const CUE_WEIGHT: f64 = 4.0;

/// Returns true when the question's words (stemmed) hold the cue's words in a row, or
/// with one object pronoun or softening adverb between two of them: a phrasal verb is
/// split by its object ("cleaned it up", "pushed them back") as often as not, and people
/// soften what they say ("wasn't really defined").
fn says(spoken: &[String], cue: &str) -> bool {
    says_stems(spoken, &words(cue).map(|w| stem(&w)).collect::<Vec<_>>())
}

/// [`says`], with the cue's words stemmed already.
fn says_stems(spoken: &[String], cue: &[String]) -> bool {
    !cue.is_empty() && (0..spoken.len()).any(|start| says_at(spoken, cue, start))
}

/// Returns true when the cue is said from the word at `start` on (see [`says`]).
fn says_at(spoken: &[String], cue: &[String], start: usize) -> bool {
    // Stemmed, as the words they stand between are.
    static BETWEEN: LazyLock<Vec<String>> = LazyLock::new(|| {
        [
            "it", "them", "this", "that", "him", "her", "us", "me", "really", "very", "quite",
            "fully", "clearly", "properly", "totally",
        ]
        .iter()
        .map(|w| stem(w))
        .collect()
    });
    let mut at = start;
    for (i, w) in cue.iter().enumerate() {
        if i > 0
            && spoken.get(at).is_some_and(|s| BETWEEN.contains(s))
            && spoken.get(at + 1) == Some(w)
        {
            at += 1;
        }
        if spoken.get(at) != Some(w) {
            return false;
        }
        at += 1;
    }
    true
}

/// Returns a story the index found for a question, with its full-text relevance.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The story.
    pub entry: Entry,
    /// BM25 relevance to the question's own words (0 when not found by text).
    pub question_score: f64,
    /// BM25 relevance to the topics' keywords (0 when not found by them).
    pub topic_score: f64,
    /// How near the story is in meaning to the question: cosine similarity, `None`
    /// when the index keeps no vectors.
    pub meaning: Option<f64>,
}

/// Returns one answer to a question.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Answer {
    /// The entry's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// How well it answers, 0–100.
    pub score: f64,
    /// Why: the competency and the words that matched.
    pub why: String,
}

/// How far below the nearest story in meaning a story may be and still count as near:
/// cosine similarities of a static model sit in a narrow band.
const MEANING_BAND: f64 = 0.25;

/// A story whose relevance (all but the coach's score and recency) is under this share of
/// the best answer's is too weak to show as an answer.
const CUT_OFF: f64 = 0.35;

/// Returns the best answers among the candidates, best first, at most `limit`.
///
/// Relevance first: the question's words in the story (title and what was done count
/// over its setting, the setting over its notes: the index weighs them so), how near it
/// is in meaning, whether it carries a competency the question is about (as a tag or
/// with its written "why"), and the topics' keywords in it. Then, gently, the coach's
/// score and recency (the last two years count most). A story with no STAR text is never
/// an answer; a win counts four fifths of a story. What is not the user's story (a draft
/// from harvest, `draft: true`; a list of questions; a table) is shown only when no story
/// fits, however well it matches. And nothing whose relevance is under about a third of
/// the best (`CUT_OFF`) is shown.
pub fn rank(
    question: &str,
    catalogue: &Catalogue,
    topics: &[Topic],
    candidates: Vec<Candidate>,
    today: jiff::civil::Date,
    limit: usize,
) -> Vec<Answer> {
    let signs = Signs::new(catalogue, topics);
    let max_q = candidates
        .iter()
        .map(|c| c.question_score)
        .fold(0.0, f64::max);
    let max_t = candidates.iter().map(|c| c.topic_score).fold(0.0, f64::max);
    let max_m = candidates
        .iter()
        .filter_map(|c| c.meaning)
        .fold(f64::NEG_INFINITY, f64::max);
    let by_meaning = max_m.is_finite();
    let rel = |x: f64, max: f64| if max > 0.0 { x / max } else { 0.0 };
    // Relevance first, for every candidate: it is cheap, and it decides which are worth
    // coaching and explaining.
    // With each, the topic its words show best, for `why`.
    let mut relevant: Vec<(f64, Candidate, Option<Shown>)> = Vec::with_capacity(candidates.len());
    for c in candidates {
        let e = &c.entry;
        if !matches!(e.kind, Kind::Story | Kind::Win)
            || (e.kind == Kind::Story && e.star_is_empty())
        {
            continue;
        }
        let text = rel(c.question_score, max_q);
        let topic_text = rel(c.topic_score, max_t);
        let meaning = c.meaning.map_or(0.0, |m| {
            ((m - (max_m - MEANING_BAND)) / MEANING_BAND).clamp(0.0, 1.0)
        });
        let said = signs.said(e, topics);
        let tag = shows(e, topics, &said);
        // The competency weighs most: a question is about one, and a story that shows
        // it answers even in other words. Words and meaning share the rest.
        let relevance = if by_meaning {
            0.25 * text + 0.25 * meaning + 0.40 * tag + 0.10 * topic_text
        } else {
            0.45 * text + 0.40 * tag + 0.15 * topic_text
        };
        relevant.push((relevance, c, said.into_iter().next()));
    }
    relevant.sort_by(|a, b| b.0.total_cmp(&a.0));
    // The cut-off is a share of the best relevance of any entry the coach scores above
    // zero; in that order, the coach stops at the first entry under it.
    let mut best: Option<f64> = None;
    let mut answers: Vec<((bool, f64), Option<Shown>, Entry)> = Vec::new();
    for (relevance, c, reads_as) in relevant {
        if relevance <= 0.0 || best.is_some_and(|b| relevance < b * CUT_OFF) {
            break;
        }
        let e = c.entry;
        let report = coach::coach(&e, today);
        if report.score == 0 {
            continue;
        }
        best.get_or_insert(relevance);
        let quality = f64::from(report.score) / 100.0;
        let mut score = 0.85 * relevance + 0.10 * quality + 0.05 * recency(e.date, today);
        if e.kind == Kind::Win {
            score *= 0.8;
        }
        let not_a_story = e.is_draft() || is_question_list(&e) || is_table(&e);
        if not_a_story {
            score *= 0.5;
        }
        answers.push(((not_a_story, score), reads_as, e));
    }
    answers.sort_by(|((a_not, a), _, x), ((b_not, b), _, y)| {
        a_not
            .cmp(b_not)
            .then_with(|| b.total_cmp(a))
            .then_with(|| x.id.cmp(&y.id))
    });
    // What is not a story is shown only when no story passes the cut-off: when nothing
    // else fits.
    let stories_fit = answers.iter().any(|((not, _), _, _)| !*not);
    answers
        .into_iter()
        .filter(|((not_a_story, _), _, _)| !(stories_fit && *not_a_story))
        .take(limit)
        .map(|((not_a_story, score), reads_as, e)| {
            let shows: Vec<&Topic> = tagged(&e, topics).collect();
            let mut why = explain(&e, question, topics, &shows, reads_as.as_ref());
            if e.is_draft() {
                why.push_str("; a draft from harvest: review it before telling it");
            } else if not_a_story {
                why.push_str("; not a story: a list or table");
            }
            Answer {
                id: e.id.to_string(),
                title: e.title.clone(),
                score: (score * 1000.0).round() / 10.0,
                why,
            }
        })
        .collect()
}

/// How much a competency a story shows by its words counts against one it carries: the
/// user's tag is their word, a phrase is a sign.
const SHOWN: f64 = 0.75;

/// How much a competency a story carries counts when its words do not say it too.
const TAGGED: f64 = 0.8;

/// Returns the phrases that show the question's topics in a story: each competency's
/// signs, and its cues of more than one word (one word such as "customer" is in too many
/// stories to show anything). Stemmed once per question.
struct Signs<'a> {
    /// Per topic, its phrases.
    by_topic: Vec<(&'a Topic, Vec<Phrase<'a>>)>,
}

/// Returns a phrase as written and as its stemmed words.
type Phrase<'a> = (&'a str, Vec<String>);

/// Returns a topic a story shows by its words, not its tags.
struct Shown<'a> {
    /// The topic.
    topic: &'a Topic,
    /// How sure the story's words are, 0–1: one phrase is half sure, two are sure.
    weight: f64,
    /// The phrases the story says.
    phrases: Vec<&'a str>,
}

impl<'a> Signs<'a> {
    fn new(catalogue: &'a Catalogue, topics: &'a [Topic]) -> Signs<'a> {
        let by_topic = topics
            .iter()
            .filter_map(|t| {
                let c = catalogue.competency(&t.id)?;
                let phrases: Vec<Phrase> = c
                    .signs
                    .iter()
                    .chain(
                        c.cues
                            .iter()
                            .filter(|cue| cue.split_whitespace().count() > 1),
                    )
                    .map(|p| (p.as_str(), words(p).map(|w| stem(&w)).collect::<Vec<_>>()))
                    .filter(|(_, stems)| !stems.is_empty())
                    .collect();
                (!phrases.is_empty()).then_some((t, phrases))
            })
            .collect();
        Signs { by_topic }
    }

    /// Returns how surely a story's title, STAR and written "why"s show each topic by
    /// what they say, the sure ones first: one phrase is half sure, two are sure.
    fn said(&self, e: &Entry, topics: &[Topic]) -> Vec<Shown<'a>> {
        // Only a story that carries one of the topics, or none at all, can use them.
        if self.by_topic.is_empty() || !(carries_none(e) || tagged(e, topics).next().is_some()) {
            return Vec::new();
        }
        let spoken: Vec<String> = [&e.title, &e.situation, &e.task, &e.action, &e.result]
            .into_iter()
            .chain(e.competency_notes.values())
            .flat_map(|part| words(part))
            .map(|w| stem(&w))
            .collect();
        // Where each word stands, so that a phrase is looked for only where it could start.
        let mut at: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, w) in spoken.iter().enumerate() {
            at.entry(w.as_str()).or_default().push(i);
        }
        let says = |stems: &[String]| {
            stems.first().is_some_and(|first| {
                at.get(first.as_str())
                    .is_some_and(|starts| starts.iter().any(|&i| says_at(&spoken, stems, i)))
            })
        };
        let mut shown: Vec<Shown<'a>> = self
            .by_topic
            .iter()
            .filter_map(|(topic, phrases)| {
                // Phrases that say the same ("push back", "pushed back") or one within
                // another ("no say", "no say over") count once.
                let mut said: Vec<(&'a str, &[String])> = Vec::new();
                for (phrase, stems) in phrases {
                    let again = said.iter().any(|(_, s)| {
                        s.windows(stems.len()).any(|w| w == stems.as_slice())
                            || stems.windows(s.len()).any(|w| w == *s)
                    });
                    if !again && says(stems) {
                        said.push((phrase, stems));
                    }
                }
                let said: Vec<&'a str> = said.into_iter().map(|(p, _)| p).collect();
                (!said.is_empty()).then(|| Shown {
                    topic,
                    weight: (said.len() as f64 / 2.0).min(1.0),
                    phrases: said,
                })
            })
            .collect();
        shown.sort_by(|a, b| (b.weight * b.topic.weight).total_cmp(&(a.weight * a.topic.weight)));
        shown
    }
}

/// Returns how much a story shows the question's topics, 0–1: the best topic's weight,
/// for a competency the story carries (as a tag or with its written "why"), most when
/// its words say so too; for a story that carries none, by its words alone, less surely.
fn shows(e: &Entry, topics: &[Topic], said: &[Shown]) -> f64 {
    let sure = |t: &Topic| {
        said.iter()
            .find(|s| s.topic.id == t.id)
            .map_or(0.0, |s| s.weight)
    };
    let carries_none = carries_none(e);
    topics
        .iter()
        .map(|t| {
            if carries(e, t) {
                t.weight * (TAGGED + (1.0 - TAGGED) * sure(t))
            } else if carries_none {
                t.weight * SHOWN * sure(t)
            } else {
                0.0
            }
        })
        .fold(0.0, f64::max)
}

/// Returns true when a story carries a topic's competency: as a tag, or with its "why".
fn carries(e: &Entry, t: &Topic) -> bool {
    e.competencies.iter().any(|c| c == &t.id) || e.competency_notes.contains_key(&t.id)
}

/// Returns true when a story carries no competency at all.
fn carries_none(e: &Entry) -> bool {
    e.competencies.is_empty() && e.competency_notes.is_empty()
}

/// Returns the topics a story carries.
fn tagged<'a>(e: &'a Entry, topics: &'a [Topic]) -> impl Iterator<Item = &'a Topic> + 'a {
    topics.iter().filter(|t| carries(e, t))
}

/// Returns 1 for a story of the last two years, falling to 0 at six years old: recent
/// work is what a reviewer or interviewer wants to hear first.
fn recency(date: Option<jiff::civil::Date>, today: jiff::civil::Date) -> f64 {
    let Some(d) = date else { return 0.5 };
    let days = (today - d).get_days() as f64;
    let years = days / 365.25;
    (1.0 - (years - 2.0).max(0.0) / 4.0).clamp(0.0, 1.0)
}

/// Returns true when most of an entry's lines are questions ("Tell me about a time…?"):
/// a list to prepare for, not a story that answers one.
fn is_question_list(e: &Entry) -> bool {
    let lines: Vec<&str> = e
        .text
        .lines()
        .map(|l| l.trim().trim_start_matches(['-', '*', '+', ' ']).trim())
        .filter(|l| !l.is_empty())
        .collect();
    let asked = lines
        .iter()
        .filter(|l| {
            let lower = l.to_lowercase();
            l.ends_with('?')
                || [
                    "tell me",
                    "describe a",
                    "describe the",
                    "give an example",
                    "walk me",
                ]
                .iter()
                .any(|p| lower.starts_with(p))
        })
        .count();
    asked >= 3 && asked * 2 >= lines.len()
}

/// Returns true when most of an entry's lines are table rows: a summary that restates
/// stories, not one.
fn is_table(e: &Entry) -> bool {
    let body = e.search_body();
    let lines: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let rows = lines.iter().filter(|l| l.starts_with('|')).count();
    rows >= 3 && rows * 2 >= lines.len()
}

fn explain(
    e: &Entry,
    question: &str,
    topics: &[Topic],
    tagged: &[&Topic],
    said: Option<&Shown>,
) -> String {
    let story_terms: HashSet<String> = terms(&format!("{} {}", e.title, e.search_body()))
        .into_iter()
        .collect();
    // The question's own words, in its order, whose stems the story shares.
    let mut matched: Vec<String> = Vec::new();
    for w in words(question) {
        if terms(&w).first().is_some_and(|t| story_terms.contains(t)) && !matched.contains(&w) {
            matched.push(w);
        }
    }
    let mut parts = Vec::new();
    if let Some(t) = tagged.first() {
        parts.push(format!("shows {}", t.name));
    } else if let Some(s) = said.filter(|_| carries_none(e)) {
        let phrases: Vec<&str> = s.phrases.iter().take(3).copied().collect();
        parts.push(format!(
            "reads as {} (says \"{}\")",
            s.topic.name,
            phrases.join("\", \"")
        ));
    } else if let Some(t) = topics.first() {
        parts.push(format!("about {}", t.name));
    }
    if !matched.is_empty() {
        let words: Vec<&str> = matched.iter().take(5).map(String::as_str).collect();
        parts.push(format!("matches \"{}\"", words.join("\", \"")));
    }
    if parts.is_empty() {
        parts.push("a complete story on a related subject".to_owned());
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_drop_stopwords_and_stem() {
        assert_eq!(
            terms("Tell me about a time you disagreed with your manager"),
            ["disagre", "manager"]
        );
        assert_eq!(stem("mentoring"), "mentor");
        assert_eq!(stem("teams"), "team");
    }

    /// Issue 11: a harvested draft that matches more words than the user's story still
    /// ranks below it: drafts are unreviewed.
    #[test]
    fn rank_puts_drafts_after_the_users_stories() {
        let today = jiff::civil::date(2026, 11, 25);
        let story = Entry {
            id: crate::entry::EntryId("2025-06-10-pushed-back".into()),
            kind: Kind::Story,
            date: Some(jiff::civil::date(2025, 6, 10)),
            title: "Pushed back on the rewrite".into(),
            situation: "My lead wanted to rewrite billing before the audit.".into(),
            action: "I pushed back with data on where the incidents came from.".into(),
            result: "Incidents fell from 9 to 2 a month; the audit passed.".into(),
            ..Entry::default()
        };
        let mut draft = Entry {
            id: crate::entry::EntryId("2026-03-04-job-manager".into()),
            kind: Kind::Win,
            date: Some(jiff::civil::date(2026, 3, 4)),
            title: "Teach the job manager to retry".into(),
            text: "- 1234567 Teach the job manager to retry".into(),
            ..Entry::default()
        };
        draft
            .extra
            .insert("draft".into(), serde_json::Value::Bool(true));
        let reviewed = Entry {
            id: crate::entry::EntryId("2026-03-05-reviewed".into()),
            extra: Default::default(),
            ..draft.clone()
        };
        let candidate = |entry: &Entry, q: f64, t: f64| Candidate {
            entry: entry.clone(),
            question_score: q,
            topic_score: t,
            meaning: None,
        };
        let ask = |candidates: Vec<Candidate>| {
            rank(
                "a time you disagreed with your manager",
                &Catalogue::builtin(),
                &[],
                candidates,
                today,
                5,
            )
        };
        let ids =
            |answers: &[Answer]| -> Vec<String> { answers.iter().map(|a| a.id.clone()).collect() };
        let answers = ask(vec![
            candidate(&draft, 9.0, 9.0),
            candidate(&story, 6.0, 6.0),
            candidate(&reviewed, 9.0, 9.0),
        ]);
        // The draft is no answer while the user's own entries are.
        assert_eq!(
            ids(&answers),
            ["2026-03-05-reviewed", "2025-06-10-pushed-back"],
            "{answers:#?}"
        );
        // Alone, it is shown, and said to be a draft.
        let answers = ask(vec![candidate(&draft, 9.0, 9.0)]);
        assert_eq!(ids(&answers), ["2026-03-04-job-manager"]);
        assert!(answers[0].why.contains("draft"), "{}", answers[0].why);
        // A story far weaker than the best is cut off.
        let answers = ask(vec![
            candidate(&reviewed, 9.0, 9.0),
            candidate(&story, 0.5, 0.0),
        ]);
        assert_eq!(ids(&answers), ["2026-03-05-reviewed"], "{answers:#?}");
    }

    /// A list of interview questions shares every word with the question, and is no
    /// answer to it.
    #[test]
    fn a_story_with_no_competency_shows_one_by_what_it_says() {
        let today = jiff::civil::date(2026, 11, 25);
        let cat = Catalogue::new(vec![crate::framework::builtin()[0].clone()]);
        let story = |id: &str, title: &str, task: &str, action: &str| Entry {
            id: crate::entry::EntryId(id.into()),
            kind: Kind::Story,
            date: Some(jiff::civil::date(2025, 6, 10)),
            title: title.into(),
            task: task.into(),
            action: action.into(),
            result: "It shipped in May.".into(),
            ..Entry::default()
        };
        let pushed = story(
            "2025-06-10-sso-date",
            "The SSO date",
            "My director had promised March; I pushed back.",
            "I challenged the date with a breakdown and would not commit the team to it.",
        );
        let once = story(
            "2025-06-11-once",
            "The other date",
            "I pushed back on the date.",
            "I wrote a plan and push back again the week after.",
        );
        let cache = story(
            "2025-06-12-cache",
            "A faster cache",
            "Make the page load faster.",
            "I added a cache in front of the database.",
        );
        let mut tagged = cache.clone();
        tagged.id = crate::entry::EntryId("2025-06-13-tagged".into());
        tagged.competencies = vec!["have-backbone-disagree-and-commit".into()];
        let question = "Tell me about a time you disagreed with a decision made above you";
        let topics = topics(&cat, question);
        assert_eq!(topics[0].id, "have-backbone-disagree-and-commit");
        let signs = Signs::new(&cat, &topics);
        // Three phrases are sure; "push back" and "pushed back" are one.
        let said = signs.said(&pushed, &topics);
        assert_eq!(said[0].weight, 1.0, "{:?}", said[0].phrases);
        assert_eq!(signs.said(&once, &topics)[0].weight, 0.5);
        assert!(signs.said(&cache, &topics).is_empty());
        let words_say = shows(&pushed, &topics, &said);
        let tag_says = shows(&tagged, &topics, &signs.said(&tagged, &topics));
        assert!(
            words_say > 0.0 && words_say < tag_says,
            "a tag counts more than words: {words_say} vs {tag_says}"
        );
        let candidate = |e: &Entry| Candidate {
            entry: e.clone(),
            question_score: 1.0,
            topic_score: 0.0,
            meaning: None,
        };
        let answers = rank(
            question,
            &cat,
            &topics,
            vec![candidate(&cache), candidate(&pushed)],
            today,
            5,
        );
        assert_eq!(answers[0].id, "2025-06-10-sso-date", "{answers:#?}");
        assert!(
            answers[0]
                .why
                .starts_with("reads as Have Backbone; Disagree and Commit (says \"pushed back\""),
            "{}",
            answers[0].why
        );
    }

    #[test]
    fn a_list_of_questions_is_no_answer() {
        let today = jiff::civil::date(2026, 11, 25);
        let list = Entry {
            id: crate::entry::EntryId("2025-08-01-questions".into()),
            kind: Kind::Story,
            date: Some(jiff::civil::date(2025, 8, 1)),
            title: "Interview questions".into(),
            text: "- Tell me about a time you disagreed with your manager.\n- Describe a failure.\n- What is your hardest bug?\n".into(),
            ..Entry::default()
        };
        let story = Entry {
            id: crate::entry::EntryId("2025-06-10-pushed-back".into()),
            kind: Kind::Story,
            date: Some(jiff::civil::date(2025, 6, 10)),
            title: "Pushed back on the rewrite".into(),
            situation: "My lead wanted to rewrite billing before the audit.".into(),
            action: "I pushed back with data.".into(),
            result: "Incidents fell from 9 to 2 a month.".into(),
            ..Entry::default()
        };
        assert!(is_question_list(&list));
        assert!(!is_question_list(&story));
        let c = |entry: &Entry, q: f64| Candidate {
            entry: entry.clone(),
            question_score: q,
            topic_score: 0.0,
            meaning: None,
        };
        let answers = rank(
            "a time you disagreed",
            &Catalogue::builtin(),
            &[],
            vec![c(&list, 9.0), c(&story, 5.0)],
            today,
            5,
        );
        let ids: Vec<&str> = answers.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["2025-06-10-pushed-back"]);
    }

    #[test]
    fn recency_favours_the_last_two_years() {
        let today = jiff::civil::date(2026, 11, 25);
        assert_eq!(recency(Some(jiff::civil::date(2025, 1, 1)), today), 1.0);
        assert!(recency(Some(jiff::civil::date(2021, 1, 1)), today) < 0.6);
        assert_eq!(recency(Some(jiff::civil::date(2015, 1, 1)), today), 0.0);
    }

    #[test]
    fn topics_of_questions() {
        let amazon = crate::framework::builtin()[0].clone();
        let cat = Catalogue::new(vec![amazon]);
        for (q, want) in [
            (
                "a time you disagreed with your manager and pushed back",
                "have-backbone-disagree-and-commit",
            ),
            (
                "how do you mentor and coach junior engineers",
                "hire-and-develop-the-best",
            ),
            ("a time you cut costs on a tight budget", "frugality"),
            ("how did you find the root cause of a bug", "dive-deep"),
        ] {
            let t = topics(&cat, q);
            assert_eq!(t.first().map(|t| t.id.as_str()), Some(want), "{q}: {t:?}");
        }
        assert!(topics(&cat, "tell me about yourself").is_empty());
        let both = Catalogue::builtin();
        assert_eq!(
            topics(&both, "how do you mentor junior engineers")[0].id,
            "mentorship"
        );
    }

    #[test]
    fn blend_reads_by_meaning_when_words_say_nothing_and_keeps_a_said_cue() {
        let amazon = crate::framework::builtin()[0].clone();
        let cat = Catalogue::new(vec![amazon]);
        let like = |id: &str, score: f64| Resemblance {
            id: id.to_owned(),
            score,
            like: format!("a question about {id}"),
        };
        // No word said: the likeness alone reads it, as sure as it is.
        let read = blend(
            &cat,
            Vec::new(),
            &[like("frugality", 0.7), like("ownership", 0.4)],
        );
        assert_eq!(read.len(), 1, "{read:?}");
        assert_eq!(read[0].id, "frugality");
        assert!((read[0].weight - 1.0).abs() < 1e-9, "{read:?}");
        assert_eq!(read[0].like.as_deref(), Some("a question about frugality"));
        // A vague likeness of everything is no reading at all.
        let vague = [like("frugality", 0.40), like("ownership", 0.39)];
        assert!(blend(&cat, Vec::new(), &vague).is_empty());
        // A cue said outweighs a competency the question only resembles.
        let said = topics(&cat, "a time you pushed back on your manager");
        assert_eq!(said[0].id, "have-backbone-disagree-and-commit");
        let read = blend(&cat, said.clone(), &[like("earn-trust", 0.6)]);
        assert_eq!(read[0].id, "have-backbone-disagree-and-commit", "{read:?}");
        assert!((read[0].weight - 1.0).abs() < 1e-9, "{read:?}");
        assert!(
            read.iter()
                .filter(|t| t.id == "earn-trust")
                .all(|t| t.weight <= 0.5 + 1e-9),
            "{read:?}"
        );
        // A likeness as sure as a cue counts as much as words that said no cue.
        let weak = topics(&cat, "a time you were accountable");
        let read = blend(&cat, weak, &[like("earn-trust", 0.6)]);
        assert!(read.iter().any(|t| t.id == "earn-trust"), "{read:?}");
        // Words and meaning agreeing make the surest reading.
        let agree = blend(
            &cat,
            said.clone(),
            &[like("have-backbone-disagree-and-commit", 0.6)],
        );
        assert_eq!(agree[0].id, "have-backbone-disagree-and-commit");
        assert!((agree[0].weight - 1.0).abs() < 1e-9, "{agree:?}");
        // Nothing resembled: the words' reading, unchanged.
        assert_eq!(blend(&cat, said.clone(), &[]), said);
    }

    #[test]
    fn a_cue_is_said_whole_or_split_by_its_object_or_an_adverb() {
        let spoken = |q: &str| -> Vec<String> { words(q).map(|w| stem(&w)).collect() };
        assert!(says(&spoken("a time you cleaned up a mess"), "cleaned up"));
        assert!(says(&spoken("a time you cleaned it up"), "cleaned up"));
        assert!(says(&spoken("you pushed them back"), "pushed back"));
        assert!(!says(&spoken("you cleaned the kitchen up"), "cleaned up"));
        assert!(!says(&spoken("up and cleaned"), "cleaned up"));
        assert!(!says(&spoken("cleaned it"), "cleaned up"));
        assert!(says(
            &spoken("the ask wasn't really defined"),
            "wasn't defined"
        ));
        assert!(!says(
            &spoken("wasn't ever going to be defined"),
            "wasn't defined"
        ));
    }
}
