//! How fast Word documents, PDFs and EPUB books become documents: a work report of about
//! 1 MB of text without heading styles, a 50-page Chinese law with an outline and running
//! heads, and a book of 10 chapters, each written by `tests/common/packages.rs`.

use std::hint::black_box;

use brief::doc::{Format, binary};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "../tests/common/packages.rs"]
mod packages;

// The allocator the `brief` binary uses.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

const CLAUSE: &str =
    "深化与上海合作组织成员国在经贸、能源、交通和人文领域的务实合作，加快中吉乌铁路建设。";

fn report() -> Vec<u8> {
    let mut paragraphs = Vec::new();
    for section in 0..40 {
        paragraphs.push(packages::word_paragraph(
            "",
            &format!("{}、部分", section + 1),
            true,
        ));
        for _ in 0..60 {
            paragraphs.push(packages::word_paragraph(
                "",
                &format!("　　{}", CLAUSE.repeat(4)),
                false,
            ));
        }
    }
    packages::docx(&paragraphs)
}

fn law() -> Vec<u8> {
    let pages: Vec<Vec<packages::Run>> = (0..50)
        .map(|n| {
            let mut page = vec![
                packages::run(230.0, 805.0, 9.0, "中华人民共和国示范法"),
                packages::run(290.0, 30.0, 9.0, &format!("{}", n + 1)),
            ];
            let chars: Vec<char> = CLAUSE.repeat(30).chars().collect();
            for (i, line) in chars.chunks(40).take(45).enumerate() {
                let text: String = line.iter().collect();
                page.push(packages::run(72.0, 760.0 - 15.0 * i as f32, 10.5, &text));
            }
            page
        })
        .collect();
    let outline = (0..5).map(|c| (format!("第{c}章"), c * 10)).collect();
    packages::pdf(
        &pages,
        &packages::PdfOptions {
            outline,
            ..Default::default()
        },
    )
}

fn book() -> Vec<u8> {
    let chapters: Vec<(String, String)> = (0..10)
        .map(|c| {
            let body: String = (0..60).map(|_| format!("<p>{CLAUSE}</p>")).collect();
            (format!("第{c}章"), body)
        })
        .collect();
    let borrowed: Vec<(&str, &str)> = chapters
        .iter()
        .map(|(t, b)| (t.as_str(), b.as_str()))
        .collect();
    packages::epub("示范", &borrowed)
}

fn formats(c: &mut Criterion) {
    let mut group = c.benchmark_group("formats");
    group.sample_size(10);
    for (name, format, bytes) in [
        ("word report", Format::Word, report()),
        ("pdf law 50 pages", Format::Pdf, law()),
        ("epub book", Format::Epub, book()),
    ] {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| binary::read(format, black_box(bytes.clone()), None).expect("it reads"))
        });
    }
    group.finish();
}

criterion_group!(benches, formats);
criterion_main!(benches);
