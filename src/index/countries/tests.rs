//! The countries of the bundled briefing, by section and in the table, and a library's
//! index kept up to date as documents are added and replaced.

use std::collections::BTreeSet;

use super::*;
use crate::doc::open::{OpenOptions, bundled};
use crate::index::gazetteer::PlaceKind;

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
        "CN", "RU", "KG", "KZ", "UZ", "TJ", "BY", "IN", "IR", "PK", "QA", "MN", "BH", "EG", "KW",
        "TM", "JP", "BN", "DE", "IT",
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
            .any(|a| a.block.0 > 0 && docs[0].blocks[a.block.0].text()[a.range.clone()] == *"阿方")
    );
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
fn a_country_and_its_capital_in_one_table_row_are_one_mention() {
    let g = Gazetteer::bundled();
    let doc = crate::doc::markdown(
        "t.md",
        "# Capitals\n\n| Country | Capital |\n|---|---|\n| Uzbekistan | Tashkent |\n| Japan | Astana |\n",
    );
    let countries = Countries::build(std::slice::from_ref(&doc), g);
    let count = |code: &str| countries.of(g.by_code(code).unwrap()).count();
    assert_eq!(count("UZ"), 1, "{:?}", countries.mentions);
    // A city beside another country is still its own country's mention.
    assert_eq!(
        (count("JP"), count("KZ")),
        (1, 1),
        "{:?}",
        countries.mentions
    );
}
