use super::*;

fn doc(text: &str) -> Document {
    crate::doc::markdown("a.md", text)
}

const ORIGINAL: &str = "# 联合公报\n\n双方同意推进中吉乌铁路建设，加强互联互通，扩大贸易规模。\n\n各方支持上海合作组织框架内的安全合作，共同打击恐怖主义。\n\n会议在友好气氛中举行，双方回顾了两国关系发展历程。\n";

fn with(d: &Document, needle: &str) -> BlockId {
    BlockId(
        d.blocks
            .iter()
            .position(|b| b.text().contains(needle))
            .unwrap(),
    )
}

#[test]
fn fingerprints_fold_full_width_punctuation_and_case() {
    // Stored anchors depend on this: it must not follow changes to the palette's folding.
    assert_eq!(fingerprint("中方，ＳＣＯ！"), fingerprint("中方,sco!"));
    assert_eq!(fingerprint("a b\nc"), fingerprint("abc"));
    assert_ne!(fingerprint("中方"), fingerprint("乌方"));
}

#[test]
fn an_anchor_keeps_its_section_and_neighbours() {
    let d = doc(ORIGINAL);
    let a = Anchor::of(&d, with(&d, "安全合作"), None);
    assert_eq!(a.section, "联合公报");
    assert_eq!(a.before, fingerprint(d.blocks[1].text()));
    assert_eq!(a.after, fingerprint(d.blocks[3].text()));
    assert!(a.paragraph.is_empty(), "the quote is the paragraph");
    let narrowed = Anchor::of(&d, with(&d, "安全合作"), Some("共同打击恐怖主义。"));
    assert_eq!(narrowed.quote, "共同打击恐怖主义。");
    assert!(narrowed.paragraph.starts_with("各方支持"));
}

#[test]
fn the_same_text_is_found_where_it_moved() {
    let before = doc(ORIGINAL);
    let anchor = Anchor::of(&before, with(&before, "铁路"), None);
    let after = doc(&ORIGINAL.replace("# 联合公报\n\n", "# 联合公报\n\n新增的一段导语。\n\n"));
    assert_eq!(anchor.place(&after), Placement::Same(with(&after, "铁路")));
    let rewrapped = doc(&ORIGINAL.replace("推进中吉乌", "推进\n中吉乌"));
    assert_eq!(
        anchor.place(&rewrapped),
        Placement::Same(with(&rewrapped, "铁路"))
    );
}

#[test]
fn an_amended_paragraph_is_found_and_said_to_have_changed() {
    let before = doc(ORIGINAL);
    let anchor = Anchor::of(&before, with(&before, "铁路"), None);
    let after = doc(&ORIGINAL.replace("双方同意推进", "双方一致同意加快推进"));
    assert_eq!(
        anchor.place(&after),
        Placement::Changed(with(&after, "铁路"))
    );
}

#[test]
fn a_narrowed_quote_whose_sentences_are_untouched_is_the_same() {
    let text = "# T\n\nFirst sentence here about trade. The railway will be built by 2030 with Chinese loans. Last one on the budget.\n\nOther text entirely about fisheries and oceans.\n";
    let before = doc(text);
    let quote = "The railway will be built by 2030 with Chinese loans.";
    let anchor = Anchor::of(&before, BlockId(1), Some(quote));
    let after = doc(&text.replace(
        "First sentence here about trade.",
        "A new opening on trade.",
    ));
    assert_eq!(anchor.place(&after), Placement::Same(BlockId(1)));
    let amended = doc(&text.replace("by 2030", "by 2032"));
    assert_eq!(anchor.place(&amended), Placement::Changed(BlockId(1)));
    assert_eq!(
        anchor.wording_in(&amended, BlockId(1)),
        "The railway will be built by 2032 with Chinese loans."
    );
}

#[test]
fn a_deleted_paragraph_leaves_the_anchor_detached() {
    let before = doc(ORIGINAL);
    let anchor = Anchor::of(&before, with(&before, "铁路"), None);
    let after = doc(&ORIGINAL.replace(
        "双方同意推进中吉乌铁路建设，加强互联互通，扩大贸易规模。\n\n",
        "",
    ));
    assert_eq!(anchor.place(&after), Placement::Detached);
}

