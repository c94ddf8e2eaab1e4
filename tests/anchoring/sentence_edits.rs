//! Editions that touch some sentences of a paragraph, for notes on one sentence (its other
//! sentences reworded; it reworded, moved on into the next paragraph, or deleted), and
//! editions of a document that repeats a paragraph word for word (a note on one copy).

use std::collections::HashMap;

use super::cases::Pair;
use super::edits::{Material, pair, paras, pick};
use super::reword::{Lang, Rng, reword};

/// The editions of a document's sentences and copies.
pub fn editions(name: &str, m: &Material, rng: &mut Rng) -> Vec<Pair> {
    let (doc, lang, passages, long, splittable, n) =
        (m.doc, m.lang, m.passages, m.long, m.splittable, m.n);
    let mut out = Vec::new();
    // Notes on one sentence of a paragraph whose other sentences were reworded.
    let chosen = pick(rng, splittable, n);
    let mut new = paras(doc);
    for p in &mut new {
        if p.from.len() == 1 && chosen.contains(&p.from[0]) {
            let cuts = brief::doc::sentences::sentences(&p.text);
            let first = p.text[cuts[0].clone()].to_string();
            let reworded = reword(&first, 0.3, lang, rng);
            p.text = p.text.replacen(&first, &reworded, 1);
        }
    }
    out.push(pair(
        name,
        "narrowed, rest reworded",
        doc,
        new,
        &chosen,
        true,
    ));

    // Notes on the last sentence of a paragraph, that sentence moved to the start of the
    // next paragraph: the note goes with it.
    let movable: Vec<usize> = splittable
        .iter()
        .copied()
        .filter(|&i| long.contains(&(i + 1)))
        .collect();
    let chosen = pick(rng, &movable, n);
    let mut new = paras(doc);
    let mut cases = Vec::new();
    for &i in chosen.iter().rev() {
        let at = new.iter().position(|p| p.from == [i]).expect("there");
        if new.get(at + 1).is_none_or(|p| p.from != [i + 1]) {
            continue;
        }
        let cuts = brief::doc::sentences::sentences(&new[at].text);
        let last = new[at].text[cuts[cuts.len() - 1].clone()]
            .trim()
            .to_string();
        let keep = new[at].text[..cuts[cuts.len() - 1].start]
            .trim()
            .to_string();
        new[at].text = keep;
        new[at].from.clear();
        let joiner = if lang == Lang::Zh { "" } else { " " };
        new[at + 1].text = format!("{last}{joiner}{}", new[at + 1].text);
        new[at + 1].from.insert(0, i);
        cases.push(i);
    }
    out.push(pair(
        name,
        "narrowed, sentence moved on",
        doc,
        new,
        &cases,
        true,
    ));

    // Paragraphs the document repeats word for word (a list item of two articles, a
    // formula): a note on one copy when another copy is deleted, when its own copy is
    // deleted, and when its own copy is amended.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut twins: Vec<(usize, usize)> = Vec::new();
    for &i in passages {
        let text = doc.blocks[i].text();
        if text.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        match seen.get(text) {
            Some(&first) if !twins.iter().any(|&(a, _)| a == first) => twins.push((first, i)),
            Some(_) => {}
            None => {
                seen.insert(text, i);
            }
        }
    }
    twins.retain(|&(a, b)| {
        let text = doc.blocks[a].text();
        passages
            .iter()
            .filter(|&&i| doc.blocks[i].text() == text)
            .count()
            == 2
            && b > a + 1
    });
    if !twins.is_empty() {
        let twins: Vec<(usize, usize)> = twins.into_iter().take(n).collect();
        let noted: Vec<usize> = twins.iter().map(|&(_, b)| b).collect();
        let mut new = paras(doc);
        new.retain(|p| !(p.from.len() == 1 && twins.iter().any(|&(a, _)| a == p.from[0])));
        out.push(pair(
            name,
            "copies, another deleted",
            doc,
            new,
            &noted,
            false,
        ));
        let mut new = paras(doc);
        new.retain(|p| !(p.from.len() == 1 && noted.contains(&p.from[0])));
        out.push(pair(
            name,
            "copies, this one deleted",
            doc,
            new,
            &noted,
            false,
        ));
        let mut new = paras(doc);
        for p in &mut new {
            if p.from.len() == 1 && noted.contains(&p.from[0]) {
                p.text = reword(&p.text, 0.1, lang, rng);
            }
        }
        out.push(pair(
            name,
            "copies, this one amended",
            doc,
            new,
            &noted,
            false,
        ));
    }

    // Notes on the last sentence of a paragraph, that sentence amended: the note stays on
    // it, changed.
    let chosen = pick(rng, splittable, n);
    let mut new = paras(doc);
    for p in &mut new {
        if p.from.len() == 1 && chosen.contains(&p.from[0]) {
            let cuts = brief::doc::sentences::sentences(&p.text);
            let last = p.text[cuts[cuts.len() - 1].clone()].to_string();
            let reworded = reword(&last, 0.15, lang, rng);
            p.text = format!("{}{reworded}", &p.text[..cuts[cuts.len() - 1].start]);
        }
    }
    out.push(pair(
        name,
        "narrowed, sentence reworded",
        doc,
        new,
        &chosen,
        true,
    ));

    // Notes on the last sentence of a paragraph, that sentence deleted: the note is
    // detached, never put on the paragraph's other sentences.
    let chosen = pick(rng, splittable, n);
    let mut new = paras(doc);
    for p in &mut new {
        if p.from.len() == 1 && chosen.contains(&p.from[0]) {
            let cuts = brief::doc::sentences::sentences(&p.text);
            p.text = p.text[..cuts[cuts.len() - 1].start].trim().to_string();
            p.from.clear();
        }
    }
    out.push(pair(
        name,
        "narrowed, sentence deleted",
        doc,
        new,
        &chosen,
        true,
    ));
    out
}
