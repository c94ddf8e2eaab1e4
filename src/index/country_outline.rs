//! The Countries view as an outline tree: groups (countries, regions, organisations,
//! ambiguous forms), then each place, the sections that mention it, and each mention's
//! sentence with the mention marked.

use std::collections::HashMap;

use super::countries::{Countries, CountryOrder, Mention, snippet};
use super::gazetteer::{Gazetteer, PlaceKind};
use super::outline::{Outline, OutlineEntry};
use crate::doc::Document;

/// The longest snippet kept for a mention, in characters; the pane crops it around the
/// mention to its width.
const SNIPPET_CHARS: usize = 160;

/// Builds the Countries view. Place rows come back in `places` so the view can start with
/// them folded.
pub fn build(
    docs: &[Document],
    countries: &Countries,
    gazetteer: &Gazetteer,
    order: CountryOrder,
) -> (Outline, Vec<usize>) {
    let mut tree = Outline::default();
    let mut place_rows = Vec::new();
    let entry = |title: String| OutlineEntry::titled(0, None, title);
    // Each place's mentions, gathered in one pass rather than one pass per place.
    let mut by_place: HashMap<usize, Vec<&Mention>> = HashMap::new();
    for m in &countries.mentions {
        by_place.entry(m.place()).or_default().push(m);
    }
    for (kind, name) in [
        (PlaceKind::Country, "Countries"),
        (PlaceKind::Region, "Regions"),
        (PlaceKind::Organisation, "Organisations"),
    ] {
        let rows = countries.table(docs, gazetteer, kind, order);
        if rows.is_empty() {
            continue;
        }
        let group = tree.push(None, entry(format!("{name} · {}", rows.len())));
        for row in rows {
            let Some(mentions) = by_place.get(&row.place) else {
                continue;
            };
            let first = mentions[0];
            let english = if row.english == row.name {
                String::new()
            } else {
                format!(" {}", row.english)
            };
            let city = if row.via_city > 0 {
                format!(" ({} via city)", row.via_city)
            } else {
                String::new()
            };
            let place_row = tree.push(
                Some(group),
                OutlineEntry {
                    doc: first.doc(),
                    block: Some(first.block()),
                    span: Some(first.range()),
                    place: Some(row.place),
                    ..entry(format!(
                        "{:>3} {} {}{english}{city}",
                        row.mentions, row.code, row.name
                    ))
                },
            );
            place_rows.push(place_row);
            let mut section_row = None;
            let mut current_section = None;
            for &m in mentions {
                let doc = &docs[m.doc()];
                if current_section != Some((m.doc(), m.section())) || section_row.is_none() {
                    current_section = Some((m.doc(), m.section()));
                    let title = m
                        .section()
                        .map_or_else(|| doc.title(), |s| doc.blocks[s.0].text().to_string());
                    let title = if docs.len() > 1 {
                        format!("{} › {title}", doc.name)
                    } else {
                        title
                    };
                    section_row = Some(tree.push(
                        Some(place_row),
                        OutlineEntry {
                            doc: m.doc(),
                            block: Some(m.block()),
                            span: Some(m.range()),
                            place: Some(row.place),
                            ..entry(title)
                        },
                    ));
                }
                let text = doc.blocks[m.block().0].text();
                let (mut snip, mark) = snippet(text, m.range(), SNIPPET_CHARS);
                if m.via() == super::gazetteer::Via::City {
                    snip.push_str("  (via city)");
                }
                tree.push(
                    section_row,
                    OutlineEntry {
                        doc: m.doc(),
                        block: Some(m.block()),
                        line: doc.blocks[m.block().0].line,
                        span: Some(m.range()),
                        mark: Some(mark),
                        place: Some(row.place),
                        ..entry(snip.replace('\n', " "))
                    },
                );
            }
        }
    }
    if !countries.ambiguous.is_empty() {
        let group = tree.push(
            None,
            entry(format!(
                "Ambiguous, not counted · {}",
                countries.ambiguous.len()
            )),
        );
        for a in &countries.ambiguous {
            let doc = &docs[a.doc];
            let text = doc.blocks[a.block.0].text();
            let names: Vec<&str> = a
                .candidates
                .iter()
                .map(|&c| gazetteer.places[c].en.as_str())
                .collect();
            let (snip, mark) = snippet(text, a.range.clone(), SNIPPET_CHARS);
            let row = tree.push(
                Some(group),
                OutlineEntry {
                    doc: a.doc,
                    block: Some(a.block),
                    span: Some(a.range.clone()),
                    ..entry(format!(
                        "{}: {}",
                        &text[a.range.clone()],
                        names.join(" or ")
                    ))
                },
            );
            tree.push(
                Some(row),
                OutlineEntry {
                    doc: a.doc,
                    block: Some(a.block),
                    span: Some(a.range.clone()),
                    mark: Some(mark),
                    ..entry(snip.replace('\n', " "))
                },
            );
        }
    }
    (tree, place_rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::open::{OpenOptions, bundled};

    #[test]
    fn kyrgyzstan_unfolds_into_sections_and_marked_sentences() {
        let docs = vec![bundled(OpenOptions::default())];
        let g = Gazetteer::bundled();
        let countries = Countries::build(&docs, g);
        let (tree, places) = build(&docs, &countries, g, CountryOrder::Mentions);
        assert_eq!(tree.entries[0].title, "Countries · 20");
        let kg = places
            .iter()
            .copied()
            .find(|&i| {
                tree.entries[i]
                    .title
                    .starts_with(" 63 KG 吉尔吉斯斯坦 Kyrgyzstan")
            })
            .unwrap();
        let sections: Vec<&OutlineEntry> = tree
            .entries
            .iter()
            .filter(|e| e.parent == Some(kg))
            .collect();
        assert!(
            sections
                .iter()
                .any(|e| e.title == "中吉外长首次战略对话成功举行")
        );
        let sentence = tree
            .entries
            .iter()
            .find(|e| {
                e.mark.is_some()
                    && e.place == Some(tree.entries[kg].place.unwrap())
                    && e.title.contains("吉方")
            })
            .unwrap();
        let mark = sentence.mark.clone().unwrap();
        assert!(["吉方", "吉尔吉斯斯坦", "中吉", "吉中"].contains(&&sentence.title[mark]));
        let block = docs[0].blocks[sentence.block.unwrap().0].text();
        assert!(block[sentence.span.clone().unwrap()].contains('吉'));
        assert!(
            tree.entries
                .iter()
                .any(|e| e.title.starts_with("Ambiguous"))
        );
        assert!(
            tree.entries
                .iter()
                .any(|e| e.title.starts_with("Organisations"))
        );
    }
}
