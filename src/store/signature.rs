//! A compact picture of a document's content, to know it under another name: the smallest
//! hashes of its paragraphs, each without its leading number, and how many two pictures
//! share.

use super::anchor::unnumbered;
use crate::doc::Document;

/// How many paragraph hashes a signature keeps: the smallest, so two signatures of the same
/// text keep the same ones.
const SKETCH: usize = 256;

/// A compact picture of a document's content: the smallest hashes of its paragraphs, each
/// taken without its leading number (so a renumbered edition keeps its picture).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signature(Vec<u64>);

impl Signature {
    /// The signature of a document.
    pub fn of(doc: &Document) -> Signature {
        // The title is a clue of its own: two short notes titled alike share nothing else.
        let title = doc.title();
        let mut hashes: Vec<u64> = doc
            .blocks
            .iter()
            .filter(|b| super::anchor::anchorable(&b.kind))
            .filter(|b| !(b.heading_level().is_some() && b.text() == title))
            .filter_map(|b| unnumbered(b.text()))
            .collect();
        hashes.sort_unstable();
        hashes.dedup();
        hashes.truncate(SKETCH);
        Signature(hashes)
    }

    /// The share of paragraphs two documents have in common (estimated from the two
    /// signatures; exact for documents of fewer than 256 paragraphs).
    pub fn likeness(&self, other: &Signature) -> f64 {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut union, mut both) = (0, 0, 0, 0);
        while union < SKETCH && (i < a.len() || j < b.len()) {
            match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) if x == y => {
                    both += 1;
                    i += 1;
                    j += 1;
                }
                (Some(x), Some(y)) if x < y => i += 1,
                (Some(_), None) => i += 1,
                _ => j += 1,
            }
            union += 1;
        }
        if union == 0 {
            0.0
        } else {
            both as f64 / union as f64
        }
    }

    /// The signature as stored.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|h| h.to_le_bytes()).collect()
    }

    /// A signature as stored.
    pub fn from_bytes(bytes: &[u8]) -> Signature {
        Signature(
            bytes
                .chunks_exact(8)
                .filter_map(|c| c.try_into().ok().map(u64::from_le_bytes))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        crate::doc::markdown("d.md", text)
    }

    fn paragraphs(n: usize, edit: impl Fn(usize) -> String) -> String {
        (0..n)
            .map(|i| format!("{}\n\n", edit(i)))
            .collect::<String>()
    }

    #[test]
    fn signatures_see_renumbering_as_the_same_text() {
        let a = doc(&paragraphs(40, |i| {
            format!("{}. Paragraph about subject {i} of the law.", i + 1)
        }));
        let b = doc(&paragraphs(40, |i| {
            format!("{}. Paragraph about subject {i} of the law.", i + 2)
        }));
        assert_eq!(Signature::of(&a).likeness(&Signature::of(&b)), 1.0);
        let c = doc(&paragraphs(40, |i| {
            if i < 10 {
                format!("Rewritten paragraph {i}.")
            } else {
                format!("{}. Paragraph about subject {i} of the law.", i + 1)
            }
        }));
        let l = Signature::of(&a).likeness(&Signature::of(&c));
        assert!((0.55..0.65).contains(&l), "30 of 50 in common: {l}");
        assert_eq!(Signature::of(&a).likeness(&Signature::default()), 0.0);
    }

    #[test]
    fn two_short_notes_titled_alike_are_not_alike() {
        let a = Signature::of(&doc("# Note\n\nCall the embassy about visas.\n"));
        let b = Signature::of(&doc("# Note\n\nBuy flowers for the reception.\n"));
        assert_eq!(a.likeness(&b), 0.0);
    }

    #[test]
    fn signatures_round_trip_through_bytes() {
        let s = Signature::of(&doc(
            "# Title\n\nOne paragraph here.\n\nAnother one here.\n",
        ));
        assert_eq!(s.0.len(), 2, "the title is not part of the signature");
        assert_eq!(Signature::from_bytes(&s.to_bytes()), s);
    }
}
