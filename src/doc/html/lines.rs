//! Where each block of a page stands in the page's source: its text found, in order, in the
//! text the page's tokens spell (entities decoded, tags and scripts left out, white space
//! as one space), which keeps the line each piece came from.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use crate::doc::Block;

/// How many characters of a block's opening text are looked for: many first, so that two
/// paragraphs opening alike are told apart, then a few, when the page spells the block's
/// text otherwise further on.
const PROBES: [usize; 2] = [64, 24];

/// How far ahead of the last block found the next one is looked for, in bytes of text.
const AHEAD: usize = 1 << 20;

/// Elements that style words inside a line of text: their tags stand between no two words.
const INLINE: [&str; 25] = [
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
    "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "u",
];

/// The text of a page as a reader sees it, and where its lines begin in that text.
#[derive(Default)]
struct PageText {
    /// The text, its white space runs written as one space.
    text: String,
    /// Where each line of the source (from the first with text) begins in `text`, with
    /// its number.
    lines: Vec<(usize, u64)>,
}

impl PageText {
    /// Adds a run of text that ends on line `end_line` of the source.
    fn push(&mut self, run: &str, end_line: u64) {
        let mut line = end_line.saturating_sub(run.matches('\n').count() as u64);
        self.mark(line);
        for c in run.chars() {
            if c.is_whitespace() {
                if !self.text.ends_with(' ') && !self.text.is_empty() {
                    self.text.push(' ');
                }
            } else {
                self.text.push(c);
            }
            if c == '\n' {
                line += 1;
                self.mark(line);
            }
        }
    }

    /// Notes that what follows in the text comes from `line`.
    fn mark(&mut self, line: u64) {
        match self.lines.last_mut() {
            Some((at, l)) if *at == self.text.len() => *l = line,
            Some((_, l)) if *l == line => {}
            _ => self.lines.push((self.text.len(), line)),
        }
    }

    /// The line of the source the text at `at` came from.
    fn line_at(&self, at: usize) -> u64 {
        let i = self.lines.partition_point(|&(start, _)| start <= at);
        i.checked_sub(1).map_or(1, |i| self.lines[i].1)
    }
}

/// Collects the page's text from its tokens, leaving out what scripts and styles hold.
#[derive(Default)]
struct Collector {
    page: RefCell<PageText>,
    /// The element whose text is not the page's (`script`), while inside it.
    inside: RefCell<Option<String>>,
}

