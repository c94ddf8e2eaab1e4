//! `brief` with no command: the reader started on the briefings named (or the last
//! session's), or their text printed when output goes to a pipe or file.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::Cli;
use super::open::{exit_code, first_and_rest, open_or_fail};
use crate::app::{App, Message};
use crate::doc::BlockKind;
use crate::doc::open::{OpenOptions, Opened};
use crate::effects::{Notes, Opening};
use crate::keymap;
use crate::vocabulary::{Action, Mode};

/// How many pages of a PDF are read before the reader shows it (the rest follow).
const FIRST_PAGES: usize = 12;

/// Starts the reader on the briefings and returns when it is closed; with output going to a
/// pipe or file, prints their text instead.
pub fn start(
    cli: &Cli,
    options: OpenOptions,
    rescue: &crate::crash::Rescue,
) -> anyhow::Result<ExitCode> {
    let (paths, keymap_choice, data_dir) =
        (&cli.paths, cli.keymap.as_deref(), cli.data_dir.as_deref());
    let (recent, library, export_mode) = (cli.recent, cli.library, cli.export_mode);
    let terminal = std::io::stdout().is_terminal();
    // Printing to a pipe needs no notes: the database is not touched. The store opens on its
    // own thread while the keymap is read and the first document opened; --recent needs it
    // at once, for the paths.
    let mut store = (terminal || recent).then(|| Opening::on_thread(data_dir));
    let user_keymap = keymap::user_keymap_path();
    let (keymap, keymap_errors) = keymap::load(keymap_choice, user_keymap.as_deref());
    crate::trace::phase("keymap");
    let mut join_store = || match store.take() {
        Some(opening) => match opening.join() {
            Ok(opened) => opened.notes(),
            Err(_) => (
                Notes::closed(),
                Some("Bookmarks and notes are off: the data directory could not be opened".into()),
            ),
        },
        None => (Notes::closed(), None),
    };
    let (mut notes, mut problem) = if recent {
        let opened = join_store();
        crate::trace::phase("data directory and store");
        opened
    } else {
        (Notes::closed(), None)
    };
    let last = if recent {
        notes.last_session()
    } else {
        Vec::new()
    };
    // Nothing to return to: said before the terminal is touched, rather than opening the
    // bundled briefing as if it were the last session.
    if recent && last.is_empty() {
        match &problem {
            Some(problem) => anyhow::bail!("no recent session: {problem}"),
            None => anyhow::bail!("no recent session yet: open a briefing first (brief FILE)"),
        }
    }
    let paths: Vec<PathBuf> = if recent {
        last.iter()
            .filter_map(|r| r.path.as_ref().map(PathBuf::from))
            .collect()
    } else {
        paths.to_vec()
    };
    if !terminal {
        let opened = open_or_fail(&paths, options)?;
        print_text(&opened)?;
        return Ok(exit_code(&opened));
    }
    // The first document opens now; the rest of a library is read in the background (all of
    // it now for --recent with several, which returns to a place in one of them).
    // A single document of the last session shows its first part too, and goes back to where
    // the reader was once it is whole.
    let (opened, rest) = if recent && paths.len() > 1 {
        (open_or_fail(&paths, options)?, Vec::new())
    } else {
        // Of a long PDF, the first pages show at once; the rest is read once they are up.
        let first = OpenOptions {
            parse: crate::doc::ParseOptions {
                first_pages: Some(FIRST_PAGES),
                ..options.parse
            },
            ..options
        };
        first_and_rest(&paths, first)?
    };
    crate::trace::phase("first document opened");
    if !recent {
        (notes, problem) = join_store();
        crate::trace::phase("data directory and store");
    }
    // A briefing opened alone that was the one in the reader last time opens where it was
    // left, as --recent would open it.
    let resumed = !recent && opened.documents.len() == 1 && rest.is_empty();
    let last = match resumed {
        true => notes.last_session(),
        false => last,
    };
    let code = exit_code(&opened);
    let damage: Vec<String> = super::open::damaged(&opened)
        .map(|(path, damage)| format!("{path}: {damage}; the rest is shown"))
        .collect();
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::places_later(crate::effects::start(opened.documents), keymap, size);
    crate::trace::phase("app");
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    app.export_mode = export_mode;
    if let Some(outline) = notes.last_outline() {
        app.receive(Message::Outline(outline));
    }
    let problems: Vec<String> = match keymap_errors.first() {
        Some(first) => vec![format!("keymap not used: {first}; run brief keymap check")]
            .into_iter()
            .chain(keymap_errors.iter().skip(1).map(ToString::to_string))
            .collect(),
        None => opened
            .errors
            .iter()
            .map(ToString::to_string)
            .chain(damage)
            .chain(problem)
            .collect(),
    };
    if let Some(first) = problems.first() {
        let more = match problems.len() - 1 {
            0 => String::new(),
            n => format!(" (+{n} more)"),
        };
        app.receive(Message::said(format!("{first}{more}"), true));
    }
    if let Some(current) = last.iter().find(|r| r.current) {
        // By the path it was read from (its key may be that of an earlier name).
        let at_doc = app
            .docs
            .iter()
            .position(|d| d.path.as_ref().map(|p| p.display().to_string()) == current.path);
        if let (Some(i), Some(at)) = (at_doc, current.at.as_ref()) {
            app.receive(Message::ReturnTo(i, at.clone()));
            if resumed && app.top > 0 && problems.is_empty() {
                let top = app.keymap.hint_key(Mode::Reader, Action::Top);
                let said = match top {
                    Some(key) => format!("Back where you left it · {key} for the top"),
                    None => "Back where you left it".to_string(),
                };
                app.receive(Message::said(said, false));
            }
        }
    }
    if library {
        app.receive(Message::ShowLibrary);
    }
    crate::trace::phase("session");
    // Kept even when the terminal went away (a dropped connection): where the reader was,
    // and the editions read.
    let ran = crate::term::run(&mut app, &notes, options, rest, rescue);
    crate::trace::phase("terminal restored");
    notes.save_session(&app);
    crate::trace::phase("session and editions kept");
    ran?;
    Ok(code)
}

