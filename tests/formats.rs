//! Briefings as they arrive: Markdown read as Markdown whatever the file is called, plain
//! text left plain, a format forced with `--format`, and the format used said on screen and
//! in `brief outline --json`.

mod common;

use std::path::Path;
use std::process::Output;

use brief::doc::open::BUNDLED_TEXT;

fn brief(args: &[&str], files: &Path) -> Output {
    common::brief_in(files, args)
}

fn outline_json(args: &[&str], files: &Path) -> serde_json::Value {
    let out = brief(&[&["outline", "--json"], args].concat(), files);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A Markdown text read as a document.
fn markdown(text: &str) -> brief::doc::Document {
    brief::doc::Document::parse(
        "m.md",
        None,
        "UTF-8",
        text,
        brief::doc::Format::Markdown,
        brief::doc::ParseOptions::default(),
    )
}

/// Headings in a JSON outline tree, depth first.
fn count_headings(nodes: &serde_json::Value) -> usize {
    nodes.as_array().map_or(0, |list| {
        list.iter()
            .map(|n| 1 + count_headings(&n["children"]))
            .sum()
    })
}

/// A newspaper page as plain text, as delivered: headlines, a dateline, items numbered
/// `一、`, short caption lines, and a `#` in a line of text.
fn newspaper() -> String {
    let mut text = String::new();
    for n in 0..6 {
        text.push_str(&format!("北京新年音乐会展现经典魅力第{n}场\n\n"));
        text.push_str(
            "本报北京12月31日讯 记者报道：新年音乐会在人民大会堂举行，数千观众一起欣赏。\n\n",
        );
        text.push_str("一、经济形势\n\n今年经济平稳增长，#1 热点是就业。\n\n");
        text.push_str("2、滑雪场上显身手\n\n晚上10时，记者来到了王府井。\n\n");
    }
    text
}

#[test]
fn markdown_delivered_as_txt_is_read_as_markdown_in_any_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = dir.path().join("briefing.txt");
    std::fs::write(&utf8, BUNDLED_TEXT).unwrap();
    let (gb, _, _) = encoding_rs::GB18030.encode(BUNDLED_TEXT);
    let gb18030 = dir.path().join("briefing-gb.txt");
    std::fs::write(&gb18030, &gb).unwrap();
    for file in [&utf8, &gb18030] {
        let v = outline_json(&[file.to_str().unwrap()], dir.path());
        assert_eq!(v[0]["format"], "markdown", "{file:?}");
        assert_eq!(count_headings(&v[0]["headings"]), 9, "{file:?}");
        assert_eq!(
            v[0]["title"],
            "上海合作组织成员国政府首脑(总理)理事会第二十四次会议联合公报"
        );
    }
    // The reader says it read the .txt as Markdown.
    let app = common::app_on(std::slice::from_ref(&utf8));
    let screen = common::draw(&app);
    assert!(screen.contains("briefing.txt [Markdown]"), "{screen}");
}

#[test]
fn plain_text_stays_plain_and_a_format_can_be_forced() {
    let dir = tempfile::tempdir().unwrap();
    let paper = dir.path().join("paper.gbk.txt");
    let text = newspaper();
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    std::fs::write(&paper, &gbk).unwrap();
    let v = outline_json(&[paper.to_str().unwrap()], dir.path());
    assert_eq!(v[0]["format"], "plain");

    let briefing = dir.path().join("briefing.txt");
    std::fs::write(&briefing, BUNDLED_TEXT).unwrap();
    let v = outline_json(
        &["--format", "text", briefing.to_str().unwrap()],
        dir.path(),
    );
    assert_eq!(v[0]["format"], "plain");
    let v = outline_json(&["--format", "md", paper.to_str().unwrap()], dir.path());
    assert_eq!(v[0]["format"], "markdown", "as told, even with no headings");

    let out = brief(
        &["outline", "--format", "rtf", briefing.to_str().unwrap()],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("`rtf` is not a format brief reads"), "{said}");
}

