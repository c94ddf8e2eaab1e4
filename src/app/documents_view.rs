//! The Documents view: the treaties, declarations, programmes and laws the open documents
//! cite, found when it is first shown (again after the documents change).

use super::App;
use crate::index::document_outline;
use std::sync::Arc;

use crate::index::documents::{Cited, cited};

impl App {
    /// Takes the documents cited the jump worker found, unless they are known already.
    pub(super) fn take_cited(&mut self, cited: &Arc<Vec<Cited>>) {
        if self.documents_cited_stale {
            self.documents_cited = Arc::clone(cited);
            self.documents_cited_stale = false;
        }
    }

    /// Builds the Documents view, each document's citations folded.
    pub(super) fn rebuild_documents(&mut self) {
        if self.documents_cited_stale && !self.waiting_for_people() {
            self.documents_cited = Arc::new(cited(&self.docs));
            self.documents_cited_stale = false;
        }
        if self.documents_cited_stale {
            self.documents_view = super::outline_pane::TreeView::waiting();
            return;
        }
        let (tree, rows) = document_outline::build(&self.documents_cited);
        let selected = self
            .documents_view
            .pane
            .selected
            .min(tree.entries.len().saturating_sub(1));
        self.documents_view.tree = tree;
        self.documents_view.pane = super::OutlinePane::folded_at(rows, selected);
        self.make_cited_rows();
    }

    /// Makes the rows promised to the Documents view's unfolded entries.
    pub(super) fn make_cited_rows(&mut self) {
        let (docs, all) = (&self.docs, &self.documents_cited);
        self.documents_view
            .make_unfolded_rows(|later| document_outline::rows_later(docs, all, later));
    }
}
