//! Taking the terminal and giving it back: raw mode and the alternate screen at the start,
//! and for a while when the user suspends brief (Ctrl-z) to use the shell.

use std::os::fd::AsFd;

use crate::crash::Rescue;
use crate::wire::Wire;

/// The terminal, drawn through the lean backend.
pub(super) type Screen = ratatui::Terminal<Wire<Output>>;

/// Where frames go: standard output, a whole frame in one write. (Standard output's own
/// buffer sends what ends with a line feed at once and the rest later: two writes a frame,
/// which an SSH link may carry as two packets.)
pub(super) type Output = std::io::BufWriter<std::fs::File>;

/// A frame up to this size goes out in one write (a whole screen of Chinese is ~10 KB).
const FRAME_BYTES: usize = 1 << 16;

/// Gives the terminal back as the shell had it and stops brief's process group (as Ctrl-z
/// does to a program that does not read keys itself); once the shell continues it (`fg`),
/// takes the terminal again, blank, to be drawn whole.
pub(super) fn suspend(terminal: &mut Screen) -> std::io::Result<()> {
    let _ = crossterm::execute!(std::io::stdout(), crossterm::style::Print("\x1b[?1007l"));
    crate::wire::restore();
    terminal.show_cursor()?;
    // Returns when continued (at once when no shell can continue it: an orphaned group).
    rustix::process::kill_current_process_group(rustix::process::Signal::TSTP)?;
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::style::Print("\x1b[?1007h")
    )?;
    terminal.backend_mut().cleared();
    terminal.hide_cursor()
}

/// Raw mode and the alternate screen; the panic hook ([`crate::crash`]) is told, so that a
/// panic gives the terminal back.
pub(super) fn init(rescue: &Rescue) -> std::io::Result<Screen> {
    rescue.terminal_in_use(true);
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    let out = std::io::stdout().as_fd().try_clone_to_owned()?;
    let out = std::io::BufWriter::with_capacity(FRAME_BYTES, std::fs::File::from(out));
    let mut wire = Wire::new(out);
    // The alternate screen is blank when entered.
    wire.cleared();
    ratatui::Terminal::new(wire)
}
