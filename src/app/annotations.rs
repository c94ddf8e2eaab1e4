//! The bookmarks and notes of the open documents as the reader shows them: each placed on
//! its paragraph (or detached), the margin marks, and the trees of the Bookmarks and Notes
//! views.

use crate::doc::{BlockId, Document};
use crate::index::outline::{Outline, OutlineEntry};
use crate::store::anchor::{Anchor, Placement, Placers};
use crate::store::{Bookmark, Note};

/// A bookmark or note and where it landed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed<T> {
    /// The bookmark or note.
    pub item: T,
    /// The open document it belongs to.
    pub doc: usize,
    /// Its paragraph, found again by content.
    pub placement: Placement,
}

impl<T> Placed<T> {
    /// Its block, unless detached.
    pub fn block(&self) -> Option<BlockId> {
        self.placement.block()
    }
}

/// What the margin shows next to a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Bookmarked.
    Bookmark,
    /// Annotated (and perhaps bookmarked too).
    Note,
    /// Bookmarked or annotated, and amended since: the text is not what was marked.
    Changed,
}

/// The bookmarks and notes of the open documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Annotations {
    /// Bookmarks in document order (detached ones last).
    pub bookmarks: Vec<Placed<Bookmark>>,
    /// Notes in document order (detached ones last).
    pub notes: Vec<Placed<Note>>,
}

impl Annotations {
    /// Places stored bookmarks and notes in the documents (`keys` are their store keys, one
    /// per document), each where the evidence says, or detached.
    pub fn place(
        docs: &[Document],
        keys: &[String],
        bookmarks: Vec<Bookmark>,
        notes: Vec<Note>,
        placers: &mut Placers,
    ) -> Annotations {
        let bookmarks = place_all(docs, keys, bookmarks, |b| (&b.document, &b.anchor), placers);
        let notes = place_all(docs, keys, notes, |n| (&n.document, &n.anchor), placers);
        let mut annotations = Annotations { bookmarks, notes };
        annotations.sort();
        annotations
    }

    /// Puts `newer` in place of the bookmarks and notes of the open documents `docs`; those
    /// of the others stay as they are.
    pub fn replace_documents(&mut self, docs: &[usize], newer: Annotations) {
        self.bookmarks.retain(|b| !docs.contains(&b.doc));
        self.notes.retain(|n| !docs.contains(&n.doc));
        self.bookmarks.extend(newer.bookmarks);
        self.notes.extend(newer.notes);
        self.sort();
    }

    /// Document order, detached ones last in their document.
    fn sort(&mut self) {
        self.bookmarks
            .sort_by_key(|p| (p.doc, p.block().map_or(usize::MAX, |b| b.0), p.item.id));
        self.notes
            .sort_by_key(|p| (p.doc, p.block().map_or(usize::MAX, |b| b.0), p.item.id));
    }

    /// The bookmark on a paragraph.
    pub fn bookmark_at(&self, doc: usize, block: BlockId) -> Option<&Placed<Bookmark>> {
        self.bookmarks
            .iter()
            .find(|b| b.doc == doc && b.block() == Some(block))
    }

    /// The first note on a paragraph.
    pub fn note_at(&self, doc: usize, block: BlockId) -> Option<&Placed<Note>> {
        self.notes
            .iter()
            .find(|n| n.doc == doc && n.block() == Some(block))
    }

    /// The margin mark of a paragraph.
    pub fn mark(&self, doc: usize, block: BlockId) -> Option<Mark> {
        let here = |p: Placement| p.block() == Some(block);
        let changed = self
            .notes
            .iter()
            .map(|n| (n.doc, n.placement))
            .chain(self.bookmarks.iter().map(|b| (b.doc, b.placement)))
            .any(|(d, p)| d == doc && here(p) && p.is_changed());
        if changed {
            Some(Mark::Changed)
        } else if self.note_at(doc, block).is_some() {
            Some(Mark::Note)
        } else if self.bookmark_at(doc, block).is_some() {
            Some(Mark::Bookmark)
        } else {
            None
        }
    }

    /// The Bookmarks view: one entry per bookmark (name, or its snippet), under its
    /// document when several are open; detached ones under their own heading. With it, the
    /// bookmark of each entry (`None` for a heading).
    pub fn bookmark_tree(&self, docs: &[Document]) -> (Outline, Vec<Option<usize>>) {
        tree(
            docs,
            self.bookmarks.iter().map(|b| {
                let title = match &b.item.name {
                    Some(name) => format!("{name} — {}", b.item.anchor.quote),
                    None => b.item.anchor.quote.clone(),
                };
                (b.doc, b.block(), changed(b.placement, title))
            }),
        )
    }

    /// The Notes view: one entry per note (its first line, then the passage quoted), with
    /// the note of each entry.
    pub fn note_tree(&self, docs: &[Document]) -> (Outline, Vec<Option<usize>>) {
        tree(
            docs,
            self.notes.iter().map(|n| {
                let first = n.item.body.lines().next().unwrap_or("").trim();
                let title = format!("{first} — “{}”", n.item.anchor.quote);
                (n.doc, n.block(), changed(n.placement, title))
            }),
        )
    }
}

/// A view's title for an item, marked when its passage was amended since.
fn changed(placement: Placement, title: String) -> String {
    if placement.is_changed() {
        format!("~ changed: {title}")
    } else {
        title
    }
}

/// Places each item in its document (items of documents not open are left out).
fn place_all<T>(
    docs: &[Document],
    keys: &[String],
    items: Vec<T>,
    where_is: impl Fn(&T) -> (&String, &Anchor),
    placers: &mut Placers,
) -> Vec<Placed<T>> {
    items
        .into_iter()
        .filter_map(|item| {
            let (key, anchor) = where_is(&item);
            let doc = keys.iter().position(|k| k == key)?;
            let placement = placers.of(&docs[doc]).place(anchor);
            Some(Placed {
                item,
                doc,
                placement,
            })
        })
        .collect()
}

/// The heading of the detached notes and bookmarks in their views.
pub const DETACHED: &str = "Detached: no passage matches (kept)";

/// One entry per item, grouped under a node for each document when several are open, with
/// detached items under a "detached" node.
fn tree(
    docs: &[Document],
    items: impl Iterator<Item = (usize, Option<BlockId>, String)>,
) -> (Outline, Vec<Option<usize>>) {
    let mut outline = Outline::default();
    let mut item_of = Vec::new();
    let mut doc_node: Option<(usize, usize)> = None;
    let mut detached_node: Option<(usize, usize)> = None;
    for (n, (doc, block, title)) in items.enumerate() {
        let mut parent = None;
        if docs.len() > 1 {
            if doc_node.is_none_or(|(d, _)| d != doc) {
                let node = outline.push(
                    None,
                    OutlineEntry::titled(doc, None, docs[doc].name.clone()),
                );
                item_of.push(None);
                doc_node = Some((doc, node));
                detached_node = None;
            }
            parent = doc_node.map(|(_, n)| n);
        }
        if block.is_none() {
            if detached_node.is_none_or(|(d, _)| d != doc) {
                let node = outline.push(parent, OutlineEntry::titled(doc, None, DETACHED.into()));
                item_of.push(None);
                detached_node = Some((doc, node));
            }
            parent = detached_node.map(|(_, n)| n);
        }
        let line = block.map_or(0, |b| docs[doc].blocks[b.0].line);
        let mut e = OutlineEntry::titled(doc, block, title);
        e.line = line;
        outline.push(parent, e);
        item_of.push(Some(n));
    }
    (outline, item_of)
}
