//! The Documents view as an outline tree: kinds (charters and treaties, declarations,
//! programmes, laws, other titles), then each document cited, then each citation's sentence
//! with the title marked.

use super::documents::Cited;
use super::outline::{Outline, OutlineEntry, count_width};
use super::unfolding::Later;
use crate::doc::Document;

/// Builds the Documents view from the documents `all` cited (see [`super::documents::cited`]): a row for each,
/// whose citations [`rows_later`] makes when it is unfolded. Document rows come back so the
/// view can start with them folded.
pub fn build(all: &[Cited]) -> (Outline, Vec<usize>) {
    let mut tree = Outline::default();
    let mut rows = Vec::new();
    let entry = |title: String| OutlineEntry::titled(0, None, title);
    let mut group = None;
    let mut kind = None;
    // Counts right-aligned on the widest.
    let width = count_width(all.iter().map(|c| c.citations.len()));
    for (i, c) in all.iter().enumerate() {
        if kind != Some(c.kind) {
            kind = Some(c.kind);
            let count = all.iter().filter(|d| d.kind == c.kind).count();
            group = Some(tree.push(None, entry(format!("{} · {count}", c.kind.label()))));
        }
        let first = &c.citations[0];
        let row = tree.push(
            group,
            OutlineEntry {
                doc: first.doc,
                block: Some(first.block),
                span: Some(first.range.clone()),
                has_children: true,
                later: Some(Later::Cited(i)),
                cited: Some(i),
                ..entry(format!("{:>width$} {}", c.citations.len(), c.title))
            },
        );
        rows.push(row);
    }
    if all.is_empty() {
        tree.push(None, entry("No documents cited".to_string()));
    }
    (tree, rows)
}

/// The citations of a document cited, each its sentence with the title marked, their parents
/// counted from the first of them (see [`Outline::insert_children`]); empty for rows of
/// another view.
pub fn rows_later(docs: &[Document], all: &[Cited], later: &Later) -> Outline {
    let mut tree = Outline::default();
    let Later::Cited(i) = *later else {
        return tree;
    };
    for at in all.get(i).map_or(&[][..], |c| &c.citations) {
        tree.push(
            None,
            OutlineEntry::sentence(docs, at.doc, at.block, at.range.clone()),
        );
    }
    tree
}
