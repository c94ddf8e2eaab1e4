//! People in Russian text: an office in any case (президент, премьер-министра, председатель
//! правительства, министром иностранных дел, глава МИД, посол), the words that complete it
//! (иностранных дел, Правительства Российской Федерации, России, КНР), then a name of one to
//! three capitalised words (Михаил Мишустин, Мишустина, Си Цзиньпин).

use super::Introduced;
use super::forms::capitalise;
use super::words::{capitalised, is_place, words};
use crate::index::gazetteer::{Gazetteer, is_cyrillic};

/// Stems of the words that end an office, each followed by one of [`ENDINGS`].
const HEADS: &[&str] = &[
    "президент",
    "вице-президент",
    "премьер-министр",
    "премьер",
    "вице-премьер",
    "министр",
    "председател",
    "глав",
    "посол",
    "посл",
    "генсек",
    "секретар",
    "генеральный секретар",
    "канцлер",
    "корол",
    "спикер",
    "губернатор",
    "мэр",
    "пресс-секретар",
    "представител",
    "директор",
    "руководител",
    "лидер",
    "заместител",
    "советник",
    "помощник",
    "султан",
    "эмир",
];

/// Singular case endings a head's stem may take (a plural, представители, names no one).
const ENDINGS: &[&str] = &["", "а", "у", "ом", "е", "ы", "ь", "я", "ю", "ем", "ой"];

/// Stems of the words that complete an office between its head and the name (министр
/// иностранных дел, председатель Правительства Российской Федерации).
const COMPLEMENTS: &[&str] = &[
    "иностранн",
    "дел",
    "правительств",
    "оборон",
    "финанс",
    "экономическ",
    "экономик",
    "развити",
    "республик",
    "федерац",
    "государствен",
    "государств",
    "совет",
    "безопасност",
    "коммунистическ",
    "парти",
    "комитет",
    "мид",
    "госсовет",
    "торговл",
    "промышленност",
    "энергетик",
    "юстици",
    "внутренн",
    "министерств",
    "народн",
    "федеральн",
    "собрани",
    "дум",
    "посольств",
    "организаци",
    "сотрудничеств",
    "шанхайск",
    "китайск",
    "российск",
    "росси",
    "кнр",
    "рф",
    "сша",
    "оон",
    "шос",
    "цк",
    "кпк",
    "кабинет",
    "министров",
    "национальн",
    "чрезвычайн",
    "полномочн",
    "постоянн",
    "генеральн",
    "первый",
    "первого",
    "первым",
    "совета",
    // глава ведомства Джон Керри: the head of the department the text is about.
    "ведомств",
    // премьер самопровозглашённой ДНР Александр Бородай.
    "самопровозглашенн",
    "самопровозглашённ",
    "днр",
    "лнр",
];

/// Capitalised words that are not a person's name after an office.
const NOT_NAMES: &[&str] = &[
    "Он", "Она", "Они", "Это", "В", "На", "По", "С", "Как", "Так",
];

/// Whether a word is an office's head word in some case.
fn is_head(word: &str) -> bool {
    let lower = word.to_lowercase();
    HEADS.iter().any(|h| {
        lower
            .strip_prefix(h)
            .is_some_and(|ending| ENDINGS.contains(&ending))
    })
}

fn is_complement(word: &str, gazetteer: &Gazetteer) -> bool {
    let lower = word.to_lowercase();
    COMPLEMENTS.iter().any(|c| lower.starts_with(c)) || is_place(word, gazetteer)
}

fn is_cyrillic_word(word: &str) -> bool {
    word.chars().all(|c| is_cyrillic(c) || c == '-')
}

