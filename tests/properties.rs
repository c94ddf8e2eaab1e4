//! Properties that hold for any input, checked on generated text: no panic, no text lost, the
//! outline in document order, the export reading back as written.

use brief::app::annotations::Annotations;
use brief::doc::load::sanitize;
use brief::doc::{Document, Format, ParseOptions};
use brief::export::{Input, Source, briefing_note, escape};
use brief::index::countries::Countries;
use brief::index::gazetteer::Gazetteer;
use brief::index::outline::Outline;
use brief::store::anchor::one_line;
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser};

/// Text a briefing could hold, markup, page markers and control characters included.
fn briefing_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "([一二三四五六]、|[0-9]{1,2}\\. |# |## |> |- |\\* |```|\\(下转第[一二三]版\\)|\
         [中国吉尔吉斯乌兹别克斯坦合作会议。，！？]|[a-zA-Z]{1,8}|[ \\t]|\n|\n\n|[*_`\\[\\]<>&|~^$#=-]|\
         the |the\u{a0}|Treaty|Joint Declaration|-brokered|\u{a0}|\n    |\
         [\\x00-\\x1f\\x7f\u{200b}\u{202e}])*",
    )
    .expect("a valid pattern")
}

/// Words and spaces only: nothing Markdown would read as markup.
fn plain_words() -> impl Strategy<Value = String> {
    proptest::string::string_regex("([a-zA-Z]{1,8}|[中国合作会议]{1,4}|[ ]|\n|\n\n)*")
        .expect("a valid pattern")
}

fn parse(text: &str, format: Format, repair: bool) -> Document {
    Document::parse(
        "p.md",
        None,
        "UTF-8",
        text,
        format,
        ParseOptions {
            repair,
            ..Default::default()
        },
    )
}

/// The characters that are not white space, in order.
fn visible(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every block's text and list marker, in order.
fn block_text(doc: &Document) -> String {
    doc.blocks
        .iter()
        .map(|b| match &b.kind {
            brief::doc::BlockKind::ListItem { marker, .. } => format!("{marker}{}", b.text()),
            _ => b.text().to_string(),
        })
        .collect()
}

/// The text a Markdown reader shows for `markdown`, without smart quotes.
fn rendered(markdown: &str) -> String {
    Parser::new_ext(markdown, Options::all() - Options::ENABLE_SMART_PUNCTUATION)
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.to_string()),
            Event::SoftBreak | Event::HardBreak => Some(" ".to_string()),
            _ => None,
        })
        .collect()
}

