//! The people a briefing names: found where an office introduces them (`总理李强`,
//! `Prime Minister Mishustin`, `премьер-министр Мишустин`), each with the office and the
//! country the text gives, then every later mention of the same name without the office
//! (`李强`, `Mishustin`, `Мишустина`).
//!
//! The offices and how a name is cut from the text around them are per script (`chinese`,
//! `english`, `russian`, the last two reading `words`); `forms` finds the later mentions of a
//! name; this file joins the introductions into people. A name two people share (the premier 李强 and the reporter 李强)
//! is counted for neither where the office does not say which.

mod became;
mod chinese;
mod chinese_office;
mod declension;
mod english;
mod forms;
mod russian;
#[cfg(test)]
mod tests;
mod words;

use std::collections::HashMap;
use std::ops::Range;

use super::gazetteer::{Gazetteer, is_cyrillic};
use crate::doc::on_every_core::in_parts;
use crate::doc::{BlockId, Document};

/// A document's blocks are read on several cores when each gets at least this many.
pub(super) const BLOCKS_PER_THREAD: usize = 2048;

/// A name introduced by an office, as a finder cuts it from one block's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Introduced {
    /// Byte range of the name.
    pub name: Range<usize>,
    /// Byte range of the office, as written (`中华人民共和国国务院总理`, `Prime Minister`).
    pub office: Range<usize>,
    /// Whether the office is a reporter's byline (`记者李强`), which never names the same
    /// person as an official of that name.
    pub reporter: bool,
    /// The place the office is of, written after the name: "of the People's Republic of
    /// China" in "President Xi Jinping of the People's Republic of China".
    pub of: Option<Range<usize>>,
}

/// One place a person is named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Naming {
    /// The document.
    pub doc: usize,
    /// The block.
    pub block: BlockId,
    /// Byte range of the name in the block's text.
    pub range: Range<usize>,
    /// Whether an office introduces the name here.
    pub with_office: bool,
}

/// A person the open documents name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// The name as the documents write it in full (`李强`, `Xi Jinping`, `Мишустин`).
    pub name: String,
    /// The fullest office the documents give them.
    pub office: String,
    /// The country (or organisation) of the office, when the office or another mention of
    /// the person names one: an index into the gazetteer's places.
    pub country: Option<usize>,
    /// Every mention, in document order.
    pub mentions: Vec<Naming>,
    /// Whether they are named only as a reporter, in bylines (`记者李强`).
    pub reporter: bool,
}

impl Person {
    /// The person as a line: `李强 — 中华人民共和国国务院总理 (CN)`.
    pub fn label(&self) -> String {
        let mut s = self.name.clone();
        if !self.office.is_empty() {
            s.push_str(" — ");
            s.push_str(&self.office);
        }
        if let Some(c) = self.country {
            s.push_str(&format!(" ({})", Gazetteer::bundled().places[c].code));
        }
        s
    }
}

/// A mention of a name more than one person bears, counted for none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    /// The mention.
    pub at: Naming,
    /// The people who bear the name (indices into [`People::persons`]).
    pub persons: Vec<usize>,
}

/// Every person the open documents name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct People {
    /// The people, most mentioned first.
    pub persons: Vec<Person>,
    /// Mentions of shared names.
    pub shared: Vec<Shared>,
}

/// The script a name is written in, which decides how its other mentions are found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Script {
    Chinese,
    Latin,
    Cyrillic,
}

impl Script {
    fn of(name: &str) -> Script {
        if name.chars().any(crate::doc::markdown::is_cjk) {
            Script::Chinese
        } else if name.chars().any(is_cyrillic) {
            Script::Cyrillic
        } else {
            Script::Latin
        }
    }
}

/// A person while the documents are read: the key their name gives, and what is known.
struct Gathered {
    script: Script,
    /// The name as first written in full.
    name: String,
    /// Every writing of the name an office introduces.
    names: Vec<String>,
    /// The key of the name ([`forms::key`]), and whether the person is a reporter.
    key: (String, bool),
    offices: Vec<String>,
    mentions: Vec<Naming>,
}

impl People {
    /// Finds the people named in the documents.
    pub fn build(docs: &[Document]) -> People {
        let gazetteer = Gazetteer::bundled();
        let mut gathered: Vec<Gathered> = Vec::new();
        let mut by_key: HashMap<(String, bool), usize> = HashMap::new();
        // Introductions by an office first: they say who is a person.
        for (d, doc) in docs.iter().enumerate() {
            // Found on every core, gathered in the documents' order.
            let parts = in_parts(&doc.blocks, BLOCKS_PER_THREAD, |first, part| {
                part.iter()
                    .enumerate()
                    .map(|(n, block)| (first + n, introduced(block.text())))
                    .filter(|(_, found)| !found.is_empty())
                    .collect::<Vec<_>>()
            });
            for (b, found) in parts.into_iter().flatten() {
                let text = doc.blocks[b].text();
                for found in found {
                    let name = &text[found.name.clone()];
                    let script = Script::of(name);
                    let key = (forms::key(script, name), found.reporter);
                    let at = Naming {
                        doc: d,
                        block: BlockId(b),
                        range: found.name.clone(),
                        with_office: true,
                    };
                    let office = match &found.of {
                        Some(of) => {
                            format!("{} {}", &text[found.office.clone()], &text[of.clone()])
                        }
                        None => text[found.office.clone()].to_string(),
                    };
                    match by_key.get(&key) {
                        Some(&i) => {
                            gathered[i].names.push(name.to_string());
                            gathered[i].mentions.push(at);
                            gathered[i].offices.push(office);
                        }
                        None => {
                            by_key.insert(key.clone(), gathered.len());
                            gathered.push(Gathered {
                                script,
                                name: name.to_string(),
                                names: vec![name.to_string()],
                                key,
                                offices: vec![office],
                                mentions: vec![at],
                            });
                        }
                    }
                }
            }
        }
        forms::join_short_names(docs, &mut gathered);
        let shared = forms::find_later_mentions(docs, &mut gathered);
        let mut ranked: Vec<(usize, Person)> = gathered
            .into_iter()
            .map(|g| person(g, gazetteer))
            .enumerate()
            .collect();
        ranked.sort_by(|(_, a), (_, b)| {
            b.mentions
                .len()
                .cmp(&a.mentions.len())
                .then_with(|| a.name.cmp(&b.name))
        });
        let mut rank = vec![0; ranked.len()];
        for (new, (old, _)) in ranked.iter().enumerate() {
            rank[*old] = new;
        }
        let persons = ranked.into_iter().map(|(_, p)| p).collect();
        let shared = shared
            .into_iter()
            .map(|mut s| {
                for p in &mut s.persons {
                    *p = rank[*p];
                }
                s
            })
            .collect();
        People { persons, shared }
    }

