//! The outline pane: the view's tree with folds, the selection, "you are here" in the section
//! view, and marked mentions in the Countries view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::status::{fit, fit_end, fit_file_name, fit_spans};
use super::theme::Theme;
use crate::app::App;
use crate::app::outline_pane::OutlineView;
use crate::vocabulary::{Action, Mode};

/// Draws the pane's title and the visible entries.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let focused = app.mode() == Mode::Outline;
    let (tree, pane) = app.shown();
    let mut title = vec![
        Span::raw(" "),
        Span::styled(app.view.title(), theme.title()),
    ];
    if app.view == OutlineView::Countries {
        title.push(Span::styled(
            format!(" {}", app.country_order.label()),
            theme.decoration(),
        ));
        if app.places_pending.is_some() {
            title.push(Span::styled(" · finding them…", theme.here()));
        }
        if let Some(filter) = app.filter_label() {
            title.push(Span::styled(format!(" · {filter}"), theme.here()));
        }
    } else if matches!(app.view, OutlineView::People | OutlineView::Documents)
        && app.waiting_for_people()
    {
        title.push(Span::styled(" · finding them…", theme.here()));
    } else if app.view == OutlineView::Library {
        title.push(Span::styled(
            format!(" {}", app.library_order.label()),
            theme.decoration(),
        ));
        if !app.library_filter.is_empty() {
            title.push(Span::styled(
                format!(" · /{}", app.library_filter),
                theme.here(),
            ));
        }
    } else if matches!(
        app.view,
        OutlineView::Sections | OutlineView::People | OutlineView::Documents
    ) && let Some(filter) = app.filter_label()
    {
        // The sections it narrows, and the people and documents it is made of; no other list
        // is narrowed.
        title.push(Span::styled(format!(" · {filter}"), theme.here()));
    }
    // People and documents of a long briefing still being read: those of its first part.
    if matches!(app.view, OutlineView::People | OutlineView::Documents)
        && app.docs.iter().any(crate::doc::Document::is_first_part)
    {
        title.push(Span::styled(
            " · so far: the rest is being read",
            theme.here(),
        ));
    }
    if !focused && let Some(key) = app.keymap.hint_key(Mode::Reader, Action::FocusOutline) {
        title.push(Span::styled(format!("  ({key})"), theme.decoration()));
    }
    let mut lines = vec![Line::from(fit_spans(title, usize::from(area.width)))];
    // "You are here": the section the reader is in, or the fold or section shown that
    // holds it.
    let here = (app.view == OutlineView::Sections)
        .then(|| app.here())
        .flatten()
        .and_then(|entry| pane.row_for(tree, entry));
    let visible = pane.visible(tree);
    let rows = usize::from(area.height.saturating_sub(1));
    // The selected entry is always on screen, whatever scrolled the pane last.
    for &i in visible
        .iter()
        .skip(pane.first_row(&visible, rows))
        .take(rows)
    {
        let entry = &tree.entries[i];
        let fold = if !pane.has_shown_children(tree, i) {
            "  "
        } else if pane.is_folded(i) {
            "▸ "
        } else {
            "▾ "
        };
        let indent = " ".repeat(entry.depth.min(12));
        let mut room = usize::from(area.width).saturating_sub(indent.len() + 2);
        let mut style = Style::new();
        if Some(i) == here {
            style = style.patch(theme.here());
        }
        if entry.depth == 0
            && matches!(
                app.view,
                OutlineView::Countries | OutlineView::People | OutlineView::Documents
            )
        {
            style = style.patch(theme.title());
        }
        if entry.mark.is_none()
            && (app.filter.iter().any(|p| entry.place == Some(*p))
                || entry.person.is_some_and(|p| app.is_filtered_person(p)))
        {
            style = style.patch(theme.here());
        }
        if focused && i == pane.selected {
            style = style.patch(theme.selected());
        }
        let mut spans = vec![Span::styled(format!("{indent}{fold}"), theme.decoration())];
        // The Library's date and size, before a title cut to the room left.
        if !entry.lead.is_empty() {
            let lead = fit(&entry.lead, room);
            room = room.saturating_sub(lead.width());
            spans.push(Span::styled(lead, style));
        }
        match &entry.mark {
            Some(mark) => {
                // A mention's tail ("via city") stays in view: the sentence is cut first.
                let tail = fit_end(&entry.tail, room / 2);
                let room = room.saturating_sub(tail.width() + 2 * usize::from(!tail.is_empty()));
                let (before, marked, after) = crop_around(&entry.title, mark.clone(), room);
                spans.push(Span::styled(before, style));
                spans.push(Span::styled(marked, style.patch(theme.mention())));
                spans.push(Span::styled(after, style));
                if !tail.is_empty() {
                    spans.push(Span::styled(format!("  {tail}"), style));
                }
            }
            // A document's own row: its file name cut in the middle, where names differ.
            None if entry.tail.is_empty()
                && entry.block.is_none()
                && matches!(app.view, OutlineView::Sections | OutlineView::Library) =>
            {
                spans.push(Span::styled(fit_name(&entry.title, room), style))
            }
            None if entry.tail.is_empty() => {
                spans.push(Span::styled(fit(&entry.title, room), style))
            }
            None => {
                // The tail stays in view, in half the room at least: the title gives up its
                // room first.
                let title_width = entry.title.width().min(room.saturating_sub(room / 2));
                let tail = fit_end(&entry.tail, room.saturating_sub(title_width));
                let title_room = room.saturating_sub(tail.width());
                let title = match app.view {
                    OutlineView::Library => fit_name(&entry.title, title_room),
                    _ => fit(&entry.title, title_room),
                };
                // Cut on both sides, one `…` says so.
                let tail = match tail.strip_prefix('…') {
                    Some(rest) if title.ends_with('…') => format!("{rest} "),
                    _ => tail,
                };
                if title_room > 0 {
                    spans.push(Span::styled(title, style));
                }
                spans.push(Span::styled(tail, style));
            }
        }
        lines.push(Line::from(spans));
    }
    if let Some(empty) = tree.entries.is_empty().then(|| nothing_yet(app)).flatten() {
        lines.push(Line::from(Span::styled(
            fit(&empty, usize::from(area.width)),
            theme.decoration(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// What an empty Bookmarks or Notes view says: the reader's key that makes the first.
fn nothing_yet(app: &App) -> Option<String> {
    let (what, action) = match app.view {
        OutlineView::Bookmarks => ("bookmarks", Action::ToggleBookmark),
        OutlineView::Notes => ("notes", Action::Annotate),
        _ => return None,
    };
    Some(match app.keymap.hint_key(Mode::Reader, action) {
        Some(key) => format!(" No {what} yet ({key} in reader)"),
        None => format!(" No {what} yet"),
    })
}

/// Cuts `text` to `width` cells so that the marked part shows, a few characters in:
/// (text before the mark, the mark, text after), with `…` where text was cut.
pub fn crop_around(
    text: &str,
    mark: std::ops::Range<usize>,
    width: usize,
) -> (String, String, String) {
    let mark = mark.start.min(text.len())..mark.end.min(text.len());
    if !text.is_char_boundary(mark.start) || !text.is_char_boundary(mark.end) {
        return (fit(text, width), String::new(), String::new());
    }
    let marked = fit(&text[mark.clone()], width);
    // A third of the room before the mention, more when what follows it is short.
    let free = width.saturating_sub(marked.width());
    let lead_room = free - text[mark.end..].width().min(free - free / 3);
    let mut before = String::new();
    let mut used = 0;
    let mut cut = false;
    for c in text[..mark.start].chars().rev() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > lead_room {
            cut = true;
            break;
        }
        before.insert(0, c);
        used += w;
    }
    if cut {
        before.insert(0, '…');
        used += 1;
    }
    let after = fit(
        &text[mark.end..],
        width.saturating_sub(used + marked.width()),
    );
    (before, marked, after)
}

/// A document's name cut to `width`: a file name by [`fit_file_name`], a title at its end
/// (its start says most).
fn fit_name(name: &str, width: usize) -> String {
    let extension = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .filter(|e| e.len() <= 5 && e.chars().all(|c| c.is_ascii_alphanumeric()));
    match extension {
        Some(_) if !name.contains(char::is_whitespace) => fit_file_name(name, width),
        _ => fit(name, width),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crop_keeps_the_mark_in_view() {
        let text = "白俄罗斯共和国总理图尔钦、印度共和国外交部长苏杰生、吉尔吉斯共和国总理卡瑟马利耶夫出席会议。";
        let start = text.find("吉尔吉斯共和国").unwrap();
        let (before, marked, after) = crop_around(text, start..start + "吉尔吉斯共和国".len(), 28);
        assert_eq!(marked, "吉尔吉斯共和国");
        assert!(before.starts_with('…'));
        assert!(before.width() + marked.width() + after.width() <= 28);
    }

    #[test]
    fn a_mention_ending_its_sentence_gets_the_room_before_it() {
        let text = "会议由俄罗斯联邦政府总理米舒斯京主持，中共中央政治局委员、外交部长王毅。";
        let start = text.find("王毅").unwrap();
        let (before, marked, after) = crop_around(text, start..start + "王毅".len(), 40);
        assert_eq!((marked.as_str(), after.as_str()), ("王毅", "。"));
        // All the room but the mention's and the full stop's goes before it (less a cell a
        // wide character cannot fill).
        assert!(before.width() >= 40 - 4 - 2 - 1, "{before}");
    }
}