/// With output going to a pipe or file, prints the documents' text as `less` would.
fn print_text(opened: &Opened) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    for doc in &opened.documents {
        for block in doc.blocks.iter() {
            let text = block.text();
            match &block.kind {
                BlockKind::Heading(level) => {
                    writeln!(out, "{} {text}\n", "#".repeat(usize::from(*level)))?
                }
                BlockKind::ListItem { marker, .. } => writeln!(out, "{marker} {text}\n")?,
                _ => writeln!(out, "{text}\n")?,
            }
        }
    }
    Ok(())
}

/// Starts the reader on two editions: the new one at once, its redline once they are
/// compared (in the background). Whether they differ in substance.
pub fn start_redline(
    cli: &Cli,
    options: OpenOptions,
    rescue: &crate::crash::Rescue,
    (old, new): (crate::doc::Document, crate::doc::Document),
    name: String,
    strict: bool,
) -> anyhow::Result<bool> {
    let user_keymap = keymap::user_keymap_path();
    let (keymap, keymap_errors) = keymap::load(cli.keymap.as_deref(), user_keymap.as_deref());
    let (notes, _) = Notes::open(cli.data_dir.as_deref());
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::new(crate::effects::start(vec![new.clone()]), keymap, size);
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    app.export_mode = cli.export_mode;
    if let Some(outline) = notes.last_outline() {
        app.receive(Message::Outline(outline));
    }
    let said = match keymap_errors.first() {
        Some(e) => Message::said(
            format!("keymap not used: {e}; run brief keymap check"),
            true,
        ),
        None => Message::said(format!("Comparing with {}…", old.name), false),
    };
    app.receive(said);
    app.to_compare = Some(Box::new(crate::app::redline::ToCompare {
        old,
        new,
        name,
        strict,
    }));
    crate::term::run(&mut app, &notes, options, Vec::new(), rescue)?;
    Ok(app
        .redline
        .as_ref()
        .is_some_and(|r| r.comparison.summary().substance() > 0))
}
