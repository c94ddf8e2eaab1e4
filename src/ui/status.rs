//! The status line: document, section breadcrumb, position, and the help hint; or a message.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::App;
use crate::app::outline_pane::OutlineView;
use crate::app::redline::{CHANGED_SINCE, NOT_THE_ONE_READ};
use crate::vocabulary::Action;

/// Draws the status line.
pub fn draw(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    if let (crate::vocabulary::Mode::Prompt, Some(prompt)) = (app.mode(), app.prompt()) {
        let cursor = if prompt.takes_text() { "▏" } else { "" };
        let line = format!("{}{}{cursor}", prompt.label, prompt.input);
        // An answer being typed keeps its end, where the cursor is, in sight.
        let text = if prompt.takes_text() {
            fit_end(&line, usize::from(area.width))
        } else {
            fit_keeping_answers(&line, usize::from(area.width))
        };
        frame.render_widget(Paragraph::new(Line::from(Span::raw(text))), area);
        return;
    }
    if app.mode() == crate::vocabulary::Mode::Table {
        let status = match &app.message {
            Some(m) => m.text.clone(),
            None => super::table_view::status(app),
        };
        let text = fit(&status, usize::from(area.width));
        frame.render_widget(Paragraph::new(Line::from(Span::raw(text))), area);
        return;
    }
    if app.mode() == crate::vocabulary::Mode::Search {
        let search = app.search.as_ref();
        let query = search.map_or("", |s| s.query.as_str());
        let count = match search {
            Some(s) if s.matches.is_empty() && !s.query.is_empty() => "no match".to_string(),
            Some(s) => match s.current {
                Some(i) => format!("{}/{}", i + 1, s.matches.len()),
                None => String::new(),
            },
            None => String::new(),
        };
        let width = usize::from(area.width);
        let left = fit(
            &format!("/{query}▏"),
            width.saturating_sub(count.width() + 2),
        );
        let gap = width.saturating_sub(left.width() + count.width() + 1);
        let line = Line::from(vec![
            Span::raw(left),
            Span::raw(" ".repeat(gap)),
            Span::styled(count, theme.decoration()),
        ]);
        frame.render_widget(Paragraph::new(line), area);
        return;
    }
    let doc = app.document();
    let right = right_side(app);
    let mut left = doc.name.clone();
    if app.gone.contains(&app.doc) {
        left.push_str(" [gone]");
    }
    if doc.encoding != "UTF-8" {
        left.push_str(&format!(" [{}]", doc.encoding));
    }
    // Read as another format than its name says (Markdown in a `.txt`, plain text in a
    // `.md`): said, so a surprising outline has its reason on screen.
    if let Some(path) = &doc.path {
        let named = crate::doc::Format::for_path(path).unwrap_or(crate::doc::Format::Plain);
        if doc.format != named {
            left.push_str(&format!(" [{}]", doc.format.name()));
        }
    }
    if doc.whole_page {
        left.push_str(" [whole page]");
    }
    if let Some(damage) = &doc.damage {
        left.push_str(&format!(" [{damage}]"));
    }
    if doc.unread_pages > 0 {
        left.push_str(&format!(" [reading {} more pages]", doc.unread_pages));
    }
    if doc.unread_bytes > 0 {
        let mb = doc.unread_bytes as f64 / 1e6;
        left.push_str(&format!(" [reading the rest: {mb:.1} MB]"));
    }
    let mut left_style = theme.status();
    // In the Links view the selected link's whole address, which the pane cuts.
    let link = (app.mode() == crate::vocabulary::Mode::Outline
        && app.view == crate::app::outline_pane::OutlineView::Links)
        .then(|| app.selected_link())
        .flatten();
    // In the Library the selected document's whole file name, which the pane may cut.
    let file = (app.mode() == crate::vocabulary::Mode::Outline
        && app.view == crate::app::outline_pane::OutlineView::Library)
        .then(|| {
            let entry = app
                .library_view
                .tree
                .entries
                .get(app.library_view.pane.selected)?;
            let doc = app.docs.get(entry.doc)?;
            Some(match &doc.path {
                Some(path) => path.display().to_string(),
                None => doc.name.clone(),
            })
        })
        .flatten();
    // In the Countries, People and Documents views the selected row whole, which the pane
    // cuts: an office, a title, the sentence around a mention.
    let row = (app.mode() == crate::vocabulary::Mode::Outline
        && matches!(
            app.view,
            OutlineView::Countries | OutlineView::People | OutlineView::Documents
        ))
    .then(|| {
        let (tree, pane) = app.shown();
        let entry = tree.entries.get(pane.selected)?;
        let whole = match entry.tail.is_empty() {
            true => entry.title.trim().to_string(),
            false => format!("{}  {}", entry.title.trim(), entry.tail.trim()),
        };
        let row = entry.depth + 2 + entry.lead.width() + whole.width();
        // The pane's border and the row's margin take two columns of its width.
        if row + 2 <= usize::from(app.outline_width()) {
            return None;
        }
        // A mention's sentence is shown around the mention.
        Some(match &entry.mark {
            Some(mark) => {
                let room = usize::from(area.width).saturating_sub(24);
                let (before, marked, after) =
                    super::outline::crop_around(&entry.title, mark.clone(), room);
                format!("{before}{marked}{after}")
            }
            None => whole,
        })
    })
    .flatten();
    let link = link
        .map(|link| format!("→ {link}"))
        .or(row.map(|row| format!("› {row}")));
    // A path too long for the line keeps its end, where editions' names differ.
    let mut keep_end = false;
    match (&app.message, link, file) {
        (None, Some(link), _) => left = link,
        (None, None, Some(file)) => {
            left = file;
            keep_end = true;
        }
        (Some(m), ..) => {
            // A message says what just happened: it gets the room, the name comes back after.
            left = m.text.clone();
            if m.is_error {
                left_style = left_style.patch(theme.error());
            }
        }
        (None, None, None) => {
            if let Some(here) = app.here() {
                let path = app.outline.path_to(here);
                let headings: Vec<&str> = path
                    .iter()
                    .filter(|e| e.block.is_some())
                    .map(|e| e.title.as_str())
                    .collect();
                // The section the reader is in matters most: shorten the ones above it.
                let crumbs: Vec<String> = headings
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        if i + 1 < headings.len() {
                            fit(t, 12)
                        } else {
                            t.to_string()
                        }
                    })
                    .collect();
                if !crumbs.is_empty() {
                    left = format!("{left} › {}", crumbs.join(" › "));
                }
            }
        }
    }
    let width = usize::from(area.width);
    let room = width.saturating_sub(right.width() + 2);
    let left = match keep_end {
        true => fit_end(&left, room),
        false => fit(&left, room),
    };
    let gap = width.saturating_sub(left.width() + right.width() + 1);
    let line = Line::from(vec![
        Span::styled(format!(" {left}"), left_style),
        Span::styled(" ".repeat(gap), theme.status()),
        Span::styled(right, theme.status()),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.status()), area);
}

