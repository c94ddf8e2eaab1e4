//! Rows made when their entry is first unfolded: a view of a long briefing (a million
//! mentions of its countries) keeps its places and people as rows and makes the sentences
//! under one only when the reader opens it.

use super::outline::Outline;
use crate::doc::BlockId;

/// What rows an entry gets when it is first unfolded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Later {
    /// A place's sections, with their mentions when there are few.
    Place(usize),
    /// The mentions of a place in one section of a document (`None`: before any heading).
    PlaceInSection {
        /// The place (an index into the gazetteer's places).
        place: usize,
        /// The open document.
        doc: usize,
        /// The section's heading.
        section: Option<BlockId>,
    },
    /// The forms that could name more than one place.
    Ambiguous,
    /// A person's mentions (an index into the people of the open documents).
    Person(usize),
    /// The names two people bear.
    SharedNames,
    /// The citations of a document cited (an index into the documents cited).
    Cited(usize),
}

impl Later {
    /// Whether the rows are made only when this entry itself is unfolded, not when
    /// everything is: the mentions of a section of a place named a great many times.
    pub fn only_when_chosen(&self) -> bool {
        matches!(self, Later::PlaceInSection { .. })
    }
}

impl Outline {
    /// Puts `rows` under entry `at`, which has none yet, and returns how many were added.
    /// The rows' own parents count from the first of them (`None`: directly under `at`); the
    /// entries after `at` move down by that many.
    pub fn insert_children(&mut self, at: usize, rows: Outline) -> usize {
        self.changed();
        let n = rows.entries.len();
        if n == 0 {
            self.entries[at].has_children = false;
            return 0;
        }
        for e in &mut self.entries[at + 1..] {
            if let Some(p) = e.parent.as_mut().filter(|p| **p > at) {
                *p += n;
            }
        }
        let depth = self.entries[at].depth + 1;
        let rows = rows.entries.into_iter().map(|mut e| {
            e.depth += depth;
            e.parent = Some(e.parent.map_or(at, |p| p + at + 1));
            e
        });
        self.entries.splice(at + 1..at + 1, rows);
        self.entries[at].has_children = true;
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::outline::OutlineEntry;

    fn row(title: &str) -> OutlineEntry {
        OutlineEntry::titled(0, None, title.to_string())
    }

    #[test]
    fn rows_go_under_their_entry_and_the_rest_moves_down() {
        let mut tree = Outline::default();
        let a = tree.push(None, row("a"));
        let b = tree.push(Some(a), row("b"));
        let c = tree.push(Some(a), row("c"));
        let d = tree.push(Some(c), row("d"));
        tree.entries[b].later = Some(Later::Person(0));
        tree.entries[b].has_children = true;
        let mut rows = Outline::default();
        let x = rows.push(None, row("x"));
        rows.push(Some(x), row("y"));
        assert_eq!(tree.insert_children(b, rows), 2);
        let titles: Vec<&str> = tree.entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["a", "b", "x", "y", "c", "d"]);
        let parents: Vec<Option<usize>> = tree.entries.iter().map(|e| e.parent).collect();
        assert_eq!(parents, [None, Some(0), Some(1), Some(2), Some(0), Some(4)]);
        let depths: Vec<usize> = tree.entries.iter().map(|e| e.depth).collect();
        assert_eq!(depths, [0, 1, 2, 3, 1, 2]);
        assert!(tree.is_under(3, b));
        assert!(tree.is_under(d + 2, c + 2));
    }

    #[test]
    fn no_rows_leave_the_entry_without_children() {
        let mut tree = Outline::default();
        let a = tree.push(None, row("a"));
        tree.entries[a].has_children = true;
        assert_eq!(tree.insert_children(a, Outline::default()), 0);
        assert!(!tree.entries[a].has_children);
    }
}
