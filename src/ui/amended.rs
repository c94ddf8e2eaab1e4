//! An amended passage drawn as a reader marks it up: the words deleted struck through, the
//! words inserted underlined (and, without colour, between `[-…-]` and `{+…+}` too); and
//! the panel the Bookmarks and Notes views show under the reader for an amended passage.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::theme::Theme;
use crate::app::App;
use crate::compare::wording::{self, Kind};

/// The difference between two wordings as styled text.
pub fn spans(old: &str, new: &str, theme: Theme) -> Vec<Span<'static>> {
    wording::diff(old, new)
        .into_iter()
        .map(|p| match (p.kind, theme.color) {
            (Kind::Same, _) => Span::raw(p.text),
            (Kind::Deleted, true) => Span::styled(p.text, theme.deleted()),
            (Kind::Inserted, true) => Span::styled(p.text, theme.inserted()),
            (Kind::Deleted, false) => Span::styled(format!("[-{}-]", p.text), theme.deleted()),
            (Kind::Inserted, false) => Span::styled(format!("{{+{}+}}", p.text), theme.inserted()),
        })
        .collect()
}

/// Rows the panel takes at most.
const PANEL_ROWS: u16 = 8;

/// Under the reader, while the Bookmarks or Notes view has the selection on a passage
/// amended since it was marked: the passage as it read then and as it reads now.
pub fn draw_panel(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some((old, new)) = app.selected_amendment() else {
        return;
    };
    let height = PANEL_ROWS.min(area.height / 2);
    if height < 3 || area.width < 12 {
        return;
    }
    let panel = Rect {
        y: area.bottom() - height,
        height,
        ..area
    };
    frame.render_widget(Clear, panel);
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.decoration())
        .title(Span::styled(
            " Amended since it was marked: struck out as it read, underlined as it reads now ",
            theme.decoration(),
        ));
    frame.render_widget(
        Paragraph::new(Line::from(spans(&old, &new, theme)))
            .wrap(Wrap { trim: true })
            .block(block),
        panel,
    );
}
