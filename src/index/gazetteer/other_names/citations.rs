//! Where a city is the place a cited work was published, not a place the text speaks of:
//! "London: Routledge, 2019", "New York: Columbia University Press", "The Daily Telegraph,
//! London, 29 Aug 2010".

use std::ops::Range;

use super::{after, before, one_of};
use crate::doc::reference_matter::has_a_year;

/// Words that end the name of a newspaper or a magazine, after which a city is where it
/// appears ("The Daily Telegraph, London").
const PUBLICATIONS: [&str; 12] = [
    "telegraph",
    "times",
    "post",
    "herald",
    "tribune",
    "guardian",
    "journal",
    "gazette",
    "daily",
    "review",
    "monitor",
    "economist",
];

/// Whether the city at `city` in `text` is a place of publication: followed by a colon and
/// a publisher's capitalised name in a line that gives a year, following a publication's
/// name and followed by a date, or a citation template's location ("|location=Islamabad|").
pub(super) fn is_place_of_publication(text: &str, city: &Range<usize>) -> bool {
    let before = before(text, city.start);
    // A citation template's field: "|location=Islamabad|".
    if before.ends_with("location=") || before.ends_with("place=") {
        return true;
    }
    let after = after(text, city.end);
    if let Some(publisher) = after.strip_prefix(": ") {
        return publisher.starts_with(|c: char| c.is_uppercase()) && gives_a_year(publisher);
    }
    let Some(date) = after.strip_prefix(", ") else {
        return false;
    };
    let Some(name) = before.strip_suffix(", ") else {
        return false;
    };
    let last = name
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    one_of(last, &PUBLICATIONS)
        && date.starts_with(|c: char| c.is_ascii_digit())
        && gives_a_year(date)
}

/// Whether the start of `text`, up to the end of its sentence, has a year (1800–2099).
fn gives_a_year(text: &str) -> bool {
    has_a_year(&text[..text.find(['\n', ';']).unwrap_or(text.len())])
}
