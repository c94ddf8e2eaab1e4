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
fn of_two_document_words_side_by_side_the_second_is_the_head() {
    let t: Vec<(String, Kind)> = titles(
        "Parties to the United Nations Framework Convention on Climate Change adopted the \
         Action Plan for the Treaty.",
    )
    .into_iter()
    .map(|t| (t.title, t.kind))
    .collect();
    assert_eq!(
        t,
        vec![
            (
                "the United Nations Framework Convention on Climate Change".to_string(),
                Kind::Treaty
            ),
            (
                "the Action Plan for the Treaty".to_string(),
                Kind::Programme
            ),
        ]
    );
}

#[test]
fn a_title_runs_on_over_an_indented_line_break_and_a_no_break_space() {
    let text = "commitments under\n    the\u{a0}Sino-British\n    Joint Declaration and the\n  \
                Basic Law; the\u{a0}UN and Türkiye-brokered\u{a0}Black Sea Grain Initiative.";
    let t = titles(text);
    let found: Vec<(&str, &str)> = t
        .iter()
        .map(|t| (t.title.as_str(), &text[t.range.clone()]))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "the Sino-British Joint Declaration",
                "Sino-British\n    Joint Declaration"
            ),
            (
                "the Black Sea Grain Initiative",
                "Black Sea Grain Initiative"
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
fn an_alliance_called_after_its_treaty_is_no_title() {
    let t = titles(
        "After the Warsaw Pact invasion of Czechoslovakia, the Molotov-Ribbentrop Pact was \
         recalled and the Baghdad Pact dissolved.",
    );
    let t: Vec<&str> = t.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(t, vec!["the Molotov-Ribbentrop Pact"]);
}

#[test]
fn a_compound_participle_describes_the_title_it_comes_before() {
    let t = titles(
        "implementation of the UN and Türkiye-brokered Black Sea\nGrain Initiative (BSGI), \
         the US-led Coalition Plan and the Anti-terrorism Act and the Non-Proliferation Treaty.",
    );
    let t: Vec<&str> = t.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        t,
        vec![
            "the Black Sea Grain Initiative",
            "the Coalition Plan",
            "the Anti-terrorism Act",
            "the Non-Proliferation Treaty",
        ]
    );
}

#[test]
fn an_organisations_charter_is_one_document_however_written() {
    let docs = vec![markdown(
        "We uphold the UN Charter and the Charter of the United Nations, the SCO Charter, the \
         Charter of the Shanghai Cooperation Organisation and the Charter of the SCO; the UN \
         Convention and the Convention of the SCO; the Energy Charter.",
    )];
    let found = cited(&docs);
    let counts: Vec<(&str, usize)> = found
        .iter()
        .map(|c| (c.title.as_str(), c.citations.len()))
        .collect();
    assert!(counts.contains(&("the UN Charter", 2)), "{counts:?}");
    assert!(counts.contains(&("the SCO Charter", 3)), "{counts:?}");
    assert!(counts.contains(&("the Energy Charter", 1)), "{counts:?}");
    // An organisation's conventions are many: the two are not one.
    assert!(counts.contains(&("the UN Convention", 1)), "{counts:?}");
    assert!(
        counts.contains(&("the Convention of the SCO", 1)),
        "{counts:?}"
    );
}

#[test]
fn a_title_inside_a_title_is_the_same_in_any_angle_brackets() {
    let docs = vec![markdown(
        "通过《关于修改〈中华人民共和国民事诉讼法〉的决定》。\n\n\
         又见《关于修改<中华人民共和国民事诉讼法>的决定》和《关于修改‹中华人民共和国民事诉讼法›的决定》。",
    )];
    let found = cited(&docs);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].citations.len(), 3);
}

#[test]
fn a_convention_is_named_by_what_it_is_against() {
    let docs = vec![markdown(
        "We support the UN Convention against Transnational Organized Crime and the UN \
         Convention against Corruption, and the Warsaw Pact against nobody.",
    )];
    let titles: Vec<String> = cited(&docs).into_iter().map(|c| c.title).collect();
    assert!(
        titles.contains(&"the UN Convention against Corruption".to_string()),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"the UN Convention against Transnational Organized Crime".to_string()),
        "{titles:?}"
    );
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
fn two_documents_named_before_one_plural_word_are_two() {
    let text = "in the framework of the Paris and\n    Kunming-Montreal Agreements, and the Oslo I and II Accords.";
    let t: Vec<(String, &str)> = titles(text)
        .into_iter()
        .map(|t| (t.title, &text[t.range]))
        .collect();
    assert_eq!(
        t,
        vec![
            ("the Paris Agreement".to_string(), "Paris"),
            (
                "the Kunming-Montreal Agreement".to_string(),
                "Kunming-Montreal Agreements"
            ),
            (
                "the Oslo I and II Accords".to_string(),
                "Oslo I and II Accords"
            ),
        ]
    );
}

