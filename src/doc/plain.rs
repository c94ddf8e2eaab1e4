//! Plain text to blocks. Paragraphs are separated by blank lines (or are one line each when the
//! text is not hard-wrapped); headings are found by numbering (`一、` `（一）` `1.` `I.`) and by
//! layout (a short title line standing alone).

use unicode_width::UnicodeWidthStr;

use super::heading_lines::{
    is_caption, is_dateline, is_long_title, is_numbered_clause, is_short_title, looks_like_title,
    numbered_heading_level, underline_level,
};
use super::{Block, BlockKind, BlockWriter, Draft, SpanStyle};
use crate::doc::markdown::is_cjk;

/// Hard-wrapped prose has lines at least this wide (in terminal columns).
const MIN_WRAP_WIDTH: usize = 50;

/// Parses plain text into blocks.
pub fn parse(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = BlockWriter::for_text(text.len());
    let mut first_in_text = true;
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !lines[i].trim().is_empty() {
            i += 1;
        }
        let mut group = &lines[start..i];
        let mut start = start;
        // A title underlined with `===` or `---`, as plain text writes one.
        if let [title, rule, ..] = group
            && let Some(level) = underline_level(title, rule)
        {
            let mut block = Draft::new(BlockKind::Heading(level), start + 1);
            block.push_text(title.trim(), SpanStyle::default());
            out.file(block);
            first_in_text = false;
            group = &group[2..];
            start += 2;
            if group.is_empty() {
                continue;
            }
        }
        if let Some(rows) = super::grid_table::rows(group) {
            for row in rows {
                let kind = BlockKind::TableRow { header: row.header };
                let mut block = Draft::new(kind, start + row.offset + 1);
                block.push_text(&row.text, SpanStyle::default());
                out.file(block);
            }
            first_in_text = false;
            continue;
        }
        let alone = group.len() == 1;
        let paras = split_group(group);
        for (n, (offset, para)) in paras.iter().enumerate() {
            let line = start + offset + 1;
            // In text written one paragraph a line, a title stands over a longer paragraph.
            let over_a_paragraph = paras.get(n + 1).is_some_and(|(_, next)| {
                next.width() >= 40
                    && next.width() >= 2 * para.width()
                    && next.chars().any(char::is_alphanumeric)
            });
            // A headline over its subtitle, standing over a dateline.
            let over_a_dateline = n == 0
                && lines[i..]
                    .iter()
                    .find(|l| !l.trim().is_empty())
                    .is_some_and(|l| is_dateline(l.trim()));
            let kind = match numbered_heading_level(para) {
                _ if is_caption(para) => BlockKind::Paragraph,
                Some(level) if is_short_title(para) || is_numbered_clause(para) => {
                    BlockKind::Heading(level)
                }
                _ if (is_short_title(para) || first_in_text && alone && is_long_title(para))
                    && (alone || first_in_text || over_a_paragraph || over_a_dateline)
                    && looks_like_title(para) =>
                {
                    BlockKind::Heading(if first_in_text { 1 } else { 2 })
                }
                _ => BlockKind::Paragraph,
            };
            let mut block = Draft::new(kind, line);
            block.push_text(para, SpanStyle::default());
            out.file(block);
            first_in_text = false;
        }
    }
    let mut blocks = out.finish();
    demote_lone_title_runs(&mut blocks);
    if is_news_dump(&blocks) {
        // A page of articles: each headline is a top-level entry, and a title line straight
        // under another is its subtitle.
        for b in &mut blocks {
            if b.kind == BlockKind::Heading(2) && numbered_heading_level(b.text()).is_none() {
                b.kind = BlockKind::Heading(1);
            }
        }
        demote_titles_under_titles(&mut blocks);
    }
    demote_items_of_lists(&mut blocks);
    blocks
}

/// Whether a text is a newspaper's page of articles: two datelines or more (`本报北京12月
/// 31日讯`, `新华社北京1月1日电`).
fn is_news_dump(blocks: &[Block]) -> bool {
    blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph && is_dateline(b.text()))
        .take(2)
        .count()
        >= 2
}

