//! Word documents, PDFs and EPUB books written from scratch for the tests, the benchmarks and
//! the comparison scripts: the project never ships a document written elsewhere. The PDFs
//! carry a real text layer (a Type0 font whose ToUnicode map gives each glyph its
//! character), so CJK comes out as it went in, as in a PDF printed from Word.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::io::Write;

/// A zip archive of these parts (stored, deflated where `deflate`).
pub fn zip(parts: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, bytes) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

/// Escapes text for XML.
pub fn xml_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A paragraph of a Word document: `style` is a style id (`Heading1`) or empty; `bold`
/// sets the run in bold.
pub fn word_paragraph(style: &str, text: &str, bold: bool) -> String {
    let style = if style.is_empty() {
        String::new()
    } else {
        format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
    };
    let run_props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        r#"<w:p>{style}<w:r>{run_props}<w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        xml_text(text)
    )
}

/// A Word document of these paragraphs (as [`word_paragraph`] writes them), with Heading
/// 1–3 styles, a header and a footer that are never body text.
pub fn docx(paragraphs: &[String]) -> Vec<u8> {
    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
    let body: String = paragraphs.concat();
    let document = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
    let styles = format!(
        r#"<w:styles {W}><w:style w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:styleId="Heading2"><w:name w:val="heading 2"/></w:style><w:style w:styleId="Heading3"><w:name w:val="heading 3"/></w:style></w:styles>"#
    );
    let header =
        format!(r#"<w:hdr {W}><w:p><w:r><w:t>CONFIDENTIAL HEADER</w:t></w:r></w:p></w:hdr>"#);
    let footer = format!(r#"<w:ftr {W}><w:p><w:r><w:t>Page footer</w:t></w:r></w:p></w:ftr>"#);
    zip(
        &[
            ("[Content_Types].xml", br#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("_rels/.rels", br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#),
            ("word/_rels/document.xml.rels", br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#),
            ("word/document.xml", document.as_bytes()),
            ("word/styles.xml", styles.as_bytes()),
            ("word/header1.xml", header.as_bytes()),
            ("word/footer1.xml", footer.as_bytes()),
        ],
        true,
    )
}

/// An EPUB book of these chapters (title, XHTML body), titled by its navigation.
pub fn epub(title: &str, chapters: &[(&str, &str)]) -> Vec<u8> {
    let mut manifest = String::from(
        r#"<item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/>"#,
    );
    let mut spine = String::new();
    let mut nav = String::new();
    let mut files = Vec::new();
    for (i, (name, body)) in chapters.iter().enumerate() {
        let _ = write!(
            manifest,
            r#"<item id="c{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>"#
        );
        let _ = write!(spine, r#"<itemref idref="c{i}"/>"#);
        let _ = write!(
            nav,
            r#"<li><a href="c{i}.xhtml">{}</a></li>"#,
            xml_text(name)
        );
        files.push((
            format!("OEBPS/c{i}.xhtml"),
            format!(r#"<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html>"#),
        ));
    }
    let opf = format!(
        r#"<?xml version="1.0"?><package version="3.0" xmlns="http://www.idpf.org/2007/opf" xmlns:dc="http://purl.org/dc/elements/1.1/"><metadata><dc:title>{}</dc:title><dc:language>en</dc:language></metadata><manifest>{manifest}</manifest><spine>{spine}</spine></package>"#,
        xml_text(title)
    );
    let nav = format!(
        r#"<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>{nav}</ol></nav></body></html>"#
    );
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("mimetype".into(), b"application/epub+zip".to_vec()),
        ("META-INF/container.xml".into(), br#"<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#.to_vec()),
        ("OEBPS/book.opf".into(), opf.into_bytes()),
        ("OEBPS/nav.xhtml".into(), nav.into_bytes()),
    ];
    parts.extend(files.into_iter().map(|(n, t)| (n, t.into_bytes())));
    let borrowed: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    zip(&borrowed, true)
}

/// A run of text on a PDF page: where it starts (points from the bottom left), its size,
/// whether bold, and the text.
#[derive(Clone, Debug)]
pub struct Run {
    /// From the left edge.
    pub x: f32,
    /// From the bottom edge (the baseline).
    pub y: f32,
    /// Font size in points.
    pub size: f32,
    /// Set in the bold font.
    pub bold: bool,
    /// The text.
    pub text: String,
}

/// A run at (`x`, `y`) in `size` points.
pub fn run(x: f32, y: f32, size: f32, text: &str) -> Run {
    Run {
        x,
        y,
        size,
        bold: false,
        text: text.to_string(),
    }
}

/// What a PDF is made of besides its pages.
#[derive(Clone, Debug, Default)]
pub struct PdfOptions {
    /// Bookmarks: title and 0-based page.
    pub outline: Vec<(String, usize)>,
    /// Marked as encrypted with a user password.
    pub encrypted: bool,
    /// The document's title in its information dictionary.
    pub title: Option<String>,
}

/// Escapes a PDF text string (for titles), as UTF-16BE with a byte-order mark.
fn pdf_string(text: &str) -> String {
    let mut hex = String::from("<FEFF");
    for unit in text.encode_utf16() {
        let _ = write!(hex, "{unit:04X}");
    }
    hex.push('>');
    hex
}

/// A PDF of A4 pages with these runs (a page with none is a page with no text, as a
/// scan is), its fonts mapping every glyph to its character.
pub fn pdf(pages: &[Vec<Run>], options: &PdfOptions) -> Vec<u8> {
    // Glyph ids: one per character used, in order of first use.
    let mut glyphs: Vec<char> = Vec::new();
    let mut glyph_of = std::collections::HashMap::new();
    for c in pages.iter().flatten().flat_map(|r| r.text.chars()) {
        glyph_of.entry(c).or_insert_with(|| {
            glyphs.push(c);
            glyphs.len()
        });
    }
    let mut objects: Vec<String> = Vec::new();
    // 1 catalog, 2 pages, 3 regular font, 4 bold font, 5 descendant, 6 ToUnicode,
    // 7 descendant bold, then outline, then pages and contents.
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
    );
    for chunk in glyphs.chunks(100).enumerate() {
        let (n, chars) = chunk;
        let _ = writeln!(cmap, "{} beginbfchar", chars.len());
        for (i, c) in chars.iter().enumerate() {
            let mut utf16 = String::new();
            for unit in c.encode_utf16(&mut [0; 2]) {
                let _ = write!(utf16, "{unit:04X}");
            }
            let _ = writeln!(cmap, "<{:04X}> <{utf16}>", n * 100 + i + 1);
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap CMapName currentdict /CMap defineresource pop end end");
    // Widths: half an em for ASCII, a full em otherwise.
    let mut widths = String::from("[");
    for (i, c) in glyphs.iter().enumerate() {
        let _ = write!(
            widths,
            " {} [{}]",
            i + 1,
            if c.is_ascii() { 500 } else { 1000 }
        );
    }
    widths.push(']');
    let page_count = pages.len();
    let first_page = 8 + usize::from(!options.outline.is_empty()) * (1 + options.outline.len());
    let kids: String = (0..page_count)
        .map(|i| format!("{} 0 R ", first_page + 2 * i))
        .collect();
    let outline_ref = if options.outline.is_empty() {
        String::new()
    } else {
        "/Outlines 8 0 R /PageMode /UseOutlines".to_string()
    };
    objects.push(format!("<< /Type /Catalog /Pages 2 0 R {outline_ref} >>"));
    objects.push(format!(
        "<< /Type /Pages /Kids [{kids}] /Count {page_count} >>"
    ));
    for (font, descendant) in [("BriefSans", 5), ("BriefSans-Bold", 7)] {
        objects.push(format!("<< /Type /Font /Subtype /Type0 /BaseFont /{font} /Encoding /Identity-H /DescendantFonts [{descendant} 0 R] /ToUnicode 6 0 R >>"));
    }
    objects.push(format!("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /BriefSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W {widths} >>"));
    objects.push(format!(
        "<< /Length {} >>\nstream\n{cmap}\nendstream",
        cmap.len()
    ));
    objects.push(format!("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /BriefSans-Bold /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W {widths} >>"));
    if !options.outline.is_empty() {
        let n = options.outline.len();
        objects.push(format!(
            "<< /Type /Outlines /First 9 0 R /Last {} 0 R /Count {n} >>",
            8 + n
        ));
        for (i, (title, page)) in options.outline.iter().enumerate() {
            let id = 9 + i;
            let prev = if i > 0 {
                format!("/Prev {} 0 R", id - 1)
            } else {
                String::new()
            };
            let next = if i + 1 < n {
                format!("/Next {} 0 R", id + 1)
            } else {
                String::new()
            };
            objects.push(format!(
                "<< /Title {} /Parent 8 0 R {prev} {next} /Dest [{} 0 R /XYZ 0 842 0] >>",
                pdf_string(title),
                first_page + 2 * page
            ));
        }
    }
    for (i, runs) in pages.iter().enumerate() {
        let mut content = String::new();
        for r in runs {
            let font = if r.bold { "F2" } else { "F1" };
            let mut hex = String::new();
            for c in r.text.chars() {
                let _ = write!(hex, "{:04X}", glyph_of[&c]);
            }
            let _ = writeln!(
                content,
                "BT /{font} {} Tf 1 0 0 1 {} {} Tm <{hex}> Tj ET",
                r.size, r.x, r.y
            );
        }
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
            first_page + 2 * i + 1
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ));
    }
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let encrypt_id = objects.len() + 1;
    let info_id = encrypt_id + 1;
    if options.encrypted {
        offsets.push(out.len());
        let u = "A".repeat(64);
        out.extend_from_slice(format!("{encrypt_id} 0 obj\n<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <{u}> /U <{u}> >>\nendobj\n").as_bytes());
    } else {
        offsets.push(out.len());
        out.extend_from_slice(format!("{encrypt_id} 0 obj\nnull\nendobj\n").as_bytes());
    }
    offsets.push(out.len());
    let title = options
        .title
        .as_deref()
        .map(pdf_string)
        .unwrap_or_else(|| "()".into());
    out.extend_from_slice(
        format!(
            "{info_id} 0 obj\n<< /Title {title} /CreationDate (D:20241116120000Z) >>\nendobj\n"
        )
        .as_bytes(),
    );
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1);
    for offset in &offsets {
        let _ = writeln!(table, "{offset:010} 00000 n ");
    }
    out.extend_from_slice(table.as_bytes());
    let encrypt = if options.encrypted {
        format!("/Encrypt {encrypt_id} 0 R ")
    } else {
        String::new()
    };
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /Info {info_id} 0 R {encrypt}/ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    out
}
