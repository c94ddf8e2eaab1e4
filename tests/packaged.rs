//! Word documents, PDFs and EPUB books as they arrive, opened by the `brief` binary: each
//! reads as a briefing, and each kind of bad file gets a one-line message naming it while
//! the documents beside it stay open.

mod common;

use std::path::Path;

use common::packages::{self, word_paragraph};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

/// A Chinese report written as WPS writes one: no heading styles, numbered bold lines.
fn report() -> Vec<u8> {
    packages::docx(&[
        word_paragraph("", "2025年北京市政府工作报告", true),
        word_paragraph("", "　　一、2024年工作回顾", true),
        word_paragraph(
            "",
            "　　过去一年，我们坚持稳中求进，上海合作组织峰会服务保障圆满完成。",
            false,
        ),
        word_paragraph("", "　　二、2025年重点任务", true),
        word_paragraph("", "　　（一）扩大高水平对外开放", true),
        word_paragraph("", "　　深化与哈萨克斯坦、乌兹别克斯坦的经贸合作。", false),
    ])
}

fn outline(dir: &Path, file: &str) -> (String, String) {
    let out = common::brief_in(dir, &["outline", file]);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_word_report_without_heading_styles_has_its_numbered_outline() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "report.docx", &report());
    let (stdout, stderr) = outline(dir.path(), &file);
    assert!(stderr.is_empty(), "{stderr}");
    let lines: Vec<String> = stdout
        .lines()
        .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        lines,
        [
            "2025年北京市政府工作报告",
            "一、2024年工作回顾",
            "二、2025年重点任务",
            "（一）扩大高水平对外开放"
        ]
    );
    let countries = common::brief_in(dir.path(), &["countries", &file]);
    let countries = String::from_utf8_lossy(&countries.stdout);
    assert!(
        countries.contains("哈萨克斯坦") || countries.contains("Kazakhstan"),
        "{countries}"
    );
    let found = common::brief_in(dir.path(), &["find", "wzbkst", &file]);
    let found = String::from_utf8_lossy(&found.stdout);
    assert!(found.contains("乌兹别克斯坦"), "{found}");
}

#[test]
fn a_book_opens_with_its_chapters() {
    let dir = tempfile::tempdir().unwrap();
    let book = packages::epub(
        "宪法",
        &[
            (
                "序　言",
                "<p>序　言</p><p>　　中国是世界上历史最悠久的国家之一。</p>",
            ),
            (
                "第一章　总　纲",
                "<p>第一章　总　纲</p><p>　　第一条　中华人民共和国是社会主义国家。</p>",
            ),
        ],
    );
    let file = write(dir.path(), "constitution.epub", &book);
    let (stdout, stderr) = outline(dir.path(), &file);
    assert!(stderr.is_empty(), "{stderr}");
    assert!(
        stdout.contains("序言") && stdout.contains("第一章 总纲"),
        "{stdout}"
    );
}

/// Each bad file's message: one line, naming the file.
fn refused(dir: &Path, name: &str, bytes: &[u8], says: &str) {
    let good = write(dir, "good.docx", &report());
    let bad = write(dir, name, bytes);
    let out = common::brief_in(dir, &["outline", &bad, &good]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{name}: {stderr}");
    assert!(lines[0].contains(&format!("{bad}: ")), "{name}: {stderr}");
    assert!(lines[0].contains(says), "{name}: {stderr}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("一、2024年工作回顾"),
        "{name}: the good document beside it stays open"
    );
}

#[test]
fn bad_files_are_named_in_one_line_and_the_rest_open() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let mut cut = report();
    cut.truncate(cut.len() / 2);
    refused(dir, "cut.docx", &cut, "damaged");
    refused(
        dir,
        "text.docx",
        b"Minutes of the meeting.\nNot a Word file.",
        "its name says Word, but it is not",
    );
    refused(dir, "empty.pdf", b"", "empty (0 bytes)");
    refused(
        dir,
        "other.docx",
        &packages::zip(&[("notes.txt", b"hello")], true),
        "zip archive",
    );
    refused(
        dir,
        "old.docx",
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
        ".doc",
    );
    let book = packages::zip(
        &[(
            "META-INF/container.xml",
            b"<container><rootfiles><rootfile full-path=\"x.opf\"/></rootfiles></container>",
        )],
        true,
    );
    refused(dir, "nopackage.epub", &book, "damaged");
}

#[test]
fn a_zip_bomb_is_refused_without_unpacking_it() {
    // Two hundred and sixty megabytes of one character pack to a few hundred kilobytes.
    let mut out = std::io::Cursor::new(Vec::new());
    {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file("word/document.xml", options).unwrap();
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..260 {
            zip.write_all(&chunk).unwrap();
        }
        zip.finish().unwrap();
    }
    let bomb = out.into_inner();
    assert!(bomb.len() < 2_000_000, "{}", bomb.len());
    let dir = tempfile::tempdir().unwrap();
    refused(
        dir.path(),
        "bomb.docx",
        &bomb,
        "unpacks to more than 256 MB",
    );
}

use common::packages::{PdfOptions, Run, run};

