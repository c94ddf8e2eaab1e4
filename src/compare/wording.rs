//! The difference between two wordings of a passage, as a reader marks it up: the words
//! (for Chinese and Japanese, the characters) deleted and inserted, with the rest unchanged.

use similar::{Algorithm, ChangeTag, capture_diff_slices};

/// What a piece of a compared wording is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// In both wordings.
    Same,
    /// Only in the old wording.
    Deleted,
    /// Only in the new wording.
    Inserted,
}

/// A run of text of one kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Unchanged, deleted or inserted.
    pub kind: Kind,
    /// The text.
    pub text: String,
}

/// Whether a character is written without spaces between words (Han, kana, Hangul), so a
/// change is measured character by character.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // kana
        | 0x3400..=0x4DBF    // Han extension A
        | 0x4E00..=0x9FFF    // Han
        | 0xAC00..=0xD7AF    // Hangul
        | 0xF900..=0xFAFF    // Han compatibility
        | 0x20000..=0x3134F) // Han extensions B–G
}

/// Whether a character is a Chinese numeral (`七十`, `一万零五`): a run of them is one
/// number, compared whole.
pub fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
            | '两'
    )
}

/// The units a wording is compared in: a word with its letters and digits (a number with
/// its decimal point or thousands separator, `5.2`, `1,000`), a run of Chinese numerals, a
/// CJK character, a run of spaces, or one other character (punctuation).
pub fn units(text: &str) -> Vec<&str> {
    #[derive(Clone, Copy, PartialEq)]
    enum Class {
        Word,
        Numeral,
        Space,
        Other,
    }
    let class = |c: char| {
        if c.is_whitespace() {
            Class::Space
        } else if is_chinese_numeral(c) {
            Class::Numeral
        } else if c.is_ascii_alphanumeric() || (!is_cjk(c) && c.is_alphanumeric()) {
            Class::Word
        } else {
            Class::Other
        }
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut run: Option<(usize, Class)> = None;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let mut kind = class(c);
        // `5.2`, `1,000`: the mark between two digits is part of the number.
        let between_digits = matches!(c, '.' | ',')
            && k > 0
            && chars[k - 1].1.is_ascii_digit()
            && chars.get(k + 1).is_some_and(|n| n.1.is_ascii_digit());
        if between_digits && run.is_some_and(|(_, r)| r == Class::Word) {
            kind = Class::Word;
        }
        match run {
            Some((_, r)) if r == kind && kind != Class::Other => continue,
            Some((start, _)) => out.push(&text[start..i]),
            None => {}
        }
        run = Some((i, kind));
    }
    if let Some((start, _)) = run {
        out.push(&text[start..]);
    }
    out
}

/// Adds a run of text to the pieces: to the last one when it is of the same kind.
pub fn push_piece(out: &mut Vec<Piece>, kind: Kind, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => out.push(Piece {
            kind,
            text: text.to_string(),
        }),
    }
}

/// The difference between an old and a new wording, in order: unchanged, deleted and
/// inserted runs (a replaced stretch is its deletion, then its insertion). An unchanged
/// space, mark or short word between two changes is taken into them, so a reworded clause
/// reads as one change rather than a word-by-word weave.
pub fn diff(old: &str, new: &str) -> Vec<Piece> {
    merged(raw_diff(old, new))
}

/// The difference between two wordings in what they say: a change of spacing, of the
/// width of a mark or of a quote style is no change (the new wording's form is shown).
pub fn diff_in_substance(old: &str, new: &str) -> Vec<Piece> {
    let (a, b) = (tokens(old), tokens(new));
    let key = |t: &&str| super::substance::substance(t);
    let (ka, kb): (Vec<String>, Vec<String>) =
        (a.iter().map(key).collect(), b.iter().map(key).collect());
    let ops = capture_diff_slices(Algorithm::Patience, &ka, &kb);
    let mut out: Vec<Piece> = Vec::new();
    let mut push = |kind: Kind, text: &str| push_piece(&mut out, kind, text);
    for op in &ops {
        let (_, old_range, new_range) = op.as_tag_tuple();
        match op.tag() {
            similar::DiffTag::Equal => new_range.for_each(|j| push(Kind::Same, b[j])),
            _ => {
                old_range.for_each(|i| push(Kind::Deleted, a[i]));
                new_range.for_each(|j| push(Kind::Inserted, b[j]));
            }
        }
    }
    merged(out)
}

