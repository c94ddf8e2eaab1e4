//! Titles of documents in the bundled briefing and in English and Russian text.

use super::*;
use crate::doc::open::{OpenOptions, bundled};

#[test]
fn seed_cites_every_title_between_brackets_with_its_kind() {
    let docs = vec![bundled(OpenOptions::default())];
    let found = cited(&docs);
    // Every distinct 《…》 of the briefing, found independently of the finder.
    let mut expected: Vec<String> = Vec::new();
    let mut citations = 0;
    for block in docs[0].blocks.iter() {
        let text = block.text();
        let mut rest = text;
        while let Some(open) = rest.find('《') {
            let close = rest[open..].find('》').unwrap() + open + '》'.len_utf8();
            citations += 1;
            let title = rest[open..close].to_string();
            if !expected.contains(&title) {
                expected.push(title);
            }
            rest = &rest[close..];
        }
    }
    assert!(expected.len() >= 30, "{expected:?}");
    let titles: Vec<&str> = found.iter().map(|c| c.title.as_str()).collect();
    for title in &expected {
        assert!(
            titles.contains(&title.as_str()),
            "{title} missing: {titles:?}"
        );
    }
    let total: usize = found
        .iter()
        .filter(|c| c.title.starts_with('《'))
        .map(|c| c.citations.len())
        .sum();
    assert_eq!(total, citations);
    let kind = |t: &str| found.iter().find(|c| c.title == t).map(|c| c.kind);
    assert_eq!(kind("《联合国宪章》"), Some(Kind::Treaty));
    assert_eq!(
        kind("《上合组织成员国元首理事会天津宣言》"),
        Some(Kind::Declaration)
    );
    assert_eq!(
        kind("《上合组织未来10年(2026—2035年)发展战略》"),
        Some(Kind::Programme)
    );
    assert_eq!(
        found
            .iter()
            .find(|c| c.title == "《联合国宪章》")
            .map(|c| c.citations.len()),
        Some(2)
    );
}

#[test]
fn english_titles_are_capitalised_and_hold_a_document_word() {
    let text = "We reaffirm the Charter of the United Nations and the Paris Agreement, welcome \
                the Hiroshima Action Statement for Resilient Global Food Security, and call on \
                the United States to honour the Treaty on the Non-Proliferation of Nuclear Weapons.";
    let t: Vec<(String, Kind)> = titles(text)
        .into_iter()
        .map(|t| (t.title, t.kind))
        .collect();
    assert_eq!(
        t,
        vec![
            (
                "the Charter of the United Nations".to_string(),
                Kind::Treaty
            ),
            ("the Paris Agreement".to_string(), Kind::Treaty),
            (
                "the Hiroshima Action Statement for Resilient Global Food Security".to_string(),
                Kind::Declaration
            ),
            (
                "the Treaty on the Non-Proliferation of Nuclear Weapons".to_string(),
                Kind::Treaty
            ),
        ]
    );
}

#[test]
fn a_document_word_naming_an_organisation_is_no_title() {
    let t = titles(
        "It joined the Collective Security Treaty Organization in 2007 and signed the Vienna \
         Convention on Diplomatic\nRelations.",
    );
    let t: Vec<&str> = t.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(t, vec!["the Vienna Convention on Diplomatic Relations"]);
}

#[test]
fn meetings_and_loose_tails_are_not_titles() {
    let t = titles(
        "Parties to the Meeting of the Parties to the Paris Agreement met; the Chinese \
         Exclusion Act and Roosevelt; the Treaty on the Non-Proliferation of Nuclear Weapons \
         in the United Nations; upholding the Rule of Law.",
    );
    let t: Vec<&str> = t.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        t,
        vec![
            "the Paris Agreement",
            "the Chinese Exclusion Act",
            "the Treaty on the Non-Proliferation of Nuclear Weapons",
        ]
    );
}

#[test]
fn chinese_kinds_follow_the_last_word() {
    let kinds: Vec<Kind> = titles("《中华人民共和国刑法修正案（七）》《权威说法》《波茨坦公告》")
        .into_iter()
        .map(|t| t.kind)
        .collect();
    assert_eq!(kinds, vec![Kind::Law, Kind::Other, Kind::Declaration]);
}

#[test]
fn russian_titles_follow_a_document_word_and_other_quotes_are_not_titles() {
    let text = "Стороны подписали Договор «О добрососедстве и сотрудничестве» и одобрили \
                Концепцию «Один пояс». Газета «Известия» сообщила об этом.";
    let t: Vec<(String, Kind)> = titles(text)
        .into_iter()
        .map(|t| (t.title, t.kind))
        .collect();
    assert_eq!(
        t,
        vec![
            (
                "«О добрососедстве и сотрудничестве»".to_string(),
                Kind::Treaty
            ),
            ("«Один пояс»".to_string(), Kind::Programme),
        ]
    );
}

#[test]
fn a_newspaper_between_brackets_is_another_title() {
    let t = titles("据《人民日报》报道，《中华人民共和国对外贸易法》修订。");
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].kind, Kind::Other);
    assert_eq!(t[1].kind, Kind::Law);
}
