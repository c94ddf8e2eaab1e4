//! Markdown to blocks, tried on what briefings write: parts parsed apart, front matter,
//! bold lines as headings, lists, quotes, tables and code.

use super::*;

#[test]
fn parts_parse_to_the_blocks_of_the_whole() {
    let mut text = String::from("---\ntitle: Parts\ndate: 2025-11-18\n---\n\n");
    for n in 0..60 {
        text.push_str(&format!(
            "# Section {n}\n\nFirst **bold** paragraph {n},\nsoft broken.\n\n\
             - item one\n- item *two*\n  1. nested\n\n> quoted {n}\n\n\
             ```\n\n# code, not a heading {n}\n```\n\n\
             | a | b |\n|---|---|\n| {n} | x |\n\n## Sub {n}\nText right after.\n\n"
        ));
    }
    let whole = parse_in_parts(&text, usize::MAX / 4);
    assert!(markdown_parts::parts(&text, 64).len() > 20);
    let cut = parse_in_parts(&text, 64);
    assert_eq!(cut, whole);
    assert_eq!(cut.1.title.as_deref(), Some("Parts"));
}

fn kinds(blocks: &[Block]) -> Vec<BlockKind> {
    blocks.iter().map(|b| b.kind.clone()).collect()
}

#[test]
fn headings_keep_levels_and_lines() {
    let (blocks, _) = parse("\n# One\n\ntext\n\n### Three\n");
    assert_eq!(blocks[0].kind, BlockKind::Heading(1));
    assert_eq!(blocks[0].line, 2);
    assert_eq!(blocks[2].kind, BlockKind::Heading(3));
    assert_eq!(blocks[2].line, 6);
}

#[test]
fn bold_dateline_is_a_bold_span_not_asterisks() {
    let (blocks, _) = parse("**本报比什凯克11月19日电** (记者李强)吉尔吉斯斯坦总统\n");
    assert_eq!(blocks.len(), 1);
    let first = blocks[0].spans().next().unwrap();
    assert_eq!(first.text, "本报比什凯克11月19日电");
    assert!(first.style.bold);
    assert!(!blocks[0].text().contains("**"));
}

#[test]
fn inline_styles() {
    let (blocks, _) = parse("a *it* `code` [link](http://x) ~~old~~\n");
    let styles: Vec<_> = blocks[0].spans().map(|s| (s.text, s.style)).collect();
    assert!(styles.iter().any(|(t, s)| *t == "it" && s.italic));
    assert!(styles.iter().any(|(t, s)| *t == "code" && s.code));
    assert!(styles.iter().any(|(t, s)| *t == "link" && s.link));
    assert!(styles.iter().any(|(t, s)| *t == "old" && s.strike));
    assert!(!blocks[0].text().contains("http"));
}

#[test]
fn soft_breaks_join_cjk_without_space() {
    let (blocks, _) = parse("中国\n和俄罗斯\nand\nRussia\n");
    assert_eq!(blocks[0].text(), "中国和俄罗斯 and Russia");
}

#[test]
fn lists_get_markers() {
    let (blocks, _) = parse("1.  first\n2.  second\n\n- a\n  - b\n");
    assert_eq!(
        kinds(&blocks),
        vec![
            BlockKind::ListItem {
                marker: "1.".into(),
                depth: 0
            },
            BlockKind::ListItem {
                marker: "2.".into(),
                depth: 0
            },
            BlockKind::ListItem {
                marker: "•".into(),
                depth: 0
            },
            BlockKind::ListItem {
                marker: "◦".into(),
                depth: 1
            },
        ]
    );
    assert_eq!(blocks[1].text(), "second");
}

#[test]
fn front_matter_is_not_body_and_gives_the_title() {
    let src = "---\ndate: '2023-05-20'\ntitle: \"G7 Leaders\\u2019\\_Communiqu\\xE9\"\n---\n \n**Preamble**\n\n1.  We met.\n";
    let (blocks, front) = parse(src);
    assert_eq!(front.title.as_deref(), Some("G7 Leaders’ Communiqué"));
    assert_eq!(front.date.as_deref(), Some("2023-05-20"));
    assert_eq!(blocks[0].kind, BlockKind::Heading(2));
    assert_eq!(blocks[0].text(), "Preamble");
    assert!(!blocks.iter().any(|b| b.text().contains("date")));
}

#[test]
fn front_matter_of_any_common_shape_is_hidden() {
    for src in [
        "+++\ntitle = \"Talking points\"\ndate = 2024-03-01\n+++\n\nText.\n",
        "---\ntitle: Talking points\nsource_pdf: https://example.org/a.pdf\n\nspeaker: Someone\ndate: 2024-03-01\n---\n\nText.\n",
    ] {
        let (blocks, front) = parse(src);
        assert_eq!(front.title.as_deref(), Some("Talking points"), "{src}");
        assert_eq!(front.date.as_deref(), Some("2024-03-01"), "{src}");
        assert_eq!(blocks.len(), 1, "{src}");
        assert_eq!(blocks[0].text(), "Text.");
    }
}

#[test]
fn bold_lines_stay_paragraphs_when_real_headings_exist() {
    let (blocks, _) = parse("# Title\n\n**Bold line**\n");
    assert_eq!(blocks[1].kind, BlockKind::Paragraph);
}

#[test]
fn a_rule_delimited_block_further_on_is_text_not_front_matter() {
    let (blocks, front) = parse(
        "# Report\n\nA paragraph.\n\n---\nSource: Xinhua, 1 September 2025\n---\n\nMore text.\n",
    );
    assert_eq!(front, FrontMatter::default());
    let texts: Vec<&str> = blocks.iter().map(|b| b.text()).collect();
    assert!(
        texts.iter().any(|t| t.contains("Source: Xinhua")),
        "{texts:?} {:?}",
        kinds(&blocks)
    );
}
