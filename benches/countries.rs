//! How long the entity index takes: compiling the gazetteer, and finding every country
//! mention, every person and every document cited in a 10 MB briefing built from the
//! bundled one (sections renamed so they differ).

use std::hint::black_box;

use brief::index::countries::Countries;
use brief::index::documents::cited;
use brief::index::gazetteer::Gazetteer;
use brief::index::people::People;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod common;

/// The briefing's size (it is built to at least this many bytes).
const SIZE: usize = 10 * 1024 * 1024;
use common::large_document;

fn countries(c: &mut Criterion) {
    c.bench_function("gazetteer compile", |b| {
        b.iter(|| {
            Gazetteer::from_toml(&[
                include_str!("../src/index/gazetteer/base.toml"),
                include_str!("../src/index/gazetteer/curated.toml"),
            ])
        })
    });

    let docs = vec![large_document(SIZE)];
    let gazetteer = Gazetteer::bundled();
    let mut group = c.benchmark_group("country index");
    group.throughput(Throughput::Bytes(SIZE as u64));
    group.sample_size(10);
    group.bench_function("10 MB briefing", |b| {
        b.iter(|| Countries::build(black_box(&docs), gazetteer))
    });
    group.finish();

    let mut group = c.benchmark_group("documents cited");
    group.throughput(Throughput::Bytes(SIZE as u64));
    group.sample_size(10);
    group.bench_function("10 MB briefing", |b| b.iter(|| cited(black_box(&docs))));
    group.finish();

    let mut group = c.benchmark_group("people");
    group.throughput(Throughput::Bytes(SIZE as u64));
    group.sample_size(10);
    group.bench_function("10 MB briefing", |b| {
        b.iter(|| People::build(black_box(&docs)))
    });
    group.finish();
}

criterion_group!(benches, countries);
criterion_main!(benches);
