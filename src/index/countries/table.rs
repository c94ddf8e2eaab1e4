//! The table of the places the documents name, one row a place with its counts, in the
//! order the user picks.

use serde::Serialize;

use super::{Countries, Language};
use crate::doc::{BlockId, Document};
use crate::index::gazetteer::{Gazetteer, PlaceKind, Via};

/// How the table is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CountryOrder {
    /// Most mentioned first.
    #[default]
    Mentions,
    /// By English name.
    Alphabetical,
    /// In the order they first appear.
    FirstAppearance,
}

impl CountryOrder {
    /// The next order, for the key that cycles them.
    pub fn next(self) -> CountryOrder {
        match self {
            CountryOrder::Mentions => CountryOrder::Alphabetical,
            CountryOrder::Alphabetical => CountryOrder::FirstAppearance,
            CountryOrder::FirstAppearance => CountryOrder::Mentions,
        }
    }

    /// What the order is called in the pane title.
    pub fn label(self) -> &'static str {
        match self {
            CountryOrder::Mentions => "by mentions",
            CountryOrder::Alphabetical => "A–Z",
            CountryOrder::FirstAppearance => "by first appearance",
        }
    }
}

/// One row of the table: a place with its counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CountryRow {
    /// Index into the gazetteer's places.
    #[serde(skip)]
    pub place: usize,
    /// ISO code (or the organisation's short name).
    pub code: String,
    /// Country, region or organisation.
    pub kind: PlaceKind,
    /// Name in the document's language.
    pub name: String,
    /// English name.
    pub english: String,
    /// Number of mentions (`count` in JSON, as for people and documents).
    #[serde(rename = "count")]
    pub mentions: usize,
    /// How many of them only through a city.
    pub via_city: usize,
    /// Number of sections that mention it.
    pub sections: usize,
    /// Position of the first mention (for ordering).
    #[serde(skip)]
    pub first: (usize, BlockId, usize),
}

impl Countries {
    /// The table of places of one kind, in the given order.
    pub fn table(
        &self,
        docs: &[Document],
        gazetteer: &Gazetteer,
        kind: PlaceKind,
        order: CountryOrder,
    ) -> Vec<CountryRow> {
        // Indexed by place. Mentions come in document order, so a place's sections come in
        // order too: a section is new when it differs from the place's last one.
        let mut rows: Vec<Option<CountryRow>> = Vec::new();
        let mut last_section: Vec<Option<(usize, Option<BlockId>)>> = Vec::new();
        rows.resize_with(gazetteer.places.len(), || None);
        last_section.resize(gazetteer.places.len(), None);
        for m in &self.mentions {
            let place = &gazetteer.places[m.place()];
            if place.kind != kind {
                continue;
            }
            let row = rows[m.place()].get_or_insert_with(|| CountryRow {
                place: m.place(),
                code: place.code.clone(),
                kind,
                name: match docs.get(m.doc()).map(Language::of) {
                    Some(Language::Chinese) if !place.zh.is_empty() => place.zh.clone(),
                    Some(Language::Russian) if !place.ru.is_empty() => place.ru.clone(),
                    _ => place.en.clone(),
                },
                english: place.en.clone(),
                mentions: 0,
                via_city: 0,
                sections: 0,
                first: (m.doc(), m.block(), m.range().start),
            });
            row.mentions += 1;
            row.via_city += usize::from(m.via() == Via::City);
            let section = Some((m.doc(), m.section()));
            if last_section[m.place()] != section {
                last_section[m.place()] = section;
                row.sections += 1;
            }
        }
        let mut rows: Vec<CountryRow> = rows.into_iter().flatten().collect();
        match order {
            CountryOrder::Mentions => {
                rows.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.first.cmp(&b.first)))
            }
            CountryOrder::Alphabetical => rows.sort_by(|a, b| a.english.cmp(&b.english)),
            CountryOrder::FirstAppearance => rows.sort_by_key(|r| r.first),
        }
        rows
    }
}
