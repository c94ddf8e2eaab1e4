//! Bold lines as headings, in documents that mark their sections no other way (Markdown
//! without `#`, web pages without `<h2>`).

use crate::doc::{Block, BlockKind};

/// Whether a bold line ends as a sentence does (`Note this.`, `这一点。`), not as a label
/// with a full stop (`Article 2.`, `Annex I.`).
fn ends_like_a_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['”', '"', '’', '」', '』', ')', '）']);
    let label = t.ends_with('.') && t.split_whitespace().count() <= 3;
    !label && t.ends_with([':', '：', '。', '！', '？', '.', '!', '?', ';', '；'])
}

/// Who wrote a piece, set in bold over it (`执笔/叨叨姐`, `文/李强`, `By Jane Smith`): a byline,
/// not a section.
fn is_byline(text: &str) -> bool {
    const MARKS: [&str; 12] = [
        "执笔",
        "文/",
        "文｜",
        "文|",
        "作者",
        "记者",
        "撰文",
        "编辑",
        "By ",
        "by ",
        "Автор",
        "Текст:",
    ];
    MARKS.iter().any(|m| text.starts_with(m))
}

/// A document without `#` headings often marks its sections with lines that are bold and
/// nothing else (`**Preamble**`): those become headings so the outline has something to show,
/// unless they end like a sentence, are a byline or have no word in them.
pub(in crate::doc) fn promote_bold_lines(blocks: &mut [Block]) {
    if blocks.iter().any(|b| b.heading_level().is_some()) {
        return;
    }
    for block in blocks.iter_mut() {
        if block.kind != BlockKind::Paragraph {
            continue;
        }
        let all_bold = block
            .spans()
            .all(|s| s.style.bold || s.text.trim().is_empty());
        let text = block.text().trim();
        // Not a separator (`* * *`), nor a sentence set in bold for emphasis.
        if all_bold
            && text.chars().any(char::is_alphanumeric)
            && text.chars().count() <= 120
            && !ends_like_a_sentence(text)
            && !is_byline(text)
        {
            block.kind = BlockKind::Heading(2);
        }
    }
}
