//! A briefing changed on disk: the new edition takes the old one's place, the reader stays on
//! the same passage (found by content), and everything built from the documents is built again.

use std::sync::Arc;

use super::layout::Layout;
use super::{App, jumps::JumpList};
use crate::doc::Document;
use crate::index::countries::Countries;
use crate::index::gazetteer::Gazetteer;
use crate::index::outline::Outline;
use crate::store::anchor::Anchor;

impl App {
    /// Puts a new edition of document `i` in place of the old one.
    pub fn replace_document(&mut self, i: usize, doc: Document) {
        let Some(old) = self.docs.get(i) else {
            return;
        };
        // Where the reader is, by content: the paragraph at the top and how far into it.
        let here = (self.doc == i).then(|| {
            let block = self.current_block();
            (
                Anchor::of(old, block, None),
                self.top.saturating_sub(self.layout.block_start(block)),
            )
        });
        let name = doc.name.clone();
        let mut docs: Vec<Document> = self.docs.iter().cloned().collect();
        docs[i] = doc;
        self.docs = Arc::new(docs);
        self.gone.remove(&i);
        self.outline = Outline::build(&self.docs);
        self.countries = Countries::build(&self.docs, Gazetteer::bundled());
        self.rebuild_country_tree();
        // Block numbers of the old edition mean nothing in the new one.
        self.jump_index = None;
        self.search = None;
        self.highlight = None;
        self.jumps = JumpList::default();
        if self.doc == i {
            self.layout = Layout::default();
            self.relayout();
            if let Some((anchor, offset)) = here {
                match anchor.place(&self.docs[i]).block() {
                    Some(block) => self.top = self.layout.block_start(block) + offset,
                    None => self.top = self.top.min(self.max_top()),
                }
                self.top = self.top.min(self.layout.lines.len().saturating_sub(1));
            }
        }
        self.follow_position();
        self.notify(format!("{name} reloaded"), false);
    }

    /// Document `i` was removed from disk: it stays open as it was, marked gone; its notes
    /// are kept.
    pub fn mark_gone(&mut self, i: usize) {
        if i < self.docs.len() && self.gone.insert(i) {
            let name = self.docs[i].name.clone();
            self.notify(
                format!("{name} was removed from disk; it stays open and its notes are kept"),
                true,
            );
        }
    }

    /// Puts the reader back where it was: document `i`, at the paragraph `at` (found by
    /// content).
    pub fn return_to(&mut self, i: usize, at: &Anchor) {
        if i >= self.docs.len() {
            return;
        }
        let block = at.place(&self.docs[i]).block();
        self.show_block(i, block);
    }
}
