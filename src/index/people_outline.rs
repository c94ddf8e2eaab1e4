//! The People view as an outline tree: each person with their office and country, then each
//! mention's sentence with the name marked; names two people bear in a group of their own.

use super::outline::{Outline, OutlineEntry, count_width};
use super::people::People;
use super::unfolding::Later;
use crate::doc::{BlockId, Document};
use std::ops::Range;

/// The shared names' group starts open when it holds no more names than this.
const NAMES_OPEN_AT_ONCE: usize = 50;

/// Builds the People view: a row for each person, whose mentions [`rows_later`] makes when
/// the row is unfolded. Person rows (and the shared names' group, when it is long) come back
/// so the view can start with them folded.
pub fn build(people: &People) -> (Outline, Vec<usize>) {
    let mut tree = Outline::default();
    let mut rows = Vec::new();
    let entry = |title: String| OutlineEntry::titled(0, None, title);
    // Counts right-aligned on the widest.
    let width = count_width(people.persons.iter().map(|p| p.mentions.len()));
    for (name, reporters) in [("People", false), ("Reporters, in bylines", true)] {
        let count = people
            .persons
            .iter()
            .filter(|p| p.reporter == reporters)
            .count();
        if count == 0 {
            continue;
        }
        let group = tree.push(None, entry(format!("{name} · {count}")));
        for (p, person) in people.persons.iter().enumerate() {
            if person.reporter != reporters {
                continue;
            }
            let first = &person.mentions[0];
            let label = person.label();
            let row = tree.push(
                Some(group),
                OutlineEntry {
                    doc: first.doc,
                    block: Some(first.block),
                    span: Some(first.range.clone()),
                    person: Some(p),
                    has_children: true,
                    later: Some(Later::Person(p)),
                    ..entry(format!("{:>width$} {label}", person.mentions.len()))
                },
            );
            rows.push(row);
        }
    }
    if !people.shared.is_empty() {
        let group = tree.push(
            None,
            OutlineEntry {
                has_children: true,
                later: Some(Later::SharedNames),
                ..entry(format!(
                    "Names two people bear, not counted · {}",
                    people.shared.len()
                ))
            },
        );
        if people.shared.len() > NAMES_OPEN_AT_ONCE {
            rows.push(group);
        }
    }
    if tree.entries.is_empty() {
        tree.push(None, entry("No people named with an office".to_string()));
    }
    (tree, rows)
}

/// The rows under a person or the shared names' group, their parents counted from the
/// first of them (see [`Outline::insert_children`]); empty for rows of another view.
pub fn rows_later(docs: &[Document], people: &People, later: &Later) -> Outline {
    let mut tree = Outline::default();
    match *later {
        Later::Person(p) => {
            let Some(person) = people.persons.get(p) else {
                return tree;
            };
            for m in &person.mentions {
                push_mention(
                    &mut tree,
                    None,
                    docs,
                    m.doc,
                    m.block,
                    m.range.clone(),
                    Some(p),
                );
            }
        }
        Later::SharedNames => {
            for s in &people.shared {
                let who: Vec<String> = s
                    .persons
                    .iter()
                    .map(|&p| people.persons[p].label())
                    .collect();
                let text = &docs[s.at.doc].blocks[s.at.block.0].text()[s.at.range.clone()];
                let row = tree.push(
                    None,
                    OutlineEntry {
                        doc: s.at.doc,
                        block: Some(s.at.block),
                        span: Some(s.at.range.clone()),
                        ..OutlineEntry::titled(0, None, format!("{text}: {}", who.join(" or ")))
                    },
                );
                push_mention(
                    &mut tree,
                    Some(row),
                    docs,
                    s.at.doc,
                    s.at.block,
                    s.at.range.clone(),
                    None,
                );
            }
        }
        _ => {}
    }
    tree
}

/// A mention's sentence with the name marked, under `parent`.
fn push_mention(
    tree: &mut Outline,
    parent: Option<usize>,
    docs: &[Document],
    doc: usize,
    block: BlockId,
    range: Range<usize>,
    person: Option<usize>,
) {
    tree.push(
        parent,
        OutlineEntry {
            person,
            ..OutlineEntry::sentence(docs, doc, block, range)
        },
    );
}