fn right_side(app: &App) -> String {
    // The key that opens the help where the keys go under it (the open help says what
    // closes it).
    let help = app
        .keymap
        .hint_key(app.focus.mode(), Action::Help)
        .map(|k| format!("{k} help"))
        .unwrap_or_default();
    let pending: Vec<String> = app.pending.iter().map(|k| k.to_string()).collect();
    let pending = if pending.is_empty() {
        String::new()
    } else {
        format!("{}…  ", pending.join(" "))
    };
    let loading = match app.loading {
        Some((done, total)) => format!("{} read {done}/{total}  ", bar(done, total)),
        None => String::new(),
    };
    // Changed since it was last read, and what changed not looked at yet: said until it is
    // (the message may have come while the reader was scrolling, a few seconds in), when the
    // message does not say so already.
    let saying_so = app.message.as_ref().is_some_and(|m| {
        [CHANGED_SINCE, NOT_THE_ONE_READ]
            .iter()
            .any(|said| m.text.contains(said))
    });
    let changed = match app.last_read.get(&app.doc) {
        Some(last) if !last.shown && !saying_so => {
            // Another briefing under the same name is not said to have changed.
            let what = match last.common < crate::compare::changes::SHARE_LITTLE {
                true => "another briefing",
                false => "changed",
            };
            app.keymap
                .hint_key(crate::vocabulary::Mode::Reader, Action::ShowChanges)
                .map(|k| format!("{what}: {k}  "))
                .unwrap_or_else(|| format!("{what}  "))
        }
        _ => String::new(),
    };
    // A filter stays named while it is on, whether or not the outline shows it (the
    // message that named it goes after a while).
    let filter = match app.filter_label() {
        Some(label)
            if !app
                .message
                .as_ref()
                .is_some_and(|m| m.text.contains(&label)) =>
        {
            format!("filter: {}  ", fit(&label, FILTER_WIDTH))
        }
        _ => String::new(),
    };
    // Of a document still being read, how far in the reader is is not known yet.
    let percent = match app.document().is_first_part() {
        false => format!("{:>3}%", app.percent()),
        true => "  …".to_string(),
    };
    format!("{pending}{filter}{changed}{loading}{percent}  {help} ")
}

/// The most columns the filter's name takes on the status line.
const FILTER_WIDTH: usize = 24;

/// A short progress bar: `▰▰▰▱▱▱▱▱`.
fn bar(done: usize, total: usize) -> String {
    const CELLS: usize = 8;
    let full = (done * CELLS)
        .checked_div(total)
        .unwrap_or(CELLS)
        .min(CELLS);
    format!("{}{}", "▰".repeat(full), "▱".repeat(CELLS - full))
}