#[test]
fn chinese_kinds_follow_the_last_word() {
    let kinds: Vec<Kind> = titles(
        "《中华人民共和国刑法修正案（七）》《权威说法》《波茨坦公告》\
         《关于维护国防利益和军人军属合法权益的意见》《关于维护足球比赛秩序的通知》《凡尔赛和约》",
    )
    .into_iter()
    .map(|t| t.kind)
    .collect();
    assert_eq!(
        kinds,
        vec![
            Kind::Law,
            Kind::Other,
            Kind::Declaration,
            Kind::Programme,
            Kind::Programme,
            Kind::Treaty
        ]
    );
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

#[test]
fn films_songs_and_columns_are_other_titles() {
    let kinds = |text: &str| -> Vec<Kind> { titles(text).into_iter().map(|t| t.kind).collect() };
    assert_eq!(
        kinds("放映《开国大典》、《烈火金钢》等一百余部，放映《快速养猪法》、《计划生育》"),
        vec![Kind::Other; 4]
    );
    assert_eq!(
        kinds("我们拟开设以下栏目：《记者观察》、《法制备忘录》等"),
        vec![Kind::Other; 2]
    );
    assert_eq!(kinds("《乡村振兴促进法》一书出版"), vec![Kind::Other]);
    assert_eq!(
        kinds("将新增《庭审纪实》、《法制备忘录》、《正气歌》等栏目"),
        vec![Kind::Other; 3]
    );
    // A law or a memorandum the text acts on is still one.
    assert_eq!(
        kinds("依据《宪法》和《国防法》，双方签署了《合作备忘录》"),
        vec![Kind::Law, Kind::Law, Kind::Treaty]
    );
}

#[test]
fn a_short_title_defined_for_a_long_one_is_the_same_document() {
    let docs = vec![markdown(
        "从1月10日起施行《江苏省惩治生产销售假冒伪劣商品行为条例》（以下称《条例》）。\n\n\
         《条例》还规定，群众举报属实的给予奖励。\n",
    )];
    let found = cited(&docs);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].title, "《江苏省惩治生产销售假冒伪劣商品行为条例》");
    assert_eq!(found[0].citations.len(), 3);
    // Where no document defines it, 《条例》 is a title of its own.
    let docs = vec![markdown("《条例》还规定。\n")];
    assert_eq!(cited(&docs)[0].title, "《条例》");
}

#[test]
fn a_short_name_defined_in_english_is_the_same_document() {
    let docs = vec![markdown(
        "They signed the Joint Communiqué on Environmental Cooperation (referred to as the \
         Joint Communiqué) in 2006. The Joint Communiqué is important.\n\n\
         The Agreement on the Establishment of the Commonwealth of Independent States (also \
         known as “the Belovezh Accords”) ended it. The Belovezh Accords were signed in 1991.\n",
    )];
    let found = cited(&docs);
    let titles: Vec<(&str, usize)> = found
        .iter()
        .map(|c| (c.title.as_str(), c.citations.len()))
        .collect();
    assert_eq!(
        titles,
        [
            (
                "the Agreement on the Establishment of the Commonwealth of Independent States",
                3
            ),
            ("the Joint Communiqué on Environmental Cooperation", 3),
        ]
    );
}

#[test]
fn a_resolution_cited_by_number_in_any_language_is_one_document() {
    let docs = vec![markdown(
        "China took its seat following Resolution 2758. The UN General Assembly Resolution \
         2758 settled it.\n\n恪守联大第2758号决议。\n\nСогласно резолюции ГА ООН 2758.\n",
    )];
    let found = cited(&docs);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].title, "Resolution 2758");
    assert_eq!(found[0].kind, Kind::Declaration);
    assert_eq!(found[0].citations.len(), 4);
}

/// A Markdown document of `text`.
fn markdown(text: &str) -> crate::doc::Document {
    crate::doc::Document::parse(
        "brief.md",
        None,
        "UTF-8",
        text,
        crate::doc::Format::Markdown,
        crate::doc::ParseOptions::default(),
    )
}
