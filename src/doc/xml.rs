//! XML parts of Word documents and EPUB books, read with quick-xml as a flat walk of
//! opening tags, closing tags and text, names without their namespace prefix (`w:p` is `p`),
//! entities resolved. An empty element (`<w:b/>`) opens and closes.

use quick_xml::events::{BytesStart, Event};

/// An element as it opens: its local name and attributes (local names, unescaped values).
#[derive(Debug, Default)]
pub struct Tag {
    /// The element's name without its prefix.
    pub name: String,
    attributes: Vec<(String, String)>,
}

impl Tag {
    /// The value of an attribute, by its local name (`w:val` is `val`).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether an on/off property (`<w:b/>`, `<w:b w:val="0"/>`) is on.
    pub fn is_on(&self) -> bool {
        !matches!(self.attr("val"), Some("0" | "false" | "off" | "none"))
    }
}

/// One step of the walk.
#[derive(Debug)]
pub enum Step<'t> {
    /// An element opens.
    Open(&'t Tag),
    /// An element closes; its local name.
    Close(&'t str),
    /// Text between tags.
    Text(&'t str),
}

/// Walks `xml`, calling `visit` for each step. Fails, with what was wrong, on XML that is
/// not well formed.
pub fn walk(xml: &str, mut visit: impl FnMut(Step<'_>)) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    let mut text = String::new();
    let mut depth = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("XML error at byte {}: {e}", reader.error_position()))?;
        match &event {
            Event::Text(t) => {
                text.push_str(&t.xml10_content().map_err(|e| e.to_string())?);
                continue;
            }
            Event::CData(t) => {
                text.push_str(&String::from_utf8_lossy(t));
                continue;
            }
            Event::GeneralRef(r) => {
                match r.resolve_char_ref() {
                    Ok(Some(c)) => text.push(c),
                    _ => {
                        let name = r.decode().map_err(|e| e.to_string())?;
                        if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
                            text.push_str(s);
                        }
                    }
                }
                continue;
            }
            _ => {}
        }
        if !text.is_empty() {
            visit(Step::Text(&text));
            text.clear();
        }
        match event {
            Event::Start(e) => {
                depth += 1;
                visit(Step::Open(&tag(&e)));
            }
            Event::Empty(e) => {
                let tag = tag(&e);
                visit(Step::Open(&tag));
                visit(Step::Close(&tag.name));
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                visit(Step::Close(&name));
            }
            // A part cut short is damaged, not a shorter document.
            Event::Eof if depth > 0 => {
                return Err(format!("{depth} elements left open at the end"));
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

fn tag(e: &BytesStart<'_>) -> Tag {
    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
    let attributes = e
        .attributes()
        .flatten()
        .map(|a| {
            let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned());
            (key, value)
        })
        .collect();
    Tag { name, attributes }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(xml: &str) -> Vec<String> {
        let mut out = Vec::new();
        walk(xml, |s| {
            out.push(match s {
                Step::Open(t) => format!("<{}{}>", t.name, t.attr("val").unwrap_or("")),
                Step::Close(n) => format!("</{n}>"),
                Step::Text(t) => t.to_string(),
            })
        })
        .unwrap();
        out
    }

    #[test]
    fn names_lose_their_prefix_and_entities_resolve() {
        assert_eq!(
            steps(r#"<w:p><w:b w:val="1"/><w:t>a &amp; b &#x4E2D;</w:t></w:p>"#),
            ["<p>", "<b1>", "</b>", "<t>", "a & b 中", "</t>", "</p>"]
        );
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(walk("<a><b>text</a", |_| {}).is_err());
        assert!(walk("<a><b>text</b>", |_| {}).is_err());
    }
}
