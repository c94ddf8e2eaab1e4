//! Whether a Chinese name found in a text stands there as a word. Chinese is written without
//! spaces, so a name can be part of a longer word (发展中国家 "developing countries" holds
//! 中国; 内蒙古 holds 蒙古) or straddle two (其中|国家 holds 中国). The run of Chinese
//! characters around the name is cut into words by jieba's dictionary (its frequencies
//! settle where the words fall) and the name is kept only when it is a word, or words, of
//! its own, or begins a dictionary word whose rest is a word too (英国首相, 中日关系,
//! 中国政府) or one of the few characters that make a name's derivative (英国人, 北京市),
//! but not a place or a person of its own (马里兰, 马里奥, 印度洋, 蒙古族).

use std::ops::Range;
use std::sync::OnceLock;

use jieba_rs::Jieba;

use super::{Via, is_han};

/// Characters of context cut on each side of a name: words seldom reach further.
const CONTEXT: usize = 24;

/// The most bytes one cut covers: on a line of names with no break between them (CJK
/// punctuation is part of a run) the runs of context would join into the whole line.
const STRETCH: usize = 16 * 1024;

/// Characters that make a word of a name that still names the place: its people (英国人),
/// side (中方), nationality (美国籍), army (美军), team (中国队), the administrative
/// units a city's name takes (北京市, 台湾省), and a city's residents (北京市民).
const DERIVATIVES: [&str; 13] = [
    "人", "方", "籍", "军", "队", "侨", "市", "省", "县", "州", "区", "产", "市民",
];

/// jieba's part of speech for an idiom (万象更新 holds 万象, Vientiane).
const IDIOM: &str = "i";

/// The dictionary, loaded on first use (about a tenth of a second).
fn dictionary() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// The words of one run of Chinese text, cut once for every name found in it.
#[derive(Default)]
pub(super) struct Words {
    /// The stretch of text cut, in bytes of the whole text.
    cut: Range<usize>,
    /// Each word's byte range in the whole text, and whether it is an idiom.
    words: Vec<(Range<usize>, &'static str)>,
}

impl Words {
    /// Whether the name at `name` in `text` stands as a word (see the module's comment).
    /// A dictionary word made of names (美国纽约, 中国台湾) holds each of them as a word;
    /// `is_name` says whether a piece of text is a name. A side form (吉方) need only
    /// begin a word: its 方 may join the next one (吉|方可|信赖). A city begins a longer
    /// word only as a city (北京市), not an idiom or a name (万象更新).
    ///
    /// `next` are the names found after this one: where their runs of context overlap this
    /// one's, the whole stretch is cut once rather than once for each name.
    pub(super) fn stands_alone(
        &mut self,
        text: &str,
        name: Range<usize>,
        via: Via,
        next: impl Iterator<Item = Range<usize>>,
        is_name: impl Fn(&str) -> bool,
    ) -> bool {
        let mut window = window(text, name.clone());
        if !(self.cut.start <= window.start && window.end <= self.cut.end) {
            for other in next {
                let reach = self::window(text, other);
                if reach.start > window.end || window.len() > STRETCH {
                    break;
                }
                window.end = window.end.max(reach.end);
            }
            self.cut(text, window);
        }
        // The words are in text order: each is found by halving.
        let words = &self.words;
        let starts = |at: usize| words.binary_search_by_key(&at, |(w, _)| w.start).is_ok();
        let ends = |at: usize| words.binary_search_by_key(&at, |(w, _)| w.end).is_ok();
        if starts(name.start) && (ends(name.end) || via == Via::Side) {
            return true;
        }
        let Some((word, tag)) = words[..words.partition_point(|(w, _)| w.start <= name.start)]
            .last()
            .filter(|(w, _)| name.end <= w.end)
        else {
            // The name straddles two words (其中|国家).
            return false;
        };
        let (before, after) = (&text[word.start..name.start], &text[name.end..word.end]);
        if !before.is_empty() && !is_name(before) {
            return false;
        }
        if after.is_empty() || is_name(after) {
            return true;
        }
        if !before.is_empty() {
            return false;
        }
        if *tag == IDIOM {
            return false;
        }
        // 英国首相, 中日关系: the rest is a word; 马里兰, 印度洋: a lone character.
        if after.chars().nth(1).is_some() && via != Via::City {
            let rest = dictionary().cut(after, false);
            rest.first()
                .is_some_and(|w| w.word.chars().nth(1).is_some())
                && !crosses_the_end(&text[word.clone()], name.len())
        } else {
            DERIVATIVES.contains(&after)
        }
    }

