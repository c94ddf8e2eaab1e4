//! The start-up trace: with `BRIEF_TRACE=FILE` set, each phase of start-up (and the background
//! work that follows the first frame) appends a line to FILE: milliseconds since `brief`
//! started, milliseconds the phase took, and its name. Without it, a phase costs one check
//! of a flag.

use std::io::Write;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

/// The environment variable naming the file the trace goes to.
pub const TRACE_VAR: &str = "BRIEF_TRACE";

/// The trace of this process: where it goes, and when the last phase ended.
struct Trace {
    started: Instant,
    /// The thread start-up runs on: phases on other threads are background work's.
    main: std::thread::ThreadId,
    file: Mutex<(std::fs::File, Instant)>,
}

fn trace() -> Option<&'static Trace> {
    static TRACE: OnceLock<Option<Trace>> = OnceLock::new();
    TRACE
        .get_or_init(|| {
            let path = std::env::var_os(TRACE_VAR).filter(|p| !p.is_empty())?;
            let file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .ok()?;
            let now = Instant::now();
            Some(Trace {
                started: now,
                main: std::thread::current().id(),
                file: Mutex::new((file, now)),
            })
        })
        .as_ref()
}

/// Starts the clock; called first thing in `main`.
pub fn start() {
    phase("main");
}

/// Notes that the phase `name` of start-up has just ended (on another thread than start-up's,
/// nothing is noted: background work is noted whole, by [`background`]).
pub fn phase(name: &str) {
    let Some(trace) = trace().filter(|t| t.main == std::thread::current().id()) else {
        return;
    };
    let now = Instant::now();
    let Ok(mut guard) = trace.file.lock() else {
        return;
    };
    let (file, last) = &mut *guard;
    let since = now.duration_since(trace.started).as_secs_f64() * 1000.0;
    let took = now.duration_since(*last).as_secs_f64() * 1000.0;
    let _ = writeln!(file, "{since:9.2} {took:9.2}  {name}");
    *last = now;
}

/// Notes that background work `name`, begun at `began`, has just ended (it overlaps other
/// phases, so the time it took is its own).
pub fn background(name: &str, began: Instant) {
    let Some(trace) = trace() else { return };
    let now = Instant::now();
    let Ok(mut guard) = trace.file.lock() else {
        return;
    };
    let since = now.duration_since(trace.started).as_secs_f64() * 1000.0;
    let took = now.duration_since(began).as_secs_f64() * 1000.0;
    let _ = writeln!(guard.0, "{since:9.2} {took:9.2}  (background) {name}");
}
