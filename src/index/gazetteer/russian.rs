//! Russian names in every case and number, and adjectives in every case, gender and number.
//! Words are reduced by the Snowball Russian stemmer rather than matched against lists of
//! endings: Нидерландов and Нидерланды, французским and французский, китайско- and
//! китайские meet at one stem.
//!
//! Snowball does not always give every case of a name the same stem (Китай → кита, Китая →
//! кит; Египет → египет, Египта → египт), so a name matches a capitalised word whose stem
//! differs from the name's by one letter at its end (the word then still begins with the
//! name's stem: Китая, not Тони for Тонга) or drops a vowel before its last letter, and of
//! several names the one sharing the longest beginning with the word wins (Ирака is Iraq,
//! not Iran). Of a name of several words only the first must be capitalised. A word that is
//! its own stem does not match a name that is not (Груз is not Грузия, Франц not Франция),
//! unless the name is plural (Филиппин is Филиппины).

use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

use super::Via;

/// Russian names and adjectives, ready to be matched word by word.
pub(super) struct RussianNames {
    stemmer: Stemmer,
    entries: Vec<Entry>,
    /// Entries by the first three letters of their first word, lower-case.
    by_start: HashMap<[char; 3], Vec<usize>>,
    /// The first three letters of every word of every entry: only words beginning so are
    /// stemmed.
    any_start: HashSet<[char; 3]>,
    /// Names that are common words where a sentence starts (Того же мнения).
    not_at_sentence_start: Vec<String>,
}

/// One name (of one or more words) or one adjective.
struct Entry {
    /// Each word in lower case, with its stem.
    words: Vec<(String, String)>,
    via: Via,
    places: Vec<Vec<usize>>,
    adjective: bool,
}

/// A Russian name or adjective found in a text.
pub(super) struct RussianHit<'a> {
    /// Byte range in the text.
    pub range: std::ops::Range<usize>,
    /// How it names its place.
    pub via: Via,
    /// The places, as in a gazetteer hit.
    pub places: &'a [Vec<usize>],
    /// Whether it is an adjective.
    pub adjective: bool,
}

/// A word of the text: its bytes, lower-case form and stem.
struct Word {
    range: std::ops::Range<usize>,
    lower: String,
    stem: String,
    capitalised: bool,
}

impl RussianNames {
    /// An empty list.
    pub(super) fn new() -> RussianNames {
        RussianNames {
            stemmer: Stemmer::create(Algorithm::Russian),
            entries: Vec::new(),
            by_start: HashMap::new(),
            any_start: HashSet::new(),
            not_at_sentence_start: Vec::new(),
        }
    }

    /// Adds a name (Россия, Соединённые Штаты) or, with `adjective`, the stem or nominative
    /// of an adjective (китайск, французский).
    pub(super) fn add(&mut self, name: &str, via: Via, places: Vec<Vec<usize>>, adjective: bool) {
        let words: Vec<(String, String)> = name
            .split_whitespace()
            .map(|w| {
                let lower = lower(w);
                let stem = self.stemmer.stem(&lower).into_owned();
                (lower, stem)
            })
            .collect();
        let Some(start) = words.first().and_then(|(lower, _)| start(lower)) else {
            return;
        };
        self.any_start
            .extend(words.iter().filter_map(|(lower, _)| self::start(lower)));
        self.by_start
            .entry(start)
            .or_default()
            .push(self.entries.len());
        self.entries.push(Entry {
            words,
            via,
            places,
            adjective,
        });
    }

    /// Makes `name` not count where a sentence starts.
    pub(super) fn not_at_sentence_start(&mut self, name: &str) {
        self.not_at_sentence_start.push(name.to_string());
    }

