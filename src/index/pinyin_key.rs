//! Chinese text as Latin letters, so it can be found without a Chinese input method: the full
//! pinyin (上海合作 → shanghaihezuo) and the initials (shhz), with a way back from a letter to
//! the character it came from, so highlights land on the Chinese.

use pinyin::ToPinyin;

/// A text's pinyin forms. Characters without pinyin (Latin, digits, punctuation) stand for
/// themselves, lowercased.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PinyinKey {
    /// Full syllables run together: `shanghaihezuo`.
    pub full: String,
    /// One letter per character: `shhz`. Its n-th character stands for the text's n-th.
    pub initials: String,
    /// For each character of `full`, the index of the text's character it came from.
    full_to_char: Vec<u32>,
}

impl PinyinKey {
    /// The pinyin forms of `text`, or `None` when it has no character with a pinyin reading.
    pub fn new(text: &str) -> Option<PinyinKey> {
        let mut full = String::with_capacity(text.len() * 2);
        let mut initials = String::with_capacity(text.len());
        let mut full_to_char = Vec::with_capacity(text.len() * 2);
        let mut any = false;
        for (i, c) in text.chars().enumerate() {
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            match c.to_pinyin() {
                Some(p) => {
                    any = true;
                    full.push_str(p.plain());
                    full_to_char.extend(std::iter::repeat_n(index, p.plain().chars().count()));
                    initials.push_str(p.first_letter());
                }
                None => {
                    let lower = fold_char(c);
                    full.push(lower);
                    full_to_char.push(index);
                    initials.push(lower);
                }
            }
        }
        any.then_some(PinyinKey {
            full,
            initials,
            full_to_char,
        })
    }

    /// The text's character indices behind positions (character indices) of `full`.
    pub fn chars_of_full(&self, positions: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = positions
            .iter()
            .filter_map(|&p| self.full_to_char.get(p).map(|&c| c as usize))
            .collect();
        out.dedup();
        out
    }

    /// Whether a position of `full` begins a syllable (or a character with no pinyin).
    pub fn starts_syllable(&self, position: usize) -> bool {
        position == 0 || self.full_to_char.get(position) != self.full_to_char.get(position - 1)
    }

    /// The character index just past the one at `position` of `full`, if `position` ends a
    /// syllable there.
    pub fn ends_syllable(&self, position: usize) -> bool {
        position + 1 >= self.full_to_char.len()
            || self.full_to_char.get(position) != self.full_to_char.get(position + 1)
    }
}

/// Lowercases a character and turns full-width Latin letters and digits into ASCII, so that
/// `ＳＣＯ` and `２０２５` match `sco` and `2025`.
pub fn fold_char(c: char) -> char {
    // CJK ideographs, kana and hangul have no case and no width to fold: the common case.
    if ('\u{3400}'..='\u{D7FF}').contains(&c) {
        return c;
    }
    let c = match c as u32 {
        // Letters and digits only: full-width punctuation (，。：) is how Chinese is written,
        // and folding it would make nearly every Chinese paragraph need a folded copy.
        0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => {
            char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c)
        }
        0x3000 => ' ',
        _ => c,
    };
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if c.is_uppercase() {
        c.to_lowercase().next().unwrap_or(c)
    } else {
        c
    }
}

/// Folds a whole text (see [`fold_char`]); the result has one character per input character.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_and_initials() {
        let key = PinyinKey::new("上海合作组织").unwrap();
        assert_eq!(key.full, "shanghaihezuozuzhi");
        assert_eq!(key.initials, "shhzzz");
        let key = PinyinKey::new("中吉乌铁路").unwrap();
        assert_eq!(key.initials, "zjwtl");
        assert!(PinyinKey::new("SCO 2025").is_none());
    }

    #[test]
    fn positions_map_back_to_characters() {
        let key = PinyinKey::new("吉尔吉斯斯坦").unwrap();
        let start = key.full.find("jierjisi").unwrap();
        let positions: Vec<usize> = (start..start + 8).collect();
        assert_eq!(key.chars_of_full(&positions), vec![0, 1, 2, 3]);
        assert!(key.starts_syllable(start));
        assert!(key.ends_syllable(start + 7));
        assert!(!key.ends_syllable(start + 6));
    }

    #[test]
    fn mixed_text_keeps_latin() {
        let key = PinyinKey::new("上合SCO峰会").unwrap();
        assert_eq!(key.initials, "shscofh");
        assert_eq!(key.chars_of_full(&[key.full.find('s').unwrap()]), vec![0]);
    }

    #[test]
    fn width_and_case_folding() {
        assert_eq!(fold("ＳＣＯ　２０２５"), "sco 2025");
        assert_eq!(fold("Кыргызстан"), "кыргызстан");
    }
}
