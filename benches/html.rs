//! How fast a saved web page becomes a document, in MB/s: the bundled briefing inside a
//! news site's chrome (navigation, link lists, scripts, a footer), its article found; and
//! the same page read whole.

use std::hint::black_box;

use brief::doc::open::BUNDLED_TEXT;
use brief::doc::{Document, Format, ParseOptions};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "../tests/common/site.rs"]
mod site;

// The allocator the `brief` binary uses.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn page_to_document(c: &mut Criterion) {
    let page = site::page("联合公报", &site::article_of(BUNDLED_TEXT));
    let mut group = c.benchmark_group("html");
    group.throughput(Throughput::Bytes(page.len() as u64));
    for (name, whole_page) in [("article", false), ("whole page", true)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                Document::parse(
                    "page.html",
                    None,
                    "UTF-8",
                    black_box(&page),
                    Format::Html,
                    ParseOptions {
                        whole_page,
                        ..Default::default()
                    },
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, page_to_document);
criterion_main!(benches);
