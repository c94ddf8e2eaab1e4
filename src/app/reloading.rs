//! Documents arriving or changing while the reader is open: the rest of a library read in
//! the background, and a briefing changed on disk, whose new edition takes the old one's place
//! with the reader kept on the same passage (found by content).

use std::sync::Arc;

use super::focus::Focus;
use super::layout::Layout;
use super::message::Arrival;
use super::outline_pane::OutlineView;
use super::{App, jumps::JumpList};
use crate::doc::{BlockId, Document};
use crate::index::gazetteer::Gazetteer;
use crate::index::outline::Outline;
use crate::store::anchor::Anchor;

impl App {
    /// Puts a new edition of document `i` in place of the old one.
    pub(super) fn replace_document(&mut self, i: usize, doc: Document) {
        self.put_document(i, doc, None);
    }

    /// Puts document `i` in place of the old one, laid out already when `layout` is at the
    /// reader's width. The whole of a text of which the first part was shown keeps the
    /// reader's place as it is: the part's blocks are the whole's first blocks.
    pub(super) fn put_document(&mut self, i: usize, doc: Document, layout: Option<Layout>) {
        let Some(old) = self.docs.get(i) else {
            return;
        };
        let first_part = old.is_first_part() && old.path == doc.path;
        // Where the reader is, by content: the paragraph at the top and how far into it.
        let kept_top = (first_part && self.doc == i).then_some(self.top);
        let here = (self.doc == i && !first_part).then(|| {
            let block = self.current_block();
            (
                Anchor::of(old, block, None),
                self.top.saturating_sub(self.layout.block_start(block)),
            )
        });
        // The paragraph a note is being written on, or a bookmark named for, by content.
        let editing = self
            .editor()
            .filter(|e| e.doc == i && !e.detached)
            .map(|e| Anchor::of(old, e.block, None));
        let naming = match self.prompt().map(|p| &p.purpose) {
            Some(super::prompt::Purpose::BookmarkName { doc, block }) if *doc == i => {
                Some(Anchor::of(old, *block, None))
            }
            _ => None,
        };
        let name = doc.name.clone();
        // The rest of a long PDF arriving is not a new edition.
        let completed = old.is_partial() && old.path == doc.path;
        let mut docs: Vec<Document> = self.docs.iter().cloned().collect();
        docs[i] = doc;
        self.docs = Arc::new(docs);
        self.gone.remove(&i);
        let old = std::mem::replace(&mut self.outline, Outline::build(&self.docs));
        if completed {
            // The part's headings are the whole's first.
            self.pane.carry_over(&old, &self.outline);
        } else {
            let last = self.outline.entries.len().saturating_sub(1);
            self.pane.selected = self.pane.selected.min(last);
        }
        // The links and the table shown were the old edition's.
        self.links_view = Default::default();
        if self.view == super::outline_pane::OutlineView::Links {
            self.view = super::outline_pane::OutlineView::Sections;
        }
        if self.table().is_some_and(|t| t.doc == i) {
            self.focus = Focus::Reader;
        }
        // The places of a whole read after the first frame are found with the others'.
        if !(completed && self.places_pending.is_some()) {
            self.countries
                .replace_document(i, &self.docs[i], Gazetteer::bundled());
            if let Some(replaced) = &mut self.places_pending {
                replaced.push(i);
            }
        }
        self.country_tree_changed();
        self.jump_index = None;
        if first_part {
            // The part's blocks are the whole's first: what was found in it stands, and a
            // search goes on in the whole.
            if let Some(search) = self.search.as_mut().filter(|s| s.doc == i) {
                search.matches = super::search::matches_in(&self.docs[i], &search.query);
            }
        } else {
            // Block numbers of the old edition mean nothing in the new one.
            self.search = None;
            if matches!(self.focus, Focus::Search) {
                self.focus = Focus::Reader;
            }
            self.highlight = None;
            self.jumps = JumpList::default();
        }
        if self.doc == i {
            let width = self.reader_size().0;
            self.layout = layout.filter(|l| l.width == width).unwrap_or_default();
            self.relayout();
            if let Some(top) = kept_top {
                self.top = top.min(self.max_top());
            }
            if let Some((anchor, offset)) = here {
                match anchor.place(&self.docs[i]).block() {
                    Some(block) => self.top = self.layout.block_start(block) + offset,
                    None => self.top = self.top.min(self.max_top()),
                }
                self.top = self.top.min(self.layout.lines.len().saturating_sub(1));
            }
            // `G` pressed while the rest was read.
            if completed && std::mem::take(&mut self.to_end_when_read) {
                self.top = self.max_top();
            }
        }
        if let Some(anchor) = editing {
            self.editor_follows(&anchor);
        }
        if let Some(anchor) = naming {
            match anchor.place(&self.docs[i]).block() {
                Some(found) => {
                    if let Some(super::prompt::Purpose::BookmarkName { block, .. }) =
                        self.prompt_mut().map(|p| &mut p.purpose)
                    {
                        *block = found;
                    }
                }
                None => {
                    self.take_prompt();
                }
            }
        }
        if completed {
            self.follow_position_unless_chosen();
        } else {
            self.follow_position();
        }
        if completed {
            let blocks = self.docs[i].blocks.len();
            self.notify(format!("{name}: all read ({blocks} paragraphs)"), false);
            if let Some((doc, at)) = self.return_when_read.take_if(|(doc, _)| *doc == i) {
                self.return_to(doc, &at);
            }
        } else {
            self.notify(format!("{name} reloaded"), false);
        }
    }

