//! Edition pairs made by known edits, one kind each, with the changes a careful reader
//! would list (known by construction).

use brief::doc::{Block, BlockKind, Document, Format, ParseOptions};

use super::numbers::renumber;
use super::reword::{Lang, Rng, filler, reword};

/// A change a pair is known to hold: its kind and the block it is on (in the new
/// edition; in the old for a deletion).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known {
    pub kind: &'static str,
    pub block: usize,
}

/// Two editions and what changed between them.
pub struct Pair {
    pub name: String,
    pub edit: &'static str,
    pub old: Document,
    pub new: Document,
    /// The changes of substance made.
    pub known: Vec<Known>,
    /// How many paragraphs were renumbered, and how many had their cross-references
    /// rewritten to follow.
    pub renumbered: usize,
    pub references: usize,
}

/// A document of the given blocks, as they are (no parsing, so an edit is exactly what it
/// says and a block's place is its index).
pub fn document(name: &str, blocks: &[(BlockKind, String)]) -> Document {
    Document::of_blocks(
        name,
        blocks
            .iter()
            .enumerate()
            .map(|(i, (kind, text))| Block::new(kind.clone(), text.clone(), i + 1))
            .collect(),
    )
}

/// The blocks written as Markdown, one paragraph each, with a paragraph's text changed by
/// `how` (re-wrapped, a word emphasised).
fn markdown(blocks: &[(BlockKind, String)], how: impl Fn(usize, &str) -> String) -> String {
    blocks
        .iter()
        .enumerate()
        .map(|(i, (kind, text))| match kind {
            BlockKind::Heading(level) => format!("{} {text}\n\n", "#".repeat(*level as usize)),
            _ => format!("{}\n\n", how(i, text)),
        })
        .collect()
}

/// A Markdown text read as `brief` reads it.
pub fn parsed(name: &str, text: &str) -> Document {
    Document::parse(
        name.to_string(),
        None,
        "UTF-8",
        text,
        Format::Markdown,
        ParseOptions::default(),
    )
}

/// The blocks of a document as (kind, text).
fn blocks(doc: &Document) -> Vec<(BlockKind, String)> {
    doc.blocks
        .iter()
        .map(|b| (b.kind.clone(), b.text().to_string()))
        .collect()
}

/// The body paragraphs of a document worth editing: long enough to be a passage.
fn body(blocks: &[(BlockKind, String)]) -> Vec<usize> {
    blocks
        .iter()
        .enumerate()
        .filter(|(_, (k, t))| *k == BlockKind::Paragraph && t.chars().count() >= 20)
        .map(|(i, _)| i)
        .collect()
}

/// Every kind of edition of `doc`, one kind of edit each.
pub fn editions(name: &str, doc: &Document, lang: Lang, seed: u64) -> Vec<Pair> {
    let mut rng = Rng::new(seed);
    let old = blocks(doc);
    let body = body(&old);
    let mut out = Vec::new();
    if body.len() < 4 {
        return out;
    }
    let pick = |rng: &mut Rng| body[rng.below(body.len())];
    let pair = |edit, new: Vec<(BlockKind, String)>, known| Pair {
        name: name.to_string(),
        edit,
        old: document(name, &old),
        new: document(name, &new),
        known,
        renumbered: 0,
        references: 0,
    };

    // A sentence reworded.
    let at = pick(&mut rng);
    let mut new = old.clone();
    new[at].1 = reword(&old[at].1, 0.15, lang, &mut rng);
    out.push(pair(
        "reword",
        new,
        vec![Known {
            kind: "amended",
            block: at,
        }],
    ));

    // A paragraph inserted.
    let at = pick(&mut rng);
    let mut new = old.clone();
    new.insert(at, (BlockKind::Paragraph, filler(lang, &mut rng)));
    out.push(pair(
        "insert",
        new,
        vec![Known {
            kind: "inserted",
            block: at,
        }],
    ));

    // A paragraph deleted.
    let at = pick(&mut rng);
    let mut new = old.clone();
    new.remove(at);
    out.push(pair(
        "delete",
        new,
        vec![Known {
            kind: "deleted",
            block: at,
        }],
    ));

    // A paragraph moved from the start to the end, or the end to the start.
    let (from, to) = (body[0], body[body.len() - 1]);
    let mut new = old.clone();
    let moved = new.remove(from);
    new.insert(to, moved);
    out.push(pair(
        "move",
        new,
        vec![Known {
            kind: "moved",
            block: to,
        }],
    ));

    // Lines re-wrapped: the same Markdown with its paragraphs broken at 30 columns.
    let plain = markdown(&old, |_, t| t.to_string());
    let wrapped = markdown(&old, |_, t| rewrap(t, 30));
    out.push(Pair {
        old: parsed(name, &plain),
        new: parsed(name, &wrapped),
        ..pair("re-wrap", old.clone(), Vec::new())
    });

    // Punctuation to the other width, quotes to another style.
    let mut new = old.clone();
    for (_, text) in &mut new {
        *text = other_width(text);
    }
    out.push(pair("punctuation", new, Vec::new()));

    // A word italicised in one paragraph, another in a second.
    let chosen = [pick(&mut rng), pick(&mut rng)];
    let emphatic = markdown(&old, |i, t| {
        if chosen.contains(&i) {
            emphasised(t)
        } else {
            t.to_string()
        }
    });
    out.push(Pair {
        old: parsed(name, &plain),
        new: parsed(name, &emphatic),
        ..pair("emphasis", old.clone(), Vec::new())
    });

    // A paragraph split in two at a sentence, the same words.
    if let Some(&at) = body.iter().find(|&&i| sentence_cut(&old[i].1).is_some()) {
        let cut = sentence_cut(&old[at].1).unwrap_or_default();
        let mut new = old.clone();
        let (first, second) = old[at].1.split_at(cut);
        new[at].1 = first.trim().to_string();
        new.insert(at + 1, (BlockKind::Paragraph, second.trim().to_string()));
        // One change: what "the paragraph above" is has changed.
        out.push(pair(
            "split",
            new,
            vec![Known {
                kind: "amended",
                block: at,
            }],
        ));
    }

    // A mixed reissue: two rewordings, an insertion and a deletion, far apart.
    let mut spots: Vec<usize> = body
        .iter()
        .copied()
        .step_by((body.len() / 4).max(1))
        .collect();
    spots.truncate(4);
    if spots.len() == 4 {
        let mut new = old.clone();
        let mut known = Vec::new();
        new[spots[0]].1 = reword(&old[spots[0]].1, 0.3, lang, &mut rng);
        new[spots[1]].1 = reword(&old[spots[1]].1, 0.1, lang, &mut rng);
        new.remove(spots[3]);
        new.insert(spots[2], (BlockKind::Paragraph, filler(lang, &mut rng)));
        known.push(Known {
            kind: "amended",
            block: spots[0],
        });
        known.push(Known {
            kind: "amended",
            block: spots[1],
        });
        known.push(Known {
            kind: "inserted",
            block: spots[2],
        });
        known.push(Known {
            kind: "deleted",
            block: spots[3],
        });
        out.push(pair("mixed", new, known));
    }
    out
}