    /// The blocks that name the person `p`.
    pub fn blocks_naming(&self, p: usize) -> std::collections::BTreeSet<(usize, BlockId)> {
        self.persons
            .get(p)
            .map(|person| person.mentions.iter().map(|m| (m.doc, m.block)).collect())
            .unwrap_or_default()
    }
}

/// The person as the view shows them: the fullest office, the country of any office.
fn person(mut g: Gathered, gazetteer: &Gazetteer) -> Person {
    // A Russian office in the case its sentence gave it (стал президентом) is listed as one.
    if g.script == Script::Cyrillic {
        for office in &mut g.offices {
            *office = russian::office_in_nominative(office);
        }
    }
    let mut mentions = g.mentions;
    mentions.sort_by_key(|m| (m.doc, m.block, m.range.start));
    mentions.dedup();
    // The office the documents give most often (a person can hold several over the years),
    // the fullest of those; a bare title (主席 after 江泽民, President before Xi) only when
    // given more often than any fuller office.
    let bare = |o: &str| {
        !o.contains(' ') && (o.chars().count() <= 3 || !o.chars().any(crate::doc::markdown::is_cjk))
    };
    // Counted once: a person named in every paragraph of a long briefing has thousands.
    let mut times: HashMap<&str, usize> = HashMap::new();
    for o in &g.offices {
        *times.entry(o.as_str()).or_default() += 1;
    }
    // A bare title counts for the fuller offices it heads (President for Chinese President
    // and President of Russia, 主席 for 国家主席), not for another (Vice-President).
    let heads = |o: &str, b: &str| {
        let head = o.split(" of ").next().unwrap_or(o);
        match head.rsplit_once(' ') {
            Some((_, last)) => last == b,
            None => head == b || (o.chars().any(crate::doc::markdown::is_cjk) && o.ends_with(b)),
        }
    };
    let given = |o: &str| {
        times[o]
            + times
                .iter()
                .filter(|(b, _)| **b != o && bare(b) && heads(o, b))
                .map(|(_, t)| t)
                .sum::<usize>()
    };
    let office = times
        .keys()
        .max_by_key(|o| {
            (
                given(o),
                !bare(o),
                o.chars().count(),
                std::cmp::Reverse(**o),
            )
        })
        .map(|o| o.to_string())
        .unwrap_or_default();
    // The fullest office's country, else the first other office that names one.
    let mut seen = std::collections::HashSet::new();
    let mut offices: Vec<&String> = g.offices.iter().filter(|o| seen.insert(*o)).collect();
    offices.sort_by_key(|o| std::cmp::Reverse(o.chars().count()));
    let country = offices
        .iter()
        .find_map(|o| country_of(o, g.script, gazetteer));
    // The fullest writing; of a Russian name's cases, the shortest (Мишустин, not
    // Мишустина), and not the instrumental (Кэмерон for Кэмероном).
    let name = g
        .names
        .iter()
        .max_by_key(|n| {
            let words = n.split_whitespace().count();
            match g.script {
                Script::Cyrillic => (words, std::cmp::Reverse(n.len())),
                // 菲德尔·卡斯特罗, not 卡斯特罗.
                _ => (words, std::cmp::Reverse(usize::MAX - n.len())),
            }
        })
        .cloned()
        .unwrap_or(g.name);
    let name = if g.script == Script::Cyrillic {
        declension::nominative(&name)
    } else {
        name
    };
    Person {
        name,
        office,
        country,
        mentions,
        reporter: g.key.1,
    }
}

/// The country an office names (`中华人民共和国国务院总理`, `Russian Prime Minister`), or the
/// country whose institutions it names (`中共中央政治局委员`). Only a certain place counts.
fn country_of(office: &str, script: Script, gazetteer: &Gazetteer) -> Option<usize> {
    if script == Script::Chinese && chinese_office::is_chinese_institution(office) {
        return gazetteer.by_code("CN");
    }
    gazetteer
        .find(office)
        .into_iter()
        .find(|h| h.places.len() == 1 && h.places[0].len() == 1)
        .map(|h| h.places[0][0])
}

/// Every name an office introduces in `text`, whatever the script.
pub fn introduced(text: &str) -> Vec<Introduced> {
    let mut out = Vec::new();
    if text.chars().any(crate::doc::markdown::is_cjk) {
        chinese::introduced(text, &mut out);
    }
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        english::introduced(text, &mut out);
        became::introduced(text, &mut out);
    }
    if text.chars().any(is_cyrillic) {
        russian::introduced(text, &mut out);
    }
    out.sort_by_key(|f| f.name.start);
    out.dedup_by(|b, a| b.name.start < a.name.end);
    out
}
