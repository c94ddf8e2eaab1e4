//! Countries named in the open documents: every mention with its block and byte range, shared
//! forms (乌方) resolved from the section they stand in, and the table by country.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use serde::Serialize;

use super::gazetteer::{Gazetteer, PlaceKind, Via};
use crate::doc::on_every_core::in_parts;
use crate::doc::{BlockId, Document};

/// One place named once in the text. Kept small (20 bytes): a library holds millions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    doc: u32,
    block: u32,
    start: u32,
    /// `u32::MAX` when the mention stands before any heading.
    section: u32,
    place: u16,
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

/// Every mention in the open documents.
#[derive(Clone, Debug, Default)]
pub struct Countries {
    /// Mentions in document order.
    pub mentions: Vec<Mention>,
    /// Forms that could name more than one place, unresolved.
    pub ambiguous: Vec<Ambiguous>,
}

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
    /// Number of mentions.
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
            row.via_city += usize::from(m.via == Via::City);
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

/// The main language of a document, for choosing which name to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    /// Mostly CJK characters.
    Chinese,
    /// Mostly Cyrillic.
    Russian,
    /// Anything else.
    English,
}

impl Language {
    /// Guesses from the first blocks' letters.
    pub fn of(doc: &Document) -> Language {
        let (mut cjk, mut cyrillic, mut other) = (0usize, 0usize, 0usize);
        for c in doc.blocks.iter().take(40).flat_map(|b| b.text().chars()) {
            if crate::doc::markdown::is_cjk(c) {
                cjk += 1;
            } else if ('\u{400}'..='\u{4ff}').contains(&c) {
                cyrillic += 1;
            } else if c.is_alphabetic() {
                other += 1;
            }
        }
        if cjk >= cyrillic && cjk * 2 >= other && cjk > 0 {
            Language::Chinese
        } else if cyrillic >= other && cyrillic > 0 {
            Language::Russian
        } else {
            Language::English
        }
    }
}

