//! Pages laid out here run by run, with the traps real PDFs set: three columns, running
//! heads and page numbers, lines hard-wrapped inside CJK words and Latin words, notes at a
//! column's foot, a table of contents with leaders, headings by outline and by size.

use super::lines::{Line, Page, Run, lines};
use super::paragraphs::{Bookmark, blocks};
use crate::doc::{Block, BlockKind};

fn run(x: f32, y: f32, size: f32, text: &str) -> Run {
    // Latin at half an em a character, CJK at a full em, as fonts set them.
    let width: f32 = text
        .chars()
        .map(|c| if c.is_ascii() { size * 0.5 } else { size })
        .sum();
    Run {
        x,
        y,
        width,
        size,
        bold: false,
        text: text.to_string(),
    }
}

fn page(runs: Vec<Run>) -> Page {
    Page {
        width: 612.0,
        height: 792.0,
        runs,
    }
}

fn texts(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .map(|b| match b.heading_level() {
            Some(l) => format!("h{l} {}", b.text()),
            None => b.text().to_string(),
        })
        .collect()
}

/// A column of words wrapped at `per_line` characters, from `top` down.
fn column(x: f32, top: f32, words: &str, per_line: usize) -> Vec<Run> {
    let mut rows: Vec<String> = vec![String::new()];
    for word in words.split(' ') {
        let row = rows.last_mut().unwrap();
        if !row.is_empty() && row.len() + 1 + word.len() > per_line {
            rows.push(word.to_string());
        } else {
            if !row.is_empty() {
                row.push(' ');
            }
            row.push_str(word);
        }
    }
    rows.iter()
        .enumerate()
        .map(|(i, row)| run(x, top - 12.0 * i as f32, 10.0, row))
        .collect()
}

#[test]
fn three_columns_are_read_one_after_another() {
    let words = " one two three four five six seven eight nine ten eleven twelve done.";
    let (first, second, third) = (
        format!("alpha{words}"),
        format!("beta{words}"),
        format!("gamma{words}"),
    );
    let mut runs = column(45.0, 700.0, &first, 12);
    runs.extend(column(222.0, 700.0, &second, 12));
    runs.extend(column(399.0, 700.0, &third, 12));
    let lines = lines(&[page(runs)]);
    let text = texts(&blocks(&lines, &[]));
    assert_eq!(text, [first, second, third]);
}

#[test]
fn running_heads_page_numbers_and_stamps_go() {
    let pages: Vec<Page> = (0..4)
        .map(|n| {
            page(vec![
                run(
                    45.0,
                    750.0,
                    10.0,
                    &format!("{} Federal Register / Vol. 85", 47698 + n),
                ),
                run(45.0, 600.0, 10.0, &format!("Body text of page {n}.")),
                run(300.0, 30.0, 9.0, &format!("{}", n + 1)),
                run(22.0, 18.0, 5.0, "jbell on DSKJLSW7X2PROD with PROPOSALS"),
            ])
        })
        .collect();
    let text = texts(&blocks(&lines(&pages), &[]));
    assert_eq!(
        text,
        (0..4)
            .map(|n| format!("Body text of page {n}."))
            .collect::<Vec<_>>()
    );
}

#[test]
fn wrapped_lines_join_without_spaces_in_cjk_and_hyphens_in_latin() {
    let runs = vec![
        run(
            72.0,
            700.0,
            10.0,
            "第十五条　应当预见自己的行为可能发生危害社会的结果，因为疏忽大意而没有预",
        ),
        run(72.0, 688.0, 10.0, "见，以致发生这种结果的，是过失犯罪。"),
        run(72.0, 676.0, 10.0, "过失犯罪，法律有规定的才负刑事责任。"),
        run(
            72.0,
            664.0,
            10.0,
            "第十六条　行为在客观上虽然造成了损害结果，不是犯罪。",
        ),
        run(
            72.0,
            640.0,
            10.0,
            "The Council adopted the state-of-the-art recom-",
        ),
        run(72.0, 628.0, 10.0, "mendation on the FAA-"),
        run(72.0, 616.0, 10.0, "approved list."),
    ];
    let text = texts(&blocks(&lines(&[page(runs)]), &[]));
    assert_eq!(
        text,
        [
            "第十五条　应当预见自己的行为可能发生危害社会的结果，因为疏忽大意而没有预见，以致发生这种结果的，是过失犯罪。",
            "过失犯罪，法律有规定的才负刑事责任。",
            "第十六条　行为在客观上虽然造成了损害结果，不是犯罪。",
            "The Council adopted the state-of-the-art recommendation on the FAA-approved list.",
        ]
    );
}

