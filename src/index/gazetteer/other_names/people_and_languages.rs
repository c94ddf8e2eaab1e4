//! Where a place's English or Russian name names a person (George Washington, the Bishop of
//! Rome), a people
//! ("ethnic Chinese") or a language ("the Chinese and Russian languages", на русском
//! языке), not the place.

use std::ops::Range;

use super::{after, before, one_of};

/// Words after an adjective that make it a language's name.
const LANGUAGE: [&str; 6] = [
    "language",
    "languages",
    "text",
    "texts",
    "version",
    "versions",
];

/// Capitalised words before a city that do not make it a person's name: they begin a
/// sentence's phrase, place it (Central London, Greater Tokyo) or date it (on Monday).
const BEFORE_A_CITY: [&str; 38] = [
    "The",
    "In",
    "At",
    "From",
    "To",
    "Of",
    "For",
    "And",
    "On",
    "By",
    "With",
    "Via",
    "North",
    "South",
    "East",
    "West",
    "Central",
    "Greater",
    "Metro",
    "Downtown",
    "Old",
    "New",
    "Upper",
    "Lower",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Embassy",
    "Consulate",
    "Airport",
];

/// Whether a city's English name is a person's surname: "George Washington was a hero".
/// The word before it is a capitalised name in running text (lower-case words before it),
/// not the first word of a sentence or of a title-case headline ("Wang Yi Visits Moscow").
pub(super) fn is_a_surname(text: &str, city: &Range<usize>) -> bool {
    if !text[city.clone()].starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let before = before(text, city.start);
    if !before.ends_with(' ') || before.ends_with("  ") {
        return false;
    }
    let mut words = before.split_whitespace().rev();
    let Some(word) = words.next() else {
        return false;
    };
    let given = word.trim_start_matches(|c: char| !c.is_alphabetic());
    let mut letters = given.chars();
    let is_name = letters.next().is_some_and(|c| c.is_uppercase())
        && given.len() >= 2
        && letters.all(|c| c.is_lowercase())
        && !BEFORE_A_CITY.contains(&given);
    if !is_name {
        return false;
    }
    // Running text: a lower-case word among the three before the name, and no sentence
    // ending between them and it.
    let opens_a_phrase = given.len() != word.len();
    let mut prose = false;
    for w in words.take(3) {
        if !opens_a_phrase && w.ends_with(['.', '!', '?', ':']) {
            return false;
        }
        if w.starts_with(|c: char| c.is_lowercase()) {
            prose = true;
            break;
        }
    }
    prose
}

/// Titles held "of" a city that name their holder, not the city's country: the Bishop of
/// Rome is the Pope, the Duke of Edinburgh a British prince.
const TITLES_OF_A_CITY: [&str; 15] = [
    "bishop",
    "archbishop",
    "patriarch",
    "metropolitan",
    "cardinal",
    "abbot",
    "duke",
    "duchess",
    "earl",
    "marquess",
    "marquis",
    "count",
    "countess",
    "baron",
    "baroness",
];

/// Whether a city's English name is the see or the seat of a title: "the Bishop of Rome",
/// "Archbishop of Canterbury".
pub(super) fn in_a_title(text: &str, city: &Range<usize>) -> bool {
    let mut words = before(text, city.start).split_whitespace().rev();
    words.next() == Some("of")
        && words.next().is_some_and(|w| {
            w.starts_with(|c: char| c.is_uppercase()) && one_of(w, &TITLES_OF_A_CITY)
        })
}

/// Whether an English adjective names a people rather than its country ("ethnic Chinese",
/// "overseas Chinese").
pub(super) fn of_a_people(text: &str, name: &Range<usize>) -> bool {
    before(text, name.start)
        .split_whitespace()
        .next_back()
        .is_some_and(|w| one_of(w, &["ethnic", "overseas"]))
}

