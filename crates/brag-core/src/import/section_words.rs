//! The built-in names of an entry's sections that importers read, beyond the ones
//! [`Section::from_heading`] knows: the words real story banks use for the STAR parts
//! ("My role", "Contributions", "Outcome and impact", "Key learnings") and the STAR names
//! in Portuguese, Spanish, French, German, Italian and Chinese. `[import.sections]` in
//! `brag.toml` adds the user's own on top (see [`super::SectionNames`]).
//!
//! Names of whole document sections (`What I learned`, `Goals`, `Projects`) are left out
//! on purpose: in a brag document they head a list of entries, not a part of one.

use crate::file::{HEADING_NAMES, Section};
use crate::words::{normalize, with_first_letters};

/// Names per section, as [`normalize`] writes them (lowercase words, one space).
const NAMES: &[(Section, &[&str])] = &[
    (
        Section::Situation,
        &[
            "situation",
            "the situation",
            "context",
            "the context",
            "background",
            "problem",
            "the problem",
            "problem statement",
            "scenario",
            "setting",
            // pt, es, fr, de, it
            "situação",
            "contexto",
            "cenário",
            "problema",
            "situación",
            "antecedentes",
            "contexte",
            "problème",
            "ausgangslage",
            "hintergrund",
            "kontext",
            "situazione",
            "contesto",
            // zh
            "情境",
            "情景",
            "情况",
            "背景",
            "场景",
        ],
    ),
    (
        Section::Task,
        &[
            "task",
            "the task",
            "objective",
            "goal",
            "the goal",
            "challenge",
            "the challenge",
            "mission",
            "my role",
            "role",
            "my task",
            "responsibility",
            "my responsibility",
            "what i had to do",
            "tarefa",
            "objetivo",
            "desafio",
            "missão",
            "meu papel",
            "tarea",
            "reto",
            "desafío",
            "mi rol",
            "mi papel",
            "tâche",
            "tache",
            "objectif",
            "défi",
            "mon rôle",
            "aufgabe",
            "ziel",
            "herausforderung",
            "meine rolle",
            "rolle",
            "compito",
            "任务",
            "目标",
            "挑战",
        ],
    ),
    (
        Section::Action,
        &[
            "action",
            "actions",
            "approach",
            "what i did",
            "actions taken",
            "key actions",
            "solution",
            "the solution",
            "contributions",
            "my contributions",
            "contribution",
            "my contribution",
            "execution",
            "implementation",
            "steps taken",
            "how i did it",
            "ação",
            "ações",
            "acao",
            "abordagem",
            "solução",
            "o que eu fiz",
            "o que fiz",
            "acción",
            "acciones",
            "enfoque",
            "solución",
            "lo que hice",
            "qué hice",
            "démarche",
            "approche",
            "ce que j ai fait",
            "actions menées",
            "handlung",
            "handlungen",
            "maßnahmen",
            "massnahmen",
            "vorgehen",
            "lösung",
            "umsetzung",
            "azione",
            "azioni",
            "行动",
            "行為",
            "行为",
            "措施",
            "做法",
        ],
    ),
    (
        Section::Result,
        &[
            "result",
            "results",
            "the result",
            "outcome",
            "outcomes",
            "the outcome",
            "impact",
            "outcome and impact",
            "outcomes and impact",
            "results and impact",
            "result and impact",
            "impact and results",
            "business impact",
            "what happened",
            "resultado",
            "resultados",
            "impacto",
            "résultat",
            "résultats",
            "resultat",
            "ergebnis",
            "ergebnisse",
            "wirkung",
            "risultato",
            "risultati",
            "结果",
            "成果",
            "影响",
        ],
    ),
    (
        Section::Lessons,
        &[
            "lessons",
            "lessons learned",
            "lessons learnt",
            "key learnings",
            "learnings",
            "key takeaways",
            "takeaways",
            "reflection",
            "reflections",
            "what i would do differently",
            "lições",
            "lições aprendidas",
            "aprendizados",
            "lecciones",
            "lecciones aprendidas",
            "aprendizajes",
            "leçons",
            "leçons apprises",
            "enseignements",
            "erkenntnisse",
            "lektionen",
            "learnings und erkenntnisse",
            "lezioni",
            "经验",
            "教训",
            "经验教训",
            "收获",
        ],
    ),
    (
        Section::Metrics,
        &[
            "metrics",
            "numbers",
            "kpis",
            "métricas",
            "métriques",
            "kennzahlen",
            "指标",
        ],
    ),
];

