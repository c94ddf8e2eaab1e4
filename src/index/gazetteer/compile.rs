//! The gazetteer compiled from its TOML files: places merged by code, and every name, side
//! form, city and compound of abbreviations made a pattern of one automaton.

use std::collections::HashMap;

use aho_corasick::{AhoCorasickBuilder, MatchKind, StartKind};
use serde::Deserialize;

use super::russian::RussianNames;
use super::{Gazetteer, Pattern, Place, PlaceKind, Via, is_han};

#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    place: Vec<RawPlace>,
    ignore: Option<RawIgnore>,
    fixed: Option<RawFixed>,
    armies: Option<RawArmies>,
    sentence_start: Option<RawSentenceStart>,
}

/// Abbreviations whose army is written with 军 (美军, 俄军): the army names the place,
/// as a word of its own (美|军事 is not the United States).
#[derive(Deserialize)]
struct RawArmies {
    abbreviations: Vec<String>,
}

/// Compounds whose places are fixed by usage: `[text, code, code...]`.
#[derive(Deserialize)]
struct RawFixed {
    compounds: Vec<Vec<String>>,
}

/// Names not counted at the start of a sentence, where they are common words.
#[derive(Deserialize)]
struct RawSentenceStart {
    not_names: Vec<String>,
}

#[derive(Deserialize)]
struct RawIgnore {
    patterns: Vec<String>,
}

#[derive(Deserialize, Default)]
struct RawPlace {
    code: String,
    kind: Option<PlaceKind>,
    #[serde(default)]
    zh: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    en_adj: Vec<String>,
    #[serde(default)]
    ru: Vec<String>,
    #[serde(default)]
    ru_forms: Vec<String>,
    #[serde(default)]
    ru_adj: Vec<String>,
    abbr: Option<String>,
    #[serde(default)]
    sides: Vec<String>,
    #[serde(default)]
    cities: Vec<String>,
}

impl RawPlace {
    fn merge(&mut self, more: RawPlace) {
        self.kind = more.kind.or(self.kind);
        for (mine, theirs) in [
            (&mut self.zh, more.zh),
            (&mut self.en, more.en),
            (&mut self.en_adj, more.en_adj),
            (&mut self.ru, more.ru),
            (&mut self.ru_forms, more.ru_forms),
            (&mut self.ru_adj, more.ru_adj),
            (&mut self.sides, more.sides),
            (&mut self.cities, more.cities),
        ] {
            for name in theirs {
                if !mine.contains(&name) {
                    mine.push(name);
                }
            }
        }
        self.abbr = more.abbr.or(self.abbr.take());
    }
}

/// Collects patterns, merging the places of a pattern written the same way twice.
#[derive(Default)]
struct Patterns {
    texts: Vec<String>,
    info: Vec<Pattern>,
    seen: HashMap<String, usize>,
}

impl Patterns {
    fn add(&mut self, text: &str, via: Via, places: Vec<Vec<usize>>) {
        self.add_word(text, via, places, false);
    }

    /// Adds a pattern that may be an adjective (Chinese, российский).
    fn add_word(&mut self, text: &str, via: Via, places: Vec<Vec<usize>>, adjective: bool) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        // Typeset text curls the apostrophe: People’s Republic of China, Côte d’Ivoire.
        if text.contains('\'') {
            self.add_word(&text.replace('\'', "’"), via, places.clone(), adjective);
        }
        if let Some(&i) = self.seen.get(text) {
            let existing = &mut self.info[i];
            // A name beats a side form or city written the same way; two places sharing one
            // form become candidates of one another.
            if existing.places.is_empty() || places.is_empty() {
                return;
            }
            if existing.places.len() == 1 && places.len() == 1 && existing.via == via {
                for p in &places[0] {
                    if !existing.places[0].contains(p) {
                        existing.places[0].push(*p);
                    }
                }
            }
            return;
        }
        self.seen.insert(text.to_string(), self.texts.len());
        self.texts.push(text.to_string());
        self.info.push(Pattern {
            via,
            places,
            whole_word: text.chars().any(|c| c.is_alphabetic() && !is_han(c)),
            adjective,
        });
    }
}

