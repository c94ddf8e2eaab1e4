//! The outline pane's state: which entries are folded, which one is selected, and what is
//! visible. Pure state; the App moves it in response to actions.

mod shown;
mod tree_view;

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::index::outline::Outline;
use crate::vocabulary::Action;
use shown::Shown;
pub use tree_view::TreeView;

/// The views the outline pane cycles through with `Tab`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutlineView {
    /// The section tree.
    Sections,
    /// Countries, regions and organisations with their mentions.
    Countries,
    /// The people the documents name, with their offices.
    People,
    /// The treaties, declarations, programmes and laws the documents cite.
    Documents,
    /// Bookmarks of the open documents.
    Bookmarks,
    /// Notes of the open documents.
    Notes,
    /// The open documents themselves, with date, size and marks.
    Library,
    /// The links and footnote references of the document in the reader (`L`).
    Links,
}

impl OutlineView {
    /// The title shown on the pane.
    pub fn title(self) -> &'static str {
        match self {
            OutlineView::Sections => "Sections",
            OutlineView::Countries => "Countries",
            OutlineView::People => "People",
            OutlineView::Documents => "Documents",
            OutlineView::Bookmarks => "Bookmarks",
            OutlineView::Notes => "Notes",
            OutlineView::Library => "Library",
            OutlineView::Links => "Links",
        }
    }

    /// The view after this one, or `None` after the last.
    pub fn next(self) -> Option<OutlineView> {
        match self {
            OutlineView::Sections => Some(OutlineView::Countries),
            OutlineView::Countries => Some(OutlineView::People),
            OutlineView::People => Some(OutlineView::Documents),
            OutlineView::Documents => Some(OutlineView::Bookmarks),
            OutlineView::Bookmarks => Some(OutlineView::Notes),
            OutlineView::Notes => Some(OutlineView::Library),
            OutlineView::Library | OutlineView::Links => None,
        }
    }

    /// The view `Shift-Tab` goes back to; `None` from the first.
    pub fn previous(self) -> Option<OutlineView> {
        match self {
            OutlineView::Sections | OutlineView::Links => None,
            OutlineView::Countries => Some(OutlineView::Sections),
            OutlineView::People => Some(OutlineView::Countries),
            OutlineView::Documents => Some(OutlineView::People),
            OutlineView::Bookmarks => Some(OutlineView::Documents),
            OutlineView::Notes => Some(OutlineView::Bookmarks),
            OutlineView::Library => Some(OutlineView::Notes),
        }
    }
}

/// Folding, selection and scrolling of the outline pane.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutlinePane {
    /// Entries whose children are hidden.
    folded: BTreeSet<usize>,
    /// The selected entry (an index into the outline's entries).
    pub selected: usize,
    /// The first visible row shown at the top of the pane.
    pub offset: usize,
    /// When a filter is on, the only entries shown.
    only: Option<BTreeSet<usize>>,
    /// Everything was folded (fold all) and nothing unfolded since: entries that arrive
    /// are folded too.
    all_folded: bool,
    /// The entries shown, as last worked out.
    shown: Shown,
}

impl OutlinePane {
    /// A pane with `folded` folded and `selected` selected.
    pub fn folded_at(folded: impl IntoIterator<Item = usize>, selected: usize) -> OutlinePane {
        OutlinePane {
            folded: folded.into_iter().collect(),
            selected,
            ..OutlinePane::default()
        }
    }

    /// Whether the children of `entry` are hidden.
    pub fn is_folded(&self, entry: usize) -> bool {
        self.folded.contains(&entry)
    }

    /// Which folding and filter the pane has: the same number while neither changes, and
    /// never the same for two panes.
    pub fn folding(&self) -> u64 {
        self.shown.folding
    }

    /// When a filter is on, the only entries shown.
    pub fn only(&self) -> Option<&BTreeSet<usize>> {
        self.only.as_ref()
    }

    /// Shows only `only` (and everything, with `None`).
    pub fn set_only(&mut self, only: Option<BTreeSet<usize>>) {
        self.only = only;
        self.shown.forget();
    }

    fn fold_at(&mut self, entry: usize) -> bool {
        self.shown.forget();
        self.folded.insert(entry)
    }

    fn unfold_at(&mut self, entry: usize) -> bool {
        self.shown.forget();
        self.all_folded = false;
        self.folded.remove(&entry)
    }

