//! Tables: where a row's cells lie in its block's text, which rows make one table, and a row
//! written back as Markdown.

use std::ops::Range;

use super::{Block, BlockKind};

/// What separates two cells in a row's text.
pub const CELL_SEPARATOR: &str = " │ ";

/// The byte ranges of a row's cells in its text, empty cells kept: `"a │  │ c"` is three
/// cells, the middle one empty. A row whose first or last cell is empty may have lost the
/// space beside its separator, and still has that cell.
///
/// ```
/// use brief::doc::table::cells;
/// let text = "Kazakhstan │  │ 哈萨克斯坦";
/// let cells: Vec<&str> = cells(text).into_iter().map(|r| &text[r]).collect();
/// assert_eq!(cells, ["Kazakhstan", "", "哈萨克斯坦"]);
/// ```
pub fn cells(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    if let Some(rest) = text.strip_prefix('│') {
        if rest.is_empty() || rest.starts_with(' ') {
            out.push(0..0);
            start = text.len() - rest.len() + usize::from(!rest.is_empty());
        }
    }
    while let Some(i) = text[start..].find(CELL_SEPARATOR) {
        out.push(start..start + i);
        start += i + CELL_SEPARATOR.len();
    }
    match text[start..].strip_suffix(" │") {
        Some(last) => {
            out.push(start..start + last.len());
            out.push(text.len()..text.len());
        }
        None => out.push(start..text.len()),
    }
    out
}

/// The tables among `blocks`: runs of rows, as ranges of block indexes. A table ends where
/// the rows stop, or where a header row follows a body row (a second table right after).
pub fn tables(blocks: &[Block]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut previous: Option<bool> = None;
    for (i, block) in blocks.iter().enumerate() {
        let BlockKind::TableRow { header } = block.kind else {
            previous = None;
            continue;
        };
        match (previous, out.last_mut()) {
            (Some(was_header), Some(last)) if !header || was_header => last.end = i + 1,
            _ => out.push(i..i + 1),
        }
        previous = Some(header);
    }
    out
}

/// The table a row belongs to, and its header row (none when the table has no header).
pub fn header_of(blocks: &[Block], row: usize) -> Option<usize> {
    if !matches!(blocks.get(row)?.kind, BlockKind::TableRow { .. }) {
        return None;
    }
    let mut first = row;
    while first > 0 {
        match blocks[first - 1].kind {
            BlockKind::TableRow { header } => {
                if matches!(blocks[first].kind, BlockKind::TableRow { header: true }) && !header {
                    break;
                }
                first -= 1;
            }
            _ => break,
        }
    }
    matches!(blocks[first].kind, BlockKind::TableRow { header: true }).then_some(first)
}

/// A row's text as a Markdown table row: `| a | b |`, a `|` in a cell escaped and a line
/// break in it written `<br>`.
pub fn markdown_row(text: &str) -> String {
    let mut out = String::from("|");
    for range in cells(text) {
        let cell = text[range].trim().replace('|', "\\|").replace('\n', "<br>");
        out.push(' ');
        out.push_str(&cell);
        out.push_str(" |");
    }
    out
}

/// The rule under a Markdown table's header, for a row of `columns` cells.
pub fn markdown_rule(columns: usize) -> String {
    let mut out = String::from("|");
    for _ in 0..columns.max(1) {
        out.push_str(" --- |");
    }
    out
}

/// Rows as a Markdown table: the header (when there is one) and its rule, then the rows.
pub fn markdown_table(header: Option<&str>, rows: &[&str]) -> String {
    let columns = header
        .into_iter()
        .chain(rows.iter().copied())
        .map(|r| cells(r).len())
        .max()
        .unwrap_or(1);
    let mut lines = Vec::new();
    match header {
        Some(h) => lines.push(markdown_row(h)),
        // Markdown needs a header row: an empty one when the table has none.
        None => lines.push(format!("|{}", "  |".repeat(columns))),
    }
    lines.push(markdown_rule(columns));
    lines.extend(rows.iter().map(|r| markdown_row(r)));
    lines.join("\n")
}

/// Row `row` of `blocks` as a Markdown table with its table's header, when it is a row.
pub fn row_as_markdown(blocks: &[Block], row: usize) -> Option<String> {
    let block = blocks.get(row)?;
    let BlockKind::TableRow { header } = block.kind else {
        return None;
    };
    let head = header_of(blocks, row)
        .filter(|_| !header)
        .map(|h| blocks[h].text());
    Some(markdown_table(head, &[block.text()]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        cells(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn empty_cells_are_kept_wherever_they_are() {
        assert_eq!(split("a │ b"), ["a", "b"]);
        assert_eq!(split("a │  │ c"), ["a", "", "c"]);
        assert_eq!(split("│ b │ c"), ["", "b", "c"]);
        assert_eq!(split("a │ b │"), ["a", "b", ""]);
        assert_eq!(split("a │ b │ "), ["a", "b", ""]);
        assert_eq!(split(""), [""]);
        assert_eq!(split("one cell"), ["one cell"]);
    }

    fn row(text: &str, header: bool) -> Block {
        Block::new(BlockKind::TableRow { header }, text, 1)
    }

    #[test]
    fn a_header_after_body_rows_starts_another_table() {
        let blocks = vec![
            row("Name │ 名称", true),
            row("Kazakhstan │ 哈萨克斯坦", false),
            row("Russia │ 俄罗斯", false),
            row("Year │ Host", true),
            row("2025 │ 天津", false),
            Block::new(BlockKind::Paragraph, "text", 1),
            row("a │ b", false),
        ];
        assert_eq!(tables(&blocks), [0..3, 3..5, 6..7]);
        assert_eq!(header_of(&blocks, 2), Some(0));
        assert_eq!(header_of(&blocks, 4), Some(3));
        assert_eq!(header_of(&blocks, 6), None);
        assert_eq!(header_of(&blocks, 5), None);
        assert_eq!(
            row_as_markdown(&blocks, 4).as_deref(),
            Some("| Year | Host |\n| --- | --- |\n| 2025 | 天津 |")
        );
        assert_eq!(row_as_markdown(&blocks, 5), None);
    }

    #[test]
    fn rows_are_written_back_as_markdown() {
        assert_eq!(markdown_row("a|b │  │ 中\n国"), "| a\\|b |  | 中<br>国 |");
        assert_eq!(
            markdown_table(Some("Name │ 名称"), &["Kazakhstan │ 哈萨克斯坦"]),
            "| Name | 名称 |\n| --- | --- |\n| Kazakhstan | 哈萨克斯坦 |"
        );
        assert_eq!(
            markdown_table(None, &["a │ b"]),
            "|  |  |\n| --- | --- |\n| a | b |"
        );
    }
}
