//! Web pages (`.html`, `.htm`, `.xhtml`, or HTML by content), read with an HTML5 parser
//! (html5ever, through `dom_query`): the article found in the page ([`article`]), else the
//! whole body; its title from `<h1>`, else `og:title` or `<title>` without the site's name;
//! its date from `article:published_time`, `<time>`, or the dateline by its headline.

mod article;
mod lines;
mod walk;

use dom_query::Document as Page;

use super::front_matter::iso_date;
use super::markdown::promote_bold_lines;
use super::{Block, BlockKind};
use lines::assign_lines;

pub use super::Read;

/// Reads a web page; `whole_page` reads all of its body without looking for the article.
pub fn parse(source: &str, whole_page: bool) -> Read {
    let page = Page::from(source);
    let title = title(&page);
    let date = date(&page);
    let article = if whole_page {
        None
    } else {
        article::find(page)
    };
    let mut blocks = match &article {
        Some(fragment) => walk::blocks(&fragment.root(), source.len() / 2),
        None => {
            // Looking for the article used the page up: read it again, whole.
            let page = Page::from(source);
            let body = page.select("body");
            match body.nodes().first() {
                Some(node) => walk::blocks(node, source.len()),
                None => walk::blocks(&page.root(), source.len()),
            }
        }
    };
    // The title heads the text once, as its first heading; sections without headings have
    // their bold-only paragraphs for headings.
    if let Some(t) = &title {
        let bare = |s: &str| s.split_whitespace().collect::<String>();
        let same = |b: &Block| bare(b.text()) == bare(t);
        let lead = blocks.iter().take(3).position(same);
        if let Some(at) = lead {
            blocks.drain(..=at);
        }
    }
    promote_bold_lines(&mut blocks);
    if let Some(t) = title.as_ref().filter(|_| !blocks.is_empty()) {
        blocks.insert(0, Block::new(BlockKind::Heading(1), t.clone(), 1));
    }
    assign_lines(source, &mut blocks);
    Read {
        blocks,
        title,
        date,
        whole_page: article.is_none(),
        unread_pages: 0,
        damage: None,
    }
}

/// The blocks of a piece of HTML inside another document (a Markdown file's `<h2>` or
/// `<table>`): its headings at their levels, its paragraphs, lists and rows.
pub(crate) fn fragment_blocks(html: &str) -> Vec<Block> {
    // Parsed as a body of its own, so that tables and lists are built as a page builds them.
    let page = Page::from(format!("<!DOCTYPE html><html><body>{html}</body></html>"));
    let body = page.select("body");
    let mut blocks = body
        .nodes()
        .first()
        .map(|node| walk::blocks(node, html.len()))
        .unwrap_or_default();
    assign_lines(html, &mut blocks);
    blocks
}

/// The blocks of a whole page's body, as a book's chapter is read: all of it, its
/// headings at their levels.
pub(crate) fn body_blocks(source: &str) -> Vec<Block> {
    let page = Page::from(source);
    let body = page.select("body");
    let mut blocks = match body.nodes().first() {
        Some(node) => walk::blocks(node, source.len()),
        None => walk::blocks(&page.root(), source.len()),
    };
    assign_lines(source, &mut blocks);
    blocks
}

/// Whether a text is a web page: it opens (after white space and comments) with a doctype
/// or an `<html>` tag.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(after) = rest.strip_prefix("<!--") {
        rest = after.split_once("-->").map_or("", |(_, r)| r).trim_start();
    }
    if let Some(after) = rest.strip_prefix("<?xml") {
        rest = after.split_once("?>").map_or("", |(_, r)| r).trim_start();
    }
    rest.starts_with("<!doctype html") || rest.starts_with("<html")
}

/// A style an inline tag opens, in a page and in Markdown alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InlineStyle {
    /// `<b>`, `<strong>`.
    Bold,
    /// `<i>`, `<em>`, `<cite>`, `<dfn>`.
    Italic,
    /// `<code>`, `<kbd>`, `<samp>`, `<tt>`.
    Code,
    /// `<a href>`.
    Link,
    /// `<s>`, `<del>`, `<strike>`.
    Strike,
}

impl InlineStyle {
    /// The style an inline tag (its name in lower case) opens, if any.
    pub fn of(name: &str) -> Option<InlineStyle> {
        match name {
            "b" | "strong" => Some(InlineStyle::Bold),
            "i" | "em" | "cite" | "dfn" => Some(InlineStyle::Italic),
            "code" | "kbd" | "samp" | "tt" => Some(InlineStyle::Code),
            "a" => Some(InlineStyle::Link),
            "s" | "del" | "strike" => Some(InlineStyle::Strike),
            _ => None,
        }
    }

