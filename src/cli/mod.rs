//! The command line: clap definitions, the reader's start-up, and the commands that print
//! instead of opening the reader (`outline`, `countries`, `find`, `export`, `notes`, `keymap`).

mod countries;
mod find;
mod notes;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Args, Parser, Subcommand};
use serde::Serialize;

use crate::app::App;
use crate::doc::load::encoding_for_name;
use crate::doc::open::{OpenOptions, Opened, list, open_paths};
use crate::doc::{BlockKind, Format, ParseOptions};
use crate::effects::Notes;
use crate::index::outline::{Outline, OutlineNode};
use crate::keymap::{self, Keymap, PRESETS};

/// A terminal reader for briefing documents: outlines by section, fast reading over SSH.
#[derive(Debug, Parser)]
#[command(name = "brief", version, subcommand_precedence_over_arg = true)]
pub struct Cli {
    /// Briefings to open: Markdown or text files, or folders (default: the bundled briefing)
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub open: OpenArgs,
    /// Keymap: default, vim, emacs, or the path of a keymap file
    #[arg(long, value_name = "NAME|PATH")]
    pub keymap: Option<String>,
    /// Reopen the documents of the last session, where you were
    #[arg(long, conflicts_with = "paths")]
    pub recent: bool,
    /// Start in the Library view: the documents with date, size, bookmarks and notes
    #[arg(long)]
    pub library: bool,
    /// Where bookmarks and notes are kept (default: $BRIEF_DATA_DIR, else ~/.local/share/brief)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Permissions of exported briefing notes, in octal (default 600: only you can read them)
    #[arg(long, global = true, value_name = "OCTAL", value_parser = parse_mode, default_value = "600")]
    pub export_mode: u32,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// How briefings are read.
#[derive(Debug, Args, Clone)]
pub struct OpenArgs {
    /// Decode files with this encoding instead of detecting it (utf-8, gbk, gb18030, big5, windows-1251...)
    #[arg(long, global = true, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Show the text as written: do not rejoin paragraphs split by page breaks
    #[arg(long, global = true)]
    pub raw: bool,
    /// Read files as this format whatever their name or content says (md, text, html)
    #[arg(long, global = true, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<Format>,
    /// Read a web page's whole body, not only the article found in it
    #[arg(long, global = true)]
    pub whole_page: bool,
}

/// A format named on the command line.
fn parse_format(name: &str) -> Result<Format, String> {
    match name.to_ascii_lowercase().as_str() {
        "md" | "markdown" => Ok(Format::Markdown),
        "text" | "txt" | "plain" => Ok(Format::Plain),
        "html" | "htm" | "web" => Ok(Format::Html),
        other => Err(format!(
            "`{other}` is not a format brief reads; use md, text or html"
        )),
    }
}

/// Commands that print and exit.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the section outline: one heading a line with its source line number
    Outline {
        /// Briefings (default: the bundled briefing)
        paths: Vec<PathBuf>,
        /// Print JSON instead of an indented tree
        #[arg(long)]
        json: bool,
    },
    /// Print the countries, regions and organisations the briefings name, with mentions and sections
    Countries {
        /// Briefings (default: the bundled briefing)
        paths: Vec<PathBuf>,
        /// List every mention of one country: an ISO code (KG) or a name (Kyrgyzstan, 吉尔吉斯斯坦)
        #[arg(long, value_name = "CODE|NAME")]
        country: Option<String>,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Print the passages that best match a fuzzy query (pinyin works: zjw finds 中吉乌)
    Find {
        /// What to look for; `#` before it for headings only, `@` for countries
        query: String,
        /// Briefings (default: the bundled briefing)
        paths: Vec<PathBuf>,
        /// How many matches to print
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Write the briefing note (bookmarks and notes as Markdown) to a file or stdout
    Export {
        /// Briefings (default: the bundled briefing)
        paths: Vec<PathBuf>,
        /// The file to write (default: stdout)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List bookmarks and notes: of the briefings named, or of every document that has any
    Notes {
        /// Briefings (default: every document with bookmarks or notes, most recent first)
        paths: Vec<PathBuf>,
        /// Every document with bookmarks or notes, even when briefings are named
        #[arg(long)]
        all: bool,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Check or show keymaps
    Keymap {
        #[command(subcommand)]
        command: KeymapCommand,
    },
}

/// `brief keymap ...`
#[derive(Debug, Subcommand)]
pub enum KeymapCommand {
    /// Check a keymap file (default: your own, ~/.config/brief/keymap.toml on Linux); exits 1 on errors
    Check {
        /// The keymap file
        path: Option<PathBuf>,
    },
    /// Print a keymap as TOML: a preset (default, vim, emacs) or, with no name, the one in use
    Show {
        /// A preset name
        name: Option<String>,
    },
}

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
            if std::env::var_os("RUST_BACKTRACE").is_some() {
                eprintln!("brief: {e:?}");
            } else {
                eprintln!("brief: {e:#}");
            }
            ExitCode::from(1)
        }
    }
}

/// File permissions given in octal (`600`, `0644`).
fn parse_mode(text: &str) -> Result<u32, String> {
    u32::from_str_radix(text.trim_start_matches("0o"), 8)
        .ok()
        .filter(|m| *m <= 0o777)
        .ok_or_else(|| format!("'{text}' is not a file mode: give it in octal, such as 600 or 644"))
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
    let options = open_options(&cli.open)?;
    match cli.command {
        None => read(&cli, options, &rescue),
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
        Some(Command::Outline { paths, json }) => outline(&paths, options, json),
        Some(Command::Countries {
            paths,
            country,
            json,
        }) => {
            let opened = open_or_fail(&paths, options)?;
            countries::print(
                &opened.documents,
                country.as_deref(),
                json,
                &mut std::io::stdout().lock(),
            )?;
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
            KeymapCommand::Check { path } => keymap_check(path),
            KeymapCommand::Show { name } => keymap_show(name.as_deref().or(cli.keymap.as_deref())),
        },
    }
}

fn open_options(args: &OpenArgs) -> anyhow::Result<OpenOptions> {
    let encoding = args
        .encoding
        .as_deref()
        .map(encoding_for_name)
        .transpose()?;
    Ok(OpenOptions {
        encoding,
        format: args.format,
        parse: ParseOptions {
            repair: !args.raw,
            whole_page: args.whole_page,
            ..Default::default()
        },
    })
}

/// Opens the paths, printing each failure to stderr; fails when nothing opened.
fn open_or_fail(paths: &[PathBuf], options: OpenOptions) -> anyhow::Result<Opened> {
    let opened = open_paths(paths, options);
    for e in &opened.errors {
        eprintln!("brief: {e}");
    }
    if opened.documents.is_empty() {
        bail!("nothing to read; name a Markdown, text or HTML file, or a folder of them");
    }
    Ok(opened)
}

fn read(
    cli: &Cli,
    options: OpenOptions,
    rescue: &crate::crash::Rescue,
) -> anyhow::Result<ExitCode> {
    let (paths, keymap_choice, data_dir) =
        (&cli.paths, cli.keymap.as_deref(), cli.data_dir.as_deref());
    let (recent, library, export_mode) = (cli.recent, cli.library, cli.export_mode);
    let user_keymap = keymap::user_keymap_path();
    let (keymap, keymap_errors) = keymap::load(keymap_choice, user_keymap.as_deref());
    let terminal = std::io::stdout().is_terminal();
    // Printing to a pipe needs no notes: the database is not touched.
    let (mut notes, problem) = if terminal || recent {
        Notes::open(data_dir)
    } else {
        (Notes::closed(), None)
    };
    let last = if recent {
        notes.last_session()
    } else {
        Vec::new()
    };
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
    // it now for --recent, which returns to a place in one of them).
    let (opened, rest) = if recent {
        (open_or_fail(&paths, options)?, Vec::new())
    } else {
        first_and_rest(&paths, options)?
    };
    let code = exit_code(&opened);
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::new(opened.documents, keymap, size);
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    app.export_mode = export_mode;
    let problems: Vec<String> = match keymap_errors.first() {
        Some(first) => vec![format!("keymap not used: {first}; run brief keymap check")]
            .into_iter()
            .chain(keymap_errors.iter().skip(1).map(ToString::to_string))
            .collect(),
        None => opened
            .errors
            .iter()
            .map(ToString::to_string)
            .chain(problem)
            .collect(),
    };
    if let Some(first) = problems.first() {
        let more = match problems.len() - 1 {
            0 => String::new(),
            n => format!(" (+{n} more)"),
        };
        app.notify(format!("{first}{more}"), true);
    }
    if recent {
        match last.iter().find(|r| r.current) {
            Some(current) => {
                // By the path it was read from (its key may be that of an earlier name).
                let at_doc = app
                    .docs
                    .iter()
                    .position(|d| d.path.as_ref().map(|p| p.display().to_string()) == current.path);
                if let (Some(i), Some(at)) = (at_doc, current.at.as_ref()) {
                    app.return_to(i, at);
                }
            }
            None if app.message.is_none() => app.notify(
                "No earlier session yet: this is the bundled briefing",
                false,
            ),
            None => {}
        }
    }
    if library {
        app.open_library();
    }
    crate::term::run(&mut app, &notes, options, rest, rescue)?;
    notes.save_session(&app);
    Ok(code)
}

/// Opens the first briefing that opens; the files after it are left to read in the
/// background. Failures are printed to stderr too; with nothing readable, an error.
fn first_and_rest(
    paths: &[PathBuf],
    options: OpenOptions,
) -> anyhow::Result<(Opened, Vec<(PathBuf, String)>)> {
    if paths.is_empty() {
        return Ok((open_paths(paths, options), Vec::new()));
    }
    let listing = list(paths);
    let mut opened = Opened {
        errors: listing.errors,
        ..Opened::default()
    };
    let mut files = listing.files.into_iter();
    for (path, name) in files.by_ref() {
        match crate::doc::open::open_file(&path, name, options) {
            Ok(doc) => {
                opened.documents.push(doc);
                break;
            }
            Err(e) => opened.errors.push(e),
        }
    }
    for e in &opened.errors {
        eprintln!("brief: {e}");
    }
    if opened.documents.is_empty() {
        bail!("nothing to read; name a Markdown, text or HTML file, or a folder of them");
    }
    Ok((opened, files.collect()))
}

/// The exit code for what was opened. The documents are not dropped one allocation at a
/// time: the process is about to end, and freeing a large library block by block takes
/// longer than reading it.
fn finish(opened: Opened) -> ExitCode {
    let code = exit_code(&opened);
    std::mem::forget(opened);
    code
}

fn exit_code(opened: &Opened) -> ExitCode {
    if opened.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
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

/// One document's outline, for `brief outline --json`.
#[derive(Serialize)]
struct DocumentOutline<'a> {
    document: &'a str,
    path: Option<String>,
    encoding: &'a str,
    /// The format it was read as (`markdown`, `plain`).
    format: Format,
    title: String,
    headings: Vec<OutlineNode>,
}

fn outline(paths: &[PathBuf], options: OpenOptions, json: bool) -> anyhow::Result<ExitCode> {
    let opened = open_or_fail(paths, options)?;
    let docs = &opened.documents;
    let outline = Outline::build(docs);
    let mut out = std::io::stdout().lock();
    if json {
        let list: Vec<DocumentOutline> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| DocumentOutline {
                document: &d.name,
                path: d.path.as_ref().map(|p| p.display().to_string()),
                encoding: d.encoding,
                format: d.format,
                title: d.title(),
                headings: outline.tree(i),
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &list)?;
        writeln!(out)?;
    } else {
        for e in &outline.entries {
            let indent = "  ".repeat(e.depth);
            writeln!(out, "{:>5}  {indent}{}", e.line, e.title)?;
        }
    }
    drop(out);
    Ok(finish(opened))
}

fn keymap_check(path: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let path = match path.or_else(keymap::user_keymap_path) {
        Some(p) => p,
        None => bail!(
            "no keymap file named and no config folder found; name a file: brief keymap check FILE"
        ),
    };
    if !path.exists() {
        bail!(
            "{}: no such keymap file; create it or name another",
            path.display()
        );
    }
    match keymap::read_file(&path) {
        Ok(_) => {
            println!("{}: ok", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            Ok(ExitCode::from(1))
        }
    }
}

fn keymap_show(choice: Option<&str>) -> anyhow::Result<ExitCode> {
    let keymap = match choice {
        Some(name) if PRESETS.iter().any(|(n, _)| *n == name) => {
            Keymap::preset(name).context("a bundled keymap does not parse")?
        }
        Some(name) if !std::path::Path::new(name).exists() => {
            let names: Vec<&str> = PRESETS.iter().map(|(n, _)| *n).collect();
            bail!(
                "no keymap named '{name}'; presets: {}, or give a file path",
                names.join(", ")
            );
        }
        _ => {
            let user = keymap::user_keymap_path();
            let (keymap, errors) = keymap::load(choice, user.as_deref());
            for e in &errors {
                eprintln!("brief: {e}");
            }
            keymap
        }
    };
    print!("{}", keymap.to_toml());
    Ok(ExitCode::SUCCESS)
}
