//! Which format a text is written in, when its file name does not say: Markdown pasted into a
//! `.txt`, or plain text. Decided by what only Markdown writes: `#` headings, fenced code,
//! pipe tables, links and strong emphasis, front matter.

/// How much of a text is looked at: enough for any briefing's opening pages.
const LOOK_BYTES: usize = 256 * 1024;
/// `#` headings enough to say Markdown on their own.
const HEADINGS: usize = 2;
/// Links and strong emphasis enough to say Markdown on their own.
const INLINE_MARKS: usize = 3;

/// What Markdown a text shows.
#[derive(Debug, Default, PartialEq, Eq)]
struct Signs {
    /// `# Heading` lines.
    headings: usize,
    /// Whether the first line with text is a `#` heading.
    opens_with_heading: bool,
    /// Fenced code lines (```` ``` ```` or `~~~`).
    fences: usize,
    /// The delimiter rows of pipe tables (`|---|:--:|`).
    table_rules: usize,
    /// `[text](target)` links and `**strong**` spans.
    inline: usize,
    /// Whether it opens with front matter (`---` then `key: value` lines then `---`).
    front_matter: bool,
}

/// Whether a text is Markdown: front matter, a pipe table, fenced code, two `#` headings (or
/// one opening the text), or three links and strong spans. Plain text writes none of these:
/// a numbered list, a short title line or an underlined heading is as much plain as Markdown.
pub fn is_markdown(text: &str) -> bool {
    let s = signs(text);
    s.front_matter
        || s.table_rules > 0
        || s.fences >= 2
        || s.headings >= HEADINGS
        || (s.headings == 1 && s.opens_with_heading)
        || s.inline >= INLINE_MARKS
}

fn signs(text: &str) -> Signs {
    let mut end = text.len().min(LOOK_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    let mut s = Signs {
        front_matter: opens_with_front_matter(text),
        ..Signs::default()
    };
    let mut seen_text = false;
    for line in text.lines() {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if trimmed.trim().is_empty() {
            continue;
        }
        let heading = indent < 4 && is_atx_heading(trimmed);
        if !seen_text {
            s.opens_with_heading = heading;
            seen_text = true;
        }
        s.headings += usize::from(heading);
        s.fences +=
            usize::from(indent < 4 && (trimmed.starts_with("```") || trimmed.starts_with("~~~")));
        s.table_rules += usize::from(is_table_rule(trimmed));
        s.inline += links(trimmed) + strong_spans(trimmed);
    }
    s
}

/// `#` to `######`, a space, then text (a bare `#` line says nothing).
fn is_atx_heading(line: &str) -> bool {
    super::markdown_parts::is_heading(line)
        && !line
            .trim_start_matches('#')
            .trim()
            .trim_end_matches('#')
            .trim()
            .is_empty()
}

/// A pipe table's delimiter row: cells of dashes with optional colons, at least two cells or
/// one between pipes.
fn is_table_rule(line: &str) -> bool {
    let line = line.trim();
    if !line.contains('|') || !line.contains('-') {
        return false;
    }
    let inner = line.trim_start_matches('|').trim_end_matches('|');
    let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
    let framed = line.starts_with('|') && line.ends_with('|');
    (cells.len() >= 2 || framed)
        && cells.iter().all(|c| {
            let dashes = c.trim_start_matches(':').trim_end_matches(':');
            dashes.len() >= 3 && dashes.bytes().all(|b| b == b'-')
        })
}

/// `[text](target)` links on a line.
fn links(line: &str) -> usize {
    line.match_indices("](")
        .filter(|&(at, _)| line[..at].contains('[') && line[at + 2..].contains(')'))
        .count()
}

/// `**strong**` spans on a line.
fn strong_spans(line: &str) -> usize {
    let mut count = 0;
    let mut rest = line;
    while let Some(open) = rest.find("**") {
        let after = &rest[open + 2..];
        let Some(close) = after.find("**") else { break };
        let inner = &after[..close];
        if !inner.is_empty() && !inner.starts_with(' ') && !inner.ends_with(' ') {
            count += 1;
        }
        rest = &after[close + 2..];
    }
    count
}

/// `---` on the first line, `key: value` lines, and a closing `---` or `...`; or the same
/// between `+++` lines with `key = value`.
fn opens_with_front_matter(text: &str) -> bool {
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    let (fence, sep) = match lines.next().map(str::trim_end) {
        Some("---") => ("---", ':'),
        Some("+++") => ("+++", '='),
        _ => return false,
    };
    let mut keys = 0;
    for line in lines.take(200) {
        match line.trim_end() {
            l if l == fence || (fence == "---" && l == "...") => return keys > 0,
            l if l.is_empty() || l.starts_with([' ', '\t', '-', '#']) => {}
            l => match l.split_once(sep) {
                Some((key, _)) if is_key(key.trim_end()) => keys += 1,
                _ => return false,
            },
        }
    }
    false
}

fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_told_by_what_only_markdown_writes() {
        assert!(is_markdown("# 联合公报\n\n正文。\n\n## 二\n\n正文。\n"));
        assert!(is_markdown("\n\n# One heading opening the text\n\nText.\n"));
        assert!(is_markdown("| 国家 | 首都 |\n|---|---|\n| 中国 | 北京 |\n"));
        assert!(is_markdown(
            "---\ntitle: Brief\nsource_pdf: a.pdf\n---\nText.\n"
        ));
        assert!(is_markdown("+++\ntitle = \"Brief\"\n+++\nText.\n"));
        assert!(is_markdown(
            "See [the text](a.md), **this**, and **that**.\n"
        ));
        assert!(is_markdown("```\ncode\n```\n"));
    }

    #[test]
    fn plain_text_with_marks_of_its_own_stays_plain() {
        // A newspaper dump: numbered items, short title lines, a stray hash.
        let paper = "迈向充满希望的新世纪\n\n一、经济\n\n二、外交\n\n#1 热点\n\n晚上10时，记者来到了王府井。\n";
        assert!(!is_markdown(paper));
        // One `#` line far into the text, a dashed rule, underlines, a single bold span.
        let memo =
            "MEMO\n====\n\nText with a **single** mark.\n\n----------\n\nMore.\n\n# not a title\n";
        assert!(!is_markdown(memo));
        // Dashes in a line of text are not a table.
        assert!(!is_markdown("Revenue --- up | down --- steady.\n"));
        // A leading rule with no keys is not front matter.
        assert!(!is_markdown("---\nJust a rule.\n---\n"));
        assert!(!is_markdown(""));
    }

    #[test]
    fn a_long_text_is_judged_by_its_opening() {
        let mut text = "Plain line.\n\n".repeat(30_000);
        text.push_str("# Late\n\n# Later\n");
        assert!(text.len() > LOOK_BYTES);
        assert!(!is_markdown(&text));
    }
}
