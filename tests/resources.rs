//! Resources over a long session: reloading a briefing again and again leaves no file
//! descriptor open. (Alone in its own test binary, so no other test opens files meanwhile.)

#[cfg(target_os = "linux")]
#[test]
fn a_thousand_reloads_leave_no_descriptor_open() {
    use brief::app::App;
    use brief::doc::open::{OpenOptions, open_file};
    use brief::effects::Notes;
    use brief::keymap::Keymap;

    let open_descriptors = || std::fs::read_dir("/proc/self/fd").unwrap().count();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.md");
    let edition = |n: usize| format!("# Edition {n}\n\n中吉乌铁路 paragraph {n}.\n\nMore text.\n");
    std::fs::write(&path, edition(0)).unwrap();
    let doc = open_file(&path, "brief.md".into(), OpenOptions::default()).unwrap();
    let mut app = App::new(
        brief::effects::start(vec![doc]),
        Keymap::preset("default").unwrap(),
        (100, 30),
    );
    let (notes, problem) = Notes::open(Some(&dir.path().join("data")));
    assert!(problem.is_none(), "{problem:?}");
    let reload = |app: &mut App, n: usize| {
        std::fs::write(&path, edition(n)).unwrap();
        let doc = open_file(&path, "brief.md".into(), OpenOptions::default()).unwrap();
        app.receive(brief::app::Message::Reloaded(0, Box::new(doc)));
        notes.load(app);
        // The reader watches the files again after a library is read.
        drop(brief::reload::watch(std::slice::from_ref(&path), |_| {}));
    };
    // The first reload opens what stays open for the whole session (the database's files).
    reload(&mut app, 1);
    let before = open_descriptors();
    for n in 2..1002 {
        reload(&mut app, n);
    }
    // A watcher's thread lets go of its descriptors as it ends, just after the drop.
    for _ in 0..200 {
        if open_descriptors() <= before {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let open: Vec<_> = std::fs::read_dir("/proc/self/fd")
        .unwrap()
        .filter_map(|e| std::fs::read_link(e.unwrap().path()).ok())
        .collect();
    assert!(
        open_descriptors() <= before,
        "{before} before, now {open:?}"
    );
    assert!(app.document().blocks[0].text().contains("Edition 1001"));
}
