//! The outline pane's behaviour: taking and giving back the focus, moving, folding and
//! going to an entry in whichever view it shows (sections, countries, documents, bookmarks,
//! notes, library, links).

use super::focus::Focus;
use super::outline_pane::{OutlinePane, OutlineView};
use super::{App, Highlight};
use crate::index::outline::Outline;
use crate::vocabulary::Action;

impl App {
    /// Shows the Library view, focused (`brief --library`).
    pub(super) fn open_library(&mut self) {
        self.enter_outline();
        self.view = OutlineView::Library;
        self.rebuild_library();
    }

    /// The tree and pane state of the view the outline pane shows.
    pub fn shown(&self) -> (&Outline, &OutlinePane) {
        match self.view {
            OutlineView::Sections => (&self.outline, &self.pane),
            OutlineView::Countries => (&self.countries_view.tree, &self.countries_view.pane),
            OutlineView::Documents => (&self.documents_view.tree, &self.documents_view.pane),
            OutlineView::People => (&self.people_view.tree, &self.people_view.pane),
            OutlineView::Bookmarks => (&self.bookmarks_view.tree, &self.bookmarks_view.pane),
            OutlineView::Notes => (&self.notes_view.tree, &self.notes_view.pane),
            OutlineView::Library => (&self.library_view.tree, &self.library_view.pane),
            OutlineView::Links => (&self.links_view.tree, &self.links_view.pane),
        }
    }

    pub(super) fn shown_mut(&mut self) -> (&Outline, &mut OutlinePane) {
        match self.view {
            OutlineView::Sections => (&self.outline, &mut self.pane),
            OutlineView::Countries => (&self.countries_view.tree, &mut self.countries_view.pane),
            OutlineView::Documents => (&self.documents_view.tree, &mut self.documents_view.pane),
            OutlineView::People => (&self.people_view.tree, &mut self.people_view.pane),
            OutlineView::Bookmarks => (&self.bookmarks_view.tree, &mut self.bookmarks_view.pane),
            OutlineView::Notes => (&self.notes_view.tree, &mut self.notes_view.pane),
            OutlineView::Library => (&self.library_view.tree, &mut self.library_view.pane),
            OutlineView::Links => (&self.links_view.tree, &mut self.links_view.pane),
        }
    }

    pub(super) fn outline_action(&mut self, action: Action) {
        let height = usize::from(self.outline_rows());
        let countries_view = self.view == OutlineView::Countries;
        let grouped_view =
            countries_view || matches!(self.view, OutlineView::Documents | OutlineView::People);
        match action {
            Action::Go => {
                let (tree, pane) = self.shown();
                let selected = pane.selected;
                let annotation_view =
                    matches!(self.view, OutlineView::Bookmarks | OutlineView::Notes);
                if annotation_view
                    && tree
                        .entries
                        .get(selected)
                        .is_some_and(|e| e.block.is_none() && !e.has_children)
                {
                    self.notify(
                        "Detached: its paragraph is no longer in the document (the note is kept)",
                        false,
                    );
                    return;
                }
                if (grouped_view || annotation_view)
                    && tree
                        .entries
                        .get(selected)
                        .is_some_and(|e| e.block.is_none())
                {
                    // A group heading: nothing to jump to, so open or close it.
                    let (tree, pane) = self.shown_mut();
                    pane.toggle_fold(tree);
                    self.make_unfolded_rows();
                    return;
                }
                self.record_jump();
                self.go_to_entry(selected);
                self.leave_outline();
                return;
            }
            Action::CycleCountryOrder if self.view == OutlineView::Library => {
                self.library_order = self.library_order.next();
                self.rebuild_library();
                self.notify(
                    format!("Library sorted {}", self.library_order.label()),
                    false,
                );
                return;
            }
            Action::CycleCountryOrder if countries_view => {
                self.country_order = self.country_order.next();
                self.rebuild_country_tree();
                self.notify(
                    format!("Countries sorted {}", self.country_order.label()),
                    false,
                );
                return;
            }
            Action::FilterByCountry => {
                self.toggle_filter();
                return;
            }
            // The filter just made is walked from where it was made, the reader following.
            Action::NextMatch | Action::PrevMatch => {
                self.move_to_match(action == Action::NextMatch);
                return;
            }
            _ => {}
        }
        let (tree, pane) = self.shown_mut();
        if pane.update(tree, action, height) {
            self.make_unfolded_rows();
        }
    }

    /// Jumps the reader to an entry of the shown view, switching documents when needed; a
    /// mention is highlighted.
    pub fn go_to_entry(&mut self, entry: usize) {
        let (tree, _) = self.shown();
        let Some(e) = tree.entries.get(entry) else {
            return;
        };
        let (doc, block, span) = (e.doc, e.block, e.span.clone());
        self.highlight = match (block, span.clone()) {
            (Some(block), Some(range)) => Some(Highlight { doc, block, range }),
            _ => None,
        };
        self.show_block(doc, block);
        if let (Some(block), Some(span)) = (block, span) {
            self.show_within_block(block, span.start);
        }
    }

    /// Shows `view` in the outline pane, its tree made or read again as it needs.
    pub(super) fn show_outline_view(&mut self, view: OutlineView) -> Vec<super::Effect> {
        self.view = view;
        match view {
            OutlineView::Countries if self.country_tree_stale => {
                self.country_tree_stale = false;
                self.rebuild_country_tree();
            }
            OutlineView::Library => self.rebuild_library(),
            OutlineView::Documents => self.rebuild_documents(),
            OutlineView::People => self.rebuild_people(),
            OutlineView::Bookmarks | OutlineView::Notes => {
                return vec![super::Effect::RefreshAnnotations];
            }
            _ => {}
        }
        Vec::new()
    }

    pub(super) fn enter_outline(&mut self) {
        if !self.outline_visible {
            self.outline_visible = true;
            self.outline_shown_for_focus = true;
            self.relayout_at_new_width();
        }
        self.focus = Focus::Outline;
    }

    pub(super) fn leave_outline(&mut self) {
        self.focus = Focus::Reader;
        if std::mem::take(&mut self.outline_shown_for_focus) {
            self.outline_visible = false;
            self.relayout_at_new_width();
        }
        self.follow_position();
    }
}
