//! A title written short that refers back to one written in full: 《关于制定…的建议》 after
//! 《中共中央关于制定…的建议》, "the Common Framework" after "the Common Framework for Debt
//! Treatments". It is that document when exactly one title the same briefing cites is it
//! written out; when several could be (《联合声明》 after two joint statements), it stays a
//! title of its own.

use super::Cited;
use super::titles::JOINS;
use crate::doc::Document;

/// Folds each short title into the one longer title it is the end of (Chinese) or the start
/// of (English) among those cited by the same document, of the same kind. An English title
/// followed by a small joining word where it is cited (the Action Plan for promoting…) was cut
/// short by the text, not written short: it is not folded.
pub(super) fn fold_short_titles(docs: &[Document], cited: &mut Vec<Cited>) {
    // The longest first: a middle-length title is folded before a shorter one looks for the
    // titles it could be.
    let mut order: Vec<usize> = (0..cited.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(cited[i].title.chars().count()));
    let mut gone = vec![false; cited.len()];
    for &short in &order {
        if cited[short].citations.iter().any(|c| runs_on(docs, c)) {
            continue;
        }
        let fuller: Vec<usize> = (0..cited.len())
            .filter(|&long| {
                long != short
                    && !gone[long]
                    && cited[long].kind == cited[short].kind
                    && shortens(&cited[short].title, &cited[long].title)
                    && cited[short]
                        .citations
                        .iter()
                        .any(|s| cited[long].citations.iter().any(|l| l.doc == s.doc))
            })
            .collect();
        if let [long] = fuller[..] {
            let moved = std::mem::take(&mut cited[short].citations);
            let citations = &mut cited[long].citations;
            citations.extend(moved);
            citations.sort_by_key(|c| (c.doc, c.block.0, c.range.start));
            gone[short] = true;
        }
    }
    let mut gone = gone.into_iter();
    cited.retain(|_| !gone.next().unwrap_or(false));
}

/// Whether the text goes on after a citation with a word that would join it to more title:
/// the Action Plan for promoting global interoperability.
fn runs_on(docs: &[Document], citation: &super::Citation) -> bool {
    let Some(block) = docs
        .get(citation.doc)
        .and_then(|d| d.blocks.get(citation.block.0))
    else {
        return false;
    };
    let after = block.text().get(citation.range.end..).unwrap_or("");
    let next = after.split_whitespace().next().unwrap_or("");
    after.starts_with(char::is_whitespace) && JOINS.contains(&next)
}

/// Whether `short` is `long` written short: the end of a Chinese title (its issuer left
/// out), or the first words of an English one.
fn shortens(short: &str, long: &str) -> bool {
    match (inner(short), inner(long)) {
        // Two characters at least: 《法》 is too short to tell.
        (Some(s), Some(l)) => s.chars().nth(1).is_some() && l.len() > s.len() && l.ends_with(s),
        (None, None) if short.starts_with("the ") => long
            .strip_prefix(short)
            .is_some_and(|rest| rest.starts_with(' ')),
        _ => false,
    }
}

/// A Chinese title without its brackets.
fn inner(title: &str) -> Option<&str> {
    title.strip_prefix('《')?.strip_suffix('》')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Block, BlockId, BlockKind};
    use crate::index::documents::{Citation, Kind};

    /// Each title cited once, in a paragraph of its own of document `doc` (of two alike),
    /// followed by `after`; what is left once folded.
    fn folded_in(titles: &[(&str, usize)], after: &str) -> Vec<(String, usize)> {
        let blocks: Vec<Block> = titles
            .iter()
            .enumerate()
            .map(|(i, (t, _))| Block::new(BlockKind::Paragraph, format!("{t}{after}"), i + 1))
            .collect();
        let docs = vec![
            Document::of_blocks("a.md", blocks.clone()),
            Document::of_blocks("b.md", blocks),
        ];
        let mut c: Vec<Cited> = titles
            .iter()
            .enumerate()
            .map(|(i, (title, doc))| Cited {
                title: title.to_string(),
                kind: Kind::Declaration,
                citations: vec![Citation {
                    doc: *doc,
                    block: BlockId(i),
                    range: 0..title.len(),
                }],
            })
            .collect();
        fold_short_titles(&docs, &mut c);
        c.into_iter()
            .map(|c| (c.title, c.citations.len()))
            .collect()
    }

    /// What is left once folded, each title followed by a comma.
    fn folded(titles: &[(&str, usize)]) -> Vec<(String, usize)> {
        folded_in(titles, ", and more")
    }

    #[test]
    fn a_short_title_is_the_one_longer_title_it_shortens() {
        assert_eq!(
            folded(&[
                (
                    "《中共中央关于制定国民经济和社会发展第十个五年计划的建议》",
                    0
                ),
                ("《关于制定国民经济和社会发展第十个五年计划的建议》", 0),
                ("《建议》", 0),
            ]),
            vec![(
                "《中共中央关于制定国民经济和社会发展第十个五年计划的建议》".into(),
                3
            )]
        );
        assert_eq!(
            folded(&[
                ("the Common Framework for Debt Treatments", 0),
                ("the Common Framework", 0),
            ]),
            vec![("the Common Framework for Debt Treatments".into(), 2)]
        );
    }

    #[test]
    fn a_short_title_several_could_be_or_another_briefing_cites_stays_apart() {
        let two = folded(&[
            ("《中日联合声明》", 0),
            ("《中华人民共和国和吉尔吉斯共和国联合声明》", 0),
            ("《联合声明》", 0),
        ]);
        assert_eq!(two.len(), 3);
        let elsewhere = folded(&[
            ("the Common Framework for Debt Treatments", 0),
            ("the Common Framework", 1),
        ]);
        assert_eq!(elsewhere.len(), 2);
        // Not a word's start: "the Paris Agreements" is not "the Paris Agreement" written short.
        let words = folded(&[("the Paris Agreements", 0), ("the Paris Agreement", 0)]);
        assert_eq!(words.len(), 2);
        // Cut short by the text, not written short: the Action Plan for promoting….
        let cut = folded_in(
            &[
                ("the Action Plan for Promoting Career Development", 0),
                ("the Action Plan", 0),
            ],
            " for promoting interoperability",
        );
        assert_eq!(cut.len(), 2);
    }
}
