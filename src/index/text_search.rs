//! Plain text search as `/` in `less` does it, with smart case (case matters only when the
//! query has a capital), width folding, and pinyin: a Latin query also finds Chinese whose
//! syllables spell it (`shuangfang` finds 双方).

use std::ops::Range;

use super::pinyin_key::{PinyinKey, fold};

/// Every match of `query` in `text`, as byte ranges of `text`, in order, not overlapping.
pub fn find(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let case_sensitive = query.chars().any(char::is_uppercase);
    // Byte offset of every character, plus the end, so folded positions map back.
    let offsets: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut found: Vec<Range<usize>> = Vec::new();
    let (haystack, needle) = if case_sensitive {
        (text.to_string(), query.to_string())
    } else {
        (fold(text), fold(query))
    };
    let needle_chars = needle.chars().count();
    let mut char_at = 0;
    let mut last_byte = 0;
    for (at, _) in haystack.match_indices(&needle) {
        char_at += haystack[last_byte..at].chars().count();
        last_byte = at;
        found.push(offsets[char_at]..offsets[char_at + needle_chars]);
    }
    let latin = needle.chars().all(|c| c.is_ascii_alphabetic());
    if latin && let Some(key) = PinyinKey::new(text) {
        let needle_len = needle.chars().count();
        for (at, _) in key.full.match_indices(&needle) {
            let start = key.full[..at].chars().count();
            let end = start + needle_len - 1;
            if !key.starts_syllable(start) || !key.ends_syllable(end) {
                continue;
            }
            let chars = key.chars_of_full(&[start, end]);
            let (Some(&first), Some(&last)) = (chars.first(), chars.last()) else {
                continue;
            };
            let range = offsets[first]..offsets[last + 1];
            // Only Chinese spelled out in pinyin; Latin text was matched above.
            if !text[range.clone()].is_ascii()
                && !found
                    .iter()
                    .any(|r| r.start < range.end && range.start < r.end)
            {
                found.push(range);
            }
        }
        found.sort_by_key(|r| r.start);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        find(text, query).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn chinese_substring() {
        assert_eq!(
            shown("双方同意。双方认为,双方", "双方"),
            vec!["双方", "双方", "双方"]
        );
    }

    #[test]
    fn smart_case() {
        assert_eq!(shown("China and china", "china"), vec!["China", "china"]);
        assert_eq!(shown("China and china", "China"), vec!["China"]);
    }

    #[test]
    fn full_width_text_matches_ascii_query() {
        assert_eq!(shown("ＳＣＯ峰会", "sco"), vec!["ＳＣＯ"]);
    }

    #[test]
    fn pinyin_spells_whole_syllables() {
        assert_eq!(shown("双方同意加强合作", "shuangfang"), vec!["双方"]);
        assert!(
            find("双方同意", "uangfa").is_empty(),
            "not from the middle of a syllable"
        );
        assert_eq!(shown("中吉乌铁路和SCO", "tielu"), vec!["铁路"]);
    }
}
