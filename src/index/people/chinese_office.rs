//! Chinese offices: the titles that end one (总理, 外长, 秘书长, 记者…), and how far back from
//! its title an office reaches (会议由|俄罗斯联邦政府总理, 采访了|黑龙江省省长, across 、 in
//! 中共中央政治局委员、外交部长).

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::chinese::is_han;
use crate::index::gazetteer::tagged;

/// Titles that end an office. The office's other words (外交, 国务院, 俄罗斯联邦政府) are
/// read back from the title.
const TITLES: &[&str] = &[
    "总理",
    "副总理",
    "总统",
    "副总统",
    "主席",
    "副主席",
    "首相",
    "副首相",
    "外长",
    "部长",
    "副部长",
    "大臣",
    "国务委员",
    "委员",
    "秘书长",
    "副秘书长",
    "主任",
    "副主任",
    "大使",
    "特使",
    "特别代表",
    "发言人",
    "议长",
    "副议长",
    "委员长",
    "副委员长",
    "国王",
    "王储",
    "总书记",
    "书记",
    "总干事",
    "副总干事",
    "总司令",
    "司令员",
    "市长",
    "州长",
    "省长",
    "总督",
    "行长",
    "院长",
    "执行主任",
    "记者",
    "通讯员",
    "总裁",
    "董事长",
    "主席团主席",
    "国务卿",
    "副国务卿",
    "财长",
    "防长",
    "外相",
    "议员",
    "参议员",
    "众议员",
    "参谋长",
    "会长",
    "理事长",
];

/// Words that begin a phrase before an office (会议由|俄罗斯联邦政府总理): the office starts
/// after them.
const BEFORE_OFFICE: &[&str] = &[
    "由", "在", "同", "与", "和", "及", "对", "向", "请", "应", "会见", "会晤", "接见", "表示",
    "指出", "强调", "说", "称", "是", "为", "邀", "出席", "主持", "率领", "致电",
];

/// Words an office holds that the dictionary does not tag as nouns (副总理兼外交部长,
/// 轮值主席, 名誉主席, 美国当选总统).
const OFFICE_WORDS: &[&str] = &[
    "兼",
    "当选",
    "执行",
    "常务",
    "轮值",
    "代理",
    "上合",
    "组织",
    "主管",
    "分管",
    "名誉",
    "专职",
    "首席",
    "反恐怖",
    "反恐",
    "驻",
    "常驻",
    "特命",
    "全权",
    "候任",
    "前任",
    "现任",
    "前",
];

/// The longest office read back from a title, in characters.
const OFFICE_CHARS: usize = 30;

/// The titles, as one automaton (the longest title wins).
pub(super) fn titles() -> &'static AhoCorasick {
    static TITLES_AUTOMATON: OnceLock<AhoCorasick> = OnceLock::new();
    TITLES_AUTOMATON.get_or_init(|| {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(TITLES)
            .expect("the titles compile")
    })
}

/// Whether an office names one of China's own institutions, whose holder is Chinese
/// (中共中央政治局委员, 国务院总理, 全国人大常委会委员长).
pub(crate) fn is_chinese_institution(office: &str) -> bool {
    [
        "中共",
        "国务院",
        "国务委员",
        "全国人大",
        "全国政协",
        "中央军委",
        "中央外事",
    ]
    .iter()
    .any(|i| office.starts_with(i))
}

/// The office that ends with the title at `title`: read back to the start of the phrase,
/// and across `、` while the part before is an office too.
pub(super) fn office_before(text: &str, title: Range<usize>) -> Range<usize> {
    let mut start = phrase_start(text, title.start);
    loop {
        let before = &text[..start];
        // 古巴国务委员会和部长会议主席: the chair of both bodies.
        if let Some(part) = before.strip_suffix('和') {
            if !INSTITUTIONS.iter().any(|i| part.ends_with(i)) {
                break;
            }
            let earlier = phrase_start(text, part.len());
            if earlier == part.len() || text[earlier..title.end].chars().count() > OFFICE_CHARS {
                break;
            }
            start = earlier;
            continue;
        }
        let Some(part) = before.strip_suffix('、') else {
            break;
        };
        let ends_in_title = titles()
            .find_iter(part)
            .last()
            .is_some_and(|m| m.end() == part.len());
        if !ends_in_title {
            break;
        }
        let earlier = phrase_start(text, part.len());
        if text[earlier..title.end].chars().count() > OFFICE_CHARS {
            break;
        }
        start = earlier;
    }
    start..title.end
}

/// The units a Chinese place's name ends in, cut from it where the dictionary does not know
/// the place (东方|市).
const UNITS: [&str; 5] = ["市", "省", "县", "州", "区"];

/// Bodies two of which one office can chair, joined by 和 (国务委员会和部长会议主席).
const INSTITUTIONS: [&str; 5] = ["委员会", "会议", "政府", "议会", "国会"];

/// Adverbs of one character that can stand before an office (也是|上海市市长).
const ADVERBS: [&str; 13] = [
    "也", "都", "就", "又", "还", "曾", "已", "将", "才", "并", "均", "仍", "即",
];

/// Where the phrase that ends at `end` begins: after punctuation, a non-Chinese character or
/// a word that begins a phrase (由, 同, 会见; the 和 of 共和国 is not one), at most
/// [`OFFICE_CHARS`] back.
fn phrase_start(text: &str, end: usize) -> usize {
    let mut start = end;
    for (i, c) in text[..end].char_indices().rev().take(OFFICE_CHARS) {
        if !is_han(c) {
            break;
        }
        start = i;
    }
    let words = tagged(&text[start..end], false);
    let mut begins = end;
    // Before a unit (东方|市, 北|帕|莫|斯|顿|市) the words name a place, whatever their tags,
    // up to a word that cannot be part of one (会见|了).
    let mut in_a_place = false;
    for (w, tag) in words.iter().rev() {
        let word = &text[start + w.start..start + w.end];
        // A transcribed name's characters are tagged at random (莫 an adverb): a single one
        // ends the place only as one of the adverbs that come before a noun phrase.
        let adverb =
            tag.starts_with('d') && (word.chars().nth(1).is_some() || ADVERBS.contains(&word));
        let in_place =
            in_a_place && !adverb && !["v", "u", "p", "c", "r"].iter().any(|t| tag.starts_with(t));
        if BEFORE_OFFICE.contains(&word) || !(in_place || is_office_word(word, tag)) {
            break;
        }
        in_a_place = UNITS.contains(&word) || in_place;
        begins = start + w.start;
    }
    // Abbreviations the dictionary cuts apart (上|合 in 上合组织).
    while let Some(w) = OFFICE_WORDS
        .iter()
        .find(|w| w.chars().nth(1).is_some() && text[start..begins].ends_with(*w))
    {
        begins -= w.len();
    }
    begins
}

/// Whether a word can be part of an office: a noun, a place or an institution, a
/// distinguishing word (副), an abbreviation (中共), an ordinal (第一), a title, or one of
/// [`OFFICE_WORDS`]; not a verb, an adverb or a particle (但愿像|法国总统, 采访了|黑龙江省省长).
fn is_office_word(word: &str, tag: &str) -> bool {
    tag.starts_with('n')
        || matches!(tag, "b" | "j" | "vn" | "an")
        || (tag.starts_with('m') && word.starts_with('第'))
        || OFFICE_WORDS.contains(&word)
        // The dictionary's tags are not always an office's: 首相 is tagged an adverb.
        || titles().find(word).is_some_and(|m| m.range() == (0..word.len()))
}
