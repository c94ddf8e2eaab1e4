//! The event loop's inbox: news from the sources' threads through a channel, and the
//! terminal's keys read on the loop's own thread. A key handed from a reading thread to the
//! loop cost a second thread's wake-up: the loop now waits on the terminal itself, on a pipe
//! every message sent writes a byte to, and on one a resize writes to.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SendError, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

use crossterm::event::Event;

use super::escape;
use super::sources::News;

/// How long the terminal's reader is given to look for an event without waiting: none at
/// all (it waits in whole milliseconds, and this is less than one), but time to look once
/// at what it has parsed already and at what the terminal has sent.
const LOOK: Duration = Duration::from_micros(10);

/// How long the loop sleeps, after an event, before it looks again at what the reader holds:
/// keys that came in one read are parsed together, and the ones the reader still holds no
/// wait on the terminal sees. (The look almost always finds them at once; this is for when
/// the thread was held up in the middle of it.)
const HELD: Duration = Duration::from_millis(1);

/// The sending end, for the sources' threads: each message wakes the loop.
#[derive(Clone)]
pub(super) struct Tell {
    tx: Sender<News>,
    waker: Arc<Waker>,
}

impl Tell {
    /// Sends `news` to the loop and wakes it.
    pub(super) fn send(&self, news: News) -> Result<(), SendError<News>> {
        self.tx.send(news)?;
        self.waker.wake();
        Ok(())
    }
}

/// The receiving end: the channel, and the terminal once listened to.
pub(super) struct Inbox {
    rx: Receiver<News>,
    waker: Arc<Waker>,
    /// The terminal the keys come from, while it is read on this thread.
    terminal: Option<Terminal>,
    /// Whether the reader may hold events parsed with the last one.
    held: bool,
    /// Keys read after a lone Esc that made no sequence: they come next.
    typed_after_escape: VecDeque<Event>,
}

/// Why nothing came.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Nothing {
    /// Nothing yet: the time to wait ran out (or there was none).
    Yet,
    /// Nothing ever will: every source is gone.
    Ever,
}

/// An inbox, and the sending end to give the sources.
pub(super) fn inbox() -> (Tell, Inbox) {
    let (tx, rx) = channel();
    let waker = Arc::new(Waker::new());
    let tell = Tell {
        tx,
        waker: Arc::clone(&waker),
    };
    let inbox = Inbox {
        rx,
        waker,
        terminal: None,
        held: false,
        typed_after_escape: VecDeque::new(),
    };
    (tell, inbox)
}

impl Inbox {
    /// From now on the terminal's events (keys, resizes) come as [`News::Input`], and its
    /// closing or hanging up as [`News::InputClosed`]. The event source (and its SIGWINCH
    /// handler) is set up at once, so that a resize right after start-up is not missed.
    pub(super) fn listen_to_terminal(&mut self, tell: &Tell) {
        // Poll with no timeout: this never waits for the terminal.
        let _ = crossterm::event::poll(Duration::ZERO);
        self.terminal = listen(&self.waker, tell);
    }

    /// What is waiting, without waiting: news sent, or a terminal event (keys that came
    /// together are taken together, before a frame is drawn).
    pub(super) fn try_recv(&mut self) -> Result<News, Nothing> {
        match self.sent()? {
            Some(news) => Ok(news),
            None => self.terminal_event(LOOK).ok_or(Nothing::Yet),
        }
    }

    /// News sent and waiting in the channel.
    fn sent(&self) -> Result<Option<News>, Nothing> {
        match self.rx.try_recv() {
            Ok(news) => Ok(Some(news)),
            Err(TryRecvError::Disconnected) => Err(Nothing::Ever),
            Err(TryRecvError::Empty) => Ok(None),
        }
    }

    /// The next news, waiting for it as long as it takes.
    pub(super) fn recv(&mut self) -> Result<News, Nothing> {
        self.recv_until(None)
    }

    /// The next news, waiting for it at most `timeout`.
    pub(super) fn recv_timeout(&mut self, timeout: Duration) -> Result<News, Nothing> {
        self.recv_until(Some(Instant::now() + timeout))
    }

