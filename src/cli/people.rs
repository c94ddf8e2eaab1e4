//! `brief people`: the people the briefings name, with the office and country the text gives
//! them and every place they are named; reporters in bylines apart, and the mentions of names
//! two people bear, counted for neither.

use std::io::Write;

use serde::Serialize;

use crate::doc::Document;
use crate::index::countries::snippet;
use crate::index::gazetteer::Gazetteer;
use crate::index::people::{Naming, People};

use super::lines_listed::{is_paged, lines_listed, place};
use super::source_lines::SourceLines;

#[derive(Serialize)]
struct Listing {
    people: Vec<PersonRow>,
    shared: Vec<SharedRow>,
}

#[derive(Serialize)]
struct PersonRow {
    #[serde(skip)]
    label: String,
    name: String,
    office: String,
    country: Option<String>,
    /// Named only in bylines, as a reporter.
    reporter: bool,
    /// How many times they are named.
    count: usize,
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

#[derive(Serialize)]
struct SharedRow {
    name: String,
    /// The people who bear the name, as `name — office (country)`.
    people: Vec<String>,
    mention: MentionRow,
}

fn mention(docs: &[Document], lines: &SourceLines, m: &Naming) -> MentionRow {
    let doc = &docs[m.doc];
    let block = &doc.blocks[m.block.0];
    MentionRow {
        document: doc.name.clone(),
        line: lines.line(docs, m.doc, m.block, m.range.clone()),
        with_office: m.with_office,
        snippet: snippet(block.text(), m.range.clone(), 60).0,
    }
}

/// Prints the people named, most mentioned first, as a list or as JSON.
pub fn print(docs: &[Document], json: bool, out: &mut impl Write) -> anyhow::Result<()> {
    let places = &Gazetteer::bundled().places;
    let found = People::build(docs);
    crate::trace::phase("people found");
    let lines = SourceLines::read(docs);
    let listing = Listing {
        people: found
            .persons
            .iter()
            .map(|p| PersonRow {
                label: p.label(),
                name: p.name.clone(),
                office: p.office.clone(),
                country: p.country.map(|c| places[c].code.clone()),
                reporter: p.reporter,
                count: p.mentions.len(),
                mentions: p
                    .mentions
                    .iter()
                    .map(|m| mention(docs, &lines, m))
                    .collect(),
            })
            .collect(),
        shared: found
            .shared
            .iter()
            .map(|s| SharedRow {
                name: docs[s.at.doc].blocks[s.at.block.0].text()[s.at.range.clone()].to_string(),
                people: s
                    .persons
                    .iter()
                    .map(|&p| found.persons[p].label())
                    .collect(),
                mention: mention(docs, &lines, &s.at),
            })
            .collect(),
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, &listing)?;
        writeln!(out)?;
        return Ok(());
    }
    if listing.people.is_empty() {
        writeln!(out, "No people named with an office")?;
        return Ok(());
    }
    let several = docs.len() > 1;
    for (title, reporters) in [("People", false), ("Reporters, in bylines", true)] {
        let rows: Vec<&PersonRow> = listing
            .people
            .iter()
            .filter(|r| r.reporter == reporters)
            .collect();
        if rows.is_empty() {
            continue;
        }
        writeln!(out, "{title} · {}", rows.len())?;
        for row in rows {
            let places = row.mentions.iter().map(|m| (m.document.as_str(), m.line));
            writeln!(
                out,
                "  {:>4}× {}  ({})",
                row.mentions.len(),
                row.label,
                lines_listed(places, several, |d| is_paged(docs, d))
            )?;
        }
    }
    if !listing.shared.is_empty() {
        writeln!(
            out,
            "Names two people bear, not counted · {}",
            listing.shared.len()
        )?;
        for s in &listing.shared {
            writeln!(
                out,
                "  {} ({}): {}",
                s.name,
                place(&s.mention.document, s.mention.line, several, |d| {
                    is_paged(docs, d)
                }),
                s.people.join(" or ")
            )?;
        }
    }
    Ok(())
}
