//! `brief export` and `brief notes`: the briefing note and the list of bookmarks and notes,
//! without the reader, for scripts. Both read the store and never write it.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Serialize;

use crate::app::annotations::Annotations;
use crate::compare::wording;
use crate::doc::Document;
use crate::doc::open::{OpenOptions, bundled, open_paths};
use crate::effects::{exported_now, read, sources, write_private};
use crate::export::{self, Input};
use crate::index::countries::Countries;
use crate::index::gazetteer::Gazetteer;
use crate::index::outline::Outline;
use crate::store::anchor::{Anchor, Placement, Placers};
use crate::store::documents::{Identity, OpenKeys};
use crate::store::{self, Store, document_key};

/// The store, when there is one yet.
fn store(data_dir: Option<&Path>) -> anyhow::Result<Option<Store>> {
    let dir = store::data_dir(data_dir)
        .context("no data directory: give one with --data-dir or BRIEF_DATA_DIR")?;
    if !dir.join(store::DATABASE).exists() {
        return Ok(None);
    }
    Ok(Some(Store::open(&dir)?))
}

/// The store key of each document: the stored document it is, found as the reader finds it
/// (but without asking: a plausible match is only mentioned on stderr).
fn keys(store: &Store, docs: &[Document]) -> anyhow::Result<Vec<String>> {
    let mut keys: Vec<String> = docs.iter().map(document_key).collect();
    let mut open = OpenKeys::new(&keys);
    for (i, doc) in docs.iter().enumerate() {
        // A file with notes of its own is itself, unless a question about it was put off.
        if doc.path.is_none() || (store.count(&keys[i])? > 0 && !store.put_off(&keys[i])?) {
            continue;
        }
        let mine = keys[i].clone();
        let taken = |k: &str| open.other_than(&mine, k);
        let found = match store.identify(&keys[i], doc, &taken, false)? {
            Identity::Own => None,
            Identity::Known(key) => Some(key),
            Identity::Found(candidate) => Some(candidate.key),
            Identity::Ask(candidate) => {
                eprintln!(
                    "brief: {} may be a new edition of {} ({}): open it in brief to attach them",
                    doc.name,
                    candidate.file_name(),
                    candidate.count
                );
                None
            }
        };
        if let Some(key) = found {
            open.rename(&keys[i], &key);
            keys[i] = key;
        }
    }
    Ok(keys)
}

/// The bookmarks and notes of the documents, placed; none when there is no database yet.
fn annotations(docs: &[Document], data_dir: Option<&Path>) -> anyhow::Result<Annotations> {
    let Some(store) = store(data_dir)? else {
        return Ok(Annotations::default());
    };
    let keys = keys(&store, docs)?;
    Ok(read(&store, docs, &keys, &mut Placers::default())?)
}

/// Writes the briefing note to `output`, or stdout. Its sources are the documents with
/// bookmarks or notes (all of them when none has any).
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

/// One bookmark or note as `brief notes` lists it.
#[derive(Serialize)]
struct Row {
    kind: &'static str,
    document: String,
    path: Option<String>,
    line: Option<usize>,
    section: Option<String>,
    /// `same`, `changed` or `detached`; `unknown` when the document could not be read.
    anchor: &'static str,
    /// The passage as it read when the bookmark or note was made.
    quote: String,
    /// What it reads now, when it changed.
    now: Option<String>,
    name: Option<String>,
    note: Option<String>,
    created: String,
    edited: Option<String>,
    /// The document's file could not be read: the row is as stored.
    missing: bool,
}

/// What a bookmark or a note adds to its row.
struct Item<'a> {
    kind: &'static str,
    anchor: &'a Anchor,
    name: Option<String>,
    note: Option<String>,
    created: &'a str,
    edited: Option<&'a str>,
}

/// The row of a placed bookmark or note.
fn row(docs: &[Document], outline: &Outline, doc: usize, placement: Placement, item: Item) -> Row {
    let d = &docs[doc];
    let block = placement.block();
    Row {
        kind: item.kind,
        document: d.name.clone(),
        path: d.path.as_ref().map(|p| p.display().to_string()),
        line: block.and_then(|b| d.block(b)).map(|b| b.line),
        // Detached: the section it was in.
        section: block
            .and_then(|b| outline.breadcrumb(doc, b))
            .or_else(|| (!item.anchor.section.is_empty()).then(|| item.anchor.section.clone())),
        anchor: placement.label(),
        quote: item.anchor.quote.clone(),
        now: match placement {
            Placement::Changed(b) => Some(item.anchor.wording_in(d, b)),
            _ => None,
        },
        name: item.name,
        note: item.note,
        created: item.created.to_string(),
        edited: item.edited.map(str::to_string),
        missing: false,
    }
}

