//! `brief people`: the people the briefings name, with the office and country the text gives
//! them and every place they are named.

use std::io::Write;

use serde::Serialize;

use crate::doc::Document;
use crate::index::countries::snippet;
use crate::index::gazetteer::Gazetteer;
use crate::index::people::People;

/// The lines listed for one person; `--json` gives them all.
const LINES_SHOWN: usize = 12;

#[derive(Serialize)]
struct PersonRow {
    #[serde(skip)]
    label: String,
    name: String,
    office: String,
    country: Option<String>,
    mentions: Vec<MentionRow>,
}

#[derive(Serialize)]
struct MentionRow {
    document: String,
    line: usize,
    /// Whether the office stands with the name here.
    with_office: bool,
    snippet: String,
}

/// Prints the people named, most mentioned first, as a list or as JSON.
pub fn print(docs: &[Document], json: bool, out: &mut impl Write) -> anyhow::Result<()> {
    let places = &Gazetteer::bundled().places;
    let people = People::build(docs);
    let rows: Vec<PersonRow> = people
        .persons
        .iter()
        .map(|p| PersonRow {
            label: p.label(),
            name: p.name.clone(),
            office: p.office.clone(),
            country: p.country.map(|c| places[c].code.clone()),
            mentions: p
                .mentions
                .iter()
                .map(|m| {
                    let doc = &docs[m.doc];
                    let block = &doc.blocks[m.block.0];
                    MentionRow {
                        document: doc.name.clone(),
                        line: block.line,
                        with_office: m.with_office,
                        snippet: snippet(block.text(), m.range.clone(), 60).0,
                    }
                })
                .collect(),
        })
        .collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if rows.is_empty() {
        writeln!(out, "No people named with an office")?;
        return Ok(());
    }
    for row in &rows {
        let mut lines: Vec<String> = row.mentions.iter().map(|m| m.line.to_string()).collect();
        lines.dedup();
        // A name a long document repeats would fill the screen with line numbers.
        if lines.len() > LINES_SHOWN {
            let more = lines.len() - LINES_SHOWN;
            lines.truncate(LINES_SHOWN);
            lines.push(format!("… {more} more"));
        }
        writeln!(
            out,
            "{:>4}× {}  (line {})",
            row.mentions.len(),
            row.label,
            lines.join(", ")
        )?;
    }
    if !people.shared.is_empty() {
        writeln!(
            out,
            "\n{} mentions of a name two people bear are not counted",
            people.shared.len()
        )?;
    }
    Ok(())
}
