//! The reader: where it is in the document (the first layout line shown), how it moves
//! (lines, pages, sections, paragraphs, matches), and laying the document out again at a
//! new width without losing the place.

use std::ops::Range;

use super::App;
use super::layout::{Layout, LineRole};
use crate::doc::{BlockId, Document};
use crate::vocabulary::Action;

/// A document of this many blocks or more (about 5 MB of briefing, a twentieth of a second to
/// lay out) is laid out again in the background when the reader's width changes.
pub const LAID_OUT_IN_BACKGROUND: usize = 20_000;

/// A stretch of a block shown highlighted in the reader (the mention a jump landed on).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    /// The document.
    pub doc: usize,
    /// The block.
    pub block: BlockId,
    /// Byte range in the block's text.
    pub range: Range<usize>,
}

/// What the reader shows ([`App::reader_view`]).
type ReaderView = (
    usize,
    usize,
    Option<Highlight>,
    Option<super::Notice>,
    Option<Option<usize>>,
    (usize, usize),
);

impl App {
    /// The document in the reader.
    pub fn document(&self) -> &Document {
        &self.docs[self.doc]
    }

    /// The largest `top` that still fills the reader.
    pub(super) fn max_top(&self) -> usize {
        self.layout
            .lines
            .len()
            .saturating_sub(usize::from(self.reader_size().1))
    }

    /// The block at the top of the reader.
    pub fn current_block(&self) -> BlockId {
        let line = self.top.min(self.layout.lines.len().saturating_sub(1));
        match self.layout.lines.get(line) {
            Some(l) if l.role() == LineRole::Gap => self.layout.block_at(line + 1),
            _ => self.layout.block_at(line),
        }
    }

    /// The outline entry the reader is in ("you are here").
    pub fn here(&self) -> Option<usize> {
        self.outline.entry_at(self.doc, self.current_block())
    }

    /// How far through the document the bottom of the reader is, in percent.
    pub fn percent(&self) -> usize {
        let total = self.layout.lines.len().max(1);
        let bottom = (self.top + usize::from(self.reader_size().1)).min(total);
        bottom * 100 / total
    }

    pub(super) fn reader_action(&mut self, action: Action) {
        // What the reader shows, to tell whether the action changed it.
        let before = self.reader_view();
        self.reader_move(action);
        self.unchanged = before == self.reader_view();
    }

    /// What the reader shows: the place, the highlight, the message, the search match and
    /// the outline's selection that follows the place.
    fn reader_view(&self) -> ReaderView {
        (
            self.doc,
            self.top,
            self.highlight.clone(),
            self.message.clone(),
            self.search.as_ref().map(|s| s.current),
            (self.pane.selected, self.pane.offset),
        )
    }

    pub(super) fn reader_move(&mut self, action: Action) {
        // A jump's highlight lasts until the reader moves on.
        let highlighted = self.highlight.take().is_some();
        // Moving on while the last session's place waits for the whole: the reader has
        // chosen where to be.
        self.return_when_read = None;
        self.keep_end = false;
        let page = i32::from(self.reader_size().1) as isize;
        let scroll = match action {
            Action::Down => Some(1),
            Action::Up => Some(-1),
            Action::PageDown => Some(page),
            Action::PageUp => Some(-page),
            Action::HalfPageDown => Some(page / 2),
            Action::HalfPageUp => Some(-page / 2),
            _ => None,
        };
        if let Some(lines) = scroll {
            self.scroll_by(lines);
            // The text only moved, unless a highlight in it went out.
            self.only_scrolled = !highlighted;
            return;
        }
        match action {
            Action::Top => self.jump_to(0),
            // A long text's first part or a long PDF's first pages: not the end yet.
            Action::Bottom if self.document().is_partial() => {
                self.to_end_when_read = true;
                self.notify(
                    "The end is still being read; the reader goes there once it is in",
                    false,
                );
            }
            Action::Bottom => self.jump_to(self.max_top()),
            Action::NextSection => {
                let next = self.heading_starts().into_iter().find(|&l| l > self.top);
                match next {
                    Some(line) => self.jump_to(line),
                    None => self.notify("No section after this one", false),
                }
            }
            Action::PrevSection => {
                let prev = self
                    .heading_starts()
                    .into_iter()
                    .rev()
                    .find(|&l| l < self.top);
                self.jump_to(prev.unwrap_or(0));
            }
            Action::NextParagraph => {
                let next = self
                    .layout
                    .block_starts
                    .iter()
                    .copied()
                    .find(|&l| l > self.top);
                match next {
                    Some(line) => self.jump_to(line),
                    None => self.jump_to(self.max_top().max(self.top)),
                }
            }
            Action::PrevParagraph => {
                let prev = self
                    .layout
                    .block_starts
                    .iter()
                    .copied()
                    .rev()
                    .find(|&l| l < self.top);
                self.jump_to(prev.unwrap_or(0));
            }
            Action::NextMatch => self.move_to_match(true),
            Action::PrevMatch => self.move_to_match(false),
            _ => {}
        }
    }

