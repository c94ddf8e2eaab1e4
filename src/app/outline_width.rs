//! How wide the outline pane is. Until the user chooses, a third of the terminal; `<` and
//! `>` (`narrow_outline`, `widen_outline`) change it a step at a time, and what they choose
//! is kept as a share of the width, so a resize keeps the proportion. Whatever the share, the
//! pane stays between limits that leave the reader room to read at any terminal width.

use super::App;
use crate::store::OutlineLayout;
use crate::vocabulary::{Action, Mode};

/// The narrowest the outline is made (less only when the terminal has no room for it).
pub const MIN_OUTLINE: u16 = 12;

/// The columns the reader keeps at least, beside the outline (on a terminal narrower than
/// twice this, half of it).
pub const MIN_READER: u16 = 40;

/// Thousandths: the unit of the outline's share of the width.
const WHOLE: u32 = 1000;

/// The most columns the outline may take at `width`: the reader keeps a third of the
/// terminal, and never less than [`MIN_READER`] (or half a narrow terminal).
pub fn widest(width: u16) -> u16 {
    let reader = (width / 3).max(MIN_READER.min(width / 2));
    width.saturating_sub(reader + 1)
}

/// The outline's columns at `width` for a share (thousandths of the width; `None`: a third,
/// and at least 20 columns), held between [`MIN_OUTLINE`] and [`widest`].
pub fn columns(share: Option<u16>, width: u16) -> u16 {
    let wanted = match share {
        Some(share) => {
            let cols = (u32::from(width) * u32::from(share) + WHOLE / 2) / WHOLE;
            u16::try_from(cols).unwrap_or(u16::MAX)
        }
        None => (width / 3).max(20),
    };
    let most = widest(width);
    wanted.clamp(MIN_OUTLINE.min(most), most)
}

/// The share of `width` that `cols` columns are, in thousandths.
pub fn share_of(cols: u16, width: u16) -> Option<u16> {
    if width == 0 {
        return None;
    }
    let share = (u32::from(cols) * WHOLE + u32::from(width) / 2) / u32::from(width);
    Some(u16::try_from(share.min(WHOLE)).unwrap_or(1000))
}

/// Columns one `<` or `>` moves the edge: a twentieth of the terminal, at least two.
pub fn step(width: u16) -> u16 {
    (width / 20).max(2)
}

impl App {
    /// The outline pane as it is now, to be remembered: a pane shown only while it has the
    /// keys counts as hidden, one hidden only for a narrow terminal as shown.
    pub fn outline_layout(&self) -> OutlineLayout {
        OutlineLayout {
            shown: (self.outline_visible && !self.outline_shown_for_focus)
                || self.outline_hidden_for_width,
            share: self.outline_share,
        }
    }

    /// Takes the outline pane as the last session left it: its width, and hidden if it was
    /// (a terminal too narrow for it still starts without it).
    pub(super) fn restore_outline(&mut self, layout: OutlineLayout) {
        self.outline_share = layout.share.map(|s| s.min(1000));
        let narrow = self.size.0 < super::NARROW_WIDTH;
        self.outline_visible = layout.shown && !narrow;
        self.outline_hidden_for_width = layout.shown && narrow;
        self.outline_shown_for_focus = false;
        if !self.outline_visible && self.mode() == Mode::Outline {
            self.focus = super::focus::Focus::Reader;
        }
        self.relayout();
    }

    /// `<` and `>`: the outline a step narrower or wider, within its limits; a hidden
    /// outline is shown by `>` at the width it had.
    pub(super) fn change_outline_width(&mut self, wider: bool) {
        let width = self.size.0;
        if !self.outline_visible {
            if wider {
                self.outline_visible = true;
                self.outline_shown_for_focus = false;
                self.outline_hidden_for_width = false;
                self.relayout_at_new_width();
            } else {
                let show = self
                    .keymap
                    .hint_key(Mode::Reader, Action::ToggleOutline)
                    .map_or_else(String::new, |k| format!(" ({k} shows it)"));
                self.notify(format!("The outline is hidden{show}"), false);
            }
            return;
        }
        let now = self.outline_width();
        let wanted = if wider {
            now.saturating_add(step(width)).min(widest(width))
        } else {
            now.saturating_sub(step(width))
                .max(MIN_OUTLINE.min(widest(width)))
        };
        if wanted == now {
            let said = if wider {
                "The outline is as wide as it goes: the reader keeps the rest"
            } else {
                "The outline is as narrow as it goes"
            };
            self.notify(said, false);
            return;
        }
        self.outline_share = share_of(wanted, width);
        self.relayout_at_new_width();
        // Said in the status line while it changes, so the steps can be counted.
        self.notify(format!("Outline {wanted} columns of {width}"), false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_third_until_chosen_and_never_capped_at_forty() {
        assert_eq!(columns(None, 80), 26);
        assert_eq!(columns(None, 120), 40);
        assert_eq!(columns(None, 250), 83);
        assert_eq!(columns(None, 60), 20);
    }

    #[test]
    fn the_reader_keeps_room_at_any_width() {
        for width in 0..=400u16 {
            for share in [None, Some(0), Some(100), Some(500), Some(900), Some(1000)] {
                let cols = columns(share, width);
                let reader = width.saturating_sub(cols + 1);
                assert!(
                    cols == 0 || reader >= (width / 3).max(MIN_READER.min(width / 2)),
                    "{width} columns, share {share:?}: outline {cols}, reader {reader}"
                );
                if width >= 2 * MIN_READER {
                    assert!(cols >= MIN_OUTLINE, "{width}: {cols}");
                    assert!(reader >= MIN_READER, "{width}: {reader}");
                }
            }
        }
        assert_eq!(widest(250), 166);
        assert_eq!(widest(100), 59);
        assert_eq!(widest(80), 39);
    }

    #[test]
    fn a_share_gives_back_its_columns_and_keeps_its_proportion() {
        for width in [40u16, 80, 100, 173, 250, 1000] {
            for cols in MIN_OUTLINE.min(widest(width))..=widest(width) {
                assert_eq!(
                    columns(share_of(cols, width), width),
                    cols,
                    "{width}/{cols}"
                );
            }
        }
        // Half of 100 columns is half of 200.
        assert_eq!(columns(share_of(50, 100), 200), 100);
        assert_eq!(share_of(5, 0), None);
    }

    #[test]
    fn steps_grow_with_the_terminal() {
        assert_eq!(step(30), 2);
        assert_eq!(step(80), 4);
        assert_eq!(step(250), 12);
    }
}
