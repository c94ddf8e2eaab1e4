//! What a wording says, apart from how it is set: the form a text is compared in, so that
//! re-wrapping, spacing, full-width or half-width punctuation and quote styles are not
//! changes.

use super::wording::is_cjk;

/// One character as compared: full-width forms as their half-width ones, every quote as
/// `"` or `'`, every dash as `-`, the ideographic full stop as `.`; `None` for characters
/// that are only there to set the text (zero-width spaces, soft hyphens).
pub fn fold(c: char) -> Option<char> {
    Some(match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        0x3000 => ' ',
        0x200B..=0x200D | 0x2060 | 0xFEFF | 0x00AD => return None,
        _ => match c {
            '“' | '”' | '„' | '‟' | '«' | '»' | '「' | '」' | '″' => '"',
            '‘' | '’' | '‚' | '‛' | '『' | '』' | '′' => '\'',
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '－' | '−' => '-',
            '\u{3008}' | '\u{2329}' | '‹' | '⟨' => '<',
            '\u{3009}' | '\u{232A}' | '›' | '⟩' => '>',
            '。' | '｡' => '.',
            '…' => '.',
            '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' => ' ',
            _ => c,
        },
    })
}

/// Whether a space between these two characters is part of what the text says: only
/// between two letters or digits of a spaced script (`in force`, `3 May`). Around CJK and
/// punctuation it is setting.
fn space_counts(before: char, after: char) -> bool {
    let spaced = |c: char| c.is_alphanumeric() && !is_cjk(c);
    spaced(before) && spaced(after)
}

/// The text as compared: characters folded (see [`fold`]), spaces kept only between two
/// words and then as one space, an ellipsis as one mark.
pub fn substance(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut last: Option<char> = None;
    // Han characters and ASCII letters are what most text is made of: runs of them are
    // taken as they are.
    let plain = |c: char| matches!(c as u32, 0x4E00..=0x9FFF) || c.is_ascii_alphanumeric();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if plain(c) {
            if pending_space && last.is_some_and(|b| space_counts(b, c)) {
                out.push(' ');
            }
            pending_space = false;
            let (mut end, mut final_char) = (at + c.len_utf8(), c);
            while let Some(&(i, d)) = chars.peek() {
                if !plain(d) {
                    break;
                }
                (end, final_char) = (i + d.len_utf8(), d);
                chars.next();
            }
            out.push_str(&text[at..end]);
            last = Some(final_char);
            continue;
        }
        let Some(c) = fold(c) else {
            continue;
        };
        if c.is_whitespace() {
            pending_space = last.is_some();
            continue;
        }
        if c == '.' && last == Some('.') {
            // `…`, `...` and `。。。` read alike.
            continue;
        }
        if pending_space && last.is_some_and(|b| space_counts(b, c)) {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
        last = Some(c);
    }
    out
}

/// A hash of a text, the same in every run (a quality 64-bit hash, several times faster on
/// text than the standard library's).
pub fn hashed(text: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0x6272_6965_6620_6466).hash_one(text)
}

/// A small fingerprint of a text's substance: its pairs of neighbouring tokens (words of a
/// spaced script, single CJK characters and marks), sorted, for a likeness measured in one
/// pass. Words rather than letters, so two English paragraphs on different subjects do not
/// look alike for sharing "th" and "he".
pub fn pairs(substance: &str) -> Vec<u64> {
    let tokens: Vec<u64> = super::wording::units(substance)
        .into_iter()
        .filter(|u| !u.trim().is_empty())
        .map(hashed)
        .collect();
    let mut out: Vec<u64> = tokens
        .windows(2)
        .map(|w| w[0].rotate_left(17) ^ w[1])
        .collect();
    if out.is_empty() {
        out.extend(tokens.first());
    }
    out.sort_unstable();
    out
}

/// How alike two texts are, 0 to 1 (the Dice coefficient of their character pairs).
pub fn likeness(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setting_is_not_substance() {
        // Spaces inside a heading, an ideographic space at the end, bracket styles.
        assert_eq!(substance("第一编 总 则"), substance("第一编 总则"));
        assert_eq!(substance("会议修订　"), substance("会议修订"));
        assert_eq!(
            substance("《关于修改<中华人民共和国民事诉讼法>的决定》"),
            substance("《关于修改〈中华人民共和国民事诉讼法〉的决定》")
        );
        // Width of punctuation and quote styles.
        assert_eq!(
            substance("双方（中方）同意：合作"),
            substance("双方(中方)同意:合作")
        );
        assert_eq!(substance("“一带一路”"), substance("\"一带一路\""));
        assert_eq!(
            substance("the “rule” of law"),
            substance("the \"rule\"  of\nlaw")
        );
        assert_eq!(substance("wait…"), substance("wait..."));
    }

    #[test]
    fn words_and_their_spaces_are_substance() {
        assert_ne!(substance("can not"), substance("cannot"));
        assert_ne!(
            substance("for the good of all"),
            substance("for good for all")
        );
        assert_ne!(substance("加快建设"), substance("推进建设"));
        assert_eq!(substance("  in\n force "), "in force");
    }

    #[test]
    fn likeness_measures_shared_pairs() {
        let a = pairs(&substance("双方同意推进中吉乌铁路建设"));
        let b = pairs(&substance("双方一致同意加快推进中吉乌铁路建设"));
        let c = pairs(&substance("The weather in Lima was fine"));
        assert!(likeness(&a, &b) > 0.7);
        assert!(likeness(&a, &c) < 0.1);
        assert_eq!(likeness(&a, &a), 1.0);
    }
}
