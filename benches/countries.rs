//! How long the country index takes: compiling the gazetteer, and finding every mention in
//! a 10 MB briefing built from the bundled one (sections renamed so they differ).

use std::hint::black_box;

use brief::doc::open::BUNDLED_TEXT;
use brief::doc::{Document, Format, ParseOptions};
use brief::index::countries::Countries;
use brief::index::gazetteer::Gazetteer;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The bundled briefing repeated to about `bytes`, each copy's headings numbered.
fn large_briefing(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + BUNDLED_TEXT.len());
    let mut copy = 0;
    while text.len() < bytes {
        copy += 1;
        for line in BUNDLED_TEXT.lines() {
            if line.starts_with('#') {
                text.push_str(&format!("{line} ({copy})\n"));
            } else {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    text
}

fn countries(c: &mut Criterion) {
    c.bench_function("gazetteer compile", |b| {
        b.iter(|| {
            Gazetteer::from_toml(&[
                include_str!("../src/index/gazetteer/base.toml"),
                include_str!("../src/index/gazetteer/curated.toml"),
            ])
        })
    });

    let text = large_briefing(10 * 1024 * 1024);
    let docs = vec![Document::parse(
        "large.md",
        None,
        "UTF-8",
        &text,
        Format::Markdown,
        ParseOptions::default(),
    )];
    let gazetteer = Gazetteer::bundled();
    let mut group = c.benchmark_group("country index");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("10 MB briefing", |b| {
        b.iter(|| Countries::build(black_box(&docs), gazetteer))
    });
    group.finish();
}

criterion_group!(benches, countries);
criterion_main!(benches);
