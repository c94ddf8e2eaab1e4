//! Where a long Markdown text can be cut into parts that parse on their own: before a `#`
//! heading that follows a blank line, outside fenced code and HTML comments. A heading there
//! always starts a new block, so parsing the parts one by one gives the blocks the whole text
//! gives, while each part's parse tree stays small and the parts can go to every core.

/// Parts are at least this long (in bytes), so a briefing of ordinary size is one part.
pub const PART_BYTES: usize = 1 << 20;

/// One part of a text: its byte offset and the 1-based line it starts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    /// Byte offset of the part's first line.
    pub start: usize,
    /// The line number of that line.
    pub line: usize,
}

/// Cuts `text` into parts of at least `min_bytes`. A text whose links or footnotes are
/// defined by reference (`[label]: …`) stays whole: a part could not see a definition in
/// another.
pub fn parts(text: &str, min_bytes: usize) -> Vec<Part> {
    let first = Part { start: 0, line: 1 };
    if text.len() < min_bytes.saturating_mul(2) {
        return vec![first];
    }
    let mut out = vec![first];
    let mut fence: Option<(u8, usize)> = None;
    // The end of a comment or raw HTML block (`<pre>`, `<script>`...) the line is inside.
    let mut inside: Option<&str> = None;
    let mut previous_blank = true;
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start_matches(' ').len();
        let trimmed = &body[indent.min(body.len())..];
        if let Some((mark, length)) = fence {
            let closing = trimmed.bytes().take_while(|&b| b == mark).count();
            if indent < 4 && closing >= length && trimmed[closing..].trim().is_empty() {
                fence = None;
            }
            previous_blank = false;
            continue;
        }
        if let Some(end) = inside {
            if body.to_ascii_lowercase().contains(end) {
                inside = None;
            }
            previous_blank = false;
            continue;
        }
        if indent < 4 {
            if is_definition(trimmed) {
                return vec![first];
            }
            if let Some(open) = fence_opening(trimmed) {
                fence = Some(open);
                previous_blank = false;
                continue;
            }
            inside = unclosed_html(trimmed);
        }
        let last = out.last().map_or(0, |p| p.start);
        if indent == 0
            && previous_blank
            && is_heading(body)
            && start - last >= min_bytes
            && text.len() - start >= min_bytes
        {
            out.push(Part { start, line: n + 1 });
        }
        previous_blank = body.trim().is_empty();
    }
    out
}

/// Whether a line is an ATX heading (`#` to `######`, then a space or the end).
pub(super) fn is_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && matches!(line.as_bytes().get(hashes), None | Some(b' ' | b'\t'))
}

/// The mark and length of a code fence this line opens (three or more backticks or tildes).
fn fence_opening(line: &str) -> Option<(u8, usize)> {
    let mark = *line.as_bytes().first()?;
    if mark != b'`' && mark != b'~' {
        return None;
    }
    let length = line.bytes().take_while(|&b| b == mark).count();
    // A backtick fence's info string cannot hold a backtick.
    let info_ok = mark == b'~' || !line[length..].contains('`');
    (length >= 3 && info_ok).then_some((mark, length))
}

/// The end of a comment or raw HTML block this line opens and does not close.
fn unclosed_html(line: &str) -> Option<&'static str> {
    const RAW: [(&str, &str); 5] = [
        ("<!--", "-->"),
        ("<pre", "</pre>"),
        ("<script", "</script>"),
        ("<style", "</style>"),
        ("<textarea", "</textarea>"),
    ];
    let lower = line.to_ascii_lowercase();
    RAW.iter().find_map(|&(open, close)| {
        let at = if open == "<!--" {
            lower.find(open)?
        } else {
            lower.starts_with(open).then_some(0)?
        };
        (!lower[at + open.len()..].contains(close)).then_some(close)
    })
}

/// Whether a line defines a link or footnote by reference: `[label]: …`.
fn is_definition(line: &str) -> bool {
    line.strip_prefix('[')
        .and_then(|rest| rest.find("]:"))
        .is_some_and(|end| end > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(text: &str, min: usize) -> Vec<&str> {
        parts(text, min)
            .iter()
            .map(|p| text[p.start..].lines().next().unwrap_or(""))
            .collect()
    }

    #[test]
    fn cuts_before_headings_that_follow_a_blank_line() {
        let text = "# One\n\nbody one\n\n## Two\nbody two\n# Three\n\nbody three\n";
        assert_eq!(starts(text, 1), ["# One", "## Two"]);
        let found = parts(text, 1);
        assert_eq!(found[1].line, 5);
        // "# Three" follows text directly and is not a cut; and a short text is one part.
        assert_eq!(parts(text, 1000).len(), 1);
    }

    #[test]
    fn never_cuts_inside_code_or_comments() {
        let text = "# A\n\n```\n\n# not a heading\n```\n\n<!-- note\n\n# hidden\n-->\n\n# B\n\nx\n";
        assert_eq!(starts(text, 1), ["# A", "# B"]);
        let raw = "# A\n\n<PRE>\n\n# kept as written\n</pre>\n\n# D\n";
        assert_eq!(starts(raw, 1), ["# A", "# D"]);
        let tildes = "# A\n\n~~~~\n\n# in code\n~~~\nstill code\n\n# in code too\n~~~~\n\n# C\n";
        assert_eq!(starts(tildes, 1), ["# A", "# C"]);
    }

    #[test]
    fn a_text_with_reference_definitions_stays_whole() {
        let text = "# A\n\nsee [the text][t]\n\n# B\n\n[t]: https://example.org\n";
        assert_eq!(parts(text, 1).len(), 1);
        let footnote = "# A\n\nclaim[^1]\n\n# B\n\n[^1]: source\n";
        assert_eq!(parts(footnote, 1).len(), 1);
    }
}
