//! The command line's grammar: the clap definitions of `brief`'s options and commands, and
//! the parsers of the values they take.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::doc::Format;

/// A terminal reader for briefing documents: outlines by section, fast reading over SSH.
#[derive(Debug, Parser)]
#[command(name = "brief", version, subcommand_precedence_over_arg = true)]
pub struct Cli {
    /// Briefings to open: Markdown or text files, or folders (default: the bundled briefing)
    pub paths: Vec<PathBuf>,
    /// How the briefings are read (`--format`, `--whole-page`).
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
    /// Forget the edition last read of the briefings named (what changed is then not said)
    #[arg(long, requires = "paths", conflicts_with_all = ["recent", "library"])]
    pub forget: bool,
    /// Where bookmarks and notes are kept (default: $BRIEF_DATA_DIR, else ~/.local/share/brief)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Permissions of exported briefing notes, in octal (default 600: only you can read them)
    #[arg(long, global = true, value_name = "OCTAL", value_parser = parse_mode, default_value = "600")]
    pub export_mode: u32,
    /// A command that prints instead of opening the reader.
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
    /// Read files as this format whatever their name or content says (md, text, html); for `brief diff`, print the changes this way (text, md, json)
    #[arg(long, global = true, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Read a web page's whole body, not only the article found in it
    #[arg(long, global = true)]
    pub whole_page: bool,
}

/// A format named on the command line.
pub fn parse_format(name: &str) -> Result<Format, String> {
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
    /// Print the people the briefings name, with their office and country
    People {
        /// Briefings (default: the bundled briefing)
        paths: Vec<PathBuf>,
        /// Print JSON instead of a list
        #[arg(long)]
        json: bool,
    },
    /// Print the treaties, declarations, programmes and laws the briefings cite, by kind
    Documents {
        /// Briefings (default: the bundled briefing)
        paths: Vec<PathBuf>,
        /// Print JSON instead of a list
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
    /// Show what changed between two editions: the redline in the reader, or printed with --format text|md|json (exit 1 when they differ in substance)
    Diff {
        /// The old edition
        old: PathBuf,
        /// The new edition
        new: PathBuf,
        /// Show formatting-only changes too (spacing, punctuation width, quotes, emphasis)
        #[arg(long)]
        strict: bool,
    },
    /// Check or show keymaps
    Keymap {
        /// What to do with keymaps.
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

/// File permissions given in octal (`600`, `0644`).
fn parse_mode(text: &str) -> Result<u32, String> {
    u32::from_str_radix(text.trim_start_matches("0o"), 8)
        .ok()
        .filter(|m| *m <= 0o777)
        .ok_or_else(|| format!("'{text}' is not a file mode: give it in octal, such as 600 or 644"))
}
