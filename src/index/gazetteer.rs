//! The gazetteer: every UN member state, some regions and the organisations briefings talk
//! about, with their names in Chinese, English and Russian, side forms (吉方), compounds
//! (中吉乌) and cities. It is data (`gazetteer/base.toml`, generated from CLDR, and
//! `gazetteer/curated.toml`, the project's own), compiled once into one multi-pattern
//! automaton (leftmost-longest), so a text is scanned once whatever the number of names.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;

const BASE: &str = include_str!("gazetteer/base.toml");
const CURATED: &str = include_str!("gazetteer/curated.toml");

/// What kind of place a gazetteer entry is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A UN member state.
    Country,
    /// A place with an ISO 3166 code of its own that is not a UN member state.
    Region,
    /// An international organisation.
    Organisation,
}

/// One country, region or organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// ISO 3166 alpha-2 code, or the organisation's short name.
    pub code: String,
    /// Country, region or organisation.
    pub kind: PlaceKind,
    /// Its usual Chinese name.
    pub zh: String,
    /// Its usual English name.
    pub en: String,
    /// Its usual Russian name.
    pub ru: String,
}

/// How a mention names its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// By a name or an adjective (吉尔吉斯斯坦, Kyrgyzstan, России, Chinese).
    Name,
    /// By a side form (吉方, 中方).
    Side,
    /// Inside a compound of abbreviations (中吉乌).
    Compound,
    /// By one of its cities (比什凯克 → Kyrgyzstan).
    City,
}

/// A stretch of text that names one or more places.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit<'g> {
    /// Byte range in the text.
    pub range: std::ops::Range<usize>,
    /// How it names them.
    pub via: Via,
    /// For each place named: the candidates (one when certain, several when the form is
    /// shared, like 乌 for Uzbekistan and Ukraine).
    pub places: &'g [Vec<usize>],
}

/// The compiled gazetteer.
pub struct Gazetteer {
    /// Every place, indexed by the numbers in hits.
    pub places: Vec<Place>,
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
}

struct Pattern {
    via: Via,
    places: Vec<Vec<usize>>,
    /// Latin or Cyrillic names must stand as whole words.
    whole_word: bool,
}

#[derive(Deserialize)]
struct RawFile {
    #[serde(default)]
    place: Vec<RawPlace>,
    ignore: Option<RawIgnore>,
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
        let text = text.trim();
        if text.is_empty() {
            return;
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
        });
    }
}

