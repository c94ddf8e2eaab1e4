//! Edition pairs written by hand (or published), with where each passage went annotated in
//! a truth file beside them: `[[changed]]` old → new passages (by the start of their text,
//! or `fp:` and their fingerprint), `[[gone]]` passages; any other passage is found with
//! the same text (or, with `renumbered`, the same text under another number).

use std::sync::LazyLock;

use brief::doc::{BlockId, Document};
use brief::store::anchor::{fingerprint, one_line};
use regex::Regex;
use serde::Deserialize;

use super::cases::{Case, Expect, Pair};
use super::edits::is_passage;

#[derive(Deserialize)]
struct Truth {
    #[serde(default)]
    renumbered: bool,
    #[serde(default)]
    changed: Vec<Changed>,
    #[serde(default)]
    gone: Vec<Gone>,
}

#[derive(Deserialize)]
struct Changed {
    old: String,
    new: Vec<String>,
}

#[derive(Deserialize)]
struct Gone {
    old: String,
}

/// The passages of a document a key names: by the start of their text, or `fp:` and their
/// fingerprint.
fn named(doc: &Document, key: &str) -> Vec<BlockId> {
    (0..doc.blocks.len())
        .filter(|&i| is_passage(&doc.blocks[i]))
        .filter(|&i| {
            let text = doc.blocks[i].text();
            match key.strip_prefix("fp:") {
                Some(fp) => fingerprint(text) == fp,
                None => one_line(text).starts_with(key),
            }
        })
        .map(BlockId)
        .collect()
}

fn one(doc: &Document, key: &str, which: &str) -> BlockId {
    let found = named(doc, key);
    assert_eq!(
        found.len(),
        1,
        "the truth's {which} `{key}` names {found:?}"
    );
    found[0]
}

/// A leading article or paragraph number.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[0-9]+\.|第[零〇一二三四五六七八九十百千]+条)\s*").unwrap()
});

fn unnumbered(text: &str) -> String {
    let line = one_line(text);
    NUMBER.replace(&line, "").into_owned()
}

/// The pair of editions with every passage of the old one as a case.
pub fn pair(name: &str, category: &'static str, old: Document, new: Document, truth: &str) -> Pair {
    let truth: Truth = toml_edit::de::from_str(truth).expect("a truth file parses");
    let mut expect: Vec<(BlockId, Expect)> = Vec::new();
    for c in &truth.changed {
        let at = c.new.iter().map(|k| one(&new, k, "new passage")).collect();
        expect.push((one(&old, &c.old, "old passage"), Expect::At(at)));
    }
    for g in &truth.gone {
        expect.push((one(&old, &g.old, "gone passage"), Expect::Gone));
    }
    let mut cases = Vec::new();
    for i in (0..old.blocks.len()).filter(|&i| is_passage(&old.blocks[i])) {
        let block = BlockId(i);
        if let Some((_, e)) = expect.iter().find(|(b, _)| *b == block) {
            cases.push(Case {
                block,
                expect: e.clone(),
            });
            continue;
        }
        let text = old.blocks[i].text();
        let mut same = named(&new, &format!("fp:{}", fingerprint(text)));
        if same.is_empty() && truth.renumbered {
            let bare = unnumbered(text);
            same = (0..new.blocks.len())
                .filter(|&j| is_passage(&new.blocks[j]) && unnumbered(new.blocks[j].text()) == bare)
                .map(BlockId)
                .collect();
        }
        assert!(
            !same.is_empty(),
            "{name}: the truth does not say where passage {i} went: fp:{} “{}”",
            fingerprint(text),
            one_line(text).chars().take(40).collect::<String>()
        );
        cases.push(Case {
            block,
            expect: Expect::At(same),
        });
    }
    Pair {
        name: name.to_string(),
        category,
        old,
        new,
        cases,
        narrowed: false,
    }
}
