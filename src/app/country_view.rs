//! The Countries view and the filter: which passages mention the chosen places and name the
//! chosen people, the section outline narrowed to them, and `n`/`N` between them.

use std::collections::BTreeSet;

use super::{App, Highlight};
use crate::doc::BlockId;
use crate::index::gazetteer::Gazetteer;
use crate::index::{country_outline, people_outline};
use crate::vocabulary::{Action, Mode};

impl App {
    /// Builds the Countries view in the current order, places folded.
    pub(super) fn rebuild_country_tree(&mut self) {
        let (tree, places) = country_outline::build(
            &self.docs,
            &self.countries,
            Gazetteer::bundled(),
            self.country_order,
        );
        self.countries_view.tree = tree;
        self.countries_view.pane = super::OutlinePane::folded_at(places, 0);
        self.make_country_rows();
    }

    /// Makes the rows promised to the entries just unfolded in the Countries, People or
    /// Documents view (a place's sections and mentions, a person's mentions, a document's
    /// citations).
    pub(super) fn make_unfolded_rows(&mut self) {
        match self.view {
            super::OutlineView::Countries => self.make_country_rows(),
            super::OutlineView::People => self.make_people_rows(),
            super::OutlineView::Documents => self.make_cited_rows(),
            _ => {}
        }
    }

    /// Makes the rows promised to the Countries view's unfolded entries.
    fn make_country_rows(&mut self) {
        let (docs, countries) = (&self.docs, &self.countries);
        self.countries_view.make_unfolded_rows(|later| {
            country_outline::rows_later(docs, countries, Gazetteer::bundled(), later)
        });
    }

    /// Makes the rows promised to the People view's unfolded entries.
    pub(super) fn make_people_rows(&mut self) {
        let (docs, people) = (&self.docs, &self.people);
        self.people_view
            .make_unfolded_rows(|later| people_outline::rows_later(docs, people, later));
    }

    /// The passages (document, block) that mention every filtered place, name every
    /// filtered person and cite every filtered document, in order.
    pub fn matching_blocks(&self) -> BTreeSet<(usize, BlockId)> {
        let places =
            (!self.filter.is_empty()).then(|| self.countries.blocks_mentioning_all(&self.filter));
        in_every(
            [
                places,
                self.blocks_naming_filtered_people(),
                self.blocks_citing_filtered_documents(),
            ]
            .into_iter()
            .flatten(),
        )
        .unwrap_or_default()
    }

    /// Whether a filter is on.
    pub fn filter_is_on(&self) -> bool {
        !self.filter.is_empty()
            || !self.filter_people.is_empty()
            || !self.filter_documents.is_empty()
    }

    /// The filter as a user reads it: "Kyrgyzstan + China + 王毅".
    pub fn filter_label(&self) -> Option<String> {
        if !self.filter_is_on() {
            return None;
        }
        let places = &Gazetteer::bundled().places;
        let names: Vec<&str> = self
            .filter
            .iter()
            .map(|&p| places[p].en.as_str())
            .chain(
                self.filter_people
                    .iter()
                    .map(|l| l.split(" — ").next().unwrap_or(l)),
            )
            .chain(self.filter_documents.iter().map(String::as_str))
            .collect();
        Some(names.join(" + "))
    }

    /// Adds the selected place of the Countries view (person of the People view, document
    /// of the Documents view) to the filter, or removes it.
    pub(super) fn toggle_filter(&mut self) {
        match self.view {
            super::OutlineView::People => return self.toggle_person_filter(),
            super::OutlineView::Documents => return self.toggle_document_filter(),
            _ => {}
        }
        // Only where the place is in view: elsewhere the one last selected in Countries would
        // be taken unseen.
        let selected = (self.view == super::OutlineView::Countries)
            .then(|| {
                self.countries_view
                    .tree
                    .entries
                    .get(self.countries_view.pane.selected)
            })
            .flatten();
        let Some(place) = selected.and_then(|e| e.place) else {
            self.notify(
                "Select a country in the Countries view (a person in People, a document in Documents) to filter by it",
                false,
            );
            return;
        };
        toggle(&mut self.filter, place);
        self.apply_filter();
    }

