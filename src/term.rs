//! The terminal: setup and restore, the panic hook, signals, and the one event loop.
//! The terminal is restored on quit, on error, on panic, and on SIGTERM, SIGHUP and SIGINT.

use std::os::fd::AsFd;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;
use std::thread;

use anyhow::Context;
use crossterm::event::{Event, KeyEventKind};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{App, Effect};
use crate::crash::Rescue;
use crate::doc::library::{Batch, read_in_background};
use crate::doc::open::{OpenOptions, open_paths};
use crate::effects::Notes;
use crate::index::countries::Countries;
use crate::index::gazetteer::Gazetteer;
use crate::index::jump::JumpIndex;
use crate::index::jump_worker::{JumpWorker, WorkerReport};
use crate::keymap::Key;
use crate::reload;
use crate::ui;
use crate::wire::Wire;

/// What reaches the event loop.
enum Message {
    /// A terminal event (key, resize).
    Input(Event),
    /// The terminal can no longer be read.
    InputClosed,
    /// A signal asking brief to stop.
    Stop,
    /// News from a jump worker (the number of the worker: older ones are not listened to).
    Worker(u64, WorkerReport),
    /// Open briefings changed on disk.
    Changed(Vec<std::path::PathBuf>),
    /// More documents of a library read in the background.
    Loaded(Batch<Countries>),
}

/// The terminal, drawn through the lean backend.
type Screen = ratatui::Terminal<Wire<Output>>;

/// Where frames go: standard output, a whole frame in one write. (Standard output's own
/// buffer sends what ends with a line feed at once and the rest later: two writes a frame,
/// which an SSH link may carry as two packets.)
type Output = std::io::BufWriter<std::fs::File>;

/// A frame up to this size goes out in one write (a whole screen of Chinese is ~10 KB).
const FRAME_BYTES: usize = 1 << 16;

/// Raw mode and the alternate screen; the panic hook ([`crate::crash`]) is told, so that a
/// panic gives the terminal back.
fn init(rescue: &Rescue) -> std::io::Result<Screen> {
    rescue.terminal_in_use(true);
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    let out = std::io::stdout().as_fd().try_clone_to_owned()?;
    let out = std::io::BufWriter::with_capacity(FRAME_BYTES, std::fs::File::from(out));
    ratatui::Terminal::new(Wire::new(out))
}

/// While messages keep coming (a library loading, keys held down), a frame at least this
/// often.
const BUSY_FRAME_EVERY: std::time::Duration = std::time::Duration::from_millis(50);

/// How often a note being written is saved as a draft while the user types.
const DRAFT_EVERY: std::time::Duration = std::time::Duration::from_secs(2);

/// Runs the reader until the user quits or a signal stops it; the terminal is restored in
/// every case, and a note being written is saved as a draft first.
/// `rest` are the library's other files, read in the background while the first is shown.
pub fn run(
    app: &mut App,
    notes: &Notes,
    options: OpenOptions,
    rest: Vec<(PathBuf, String)>,
    rescue: &Rescue,
) -> anyhow::Result<()> {
    let signals =
        Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]).context("cannot watch signals")?;
    let handle = signals.handle();
    let mut terminal = init(rescue).context("cannot set up the terminal")?;
    // Alternate scroll mode: the mouse wheel sends arrow keys, and mouse selection keeps
    // working because the mouse is not captured.
    let _ = crossterm::execute!(std::io::stdout(), crossterm::style::Print("\x1b[?1007h"));
    let result = event_loop(&mut terminal, app, notes, options, rest, signals, rescue);
    handle.close();
    crate::wire::restore();
    rescue.terminal_in_use(false);
    rescue.editing(None);
    result
}

