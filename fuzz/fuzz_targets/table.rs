//! Table layout: any rows of cells (Markdown pipe table) at any width, in the reader and in
//! the table view, never panic, never draw a line wider than the pane, and keep every
//! table line's column separators where the first line has them.
#![no_main]

use brief::app::layout::{Layout, LineRole};
use brief::app::table_view::TableView;
use brief::doc::{Document, Format, ParseOptions};
use libfuzzer_sys::fuzz_target;
use unicode_width::UnicodeWidthStr;

fuzz_target!(|input: (u8, &str)| {
    let (width, text) = input;
    let width = u16::from(width).max(4);
    let doc = Document::parse("t.md", None, "UTF-8", text, Format::Markdown, ParseOptions::default());
    let layout = Layout::new(&doc, width);
    for line in &layout.lines {
        if !matches!(line.role(), LineRole::Table | LineRole::TableRule) {
            continue;
        }
        let block = &doc.blocks[line.block().0];
        let drawn: String = layout.pieces(line, block).iter().map(|p| &*p.text).collect();
        assert!(drawn.width() <= usize::from(width), "{drawn}");
    }
    for table in &layout.tables {
        let (natural, _) = brief::app::table::measure(&doc.blocks[table.rows.clone()]);
        for left in [0, 1, natural.len().saturating_sub(1)] {
            let view = TableView {
                doc: 0,
                rows: table.rows.clone(),
                header_rows: table.header_rows,
                natural: natural.clone(),
                left,
                top: 0,
            };
            let (shown, widths) = view.shown(usize::from(width));
            assert_eq!(shown.len(), widths.len());
            assert!(!shown.is_empty() || natural.is_empty());
        }
    }
});
