//! Tables in the reader: a 1,000-row table of member states (Chinese and English names, a
//! wrapping column) laid out at a pane's width, and one frame drawn with the table on
//! screen; and the same table full-screen.

use std::hint::black_box;

use brief::app::App;
use brief::doc::{Document, Format, ParseOptions};
use brief::keymap::Keymap;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

// The allocator the `brief` binary uses.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

const NAMES: [(&str, &str); 6] = [
    ("Kazakhstan", "哈萨克斯坦"),
    ("Kyrgyzstan", "吉尔吉斯斯坦"),
    ("Tajikistan", "塔吉克斯坦"),
    ("Uzbekistan", "乌兹别克斯坦"),
    ("Pakistan", "巴基斯坦"),
    ("Belarus", "白俄罗斯"),
];

/// A Markdown document holding one table of `rows` rows.
fn table(rows: usize) -> Document {
    let mut md =
        String::from("# 成员国\n\n| Country | 国名 | Joined | Note |\n|---|---|---|---|\n");
    for r in 0..rows {
        let (en, zh) = NAMES[r % NAMES.len()];
        md.push_str(&format!(
            "| {en} {r} | {zh} | {} | Signed the charter and the agreement on long-term good-neighbourliness |\n",
            2001 + r % 24
        ));
    }
    Document::parse(
        "t.md",
        None,
        "UTF-8",
        &md,
        Format::Markdown,
        ParseOptions::default(),
    )
}

fn layout_and_frame(c: &mut Criterion) {
    let doc = table(1000);
    let mut group = c.benchmark_group("table of 1,000 rows");
    group.bench_function("layout at 80 columns", |b| {
        b.iter(|| brief::app::layout::Layout::new(black_box(&doc), 80))
    });
    let mut app = App::new(
        brief::effects::start(vec![doc.clone()]),
        Keymap::preset("default").unwrap(),
        (120, 40),
    );
    app.top = app.layout.lines.len() / 2;
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    group.bench_function("frame, reader", |b| {
        b.iter(|| {
            terminal
                .draw(|f| brief::ui::draw(black_box(&app), f))
                .unwrap();
        })
    });
    app.press(brief::keymap::Key::named(
        brief::keymap::chord::NamedKey::Enter,
    ));
    group.bench_function("frame, full-screen", |b| {
        b.iter(|| {
            terminal
                .draw(|f| brief::ui::draw(black_box(&app), f))
                .unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, layout_and_frame);
criterion_main!(benches);
