//! The outline pane: folding, selecting, scrolling, and the rows shown kept as they change.

use super::*;
use crate::doc::{Document, Format, ParseOptions};

fn outline() -> Outline {
    let doc = Document::parse(
        "t.md",
        None,
        "UTF-8",
        "# T\n\n## A\n\n### A1\n\n### A2\n\n## B\n",
        Format::Markdown,
        ParseOptions::default(),
    );
    Outline::build(&[doc])
}

#[test]
fn folding_hides_children_and_keeps_selection_visible() {
    let o = outline();
    let mut p = OutlinePane::default();
    assert_eq!(*p.visible(&o), [0, 1, 2, 3, 4]);
    p.selected = 1;
    p.toggle_fold(&o);
    assert_eq!(*p.visible(&o), [0, 1, 4]);
    p.select(&o, 3);
    assert_eq!(p.selected, 1, "A2 is folded under A");
    p.fold_all(&o);
    assert_eq!(*p.visible(&o), [0]);
    assert_eq!(p.selected, 0);
    p.unfold_all();
    assert_eq!(p.visible(&o).len(), 5);
}

#[test]
fn the_rows_shown_follow_every_change_of_the_folds_the_filter_and_the_outline() {
    let mut o = outline();
    let mut p = OutlinePane {
        selected: 1,
        ..Default::default()
    };
    assert_eq!(*p.visible(&o), [0, 1, 2, 3, 4]);
    p.fold(&o);
    assert_eq!(*p.visible(&o), [0, 1, 4]);
    p.unfold();
    assert_eq!(*p.visible(&o), [0, 1, 2, 3, 4]);
    p.set_only(Some([0, 4].into()));
    assert_eq!(*p.visible(&o), [0, 4]);
    p.set_only(None);
    p.fold_all(&o);
    assert_eq!(*p.visible(&o), [0]);
    p.unfold_all();
    assert_eq!(p.visible(&o).len(), 5);
    let added = o.push(Some(4), o.entries[4].clone());
    assert_eq!(*p.visible(&o), [0, 1, 2, 3, 4, added]);
    let mut rows = Outline::default();
    rows.push(None, o.entries[2].clone());
    let n = o.insert_children(2, rows);
    p.shift_after(2, n);
    assert_eq!(*p.visible(&o), [0, 1, 2, 3, 4, 5, 6]);
    p.selected = 1;
    p.fold(&o);
    assert_eq!(*p.visible(&o), [0, 1, 5, 6]);
    let other = outline();
    assert_eq!(
        *p.visible(&other),
        [0, 1, 4],
        "another outline, the same folds"
    );
}

#[test]
fn fold_on_a_leaf_goes_to_the_parent() {
    let o = outline();
    let mut p = OutlinePane {
        selected: 3,
        ..Default::default()
    };
    p.fold(&o);
    assert_eq!(p.selected, 1);
    p.fold(&o);
    assert!(p.is_folded(1));
}

#[test]
fn moving_skips_hidden_rows_and_stops_at_the_ends() {
    let o = outline();
    let mut p = OutlinePane::default();
    p.fold_at(1);
    p.move_by(&o, 1);
    assert_eq!(p.selected, 1);
    p.move_by(&o, 1);
    assert_eq!(p.selected, 4);
    p.move_by(&o, 10);
    assert_eq!(p.selected, 4);
    p.move_by(&o, -10);
    assert_eq!(p.selected, 0);
}

#[test]
fn an_entry_folded_away_or_filtered_out_stands_under_the_row_that_holds_it() {
    let o = outline();
    let mut p = OutlinePane::default();
    assert_eq!(p.row_for(&o, 3), Some(3));
    p.fold_at(1);
    assert_eq!(p.row_for(&o, 3), Some(1), "A2 in folded A");
    p.fold_at(0);
    assert_eq!(p.row_for(&o, 3), Some(0), "the outermost fold");
    p.unfold_all();
    p.set_only(Some([0, 4].into()));
    assert_eq!(p.row_for(&o, 3), Some(0), "the section the filter keeps");
    assert_eq!(p.row_for(&o, 4), Some(4));
}

#[test]
fn scrolling_follows_the_selection() {
    let o = outline();
    let mut p = OutlinePane {
        selected: 4,
        ..Default::default()
    };
    p.keep_selection_visible(&o, 2);
    assert_eq!(p.offset, 3);
    p.selected = 0;
    p.keep_selection_visible(&o, 2);
    assert_eq!(p.offset, 0);
}

#[test]
fn a_filter_that_leaves_the_selection_out_selects_a_row_it_keeps() {
    let o = outline();
    let mut p = OutlinePane {
        selected: 2,
        ..Default::default()
    };
    p.set_only(Some([0, 1, 3].into()));
    p.select_shown_near(&o, Some(2));
    assert_eq!(p.selected, 1, "A holds A1, which the filter left out");
    p.set_only(Some([4].into()));
    p.select_shown_near(&o, Some(2));
    assert_eq!(p.selected, 4, "nothing above A1 kept: the next row kept");
    p.set_only(Some([0, 1].into()));
    p.select_shown_near(&o, Some(4));
    assert_eq!(p.selected, 0, "T holds B");
    p.selected = 4;
    p.set_only(Some([1, 2].into()));
    p.select_shown_near(&o, Some(4));
    assert_eq!(
        p.selected, 2,
        "nothing kept above, at or after B: the last row"
    );
    p.set_only(None);
    p.selected = 3;
    p.select_shown_near(&o, Some(0));
    assert_eq!(p.selected, 3, "a selection shown is left alone");
}

#[test]
fn a_section_whose_subsections_are_all_filtered_out_has_none_to_unfold() {
    let o = outline();
    let mut p = OutlinePane::default();
    assert!(p.has_shown_children(&o, 0) && p.has_shown_children(&o, 1));
    assert!(!p.has_shown_children(&o, 4), "B has no subsections");
    p.set_only(Some([0, 4].into()));
    assert!(p.has_shown_children(&o, 0), "B is kept under T");
    assert!(!p.has_shown_children(&o, 1), "A1 and A2 are left out");
    p.set_only(Some([0, 1, 3].into()));
    assert!(p.has_shown_children(&o, 1), "A2 is kept");
}

#[test]
fn selecting_an_entry_a_filter_leaves_out_selects_the_row_that_holds_it() {
    let o = outline();
    let mut p = OutlinePane::default();
    p.set_only(Some([0, 4].into()));
    p.select(&o, 2);
    assert_eq!(p.selected, 0, "A1 stands under T");
    p.select(&o, 4);
    assert_eq!(p.selected, 4);
}
