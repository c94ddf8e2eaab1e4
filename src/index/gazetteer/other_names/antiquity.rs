//! Where a city's name names the city-state or the empire of antiquity, not the country it
//! stands in today: "the war between Athens and Sparta", "ancient Rome", 雅典和斯巴达, 古罗马.
//! Once a paragraph speaks of a city so, its other mentions there ("the rise of Athens")
//! are of the same city-state.

use std::ops::Range;

use super::super::{Hit, Via};
use super::{after, before};

/// Polities of antiquity that no modern country is named by: a city named beside one of
/// them is read as of that time.
const ANCIENT: [&str; 22] = [
    "Sparta",
    "Carthage",
    "Troy",
    "Babylon",
    "Byzantium",
    "Assyria",
    "Macedon",
    "Thebes",
    "Corinth",
    "Persepolis",
    "Спарта",
    "Спарты",
    "Спартой",
    "Спарте",
    "Карфаген",
    "Карфагена",
    "Троя",
    "斯巴达",
    "迦太基",
    "特洛伊",
    "巴比伦",
    "拜占庭",
];

/// Words that join two names in a list or an opposition.
const JOINERS: [&str; 10] = [
    "and",
    "or",
    "versus",
    "vs.",
    "against",
    "и",
    "или",
    "против",
    "和",
    "与",
];

/// Words before a city that put it in antiquity (any case: "Ancient Rome").
const OF_OLD: [&str; 5] = ["ancient", "classical", "imperial", "древние", "древний"];

/// Marks as not kept every city hit that names a city of antiquity, with the paragraph's
/// other mentions of the same city.
pub(super) fn drop_ancient_cities(text: &str, hits: &[Hit<'_>], keep: &mut [bool]) {
    let ancient: Vec<&str> = hits
        .iter()
        .filter(|h| h.via == Via::City && of_antiquity(text, &h.range))
        .map(|h| &text[h.range.clone()])
        .collect();
    if ancient.is_empty() {
        return;
    }
    for (hit, kept) in hits.iter().zip(keep.iter_mut()) {
        if hit.via == Via::City && ancient.contains(&&text[hit.range.clone()]) {
            *kept = false;
        }
    }
}

/// Whether the city at `city` is named as of antiquity: beside a polity of antiquity
/// ("Athens and Sparta", "Sparta or Athens") or after a word such as "ancient" (古罗马).
fn of_antiquity(text: &str, city: &Range<usize>) -> bool {
    let before = before(text, city.start);
    let after = after(text, city.end);
    if before.ends_with('古') && !before.ends_with("蒙古") {
        return true;
    }
    let mut back = before.split_whitespace().rev();
    let word_before = back.next().unwrap_or("");
    if OF_OLD.iter().any(|w| w.eq_ignore_ascii_case(word_before)) {
        return true;
    }
    // Spaced scripts: a joiner, then the polity; or the polity, then a joiner.
    let mut ahead = after.split_whitespace();
    let (joiner, next) = (ahead.next().unwrap_or(""), ahead.next().unwrap_or(""));
    let bare = |w: &str| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    };
    if JOINERS.contains(&joiner) && ANCIENT.contains(&bare(next).as_str()) {
        return true;
    }
    if JOINERS.contains(&word_before)
        && back
            .next()
            .is_some_and(|w| ANCIENT.contains(&bare(w).as_str()))
    {
        return true;
    }
    // Chinese: 雅典和斯巴达, 斯巴达与雅典.
    let cjk_joined_after = ["和", "与", "、"]
        .iter()
        .filter_map(|j| after.strip_prefix(j))
        .any(|rest| ANCIENT.iter().any(|a| rest.starts_with(a)));
    let cjk_joined_before = ["和", "与", "、"]
        .iter()
        .filter_map(|j| before.strip_suffix(j))
        .any(|rest| ANCIENT.iter().any(|a| rest.ends_with(a)));
    cjk_joined_after || cjk_joined_before
}