/// A law of `n` numbered articles, some citing others (`依照本法第X条`), in Chinese; or
/// numbered paragraphs in English.
pub fn numbered(lang: Lang, n: usize, seed: u64) -> Vec<(BlockKind, String)> {
    let mut rng = Rng::new(seed);
    let mut out = vec![(
        BlockKind::Heading(1),
        match lang {
            Lang::Zh => "中华人民共和国示范法".to_string(),
            _ => "Joint statement".to_string(),
        },
    )];
    for k in 1..=n {
        let text = filler(lang, &mut rng);
        let cites = k > 3 && k % 4 == 0;
        out.push((
            BlockKind::Paragraph,
            match lang {
                Lang::Zh if cites => format!(
                    "第{}条 依照本法第{}条的规定，{text}",
                    chinese(k),
                    chinese(k - 2)
                ),
                Lang::Zh => format!("第{}条 {text}", chinese(k)),
                _ => format!("{k}. {text}"),
            },
        ));
    }
    out
}

/// A number in Chinese numerals, up to 99.
fn chinese(n: usize) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", D[n % 10]),
        _ if n % 10 == 0 => format!("{}十", D[n / 10]),
        _ => format!("{}十{}", D[n / 10], D[n % 10]),
    }
}

/// Renumbering pairs: an article inserted (the rest one higher), and one deleted (the
/// rest one lower, the cross-references rewritten to follow).
pub fn renumbered(name: &str, lang: Lang, seed: u64) -> Vec<Pair> {
    let old = numbered(lang, 30, seed);
    let mut rng = Rng::new(seed + 1);
    let mut out = Vec::new();

    // Inserted at article 10: articles 10 to 30 become 11 to 31.
    let at = 10;
    let mut new = old.clone();
    for block in new.iter_mut().skip(at) {
        block.1 = renumber(&block.1).expect("numbered");
    }
    let inserted = match lang {
        Lang::Zh => format!("第{}条 {}", chinese(at), filler(lang, &mut rng)),
        _ => format!("{at}. {}", filler(lang, &mut rng)),
    };
    new.insert(at, (BlockKind::Paragraph, inserted));
    // Cross-references to articles from 10 on follow.
    if lang == Lang::Zh {
        for block in new.iter_mut().skip(at + 1) {
            block.1 = cited_shifted(&block.1, at, 1);
        }
    }
    let citing = new
        .iter()
        .skip(at + 1)
        .filter(|(_, t)| t.contains("依照本法"))
        .filter(|(_, t)| cites_at_least(t, at + 1))
        .count();
    out.push(Pair {
        name: name.to_string(),
        edit: "renumber after insertion",
        old: document(name, &old),
        new: document(name, &new),
        known: vec![Known {
            kind: "inserted",
            block: at,
        }],
        renumbered: old.len() - at,
        references: citing,
    });

    // Article 12 deleted: articles 13 to 30 become 12 to 29.
    let gone = 12;
    let mut new = old.clone();
    new.remove(gone);
    for block in new.iter_mut().skip(gone) {
        block.1 = renumbered_down(&block.1);
        if lang == Lang::Zh {
            block.1 = cited_shifted(&block.1, gone + 1, -1);
        }
    }
    let citing = new
        .iter()
        .skip(gone)
        .filter(|(_, t)| t.contains("依照本法"))
        .filter(|(_, t)| cites_at_least(t, gone))
        .count();
    out.push(Pair {
        name: name.to_string(),
        edit: "renumber after deletion",
        old: document(name, &old),
        new: document(name, &new),
        known: vec![Known {
            kind: "deleted",
            block: gone,
        }],
        renumbered: old.len() - gone - 1,
        references: citing,
    });
    out
}