    /// Moves or folds for a key, in a pane of `height` rows; says whether the key was one
    /// of these.
    pub fn update(&mut self, outline: &Outline, action: Action, height: usize) -> bool {
        let page = height.max(2) as isize - 1;
        match action {
            Action::Down => self.move_by(outline, 1),
            Action::Up => self.move_by(outline, -1),
            Action::PageDown | Action::HalfPageDown => self.move_by(outline, page),
            Action::PageUp | Action::HalfPageUp => self.move_by(outline, -page),
            Action::Top => self.move_to_end(outline, false),
            Action::Bottom => self.move_to_end(outline, true),
            Action::ToggleFold => self.toggle_fold(outline),
            Action::Fold => self.fold(outline),
            Action::Unfold => self.unfold(),
            Action::FoldAll => self.fold_all(outline),
            Action::UnfoldAll => self.unfold_all(),
            _ => return false,
        }
        self.keep_selection_visible(outline, height);
        true
    }

    /// The entries shown, in order: every entry not under a folded one.
    pub fn visible(&self, outline: &Outline) -> Arc<[usize]> {
        let stamp = outline.stamp();
        if let Some((of, kept)) = self.shown.kept.borrow().as_ref()
            && *of == stamp
        {
            debug_assert_eq!(
                **kept,
                *self.walk(outline),
                "rows kept for a changed outline"
            );
            return Arc::clone(kept);
        }
        let rows: Arc<[usize]> = self.walk(outline).into();
        *self.shown.kept.borrow_mut() = Some((stamp, Arc::clone(&rows)));
        rows
    }

    /// The entries shown, worked out from every entry.
    fn walk(&self, outline: &Outline) -> Vec<usize> {
        let mut out = Vec::with_capacity(outline.entries.len());
        let mut hide_deeper_than: Option<usize> = None;
        for (i, e) in outline.entries.iter().enumerate() {
            if self.only.as_ref().is_some_and(|only| !only.contains(&i)) {
                continue;
            }
            if let Some(depth) = hide_deeper_than {
                if e.depth > depth {
                    continue;
                }
                hide_deeper_than = None;
            }
            out.push(i);
            if e.has_children && self.folded.contains(&i) {
                hide_deeper_than = Some(e.depth);
            }
        }
        out
    }

    /// The row that stands for `entry`: itself when it is shown, else its nearest ancestor
    /// shown (the fold it is in, or a section the filter keeps).
    pub fn row_for(&self, outline: &Outline, entry: usize) -> Option<usize> {
        let visible = self.visible(outline);
        let mut at = Some(entry);
        while let Some(i) = at {
            if row_of(&visible, i).is_some() {
                return Some(i);
            }
            at = outline.entries.get(i).and_then(|e| e.parent);
        }
        None
    }

    /// Selects `entry`, or its nearest visible ancestor when it is folded away (or, under a
    /// filter that leaves it out, the row that stands for it).
    pub fn select(&mut self, outline: &Outline, entry: usize) {
        let mut target = entry;
        let mut at = outline.entries.get(entry).and_then(|e| e.parent);
        while let Some(i) = at {
            if self.folded.contains(&i) {
                target = i;
            }
            at = outline.entries.get(i).and_then(|e| e.parent);
        }
        self.selected = target;
        if self.only.is_some() {
            self.select_shown_near(outline, Some(entry));
        }
    }

    /// Moves the selection by `delta` visible rows.
    pub fn move_by(&mut self, outline: &Outline, delta: isize) {
        let visible = self.visible(outline);
        if visible.is_empty() {
            return;
        }
        let at = row_of(&visible, self.selected).unwrap_or(0);
        let to = at.saturating_add_signed(delta).min(visible.len() - 1);
        self.selected = visible[to];
    }

    /// Selects the first or last visible entry.
    pub fn move_to_end(&mut self, outline: &Outline, last: bool) {
        let visible = self.visible(outline);
        let pick = if last {
            visible.last()
        } else {
            visible.first()
        };
        if let Some(&i) = pick {
            self.selected = i;
        }
    }

    /// Folds or unfolds the selected entry.
    pub fn toggle_fold(&mut self, outline: &Outline) {
        if !self.unfold_at(self.selected) && has_children(outline, self.selected) {
            self.fold_at(self.selected);
        }
    }

    /// Folds the selected entry; when it is folded already or has no children, selects its parent.
    pub fn fold(&mut self, outline: &Outline) {
        if has_children(outline, self.selected) && self.fold_at(self.selected) {
            return;
        }
        if let Some(parent) = outline.entries.get(self.selected).and_then(|e| e.parent) {
            self.selected = parent;
        }
    }

