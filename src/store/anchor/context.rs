//! Where an anchor's paragraph stood, as found in a new edition: its old neighbours (found
//! by their text), its section, its place; and what that context says of a candidate.

use super::Anchor;
use super::numbering::unnumbered;
use super::placer::Placer;

/// Passages this close to where the old paragraph was are near it, in a short document.
const NEAR: usize = 5;
/// A slot wider than this many paragraphs says little about which one is the passage.
const WIDE_SLOT: usize = 6;
/// What [`Context::beside`] gives a passage with one old neighbour right beside it.
const ONE_BESIDE: u8 = 2;

/// Where an anchor's paragraph stood, as found in the new edition: its old neighbours (by
/// their unchanged text), its section and its position.
pub(super) struct Context {
    /// The old paragraph's fingerprint.
    pub(super) fingerprint: Option<u64>,
    /// The old paragraph's text without its number, as a key.
    pub(super) unnumbered: Option<u64>,
    /// The fingerprints of the old paragraphs before and after it.
    pub(super) neighbours: [Option<u64>; 2],
    /// Whether it is a heading.
    pub(super) heading: bool,
    /// The rank of the old paragraph before it, found unchanged.
    pub(super) before: Option<usize>,
    /// The rank of the old paragraph after it, found unchanged.
    pub(super) after: Option<usize>,
    /// Its section heading (0: none).
    pub(super) section: u64,
    /// Where it should be, as ranks in the new edition: beside the neighbours found, and
    /// at its old place.
    pub(super) position: [usize; 2],
}

impl Context {
    /// The context of an anchor in a document.
    pub(super) fn of(placer: &Placer, anchor: &Anchor) -> Context {
        let position = placer
            .passages
            .partition_point(|&b| b < anchor.position)
            .min(placer.passages.len().saturating_sub(1));
        // A neighbour is found by its text: the one paragraph of that text, or of several
        // the one near where the paragraph was (others are other paragraphs of that text).
        let window = (placer.passages.len() / 50).max(NEAR);
        let find = |fp: &str| -> Option<usize> {
            let fp = u64::from_str_radix(fp, 16).ok()?;
            let found = placer.around().by_neighbour_key.get(&fp)?;
            let ranks = found.iter().filter_map(|&b| placer.rank(b));
            match found.as_slice() {
                [only] => placer.rank(*only),
                _ => ranks
                    .min_by_key(|r| r.abs_diff(position))
                    .filter(|r| r.abs_diff(position) <= window),
            }
        };
        let (before, after) = (find(&anchor.before), find(&anchor.after));
        // Neighbours found in the wrong order say nothing about a slot.
        let (before, after) = match (before, after) {
            (Some(b), Some(a)) if b >= a => (None, None),
            pair => pair,
        };
        // Where it should be: beside a neighbour found, or at its old place (a neighbour may
        // have moved, and paragraphs inserted above shift the old place).
        let beside = match (before, after) {
            (Some(b), _) => b + 1,
            (None, Some(a)) => a.saturating_sub(1),
            (None, None) => position,
        };
        Context {
            fingerprint: u64::from_str_radix(&anchor.fingerprint, 16).ok(),
            unnumbered: unnumbered(anchor.annotated_paragraph()),
            neighbours: [
                u64::from_str_radix(&anchor.before, 16).ok(),
                u64::from_str_radix(&anchor.after, 16).ok(),
            ],
            heading: anchor.heading,
            before,
            after,
            section: unnumbered(&anchor.section).unwrap_or(0),
            position: [beside, position],
        }
    }

    /// Whether both neighbours are found, side by side: what stood between them is gone.
    pub(super) fn deleted(&self) -> bool {
        matches!((self.before, self.after), (Some(b), Some(a)) if a == b + 1)
    }

    /// The passages of its slot, when both neighbours were found close together.
    pub(super) fn slot_passages(&self) -> Option<Vec<usize>> {
        let (b, a) = (self.before?, self.after?);
        (a > b + 1 && a - b - 1 <= WIDE_SLOT).then(|| (b + 1..a).collect())
    }

    /// Whether a passage (by rank) stands on the wrong side of an old neighbour found: before
    /// the paragraph that was before it, or after the one that was after it.
    pub(super) fn out_of_order(&self, r: usize) -> bool {
        self.before.is_some_and(|b| r <= b) || self.after.is_some_and(|a| r >= a)
    }

    /// Whether a passage (by rank) stands where the old paragraph stood: between its old
    /// neighbours, or right after (before) the one found.
    pub(super) fn in_slot(&self, r: usize) -> bool {
        match (self.before, self.after) {
            (Some(b), Some(a)) => b < r && r < a && a - b - 1 <= WIDE_SLOT,
            (Some(b), None) => r > b && r - b <= 2,
            (None, Some(a)) => r < a && a - r <= 2,
            (None, None) => false,
        }
    }

    /// Whether a passage (by rank) is one of the old paragraph's neighbours, unchanged.
    pub(super) fn is_neighbour(&self, placer: &Placer, r: usize) -> bool {
        self.neighbours
            .contains(&Some(placer.around().neighbour_keys[r]))
    }

    /// How far a passage is from where the old paragraph was.
    pub(super) fn distance(&self, r: usize) -> usize {
        r.abs_diff(self.position[0])
            .min(r.abs_diff(self.position[1]))
    }

    /// Whether a passage is near where the old paragraph was (within a fiftieth of the
    /// document, or five paragraphs).
    pub(super) fn near(&self, placer: &Placer, r: usize) -> bool {
        self.distance(r) <= (placer.passages.len() / 50).max(NEAR)
    }

    /// Among passages with the same text, the one the context backs most: its old
    /// neighbours right beside it, its slot, its section. None when two are backed as much
    /// (which copy of a repeated text it is cannot be told).
    pub(super) fn pick(&self, placer: &Placer, found: &[usize]) -> Option<usize> {
        let backed: Vec<(usize, u8)> = found
            .iter()
            .filter_map(|&b| placer.rank(b).map(|r| (b, self.beside(placer, r))))
            .collect();
        match backed.as_slice() {
            [(only, _)] => Some(*only),
            _ => {
                // Among copies, only one with both old neighbours beside it, and the only
                // one, is told apart.
                let most = backed.iter().map(|(_, s)| *s).max()?;
                let mut top = backed.iter().filter(|(_, s)| *s == most);
                let first = top.next()?;
                (most >= 2 * ONE_BESIDE && top.next().is_none()).then_some(first.0)
            }
        }
    }

    /// How much the context backs a passage of the same text: each old neighbour found
    /// right beside it, its slot, its section.
    pub(super) fn beside(&self, placer: &Placer, r: usize) -> u8 {
        let keys = &placer.around().neighbour_keys;
        let key = |r: Option<usize>| r.and_then(|r| keys.get(r).copied());
        let before = self.neighbours[0].is_some() && key(r.checked_sub(1)) == self.neighbours[0];
        let after = self.neighbours[1].is_some() && key(Some(r + 1)) == self.neighbours[1];
        2 * (u8::from(before) + u8::from(after)) + self.support_in(placer, r)
    }

    /// Whether a passage is under the old paragraph's section heading.
    pub(super) fn in_section(&self, placer: &Placer, r: usize) -> bool {
        self.section != 0 && placer.around().sections.get(r) == Some(&self.section)
    }

    /// How much the context backs a passage: its slot counts most, its section next.
    pub(super) fn support_in(&self, placer: &Placer, r: usize) -> u8 {
        2 * u8::from(self.in_slot(r)) + u8::from(self.in_section(placer, r))
    }
}
