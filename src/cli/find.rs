//! `brief find`: the jump palette's ranked matches, printed for scripts and quick lookups.

use std::io::Write;

use serde::Serialize;

use crate::doc::Document;
use crate::index::countries::Countries;
use crate::index::gazetteer::Gazetteer;
use crate::index::jump::{CandidateKind, JumpIndex, Query};

/// How many characters of a match's text are printed.
const SNIPPET_CHARS: usize = 72;

#[derive(Serialize)]
struct Hit {
    document: String,
    section: String,
    line: usize,
    kind: &'static str,
    score: i64,
    text: String,
    /// Character positions of `text` that matched.
    matched: Vec<usize>,
}

/// Prints the best `limit` matches of `query`.
pub fn print(
    docs: &[Document],
    query: &str,
    limit: usize,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<usize> {
    let gazetteer = Gazetteer::bundled();
    let query = Query::parse(query);
    let index = if JumpIndex::places_could_match(gazetteer, &query) {
        // Places are found while the text candidates are built.
        let (mut index, countries) = std::thread::scope(|scope| {
            let countries = scope.spawn(|| Countries::build(docs, gazetteer));
            let index = JumpIndex::of_text(docs);
            (index, countries.join().unwrap_or_default())
        });
        index.add_places(docs, &countries, gazetteer);
        index
    } else if matches!(
        query.kind,
        Some(CandidateKind::Person | CandidateKind::Document)
    ) {
        // `+` and `"` look for the people named and the documents cited, not for places.
        let mut index = JumpIndex::of_text(docs);
        index.add_places(docs, &Countries::default(), gazetteer);
        index
    } else {
        JumpIndex::of_text(docs)
    };
    // Unbroken runs rank above everything else: when there are enough of them, the scattered
    // matches need not be looked for.
    let runs = index
        .search_runs(&query, None, &|| false)
        .unwrap_or_default();
    let found = if runs.complete || runs.matches.len() >= limit {
        runs
    } else {
        index
            .search_rest(&query, None, &runs, &|| false)
            .unwrap_or_default()
    };
    let hits: Vec<Hit> = found
        .matches
        .iter()
        .take(limit)
        .map(|m| {
            let c = index.shown(m);
            let doc = &docs[c.doc];
            Hit {
                document: doc.name.clone(),
                section: c
                    .section
                    .map(|s| doc.blocks[s.0].text().to_string())
                    .unwrap_or_default(),
                line: doc.blocks[c.block.0].line,
                kind: match c.kind {
                    CandidateKind::Heading => "heading",
                    CandidateKind::Paragraph => "paragraph",
                    CandidateKind::Sentence => "sentence",
                    CandidateKind::Place => "place",
                    CandidateKind::Document => "document",
                    CandidateKind::Person => "person",
                    CandidateKind::Bookmark => "bookmark",
                    CandidateKind::Note => "note",
                },
                score: m.score,
                text: c.text.to_string(),
                matched: m.chars.clone(),
            }
        })
        .collect();
    // The process ends after printing: freeing every candidate one by one would only cost time.
    std::mem::forget(index);
    if json {
        serde_json::to_writer_pretty(&mut *out, &hits)?;
        writeln!(out)?;
        return Ok(hits.len());
    }
    for hit in &hits {
        let section = if hit.section.is_empty() || hit.kind == "heading" {
            String::new()
        } else {
            format!(" › {}", hit.section)
        };
        writeln!(
            out,
            "{}:{}{section}\n    {}",
            hit.document,
            hit.line,
            marked(&hit.text, &hit.matched)
        )?;
    }
    Ok(hits.len())
}

/// The text around the first match, matched characters in [brackets].
fn marked(text: &str, matched: &[usize]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let first = matched.first().copied().unwrap_or(0);
    let start = first.saturating_sub(12);
    let end = (start + SNIPPET_CHARS).min(chars.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut open = false;
    for (i, c) in chars.iter().enumerate().take(end).skip(start) {
        let hit = matched.binary_search(&i).is_ok();
        if hit != open {
            out.push(if hit { '[' } else { ']' });
            open = hit;
        }
        out.push(*c);
    }
    if open {
        out.push(']');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}