#[test]
fn notes_at_a_columns_foot_come_after_the_page() {
    let mut runs = column(
        45.0,
        700.0,
        "The flight control law would also limit the magnitude of any",
        12,
    );
    runs.push(run(
        45.0,
        100.0,
        7.0,
        "12 The magnitude of the command varies.",
    ));
    runs.extend(column(
        222.0,
        700.0,
        "command to move the stabilizer. More text goes on here.",
        12,
    ));
    runs.push(run(45.0, 100.0 - 8.0, 7.0, "13 More than ten degrees."));
    let lines = lines(&[page(runs)]);
    let order: Vec<&str> = lines.iter().map(|l: &Line| l.text.as_str()).collect();
    let note = order
        .iter()
        .position(|t| t.starts_with("12 "))
        .unwrap_or_else(|| panic!("{order:?}"));
    let body = order.iter().position(|t| t.starts_with("command")).unwrap();
    assert!(body < note, "{order:?}");
}

#[test]
fn outline_entries_name_their_headings_and_contents_leaders_go() {
    let pages = vec![
        page(vec![
            run(72.0, 700.0, 12.0, "目录"),
            run(72.0, 680.0, 10.0, "第一章　总则.............3"),
            run(72.0, 668.0, 10.0, "第二章　犯罪.............4"),
        ]),
        page(vec![
            run(200.0, 700.0, 12.0, "第一章　总则"),
            run(
                72.0,
                680.0,
                10.0,
                "第一条　为了惩罚犯罪，保护人民，制定本法。",
            ),
            run(200.0, 650.0, 12.0, "第二章　犯罪"),
            run(200.0, 630.0, 12.0, "第一节　犯罪和刑事责任"),
            run(
                72.0,
                610.0,
                10.0,
                "第十三条　一切危害国家主权的行为，都是犯罪。",
            ),
        ]),
    ];
    let outline = vec![
        Bookmark {
            depth: 0,
            title: "目录".into(),
            page: Some(0),
        },
        Bookmark {
            depth: 0,
            title: "第一章　总则".into(),
            page: Some(1),
        },
        Bookmark {
            depth: 0,
            title: "第二章　犯罪".into(),
            page: Some(1),
        },
        Bookmark {
            depth: 1,
            title: "第一节　犯罪和刑事责任".into(),
            page: Some(1),
        },
    ];
    let mut blocks = blocks(&lines(&pages), &outline);
    crate::doc::contents::drop_typed_contents(&mut blocks);
    assert_eq!(
        texts(&blocks),
        [
            "h1 第一章 总则",
            "第一条　为了惩罚犯罪，保护人民，制定本法。",
            "h1 第二章 犯罪",
            "h2 第一节 犯罪和刑事责任",
            "第十三条　一切危害国家主权的行为，都是犯罪。",
        ]
    );
}

#[test]
fn without_an_outline_larger_type_makes_headings() {
    let runs = vec![
        run(72.0, 720.0, 18.0, "Proposed Rules"),
        run(72.0, 690.0, 14.0, "Background"),
        run(
            72.0,
            670.0,
            10.0,
            "On October 29, 2018, a Boeing Model 737-8 airplane was involved in an accident.",
        ),
        run(72.0, 640.0, 14.0, "Costs of Compliance"),
        run(
            72.0,
            620.0,
            10.0,
            "The FAA estimates that this AD affects 73 airplanes.",
        ),
    ];
    let text = texts(&blocks(&lines(&[page(runs)]), &[]));
    assert_eq!(
        text,
        [
            "h1 Proposed Rules",
            "h2 Background",
            "On October 29, 2018, a Boeing Model 737-8 airplane was involved in an accident.",
            "h2 Costs of Compliance",
            "The FAA estimates that this AD affects 73 airplanes.",
        ]
    );
    assert!(
        blocks(&lines(&[page(Vec::new())]), &[])
            .iter()
            .all(|b| b.kind == BlockKind::Paragraph)
    );
}

#[test]
fn a_pages_first_line_of_text_is_not_a_running_head_however_alike() {
    // Each page: a running head, then text whose first line reads the same on every page.
    let pages: Vec<Page> = (0..5)
        .map(|n| {
            page(vec![
                run(230.0, 770.0, 9.0, "中华人民共和国示范法"),
                run(72.0, 730.0, 10.0, &format!("第{n}条　深化务实合作，")),
                run(72.0, 715.0, 10.0, "加快中吉乌铁路建设。"),
            ])
        })
        .collect();
    let (lines, heads) = super::lines::layout(&pages);
    let text = texts(&blocks(&lines, &[]));
    assert_eq!(text.len(), 5, "{text:?}");
    assert!(
        text.iter()
            .all(|t| t.ends_with("深化务实合作，加快中吉乌铁路建设。")),
        "{text:?}"
    );
    assert_eq!(heads, ["中华人民共和国示范法"]);
}
