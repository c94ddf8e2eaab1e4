//! The jump worker: a thread that builds the jump candidates in the background (the first
//! frame never waits for them) and answers palette queries off the UI thread. A newer query
//! abandons the one being worked on; a query that only adds letters searches the previous
//! matches instead of everything. Each query is answered twice: at once with the places
//! where it appears unbroken, which rank first, then completely.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;

use super::jump::{Found, JumpIndex, Query};
use crate::doc::Document;

/// What the worker reports.
#[derive(Debug)]
pub enum WorkerReport {
    /// The candidates are built.
    Ready(Arc<JumpIndex>),
    /// The answer to a query.
    Found(u64, Found),
}

/// A handle to the worker thread.
pub struct JumpWorker {
    requests: mpsc::Sender<(u64, String)>,
    latest: Arc<AtomicU64>,
}

impl JumpWorker {
    /// Starts the worker; `report` is called on the worker thread for every report.
    pub fn start(
        docs: Arc<Vec<Document>>,
        places: JumpIndex,
        report: impl Fn(WorkerReport) + Send + 'static,
    ) -> JumpWorker {
        let (requests, incoming) = mpsc::channel::<(u64, String)>();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = Arc::clone(&latest);
        crate::background::spawn(move || {
            let began = std::time::Instant::now();
            let index = Arc::new(JumpIndex::with_places(&docs, places));
            crate::trace::background("jump index", began);
            // The reader keeps its own; holding them would make it copy them on a reload.
            drop(docs);
            report(WorkerReport::Ready(Arc::clone(&index)));
            let mut previous: Option<(Query, Vec<u32>)> = None;
            while let Ok(mut request) = incoming.recv() {
                // Only the newest query matters.
                while let Ok(newer) = incoming.try_recv() {
                    request = newer;
                }
                let (generation, input) = request;
                let query = Query::parse(&input);
                let within = previous
                    .as_ref()
                    .filter(|(earlier, _)| query.narrows(earlier))
                    .map(|(_, ids)| ids.as_slice());
                let cancelled = || newest.load(Ordering::Relaxed) != generation;
                // The unbroken runs first, which are quick and rank above everything else,
                // then the complete answer.
                let Some(runs) = index.search_runs(&query, within, &cancelled) else {
                    continue;
                };
                let found = if runs.complete {
                    runs
                } else {
                    report(WorkerReport::Found(generation, runs.clone()));
                    match index.search_rest(&query, within, &runs, &cancelled) {
                        Some(found) => found,
                        None => continue,
                    }
                };
                previous = Some((query, found.all.clone()));
                report(WorkerReport::Found(generation, found));
            }
        });
        JumpWorker { requests, latest }
    }

    /// Asks for the matches of `query`; earlier requests still running are abandoned.
    pub fn find(&self, generation: u64, query: String) {
        self.latest.store(generation, Ordering::Relaxed);
        let _ = self.requests.send((generation, query));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::open::{OpenOptions, bundled};
    use crate::index::countries::Countries;
    use crate::index::gazetteer::Gazetteer;
    use std::time::Duration;

    #[test]
    fn builds_then_answers_the_newest_query() {
        let docs = Arc::new(vec![bundled(OpenOptions::default())]);
        let countries = Countries::build(&docs, Gazetteer::bundled());
        let places = JumpIndex::of_places(&docs, &countries, Gazetteer::bundled());
        let (tx, rx) = mpsc::channel();
        let worker = JumpWorker::start(docs, places, move |r| {
            let _ = tx.send(r);
        });
        let index = match rx.recv_timeout(Duration::from_secs(30)).unwrap() {
            WorkerReport::Ready(index) => index,
            other => panic!("expected the index first, got {other:?}"),
        };
        worker.find(1, "zj".into());
        worker.find(2, "zjwtl".into());
        loop {
            match rx.recv_timeout(Duration::from_secs(30)).unwrap() {
                WorkerReport::Found(2, found) => {
                    let best = index.shown(&found.matches[0]);
                    assert!(best.text.contains("中吉乌铁路"));
                    if found.complete {
                        break;
                    }
                }
                WorkerReport::Found(1, _) => continue,
                other => panic!("unexpected {other:?}"),
            }
        }
    }
}