/// Paragraphs of a communiqué: long, on different subjects, sharing the words every
/// paragraph of such a text has.
const COMMUNIQUE: &str = "# Communique\n\n\
**Preamble**\n\n\
1\\. We, the Leaders of the Group of Seven, met in Hiroshima for our annual Summit, more united than ever in our determination to meet the global challenges of this moment.\n\n\
2\\. We reiterate the importance of a free and open Indo-Pacific, which is inclusive, prosperous, secure, based on the rule of law, and that protects shared principles including sovereignty and territorial integrity. We reaffirm our support for ASEAN centrality and unity and our partnership with Pacific Island countries.\n\n\
3\\. We remain concerned that serious challenges to debt sustainability are undermining the economic prospects of many low and middle income countries, and we call on all creditors to address them.\n\n\
**Energy**\n\n\
4\\. We underline our commitment, in the context of a global effort, to accelerate the phase-out of unabated fossil fuels so as to achieve net zero in energy systems by 2050 at the latest, in line with the trajectory required to limit the global average temperature increase, and we support the importance of a free and open energy market that is inclusive, secure and based on the rule of law, with our partners in the Indo-Pacific and Pacific Island countries.\n\n\
5\\. We reaffirm that innovative initiatives including those related to clean energy technologies are important to ensure a just transition for all.\n";

/// The source line of the paragraph that starts with `start`.
fn source_of<'a>(text: &'a str, start: &str) -> &'a str {
    let from = text.find(start).unwrap();
    let to = text[from..].find("\n\n").map_or(text.len(), |n| from + n);
    &text[from..to]
}

#[test]
fn a_paragraph_rewritten_in_other_words_never_lands_on_an_unrelated_one() {
    let before = doc(COMMUNIQUE);
    let indo = with(&before, "We reiterate the importance");
    let anchor = Anchor::of(&before, indo, None);
    let old = source_of(COMMUNIQUE, "2\\. We reiterate");
    let rewritten = COMMUNIQUE.replace(
        old,
        "2\\. The Indo-Pacific region matters to all of us: we want it open and free, governed by law, respectful of sovereignty, and we back ASEAN and the Pacific Islands.",
    );
    let after = doc(&rewritten);
    let placed = anchor.place(&after);
    let right = with(&after, "The Indo-Pacific region matters");
    assert!(
        placed == Placement::Changed(right) || placed == Placement::Detached,
        "{placed:?}"
    );
    // Deleted: detached, not moved onto the energy paragraph that shares its words.
    let deleted = doc(&COMMUNIQUE.replace(old, ""));
    assert_eq!(anchor.place(&deleted), Placement::Detached);
}

#[test]
fn a_renumbered_paragraph_is_found_and_marked_changed() {
    let before = doc(COMMUNIQUE);
    let debt = with(&before, "debt sustainability");
    let anchor = Anchor::of(&before, debt, None);
    let after = doc(&COMMUNIQUE.replace("3\\. We remain", "4\\. We remain"));
    assert_eq!(anchor.place(&after), Placement::Changed(debt));
}

#[test]
fn of_two_identical_paragraphs_the_one_in_its_own_section_is_chosen() {
    let text = "# A\n\nIntro to A.\n\nThe text of the statement follows.\n\nA's statement.\n\n# B\n\nIntro to B.\n\nThe text of the statement follows.\n\nB's statement.\n";
    let before = doc(text);
    let second = BlockId(
        before
            .blocks
            .iter()
            .rposition(|b| b.text() == "The text of the statement follows.")
            .unwrap(),
    );
    let anchor = Anchor::of(&before, second, None);
    // Everything moves down: position alone would choose the first.
    let after = doc(&text.replace("# A\n\n", "# A\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\n"));
    let found = anchor.place(&after).block().unwrap();
    assert!(after.blocks[found.0 + 1].text().starts_with("B's"));
}