/// The rows of the documents' bookmarks and notes, in document order (detached last).
fn rows(docs: &[Document], a: &Annotations) -> Vec<Row> {
    let outline = Outline::build(docs);
    let mut rows: Vec<((usize, usize, usize), Row)> = Vec::new();
    let mut add = |p: (usize, Placement, i64), item: Item| {
        let at = (p.0, p.1.block().map_or(usize::MAX, |b| b.0), p.2 as usize);
        rows.push((at, row(docs, &outline, p.0, p.1, item)));
    };
    for b in &a.bookmarks {
        let item = Item {
            kind: "bookmark",
            anchor: &b.item.anchor,
            name: b.item.name.clone(),
            note: None,
            created: &b.item.created,
            edited: None,
        };
        add((b.doc, b.placement, b.item.id), item);
    }
    for n in &a.notes {
        let item = Item {
            kind: "note",
            anchor: &n.item.anchor,
            name: None,
            note: Some(n.item.body.clone()),
            created: &n.item.created,
            edited: Some(&n.item.updated),
        };
        add((n.doc, n.placement, n.item.id), item);
    }
    rows.sort_by_key(|(at, _)| *at);
    rows.into_iter().map(|(_, r)| r).collect()
}

/// Every document with bookmarks or notes, most recently annotated first, each read from
/// where it was last seen; one that cannot be read is listed as stored.
fn everything(store: &Store, options: OpenOptions) -> anyhow::Result<Vec<Row>> {
    let mut out = Vec::new();
    for known in store.annotated_documents()? {
        let key = std::slice::from_ref(&known.key);
        let doc = match &known.path {
            None => Some(bundled(options)),
            Some(path) => open_paths(&[PathBuf::from(path)], options).documents.pop(),
        };
        let Some(doc) = doc else {
            out.extend(unread(store, &known.key, known.path.as_deref())?);
            continue;
        };
        let docs = [doc];
        let placed = read(store, &docs, key, &mut Placers::default())?;
        out.extend(rows(&docs, &placed));
    }
    Ok(out)
}

/// The rows of a document that could not be read: its bookmarks and notes as stored.
fn unread(store: &Store, key: &str, path: Option<&str>) -> anyhow::Result<Vec<Row>> {
    let key = [key.to_string()];
    let name = path
        .and_then(|p| Path::new(p).file_name())
        .map_or_else(|| key[0].clone(), |n| n.to_string_lossy().into_owned());
    let stored = |kind, anchor: &Anchor, name_: Option<String>, note, created: &str, edited| Row {
        kind,
        document: name.clone(),
        path: path.map(str::to_string),
        line: None,
        section: (!anchor.section.is_empty()).then(|| anchor.section.clone()),
        anchor: "unknown",
        quote: anchor.quote.clone(),
        now: None,
        name: name_,
        note,
        created: created.to_string(),
        edited,
        missing: true,
    };
    let mut rows = Vec::new();
    for b in store.bookmarks(&key)? {
        rows.push(stored(
            "bookmark",
            &b.anchor,
            b.name.clone(),
            None,
            &b.created,
            None,
        ));
    }
    for n in store.notes(&key)? {
        let edited = Some(n.updated.clone());
        rows.push(stored(
            "note",
            &n.anchor,
            None,
            Some(n.body.clone()),
            &n.created,
            edited,
        ));
    }
    Ok(rows)
}

/// Lists bookmarks and notes: of `docs`, or with `all` of every document that has any.
pub fn print(
    docs: &[Document],
    all: bool,
    data_dir: Option<&Path>,
    options: OpenOptions,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let rows = if all {
        match store(data_dir)? {
            Some(store) => everything(&store, options)?,
            None => Vec::new(),
        }
    } else {
        rows(docs, &annotations(docs, data_dir)?)
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if rows.is_empty() {
        writeln!(out, "No bookmarks or notes.")?;
    }
    for r in &rows {
        let at = match (r.line, r.missing) {
            (_, true) => format!("{} (file not found)", r.document),
            (Some(l), _) => format!("{}:{l}", r.document),
            (None, _) => match &r.section {
                Some(section) => format!("{} (detached, was under {section})", r.document),
                None => format!("{} (detached)", r.document),
            },
        };
        let quote: String = r.quote.chars().take(60).collect();
        match &r.name {
            Some(name) => writeln!(out, "{:<9} {at}  [{name}] “{quote}”", r.kind)?,
            None => writeln!(out, "{:<9} {at}  “{quote}”", r.kind)?,
        }
        if let Some(now) = &r.now {
            let pieces = wording::diff(&r.quote, now);
            if wording::kept(&pieces) >= 0.5 {
                writeln!(out, "          changed since: {}", wording::marked(&pieces))?;
            } else {
                let now: String = now.chars().take(60).collect();
                writeln!(out, "          changed since; it reads now: “{now}”")?;
            }
        }
        if let Some(note) = &r.note {
            writeln!(out, "          {}", note.replace('\n', "\n          "))?;
        }
    }
    Ok(())
}
