//! How fast the jump palette answers: building the candidates, and one keystroke's search
//! for a Latin, a pinyin and a Chinese query: the first answer (unbroken runs, shown at once)
//! and the complete one, from scratch and narrowed from the previous keystroke. The corpus is `BRIEF_CORPUS` (a file made by scripts/make_corpus.py) or, by
//! default, 10 MB built in memory from the bundled briefing.

use std::hint::black_box;

use brief::doc::Document;
use brief::doc::open::{OpenOptions, open_paths};
use brief::index::jump::{JumpIndex, Query};
use criterion::{Criterion, criterion_group, criterion_main};

mod common;
use common::large_document;

fn corpus() -> Vec<Document> {
    if let Some(path) = std::env::var_os("BRIEF_CORPUS") {
        return open_paths(&[path.into()], OpenOptions::default()).documents;
    }
    vec![large_document(10 * 1024 * 1024)]
}

fn jump(c: &mut Criterion) {
    let docs = corpus();
    let mut group = c.benchmark_group("jump");
    group.sample_size(10);
    group.bench_function("build candidates", |b| {
        b.iter(|| JumpIndex::of_text(black_box(&docs)))
    });
    let index = JumpIndex::of_text(&docs);
    for (name, query, previous) in [
        ("latin", "2024", "202"),
        ("pinyin", "zjwtl", "zjwt"),
        ("full pinyin", "jierjisi", "jierjis"),
        ("chinese", "双方", "双"),
        ("two terms", "zjw tielu", "zjw tiel"),
    ] {
        group.bench_function(format!("keystroke {name} first answer"), |b| {
            b.iter(|| index.search_runs(&Query::parse(black_box(query)), None, &|| false))
        });
        group.bench_function(format!("keystroke {name} complete"), |b| {
            b.iter(|| index.search(&Query::parse(black_box(query)), None, &|| false))
        });
        let earlier = index
            .search(&Query::parse(previous), None, &|| false)
            .unwrap_or_default();
        group.bench_function(format!("keystroke {name} first answer narrowed"), |b| {
            b.iter(|| {
                index.search_runs(&Query::parse(black_box(query)), Some(&earlier.all), &|| {
                    false
                })
            })
        });
        group.bench_function(format!("keystroke {name} complete narrowed"), |b| {
            b.iter(|| {
                index.search(&Query::parse(black_box(query)), Some(&earlier.all), &|| {
                    false
                })
            })
        });
    }
    group.finish();
}

criterion_group!(benches, jump);
criterion_main!(benches);
