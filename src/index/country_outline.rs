//! The Countries view as an outline tree: groups (countries, regions, organisations,
//! ambiguous forms), then each place, the sections that mention it, and each mention's
//! sentence with the mention marked. The rows under a place are made when it is unfolded.

use std::collections::HashMap;

use super::countries::{Countries, CountryOrder, Mention, snippet};
use super::gazetteer::{Gazetteer, PlaceKind, Via};
use super::outline::{Outline, OutlineEntry, count_width};
use super::unfolding::Later;
use crate::doc::Document;

/// The longest snippet kept for a mention, in characters; the pane crops it around the
/// mention to its width.
const SNIPPET_CHARS: usize = 160;

/// A place named more often than this shows its sections first, each unfolding into its
/// mentions; one named less shows its sections and mentions together.
const MENTIONS_AT_ONCE: usize = 2_000;

/// The ambiguous forms' group starts open when it holds no more forms than this.
const FORMS_OPEN_AT_ONCE: usize = 50;

/// Builds the Countries view: its groups and a row for each place, whose sections and
/// mentions are made by [`rows_later`] when the place is unfolded. Place rows (and the
/// ambiguous forms' group, when it is long) come back in `places` so the view can start
/// with them folded.
pub fn build(
    docs: &[Document],
    countries: &Countries,
    gazetteer: &Gazetteer,
    order: CountryOrder,
) -> (Outline, Vec<usize>) {
    let mut tree = Outline::default();
    let mut place_rows = Vec::new();
    let entry = |title: String| OutlineEntry::titled(0, None, title);
    // Each place's first mention, found in one pass rather than one pass per place.
    let mut first: HashMap<usize, &Mention> = HashMap::new();
    for m in &countries.mentions {
        first.entry(m.place()).or_insert(m);
    }
    let kinds = [
        (PlaceKind::Country, "Countries"),
        (PlaceKind::Region, "Regions"),
        (PlaceKind::Organisation, "Organisations"),
    ];
    let tables = kinds.map(|(kind, _)| countries.table(docs, gazetteer, kind, order));
    // Counts right-aligned on the widest of every group's, so the codes line up.
    let width = count_width(tables.iter().flatten().map(|r| r.mentions));
    for ((_, name), rows) in kinds.into_iter().zip(tables) {
        if rows.is_empty() {
            continue;
        }
        let group = tree.push(None, entry(format!("{name} · {}", rows.len())));
        for row in rows {
            let Some(first) = first.get(&row.place) else {
                continue;
            };
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
                    has_children: true,
                    later: Some(Later::Place(row.place)),
                    ..entry(format!(
                        "{:>width$} {} {}{english}{city}",
                        row.mentions, row.code, row.name
                    ))
                },
            );
            place_rows.push(place_row);
        }
    }
    if !countries.ambiguous.is_empty() {
        let group = tree.push(
            None,
            OutlineEntry {
                has_children: true,
                later: Some(Later::Ambiguous),
                ..entry(format!(
                    "Ambiguous, not counted · {}",
                    countries.ambiguous.len()
                ))
            },
        );
        if countries.ambiguous.len() > FORMS_OPEN_AT_ONCE {
            place_rows.push(group);
        }
    }
    (tree, place_rows)
}

/// The rows under a place, a section of a place, or the ambiguous forms' group, their
/// parents counted from the first of them (see [`Outline::insert_children`]); empty for
/// rows of another view.
pub fn rows_later(
    docs: &[Document],
    countries: &Countries,
    gazetteer: &Gazetteer,
    later: &Later,
) -> Outline {
    match *later {
        Later::Place(place) => {
            let mentions: Vec<&Mention> = countries
                .mentions
                .iter()
                .filter(|m| m.place() == place)
                .collect();
            sections(docs, &mentions, mentions.len() <= MENTIONS_AT_ONCE)
        }
        Later::PlaceInSection {
            place,
            doc,
            section,
        } => {
            let mut tree = Outline::default();
            for m in countries
                .mentions
                .iter()
                .filter(|m| m.place() == place && m.doc() == doc && m.section() == section)
            {
                push_mention(&mut tree, None, docs, m);
            }
            tree
        }
        Later::Ambiguous => ambiguous(docs, countries, gazetteer),
        _ => Outline::default(),
    }
}

