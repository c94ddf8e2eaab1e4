//! `brief diff OLD NEW`: what changed between two editions, as a redline in the reader or
//! printed (`--format text|md|json`). Exit status as `diff`'s: 0 the same in substance, 1
//! different, 2 trouble.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::compare::compare;
use crate::compare::report::{self, Names};
use crate::doc::Document;
use crate::doc::on_every_core::both;
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

/// Together, editions smaller than this are opened one after the other.
const BYTES_FOR_TWO_CORES: u64 = 512 * 1024;

/// Opens two editions, one on each core when they are long.
fn editions(old: &Path, new: &Path, options: OpenOptions) -> Result<(Document, Document), String> {
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let worth_it = size(old) + size(new) >= BYTES_FOR_TWO_CORES;
    let (a, b) = both(worth_it, || edition(old, options), || edition(new, options));
    Ok((a?, b?))
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
    let (old_doc, new_doc) = match editions(old, new, options) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("brief: {e}");
            return Ok(ExitCode::from(2));
        }
    };
    let printed = match printed {
        Some(p) => p,
        None if std::io::stdout().is_terminal() => {
            // The new edition shows at once; the redline takes its place when compared.
            let name = format!("{} → {}", file_name(old), file_name(new));
            let differ = super::reader::start_redline(
                cli,
                options,
                rescue,
                (old_doc, new_doc),
                name,
                strict,
            )?;
            return Ok(ExitCode::from(u8::from(differ)));
        }
        None => Printed::Text,
    };
    crate::trace::phase("editions opened");
    let comparison = compare(&old_doc, &new_doc);
    crate::trace::phase("compared");
    for line in comparison.cautions(&old_doc, &new_doc) {
        eprintln!("brief: {line}");
    }
    let differ = ExitCode::from(u8::from(comparison.summary().substance() > 0));
    let names = Names {
        old: &old.display().to_string(),
        new: &new.display().to_string(),
    };
    let c = &comparison;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match printed {
        Printed::Text => report::text(c, &names, strict, &mut out)?,
        Printed::Markdown => report::markdown(c, &names, strict, &mut out)?,
        Printed::Json => report::json(c, &names, strict, &mut out)?,
    }
    out.flush()?;
    crate::trace::phase("printed");
    // The process ends here: freeing two editions and their comparison piece by piece
    // would only delay it.
    std::mem::forget((comparison, old_doc, new_doc));
    Ok(differ)
}

/// A path's file name, for the redline's title.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().to_string(),
    )
}
