//! Bookmarking, copying and exporting from the reader, and the Bookmarks and Notes views:
//! what each key asks the store to do. The store's answer comes back through
//! [`App::set_annotations`].

use super::annotations::Annotations;
use super::outline_pane::OutlineView;
use super::prompt::Purpose;
use super::{App, Effect};
use std::sync::Arc;

use crate::doc::BlockId;
use crate::index::jump::{CandidateKind, JumpIndex};
use crate::store::anchor::{Anchor, Placement, anchorable, one_line};
use crate::store::{Bookmark, Note};
use crate::vocabulary::{Action, Mode};

/// What was deleted last, so `u` can bring it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Deleted {
    /// A bookmark.
    Bookmark(Bookmark),
    /// A note.
    Note(Note),
}

/// How many characters of a passage the status line quotes.
const SAID: usize = 24;

impl App {
    /// The bookmarks and notes as the store has them now.
    pub(super) fn set_annotations(&mut self, annotations: Annotations) {
        (self.bookmarks_view.tree, self.bookmarks_view.targets) =
            annotations.bookmark_tree(&self.docs);
        (self.notes_view.tree, self.notes_view.targets) = annotations.note_tree(&self.docs);
        let bookmarks = annotations.bookmarks.iter().filter_map(|b| {
            let title = match &b.item.name {
                Some(name) => format!("{name} — {}", b.item.anchor.quote),
                None => b.item.anchor.quote.clone(),
            };
            Some((CandidateKind::Bookmark, b.doc, b.block()?, title))
        });
        let notes = annotations.notes.iter().filter_map(|n| {
            let body = n.item.body.split_whitespace().collect::<Vec<_>>().join(" ");
            let title = format!("{body} — “{}”", n.item.anchor.quote);
            Some((CandidateKind::Note, n.doc, n.block()?, title))
        });
        self.marks_index = Arc::new(JumpIndex::of_passages(
            &self.docs,
            bookmarks.chain(notes).collect::<Vec<_>>(),
        ));
        self.annotations = annotations;
        if self.view == super::outline_pane::OutlineView::Library {
            self.rebuild_library();
        }
        for (tree, pane) in [
            (&self.bookmarks_view.tree, &mut self.bookmarks_view.pane),
            (&self.notes_view.tree, &mut self.notes_view.pane),
        ] {
            pane.selected = pane.selected.min(tree.entries.len().saturating_sub(1));
            pane.offset = pane.offset.min(pane.selected);
        }
    }

    /// Where a paragraph is: `document › section`.
    pub fn citation(&self, doc: usize, block: Option<BlockId>) -> String {
        let name = &self.docs[doc].name;
        let section = block
            .and_then(|b| self.outline.entry_at(doc, b))
            .map(|e| self.outline.entries[e].title.clone())
            .filter(|t| !t.is_empty() && *t != *name);
        match section {
            Some(section) => format!("{name} › {section}"),
            None => name.clone(),
        }
    }

    /// `m`: bookmarks the paragraph at the top of the reader, or removes its bookmark.
    pub(super) fn toggle_bookmark(&mut self) -> Vec<Effect> {
        let Some(block) = self.passage_block() else {
            self.notify_nothing_here("bookmark");
            return Vec::new();
        };
        if let Some(existing) = self.annotations.bookmark_at(self.doc, block) {
            let bookmark = existing.item.clone();
            self.deleted = Some(Deleted::Bookmark(bookmark.clone()));
            let undo = self
                .keymap
                .hint_key(Mode::Outline, Action::Undo)
                .map(|k| format!(" ({k} in the Bookmarks view brings it back)"))
                .unwrap_or_default();
            self.notify(
                format!(
                    "Bookmark removed from “{}”{undo}",
                    short(&bookmark.anchor.quote)
                ),
                false,
            );
            return vec![Effect::RemoveBookmark(bookmark)];
        }
        let anchor = Anchor::of(&self.docs[self.doc], block, None);
        let document = self.doc_keys[self.doc].clone();
        self.notify(format!("Bookmarked “{}”", short(&anchor.quote)), false);
        vec![Effect::AddBookmark {
            document,
            anchor,
            name: None,
        }]
    }