/// Returns the section a built-in name stands for: one of [`NAMES`], after the leading
/// numbering or emoji (`1.`, `🎯`) is set aside; `Outcome & impact` and `Results / Impact`
/// name one section when every part names it.
pub(super) fn builtin(label: &str) -> Option<Section> {
    // A section's name is a few words: a line of prose is none (and costs nothing).
    if label.len() > 60 {
        return None;
    }
    // `1. Result`, `🎯 Result`; not `> Result` (a quote) or `- Result` (a bullet).
    let name = label.trim_start().trim_start_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, '.' | ')' | ' ') || !c.is_ascii() && !c.is_alphabetic()
    });
    let key = normalize(name);
    if label
        .trim_start()
        .starts_with(|c: char| c.is_ascii_punctuation() && c != '*' && c != '_' && c != '#')
    {
        return None;
    }
    if key.is_empty() {
        return None;
    }
    if let Some(s) = lookup(&key) {
        return Some(s);
    }
    // `Outcome and impact`, `Results & Impact`, `Context / Problem`: every part names the
    // one section. Every short line of a document comes here, so its words are read once,
    // with no list made; most are told on the spot that they are no such pair.
    let count = key.split(' ').count();
    let joins = |i: usize, w: &str| i > 0 && i + 1 < count && JOINS.contains(&w);
    let compound = key.split(' ').enumerate().any(|(i, w)| joins(i, w));
    if !compound && count > 2 {
        return None;
    }
    let mut found = None;
    let mut same = |part: &str| -> Option<()> {
        let s = lookup(part)?;
        if found.is_some_and(|f| f != s) {
            return None;
        }
        found = Some(s);
        Some(())
    };
    if compound {
        let (mut start, mut at) = (0, 0);
        for (i, w) in key.split(' ').enumerate() {
            if joins(i, w) {
                same(key[start..at].trim_end())?;
                start = at + w.len() + 1;
            }
            at += w.len() + 1;
        }
        same(&key[start..])?;
    } else {
        for w in key.split(' ') {
            same(w)?;
        }
    }
    found
}

/// The words that join two names of one section: `Outcome and impact`, `Contexto e problema`.
const JOINS: [&str; 5] = ["and", "e", "y", "et", "und"];

/// Returns true when some built-in name opens with a word (lowercase letters).
pub(super) fn opens(word: &str) -> bool {
    // By first byte: every line of a document asks, and most are told no in a step.
    static FIRST: std::sync::LazyLock<Vec<Vec<String>>> = std::sync::LazyLock::new(|| {
        let mut by_byte = vec![Vec::new(); 256];
        let names = NAMES.iter().flat_map(|(_, names)| names.iter().copied());
        for name in names.chain(HEADING_NAMES.iter().map(|(name, _)| *name)) {
            if let Some(first) = with_first_letters(name, str::to_owned) {
                let bucket: &mut Vec<String> = &mut by_byte[usize::from(first.as_bytes()[0])];
                if !bucket.contains(&first) {
                    bucket.push(first);
                }
            }
        }
        by_byte
    });
    let Some(&b) = word.as_bytes().first() else {
        return false;
    };
    FIRST[usize::from(b)].iter().any(|w| w == word)
}

fn lookup(key: &str) -> Option<Section> {
    static BY_NAME: std::sync::LazyLock<std::collections::HashMap<&'static str, Section>> =
        std::sync::LazyLock::new(|| {
            let mut map = std::collections::HashMap::new();
            for (section, names) in NAMES {
                for name in *names {
                    // The first section to name a word keeps it, as the list reads.
                    map.entry(*name).or_insert(*section);
                }
            }
            map
        });
    BY_NAME.get(key).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_names_in_other_words_and_languages() {
        for (name, want) in [
            ("My role", Section::Task),
            ("Contributions", Section::Action),
            ("Outcome and impact", Section::Result),
            ("Results & Impact", Section::Result),
            ("Key learnings", Section::Lessons),
            ("The challenge", Section::Task),
            ("What I did", Section::Action),
            ("Results", Section::Result),
            ("1. Situação", Section::Situation),
            ("Tarefa", Section::Task),
            ("Ação", Section::Action),
            ("Resultado", Section::Result),
            ("Situación", Section::Situation),
            ("Acción", Section::Action),
            ("Contexte", Section::Situation),
            ("Tâche", Section::Task),
            ("Résultat", Section::Result),
            ("Aufgabe", Section::Task),
            ("Handlung", Section::Action),
            ("Ergebnis", Section::Result),
            ("情境", Section::Situation),
            ("任务", Section::Task),
            ("行动", Section::Action),
            ("结果", Section::Result),
            ("🎯 Result", Section::Result),
        ] {
            assert_eq!(builtin(name), Some(want), "{name}");
        }
        for name in [
            "What I learned",
            "Goals",
            "Projects",
            "Situation and result",
            "Impact on the team's hiring",
            "> the Result",
            "",
        ] {
            assert_eq!(builtin(name), None, "{name}");
        }
    }
}
