//! The documents a briefing cites: treaties, declarations, programmes and laws, found by
//! their titles (`titles`; resolutions by number: `resolutions`), each with every place it
//! is cited (a title written short counted for the one it shortens: `short_titles`),
//! grouped by kind.

mod resolutions;
mod short_titles;
#[cfg(test)]
mod tests;
mod titles;
mod works;

use std::collections::HashMap;
use std::ops::Range;

use crate::doc::{BlockId, Document};
pub use titles::{Title, is_russian_document_word, titles};

/// What kind of document a title names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A charter, treaty, convention, agreement or protocol.
    Treaty,
    /// A declaration, statement, communiqué, resolution or white paper.
    Declaration,
    /// A programme, strategy, plan, initiative or concept, or a policy's guidelines and
    /// notices (《关于…的意见》, 《关于…的通知》).
    Programme,
    /// A law, code or regulation.
    Law,
    /// Any other title: a book, a newspaper, a film.
    Other,
}

impl Kind {
    /// The group's name in the view.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Treaty => "Charters and treaties",
            Kind::Declaration => "Declarations and statements",
            Kind::Programme => "Programmes, strategies and plans",
            Kind::Law => "Laws",
            Kind::Other => "Other titles",
        }
    }
}

/// One place a document is cited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// The document citing it.
    pub doc: usize,
    /// The block.
    pub block: BlockId,
    /// Byte range of the title in the block's text.
    pub range: Range<usize>,
}

/// A document cited, with every citation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cited {
    /// The title as first written.
    pub title: String,
    /// Its kind.
    pub kind: Kind,
    /// Every citation, in document order.
    pub citations: Vec<Citation>,
}

/// Every document cited by the open documents, by kind, then most cited first.
pub fn cited(docs: &[Document]) -> Vec<Cited> {
    let mut out: Vec<Cited> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (d, doc) in docs.iter().enumerate() {
        // Short titles this document defines for longer ones: （以下称《条例》）.
        let mut short: HashMap<String, usize> = HashMap::new();
        for (b, block) in doc.blocks.iter().enumerate() {
            let text = block.text();
            let mut previous: Option<(usize, usize)> = None;
            for t in titles(text) {
                let k = key(&t.title);
                let defined = previous
                    .filter(|&(end, _)| defines_a_short_title(&text[end..t.range.start]))
                    .map(|(_, i)| i);
                if let Some(i) = defined {
                    short.insert(k.clone(), i);
                }
                let citation = Citation {
                    doc: d,
                    block: BlockId(b),
                    range: t.range.clone(),
                };
                let found = short.get(&k).or_else(|| by_key.get(&k)).copied();
                previous = Some((t.range.end, found.unwrap_or(out.len())));
                match found {
                    Some(i) => out[i].citations.push(citation),
                    None => {
                        by_key.insert(k, out.len());
                        out.push(Cited {
                            title: t.title,
                            kind: t.kind,
                            citations: vec![citation],
                        });
                    }
                }
            }
        }
    }
    short_titles::fold_short_titles(docs, &mut out);
    out.sort_by(|a, b| {
        (a.kind, std::cmp::Reverse(a.citations.len()), &a.title).cmp(&(
            b.kind,
            std::cmp::Reverse(b.citations.len()),
            &b.title,
        ))
    });
    out
}

/// Whether the text between two titles makes the second a short name for the first:
/// 《…条例》（以下称《条例》）, 《…法》（以下简称《外贸法》）, "the Agreement on … (also known
/// as “the Belovezh Accords”)", "the Joint Communiqué on … (referred to as the Joint
/// Communiqué)".
fn defines_a_short_title(between: &str) -> bool {
    let between = between.trim_start_matches(['（', '(', ' ']);
    if ["以下称", "以下简称", "下称", "简称"].contains(&between) {
        return true;
    }
    // An English title's range starts after its "the", and may be quoted.
    let quotes = |c: char| matches!(c, ' ' | '“' | '"' | '‘' | '\'');
    let between = between.trim_end_matches(quotes);
    let between = between.strip_suffix("the").unwrap_or(between);
    let between = between.trim_end_matches(quotes);
    [
        "referred to as",
        "hereinafter referred to as",
        "also referred to as",
        "hereinafter",
        "hereafter",
        "also known as",
        "known as",
    ]
    .contains(&between)
}

/// The same title written with other brackets, spaces or case is one document, and so is a
/// resolution however its number is cited.
fn key(title: &str) -> String {
    if let Some(key) = founding_key(title) {
        return key;
    }
    if let Some(number) = resolutions::number_of(title) {
        return format!("resolution {number}");
    }
    title
        .trim_start_matches("the ")
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '—' | '–' => '-',
            // A title inside a title, in whichever angle brackets: 〈…〉, ‹…›, <…>.
            '〈' | '‹' | '<' | '＜' => '〈',
            '〉' | '›' | '>' | '＞' => '〉',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The documents an organisation has only one of: "the UN Charter" is "the Charter of the
/// United Nations". (An organisation adopts many treaties and declarations.)
const FOUNDING: [&str; 3] = ["Charter", "Constitution", "Statute"];

/// The key of an organisation's founding document, whichever way its title is written (the
/// SCO Charter, the Charter of the Shanghai Cooperation Organisation): the document word and
/// the organisation's code.
fn founding_key(title: &str) -> Option<String> {
    let title = title.strip_prefix("the ")?;
    let (word, organisation) = match title.split_once(" of ") {
        Some((word, organisation)) => (word, organisation.trim_start_matches("the ")),
        None => {
            let (organisation, word) = title.rsplit_once(' ')?;
            (word, organisation)
        }
    };
    if !FOUNDING.contains(&word) {
        return None;
    }
    let g = crate::index::gazetteer::Gazetteer::bundled();
    let [hit] = &g.find(organisation)[..] else {
        return None;
    };
    let place = match hit.places {
        [one] if hit.range == (0..organisation.len()) => match one[..] {
            [place] => &g.places[place],
            _ => return None,
        },
        _ => return None,
    };
    (place.kind == crate::index::gazetteer::PlaceKind::Organisation)
        .then(|| format!("{word} of {}", place.code).to_lowercase())
}