    /// The note being written follows its paragraph into a new edition; when the paragraph
    /// is gone, the note keeps the passage it was written on and is saved detached.
    fn editor_follows(&mut self, anchor: &Anchor) {
        let Some(editor) = self.editor() else {
            return;
        };
        let placed = anchor.place(&self.docs[editor.doc]).block();
        let key = self.doc_keys[editor.doc].clone();
        let Some(editor) = self.editor_mut() else {
            return;
        };
        match placed {
            Some(block) => editor.block = block,
            None => {
                if editor.note.id == 0 {
                    editor.note.anchor = anchor.clone();
                    editor.note.document = key;
                }
                editor.detached = true;
            }
        }
    }

    /// Document `i` was removed from disk: it stays open as it was, marked gone; its notes
    /// are kept.
    pub(super) fn mark_gone(&mut self, i: usize) {
        if i < self.docs.len() && self.gone.insert(i) {
            let name = self.docs[i].name.clone();
            self.notify(
                format!("{name} was removed from disk; it stays open and its notes are kept"),
                true,
            );
        }
    }

    /// Puts the reader back where it was: document `i`, at the paragraph `at`: where it
    /// stood when the same text still stands there (a briefing that repeats a passage, as a
    /// compilation does, is not ambiguous then), else found by content.
    pub(super) fn return_to(&mut self, i: usize, at: &Anchor) {
        let Some(doc) = self.docs.get(i) else {
            return;
        };
        let unmoved = doc
            .block(BlockId(at.position))
            .is_some_and(|b| crate::store::anchor::fingerprint(b.text()) == at.fingerprint);
        let block = if unmoved {
            Some(BlockId(at.position))
        } else {
            at.place(doc).block()
        };
        if block.is_none() && doc.is_first_part() {
            // Past the part shown: there once the whole is read.
            self.return_when_read = Some((i, at.clone()));
            self.show_block(i, None);
            self.notify("Going back to where you were once it is all read…", false);
            return;
        }
        self.show_block(i, block);
    }

    /// More documents of a library read in the background, in order; `done` of `total`
    /// files are read. The outline and countries take them in at once.
    pub(super) fn add_documents(&mut self, arrivals: Vec<Arrival>, done: usize, total: usize) {
        // Counting the documents open before the rest was read.
        let before = self.loading.map_or(0, |(_, all)| all.saturating_sub(total));
        self.loading = (done < total).then_some((before + done, before + total));
        if arrivals.is_empty() {
            return;
        }
        let first = self.docs.len();
        let docs = Arc::make_mut(&mut self.docs);
        for (d, arrival) in arrivals.into_iter().enumerate() {
            docs.push(arrival.doc);
            self.doc_keys.push(arrival.key.clone());
            self.doc_paths.push(arrival.key);
            self.identified.push(false);
            self.countries.append(first + d, arrival.countries);
        }
        let old = std::mem::replace(&mut self.outline, Outline::build(&self.docs));
        self.pane.carry_over(&old, &self.outline);
        if self.view == OutlineView::Library {
            self.rebuild_library();
        }
        self.country_tree_changed();
        self.follow_position_unless_chosen();
    }

    /// The outline's selection follows the reader, unless the user is choosing in it.
    fn follow_position_unless_chosen(&mut self) {
        if self.mode() == crate::vocabulary::Mode::Outline && self.view == OutlineView::Sections {
            let height = usize::from(self.outline_rows());
            self.pane.keep_selection_visible(&self.outline, height);
        } else {
            self.follow_position();
        }
    }

    /// The places the documents the app started with name, found after the first frame;
    /// those of documents replaced since are known already.
    pub(super) fn take_places(&mut self, found: crate::index::countries::Countries) {
        let Some(replaced) = self.places_pending.take() else {
            return;
        };
        self.countries.put_first(found, &replaced);
        self.country_tree_changed();
    }

    /// The documents changed: the Countries view's tree no longer matches the mentions, nor
    /// the documents cited and the people the documents. Each is found again when shown.
    fn country_tree_changed(&mut self) {
        self.documents_cited_stale = true;
        if self.view == OutlineView::Documents {
            self.rebuild_documents();
        }
        self.people_stale = true;
        if !self.filter_people.is_empty() {
            self.refresh_people();
        }
        if !self.filter_documents.is_empty() {
            self.refresh_cited();
        }
        if self.view == OutlineView::People {
            self.rebuild_people();
        }
        if self.view == OutlineView::Countries {
            self.rebuild_country_tree();
        } else {
            self.country_tree_stale = true;
        }
    }
}