/// A place's mentions by section: each section with its mentions under it (`with_mentions`),
/// or each section alone, with its count kept in view, its mentions made when it is unfolded.
fn sections(docs: &[Document], mentions: &[&Mention], with_mentions: bool) -> Outline {
    let mut tree = Outline::default();
    let mut i = 0;
    while let Some(&m) = mentions.get(i) {
        let doc = &docs[m.doc()];
        let key = (m.doc(), m.section());
        let n = mentions[i..]
            .iter()
            .take_while(|o| (o.doc(), o.section()) == key)
            .count();
        let title = m
            .section()
            .map_or_else(|| doc.title(), |s| doc.blocks[s.0].text().to_string());
        let title = if docs.len() > 1 {
            format!("{} › {title}", doc.name)
        } else {
            title
        };
        let mut row = OutlineEntry {
            doc: m.doc(),
            block: Some(m.block()),
            span: Some(m.range()),
            place: Some(m.place()),
            ..OutlineEntry::titled(0, None, title)
        };
        if !with_mentions {
            row.tail = format!(" · {n}");
            row.has_children = true;
            row.later = Some(Later::PlaceInSection {
                place: m.place(),
                doc: m.doc(),
                section: m.section(),
            });
        }
        let section_row = tree.push(None, row);
        if with_mentions {
            for &m in &mentions[i..i + n] {
                push_mention(&mut tree, Some(section_row), docs, m);
            }
        }
        i += n;
    }
    tree
}

/// A mention's sentence with the mention marked.
fn push_mention(tree: &mut Outline, parent: Option<usize>, docs: &[Document], m: &Mention) {
    let doc = &docs[m.doc()];
    let block = &doc.blocks[m.block().0];
    let (snip, mark) = snippet(block.text(), m.range(), SNIPPET_CHARS);
    tree.push(
        parent,
        OutlineEntry {
            doc: m.doc(),
            block: Some(m.block()),
            line: block.line,
            span: Some(m.range()),
            mark: Some(mark),
            place: Some(m.place()),
            tail: if m.via() == Via::City {
                "(via city)".to_string()
            } else {
                String::new()
            },
            ..OutlineEntry::titled(0, None, snip.replace('\n', " "))
        },
    );
}