    fn recv_until(&mut self, deadline: Option<Instant>) -> Result<News, Nothing> {
        loop {
            if let Some(news) = self.sent()? {
                return Ok(news);
            }
            let left = match deadline {
                Some(deadline) => match deadline.checked_duration_since(Instant::now()) {
                    Some(left) if !left.is_zero() => Some(left),
                    _ => return Err(Nothing::Yet),
                },
                None => None,
            };
            if let Some(news) = self.terminal_event(LOOK) {
                return Ok(news);
            }
            let sleep = match std::mem::take(&mut self.held) {
                true => Some(left.map_or(HELD, |left| left.min(HELD))),
                false => left,
            };
            match wait(&self.waker, &self.rx, self.terminal.as_ref(), sleep)? {
                Woke::Look => {}
                Woke::With(news) => return Ok(news),
                Woke::HungUp => return Ok(self.closed()),
            }
        }
    }

    /// A terminal event the reader holds or the terminal has sent, given `time` to look.
    fn terminal_event(&mut self, time: Duration) -> Option<News> {
        self.terminal.as_ref()?;
        if let Some(event) = self.typed_after_escape.pop_front() {
            return Some(News::Input(event));
        }
        let event = match self.read_event(time)? {
            Ok(event) if escape::is_lone_escape(&event) => self.join_escape(event)?,
            other => other,
        };
        Some(match event {
            Ok(event) => {
                self.held = true;
                News::Input(event)
            }
            Err(_) => self.closed(),
        })
    }

    /// The next event, given `time` to look; `None` when there is none yet.
    fn read_event(&mut self, time: Duration) -> Option<std::io::Result<Event>> {
        match crossterm::event::poll(time) {
            Ok(false) => None,
            Ok(true) => Some(crossterm::event::read()),
            Err(e) => Some(Err(e)),
        }
    }

    /// An Esc read alone, and the keys that follow it within [`escape::WAIT`] each: the key
    /// of the sequence they make (split by the connection); nothing for a report of the
    /// terminal's; or the Esc, the keys after it kept to come next.
    fn join_escape(&mut self, esc: Event) -> Option<std::io::Result<Event>> {
        let mut after = Vec::new();
        loop {
            match escape::join(&after) {
                escape::Joined::Key(key) => return Some(Ok(Event::Key(key))),
                escape::Joined::Unknown => return None,
                escape::Joined::Typed => break,
                escape::Joined::Incomplete => match self.read_event(escape::WAIT) {
                    Some(Ok(event)) => after.push(event),
                    Some(Err(e)) if after.is_empty() => return Some(Err(e)),
                    Some(Err(_)) | None => break,
                },
            }
        }
        self.typed_after_escape.extend(after);
        Some(Ok(esc))
    }

    /// The terminal can no longer be read.
    fn closed(&mut self) -> News {
        self.terminal = None;
        News::InputClosed
    }
}

/// What ended a wait.
enum Woke {
    /// News, a key or a resize may have come: look again.
    Look,
    /// This came (where the loop waits on the channel itself).
    #[cfg_attr(target_os = "linux", allow(dead_code))]
    With(News),
    /// The terminal hung up.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    HungUp,
}

#[cfg(target_os = "linux")]
use linux::{Terminal, Waker, listen, wait};

#[cfg(not(target_os = "linux"))]
use elsewhere::{Terminal, Waker, listen, wait};

#[cfg(target_os = "linux")]
mod linux {
    use std::io::{IsTerminal, Read, Write};
    use std::os::fd::AsFd;
    use std::os::unix::net::UnixStream;
    use std::sync::mpsc::Receiver;
    use std::time::Duration;

    use rustix::event::{PollFd, PollFlags, Timespec, poll};

    use super::super::sources::News;
    use super::{Nothing, Tell, Woke};

    /// The pipes the loop waits on beside the terminal: one for the messages sent, one for
    /// resizes.
    pub struct Waker {
        read: UnixStream,
        write: UnixStream,
        resized: UnixStream,
        resize: UnixStream,
    }

    /// Two ends of a pipe that never blocks.
    fn pipe() -> (UnixStream, UnixStream) {
        let (read, write) = UnixStream::pair().expect("a wake-up pipe");
        let _ = read.set_nonblocking(true);
        let _ = write.set_nonblocking(true);
        (read, write)
    }

    impl Waker {
        pub fn new() -> Waker {
            let (read, write) = pipe();
            let (resized, resize) = pipe();
            Waker {
                read,
                write,
                resized,
                resize,
            }
        }

