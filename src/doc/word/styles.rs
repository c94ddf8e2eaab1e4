//! A Word document's styles (`word/styles.xml`) and list numbering (`word/numbering.xml`):
//! which paragraph styles are headings and at what level, which make text bold or italic,
//! and the marker each numbered paragraph shows.

use std::collections::HashMap;

use crate::doc::xml::{Step, walk};

/// One style as the document defines it.
#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline_level: Option<u8>,
    bold: Option<bool>,
    italic: Option<bool>,
    numbering: Option<(String, u8)>,
}

/// The styles of a document, by id.
#[derive(Debug, Default)]
pub struct Styles {
    by_id: HashMap<String, Style>,
}

/// The heading level a style's name gives, in English or Chinese (`Heading 2`, `heading 2`,
/// `标题 2`, `Title`); `None` for other styles.
fn level_of_name(name: &str) -> Option<u8> {
    let lower = name.trim().to_lowercase();
    if matches!(lower.as_str(), "title" | "标题" | "標題") {
        return Some(1);
    }
    let rest = [
        "heading",
        "标题",
        "標題",
        "überschrift",
        "titre",
        "заголовок",
    ]
    .iter()
    .find_map(|p| lower.strip_prefix(p))?;
    let digits = rest.trim();
    match digits.parse::<u8>() {
        Ok(n @ 1..=9) => Some(n),
        _ => None,
    }
}

impl Styles {
    /// Reads `styles.xml`.
    pub fn parse(xml: &str) -> Result<Styles, String> {
        let mut styles = Styles::default();
        let mut current: Option<(String, Style)> = None;
        // Inside a property change (`w:rPrChange`): the old properties, not the style's.
        let mut changed = 0usize;
        walk(xml, |step| match step {
            Step::Open(tag) => match tag.name.as_str() {
                "style" => {
                    let id = tag.attr("styleId").unwrap_or_default().to_string();
                    current = Some((id, Style::default()));
                }
                "rPrChange" | "pPrChange" => changed += 1,
                _ if changed > 0 => {}
                name => {
                    let Some((_, style)) = current.as_mut() else {
                        return;
                    };
                    match name {
                        "name" => style.name = tag.attr("val").unwrap_or_default().to_string(),
                        "basedOn" => style.based_on = tag.attr("val").map(str::to_string),
                        "outlineLvl" => {
                            style.outline_level =
                                tag.attr("val").and_then(|v| v.parse::<u8>().ok());
                        }
                        "b" => style.bold = Some(tag.is_on()),
                        "i" => style.italic = Some(tag.is_on()),
                        "numId" => {
                            let level = style.numbering.as_ref().map_or(0, |n| n.1);
                            style.numbering =
                                Some((tag.attr("val").unwrap_or_default().to_string(), level));
                        }
                        "ilvl" => {
                            let level = tag.attr("val").and_then(|v| v.parse().ok()).unwrap_or(0);
                            let id = style.numbering.take().map(|n| n.0).unwrap_or_default();
                            style.numbering = Some((id, level));
                        }
                        _ => {}
                    }
                }
            },
            Step::Close(name) => match name {
                "style" => {
                    if let Some((id, style)) = current.take() {
                        styles.by_id.insert(id, style);
                    }
                }
                "rPrChange" | "pPrChange" => changed = changed.saturating_sub(1),
                _ => {}
            },
            Step::Text(_) => {}
        })?;
        Ok(styles)
    }

    /// The style and those it is based on, nearest first (a loop is cut).
    fn chain<'a>(&'a self, id: &str) -> impl Iterator<Item = &'a Style> + 'a {
        let mut next = self.by_id.get(id);
        let mut seen = 0;
        std::iter::from_fn(move || {
            let style = next?;
            seen += 1;
            next = match style.based_on.as_deref() {
                Some(b) if seen < 16 => self.by_id.get(b),
                _ => None,
            };
            Some(style)
        })
    }

    /// The heading level of a paragraph style: by its name (`Heading 2`, `标题 2`), or by
    /// the outline level it sets or inherits (0 is level 1; 9 is body text).
    pub fn heading_level(&self, id: &str) -> Option<u8> {
        for style in self.chain(id) {
            if let Some(level) = level_of_name(&style.name) {
                return Some(level);
            }
            if let Some(level) = style.outline_level {
                return (level < 9).then_some(level + 1);
            }
        }
        None
    }

    /// Whether a style is a table of contents' (`TOC 1`, `toc 2`, `目录 1`), whose paragraphs
    /// are the typed contents, not the text.
    pub fn is_contents(&self, id: &str) -> bool {
        self.chain(id).take(1).any(|s| {
            let lower = s.name.to_lowercase();
            lower.starts_with("toc ") || lower.starts_with("目录 ") || lower == "toc heading"
        })
    }

    /// Whether text in this style is bold, and whether italic (as set by it or the styles
    /// it is based on).
    pub fn emphasis(&self, id: &str) -> (bool, bool) {
        let bold = self.chain(id).find_map(|s| s.bold).unwrap_or(false);
        let italic = self.chain(id).find_map(|s| s.italic).unwrap_or(false);
        (bold, italic)
    }

    /// The numbering a paragraph style brings (its list and level).
    pub fn numbering(&self, id: &str) -> Option<(String, u8)> {
        self.chain(id).find_map(|s| s.numbering.clone())
    }
}

