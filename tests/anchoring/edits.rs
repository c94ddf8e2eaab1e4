//! New editions made from a document, each by one kind of edit a reissued briefing shows,
//! with where every edited passage went (known by construction).

use brief::doc::{Block, BlockId, BlockKind, Document};
use brief::store::anchor::anchorable;

use super::cases::{Case, Expect, Pair};
use super::numbers::renumber;
use super::reword::{Lang, Rng, filler, reword};

/// A paragraph of an edition being made: its kind, its text, and the passages of the old
/// edition it holds.
#[derive(Clone, Debug)]
pub struct Para {
    pub kind: BlockKind,
    pub text: String,
    pub from: Vec<usize>,
}

/// Whether a block is a passage a note can be on.
pub fn is_passage(b: &Block) -> bool {
    anchorable(&b.kind) && !b.text().trim().is_empty()
}

pub fn paras(doc: &Document) -> Vec<Para> {
    doc.blocks
        .iter()
        .enumerate()
        .map(|(i, b)| Para {
            kind: b.kind.clone(),
            text: b.text().to_string(),
            from: if is_passage(b) { vec![i] } else { Vec::new() },
        })
        .collect()
}

/// A document made of blocks as they are (no parsing, so an edit is exactly what it says).
pub fn document(name: &str, blocks: Vec<(BlockKind, String)>) -> Document {
    Document::of_blocks(
        name,
        blocks
            .into_iter()
            .enumerate()
            .map(|(i, (kind, text))| Block::new(kind, text, i + 1))
            .collect(),
    )
}

/// The old edition's passages an edit may touch: paragraphs with enough words to be a
/// passage of their own (a table's rule or an empty cell is not one).
fn body(doc: &Document, min_letters: usize) -> Vec<usize> {
    doc.blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| is_passage(b) && b.heading_level().is_none())
        .filter(|(_, b)| b.text().chars().filter(|c| c.is_alphabetic()).count() >= min_letters)
        .map(|(i, _)| i)
        .collect()
}

/// Picks up to `n` of `from`, spread out (no two adjacent), in order.
pub fn pick(rng: &mut Rng, from: &[usize], n: usize) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut pool = from.to_vec();
    while chosen.len() < n && !pool.is_empty() {
        let i = pool.remove(rng.below(pool.len()));
        if chosen.iter().all(|&c| c.abs_diff(i) > 1) {
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    chosen
}

/// Builds the pair: the new edition from its paragraphs, and the expectation for each of
/// the old passages `cases` (where the paragraphs holding them are).
pub fn pair(
    name: &str,
    category: &'static str,
    old: &Document,
    new: Vec<Para>,
    cases: &[usize],
    narrowed: bool,
) -> Pair {
    let doc = document(
        &format!("{name}.new"),
        new.iter()
            .map(|p| (p.kind.clone(), p.text.clone()))
            .collect(),
    );
    let cases = cases
        .iter()
        .map(|&i| {
            let holders: Vec<BlockId> = new
                .iter()
                .enumerate()
                .filter(|(_, p)| p.from.contains(&i))
                .map(|(j, _)| BlockId(j))
                .collect();
            Case {
                block: BlockId(i),
                expect: if holders.is_empty() {
                    Expect::Gone
                } else {
                    Expect::At(holders)
                },
            }
        })
        .collect();
    Pair {
        name: name.to_string(),
        category,
        old: old.clone(),
        new: doc,
        cases,
        narrowed,
    }
}

/// What the edits of a document draw on.
pub struct Material<'a> {
    pub doc: &'a Document,
    pub lang: Lang,
    /// Every passage.
    pub passages: &'a [usize],
    /// The paragraphs with enough words to be edited.
    pub long: &'a [usize],
    /// Those of them with two sentences or more.
    pub splittable: &'a [usize],
    /// How many passages an edit touches.
    pub n: usize,
}

/// How many passages an edit touches in a document of `n` passages.
fn how_many(n: usize) -> usize {
    (n / 8).clamp(3, 40)
}

