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
            for (text, style) in &line.pieces {
                spans.push(Span::styled(text.as_str(), base.patch(theme.span(*style))));
            }
            Line::from(spans).style(base)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
