//! The help overlay: it opens over whatever has the focus and scrolls through the keys of
//! the keymap in use.

use super::App;
use crate::vocabulary::Action;

impl App {
    pub(super) fn scroll_help(&mut self, action: Action) {
        let page = usize::from(self.size.1.saturating_sub(4)).max(1);
        let scroll = self.help_scroll();
        let scroll = match action {
            Action::Down => scroll + 1,
            Action::Up => scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => scroll + page,
            Action::PageUp | Action::HalfPageUp => scroll.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => usize::MAX / 2,
            _ => scroll,
        };
        let rows = crate::keymap::help::rows(&self.keymap).len();
        self.help = Some(scroll.min(rows.saturating_sub(page)));
    }
}
