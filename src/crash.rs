//! What happens when brief panics: the terminal is given back, the note being written is
//! saved to the recovery file, and a short crash report is written to the data directory.
//! The report says where brief failed (version, place, backtrace), never what it was
//! reading or writing: panic messages can quote a document, so they are left out.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::store::{Note, recovery};

/// The environment variable that makes F12 panic, so crash handling can be tried.
pub const CRASH_TEST: &str = "BRIEF_CRASH_TEST";

/// What the panic hook needs to know as brief runs.
#[derive(Default)]
struct State {
    /// Whether the terminal is in raw mode on the alternate screen.
    terminal: bool,
    /// The note being written, as of the last key.
    editing: Option<Note>,
}

/// The handle the event loop keeps the panic hook informed through.
#[derive(Clone)]
pub struct Rescue {
    state: Arc<Mutex<State>>,
}

impl Rescue {
    /// Says whether the terminal needs restoring after a panic.
    pub fn terminal_in_use(&self, in_use: bool) {
        if let Ok(mut state) = self.state.lock() {
            state.terminal = in_use;
        }
    }

    /// Keeps the note being written (or none) for the panic hook.
    pub fn editing(&self, note: Option<Note>) {
        if let Ok(mut state) = self.state.lock() {
            state.editing = note;
        }
    }
}

thread_local! {
    /// Whether this thread is running code whose panic is caught and turned into an error.
    static CONTAINED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic in it into `None` without the crash handling a panic
/// otherwise gets (the terminal stays as it is, no report is written): for readers of
/// file formats from crates that may panic on a damaged file.
pub fn contained<R>(f: impl FnOnce() -> R) -> Option<R> {
    let before = CONTAINED.with(|c| c.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    CONTAINED.with(|c| c.set(before));
    result.ok()
}

/// Installs the panic hook; `data_dir` is where the report and a rescued note go.
pub fn install(data_dir: Option<PathBuf>) -> Rescue {
    let rescue = Rescue {
        state: Arc::default(),
    };
    let state = Arc::clone(&rescue.state);
    std::panic::set_hook(Box::new(move |info| {
        if CONTAINED.with(std::cell::Cell::get) {
            return;
        }
        // The panic may have come while the state was locked: never wait for it.
        let (terminal, editing) = match state.try_lock() {
            Ok(mut s) => (s.terminal, s.editing.take()),
            Err(_) => (true, None),
        };
        if terminal {
            crate::wire::restore();
        }
        let place = info
            .location()
            .map_or_else(|| "an unknown place".to_string(), ToString::to_string);
        let mut lines = vec![format!("brief stopped on an internal error at {place}.")];
        if let Some(note) = editing {
            lines.push(match recovery::save(data_dir.as_deref(), &note) {
                Ok(path) => format!("The note you were writing is kept in {}", path.display()),
                Err(e) => format!("The note you were writing could not be saved: {e}"),
            });
        }
        match write_report(data_dir.as_deref(), &place) {
            Ok(path) => lines.push(format!(
                "A crash report (no document or note text) is in {}; please send it to the maintainers.",
                path.display()
            )),
            Err(e) => lines.push(format!("The crash report could not be written: {e}")),
        }
        let mut err = std::io::stderr().lock();
        for line in lines {
            let _ = writeln!(err, "{line}");
        }
    }));
    rescue
}

/// Writes the crash report, readable by its owner only; returns its path.
fn write_report(dir: Option<&Path>, place: &str) -> std::io::Result<PathBuf> {
    let dir = dir.map_or_else(std::env::temp_dir, Path::to_path_buf);
    crate::store::create_private_dir(&dir)?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let path = dir.join(format!("crash-{stamp}-{}.txt", std::process::id()));
    crate::effects::write_private(&path, &report(place), crate::store::PRIVATE_FILE)?;
    Ok(path)
}

/// The report's text: where brief failed, on what, and how it got there.
fn report(place: &str) -> String {
    let thread = std::thread::current();
    format!(
        "brief {} crash report\n\nwhen: {}\nsystem: {} {}\nthread: {}\nat: {place}\n\n\
         backtrace:\n{}\n",
        env!("CARGO_PKG_VERSION"),
        chrono::Local::now().format("%Y-%m-%d %H:%M:%S %:z"),
        std::env::consts::OS,
        std::env::consts::ARCH,
        thread.name().unwrap_or("unnamed"),
        std::backtrace::Backtrace::force_capture(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_names_the_place_and_version_and_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_report(Some(dir.path()), "src/app/mod.rs:1:1").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(env!("CARGO_PKG_VERSION")), "{text}");
        assert!(text.contains("at: src/app/mod.rs:1:1"), "{text}");
        assert!(text.contains("backtrace:"), "{text}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }
}
