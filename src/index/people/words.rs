//! The words of English or Russian text, with where each is and whether punctuation ends it,
//! and what the finders of people ask of a word: whether it is capitalised, whether it names a
//! place.

use std::ops::Range;

use crate::index::gazetteer::Gazetteer;

/// One word of the text with its byte range.
pub(super) struct Word<'t> {
    pub(super) text: &'t str,
    pub(super) range: Range<usize>,
    /// Whether punctuation (a comma, a full stop, a possessive) ends it, so a name cannot go
    /// on past it.
    pub(super) closes: bool,
}

/// The words of `text`: letters, digits, hyphens and apostrophes; a possessive loses its
/// `'s`, and with `initials` an initial keeps its dot (S. Jaishankar). Russian text goes
/// without: Ван И. ends a sentence.
pub(super) fn words(text: &str, initials: bool) -> Vec<Word<'_>> {
    let is_word_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’');
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        let mut start = start;
        // "then-External Affairs Minister", "ex-President": the office, not its time.
        for prefix in ["then-", "ex-", "former-"] {
            if text[start..end].starts_with(prefix)
                && text[start + prefix.len()..end].starts_with(char::is_uppercase)
            {
                start += prefix.len();
            }
        }
        let mut word = &text[start..end];
        if initials && text[end..].starts_with('.') && word.chars().count() == 1 && c.is_uppercase()
        {
            end += 1;
            word = &text[start..end];
            chars.next();
        }
        let bare = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word)
            .trim_end_matches(['\'', '’']);
        let closes = bare.len() < word.len()
            || text[end..]
                .chars()
                .next()
                .is_some_and(|n| !n.is_whitespace());
        out.push(Word {
            text: bare,
            range: start..start + bare.len(),
            closes,
        });
    }
    out
}

/// Whether a word begins with a capital letter.
pub(super) fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word, whole, names a place (Russia, Chinese, России).
pub(super) fn is_place(word: &str, gazetteer: &Gazetteer) -> bool {
    gazetteer
        .find(word)
        .iter()
        .any(|h| h.range.start == 0 && h.range.end == word.len())
}
