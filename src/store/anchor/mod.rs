//! Where a bookmark or note belongs, by content rather than by position: the paragraph's
//! normalised-text fingerprint, its position, and the quoted text. When a briefing is
//! reissued (a paragraph inserted above, a typo fixed), the anchor finds its paragraph again;
//! when the paragraph is gone, the anchor says so and the note is kept as detached.

use std::collections::HashSet;

use sha2::{Digest, Sha256};

use crate::doc::{BlockId, BlockKind, Document};
use crate::index::pinyin_key::fold_char;

/// How much of a quote's character pairs a changed paragraph must still hold to be taken as
/// the same paragraph.
const SAME_PARAGRAPH: f64 = 0.6;

/// What ties a bookmark or note to a paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Anchor {
    /// The fingerprint of the paragraph's normalised text.
    pub fingerprint: String,
    /// The paragraph's block index when the anchor was made.
    pub position: usize,
    /// The text quoted: the whole paragraph, or the sentences a note narrowed it to.
    pub quote: String,
}

/// Where an anchor lands in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// The very paragraph it was made on.
    Exact(BlockId),
    /// A paragraph that changed but still holds most of the quote.
    Moved(BlockId),
    /// Its paragraph is gone.
    Detached,
}

impl Placement {
    /// The block, unless detached.
    pub fn block(self) -> Option<BlockId> {
        match self {
            Placement::Exact(b) | Placement::Moved(b) => Some(b),
            Placement::Detached => None,
        }
    }
}

impl Anchor {
    /// The anchor of a block of a document, quoting `quote` (its text when `None`).
    pub fn of(doc: &Document, block: BlockId, quote: Option<&str>) -> Anchor {
        let text = doc.blocks[block.0].text();
        Anchor {
            fingerprint: fingerprint(text),
            position: block.0,
            quote: quote.map_or_else(|| one_line(text), str::to_string),
        }
    }

    /// Finds the anchor's paragraph: the same text nearest its old position, else the
    /// paragraph holding most of the quote, else none.
    pub fn place(&self, doc: &Document) -> Placement {
        let nearest =
            |ids: &mut dyn Iterator<Item = usize>| ids.min_by_key(|&i| i.abs_diff(self.position));
        let same = nearest(&mut doc.blocks.iter().enumerate().filter_map(|(i, b)| {
            (anchorable(&b.kind) && fingerprint(b.text()) == self.fingerprint).then_some(i)
        }));
        if let Some(i) = same {
            return Placement::Exact(BlockId(i));
        }
        let quote = pairs(&self.quote);
        if quote.is_empty() {
            return Placement::Detached;
        }
        let mut best: Option<(f64, usize)> = None;
        for (i, b) in doc.blocks.iter().enumerate() {
            if !anchorable(&b.kind) {
                continue;
            }
            let text = pairs(b.text());
            let held = quote.iter().filter(|p| text.contains(*p)).count() as f64;
            let score = held / quote.len() as f64;
            let better = match best {
                None => true,
                Some((s, j)) => {
                    score > s + 1e-9
                        || ((score - s).abs() <= 1e-9
                            && i.abs_diff(self.position) < j.abs_diff(self.position))
                }
            };
            if better {
                best = Some((score, i));
            }
        }
        match best {
            Some((score, i)) if score >= SAME_PARAGRAPH => Placement::Moved(BlockId(i)),
            _ => Placement::Detached,
        }
    }
}

/// Whether a block of this kind can carry a bookmark or note.
pub fn anchorable(kind: &BlockKind) -> bool {
    !matches!(kind, BlockKind::Rule | BlockKind::Marker)
}

/// The fingerprint of a text: a hash of its letters, folded, with whitespace left out, so
/// re-wrapping or re-spacing a paragraph does not change it.
pub fn fingerprint(text: &str) -> String {
    let normal: String = normal_chars(text).collect();
    let digest = Sha256::digest(normal.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// A block's text on one line, as it is quoted.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The pairs of neighbouring characters of a text (folded, whitespace left out).
fn pairs(text: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = normal_chars(text).collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// A text's characters as fingerprints see them: case-folded, every full-width form
/// (letters, digits and punctuation) made ASCII, whitespace left out. Stored fingerprints
/// depend on it, so it never changes.
fn normal_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
            _ => c,
        })
        .map(fold_char)
        .filter(|c| !c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        crate::doc::markdown("a.md", text)
    }

    const ORIGINAL: &str = "# 联合公报\n\n双方同意推进中吉乌铁路建设。\n\n各方支持上海合作组织框架内的安全合作。\n\n会议在友好气氛中举行。\n";

    fn railway(d: &Document) -> BlockId {
        BlockId(
            d.blocks
                .iter()
                .position(|b| b.text().contains("铁路"))
                .unwrap(),
        )
    }

    #[test]
    fn fingerprints_fold_full_width_punctuation_and_case() {
        // Stored anchors depend on this: it must not follow changes to the palette's folding.
        assert_eq!(fingerprint("中方，ＳＣＯ！"), fingerprint("中方,sco!"));
        assert_eq!(fingerprint("a b\nc"), fingerprint("abc"));
        assert_ne!(fingerprint("中方"), fingerprint("乌方"));
    }

    #[test]
    fn same_text_is_found_where_it_moved() {
        let before = doc(ORIGINAL);
        let anchor = Anchor::of(&before, railway(&before), None);
        let after = doc(&ORIGINAL.replace("# 联合公报\n\n", "# 联合公报\n\n新增的一段导语。\n\n"));
        assert_eq!(anchor.place(&after), Placement::Exact(railway(&after)));
        assert_ne!(railway(&after), railway(&before), "it did move");
        let rewrapped = doc(&ORIGINAL.replace("推进中吉乌", "推进\n中吉乌"));
        assert_eq!(
            anchor.place(&rewrapped),
            Placement::Exact(railway(&rewrapped))
        );
    }

    #[test]
    fn an_edited_paragraph_is_found_by_its_quote() {
        let before = doc(ORIGINAL);
        let anchor = Anchor::of(&before, railway(&before), None);
        let after = doc(&ORIGINAL.replace("双方同意推进", "双方一致同意加快推进"));
        assert_eq!(anchor.place(&after), Placement::Moved(railway(&after)));
    }

    #[test]
    fn a_narrowed_quote_finds_its_paragraph() {
        let text = "# T\n\nFirst sentence here. The railway will be built by 2030. Last one.\n\nOther text entirely.\n";
        let before = doc(text);
        let anchor = Anchor::of(
            &before,
            BlockId(1),
            Some("The railway will be built by 2030."),
        );
        let after = doc(&text.replace("First sentence here.", "A new first sentence."));
        assert_eq!(anchor.place(&after), Placement::Moved(BlockId(1)));
    }

    #[test]
    fn a_deleted_paragraph_leaves_the_anchor_detached() {
        let before = doc(ORIGINAL);
        let anchor = Anchor::of(&before, railway(&before), None);
        let after = doc(&ORIGINAL.replace("双方同意推进中吉乌铁路建设。\n\n", ""));
        assert_eq!(anchor.place(&after), Placement::Detached);
    }
}
