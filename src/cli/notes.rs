//! `brief export` and `brief notes`: the briefing note and the list of bookmarks and notes,
//! without the reader, for scripts.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use serde::Serialize;

use crate::app::annotations::{Annotations, Placed};
use crate::doc::Document;
use crate::effects::{exported_now, read, sources, write_private};
use crate::export::{self, Input};
use crate::index::countries::Countries;
use crate::index::gazetteer::Gazetteer;
use crate::index::outline::Outline;
use crate::store::{self, Store, document_key};

/// The bookmarks and notes of the documents, placed; none when there is no database yet.
fn annotations(docs: &[Document], data_dir: Option<&Path>) -> anyhow::Result<Annotations> {
    let dir = store::data_dir(data_dir)
        .context("no data directory: give one with --data-dir or BRIEF_DATA_DIR")?;
    if !dir.join(store::DATABASE).exists() {
        return Ok(Annotations::default());
    }
    let store = Store::open(&dir)?;
    let keys: Vec<String> = docs.iter().map(document_key).collect();
    Ok(read(&store, docs, &keys)?)
}

/// Writes the briefing note to `output`, or stdout.
pub fn export(
    docs: &[Document],
    data_dir: Option<&Path>,
    output: Option<&Path>,
    mode: u32,
) -> anyhow::Result<()> {
    let annotations = annotations(docs, data_dir)?;
    let gazetteer = Gazetteer::bundled();
    let countries = Countries::build(docs, gazetteer);
    let sources = sources(docs);
    let text = export::briefing_note(&Input {
        docs,
        sources: &sources,
        outline: &Outline::build(docs),
        annotations: &annotations,
        countries: &countries,
        gazetteer,
        exported: &exported_now(),
    });
    match output {
        Some(path) => write_private(path, &text, mode)
            .with_context(|| format!("cannot write {}", path.display())),
        None => Ok(std::io::stdout().lock().write_all(text.as_bytes())?),
    }
}

#[derive(Serialize)]
struct Row {
    kind: &'static str,
    document: String,
    line: Option<usize>,
    detached: bool,
    name: Option<String>,
    quote: String,
    note: Option<String>,
    created: String,
}

/// The row of a bookmark or note, with where it sorts: its document, then its paragraph
/// (detached ones last).
fn row<T>(
    docs: &[Document],
    placed: &Placed<T>,
    kind: &'static str,
    name: Option<String>,
    note: Option<String>,
    quote: &str,
    created: &str,
) -> ((usize, usize), Row) {
    let block = placed.block();
    let at = (placed.doc, block.map_or(usize::MAX, |b| b.0));
    let row = Row {
        kind,
        document: docs[placed.doc].name.clone(),
        line: block.map(|b| docs[placed.doc].blocks[b.0].line),
        detached: block.is_none(),
        name,
        quote: quote.to_string(),
        note,
        created: created.to_string(),
    };
    (at, row)
}

/// Lists the bookmarks and notes in document order.
pub fn print(
    docs: &[Document],
    data_dir: Option<&Path>,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let a = annotations(docs, data_dir)?;
    let mut rows: Vec<((usize, usize), Row)> = Vec::new();
    for b in &a.bookmarks {
        let quote = &b.item.anchor.quote;
        let name = b.item.name.clone();
        rows.push(row(docs, b, "bookmark", name, None, quote, &b.item.created));
    }
    for n in &a.notes {
        let note = Some(n.item.body.clone());
        let quote = &n.item.anchor.quote;
        rows.push(row(docs, n, "note", None, note, quote, &n.item.created));
    }
    rows.sort_by_key(|(at, _)| *at);
    let rows: Vec<Row> = rows.into_iter().map(|(_, r)| r).collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if rows.is_empty() {
        writeln!(out, "No bookmarks or notes.")?;
    }
    for r in &rows {
        let at = match r.line {
            Some(l) => format!("{}:{l}", r.document),
            None => format!("{} (detached)", r.document),
        };
        let quote: String = r.quote.chars().take(60).collect();
        match (&r.note, &r.name) {
            (Some(note), _) => writeln!(
                out,
                "note      {at}  “{quote}”\n          {}",
                note.replace('\n', "\n          ")
            )?,
            (None, Some(name)) => writeln!(out, "bookmark  {at}  [{name}] “{quote}”")?,
            (None, None) => writeln!(out, "bookmark  {at}  “{quote}”")?,
        }
    }
    Ok(())
}
