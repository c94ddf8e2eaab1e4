//! The bundled gazetteer: every member state in three languages, and what it finds in text
//! (names, case forms, side forms, compounds, cities, whole words).

use super::*;

#[test]
fn every_name_fits_the_length_a_mention_keeps() {
    assert!(Gazetteer::bundled().automaton.max_pattern_len() <= usize::from(u8::MAX));
}

fn names(text: &str) -> Vec<(String, String)> {
    let g = Gazetteer::bundled();
    g.find(text)
        .into_iter()
        .map(|h| {
            let codes: Vec<String> = h
                .places
                .iter()
                .map(|c| {
                    let mut codes: Vec<String> =
                        c.iter().map(|&p| g.places[p].code.clone()).collect();
                    codes.sort();
                    codes.join("|")
                })
                .collect();
            (text[h.range].to_string(), codes.join("+"))
        })
        .collect()
}

#[test]
fn covers_every_un_member_state_in_three_languages() {
    let g = Gazetteer::bundled();
    let countries: Vec<&Place> = g
        .places
        .iter()
        .filter(|p| p.kind == PlaceKind::Country)
        .collect();
    assert_eq!(countries.len(), 193);
    for p in countries {
        assert!(
            !p.zh.is_empty() && !p.en.is_empty() && !p.ru.is_empty(),
            "{p:?}"
        );
    }
}

#[test]
fn kyrgyzstan_by_every_name() {
    let text = "吉尔吉斯共和国、吉尔吉斯斯坦和吉尔吉斯。Kyrgyz Republic, Kyrgyzstan. Кыргызская Республика, Кыргызстан, Киргизия, Киргизии.";
    let found = names(text);
    assert_eq!(found.len(), 9, "{found:?}");
    assert!(found.iter().all(|(_, code)| code == "KG"), "{found:?}");
    assert_eq!(
        found[1].0, "吉尔吉斯斯坦",
        "longest match wins over 吉尔吉斯 + 斯坦"
    );
}

#[test]
fn a_curled_apostrophe_is_an_apostrophe() {
    let found = names("the People’s Republic of China and the People's Republic of China");
    assert_eq!(
        found,
        vec![
            ("People’s Republic of China".to_string(), "CN".to_string()),
            ("People's Republic of China".to_string(), "CN".to_string()),
        ]
    );
}

#[test]
fn a_place_in_a_persons_transcribed_name_is_no_mention() {
    assert_eq!(names("画家萨尔瓦多·达利的作品"), []);
    assert_eq!(names("乔治·华盛顿是首任总统"), []);
    // Two places joined by the dot stay places.
    let found = names("中国·吉尔吉斯斯坦");
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn russian_case_forms() {
    let found = names(
        "Путин в России, Россией и Россию; Китая и Китаем; на Украине; российский президент.",
    );
    let codes: Vec<&str> = found.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(
        codes,
        vec!["RU", "RU", "RU", "CN", "CN", "UA", "RU"],
        "{found:?}"
    );
}

#[test]
fn organisations_by_their_abbreviations() {
    let found = names(
        "наблюдатели ОБСЕ; Совет ЕС по иностранным делам; OSCE monitors; 欧安组织观察员；СЕСТРА и ЕСПЧ.",
    );
    let codes: Vec<&str> = found.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(codes, vec!["OSCE", "EU", "OSCE", "OSCE"], "{found:?}");
}

#[test]
fn russian_plurals_adjectives_and_compounds() {
    let found = names(
        "граждане Нидерландов и Филиппин; французским и немецкий министры; \
         Китайско-российские отношения; Соединенных Штатов; Ирака и Ирана; в Нью-Йорке.",
    );
    let pairs: Vec<(&str, &str)> = found
        .iter()
        .map(|(t, c)| (t.as_str(), c.as_str()))
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("Нидерландов", "NL"),
            ("Филиппин", "PH"),
            ("французским", "FR"),
            ("немецкий", "DE"),
            ("Китайско", "CN"),
            ("российские", "RU"),
            ("Соединенных Штатов", "US"),
            ("Ирака", "IQ"),
            ("Ирана", "IR"),
            ("Нью-Йорке", "US"),
        ]
    );
}

#[test]
fn russian_cities_in_any_case() {
    let found = names("рейс из Амстердама в Куала-Лумпур, во Вьетнаме и в Амстердаме");
    assert_eq!(found.len(), 4, "{found:?}");
}

#[test]
fn russian_common_words_are_not_names() {
    // Груз (cargo) is its own stem, Грузия is not; Франц, Франсуа, Тони and Ангела are first
    // names.
    assert!(
        names("Груз доставлен. Франц приехал. Кит плывёт. Тони Эббот, Ангела Меркель и Франсуа Олланд.")
            .is_empty()
    );
    let found = names("из Египта и Египет; Китая и Китаем");
    assert_eq!(found.len(), 4, "{found:?}");
    // A name ending in a vowel does not decline: Токаев is a surname, not Токио.
    assert!(names("Касым-Жомарт Токаев и Токаева").is_empty());
    assert_eq!(names("рейс в Токио").len(), 1);
}

#[test]
fn side_forms_and_compounds() {
    let found = names("中方愿同吉方推进中吉乌铁路建设,中日、中俄关系。吉中关系");
    let pairs: Vec<(&str, &str)> = found
        .iter()
        .map(|(t, c)| (t.as_str(), c.as_str()))
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("中方", "CN"),
            ("吉方", "KG"),
            ("中吉乌", "CN+KG+UZ"),
            ("中日", "CN+JP"),
            ("中俄", "CN+RU"),
            ("吉中", "KG+CN")
        ]
    );
}

#[test]
fn dates_and_common_words_are_not_compounds() {
    assert_eq!(names("11月19日中方表示")[0].0, "中方");
    assert!(names("今日中国").iter().all(|(_, c)| c == "CN"));
    assert!(
        names("在合作中加强沟通,美中不足").is_empty(),
        "{:?}",
        names("在合作中加强沟通,美中不足")
    );
}

#[test]
fn cities_count_for_their_country() {
    let found = names("莫斯科、比什凯克、天津、杜尚别、阿克套、撒马尔罕、符拉迪沃斯托克");
    let codes: Vec<&str> = found.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(codes, vec!["RU", "KG", "CN", "TJ", "KZ", "UZ", "RU"]);
    assert!(
        Gazetteer::bundled()
            .find("比什凯克")
            .iter()
            .all(|h| h.via == Via::City)
    );
}

#[test]
fn english_needs_whole_words() {
    let found = names("Chinese and Indian officials; Indiana is not India. China's role.");
    let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, vec!["Chinese", "Indian", "India", "China"]);
}

#[test]
fn organisations_and_regions_are_their_own_kinds() {
    let g = Gazetteer::bundled();
    for (text, kind) in [
        ("上合组织", PlaceKind::Organisation),
        ("联合国", PlaceKind::Organisation),
        ("SCO", PlaceKind::Organisation),
        ("台湾", PlaceKind::Region),
        ("香港", PlaceKind::Region),
    ] {
        let hits = g.find(text);
        assert_eq!(hits.len(), 1, "{text}");
        assert_eq!(g.places[hits[0].places[0][0]].kind, kind, "{text}");
    }
    assert_eq!(
        names("上海合作组织")[0].1,
        "SCO",
        "the organisation, not the city of Shanghai"
    );
}

#[test]
fn shared_abbreviations_keep_their_candidates() {
    let found = names("乌方表示");
    assert_eq!(found, vec![("乌方".to_string(), "UA|UZ".to_string())]);
}
