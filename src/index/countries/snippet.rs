//! The sentence around a mention, shortened to fit a line, with the mention marked in it.

use std::ops::Range;

use crate::doc::sentences::after_an_abbreviation;

/// Whether the `.` at byte `at` of `text` ends a sentence: a space or the end follows it, and
/// it does not end an abbreviation ("Mr. Lula", "U.S. troops").
fn full_stop(text: &str, at: usize) -> bool {
    text[at + 1..]
        .chars()
        .next()
        .is_none_or(char::is_whitespace)
        && !after_an_abbreviation(&text[..at])
}

/// The sentence around a byte range of a block's text, shortened to about `max` characters,
/// with the range's position inside the returned snippet.
pub fn snippet(text: &str, range: Range<usize>, max: usize) -> (String, Range<usize>) {
    let is_end = |c: char| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n');
    let start = text[..range.start]
        .char_indices()
        .rev()
        .find(|&(i, c)| is_end(c) || (c == '.' && full_stop(text, i)))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[range.end..]
        .char_indices()
        .find(|&(i, c)| is_end(c) || (c == '.' && full_stop(text, range.end + i)))
        .map_or(text.len(), |(i, c)| range.end + i + c.len_utf8());
    let mut from = start;
    let mut to = end;
    // Keep about `max` characters, centred on the mention.
    let chars_before = text[from..range.start].chars().count();
    let chars_after = text[range.end..to].chars().count();
    let room = max.saturating_sub(text[range.clone()].chars().count());
    if chars_before + chars_after > room {
        let keep_before =
            chars_before.min(room / 2 + room.saturating_sub(chars_after).min(room / 2));
        let keep_after = room.saturating_sub(keep_before);
        from = text[..range.start]
            .char_indices()
            .rev()
            .nth(keep_before.saturating_sub(1))
            .map_or(from, |(i, _)| i.max(from));
        to = text[range.end..]
            .char_indices()
            .nth(keep_after)
            .map_or(to, |(i, _)| (range.end + i).min(to));
    }
    let lead = if from > start { "…" } else { "" };
    let tail = if to < end { "…" } else { "" };
    let body = text[from..to].trim_end_matches('\n');
    let snippet = format!("{lead}{}{tail}", body.trim_start());
    let trimmed = body.len() - body.trim_start().len();
    let mark_start = lead.len() + range.start - from - trimmed.min(range.start - from);
    (snippet, mark_start..mark_start + range.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_is_the_sentence_with_the_mention_marked() {
        let text = "第一句。双方同意推进中吉乌铁路建设,打造两国友谊新标杆。第三句。";
        let start = text.find("中吉乌").unwrap();
        let (s, mark) = snippet(text, start..start + "中吉乌".len(), 60);
        assert_eq!(s, "双方同意推进中吉乌铁路建设,打造两国友谊新标杆。");
        assert_eq!(&s[mark], "中吉乌");
        let long = "a".repeat(200) + " China " + &"b".repeat(200);
        let at = long.find("China").unwrap();
        let (s, mark) = snippet(&long, at..at + 5, 40);
        assert!(s.chars().count() <= 42, "{s}");
        assert_eq!(&s[mark], "China");
    }

    #[test]
    fn a_title_an_initial_or_a_decimal_point_ends_no_sentence() {
        let text = "He left. Mr. Lula met U.S. officials in Brasília and J. Smith; growth was 1.5 per cent. Then";
        let at = text.find("Brasília").unwrap();
        let (s, mark) = snippet(text, at..at + "Brasília".len(), 200);
        assert_eq!(s, "Mr. Lula met U.S. officials in Brasília and J. Smith;");
        assert_eq!(&s[mark], "Brasília");
        let text = "Growth was 1.5 per cent in China. Then";
        let at = text.find("China").unwrap();
        assert_eq!(
            snippet(text, at..at + 5, 200).0,
            "Growth was 1.5 per cent in China."
        );
    }
}