/// The sentence around a byte range of a block's text, shortened to about `max` characters,
/// with the range's position inside the returned snippet.
pub fn snippet(text: &str, range: Range<usize>, max: usize) -> (String, Range<usize>) {
    let is_end = |c: char| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n');
    let start = text[..range.start]
        .char_indices()
        .rev()
        .find(|(i, c)| is_end(*c) || (*c == '.' && text[i + 1..].starts_with(' ')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[range.end..]
        .char_indices()
        .find(|(_, c)| is_end(*c) || *c == '.')
        .map_or(text.len(), |(i, c)| range.end + i + c.len_utf8());
    let mut from = start;
    let mut to = end;
    // Keep about `max` characters, centred on the mention.
    let chars_before = text[from..range.start].chars().count();
    let chars_after = text[range.end..to].chars().count();
    let room = max.saturating_sub(text[range.clone()].chars().count());
    if chars_before + chars_after > room {
        let keep_before =
            chars_before.min(room / 2 + room.saturating_sub(chars_after).min(room / 2));
        let keep_after = room.saturating_sub(keep_before);
        from = text[..range.start]
            .char_indices()
            .rev()
            .nth(keep_before.saturating_sub(1))
            .map_or(from, |(i, _)| i.max(from));
        to = text[range.end..]
            .char_indices()
            .nth(keep_after)
            .map_or(to, |(i, _)| (range.end + i).min(to));
    }
    let lead = if from > start { "…" } else { "" };
    let tail = if to < end { "…" } else { "" };
    let body = text[from..to].trim_end_matches('\n');
    let snippet = format!("{lead}{}{tail}", body.trim_start());
    let trimmed = body.len() - body.trim_start().len();
    let mark_start = lead.len() + range.start - from - trimmed.min(range.start - from);
    (snippet, mark_start..mark_start + range.len())
}

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

fn index_document(d: usize, doc: &Document, gazetteer: &Gazetteer, out: &mut Countries) {
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
    let mut section = None;
    let sections: Vec<Option<BlockId>> = (0..doc.blocks.len())
        .map(|i| {
            if doc.blocks[i].heading_level().is_some() {
                section = Some(BlockId(i));
            }
            section
        })
        .collect();
    let parts = in_parts(&doc.blocks, per_thread, |first, part| {
        let mut mine = PartFound::default();
        for (n, block) in part.iter().enumerate() {
            let id = BlockId(first + n);
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
                (mention.via == Via::Compound)
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
    use crate::doc::open::{OpenOptions, bundled};
    use crate::doc::{Format, ParseOptions};

    fn seed() -> (Vec<Document>, Countries) {
        let docs = vec![bundled(OpenOptions::default())];
        let countries = Countries::build(&docs, Gazetteer::bundled());
        (docs, countries)
    }

    fn sections_mentioning(docs: &[Document], countries: &Countries, code: &str) -> Vec<String> {
        let g = Gazetteer::bundled();
        let place = g.by_code(code).unwrap();
        let mut titles: Vec<String> = Vec::new();
        for m in countries.of(place) {
            let title = m
                .section()
                .map(|s| docs[0].blocks[s.0].text().to_string())
                .unwrap_or_default();
            if !titles.contains(&title) {
                titles.push(title);
            }
        }
        titles
    }

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
    fn a_new_edition_replaces_only_its_own_mentions() {
        let g = Gazetteer::bundled();
        let first = crate::doc::markdown("a.md", "# 一\n\n中国和俄罗斯。\n");
        let second = crate::doc::markdown("b.md", "# 二\n\nKazakhstan and Japan.\n");
        let third = crate::doc::markdown("c.md", "# 三\n\n吉尔吉斯斯坦。\n");
        let mut countries = Countries::build(&[first, second.clone(), third.clone()], g);
        let edition = crate::doc::markdown("a.md", "# 一\n\n印度、巴西、南非。\n");
        countries.replace_document(0, &edition, g);
        let rebuilt_docs = [edition.clone(), second, third];
        let rebuilt = Countries::build(&rebuilt_docs, g);
        assert_eq!(countries.mentions, rebuilt.mentions);
        assert_eq!(countries.ambiguous, rebuilt.ambiguous);
        assert_eq!(countries.mentions.len(), 6, "{:?}", countries.mentions);

        let mut appended = Countries::default();
        for (d, doc) in [&rebuilt_docs[0], &rebuilt_docs[1], &rebuilt_docs[2]]
            .into_iter()
            .enumerate()
        {
            appended.append(d, Countries::of_document(doc, g));
        }
        assert_eq!(appended.mentions, rebuilt.mentions);
    }

    #[test]
    fn seed_lists_exactly_the_countries_it_names() {
        let (docs, countries) = seed();
        let g = Gazetteer::bundled();
        let mut codes: Vec<String> = countries
            .table(&docs, g, PlaceKind::Country, CountryOrder::Alphabetical)
            .into_iter()
            .map(|r| r.code)
            .collect();
        codes.sort();
        let mut expected = vec![
            "CN", "RU", "KG", "KZ", "UZ", "TJ", "BY", "IN", "IR", "PK", "QA", "MN", "BH", "EG",
            "KW", "TM", "JP", "BN", "DE", "IT",
        ];
        expected.sort();
        assert_eq!(codes, expected);
    }

    #[test]
    fn seed_kyrgyzstan_sections() {
        let (docs, countries) = seed();
        let sections = sections_mentioning(&docs, &countries, "KG");
        for expected in [
            "上海合作组织成员国政府首脑(总理)理事会第二十四次会议联合公报",
            "吉尔吉斯斯坦总统扎帕罗夫会见王毅",
            "中华人民共和国和吉尔吉斯共和国外交部长首次战略对话联合声明",
            "中吉外长首次战略对话成功举行",
        ] {
            assert!(
                sections.iter().any(|s| s == expected),
                "missing {expected}: {sections:?}"
            );
        }
    }

    #[test]
    fn seed_japan_and_uzbekistan_sections() {
        let (docs, countries) = seed();
        // The commentary's last paragraphs are printed inside the joint statement's section
        // (a newspaper column break), so Japan is named there too.
        let japan = sections_mentioning(&docs, &countries, "JP");
        assert_eq!(
            japan[0],
            "高市首相的涉台言论,严重偏离了日本政府自身长期坚持的谨慎立场,严重违背国际法和国际关系基本准则,将严重损害地区稳定"
        );
        assert!(
            !japan
                .iter()
                .any(|s| s.contains("扎帕罗夫") || s.contains("王小洪") || s == "国际论坛"),
            "{japan:?}"
        );
        let g = Gazetteer::bundled();
        let uz = g.by_code("UZ").unwrap();
        let in_wang = |m: &&Mention| {
            m.section()
                .is_some_and(|s| docs[0].blocks[s.0].text().starts_with("王小洪会见"))
        };
        let forms: BTreeSet<String> = countries
            .of(uz)
            .filter(in_wang)
            .map(|m| docs[0].blocks[m.block().0].text()[m.range()].to_string())
            .collect();
        assert!(
            forms.contains("乌兹别克斯坦") && forms.contains("乌方"),
            "{forms:?}"
        );
    }

    #[test]
    fn arab_side_is_not_a_country() {
        let (docs, countries) = seed();
        let section = |m_section: Option<BlockId>| {
            m_section.is_some_and(|s| docs[0].blocks[s.0].text().starts_with("李鸿忠"))
        };
        let g = Gazetteer::bundled();
        for m in countries.mentions.iter().filter(|m| section(m.section())) {
            assert_eq!(
                g.places[m.place()].code,
                "CN",
                "only China is named there: {m:?}"
            );
        }
        assert!(
            countries
                .ambiguous
                .iter()
                .any(|a| a.block.0 > 0
                    && docs[0].blocks[a.block.0].text()[a.range.clone()] == *"阿方")
        );
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

    #[test]
    fn organisations_and_regions_are_tabled_apart() {
        let (docs, countries) = seed();
        let g = Gazetteer::bundled();
        let orgs = countries.table(&docs, g, PlaceKind::Organisation, CountryOrder::Mentions);
        assert_eq!(orgs[0].code, "SCO");
        assert!(orgs.iter().any(|r| r.code == "UN"));
        let regions = countries.table(&docs, g, PlaceKind::Region, CountryOrder::Mentions);
        assert!(regions.iter().any(|r| r.code == "TW"));
        let table = countries.table(&docs, g, PlaceKind::Country, CountryOrder::Mentions);
        assert_eq!(table[0].code, "CN");
        assert_eq!(table[0].name, "中国");
        assert!(table.windows(2).all(|w| w[0].mentions >= w[1].mentions));
    }

    #[test]
    fn snippet_is_the_sentence_with_the_mention_marked() {
        let text = "第一句。双方同意推进中吉乌铁路建设,打造两国友谊新标杆。第三句。";
        let start = text.find("中吉乌").unwrap();
        let (s, mark) = snippet(text, start..start + "中吉乌".len(), 60);
        assert_eq!(s, "双方同意推进中吉乌铁路建设,打造两国友谊新标杆。");
        assert_eq!(&s[mark], "中吉乌");
        let long = "a".repeat(200) + " China " + &"b".repeat(200);
        let at = long.find("China").unwrap();
        let (s, mark) = snippet(&long, at..at + 5, 40);
        assert!(s.chars().count() <= 42, "{s}");
        assert_eq!(&s[mark], "China");
    }

    #[test]
    fn language_of_documents() {
        let zh = Document::parse(
            "z",
            None,
            "UTF-8",
            "上海合作组织成员国",
            Format::Plain,
            ParseOptions::default(),
        );
        let ru = Document::parse(
            "r",
            None,
            "UTF-8",
            "Россия и Китай",
            Format::Plain,
            ParseOptions::default(),
        );
        let en = Document::parse(
            "e",
            None,
            "UTF-8",
            "Russia and China",
            Format::Plain,
            ParseOptions::default(),
        );
        assert_eq!(Language::of(&zh), Language::Chinese);
        assert_eq!(Language::of(&ru), Language::Russian);
        assert_eq!(Language::of(&en), Language::English);
    }
}