    /// `n` / `N`: search matches when a search is on, else passages of the country filter.
    pub(super) fn move_to_match(&mut self, forward: bool) {
        if !self.next_search_match(forward) {
            self.next_match(forward);
        }
    }

    /// Puts a block (or a document's start) at the top of the reader.
    pub(super) fn show_block(&mut self, doc: usize, block: Option<BlockId>) {
        if doc != self.doc {
            self.doc = doc;
            self.top = 0;
            self.layout = Layout::default();
            self.relayout();
        }
        let line = block.map_or(0, |b| self.layout.block_start(b));
        self.jump_to(line);
    }

    /// After [`App::show_block`], brings the line where the sentence holding byte `at` of the
    /// block's text begins to the top when `at` would be below the reader's middle: a
    /// mention deep in a long paragraph is on screen, not under it, and read from its
    /// sentence's start (its own line when the sentence is longer than the screen).
    pub(super) fn show_within_block(&mut self, block: BlockId, at: usize) {
        let start = self.layout.block_start(block);
        let line_of = |at: usize| {
            (start..self.layout.lines.len())
                .take_while(|&i| self.layout.lines[i].block() == block)
                .find(|&i| self.layout.lines[i].end() > at)
                .unwrap_or(start)
        };
        let line = line_of(at);
        let height = usize::from(self.reader_size().1);
        if line - start < height / 2 {
            return;
        }
        let text = self.document().blocks.get(block.0).map_or("", |b| b.text());
        let sentence = crate::doc::sentences::sentences(text)
            .into_iter()
            .find(|s| s.start <= at && at < s.end)
            .map_or(at, |s| s.start);
        let first = line_of(sentence);
        self.jump_to(if line - first < height { first } else { line });
    }

    /// The layout lines of every heading of the current document.
    pub(super) fn heading_starts(&self) -> Vec<usize> {
        self.document()
            .headings()
            .map(|(id, _, _)| self.layout.block_start(id))
            .collect()
    }

    /// Scrolls by whole lines. Scrolling down stops when the last line reaches the bottom
    /// (or where a jump left the reader, if that is further).
    pub(super) fn scroll_by(&mut self, delta: isize) {
        let limit = self.max_top().max(self.top);
        self.top = self.top.saturating_add_signed(delta).min(limit);
        self.follow_position();
    }

    /// Puts a line at the top of the reader, even near the end, so a jumped-to heading is
    /// always the first thing seen.
    pub(super) fn jump_to(&mut self, line: usize) {
        self.top = line.min(self.layout.lines.len().saturating_sub(1));
        self.follow_position();
    }

