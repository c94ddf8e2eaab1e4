//! Books written here, part by part: a declared language that is wrong, chapters without
//! heading tags, placeholder titles, a chapter listed but missing.

use std::io::Write;

use super::*;
use crate::doc::{Document, Format, ParseOptions};
use crate::index::countries::Language;

/// An EPUB of these parts, the container pointing at `OPS/book.opf`.
pub(crate) fn epub(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/epub+zip").unwrap();
    zip.start_file("META-INF/container.xml", stored).unwrap();
    zip.write_all(br#"<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#).unwrap();
    for (name, text) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

const OPF: &str = r#"<?xml version="1.0"?><package version="3.0" xmlns="http://www.idpf.org/2007/opf" xmlns:dc="http://purl.org/dc/elements/1.1/"><metadata><dc:title>中华人民共和国宪法</dc:title><dc:language>en</dc:language><meta property="dcterms:modified">20180311Z</meta></metadata><manifest><item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/><item id="c1" href="text/c1.xhtml" media-type="application/xhtml+xml"/><item id="c2" href="text/c2.xhtml" media-type="application/xhtml+xml"/><item id="c3" href="text/c3.xhtml" media-type="application/xhtml+xml"/><item id="c4" href="text/c4.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/><itemref idref="c2"/><itemref idref="c3"/><itemref idref="c4"/></spine></package>"#;

const NAV: &str = r#"<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol><li><a href="text/c1.xhtml">Section 1</a></li><li><a href="text/c2.xhtml#top">第一章　总　纲</a></li><li><a href="text/c3.xhtml">Chapter Three</a></li></ol></nav></body></html>"#;

fn chapter(body: &str) -> String {
    format!(
        r#"<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>{body}</body></html>"#
    )
}

fn book() -> Read {
    let c1 = chapter("<p>中华人民共和国宪法</p><p> </p><p>　　（1982年12月4日通过）</p>");
    let c2 = chapter(
        "<p>第一章　总　纲</p><p>　　第一条　中华人民共和国是社会主义国家。</p><p>第一节　国家机构</p><p>　　（一）全国分为省、自治区、直辖市；</p><p>　　（二）县分为乡、镇。</p>",
    );
    let c3 = chapter("<h1>Chapter Three</h1><p>Intro.</p><h2>Scope</h2><p>Text.</p>");
    read(&epub(&[
        ("OPS/book.opf", OPF),
        ("OPS/nav.xhtml", NAV),
        ("OPS/text/c1.xhtml", &c1),
        ("OPS/text/c2.xhtml", &c2),
        ("OPS/text/c3.xhtml", &c3),
    ]))
    .unwrap()
}

#[test]
fn chapters_in_spine_order_titled_by_the_navigation() {
    let read = book();
    let outline: Vec<(u8, &str)> = read
        .blocks
        .iter()
        .filter_map(|b| b.heading_level().map(|l| (l, b.text())))
        .collect();
    assert_eq!(
        outline,
        [
            (1, "中华人民共和国宪法"),
            (1, "第一章 总纲"),
            (3, "第一节 国家机构"),
            (1, "Chapter Three"),
            (3, "Scope"),
        ]
    );
    let texts: Vec<&str> = read.blocks.iter().map(Block::text).collect();
    assert!(
        texts.contains(&"第一条　中华人民共和国是社会主义国家。"),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"（二）县分为乡、镇。"),
        "an item of a list is not a heading"
    );
    assert!(!texts.contains(&"Section 1"));
    assert_eq!(read.title.as_deref(), Some("中华人民共和国宪法"));
    assert_eq!(read.date.as_deref(), Some("2018-03-11"));
}

#[test]
fn a_missing_chapter_is_said_in_its_place() {
    let read = book();
    let last = read.blocks.last().unwrap();
    assert_eq!(last.kind, BlockKind::Marker);
    assert_eq!(last.text(), "[missing from the book: OPS/text/c4.xhtml]");
}

#[test]
fn the_language_comes_from_the_text_not_the_declaration() {
    let doc = Document::from_read(
        "b.epub",
        None,
        "UTF-8",
        Format::Epub,
        book(),
        ParseOptions::default(),
    );
    assert_eq!(Language::of(&doc), Language::Chinese);
}

#[test]
fn a_book_without_its_package_is_damaged() {
    let bytes = epub(&[("OPS/nav.xhtml", NAV)]);
    assert!(matches!(read(&bytes), Err(Refusal::Damaged(_))));
    let bytes = epub(&[("OPS/book.opf", "<package><spine>")]);
    assert!(matches!(read(&bytes), Err(Refusal::Damaged(_))));
}
