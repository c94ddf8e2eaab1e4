//! Headings in documents that mark none (a Word file without heading styles, a book whose
//! chapters are styled paragraphs): found as plain text finds them, by numbering (`一、`,
//! `（一）`, `第一节`, `1.`, `Article 1`) and by a short line set in bold.

use unicode_width::UnicodeWidthStr;

use super::heading_lines::{
    TITLE_MAX_WIDTH, is_caption, is_long_title, is_numbered_clause, is_short_title,
    looks_like_title, numbered_heading_level,
};
use super::markdown::is_cjk;

/// What is known of a paragraph besides its text.
#[derive(Clone, Copy, Debug, Default)]
pub struct Look {
    /// All its text is bold.
    pub bold: bool,
    /// It is centred.
    pub centered: bool,
    /// It is the first paragraph of the document.
    pub first: bool,
}

/// The heading level of a paragraph, or `None` for text: a numbered line that is short, a
/// clause, or bold throughout; the first line, bold or centred, as the title; a short bold
/// line one level under the last numbered heading (`under`).
pub fn level(text: &str, look: Look, under: u8) -> Option<u8> {
    let text = text.trim();
    if text.is_empty() || is_caption(text) {
        return None;
    }
    if look.first && (look.bold || look.centered) && is_long_title(text) {
        return Some(1);
    }
    if let Some(level) = numbered_heading_level(text) {
        let short = is_short_title(text)
            || is_numbered_clause(text)
            || look.bold && text.width() <= TITLE_MAX_WIDTH;
        return short.then_some(level);
    }
    (look.bold && is_short_title(text) && looks_like_title(text)).then_some((under + 1).clamp(2, 6))
}

/// Whether a paragraph's numbering makes it a heading of its own level (which the bold
/// lines after it stand under).
pub fn is_numbered(text: &str) -> bool {
    numbered_heading_level(text.trim()).is_some()
}

/// A title as a reader types it: ideographic spaces set between its characters for looks
/// (`总　纲`) go, and those after a numbered label (`第一章　总纲`) become one space.
pub fn tidy_title(text: &str) -> String {
    let text = text.trim_matches(|c: char| c.is_whitespace());
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{3000}' {
            out.push(c);
            continue;
        }
        while chars.peek() == Some(&'\u{3000}') {
            chars.next();
        }
        let before = out.chars().last();
        let after = chars.peek().copied();
        let label_ends = before.is_some_and(|b| "章节条编部篇、".contains(b))
            && numbered_heading_level(&out).is_some()
            || before.is_some_and(|b| !is_cjk(b));
        match (before, after) {
            (Some(b), Some(a)) if is_cjk(b) && is_cjk(a) && !label_ends => {}
            _ => out.push(' '),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_short_and_bold_lines_are_headings() {
        let plain = Look::default();
        let bold = Look {
            bold: true,
            ..Look::default()
        };
        assert_eq!(level("一、2024年工作回顾", plain, 1), Some(2));
        assert_eq!(level("第一节　全国人民代表大会", plain, 1), Some(3));
        assert_eq!(
            level(
                "第五十七条　中华人民共和国全国人民代表大会是最高国家权力机关。",
                plain,
                1
            ),
            None
        );
        assert_eq!(
            level(
                "一是针对性出台系列稳增长举措。认真落实国家宏观调控政策。",
                bold,
                1
            ),
            None
        );
        assert_eq!(level("健全经济高质量发展体制机制", bold, 3), Some(4));
        assert_eq!(level("健全经济高质量发展体制机制", plain, 3), None);
        let title = Look {
            centered: true,
            first: true,
            ..Look::default()
        };
        assert_eq!(level("2025年北京市政府工作报告", title, 1), Some(1));
    }

    #[test]
    fn ideographic_spaces_in_titles() {
        assert_eq!(tidy_title("序　言"), "序言");
        assert_eq!(tidy_title("第一章　总　纲"), "第一章 总纲");
        assert_eq!(
            tidy_title("第四章　国旗、国歌、国徽、首都"),
            "第四章 国旗、国歌、国徽、首都"
        );
        assert_eq!(tidy_title("　　Preamble"), "Preamble");
    }
}
