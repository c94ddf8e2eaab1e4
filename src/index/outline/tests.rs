//! The section outline: its tree, its entries in document order, and what is looked up in it.

use super::*;

use crate::doc::markdown as doc;

#[test]
fn a_breadcrumb_runs_from_the_outer_heading_to_the_section() {
    let law = doc(
        "law.md",
        "# 对外贸易法\n\n## 第一章 总则\n\n### 第一节 范围\n\n第一条 正文。\n\n## 第二章 经营者\n\n第九条 正文。\n",
    );
    let outline = Outline::build(std::slice::from_ref(&law));
    let at = |needle: &str| {
        BlockId(
            law.blocks
                .iter()
                .position(|b| b.text().contains(needle))
                .unwrap(),
        )
    };
    assert_eq!(
        outline.breadcrumb(0, at("第一条")).as_deref(),
        Some("第一章 总则 › 第一节 范围")
    );
    assert_eq!(
        outline.breadcrumb(0, at("第九条")).as_deref(),
        Some("第二章 经营者")
    );
    let flat = doc("f.md", "## A\n\ntext\n\n## B\n\nmore\n");
    let outline = Outline::build(std::slice::from_ref(&flat));
    assert_eq!(outline.breadcrumb(0, BlockId(3)).as_deref(), Some("B"));
}

#[test]
fn levels_nest_and_skip_gracefully() {
    let d = doc(
        "a.md",
        "# T\n\n## A\n\n### A1\n\n## B\n\n#### deep\n\n## C\n",
    );
    let o = Outline::build(&[d]);
    let shape: Vec<(usize, &str)> = o
        .entries
        .iter()
        .map(|e| (e.depth, e.title.as_str()))
        .collect();
    assert_eq!(
        shape,
        vec![
            (0, "T"),
            (1, "A"),
            (2, "A1"),
            (1, "B"),
            (2, "deep"),
            (1, "C")
        ]
    );
    assert_eq!(o.entries[4].parent, Some(3));
    assert!(o.entries[0].has_children && !o.entries[5].has_children);
}

#[test]
fn no_h1_document_starts_at_depth_zero() {
    let o = Outline::build(&[doc(
        "sco.md",
        "intro\n\n## Origins\n\n### Five\n\n## Members\n",
    )]);
    let shape: Vec<usize> = o.entries.iter().map(|e| e.depth).collect();
    assert_eq!(shape, vec![0, 1, 0]);
}

#[test]
fn several_documents_get_document_nodes() {
    let o = Outline::build(&[doc("a.md", "# A\n"), doc("b.md", "no headings\n")]);
    let shape: Vec<(usize, &str)> = o
        .entries
        .iter()
        .map(|e| (e.depth, e.title.as_str()))
        .collect();
    assert_eq!(shape, vec![(0, "a.md"), (1, "A"), (0, "b.md")]);
}

#[test]
fn document_without_headings_is_one_node() {
    let o = Outline::build(&[doc("plain.md", "just text\n")]);
    assert_eq!(o.entries.len(), 1);
    assert_eq!(o.entries[0].title, "plain.md");
}

#[test]
fn position_maps_to_the_section_it_is_in() {
    let d = doc("a.md", "# T\n\nx\n\n## A\n\ny\n\n## B\n\nz\n");
    let o = Outline::build(&[d]);
    assert_eq!(o.entry_at(0, BlockId(0)), Some(0));
    assert_eq!(o.entry_at(0, BlockId(3)), Some(1));
    assert_eq!(o.entry_at(0, BlockId(5)), Some(2));
    let crumbs: Vec<&str> = o.path_to(2).iter().map(|e| e.title.as_str()).collect();
    assert_eq!(crumbs, vec!["T", "B"]);
}

#[test]
fn tree_nests_headings() {
    let o = Outline::build(&[doc("a.md", "# T\n\n## A\n\n### A1\n\n## B\n")]);
    let tree = o.tree(0);
    assert_eq!(tree.len(), 1);
    assert_eq!(tree[0].children.len(), 2);
    assert_eq!(tree[0].children[0].children[0].title, "A1");
}
