//! Where a paragraph's sentences begin and end: after `。！？；!?`, or after `.` and a space
//! (a paragraph's own number, `4.`, is no sentence), with closing quotes kept.

use std::ops::Range;

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
            || (c == '.' && chars.peek().is_none_or(|(_, n)| n.is_whitespace()) && !number());
        if end_here {
            // Closing quotes and brackets belong to the sentence they close.
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = chars.peek() {
                if matches!(n, '”' | '’' | '」' | '』' | ')' | '）' | '"') {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
