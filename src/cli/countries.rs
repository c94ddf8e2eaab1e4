//! `brief countries`: the table of places the documents name, or every mention of one.

use std::io::Write;

use anyhow::bail;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::lines_listed::is_paged;
use super::source_lines::SourceLines;
use crate::doc::Document;
use crate::index::countries::{Countries, Mention};
use crate::index::countries::{CountryOrder, CountryRow, snippet};
use crate::index::gazetteer::{Gazetteer, PlaceKind, Via};

/// The groups of the table, in the order printed.
const GROUPS: [(PlaceKind, &str); 3] = [
    (PlaceKind::Country, "Countries"),
    (PlaceKind::Region, "Regions"),
    (PlaceKind::Organisation, "Organisations"),
];

#[derive(Serialize)]
struct Table {
    countries: Vec<PlaceRow>,
    regions: Vec<PlaceRow>,
    organisations: Vec<PlaceRow>,
    ambiguous: Vec<AmbiguousRow>,
}

/// A place with its counts and, as people and documents have them, every mention.
#[derive(Serialize)]
struct PlaceRow {
    #[serde(flatten)]
    counts: CountryRow,
    mentions: Vec<MentionRow>,
}

#[derive(Serialize)]
struct AmbiguousRow {
    document: String,
    line: usize,
    text: String,
    candidates: Vec<String>,
}

#[derive(Serialize)]
struct MentionRow {
    document: String,
    section: String,
    line: usize,
    text: String,
    via: Via,
    snippet: String,
}

/// Prints the table, or with `country` every mention of that place.
pub fn print(
    docs: &[Document],
    country: Option<&str>,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let gazetteer = Gazetteer::bundled();
    let countries = Countries::build(docs, gazetteer);
    crate::trace::phase("countries found");
    let lines = SourceLines::read(docs);
    match country {
        Some(query) => {
            let Some(place) = find_place(gazetteer, query) else {
                bail!(
                    "no country, region or organisation called '{query}'; use an ISO code (KG) or a name (Kyrgyzstan, 吉尔吉斯斯坦)"
                );
            };
            let rows: Vec<MentionRow> = countries
                .of(place)
                .map(|m| mention_row(docs, &lines, m))
                .collect();
            if json {
                serde_json::to_writer_pretty(&mut *out, &rows)?;
                writeln!(out)?;
                return Ok(());
            }
            let p = &gazetteer.places[place];
            writeln!(
                out,
                "{} · {} · {}: {} mention{}",
                p.code,
                p.en,
                p.zh,
                rows.len(),
                if rows.len() == 1 { "" } else { "s" }
            )?;
            for r in rows {
                let via = if r.via == Via::City {
                    "  (via city)"
                } else {
                    ""
                };
                // A PDF's places are its pages.
                let at = match is_paged(docs, &r.document) {
                    true => format!("p. {}", r.line),
                    false => r.line.to_string(),
                };
                writeln!(
                    out,
                    "{at:>5}  {} › {}{via}\n       {}",
                    r.document, r.section, r.snippet
                )?;
            }
        }
        None => {
            let table = |kind| {
                countries
                    .table(docs, gazetteer, kind, CountryOrder::Mentions)
                    .into_iter()
                    .map(|counts| PlaceRow {
                        mentions: match json {
                            true => countries
                                .of(counts.place)
                                .map(|m| mention_row(docs, &lines, m))
                                .collect(),
                            false => Vec::new(),
                        },
                        counts,
                    })
                    .collect()
            };
            let ambiguous: Vec<AmbiguousRow> = countries
                .ambiguous
                .iter()
                .map(|a| {
                    let doc = &docs[a.doc];
                    let block = &doc.blocks[a.block.0];
                    AmbiguousRow {
                        document: doc.name.clone(),
                        line: block.line,
                        text: block.text()[a.range.clone()].to_string(),
                        candidates: a
                            .candidates
                            .iter()
                            .map(|&c| gazetteer.places[c].en.clone())
                            .collect(),
                    }
                })
                .collect();
            let result = Table {
                countries: table(PlaceKind::Country),
                regions: table(PlaceKind::Region),
                organisations: table(PlaceKind::Organisation),
                ambiguous,
            };
            if json {
                serde_json::to_writer_pretty(&mut *out, &result)?;
                writeln!(out)?;
                return Ok(());
            }
            print_table(&result, out)?;
        }
    }
    Ok(())
}

