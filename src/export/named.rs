//! What a quoted passage names, for the note's lines under it and its indexes: the countries
//! it mentions, the people it names and the documents it cites, each once, in order, and only
//! in the part of the paragraph the passage quotes.

use super::{Input, Passage};
use crate::index::countries::Language;
use crate::index::documents::titles;
use crate::index::gazetteer::PlaceKind;
use crate::index::people::People;

/// The part of the paragraph a passage quotes (a note on some sentences is about those).
fn quoted_part(text: &str, quote: &str) -> std::ops::Range<usize> {
    text.find(quote)
        .map_or(0..text.len(), |at| at..at + quote.len())
}

/// The people a passage names, each once, in order: their name, office and country.
pub(super) fn people_of(input: &Input<'_>, people: &People, p: &Passage) -> Vec<String> {
    let Some(block) = p.block else {
        return Vec::new();
    };
    let Some(text) = input.docs[p.doc].block(block).map(|b| b.text()) else {
        return Vec::new();
    };
    let part = quoted_part(text, &p.quote);
    let mut named: Vec<(usize, String)> = Vec::new();
    for person in people.persons.iter().filter(|p| !p.reporter) {
        if let Some(m) = person.mentions.iter().find(|m| {
            m.doc == p.doc
                && m.block == block
                && part.start <= m.range.start
                && m.range.end <= part.end
        }) {
            named.push((m.range.start, person.label()));
        }
    }
    named.sort();
    named.into_iter().map(|(_, label)| label).collect()
}

/// The titles of the documents a passage cites, each once, in order.
pub(super) fn documents_of(input: &Input<'_>, p: &Passage) -> Vec<String> {
    let Some(text) = p
        .block
        .and_then(|b| input.docs[p.doc].block(b))
        .map(|b| b.text())
    else {
        return Vec::new();
    };
    let part = quoted_part(text, &p.quote);
    let mut out: Vec<String> = Vec::new();
    for t in titles(text) {
        if part.start <= t.range.start && t.range.end <= part.end && !out.contains(&t.title) {
            out.push(t.title);
        }
    }
    out
}

/// The countries and regions a passage's paragraph mentions: the English name, and the name
/// in the document's language with the English name after.
pub(super) fn countries_of(input: &Input<'_>, p: &Passage) -> Vec<(String, String)> {
    let Some(block) = p.block else {
        return Vec::new();
    };
    let language = Language::of(&input.docs[p.doc]);
    // A note on some sentences names the countries of those sentences.
    let part = input.docs[p.doc]
        .block(block)
        .and_then(|b| b.text().find(&p.quote).map(|at| at..at + p.quote.len()))
        .unwrap_or(0..usize::MAX);
    input
        .countries
        .in_part_of_block(p.doc, block, part)
        .into_iter()
        .map(|i| &input.gazetteer.places[i])
        .filter(|place| matches!(place.kind, PlaceKind::Country | PlaceKind::Region))
        .map(|place| {
            let local = match language {
                Language::Chinese => &place.zh,
                Language::Russian => &place.ru,
                Language::English => &place.en,
            };
            let name = if *local == place.en {
                place.en.clone()
            } else {
                format!("{local} ({})", place.en)
            };
            (place.en.clone(), name)
        })
        .collect()
}
