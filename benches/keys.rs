//! A key in the reader, from the app taking it to the frame's bytes: a line down and a page
//! down on a 1 MB briefing at 100x30, with the outline hidden (as `less` shows a file) and
//! shown. The bytes go to a sink: the terminal's reading of the key and the write are not
//! timed (`../shared/bench/scroll_bytes.py` times them beside `less`).

use std::hint::black_box;

use brief::app::App;
use brief::keymap::Keymap;
use brief::term::frame::Shown;
use brief::vocabulary::Action;
use brief::wire::Wire;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

mod common;
use common::large_document;

// The allocator the `brief` binary uses.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// A 100x30 terminal drawn through brief's backend, its bytes thrown away.
fn terminal() -> Terminal<Wire<std::io::Sink>> {
    let mut wire = Wire::new(std::io::sink());
    wire.cleared();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 100, 30)),
    };
    Terminal::with_options(wire, options).expect("a terminal")
}

fn keys(c: &mut Criterion) {
    let doc = large_document(1 << 20);
    let mut app = App::new(
        brief::effects::start(vec![doc]),
        Keymap::preset("default").expect("the default keymap"),
        (100, 30),
    );
    let mut group = c.benchmark_group("key in the reader, 1 MB, 100x30");
    for outline in [false, true] {
        if app.outline_visible != outline {
            app.update(Action::ToggleOutline);
        }
        let pane = if outline {
            "outline shown"
        } else {
            "outline hidden"
        };
        for (key, action) in [("line down", Action::Down), ("page down", Action::PageDown)] {
            let mut terminal = terminal();
            app.update(Action::Top);
            let mut shown = Shown::first(&mut terminal, &app).expect("a first frame");
            let end = app.layout.lines.len().saturating_sub(200);
            group.bench_function(format!("{key}, {pane}"), |b| {
                b.iter(|| {
                    if app.top >= end {
                        app.update(Action::Top);
                    }
                    black_box(app.update(action));
                    shown.refresh(&mut terminal, &app).expect("a frame");
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, keys);
criterion_main!(benches);