/// Whether an English adjective names a language: "the Chinese and Russian languages",
/// "written in Russian.", "the official languages are Chinese and Russian".
pub(super) fn is_language(text: &str, name: &Range<usize>) -> bool {
    let word = &text[name.clone()];
    let cyrillic = word.chars().any(super::super::russian::is_cyrillic);
    if !cyrillic && !word.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
        return false;
    }
    // What follows, past "and"/"or"/и and other adjectives.
    let mut rest = after(text, name.end).split_whitespace();
    let mut next = rest.next();
    while let Some(w) = next {
        let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_lowercase();
        if LANGUAGE.contains(&lower.as_str()) || lower.starts_with("язык") {
            return true;
        }
        let joins = matches!(bare, "and" | "or" | "и" | "или")
            || (!cyrillic && bare.chars().next().is_some_and(char::is_uppercase))
            || (cyrillic
                && ["ом", "ой", "ий", "ый", "их", "ых"]
                    .iter()
                    .any(|e| lower.ends_with(e)));
        if !joins || bare.len() != w.len() {
            break;
        }
        next = rest.next();
    }
    if cyrillic {
        return false;
    }
    // The end of a clause after "in", or a list after "language(s) ... are/is".
    let before = before(text, name.start);
    let before = &before[before.rfind(['.', ';', '!', '?']).map_or(0, |i| i + 1)..];
    if is_spoken(before) || (is_taught(before) && ends_a_phrase(after(text, name.end))) {
        return true;
    }
    // "available in Russian only."
    let rest = after(text, name.end).trim_start();
    let rest = rest
        .strip_prefix("only")
        .filter(|r| !r.starts_with(char::is_alphanumeric))
        .unwrap_or(rest);
    let ends_clause = rest
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| ".,;)".contains(c));
    let after_in = before.trim_end().ends_with(" in") || before.trim_end() == "in";
    let in_a_list = [" are", " is", " and", ","]
        .iter()
        .any(|end| before.trim_end().ends_with(end));
    (after_in && ends_clause) || (in_a_list && before.to_lowercase().contains("language"))
}

/// Words before a list of languages that say they are spoken: "spoke Chinese and Russian",
/// "Mandarin Chinese".
const SPOKEN: [&str; 7] = [
    "speak", "speaks", "spoke", "spoken", "speaking", "fluent", "Mandarin",
];

/// Verbs whose object, when an adjective ends the phrase, is a language: "taught German at
/// a school", "studied Japanese", "learnt Arabic" (but "studied Chinese history" is about
/// China).
const TAUGHT: [&str; 14] = [
    "teach",
    "teaches",
    "teaching",
    "taught",
    "learn",
    "learns",
    "learning",
    "learned",
    "learnt",
    "study",
    "studies",
    "studying",
    "studied",
    "interpreted",
];

/// Nouns of translation before "from" or "into": "translated from French".
const TRANSLATED: [&str; 5] = [
    "translate",
    "translates",
    "translated",
    "translation",
    "translations",
];

/// Whether `before`, the clause before an adjective, ends in a verb of speaking, past the
/// other languages of its list ("spoke French, Chinese and"), in "Mandarin", or in
/// "translated from" / "into".
fn is_spoken(before: &str) -> bool {
    let mut words = before.split_whitespace().rev().peekable();
    if words.peek() == Some(&"Mandarin") {
        return true;
    }
    match verb_before_a_list(words) {
        Some((word, previous)) => {
            SPOKEN.contains(&word)
                || (matches!(word, "from" | "into")
                    && previous.is_some_and(|p| TRANSLATED.contains(&p.to_lowercase().as_str())))
        }
        None => false,
    }
}

/// Whether `before` ends in a verb of teaching or learning, past the other languages of its
/// list ("taught French and").
fn is_taught(before: &str) -> bool {
    verb_before_a_list(before.split_whitespace().rev())
        .is_some_and(|(word, _)| TAUGHT.contains(&word.to_lowercase().as_str()))
}

/// The word before a list of capitalised words joined by "and", "or" and commas (read from
/// its end), and the word before that.
fn verb_before_a_list<'t>(
    mut words: impl Iterator<Item = &'t str>,
) -> Option<(&'t str, Option<&'t str>)> {
    while let Some(word) = words.next() {
        let bare = word.trim_end_matches(',');
        let another = bare.chars().next().is_some_and(char::is_uppercase)
            && bare.chars().all(char::is_alphabetic);
        if matches!(bare, "and" | "or") || another {
            continue;
        }
        return Some((word, words.next()));
    }
    None
}

/// Words after an adjective that leave it a noun of its own: "taught German at a school".
const AFTER_A_NOUN: [&str; 12] = [
    "at", "in", "to", "for", "from", "with", "and", "or", "as", "since", "until", "before",
];

/// Whether the adjective whose following text is `after` stands as a noun: punctuation or
/// the end follow it, or a preposition or a conjunction, not a noun it qualifies ("German
/// history").
fn ends_a_phrase(after: &str) -> bool {
    let after = after.trim_start();
    match after.chars().next() {
        None => true,
        Some(c) if !c.is_alphanumeric() => true,
        Some(_) => after
            .split_whitespace()
            .next()
            .is_some_and(|w| AFTER_A_NOUN.contains(&w)),
    }
}
