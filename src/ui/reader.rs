//! The reader pane: the current document's lines from the top position down.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::App;

/// Draws the visible part of the document.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let lines: Vec<Line> = app
        .layout
        .lines
        .iter()
        .skip(app.top)
        .take(usize::from(area.height))
        .map(|line| {
            let base = theme.line(line.role);
            let mut spans = Vec::with_capacity(line.pieces.len() + 1);
            if !line.prefix.is_empty() {
                spans.push(Span::styled(line.prefix.as_str(), theme.decoration()));
            }
            let marked = app
                .highlight
                .as_ref()
                .filter(|h| h.doc == app.doc && h.block == line.block)
                .map(|h| h.range.clone());
            let mut offset = line.start;
            for (text, style) in &line.pieces {
                let style = base.patch(theme.span(*style));
                match &marked {
                    Some(range) => push_marked(&mut spans, text, offset, range, style, theme),
                    None => spans.push(Span::styled(text.as_str(), style)),
                }
                offset += text.len();
            }
            Line::from(spans).style(base)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// Adds a piece of text that starts at `offset` in its block, with the part inside `range`
/// highlighted.
fn push_marked<'a>(
    spans: &mut Vec<Span<'a>>,
    text: &'a str,
    offset: usize,
    range: &std::ops::Range<usize>,
    style: ratatui::style::Style,
    theme: Theme,
) {
    let from = range.start.saturating_sub(offset).min(text.len());
    let to = range.end.saturating_sub(offset).min(text.len());
    if from >= to || !text.is_char_boundary(from) || !text.is_char_boundary(to) {
        spans.push(Span::styled(text, style));
        return;
    }
    for (part, part_style) in [
        (&text[..from], style),
        (&text[from..to], style.patch(theme.mention())),
        (&text[to..], style),
    ] {
        if !part.is_empty() {
            spans.push(Span::styled(part, part_style));
        }
    }
}
