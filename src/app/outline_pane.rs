//! The outline pane's state: which entries are folded, which one is selected, and what is
//! visible. Pure state; the App moves it in response to actions.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::Arc;

use crate::index::outline::Outline;
use crate::index::unfolding::Later;
use crate::vocabulary::Action;

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

/// The entries a pane shows, kept for the outline they were worked out from (by its
/// stamp) until the folding or the filter changes: a key that moves the reader finds the
/// section it is in without walking every entry of a long briefing's outline. With them,
/// which folding they were worked out for: a number no other pane or folding has.
#[derive(Clone, Debug)]
struct Shown {
    kept: RefCell<Option<(u64, Arc<[usize]>)>>,
    folding: u64,
}

impl Shown {
    fn forget(&mut self) {
        *self.kept.get_mut() = None;
        self.folding = next_folding();
    }
}

impl Default for Shown {
    fn default() -> Shown {
        Shown {
            kept: RefCell::new(None),
            folding: next_folding(),
        }
    }
}

/// A number for a new folding of a pane.
fn next_folding() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// What is kept is not part of the pane's state.
impl PartialEq for Shown {
    fn eq(&self, _: &Shown) -> bool {
        true
    }
}

impl Eq for Shown {}

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

    /// Selects `entry`, or its nearest visible ancestor when it is folded away.
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
mod tests {
    use super::*;
    use crate::doc::{Document, Format, ParseOptions};

    fn outline() -> Outline {
        let doc = Document::parse(
            "t.md",
            None,
            "UTF-8",
            "# T\n\n## A\n\n### A1\n\n### A2\n\n## B\n",
            Format::Markdown,
            ParseOptions::default(),
        );
        Outline::build(&[doc])
    }

    #[test]
    fn folding_hides_children_and_keeps_selection_visible() {
        let o = outline();
        let mut p = OutlinePane::default();
        assert_eq!(*p.visible(&o), [0, 1, 2, 3, 4]);
        p.selected = 1;
        p.toggle_fold(&o);
        assert_eq!(*p.visible(&o), [0, 1, 4]);
        p.select(&o, 3);
        assert_eq!(p.selected, 1, "A2 is folded under A");
        p.fold_all(&o);
        assert_eq!(*p.visible(&o), [0]);
        assert_eq!(p.selected, 0);
        p.unfold_all();
        assert_eq!(p.visible(&o).len(), 5);
    }

    #[test]
    fn the_rows_shown_follow_every_change_of_the_folds_the_filter_and_the_outline() {
        let mut o = outline();
        let mut p = OutlinePane {
            selected: 1,
            ..Default::default()
        };
        assert_eq!(*p.visible(&o), [0, 1, 2, 3, 4]);
        p.fold(&o);
        assert_eq!(*p.visible(&o), [0, 1, 4]);
        p.unfold();
        assert_eq!(*p.visible(&o), [0, 1, 2, 3, 4]);
        p.set_only(Some([0, 4].into()));
        assert_eq!(*p.visible(&o), [0, 4]);
        p.set_only(None);
        p.fold_all(&o);
        assert_eq!(*p.visible(&o), [0]);
        p.unfold_all();
        assert_eq!(p.visible(&o).len(), 5);
        let added = o.push(Some(4), o.entries[4].clone());
        assert_eq!(*p.visible(&o), [0, 1, 2, 3, 4, added]);
        let mut rows = Outline::default();
        rows.push(None, o.entries[2].clone());
        let n = o.insert_children(2, rows);
        p.shift_after(2, n);
        assert_eq!(*p.visible(&o), [0, 1, 2, 3, 4, 5, 6]);
        p.selected = 1;
        p.fold(&o);
        assert_eq!(*p.visible(&o), [0, 1, 5, 6]);
        let other = outline();
        assert_eq!(
            *p.visible(&other),
            [0, 1, 4],
            "another outline, the same folds"
        );
    }

    #[test]
    fn fold_on_a_leaf_goes_to_the_parent() {
        let o = outline();
        let mut p = OutlinePane {
            selected: 3,
            ..Default::default()
        };
        p.fold(&o);
        assert_eq!(p.selected, 1);
        p.fold(&o);
        assert!(p.is_folded(1));
    }

    #[test]
    fn moving_skips_hidden_rows_and_stops_at_the_ends() {
        let o = outline();
        let mut p = OutlinePane::default();
        p.fold_at(1);
        p.move_by(&o, 1);
        assert_eq!(p.selected, 1);
        p.move_by(&o, 1);
        assert_eq!(p.selected, 4);
        p.move_by(&o, 10);
        assert_eq!(p.selected, 4);
        p.move_by(&o, -10);
        assert_eq!(p.selected, 0);
    }

    #[test]
    fn an_entry_folded_away_or_filtered_out_stands_under_the_row_that_holds_it() {
        let o = outline();
        let mut p = OutlinePane::default();
        assert_eq!(p.row_for(&o, 3), Some(3));
        p.fold_at(1);
        assert_eq!(p.row_for(&o, 3), Some(1), "A2 in folded A");
        p.fold_at(0);
        assert_eq!(p.row_for(&o, 3), Some(0), "the outermost fold");
        p.unfold_all();
        p.set_only(Some([0, 4].into()));
        assert_eq!(p.row_for(&o, 3), Some(0), "the section the filter keeps");
        assert_eq!(p.row_for(&o, 4), Some(4));
    }

    #[test]
    fn scrolling_follows_the_selection() {
        let o = outline();
        let mut p = OutlinePane {
            selected: 4,
            ..Default::default()
        };
        p.keep_selection_visible(&o, 2);
        assert_eq!(p.offset, 3);
        p.selected = 0;
        p.keep_selection_visible(&o, 2);
        assert_eq!(p.offset, 0);
    }
}

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
