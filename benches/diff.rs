//! How fast two editions are compared: a law of about 3 MB reissued with articles
//! reworded, deleted and inserted (the rest renumbered), as `tests/common/editions.rs`
//! writes it. The target: under a second.

use std::hint::black_box;

use brief::compare::compare;
use brief::doc::{Document, Format, ParseOptions};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "../tests/common/editions.rs"]
mod editions;

// The allocator the `brief` binary uses.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn parsed(text: &str) -> Document {
    Document::parse(
        "law".to_string(),
        None,
        "UTF-8",
        text,
        Format::Markdown,
        ParseOptions::default(),
    )
}

fn bench(c: &mut Criterion) {
    let (old, new) = editions::editions(3_000_000);
    let (a, b) = (parsed(&old), parsed(&new));
    let mut group = c.benchmark_group("diff");
    group.sample_size(10);
    group.throughput(Throughput::Bytes((old.len() + new.len()) as u64));
    group.bench_function("compare two 3 MB editions", |bench| {
        bench.iter(|| black_box(compare(black_box(&a), black_box(&b))))
    });
    group.bench_function("read and compare two 3 MB editions", |bench| {
        bench.iter(|| black_box(compare(&parsed(&old), &parsed(&new))))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