/// Adds the names an office introduces in `text` to `out`.
pub(super) fn introduced(text: &str, out: &mut Vec<Introduced>) {
    let words = words(text, false);
    let gazetteer = Gazetteer::bundled();
    let mut i = 0;
    while i < words.len() {
        if !is_head(words[i].text) {
            i += 1;
            continue;
        }
        let head = i;
        // A place adjective before the head belongs to the office (российский президент).
        let first =
            if head > 0 && !words[head - 1].closes && is_place(words[head - 1].text, gazetteer) {
                head - 1
            } else {
                head
            };
        let mut at = head + 1;
        let mut closed = words[head].closes;
        while !closed
            && at < words.len()
            && at - head <= 6
            && is_complement(words[at].text, gazetteer)
        {
            closed = words[at].closes;
            at += 1;
        }
        let name_start = at;
        let mut end = at;
        while !closed
            && end < words.len()
            && end - name_start < 3
            && capitalised(words[end].text)
            && is_cyrillic_word(words[end].text)
            && (words[end].text.chars().count() < 2
                || words[end].text.chars().skip(1).any(char::is_lowercase))
            && !NOT_NAMES.contains(&words[end].text)
            && !is_complement(words[end].text, gazetteer)
            && !is_head(words[end].text)
        {
            closed = words[end].closes;
            end += 1;
        }
        if end > name_start {
            out.push(Introduced {
                name: words[name_start].range.start..words[end - 1].range.end,
                office: words[first].range.start..words[name_start - 1].range.end,
                reporter: false,
                of: None,
            });
            i = end;
        } else {
            i += 1;
        }
    }
}

/// The nominative of the stems in [`HEADS`] that are not their own nominative.
const NOMINATIVES: &[(&str, &str)] = &[
    ("председател", "председатель"),
    ("глав", "глава"),
    ("посл", "посол"),
    ("секретар", "секретарь"),
    ("пресс-секретар", "пресс-секретарь"),
    ("корол", "король"),
    ("представител", "представитель"),
    ("руководител", "руководитель"),
    ("заместител", "заместитель"),
];

/// An office as a list shows it, its head and the adjectives before it in the nominative
/// (французским президентом: французский президент; главой правительства Великобритании:
/// глава правительства Великобритании); the words completing it stay as written, in the
/// genitive.
pub(super) fn office_in_nominative(office: &str) -> String {
    let words: Vec<&str> = office.split(' ').collect();
    let Some(head) = words.iter().position(|w| is_head(w)) else {
        return office.to_string();
    };
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let lower = word.to_lowercase();
        let nominative = if i < head {
            adjective_in_nominative(&lower)
        } else if i == head {
            head_in_nominative(&lower)
        } else {
            None
        };
        out.push(match nominative {
            Some(n) if word.chars().next().is_some_and(char::is_uppercase) => capitalise(&n),
            Some(n) => n,
            None => word.to_string(),
        });
    }
    out.join(" ")
}

/// A head word (lower case) in the nominative: президентом → президент, главой → глава.
fn head_in_nominative(word: &str) -> Option<String> {
    let stem = HEADS
        .iter()
        .filter(|h| {
            word.strip_prefix(**h)
                .is_some_and(|ending| ENDINGS.contains(&ending))
        })
        .max_by_key(|h| h.len())?;
    let nominative = NOMINATIVES
        .iter()
        .find(|(s, _)| s == stem)
        .map_or(*stem, |(_, n)| *n);
    Some(nominative.to_string())
}

/// A masculine adjective (lower case) in the nominative: французским → французский, первым →
/// первый, российского → российский.
fn adjective_in_nominative(word: &str) -> Option<String> {
    let ending = ["ого", "ому", "ым", "им", "ом"]
        .into_iter()
        .find(|e| word.ends_with(e))?;
    let stem = &word[..word.len() - ending.len()];
    if stem.chars().count() < 2 {
        return None;
    }
    let soft = stem.ends_with(['к', 'г', 'х', 'ж', 'ш', 'ч', 'щ', 'ц']);
    Some(format!("{stem}{}", if soft { "ий" } else { "ый" }))
}

#[cfg(test)]
mod tests {
    use super::office_in_nominative as nominative;

    #[test]
    fn an_office_is_listed_in_the_nominative() {
        assert_eq!(
            nominative("французским президентом"),
            "французский президент"
        );
        assert_eq!(
            nominative("главой правительства Великобритании"),
            "глава правительства Великобритании"
        );
        assert_eq!(
            nominative("премьер-министром Нидерландов"),
            "премьер-министр Нидерландов"
        );
        assert_eq!(nominative("президентом Украины"), "президент Украины");
        assert_eq!(nominative("премьером Австралии"), "премьер Австралии");
        assert_eq!(nominative("первым вице-премьером"), "первый вице-премьер");
        assert_eq!(
            nominative("председателя правительства"),
            "председатель правительства"
        );
        assert_eq!(nominative("посла КНР"), "посол КНР");
        assert_eq!(
            nominative("Министр иностранных дел Малайзии"),
            "Министр иностранных дел Малайзии"
        );
        assert_eq!(
            nominative("глава МИД Великобритании"),
            "глава МИД Великобритании"
        );
    }
}