    /// Every name and adjective in `text`, in order.
    pub(super) fn find(&self, text: &str) -> Vec<RussianHit<'_>> {
        let mut hits = Vec::new();
        if !text.chars().any(is_cyrillic) {
            return hits;
        }
        let words = self.words(text);
        let mut i = 0;
        while i < words.len() {
            match self.longest_at(&words, i) {
                Some((entry, n)) if !self.common_word_at_start(text, &words[i]) => {
                    let e = &self.entries[entry];
                    // A name that is no place's (Внутренняя Монголия) only takes its words.
                    if e.places.is_empty() {
                        i += n;
                        continue;
                    }
                    hits.push(RussianHit {
                        range: words[i].range.start..words[i + n - 1].range.end,
                        via: e.via,
                        places: &e.places,
                        adjective: e.adjective,
                    });
                    i += n;
                }
                _ => i += 1,
            }
        }
        hits
    }

    /// Whether a word is one of the names that are common words, at a sentence's start.
    fn common_word_at_start(&self, text: &str, word: &Word) -> bool {
        let at_start = text[..word.range.start]
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|c| ".!?…\n".contains(c));
        at_start
            && self
                .not_at_sentence_start
                .contains(&text[word.range.clone()].to_string())
    }

    /// The entry matching the most words from `words[i]`, and how many it matches.
    fn longest_at(&self, words: &[Word], i: usize) -> Option<(usize, usize)> {
        let candidates = start(&words[i].lower).and_then(|s| self.by_start.get(&s))?;
        let mut best: Option<(usize, usize, usize)> = None; // (entry, words, shared letters)
        for &c in candidates {
            let entry = &self.entries[c];
            let n = entry.words.len();
            if i + n > words.len() {
                continue;
            }
            let mut shared = 0;
            let all = entry
                .words
                .iter()
                .zip(&words[i..i + n])
                .all(|(name, word)| {
                    let first = std::ptr::eq(name, &entry.words[0]);
                    let ok = if entry.adjective {
                        word.stem == name.1 || word.stem == name.0
                    } else {
                        (word.capitalised || !first) && noun_matches(word, name)
                    };
                    shared += common_prefix(&word.lower, &name.0);
                    ok
                });
            if all && best.is_none_or(|(_, bn, bs)| (n, shared) > (bn, bs)) {
                best = Some((c, n, shared));
            }
        }
        best.map(|(c, n, _)| (c, n))
    }

    /// The Cyrillic words of `text`, a hyphenated word (китайско-российские) also as its
    /// parts, the whole first (Нью-Йорк is a name).
    fn words(&self, text: &str) -> Vec<Word> {
        let mut words = Vec::new();
        let mut start = None;
        let bytes = text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')));
        for (i, c) in bytes {
            let inside = is_cyrillic(c) || (c == '-' && start.is_some());
            match (start, inside) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    let word = text[s..i].trim_end_matches('-');
                    self.push_word(&mut words, s, word);
                    start = None;
                }
                _ => {}
            }
        }
        words
    }

    fn push_word(&self, words: &mut Vec<Word>, at: usize, word: &str) {
        if word.is_empty() {
            return;
        }
        let lower = lower(word);
        // Only words that could begin a name are stemmed.
        if !start(&lower).is_some_and(|s| self.any_start.contains(&s)) && !word.contains('-') {
            words.push(Word {
                range: at..at + word.len(),
                lower: String::new(),
                stem: String::new(),
                capitalised: false,
            });
            return;
        }
        let whole = Word {
            range: at..at + word.len(),
            stem: self.stemmer.stem(&lower).into_owned(),
            lower,
            capitalised: word.chars().next().is_some_and(char::is_uppercase),
        };
        let parts: Vec<(usize, &str)> = word
            .split('-')
            .scan(at, |offset, part| {
                let here = *offset;
                *offset += part.len() + 1;
                Some((here, part))
            })
            .collect();
        let whole_is_name = start(&whole.lower)
            .and_then(|s| self.by_start.get(&s))
            .is_some_and(|list| {
                list.iter()
                    .any(|&e| self.entries[e].words[0].0.contains('-'))
            });
        if parts.len() == 1 || whole_is_name {
            words.push(whole);
            return;
        }
        for (offset, part) in parts {
            self.push_word(words, offset, part);
        }
    }
}

/// Whether a capitalised word is a case of a name's word (see the module's comment).
fn noun_matches(word: &Word, name: &(String, String)) -> bool {
    let (name_lower, name_stem) = name;
    // Snowball takes -ам from Амстердам as if it were an ending; Амстердама's stem is the
    // name itself.
    if word.lower == *name_lower || word.stem == *name_lower {
        return true;
    }
    // A foreign name ending in a vowel does not decline (Токио, Сочи, Того): only the name
    // itself is it, not Токаев.
    if name_lower.ends_with(['о', 'и', 'у', 'ю', 'э']) {
        return false;
    }
    // A plural name's genitive is its bare stem (Филиппин, Багам).
    let plural = name_lower.ends_with(['ы', 'и']);
    if word.stem == word.lower && name_stem != name_lower && !plural {
        return false;
    }
    if word.stem == *name_stem {
        return true;
    }
    let (w, n): (Vec<char>, Vec<char>) = (word.stem.chars().collect(), name_stem.chars().collect());
    if w.len().abs_diff(n.len()) != 1 || w.len().min(n.len()) < 3 {
        return false;
    }
    if n.starts_with(&w) {
        // Китая (кит) is Китай (кита), but Тони (тон) is not Тонга (тонг).
        return word.lower.starts_with(name_stem.as_str());
    }
    if w.starts_with(&n) {
        // Ирана (иран), Казахстану (казахстан).
        return true;
    }
    // A vowel before the name's last letter that the word drops: Египет, Египта (but Ангела
    // does not add one to Англия).
    if n.len() < w.len() {
        return false;
    }
    let mut without = n.clone();
    without.remove(n.len() - 2);
    without == w
}

/// How many letters two words begin with in common.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// A word in lower case, ё written е (texts use both).
fn lower(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// The first three letters of a lower-case word.
fn start(lower: &str) -> Option<[char; 3]> {
    let mut c = lower.chars();
    Some([c.next()?, c.next()?, c.next()?])
}

/// Whether a character is Cyrillic.
pub(crate) fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c)
}
