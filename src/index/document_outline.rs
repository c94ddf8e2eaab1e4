//! The Documents view as an outline tree: kinds (charters and treaties, declarations,
//! programmes, laws, other titles), then each document cited, then each citation's sentence
//! with the title marked.

use super::countries::snippet;
use super::documents::cited;
use super::outline::{Outline, OutlineEntry};
use crate::doc::Document;

/// The longest snippet kept for a citation, in characters.
const SNIPPET_CHARS: usize = 160;

/// Builds the Documents view. Document rows come back so the view can start with them
/// folded.
pub fn build(docs: &[Document]) -> (Outline, Vec<usize>) {
    let mut tree = Outline::default();
    let mut rows = Vec::new();
    let entry = |title: String| OutlineEntry::titled(0, None, title);
    let all = cited(docs);
    let mut group = None;
    let mut kind = None;
    for c in &all {
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
                ..entry(format!("{:>3} {}", c.citations.len(), c.title))
            },
        );
        rows.push(row);
        for at in &c.citations {
            let doc = &docs[at.doc];
            let block = &doc.blocks[at.block.0];
            let (mut snip, mark) = snippet(block.text(), at.range.clone(), SNIPPET_CHARS);
            if docs.len() > 1 {
                snip = format!("{} › {snip}", doc.name);
            }
            let shift = if docs.len() > 1 {
                doc.name.len() + " › ".len()
            } else {
                0
            };
            tree.push(
                Some(row),
                OutlineEntry {
                    doc: at.doc,
                    block: Some(at.block),
                    line: block.line,
                    span: Some(at.range.clone()),
                    mark: Some(mark.start + shift..mark.end + shift),
                    ..entry(snip.replace('\n', " "))
                },
            );
        }
    }
    if all.is_empty() {
        tree.push(None, entry("No documents cited".to_string()));
    }
    (tree, rows)
}