fn event_loop(
    terminal: &mut Screen,
    app: &mut App,
    notes: &Notes,
    options: OpenOptions,
    rest: Vec<(PathBuf, String)>,
    mut signals: Signals,
    rescue: &Rescue,
) -> anyhow::Result<()> {
    let crash_test = std::env::var_os(crate::crash::CRASH_TEST).is_some();
    // The revision of the note the panic hook holds.
    let mut rescued: Option<u64> = None;
    let (tx, rx) = mpsc::channel();
    let signal_tx = tx.clone();
    let start_worker = {
        let tx = tx.clone();
        move |app: &App, serial: u64| {
            let tx = tx.clone();
            JumpWorker::start(
                Arc::clone(&app.docs),
                JumpIndex::of_places(&app.docs, &app.countries, Gazetteer::bundled()),
                move |report| {
                    let _ = tx.send(Message::Worker(serial, report));
                },
            )
        }
    };
    let watch = {
        let tx = tx.clone();
        move |app: &App| {
            let tx = tx.clone();
            let files: Vec<PathBuf> = app.docs.iter().filter_map(|d| d.path.clone()).collect();
            reload::watch(&files, move |paths| {
                let _ = tx.send(Message::Changed(paths));
            })
        }
    };
    // A reload starts a new worker; what an older one still says is about old editions.
    let mut serial = 0;
    // The open documents are watched from the start, and the rest of a library once it is
    // read. While it is read, the jump candidates wait for all of it.
    let mut _watcher = watch(app);
    app.coming = rest
        .iter()
        .map(|(path, _)| crate::store::path_key(path))
        .collect();
    let mut worker = if rest.is_empty() {
        Some(start_worker(app, serial))
    } else {
        app.loading = Some((0, rest.len()));
        let tx = tx.clone();
        read_in_background(
            rest,
            options,
            |doc| Countries::of_document(doc, Gazetteer::bundled()),
            move |batch| {
                let _ = tx.send(Message::Loaded(batch));
            },
        );
        None
    };
    let mut load_errors: Vec<String> = Vec::new();
    let started = std::time::Instant::now();
    thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = signal_tx.send(Message::Stop);
        }
    });
    // Set up the terminal's event source (and its SIGWINCH handler) before the first frame,
    // so a resize right after start-up is not missed. Poll with no timeout: this never waits
    // for the terminal.
    let _ = crossterm::event::poll(std::time::Duration::ZERO);
    thread::spawn(move || {
        loop {
            match crossterm::event::read() {
                Ok(event) => {
                    if tx.send(Message::Input(event)).is_err() {
                        break;
                    }
                }
                Err(_) => {
                    let _ = tx.send(Message::InputClosed);
                    break;
                }
            }
        }
    });
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    notes.load(app);
    if let Some(draft) = notes.leftover_draft(app) {
        app.offer_draft(draft);
    }
    let mut shown = terminal.draw(|f| ui::draw(app, f))?.buffer.clone();
    // What the screen shows, and when it was drawn.
    let mut drawn = app.view_state();
    let mut drawn_at = std::time::Instant::now();
    let mut last_draft = std::time::Instant::now();
    loop {
        // A message already waiting is handled before the next frame: keys pressed faster
        // than frames reach the terminal (over a slow link, frames wait in the terminal's
        // queue) show in one frame, a scroll of several lines in one. A stream of messages
        // still gets a frame now and then.
        let waiting = match rx.try_recv() {
            Ok(m) => Some(m),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => break Ok(()),
        };
        let due = waiting.is_none() || drawn_at.elapsed() >= BUSY_FRAME_EVERY;
        if let Some(now) = due.then(|| app.view_state()).filter(|now| *now != drawn) {
            if let Some(lines) = app.scrolled_by(&drawn) {
                // The terminal may move the text itself; then only the lines that come into
                // view are sent.
                let rows = 0..app.size.1.saturating_sub(1);
                terminal.backend_mut().offer_scroll(rows, lines);
            }
            terminal.backend_mut().know_screen(&shown);
            shown = terminal.draw(|f| ui::draw(app, f))?.buffer.clone();
            // Drawing reads the app and changes none of it.
            drawn = now;
            drawn_at = std::time::Instant::now();
        }
        // While a note is being written, wake up now and then to save its draft; otherwise
        // sleep until something happens (no polling).
        let message = match waiting {
            Some(m) => Some(m),
            None if app.editor().is_some() => match rx.recv_timeout(DRAFT_EVERY) {
                Ok(m) => Some(m),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => break Ok(()),
            },
            None => match rx.recv() {
                Ok(m) => Some(m),
                Err(_) => break Ok(()),
            },
        };
        if app.editor().is_some() && (message.is_none() || last_draft.elapsed() >= DRAFT_EVERY) {
            notes.save_draft(app);
            last_draft = std::time::Instant::now();
        }
        let Some(message) = message else {
            continue;
        };
        if let Message::Input(Event::Key(key)) = &message
            && crash_test
            && key.code == crossterm::event::KeyCode::F(12)
        {
            panic!(
                "crash test: F12 pressed with {} set",
                crate::crash::CRASH_TEST
            );
        }
        match message {
            Message::Input(Event::Key(event)) if event.kind != KeyEventKind::Release => {
                let Some(key) = Key::from_event(event) else {
                    continue;
                };
                let ran = run_effects(app.press(key), app, notes, worker.as_ref(), options);
                if ran.quit {
                    break Ok(());
                }
                if ran.opened && app.loading.is_none() {
                    // A document opened from a link: jump candidates and notes for it too.
                    serial += 1;
                    worker = Some(start_worker(app, serial));
                    notes.load(app);
                }
            }
            Message::Worker(from, _) if from != serial => continue,
            Message::Worker(_, WorkerReport::Ready(index)) => {
                let effects = app.attach_jump_index(index);
                run_effects(effects, app, notes, worker.as_ref(), options);
            }
            Message::Worker(_, WorkerReport::Found(generation, found)) => {
                app.receive_matches(generation, found)
            }
            Message::Input(Event::Resize(width, height)) => {
                app.resize(width, height);
                terminal.backend_mut().forget_screen()?;
                terminal.autoresize()?;
                // Resizing clears the terminal: the next frame is drawn on a blank screen.
                shown = ratatui::buffer::Buffer::empty(terminal.get_frame().area());
            }
            Message::Changed(paths) => {
                if reload_changed(app, &paths, options) {
                    // A new edition: new jump candidates, and notes placed again.
                    serial += 1;
                    // While a library is still being read, the worker starts once it is all in.
                    if app.loading.is_none() {
                        worker = Some(start_worker(app, serial));
                    }
                    notes.load(app);
                }
            }
            Message::Loaded(batch) => {
                load_errors.extend(batch.errors.iter().map(ToString::to_string));
                let finished = batch.done == batch.total;
                app.add_documents(batch.documents, batch.prepared, batch.done, batch.total);
                if finished {
                    worker = Some(start_worker(app, serial));
                    _watcher = watch(app);
                    notes.load(app);
                    match load_errors.first() {
                        Some(first) => {
                            let more = match load_errors.len() - 1 {
                                0 => String::new(),
                                n => format!(" (+{n} more)"),
                            };
                            app.notify(format!("{first}{more}"), true);
                        }
                        None if app.message.is_none() => app.notify(
                            format!(
                                "Read {} documents in {:.1} s",
                                app.docs.len(),
                                started.elapsed().as_secs_f64()
                            ),
                            false,
                        ),
                        None => {}
                    }
                }
            }
            Message::Input(_) => continue,
            Message::InputClosed | Message::Stop => {
                // The terminal or the connection went away: keep what was being written.
                notes.save_before_exit(app);
                break Ok(());
            }
        }
        keep_for_rescue(app, rescue, &mut rescued);
    }
}