    /// Unfolds the selected entry.
    pub fn unfold(&mut self) {
        self.unfold_at(self.selected);
    }

    /// Folds every entry that has children.
    pub fn fold_all(&mut self, outline: &Outline) {
        self.folded = (0..outline.entries.len())
            .filter(|&i| has_children(outline, i))
            .collect();
        self.all_folded = true;
        self.shown.forget();
        let selected = self.selected;
        self.select(outline, selected);
    }

    /// Unfolds everything.
    pub fn unfold_all(&mut self) {
        self.folded.clear();
        self.all_folded = false;
        self.shown.forget();
    }

    /// Moves what points past entry `at` down by `n` entries (`n` were put under it).
    pub fn shift_after(&mut self, at: usize, n: usize) {
        let shift = |i: usize| if i > at { i + n } else { i };
        self.folded = self.folded.iter().map(|&i| shift(i)).collect();
        if let Some(only) = self.only.as_mut() {
            *only = only.iter().map(|&i| shift(i)).collect();
        }
        self.shown.forget();
        self.selected = shift(self.selected);
    }

    /// Takes the folds, the filter and the selection over from `old` to `new`, the outline
    /// made again with more documents, or with the whole of a document of which a part
    /// was read: each entry by its document and heading. After fold all, the entries that
    /// arrived are folded too.
    pub fn carry_over(&mut self, old: &Outline, new: &Outline) {
        let moved = |i: &usize| {
            old.entries
                .get(*i)
                .and_then(|e| new.index_of(e.doc, e.block))
        };
        self.folded = self.folded.iter().filter_map(moved).collect();
        if self.all_folded {
            self.folded
                .extend((0..new.entries.len()).filter(|&i| has_children(new, i)));
        }
        if let Some(only) = self.only.take() {
            self.only = Some(only.iter().filter_map(moved).collect());
        }
        let selected = moved(&self.selected).unwrap_or(0);
        self.shown.forget();
        // Folded away by the folds carried over: the fold that holds it.
        self.select(new, selected);
    }

    /// Whether `entry` has children to show when unfolded: it has some, and under a filter,
    /// one the filter keeps (it keeps the sections above every section it keeps).
    pub fn has_shown_children(&self, outline: &Outline, entry: usize) -> bool {
        if !has_children(outline, entry) {
            return false;
        }
        let Some(only) = &self.only else {
            return true;
        };
        // The first kept after it is one of its descendants if any is.
        let Some(&next) = only.range(entry + 1..).next() else {
            return false;
        };
        let mut at = outline.entries.get(next).and_then(|e| e.parent);
        while let Some(i) = at.filter(|&i| i >= entry) {
            if i == entry {
                return true;
            }
            at = outline.entries[i].parent;
        }
        false
    }

    /// When the selected entry is not shown (a filter left it out): selects the row that
    /// stands for `near` (the reader's section), else the first row after it, else the last.
    pub fn select_shown_near(&mut self, outline: &Outline, near: Option<usize>) {
        let visible = self.visible(outline);
        if visible.is_empty() || row_of(&visible, self.selected).is_some() {
            return;
        }
        let near = near.unwrap_or(0);
        let after = visible.get(visible.partition_point(|&i| i < near));
        if let Some(i) = self
            .row_for(outline, near)
            .or(after.copied())
            .or(visible.last().copied())
        {
            self.selected = i;
        }
    }

    /// Scrolls so the selected row is within a pane of `height` rows.
    pub fn keep_selection_visible(&mut self, outline: &Outline, height: usize) {
        self.offset = self.first_row(&self.visible(outline), height);
    }

    /// The first of the `visible` rows a pane of `height` rows shows: from the offset, moved
    /// as little as needed to keep the selected row on screen, and never past the last row.
    pub fn first_row(&self, visible: &[usize], height: usize) -> usize {
        let row = row_of(visible, self.selected).unwrap_or(0);
        let height = height.max(1);
        let mut offset = self.offset;
        if row < offset {
            offset = row;
        } else if row >= offset + height {
            offset = row + 1 - height;
        }
        offset.min(visible.len().saturating_sub(height))
    }
}

/// The row that shows `entry` among the `visible` ones (in the outline's order).
fn row_of(visible: &[usize], entry: usize) -> Option<usize> {
    visible.binary_search(&entry).ok()
}

fn has_children(outline: &Outline, entry: usize) -> bool {
    outline.entries.get(entry).is_some_and(|e| e.has_children)
}

#[cfg(test)]
mod tests;
