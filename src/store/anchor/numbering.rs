//! A paragraph's leading number (`4.`, `1.2)`, `(3)`, `一、`, `第十五条`, `Article 7`):
//! what a renumbered edition changes without changing the paragraph.

use super::normal_chars;
use std::hash::{DefaultHasher, Hash, Hasher};

pub use crate::compare::numbering::without_number;

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