/// How one level of a list is numbered.
#[derive(Debug, Default, Clone)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// The document's lists: each numbered list (`w:num`) points to a definition
/// (`w:abstractNum`) of its levels.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, HashMap<u8, Level>>,
    lists: HashMap<String, (String, HashMap<u8, u32>)>,
    /// The counters of each definition's levels, as the text has used them so far.
    counters: HashMap<String, [u32; 9]>,
}

impl Numbering {
    /// Reads `numbering.xml`.
    pub fn parse(xml: &str) -> Result<Numbering, String> {
        let mut numbering = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut list_id: Option<String> = None;
        let mut level: Option<(u8, Level)> = None;
        let mut override_level: Option<u8> = None;
        walk(xml, |step| match step {
            Step::Open(tag) => match tag.name.as_str() {
                "abstractNum" => abstract_id = tag.attr("abstractNumId").map(str::to_string),
                "num" => list_id = tag.attr("numId").map(str::to_string),
                "abstractNumId" => {
                    if let (Some(list), Some(val)) = (&list_id, tag.attr("val")) {
                        numbering
                            .lists
                            .insert(list.clone(), (val.to_string(), HashMap::new()));
                    }
                }
                "lvlOverride" => override_level = tag.attr("ilvl").and_then(|v| v.parse().ok()),
                "startOverride" => {
                    if let (Some(list), Some(l), Some(v)) =
                        (&list_id, override_level, tag.attr("val"))
                        && let Some(entry) = numbering.lists.get_mut(list)
                    {
                        entry.1.insert(l, v.parse().unwrap_or(1));
                    }
                }
                "lvl" if abstract_id.is_some() => {
                    let ilvl = tag.attr("ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    level = Some((
                        ilvl,
                        Level {
                            start: 1,
                            ..Level::default()
                        },
                    ));
                }
                "start" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.start = tag.attr("val").and_then(|v| v.parse().ok()).unwrap_or(1);
                    }
                }
                "numFmt" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.format = tag.attr("val").unwrap_or_default().to_string();
                    }
                }
                "lvlText" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.text = tag.attr("val").unwrap_or_default().to_string();
                    }
                }
                _ => {}
            },
            Step::Close(name) => match name {
                "lvl" => {
                    if let (Some(a), Some((ilvl, l))) = (&abstract_id, level.take()) {
                        numbering
                            .abstracts
                            .entry(a.clone())
                            .or_default()
                            .insert(ilvl, l);
                    }
                }
                "abstractNum" => abstract_id = None,
                "num" => list_id = None,
                "lvlOverride" => override_level = None,
                _ => {}
            },
            Step::Text(_) => {}
        })?;
        Ok(numbering)
    }

    /// The marker of the next paragraph numbered in list `list` at level `ilvl`, counting
    /// it (`1.`, `(a)`, `一、`, `•`); `None` when the list is not defined or shows nothing.
    pub fn next_marker(&mut self, list: &str, ilvl: u8) -> Option<String> {
        let ilvl = ilvl.min(8);
        let (abstract_id, starts) = self.lists.get(list)?;
        let levels = self.abstracts.get(abstract_id)?;
        let level = levels.get(&ilvl)?;
        let start_of = |l: u8| {
            starts
                .get(&l)
                .copied()
                .or_else(|| levels.get(&l).map(|x| x.start))
                .unwrap_or(1)
        };
        let counters = self.counters.entry(abstract_id.clone()).or_insert([0; 9]);
        let i = usize::from(ilvl);
        counters[i] = if counters[i] == 0 {
            start_of(ilvl)
        } else {
            counters[i] + 1
        };
        // A deeper level starts again under each new item of this one.
        counters[i + 1..].iter_mut().for_each(|c| *c = 0);
        if level.format == "bullet" {
            return Some("•".to_string());
        }
        if level.format == "none" || level.text.is_empty() {
            return None;
        }
        let mut marker = level.text.clone();
        for l in 0..=ilvl {
            let placeholder = format!("%{}", l + 1);
            if marker.contains(&placeholder) {
                let value = if counters[usize::from(l)] == 0 {
                    start_of(l)
                } else {
                    counters[usize::from(l)]
                };
                let format = levels.get(&l).map_or("decimal", |x| x.format.as_str());
                marker = marker.replace(&placeholder, &number_in(format, value));
            }
        }
        Some(marker)
    }
}

