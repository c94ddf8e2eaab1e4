//! The People view, and the people in the filter: the people the open documents name come
//! with the jump worker's candidates, found on its thread, or are found here when the view is
//! shown first; again after the documents change.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::App;
use crate::doc::BlockId;
use crate::index::people::People;
use crate::index::people_outline;

impl App {
    /// Finds the people again if the documents changed since they were last found.
    pub(super) fn refresh_people(&mut self) {
        if self.people_stale && !self.waiting_for_people() {
            self.people = Arc::new(People::build(&self.docs));
            self.people_stale = false;
        }
    }

    /// Whether the people (and the documents cited) are being found by the jump worker, and
    /// not known yet: their views say so.
    pub fn waiting_for_people(&self) -> bool {
        self.people_come_later && self.jump_index.is_none()
    }

    /// Takes the people the jump worker found, unless they are known already.
    pub(super) fn take_people(&mut self, people: &Arc<People>) {
        if self.people_stale {
            self.people = Arc::clone(people);
            self.people_stale = false;
        }
    }

    /// Builds the People view, each person's mentions folded.
    pub(super) fn rebuild_people(&mut self) {
        self.refresh_people();
        if self.people_stale {
            self.people_view = super::outline_pane::TreeView::waiting();
            return;
        }
        let (tree, rows) = people_outline::build(&self.people);
        let selected = self
            .people_view
            .pane
            .selected
            .min(tree.entries.len().saturating_sub(1));
        self.people_view.tree = tree;
        self.people_view.pane = super::OutlinePane::folded_at(rows, selected);
        self.make_people_rows();
    }

    /// Whether person `p` (of [`App::people`]) is in the filter.
    pub fn is_filtered_person(&self, p: usize) -> bool {
        self.people
            .persons
            .get(p)
            .is_some_and(|person| self.filter_people.contains(&person.label()))
    }

    /// The blocks that name every person in the filter, or `None` without people in it.
    pub(super) fn blocks_naming_filtered_people(&self) -> Option<BTreeSet<(usize, BlockId)>> {
        super::country_view::in_every(self.filter_people.iter().map(|label| {
            self.people
                .persons
                .iter()
                .position(|p| p.label() == *label)
                .map(|p| self.people.blocks_naming(p))
                .unwrap_or_default()
        }))
    }

    /// Adds the selected person of the People view to the filter, or removes them.
    pub(super) fn toggle_person_filter(&mut self) {
        let Some(p) = self
            .people_view
            .tree
            .entries
            .get(self.people_view.pane.selected)
            .and_then(|e| e.person)
        else {
            self.notify(
                "Select a person in the People view to filter by them",
                false,
            );
            return;
        };
        let label = self.people.persons[p].label();
        super::country_view::toggle(&mut self.filter_people, label);
        self.apply_filter();
    }

    /// The first mention in a block of a person in the filter.
    pub(super) fn filtered_person_in(
        &self,
        doc: usize,
        block: BlockId,
    ) -> Option<std::ops::Range<usize>> {
        self.people
            .persons
            .iter()
            .filter(|p| self.filter_people.contains(&p.label()))
            .flat_map(|p| &p.mentions)
            .filter(|m| m.doc == doc && m.block == block)
            .map(|m| m.range.clone())
            .min_by_key(|r| r.start)
    }
}