/// Each form that could name more than one place, with its sentence.
fn ambiguous(docs: &[Document], countries: &Countries, gazetteer: &Gazetteer) -> Outline {
    let mut tree = Outline::default();
    for a in &countries.ambiguous {
        let text = docs[a.doc].blocks[a.block.0].text();
        let names: Vec<&str> = a
            .candidates
            .iter()
            .map(|&c| gazetteer.places[c].en.as_str())
            .collect();
        let (snip, mark) = snippet(text, a.range.clone(), SNIPPET_CHARS);
        let row = tree.push(
            None,
            OutlineEntry {
                doc: a.doc,
                block: Some(a.block),
                span: Some(a.range.clone()),
                ..OutlineEntry::titled(
                    0,
                    None,
                    format!("{}: {}", &text[a.range.clone()], names.join(" or ")),
                )
            },
        );
        tree.push(
            Some(row),
            OutlineEntry {
                doc: a.doc,
                block: Some(a.block),
                span: Some(a.range.clone()),
                mark: Some(mark),
                ..OutlineEntry::titled(0, None, snip.replace('\n', " "))
            },
        );
    }
    tree
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::open::{OpenOptions, bundled};

    #[test]
    fn counts_of_four_digits_stay_in_line_with_the_others() {
        let mut text = String::from("# Talks\n\n");
        for _ in 0..1200 {
            text.push_str("The delegation of France spoke.\n\n");
        }
        text.push_str("Japan and France met.\n\n");
        let docs = vec![crate::doc::Document::parse(
            "talks.md",
            None,
            "UTF-8",
            &text,
            crate::doc::Format::Markdown,
            crate::doc::ParseOptions::default(),
        )];
        let g = Gazetteer::bundled();
        let countries = Countries::build(&docs, g);
        let (tree, places) = build(&docs, &countries, g, CountryOrder::Mentions);
        let rows: Vec<&str> = places
            .iter()
            .map(|&i| tree.entries[i].title.as_str())
            .collect();
        let code_at = |code: &str| {
            rows.iter()
                .find_map(|r| r.find(code))
                .unwrap_or_else(|| panic!("{code} in {rows:?}"))
        };
        assert!(rows.iter().any(|r| r.starts_with("1201 FR")), "{rows:?}");
        assert_eq!(code_at(" FR "), code_at(" JP "), "{rows:?}");
    }

    #[test]
    fn kyrgyzstan_unfolds_into_sections_and_marked_sentences() {
        let docs = vec![bundled(OpenOptions::default())];
        let g = Gazetteer::bundled();
        let countries = Countries::build(&docs, g);
        let (mut tree, places) = build(&docs, &countries, g, CountryOrder::Mentions);
        assert_eq!(tree.entries[0].title, "Countries · 20");
        let kg = places
            .iter()
            .copied()
            .find(|&i| {
                tree.entries[i]
                    .title
                    .starts_with(" 62 KG 吉尔吉斯斯坦 Kyrgyzstan")
            })
            .unwrap();
        assert!(tree.entries[kg].has_children);
        assert!(
            !tree.is_under(kg + 1, kg),
            "a place's rows are made when it is unfolded"
        );
        let later = tree.entries[kg].later.take().unwrap();
        let rows = rows_later(&docs, &countries, g, &later);
        let n = tree.insert_children(kg, rows);
        assert!(n > 62, "every mention under its section: {n}");
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

    #[test]
    fn a_place_named_very_often_unfolds_into_sections_then_mentions() {
        let mut text = String::new();
        for part in ["One", "Two", "Three"] {
            text.push_str(&format!("# {part}\n\n"));
            for i in 0..(MENTIONS_AT_ONCE / 2) {
                text.push_str(&format!("Japan and Chile agreed, item {i}.\n\n"));
            }
        }
        let docs = vec![crate::doc::markdown("long.md", &text)];
        let g = Gazetteer::bundled();
        let countries = Countries::build(&docs, g);
        let (tree, places) = build(&docs, &countries, g, CountryOrder::Mentions);
        assert_eq!(places.len(), 2, "Japan and Chile, nothing under them yet");
        assert!(tree.entries.len() < 5, "{:?}", tree.entries);
        let japan = tree.entries[places[0]].later.clone().unwrap();
        let sections = rows_later(&docs, &countries, g, &japan);
        let titles: Vec<String> = sections
            .entries
            .iter()
            .map(|e| format!("{}{}", e.title, e.tail))
            .collect();
        let n = MENTIONS_AT_ONCE / 2;
        assert_eq!(
            titles,
            [
                format!("One · {n}"),
                format!("Two · {n}"),
                format!("Three · {n}")
            ]
        );
        let Some(Later::PlaceInSection { section, .. }) = sections.entries[1].later.clone() else {
            panic!("a section's mentions wait: {:?}", sections.entries[1]);
        };
        assert_eq!(docs[0].blocks[section.unwrap().0].text(), "Two");
        let mentions = rows_later(
            &docs,
            &countries,
            g,
            sections.entries[1].later.as_ref().unwrap(),
        );
        assert_eq!(mentions.entries.len(), n);
        assert!(
            mentions
                .entries
                .iter()
                .all(|e| e.parent.is_none() && e.mark.is_some())
        );
        let first = &mentions.entries[0];
        assert_eq!(&first.title[first.mark.clone().unwrap()], "Japan");
        assert!(first.title.ends_with("item 0."), "{}", first.title);
    }
}
