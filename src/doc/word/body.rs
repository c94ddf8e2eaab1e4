//! A Word document's text (`word/document.xml`, and its footnotes and endnotes): its
//! paragraphs and table rows in order, each with the runs' bold and italic, its links and
//! the notes it refers to. What a reader never sees as current text is left out: deleted
//! and moved-away text of tracked changes, field codes (`PAGE`, `HYPERLINK "…"`), hidden
//! text, the typed table of contents, and the fallback copy of a drawing's text.

use std::collections::HashMap;

use super::styles::Styles;
use crate::doc::xml::{Step, Tag, walk};
use crate::doc::{BlockKind, Draft, SpanStyle};

/// A paragraph as the document has it, before its kind is decided.
#[derive(Debug)]
pub struct Paragraph {
    /// Its text, styles and links (a plain paragraph so far).
    pub draft: Draft,
    /// Its paragraph style's id.
    pub style: Option<String>,
    /// An outline level set on the paragraph itself (0 is level 1).
    pub outline: Option<u8>,
    /// The list it is numbered in, and its level there.
    pub numbering: Option<(String, u8)>,
    /// Centred on the page.
    pub centered: bool,
    /// The notes it refers to: `true` for an endnote, and the note's id.
    pub notes: Vec<(bool, String)>,
}

/// A piece of the text in reading order.
#[derive(Debug)]
pub enum Piece {
    /// A paragraph.
    Paragraph(Paragraph),
    /// A row of a table, its cells' texts.
    Row {
        /// The row's cells, each with its text and styles.
        cells: Vec<Draft>,
        /// The first row of its table, or a row marked to repeat as a header.
        header: bool,
    },
}

/// How the walk labels note references: footnotes `1`, `2`…, endnotes `i`, `ii`…
#[derive(Debug, Default)]
pub struct NoteLabels {
    /// The label of each note referred to, by (endnote, id).
    pub labels: HashMap<(bool, String), String>,
    footnotes: u32,
    endnotes: u32,
}

impl NoteLabels {
    fn label(&mut self, endnote: bool, id: &str) -> String {
        let key = (endnote, id.to_string());
        if let Some(l) = self.labels.get(&key) {
            return l.clone();
        }
        let label = if endnote {
            self.endnotes += 1;
            super::styles::roman_lower(self.endnotes)
        } else {
            self.footnotes += 1;
            self.footnotes.to_string()
        };
        self.labels.insert(key, label.clone());
        label
    }
}

/// A field being read (`PAGE`, `HYPERLINK "…"`, `TOC \o`): its code, then its result.
#[derive(Debug, Default)]
struct Field {
    code: String,
    in_result: bool,
    link: Option<(usize, String)>,
}

impl Field {
    fn is_contents(&self) -> bool {
        let code = self.code.trim_start();
        code.starts_with("TOC") || code.starts_with("INDEX")
    }
}

/// A table being read.
#[derive(Debug, Default)]
struct Table {
    row: Vec<Draft>,
    header: bool,
    rows: usize,
}

/// What the walk of one part has found.
#[derive(Debug, Default)]
pub struct Walked {
    /// The pieces of the text (of the body; empty for a notes part).
    pub pieces: Vec<Piece>,
    /// Each note's paragraphs, by (endnote, id) (a notes part only).
    pub notes: HashMap<(bool, String), Vec<Draft>>,
}

/// Walks a part's XML: `links` gives a relationship id's target.
pub fn read(
    xml: &str,
    styles: &Styles,
    links: &HashMap<String, String>,
    labels: &mut NoteLabels,
) -> Result<Walked, String> {
    let mut w = Walker {
        styles,
        links,
        labels,
        out: Walked::default(),
        paragraphs: Vec::new(),
        tables: Vec::new(),
        hidden: 0,
        changes: 0,
        contents: Vec::new(),
        fields: Vec::new(),
        in_text: false,
        in_run: false,
        in_paragraph_props: false,
        in_run_props: false,
        run: RunStyle::default(),
        hyperlinks: Vec::new(),
        note: None,
    };
    walk(xml, |step| match step {
        Step::Open(tag) => w.open(tag),
        Step::Close(name) => w.close(name),
        Step::Text(text) => w.text(text),
    })?;
    Ok(w.out)
}

