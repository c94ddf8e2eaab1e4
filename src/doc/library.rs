//! Reading a library of briefings in the background, on every core: documents are parsed in
//! parallel and handed over in their listed order, a batch at a time, so the reader can show
//! the first one at once and fill the outline in as the rest arrive.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use super::Document;
use super::load::LoadError;
use super::open::{OpenOptions, open_file};

/// How often, at most, a batch is handed over while reading.
const BATCH_EVERY: Duration = Duration::from_millis(100);

/// Documents read so far, in their listed order, each with what was prepared from it.
#[derive(Debug)]
pub struct Batch<T> {
    /// The next documents, in order.
    pub documents: Vec<Document>,
    /// What `prepare` made of each of them, in the same order.
    pub prepared: Vec<T>,
    /// Files among them that could not be read.
    pub errors: Vec<LoadError>,
    /// How many files have been read (or failed) so far.
    pub done: usize,
    /// How many there are.
    pub total: usize,
}

impl<T> Batch<T> {
    fn empty(total: usize) -> Batch<T> {
        Batch {
            documents: Vec::new(),
            prepared: Vec::new(),
            errors: Vec::new(),
            done: 0,
            total,
        }
    }
}

/// Read documents waiting for their turn, by position, and a signal when one arrives.
type Slots<T> = (
    Mutex<BTreeMap<usize, Result<(Document, T), LoadError>>>,
    Condvar,
);

/// Reads `files` on every core, running `prepare` on each document there too (indexing it,
/// say); `deliver` gets batches in order, the last one with `done == total`. Returns at
/// once; the reading happens on its own threads.
pub fn read_in_background<T: Send + 'static>(
    files: Vec<(PathBuf, String)>,
    options: OpenOptions,
    prepare: impl Fn(&Document) -> T + Send + Sync + 'static,
    deliver: impl Fn(Batch<T>) + Send + 'static,
) {
    let prepare = Arc::new(prepare);
    let total = files.len();
    let files = Arc::new(files);
    let next = Arc::new(AtomicUsize::new(0));
    // Results by position, and a signal when one arrives.
    let results: Arc<Slots<T>> = Arc::new((Mutex::default(), Condvar::new()));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    for _ in 0..threads {
        let (files, next, results) = (Arc::clone(&files), Arc::clone(&next), Arc::clone(&results));
        let prepare = Arc::clone(&prepare);
        crate::background::spawn(move || {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((path, name)) = files.get(i) else {
                    break;
                };
                let result = open_file(path, name.clone(), options).map(|doc| {
                    let prepared = prepare(&doc);
                    (doc, prepared)
                });
                let (slots, arrived) = &*results;
                if let Ok(mut slots) = slots.lock() {
                    slots.insert(i, result);
                }
                arrived.notify_one();
            }
        });
    }
    crate::background::spawn(move || {
        let (slots, arrived) = &*results;
        let mut done = 0;
        let mut batch = Batch::empty(total);
        let mut last_sent = Instant::now();
        while done < total {
            let Ok(mut guard) = slots.lock() else {
                return;
            };
            while !guard.contains_key(&done) {
                guard = match arrived.wait_timeout(guard, BATCH_EVERY) {
                    Ok((g, _)) => g,
                    Err(_) => return,
                };
            }
            while let Some(result) = guard.remove(&done) {
                match result {
                    Ok((doc, prepared)) => {
                        batch.documents.push(doc);
                        batch.prepared.push(prepared);
                    }
                    Err(e) => batch.errors.push(e),
                }
                done += 1;
            }
            drop(guard);
            if done == total || last_sent.elapsed() >= BATCH_EVERY {
                batch.done = done;
                deliver(std::mem::replace(&mut batch, Batch::empty(total)));
                last_sent = Instant::now();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn documents_arrive_in_order_with_the_bad_ones_reported() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = Vec::new();
        for i in 0..60 {
            let path = dir.path().join(format!("{i:03}.md"));
            if i == 17 {
                std::fs::write(&path, [0u8, 1, 2]).unwrap();
            } else {
                std::fs::write(&path, format!("# Briefing {i}\n\nText {i}.\n")).unwrap();
            }
            files.push((path, format!("{i:03}.md")));
        }
        let (tx, rx) = mpsc::channel();
        read_in_background(
            files,
            OpenOptions::default(),
            |doc| doc.name.clone(),
            move |batch| {
                let _ = tx.send(batch);
            },
        );
        let mut names = Vec::new();
        let mut errors = Vec::new();
        loop {
            let batch = rx.recv_timeout(Duration::from_secs(30)).unwrap();
            assert_eq!(batch.total, 60);
            names.extend(batch.documents.iter().map(|d| d.name.clone()));
            assert_eq!(batch.prepared, names[names.len() - batch.documents.len()..]);
            errors.extend(batch.errors);
            if batch.done == batch.total {
                break;
            }
        }
        let expected: Vec<String> = (0..60)
            .filter(|&i| i != 17)
            .map(|i| format!("{i:03}.md"))
            .collect();
        assert_eq!(names, expected);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].to_string().contains("017.md"));
    }
}
