//! A paragraph's leading number (`4.`, `1.2)`, `(3)`, `一、`, `第十五条`, `Article 7`):
//! what a renumbered edition changes without changing the paragraph.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::LazyLock;

use regex::Regex;

use super::normal_chars;

/// A leading number or label, with the spaces around it.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^\s*(?:
            第\s*[0-9０-９零〇一二三四五六七八九十百千]+\s*[条章节款项编部]
          | (?:article|section|paragraph|статья|пункт|раздел)\s*[0-9ivxlc]+\s*[.:]?
          | [(（]\s*[0-9０-９一二三四五六七八九十]+\s*[)）]
          | [0-9０-９]+(?:\.[0-9]+)*\s*[.)、:．]
          | [一二三四五六七八九十]+\s*[、.．]
        )\s*",
    )
    .expect("a valid pattern")
});

/// The text after its leading number (all of it when it has none).
pub fn without_number(text: &str) -> &str {
    NUMBER.find(text).map_or(text, |m| &text[m.end()..])
}

/// A key for a text without its leading number: two paragraphs that differ only in their
/// numbering have the same key. None when too little text is left to tell paragraphs apart.
pub fn unnumbered(text: &str) -> Option<u64> {
    let rest: String = normal_chars(without_number(text)).collect();
    if rest.chars().count() < 4 {
        return None;
    }
    let mut h = DefaultHasher::new();
    rest.hash(&mut h);
    Some(h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_of_every_style_are_found() {
        assert_eq!(without_number("4. We reaffirm"), "We reaffirm");
        assert_eq!(without_number("第十五条 国家"), "国家");
        assert_eq!(without_number("（三）加强合作"), "加强合作");
        assert_eq!(without_number("二、务实合作"), "务实合作");
        assert_eq!(without_number("Article 7: The parties"), "The parties");
        assert_eq!(without_number("Статья 12. Стороны"), "Стороны");
        assert_eq!(without_number("1.2) Scope"), "Scope");
        // A year, a figure: not a number of the paragraph.
        assert_eq!(without_number("2023年5月"), "2023年5月");
        assert_eq!(without_number("600 billion"), "600 billion");
        assert_eq!(unnumbered("4. We reaffirm"), unnumbered("5. We reaffirm"));
        assert_eq!(unnumbered("4. ok"), None);
    }
}
