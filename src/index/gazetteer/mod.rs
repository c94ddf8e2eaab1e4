//! The gazetteer: every UN member state, some regions and the organisations briefings talk
//! about, with their names in Chinese, English and Russian, side forms (吉方), compounds
//! (中吉乌) and cities. It is data (`base.toml`, generated from CLDR, and `curated.toml`, the
//! project's own), compiled once into one multi-pattern automaton (leftmost-longest), so a
//! text is scanned once whatever the number of names.
//!
//! The data is read and compiled in `compile`; the case forms of Russian names are worked
//! out in `russian`.

mod abbreviation_lists;
mod chinese_words;
mod compile;
mod other_names;
mod russian;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;

pub(crate) use chinese_words::{is_whole, starts_a_word, tagged};
pub(crate) use russian::is_cyrillic;

use aho_corasick::{AhoCorasick, Anchored, Input, Match};
use serde::Deserialize;

const BASE: &str = include_str!("base.toml");
const CURATED: &str = include_str!("curated.toml");

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
    /// Whether it is an adjective (Chinese, Russian), which can also name a language.
    pub adjective: bool,
}

/// The compiled gazetteer.
pub struct Gazetteer {
    /// Every place, indexed by the numbers in hits.
    pub places: Vec<Place>,
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
    russian: russian::RussianNames,
    /// Each one-character abbreviation and its candidates, as one place of a hit.
    abbreviations: Vec<(char, Vec<Vec<usize>>)>,
}

/// What one pattern of the automaton names.
struct Pattern {
    via: Via,
    places: Vec<Vec<usize>>,
    /// Latin or Cyrillic names must stand as whole words.
    whole_word: bool,
    /// An adjective (Chinese, Russian) rather than a name.
    adjective: bool,
}

impl Gazetteer {
    /// The gazetteer built into brief, compiled on first use.
    pub fn bundled() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(|| {
            Gazetteer::from_toml(&[BASE, CURATED]).expect("the bundled gazetteer is valid")
        })
    }

    /// Every place named in `text`, in order; the longest name wins where names overlap.
    pub fn find(&self, text: &str) -> Vec<Hit<'_>> {
        let mut hits = Vec::new();
        let mut words = chinese_words::Words::default();
        let matches: Vec<Match> = self.automaton.find_iter(text).collect();
        for (i, &m) in matches.iter().enumerate() {
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
            // "19日中方" is a date, not Japan and China; "19日军演" not the Japanese army.
            let abbreviated =
                matches!(pattern.via, Via::Side | Via::Compound) || text[m.range()].ends_with('军');
            if abbreviated
                && before
                    .is_some_and(|c| c.is_ascii_digit() || "〇一二三四五六七八九十".contains(c))
            {
                continue;
            }
            // "发展中国家" holds 中国 but does not name China; "日本国内" holds 日本, not 日本国.
            let mut m = m;
            let via = pattern.via;
            let standing = loop {
                if !text[m.start()..].starts_with(is_han)
                    || words.stands_alone(
                        text,
                        m.range(),
                        via,
                        matches[i + 1..].iter().map(Match::range),
                        |s| self.is_name(s),
                    )
                {
                    break Some(m);
                }
                match self.shorter_than(text, m.range()) {
                    Some(shorter) => m = shorter,
                    None => break None,
                }
            };
            let Some(m) = standing else {
                continue;
            };
            let pattern = &self.patterns[m.pattern().as_usize()];
            if pattern.places.is_empty() {
                continue;
            }
            hits.push(Hit {
                range: m.start()..m.end(),
                via: pattern.via,
                places: &pattern.places,
                adjective: pattern.adjective,
            });
        }
        // 美、英、日、德、澳等国.
        let is_abbreviation = |c| self.abbreviation(c).is_some();
        let mut lists = abbreviation_lists::lists(text, is_abbreviation);
        // 德法两国.
        lists.extend(abbreviation_lists::pairs(text, is_abbreviation));
        if !lists.is_empty() {
            for (range, c) in lists {
                let Some(places) = self.abbreviation(c) else {
                    continue;
                };
                hits.push(Hit {
                    range,
                    via: Via::Compound,
                    places,
                    adjective: false,
                });
            }
            longest_first(&mut hits);
        }
        let russian = self.russian.find(text);
        if !russian.is_empty() {
            hits.extend(russian.into_iter().map(|h| Hit {
                range: h.range,
                via: h.via,
                places: h.places,
                adjective: h.adjective,
            }));
            longest_first(&mut hits);
        }
        other_names::drop_other_names(text, &mut hits);
        hits
    }

    /// The places a one-character abbreviation stands for (美: the United States), as one place
    /// of a hit.
    fn abbreviation(&self, c: char) -> Option<&[Vec<usize>]> {
        self.abbreviations
            .iter()
            .find(|(a, _)| *a == c)
            .map(|(_, places)| places.as_slice())
    }

    /// Whether `text` is, whole, a name of a place.
    fn is_name(&self, text: &str) -> bool {
        let input = Input::new(text).anchored(Anchored::Yes);
        self.automaton.find(input).is_some_and(|m| {
            m.end() == text.len() && !self.patterns[m.pattern().as_usize()].places.is_empty()
        })
    }

    /// The longest name that starts where `range` does and ends before it.
    fn shorter_than(&self, text: &str, range: std::ops::Range<usize>) -> Option<Match> {
        let last = text[range.clone()].char_indices().next_back()?.0;
        let input = Input::new(text)
            .range(range.start..range.start + last)
            .anchored(Anchored::Yes);
        self.automaton.find(input)
    }

    /// The place with this code.
    pub fn by_code(&self, code: &str) -> Option<usize> {
        self.places
            .iter()
            .position(|p| p.code.eq_ignore_ascii_case(code))
    }
}

/// Hits found apart put in text order; where two overlap, the one starting first (the longer
/// of two starting together) is kept.
fn longest_first(hits: &mut Vec<Hit<'_>>) {
    hits.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end)));
    let mut end = 0;
    hits.retain(|h| {
        let keep = h.range.start >= end;
        end = end.max(h.range.end);
        keep
    });
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

fn is_han(c: char) -> bool {
    crate::doc::markdown::is_cjk(c)
}
