//! `brief documents`: the treaties, declarations, programmes and laws the briefings cite,
//! by kind, with every place each is cited.

use std::io::Write;

use serde::Serialize;

use super::lines_listed::{is_paged, lines_listed};
use super::source_lines::SourceLines;
use crate::doc::Document;
use crate::index::countries::snippet;
use crate::index::documents::{Kind, cited};

/// The JSON: one object keyed by what it lists, as for countries and people.
#[derive(Serialize)]
struct Listing {
    documents: Vec<DocumentRow>,
}

#[derive(Serialize)]
struct DocumentRow {
    title: String,
    kind: Kind,
    /// How many times it is cited.
    count: usize,
    mentions: Vec<CitationRow>,
}

#[derive(Serialize)]
struct CitationRow {
    document: String,
    line: usize,
    snippet: String,
}

/// Prints the documents cited, as a list by kind or as JSON.
pub fn print(docs: &[Document], json: bool, out: &mut impl Write) -> anyhow::Result<()> {
    let lines = SourceLines::read(docs);
    let found = cited(docs);
    crate::trace::phase("documents cited found");
    let rows: Vec<DocumentRow> = found
        .into_iter()
        .map(|c| DocumentRow {
            title: c.title,
            kind: c.kind,
            count: c.citations.len(),
            mentions: c
                .citations
                .iter()
                .map(|at| {
                    let doc = &docs[at.doc];
                    let block = &doc.blocks[at.block.0];
                    CitationRow {
                        document: doc.name.clone(),
                        line: lines.line(docs, at.doc, at.block, at.range.clone()),
                        snippet: snippet(block.text(), at.range.clone(), 60).0,
                    }
                })
                .collect(),
        })
        .collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &Listing { documents: rows })?;
        writeln!(out)?;
        return Ok(());
    }
    if rows.is_empty() {
        writeln!(out, "No documents cited")?;
        return Ok(());
    }
    let several = docs.len() > 1;
    let mut kind = None;
    for row in &rows {
        if kind != Some(row.kind) {
            if kind.is_some() {
                writeln!(out)?;
            }
            kind = Some(row.kind);
            let count = rows.iter().filter(|r| r.kind == row.kind).count();
            writeln!(out, "{} · {count}", row.kind.label())?;
        }
        let places = row.mentions.iter().map(|c| (c.document.as_str(), c.line));
        writeln!(
            out,
            "  {:>3}× {}  ({})",
            row.count,
            row.title,
            lines_listed(places, several, |d| is_paged(docs, d))
        )?;
    }
    Ok(())
}
