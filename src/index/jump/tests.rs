//! The jump index searched on the bundled briefing: pinyin, initials, full-width text,
//! prefixes, narrowing, the quick first answer and cancellation.

use super::run::EXACT_BONUS;
use super::{CandidateKind, JumpIndex, Match, Query};
use crate::doc::Document;
use crate::doc::open::{OpenOptions, bundled};
use crate::index::countries::Countries;
use crate::index::gazetteer::Gazetteer;

fn seed_index() -> (Vec<Document>, JumpIndex) {
    let docs = vec![bundled(OpenOptions::default())];
    let g = Gazetteer::bundled();
    let countries = Countries::build(&docs, g);
    let index = JumpIndex::build(&docs, &countries, g);
    (docs, index)
}

fn search(index: &JumpIndex, query: &str) -> Vec<Match> {
    index
        .search(&Query::parse(query), None, &|| false)
        .unwrap()
        .matches
}

fn highlighted(index: &JumpIndex, m: &Match) -> String {
    let chars: Vec<char> = index.shown(m).text.chars().collect();
    m.chars.iter().map(|&i| chars[i]).collect()
}

#[test]
fn initials_find_the_railway() {
    let (_, index) = seed_index();
    let results = search(&index, "zjwtl");
    let best = &results[0];
    let c = index.shown(best);
    assert!(c.text.contains("中吉乌铁路"), "{}", c.text);
    assert_eq!(
        c.kind,
        CandidateKind::Sentence,
        "the sentence, not its whole paragraph"
    );
    assert_eq!(highlighted(&index, best), "中吉乌铁路");
    // 中吉外长 has the same initials; the railway sentence is found with 中吉乌 marked.
    let zjw = search(&index, "zjw");
    let railway = zjw
        .iter()
        .find(|m| index.shown(m).text.contains("推进中吉乌铁路建设"))
        .unwrap();
    assert_eq!(highlighted(&index, railway), "中吉乌");
}

#[test]
fn full_pinyin_and_initials_find_the_sco() {
    let (_, index) = seed_index();
    // 上合 (the SCO's short name) is "shanghe" syllable for syllable, as a pinyin input
    // method reads it, so it ranks first; 上海合作组织 is found too.
    let results = search(&index, "shanghe");
    assert_eq!(highlighted(&index, &results[0]), "上合");
    assert!(results.iter().any(|m| {
        index
            .shown(m)
            .text
            .starts_with("上海合作组织成员国政府首脑")
    }));
    let results = search(&index, "shhz");
    assert!(
        highlighted(&index, &results[0]).starts_with("上海合作"),
        "{}",
        highlighted(&index, &results[0])
    );
    let results = search(&index, "jierjisi");
    assert_eq!(highlighted(&index, &results[0]), "吉尔吉斯");
}

#[test]
fn chinese_and_full_width_queries() {
    let (_, index) = seed_index();
    let results = search(&index, "中吉外长");
    assert_eq!(
        index.shown(&results[0]).text,
        "中吉外长首次战略对话成功举行"
    );
    let wide = search(&index, "２０２５年９月");
    assert!(!wide.is_empty());
    assert!(highlighted(&index, &wide[0]).contains("2025"));
}

#[test]
fn headings_beat_body_text_and_prefixes_narrow() {
    let (_, index) = seed_index();
    let results = search(&index, "国际论坛");
    assert_eq!(index.shown(&results[0]).kind, CandidateKind::Heading);
    let headings = search(&index, "#");
    assert_eq!(headings.len(), 9);
    assert!(
        headings.windows(2).all(|w| w[0].candidate < w[1].candidate),
        "document order"
    );
    let places = search(&index, "@jierjisi");
    assert_eq!(index.shown(&places[0]).kind, CandidateKind::Place);
    assert!(index.shown(&places[0]).text.contains("Kyrgyzstan"));
}

#[test]
fn people_are_found_by_name_office_or_pinyin_after_a_plus() {
    let (_, index) = seed_index();
    for query in ["+mishusijing", "+米舒斯京", "+zongli", "+mssj"] {
        let people = search(&index, query);
        assert!(!people.is_empty(), "{query}");
        assert!(
            people
                .iter()
                .all(|m| index.shown(m).kind == CandidateKind::Person),
            "{query}"
        );
    }
    let best = search(&index, "+mishusijing");
    assert!(
        index
            .shown(&best[0])
            .text
            .starts_with("米舒斯京 — 俄罗斯联邦政府总理")
    );
    // The bundled briefing names two 李强: the Premier, and a reporter in a byline.
    for query in ["+lq", "+liqiang", "+李强"] {
        let best = search(&index, query);
        assert_eq!(
            index.shown(&best[0]).text,
            "李强 — 中华人民共和国国务院总理 (CN)",
            "{query}"
        );
    }
}

#[test]
fn exact_run_beats_scattered_letters() {
    let (_, index) = seed_index();
    let results = search(&index, "tiel");
    let best = &results[0];
    assert!(
        highlighted(&index, best) == "铁路",
        "{}",
        highlighted(&index, best)
    );
}

