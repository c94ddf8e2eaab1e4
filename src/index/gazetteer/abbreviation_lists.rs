//! Lists of one-character abbreviations, 美、英、日、德、澳等国: each names its country, though
//! alone 日 is a day and 德 a virtue. Three at least, each the abbreviation of a place, joined
//! by 、 and standing apart from the words around them. And two written together before a
//! word that says they are two countries: 德法两国, 美俄关系.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

// A Chinese character, not its punctuation: （ and 、 stand apart.
use crate::doc::markdown::is_han;

/// Characters that may stand just before a list (由美、英、法…, 与美、英、日…).
const BEFORE: &str = "由与和同对在向及从是把被让据自";

/// Characters that may follow a list (美、英、日等国, 美、英、法三国, 美、英、法各方, 美、英、法这三
/// 国); not 国 (韩国瑜 is a person; 法国 is found written out).
const AFTER: &str = "等两三四五六七八九十各诸方这此";

/// Words after two abbreviations written together that make them two countries: 德法两国,
/// 美俄关系, 日韩首脑.
const PAIRED_BY: [&str; 7] = ["两国", "关系", "双边", "首脑", "领导人", "外长", "会谈"];

/// The shortest list counted: two could be anything (日、月).
const SHORTEST: usize = 3;

/// The byte range and abbreviation of each item of every list in `text`; `is_abbreviation`
/// says whether a character is one.
pub(super) fn lists(
    text: &str,
    is_abbreviation: impl Fn(char) -> bool,
) -> Vec<(Range<usize>, char)> {
    let mut out = Vec::new();
    // Where the list found last ends: its 、 start no other.
    let mut from = 0;
    for (at, _) in text.match_indices('、') {
        if at < from {
            continue;
        }
        let Some(first) = text[..at]
            .chars()
            .next_back()
            .filter(|c| is_abbreviation(*c))
        else {
            continue;
        };
        // The longest run c、c、c… through this 、.
        let mut items = vec![(at - first.len_utf8()..at, first)];
        let mut comma = at;
        loop {
            let item = comma + '、'.len_utf8();
            let Some(c) = text[item..].chars().next().filter(|c| is_abbreviation(*c)) else {
                break;
            };
            let end = item + c.len_utf8();
            items.push((item..end, c));
            if !text[end..].starts_with('、') {
                break;
            }
            comma = end;
        }
        // The last item may begin a name written out (美、英、日、加拿大): the list ends before.
        let next = |end: usize| text[end..].chars().next();
        if items
            .last()
            .is_some_and(|(r, _)| next(r.end).is_some_and(|c| is_han(c) && !AFTER.contains(c)))
        {
            items.pop();
        }
        let before = text[..items[0].0.start].chars().next_back();
        let fits = items.len() >= SHORTEST
            && before.is_none_or(|c| !is_han(c) || BEFORE.contains(c))
            && !items
                .last()
                .is_some_and(|(r, _)| names_languages(&text[r.end..]));
        if fits {
            from = items.last().map_or(at, |(r, _)| r.end);
            out.extend(items);
        }
    }
    out
}

/// The byte range and abbreviation of each of two abbreviations written together before a
/// word that pairs them (德法两国领导人); not inside a longer word (欧美关系), not one
/// abbreviation twice.
pub(super) fn pairs(
    text: &str,
    is_abbreviation: impl Fn(char) -> bool,
) -> Vec<(Range<usize>, char)> {
    static PAIRING: OnceLock<AhoCorasick> = OnceLock::new();
    // One pass for all the words (none overlaps another), not one a word.
    let pairing = PAIRING
        .get_or_init(|| AhoCorasick::new(PAIRED_BY).expect("the pairing words are few and short"));
    let mut out = Vec::new();
    for found in pairing.find_iter(text) {
        let at = found.start();
        let mut before = text[..at].char_indices().rev();
        let (Some((j, second)), Some((i, first))) = (before.next(), before.next()) else {
            continue;
        };
        let standing = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !is_han(c) || BEFORE.contains(c));
        if first != second
            && is_abbreviation(first)
            && is_abbreviation(second)
            && standing
            && !out.iter().any(|(r, _): &(Range<usize>, char)| r.start == i)
        {
            out.push((i..j, first));
            out.push((j..at, second));
        }
    }
    out
}

/// Whether what follows a list says its items are languages: 日、英、中、韩四种语言, 中、英、法三种
/// 文字.
fn names_languages(after: &str) -> bool {
    let next: String = after.chars().take(5).collect();
    next.contains('语') || next.contains("文字") || next.contains("文版")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> String {
        lists(text, |c| "美英日德澳法俄中韩加".contains(c))
            .into_iter()
            .map(|(_, c)| c)
            .collect()
    }

    #[test]
    fn a_list_of_three_abbreviations_names_each() {
        assert_eq!(found("美、英、日、德、澳等国表示关切"), "美英日德澳");
        assert_eq!(found("由美、英、法三国提出"), "美英法");
        assert_eq!(found("（美、英、日）"), "美英日");
    }

    #[test]
    fn two_or_a_list_inside_words_name_none() {
        assert_eq!(found("日、月交替"), "");
        assert_eq!(found("美、英两国"), "");
        // 欧美 is a word: the list does not start at its 美.
        assert_eq!(found("欧美、英、日"), "");
        // Nor end in one: 日本 is written out.
        assert_eq!(found("美、英、日本"), "");
        assert_eq!(found("美、英、日和德国"), "");
        // Languages, not countries.
        assert_eq!(found("有日、英、中、韩四种语言的版本"), "");
        assert_eq!(found("用中、英、法三种文字写成"), "");
    }

    fn paired(text: &str) -> String {
        pairs(text, |c| "美英日德澳法俄中韩加".contains(c))
            .into_iter()
            .map(|(_, c)| c)
            .collect()
    }

    #[test]
    fn two_abbreviations_before_a_word_that_pairs_them_name_both() {
        assert_eq!(paired("德法两国领导人会晤"), "德法");
        assert_eq!(paired("同美俄关系"), "美俄");
        assert_eq!(paired("日韩首脑会谈"), "日韩");
        // Inside a longer word, or one abbreviation twice, or no word that pairs them.
        assert_eq!(paired("欧美关系"), "");
        assert_eq!(paired("美美关系"), "");
        assert_eq!(paired("德法的关系"), "");
        assert_eq!(paired("德法文化"), "");
    }

    #[test]
    fn a_list_ends_before_a_pronoun() {
        assert_eq!(found("美、英、法这三个国家"), "美英法");
    }

    #[test]
    fn a_list_ends_before_a_name_written_out() {
        assert_eq!(found("来自美、英、日、德、澳、加拿大、挪威"), "美英日德澳");
        assert_eq!(found("来自美、英、日、德、法国"), "美英日德");
        assert_eq!(found("来自美、英、日、德、韩国瑜"), "美英日德");
    }
}
