//! Chinese text after or around a city that makes it part of a longer name: a noun phrase
//! ending in a name's head (哈尔滨国际冰雪节), or a short name in quotation marks
//! (“世界市长对话·南京”).

use std::ops::Range;

use super::{after, before};
use crate::doc::markdown::{is_han, is_middle_dot};
use crate::index::gazetteer::Hit;

/// The last characters of a noun that names an event, an institution or a time a city's
/// name can begin (哈尔滨国际冰雪节, 北京新年音乐会, 上海交响乐团, 日内瓦人权会议, 北京时间,
/// 北京马拉松, 中国网球公开赛).
const CHINESE_NAME_HEADS: [&str; 11] = [
    "节",
    "会",
    "会议",
    "乐团",
    "剧院",
    "电视台",
    "报",
    "时间",
    "马拉松",
    "公开赛",
    "锦标赛",
];

/// Nouns ending as a name's head does that are not names (北京社会各界: Beijing's society).
const NOT_NAME_HEADS: [&str; 4] = ["社会", "机会", "体会", "都会"];

/// The most words of a name after the city (国际 冰雪节: two).
const CHINESE_NAME_WORDS: usize = 3;

/// Whether the Chinese text after a city makes it part of a longer name: the dictionary's
/// nouns (and words of time) follow it, the last one a name's head, with no verb or
/// particle between (在北京举行会议 names Beijing; 北京新年音乐会 names a concert).
pub(super) fn heads_a_chinese_name(after: &str) -> bool {
    let run: String = after
        .chars()
        .take_while(|&c| super::super::is_han(c))
        .take(10)
        .collect();
    if run.is_empty() {
        return false;
    }
    for (range, tag) in super::super::tagged(&run, false)
        .into_iter()
        .take(CHINESE_NAME_WORDS)
    {
        if !(tag.starts_with('n') || tag == "t") {
            return false;
        }
        let word = &run[range];
        if CHINESE_NAME_HEADS.iter().any(|h| word.ends_with(h)) && !NOT_NAME_HEADS.contains(&word) {
            return true;
        }
    }
    false
}

/// Dashes some texts join the words of a foreign name with where others put a middle dot
/// (萨尔瓦多—费斯切拉); more often they join two parties (中国—东盟, 中国—中亚峰会).
const NAME_DASHES: [char; 2] = ['—', '－'];

/// Characters of the standard table for transcribing foreign names (阿, 巴, 费, 斯, 切, 拉…):
/// a run of them that no dictionary word covers is a name's sound, not a word.
const TRANSCRIPTION: &str = "阿埃艾爱安昂奥巴拜班邦保贝本比彼宾波伯博布查达戴丹道德迪蒂丁杜多厄恩尔法范菲费芬丰弗福夫盖甘冈戈格根贡古瓜哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康柯科克肯库拉莱赖兰朗劳勒雷里利莉列林琳卢鲁伦罗洛马玛迈麦曼芒梅门蒙米密明莫姆穆纳娜奈南内尼宁纽努诺欧帕佩彭皮珀普奇切琴丘萨塞桑瑟森沙莎尚舍施什斯松苏索塔泰坦汤唐特滕提图托瓦万威韦维温沃乌西希谢辛休雅亚扬耶伊英尤约泽扎詹兹佐";

/// Whether the Chinese text after a dash begins a transcribed foreign name: its first three
/// characters are of the transcription table and the dictionary has no word for the first
/// (费|斯|切拉), where a party after a dash is a word (东盟, 太平洋, 阿拉伯) or an
/// abbreviation of words (拉共体, 澜湄).
fn begins_a_transcription(after: &str) -> bool {
    let run: String = after.chars().take_while(|&c| is_han(c)).take(6).collect();
    if run
        .chars()
        .take(3)
        .filter(|&c| TRANSCRIPTION.contains(c))
        .count()
        < 3
    {
        return false;
    }
    let words = super::super::tagged(&run, false);
    words
        .first()
        .is_some_and(|(r, _)| run[r.clone()].chars().count() == 1)
}

/// Whether a place is a word of a foreign person's name, joined by a middle dot to a word
/// that is not a place (萨尔瓦多·达利, 乔治·华盛顿), or by a dash to one the dictionary does
/// not know (萨尔瓦多—费斯切拉); two places so joined stay places (中国·上海, 中国—东盟).
pub(super) fn in_a_transcribed_name(text: &str, place: &Range<usize>, hits: &[Hit<'_>]) -> bool {
    // The hits are in text order and do not overlap: their starts and ends are sorted.
    let rest = &text[place.end..];
    if let Some(dot) = rest.chars().next().filter(|c| is_middle_dot(*c))
        && rest[dot.len_utf8()..].starts_with(is_han)
    {
        let word = place.end + dot.len_utf8();
        return hits.binary_search_by_key(&word, |h| h.range.start).is_err();
    }
    if let Some(dash) = rest.chars().next().filter(|c| NAME_DASHES.contains(c)) {
        let word = place.end + dash.len_utf8();
        return hits.binary_search_by_key(&word, |h| h.range.start).is_err()
            && begins_a_transcription(&text[word..]);
    }
    let head = &text[..place.start];
    if let Some(dot) = head.chars().next_back().filter(|c| is_middle_dot(*c))
        && head[..head.len() - dot.len_utf8()].ends_with(is_han)
    {
        let word = place.start - dot.len_utf8();
        return hits.binary_search_by_key(&word, |h| h.range.end).is_err();
    }
    false
}

/// The longest quoted name a city is read as part of, in characters: a quote longer than
/// this, or with a comma or a full stop in it, is someone's words.
const QUOTED_NAME: usize = 16;

/// Whether a city is part of a short name in Chinese quotation marks, with more than the
/// city in it (“世界市长对话·南京”): an event, a campaign, a slogan.
pub(super) fn in_a_quoted_name(text: &str, city: &Range<usize>) -> bool {
    let Some(inside) = to_mark(before(text, city.start).chars().rev(), '“', '”', 0) else {
        return false;
    };
    to_mark(after(text, city.end).chars(), '”', '“', inside).is_some_and(|n| n > 0)
}

/// Walks `chars` out from a city to the quotation mark `mark`, `inside` characters in
/// already: how many are inside then, or `None` at the other mark, a comma or a full stop,
/// or past [`QUOTED_NAME`].
fn to_mark(
    chars: impl Iterator<Item = char>,
    mark: char,
    other: char,
    inside: usize,
) -> Option<usize> {
    for (inside, c) in (inside..).zip(chars) {
        if c == mark {
            return Some(inside);
        }
        if c == other || "，。；！？,;!?\n".contains(c) || inside >= QUOTED_NAME {
            return None;
        }
    }
    None
}