impl Gazetteer {
    /// Builds a gazetteer from TOML files, later files adding to earlier ones by code.
    pub fn from_toml(files: &[&str]) -> Result<Gazetteer, String> {
        let mut raw: Vec<RawPlace> = Vec::new();
        let mut by_code: HashMap<String, usize> = HashMap::new();
        let mut ignore: Vec<String> = Vec::new();
        let mut fixed: Vec<Vec<String>> = Vec::new();
        let mut not_at_sentence_start: Vec<String> = Vec::new();
        let mut armies: Vec<String> = Vec::new();
        for text in files {
            let file: RawFile = toml_edit::de::from_str(text).map_err(|e| e.to_string())?;
            for place in file.place {
                match by_code.get(&place.code) {
                    Some(&i) => raw[i].merge(place),
                    None => {
                        by_code.insert(place.code.clone(), raw.len());
                        raw.push(place);
                    }
                }
            }
            if let Some(i) = file.ignore {
                ignore.extend(i.patterns);
            }
            if let Some(f) = file.fixed {
                fixed.extend(f.compounds);
            }
            if let Some(a) = file.armies {
                armies.extend(a.abbreviations);
            }
            if let Some(s) = file.sentence_start {
                not_at_sentence_start.extend(s.not_names);
            }
        }
        let places: Vec<Place> = raw
            .iter()
            .map(|r| Place {
                code: r.code.clone(),
                kind: r.kind.unwrap_or(PlaceKind::Country),
                zh: r.zh.first().cloned().unwrap_or_default(),
                en: r.en.first().cloned().unwrap_or_else(|| r.code.clone()),
                ru: r.ru.first().cloned().unwrap_or_default(),
            })
            .collect();

        let mut patterns = Patterns::default();
        let mut russian = RussianNames::new();
        for word in &ignore {
            if is_declined(word) {
                russian.add(word, Via::Name, Vec::new(), false);
            } else {
                patterns.add(word, Via::Name, Vec::new());
            }
        }
        for name in &not_at_sentence_start {
            russian.not_at_sentence_start(name);
        }
        for compound in &fixed {
            let Some((text, codes)) = compound.split_first() else {
                continue;
            };
            let places: Option<Vec<Vec<usize>>> = codes
                .iter()
                .map(|code| places.iter().position(|p| p.code == *code).map(|i| vec![i]))
                .collect();
            let places = places.ok_or_else(|| format!("unknown code in compound {text}"))?;
            patterns.add(text, Via::Compound, places);
        }
        let mut abbreviations: Vec<(char, Vec<usize>)> = Vec::new();
        let mut side_abbreviations: Vec<(char, Vec<usize>)> = Vec::new();
        for (i, r) in raw.iter().enumerate() {
            let one = || vec![vec![i]];
            for name in r.zh.iter().chain(&r.en).chain(&r.ru).chain(&r.ru_forms) {
                if is_declined(name) {
                    russian.add(name, Via::Name, one(), false);
                } else {
                    patterns.add(name, Via::Name, one());
                }
            }
            for adjective in &r.en_adj {
                patterns.add_word(adjective, Via::Name, one(), true);
            }
            for stem in &r.ru_adj {
                russian.add(stem, Via::Name, one(), true);
            }
            for city in &r.cities {
                if is_declined(city) {
                    russian.add(city, Via::City, one(), false);
                } else {
                    patterns.add(city, Via::City, one());
                }
            }
            for side in &r.sides {
                patterns.add(side, Via::Side, one());
                // 法 of 法方: too common a character for compounds, not in a list (英、法、美).
                if let Some(c) = side.strip_suffix('方').and_then(|a| a.chars().next()) {
                    side_abbreviations.push((c, vec![i]));
                }
            }
            if let Some(c) = r.abbr.as_deref().and_then(|a| a.chars().next()) {
                match abbreviations.iter_mut().find(|(a, _)| *a == c) {
                    Some((_, list)) => list.push(i),
                    None => abbreviations.push((c, vec![i])),
                }
            }
        }
        for (c, candidates) in &abbreviations {
            patterns.add(&format!("{c}方"), Via::Side, vec![candidates.clone()]);
            if armies.iter().any(|a| a.starts_with(*c)) {
                patterns.add(&format!("{c}军"), Via::Name, vec![candidates.clone()]);
            }
        }
        for compound in compounds(&abbreviations) {
            let text: String = compound.iter().map(|(c, _)| *c).collect();
            let places = compound.into_iter().map(|(_, p)| p).collect();
            patterns.add(&text, Via::Compound, places);
        }

        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(&patterns.texts)
            .map_err(|e| e.to_string())?;
        Ok(Gazetteer {
            places,
            automaton,
            patterns: patterns.info,
            russian,
            abbreviations: abbreviations
                .into_iter()
                .chain(side_abbreviations)
                .map(|(c, candidates)| (c, vec![candidates]))
                .collect(),
        })
    }
}

/// Whether a name is Russian and declined (Россия, Соединённые Штаты), not an abbreviation
/// written in capitals (КНР, США), which stays as it is.
fn is_declined(name: &str) -> bool {
    name.chars()
        .any(|c| ('\u{430}'..='\u{44f}').contains(&c) || c == 'ё')
}

/// Compounds of two or three abbreviations that include 中 (中吉, 吉中, 中吉乌). Compounds
/// starting with 日 are left out: "今日中国" is today's China, not Japan.
fn compounds(abbreviations: &[(char, Vec<usize>)]) -> Vec<Vec<(char, Vec<usize>)>> {
    let mut out = Vec::new();
    let n = abbreviations.len();
    for a in 0..n {
        for b in 0..n {
            if a == b {
                continue;
            }
            let pair = [&abbreviations[a], &abbreviations[b]];
            if pair.iter().any(|(c, _)| *c == '中') && pair[0].0 != '日' {
                out.push(pair.iter().map(|(c, p)| (*c, p.clone())).collect());
            }
            for c in 0..n {
                if c == a || c == b {
                    continue;
                }
                let triple = [&abbreviations[a], &abbreviations[b], &abbreviations[c]];
                if triple.iter().any(|(ch, _)| *ch == '中') && triple[0].0 != '日' {
                    out.push(triple.iter().map(|(ch, p)| (*ch, p.clone())).collect());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::gazetteer::CURATED;

    #[test]
    fn every_member_state_has_curated_chinese_and_russian_names() {
        let curated: RawFile = toml_edit::de::from_str(CURATED).unwrap();
        let g = Gazetteer::bundled();
        for p in g.places.iter().filter(|p| p.kind == PlaceKind::Country) {
            let entry = curated.place.iter().find(|c| c.code == p.code);
            assert!(
                entry.is_some_and(|e| !e.zh.is_empty() && !e.ru.is_empty()),
                "{} has no official names in curated.toml",
                p.code
            );
        }
        for (official, code) in [
            ("乌拉圭东岸共和国", "UY"),
            ("Великое Герцогство Люксембург", "LU"),
            ("斯里兰卡民主社会主义共和国", "LK"),
        ] {
            let hits = g.find(official);
            assert_eq!(hits.len(), 1, "{official}");
            assert_eq!(g.places[hits[0].places[0][0]].code, code);
        }
    }
}
