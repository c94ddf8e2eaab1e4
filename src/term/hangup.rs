//! The terminal hanging up: a connection dropped, a terminal window or multiplexer closed.
//! The kernel tells the session's leader with SIGHUP, but `brief` started by a script or a
//! wrapper is not the leader, and the terminal's reader only reads nothing from a terminal
//! that has gone, again and again. This waits for the hang-up itself.

use std::sync::mpsc::Sender;

use super::sources::News;

/// Says [`News::InputClosed`] once the terminal `brief` reads its keys from hangs up; waits
/// without using the CPU until then.
#[cfg(target_os = "linux")]
pub(super) fn watch(tx: Sender<News>) {
    use rustix::event::{PollFd, PollFlags, poll};
    use std::io::IsTerminal;
    use std::os::fd::AsFd;

    let stdin = std::io::stdin();
    // Keys come from standard input when it is the terminal, else from /dev/tty.
    let tty = if stdin.is_terminal() {
        None
    } else {
        match std::fs::File::open("/dev/tty") {
            Ok(tty) => Some(tty),
            Err(_) => return,
        }
    };
    std::thread::spawn(move || {
        let fd = match &tty {
            Some(tty) => tty.as_fd(),
            None => stdin.as_fd(),
        };
        loop {
            // No events asked for: poll still wakes for a hang-up or an error, and only then.
            let mut fds = [PollFd::new(&fd, PollFlags::empty())];
            match poll(&mut fds, None) {
                Ok(_) => {
                    let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
                    if fds[0].revents().intersects(gone) {
                        let _ = tx.send(News::InputClosed);
                        return;
                    }
                }
                Err(rustix::io::Errno::INTR) => {}
                Err(_) => return,
            }
        }
    });
}

/// Elsewhere the terminal's hang-up is left to SIGHUP.
#[cfg(not(target_os = "linux"))]
pub(super) fn watch(_tx: Sender<News>) {}
