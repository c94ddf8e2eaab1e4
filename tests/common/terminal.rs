//! `brief` in a pseudo-terminal, its screen read with a terminal emulator, for the tests
//! that drive the real binary.

use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long to wait for the screen to show something before failing.
pub const PATIENCE: Duration = Duration::from_secs(15);

/// `brief` running in a pseudo-terminal, and the screen it drew as a terminal shows it.
pub struct Session {
    pub child: Box<dyn Child + Send + Sync>,
    pub master: Box<dyn MasterPty + Send>,
    pub writer: Box<dyn Write + Send>,
    pub output: Receiver<Vec<u8>>,
    pub parser: vt100::Parser,
    pub raw: Vec<u8>,
    /// Set to make the thread reading the terminal let go of it (see [`Session::hang_up`]).
    hanging_up: Arc<AtomicBool>,
    _config: tempfile::TempDir,
}

impl Session {
    pub fn start(args: &[&str], size: (u16, u16), env: &[(&str, &str)]) -> Session {
        Session::start_program(env!("CARGO_BIN_EXE_brief"), args, size, env)
    }

    /// Starts `program` (a shell that starts brief) instead of brief itself.
    pub fn start_program(
        program: &str,
        args: &[&str],
        size: (u16, u16),
        env: &[(&str, &str)],
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: size.1,
                cols: size.0,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let config = tempfile::tempdir().unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", config.path());
        // Bookmarks and notes never go to the user's own data directory.
        cmd.env("BRIEF_DATA_DIR", config.path().join("data"));
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, rx) = channel();
        let hanging_up = Arc::new(AtomicBool::new(false));
        let let_go = Arc::clone(&hanging_up);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || let_go.load(Ordering::SeqCst) || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            master: pair.master,
            writer,
            output: rx,
            parser: vt100::Parser::new(size.1, size.0, 0),
            raw: Vec::new(),
            hanging_up,
            _config: config,
        }
    }

    pub fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the session satisfies `ok`, failing with the screen after a long while.
    pub fn wait_for(&mut self, what: &str, ok: impl Fn(&Session) -> bool) {
        let start = Instant::now();
        while !ok(self) {
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {what}; screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    /// The reader's top row (right of the outline).
    pub fn reader_top(&self) -> String {
        self.row(0).split('│').nth(1).unwrap_or("").to_string()
    }

    /// The status line.
    pub fn status(&self) -> String {
        self.row(self.parser.screen().size().0 - 1)
    }

    /// Reads what brief writes until it has been quiet for a while.
    pub fn settle(&mut self) {
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(300)) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the process to end and reads everything it wrote.
    pub fn wait_exit(&mut self) {
        let start = Instant::now();
        loop {
            if self.child.try_wait().unwrap().is_some() {
                break;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "brief did not exit; screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    pub fn row(&self, row: u16) -> String {
        let (_, cols) = self.parser.screen().size();
        self.parser.screen().contents_between(row, 0, row, cols)
    }

    pub fn assert_terminal_restored(&self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "cursor still hidden");
        // A scroll region set for the reader is given back: the whole screen scrolls again.
        let raw = String::from_utf8_lossy(&self.raw);
        let last_region = raw.match_indices('r').rfind(|(i, _)| {
            let head = &raw[..*i];
            let digits = head.trim_end_matches(|c: char| c.is_ascii_digit() || c == ';');
            digits.ends_with("\x1b[") && head.len() > digits.len()
        });
        if let Some((set, _)) = last_region {
            let reset = raw.rfind("\x1b[r");
            assert!(
                reset.is_some_and(|r| r > set),
                "the scroll region was left set"
            );
        }
    }

    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().unwrap().to_string();
        let status = std::process::Command::new("kill")
            .args(["-s", name, &pid])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Closes the terminal as a dropped connection or a closed window does (no signal
    /// sent, nothing drawn after), and waits for the program started to end; its data
    /// directory goes with the session unless `BRIEF_DATA_DIR` was given.
    pub fn hang_up(self) -> portable_pty::ExitStatus {
        let Session {
            mut child,
            master,
            writer,
            output,
            hanging_up,
            ..
        } = self;
        hanging_up.store(true, Ordering::SeqCst);
        // A new size makes brief draw, which wakes the reading thread to let go of its end
        // of the terminal; the terminal closes once it has.
        let size = master.get_size().unwrap();
        master
            .resize(PtySize {
                cols: size.cols - 1,
                ..size
            })
            .unwrap();
        let start = Instant::now();
        while output.recv_timeout(Duration::from_millis(50)) != Err(RecvTimeoutError::Disconnected)
        {
            assert!(
                start.elapsed() < PATIENCE,
                "the reading thread kept reading"
            );
        }
        drop(writer);
        drop(master);
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                return status;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "brief did not end when its terminal hung up"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
