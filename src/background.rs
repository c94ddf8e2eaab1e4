//! Work in the background: threads that give way to the one drawing the screen. On two cores,
//! reading the rest of a long briefing or finding its places would otherwise take the CPU the
//! terminal needs to show a frame, or a key needs to scroll.

use std::thread::{self, JoinHandle};

/// How much lower than the screen's a background thread's priority is (a nice value: at 10,
/// a busy thread gets a tenth of a core the screen wants).
const NICENESS: i32 = 10;

/// Runs `work` on a new thread of lower priority; threads it starts inherit the priority.
pub fn spawn<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> JoinHandle<T> {
    thread::spawn(move || {
        give_way();
        work()
    })
}

/// Lowers the calling thread's priority (on Linux a nice value is a thread's own; elsewhere
/// the priority is left as it is, since it would be the whole process's).
fn give_way() {
    #[cfg(target_os = "linux")]
    {
        let me = rustix::thread::gettid();
        let now = rustix::process::getpriority_process(Some(me)).unwrap_or(0);
        let _ = rustix::process::setpriority_process(Some(me), now.max(NICENESS));
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_os = "linux")]
    #[test]
    fn a_background_thread_runs_at_a_lower_priority_than_its_parent() {
        let parent = rustix::process::getpriority_process(None).unwrap();
        let child = super::spawn(|| {
            let me = rustix::thread::gettid();
            rustix::process::getpriority_process(Some(me)).unwrap()
        })
        .join()
        .unwrap();
        assert!(
            child > parent || parent >= super::NICENESS,
            "{child} vs {parent}"
        );
        assert_eq!(rustix::process::getpriority_process(None).unwrap(), parent);
    }
}