    /// Says that the document has no passage to act on (it is empty, or only rules).
    pub(super) fn notify_nothing_here(&mut self, what: &str) {
        self.notify(
            format!("Nothing to {what} here: this document has no text"),
            false,
        );
    }

    /// The paragraph a bookmark or a note made at the top of the reader goes on: the block
    /// there, unless it is a page marker or a rule (which a new edition's paragraphs are
    /// never matched to, so a note on one could not follow a reload); then the block before
    /// that can carry one (the text a `(下转第七版)` continues), else the next. None when the
    /// document has no such block (it is empty).
    pub(super) fn passage_block(&self) -> Option<BlockId> {
        let here = self.current_block();
        let blocks = &self.docs[self.doc].blocks;
        if blocks.get(here.0).is_some_and(|b| anchorable(&b.kind)) {
            return Some(here);
        }
        let here = here.0.min(blocks.len());
        (0..here)
            .rev()
            .chain(here + 1..blocks.len())
            .find(|&i| anchorable(&blocks[i].kind))
            .map(BlockId)
    }

    /// `M`: asks for a name, then bookmarks the paragraph.
    pub(super) fn name_bookmark(&mut self) {
        let Some(block) = self.passage_block() else {
            self.notify_nothing_here("bookmark");
            return;
        };
        self.ask(
            Purpose::BookmarkName {
                doc: self.doc,
                block,
            },
            "Bookmark name: ",
            String::new(),
        );
    }

    /// `y`: copies the paragraph at the top of the reader with where it is from.
    pub(super) fn copy_here(&mut self) -> Vec<Effect> {
        let block = self.current_block();
        let Some(b) = self.docs[self.doc].block(block) else {
            self.notify_nothing_here("copy");
            return Vec::new();
        };
        let text = one_line(b.text());
        let cite = self.citation(self.doc, Some(block));
        let links = b.links().iter().filter(|l| l.footnote().is_none()).count();
        // A table row goes as a Markdown table row under its header.
        let copied = crate::doc::table::row_as_markdown(&self.docs[self.doc].blocks, block.0)
            .unwrap_or_else(|| text.clone());
        let mut what = format!("“{}”", short(&text));
        if links > 0 {
            let keys = self
                .keymap
                .chords_for(
                    crate::vocabulary::Mode::Reader,
                    crate::vocabulary::Action::Links,
                )
                .first()
                .map_or_else(String::new, |c| format!(" ({c})"));
            let plural = if links == 1 { "link" } else { "links" };
            what.push_str(&format!(" · {links} {plural}{keys}"));
        }
        vec![Effect::Copy {
            what,
            text: format!("{copied}\n— {cite}"),
        }]
    }

    /// `E`: asks where to write the briefing note.
    pub(super) fn ask_export_path(&mut self) {
        let stem = self.docs[self.doc]
            .name
            .rsplit_once('.')
            .map_or(self.docs[self.doc].name.as_str(), |(stem, _)| stem)
            .to_string();
        let default = format!("~/briefings/notes-{stem}-{}.md", self.today);
        self.ask(Purpose::ExportPath, "Export to: ", default);
    }

    /// While the Bookmarks or Notes view has the keys, and its selected passage was amended
    /// since it was marked: the passage as it read then and as it reads now.
    pub fn selected_amendment(&self) -> Option<(String, String)> {
        if self.mode() != crate::vocabulary::Mode::Outline {
            return None;
        }
        let (doc, placement, anchor) = match self.view {
            OutlineView::Bookmarks => {
                let n = (*self
                    .bookmarks_view
                    .targets
                    .get(self.bookmarks_view.pane.selected)?)?;
                let b = self.annotations.bookmarks.get(n)?;
                (b.doc, b.placement, &b.item.anchor)
            }
            OutlineView::Notes => {
                let n = (*self.notes_view.targets.get(self.notes_view.pane.selected)?)?;
                let p = self.annotations.notes.get(n)?;
                (p.doc, p.placement, &p.item.anchor)
            }
            _ => return None,
        };
        let Placement::Changed(block) = placement else {
            return None;
        };
        Some((
            anchor.quote.clone(),
            anchor.wording_in(&self.docs[doc], block),
        ))
    }