#[test]
fn narrowing_searches_only_earlier_matches() {
    let (_, index) = seed_index();
    let wide = index.search(&Query::parse("zj"), None, &|| false).unwrap();
    let narrow = index
        .search(&Query::parse("zjw"), Some(&wide.all), &|| false)
        .unwrap()
        .matches;
    let fresh = search(&index, "zjw");
    assert_eq!(
        narrow.iter().map(|m| m.candidate).collect::<Vec<_>>(),
        fresh.iter().map(|m| m.candidate).collect::<Vec<_>>()
    );
    assert!(Query::parse("zjw").narrows(&Query::parse("zj")));
    assert!(!Query::parse("#zjw").narrows(&Query::parse("zj")));
    assert!(
        !Query::parse("z").narrows(&Query::parse("")),
        "the empty query lists headings only"
    );
}

#[test]
fn the_first_answer_is_the_top_of_the_complete_one() {
    let (_, index) = seed_index();
    for q in ["zjwtl", "双方", "2025", "shanghe", "jierjisi"] {
        let query = Query::parse(q);
        let runs = index.search_runs(&query, None, &|| false).unwrap();
        let full = index.search(&query, None, &|| false).unwrap();
        assert!(!runs.complete && full.complete, "{q}");
        assert!(!runs.matches.is_empty(), "{q}");
        assert!(runs.matches.iter().all(|m| m.score >= EXACT_BONUS), "{q}");
        assert!(full.matches.len() >= runs.matches.len(), "{q}");
        assert_eq!(
            runs.matches[..],
            full.matches[..runs.matches.len()],
            "{q}: the unbroken runs head the complete list"
        );
    }
    let headings = index.search_runs(&Query::parse("#"), None, &|| false);
    assert!(
        headings.unwrap().complete,
        "an empty query is answered at once"
    );
}

#[test]
fn cancelled_search_gives_nothing() {
    let (_, index) = seed_index();
    assert!(index.search(&Query::parse("zjw"), None, &|| true).is_none());
}

/// The text of the best match of `query`.
fn best_text(index: &JumpIndex, query: &str) -> Option<String> {
    search(index, query)
        .first()
        .map(|m| index.shown(m).text.to_string())
}

#[test]
fn space_separated_terms_all_match_in_any_order() {
    let (_, index) = seed_index();
    for q in [
        "中吉乌 铁路",
        "zjw tielu",
        "zhongjiwu tielu",
        "tielu zjw",
        "zjw 铁路",
    ] {
        let results = search(&index, q);
        let best = results.first().unwrap_or_else(|| panic!("{q}: nothing"));
        let text = index.shown(best).text;
        assert!(text.contains("中吉乌铁路"), "{q}: {text}");
        let marked = highlighted(&index, best);
        assert!(
            marked.contains("中吉乌") && marked.contains("铁路"),
            "{q}: both terms marked, not {marked}"
        );
    }
}

#[test]
fn gibberish_finds_nothing() {
    let (_, index) = seed_index();
    for q in ["xyzzyqq", "sanctions", "qqqzzz", "zjw xyzzy", "jjjjjj"] {
        let found: Vec<_> = search(&index, q)
            .iter()
            .map(|m| index.shown(m).text.to_string())
            .collect();
        assert!(found.is_empty(), "{q} found {found:?}");
    }
}

#[test]
fn exact_prefix_suffix_not_and_either() {
    let (_, index) = seed_index();
    assert!(
        best_text(&index, "^中吉外长").is_some_and(|t| t.starts_with("中吉外长")),
        "a prefix"
    );
    for m in search(&index, "'zjw !铁路") {
        assert!(!index.shown(&m).text.contains("铁路"), "excluded");
    }
    assert!(!search(&index, "'zjw !铁路").is_empty());
    let either = search(&index, "中吉乌铁路 | 米舒斯京");
    let texts: Vec<&str> = either.iter().map(|m| index.shown(m).text).collect();
    assert!(texts.iter().any(|t| t.contains("中吉乌铁路")));
    assert!(texts.iter().any(|t| t.contains("米舒斯京")));
    let exact = search(&index, "'tiel");
    assert!(
        exact.iter().all(|m| m.run),
        "an exact term never matches spread out"
    );
    assert!(search(&index, "'zwjtl").is_empty());
}

#[test]
fn letters_close_together_and_acronyms_still_match() {
    let docs = vec![crate::doc::markdown(
        "note.md",
        "# Joint Working Group\n\nThe joint communique was signed.\n",
    )];
    let g = Gazetteer::bundled();
    let index = JumpIndex::build(&docs, &Countries::build(&docs, g), g);
    assert!(best_text(&index, "cmmnq").is_some_and(|t| t.contains("communique")));
    assert!(best_text(&index, "jwg").is_some_and(|t| t == "Joint Working Group"));
    assert!(best_text(&index, "jnt cmmnq signed").is_some());
    assert!(
        search(&index, "tjcs").is_empty(),
        "letters picked out of a sentence"
    );
    assert!(
        search(&index, "jntcmm").is_empty(),
        "letters spread over two words"
    );
}