impl Gazetteer {
    /// The gazetteer built into brief, compiled on first use.
    pub fn bundled() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(|| {
            Gazetteer::from_toml(&[BASE, CURATED]).expect("the bundled gazetteer is valid")
        })
    }

    /// Builds a gazetteer from TOML files, later files adding to earlier ones by code.
    pub fn from_toml(files: &[&str]) -> Result<Gazetteer, String> {
        let mut raw: Vec<RawPlace> = Vec::new();
        let mut by_code: HashMap<String, usize> = HashMap::new();
        let mut ignore: Vec<String> = Vec::new();
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
        for word in &ignore {
            patterns.add(word, Via::Name, Vec::new());
        }
        let mut abbreviations: Vec<(char, Vec<usize>)> = Vec::new();
        for (i, r) in raw.iter().enumerate() {
            let one = || vec![vec![i]];
            for name in
                r.zh.iter()
                    .chain(&r.en)
                    .chain(&r.en_adj)
                    .chain(&r.ru)
                    .chain(&r.ru_forms)
            {
                patterns.add(name, Via::Name, one());
            }
            for name in &r.ru {
                for form in russian_forms(name) {
                    patterns.add(&form, Via::Name, one());
                }
            }
            for stem in &r.ru_adj {
                for ending in RUSSIAN_ADJECTIVE_ENDINGS {
                    patterns.add(&format!("{stem}{ending}"), Via::Name, one());
                    let mut upper = stem.chars();
                    if let Some(first) = upper.next() {
                        let capital: String = first.to_uppercase().chain(upper).collect();
                        patterns.add(&format!("{capital}{ending}"), Via::Name, one());
                    }
                }
            }
            for city in &r.cities {
                patterns.add(city, Via::City, one());
            }
            for side in &r.sides {
                patterns.add(side, Via::Side, one());
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
        }
        for compound in compounds(&abbreviations) {
            let text: String = compound.iter().map(|(c, _)| *c).collect();
            let places = compound.into_iter().map(|(_, p)| p).collect();
            patterns.add(&text, Via::Compound, places);
        }

        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns.texts)
            .map_err(|e| e.to_string())?;
        Ok(Gazetteer {
            places,
            automaton,
            patterns: patterns.info,
        })
    }

    /// Every place named in `text`, in order; the longest name wins where names overlap.
    pub fn find(&self, text: &str) -> Vec<Hit<'_>> {
        let mut hits = Vec::new();
        for m in self.automaton.find_iter(text) {
            let pattern = &self.patterns[m.pattern().as_usize()];
            if pattern.places.is_empty() {
                continue;
            }
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if pattern.whole_word
                && (before.is_some_and(is_word_char) || after.is_some_and(is_word_char))
            {
                continue;
            }
            // "19日中方" is a date, not Japan and China.
            if matches!(pattern.via, Via::Side | Via::Compound)
                && before
                    .is_some_and(|c| c.is_ascii_digit() || "〇一二三四五六七八九十".contains(c))
            {
                continue;
            }
            hits.push(Hit {
                range: m.start()..m.end(),
                via: pattern.via,
                places: &pattern.places,
            });
        }
        hits
    }

    /// The place with this code.
    pub fn by_code(&self, code: &str) -> Option<usize> {
        self.places
            .iter()
            .position(|p| p.code.eq_ignore_ascii_case(code))
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

fn is_han(c: char) -> bool {
    crate::doc::markdown::is_cjk(c)
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

const RUSSIAN_ADJECTIVE_ENDINGS: [&str; 12] = [
    "ий", "ая", "ое", "ие", "ого", "ой", "ому", "ую", "им", "ом", "их", "ими",
];

/// The oblique case forms of a one-word Russian name (Россия → России, Россию, Россией;
/// Китай → Китая, Китаю, Китаем, Китае; Казахстан → Казахстана ...). Names of several words
/// are written out in the data instead.
pub fn russian_forms(name: &str) -> Vec<String> {
    if name.contains([' ', '-'])
        || name.chars().count() < 3
        || name.chars().all(|c| c.is_uppercase())
    {
        return Vec::new();
    }
    let chars: Vec<char> = name.chars().collect();
    let last = chars[chars.len() - 1];
    let stem = |n: usize| chars[..chars.len() - n].iter().collect::<String>();
    let with =
        |base: String, endings: &[&str]| endings.iter().map(|e| format!("{base}{e}")).collect();
    let before_last = chars[chars.len() - 2];
    match last {
        'я' if before_last == 'и' || before_last == 'е' => {
            with(stem(1), &["и", "ю", "ей", "ею"])
        }
        'я' => with(stem(1), &["и", "е", "ю", "ей"]),
        'а' => {
            let genitive = if "гкхжшщч".contains(before_last) {
                "и"
            } else {
                "ы"
            };
            with(stem(1), &[genitive, "е", "у", "ой", "ою"])
        }
        'й' => with(stem(1), &["я", "ю", "ем", "е"]),
        'ь' => with(stem(1), &["и", "ью"]),
        c if "бвгджзклмнпрстфхцчшщ".contains(c) => {
            with(name.to_string(), &["а", "у", "ом", "е"])
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_fits_the_length_a_mention_keeps() {
        assert!(Gazetteer::bundled().automaton.max_pattern_len() <= usize::from(u8::MAX));
    }

    fn names(text: &str) -> Vec<(String, String)> {
        let g = Gazetteer::bundled();
        g.find(text)
            .into_iter()
            .map(|h| {
                let codes: Vec<String> = h
                    .places
                    .iter()
                    .map(|c| {
                        let mut codes: Vec<String> =
                            c.iter().map(|&p| g.places[p].code.clone()).collect();
                        codes.sort();
                        codes.join("|")
                    })
                    .collect();
                (text[h.range].to_string(), codes.join("+"))
            })
            .collect()
    }

    #[test]
    fn covers_every_un_member_state_in_three_languages() {
        let g = Gazetteer::bundled();
        let countries: Vec<&Place> = g
            .places
            .iter()
            .filter(|p| p.kind == PlaceKind::Country)
            .collect();
        assert_eq!(countries.len(), 193);
        for p in countries {
            assert!(
                !p.zh.is_empty() && !p.en.is_empty() && !p.ru.is_empty(),
                "{p:?}"
            );
        }
    }

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

    #[test]
    fn kyrgyzstan_by_every_name() {
        let text = "吉尔吉斯共和国、吉尔吉斯斯坦和吉尔吉斯。Kyrgyz Republic, Kyrgyzstan. Кыргызская Республика, Кыргызстан, Киргизия, Киргизии.";
        let found = names(text);
        assert_eq!(found.len(), 9, "{found:?}");
        assert!(found.iter().all(|(_, code)| code == "KG"), "{found:?}");
        assert_eq!(
            found[1].0, "吉尔吉斯斯坦",
            "longest match wins over 吉尔吉斯 + 斯坦"
        );
    }

    #[test]
    fn russian_case_forms() {
        let found = names(
            "Путин в России, Россией и Россию; Китая и Китаем; на Украине; российский президент.",
        );
        let codes: Vec<&str> = found.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(
            codes,
            vec!["RU", "RU", "RU", "CN", "CN", "UA", "RU"],
            "{found:?}"
        );
        assert_eq!(
            russian_forms("Китай"),
            vec!["Китая", "Китаю", "Китаем", "Китае"]
        );
        assert!(russian_forms("Казахстан").contains(&"Казахстане".to_string()));
    }

    #[test]
    fn side_forms_and_compounds() {
        let found = names("中方愿同吉方推进中吉乌铁路建设,中日、中俄关系。吉中关系");
        let pairs: Vec<(&str, &str)> = found
            .iter()
            .map(|(t, c)| (t.as_str(), c.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("中方", "CN"),
                ("吉方", "KG"),
                ("中吉乌", "CN+KG+UA|UZ"),
                ("中日", "CN+JP"),
                ("中俄", "CN+RU"),
                ("吉中", "KG+CN")
            ]
        );
    }

    #[test]
    fn dates_and_common_words_are_not_compounds() {
        assert_eq!(names("11月19日中方表示")[0].0, "中方");
        assert!(names("今日中国").iter().all(|(_, c)| c == "CN"));
        assert!(
            names("在合作中加强沟通,美中不足").is_empty(),
            "{:?}",
            names("在合作中加强沟通,美中不足")
        );
    }

    #[test]
    fn cities_count_for_their_country() {
        let found = names("莫斯科、比什凯克、天津、杜尚别、阿克套、撒马尔罕、符拉迪沃斯托克");
        let codes: Vec<&str> = found.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(codes, vec!["RU", "KG", "CN", "TJ", "KZ", "UZ", "RU"]);
        assert!(
            Gazetteer::bundled()
                .find("比什凯克")
                .iter()
                .all(|h| h.via == Via::City)
        );
    }

    #[test]
    fn english_needs_whole_words() {
        let found = names("Chinese and Indian officials; Indiana is not India. China's role.");
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, vec!["Chinese", "Indian", "India", "China"]);
    }

    #[test]
    fn organisations_and_regions_are_their_own_kinds() {
        let g = Gazetteer::bundled();
        for (text, kind) in [
            ("上合组织", PlaceKind::Organisation),
            ("联合国", PlaceKind::Organisation),
            ("SCO", PlaceKind::Organisation),
            ("台湾", PlaceKind::Region),
            ("香港", PlaceKind::Region),
        ] {
            let hits = g.find(text);
            assert_eq!(hits.len(), 1, "{text}");
            assert_eq!(g.places[hits[0].places[0][0]].kind, kind, "{text}");
        }
        assert_eq!(
            names("上海合作组织")[0].1,
            "SCO",
            "the organisation, not the city of Shanghai"
        );
    }

    #[test]
    fn shared_abbreviations_keep_their_candidates() {
        let found = names("乌方表示");
        assert_eq!(found, vec![("乌方".to_string(), "UA|UZ".to_string())]);
    }
}
