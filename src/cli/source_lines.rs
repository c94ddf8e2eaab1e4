//! The line of its file a mention stands on, as the listings give it. A block knows the line
//! it starts on; in a hard-wrapped text a paragraph runs over many lines, and a name thirty
//! lines into it would be listed at the paragraph's first. So the listings read a Markdown or
//! plain-text file again and look for the mention's words within the paragraph's lines, white
//! space read as one space. Where they cannot be matched one for one (written with markup, or
//! escaped), the paragraph's first line is given: a wrong line is worse than a rough one.

use std::ops::Range;

use crate::doc::{BlockId, Document, Format};

/// The longest block, in bytes, whose mentions are placed on their own lines.
const LONGEST: usize = 64 * 1024;

/// The text files of the documents listed, read again, to place mentions on their lines.
pub struct SourceLines {
    /// For each document, its text when it is Markdown or plain text read from a file, and
    /// where each of its lines starts.
    texts: Vec<Option<(String, Vec<usize>)>>,
}

impl SourceLines {
    /// Reads again the files of `docs` whose lines are the text's own (Markdown, plain text).
    pub fn read(docs: &[Document]) -> SourceLines {
        let texts = docs
            .iter()
            .map(|doc| {
                if !matches!(doc.format, Format::Markdown | Format::Plain) {
                    return None;
                }
                let bytes = std::fs::read(doc.path.as_ref()?).ok()?;
                let encoding = encoding_rs::Encoding::for_label(doc.encoding.as_bytes());
                let text = crate::doc::load::decode_owned(bytes, encoding)?.text;
                let starts = line_starts(&text);
                Some((text, starts))
            })
            .collect();
        SourceLines { texts }
    }

    /// The 1-based line of its file the mention at `range` of block `block` of document `doc`
    /// stands on; the block's first line when that cannot be told for sure.
    pub fn line(
        &self,
        docs: &[Document],
        doc: usize,
        block: BlockId,
        range: Range<usize>,
    ) -> usize {
        let blocks = &docs[doc].blocks;
        let Some(b) = blocks.get(block.0) else {
            return 0;
        };
        // A paragraph longer than any wrapped one (a line with no break in megabytes) would
        // be searched once for each name in it.
        if b.text().len() > LONGEST {
            return b.line;
        }
        let (Some(Some((source, starts))), Some(words)) =
            (self.texts.get(doc), b.text().get(range.clone()))
        else {
            return b.line;
        };
        let end = blocks[block.0 + 1..]
            .iter()
            .map(|next| next.line)
            .find(|&line| line > b.line);
        paragraph(source, starts, b.line, end)
            .and_then(|lines| mention_line(lines, b.text(), range.start, words))
            .map_or(b.line, |n| b.line + n)
    }
}

/// Where each line of `text` starts, in bytes.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .collect()
}

/// The lines of `source` (whose lines start at `starts`) from line `first` up to `end`
/// (exclusive; the file's end with `None`), 1-based: a paragraph's, up to the next block's.
fn paragraph<'a>(
    source: &'a str,
    starts: &[usize],
    first: usize,
    end: Option<usize>,
) -> Option<&'a str> {
    let from = *starts.get(first.saturating_sub(1))?;
    let to = end
        .and_then(|end| starts.get(end.saturating_sub(1)))
        .map_or(source.len(), |&to| to.max(from));
    Some(&source[from..to])
}

/// The line of `lines` (0 for the first) of the occurrence of `words` at byte `at` of the
/// block's `text`. Runs of white space are read as
/// one space on both sides, so words a line break cuts (Vladimir / Putin) are found where they
/// start; the lines must hold `words` as often as the text does, so that each occurrence is
/// matched to its own.
fn mention_line(lines: &str, text: &str, at: usize, words: &str) -> Option<usize> {
    let (words, _) = collapsed(words);
    let words = words.trim();
    if words.is_empty() {
        return None;
    }
    let (text, text_at) = collapsed(text);
    let at = text_at.partition_point(|&b| b < at);
    let in_text: Vec<usize> = text.match_indices(words).map(|(i, _)| i).collect();
    let before = in_text.iter().filter(|&&i| i < at).count();
    let (stretch, stretch_at) = collapsed(lines);
    let in_lines: Vec<usize> = stretch.match_indices(words).map(|(i, _)| i).collect();
    if in_lines.len() != in_text.len() {
        return None;
    }
    let byte = stretch_at[*in_lines.get(before)?];
    Some(lines[..byte].matches('\n').count())
}

/// `text` with each run of white space made one space, and for each byte of it the byte of
/// `text` it comes from.
fn collapsed(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len());
    let mut space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                from.push(i);
            }
            space = true;
            continue;
        }
        space = false;
        out.push(c);
        from.extend(std::iter::repeat_n(i, c.len_utf8()));
    }
    (out, from)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 1-based line of `source`, within lines `first` to `end`, of the mention at `at`.
    fn mention_line(
        source: &str,
        text: &str,
        at: usize,
        words: &str,
        first: usize,
        end: Option<usize>,
    ) -> Option<usize> {
        let lines = paragraph(source, &line_starts(source), first, end)?;
        super::mention_line(lines, text, at, words).map(|n| first + n)
    }

    const SOURCE: &str = "# Title\n\nThe Prime Minister\nmet President Zelenskyy in Hiroshima.\nLater Zelenskyy\nspoke.\n\nNext paragraph.\n";

    #[test]
    fn a_mention_deep_in_a_wrapped_paragraph_is_on_its_own_line() {
        let text =
            "The Prime Minister met President Zelenskyy in Hiroshima. Later Zelenskyy spoke.";
        let first = text.find("Zelenskyy").unwrap();
        let second = text.rfind("Zelenskyy").unwrap();
        let line = |at| mention_line(SOURCE, text, at, "Zelenskyy", 3, Some(8));
        assert_eq!(line(first), Some(4));
        assert_eq!(line(second), Some(5));
        let hiroshima = text.find("Hiroshima").unwrap();
        assert_eq!(
            mention_line(SOURCE, text, hiroshima, "Hiroshima", 3, Some(8)),
            Some(4)
        );
    }

    #[test]
    fn words_a_line_break_cuts_are_found_where_they_start() {
        let source = "Meeting with Prime Minister Narendra\n  Modi, and Narendra Modi again.\n";
        let text = "Meeting with Prime Minister Narendra Modi, and Narendra Modi again.";
        let first = text.find("Narendra Modi").unwrap();
        let second = text.rfind("Narendra Modi").unwrap();
        assert_eq!(
            mention_line(source, text, first, "Narendra Modi", 1, None),
            Some(1)
        );
        assert_eq!(
            mention_line(source, text, second, "Narendra Modi", 1, None),
            Some(2)
        );
    }

    #[test]
    fn words_the_lines_do_not_hold_one_for_one_give_no_line() {
        // Markup inside the name: the paragraph's first line is given instead.
        let source = "Talks with **Narendra** Modi\nand Narendra Modi.\n";
        let text = "Talks with Narendra Modi and Narendra Modi.";
        let at = text.find("Narendra Modi").unwrap();
        assert_eq!(
            mention_line(source, text, at, "Narendra Modi", 1, None),
            None
        );
        // Outside the paragraph's lines nothing is looked for.
        assert_eq!(
            mention_line(SOURCE, "Next paragraph.", 0, "Next", 8, None),
            Some(8)
        );
        assert_eq!(
            mention_line(SOURCE, "Zelenskyy", 0, "Zelenskyy", 8, None),
            None
        );
    }
}