    /// Moves the outline selection to where the reader is.
    pub(super) fn follow_position(&mut self) {
        if let Some(here) = self.here() {
            self.pane.select(&self.outline, here);
        }
        let height = usize::from(self.outline_rows());
        self.pane.keep_selection_visible(&self.outline, height);
    }

    /// Lays the current document out at the reader's width, keeping the block at the top.
    pub(super) fn relayout(&mut self) {
        let width = self.reader_size().0;
        if self.layout.width == width && !self.layout.lines.is_empty() {
            self.top = self.top.min(self.max_top());
            return;
        }
        let layout = Layout::new(&self.docs[self.doc], width);
        self.install_layout(layout);
    }

    /// The reader's width changed (a resize, the outline shown, hidden, narrower or wider):
    /// a long document is laid out again in the background (a second at 100 MB) and shown
    /// meanwhile as it was laid out, cut at the pane's edge; a shorter one at once.
    pub(super) fn relayout_at_new_width(&mut self) {
        let width = self.reader_size().0;
        self.keep_end |= self.top > 0 && self.top >= self.max_top();
        let long = self.docs[self.doc].blocks.len() >= LAID_OUT_IN_BACKGROUND;
        if !long || self.layout.lines.is_empty() || self.layout.width == width {
            self.relayout();
            self.end_if_kept();
            return;
        }
        self.top = self.top.min(self.max_top());
        if self.keep_end {
            // Meanwhile too.
            self.top = self.max_top();
        }
        self.layout_wanted = Some(width);
    }

    /// At the end when the new size was asked for: at the end of the new layout.
    fn end_if_kept(&mut self) {
        if std::mem::take(&mut self.keep_end) {
            self.top = self.max_top();
        }
    }

    /// A layout made in the background for document `doc` at `width`: shown if the reader
    /// still shows that document at that width, and is not laid out at it already.
    pub(super) fn laid_out(&mut self, doc: usize, layout: Layout) {
        let width = self.reader_size().0;
        if doc == self.doc && layout.width == width && self.layout.width != width {
            self.install_layout(layout);
            self.end_if_kept();
        }
    }

    /// Shows the current document with `layout`, keeping the text at the top: the line
    /// that holds the first character of the line at the top, as `less` does (a paragraph
    /// wrapped anew has its lines elsewhere).
    fn install_layout(&mut self, layout: Layout) {
        // The block at the top, how many lines into it (-1: the gap above it), and where in
        // its text the top line starts.
        let anchor = (!self.layout.lines.is_empty()).then(|| {
            let block = self.current_block();
            // Not moved since the last new layout: the text that was at the top before it,
            // so that widening and narrowing again comes back to the same line.
            let text_at = match self.top_text {
                Some((doc, b, at, top)) if (doc, b, top) == (self.doc, block, self.top) => Some(at),
                _ => self
                    .layout
                    .lines
                    .get(self.top)
                    .filter(|l| l.block() == block && l.role() != LineRole::Gap)
                    .map(|l| l.start()),
            };
            (
                block,
                self.top as i64 - self.layout.block_start(block) as i64,
                text_at,
            )
        });
        self.layout = layout;
        self.top = match anchor {
            Some((block, offset, text_at)) => {
                let start = self.layout.block_start(block);
                let next = self
                    .layout
                    .block_starts
                    .get(block.0 + 1)
                    .copied()
                    .unwrap_or(usize::MAX);
                let holding = text_at.and_then(|at| {
                    (start..next.min(self.layout.lines.len())).rev().find(|&n| {
                        let line = &self.layout.lines[n];
                        line.block() == block && line.role() != LineRole::Gap && line.start() <= at
                    })
                });
                let top = holding
                    .unwrap_or_else(|| {
                        usize::try_from(start as i64 + offset)
                            .unwrap_or(0)
                            .min(next.saturating_sub(1))
                    })
                    .min(self.max_top());
                self.top_text = text_at.map(|at| (self.doc, block, at, top));
                top
            }
            None => 0,
        };
    }
}
