//! Following what a paragraph holds (`Enter`): a table full-screen, a footnote's definition,
//! a link; and the Links view (`L`): every link and footnote reference of the document,
//! `Enter` following one (a footnote, a heading, another open document, a briefing file
//! beside this one) or copying its URL through the terminal.

use super::outline_pane::{OutlinePane, OutlineView};
use super::{App, Effect};
use crate::doc::link_target::{Destination, destination, heading_by_anchor};
use crate::doc::{BlockId, Document};
use crate::index::outline::{Outline, OutlineEntry};

/// The Links view of a document: one entry per link, its text and where it leads, and the
/// link of each entry.
pub fn links_tree(d: usize, doc: &Document) -> (Outline, Vec<(BlockId, usize)>) {
    let mut tree = Outline::default();
    let mut of_entry = Vec::new();
    for (b, block) in doc.blocks.iter().enumerate() {
        for (n, link) in block.links().iter().enumerate() {
            let text = &block.text()[link.start as usize..link.end as usize];
            let title = match link.footnote() {
                Some(label) => format!("[{label}] footnote"),
                None => format!("{} → {}", text.replace('\n', " "), link.target),
            };
            tree.push(
                None,
                OutlineEntry {
                    title,
                    line: block.line,
                    span: Some(link.start as usize..link.end as usize),
                    ..OutlineEntry::titled(d, Some(BlockId(b)), String::new())
                },
            );
            of_entry.push((BlockId(b), n));
        }
    }
    (tree, of_entry)
}

impl App {
    /// `Enter` in the reader: the table this row is in, full-screen; the one footnote or link
    /// of this paragraph followed, or the Links view when it has several; else down a line.
    pub(super) fn follow(&mut self) -> Vec<Effect> {
        let block = self.current_block();
        if self.open_table(block.0) {
            return Vec::new();
        }
        let count = self.document().block(block).map_or(0, |b| b.links().len());
        match count {
            0 => self.scroll_by(1),
            1 => return self.follow_link(block, 0),
            _ => self.open_links(),
        }
        Vec::new()
    }

    /// `L`: the Links view, at the first link from the top of the reader on.
    pub(super) fn open_links(&mut self) {
        let here = self.current_block();
        let (tree, of_entry) = links_tree(self.doc, self.document());
        if tree.entries.is_empty() {
            self.notify("This document has no links or footnotes", false);
            return;
        }
        let at = of_entry.iter().position(|(b, _)| *b >= here).unwrap_or(0);
        (self.links_view.tree, self.links_view.targets) = (tree, of_entry);
        self.links_view.pane = OutlinePane::default();
        self.enter_outline();
        self.view = OutlineView::Links;
        let rows = usize::from(self.outline_rows());
        self.links_view.pane.select(&self.links_view.tree, at);
        self.links_view
            .pane
            .keep_selection_visible(&self.links_view.tree, rows);
    }

    /// `Enter` in the Links view.
    pub(super) fn follow_selected_link(&mut self) -> Vec<Effect> {
        let Some(&(block, n)) = self.links_view.targets.get(self.links_view.pane.selected) else {
            return Vec::new();
        };
        self.follow_link(block, n)
    }

    /// `y` in the Links view: the link's target as written.
    pub(super) fn copy_selected_link(&mut self) -> Vec<Effect> {
        let Some(&(block, n)) = self.links_view.targets.get(self.links_view.pane.selected) else {
            return Vec::new();
        };
        let Some(link) = self.document().block(block).and_then(|b| b.links().get(n)) else {
            return Vec::new();
        };
        let target = link.target.to_string();
        vec![Effect::Copy {
            what: target.clone(),
            text: target,
        }]
    }

    /// Follows link `n` of a block of the document in the reader.
    fn follow_link(&mut self, block: BlockId, n: usize) -> Vec<Effect> {
        let Some(link) = self.document().block(block).and_then(|b| b.links().get(n)) else {
            return Vec::new();
        };
        match destination(link, self.document()) {
            Destination::Here(to) => {
                self.record_jump();
                self.leave_links();
                self.show_block(self.doc, Some(to));
            }
            // Another open document, or a file to read: the outside looks.
            Destination::File(link) => return vec![Effect::Follow(link)],
            Destination::Url(url) => return copy_address(url),
            Destination::Missing(label) => {
                self.notify(format!("Footnote [{label}] has no definition here"), false)
            }
        }
        Vec::new()
    }

    /// A link's file was found to be open document `doc` (`Some`), or was read and added as
    /// the last one: the reader goes there, at the heading the link names.
    pub(super) fn arrive_by_link(&mut self, doc: usize, anchor: Option<&str>) {
        self.record_jump();
        self.leave_links();
        self.show_opened(doc, anchor);
    }

    /// Leaves the Links view for the reader, if it is shown.
    fn leave_links(&mut self) {
        if self.view == OutlineView::Links {
            self.view = OutlineView::Sections;
            if self.mode() == crate::vocabulary::Mode::Outline {
                self.leave_outline();
            }
        }
    }

    /// A document opened by following a link to it, now read: shown at the heading the
    /// link names, if any.
    pub(super) fn show_opened(&mut self, doc: usize, anchor: Option<&str>) {
        if doc < self.docs.len() {
            let at = anchor.and_then(|a| heading_by_anchor(&self.docs[doc], a));
            self.show_block(doc, at);
        }
    }

    /// The Links view's selected link, as written.
    pub fn selected_link(&self) -> Option<&str> {
        let &(block, n) = self.links_view.targets.get(self.links_view.pane.selected)?;
        let link = self.document().block(block)?.links().get(n)?;
        Some(&link.target)
    }
}

/// A link that leads to no file brief reads: its address, copied through the terminal.
pub(super) fn copy_address(url: String) -> Vec<Effect> {
    vec![Effect::Copy {
        what: url.clone(),
        text: url,
    }]
}