/// Every kind of edition of `doc`, from the edits of one kind each.
pub fn editions(name: &str, doc: &Document, seed: u64) -> Vec<Pair> {
    let lang = Lang::of(doc);
    let passages: Vec<usize> = (0..doc.blocks.len())
        .filter(|&i| is_passage(&doc.blocks[i]))
        .collect();
    let long = body(doc, lang.min_letters());
    let n = how_many(long.len());
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();

    // Paragraphs inserted at several places: every passage is where it was, lower down.
    let mut new = paras(doc);
    for _ in 0..n {
        let at = rng.below(new.len() + 1);
        new.insert(
            at,
            Para {
                kind: BlockKind::Paragraph,
                text: filler(lang, &mut rng),
                from: Vec::new(),
            },
        );
    }
    out.push(pair(name, "insert above", doc, new, &passages, false));

    // Lines wrapped anew.
    let mut new = paras(doc);
    for p in &mut new {
        p.text = rewrap(&p.text, 7 + rng.below(30));
    }
    out.push(pair(name, "reflow", doc, new, &passages, false));

    // Paragraphs moved far.
    let moved = pick(&mut rng, &long, n);
    let mut new = paras(doc);
    for &i in moved.iter().rev() {
        let at = new.iter().position(|p| p.from == [i]).expect("still there");
        let p = new.remove(at);
        let to = (at + new.len() / 2 + rng.below(5)) % (new.len() + 1);
        new.insert(to, p);
    }
    out.push(pair(name, "move", doc, new, &moved, false));

    // Numbered paragraphs renumbered (a paragraph inserted before them).
    let numbered: Vec<usize> = passages
        .iter()
        .copied()
        .filter(|&i| renumber(doc.blocks[i].text()).is_some())
        .collect();
    if numbered.len() >= 3 {
        let mut new = paras(doc);
        for p in &mut new {
            if let Some(text) = renumber(&p.text) {
                p.text = text;
            }
        }
        out.push(pair(name, "renumber", doc, new, &numbered, false));
    }

    // Reworded: a few words, a fifth of them, two fifths of them.
    for (category, share) in [
        ("reword light", 0.05),
        ("reword medium", 0.2),
        ("reword heavy", 0.4),
    ] {
        let chosen = pick(&mut rng, &long, n);
        let mut new = paras(doc);
        for p in &mut new {
            if p.from.len() == 1 && chosen.contains(&p.from[0]) {
                p.text = reword(&p.text, share, lang, &mut rng);
            }
        }
        out.push(pair(name, category, doc, new, &chosen, false));
    }

    // A paragraph and its two neighbours all reworded: its slot is no help.
    let chosen = pick(&mut rng, &long, n / 2 + 1);
    let mut new = paras(doc);
    for p in &mut new {
        let near = p.from.len() == 1 && chosen.iter().any(|&c| c.abs_diff(p.from[0]) <= 2);
        if near {
            p.text = reword(&p.text, 0.2, lang, &mut rng);
        }
    }
    out.push(pair(
        name,
        "reword with neighbours",
        doc,
        new,
        &chosen,
        false,
    ));

    // Split at a sentence boundary: either half is the passage.
    let splittable: Vec<usize> = long
        .iter()
        .copied()
        .filter(|&i| brief::doc::sentences::sentences(doc.blocks[i].text()).len() >= 2)
        .collect();
    let chosen = pick(&mut rng, &splittable, n);
    let mut new = Vec::new();
    for p in paras(doc) {
        if p.from.len() == 1 && chosen.contains(&p.from[0]) {
            let cuts = brief::doc::sentences::sentences(&p.text);
            let at = cuts[cuts.len() / 2].start;
            let (a, b) = p.text.split_at(at);
            for half in [a, b] {
                new.push(Para {
                    text: half.trim().to_string(),
                    ..p.clone()
                });
            }
        } else {
            new.push(p);
        }
    }
    out.push(pair(name, "split", doc, new, &chosen, false));

    // Two neighbouring paragraphs merged into one.
    let mergeable: Vec<usize> = long
        .iter()
        .copied()
        .filter(|&i| long.contains(&(i + 1)))
        .collect();
    let chosen: Vec<usize> = pick(&mut rng, &mergeable, n)
        .into_iter()
        .filter(|i| !mergeable.contains(&(i + 2)) || rng.below(2) == 0)
        .collect();
    let mut new = paras(doc);
    for &i in chosen.iter().rev() {
        let at = new.iter().position(|p| p.from == [i]).expect("there");
        if new.get(at + 1).is_some_and(|p| p.from == [i + 1]) {
            let next = new.remove(at + 1);
            let joiner = if lang == Lang::Zh { "" } else { " " };
            new[at].text = format!("{}{joiner}{}", new[at].text, next.text);
            new[at].from.push(i + 1);
        }
    }
    let both: Vec<usize> = chosen.iter().flat_map(|&i| [i, i + 1]).collect();
    out.push(pair(name, "merge", doc, new, &both, false));

    // Deleted.
    let chosen = pick(&mut rng, &long, n);
    let mut new = paras(doc);
    new.retain(|p| !(p.from.len() == 1 && chosen.contains(&p.from[0])));
    out.push(pair(name, "delete", doc, new, &chosen, false));

    // Deleted, where another paragraph is much like it (a parallel paragraph, boilerplate).
    let twins = twins(doc, &long);
    let chosen: Vec<usize> = twins.into_iter().take(n).collect();
    let mut new = paras(doc);
    new.retain(|p| !(p.from.len() == 1 && chosen.contains(&p.from[0])));
    out.push(pair(name, "delete a twin", doc, new, &chosen, false));

    // Deleted, with the paragraphs around reworded.
    let chosen = pick(&mut rng, &long, n / 2 + 1);
    let mut new = paras(doc);
    for p in &mut new {
        let near = p.from.len() == 1 && chosen.iter().any(|&c| c.abs_diff(p.from[0]) == 1);
        if near {
            p.text = reword(&p.text, 0.2, lang, &mut rng);
        }
    }
    new.retain(|p| !(p.from.len() == 1 && chosen.contains(&p.from[0])));
    out.push(pair(
        name,
        "delete, neighbours reworded",
        doc,
        new,
        &chosen,
        false,
    ));

    // A reissue: paragraphs inserted, moved, reworded and deleted at once.
    let mut new = paras(doc);
    let mixed = pick(&mut rng, &long, 3 * n);
    let mut cases = Vec::new();
    for (k, &i) in mixed.iter().enumerate() {
        let at = new.iter().position(|p| p.from == [i]).expect("there");
        match k % 4 {
            0 => new[at].text = reword(&new[at].text, 0.15, lang, &mut rng),
            1 => {
                new.remove(at);
            }
            2 => {
                let p = new.remove(at);
                let to = rng.below(new.len() + 1);
                new.insert(to, p);
            }
            _ => new.insert(
                at,
                Para {
                    kind: BlockKind::Paragraph,
                    text: filler(lang, &mut rng),
                    from: Vec::new(),
                },
            ),
        }
        cases.push(i);
    }
    out.push(pair(name, "mixed reissue", doc, new, &cases, false));

    out.extend(super::sentence_edits::editions(
        name,
        &Material {
            doc,
            lang,
            passages: &passages,
            long: &long,
            splittable: &splittable,
            n,
        },
        &mut rng,
    ));
    out
}

