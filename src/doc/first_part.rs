//! The first part of a long Markdown briefing, read alone so that the reader shows it at
//! once; the whole is read behind it and takes its place. The part ends before a heading
//! that follows a blank line ([`super::markdown_parts`]), so its blocks are the whole's
//! first blocks, and a place in it is the same place in the whole.

use std::io::Read;
use std::path::Path;

use super::load::{self, MAX_FILE_BYTES};
use super::markdown_parts::parts;
use super::{Document, Format, ParseOptions};

/// A file at least this long shows its first part first.
pub const LONG_TEXT_BYTES: u64 = 512 * 1024;

/// How much of a long file is read for its first part: a few screens' worth of any
/// briefing, parsed and laid out in a millisecond or two.
const HEAD_BYTES: usize = 128 * 1024;

/// The first part is at least this long, so that it has some sections to outline.
const LEAST_PART_BYTES: usize = 16 * 1024;

/// The first part of a long Markdown file in UTF-8, as a document whose
/// [`Document::unread_bytes`] says how much is still to read. `None` when the file is short,
/// in another format or encoding, or has no heading to end a part before: then it is read
/// whole.
pub fn open(
    path: &Path,
    name: &str,
    format: Option<Format>,
    options: ParseOptions,
) -> Option<Document> {
    if format.is_some_and(|f| f != Format::Markdown) {
        return None;
    }
    if Format::for_path(path).is_some_and(|f| f != Format::Markdown) {
        return None;
    }
    let mut file = std::fs::File::open(path).ok()?;
    let size = file.metadata().ok()?.len();
    if !(LONG_TEXT_BYTES..=MAX_FILE_BYTES).contains(&size) {
        return None;
    }
    let mut head = Vec::with_capacity(HEAD_BYTES);
    (&mut file)
        .take(HEAD_BYTES as u64)
        .read_to_end(&mut head)
        .ok()?;
    let text = utf8_head(&head)?;
    if load::needs_sanitizing(text) || Format::of_file(format, path, text) != Format::Markdown {
        return None;
    }
    let cut = parts(text, LEAST_PART_BYTES).last()?.start;
    if cut == 0 {
        return None;
    }
    let mut doc = Document::parse(
        load::sanitize(name),
        Some(path.to_path_buf()),
        "UTF-8",
        &text[..cut],
        Format::Markdown,
        ParseOptions {
            as_told: true,
            ..options
        },
    );
    doc.unread_bytes = size - cut as u64;
    Some(doc)
}

/// The text of the head of a file, when it is UTF-8 (a character cut at its end aside) with
/// no byte-order mark.
fn utf8_head(head: &[u8]) -> Option<&str> {
    if !load::is_plain_utf8(head, None) {
        return None;
    }
    match std::str::from_utf8(head) {
        Ok(text) => Some(text),
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&head[..e.valid_up_to()]).ok(),
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long_briefing() -> String {
        let mut text = String::from("# 要闻\n\n");
        for n in 0..8000 {
            text.push_str(&format!(
                "## 第{n}节\n\n双方同意加快中吉乌铁路建设，第{n}段。Both sides agreed.\n\n"
            ));
        }
        text
    }

    #[test]
    fn the_first_part_is_the_first_blocks_of_the_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("long.md");
        let text = long_briefing();
        std::fs::write(&path, &text).unwrap();
        let part = open(&path, "long.md", None, ParseOptions::default()).expect("a long file");
        let whole = super::super::markdown("long.md", &text);
        assert!(part.blocks.len() > 10 && part.blocks.len() < whole.blocks.len());
        for (a, b) in part.blocks.iter().zip(whole.blocks.iter()) {
            assert_eq!(a.text(), b.text());
            assert_eq!(a.kind, b.kind);
        }
        assert!(part.unread_bytes > 0);
        assert!(part.unread_bytes < text.len() as u64);
    }

    #[test]
    fn short_other_and_unheaded_files_are_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let short = dir.path().join("short.md");
        std::fs::write(&short, "# A\n\ntext\n").unwrap();
        assert!(open(&short, "short.md", None, ParseOptions::default()).is_none());
        let page = dir.path().join("page.html");
        std::fs::write(&page, long_briefing()).unwrap();
        assert!(open(&page, "page.html", None, ParseOptions::default()).is_none());
        let flat = dir.path().join("flat.md");
        std::fs::write(&flat, "没有标题的一段话。\n\n".repeat(40_000)).unwrap();
        assert!(open(&flat, "flat.md", None, ParseOptions::default()).is_none());
        let gbk = dir.path().join("gbk.txt");
        let text = long_briefing();
        let (bytes, _, _) = encoding_rs::GBK.encode(&text);
        std::fs::write(&gbk, &bytes).unwrap();
        assert!(open(&gbk, "gbk.txt", None, ParseOptions::default()).is_none());
    }
}