/// A wording's units (see [`units`]) with the spaces after each taken into it; spaces
/// before the first unit make a token of their own.
fn tokens(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut start: Option<usize> = None;
    let mut at = 0;
    for unit in units(text) {
        let spaces = unit.chars().all(char::is_whitespace);
        if !spaces {
            if let Some(s) = start {
                out.push(&text[s..at]);
            }
            start = Some(at);
        } else if start.is_none() {
            out.push(unit);
        }
        at += unit.len();
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// The difference as the diff algorithm gives it, run by run. The units the wordings begin
/// and end with alike are set aside first, so a paragraph changed in one place (a
/// renumbered article, a word replaced) costs no more than that place.
fn raw_diff(old: &str, new: &str) -> Vec<Piece> {
    let (a, b) = (units(old), units(new));
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut out: Vec<Piece> = Vec::new();
    let mut push = |kind: Kind, text: &str| push_piece(&mut out, kind, text);
    a[..head].iter().for_each(|u| push(Kind::Same, u));
    if ma.is_empty() || mb.is_empty() || (ma.len() == 1 && mb.len() == 1) {
        ma.iter().for_each(|u| push(Kind::Deleted, u));
        mb.iter().for_each(|u| push(Kind::Inserted, u));
    } else {
        for op in &capture_diff_slices(Algorithm::Patience, ma, mb) {
            for change in op.iter_changes(ma, mb) {
                let kind = match change.tag() {
                    ChangeTag::Equal => Kind::Same,
                    ChangeTag::Delete => Kind::Deleted,
                    ChangeTag::Insert => Kind::Inserted,
                };
                push(kind, change.value());
            }
        }
    }
    a[a.len() - tail..].iter().for_each(|u| push(Kind::Same, u));
    out
}

/// Whether an unchanged run is too slight to stand between two changes: spaces, marks, or
/// one word of up to four letters (one character, for CJK).
fn slight(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphanumeric()).collect();
    let one_word = text.split_whitespace().count() <= 1;
    letters.len() <= 1 || (one_word && letters.len() <= 4 && !letters.iter().any(|&c| is_cjk(c)))
}

/// Takes slight unchanged runs between changes into the changes around them, and puts
/// each stretch's deletion before its insertion.
fn merged(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let flush = |out: &mut Vec<Piece>, deleted: &mut String, inserted: &mut String| {
        for (kind, text) in [(Kind::Deleted, deleted), (Kind::Inserted, inserted)] {
            if !text.is_empty() {
                out.push(Piece {
                    kind,
                    text: std::mem::take(text),
                });
            }
        }
    };
    for (i, p) in pieces.iter().enumerate() {
        match p.kind {
            Kind::Deleted => deleted.push_str(&p.text),
            Kind::Inserted => inserted.push_str(&p.text),
            Kind::Same => {
                let inside = !(deleted.is_empty() && inserted.is_empty())
                    && pieces[i + 1..]
                        .first()
                        .is_some_and(|n| n.kind != Kind::Same);
                if inside && slight(&p.text) {
                    deleted.push_str(&p.text);
                    inserted.push_str(&p.text);
                } else {
                    flush(&mut out, &mut deleted, &mut inserted);
                    out.push(p.clone());
                }
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

/// The share of the new wording left unchanged: below about a half, a difference marked
/// word by word reads worse than the two wordings one after the other.
pub fn kept(pieces: &[Piece]) -> f64 {
    let count = |k: Kind| -> usize {
        pieces
            .iter()
            .filter(|p| p.kind == k)
            .map(|p| p.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum()
    };
    let (same, inserted) = (count(Kind::Same), count(Kind::Inserted));
    if same + inserted == 0 {
        1.0
    } else {
        same as f64 / (same + inserted) as f64
    }
}

/// The difference with long unchanged stretches shortened to about `context` characters on
/// each side of a change (`…` where text was left out), for a view of a few lines.
pub fn compact(pieces: &[Piece], context: usize) -> Vec<Piece> {
    let last = pieces.len().saturating_sub(1);
    pieces
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let chars: Vec<char> = p.text.chars().collect();
            if p.kind != Kind::Same || chars.len() <= 2 * context + 1 {
                return p.clone();
            }
            let head: String = chars[..context].iter().collect();
            let tail: String = chars[chars.len() - context..].iter().collect();
            let text = match (i == 0, i == last) {
                (true, true) => p.text.clone(),
                (true, false) => format!("…{tail}"),
                (false, true) => format!("{head}…"),
                (false, false) => format!("{head} … {tail}"),
            };
            Piece {
                kind: Kind::Same,
                text,
            }
        })
        .collect()
}

/// The difference written out with markers, where neither colour nor styles can show it:
/// `[-deleted-]{+inserted+}`.
pub fn marked(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for p in pieces {
        match p.kind {
            Kind::Same => out.push_str(&p.text),
            Kind::Deleted => {
                out.push_str("[-");
                out.push_str(&p.text);
                out.push_str("-]");
            }
            Kind::Inserted => {
                out.push_str("{+");
                out.push_str(&p.text);
                out.push_str("+}");
            }
        }
    }
    out
}

/// Whether two wordings differ only in spaces.
pub fn same_words(old: &str, new: &str) -> bool {
    old.split_whitespace().eq(new.split_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(pieces: &[Piece], keep: Kind) -> String {
        pieces
            .iter()
            .filter(|p| p.kind == Kind::Same || p.kind == keep)
            .map(|p| p.text.as_str())
            .collect()
    }

    #[test]
    fn latin_text_is_compared_word_by_word() {
        let old = "We support a free and open Indo-Pacific.";
        let new = "We strongly support a free, open Indo-Pacific.";
        let pieces = diff(old, new);
        assert_eq!(joined(&pieces, Kind::Deleted), old);
        assert_eq!(joined(&pieces, Kind::Inserted), new);
        assert_eq!(
            marked(&pieces),
            "We {+strongly +}support a free[- and-]{+,+} open Indo-Pacific."
        );
    }

    #[test]
    fn long_unchanged_stretches_are_shortened_around_the_changes() {
        let old = format!("{} old words {}", "a".repeat(100), "b".repeat(100));
        let new = format!("{} new words {}", "a".repeat(100), "b".repeat(100));
        let short = compact(&diff(&old, &new), 10);
        // Ten characters each side: the nine a's and the space, the space, "words" and three b's.
        assert_eq!(
            marked(&short),
            format!("…{} [-old-]{{+new+}} words bbb…", "a".repeat(9))
        );
    }

    #[test]
    fn a_reworded_clause_reads_as_one_change() {
        let pieces = diff(
            "We reiterate the importance of",
            "The Indo-Pacific must remain",
        );
        assert_eq!(
            marked(&pieces),
            "[-We reiterate the importance of-]{+The Indo-Pacific must remain+}"
        );
        assert!(kept(&pieces) < 0.5);
        let light = diff(
            "the rule of law and the peaceful resolution of disputes",
            "the rule of law and the peaceful settlement of disputes",
        );
        assert!(kept(&light) > 0.5);
    }

    #[test]
    fn chinese_is_compared_character_by_character() {
        let old = "双方同意推进中吉乌铁路建设。";
        let new = "双方一致同意加快推进中吉乌铁路建设。";
        let pieces = diff(old, new);
        assert_eq!(joined(&pieces, Kind::Deleted), old);
        assert_eq!(joined(&pieces, Kind::Inserted), new);
        assert_eq!(
            marked(&pieces),
            "双方{+一致+}同意{+加快+}推进中吉乌铁路建设。"
        );
    }

    #[test]
    fn units_split_words_characters_spaces_and_marks() {
        assert_eq!(
            units("G7 leaders, 中方  met"),
            vec!["G7", " ", "leaders", ",", " ", "中", "方", "  ", "met"]
        );
        assert_eq!(
            units("第七十条 5.2%"),
            vec!["第", "七十", "条", " ", "5.2", "%"]
        );
        assert_eq!(
            units("Россия и Китай"),
            vec!["Россия", " ", "и", " ", "Китай"]
        );
        assert!(units("").is_empty());
    }

    #[test]
    fn a_change_of_form_is_no_change_of_substance() {
        let old = "《关于修改<中华人民共和国对外贸易法>的决定》加快中吉乌铁路建设";
        let new = "《关于修改〈中华人民共和国对外贸易法〉的决定》推进中吉乌铁路建设";
        let pieces = diff_in_substance(old, new);
        assert_eq!(
            marked(&pieces),
            "《关于修改〈中华人民共和国对外贸易法〉的决定》[-加快-]{+推进+}中吉乌铁路建设"
        );
        assert_eq!(joined(&pieces, Kind::Inserted), new);
        let wrapped = diff_in_substance(
            "The two leaders affirmed\nthe need for good.",
            "The two  leaders affirmed the need for all.",
        );
        assert_eq!(
            marked(&wrapped),
            "The two  leaders affirmed the need for [-good-]{+all+}."
        );
    }

    #[test]
    fn same_words_ignores_spacing_only() {
        assert!(same_words("a  b\nc", "a b c"));
        assert!(!same_words("a b", "a c"));
    }
}