    /// The bookmark or note of the selected entry of the Bookmarks or Notes view.
    fn selected_item(&self) -> Option<Deleted> {
        match self.view {
            OutlineView::Bookmarks => {
                let n = (*self
                    .bookmarks_view
                    .targets
                    .get(self.bookmarks_view.pane.selected)?)?;
                Some(Deleted::Bookmark(
                    self.annotations.bookmarks.get(n)?.item.clone(),
                ))
            }
            OutlineView::Notes => {
                let n = (*self.notes_view.targets.get(self.notes_view.pane.selected)?)?;
                Some(Deleted::Note(self.annotations.notes.get(n)?.item.clone()))
            }
            _ => None,
        }
    }

    /// `d` in the Bookmarks or Notes view.
    pub(super) fn delete_selected(&mut self) -> Vec<Effect> {
        let Some(item) = self.selected_item() else {
            return Vec::new();
        };
        self.deleted = Some(item.clone());
        match item {
            Deleted::Bookmark(b) => {
                self.notify("Bookmark deleted (u: undo)", false);
                vec![Effect::RemoveBookmark(b)]
            }
            Deleted::Note(n) => {
                self.notify("Note deleted (u: undo)", false);
                vec![Effect::DeleteNote(n)]
            }
        }
    }

    /// `u`: brings back the last bookmark or note deleted.
    pub(super) fn undo_delete(&mut self) -> Vec<Effect> {
        match self.deleted.take() {
            Some(Deleted::Bookmark(b)) => {
                self.notify("Bookmark restored", false);
                vec![Effect::RestoreBookmark(b)]
            }
            Some(Deleted::Note(n)) => vec![Effect::SaveNote {
                note: n,
                draft: 0,
                said: "Note restored".into(),
                was: None,
            }],
            None => {
                self.notify("Nothing to undo", false);
                Vec::new()
            }
        }
    }

    /// `e` in the Notes view: edits the selected note.
    pub(super) fn edit_selected_note(&mut self) {
        let Some(Deleted::Note(note)) = self.selected_item() else {
            return;
        };
        let placed = self.annotations.notes.iter().find(|p| p.item.id == note.id);
        let Some((doc, block)) = placed.map(|p| (p.doc, p.block())) else {
            return;
        };
        self.leave_outline();
        let Some(block) = block else {
            // Its paragraph is gone: edited with the passage it quotes, and kept detached.
            self.open_detached(doc, note, 0);
            return;
        };
        self.show_block(doc, Some(block));
        self.open_editor(doc, block, note, 0);
        if let Some(editor) = self.editor_mut() {
            editor.choosing = false;
        }
    }

    /// `y` in the Bookmarks or Notes view: copies the passage (and the note).
    pub(super) fn copy_selected(&mut self) -> Vec<Effect> {
        let Some(item) = self.selected_item() else {
            return Vec::new();
        };
        let (quote, note, id) = match &item {
            Deleted::Bookmark(b) => (b.anchor.quote.clone(), None, b.id),
            Deleted::Note(n) => (n.anchor.quote.clone(), Some(n.body.clone()), n.id),
        };
        let (doc, block) = match &item {
            Deleted::Bookmark(_) => self
                .annotations
                .bookmarks
                .iter()
                .find(|b| b.item.id == id)
                .map(|b| (b.doc, b.block())),
            Deleted::Note(_) => self
                .annotations
                .notes
                .iter()
                .find(|n| n.item.id == id)
                .map(|n| (n.doc, n.block())),
        }
        .unwrap_or((self.doc, None));
        let cite = self.citation(doc, block);
        let (text, what) = match note {
            Some(body) => (format!("{body}\n\n> {quote}\n— {cite}"), "the note"),
            None => (format!("{quote}\n— {cite}"), "the passage"),
        };
        vec![Effect::Copy {
            text,
            what: what.to_string(),
        }]
    }
}

/// The start of a passage, for the status line.
pub(super) fn short(text: &str) -> String {
    let mut out: String = text.chars().take(SAID).collect();
    if text.chars().count() > SAID {
        out.push('…');
    }
    out
}
