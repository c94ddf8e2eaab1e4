//! Where a paragraph's sentences begin and end: after `。！？；!?`, or after `.` and a space
//! (a paragraph's own number, `4.`, is no sentence, and `Mr.`, `Dr.`, an initial or `U.S.`
//! end none), with closing quotes kept; and sentences
//! put back together as they are written: no space after a full-width `。！？`, one between
//! Latin sentences.

use std::ops::Range;

use super::markdown::is_cjk;

/// Closing quotes and brackets, which belong to the sentence they close.
fn closes(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | ')' | '）' | '"')
}

/// Abbreviations a full stop ends that seldom end a sentence: titles before a name
/// ("Mr. Lula"), and words before a number ("No. 5", "Art. 12").
const ABBREVIATIONS: [&str; 24] = [
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Sen", "Rep", "Gov", "Col", "Lt", "Capt", "Maj",
    "Sgt", "Adm", "Amb", "Hon", "Rev", "Jr", "Sr", "No", "Art", "vs",
];

/// Whether the full stop at the end of `before` ends a word that is an abbreviation: one of
/// [`ABBREVIATIONS`], an initial ("J. Smith"), or letters each followed by a stop ("U.S.").
pub fn after_an_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || "([{\"“‘".contains(c))
        .next()
        .unwrap_or("");
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    let mut letters = word.split('.');
    letters.clone().count() <= 4
        && letters.all(|l| {
            let mut cs = l.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()
        })
}

/// Byte ranges of the sentences of a text: each ends after `。！？；!?` or `. `.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // A paragraph's number (`4.`) is no sentence of its own.
        let number = || {
            let so_far = text[start..i].trim();
            !so_far.is_empty() && so_far.chars().all(|c| c.is_ascii_digit())
        };
        let end_here = matches!(c, '。' | '！' | '？' | '；' | '!' | '?')
            || (c == '.'
                && chars.peek().is_none_or(|(_, n)| n.is_whitespace())
                && !number()
                && !after_an_abbreviation(&text[start..i]));
        if end_here {
            // Closing quotes and brackets belong to the sentence they close.
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = chars.peek() {
                if closes(n) {
                    end = j + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if !text[start..end].trim().is_empty() {
                out.push(start..end);
            }
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(start..text.len());
    }
    out.into_iter()
        .map(|r| {
            let s = &text[r.clone()];
            let lead = s.len() - s.trim_start().len();
            r.start + lead..r.end
        })
        .collect()
}

/// A paragraph's sentences on one line, joined as the language writes them, and where each
/// sentence lies in that line. Where the text has space between two sentences, one space is
/// kept, unless the first ends in full-width punctuation (`。！？；`, before any closing quote)
/// or the two meet in Chinese, Japanese or Korean characters: a line break or a stray space
/// in a Chinese paragraph is not part of its wording.
pub fn joined(text: &str) -> (String, Vec<Range<usize>>) {
    let mut line = String::with_capacity(text.len());
    let mut ranges = Vec::new();
    let mut before: Option<Range<usize>> = None;
    for r in sentences(text) {
        if let Some(b) = before {
            let between = &text[b.end..r.start];
            if !between.trim().is_empty() {
                line.push_str(between);
            } else if !between.is_empty() && spaced(&text[b], &text[r.clone()]) {
                line.push(' ');
            }
        }
        let start = line.len();
        line.push_str(text[r.clone()].trim_end());
        ranges.push(start..line.len());
        before = Some(r);
    }
    (line, ranges)
}

/// Whether two sentences the text spaces apart keep a space between them.
fn spaced(first: &str, next: &str) -> bool {
    let mut ends = first.trim_end().chars().rev().skip_while(|&c| closes(c));
    let Some(last) = ends.next() else {
        return true;
    };
    // `。！？；` and the other full-width forms need no space after them.
    if is_cjk(last) {
        return false;
    }
    // `台湾问题! 这一`: a half-width mark between Chinese words.
    let word_before = ends
        .next()
        .filter(|_| matches!(last, '!' | '?' | ';' | '.'));
    let opens = |c: char| matches!(c, '“' | '‘' | '「' | '『' | '(' | '（' | '"');
    let first_after = next.trim_start().chars().find(|&c| !opens(c));
    !(word_before.is_some_and(is_cjk) && first_after.is_some_and(is_cjk))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined_text(text: &str) -> String {
        let (line, ranges) = joined(text);
        // Each range is one sentence of the line.
        let parts: Vec<&str> = ranges.iter().map(|r| &line[r.clone()]).collect();
        let again: Vec<String> = sentences(text)
            .into_iter()
            .map(|r| text[r].trim_end().to_string())
            .collect();
        assert_eq!(parts, again);
        line
    }

    #[test]
    fn chinese_sentences_are_joined_without_a_space() {
        let text = "暗示可能武力介入台湾问题。 这一鲁莽的谬论极为罕见！\n绝对不可以被原谅。";
        assert_eq!(
            joined_text(text),
            "暗示可能武力介入台湾问题。这一鲁莽的谬论极为罕见！绝对不可以被原谅。"
        );
        // A closing quote after the full stop, and an opening one after it.
        let text = "“开罗宣言之条件必将实施。” “台湾是中国的一部分。”";
        assert_eq!(
            joined_text(text),
            "“开罗宣言之条件必将实施。”“台湾是中国的一部分。”"
        );
        // A half-width mark between Chinese words.
        assert_eq!(joined_text("台湾问题! 这一"), "台湾问题!这一");
    }

    #[test]
    fn latin_sentences_keep_the_space_between_them() {
        let text = "The leaders met.  They agreed!\nIt was done? Yes.";
        assert_eq!(
            joined_text(text),
            "The leaders met. They agreed! It was done? Yes."
        );
        let text = "Ministers met in Moscow. They spoke of Taiwan.";
        assert_eq!(joined_text(text), text);
    }

    #[test]
    fn mixed_sentences_are_spaced_as_their_languages_are() {
        let text = "双方同意。 The leaders met. 吉方愿意合作。 They agreed. “好”. Then";
        assert_eq!(
            joined_text(text),
            "双方同意。The leaders met. 吉方愿意合作。They agreed. “好”. Then"
        );
        // Written together, they stay together.
        assert_eq!(
            joined_text("双方同意。They agreed."),
            "双方同意。They agreed."
        );
    }

    #[test]
    fn a_paragraph_number_belongs_to_its_first_sentence() {
        let text = "4. We once again condemn the war. We reaffirm our support.";
        let parts: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            vec![
                "4. We once again condemn the war.",
                "We reaffirm our support."
            ]
        );
    }

    #[test]
    fn sentences_split_at_final_punctuation() {
        let text = "双方同意。“好邻居、无价宝。”吉方愿意 The leaders met. They agreed";
        let parts: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            vec![
                "双方同意。",
                "“好邻居、无价宝。”",
                "吉方愿意 The leaders met.",
                "They agreed"
            ]
        );
    }

    #[test]
    fn titles_initials_and_abbreviated_countries_end_no_sentence() {
        let text = "Mr. Lula met Dr. J. Smith and U.S. officials. They agreed (No. 5 stands).";
        let parts: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            vec![
                "Mr. Lula met Dr. J. Smith and U.S. officials.",
                "They agreed (No. 5 stands)."
            ]
        );
    }
}