    /// Cuts `window` of `text` into words.
    fn cut(&mut self, text: &str, window: Range<usize>) {
        self.words.clear();
        for tag in dictionary().tag(&text[window.clone()], false) {
            let at = window.start;
            let idiom = if tag.tag == IDIOM { IDIOM } else { "" };
            self.words
                .push((at + tag.byte_start..at + tag.byte_end, idiom));
        }
        self.cut = window;
    }
}

/// The words of `text` with jieba's part of speech (`nr` a person's name); with `new_words`
/// jieba also guesses words its dictionary lacks, as names often are.
pub(crate) fn tagged(text: &str, new_words: bool) -> Vec<(Range<usize>, String)> {
    dictionary()
        .tag(text, new_words)
        .into_iter()
        .map(|t| (t.byte_start..t.byte_end, t.tag.to_string()))
        .collect()
}

/// Whether `range` of `text` begins and ends on the dictionary's word boundaries in the run of
/// Chinese around it: 李强 in 李强出席, not in 李强调 (李|强调).
pub(crate) fn is_whole(text: &str, range: Range<usize>) -> bool {
    let window = window(text, range.clone());
    let words = dictionary().cut(&text[window.clone()], false);
    let mut at = window.start;
    let (mut starts, mut ends) = (false, false);
    for w in words {
        starts |= at == range.start;
        at += w.word.len();
        ends |= at == range.end;
    }
    starts && ends
}

/// Whether a word of the dictionary's cut of the run of Chinese around `at` begins at `at`:
/// 多 in 和平多斯桑托斯 does, 平 does not (和平 is a word).
pub(crate) fn starts_a_word(text: &str, at: usize) -> bool {
    let window = window(text, at..at);
    let words = dictionary().cut(&text[window.clone()], false);
    let mut start = window.start;
    for w in words {
        if start == at {
            return true;
        }
        start += w.word.len();
    }
    start == at
}

/// Whether a longer dictionary word than the name, short of `word` itself, begins where
/// the name does: 马里兰 in 马里兰州 (which 马里 + 兰州 would otherwise read as Mali).
fn crosses_the_end(word: &str, name: usize) -> bool {
    word[name..]
        .char_indices()
        .skip(1)
        .any(|(i, _)| dictionary().has_word(&word[..name + i]))
}

/// The run of Chinese characters around `name`, at most [`CONTEXT`] characters either side.
fn window(text: &str, name: Range<usize>) -> Range<usize> {
    let mut start = name.start;
    for (i, c) in text[..name.start].char_indices().rev().take(CONTEXT) {
        if !is_han(c) {
            break;
        }
        start = i;
    }
    let mut end = name.end;
    for (i, c) in text[name.end..].char_indices().take(CONTEXT) {
        if !is_han(c) {
            break;
        }
        end = name.end + i + c.len_utf8();
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stands(text: &str, name: &str) -> bool {
        let start = text.find(name).expect("the name is in the text");
        let g = super::super::Gazetteer::bundled();
        let via = match name {
            _ if name.ends_with('方') => Via::Side,
            "北京" | "万象" | "纽约" => Via::City,
            _ => Via::Name,
        };
        let name = start..start + name.len();
        Words::default().stands_alone(text, name, via, std::iter::empty(), |s| g.is_name(s))
    }

    #[test]
    fn a_line_of_names_without_a_break_is_cut_in_bounded_stretches() {
        // CJK punctuation joins the runs of context, so the names' runs overlap to the end.
        let text = "上海合作组织成员国。".repeat(20_000);
        let names: Vec<_> = text
            .match_indices("上海")
            .map(|(i, n)| i..i + n.len())
            .collect();
        let g = super::super::Gazetteer::bundled();
        let mut words = Words::default();
        for (i, name) in names.iter().enumerate() {
            let next = names[i + 1..].iter().cloned();
            words.stands_alone(&text, name.clone(), Via::City, next, |s| g.is_name(s));
            assert!(
                words.cut.len() <= STRETCH + 2 * CONTEXT * 3,
                "{:?}",
                words.cut
            );
            assert!(words.cut.start <= name.start && name.end <= words.cut.end);
        }
    }

    #[test]
    fn names_inside_longer_words_do_not_stand_alone() {
        assert!(!stands("支持发展中国家发挥作用", "中国"));
        assert!(!stands("内蒙古自治区", "蒙古"));
        assert!(!stands("来自马里兰州的学者", "马里"));
        assert!(!stands("主持人马里奥致辞", "马里"));
        assert!(!stands("印度洋航运安全", "印度"));
        assert!(!stands("其中国家安全是重点", "中国"));
        assert!(!stands("在合作中加强沟通", "中加"));
        assert!(!stands("节日本身", "日本"));
        assert!(!stands("在马里兰大学学习", "马里"));
        assert!(!stands("万象更新", "万象"));
    }

    #[test]
    fn names_that_are_words_stand_alone() {
        assert!(stands("尤其中国发挥了作用", "中国"));
        assert!(stands("中国政府和中国人民", "中国"));
        assert!(stands("马里总统会见代表团", "马里"));
        assert!(stands("各方推进中吉乌铁路建设", "中吉乌"));
        assert!(stands("北京市与比什凯克市结为友好城市", "北京"));
        assert!(stands("北京市民踊跃参与", "北京"));
        assert!(stands("春节期间日本游客大量来华", "日本"));
        assert!(stands("中方欢迎", "中方"));
        assert!(stands("中方永远是吉方可信赖的朋友", "吉方"));
        assert!(!stands("这是一个完美方案", "美方"));
        assert!(stands("美国纽约股市上涨", "美国"));
        assert!(stands("美国纽约股市上涨", "纽约"));
        assert!(stands("英国首相布莱尔会见", "英国"));
        assert!(stands("德国总理施罗德表示", "德国"));
        assert!(stands("中日关系改善", "中日"));
        assert!(stands("英国人和荷兰人认为", "荷兰"));
    }
}
