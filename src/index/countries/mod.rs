//! Countries named in the open documents: every mention with its block and byte range, shared
//! forms (乌方) resolved from the section they stand in, and the table by country.
//!
//! A mention is kept in `mention`, found (and a shared form settled) in `finding`, counted
//! in the table of `table`; a document's language and a mention's sentence are in
//! `language` and `snippet`.

mod finding;
mod language;
mod mention;
mod snippet;
mod table;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use super::gazetteer::Gazetteer;
use crate::doc::{BlockId, Document};
use finding::index_document;
pub use language::Language;
pub use mention::{Ambiguous, Mention};
pub use snippet::snippet;
pub use table::{CountryOrder, CountryRow};

/// Every mention in the open documents.
#[derive(Clone, Debug, Default)]
pub struct Countries {
    /// Mentions in document order.
    pub mentions: Vec<Mention>,
    /// Forms that could name more than one place, unresolved.
    pub ambiguous: Vec<Ambiguous>,
}

impl Countries {
    /// Finds every mention in the documents.
    pub fn build(docs: &[Document], gazetteer: &Gazetteer) -> Countries {
        let mut out = Countries::default();
        for (d, doc) in docs.iter().enumerate() {
            index_document(d, doc, gazetteer, &mut out);
        }
        out
    }

    /// The mentions of one document, as if it were the first (see [`Countries::append`]).
    pub fn of_document(doc: &Document, gazetteer: &Gazetteer) -> Countries {
        let mut out = Countries::default();
        index_document(0, doc, gazetteer, &mut out);
        out
    }

    /// Adds the mentions of one more document, found by [`Countries::of_document`], as
    /// document number `d` (documents are added in order).
    pub fn append(&mut self, d: usize, mut other: Countries) {
        for m in &mut other.mentions {
            m.renumber(d);
        }
        for a in &mut other.ambiguous {
            a.doc = d;
        }
        // A library appends batch after batch: grow to fit rather than to double, which
        // would leave up to half of the largest index unused.
        self.mentions.reserve_exact(other.mentions.len());
        self.mentions.append(&mut other.mentions);
        self.ambiguous.reserve_exact(other.ambiguous.len());
        self.ambiguous.append(&mut other.ambiguous);
    }

    /// Puts the mentions of the first documents, found by [`Countries::build`] while later
    /// ones were appended, before theirs; `known` are documents whose mentions are here
    /// already (a new edition), which `first` has only from the old one.
    pub fn put_first(&mut self, first: Countries, known: &[usize]) {
        let mut mentions: Vec<Mention> = first
            .mentions
            .into_iter()
            .filter(|m| !known.contains(&m.doc()))
            .collect();
        mentions.append(&mut self.mentions);
        mentions.sort_by_key(Mention::doc);
        self.mentions = mentions;
        let mut ambiguous: Vec<Ambiguous> = first
            .ambiguous
            .into_iter()
            .filter(|a| !known.contains(&a.doc))
            .collect();
        ambiguous.append(&mut self.ambiguous);
        ambiguous.sort_by_key(|a| a.doc);
        self.ambiguous = ambiguous;
    }

    /// Replaces the mentions of document `d` with those of its new edition.
    pub fn replace_document(&mut self, d: usize, doc: &Document, gazetteer: &Gazetteer) {
        let mut new = Countries::default();
        index_document(d, doc, gazetteer, &mut new);
        let mentions = self.mentions.partition_point(|m| m.doc() < d)
            ..self.mentions.partition_point(|m| m.doc() <= d);
        self.mentions.splice(mentions, new.mentions);
        let ambiguous = self.ambiguous.partition_point(|m| m.doc < d)
            ..self.ambiguous.partition_point(|m| m.doc <= d);
        self.ambiguous.splice(ambiguous, new.ambiguous);
    }

    /// Mentions of one place, in document order.
    pub fn of(&self, place: usize) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| m.place() == place)
    }

    /// The places one block mentions, each once, in the order they first appear.
    pub fn in_block(&self, doc: usize, block: BlockId) -> Vec<usize> {
        self.in_part_of_block(doc, block, 0..usize::MAX)
    }

    /// The places mentioned in the bytes `part` of a block's text, each once, in order of
    /// first mention.
    pub fn in_part_of_block(
        &self,
        doc: usize,
        block: BlockId,
        part: std::ops::Range<usize>,
    ) -> Vec<usize> {
        let start = self
            .mentions
            .partition_point(|m| (m.doc(), m.block()) < (doc, block));
        let mut places = Vec::new();
        for m in self.mentions[start..]
            .iter()
            .take_while(|m| (m.doc(), m.block()) == (doc, block))
            .filter(|m| part.contains(&m.range().start))
        {
            if !places.contains(&m.place()) {
                places.push(m.place());
            }
        }
        places
    }

    /// The blocks that mention every one of `places`.
    pub fn blocks_mentioning_all(&self, places: &[usize]) -> BTreeSet<(usize, BlockId)> {
        let mut result: Option<BTreeSet<(usize, BlockId)>> = None;
        for &p in places {
            let blocks: BTreeSet<(usize, BlockId)> =
                self.of(p).map(|m| (m.doc(), m.block())).collect();
            result = Some(match result {
                Some(r) => r.intersection(&blocks).copied().collect(),
                None => blocks,
            });
        }
        result.unwrap_or_default()
    }
}
