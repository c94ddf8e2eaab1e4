//! The jump palette: the query line, the ranked results with matched characters highlighted
//! and where each one is, and a preview of the selected passage.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::popup;
use super::status::{fit, fit_end};
use super::theme::Theme;
use crate::app::App;
use crate::index::jump::{Match, Shown};
use crate::vocabulary::{Action, Mode};

/// What a query can say, as the hint line shows it.
pub const QUERY_SYNTAX: &str = "words all match · 'exact ^start end$ !not a|b · zjw → 中吉乌";

/// The prefixes that look at one kind of passage only, as the hint line shows them.
pub const KINDS: &str = "# headings @ countries + people \" documents ' bookmarks ! notes";

/// Rows kept for the preview of the selected passage.
const PREVIEW_ROWS: u16 = 5;

/// Draws the palette over the screen.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).clamp(20, 110);
    let height = area.height.saturating_sub(2).max(6);
    let x = area.x + area.width.saturating_sub(width) / 2;
    let outer = Rect::new(
        x,
        area.y + 1,
        width.min(area.width),
        height.min(area.height),
    )
    .intersection(area);
    if outer.width < 3 || outer.height < 3 {
        return;
    }
    popup::clear(frame, outer);
    let block = Block::default().borders(Borders::ALL).title(" Jump ");
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    let palette = &app.palette;
    let status = match (&app.jump_index, palette.searching) {
        (None, _) => "indexing…".to_string(),
        (Some(_), true) if palette.answered == palette.generation => {
            format!("{} found…", palette.found.matches.len())
        }
        (Some(_), true) => "…".to_string(),
        (Some(_), false) if palette.found.matches.is_empty() => "no match".to_string(),
        (Some(_), false) => format!("{} found", palette.found.matches.len()),
    };
    let room = usize::from(inner.width).saturating_sub(status.width() + 4);
    let query_line = Line::from(vec![
        Span::styled("› ", theme.here()),
        Span::raw(fit_end(&palette.input, room)),
        Span::styled("▏", theme.here()),
        Span::raw(" ".repeat(room.saturating_sub(palette.input.width()))),
        Span::styled(status, theme.decoration()),
    ]);
    let preview_rows = if inner.height > PREVIEW_ROWS + 6 {
        PREVIEW_ROWS
    } else {
        0
    };
    let hint_rows = if inner.height >= 12 { 2 } else { 1 };
    let hints: Vec<Line> = hint(app, usize::from(inner.width), hint_rows)
        .into_iter()
        .map(|h| Line::from(Span::styled(h, theme.decoration())))
        .collect();
    let top_rows = 1 + hints.len() as u16;
    frame.render_widget(
        Paragraph::new(std::iter::once(query_line).chain(hints).collect::<Vec<_>>()),
        Rect {
            height: top_rows.min(inner.height),
            ..inner
        },
    );

    let list_area = Rect {
        y: inner.y + top_rows,
        height: inner.height.saturating_sub(top_rows + preview_rows),
        ..inner
    };
    if app.jump_index.is_none() {
        return;
    }
    let rows = usize::from(list_area.height);
    let offset = palette.selected.saturating_sub(rows.saturating_sub(1));
    let lines: Vec<Line> = palette
        .found
        .matches
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .filter_map(|(i, m)| {
            Some(result_line(
                app,
                theme,
                &app.palette_shown(m)?,
                m,
                i == palette.selected,
                list_area.width,
            ))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list_area);

    if preview_rows > 0
        && let Some(c) = palette
            .found
            .matches
            .get(palette.selected)
            .and_then(|m| app.palette_shown(m))
    {
        let preview_area = Rect {
            y: inner.y + inner.height - preview_rows,
            height: preview_rows,
            ..inner
        };
        let text = app.docs[c.doc].blocks[c.block.0].text();
        let before = &text[..c.range.start.min(text.len())];
        let chosen = &text[c.range.start.min(text.len())..c.range.end.min(text.len())];
        let after = &text[c.range.end.min(text.len())..];
        let preview = Paragraph::new(Line::from(vec![
            Span::styled(before.to_string(), theme.decoration()),
            Span::raw(chosen.to_string()),
            Span::styled(after.to_string(), theme.decoration()),
        ]))
        .wrap(Wrap { trim: false })
        .block(
            Block::default()
                .borders(Borders::TOP)
                .title(location(app, &c)),
        );
        frame.render_widget(preview, preview_area);
    }
}

