//! Grid tables in plain text, as pandoc and Emacs write them: rows between `+----+----+`
//! borders, cells between `|`, a cell's text going on over several lines, and a `+====+`
//! border under the header.

use super::markdown::is_cjk;
use super::table::CELL_SEPARATOR;

/// A row read from a grid table.
#[derive(Debug, PartialEq, Eq)]
pub struct GridRow {
    /// The row's cells joined by [`CELL_SEPARATOR`].
    pub text: String,
    /// Whether it is above the `===` border.
    pub header: bool,
    /// Its first line, counted from the table's first.
    pub offset: usize,
}

/// The rows of `lines` when they are a grid table (every line a border or a row of cells,
/// the first a border); `None` when they are not.
pub fn rows(lines: &[&str]) -> Option<Vec<GridRow>> {
    let border = |l: &str| {
        let t = l.trim();
        t.len() >= 3
            && t.starts_with('+')
            && t.ends_with('+')
            && t.contains('-') | t.contains('=')
            && t.chars().all(|c| matches!(c, '+' | '-' | '=' | ':'))
    };
    let cells_line = |l: &str| {
        let t = l.trim();
        t.len() >= 2 && t.starts_with('|') && t.ends_with('|')
    };
    if lines.len() < 3 || !border(lines[0]) || !lines.iter().all(|l| border(l) || cells_line(l)) {
        return None;
    }
    let has_header = lines.iter().skip(1).any(|l| border(l) && l.contains('='));
    let mut out = Vec::new();
    let mut header = has_header;
    let mut cells: Vec<String> = Vec::new();
    let mut first = 0;
    for (n, line) in lines.iter().enumerate() {
        if border(line) {
            if !cells.is_empty() {
                out.push(GridRow {
                    text: cells.join(CELL_SEPARATOR),
                    header,
                    offset: first,
                });
                cells.clear();
            }
            if line.contains('=') {
                header = false;
            }
            continue;
        }
        let t = line.trim();
        let parts: Vec<&str> = t[1..t.len() - 1].split('|').map(str::trim).collect();
        if cells.is_empty() {
            first = n;
            cells = vec![String::new(); parts.len()];
        }
        for (c, part) in parts.iter().enumerate() {
            if c >= cells.len() {
                cells.push(String::new());
            }
            if !part.is_empty() {
                // Lines of a cell join with a space, except inside Chinese text.
                let cjk = cells[c].chars().next_back().is_some_and(is_cjk)
                    && part.chars().next().is_some_and(is_cjk);
                if !cells[c].is_empty() && !cjk {
                    cells[c].push(' ');
                }
                // A cell's own `│` would read as a column: written `|` inside it.
                cells[c].push_str(&part.replace('│', "|"));
            }
        }
    }
    // A header row with no text in any cell says nothing.
    out.retain(|r| r.text.replace(CELL_SEPARATOR, "").trim() != "" || !r.header);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_go_on_over_lines_and_the_header_is_above_the_double_border() {
        let table = "+------------+-----------------+\n\
                     | Name       | Capital         |\n\
                     +============+=================+\n\
                     | Egypt      | Cairo           |\n\
                     +------------+-----------------+\n\
                     | MAIN       | Majority: Islam |\n\
                     | RELIGIONS  | Minority: other |\n\
                     +------------+-----------------+";
        let lines: Vec<&str> = table.lines().collect();
        let rows = rows(&lines).unwrap();
        assert_eq!(
            rows,
            [
                GridRow {
                    text: "Name │ Capital".into(),
                    header: true,
                    offset: 1
                },
                GridRow {
                    text: "Egypt │ Cairo".into(),
                    header: false,
                    offset: 3
                },
                GridRow {
                    text: "MAIN RELIGIONS │ Majority: Islam Minority: other".into(),
                    header: false,
                    offset: 5
                },
            ]
        );
    }

    #[test]
    fn text_with_pipes_or_pluses_is_not_a_table() {
        assert_eq!(rows(&["a | b", "c | d", "e | f"]), None);
        assert_eq!(rows(&["+1 for this", "| quoted |", "+----+"]), None);
        assert_eq!(rows(&["+----+"]), None);
    }
}