        /// Wakes the loop (a byte already waiting will do).
        pub fn wake(&self) {
            let _ = (&self.write).write(&[1]);
        }
    }

    /// Where the keys come from: standard input when it is the terminal, else `/dev/tty`
    /// (where crossterm reads them).
    pub enum Terminal {
        Stdin,
        Tty(std::fs::File),
    }

    /// The terminal, read on the loop's thread; a resize wakes the loop.
    pub fn listen(waker: &Waker, _tell: &Tell) -> Option<Terminal> {
        if let Ok(resize) = waker.resize.try_clone() {
            let _ = signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, resize);
        }
        match std::io::stdin().is_terminal() {
            true => Some(Terminal::Stdin),
            false => std::fs::File::open("/dev/tty").ok().map(Terminal::Tty),
        }
    }

    /// Empties a pipe whose bytes only woke the loop.
    fn drain(mut pipe: &UnixStream) {
        let mut bytes = [0u8; 64];
        while matches!(pipe.read(&mut bytes), Ok(n) if n > 0) {}
    }

    /// Waits until something is sent, the terminal has input, is resized or hangs up, or
    /// `left` runs out.
    pub fn wait(
        waker: &Waker,
        _rx: &Receiver<News>,
        terminal: Option<&Terminal>,
        left: Option<Duration>,
    ) -> Result<Woke, Nothing> {
        let timeout = left.map(|d| Timespec {
            tv_sec: d.as_secs().try_into().unwrap_or(i64::MAX),
            tv_nsec: d.subsec_nanos().into(),
        });
        let stdin = std::io::stdin();
        let tty = terminal.map(|t| match t {
            Terminal::Stdin => stdin.as_fd(),
            Terminal::Tty(file) => file.as_fd(),
        });
        let mut fds = [
            PollFd::new(&waker.read, PollFlags::IN),
            PollFd::new(&waker.resized, PollFlags::IN),
            PollFd::new(&waker.read, PollFlags::empty()),
        ];
        if let Some(tty) = &tty {
            fds[2] = PollFd::new(tty, PollFlags::IN);
        }
        let watched = if tty.is_some() { 3 } else { 2 };
        if poll(&mut fds[..watched], timeout.as_ref()).is_err() {
            return Ok(Woke::Look);
        }
        let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
        let (sent, resized) = (fds[0].revents(), fds[1].revents());
        let input = fds[2].revents();
        if !sent.is_empty() {
            drain(&waker.read);
        }
        if !resized.is_empty() {
            drain(&waker.resized);
        }
        Ok(match watched == 3 && input.intersects(gone) {
            true => Woke::HungUp,
            false => Woke::Look,
        })
    }
}

#[cfg(not(target_os = "linux"))]
mod elsewhere {
    use std::sync::mpsc::{Receiver, RecvTimeoutError};
    use std::time::Duration;

    use super::super::sources::News;
    use super::{Nothing, Tell, Woke};

    /// Nothing to wake: the loop waits on the channel.
    pub struct Waker;

    impl Waker {
        pub fn new() -> Waker {
            Waker
        }

        pub fn wake(&self) {}
    }

    /// Never read on the loop's thread here.
    pub enum Terminal {}

    /// A thread reads the terminal and sends its events through the channel.
    pub fn listen(_waker: &Waker, tell: &Tell) -> Option<Terminal> {
        let tell = tell.clone();
        std::thread::spawn(move || {
            loop {
                match crossterm::event::read() {
                    Ok(event) => {
                        if tell.send(News::Input(event)).is_err() {
                            break;
                        }
                    }
                    Err(_) => {
                        let _ = tell.send(News::InputClosed);
                        break;
                    }
                }
            }
        });
        None
    }

    /// Waits on the channel until something is sent or `left` runs out.
    pub fn wait(
        _waker: &Waker,
        rx: &Receiver<News>,
        _terminal: Option<&Terminal>,
        left: Option<Duration>,
    ) -> Result<Woke, Nothing> {
        match left {
            Some(left) => match rx.recv_timeout(left) {
                Ok(news) => Ok(Woke::With(news)),
                Err(RecvTimeoutError::Timeout) => Ok(Woke::Look),
                Err(RecvTimeoutError::Disconnected) => Err(Nothing::Ever),
            },
            None => rx.recv().map(Woke::With).map_err(|_| Nothing::Ever),
        }
    }
}