/// The palette's hint in at most `rows` lines of `width` cells: the keys (from the keymap
/// in use) and the query syntax, with the kind prefixes when there is room.
pub fn hint(app: &App, width: usize, rows: usize) -> Vec<String> {
    let key = |action| app.keymap.hint_key(Mode::Palette, action);
    let mut keys = Vec::new();
    match (key(Action::Up), key(Action::Down)) {
        (Some(up), Some(down)) if up.width() == 1 && down.width() == 1 => {
            keys.push(format!("{up}{down}"))
        }
        (Some(up), Some(down)) => keys.push(format!("{up}/{down}")),
        _ => {}
    }
    if let Some(go) = key(Action::Go) {
        keys.push(format!("{go} jump"));
    }
    let keys = keys.join(" ");
    let keys = match key(Action::Close) {
        Some(close) if keys.is_empty() => format!("{close} back"),
        Some(close) => format!("{keys} · {close} back"),
        None => keys,
    };
    let joined = |parts: &[&str]| {
        parts
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let fits = |text: &String| text.width() <= width;
    let all = joined(&[KINDS, QUERY_SYNTAX, &keys]);
    let syntax_and_keys = joined(&[QUERY_SYNTAX, &keys]);
    if fits(&all) {
        vec![all]
    } else if rows >= 2 && fits(&syntax_and_keys) && KINDS.width() <= width {
        vec![syntax_and_keys, KINDS.to_string()]
    } else if fits(&syntax_and_keys) {
        vec![syntax_and_keys]
    } else if rows >= 2 {
        vec![fit(&keys, width), fit(QUERY_SYNTAX, width)]
    } else {
        vec![fit(&joined(&[&keys, QUERY_SYNTAX]), width)]
    }
}

/// "document › section" for a candidate.
fn location(app: &App, c: &Shown) -> String {
    let doc = &app.docs[c.doc];
    let section = c
        .section
        .map(|s| doc.blocks[s.0].text())
        .unwrap_or_default();
    let mut parts = Vec::new();
    if app.docs.len() > 1 {
        parts.push(doc.name.clone());
    }
    if !section.is_empty() && c.kind != crate::index::jump::CandidateKind::Heading {
        parts.push(section.to_string());
    }
    parts.join(" › ")
}

/// One result: its kind, its text cropped around the first match with the matched characters
/// highlighted, and where it is.
fn result_line<'a>(
    app: &App,
    theme: Theme,
    c: &Shown,
    m: &Match,
    selected: bool,
    width: u16,
) -> Line<'a> {
    let width = usize::from(width);
    let place = fit(&location(app, c), width / 3);
    let room = width.saturating_sub(place.width() + 4);
    let chars: Vec<char> = c.text.chars().collect();
    // The whole text when it fits (a person's name stays in view when the query matched the
    // office); else start a little before the first matched character so it is in view.
    let first = m.chars.first().copied().unwrap_or(0);
    let mut start = first;
    if c.text.width() <= room {
        start = 0;
    }
    let mut lead = 0;
    while start > 0 && lead + 2 <= room / 3 {
        start -= 1;
        lead += unicode_width::UnicodeWidthChar::width(chars[start]).unwrap_or(0);
    }
    let base = if selected {
        theme.selected()
    } else {
        ratatui::style::Style::new()
    };
    let mut spans = vec![Span::styled(
        format!("{} ", c.kind.symbol()),
        theme.decoration(),
    )];
    if start > 0 {
        spans.push(Span::styled("…", base));
    }
    let mut used = usize::from(start > 0);
    for (i, ch) in chars.iter().enumerate().skip(start) {
        let w = unicode_width::UnicodeWidthChar::width(*ch).unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        let style = if m.chars.binary_search(&i).is_ok() {
            base.patch(theme.mention())
        } else {
            base
        };
        spans.push(Span::styled(ch.to_string(), style));
    }
    let gap = width.saturating_sub(used + place.width() + 3);
    spans.push(Span::styled(" ".repeat(gap), base));
    spans.push(Span::styled(place, theme.decoration()));
    Line::from(spans)
}
