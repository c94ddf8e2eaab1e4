//! Word documents written here, part by part, with the traps real ones set.

use std::io::Write;

use super::*;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

/// A `.docx` with this body, these styles and these extra parts.
pub(crate) fn docx(body: &str, styles: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let mut parts: Vec<(String, String)> = vec![
        (
            "_rels/.rels".into(),
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#.into(),
        ),
        (
            "word/_rels/document.xml.rels".into(),
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rL" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.mfa.gov.cn/" TargetMode="External"/><Relationship Id="rH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>"#.into(),
        ),
        (
            "word/document.xml".into(),
            format!("<w:document {W}><w:body>{body}</w:body></w:document>"),
        ),
        (
            "word/styles.xml".into(),
            format!("<w:styles {W}>{styles}</w:styles>"),
        ),
        (
            "word/header1.xml".into(),
            format!("<w:hdr {W}><w:p><w:r><w:t>RUNNING HEADER</w:t></w:r></w:p></w:hdr>"),
        ),
    ];
    for (name, text) in extra {
        parts.push((name.to_string(), text.to_string()));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fn p(style: &str, runs: &str) -> String {
    let style = if style.is_empty() {
        String::new()
    } else {
        format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
    };
    format!("<w:p>{style}{runs}</w:p>")
}

fn r(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn bold(text: &str) -> String {
    format!(r#"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn texts(read: &Read) -> Vec<(String, String)> {
    read.blocks
        .iter()
        .map(|b| {
            let kind = match &b.kind {
                BlockKind::Heading(l) => format!("h{l}"),
                BlockKind::ListItem { marker, .. } => format!("li {marker}"),
                BlockKind::TableRow { header } => format!("row{}", if *header { " h" } else { "" }),
                _ => "p".to_string(),
            };
            (kind, b.text().to_string())
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const STYLES: &str = r#"<w:style w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:styleId="1"><w:name w:val="标题 1"/><w:basedOn w:val="a"/></w:style>
<w:style w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/></w:style>
<w:style w:styleId="Chapter"><w:name w:val="Kapitel"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>"#;

#[test]
fn headings_come_from_styles_in_any_language_and_outline_levels() {
    let body = [
        p("TOC1", &r("总则……1")),
        p("1", &r("第一章 总则")),
        p("", &r("为了规范对外贸易，制定本法。")),
        p("2", &r("Scope")),
        p("Chapter", &r("Kapitel drei")),
        // Bold body text in a styled document is emphasis, not a heading.
        p("", &bold("Important")),
    ]
    .concat();
    let read = read(&docx(&body, STYLES, &[])).unwrap();
    assert_eq!(
        texts(&read),
        pairs(&[
            ("h1", "第一章 总则"),
            ("p", "为了规范对外贸易，制定本法。"),
            ("h2", "Scope"),
            ("h3", "Kapitel drei"),
            ("p", "Important"),
        ])
    );
    let spans: Vec<bool> = read.blocks[4].spans().map(|s| s.style.bold).collect();
    assert_eq!(spans, [true]);
}

#[test]
fn without_heading_styles_numbering_and_bold_lines_make_the_outline() {
    let indent = "\u{3000}\u{3000}";
    let body = [
        format!(
            r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{}</w:p>"#,
            bold("2025年政府工作报告")
        ),
        p("", &r("来源：北京日报")),
        p("", &format!("{}{}", r(indent), bold("一、2024年工作回顾"))),
        p(
            "",
            &format!("{}{}", r(indent), r("过去一年，我们坚持稳中求进。")),
        ),
        // A bold lead-in over a sentence is a paragraph, however it is numbered.
        p(
            "",
            &format!(
                "{}{}",
                bold("一是针对性出台系列稳增长举措"),
                r("。认真落实国家宏观调控政策。")
            ),
        ),
        p("", &bold("二、2025年工作总体要求和重点任务")),
        p(
            "",
            &bold("（一）充分发挥经济体制改革牵引作用，努力在重点领域和关键环节取得新突破"),
        ),
        p("", &bold("健全经济高质量发展体制机制")),
        p("", &r("融入和服务全国统一大市场。")),
    ]
    .concat();
    let read = read(&docx(&body, STYLES, &[])).unwrap();
    assert_eq!(
        texts(&read),
        pairs(&[
            ("h1", "2025年政府工作报告"),
            ("p", "来源：北京日报"),
            ("h2", "一、2024年工作回顾"),
            ("p", "过去一年，我们坚持稳中求进。"),
            (
                "p",
                "一是针对性出台系列稳增长举措。认真落实国家宏观调控政策。"
            ),
            ("h2", "二、2025年工作总体要求和重点任务"),
            (
                "h3",
                "（一）充分发挥经济体制改革牵引作用，努力在重点领域和关键环节取得新突破"
            ),
            ("h4", "健全经济高质量发展体制机制"),
            ("p", "融入和服务全国统一大市场。"),
        ])
    );
}

#[test]
fn tracked_changes_fields_hidden_text_and_fallbacks_never_show() {
    let body = p(
        "",
        &[
            r("The parties "),
            r#"<w:del w:id="1"><w:r><w:delText>rejected</w:delText></w:r></w:del>"#.to_string(),
            r#"<w:ins w:id="2"><w:r><w:t>adopted</w:t></w:r></w:ins>"#.to_string(),
            r(" the text on page "),
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>4</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#.to_string(),
            r#"<w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r>"#.to_string(),
            r#"<w:moveFrom w:id="3"><w:r><w:t>moved away</w:t></w:r></w:moveFrom>"#.to_string(),
            r#"<w:r><mc:AlternateContent xmlns:mc="mc"><mc:Choice Requires="wps"><w:t>.</w:t></mc:Choice><mc:Fallback><w:t>FALLBACK</w:t></mc:Fallback></mc:AlternateContent></w:r>"#.to_string(),
            r#"<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>"#.to_string(),
            r#"<w:r><w:rPr><w:b/><w:rPrChange w:id="9"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t> Done</w:t></w:r>"#.to_string(),
        ]
        .concat(),
    );
    let read = read(&docx(&body, STYLES, &[])).unwrap();
    assert_eq!(
        read.blocks[0].text(),
        "The parties adopted the text on page 4. Done"
    );
    let last = read.blocks[0].spans().last().unwrap();
    assert!(last.style.bold && !last.style.italic, "{last:?}");
    assert_eq!(read.blocks.len(), 1, "headers are never body text");
}

#[test]
fn a_table_of_contents_field_and_content_control_are_left_out() {
    let body = [
        r#"<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>"#.to_string(),
        p("", &r("Contents")),
        p("", &r("Scope 3")),
        "</w:sdtContent></w:sdt>".to_string(),
        p("", &[r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \o "1-3"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#, &r("Scope ....... 3")].concat()),
        p("", r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#),
        p("2", &r("Scope")),
        p("", &r("Text.")),
    ]
    .concat();
    let read = read(&docx(&body, STYLES, &[])).unwrap();
    assert_eq!(texts(&read), pairs(&[("h2", "Scope"), ("p", "Text.")]));
}

#[test]
fn lists_tables_links_and_notes() {
    let numbering = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
    let footnotes = format!(
        r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> UN Charter, Art. 27.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let item = |level: u8, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr></w:pPr>{}</w:p>"#,
            r(text)
        )
    };
    let body = [
        p("2", &r("Votes")),
        p(
            "",
            &[
                r("Nine votes"),
                r#"<w:r><w:footnoteReference w:id="5"/></w:r>"#.to_string(),
                r(" are needed; see "),
                format!(r#"<w:hyperlink r:id="rL">{}</w:hyperlink>"#, r("the ministry")),
                r("."),
            ]
            .concat(),
        ),
        item(0, "Members vote."),
        item(1, "Permanent ones concur."),
        item(0, "The Council decides."),
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Country</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Seat</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>China</w:t></w:r></w:p></w:tc><w:tc/></w:tr></w:tbl>".to_string(),
        p("2", &r("Next")),
    ]
    .concat();
    let bytes = docx(
        &body,
        STYLES,
        &[
            ("word/numbering.xml", numbering),
            ("word/footnotes.xml", &footnotes),
        ],
    );
    let read = read(&bytes).unwrap();
    assert_eq!(
        texts(&read),
        pairs(&[
            ("h2", "Votes"),
            ("p", "Nine votes[1] are needed; see the ministry."),
            ("li 1.", "Members vote."),
            ("li (a)", "Permanent ones concur."),
            ("li 2.", "The Council decides."),
            ("row h", "Country │ Seat"),
            ("row", "China │ "),
            ("li [1]", "UN Charter, Art. 27."),
            ("h2", "Next"),
        ])
    );
    let links: Vec<(&str, &str)> = read.blocks[1]
        .links()
        .iter()
        .map(|l| {
            (
                &read.blocks[1].text()[l.start as usize..l.end as usize],
                &*l.target,
            )
        })
        .collect();
    assert_eq!(
        links,
        [("[1]", "^1"), ("the ministry", "https://www.mfa.gov.cn/")]
    );
}

#[test]
fn title_and_date_from_the_core_properties() {
    let core = r#"<cp:coreProperties xmlns:cp="c" xmlns:dc="d" xmlns:dcterms="t"><dc:title>Readout</dc:title><dcterms:created>2024-11-16T10:00:00Z</dcterms:created></cp:coreProperties>"#;
    let read = read(&docx(
        &p("", &r("Plain text only.")),
        STYLES,
        &[("docProps/core.xml", core)],
    ))
    .unwrap();
    assert_eq!(read.title.as_deref(), Some("Readout"));
    assert_eq!(read.date.as_deref(), Some("2024-11-16"));
    let with_heading = read_bytes(&docx(
        &p("2", &r("Scope")),
        STYLES,
        &[("docProps/core.xml", core)],
    ));
    // A section's heading does not name the document: its properties do.
    assert_eq!(with_heading.title.as_deref(), Some("Readout"));
}

fn read_bytes(bytes: &[u8]) -> Read {
    read(bytes).unwrap()
}

#[test]
fn damaged_parts_are_errors_not_panics() {
    let broken = docx("<w:p><w:r><w:t>unclosed", STYLES, &[]);
    assert!(matches!(read(&broken), Err(Refusal::Damaged(_))));
    let mut cut = docx(&p("", &r("text")), STYLES, &[]);
    cut.truncate(cut.len() - 30);
    assert!(read(&cut).is_err());
}