#[test]
fn html_inside_markdown_reads_as_what_it_means() {
    let text = "# Members\n\n<h2>亚洲 Asia</h2>\n\nA <a href=\"https://example.org\">link</a>, <b>bold</b>, H<sub>2</sub>O<sup>1</sup>.<br>Next line.\n\n<table><tr><th>国家</th><th>首都</th><th>备注</th></tr><tr><td>哈萨克斯坦</td><td></td><td>成员国</td></tr></table>\n\n<!-- a comment -->\n\nAfter.\n";
    let doc = markdown(text);
    let headings: Vec<(u8, &str)> = doc.headings().map(|(_, l, b)| (l, b.text())).collect();
    assert_eq!(headings, vec![(1, "Members"), (2, "亚洲 Asia")]);
    let para = &doc.blocks[2];
    assert_eq!(para.text(), "A link, bold, H2O1.\nNext line.");
    let styled: Vec<(&str, bool, bool)> = para
        .spans()
        .map(|s| (s.text, s.style.link, s.style.bold))
        .collect();
    assert!(styled.contains(&("link", true, false)), "{styled:?}");
    assert!(styled.contains(&("bold", false, true)), "{styled:?}");
    assert_eq!(
        doc.blocks[4].text(),
        "哈萨克斯坦 │  │ 成员国",
        "empty cells kept"
    );
    assert!(!doc.blocks.iter().any(|b| b.text().contains('<')));
    assert_eq!(doc.blocks.last().unwrap().text(), "After.");
}

#[test]
fn footnotes_keep_their_labels_and_heading_attributes_are_not_text() {
    let doc = markdown(
        "# Title {#top}\n\n## Section {#s1 .wide}\n\nText with a note.[^1]\n\n[^1]: The footnote text.\n",
    );
    let headings: Vec<&str> = doc.headings().map(|(_, _, b)| b.text()).collect();
    assert_eq!(headings, vec!["Title", "Section"]);
    assert!(doc.blocks[2].text().ends_with("note.[1]"));
    let footnote = doc.blocks.last().unwrap();
    assert_eq!(footnote.text(), "The footnote text.");
    assert!(
        matches!(&footnote.kind, brief::doc::BlockKind::ListItem { marker, .. } if &**marker == "[1]"),
        "{:?}",
        footnote.kind
    );
}

#[test]
fn a_txt_holding_a_page_fragment_is_read_as_a_web_page_and_underlined_titles_as_headings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("fragment.txt"),
        "<h2>亚洲 Asia</h2>\n<p>The ministers met in <b>Astana</b>.</p>\n<h2>Europe</h2><p>Then in Minsk.</p>\n",
    )
    .unwrap();
    // Not a fragment: text that only starts with a tag, and Markdown with an HTML block.
    std::fs::write(
        dir.path().join("angle.txt"),
        "<p> is how a paragraph opens in HTML.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("notes.txt"),
        "<div align=\"center\">Logo</div>\n\n# Title\n\n## Part\n\nText.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("underlined.txt"),
        "Joint Statement\n===============\n\nThe parties met.\n\nEnergy\n------\n\nThey agreed.\n",
    )
    .unwrap();
    let formats: Vec<(String, Vec<String>)> =
        ["fragment.txt", "angle.txt", "notes.txt", "underlined.txt"]
            .iter()
            .map(|name| {
                let json = outline_json(&[&dir.path().join(name).to_string_lossy()], dir.path());
                let titles = json[0]["headings"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .map(|h| h["title"].as_str().unwrap_or("").to_string())
                            .collect()
                    })
                    .unwrap_or_default();
                (json[0]["format"].as_str().unwrap_or("").to_string(), titles)
            })
            .collect();
    assert_eq!(formats[0].0, "html");
    assert_eq!(formats[0].1, ["亚洲 Asia", "Europe"]);
    assert_eq!(formats[1].0, "plain");
    assert_eq!(formats[2].0, "markdown");
    assert_eq!(formats[3].0, "plain");
    assert_eq!(formats[3].1, ["Joint Statement"]);
}
