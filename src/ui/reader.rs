//! The reader pane: the current document's lines from the top position down.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::App;
use crate::app::annotations::Mark;

/// Draws the visible part of the document.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    draw_rows(app, theme, frame, area, 0..area.height);
}

/// Draws the rows `rows` of the reader (counted from its top) and their margin marks; a
/// row shows the same line whichever others are drawn with it.
pub fn draw_rows(app: &App, theme: Theme, frame: &mut Frame, area: Rect, rows: Range<u16>) {
    let rows = rows.start.min(area.height)..rows.end.min(area.height);
    let area = Rect {
        y: area.y + rows.start,
        height: rows.len() as u16,
        ..area
    };
    let first = app.top + usize::from(rows.start);
    let doc = app.document();
    let lines: Vec<Line> = app
        .layout
        .lines
        .iter()
        .skip(first)
        .take(usize::from(area.height))
        .map(|line| {
            let base = theme.line(line.role());
            let block = &doc.blocks[line.block().0];
            let pieces = app.layout.pieces(line, block);
            let mut spans = Vec::with_capacity(pieces.len() + 1);
            let prefix = line.prefix(block);
            if !prefix.is_empty() {
                spans.push(Span::styled(prefix, theme.decoration()));
            }
            let mut marks = app.search_marks(line.block());
            if let Some(h) = app
                .highlight
                .as_ref()
                .filter(|h| h.doc == app.doc && h.block == line.block())
            {
                marks.push((h.range.clone(), true));
            }
            for piece in pieces {
                match piece.at {
                    Some(at) => {
                        let style = base.patch(theme.span(piece.style));
                        push_marked(&mut spans, piece.text, at, &marks, style, theme);
                    }
                    None => spans.push(Span::styled(piece.text, theme.decoration())),
                }
            }
            Line::from(spans).style(base)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
    draw_margin_marks(app, theme, frame, area, first);
}

/// Marks bookmarked (`*`) and annotated (`+`) paragraphs in the margin left of the text, on
/// their first line; `~` when the paragraph was amended since it was marked. `area` shows
/// the layout's lines from `first`.
fn draw_margin_marks(app: &App, theme: Theme, frame: &mut Frame, area: Rect, first: usize) {
    if area.x == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    for (row, (n, line)) in app
        .layout
        .lines
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(area.height))
        .enumerate()
    {
        if app.layout.block_start(line.block()) != n {
            continue;
        }
        let symbol = match app.annotations.mark(app.doc, line.block()) {
            Some(Mark::Bookmark) => "*",
            Some(Mark::Note) => "+",
            Some(Mark::Changed) => "~",
            None => continue,
        };
        let y = area.y + row as u16;
        buf[(area.x - 1, y)]
            .set_symbol(symbol)
            .set_style(theme.margin_mark());
    }
}

/// Adds a piece of text that starts at `offset` in its block, with the parts inside `marks`
/// highlighted (the current one strongly, others underlined).
fn push_marked<'a>(
    spans: &mut Vec<Span<'a>>,
    text: Cow<'a, str>,
    offset: usize,
    marks: &[(Range<usize>, bool)],
    style: Style,
    theme: Theme,
) {
    let end = offset + text.len();
    let mut at = 0;
    let mut inside: Vec<&(Range<usize>, bool)> = marks
        .iter()
        .filter(|(r, _)| r.start < end && r.end > offset)
        .collect();
    inside.sort_by_key(|(r, _)| r.start);
    for (range, current) in inside {
        let from = range.start.saturating_sub(offset).max(at).min(text.len());
        let to = range.end.saturating_sub(offset).min(text.len());
        if from >= to || !text.is_char_boundary(from) || !text.is_char_boundary(to) {
            continue;
        }
        if from > at {
            spans.push(Span::styled(part(&text, at..from), style));
        }
        let mark = if *current {
            theme.mention()
        } else {
            theme.other_match()
        };
        spans.push(Span::styled(part(&text, from..to), style.patch(mark)));
        at = to;
    }
    if at < text.len() {
        spans.push(Span::styled(part(&text, at..text.len()), style));
    }
}

/// A part of a piece's text, still borrowed from the document when the piece is.
fn part<'a>(text: &Cow<'a, str>, range: Range<usize>) -> Cow<'a, str> {
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(&text[range]),
        Cow::Owned(text) => Cow::Owned(text[range].to_string()),
    }
}
