//! How fast a library becomes readable, end to end: reading and decoding, parsing with page
//! repair, the outline, the country index and the jump candidates, in MB/s. One large file,
//! and a folder of many files read on every core as the reader does. The corpus is
//! `BRIEF_CORPUS_FILE` and `BRIEF_CORPUS_DIR` (made by scripts/make_corpus.py) or, by default,
//! 10 MB written to a temporary folder from the bundled briefing. Freeing what was built is
//! not timed: a reader never waits for it.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use brief::doc::Document;
use brief::doc::library::read_in_background;
use brief::doc::open::{OpenOptions, list, open_paths};
use brief::index::countries::Countries;
use brief::index::gazetteer::Gazetteer;
use brief::index::jump::JumpIndex;
use brief::index::outline::Outline;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod common;
use common::large_briefing;

// The allocator the `brief` binary uses.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// What the reader holds once a library is loaded: handed back so that freeing it is not
/// timed (a reader never waits for that).
type Loaded = (Vec<Document>, Outline, Countries, JumpIndex);

/// Everything the reader builds from one large document.
fn index(docs: Vec<Document>) -> Loaded {
    let gazetteer = Gazetteer::bundled();
    let outline = Outline::build(&docs);
    let countries = Countries::build(&docs, gazetteer);
    let jump = JumpIndex::build(&docs, &countries, gazetteer);
    (docs, outline, countries, jump)
}

/// Reads and indexes a folder the way the reader does: each document is read and its
/// countries found on every core, in order; then the outline and the jump candidates.
fn read_folder(dir: &Path) -> Loaded {
    let gazetteer = Gazetteer::bundled();
    let files = list(&[dir.to_path_buf()]).files;
    let (tx, rx) = mpsc::channel();
    read_in_background(
        files,
        OpenOptions::default(),
        |doc| Countries::of_document(doc, Gazetteer::bundled()),
        move |batch| {
            let _ = tx.send(batch);
        },
    );
    let mut docs: Vec<Document> = Vec::new();
    let mut countries = Countries::default();
    for batch in rx {
        let finished = batch.done == batch.total;
        for (doc, found) in batch.documents.into_iter().zip(batch.prepared) {
            countries.append(docs.len(), found);
            docs.push(doc);
        }
        if finished {
            break;
        }
    }
    let outline = Outline::build(&docs);
    let jump = JumpIndex::build(&docs, &countries, gazetteer);
    (docs, outline, countries, jump)
}

fn size(path: &Path) -> u64 {
    if path.is_dir() {
        walkdir::WalkDir::new(path)
            .into_iter()
            .filter_map(Result::ok)
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum()
    } else {
        std::fs::metadata(path).map_or(0, |m| m.len())
    }
}

fn load(c: &mut Criterion) {
    let scratch = tempfile::tempdir().unwrap();
    let file = std::env::var_os("BRIEF_CORPUS_FILE").map_or_else(
        || {
            let path = scratch.path().join("briefing.md");
            std::fs::write(&path, large_briefing(10 * 1024 * 1024)).unwrap();
            path
        },
        PathBuf::from,
    );
    let dir = std::env::var_os("BRIEF_CORPUS_DIR").map_or_else(
        || {
            let dir = scratch.path().join("library");
            std::fs::create_dir(&dir).unwrap();
            let one = large_briefing(100 * 1024);
            for i in 0..100 {
                std::fs::write(dir.join(format!("{i:04}.md")), &one).unwrap();
            }
            dir
        },
        PathBuf::from,
    );
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(size(&file)));
    group.bench_function("one file: read, parse, outline, countries, jump", |b| {
        b.iter_with_large_drop(|| {
            let docs = open_paths(std::slice::from_ref(&file), OpenOptions::default()).documents;
            index(black_box(docs))
        })
    });
    group.throughput(Throughput::Bytes(size(&dir)));
    group.bench_function(
        "folder: read and find countries on every core, then index",
        |b| b.iter_with_large_drop(|| read_folder(black_box(&dir))),
    );
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
