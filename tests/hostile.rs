//! Hostile documents, as the `brief` binary meets them: each opens or is refused with a
//! message naming it, and the documents beside it stay readable. (The terminal-facing cases,
//! escape sequences and invisible characters, are in pty.rs; sizes and times of the full-size
//! cases come from scripts/hostile.py.)

use std::path::Path;
use std::process::{Command, Output};

/// The bundled briefing's first heading.
const TITLE: &str = "上海合作组织成员国政府首脑(总理)理事会第二十四次会议联合公报";

fn brief(args: &[&str]) -> Output {
    let data = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .env("BRIEF_DATA_DIR", data.path())
        .env("XDG_CONFIG_HOME", data.path())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of the bundled briefing beside the hostile one.
fn good(dir: &Path) -> String {
    let path = dir.join("good.md");
    let seed = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::copy(seed, &path).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn a_gigabyte_file_is_refused_and_the_others_open() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.md");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1_000_000_000)
        .unwrap();
    let out = brief(&["outline", huge.to_str().unwrap(), &good(dir.path())]);
    let err = text(&out.stderr);
    assert!(
        err.contains("huge.md: 1000 MB is more than brief opens"),
        "{err}"
    );
    assert!(text(&out.stdout).contains(TITLE));
}

#[test]
fn a_single_line_of_megabytes_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("line.md");
    std::fs::write(&path, "上海合作组织成员国。".repeat(200_000)).unwrap();
    let out = brief(&["find", "合作", path.to_str().unwrap(), &good(dir.path())]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("line.md"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_hundred_thousand_headings_make_a_hundred_thousand_entries() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("headings.md");
    let doc: String = (0..100_000)
        .map(|n| format!("## Section {n}\n\nText {n}.\n\n"))
        .collect();
    std::fs::write(&path, doc).unwrap();
    let out = brief(&["outline", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listed = text(&out.stdout);
    assert_eq!(listed.lines().count(), 100_000);
    assert!(listed.lines().last().unwrap().contains("Section 99999"));
}

#[test]
fn nesting_a_thousand_levels_deep_opens() {
    let dir = tempfile::tempdir().unwrap();
    let quotes = dir.path().join("quotes.md");
    std::fs::write(
        &quotes,
        format!("# Deep\n\n{}innermost words\n", "> ".repeat(1000)),
    )
    .unwrap();
    let lists = dir.path().join("lists.md");
    let nested: String = (0..1000)
        .map(|depth| format!("{}- level {depth}\n", "  ".repeat(depth)))
        .collect();
    std::fs::write(&lists, format!("# Lists\n\n{nested}")).unwrap();
    let brackets = dir.path().join("brackets.md");
    std::fs::write(
        &brackets,
        format!("# Brackets\n\n{}x{}\n", "[".repeat(5000), "]".repeat(5000)),
    )
    .unwrap();
    for (path, words) in [
        (&quotes, "innermost words"),
        (&lists, "level 999"),
        (&brackets, "Brackets"),
    ] {
        let out = brief(&[path.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(text(&out.stdout).contains(words), "{}", path.display());
    }
}

#[cfg(unix)]
#[test]
fn a_folder_with_a_symlink_loop_opens_once() {
    let dir = tempfile::tempdir().unwrap();
    good(dir.path());
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let out = brief(&["outline", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).matches(TITLE).count(), 1);
}

#[test]
fn a_file_rewritten_while_it_is_read_opens_or_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("moving.md");
    let editions = [
        "# First edition\n\nOld text.\n".repeat(20_000),
        "# Second edition\n\nNew text.\n".repeat(5_000),
    ];
    std::fs::write(&path, &editions[0]).unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (path, stop) = (path.clone(), std::sync::Arc::clone(&stop));
        std::thread::spawn(move || {
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let _ = std::fs::write(&path, &editions[n % 2]);
                n += 1;
            }
        })
    };
    for _ in 0..5 {
        let out = brief(&["outline", path.to_str().unwrap(), &good(dir.path())]);
        let listed = text(&out.stdout);
        assert!(listed.contains(TITLE), "{}", text(&out.stderr));
        // Whatever edition (or part of one) was read, it is read as a briefing.
        let err = text(&out.stderr);
        assert!(err.is_empty() || err.contains("moving.md"), "{err}");
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
}
