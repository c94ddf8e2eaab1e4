//! Finding the mentions of one document: its parts searched on every core (its reference
//! matter, a bibliography and the footnotes citing works, left out), and each form
//! shared by several places (乌方) settled by the one its section, or for a compound its
//! document, names for certain.

use std::collections::{BTreeMap, BTreeSet};

use super::{Ambiguous, Countries, Mention};
use crate::doc::on_every_core::in_parts;
use crate::doc::reference_matter::reference_matter;
use crate::doc::{BlockId, Document};
use crate::index::gazetteer::{Gazetteer, Via};

/// A document is searched on several cores when each gets at least this many blocks.
const BLOCKS_PER_THREAD: usize = 4096;

/// What one part of a document names, in the order its text has it.
#[derive(Default)]
struct PartFound<'g> {
    /// Every mention; one of a form shared by several places (乌: Uzbekistan or Ukraine)
    /// stands as [`SHARED`] until the whole document is searched.
    mentions: Vec<Mention>,
    /// The candidates of each shared form, in order.
    shared: Vec<&'g [usize]>,
    /// (section, place) for every place the part names with certainty.
    certain: BTreeSet<(Option<BlockId>, usize)>,
}

/// The place of a mention whose form is shared, until it is settled.
const SHARED: u16 = u16::MAX;

/// Adds the mentions of document `d` to `out`.
pub(super) fn index_document(d: usize, doc: &Document, gazetteer: &Gazetteer, out: &mut Countries) {
    index_document_in_parts(d, doc, gazetteer, out, BLOCKS_PER_THREAD);
}

/// Finds the mentions of document `d`, searching parts of at least `per_thread` blocks on
/// every core. Mentions are kept as they are found; only the few shared forms wait for the
/// document's and the section's certain places, so a long document never holds much more
/// than its mentions.
fn index_document_in_parts(
    d: usize,
    doc: &Document,
    gazetteer: &Gazetteer,
    out: &mut Countries,
    per_thread: usize,
) {
    // The section each block stands in (a heading starts a section).
    let sections = doc.sections();
    // A bibliography's places are its works' titles and publishers'.
    let references = reference_matter(doc);
    let parts = in_parts(&doc.blocks, per_thread, |first, part| {
        let mut mine = PartFound::default();
        for (n, block) in part.iter().enumerate() {
            let id = BlockId(first + n);
            if references[id.0] {
                continue;
            }
            let section = sections[id.0];
            for hit in gazetteer.find(block.text()) {
                for candidates in hit.places {
                    let place = match candidates.as_slice() {
                        [place] => {
                            mine.certain.insert((section, *place));
                            *place
                        }
                        _ => {
                            mine.shared.push(candidates);
                            usize::from(SHARED)
                        }
                    };
                    let range = hit.range.clone();
                    let mention = Mention::new(d, id, range, place, hit.via, section);
                    mine.mentions.push(mention);
                }
            }
        }
        mine
    });
    drop(sections);
    let mut in_section: BTreeMap<Option<BlockId>, BTreeSet<usize>> = BTreeMap::new();
    let mut in_document: BTreeSet<usize> = BTreeSet::new();
    for (section, place) in parts.iter().flat_map(|p| p.certain.iter()) {
        in_section.entry(*section).or_default().insert(*place);
        in_document.insert(*place);
    }
    let total: usize = parts.iter().map(|p| p.mentions.len()).sum();
    out.mentions.reserve_exact(total);
    let none = BTreeSet::new();
    for part in parts {
        let mut shared = part.shared.into_iter();
        for mut mention in part.mentions {
            if mention.place != SHARED {
                out.mentions.push(mention);
                continue;
            }
            let candidates = shared.next().unwrap_or_default();
            // A shared form is settled by the one candidate its section names; a compound
            // (中吉乌铁路) also by the one its document names.
            let named_in = |names: &BTreeSet<usize>| {
                let mut named = candidates.iter().filter(|c| names.contains(c));
                match (named.next(), named.next()) {
                    (Some(&one), None) => Some(one),
                    _ => None,
                }
            };
            let section = mention.section();
            let place = named_in(in_section.get(&section).unwrap_or(&none)).or_else(|| {
                (mention.via() == Via::Compound)
                    .then(|| named_in(&in_document))
                    .flatten()
            });
            match place {
                Some(place) => {
                    mention.place = u16::try_from(place).unwrap_or(SHARED);
                    out.mentions.push(mention);
                }
                None => out.ambiguous.push(Ambiguous {
                    doc: d,
                    block: mention.block(),
                    range: mention.range(),
                    candidates: candidates.to_vec(),
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Format, ParseOptions};

    #[test]
    fn parts_settle_shared_forms_as_the_whole_does() {
        let g = Gazetteer::bundled();
        // Each section names Uzbekistan in full early on and only by 乌 in later paragraphs;
        // the last section settles nothing, so its 乌 stays ambiguous.
        let mut text = String::new();
        for n in 0..20 {
            text.push_str(&format!("# 第{n}节\n\n乌兹别克斯坦代表团抵达。\n\n"));
            for _ in 0..10 {
                text.push_str("中乌两国签署协议，中吉乌铁路开工。\n\n");
            }
        }
        text.push_str("# 末节\n\n乌方表示欢迎。\n");
        let doc = crate::doc::markdown("long.md", &text);
        let (mut whole, mut cut) = (Countries::default(), Countries::default());
        index_document_in_parts(0, &doc, g, &mut whole, usize::MAX);
        index_document_in_parts(0, &doc, g, &mut cut, 1);
        assert_eq!(cut.mentions, whole.mentions);
        assert_eq!(cut.ambiguous, whole.ambiguous);
        let uzbekistan = g.by_code("UZ").unwrap();
        let settled = whole.of(uzbekistan).count();
        // 20 full names, and in each of the 200 paragraphs 乌 twice (alone, in 中吉乌).
        assert_eq!(settled, 20 + 400, "{:?}", whole.ambiguous.len());
        assert_eq!(whole.ambiguous.len(), 1);
    }

    #[test]
    fn shared_form_is_resolved_by_its_section_or_left_ambiguous() {
        let text = "## 乌克兰局势\n\n乌方表示欢迎。\n\n## 会谈\n\n乌方表示欢迎。\n";
        let docs = vec![Document::parse(
            "t.md",
            None,
            "UTF-8",
            text,
            Format::Markdown,
            ParseOptions::default(),
        )];
        let countries = Countries::build(&docs, Gazetteer::bundled());
        let g = Gazetteer::bundled();
        let ua: Vec<&Mention> = countries.of(g.by_code("UA").unwrap()).collect();
        assert_eq!(ua.len(), 2, "the heading and the resolved 乌方");
        assert_eq!(countries.ambiguous.len(), 1);
        assert_eq!(countries.ambiguous[0].block, BlockId(3));
    }
}
