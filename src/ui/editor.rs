//! The note editor over the reader: where the paragraph is, the passage quoted (the chosen
//! sentences stand out while they are chosen), a line of keys, and the text being written.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::amended;
use super::popup;
use super::status::fit;
use super::theme::Theme;
use crate::app::App;
use crate::app::editor::Editor;
use crate::keymap::{Key, Resolved};
use crate::vocabulary::{Action, Mode};
use unicode_width::UnicodeWidthStr;

/// The keys tui-textarea handles in the note itself, and what they do: named by the hint
/// while the editor's table leaves them all to it.
const TEXT_KEYS: [(&[&str], &str); 3] = [
    (&["Ctrl-u"], "undo"),
    (&["Ctrl-r"], "redo"),
    (&["Alt-f", "Alt-b"], "words"),
];

/// Rows given to the quoted passage at most.
const QUOTE_ROWS: u16 = 6;

/// Draws the editor, when a note is being written.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(editor) = app.editor() else {
        return;
    };
    let width = area.width.saturating_sub(4).clamp(20, 100).min(area.width);
    let height = area.height.saturating_sub(2).clamp(8, 24).min(area.height);
    let outer = Rect::new(
        area.x + area.width.saturating_sub(width) / 2,
        area.y + area.height.saturating_sub(height) / 2,
        width,
        height,
    )
    .intersection(area);
    if outer.width < 12 || outer.height < 6 {
        return;
    }
    popup::clear(frame, outer);
    let title = if editor.note.id == 0 {
        " New note "
    } else {
        " Edit note "
    };
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    let room = usize::from(inner.width);

    let cite = if editor.detached {
        let name = &app.docs[editor.doc].name;
        format!("{name} › its paragraph is gone: the note keeps the passage it quotes")
    } else {
        app.citation(editor.doc, Some(editor.block))
    };
    let cite = fit(&cite, room);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(cite, theme.decoration()))),
        Rect { height: 1, ..inner },
    );

    // The passage, the chosen sentences plain and the others dim; amended since the note
    // was written, as it read then and as it reads now.
    let quote_rows = QUOTE_ROWS.min(inner.height.saturating_sub(4));
    let quoted: Vec<Line> = match &editor.was {
        Some(was) => amended::lines(was, &editor.quote(), theme),
        None => {
            let pieces = editor.pieces();
            // A long paragraph starts a sentence before the first one chosen, so that it
            // shows.
            let before: usize = pieces[..editor.range.0.min(pieces.len())]
                .iter()
                .map(|p| p.width())
                .sum();
            let skip = if before / room.saturating_sub(1).max(1) + 1 < usize::from(quote_rows) {
                0
            } else {
                editor.range.0.saturating_sub(1)
            };
            let mut spans: Vec<Span> = Vec::new();
            if skip > 0 {
                spans.push(Span::styled("… ", theme.decoration()));
            }
            for (i, piece) in pieces.into_iter().enumerate().skip(skip) {
                let chosen = (editor.range.0..=editor.range.1).contains(&i);
                let style = if chosen {
                    theme.span(crate::doc::SpanStyle::default())
                } else {
                    theme.decoration().add_modifier(Modifier::DIM)
                };
                spans.push(Span::styled(piece.to_string(), style));
            }
            vec![Line::from(spans)]
        }
    };
    frame.render_widget(
        Paragraph::new(quoted).wrap(Wrap { trim: true }).block(
            Block::default()
                .borders(Borders::LEFT)
                .border_style(theme.decoration()),
        ),
        Rect {
            y: inner.y + 1,
            height: quote_rows,
            ..inner
        },
    );

    let hint = hint(app, editor, theme);
    let hint_y = inner.y + 1 + quote_rows;
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            fit(&hint, room),
            theme.decoration(),
        ))),
        Rect {
            y: hint_y,
            height: 1,
            ..inner
        },
    );
    let text_area = Rect {
        y: hint_y + 1,
        height: inner.bottom().saturating_sub(hint_y + 1),
        ..inner
    };
    if text_area.height > 0 {
        frame.render_widget(&editor.text, text_area);
    }
}

/// The line of keys under the passage, from the keymap in use: choosing sentences (the
/// arrows and `Home` are the editor's own), an amended passage's legend, or writing.
pub fn hint(app: &App, editor: &Editor, theme: Theme) -> String {
    // Two keys that save where there is room (writing), one where the line is full.
    let save = |most: usize| {
        app.keymap
            .hint_keys(Mode::Editor, Action::SaveNote, most)
            .map_or_else(
                || "no key saves: bind save_note in [editor]".to_string(),
                |keys| format!("{keys} saves"),
            )
    };
    if editor.choosing {
        let quoted = if editor.whole() {
            "Quote all".to_string()
        } else if editor.range.0 == editor.range.1 {
            format!("Quote sentence {}", editor.range.0 + 1)
        } else {
            format!(
                "Quote sentences {}–{}",
                editor.range.0 + 1,
                editor.range.1 + 1
            )
        };
        return format!(
            "{quoted} · ↑↓ first ←→ last Home all · type to write · {}",
            save(1)
        );
    }
    if editor.was.is_some() {
        return format!("{} · {}", amended::legend(theme).trim(), save(1));
    }
    let mut parts = vec![save(2)];
    for (keys, what) in TEXT_KEYS {
        let keys: Vec<Key> = keys.iter().filter_map(|k| Key::parse(k).ok()).collect();
        let free = keys
            .iter()
            .all(|&key| app.keymap.resolve_in(Mode::Editor.into(), &[], key) == Resolved::Unbound);
        if free {
            let shown: Vec<String> = keys.iter().map(Key::short).collect();
            parts.push(format!("{} {what}", shown.join("/")));
        }
    }
    parts.push("kept as you type".to_string());
    parts.join(" · ")
}
