//! The command line: `brief`'s entry point, and the carrying out of a parsed command line,
//! either the reader's start-up or one of the commands that print instead of opening the
//! reader (`outline`, `countries`, `people`, `documents`, `find`, `export`, `notes`, `keymap`).

mod args;
mod countries;
mod diff;
mod documents;
mod find;
mod forget;
mod keymap;
mod lines_listed;
mod notes;
mod open;
mod outline;
mod people;
mod reader;
mod source_lines;

use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command, KeymapCommand, OpenArgs};
use open::{finish, open_options, open_or_fail};

/// Runs `brief` with the process's arguments and returns its exit code: 0 ok, 1 runtime
/// error, 2 usage error.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    crate::trace::phase("command line");
    // Options may come before a command (`brief --data-dir D notes`), files may not.
    if let (Some(first), Some(_)) = (cli.paths.first(), &cli.command) {
        eprintln!(
            "brief: {} comes before the command; name the files after it (brief outline FILE)",
            first.display()
        );
        return ExitCode::from(2);
    }
    match run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Not `eprintln!`, which panics when the terminal has hung up.
            use std::io::Write;
            let mut err = std::io::stderr();
            let _ = if std::env::var_os("RUST_BACKTRACE").is_some() {
                writeln!(err, "brief: {e:?}")
            } else {
                writeln!(err, "brief: {e:#}")
            };
            ExitCode::from(1)
        }
    }
}

/// Output cut short by a closed pipe (`brief outline | head`) is not an error, whether the
/// write failed directly or inside the JSON writer.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    let broken = Some(std::io::ErrorKind::BrokenPipe);
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().map(std::io::Error::kind) == broken
            || c.downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == broken
    })
}

/// Carries out a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let rescue = crate::crash::install(crate::store::data_dir(cli.data_dir.as_deref()));
    // For `brief diff`, `--format` names how changes are printed, not how files are read.
    let read_as = match &cli.command {
        Some(Command::Diff { .. }) => OpenArgs {
            format: None,
            ..cli.open.clone()
        },
        _ => cli.open.clone(),
    };
    if let Some(Err(e)) = read_as.format.as_deref().map(args::parse_format) {
        eprintln!("brief: {e}");
        return Ok(ExitCode::from(2));
    }
    let options = open_options(&read_as)?;
    match cli.command {
        Some(Command::Diff {
            ref old,
            ref new,
            strict,
        }) => diff::run(&cli, (old, new), strict, options, &rescue),
        None if cli.forget => forget::forget(&cli.paths, cli.data_dir.as_deref(), options),
        None => reader::start(&cli, options, &rescue),
        Some(Command::Export { paths, output }) => {
            let opened = open_or_fail(&paths, options)?;
            notes::export(
                &opened.documents,
                cli.data_dir.as_deref(),
                output.as_deref(),
                cli.export_mode,
            )?;
            Ok(finish(opened))
        }
        Some(Command::Notes { paths, all, json }) => {
            let all = all || paths.is_empty();
            let opened = if all {
                crate::doc::open::Opened::default()
            } else {
                open_or_fail(&paths, options)?
            };
            notes::print(
                &opened.documents,
                all,
                cli.data_dir.as_deref(),
                options,
                json,
                &mut std::io::stdout().lock(),
            )?;
            Ok(finish(opened))
        }
        Some(Command::Outline { paths, json }) => outline::print(&paths, options, json),
        Some(Command::Countries {
            paths,
            country,
            json,
        }) => {
            if country.is_none()
                && let Some(code) = place_not_a_file(&paths)
            {
                return Ok(code);
            }
            let opened = open_or_fail(&paths, options)?;
            crate::trace::phase("documents opened");
            countries::print(
                &opened.documents,
                country.as_deref(),
                json,
                &mut std::io::stdout().lock(),
            )?;
            Ok(finish(opened))
        }
        Some(Command::People { paths, json }) => {
            if let Some(code) = place_not_a_file(&paths) {
                return Ok(code);
            }
            let opened = open_or_fail(&paths, options)?;
            crate::trace::phase("documents opened");
            people::print(&opened.documents, json, &mut std::io::stdout().lock())?;
            Ok(finish(opened))
        }
        Some(Command::Documents { paths, json }) => {
            if let Some(code) = place_not_a_file(&paths) {
                return Ok(code);
            }
            let opened = open_or_fail(&paths, options)?;
            crate::trace::phase("documents opened");
            documents::print(&opened.documents, json, &mut std::io::stdout().lock())?;
            Ok(finish(opened))
        }
        Some(Command::Find {
            query,
            paths,
            limit,
            json,
        }) => {
            let opened = open_or_fail(&paths, options)?;
            let found = find::print(
                &opened.documents,
                &query,
                limit,
                json,
                &mut std::io::stdout().lock(),
            )?;
            if found == 0 {
                // As grep: nothing found is said on stderr, with status 1.
                eprintln!("brief: nothing matches “{query}”");
                std::mem::forget(opened);
                return Ok(ExitCode::from(1));
            }
            Ok(finish(opened))
        }
        Some(Command::Keymap { command }) => match command {
            KeymapCommand::Check { path } => keymap::check(path),
            KeymapCommand::Show { name } => keymap::show(name.as_deref().or(cli.keymap.as_deref())),
        },
    }
}

/// A country named where a file goes (`brief countries FILE KG`): says the `--country` form is
/// meant, and gives the usage error's exit code, before anything is printed.
fn place_not_a_file(paths: &[std::path::PathBuf]) -> Option<ExitCode> {
    let place = countries::place_named_as_a_path(paths)?;
    eprintln!(
        "brief: {place} is not a file; to list its mentions: brief countries FILE --country {place}"
    );
    Some(ExitCode::from(2))
}
