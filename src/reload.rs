//! Live reload: the folders of the open briefings are watched, and when a briefing changes on
//! disk (an updated edition arrives) its path is reported, once the writing has settled.
//! Only a change counts: the system also tells of files being opened and read (by brief
//! itself, reloading or exporting, or by anyone), and those are told apart by the file's size,
//! time of change and identity, which a read leaves alone.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

/// How long a file must be quiet before it is read again.
const SETTLE: Duration = Duration::from_millis(300);

/// Watches files while it lives.
pub struct Watcher {
    _debouncer: Debouncer<RecommendedWatcher>,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watcher")
    }
}

/// Starts watching `files`; `changed` hears the ones that changed (or went away). Folders are
/// watched rather than files, so a file replaced by an editor's save-and-rename is seen too.
/// `None` when the system cannot watch (the reader then simply does not reload).
pub fn watch(
    files: &[PathBuf],
    changed: impl Fn(Vec<PathBuf>) + Send + 'static,
) -> Option<Watcher> {
    let files: Vec<PathBuf> = files.iter().map(|f| canonical(f)).collect();
    // What each file was when last seen: a reported event counts only when that differs.
    let seen: Mutex<HashMap<PathBuf, Option<Edition>>> =
        Mutex::new(files.iter().map(|f| (f.clone(), Edition::of(f))).collect());
    let mut debouncer = new_debouncer(SETTLE, move |result: DebounceEventResult| {
        let Ok(events) = result else {
            return;
        };
        let Ok(mut seen) = seen.lock() else {
            return;
        };
        let mut hit: Vec<PathBuf> = events
            .into_iter()
            .map(|e| canonical(&e.path))
            .filter(|p| {
                seen.get_mut(p).is_some_and(|last| {
                    let now = Edition::of(p);
                    std::mem::replace(last, now) != now
                })
            })
            .collect();
        hit.sort();
        hit.dedup();
        if !hit.is_empty() {
            changed(hit);
        }
    })
    .ok()?;
    let mut folders: Vec<&Path> = files.iter().filter_map(|f| f.parent()).collect();
    folders.sort();
    folders.dedup();
    for folder in folders {
        debouncer
            .watcher()
            .watch(folder, RecursiveMode::NonRecursive)
            .ok()?;
    }
    Some(Watcher {
        _debouncer: debouncer,
    })
}

/// What tells one edition of a file from the next without reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Edition {
    len: u64,
    modified: Option<SystemTime>,
    /// When its inode last changed (seconds, nanoseconds), and which inode it is.
    changed: (i64, i64),
    id: u64,
}

impl Edition {
    /// The file's edition, or `None` when it is gone.
    fn of(path: &Path) -> Option<Edition> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        let (changed, id) = {
            use std::os::unix::fs::MetadataExt;
            ((meta.ctime(), meta.ctime_nsec()), meta.ino())
        };
        #[cfg(not(unix))]
        let (changed, id) = ((0, 0), 0);
        Some(Edition {
            len: meta.len(),
            modified: meta.modified().ok(),
            changed,
            id,
        })
    }
}

/// A path with its folder resolved, so it compares equal however it was named (the file
/// itself may be gone).
pub fn canonical(path: &Path) -> PathBuf {
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            std::fs::canonicalize(parent)
                .map(|p| p.join(name))
                .unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn a_rewritten_file_is_reported_once_it_settles() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("brief.md");
        let other = dir.path().join("other.md");
        std::fs::write(&file, "# One\n").unwrap();
        let (tx, rx) = mpsc::channel();
        let _watcher = watch(std::slice::from_ref(&file), move |paths| {
            let _ = tx.send(paths);
        })
        .expect("this system can watch files");
        std::thread::sleep(Duration::from_millis(100));
        std::fs::write(&other, "not watched").unwrap();
        std::fs::write(&file, "# Two\n").unwrap();
        let paths = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        assert_eq!(paths, vec![canonical(&file)]);
        // Replaced the way editors save: write elsewhere, rename over it.
        let tmp = dir.path().join(".brief.md.swp");
        std::fs::write(&tmp, "# Three\n").unwrap();
        std::fs::rename(&tmp, &file).unwrap();
        let paths = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        assert_eq!(paths, vec![canonical(&file)]);
        // Read, it is not changed: nothing is reported (brief reads a file as it reloads it;
        // reporting that would reload it for ever).
        std::fs::read(&file).unwrap();
        std::fs::read(&file).unwrap();
        assert!(rx.recv_timeout(SETTLE * 4).is_err(), "a read was reported");
        std::fs::remove_file(&file).unwrap();
        let paths = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        assert_eq!(paths, vec![canonical(&file)]);
    }
}