/// Whether the text cites `本法第X条` with X at least `from`.
fn cites_at_least(text: &str, from: usize) -> bool {
    (from..100).any(|k| text.contains(&format!("本法第{}条", chinese(k))))
}

/// `本法第X条` moved by `by` for X at least `from`.
fn cited_shifted(text: &str, from: usize, by: i64) -> String {
    for k in from..100 {
        let was = format!("本法第{}条", chinese(k));
        if text.contains(&was) {
            let now = format!("本法第{}条", chinese((k as i64 + by) as usize));
            return text.replacen(&was, &now, 1);
        }
    }
    text.to_string()
}

/// The text with its leading number one lower (`5.` → `4.`, `第十三条` → `第十二条`).
fn renumbered_down(text: &str) -> String {
    for k in 1..100 {
        for (was, now) in [
            (
                format!("第{}条 ", chinese(k + 1)),
                format!("第{}条 ", chinese(k)),
            ),
            (format!("{}. ", k + 1), format!("{k}. ")),
        ] {
            if let Some(rest) = text.strip_prefix(&was) {
                return format!("{now}{rest}");
            }
        }
    }
    text.to_string()
}

/// Lines broken after about `width` characters, at spaces where there are any, never
/// inside a word or a number, and never before what Markdown would read as a new block (as
/// editors, `fmt` and Markdown-aware re-wrappers wrap).
fn rewrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    let mut last: Option<char> = None;
    let spaced = text.contains(' ');
    for (i, c) in text.char_indices() {
        let inside_word =
            last.is_some_and(|l| l.is_ascii_alphanumeric()) && c.is_ascii_alphanumeric();
        let next = if c == ' ' { &text[i + 1..] } else { &text[i..] };
        if line >= width && (c == ' ' || (!spaced && !inside_word)) && !starts_block(next) {
            out.push('\n');
            line = 0;
            last = Some(c);
            if c == ' ' {
                continue;
            }
        }
        out.push(c);
        line += 1;
        last = Some(c);
    }
    out
}

/// Whether a line starting with this would be read as a new block in Markdown (a list
/// item, a heading, a quote, a rule), as a Markdown-aware re-wrapper never breaks before.
fn starts_block(rest: &str) -> bool {
    let word = rest.split(' ').next().unwrap_or("");
    matches!(word, "-" | "+" | "*" | ">" | "|" | "=" | "---" | "***")
        || word.starts_with('#')
        || word.starts_with('>')
        || word.starts_with("-")
        || (word
            .trim_end_matches(['.', ')'])
            .chars()
            .all(|c| c.is_ascii_digit())
            && word.ends_with(['.', ')'])
            && word.len() > 1)
}

/// Punctuation set the other way: full-width as half-width and back, quotes curly or
/// straight.
fn other_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '，' => ','.to_string(),
            '：' => ':'.to_string(),
            '；' => ';'.to_string(),
            '（' => '('.to_string(),
            '）' => ')'.to_string(),
            '“' | '”' => '"'.to_string(),
            '"' => '“'.to_string(),
            ',' => "，".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// A word of the text set in italics (for Chinese, two characters).
fn emphasised(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if text.contains(' ') {
        let words: Vec<&str> = text.split(' ').collect();
        let at = words.len() / 2;
        let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        if out[at].chars().all(char::is_alphabetic) && !out[at].is_empty() {
            out[at] = format!("*{}*", out[at]);
        }
        out.join(" ")
    } else {
        // Two letters, so the marks make emphasis (after a mark they would not).
        let at = (chars.len() / 2..chars.len().saturating_sub(2))
            .find(|&i| chars[i].is_alphanumeric() && chars[i + 1].is_alphanumeric())
            .unwrap_or(chars.len() / 2);
        let (a, b) = chars.split_at(at);
        let (b1, b2) = b.split_at(2.min(b.len()));
        format!(
            "{}*{}*{}",
            a.iter().collect::<String>(),
            b1.iter().collect::<String>(),
            b2.iter().collect::<String>()
        )
    }
}

/// Where a paragraph of two sentences or more can be cut between them.
fn sentence_cut(text: &str) -> Option<usize> {
    let ranges = brief::doc::sentences::sentences(text);
    (ranges.len() >= 2).then(|| ranges[1].start)
}
