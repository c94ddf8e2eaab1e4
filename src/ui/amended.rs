//! An amended passage drawn as a reader marks it up: the words deleted struck through, the
//! words inserted underlined (and, without colour, between `[-…-]` and `{+…+}` too); and
//! the panel the Bookmarks and Notes views show under the reader for an amended passage.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::popup;
use super::theme::Theme;
use crate::app::App;
use crate::compare::wording::{self, Kind};

/// How much unchanged text is shown on each side of a change, in characters.
const AROUND: usize = 40;

/// Below this share of the new wording unchanged, the two wordings are shown one after the
/// other rather than woven together.
const WOVEN: f64 = 0.5;

/// The difference between two wordings as styled lines: woven together when most of it is
/// unchanged, else as it read, then as it reads now.
pub fn lines(old: &str, new: &str, theme: Theme) -> Vec<Line<'static>> {
    let pieces = wording::diff(old, new);
    if wording::kept(&pieces) >= WOVEN {
        // A few lines show the changes, not the stretches around them.
        return vec![Line::from(spans(wording::compact(&pieces, AROUND), theme))];
    }
    let whole = |label: &str, text: &str, kind| {
        let piece = wording::Piece {
            kind,
            text: text.to_string(),
        };
        let mut line = vec![Span::styled(label.to_string(), theme.decoration())];
        line.extend(spans(vec![piece], theme));
        Line::from(line)
    };
    vec![
        whole("It read: ", old, Kind::Deleted),
        whole("Now: ", new, Kind::Inserted),
    ]
}

/// Pieces of a difference as styled text.
fn spans(pieces: Vec<wording::Piece>, theme: Theme) -> Vec<Span<'static>> {
    pieces
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

/// How the marks read, for a title.
pub fn legend(theme: Theme) -> &'static str {
    if theme.color {
        " Amended: struck out = then, underlined = now "
    } else {
        " Amended: [-then-] {+now+} "
    }
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
    popup::clear(frame, panel);
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.decoration())
        .title(Span::styled(legend(theme), theme.decoration()));
    frame.render_widget(
        Paragraph::new(lines(&old, &new, theme))
            .wrap(Wrap { trim: true })
            .block(block),
        panel,
    );
}
