//! Web pages as they are saved from a browser: the article found among navigation, link
//! lists, scripts and footers; headings as the outline; the title without the site's name;
//! encodings declared wrongly; and pages that are empty, all navigation, nested without end
//! or unclosed.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use brief::doc::open::{BUNDLED_TEXT, OpenOptions, open_paths};
use brief::doc::{BlockKind, Document, Format, ParseOptions};
use common::site::{article_of, page};

fn brief(args: &[&str], files: &Path) -> Output {
    common::brief_in(files, args)
}

fn read(text: &str) -> Document {
    Document::parse(
        "page.html",
        None,
        "UTF-8",
        text,
        Format::Html,
        ParseOptions::default(),
    )
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn all_text(doc: &Document) -> String {
    doc.blocks
        .iter()
        .map(|b| b.text())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_article_is_found_among_the_sites_chrome() {
    let html = page("联合公报", &article_of(BUNDLED_TEXT));
    let doc = read(&html);
    assert!(!doc.whole_page);
    let text = all_text(&doc);
    for chrome in [
        "栏目 Section",
        "Related headline",
        "Copyright",
        "搜索",
        "not text",
        "track()",
    ] {
        assert!(!text.contains(chrome), "{chrome} shown: {text:.300}");
    }
    assert!(!text.contains('<'), "no tags shown");
    assert!(text.contains("第二十四次会议在莫斯科举行"));
    // Its headings are the outline, its first `<h1>` the title.
    let headings: Vec<&str> = doc.headings().map(|(_, _, b)| b.text()).collect();
    assert_eq!(headings.len(), 9, "{headings:?}");
    assert_eq!(
        doc.title(),
        "上海合作组织成员国政府首脑(总理)理事会第二十四次会议联合公报"
    );
    assert_eq!(doc.front_date.as_deref(), Some("2025-11-18"));
    // Bold stays bold, as in the Markdown it was made from.
    assert!(doc.blocks.iter().any(|b| b.spans().any(|s| s.style.bold)));
}

#[test]
fn a_page_without_headings_takes_its_title_from_the_head_and_bold_lines_as_sections() {
    let body: String = (1..=3)
        .map(|i| {
            format!(
                "<p><b>Article {i}</b></p><p>The parties agree on point {i}, which is set out at length here so that the page reads as an article with enough text in it to be found among the links.</p><p><b>Note this sentence in bold.</b></p>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Joint Statement on Trade | Ministry of Foreign Affairs</title></head><body><div>{body}</div></body></html>"
    );
    let doc = read(&html);
    assert_eq!(doc.title(), "Joint Statement on Trade");
    let headings: Vec<(u8, &str)> = doc.headings().map(|(_, l, b)| (l, b.text())).collect();
    assert_eq!(
        headings,
        vec![
            (1, "Joint Statement on Trade"),
            (2, "Article 1"),
            (2, "Article 2"),
            (2, "Article 3")
        ],
        "a bold sentence is not a heading"
    );
}

#[test]
fn text_reads_as_a_browser_shows_it() {
    let html = "<html><body><article>\
        <h2>亚洲 &amp; <i>Asia</i> &lt;2025&gt;</h2>\
        <p>Mr\u{a0}President,&nbsp;the   meeting\n  opened.<br>Second line.</p>\
        <p>中国\n外交部今天宣布，双方\n同意。</p>\
        <pre>  kept   as\n  written</pre>\
        <ul><li>one<ul><li>nested</li></ul></li><li>two</li></ul>\
        <ol start=\"3\"><li>third</li></ol>\
        <blockquote><p>Quoted.</p></blockquote>\
        <table><tr><th>Country</th><th>Capital</th><th>Note</th></tr><tr><td>Kazakhstan</td><td></td><td>member</td></tr></table>\
        </article></body></html>";
    let doc = Document::parse(
        "p.html",
        None,
        "UTF-8",
        html,
        Format::Html,
        ParseOptions {
            whole_page: true,
            ..Default::default()
        },
    );
    let texts: Vec<(&BlockKind, &str)> = doc.blocks.iter().map(|b| (&b.kind, b.text())).collect();
    assert_eq!(texts[0], (&BlockKind::Heading(2), "亚洲 & Asia <2025>"));
    assert_eq!(
        texts[1].1,
        "Mr President, the meeting opened.\nSecond line."
    );
    assert_eq!(
        texts[2].1, "中国外交部今天宣布，双方同意。",
        "no space inside Chinese"
    );
    assert_eq!(texts[3], (&BlockKind::Code, "  kept   as\n  written"));
    assert!(matches!(texts[4].0, BlockKind::ListItem { depth: 0, .. }) && texts[4].1 == "one");
    assert!(matches!(texts[5].0, BlockKind::ListItem { depth: 1, .. }) && texts[5].1 == "nested");
    assert!(matches!(&texts[7].0, BlockKind::ListItem { marker, .. } if &**marker == "3."));
    assert_eq!(texts[8], (&BlockKind::Quote, "Quoted."));
    assert_eq!(texts[10].1, "Kazakhstan │  │ member", "empty cells kept");
}

#[test]
fn a_page_of_navigation_only_is_read_whole_and_says_so() {
    let links: String = (0..60)
        .map(|i| format!("<li><a href=\"/{i}\">Link {i}</a></li>"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "portal.html",
        format!("<html><body><nav><ul>{links}</ul></nav></body></html>"),
    );
    let app = common::app_on(std::slice::from_ref(&file));
    assert!(app.docs[0].whole_page);
    assert!(all_text(&app.docs[0]).contains("Link 59"));
    let screen = common::draw(&app);
    assert!(screen.contains("portal.html [whole page]"), "{screen}");
}

#[test]
fn an_empty_page_is_named_and_the_other_files_still_open() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(
        dir.path(),
        "empty.html",
        "<!DOCTYPE html><html><head><title>Nothing</title><script>x()</script></head><body>  </body></html>",
    );
    let good = write(dir.path(), "good.md", "# Good\n\nText.\n");
    let opened = open_paths(&[empty.clone(), good], OpenOptions::default());
    assert_eq!(opened.documents.len(), 1);
    assert_eq!(opened.errors.len(), 1);
    let said = opened.errors[0].to_string();
    assert!(
        said.contains("empty.html") && said.contains("no text"),
        "{said}"
    );
    let out = brief(&["outline", empty.to_str().unwrap()], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.lines().next().unwrap().contains("empty.html"),
        "{said}"
    );
}

#[test]
fn pages_nested_without_end_or_never_closed_open() {
    let deep = format!(
        "<html><body>{}<p>deep text</p>{}</body></html>",
        "<div>".repeat(5_000),
        "</div>".repeat(5_000)
    );
    assert!(all_text(&read(&deep)).contains("deep text"));
    let unclosed = "<html><body><p>one<p>two<b>bold<i>both<div><li>item<table><tr><td>cell";
    let text = all_text(&read(unclosed));
    for piece in ["one", "two", "bold", "item", "cell"] {
        assert!(text.contains(piece), "{piece}: {text}");
    }
}

#[test]
fn wide_tables_and_huge_cells_open() {
    let header: String = (0..200).map(|i| format!("<th>C{i}</th>")).collect();
    let row: String = (0..200).map(|i| format!("<td>{i}</td>")).collect();
    let cell = "长".repeat(10_000);
    let html = format!(
        "<html><body><table><tr>{header}</tr><tr>{row}</tr><tr><td>{cell}</td></tr></table></body></html>"
    );
    // Looking for an article in it is no trouble; read whole, every cell is there.
    assert!(!read(&html).blocks.is_empty());
    let doc = Document::parse(
        "t.html",
        None,
        "UTF-8",
        &html,
        Format::Html,
        ParseOptions {
            whole_page: true,
            ..Default::default()
        },
    );
    assert!(all_text(&doc).contains("C0 │ C1") && all_text(&doc).contains("C199"));
    assert!(
        doc.blocks
            .iter()
            .any(|b| b.text().chars().count() == 10_000)
    );
}

#[test]
fn bytes_win_over_a_declared_charset_and_the_declaration_over_a_guess() {
    let dir = tempfile::tempdir().unwrap();
    let body =
        "<p>中华人民共和国外交部今天宣布，双方同意进一步加强合作，推动两国关系发展。</p>".repeat(5);
    // Declared GB2312, written in UTF-8: the bytes say UTF-8.
    let lying = write(
        dir.path(),
        "lying.html",
        format!("<html><head><meta charset=\"gb2312\"></head><body>{body}</body></html>"),
    );
    // Declared windows-1251 and written in it.
    let russian =
        "<p>Министерство иностранных дел России сообщило сегодня о переговорах.</p>".repeat(5);
    let html = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body>{russian}</body></html>"
    );
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(&html);
    let honest = write(dir.path(), "honest.htm", &cp1251);
    let opened = open_paths(&[lying, honest], OpenOptions::default());
    assert!(opened.errors.is_empty(), "{:?}", opened.errors);
    assert_eq!(opened.documents[0].encoding, "UTF-8");
    assert!(all_text(&opened.documents[0]).contains("中华人民共和国外交部"));
    assert_eq!(opened.documents[1].encoding, "windows-1251");
    assert!(all_text(&opened.documents[1]).contains("Министерство иностранных дел"));
}

#[test]
fn a_page_is_known_by_its_content_and_a_folder_lists_pages() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "saved-page",
        page(
            "Talks",
            &article_of(
                "# Talks\n\nThe talks were held in a friendly atmosphere and covered trade, energy and security in the region, with agreements to follow.",
            ),
        ),
    );
    write(
        dir.path(),
        "b.htm",
        "<html><body><p>Short page.</p></body></html>",
    );
    let v: serde_json::Value = serde_json::from_slice(
        &brief(
            &[
                "outline",
                "--json",
                dir.path().join("saved-page").to_str().unwrap(),
            ],
            dir.path(),
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(v[0]["format"], "html");
    assert_eq!(v[0]["title"], "Talks");
    let opened = open_paths(&[dir.path().to_path_buf()], OpenOptions::default());
    let names: Vec<&str> = opened.documents.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, vec!["b.htm"], "a folder is searched by file endings");
}

#[test]
fn what_a_new_user_met_on_real_pages() {
    // A cell's paragraphs and breaks stay in its row.
    let doc = read(
        "<html><body><table><tr><th>国家</th><th>Name</th><th>Capital</th></tr><tr><td>印度</td><td>India<br>Bharat</td><td><p>New Delhi</p><p>(capital)</p></td></tr></table></body></html>",
    );
    let rows: Vec<&str> = doc.blocks.iter().map(|b| b.text()).collect();
    assert_eq!(
        rows,
        vec![
            "国家 │ Name │ Capital",
            "印度 │ India Bharat │ New Delhi (capital)"
        ]
    );
    // `og:title` without the site's name; a bold label with a full stop is a section.
    let doc = read(&format!(
        "<html><head><meta property=\"og:title\" content=\"Kyrgyz President meets Wang Yi | Xinhua\"></head><body><div>{}</div></body></html>",
        (1..=3)
            .map(|i| format!("<p><strong>Article {i}.</strong></p><p>The parties agree on point {i}, set out at length so that the page reads as an article with enough text in it.</p>"))
            .collect::<String>()
    ));
    assert_eq!(doc.title(), "Kyrgyz President meets Wang Yi");
    assert_eq!(doc.headings().count(), 4, "the title and three articles");
    // Lines are the page's own, in its body (not the `<title>` saying the same words).
    let page = "<html>\n<head>\n<title>Talks</title>\n</head>\n<body>\n<h1>Talks</h1>\n\n<p>The talks were held in a friendly atmosphere.</p>\n</body></html>\n";
    let doc = read(page);
    assert_eq!(doc.blocks[0].line, 6);
    assert_eq!(doc.blocks[1].line, 8);
}

#[test]
fn a_page_declaring_utf8_over_other_bytes_is_read_by_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let html = format!(
        "<html><head><meta charset=\"utf-8\"></head><body>{}</body></html>",
        "<p>中华人民共和国外交部今天宣布，双方同意进一步加强合作。</p>".repeat(5)
    );
    let (gbk, _, _) = encoding_rs::GBK.encode(&html);
    let file = write(dir.path(), "gbk.html", &gbk);
    let opened = open_paths(&[file], OpenOptions::default());
    assert!(all_text(&opened.documents[0]).contains("中华人民共和国外交部"));
    // And `--format html` reads any file as a page.
    let txt = write(dir.path(), "page.txt", "<h2>亚洲</h2><p>Text.</p>");
    let v: serde_json::Value = serde_json::from_slice(
        &brief(
            &[
                "outline",
                "--json",
                "--format",
                "html",
                txt.to_str().unwrap(),
            ],
            dir.path(),
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(v[0]["format"], "html");
    assert_eq!(v[0]["headings"][0]["title"], "亚洲");
}

#[test]
fn a_byline_in_bold_is_neither_a_section_nor_joined_to_the_first_paragraph() {
    let html = "<html><body><div class=\"meta\"><span>2020-06-05 20:35</span> <span>叨叨姐</span></div>\
        <div class=\"a-con\"><p><strong>执笔/叨叨姐、胡一刀</strong> </p>\
        <p>西方世界的一些反华分子正试图串联起来。</p>\
        <p><strong>By Jane Smith</strong></p><p>The ministers met in Astana on Monday.</p></div></body></html>";
    for whole_page in [false, true] {
        let doc = Document::parse(
            "page.html",
            None,
            "UTF-8",
            html,
            Format::Html,
            ParseOptions {
                whole_page,
                ..ParseOptions::default()
            },
        );
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text()).collect();
        assert!(texts.contains(&"执笔/叨叨姐、胡一刀"), "{texts:?}");
        assert!(
            texts.contains(&"西方世界的一些反华分子正试图串联起来。"),
            "{texts:?}"
        );
        assert!(
            doc.blocks.iter().all(|b| b.heading_level().is_none()),
            "{:?}",
            doc.blocks
        );
    }
}

#[test]
fn a_page_is_dated_by_its_headlines_dateline_not_by_a_list_of_other_articles() {
    let page = |info: &str| {
        format!(
            "<html><body><ul class=\"news-list\"><li><span class=\"date\">2019-01-01</span> \
             <a href=\"/a\">Another story</a></li></ul>\
             <div id=\"article\"><h1>补壹刀：新闻标题</h1><div class=\"a-info\">{info}</div>\
             <p>西方世界的一些反华分子正试图串联起来，这是正文的第一段。</p></div></body></html>"
        )
    };
    let dated = |html: &str| read(html).front_date;
    assert_eq!(
        dated(&page("<span class=\"time\">2020-06-05 20:35</span>")).as_deref(),
        Some("2020-06-05")
    );
    assert_eq!(
        dated(&page("<span class=\"pubtime\">2020年6月5日 20:35</span>")).as_deref(),
        Some("2020-06-05")
    );
    // No dateline by the headline: no date, rather than the sidebar's.
    assert_eq!(dated(&page("<span class=\"author\">叨叨姐</span>")), None);
}
