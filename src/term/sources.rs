//! Where the event loop's news comes from, each on a thread of its own and all into one
//! channel: signals, the file watcher, the jump worker and the reading of a library in the
//! background. The terminal's keys and resizes the loop reads itself ([`super::inbox`]).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread;

use crossterm::event::Event;
use signal_hook::iterator::Signals;

use crate::app::layout::Layout;
use crate::app::{App, Arrival};
use crate::doc::Document;
use crate::doc::library::{Batch, read_in_background};
use crate::doc::open::OpenOptions;
use crate::effects::LastReadCheck;
use crate::effects::SinceRead;
use crate::index::countries::Countries;
use crate::index::gazetteer::Gazetteer;
use crate::index::jump::JumpIndex;
use crate::index::jump_worker::{JumpWorker, WorkerReport};
use crate::reload;

use super::inbox::{Inbox, Tell, inbox};

/// What reaches the event loop.
pub(super) enum News {
    /// A terminal event (key, resize).
    Input(Event),
    /// The terminal can no longer be read.
    InputClosed,
    /// A signal asking brief to stop.
    Stop,
    /// News from a jump worker (the number of the worker: older ones are not listened to).
    Worker(u64, WorkerReport),
    /// Open briefings changed on disk.
    Changed(Vec<PathBuf>),
    /// The places the documents the app started with name.
    Places(Countries),
    /// More documents of a library read in the background, each with its key and places.
    Loaded(Batch<(String, Countries)>),
    /// The whole of open document `i` (of `path`), of which only the first pages or part
    /// were read, laid out when it was the one shown.
    Completed(usize, PathBuf, Box<Document>, Option<Box<Layout>>),
    /// Two editions compared: their redline, and what to tell first.
    Compared(Box<crate::app::redline::Redline>, Vec<String>),
    /// Open document `doc` of these documents laid out again, at the reader's new width.
    LaidOut(Arc<Vec<Document>>, usize, Box<Layout>),
    /// An open document (its key, its place) changed since the edition last read of it: the
    /// message that says so.
    LastRead(String, usize, Box<crate::app::Message>),
    /// An open document (its key, its place, its blocks then) found word for word as the
    /// edition last read.
    SameAsRead(String, usize, std::sync::Weak<Vec<crate::doc::Block>>),
}

/// The channel the sources send into, and the workers that send.
pub(super) struct Sources {
    tx: Tell,
    /// A reload starts a new jump worker; what an older one still says is about old
    /// editions.
    serial: u64,
    /// The jump worker of the current editions, once started.
    worker: Option<JumpWorker>,
    /// The watcher of the open files (kept alive while it is needed).
    _watcher: Option<reload::Watcher>,
    /// The layout asked for last, waiting for the thread that lays documents out (which
    /// runs while this is filled): a window dragged wider asks for many, and only the last
    /// is wanted.
    to_lay_out: Arc<Mutex<Option<LayoutWanted>>>,
}

/// A document to lay out at a width.
struct LayoutWanted {
    docs: Arc<Vec<Document>>,
    doc: usize,
    width: u16,
}

impl Sources {
    /// A channel with nothing sending yet, and its receiving end.
    pub(super) fn new() -> (Sources, Inbox) {
        let (tx, rx) = inbox();
        let sources = Sources {
            tx,
            serial: 0,
            worker: None,
            _watcher: None,
            to_lay_out: Arc::default(),
        };
        (sources, rx)
    }

    /// Signals that ask brief to stop become [`News::Stop`].
    pub(super) fn listen_to_signals(&self, mut signals: Signals) {
        let tx = self.tx.clone();
        thread::spawn(move || {
            if signals.forever().next().is_some() {
                let _ = tx.send(News::Stop);
            }
        });
    }

    /// The sending end, for the terminal's events where a thread reads them.
    pub(super) fn tell(&self) -> &Tell {
        &self.tx
    }

    /// Watches the open files: changes become [`News::Changed`].
    pub(super) fn watch(&mut self, app: &App) {
        let tx = self.tx.clone();
        let files: Vec<PathBuf> = app.docs.iter().filter_map(|d| d.path.clone()).collect();
        self._watcher = reload::watch(&files, move |paths| {
            let _ = tx.send(News::Changed(paths));
        });
    }

    /// Reads a library's other files in the background: they arrive as [`News::Loaded`].
    pub(super) fn read_library(&self, files: Vec<(PathBuf, String)>, options: OpenOptions) {
        let tx = self.tx.clone();
        read_in_background(files, options, crate::effects::prepare, move |batch| {
            let _ = tx.send(News::Loaded(batch));
        });
    }

    /// Reads in the background the whole of each open document of which only the first
    /// pages or part were read (a long PDF, a long text), once the first frame is on screen.
    /// The one shown is laid out there too, so that it takes the part's place at once.
    pub(super) fn read_rest(&self, app: &App, options: OpenOptions) {
        for (i, doc) in app.docs.iter().enumerate() {
            let (Some(path), true) = (doc.path.clone(), doc.is_partial()) else {
                continue;
            };
            let (tx, name) = (self.tx.clone(), doc.name.clone());
            let width = (app.doc == i).then(|| app.reader_size().0);
            crate::background::spawn(move || {
                let began = std::time::Instant::now();
                if let Ok(whole) = crate::doc::open::open_file(&path, name, options) {
                    let layout = width.map(|w| Box::new(Layout::new(&whole, w)));
                    crate::trace::background("the whole read and laid out", began);
                    let _ = tx.send(News::Completed(i, path, Box::new(whole), layout));
                }
            });
        }
    }