fn print_table(table: &Table, out: &mut impl Write) -> anyhow::Result<()> {
    if table.countries.is_empty()
        && table.regions.is_empty()
        && table.organisations.is_empty()
        && table.ambiguous.is_empty()
    {
        writeln!(out, "No countries named")?;
        return Ok(());
    }
    for ((_, title), rows) in
        GROUPS
            .iter()
            .zip([&table.countries, &table.regions, &table.organisations])
    {
        if rows.is_empty() {
            continue;
        }
        let rows: Vec<&CountryRow> = rows.iter().map(|r| &r.counts).collect();
        let name_width = rows
            .iter()
            .map(|r| r.name.width())
            .max()
            .unwrap_or(0)
            .max(4);
        let english_width = rows
            .iter()
            .map(|r| r.english.width())
            .max()
            .unwrap_or(0)
            .max(7);
        writeln!(out, "{title}")?;
        writeln!(
            out,
            "  {}  {}  code   mentions  sections",
            pad("name", name_width),
            pad("english", english_width)
        )?;
        for r in &rows {
            let city = if r.via_city > 0 {
                format!("  ({} via city)", r.via_city)
            } else {
                String::new()
            };
            writeln!(
                out,
                "  {}  {}  {:<5}  {:>8}  {:>8}{city}",
                pad(&r.name, name_width),
                pad(&r.english, english_width),
                r.code,
                r.mentions,
                r.sections
            )?;
        }
        writeln!(out)?;
    }
    if !table.ambiguous.is_empty() {
        writeln!(out, "Ambiguous (not counted)")?;
        for a in &table.ambiguous {
            writeln!(
                out,
                "  {:>5}  {}  {} or {}",
                a.line,
                a.text,
                a.candidates[..a.candidates.len() - 1].join(", "),
                a.candidates[a.candidates.len() - 1]
            )?;
        }
    }
    Ok(())
}

fn mention_row(docs: &[Document], lines: &SourceLines, m: &Mention) -> MentionRow {
    let doc = &docs[m.doc()];
    let block = &doc.blocks[m.block().0];
    let text = block.text();
    let (snip, _) = snippet(text, m.range(), 60);
    MentionRow {
        document: doc.name.clone(),
        section: m
            .section()
            .map(|s| doc.blocks[s.0].text().to_string())
            .unwrap_or_else(|| doc.title()),
        line: lines.line(docs, m.doc(), m.block(), m.range()),
        text: text[m.range()].to_string(),
        via: m.via(),
        snippet: snip,
    }
}

/// A place by ISO code or by any of its usual names.
/// A path named that is no file but a place (`brief countries FILE KG`): the user meant
/// `--country`.
pub fn place_named_as_a_path(paths: &[std::path::PathBuf]) -> Option<String> {
    paths.iter().find_map(|p| {
        let name = p.to_str()?;
        (!p.exists() && find_place(Gazetteer::bundled(), name).is_some()).then(|| name.to_string())
    })
}

fn find_place(gazetteer: &Gazetteer, query: &str) -> Option<usize> {
    gazetteer.by_code(query).or_else(|| {
        let q = query.trim().to_lowercase();
        gazetteer
            .places
            .iter()
            .position(|p| [&p.en, &p.zh, &p.ru].iter().any(|n| n.to_lowercase() == q))
    })
}

/// Pads to a display width (CJK characters are two columns).
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}
