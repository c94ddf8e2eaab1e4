//! Writes two editions of a long law for timing `brief diff` (`scripts/compare_diff.py`):
//! `cargo run --release --example make_editions DIR [MEGABYTES]` writes
//! `DIR/law_NMB.old.md` and `DIR/law_NMB.new.md`.

#[path = "../tests/common/editions.rs"]
mod editions;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: make_editions DIR [MEGABYTES]");
        std::process::exit(2);
    };
    let mb: usize = args.next().and_then(|m| m.parse().ok()).unwrap_or(10);
    let (old, new) = editions::editions(mb * 1_000_000);
    let dir = std::path::Path::new(&dir);
    if let Err(e) = std::fs::create_dir_all(dir)
        .and_then(|_| std::fs::write(dir.join(format!("law_{mb}mb.old.md")), old))
        .and_then(|_| std::fs::write(dir.join(format!("law_{mb}mb.new.md")), new))
    {
        eprintln!("make_editions: {}: {e}", dir.display());
        std::process::exit(1);
    }
}