/// A run's own properties (`w:rPr`), over its style's.
#[derive(Debug, Default, Clone)]
struct RunStyle {
    bold: Option<bool>,
    italic: Option<bool>,
    strike: Option<bool>,
    style: Option<String>,
    vanish: bool,
}

struct Walker<'a> {
    styles: &'a Styles,
    links: &'a HashMap<String, String>,
    labels: &'a mut NoteLabels,
    out: Walked,
    /// Paragraphs open (a text box's paragraph opens inside another).
    paragraphs: Vec<Paragraph>,
    tables: Vec<Table>,
    /// Inside deleted, moved-away or fallback content: text never shown.
    hidden: usize,
    /// Inside the record of a property change: the old properties, not the current.
    changes: usize,
    /// For each content control open, whether it holds a table of contents.
    contents: Vec<bool>,
    fields: Vec<Field>,
    in_text: bool,
    in_run: bool,
    in_paragraph_props: bool,
    in_run_props: bool,
    run: RunStyle,
    /// Hyperlinks open: where each started in its paragraph, and its target.
    hyperlinks: Vec<Option<(usize, String)>>,
    /// The note being read, in a notes part.
    note: Option<(bool, String)>,
}

impl Walker<'_> {
    fn open(&mut self, tag: &Tag) {
        let name = tag.name.as_str();
        match name {
            "del" | "moveFrom" | "Fallback" | "delText" | "delInstrText" => {
                self.hidden += 1;
                return;
            }
            "rPrChange" | "pPrChange" | "sectPrChange" | "tblPrChange" | "trPrChange"
            | "tcPrChange" | "numberingChange" => {
                self.changes += 1;
                return;
            }
            _ if self.changes > 0 => return,
            _ => {}
        }
        match name {
            "footnote" | "endnote" => {
                let separator = tag.attr("type").is_some_and(|t| t != "normal");
                self.note = tag
                    .attr("id")
                    .filter(|_| !separator)
                    .map(|id| (name == "endnote", id.to_string()));
                if separator {
                    self.hidden += 1;
                }
            }
            "p" => self.paragraphs.push(Paragraph {
                draft: Draft::new(BlockKind::Paragraph, 0),
                style: None,
                outline: None,
                numbering: None,
                centered: false,
                notes: Vec::new(),
            }),
            "pPr" => self.in_paragraph_props = true,
            "rPr" => self.in_run_props = true,
            "r" => {
                self.in_run = true;
                self.run = RunStyle::default();
            }
            "t" => self.in_text = true,
            "instrText" => self.in_text = true,
            "tab" if self.in_run => self.push("\t"),
            // A page or column break is layout; a line break is a new line.
            "br" | "cr" if self.in_run && tag.attr("type").is_none_or(|t| t == "textWrapping") => {
                self.push("\n");
            }
            "noBreakHyphen" if self.in_run => self.push("-"),
            "footnoteReference" | "endnoteReference" => {
                let endnote = name == "endnoteReference";
                if let Some(id) = tag.attr("id") {
                    let label = self.labels.label(endnote, id);
                    if self.visible()
                        && let Some(p) = self.paragraphs.last_mut()
                    {
                        let start = p.draft.text().len();
                        p.draft
                            .push_text(&format!("[{label}]"), SpanStyle::default());
                        p.draft.add_link(start, &format!("^{label}"));
                        p.notes.push((endnote, id.to_string()));
                    }
                }
            }
            "hyperlink" => {
                let target = tag
                    .attr("id")
                    .and_then(|id| self.links.get(id).cloned())
                    .or_else(|| tag.attr("anchor").map(|a| format!("#{a}")));
                let start = self.paragraphs.last().map_or(0, |p| p.draft.text().len());
                self.hyperlinks.push(target.map(|t| (start, t)));
            }
            "fldChar" => match tag.attr("fldCharType") {
                Some("begin") => self.fields.push(Field::default()),
                Some("separate") => {
                    let start = self.paragraphs.last().map_or(0, |p| p.draft.text().len());
                    if let Some(f) = self.fields.last_mut() {
                        f.in_result = true;
                        f.link = link_of_code(&f.code).map(|t| (start, t));
                    }
                }
                Some("end") => self.end_field(),
                _ => {}
            },
            "fldSimple" => {
                let start = self.paragraphs.last().map_or(0, |p| p.draft.text().len());
                let code = tag.attr("instr").unwrap_or_default().to_string();
                let link = link_of_code(&code).map(|t| (start, t));
                self.fields.push(Field {
                    code,
                    in_result: true,
                    link,
                });
            }
            "sdt" => self.contents.push(false),
            "docPartGallery" => {
                if tag
                    .attr("val")
                    .is_some_and(|v| v.contains("Table of Contents"))
                    && let Some(c) = self.contents.last_mut()
                {
                    *c = true;
                }
            }
            "tbl" => self.tables.push(Table::default()),
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row.clear();
                    t.header = t.rows == 0;
                }
            }
            "tblHeader" if tag.is_on() => {
                if let Some(t) = self.tables.last_mut() {
                    t.header = true;
                }
            }
            "tc" if self.tables.len() == 1 => {
                if let Some(t) = self.tables.last_mut() {
                    t.row.push(Draft::new(BlockKind::Paragraph, 0));
                }
            }
            _ if self.in_paragraph_props && !self.in_run_props => self.paragraph_property(tag),
            _ if self.in_run_props && self.in_run => self.run_property(tag),
            _ => {}
        }
    }

    fn paragraph_property(&mut self, tag: &Tag) {
        let Some(p) = self.paragraphs.last_mut() else {
            return;
        };
        match tag.name.as_str() {
            "pStyle" => p.style = tag.attr("val").map(str::to_string),
            "outlineLvl" => p.outline = tag.attr("val").and_then(|v| v.parse().ok()),
            "jc" => p.centered = tag.attr("val") == Some("center"),
            "numId" => {
                let level = p.numbering.as_ref().map_or(0, |n| n.1);
                p.numbering = Some((tag.attr("val").unwrap_or_default().to_string(), level));
            }
            "ilvl" => {
                let level = tag.attr("val").and_then(|v| v.parse().ok()).unwrap_or(0);
                let id = p.numbering.take().map(|n| n.0).unwrap_or_default();
                p.numbering = Some((id, level));
            }
            _ => {}
        }
    }

    fn run_property(&mut self, tag: &Tag) {
        match tag.name.as_str() {
            "b" => self.run.bold = Some(tag.is_on()),
            "i" => self.run.italic = Some(tag.is_on()),
            "strike" | "dstrike" => self.run.strike = Some(tag.is_on()),
            "rStyle" => self.run.style = tag.attr("val").map(str::to_string),
            "vanish" => self.run.vanish = tag.is_on(),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "del" | "moveFrom" | "Fallback" | "delText" | "delInstrText" => {
                self.hidden = self.hidden.saturating_sub(1);
                return;
            }
            "rPrChange" | "pPrChange" | "sectPrChange" | "tblPrChange" | "trPrChange"
            | "tcPrChange" | "numberingChange" => {
                self.changes = self.changes.saturating_sub(1);
                return;
            }
            _ if self.changes > 0 => return,
            _ => {}
        }
        match name {
            "footnote" | "endnote" => self.close_note(),
            "p" => self.close_paragraph(),
            "pPr" => self.in_paragraph_props = false,
            "rPr" => self.in_run_props = false,
            "r" => self.in_run = false,
            "t" | "instrText" => self.in_text = false,
            "hyperlink" => {
                if let Some(Some((start, target))) = self.hyperlinks.pop()
                    && let Some(p) = self.paragraphs.last_mut()
                {
                    p.draft.add_link(start, &target);
                }
            }
            "fldSimple" => self.end_field(),
            "sdt" => {
                self.contents.pop();
            }
            "tc" if self.tables.len() == 1 => {
                if let Some(cell) = self.tables.last_mut().and_then(|t| t.row.last_mut()) {
                    cell.trim_end();
                }
            }
            "tr" if self.tables.len() == 1 => {
                if let Some(t) = self.tables.last_mut() {
                    let cells = std::mem::take(&mut t.row);
                    if cells.iter().any(|c| !c.text().trim().is_empty()) {
                        self.out.pieces.push(Piece::Row {
                            cells,
                            header: t.header,
                        });
                        t.rows += 1;
                    }
                }
            }
            "tbl" => {
                self.tables.pop();
            }
            _ => {}
        }
    }

    /// A note ends; a separator note's text was hidden.
    fn close_note(&mut self) {
        if self.note.take().is_none() {
            self.hidden = self.hidden.saturating_sub(1);
        }
    }

    fn end_field(&mut self) {
        if let Some(field) = self.fields.pop()
            && let Some((start, target)) = field.link
            && let Some(p) = self.paragraphs.last_mut()
        {
            p.draft.add_link(start, &target);
        }
    }

    /// Whether text here is current text a reader sees.
    fn visible(&self) -> bool {
        self.hidden == 0
            && !self.contents.contains(&true)
            && self.fields.iter().all(|f| f.in_result && !f.is_contents())
    }

    fn text(&mut self, text: &str) {
        if self.in_text && self.in_run {
            if let Some(f) = self.fields.last_mut()
                && !f.in_result
            {
                f.code.push_str(text);
                return;
            }
            self.push(text);
        }
    }

    /// Adds text of the current run to the paragraph open.
    fn push(&mut self, text: &str) {
        if !self.visible() || self.run.vanish {
            return;
        }
        let Some(p) = self.paragraphs.last_mut() else {
            return;
        };
        let (style_bold, style_italic) = p
            .style
            .as_deref()
            .map_or((false, false), |s| self.styles.emphasis(s));
        let (char_bold, char_italic) = self
            .run
            .style
            .as_deref()
            .map_or((false, false), |s| self.styles.emphasis(s));
        let style = SpanStyle {
            bold: self.run.bold.unwrap_or(char_bold || style_bold),
            italic: self.run.italic.unwrap_or(char_italic || style_italic),
            strike: self.run.strike.unwrap_or(false),
            link: !self.hyperlinks.is_empty() || self.fields.iter().any(|f| f.link.is_some()),
            code: false,
            ..SpanStyle::default()
        };
        // A paragraph's indent (spaces, ideographic spaces, tabs) is layout, not text.
        let text = if p.draft.text().is_empty() {
            text.trim_start_matches([' ', '\u{3000}', '\t', '\u{a0}'])
        } else {
            text
        };
        let text = text.replace('\t', " ");
        p.draft.push_text(&text, style);
    }

    fn close_paragraph(&mut self) {
        let Some(mut p) = self.paragraphs.pop() else {
            return;
        };
        p.draft.trim_end();
        let in_contents = p
            .style
            .as_deref()
            .is_some_and(|s| self.styles.is_contents(s));
        if in_contents {
            return;
        }
        if let Some(note) = self.note.clone() {
            if !p.draft.text().trim().is_empty() {
                self.out.notes.entry(note).or_default().push(p.draft);
            }
            return;
        }
        if self.tables.len() == 1 {
            if let Some(cell) = self.tables.last_mut().and_then(|t| t.row.last_mut()) {
                if !cell.text().is_empty() && !p.draft.text().is_empty() {
                    cell.push_text(" ", SpanStyle::default());
                }
                append(cell, &p.draft);
            }
            return;
        }
        let nested = self.tables.len() > 1;
        if let Some(cell) = self
            .tables
            .first_mut()
            .filter(|_| nested)
            .and_then(|t| t.row.last_mut())
        {
            // A table inside a cell: its text joins the outer cell's.
            if !cell.text().is_empty() && !p.draft.text().is_empty() {
                cell.push_text(" ", SpanStyle::default());
            }
            append(cell, &p.draft);
            return;
        }
        // A paragraph with no text (spacing, an image) is nothing to read; a numbered one
        // is kept so the list counts it.
        if !p.draft.text().trim().is_empty() || p.numbering.is_some() {
            self.out.pieces.push(Piece::Paragraph(p));
        }
    }
}

/// Appends a draft's text and styles (its links left behind: a cell holds text only).
fn append(to: &mut Draft, from: &Draft) {
    for span in from.spans() {
        to.push_text(span.text, span.style);
    }
}

/// The target of a `HYPERLINK "url"` field code (`\l "anchor"` for a place in the document).
fn link_of_code(code: &str) -> Option<String> {
    let rest = code.trim_start().strip_prefix("HYPERLINK")?;
    let anchor = rest.contains("\\l");
    let quoted = rest.split('"').nth(1)?.to_string();
    Some(if anchor { format!("#{quoted}") } else { quoted })
}