/// A title line straight under another of the same level is its subtitle, or the first of
/// a list of short lines, not a section of its own.
fn demote_titles_under_titles(blocks: &mut [Block]) {
    let unnumbered = |b: &Block| numbered_heading_level(b.text()).is_none();
    // The level of the title a run of title lines started with.
    let mut run: Option<u8> = None;
    for b in blocks.iter_mut() {
        let level = b.heading_level().filter(|_| unnumbered(b));
        match (run, level) {
            (Some(r), Some(l)) if r == l => b.kind = BlockKind::Paragraph,
            (_, Some(l)) => run = Some(l),
            _ => run = None,
        }
    }
}

/// Numbered items go together: a numbered clause (`（二）…。`) whose earlier sibling
/// (`（一）…；`) is an item of a list is an item too, not a heading.
pub(crate) fn demote_items_of_lists(blocks: &mut [Block]) {
    // For each numbering level, whether its last item was a heading.
    let mut last: [Option<bool>; 8] = [None; 8];
    for b in blocks.iter_mut() {
        let Some(level) = numbered_heading_level(b.text()).map(usize::from) else {
            if let Some(h) = b.heading_level() {
                // A heading closes the lists below it.
                last[usize::from(h).min(7)..]
                    .iter_mut()
                    .for_each(|l| *l = None);
            }
            continue;
        };
        let level = level.min(7);
        let heading = b.heading_level().is_some();
        if heading && last[level] == Some(false) && b.text().trim().ends_with('。') {
            b.kind = BlockKind::Paragraph;
        }
        last[level] = Some(b.heading_level().is_some());
        last[level + 1..].iter_mut().for_each(|l| *l = None);
    }
}

/// Splits a run of non-blank lines into paragraphs: hard-wrapped prose is joined into one,
/// otherwise every line is a paragraph of its own (as in text saved one paragraph a line).
fn split_group(group: &[&str]) -> Vec<(usize, String)> {
    let widths: Vec<usize> = group.iter().map(|l| l.trim_end().width()).collect();
    let max = widths.iter().copied().max().unwrap_or(0);
    // Wrapped prose fills its lines; a title over a subtitle or a date does not.
    let hard_wrapped = group.len() > 1
        && (MIN_WRAP_WIDTH..=100).contains(&max)
        && widths[..widths.len() - 1]
            .iter()
            .all(|&w| w * 10 >= max * 6)
        && !group.iter().skip(1).any(|l| starts_new_item(l));
    if hard_wrapped {
        let mut text = String::new();
        for line in group {
            join_line(&mut text, line.trim());
        }
        vec![(0, text)]
    } else {
        group
            .iter()
            .enumerate()
            .map(|(i, l)| (i, l.trim().to_string()))
            .collect()
    }
}

/// Appends a wrapped line to a paragraph: CJK text joins without a space, other text with one.
pub fn join_line(text: &mut String, line: &str) {
    let before = text.chars().last();
    let after = line.chars().next();
    if let (Some(b), Some(a)) = (before, after)
        && !(is_cjk(b) && is_cjk(a))
        && !b.is_whitespace()
    {
        text.push(' ');
    }
    text.push_str(line);
}

/// Whether a line starts a list item or numbered entry (and so is not a wrapped continuation).
fn starts_new_item(line: &str) -> bool {
    let t = line.trim_start();
    numbered_heading_level(t).is_some() || t.starts_with(['-', '*', '•', '·'])
}

