//! Russian names in their cases: whether a word is a name's word declined (Лавров, Лаврова,
//! Лавровым; Захарова, Захаровой; Сергей, Сергея) or shares its Snowball stem, and a name
//! taken out of the instrumental an office in that case gives it.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::Russian))
}

/// A Russian word reduced to its stem, lower case: Мишустина and Мишустин are one.
pub(super) fn stem(word: &str) -> String {
    stemmer().stem(&word.to_lowercase()).into_owned()
}

/// A Russian name with each word out of the masculine instrumental, which an office in that
/// case gives it (с главой правительства Дэвидом Кэмероном): Дэвид Кэмерон. Other cases are
/// left as written, since a feminine name ends as a masculine genitive does (Захарова).
pub(super) fn nominative(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let n = w.chars().count();
            let Some(e) = ["ом", "ым", "ем"].iter().find(|e| w.ends_with(*e)) else {
                return w.to_string();
            };
            if n <= 4 {
                return w.to_string();
            }
            let stem = &w[..w.len() - e.len()];
            // Сергеем, Андреем, Дмитрием: the nominative ends in й.
            if *e == "ем" && stem.ends_with(['е', 'и', 'а', 'у']) {
                format!("{stem}й")
            } else {
                stem.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a Russian word is the surname written in one of `written` forms, in any case:
/// Лавров, Лаврова, Лавровым; Захарова, Захаровой; or a word of the same stem.
pub(super) fn is_form_of(word: &str, written: &[String], key: &str) -> bool {
    let lower = word.to_lowercase();
    written.iter().any(|w| declines_as(&lower, w)) || stem(word) == key
}

/// Whether a word (lower case) is one of a name's other words in some case (Михаила).
pub(super) fn is_other_word(word: &str, others: &[String]) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && {
        let lower = word.to_lowercase();
        others
            .iter()
            .any(|o| declines_as(&lower, o) || stem(&lower) == stem(o))
    }
}

/// Whether `word` is `form` declined as a Russian name is: the form with a case ending
/// (Лавров → Лаврова, Лавровым), or a feminine or soft form's ending changed (Захарова →
/// Захаровой, Сергей → Сергея).
fn declines_as(word: &str, form: &str) -> bool {
    const ADDED: &[&str] = &[
        "", "а", "у", "ом", "ем", "ым", "им", "е", "ой", "ою", "ы", "ых", "ыми", "я", "ю",
    ];
    const CHANGED: &[&str] = &[
        "а", "я", "ы", "и", "е", "у", "ю", "ой", "ою", "ей", "ем", "ю",
    ];
    if word
        .strip_prefix(form)
        .is_some_and(|rest| ADDED.contains(&rest))
    {
        return true;
    }
    let Some(last) = form.chars().next_back() else {
        return false;
    };
    if !matches!(last, 'а' | 'я' | 'й' | 'ь') {
        return false;
    }
    let base = &form[..form.len() - last.len_utf8()];
    word.strip_prefix(base)
        .is_some_and(|rest| CHANGED.contains(&rest))
}
