//! The Documents view: the treaties, declarations, programmes and laws the open documents
//! cite, found when it is first shown (again after the documents change).

use std::collections::BTreeSet;
use std::sync::Arc;

use super::App;
use crate::doc::BlockId;
use crate::index::document_outline;
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
        self.refresh_cited();
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

    /// Finds the documents cited again if they are out of date and a filter needs them.
    pub(super) fn refresh_cited(&mut self) {
        if self.documents_cited_stale && !self.waiting_for_people() {
            self.documents_cited = Arc::new(cited(&self.docs));
            self.documents_cited_stale = false;
        }
    }

    /// The document cited that the Documents view's selected row is, or a citation of.
    fn selected_cited(&self) -> Option<usize> {
        let entries = &self.documents_view.tree.entries;
        let mut at = Some(self.documents_view.pane.selected);
        while let Some(entry) = at.and_then(|i| entries.get(i)) {
            if entry.cited.is_some() {
                return entry.cited;
            }
            at = entry.parent;
        }
        None
    }

    /// Adds the selected document of the Documents view to the filter, or removes it.
    pub(super) fn toggle_document_filter(&mut self) {
        let Some(title) = self
            .selected_cited()
            .and_then(|i| self.documents_cited.get(i))
            .map(|c| c.title.clone())
        else {
            self.notify(
                "Select a document in the Documents view to filter by it",
                false,
            );
            return;
        };
        super::country_view::toggle(&mut self.filter_documents, title);
        self.apply_filter();
    }

    /// The blocks that cite every document in the filter, or `None` without documents in it.
    pub(super) fn blocks_citing_filtered_documents(&self) -> Option<BTreeSet<(usize, BlockId)>> {
        super::country_view::in_every(self.filter_documents.iter().map(|title| {
            self.documents_cited
                .iter()
                .find(|c| c.title == *title)
                .map(|c| c.citations.iter().map(|at| (at.doc, at.block)).collect())
                .unwrap_or_default()
        }))
    }
}
