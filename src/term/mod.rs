//! The terminal: setup and restore, the panic hook, and the one event loop, which turns the
//! news its sources send ([`sources`]) into messages for the app and carries out what the app
//! asks in return.
//! The terminal is restored on quit, on error, on panic, on SIGTERM, SIGHUP and SIGINT, and
//! when it hangs up.

mod escape;
mod files;
pub mod frame;
mod inbox;
mod sources;
mod terminal;

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use crossterm::event::{Event, KeyEventKind};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{App, Effect, Message};
use crate::crash::Rescue;
use crate::doc::Document;
use crate::doc::open::OpenOptions;
use crate::effects::Notes;
use crate::index::countries::Countries;
use crate::index::jump_worker::WorkerReport;
use crate::keymap::Key;
use frame::Shown;
use inbox::Nothing;
use sources::{News, Sources};
use terminal::{Screen, init, suspend};

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
    crate::trace::phase("terminal setup");
    // Alternate scroll mode: the mouse wheel sends arrow keys, and mouse selection keeps
    // working because the mouse is not captured.
    let _ = crossterm::execute!(std::io::stdout(), crossterm::style::Print("\x1b[?1007h"));
    let result = event_loop(&mut terminal, app, notes, options, rest, signals, rescue);
    handle.close();
    crate::wire::restore();
    // Dropped, the terminal shows the cursor, and prints (so panics, then aborts) when it
    // cannot: a terminal that hung up is let go as it is, and the session is still kept.
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
    }
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
    signals: Signals,
    rescue: &Rescue,
) -> anyhow::Result<()> {
    let crash_test = std::env::var_os(crate::crash::CRASH_TEST).is_some();
    let (sources, mut inbox) = Sources::new();
    // The jump worker finds the people and the documents cited, after the places.
    app.people_come_later = true;
    let mut run = Running {
        app,
        notes,
        options,
        sources,
        load_errors: Vec::new(),
        started: Instant::now(),
        places_asked: false,
    };
    if !rest.is_empty() {
        let coming = rest.iter().map(|(path, _)| crate::store::path_key(path));
        run.tell(vec![Message::Reading(coming.collect())]);
    }
    run.sources.listen_to_signals(signals);
    inbox.listen_to_terminal(run.sources.tell());
    crate::trace::phase("signals and keys");
    let size = terminal.size()?;
    run.tell(vec![Message::Resized(size.width, size.height)]);
    crate::trace::phase("layout");
    let mut shown = Shown::first(terminal, run.app)?;
    crate::trace::phase("first frame written");
    // The bookmarks and notes (and what changed since the last reading) follow in the next
    // frame, a millisecond or two later.
    run.load_notes();
    if let Some(draft) = run.notes.leftover_draft(run.app) {
        run.tell(vec![Message::LeftoverDraft(Box::new(draft))]);
    }
    crate::trace::phase("notes");
    // Nothing the first frame does not need comes before it: on two cores, work in the
    // background would slow it. The open documents are watched from now, and the rest of a
    // library once it is read. The jump candidates wait for the places and for the whole
    // library.
    run.sources.watch(run.app);
    run.find_places_when_read();
    if rest.is_empty() {
        run.start_worker_when_ready();
    } else {
        run.sources.read_library(rest, options);
    }
    crate::trace::phase("background work started");
    // A long PDF showed its first pages; the rest is read now the screen is up.
    run.sources.read_rest(run.app, run.options);
    // Two editions: the new one is up; its redline follows.
    if let Some(editions) = run.app.to_compare.take() {
        run.sources.compare(*editions);
    }
    // The revision of the note the panic hook holds.
    let mut rescued: Option<u64> = None;
    let mut last_draft = Instant::now();
    loop {
        // News already waiting is handled before the next frame: keys pressed faster than
        // frames reach the terminal (over a slow link, frames wait in the terminal's queue)
        // show in one frame, a scroll of several lines in one. A stream of news still gets
        // a frame now and then.
        let waiting = match inbox.try_recv() {
            Ok(news) => Some(news),
            Err(Nothing::Yet) => None,
            Err(Nothing::Ever) => break Ok(()),
        };
        if waiting.is_none() || shown.age() >= BUSY_FRAME_EVERY {
            shown.refresh(terminal, run.app)?;
        }
        // While a note is being written, wake up now and then to save its draft; otherwise
        // sleep until something happens (no polling).
        let writing = run.app.editor().is_some();
        let news = match waiting {
            Some(news) => Some(news),
            None if writing => match inbox.recv_timeout(DRAFT_EVERY) {
                Ok(news) => Some(news),
                Err(Nothing::Yet) => None,
                Err(Nothing::Ever) => break Ok(()),
            },
            None => match inbox.recv() {
                Ok(news) => Some(news),
                Err(_) => break Ok(()),
            },
        };
        if writing && (news.is_none() || last_draft.elapsed() >= DRAFT_EVERY) {
            run.notes.save_draft(run.app);
            last_draft = Instant::now();
        }
        let Some(news) = news else {
            continue;
        };
        if let News::Input(Event::Key(key)) = &news
            && crash_test
            && key.code == crossterm::event::KeyCode::F(12)
        {
            panic!(
                "crash test: F12 pressed with {} set",
                crate::crash::CRASH_TEST
            );
        }
        if let News::Input(Event::Resize(..)) = &news {
            shown.resized(terminal)?;
        }
        match run.handle(news) {
            Flow::Quit => break Ok(()),
            Flow::Suspend => {
                if writing {
                    run.notes.save_draft(run.app);
                }
                suspend(terminal)?;
                // Redrawn whole, at the size the terminal has now.
                shown.resized(terminal)?;
                let size = terminal.size()?;
                run.tell(vec![Message::Resized(size.width, size.height)]);
            }
            Flow::Go => {}
        }
        keep_for_rescue(run.app, rescue, &mut rescued);
    }
}