    /// Sets this style on `style`.
    pub fn apply(self, style: &mut crate::doc::SpanStyle) {
        match self {
            InlineStyle::Bold => style.bold = true,
            InlineStyle::Italic => style.italic = true,
            InlineStyle::Code => style.code = true,
            InlineStyle::Link => style.link = true,
            InlineStyle::Strike => style.strike = true,
        }
    }
}

/// Whether a text is a fragment of a page saved without its `<html>`: it opens with a block
/// element (`<h2>`, `<p>`, `<div>`, `<table>`…) that it closes further on.
pub fn looks_like_html_fragment(text: &str) -> bool {
    const BLOCKS: [&str; 14] = [
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "table", "article", "section", "ul", "ol",
        "body",
    ];
    let t = text.trim_start_matches('\u{feff}').trim_start();
    let Some(rest) = t.strip_prefix('<') else {
        return false;
    };
    let name: String = rest
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let opened = rest[name.len()..].starts_with(['>', ' ', '\n', '\t']);
    let head: String = t
        .chars()
        .take(64 * 1024)
        .collect::<String>()
        .to_ascii_lowercase();
    BLOCKS.contains(&name.as_str()) && opened && head.contains(&format!("</{name}>"))
}

/// The page's title: its first `<h1>`, else `og:title`, else `<title>` without the site's
/// name after a separator.
fn title(page: &Page) -> Option<String> {
    let clean = |s: &str| {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        (!s.is_empty()).then_some(s)
    };
    let h1 = page.select("body h1");
    if let Some(t) = h1.nodes().first().and_then(|n| clean(&n.text())) {
        return Some(t);
    }
    let og = page.select(r#"meta[property="og:title"]"#);
    if let Some(t) = og.attr("content").and_then(|c| clean(&c)) {
        return Some(without_site_name(&t));
    }
    let title = page.select("head title");
    let text = clean(&title.text())?;
    Some(without_site_name(&text))
}

/// `Article title - Site name` → `Article title`: the part before the first separator, as
/// sites write it, unless that part is too short to be a title (`BBC - Article`), then the
/// longest part.
fn without_site_name(title: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", "_", " · "] {
        let parts: Vec<&str> = title.split(sep).map(str::trim).collect();
        if parts.len() > 1 {
            let words = |p: &str| p.split_whitespace().count().max(p.chars().count() / 2);
            if words(parts[0]) >= 3 {
                return parts[0].to_string();
            }
            let longest = parts.iter().copied().max_by_key(|p| p.chars().count());
            if let Some(p) = longest.filter(|p| p.chars().count() >= 4) {
                return p.to_string();
            }
        }
    }
    title.to_string()
}

/// The page's date: `article:published_time`, else the first `<time datetime>`, as
/// `YYYY-MM-DD`.
fn date(page: &Page) -> Option<String> {
    let meta = page.select(r#"meta[property="article:published_time"], meta[name="pubdate"], meta[name="publishdate"], meta[itemprop="datePublished"]"#);
    let time = page.select("time[datetime]");
    [meta.attr("content"), time.attr("datetime")]
        .into_iter()
        .flatten()
        .find_map(|value| iso_date(value.trim()))
        .or_else(|| dateline(page))
}

/// The date a page prints by its headline (`<span class="time">2020-06-05 20:35</span>`
/// beside the `<h1>`): an element whose class names a time or date, in the headline's box
/// or the one around it, whose text opens with a full date.
fn dateline(page: &Page) -> Option<String> {
    let h1 = page.select("body h1").first();
    let near = h1.parent();
    // Not the whole page: a list of other articles has their dates.
    let boxes = [near.clone(), near.parent()]
        .into_iter()
        .filter(|b| !b.is("body, html") && b.exists());
    for scope in boxes {
        let marked = scope.select(r#"[class*="time"], [class*="date"], [class*="pub"]"#);
        for node in marked.nodes() {
            let text = node.text();
            let text = text.trim();
            if let Some(date) = iso_date(text).or_else(|| written_date(text)) {
                return Some(date);
            }
        }
    }
    None
}

/// A date written `2020年6月5日` at the start of a text, as `2020-06-05`.
fn written_date(text: &str) -> Option<String> {
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, _) = rest.split_once('日')?;
    let number = |s: &str, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (y, m, d) = (
        number(year, 4..=4)?,
        number(month, 1..=2)?,
        number(day, 1..=2)?,
    );
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}
