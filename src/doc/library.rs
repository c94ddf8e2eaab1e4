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
    /// How many files have been read (or failed) so far, handed over or waiting behind one
    /// still being read; `total` only in the last batch.
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
    let threads = super::on_every_core::cores();
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
        // Documents handed over (in order), and how many were read when last said.
        let (mut delivered, mut told) = (0, 0);
        let mut batch = Batch::empty(total);
        let mut last_sent = Instant::now();
        while delivered < total {
            let Ok(mut guard) = slots.lock() else {
                return;
            };
            if !guard.contains_key(&delivered) {
                guard = match arrived.wait_timeout(guard, BATCH_EVERY) {
                    Ok((g, _)) => g,
                    Err(_) => return,
                };
            }
            while let Some(result) = guard.remove(&delivered) {
                match result {
                    Ok((doc, prepared)) => {
                        batch.documents.push(doc);
                        batch.prepared.push(prepared);
                    }
                    Err(e) => batch.errors.push(e),
                }
                delivered += 1;
            }
            // Files read behind a long one still being read count as read.
            let read = delivered + guard.len();
            drop(guard);
            let finished = delivered == total;
            let news = !batch.documents.is_empty() || !batch.errors.is_empty() || read > told;
            if finished || (news && last_sent.elapsed() >= BATCH_EVERY) {
                batch.done = if finished { total } else { read.min(total - 1) };
                told = batch.done;
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

    #[test]
    fn files_read_behind_a_long_one_count_as_read_before_it_arrives() {
        if std::thread::available_parallelism().map_or(1, |n| n.get()) < 2 {
            return; // One thread reads the files one after another.
        }
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<_> = (0..10)
            .map(|i| {
                let path = dir.path().join(format!("{i:03}.md"));
                std::fs::write(&path, format!("# Briefing {i}\n")).unwrap();
                (path, format!("{i:03}.md"))
            })
            .collect();
        // The first file takes until it is let go.
        let (let_go, held) = mpsc::channel::<()>();
        let held = Mutex::new(held);
        let (tx, rx) = mpsc::channel();
        read_in_background(
            files,
            OpenOptions::default(),
            move |doc| {
                if doc.name == "000.md" {
                    let _ = held.lock().unwrap().recv_timeout(Duration::from_secs(30));
                }
            },
            move |batch| {
                let _ = tx.send(batch);
            },
        );
        let batch = loop {
            let batch = rx.recv_timeout(Duration::from_secs(30)).unwrap();
            assert!(
                batch.documents.is_empty(),
                "nothing is handed over before the first"
            );
            if batch.done == 9 {
                break batch;
            }
        };
        assert_eq!(batch.total, 10);
        let_go.send(()).unwrap();
        let mut names = Vec::new();
        loop {
            let batch = rx.recv_timeout(Duration::from_secs(30)).unwrap();
            names.extend(batch.documents.iter().map(|d| d.name.clone()));
            if batch.done == batch.total {
                break;
            }
        }
        assert_eq!(names.len(), 10);
        assert_eq!(names[0], "000.md");
    }
}
