//! A view of the outline pane that owns its tree (countries, people, documents cited,
//! bookmarks, notes, the library, links), and makes the rows its entries promise when they
//! are unfolded.

use super::OutlinePane;
use crate::index::outline::Outline;
use crate::index::unfolding::Later;

/// A view of the outline pane that owns its tree: the tree, the folding and selection in
/// it, and what each entry stands for (a bookmark, a note, a link).
#[derive(Clone, Debug)]
pub struct TreeView<T = ()> {
    /// The entries.
    pub tree: Outline,
    /// The folding and selection.
    pub pane: OutlinePane,
    /// What each entry stands for, by entry (empty where entries stand for their place).
    pub targets: Vec<T>,
    /// The tree's stamp and the pane's folding when the rows unfolded were last made:
    /// while both stay, no entry waits for its rows.
    rows_made_for: Option<(u64, u64)>,
}

impl TreeView {
    /// A view whose entries are still being found: one line that says so.
    pub fn waiting() -> TreeView {
        let mut tree = Outline::default();
        tree.push(
            None,
            crate::index::outline::OutlineEntry::titled(0, None, "Finding them…".to_string()),
        );
        TreeView {
            tree,
            ..TreeView::default()
        }
    }

    /// Makes the rows of every shown entry unfolded since [`Later`] rows were promised
    /// to it, with `make`; the new entries that promise rows of their own start folded. An
    /// entry whose rows come only when it is chosen is folded again when something else
    /// unfolded it (unfold all).
    pub fn make_unfolded_rows(&mut self, make: impl Fn(&Later) -> Outline) {
        // Most keys unfold nothing: neither the tree nor its folding changed since.
        let now = Some((self.tree.stamp(), self.pane.folding()));
        let unfolded = |(i, e): (usize, &crate::index::outline::OutlineEntry)| {
            e.later.is_some() && !self.pane.is_folded(i)
        };
        if self.rows_made_for == now {
            debug_assert!(
                !self
                    .pane
                    .visible(&self.tree)
                    .iter()
                    .any(|&i| unfolded((i, &self.tree.entries[i]))),
                "an entry shown unfolded without a change of folding"
            );
            return;
        }
        if !self.tree.entries.iter().enumerate().any(unfolded) {
            self.rows_made_for = now;
            return;
        }
        let waiting: Vec<usize> = self
            .pane
            .visible(&self.tree)
            .iter()
            .copied()
            .filter(|&i| self.tree.entries[i].later.is_some() && !self.pane.is_folded(i))
            .collect();
        // From the last, so the entries before each one keep their places.
        for &at in waiting.iter().rev() {
            let Some(later) = self.tree.entries[at].later.take() else {
                continue;
            };
            if later.only_when_chosen() && at != self.pane.selected {
                self.tree.entries[at].later = Some(later);
                self.pane.fold_at(at);
                continue;
            }
            let n = self.tree.insert_children(at, make(&later));
            self.pane.shift_after(at, n);
            for i in at + 1..=at + n {
                if self.tree.entries[i].later.is_some() {
                    self.pane.fold_at(i);
                }
            }
        }
        self.rows_made_for = Some((self.tree.stamp(), self.pane.folding()));
    }
}

impl<T> Default for TreeView<T> {
    fn default() -> TreeView<T> {
        TreeView {
            tree: Outline::default(),
            pane: OutlinePane::default(),
            targets: Vec::new(),
            rows_made_for: None,
        }
    }
}