    /// Finds in the background the places the documents the app started with name; they
    /// arrive as [`News::Places`].
    pub(super) fn find_places(&self, app: &App) {
        let (tx, docs) = (self.tx.clone(), Arc::clone(&app.docs));
        crate::background::spawn(move || {
            let began = std::time::Instant::now();
            let found = Countries::build(&docs, Gazetteer::bundled());
            // Held any longer, the documents would be copied when a library adds to them.
            drop(docs);
            crate::trace::background("countries", began);
            let _ = tx.send(News::Places(found));
        });
    }

    /// Compares two editions in the background; the redline is news when it is ready.
    pub(super) fn compare(&self, editions: crate::app::redline::ToCompare) {
        let tx = self.tx.clone();
        crate::background::spawn(move || {
            let (redline, cautions) = editions.compared();
            let _ = tx.send(News::Compared(Box::new(redline), cautions));
        });
    }

    /// Lays open document `doc` out at `width` in the background; a layout asked for
    /// before and not yet begun is dropped.
    pub(super) fn lay_out(&self, docs: Arc<Vec<Document>>, doc: usize, width: u16) {
        let Ok(mut slot) = self.to_lay_out.lock() else {
            return;
        };
        let running = slot.is_some();
        *slot = Some(LayoutWanted { docs, doc, width });
        drop(slot);
        if running {
            return;
        }
        let (tx, wanted) = (self.tx.clone(), Arc::clone(&self.to_lay_out));
        crate::background::spawn(move || {
            loop {
                let Some(next) = wanted
                    .lock()
                    .ok()
                    .and_then(|slot| slot.as_ref().map(|w| (Arc::clone(&w.docs), w.doc, w.width)))
                else {
                    return;
                };
                let (docs, doc, width) = next;
                let layout = docs.get(doc).map(|d| Layout::new(d, width));
                let Ok(mut slot) = wanted.lock() else {
                    return;
                };
                let newest = slot.as_ref().is_some_and(|w| {
                    Arc::ptr_eq(&w.docs, &docs) && (w.doc, w.width) == (doc, width)
                });
                if newest {
                    // Emptied, so the next layout asked for starts a thread again.
                    *slot = None;
                    drop(slot);
                    if let Some(layout) = layout {
                        let _ = tx.send(News::LaidOut(docs, doc, Box::new(layout)));
                    }
                    return;
                }
            }
        });
    }

    /// Compares an open document with the edition last read of it, in the background.
    pub(super) fn check_last_read(&self, check: LastReadCheck, docs: Arc<Vec<Document>>) {
        let tx = self.tx.clone();
        crate::background::spawn(move || {
            let began = std::time::Instant::now();
            let found = check.run(&docs);
            crate::trace::background("compared with the edition last read", began);
            match found {
                SinceRead::Changed(Some(message)) => {
                    let _ = tx.send(News::LastRead(check.key, check.doc, Box::new(message)));
                }
                SinceRead::Same => {
                    let blocks = Arc::downgrade(&docs[check.doc].blocks);
                    let _ = tx.send(News::SameAsRead(check.key, check.doc, blocks));
                }
                SinceRead::Changed(None) | SinceRead::NoEdition => {}
            }
        });
    }

    /// Starts a jump worker on the app's documents; one started before is no longer
    /// listened to.
    pub(super) fn start_worker(&mut self, app: &App) {
        self.serial += 1;
        let serial = self.serial;
        let tx = self.tx.clone();
        self.worker = Some(JumpWorker::start(
            Arc::clone(&app.docs),
            JumpIndex::of_places(&app.docs, &app.countries, Gazetteer::bundled()),
            move |report| {
                let _ = tx.send(News::Worker(serial, report));
            },
        ));
    }

    /// Forgets the jump worker: the documents changed, and a new one starts when they are
    /// all read.
    pub(super) fn drop_worker(&mut self) {
        self.serial += 1;
        self.worker = None;
    }

    /// Whether news from worker `serial` is about the current editions.
    pub(super) fn is_current(&self, serial: u64) -> bool {
        serial == self.serial
    }

    /// Asks the jump worker for the matches of a palette query.
    pub(super) fn find(&self, generation: u64, query: String) {
        if let Some(worker) = &self.worker {
            worker.find(generation, query);
        }
    }
}

/// The documents of a batch, ready to join the app.
pub(super) fn arrivals(batch: Batch<(String, Countries)>) -> Vec<Arrival> {
    batch
        .documents
        .into_iter()
        .zip(batch.prepared)
        .map(|(doc, (key, countries))| Arrival {
            doc,
            key,
            countries,
        })
        .collect()
}
