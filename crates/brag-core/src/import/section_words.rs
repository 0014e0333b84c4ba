//! The built-in names of an entry's sections that importers read, beyond the ones
//! [`Section::from_heading`] knows: the words real story banks use for the STAR parts
//! ("My role", "Contributions", "Outcome and impact", "Key learnings") and the STAR names
//! in Portuguese, Spanish, French, German, Italian and Chinese. `[import.sections]` in
//! `brag.toml` adds the user's own on top (see [`super::SectionNames`]).
//!
//! Names of whole document sections (`What I learned`, `Goals`, `Projects`) are left out
//! on purpose: in a brag document they head a list of entries, not a part of one.

use crate::file::Section;
use crate::words::normalize;

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
    let key = normalize(label.trim_start().trim_start_matches(|c: char| {
        c.is_ascii_digit() || ".) ".contains(c) || !c.is_ascii() && !c.is_alphabetic()
    }));
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
    // `Outcome and impact`, `Results & Impact`, `Context / Problem`. Every line of a
    // document comes here: most are no such pair, and are told so before any split.
    let compound = [" and ", " e ", " y ", " et ", " und "]
        .iter()
        .any(|c| key.contains(c));
    if !compound && key.split(' ').nth(2).is_some() {
        return None;
    }
    let parts: Vec<&str> = key
        .split(" and ")
        .flat_map(|p| p.split(" e "))
        .flat_map(|p| p.split(" y "))
        .flat_map(|p| p.split(" et "))
        .flat_map(|p| p.split(" und "))
        .collect();
    if parts.len() < 2 && key.split(' ').count() > 2 {
        return None;
    }
    let words: Vec<&str> = if parts.len() >= 2 {
        parts
    } else {
        key.split(' ').collect()
    };
    let mut found = None;
    for p in words {
        let s = lookup(p.trim())?;
        if found.is_some_and(|f| f != s) {
            return None;
        }
        found = Some(s);
    }
    found
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