impl TokenSink for Collector {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let inside = self.inside.borrow().is_some();
        match token {
            Token::CharacterTokens(run) if !inside => self.page.borrow_mut().push(&run, line),
            Token::TagToken(Tag {
                kind: TagKind::StartTag,
                name,
                self_closing: false,
                ..
            }) if !inside => {
                // As a browser reads them: a script's, a style's or the head's title's text
                // is not the page's text.
                let raw = match &*name {
                    "script" => Some(RawKind::ScriptData),
                    "style" | "noscript" | "iframe" | "noembed" | "noframes" | "xmp" => {
                        Some(RawKind::Rawtext)
                    }
                    "title" | "textarea" => Some(RawKind::Rcdata),
                    _ => None,
                };
                if let Some(raw) = raw {
                    *self.inside.borrow_mut() = Some(name.to_string());
                    return TokenSinkResult::RawData(raw);
                }
                // A tag between two words keeps them apart (`<br>`, `</p><p>`); a word's
                // style does not (`<b>Chairman</b>: Thank you`).
                if !INLINE.contains(&&*name) {
                    self.page.borrow_mut().push(" ", line);
                }
            }
            Token::TagToken(Tag {
                kind: TagKind::EndTag,
                name,
                ..
            }) if self.inside.borrow().as_deref() == Some(&*name) => {
                *self.inside.borrow_mut() = None;
            }
            Token::TagToken(Tag { name, .. }) if !inside && !INLINE.contains(&&*name) => {
                self.page.borrow_mut().push(" ", line);
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The text of the page `source`.
fn page_text(source: &str) -> PageText {
    let tokenizer = Tokenizer::new(Collector::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(source));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.page.take()
}

/// The opening words of a block as the page's text would spell them, at most `chars`
/// characters: up to a table's cell separator, white space as one space. Only the words
/// needed are read, however long the block.
fn probe(block: &Block, chars: usize) -> String {
    let text = block.text();
    let first = text
        .split(crate::doc::table::CELL_SEPARATOR.trim())
        .next()
        .unwrap_or("");
    let mut out = String::new();
    for word in first.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        if out.chars().nth(chars).is_some() {
            break;
        }
    }
    out.chars().take(chars).collect()
}

/// Gives each block the line of the page where its text starts: its opening words found in
/// the page's text after the block before it. A block not found (text the page does not
/// spell as the block reads) keeps the line of the block before.
pub(super) fn assign_lines(source: &str, blocks: &mut [Block]) {
    let page = page_text(source);
    let text = &page.text;
    // The text is in the body: the head's `<title>` is left out as a script is, so the first
    // block, the title, is found where the body repeats it or keeps line 1.
    let mut at = 0;
    let mut line = 1;
    for block in blocks.iter_mut() {
        let mut end = (at + AHEAD).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window = &text.as_bytes()[at..end];
        // The shorter probes are the start of the longest.
        let longest = probe(block, PROBES[0]);
        let found = PROBES.iter().find_map(|&chars| {
            let end = longest
                .char_indices()
                .nth(chars)
                .map_or(longest.len(), |(i, _)| i);
            let probe = &longest[..end];
            (!probe.is_empty())
                .then(|| memchr::memmem::find(window, probe.as_bytes()))
                .flatten()
                .map(|offset| (offset, probe.len()))
        });
        if let Some((offset, len)) = found {
            line = page.line_at(at + offset);
            // The next block starts after this one's opening words.
            at += offset + len;
        }
        block.line = usize::try_from(line).unwrap_or(usize::MAX);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::BlockKind;

    fn lines_of(source: &str, texts: &[&str]) -> Vec<usize> {
        let mut blocks: Vec<Block> = texts
            .iter()
            .map(|t| Block::new(BlockKind::Paragraph, *t, 0))
            .collect();
        assign_lines(source, &mut blocks);
        blocks.iter().map(|b| b.line).collect()
    }

    #[test]
    fn a_block_is_found_whatever_the_page_breaks_its_lines_and_spells_its_letters() {
        let page = "<html><head><title>What is it</title>\n<script>var s = 'What is our position';\n</script></head>\n<body>\n<p>First\nparagraph.</p>\n<p>What is\nour position on this case? We don&rsquo;t\nknow.</p>\n<p>Later, what is our position on this case now?</p>\n</body></html>";
        assert_eq!(
            lines_of(
                page,
                &[
                    "First paragraph.",
                    "What is our position on this case? We don’t know.",
                    "Later, what is our position on this case now?",
                ]
            ),
            vec![5, 7, 10]
        );
    }

    #[test]
    fn paragraphs_opening_alike_are_told_apart() {
        let page = "<body>\n<p>The <i>Chairman</i> of the Board of the Valdai Foundation spoke.</p>\n<p>You were right.</p>\n<p>You were right, and so was he.</p>\n<p><b>Chairman of the Board of the Foundation for Development</b>: Thank you.</p>\n</body>";
        assert_eq!(
            lines_of(
                page,
                &[
                    "The Chairman of the Board of the Valdai Foundation spoke.",
                    "You were right.",
                    "You were right, and so was he.",
                    "Chairman of the Board of the Foundation for Development: Thank you.",
                ]
            ),
            vec![2, 3, 4, 5]
        );
    }

    #[test]
    fn a_block_not_found_keeps_the_line_before_and_does_not_lose_the_rest() {
        let page = "<body>\n<p>One</p>\n<p>Two</p>\n<p>Three</p>\n</body>";
        assert_eq!(lines_of(page, &["One", "Nowhere", "Three"]), vec![2, 2, 4]);
    }
}