proptest! {
    #[test]
    fn any_text_parses_and_its_outline_follows_the_documents(
        first in briefing_text(),
        second in briefing_text(),
    ) {
        for format in [Format::Markdown, Format::Plain] {
            for repair in [true, false] {
                // As the loader gives it: control characters already made visible.
                let (first, second) = (sanitize(&first), sanitize(&second));
                let docs = [parse(&first, format, repair), parse(&second, format, repair)];
                let outline = Outline::build(&docs);
                let order: Vec<(usize, usize)> = outline
                    .entries
                    .iter()
                    .filter_map(|e| e.block.map(|b| (e.doc, b.0)))
                    .collect();
                prop_assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
                for doc in &docs {
                    for block in doc.blocks.iter() {
                        prop_assert!(!block.text().chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
                    }
                }
            }
        }
    }

    #[test]
    fn plain_text_keeps_every_character_in_one_block(text in briefing_text()) {
        let clean = sanitize(&text);
        let doc = parse(&clean, Format::Plain, false);
        prop_assert_eq!(visible(&block_text(&doc)), visible(&clean));
    }

    #[test]
    fn markdown_without_markup_keeps_every_character_in_one_block(text in plain_words()) {
        for repair in [true, false] {
            let doc = parse(&text, Format::Markdown, repair);
            prop_assert_eq!(visible(&block_text(&doc)), visible(&text));
        }
    }

    #[test]
    fn escaped_text_reads_back_as_written(text in briefing_text()) {
        let line = one_line(&sanitize(&text));
        prop_assume!(!line.chars().any(char::is_control));
        let back = rendered(&format!("> {}", escape(&line)));
        prop_assert_eq!(back.trim(), line.trim());
    }

    #[test]
    fn an_exported_note_reads_back_with_its_title(text in briefing_text()) {
        let doc = parse(&sanitize(&text), Format::Markdown, true);
        let docs = [doc];
        let sources = [Source { path: "p.md".into(), fingerprint: "sha256:0".into() }];
        let export = |docs: &[Document]| {
            briefing_note(&Input {
                docs,
                sources: &sources,
                outline: &Outline::build(docs),
                annotations: &Annotations::default(),
                countries: &Countries::build(docs, Gazetteer::bundled()),
                gazetteer: Gazetteer::bundled(),
                exported: "2025-11-18 10:00 +03:00",
            })
        };
        let note = export(&docs);
        prop_assert_eq!(&note, &export(&docs));
        // Read back, the note is a document whose one title is the note's.
        let read = parse(&note, Format::Markdown, false);
        let titles: Vec<_> = read.headings().filter(|(_, level, _)| *level == 1).collect();
        prop_assert_eq!(titles.len(), 1);
        prop_assert!(titles[0].2.text().starts_with("Briefing note: "));
        // with the document's title as written.
        let title = docs[0]
            .front_title
            .clone()
            .or_else(|| {
                docs[0]
                    .headings()
                    .map(|(_, _, b)| one_line(b.text()))
                    .find(|t| !t.trim().is_empty())
            })
            .unwrap_or_else(|| docs[0].name.clone());
        let (read_title, expected) = (titles[0].2.text(), format!("Briefing note: {title}"));
        prop_assert_eq!(read_title.trim(), expected.trim());
    }

    #[test]
    fn bookmarked_passages_export_and_read_back_as_written(
        text in briefing_text(),
        name in "[a-z中*_#\\[\\]`<> ]{1,12}",
    ) {
        let doc = parse(&sanitize(&text), Format::Markdown, true);
        let docs = [doc];
        let key = brief::store::document_key(&docs[0]);
        // A bookmark on every block with text (page markers and rules take none).
        let marked: Vec<usize> = (0..docs[0].blocks.len())
            .filter(|&i| {
                let block = &docs[0].blocks[i];
                !matches!(block.kind, brief::doc::BlockKind::Marker | brief::doc::BlockKind::Rule)
                    && !one_line(block.text()).trim().is_empty()
            })
            .collect();
        let bookmarks = marked
            .iter()
            .map(|&i| brief::store::Bookmark {
                document: key.clone(),
                anchor: brief::store::anchor::Anchor::of(&docs[0], brief::doc::BlockId(i), None),
                name: Some(name.clone()),
                id: 0,
                created: String::new(),
            })
            .collect();
        let annotations = Annotations::place(&docs, &[key], bookmarks, Vec::new(), &mut Default::default());
        let sources = [Source { path: "p.md".into(), fingerprint: "sha256:0".into() }];
        let export = || {
            briefing_note(&Input {
                docs: &docs,
                sources: &sources,
                outline: &Outline::build(&docs),
                annotations: &annotations,
                countries: &Countries::build(&docs, Gazetteer::bundled()),
                gazetteer: Gazetteer::bundled(),
                exported: "2025-11-18 10:00 +03:00",
            })
        };
        let note = export();
        prop_assert_eq!(&note, &export(), "the same input exports the same note");
        // Read back: each passage is a quote holding the paragraph as it reads, in order,
        // with its bookmark's name.
        let read = parse(&note, Format::Markdown, false);
        let quotes: Vec<String> = read
            .blocks
            .iter()
            .filter(|b| b.kind == brief::doc::BlockKind::Quote)
            .map(|b| b.text().trim().to_string())
            .collect();
        let expected: Vec<String> = marked
            .iter()
            .map(|&i| one_line(docs[0].blocks[i].text()).trim().to_string())
            .collect();
        prop_assert_eq!(quotes, expected);
        let names = read
            .blocks
            .iter()
            .filter(|b| b.text().starts_with("Bookmark: "))
            .count();
        prop_assert_eq!(names, marked.len());
    }
}
