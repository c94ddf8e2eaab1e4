//! `brief diff OLD NEW`: what changed between two editions, as a redline in the reader or
//! printed (`--format text|md|json`). Exit status as `diff`'s: 0 the same in substance, 1
//! different, 2 trouble.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::app::redline::Redline;
use crate::compare::report::{self, Names};
use crate::compare::{Comparison, compare};
use crate::doc::Document;
use crate::doc::open::{OpenOptions, open_file};

/// How the changes are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Printed {
    /// Text with `[-deleted-]{+inserted+}` marks.
    Text,
    /// A Markdown redline.
    Markdown,
    /// One JSON object.
    Json,
}

/// The way of printing a `--format` names.
pub fn printed(name: &str) -> Result<Printed, String> {
    match name.to_ascii_lowercase().as_str() {
        "text" | "txt" => Ok(Printed::Text),
        "md" | "markdown" => Ok(Printed::Markdown),
        "json" => Ok(Printed::Json),
        other => Err(format!(
            "`{other}` is not a way brief diff prints changes; use text, md or json"
        )),
    }
}

/// Two editions opened for comparing, with what a reader should be told about them.
pub struct Editions {
    /// The old edition.
    pub old: Document,
    /// The new edition.
    pub new: Document,
    /// The comparison.
    pub comparison: Comparison,
    /// What to say first: the editions are the same, share little, were too long.
    pub said: Vec<String>,
}

/// Opens one edition; an error names the file and what to do.
fn edition(path: &Path, options: OpenOptions) -> Result<Document, String> {
    if path.is_dir() {
        return Err(format!(
            "{}: is a folder; name two files, the old edition and the new",
            path.display()
        ));
    }
    open_file(path, path.display().to_string(), options).map_err(|e| e.to_string())
}

/// Opens and compares two editions.
pub fn editions(old: &Path, new: &Path, options: OpenOptions) -> Result<Editions, String> {
    // Read at once, one on each core.
    let (old_doc, new_doc) = std::thread::scope(|s| {
        let first = s.spawn(|| edition(old, options));
        let second = edition(new, options);
        (
            first.join().unwrap_or_else(|_| edition(old, options)),
            second,
        )
    });
    let (old_doc, new_doc) = (old_doc?, new_doc?);
    let comparison = compare(&old_doc, &new_doc);
    let mut said = Vec::new();
    for (doc, path) in [(&old_doc, old), (&new_doc, new)] {
        if doc.blocks.iter().all(|b| b.text().trim().is_empty()) {
            said.push(format!(
                "{} is empty: everything in the other edition counts as changed",
                path.display()
            ));
        }
    }
    if comparison.identical {
        said.push("the two editions are the same".to_string());
    } else if comparison.common < 0.3 && said.is_empty() {
        said.push(format!(
            "the editions share little: {:.0}% of paragraphs in common; are they editions of one document?",
            comparison.common * 100.0
        ));
    }
    if comparison.too_long > 0 {
        said.push(format!(
            "{} passage{} too long to compare word by word: shown deleted and inserted whole",
            comparison.too_long,
            if comparison.too_long == 1 {
                " was"
            } else {
                "s were"
            }
        ));
    }
    Ok(Editions {
        old: old_doc,
        new: new_doc,
        comparison,
        said,
    })
}

/// Carries out `brief diff`: prints the changes, or opens the redline in the reader when
/// output goes to a terminal and no `--format` is named.
pub fn run(
    cli: &super::Cli,
    (old, new): (&Path, &Path),
    strict: bool,
    options: OpenOptions,
    rescue: &crate::crash::Rescue,
) -> anyhow::Result<ExitCode> {
    let format = cli.open.format.as_deref();
    let printed = match format.map(printed).transpose() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("brief: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let editions = match editions(old, new, options) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("brief: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let differ = ExitCode::from(u8::from(editions.comparison.summary().substance() > 0));
    let printed = match printed {
        Some(p) => p,
        None if std::io::stdout().is_terminal() => {
            let name = format!("{} → {}", file_name(old), file_name(new));
            let mut redline = Redline::new(editions.old, editions.new, editions.comparison, name);
            redline.shape.strict = strict;
            super::reader::start_redline(cli, options, rescue, redline, &editions.said)?;
            return Ok(differ);
        }
        None => Printed::Text,
    };
    for line in &editions.said {
        eprintln!("brief: {line}");
    }
    let names = Names {
        old: &old.display().to_string(),
        new: &new.display().to_string(),
    };
    let c = &editions.comparison;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match printed {
        Printed::Text => report::text(c, &names, strict, &mut out)?,
        Printed::Markdown => report::markdown(c, &names, strict, &mut out)?,
        Printed::Json => report::json(c, &names, strict, &mut out)?,
    }
    out.flush()?;
    Ok(differ)
}

/// A path's file name, for the redline's title.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().to_string(),
    )
}
