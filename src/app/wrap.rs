//! Line breaking at a display width. Break opportunities come from the Unicode line breaking
//! algorithm (UAX #14), so CJK text breaks between characters but never before closing
//! punctuation (`。` `,` `」` `)`), and Latin text breaks at spaces. A CJK character is two
//! cells wide and is never cut in half.

use unicode_linebreak::{BreakOpportunity, linebreaks};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Byte ranges of `text`, one per line, each at most `width` cells wide (trailing spaces
/// excluded). A `\n` in the text always ends a line.
///
/// ```
/// use brief::app::wrap::wrap;
/// let text = "上海合作组织成员国。";
/// let lines: Vec<&str> = wrap(text, 8).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(lines, ["上海合作", "组织成员", "国。"]);
/// ```
pub fn wrap(text: &str, width: usize) -> Vec<std::ops::Range<usize>> {
    let width = width.max(2);
    let mut lines = Vec::new();
    let mut line_start = 0;
    let mut line_width = 0;
    let mut seg_start = 0;
    for (brk, kind) in linebreaks(text) {
        let segment = &text[seg_start..brk];
        let visible = segment.trim_end_matches(['\n', ' ', '\r']);
        let seg_width = visible.width();
        if line_width + seg_width > width && line_width > 0 {
            lines.push(line_start..seg_start);
            line_start = seg_start;
            line_width = 0;
        }
        if seg_width > width {
            // One unbreakable run wider than the line: cut it between graphemes.
            // Graphemes of the run placed on the current line: (offset, width, closing).
            let mut placed: Vec<(usize, usize, bool)> = Vec::new();
            for (offset, grapheme) in visible.grapheme_indices(true) {
                let w = grapheme.width();
                let at = seg_start + offset;
                let closing = is_closing(grapheme);
                if line_width + w > width && line_width > 0 {
                    // Break before the last character that is not closing punctuation, so
                    // the new line does not start with it; if there is none, break here.
                    let back = if closing {
                        placed.iter().rposition(|&(o, _, c)| !c && o > line_start)
                    } else {
                        None
                    };
                    match back {
                        Some(k) => {
                            let carried = placed.split_off(k);
                            lines.push(line_start..carried[0].0);
                            line_start = carried[0].0;
                            line_width = carried.iter().map(|p| p.1).sum();
                            placed = carried;
                        }
                        None => {
                            lines.push(line_start..at);
                            line_start = at;
                            line_width = 0;
                            placed.clear();
                        }
                    }
                }
                line_width += w;
                placed.push((at, w, closing));
            }
            line_width += segment[visible.len()..].trim_end_matches('\n').width();
        } else {
            line_width += segment.trim_end_matches('\n').width();
        }
        seg_start = brk;
        if kind == BreakOpportunity::Mandatory && segment.ends_with('\n') {
            lines.push(line_start..brk);
            line_start = brk;
            line_width = 0;
        }
    }
    if line_start < text.len() || lines.is_empty() {
        lines.push(line_start..text.len());
    }
    lines
        .into_iter()
        .map(|r| {
            let s = &text[r.clone()];
            let trimmed = s.trim_end_matches(['\n', ' ', '\r']);
            r.start..r.start + trimmed.len()
        })
        .collect()
}

/// Punctuation that must not begin a line.
fn is_closing(grapheme: &str) -> bool {
    grapheme
        .chars()
        .next()
        .is_some_and(|c| "。，,、；;：:？?！!」』）)】》〉”’…".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn latin_breaks_at_spaces() {
        assert_eq!(
            lines("the quick brown fox jumps", 10),
            vec!["the quick", "brown fox", "jumps"]
        );
    }

    #[test]
    fn cjk_is_two_cells_and_breaks_between_characters() {
        let l = lines("上海合作组织成员国政府首脑", 10);
        assert_eq!(l, vec!["上海合作组", "织成员国政", "府首脑"]);
        for line in &l {
            assert!(line.width() <= 10);
        }
    }

    #[test]
    fn wide_character_is_never_cut_on_an_odd_width() {
        let l = lines("上海合作组织", 5);
        assert_eq!(l, vec!["上海", "合作", "组织"]);
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        let text = "各代表团团长强调,成员国将坚定维护开放。透明、公正、包容「合作」)。";
        for width in 8..60 {
            for line in lines(text, width).iter().skip(1) {
                let first = line.chars().next().unwrap();
                assert!(
                    !"。,、;:?!」』)）".contains(first),
                    "width {width}: line starts with {first}: {:?}",
                    lines(text, width)
                );
            }
        }
    }

    #[test]
    fn newline_forces_a_break() {
        assert_eq!(lines("one\ntwo three", 20), vec!["one", "two three"]);
    }

    #[test]
    fn very_long_unbreakable_run_is_cut() {
        let long = "x".repeat(10_000);
        let l = lines(&long, 80);
        assert_eq!(l.len(), 125);
        assert!(l.iter().all(|s| s.len() == 80));
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(lines("", 10), vec![""]);
    }
}
