//! People an English sentence makes the holder of an office, the name before the verb and the
//! office after it: "In 1983 Li Xiannian became head of state", "Jacinda Ardern was elected
//! Prime Minister", "Kevin Rudd was sworn in as Prime Minister of Australia". A name is two
//! to four capitalised words, none a place or an acronym, with no capitalised word before
//! them (so "The Council became…" and "China became…" introduce no one).

use std::ops::Range;

use super::Introduced;
use super::english::HEADS;
use super::words::{Word, capitalised, is_place, words};
use crate::index::gazetteer::Gazetteer;

/// Verbs (and the words after them) that make the subject the office's holder.
const BECAME: [&[&str]; 9] = [
    &["became"],
    &["becomes"],
    &["was", "elected"],
    &["was", "appointed"],
    &["was", "named"],
    &["was", "sworn", "in", "as"],
    &["was", "re-elected"],
    &["served", "as"],
    &["succeeded", "as"],
];

/// Offices written in lower case that a verb of becoming names ("head of state").
const LOWER_CASE_OFFICES: [&str; 3] = ["head of state", "head of government", "head of the"];

/// Adds the names a verb of becoming makes an office's holder in `text` to `out`.
pub(super) fn introduced(text: &str, out: &mut Vec<Introduced>) {
    let words = words(text, true);
    let gazetteer = Gazetteer::bundled();
    for i in 0..words.len() {
        let Some(verb) = BECAME.iter().find(|v| {
            v.iter()
                .enumerate()
                .all(|(k, w)| words.get(i + k).is_some_and(|x| x.text == *w && !x.closes))
        }) else {
            continue;
        };
        let Some(name) = name_before(&words, i, gazetteer) else {
            continue;
        };
        let mut at = i + verb.len();
        if words.get(at).is_some_and(|w| w.text == "the" && !w.closes) {
            at += 1;
        }
        let Some(office) = office_at(text, &words, at) else {
            continue;
        };
        out.push(Introduced {
            name,
            office,
            reporter: false,
            of: None,
        });
    }
}

/// The name just before word `verb`: two to four capitalised words with no punctuation
/// between them and it, not a place or an acronym, and no capitalised word before them.
fn name_before(words: &[Word], verb: usize, gazetteer: &Gazetteer) -> Option<Range<usize>> {
    let mut start = verb;
    while start > 0 && verb - start < 4 {
        let w = &words[start - 1];
        if w.closes || !capitalised(w.text) || !w.text.chars().all(char::is_alphabetic) {
            break;
        }
        start -= 1;
    }
    let name = &words[start..verb];
    let before_is_capital = start > 0
        && !words[start - 1].closes
        && capitalised(words[start - 1].text)
        && !matches!(
            words[start - 1].text,
            "In" | "On" | "By" | "Then" | "Later" | "When"
        );
    if name.len() < 2
        || before_is_capital
        || name.iter().any(|w| {
            is_place(w.text, gazetteer)
                || w.text.chars().all(char::is_uppercase)
                || HEADS.contains(&w.text)
        })
    {
        return None;
    }
    Some(name[0].range.start..name[name.len() - 1].range.end)
}

/// The office from word `at`: a capitalised head and its `of` phrase ("President of China",
/// "Prime Minister"), or a lower-case office ("head of state").
fn office_at(text: &str, words: &[Word], at: usize) -> Option<Range<usize>> {
    let first = words.get(at)?;
    let rest = &text[first.range.start..];
    if let Some(office) = LOWER_CASE_OFFICES.iter().find(|o| rest.starts_with(**o)) {
        let end = first.range.start + office.len();
        // "head of the government": to the end of its words.
        let end = end
            + text[end..]
                .find([',', '.', ';', '\n'])
                .unwrap_or(text.len() - end)
                .min(40);
        let office = &text[first.range.start..end];
        let office = office.trim_end();
        return Some(first.range.start..first.range.start + office.len());
    }
    // Capitalised words up to and including a head, then "of" and capitalised words.
    let mut end = at;
    let mut head = false;
    while let Some(w) = words.get(end) {
        if !capitalised(w.text) {
            break;
        }
        head |= HEADS.contains(&w.text);
        end += 1;
        if w.closes {
            break;
        }
    }
    if !head {
        return None;
    }
    if !words[end - 1].closes && words.get(end).is_some_and(|w| w.text == "of") {
        let mut of_end = end + 1;
        while let Some(w) = words.get(of_end) {
            if !(capitalised(w.text) || w.text == "the") {
                break;
            }
            of_end += 1;
            if w.closes {
                break;
            }
        }
        if of_end > end + 1 && capitalised(words[of_end - 1].text) {
            end = of_end;
        }
    }
    Some(first.range.start..words[end - 1].range.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        introduced(text, &mut out);
        out.into_iter()
            .map(|f| (text[f.name].to_string(), text[f.office].to_string()))
            .collect()
    }

    #[test]
    fn a_verb_of_becoming_makes_the_name_before_it_the_offices_holder() {
        assert_eq!(
            found(
                "In 1983 Li Xiannian became head of state. Jacinda Ardern was elected Prime \
                 Minister in 2017, and Kevin Rudd was sworn in as Prime Minister of Australia."
            ),
            [
                ("Li Xiannian", "head of state"),
                ("Jacinda Ardern", "Prime Minister"),
                ("Kevin Rudd", "Prime Minister of Australia"),
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
    }

    #[test]
    fn places_bodies_and_single_words_become_no_one() {
        for text in [
            "China became President of the Council.",
            "The Security Council became Chair of the talks.",
            "Biden became President.",
            "The UN Secretary General became head of state.",
            "NATO became head of the alliance.",
            "Li Xiannian became famous.",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
    }
}
