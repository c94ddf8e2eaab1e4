//! Where a Word document's parts are (`_rels/.rels`, `word/_rels/document.xml.rels`) and what
//! its core properties say (`docProps/core.xml`: title, dates).

use std::collections::HashMap;

use crate::doc::archive::resolve;
use crate::doc::front_matter::iso_date;
use crate::doc::xml::{Step, walk};

/// The relationships of a part: each id's type (the last word of its URI) and target.
#[derive(Debug, Default)]
pub struct Relationships {
    /// (id, type, target resolved inside the archive or external URL).
    entries: Vec<(String, String, String)>,
}

impl Relationships {
    /// Reads a `.rels` part of `owner` (the part its targets are relative to).
    pub fn parse(xml: &str, owner: &str) -> Result<Relationships, String> {
        let mut entries = Vec::new();
        walk(xml, |step| {
            if let Step::Open(tag) = step
                && tag.name == "Relationship"
            {
                let id = tag.attr("Id").unwrap_or_default().to_string();
                let kind = tag
                    .attr("Type")
                    .unwrap_or_default()
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .to_string();
                let target = tag.attr("Target").unwrap_or_default();
                let target = if tag.attr("TargetMode") == Some("External") {
                    target.to_string()
                } else {
                    resolve(owner, target)
                };
                entries.push((id, kind, target));
            }
        })?;
        Ok(Relationships { entries })
    }

    /// The target of the first relationship of a type (`officeDocument`, `styles`).
    pub fn of_type(&self, kind: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(_, k, _)| k == kind)
            .map(|(_, _, t)| t.as_str())
    }

    /// Each hyperlink's id and target.
    pub fn links(&self) -> HashMap<String, String> {
        self.entries
            .iter()
            .filter(|(_, k, _)| k == "hyperlink")
            .map(|(id, _, t)| (id.clone(), t.clone()))
            .collect()
    }
}

/// What the core properties say about a document.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Properties {
    /// Its title, when set.
    pub title: Option<String>,
    /// When it was created (else last modified), `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// Reads `docProps/core.xml`.
pub fn properties(xml: &str) -> Result<Properties, String> {
    let mut props = Properties::default();
    let mut modified = None;
    let mut field = String::new();
    walk(xml, |step| match step {
        Step::Open(tag) => field = tag.name.clone(),
        Step::Close(_) => field.clear(),
        Step::Text(text) => {
            let text = text.trim();
            if text.is_empty() {
                return;
            }
            match field.as_str() {
                "title" => props.title = Some(text.to_string()),
                "created" => props.date = iso_date(text),
                "modified" => modified = iso_date(text),
                _ => {}
            }
        }
    })?;
    props.date = props.date.or(modified);
    Ok(props)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationships_resolve_from_their_part() {
        let xml = r#"<Relationships xmlns="x">
          <Relationship Id="rId1" Type="http://x/relationships/styles" Target="styles.xml"/>
          <Relationship Id="rId9" Type="http://x/relationships/hyperlink" Target="https://un.org/" TargetMode="External"/>
        </Relationships>"#;
        let rels = Relationships::parse(xml, "word/document.xml").unwrap();
        assert_eq!(rels.of_type("styles"), Some("word/styles.xml"));
        assert_eq!(rels.links()["rId9"], "https://un.org/");
    }

    #[test]
    fn created_day_else_modified() {
        let xml = r#"<cp:coreProperties xmlns:cp="c" xmlns:dc="d" xmlns:dcterms="t"><dc:title> Memo </dc:title><dcterms:modified>2022-10-06T19:30:24Z</dcterms:modified></cp:coreProperties>"#;
        let p = properties(xml).unwrap();
        assert_eq!(p.title.as_deref(), Some("Memo"));
        assert_eq!(p.date.as_deref(), Some("2022-10-06"));
    }
}
