//! The Documents view: the treaties, declarations, programmes and laws the open documents
//! cite, built when it is shown.

use super::App;
use crate::index::document_outline;
use crate::index::documents::cited;

impl App {
    /// Builds the Documents view, each document's citations folded.
    pub(super) fn rebuild_documents(&mut self) {
        self.documents_cited = cited(&self.docs);
        let (tree, rows) = document_outline::build(&self.documents_cited);
        let selected = self
            .documents_view
            .pane
            .selected
            .min(tree.entries.len().saturating_sub(1));
        self.documents_view.tree = tree;
        self.documents_view.pane = super::OutlinePane {
            folded: rows.into_iter().collect(),
            selected,
            ..Default::default()
        };
        self.make_cited_rows();
    }

    /// Makes the rows promised to the Documents view's unfolded entries.
    pub(super) fn make_cited_rows(&mut self) {
        let (docs, all) = (&self.docs, &self.documents_cited);
        self.documents_view
            .make_unfolded_rows(|later| document_outline::rows_later(docs, all, later));
    }
}
