//! The Documents view: the treaties, declarations, programmes and laws the open documents
//! cite, built when it is shown.

use super::App;
use crate::index::document_outline;

impl App {
    /// Builds the Documents view, each document's citations folded.
    pub(super) fn rebuild_documents(&mut self) {
        let (tree, rows) = document_outline::build(&self.docs);
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
    }
}