/// The passages most like another passage of the document, most alike first.
fn twins(doc: &Document, long: &[usize]) -> Vec<usize> {
    let grams = |i: usize| -> std::collections::HashSet<(char, char)> {
        let chars: Vec<char> = doc.blocks[i]
            .text()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        chars.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let sets: Vec<_> = long.iter().map(|&i| grams(i)).collect();
    let mut scored: Vec<(f64, usize)> = Vec::new();
    for (a, sa) in sets.iter().enumerate() {
        let best = sets
            .iter()
            .enumerate()
            .filter(|(b, _)| *b != a)
            .map(|(_, sb)| {
                let both = sa.intersection(sb).count() as f64;
                both / (sa.len() + sb.len()) as f64 * 2.0
            })
            .fold(0.0, f64::max);
        scored.push((best, long[a]));
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0));
    scored
        .into_iter()
        .filter(|(s, _)| *s >= 0.3)
        .map(|(_, i)| i)
        .collect()
}

/// The text with its lines broken after about `width` characters (at spaces when it has
/// any).
fn rewrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for c in text.chars() {
        if line >= width && (c == ' ' || !text.contains(' ')) {
            out.push('\n');
            line = 0;
            if c == ' ' {
                continue;
            }
        }
        out.push(c);
        line += 1;
    }
    out
}
