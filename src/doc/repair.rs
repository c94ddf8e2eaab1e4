//! Page-layout repair. Newspaper text often has a paragraph split mid-sentence by a page or
//! column break (`…专门工作组开` / `展工作。`); this rejoins such halves when the join is safe,
//! and turns continuation markers such as `(下转第七版)` into dim markers.

use super::{Block, BlockKind, Draft, SpanStyle};
use crate::doc::heading_lines::numbered_heading_level;

/// The shortest first half worth rejoining: shorter lines are more likely titles or labels.
const MIN_FIRST_HALF_CHARS: usize = 10;

/// Marks continuation markers and rejoins paragraphs split by a page or column break.
/// The list is worked on in place: a long document's list is not held twice.
pub fn repair(mut blocks: Vec<Block>) -> Vec<Block> {
    let mut kept = 0;
    for i in 0..blocks.len() {
        if blocks[i].kind == BlockKind::Paragraph && is_continuation_marker(blocks[i].text()) {
            blocks[i].kind = BlockKind::Marker;
        }
        if kept > 0
            && let Some(separator) = join_separator(&blocks[kept - 1], &blocks[i])
        {
            // A joined paragraph is written anew, with a text of its own.
            let mut joined = Draft::of(&blocks[kept - 1]);
            joined.push_text(separator, SpanStyle::default());
            joined.append(&blocks[i]);
            blocks[kept - 1] = Block::from_draft(joined);
            continue;
        }
        blocks.swap(kept, i);
        kept += 1;
    }
    blocks.truncate(kept);
    blocks
}

/// A line such as `(下转第七版)`, `（上接第一版）` or `(Continued on page 4)`.
pub fn is_continuation_marker(text: &str) -> bool {
    let t = text.trim();
    let inner = t
        .strip_prefix(['(', '（'])
        .and_then(|s| s.strip_suffix([')', '）']));
    let Some(inner) = inner else {
        return false;
    };
    let inner = inner.trim();
    let chinese = ["下转", "上接", "转第", "接第"]
        .iter()
        .any(|p| inner.starts_with(p))
        && inner.ends_with('版')
        && inner.chars().count() <= 12;
    let lower = inner.to_lowercase();
    let english = (lower.starts_with("continued on page")
        || lower.starts_with("continued from page"))
        && inner.len() <= 30;
    chinese || english
}

/// When `next` continues `prev` across a layout break, the text to put between them.
fn join_separator(prev: &Block, next: &Block) -> Option<&'static str> {
    if prev.kind != BlockKind::Paragraph || next.kind != BlockKind::Paragraph {
        return None;
    }
    if prev.spans().all(|s| s.style.bold) {
        return None;
    }
    let prev_text = prev.text();
    let next_text = next.text();
    let prev_text = prev_text.trim_end();
    let next_text = next_text.trim_start();
    if prev_text.chars().count() < MIN_FIRST_HALF_CHARS
        || numbered_heading_level(next_text).is_some()
    {
        return None;
    }
    let last = prev_text.chars().last()?;
    let first = next_text.chars().next()?;
    if is_ideograph(last) && is_ideograph(first) {
        return Some("");
    }
    if first.is_lowercase() {
        if last == '-' {
            return Some("");
        }
        if last.is_alphabetic() {
            return Some(" ");
        }
    }
    None
}

/// A CJK ideograph (not punctuation, not a bracket or quote).
fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Block {
        Block::new(BlockKind::Paragraph, text, 1)
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks.iter().map(|b| b.text().to_string()).collect()
    }

    #[test]
    fn seed_split_mid_word_is_rejoined() {
        let out = repair(vec![
            para("包括依托上合组织成员国电子商务专门工作组开"),
            para("展工作。"),
            para("下一段。"),
        ]);
        assert_eq!(
            texts(&out),
            vec![
                "包括依托上合组织成员国电子商务专门工作组开展工作。",
                "下一段。"
            ]
        );
    }

    #[test]
    fn seed_split_after_quote_is_rejoined() {
        let out = repair(vec![
            para("本次活动以“扬子潮涌 文明共启”为主题。活动期"),
            para("间,与会嘉宾将围绕四大主题。"),
        ]);
        assert_eq!(
            texts(&out),
            vec!["本次活动以“扬子潮涌 文明共启”为主题。活动期间,与会嘉宾将围绕四大主题。"]
        );
    }

    #[test]
    fn continuation_marker_is_a_marker() {
        let out = repair(vec![
            para("各方表示支持这一倡议并愿意加强合作。"),
            para("(下转第七版)"),
        ]);
        assert_eq!(out[1].kind, BlockKind::Marker);
        assert!(is_continuation_marker("（上接第一版）"));
        assert!(is_continuation_marker("(Continued on page 4)"));
        assert!(!is_continuation_marker("(记者李强)"));
    }

    #[test]
    fn heading_is_never_joined() {
        let out = repair(vec![
            para("各代表团团长认为应当继续推进合作"),
            Block::new(BlockKind::Heading(2), "国际论坛", 2),
        ]);
        assert_eq!(out.len(), 2);
        let out = repair(vec![
            Block::new(BlockKind::Heading(2), "吉尔吉斯斯坦总统扎帕罗夫会见王毅", 1),
            para("王毅表示中方愿意"),
        ]);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn list_item_is_never_joined() {
        let item = Block::new(
            BlockKind::ListItem {
                marker: "•".into(),
                depth: 0,
            },
            "加强经贸合作",
            2,
        );
        let out = repair(vec![para("各代表团团长认为应当继续推进以下合作"), item]);
        assert_eq!(out.len(), 2);
        let out = repair(vec![
            para("双方同意在以下领域加强务实合作"),
            para("二、经济合作"),
        ]);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn line_ending_in_colon_is_never_joined() {
        let out = repair(vec![
            para("各代表团团长强调以下几点："),
            para("成员国将坚定维护多边贸易体制。"),
        ]);
        assert_eq!(out.len(), 2);
        let out = repair(vec![
            para("We are taking concrete steps to:"),
            para("support the transition"),
        ]);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn english_split_is_joined_with_a_space_and_sentences_are_not() {
        let out = repair(vec![
            para("The leaders agreed to strengthen the"),
            para("cooperation in trade."),
        ]);
        assert_eq!(
            texts(&out),
            vec!["The leaders agreed to strengthen the cooperation in trade."]
        );
        let out = repair(vec![
            para("The leaders met in Moscow."),
            para("they agreed."),
        ]);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn bold_label_is_never_joined() {
        let mut bold = Draft::new(BlockKind::Paragraph, 1);
        bold.push_text(
            "上合组织成员国政府首脑理事会",
            SpanStyle {
                bold: true,
                ..Default::default()
            },
        );
        let bold = Block::from_draft(bold);
        assert_eq!(repair(vec![bold, para("会议在莫斯科举行。")]).len(), 2);
    }
}