/// A number written as a list format writes it.
fn number_in(format: &str, n: u32) -> String {
    match format {
        "lowerLetter" => letters(n).to_lowercase(),
        "upperLetter" => letters(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "chineseCounting"
        | "chineseCountingThousand"
        | "ideographTraditional"
        | "taiwaneseCounting"
        | "chineseLegalSimplified" => chinese(n),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or(n.to_string(), String::from)
        }
        "decimalZero" if n < 10 => format!("0{n}"),
        _ => n.to_string(),
    }
}

fn letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    // Word repeats the letter past z: aa, bb...
    let letter = char::from(b'A' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

/// A number in small roman numerals (`iv`), as endnotes are labelled.
pub fn roman_lower(n: u32) -> String {
    roman(n).to_lowercase()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// A number in Chinese numerals, as lists count (`一` … `十` … `九十九`, `一百`…).
pub fn chinese(n: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    match n {
        0 => "零".to_string(),
        1..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n > 10 {
                DIGITS[(n - 10) as usize].to_string()
            } else {
                String::new()
            }
        ),
        20..=99 => {
            let ones = n % 10;
            format!(
                "{}十{}",
                DIGITS[(n / 10) as usize],
                if ones > 0 {
                    DIGITS[ones as usize].to_string()
                } else {
                    String::new()
                }
            )
        }
        100..=999 => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", DIGITS[rest as usize]),
                10..=19 => format!("一{}", chinese(rest)),
                _ => chinese(rest),
            };
            format!("{}百{tail}", DIGITS[(n / 100) as usize])
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_styles_in_any_language_and_by_outline_level() {
        let xml = r#"<w:styles xmlns:w="w">
            <w:style w:styleId="1"><w:name w:val="Normal"/></w:style>
            <w:style w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/></w:style>
            <w:style w:styleId="a"><w:name w:val="标题 1"/></w:style>
            <w:style w:styleId="k"><w:name w:val="Kapitel"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
            <w:style w:styleId="k2"><w:name w:val="Unterkapitel"/><w:basedOn w:val="k"/></w:style>
            <w:style w:styleId="body"><w:name w:val="Body"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
            <w:style w:styleId="Heading"><w:name w:val="Heading"/></w:style>
            <w:style w:styleId="t1"><w:name w:val="toc 1"/></w:style>
            <w:style w:styleId="B"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
            <w:style w:styleId="loop"><w:name w:val="Loop"/><w:basedOn w:val="loop"/></w:style>
        </w:styles>"#;
        let styles = Styles::parse(xml).unwrap();
        assert_eq!(styles.heading_level("2"), Some(2));
        assert_eq!(styles.heading_level("a"), Some(1));
        assert_eq!(styles.heading_level("k"), Some(1));
        assert_eq!(styles.heading_level("k2"), Some(1));
        assert_eq!(styles.heading_level("body"), None);
        assert_eq!(styles.heading_level("1"), None);
        assert_eq!(styles.heading_level("Heading"), None);
        assert_eq!(styles.heading_level("loop"), None);
        assert!(styles.is_contents("t1"));
        assert_eq!(styles.emphasis("B"), (true, false));
    }

    #[test]
    fn list_markers_count_per_level_and_restart_below() {
        let xml = r#"<w:numbering xmlns:w="w">
            <w:abstractNum w:abstractNumId="0">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2)"/></w:lvl>
            </w:abstractNum>
            <w:abstractNum w:abstractNumId="1">
              <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
            </w:abstractNum>
            <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>
        </w:numbering>"#;
        let mut n = Numbering::parse(xml).unwrap();
        assert_eq!(n.next_marker("5", 0).as_deref(), Some("一、"));
        assert_eq!(n.next_marker("5", 1).as_deref(), Some("1)"));
        assert_eq!(n.next_marker("5", 1).as_deref(), Some("2)"));
        assert_eq!(n.next_marker("5", 0).as_deref(), Some("二、"));
        assert_eq!(n.next_marker("5", 1).as_deref(), Some("1)"));
        assert_eq!(n.next_marker("6", 0).as_deref(), Some("•"));
        assert_eq!(n.next_marker("9", 0), None);
    }

    #[test]
    fn numbers_in_each_format() {
        assert_eq!(chinese(11), "十一");
        assert_eq!(chinese(24), "二十四");
        assert_eq!(chinese(105), "一百零五");
        assert_eq!(number_in("lowerRoman", 14), "xiv");
        assert_eq!(number_in("upperLetter", 28), "BB");
    }
}
