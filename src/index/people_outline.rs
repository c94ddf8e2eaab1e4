//! The People view as an outline tree: each person with their office and country, then each
//! mention's sentence with the name marked; names two people bear in a group of their own.

use super::countries::snippet;
use super::outline::{Outline, OutlineEntry};
use super::people::People;
use crate::doc::Document;

/// The longest snippet kept for a mention, in characters.
const SNIPPET_CHARS: usize = 160;

/// Builds the People view. Person rows come back so the view can start with them folded.
pub fn build(docs: &[Document], people: &People) -> (Outline, Vec<usize>) {
    let mut tree = Outline::default();
    let mut rows = Vec::new();
    let entry = |title: String| OutlineEntry::titled(0, None, title);
    // A mention's sentence with the name marked, under `parent`.
    let mention = |tree: &mut Outline,
                   parent: usize,
                   doc: usize,
                   block: crate::doc::BlockId,
                   range: std::ops::Range<usize>,
                   person: Option<usize>| {
        let d = &docs[doc];
        let b = &d.blocks[block.0];
        let (mut snip, mark) = snippet(b.text(), range.clone(), SNIPPET_CHARS);
        let shift = if docs.len() > 1 {
            snip = format!("{} › {snip}", d.name);
            d.name.len() + " › ".len()
        } else {
            0
        };
        tree.push(
            Some(parent),
            OutlineEntry {
                doc,
                block: Some(block),
                line: b.line,
                span: Some(range),
                mark: Some(mark.start + shift..mark.end + shift),
                person,
                ..entry(snip.replace('\n', " "))
            },
        );
    };
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
                    ..entry(format!("{:>3} {label}", person.mentions.len()))
                },
            );
            rows.push(row);
            for m in &person.mentions {
                mention(&mut tree, row, m.doc, m.block, m.range.clone(), Some(p));
            }
        }
    }
    if !people.shared.is_empty() {
        let group = tree.push(
            None,
            entry(format!(
                "Names two people bear, not counted · {}",
                people.shared.len()
            )),
        );
        for s in &people.shared {
            let who: Vec<String> = s
                .persons
                .iter()
                .map(|&p| people.persons[p].label())
                .collect();
            let text = &docs[s.at.doc].blocks[s.at.block.0].text()[s.at.range.clone()];
            let row = tree.push(
                Some(group),
                OutlineEntry {
                    doc: s.at.doc,
                    block: Some(s.at.block),
                    span: Some(s.at.range.clone()),
                    ..entry(format!("{text}: {}", who.join(" or ")))
                },
            );
            mention(
                &mut tree,
                row,
                s.at.doc,
                s.at.block,
                s.at.range.clone(),
                None,
            );
        }
    }
    if tree.entries.is_empty() {
        tree.push(None, entry("No people named with an office".to_string()));
    }
    (tree, rows)
}
