//! The table view: a table full-screen, header rows kept at the top, the columns from the
//! first shown at their natural widths (up to a limit, longer cells wrapped).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::popup;
use super::theme::Theme;
use crate::app::App;
use crate::app::table::TableShape;
use crate::app::table_view::TableView;
use crate::doc::Block;
use crate::vocabulary::Action;

/// Draws the table over the reader and the outline.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(view) = app.table() else {
        return;
    };
    let Some(doc) = app.docs.get(view.doc) else {
        return;
    };
    let area = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    popup::clear(frame, area);
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    let lines = lines(
        view,
        &doc.blocks,
        usize::from(inner.width),
        usize::from(inner.height),
        theme,
    );
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The screen lines of the table view: header rows, the rule, body rows from the top one.
fn lines<'a>(
    view: &TableView,
    blocks: &'a [Block],
    width: usize,
    height: usize,
    theme: Theme,
) -> Vec<Line<'a>> {
    let (shown, widths) = view.shown(width);
    let shape = TableShape::panned(view.rows.clone(), shown, widths, view.natural.len());
    let mut out: Vec<Line<'a>> = Vec::new();
    let rows = view.rows.clone();
    let header = rows.start..rows.start + view.header_rows;
    let body = header.end + view.top..rows.end;
    let first_body = header.end + view.top;
    for i in header.chain(body) {
        if out.len() >= height {
            break;
        }
        let row = &blocks[i];
        let from = if i == first_body { view.skip } else { 0 };
        for k in from..shape.height(row) {
            if out.len() >= height {
                break;
            }
            let spans: Vec<Span<'a>> = shape
                .line(row, k)
                .into_iter()
                .map(|p| match p.at {
                    Some(_) => Span::styled(p.text, theme.span(p.style)),
                    None => Span::styled(p.text, theme.decoration()),
                })
                .collect();
            out.push(Line::from(spans));
        }
        if view.header_rows > 0 && i + 1 == rows.start + view.header_rows {
            let rule = shape.rule();
            let rule: String = rule.chars().take(width).collect();
            out.push(Line::from(Span::styled(rule, theme.decoration())));
        }
    }
    out
}

/// What the status line says in the table view: the columns and rows shown, and the keys.
pub fn status(app: &App) -> String {
    let Some(view) = app.table() else {
        return String::new();
    };
    let width = usize::from(app.size.0.saturating_sub(2));
    let (shown, _) = view.shown(width);
    let columns = view.natural.len();
    let last = shown.last().map_or(0, |c| c + 1);
    let rows = view.body_rows();
    let from = shown.get(1).filter(|_| view.left > 0).or(shown.first());
    let range = match (view.left > 0, from) {
        (true, Some(c)) => format!("1, {}–{last}", c + 1),
        (_, Some(c)) => format!("{}–{last}", c + 1),
        _ => String::new(),
    };
    let row = (view.top + 1).min(rows);
    let key = |action: Action| {
        app.keymap
            .hint_key(crate::vocabulary::Mode::Table, action)
            .unwrap_or_else(|| "–".to_string())
    };
    let [left, right, down, up, copy, close] = [
        Action::PanLeft,
        Action::PanRight,
        Action::Down,
        Action::Up,
        Action::Copy,
        Action::Close,
    ]
    .map(key);
    let text = format!(
        "Table: columns {range} of {columns} · row {row} of {rows} · {left}/{right} columns, {down}/{up} rows, {copy} copies the row, {close} back"
    );
    if text.width() <= usize::from(app.size.0) {
        text
    } else {
        format!(
            "columns {range}/{columns} · row {row}/{rows} · {left}/{right} {down}/{up} · {copy} copy · {close} back"
        )
    }
}
