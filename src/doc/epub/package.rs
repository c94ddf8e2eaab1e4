//! A book's package: where its OPF is (`META-INF/container.xml`), its title and date, its
//! chapters in reading (spine) order, and each chapter's title in the book's navigation.

use std::collections::HashMap;

use crate::doc::archive::{Archive, resolve};
use crate::doc::binary::Refusal;
use crate::doc::xml::{Step, walk};

/// What the package says of a book.
#[derive(Debug, Default)]
pub struct Book {
    /// Its title (`dc:title`).
    pub title: Option<String>,
    /// Its date (`dc:date`, else when it was modified), `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Its chapters' paths in the archive, in reading order.
    pub spine: Vec<String>,
    /// Each chapter's title in the navigation, by path.
    pub titles: HashMap<String, String>,
}

fn damaged(what: &str) -> impl Fn(String) -> Refusal + '_ {
    move |e| Refusal::Damaged(format!("{what}: {e}"))
}

/// Reads the package of a book.
pub fn read(archive: &mut Archive<'_>) -> Result<Book, Refusal> {
    let container = archive
        .text("META-INF/container.xml")?
        .ok_or(Refusal::NotThisFormat)?;
    let mut opf_path = None;
    walk(&container, |step| {
        if let Step::Open(tag) = step
            && tag.name == "rootfile"
            && opf_path.is_none()
        {
            opf_path = tag.attr("full-path").map(str::to_string);
        }
    })
    .map_err(damaged("META-INF/container.xml"))?;
    let opf_path = opf_path.ok_or_else(|| Refusal::Damaged("no package file named".into()))?;
    let opf = archive
        .text(&opf_path)?
        .ok_or_else(|| Refusal::Damaged(format!("{opf_path} is missing")))?;
    let mut book = Book::default();
    // id → (path, media type, properties)
    let mut manifest: HashMap<String, (String, String, String)> = HashMap::new();
    let mut spine_ids = Vec::new();
    let mut ncx_id = None;
    let mut field = String::new();
    let mut modified = None;
    let mut in_modified = false;
    walk(&opf, |step| match step {
        Step::Open(tag) => {
            field = tag.name.clone();
            in_modified = tag.name == "meta" && tag.attr("property") == Some("dcterms:modified");
            match tag.name.as_str() {
                "item" => {
                    let id = tag.attr("id").unwrap_or_default().to_string();
                    let href = resolve(&opf_path, tag.attr("href").unwrap_or_default());
                    manifest.insert(
                        id,
                        (
                            href,
                            tag.attr("media-type").unwrap_or_default().to_string(),
                            tag.attr("properties").unwrap_or_default().to_string(),
                        ),
                    );
                }
                "spine" => ncx_id = tag.attr("toc").map(str::to_string),
                "itemref" => {
                    if let Some(id) = tag.attr("idref") {
                        spine_ids.push(id.to_string());
                    }
                }
                _ => {}
            }
        }
        Step::Close(_) => {
            field.clear();
            in_modified = false;
        }
        Step::Text(text) => {
            let text = text.trim();
            match field.as_str() {
                "title" if book.title.is_none() && !text.is_empty() => {
                    book.title = Some(text.to_string());
                }
                "date" if book.date.is_none() => book.date = day_of(text),
                "meta" if in_modified => modified = day_of(text),
                _ => {}
            }
        }
    })
    .map_err(damaged(&opf_path))?;
    book.date = book.date.or(modified);
    book.spine = spine_ids
        .iter()
        .filter_map(|id| manifest.get(id).map(|(path, _, _)| path.clone()))
        .collect();
    if book.spine.is_empty() {
        return Err(Refusal::Damaged("the book lists no chapters".into()));
    }
    let nav = manifest
        .values()
        .find(|(_, _, props)| props.split_whitespace().any(|p| p == "nav"))
        .map(|(path, _, _)| path.clone());
    let ncx = ncx_id
        .and_then(|id| manifest.get(&id))
        .or_else(|| {
            manifest
                .values()
                .find(|(_, media, _)| media == "application/x-dtbncx+xml")
        })
        .map(|(path, _, _)| path.clone());
    // Navigation is a courtesy: a damaged one leaves chapters named by their text.
    if let Some(path) = nav
        && let Some(xml) = archive.text(&path)?
    {
        book.titles = titles(&xml, &path, "a", "href");
    }
    if book.titles.is_empty()
        && let Some(path) = ncx
        && let Some(xml) = archive.text(&path)?
    {
        book.titles = titles(&xml, &path, "text", "src");
    }
    Ok(book)
}

/// Chapter titles from a navigation document: each link's text (`<a href>` in EPUB 3's
/// `nav`, `<text>` then `<content src>` in an NCX), the first for each chapter.
fn titles(xml: &str, from: &str, label: &str, target: &str) -> HashMap<String, String> {
    let mut out: HashMap<String, String> = HashMap::new();
    let mut text = String::new();
    let mut in_label = false;
    let mut pending: Option<String> = None; // an NCX label waiting for its content
    let mut href: Option<String> = None;
    let _ = walk(xml, |step| match step {
        Step::Open(tag) => {
            if tag.name == label {
                in_label = true;
                text.clear();
                href = tag.attr(target).map(str::to_string);
            }
            if tag.name == "content"
                && let (Some(src), Some(title)) = (tag.attr(target), pending.take())
            {
                let path = resolve(from, src.split('#').next().unwrap_or(src));
                out.entry(path).or_insert(title);
            }
        }
        Step::Text(t) if in_label => text.push_str(t),
        Step::Close(name) if name == label => {
            in_label = false;
            // Ideographic spaces inside a title are the title's; line breaks are not.
            let title = text
                .split(['\n', '\r', '\t'])
                .map(|l| l.trim_matches(' '))
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            match href.take() {
                Some(h) => {
                    let path = resolve(from, h.split('#').next().unwrap_or(&h));
                    out.entry(path).or_insert(title);
                }
                None => pending = Some(title),
            }
        }
        _ => {}
    });
    out
}

/// The day of a date as books write it (`2018-03-11`, `2018-03-11T…`, `20180311Z`).
fn day_of(text: &str) -> Option<String> {
    let digits: String = text
        .chars()
        .take_while(|c| *c != 'T')
        .filter(char::is_ascii_digit)
        .collect();
    (digits.len() >= 8).then(|| format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]))
}
