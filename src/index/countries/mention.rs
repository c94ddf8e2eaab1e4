//! One place named once in a text, kept in 20 bytes, and a shared form its section does not
//! settle.

use std::ops::Range;

use crate::doc::BlockId;
use crate::index::gazetteer::Via;

/// One place named once in the text. Kept small (20 bytes): a library holds millions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    doc: u32,
    block: u32,
    start: u32,
    /// `u32::MAX` when the mention stands before any heading.
    section: u32,
    /// The place (an index into the gazetteer's places); while its form is shared, a mark
    /// that it is not settled yet.
    pub(super) place: u16,
    /// In bytes: no name in the gazetteer is longer than 255.
    len: u8,
    via: Via,
}

const _: () = assert!(std::mem::size_of::<Mention>() == 20);

impl Mention {
    /// A mention of `place` at `range` of a block's text.
    pub fn new(
        doc: usize,
        block: BlockId,
        range: Range<usize>,
        place: usize,
        via: Via,
        section: Option<BlockId>,
    ) -> Mention {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Mention {
            doc: small(doc),
            block: small(block.0),
            start: small(range.start),
            len: u8::try_from(range.len()).unwrap_or(u8::MAX),
            section: section.map_or(u32::MAX, |s| small(s.0)),
            place: u16::try_from(place).unwrap_or(u16::MAX),
            via,
        }
    }

    /// The document.
    pub fn doc(&self) -> usize {
        self.doc as usize
    }

    /// The block.
    pub fn block(&self) -> BlockId {
        BlockId(self.block as usize)
    }

    /// Byte range in the block's text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.start as usize + usize::from(self.len)
    }

    /// The place (an index into the gazetteer's places).
    pub fn place(&self) -> usize {
        usize::from(self.place)
    }

    /// How the text names it.
    pub fn via(&self) -> Via {
        self.via
    }

    /// The section the mention stands in (a heading block), if any.
    pub fn section(&self) -> Option<BlockId> {
        (self.section != u32::MAX).then_some(BlockId(self.section as usize))
    }

    /// Moves the mention to another document number.
    pub fn renumber(&mut self, doc: usize) {
        self.doc = u32::try_from(doc).unwrap_or(u32::MAX);
    }
}

/// A shared form that its section does not settle (乌方 where neither 乌兹别克斯坦 nor 乌克兰
/// is named).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ambiguous {
    /// The document.
    pub doc: usize,
    /// The block.
    pub block: BlockId,
    /// Byte range in the block's text.
    pub range: Range<usize>,
    /// The places it could be.
    pub candidates: Vec<usize>,
}
