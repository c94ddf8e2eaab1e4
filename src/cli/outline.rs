//! `brief outline`: the section outline, one heading a line with its source line number, or
//! as JSON.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::open::{finish, open_or_fail};
use crate::doc::Format;
use crate::doc::open::OpenOptions;
use crate::index::outline::{Outline, OutlineNode};

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

/// Prints the outline of the briefings at `paths`: an indented tree, or with `json` JSON.
pub fn print(paths: &[PathBuf], options: OpenOptions, json: bool) -> anyhow::Result<ExitCode> {
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
