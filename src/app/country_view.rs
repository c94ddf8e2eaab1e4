//! The Countries view and the country filter: which passages mention the chosen places, the
//! section outline narrowed to them, and `n`/`N` between them.

use std::collections::BTreeSet;

use super::{App, Highlight};
use crate::doc::BlockId;
use crate::index::country_outline;
use crate::index::gazetteer::Gazetteer;

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
        self.countries_view.pane = super::OutlinePane {
            folded: places.into_iter().collect(),
            ..Default::default()
        };
    }

    /// The passages (document, block) that mention every filtered place, in order.
    pub fn matching_blocks(&self) -> BTreeSet<(usize, BlockId)> {
        self.countries.blocks_mentioning_all(&self.filter)
    }

    /// The filter as a user reads it: "Kyrgyzstan + China".
    pub fn filter_label(&self) -> Option<String> {
        if self.filter.is_empty() {
            return None;
        }
        let places = &Gazetteer::bundled().places;
        let names: Vec<&str> = self.filter.iter().map(|&p| places[p].en.as_str()).collect();
        Some(names.join(" + "))
    }

    /// Adds the selected place of the Countries view to the filter, or removes it.
    pub(super) fn toggle_filter(&mut self) {
        let Some(place) = self
            .countries_view
            .tree
            .entries
            .get(self.countries_view.pane.selected)
            .and_then(|e| e.place)
        else {
            self.notify(
                "Select a country in the Countries view to filter by it",
                false,
            );
            return;
        };
        match self.filter.iter().position(|&p| p == place) {
            Some(i) => {
                self.filter.remove(i);
            }
            None => self.filter.push(place),
        }
        self.apply_filter();
    }

    /// Turns the filter off.
    pub(super) fn clear_filter(&mut self) {
        self.filter.clear();
        self.apply_filter();
    }

    /// Narrows the section outline to the sections with matching passages.
    fn apply_filter(&mut self) {
        if self.filter.is_empty() {
            self.pane.only = None;
            self.notify("Filter off", false);
            return;
        }
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
        self.pane.only = Some(keep);
        let label = self.filter_label().unwrap_or_default();
        self.notify(
            format!(
                "Filter: {label} · {} passages · n/N to move",
                matching.len()
            ),
            false,
        );
    }

    /// Jumps to the next (or previous) passage that matches the filter, highlighting the
    /// first filtered mention in it.
    pub(super) fn next_match(&mut self, forward: bool) {
        if self.filter.is_empty() {
            self.notify(
                "No filter: in the Countries view, select a place and filter by it",
                false,
            );
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
        self.highlight = mention.map(|m| Highlight {
            doc,
            block,
            range: m.range(),
        });
        self.show_block(doc, Some(block));
        let position = matching
            .iter()
            .position(|&b| b == (doc, block))
            .map_or(0, |p| p + 1);
        self.notify(format!("Passage {position}/{}", matching.len()), false);
    }
}