/// Cuts text to its last `width` cells, starting with `…` when cut: for a line being typed
/// (the end is where the typing is) and a file name (`…law.old.md`).
pub fn fit_end(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// Cuts styled pieces of one line to `width` cells, the last one kept ending in `…`.
pub fn fit_spans(spans: Vec<Span<'_>>, width: usize) -> Vec<Span<'_>> {
    let mut room = width;
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        let w = span.content.width();
        if w <= room {
            room -= w;
            out.push(span);
            continue;
        }
        if room > 0 {
            out.push(Span::styled(fit(&span.content, room), span.style));
        }
        break;
    }
    out
}

/// Cuts a file name to `width` cells: when it does not fit, without its extension, then with
/// `…` nearer its start than its end, where names of one folder differ
/// (`editions…lima.new`, `en…a.old`).
pub fn fit_file_name(name: &str, width: usize) -> String {
    if name.width() <= width || width < 3 {
        return fit(name, width);
    }
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    };
    if stem.width() <= width {
        return stem.to_string();
    }
    let head = fit(stem, width / 3 + 1);
    let head = head.strip_suffix('…').unwrap_or(&head);
    let tail = fit_end(stem, width - head.width());
    format!("{head}{tail}")
}

/// A question too long for the line is cut before its answer keys (`? y/n · Esc: later`),
/// which stay in sight: without them the keys that answer it are not known.
fn fit_keeping_answers(question: &str, width: usize) -> String {
    match question.rfind('?') {
        Some(at) if question.width() > width => {
            let answers = &question[at..];
            let room = width.saturating_sub(answers.width());
            if room < 12 {
                return fit(question, width);
            }
            format!("{}{answers}", fit(&question[..at], room))
        }
        _ => fit(question, width),
    }
}

/// Cuts text to `width` cells, ending with `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Style, Stylize};

    #[test]
    fn text_cut_to_no_room_takes_none() {
        assert_eq!(fit("比什凯克", 0), "");
        assert_eq!(fit("比什凯克", 1), "…");
        assert_eq!(fit("比什凯克", 4), "比…");
    }

    #[test]
    fn styled_pieces_cut_to_the_width_end_in_an_ellipsis() {
        let spans = vec![
            Span::raw(" Countries by mentions"),
            Span::styled(" · finding them…", Style::new().bold()),
        ];
        let cut = fit_spans(spans.clone(), 30);
        let text: String = cut.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text.width(), 30, "{text}");
        assert!(text.ends_with("· find…"), "{text}");
        assert_eq!(cut[1].style, Style::new().bold());
        assert_eq!(fit_spans(spans.clone(), 80), spans);
    }

    #[test]
    fn a_file_name_cut_keeps_its_start_and_more_of_its_end() {
        let name = "editions/en_wh_biden_xi_readout_lima.new.md";
        let cut = fit_file_name(name, 24);
        assert_eq!(cut.width(), 24, "{cut}");
        assert!(
            cut.starts_with("editions") && cut.ends_with("lima.new"),
            "{cut}"
        );
        assert_eq!(cut.matches('…').count(), 1);
        assert_eq!(fit_file_name("short.md", 24), "short.md");
        assert_eq!(fit_file_name("a_longer_name.md", 13), "a_longer_name");
        // Narrow: two editions still differ.
        let old = fit_file_name("en_wh_biden_xi_readout_lima.old.md", 8);
        let new = fit_file_name("en_wh_biden_xi_readout_lima.new.md", 8);
        assert_eq!((old.as_str(), new.as_str()), ("en…a.old", "en…a.new"));
        // Wide characters: never wider than asked, at most a cell short.
        let cut = fit_file_name("中吉乌铁路建设协定文本.md", 13);
        assert!((12..=13).contains(&cut.width()), "{cut}");
    }

    #[test]
    fn a_line_being_typed_keeps_its_end() {
        assert_eq!(fit_end("中吉乌 铁路 zjw tielu", 10), "…zjw tielu");
        assert_eq!(fit_end("中吉乌铁路", 6), "…铁路");
        assert_eq!(fit_end("short", 10), "short");
        assert_eq!(fit("中吉乌铁路", 6), "中吉…");
    }

    #[test]
    fn fit_end_keeps_the_end_of_a_name() {
        assert_eq!(fit_end(" — law.old.md", 20), " — law.old.md");
        assert_eq!(
            fit_end(" — zh_foreign_trade_law.old.md", 12),
            "…_law.old.md"
        );
        assert_eq!(fit_end("对外贸易法.md", 8), "…易法.md");
        assert!(fit_end("对外贸易法.md", 8).width() <= 8);
    }

    #[test]
    fn a_long_question_keeps_its_answer_keys_in_sight() {
        let question = "Notes from bundled:sco-heads-of-government-communique-2025.md (4 notes): \
                        attach them to this edition, corpus_1M.md? y/n · Esc: later";
        let shown = fit_keeping_answers(question, 100);
        assert!(shown.ends_with("? y/n · Esc: later"), "{shown}");
        assert!(shown.contains('…'));
        assert!(shown.width() <= 100);
        assert_eq!(fit_keeping_answers("Delete it? y/n", 40), "Delete it? y/n");
    }
}