/// Whether the event loop goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flow {
    /// Go on.
    Go,
    /// Go on once the shell continues brief.
    Suspend,
    /// brief ends.
    Quit,
}

/// The event loop's state: the app, the store, and the sources of news.
struct Running<'a> {
    app: &'a mut App,
    notes: &'a Notes,
    options: OpenOptions,
    sources: Sources,
    /// Files of a library that could not be read, said once it is all read.
    load_errors: Vec<String>,
    /// When brief started, to say how long a library took to read.
    started: Instant,
    /// Whether the places of the documents the app started with are being found.
    places_asked: bool,
}

impl Running<'_> {
    /// Handles one piece of news: it becomes messages for the app, and what the app asks
    /// in return is carried out.
    fn handle(&mut self, news: News) -> Flow {
        match news {
            News::Input(Event::Key(event)) if event.kind != KeyEventKind::Release => {
                let Some(key) = Key::from_event(event) else {
                    return Flow::Go;
                };
                let documents = self.app.docs.len();
                let flow = self.tell(vec![Message::Key(key)]);
                if self.app.docs.len() != documents && self.app.loading.is_none() {
                    // A document opened from a link: jump candidates and notes for it too.
                    self.start_worker_when_ready();
                    self.load_notes();
                }
                flow
            }
            News::Worker(from, _) if !self.sources.is_current(from) => Flow::Go,
            News::Worker(_, WorkerReport::Ready(index)) => {
                self.tell(vec![Message::JumpIndexReady(index)])
            }
            News::Worker(_, WorkerReport::Found(generation, found)) => {
                self.tell(vec![Message::Matches(generation, found)])
            }
            News::Input(Event::Resize(width, height)) => {
                self.tell(vec![Message::Resized(width, height)])
            }
            News::Completed(i, path, whole, layout) => {
                let same = self.app.docs.get(i).and_then(|d| d.path.as_ref()) == Some(&path);
                let partial = self.app.docs.get(i).is_some_and(Document::is_partial);
                if !(same && partial) {
                    return Flow::Go;
                }
                let flow = self.tell(vec![Message::Whole(i, whole, layout)]);
                self.find_places_when_read();
                self.replaced();
                flow
            }
            // Shown only if the document is still the one laid out (a library's other files
            // may have joined it meanwhile).
            News::LaidOut(docs, doc, layout) => {
                let same = match (docs.get(doc), self.app.docs.get(doc)) {
                    (Some(a), Some(b)) => std::sync::Arc::ptr_eq(&a.blocks, &b.blocks),
                    _ => false,
                };
                if !same {
                    return Flow::Go;
                }
                self.tell(vec![Message::LaidOut(doc, layout)])
            }
            // Noted only if the document is still the one compared.
            News::SameAsRead(key, doc, blocks) => {
                if let Some(now) = self.app.docs.get(doc)
                    && self.app.doc_keys.get(doc) == Some(&key)
                    && blocks.ptr_eq(&std::sync::Arc::downgrade(&now.blocks))
                {
                    self.notes.same_as_kept(key, now);
                }
                Flow::Go
            }
            // Said only if the document is still the one compared.
            News::LastRead(key, doc, message) => {
                if self.app.doc_keys.get(doc) != Some(&key) {
                    return Flow::Go;
                }
                self.tell(vec![*message])
            }
            News::Compared(redline, cautions) => {
                let flow = self.tell(vec![Message::Compared(redline, cautions)]);
                self.replaced();
                flow
            }
            News::Changed(paths) => {
                let told = files::changes(self.app, &paths, self.options);
                let replaced = told.iter().any(|m| matches!(m, Message::Reloaded(..)));
                let flow = self.tell(told);
                if replaced {
                    self.replaced();
                }
                flow
            }
            News::Loaded(batch) => self.loaded(batch),
            News::Places(found) => {
                let flow = self.tell(vec![Message::Places(found)]);
                self.start_worker_when_ready();
                flow
            }
            News::Input(_) => Flow::Go,
            News::InputClosed | News::Stop => {
                // The terminal or the connection went away: keep what was being written.
                self.notes.save_before_exit(self.app);
                Flow::Quit
            }
        }
    }

    /// A document was replaced (a new edition, or the whole of a long PDF): new jump
    /// candidates (once a library being read is all in), and notes placed again.
    fn replaced(&mut self) {
        self.start_worker_when_ready();
        self.load_notes();
    }

    /// Reads the bookmarks and notes of the open documents, and which changed since they were
    /// last read; the long ones are compared in the background.
    fn load_notes(&mut self) {
        self.notes.load(self.app);
        for check in self.notes.checks_for_later() {
            self.sources
                .check_last_read(check, std::sync::Arc::clone(&self.app.docs));
        }
    }

    /// Finds the places the documents the app started with name, once each is read whole
    /// (a long text's places are found in the whole, not in its first part).
    fn find_places_when_read(&mut self) {
        let read = !self.app.docs.iter().any(Document::is_partial);
        if read && self.app.places_pending.is_some() && !self.places_asked {
            self.places_asked = true;
            self.sources.find_places(self.app);
        }
    }

    /// Starts a jump worker on the documents once they are all read and their places found;
    /// until then, one started before is forgotten.
    fn start_worker_when_ready(&mut self) {
        if self.app.loading.is_none() && self.app.places_pending.is_none() {
            self.sources.start_worker(self.app);
        } else {
            self.sources.drop_worker();
        }
    }

    /// More documents of a library arrived; once all are in, the jump worker starts, the
    /// files are watched and their notes placed.
    fn loaded(&mut self, batch: crate::doc::library::Batch<(String, Countries)>) -> Flow {
        self.load_errors
            .extend(batch.errors.iter().map(ToString::to_string));
        let (done, total) = (batch.done, batch.total);
        let arrivals = sources::arrivals(batch);
        let flow = self.tell(vec![Message::DocumentsRead {
            arrivals,
            done,
            total,
        }]);
        if done < total {
            return flow;
        }
        self.start_worker_when_ready();
        self.sources.watch(self.app);
        self.load_notes();
        let said = match self.load_errors.first() {
            Some(first) => {
                let more = match self.load_errors.len() - 1 {
                    0 => String::new(),
                    n => format!(" (+{n} more)"),
                };
                Some(Message::said(format!("{first}{more}"), true))
            }
            None if self.app.message.is_none() => Some(Message::said(
                format!(
                    "Read {} documents in {:.1} s",
                    self.app.docs.len(),
                    self.started.elapsed().as_secs_f64()
                ),
                false,
            )),
            None => None,
        };
        match self.tell(said.into_iter().collect()) {
            Flow::Go => flow,
            other => other,
        }
    }

    /// Tells the app `messages`, and carries out what it asks in return: the store's
    /// effects through [`Notes::run`], the rest here.
    fn tell(&mut self, messages: Vec<Message>) -> Flow {
        let mut effects = self
            .notes
            .deliver(self.app, messages, &mut std::io::stdout());
        let mut flow = Flow::Go;
        while !effects.is_empty() {
            let mut more = Vec::new();
            for effect in effects {
                match effect {
                    Effect::Quit => flow = Flow::Quit,
                    Effect::Suspend if flow == Flow::Go => flow = Flow::Suspend,
                    Effect::FindMatches { generation, query } => {
                        self.sources.find(generation, query)
                    }
                    Effect::LayOut { doc, width } => {
                        self.sources
                            .lay_out(std::sync::Arc::clone(&self.app.docs), doc, width)
                    }
                    Effect::Follow(link) => {
                        more.extend(crate::effects::follow(self.app, &link, self.options))
                    }
                    // The store's effects were carried out by `deliver`.
                    _ => {}
                }
            }
            effects = self.notes.deliver(self.app, more, &mut std::io::stdout());
        }
        flow
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