/// Hands the panic hook the note being written when it has changed since it last did (the
/// note is only copied then, not on every message).
fn keep_for_rescue(app: &App, rescue: &Rescue, rescued: &mut Option<u64>) {
    let revision = app.editor().map(|e| e.revision);
    if revision != *rescued {
        rescue.editing(app.note_being_written());
        *rescued = revision;
    }
}

/// Reads changed briefings again, or marks them gone; returns whether any was replaced.
fn reload_changed(app: &mut App, paths: &[std::path::PathBuf], options: OpenOptions) -> bool {
    let mut replaced = false;
    for path in paths {
        let Some(i) = app.docs.iter().position(|d| {
            d.path
                .as_ref()
                .is_some_and(|p| reload::canonical(p) == *path)
        }) else {
            continue;
        };
        if !path.exists() {
            app.mark_gone(i);
            continue;
        }
        let mut opened = open_paths(std::slice::from_ref(path), options);
        match (opened.documents.pop(), opened.errors.first()) {
            (Some(mut doc), _) => {
                // Keep the name it was opened under.
                doc.name = app.docs[i].name.clone();
                doc.path = app.docs[i].path.clone();
                app.replace_document(i, doc);
                replaced = true;
            }
            (None, Some(e)) => app.notify(format!("Not reloaded: {e}"), true),
            (None, None) => {}
        }
    }
    replaced
}

/// What carrying out effects asks of the event loop.
#[derive(Default)]
struct Ran {
    /// brief should quit.
    quit: bool,
    /// A document was opened.
    opened: bool,
}

/// Carries out effects.
fn run_effects(
    effects: Vec<Effect>,
    app: &mut App,
    notes: &Notes,
    worker: Option<&JumpWorker>,
    options: OpenOptions,
) -> Ran {
    let mut ran = Ran::default();
    for effect in effects {
        match effect {
            Effect::Quit => ran.quit = true,
            Effect::Open(path, anchor) => {
                ran.opened |= open_linked(app, &path, anchor.as_deref(), options)
            }
            Effect::FindMatches { generation, query } => {
                if let Some(worker) = worker {
                    worker.find(generation, query);
                }
            }
            other => {
                notes.apply(&other, app, &mut std::io::stdout());
            }
        }
    }
    ran
}

/// Opens a briefing file a link leads to and shows it; says why when it cannot be read.
fn open_linked(
    app: &mut App,
    path: &std::path::Path,
    anchor: Option<&str>,
    options: OpenOptions,
) -> bool {
    let mut opened = open_paths(&[path.to_path_buf()], options);
    match (opened.documents.pop(), opened.errors.first()) {
        (Some(doc), _) => {
            let countries = Countries::of_document(&doc, Gazetteer::bundled());
            let at = app.docs.len();
            app.add_documents(vec![doc], vec![countries], 1, 1);
            app.show_opened(at, anchor);
            true
        }
        (None, Some(e)) => {
            app.notify(format!("Link not opened: {e}"), true);
            false
        }
        (None, None) => false,
    }
}