/// Several layout-detected titles in a row with no body between them are a list of short
/// lines (a table of contents, names), not headings.
fn demote_lone_title_runs(blocks: &mut [Block]) {
    let mut i = 0;
    while i < blocks.len() {
        let mut j = i;
        while j < blocks.len()
            && blocks[j].kind == BlockKind::Heading(2)
            && numbered_heading_level(blocks[j].text()).is_none()
        {
            j += 1;
        }
        if j - i >= 4 {
            for b in &mut blocks[i..j] {
                b.kind = BlockKind::Paragraph;
            }
        }
        i = j.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(text: &str) -> Vec<(u8, String)> {
        parse(text)
            .into_iter()
            .filter_map(|b| b.heading_level().map(|l| (l, b.text().to_string())))
            .collect()
    }

    #[test]
    fn chinese_numbered_headings() {
        let text = "总体情况\n\n一、政治合作\n\n双方同意加强合作。\n\n（一）安全\n\n内容。\n\n二、经济合作\n\n内容。\n";
        let h = headings(text);
        assert!(h.contains(&(2, "一、政治合作".into())));
        assert!(h.contains(&(3, "（一）安全".into())));
        assert!(h.contains(&(2, "二、经济合作".into())));
    }

    #[test]
    fn arabic_and_roman_numbered_headings() {
        let text = "I. Overview\n\nThe leaders met.\n\n1. Security\n\nText here.\n\n1.1 Borders\n\nText.\n";
        let h = headings(text);
        assert_eq!(h[0], (2, "I. Overview".into()));
        assert_eq!(h[1], (3, "1. Security".into()));
        assert_eq!(h[2], (4, "1.1 Borders".into()));
    }

    #[test]
    fn numbered_sentences_are_not_headings() {
        let h = headings("一、第二条修改为：“军官按照职务性质分为军事军官、政治军官。”\n");
        assert!(h.is_empty(), "{h:?}");
    }

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let text = "The Shanghai Cooperation Organisation is a Eurasian political,\neconomic and international security organization of ten member\nstates.\n";
        let blocks = parse(text);
        assert_eq!(blocks.len(), 1);
        assert!(blocks[0].text().starts_with(
            "The Shanghai Cooperation Organisation is a Eurasian political, economic"
        ));
    }

    #[test]
    fn one_paragraph_per_line_text_is_kept_apart() {
        let long = "各代表团团长高度评价中华人民共和国担任轮值主席国期间所做工作，认为中方任期进一步提高了上合组织凝聚力和框架内全方位合作水平。";
        let text = format!("共同创造美好的新世纪\n{long}\n{long}\n");
        let blocks = parse(&text);
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[0].kind, BlockKind::Heading(1));
        assert_eq!(blocks[1].line, 2);
    }

    #[test]
    fn bare_short_lines_are_section_titles_but_debris_is_not() {
        let body = "China interacts with foreign nations and expresses its political strengths in many ways that matter. ".repeat(3);
        let text = format!(
            "{body}\n\nHistory\n\n{body}\n\nin 1943]]\n\n{body}\n\nBoth countries have established relations.[98]\n\n{body}\n"
        );
        let h = headings(&text);
        assert_eq!(h, vec![(2, "History".to_string())]);
    }

    #[test]
    fn titles_over_paragraphs_in_one_line_per_paragraph_text() {
        let long = "新华社北京12月31日电，今年全市个人所得税收入比上年增长百分之二十五，成为地方税收增长最快的税种之一。";
        let text = format!(
            "{long}\n北京个人所得税增二成五\n{long}\n2001年1月1日\n星期一\n第一章总则\n{long}\n"
        );
        let h = headings(&text);
        // Two datelines: a page of articles, whose headlines are top-level.
        assert_eq!(
            h,
            vec![
                (1, "北京个人所得税增二成五".to_string()),
                (2, "第一章总则".to_string())
            ]
        );
    }

    #[test]
    fn underlined_titles_are_headings_and_their_rules_are_not_text() {
        let text = "Joint Statement\n===============\n\nThe parties met.\n\nEnergy\n------\nThey agreed.\n\nA line\n----------------------------------------------------\n";
        assert_eq!(
            headings(text),
            [
                (1, "Joint Statement".to_string()),
                (2, "Energy".to_string())
            ]
        );
        let blocks = parse(text);
        assert!(blocks.iter().all(|b| !b.text().starts_with("===")));
        assert!(blocks.iter().any(|b| b.text() == "They agreed."));
    }

    #[test]
    fn crlf_and_no_headings() {
        let blocks = parse("just a sentence here.\r\nanother one follows it.\r\n");
        assert!(blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    }
}