    /// Turns the filter off.
    pub(super) fn clear_filter(&mut self) {
        self.filter.clear();
        self.filter_people.clear();
        self.filter_documents.clear();
        self.apply_filter();
    }

    /// Narrows the section outline to the sections with matching passages.
    pub(super) fn apply_filter(&mut self) {
        if !self.filter_is_on() {
            self.pane.set_only(None);
            self.notify("Filter off", false);
            return;
        }
        // The filter set last is what `n` follows: a search confirmed before it lets go.
        self.search = None;
        let matching = self.matching_blocks();
        let mut keep = BTreeSet::new();
        for &(doc, block) in &matching {
            let mut at = self.outline.entry_at(doc, block);
            while let Some(i) = at {
                if !keep.insert(i) {
                    break;
                }
                at = self.outline.entries[i].parent;
            }
        }
        self.pane.set_only(Some(keep));
        let here = self.here();
        self.pane.select_shown_near(&self.outline, here);
        let label = self.filter_label().unwrap_or_default();
        let moving = self
            .match_keys()
            .map_or(String::new(), |keys| format!(" · {keys} to move"));
        self.notify(
            match matching.len() {
                0 => format!("Filter: {label} · no passage has them all"),
                1 => format!("Filter: {label} · 1 passage{moving}"),
                n => format!("Filter: {label} · {n} passages{moving}"),
            },
            false,
        );
    }

    /// The reader's keys to the next and the previous match ("n/N"), or the one of them
    /// bound: what walks the filter's passages, or a search's matches.
    pub(super) fn match_keys(&self) -> Option<String> {
        let key = |a| self.keymap.hint_key(Mode::Reader, a);
        match (key(Action::NextMatch), key(Action::PrevMatch)) {
            (Some(next), Some(previous)) => Some(format!("{next}/{previous}")),
            (Some(key), None) | (None, Some(key)) => Some(key),
            (None, None) => None,
        }
    }

    /// Jumps to the next (or previous) passage that matches the filter, highlighting the
    /// first filtered mention in it.
    pub(super) fn next_match(&mut self, forward: bool) {
        if !self.filter_is_on() {
            const WHERE: &str = "a country, a person or a document in its view";
            let said = match self.keymap.hint_key(Mode::Outline, Action::FilterByCountry) {
                Some(k) => format!("No filter: press {k} on {WHERE}"),
                None => format!("No filter: select {WHERE} and filter by it"),
            };
            self.notify(said, false);
            return;
        }
        let here = (self.doc, self.current_block());
        let matching = self.matching_blocks();
        let target = if forward {
            matching
                .range((std::ops::Bound::Excluded(here), std::ops::Bound::Unbounded))
                .next()
        } else {
            matching.range(..here).next_back()
        };
        let Some(&(doc, block)) = target else {
            self.notify(
                if forward {
                    "No more matching passages"
                } else {
                    "No earlier matching passage"
                },
                false,
            );
            return;
        };
        let mention = self
            .countries
            .mentions
            .iter()
            .find(|m| m.doc() == doc && m.block() == block && self.filter.contains(&m.place()));
        let range = mention
            .map(|m| m.range())
            .or_else(|| self.filtered_person_in(doc, block));
        self.highlight = range.map(|range| Highlight { doc, block, range });
        self.show_block(doc, Some(block));
        let position = matching
            .iter()
            .position(|&b| b == (doc, block))
            .map_or(0, |p| p + 1);
        let label = self.filter_label().unwrap_or_default();
        self.notify(
            format!("{label} · passage {position}/{}", matching.len()),
            false,
        );
    }
}

/// The passages in every one of `sets`; `None` when there are none (that part of the filter
/// is off).
pub(super) fn in_every(
    sets: impl IntoIterator<Item = BTreeSet<(usize, BlockId)>>,
) -> Option<BTreeSet<(usize, BlockId)>> {
    sets.into_iter()
        .reduce(|all, these| all.intersection(&these).copied().collect())
}

/// Takes `item` out of one part of the filter, or puts it in.
pub(super) fn toggle<T: PartialEq>(part: &mut Vec<T>, item: T) {
    match part.iter().position(|p| *p == item) {
        Some(i) => {
            part.remove(i);
        }
        None => part.push(item),
    }
}