#[test]
fn an_empty_document_places_nothing_and_anchors_on_nothing_do_not_panic() {
    let empty = doc("");
    let anchor = Anchor::of(&doc(ORIGINAL), BlockId(1), None);
    assert_eq!(anchor.place(&empty), Placement::Detached);
    let nowhere = Anchor::of(&empty, BlockId(0), None);
    assert_eq!(nowhere.place(&doc(ORIGINAL)), Placement::Detached);
}

/// A law whose two articles end with the same list item.
const TWINS: &str = "# 法\n\n第四十五条 有下列情形之一的，应当退出现役：\n\n（一）达到服现役最高年龄的；\n\n（四）调离军队，到非军事部门工作的；\n\n第四十六条 有下列情形之一的，可以退出现役：\n\n（二）伤病残不能坚持正常工作的；\n\n（四）调离军队，到非军事部门工作的；\n\n第四十七条 其他。\n";

#[test]
fn a_note_on_one_of_two_identical_passages_follows_that_one() {
    let before = doc(TWINS);
    let copies: Vec<usize> = (0..before.blocks.len())
        .filter(|&i| before.blocks[i].text().starts_with("（四）"))
        .collect();
    let second = BlockId(copies[1]);
    let anchor = Anchor::of(&before, second, None);
    assert_eq!((anchor.copy, anchor.copies), (1, 2));
    let twin = "（四）调离军队，到非军事部门工作的；\n\n第四十六条";
    let noted = "伤病残不能坚持正常工作的；\n\n（四）调离军队，到非军事部门工作的；";

    // The other copy deleted: still this one.
    let other_gone = doc(&TWINS.replacen(twin, "第四十六条", 1));
    let found = anchor.place(&other_gone);
    let at = |d: &Document, needle: &str| {
        BlockId(
            d.blocks
                .iter()
                .rposition(|b| b.text().starts_with(needle))
                .unwrap(),
        )
    };
    assert_eq!(found, Placement::Same(at(&other_gone, "（四）")));

    // This copy deleted: detached, never put on the other one.
    let this_gone = doc(&TWINS.replace(noted, "伤病残不能坚持正常工作的；"));
    assert_eq!(anchor.place(&this_gone), Placement::Detached);

    // This copy amended: changed, on it.
    let amended = doc(&TWINS.replace(
        noted,
        "伤病残不能坚持正常工作的；\n\n（四）调离军队，到非军事部门工作或者退休的；",
    ));
    assert_eq!(
        anchor.place(&amended),
        Placement::Changed(at(&amended, "（四）"))
    );
}

/// A law's list item repeated, under another number, in another article: amending or
/// deleting one says nothing of the other.
const ARTICLES: &str = "# 民事诉讼法\n\n第一条 有下列情形之一的，中止诉讼：\n\n（一）一方当事人死亡的；\n\n（二）作为一方当事人的法人终止，尚未确定权利义务承受人的；\n\n第二条 有下列情形之一的，中止执行：\n\n（一）申请人表示可以延期执行的；\n\n（二）案外人提出异议的；\n\n（三）作为一方当事人的法人终止，尚未确定权利义务承受人的；\n\n中止的情形消失后，恢复执行。\n";

#[test]
fn a_list_item_repeated_under_another_article_is_not_its_amended_wording() {
    let before = doc(ARTICLES);
    let own = with(&before, "（三）作为");
    let anchor = Anchor::of(&before, own, None);
    let amended = doc(&ARTICLES.replace(
        "（三）作为一方当事人的法人终止，尚未确定权利义务承受人的",
        "（三）作为一方当事人的法人终止，尚未确定其权利义务的承受人的",
    ));
    assert_eq!(
        anchor.place(&amended),
        Placement::Changed(with(&amended, "（三）作为"))
    );
    let deleted = doc(&ARTICLES.replace(
        "（三）作为一方当事人的法人终止，尚未确定权利义务承受人的；\n\n",
        "",
    ));
    assert_eq!(anchor.place(&deleted), Placement::Detached);
    let other_deleted = doc(&ARTICLES.replace(
        "（二）作为一方当事人的法人终止，尚未确定权利义务承受人的；\n\n",
        "",
    ));
    assert_eq!(
        anchor.place(&other_deleted),
        Placement::Same(with(&other_deleted, "（三）作为"))
    );
}
