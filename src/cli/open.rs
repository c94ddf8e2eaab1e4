//! Opening the briefings named on the command line: the options they are read with, the
//! failures printed to stderr, and the exit code what opened leads to.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;

use super::OpenArgs;
use crate::doc::ParseOptions;
use crate::doc::load::encoding_for_name;
use crate::doc::open::{OpenOptions, Opened, list, open_paths};

/// How the options on the command line say briefings are read.
pub fn open_options(args: &OpenArgs) -> anyhow::Result<OpenOptions> {
    let encoding = args
        .encoding
        .as_deref()
        .map(encoding_for_name)
        .transpose()?;
    Ok(OpenOptions {
        encoding,
        format: args
            .format
            .as_deref()
            .map(super::args::parse_format)
            .transpose()
            .map_err(anyhow::Error::msg)?,
        parse: ParseOptions {
            repair: !args.raw,
            whole_page: args.whole_page,
            ..Default::default()
        },
    })
}

/// Opens the paths, printing each failure to stderr; fails when nothing opened.
pub fn open_or_fail(paths: &[PathBuf], options: OpenOptions) -> anyhow::Result<Opened> {
    said(open_paths(paths, options))
}

/// Prints each failure to stderr; fails when nothing opened.
fn said(opened: Opened) -> anyhow::Result<Opened> {
    for e in &opened.errors {
        eprintln!("brief: {e}");
    }
    for (path, damage) in damaged(&opened) {
        eprintln!("brief: {path}: {damage}; the rest is shown");
    }
    if opened.documents.is_empty() {
        bail!(
            "nothing to read; name a Markdown, text, web page, Word, PDF or EPUB file, or a folder of them"
        );
    }
    Ok(opened)
}

/// Opens the first briefing that opens; the files after it are left to read in the
/// background. Failures are printed to stderr too; with nothing readable, an error.
pub fn first_and_rest(
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
        // Of a long Markdown file, the first part shows at once; the whole follows.
        if options.parse.first_pages.is_some()
            && let Some(doc) =
                crate::doc::first_part::open(&path, &name, options.format, options.parse)
        {
            opened.documents.push(doc);
            break;
        }
        match crate::doc::open::open_file(&path, name, options) {
            Ok(doc) => {
                opened.documents.push(doc);
                break;
            }
            Err(e) => opened.errors.push(e),
        }
    }
    Ok((said(opened)?, files.collect()))
}

/// The documents that opened with part of them unreadable: each one's path and what.
pub fn damaged(opened: &Opened) -> impl Iterator<Item = (String, &str)> {
    opened.documents.iter().filter_map(|d| {
        let path = d
            .path
            .as_ref()
            .map_or(d.name.clone(), |p| p.display().to_string());
        d.damage.as_deref().map(|damage| (path, damage))
    })
}

/// The exit code for what was opened. The documents are not dropped one allocation at a
/// time: the process is about to end, and freeing a large library block by block takes
/// longer than reading it.
pub fn finish(opened: Opened) -> ExitCode {
    let code = exit_code(&opened);
    std::mem::forget(opened);
    code
}

/// The exit code for what was opened: 1 when any briefing failed to open.
pub fn exit_code(opened: &Opened) -> ExitCode {
    if opened.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