/// A law as a PDF prints it: its title over articles, an outline, a running head and a
/// page number on each page.
fn law_pages() -> Vec<Vec<Run>> {
    (0..3)
        .map(|n| {
            let mut page = vec![
                run(250.0, 800.0, 9.0, "中华人民共和国对外贸易法"),
                run(290.0, 30.0, 9.0, &format!("{}", n + 1)),
            ];
            if n == 0 {
                page.push(run(150.0, 740.0, 16.0, "第一章　总则"));
            }
            page.push(run(72.0, 700.0, 10.5, &format!("第{}条　为了扩大对外开放，发展对外贸易，维护对外贸易秩序，促进社会主义市场经济", ["一", "二", "三"][n])));
            page.push(run(72.0, 686.0, 10.5, "的健康发展，与乌兹别克斯坦开展合作，制定本法。"));
            page
        })
        .collect()
}

#[test]
fn a_pdf_reads_in_order_with_its_outline_and_without_its_margins() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = packages::pdf(
        &law_pages(),
        &PdfOptions {
            outline: vec![("第一章　总则".into(), 0)],
            title: Some("对外贸易法".into()),
            ..PdfOptions::default()
        },
    );
    let file = write(dir.path(), "law.pdf", &pdf);
    let (stdout, stderr) = outline(dir.path(), &file);
    assert!(stderr.is_empty(), "{stderr}");
    assert!(stdout.contains("第一章 总则"), "{stdout}");
    let found = common::brief_in(dir.path(), &["find", "--limit", "5", "第二条", &file]);
    let found = String::from_utf8_lossy(&found.stdout);
    assert!(
        found.contains("市场经济的健康发展"),
        "a line wrapped inside a CJK word joins without a space: {found}"
    );
    assert!(
        !found.contains("中华人民共和国对外贸易法"),
        "the running head is not text: {found}"
    );
}

#[test]
fn a_scanned_pdf_says_it_needs_ocr() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = packages::pdf(&[Vec::new(), Vec::new()], &PdfOptions::default());
    let file = write(dir.path(), "scan.pdf", &pdf);
    let found = common::brief_in(dir.path(), &["find", "ocrmypdf", &file]);
    assert!(found.status.success());
    assert!(
        String::from_utf8_lossy(&found.stdout).contains("ocrmypdf"),
        "{}",
        String::from_utf8_lossy(&found.stdout)
    );
}

#[test]
fn bad_pdfs_are_named_in_one_line_and_the_rest_open() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let locked = packages::pdf(
        &law_pages(),
        &PdfOptions {
            encrypted: true,
            ..PdfOptions::default()
        },
    );
    refused(dir, "locked.pdf", &locked, "password");
    // Text whose characters have no meaning: a font that maps its glyphs to private use.
    let garbled: String = (0..200)
        .map(|i| char::from_u32(0xE000 + i).unwrap())
        .collect();
    let garbled = packages::pdf(
        &[vec![run(72.0, 700.0, 10.0, &garbled)]],
        &PdfOptions::default(),
    );
    refused(dir, "garbled.pdf", &garbled, "unreadable");
    // A PDF cut in half has lost its cross-reference table and most of its objects.
    let mut cut = packages::pdf(&law_pages(), &PdfOptions::default());
    cut.truncate(cut.len() / 3);
    refused(dir, "cut.pdf", &cut, "damaged");
    refused(dir, "junk.pdf", b"%PDF-1.7\n%%EOF garbage", "damaged");
}

#[test]
fn a_long_pdf_can_be_read_first_pages_first() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "law.pdf",
        &packages::pdf(&law_pages(), &PdfOptions::default()),
    );
    let options = |first_pages| brief::doc::open::OpenOptions {
        parse: brief::doc::ParseOptions {
            first_pages,
            ..Default::default()
        },
        ..Default::default()
    };
    let open = |first_pages| {
        brief::doc::open::open_file(Path::new(&file), "law.pdf".into(), options(first_pages))
            .unwrap()
    };
    let first = open(Some(1));
    assert_eq!(first.unread_pages, 2);
    let text = |d: &brief::doc::Document| {
        d.blocks
            .iter()
            .map(|b| b.text().to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(text(&first).contains("第一条") && !text(&first).contains("第三条"));
    let whole = open(None);
    assert_eq!(whole.unread_pages, 0);
    assert!(text(&whole).contains("第三条"));
}

#[test]
fn a_book_missing_a_chapter_opens_and_says_so() {
    let whole = packages::epub(
        "宪法",
        &[
            ("序言", "<p>中国是世界上历史最悠久的国家之一。</p>"),
            ("第一章", "<p>第一条　中华人民共和国是社会主义国家。</p>"),
        ],
    );
    // The same book without its second chapter's file.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&whole)).unwrap();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut bytes).unwrap();
        if file.name() != "OEBPS/c1.xhtml" {
            parts.push((file.name().to_string(), bytes));
        }
    }
    let borrowed: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "book.epub", &packages::zip(&borrowed, true));
    let out = common::brief_in(dir.path(), &["outline", &file]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!("{file}: 1 chapter missing from the book")),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("序言"));
}
